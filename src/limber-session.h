/* limber-session.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "limber-countdown.h"
#include "limber-session-script.h"

G_BEGIN_DECLS

typedef enum {
  LIMBER_SESSION_STATE_STOPPED,
  LIMBER_SESSION_STATE_PLAYING,
  LIMBER_SESSION_STATE_PAUSED,
} LimberSessionState;

/* How an exercise of a session went. */
typedef enum {
  LIMBER_EXERCISE_OUTCOME_NOT_REACHED,
  LIMBER_EXERCISE_OUTCOME_DONE,
  LIMBER_EXERCISE_OUTCOME_SKIPPED,
} LimberExerciseOutcome;

#define LIMBER_TYPE_SESSION_STATE (limber_session_state_get_type ())
#define LIMBER_TYPE_SESSION (limber_session_get_type ())

GType limber_session_state_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (LimberSession, limber_session, LIMBER, SESSION, GObject)

LimberSession         *limber_session_new                (GObject             *speech);

void                   limber_session_start              (LimberSession       *self,
                                                          LimberSessionScript *script);
void                   limber_session_pause              (LimberSession       *self);
void                   limber_session_resume             (LimberSession       *self);
void                   limber_session_toggle             (LimberSession       *self);
void                   limber_session_stop               (LimberSession       *self);
void                   limber_session_next_step          (LimberSession       *self);
void                   limber_session_previous_step      (LimberSession       *self);
void                   limber_session_skip_exercise      (LimberSession       *self);
void                   limber_session_ready              (LimberSession       *self);
void                   limber_session_go_to_exercise     (LimberSession       *self,
                                                          guint                exercise_index);

LimberSessionState     limber_session_get_state          (LimberSession       *self);
LimberSessionScript   *limber_session_get_script         (LimberSession       *self);
guint                  limber_session_get_cue_index      (LimberSession       *self);
const LimberCue       *limber_session_get_cue            (LimberSession       *self);
LimberExercise        *limber_session_get_exercise       (LimberSession       *self);
int                    limber_session_get_step           (LimberSession       *self);
guint                  limber_session_get_repetition     (LimberSession       *self);
guint                  limber_session_get_repetitions    (LimberSession       *self);
gboolean               limber_session_get_waiting        (LimberSession       *self);
gboolean               limber_session_get_completed      (LimberSession       *self);
LimberCountdown       *limber_session_get_countdown      (LimberSession       *self);
const char            *limber_session_get_spoken_text    (LimberSession       *self);
const char            *limber_session_get_summary        (LimberSession       *self);
guint                  limber_session_get_n_done         (LimberSession       *self);
guint                  limber_session_get_active_seconds (LimberSession       *self);
GDateTime             *limber_session_get_start_time     (LimberSession       *self);
GDateTime             *limber_session_get_end_time       (LimberSession       *self);
LimberExerciseOutcome  limber_session_get_outcome        (LimberSession       *self,
                                                          guint                exercise_index,
                                                          guint               *holds_done,
                                                          guint               *repetitions_done);

G_END_DECLS
