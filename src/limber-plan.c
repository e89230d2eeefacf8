/* limber-plan.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-plan"

#include "limber-config.h"

#include "limber-plan.h"

/* The physiotherapist's plan: which exercises are shown and how long to hold
 * and how often to repeat each. It lives in GSettings, so that a clinic can set
 * and lock it with dconf, and every view follows its one filter model. */
struct _LimberPlan
{
  GObject             parent_instance;

  LimberCatalog      *catalog;
  GSettings          *settings;
  GHashTable         *hidden;
  GHashTable         *holds;
  GHashTable         *repetitions;
  GtkFilter          *filter;
  GtkFilterListModel *shown;
  guint               n_hidden;
};

G_DEFINE_FINAL_TYPE (LimberPlan, limber_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_SETTINGS,
  PROP_N_HIDDEN,
  N_PROPS
};

enum {
  PRESCRIPTIONS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A hold and a repetition count are prescribed alike: a number per exercise,
 * kept within the handout's range for it, 0 for none. */
typedef enum {
  MEASURE_HOLD,
  MEASURE_REPETITIONS,
} Measure;

static const char *measure_keys[] = { "prescribed-holds", "prescribed-repetitions" };


static gboolean
is_known (LimberPlan *self,
          const char *id,
          const char *key)
{
  if (limber_catalog_lookup (self->catalog, id) != NULL)
    return TRUE;

  g_debug ("Ignoring “%s” in %s: the catalog has no such exercise", id, key);
  return FALSE;
}

static void
load_hidden (LimberPlan *self)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, "hidden-exercises");
  g_autoptr(GHashTable) hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean n_hidden_changed;
  gboolean changed;

  for (guint i = 0; ids[i] != NULL; i++)
    if (is_known (self, ids[i], "hidden-exercises"))
      g_hash_table_add (hidden, g_strdup (ids[i]));

  changed = g_hash_table_size (hidden) != g_hash_table_size (self->hidden);
  if (!changed)
    {
      GHashTableIter iter;
      const char *id;

      g_hash_table_iter_init (&iter, hidden);
      while (!changed && g_hash_table_iter_next (&iter, (gpointer *)&id, NULL))
        changed = !g_hash_table_contains (self->hidden, id);
    }

  if (!changed)
    return;

  g_clear_pointer (&self->hidden, g_hash_table_unref);
  self->hidden = g_steal_pointer (&hidden);
  n_hidden_changed = self->n_hidden != g_hash_table_size (self->hidden);
  self->n_hidden = g_hash_table_size (self->hidden);

  /* The count is right before anyone hears of the change. */
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);

  if (n_hidden_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_HIDDEN]);
}

static GHashTable *
load_counts (LimberPlan *self,
             const char *key)
{
  g_autoptr(GVariant) dict = g_settings_get_value (self->settings, key);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GVariantIter iter;
  const char *id;
  guint32 value;

  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_next (&iter, "{&su}", &id, &value))
    if (value > 0 && is_known (self, id, key))
      g_hash_table_insert (counts, g_strdup (id), GUINT_TO_POINTER (value));

  return counts;
}

static void
load_prescriptions (LimberPlan *self)
{
  g_clear_pointer (&self->holds, g_hash_table_unref);
  g_clear_pointer (&self->repetitions, g_hash_table_unref);
  self->holds = load_counts (self, measure_keys[MEASURE_HOLD]);
  self->repetitions = load_counts (self, measure_keys[MEASURE_REPETITIONS]);
}

static void
on_settings_changed (LimberPlan *self,
                     const char *key)
{
  if (g_str_equal (key, "hidden-exercises"))
    load_hidden (self);
  else if (g_str_equal (key, "prescribed-holds") || g_str_equal (key, "prescribed-repetitions"))
    {
      load_prescriptions (self);
      g_signal_emit (self, signals[PRESCRIPTIONS_CHANGED], 0);
    }
}

static gboolean
filter_shown (gpointer item,
              gpointer user_data)
{
  LimberPlan *self = user_data;

  return !g_hash_table_contains (self->hidden, limber_exercise_get_id (item));
}

static void
limber_plan_constructed (GObject *object)
{
  LimberPlan *self = (LimberPlan *)object;

  G_OBJECT_CLASS (limber_plan_parent_class)->constructed (object);

  g_return_if_fail (self->catalog != NULL && self->settings != NULL);

  self->filter = GTK_FILTER (gtk_custom_filter_new (filter_shown, self, NULL));
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->catalog)),
                                           g_object_ref (self->filter));

  load_hidden (self);
  load_prescriptions (self);

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self, G_CONNECT_SWAPPED);
}

