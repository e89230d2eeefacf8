/* limber-speech.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Limber's voice: text spoken at run time by espeak-ng (LimberSynthesizer,
 * on its own thread) in the user's language, at the rate of the
 * speech-rate setting, or a clinic's own recording in its place; and the
 * end-of-hold chime. Everything heard goes through one GStreamer pipeline,
 *
 *   appsrc ! audioconvert ! audioresample ! volume ! autoaudiosink
 *
 * as 16-bit mono samples at espeak-ng's rate, decoded and synthesized ahead
 * (prepare()), so that say() only has to push them. The pipeline waits in
 * READY between utterances, its sound output open.
 *
 * When nothing can be heard (no sound output, a missing GStreamer element,
 * a failed synthesis) "finished" still comes when the words would have
 * ended, from a LimberCountdown, so a session keeps its pace, and the
 * "problem" property says why.
 */

#define G_LOG_DOMAIN "limber-speech"

#include "limber-config.h"

#include <glib/gi18n-lib.h>
#include <gst/app/gstappsrc.h>
#include <gst/audio/audio.h>
#include <math.h>

#include "limber-countdown.h"
#include "limber-recording.h"
#include "limber-speech-private.h"
#include "limber-synthesizer.h"

#define SAMPLE_RATE        LIMBER_SYNTHESIZER_SAMPLE_RATE
#define BYTES_PER_SECOND   (SAMPLE_RATE * sizeof (gint16))
/* Pushed in short buffers of whole samples, so that the first one is
 * through the resampler at once. */
#define CHUNK_BYTES        (SAMPLE_RATE / 20 * sizeof (gint16))

/* Prepared and recent audio: a few steps ahead and behind, some 3 MiB of
 * synthesized steps. A longer recording plays, but is not kept. */
#define CACHE_CLIPS        8
#define CACHE_BYTES        (8 * 1024 * 1024)

/* The speech-rate setting, in words a minute of voiced speech. */
static const guint words_per_minute[] = { 120, 150, 180 };

/* How much of synthesized speech is voiced: between 0.82 and 0.86 for
 * every voice and rate measured (see limber-synthesizer.c). */
#define VOICED_SHARE       0.84

/* The chime: a soft bell at 880 Hz with its octave, fading out. */
#define CHIME_MS           400
#define CHIME_HZ           880.0
#define CHIME_LEVEL        0.3

typedef enum {
  MODE_IDLE,
  MODE_WAITING,   /* for the audio to be synthesized or decoded */
  MODE_AUDIBLE,   /* on the pipeline */
  MODE_SILENT,    /* timed by the countdown, as nothing can be heard */
} Mode;

/* Audio in the cache, or on its way there. */
typedef struct {
  grefcount     ref_count;
  char         *key;
  GFile        *recording;        /* or NULL for synthesized text */
  GBytes       *samples;          /* once done, unless it failed */
  GError       *error;            /* once done, if it failed */
  char         *missing_language; /* no voice for it: English spoke */
  gboolean      done;
  GCancellable *cancellable;
  LimberSpeech *owner;            /* NULL once the speech is gone */
  GList        *link;             /* in the cache, or NULL */
} Clip;

struct _LimberSpeech
{
  GObject          parent_instance;

  GSettings       *settings;
  char           **languages;
  GQueue           cache;          /* of Clip, the most recently wanted first */
  gsize            cache_bytes;
  GBytes          *chime;

  gboolean         speaking;
  gboolean         paused;
  char            *problem;
  char            *notice;
  GHashTable      *told;           /* every notice given, so none is given twice */

  Mode             mode;
  Clip            *current;
  char            *text;           /* of the utterance, should its recording fail */
  LimberCountdown *countdown;

  GstElement      *pipeline;
  GstElement      *source;
  GstElement      *volume;
  GstElement      *sink;
  GstElement      *custom_sink;
  gboolean         output_open;    /* the pipeline is in READY or above */
  gboolean         output_failed;  /* look for a sound output again next time */
};

