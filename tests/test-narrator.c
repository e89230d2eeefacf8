/* test-narrator.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "limber-catalog.h"
#include "limber-narrator-private.h"

/* A safety net against a hang, not a performance target. */
#define WAIT_TIMEOUT_SECONDS 60
/* Holds, pauses and repetitions a thousand times faster than real time. */
#define FAST 0.001

static LimberCatalog *catalog;

static gboolean
on_wait_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for_step (LimberNarrator *narrator,
               int             step)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, on_wait_timeout, &timed_out);

  while (limber_narrator_get_current_step (narrator) != step && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Gave up waiting for step %d", step);
  g_source_remove (timeout_id);
}

static LimberNarrator *
new_narrator (const char *exercise_id,
              const char *sink_description)
{
  LimberNarrator *narrator = limber_narrator_new ();

  if (sink_description != NULL)
    limber_narrator_set_audio_sink (narrator, gst_parse_bin_from_description (sink_description, TRUE, NULL));
  limber_narrator_set_exercise (narrator, limber_catalog_lookup (catalog, exercise_id));

  return narrator;
}

/* Stopped means silent: the pipeline is back in NULL or READY. */
static void
assert_pipeline_not_playing (LimberNarrator *narrator)
{
  g_assert_cmpint (limber_narrator_get_pipeline_state (narrator), <=, GST_STATE_READY);
}
/* Decodes a clip and measures it: its length, and how much of it is not
 * silence, in 20 ms windows. */
static void
measure_clip (const char *path,
              double     *seconds,
              double     *voiced_seconds)
{
  g_autofree char *description = g_strdup_printf ("filesrc name=src ! decodebin ! audioconvert ! audioresample ! "
                                                  "audio/x-raw,format=F32LE,channels=1,rate=48000 ! "
                                                  "appsink name=sink sync=false");
  g_autoptr(GstElement) pipeline = gst_parse_launch (description, NULL);
  g_autoptr(GstElement) source = gst_bin_get_by_name (GST_BIN (pipeline), "src");
  g_autoptr(GstElement) sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  const guint window = 960;
  guint64 samples = 0, voiced_windows = 0;
  double square_sum = 0;
  guint in_window = 0;
  GstSample *sample;

  g_object_set (source, "location", path, NULL);
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);

  /* The action signal, so the test needs no gstreamer-app library. */
  for (;;)
    {
      GstBuffer *buffer;
      GstMapInfo map;

      g_signal_emit_by_name (sink, "pull-sample", &sample);
      if (sample == NULL)
        break;

      buffer = gst_sample_get_buffer (sample);
      g_assert_true (gst_buffer_map (buffer, &map, GST_MAP_READ));
      for (gsize i = 0; i < map.size / sizeof (float); i++)
        {
          float value = ((const float *) map.data)[i];

          square_sum += value * value;
          if (++in_window == window)
            {
              voiced_windows += square_sum / window > 0.01 * 0.01;
              square_sum = 0;
              in_window = 0;
            }
        }
      samples += map.size / sizeof (float);
      gst_buffer_unmap (buffer, &map);
      gst_sample_unref (sample);
    }

  gst_element_set_state (pipeline, GST_STATE_NULL);
  *seconds = samples / 48000.0;
  *voiced_seconds = voiced_windows * window / 48000.0;
}

/* Every intro and step of every exercise, in every locale the build made. */
static void
test_narrator_clips_rendered (void)
{
  g_auto(GStrv) locales = g_strsplit (g_getenv ("LIMBER_NARRATION_LOCALES"), " ", -1);
  const char *dir = g_getenv ("LIMBER_NARRATION_DIR");
  GListModel *model = G_LIST_MODEL (catalog);
  guint n_clips = 0;

  g_assert_nonnull (dir);
  g_assert_cmpuint (g_strv_length (locales), >=, 1);

  for (guint l = 0; locales[l] != NULL; l++)
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(LimberExercise) exercise = g_list_model_get_item (model, i);

        for (guint clip = 0; clip <= limber_exercise_get_n_steps (exercise); clip++)
          {
            g_autofree char *name = limber_narrator_dup_clip_name (clip);
            g_autofree char *path = g_build_filename (dir, locales[l], limber_exercise_get_id (exercise), name, NULL);
            double seconds, voiced;

            g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
            measure_clip (path, &seconds, &voiced);
            g_test_message ("%s: %.2f s, %.2f s voiced", path, seconds, voiced);
            g_assert_cmpfloat (voiced, >, 0.5);
            g_assert_cmpfloat (seconds, >=, voiced);
            n_clips++;
          }
      }

  g_assert_cmpuint (n_clips, >=, 6 * 5);
}

