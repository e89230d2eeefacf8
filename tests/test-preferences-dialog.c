/* test-preferences-dialog.c: Preferences, bound to the settings both ways,
 * locked rows, and the dialog at 360 px in every language.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <X11/keysym.h>

#include "limber-preferences-dialog-private.h"
#include "limber-test-backend.h"
#include "window-helpers.h"

static LimberApplication *application;

static void set_language_locale (void);

typedef struct
{
  GSettings      *settings;
  LimberReminder *reminder;
  GtkWidget      *dialog;
} Fixture;

static void
fixture_open (Fixture            *fixture,
              const char * const *locked_keys)
{
  fixture->settings = limber_test_settings_new (locked_keys);
  fixture->reminder = limber_reminder_new (G_APPLICATION (application), fixture->settings);
  fixture->dialog = g_object_ref_sink (limber_preferences_dialog_new (fixture->settings, fixture->reminder));
}

static void
fixture_close (Fixture *fixture)
{
#if !ADW_CHECK_VERSION (1, 5, 0)
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
#endif
  g_clear_object (&fixture->dialog);
  g_clear_object (&fixture->reminder);
  g_clear_object (&fixture->settings);
}

static GtkWidget *
row (Fixture    *fixture,
     const char *key)
{
  GtkWidget *found = limber_preferences_dialog_get_row (LIMBER_PREFERENCES_DIALOG (fixture->dialog), key);

  g_assert_nonnull (found);
  return found;
}

/* The switch, spin button or scale inside the row for @key. */
static GtkWidget *
control (Fixture    *fixture,
         const char *key,
         GType       type)
{
  GtkWidget *found = find_widget_of_type (row (fixture, key), type);

  g_assert_nonnull (found);
  return found;
}

