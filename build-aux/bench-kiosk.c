/* bench-kiosk.c: the kiosk's memory over many narrated advances, and its CPU
 * in the steady state (build-aux/dev bench kiosk).
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: limber-bench-kiosk [ADVANCES [TIME-SCALE]]
 *        limber-bench-kiosk --hours HOURS [TIME-SCALE]
 *        limber-bench-kiosk --cpu dwell|speaking WARM-UP SECONDS
 *
 * With --hours: as many advances as the kiosk makes in HOURS on the wall,
 * counting only its timed waits (holds, rests, pauses, the time to act),
 * not the speech: at least HOURS of it. Also prints "hours=" and
 * "seconds-per-advance=", the timed waits of one advance.
 *
 * With --cpu: the kiosk as it runs on the wall, in real time with its
 * animations, either silent (muted: each exercise shown for the dwell) or
 * coached aloud into the default sound output; after WARM-UP seconds its
 * CPU time, frames and frame-clock updates over SECONDS (bench-usage.c).
 *
 * Opens the real window as a kiosk and lets it move on by itself ADVANCES
 * times (1,000 by default), each exercise coached aloud: every word is
 * synthesized and played into a fakesink that does not wait for the clock,
 * and the holds, rests and the dwell run at TIME-SCALE (0.001 by default) of
 * real time. Animations are off.
 *
 * Prints "rss-kib=ADVANCES:TRIMMED:UNTRIMMED:ANONYMOUS" after 10 advances
 * and after every 100th, VmRSS after and before malloc_trim (0), and the
 * RssAnon part of it after, and "cpu-ms=ADVANCES:MS", the process's CPU
 * time so far; then "advances=",
 * "narrated=" (advances from an exercise coached aloud), "dwelled=",
 * "dwelling-samples=" (main-loop iterations on a dwell-timed exercise, of
 * "samples="), and "ms-per-advance=" and "frames-per-advance=" after the 10th.
 */

#include "limber-config.h"

#include <malloc.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "limber-application.h"
#include "limber-countdown-private.h"
#include "limber-session-script.h"
#include "limber-slideshow-private.h"
#include "limber-speech-private.h"
#include "limber-window-private.h"

#include "bench-usage.h"

#define WARM_UP_ADVANCES 10
/* No advance for this long means the kiosk has stopped. */
#define STALL_SECONDS 30

typedef struct
{
  guint    narrated;
  guint    dwelled;
} Tally;

/* @field: "VmRSS", or "RssAnon" for the memory that is not a mapped file
 * (code and fonts paged in as new paths run count in VmRSS, not there). */
static guint
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strdup_printf ("\n%s:", field);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, key)) == NULL)
    g_error ("No %s in /proc/self/status", field);

  return (guint) strtoul (line + strlen (key), NULL, 10);
}

static void
print_rss (guint advances)
{
  guint untrimmed = status_kib ("VmRSS");

  malloc_trim (0);
  g_print ("rss-kib=%u:%u:%u:%u\n", advances, status_kib ("VmRSS"), untrimmed, status_kib ("RssAnon"));
  g_print ("cpu-ms=%u:%.0f\n", advances, clock () * 1000.0 / CLOCKS_PER_SEC);
}

static void
on_after_paint (guint *frames)
{
  (*frames)++;
}

