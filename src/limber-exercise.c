/* limber-exercise.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-exercise"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-exercise.h"

/* One exercise of the handout. Immutable once built: the catalog validates
 * everything before it constructs one, so the getters never need to. */
struct _LimberExercise
{
  GObject    parent_instance;

  char      *id;
  char      *title;
  char      *summary;
  /* The steps' own words, then the steps as shown with the handout's ranges. */
  GStrv      step_words;
  GStrv      steps;
  GVariant  *step_kinds;
  GVariant  *step_counts;
  GVariant  *step_positions;
  guint      hold_min;
  guint      hold_max;
  guint      repetitions_min;
  guint      repetitions_max;
  gboolean   repeat_each_direction;
  char      *warning;
  char      *equipment;
  char      *illustration;
  char      *alt_text;
};

G_DEFINE_FINAL_TYPE (LimberExercise, limber_exercise, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_STEPS,
  PROP_STEP_KINDS,
  PROP_STEP_COUNTS,
  PROP_STEP_POSITIONS,
  PROP_HOLD_MIN,
  PROP_HOLD_MAX,
  PROP_REPETITIONS_MIN,
  PROP_REPETITIONS_MAX,
  PROP_REPEAT_EACH_DIRECTION,
  PROP_WARNING,
  PROP_EQUIPMENT,
  PROP_ILLUSTRATION,
  PROP_ALT_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
limber_exercise_finalize (GObject *object)
{
  LimberExercise *self = (LimberExercise *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->step_words, g_strfreev);
  g_clear_pointer (&self->steps, g_strfreev);
  g_clear_pointer (&self->step_kinds, g_variant_unref);
  g_clear_pointer (&self->step_counts, g_variant_unref);
  g_clear_pointer (&self->step_positions, g_variant_unref);
  g_clear_pointer (&self->warning, g_free);
  g_clear_pointer (&self->equipment, g_free);
  g_clear_pointer (&self->illustration, g_free);
  g_clear_pointer (&self->alt_text, g_free);

  G_OBJECT_CLASS (limber_exercise_parent_class)->finalize (object);
}

static void
limber_exercise_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LimberExercise *self = LIMBER_EXERCISE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_STEPS:
      g_value_set_boxed (value, self->step_words);
      break;
    case PROP_STEP_KINDS:
      g_value_set_variant (value, self->step_kinds);
      break;
    case PROP_STEP_COUNTS:
      g_value_set_variant (value, self->step_counts);
      break;
    case PROP_STEP_POSITIONS:
      g_value_set_variant (value, self->step_positions);
      break;
    case PROP_HOLD_MIN:
      g_value_set_uint (value, self->hold_min);
      break;
    case PROP_HOLD_MAX:
      g_value_set_uint (value, self->hold_max);
      break;
    case PROP_REPETITIONS_MIN:
      g_value_set_uint (value, self->repetitions_min);
      break;
    case PROP_REPETITIONS_MAX:
      g_value_set_uint (value, self->repetitions_max);
      break;
    case PROP_REPEAT_EACH_DIRECTION:
      g_value_set_boolean (value, self->repeat_each_direction);
      break;
    case PROP_WARNING:
      g_value_set_string (value, self->warning);
      break;
    case PROP_EQUIPMENT:
      g_value_set_string (value, self->equipment);
      break;
    case PROP_ILLUSTRATION:
      g_value_set_string (value, self->illustration);
      break;
    case PROP_ALT_TEXT:
      g_value_set_string (value, self->alt_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static char *
dup_string_or_empty (const GValue *value)
{
  const char *str = g_value_get_string (value);

  return g_strdup (str != NULL ? str : "");
}

static void
limber_exercise_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LimberExercise *self = LIMBER_EXERCISE (object);

  /* All properties are construct-only, so nothing here can change later. */
  switch (prop_id)
    {
    case PROP_ID:
      self->id = dup_string_or_empty (value);
      break;
    case PROP_TITLE:
      self->title = dup_string_or_empty (value);
      break;
    case PROP_SUMMARY:
      self->summary = dup_string_or_empty (value);
      break;
    case PROP_STEPS:
      self->step_words = g_value_dup_boxed (value);
      break;
    case PROP_STEP_KINDS:
      self->step_kinds = g_value_dup_variant (value);
      break;
    case PROP_STEP_COUNTS:
      self->step_counts = g_value_dup_variant (value);
      break;
    case PROP_STEP_POSITIONS:
      self->step_positions = g_value_dup_variant (value);
      break;
    case PROP_HOLD_MIN:
      self->hold_min = g_value_get_uint (value);
      break;
    case PROP_HOLD_MAX:
      self->hold_max = g_value_get_uint (value);
      break;
    case PROP_REPETITIONS_MIN:
      self->repetitions_min = g_value_get_uint (value);
      break;
    case PROP_REPETITIONS_MAX:
      self->repetitions_max = g_value_get_uint (value);
      break;
    case PROP_REPEAT_EACH_DIRECTION:
      self->repeat_each_direction = g_value_get_boolean (value);
      break;
    case PROP_WARNING:
      self->warning = dup_string_or_empty (value);
      break;
    case PROP_EQUIPMENT:
      self->equipment = dup_string_or_empty (value);
      break;
    case PROP_ILLUSTRATION:
      self->illustration = dup_string_or_empty (value);
      break;
    case PROP_ALT_TEXT:
      self->alt_text = dup_string_or_empty (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GVariant *
empty_bytes (void)
{
  return g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, NULL, 0, 1));
}

static void
limber_exercise_constructed (GObject *object)
{
  LimberExercise *self = (LimberExercise *)object;
  guint n_steps;

  G_OBJECT_CLASS (limber_exercise_parent_class)->constructed (object);

  if (self->step_words == NULL)
    self->step_words = g_new0 (char *, 1);
  if (self->step_kinds == NULL)
    self->step_kinds = empty_bytes ();
  if (self->step_counts == NULL)
    self->step_counts = empty_bytes ();
  if (self->step_positions == NULL)
    self->step_positions = empty_bytes ();

  n_steps = g_strv_length (self->step_words);
  self->steps = g_new0 (char *, n_steps + 1);
  for (guint i = 0; i < n_steps; i++)
    self->steps[i] = limber_exercise_dup_step_text (self, i, 0, 0);
}

static GParamSpec *
construct_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
construct_uint (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}

static void
limber_exercise_class_init (LimberExerciseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_exercise_finalize;
  object_class->get_property = limber_exercise_get_property;
  object_class->set_property = limber_exercise_set_property;
  object_class->constructed = limber_exercise_constructed;

  properties[PROP_ID] = construct_string ("id");
  properties[PROP_TITLE] = construct_string ("title");
  properties[PROP_SUMMARY] = construct_string ("summary");
  properties[PROP_STEPS] =
    g_param_spec_boxed ("steps", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* One byte per step, a LimberStepKind, so a session knows what to time. */
  properties[PROP_STEP_KINDS] =
    g_param_spec_variant ("step-kinds", NULL, NULL, G_VARIANT_TYPE_BYTESTRING, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* One byte per step, a LimberStepCount: the sentence that says its number. */
  properties[PROP_STEP_COUNTS] =
    g_param_spec_variant ("step-counts", NULL, NULL, G_VARIANT_TYPE_BYTESTRING, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* One byte per step, non-zero where the step changes position (kneel,
   * stand at the wall): a session gives the person time to get there. */
  properties[PROP_STEP_POSITIONS] =
    g_param_spec_variant ("step-positions", NULL, NULL, G_VARIANT_TYPE_BYTESTRING, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOLD_MIN] = construct_uint ("hold-min");
  properties[PROP_HOLD_MAX] = construct_uint ("hold-max");
  properties[PROP_REPETITIONS_MIN] = construct_uint ("repetitions-min");
  properties[PROP_REPETITIONS_MAX] = construct_uint ("repetitions-max");
  properties[PROP_REPEAT_EACH_DIRECTION] =
    g_param_spec_boolean ("repeat-each-direction", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WARNING] = construct_string ("warning");
  properties[PROP_EQUIPMENT] = construct_string ("equipment");
  properties[PROP_ILLUSTRATION] = construct_string ("illustration");
  properties[PROP_ALT_TEXT] = construct_string ("alt-text");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_exercise_init (LimberExercise *self)
{
}

const char *
limber_exercise_get_id (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return self->id;
}

const char *
limber_exercise_get_title (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return self->title;
}

const char *
limber_exercise_get_summary (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return self->summary;
}

const char * const *
limber_exercise_get_steps (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return (const char * const *)self->steps;
}

guint
limber_exercise_get_n_steps (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 0);

  return g_strv_length (self->steps);
}

/* A step's byte in one of the per-step arrays; 0 past its end. */
static guint8
step_byte (GVariant *bytes,
           guint     step)
{
  gsize n;
  const guint8 *data = g_variant_get_fixed_array (bytes, &n, 1);

  return step < n ? data[step] : 0;
}

LimberStepKind
limber_exercise_get_step_kind (LimberExercise *self,
                               guint           step)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), LIMBER_STEP_KIND_ACTION);

  return (LimberStepKind) step_byte (self->step_kinds, step);
}

LimberStepCount
limber_exercise_get_step_count (LimberExercise *self,
                                guint           step)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), LIMBER_STEP_COUNT_NONE);

  return (LimberStepCount) step_byte (self->step_counts, step);
}

