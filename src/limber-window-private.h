/* limber-window-private.h: what the tests look at inside the window.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-kiosk-controller.h"
#include "limber-session-controller.h"
#include "limber-window.h"

G_BEGIN_DECLS

AdwCarousel *limber_window_get_carousel         (LimberWindow *self);
const char  *limber_window_get_visible_page     (LimberWindow *self);
GtkWidget   *limber_window_get_error_page       (LimberWindow *self);
GtkWidget   *limber_window_get_follow_up_dialog (LimberWindow *self);
GtkWidget   *limber_window_get_plan_dialog      (LimberWindow *self);
GtkWidget   *limber_window_get_history_dialog   (LimberWindow *self);
const char  *limber_window_get_hidden_text      (LimberWindow *self);

LimberSessionController *limber_window_get_session_controller (LimberWindow *self);
LimberKioskController   *limber_window_get_kiosk_controller   (LimberWindow *self);

G_END_DECLS
