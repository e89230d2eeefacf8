/* limber-session-script.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a coached session does, in order, worked out before it starts: every
 * announcement, step, hold, repetition, count and rest, with the plan's own
 * numbers and the time each takes. The session only has to play it; the
 * tests can read it; and "next step" or "skip exercise" are a search in it.
 */

#define G_LOG_DOMAIN "limber-session-script"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-session-script.h"

/* After the announcement, before the first step. */
#define ANNOUNCE_PAUSE_MS    1500
/* The time to do an ordinary step once it has been said. */
#define STEP_PAUSE_MS        2000
/* The step before a hold: time to get into the stretch. */
#define BEFORE_HOLD_MS       3000
/* After "Do this 10 times" or "Repetition 2 of 3": time to get ready. */
#define BEFORE_COUNT_MS      1000
#define LEAD_IN_MS           3000
/* One counted movement: a wall push-up, a shoulder circle, a squeeze. */
#define COUNT_PACE_MS        3000
#define RELAX_PAUSE_MS       1000

struct _LimberSessionScript
{
  GObject            parent_instance;

  LimberSessionMode  mode;
  GPtrArray         *exercises;
  GArray            *cues;
  /* Per exercise id: the hold and repetitions this session uses. */
  GHashTable        *holds;
  GHashTable        *repetitions;
};

G_DEFINE_FINAL_TYPE (LimberSessionScript, limber_session_script, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (LimberCueKind, limber_cue_kind,
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_ANNOUNCE, "announce"),
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_STEP, "step"),
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_HOLD, "hold"),
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_REPETITION, "repetition"),
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_COUNT, "count"),
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_RELAX, "relax"),
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_REST, "rest"),
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_DWELL, "dwell"),
  G_DEFINE_ENUM_VALUE (LIMBER_CUE_FINISH, "finish"))

G_DEFINE_ENUM_TYPE (LimberSessionMode, limber_session_mode,
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_MODE_ROUTINE, "routine"),
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_MODE_SINGLE, "single"),
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_MODE_KIOSK, "kiosk"),
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_MODE_DWELL, "dwell"))

static void
clear_cue (gpointer data)
{
  LimberCue *cue = data;

  g_clear_pointer (&cue->text, g_free);
}

static LimberCue *
add_cue (LimberSessionScript *self,
         LimberCueKind        kind,
         guint                exercise_index,
         int                  step,
         char                *text,
         guint                duration_ms)
{
  LimberCue cue = {
    .kind = kind,
    .exercise = exercise_index < self->exercises->len ? g_ptr_array_index (self->exercises, exercise_index) : NULL,
    .exercise_index = exercise_index,
    .step = step,
    .text = text,
    .duration_ms = duration_ms,
  };

  g_array_append_val (self->cues, cue);
  return &g_array_index (self->cues, LimberCue, self->cues->len - 1);
}

static char *
dup_announcement (LimberSessionScript *self,
                  LimberExercise      *exercise,
                  guint                index)
{
  const char *warning = limber_exercise_get_warning (exercise);
  const char *equipment = limber_exercise_get_equipment (exercise);
  GString *text = g_string_new (NULL);

  if (self->mode == LIMBER_SESSION_MODE_SINGLE)
    /* Translators: the exercise's title, spoken as a sentence before its steps */
    g_string_append_printf (text, _("%s."), limber_exercise_get_title (exercise));
  else
    /* Translators: spoken before an exercise's steps: "Exercise 2 of 3: Midback stretch." */
    g_string_append_printf (text, _("Exercise %u of %u: %s."), index + 1, self->exercises->len,
                            limber_exercise_get_title (exercise));

  if (*warning != '\0')
    g_string_append_printf (text, " %s", warning);
  if (*equipment != '\0')
    {
      g_string_append_c (text, ' ');
      /* Translators: spoken before the steps; %s is the equipment, such as "An elastic exercise band." */
      g_string_append_printf (text, _("You will need: %s"), equipment);
    }

  return g_string_free (text, FALSE);
}

static gboolean
has_repeat_after (LimberExercise *exercise,
                  guint           step)
{
  for (guint i = step + 1; i < limber_exercise_get_n_steps (exercise); i++)
    if (limber_exercise_get_step_kind (exercise, i) == LIMBER_STEP_KIND_REPEAT)
      return TRUE;

  return FALSE;
}

static gboolean
is_last_repeat (LimberExercise *exercise,
                guint           step)
{
  return !has_repeat_after (exercise, step);
}

static void
add_hold (LimberSessionScript *self,
          guint                index,
          int                  step,
          char                *text,
          guint                hold,
          guint                repetition,
          guint                repetitions)
{
  LimberCue *cue = add_cue (self, LIMBER_CUE_HOLD, index, step, text, hold * 1000);

  cue->repetition = repetition;
  cue->repetitions = repetitions;
}