static void
limber_plan_dispose (GObject *object)
{
  LimberPlan *self = (LimberPlan *)object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);

  g_clear_object (&self->shown);

  /* The filter calls back into us, should anyone else still hold it. */
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (GTK_CUSTOM_FILTER (self->filter), NULL, NULL, NULL);
  g_clear_object (&self->filter);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (limber_plan_parent_class)->dispose (object);
}

static void
limber_plan_finalize (GObject *object)
{
  LimberPlan *self = (LimberPlan *)object;

  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->holds, g_hash_table_unref);
  g_clear_pointer (&self->repetitions, g_hash_table_unref);

  G_OBJECT_CLASS (limber_plan_parent_class)->finalize (object);
}

static void
limber_plan_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LimberPlan *self = LIMBER_PLAN (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_N_HIDDEN:
      g_value_set_uint (value, self->n_hidden);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_plan_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LimberPlan *self = LIMBER_PLAN (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_plan_class_init (LimberPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = limber_plan_constructed;
  object_class->dispose = limber_plan_dispose;
  object_class->finalize = limber_plan_finalize;
  object_class->get_property = limber_plan_get_property;
  object_class->set_property = limber_plan_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, LIMBER_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_HIDDEN] =
    g_param_spec_uint ("n-hidden", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when a hold or repetition prescription changes, from here or from
   * outside (dconf, an imported plan). */
  signals[PRESCRIPTIONS_CHANGED] =
    g_signal_new ("prescriptions-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_plan_init (LimberPlan *self)
{
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

LimberPlan *
limber_plan_new (LimberCatalog *catalog,
                 GSettings     *settings)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (LIMBER_TYPE_PLAN, "catalog", catalog, "settings", settings, NULL);
}

LimberCatalog *
limber_plan_get_catalog (LimberPlan *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), NULL);

  return self->catalog;
}

GSettings *
limber_plan_get_settings (LimberPlan *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), NULL);

  return self->settings;
}

/**
 * limber_plan_get_shown_exercises:
 *
 * Returns: (transfer none): the exercises the plan shows, in catalog order.
 *   The carousel, its dots, "Exercise N of M", narration and the slideshow all
 *   use this one model.
 */
GListModel *
limber_plan_get_shown_exercises (LimberPlan *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->shown);
}

guint
limber_plan_get_n_hidden (LimberPlan *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), 0);

  return self->n_hidden;
}

gboolean
limber_plan_is_shown (LimberPlan     *self,
                      LimberExercise *exercise)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), FALSE);
  g_return_val_if_fail (LIMBER_IS_EXERCISE (exercise), FALSE);

  return !g_hash_table_contains (self->hidden, limber_exercise_get_id (exercise));
}

void
limber_plan_set_shown (LimberPlan     *self,
                       LimberExercise *exercise,
                       gboolean        shown)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) hidden = NULL;
  const char *id;

  g_return_if_fail (LIMBER_IS_PLAN (self));
  g_return_if_fail (LIMBER_IS_EXERCISE (exercise));

  if (limber_plan_is_shown (self, exercise) == !!shown)
    return;

  /* Keep whatever else the key holds, even ids this catalog does not know:
   * another catalog, or a newer Limber, may know them. */
  id = limber_exercise_get_id (exercise);
  ids = g_settings_get_strv (self->settings, "hidden-exercises");
  builder = g_strv_builder_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    if (!g_str_equal (ids[i], id))
      g_strv_builder_add (builder, ids[i]);
  if (!shown)
    g_strv_builder_add (builder, id);

  hidden = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "hidden-exercises", (const char * const *)hidden);
}

static guint
clamp_count (guint value,
             guint min,
             guint max)
{
  if (value == 0 || max == 0)
    return 0;

  return CLAMP (value, min, max);
}

/* Stored in catalog order, so the same plan is always the same value (an
 * exported and re-imported plan compares equal); ids this catalog does not
 * know are kept, after the rest. */
static void
store_count (LimberPlan     *self,
             const char     *key,
             LimberExercise *exercise,
             guint           value)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, key);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *exercises = G_LIST_MODEL (self->catalog);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *id;
  guint32 count;

  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&su}", &id, &count))
    g_hash_table_insert (counts, (gpointer)id, GUINT_TO_POINTER (count));
  g_hash_table_insert (counts, (gpointer)limber_exercise_get_id (exercise), GUINT_TO_POINTER (value));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{su}"));
  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) item = g_list_model_get_item (exercises, i);

      id = limber_exercise_get_id (item);
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, id));
      if (count > 0)
        g_variant_builder_add (&builder, "{su}", id, count);
    }

  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&su}", &id, &count))
    if (limber_catalog_lookup (self->catalog, id) == NULL)
      g_variant_builder_add (&builder, "{su}", id, count);

  g_settings_set_value (self->settings, key, g_variant_builder_end (&builder));
}

