/* limber-plan-page.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-plan-page"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-compat.h"
#include "limber-plan-page-private.h"

/* The rows of one exercise. The widgets are owned by the page. */
typedef struct
{
  LimberExercise *exercise;
  GtkWidget      *group;
  GtkWidget      *show_row;
  GtkWidget      *show_switch;
  GtkWidget      *hold_row;
  GtkWidget      *hold_spin;
  GtkWidget      *repetitions_row;
  GtkWidget      *repetitions_spin;
  GtkWidget      *handout_row;
} ExerciseRows;

struct _LimberPlanPage
{
  AdwPreferencesPage  parent_instance;

  LimberPlan         *plan;
  GArray             *rows;
  /* Set while the rows are brought up to date, so that doing so is not taken
   * for the person changing them. */
  gboolean            syncing;
  /* The plan as it was before Reset, while its toast offers Undo. */
  GVariant           *undo_snapshot;
  AdwToast           *undo_toast;

  GtkWidget          *reset_group;
  GtkWidget          *reset_button;
};

G_DEFINE_FINAL_TYPE (LimberPlanPage, limber_plan_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
locked_or (gboolean    writable,
           const char *subtitle)
{
  /* Translators: shown on a setting that an administrator has locked */
  return writable ? subtitle : _("Set by your clinic");
}

static GtkAdjustment *
get_adjustment (GtkWidget *spin)
{
  GtkAdjustment *adjustment;

  /* A property of both GtkSpinButton and AdwSpinRow. */
  g_object_get (spin, "adjustment", &adjustment, NULL);
  g_object_unref (adjustment);
  return adjustment;
}

/* 0 is "not set": the field is left empty, with the handout's range as its
 * placeholder, rather than showing a number nobody prescribed. */
static gboolean
on_spin_output (GtkWidget *spin)
{
  if (gtk_adjustment_get_value (get_adjustment (spin)) > 0)
    return FALSE;

  if (*gtk_editable_get_text (GTK_EDITABLE (spin)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (spin), "");
  return TRUE;
}

static void
set_placeholder (GtkWidget  *spin,
                 const char *text)
{
  GtkEditable *editable = GTK_EDITABLE (spin);

  /* The text field at the bottom of the spin button (and of the row that
   * holds one, on newer libadwaita). */
  while (gtk_editable_get_delegate (editable) != NULL)
    editable = gtk_editable_get_delegate (editable);
  if (GTK_IS_TEXT (editable))
    gtk_text_set_placeholder_text (GTK_TEXT (editable), text);
}

/* A hold or repetitions row: its number, or none, and the handout's range. */
static void
sync_measure (GtkWidget  *row,
              GtkWidget  *spin,
              guint       prescribed,
              gboolean    shown,
              gboolean    writable,
              const char *range,
              const char *unset_description)
{
  GtkAdjustment *adjustment = get_adjustment (spin);

  if ((guint)gtk_adjustment_get_value (adjustment) != prescribed)
    gtk_adjustment_set_value (adjustment, prescribed);
  /* Also where the value did not move, so no "output" came. */
  on_spin_output (spin);

  /* A screen reader hears "not set" rather than the 0 underneath. */
  if (prescribed > 0)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, unset_description, -1);

  gtk_widget_set_visible (row, shown);
  gtk_widget_set_sensitive (row, writable);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), locked_or (writable, range));
}

