/* limber-session-controller.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-plan.h"
#include "limber-session.h"
#include "limber-session-log.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SESSION_CONTROLLER (limber_session_controller_get_type ())

G_DECLARE_FINAL_TYPE (LimberSessionController, limber_session_controller, LIMBER, SESSION_CONTROLLER, GObject)

LimberSessionController *limber_session_controller_new         (GtkWidget               *window,
                                                                LimberPlan              *plan,
                                                                GtkStack                *stack,
                                                                GtkRevealer             *bar_slot,
                                                                AdwToastOverlay         *toast_overlay);
LimberSession           *limber_session_controller_get_session (LimberSessionController *self);
GtkWidget               *limber_session_controller_get_view    (LimberSessionController *self);
GObject                 *limber_session_controller_get_speech  (LimberSessionController *self);
gboolean                 limber_session_controller_get_active  (LimberSessionController *self);
void                     limber_session_controller_start       (LimberSessionController *self,
                                                                LimberSessionMode        mode,
                                                                LimberExercise          *only);
void                     limber_session_controller_close       (LimberSessionController *self);
void                     limber_session_controller_set_session_log (LimberSessionController *self,
                                                                    LimberSessionLog        *log);
void                     limber_session_controller_prepare_listen (LimberSessionController *self,
                                                                   LimberExercise          *exercise);
void                     limber_session_controller_set_return_page (LimberSessionController *self,
                                                                    const char              *page);
void                     limber_session_controller_set_kiosk   (LimberSessionController *self,
                                                                gboolean                 kiosk);

G_END_DECLS
