/* test-plan-page.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include "limber-compat.h"
#include "limber-plan-page-private.h"
#include "limber-test-backend.h"
#include "window-helpers.h"

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

static GtkAdjustment *
adjustment_of (GtkWidget *spin)
{
  GtkAdjustment *adjustment;

  g_object_get (spin, "adjustment", &adjustment, NULL);
  g_object_unref (adjustment);
  return adjustment;
}

static GtkAdjustment *
hold_of (LimberPlanPage *page,
         const char     *id)
{
  return adjustment_of (limber_plan_page_get_hold_spin (page, id));
}

static GtkAdjustment *
repetitions_of (LimberPlanPage *page,
                const char     *id)
{
  return adjustment_of (limber_plan_page_get_repetitions_spin (page, id));
}

static const char *
text_of (GtkWidget *spin)
{
  return gtk_editable_get_text (GTK_EDITABLE (spin));
}

/* The text field inside a spin button, or inside a spin row's. */
static const char *
placeholder_of (GtkWidget *spin)
{
  GtkEditable *editable = GTK_EDITABLE (spin);

  while (gtk_editable_get_delegate (editable) != NULL)
    editable = gtk_editable_get_delegate (editable);
  g_assert_true (GTK_IS_TEXT (editable));
  return gtk_text_get_placeholder_text (GTK_TEXT (editable));
}

static gboolean
is_active (GtkWidget *control)
{
  gboolean active;

  g_object_get (control, "active", &active, NULL);
  return active;
}

/* Something in every key, including an id another catalog has. */
static void
write_a_plan (GSettings *settings)
{
  g_settings_set_strv (settings, "hidden-exercises", (const char *[]) { "midback-stretch", "neck-twist", NULL });
  g_settings_set_value (settings, "prescribed-holds",
                        g_variant_new_parsed ("{'rhomboid-stretch': uint32 25, 'neck-twist': uint32 7}"));
  g_settings_set_value (settings, "prescribed-repetitions",
                        g_variant_new_parsed ("{'rhomboid-stretch': uint32 3, 'wall-push-up': uint32 10}"));
}

static void
test_plan_page_rows (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  LimberPlanPage *page = new_page (settings);
  GtkWidget *hold_spin = limber_plan_page_get_hold_spin (page, "rhomboid-stretch");

  /* A hold row only where the handout has a hold. */
  g_assert_nonnull (limber_plan_page_get_hold_row (page, "rhomboid-stretch"));
  g_assert_nonnull (limber_plan_page_get_hold_row (page, "midback-stretch"));
  g_assert_null (limber_plan_page_get_hold_row (page, "wall-push-up"));

  /* Up to the handout's maximum; 0, below its minimum, is "not set". */
  g_assert_cmpfloat (gtk_adjustment_get_lower (hold_of (page, "rhomboid-stretch")), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hold_of (page, "rhomboid-stretch")), ==, 30);
  g_assert_cmpfloat (gtk_adjustment_get_value (hold_of (page, "rhomboid-stretch")), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (repetitions_of (page, "wall-push-up")), ==, 12);

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (limber_plan_page_get_hold_row (page, "rhomboid-stretch"))),
                   ==, "Handout: 15–30 seconds");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (limber_plan_page_get_repetitions_row (page, "wall-push-up"))),
                   ==, "Handout: 8–12 times");
  g_assert_true (is_active (limber_plan_page_get_show_switch (page, "wall-push-up")));

  /* Nothing prescribed: no number, the handout's range in its place. */
  g_assert_cmpstr (text_of (hold_spin), ==, "");
  g_assert_cmpstr (placeholder_of (hold_spin), ==, "15–30");
  g_assert_cmpstr (placeholder_of (limber_plan_page_get_repetitions_spin (page, "wall-push-up")), ==, "8–12");
  g_assert_false (gtk_widget_get_sensitive (limber_plan_page_get_handout_row (page, "rhomboid-stretch")));

  g_assert_finalize_object (page);
}

static void
test_plan_page_not_set (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  LimberPlanPage *page = new_page (settings);
  LimberPlan *plan = limber_plan_page_get_plan (page);
  LimberExercise *rhomboid = exercise ("rhomboid-stretch");
  GtkWidget *hold_spin = limber_plan_page_get_hold_spin (page, "rhomboid-stretch");

  /* Set, it shows as set. */
  limber_plan_set_prescribed_hold (plan, rhomboid, 20);
  g_assert_cmpstr (text_of (hold_spin), ==, "20");
  g_assert_true (gtk_widget_get_sensitive (limber_plan_page_get_handout_row (page, "rhomboid-stretch")));

  /* A step down from the handout's minimum clears it; a step up from
   * nothing starts at the minimum. */
  gtk_adjustment_set_value (hold_of (page, "rhomboid-stretch"), 15);
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, rhomboid), ==, 15);
  gtk_adjustment_set_value (hold_of (page, "rhomboid-stretch"), 14);
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, rhomboid), ==, 0);
  g_assert_cmpstr (text_of (hold_spin), ==, "");
  gtk_adjustment_set_value (hold_of (page, "rhomboid-stretch"), 1);
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, rhomboid), ==, 15);
  g_assert_cmpfloat (gtk_adjustment_get_value (hold_of (page, "rhomboid-stretch")), ==, 15);
  g_assert_cmpstr (text_of (hold_spin), ==, "15");

  /* A number typed below the range is the handout's minimum. */
  gtk_adjustment_set_value (hold_of (page, "rhomboid-stretch"), 25);
  gtk_adjustment_set_value (hold_of (page, "rhomboid-stretch"), 5);
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, rhomboid), ==, 15);

  g_assert_finalize_object (page);
}

