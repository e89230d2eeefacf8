/* test-window.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <math.h>
#include <glib/gstdio.h>
#include <X11/Xlib.h>
#include <X11/keysym.h>

#include "limber-application.h"
#include "limber-compat.h"
#include "limber-illustration.h"
#include "limber-plan-file.h"
#include "limber-plan-page-private.h"
#include "limber-slide-private.h"
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

  /* The app's icon is there even uninstalled: About and the shell show it. */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window))),
                                          APPLICATION_ID));
  /* Only a development build has the striped header bar. */
  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"), ==, DEVELOPMENT_PROFILE);
  g_assert_false (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (window), "slide.previous")));
  g_assert_true (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (window), "slide.next")));

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
  g_assert_false (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (window), "slide.next")));
  g_assert_true (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (window), "slide.previous")));

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

  g_signal_emit_by_name (find_actionable (GTK_WIDGET (window), "slide.next"), "clicked");
  wait_until (carousel_settled_at, &target, "the Next button to reach slide 2");
  g_assert_true (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (window), "slide.previous")));

  target.index = 0;
  g_signal_emit_by_name (find_actionable (GTK_WIDGET (window), "slide.previous"), "clicked");
  wait_until (carousel_settled_at, &target, "the Previous button to reach slide 1");
  g_assert_false (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (window), "slide.previous")));

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
  g_assert_nonnull (dialog);
  g_assert_true (wait_for_dialog (window, "Follow-up Care", limber_catalog_get_follow_up_care (catalog)[1]) == dialog);

  limber_compat_close_dialog (dialog);
  close_window (window);
}

/* The label under @widget that shows @text as it is, if there is one. */
static GtkLabel *
find_label_showing (GtkWidget  *widget,
                    const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label_showing (child, text);

      if (label != NULL)
        return label;
    }

  return NULL;
}

static void
assert_shows_detail (GtkWidget  *page,
                     const char *text)
{
  GtkLabel *label = find_label_showing (page, text);

  if (label == NULL)
    g_error ("The error page does not show “%s”", text);
  g_assert_false (gtk_label_get_use_markup (label));
  g_assert_true (gtk_label_get_selectable (label));
  g_assert_true (gtk_label_get_wrap (label));
}

static void
test_window_catalog_error (void)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "The catalog is missing");
  LimberWindow *window = open_window (GTK_APPLICATION (application), NULL);

  limber_window_show_catalog_error (window, error);
  g_assert_cmpstr (limber_window_get_visible_page (window), ==, "error");
  /* Not a catalog's error: its message is the reason. */
  assert_shows_detail (limber_window_get_error_page (window), "The catalog is missing");
  g_assert_false (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (window), "slide.next")));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.follow-up-care", NULL) &&
                  limber_window_get_follow_up_dialog (window) != NULL);

  /* The keys still reach the window without anything to move. */
  press_key (window, XK_Right);
  press_key (window, XK_End);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (limber_window_get_current_index (window), ==, 0);

  close_window (window);
}

/* A folder with "&" and "<" in its name, and a long reason: the page shows
 * the file, the line, the exercise, the field and the reason, each as it is
 * and selectable. As markup (as before), it showed nothing but its heading. */