static GstPadProbeReturn
on_sink_event (GstPad          *pad,
               GstPadProbeInfo *info,
               gpointer         user_data)
{
  if (GST_EVENT_TYPE (GST_PAD_PROBE_INFO_EVENT (info)) == GST_EVENT_EOS)
    *(gboolean *) user_data = TRUE;

  return GST_PAD_PROBE_OK;
}

/* One clip, in real time to a synchronised fake sink: it ends, and it takes
 * as long as the clip lasts. */
static void
test_narrator_clip_reaches_sink (void)
{
  g_autoptr(LimberNarrator) narrator = limber_narrator_new ();
  GstElement *sink = gst_element_factory_make ("fakesink", NULL);
  g_autoptr(GstPad) pad = gst_element_get_static_pad (sink, "sink");
  LimberExercise *exercise = limber_catalog_lookup (catalog, "rhomboid-stretch");
  g_autofree char *path = NULL;
  gboolean eos = FALSE;
  double seconds, voiced;
  gint64 started;
  double elapsed;

  g_object_set (sink, "sync", TRUE, NULL);
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM, on_sink_event, &eos, NULL);
  limber_narrator_set_audio_sink (narrator, sink);
  limber_narrator_set_time_scale (narrator, FAST);
  limber_narrator_set_exercise (narrator, exercise);

  path = limber_narrator_find_clip (narrator, "rhomboid-stretch", LIMBER_NARRATOR_INTRO);
  g_assert_nonnull (path);
  measure_clip (path, &seconds, &voiced);

  started = g_get_monotonic_time ();
  limber_narrator_play (narrator);
  g_assert_cmpint (limber_narrator_get_state (narrator), ==, LIMBER_NARRATOR_STATE_PLAYING);
  g_assert_cmpint (limber_narrator_get_current_step (narrator), ==, LIMBER_NARRATOR_INTRO);
  wait_for_step (narrator, 1);
  elapsed = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;

  g_test_message ("intro clip: %.2f s long, played in %.2f s", seconds, elapsed);
  g_assert_true (eos);
  g_assert_cmpfloat (seconds, >, 0.5);
  /* A synchronised sink cannot finish early. */
  g_assert_cmpfloat (elapsed, >=, seconds * 0.9);
  g_assert_null (limber_narrator_get_problem (narrator));

  limber_narrator_stop (narrator);
  assert_pipeline_not_playing (narrator);
}

/* Clips under a relative folder (LIMBER_NARRATION_DIR=_build/narration)
 * play too, rather than leaving playbin with no address. */
static void
test_narrator_relative_dir (void)
{
  g_autoptr(LimberNarrator) narrator = limber_narrator_new ();
  GstElement *sink = gst_element_factory_make ("fakesink", NULL);
  g_autofree char *absolute = g_strdup (g_getenv ("LIMBER_NARRATION_DIR"));
  g_autofree char *parent = g_path_get_dirname (absolute);
  g_autofree char *relative = g_path_get_basename (absolute);
  g_autofree char *saved = g_get_current_dir ();

  g_assert_true (g_path_is_absolute (absolute));
  g_assert_cmpint (g_chdir (parent), ==, 0);
  limber_narrator_set_builtin_dir (narrator, relative);
  limber_narrator_set_audio_sink (narrator, sink);
  limber_narrator_set_time_scale (narrator, FAST);
  limber_narrator_set_exercise (narrator, limber_catalog_lookup (catalog, "rhomboid-stretch"));

  limber_narrator_play (narrator);
  wait_for_step (narrator, 1);
  g_assert_null (limber_narrator_get_problem (narrator));

  limber_narrator_stop (narrator);
  g_assert_cmpint (g_chdir (saved), ==, 0);
}

typedef struct
{
  GArray *steps;
  GArray *holds;        /* the first hold-remaining of each countdown, with its step */
  GArray *repetitions;
} Trace;

/* Appends every new value of the int or uint property that changed. */
static void
on_traced_notify (GObject    *object,
                  GParamSpec *pspec,
                  GArray     *values)
{
  g_auto(GValue) value = G_VALUE_INIT;
  int number;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, pspec->name, &value);
  number = G_VALUE_HOLDS_INT (&value) ? g_value_get_int (&value) : (int) g_value_get_uint (&value);
  g_array_append_val (values, number);
}

