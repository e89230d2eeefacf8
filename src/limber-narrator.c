/* limber-narrator.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-narrator"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-narrator-private.h"

/* Breathing room between two spoken clips, and the pace of counted
 * repetitions that have no hold; both in milliseconds of real time. */
#define GAP_MS              700
#define REPETITION_MS       3000
/* Unhurried speech, for timing a step when there is nothing to hear. */
#define WORDS_PER_MINUTE    150
/* playbin's GST_PLAY_FLAG_AUDIO: no video sink is ever made. */
#define PLAY_FLAG_AUDIO     (1 << 1)

typedef enum {
  PHASE_NONE,
  PHASE_CLIP,        /* a clip is spoken, or timed from its text */
  PHASE_GAP,         /* the pause before the next clip */
  PHASE_HOLD,        /* the countdown of a hold */
  PHASE_CHIME,       /* the sound at the end of a hold */
  PHASE_REPETITION,  /* one counted repetition with no hold */
} Phase;

struct _LimberNarrator
{
  GObject              parent_instance;

  LimberExercise      *exercise;
  LimberNarratorState  state;
  int                  current_step;
  guint                hold_seconds;
  guint                repeat_count;
  guint                hold_remaining;
  guint                repetition;
  guint                repetitions;
  char                *problem;

  GSettings           *settings;
  GstElement          *playbin;
  GstElement          *audio_sink;
  GstElement          *custom_sink;
  char                *builtin_dir;
  char                *user_dir;
  double               time_scale;

  Phase                phase;
  /* Whether the current clip is on the pipeline, rather than timed from text. */
  gboolean             audible;
  guint                timer_id;
  gint64               timer_deadline;
  guint                timer_left_ms;
};

