/* limber-compat.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-compat"

/* The rest of Limber is held to its floors (meson.build); this file alone is
 * built against the versions it finds, so that each branch below is checked
 * against its own platform, deprecations included. */
#undef GDK_VERSION_MIN_REQUIRED
#undef GDK_VERSION_MAX_ALLOWED
#undef ADW_VERSION_MIN_REQUIRED
#undef ADW_VERSION_MAX_ALLOWED

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-compat.h"

/**
 * limber_compat_present_message:
 *
 * Returns: (transfer none): the dialog, with a single Close response
 */
GtkWidget *
limber_compat_present_message (GtkWidget  *parent,
                               const char *heading,
                               const char *body)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, parent);
  return GTK_WIDGET (dialog);
#else
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
#endif
}

#if !ADW_CHECK_VERSION (1, 5, 0)
/* libadwaita 1.2 leaves its scrolled windows nameless, and a screen reader
 * announces them as nothing at all. */
static void
name_scrolled_windows (GtkWidget  *widget,
                       const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SCROLLED_WINDOW (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      name_scrolled_windows (child, name);
    }
}
#endif

/**
 * limber_compat_present_preferences:
 *
 * Returns: (transfer none): the preferences window or dialog showing @page
 */
GtkWidget *
limber_compat_present_preferences (GtkWidget          *parent,
                                   AdwPreferencesPage *page)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *dialog = adw_preferences_dialog_new ();

  /* Its own name, not the default "Preferences" (to a screen reader too), and no search for one page. */
  adw_dialog_set_title (dialog, adw_preferences_page_get_title (page));
  adw_preferences_dialog_set_search_enabled (ADW_PREFERENCES_DIALOG (dialog), FALSE);
  adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (dialog), page);
  adw_dialog_present (dialog, parent);
  return GTK_WIDGET (dialog);
#else
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (parent));
  int width, height;

  /* No larger than the window it belongs to, which on a small screen is as
   * large as the screen: AdwDialog does the same on newer libadwaita. */
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  if (gtk_widget_get_width (root) > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), MIN (width, gtk_widget_get_width (root)),
                                 MIN (height, gtk_widget_get_height (root)));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_title (GTK_WINDOW (window), adw_preferences_page_get_title (page));
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), page);
  name_scrolled_windows (window, adw_preferences_page_get_title (page));
  gtk_window_present (GTK_WINDOW (window));
  return window;
#endif
}

/**
 * limber_compat_present_about:
 * @parent: (nullable): what the about window belongs to, if anything
 * @first_property: properties common to AdwAboutWindow and AdwAboutDialog
 *
 * Returns: (transfer none): the about window or dialog
 */
GtkWidget *
limber_compat_present_about (GtkWidget  *parent,
                             const char *first_property,
                             ...)
{
  GtkWidget *about;
  va_list args;

  va_start (args, first_property);
#if ADW_CHECK_VERSION (1, 5, 0)
  about = GTK_WIDGET (g_object_new_valist (ADW_TYPE_ABOUT_DIALOG, first_property, args));
  va_end (args);
  adw_dialog_present (ADW_DIALOG (about), parent);
#else
  about = GTK_WIDGET (g_object_new_valist (ADW_TYPE_ABOUT_WINDOW, first_property, args));
  va_end (args);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), GTK_WINDOW (gtk_widget_get_root (parent)));
  gtk_window_present (GTK_WINDOW (about));
#endif

  return about;
}

typedef struct
{
  int             wide_from;
  LimberWidthFunc func;
  gpointer        user_data;
  int             wide;
} WidthWatch;

#if ADW_CHECK_VERSION (1, 4, 0)
static void
on_breakpoint_apply (WidthWatch *watch)
{
  watch->func (FALSE, watch->user_data);
}

static void
on_breakpoint_unapply (WidthWatch *watch)
{
  watch->func (TRUE, watch->user_data);
}
#else
static void
on_surface_layout (GdkSurface *surface,
                   int         width,
                   int         height,
                   WidthWatch *watch)
{
  int wide = width >= watch->wide_from;

  if (wide != watch->wide)
    {
      watch->wide = wide;
      watch->func (wide, watch->user_data);
    }
}

static void
on_window_realize (GtkWidget  *window,
                   WidthWatch *watch)
{
  /* The surface's size is the window's, also fullscreen or maximized. */
  g_signal_connect (gtk_native_get_surface (GTK_NATIVE (window)), "layout", G_CALLBACK (on_surface_layout), watch);
}
#endif

