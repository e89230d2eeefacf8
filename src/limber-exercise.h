/* limber-exercise.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  LIMBER_STEP_KIND_ACTION,
  LIMBER_STEP_KIND_HOLD,
  LIMBER_STEP_KIND_REPEAT,
} LimberStepKind;

/* The sentence that gives a timed step its number: the handout's range, or a
 * physiotherapist's prescription. Said after the step's own words, if any. */
typedef enum {
  LIMBER_STEP_COUNT_NONE,
  LIMBER_STEP_COUNT_STAY,           /* "Stay in the stretch for 20 seconds." */
  LIMBER_STEP_COUNT_STRETCH_TIMES,  /* "Do the stretch 3 times in all." */
  LIMBER_STEP_COUNT_TIMES,          /* "Do this 10 times." */
  LIMBER_STEP_COUNT_CIRCLES,        /* "Make 3 circles." */
  LIMBER_STEP_COUNT_CIRCLES_AGAIN,  /* "Again make 3 circles." */
} LimberStepCount;

#define LIMBER_TYPE_EXERCISE (limber_exercise_get_type ())

G_DECLARE_FINAL_TYPE (LimberExercise, limber_exercise, LIMBER, EXERCISE, GObject)

const char         *limber_exercise_get_id                    (LimberExercise *self);
const char         *limber_exercise_get_title                 (LimberExercise *self);
const char         *limber_exercise_get_summary               (LimberExercise *self);
const char * const *limber_exercise_get_steps                 (LimberExercise *self);
guint               limber_exercise_get_n_steps               (LimberExercise *self);
LimberStepKind      limber_exercise_get_step_kind             (LimberExercise *self,
                                                               guint           step);
LimberStepCount     limber_exercise_get_step_count            (LimberExercise *self,
                                                               guint           step);
gboolean            limber_exercise_step_changes_position     (LimberExercise *self,
                                                               guint           step);
char               *limber_exercise_dup_step_text             (LimberExercise *self,
                                                               guint           step,
                                                               guint           hold_seconds,
                                                               guint           repetitions);
gboolean            limber_exercise_step_count_from_string    (const char     *name,
                                                               LimberStepCount *count);
guint               limber_exercise_get_hold_min              (LimberExercise *self);
guint               limber_exercise_get_hold_max              (LimberExercise *self);
guint               limber_exercise_get_repetitions_min       (LimberExercise *self);
guint               limber_exercise_get_repetitions_max       (LimberExercise *self);
gboolean            limber_exercise_get_repeat_each_direction (LimberExercise *self);
const char         *limber_exercise_get_warning               (LimberExercise *self);
const char         *limber_exercise_get_equipment             (LimberExercise *self);
const char         *limber_exercise_get_illustration          (LimberExercise *self);
const char         *limber_exercise_get_alt_text              (LimberExercise *self);
char               *limber_exercise_dup_dosage                (LimberExercise *self);
char               *limber_exercise_dup_dosage_for            (LimberExercise *self,
                                                               guint           hold_seconds,
                                                               guint           repetitions);

G_END_DECLS
