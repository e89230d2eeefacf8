/* test-narration-controller.c: narration in the real window.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <glib/gstdio.h>
#include <X11/keysym.h>

#include "limber-application.h"
#include "limber-narration-controller-private.h"
#include "limber-slide-private.h"
#include "limber-window-private.h"
#include "window-helpers.h"

/* Holds, pauses and repetitions a thousand times faster than real time. */
#define FAST 0.001

static LimberApplication *application;
static LimberCatalog *catalog;

static LimberNarrationController *
controller_of (LimberWindow *window)
{
  return limber_window_get_narration (window);
}

static LimberNarrator *
narrator_of (LimberWindow *window)
{
  return limber_narration_controller_get_narrator (controller_of (window));
}

static LimberSlide *
slide_at (LimberWindow *window,
          guint         index)
{
  return LIMBER_SLIDE (adw_carousel_get_nth_page (limber_window_get_carousel (window), index));
}

static LimberWindow *
open_narrating_window (const char *sink_description)
{
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  LimberNarrator *narrator = narrator_of (window);

  if (sink_description != NULL)
    limber_narrator_set_audio_sink (narrator, gst_parse_bin_from_description (sink_description, TRUE, NULL));
  limber_narrator_set_time_scale (narrator, FAST);

  return window;
}

/* Stopped means silent: the pipeline is back in NULL or READY. */
static void
assert_pipeline_not_playing (LimberNarrator *narrator)
{
  g_assert_cmpint (limber_narrator_get_pipeline_state (narrator), <=, GST_STATE_READY);
}
static gboolean
narrator_playing (gpointer data)
{
  return limber_narrator_get_state (data) == LIMBER_NARRATOR_STATE_PLAYING;
}

static gboolean
narrator_stopped (gpointer data)
{
  return limber_narrator_get_state (data) == LIMBER_NARRATOR_STATE_STOPPED;
}

static gboolean
narrator_past_intro (gpointer data)
{
  return limber_narrator_get_current_step (data) >= 1;
}

typedef struct
{
  LimberWindow *window;
  GArray       *highlights;
  guint         countdowns;
} Watch;

/* Runs after the controller's own handler: the slide is up to date. */
static void
on_step (LimberNarrator *narrator,
         GParamSpec     *pspec,
         Watch          *watch)
{
  int highlighted = limber_slide_get_spoken_step (slide_at (watch->window, 0));

  g_assert_cmpint (highlighted, ==, limber_narrator_get_current_step (narrator));
  g_array_append_val (watch->highlights, highlighted);
}

static void
on_hold (LimberNarrator *narrator,
         GParamSpec     *pspec,
         Watch          *watch)
{
  guint remaining = limber_narrator_get_hold_remaining (narrator);
  const char *status = limber_slide_get_step_status (slide_at (watch->window, 0),
                                                     (guint) limber_narrator_get_current_step (narrator));
  g_autofree char *seconds = g_strdup_printf ("%u second", remaining);

  g_assert_nonnull (status);
  if (remaining > 0)
    {
      g_assert_nonnull (strstr (status, seconds));
      watch->countdowns++;
    }
  else
    g_assert_nonnull (strstr (status, "Time is up"));
}

/* Ctrl+P starts the narration; the highlight follows every step, and the
 * hold step shows its countdown. */
static void
test_controller_highlight_follows (void)
{
  LimberWindow *window = open_narrating_window ("fakesink sync=false");
  LimberNarrator *narrator = narrator_of (window);
  LimberSlide *slide = slide_at (window, 0);
  const int expected[] = { 0, 1, 2, 3, 4, 5, 6, -1 };
  Watch watch = { window, g_array_new (FALSE, FALSE, sizeof (int)), 0 };
  GtkWidget *button = limber_slide_get_play_button (slide);

  /* Named by its visible words (the AT-SPI test checks the name a screen
   * reader gets); the icon-only step buttons by an explicit label. */
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (button)))), ==,
                   "Listen");
  gtk_test_accessible_assert_property (limber_slide_get_next_step_button (slide), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Read the next step");
  g_assert_false (gtk_widget_get_sensitive (limber_slide_get_next_step_button (slide)));
  g_assert_true (limber_narrator_get_exercise (narrator) == limber_slide_get_exercise (slide));
  limber_narrator_set_hold_seconds (narrator, 3);
  g_signal_connect (narrator, "notify::current-step", G_CALLBACK (on_step), &watch);
  g_signal_connect (narrator, "notify::hold-remaining", G_CALLBACK (on_hold), &watch);

  press_control_key (window, XK_p);
  wait_until (narrator_playing, narrator, "Ctrl+P to start the narration");
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (button)))), ==,
                   "Pause");
  wait_until (narrator_stopped, narrator, "the end of the exercise");

  g_assert_cmpmem (watch.highlights->data, watch.highlights->len * sizeof (int), expected, sizeof expected);
  /* 3, 2, 1 for the hold, and again for the second repetition. */
  g_assert_cmpuint (watch.countdowns, ==, 6);
  g_assert_cmpint (limber_slide_get_spoken_step (slide), ==, -1);
  g_assert_null (limber_narration_controller_get_last_message (controller_of (window)));

  g_signal_handlers_disconnect_by_data (narrator, &watch);
  g_array_unref (watch.highlights);
  assert_pipeline_not_playing (narrator);
  close_window (window);
}