static void
sync_exercise (LimberPlanPage *self,
               ExerciseRows   *rows)
{
  LimberExercise *exercise = rows->exercise;
  gboolean shown = limber_plan_is_shown (self->plan, exercise);
  gboolean holds_writable = !limber_plan_is_hold_locked (self->plan);
  gboolean repetitions_writable = !limber_plan_is_repetitions_locked (self->plan);
  guint hold = limber_plan_get_prescribed_hold (self->plan, exercise);
  guint repetitions = limber_plan_get_prescribed_repetitions (self->plan, exercise);
  gboolean syncing = self->syncing;

  self->syncing = TRUE;

  g_object_set (rows->show_switch, "active", shown, NULL);
  gtk_widget_set_sensitive (rows->show_row, !limber_plan_is_shown_locked (self->plan));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (rows->show_row),
                               locked_or (!limber_plan_is_shown_locked (self->plan),
                                          limber_exercise_get_summary (exercise)));

  if (rows->hold_row != NULL)
    {
      guint min = limber_exercise_get_hold_min (exercise);
      guint max = limber_exercise_get_hold_max (exercise);
      /* Translators: the handout's range of hold times, such as "Handout: 15–30 seconds" */
      g_autofree char *range = g_strdup_printf (ngettext ("Handout: %u–%u second", "Handout: %u–%u seconds", max),
                                                min, max);
      /* Translators: read out for a hold time that is not prescribed, such as "Not set: the handout's 15–30 seconds" */
      g_autofree char *unset = g_strdup_printf (ngettext ("Not set: the handout’s %u–%u second",
                                                          "Not set: the handout’s %u–%u seconds", max), min, max);

      sync_measure (rows->hold_row, rows->hold_spin, hold, shown, holds_writable, range, unset);
    }

  {
    guint min = limber_exercise_get_repetitions_min (exercise);
    guint max = limber_exercise_get_repetitions_max (exercise);
    /* Translators: the handout's range of repetitions, such as "Handout: 8–12 times" */
    g_autofree char *range = g_strdup_printf (ngettext ("Handout: %u–%u time", "Handout: %u–%u times", max), min, max);
    /* Translators: read out for repetitions that are not prescribed, such as "Not set: the handout's 8–12 times" */
    g_autofree char *unset = g_strdup_printf (ngettext ("Not set: the handout’s %u–%u time",
                                                        "Not set: the handout’s %u–%u times", max), min, max);

    sync_measure (rows->repetitions_row, rows->repetitions_spin, repetitions, shown, repetitions_writable, range,
                  unset);
  }

  /* Only what can be cleared: a prescription that is not locked. */
  gtk_widget_set_visible (rows->handout_row, shown);
  gtk_widget_set_sensitive (rows->handout_row,
                            (hold > 0 && holds_writable) || (repetitions > 0 && repetitions_writable));

  self->syncing = syncing;
}

static void
sync_rows (LimberPlanPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    sync_exercise (self, &g_array_index (self->rows, ExerciseRows, i));

  gtk_widget_set_sensitive (self->reset_button, !limber_plan_is_locked (self->plan));
}

static ExerciseRows *
find_rows (LimberPlanPage *self,
           GObject        *object)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ExerciseRows *rows = &g_array_index (self->rows, ExerciseRows, i);

      if (object == G_OBJECT (rows->show_switch) || object == G_OBJECT (rows->handout_row) ||
          (rows->hold_spin != NULL && object == G_OBJECT (get_adjustment (rows->hold_spin))) ||
          object == G_OBJECT (get_adjustment (rows->repetitions_spin)))
        return rows;
    }

  g_return_val_if_reached (NULL);
}

static void
on_show_switch_changed (GObject        *show_switch,
                        GParamSpec     *pspec,
                        LimberPlanPage *self)
{
  gboolean active;

  if (self->syncing)
    return;

  g_object_get (show_switch, "active", &active, NULL);
  limber_plan_set_shown (self->plan, find_rows (self, show_switch)->exercise, active);
}

/* What a new value in the field prescribes. Below the handout's range there
 * is only "not set": a step down from its minimum clears the prescription,
 * a step up from nothing starts at the minimum. */
static guint
prescription_for (guint value,
                  guint prescribed,
                  guint min)
{
  if (value == 0 || value >= min)
    return value;

  return prescribed == min && value == min - 1 ? 0 : min;
}

