/* limber-session.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plays a session script: says each cue, times it with the one countdown,
 * coaches the holds ("15 seconds left", 3, 2, 1, "Relax") and the rests
 * ("Next in 10 seconds"), and moves on by itself, so that a person can do the whole plan with their eyes on their
 * body. Without sound (none built in, none to be heard) the words are timed
 * from their length, and everything else runs the same.
 */

#define G_LOG_DOMAIN "limber-session"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-session.h"
#ifdef HAVE_NARRATION
#include "limber-speech.h"
#endif

/* Unhurried speech, for timing words when there is no voice at all. */
#define WORDS_PER_MINUTE 150

typedef struct
{
  LimberExerciseOutcome outcome;
  gboolean              begun;
  guint                 holds_done;
  guint                 repetitions_done;
} Outcome;

/* Where the current cue is. */
typedef enum {
  PHASE_NONE,
  PHASE_WORDS,  /* its words are said (or, with no voice, timed) */
  PHASE_WAIT,   /* then the time to do what they said */
  PHASE_READY,  /* or, after a position step, until the person says Ready */
  PHASE_COUNT,  /* a hold, rest, count or dwell counts down, words alongside */
  PHASE_RELAX,  /* "Relax", at a hold's end */
} Phase;

struct _LimberSession
{
  GObject              parent_instance;

  GObject             *speech;
  LimberSessionScript *script;
  LimberCountdown     *countdown;
  LimberSessionState   state;
  guint                cue_index;
  Phase                phase;
  /* In PHASE_COUNT: the words still being said, the countdown still running. */
  gboolean             speaking;
  gboolean             counting;
  gboolean             completed;

  char                *spoken_text;
  char                *summary;
  GArray              *outcomes;
  GDateTime           *start_time;
  GDateTime           *end_time;
  gint64               active_us;
  gint64               resumed_at;
};

G_DEFINE_FINAL_TYPE (LimberSession, limber_session, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (LimberSessionState, limber_session_state,
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_STATE_STOPPED, "stopped"),
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_STATE_PLAYING, "playing"),
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_STATE_PAUSED, "paused"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_SCRIPT,
  PROP_CUE_INDEX,
  PROP_EXERCISE,
  PROP_STEP,
  PROP_REPETITION,
  PROP_REPETITIONS,
  PROP_WAITING,
  PROP_COMPLETED,
  PROP_SPOKEN_TEXT,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CUE,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void enter_cue (LimberSession *self, guint index);

static const LimberCue *
current_cue (LimberSession *self)
{
  if (self->script == NULL || self->cue_index >= limber_session_script_get_n_cues (self->script))
    return NULL;

  return limber_session_script_get_cue (self->script, self->cue_index);
}

static Outcome *
outcome_of (LimberSession   *self,
            const LimberCue *cue)
{
  if (cue == NULL || cue->exercise_index >= self->outcomes->len)
    return NULL;

  return &g_array_index (self->outcomes, Outcome, cue->exercise_index);
}

static void
set_state (LimberSession      *self,
           LimberSessionState  state)
{
  if (self->state == state)
    return;

  if (state == LIMBER_SESSION_STATE_PLAYING)
    self->resumed_at = g_get_monotonic_time ();
  else if (self->state == LIMBER_SESSION_STATE_PLAYING)
    self->active_us += g_get_monotonic_time () - self->resumed_at;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_phase (LimberSession *self,
           Phase          phase)
{
  gboolean was_waiting = self->phase == PHASE_READY;

  self->phase = phase;
  if (was_waiting != (phase == PHASE_READY))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING]);
}

static void
set_string (char       **field,
            const char  *value,
            GObject     *object,
            GParamSpec  *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (object, pspec);
}

static void
emit_cue (LimberSession *self,
          const char    *name,
          const char    *text)
{
  g_debug ("Cue %s: %s", name, text != NULL ? text : "");
  g_signal_emit (self, signals[CUE], 0, name, text);
}

/* A clinic's own recording of a step, from the same place as before, for
 * as long as the plan leaves that step's words as the catalog has them. */