static GArray *
trace_property (LimberNarrator *narrator,
                const char     *name)
{
  g_autofree char *signal = g_strconcat ("notify::", name, NULL);
  GArray *values = g_array_new (FALSE, FALSE, sizeof (int));

  g_signal_connect (narrator, signal, G_CALLBACK (on_traced_notify), values);
  return values;
}

static void
trace_exercise (LimberNarrator *narrator,
                Trace          *trace)
{
  trace->steps = trace_property (narrator, "current-step");
  trace->holds = trace_property (narrator, "hold-remaining");
  trace->repetitions = trace_property (narrator, "repetition");

  limber_narrator_play (narrator);
  wait_for_step (narrator, LIMBER_NARRATOR_NO_STEP);
  g_signal_handlers_disconnect_matched (narrator, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_traced_notify, NULL);
}

static void
assert_array (GArray     *array,
              const int  *expected,
              guint       n_expected)
{
  g_assert_cmpmem (array->data, array->len * sizeof (int), expected, n_expected * sizeof (int));
  g_array_unref (array);
}

/* A whole exercise, clips to an unsynchronised sink: intro, six steps in
 * order, a countdown on the hold step and again for the second repetition. */
static void
test_narrator_whole_exercise (void)
{
  g_autoptr(LimberNarrator) narrator = new_narrator ("rhomboid-stretch", "fakesink sync=false");
  const int steps[] = { 0, 1, 2, 3, 4, 5, 6, -1 };
  const int holds[] = { 3, 2, 1, 0, 3, 2, 1, 0 };
  const int repetitions[] = { 2, 0 };
  Trace trace;

  limber_narrator_set_time_scale (narrator, FAST);
  limber_narrator_set_hold_seconds (narrator, 3);
  trace_exercise (narrator, &trace);

  assert_array (trace.steps, steps, G_N_ELEMENTS (steps));
  assert_array (trace.holds, holds, G_N_ELEMENTS (holds));
  assert_array (trace.repetitions, repetitions, G_N_ELEMENTS (repetitions));
  g_assert_cmpint (limber_narrator_get_state (narrator), ==, LIMBER_NARRATOR_STATE_STOPPED);
  g_assert_null (limber_narrator_get_problem (narrator));
  assert_pipeline_not_playing (narrator);
}

/* Without a prescription the hold is the catalog's shortest; a repeat step
 * with no hold counts every repetition. */
static void
test_narrator_defaults (void)
{
  g_autoptr(LimberNarrator) narrator = new_narrator ("wall-push-up", "fakesink sync=false");
  const int steps[] = { 0, 1, 2, 3, 4, -1 };
  const int repetitions[] = { 1, 2, 3, 4, 5, 6, 7, 8, 0 };
  Trace trace;

  limber_narrator_set_time_scale (narrator, FAST);
  trace_exercise (narrator, &trace);
  assert_array (trace.steps, steps, G_N_ELEMENTS (steps));
  assert_array (trace.repetitions, repetitions, G_N_ELEMENTS (repetitions));
  g_assert_cmpuint (trace.holds->len, ==, 0);
  g_array_unref (trace.holds);

  /* midback-stretch: 15 to 30 s, so 15 s, then the second repetition. */
  limber_narrator_set_exercise (narrator, limber_catalog_lookup (catalog, "midback-stretch"));
  trace_exercise (narrator, &trace);
  g_assert_cmpuint (trace.holds->len, ==, 2 * 16);
  g_assert_cmpuint (g_array_index (trace.holds, int, 0), ==, 15);
  g_array_unref (trace.holds);
  g_array_unref (trace.steps);
  g_array_unref (trace.repetitions);
  assert_pipeline_not_playing (narrator);
}

/* The volume and mute keys reach the pipeline, also while it plays. */
static void
test_narrator_volume_settings (void)
{
  g_autoptr(LimberNarrator) narrator = new_narrator ("shoulder-roll", "fakesink sync=true");
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  double volume;
  gboolean mute;

  g_settings_set_double (settings, "narration-volume", 0.25);
  limber_narrator_play (narrator);
  g_object_get (limber_narrator_get_pipeline (narrator), "volume", &volume, "mute", &mute, NULL);
  g_assert_cmpfloat_with_epsilon (volume, 0.25, 0.001);
  g_assert_false (mute);

  g_settings_set_boolean (settings, "narration-muted", TRUE);
  g_object_get (limber_narrator_get_pipeline (narrator), "mute", &mute, NULL);
  g_assert_true (mute);

  limber_narrator_stop (narrator);
  g_settings_reset (settings, "narration-volume");
  g_settings_reset (settings, "narration-muted");
}

