/* window-helpers.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "limber-compat.h"
#include "limber-test-backend.h"
#include "limber-window-private.h"
#include "window-helpers.h"

/* Not unique, so that tests never meet another instance on the bus. */
LimberApplication *
register_test_application (void)
{
  LimberApplication *application = limber_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  return application;
}

guint
limber_test_slowdown (void)
{
  const char *value = g_getenv ("LIMBER_TEST_SLOWDOWN");
  guint64 slowdown = value != NULL ? g_ascii_strtoull (value, NULL, 10) : 1;

  return (guint) CLAMP (slowdown, 1, 20);
}

static gboolean
on_wait_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, on_wait_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Gave up waiting for %s", what);

  g_source_remove (timeout_id);
}

static gboolean
window_is_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* Waits for a presented @window to be on screen with the keyboard focus. */
void
focus_window (LimberWindow *window)
{
  GdkSurface *surface;

  wait_until (window_is_mapped, window, "the window to be mapped");

  /* Without a window manager nothing gives the new window the keyboard. With
   * one, the window may not be viewable yet, and the manager focuses it. */
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  gdk_x11_display_error_trap_push (gdk_surface_get_display (surface));
  XSetInputFocus (gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface)),
                  gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  gdk_x11_display_error_trap_pop_ignored (gdk_surface_get_display (surface));
  wait_until (window_is_active, window, "the window to take the keyboard focus");
}

LimberWindow *
open_window_with_plan (GtkApplication *application,
                       LimberPlan     *plan)
{
  LimberWindow *window = limber_window_new (application, plan);

  gtk_window_present (GTK_WINDOW (window));
  focus_window (window);

  return window;
}

/* A window on @catalog with a plan of its own, in memory; with no catalog,
 * a window that has none to show. */
LimberWindow *
open_window (GtkApplication *application,
             LimberCatalog  *catalog)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(LimberPlan) plan = NULL;

  if (catalog == NULL)
    return open_window_with_plan (application, NULL);

  settings = limber_test_settings_new (NULL);
  plan = limber_plan_new (catalog, settings);
  return open_window_with_plan (application, plan);
}

void
close_window (LimberWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_destroy (GTK_WINDOW (window));
  while (window != NULL)
    g_main_context_iteration (NULL, FALSE);
}

static void
fake_key (Display *display,
          KeySym   keysym,
          Bool     pressed)
{
  KeyCode keycode = XKeysymToKeycode (display, keysym);

  g_assert_cmpuint (keycode, !=, 0);
  XTestFakeKeyEvent (display, keycode, pressed, CurrentTime);
}

/* Keys pressed in order, or released in reverse, through the X server;
 * @keysyms ends with NoSymbol. */
void
hold_keys (LimberWindow *window,
           const KeySym *keysyms,
           gboolean      down)
{
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));
  guint n = 0;

  while (keysyms[n] != NoSymbol)
    n++;

  for (guint i = 0; i < n; i++)
    fake_key (display, keysyms[down ? i : n - 1 - i], down);
  XFlush (display);
}

/* A real chord, as a keyboard would make it: all down, then all up. */
void
press_keys (LimberWindow *window,
            const KeySym *keysyms)
{
  hold_keys (window, keysyms, TRUE);
  hold_keys (window, keysyms, FALSE);
}

/* @keysym with @modifier (or NoSymbol) held down. */
static void
press_key_with (LimberWindow *window,
                KeySym        modifier,
                KeySym        keysym)
{
  KeySym keys[] = { modifier, keysym, NoSymbol };

  press_keys (window, modifier != NoSymbol ? keys : keys + 1);
}

void
press_key (LimberWindow *window,
           KeySym        keysym)
{
  press_key_with (window, NoSymbol, keysym);
}

void
press_control_key (LimberWindow *window,
                   KeySym        keysym)
{
  press_key_with (window, XK_Control_L, keysym);
}
/* A SlideTarget reached: the window says so and the carousel has stopped. */
gboolean
carousel_settled_at (gpointer data)
{
  SlideTarget *target = data;
  AdwCarousel *carousel = limber_window_get_carousel (target->window);

  return limber_window_get_current_index (target->window) == target->index &&
         G_APPROX_VALUE (adw_carousel_get_position (carousel), (double)target->index, DBL_EPSILON);
}

/* The first widget of @type under @root, @root included, depth first: the
 * tests find what a person sees in the tree, not through a getter. */