static void
test_window_catalog_error_details (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "catalogs",
                                                   "illustration-not-a-picture.catalog.xml", NULL);
  g_autofree char *dir = g_dir_make_tmp ("limber-window-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "Physio & Rehab <North>", NULL);
  g_autofree char *path = g_build_filename (folder, "clinic.catalog.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LimberWindow *window;
  GtkWidget *page;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_null (limber_catalog_new_from_file (file, &error));

  window = open_window (GTK_APPLICATION (application), NULL);
  limber_window_show_catalog_error (window, error);
  g_assert_cmpstr (limber_window_get_visible_page (window), ==, "error");

  page = limber_window_get_error_page (window);
  assert_shows_detail (page, path);
  assert_shows_detail (page, "9");
  assert_shows_detail (page, "test-stretch");
  assert_shows_detail (page, "illustration");
  assert_shows_detail (page, limber_catalog_error_get_reason (error));
  g_assert_nonnull (strstr (limber_catalog_error_get_reason (error), "“ui/limber-window.ui” is not one of"));

  close_window (window);
  g_unlink (path);
  g_rmdir (folder);
  g_rmdir (dir);
}

/* Text in a catalog that looks like markup is shown as it is written: on
 * the slide, in the window's title, in My Plan and in Follow-up Care. As
 * markup, "&" made the title vanish and the <span> drew the summary at 90 pt. */
static void
test_window_catalog_text_is_plain (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalogs", "markup-text.catalog.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_from_file (file, NULL);
  const char *title = "Rows & <b>pulls</b>";
  const char *summary = "<span size='90000'>Big</span> & bold";
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  GtkWidget *dialog;

  /* The slide's title and the window's. */
  g_assert_cmpuint (count_labels (GTK_WIDGET (window), title), ==, 2);
  g_assert_nonnull (find_label_showing (GTK_WIDGET (window), summary));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-plan", NULL));
  dialog = limber_window_get_plan_dialog (window);
  g_assert_nonnull (find_label_showing (dialog, title));
  g_assert_nonnull (find_label_showing (dialog, summary));
  g_assert_null (find_label_showing (dialog, "Big & bold"));

  limber_compat_close_dialog (dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.follow-up-care", NULL));
  dialog = limber_window_get_follow_up_dialog (window);
  g_assert_nonnull (find_label_showing (dialog, "Call 811 & ask for <i>triage</i>."));
  limber_compat_close_dialog (dialog);

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

static const char *
current_exercise_id (LimberWindow *window)
{
  AdwCarousel *carousel = limber_window_get_carousel (window);
  GtkWidget *page = adw_carousel_get_nth_page (carousel, limber_window_get_current_index (window));

  return limber_exercise_get_id (limber_slide_get_exercise (LIMBER_SLIDE (page)));
}

static void
hide (LimberPlan *plan,
      const char *id)
{
  limber_plan_set_shown (plan, limber_catalog_lookup (limber_plan_get_catalog (plan), id), FALSE);
}

static void
test_window_follows_plan (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  LimberPlan *plan = limber_window_get_plan (window);
  AdwCarousel *carousel = limber_window_get_carousel (window);
  SlideTarget target = { window, 2 };

  g_assert_null (limber_window_get_hidden_text (window));

  press_key_and_wait (window, XK_Right, 1);
  press_key_and_wait (window, XK_Right, 2);
  g_assert_cmpstr (current_exercise_id (window), ==, "shoulder-roll");

  /* Hiding another exercise keeps the current one in view. */
  hide (plan, "rhomboid-stretch");
  hide (plan, "resisted-rows");
  g_assert_cmpuint (adw_carousel_get_n_pages (carousel), ==, 4);
  g_assert_cmpstr (current_exercise_id (window), ==, "shoulder-roll");
  target.index = 1;
  wait_until (carousel_settled_at, &target, "the carousel to stay on the shoulder roll");
  g_assert_cmpstr (limber_slide_get_position_text (LIMBER_SLIDE (adw_carousel_get_nth_page (carousel, 1))), ==,
                   "Exercise 2 of 4");
  g_assert_cmpstr (limber_window_get_hidden_text (window), ==, "2 exercises hidden by your plan");

  /* Hiding the current one moves to the next shown one. */
  hide (plan, "shoulder-roll");
  g_assert_cmpstr (current_exercise_id (window), ==, "wall-push-up");
  g_assert_cmpstr (limber_slide_get_position_text (LIMBER_SLIDE (adw_carousel_get_nth_page (carousel, 1))), ==,
                   "Exercise 2 of 3");

  /* …or to the one before, at the end. */
  press_key_and_wait (window, XK_End, 2);
  g_assert_cmpstr (current_exercise_id (window), ==, "shoulder-blade-squeeze");
  hide (plan, "shoulder-blade-squeeze");
  g_assert_cmpstr (current_exercise_id (window), ==, "wall-push-up");
  g_assert_cmpstr (limber_window_get_hidden_text (window), ==, "4 exercises hidden by your plan");

  /* The keys still move within what is shown. */
  press_key_and_wait (window, XK_Home, 0);
  g_assert_cmpstr (current_exercise_id (window), ==, "midback-stretch");

  limber_plan_reset (plan);
  g_assert_cmpuint (adw_carousel_get_n_pages (carousel), ==, 6);
  g_assert_cmpstr (current_exercise_id (window), ==, "midback-stretch");
  g_assert_null (limber_window_get_hidden_text (window));

  close_window (window);
}

/* My Plan's page on screen over the window, whatever class of dialog the
 * compat layer put it in. */
static gboolean
plan_dialog_is_open (gpointer data)
{
  GtkWidget *dialog = limber_window_get_plan_dialog (LIMBER_WINDOW (data));
  GtkWidget *page = dialog != NULL ? find_widget_of_type (dialog, LIMBER_TYPE_PLAN_PAGE) : NULL;

  return page != NULL && is_shown_over (page, LIMBER_WINDOW (data));
}

static void
test_window_all_hidden (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  LimberPlan *plan = limber_window_get_plan (window);
  GListModel *exercises = G_LIST_MODEL (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);

      limber_plan_set_shown (plan, exercise, FALSE);
    }

  g_assert_cmpstr (limber_window_get_visible_page (window), ==, "empty");
  g_assert_cmpuint (adw_carousel_get_n_pages (limber_window_get_carousel (window)), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (find_actionable (GTK_WIDGET (window), "slide.next")));

  /* The keys do nothing, and nothing breaks. */
  press_key (window, XK_Right);
  press_key (window, XK_End);
  while (g_main_context_iteration (NULL, FALSE));

  /* The status page's button opens the plan. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-plan", NULL));
  wait_until (plan_dialog_is_open, window, "the status page's button to open the plan");
  limber_compat_close_dialog (limber_window_get_plan_dialog (window));

  limber_plan_set_shown (plan, limber_catalog_lookup (catalog, "wall-push-up"), TRUE);
  g_assert_cmpstr (limber_window_get_visible_page (window), ==, "exercises");
  g_assert_cmpuint (adw_carousel_get_n_pages (limber_window_get_carousel (window)), ==, 1);
  g_assert_cmpstr (current_exercise_id (window), ==, "wall-push-up");

  close_window (window);
}

/* The handout's introduction once, on the first slide, not over every one. */
static void
test_window_introduction_once (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  AdwCarousel *carousel = limber_window_get_carousel (window);
  LimberPlan *plan = limber_window_get_plan (window);

  g_assert_nonnull (strstr (limber_slide_get_introduction (LIMBER_SLIDE (adw_carousel_get_nth_page (carousel, 0))),
                            "upper back"));
  for (guint i = 1; i < adw_carousel_get_n_pages (carousel); i++)
    g_assert_null (limber_slide_get_introduction (LIMBER_SLIDE (adw_carousel_get_nth_page (carousel, i))));

  /* It moves with the plan: the first shown exercise has it. */
  limber_plan_set_shown (plan, limber_catalog_lookup (catalog, "rhomboid-stretch"), FALSE);
  g_assert_nonnull (limber_slide_get_introduction (LIMBER_SLIDE (adw_carousel_get_nth_page (carousel, 0))));
  g_assert_cmpstr (limber_exercise_get_id (limber_slide_get_exercise (LIMBER_SLIDE (adw_carousel_get_nth_page (carousel, 0)))),
                   ==, "midback-stretch");
  limber_plan_reset (plan);

  close_window (window);
}

static void
test_window_prescription_shown (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  LimberPlan *plan = limber_window_get_plan (window);
  LimberSlide *slide = LIMBER_SLIDE (adw_carousel_get_nth_page (limber_window_get_carousel (window), 0));

  g_assert_cmpstr (limber_slide_get_dosage (slide), ==, "Hold 15–30 s · Repeat 2–4 times");
  limber_plan_set_prescribed_hold (plan, limber_catalog_lookup (catalog, "rhomboid-stretch"), 25);
  g_assert_cmpstr (limber_slide_get_dosage (slide), ==, "Hold 25 s · Repeat 2–4 times");

  /* The steps say the plan's numbers too (test-slide checks their accessible names). */
  g_assert_cmpstr (limber_slide_get_step_text (slide, 5), ==, "Stay in the stretch for 25 seconds.");
  g_assert_cmpstr (limber_slide_get_step_text (slide, 6), ==, "Do the stretch 2 to 4 times in all.");
  limber_plan_set_prescribed_repetitions (plan, limber_catalog_lookup (catalog, "rhomboid-stretch"), 3);
  g_assert_cmpstr (limber_slide_get_step_text (slide, 6), ==, "Do the stretch 3 times in all.");
  limber_plan_reset (plan);
  g_assert_cmpstr (limber_slide_get_step_text (slide, 5), ==, "Stay in the stretch for 15 to 30 seconds.");

  close_window (window);
}

static void
test_window_plan_shortcut (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  g_autoptr(LimberExercise) first = g_list_model_get_item (G_LIST_MODEL (catalog), 0);

  /* A prescription makes the first exercise's own reset button focusable,
   * ahead of its rows. */
  limber_plan_set_prescribed_repetitions (limber_window_get_plan (window), first,
                                          limber_exercise_get_repetitions_max (first));
  press_control_key (window, XK_m);

  wait_until (plan_dialog_is_open, window, "Ctrl+M to open the plan");

  /* The keyboard starts on the first exercise, never on Reset. */
  {
    GtkWidget *page = find_widget_of_type (limber_window_get_plan_dialog (window), LIMBER_TYPE_PLAN_PAGE);
    GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (page));
    GtkWidget *reset = limber_plan_page_get_reset_button (LIMBER_PLAN_PAGE (page));

    g_assert_nonnull (focus);
    g_assert_true (focus == limber_plan_page_get_initial_focus (LIMBER_PLAN_PAGE (page)) ||
                   gtk_widget_is_ancestor (focus, limber_plan_page_get_initial_focus (LIMBER_PLAN_PAGE (page))));
    g_assert_false (focus == reset || gtk_widget_is_ancestor (focus, reset));
  }
  limber_compat_close_dialog (limber_window_get_plan_dialog (window));

  close_window (window);
}

/* The action that the item @label of @menu, or of its sections, does. */
static char *
menu_action (GMenuModel *menu,
             const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *item_label = NULL;
      char *action = NULL;

      if (section != NULL && (action = menu_action (section, label)) != NULL)
        return action;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label)
          && g_str_equal (item_label, label)
          && g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        return action;
    }

  return NULL;
}

