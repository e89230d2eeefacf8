/* limber-plan.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-plan"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-plan.h"
#include "limber-settings-writer.h"

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
  LOCKS_CHANGED,
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

/* Every key of the plan, named here and nowhere else: what a snapshot holds,
 * what Reset clears and where an administrator's locks are looked for. */
typedef enum {
  KEY_HIDDEN,
  KEY_HOLDS,
  KEY_REPETITIONS,
  N_KEYS
} PlanKey;

static const char *plan_keys[N_KEYS] = { "hidden-exercises", "prescribed-holds", "prescribed-repetitions" };

static const char *
measure_key (Measure measure)
{
  return plan_keys[measure == MEASURE_HOLD ? KEY_HOLDS : KEY_REPETITIONS];
}

G_DEFINE_QUARK (limber-plan-error-quark, limber_plan_error)

static int
find_key (const char *key)
{
  for (guint i = 0; i < N_KEYS; i++)
    if (g_str_equal (key, plan_keys[i]))
      return i;

  return -1;
}


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
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, plan_keys[KEY_HIDDEN]);
  g_autoptr(GHashTable) hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean n_hidden_changed;
  gboolean changed;

  for (guint i = 0; ids[i] != NULL; i++)
    if (is_known (self, ids[i], plan_keys[KEY_HIDDEN]))
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
  self->holds = load_counts (self, measure_key (MEASURE_HOLD));
  self->repetitions = load_counts (self, measure_key (MEASURE_REPETITIONS));
}

/* One reload for each change, however many keys it has: a reset, an undo or
 * an imported plan is one change to those who follow the plan. */
static gboolean
on_change_event (LimberPlan   *self,
                 const GQuark *keys,
                 int           n_keys)
{
  gboolean hidden = keys == NULL;
  gboolean prescriptions = keys == NULL;

  for (int i = 0; i < n_keys; i++)
    switch (find_key (g_quark_to_string (keys[i])))
      {
      case KEY_HIDDEN:
        hidden = TRUE;
        break;
      case KEY_HOLDS:
      case KEY_REPETITIONS:
        prescriptions = TRUE;
        break;
      default:
        break;
      }

  if (hidden)
    load_hidden (self);
  if (prescriptions)
    {
      load_prescriptions (self);
      g_signal_emit (self, signals[PRESCRIPTIONS_CHANGED], 0);
    }

  /* Let "changed" go on for everyone else. */
  return FALSE;
}

static void
on_writable_changed (LimberPlan *self,
                     const char *key)
{
  if (find_key (key) >= 0)
    g_signal_emit (self, signals[LOCKS_CHANGED], 0);
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

  g_signal_connect_object (self->settings, "change-event", G_CALLBACK (on_change_event), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "writable-changed", G_CALLBACK (on_writable_changed), self,
                           G_CONNECT_SWAPPED);
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

  /* Emitted when an administrator locks or unlocks a part of the plan. */
  signals[LOCKS_CHANGED] =
    g_signal_new ("locks-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
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
  ids = g_settings_get_strv (self->settings, plan_keys[KEY_HIDDEN]);
  builder = g_strv_builder_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    if (!g_str_equal (ids[i], id))
      g_strv_builder_add (builder, ids[i]);
  if (!shown)
    g_strv_builder_add (builder, id);

  hidden = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, plan_keys[KEY_HIDDEN], (const char * const *)hidden);
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
    store_count (self, measure_key (measure), exercise, clamped);
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
  g_return_if_fail (LIMBER_IS_PLAN (self));

  g_settings_delay (self->settings);
  for (guint i = 0; i < N_KEYS; i++)
    if (g_settings_is_writable (self->settings, plan_keys[i]))
      g_settings_reset (self->settings, plan_keys[i]);
  g_settings_apply (self->settings);
}

/**
 * limber_plan_reset_exercise:
 *
 * Back to the handout's range for @exercise's hold and repetitions, stored
 * together; whether it is shown, and every other exercise, stay as they are.
 */
void
limber_plan_reset_exercise (LimberPlan     *self,
                            LimberExercise *exercise)
{
  g_return_if_fail (LIMBER_IS_PLAN (self));
  g_return_if_fail (LIMBER_IS_EXERCISE (exercise));

  g_settings_delay (self->settings);
  if (!limber_plan_is_hold_locked (self))
    set_prescribed (self, exercise, MEASURE_HOLD, 0);
  if (!limber_plan_is_repetitions_locked (self))
    set_prescribed (self, exercise, MEASURE_REPETITIONS, 0);
  g_settings_apply (self->settings);
}

static gboolean
is_key_locked (LimberPlan *self,
               PlanKey     key)
{
  return !g_settings_is_writable (self->settings, plan_keys[key]);
}

/**
 * limber_plan_is_locked:
 *
 * Returns: whether an administrator has locked all of the plan, so that
 *   nothing in it can be changed here
 */
gboolean
limber_plan_is_locked (LimberPlan *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), TRUE);

  for (guint i = 0; i < N_KEYS; i++)
    if (!is_key_locked (self, i))
      return FALSE;

  return TRUE;
}

/* Which exercises are shown. */
gboolean
limber_plan_is_shown_locked (LimberPlan *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), TRUE);

  return is_key_locked (self, KEY_HIDDEN);
}

