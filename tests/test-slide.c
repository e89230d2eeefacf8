/* test-slide.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <adwaita.h>

#include "limber-catalog.h"
#include "limber-compat.h"
#include "limber-illustration.h"
#include "limber-slide-private.h"

static LimberCatalog *catalog;

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;

  return n;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_slide_shows_exercise (void)
{
  GListModel *model = G_LIST_MODEL (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (model, i);
      LimberSlide *slide = LIMBER_SLIDE (g_object_ref_sink (limber_slide_new (exercise)));
      GtkWidget *illustration = limber_slide_get_illustration (slide);
      gboolean has_warning = *limber_exercise_get_warning (exercise) != '\0';
      gboolean has_equipment = *limber_exercise_get_equipment (exercise) != '\0';
      guint n_built_notifies = 0;
      int illustration_width;

      g_assert_true (limber_slide_get_exercise (slide) == exercise);

      /* The picture and the steps wait until the slide comes near view. */
      g_assert_false (limber_slide_get_content_built (slide));
      g_assert_cmpuint (count_rows (limber_slide_get_steps_list (slide)), ==, 0);
      gtk_widget_measure (illustration, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &illustration_width, NULL, NULL);
      g_assert_cmpint (illustration_width, ==, 0);
      g_signal_connect (slide, "notify::content-built", G_CALLBACK (count_notify), &n_built_notifies);
      limber_slide_build_content (slide);
      limber_slide_build_content (slide);
      g_assert_true (limber_slide_get_content_built (slide));
      g_assert_cmpuint (n_built_notifies, ==, 1);

      g_assert_cmpuint (count_rows (limber_slide_get_steps_list (slide)), ==, limber_exercise_get_n_steps (exercise));
      g_assert_cmpint (gtk_widget_get_visible (limber_slide_get_warning_box (slide)), ==, has_warning);
      g_assert_cmpint (gtk_widget_get_visible (limber_slide_get_equipment_box (slide)), ==, has_equipment);

      /* The illustration really loaded (it is rendered when first drawn): its
       * 480 pixels, as far as a narrow slide shows them. */
      g_assert_true (gtk_widget_get_visible (illustration));
      gtk_widget_measure (illustration, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &illustration_width, NULL, NULL);
      g_assert_cmpint (illustration_width, ==, 400);
      g_assert_cmpstr (limber_illustration_get_alternative_text (LIMBER_ILLUSTRATION (illustration)), ==,
                       limber_exercise_get_alt_text (exercise));

      g_assert_finalize_object (slide);
    }
}

static void
test_slide_position (void)
{
  LimberExercise *exercise = limber_catalog_lookup (catalog, "wall-push-up");
  LimberSlide *slide = LIMBER_SLIDE (g_object_ref_sink (limber_slide_new (exercise)));
  guint n_number_notifies = 0;
  guint n_total_notifies = 0;

  g_signal_connect (slide, "notify::number", G_CALLBACK (count_notify), &n_number_notifies);
  g_signal_connect (slide, "notify::total", G_CALLBACK (count_notify), &n_total_notifies);

  limber_slide_set_number (slide, 4);
  limber_slide_set_total (slide, 6);
  g_assert_cmpstr (limber_slide_get_position_text (slide), ==, "Exercise 4 of 6");

  /* Notifies only on change. */
  limber_slide_set_number (slide, 4);
  g_object_set (slide, "total", 6, NULL);
  g_assert_cmpuint (n_number_notifies, ==, 1);
  g_assert_cmpuint (n_total_notifies, ==, 1);

  limber_slide_set_total (slide, 4);
  g_assert_cmpstr (limber_slide_get_position_text (slide), ==, "Exercise 4 of 4");
  g_assert_cmpuint (limber_slide_get_number (slide), ==, 4);
  g_assert_cmpuint (limber_slide_get_total (slide), ==, 4);

  g_assert_finalize_object (slide);
}

