/* limber-illustration.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-illustration"

#include "limber-config.h"

#include <adwaita.h>
#include <librsvg/rsvg.h>
#include <math.h>

#include "limber-compat.h"
#include "limber-illustration.h"
#include "limber-illustration-text.h"

/* A picture is rendered at exactly the pixels it covers. When it grows, it
 * is rendered a step ahead, an eighth of an octave (9 %), so that a window
 * being enlarged renders it anew once per step, not at every frame; a
 * rendering then serves until the picture shrinks below three quarters of
 * it. A texture is never drawn larger than it was rendered: it stays sharp. */
#define STEPS_PER_OCTAVE 8
#define SHRINK_LIMIT 0.75

/* A 4K screen's width: more would cost memory and show nothing more. */
#define MAX_RENDER_WIDTH 4096

typedef enum
{
  STYLE_LIGHT,
  STYLE_DARK,
  STYLE_HIGH_CONTRAST,
  STYLE_HIGH_CONTRAST_DARK,
} Style;

/* The style sheets in resources/illustration-styles/ that repaint the pictures'
 * own (light) palette for each style, in cascade order. */
static const char * const style_sheets[][3] = {
  [STYLE_LIGHT] = { NULL },
  [STYLE_DARK] = { "dark.css", NULL },
  [STYLE_HIGH_CONTRAST] = { "high-contrast.css", NULL },
  [STYLE_HIGH_CONTRAST_DARK] = { "dark.css", "high-contrast-dark.css", NULL },
};

/* A picture that keeps its aspect ratio in its *minimum* height for a width.
 * GtkPicture can only shrink to nothing, so inside a scrolled window (which
 * hands out minimum heights) it collapsed; asking the scrolled window for
 * natural heights instead made every wrapped label be measured twice.
 *
 * So, unlike text, it needs more height the wider it is, and it is kept
 * narrow by a maximum width of its own, not by an AdwClamp: a clamp
 * (libadwaita 1.7 and later) reports as its minimum height its child's at
 * the widest it could give, which is text's least but a picture's most, and
 * so came out above its natural height, GTK's error.
 *
 * It renders its SVG at the size it is drawn, in the colours of the current
 * style, the first time it is drawn (not when it is loaded, so pictures that
 * are never seen cost nothing), and again only when either changes. */
struct _LimberIllustration
{
  GtkWidget        parent_instance;

  char            *resource_path;
  GBytes          *document;         /* the SVG, its words translated */
  double           intrinsic_width;
  double           intrinsic_height;

  RsvgHandle      *handle;           /* the document, styled for handle_style */
  Style            handle_style;

  GdkTexture      *texture;          /* the last rendering, in texture_style */
  Style            texture_style;

  AdwStyleManager *style_manager;    /* while rooted */
  char            *alternative_text;
  /* In the session view the picture gives up height to the countdown,
   * rather than keeping all of its aspect's height for a width. */
  gboolean         can_shrink;
  int              maximum_width;    /* -1: as wide as it is given */
};