G_DEFINE_FINAL_TYPE (LimberNarrator, limber_narrator, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (LimberNarratorState, limber_narrator_state,
  G_DEFINE_ENUM_VALUE (LIMBER_NARRATOR_STATE_STOPPED, "stopped"),
  G_DEFINE_ENUM_VALUE (LIMBER_NARRATOR_STATE_PLAYING, "playing"),
  G_DEFINE_ENUM_VALUE (LIMBER_NARRATOR_STATE_PAUSED, "paused"))

enum {
  PROP_0,
  PROP_EXERCISE,
  PROP_STATE,
  PROP_CURRENT_STEP,
  PROP_HOLD_SECONDS,
  PROP_REPEAT_COUNT,
  PROP_HOLD_REMAINING,
  PROP_REPETITION,
  PROP_REPETITIONS,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void go_to_clip (LimberNarrator *self, int clip);
static void phase_done (LimberNarrator *self);

/* Setters that notify only on change. */
#define SET_SCALAR_PROP(self, field, value, prop) \
  G_STMT_START { \
    if ((self)->field != (value)) \
      { \
        (self)->field = (value); \
        g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
      } \
  } G_STMT_END

static void
set_state (LimberNarrator      *self,
           LimberNarratorState  state)
{
  SET_SCALAR_PROP (self, state, state, PROP_STATE);
}

static void
set_current_step (LimberNarrator *self,
                  int             step)
{
  SET_SCALAR_PROP (self, current_step, step, PROP_CURRENT_STEP);
}

static void
set_hold_remaining (LimberNarrator *self,
                    guint           seconds)
{
  SET_SCALAR_PROP (self, hold_remaining, seconds, PROP_HOLD_REMAINING);
}

static void
set_repetition (LimberNarrator *self,
                guint           repetition,
                guint           repetitions)
{
  SET_SCALAR_PROP (self, repetitions, repetitions, PROP_REPETITIONS);
  SET_SCALAR_PROP (self, repetition, repetition, PROP_REPETITION);
}

static void
set_problem (LimberNarrator *self,
             const char     *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;

  if (problem != NULL)
    g_debug ("Narration problem: %s", problem);
  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static guint
scaled_ms (LimberNarrator *self,
           double          ms)
{
  return (guint) MAX (1.0, ms * self->time_scale);
}

static guint
effective_hold_seconds (LimberNarrator *self)
{
  if (self->hold_seconds > 0)
    return self->hold_seconds;

  return self->exercise != NULL ? limber_exercise_get_hold_min (self->exercise) : 0;
}

static guint
effective_repeat_count (LimberNarrator *self)
{
  if (self->repeat_count > 0)
    return self->repeat_count;

  return self->exercise != NULL ? limber_exercise_get_repetitions_min (self->exercise) : 0;
}

/* Timers: one at a time, and pausable, so a countdown resumes where it was. */

static gboolean
on_timer (gpointer user_data)
{
  LimberNarrator *self = user_data;

  self->timer_id = 0;
  self->timer_left_ms = 0;
  phase_done (self);

  return G_SOURCE_REMOVE;
}

static void
arm_timer (LimberNarrator *self)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_deadline = g_get_monotonic_time () + (gint64) self->timer_left_ms * 1000;
  self->timer_id = g_timeout_add (self->timer_left_ms, on_timer, self);
}

static void
start_timer (LimberNarrator *self,
             Phase           phase,
             guint           ms)
{
  self->phase = phase;
  self->timer_left_ms = ms;
  if (self->state == LIMBER_NARRATOR_STATE_PLAYING)
    arm_timer (self);
}

static void
hold_timer (LimberNarrator *self)
{
  if (self->timer_id == 0)
    return;

  self->timer_left_ms = (guint) MAX (0, (self->timer_deadline - g_get_monotonic_time ()) / 1000);
  g_clear_handle_id (&self->timer_id, g_source_remove);
}

/* The pipeline: one playbin for the narrator's whole life. */

static gboolean
sink_is_fake (GstElement *sink)
{
  g_autoptr(GstIterator) children = NULL;
  GValue item = G_VALUE_INIT;
  gboolean fake = FALSE;

  if (!GST_IS_BIN (sink))
    return FALSE;

  /* autoaudiosink quietly falls back to a fakesink when it finds no output. */
  children = gst_bin_iterate_elements (GST_BIN (sink));
  while (gst_iterator_next (children, &item) == GST_ITERATOR_OK)
    {
      GstElementFactory *factory = gst_element_get_factory (g_value_get_object (&item));

      if (factory != NULL && g_str_equal (gst_plugin_feature_get_name (GST_PLUGIN_FEATURE (factory)), "fakesink"))
        fake = TRUE;
      g_value_reset (&item);
    }
  g_value_unset (&item);

  return fake;
}

static const char *
describe_error (const GError *error)
{
  if (g_error_matches (error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN) ||
      g_error_matches (error, GST_STREAM_ERROR, GST_STREAM_ERROR_CODEC_NOT_FOUND))
    return _("Narration is unavailable: this computer cannot play its recordings");

  if (error->domain == GST_STREAM_ERROR)
    return _("Narration is unavailable: a recording is damaged");

  if (g_error_matches (error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_NOT_FOUND))
    return _("Narration is unavailable: a recording is missing");

  if (error->domain == GST_RESOURCE_ERROR)
    return _("Narration is unavailable: the sound output could not be opened");

  return _("Narration is unavailable: the sound could not be played");
}

static guint
text_duration_ms (LimberNarrator *self)
{
  g_autofree char *text = limber_narrator_dup_clip_text (self->exercise, (guint) self->current_step);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (text), " \t\n", -1);

  return scaled_ms (self, 60000.0 * g_strv_length (words) / WORDS_PER_MINUTE);
}

static void
reset_pipeline (LimberNarrator  *self,
                GstState         state)
{
  GstBus *bus;

  if (self->playbin == NULL)
    return;

  gst_element_set_state (self->playbin, state);

  /* Drop what the last clip left on the bus, such as its EOS, so that it
   * cannot end the next one. */
  bus = gst_element_get_bus (self->playbin);
  gst_bus_set_flushing (bus, TRUE);
  gst_bus_set_flushing (bus, FALSE);
  gst_object_unref (bus);
}

/* An error mid-clip: say so, and let the text set the pace from here. */
static void
fall_back_to_text (LimberNarrator *self,
                   const char     *problem)
{
  set_problem (self, problem);
  reset_pipeline (self, GST_STATE_NULL);
  self->audible = FALSE;

  if (self->phase == PHASE_CHIME)
    phase_done (self);
  else if (self->phase == PHASE_CLIP)
    start_timer (self, PHASE_CLIP, text_duration_ms (self));
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  LimberNarrator *self = user_data;
  gboolean on_air = self->audible && (self->phase == PHASE_CLIP || self->phase == PHASE_CHIME);

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_EOS:
      if (on_air)
        {
          g_debug ("End of the clip for step %d", self->current_step);
          self->audible = FALSE;
          reset_pipeline (self, GST_STATE_READY);
          phase_done (self);
        }
      break;

    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *debug = NULL;

        gst_message_parse_error (message, &error, &debug);
        g_debug ("Pipeline error from %s: %s (%s)", GST_OBJECT_NAME (GST_MESSAGE_SRC (message)),
                 error->message, debug);
        if (on_air)
          fall_back_to_text (self, describe_error (error));
      }
      break;

    case GST_MESSAGE_ASYNC_DONE:
      /* The sinks are chosen by now. */
      if (!on_air)
        break;
      if (self->custom_sink == NULL && self->audio_sink != NULL && sink_is_fake (self->audio_sink))
        set_problem (self, _("Narration is unavailable: no audio output was found"));
      else if (self->phase == PHASE_CLIP)
        set_problem (self, NULL);
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
ensure_pipeline (LimberNarrator *self)
{
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GError) error = NULL;

  if (self->playbin != NULL)
    return TRUE;

  /* Only now: loading GStreamer's registry would slow every start-up. */
  if (!gst_init_check (NULL, NULL, &error))
    g_debug ("GStreamer is unavailable: %s", error->message);

  self->playbin = gst_element_factory_make ("playbin", "narrator");
  if (self->playbin == NULL)
    {
      set_problem (self, _("Narration is unavailable: this computer cannot play its recordings"));
      return FALSE;
    }
  gst_object_ref_sink (self->playbin);

  if (self->custom_sink != NULL)
    self->audio_sink = gst_object_ref (self->custom_sink);
  else if ((self->audio_sink = gst_element_factory_make ("autoaudiosink", NULL)) != NULL)
    gst_object_ref_sink (self->audio_sink);

  g_object_set (self->playbin, "flags", PLAY_FLAG_AUDIO, NULL);
  if (self->audio_sink != NULL)
    g_object_set (self->playbin, "audio-sink", self->audio_sink, NULL);

  g_settings_bind (self->settings, "narration-volume", self->playbin, "volume", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "narration-muted", self->playbin, "mute", G_SETTINGS_BIND_GET);

  bus = gst_element_get_bus (self->playbin);
  gst_bus_add_watch (bus, on_bus_message, self);

  return TRUE;
}