/* Pause holds everything still; next, previous and another exercise move cleanly. */
static void
test_narrator_controls (void)
{
  g_autoptr(LimberNarrator) narrator = new_narrator ("shoulder-roll", "fakesink sync=true");
  GstElement *pipeline;
  GstState state;

  limber_narrator_set_time_scale (narrator, FAST);
  limber_narrator_play (narrator);
  pipeline = limber_narrator_get_pipeline (narrator);
  g_assert_nonnull (pipeline);

  limber_narrator_pause (narrator);
  g_assert_cmpint (limber_narrator_get_state (narrator), ==, LIMBER_NARRATOR_STATE_PAUSED);
  gst_element_get_state (pipeline, &state, NULL, GST_CLOCK_TIME_NONE);
  g_assert_cmpint (state, ==, GST_STATE_PAUSED);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (limber_narrator_get_current_step (narrator), ==, LIMBER_NARRATOR_INTRO);

  limber_narrator_toggle (narrator);
  g_assert_cmpint (limber_narrator_get_state (narrator), ==, LIMBER_NARRATOR_STATE_PLAYING);

  limber_narrator_next_step (narrator);
  limber_narrator_next_step (narrator);
  g_assert_cmpint (limber_narrator_get_current_step (narrator), ==, 2);
  limber_narrator_previous_step (narrator);
  g_assert_cmpint (limber_narrator_get_current_step (narrator), ==, 1);

  /* Another exercise stops this one: the same pipeline, left in NULL. */
  limber_narrator_set_exercise (narrator, limber_catalog_lookup (catalog, "wall-push-up"));
  g_assert_cmpint (limber_narrator_get_state (narrator), ==, LIMBER_NARRATOR_STATE_STOPPED);
  g_assert_cmpint (limber_narrator_get_current_step (narrator), ==, LIMBER_NARRATOR_NO_STEP);
  assert_pipeline_not_playing (narrator);
  limber_narrator_play (narrator);
  g_assert_true (limber_narrator_get_pipeline (narrator) == pipeline);
  limber_narrator_stop (narrator);
  assert_pipeline_not_playing (narrator);
}

/* The uninstalled clips are found through LIMBER_NARRATION_DIR, a clinic's
 * own in $XDG_DATA_HOME first, and a regional locale falls back to its language. */
static void
test_narrator_clip_lookup (void)
{
  g_autoptr(LimberNarrator) narrator = limber_narrator_new ();
  g_autofree char *builtin = limber_narrator_find_clip (narrator, "wall-push-up", 2);
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "narration", "fr",
                                                "wall-push-up", NULL);
  g_autofree char *user_clip = g_build_filename (user_dir, "step-2.ogg", NULL);
  g_autofree char *found = NULL;

  g_assert_nonnull (builtin);
  g_assert_true (g_str_has_prefix (builtin, g_getenv ("LIMBER_NARRATION_DIR")));
  g_assert_true (g_str_has_suffix (builtin, "/C/wall-push-up/step-2.ogg"));
  g_assert_null (limber_narrator_find_clip (narrator, "wall-push-up", 99));

  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (user_clip, "", 0, NULL));
  g_setenv ("LANGUAGE", "fr_CA", TRUE);
  setlocale (LC_ALL, "");
  found = limber_narrator_find_clip (narrator, "wall-push-up", 2);
  g_assert_cmpstr (found, ==, user_clip);

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  g_remove (user_clip);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  catalog = limber_catalog_new_default (NULL);
  g_assert_nonnull (catalog);

  g_test_add_func ("/narrator/clips-rendered", test_narrator_clips_rendered);
  g_test_add_func ("/narrator/clip-reaches-sink", test_narrator_clip_reaches_sink);
  g_test_add_func ("/narrator/relative-dir", test_narrator_relative_dir);
  g_test_add_func ("/narrator/whole-exercise", test_narrator_whole_exercise);
  g_test_add_func ("/narrator/defaults", test_narrator_defaults);
  g_test_add_func ("/narrator/controls", test_narrator_controls);
  g_test_add_func ("/narrator/volume-settings", test_narrator_volume_settings);
  g_test_add_func ("/narrator/clip-lookup", test_narrator_clip_lookup);

  status = g_test_run ();

  g_clear_object (&catalog);
  gst_deinit ();

  return status;
}