/**
 * limber_compat_follow_width:
 * @wide_from: the narrowest width, in pixels, that is wide
 * @func: called at first (on libadwaita 1.2, wide unless the window's
 *   default width is narrower than @wide_from), then at every change
 *   between wide and narrow
 *
 * One switch between a narrow and a wide layout: an AdwBreakpoint where
 * libadwaita has them (1.4), the window's own size on libadwaita 1.2.
 */
void
limber_compat_follow_width (AdwApplicationWindow *window,
                            int                   wide_from,
                            LimberWidthFunc       func,
                            gpointer              user_data)
{
  WidthWatch *watch = g_new0 (WidthWatch, 1);
  int default_width = 0;
  G_GNUC_UNUSED int default_height;

#if !ADW_CHECK_VERSION (1, 4, 0)
  /* Start as the window will open: a window too narrow for the wide layout
   * could not shrink below that layout's minimum to find out. (A breakpoint
   * lets the window be narrower than its content's minimum, and applies
   * before the first frame.) */
  gtk_window_get_default_size (GTK_WINDOW (window), &default_width, &default_height);
#endif
  watch->wide_from = wide_from;
  watch->func = func;
  watch->user_data = user_data;
  watch->wide = default_width <= 0 || default_width >= wide_from;
  g_object_set_data_full (G_OBJECT (window), "limber-width-watch", watch, g_free);
  func (watch->wide, user_data);

#if ADW_CHECK_VERSION (1, 4, 0)
  {
    AdwBreakpoint *breakpoint =
      adw_breakpoint_new (adw_breakpoint_condition_new_length (ADW_BREAKPOINT_CONDITION_MAX_WIDTH, wide_from - 1,
                                                               ADW_LENGTH_UNIT_PX));

    g_signal_connect_swapped (breakpoint, "apply", G_CALLBACK (on_breakpoint_apply), watch);
    g_signal_connect_swapped (breakpoint, "unapply", G_CALLBACK (on_breakpoint_unapply), watch);
    adw_application_window_add_breakpoint (window, breakpoint);
  }
#else
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), watch);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_window_realize (GTK_WIDGET (window), watch);
#endif
}

/**
 * limber_compat_announce:
 *
 * Has a screen reader speak @message, where GTK can (4.14 and later).
 *
 * Returns: %FALSE where it cannot, so the caller can fall back
 */
gboolean
limber_compat_announce (GtkWidget  *widget,
                        const char *message)
{
#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_accessible_announce (GTK_ACCESSIBLE (widget), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
  return TRUE;
#else
  return FALSE;
#endif
}

/**
 * limber_compat_widget_get_scale:
 *
 * Returns: how many device pixels a logical pixel of @widget covers: the
 *   surface's fractional scale where GTK knows it (4.12 and later), else the
 *   whole-number scale factor
 */
double
limber_compat_widget_get_scale (GtkWidget *widget)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = native != NULL ? gtk_native_get_surface (native) : NULL;

  if (surface != NULL)
    return gdk_surface_get_scale (surface);
#endif

  return gtk_widget_get_scale_factor (widget);
}

typedef struct
{
  LimberFileChosenFunc callback;
  gpointer             user_data;
} FileChoice;

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_file_dialog_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autofree FileChoice *choice = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (GPOINTER_TO_INT (g_object_get_data (source, "limber-save")))
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);

  if (error != NULL && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_debug ("The file dialog failed: %s", error->message);

  choice->callback (file, choice->user_data);
}
#else
static void
on_file_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          gpointer         user_data)
{
  g_autofree FileChoice *choice = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  choice->callback (file, choice->user_data);
}
#endif

/**
 * limber_compat_choose_file:
 * @callback: called once, with the chosen file or %NULL if none was chosen
 *
 * @filter_name: what the files are called, such as “Limber plans”
 * @filter_pattern: their names, such as “*.plan”
 *
 * Asks for a file to open or save, through the file chooser portal where
 * there is one.
 */