gboolean
limber_plan_is_hold_locked (LimberPlan *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), TRUE);

  return is_key_locked (self, KEY_HOLDS);
}

gboolean
limber_plan_is_repetitions_locked (LimberPlan *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (self), TRUE);

  return is_key_locked (self, KEY_REPETITIONS);
}

/**
 * limber_plan_snapshot:
 *
 * Returns: (transfer full): every key of the plan as it is stored now, ids
 *   this catalog does not know included, for limber_plan_restore()
 */
GVariant *
limber_plan_snapshot (LimberPlan *self)
{
  GVariantDict dict;

  g_return_val_if_fail (LIMBER_IS_PLAN (self), NULL);

  g_variant_dict_init (&dict, NULL);
  for (guint i = 0; i < N_KEYS; i++)
    g_variant_dict_insert_value (&dict, plan_keys[i], g_settings_get_value (self->settings, plan_keys[i]));

  return g_variant_ref_sink (g_variant_dict_end (&dict));
}

/**
 * limber_plan_build_snapshot:
 * @entry_func: says what the new plan holds for each exercise of the catalog
 *
 * Returns: (transfer full): a new plan, for limber_plan_restore(), stored
 *   as this plan stores its own: in catalog order, prescriptions within the
 *   handout's ranges, the handout's range left out
 */
GVariant *
limber_plan_build_snapshot (LimberPlan          *self,
                            LimberPlanEntryFunc  entry_func,
                            gpointer             user_data)
{
  GListModel *exercises;
  GVariantBuilder hidden, holds, repetitions;
  GVariantDict dict;

  g_return_val_if_fail (LIMBER_IS_PLAN (self), NULL);
  g_return_val_if_fail (entry_func != NULL, NULL);

  g_variant_builder_init (&hidden, G_VARIANT_TYPE_STRING_ARRAY);
  g_variant_builder_init (&holds, G_VARIANT_TYPE ("a{su}"));
  g_variant_builder_init (&repetitions, G_VARIANT_TYPE ("a{su}"));

  exercises = G_LIST_MODEL (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);
      const char *id = limber_exercise_get_id (exercise);
      gboolean shown = TRUE;
      guint hold = 0;
      guint count = 0;

      entry_func (exercise, &shown, &hold, &count, user_data);
      hold = clamp_to_handout (exercise, MEASURE_HOLD, hold);
      count = clamp_to_handout (exercise, MEASURE_REPETITIONS, count);

      if (!shown)
        g_variant_builder_add (&hidden, "s", id);
      if (hold > 0)
        g_variant_builder_add (&holds, "{su}", id, hold);
      if (count > 0)
        g_variant_builder_add (&repetitions, "{su}", id, count);
    }

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert_value (&dict, plan_keys[KEY_HIDDEN], g_variant_builder_end (&hidden));
  g_variant_dict_insert_value (&dict, plan_keys[KEY_HOLDS], g_variant_builder_end (&holds));
  g_variant_dict_insert_value (&dict, plan_keys[KEY_REPETITIONS], g_variant_builder_end (&repetitions));

  return g_variant_ref_sink (g_variant_dict_end (&dict));
}

/**
 * limber_plan_restore:
 * @snapshot: from limber_plan_snapshot() or limber_plan_build_snapshot()
 *
 * Makes @snapshot the plan, all or nothing, and returns once the settings
 * storage has kept it. Nothing changes if an administrator has locked a
 * part of the plan that would change (%LIMBER_PLAN_ERROR_LOCKED), or if the
 * plan cannot be stored (a #LimberSettingsWriterError).
 */
gboolean
limber_plan_restore (LimberPlan  *self,
                     GVariant    *snapshot,
                     GError     **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify)g_variant_unref);
  const char *keys[N_KEYS + 1] = { NULL };
  gboolean locked = FALSE;
  guint n_changed = 0;

  g_return_val_if_fail (LIMBER_IS_PLAN (self), FALSE);
  g_return_val_if_fail (snapshot != NULL && g_variant_is_of_type (snapshot, G_VARIANT_TYPE_VARDICT), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Only what changes is written: a locked key that already has the
   * snapshot's value is no reason to refuse it. */
  for (guint i = 0; i < N_KEYS; i++)
    {
      g_autoptr(GVariant) current = g_settings_get_value (self->settings, plan_keys[i]);
      g_autoptr(GVariant) value = g_variant_lookup_value (snapshot, plan_keys[i], g_variant_get_type (current));

      g_return_val_if_fail (value != NULL, FALSE);
      if (g_variant_equal (current, value))
        continue;
      if (is_key_locked (self, i))
        locked = TRUE;
      keys[n_changed++] = plan_keys[i];
      g_ptr_array_add (values, g_steal_pointer (&value));
    }

  /* A storage that refuses every key is not the clinic's doing: the writer
   * names that. */
  if (locked && limber_settings_writer_can_write (self->settings))
    {
      g_set_error_literal (error, LIMBER_PLAN_ERROR, LIMBER_PLAN_ERROR_LOCKED,
                           _("Your clinic has set this part of the plan, so it cannot be changed here"));
      return FALSE;
    }

  if (n_changed == 0)
    return TRUE;

  return limber_settings_writer_write (self->settings, keys, (GVariant * const *)values->pdata, error);
}