/**
 * limber_exercise_step_changes_position:
 * @step: from 0
 *
 * Returns: whether the step moves the body to a new position (sit down,
 *   kneel, stand at the wall, loop the band), which takes time to do
 */
gboolean
limber_exercise_step_changes_position (LimberExercise *self,
                                       guint           step)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), FALSE);

  return step_byte (self->step_positions, step) != 0;
}

static const struct {
  const char      *name;
  LimberStepCount  count;
} count_names[] = {
  { "stay", LIMBER_STEP_COUNT_STAY },
  { "stretch-times", LIMBER_STEP_COUNT_STRETCH_TIMES },
  { "times", LIMBER_STEP_COUNT_TIMES },
  { "circles", LIMBER_STEP_COUNT_CIRCLES },
  { "circles-again", LIMBER_STEP_COUNT_CIRCLES_AGAIN },
};

/**
 * limber_exercise_step_count_from_string:
 *
 * Reads a catalog's `count` attribute: stay, stretch-times, times, circles
 * or circles-again.
 *
 * Returns: whether @name is one of them
 */
gboolean
limber_exercise_step_count_from_string (const char      *name,
                                        LimberStepCount *count)
{
  for (guint i = 0; i < G_N_ELEMENTS (count_names); i++)
    if (g_strcmp0 (count_names[i].name, name) == 0)
      {
        *count = count_names[i].count;
        return TRUE;
      }

  return FALSE;
}

