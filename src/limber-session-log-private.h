/* limber-session-log-private.h: test hooks.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-session-log.h"

G_BEGIN_DECLS

/* Caps the database at @n_pages pages, as a full disk would. */
void limber_session_log_set_max_page_count (LimberSessionLog *self,
                                            guint             n_pages);

G_END_DECLS