static GFile *
find_recording (LimberSession   *self,
                const LimberCue *cue)
{
  const char * const *languages = g_get_language_names ();
  g_autofree char *name = NULL;

  if (cue->kind == LIMBER_CUE_ANNOUNCE)
    name = g_strdup ("intro.ogg");
  else if (cue->kind == LIMBER_CUE_STEP &&
           g_strcmp0 (cue->text, limber_exercise_get_steps (cue->exercise)[cue->step - 1]) == 0)
    name = g_strdup_printf ("step-%d.ogg", cue->step);
  else
    return NULL;

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "narration", languages[i],
                                                limber_exercise_get_id (cue->exercise), name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_file_new_for_path (path);
    }

  return NULL;
}

static guint
words_ms (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      n++;

  return 60000 * n / WORDS_PER_MINUTE;
}

static void
count_down (LimberSession *self,
            guint          ms)
{
  if (self->state == LIMBER_SESSION_STATE_PAUSED)
    limber_countdown_start_paused (self->countdown, ms);
  else
    limber_countdown_start (self->countdown, ms);
}

/* Says @text alongside whatever else the cue does. */
static gboolean
say (LimberSession *self,
     const char    *text,
     GFile         *recording)
{
  if (text == NULL)
    return FALSE;

  set_string (&self->spoken_text, text, G_OBJECT (self), properties[PROP_SPOKEN_TEXT]);

#ifdef HAVE_NARRATION
  if (self->speech != NULL)
    {
      limber_speech_say (LIMBER_SPEECH (self->speech), text, recording);
      if (self->state == LIMBER_SESSION_STATE_PAUSED)
        limber_speech_pause (LIMBER_SPEECH (self->speech));
      return TRUE;
    }
#endif

  return FALSE;
}

/* Says @text and goes on when it has been said; with no voice, after the
 * time the words would take. */
static void
say_then_go_on (LimberSession *self,
                Phase          phase,
                const char    *text,
                GFile         *recording)
{
  set_phase (self, phase);
  if (!say (self, text, recording))
    count_down (self, text != NULL ? words_ms (text) : 0);
}

/* The next words to say, made while these are heard, so that they start at once. */
static void
prepare_next (LimberSession *self)
{
#ifdef HAVE_NARRATION
  guint n = limber_session_script_get_n_cues (self->script);

  if (self->speech == NULL)
    return;

  for (guint i = self->cue_index + 1; i < n; i++)
    {
      const LimberCue *next = limber_session_script_get_cue (self->script, i);

      if (next->text != NULL)
        {
          limber_speech_prepare (LIMBER_SPEECH (self->speech), next->text);
          return;
        }
    }
#endif
}

static gboolean
said_then_timed (const LimberCue *cue)
{
  return cue->kind == LIMBER_CUE_ANNOUNCE || cue->kind == LIMBER_CUE_STEP ||
         cue->kind == LIMBER_CUE_REPETITION || cue->kind == LIMBER_CUE_RELAX || cue->kind == LIMBER_CUE_FINISH;
}

static void
advance (LimberSession *self)
{
  const LimberCue *cue = current_cue (self);
  guint next = self->cue_index + 1;
  guint n = limber_session_script_get_n_cues (self->script);

  /* An exercise is done when its last cue has run its course. */
  if (cue != NULL && cue->next_exercise == NULL &&
      (next >= n || limber_session_script_get_cue (self->script, next)->exercise_index != cue->exercise_index))
    {
      Outcome *outcome = outcome_of (self, cue);

      if (outcome != NULL)
        outcome->outcome = LIMBER_EXERCISE_OUTCOME_DONE;
    }

  enter_cue (self, next);
}

/* The words of a cue that waits for them have been said. */
static void
after_words (LimberSession   *self,
             const LimberCue *cue)
{
  if (cue->kind == LIMBER_CUE_FINISH)
    {
      self->completed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETED]);
      limber_session_stop (self);
      return;
    }

  if (cue->wait_for_ready)
    {
      /* Translators: said and shown after a step that changes position, when the session waits for the person */
      const char *prompt = _("Press Space or Ready when you are in position.");

      set_phase (self, PHASE_READY);
      emit_cue (self, "ready-prompt", prompt);
      say (self, prompt, NULL);
      return;
    }

  set_phase (self, PHASE_WAIT);
  count_down (self, cue->duration_ms);
}