/* The stretch again, as many times as the plan says: each time a rest, then
 * "Repetition 2 of 3", time to get back into it, and the hold. */
static void
add_held_repetitions (LimberSessionScript *self,
                      guint                index,
                      int                  step,
                      guint                first,
                      guint                repetitions,
                      guint                hold,
                      guint                rest_seconds)
{
  for (guint repetition = first; repetition <= repetitions; repetition++)
    {
      LimberCue *cue;

      if (repetition > 1 && rest_seconds > 0)
        /* Translators: spoken at the start of a rest between two repetitions */
        add_cue (self, LIMBER_CUE_REST, index, step, g_strdup (_("Rest.")), rest_seconds * 1000);

      /* Translators: spoken before a repetition: "Repetition 2 of 3" */
      cue = add_cue (self, LIMBER_CUE_REPETITION, index, step,
                     g_strdup_printf (_("Repetition %u of %u"), repetition, repetitions), LEAD_IN_MS);
      cue->repetition = repetition;
      cue->repetitions = repetitions;

      add_hold (self, index, step,
                /* Translators: spoken as a hold begins */
                g_strdup_printf (ngettext ("Hold for %u second", "Hold for %u seconds", hold), hold),
                hold, repetition, repetitions);
    }
}

static void
add_counted_repetitions (LimberSessionScript *self,
                         guint                index,
                         int                  step,
                         guint                repetitions)
{
  for (guint repetition = 1; repetition <= repetitions; repetition++)
    {
      /* The number alone: the voice says it in its own language. */
      LimberCue *cue = add_cue (self, LIMBER_CUE_COUNT, index, step, g_strdup_printf ("%u", repetition),
                                COUNT_PACE_MS);

      cue->repetition = repetition;
      cue->repetitions = repetitions;
    }
}

static void
add_exercise (LimberSessionScript *self,
              LimberPlan          *plan,
              GSettings           *settings,
              guint                index)
{
  LimberExercise *exercise = g_ptr_array_index (self->exercises, index);
  guint hold = limber_session_script_get_hold_seconds (self, exercise);
  guint repetitions = limber_session_script_get_repetitions (self, exercise);
  guint n_steps = limber_exercise_get_n_steps (exercise);
  gboolean ready = g_settings_get_enum (settings, "position-change") == 1;
  guint position_ms = g_settings_get_uint (settings, "position-change-seconds") * 1000;
  guint rest_seconds = g_settings_get_uint (settings, "rest-between-repetitions");
  guint holds_done = 0;

  add_cue (self, LIMBER_CUE_ANNOUNCE, index, 0, dup_announcement (self, exercise, index), ANNOUNCE_PAUSE_MS);

  for (guint i = 0; i < n_steps; i++)
    {
      LimberStepKind kind = limber_exercise_get_step_kind (exercise, i);
      char *text = limber_plan_dup_step_text (plan, exercise, i);
      int step = (int) i + 1;

      if (kind == LIMBER_STEP_KIND_HOLD && hold > 0)
        {
          gboolean counted = has_repeat_after (exercise, i);

          /* The step says how long, so the first hold needs no words of its own. */
          add_cue (self, LIMBER_CUE_STEP, index, step, text, 0);
          add_hold (self, index, step, NULL, hold, counted ? 1 : 0, counted ? repetitions : 0);
          holds_done++;
        }
      else if (kind == LIMBER_STEP_KIND_REPEAT && hold > 0)
        {
          add_cue (self, LIMBER_CUE_STEP, index, step, text, BEFORE_COUNT_MS);
          add_held_repetitions (self, index, step, holds_done > 0 ? 2 : 1, repetitions, hold, rest_seconds);
        }
      else if (kind == LIMBER_STEP_KIND_REPEAT)
        {
          add_cue (self, LIMBER_CUE_STEP, index, step, text, BEFORE_COUNT_MS);
          add_counted_repetitions (self, index, step, repetitions);
          if (is_last_repeat (exercise, i))
            /* Translators: spoken after the last counted movement */
            add_cue (self, LIMBER_CUE_RELAX, index, step, g_strdup (_("Relax.")), RELAX_PAUSE_MS);
        }
      else
        {
          gboolean moves = limber_exercise_step_changes_position (exercise, i);
          gboolean before_hold = i + 1 < n_steps &&
                                 limber_exercise_get_step_kind (exercise, i + 1) == LIMBER_STEP_KIND_HOLD;
          LimberCue *cue = add_cue (self, LIMBER_CUE_STEP, index, step, text,
                                    moves ? position_ms : before_hold ? BEFORE_HOLD_MS : STEP_PAUSE_MS);

          cue->wait_for_ready = moves && ready;
        }
    }
}

