/* limber-application.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-application"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-application.h"
#include "limber-catalog.h"
#include "limber-first-frame.h"
#include "limber-window.h"

struct _LimberApplication
{
  AdwApplication  parent_instance;

  char           *catalog_path;
};

G_DEFINE_FINAL_TYPE (LimberApplication, limber_application, ADW_TYPE_APPLICATION)

static LimberCatalog *
load_catalog (LimberApplication  *self,
              GError            **error)
{
  g_autoptr(GFile) file = NULL;

  if (self->catalog_path == NULL)
    return limber_catalog_new_default (error);

  file = g_file_new_for_commandline_arg (self->catalog_path);
  return limber_catalog_new_from_file (file, error);
}

static void
limber_application_activate (GApplication *application)
{
  LimberApplication *self = LIMBER_APPLICATION (application);
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      catalog = load_catalog (self, &error);
      window = GTK_WINDOW (limber_window_new (GTK_APPLICATION (self), catalog));

      if (catalog == NULL)
        {
          g_warning ("Could not load the exercise catalog: %s", error->message);
          limber_window_show_catalog_error (LIMBER_WINDOW (window), error);
        }

      limber_first_frame_watch (window);
    }

  gtk_window_present (window);
}

static int
limber_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  LimberApplication *self = LIMBER_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "Limber", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  g_clear_pointer (&self->catalog_path, g_free);
  g_variant_dict_lookup (options, "catalog", "^ay", &self->catalog_path);

  return G_APPLICATION_CLASS (limber_application_parent_class)->handle_local_options (application, options);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *application = user_data;
  static const char *developers[] = { "The Limber developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (application),
                        "application-name", "Limber",
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "The Limber developers",
                        "developers", developers,
                        "comments", _("Guided exercises for a healthy upper back and neck, "
                                      "with narration, from the handout your physiotherapist gave you."),
                        "website", "https://github.com/limberapp/limber",
                        "issue-url", "https://github.com/limberapp/limber/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Limber developers",
                        /* Translators: put your name here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_activated },
  { .name = "quit", .activate = quit_activated },
};

static void
limber_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Primary>q", NULL };

  G_APPLICATION_CLASS (limber_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
}

static void
limber_application_finalize (GObject *object)
{
  LimberApplication *self = (LimberApplication *)object;

  g_clear_pointer (&self->catalog_path, g_free);

  G_OBJECT_CLASS (limber_application_parent_class)->finalize (object);
}

static void
limber_application_class_init (LimberApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = limber_application_finalize;

  application_class->activate = limber_application_activate;
  application_class->startup = limber_application_startup;
  application_class->handle_local_options = limber_application_handle_local_options;
}

static void
limber_application_init (LimberApplication *self)
{
  static const GOptionEntry options[] = {
    { "catalog", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Read the exercises from FILE instead of the built-in catalog"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

LimberApplication *
limber_application_new (void)
{
  return g_object_new (LIMBER_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}
