/* limber-narrator.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "limber-exercise.h"

G_BEGIN_DECLS

typedef enum {
  LIMBER_NARRATOR_STATE_STOPPED,
  LIMBER_NARRATOR_STATE_PLAYING,
  LIMBER_NARRATOR_STATE_PAUSED,
} LimberNarratorState;

/* Values of the current-step property besides the step numbers 1..n. */
#define LIMBER_NARRATOR_NO_STEP (-1)
#define LIMBER_NARRATOR_INTRO   0

#define LIMBER_TYPE_NARRATOR_STATE (limber_narrator_state_get_type ())
#define LIMBER_TYPE_NARRATOR (limber_narrator_get_type ())

GType limber_narrator_state_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (LimberNarrator, limber_narrator, LIMBER, NARRATOR, GObject)

LimberNarrator      *limber_narrator_new                (void);

LimberExercise      *limber_narrator_get_exercise       (LimberNarrator *self);
void                 limber_narrator_set_exercise       (LimberNarrator *self,
                                                         LimberExercise *exercise);
LimberNarratorState  limber_narrator_get_state          (LimberNarrator *self);
int                  limber_narrator_get_current_step   (LimberNarrator *self);
guint                limber_narrator_get_repeat_count   (LimberNarrator *self);
void                 limber_narrator_set_repeat_count   (LimberNarrator *self,
                                                         guint           count);
guint                limber_narrator_get_hold_seconds   (LimberNarrator *self);
void                 limber_narrator_set_hold_seconds   (LimberNarrator *self,
                                                         guint           seconds);
guint                limber_narrator_get_hold_remaining (LimberNarrator *self);
guint                limber_narrator_get_repetition     (LimberNarrator *self);
guint                limber_narrator_get_repetitions    (LimberNarrator *self);
const char          *limber_narrator_get_problem        (LimberNarrator *self);

void                 limber_narrator_play               (LimberNarrator *self);
void                 limber_narrator_pause              (LimberNarrator *self);
void                 limber_narrator_resume             (LimberNarrator *self);
void                 limber_narrator_toggle             (LimberNarrator *self);
void                 limber_narrator_stop               (LimberNarrator *self);
void                 limber_narrator_next_step          (LimberNarrator *self);
void                 limber_narrator_previous_step      (LimberNarrator *self);

char                *limber_narrator_dup_clip_name      (guint           clip);
char                *limber_narrator_dup_clip_text      (LimberExercise *exercise,
                                                         guint           clip);
char                *limber_narrator_find_clip          (LimberNarrator *self,
                                                         const char     *exercise_id,
                                                         guint           clip);

G_END_DECLS
