/* limber-session-recorder.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turns a routine that ended into a LimberSessionRecord for the session log.
 * A routine stopped part-way is written at once; one run to its end waits
 * on its summary for the "How did it feel?" answer, and is written when it
 * comes, when it is skipped, or when the summary is left without one, so
 * one key press is all the rating costs and no session waits forever.
 * Listen on one slide and the kiosk are not the person's routine, and a
 * routine stopped before any exercise was done leaves nothing.
 */

#define G_LOG_DOMAIN "limber-session-recorder"

#include "limber-config.h"

#include "limber-session-record.h"
#include "limber-session-recorder.h"

struct _LimberSessionRecorder
{
  GObject              parent_instance;

  LimberSessionLog    *log;
  LimberPlan          *plan;
  LimberSessionRecord *pending;   /* a finished routine awaiting its rating */
};

G_DEFINE_FINAL_TYPE (LimberSessionRecorder, limber_session_recorder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_pending (LimberSessionRecorder *self,
             LimberSessionRecord   *record)
{
  gboolean was_pending = self->pending != NULL;

  g_set_object (&self->pending, record);
  if (was_pending != (record != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* The record of @session as it ended; NULL when there is nothing to keep. */
static LimberSessionRecord *
record_session (LimberSessionRecorder *self,
                LimberSession         *session)
{
  LimberSessionScript *script = limber_session_get_script (session);
  g_autoptr(LimberSessionRecord) record = NULL;
  gboolean done_any = FALSE;

  if (script == NULL || limber_session_script_get_mode (script) != LIMBER_SESSION_MODE_ROUTINE)
    return NULL;
  if (limber_session_get_start_time (session) == NULL)
    return NULL;

  record = limber_session_record_new (limber_session_get_start_time (session));
  if (limber_session_get_end_time (session) != NULL)
    limber_session_record_set_end (record, limber_session_get_end_time (session));
  limber_session_record_set_plan (record, self->plan);

  for (guint i = 0; i < limber_session_script_get_n_exercises (script); i++)
    {
      LimberExercise *exercise = limber_session_script_get_exercise (script, i);
      guint holds_done = 0;
      guint repetitions_done = 0;
      LimberExerciseOutcome outcome = limber_session_get_outcome (session, i, &holds_done, &repetitions_done);

      if (outcome == LIMBER_EXERCISE_OUTCOME_DONE)
        done_any = TRUE;

      /* Not reached counts as not done: the person stopped before it. */
      limber_session_record_add_exercise (record,
                                          limber_exercise_get_id (exercise),
                                          limber_exercise_get_title (exercise),
                                          outcome == LIMBER_EXERCISE_OUTCOME_DONE,
                                          limber_session_script_get_hold_seconds (script, exercise),
                                          holds_done,
                                          repetitions_done,
                                          limber_session_script_get_repetitions (script, exercise));
    }

  return done_any ? g_steal_pointer (&record) : NULL;
}

static gboolean
write_pending (LimberSessionRecorder  *self,
               GError                **error)
{
  g_autoptr(LimberSessionRecord) record = g_object_ref (self->pending);

  /* No longer pending even if the write fails: the log keeps an unsaved
   * session and tries it again with the next one. */
  set_pending (self, NULL);

  return limber_session_log_add (self->log, record, error);
}

/**
 * limber_session_recorder_take:
 * @session: a session that has just ended
 *
 * Keeps what @session did: written now if it was stopped part-way, or
 * pending its rating if it ran to its end. A session pending before is
 * written first, unrated.
 *
 * Returns: %FALSE if a session could not be written to the log
 */
gboolean
limber_session_recorder_take (LimberSessionRecorder  *self,
                              LimberSession          *session,
                              GError                **error)
{
  g_autoptr(LimberSessionRecord) record = NULL;

  g_return_val_if_fail (LIMBER_IS_SESSION_RECORDER (self), FALSE);
  g_return_val_if_fail (LIMBER_IS_SESSION (session), FALSE);

  if (!limber_session_recorder_save_pending (self, NULL, error))
    return FALSE;

  record = record_session (self, session);
  if (record == NULL)
    return TRUE;

  set_pending (self, record);
  if (limber_session_get_completed (session))
    return TRUE;

  return write_pending (self, error);
}

/**
 * limber_session_recorder_rate:
 * @pain_rating: 0 to 10, or %LIMBER_SESSION_RECORD_NO_PAIN_RATING when skipped
 * @note: (nullable): the person's note; empty or %NULL for none
 *
 * Answers the pending session's question and writes it.
 *
 * Returns: %FALSE if it could not be written to the log
 */
gboolean
limber_session_recorder_rate (LimberSessionRecorder  *self,
                              int                     pain_rating,
                              const char             *note,
                              GError                **error)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORDER (self), FALSE);
  g_return_val_if_fail (pain_rating >= LIMBER_SESSION_RECORD_NO_PAIN_RATING && pain_rating <= 10, FALSE);

  if (self->pending == NULL)
    return TRUE;

  limber_session_record_set_pain_rating (self->pending, pain_rating);

  return limber_session_recorder_save_pending (self, note, error);
}

/**
 * limber_session_recorder_save_pending:
 * @note: (nullable): the person's note, typed without a rating
 *
 * Writes the pending session, if there is one, as it is.
 *
 * Returns: %FALSE if it could not be written to the log
 */
gboolean
limber_session_recorder_save_pending (LimberSessionRecorder  *self,
                                      const char             *note,
                                      GError                **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (LIMBER_IS_SESSION_RECORDER (self), FALSE);

  if (self->pending == NULL)
    return TRUE;

  stripped = g_strstrip (g_strdup (note != NULL ? note : ""));
  if (*stripped != '\0')
    limber_session_record_set_note (self->pending, stripped);

  return write_pending (self, error);
}

/**
 * limber_session_recorder_get_pending:
 *
 * Returns: whether a finished routine waits for its rating
 */
gboolean
limber_session_recorder_get_pending (LimberSessionRecorder *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORDER (self), FALSE);

  return self->pending != NULL;
}

/**
 * limber_session_recorder_get_log:
 *
 * Returns: (transfer none): where sessions are written
 */
LimberSessionLog *
limber_session_recorder_get_log (LimberSessionRecorder *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORDER (self), NULL);

  return self->log;
}