static void
test_plan_page_edits_plan (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  LimberPlanPage *page = new_page (settings);
  LimberPlan *plan = limber_plan_page_get_plan (page);

  /* The whole row is the switch's, to click or to press. */
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (limber_plan_page_get_show_row (page, "midback-stretch"))));
  g_object_set (limber_plan_page_get_show_switch (page, "midback-stretch"), "active", FALSE, NULL);
  g_assert_false (is_active (limber_plan_page_get_show_switch (page, "midback-stretch")));
  g_assert_false (limber_plan_is_shown (plan, exercise ("midback-stretch")));
  /* A hidden exercise's prescription rows go away. */
  g_assert_false (gtk_widget_get_visible (limber_plan_page_get_hold_row (page, "midback-stretch")));
  g_assert_false (gtk_widget_get_visible (limber_plan_page_get_repetitions_row (page, "midback-stretch")));

  gtk_adjustment_set_value (hold_of (page, "rhomboid-stretch"), 25);
  gtk_adjustment_set_value (repetitions_of (page, "resisted-rows"), 11);
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, exercise ("rhomboid-stretch")), ==, 25);
  g_assert_cmpuint (limber_plan_get_prescribed_repetitions (plan, exercise ("resisted-rows")), ==, 11);

  /* Reset to Handout, through the button's action. */
  g_assert_true (gtk_widget_has_css_class (limber_plan_page_get_reset_button (page), "destructive-action"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (limber_plan_page_get_reset_button (page))), ==,
                   "plan.reset");
  gtk_widget_activate_action (GTK_WIDGET (page), "plan.reset", NULL);
  g_assert_true (limber_plan_is_shown (plan, exercise ("midback-stretch")));
  g_assert_true (is_active (limber_plan_page_get_show_switch (page, "midback-stretch")));
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, exercise ("rhomboid-stretch")), ==, 0);
  g_assert_cmpstr (text_of (limber_plan_page_get_hold_spin (page, "rhomboid-stretch")), ==, "");

  g_assert_finalize_object (page);
}

static void
test_plan_page_reset_undo (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  LimberPlanPage *page = NULL;
  g_autofree char *before = NULL;
  g_autofree char *reset = NULL;
  g_autofree char *after = NULL;

  write_a_plan (settings);
  page = new_page (settings);
  before = limber_test_settings_print_plan (settings);

  /* Undo before any reset changes nothing. */
  limber_plan_set_shown (limber_plan_page_get_plan (page), exercise ("shoulder-roll"), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (page), "plan.undo-reset", NULL);
  g_assert_false (limber_plan_is_shown (limber_plan_page_get_plan (page), exercise ("shoulder-roll")));
  limber_plan_set_shown (limber_plan_page_get_plan (page), exercise ("shoulder-roll"), TRUE);
  reset = limber_test_settings_print_plan (settings);
  g_assert_cmpstr (reset, ==, before);
  g_clear_pointer (&reset, g_free);

  gtk_widget_activate_action (GTK_WIDGET (page), "plan.reset", NULL);
  /* Twice: Undo still goes back to the plan before the first. */
  gtk_widget_activate_action (GTK_WIDGET (page), "plan.reset", NULL);
  reset = limber_test_settings_print_plan (settings);
  g_assert_cmpstr (reset, ==,
                   "hidden-exercises=@as []\n"
                   "prescribed-holds=@a{su} {}\n"
                   "prescribed-repetitions=@a{su} {}\n");

  gtk_widget_activate_action (GTK_WIDGET (page), "plan.undo-reset", NULL);
  after = limber_test_settings_print_plan (settings);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (is_active (limber_plan_page_get_show_switch (page, "midback-stretch")));
  g_assert_cmpstr (text_of (limber_plan_page_get_hold_spin (page, "rhomboid-stretch")), ==, "25");

  /* Once undone, the same Undo does nothing more. */
  limber_plan_set_shown (limber_plan_page_get_plan (page), exercise ("wall-push-up"), FALSE);
  g_clear_pointer (&before, g_free);
  before = limber_test_settings_print_plan (settings);
  gtk_widget_activate_action (GTK_WIDGET (page), "plan.undo-reset", NULL);
  g_clear_pointer (&after, g_free);
  after = limber_test_settings_print_plan (settings);
  g_assert_cmpstr (after, ==, before);

  g_assert_finalize_object (page);
}

