/* limber-illustration.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-illustration"

#include "limber-illustration.h"

/* Rendered at twice the SVG's size so that the picture stays sharp when a
 * large window or a HiDPI screen scales it up. */
#define RENDER_SCALE 2

/* A picture that keeps its aspect ratio in its *minimum* height for a width.
 * GtkPicture can only shrink to nothing, so inside a scrolled window (which
 * hands out minimum heights) it collapsed; asking the scrolled window for
 * natural heights instead made every wrapped label be measured twice. */
struct _LimberIllustration
{
  GtkWidget     parent_instance;

  GdkPaintable *paintable;
  char         *alternative_text;
};

G_DEFINE_FINAL_TYPE (LimberIllustration, limber_illustration, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAINTABLE,
  PROP_ALTERNATIVE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
aspect_ratio (LimberIllustration *self)
{
  double ratio = self->paintable != NULL ? gdk_paintable_get_intrinsic_aspect_ratio (self->paintable) : 0;

  return ratio > 0 ? ratio : 4.0 / 3.0;
}

static GtkSizeRequestMode
limber_illustration_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
limber_illustration_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  LimberIllustration *self = LIMBER_ILLUSTRATION (widget);
  int natural_width = 0;

  if (self->paintable != NULL)
    natural_width = gdk_paintable_get_intrinsic_width (self->paintable) / RENDER_SCALE;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 0;
      *natural = natural_width;
    }
  else if (for_size >= 0)
    {
      *minimum = *natural = (int)(for_size / aspect_ratio (self));
    }
  else
    {
      *minimum = 0;
      *natural = (int)(natural_width / aspect_ratio (self));
    }
}

static void
limber_illustration_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  LimberIllustration *self = LIMBER_ILLUSTRATION (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double ratio = aspect_ratio (self);
  double draw_width, draw_height;

  if (self->paintable == NULL || width <= 0 || height <= 0)
    return;

  if (width / height > ratio)
    {
      draw_height = height;
      draw_width = height * ratio;
    }
  else
    {
      draw_width = width;
      draw_height = width / ratio;
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - draw_width) / 2, (height - draw_height) / 2));
  gdk_paintable_snapshot (self->paintable, snapshot, draw_width, draw_height);
  gtk_snapshot_restore (snapshot);
}

static void
limber_illustration_dispose (GObject *object)
{
  LimberIllustration *self = (LimberIllustration *)object;

  g_clear_object (&self->paintable);
  g_clear_pointer (&self->alternative_text, g_free);

  G_OBJECT_CLASS (limber_illustration_parent_class)->dispose (object);
}

static void
limber_illustration_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LimberIllustration *self = LIMBER_ILLUSTRATION (object);

  switch (prop_id)
    {
    case PROP_PAINTABLE:
      g_value_set_object (value, self->paintable);
      break;
    case PROP_ALTERNATIVE_TEXT:
      g_value_set_string (value, self->alternative_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_illustration_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LimberIllustration *self = LIMBER_ILLUSTRATION (object);

  switch (prop_id)
    {
    case PROP_ALTERNATIVE_TEXT:
      limber_illustration_set_alternative_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_illustration_class_init (LimberIllustrationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_illustration_dispose;
  object_class->get_property = limber_illustration_get_property;
  object_class->set_property = limber_illustration_set_property;

  widget_class->get_request_mode = limber_illustration_get_request_mode;
  widget_class->measure = limber_illustration_measure;
  widget_class->snapshot = limber_illustration_snapshot;

  properties[PROP_PAINTABLE] =
    g_param_spec_object ("paintable", NULL, NULL, GDK_TYPE_PAINTABLE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALTERNATIVE_TEXT] =
    g_param_spec_string ("alternative-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "picture");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
limber_illustration_init (LimberIllustration *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
limber_illustration_new (void)
{
  return g_object_new (LIMBER_TYPE_ILLUSTRATION, NULL);
}

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height)
{
  gdk_pixbuf_loader_set_size (loader, width * RENDER_SCALE, height * RENDER_SCALE);
}

gboolean
limber_illustration_load_resource (LimberIllustration  *self,
                                   const char          *resource_path,
                                   GError             **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GdkPixbuf *pixbuf;

  g_return_val_if_fail (LIMBER_IS_ILLUSTRATION (self), FALSE);
  g_return_val_if_fail (resource_path != NULL, FALSE);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  /* The loader tells the natural size before it renders, so the SVG is
   * rendered once, straight at the larger size. */
  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), NULL);
  if (!gdk_pixbuf_loader_write_bytes (loader, bytes, error) || !gdk_pixbuf_loader_close (loader, error))
    return FALSE;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE, "%s is not a picture", resource_path);
      return FALSE;
    }

  texture = gdk_texture_new_for_pixbuf (pixbuf);
  g_set_object (&self->paintable, GDK_PAINTABLE (texture));

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAINTABLE]);

  return TRUE;
}

GdkPaintable *
limber_illustration_get_paintable (LimberIllustration *self)
{
  g_return_val_if_fail (LIMBER_IS_ILLUSTRATION (self), NULL);

  return self->paintable;
}

const char *
limber_illustration_get_alternative_text (LimberIllustration *self)
{
  g_return_val_if_fail (LIMBER_IS_ILLUSTRATION (self), NULL);

  return self->alternative_text;
}

void
limber_illustration_set_alternative_text (LimberIllustration *self,
                                          const char         *text)
{
  g_return_if_fail (LIMBER_IS_ILLUSTRATION (self));

  if (g_strcmp0 (self->alternative_text, text) == 0)
    return;

  g_free (self->alternative_text);
  self->alternative_text = g_strdup (text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALTERNATIVE_TEXT]);
}
