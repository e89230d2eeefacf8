/* limber-session-script.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "limber-plan.h"

G_BEGIN_DECLS

typedef enum {
  LIMBER_CUE_ANNOUNCE,    /* an exercise's number, title, warning and equipment */
  LIMBER_CUE_STEP,        /* a step, spoken, then the time to do it */
  LIMBER_CUE_HOLD,        /* a hold, counted down and coached */
  LIMBER_CUE_REPETITION,  /* "Repetition 2 of 3", then time to get back into the stretch */
  LIMBER_CUE_COUNT,       /* one counted movement: its number, at the movement's pace */
  LIMBER_CUE_RELAX,       /* "Relax", after the last counted movement */
  LIMBER_CUE_REST,        /* a rest between repetitions or between exercises */
  LIMBER_CUE_DWELL,       /* the silent kiosk: an exercise shown whole, for a while */
  LIMBER_CUE_FINISH,      /* the end of the routine */
} LimberCueKind;

typedef enum {
  LIMBER_SESSION_MODE_ROUTINE,  /* the plan's shown exercises, then a summary */
  LIMBER_SESSION_MODE_SINGLE,   /* one exercise: Listen on a slide */
  LIMBER_SESSION_MODE_KIOSK,    /* the shown exercises over and over */
  LIMBER_SESSION_MODE_DWELL,    /* the kiosk without sound: each exercise shown for the dwell */
} LimberSessionMode;

#define LIMBER_TYPE_CUE_KIND (limber_cue_kind_get_type ())
#define LIMBER_TYPE_SESSION_MODE (limber_session_mode_get_type ())

GType limber_cue_kind_get_type     (void) G_GNUC_CONST;
GType limber_session_mode_get_type (void) G_GNUC_CONST;

/* One thing a session does. Owned by its script. */
typedef struct
{
  LimberCueKind   kind;
  LimberExercise *exercise;        /* NULL for the finish */
  guint           exercise_index;  /* among the session's exercises, from 0 */
  int             step;            /* as numbered on the slide; 0 for the announcement */
  char           *text;            /* what is said as it begins, if anything */
  /* Holds, rests and dwells: how long they count down. Counts: the pace of
   * one movement, from its number. The others: the time to act after the
   * words have been said. All in real milliseconds. */
  guint           duration_ms;
  /* A position step in "wait-for-ready" mode waits for Ready instead. */
  gboolean        wait_for_ready;
  guint           repetition;      /* 1 for the first, 0 when not counted */
  guint           repetitions;
  LimberExercise *next_exercise;   /* a rest between exercises: the one that follows */
} LimberCue;

#define LIMBER_TYPE_SESSION_SCRIPT (limber_session_script_get_type ())

G_DECLARE_FINAL_TYPE (LimberSessionScript, limber_session_script, LIMBER, SESSION_SCRIPT, GObject)

LimberSessionScript *limber_session_script_new             (LimberPlan          *plan,
                                                            GSettings           *settings,
                                                            LimberSessionMode    mode,
                                                            LimberExercise      *only);
LimberSessionMode    limber_session_script_get_mode        (LimberSessionScript *self);
guint                limber_session_script_get_n_cues      (LimberSessionScript *self);
const LimberCue     *limber_session_script_get_cue         (LimberSessionScript *self,
                                                            guint                index);
guint                limber_session_script_get_n_exercises (LimberSessionScript *self);
LimberExercise      *limber_session_script_get_exercise    (LimberSessionScript *self,
                                                            guint                index);
guint                limber_session_script_find_step       (LimberSessionScript *self,
                                                            guint                from,
                                                            int                  direction);
guint                limber_session_script_find_exercise_end (LimberSessionScript *self,
                                                              guint                from);
guint                limber_session_script_find_exercise_start (LimberSessionScript *self,
                                                                guint                exercise_index);
guint                limber_session_script_get_hold_seconds (LimberSessionScript *self,
                                                             LimberExercise      *exercise);
guint                limber_session_script_get_repetitions  (LimberSessionScript *self,
                                                             LimberExercise      *exercise);

G_END_DECLS
