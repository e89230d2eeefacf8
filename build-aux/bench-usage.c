/* bench-usage.c: what a window costs to keep on screen (build-aux/dev bench kiosk).
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After a warm-up, counts for a while the process's CPU time (all of its
 * threads, in clock ticks, as /proc/self/stat has them) and the frames the
 * window's frame clock ran, for a redraw, a layout or a tick callback. Then
 * prints "cpu-ticks= clock-ticks-per-second= seconds= frames=" and calls
 * @done. Limber's kiosk and the floor are measured by the same code.
 */

#include "bench-usage.h"

#include <stdlib.h>
#include <unistd.h>

typedef struct
{
  GtkWindow *window;
  guint      seconds;
  GCallback  done;
  gpointer   user_data;
  gboolean   counting;
  guint      frames;
  guint64    cpu_ticks;
  gint64     started_us;
} Usage;

/* utime + stime: fields 14 and 15, after the command's closing bracket. */
static guint64
cpu_ticks (void)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_command;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      (after_command = strrchr (stat, ')')) == NULL)
    g_error ("Cannot read /proc/self/stat");

  fields = g_strsplit (after_command + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    g_error ("Too few fields in /proc/self/stat");

  /* fields[0] is field 3, the state. */
  return g_ascii_strtoull (fields[11], NULL, 10) + g_ascii_strtoull (fields[12], NULL, 10);
}

static void
on_after_paint (Usage *usage)
{
  if (usage->counting)
    usage->frames++;
}

static gboolean
on_end (gpointer user_data)
{
  Usage *usage = user_data;

  g_print ("cpu-ticks=%" G_GUINT64_FORMAT "\nclock-ticks-per-second=%ld\nseconds=%.2f\nframes=%u\n",
           cpu_ticks () - usage->cpu_ticks, sysconf (_SC_CLK_TCK),
           (g_get_monotonic_time () - usage->started_us) / (double) G_USEC_PER_SEC, usage->frames);
  usage->counting = FALSE;
  ((void (*) (gpointer)) usage->done) (usage->user_data);

  return G_SOURCE_REMOVE;
}

static gboolean
on_warm (gpointer user_data)
{
  Usage *usage = user_data;
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (usage->window));

  if (frame_clock == NULL)
    g_error ("The window has no frame clock after the warm-up");

  g_signal_connect_swapped (frame_clock, "after-paint", G_CALLBACK (on_after_paint), usage);
  usage->counting = TRUE;
  usage->cpu_ticks = cpu_ticks ();
  usage->started_us = g_get_monotonic_time ();
  g_timeout_add_seconds (usage->seconds, on_end, usage);

  return G_SOURCE_REMOVE;
}

/**
 * bench_usage_watch:
 * @done: (scope async): called once with @user_data after printing
 *
 * Measures @window for @seconds, starting @warm_up_seconds from now.
 */
void
bench_usage_watch (GtkWindow *window,
                   guint      warm_up_seconds,
                   guint      seconds,
                   GCallback  done,
                   gpointer   user_data)
{
  Usage *usage = g_new0 (Usage, 1);

  usage->window = window;
  usage->seconds = seconds;
  usage->done = done;
  usage->user_data = user_data;
  g_timeout_add_seconds (warm_up_seconds, on_warm, usage);
}
