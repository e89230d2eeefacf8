/* test-window.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "limber-application.h"
#include "limber-slide.h"
#include "limber-window-private.h"
#include "window-helpers.h"

static LimberApplication *application;

static void
assert_only_current_page_focusable (LimberWindow *window)
{
  AdwCarousel *carousel = limber_window_get_carousel (window);
  guint current = limber_window_get_current_index (window);

  for (guint i = 0; i < adw_carousel_get_n_pages (carousel); i++)
    g_assert_cmpint (gtk_widget_get_can_focus (adw_carousel_get_nth_page (carousel, i)), ==, i == current);
}

static void
press_key_and_wait (LimberWindow *window,
                    KeySym        keysym,
                    guint         expected_index)
{
  SlideTarget target = { window, expected_index };
  g_autofree char *what = g_strdup_printf ("%s to reach slide %u", XKeysymToString (keysym), expected_index + 1);

  press_key (window, keysym);
  wait_until (carousel_settled_at, &target, what);
  assert_only_current_page_focusable (window);
}

static void
test_window_shows_six_slides (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  AdwCarousel *carousel = limber_window_get_carousel (window);

  g_assert_cmpstr (limber_window_get_visible_page (window), ==, "exercises");
  g_assert_cmpuint (adw_carousel_get_n_pages (carousel), ==, 6);

  for (guint i = 0; i < 6; i++)
    {
      LimberSlide *slide = LIMBER_SLIDE (adw_carousel_get_nth_page (carousel, i));

      g_assert_cmpuint (limber_slide_get_number (slide), ==, i + 1);
      g_assert_cmpuint (limber_slide_get_total (slide), ==, 6);
    }

  g_assert_cmpuint (limber_window_get_current_index (window), ==, 0);
  assert_only_current_page_focusable (window);
  g_assert_false (gtk_widget_get_sensitive (limber_window_get_previous_button (window)));
  g_assert_true (gtk_widget_get_sensitive (limber_window_get_next_button (window)));

  close_window (window);
}

static void
test_window_keyboard_navigation (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);

  press_key_and_wait (window, XK_Right, 1);
  press_key_and_wait (window, XK_Right, 2);
  press_key_and_wait (window, XK_Left, 1);
  press_key_and_wait (window, XK_Page_Down, 2);
  press_key_and_wait (window, XK_Page_Up, 1);
  press_key_and_wait (window, XK_End, 5);
  g_assert_false (gtk_widget_get_sensitive (limber_window_get_next_button (window)));
  g_assert_true (gtk_widget_get_sensitive (limber_window_get_previous_button (window)));

  /* Past either end nothing moves: Right at the last slide, then Home. */
  press_key (window, XK_Right);
  press_key_and_wait (window, XK_Home, 0);
  press_key_and_wait (window, XK_Left, 0);
  press_key_and_wait (window, XK_End, 5);
  press_key_and_wait (window, XK_Home, 0);

  close_window (window);
}

static void
test_window_buttons (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  SlideTarget target = { window, 1 };

  g_signal_emit_by_name (limber_window_get_next_button (window), "clicked");
  wait_until (carousel_settled_at, &target, "the Next button to reach slide 2");
  g_assert_true (gtk_widget_get_sensitive (limber_window_get_previous_button (window)));

  target.index = 0;
  g_signal_emit_by_name (limber_window_get_previous_button (window), "clicked");
  wait_until (carousel_settled_at, &target, "the Previous button to reach slide 1");
  g_assert_false (gtk_widget_get_sensitive (limber_window_get_previous_button (window)));

  close_window (window);
}

static void
test_window_follow_up_care (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  GtkWidget *dialog;

  g_assert_null (limber_window_get_follow_up_dialog (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.follow-up-care", NULL));

  dialog = limber_window_get_follow_up_dialog (window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Follow-up Care");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            limber_catalog_get_follow_up_care (catalog)[1]));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

static void
test_window_catalog_error (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "The catalog is missing");
  LimberWindow *window = open_window (GTK_APPLICATION (application), NULL);

  limber_window_show_catalog_error (window, error);
  g_assert_cmpstr (limber_window_get_visible_page (window), ==, "error");
  g_assert_false (gtk_widget_get_sensitive (limber_window_get_next_button (window)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.follow-up-care", NULL) &&
                  limber_window_get_follow_up_dialog (window) != NULL);

  /* The keys still reach the window without anything to move. */
  press_key (window, XK_Right);
  press_key (window, XK_End);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (limber_window_get_current_index (window), ==, 0);

  close_window (window);
}

static void
test_window_size_saved (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 600);
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);

  window = open_window (GTK_APPLICATION (application), catalog);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 600);
  close_window (window);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);

  application = register_test_application ();

  g_test_add_func ("/window/six-slides", test_window_shows_six_slides);
  g_test_add_func ("/window/keyboard-navigation", test_window_keyboard_navigation);
  g_test_add_func ("/window/buttons", test_window_buttons);
  g_test_add_func ("/window/follow-up-care", test_window_follow_up_care);
  g_test_add_func ("/window/catalog-error", test_window_catalog_error);
  g_test_add_func ("/window/size-saved", test_window_size_saved);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
