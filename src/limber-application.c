/* limber-application.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-application"

#include "limber-config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "limber-application.h"
#include "limber-catalog.h"
#include "limber-compat.h"
#include "limber-first-frame.h"
#include "limber-kiosk-pin.h"
#include "limber-plan-file.h"
#include "limber-window.h"

struct _LimberApplication
{
  AdwApplication  parent_instance;

  char           *catalog_path;
  gboolean        kiosk;
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

static LimberPlan *
load_plan (LimberApplication  *self,
           GError            **error)
{
  g_autoptr(LimberCatalog) catalog = load_catalog (self, error);
  g_autoptr(GSettings) settings = NULL;

  if (catalog == NULL)
    return NULL;

  settings = g_settings_new (APPLICATION_ID);
  return limber_plan_new (catalog, settings);
}

static void
limber_application_activate (GApplication *application)
{
  LimberApplication *self = LIMBER_APPLICATION (application);
  g_autoptr(LimberPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      plan = load_plan (self, &error);
      window = GTK_WINDOW (limber_window_new (GTK_APPLICATION (self), plan));

      if (plan == NULL)
        {
          g_warning ("Could not load the exercise catalog: %s", error->message);
          limber_window_show_catalog_error (LIMBER_WINDOW (window), error);
        }

      else if (self->kiosk || g_settings_get_boolean (limber_plan_get_settings (plan), "kiosk-mode"))
        limber_window_set_kiosk (LIMBER_WINDOW (window), TRUE);

      limber_first_frame_watch (window);
    }

  gtk_window_present (window);
}

/* `limber --import-plan FILE`, for a clinic's scripts: all of the file or
 * nothing, then exit. */
static int
import_plan (LimberApplication *self,
             const char        *path)
{
  g_autoptr(LimberPlan) plan = NULL;
  g_autoptr(LimberPlanFile) plan_file = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;

  plan = load_plan (self, &error);
  if (plan != NULL)
    plan_file = limber_plan_file_new_from_file (limber_plan_get_catalog (plan), file, &error);

  if (plan_file == NULL || !limber_plan_file_apply (plan_file, plan, &error))
    {
      /* Translators: the first %s is a file name, the second what is wrong with it */
      g_printerr (_("The plan “%s” was not imported: %s\n"), path, error->message);
      return EXIT_FAILURE;
    }

  g_settings_sync ();
  /* Translators: %s is a file name */
  g_print (_("Imported the plan “%s”.\n"), path);
  return EXIT_SUCCESS;
}

/* A line from the terminal, not echoed when it is one. */
static char *
read_secret (const char *prompt)
{
  gboolean terminal = isatty (STDIN_FILENO);
  struct termios saved, quiet;
  char line[64] = "";
  char *newline;

  if (terminal)
    {
      g_print ("%s", prompt);
      tcgetattr (STDIN_FILENO, &saved);
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
    }

  if (fgets (line, sizeof line, stdin) == NULL)
    line[0] = '\0';

  if (terminal)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_print ("\n");
    }

  newline = strpbrk (line, "\r\n");
  if (newline != NULL)
    *newline = '\0';

  return g_strdup (line);
}

/* `limber --set-kiosk-pin`: asked twice, never on the command line, where
 * other users could read it. */
static int
set_kiosk_pin (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *again = NULL;
  g_autofree char *prompt = NULL;

  /* Translators: %d and %d are the fewest and most digits of a PIN */
  prompt = g_strdup_printf (_("New clinic PIN (%d to %d digits): "), LIMBER_KIOSK_PIN_MIN_DIGITS,
                            LIMBER_KIOSK_PIN_MAX_DIGITS);
  pin = read_secret (prompt);
  again = read_secret (_("The same PIN again: "));

  if (g_strcmp0 (pin, again) != 0)
    {
      g_printerr (_("The two PINs are not the same; the PIN was not changed.\n"));
      return EXIT_FAILURE;
    }

  if (!limber_kiosk_pin_store (settings, pin, &error))
    {
      /* Translators: %s says what is wrong */
      g_printerr (_("The PIN was not changed: %s.\n"), error->message);
      return EXIT_FAILURE;
    }

  explicit_bzero (pin, strlen (pin));
  explicit_bzero (again, strlen (again));
  g_settings_sync ();
  g_print (_("The clinic PIN is set. Hold Ctrl+Alt+K for three seconds in the kiosk to enter it.\n"));
  return EXIT_SUCCESS;
}

static int
limber_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  LimberApplication *self = LIMBER_APPLICATION (application);
  const char *plan_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "Limber", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "set-kiosk-pin"))
    return set_kiosk_pin ();

  g_clear_pointer (&self->catalog_path, g_free);
  g_variant_dict_lookup (options, "catalog", "^ay", &self->catalog_path);
  self->kiosk = g_variant_dict_contains (options, "kiosk");

  if (g_variant_dict_lookup (options, "import-plan", "^&ay", &plan_path))
    return import_plan (self, plan_path);

  return G_APPLICATION_CLASS (limber_application_parent_class)->handle_local_options (application, options);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *application = user_data;
  static const char *developers[] = { "The Limber developers", NULL };

  limber_compat_present_about (GTK_WIDGET (gtk_application_get_active_window (application)),
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
  static const char *plan_accels[] = { "<Primary>comma", NULL };
  static const char *history_accels[] = { "<Primary>h", NULL };

  G_APPLICATION_CLASS (limber_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-plan", plan_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-history", history_accels);
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
    { "import-plan", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Make the plan in FILE your plan, then quit"), N_("FILE") },
    { "kiosk", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Run as a clinic kiosk: a fullscreen slideshow that passers-by cannot close"), NULL },
    { "set-kiosk-pin", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Set the clinic PIN that leaves kiosk mode, then quit"), NULL },
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
