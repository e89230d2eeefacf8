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
#include "limber-plan-printer.h"
#include "limber-preferences-dialog.h"
#include "limber-reminder.h"
#include "limber-window.h"

struct _LimberApplication
{
  AdwApplication  parent_instance;

  /* The one GSettings of Limber's schema: the plan, the window and all that
   * they make read and write it (see limber_application_get_settings()). */
  GSettings      *settings;
  /* The catalog the window shows; NULL for the built-in one. */
  GFile          *catalog_file;
  /* --kiosk was given to this instance, at its start or since. */
  gboolean        kiosk;
  /* The last print dialog's choices, for the next one. */
  GtkPrintSettings *print_settings;
  LimberReminder *reminder;
  GtkWidget      *preferences;
};

G_DEFINE_FINAL_TYPE (LimberApplication, limber_application, ADW_TYPE_APPLICATION)

/* To the terminal that gave the command, which may be another process's. */
G_GNUC_PRINTF (2, 3)
static void
print_error (GApplicationCommandLine *command_line,
             const char              *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (command_line != NULL)
    g_application_command_line_printerr (command_line, "%s", message);
  else
    g_printerr ("%s", message);
}

static LimberPlan *
load_plan (LimberApplication  *self,
           GFile              *catalog_file,
           GError            **error)
{
  g_autoptr(LimberCatalog) catalog = NULL;

  catalog = catalog_file != NULL ? limber_catalog_new_from_file (catalog_file, error)
                                 : limber_catalog_new_default (error);
  if (catalog == NULL)
    return NULL;

  return limber_plan_new (catalog, limber_application_get_settings (self));
}

/* The one main window; About and the dialogs are windows too, before
 * libadwaita 1.5. */
static LimberWindow *
find_window (LimberApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (LIMBER_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* Read from the settings each time: a clinic's dconf can set it. */
static gboolean
wants_kiosk (LimberApplication *self)
{
  return self->kiosk || g_settings_get_boolean (limber_application_get_settings (self), "kiosk-mode");
}

/* A kiosk shows one window: About, My Plan and every dialog go. */
static void
close_other_windows (GtkWindow *keep)
{
  GList *toplevels = gtk_window_list_toplevels ();

  /* Destroying one window can destroy the others it owns. */
  for (GList *l = toplevels; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != keep && gtk_widget_get_visible (l->data))
      gtk_window_destroy (l->data);
  g_list_free_full (toplevels, g_object_unref);
}

static void
lock_window (LimberApplication *self,
             LimberWindow      *window)
{
  /* On libadwaita 1.5 and later About, Preferences and My Plan are inside
   * the window, not windows of their own. */
  limber_compat_close_dialogs_in (GTK_WINDOW (window));
  close_other_windows (GTK_WINDOW (window));
  limber_window_set_kiosk (window, TRUE);
}

/* Neither Preferences nor a reminder's session in the kiosk. */
static void
update_actions (LimberApplication *self)
{
  LimberWindow *window = find_window (self);
  gboolean kiosk = window != NULL ? limber_window_get_kiosk (window) : wants_kiosk (self);
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !kiosk);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "start-session");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !kiosk);
  /* Printing needs a plan, and a kiosk prints nothing. */
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "print");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               window != NULL && limber_window_get_plan (window) != NULL && !kiosk);
}

/* A session started, by the reminder or not: its reminder has done its job. */
static void
on_session_active (LimberApplication *self,
                   GParamSpec        *pspec,
                   LimberWindow      *window)
{
  if (limber_window_get_session_active (window) && self->reminder != NULL)
    limber_reminder_withdraw (self->reminder);
}