/* The sentence with a number in it. Each is one message with a placeholder
 * and its plural forms, so translators write it once for every number. */
static char *
dup_count_sentence (LimberStepCount count,
                    guint           n)
{
  switch (count)
    {
    case LIMBER_STEP_COUNT_STAY:
      /* Translators: a timed step with the physiotherapist's hold time; %u is a number of seconds */
      return g_strdup_printf (ngettext ("Stay in the stretch for %u second.", "Stay in the stretch for %u seconds.", n), n);
    case LIMBER_STEP_COUNT_STRETCH_TIMES:
      /* Translators: a counted step; %u is how many times to do the stretch, the first one included */
      return g_strdup_printf (ngettext ("Do the stretch %u time in all.", "Do the stretch %u times in all.", n), n);
    case LIMBER_STEP_COUNT_TIMES:
      /* Translators: a counted step; %u is how many times to do the movement */
      return g_strdup_printf (ngettext ("Do this %u time.", "Do this %u times.", n), n);
    case LIMBER_STEP_COUNT_CIRCLES:
      /* Translators: a counted step of shoulder circles; %u is how many */
      return g_strdup_printf (ngettext ("Make %u circle.", "Make %u circles.", n), n);
    case LIMBER_STEP_COUNT_CIRCLES_AGAIN:
      /* Translators: the same, in the other direction; %u is how many */
      return g_strdup_printf (ngettext ("Again make %u circle.", "Again make %u circles.", n), n);
    case LIMBER_STEP_COUNT_NONE:
    default:
      return NULL;
    }
}