static void
on_adjustment_changed (GtkAdjustment  *adjustment,
                       LimberPlanPage *self)
{
  ExerciseRows *rows;
  LimberExercise *exercise;
  guint value;

  if (self->syncing)
    return;

  rows = find_rows (self, G_OBJECT (adjustment));
  exercise = rows->exercise;
  value = gtk_adjustment_get_value (adjustment);
  if (rows->hold_spin != NULL && adjustment == get_adjustment (rows->hold_spin))
    limber_plan_set_prescribed_hold (self->plan, exercise,
                                     prescription_for (value, limber_plan_get_prescribed_hold (self->plan, exercise),
                                                       limber_exercise_get_hold_min (exercise)));
  else
    limber_plan_set_prescribed_repetitions (self->plan, exercise,
                                            prescription_for (value,
                                                              limber_plan_get_prescribed_repetitions (self->plan, exercise),
                                                              limber_exercise_get_repetitions_min (exercise)));

  /* The field shows what the plan took, also where that did not change it. */
  sync_exercise (self, rows);
}

static void
on_handout_activated (AdwActionRow   *row,
                      LimberPlanPage *self)
{
  limber_plan_reset_exercise (self->plan, find_rows (self, G_OBJECT (row))->exercise);
}

static void
forget_undo (LimberPlanPage *self)
{
  g_clear_pointer (&self->undo_snapshot, g_variant_unref);
  g_clear_weak_pointer (&self->undo_toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.undo-reset", FALSE);
}

static void
on_undo_toast_dismissed (AdwToast       *toast,
                         LimberPlanPage *self)
{
  if (toast == self->undo_toast)
    forget_undo (self);
}

static void
on_undo_clicked (LimberPlanPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "plan.undo-reset", NULL);
}

static void
reset_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LimberPlanPage *self = LIMBER_PLAN_PAGE (widget);
  AdwToast *toast;

  /* A second Reset while the first can still be undone keeps the plan from
   * before the first. */
  if (self->undo_snapshot == NULL)
    self->undo_snapshot = limber_plan_snapshot (self->plan);
  if (self->undo_toast != NULL)
    {
      AdwToast *old = self->undo_toast;

      g_clear_weak_pointer (&self->undo_toast);
      adw_toast_dismiss (old);
    }

  limber_plan_reset (self->plan);

  toast = adw_toast_new (_("Plan reset"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed), self, 0);
  g_set_weak_pointer (&self->undo_toast, toast);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.undo-reset", TRUE);

  limber_compat_add_toast (GTK_WIDGET (self), toast);
}

static void
undo_reset_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LimberPlanPage *self = LIMBER_PLAN_PAGE (widget);
  g_autoptr(GVariant) snapshot = g_steal_pointer (&self->undo_snapshot);
  g_autoptr(GError) error = NULL;
  AdwToast *toast = self->undo_toast;

  g_clear_weak_pointer (&self->undo_toast);
  forget_undo (self);
  if (toast != NULL)
    adw_toast_dismiss (toast);

  if (snapshot != NULL && !limber_plan_restore (self->plan, snapshot, &error))
    {
      g_autofree char *message = NULL;
      g_autofree char *escaped = NULL;

      /* Translators: %s says why the plan before the reset could not be put back */
      message = g_strdup_printf (_("The plan could not be put back: %s"), error->message);
      /* A toast's title is markup on libadwaita 1.2. */
      escaped = g_markup_escape_text (message, -1);
      limber_compat_add_toast (GTK_WIDGET (self), adw_toast_new (escaped));
    }
}

static GtkWidget *
add_spin_row (LimberPlanPage *self,
              GtkWidget      *group,
              const char     *title,
              const char     *accessible_label,
              guint           min,
              guint           max,
              GtkWidget     **out_spin)
{
  /* 0, below the handout's range, for "not set". */
  GtkAdjustment *adjustment = gtk_adjustment_new (0, 0, max, 1, 1, 0);
  g_autofree char *placeholder = g_strdup_printf ("%u–%u", min, max);
  GtkWidget *row = limber_compat_spin_row_new (title, adjustment, out_spin);

  g_signal_connect (*out_spin, "output", G_CALLBACK (on_spin_output), NULL);
  set_placeholder (*out_spin, placeholder);
  limber_compat_set_accessible_label (*out_spin, accessible_label);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return row;
}

