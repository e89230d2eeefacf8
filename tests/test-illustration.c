/* test-illustration.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <locale.h>

#include "limber-illustration.h"
#include "limber-illustration-text.h"

#define WALL_PUSH_UP RESOURCE_BASE_PATH "/illustrations/wall-push-up.svg"
#define A11Y_INTERFACE_SCHEMA "org.gnome.desktop.a11y.interface"

/* A wider window with the picture limited to a given width, as the slide
 * shows it. */
typedef struct
{
  GtkWindow          *window;
  LimberIllustration *illustration;
  int                 width;
} Shown;

static void
set_shown_width (Shown *shown,
                 int    width)
{
  shown->width = width;
  limber_illustration_set_maximum_width (shown->illustration, width);
}

/* Laid out for the width it is shown at: the wall push-up's 4:3 for it. */
static void
assert_laid_out (Shown *shown)
{
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (shown->illustration)), >, shown->width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (shown->illustration)), ==, shown->width * 3 / 4);
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Until the window has drawn a frame with everything changed so far. */
static void
wait_for_frame (Shown *shown)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (shown->window));
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);

  gtk_widget_queue_draw (GTK_WIDGET (shown->illustration));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static void
show (Shown      *shown,
      const char *resource_path,
      int         width)
{
  g_autoptr(GError) error = NULL;

  shown->window = GTK_WINDOW (gtk_window_new ());
  shown->illustration = LIMBER_ILLUSTRATION (limber_illustration_new ());
  gtk_widget_set_valign (GTK_WIDGET (shown->illustration), GTK_ALIGN_START);
  gtk_window_set_child (shown->window, GTK_WIDGET (shown->illustration));
  gtk_window_set_default_size (shown->window, 1200, 900);
  set_shown_width (shown, width);

  g_assert_true (limber_illustration_load_resource (shown->illustration, resource_path, &error));
  g_assert_no_error (error);

  gtk_window_present (shown->window);
  wait_for_frame (shown);
  assert_laid_out (shown);
}

static void
unshow (Shown *shown)
{
  gtk_window_destroy (shown->window);
}

static GdkTexture *
shown_texture (Shown *shown)
{
  GdkPaintable *paintable = limber_illustration_get_paintable (shown->illustration);

  g_assert_true (GDK_IS_TEXTURE (paintable));
  return GDK_TEXTURE (paintable);
}

/* Sharp: rendered at the pixels it covers, or (after growing) at most one
 * step (9 %) more, never fewer; and in the picture's proportions. */
static void
assert_rendered_for (Shown *shown,
                     int    width)
{
  GdkTexture *texture = shown_texture (shown);
  int pixels = width * gtk_widget_get_scale_factor (GTK_WIDGET (shown->illustration));

  g_assert_cmpint (gdk_texture_get_width (texture), >=, pixels);
  g_assert_cmpint (gdk_texture_get_width (texture), <=, (int) (pixels * 1.1));
  g_assert_cmpint (ABS (gdk_texture_get_height (texture) * 4 - gdk_texture_get_width (texture) * 3), <=, 4);
}

typedef struct
{
  double red, green, blue;
} Colour;

/* The texture's pixels: GDK_MEMORY_DEFAULT, premultiplied ARGB in
 * native-endian words, a row after another. */
static guint32 *
download_pixels (GdkTexture *texture)
{
  gsize stride = (gsize) gdk_texture_get_width (texture) * 4;
  guint32 *pixels = g_malloc (stride * gdk_texture_get_height (texture));

  gdk_texture_download (texture, (guchar *) pixels, stride);
  return pixels;
}

/* The colour at (x, y) in the picture's own 480×360 units. */
static Colour
colour_at (GdkTexture *texture,
           double      x,
           double      y)
{
  int width = gdk_texture_get_width (texture);
  g_autofree guint32 *pixels = download_pixels (texture);
  int column = (int) (x / 480 * width);
  int row = (int) (y / 360 * gdk_texture_get_height (texture));
  guint32 pixel = pixels[row * width + column];

  g_assert_cmpuint (pixel >> 24, ==, 0xff);

  return (Colour) { ((pixel >> 16) & 0xff) / 255.0, ((pixel >> 8) & 0xff) / 255.0, (pixel & 0xff) / 255.0 };
}

static double
luminance (Colour colour)
{
  return 0.2126 * colour.red + 0.7152 * colour.green + 0.0722 * colour.blue;
}

/* Points of the wall push-up, in its own units: the empty card, the shirt,
 * and the card's edge, where high contrast draws its outline. */
#define CARD 40, 40
#define SHIRT 282, 155
#define CARD_EDGE 3, 180