/* Every main window, also one made elsewhere than open_window(). */
static void
on_window_added (LimberApplication *self,
                 GtkWindow         *window)
{
  if (!LIMBER_IS_WINDOW (window))
    return;

  g_signal_connect_object (window, "notify::session-active", G_CALLBACK (on_session_active), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "notify::kiosk", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/* Kiosk mode is decided, and on, before the catalog can fail: a bad one is
 * shown inside the locked kiosk, never in an ordinary window. */
static LimberWindow *
open_window (LimberApplication       *self,
             gboolean                 kiosk,
             GApplicationCommandLine *command_line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberPlan) plan = NULL;
  LimberWindow *window;

  plan = load_plan (self, self->catalog_file, &error);
  window = limber_window_new (GTK_APPLICATION (self), plan);
  if (kiosk)
    lock_window (self, window);

  if (plan == NULL)
    {
      /* Translators: %s says which file and what is wrong with it */
      print_error (command_line, _("The exercises could not be loaded: %s\n"), error->message);
      limber_window_show_catalog_error (window, error);
    }

  limber_first_frame_watch (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
limber_application_activate (GApplication *application)
{
  LimberApplication *self = LIMBER_APPLICATION (application);
  LimberWindow *window = find_window (self);

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
  else
    open_window (self, wants_kiosk (self), NULL);
}

/* `--catalog` for an instance that runs already: the window is made again
 * on the new catalog, and stays a kiosk if it was one. A catalog that does
 * not load leaves the exercises on screen as they were. */
static gboolean
change_catalog (LimberApplication       *self,
                LimberWindow            *window,
                GFile                   *catalog_file,
                GApplicationCommandLine *command_line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberPlan) plan = load_plan (self, catalog_file, &error);
  gboolean kiosk;

  if (plan == NULL && limber_window_get_plan (window) != NULL)
    {
      print_error (command_line, _("The exercises could not be loaded: %s\n"), error->message);
      print_error (command_line, _("Limber goes on showing the exercises it had.\n"));
      return FALSE;
    }

  g_set_object (&self->catalog_file, catalog_file);
  kiosk = wants_kiosk (self) || limber_window_get_kiosk (window);

  /* The old window gives its lock-down back before the new one takes it,
   * with no main loop turn in between. */
  g_application_hold (G_APPLICATION (self));
  close_other_windows (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (window));
  open_window (self, kiosk, command_line);
  g_application_release (G_APPLICATION (self));

  return plan != NULL;
}

/* `limber --import-plan FILE`, for a clinic's scripts: all of the file or
 * nothing, applied by the instance that owns the plan, which may be
 * another process. */
static int
import_plan (LimberApplication       *self,
             GApplicationCommandLine *command_line,
             GFile                   *catalog_file,
             const char              *path)
{
  g_autoptr(LimberPlan) plan = NULL;
  g_autoptr(LimberPlanFile) plan_file = NULL;
  g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, path);
  g_autoptr(GError) error = NULL;

  plan = load_plan (self, catalog_file != NULL ? catalog_file : self->catalog_file, &error);
  if (plan != NULL)
    plan_file = limber_plan_file_new_from_file (limber_plan_get_catalog (plan), file, &error);

  if (plan_file == NULL || !limber_plan_file_apply (plan_file, plan, &error))
    {
      /* Translators: the first %s is a file name, the second what is wrong with it */
      print_error (command_line, _("The plan “%s” was not imported: %s\n"), path, error->message);
      return EXIT_FAILURE;
    }

  /* Translators: %s is a file name */
  g_application_command_line_print (command_line, _("Imported the plan “%s”.\n"), path);
  return EXIT_SUCCESS;
}

/* `limber --print-plan FILE.pdf`, for a clinic's scripts: the plan as the
 * instance that owns it has it, written without a window. */
static int
print_plan (LimberApplication       *self,
            GApplicationCommandLine *command_line,
            GFile                   *catalog_file,
            const char              *path,
            gboolean                 with_history)
{
  g_autoptr(LimberPlan) plan = NULL;
  g_autoptr(LimberSessionLog) log = NULL;
  g_autoptr(LimberPlanPrinter) printer = NULL;
  g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, path);
  g_autoptr(GError) error = NULL;
  LimberWindow *window = find_window (self);

  plan = load_plan (self, catalog_file != NULL ? catalog_file : self->catalog_file, &error);
  if (plan == NULL)
    {
      print_error (command_line, _("The exercises could not be loaded: %s\n"), error->message);
      return EXIT_FAILURE;
    }

  /* The window's own history, if there is a window: one writer per file. */
  if (with_history)
    {
      if (window != NULL && limber_window_get_session_log (window) != NULL)
        log = g_object_ref (limber_window_get_session_log (window));
      else
        {
          g_autofree char *log_path = limber_session_log_dup_default_path ();

          log = limber_session_log_new (log_path);
        }
    }

  printer = limber_plan_printer_new (plan, log);
  limber_plan_printer_set_with_history (printer, with_history);
  if (!limber_plan_printer_export (printer, file, &error))
    {
      /* Translators: the first %s is a file name, the second what went wrong */
      print_error (command_line, _("The plan was not printed to “%s”: %s\n"), path, error->message);
      return EXIT_FAILURE;
    }

  /* Translators: %s is a file name */
  g_application_command_line_print (command_line, _("Printed the plan to “%s”.\n"), path);
  return EXIT_SUCCESS;
}

