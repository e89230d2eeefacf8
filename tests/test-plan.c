/* test-plan.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include "limber-plan.h"
#include "limber-test-backend.h"

static LimberCatalog *catalog;

static char *
shown_ids (LimberPlan *plan)
{
  GListModel *shown = limber_plan_get_shown_exercises (plan);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (shown, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", limber_exercise_get_id (exercise));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
count_calls (guint *count)
{
  (*count)++;
}

static void
test_plan_hides_exercises (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  LimberPlan *plan = limber_plan_new (catalog, settings);
  GListModel *shown = limber_plan_get_shown_exercises (plan);
  const char *hidden[] = { "midback-stretch", "resisted-rows", NULL };
  g_autofree char *ids = NULL;
  guint n_hidden_notifies = 0;

  g_signal_connect_swapped (plan, "notify::n-hidden", G_CALLBACK (count_calls), &n_hidden_notifies);

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 6);
  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 0);

  /* Written from outside, as dconf or the preferences would. */
  g_settings_set_strv (settings, "hidden-exercises", hidden);
  ids = shown_ids (plan);
  g_assert_cmpstr (ids, ==, "rhomboid-stretch shoulder-roll wall-push-up shoulder-blade-squeeze");
  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 2);
  g_assert_cmpuint (n_hidden_notifies, ==, 1);
  g_assert_false (limber_plan_is_shown (plan, limber_catalog_lookup (catalog, "midback-stretch")));

  /* Through the plan itself. */
  limber_plan_set_shown (plan, limber_catalog_lookup (catalog, "midback-stretch"), TRUE);
  limber_plan_set_shown (plan, limber_catalog_lookup (catalog, "rhomboid-stretch"), FALSE);
  g_clear_pointer (&ids, g_free);
  ids = shown_ids (plan);
  g_assert_cmpstr (ids, ==, "midback-stretch shoulder-roll wall-push-up shoulder-blade-squeeze");
  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 2);

  limber_plan_reset (plan);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 6);
  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 0);

  g_assert_finalize_object (plan);
}

static void
test_plan_items_changed (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = limber_plan_new (catalog, settings);
  GListModel *shown = limber_plan_get_shown_exercises (plan);
  guint n_changes = 0;

  g_signal_connect_swapped (shown, "items-changed", G_CALLBACK (count_calls), &n_changes);

  limber_plan_set_shown (plan, limber_catalog_lookup (catalog, "wall-push-up"), FALSE);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 5);

  /* Setting what is already so changes nothing. */
  limber_plan_set_shown (plan, limber_catalog_lookup (catalog, "wall-push-up"), FALSE);
  g_settings_set_strv (settings, "hidden-exercises", (const char *[]) { "wall-push-up", NULL });
  g_assert_cmpuint (n_changes, ==, 1);
}

static void
test_plan_all_hidden (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = limber_plan_new (catalog, settings);
  GListModel *exercises = G_LIST_MODEL (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);

      limber_plan_set_shown (plan, exercise, FALSE);
    }

  g_assert_cmpuint (g_list_model_get_n_items (limber_plan_get_shown_exercises (plan)), ==, 0);
  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 6);
}

static void
test_plan_unknown_ids_ignored (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = NULL;
  g_auto(GStrv) stored = NULL;

  g_settings_set_strv (settings, "hidden-exercises", (const char *[]) { "neck-twist", "wall-push-up", "", NULL });
  g_settings_set_value (settings, "prescribed-holds", g_variant_new_parsed ("{'neck-twist': uint32 20}"));

  plan = limber_plan_new (catalog, settings);
  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (limber_plan_get_shown_exercises (plan)), ==, 5);

  /* Showing again keeps what this catalog does not know. */
  limber_plan_set_shown (plan, limber_catalog_lookup (catalog, "wall-push-up"), TRUE);
  stored = g_settings_get_strv (settings, "hidden-exercises");
  g_assert_true (g_strv_contains ((const char * const *)stored, "neck-twist"));
  g_assert_false (g_strv_contains ((const char * const *)stored, "wall-push-up"));
  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 0);
}

