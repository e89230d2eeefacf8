/* limber-kiosk-controller.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turns a window into the clinic kiosk and back: fullscreen without its
 * header bar and menu, locked down by a LimberKioskGuard, running the plan
 * as a LimberSlideshow, with the "kiosk" actions a person uses to look
 * through it. The right PIN leaves it. Kept apart from LimberWindow so
 * that the window only says whether it is a kiosk.
 */

#define G_LOG_DOMAIN "limber-kiosk-controller"

#include "limber-config.h"

#include "limber-kiosk-controller.h"

struct _LimberKioskController
{
  GObject                  parent_instance;

  GtkWindow               *window;
  GtkOverlay              *overlay;
  GtkWidget               *header_bar;
  GtkWidget               *menu_button;
  /* None, like the plan, when the catalog could not be loaded. */
  LimberSessionController *session;
  LimberPlan              *plan;
  GSettings               *settings;

  gboolean                 active;
  LimberSlideshow         *slideshow;
  LimberKioskGuard        *guard;
  GSimpleActionGroup      *actions;
};

G_DEFINE_FINAL_TYPE (LimberKioskController, limber_kiosk_controller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_SLIDESHOW,
  PROP_GUARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A person's keys and the bar's buttons reach a slideshow, when there is one. */
static void
update_actions (LimberKioskController *self)
{
  static const char *names[] = { "toggle-playing", "previous", "next", "first", "last" };
  gboolean enabled = self->active && self->slideshow != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), names[i])),
                                 enabled);
}

static void
toggle_playing_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  LimberKioskController *self = user_data;

  if (self->slideshow != NULL)
    limber_slideshow_toggle (self->slideshow);
}

/* A person looking through the kiosk's exercises, which pauses it for them. */
static void
move_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  LimberKioskController *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (self->slideshow == NULL)
    return;

  if (g_str_equal (name, "previous"))
    limber_slideshow_move (self->slideshow, -1);
  else if (g_str_equal (name, "next"))
    limber_slideshow_move (self->slideshow, 1);
  else if (g_str_equal (name, "first"))
    limber_slideshow_move_to (self->slideshow, 0);
  else
    limber_slideshow_move_to (self->slideshow, G_MAXUINT);
}

static void
on_unlocked (LimberKioskController *self)
{
  limber_kiosk_controller_set_active (self, FALSE);
}

static void
enter (LimberKioskController *self)
{
  /* Without a session (the catalog failed) there is no slideshow, but the
   * lock-down all the same: the kiosk fails closed. */
  if (self->session != NULL)
    {
      self->slideshow = limber_slideshow_new (self->session, self->plan, self->settings);
      limber_session_controller_set_kiosk (self->session, TRUE);
    }

  self->guard = limber_kiosk_guard_new (self->window, self->overlay, self->slideshow, self->settings);
  g_signal_connect_object (self->guard, "unlocked", G_CALLBACK (on_unlocked), self, G_CONNECT_SWAPPED);

  gtk_widget_add_css_class (GTK_WIDGET (self->window), "limber-kiosk");
  gtk_widget_set_visible (self->header_bar, FALSE);
  /* Hidden is not enough: F10 still opens a primary menu. */
  gtk_widget_set_sensitive (self->menu_button, FALSE);
  gtk_window_fullscreen (self->window);

  if (self->slideshow != NULL)
    limber_slideshow_start (self->slideshow);
}

/* The lock-down given back and the slideshow stopped, on leaving and on dispose. */
static void
drop (LimberKioskController *self)
{
  if (self->guard != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->guard, self);
      limber_kiosk_guard_release (self->guard);
    }
  g_clear_object (&self->guard);
  if (self->slideshow != NULL)
    limber_slideshow_stop (self->slideshow);
  g_clear_object (&self->slideshow);
}

static void
leave (LimberKioskController *self)
{
  drop (self);

  if (self->window != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->window), "limber-kiosk");
      gtk_window_unfullscreen (self->window);
    }
  if (self->header_bar != NULL)
    gtk_widget_set_visible (self->header_bar, TRUE);
  if (self->menu_button != NULL)
    gtk_widget_set_sensitive (self->menu_button, TRUE);
  if (self->session != NULL)
    limber_session_controller_set_kiosk (self->session, FALSE);
}

static void
limber_kiosk_controller_dispose (GObject *object)
{
  LimberKioskController *self = (LimberKioskController *)object;

  drop (self);
  /* The window may outlive us by a little: no action may reach us then. */
  if (self->window != NULL)
    gtk_widget_insert_action_group (GTK_WIDGET (self->window), "kiosk", NULL);
  g_clear_object (&self->actions);
  g_clear_object (&self->session);
  g_clear_object (&self->plan);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->overlay);
  g_clear_weak_pointer (&self->header_bar);
  g_clear_weak_pointer (&self->menu_button);

  G_OBJECT_CLASS (limber_kiosk_controller_parent_class)->dispose (object);
}