static void
end_hold (LimberSession   *self,
          const LimberCue *cue)
{
  Outcome *outcome = outcome_of (self, cue);

  if (outcome != NULL)
    {
      outcome->holds_done++;
      if (cue->repetition > 0)
        outcome->repetitions_done++;
    }

  /* Translators: spoken when a hold ends */
  emit_cue (self, "relax", _("Relax."));
  say_then_go_on (self, PHASE_RELAX, _("Relax."), NULL);
}

#ifdef HAVE_NARRATION
static void
on_speech_finished (LimberSession *self)
{
  const LimberCue *cue = current_cue (self);

  if (cue == NULL || self->state == LIMBER_SESSION_STATE_STOPPED)
    return;

  switch (self->phase)
    {
    case PHASE_WORDS:
      after_words (self, cue);
      break;
    case PHASE_RELAX:
      advance (self);
      break;
    case PHASE_COUNT:
      self->speaking = FALSE;
      if (!self->counting)
        advance (self);
      break;
    case PHASE_NONE:
    case PHASE_WAIT:
    case PHASE_READY:
    default:
      break;
    }
}
#endif

static void
on_countdown_finished (LimberSession *self)
{
  const LimberCue *cue = current_cue (self);

  if (cue == NULL || self->state == LIMBER_SESSION_STATE_STOPPED)
    return;

  switch (self->phase)
    {
    case PHASE_WORDS:
      after_words (self, cue);
      break;
    case PHASE_WAIT:
    case PHASE_RELAX:
      advance (self);
      break;
    case PHASE_COUNT:
      self->counting = FALSE;
      if (cue->kind == LIMBER_CUE_HOLD)
        end_hold (self, cue);
      else
        {
          if (cue->kind == LIMBER_CUE_COUNT && outcome_of (self, cue) != NULL)
            outcome_of (self, cue)->repetitions_done++;
          if (!self->speaking)
            advance (self);
        }
      break;
    case PHASE_NONE:
    case PHASE_READY:
    default:
      break;
    }
}

/* What is said while a hold or a rest counts down, so that no stretch of it
 * is silent for long: every five seconds the time left (not in the first
 * five, and not at five, where the last three are about to be counted),
 * "Half-way" in a short hold, then the last three counted. A rest says when
 * the next thing comes. Each is said and flashed, never every second. */
static char *
dup_coaching (LimberCueKind  kind,
              guint          total,
              guint          left,
              const char   **name)
{
  if (left == 0 || left >= total)
    return NULL;

  if (kind == LIMBER_CUE_HOLD)
    {
      if (left <= 3 && total >= 5)
        {
          *name = "count-down";
          return g_strdup_printf ("%u", left);
        }
      if (total >= 15 && left % 5 == 0 && left >= 10 && left + 5 <= total)
        {
          *name = "remaining";
          /* Translators: spoken during a hold, every five seconds */
          return g_strdup_printf (ngettext ("%u second left", "%u seconds left", left), left);
        }
      if (total >= 8 && total < 15 && left == total / 2)
        {
          *name = "remaining";
          /* Translators: spoken in the middle of a short hold */
          return g_strdup (_("Half-way."));
        }
    }
  else if (kind == LIMBER_CUE_REST && total >= 10 && left % 5 == 0 && left + 5 <= total)
    {
      *name = "remaining";
      /* Translators: spoken during a rest, every five seconds: when the next exercise or repetition begins */
      return g_strdup_printf (ngettext ("Next in %u second", "Next in %u seconds", left), left);
    }

  return NULL;
}

static void
on_seconds_left (LimberSession *self)
{
  const LimberCue *cue = current_cue (self);
  const char *name = NULL;
  g_autofree char *text = NULL;

  if (cue == NULL || self->phase != PHASE_COUNT)
    return;

  text = dup_coaching (cue->kind, cue->duration_ms / 1000,
                       limber_countdown_get_seconds_left (self->countdown), &name);
  if (text == NULL)
    return;

  emit_cue (self, name, text);
  self->speaking = say (self, text, NULL);
}

