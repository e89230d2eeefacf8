/* limber-plan.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "limber-catalog.h"

G_BEGIN_DECLS

#define LIMBER_PLAN_ERROR (limber_plan_error_quark ())

typedef enum {
  /* An administrator has locked a part of the plan that would change. */
  LIMBER_PLAN_ERROR_LOCKED,
} LimberPlanError;

/* What a new plan says for one exercise: whether it is shown, and its hold
 * and repetitions (0 for the handout's range). */
typedef void (*LimberPlanEntryFunc) (LimberExercise *exercise,
                                     gboolean       *shown,
                                     guint          *hold,
                                     guint          *repetitions,
                                     gpointer        user_data);

#define LIMBER_TYPE_PLAN (limber_plan_get_type ())

G_DECLARE_FINAL_TYPE (LimberPlan, limber_plan, LIMBER, PLAN, GObject)

GQuark         limber_plan_error_quark            (void);

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
void           limber_plan_reset_exercise         (LimberPlan     *self,
                                                   LimberExercise *exercise);
gboolean       limber_plan_is_locked              (LimberPlan     *self);
gboolean       limber_plan_is_shown_locked        (LimberPlan     *self);
gboolean       limber_plan_is_hold_locked         (LimberPlan     *self);
gboolean       limber_plan_is_repetitions_locked  (LimberPlan     *self);
GVariant      *limber_plan_snapshot               (LimberPlan     *self);
GVariant      *limber_plan_build_snapshot         (LimberPlan     *self,
                                                   LimberPlanEntryFunc entry_func,
                                                   gpointer        user_data);
gboolean       limber_plan_restore                (LimberPlan     *self,
                                                   GVariant       *snapshot,
                                                   GError        **error);

G_END_DECLS