static void
limber_session_recorder_dispose (GObject *object)
{
  LimberSessionRecorder *self = (LimberSessionRecorder *)object;
  g_autoptr(GError) error = NULL;

  /* Closing the window on the summary still keeps the session. */
  if (!limber_session_recorder_save_pending (self, NULL, &error))
    g_message ("%s", error->message);

  g_clear_object (&self->log);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (limber_session_recorder_parent_class)->dispose (object);
}

static void
limber_session_recorder_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LimberSessionRecorder *self = LIMBER_SESSION_RECORDER (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, self->pending != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_session_recorder_class_init (LimberSessionRecorderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_session_recorder_dispose;
  object_class->get_property = limber_session_recorder_get_property;

  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_session_recorder_init (LimberSessionRecorder *self)
{
}

/**
 * limber_session_recorder_new:
 * @log: where sessions are written
 * @plan: the plan in force, kept with each session
 */
LimberSessionRecorder *
limber_session_recorder_new (LimberSessionLog *log,
                             LimberPlan       *plan)
{
  LimberSessionRecorder *self;

  g_return_val_if_fail (LIMBER_IS_SESSION_LOG (log), NULL);
  g_return_val_if_fail (LIMBER_IS_PLAN (plan), NULL);

  self = g_object_new (LIMBER_TYPE_SESSION_RECORDER, NULL);
  self->log = g_object_ref (log);
  self->plan = g_object_ref (plan);

  return self;
}
