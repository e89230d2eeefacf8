/* limber-kiosk-guard.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What keeps a kiosk a kiosk: no key a passer-by can press quits, closes,
 * leaves fullscreen or opens a menu, dialog or preferences; the window
 * refuses to close; the pointer hides when still; the screen stays awake.
 * Clinic staff leave by holding Ctrl+Alt+K, then typing the PIN.
 * Everything is put back by limber_kiosk_guard_release().
 */

#define G_LOG_DOMAIN "limber-kiosk-guard"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-kiosk-guard-private.h"
#include "limber-countdown.h"
#include "limber-kiosk-unlock.h"

struct _LimberKioskGuard
{
  GObject             parent_instance;

  GtkWindow          *window;
  GtkOverlay         *overlay;
  LimberSlideshow    *slideshow;
  LimberKioskPin     *pin;
  GtkWidget          *unlock;
  gboolean            released;

  /* What was taken away, to give back on release. */
  GHashTable         *saved_accels;
  GPtrArray          *disabled_actions;
  GPtrArray          *controllers;
  guint               inhibit_cookie;
  gulong              map_handler;

  /* The chord held down, and the pointer left still. */
  LimberCountdown    *chord;
  LimberCountdown    *pointer;
  gboolean            pointer_hidden;
  double              pointer_x;
  double              pointer_y;
  guint               n_refused_closes;
};

G_DEFINE_FINAL_TYPE (LimberKioskGuard, limber_kiosk_guard, G_TYPE_OBJECT)

enum {
  UNLOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
unlock_is_shown (LimberKioskGuard *self)
{
  return self->unlock != NULL && gtk_widget_get_visible (self->unlock);
}

static void
hide_unlock (LimberKioskGuard *self,
             gboolean          resume)
{
  if (!unlock_is_shown (self))
    return;

  gtk_widget_set_visible (self->unlock, FALSE);
  gtk_window_set_focus (self->window, NULL);
  if (resume && self->slideshow != NULL)
    limber_slideshow_resume (self->slideshow);
}

void
limber_kiosk_guard_show_unlock (LimberKioskGuard *self)
{
  g_return_if_fail (LIMBER_IS_KIOSK_GUARD (self));

  if (self->released || unlock_is_shown (self))
    return;

  g_debug ("Showing the PIN panel");
  if (self->slideshow != NULL)
    limber_slideshow_pause (self->slideshow);
  gtk_widget_set_visible (self->unlock, TRUE);
  limber_kiosk_unlock_reset (LIMBER_KIOSK_UNLOCK (self->unlock));
}

static void
on_chord_held (LimberKioskGuard *self)
{
  limber_kiosk_guard_show_unlock (self);
}

static gboolean
is_chord (guint           keyval,
          GdkModifierType modifiers)
{
  return (keyval == GDK_KEY_k || keyval == GDK_KEY_K) && modifiers == (GDK_CONTROL_MASK | GDK_ALT_MASK);
}

/* Moving focus, scrolling, the arrows that change slides, and pressing the
 * focused button: what a keyboard user needs, and nothing more. */
static gboolean
is_navigation (guint           keyval,
               GdkModifierType modifiers)
{
  static const guint keys[] = {
    GDK_KEY_Tab, GDK_KEY_ISO_Left_Tab, GDK_KEY_KP_Tab,
    GDK_KEY_Left, GDK_KEY_Right, GDK_KEY_Up, GDK_KEY_Down,
    GDK_KEY_KP_Left, GDK_KEY_KP_Right, GDK_KEY_KP_Up, GDK_KEY_KP_Down,
    GDK_KEY_Page_Up, GDK_KEY_Page_Down, GDK_KEY_KP_Page_Up, GDK_KEY_KP_Page_Down,
    GDK_KEY_Home, GDK_KEY_End, GDK_KEY_KP_Home, GDK_KEY_KP_End,
    GDK_KEY_Return, GDK_KEY_KP_Enter,
  };

  if ((modifiers & ~GDK_SHIFT_MASK) != 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (keyval == keys[i])
      return TRUE;

  return FALSE;
}

/* In the PIN panel: typing and editing, but no shortcut and no menu. */
static gboolean
is_typing (guint           keyval,
           GdkModifierType modifiers)
{
  if ((modifiers & ~GDK_SHIFT_MASK) != 0)
    return FALSE;

  return keyval != GDK_KEY_Menu && !(keyval >= GDK_KEY_F1 && keyval <= GDK_KEY_F35);
}

static gboolean
on_key_pressed (LimberKioskGuard      *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GdkModifierType modifiers = state & gtk_accelerator_get_default_mod_mask ();

  if (self->slideshow != NULL)
    limber_slideshow_note_activity (self->slideshow);

  if (is_chord (keyval, modifiers))
    {
      if (!limber_countdown_is_running (self->chord) && !unlock_is_shown (self))
        limber_countdown_start (self->chord, LIMBER_KIOSK_CHORD_SECONDS * 1000);
      return GDK_EVENT_STOP;
    }

  if (unlock_is_shown (self))
    {
      if (keyval == GDK_KEY_Escape && modifiers == 0)
        {
          hide_unlock (self, TRUE);
          return GDK_EVENT_STOP;
        }
      return is_typing (keyval, modifiers) ? GDK_EVENT_PROPAGATE : GDK_EVENT_STOP;
    }

  if ((keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space) && modifiers == 0)
    {
      if (self->slideshow != NULL)
        limber_slideshow_toggle (self->slideshow);
      return GDK_EVENT_STOP;
    }

  if (is_navigation (keyval, modifiers))
    return GDK_EVENT_PROPAGATE;

  g_debug ("Kiosk mode: ignoring the key %s", gdk_keyval_name (keyval));
  return GDK_EVENT_STOP;
}

static void
on_key_released (LimberKioskGuard      *self,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 GtkEventControllerKey *controller)
{
  switch (keyval)
    {
    case GDK_KEY_k:
    case GDK_KEY_K:
    case GDK_KEY_Control_L:
    case GDK_KEY_Control_R:
    case GDK_KEY_Alt_L:
    case GDK_KEY_Alt_R:
    case GDK_KEY_Meta_L:
    case GDK_KEY_Meta_R:
      /* Let go too soon: a passer-by's accident, not a long press. */
      limber_countdown_cancel (self->chord);
      break;
    default:
      break;
    }
}

static void
on_pressed (LimberKioskGuard *self)
{
  if (self->slideshow != NULL)
    limber_slideshow_note_activity (self->slideshow);
}

static void
hide_pointer (LimberKioskGuard *self)
{
  self->pointer_hidden = TRUE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->window), "none");
}