/* A string or enum setting's value. */
static void
assert_setting (GSettings  *settings,
                const char *key,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_preferences_bound_both_ways (void)
{
  Fixture fixture = { 0 };
  GtkWidget *muted, *combo, *waits, *seconds_row;
  GtkSpinButton *spin;
  GtkRange *volume;

  fixture_open (&fixture, NULL);

  /* Speech rate: the schema's enum, in its order. */
  combo = row (&fixture, "speech-rate");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 1);
  g_settings_set_string (fixture.settings, "speech-rate", "faster");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 0);
  assert_setting (fixture.settings, "speech-rate", "slower");

  /* Volume and mute. */
  volume = GTK_RANGE (control (&fixture, "narration-volume", GTK_TYPE_SCALE));
  g_settings_set_double (fixture.settings, "narration-volume", 0.25);
  g_assert_cmpfloat_with_epsilon (gtk_range_get_value (volume), 0.25, 1e-9);
  gtk_range_set_value (volume, 0.75);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (fixture.settings, "narration-volume"), 0.75, 1e-9);

  muted = control (&fixture, "narration-muted", GTK_TYPE_SWITCH);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (muted)));
  g_settings_set_boolean (fixture.settings, "narration-muted", TRUE);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (muted)));
  gtk_switch_set_active (GTK_SWITCH (muted), FALSE);
  g_assert_false (g_settings_get_boolean (fixture.settings, "narration-muted"));

  /* Rests, within the schema's range. */
  spin = GTK_SPIN_BUTTON (control (&fixture, "rest-between-repetitions", GTK_TYPE_SPIN_BUTTON));
  g_settings_set_uint (fixture.settings, "rest-between-repetitions", 12);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 12);
  gtk_spin_button_set_value (spin, 7);
  g_assert_cmpuint (g_settings_get_uint (fixture.settings, "rest-between-repetitions"), ==, 7);
  gtk_spin_button_set_value (spin, 100000);
  g_assert_cmpuint (g_settings_get_uint (fixture.settings, "rest-between-repetitions"), ==,
                    (guint) gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (spin)));

  spin = GTK_SPIN_BUTTON (control (&fixture, "rest-between-exercises", GTK_TYPE_SPIN_BUTTON));
  gtk_spin_button_set_value (spin, 20);
  g_assert_cmpuint (g_settings_get_uint (fixture.settings, "rest-between-exercises"), ==, 20);

  /* After a change of position: given seconds, or waiting for Ready. */
  waits = control (&fixture, "position-change", GTK_TYPE_SWITCH);
  seconds_row = row (&fixture, "position-change-seconds");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (waits)));
  g_assert_true (gtk_widget_get_visible (seconds_row));
  gtk_switch_set_active (GTK_SWITCH (waits), TRUE);
  assert_setting (fixture.settings, "position-change", "wait-for-ready");
  g_assert_false (gtk_widget_get_visible (seconds_row));
  g_settings_set_string (fixture.settings, "position-change", "timed");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (waits)));
  g_assert_true (gtk_widget_get_visible (seconds_row));
  spin = GTK_SPIN_BUTTON (control (&fixture, "position-change-seconds", GTK_TYPE_SPIN_BUTTON));
  gtk_spin_button_set_value (spin, 9);
  g_assert_cmpuint (g_settings_get_uint (fixture.settings, "position-change-seconds"), ==, 9);

  /* The reminder: on, and its time shown and read as hours and minutes. */
  gtk_switch_set_active (GTK_SWITCH (control (&fixture, "reminder-enabled", GTK_TYPE_SWITCH)), TRUE);
  g_assert_true (g_settings_get_boolean (fixture.settings, "reminder-enabled"));
  spin = GTK_SPIN_BUTTON (control (&fixture, "reminder-time", GTK_TYPE_SPIN_BUTTON));
  g_settings_set_string (fixture.settings, "reminder-time", "18:45");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 18 * 60 + 45);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "18:45");
  gtk_spin_button_set_value (spin, 7 * 60 + 5);
  {
    g_autofree char *time = g_settings_get_string (fixture.settings, "reminder-time");

    g_assert_cmpstr (time, ==, "07:05");
  }
  /* Typed in. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "6:30");
  gtk_spin_button_update (spin);
  {
    g_autofree char *time = g_settings_get_string (fixture.settings, "reminder-time");

    g_assert_cmpstr (time, ==, "06:30");
  }

  /* A time that is none: said on the row, and left as it is. */
  g_test_expect_message ("limber-reminder", G_LOG_LEVEL_MESSAGE, "*“7 o'clock”*");
  g_settings_set_string (fixture.settings, "reminder-time", "7 o'clock");
  g_test_assert_expected_messages ();
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (&fixture, "reminder-time"))),
                            "“7 o'clock”"));
  {
    g_autofree char *time = g_settings_get_string (fixture.settings, "reminder-time");

    g_assert_cmpstr (time, ==, "7 o'clock");
  }
  g_settings_set_string (fixture.settings, "reminder-time", "08:00");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (&fixture, "reminder-time"))), ==,
                   "Hours and minutes, on a 24-hour clock");

  fixture_close (&fixture);
}

static gboolean
background_answered (gpointer data)
{
  return limber_background_get_state (data) != LIMBER_BACKGROUND_STATE_ASKING;
}

static const char *
description (AdwPreferencesGroup *group)
{
  const char *text = adw_preferences_group_get_description (group);

  return text != NULL ? text : "";
}

/* No Background portal on the test's bus: one sentence says so. */
static void
test_preferences_no_background (void)
{
  Fixture fixture = { 0 };
  AdwPreferencesGroup *group;

  fixture_open (&fixture, NULL);
  group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row (&fixture, "reminder-enabled"),
                                                          ADW_TYPE_PREFERENCES_GROUP));
  g_assert_cmpstr (description (group), ==, "");

  g_settings_set_boolean (fixture.settings, "reminder-enabled", TRUE);
  wait_until (background_answered, limber_reminder_get_background (fixture.reminder), "the portal's answer");
  g_assert_cmpint (limber_background_get_state (limber_reminder_get_background (fixture.reminder)), ==,
                   LIMBER_BACKGROUND_STATE_UNAVAILABLE);
  g_assert_cmpstr (adw_preferences_group_get_description (group), ==,
                   "Reminders come only while Limber is open: this desktop cannot keep it running in the "
                   "background.");

  g_settings_set_boolean (fixture.settings, "reminder-enabled", FALSE);
  g_assert_cmpstr (description (group), ==, "");

  fixture_close (&fixture);
}

