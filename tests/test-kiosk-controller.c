/* test-kiosk-controller.c: entering and leaving the kiosk, under a real window manager.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include "limber-kiosk-controller.h"
#include "limber-kiosk-guard-private.h"
#include "limber-kiosk-pin.h"
#include "limber-kiosk-unlock-private.h"
#include "limber-test-backend.h"
#include "limber-window-private.h"
#include "window-helpers.h"

#define PIN "8642"

static LimberApplication *application;

static GSettings *
app_settings (void)
{
  return g_settings_new (APPLICATION_ID);
}

/* Silent, so that the slideshow dwells and no voice is made. */
static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = app_settings ();

  g_settings_reset (settings, "kiosk-pin-hash");
  g_settings_set_boolean (settings, "narration-muted", TRUE);
  g_settings_set_uint (settings, "kiosk-dwell-seconds", 600);
}

static LimberWindow *
open_kiosk_window (gboolean with_catalog)
{
  g_autoptr(LimberCatalog) catalog = with_catalog ? limber_catalog_new_default (NULL) : NULL;
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);

  if (!with_catalog)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "The catalog is missing");

      limber_window_show_catalog_error (window, error);
    }

  return window;
}

static LimberKioskController *
controller (LimberWindow *window)
{
  return limber_window_get_kiosk_controller (window);
}

static gboolean
is_fullscreen (gpointer data)
{
  return gtk_window_is_fullscreen (GTK_WINDOW (data));
}

