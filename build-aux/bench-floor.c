/* bench-floor.c: the benchmark's floor.
 *
 * The least an AdwApplication can do to show what Limber shows: a header bar,
 * a six-page AdwCarousel with indicator dots, and on each page a scrolled,
 * clamped column with the same words (from the same catalog), the same
 * illustration at the same size and a boxed list of the steps, all built in
 * plain code. Limber's start-up is measured against this, so the ratio is the
 * cost of Limber's own machinery, not of its content.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "limber-catalog.h"
#include "limber-first-frame.h"

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

static void
on_activate (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *carousel = adw_carousel_new ();
  GtkWidget *dots = adw_carousel_indicator_dots_new ();
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  GListModel *exercises = G_LIST_MODEL (catalog);

  gtk_window_set_default_size (GTK_WINDOW (window), 860, 760);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);

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

  g_signal_connect (application, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
