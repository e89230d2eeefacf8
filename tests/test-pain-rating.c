/* test-pain-rating.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <gdk/x11/gdkx.h>
#include <X11/keysym.h>

#include "limber-pain-rating-private.h"
#include "window-helpers.h"

typedef struct
{
  GtkWindow        *window;
  LimberPainRating *rating;
  GArray           *answers;
} Fixture;

static void
on_finished (LimberPainRating *rating,
             int               value,
             Fixture          *fixture)
{
  g_array_append_val (fixture->answers, value);
}

static gboolean
window_is_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

static gboolean
answered (gpointer data)
{
  Fixture *fixture = data;

  return fixture->answers->len > 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GdkSurface *surface;
  GdkDisplay *display;

  fixture->answers = g_array_new (FALSE, FALSE, sizeof (int));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->rating = LIMBER_PAIN_RATING (limber_pain_rating_new ());
  g_signal_connect (fixture->rating, "finished", G_CALLBACK (on_finished), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->rating));
  gtk_window_present (fixture->window);

  /* No window manager gives it the keyboard: take it. */
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->window)))
    g_main_context_iteration (NULL, TRUE);
  surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  display = gdk_surface_get_display (surface);
  gdk_x11_display_error_trap_push (display);
  XSetInputFocus (gdk_x11_display_get_xdisplay (display), gdk_x11_surface_get_xid (surface), RevertToParent,
                  CurrentTime);
  gdk_x11_display_error_trap_pop_ignored (display);
  wait_until (window_is_active, fixture->window, "the window to take the keyboard focus");

  gtk_widget_grab_focus (GTK_WIDGET (fixture->rating));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_array_unref (fixture->answers);
}

/* press_key() only needs a widget on the display. */
static void
press (Fixture *fixture,
       KeySym   keysym)
{
  g_array_set_size (fixture->answers, 0);
  g_test_message ("Pressing %s", XKeysymToString (keysym));
  press_key ((LimberWindow *)fixture->window, keysym);
  wait_until (answered, fixture, "an answer");
}

static void
assert_answer (Fixture *fixture,
               int      value)
{
  g_assert_cmpuint (fixture->answers->len, ==, 1);
  g_assert_cmpint (g_array_index (fixture->answers, int, 0), ==, value);
  g_assert_cmpint (limber_pain_rating_get_value (fixture->rating), ==, value);

  for (int i = 0; i <= 10; i++)
    g_assert_cmpint (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (limber_pain_rating_get_button (fixture->rating, i))),
                     ==, i == value);
}

static void
test_each_key_answers (Fixture       *fixture,
                       gconstpointer  data)
{
  for (int value = 0; value <= 9; value++)
    {
      press (fixture, XK_0 + value);
      assert_answer (fixture, value);
      /* Focus follows, so Tab and Space go on from the answer. */
      g_assert_true (gtk_widget_has_focus (limber_pain_rating_get_button (fixture->rating, value)));
    }

  press (fixture, XK_t);
  assert_answer (fixture, 10);
  g_assert_true (gtk_widget_has_focus (limber_pain_rating_get_button (fixture->rating, 10)));

  /* The number pad's digits too. */
  press (fixture, XK_KP_3);
  assert_answer (fixture, 3);
}

static void
test_click_answers (Fixture       *fixture,
                    gconstpointer  data)
{
  g_array_set_size (fixture->answers, 0);
  g_signal_emit_by_name (limber_pain_rating_get_button (fixture->rating, 7), "clicked");
  assert_answer (fixture, 7);

  /* The same value again is an answer again. */
  g_array_set_size (fixture->answers, 0);
  g_signal_emit_by_name (limber_pain_rating_get_button (fixture->rating, 7), "clicked");
  assert_answer (fixture, 7);
}