static void
test_illustration_keeps_aspect_ratio (void)
{
  LimberIllustration *illustration = g_object_ref_sink (LIMBER_ILLUSTRATION (limber_illustration_new ()));
  g_autoptr(GError) error = NULL;
  int minimum, natural;

  g_assert_true (limber_illustration_load_resource (illustration, WALL_PUSH_UP, &error));
  g_assert_no_error (error);

  /* Nothing is rendered before the picture is drawn. */
  g_assert_null (limber_illustration_get_paintable (illustration));

  /* The SVG's own 480×360. */
  gtk_widget_measure (GTK_WIDGET (illustration), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 0);
  g_assert_cmpint (natural, ==, 480);

  /* The minimum height follows the width: a scrolled window never squashes it. */
  gtk_widget_measure (GTK_WIDGET (illustration), GTK_ORIENTATION_VERTICAL, 400, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 300);
  g_assert_cmpint (natural, ==, 300);
  gtk_widget_measure (GTK_WIDGET (illustration), GTK_ORIENTATION_VERTICAL, 336, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 252);

  g_assert_finalize_object (illustration);
}

static void
test_illustration_renders_at_shown_size (void)
{
  Shown shown;
  GdkTexture *first, *larger;

  /* At first, and after a change of style, exactly the pixels it covers. */
  show (&shown, WALL_PUSH_UP, 400);
  assert_rendered_for (&shown, 400);
  first = shown_texture (&shown);
  g_assert_cmpint (gdk_texture_get_width (first), ==, 400 * gtk_widget_get_scale_factor (GTK_WIDGET (shown.illustration)));

  /* A little smaller: drawn from the same rendering. */
  set_shown_width (&shown, 392);
  wait_for_frame (&shown);
  assert_laid_out (&shown);
  g_assert_true (shown_texture (&shown) == first);

  /* Larger: rendered again, a step ahead of the new size, as on a TV. */
  set_shown_width (&shown, 1100);
  wait_for_frame (&shown);
  assert_laid_out (&shown);
  assert_rendered_for (&shown, 1100);
  larger = shown_texture (&shown);
  g_assert_true (larger != first);

  /* Much smaller again: rendered smaller, not kept at the large size. */
  set_shown_width (&shown, 700);
  wait_for_frame (&shown);
  assert_laid_out (&shown);
  assert_rendered_for (&shown, 700);
  g_assert_true (shown_texture (&shown) != larger);

  unshow (&shown);
}

static void
test_illustration_dark (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  Shown shown;
  GdkTexture *light;
  Colour light_card, light_shirt, dark_card, dark_shirt;

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  show (&shown, WALL_PUSH_UP, 480);
  light = g_object_ref (shown_texture (&shown));
  light_card = colour_at (light, CARD);
  light_shirt = colour_at (light, SHIRT);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_frame (&shown);
  g_assert_true (shown_texture (&shown) != light);
  assert_rendered_for (&shown, 480);
  dark_card = colour_at (shown_texture (&shown), CARD);
  dark_shirt = colour_at (shown_texture (&shown), SHIRT);

  /* The card goes from light to dark; the shirt stays blue. */
  g_assert_cmpfloat (luminance (light_card), >, 0.8);
  g_assert_cmpfloat (luminance (dark_card), <, 0.25);
  g_assert_cmpfloat (light_shirt.blue, >, light_shirt.red + 0.4);
  g_assert_cmpfloat (dark_shirt.blue, >, dark_shirt.red + 0.4);

  /* And back. */
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for_frame (&shown);
  g_assert_cmpfloat (luminance (colour_at (shown_texture (&shown), CARD)), ==, luminance (light_card));

  unshow (&shown);
  g_object_unref (light);
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_illustration_high_contrast (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                                                       A11Y_INTERFACE_SCHEMA, TRUE);
  g_autoptr(GSettings) a11y = NULL;
  Shown shown;
  Colour edge;

  /* libadwaita reads high contrast from this key when there is no portal,
   * as in this test's own D-Bus session. */
  if (schema == NULL)
    {
      g_test_skip ("needs the " A11Y_INTERFACE_SCHEMA " schema (gsettings-desktop-schemas)");
      return;
    }
  a11y = g_settings_new (A11Y_INTERFACE_SCHEMA);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  show (&shown, WALL_PUSH_UP, 480);

  /* No outline: the card's own pale colour at its edge. */
  edge = colour_at (shown_texture (&shown), CARD_EDGE);
  g_assert_cmpfloat (luminance (edge), >, 0.8);

  /* High contrast: a white card with a black outline. */
  g_settings_set_boolean (a11y, "high-contrast", TRUE);
  while (!adw_style_manager_get_high_contrast (style_manager))
    g_main_context_iteration (NULL, TRUE);
  wait_for_frame (&shown);
  g_assert_cmpfloat (luminance (colour_at (shown_texture (&shown), CARD_EDGE)), <, 0.05);
  g_assert_cmpfloat (luminance (colour_at (shown_texture (&shown), CARD)), >, 0.99);

  /* And in the dark: a black card with a white outline. */
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_frame (&shown);
  g_assert_cmpfloat (luminance (colour_at (shown_texture (&shown), CARD_EDGE)), >, 0.95);
  g_assert_cmpfloat (luminance (colour_at (shown_texture (&shown), CARD)), <, 0.01);

  unshow (&shown);
  g_settings_reset (a11y, "high-contrast");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static char *
translated_document (const char *resource_path)
{
  g_autoptr(GBytes) svg = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) translated = limber_illustration_text_translate (svg, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (translated, NULL), g_bytes_get_size (translated));
}