static void
test_plan_prescriptions (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = limber_plan_new (catalog, settings);
  LimberExercise *rhomboid = limber_catalog_lookup (catalog, "rhomboid-stretch");
  LimberExercise *push_up = limber_catalog_lookup (catalog, "wall-push-up");
  LimberExercise *roll = limber_catalog_lookup (catalog, "shoulder-roll");
  g_autofree char *dosage = NULL;
  guint n_changes = 0;

  g_signal_connect_swapped (plan, "prescriptions-changed", G_CALLBACK (count_calls), &n_changes);

  /* No prescription: the handout's range, and its minimum for the countdown. */
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, rhomboid), ==, 0);
  g_assert_cmpuint (limber_plan_get_hold_seconds (plan, rhomboid), ==, 15);
  dosage = limber_plan_dup_dosage (plan, rhomboid);
  g_assert_cmpstr (dosage, ==, "Hold 15–30 s · Repeat 2–4 times");

  limber_plan_set_prescribed_hold (plan, rhomboid, 20);
  limber_plan_set_prescribed_repetitions (plan, rhomboid, 3);
  g_assert_cmpuint (n_changes, ==, 2);
  g_assert_cmpuint (limber_plan_get_hold_seconds (plan, rhomboid), ==, 20);
  g_clear_pointer (&dosage, g_free);
  dosage = limber_plan_dup_dosage (plan, rhomboid);
  g_assert_cmpstr (dosage, ==, "Hold 20 s · Repeat 3 times");

  /* Clamped to the handout's ranges. */
  limber_plan_set_prescribed_hold (plan, rhomboid, 90);
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, rhomboid), ==, 30);
  limber_plan_set_prescribed_repetitions (plan, push_up, 1);
  g_assert_cmpuint (limber_plan_get_prescribed_repetitions (plan, push_up), ==, 8);
  g_settings_set_value (settings, "prescribed-repetitions", g_variant_new_parsed ("{'wall-push-up': uint32 500}"));
  g_assert_cmpuint (limber_plan_get_prescribed_repetitions (plan, push_up), ==, 12);

  /* An exercise without a hold takes no hold prescription. */
  limber_plan_set_prescribed_hold (plan, push_up, 20);
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, push_up), ==, 0);
  g_assert_cmpuint (limber_plan_get_hold_seconds (plan, push_up), ==, 0);

  limber_plan_set_prescribed_repetitions (plan, roll, 3);
  g_clear_pointer (&dosage, g_free);
  dosage = limber_plan_dup_dosage (plan, roll);
  g_assert_cmpstr (dosage, ==, "3 times in each direction");

  /* Setting 0 returns to the handout. */
  limber_plan_set_prescribed_hold (plan, rhomboid, 0);
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, rhomboid), ==, 0);

  limber_plan_reset (plan);
  g_assert_cmpuint (limber_plan_get_prescribed_repetitions (plan, rhomboid), ==, 0);
  g_assert_cmpuint (limber_plan_get_prescribed_repetitions (plan, roll), ==, 0);
}

static void
test_plan_reset_keeps_locked_keys (void)
{
  const char *locked[] = { "hidden-exercises", NULL };
  g_autoptr(GSettings) settings = limber_test_settings_new (locked);
  g_autoptr(LimberPlan) plan = NULL;

  g_settings_set_strv (settings, "hidden-exercises", (const char *[]) { "resisted-rows", NULL });
  plan = limber_plan_new (catalog, settings);
  limber_plan_set_prescribed_repetitions (plan, limber_catalog_lookup (catalog, "resisted-rows"), 10);

  limber_plan_reset (plan);
  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 1);
  g_assert_cmpuint (limber_plan_get_prescribed_repetitions (plan, limber_catalog_lookup (catalog, "resisted-rows")), ==, 0);
}

/* A physiotherapist's plan with something in every key, and in an order
 * and with ids that Limber itself would not write. */
