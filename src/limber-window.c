/* limber-window.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: its construction, properties and size kept between
 * runs, the kiosk switch and the page that says why a catalog could not be
 * loaded. Its other concerns are in limber-window-*.c around the one
 * struct in limber-window-internal.h.
 */

#define G_LOG_DOMAIN "limber-window"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-application.h"
#include "limber-compat.h"
#include "limber-slide.h"
#include "limber-window-internal.h"
#include "limber-window-private.h"

G_DEFINE_FINAL_TYPE (LimberWindow, limber_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_SETTINGS,
  PROP_KIOSK,
  PROP_SESSION_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The slides, the hidden count and the actions follow the kiosk in and out. */
static void
on_kiosk_active (LimberWindow *self)
{
  gboolean kiosk = limber_kiosk_controller_get_active (self->kiosk);

  _limber_window_set_listen_available (self, !kiosk);
  if (self->plan != NULL)
    _limber_window_update_hidden_count (self);
  _limber_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIOSK]);
}

static void
on_session_active (LimberWindow *self)
{
  _limber_window_on_session_active (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ACTIVE]);
}

/**
 * limber_window_set_kiosk:
 *
 * Turns the window into the clinic slideshow, or back. Leaving lasts for
 * this run only: the kiosk-mode setting is not changed.
 */
void
limber_window_set_kiosk (LimberWindow *self,
                         gboolean      kiosk)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));

  limber_kiosk_controller_set_active (self->kiosk, kiosk);
}

gboolean
limber_window_get_kiosk (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), FALSE);

  /* Not yet made while the template is being built. */
  return self->kiosk != NULL && limber_kiosk_controller_get_active (self->kiosk);
}

gboolean
limber_window_get_session_active (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), FALSE);

  return self->session != NULL && limber_session_controller_get_active (self->session);
}

static void
restore_window_state (LimberWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
limber_window_close_request (GtkWindow *window)
{
  LimberWindow *self = LIMBER_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (limber_window_parent_class)->close_request (window);
}

/* Below about 700 pixels, one column; wider, the picture beside the words. */
#define WIDE_FROM 700

static void
on_width (gboolean  wide,
          gpointer  user_data)
{
  LimberWindow *self = user_data;
  GHashTableIter iter;
  LimberSlide *slide;

  self->wide = wide;
  g_hash_table_iter_init (&iter, self->slides);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&slide))
    limber_slide_set_wide (slide, wide);
  if (self->session != NULL)
    limber_session_controller_set_wide (self->session, wide);
}

static void
limber_window_constructed (GObject *object)
{
  LimberWindow *self = (LimberWindow *)object;

  G_OBJECT_CLASS (limber_window_parent_class)->constructed (object);

  g_return_if_fail (self->settings != NULL);

  restore_window_state (self);

  if (self->plan != NULL)
    {
      self->introduction = g_strjoinv (" ", (GStrv)limber_catalog_get_introduction (limber_plan_get_catalog (self->plan)));
      _limber_window_navigation_setup (self);
      self->session = limber_session_controller_new (GTK_WIDGET (self), self->plan, self->stack,
                                                     self->session_bar_slot, self->toast_overlay);
      limber_session_controller_set_session_log (self->session, self->session_log);
      g_signal_connect_object (self->session, "notify::active", G_CALLBACK (on_session_active), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (limber_session_controller_get_session (self->session), "notify::exercise",
                               G_CALLBACK (_limber_window_on_session_exercise), self, G_CONNECT_SWAPPED);
      limber_compat_follow_width (ADW_APPLICATION_WINDOW (self), WIDE_FROM, on_width, self);
    }

  self->kiosk = limber_kiosk_controller_new (GTK_WINDOW (self), self->kiosk_overlay, self->header_bar,
                                             self->menu_button, self->session, self->plan, self->settings);
  g_signal_connect_object (self->kiosk, "notify::active", G_CALLBACK (on_kiosk_active), self, G_CONNECT_SWAPPED);

  _limber_window_update_actions (self);
}

static void
limber_window_dispose (GObject *object)
{
  LimberWindow *self = (LimberWindow *)object;

  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (limber_plan_get_shown_exercises (self->plan), self);
      g_signal_handlers_disconnect_by_data (self->plan, self);
    }

  g_clear_weak_pointer (&self->follow_up_dialog);
  g_clear_weak_pointer (&self->plan_dialog);
  g_clear_weak_pointer (&self->history_dialog);
  if (self->kiosk != NULL)
    g_signal_handlers_disconnect_by_data (self->kiosk, self);
  /* Before the session it runs: gives the lock-down back, stops the slideshow. */
  g_clear_object (&self->kiosk);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_WINDOW);
  g_clear_pointer (&self->slides, g_hash_table_unref);
  g_clear_pointer (&self->introduction, g_free);
  g_clear_object (&self->plan);
  g_clear_object (&self->settings);
  g_clear_object (&self->session_log);

  G_OBJECT_CLASS (limber_window_parent_class)->dispose (object);
}