static const char *
cue_name (const LimberCue *cue)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (LIMBER_TYPE_CUE_KIND);

  return g_enum_get_value (klass, cue->kind)->value_nick;
}

static char *
dup_duration (guint seconds)
{
  guint minutes = (seconds + 30) / 60;

  if (minutes == 0)
    /* Translators: how long a session took, when it was under a minute */
    return g_strdup_printf (ngettext ("%u second", "%u seconds", seconds), seconds);

  /* Translators: how long a session took */
  return g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes);
}

static char *
dup_summary (LimberSession *self)
{
  guint total = limber_session_script_get_n_exercises (self->script);
  guint done = limber_session_get_n_done (self);
  g_autofree char *duration = dup_duration (limber_session_get_active_seconds (self));

  if (done == total && total == 1)
    /* Translators: said and shown at the end of a one-exercise session; %s is how long it took, such as "3 minutes" */
    return g_strdup_printf (_("Well done: you did your exercise in %s."), duration);

  if (done == total)
    /* Translators: said and shown at the end of a session; %s is how long it took, such as "12 minutes" */
    return g_strdup_printf (ngettext ("Well done: you did all %u exercise in %s.",
                                      "Well done: you did all %u exercises in %s.", total),
                            total, duration);

  /* Translators: said and shown at the end of a session where some exercises were skipped */
  return g_strdup_printf (ngettext ("You did %u of %u exercise in %s.", "You did %u of %u exercises in %s.", total),
                          done, total, duration);
}

static void
notify_cue (LimberSession *self)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  g_object_notify_by_pspec (object, properties[PROP_CUE_INDEX]);
  g_object_notify_by_pspec (object, properties[PROP_EXERCISE]);
  g_object_notify_by_pspec (object, properties[PROP_STEP]);
  g_object_notify_by_pspec (object, properties[PROP_REPETITION]);
  g_object_notify_by_pspec (object, properties[PROP_REPETITIONS]);
  g_object_thaw_notify (object);
}

static void
enter_cue (LimberSession *self,
           guint          index)
{
  LimberSessionMode mode = limber_session_script_get_mode (self->script);
  guint n = limber_session_script_get_n_cues (self->script);
  g_autoptr(GFile) recording = NULL;
  const LimberCue *cue;
  Outcome *outcome;

  limber_countdown_cancel (self->countdown);
  self->speaking = self->counting = FALSE;
  set_phase (self, PHASE_NONE);

  /* An exercise left by a jump, before its end, was skipped: the summary
   * that may come next says so, not "not reached". */
  cue = current_cue (self);
  outcome = outcome_of (self, cue);
  if (outcome != NULL && outcome->begun && outcome->outcome == LIMBER_EXERCISE_OUTCOME_NOT_REACHED &&
      (index >= n || limber_session_script_get_cue (self->script, index)->exercise_index != cue->exercise_index))
    outcome->outcome = LIMBER_EXERCISE_OUTCOME_SKIPPED;

  /* The kiosk goes round; a routine that runs out has ended. */
  if (index >= n && (mode == LIMBER_SESSION_MODE_KIOSK || mode == LIMBER_SESSION_MODE_DWELL) && n > 0)
    index = 0;
  if (index >= n)
    {
      limber_session_stop (self);
      return;
    }

  self->cue_index = index;
  cue = current_cue (self);
  outcome = outcome_of (self, cue);
  if (outcome != NULL && cue->next_exercise == NULL)
    outcome->begun = TRUE;
  notify_cue (self);

  if (cue->kind == LIMBER_CUE_FINISH)
    {
      g_autofree char *summary = dup_summary (self);

      set_string (&self->summary, summary, G_OBJECT (self), properties[PROP_SUMMARY]);
      emit_cue (self, cue_name (cue), summary);
      say_then_go_on (self, PHASE_WORDS, summary, NULL);
      return;
    }

  emit_cue (self, cue_name (cue), cue->text);
  recording = find_recording (self, cue);

  if (said_then_timed (cue))
    say_then_go_on (self, PHASE_WORDS, cue->text, recording);
  else
    {
      set_phase (self, PHASE_COUNT);
      self->speaking = say (self, cue->text, recording);
      self->counting = TRUE;
      count_down (self, cue->duration_ms);
    }

  prepare_next (self);
}

