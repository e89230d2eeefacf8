/* limber-plan.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "limber-catalog.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PLAN (limber_plan_get_type ())

G_DECLARE_FINAL_TYPE (LimberPlan, limber_plan, LIMBER, PLAN, GObject)

LimberPlan    *limber_plan_new                    (LimberCatalog  *catalog,
                                                   GSettings      *settings);
LimberCatalog *limber_plan_get_catalog            (LimberPlan     *self);
GSettings     *limber_plan_get_settings           (LimberPlan     *self);
GListModel    *limber_plan_get_shown_exercises    (LimberPlan     *self);
guint          limber_plan_get_n_hidden           (LimberPlan     *self);
gboolean       limber_plan_is_shown               (LimberPlan     *self,
                                                   LimberExercise *exercise);
void           limber_plan_set_shown              (LimberPlan     *self,
                                                   LimberExercise *exercise,
                                                   gboolean        shown);
guint          limber_plan_get_prescribed_hold    (LimberPlan     *self,
                                                   LimberExercise *exercise);
void           limber_plan_set_prescribed_hold    (LimberPlan     *self,
                                                   LimberExercise *exercise,
                                                   guint           seconds);
guint          limber_plan_get_prescribed_repetitions (LimberPlan     *self,
                                                       LimberExercise *exercise);
void           limber_plan_set_prescribed_repetitions (LimberPlan     *self,
                                                       LimberExercise *exercise,
                                                       guint           repetitions);
guint          limber_plan_get_hold_seconds       (LimberPlan     *self,
                                                   LimberExercise *exercise);
char          *limber_plan_dup_dosage             (LimberPlan     *self,
                                                   LimberExercise *exercise);
char          *limber_plan_dup_step_text          (LimberPlan     *self,
                                                   LimberExercise *exercise,
                                                   guint           step);
void           limber_plan_reset                  (LimberPlan     *self);

G_END_DECLS
