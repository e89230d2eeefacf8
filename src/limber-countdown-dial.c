/* limber-countdown-dial.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session's big number: the seconds left in a hold or a rest, or the
 * repetition being done, inside a ring that empties as a countdown runs.
 * It is drawn at the size it is given, so it reads across a room on a
 * television as on a phone. The ring moves with the number, once a second,
 * and nothing runs between: no timer, no frame-clock tick.
 */

#define G_LOG_DOMAIN "limber-countdown-dial"

#include "limber-config.h"

#include <math.h>

#include "limber-compat.h"
#include "limber-countdown-dial.h"

/* How long a cue lights the dial up: the twin of every sound. */
#define FLASH_MS 450

struct _LimberCountdownDial
{
  GtkWidget        parent_instance;

  LimberCountdown *countdown;
  GtkWidget       *number_label;
  gboolean         ring_visible;
  int              font_size;
  LimberCountdown *flash;
};

G_DEFINE_FINAL_TYPE (LimberCountdownDial, limber_countdown_dial, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COUNTDOWN,
  PROP_NUMBER,
  PROP_RING_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
ring_width (double radius)
{
  return MAX (4.0, radius * 0.09);
}

/* What the ring shows: the whole seconds left, as the number does. It moves
 * when they change, once a second like a clock's hand, so that a dwell or a
 * hold costs one frame a second instead of one at every pixel of the arc. */
static double
fraction_left (LimberCountdownDial *self)
{
  guint duration_ms;

  if (self->countdown == NULL || limber_countdown_get_state (self->countdown) == LIMBER_COUNTDOWN_STATE_IDLE)
    return 0.0;

  duration_ms = limber_countdown_get_duration (self->countdown);
  if (duration_ms == 0)
    return 0.0;

  return CLAMP (limber_countdown_get_seconds_left (self->countdown) * 1000.0 / duration_ms, 0.0, 1.0);
}

static void
on_countdown_changed (LimberCountdownDial *self)
{
  if (self->ring_visible)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
limber_countdown_dial_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  LimberCountdownDial *self = LIMBER_COUNTDOWN_DIAL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double radius = MIN (width, height) / 2.0;
  double line = ring_width (radius);
  gboolean flashing = self->flash != NULL && limber_countdown_is_running (self->flash);
  GdkRGBA color;
  cairo_t *cr;

  if (radius > line)
    {
      limber_compat_get_color (widget, &color);
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      cairo_translate (cr, width / 2.0, height / 2.0);

      if (flashing)
        {
          /* A cue lights the whole dial, for those who cannot hear it. */
          cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * 0.22);
          cairo_arc (cr, 0, 0, radius - line / 2, 0, 2 * G_PI);
          cairo_fill (cr);
        }

      if (self->ring_visible)
        {
          double left = fraction_left (self);

          cairo_set_line_width (cr, line);
          cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * 0.2);
          cairo_arc (cr, 0, 0, radius - line / 2, 0, 2 * G_PI);
          cairo_stroke (cr);

          /* From twelve o'clock, clockwise whichever way the text runs: a clock's way. */
          if (left > 0)
            {
              cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
              cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
              cairo_arc (cr, 0, 0, radius - line / 2, -G_PI / 2, -G_PI / 2 + 2 * G_PI * left);
              cairo_stroke (cr);
            }
        }

      cairo_destroy (cr);
    }

  gtk_widget_snapshot_child (widget, self->number_label, snapshot);
}

static void
limber_countdown_dial_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  /* Its own size, never the number's: the number is sized to fit the dial. */
  *minimum = 96;
  *natural = 240;
}

static void
limber_countdown_dial_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  LimberCountdownDial *self = LIMBER_COUNTDOWN_DIAL (widget);
  int diameter = MIN (width, height);
  /* Two digits fill most of the ring; longer text gets smaller. */
  int length = MAX (2, (int) g_utf8_strlen (gtk_label_get_label (GTK_LABEL (self->number_label)), -1));
  int font_size = MAX (12, (int) (diameter * (length <= 2 ? 0.42 : 0.84 / length)));

  if (font_size != self->font_size)
    {
      PangoAttrList *attributes = pango_attr_list_new ();

      self->font_size = font_size;
      pango_attr_list_insert (attributes, pango_attr_size_new_absolute (font_size * PANGO_SCALE));
      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum"));
      gtk_label_set_attributes (GTK_LABEL (self->number_label), attributes);
      pango_attr_list_unref (attributes);
    }

  gtk_widget_allocate (self->number_label, width, height, -1, NULL);
}

static void
limber_countdown_dial_dispose (GObject *object)
{
  LimberCountdownDial *self = (LimberCountdownDial *)object;

  limber_countdown_dial_set_countdown (self, NULL);
  g_clear_object (&self->flash);
  g_clear_pointer (&self->number_label, gtk_widget_unparent);

  G_OBJECT_CLASS (limber_countdown_dial_parent_class)->dispose (object);
}