static void
next_slide_and_wait (LimberWindow *window)
{
  SlideTarget target = { window, limber_window_get_current_index (window) + 1 };

  press_key (window, XK_Right);
  wait_until (carousel_settled_at, &target, "the next slide");
}

/* A new slide takes the narration along to its own exercise: the old one
 * is silent, and there is still one pipeline. */
static void
test_controller_follows_slide (void)
{
  LimberWindow *window = open_narrating_window ("fakesink sync=true");
  LimberNarrator *narrator = narrator_of (window);
  GstElement *pipeline;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "narration.toggle", NULL));
  g_assert_cmpint (limber_narrator_get_state (narrator), ==, LIMBER_NARRATOR_STATE_PLAYING);
  g_assert_cmpint (limber_slide_get_spoken_step (slide_at (window, 0)), ==, 0);
  pipeline = limber_narrator_get_pipeline (narrator);

  g_assert_true (gtk_widget_get_sensitive (limber_slide_get_next_step_button (slide_at (window, 0))));
  g_signal_emit_by_name (limber_slide_get_next_step_button (slide_at (window, 0)), "clicked");
  g_assert_cmpint (limber_narrator_get_current_step (narrator), ==, 1);
  g_assert_cmpint (limber_slide_get_spoken_step (slide_at (window, 0)), ==, 1);

  next_slide_and_wait (window);
  g_assert_true (limber_narrator_get_exercise (narrator) == limber_slide_get_exercise (slide_at (window, 1)));
  g_assert_cmpint (limber_narrator_get_state (narrator), ==, LIMBER_NARRATOR_STATE_PLAYING);
  g_assert_cmpint (limber_narrator_get_current_step (narrator), ==, LIMBER_NARRATOR_INTRO);
  g_assert_cmpint (limber_slide_get_spoken_step (slide_at (window, 0)), ==, -1);
  g_assert_cmpint (limber_slide_get_spoken_step (slide_at (window, 1)), ==, 0);
  g_assert_true (limber_narrator_get_pipeline (narrator) == pipeline);

  press_control_key (window, XK_p);
  while (limber_narrator_get_state (narrator) == LIMBER_NARRATOR_STATE_PLAYING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (limber_narrator_get_state (narrator), ==, LIMBER_NARRATOR_STATE_PAUSED);

  close_window (window);
}

static gboolean
has_message (gpointer data)
{
  return limber_narration_controller_get_last_message (controller_of (data)) != NULL;
}

static gboolean
problem_gone (gpointer data)
{
  return limber_narrator_get_problem (data) == NULL;
}

/* What every failure must leave working: the message said once, the steps
 * still running, the slides still changing, and no pipeline left playing. */
static void
assert_failure_handled (LimberWindow *window,
                        const char   *message)
{
  LimberNarrator *narrator = narrator_of (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "narration.toggle", NULL));
  wait_until (has_message, window, "a message about the narration");
  g_assert_cmpstr (limber_narration_controller_get_last_message (controller_of (window)), ==, message);

  wait_until (narrator_past_intro, narrator, "the steps to go on without narration");
  g_assert_cmpint (limber_slide_get_spoken_step (slide_at (window, 0)), ==,
                   limber_narrator_get_current_step (narrator));

  next_slide_and_wait (window);
  g_assert_true (limber_narrator_get_exercise (narrator) == limber_slide_get_exercise (slide_at (window, 1)));
  wait_until (narrator_past_intro, narrator, "the next exercise's steps");
  g_assert_cmpuint (limber_narration_controller_get_n_messages (controller_of (window)), ==, 1);

  limber_narrator_stop (narrator);
  assert_pipeline_not_playing (narrator);
}

