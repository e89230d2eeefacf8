/* test-layout.c: the slide and the session view from a phone to a television,
 * asserted from what GTK allocates: narrow stacked, wide side by side (and
 * mirrored right to left), and the kiosk's sizes as shares of its screen.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <math.h>

#include "limber-countdown-private.h"
#include "limber-illustration.h"
#include "limber-kiosk-controller.h"
#include "limber-session-controller-private.h"
#include "limber-session-view-private.h"
#include "limber-slide-private.h"
#include "limber-test-backend.h"
#include "limber-window-private.h"
#include "window-helpers.h"

static LimberApplication *application;

typedef struct
{
  LimberWindow *window;
  int           width;
  int           height;
} Size;

/* The window's surface, frame and all, is the size of the screen it is on. */
static gboolean
has_size (gpointer data)
{
  Size *size = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (size->window));

  return gdk_surface_get_width (surface) == size->width && gdk_surface_get_height (surface) == size->height;
}

static gboolean
on_settle_timeout (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A layout that depends on a size it was given settles at the next frame or
 * two: runs the main loop until nothing more is queued, then a moment more. */
static void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (300, on_settle_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A window that opens at @width × @height, as one the person left so. */
static LimberWindow *
open_sized_window (int width,
                   int height)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = limber_plan_new (catalog, settings);
  g_autoptr(GSettings) window_settings = g_settings_new (APPLICATION_ID);
  LimberWindow *window;
  Size size;

  g_settings_set_int (window_settings, "window-width", width);
  g_settings_set_int (window_settings, "window-height", height);
  window = limber_window_new (GTK_APPLICATION (application), plan);
  size = (Size) { window, width, height };
  gtk_window_present (GTK_WINDOW (window));
  focus_window (window);
  wait_until (has_size, &size, "the window to take its size");
  settle ();

  return window;
}

static graphene_rect_t
bounds_in_window (GtkWidget    *widget,
                  LimberWindow *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  return bounds;
}

/* Where a picture is drawn in its allocation: its aspect ratio kept, centred. */
static graphene_rect_t
drawn_picture (GtkWidget    *illustration,
               LimberWindow *window)
{
  graphene_rect_t bounds = bounds_in_window (illustration, window);
  GdkPaintable *paintable = limber_illustration_get_paintable (LIMBER_ILLUSTRATION (illustration));
  double ratio = gdk_paintable_get_intrinsic_aspect_ratio (paintable);
  double width = MIN (bounds.size.width, bounds.size.height * ratio);
  double height = width / ratio;

  return GRAPHENE_RECT_INIT (bounds.origin.x + (bounds.size.width - width) / 2,
                             bounds.origin.y + (bounds.size.height - height) / 2, width, height);
}

static void
assert_inside_window (GtkWidget    *widget,
                      LimberWindow *window,
                      const char   *what)
{
  graphene_rect_t bounds = bounds_in_window (widget, window);
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  g_test_message ("%s: %.0f,%.0f %.0f×%.0f in %d×%d", what, bounds.origin.x, bounds.origin.y,
                  bounds.size.width, bounds.size.height, width, height);
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, height);
}

static LimberSlide *
current_slide (LimberWindow *window)
{
  AdwCarousel *carousel = limber_window_get_carousel (window);

  return LIMBER_SLIDE (adw_carousel_get_nth_page (carousel, limber_window_get_current_index (window)));
}

/* A phone's 360 × 640: one column, the picture above the steps, nothing
 * wider than the window, the controls in it. */
static void
test_layout_narrow (void)
{
  LimberWindow *window = open_sized_window (360, 640);
  LimberSlide *slide;
  graphene_rect_t picture, steps;

  slide = current_slide (window);
  g_assert_false (limber_slide_get_wide (slide));
  picture = bounds_in_window (limber_slide_get_illustration (slide), window);
  steps = bounds_in_window (limber_slide_get_steps_list (slide), window);
  g_test_message ("Picture %.0f,%.0f %.0f×%.0f; steps %.0f,%.0f %.0f×%.0f", picture.origin.x, picture.origin.y,
                  picture.size.width, picture.size.height, steps.origin.x, steps.origin.y, steps.size.width,
                  steps.size.height);
  g_assert_cmpfloat (picture.origin.y + picture.size.height, <=, steps.origin.y);
  g_assert_cmpfloat (steps.origin.x + steps.size.width, <=, 360);
  assert_inside_window (find_actionable (GTK_WIDGET (window), "slide.next"), window, "Next");
  assert_inside_window (find_actionable (GTK_WIDGET (window), "session.start"), window, "Start Session");

  close_window (window);
}

/* A laptop's 1280 × 800: the picture beside the steps, their tops level,
 * the picture as tall as the slide allows. */
static void
test_layout_wide (void)
{
  LimberWindow *window = open_sized_window (1280, 800);
  LimberSlide *slide;
  graphene_rect_t picture, steps;

  slide = current_slide (window);
  g_assert_true (limber_slide_get_wide (slide));
  picture = drawn_picture (limber_slide_get_illustration (slide), window);
  steps = bounds_in_window (limber_slide_get_steps_list (slide), window);
  g_test_message ("Picture %.0f,%.0f %.0f×%.0f; steps %.0f,%.0f %.0f×%.0f", picture.origin.x, picture.origin.y,
                  picture.size.width, picture.size.height, steps.origin.x, steps.origin.y, steps.size.width,
                  steps.size.height);

  if (gtk_widget_get_direction (GTK_WIDGET (slide)) == GTK_TEXT_DIR_RTL)
    g_assert_cmpfloat (steps.origin.x + steps.size.width, <=, picture.origin.x);
  else
    g_assert_cmpfloat (picture.origin.x + picture.size.width, <=, steps.origin.x);
  g_assert_cmpfloat (fabs (picture.origin.y - steps.origin.y), <=, 24);
  g_assert_cmpfloat (picture.size.height, >=, 0.45 * gtk_widget_get_height (GTK_WIDGET (slide)));
  g_assert_cmpfloat (steps.origin.x + steps.size.width, <=, 1280);

  close_window (window);
}

/* Right to left, the wide slide mirrors: the steps on the left. */
static void
test_layout_wide_rtl (void)
{
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  test_layout_wide ();
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  /* GNOME's own title buttons, as its settings daemon gives them. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE,
                "gtk-decoration-layout", "appmenu:close", NULL);
  application = register_test_application ();

  g_test_add_func ("/layout/narrow", test_layout_narrow);
  g_test_add_func ("/layout/wide", test_layout_wide);
  g_test_add_func ("/layout/wide-rtl", test_layout_wide_rtl);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
