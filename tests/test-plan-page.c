/* test-plan-page.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include "limber-plan-page-private.h"
#include "limber-test-backend.h"

static LimberCatalog *catalog;

static LimberExercise *
exercise (const char *id)
{
  return limber_catalog_lookup (catalog, id);
}

static LimberPlanPage *
new_page (GSettings *settings)
{
  g_autoptr(LimberPlan) plan = limber_plan_new (catalog, settings);

  return LIMBER_PLAN_PAGE (g_object_ref_sink (limber_plan_page_new (plan)));
}

static void
test_plan_page_rows (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  LimberPlanPage *page = new_page (settings);

  /* A hold row only where the handout has a hold. */
  g_assert_nonnull (limber_plan_page_get_hold_row (page, "rhomboid-stretch"));
  g_assert_nonnull (limber_plan_page_get_hold_row (page, "midback-stretch"));
  g_assert_null (limber_plan_page_get_hold_row (page, "wall-push-up"));

  /* The spin rows keep to the handout's ranges and start at its minimum. */
  {
    GtkAdjustment *hold = gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (limber_plan_page_get_hold_spin (page, "rhomboid-stretch")));
    GtkAdjustment *reps = gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (limber_plan_page_get_repetitions_spin (page, "wall-push-up")));

    g_assert_cmpfloat (gtk_adjustment_get_lower (hold), ==, 15);
    g_assert_cmpfloat (gtk_adjustment_get_upper (hold), ==, 30);
    g_assert_cmpfloat (gtk_adjustment_get_value (hold), ==, 15);
    g_assert_cmpfloat (gtk_adjustment_get_lower (reps), ==, 8);
    g_assert_cmpfloat (gtk_adjustment_get_upper (reps), ==, 12);
  }

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (limber_plan_page_get_hold_row (page, "rhomboid-stretch"))),
                   ==, "Handout: 15–30 seconds");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (limber_plan_page_get_show_switch (page, "wall-push-up"))));

  g_assert_finalize_object (page);
}

static void
test_plan_page_edits_plan (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  LimberPlanPage *page = new_page (settings);
  LimberPlan *plan = limber_plan_page_get_plan (page);

  /* Activating the row works its switch, as a click on it would. */
  adw_action_row_activate (ADW_ACTION_ROW (limber_plan_page_get_show_row (page, "midback-stretch")));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (limber_plan_page_get_show_switch (page, "midback-stretch"))));
  g_assert_false (limber_plan_is_shown (plan, exercise ("midback-stretch")));
  /* A hidden exercise's prescription rows go away. */
  g_assert_false (gtk_widget_get_visible (limber_plan_page_get_hold_row (page, "midback-stretch")));
  g_assert_false (gtk_widget_get_visible (limber_plan_page_get_repetitions_row (page, "midback-stretch")));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (limber_plan_page_get_hold_spin (page, "rhomboid-stretch")), 25);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (limber_plan_page_get_repetitions_spin (page, "resisted-rows")), 11);
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, exercise ("rhomboid-stretch")), ==, 25);
  g_assert_cmpuint (limber_plan_get_prescribed_repetitions (plan, exercise ("resisted-rows")), ==, 11);

  /* A spin button cannot go past the handout's range. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (limber_plan_page_get_hold_spin (page, "rhomboid-stretch")), 60);
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, exercise ("rhomboid-stretch")), ==, 30);

  /* Reset to Handout. */
  g_signal_emit_by_name (limber_plan_page_get_reset_button (page), "clicked");
  g_assert_true (limber_plan_is_shown (plan, exercise ("midback-stretch")));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (limber_plan_page_get_show_switch (page, "midback-stretch"))));
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, exercise ("rhomboid-stretch")), ==, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (limber_plan_page_get_hold_spin (page, "rhomboid-stretch"))), ==, 15);

  g_assert_finalize_object (page);
}

static void
test_plan_page_follows_settings (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  LimberPlanPage *page = new_page (settings);

  g_settings_set_strv (settings, "hidden-exercises", (const char *[]) { "shoulder-roll", NULL });
  g_settings_set_value (settings, "prescribed-repetitions", g_variant_new_parsed ("{'wall-push-up': uint32 9}"));

  g_assert_false (gtk_switch_get_active (GTK_SWITCH (limber_plan_page_get_show_switch (page, "shoulder-roll"))));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (limber_plan_page_get_repetitions_spin (page, "wall-push-up"))), ==, 9);

  g_assert_finalize_object (page);
}

static void
test_plan_page_locked (void)
{
  const char *locked[] = { "hidden-exercises", "prescribed-holds", NULL };
  g_autoptr(GSettings) settings = limber_test_settings_new (locked);
  LimberPlanPage *page = new_page (settings);
  GtkWidget *show_row = limber_plan_page_get_show_row (page, "wall-push-up");
  GtkWidget *hold_row = limber_plan_page_get_hold_row (page, "midback-stretch");
  GtkWidget *repetitions_row = limber_plan_page_get_repetitions_row (page, "midback-stretch");

  g_assert_false (gtk_widget_get_sensitive (show_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (show_row)), ==, "Set by your clinic");
  g_assert_false (gtk_widget_get_sensitive (hold_row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (hold_row)), ==, "Set by your clinic");

  /* What is not locked stays editable, and so does Reset for it. */
  g_assert_true (gtk_widget_get_sensitive (repetitions_row));
  g_assert_true (gtk_widget_get_sensitive (limber_plan_page_get_reset_button (page)));

  g_assert_finalize_object (page);
}

static void
test_plan_page_all_locked (void)
{
  const char *locked[] = { "hidden-exercises", "prescribed-holds", "prescribed-repetitions", NULL };
  g_autoptr(GSettings) settings = limber_test_settings_new (locked);
  LimberPlanPage *page = new_page (settings);

  g_assert_false (gtk_widget_get_sensitive (limber_plan_page_get_reset_button (page)));
  g_assert_false (gtk_widget_get_sensitive (limber_plan_page_get_repetitions_row (page, "resisted-rows")));

  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  catalog = limber_catalog_new_default (NULL);

  g_test_add_func ("/plan-page/rows", test_plan_page_rows);
  g_test_add_func ("/plan-page/edits-plan", test_plan_page_edits_plan);
  g_test_add_func ("/plan-page/follows-settings", test_plan_page_follows_settings);
  g_test_add_func ("/plan-page/locked", test_plan_page_locked);
  g_test_add_func ("/plan-page/all-locked", test_plan_page_all_locked);

  status = g_test_run ();
  g_assert_finalize_object (catalog);

  return status;
}