/* Ctrl+? and the menu's Keyboard Shortcuts show the keyboard shortcuts,
 * whichever way this libadwaita shows them, and Escape hides them; every
 * action that has a key of its own is in the list. */
static void
test_window_shortcuts (void)
{
  static const KeySym ctrl_question[] = { XK_Control_L, XK_Shift_L, XK_question, NoSymbol };
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (
                       find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON)));
  g_autofree char *action = menu_action (menu, "_Keyboard Shortcuts");
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (application));
  g_autoptr(GBytes) shipped = g_resources_lookup_data (RESOURCE_BASE_PATH "/shortcuts-dialog.ui",
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *text = NULL;

  g_assert_true (shortcuts_action_enabled (window));
  g_assert_false (shortcuts_are_shown (NULL));
  press_keys (window, ctrl_question);
  wait_until (shortcuts_are_shown, NULL, "Ctrl+? to show the keyboard shortcuts");
  press_key (window, XK_Escape);
  wait_until (shortcuts_are_hidden, NULL, "Escape to hide the keyboard shortcuts");

  /* The menu item does the action that is there on this stack. */
  g_assert_nonnull (action);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  wait_until (shortcuts_are_shown, NULL, "Keyboard Shortcuts in the menu to show them");
  press_key (window, XK_Escape);
  wait_until (shortcuts_are_hidden, NULL, "Escape to hide the keyboard shortcuts");

  if (shipped == NULL)
    shipped = g_resources_lookup_data (RESOURCE_BASE_PATH "/gtk/help-overlay.ui", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert_nonnull (shipped);
  text = g_strndup (g_bytes_get_data (shipped, NULL), g_bytes_get_size (shipped));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), actions[i]);
      g_autofree char *listed = g_strdup_printf ("<property name=\"action-name\">%s</property>", actions[i]);

      if (accels[0] != NULL && strstr (text, listed) == NULL)
        g_error ("%s has the key %s but is not in the list of keyboard shortcuts", actions[i], accels[0]);
    }

  close_window (window);
}