static void
add_exercise_rows (LimberPlanPage *self,
                   LimberExercise *exercise)
{
  const char *title = limber_exercise_get_title (exercise);
  g_autofree char *show_label = NULL;
  g_autofree char *handout_label = NULL;
  g_autofree char *hold_label = NULL;
  g_autofree char *repetitions_label = NULL;
  ExerciseRows rows = { exercise };

  /* The exercise's title is the first row's, not the group's: a row's title
   * wraps, where libadwaita 1.2 cuts a group's short on a narrow screen. */
  rows.group = adw_preferences_group_new ();
  limber_compat_set_accessible_label (rows.group, title);
  rows.show_row = limber_compat_switch_row_new (title, &rows.show_switch);
  /* Translators: the accessible name of a switch, such as "Show Wall push-up" */
  show_label = g_strdup_printf (_("Show %s"), title);
  limber_compat_set_accessible_label (rows.show_switch, show_label);
  g_signal_connect (rows.show_switch, "notify::active", G_CALLBACK (on_show_switch_changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (rows.group), rows.show_row);

  if (limber_exercise_get_hold_max (exercise) > 0)
    {
      /* Translators: the accessible name of a number field, such as "Hold time for Midback stretch, in seconds" */
      hold_label = g_strdup_printf (_("Hold time for %s, in seconds"), title);
      rows.hold_row = add_spin_row (self, rows.group, _("Hold, in seconds"), hold_label,
                                    limber_exercise_get_hold_min (exercise), limber_exercise_get_hold_max (exercise),
                                    &rows.hold_spin);
    }

  /* Translators: the accessible name of a number field, such as "Repetitions of Wall push-up" */
  repetitions_label = g_strdup_printf (_("Repetitions of %s"), title);
  rows.repetitions_row = add_spin_row (self, rows.group, _("Repetitions"), repetitions_label,
                                       limber_exercise_get_repetitions_min (exercise),
                                       limber_exercise_get_repetitions_max (exercise),
                                       &rows.repetitions_spin);

  /* This exercise's own way back to the handout, in words. */
  rows.handout_row = adw_action_row_new ();
  /* Translators: a row that clears one exercise's prescribed hold and repetitions */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows.handout_row), _("Use the handout’s numbers"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (rows.handout_row), gtk_image_new_from_icon_name ("edit-undo-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (rows.handout_row), TRUE);
  /* Translators: the accessible name of a row, such as "Use the handout's numbers for Wall push-up" */
  handout_label = g_strdup_printf (_("Use the handout’s numbers for %s"), title);
  limber_compat_set_accessible_label (rows.handout_row, handout_label);
  g_signal_connect (rows.handout_row, "activated", G_CALLBACK (on_handout_activated), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (rows.group), rows.handout_row);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (rows.group));
  g_array_append_val (self->rows, rows);
}

static void
limber_plan_page_constructed (GObject *object)
{
  LimberPlanPage *self = (LimberPlanPage *)object;
  GListModel *exercises;

  G_OBJECT_CLASS (limber_plan_page_parent_class)->constructed (object);

  g_return_if_fail (self->plan != NULL);

  exercises = G_LIST_MODEL (limber_plan_get_catalog (self->plan));
  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);

      add_exercise_rows (self, exercise);
    }

  /* Last, away from the exercises' rows: where the keyboard starts is never
   * the one button that undoes the whole plan. */
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (self->reset_group));

  g_signal_connect_object (self->plan, "notify::n-hidden", G_CALLBACK (sync_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "prescriptions-changed", G_CALLBACK (sync_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "locks-changed", G_CALLBACK (sync_rows), self, G_CONNECT_SWAPPED);

  sync_rows (self);
}

static void
limber_plan_page_dispose (GObject *object)
{
  LimberPlanPage *self = (LimberPlanPage *)object;

  forget_undo (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PLAN_PAGE);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (limber_plan_page_parent_class)->dispose (object);
}

static void
limber_plan_page_finalize (GObject *object)
{
  LimberPlanPage *self = (LimberPlanPage *)object;

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->undo_snapshot, g_variant_unref);

  G_OBJECT_CLASS (limber_plan_page_parent_class)->finalize (object);
}