static void
use_language (const char *language)
{
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  /* Newer glibc ignores LANGUAGE in C.UTF-8; the tests' en_US.UTF-8 (their
   * LOCPATH) is there on any machine. */
  g_assert_nonnull (setlocale (LC_ALL, language != NULL ? "en_US.UTF-8" : ""));
  /* Setting the locale already set changes nothing, and glibc would keep the
   * translations it looked up in the last language: this tells it. */
  textdomain (textdomain (NULL));
}

/* Counts the pixels that differ between two renderings of the same size in
 * a band of rows, given in the picture's own units. */
static guint
count_differences (GdkTexture *a,
                   GdkTexture *b,
                   double      top,
                   double      bottom)
{
  int width = gdk_texture_get_width (a);
  int height = gdk_texture_get_height (a);
  g_autofree guint32 *pixels_a = download_pixels (a);
  g_autofree guint32 *pixels_b = download_pixels (b);
  guint differences = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, width);
  g_assert_cmpint (gdk_texture_get_height (b), ==, height);

  for (int row = (int) (top / 360 * height); row < (int) (bottom / 360 * height); row++)
    for (int column = 0; column < width; column++)
      differences += pixels_a[row * width + column] != pixels_b[row * width + column];

  return differences;
}

static void
test_illustration_label_translated (void)
{
  g_autofree char *mo = g_build_filename (g_getenv ("LIMBER_LOCALEDIR"), "en_US", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *ar_mo = g_build_filename (g_getenv ("LIMBER_LOCALEDIR"), "ar", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *pot = NULL;
  g_autofree char *source = NULL;
  g_autofree char *us = NULL;
  Shown source_shown, us_shown;

  /* What translators get is what Limber looks up. */
  g_assert_true (g_file_get_contents (g_getenv ("LIMBER_ILLUSTRATION_POT"), &pot, NULL, NULL));
  g_assert_nonnull (strstr (pot, "\nmsgid \"30–60 cm\"\n"));

  source = translated_document (WALL_PUSH_UP);
  g_assert_nonnull (strstr (source, ">30–60 cm</text>"));

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("this build has no en_US translation");
      return;
    }

  /* The US edition measures in inches: its own translation says so. */
  use_language ("en_US");
  us = translated_document (WALL_PUSH_UP);
  g_assert_nonnull (strstr (us, ">12–24 inches</text>"));
  g_assert_null (strstr (us, "cm"));

  /* Arabic reads from right to left, and SVG must be told. */
  if (g_file_test (ar_mo, G_FILE_TEST_EXISTS))
    {
      g_autofree char *arabic = NULL;

      use_language ("ar");
      arabic = translated_document (WALL_PUSH_UP);
      g_assert_nonnull (strstr (arabic, " direction=\"rtl\">30–60 سم</text>"));
      use_language ("en_US");
    }
  g_assert_null (strstr (us, "direction="));

  /* The same picture, but for the label under the bracket. */
  show (&us_shown, WALL_PUSH_UP, 480);
  use_language (NULL);
  show (&source_shown, WALL_PUSH_UP, 480);
  g_assert_cmpuint (count_differences (shown_texture (&source_shown), shown_texture (&us_shown), 0, 325), ==, 0);
  g_assert_cmpuint (count_differences (shown_texture (&source_shown), shown_texture (&us_shown), 325, 360), >, 100);

  unshow (&source_shown);
  unshow (&us_shown);
}

/* Each picture paints only with the palette that dark.css documents and
 * repaints: a colour outside it would stay light on a dark card. */
static void
test_illustration_palette (void)
{
  g_autoptr(GBytes) dark = g_resources_lookup_data (RESOURCE_BASE_PATH "/illustration-styles/dark.css", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *palette = g_strndup (g_bytes_get_data (dark, NULL), g_bytes_get_size (dark));
  g_auto(GStrv) names = g_resources_enumerate_children (RESOURCE_BASE_PATH "/illustrations/", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GRegex) colour = g_regex_new ("(?:fill|stroke)=\"(#[0-9a-f]{6}|[^\"n][^\"]*)\"", 0, 0, NULL);
  guint n_pictures = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_BASE_PATH "/illustrations/", names[i], NULL);
      g_autoptr(GBytes) svg = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_str_has_suffix (names[i], ".svg"))
        continue;
      n_pictures++;
      svg = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_regex_match_full (colour, g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), 0, 0, &match, NULL);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *value = g_match_info_fetch (match, 1);

          if (strstr (palette, value) == NULL)
            g_test_fail_printf ("%s paints with %s, which is not in the palette of dark.css", names[i], value);
        }
    }

  g_assert_cmpuint (n_pictures, ==, 6);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_illustration_alternative_text (void)
{
  LimberIllustration *illustration = g_object_ref_sink (LIMBER_ILLUSTRATION (limber_illustration_new ()));
  guint n_notifies = 0;

  g_signal_connect_swapped (illustration, "notify::alternative-text", G_CALLBACK (count_notify), &n_notifies);

  limber_illustration_set_alternative_text (illustration, "A person leaning on a wall.");
  limber_illustration_set_alternative_text (illustration, "A person leaning on a wall.");
  g_assert_cmpstr (limber_illustration_get_alternative_text (illustration), ==, "A person leaning on a wall.");
  g_assert_cmpuint (n_notifies, ==, 1);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (illustration)), ==, GTK_ACCESSIBLE_ROLE_IMG);

  g_assert_finalize_object (illustration);
}