G_DEFINE_FINAL_TYPE (LimberSpeech, limber_speech, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_SPEAKING,
  PROP_PAUSED,
  PROP_PROBLEM,
  PROP_NOTICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_current (LimberSpeech *self);

static void
set_boolean (LimberSpeech *self,
             gboolean     *field,
             gboolean      value,
             int           prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_problem (LimberSpeech *self,
             const char   *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;

  if (problem != NULL)
    g_debug ("Speech problem: %s", problem);
  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

/* Each notice once in the speech's life: the same broken recording is not told again. */
static void
tell (LimberSpeech *self,
      char         *notice)
{
  if (g_hash_table_contains (self->told, notice))
    {
      g_free (notice);
      return;
    }

  g_debug ("Speech notice: %s", notice);
  g_hash_table_add (self->told, notice);
  self->notice = notice;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE]);
}

static guint
current_words_per_minute (LimberSpeech *self)
{
  int rate = g_settings_get_enum (self->settings, "speech-rate");

  return words_per_minute[CLAMP (rate, 0, (int) G_N_ELEMENTS (words_per_minute) - 1)];
}

static guint
samples_ms (GBytes *samples)
{
  return (guint) (g_bytes_get_size (samples) * 1000 / BYTES_PER_SECOND);
}

/* The cache. */

static Clip *
clip_ref (Clip *clip)
{
  g_ref_count_inc (&clip->ref_count);
  return clip;
}

static void
clip_unref (Clip *clip)
{
  if (!g_ref_count_dec (&clip->ref_count))
    return;

  g_free (clip->key);
  g_clear_object (&clip->recording);
  g_clear_pointer (&clip->samples, g_bytes_unref);
  g_clear_error (&clip->error);
  g_free (clip->missing_language);
  g_clear_object (&clip->cancellable);
  g_free (clip);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Clip, clip_unref)

static Clip *
clip_new (LimberSpeech *self,
          char         *key)
{
  Clip *clip = g_new0 (Clip, 1);

  g_ref_count_init (&clip->ref_count);
  clip->key = key;
  clip->owner = self;
  clip->cancellable = g_cancellable_new ();

  return clip;
}

static void
uncache (LimberSpeech *self,
         Clip         *clip)
{
  if (clip->link == NULL)
    return;

  if (clip->samples != NULL)
    self->cache_bytes -= g_bytes_get_size (clip->samples);
  /* Nobody waits for it any more. */
  if (!clip->done && clip != self->current)
    g_cancellable_cancel (clip->cancellable);
  g_queue_delete_link (&self->cache, g_steal_pointer (&clip->link));
  clip_unref (clip);
}

static void
trim_cache (LimberSpeech *self)
{
  while (self->cache.length > CACHE_CLIPS || self->cache_bytes > CACHE_BYTES)
    uncache (self, g_queue_peek_tail (&self->cache));
}

static Clip *
find_clip (LimberSpeech *self,
           const char   *key)
{
  for (GList *link = self->cache.head; link != NULL; link = link->next)
    {
      Clip *clip = link->data;

      if (g_str_equal (clip->key, key))
        {
          /* Wanted again: the last to go. */
          g_queue_unlink (&self->cache, link);
          g_queue_push_head_link (&self->cache, link);
          return clip;
        }
    }

  return NULL;
}

static void
cache_clip (LimberSpeech *self,
            Clip         *clip)
{
  g_queue_push_head (&self->cache, clip_ref (clip));
  clip->link = self->cache.head;
  trim_cache (self);
}

static void
clip_done (Clip   *clip,
           GBytes *samples,
           GError *error)
{
  LimberSpeech *self = clip->owner;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self == NULL)
    {
      g_clear_pointer (&samples, g_bytes_unref);
      return;
    }

  clip->done = TRUE;
  clip->samples = samples;
  clip->error = error != NULL ? g_error_copy (error) : NULL;

  /* A failure is not kept: the next attempt may work. */
  if (clip->link != NULL && clip->samples != NULL)
    {
      self->cache_bytes += g_bytes_get_size (clip->samples);
      trim_cache (self);
    }
  else
    uncache (self, clip);

  if (clip == self->current)
    start_current (self);
}

static void
on_synthesized (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Clip) clip = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *voice = NULL;
  GBytes *samples;

  samples = limber_synthesizer_synthesize_finish (LIMBER_SYNTHESIZER (source), result, &voice,
                                                  &clip->missing_language, &error);
  if (error != NULL)
    g_debug ("Synthesis failed: %s", error->message);
  else
    g_debug ("Synthesized %zu bytes with the voice %s", g_bytes_get_size (samples), voice);
  clip_done (clip, samples, error);
}