static void
release_pipeline (LimberNarrator *self)
{
  g_autoptr(GstBus) bus = NULL;

  if (self->playbin == NULL)
    return;

  gst_element_set_state (self->playbin, GST_STATE_NULL);
  g_settings_unbind (self->playbin, "volume");
  g_settings_unbind (self->playbin, "mute");
  bus = gst_element_get_bus (self->playbin);
  gst_bus_remove_watch (bus);
  gst_clear_object (&self->playbin);
  gst_clear_object (&self->audio_sink);
}

static gboolean
play_file (LimberNarrator *self,
           const char     *path)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (path == NULL || !ensure_pipeline (self))
    return FALSE;

  g_debug ("Playing %s", path);
  reset_pipeline (self, GST_STATE_READY);
  /* A GFile, because g_filename_to_uri() refuses a relative path, such as a
   * LIMBER_NARRATION_DIR of "_build/narration", and playbin then never starts. */
  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  g_object_set (self->playbin, "uri", uri, NULL);
  self->audible = TRUE;

  if (self->state == LIMBER_NARRATOR_STATE_PLAYING &&
      gst_element_set_state (self->playbin, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      /* The bus carries the reason; it arrives before any EOS. */
      g_debug ("Could not start %s", path);
    }

  return TRUE;
}

