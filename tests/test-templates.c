/* test-templates.c: every .ui file in the GResource builds, with
 * G_DEBUG=fatal-warnings, so a broken template fails here by name and not
 * somewhere deep inside another test.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include "limber-catalog.h"
#include "limber-history-view.h"
#include "limber-kiosk-unlock.h"
#include "limber-pain-rating.h"
#include "limber-plan.h"
#include "limber-plan-page.h"
#include "limber-preferences-dialog.h"
#include "limber-session-bar.h"
#include "limber-session-view.h"
#include "limber-slide.h"
#include "limber-test-backend.h"
#include "window-helpers.h"

static GtkApplication *application;
static LimberCatalog *catalog;

static GtkWidget *
build_window (LimberPlan *plan)
{
  return GTK_WIDGET (limber_window_new (application, plan));
}

static GtkWidget *
build_slide (LimberPlan *plan)
{
  g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (catalog), 0);

  return limber_slide_new (exercise);
}

static GtkWidget *
build_plan_page (LimberPlan *plan)
{
  return limber_plan_page_new (plan);
}

static GtkWidget *
build_preferences_dialog (LimberPlan *plan)
{
  g_autoptr(LimberReminder) reminder = limber_reminder_new (G_APPLICATION (application),
                                                            limber_plan_get_settings (plan));

  return limber_preferences_dialog_new (limber_plan_get_settings (plan), reminder);
}

static GtkWidget *
build_kiosk_unlock (LimberPlan *plan)
{
  g_autoptr(LimberKioskPin) pin = limber_kiosk_pin_new (limber_plan_get_settings (plan));

  return limber_kiosk_unlock_new (pin);
}

static GtkWidget *
build_history_view (LimberPlan *plan)
{
  g_autoptr(LimberSessionLog) log = limber_session_log_new (NULL);

  return limber_history_view_new (log);
}

static GtkWidget *
build_pain_rating (LimberPlan *plan)
{
  return limber_pain_rating_new ();
}

static GtkWidget *
build_session_view (LimberPlan *plan)
{
  g_autoptr(LimberSession) session = limber_session_new (NULL);

  return limber_session_view_new (session, plan);
}

static GtkWidget *
build_session_bar (LimberPlan *plan)
{
  g_autoptr(LimberSession) session = limber_session_new (NULL);

  return limber_session_bar_new (session, limber_plan_get_settings (plan));
}

/* How to make each templated widget: most have construct-only properties
 * that a bare g_object_new() would leave unset. */
static const struct
{
  const char *class_name;
  GtkWidget *(*build) (LimberPlan *plan);
} builders[] = {
  { "LimberWindow", build_window },
  { "LimberSlide", build_slide },
  { "LimberPlanPage", build_plan_page },
  { "LimberPreferencesDialog", build_preferences_dialog },
  { "LimberKioskUnlock", build_kiosk_unlock },
  { "LimberPainRating", build_pain_rating },
  { "LimberHistoryView", build_history_view },
  { "LimberSessionView", build_session_view },
  { "LimberSessionBar", build_session_bar },
};

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  char **template_class = user_data;

  if (g_str_equal (element_name, "template"))
    for (guint i = 0; attribute_names[i] != NULL; i++)
      if (g_str_equal (attribute_names[i], "class"))
        *template_class = g_strdup (attribute_values[i]);
}

/* The class a .ui file is the template of, or NULL for a plain builder file. */
static char *
template_class_of (const char *path)
{
  static const GMarkupParser parser = { .start_element = on_start_element };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  char *template_class = NULL;
  gsize size;
  const char *text;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (bytes, &size);

  context = g_markup_parse_context_new (&parser, 0, &template_class, NULL);
  g_markup_parse_context_parse (context, text, size, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  return template_class;
}

static void
test_template_builds (gconstpointer data)
{
  const char *path = data;
  g_autofree char *template_class = template_class_of (path);
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = limber_plan_new (catalog, settings);
  GtkWidget *widget = NULL;

  g_test_message ("%s: template of %s", path, template_class ? template_class : "(none)");

  if (template_class == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();
      g_autoptr(GError) error = NULL;

      gtk_builder_add_from_resource (builder, path, &error);
      g_assert_no_error (error);
      for (GSList *l = gtk_builder_get_objects (builder); l != NULL; l = g_slist_delete_link (l, l))
        if (GTK_IS_WINDOW (l->data))
          gtk_window_destroy (GTK_WINDOW (l->data));
      return;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (builders); i++)
    if (g_str_equal (builders[i].class_name, template_class))
      widget = g_object_ref_sink (builders[i].build (plan));

  if (widget == NULL)
    {
      g_test_fail_printf ("%s is the template of %s, which test-templates.c does not know how to build: "
                          "add it to builders[]", path, template_class);
      return;
    }

  g_assert_cmpstr (G_OBJECT_TYPE_NAME (widget), ==, template_class);
  if (GTK_IS_WINDOW (widget))
    gtk_window_destroy (GTK_WINDOW (widget));
  g_object_unref (widget);
}

/* Every .ui file under @dir in the resource ("" for its top), so that a new
 * one is tested without being listed here. */
static guint
add_tests_under (const char *dir)
{
  g_autofree char *resource_dir = g_strconcat (RESOURCE_BASE_PATH, "/", dir, *dir != '\0' ? "/" : "", NULL);
  g_auto(GStrv) names = g_resources_enumerate_children (resource_dir, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  guint n = 0;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *test_path = NULL;

      if (!g_str_has_suffix (names[i], ".ui"))
        continue;

      test_path = g_strdup_printf ("/templates/%s%s%s", dir, *dir != '\0' ? "/" : "", names[i]);
      g_test_add_data_func_full (test_path, g_strconcat (resource_dir, names[i], NULL), test_template_builds, g_free);
      n++;
    }

  return n;
}

int
main (int   argc,
      char *argv[])
{
  int status;
  g_autoptr(GError) error = NULL;

  gtk_test_init (&argc, &argv, NULL);

  application = GTK_APPLICATION (register_test_application ());
  catalog = limber_catalog_new_default (&error);
  g_assert_no_error (error);

  g_assert_cmpuint (add_tests_under ("ui"), >, 0);
  /* The keyboard shortcuts: gtk/help-overlay.ui, or shortcuts-dialog.ui on
   * libadwaita 1.8 (resources/meson.build). */
  g_assert_cmpuint (add_tests_under ("gtk") + add_tests_under (""), ==, 1);

  status = g_test_run ();

  g_clear_object (&catalog);
  g_clear_object (&application);

  return status;
}