static void
on_decoded (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Clip) clip = user_data;
  g_autoptr(GError) error = NULL;
  GBytes *samples;

  samples = limber_recording_decode_finish (result, &error);
  clip_done (clip, samples, error);
}

static char *
text_key (const char *text,
          guint       rate)
{
  return g_strdup_printf ("%u\x1f%s", rate, text);
}

/* The samples of @text at the current rate, if they are ready; without
 * counting as a use. */
static GBytes *
prepared_samples (LimberSpeech *self,
                  const char   *text)
{
  g_autofree char *key = text_key (text, current_words_per_minute (self));

  for (GList *link = self->cache.head; link != NULL; link = link->next)
    {
      Clip *clip = link->data;

      if (clip->samples != NULL && g_str_equal (clip->key, key))
        return clip->samples;
    }

  return NULL;
}

static Clip *
want_text (LimberSpeech *self,
           const char   *text)
{
  guint rate = current_words_per_minute (self);
  g_autofree char *key = text_key (text, rate);
  Clip *clip = find_clip (self, key);

  if (clip != NULL)
    return clip;

  clip = clip_new (self, g_steal_pointer (&key));
  cache_clip (self, clip);
  limber_synthesizer_synthesize_async (limber_synthesizer_get_default (), text,
                                       (const char * const *) self->languages, rate,
                                       clip->cancellable, on_synthesized, clip_ref (clip));
  clip_unref (clip);

  return clip;
}

static Clip *
want_recording (LimberSpeech *self,
                GFile        *recording)
{
  g_autofree char *uri = g_file_get_uri (recording);
  g_autofree char *key = g_strconcat ("\x1e", uri, NULL);
  Clip *clip = find_clip (self, key);

  if (clip != NULL)
    return clip;

  clip = clip_new (self, g_steal_pointer (&key));
  clip->recording = g_object_ref (recording);
  cache_clip (self, clip);
  limber_recording_decode_async (recording, SAMPLE_RATE, clip->cancellable, on_decoded, clip_ref (clip));
  clip_unref (clip);

  return clip;
}

/* The pipeline. */

static void
reset_pipeline (LimberSpeech *self,
                GstState      state)
{
  g_autoptr(GstBus) bus = NULL;

  if (self->pipeline == NULL)
    return;

  gst_element_set_state (self->pipeline, state);
  if (state == GST_STATE_NULL)
    self->output_open = FALSE;

  /* Drop what the last utterance left on the bus, such as its EOS, so that
   * it cannot end the next one. */
  bus = gst_element_get_bus (self->pipeline);
  gst_bus_set_flushing (bus, TRUE);
  gst_bus_set_flushing (bus, FALSE);
}

/* autoaudiosink quietly takes a fakesink when it finds no sound output. */
static gboolean
output_is_fake (GstElement *sink)
{
  g_autoptr(GObject) child = NULL;
  GstElementFactory *factory;

  if (!GST_IS_CHILD_PROXY (sink) || gst_child_proxy_get_children_count (GST_CHILD_PROXY (sink)) == 0)
    return FALSE;

  child = gst_child_proxy_get_child_by_index (GST_CHILD_PROXY (sink), 0);
  factory = GST_IS_ELEMENT (child) ? gst_element_get_factory (GST_ELEMENT (child)) : NULL;

  return factory != NULL && g_str_equal (gst_plugin_feature_get_name (GST_PLUGIN_FEATURE (factory)), "fakesink");
}

static void
play_silently (LimberSpeech *self,
               guint         ms)
{
  self->mode = MODE_SILENT;
  if (self->paused)
    limber_countdown_start_paused (self->countdown, ms);
  else
    limber_countdown_start (self->countdown, ms);
}

static const char *
describe_error (const GError *error)
{
  if (error->domain == GST_RESOURCE_ERROR)
    return _("Speech cannot be heard: the sound output could not be opened");

  return _("Speech cannot be heard: the sound could not be played");
}