static void
write_a_plan (GSettings *settings)
{
  g_settings_set_strv (settings, "hidden-exercises", (const char *[]) { "neck-twist", "midback-stretch", NULL });
  g_settings_set_value (settings, "prescribed-holds",
                        g_variant_new_parsed ("{'rhomboid-stretch': uint32 25, 'neck-twist': uint32 7}"));
  g_settings_set_value (settings, "prescribed-repetitions",
                        g_variant_new_parsed ("{'wall-push-up': uint32 10, 'resisted-rows': uint32 9}"));
}

static void
test_plan_reset_then_restore (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = NULL;
  g_autoptr(GVariant) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *reset = NULL;
  g_autofree char *after = NULL;
  guint n_prescription_changes = 0;

  write_a_plan (settings);
  plan = limber_plan_new (catalog, settings);
  before = limber_test_settings_print_plan (settings);

  snapshot = limber_plan_snapshot (plan);
  limber_plan_reset (plan);
  reset = limber_test_settings_print_plan (settings);
  g_assert_cmpstr (reset, !=, before);
  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 0);

  g_signal_connect_swapped (plan, "prescriptions-changed", G_CALLBACK (count_calls), &n_prescription_changes);
  g_assert_true (limber_plan_restore (plan, snapshot, &error));
  g_assert_no_error (error);

  /* Every key as it was, to the byte, and the plan follows. */
  after = limber_test_settings_print_plan (settings);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 1);
  g_assert_false (limber_plan_is_shown (plan, limber_catalog_lookup (catalog, "midback-stretch")));
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, limber_catalog_lookup (catalog, "rhomboid-stretch")), ==, 25);
  g_assert_cmpuint (limber_plan_get_prescribed_repetitions (plan, limber_catalog_lookup (catalog, "resisted-rows")), ==, 9);
  g_assert_cmpuint (n_prescription_changes, >, 0);

  /* Restoring what is already there writes nothing. */
  n_prescription_changes = 0;
  g_assert_true (limber_plan_restore (plan, snapshot, &error));
  g_assert_cmpuint (n_prescription_changes, ==, 0);
}

static void
test_plan_restore_locked (void)
{
  const char *locked[] = { "prescribed-holds", NULL };
  g_autoptr(GSettings) settings = limber_test_settings_new (locked);
  g_autoptr(LimberPlan) plan = NULL;
  g_autoptr(GVariant) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_a_plan (settings);
  plan = limber_plan_new (catalog, settings);
  snapshot = limber_plan_snapshot (plan);

  /* Reset leaves the locked holds, so the way back needs no locked key. */
  limber_plan_reset (plan);
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, limber_catalog_lookup (catalog, "rhomboid-stretch")), ==, 25);
  g_assert_true (limber_plan_restore (plan, snapshot, &error));
  g_assert_no_error (error);

  /* A plan that would change the locked key changes nothing at all. */
  limber_plan_set_shown (plan, limber_catalog_lookup (catalog, "wall-push-up"), FALSE);
  before = limber_test_settings_print_plan (settings);
  g_clear_pointer (&snapshot, g_variant_unref);
  snapshot = g_variant_ref_sink (g_variant_new_parsed ("{'hidden-exercises': <@as []>, "
                                                       "'prescribed-holds': <@a{su} {}>, "
                                                       "'prescribed-repetitions': <@a{su} {}>}"));
  g_assert_false (limber_plan_restore (plan, snapshot, &error));
  g_assert_error (error, LIMBER_PLAN_ERROR, LIMBER_PLAN_ERROR_LOCKED);
  after = limber_test_settings_print_plan (settings);
  g_assert_cmpstr (after, ==, before);
}

static void
fill_entry (LimberExercise *exercise,
            gboolean       *shown,
            guint          *hold,
            guint          *repetitions,
            gpointer        user_data)
{
  const char *id = limber_exercise_get_id (exercise);

  *shown = !g_str_equal (id, "shoulder-roll");
  if (g_str_equal (id, "midback-stretch"))
    *hold = 99;
  if (g_str_equal (id, "wall-push-up"))
    *repetitions = 10;
}