static void
test_preferences_locked (void)
{
  static const char *keys[] = {
    "speech-rate", "narration-volume", "narration-muted", "rest-between-repetitions", "rest-between-exercises",
    "position-change", "position-change-seconds", "reminder-enabled", "reminder-time", NULL,
  };
  Fixture fixture = { 0 };

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *locked[] = { keys[i], NULL };

      g_test_message ("Locked: %s", keys[i]);
      fixture_open (&fixture, locked);
      for (guint j = 0; keys[j] != NULL; j++)
        {
          GtkWidget *shown = row (&fixture, keys[j]);
          const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (shown));

          g_assert_cmpint (gtk_widget_get_sensitive (shown), ==, i != j);
          if (i == j)
            g_assert_cmpstr (subtitle, ==, "Set by your clinic");
          else
            g_assert_cmpstr (subtitle, !=, "Set by your clinic");
        }
      fixture_close (&fixture);
    }
}

/* Everything inside @root's width, nothing cut short, no sideways scroll. */
static void
assert_fits (GtkWidget  *widget,
             GtkWidget  *root,
             const char *locale)
{
  int width = gtk_widget_get_width (root);

  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget));

      if (gtk_adjustment_get_upper (h) - gtk_adjustment_get_lower (h) > gtk_adjustment_get_page_size (h) + 0.5)
        g_error ("%s: a horizontal scroll, %.0f px for %.0f", locale,
                 gtk_adjustment_get_upper (h) - gtk_adjustment_get_lower (h), gtk_adjustment_get_page_size (h));
    }

  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (widget, root, &bounds));
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
        g_error ("%s: “%s” is cut short", locale, gtk_label_get_text (GTK_LABEL (widget)));
      if (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > width + 0.5)
        g_error ("%s: “%s” runs outside the %d px (%.0f to %.0f)", locale, gtk_label_get_text (GTK_LABEL (widget)),
                 width, bounds.origin.x, bounds.origin.x + bounds.size.width);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_fits (child, root, locale);
}

static gboolean
is_360_wide (gpointer data)
{
  return gtk_widget_get_width (data) == 360;
}

static gboolean
is_laid_out (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static void
spin_for (guint ms)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_timeout_add_once (ms, (GSourceOnceFunc) g_main_loop_quit, loop);
  g_main_loop_run (loop);
}

/* For looking at: LIMBER_TEST_SCREENSHOTS=DIR keeps the screen of each
 * language there. */
static void
spin_for (guint ms);

static void
import_screen (const char *locale,
               const char *part)
{
  g_autofree char *file = g_strdup_printf ("%s/preferences-360-%s-%s.png", g_getenv ("LIMBER_TEST_SCREENSHOTS"),
                                           locale, part);
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char *[]) { "import", "-window", "root", "-crop", "380x680+0+0", file, NULL }, NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
}

/* For looking at: LIMBER_TEST_SCREENSHOTS=DIR keeps the top and the end of
 * the dialog in each language there. */
static void
save_screenshots (GtkWidget  *root,
                  const char *locale)
{
  GtkWidget *scrolled;
  GtkAdjustment *v;

  if (g_getenv ("LIMBER_TEST_SCREENSHOTS") == NULL)
    return;

  import_screen (locale, "top");
  scrolled = find_widget_of_type (root, GTK_TYPE_SCROLLED_WINDOW);
  v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
  spin_for (300);
  import_screen (locale, "end");
  gtk_adjustment_set_value (v, 0);
}