static void
test_skip (Fixture       *fixture,
           gconstpointer  data)
{
  press (fixture, XK_4);
  assert_answer (fixture, 4);

  g_array_set_size (fixture->answers, 0);
  g_signal_emit_by_name (limber_pain_rating_get_skip_button (fixture->rating), "clicked");
  assert_answer (fixture, LIMBER_PAIN_RATING_UNSET);

  press (fixture, XK_8);
  assert_answer (fixture, 8);
  press (fixture, XK_Escape);
  assert_answer (fixture, LIMBER_PAIN_RATING_UNSET);
}

static gboolean
note_is_42 (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (limber_pain_rating_get_note (fixture->rating), "42") == 0;
}

static void
test_note (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *entry = limber_pain_rating_get_note_entry (fixture->rating);
  guint notified = 0;

  g_signal_connect_swapped (fixture->rating, "notify::note", G_CALLBACK (g_atomic_int_inc), &notified);

  /* Digits typed into the note are the note's, not an answer. */
  gtk_widget_grab_focus (entry);
  press_key ((LimberWindow *)fixture->window, XK_4);
  press_key ((LimberWindow *)fixture->window, XK_2);
  wait_until (note_is_42, fixture, "the note to read 42");
  g_assert_cmpuint (fixture->answers->len, ==, 0);
  g_assert_cmpint (limber_pain_rating_get_value (fixture->rating), ==, LIMBER_PAIN_RATING_UNSET);
  g_assert_cmpuint (notified, ==, 2);
}

static void
test_accessible_names (void)
{
  LimberPainRating *rating = LIMBER_PAIN_RATING (g_object_ref_sink (limber_pain_rating_new ()));
  const char *expected[] = {
    "0, no pain", "1, mild pain", "2, mild pain", "3, mild pain", "4, moderate pain", "5, moderate pain",
    "6, moderate pain", "7, severe pain", "8, severe pain", "9, severe pain", "10, the worst pain",
  };

  for (int i = 0; i <= 10; i++)
    {
      GtkWidget *button = limber_pain_rating_get_button (rating, i);
      g_autofree char *key = i == 10 ? g_strdup ("T") : g_strdup_printf ("%d", i);

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, expected[i]);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, key);
      g_assert_true (gtk_widget_get_focusable (button));
    }

  /* The scale is one named group, and the hint says how to answer. */
  {
    GtkWidget *scale = gtk_widget_get_parent (limber_pain_rating_get_button (rating, 0));

    gtk_test_accessible_assert_role (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_ROLE_GROUP);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Pain, from 0 to 10");
  }
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (limber_pain_rating_get_note_entry (rating)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Note");

  g_assert_finalize_object (rating);
}

static void
test_value_property (void)
{
  LimberPainRating *rating = LIMBER_PAIN_RATING (g_object_ref_sink (limber_pain_rating_new ()));
  guint notified = 0;

  g_signal_connect_swapped (rating, "notify::value", G_CALLBACK (g_atomic_int_inc), &notified);
  g_assert_cmpint (limber_pain_rating_get_value (rating), ==, LIMBER_PAIN_RATING_UNSET);

  g_object_set (rating, "value", 6, NULL);
  g_object_set (rating, "value", 6, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (limber_pain_rating_get_button (rating, 6))));

  limber_pain_rating_set_value (rating, LIMBER_PAIN_RATING_UNSET);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (limber_pain_rating_get_button (rating, 6))));

  g_assert_finalize_object (rating);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's own accessibility backend for tests, so roles and names can be read. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/pain-rating/each-key-answers", Fixture, NULL, fixture_set_up, test_each_key_answers,
              fixture_tear_down);
  g_test_add ("/pain-rating/click-answers", Fixture, NULL, fixture_set_up, test_click_answers, fixture_tear_down);
  g_test_add ("/pain-rating/skip", Fixture, NULL, fixture_set_up, test_skip, fixture_tear_down);
  g_test_add ("/pain-rating/note", Fixture, NULL, fixture_set_up, test_note, fixture_tear_down);
  g_test_add_func ("/pain-rating/accessible-names", test_accessible_names);
  g_test_add_func ("/pain-rating/value-property", test_value_property);

  return g_test_run ();
}