G_DEFINE_FINAL_TYPE (LimberIllustration, limber_illustration, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAINTABLE,
  PROP_ALTERNATIVE_TEXT,
  PROP_CAN_SHRINK,
  PROP_MAXIMUM_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
aspect_ratio (LimberIllustration *self)
{
  return self->document != NULL ? self->intrinsic_width / self->intrinsic_height : 4.0 / 3.0;
}

/* How much of @width the picture takes. */
static double
shown_width (LimberIllustration *self,
             double              width)
{
  return self->maximum_width >= 0 ? MIN (width, self->maximum_width) : width;
}

static RsvgHandle *
parse_document (GBytes   *document,
                Style     style,
                GError  **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (document);
  g_autoptr(GString) css = g_string_new (NULL);
  RsvgHandle *handle;

  handle = rsvg_handle_new_from_stream_sync (stream, NULL, RSVG_HANDLE_FLAGS_NONE, NULL, error);
  if (handle == NULL)
    return NULL;

  for (const char * const *name = style_sheets[style]; *name != NULL; name++)
    {
      g_autofree char *path = g_build_path ("/", RESOURCE_BASE_PATH, "illustration-styles", *name, NULL);
      g_autoptr(GBytes) sheet = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

      if (sheet == NULL)
        {
          g_object_unref (handle);
          return NULL;
        }
      g_string_append_len (css, g_bytes_get_data (sheet, NULL), g_bytes_get_size (sheet));
    }

  if (css->len > 0 && !rsvg_handle_set_stylesheet (handle, (const guint8 *) css->str, css->len, error))
    {
      g_object_unref (handle);
      return NULL;
    }

  return handle;
}

static Style
current_style (LimberIllustration *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  gboolean dark = adw_style_manager_get_dark (style_manager);

  if (adw_style_manager_get_high_contrast (style_manager))
    return dark ? STYLE_HIGH_CONTRAST_DARK : STYLE_HIGH_CONTRAST;

  return dark ? STYLE_DARK : STYLE_LIGHT;
}

/* The smallest width of the form 2^(k / STEPS_PER_OCTAVE) that is at least @width. */
static int
step_up (int width)
{
  double steps = ceil (log2 (width) * STEPS_PER_OCTAVE - 1e-9);
  int stepped = (int) ceil (exp2 (steps / STEPS_PER_OCTAVE) - 1e-9);

  return CLAMP (MAX (stepped, width), 1, MAX_RENDER_WIDTH);
}

/* The width to render @width pixels at, or 0 if the last rendering serves. */
static int
rendering_width (LimberIllustration *self,
                 Style               style,
                 int                 width)
{
  int rendered_width;

  if (self->texture == NULL || self->texture_style != style)
    return width;

  rendered_width = gdk_texture_get_width (self->texture);
  if (width > rendered_width)
    return step_up (width);
  if (width < rendered_width * SHRINK_LIMIT)
    return width;

  return 0;
}

static void
render (LimberIllustration *self,
        Style               style,
        int                 width)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pixels = NULL;
  int height = MAX (1, (int) round (width / aspect_ratio (self)));
  gint64 started = g_get_monotonic_time ();
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean rendered;

  if (self->handle_style != style)
    {
      RsvgHandle *handle = parse_document (self->document, style, &error);

      /* The same document parsed at load, and style sheets of our own:
       * only a bug in one of them gets here. */
      if (handle == NULL)
        {
          g_warning ("Could not restyle the illustration %s: %s", self->resource_path, error->message);
          return;
        }
      g_set_object (&self->handle, handle);
      g_object_unref (handle);
      self->handle_style = style;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  rendered = rsvg_handle_render_document (self->handle, cr, &(RsvgRectangle) { 0, 0, width, height }, &error);
  cairo_destroy (cr);

  if (!rendered || cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_warning ("Could not draw the illustration %s at %d×%d: %s", self->resource_path, width, height,
                 error != NULL ? error->message : cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return;
    }

  cairo_surface_flush (surface);
  pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                       (gsize) cairo_image_surface_get_stride (surface) * height,
                                       (GDestroyNotify) cairo_surface_destroy, surface);
  g_clear_object (&self->texture);
  self->texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels,
                                          cairo_image_surface_get_stride (surface));
  self->texture_style = style;
  g_debug ("Rendered %s at %d×%d in style %d: %.1f ms", self->resource_path, width, height, style,
           (g_get_monotonic_time () - started) / 1000.0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAINTABLE]);
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
  int natural_width = self->document != NULL ? (int) shown_width (self, self->intrinsic_width) : 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 0;
      *natural = natural_width;
    }
  else if (for_size >= 0)
    {
      *minimum = *natural = (int)(shown_width (self, for_size) / aspect_ratio (self));
      if (self->can_shrink)
        *minimum = 0;
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
  int pixel_width, render_width;
  Style style;

  if (self->document == NULL || width <= 0 || height <= 0)
    return;

  /* As large as fits, centred. */
  if (shown_width (self, width) / height > ratio)
    {
      draw_height = height;
      draw_width = height * ratio;
    }
  else
    {
      draw_width = shown_width (self, width);
      draw_height = draw_width / ratio;
    }

  pixel_width = MIN ((int) ceil (draw_width * limber_compat_widget_get_scale (widget)), MAX_RENDER_WIDTH);
  style = current_style (self);
  render_width = rendering_width (self, style, MAX (pixel_width, 1));
  if (render_width > 0)
    render (self, style, render_width);

  if (self->texture == NULL)
    return;

  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT ((width - draw_width) / 2, (height - draw_height) / 2,
                                                    draw_width, draw_height));
}