void
limber_compat_choose_file (GtkWindow            *parent,
                           const char           *title,
                           gboolean              save,
                           const char           *suggested_name,
                           const char           *filter_name,
                           const char           *filter_pattern,
                           LimberFileChosenFunc  callback,
                           gpointer              user_data)
{
  FileChoice *choice = g_new0 (FileChoice, 1);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  choice->callback = callback;
  choice->user_data = user_data;

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, filter_pattern);

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_modal (dialog, TRUE);
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    g_object_set_data (G_OBJECT (dialog), "limber-save", GINT_TO_POINTER (save));

    if (save)
      {
        gtk_file_dialog_set_initial_name (dialog, suggested_name);
        gtk_file_dialog_save (dialog, parent, NULL, on_file_dialog_done, choice);
      }
    else
      gtk_file_dialog_open (dialog, parent, NULL, on_file_dialog_done, choice);
  }
#else
  {
    GtkFileChooserNative *chooser;

    chooser = gtk_file_chooser_native_new (title, parent,
                                           save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                           save ? _("_Export") : _("_Import"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    if (save && suggested_name != NULL)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);

    g_signal_connect (chooser, "response", G_CALLBACK (on_file_chooser_response), choice);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
#endif
}

/**
 * limber_compat_present_dialog:
 * @content: what the dialog shows under its header bar
 *
 * A dialog of Limber's own (AdwDialog where there is one, else a modal
 * window) at @width × @height, which Escape closes.
 *
 * Returns: (transfer none): the dialog or window
 */
GtkWidget *
limber_compat_present_dialog (GtkWidget  *parent,
                              const char *title,
                              GtkWidget  *content,
                              int         width,
                              int         height)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *dialog = adw_dialog_new ();
  GtkWidget *toolbar = adw_toolbar_view_new ();

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), adw_header_bar_new ());
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), content);
  adw_dialog_set_title (dialog, title);
  adw_dialog_set_content_width (dialog, width);
  adw_dialog_set_content_height (dialog, height);
  adw_dialog_set_child (dialog, toolbar);
  adw_dialog_present (dialog, parent);
  return GTK_WIDGET (dialog);
#else
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (parent)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  gtk_window_present (GTK_WINDOW (window));
  return window;
#endif
}

typedef struct
{
  LimberConfirmedFunc callback;
  gpointer            user_data;
} Confirmation;

/* Called once: at the response, or as cancelled if the dialog goes first. */
static void
answer_confirmation (Confirmation *confirmation,
                     gboolean      confirmed)
{
  LimberConfirmedFunc callback = g_steal_pointer (&confirmation->callback);

  if (callback != NULL)
    callback (confirmed, confirmation->user_data);
}

static void
free_confirmation (gpointer data)
{
  answer_confirmation (data, FALSE);
  g_free (data);
}

static void
on_confirm_response (GtkWidget    *dialog,
                     const char   *response,
                     Confirmation *confirmation)
{
  answer_confirmation (confirmation, g_strcmp0 (response, "confirm") == 0);
}

/**
 * limber_compat_confirm:
 * @confirm_label: the destructive button's label, such as “_Delete”
 * @callback: called once: confirmed, or cancelled (Cancel, Escape, or the
 *   dialog closed or destroyed without an answer)
 *
 * Asks before something that cannot be undone. Cancel is the default.
 *
 * Returns: (transfer none): the dialog; its responses are “cancel” and “confirm”
 */
GtkWidget *
limber_compat_confirm (GtkWidget           *parent,
                       const char          *heading,
                       const char          *body,
                       const char          *confirm_label,
                       LimberConfirmedFunc  callback,
                       gpointer             user_data)
{
  Confirmation *confirmation = g_new0 (Confirmation, 1);
  GtkWidget *dialog;

  confirmation->callback = callback;
  confirmation->user_data = user_data;

#if ADW_CHECK_VERSION (1, 5, 0)
  dialog = GTK_WIDGET (adw_alert_dialog_new (heading, body));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "confirm", confirm_label, NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "confirm", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_dialog_present (ADW_DIALOG (dialog), parent);
#else
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "confirm", confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_present (GTK_WINDOW (dialog));
#endif

  g_object_set_data_full (G_OBJECT (dialog), "limber-confirmation", confirmation, free_confirmation);
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response), confirmation);

  return dialog;
}

/**
 * limber_compat_close_dialog:
 * @dialog: one that limber_compat_present_message(), limber_compat_present_dialog()
 *   or limber_compat_confirm() made
 *
 * Closes @dialog without a response.
 */
void
limber_compat_close_dialog (GtkWidget *dialog)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  if (ADW_IS_DIALOG (dialog))
    {
      adw_dialog_force_close (ADW_DIALOG (dialog));
      return;
    }