static void
add_rest_before (LimberSessionScript *self,
                 guint                next_index,
                 guint                seconds)
{
  LimberExercise *next = g_ptr_array_index (self->exercises, next_index);
  LimberCue *cue;

  if (seconds == 0)
    return;

  /* It belongs to the exercise it leads to: skipping an exercise lands here,
   * with the next one named. */
  cue = add_cue (self, LIMBER_CUE_REST, next_index, -1,
                 /* Translators: spoken at the start of the rest between two exercises */
                 g_strdup_printf (_("Rest. Next: %s."), limber_exercise_get_title (next)), seconds * 1000);
  cue->next_exercise = next;
}

static void
build (LimberSessionScript *self,
       LimberPlan          *plan,
       GSettings           *settings)
{
  guint n = self->exercises->len;
  gboolean kiosk = self->mode == LIMBER_SESSION_MODE_KIOSK || self->mode == LIMBER_SESSION_MODE_DWELL;
  guint rest = g_settings_get_uint (settings, kiosk ? "kiosk-pause-seconds" : "rest-between-exercises");

  for (guint i = 0; i < n; i++)
    {
      if (self->mode == LIMBER_SESSION_MODE_DWELL)
        add_cue (self, LIMBER_CUE_DWELL, i, -1, NULL, g_settings_get_uint (settings, "kiosk-dwell-seconds") * 1000);
      else
        add_exercise (self, plan, settings, i);

      /* The kiosk rests before it starts over, too. */
      if (i + 1 < n)
        add_rest_before (self, i + 1, self->mode == LIMBER_SESSION_MODE_DWELL ? 0 : rest);
      else if (self->mode == LIMBER_SESSION_MODE_KIOSK && n > 1)
        add_rest_before (self, 0, rest);
    }

  if (!kiosk)
    add_cue (self, LIMBER_CUE_FINISH, n, -1, NULL, 0);
}

static void
limber_session_script_finalize (GObject *object)
{
  LimberSessionScript *self = (LimberSessionScript *)object;

  g_clear_pointer (&self->cues, g_array_unref);
  g_clear_pointer (&self->exercises, g_ptr_array_unref);
  g_clear_pointer (&self->holds, g_hash_table_unref);
  g_clear_pointer (&self->repetitions, g_hash_table_unref);

  G_OBJECT_CLASS (limber_session_script_parent_class)->finalize (object);
}

static void
limber_session_script_class_init (LimberSessionScriptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_session_script_finalize;
}

static void
limber_session_script_init (LimberSessionScript *self)
{
  self->exercises = g_ptr_array_new_with_free_func (g_object_unref);
  self->cues = g_array_new (FALSE, TRUE, sizeof (LimberCue));
  g_array_set_clear_func (self->cues, clear_cue);
  self->holds = g_hash_table_new (g_str_hash, g_str_equal);
  self->repetitions = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * limber_session_script_new:
 * @plan: whose shown exercises and prescriptions to use
 * @settings: the app's settings, for the rests and the time to change position
 * @only: (nullable): for %LIMBER_SESSION_MODE_SINGLE, the exercise
 *
 * Holds and repetitions are as the plan prescribes, or the handout's least
 * where it prescribes none. The script is fixed once made: a plan that
 * changes later makes a new one.
 */
LimberSessionScript *
limber_session_script_new (LimberPlan        *plan,
                           GSettings         *settings,
                           LimberSessionMode  mode,
                           LimberExercise    *only)
{
  LimberSessionScript *self;
  GListModel *shown;

  g_return_val_if_fail (LIMBER_IS_PLAN (plan), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail ((mode == LIMBER_SESSION_MODE_SINGLE) == (only != NULL), NULL);

  self = g_object_new (LIMBER_TYPE_SESSION_SCRIPT, NULL);
  self->mode = mode;

  shown = limber_plan_get_shown_exercises (plan);
  if (only != NULL)
    g_ptr_array_add (self->exercises, g_object_ref (only));
  else
    for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
      g_ptr_array_add (self->exercises, g_list_model_get_item (shown, i));

  for (guint i = 0; i < self->exercises->len; i++)
    {
      LimberExercise *exercise = g_ptr_array_index (self->exercises, i);
      guint hold = limber_plan_get_prescribed_hold (plan, exercise);
      guint repetitions = limber_plan_get_prescribed_repetitions (plan, exercise);

      g_hash_table_insert (self->holds, (gpointer) limber_exercise_get_id (exercise),
                           GUINT_TO_POINTER (hold > 0 ? hold : limber_exercise_get_hold_min (exercise)));
      g_hash_table_insert (self->repetitions, (gpointer) limber_exercise_get_id (exercise),
                           GUINT_TO_POINTER (repetitions > 0 ? repetitions
                                                             : limber_exercise_get_repetitions_min (exercise)));
    }

  build (self, plan, settings);

  return self;
}

LimberSessionMode
limber_session_script_get_mode (LimberSessionScript *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_SCRIPT (self), LIMBER_SESSION_MODE_ROUTINE);

  return self->mode;
}

guint
limber_session_script_get_n_cues (LimberSessionScript *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_SCRIPT (self), 0);

  return self->cues->len;
}

