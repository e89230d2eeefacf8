/* limber-plan-page.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-plan-page"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

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
} ExerciseRows;

struct _LimberPlanPage
{
  AdwPreferencesPage  parent_instance;

  LimberPlan         *plan;
  GArray             *rows;
  /* Set while the rows are brought up to date, so that doing so is not taken
   * for the person changing them. */
  gboolean            syncing;

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

static void
set_spin_value (GtkWidget *spin,
                guint      value)
{
  if ((guint)gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)) != value)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
}

static void
sync_rows (LimberPlanPage *self)
{
  gboolean hidden_writable = !limber_plan_is_shown_locked (self->plan);
  gboolean holds_writable = !limber_plan_is_hold_locked (self->plan);
  gboolean repetitions_writable = !limber_plan_is_repetitions_locked (self->plan);

  self->syncing = TRUE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      ExerciseRows *rows = &g_array_index (self->rows, ExerciseRows, i);
      LimberExercise *exercise = rows->exercise;
      gboolean shown = limber_plan_is_shown (self->plan, exercise);
      guint repetitions = limber_plan_get_prescribed_repetitions (self->plan, exercise);

      gtk_switch_set_active (GTK_SWITCH (rows->show_switch), shown);
      gtk_widget_set_sensitive (rows->show_row, hidden_writable);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (rows->show_row),
                                   locked_or (hidden_writable, limber_exercise_get_summary (exercise)));

      if (rows->hold_row != NULL)
        {
          g_autofree char *range = NULL;

          /* Translators: the handout's range of hold times, such as "Handout: 15–30 seconds" */
          range = g_strdup_printf (_("Handout: %u–%u seconds"),
                                   limber_exercise_get_hold_min (exercise), limber_exercise_get_hold_max (exercise));
          set_spin_value (rows->hold_spin, limber_plan_get_hold_seconds (self->plan, exercise));
          gtk_widget_set_visible (rows->hold_row, shown);
          gtk_widget_set_sensitive (rows->hold_row, holds_writable);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (rows->hold_row), locked_or (holds_writable, range));
        }

      {
        g_autofree char *range = NULL;

        /* Translators: the handout's range of repetitions, such as "Handout: 8–12 times" */
        range = g_strdup_printf (_("Handout: %u–%u times"),
                                 limber_exercise_get_repetitions_min (exercise),
                                 limber_exercise_get_repetitions_max (exercise));
        set_spin_value (rows->repetitions_spin,
                        repetitions > 0 ? repetitions : limber_exercise_get_repetitions_min (exercise));
        gtk_widget_set_visible (rows->repetitions_row, shown);
        gtk_widget_set_sensitive (rows->repetitions_row, repetitions_writable);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (rows->repetitions_row),
                                     locked_or (repetitions_writable, range));
      }
    }

  gtk_widget_set_sensitive (self->reset_button, !limber_plan_is_locked (self->plan));

  self->syncing = FALSE;
}

static ExerciseRows *
find_rows (LimberPlanPage *self,
           GtkWidget      *widget)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ExerciseRows *rows = &g_array_index (self->rows, ExerciseRows, i);

      if (widget == rows->show_switch || widget == rows->hold_spin || widget == rows->repetitions_spin)
        return rows;
    }

  g_return_val_if_reached (NULL);
}

static void
on_show_switch_changed (GtkWidget      *show_switch,
                        GParamSpec     *pspec,
                        LimberPlanPage *self)
{
  if (!self->syncing)
    limber_plan_set_shown (self->plan, find_rows (self, show_switch)->exercise,
                           gtk_switch_get_active (GTK_SWITCH (show_switch)));
}

static void
on_spin_changed (GtkSpinButton  *spin,
                 LimberPlanPage *self)
{
  ExerciseRows *rows;
  guint value;

  if (self->syncing)
    return;

  rows = find_rows (self, GTK_WIDGET (spin));
  value = gtk_spin_button_get_value_as_int (spin);
  if (GTK_WIDGET (spin) == rows->hold_spin)
    limber_plan_set_prescribed_hold (self->plan, rows->exercise, value);
  else
    limber_plan_set_prescribed_repetitions (self->plan, rows->exercise, value);
}

static void
on_reset_clicked (LimberPlanPage *self)
{
  limber_plan_reset (self->plan);
}

static void
on_row_activated (AdwActionRow *row,
                  GtkWidget    *control)
{
  if (GTK_IS_SWITCH (control))
    gtk_switch_set_active (GTK_SWITCH (control), !gtk_switch_get_active (GTK_SWITCH (control)));
  else
    gtk_widget_grab_focus (control);
}

/* Clicking the row works the control, as adw_action_row_set_activatable_widget()
 * would; but that also labels the control with the row's title, and GTK 4.8
 * then reads both names ("Show Wall push-up Show"). */
static void
activate_with_row (GtkWidget *row,
                   GtkWidget *control)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), control, 0);
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
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_changed), self);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  activate_with_row (row, spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  *out_spin = spin;
  return row;
}

static void
add_exercise_rows (LimberPlanPage *self,
                   LimberExercise *exercise)
{
  const char *title = limber_exercise_get_title (exercise);
  g_autofree char *escaped_title = NULL;
  g_autofree char *show_label = NULL;
  g_autofree char *hold_label = NULL;
  g_autofree char *repetitions_label = NULL;
  ExerciseRows rows = { exercise };

  /* Catalog text is plain text. A group's title is always markup, so it is
   * escaped; rows have a switch. */
  rows.group = adw_preferences_group_new ();
  escaped_title = g_markup_escape_text (title, -1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (rows.group), escaped_title);

  rows.show_row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (rows.show_row), FALSE);
  /* Translators: a switch that keeps an exercise in the plan */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows.show_row), _("Show"));
  rows.show_switch = gtk_switch_new ();
  gtk_widget_set_valign (rows.show_switch, GTK_ALIGN_CENTER);
  /* Translators: the accessible name of a switch, such as "Show Wall push-up" */
  show_label = g_strdup_printf (_("Show %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (rows.show_switch), GTK_ACCESSIBLE_PROPERTY_LABEL, show_label, -1);
  g_signal_connect (rows.show_switch, "notify::active", G_CALLBACK (on_show_switch_changed), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (rows.show_row), rows.show_switch);
  activate_with_row (rows.show_row, rows.show_switch);
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

  g_signal_connect_object (self->plan, "notify::n-hidden", G_CALLBACK (sync_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "prescriptions-changed", G_CALLBACK (sync_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "locks-changed", G_CALLBACK (sync_rows), self, G_CONNECT_SWAPPED);

  sync_rows (self);
}

static void
limber_plan_page_dispose (GObject *object)
{
  LimberPlanPage *self = (LimberPlanPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PLAN_PAGE);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (limber_plan_page_parent_class)->dispose (object);
}

static void
limber_plan_page_finalize (GObject *object)
{
  LimberPlanPage *self = (LimberPlanPage *)object;

  g_clear_pointer (&self->rows, g_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, LimberPlanPage, reset_button);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked);
}

static void
limber_plan_page_init (LimberPlanPage *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (ExerciseRows));

  gtk_widget_init_template (GTK_WIDGET (self));
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