/* The sequence: intro, then each step; a hold counts down and chimes,
 * a repeat step counts the repetitions. */

static void
speak_clip (LimberNarrator *self)
{
  g_autofree char *path = limber_narrator_find_clip (self, limber_exercise_get_id (self->exercise),
                                                     (guint) self->current_step);

  self->phase = PHASE_CLIP;
  if (path == NULL)
    set_problem (self, _("Narration is unavailable: a recording is missing"));

  if (!play_file (self, path))
    start_timer (self, PHASE_CLIP, text_duration_ms (self));
}

static void
start_hold (LimberNarrator *self)
{
  set_hold_remaining (self, effective_hold_seconds (self));
  start_timer (self, PHASE_HOLD, scaled_ms (self, 1000));
}

static void
chime (LimberNarrator *self)
{
  g_autofree char *path = g_build_filename (self->builtin_dir, "chime.ogg", NULL);

  self->phase = PHASE_CHIME;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || !play_file (self, path))
    phase_done (self);
}

static gboolean
step_is (LimberNarrator *self,
         int             step,
         LimberStepKind  kind)
{
  return step >= 1 && (guint) step <= limber_exercise_get_n_steps (self->exercise) &&
         limber_exercise_get_step_kind (self->exercise, (guint) step - 1) == kind;
}

static void
start_repetition (LimberNarrator *self)
{
  if (effective_hold_seconds (self) > 0)
    start_hold (self);
  else
    start_timer (self, PHASE_REPETITION, scaled_ms (self, REPETITION_MS));
}

static void
start_counting (LimberNarrator *self)
{
  guint first = 1;

  /* "2 to 4 times in all": a hold earlier in the exercise was the first. */
  for (int step = 1; step < self->current_step; step++)
    if (step_is (self, step, LIMBER_STEP_KIND_HOLD))
      first = 2;

  set_repetition (self, first, effective_repeat_count (self));
  if (self->repetition > self->repetitions)
    {
      set_repetition (self, 0, 0);
      start_timer (self, PHASE_GAP, scaled_ms (self, GAP_MS));
      return;
    }

  start_repetition (self);
}

static void
repetition_done (LimberNarrator *self)
{
  if (self->repetition < self->repetitions)
    {
      set_repetition (self, self->repetition + 1, self->repetitions);
      start_repetition (self);
      return;
    }

  set_repetition (self, 0, 0);
  start_timer (self, PHASE_GAP, scaled_ms (self, GAP_MS));
}

static void
phase_done (LimberNarrator *self)
{
  switch (self->phase)
    {
    case PHASE_CLIP:
      if (step_is (self, self->current_step, LIMBER_STEP_KIND_HOLD) && effective_hold_seconds (self) > 0)
        start_hold (self);
      else if (step_is (self, self->current_step, LIMBER_STEP_KIND_REPEAT) &&
               effective_repeat_count (self) > 0)
        start_counting (self);
      else
        start_timer (self, PHASE_GAP, scaled_ms (self, GAP_MS));
      break;

    case PHASE_HOLD:
      set_hold_remaining (self, self->hold_remaining - 1);
      if (self->hold_remaining > 0)
        start_timer (self, PHASE_HOLD, scaled_ms (self, 1000));
      else
        chime (self);
      break;

    case PHASE_CHIME:
    case PHASE_REPETITION:
      if (self->repetitions > 0)
        repetition_done (self);
      else
        start_timer (self, PHASE_GAP, scaled_ms (self, GAP_MS));
      break;

    case PHASE_GAP:
      go_to_clip (self, self->current_step + 1);
      break;

    case PHASE_NONE:
    default:
      break;
    }
}

