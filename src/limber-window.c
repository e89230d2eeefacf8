/* limber-window.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-window"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-slide.h"
#include "limber-window-private.h"
#ifdef HAVE_NARRATION
#include "limber-narration-controller.h"
#endif

struct _LimberWindow
{
  AdwApplicationWindow  parent_instance;

  LimberCatalog        *catalog;
  GSettings            *settings;
  guint                 current_index;
  /* Where keyboard navigation is heading: it runs ahead of current_index
   * while the carousel animates, so that two quick presses move two slides. */
  guint                 target_index;
  GtkWidget            *follow_up_dialog;
  guint                 deferred_scroll_id;
#ifdef HAVE_NARRATION
  LimberNarrationController *narration;
#endif

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkLabel             *introduction_label;
  AdwCarousel          *carousel;
  AdwStatusPage        *error_page;
  GtkWidget            *previous_button;
  GtkWidget            *next_button;
};

G_DEFINE_FINAL_TYPE (LimberWindow, limber_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
n_slides (LimberWindow *self)
{
  return adw_carousel_get_n_pages (self->carousel);
}

static gboolean
showing_exercises (LimberWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "exercises") == 0 &&
         n_slides (self) > 0;
}

static void
update_actions (LimberWindow *self)
{
  gboolean exercises = showing_exercises (self);
  guint last = exercises ? n_slides (self) - 1 : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slide.previous", exercises && self->target_index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slide.first", exercises && self->target_index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slide.next", exercises && self->target_index < last);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slide.last", exercises && self->target_index < last);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.follow-up-care", self->catalog != NULL);
}

static void
scroll_to_target (LimberWindow *self)
{
  GtkWidget *page = adw_carousel_get_nth_page (self->carousel, self->target_index);

  /* The carousel's own animation honours gtk-enable-animations. */
  adw_carousel_scroll_to (self->carousel, page, TRUE);
}

static gboolean
scroll_once_allocated (GtkWidget     *widget,
                       GdkFrameClock *frame_clock,
                       gpointer       user_data)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  if (gtk_widget_get_width (GTK_WIDGET (self->carousel)) == 0)
    return G_SOURCE_CONTINUE;

  self->deferred_scroll_id = 0;
  scroll_to_target (self);

  return G_SOURCE_REMOVE;
}

static void
go_to_slide (LimberWindow *self,
             guint         index)
{
  if (!showing_exercises (self))
    return;

  index = MIN (index, n_slides (self) - 1);
  g_debug ("Moving from slide %u to slide %u", self->current_index + 1, index + 1);
  self->target_index = index;
  update_actions (self);

  /* Before its first allocation every page sits at offset 0, so the carousel
   * would settle on the first page: wait until it has a size. */
  if (gtk_widget_get_width (GTK_WIDGET (self->carousel)) == 0)
    {
      if (self->deferred_scroll_id == 0)
        self->deferred_scroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_once_allocated,
                                                                 NULL, NULL);
      return;
    }

  scroll_to_target (self);
}

static void
on_carousel_page_changed (LimberWindow *self,
                          guint         index)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *current_page = adw_carousel_get_nth_page (self->carousel, index);
  LimberExercise *exercise = limber_slide_get_exercise (LIMBER_SLIDE (current_page));

  g_debug ("Slide %u is now current", index + 1);
  self->current_index = index;
  if (self->deferred_scroll_id == 0)
    self->target_index = index;

  /* Pages scrolled out of view must not take keyboard focus: Tab would
   * otherwise wander onto controls nobody can see. */
  for (guint i = 0; i < n_slides (self); i++)
    gtk_widget_set_can_focus (adw_carousel_get_nth_page (self->carousel, i), i == index);

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->carousel)) &&
      !gtk_widget_is_ancestor (focus, current_page))
    gtk_widget_child_focus (current_page, GTK_DIR_TAB_FORWARD);

  adw_window_title_set_subtitle (self->window_title, limber_exercise_get_title (exercise));
  update_actions (self);
}

static void
slide_previous_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  if (self->target_index > 0)
    go_to_slide (self, self->target_index - 1);
}

static void
slide_next_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  go_to_slide (self, self->target_index + 1);
}

static void
slide_first_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  go_to_slide (LIMBER_WINDOW (widget), 0);
}

static void
slide_last_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  go_to_slide (self, n_slides (self) - 1);
}