#endif
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/**
 * limber_compat_close_dialogs_in:
 *
 * Closes, without a response, every dialog shown inside @window: About, My
 * Plan, Preferences and the rest, on libadwaita 1.5 and later. Before, each
 * is a window of its own, for the caller to close with the other windows.
 */
void
limber_compat_close_dialogs_in (GtkWindow *window)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  g_autoptr(GListModel) dialogs = NULL;
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_object_unref);

  if (ADW_IS_APPLICATION_WINDOW (window))
    dialogs = adw_application_window_get_dialogs (ADW_APPLICATION_WINDOW (window));
  else if (ADW_IS_WINDOW (window))
    dialogs = adw_window_get_dialogs (ADW_WINDOW (window));
  if (dialogs == NULL)
    return;

  /* Each one closed leaves the list: close them from a copy of it. */
  for (guint i = 0; i < g_list_model_get_n_items (dialogs); i++)
    g_ptr_array_add (open, g_list_model_get_item (dialogs, i));
  for (guint i = 0; i < open->len; i++)
    adw_dialog_force_close (g_ptr_array_index (open, i));
#endif
}

/**
 * limber_compat_set_accessible_label:
 * @widget: a row or group, or a control from limber_compat_switch_row_new()
 *   or limber_compat_spin_row_new()
 *
 * Names @widget @label to screen readers, in place of the title libadwaita
 * names its rows and groups by.
 */
void
limber_compat_set_accessible_label (GtkWidget  *widget,
                                    const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* Newer GTK names a widget by what it is labelled by, if anything, before
   * its label, and libadwaita labels rows and groups by their title. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
#if ADW_CHECK_VERSION (1, 4, 0)
  /* The focus goes to the spin button inside, which newer libadwaita labels
   * by the row's text. */
  if (ADW_IS_SPIN_ROW (widget))
    limber_compat_set_accessible_label (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (widget))), label);
#endif
}

/**
 * limber_compat_get_color:
 *
 * The foreground colour the style gives @widget, for drawing.
 */
void
limber_compat_get_color (GtkWidget *widget,
                         GdkRGBA   *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

/**
 * limber_compat_load_css:
 *
 * Replaces what @provider holds with the style sheet @css.
 */
void
limber_compat_load_css (GtkCssProvider *provider,
                        const char     *css)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (provider, css);
#else
  gtk_css_provider_load_from_data (provider, css, -1);
#endif
}

/**
 * limber_compat_shortcuts_action:
 *
 * The action that shows the keyboard shortcuts (Ctrl+?): AdwApplication's
 * app.shortcuts, for the shortcuts-dialog.ui that ships with libadwaita 1.8
 * and later; before, GtkApplicationWindow's win.show-help-overlay, for
 * gtk/help-overlay.ui (resources/meson.build ships one of the two).
 *
 * Returns: a detailed action name
 */
const char *
limber_compat_shortcuts_action (void)
{
#if ADW_CHECK_VERSION (1, 8, 0)
  return "app.shortcuts";
#else
  return "win.show-help-overlay";
#endif
}

#if ADW_CHECK_VERSION (1, 5, 0)
G_DEFINE_TYPE (LimberCompatPreferences, limber_compat_preferences, ADW_TYPE_PREFERENCES_DIALOG)
#else
G_DEFINE_TYPE (LimberCompatPreferences, limber_compat_preferences, ADW_TYPE_PREFERENCES_WINDOW)
#endif

static void
limber_compat_preferences_class_init (LimberCompatPreferencesClass *klass)
{
}

static void
limber_compat_preferences_init (LimberCompatPreferences *self)
{
}

/**
 * limber_compat_preferences_present:
 * @parent: the widget whose window the preferences belong to
 *
 * Shows @self over @parent's window: inside it, as a dialog, where there
 * are dialogs; else as a modal window, no wider than @parent's.
 */
void
limber_compat_preferences_present (LimberCompatPreferences *self,
                                   GtkWidget               *parent)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (ADW_DIALOG (self), parent);
#else
  GtkWindow *parent_window = GTK_WINDOW (gtk_widget_get_root (parent));
  int width = gtk_widget_get_width (GTK_WIDGET (parent_window));
  int height = gtk_widget_get_height (GTK_WIDGET (parent_window));

  gtk_window_set_transient_for (GTK_WINDOW (self), parent_window);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  /* As wide as libadwaita's own default, or as a narrow window. */
  gtk_window_set_default_size (GTK_WINDOW (self), width > 0 ? MIN (width, 640) : 640,
                               height > 0 ? MIN (height, 640) : 640);
  name_scrolled_windows (GTK_WIDGET (self), gtk_window_get_title (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (self));
#endif
}