static void finish (LimberSpeech *self);

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  LimberSpeech *self = user_data;

  if (self->mode != MODE_AUDIBLE)
    return G_SOURCE_CONTINUE;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_EOS:
      finish (self);
      break;

    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *debug = NULL;
        gint64 position = 0;
        guint length = samples_ms (self->current->samples);

        gst_message_parse_error (message, &error, &debug);
        g_debug ("Pipeline error from %s: %s (%s)", GST_OBJECT_NAME (GST_MESSAGE_SRC (message)),
                 error->message, debug);
        if (!gst_element_query_position (self->pipeline, GST_FORMAT_TIME, &position))
          position = 0;

        /* Look for an output again at the next utterance; time the rest of this one. */
        set_problem (self, describe_error (error));
        self->output_failed = TRUE;
        reset_pipeline (self, GST_STATE_NULL);
        play_silently (self, length - MIN (length, (guint) (position / GST_MSECOND)));
      }
      break;

    case GST_MESSAGE_STATE_CHANGED:
      if (GST_MESSAGE_SRC (message) == GST_OBJECT (self->pipeline))
        {
          GstState state;

          gst_message_parse_state_changed (message, NULL, &state, NULL);
          if (state == GST_STATE_PLAYING)
            set_problem (self, NULL);
        }
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
make_pipeline (LimberSpeech *self)
{
  const char *names[] = { "appsrc", "audioconvert", "audioresample", "volume", "autoaudiosink" };
  GstElement *elements[G_N_ELEMENTS (names)] = { NULL, };
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GError) error = NULL;
  GstAudioInfo info;

  /* Only now: loading GStreamer's registry would slow every start-up. */
  if (!gst_init_check (NULL, NULL, &error))
    g_debug ("GStreamer is unavailable: %s", error->message);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_str_equal (names[i], "autoaudiosink") && self->custom_sink != NULL)
        elements[i] = gst_object_ref (self->custom_sink);
      else if ((elements[i] = gst_element_factory_make (names[i], NULL)) != NULL)
        gst_object_ref_sink (elements[i]);

      if (elements[i] == NULL)
        {
          g_autofree char *problem =
            /* Translators: %s is the name of a GStreamer element, such as “audioresample” */
            g_strdup_printf (_("Speech cannot be heard: GStreamer’s “%s” element is missing"), names[i]);

          set_problem (self, problem);
          for (guint j = 0; j < i; j++)
            gst_object_unref (elements[j]);
          return FALSE;
        }
    }

  self->pipeline = gst_object_ref_sink (gst_pipeline_new ("limber-speech"));
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    gst_bin_add (GST_BIN (self->pipeline), elements[i]);
  if (!gst_element_link_many (elements[0], elements[1], elements[2], elements[3], elements[4], NULL))
    g_critical ("The speech pipeline does not link");

  /* The pipeline holds them; only the sink is kept, for the tests. */
  self->source = elements[0];
  self->volume = elements[3];
  self->sink = elements[4];
  for (guint i = 0; i < G_N_ELEMENTS (elements) - 1; i++)
    gst_object_unref (elements[i]);

  gst_audio_info_set_format (&info, GST_AUDIO_FORMAT_S16, SAMPLE_RATE, 1, NULL);
  caps = gst_audio_info_to_caps (&info);
  /* 0: however much an utterance is, it is queued at once. */
  g_object_set (self->source, "caps", caps, "format", GST_FORMAT_TIME, "max-bytes", (guint64) 0, NULL);

  g_settings_bind (self->settings, "narration-volume", self->volume, "volume", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "narration-muted", self->volume, "mute", G_SETTINGS_BIND_GET);

  bus = gst_element_get_bus (self->pipeline);
  gst_bus_add_watch (bus, on_bus_message, self);

  return TRUE;
}

static void
release_pipeline (LimberSpeech *self)
{
  g_autoptr(GstBus) bus = NULL;

  if (self->pipeline == NULL)
    return;

  gst_element_set_state (self->pipeline, GST_STATE_NULL);
  g_settings_unbind (self->volume, "volume");
  g_settings_unbind (self->volume, "mute");
  bus = gst_element_get_bus (self->pipeline);
  gst_bus_remove_watch (bus);
  self->source = self->volume = NULL;
  gst_clear_object (&self->sink);
  gst_clear_object (&self->pipeline);
}

