/* test-session-script.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include "limber-session-script.h"
#include "limber-test-backend.h"

static LimberCatalog *catalog;

/* A three-exercise plan: the rhomboid stretch held 20 s and done 3 times,
 * the wall push-up 10 times, and the rows at the handout's least. */
static LimberPlan *
new_plan (GSettings *settings)
{
  LimberPlan *plan = limber_plan_new (catalog, settings);
  const char *hidden[] = { "midback-stretch", "shoulder-roll", "shoulder-blade-squeeze" };

  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    limber_plan_set_shown (plan, limber_catalog_lookup (catalog, hidden[i]), FALSE);
  limber_plan_set_prescribed_hold (plan, limber_catalog_lookup (catalog, "rhomboid-stretch"), 20);
  limber_plan_set_prescribed_repetitions (plan, limber_catalog_lookup (catalog, "rhomboid-stretch"), 3);
  limber_plan_set_prescribed_repetitions (plan, limber_catalog_lookup (catalog, "wall-push-up"), 10);

  return plan;
}

static const char *
kind_name (LimberCueKind kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (LIMBER_TYPE_CUE_KIND);

  return g_enum_get_value (klass, kind)->value_nick;
}

/* One line a cue: kind, exercise, step, repetition, duration, text. */
static char *
describe (LimberSessionScript *script,
          guint                from,
          guint                to)
{
  GString *lines = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      const LimberCue *cue = limber_session_script_get_cue (script, i);

      g_string_append_printf (lines, "%s %s %d %u/%u %u%s %s\n", kind_name (cue->kind),
                              cue->exercise != NULL ? limber_exercise_get_id (cue->exercise) : "-",
                              cue->step, cue->repetition, cue->repetitions, cue->duration_ms,
                              cue->wait_for_ready ? " ready" : "", cue->text != NULL ? cue->text : "");
    }

  return g_string_free (lines, FALSE);
}

static guint
find_kind (LimberSessionScript *script,
           guint                from,
           LimberCueKind        kind)
{
  for (guint i = from; i < limber_session_script_get_n_cues (script); i++)
    if (limber_session_script_get_cue (script, i)->kind == kind)
      return i;

  g_assert_not_reached ();
}

/* The whole first exercise, as a coach would run it, with the plan's numbers. */
static void
test_script_held_exercise (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = new_plan (settings);
  g_autoptr(LimberSessionScript) script = limber_session_script_new (plan, settings, LIMBER_SESSION_MODE_ROUTINE, NULL);
  guint rest = find_kind (script, 0, LIMBER_CUE_REST);
  g_autofree char *first = NULL;

  /* The rest between repetitions comes first: find the one between exercises. */
  while (limber_session_script_get_cue (script, rest)->next_exercise == NULL)
    rest = find_kind (script, rest + 1, LIMBER_CUE_REST);
  first = describe (script, 0, rest + 1);

  g_assert_cmpstr (first, ==,
    "announce rhomboid-stretch 0 0/0 1500 Exercise 1 of 3: Lower neck and upper back stretch.\n"
    "step rhomboid-stretch 1 0/0 5000 Sit on a firm chair, or stand up tall.\n"
    "step rhomboid-stretch 2 0/0 2000 Bring your arms up to about shoulder height and clasp your hands together in front of you.\n"
    "step rhomboid-stretch 3 0/0 2000 Lower your chin toward your chest.\n"
    "step rhomboid-stretch 4 0/0 3000 Reach straight ahead until your upper back rounds, as if you were drawing your shoulder blades away from each other. The stretch should be felt across your upper back and shoulders.\n"
    "step rhomboid-stretch 5 0/0 0 Stay in the stretch for 20 seconds.\n"
    "hold rhomboid-stretch 5 1/3 20000 \n"
    "step rhomboid-stretch 6 0/0 1000 Do the stretch 3 times in all.\n"
    "rest rhomboid-stretch 6 0/0 5000 Rest.\n"
    "repetition rhomboid-stretch 6 2/3 3000 Repetition 2 of 3\n"
    "hold rhomboid-stretch 6 2/3 20000 Hold for 20 seconds\n"
    "rest rhomboid-stretch 6 0/0 5000 Rest.\n"
    "repetition rhomboid-stretch 6 3/3 3000 Repetition 3 of 3\n"
    "hold rhomboid-stretch 6 3/3 20000 Hold for 20 seconds\n"
    "rest wall-push-up -1 0/0 15000 Rest. Next: Wall push-up.\n");
}

