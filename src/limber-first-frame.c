/* limber-first-frame.c: the benchmark's probe.
 *
 * With LIMBER_BENCH_FIRST_FRAME set, the first painted frame of a window prints
 * the monotonic clock and the resident memory at that moment, then quits. The
 * benchmark runs Limber and its floor program with the same probe, so the two
 * are measured alike.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-first-frame"

#include "limber-first-frame.h"

static gint64
read_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "VmRSS:");
  if (line == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen ("VmRSS:"), NULL, 10);
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                GtkWindow     *window)
{
  GApplication *application = g_application_get_default ();

  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint, window);

  g_print ("first-frame-monotonic-us=%" G_GINT64_FORMAT " rss-kib=%" G_GINT64_FORMAT "\n",
           g_get_monotonic_time (), read_rss_kib ());

  if (application != NULL)
    g_application_quit (application);
}

static void
on_realize (GtkWidget *widget)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_after_paint), widget, 0);
}

void
limber_first_frame_watch (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv ("LIMBER_BENCH_FIRST_FRAME") == NULL)
    return;

  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}
