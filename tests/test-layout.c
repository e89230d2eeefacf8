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
static gboolean
has_picture (gpointer illustration)
{
  return limber_illustration_get_paintable (LIMBER_ILLUSTRATION (illustration)) != NULL;
}

static graphene_rect_t
drawn_picture (GtkWidget    *illustration,
               LimberWindow *window)
{
  graphene_rect_t bounds;
  GdkPaintable *paintable;
  double ratio;

  /* A picture is rendered once its slide is built, and on its own time. */
  wait_until (has_picture, illustration, "the picture to be rendered");
  bounds = bounds_in_window (illustration, window);
  paintable = limber_illustration_get_paintable (LIMBER_ILLUSTRATION (illustration));
  ratio = gdk_paintable_get_intrinsic_aspect_ratio (paintable);
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

/* The current slide's picture, as drawn, and its list of steps. */
static LimberSlide *
measure_slide (LimberWindow    *window,
               graphene_rect_t *picture,
               graphene_rect_t *steps)
{
  LimberSlide *slide = current_slide (window);

  *picture = drawn_picture (limber_slide_get_illustration (slide), window);
  *steps = bounds_in_window (limber_slide_get_steps_list (slide), window);
  g_test_message ("Picture %.0f,%.0f %.0f×%.0f; steps %.0f,%.0f %.0f×%.0f", picture->origin.x, picture->origin.y,
                  picture->size.width, picture->size.height, steps->origin.x, steps->origin.y, steps->size.width,
                  steps->size.height);

  return slide;
}

static gboolean
session_active (gpointer data)
{
  return limber_session_controller_get_active (limber_window_get_session_controller (data));
}

/* Starts a session and waits for its view, paused at its first cue. */
static LimberSessionView *
start_session (LimberWindow *window)
{
  LimberSessionController *controller = limber_window_get_session_controller (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "session.start", NULL);
  wait_until (session_active, window, "the session to start");
  gtk_widget_activate_action (GTK_WIDGET (window), "session.toggle", NULL);
  settle ();

  return LIMBER_SESSION_VIEW (limber_session_controller_get_view (controller));
}

/* A phone's 360 × 640: one column, the picture above the steps, nothing
 * wider than the window, the controls in it; in a session, the dial and
 * every control of the bar (in two rows). */
static void
test_layout_narrow (void)
{
  LimberWindow *window = open_sized_window (360, 640);
  LimberSessionView *view;
  LimberSlide *slide;
  graphene_rect_t picture, steps;

  slide = measure_slide (window, &picture, &steps);
  g_assert_false (limber_slide_get_wide (slide));
  g_assert_cmpfloat (picture.origin.y + picture.size.height, <=, steps.origin.y);
  g_assert_cmpfloat (steps.origin.x + steps.size.width, <=, 360);
  assert_inside_window (find_actionable (GTK_WIDGET (window), "slide.next"), window, "Next");
  assert_inside_window (find_actionable (GTK_WIDGET (window), "session.start"), window, "Start Session");

  view = start_session (window);
  g_assert_false (limber_session_view_get_wide (view));
  assert_inside_window (GTK_WIDGET (limber_session_view_get_dial (view)), window, "countdown");
  assert_inside_window (limber_session_view_get_step_label (view), window, "step");
  assert_inside_window (find_actionable (GTK_WIDGET (window), "session.toggle"), window, "Pause");
  assert_inside_window (find_actionable (GTK_WIDGET (window), "session.stop"), window, "Stop");
  assert_inside_window (find_actionable (GTK_WIDGET (window), "session.skip-exercise"), window, "Skip");

  close_window (window);
}

/* A laptop's 1280 × 800: the picture beside the steps, their tops level,
 * the picture as tall as the slide allows; in a session, the picture
 * beside the coaching. Right to left, the other way round. */
static void
test_layout_wide (void)
{
  LimberWindow *window = open_sized_window (1280, 800);
  gboolean rtl = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
  LimberSessionView *view;
  LimberSlide *slide;
  graphene_rect_t picture, steps, coaching;

  slide = measure_slide (window, &picture, &steps);
  g_assert_true (limber_slide_get_wide (slide));
  if (rtl)
    g_assert_cmpfloat (steps.origin.x + steps.size.width, <=, picture.origin.x);
  else
    g_assert_cmpfloat (picture.origin.x + picture.size.width, <=, steps.origin.x);
  g_assert_cmpfloat (fabs (picture.origin.y - steps.origin.y), <=, 24);
  g_assert_cmpfloat (picture.size.height, >=, 0.45 * gtk_widget_get_height (GTK_WIDGET (slide)));
  g_assert_cmpfloat (steps.origin.x + steps.size.width, <=, 1280);

  view = start_session (window);
  g_assert_true (limber_session_view_get_wide (view));
  picture = drawn_picture (limber_session_view_get_illustration (view), window);
  coaching = bounds_in_window (GTK_WIDGET (limber_session_view_get_dial (view)), window);
  if (rtl)
    g_assert_cmpfloat (coaching.origin.x + coaching.size.width, <=, picture.origin.x);
  else
    g_assert_cmpfloat (picture.origin.x + picture.size.width, <=, coaching.origin.x);
  assert_inside_window (GTK_WIDGET (limber_session_view_get_dial (view)), window, "countdown");
  assert_inside_window (find_actionable (GTK_WIDGET (window), "session.stop"), window, "Stop");

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

/* The size of the font a label is set in, in pixels: its first run's. */
static double
font_pixels (GtkWidget *label)
{
  PangoLayoutIter *iter = pango_layout_get_iter (gtk_label_get_layout (GTK_LABEL (label)));
  PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
  PangoFontDescription *description;
  double pixels;

  g_assert_nonnull (run);
  description = pango_font_describe_with_absolute_size (run->item->analysis.font);
  pixels = (double) pango_font_description_get_size (description) / PANGO_SCALE;
  pango_font_description_free (description);
  pango_layout_iter_free (iter);

  return pixels;
}

typedef struct
{
  LimberWindow *window;
  GdkRectangle  monitor;
} Screen;

static gboolean
covers_monitor (gpointer data)
{
  Screen *screen = data;

  return gtk_window_is_fullscreen (GTK_WINDOW (screen->window)) &&
         gtk_widget_get_width (GTK_WIDGET (screen->window)) == screen->monitor.width &&
         gtk_widget_get_height (GTK_WIDGET (screen->window)) == screen->monitor.height;
}

typedef struct
{
  double title;
  double progress;
  double step;
  double other_step;
  double countdown;
  double picture;
  /* Of the list of steps, what its scroller shows. */
  double steps_shown;
  /* The height of the bar's buttons, a passer-by's controls. */
  double controls;
} KioskSizes;

/* What a waiting room sees, as shares of the screen, and nothing off it. */
static KioskSizes
measure_kiosk (Screen *screen)
{
  LimberSessionController *controller = limber_window_get_session_controller (screen->window);
  LimberSessionView *view = LIMBER_SESSION_VIEW (limber_session_controller_get_view (controller));
  GtkWidget *dial = GTK_WIDGET (limber_session_view_get_dial (view));
  GtkWidget *steps = limber_session_view_get_steps_box (view);
  graphene_rect_t picture = drawn_picture (limber_session_view_get_illustration (view), screen->window);
  KioskSizes sizes;

  sizes.title = font_pixels (limber_session_view_get_title_label (view));
  sizes.progress = font_pixels (limber_session_view_get_progress_label (view));
  sizes.step = font_pixels (limber_session_view_get_step_label (view));
  sizes.other_step = font_pixels (gtk_widget_get_first_child (steps));
  /* The number is the dial's label. */
  sizes.countdown = font_pixels (gtk_widget_get_first_child (dial));
  sizes.picture = picture.size.width * picture.size.height;
  sizes.controls = bounds_in_window (find_actionable (GTK_WIDGET (screen->window), "kiosk.next"),
                                     screen->window).size.height;
  {
    GtkWidget *scroller = gtk_widget_get_ancestor (steps, GTK_TYPE_SCROLLED_WINDOW);
    int needed;

    gtk_widget_measure (steps, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (steps), NULL, &needed, NULL, NULL);
    sizes.steps_shown = MIN (1.0, (double) gtk_widget_get_height (scroller) / needed);
    assert_inside_window (scroller, screen->window, "the steps");
  }
  g_test_message ("%d×%d: title %.0f px, progress %.0f, step %.0f, other steps %.0f, countdown %.0f, "
                  "picture %.0f×%.0f (%.0f %%), %.0f %% of the steps shown, "
                  "controls %.0f px", screen->monitor.width, screen->monitor.height, sizes.title,
                  sizes.progress, sizes.step, sizes.other_step, sizes.countdown, picture.size.width,
                  picture.size.height, 100 * sizes.picture / (screen->monitor.width * screen->monitor.height),
                  100 * sizes.steps_shown, sizes.controls);

  assert_inside_window (limber_session_view_get_title_label (view), screen->window, "title");
  assert_inside_window (limber_session_view_get_step_label (view), screen->window, "step");
  assert_inside_window (dial, screen->window, "countdown");
  assert_inside_window (find_actionable (GTK_WIDGET (screen->window), "kiosk.next"), screen->window, "Next");
  assert_inside_window (find_actionable (GTK_WIDGET (screen->window), "kiosk.toggle-playing"), screen->window, "Pause");

  return sizes;
}

/* The kiosk on the screen it is run on (LIMBER_TEST_SCREEN): the exercise
 * fills it, sized as a share of its height, and the person's large-text
 * setting multiplies that. */
typedef struct
{
  Screen *screen;
  double  title;
} Grown;

/* The style follows a text-scale change on its own time: slower still in
 * a sanitizer build. */
static gboolean
title_grew (gpointer data)
{
  Grown *grown = data;

  return measure_kiosk (grown->screen).title >= 1.2 * grown->title;
}

static void
test_layout_kiosk (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  Screen screen = { 0 };
  KioskSizes sizes, large;
  Grown grown;
  double height, area;
  int dpi;

  /* Silent, so that the kiosk dwells on the first exercise with its countdown. */
  g_settings_set_boolean (settings, "narration-muted", TRUE);
  g_settings_set_uint (settings, "kiosk-dwell-seconds", 600);
  screen.window = open_sized_window (960, 600);
  gdk_monitor_get_geometry (gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (screen.window)),
                                                                gtk_native_get_surface (GTK_NATIVE (screen.window))),
                            &screen.monitor);
  limber_window_set_kiosk (screen.window, TRUE);
  wait_until (covers_monitor, &screen, "the kiosk to cover the monitor");
  settle ();
  height = screen.monitor.height;
  area = (double) screen.monitor.width * screen.monitor.height;

  sizes = measure_kiosk (&screen);
  g_assert_cmpfloat (sizes.title, >=, 0.035 * height);
  g_assert_cmpfloat (sizes.step, >=, 0.035 * height);
  g_assert_cmpfloat (sizes.progress, >=, 0.03 * height);
  g_assert_cmpfloat (sizes.other_step, <, sizes.step);
  /* 60 points, at the 96 pixels an inch that GTK's points are. */
  g_assert_cmpfloat (sizes.countdown, >=, 60 * 96 / 72.0);
  g_assert_cmpfloat (sizes.picture, >=, 0.25 * area);
  g_assert_cmpfloat (sizes.steps_shown, ==, 1.0);
  g_assert_cmpfloat (sizes.controls, >=, 0.025 * height);

  /* Large text: every size grows with it, and still fits. */
  g_object_get (gtk_settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (gtk_settings, "gtk-xft-dpi", (int) (96 * 1024 * 1.25), NULL);
  grown.screen = &screen;
  grown.title = sizes.title;
  wait_until (title_grew, &grown, "the kiosk's text to follow the larger text");
  settle ();
  large = measure_kiosk (&screen);
  g_assert_cmpfloat (large.title, >=, 1.2 * sizes.title);
  g_assert_cmpfloat (large.step, >=, 1.2 * sizes.step);
  g_assert_cmpfloat (large.progress, >=, 1.2 * sizes.progress);
  g_object_set (gtk_settings, "gtk-xft-dpi", dpi, NULL);

  limber_window_set_kiosk (screen.window, FALSE);
  close_window (screen.window);
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
  g_test_add_func ("/layout/kiosk", test_layout_kiosk);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