static void
clear_progress (LimberNarrator *self)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_left_ms = 0;
  self->phase = PHASE_NONE;
  self->audible = FALSE;
  set_hold_remaining (self, 0);
  set_repetition (self, 0, 0);
}

static void
go_to_clip (LimberNarrator *self,
            int             clip)
{
  clear_progress (self);
  reset_pipeline (self, GST_STATE_READY);

  if (clip > (int) limber_exercise_get_n_steps (self->exercise))
    {
      limber_narrator_stop (self);
      g_signal_emit (self, signals[FINISHED], 0);
      return;
    }

  set_current_step (self, clip);
  speak_clip (self);
}

static void
limber_narrator_dispose (GObject *object)
{
  LimberNarrator *self = (LimberNarrator *)object;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  release_pipeline (self);
  gst_clear_object (&self->custom_sink);
  g_clear_object (&self->exercise);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_narrator_parent_class)->dispose (object);
}

static void
limber_narrator_finalize (GObject *object)
{
  LimberNarrator *self = (LimberNarrator *)object;

  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->builtin_dir, g_free);
  g_clear_pointer (&self->user_dir, g_free);

  G_OBJECT_CLASS (limber_narrator_parent_class)->finalize (object);
}

static void
limber_narrator_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LimberNarrator *self = LIMBER_NARRATOR (object);

  switch (prop_id)
    {
    case PROP_EXERCISE:
      g_value_set_object (value, self->exercise);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_CURRENT_STEP:
      g_value_set_int (value, self->current_step);
      break;
    case PROP_HOLD_SECONDS:
      g_value_set_uint (value, self->hold_seconds);
      break;
    case PROP_REPEAT_COUNT:
      g_value_set_uint (value, self->repeat_count);
      break;
    case PROP_HOLD_REMAINING:
      g_value_set_uint (value, self->hold_remaining);
      break;
    case PROP_REPETITION:
      g_value_set_uint (value, self->repetition);
      break;
    case PROP_REPETITIONS:
      g_value_set_uint (value, self->repetitions);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_narrator_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LimberNarrator *self = LIMBER_NARRATOR (object);

  switch (prop_id)
    {
    case PROP_EXERCISE:
      limber_narrator_set_exercise (self, g_value_get_object (value));
      break;
    case PROP_HOLD_SECONDS:
      limber_narrator_set_hold_seconds (self, g_value_get_uint (value));
      break;
    case PROP_REPEAT_COUNT:
      limber_narrator_set_repeat_count (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_narrator_class_init (LimberNarratorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = limber_narrator_dispose;
  object_class->finalize = limber_narrator_finalize;
  object_class->get_property = limber_narrator_get_property;
  object_class->set_property = limber_narrator_set_property;

  properties[PROP_EXERCISE] =
    g_param_spec_object ("exercise", NULL, NULL, LIMBER_TYPE_EXERCISE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, LIMBER_TYPE_NARRATOR_STATE, LIMBER_NARRATOR_STATE_STOPPED, read_only);
  /* -1 when nothing is spoken, 0 for the introduction, then the step numbers as shown. */
  properties[PROP_CURRENT_STEP] =
    g_param_spec_int ("current-step", NULL, NULL, -1, G_MAXINT, LIMBER_NARRATOR_NO_STEP, read_only);
  /* 0 means the exercise's shortest hold; a physio's plan can set its own. */
  properties[PROP_HOLD_SECONDS] =
    g_param_spec_uint ("hold-seconds", NULL, NULL, 0, 3600, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* 0 means the exercise's fewest repetitions; a physio's plan can set its own. */
  properties[PROP_REPEAT_COUNT] =
    g_param_spec_uint ("repeat-count", NULL, NULL, 0, 1000, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOLD_REMAINING] =
    g_param_spec_uint ("hold-remaining", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_REPETITION] =
    g_param_spec_uint ("repetition", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_REPETITIONS] =
    g_param_spec_uint ("repetitions", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The last step was spoken to its end: unlike a stop, which it follows. */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_narrator_init (LimberNarrator *self)
{
  const char *dir = g_getenv ("LIMBER_NARRATION_DIR");

  self->current_step = LIMBER_NARRATOR_NO_STEP;
  self->time_scale = 1.0;
  self->settings = g_settings_new (APPLICATION_ID);
  /* The uninstalled app and the tests find the build tree's clips through the variable. */
  self->builtin_dir = g_strdup (dir != NULL && *dir != '\0' ? dir : NARRATION_DIR);
  self->user_dir = g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "narration", NULL);
}

LimberNarrator *
limber_narrator_new (void)
{
  return g_object_new (LIMBER_TYPE_NARRATOR, NULL);
}

LimberExercise *
limber_narrator_get_exercise (LimberNarrator *self)
{
  g_return_val_if_fail (LIMBER_IS_NARRATOR (self), NULL);

  return self->exercise;
}

/**
 * limber_narrator_set_exercise:
 *
 * Another exercise stops the narration first: never two clips at once.
 */
void
limber_narrator_set_exercise (LimberNarrator *self,
                              LimberExercise *exercise)
{
  g_return_if_fail (LIMBER_IS_NARRATOR (self));
  g_return_if_fail (exercise == NULL || LIMBER_IS_EXERCISE (exercise));

  if (self->exercise == exercise)
    return;

  limber_narrator_stop (self);
  g_set_object (&self->exercise, exercise);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXERCISE]);
}

LimberNarratorState
limber_narrator_get_state (LimberNarrator *self)
{
  g_return_val_if_fail (LIMBER_IS_NARRATOR (self), LIMBER_NARRATOR_STATE_STOPPED);

  return self->state;
}

int
limber_narrator_get_current_step (LimberNarrator *self)
{
  g_return_val_if_fail (LIMBER_IS_NARRATOR (self), LIMBER_NARRATOR_NO_STEP);

  return self->current_step;
}

guint
limber_narrator_get_hold_seconds (LimberNarrator *self)
{
  g_return_val_if_fail (LIMBER_IS_NARRATOR (self), 0);

  return self->hold_seconds;
}

void
limber_narrator_set_hold_seconds (LimberNarrator *self,
                                  guint           seconds)
{
  g_return_if_fail (LIMBER_IS_NARRATOR (self));

  SET_SCALAR_PROP (self, hold_seconds, seconds, PROP_HOLD_SECONDS);
}

guint
limber_narrator_get_repeat_count (LimberNarrator *self)
{
  g_return_val_if_fail (LIMBER_IS_NARRATOR (self), 0);

  return self->repeat_count;
}

void
limber_narrator_set_repeat_count (LimberNarrator *self,
                                  guint           count)
{
  g_return_if_fail (LIMBER_IS_NARRATOR (self));

  SET_SCALAR_PROP (self, repeat_count, count, PROP_REPEAT_COUNT);
}

guint
limber_narrator_get_hold_remaining (LimberNarrator *self)
{
  g_return_val_if_fail (LIMBER_IS_NARRATOR (self), 0);

  return self->hold_remaining;
}

guint
limber_narrator_get_repetition (LimberNarrator *self)
{
  g_return_val_if_fail (LIMBER_IS_NARRATOR (self), 0);

  return self->repetition;
}

guint
limber_narrator_get_repetitions (LimberNarrator *self)
{
  g_return_val_if_fail (LIMBER_IS_NARRATOR (self), 0);

  return self->repetitions;
}

/**
 * limber_narrator_get_problem:
 *
 * Returns: (nullable): why the narration cannot be heard, in words for the
 *   person exercising; %NULL once a clip plays again.
 */
const char *
limber_narrator_get_problem (LimberNarrator *self)
{
  g_return_val_if_fail (LIMBER_IS_NARRATOR (self), NULL);

  return self->problem;
}

/**
 * limber_narrator_play:
 *
 * Starts the exercise from its introduction, or resumes it when paused.
 */
void
limber_narrator_play (LimberNarrator *self)
{
  g_return_if_fail (LIMBER_IS_NARRATOR (self));

  if (self->exercise == NULL || self->state == LIMBER_NARRATOR_STATE_PLAYING)
    return;

  if (self->state == LIMBER_NARRATOR_STATE_PAUSED)
    {
      limber_narrator_resume (self);
      return;
    }

  set_state (self, LIMBER_NARRATOR_STATE_PLAYING);
  /* From NULL, autoaudiosink looks for an output again: a sound server
   * that has come back since the last attempt is found. */
  reset_pipeline (self, GST_STATE_NULL);
  go_to_clip (self, LIMBER_NARRATOR_INTRO);
}

void
limber_narrator_pause (LimberNarrator *self)
{
  g_return_if_fail (LIMBER_IS_NARRATOR (self));

  if (self->state != LIMBER_NARRATOR_STATE_PLAYING)
    return;

  hold_timer (self);
  if (self->audible)
    gst_element_set_state (self->playbin, GST_STATE_PAUSED);
  set_state (self, LIMBER_NARRATOR_STATE_PAUSED);
}

void
limber_narrator_resume (LimberNarrator *self)
{
  g_return_if_fail (LIMBER_IS_NARRATOR (self));

  if (self->state != LIMBER_NARRATOR_STATE_PAUSED)
    return;

  set_state (self, LIMBER_NARRATOR_STATE_PLAYING);
  if (self->audible)
    gst_element_set_state (self->playbin, GST_STATE_PLAYING);
  else if (self->phase != PHASE_NONE)
    arm_timer (self);
}

void
limber_narrator_toggle (LimberNarrator *self)
{
  g_return_if_fail (LIMBER_IS_NARRATOR (self));

  if (self->state == LIMBER_NARRATOR_STATE_PLAYING)
    limber_narrator_pause (self);
  else
    limber_narrator_play (self);
}

void
limber_narrator_stop (LimberNarrator *self)
{
  g_return_if_fail (LIMBER_IS_NARRATOR (self));

  clear_progress (self);
  reset_pipeline (self, GST_STATE_NULL);
  set_current_step (self, LIMBER_NARRATOR_NO_STEP);
  set_state (self, LIMBER_NARRATOR_STATE_STOPPED);
}

static void
skip_to (LimberNarrator *self,
         int             clip)
{
  if (self->state == LIMBER_NARRATOR_STATE_STOPPED)
    return;

  set_state (self, LIMBER_NARRATOR_STATE_PLAYING);
  go_to_clip (self, clip);
}

void
limber_narrator_next_step (LimberNarrator *self)
{
  g_return_if_fail (LIMBER_IS_NARRATOR (self));

  skip_to (self, self->current_step + 1);
}

void
limber_narrator_previous_step (LimberNarrator *self)
{
  g_return_if_fail (LIMBER_IS_NARRATOR (self));

  skip_to (self, MAX (self->current_step - 1, LIMBER_NARRATOR_INTRO));
}

/**
 * limber_narrator_dup_clip_name:
 * @clip: 0 for the introduction, then the step number
 *
 * Returns: the clip's file name: intro.ogg, step-1.ogg, step-2.ogg…
 */
char *
limber_narrator_dup_clip_name (guint clip)
{
  if (clip == LIMBER_NARRATOR_INTRO)
    return g_strdup ("intro.ogg");

  return g_strdup_printf ("step-%u.ogg", clip);
}

/**
 * limber_narrator_dup_clip_text:
 * @clip: 0 for the introduction, then the step number
 *
 * Returns: what the clip says, in the catalog's translated words: the
 *   build renders the clips from this, and a missing clip is timed by it.
 */
char *
limber_narrator_dup_clip_text (LimberExercise *exercise,
                               guint           clip)
{
  const char *warning, *equipment;
  GString *text;

  g_return_val_if_fail (LIMBER_IS_EXERCISE (exercise), NULL);
  g_return_val_if_fail (clip <= limber_exercise_get_n_steps (exercise), NULL);

  if (clip != LIMBER_NARRATOR_INTRO)
    return g_strdup (limber_exercise_get_steps (exercise)[clip - 1]);

  warning = limber_exercise_get_warning (exercise);
  equipment = limber_exercise_get_equipment (exercise);
  text = g_string_new (NULL);
  /* Translators: the exercise's title, spoken as a sentence before its steps */
  g_string_append_printf (text, _("%s."), limber_exercise_get_title (exercise));
  if (*warning != '\0')
    g_string_append_printf (text, " %s", warning);
  if (*equipment != '\0')
    {
      g_string_append_c (text, ' ');
      /* Translators: spoken before the steps; %s is the equipment, such as "An elastic exercise band." */
      g_string_append_printf (text, _("You will need: %s"), equipment);
    }

  return g_string_free (text, FALSE);
}

/**
 * limber_narrator_find_clip:
 *
 * Looks in each of the user's languages, most specific first (fr_CA, fr,
 * then the source "C"); within one language a clinic's own recording in
 * $XDG_DATA_HOME/io.github.limberapp.Limber/narration/ wins over Limber's.
 *
 * Returns: (nullable): the clip's path
 */
char *
limber_narrator_find_clip (LimberNarrator *self,
                           const char     *exercise_id,
                           guint           clip)
{
  const char * const *languages = g_get_language_names ();
  const char *roots[] = { self->user_dir, self->builtin_dir };
  g_autofree char *name = limber_narrator_dup_clip_name (clip);

  g_return_val_if_fail (LIMBER_IS_NARRATOR (self), NULL);

  for (guint i = 0; languages[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (roots); j++)
      {
        g_autofree char *path = g_build_filename (roots[j], languages[i], exercise_id, name, NULL);

        if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
          return g_steal_pointer (&path);
      }

  return NULL;
}

void
limber_narrator_set_audio_sink (LimberNarrator *self,
                                GstElement     *sink)
{
  g_return_if_fail (LIMBER_IS_NARRATOR (self));
  g_return_if_fail (self->playbin == NULL);

  gst_object_replace ((GstObject **) &self->custom_sink, GST_OBJECT (gst_object_ref_sink (sink)));
  gst_object_unref (sink);
}

void
limber_narrator_set_time_scale (LimberNarrator *self,
                                double          scale)
{
  g_return_if_fail (LIMBER_IS_NARRATOR (self));
  g_return_if_fail (scale > 0);

  self->time_scale = scale;
}

void
limber_narrator_set_builtin_dir (LimberNarrator *self,
                                 const char     *dir)
{
  g_return_if_fail (LIMBER_IS_NARRATOR (self));

  g_free (self->builtin_dir);
  self->builtin_dir = g_strdup (dir);
}

GstElement *
limber_narrator_get_pipeline (LimberNarrator *self)
{
  return self->playbin;
}

GstState
limber_narrator_get_pipeline_state (LimberNarrator *self)
{
  GstState state = GST_STATE_NULL;

  if (self->playbin != NULL)
    gst_element_get_state (self->playbin, &state, NULL, GST_CLOCK_TIME_NONE);

  return state;
}