static void
restart_and_wait_for_recovery (LimberWindow *window)
{
  LimberNarrator *narrator = narrator_of (window);

  limber_narrator_play (narrator);
  wait_until (problem_gone, narrator, "the narration to recover");
  limber_narrator_stop (narrator);
  assert_pipeline_not_playing (narrator);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* No sound server and no sound card: autoaudiosink's silent fake sink is
 * noticed. A sound server that starts later is found at the next Play. */
static void
test_controller_no_audio_output (void)
{
  LimberWindow *window = open_narrating_window (NULL);
  g_autofree char *socket = g_build_filename (g_get_user_runtime_dir (), "pulse", "native", NULL);
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GError) error = NULL;

  assert_failure_handled (window, "Narration is unavailable: no audio output was found");

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                             "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                             "-L", "module-null-sink sink_name=limber_test",
                             "-L", "module-native-protocol-unix", NULL);
  g_assert_no_error (error);
  wait_until (file_exists, socket, "the sound server to start");
  restart_and_wait_for_recovery (window);

  close_window (window);
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
}

/* The Opus decoder is gone from the registry, then comes back. */
static void
test_controller_missing_decoder (void)
{
  GstRegistry *registry = gst_registry_get ();
  g_autoptr(GstPluginFeature) decoder = gst_registry_lookup_feature (registry, "opusdec");
  LimberWindow *window;

  g_assert_nonnull (decoder);
  gst_registry_remove_feature (registry, decoder);

  window = open_narrating_window ("fakesink sync=false");
  assert_failure_handled (window, "Narration is unavailable: this computer cannot play its recordings");

  gst_registry_add_feature (registry, g_object_ref (decoder));
  restart_and_wait_for_recovery (window);
  close_window (window);
}

/* An empty clip folder, or one where every clip of the source locale is corrupt. */
static char *
make_clip_tree (gboolean corrupt)
{
  g_autoptr(GError) error = NULL;
  char *root = g_dir_make_tmp ("limber-clips.XXXXXX", &error);
  GListModel *model = G_LIST_MODEL (catalog);

  g_assert_no_error (error);
  if (!corrupt)
    return root;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (model, i);
      g_autofree char *dir = g_build_filename (root, "C", limber_exercise_get_id (exercise), NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      for (guint clip = 0; clip <= limber_exercise_get_n_steps (exercise); clip++)
        {
          g_autofree char *name = limber_narrator_dup_clip_name (clip);
          g_autofree char *path = g_build_filename (dir, name, NULL);

          /* An Ogg page header and then nothing a demuxer can read. */
          static const char garbage[] = "OggS\0\2 not a recording";

          g_assert_true (g_file_set_contents (path, garbage, sizeof garbage - 1, NULL));
        }
    }

  return root;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GSubprocess) rm = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, NULL, "rm", "-rf", path, NULL);

  g_assert_true (g_subprocess_wait_check (rm, NULL, NULL));
}

static void
run_clip_tree_failure (gboolean    corrupt,
                       const char *message)
{
  LimberWindow *window = open_narrating_window ("fakesink sync=false");
  g_autofree char *root = make_clip_tree (corrupt);

  limber_narrator_set_builtin_dir (narrator_of (window), root);
  assert_failure_handled (window, message);

  limber_narrator_set_builtin_dir (narrator_of (window), g_getenv ("LIMBER_NARRATION_DIR"));
  restart_and_wait_for_recovery (window);
  close_window (window);
  remove_tree (root);
}

static void
test_controller_missing_clip (void)
{
  run_clip_tree_failure (FALSE, "Narration is unavailable: a recording is missing");
}

static void
test_controller_corrupt_clip (void)
{
  run_clip_tree_failure (TRUE, "Narration is unavailable: a recording is damaged");
}

static void
on_repetitions (LimberNarrator *narrator,
                GParamSpec     *pspec,
                guint          *most)
{
  *most = MAX (*most, limber_narrator_get_repetitions (narrator));
}

static gboolean
counted_to_three (gpointer data)
{
  return *(guint *)data == 3;
}