/* The same sentences with the handout's range; the plural follows the
 * larger number, as it is the one next to the noun. */
static char *
dup_range_sentence (LimberStepCount count,
                    guint           min,
                    guint           max)
{
  if (min == max)
    return dup_count_sentence (count, min);

  switch (count)
    {
    case LIMBER_STEP_COUNT_STAY:
      /* Translators: a timed step with the handout's range; the two %u are the shortest and longest hold in seconds */
      return g_strdup_printf (ngettext ("Stay in the stretch for %u to %u second.", "Stay in the stretch for %u to %u seconds.", max), min, max);
    case LIMBER_STEP_COUNT_STRETCH_TIMES:
      /* Translators: a counted step with the handout's range of repetitions */
      return g_strdup_printf (ngettext ("Do the stretch %u to %u time in all.", "Do the stretch %u to %u times in all.", max), min, max);
    case LIMBER_STEP_COUNT_TIMES:
      /* Translators: a counted step with the handout's range of repetitions */
      return g_strdup_printf (ngettext ("Do this %u to %u time.", "Do this %u to %u times.", max), min, max);
    case LIMBER_STEP_COUNT_CIRCLES:
      /* Translators: a counted step of shoulder circles with the handout's range */
      return g_strdup_printf (ngettext ("Make at least %u to %u circle.", "Make at least %u to %u circles.", max), min, max);
    case LIMBER_STEP_COUNT_CIRCLES_AGAIN:
      /* Translators: the same, in the other direction */
      return g_strdup_printf (ngettext ("Again make at least %u to %u circle.", "Again make at least %u to %u circles.", max), min, max);
    case LIMBER_STEP_COUNT_NONE:
    default:
      return NULL;
    }
}

/**
 * limber_exercise_dup_step_text:
 * @step: from 0
 * @hold_seconds: a prescribed hold, or 0 for the handout's range
 * @repetitions: a prescribed count, or 0 for the handout's range
 *
 * Returns: the step as shown and spoken: its own words, then the sentence
 *   that says how long or how often, with the prescription's number where
 *   there is one
 */
char *
limber_exercise_dup_step_text (LimberExercise *self,
                               guint           step,
                               guint           hold_seconds,
                               guint           repetitions)
{
  LimberStepCount count;
  const char *words;
  g_autofree char *sentence = NULL;
  gboolean is_hold;

  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);
  g_return_val_if_fail (step < g_strv_length (self->step_words), NULL);

  words = self->step_words[step];
  count = limber_exercise_get_step_count (self, step);
  is_hold = count == LIMBER_STEP_COUNT_STAY;

  if (is_hold && hold_seconds > 0)
    sentence = dup_count_sentence (count, hold_seconds);
  else if (is_hold)
    sentence = dup_range_sentence (count, self->hold_min, self->hold_max);
  else if (repetitions > 0)
    sentence = dup_count_sentence (count, repetitions);
  else
    sentence = dup_range_sentence (count, self->repetitions_min, self->repetitions_max);

  if (sentence == NULL)
    return g_strdup (words);
  if (*words == '\0')
    return g_steal_pointer (&sentence);

  /* Translators: a step's own words, then the sentence with its number, as in
   * "Roll your shoulders in one smooth circle. Make 3 circles." */
  return g_strdup_printf (C_("step text", "%s %s"), words, sentence);
}