static void
limber_kiosk_controller_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LimberKioskController *self = LIMBER_KIOSK_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_SLIDESHOW:
      g_value_set_object (value, self->slideshow);
      break;
    case PROP_GUARD:
      g_value_set_object (value, self->guard);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_kiosk_controller_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  LimberKioskController *self = LIMBER_KIOSK_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      limber_kiosk_controller_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_kiosk_controller_class_init (LimberKioskControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_kiosk_controller_dispose;
  object_class->get_property = limber_kiosk_controller_get_property;
  object_class->set_property = limber_kiosk_controller_set_property;

  /* The window is the kiosk; unset by the right PIN. */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* While active and there is a plan to show. */
  properties[PROP_SLIDESHOW] =
    g_param_spec_object ("slideshow", NULL, NULL, LIMBER_TYPE_SLIDESHOW,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* While active, plan or none. */
  properties[PROP_GUARD] =
    g_param_spec_object ("guard", NULL, NULL, LIMBER_TYPE_KIOSK_GUARD,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_kiosk_controller_init (LimberKioskController *self)
{
  const GActionEntry entries[] = {
    { .name = "toggle-playing", .activate = toggle_playing_activated },
    { .name = "previous", .activate = move_activated },
    { .name = "next", .activate = move_activated },
    { .name = "first", .activate = move_activated },
    { .name = "last", .activate = move_activated },
  };

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  update_actions (self);
}

/**
 * limber_kiosk_controller_new:
 * @overlay: where the guard shows the PIN panel
 * @header_bar: hidden in the kiosk
 * @menu_button: made insensitive in the kiosk
 * @session: (nullable): runs the slideshow; %NULL when the catalog failed
 * @plan: (nullable): the exercises the slideshow goes round
 *
 * Adds the "kiosk" actions to @window, disabled until the kiosk is entered.
 */
LimberKioskController *
limber_kiosk_controller_new (GtkWindow               *window,
                             GtkOverlay              *overlay,
                             GtkWidget               *header_bar,
                             GtkWidget               *menu_button,
                             LimberSessionController *session,
                             LimberPlan              *plan,
                             GSettings               *settings)
{
  LimberKioskController *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (GTK_IS_OVERLAY (overlay), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (header_bar), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (menu_button), NULL);
  g_return_val_if_fail (session == NULL || LIMBER_IS_SESSION_CONTROLLER (session), NULL);
  g_return_val_if_fail ((session == NULL) == (plan == NULL), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LIMBER_TYPE_KIOSK_CONTROLLER, NULL);
  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->overlay, overlay);
  g_set_weak_pointer (&self->header_bar, header_bar);
  g_set_weak_pointer (&self->menu_button, menu_button);
  g_set_object (&self->session, session);
  g_set_object (&self->plan, plan);
  self->settings = g_object_ref (settings);

  gtk_widget_insert_action_group (GTK_WIDGET (window), "kiosk", G_ACTION_GROUP (self->actions));

  return self;
}

gboolean
limber_kiosk_controller_get_active (LimberKioskController *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK_CONTROLLER (self), FALSE);

  return self->active;
}

/**
 * limber_kiosk_controller_set_active:
 *
 * Enters the kiosk, or leaves it. Leaving lasts for this run only: the
 * kiosk-mode setting is not changed.
 */
void
limber_kiosk_controller_set_active (LimberKioskController *self,
                                    gboolean               active)
{
  LimberSlideshow *slideshow_before;

  g_return_if_fail (LIMBER_IS_KIOSK_CONTROLLER (self));

  active = !!active;
  if (self->active == active || self->window == NULL)
    return;

  slideshow_before = self->slideshow;

  g_debug (active ? "Entering kiosk mode" : "Leaving kiosk mode");
  self->active = active;
  if (active)
    enter (self);
  else
    leave (self);
  update_actions (self);

  g_object_freeze_notify (G_OBJECT (self));
  /* None either way when there is no plan to show. */
  if (self->slideshow != slideshow_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLIDESHOW]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GUARD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * limber_kiosk_controller_get_slideshow:
 *
 * Returns: (transfer none) (nullable): the slideshow, while in the kiosk
 *   with a plan
 */
LimberSlideshow *
limber_kiosk_controller_get_slideshow (LimberKioskController *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK_CONTROLLER (self), NULL);

  return self->slideshow;
}

/**
 * limber_kiosk_controller_get_guard:
 *
 * Returns: (transfer none) (nullable): the lock-down, while in the kiosk
 */
LimberKioskGuard *
limber_kiosk_controller_get_guard (LimberKioskController *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK_CONTROLLER (self), NULL);

  return self->guard;
}
