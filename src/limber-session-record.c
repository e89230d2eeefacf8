/* limber-session-record.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What one coached session was, as the session fills it in and the session
 * log stores it: when it started and ended (kept in UTC), the plan in force
 * (as plan-file text, so a physiotherapist can see what was prescribed that
 * day even after the plan changed), each exercise in the order it came, and
 * the person's optional pain rating and note.
 *
 * The session makes one with limber_session_record_new() when it starts,
 * calls limber_session_record_add_exercise() as each exercise is done or
 * skipped, limber_session_record_set_end() when it ends, and hands it, with
 * the answers of the end-of-session question, to limber_session_log_add().
 */

#define G_LOG_DOMAIN "limber-session-record"

#include "limber-config.h"

#include "limber-plan-file.h"
#include "limber-session-record.h"

struct _LimberSessionRecord
{
  GObject    parent_instance;

  GDateTime *start;
  GDateTime *end;
  char      *plan_text;
  GArray    *exercises;
  int        pain_rating;
  char      *note;
};

G_DEFINE_FINAL_TYPE (LimberSessionRecord, limber_session_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_START,
  PROP_END,
  PROP_PLAN_TEXT,
  PROP_PAIN_RATING,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() is GLib 2.76. */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
clear_exercise (gpointer data)
{
  LimberSessionExercise *exercise = data;

  g_clear_pointer (&exercise->id, g_free);
  g_clear_pointer (&exercise->title, g_free);
}

static void
limber_session_record_finalize (GObject *object)
{
  LimberSessionRecord *self = (LimberSessionRecord *)object;

  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_pointer (&self->plan_text, g_free);
  g_clear_pointer (&self->exercises, g_array_unref);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (limber_session_record_parent_class)->finalize (object);
}

static void
limber_session_record_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LimberSessionRecord *self = LIMBER_SESSION_RECORD (object);

  switch (prop_id)
    {
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;
    case PROP_PLAN_TEXT:
      g_value_set_string (value, self->plan_text);
      break;
    case PROP_PAIN_RATING:
      g_value_set_int (value, self->pain_rating);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_session_record_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LimberSessionRecord *self = LIMBER_SESSION_RECORD (object);

  switch (prop_id)
    {
    case PROP_START:
      {
        GDateTime *start = g_value_get_boxed (value);

        self->start = start != NULL ? g_date_time_to_utc (start) : g_date_time_new_now_utc ();
      }
      break;
    case PROP_END:
      limber_session_record_set_end (self, g_value_get_boxed (value));
      break;
    case PROP_PLAN_TEXT:
      limber_session_record_set_plan_text (self, g_value_get_string (value));
      break;
    case PROP_PAIN_RATING:
      limber_session_record_set_pain_rating (self, g_value_get_int (value));
      break;
    case PROP_NOTE:
      limber_session_record_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_session_record_class_init (LimberSessionRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_session_record_finalize;
  object_class->get_property = limber_session_record_get_property;
  object_class->set_property = limber_session_record_set_property;

  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN_TEXT] =
    g_param_spec_string ("plan-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAIN_RATING] =
    g_param_spec_int ("pain-rating", NULL, NULL, -1, 10, LIMBER_SESSION_RECORD_NO_PAIN_RATING,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_session_record_init (LimberSessionRecord *self)
{
  self->pain_rating = LIMBER_SESSION_RECORD_NO_PAIN_RATING;
  self->exercises = g_array_new (FALSE, TRUE, sizeof (LimberSessionExercise));
  g_array_set_clear_func (self->exercises, clear_exercise);
}

/**
 * limber_session_record_new:
 * @start: (nullable): when the session started, in any time zone; %NULL for now
 *
 * Returns: (transfer full): a record with no exercises, no rating and no
 *   note, ending when it started until limber_session_record_set_end()
 */
LimberSessionRecord *
limber_session_record_new (GDateTime *start)
{
  return g_object_new (LIMBER_TYPE_SESSION_RECORD, "start", start, NULL);
}

/**
 * limber_session_record_get_start:
 *
 * Returns: (transfer none): when the session started, in UTC
 */
GDateTime *
limber_session_record_get_start (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), NULL);

  return self->start;
}

/**
 * limber_session_record_get_end:
 *
 * Returns: (transfer none): when the session ended, in UTC: its start until set
 */
GDateTime *
limber_session_record_get_end (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), NULL);

  return self->end != NULL ? self->end : self->start;
}

/**
 * limber_session_record_set_end:
 * @end: when the session ended, in any time zone; not before its start
 */
void
limber_session_record_set_end (LimberSessionRecord *self,
                               GDateTime           *end)
{
  g_return_if_fail (LIMBER_IS_SESSION_RECORD (self));
  g_return_if_fail (end == NULL || g_date_time_compare (end, self->start) >= 0);

  if (self->end == end || (self->end != NULL && end != NULL && g_date_time_equal (self->end, end)))
    return;

  g_clear_pointer (&self->end, g_date_time_unref);
  if (end != NULL)
    self->end = g_date_time_to_utc (end);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

/**
 * limber_session_record_get_duration:
 *
 * Returns: from the start to the end, in microseconds
 */
GTimeSpan
limber_session_record_get_duration (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), 0);

  return g_date_time_difference (limber_session_record_get_end (self), self->start);
}