static void
limber_countdown_dial_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LimberCountdownDial *self = LIMBER_COUNTDOWN_DIAL (object);

  switch (prop_id)
    {
    case PROP_COUNTDOWN:
      g_value_set_object (value, self->countdown);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, limber_countdown_dial_get_number (self));
      break;
    case PROP_RING_VISIBLE:
      g_value_set_boolean (value, self->ring_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_countdown_dial_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LimberCountdownDial *self = LIMBER_COUNTDOWN_DIAL (object);

  switch (prop_id)
    {
    case PROP_COUNTDOWN:
      limber_countdown_dial_set_countdown (self, g_value_get_object (value));
      break;
    case PROP_NUMBER:
      limber_countdown_dial_set_number (self, g_value_get_string (value));
      break;
    case PROP_RING_VISIBLE:
      limber_countdown_dial_set_ring_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_countdown_dial_class_init (LimberCountdownDialClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_countdown_dial_dispose;
  object_class->get_property = limber_countdown_dial_get_property;
  object_class->set_property = limber_countdown_dial_set_property;

  widget_class->snapshot = limber_countdown_dial_snapshot;
  widget_class->measure = limber_countdown_dial_measure;
  widget_class->size_allocate = limber_countdown_dial_size_allocate;

  properties[PROP_COUNTDOWN] =
    g_param_spec_object ("countdown", NULL, NULL, LIMBER_TYPE_COUNTDOWN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RING_VISIBLE] =
    g_param_spec_boolean ("ring-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "limber-countdown-dial");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TIMER);
}

static void
limber_countdown_dial_init (LimberCountdownDial *self)
{
  self->ring_visible = TRUE;
  self->number_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->number_label, "limber-dial-number");
  gtk_widget_set_parent (self->number_label, GTK_WIDGET (self));
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
limber_countdown_dial_new (void)
{
  return g_object_new (LIMBER_TYPE_COUNTDOWN_DIAL, NULL);
}

LimberCountdown *
limber_countdown_dial_get_countdown (LimberCountdownDial *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN_DIAL (self), NULL);

  return self->countdown;
}

/**
 * limber_countdown_dial_set_countdown:
 * @countdown: (nullable): what the ring shows
 */
void
limber_countdown_dial_set_countdown (LimberCountdownDial *self,
                                     LimberCountdown     *countdown)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN_DIAL (self));

  if (self->countdown == countdown)
    return;

  if (self->countdown != NULL)
    g_signal_handlers_disconnect_by_data (self->countdown, self);
  g_set_object (&self->countdown, countdown);
  if (countdown != NULL)
    {
      g_signal_connect_object (countdown, "notify::state", G_CALLBACK (on_countdown_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (countdown, "notify::seconds-left", G_CALLBACK (on_countdown_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (countdown, "notify::duration", G_CALLBACK (on_countdown_changed), self,
                               G_CONNECT_SWAPPED);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTDOWN]);
}

const char *
limber_countdown_dial_get_number (LimberCountdownDial *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN_DIAL (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->number_label));
}

/**
 * limber_countdown_dial_set_number:
 *
 * The text in the middle: seconds left, a repetition, a step number.
 */
void
limber_countdown_dial_set_number (LimberCountdownDial *self,
                                  const char          *number)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN_DIAL (self));

  if (number == NULL)
    number = "";
  if (g_str_equal (number, gtk_label_get_label (GTK_LABEL (self->number_label))))
    return;

  /* A different length needs a different font size. */
  if (g_utf8_strlen (number, -1) != g_utf8_strlen (gtk_label_get_label (GTK_LABEL (self->number_label)), -1))
    {
      self->font_size = 0;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
  gtk_label_set_label (GTK_LABEL (self->number_label), number);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

gboolean
limber_countdown_dial_get_ring_visible (LimberCountdownDial *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN_DIAL (self), FALSE);

  return self->ring_visible;
}

void
limber_countdown_dial_set_ring_visible (LimberCountdownDial *self,
                                        gboolean             visible)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN_DIAL (self));

  visible = !!visible;
  if (self->ring_visible == visible)
    return;

  self->ring_visible = visible;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RING_VISIBLE]);
}

/**
 * limber_countdown_dial_flash:
 *
 * Lights the dial up for a moment: what a cue looks like.
 */
void
limber_countdown_dial_flash (LimberCountdownDial *self)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN_DIAL (self));

  if (self->flash == NULL)
    {
      self->flash = limber_countdown_new ();
      /* A visual effect, in real time even when the tests speed time up. */
      limber_countdown_set_time_scale (self->flash, 1.0);
      g_signal_connect_object (self->flash, "finished", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
    }

  limber_countdown_start (self->flash, FLASH_MS);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