/* Counted movements: each number at the movement's pace, then "Relax". */
static void
test_script_counted_exercise (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = new_plan (settings);
  g_autoptr(LimberSessionScript) script = limber_session_script_new (plan, settings, LIMBER_SESSION_MODE_ROUTINE, NULL);
  guint announce = 0;
  g_autofree char *counts = NULL;
  guint n_counts = 0;

  while (limber_session_script_get_cue (script, announce)->exercise_index != 1)
    announce++;
  g_assert_cmpint (limber_session_script_get_cue (script, announce)->kind, ==, LIMBER_CUE_REST);
  announce++;
  g_assert_cmpstr (limber_session_script_get_cue (script, announce)->text, ==, "Exercise 2 of 3: Wall push-up.");

  for (guint i = announce; limber_session_script_get_cue (script, i)->exercise_index == 1; i++)
    if (limber_session_script_get_cue (script, i)->kind == LIMBER_CUE_COUNT)
      {
        const LimberCue *cue = limber_session_script_get_cue (script, i);

        n_counts++;
        g_assert_cmpuint (cue->repetition, ==, n_counts);
        g_assert_cmpuint (cue->repetitions, ==, 10);
        g_assert_cmpuint (cue->duration_ms, ==, 3000);
        g_assert_cmpint (cue->step, ==, 4);
      }
  g_assert_cmpuint (n_counts, ==, 10);

  counts = describe (script, announce + 4, announce + 6);
  g_assert_cmpstr (counts, ==,
    "step wall-push-up 4 0/0 1000 Do this 10 times.\n"
    "count wall-push-up 4 1/10 3000 1\n");
  g_assert_cmpint (limber_session_script_get_cue (script, announce + 15)->kind, ==, LIMBER_CUE_RELAX);

  /* The rows, at the handout's least, end the routine. */
  g_assert_cmpuint (limber_session_script_get_repetitions (script, limber_catalog_lookup (catalog, "resisted-rows")), ==, 8);
  g_assert_cmpint (limber_session_script_get_cue (script, limber_session_script_get_n_cues (script) - 1)->kind,
                   ==, LIMBER_CUE_FINISH);
}

/* Steps that change position wait longer, or for Ready, as the settings say. */
static void
test_script_position_changes (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = new_plan (settings);
  g_autoptr(LimberSessionScript) timed = NULL;
  g_autoptr(LimberSessionScript) ready = NULL;

  g_settings_set_uint (settings, "position-change-seconds", 8);
  timed = limber_session_script_new (plan, settings, LIMBER_SESSION_MODE_ROUTINE, NULL);
  g_assert_cmpuint (limber_session_script_get_cue (timed, 1)->duration_ms, ==, 8000);
  g_assert_false (limber_session_script_get_cue (timed, 1)->wait_for_ready);
  g_assert_false (limber_session_script_get_cue (timed, 2)->wait_for_ready);

  g_settings_set_string (settings, "position-change", "wait-for-ready");
  ready = limber_session_script_new (plan, settings, LIMBER_SESSION_MODE_ROUTINE, NULL);
  g_assert_true (limber_session_script_get_cue (ready, 1)->wait_for_ready);
  g_assert_false (limber_session_script_get_cue (ready, 2)->wait_for_ready);
}

/* The rests follow the settings; none at all when they are 0. */
static void
test_script_rests (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = new_plan (settings);
  g_autoptr(LimberSessionScript) script = NULL;

  g_settings_set_uint (settings, "rest-between-repetitions", 0);
  g_settings_set_uint (settings, "rest-between-exercises", 30);
  script = limber_session_script_new (plan, settings, LIMBER_SESSION_MODE_ROUTINE, NULL);

  for (guint i = 0; i < limber_session_script_get_n_cues (script); i++)
    {
      const LimberCue *cue = limber_session_script_get_cue (script, i);

      if (cue->kind == LIMBER_CUE_REST)
        {
          g_assert_nonnull (cue->next_exercise);
          g_assert_cmpuint (cue->duration_ms, ==, 30000);
        }
    }
}