static void
test_preferences_narrow (void)
{
  g_auto(GStrv) locales = g_strsplit (g_getenv ("LIMBER_TEST_LOCALES"), ",", -1);

  for (guint i = 0; locales[i] != NULL; i++)
    {
      const char *locale = locales[i];
      Fixture fixture = { 0 };
      /* Since libadwaita 1.5 the dialog is shown inside it. */
      GtkWidget *parent = adw_window_new ();
      GtkWidget *root;
      int minimum;

      g_test_message ("In %s", locale);
      g_setenv ("LANGUAGE", locale, TRUE);
      /* A change of locale makes gettext look at LANGUAGE again. */
      setlocale (LC_ALL, "C");
      set_language_locale ();
      gtk_widget_set_default_direction (g_str_equal (locale, "ar") ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

      gtk_window_set_default_size (GTK_WINDOW (parent), 360, 640);
      gtk_window_present (GTK_WINDOW (parent));
      wait_until (is_laid_out, parent, "the window");
      /* Where the frame takes some of it (libadwaita 1.10 under Xvfb), a
       * window whose inside is 360 px. */
      if (gtk_widget_get_width (parent) != 360)
        {
          gtk_window_set_default_size (GTK_WINDOW (parent), 720 - gtk_widget_get_width (parent), 640);
          wait_until (is_360_wide, parent, "the window to be 360 px wide inside");
        }

      fixture_open (&fixture, NULL);
      /* The longest sentence the dialog has. */
      g_settings_set_boolean (fixture.settings, "reminder-enabled", TRUE);
      wait_until (background_answered, limber_reminder_get_background (fixture.reminder), "the portal's answer");
      limber_compat_preferences_present (LIMBER_COMPAT_PREFERENCES (fixture.dialog), parent);
#if ADW_CHECK_VERSION (1, 5, 0)
      root = parent;
#else
      root = fixture.dialog;
#endif
      wait_until (is_laid_out, fixture.dialog, "Preferences");
      /* Really in that language. */
      if (!g_str_equal (locale, "C") && !g_str_equal (locale, "en_US"))
        g_assert_cmpstr (_("Reminders"), !=, "Reminders");
      spin_for (300);

      g_assert_cmpint (gtk_widget_get_width (root), <=, 360);
      /* The content: the window's own frame has its shadow around it. */
      gtk_widget_measure (gtk_window_get_child (GTK_WINDOW (root)), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL,
                          NULL, NULL);
      g_assert_cmpint (minimum, <=, 360);
      assert_fits (root, root, locale);
      save_screenshots (root, locale);

      fixture_close (&fixture);
      gtk_window_destroy (GTK_WINDOW (parent));
    }

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
  set_language_locale ();
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

static GtkWidget *
find_preferences (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  /* A window before libadwaita 1.5, a dialog inside the main window since. */
  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      GtkWidget *found = LIMBER_IS_PREFERENCES_DIALOG (l->data)
                           ? l->data : find_widget_of_type (l->data, LIMBER_TYPE_PREFERENCES_DIALOG);

      if (found != NULL && gtk_widget_get_mapped (found))
        return found;
    }

  return NULL;
}

static gboolean
preferences_are_open (gpointer data)
{
  return find_preferences () != NULL;
}

/* Ctrl+comma, as the menu and the shortcuts window say, opens them. */
static void
test_preferences_shortcut (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  GtkWidget *dialog;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (application), "preferences"));
  press_control_key (window, XK_comma);
  wait_until (preferences_are_open, NULL, "Ctrl+comma to open Preferences");
  dialog = find_preferences ();
  g_assert_nonnull (limber_preferences_dialog_get_row (LIMBER_PREFERENCES_DIALOG (dialog), "speech-rate"));

  limber_compat_close_dialog (dialog);
  close_window (window);
}

/* A locale in which LANGUAGE chooses the translation: glibc 2.43 ignores
 * it in C.UTF-8 as in C, Debian 12's does not. The tests' own locales
 * (LOCPATH) have en_US.UTF-8 on any machine. */
static void
set_language_locale (void)
{
  g_assert_nonnull (setlocale (LC_ALL, "en_US.UTF-8"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  /* The translations of the build tree, chosen by LANGUAGE. */
  set_language_locale ();
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LIMBER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = register_test_application ();

  g_test_add_func ("/preferences-dialog/bound-both-ways", test_preferences_bound_both_ways);
  g_test_add_func ("/preferences-dialog/no-background", test_preferences_no_background);
  g_test_add_func ("/preferences-dialog/locked", test_preferences_locked);
  g_test_add_func ("/preferences-dialog/narrow", test_preferences_narrow);
  g_test_add_func ("/preferences-dialog/shortcut", test_preferences_shortcut);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
