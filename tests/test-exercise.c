/* test-exercise.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include "limber-catalog.h"

static LimberExercise *
new_exercise (guint    hold_min,
              guint    hold_max,
              guint    repetitions_min,
              guint    repetitions_max,
              gboolean each_direction)
{
  const char *steps[] = { "Stand up.", "Hold it.", NULL };
  const guint8 kinds[] = { LIMBER_STEP_KIND_ACTION, LIMBER_STEP_KIND_HOLD };

  return g_object_new (LIMBER_TYPE_EXERCISE,
                       "id", "test",
                       "title", "Test",
                       "steps", steps,
                       "step-kinds", g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, kinds, 2, 1),
                       "hold-min", hold_min,
                       "hold-max", hold_max,
                       "repetitions-min", repetitions_min,
                       "repetitions-max", repetitions_max,
                       "repeat-each-direction", each_direction,
                       NULL);
}

static void
test_dosage (void)
{
  static const struct {
    guint hold_min, hold_max, repetitions_min, repetitions_max;
    gboolean each_direction;
    const char *expected;
  } cases[] = {
    { 15, 30, 2, 4, FALSE, "Hold 15–30 s · Repeat 2–4 times" },
    { 0, 0, 8, 12, FALSE, "Repeat 8–12 times" },
    { 20, 20, 3, 3, FALSE, "Hold 20 s · Repeat 3 times" },
    { 0, 0, 1, 1, FALSE, "Repeat 1 time" },
    { 0, 0, 2, 4, TRUE, "At least 2–4 times in each direction" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LimberExercise *exercise = new_exercise (cases[i].hold_min, cases[i].hold_max,
                                               cases[i].repetitions_min, cases[i].repetitions_max,
                                               cases[i].each_direction);
      g_autofree char *dosage = limber_exercise_dup_dosage (exercise);

      g_assert_cmpstr (dosage, ==, cases[i].expected);
      g_assert_finalize_object (exercise);
    }
}

static void
test_properties (void)
{
  LimberExercise *exercise = new_exercise (15, 30, 2, 4, FALSE);
  g_autofree char *id = NULL;
  g_autofree char *warning = NULL;
  g_auto(GStrv) steps = NULL;
  guint hold_max;

  g_object_get (exercise, "id", &id, "warning", &warning, "steps", &steps, "hold-max", &hold_max, NULL);

  g_assert_cmpstr (id, ==, "test");
  /* Optional text reads as empty, never NULL. */
  g_assert_cmpstr (warning, ==, "");
  g_assert_cmpstr (limber_exercise_get_equipment (exercise), ==, "");
  g_assert_cmpuint (g_strv_length (steps), ==, 2);
  g_assert_cmpuint (hold_max, ==, 30);
  g_assert_cmpint (limber_exercise_get_step_kind (exercise, 0), ==, LIMBER_STEP_KIND_ACTION);
  g_assert_cmpint (limber_exercise_get_step_kind (exercise, 1), ==, LIMBER_STEP_KIND_HOLD);
  g_assert_cmpint (limber_exercise_get_step_kind (exercise, 7), ==, LIMBER_STEP_KIND_ACTION);

  g_assert_finalize_object (exercise);
}

static LimberExercise *
new_counted_exercise (void)
{
  const char *steps[] = { "Kneel down.", "", "Roll your shoulders.", "Plain words, 5 times.", NULL };
  const guint8 kinds[] = { LIMBER_STEP_KIND_ACTION, LIMBER_STEP_KIND_HOLD, LIMBER_STEP_KIND_REPEAT, LIMBER_STEP_KIND_REPEAT };
  const guint8 counts[] = { LIMBER_STEP_COUNT_NONE, LIMBER_STEP_COUNT_STAY, LIMBER_STEP_COUNT_CIRCLES, LIMBER_STEP_COUNT_NONE };
  const guint8 positions[] = { 1, 0, 0, 0 };

  return g_object_new (LIMBER_TYPE_EXERCISE,
                       "id", "counted",
                       "title", "Counted",
                       "steps", steps,
                       "step-kinds", g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, kinds, 4, 1),
                       "step-counts", g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, counts, 4, 1),
                       "step-positions", g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, positions, 4, 1),
                       "hold-min", 15,
                       "hold-max", 30,
                       "repetitions-min", 2,
                       "repetitions-max", 4,
                       NULL);
}

/* A counted step says the handout's range, or the prescribed number, after
 * its own words; a step without a count sentence is left as it is. */
static void
test_step_text (void)
{
  LimberExercise *exercise = new_counted_exercise ();
  static const struct {
    guint step, hold, repetitions;
    const char *expected;
  } cases[] = {
    { 0, 0, 0, "Kneel down." },
    { 0, 20, 3, "Kneel down." },
    { 1, 0, 0, "Stay in the stretch for 15 to 30 seconds." },
    { 1, 20, 3, "Stay in the stretch for 20 seconds." },
    { 1, 1, 0, "Stay in the stretch for 1 second." },
    { 2, 0, 0, "Roll your shoulders. Make at least 2 to 4 circles." },
    { 2, 20, 3, "Roll your shoulders. Make 3 circles." },
    { 2, 0, 1, "Roll your shoulders. Make 1 circle." },
    { 3, 20, 3, "Plain words, 5 times." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = limber_exercise_dup_step_text (exercise, cases[i].step, cases[i].hold,
                                                             cases[i].repetitions);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* What the slides show until a plan prescribes otherwise. */
  g_assert_cmpstr (limber_exercise_get_steps (exercise)[1], ==, "Stay in the stretch for 15 to 30 seconds.");
  g_assert_cmpint (limber_exercise_get_step_count (exercise, 2), ==, LIMBER_STEP_COUNT_CIRCLES);
  g_assert_true (limber_exercise_step_changes_position (exercise, 0));
  g_assert_false (limber_exercise_step_changes_position (exercise, 1));
  g_assert_false (limber_exercise_step_changes_position (exercise, 9));
  g_assert_finalize_object (exercise);
}

static void
test_read_only (void)
{
  GObjectClass *klass = g_type_class_ref (LIMBER_TYPE_EXERCISE);
  guint n_properties;
  g_autofree GParamSpec **properties = g_object_class_list_properties (klass, &n_properties);

  g_assert_cmpuint (n_properties, ==, 16);
  for (guint i = 0; i < n_properties; i++)
    g_assert_true (properties[i]->flags & G_PARAM_CONSTRUCT_ONLY);

  g_type_class_unref (klass);
}

static void
test_empty_exercise (void)
{
  LimberExercise *exercise = g_object_new (LIMBER_TYPE_EXERCISE, NULL);

  g_assert_cmpuint (limber_exercise_get_n_steps (exercise), ==, 0);
  g_assert_nonnull (limber_exercise_get_steps (exercise));
  g_assert_cmpint (limber_exercise_get_step_kind (exercise, 0), ==, LIMBER_STEP_KIND_ACTION);

  g_assert_finalize_object (exercise);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exercise/dosage", test_dosage);
  g_test_add_func ("/exercise/step-text", test_step_text);
  g_test_add_func ("/exercise/properties", test_properties);
  g_test_add_func ("/exercise/read-only", test_read_only);
  g_test_add_func ("/exercise/empty", test_empty_exercise);

  return g_test_run ();
}