static void
connect_speech (LimberSession *self)
{
#ifdef HAVE_NARRATION
  if (self->speech != NULL)
    g_signal_connect_object (self->speech, "finished", G_CALLBACK (on_speech_finished), self, G_CONNECT_SWAPPED);
#endif
}

static void
limber_session_dispose (GObject *object)
{
  LimberSession *self = (LimberSession *)object;

  if (self->countdown != NULL)
    limber_countdown_cancel (self->countdown);
#ifdef HAVE_NARRATION
  if (self->speech != NULL && self->state != LIMBER_SESSION_STATE_STOPPED)
    limber_speech_stop (LIMBER_SPEECH (self->speech));
#endif
  g_clear_object (&self->countdown);
  g_clear_object (&self->speech);
  g_clear_object (&self->script);

  G_OBJECT_CLASS (limber_session_parent_class)->dispose (object);
}

static void
limber_session_finalize (GObject *object)
{
  LimberSession *self = (LimberSession *)object;

  g_clear_pointer (&self->spoken_text, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->outcomes, g_array_unref);
  g_clear_pointer (&self->start_time, g_date_time_unref);
  g_clear_pointer (&self->end_time, g_date_time_unref);

  G_OBJECT_CLASS (limber_session_parent_class)->finalize (object);
}

