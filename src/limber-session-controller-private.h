/* limber-session-controller-private.h: what the tests reach inside the session controller.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-session-controller.h"

G_BEGIN_DECLS

GtkWidget *limber_session_controller_get_pause_button (LimberSessionController *self);

G_END_DECLS