static void
arm_pointer_timeout (LimberKioskGuard *self)
{
  limber_countdown_start (self->pointer, LIMBER_KIOSK_POINTER_SECONDS * 1000);
}

static void
on_motion (LimberKioskGuard *self,
           double            x,
           double            y)
{
  /* Changing the cursor can report the pointer where it already was. */
  if (self->pointer_hidden && G_APPROX_VALUE (x, self->pointer_x, 0.5) && G_APPROX_VALUE (y, self->pointer_y, 0.5))
    return;

  self->pointer_x = x;
  self->pointer_y = y;
  if (self->pointer_hidden)
    {
      self->pointer_hidden = FALSE;
      gtk_widget_set_cursor (GTK_WIDGET (self->window), NULL);
    }
  arm_pointer_timeout (self);
}

static gboolean
on_close_request (LimberKioskGuard *self)
{
  self->n_refused_closes++;
  g_debug ("Kiosk mode: the window stays open");
  return GDK_EVENT_STOP;
}

static void
on_fullscreened (LimberKioskGuard *self)
{
  if (!gtk_window_is_fullscreen (self->window))
    gtk_window_fullscreen (self->window);
}

static void
on_unlocked (LimberKioskGuard *self)
{
  hide_unlock (self, FALSE);
  g_signal_emit (self, signals[UNLOCKED], 0);
}

static void
on_unlock_cancelled (LimberKioskGuard *self)
{
  hide_unlock (self, TRUE);
}

static void
on_idle_reset (LimberKioskGuard *self)
{
  hide_unlock (self, FALSE);
}

static void
add_controller (LimberKioskGuard   *self,
                GtkEventController *controller)
{
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self->window), controller);
  g_ptr_array_add (self->controllers, g_object_ref (controller));
}

/* The application's shortcuts and the actions behind its menus go away
 * while the kiosk runs; the keys are also caught, but a disabled action
 * cannot be reached by any other way either. */
static void
keep_screen_awake (LimberKioskGuard *self)
{
  GtkApplication *application = gtk_window_get_application (self->window);

  g_clear_signal_handler (&self->map_handler, self->window);
  if (application == NULL || self->inhibit_cookie != 0)
    return;

  self->inhibit_cookie = gtk_application_inhibit (application, self->window,
                                                  GTK_APPLICATION_INHIBIT_IDLE | GTK_APPLICATION_INHIBIT_SUSPEND,
                                                  _("The clinic slideshow is showing"));
  if (self->inhibit_cookie == 0)
    g_debug ("Nothing to ask to keep the screen awake: no compositor, session manager or portal takes it");
}