static gboolean
is_windowed (gpointer data)
{
  return !gtk_window_is_fullscreen (GTK_WINDOW (data));
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static GtkWidget *
header_bar (LimberWindow *window)
{
  return find_widget_of_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
}

static GtkWidget *
menu_button (LimberWindow *window)
{
  return find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
}

/* The window's kiosk property enters it: chrome hidden, fullscreen, locked
 * down, the slideshow running, and its actions on the bar's buttons. */
static void
test_kiosk_controller_enter (void)
{
  LimberWindow *window;
  g_autoptr(LimberSlideshow) slideshow = NULL;
  g_autoptr(LimberKioskGuard) guard = NULL;
  gboolean active = FALSE;
  guint n_window_notifies = 0;

  reset_settings ();
  window = open_kiosk_window (TRUE);
  g_signal_connect_swapped (window, "notify::kiosk", G_CALLBACK (count_notify), &n_window_notifies);

  g_object_get (controller (window), "active", &active, "slideshow", &slideshow, "guard", &guard, NULL);
  g_assert_false (active);
  g_assert_null (slideshow);
  g_assert_null (guard);

  g_object_set (window, "kiosk", TRUE, NULL);
  g_object_set (window, "kiosk", TRUE, NULL);
  g_assert_cmpuint (n_window_notifies, ==, 1);

  g_object_get (controller (window), "active", &active, "slideshow", &slideshow, "guard", &guard, NULL);
  g_assert_true (active);
  g_assert_nonnull (slideshow);
  g_assert_nonnull (guard);
  g_assert_true (limber_slideshow_get_playing (slideshow));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "limber-kiosk"));
  g_assert_false (gtk_widget_get_visible (header_bar (window)));
  g_assert_false (gtk_widget_get_sensitive (menu_button (window)));
  wait_until (is_fullscreen, window, "the kiosk to be fullscreen");

  /* The bar's buttons do the kiosk's actions, and they are enabled. */
  g_assert_true (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (window), "kiosk.toggle-playing")));
  g_assert_true (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (window), "kiosk.next")));
  gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.toggle-playing", NULL);
  g_assert_false (limber_slideshow_get_playing (slideshow));

  /* The guard keeps the window open. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  limber_window_set_kiosk (window, FALSE);
  g_assert_cmpuint (n_window_notifies, ==, 2);
  g_assert_false (limber_window_get_kiosk (window));
  g_assert_null (limber_kiosk_controller_get_slideshow (controller (window)));
  g_assert_false (limber_slideshow_get_playing (slideshow));
  wait_until (is_windowed, window, "the window to leave fullscreen");

  g_signal_handlers_disconnect_by_data (window, &n_window_notifies);
  close_window (window);
}

static gboolean
not_kiosk (gpointer data)
{
  return !limber_window_get_kiosk (data);
}

/* The right PIN leaves the kiosk and gives the window back as it was. */
static void
test_kiosk_controller_leave_on_unlock (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autoptr(GError) error = NULL;
  g_autofree char *pin_hash = NULL;
  LimberWindow *window;
  LimberKioskGuard *guard;
  GtkWidget *unlock;
  guint n_guard_notifies = 0;

  reset_settings ();
  g_assert_true (limber_kiosk_pin_store (settings, PIN, &error));
  g_assert_no_error (error);
  window = open_kiosk_window (TRUE);
  limber_window_set_kiosk (window, TRUE);
  wait_until (is_fullscreen, window, "the kiosk to be fullscreen");
  g_signal_connect_swapped (controller (window), "notify::guard", G_CALLBACK (count_notify), &n_guard_notifies);

  guard = limber_kiosk_controller_get_guard (controller (window));
  limber_kiosk_guard_show_unlock (guard);
  unlock = limber_kiosk_guard_get_unlock (guard);
  gtk_editable_set_text (GTK_EDITABLE (limber_kiosk_unlock_get_entry (LIMBER_KIOSK_UNLOCK (unlock))), PIN);
  gtk_widget_activate_action (unlock, "unlock.try", NULL);
  wait_until (not_kiosk, window, "the right PIN to leave the kiosk");

  g_assert_false (limber_kiosk_controller_get_active (controller (window)));
  g_assert_null (limber_kiosk_controller_get_guard (controller (window)));
  g_assert_null (limber_kiosk_controller_get_slideshow (controller (window)));
  g_assert_cmpuint (n_guard_notifies, ==, 1);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "limber-kiosk"));
  g_assert_true (gtk_widget_get_visible (header_bar (window)));
  g_assert_true (gtk_widget_get_sensitive (menu_button (window)));
  g_assert_null (find_actionable (GTK_WIDGET (window), "kiosk.toggle-playing"));
  wait_until (is_windowed, window, "the window to leave fullscreen");

  /* Only for this run: the clinic's setting is not changed. */
  g_assert_false (g_settings_get_boolean (settings, "kiosk-mode"));
  pin_hash = g_settings_get_string (settings, "kiosk-pin-hash");
  g_assert_cmpstr (pin_hash, !=, "");

  g_signal_handlers_disconnect_by_data (controller (window), &n_guard_notifies);
  close_window (window);
}

/* Without a catalog there is nothing to show, and the kiosk is locked all the same. */
static void
test_kiosk_controller_fails_closed (void)
{
  LimberWindow *window;
  guint n_slideshow_notifies = 0;

  reset_settings ();
  window = open_kiosk_window (FALSE);
  g_assert_cmpstr (limber_window_get_visible_page (window), ==, "error");
  g_signal_connect_swapped (controller (window), "notify::slideshow", G_CALLBACK (count_notify),
                            &n_slideshow_notifies);

  limber_window_set_kiosk (window, TRUE);
  wait_until (is_fullscreen, window, "the kiosk to be fullscreen");

  g_assert_true (limber_kiosk_controller_get_active (controller (window)));
  g_assert_nonnull (limber_kiosk_controller_get_guard (controller (window)));
  g_assert_null (limber_kiosk_controller_get_slideshow (controller (window)));
  g_assert_cmpuint (n_slideshow_notifies, ==, 0);
  g_assert_false (gtk_widget_get_visible (header_bar (window)));
  g_assert_false (gtk_widget_get_sensitive (menu_button (window)));
  g_assert_cmpstr (limber_window_get_visible_page (window), ==, "error");

  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (limber_kiosk_guard_get_n_refused_closes (limber_kiosk_controller_get_guard (controller (window))),
                    ==, 1);

  g_signal_handlers_disconnect_by_data (controller (window), &n_slideshow_notifies);
  limber_window_set_kiosk (window, FALSE);
  close_window (window);
}