/* Opens the sound output, if it is not open yet; FALSE, with the problem
 * said, when nothing can be heard. */
static gboolean
open_output (LimberSpeech *self)
{
  if (self->pipeline == NULL && !make_pipeline (self))
    return FALSE;

  /* From NULL, autoaudiosink looks for an output again: a sound server that
   * has come back since is found. */
  if (self->output_failed)
    {
      self->output_failed = FALSE;
      reset_pipeline (self, GST_STATE_NULL);
    }

  if (self->output_open)
    return TRUE;

  if (gst_element_set_state (self->pipeline, GST_STATE_READY) == GST_STATE_CHANGE_FAILURE)
    {
      set_problem (self, _("Speech cannot be heard: the sound output could not be opened"));
      self->output_failed = TRUE;
      reset_pipeline (self, GST_STATE_NULL);
      return FALSE;
    }

  if (self->custom_sink == NULL && output_is_fake (self->sink))
    {
      set_problem (self, _("Speech cannot be heard: no sound output was found"));
      self->output_failed = TRUE;
      return FALSE;
    }

  self->output_open = TRUE;
  return TRUE;
}

static gboolean
play_audibly (LimberSpeech *self,
              GBytes       *samples)
{
  gsize size = g_bytes_get_size (samples);

  if (!open_output (self))
    return FALSE;

  reset_pipeline (self, GST_STATE_READY);
  if (gst_element_set_state (self->pipeline, GST_STATE_PAUSED) == GST_STATE_CHANGE_FAILURE)
    {
      set_problem (self, _("Speech cannot be heard: the sound output could not be opened"));
      self->output_failed = TRUE;
      reset_pipeline (self, GST_STATE_NULL);
      return FALSE;
    }

  for (gsize offset = 0; offset < size; offset += CHUNK_BYTES)
    {
      gsize length = MIN (CHUNK_BYTES, size - offset);
      g_autoptr(GBytes) chunk = g_bytes_new_from_bytes (samples, offset, length);
      GstBuffer *buffer = gst_buffer_new_wrapped_bytes (chunk);

      GST_BUFFER_PTS (buffer) = gst_util_uint64_scale (offset, GST_SECOND, BYTES_PER_SECOND);
      GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (length, GST_SECOND, BYTES_PER_SECOND);
      gst_app_src_push_buffer (GST_APP_SRC (self->source), buffer);
    }
  gst_app_src_end_of_stream (GST_APP_SRC (self->source));

  self->mode = MODE_AUDIBLE;
  if (!self->paused)
    gst_element_set_state (self->pipeline, GST_STATE_PLAYING);

  return TRUE;
}

/* The utterance. */

/* Without telling anyone: a stop, the end, or the next say(). */
static void
end_utterance (LimberSpeech *self)
{
  self->mode = MODE_IDLE;
  limber_countdown_cancel (self->countdown);
  if (self->output_open)
    reset_pipeline (self, GST_STATE_READY);
  g_clear_pointer (&self->current, clip_unref);
  g_clear_pointer (&self->text, g_free);
}

static void
finish (LimberSpeech *self)
{
  end_utterance (self);
  set_boolean (self, &self->paused, FALSE, PROP_PAUSED);
  set_boolean (self, &self->speaking, FALSE, PROP_SPEAKING);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
on_countdown_finished (LimberSpeech *self)
{
  if (self->mode == MODE_SILENT)
    finish (self);
}

static void
tell_recording_failed (LimberSpeech *self,
                       Clip         *clip)
{
  g_autofree char *name = g_file_get_parse_name (clip->recording);

  if (g_error_matches (clip->error, LIMBER_RECORDING_ERROR, LIMBER_RECORDING_ERROR_UNREADABLE))
    /* Translators: the first %s is a file, the second why it could not be read, such as “No such file or directory” */
    tell (self, g_strdup_printf (_("The recording “%s” could not be read (%s), so Limber’s own voice spoke instead"),
                                 name, clip->error->message));
  else if (g_error_matches (clip->error, LIMBER_RECORDING_ERROR, LIMBER_RECORDING_ERROR_TOO_LONG))
    tell (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              /* Translators: %s is a file, %u a number of minutes */
                                              "The recording “%s” is longer than %u minute, so Limber’s own voice spoke instead",
                                              "The recording “%s” is longer than %u minutes, so Limber’s own voice spoke instead",
                                              LIMBER_RECORDING_MAX_SECONDS / 60),
                                 name, LIMBER_RECORDING_MAX_SECONDS / 60));
  else
    /* Translators: the first %s is a file, the second what GStreamer found wrong with it */
    tell (self, g_strdup_printf (_("“%s” is not a recording Limber can play (%s), so Limber’s own voice spoke instead"),
                                 name, clip->error->message));
}

