/* bench-history.c: how long History takes to show a long history
 * (build-aux/dev bench history). Not installed.
 *
 *   limber-bench-history FILE
 *
 * A window is shown first, as the main window would be. Then, timed as the
 * History menu item does it: a session log on FILE (opened, checked and
 * migrated by the view's first query), the view (its queries), and the
 * dialog, up to the end of its first painted frame. Prints each part, and
 * the CPU time the whole took.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <adwaita.h>
#include <time.h>

#include "limber-compat.h"
#include "limber-history-view.h"

typedef struct
{
  const char *path;
  GtkWidget  *parent;
  GtkWidget  *view;
  gint64      started_us;
  gint64      started_cpu_us;
  gint64      opened_us;
  gint64      built_us;
  GMainLoop  *loop;
} Bench;

/* The process's own CPU time: what a loaded machine changes least. */
static gint64
cpu_time_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                Bench         *bench)
{
  gint64 painted_us = g_get_monotonic_time ();
  gint64 painted_cpu_us = cpu_time_us ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_signal_handlers_disconnect_by_func (frame_clock, on_after_paint, bench);

  all = limber_session_log_list_sessions (limber_history_view_get_log (LIMBER_HISTORY_VIEW (bench->view)), NULL,
                                          NULL, &error);
  g_print ("sessions=%u\n", all != NULL ? all->len : 0);
  g_print ("open-ms=%.2f\n", (bench->opened_us - bench->started_us) / 1000.0);
  g_print ("view-ms=%.2f\n", (bench->built_us - bench->opened_us) / 1000.0);
  g_print ("first-frame-ms=%.2f\n", (painted_us - bench->started_us) / 1000.0);
  g_print ("first-frame-cpu-ms=%.2f\n", (painted_cpu_us - bench->started_cpu_us) / 1000.0);
  g_main_loop_quit (bench->loop);
}

static void
on_view_mapped (GtkWidget *view,
                Bench     *bench)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (view);

  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint), bench);
  gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static gboolean
show_history (gpointer data)
{
  Bench *bench = data;
  g_autoptr(LimberSessionLog) log = NULL;
  g_autoptr(GError) error = NULL;

  bench->started_us = g_get_monotonic_time ();
  bench->started_cpu_us = cpu_time_us ();
  log = limber_session_log_new (bench->path);
  /* The view's first query would open it; opened here to time it apart. */
  if (!limber_session_log_open (log, &error))
    g_error ("%s", error->message);
  bench->opened_us = g_get_monotonic_time ();

  bench->view = limber_history_view_new (log);
  g_signal_connect (bench->view, "map", G_CALLBACK (on_view_mapped), bench);
  bench->built_us = g_get_monotonic_time ();
  limber_compat_present_dialog (bench->parent, "History", bench->view, 600, 720);

  return G_SOURCE_REMOVE;
}

static void
on_parent_painted (GdkFrameClock *frame_clock,
                   Bench         *bench)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_parent_painted, bench);
  /* Once the main window is up and idle, as a person would find it. */
  g_timeout_add (200, show_history, bench);
}

static void
on_parent_realized (GtkWidget *parent,
                    Bench     *bench)
{
  g_signal_connect (gtk_widget_get_frame_clock (parent), "after-paint", G_CALLBACK (on_parent_painted), bench);
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };

  if (argc != 2 || !g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("Usage: %s HISTORY-FILE\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();

  bench.path = argv[1];
  bench.loop = g_main_loop_new (NULL, FALSE);
  /* With a header bar, an icon and text, so fonts, styles and the icon theme
   * are loaded, as in the app. */
  bench.parent = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (bench.parent), 860, 760);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    GtkWidget *status = adw_status_page_new ();
    GtkWidget *header_bar = adw_header_bar_new ();
    GtkWidget *menu_button = gtk_menu_button_new ();

    adw_status_page_set_title (ADW_STATUS_PAGE (status), "Limber");
    adw_status_page_set_description (ADW_STATUS_PAGE (status), "The main window, before History is opened.");
    gtk_widget_set_vexpand (status, TRUE);
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "open-menu-symbolic");
    adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), menu_button);
    gtk_box_append (GTK_BOX (box), header_bar);
    gtk_box_append (GTK_BOX (box), status);
    adw_window_set_content (ADW_WINDOW (bench.parent), box);
  }
  g_signal_connect (bench.parent, "realize", G_CALLBACK (on_parent_realized), &bench);
  gtk_window_present (GTK_WINDOW (bench.parent));

  g_main_loop_run (bench.loop);
  g_main_loop_unref (bench.loop);
  return 0;
}