/* In the primary instance, for its own command line and every later one. */
static int
limber_application_command_line (GApplication            *application,
                                 GApplicationCommandLine *command_line)
{
  LimberApplication *self = LIMBER_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_auto(GStrv) arguments = g_application_command_line_get_arguments (command_line, NULL);
  g_autoptr(GFile) catalog_file = NULL;
  const char *path = NULL;
  LimberWindow *window;
  int status = EXIT_SUCCESS;

  if (arguments[0] != NULL && arguments[1] != NULL)
    {
      /* Translators: %s is what was given; keep the option names */
      print_error (command_line, _("Limber does not open “%s”: give a catalog with --catalog FILE, "
                                   "or a plan with --import-plan FILE.\n"), arguments[1]);
      return EXIT_FAILURE;
    }

  if (g_variant_dict_lookup (options, "catalog", "^&ay", &path))
    catalog_file = g_application_command_line_create_file_for_arg (command_line, path);

  if (g_variant_dict_lookup (options, "print-plan", "^&ay", &path))
    return print_plan (self, command_line, catalog_file, path, g_variant_dict_contains (options, "with-history"));

  if (g_variant_dict_lookup (options, "import-plan", "^&ay", &path))
    return import_plan (self, command_line, catalog_file, path);

  if (g_variant_dict_contains (options, "kiosk"))
    self->kiosk = TRUE;

  window = find_window (self);
  if (window == NULL)
    {
      g_set_object (&self->catalog_file, catalog_file);
      window = open_window (self, wants_kiosk (self), command_line);
      return limber_window_get_plan (window) != NULL ? EXIT_SUCCESS : EXIT_FAILURE;
    }

  /* The kiosk first, whatever becomes of the catalog. */
  if (g_variant_dict_contains (options, "kiosk"))
    lock_window (self, window);

  if (catalog_file != NULL && !change_catalog (self, window, catalog_file, command_line))
    status = EXIT_FAILURE;

  gtk_window_present (GTK_WINDOW (find_window (self)));
  return status;
}

/* A line from the terminal, not echoed when it is one. */
static char *
read_secret (const char *prompt)
{
  gboolean terminal = isatty (STDIN_FILENO);
  struct termios saved, quiet;
  char line[64] = "";
  char *newline;
  char *secret;

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

  secret = g_strdup (line);
  explicit_bzero (line, sizeof line);
  return secret;
}

/* `limber --set-kiosk-pin`: asked twice, never on the command line, where
 * other users could read it. Digits of any script count, and two spellings
 * of the same digits are the same PIN. */
static int
set_kiosk_pin (LimberApplication *self)
{
  GSettings *settings = limber_application_get_settings (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberKioskPinSecret) typed = NULL;
  g_autoptr(LimberKioskPinSecret) typed_again = NULL;
  g_autoptr(LimberKioskPinSecret) pin = NULL;
  g_autoptr(LimberKioskPinSecret) again = NULL;
  g_autofree char *prompt = NULL;

  /* Translators: %d and %d are the fewest and most digits of a PIN */
  prompt = g_strdup_printf (_("New clinic PIN (%d to %d digits): "), LIMBER_KIOSK_PIN_MIN_DIGITS,
                            LIMBER_KIOSK_PIN_MAX_DIGITS);
  typed = read_secret (prompt);
  typed_again = read_secret (_("The same PIN again: "));
  pin = limber_kiosk_pin_normalize (typed);
  again = limber_kiosk_pin_normalize (typed_again);

  if (g_strcmp0 (pin != NULL ? pin : typed, again != NULL ? again : typed_again) != 0)
    {
      g_printerr (_("The two PINs are not the same; the PIN was not changed.\n"));
      return EXIT_FAILURE;
    }

  if (!limber_kiosk_pin_store (settings, typed, &error))
    {
      /* Translators: %s says what is wrong */
      g_printerr (_("The PIN was not changed: %s.\n"), error->message);
      return EXIT_FAILURE;
    }

  g_settings_sync ();
  g_print (_("The clinic PIN is set. Hold Ctrl+Alt+K for three seconds in the kiosk to enter it.\n"));
  return EXIT_SUCCESS;
}

