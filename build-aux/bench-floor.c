/* bench-floor.c: the benchmark's floors.
 *
 * Usage: limber-bench-floor [--bare | --clock WARM-UP SECONDS]
 *
 * The least an AdwApplication can do to show what Limber shows: a header bar,
 * a six-page AdwCarousel with indicator dots, and on each page a scrolled,
 * clamped column with the same words (from the same catalog), the same
 * illustration at the same size and a boxed list of the steps, all built in
 * plain code. Limber's start-up is measured against this, so the ratio is the
 * cost of Limber's own machinery, not of its content.
 *
 * --bare: the same window with an empty carousel, the floor of any start-up:
 * what Limber pays beyond it is what it builds before its first frame.
 *
 * --clock: a fullscreen window whose one big label counts the seconds, the
 * floor of a kiosk's steady state; measured as the kiosk is (bench-usage.c).
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <stdlib.h>

#include "limber-catalog.h"
#include "limber-first-frame.h"

#include "bench-usage.h"

static enum { FLOOR_CONTENT, FLOOR_BARE, FLOOR_CLOCK } floor_kind;
static guint warm_up_seconds, measured_seconds;

static GtkWidget *
wrapped_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static GtkWidget *
create_page (LimberExercise *exercise)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_resource_at_scale (limber_exercise_get_illustration (exercise),
                                                                       960, -1, TRUE, NULL);
  g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (pixbuf);
  const char * const *step_texts = limber_exercise_get_steps (exercise);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *title = wrapped_label (limber_exercise_get_title (exercise));
  GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  GtkWidget *picture_clamp = adw_clamp_new ();
  GtkWidget *steps = gtk_list_box_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_widget_add_css_class (title, "title-1");
  gtk_box_append (GTK_BOX (column), title);
  gtk_box_append (GTK_BOX (column), wrapped_label (limber_exercise_get_summary (exercise)));
  if (*limber_exercise_get_warning (exercise) != '\0')
    gtk_box_append (GTK_BOX (column), wrapped_label (limber_exercise_get_warning (exercise)));

  /* Inside a scrolled window a shrinkable picture gets no height at all. */
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_set_size_request (picture, -1, 300);
  adw_clamp_set_maximum_size (ADW_CLAMP (picture_clamp), 400);
  adw_clamp_set_child (ADW_CLAMP (picture_clamp), picture);
  gtk_box_append (GTK_BOX (column), picture_clamp);

  gtk_widget_add_css_class (steps, "boxed-list");
  for (guint i = 0; step_texts[i] != NULL; i++)
    gtk_list_box_append (GTK_LIST_BOX (steps), wrapped_label (step_texts[i]));
  gtk_box_append (GTK_BOX (column), steps);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), column);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_set_hexpand (scroller, TRUE);

  return scroller;
}

static gboolean
on_second (gpointer user_data)
{
  GtkLabel *label = user_data;
  g_autofree char *text = g_strdup_printf ("%u", (guint) (g_get_monotonic_time () / G_USEC_PER_SEC % 60));

  gtk_label_set_label (label, text);

  return G_SOURCE_CONTINUE;
}

static void
show_clock (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);
  GtkWidget *label = gtk_label_new ("0");
  PangoAttrList *attributes = pango_attr_list_new ();

  /* About the size of the kiosk's countdown at 1080 lines. */
  pango_attr_list_insert (attributes, pango_attr_size_new_absolute (180 * PANGO_SCALE));
  gtk_label_set_attributes (GTK_LABEL (label), attributes);
  pango_attr_list_unref (attributes);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), label);
  g_timeout_add_seconds (1, on_second, label);
  bench_usage_watch (GTK_WINDOW (window), warm_up_seconds, measured_seconds,
                     G_CALLBACK (g_application_quit), application);
  gtk_window_fullscreen (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_carousel (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *carousel = adw_carousel_new ();
  GtkWidget *dots = adw_carousel_indicator_dots_new ();
  /* The bare floor reads no catalog either. */
  g_autoptr(LimberCatalog) catalog = floor_kind == FLOOR_CONTENT ? limber_catalog_new_default (NULL) : NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 860, 760);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  for (guint i = 0; catalog != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      adw_carousel_append (ADW_CAROUSEL (carousel), create_page (exercise));
    }
  gtk_box_append (GTK_BOX (box), carousel);

  adw_carousel_indicator_dots_set_carousel (ADW_CAROUSEL_INDICATOR_DOTS (dots), ADW_CAROUSEL (carousel));
  gtk_box_append (GTK_BOX (box), dots);

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  limber_first_frame_watch (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = adw_application_new ("io.github.limberapp.LimberBenchFloor",
                                                               G_APPLICATION_NON_UNIQUE);

  if (argc > 1 && g_str_equal (argv[1], "--bare"))
    floor_kind = FLOOR_BARE;
  else if (argc > 3 && g_str_equal (argv[1], "--clock"))
    {
      floor_kind = FLOOR_CLOCK;
      warm_up_seconds = (guint) atoi (argv[2]);
      measured_seconds = (guint) atoi (argv[3]);
    }
  else if (argc > 1)
    g_error ("Usage: limber-bench-floor [--bare | --clock WARM-UP SECONDS]");

  g_signal_connect (application, "activate", G_CALLBACK (floor_kind == FLOOR_CLOCK ? show_clock : show_carousel),
                    NULL);

  return g_application_run (G_APPLICATION (application), 1, argv);
}