/* The countdown and the repetition counter use the physio's prescription. */
static void
test_controller_follows_plan (void)
{
  LimberWindow *window = open_narrating_window ("fakesink sync=true");
  LimberNarrator *narrator = narrator_of (window);
  LimberPlan *plan = limber_window_get_plan (window);
  LimberExercise *rhomboid = limber_catalog_lookup (catalog, "rhomboid-stretch");
  guint most_repetitions = 0;

  g_assert_cmpuint (limber_narrator_get_hold_seconds (narrator), ==, 0);
  limber_plan_set_prescribed_hold (plan, rhomboid, 16);
  limber_plan_set_prescribed_repetitions (plan, rhomboid, 3);
  g_assert_cmpuint (limber_narrator_get_hold_seconds (narrator), ==, 16);
  g_assert_cmpuint (limber_narrator_get_repeat_count (narrator), ==, 3);

  g_signal_connect (narrator, "notify::repetitions", G_CALLBACK (on_repetitions), &most_repetitions);
  limber_narrator_set_exercise (narrator, rhomboid);
  limber_narrator_play (narrator);
  /* Straight to the last step, "2 to 4 times in all", which counts. */
  while (limber_narrator_get_current_step (narrator) < (int)limber_exercise_get_n_steps (rhomboid))
    limber_narrator_next_step (narrator);
  wait_until (counted_to_three, &most_repetitions, "the counter to count to the prescription");
  g_assert_cmpuint (limber_narrator_get_repetitions (narrator), ==, 3);
  limber_narrator_stop (narrator);

  /* Another exercise, without a prescription: the handout's. */
  next_slide_and_wait (window);
  g_assert_cmpuint (limber_narrator_get_hold_seconds (narrator), ==, 0);
  g_assert_cmpuint (limber_narrator_get_repeat_count (narrator), ==, 0);

  close_window (window);
}

static void
on_announcement (LimberSlide *slide,
                 GParamSpec  *pspec,
                 GPtrArray   *announcements)
{
  if (limber_slide_get_announcement (slide) != NULL)
    g_ptr_array_add (announcements, g_strdup (limber_slide_get_announcement (slide)));
}

/* A screen reader hears each step, and a hold at its start, with ten seconds
 * left and at its end: never every second. */
static void
test_controller_announces_thresholds (void)
{
  LimberWindow *window = open_narrating_window ("fakesink sync=true");
  LimberNarrator *narrator = narrator_of (window);
  LimberSlide *slide = slide_at (window, 0);
  LimberExercise *exercise = limber_slide_get_exercise (slide);
  g_autoptr(GPtrArray) announcements = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  guint n_hold = 0;

  limber_narrator_set_hold_seconds (narrator, 12);
  g_signal_connect (slide, "notify::announcement", G_CALLBACK (on_announcement), announcements);

  limber_narrator_play (narrator);
  /* From the hold step on. */
  while (limber_narrator_get_current_step (narrator) < 5)
    limber_narrator_next_step (narrator);
  while (limber_narrator_get_current_step (narrator) == 5)
    g_main_context_iteration (NULL, TRUE);
  limber_narrator_stop (narrator);

  g_ptr_array_add (announcements, NULL);
  joined = g_strjoinv (" | ", (GStrv)announcements->pdata);
  g_test_message ("announced: %s", joined);

  g_assert_nonnull (strstr (joined, "Step 5: Stay in the stretch for 15 to 30 seconds. | Hold for 12 seconds | "
                                    "10 seconds left | Time is up: release the stretch"));
  g_assert_null (strstr (joined, "11 seconds"));
  g_assert_null (strstr (joined, "9 seconds"));
  for (guint i = 0; announcements->pdata[i] != NULL; i++)
    if (g_str_has_prefix (announcements->pdata[i], "Hold for") || g_str_has_suffix (announcements->pdata[i], "left"))
      n_hold++;
  g_assert_cmpuint (n_hold, ==, 2);

  /* On GTK 4.8 the slide's name carries it, for the screen reader to speak. */
  limber_slide_announce (slide, "Time is up: release the stretch");
#if !GTK_CHECK_VERSION (4, 14, 0)
  {
    g_autofree char *name = g_strdup_printf ("Exercise 1 of 6: %s. Time is up: release the stretch",
                                             limber_exercise_get_title (exercise));

    gtk_test_accessible_assert_property (slide, GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  }
#endif

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* GTK's test accessibility backend, to read the controls' names. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  catalog = limber_catalog_new_default (NULL);
  application = register_test_application ();

  g_test_add_func ("/narration-controller/highlight-follows", test_controller_highlight_follows);
  g_test_add_func ("/narration-controller/follows-slide", test_controller_follows_slide);
  g_test_add_func ("/narration-controller/follows-plan", test_controller_follows_plan);
  g_test_add_func ("/narration-controller/announces-thresholds", test_controller_announces_thresholds);
  g_test_add_func ("/narration-controller/no-audio-output", test_controller_no_audio_output);
  g_test_add_func ("/narration-controller/missing-decoder", test_controller_missing_decoder);
  g_test_add_func ("/narration-controller/missing-clip", test_controller_missing_clip);
  g_test_add_func ("/narration-controller/corrupt-clip", test_controller_corrupt_clip);

  status = g_test_run ();

  g_clear_object (&application);
  g_clear_object (&catalog);
  gst_deinit ();

  return status;
}