/**
 * limber_session_record_get_plan_text:
 *
 * Returns: (nullable): the plan in force, as the text of a plan file
 */
const char *
limber_session_record_get_plan_text (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), NULL);

  return self->plan_text;
}

void
limber_session_record_set_plan_text (LimberSessionRecord *self,
                                     const char          *plan_text)
{
  g_return_if_fail (LIMBER_IS_SESSION_RECORD (self));

  if (replace_string (&self->plan_text, plan_text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN_TEXT]);
}

/**
 * limber_session_record_set_plan:
 *
 * Keeps @plan as it is now, as the text an Export Plan would write.
 */
void
limber_session_record_set_plan (LimberSessionRecord *self,
                                LimberPlan          *plan)
{
  g_autoptr(LimberPlanFile) plan_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (LIMBER_IS_SESSION_RECORD (self));
  g_return_if_fail (LIMBER_IS_PLAN (plan));

  plan_file = limber_plan_file_new_from_plan (plan);
  bytes = limber_plan_file_to_bytes (plan_file);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  limber_session_record_set_plan_text (self, text);
}

/**
 * limber_session_record_add_exercise:
 * @id: the exercise's catalog id
 * @title: its title as the person saw it
 * @done: %FALSE if it was skipped
 * @hold_seconds: how long each hold was meant to last; 0 for no hold
 * @holds_done: how many holds were done
 * @repetitions_done: how many repetitions were done
 * @repetitions_prescribed: how many the plan asked for
 *
 * Appends an exercise, after those added before it.
 */
void
limber_session_record_add_exercise (LimberSessionRecord *self,
                                    const char          *id,
                                    const char          *title,
                                    gboolean             done,
                                    guint                hold_seconds,
                                    guint                holds_done,
                                    guint                repetitions_done,
                                    guint                repetitions_prescribed)
{
  LimberSessionExercise exercise = {
    .id = g_strdup (id),
    .title = g_strdup (title),
    .done = !!done,
    .hold_seconds = hold_seconds,
    .holds_done = holds_done,
    .repetitions_done = repetitions_done,
    .repetitions_prescribed = repetitions_prescribed,
  };

  g_return_if_fail (LIMBER_IS_SESSION_RECORD (self));
  g_return_if_fail (id != NULL && title != NULL);

  g_array_append_val (self->exercises, exercise);
}

guint
limber_session_record_get_n_exercises (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), 0);

  return self->exercises->len;
}

/**
 * limber_session_record_get_n_done:
 *
 * Returns: how many of the exercises were done, not skipped
 */
guint
limber_session_record_get_n_done (LimberSessionRecord *self)
{
  guint n_done = 0;

  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), 0);

  for (guint i = 0; i < self->exercises->len; i++)
    if (g_array_index (self->exercises, LimberSessionExercise, i).done)
      n_done++;

  return n_done;
}

/**
 * limber_session_record_get_exercise:
 *
 * Returns: (transfer none): the exercise at @position, in the order added
 */
const LimberSessionExercise *
limber_session_record_get_exercise (LimberSessionRecord *self,
                                    guint                position)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), NULL);
  g_return_val_if_fail (position < self->exercises->len, NULL);

  return &g_array_index (self->exercises, LimberSessionExercise, position);
}

/**
 * limber_session_record_get_pain_rating:
 *
 * Returns: 0 (no pain) to 10 (the worst), or
 *   %LIMBER_SESSION_RECORD_NO_PAIN_RATING when the question was skipped
 */
int
limber_session_record_get_pain_rating (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), LIMBER_SESSION_RECORD_NO_PAIN_RATING);

  return self->pain_rating;
}

void
limber_session_record_set_pain_rating (LimberSessionRecord *self,
                                       int                  rating)
{
  g_return_if_fail (LIMBER_IS_SESSION_RECORD (self));
  g_return_if_fail (rating >= LIMBER_SESSION_RECORD_NO_PAIN_RATING && rating <= 10);

  if (self->pain_rating == rating)
    return;

  self->pain_rating = rating;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIN_RATING]);
}

/**
 * limber_session_record_get_note:
 *
 * Returns: (nullable): the person's note, or %NULL for none
 */
const char *
limber_session_record_get_note (LimberSessionRecord *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (self), NULL);

  return self->note;
}

/**
 * limber_session_record_set_note:
 * @note: (nullable): free text; empty or only spaces counts as no note
 */
void
limber_session_record_set_note (LimberSessionRecord *self,
                                const char          *note)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (LIMBER_IS_SESSION_RECORD (self));

  if (note != NULL)
    stripped = g_strstrip (g_strdup (note));
  if (stripped != NULL && *stripped == '\0')
    g_clear_pointer (&stripped, g_free);

  /* The note is kept as typed; only one that is all blanks becomes none. */
  if (replace_string (&self->note, stripped != NULL ? note : NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}
