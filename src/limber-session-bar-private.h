/* limber-session-bar-private.h: what the tests reach inside the session bar.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-session-bar.h"

G_BEGIN_DECLS

GtkWidget *limber_session_bar_get_pause_button (LimberSessionBar *self);

G_END_DECLS