static void
limber_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_KIOSK:
      g_value_set_boolean (value, limber_window_get_kiosk (self));
      break;
    case PROP_SESSION_ACTIVE:
      g_value_set_boolean (value, limber_window_get_session_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_KIOSK:
      limber_window_set_kiosk (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_window_class_init (LimberWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = limber_window_constructed;
  object_class->dispose = limber_window_dispose;
  object_class->get_property = limber_window_get_property;
  object_class->set_property = limber_window_set_property;

  window_class->close_request = limber_window_close_request;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, LIMBER_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Where the window keeps its size and the kiosk reads its settings: the
   * application's one GSettings, which the plan has too. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIOSK] =
    g_param_spec_boolean ("kiosk", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A session, or its summary, is on show. */
  properties[PROP_SESSION_ACTIVE] =
    g_param_spec_boolean ("session-active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/limber-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, kiosk_overlay);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, session_bar_slot);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, carousel);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_file_caption);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_file_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_line_caption);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_line_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_exercise_caption);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_exercise_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_field_caption);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_field_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_reason_caption);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_reason_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, hidden_revealer);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, hidden_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, previous_button);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, next_button);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_carousel_page_changed",
                                                G_CALLBACK (_limber_window_on_carousel_page_changed));

  _limber_window_class_actions_init (widget_class);
}

/* AdwStatusPage scrolls its content in a focusable scrolled window with no
 * name; a screen reader would announce it as nothing at all. */
static void
name_status_page_scroller (AdwStatusPage *page)
{
  GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (page));

  if (GTK_IS_SCROLLED_WINDOW (scroller))
    gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_status_page_get_title (page), -1);
}

/* The menu's Keyboard Shortcuts names GtkApplicationWindow's action for
 * the shortcuts window; where libadwaita shows its shortcuts dialog instead,
 * the item names that one's action. */
static void
name_shortcuts_item (GMenuModel *menu)
{
  const char *action = limber_compat_shortcuts_action ();

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *name = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (section != NULL)
        {
          name_shortcuts_item (section);
          continue;
        }
      if (!G_IS_MENU (menu)
          || !g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          || !g_str_equal (name, "win.show-help-overlay") || g_str_equal (name, action))
        continue;

      item = g_menu_item_new_from_model (menu, i);
      g_menu_item_set_action_and_target_value (item, action, NULL);
      g_menu_remove (G_MENU (menu), i);
      g_menu_insert_item (G_MENU (menu), i, item);
    }
}

static void
limber_window_init (LimberWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* A development build says so, as GNOME apps do: a striped header bar. */
  if (DEVELOPMENT_PROFILE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->slides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->session_log = limber_session_log_new (NULL);

  name_status_page_scroller (self->empty_page);
  name_status_page_scroller (self->error_page);
  name_shortcuts_item (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (self->menu_button)));
  _limber_window_navigation_init (self);
}

/**
 * limber_window_new:
 * @application: a #LimberApplication, whose one GSettings the window keeps
 *   its size in and reads the kiosk's settings from
 * @plan: (nullable): the plan to show, or %NULL when the catalog could not be
 *   loaded (then call limber_window_show_catalog_error())
 */
LimberWindow *
limber_window_new (GtkApplication *application,
                   LimberPlan     *plan)
{
  g_return_val_if_fail (LIMBER_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (plan == NULL || LIMBER_IS_PLAN (plan), NULL);

  return g_object_new (LIMBER_TYPE_WINDOW,
                       "application", application,
                       "settings", limber_application_get_settings (LIMBER_APPLICATION (application)),
                       "plan", plan,
                       NULL);
}

LimberPlan *
limber_window_get_plan (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  return self->plan;
}

static void
show_error_detail (GtkWidget  *caption,
                   GtkLabel   *label,
                   const char *text)
{
  gtk_widget_set_visible (caption, text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
  gtk_label_set_text (label, text != NULL ? text : "");
}

/**
 * limber_window_show_catalog_error:
 * @error: a #LimberCatalogError, whose file, line, exercise, field and
 *   reason are shown each on its own, or any other error, whose message is
 *
 * Tells the person, in place of the slides, why there are none. All of it
 * is plain text, whatever the file's name and contents hold.
 */
void
limber_window_show_catalog_error (LimberWindow *self,
                                  const GError *error)
{
  const char *reason;
  g_autofree char *line = NULL;

  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  reason = limber_catalog_error_get_reason (error);
  if (limber_catalog_error_get_line (error) > 0)
    line = g_strdup_printf ("%d", limber_catalog_error_get_line (error));

  show_error_detail (self->error_file_caption, self->error_file_label, limber_catalog_error_get_file (error));
  show_error_detail (self->error_line_caption, self->error_line_label, line);
  show_error_detail (self->error_exercise_caption, self->error_exercise_label,
                     limber_catalog_error_get_exercise (error));
  show_error_detail (self->error_field_caption, self->error_field_label, limber_catalog_error_get_field (error));
  show_error_detail (self->error_reason_caption, self->error_reason_label,
                     reason != NULL ? reason : error->message);
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_stack_set_visible_child_name (self->stack, "error");
  _limber_window_update_actions (self);
}

guint
limber_window_get_current_index (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), 0);

  return self->current_index;
}

AdwCarousel *
limber_window_get_carousel (LimberWindow *self)
{
  return self->carousel;
}

const char *
limber_window_get_visible_page (LimberWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
limber_window_get_error_page (LimberWindow *self)
{
  return GTK_WIDGET (self->error_page);
}

GtkWidget *
limber_window_get_follow_up_dialog (LimberWindow *self)
{
  return self->follow_up_dialog;
}

GtkWidget *
limber_window_get_plan_dialog (LimberWindow *self)
{
  return self->plan_dialog;
}

GtkWidget *
limber_window_get_history_dialog (LimberWindow *self)
{
  return self->history_dialog;
}

/**
 * limber_window_get_session_log:
 *
 * Returns: (transfer none): the history that sessions are written to and the
 *   History dialog shows; not opened until first used
 */
LimberSessionLog *
limber_window_get_session_log (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  return self->session_log;
}

const char *
limber_window_get_hidden_text (LimberWindow *self)
{
  return gtk_revealer_get_reveal_child (self->hidden_revealer) ? gtk_label_get_label (self->hidden_label) : NULL;
}

LimberKioskController *
limber_window_get_kiosk_controller (LimberWindow *self)
{
  return self->kiosk;
}

LimberSessionController *
limber_window_get_session_controller (LimberWindow *self)
{
  return self->session;
}