typedef struct
{
  LimberWindow *window;
  GdkRectangle  monitor;
} Screen;

/* The window manager has made the window's surface the monitor's size. */
static gboolean
fullscreen_on_monitor (gpointer data)
{
  Screen *screen = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (screen->window));

  return gtk_window_is_fullscreen (GTK_WINDOW (screen->window)) &&
         gdk_surface_get_width (surface) == screen->monitor.width &&
         gdk_surface_get_height (surface) == screen->monitor.height;
}

static gboolean
on_allocation_timeout (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the window lay itself out for its new size: a frame or two, given
 * five seconds on a busy machine; the size is then asserted either way. */
static void
wait_for_allocation (Screen *screen)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (5, on_allocation_timeout, &timed_out);

  while (!timed_out && (gtk_widget_get_width (GTK_WIDGET (screen->window)) != screen->monitor.width ||
                        gtk_widget_get_height (GTK_WIDGET (screen->window)) != screen->monitor.height))
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);
}

/* Fullscreen under a window manager that composites nothing, where GTK
 * frames a window for resizing: what the kiosk shows covers the whole
 * monitor, with no frame around it. */
static void
test_kiosk_controller_no_frame (void)
{
  Screen screen = { 0 };
  GdkDisplay *display;
  GtkWidget *content;
  graphene_rect_t bounds;
  double surface_x, surface_y;

  reset_settings ();
  screen.window = open_kiosk_window (TRUE);
  display = gtk_widget_get_display (GTK_WIDGET (screen.window));
  gdk_monitor_get_geometry (gdk_display_get_monitor_at_surface (display,
                                                                gtk_native_get_surface (GTK_NATIVE (screen.window))),
                            &screen.monitor);
  g_test_message ("Monitor %d×%d; window styled %s", screen.monitor.width, screen.monitor.height,
                  gtk_widget_has_css_class (GTK_WIDGET (screen.window), "solid-csd") ? "solid-csd" : "csd");

  limber_window_set_kiosk (screen.window, TRUE);
  wait_until (fullscreen_on_monitor, &screen, "the kiosk's surface to cover the monitor");
  wait_for_allocation (&screen);

  /* A widget's width is inside its CSS padding: the frame would take it. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (screen.window)), ==, screen.monitor.width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (screen.window)), ==, screen.monitor.height);
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (screen.window));
  g_assert_true (gtk_widget_compute_bounds (content, GTK_WIDGET (screen.window), &bounds));
  /* Where the window's own coordinates start on its surface: the frame's width. */
  gtk_native_get_surface_transform (GTK_NATIVE (screen.window), &surface_x, &surface_y);
  g_assert_cmpfloat (bounds.origin.x + surface_x, ==, 0);
  g_assert_cmpfloat (bounds.origin.y + surface_y, ==, 0);
  g_assert_cmpfloat (bounds.size.width, ==, screen.monitor.width);
  g_assert_cmpfloat (bounds.size.height, ==, screen.monitor.height);

  limber_window_set_kiosk (screen.window, FALSE);
  close_window (screen.window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  application = register_test_application ();

  g_test_add_func ("/kiosk-controller/enter", test_kiosk_controller_enter);
  g_test_add_func ("/kiosk-controller/leave-on-unlock", test_kiosk_controller_leave_on_unlock);
  g_test_add_func ("/kiosk-controller/fails-closed", test_kiosk_controller_fails_closed);
  g_test_add_func ("/kiosk-controller/no-frame", test_kiosk_controller_no_frame);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