/* Within the handout's range for @exercise, or 0. */
static guint
clamp_to_handout (LimberExercise *exercise,
                  Measure         measure,
                  guint           value)
{
  if (measure == MEASURE_HOLD)
    return clamp_count (value, limber_exercise_get_hold_min (exercise), limber_exercise_get_hold_max (exercise));

  return clamp_count (value, limber_exercise_get_repetitions_min (exercise),
                      limber_exercise_get_repetitions_max (exercise));
}

static guint
get_prescribed (LimberPlan     *self,
                LimberExercise *exercise,
                Measure         measure)
{
  GHashTable *table = measure == MEASURE_HOLD ? self->holds : self->repetitions;

  return clamp_to_handout (exercise, measure,
                           GPOINTER_TO_UINT (g_hash_table_lookup (table, limber_exercise_get_id (exercise))));
}

static void
set_prescribed (LimberPlan     *self,
                LimberExercise *exercise,
                Measure         measure,
                guint           value)
{
  guint clamped = clamp_to_handout (exercise, measure, value);

  if (clamped != get_prescribed (self, exercise, measure))
    store_count (self, measure_keys[measure], exercise, clamped);
}

/**
 * limber_plan_get_prescribed_hold:
 *
 * Returns: the prescribed hold in seconds, within the handout's range, or 0
 *   where there is no prescription (or the exercise has no hold).
 */
guint
limber_plan_get_prescribed_hold (LimberPlan     *self,
                                 LimberExercise *exercise)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), 0);
  g_return_val_if_fail (LIMBER_IS_EXERCISE (exercise), 0);

  return get_prescribed (self, exercise, MEASURE_HOLD);
}

void
limber_plan_set_prescribed_hold (LimberPlan     *self,
                                 LimberExercise *exercise,
                                 guint           seconds)
{
  g_return_if_fail (LIMBER_IS_PLAN (self));
  g_return_if_fail (LIMBER_IS_EXERCISE (exercise));

  set_prescribed (self, exercise, MEASURE_HOLD, seconds);
}

guint
limber_plan_get_prescribed_repetitions (LimberPlan     *self,
                                        LimberExercise *exercise)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), 0);
  g_return_val_if_fail (LIMBER_IS_EXERCISE (exercise), 0);

  return get_prescribed (self, exercise, MEASURE_REPETITIONS);
}

void
limber_plan_set_prescribed_repetitions (LimberPlan     *self,
                                        LimberExercise *exercise,
                                        guint           repetitions)
{
  g_return_if_fail (LIMBER_IS_PLAN (self));
  g_return_if_fail (LIMBER_IS_EXERCISE (exercise));

  set_prescribed (self, exercise, MEASURE_REPETITIONS, repetitions);
}

/**
 * limber_plan_get_hold_seconds:
 *
 * Returns: how long the countdown of a hold runs: the prescription, or else
 *   the handout's minimum; 0 for an exercise without a hold.
 */
guint
limber_plan_get_hold_seconds (LimberPlan     *self,
                              LimberExercise *exercise)
{
  guint prescribed = limber_plan_get_prescribed_hold (self, exercise);

  return prescribed > 0 ? prescribed : limber_exercise_get_hold_min (exercise);
}

char *
limber_plan_dup_dosage (LimberPlan     *self,
                        LimberExercise *exercise)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), NULL);

  return limber_exercise_dup_dosage_for (exercise,
                                         limber_plan_get_prescribed_hold (self, exercise),
                                         limber_plan_get_prescribed_repetitions (self, exercise));
}

/**
 * limber_plan_dup_step_text:
 * @step: from 0
 *
 * Returns: the step as shown and spoken, with the plan's hold and
 *   repetitions in place of the handout's ranges where it prescribes them
 */
char *
limber_plan_dup_step_text (LimberPlan     *self,
                           LimberExercise *exercise,
                           guint           step)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), NULL);

  return limber_exercise_dup_step_text (exercise, step,
                                        limber_plan_get_prescribed_hold (self, exercise),
                                        limber_plan_get_prescribed_repetitions (self, exercise));
}

/**
 * limber_plan_reset:
 *
 * Back to the handout: every exercise shown, no prescriptions. Keys locked by
 * an administrator stay as they are.
 */
void
limber_plan_reset (LimberPlan *self)
{
  static const char *keys[] = { "hidden-exercises", "prescribed-holds", "prescribed-repetitions" };

  g_return_if_fail (LIMBER_IS_PLAN (self));

  g_settings_delay (self->settings);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_settings_is_writable (self->settings, keys[i]))
      g_settings_reset (self->settings, keys[i]);
  g_settings_apply (self->settings);
}