static void
test_plan_page_undo_toast (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = NULL;
  GtkWidget *parent = adw_window_new ();
  LimberPlanPage *page;
  GtkWidget *dialog;
  AdwToast *toast;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  write_a_plan (settings);
  plan = limber_plan_new (catalog, settings);
  before = limber_test_settings_print_plan (settings);

  gtk_window_present (GTK_WINDOW (parent));
  page = LIMBER_PLAN_PAGE (limber_plan_page_new (plan));
  dialog = limber_compat_present_preferences (parent, ADW_PREFERENCES_PAGE (page));
  /* Headed with its own name, in a window of its own or in the parent. */
  g_assert_cmpuint (count_labels (GTK_IS_WINDOW (dialog) ? dialog : parent, "Preferences"), ==, 0);
  if (GTK_IS_WINDOW (dialog))
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "My Plan");
  else
    g_assert_cmpuint (count_labels (parent, "My Plan"), >=, 1);

  gtk_widget_activate_action (GTK_WIDGET (page), "plan.reset", NULL);
  toast = limber_plan_page_get_undo_toast (page);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Plan reset");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 0);

  /* The toast's button, as a click on it would. */
  g_signal_emit_by_name (toast, "button-clicked");
  after = limber_test_settings_print_plan (settings);
  g_assert_cmpstr (after, ==, before);
  g_assert_null (limber_plan_page_get_undo_toast (page));

  limber_compat_close_dialog (dialog);
  gtk_window_destroy (GTK_WINDOW (parent));
}

static void
test_plan_page_handout_row (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  LimberPlanPage *page = NULL;
  LimberPlan *plan;
  g_autofree char *stored = NULL;

  write_a_plan (settings);
  page = new_page (settings);
  plan = limber_plan_page_get_plan (page);

  /* Clears only that exercise's numbers: not the others', not what is shown. */
  adw_action_row_activate (ADW_ACTION_ROW (limber_plan_page_get_handout_row (page, "rhomboid-stretch")));
  stored = limber_test_settings_print_plan (settings);
  g_assert_cmpstr (stored, ==,
                   "hidden-exercises=['midback-stretch', 'neck-twist']\n"
                   "prescribed-holds={'neck-twist': uint32 7}\n"
                   "prescribed-repetitions={'wall-push-up': uint32 10}\n");
  g_assert_cmpstr (text_of (limber_plan_page_get_hold_spin (page, "rhomboid-stretch")), ==, "");
  g_assert_cmpstr (text_of (limber_plan_page_get_repetitions_spin (page, "wall-push-up")), ==, "10");
  g_assert_false (gtk_widget_get_sensitive (limber_plan_page_get_handout_row (page, "rhomboid-stretch")));
  g_assert_true (gtk_widget_get_sensitive (limber_plan_page_get_handout_row (page, "wall-push-up")));
  g_assert_false (limber_plan_is_shown (plan, exercise ("midback-stretch")));

  g_assert_finalize_object (page);
}

static void
test_plan_page_follows_settings (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  LimberPlanPage *page = new_page (settings);

  g_settings_set_strv (settings, "hidden-exercises", (const char *[]) { "shoulder-roll", NULL });
  g_settings_set_value (settings, "prescribed-repetitions", g_variant_new_parsed ("{'wall-push-up': uint32 9}"));

  g_assert_false (is_active (limber_plan_page_get_show_switch (page, "shoulder-roll")));
  g_assert_cmpfloat (gtk_adjustment_get_value (repetitions_of (page, "wall-push-up")), ==, 9);
  g_assert_cmpstr (text_of (limber_plan_page_get_repetitions_spin (page, "wall-push-up")), ==, "9");

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
  g_test_add_func ("/plan-page/not-set", test_plan_page_not_set);
  g_test_add_func ("/plan-page/edits-plan", test_plan_page_edits_plan);
  g_test_add_func ("/plan-page/reset-undo", test_plan_page_reset_undo);
  g_test_add_func ("/plan-page/undo-toast", test_plan_page_undo_toast);
  g_test_add_func ("/plan-page/handout-row", test_plan_page_handout_row);
  g_test_add_func ("/plan-page/follows-settings", test_plan_page_follows_settings);
  g_test_add_func ("/plan-page/locked", test_plan_page_locked);
  g_test_add_func ("/plan-page/all-locked", test_plan_page_all_locked);

  status = g_test_run ();
  g_assert_finalize_object (catalog);

  return status;
}