GtkWidget *
find_widget_of_type (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first button, or other actionable widget, under @root that does @action_name. */
GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action_name)
{
  if (GTK_IS_ACTIONABLE (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* For the tests about the user's language: GTK in the locale of the
 * environment (LC_ALL, LANGUAGE), set before GTK starts, as main() does,
 * where gtk_test_init() would fix en_US.UTF-8 first. GTK 4.24 takes the
 * default language, and from it the text direction, once, at start-up.
 * Limber's translations are the build tree's. */
void
init_in_user_locale (int    *argc,
                     char ***argv)
{
  g_assert_nonnull (setlocale (LC_ALL, ""));
  g_test_init (argc, argv, NULL);
  gtk_init ();
  gtk_widget_set_default_direction (gtk_get_locale_direction ());
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LIMBER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* As main() does: ngettext() looks in the default domain. */
  textdomain (GETTEXT_PACKAGE);
}

/* The labels under @root that say @text, shown or not. */
guint
count_labels (GtkWidget  *root,
              const char *text)
{
  guint n = GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);

  return n;
}

/* A label under @root, on screen, other than @besides, whose text is
 * @text (@whole) or has it. */
static GtkWidget *
find_shown_label (GtkWidget  *root,
                  const char *text,
                  gboolean    whole,
                  GtkWidget  *besides)
{
  if (GTK_IS_LABEL (root) && root != besides && gtk_widget_get_mapped (root))
    {
      const char *shown = gtk_label_get_text (GTK_LABEL (root));

      if (whole ? g_str_equal (shown, text) : strstr (shown, text) != NULL)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown_label (child, text, whole, besides);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The keyboard shortcuts on screen, as a person sees them: the Exercises
 * group with its first shortcut, in a window of their own (GtkShortcutsWindow)
 * or a dialog in the main window (AdwShortcutsDialog, libadwaita 1.8). The
 * tests run untranslated. */
gboolean
shortcuts_are_shown (gpointer unused)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (find_shown_label (toplevel, "Exercises", TRUE, NULL) != NULL &&
          find_shown_label (toplevel, "Previous exercise", TRUE, NULL) != NULL)
        return TRUE;
    }

  return FALSE;
}

gboolean
shortcuts_are_hidden (gpointer unused)
{
  return !shortcuts_are_shown (NULL);
}

/* Whether the action that shows the shortcuts, the application's or the
 * window's (limber_compat_shortcuts_action()), is there and enabled. */
gboolean
shortcuts_action_enabled (LimberWindow *window)
{
  const char *action = limber_compat_shortcuts_action ();
  GActionGroup *group = g_str_has_prefix (action, "app.")
                          ? G_ACTION_GROUP (gtk_window_get_application (GTK_WINDOW (window)))
                          : G_ACTION_GROUP (window);

  return g_action_group_get_action_enabled (group, strchr (action, '.') + 1);
}

/* A dialog as a screen reader announces one, whatever its class: an
 * AdwMessageDialog (a window) or an AdwAlertDialog (in the window). */
static gboolean
is_dialog (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  return role == GTK_ACCESSIBLE_ROLE_DIALOG || role == GTK_ACCESSIBLE_ROLE_ALERT_DIALOG;
}

/* On screen over @window: inside it, or in a window of its own that belongs
 * to it, as dialogs are before libadwaita 1.5. */
gboolean
is_shown_over (GtkWidget    *widget,
               LimberWindow *window)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return gtk_widget_get_mapped (widget) &&
         (root == GTK_ROOT (window) ||
          (GTK_IS_WINDOW (root) && gtk_window_get_transient_for (GTK_WINDOW (root)) == GTK_WINDOW (window)));
}

typedef struct
{
  LimberWindow *window;
  const char   *heading;
  const char   *body_part;
  GtkWidget    *found;
} DialogSearch;

static void
search_dialog (GtkWidget    *widget,
               DialogSearch *search)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), search->heading))
    {
      GtkWidget *dialog = widget;

      while (dialog != NULL && !is_dialog (dialog))
        dialog = gtk_widget_get_parent (dialog);
      if (dialog != NULL && is_shown_over (dialog, search->window) &&
          find_shown_label (dialog, search->body_part, FALSE, widget) != NULL)
        {
          search->found = dialog;
          return;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && search->found == NULL;
       child = gtk_widget_get_next_sibling (child))
    search_dialog (child, search);
}

static gboolean
dialog_shown (gpointer data)
{
  DialogSearch *search = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && search->found == NULL; i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      search_dialog (toplevel, search);
    }

  return search->found != NULL;
}

/* Waits for a dialog over @window, on screen, whose heading is @heading and
 * which says @body_part below it; whichever class the compat layer picked.
 * Returns: the dialog, for limber_compat_close_dialog() */
GtkWidget *
wait_for_dialog (LimberWindow *window,
                 const char   *heading,
                 const char   *body_part)
{
  DialogSearch search = { window, heading, body_part, NULL };
  g_autofree char *what = g_strdup_printf ("a dialog “%s” over the window", heading);

  wait_until (dialog_shown, &search, what);
  return search.found;
}
