/* limber-kiosk-controller.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-kiosk-guard.h"
#include "limber-plan.h"
#include "limber-session-controller.h"
#include "limber-slideshow.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_KIOSK_CONTROLLER (limber_kiosk_controller_get_type ())

G_DECLARE_FINAL_TYPE (LimberKioskController, limber_kiosk_controller, LIMBER, KIOSK_CONTROLLER, GObject)

LimberKioskController *limber_kiosk_controller_new           (GtkWindow               *window,
                                                              GtkOverlay              *overlay,
                                                              GtkWidget               *header_bar,
                                                              GtkWidget               *menu_button,
                                                              LimberSessionController *session,
                                                              LimberPlan              *plan,
                                                              GSettings               *settings);
gboolean               limber_kiosk_controller_get_active    (LimberKioskController   *self);
void                   limber_kiosk_controller_set_active    (LimberKioskController   *self,
                                                              gboolean                 active);
LimberSlideshow       *limber_kiosk_controller_get_slideshow (LimberKioskController   *self);
LimberKioskGuard      *limber_kiosk_controller_get_guard     (LimberKioskController   *self);

G_END_DECLS