static void
limber_session_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LimberSession *self = LIMBER_SESSION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_SCRIPT:
      g_value_set_object (value, self->script);
      break;
    case PROP_CUE_INDEX:
      g_value_set_uint (value, self->cue_index);
      break;
    case PROP_EXERCISE:
      g_value_set_object (value, limber_session_get_exercise (self));
      break;
    case PROP_STEP:
      g_value_set_int (value, limber_session_get_step (self));
      break;
    case PROP_REPETITION:
      g_value_set_uint (value, limber_session_get_repetition (self));
      break;
    case PROP_REPETITIONS:
      g_value_set_uint (value, limber_session_get_repetitions (self));
      break;
    case PROP_WAITING:
      g_value_set_boolean (value, limber_session_get_waiting (self));
      break;
    case PROP_COMPLETED:
      g_value_set_boolean (value, self->completed);
      break;
    case PROP_SPOKEN_TEXT:
      g_value_set_string (value, self->spoken_text);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_session_class_init (LimberSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = limber_session_dispose;
  object_class->finalize = limber_session_finalize;
  object_class->get_property = limber_session_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, LIMBER_TYPE_SESSION_STATE, LIMBER_SESSION_STATE_STOPPED, read_only);
  properties[PROP_SCRIPT] =
    g_param_spec_object ("script", NULL, NULL, LIMBER_TYPE_SESSION_SCRIPT, read_only);
  properties[PROP_CUE_INDEX] =
    g_param_spec_uint ("cue-index", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_EXERCISE] =
    g_param_spec_object ("exercise", NULL, NULL, LIMBER_TYPE_EXERCISE, read_only);
  /* As on the slide; 0 for the announcement, -1 for a rest or the end. */
  properties[PROP_STEP] =
    g_param_spec_int ("step", NULL, NULL, -1, G_MAXINT, -1, read_only);
  properties[PROP_REPETITION] =
    g_param_spec_uint ("repetition", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_REPETITIONS] =
    g_param_spec_uint ("repetitions", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  /* A position step waits for limber_session_ready(). */
  properties[PROP_WAITING] =
    g_param_spec_boolean ("waiting", NULL, NULL, FALSE, read_only);
  /* The routine ran to its end, rather than being stopped. */
  properties[PROP_COMPLETED] =
    g_param_spec_boolean ("completed", NULL, NULL, FALSE, read_only);
  properties[PROP_SPOKEN_TEXT] =
    g_param_spec_string ("spoken-text", NULL, NULL, NULL, read_only);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberSession::cue:
   * @name: the cue's kind ("announce", "step", "hold", "rest"…), or a
   *   coaching cue within one ("remaining", "count-down", "relax", "ready-prompt")
   * @text: (nullable): what is said and shown
   *
   * Every sound has a visual twin: the view flashes on each of these.
   */
  signals[CUE] =
    g_signal_new ("cue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /* The session ended: run to its end (see "completed") or stopped. */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_session_init (LimberSession *self)
{
  self->countdown = limber_countdown_new ();
  self->outcomes = g_array_new (FALSE, TRUE, sizeof (Outcome));
  g_signal_connect_object (self->countdown, "finished", G_CALLBACK (on_countdown_finished), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->countdown, "notify::seconds-left", G_CALLBACK (on_seconds_left), self,
                           G_CONNECT_SWAPPED);
}

/**
 * limber_session_new:
 * @speech: (nullable): a #LimberSpeech, or %NULL where Limber has no voice
 */
LimberSession *
limber_session_new (GObject *speech)
{
  LimberSession *self = g_object_new (LIMBER_TYPE_SESSION, NULL);

  g_set_object (&self->speech, speech);
  connect_speech (self);

  return self;
}

/**
 * limber_session_start:
 *
 * Plays @script from its start, whatever was playing before.
 */
void
limber_session_start (LimberSession       *self,
                      LimberSessionScript *script)
{
  g_return_if_fail (LIMBER_IS_SESSION (self));
  g_return_if_fail (LIMBER_IS_SESSION_SCRIPT (script));

  limber_session_stop (self);

  g_set_object (&self->script, script);
  g_array_set_size (self->outcomes, 0);
  g_array_set_size (self->outcomes, limber_session_script_get_n_exercises (script));
  g_clear_pointer (&self->start_time, g_date_time_unref);
  g_clear_pointer (&self->end_time, g_date_time_unref);
  self->start_time = g_date_time_new_now_utc ();
  self->active_us = 0;
  self->completed = FALSE;
  set_string (&self->summary, NULL, G_OBJECT (self), properties[PROP_SUMMARY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCRIPT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETED]);

  set_state (self, LIMBER_SESSION_STATE_PLAYING);
  enter_cue (self, 0);
}

void
limber_session_pause (LimberSession *self)
{
  g_return_if_fail (LIMBER_IS_SESSION (self));

  if (self->state != LIMBER_SESSION_STATE_PLAYING)
    return;

  limber_countdown_pause (self->countdown);
#ifdef HAVE_NARRATION
  if (self->speech != NULL)
    limber_speech_pause (LIMBER_SPEECH (self->speech));
#endif
  set_state (self, LIMBER_SESSION_STATE_PAUSED);
}

void
limber_session_resume (LimberSession *self)
{
  g_return_if_fail (LIMBER_IS_SESSION (self));

  if (self->state != LIMBER_SESSION_STATE_PAUSED)
    return;

  set_state (self, LIMBER_SESSION_STATE_PLAYING);
  limber_countdown_resume (self->countdown);
#ifdef HAVE_NARRATION
  if (self->speech != NULL)
    limber_speech_resume (LIMBER_SPEECH (self->speech));
#endif
}

void
limber_session_toggle (LimberSession *self)
{
  g_return_if_fail (LIMBER_IS_SESSION (self));

  if (self->state == LIMBER_SESSION_STATE_PLAYING)
    limber_session_pause (self);
  else
    limber_session_resume (self);
}

/**
 * limber_session_stop:
 *
 * Ends the session where it is; #LimberSession::finished follows. The
 * exercises begun and not done count as skipped.
 */
void
limber_session_stop (LimberSession *self)
{
  g_return_if_fail (LIMBER_IS_SESSION (self));

  if (self->state == LIMBER_SESSION_STATE_STOPPED)
    return;

  limber_countdown_cancel (self->countdown);
#ifdef HAVE_NARRATION
  if (self->speech != NULL)
    limber_speech_stop (LIMBER_SPEECH (self->speech));
#endif
  self->speaking = self->counting = FALSE;
  set_phase (self, PHASE_NONE);
  for (guint i = 0; i < self->outcomes->len; i++)
    {
      Outcome *outcome = &g_array_index (self->outcomes, Outcome, i);

      if (outcome->begun && outcome->outcome == LIMBER_EXERCISE_OUTCOME_NOT_REACHED)
        outcome->outcome = LIMBER_EXERCISE_OUTCOME_SKIPPED;
    }
  g_clear_pointer (&self->end_time, g_date_time_unref);
  self->end_time = g_date_time_new_now_utc ();
  set_state (self, LIMBER_SESSION_STATE_STOPPED);

  g_signal_emit (self, signals[FINISHED], 0);
}

static void
jump_to (LimberSession *self,
         guint          index)
{
  if (self->state == LIMBER_SESSION_STATE_STOPPED)
    return;

  set_state (self, LIMBER_SESSION_STATE_PLAYING);
#ifdef HAVE_NARRATION
  if (self->speech != NULL)
    limber_speech_stop (LIMBER_SPEECH (self->speech));
#endif
  enter_cue (self, index);
}

void
limber_session_next_step (LimberSession *self)
{
  g_return_if_fail (LIMBER_IS_SESSION (self));

  if (self->script != NULL)
    jump_to (self, limber_session_script_find_step (self->script, self->cue_index, 1));
}

void
limber_session_previous_step (LimberSession *self)
{
  g_return_if_fail (LIMBER_IS_SESSION (self));

  if (self->script != NULL)
    jump_to (self, limber_session_script_find_step (self->script, self->cue_index, -1));
}

/**
 * limber_session_skip_exercise:
 *
 * On to the rest before the next exercise (skipping that rest, when in it).
 */
void
limber_session_skip_exercise (LimberSession *self)
{
  const LimberCue *cue;

  g_return_if_fail (LIMBER_IS_SESSION (self));

  cue = current_cue (self);
  if (cue == NULL || self->state == LIMBER_SESSION_STATE_STOPPED)
    return;

  if (cue->next_exercise == NULL && outcome_of (self, cue) != NULL)
    outcome_of (self, cue)->outcome = LIMBER_EXERCISE_OUTCOME_SKIPPED;

  jump_to (self, limber_session_script_find_exercise_end (self->script, self->cue_index));
}

/**
 * limber_session_go_to_exercise:
 * @exercise_index: among the script's exercises, from 0
 *
 * To the start of that exercise, playing or paused as before: the kiosk's
 * arrows, which a person uses to look through the exercises.
 */
void
limber_session_go_to_exercise (LimberSession *self,
                               guint          exercise_index)
{
  g_return_if_fail (LIMBER_IS_SESSION (self));

  if (self->script == NULL || self->state == LIMBER_SESSION_STATE_STOPPED)
    return;

#ifdef HAVE_NARRATION
  if (self->speech != NULL)
    limber_speech_stop (LIMBER_SPEECH (self->speech));
#endif
  enter_cue (self, limber_session_script_find_exercise_start (self->script, exercise_index));
}

/**
 * limber_session_ready:
 *
 * The person is in position: a session waiting for them goes on.
 */
void
limber_session_ready (LimberSession *self)
{
  g_return_if_fail (LIMBER_IS_SESSION (self));

  if (self->phase != PHASE_READY || self->state == LIMBER_SESSION_STATE_STOPPED)
    return;

  set_state (self, LIMBER_SESSION_STATE_PLAYING);
  advance (self);
}

LimberSessionState
limber_session_get_state (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), LIMBER_SESSION_STATE_STOPPED);

  return self->state;
}

