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

#include "limber-countdown.h"
#include "limber-kiosk-unlock-private.h"

struct _LimberKioskUnlock
{
  AdwBin           parent_instance;

  LimberKioskPin  *pin;
  GCancellable    *cancellable;
  LimberCountdown *lock_countdown;
  /* For the answer to a PIN it sent. */
  gboolean         waiting;

  GtkWidget       *entry;
  GtkLabel        *message_label;
  GtkWidget       *checking_box;
  GtkWidget       *checking_spinner;
};

G_DEFINE_FINAL_TYPE (LimberKioskUnlock, limber_kiosk_unlock, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* A focused field made insensitive, or taken away, keeps blinking its
 * cursor and GTK warns (GNOME/gtk#5845): focus leaves it first. */
static void
drop_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    gtk_root_set_focus (root, NULL);
}

/* Typing is allowed unless a PIN is being checked or entry is locked. */
static void
update_entry (LimberKioskUnlock *self)
{
  gboolean allowed = !self->waiting && !limber_kiosk_pin_get_checking (self->pin) &&
                     !limber_countdown_is_running (self->lock_countdown);

  if (!allowed)
    drop_focus_within (self->entry);
  gtk_widget_set_sensitive (self->entry, allowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock.try", allowed);
  /* Not while hidden: the slideshow's keys would go to the field. */
  if (allowed && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (self->entry);
}

/* Seconds at first, then minutes, then hours: a lock lasts up to a day. */
static char *
format_lock_message (guint seconds)
{
  guint minutes = (seconds + 59) / 60;
  guint hours = (seconds + 3599) / 3600;

  if (seconds < 2 * 60)
    return g_strdup_printf (ngettext ("Too many wrong tries. Try again in %u second.",
                                      "Too many wrong tries. Try again in %u seconds.", seconds),
                            seconds);
  if (seconds < 2 * 60 * 60)
    return g_strdup_printf (ngettext ("Too many wrong tries. Try again in %u minute.",
                                      "Too many wrong tries. Try again in %u minutes.", minutes),
                            minutes);
  return g_strdup_printf (ngettext ("Too many wrong tries. Try again in %u hour.",
                                    "Too many wrong tries. Try again in %u hours.", hours),
                          hours);
}

static void
show_lock_message (LimberKioskUnlock *self)
{
  g_autofree char *message = NULL;

  if (!limber_countdown_is_running (self->lock_countdown))
    return;

  message = format_lock_message (limber_countdown_get_seconds_left (self->lock_countdown));
  show_message (self, message);
}

/* Counts down what the PIN says is left of its lock; when that runs out,
 * asks again, since the lock's end is on the wall clock. */
static void
start_lock_countdown (LimberKioskUnlock *self)
{
  guint seconds = limber_kiosk_pin_get_seconds_locked (self->pin);

  if (seconds == 0)
    {
      limber_countdown_cancel (self->lock_countdown);
      show_message (self, NULL);
    }
  else
    {
      limber_countdown_start (self->lock_countdown, seconds * 1000);
      show_lock_message (self);
    }

  update_entry (self);
}

static void
on_pin_checked (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  LimberKioskPinResult verdict = limber_kiosk_pin_check_finish (LIMBER_KIOSK_PIN (source), result, &error);
  g_autoptr(LimberKioskUnlock) self = NULL;
  g_autofree char *message = NULL;
  guint tries_left;

  /* The panel was closed, or is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = g_object_ref (LIMBER_KIOSK_UNLOCK (user_data));
  self->waiting = FALSE;
  switch (verdict)
    {
    case LIMBER_KIOSK_PIN_ACCEPTED:
      show_message (self, NULL);
      /* The kiosk goes, and the panel with it. */
      g_signal_emit (self, signals[UNLOCKED], 0);
      return;

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

    case LIMBER_KIOSK_PIN_NOT_A_PIN:
      /* Translators: %d and %d are the fewest and most digits of a PIN */
      message = g_strdup_printf (_("A PIN is %d to %d digits. That did not count as a try."),
                                 LIMBER_KIOSK_PIN_MIN_DIGITS, LIMBER_KIOSK_PIN_MAX_DIGITS);
      show_message (self, message);
      break;

    case LIMBER_KIOSK_PIN_DAMAGED:
      show_message (self, _("The clinic PIN kept in the settings is damaged, so no PIN can be accepted. "
                            "Set it again from a terminal with “limber --set-kiosk-pin”."));
      break;

    case LIMBER_KIOSK_PIN_NOT_SET:
      show_message (self, _("No clinic PIN has been set. Set one from a terminal with “limber --set-kiosk-pin”."));
      break;

    case LIMBER_KIOSK_PIN_FAILED:
    default:
      /* Another check is under way: its own answer follows. */
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING))
        show_message (self, error->message);
      break;
    }

  update_entry (self);
}

