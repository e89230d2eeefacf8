/* test-illustration.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include "limber-illustration.h"

#define WALL_PUSH_UP RESOURCE_BASE_PATH "/illustrations/wall-push-up.svg"

static void
test_illustration_keeps_aspect_ratio (void)
{
  LimberIllustration *illustration = g_object_ref_sink (LIMBER_ILLUSTRATION (limber_illustration_new ()));
  g_autoptr(GError) error = NULL;
  int minimum, natural;

  g_assert_true (limber_illustration_load_resource (illustration, WALL_PUSH_UP, &error));
  g_assert_no_error (error);

  /* Rendered at twice the SVG's 480×360. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (limber_illustration_get_paintable (illustration)), ==, 960);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (limber_illustration_get_paintable (illustration)), ==, 720);

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

  /* A resource that exists but is no image. */
  g_assert_false (limber_illustration_load_resource (illustration, RESOURCE_BASE_PATH "/style.css", &error));
  g_assert_nonnull (error);
  g_assert_null (limber_illustration_get_paintable (illustration));

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
      g_assert_true (limber_illustration_load_resource (illustration, path, &error));
      g_assert_no_error (error);
      g_assert_cmpint (gdk_paintable_get_intrinsic_width (limber_illustration_get_paintable (illustration)), >, 0);
      g_assert_finalize_object (illustration);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/illustration/keeps-aspect-ratio", test_illustration_keeps_aspect_ratio);
  g_test_add_func ("/illustration/alternative-text", test_illustration_alternative_text);
  g_test_add_func ("/illustration/missing-resource", test_illustration_missing_resource);
  g_test_add_func ("/illustration/not-a-picture", test_illustration_not_a_picture);
  g_test_add_func ("/illustration/every-picture-loads", test_illustration_every_picture_loads);

  return g_test_run ();
}