/* What to do with the current clip, now that it is done (or was already). */
static void
start_current (LimberSpeech *self)
{
  Clip *clip = self->current;

  if (!clip->done)
    {
      self->mode = MODE_WAITING;
      return;
    }

  if (clip->recording != NULL && clip->samples == NULL)
    {
      g_debug ("Recording failed: %s", clip->error->message);
      tell_recording_failed (self, clip);
      self->current = clip_ref (want_text (self, self->text));
      clip_unref (clip);
      start_current (self);
      return;
    }

  if (clip->samples == NULL)
    {
      g_autofree char *problem =
        /* Translators: %s is espeak-ng's own description of what went wrong */
        g_strdup_printf (_("Speech cannot be heard: the speech synthesizer failed (%s)"), clip->error->message);

      set_problem (self, problem);
      play_silently (self, limber_speech_estimate_ms (self, self->text));
      return;
    }

  if (clip->missing_language != NULL)
    /* Translators: %s is the user's language, as the system names it, such as “br_FR” */
    tell (self, g_strdup_printf (_("There is no voice for the language “%s”, so Limber speaks in English"),
                                 clip->missing_language));

  if (!play_audibly (self, clip->samples))
    play_silently (self, samples_ms (clip->samples));
}

static void
begin_utterance (LimberSpeech *self,
                 Clip         *clip,
                 const char   *text)
{
  end_utterance (self);
  self->current = clip_ref (clip);
  self->text = g_strdup (text);
  set_boolean (self, &self->paused, FALSE, PROP_PAUSED);
  set_boolean (self, &self->speaking, TRUE, PROP_SPEAKING);
  start_current (self);
}

static GBytes *
make_chime (void)
{
  guint n_samples = SAMPLE_RATE * CHIME_MS / 1000;
  gint16 *samples = g_new (gint16, n_samples);

  for (guint i = 0; i < n_samples; i++)
    {
      double t = (double) i / SAMPLE_RATE;
      /* A 5 ms rise, so it does not click, then a bell's fall. */
      double envelope = MIN (1.0, t / 0.005) * exp (-t * 9.0);
      double wave = sin (2 * G_PI * CHIME_HZ * t) + 0.3 * sin (4 * G_PI * CHIME_HZ * t);

      samples[i] = (gint16) (G_MAXINT16 * CHIME_LEVEL * envelope * wave / 1.3);
    }

  return g_bytes_new_take (samples, n_samples * sizeof (gint16));
}

/* GObject. */

static void
limber_speech_dispose (GObject *object)
{
  LimberSpeech *self = (LimberSpeech *)object;
  Clip *clip;

  end_utterance (self);
  while ((clip = g_queue_peek_head (&self->cache)) != NULL)
    {
      /* Its synthesis or decoding may still answer: to nobody. */
      clip->owner = NULL;
      g_cancellable_cancel (clip->cancellable);
      uncache (self, clip);
    }
  release_pipeline (self);
  gst_clear_object (&self->custom_sink);
  g_clear_object (&self->countdown);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_speech_parent_class)->dispose (object);
}

static void
limber_speech_finalize (GObject *object)
{
  LimberSpeech *self = (LimberSpeech *)object;

  g_strfreev (self->languages);
  g_clear_pointer (&self->chime, g_bytes_unref);
  g_free (self->problem);
  g_hash_table_unref (self->told);

  G_OBJECT_CLASS (limber_speech_parent_class)->finalize (object);
}

