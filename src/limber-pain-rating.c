/* limber-pain-rating.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The end-of-session question: how much did it hurt, from 0 (no pain) to 10
 * (the worst)? One key press answers: a digit for 0 to 9, T for 10. The
 * same keys work where the layout types something else on them (AZERTY's
 * unshifted digit row, an Arabic layout's T), and so do the number pad and
 * Arabic-Indic digits. Escape or Skip leaves it unanswered. Either way "finished" is emitted; the
 * optional note can be typed before or after, and is read from "note".
 *
 * Call gtk_widget_grab_focus() on it to take the key presses.
 */

#define G_LOG_DOMAIN "limber-pain-rating"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-pain-rating-private.h"

#define N_VALUES 11

struct _LimberPainRating
{
  AdwBin     parent_instance;

  int        value;
  gboolean   syncing;
  GtkWidget *buttons[N_VALUES];

  GtkBox    *scale;
  GtkEntry  *note_entry;
  GtkWidget *skip_button;
};

G_DEFINE_FINAL_TYPE (LimberPainRating, limber_pain_rating, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a screen reader says for each value. */
static char *
dup_spoken_name (int value)
{
  if (value == 0)
    /* Translators: the spoken name of the rating 0 */
    return g_strdup_printf (_("%d, no pain"), value);
  if (value <= 3)
    /* Translators: the spoken name of the ratings 1 to 3 */
    return g_strdup_printf (_("%d, mild pain"), value);
  if (value <= 6)
    /* Translators: the spoken name of the ratings 4 to 6 */
    return g_strdup_printf (_("%d, moderate pain"), value);
  if (value <= 9)
    /* Translators: the spoken name of the ratings 7 to 9 */
    return g_strdup_printf (_("%d, severe pain"), value);
  /* Translators: the spoken name of the rating 10 */
  return g_strdup_printf (_("%d, the worst pain"), value);
}

static void
sync_buttons (LimberPainRating *self)
{
  self->syncing = TRUE;
  for (int i = 0; i < N_VALUES; i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[i]), i == self->value);
  self->syncing = FALSE;
}

/**
 * limber_pain_rating_set_value:
 * @value: 0 to 10, or %LIMBER_PAIN_RATING_UNSET
 *
 * Shows @value as chosen, without answering.
 */
void
limber_pain_rating_set_value (LimberPainRating *self,
                              int               value)
{
  g_return_if_fail (LIMBER_IS_PAIN_RATING (self));
  g_return_if_fail (value >= LIMBER_PAIN_RATING_UNSET && value <= 10);

  if (self->value != value)
    {
      self->value = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
    }
  sync_buttons (self);
}

int
limber_pain_rating_get_value (LimberPainRating *self)
{
  g_return_val_if_fail (LIMBER_IS_PAIN_RATING (self), LIMBER_PAIN_RATING_UNSET);

  return self->value;
}

/**
 * limber_pain_rating_get_note:
 *
 * Returns: the note as typed, possibly empty
 */
const char *
limber_pain_rating_get_note (LimberPainRating *self)
{
  g_return_val_if_fail (LIMBER_IS_PAIN_RATING (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
}

static void
answer (LimberPainRating *self,
        int               value)
{
  limber_pain_rating_set_value (self, value);
  g_signal_emit (self, signals[FINISHED], 0, value);
}

/**
 * limber_pain_rating_skip:
 *
 * Leaves the question unanswered, as Skip and Escape do.
 */
void
limber_pain_rating_skip (LimberPainRating *self)
{
  g_return_if_fail (LIMBER_IS_PAIN_RATING (self));

  answer (self, LIMBER_PAIN_RATING_UNSET);
}

static void
on_skip_clicked (LimberPainRating *self)
{
  limber_pain_rating_skip (self);
}

static void
on_value_clicked (GtkButton        *button,
                  LimberPainRating *self)
{
  answer (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "limber-value")));
}

static void
on_note_changed (LimberPainRating *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

static gboolean
key_is (GdkDisplay *display,
        guint       keycode,
        guint       keyval)
{
  g_autofree GdkKeymapKey *keys = NULL;
  int n_keys = 0;

  if (!gdk_display_map_keyval (display, keyval, &keys, &n_keys))
    return FALSE;

  for (int i = 0; i < n_keys; i++)
    if (keys[i].keycode == keycode)
      return TRUE;

  return FALSE;
}

/* The value a key stands for, or -1. */
static int
value_for_key (LimberPainRating *self,
               guint             keyval,
               guint             keycode)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  int digit = g_unichar_digit_value (gdk_keyval_to_unicode (keyval));

  if (digit >= 0 && digit <= 9)
    return digit;
  if (keyval == GDK_KEY_t || keyval == GDK_KEY_T)
    return 10;

  /* The key that types the digit, or T, on another level or layout; and
   * the number pad's digits with Num Lock off. */
  for (int value = 0; value < N_VALUES; value++)
    if (key_is (display, keycode, value == 10 ? GDK_KEY_t : GDK_KEY_0 + value) ||
        (value < 10 && key_is (display, keycode, GDK_KEY_KP_0 + value)))
      return value;

  return -1;
}