static void
test_slide_in_window (void)
{
  LimberExercise *exercise = limber_catalog_lookup (catalog, "midback-stretch");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *slide = limber_slide_new (exercise);

  gtk_window_set_child (GTK_WINDOW (window), slide);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));

  while (!gtk_widget_get_mapped (slide))
    g_main_context_iteration (NULL, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Roles and names as GTK hands them to a screen reader. */
static void
test_slide_accessibility (void)
{
  LimberExercise *exercise = limber_catalog_lookup (catalog, "midback-stretch");
  LimberSlide *slide = LIMBER_SLIDE (g_object_ref_sink (limber_slide_new (exercise)));
  GtkWidget *steps = limber_slide_get_steps_list (slide);
  GtkWidget *first_row;

  limber_slide_set_number (slide, 2);
  limber_slide_set_total (slide, 6);

  /* Named before its content is built, as a slide far from view is. */
  gtk_test_accessible_assert_role (slide, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (slide, GTK_ACCESSIBLE_PROPERTY_LABEL, "Exercise 2 of 6: Midback stretch");
  gtk_test_accessible_assert_property (limber_slide_get_illustration (slide), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       limber_exercise_get_alt_text (exercise));

  limber_slide_build_content (slide);
  first_row = gtk_widget_get_first_child (steps);

  gtk_test_accessible_assert_role (limber_slide_get_illustration (slide), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (limber_slide_get_illustration (slide), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       limber_exercise_get_alt_text (exercise));

  gtk_test_accessible_assert_role (steps, GTK_ACCESSIBLE_ROLE_LIST);
  gtk_test_accessible_assert_property (steps, GTK_ACCESSIBLE_PROPERTY_LABEL, "Steps");
  gtk_test_accessible_assert_role (first_row, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  gtk_test_accessible_assert_property (first_row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Step 1: Kneel on the floor and sit back onto your ankles.");

  /* A prescription's number, for a screen reader as on screen. */
  limber_slide_set_prescription (slide, 20, 3);
  gtk_test_accessible_assert_property (limber_slide_get_step_row (slide, 4), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Step 4: Stay in the stretch for 20 seconds.");
  gtk_test_accessible_assert_property (limber_slide_get_step_row (slide, 5), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Step 5: Do the stretch 3 times in all.");
  g_assert_cmpstr (limber_slide_get_dosage (slide), ==, "Hold 20 s · Repeat 3 times");

  gtk_test_accessible_assert_role (limber_slide_get_warning_box (slide), GTK_ACCESSIBLE_ROLE_ALERT);
  gtk_test_accessible_assert_property (limber_slide_get_warning_box (slide), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Warning: Skip this exercise if you have pain in your knees.");

  g_assert_finalize_object (slide);
}

/* The keyboard shortcuts, group by group: the accelerator shown, or the
 * action whose accelerator is shown (NULL: the one that shows this list). */
static const struct
{
  const char *group;
  const char *title;
  const char *keys;
} expected_shortcuts[] = {
  { "Exercises", "Previous exercise", "Left Page_Up" },
  { "Exercises", "Next exercise", "Right Page_Down" },
  { "Exercises", "First exercise", "Home" },
  { "Exercises", "Last exercise", "End" },
  { "Session", "Start a session, pause or resume it", "space" },
  { "Session", "Previous or next step", "Left Right" },
  { "Session", "Previous exercise or skip to the next", "Page_Up Page_Down" },
  { "General", "My Plan", "win.show-plan" },
  { "General", "Open the preferences", "app.preferences" },
  { "General", "Show the history", "win.show-history" },
  { "General", "Print my plan", "app.print" },
  { "General", "Open the main menu", "F10" },
  { "General", "Show keyboard shortcuts", NULL },
  { "General", "Quit", "app.quit" },
};

static void
add_shortcut (GPtrArray  *found,
              const char *group,
              GObject    *shortcut)
{
  g_autofree char *title = NULL;
  g_autofree char *accelerator = NULL;
  g_autofree char *action = NULL;

  g_object_get (shortcut, "title", &title, "accelerator", &accelerator, "action-name", &action, NULL);
  /* Unset is NULL in GtkShortcutsShortcut, "" in AdwShortcutsItem. */
  g_ptr_array_add (found, g_strdup_printf ("%s: %s: %s", group, title,
                                           action != NULL && *action != '\0' ? action : accelerator));
}

/* "Group: title: keys" for each shortcut of the groups in @builder: the
 * shortcuts in a GtkShortcutsGroup's box, or the items of an
 * AdwShortcutsSection's list. */
static GPtrArray *
list_shortcuts (GtkBuilder *builder)
{
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      const char *type = G_OBJECT_TYPE_NAME (l->data);
      g_autofree char *group = NULL;

      if (!g_str_equal (type, "GtkShortcutsGroup") && !g_str_equal (type, "AdwShortcutsSection"))
        continue;

      g_object_get (l->data, "title", &group, NULL);
      if (G_IS_LIST_MODEL (l->data))
        for (guint i = 0; i < g_list_model_get_n_items (l->data); i++)
          {
            g_autoptr(GObject) item = g_list_model_get_item (l->data, i);

            add_shortcut (found, group, item);
          }
      else
        for (GtkWidget *child = gtk_widget_get_first_child (l->data); child != NULL;
             child = gtk_widget_get_next_sibling (child))
          if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkShortcutsShortcut"))
            add_shortcut (found, group, G_OBJECT (child));
    }

  return found;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Exactly one list of shortcuts ships, the one this libadwaita shows: it
 * loads, and has every shortcut in its group. */
static void
test_shortcuts_load (void)
{
#if ADW_CHECK_VERSION (1, 8, 0)
  const char *path = RESOURCE_BASE_PATH "/shortcuts-dialog.ui";
  const char *other = RESOURCE_BASE_PATH "/gtk/help-overlay.ui";
  const char *id = "shortcuts_dialog";
  const char *type = "AdwShortcutsDialog";
#else
  const char *path = RESOURCE_BASE_PATH "/gtk/help-overlay.ui";
  const char *other = RESOURCE_BASE_PATH "/shortcuts-dialog.ui";
  const char *id = "help_overlay";
  const char *type = "GtkShortcutsWindow";
#endif
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  GObject *shortcuts;

  g_assert_false (g_resources_get_info (other, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));

  builder = gtk_builder_new_from_resource (path);
  shortcuts = gtk_builder_get_object (builder, id);
  g_assert_nonnull (shortcuts);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (shortcuts), ==, type);

  for (guint i = 0; i < G_N_ELEMENTS (expected_shortcuts); i++)
    g_ptr_array_add (expected, g_strdup_printf ("%s: %s: %s", expected_shortcuts[i].group, expected_shortcuts[i].title,
                                                expected_shortcuts[i].keys != NULL
                                                  ? expected_shortcuts[i].keys : limber_compat_shortcuts_action ()));
  found = list_shortcuts (builder);
  g_ptr_array_sort (expected, compare_strings);
  g_ptr_array_sort (found, compare_strings);
  for (guint i = 0; i < MIN (expected->len, found->len); i++)
    g_assert_cmpstr (g_ptr_array_index (found, i), ==, g_ptr_array_index (expected, i));
  g_assert_cmpuint (found->len, ==, expected->len);

  if (GTK_IS_WINDOW (shortcuts))
    gtk_window_destroy (GTK_WINDOW (shortcuts));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* GTK's own accessibility backend for tests, so roles and names can be read. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  catalog = limber_catalog_new_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/slide/shows-exercise", test_slide_shows_exercise);
  g_test_add_func ("/slide/position", test_slide_position);
  g_test_add_func ("/slide/in-window", test_slide_in_window);
  g_test_add_func ("/slide/shortcuts-load", test_shortcuts_load);
  g_test_add_func ("/slide/accessibility", test_slide_accessibility);

  status = g_test_run ();
  g_assert_finalize_object (catalog);

  return status;
}
