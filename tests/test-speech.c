/* test-speech.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real synthesis into real pipelines: a synchronised fakesink where only
 * the timing matters, an appsink where the sound is measured, and a
 * PulseAudio null sink where it must be heard.
 */

#include "limber-config.h"

#include <glib/gstdio.h>
#include <gst/app/gstappsink.h>
#include <math.h>
#include <signal.h>
#include <string.h>

#include "limber-catalog.h"
#include "limber-speech-private.h"
#include "limber-synthesizer.h"
#include "limber-test-backend.h"

/* A safety net against a hang, not a performance target. */
#define WAIT_TIMEOUT_SECONDS 60
#define RATE                 LIMBER_SYNTHESIZER_SAMPLE_RATE
/* Voiced: a 20 ms frame with an RMS above 1% of full scale. */
#define FRAME                (RATE / 50)
#define VOICED_RMS           (0.01 * G_MAXINT16)

/* About 2 s, and about 5 s, of speech. */
#define SHORT_TEXT "Breathe in slowly, then breathe out."
#define LONG_TEXT  "Bring your arms up to about shoulder height and clasp your hands together in front of you."

static LimberCatalog *catalog;
static char *scratch;

typedef struct {
  guint  finished;
  gint64 finished_at;
  guint  problems;
  guint  notices;
  guint  speaking_changes;
} Watch;

static void
on_finished (LimberSpeech *speech,
             Watch        *watch)
{
  watch->finished++;
  watch->finished_at = g_get_monotonic_time ();
  g_assert_false (limber_speech_get_speaking (speech));
  g_assert_false (limber_speech_get_paused (speech));
}

static void
on_notify (LimberSpeech *speech,
           GParamSpec   *pspec,
           Watch        *watch)
{
  if (g_str_equal (pspec->name, "problem"))
    watch->problems++;
  else if (g_str_equal (pspec->name, "notice"))
    watch->notices++;
  else if (g_str_equal (pspec->name, "speaking"))
    watch->speaking_changes++;
}

/* @sink: a floating element, or NULL for autoaudiosink */
static LimberSpeech *
new_speech (GSettings  *settings,
            GstElement *sink,
            Watch      *watch)
{
  LimberSpeech *speech = limber_speech_new (settings);

  if (sink != NULL)
    limber_speech_set_audio_sink (speech, sink);
  *watch = (Watch) { 0, };
  g_signal_connect (speech, "finished", G_CALLBACK (on_finished), watch);
  g_signal_connect (speech, "notify", G_CALLBACK (on_notify), watch);

  return speech;
}

static GstElement *
fake_sink (gboolean sync)
{
  GstElement *sink = gst_element_factory_make ("fakesink", NULL);

  g_object_set (sink, "sync", sync, NULL);
  return sink;
}