static void
take_away_shortcuts (LimberKioskGuard *self)
{
  GtkApplication *application = gtk_window_get_application (self->window);
  static const char *no_accels[] = { NULL };
  /* "shortcuts": AdwApplication's, for its shortcuts dialog (libadwaita 1.8). */
  static const char *app_actions[] = { "quit", "about", "shortcuts" };
  g_auto(GStrv) actions = NULL;
  GAction *action;

  if (application == NULL)
    return;

  actions = gtk_application_list_action_descriptions (application);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (application, actions[i]);

      if (accels[0] == NULL)
        continue;
      g_hash_table_insert (self->saved_accels, g_strdup (actions[i]), g_steal_pointer (&accels));
      gtk_application_set_accels_for_action (application, actions[i], no_accels);
    }

  for (guint i = 0; i < G_N_ELEMENTS (app_actions); i++)
    {
      action = g_action_map_lookup_action (G_ACTION_MAP (application), app_actions[i]);
      if (G_IS_SIMPLE_ACTION (action) && g_action_get_enabled (action))
        {
          g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
          g_ptr_array_add (self->disabled_actions, g_object_ref (action));
        }
    }

  /* GtkApplicationWindow's own, for the shortcuts window before 1.8. */
  if (G_IS_ACTION_MAP (self->window))
    {
      action = g_action_map_lookup_action (G_ACTION_MAP (self->window), "show-help-overlay");
      if (G_IS_SIMPLE_ACTION (action) && g_action_get_enabled (action))
        {
          g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);
          g_ptr_array_add (self->disabled_actions, g_object_ref (action));
        }
    }

  /* On Wayland GTK asks the compositor itself (idle-inhibit, all that cage
   * has) only for a window it shows; before that it can only ask a session
   * manager or a portal, and a kiosk under cage has neither. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->window)))
    keep_screen_awake (self);
  else
    self->map_handler = g_signal_connect_swapped (self->window, "map", G_CALLBACK (keep_screen_awake), self);
}

static void
give_back_shortcuts (LimberKioskGuard *self)
{
  GtkApplication *application = gtk_window_get_application (self->window);
  GHashTableIter iter;
  const char *action;
  const char * const *accels;

  /* A window already gone took its handler with it. */
  if (self->window != NULL)
    g_clear_signal_handler (&self->map_handler, self->window);
  self->map_handler = 0;

  for (guint i = 0; i < self->disabled_actions->len; i++)
    g_simple_action_set_enabled (g_ptr_array_index (self->disabled_actions, i), TRUE);
  g_ptr_array_set_size (self->disabled_actions, 0);

  if (application == NULL)
    return;

  g_hash_table_iter_init (&iter, self->saved_accels);
  while (g_hash_table_iter_next (&iter, (gpointer *)&action, (gpointer *)&accels))
    gtk_application_set_accels_for_action (application, action, accels);
  g_hash_table_remove_all (self->saved_accels);

  if (self->inhibit_cookie != 0)
    gtk_application_uninhibit (application, self->inhibit_cookie);
  self->inhibit_cookie = 0;
}

/**
 * limber_kiosk_guard_release:
 *
 * Gives the window and the application back everything the guard took.
 */
void
limber_kiosk_guard_release (LimberKioskGuard *self)
{
  g_return_if_fail (LIMBER_IS_KIOSK_GUARD (self));

  if (self->released)
    return;

  self->released = TRUE;
  limber_countdown_cancel (self->chord);
  limber_countdown_cancel (self->pointer);

  if (self->window != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->window, self);
      for (guint i = 0; i < self->controllers->len; i++)
        gtk_widget_remove_controller (GTK_WIDGET (self->window), g_ptr_array_index (self->controllers, i));
      gtk_widget_set_cursor (GTK_WIDGET (self->window), NULL);
      gtk_window_set_deletable (self->window, TRUE);
      give_back_shortcuts (self);
    }
  g_ptr_array_set_size (self->controllers, 0);

  if (self->unlock != NULL && self->overlay != NULL)
    gtk_overlay_remove_overlay (self->overlay, self->unlock);
  g_clear_pointer (&self->unlock, g_object_unref);
  if (self->slideshow != NULL)
    g_signal_handlers_disconnect_by_data (self->slideshow, self);
}