/* A change of style restyles the rendering at the next frame. */
static void
limber_illustration_root (GtkWidget *widget)
{
  LimberIllustration *self = LIMBER_ILLUSTRATION (widget);

  GTK_WIDGET_CLASS (limber_illustration_parent_class)->root (widget);

  self->style_manager = adw_style_manager_get_for_display (gtk_widget_get_display (widget));
  g_signal_connect_object (self->style_manager, "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->style_manager, "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

static void
limber_illustration_unroot (GtkWidget *widget)
{
  LimberIllustration *self = LIMBER_ILLUSTRATION (widget);

  g_signal_handlers_disconnect_by_data (self->style_manager, self);
  self->style_manager = NULL;

  GTK_WIDGET_CLASS (limber_illustration_parent_class)->unroot (widget);
}

static void
limber_illustration_dispose (GObject *object)
{
  LimberIllustration *self = (LimberIllustration *)object;

  g_clear_object (&self->texture);
  g_clear_object (&self->handle);
  g_clear_pointer (&self->document, g_bytes_unref);
  g_clear_pointer (&self->resource_path, g_free);
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
      g_value_set_object (value, self->texture);
      break;
    case PROP_ALTERNATIVE_TEXT:
      g_value_set_string (value, self->alternative_text);
      break;
    case PROP_CAN_SHRINK:
      g_value_set_boolean (value, self->can_shrink);
      break;
    case PROP_MAXIMUM_WIDTH:
      g_value_set_int (value, self->maximum_width);
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
    case PROP_CAN_SHRINK:
      if (self->can_shrink != g_value_get_boolean (value))
        {
          self->can_shrink = g_value_get_boolean (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_MAXIMUM_WIDTH:
      limber_illustration_set_maximum_width (self, g_value_get_int (value));
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
  widget_class->root = limber_illustration_root;
  widget_class->unroot = limber_illustration_unroot;

  /**
   * LimberIllustration:paintable:
   *
   * The picture as last drawn: a texture of the size it was drawn at, in
   * the current style's colours. %NULL until it is first drawn.
   */
  properties[PROP_PAINTABLE] =
    g_param_spec_object ("paintable", NULL, NULL, GDK_TYPE_PAINTABLE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALTERNATIVE_TEXT] =
    g_param_spec_string ("alternative-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_SHRINK] =
    g_param_spec_boolean ("can-shrink", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * LimberIllustration:maximum-width:
   *
   * The widest the picture is shown, in pixels, centred in a wider widget;
   * -1 for no limit.
   */
  properties[PROP_MAXIMUM_WIDTH] =
    g_param_spec_int ("maximum-width", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "picture");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
limber_illustration_init (LimberIllustration *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  self->maximum_width = -1;
}

GtkWidget *
limber_illustration_new (void)
{
  return g_object_new (LIMBER_TYPE_ILLUSTRATION, NULL);
}

/**
 * limber_illustration_load_resource:
 * @resource_path: an SVG in Limber's resources
 *
 * Reads the picture and translates its words; it is rendered when it is
 * first drawn. On error the picture shown before stays.
 *
 * Returns: %FALSE, with @error set, if there is no such resource or it is
 *   not an SVG with a size
 */
gboolean
limber_illustration_load_resource (LimberIllustration  *self,
                                   const char          *resource_path,
                                   GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) document = NULL;
  RsvgHandle *handle;
  double width, height;

  g_return_val_if_fail (LIMBER_IS_ILLUSTRATION (self), FALSE);
  g_return_val_if_fail (resource_path != NULL, FALSE);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  document = limber_illustration_text_translate (bytes, error);
  handle = document != NULL ? parse_document (document, STYLE_LIGHT, error) : NULL;
  if (handle == NULL)
    {
      g_prefix_error (error, "%s is not an SVG picture: ", resource_path);
      return FALSE;
    }

  /* The layout needs the size before anything is rendered. */
  if (!rsvg_handle_get_intrinsic_size_in_pixels (handle, &width, &height) || width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s has no width and height in pixels", resource_path);
      g_object_unref (handle);
      return FALSE;
    }

  g_free (self->resource_path);
  self->resource_path = g_strdup (resource_path);
  g_clear_pointer (&self->document, g_bytes_unref);
  self->document = g_steal_pointer (&document);
  self->intrinsic_width = width;
  self->intrinsic_height = height;
  g_clear_object (&self->handle);
  self->handle = handle;
  self->handle_style = STYLE_LIGHT;

  gtk_widget_queue_resize (GTK_WIDGET (self));
  if (self->texture != NULL)
    {
      g_clear_object (&self->texture);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAINTABLE]);
    }

  return TRUE;
}

/**
 * limber_illustration_get_paintable:
 *
 * Returns: (transfer none) (nullable): the picture as last drawn, or %NULL
 *   if it has not been drawn yet
 */
GdkPaintable *
limber_illustration_get_paintable (LimberIllustration *self)
{
  g_return_val_if_fail (LIMBER_IS_ILLUSTRATION (self), NULL);

  return self->texture != NULL ? GDK_PAINTABLE (self->texture) : NULL;
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

int
limber_illustration_get_maximum_width (LimberIllustration *self)
{
  g_return_val_if_fail (LIMBER_IS_ILLUSTRATION (self), -1);

  return self->maximum_width;
}

void
limber_illustration_set_maximum_width (LimberIllustration *self,
                                       int                 maximum_width)
{
  g_return_if_fail (LIMBER_IS_ILLUSTRATION (self));
  g_return_if_fail (maximum_width >= -1);

  if (self->maximum_width == maximum_width)
    return;

  self->maximum_width = maximum_width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAXIMUM_WIDTH]);
}

/**
 * limber_illustration_get_aspect_ratio:
 *
 * Returns: the picture's width divided by its height (4:3 before one is
 *   loaded)
 */
double
limber_illustration_get_aspect_ratio (LimberIllustration *self)
{
  g_return_val_if_fail (LIMBER_IS_ILLUSTRATION (self), 4.0 / 3.0);

  return aspect_ratio (self);
}

/**
 * limber_illustration_draw_on_paper:
 * @cr: a context to draw on, such as a page being printed
 * @width: the width to fill, in @cr's units
 * @height: the height to fill
 *
 * Draws the picture at the origin of @cr, as large as fits in @width by
 * @height with its aspect kept, in its own light palette whatever the
 * screen's style (paper is white), and as vectors: on a PDF or a printer it
 * stays sharp at any resolution.
 *
 * Returns: %FALSE, with @error set, if nothing is loaded or it cannot be drawn
 */
gboolean
limber_illustration_draw_on_paper (LimberIllustration  *self,
                                   cairo_t             *cr,
                                   double               width,
                                   double               height,
                                   GError             **error)
{
  RsvgHandle *handle;
  gboolean drawn;

  g_return_val_if_fail (LIMBER_IS_ILLUSTRATION (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  if (self->document == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "No picture is loaded");
      return FALSE;
    }

  /* The screen's rendering may have restyled the handle for dark mode. */
  handle = self->handle_style == STYLE_LIGHT ? g_object_ref (self->handle)
                                             : parse_document (self->document, STYLE_LIGHT, error);
  if (handle == NULL)
    return FALSE;

  drawn = rsvg_handle_render_document (handle, cr, &(RsvgRectangle) { 0, 0, width, height }, error);
  g_object_unref (handle);
  return drawn;
}