static void
follow_up_care_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->catalog == NULL)
    return;

  body = g_strjoinv ("\n\n", (GStrv)limber_catalog_get_follow_up_care (self->catalog));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Follow-up Care"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);

  g_set_weak_pointer (&self->follow_up_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_key_pressed (LimberWindow          *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  const char *action = NULL;

  /* Keys pressed in the menu popover or a dialog also pass through here. */
  if (event == NULL || gdk_event_get_surface (event) != gtk_native_get_surface (GTK_NATIVE (self)))
    return GDK_EVENT_PROPAGATE;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0 || !showing_exercises (self))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      action = rtl ? "slide.next" : "slide.previous";
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      action = rtl ? "slide.previous" : "slide.next";
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      action = "slide.previous";
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      action = "slide.next";
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      action = "slide.first";
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      action = "slide.last";
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);

  /* Even at either end, so that the arrows never fall back to moving focus. */
  return GDK_EVENT_STOP;
}

static void
fill_carousel (LimberWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->catalog);
  guint n_items = g_list_model_get_n_items (model);
  g_autofree char *introduction = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (model, i);
      GtkWidget *slide = limber_slide_new (exercise);

      limber_slide_set_number (LIMBER_SLIDE (slide), i + 1);
      limber_slide_set_total (LIMBER_SLIDE (slide), n_items);
      gtk_widget_set_can_focus (slide, i == 0);
      adw_carousel_append (self->carousel, slide);
    }

  introduction = g_strjoinv (" ", (GStrv)limber_catalog_get_introduction (self->catalog));
  gtk_label_set_label (self->introduction_label, introduction);

  gtk_stack_set_visible_child_name (self->stack, "exercises");
  if (n_items > 0)
    on_carousel_page_changed (self, 0);

#ifdef HAVE_NARRATION
  self->narration = limber_narration_controller_new (GTK_WIDGET (self), self->carousel, self->toast_overlay);
#endif
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

static void
limber_window_constructed (GObject *object)
{
  LimberWindow *self = (LimberWindow *)object;

  G_OBJECT_CLASS (limber_window_parent_class)->constructed (object);

  restore_window_state (self);

  if (self->catalog != NULL)
    fill_carousel (self);

  update_actions (self);
}

static void
limber_window_dispose (GObject *object)
{
  LimberWindow *self = (LimberWindow *)object;

  g_clear_weak_pointer (&self->follow_up_dialog);
#ifdef HAVE_NARRATION
  g_clear_object (&self->narration);
#endif
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_WINDOW);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

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
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
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
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
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

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, LIMBER_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/limber-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, introduction_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, carousel);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, previous_button);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, next_button);
  gtk_widget_class_bind_template_callback (widget_class, on_carousel_page_changed);

  gtk_widget_class_install_action (widget_class, "slide.previous", NULL, slide_previous_activated);
  gtk_widget_class_install_action (widget_class, "slide.next", NULL, slide_next_activated);
  gtk_widget_class_install_action (widget_class, "slide.first", NULL, slide_first_activated);
  gtk_widget_class_install_action (widget_class, "slide.last", NULL, slide_last_activated);
  gtk_widget_class_install_action (widget_class, "win.follow-up-care", NULL, follow_up_care_activated);
}

static void
limber_window_init (LimberWindow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);

  /* libadwaita 1.2's carousel has no key bindings, and the window's own arrow
   * bindings would move focus first: catch the keys on the way down. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

LimberWindow *
limber_window_new (GtkApplication *application,
                   LimberCatalog  *catalog)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (catalog == NULL || LIMBER_IS_CATALOG (catalog), NULL);

  return g_object_new (LIMBER_TYPE_WINDOW,
                       "application", application,
                       "catalog", catalog,
                       NULL);
}

LimberCatalog *
limber_window_get_catalog (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  return self->catalog;
}

/**
 * limber_window_show_catalog_error:
 *
 * Tells the person, in place of the slides, why there are none.
 */
void
limber_window_show_catalog_error (LimberWindow *self,
                                  const GError *error)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  adw_status_page_set_description (self->error_page, error->message);
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_stack_set_visible_child_name (self->stack, "error");
  update_actions (self);
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
limber_window_get_follow_up_dialog (LimberWindow *self)
{
  return self->follow_up_dialog;
}

GtkWidget *
limber_window_get_previous_button (LimberWindow *self)
{
  return self->previous_button;
}

GtkWidget *
limber_window_get_next_button (LimberWindow *self)
{
  return self->next_button;
}

#ifdef HAVE_NARRATION
LimberNarrationController *
limber_window_get_narration (LimberWindow *self)
{
  return self->narration;
}
#endif