static void
limber_speech_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LimberSpeech *self = LIMBER_SPEECH (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_SPEAKING:
      g_value_set_boolean (value, self->speaking);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    case PROP_NOTICE:
      g_value_set_string (value, self->notice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_speech_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LimberSpeech *self = LIMBER_SPEECH (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_speech_class_init (LimberSpeechClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = limber_speech_dispose;
  object_class->finalize = limber_speech_finalize;
  object_class->get_property = limber_speech_get_property;
  object_class->set_property = limber_speech_set_property;

  /* Limber's settings: the rate, the volume and mute. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* From say() or chime() to "finished" or stop(), paused or not. */
  properties[PROP_SPEAKING] =
    g_param_spec_boolean ("speaking", NULL, NULL, FALSE, read_only);
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE, read_only);
  /* Why nothing can be heard, for the person exercising; NULL once it is heard again. */
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL, read_only);
  /* Heard, but worth telling once: an English voice, a recording that would not play. */
  properties[PROP_NOTICE] =
    g_param_spec_string ("notice", NULL, NULL, NULL, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The utterance or the chime ended: heard to its end, or, when nothing
   * could be heard, after the time it takes. Not after stop() or a say()
   * that replaced it. */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_speech_init (LimberSpeech *self)
{
  self->languages = g_strdupv ((char **) g_get_language_names ());
  self->told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->countdown = limber_countdown_new ();
  g_signal_connect_swapped (self->countdown, "finished", G_CALLBACK (on_countdown_finished), self);
}

/**
 * limber_speech_new:
 * @settings: Limber's settings (io.github.limberapp.Limber)
 *
 * Speaks in the voice of the session's language, from g_get_language_names().
 */
LimberSpeech *
limber_speech_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (LIMBER_TYPE_SPEECH, "settings", settings, NULL);
}

/**
 * limber_speech_prepare:
 *
 * Synthesizes @text in the background, at the current rate, so that
 * saying it next starts at once; cheap when it is ready already.
 */
void
limber_speech_prepare (LimberSpeech *self,
                       const char   *text)
{
  g_return_if_fail (LIMBER_IS_SPEECH (self));
  g_return_if_fail (text != NULL);

  want_text (self, text);
  /* The sound output opens now rather than at the first say(). */
  if (self->pipeline == NULL && self->mode == MODE_IDLE)
    open_output (self);
}

/**
 * limber_speech_prepare_recording:
 *
 * Decodes a clinic's @recording in the background, for a say() with it.
 */
void
limber_speech_prepare_recording (LimberSpeech *self,
                                 GFile        *recording)
{
  g_return_if_fail (LIMBER_IS_SPEECH (self));
  g_return_if_fail (G_IS_FILE (recording));

  want_recording (self, recording);
  if (self->pipeline == NULL && self->mode == MODE_IDLE)
    open_output (self);
}

/**
 * limber_speech_say:
 * @recording: (nullable): a clinic's own recording of @text, to play instead
 *
 * Stops what is being said, and says @text, or plays @recording. A
 * recording that cannot be played is told in #LimberSpeech:notice, and
 * Limber's voice says @text instead. #LimberSpeech::finished follows.
 */
void
limber_speech_say (LimberSpeech *self,
                   const char   *text,
                   GFile        *recording)
{
  g_return_if_fail (LIMBER_IS_SPEECH (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (recording == NULL || G_IS_FILE (recording));

  begin_utterance (self, recording != NULL ? want_recording (self, recording) : want_text (self, text), text);
}

/**
 * limber_speech_chime:
 *
 * Stops what is being said, and sounds the short end-of-hold tone.
 * #LimberSpeech::finished follows.
 */
void
limber_speech_chime (LimberSpeech *self)
{
  g_autoptr(Clip) clip = NULL;

  g_return_if_fail (LIMBER_IS_SPEECH (self));

  if (self->chime == NULL)
    self->chime = make_chime ();

  clip = clip_new (self, g_strdup ("chime"));
  clip->samples = g_bytes_ref (self->chime);
  clip->done = TRUE;
  begin_utterance (self, clip, "");
}

void
limber_speech_pause (LimberSpeech *self)
{
  g_return_if_fail (LIMBER_IS_SPEECH (self));

  if (!self->speaking || self->paused)
    return;

  if (self->mode == MODE_AUDIBLE)
    gst_element_set_state (self->pipeline, GST_STATE_PAUSED);
  else if (self->mode == MODE_SILENT)
    limber_countdown_pause (self->countdown);
  set_boolean (self, &self->paused, TRUE, PROP_PAUSED);
}

void
limber_speech_resume (LimberSpeech *self)
{
  g_return_if_fail (LIMBER_IS_SPEECH (self));

  if (!self->paused)
    return;

  set_boolean (self, &self->paused, FALSE, PROP_PAUSED);
  if (self->mode == MODE_AUDIBLE)
    gst_element_set_state (self->pipeline, GST_STATE_PLAYING);
  else if (self->mode == MODE_SILENT)
    limber_countdown_resume (self->countdown);
}

/**
 * limber_speech_stop:
 *
 * Silences the utterance at once; no #LimberSpeech::finished follows.
 */
void
limber_speech_stop (LimberSpeech *self)
{
  g_return_if_fail (LIMBER_IS_SPEECH (self));

  end_utterance (self);
  set_boolean (self, &self->paused, FALSE, PROP_PAUSED);
  set_boolean (self, &self->speaking, FALSE, PROP_SPEAKING);
}

gboolean
limber_speech_get_speaking (LimberSpeech *self)
{
  g_return_val_if_fail (LIMBER_IS_SPEECH (self), FALSE);

  return self->speaking;
}

gboolean
limber_speech_get_paused (LimberSpeech *self)
{
  g_return_val_if_fail (LIMBER_IS_SPEECH (self), FALSE);

  return self->paused;
}

/**
 * limber_speech_get_problem:
 *
 * Returns: (nullable): why speech cannot be heard at all, in words for the
 *   person exercising; %NULL once it is heard again
 */
const char *
limber_speech_get_problem (LimberSpeech *self)
{
  g_return_val_if_fail (LIMBER_IS_SPEECH (self), NULL);

  return self->problem;
}

/**
 * limber_speech_get_notice:
 *
 * Returns: (nullable): the last thing worth telling once about what is
 *   heard: no voice for the language, or a recording that could not be played
 */
const char *
limber_speech_get_notice (LimberSpeech *self)
{
  g_return_val_if_fail (LIMBER_IS_SPEECH (self), NULL);

  return self->notice;
}

/**
 * limber_speech_estimate_ms:
 *
 * Returns: how long saying @text takes at the current rate, in
 *   milliseconds: exactly when it is prepared, otherwise from its words
 */
guint
limber_speech_estimate_ms (LimberSpeech *self,
                           const char   *text)
{
  GBytes *samples;

  g_return_val_if_fail (LIMBER_IS_SPEECH (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  if ((samples = prepared_samples (self, text)) != NULL)
    return samples_ms (samples);

  return (guint) (limber_synthesizer_count_words (text) * 60000.0 / current_words_per_minute (self) / VOICED_SHARE);
}

void
limber_speech_set_audio_sink (LimberSpeech *self,
                              GstElement   *sink)
{
  g_return_if_fail (LIMBER_IS_SPEECH (self));
  g_return_if_fail (self->mode == MODE_IDLE);

  /* An output opened ahead by prepare() is opened again, with this sink,
   * and what was found of the old one no longer holds. */
  release_pipeline (self);
  set_problem (self, NULL);
  gst_object_replace ((GstObject **) &self->custom_sink, GST_OBJECT (gst_object_ref_sink (sink)));
  gst_object_unref (sink);
}

gboolean
limber_speech_is_prepared (LimberSpeech *self,
                           const char   *text)
{
  g_return_val_if_fail (LIMBER_IS_SPEECH (self), FALSE);

  return prepared_samples (self, text) != NULL;
}

GstElement *
limber_speech_get_audio_sink (LimberSpeech *self)
{
  g_return_val_if_fail (LIMBER_IS_SPEECH (self), NULL);

  return self->sink;
}

GstState
limber_speech_get_pipeline_state (LimberSpeech *self)
{
  GstState state = GST_STATE_NULL;

  g_return_val_if_fail (LIMBER_IS_SPEECH (self), GST_STATE_NULL);

  /* Now, not waiting for a change still under way. */
  if (self->pipeline != NULL)
    gst_element_get_state (self->pipeline, &state, NULL, 0);

  return state;
}
