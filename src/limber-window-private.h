/* limber-window-private.h: what the tests look at inside the window.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-kiosk-guard.h"
#include "limber-session-controller.h"
#include "limber-slideshow.h"
#include "limber-window.h"

G_BEGIN_DECLS

AdwCarousel *limber_window_get_carousel         (LimberWindow *self);
const char  *limber_window_get_visible_page     (LimberWindow *self);
GtkWidget   *limber_window_get_error_page       (LimberWindow *self);
GtkWidget   *limber_window_get_follow_up_dialog (LimberWindow *self);
GtkWidget   *limber_window_get_plan_dialog      (LimberWindow *self);
GtkWidget   *limber_window_get_history_dialog   (LimberWindow *self);
const char  *limber_window_get_hidden_text      (LimberWindow *self);
GtkWidget   *limber_window_get_previous_button  (LimberWindow *self);
GtkWidget   *limber_window_get_next_button      (LimberWindow *self);
LimberSlideshow  *limber_window_get_slideshow          (LimberWindow *self);
LimberKioskGuard *limber_window_get_kiosk_guard        (LimberWindow *self);
GtkWidget        *limber_window_get_kiosk_pause_button (LimberWindow *self);
GtkWidget        *limber_window_get_header_bar         (LimberWindow *self);
GtkWidget        *limber_window_get_menu_button        (LimberWindow *self);

LimberSessionController *limber_window_get_session_controller (LimberWindow *self);

G_END_DECLS