static void
try_pin (LimberKioskUnlock *self)
{
  g_autoptr(LimberKioskPinSecret) typed = NULL;

  if (!gtk_widget_get_sensitive (self->entry))
    return;

  typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  show_message (self, NULL);

  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
    }
  self->waiting = TRUE;
  limber_kiosk_pin_check_async (self->pin, typed, self->cancellable, on_pin_checked, self);
  update_entry (self);
}

static void
on_entry_activate (LimberKioskUnlock *self)
{
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

/* Hidden while a PIN is checked: its answer is no longer for anyone (the
 * try still counts). */
static void
limber_kiosk_unlock_unmap (GtkWidget *widget)
{
  LimberKioskUnlock *self = LIMBER_KIOSK_UNLOCK (widget);

  g_cancellable_cancel (self->cancellable);
  self->waiting = FALSE;
  drop_focus_within (widget);

  GTK_WIDGET_CLASS (limber_kiosk_unlock_parent_class)->unmap (widget);
}

static void
limber_kiosk_unlock_constructed (GObject *object)
{
  LimberKioskUnlock *self = (LimberKioskUnlock *)object;

  G_OBJECT_CLASS (limber_kiosk_unlock_parent_class)->constructed (object);

  g_object_bind_property (self->pin, "checking", self->checking_box, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->pin, "checking", self->checking_spinner, "spinning", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->pin, "notify::checking", G_CALLBACK (update_entry), self, G_CONNECT_SWAPPED);
}

static void
limber_kiosk_unlock_dispose (GObject *object)
{
  LimberKioskUnlock *self = (LimberKioskUnlock *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->lock_countdown);
  if (self->pin != NULL)
    g_signal_handlers_disconnect_by_data (self->pin, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_KIOSK_UNLOCK);
  g_clear_object (&self->pin);

  G_OBJECT_CLASS (limber_kiosk_unlock_parent_class)->dispose (object);
}

static void
limber_kiosk_unlock_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LimberKioskUnlock *self = LIMBER_KIOSK_UNLOCK (object);

  switch (prop_id)
    {
    case PROP_PIN:
      g_value_set_object (value, self->pin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_kiosk_unlock_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LimberKioskUnlock *self = LIMBER_KIOSK_UNLOCK (object);

  switch (prop_id)
    {
    case PROP_PIN:
      self->pin = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_kiosk_unlock_class_init (LimberKioskUnlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = limber_kiosk_unlock_constructed;
  object_class->dispose = limber_kiosk_unlock_dispose;
  object_class->get_property = limber_kiosk_unlock_get_property;
  object_class->set_property = limber_kiosk_unlock_set_property;
  widget_class->unmap = limber_kiosk_unlock_unmap;

  properties[PROP_PIN] =
    g_param_spec_object ("pin", NULL, NULL, LIMBER_TYPE_KIOSK_PIN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The PIN was right: the window leaves kiosk mode. */
  signals[UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/limber-kiosk-unlock.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberKioskUnlock, entry);
  gtk_widget_class_bind_template_child (widget_class, LimberKioskUnlock, message_label);
  gtk_widget_class_bind_template_child (widget_class, LimberKioskUnlock, checking_box);
  gtk_widget_class_bind_template_child (widget_class, LimberKioskUnlock, checking_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);

  gtk_widget_class_install_action (widget_class, "unlock.try", NULL, try_activated);
  gtk_widget_class_install_action (widget_class, "unlock.cancel", NULL, cancel_activated);
}

static void
limber_kiosk_unlock_init (LimberKioskUnlock *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->lock_countdown = limber_countdown_new ();
  g_signal_connect_swapped (self->lock_countdown, "notify::seconds-left", G_CALLBACK (show_lock_message), self);
  g_signal_connect_swapped (self->lock_countdown, "finished", G_CALLBACK (start_lock_countdown), self);
}

GtkWidget *
limber_kiosk_unlock_new (LimberKioskPin *pin)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK_PIN (pin), NULL);

  return g_object_new (LIMBER_TYPE_KIOSK_UNLOCK, "pin", pin, NULL);
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
  start_lock_countdown (self);
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