static gboolean
menu_is_open (gpointer menu_button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

static gboolean
menu_is_closed (gpointer menu_button)
{
  return !menu_is_open (menu_button);
}

/* F10 opens the main menu, as the shortcuts list says; Escape closes it. */
static void
test_window_f10_menu (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  GtkWidget *menu_button = find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);

  g_assert_false (menu_is_open (menu_button));
  press_key (window, XK_F10);
  wait_until (menu_is_open, menu_button, "F10 to open the main menu");
  press_key (window, XK_Escape);
  wait_until (menu_is_closed, menu_button, "Escape to close the main menu");

  close_window (window);
}

/* The application opens Limber's settings once: the plan it makes for its
 * window, and so the session and the kiosk, use that one object. */
static void
test_window_one_settings (void)
{
  LimberWindow *window = NULL;

  g_application_activate (G_APPLICATION (application));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    if (LIMBER_IS_WINDOW (l->data))
      window = l->data;

  g_assert_nonnull (window);
  g_assert_true (limber_plan_get_settings (limber_window_get_plan (window)) ==
                 limber_application_get_settings (application));
  close_window (window);
}

static void
test_window_import_export (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  LimberPlan *plan = limber_window_get_plan (window);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "limber-window-export.plan", NULL);
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "data", "plans", "hold-above-range.plan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);

  hide (plan, "midback-stretch");
  limber_plan_set_prescribed_repetitions (plan, limber_catalog_lookup (catalog, "wall-push-up"), 10);
  g_assert_true (limber_window_export_plan (window, file));

  limber_plan_reset (plan);
  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 0);

  g_assert_true (limber_window_import_plan (window, file));
  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 1);
  g_assert_cmpuint (adw_carousel_get_n_pages (limber_window_get_carousel (window)), ==, 5);
  g_assert_cmpuint (limber_plan_get_prescribed_repetitions (plan, limber_catalog_lookup (catalog, "wall-push-up")), ==, 10);

  /* A bad file tells the person why, and changes nothing. */
  g_assert_false (limber_window_import_plan (window, bad_file));
  limber_compat_close_dialog (wait_for_dialog (window, "The Plan Could Not Be Imported", "not 45"));
  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 1);

  g_unlink (path);
  close_window (window);
}