static gboolean
on_time_up (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate_for (double seconds)
{
  gboolean up = FALSE;

  g_timeout_add ((guint) (seconds * 1000), on_time_up, &up);
  while (!up)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_for_finished (Watch *watch,
                   guint  count)
{
  gboolean up = FALSE;
  guint timeout = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, on_time_up, &up);

  while (watch->finished < count && !up)
    g_main_context_iteration (NULL, TRUE);
  if (watch->finished < count)
    g_error ("Gave up waiting for “finished”");
  g_source_remove (timeout);
}

static void
wait_prepared (LimberSpeech *speech,
               const char   *text)
{
  gboolean up = FALSE;
  guint timeout = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, on_time_up, &up);

  while (!limber_speech_is_prepared (speech, text) && !up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (limber_speech_is_prepared (speech, text));
  g_source_remove (timeout);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Says @text and waits for "finished": how long that took, in seconds. */
static double
say_and_wait (LimberSpeech *speech,
              Watch        *watch,
              const char   *text)
{
  gint64 started = g_get_monotonic_time ();

  limber_speech_say (speech, text, NULL);
  wait_for_finished (watch, watch->finished + 1);

  return (watch->finished_at - started) / (double) G_USEC_PER_SEC;
}

/* Runs the test again in a process of its own, for what cannot be undone
 * in this one: the environment, GStreamer's registry, a sound server. */
static void
run_in_subprocess (void)
{
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

typedef struct {
  GBytes   *samples;
  GError   *error;
  gboolean  done;
} Synthesized;

static void
on_synthesized (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Synthesized *synthesized = user_data;

  synthesized->samples = limber_synthesizer_synthesize_finish (LIMBER_SYNTHESIZER (source), result, NULL, NULL,
                                                               &synthesized->error);
  synthesized->done = TRUE;
}

/* How long the speech says @text at the default rate: it speaks exactly
 * what the synthesizer gives. */
static double
spoken_seconds (const char *text)
{
  Synthesized synthesized = { NULL, };
  double seconds;

  limber_synthesizer_synthesize_async (limber_synthesizer_get_default (), text, g_get_language_names (), 150,
                                       NULL, on_synthesized, &synthesized);
  while (!synthesized.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (synthesized.error);
  seconds = g_bytes_get_size (synthesized.samples) / (double) (RATE * sizeof (gint16));
  g_bytes_unref (synthesized.samples);

  return seconds;
}

/* What reaches an appsink, as 16-bit mono at espeak-ng's rate. */
typedef struct {
  GMutex      lock;
  GByteArray *samples;
} Capture;

static GstFlowReturn
on_captured (GstAppSink *sink,
             gpointer    user_data)
{
  Capture *capture = user_data;
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (sink);
  GstMapInfo map;

  if (sample != NULL && gst_buffer_map (gst_sample_get_buffer (sample), &map, GST_MAP_READ))
    {
      g_mutex_lock (&capture->lock);
      g_byte_array_append (capture->samples, map.data, map.size);
      g_mutex_unlock (&capture->lock);
      gst_buffer_unmap (gst_sample_get_buffer (sample), &map);
    }

  return GST_FLOW_OK;
}

static GstElement *
capture_sink (Capture  *capture,
              gboolean  sync)
{
  GstElement *sink = gst_element_factory_make ("appsink", NULL);
  g_autoptr(GstCaps) caps = gst_caps_new_simple ("audio/x-raw", "format", G_TYPE_STRING, "S16LE",
                                                 "channels", G_TYPE_INT, 1, "rate", G_TYPE_INT, RATE, NULL);
  GstAppSinkCallbacks callbacks = { .new_sample = on_captured };

  g_mutex_init (&capture->lock);
  capture->samples = g_byte_array_new ();
  g_object_set (sink, "caps", caps, "sync", sync, NULL);
  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, capture, NULL);

  return sink;
}

static void
capture_reset (Capture *capture)
{
  g_mutex_lock (&capture->lock);
  g_byte_array_set_size (capture->samples, 0);
  g_mutex_unlock (&capture->lock);
}

static void
capture_clear (Capture *capture)
{
  g_byte_array_unref (capture->samples);
  g_mutex_clear (&capture->lock);
}

typedef struct {
  double seconds;
  double voiced_seconds;
  double rms;             /* of full scale */
  double voiced_rms;      /* over the voiced frames only */
  double frequency;       /* from the zero crossings */
} Measure;

static Measure
measure (Capture *capture)
{
  Measure result = { 0, };
  const gint16 *samples;
  guint n, voiced = 0, crossings = 0;
  double voiced_sum = 0, total_sum = 0;

  g_mutex_lock (&capture->lock);
  samples = (const gint16 *) capture->samples->data;
  n = capture->samples->len / sizeof (gint16);
  for (guint start = 0; start + FRAME <= n; start += FRAME)
    {
      double sum = 0;

      for (guint i = start; i < start + FRAME; i++)
        sum += (double) samples[i] * samples[i];
      total_sum += sum;
      if (sqrt (sum / FRAME) > VOICED_RMS)
        {
          voiced++;
          voiced_sum += sum;
        }
    }
  for (guint i = 1; i < n; i++)
    crossings += (samples[i - 1] < 0) != (samples[i] < 0);
  g_mutex_unlock (&capture->lock);

  result.seconds = n / (double) RATE;
  result.voiced_seconds = voiced * FRAME / (double) RATE;
  result.rms = n >= FRAME ? sqrt (total_sum / (n / FRAME * FRAME)) / G_MAXINT16 : 0;
  result.voiced_rms = voiced > 0 ? sqrt (voiced_sum / (voiced * FRAME)) / G_MAXINT16 : 0;
  result.frequency = n > 0 ? crossings / 2.0 / result.seconds : 0;

  return result;
}

/* Words a minute of voiced speech over the rhomboid stretch's steps. */
static double
rhomboid_words_per_minute (LimberSpeech *speech,
                           Watch        *watch,
                           Capture      *capture)
{
  LimberExercise *exercise = limber_catalog_lookup (catalog, "rhomboid-stretch");
  const char * const *steps = limber_exercise_get_steps (exercise);
  guint words = 0;
  double voiced = 0;

  for (guint i = 0; steps[i] != NULL; i++)
    {
      Measure step;

      capture_reset (capture);
      limber_speech_say (speech, steps[i], NULL);
      wait_for_finished (watch, watch->finished + 1);
      step = measure (capture);
      g_assert_cmpfloat (step.voiced_seconds, >, 0.5);
      words += limber_synthesizer_count_words (steps[i]);
      voiced += step.voiced_seconds;
    }

  return words * 60.0 / voiced;
}

/* The default rate is about 150 words a minute of voiced speech; slower
 * and faster are clearly so, from the next utterance after a change. */
static void
test_speech_rate (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  Capture capture;
  Watch watch;
  g_autoptr(LimberSpeech) speech = new_speech (settings, capture_sink (&capture, FALSE), &watch);
  double normal, slower, faster;

  normal = rhomboid_words_per_minute (speech, &watch, &capture);
  g_settings_set_string (settings, "speech-rate", "slower");
  slower = rhomboid_words_per_minute (speech, &watch, &capture);
  g_settings_set_string (settings, "speech-rate", "faster");
  faster = rhomboid_words_per_minute (speech, &watch, &capture);

  g_test_message ("rhomboid stretch, voiced words a minute: slower %.1f, normal %.1f, faster %.1f",
                  slower, normal, faster);
  g_assert_cmpfloat (normal, >=, 135);
  g_assert_cmpfloat (normal, <=, 165);
  g_assert_cmpfloat (slower, <, normal * 0.9);
  g_assert_cmpfloat (faster, >, normal * 1.1);
  g_assert_null (limber_speech_get_problem (speech));
  capture_clear (&capture);
}

/* say → speaking → finished once, no sooner than the words take. */
static void
test_speech_say (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  Watch watch;
  g_autoptr(LimberSpeech) speech = new_speech (settings, fake_sink (TRUE), &watch);
  double length = spoken_seconds (SHORT_TEXT);
  gint64 started;

  g_assert_false (limber_speech_get_speaking (speech));
  started = g_get_monotonic_time ();
  limber_speech_say (speech, SHORT_TEXT, NULL);
  g_assert_true (limber_speech_get_speaking (speech));
  g_assert_false (limber_speech_get_paused (speech));
  wait_for_finished (&watch, 1);

  g_test_message ("%.2f s of speech, finished after %.2f s", length, seconds_since (started));
  g_assert_cmpfloat (length, >, 1.0);
  g_assert_cmpfloat ((watch.finished_at - started) / (double) G_USEC_PER_SEC, >=, length * 0.95);
  g_assert_false (limber_speech_get_speaking (speech));
  g_assert_cmpuint (watch.speaking_changes, ==, 2);
  g_assert_null (limber_speech_get_problem (speech));
  g_assert_null (limber_speech_get_notice (speech));
  g_assert_cmpint (limber_speech_get_pipeline_state (speech), <=, GST_STATE_READY);

  iterate_for (0.5);
  g_assert_cmpuint (watch.finished, ==, 1);
}

/* A say() while speaking replaces it: one "finished", for the second. */
static void
test_speech_replace (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  Watch watch;
  g_autoptr(LimberSpeech) speech = new_speech (settings, fake_sink (TRUE), &watch);
  double length = spoken_seconds (SHORT_TEXT);
  gint64 replaced;

  limber_speech_say (speech, LONG_TEXT, NULL);
  iterate_for (0.3);
  replaced = g_get_monotonic_time ();
  limber_speech_say (speech, SHORT_TEXT, NULL);
  g_assert_true (limber_speech_get_speaking (speech));
  wait_for_finished (&watch, 1);
  g_assert_cmpfloat ((watch.finished_at - replaced) / (double) G_USEC_PER_SEC, >=, length * 0.95);

  /* Longer than the first would have gone on. */
  iterate_for (spoken_seconds (LONG_TEXT));
  g_assert_cmpuint (watch.finished, ==, 1);
}

/* stop() silences at once: no "finished", the pipeline not playing. */
static void
test_speech_stop (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  Watch watch;
  g_autoptr(LimberSpeech) speech = new_speech (settings, fake_sink (TRUE), &watch);
  double length = spoken_seconds (SHORT_TEXT);

  limber_speech_say (speech, SHORT_TEXT, NULL);
  iterate_for (0.5);
  limber_speech_stop (speech);
  g_assert_false (limber_speech_get_speaking (speech));
  g_assert_cmpint (limber_speech_get_pipeline_state (speech), <=, GST_STATE_READY);

  iterate_for (length + 0.5);
  g_assert_cmpuint (watch.finished, ==, 0);

  /* And it speaks again after. */
  limber_speech_say (speech, SHORT_TEXT, NULL);
  wait_for_finished (&watch, 1);
}

/* A pause holds for longer than the utterance; resume finishes it, no
 * sooner than what was left takes. */
static void
assert_pause_holds (LimberSpeech *speech,
                    Watch        *watch,
                    double        length)
{
  gint64 started = g_get_monotonic_time (), resumed;
  double before_pause;

  limber_speech_say (speech, SHORT_TEXT, NULL);
  iterate_for (0.4);
  limber_speech_pause (speech);
  before_pause = seconds_since (started);
  g_assert_true (limber_speech_get_paused (speech));
  g_assert_true (limber_speech_get_speaking (speech));

  iterate_for (length + 1.0);
  g_assert_cmpuint (watch->finished, ==, 0);
  g_assert_true (limber_speech_get_paused (speech));

  resumed = g_get_monotonic_time ();
  limber_speech_resume (speech);
  g_assert_false (limber_speech_get_paused (speech));
  wait_for_finished (watch, 1);
  g_test_message ("%.2f s of speech, paused after %.2f s, finished %.2f s after resuming", length,
                  before_pause, (watch->finished_at - resumed) / (double) G_USEC_PER_SEC);
  g_assert_cmpfloat ((watch->finished_at - resumed) / (double) G_USEC_PER_SEC, >=, (length - before_pause) * 0.9);
}

static void
test_speech_pause (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  Watch watch;
  g_autoptr(LimberSpeech) speech = new_speech (settings, fake_sink (TRUE), &watch);

  assert_pause_holds (speech, &watch, spoken_seconds (SHORT_TEXT));
  g_assert_null (limber_speech_get_problem (speech));
}

/* Whether autoaudiosink found no output, and took a fakesink. */
static gboolean
output_is_fake (LimberSpeech *speech)
{
  GstElement *sink = limber_speech_get_audio_sink (speech);
  g_autoptr(GObject) child = NULL;

  g_assert_nonnull (sink);
  child = gst_child_proxy_get_child_by_index (GST_CHILD_PROXY (sink), 0);

  return g_str_equal (GST_OBJECT_NAME (gst_element_get_factory (GST_ELEMENT (child))), "fakesink");
}

/* No sound server: the problem is told once, and "finished" still comes
 * when the words would have ended; a pause holds that too. */
static void
test_speech_no_output (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  Watch watch;
  g_autoptr(LimberSpeech) speech = new_speech (settings, NULL, &watch);
  double length = spoken_seconds (SHORT_TEXT);
  double took = say_and_wait (speech, &watch, SHORT_TEXT);

  if (!output_is_fake (speech))
    {
      g_test_skip ("This machine has a sound output");
      return;
    }

  g_test_message ("problem: %s; finished after %.2f s, for %.2f s of speech", limber_speech_get_problem (speech),
                  took, length);
  g_assert_cmpstr (limber_speech_get_problem (speech), ==, "Speech cannot be heard: no sound output was found");
  g_assert_cmpfloat (took, >=, length * 0.95);
  g_assert_cmpfloat (took, <, length + 10);
  g_assert_cmpuint (watch.problems, ==, 1);

  watch.finished = 0;
  assert_pause_holds (speech, &watch, length);
  g_assert_cmpuint (watch.problems, ==, 1);
  g_assert_null (limber_speech_get_notice (speech));
}

/* A sink that cannot open is a problem, not a hang. */
static void
test_speech_output_fails (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autofree char *server = g_build_filename (scratch, "no-such-server", NULL);
  GstElement *sink = gst_element_factory_make ("pulsesink", NULL);
  Watch watch;
  g_autoptr(LimberSpeech) speech = NULL;
  double length = spoken_seconds (SHORT_TEXT);

  if (sink == NULL)
    {
      g_test_skip ("No pulsesink");
      return;
    }
  g_object_set (sink, "server", server, NULL);
  speech = new_speech (settings, sink, &watch);

  g_assert_cmpfloat (say_and_wait (speech, &watch, SHORT_TEXT), >=, length * 0.95);
  g_assert_cmpstr (limber_speech_get_problem (speech), ==,
                   "Speech cannot be heard: the sound output could not be opened");
  say_and_wait (speech, &watch, SHORT_TEXT);
  g_assert_cmpuint (watch.problems, ==, 1);
}

static void
speak_without_audioresample (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  GstRegistry *registry = gst_registry_get ();
  g_autoptr(GstPluginFeature) feature = gst_registry_lookup_feature (registry, "audioresample");
  Watch watch;
  g_autoptr(LimberSpeech) speech = NULL;
  double length = spoken_seconds (SHORT_TEXT);

  g_assert_nonnull (feature);
  gst_registry_remove_feature (registry, feature);
  speech = new_speech (settings, fake_sink (TRUE), &watch);

  g_assert_cmpfloat (say_and_wait (speech, &watch, SHORT_TEXT), >=, length * 0.95);
  g_assert_cmpstr (limber_speech_get_problem (speech), ==,
                   "Speech cannot be heard: GStreamer’s “audioresample” element is missing");
  g_assert_cmpuint (watch.problems, ==, 1);
}

/* Without audioresample, nothing can be heard; the timing holds. */
static void
test_speech_missing_element (void)
{
  if (g_test_subprocess ())
    speak_without_audioresample ();
  else
    run_in_subprocess ();
}

static void
speak_without_espeak_data (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autofree char *data = g_build_filename (scratch, "espeak-ng-data", NULL);
  Watch watch;
  g_autoptr(LimberSpeech) speech = NULL;
  guint estimate;

  g_assert_cmpint (g_mkdir (data, 0700), ==, 0);
  g_setenv ("ESPEAK_DATA_PATH", scratch, TRUE);
  speech = new_speech (settings, fake_sink (TRUE), &watch);
  estimate = limber_speech_estimate_ms (speech, SHORT_TEXT);

  g_assert_cmpfloat (say_and_wait (speech, &watch, SHORT_TEXT) * 1000, >=, estimate * 0.95);
  g_test_message ("%s", limber_speech_get_problem (speech));
  g_assert_true (g_str_has_prefix (limber_speech_get_problem (speech),
                                   "Speech cannot be heard: the speech synthesizer failed ("));
  g_rmdir (data);
}

/* espeak-ng without its data: the problem says so, and the words' estimate times it. */
static void
test_speech_synthesis_fails (void)
{
  if (g_test_subprocess ())
    speak_without_espeak_data ();
  else
    run_in_subprocess ();
}

static void
speak_in_breton (void)
{
  g_autoptr(GSettings) settings = NULL;
  Watch watch;
  g_autoptr(LimberSpeech) speech = NULL;

  /* Breton, which espeak-ng 1.51 does not speak. */
  g_setenv ("LANGUAGE", "br_FR", TRUE);
  settings = limber_test_settings_new (NULL);
  speech = new_speech (settings, fake_sink (FALSE), &watch);

  say_and_wait (speech, &watch, SHORT_TEXT);
  say_and_wait (speech, &watch, LONG_TEXT);
  g_assert_cmpstr (limber_speech_get_notice (speech), ==,
                   "There is no voice for the language “br_FR”, so Limber speaks in English");
  g_assert_cmpuint (watch.notices, ==, 1);
  g_assert_null (limber_speech_get_problem (speech));
}

/* A language espeak-ng has no voice for: English speaks, and says so once. */
static void
test_speech_no_voice (void)
{
  if (g_test_subprocess ())
    speak_in_breton ();
  else
    run_in_subprocess ();
}

static char *
make_tone (const char *name,
           guint       milliseconds)
{
  char *path = g_build_filename (scratch, name, NULL);
  g_autofree char *launch =
    g_strdup_printf ("audiotestsrc num-buffers=%u samplesperbuffer=480 ! audio/x-raw,rate=48000,channels=2 ! "
                     "opusenc ! oggmux ! filesink location=\"%s\"", milliseconds / 10, path);
  g_autoptr(GstElement) pipeline = gst_parse_launch (launch, NULL);
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  g_autoptr(GstMessage) message = NULL;

  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, WAIT_TIMEOUT_SECONDS * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return path;
}

/* A clinic's recording plays instead of the text; one that cannot be
 * played is told, with its name and why, and the text is spoken. */
static void
test_speech_recording (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  Capture capture;
  Watch watch;
  g_autoptr(LimberSpeech) speech = new_speech (settings, capture_sink (&capture, FALSE), &watch);
  g_autofree char *tone_path = make_tone ("step-1.ogg", 1000);
  g_autofree char *damaged_path = g_build_filename (scratch, "step-2.ogg", NULL);
  g_autofree char *missing_path = g_build_filename (scratch, "step-3.ogg", NULL);
  g_autoptr(GFile) tone = g_file_new_for_path (tone_path);
  g_autoptr(GFile) damaged = g_file_new_for_path (damaged_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  double length = spoken_seconds (SHORT_TEXT);
  guint8 noise[4096];
  Measure heard;

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_random_int ();
  g_assert_true (g_file_set_contents (damaged_path, (const char *) noise, sizeof noise, NULL));

  limber_speech_prepare_recording (speech, tone);
  limber_speech_say (speech, SHORT_TEXT, tone);
  wait_for_finished (&watch, 1);
  heard = measure (&capture);
  g_test_message ("the recording: %.2f s at %.0f Hz", heard.seconds, heard.frequency);
  g_assert_cmpfloat_with_epsilon (heard.seconds, 1.0, 0.05);
  /* audiotestsrc's 440 Hz, not speech. */
  g_assert_cmpfloat_with_epsilon (heard.frequency, 440, 20);
  g_assert_null (limber_speech_get_notice (speech));

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      capture_reset (&capture);
      limber_speech_say (speech, SHORT_TEXT, damaged);
      wait_for_finished (&watch, watch.finished + 1);
      heard = measure (&capture);
      g_assert_cmpfloat_with_epsilon (heard.seconds, length, 0.05);
      g_test_message ("%s", limber_speech_get_notice (speech));
      g_assert_true (g_str_has_prefix (limber_speech_get_notice (speech), "“"));
      g_assert_nonnull (strstr (limber_speech_get_notice (speech), damaged_path));
      g_assert_nonnull (strstr (limber_speech_get_notice (speech), "is not a recording Limber can play ("));
      g_assert_cmpuint (watch.notices, ==, 1);
    }

  capture_reset (&capture);
  limber_speech_say (speech, SHORT_TEXT, missing);
  wait_for_finished (&watch, watch.finished + 1);
  g_assert_cmpfloat_with_epsilon (measure (&capture).seconds, length, 0.05);
  g_test_message ("%s", limber_speech_get_notice (speech));
  g_assert_true (g_str_has_prefix (limber_speech_get_notice (speech), "The recording “"));
  g_assert_nonnull (strstr (limber_speech_get_notice (speech), missing_path));
  g_assert_nonnull (strstr (limber_speech_get_notice (speech), g_strerror (ENOENT)));
  g_assert_cmpuint (watch.notices, ==, 2);

  /* The sound output was fine all along. */
  g_assert_null (limber_speech_get_problem (speech));
  g_assert_cmpuint (watch.problems, ==, 0);

  g_unlink (tone_path);
  g_unlink (damaged_path);
  capture_clear (&capture);
}

/* The chime: a short tone at 880 Hz, made, not read from a file. */
static void
test_speech_chime (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  Capture capture;
  Watch watch;
  g_autoptr(LimberSpeech) speech = new_speech (settings, capture_sink (&capture, TRUE), &watch);
  gint64 started = g_get_monotonic_time ();
  Measure heard;

  limber_speech_chime (speech);
  g_assert_true (limber_speech_get_speaking (speech));
  wait_for_finished (&watch, 1);
  heard = measure (&capture);
  g_test_message ("chime: %.2f s, %.2f s above the threshold, %.0f Hz, RMS %.3f there", heard.seconds,
                  heard.voiced_seconds, heard.frequency, heard.voiced_rms);
  g_assert_cmpfloat (heard.seconds, >=, 0.2);
  g_assert_cmpfloat (heard.seconds, <=, 0.6);
  g_assert_cmpfloat ((watch.finished_at - started) / (double) G_USEC_PER_SEC, >=, heard.seconds * 0.95);
  g_assert_cmpfloat_with_epsilon (heard.frequency, 880, 60);
  g_assert_cmpfloat (heard.voiced_rms, >, 0.05);

  iterate_for (0.3);
  g_assert_cmpuint (watch.finished, ==, 1);
  capture_clear (&capture);
}

/* narration-volume and narration-muted apply to what is heard, at once. */
static void
test_speech_volume (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  Capture capture;
  Watch watch;
  g_autoptr(LimberSpeech) speech = new_speech (settings, capture_sink (&capture, FALSE), &watch);
  double full, half;

  limber_speech_say (speech, SHORT_TEXT, NULL);
  wait_for_finished (&watch, 1);
  full = measure (&capture).rms;

  g_settings_set_double (settings, "narration-volume", 0.5);
  capture_reset (&capture);
  limber_speech_say (speech, SHORT_TEXT, NULL);
  wait_for_finished (&watch, 2);
  /* Every sample halved: the whole signal, not the frames over a threshold. */
  half = measure (&capture).rms;
  g_test_message ("RMS at full volume %.4f, at half %.4f", full, half);
  g_assert_cmpfloat_with_epsilon (half / full, 0.5, 0.05);

  g_settings_set_boolean (settings, "narration-muted", TRUE);
  capture_reset (&capture);
  limber_speech_say (speech, SHORT_TEXT, NULL);
  wait_for_finished (&watch, 3);
  g_assert_cmpfloat (measure (&capture).seconds, >, 1.0);
  g_assert_cmpfloat (measure (&capture).voiced_seconds, ==, 0);
  capture_clear (&capture);
}

/* The estimate: exact once prepared, close from the words before. */
static void
test_speech_estimate (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  Capture capture;
  Watch watch;
  g_autoptr(LimberSpeech) speech = new_speech (settings, capture_sink (&capture, FALSE), &watch);
  LimberExercise *exercise = limber_catalog_lookup (catalog, "rhomboid-stretch");
  const char * const *steps = limber_exercise_get_steps (exercise);
  guint at_normal_rate;

  for (guint i = 0; steps[i] != NULL; i++)
    {
      guint guess = limber_speech_estimate_ms (speech, steps[i]);
      guint prepared;
      double heard;

      g_assert_false (limber_speech_is_prepared (speech, steps[i]));
      limber_speech_prepare (speech, steps[i]);
      wait_prepared (speech, steps[i]);
      prepared = limber_speech_estimate_ms (speech, steps[i]);

      capture_reset (&capture);
      limber_speech_say (speech, steps[i], NULL);
      wait_for_finished (&watch, i + 1);
      heard = measure (&capture).seconds * 1000;

      g_test_message ("step %u: estimated %u ms from its words, %u ms once prepared, %.0f ms heard",
                      i + 1, guess, prepared, heard);
      g_assert_cmpfloat_with_epsilon (prepared, heard, 1);
      g_assert_cmpfloat (guess, >=, heard * 0.7);
      g_assert_cmpfloat (guess, <=, heard * 1.3);
    }

  /* Slower takes longer: another rate, another synthesis. */
  at_normal_rate = limber_speech_estimate_ms (speech, steps[0]);
  g_settings_set_string (settings, "speech-rate", "slower");
  g_assert_cmpuint (limber_speech_estimate_ms (speech, steps[0]), >, at_normal_rate);
  capture_clear (&capture);
}

/* Preparing many texts keeps only the most recent few (8, see limber-speech.c). */
static void
test_speech_cache_bounded (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  Watch watch;
  g_autoptr(LimberSpeech) speech = new_speech (settings, fake_sink (FALSE), &watch);
  g_auto(GStrv) texts = g_new0 (char *, 13);
  guint kept = 0;

  for (guint i = 0; i < 12; i++)
    {
      texts[i] = g_strdup_printf ("Repetition %u.", i + 1);
      limber_speech_prepare (speech, texts[i]);
      wait_prepared (speech, texts[i]);
    }

  for (guint i = 0; i < 12; i++)
    {
      kept += limber_speech_is_prepared (speech, texts[i]);
      g_assert_true (limber_speech_is_prepared (speech, texts[i]) == (i >= 4));
    }
  g_assert_cmpuint (kept, ==, 8);

  /* A text that was let go is simply synthesized again. */
  limber_speech_say (speech, texts[0], NULL);
  wait_for_finished (&watch, 1);
  g_assert_true (limber_speech_is_prepared (speech, texts[0]));
}

static void
speak_to_a_sound_server (const char *pulseaudio)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autofree char *socket = g_build_filename (g_get_user_runtime_dir (), "pulse", "native", NULL);
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GstElement) recorder = NULL;
  GstElement *source, *convert, *resample, *sink;
  g_autoptr(GError) error = NULL;
  Watch watch;
  g_autoptr(LimberSpeech) speech = new_speech (settings, NULL, &watch);
  double length = spoken_seconds (LONG_TEXT);
  Capture capture;
  Measure heard;
  double took;

  say_and_wait (speech, &watch, SHORT_TEXT);
  if (!output_is_fake (speech))
    {
      g_test_skip ("This machine has a sound output");
      return;
    }
  g_assert_nonnull (limber_speech_get_problem (speech));

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                             pulseaudio, "-n", "--daemonize=no", "--exit-idle-time=-1",
                             "-L", "module-null-sink sink_name=limber_test",
                             "-L", "module-native-protocol-unix", NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < 400 && !g_file_test (socket, G_FILE_TEST_EXISTS); i++)
    g_usleep (50000);
  g_assert_true (g_file_test (socket, G_FILE_TEST_EXISTS));

  /* What the null sink plays, as the capture takes it. */
  recorder = gst_object_ref_sink (gst_pipeline_new (NULL));
  source = gst_element_factory_make ("pulsesrc", NULL);
  convert = gst_element_factory_make ("audioconvert", NULL);
  resample = gst_element_factory_make ("audioresample", NULL);
  sink = capture_sink (&capture, FALSE);
  g_object_set (source, "device", "limber_test.monitor", NULL);
  gst_bin_add_many (GST_BIN (recorder), source, convert, resample, sink, NULL);
  g_assert_true (gst_element_link_many (source, convert, resample, sink, NULL));
  g_assert_cmpint (gst_element_set_state (recorder, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  g_assert_cmpint (gst_element_get_state (recorder, NULL, NULL, 10 * GST_SECOND), ==, GST_STATE_CHANGE_SUCCESS);

  capture_reset (&capture);
  took = say_and_wait (speech, &watch, LONG_TEXT);
  iterate_for (0.3);
  gst_element_set_state (recorder, GST_STATE_NULL);
  heard = measure (&capture);

  g_test_message ("%.2f s of speech, finished after %.2f s; the monitor heard %.2f s voiced in %.2f s",
                  length, took, heard.voiced_seconds, heard.seconds);
  g_assert_null (limber_speech_get_problem (speech));
  g_assert_cmpuint (watch.problems, ==, 2);
  g_assert_false (output_is_fake (speech));
  g_assert_cmpfloat (took, >=, length * 0.95);
  g_assert_cmpfloat (heard.voiced_seconds, >, length * 0.5);

  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  capture_clear (&capture);
}

/* Heard through a real sound server: PulseAudio with a null sink, recorded
 * from its monitor. Before the server starts nothing can be heard; after,
 * the problem is gone at the next utterance. */
static void
test_speech_heard (void)
{
  g_autofree char *pulseaudio = g_find_program_in_path ("pulseaudio");

  if (pulseaudio == NULL)
    {
      g_test_skip ("No PulseAudio");
      return;
    }

  if (g_test_subprocess ())
    speak_to_a_sound_server (pulseaudio);
  else
    run_in_subprocess ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);
  catalog = limber_catalog_new_default (NULL);
  g_assert_nonnull (catalog);
  scratch = g_dir_make_tmp ("limber-speech.XXXXXX", NULL);

  g_test_add_func ("/speech/rate", test_speech_rate);
  g_test_add_func ("/speech/say", test_speech_say);
  g_test_add_func ("/speech/replace", test_speech_replace);
  g_test_add_func ("/speech/stop", test_speech_stop);
  g_test_add_func ("/speech/pause", test_speech_pause);
  g_test_add_func ("/speech/no-output", test_speech_no_output);
  g_test_add_func ("/speech/output-fails", test_speech_output_fails);
  g_test_add_func ("/speech/missing-element", test_speech_missing_element);
  g_test_add_func ("/speech/synthesis-fails", test_speech_synthesis_fails);
  g_test_add_func ("/speech/no-voice", test_speech_no_voice);
  g_test_add_func ("/speech/recording", test_speech_recording);
  g_test_add_func ("/speech/chime", test_speech_chime);
  g_test_add_func ("/speech/volume", test_speech_volume);
  g_test_add_func ("/speech/estimate", test_speech_estimate);
  g_test_add_func ("/speech/cache-bounded", test_speech_cache_bounded);
  g_test_add_func ("/speech/heard", test_speech_heard);

  status = g_test_run ();
  g_clear_object (&catalog);
  g_rmdir (scratch);
  g_free (scratch);

  return status;
}