/* What needs no running instance, and what no instance could do. */
static int
limber_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "Limber", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "set-kiosk-pin"))
    return set_kiosk_pin (LIMBER_APPLICATION (application));

  if (g_variant_dict_contains (options, "import-plan") && g_variant_dict_contains (options, "kiosk"))
    {
      g_printerr (_("--import-plan imports and quits, so it cannot go with --kiosk.\n"));
      return EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "print-plan") &&
      (g_variant_dict_contains (options, "kiosk") || g_variant_dict_contains (options, "import-plan")))
    {
      g_printerr (_("--print-plan prints and quits, so it cannot go with --kiosk or --import-plan.\n"));
      return EXIT_FAILURE;
    }

  if (g_variant_dict_contains (options, "with-history") && !g_variant_dict_contains (options, "print-plan"))
    {
      g_printerr (_("--with-history adds the history to --print-plan, and goes only with it.\n"));
      return EXIT_FAILURE;
    }

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

/* The window there is, or one made the way activation makes it: the
 * reminder's Start may be what starts Limber. */
static LimberWindow *
present_window (LimberApplication *self)
{
  LimberWindow *window = find_window (self);

  if (window == NULL)
    return open_window (self, wants_kiosk (self), NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
start_session_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  LimberApplication *self = user_data;
  LimberWindow *window = present_window (self);

  if (!limber_window_get_kiosk (window) && !limber_window_get_session_active (window))
    gtk_widget_activate_action (GTK_WIDGET (window), "session.start", NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  LimberApplication *self = user_data;
  LimberWindow *window = present_window (self);
  GtkWidget *dialog;

  if (limber_window_get_kiosk (window))
    return;

  if (self->preferences != NULL)
    limber_compat_close_dialog (self->preferences);

  dialog = limber_preferences_dialog_new (limber_application_get_settings (self), self->reminder);
  g_set_weak_pointer (&self->preferences, dialog);
  limber_compat_preferences_present (LIMBER_COMPAT_PREFERENCES (dialog), GTK_WIDGET (window));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               LimberApplication       *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
}

/* The print dialog for the window's plan, on top of whichever window is
 * active (My Plan, History…). */
static void
print_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  LimberApplication *self = user_data;
  LimberWindow *window = find_window (self);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(LimberPlanPrinter) printer = NULL;

  if (window == NULL || limber_window_get_plan (window) == NULL || limber_window_get_kiosk (window))
    return;

  printer = limber_plan_printer_new (limber_window_get_plan (window), limber_window_get_session_log (window));
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (printer), self->print_settings);
  g_signal_connect_object (printer, "done", G_CALLBACK (on_print_done), self, 0);
  limber_plan_printer_present (printer, parent != NULL ? parent : GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = about_activated },
  { .name = "print", .activate = print_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "start-session", .activate = start_session_activated },
  { .name = "quit", .activate = quit_activated },
};

static void
limber_application_startup (GApplication *application)
{
  LimberApplication *self = LIMBER_APPLICATION (application);
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *preferences_accels[] = { "<Primary>comma", NULL };
  static const char *plan_accels[] = { "<Primary>m", NULL };
  static const char *history_accels[] = { "<Primary>h", NULL };
  static const char *print_accels[] = { "<Primary>p", NULL };

  G_APPLICATION_CLASS (limber_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.print", print_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-plan", plan_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-history", history_accels);

  /* Also when Limber starts hidden, at login, for the reminder alone. */
  self->reminder = limber_reminder_new (application, limber_application_get_settings (self));
  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added), NULL);
  g_signal_connect (application, "window-removed", G_CALLBACK (update_actions), NULL);
  update_actions (self);
}

static void
limber_application_shutdown (GApplication *application)
{
  LimberApplication *self = LIMBER_APPLICATION (application);

  g_clear_object (&self->reminder);

  G_APPLICATION_CLASS (limber_application_parent_class)->shutdown (application);
}

static void
limber_application_finalize (GObject *object)
{
  LimberApplication *self = (LimberApplication *)object;

  g_clear_object (&self->catalog_file);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->reminder);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->preferences);

  G_OBJECT_CLASS (limber_application_parent_class)->finalize (object);
}

static void
limber_application_class_init (LimberApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = limber_application_finalize;

  application_class->activate = limber_application_activate;
  application_class->command_line = limber_application_command_line;
  application_class->startup = limber_application_startup;
  application_class->shutdown = limber_application_shutdown;
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
    { "print-plan", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Write your plan to FILE as a PDF, then quit"), N_("FILE") },
    { "with-history", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --print-plan, add the sessions of the last four weeks"), NULL },
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
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * limber_application_get_settings:
 *
 * The one place Limber's settings are opened, once, when first needed (not
 * for `--version`). Tests make their own and hand them to what they test.
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
limber_application_get_settings (LimberApplication *self)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APPLICATION_ID);

  return self->settings;
}
