/* limber-narration-controller.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-narrator.h"
#include "limber-plan.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_NARRATION_CONTROLLER (limber_narration_controller_get_type ())

G_DECLARE_FINAL_TYPE (LimberNarrationController, limber_narration_controller, LIMBER, NARRATION_CONTROLLER, GObject)

LimberNarrationController *limber_narration_controller_new (GtkWidget       *window,
                                                            AdwCarousel     *carousel,
                                                            AdwToastOverlay *toast_overlay);
void                       limber_narration_controller_set_plan (LimberNarrationController *self,
                                                                 LimberPlan                *plan);
LimberNarrator            *limber_narration_controller_get_narrator (LimberNarrationController *self);
void                       limber_narration_controller_set_controls_visible (LimberNarrationController *self,
                                                                             gboolean                   visible);

G_END_DECLS