/**
 * limber_session_get_script:
 *
 * Returns: (transfer none) (nullable): what is, or was last, played
 */
LimberSessionScript *
limber_session_get_script (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), NULL);

  return self->script;
}

guint
limber_session_get_cue_index (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);

  return self->cue_index;
}

/**
 * limber_session_get_cue:
 *
 * Returns: (transfer none) (nullable): the cue being played
 */
const LimberCue *
limber_session_get_cue (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), NULL);

  return current_cue (self);
}

/**
 * limber_session_get_exercise:
 *
 * Returns: (transfer none) (nullable): the exercise being done, or in a
 *   rest the one that comes next
 */
LimberExercise *
limber_session_get_exercise (LimberSession *self)
{
  const LimberCue *cue;

  g_return_val_if_fail (LIMBER_IS_SESSION (self), NULL);

  cue = current_cue (self);
  return cue != NULL ? cue->exercise : NULL;
}

int
limber_session_get_step (LimberSession *self)
{
  const LimberCue *cue;

  g_return_val_if_fail (LIMBER_IS_SESSION (self), -1);

  cue = current_cue (self);
  return cue != NULL ? cue->step : -1;
}

guint
limber_session_get_repetition (LimberSession *self)
{
  const LimberCue *cue;

  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);

  cue = current_cue (self);
  return cue != NULL ? cue->repetition : 0;
}

