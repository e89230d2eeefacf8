/* limber-kiosk-unlock.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The panel over the kiosk where clinic staff type the PIN that leaves it.
 * Drawn inside the fullscreen window rather than as a dialog, so that no
 * other window can appear on a kiosk.
 */

#define G_LOG_DOMAIN "limber-kiosk-unlock"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-kiosk-unlock-private.h"

struct _LimberKioskUnlock
{
  AdwBin          parent_instance;

  LimberKioskPin *pin;
  guint           lock_countdown_id;

  GtkWidget      *entry;
  GtkLabel       *message_label;
};

G_DEFINE_FINAL_TYPE (LimberKioskUnlock, limber_kiosk_unlock, ADW_TYPE_BIN)

enum {
  UNLOCKED,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (LimberKioskUnlock *self,
              const char        *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
set_entry_allowed (LimberKioskUnlock *self,
                   gboolean           allowed)
{
  gtk_widget_set_sensitive (self->entry, allowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.try", allowed);
  if (allowed)
    gtk_widget_grab_focus (self->entry);
}

static gboolean
update_lock_countdown (gpointer user_data)
{
  LimberKioskUnlock *self = user_data;
  guint seconds = limber_kiosk_pin_get_seconds_locked (self->pin);
  g_autofree char *message = NULL;

  if (seconds == 0)
    {
      self->lock_countdown_id = 0;
      show_message (self, NULL);
      set_entry_allowed (self, TRUE);
      return G_SOURCE_REMOVE;
    }

  message = g_strdup_printf (ngettext ("Too many wrong tries. Try again in %u second.",
                                       "Too many wrong tries. Try again in %u seconds.", seconds),
                             seconds);
  show_message (self, message);
  return G_SOURCE_CONTINUE;
}

static void
start_lock_countdown (LimberKioskUnlock *self)
{
  set_entry_allowed (self, FALSE);
  update_lock_countdown (self);
  if (self->lock_countdown_id == 0 && limber_kiosk_pin_get_seconds_locked (self->pin) > 0)
    self->lock_countdown_id = g_timeout_add_seconds (1, update_lock_countdown, self);
}

static void
try_pin (LimberKioskUnlock *self)
{
  g_autofree char *pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  g_autofree char *message = NULL;
  guint tries_left;

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");

  switch (limber_kiosk_pin_check (self->pin, pin))
    {
    case LIMBER_KIOSK_PIN_ACCEPTED:
      show_message (self, NULL);
      g_signal_emit (self, signals[UNLOCKED], 0);
      break;

    case LIMBER_KIOSK_PIN_WRONG:
      tries_left = limber_kiosk_pin_get_tries_left (self->pin);
      message = g_strdup_printf (ngettext ("That PIN is not right. %u try left.",
                                           "That PIN is not right. %u tries left.", tries_left),
                                 tries_left);
      show_message (self, message);
      break;

    case LIMBER_KIOSK_PIN_LOCKED:
      start_lock_countdown (self);
      break;

    case LIMBER_KIOSK_PIN_NOT_SET:
    default:
      show_message (self, _("No clinic PIN has been set. Set one from a terminal with “limber --set-kiosk-pin”."));
      break;
    }
}

static void
on_entry_activate (LimberKioskUnlock *self)
{
  if (gtk_widget_get_sensitive (self->entry))
    try_pin (self);
}

static void
try_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  try_pin (LIMBER_KIOSK_UNLOCK (widget));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[CANCELLED], 0);
}

static void
limber_kiosk_unlock_dispose (GObject *object)
{
  LimberKioskUnlock *self = (LimberKioskUnlock *)object;

  g_clear_handle_id (&self->lock_countdown_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_KIOSK_UNLOCK);
  g_clear_object (&self->pin);

  G_OBJECT_CLASS (limber_kiosk_unlock_parent_class)->dispose (object);
}

static void
limber_kiosk_unlock_class_init (LimberKioskUnlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_kiosk_unlock_dispose;

  /* The PIN was right: the window leaves kiosk mode. */
  signals[UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/limber-kiosk-unlock.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberKioskUnlock, entry);
  gtk_widget_class_bind_template_child (widget_class, LimberKioskUnlock, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);

  gtk_widget_class_install_action (widget_class, "unlock.try", NULL, try_activated);
  gtk_widget_class_install_action (widget_class, "unlock.cancel", NULL, cancel_activated);
}

static void
limber_kiosk_unlock_init (LimberKioskUnlock *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
limber_kiosk_unlock_new (LimberKioskPin *pin)
{
  LimberKioskUnlock *self;

  g_return_val_if_fail (LIMBER_IS_KIOSK_PIN (pin), NULL);

  self = g_object_new (LIMBER_TYPE_KIOSK_UNLOCK, NULL);
  self->pin = g_object_ref (pin);

  return GTK_WIDGET (self);
}

/**
 * limber_kiosk_unlock_reset:
 *
 * Empties the panel for the next person and puts the keyboard in the PIN
 * field, or shows how long entry is still locked.
 */
void
limber_kiosk_unlock_reset (LimberKioskUnlock *self)
{
  g_return_if_fail (LIMBER_IS_KIOSK_UNLOCK (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  show_message (self, NULL);
  if (limber_kiosk_pin_get_seconds_locked (self->pin) > 0)
    start_lock_countdown (self);
  else
    set_entry_allowed (self, TRUE);
}

GtkWidget *
limber_kiosk_unlock_get_entry (LimberKioskUnlock *self)
{
  return self->entry;
}

const char *
limber_kiosk_unlock_get_message (LimberKioskUnlock *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->message_label)) ? gtk_label_get_label (self->message_label) : NULL;
}