/**
 * limber_session_script_get_cue:
 *
 * Returns: (transfer none): the cue, valid as long as the script
 */
const LimberCue *
limber_session_script_get_cue (LimberSessionScript *self,
                               guint                index)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_SCRIPT (self), NULL);
  g_return_val_if_fail (index < self->cues->len, NULL);

  return &g_array_index (self->cues, LimberCue, index);
}

guint
limber_session_script_get_n_exercises (LimberSessionScript *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_SCRIPT (self), 0);

  return self->exercises->len;
}

/**
 * limber_session_script_get_exercise:
 *
 * Returns: (transfer none): the session's exercise number @index, from 0
 */
LimberExercise *
limber_session_script_get_exercise (LimberSessionScript *self,
                                    guint                index)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_SCRIPT (self), NULL);
  g_return_val_if_fail (index < self->exercises->len, NULL);

  return g_ptr_array_index (self->exercises, index);
}

static gboolean
starts_a_step (const LimberCue *cue)
{
  return cue->kind == LIMBER_CUE_ANNOUNCE || cue->kind == LIMBER_CUE_STEP || cue->kind == LIMBER_CUE_DWELL ||
         cue->kind == LIMBER_CUE_FINISH || cue->next_exercise != NULL;
}

/**
 * limber_session_script_find_step:
 * @direction: 1 for the next step, -1 for the previous one
 *
 * Returns: where the step after (or before) the one at @from starts: an
 *   announcement, a step, a rest between exercises or the finish. Forward
 *   past the end is the number of cues; back before the start, 0.
 */
guint
limber_session_script_find_step (LimberSessionScript *self,
                                 guint                from,
                                 int                  direction)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_SCRIPT (self), 0);

  if (direction > 0)
    {
      for (guint i = from + 1; i < self->cues->len; i++)
        if (starts_a_step (&g_array_index (self->cues, LimberCue, i)))
          return i;
      return self->cues->len;
    }

  for (guint i = MIN (from, self->cues->len); i > 0; i--)
    if (starts_a_step (&g_array_index (self->cues, LimberCue, i - 1)))
      return i - 1;

  return 0;
}

/**
 * limber_session_script_find_exercise_end:
 *
 * Returns: where skipping the exercise at @from goes: the rest before the
 *   next one, or from that rest, the next one itself; the finish after the
 *   last; the number of cues past the end
 */
guint
limber_session_script_find_exercise_end (LimberSessionScript *self,
                                         guint                from)
{
  const LimberCue *cue;

  g_return_val_if_fail (LIMBER_IS_SESSION_SCRIPT (self), 0);

  if (from >= self->cues->len)
    return self->cues->len;

  cue = &g_array_index (self->cues, LimberCue, from);
  if (cue->next_exercise != NULL)
    return from + 1;

  for (guint i = from + 1; i < self->cues->len; i++)
    if (g_array_index (self->cues, LimberCue, i).exercise_index != cue->exercise_index)
      return i;

  return self->cues->len;
}

/**
 * limber_session_script_find_exercise_start:
 *
 * Returns: where the session's exercise number @exercise_index (from 0)
 *   begins: its announcement, or in the silent kiosk its dwell; the number
 *   of cues if there is no such exercise
 */
guint
limber_session_script_find_exercise_start (LimberSessionScript *self,
                                           guint                exercise_index)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_SCRIPT (self), 0);

  for (guint i = 0; i < self->cues->len; i++)
    {
      const LimberCue *cue = &g_array_index (self->cues, LimberCue, i);

      if (cue->exercise_index == exercise_index && cue->next_exercise == NULL)
        return i;
    }

  return self->cues->len;
}

guint
limber_session_script_get_hold_seconds (LimberSessionScript *self,
                                        LimberExercise      *exercise)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_SCRIPT (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->holds, limber_exercise_get_id (exercise)));
}

guint
limber_session_script_get_repetitions (LimberSessionScript *self,
                                       LimberExercise      *exercise)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_SCRIPT (self), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->repetitions, limber_exercise_get_id (exercise)));
}