guint
limber_exercise_get_hold_min (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 0);

  return self->hold_min;
}

guint
limber_exercise_get_hold_max (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 0);

  return self->hold_max;
}

guint
limber_exercise_get_repetitions_min (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 0);

  return self->repetitions_min;
}

guint
limber_exercise_get_repetitions_max (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), 0);

  return self->repetitions_max;
}

gboolean
limber_exercise_get_repeat_each_direction (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), FALSE);

  return self->repeat_each_direction;
}

const char *
limber_exercise_get_warning (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return self->warning;
}

const char *
limber_exercise_get_equipment (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return self->equipment;
}

const char *
limber_exercise_get_illustration (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return self->illustration;
}

const char *
limber_exercise_get_alt_text (LimberExercise *self)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  return self->alt_text;
}

static char *
format_range (guint min,
              guint max)
{
  if (min == max)
    return g_strdup_printf ("%u", min);

  /* The en dash is the range sign in every locale we ship; translators can still
   * reorder the words around it. */
  return g_strdup_printf ("%u–%u", min, max);
}

/**
 * limber_exercise_dup_dosage:
 *
 * Returns: a one-line summary of how long to hold and how often to repeat,
 *   such as "Hold 15–30 s · Repeat 2–4 times".
 */
char *
limber_exercise_dup_dosage (LimberExercise *self)
{
  return limber_exercise_dup_dosage_for (self, 0, 0);
}

/**
 * limber_exercise_dup_dosage_for:
 * @hold_seconds: a prescribed hold, or 0 for the handout's range
 * @repetitions: a prescribed count, or 0 for the handout's range
 *
 * Returns: the dosage line, with a physiotherapist's prescription in place of
 *   the handout's ranges where there is one.
 */
char *
limber_exercise_dup_dosage_for (LimberExercise *self,
                                guint           hold_seconds,
                                guint           repetitions)
{
  g_autofree char *hold = NULL;
  g_autofree char *repeat = NULL;
  g_autofree char *count = NULL;
  guint count_for_plural;

  g_return_val_if_fail (LIMBER_IS_EXERCISE (self), NULL);

  count = repetitions > 0 ? g_strdup_printf ("%u", repetitions)
                          : format_range (self->repetitions_min, self->repetitions_max);
  count_for_plural = repetitions > 0 ? repetitions : self->repetitions_max;

  if (self->repeat_each_direction && repetitions > 0)
    /* Translators: %s is a count, such as "3" */
    repeat = g_strdup_printf (ngettext ("%s time in each direction", "%s times in each direction",
                                        count_for_plural),
                              count);
  else if (self->repeat_each_direction)
    /* Translators: %s is a count or a range of counts, such as "2–4" */
    repeat = g_strdup_printf (ngettext ("At least %s time in each direction",
                                        "At least %s times in each direction",
                                        count_for_plural),
                              count);
  else
    /* Translators: %s is a count or a range of counts, such as "8–12" */
    repeat = g_strdup_printf (ngettext ("Repeat %s time", "Repeat %s times", count_for_plural), count);

  if (self->hold_max == 0)
    return g_steal_pointer (&repeat);

  {
    g_autofree char *seconds = hold_seconds > 0 ? g_strdup_printf ("%u", hold_seconds)
                                                : format_range (self->hold_min, self->hold_max);

    /* Translators: %s is a number of seconds or a range of them, such as "15–30" */
    hold = g_strdup_printf (_("Hold %s s"), seconds);
  }

  /* Translators: joins the hold time and the repetitions, as in "Hold 15–30 s · Repeat 2–4 times" */
  return g_strdup_printf (_("%s · %s"), hold, repeat);
}