static void
test_illustration_missing_resource (void)
{
  LimberIllustration *illustration = g_object_ref_sink (LIMBER_ILLUSTRATION (limber_illustration_new ()));
  g_autoptr(GError) error = NULL;

  g_assert_false (limber_illustration_load_resource (illustration, RESOURCE_BASE_PATH "/illustrations/none.svg", &error));
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
  g_assert_null (limber_illustration_get_paintable (illustration));

  g_assert_finalize_object (illustration);
}

static void
test_illustration_not_a_picture (void)
{
  LimberIllustration *illustration = g_object_ref_sink (LIMBER_ILLUSTRATION (limber_illustration_new ()));
  g_autoptr(GError) error = NULL;
  int natural;

  /* A resource that exists but is no image: the message names it. */
  g_assert_false (limber_illustration_load_resource (illustration, RESOURCE_BASE_PATH "/style.css", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, RESOURCE_BASE_PATH "/style.css is not an SVG picture"));
  g_assert_null (limber_illustration_get_paintable (illustration));
  gtk_widget_measure (GTK_WIDGET (illustration), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  g_assert_cmpint (natural, ==, 0);

  g_assert_finalize_object (illustration);
}

/* A catalog may name any file of illustrations/ and nothing else
 * (limber-catalog.c), so every one of them must be a picture that loads. */
static void
test_illustration_every_picture_loads (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (RESOURCE_BASE_PATH "/illustrations/", 0, NULL);

  g_assert_nonnull (names);
  g_assert_cmpuint (g_strv_length (names), >=, 6);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_BASE_PATH "/illustrations/", names[i], NULL);
      LimberIllustration *illustration = g_object_ref_sink (LIMBER_ILLUSTRATION (limber_illustration_new ()));
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", path);
      int natural = 0;

      g_assert_true (limber_illustration_load_resource (illustration, path, &error));
      g_assert_no_error (error);
      /* Rendered at its first frame, not at load: its size is known already. */
      gtk_widget_measure (GTK_WIDGET (illustration), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpint (natural, >, 0);
      g_assert_finalize_object (illustration);
    }
}

static void
test_illustration_words_plain_text (void)
{
  const char *document = "<svg><text>30 <tspan>cm</tspan></text></svg>";
  g_autoptr(GBytes) svg = g_bytes_new_static (document, strlen (document));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) translated = limber_illustration_text_translate (svg, &error);

  g_assert_null (translated);
  g_assert_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT);
  g_assert_nonnull (strstr (error->message, "<tspan>"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* gtk_test_init() picked a fixed locale; the label test picks its own. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LIMBER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/illustration/keeps-aspect-ratio", test_illustration_keeps_aspect_ratio);
  g_test_add_func ("/illustration/renders-at-shown-size", test_illustration_renders_at_shown_size);
  g_test_add_func ("/illustration/dark", test_illustration_dark);
  g_test_add_func ("/illustration/high-contrast", test_illustration_high_contrast);
  g_test_add_func ("/illustration/label-translated", test_illustration_label_translated);
  g_test_add_func ("/illustration/palette", test_illustration_palette);
  g_test_add_func ("/illustration/alternative-text", test_illustration_alternative_text);
  g_test_add_func ("/illustration/missing-resource", test_illustration_missing_resource);
  g_test_add_func ("/illustration/not-a-picture", test_illustration_not_a_picture);
  g_test_add_func ("/illustration/every-picture-loads", test_illustration_every_picture_loads);
  g_test_add_func ("/illustration/words-plain-text", test_illustration_words_plain_text);

  return g_test_run ();
}