static void
test_plan_build_snapshot (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = limber_plan_new (catalog, settings);
  g_autoptr(GVariant) snapshot = limber_plan_build_snapshot (plan, fill_entry, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  g_assert_true (limber_plan_restore (plan, snapshot, &error));
  g_assert_no_error (error);

  /* Stored as the plan stores it: the handout's ranges left out, and a
   * hold brought within the handout's. */
  stored = limber_test_settings_print_plan (settings);
  g_assert_cmpstr (stored, ==,
                   "hidden-exercises=['shoulder-roll']\n"
                   "prescribed-holds={'midback-stretch': uint32 30}\n"
                   "prescribed-repetitions={'wall-push-up': uint32 10}\n");
}

static void
test_plan_reset_exercise (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = NULL;
  LimberExercise *rhomboid = limber_catalog_lookup (catalog, "rhomboid-stretch");
  g_autofree char *stored = NULL;

  write_a_plan (settings);
  g_settings_set_value (settings, "prescribed-repetitions",
                        g_variant_new_parsed ("{'rhomboid-stretch': uint32 3, 'wall-push-up': uint32 10}"));
  plan = limber_plan_new (catalog, settings);

  limber_plan_reset_exercise (plan, rhomboid);

  /* Both of its numbers; nothing of anyone else's. */
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, rhomboid), ==, 0);
  g_assert_cmpuint (limber_plan_get_prescribed_repetitions (plan, rhomboid), ==, 0);
  stored = limber_test_settings_print_plan (settings);
  g_assert_cmpstr (stored, ==,
                   "hidden-exercises=['neck-twist', 'midback-stretch']\n"
                   "prescribed-holds={'neck-twist': uint32 7}\n"
                   "prescribed-repetitions={'wall-push-up': uint32 10}\n");
}

static void
test_plan_locks (void)
{
  const char *some[] = { "hidden-exercises", "prescribed-repetitions", NULL };
  const char *all[] = { "hidden-exercises", "prescribed-holds", "prescribed-repetitions", NULL };
  g_autoptr(GSettings) open_settings = limber_test_settings_new (NULL);
  g_autoptr(GSettings) some_settings = limber_test_settings_new (some);
  g_autoptr(GSettings) all_settings = limber_test_settings_new (all);
  g_autoptr(LimberPlan) open_plan = limber_plan_new (catalog, open_settings);
  g_autoptr(LimberPlan) some_plan = limber_plan_new (catalog, some_settings);
  g_autoptr(LimberPlan) all_plan = limber_plan_new (catalog, all_settings);

  g_assert_false (limber_plan_is_locked (open_plan));
  g_assert_false (limber_plan_is_shown_locked (open_plan));

  g_assert_false (limber_plan_is_locked (some_plan));
  g_assert_true (limber_plan_is_shown_locked (some_plan));
  g_assert_false (limber_plan_is_hold_locked (some_plan));
  g_assert_true (limber_plan_is_repetitions_locked (some_plan));

  g_assert_true (limber_plan_is_locked (all_plan));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  catalog = limber_catalog_new_default (NULL);

  g_test_add_func ("/plan/hides-exercises", test_plan_hides_exercises);
  g_test_add_func ("/plan/items-changed", test_plan_items_changed);
  g_test_add_func ("/plan/all-hidden", test_plan_all_hidden);
  g_test_add_func ("/plan/unknown-ids-ignored", test_plan_unknown_ids_ignored);
  g_test_add_func ("/plan/prescriptions", test_plan_prescriptions);
  g_test_add_func ("/plan/reset-keeps-locked-keys", test_plan_reset_keeps_locked_keys);
  g_test_add_func ("/plan/reset-then-restore", test_plan_reset_then_restore);
  g_test_add_func ("/plan/restore-locked", test_plan_restore_locked);
  g_test_add_func ("/plan/build-snapshot", test_plan_build_snapshot);
  g_test_add_func ("/plan/reset-exercise", test_plan_reset_exercise);
  g_test_add_func ("/plan/locks", test_plan_locks);

  status = g_test_run ();
  g_assert_finalize_object (catalog);

  return status;
}