guint
limber_session_get_repetitions (LimberSession *self)
{
  const LimberCue *cue;

  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);

  cue = current_cue (self);
  return cue != NULL ? cue->repetitions : 0;
}

gboolean
limber_session_get_waiting (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), FALSE);

  return self->phase == PHASE_READY;
}

gboolean
limber_session_get_completed (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), FALSE);

  return self->completed;
}

/**
 * limber_session_get_countdown:
 *
 * Returns: (transfer none): the countdown of the current hold, rest or
 *   wait, for the view to show and animate
 */
LimberCountdown *
limber_session_get_countdown (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), NULL);

  return self->countdown;
}

const char *
limber_session_get_spoken_text (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), NULL);

  return self->spoken_text;
}

/**
 * limber_session_get_summary:
 *
 * Returns: (nullable): what the session says at its end: how many
 *   exercises in how long
 */
const char *
limber_session_get_summary (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), NULL);

  return self->summary;
}

guint
limber_session_get_n_done (LimberSession *self)
{
  guint done = 0;

  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);

  for (guint i = 0; i < self->outcomes->len; i++)
    if (g_array_index (self->outcomes, Outcome, i).outcome == LIMBER_EXERCISE_OUTCOME_DONE)
      done++;

  return done;
}

/**
 * limber_session_get_active_seconds:
 *
 * Returns: how long the session has been playing, pauses left out, in
 *   real seconds (the time scale of the tests taken back out)
 */
guint
limber_session_get_active_seconds (LimberSession *self)
{
  gint64 us;

  g_return_val_if_fail (LIMBER_IS_SESSION (self), 0);

  us = self->active_us;
  if (self->state == LIMBER_SESSION_STATE_PLAYING)
    us += g_get_monotonic_time () - self->resumed_at;

  return (guint) (us / limber_countdown_get_time_scale (self->countdown) / G_USEC_PER_SEC);
}

/**
 * limber_session_get_start_time:
 *
 * Returns: (transfer none) (nullable): when the session started, in UTC
 */
GDateTime *
limber_session_get_start_time (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), NULL);

  return self->start_time;
}

/**
 * limber_session_get_end_time:
 *
 * Returns: (transfer none) (nullable): when it ended, in UTC
 */
GDateTime *
limber_session_get_end_time (LimberSession *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (self), NULL);

  return self->end_time;
}

/**
 * limber_session_get_outcome:
 * @exercise_index: among the script's exercises, from 0
 * @holds_done: (out) (optional): the holds counted down to their end
 * @repetitions_done: (out) (optional): the repetitions completed
 */
LimberExerciseOutcome
limber_session_get_outcome (LimberSession *self,
                            guint          exercise_index,
                            guint         *holds_done,
                            guint         *repetitions_done)
{
  Outcome *outcome;

  g_return_val_if_fail (LIMBER_IS_SESSION (self), LIMBER_EXERCISE_OUTCOME_NOT_REACHED);
  g_return_val_if_fail (exercise_index < self->outcomes->len, LIMBER_EXERCISE_OUTCOME_NOT_REACHED);

  outcome = &g_array_index (self->outcomes, Outcome, exercise_index);
  if (holds_done != NULL)
    *holds_done = outcome->holds_done;
  if (repetitions_done != NULL)
    *repetitions_done = outcome->repetitions_done;

  return outcome->outcome;
}