static gboolean
focus_moved_from (gpointer data)
{
  GtkWidget *before = data;

  return gtk_root_get_focus (GTK_ROOT (gtk_widget_get_root (before))) != before;
}

static void
test_window_tab_order (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  GtkWidget *focus;

  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (LIMBER_IS_SLIDE (focus));

  /* Into the slide's own controls, if it has any, then on to Next. */
  while (gtk_root_get_focus (GTK_ROOT (window)) != find_actionable (GTK_WIDGET (window), "slide.next"))
    {
      GtkWidget *before = gtk_root_get_focus (GTK_ROOT (window));

      press_key (window, XK_Tab);
      wait_until (focus_moved_from, before, "Tab to move focus");
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (window)));
    }

  close_window (window);
}

static void
on_position (AdwCarousel *carousel,
             GParamSpec  *pspec,
             guint       *n_between)
{
  double position = adw_carousel_get_position (carousel);

  if (!G_APPROX_VALUE (position, round (position), 1e-9))
    (*n_between)++;
}

/* With animations off in the system settings, slides change at once. */
static void
test_window_animations_off (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  GtkSettings *settings = gtk_settings_get_default ();
  LimberWindow *window;
  guint n_between = 0;

  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  window = open_window (GTK_APPLICATION (application), catalog);
  g_signal_connect (limber_window_get_carousel (window), "notify::position", G_CALLBACK (on_position), &n_between);

  press_key_and_wait (window, XK_Right, 1);
  press_key_and_wait (window, XK_End, 5);
  g_assert_cmpuint (n_between, ==, 0);

  close_window (window);
  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);

  /* And with them on, the carousel does pass in between: the check can fail. */
  window = open_window (GTK_APPLICATION (application), catalog);
  g_signal_connect (limber_window_get_carousel (window), "notify::position", G_CALLBACK (on_position), &n_between);
  press_key_and_wait (window, XK_Right, 1);
  g_assert_cmpuint (n_between, >, 0);
  close_window (window);
}

static LimberSlide *
nth_slide (LimberWindow *window,
           guint         index)
{
  return LIMBER_SLIDE (adw_carousel_get_nth_page (limber_window_get_carousel (window), index));
}

static gboolean
picture_drawn (gpointer data)
{
  LimberSlide *slide = data;

  return limber_illustration_get_paintable (LIMBER_ILLUSTRATION (limber_slide_get_illustration (slide))) != NULL;
}