static void
limber_kiosk_guard_dispose (GObject *object)
{
  LimberKioskGuard *self = (LimberKioskGuard *)object;

  limber_kiosk_guard_release (self);
  g_clear_object (&self->slideshow);
  g_clear_object (&self->pin);
  g_clear_object (&self->chord);
  g_clear_object (&self->pointer);
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->overlay);

  G_OBJECT_CLASS (limber_kiosk_guard_parent_class)->dispose (object);
}

static void
limber_kiosk_guard_finalize (GObject *object)
{
  LimberKioskGuard *self = (LimberKioskGuard *)object;

  g_clear_pointer (&self->saved_accels, g_hash_table_unref);
  g_clear_pointer (&self->disabled_actions, g_ptr_array_unref);
  g_clear_pointer (&self->controllers, g_ptr_array_unref);

  G_OBJECT_CLASS (limber_kiosk_guard_parent_class)->finalize (object);
}

static void
limber_kiosk_guard_class_init (LimberKioskGuardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_kiosk_guard_dispose;
  object_class->finalize = limber_kiosk_guard_finalize;

  /* The right PIN was typed: the window may leave kiosk mode. */
  signals[UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_kiosk_guard_init (LimberKioskGuard *self)
{
  self->chord = limber_countdown_new ();
  self->pointer = limber_countdown_new ();
  g_signal_connect_object (self->chord, "finished", G_CALLBACK (on_chord_held), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pointer, "finished", G_CALLBACK (hide_pointer), self, G_CONNECT_SWAPPED);
  self->saved_accels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  self->disabled_actions = g_ptr_array_new_with_free_func (g_object_unref);
  self->controllers = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * limber_kiosk_guard_new:
 * @overlay: where the PIN panel is shown, over the slideshow
 *
 * Locks @window down until limber_kiosk_guard_release().
 */
LimberKioskGuard *
limber_kiosk_guard_new (GtkWindow       *window,
                        GtkOverlay      *overlay,
                        LimberSlideshow *slideshow,
                        GSettings       *settings)
{
  LimberKioskGuard *self;
  GtkEventController *controller;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (GTK_IS_OVERLAY (overlay), NULL);
  g_return_val_if_fail (slideshow == NULL || LIMBER_IS_SLIDESHOW (slideshow), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LIMBER_TYPE_KIOSK_GUARD, NULL);
  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->overlay, overlay);
  g_set_object (&self->slideshow, slideshow);
  self->pin = limber_kiosk_pin_new (settings);

  self->unlock = g_object_ref_sink (limber_kiosk_unlock_new (self->pin));
  gtk_widget_set_visible (self->unlock, FALSE);
  gtk_overlay_add_overlay (overlay, self->unlock);
  g_signal_connect_object (self->unlock, "unlocked", G_CALLBACK (on_unlocked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unlock, "cancelled", G_CALLBACK (on_unlock_cancelled), self, G_CONNECT_SWAPPED);
  /* None when the catalog failed: the kiosk shows its error, locked all the same. */
  if (slideshow != NULL)
    g_signal_connect_swapped (slideshow, "idle-reset", G_CALLBACK (on_idle_reset), self);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect_swapped (controller, "key-released", G_CALLBACK (on_key_released), self);
  add_controller (self, controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), 0);
  g_signal_connect_swapped (controller, "pressed", G_CALLBACK (on_pressed), self);
  add_controller (self, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (on_motion), self);
  add_controller (self, controller);

  g_signal_connect_swapped (window, "close-request", G_CALLBACK (on_close_request), self);
  g_signal_connect_swapped (window, "notify::fullscreened", G_CALLBACK (on_fullscreened), self);
  gtk_window_set_deletable (window, FALSE);
  take_away_shortcuts (self);
  arm_pointer_timeout (self);

  return self;
}

/* The chord's hold and the pointer's timeout at their own pace, for a test
 * that presses keys in real time while the rest runs fast. */
void
limber_kiosk_guard_set_time_scale (LimberKioskGuard *self,
                                   double            scale)
{
  limber_countdown_set_time_scale (self->chord, scale);
  limber_countdown_set_time_scale (self->pointer, scale);
}

GtkWidget *
limber_kiosk_guard_get_unlock (LimberKioskGuard *self)
{
  return self->unlock;
}

LimberKioskPin *
limber_kiosk_guard_get_pin (LimberKioskGuard *self)
{
  return self->pin;
}

gboolean
limber_kiosk_guard_get_pointer_hidden (LimberKioskGuard *self)
{
  return self->pointer_hidden;
}

guint
limber_kiosk_guard_get_n_refused_closes (LimberKioskGuard *self)
{
  return self->n_refused_closes;
}