static gboolean
on_key_pressed (LimberPainRating      *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  int value;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_Escape)
    {
      limber_pain_rating_skip (self);
      return GDK_EVENT_STOP;
    }

  /* Digits typed into the note are the note's. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->note_entry)))
    return GDK_EVENT_PROPAGATE;

  value = value_for_key (self, keyval, keycode);
  if (value < 0)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (self->buttons[value]);
  answer (self, value);
  return GDK_EVENT_STOP;
}

static gboolean
limber_pain_rating_grab_focus (GtkWidget *widget)
{
  LimberPainRating *self = LIMBER_PAIN_RATING (widget);

  return gtk_widget_grab_focus (self->buttons[self->value >= 0 ? self->value : 0]);
}

static void
limber_pain_rating_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LimberPainRating *self = LIMBER_PAIN_RATING (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;
    case PROP_NOTE:
      g_value_set_string (value, limber_pain_rating_get_note (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_pain_rating_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LimberPainRating *self = LIMBER_PAIN_RATING (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      limber_pain_rating_set_value (self, g_value_get_int (value));
      break;
    case PROP_NOTE:
      gtk_editable_set_text (GTK_EDITABLE (self->note_entry), g_value_get_string (value) ?: "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_pain_rating_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIMBER_TYPE_PAIN_RATING);

  G_OBJECT_CLASS (limber_pain_rating_parent_class)->dispose (object);
}

static void
limber_pain_rating_class_init (LimberPainRatingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_pain_rating_dispose;
  object_class->get_property = limber_pain_rating_get_property;
  object_class->set_property = limber_pain_rating_set_property;
  widget_class->grab_focus = limber_pain_rating_grab_focus;

  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL, LIMBER_PAIN_RATING_UNSET, 10, LIMBER_PAIN_RATING_UNSET,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberPainRating::finished:
   * @value: the answer, 0 to 10, or %LIMBER_PAIN_RATING_UNSET when skipped
   *
   * The question was answered or skipped.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/limber-pain-rating.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPainRating, scale);
  gtk_widget_class_bind_template_child (widget_class, LimberPainRating, note_entry);
  gtk_widget_class_bind_template_child (widget_class, LimberPainRating, skip_button);
  gtk_widget_class_bind_template_callback (widget_class, on_skip_clicked);
}

static void
limber_pain_rating_init (LimberPainRating *self)
{
  GtkEventController *keys;

  self->value = LIMBER_PAIN_RATING_UNSET;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int i = 0; i < N_VALUES; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", i);
      g_autofree char *spoken = dup_spoken_name (i);
      /* The key that answers it, as a screen reader announces shortcuts. */
      const char *key = i == 10 ? "T" : label;
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      g_object_set_data (G_OBJECT (button), "limber-value", GINT_TO_POINTER (i));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                      GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, key,
                                      -1);
      /* Translators: a tooltip; %s is a key, such as 7 or T */
      {
        g_autofree char *tooltip = g_strdup_printf (_("Press %s"), key);

        gtk_widget_set_tooltip_text (button, tooltip);
      }
      gtk_widget_add_css_class (button, "limber-pain-value");
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_value_clicked), self, G_CONNECT_DEFAULT);
      gtk_box_append (self->scale, button);
      self->buttons[i] = button;
    }

  g_signal_connect_object (self->note_entry, "changed", G_CALLBACK (on_note_changed), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
limber_pain_rating_new (void)
{
  return g_object_new (LIMBER_TYPE_PAIN_RATING, NULL);
}

GtkWidget *
limber_pain_rating_get_button (LimberPainRating *self,
                               int               value)
{
  g_return_val_if_fail (value >= 0 && value < N_VALUES, NULL);

  return self->buttons[value];
}

GtkWidget *
limber_pain_rating_get_skip_button (LimberPainRating *self)
{
  return self->skip_button;
}

GtkWidget *
limber_pain_rating_get_note_entry (LimberPainRating *self)
{
  return GTK_WIDGET (self->note_entry);
}