/**
 * limber_compat_set_initial_focus:
 * @dialog: from limber_compat_present_preferences() or limber_compat_present_dialog()
 *
 * Where the keyboard starts in @dialog, in place of its first focusable
 * widget.
 */
void
limber_compat_set_initial_focus (GtkWidget *dialog,
                                 GtkWidget *widget)
{
#if ADW_CHECK_VERSION (1, 5, 0)
  if (ADW_IS_DIALOG (dialog))
    {
      adw_dialog_set_focus (ADW_DIALOG (dialog), widget);
      return;
    }
#endif
  gtk_window_set_focus (GTK_WINDOW (dialog), widget);
}

/**
 * limber_compat_add_toast:
 * @widget: inside a preferences window or dialog, or a toast overlay
 * @toast: (transfer full): the toast
 *
 * Shows @toast over the preferences @widget is in, or the nearest toast
 * overlay around it.
 *
 * Returns: whether there was a place to show it
 */
gboolean
limber_compat_add_toast (GtkWidget *widget,
                         AdwToast  *toast)
{
  GtkWidget *overlay;

#if ADW_CHECK_VERSION (1, 5, 0)
  GtkWidget *dialog = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_DIALOG);

  if (dialog != NULL)
    {
      adw_preferences_dialog_add_toast (ADW_PREFERENCES_DIALOG (dialog), toast);
      return TRUE;
    }
#else
  if (ADW_IS_PREFERENCES_WINDOW (gtk_widget_get_root (widget)))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (gtk_widget_get_root (widget)), toast);
      return TRUE;
    }
#endif

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_object_unref (toast);
      return FALSE;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  return TRUE;
}

#if !ADW_CHECK_VERSION (1, 4, 0)
static void
on_row_activated (AdwActionRow *row,
                  GtkWidget    *control)
{
  if (GTK_IS_SWITCH (control))
    gtk_switch_set_active (GTK_SWITCH (control), !gtk_switch_get_active (GTK_SWITCH (control)));
  else
    gtk_widget_grab_focus (control);
}

/* Clicking the row works the control, as adw_action_row_set_activatable_widget()
 * would; but that also labels the control with the row's title, and GTK 4.8
 * then reads both names ("Show Wall push-up Show"). */
static GtkWidget *
action_row_new (const char *title,
                GtkWidget  *control)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), control);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), control, 0);

  return row;
}
#endif

/**
 * limber_compat_switch_row_new:
 * @title: plain text
 * @out_control: (out) (optional) (transfer none): what has the #GtkSwitch:active
 *   boolean and is named to screen readers: the row itself (AdwSwitchRow,
 *   libadwaita 1.4), or the switch in the row
 *
 * Returns: (transfer floating): a row that switches something on and off
 */
GtkWidget *
limber_compat_switch_row_new (const char  *title,
                              GtkWidget  **out_control)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  GtkWidget *row = adw_switch_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (out_control != NULL)
    *out_control = row;
  return row;
#else
  GtkWidget *control = gtk_switch_new ();

  if (out_control != NULL)
    *out_control = control;
  return action_row_new (title, control);
#endif
}

/**
 * limber_compat_spin_row_new:
 * @title: plain text
 * @adjustment: the number's range
 * @out_control: (out) (optional) (transfer none): the #GtkEditable that shows the
 *   number, has the "numeric" and "wrap" properties and the "input" and
 *   "output" signals, and is named to screen readers: the row itself
 *   (AdwSpinRow, libadwaita 1.4), or the spin button in the row
 *
 * Returns: (transfer floating): a row for a whole number in @adjustment
 */
GtkWidget *
limber_compat_spin_row_new (const char     *title,
                            GtkAdjustment  *adjustment,
                            GtkWidget     **out_control)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  GtkWidget *row = adw_spin_row_new (adjustment, 1, 0);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_spin_row_set_numeric (ADW_SPIN_ROW (row), TRUE);
  if (out_control != NULL)
    *out_control = row;
  return row;
#else
  GtkWidget *control = gtk_spin_button_new (adjustment, 1, 0);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (control), TRUE);
  if (out_control != NULL)
    *out_control = control;
  return action_row_new (title, control);
#endif
}