/* Next step, previous step and skip exercise land where a person expects. */
static void
test_script_navigation (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = new_plan (settings);
  g_autoptr(LimberSessionScript) script = limber_session_script_new (plan, settings, LIMBER_SESSION_MODE_ROUTINE, NULL);
  guint n = limber_session_script_get_n_cues (script);
  guint first_hold = find_kind (script, 0, LIMBER_CUE_HOLD);
  guint rest, step;

  /* From the hold, on to step 6; back to step 5, whose hold it is. */
  step = limber_session_script_find_step (script, first_hold, 1);
  g_assert_cmpint (limber_session_script_get_cue (script, step)->step, ==, 6);
  step = limber_session_script_find_step (script, first_hold, -1);
  g_assert_cmpint (limber_session_script_get_cue (script, step)->step, ==, 5);
  g_assert_cmpuint (limber_session_script_find_step (script, 0, -1), ==, 0);
  g_assert_cmpuint (limber_session_script_find_step (script, n - 1, 1), ==, n);

  /* Skipping goes to the rest that names the next exercise, then past it. */
  rest = limber_session_script_find_exercise_end (script, first_hold);
  g_assert_nonnull (limber_session_script_get_cue (script, rest)->next_exercise);
  g_assert_cmpstr (limber_exercise_get_id (limber_session_script_get_cue (script, rest)->exercise), ==, "wall-push-up");
  g_assert_cmpint (limber_session_script_get_cue (script, rest + 1)->kind, ==, LIMBER_CUE_ANNOUNCE);
  g_assert_cmpuint (limber_session_script_find_exercise_end (script, rest), ==, rest + 1);
  g_assert_cmpint (limber_session_script_get_cue (script, limber_session_script_find_exercise_end (script, n - 2))->kind,
                   ==, LIMBER_CUE_FINISH);
}

/* Listen on one slide: that exercise alone, named without a number. */
static void
test_script_single (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = new_plan (settings);
  LimberExercise *squeeze = limber_catalog_lookup (catalog, "shoulder-blade-squeeze");
  g_autoptr(LimberSessionScript) script = limber_session_script_new (plan, settings, LIMBER_SESSION_MODE_SINGLE, squeeze);

  g_assert_cmpuint (limber_session_script_get_n_exercises (script), ==, 1);
  g_assert_cmpstr (limber_session_script_get_cue (script, 0)->text, ==,
                   "Resisted shoulder blade squeeze. You will need: An elastic exercise band or a length of surgical tubing.");
  for (guint i = 0; i < limber_session_script_get_n_cues (script); i++)
    {
      g_assert_true (limber_session_script_get_cue (script, i)->kind != LIMBER_CUE_REST);
      g_assert_true (limber_session_script_get_cue (script, i)->exercise == squeeze ||
                     limber_session_script_get_cue (script, i)->kind == LIMBER_CUE_FINISH);
    }
}

/* The kiosk goes round: a pause before it starts over, and no finish. */
static void
test_script_kiosk (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = new_plan (settings);
  g_autoptr(LimberSessionScript) kiosk = NULL;
  g_autoptr(LimberSessionScript) dwell = NULL;
  const LimberCue *last;

  g_settings_set_uint (settings, "kiosk-pause-seconds", 6);
  g_settings_set_uint (settings, "kiosk-dwell-seconds", 25);
  kiosk = limber_session_script_new (plan, settings, LIMBER_SESSION_MODE_KIOSK, NULL);
  last = limber_session_script_get_cue (kiosk, limber_session_script_get_n_cues (kiosk) - 1);
  g_assert_cmpint (last->kind, ==, LIMBER_CUE_REST);
  g_assert_cmpuint (last->duration_ms, ==, 6000);
  g_assert_cmpstr (limber_exercise_get_id (last->next_exercise), ==, "rhomboid-stretch");

  /* Without sound, each exercise for the dwell, one after the other. */
  dwell = limber_session_script_new (plan, settings, LIMBER_SESSION_MODE_DWELL, NULL);
  g_assert_cmpuint (limber_session_script_get_n_cues (dwell), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (limber_session_script_get_cue (dwell, i)->kind, ==, LIMBER_CUE_DWELL);
      g_assert_cmpuint (limber_session_script_get_cue (dwell, i)->duration_ms, ==, 25000);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  catalog = limber_catalog_new_default (NULL);

  g_test_add_func ("/session-script/held-exercise", test_script_held_exercise);
  g_test_add_func ("/session-script/counted-exercise", test_script_counted_exercise);
  g_test_add_func ("/session-script/position-changes", test_script_position_changes);
  g_test_add_func ("/session-script/rests", test_script_rests);
  g_test_add_func ("/session-script/navigation", test_script_navigation);
  g_test_add_func ("/session-script/single", test_script_single);
  g_test_add_func ("/session-script/kiosk", test_script_kiosk);

  status = g_test_run ();
  g_clear_object (&catalog);

  return status;
}