static void
limber_plan_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LimberPlanPage *self = LIMBER_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_plan_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LimberPlanPage *self = LIMBER_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_plan_page_class_init (LimberPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = limber_plan_page_constructed;
  object_class->dispose = limber_plan_page_dispose;
  object_class->finalize = limber_plan_page_finalize;
  object_class->get_property = limber_plan_page_get_property;
  object_class->set_property = limber_plan_page_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, LIMBER_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/limber-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPlanPage, reset_group);
  gtk_widget_class_bind_template_child (widget_class, LimberPlanPage, reset_button);

  gtk_widget_class_install_action (widget_class, "plan.reset", NULL, reset_activated);
  gtk_widget_class_install_action (widget_class, "plan.undo-reset", NULL, undo_reset_activated);
}

static void
limber_plan_page_init (LimberPlanPage *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (ExerciseRows));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.undo-reset", FALSE);
  /* Its actions (Reset, Undo) make it an object a screen reader offers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (self)), -1);
}

GtkWidget *
limber_plan_page_new (LimberPlan *plan)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (plan), NULL);

  return g_object_new (LIMBER_TYPE_PLAN_PAGE, "plan", plan, NULL);
}

LimberPlan *
limber_plan_page_get_plan (LimberPlanPage *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN_PAGE (self), NULL);

  return self->plan;
}

static ExerciseRows *
rows_for_id (LimberPlanPage *self,
             const char     *id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ExerciseRows *rows = &g_array_index (self->rows, ExerciseRows, i);

      if (g_str_equal (limber_exercise_get_id (rows->exercise), id))
        return rows;
    }

  return NULL;
}

GtkWidget *
limber_plan_page_get_reset_button (LimberPlanPage *self)
{
  return self->reset_button;
}

/* Where the keyboard starts: the first exercise's Show row. */
GtkWidget *
limber_plan_page_get_initial_focus (LimberPlanPage *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN_PAGE (self), NULL);

  return self->rows->len > 0 ? g_array_index (self->rows, ExerciseRows, 0).show_row : NULL;
}

AdwToast *
limber_plan_page_get_undo_toast (LimberPlanPage *self)
{
  return self->undo_toast;
}

GtkWidget *
limber_plan_page_get_handout_row (LimberPlanPage *self,
                                  const char     *id)
{
  return rows_for_id (self, id)->handout_row;
}

GtkWidget *
limber_plan_page_get_show_row (LimberPlanPage *self,
                               const char     *id)
{
  return rows_for_id (self, id)->show_row;
}

GtkWidget *
limber_plan_page_get_show_switch (LimberPlanPage *self,
                                  const char     *id)
{
  return rows_for_id (self, id)->show_switch;
}

GtkWidget *
limber_plan_page_get_hold_row (LimberPlanPage *self,
                               const char     *id)
{
  return rows_for_id (self, id)->hold_row;
}

GtkWidget *
limber_plan_page_get_hold_spin (LimberPlanPage *self,
                                const char     *id)
{
  return rows_for_id (self, id)->hold_spin;
}

GtkWidget *
limber_plan_page_get_repetitions_row (LimberPlanPage *self,
                                      const char     *id)
{
  return rows_for_id (self, id)->repetitions_row;
}

GtkWidget *
limber_plan_page_get_repetitions_spin (LimberPlanPage *self,
                                       const char     *id)
{
  return rows_for_id (self, id)->repetitions_spin;
}