static gboolean
on_wake (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
on_measured (gboolean *done)
{
  *done = TRUE;
}

/* The steady state's cost: nothing sped up, nothing turned off. */
static int
measure_cpu (const char *what,
             guint       warm_up_seconds,
             guint       seconds)
{
  g_autoptr(LimberApplication) application = limber_application_new ();
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(LimberPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  LimberWindow *window;
  LimberSpeech *speech;
  gboolean done = FALSE;

  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    g_error ("Could not register the application: %s", error->message);
  catalog = limber_catalog_new_default (&error);
  if (catalog == NULL)
    g_error ("No catalog: %s", error->message);
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_boolean (settings, "narration-muted", g_str_equal (what, "dwell"));
  plan = limber_plan_new (catalog, settings);
  window = limber_window_new (GTK_APPLICATION (application), plan);
  limber_window_set_kiosk (window, TRUE);
  gtk_window_present (GTK_WINDOW (window));

  bench_usage_watch (GTK_WINDOW (window), warm_up_seconds, seconds, G_CALLBACK (on_measured), &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  speech = LIMBER_SPEECH (limber_session_controller_get_speech (limber_window_get_session_controller (window)));
  g_print ("dwelling=%d\n", limber_slideshow_get_dwelling (limber_kiosk_controller_get_slideshow (
                                limber_window_get_kiosk_controller (window))));
  if (limber_speech_get_problem (speech) != NULL)
    g_print ("problem=%s\n", limber_speech_get_problem (speech));

  limber_window_set_kiosk (window, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}

/* The timed part of one kiosk advance, in real seconds: the script's waits. */
static double
seconds_per_advance (LimberPlan *plan,
                     GSettings  *settings)
{
  g_autoptr(LimberSessionScript) script = limber_session_script_new (plan, settings, LIMBER_SESSION_MODE_KIOSK, NULL);
  guint64 total_ms = 0;

  for (guint i = 0; i < limber_session_script_get_n_cues (script); i++)
    total_ms += limber_session_script_get_cue (script, i)->duration_ms;

  return total_ms / 1000.0 / MAX (1, limber_session_script_get_n_exercises (script));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberApplication) application = NULL;
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(LimberPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gboolean by_hours = argc > 2 && g_str_equal (argv[1], "--hours");
  double hours = by_hours ? g_ascii_strtod (argv[2], NULL) : 0;
  guint target = argc > 1 && !by_hours ? (guint) atoi (argv[1]) : 1000;
  int scale_arg = by_hours ? 3 : 2;
  double time_scale = argc > scale_arg ? g_ascii_strtod (argv[scale_arg], NULL) : 0.001;
  Tally tally = { 0 };
  LimberWindow *window;
  LimberSlideshow *slideshow;
  LimberSpeech *speech;
  GstElement *sink;
  guint seen = 0, samples = 0, dwelling_samples = 0, frames = 0, warm_frames = 0;
  gint64 last_advance_us, warm_us = 0;

  if (argc == 5 && g_str_equal (argv[1], "--cpu"))
    {
      gst_init (&argc, &argv);
      return measure_cpu (argv[2], (guint) atoi (argv[3]), (guint) atoi (argv[4]));
    }
  if (by_hours && !(hours > 0))
    g_error ("--hours needs a positive number");
  if (target <= WARM_UP_ADVANCES && !by_hours)
    g_error ("More than %d advances", WARM_UP_ADVANCES);
  gst_init (&argc, &argv);
  limber_countdown_set_default_time_scale (time_scale);

  application = limber_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    g_error ("Could not register the application: %s", error->message);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  catalog = limber_catalog_new_default (&error);
  if (catalog == NULL)
    g_error ("No catalog: %s", error->message);
  settings = g_object_ref (limber_application_get_settings (application));
  plan = limber_plan_new (catalog, settings);
  if (by_hours)
    {
      double per_advance = seconds_per_advance (plan, settings);

      target = MAX (WARM_UP_ADVANCES + 1, (guint) ceil (hours * 3600 / per_advance));
      g_print ("hours=%g\nseconds-per-advance=%.1f\n", hours, per_advance);
    }
  window = limber_window_new (GTK_APPLICATION (application), plan);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect_swapped (gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window))),
                            "after-paint", G_CALLBACK (on_after_paint), &frames);

  speech = LIMBER_SPEECH (limber_session_controller_get_speech (limber_window_get_session_controller (window)));
  sink = gst_element_factory_make ("fakesink", NULL);
  g_object_set (sink, "sync", FALSE, NULL);
  limber_speech_set_audio_sink (speech, sink);

  limber_window_set_kiosk (window, TRUE);
  slideshow = limber_kiosk_controller_get_slideshow (limber_window_get_kiosk_controller (window));

  /* Wakes the loop now and then, so that a stalled kiosk is noticed. */
  g_timeout_add_seconds (1, on_wake, NULL);
  last_advance_us = g_get_monotonic_time ();
  while (seen < target)
    {
      guint n;

      g_main_context_iteration (NULL, TRUE);
      n = limber_slideshow_get_n_advances (slideshow);
      samples++;
      if (limber_slideshow_get_dwelling (slideshow))
        dwelling_samples++;

      if (n == seen)
        {
          if (g_get_monotonic_time () - last_advance_us > STALL_SECONDS * G_USEC_PER_SEC)
            g_error ("No advance in %d s after %u", STALL_SECONDS, seen);
          continue;
        }

      if (limber_slideshow_get_dwelling (slideshow))
        tally.dwelled += n - seen;
      else
        tally.narrated += n - seen;
      seen = n;
      last_advance_us = g_get_monotonic_time ();

      if (seen == WARM_UP_ADVANCES || (seen % 100 == 0 && seen < target))
        print_rss (seen);
      if (seen == WARM_UP_ADVANCES)
        {
          warm_us = last_advance_us;
          warm_frames = frames;
        }
    }
  print_rss (seen);

  g_print ("advances=%u\nnarrated=%u\ndwelled=%u\n", seen, tally.narrated, tally.dwelled);
  g_print ("dwelling-samples=%u\nsamples=%u\n", dwelling_samples, samples);
  g_print ("ms-per-advance=%.2f\n", (last_advance_us - warm_us) / 1000.0 / (seen - WARM_UP_ADVANCES));
  g_print ("frames-per-advance=%.1f\n", (double) (frames - warm_frames) / (seen - WARM_UP_ADVANCES));
  if (limber_speech_get_problem (speech) != NULL)
    g_print ("problem=%s\n", limber_speech_get_problem (speech));

  limber_window_set_kiosk (window, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