static void
assert_built (LimberWindow *window,
              const char   *expected)
{
  for (guint i = 0; expected[i] != '\0'; i++)
    {
      LimberSlide *slide = nth_slide (window, i);

      g_assert_cmpint (limber_slide_get_content_built (slide), ==, expected[i] == 'b');
      if (!limber_slide_get_content_built (slide))
        {
          g_assert_null (limber_illustration_get_paintable (LIMBER_ILLUSTRATION (limber_slide_get_illustration (slide))));
          g_assert_null (gtk_widget_get_first_child (limber_slide_get_steps_list (slide)));
        }
    }
}

/* Start-up builds the slide in view and its neighbour, not all six; the
 * others are built as they come near. (Their names for a screen reader are
 * there from the start: test-slide and test-atspi.) */
static void
test_window_slides_built_near_view (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);

  wait_until (picture_drawn, nth_slide (window, 0), "the first picture to be drawn");
  assert_built (window, "bb....");

  press_key_and_wait (window, XK_Right, 1);
  assert_built (window, "bbb...");
  g_assert_cmpstr (limber_slide_get_step_text (nth_slide (window, 2), 1), ==,
                   limber_exercise_get_steps (limber_slide_get_exercise (nth_slide (window, 2)))[0]);

  press_key_and_wait (window, XK_End, 5);
  g_assert_true (limber_slide_get_content_built (nth_slide (window, 4)));
  g_assert_true (limber_slide_get_content_built (nth_slide (window, 5)));
  wait_until (picture_drawn, nth_slide (window, 5), "the last picture to be drawn");

  close_window (window);
}

static void
on_waited (gpointer data)
{
  *(gboolean *)data = TRUE;
}

static void
count_frame (guint *n_frames)
{
  (*n_frames)++;
}

/* The frames the window draws in the next @ms. */
static guint
frames_in (LimberWindow *window,
           guint         ms)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean done = FALSE;
  guint n_frames = 0;
  gulong handler;

  handler = g_signal_connect_swapped (frame_clock, "after-paint", G_CALLBACK (count_frame), &n_frames);
  g_timeout_add_once (ms, on_waited, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (frame_clock, handler);

  return n_frames;
}

/* A window that nobody uses runs no countdown and, once what it shows at
 * start-up has settled (here, the toast saying that the sandbox has no sound
 * output, for six seconds), asks for no frame at all. */
static void
test_window_idle_draws_nothing (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  LimberSession *session = limber_session_controller_get_session (limber_window_get_session_controller (window));
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  guint n_frames;

  wait_until (carousel_settled_at, &(SlideTarget) { window, 0 }, "the first slide");
  while ((n_frames = frames_in (window, 1000)) > 0 && g_get_monotonic_time () < deadline)
    g_test_message ("%u frames in a second", n_frames);

  g_assert_cmpuint (n_frames, ==, 0);
  g_assert_cmpint (limber_countdown_get_state (limber_session_get_countdown (session)), ==,
                   LIMBER_COUNTDOWN_STATE_IDLE);

  close_window (window);
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
  g_test_add_func ("/window/catalog-error-details", test_window_catalog_error_details);
  g_test_add_func ("/window/catalog-text-is-plain", test_window_catalog_text_is_plain);
  g_test_add_func ("/window/size-saved", test_window_size_saved);
  g_test_add_func ("/window/follows-plan", test_window_follows_plan);
  g_test_add_func ("/window/all-hidden", test_window_all_hidden);
  g_test_add_func ("/window/prescription-shown", test_window_prescription_shown);
  g_test_add_func ("/window/introduction-once", test_window_introduction_once);
  g_test_add_func ("/window/plan-shortcut", test_window_plan_shortcut);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/f10-menu", test_window_f10_menu);
  g_test_add_func ("/window/import-export", test_window_import_export);
  g_test_add_func ("/window/one-settings", test_window_one_settings);
  g_test_add_func ("/window/tab-order", test_window_tab_order);
  g_test_add_func ("/window/animations-off", test_window_animations_off);
  g_test_add_func ("/window/idle-draws-nothing", test_window_idle_draws_nothing);
  g_test_add_func ("/window/slides-built-near-view", test_window_slides_built_near_view);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
