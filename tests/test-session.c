/* test-session.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A coached session played from start to end: what it says and shows, in
 * which order, and how pause, skip, stop and Ready change it. With a voice
 * (narration built in) every word is really synthesized and played into a
 * sink that does not wait for the clock; without one, the words are timed.
 */

#include "limber-config.h"

#include "limber-countdown-private.h"
#include "limber-session.h"
#include "limber-test-backend.h"
#ifdef HAVE_NARRATION
#include "limber-speech-private.h"
#endif

static LimberCatalog *catalog;

typedef struct
{
  GSettings           *settings;
  LimberPlan          *plan;
  GObject             *speech;
  LimberSession       *session;
  GPtrArray           *cues;
  guint                n_finished;
  guint                max_speaking;
} Fixture;

static void
on_cue (LimberSession *session,
        const char    *name,
        const char    *text,
        Fixture       *fixture)
{
  g_ptr_array_add (fixture->cues, g_strdup_printf ("%s %s", name, text != NULL ? text : ""));
}

static void
on_finished (LimberSession *session,
             Fixture       *fixture)
{
  fixture->n_finished++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *hidden[] = { "midback-stretch", "shoulder-roll", "shoulder-blade-squeeze" };

  fixture->settings = limber_test_settings_new (NULL);
  fixture->plan = limber_plan_new (catalog, fixture->settings);
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    limber_plan_set_shown (fixture->plan, limber_catalog_lookup (catalog, hidden[i]), FALSE);
  limber_plan_set_prescribed_hold (fixture->plan, limber_catalog_lookup (catalog, "rhomboid-stretch"), 20);
  limber_plan_set_prescribed_repetitions (fixture->plan, limber_catalog_lookup (catalog, "rhomboid-stretch"), 3);
  limber_plan_set_prescribed_repetitions (fixture->plan, limber_catalog_lookup (catalog, "wall-push-up"), 10);

#ifdef HAVE_NARRATION
  fixture->speech = G_OBJECT (limber_speech_new (fixture->settings));
  /* Real synthesis and a real pipeline, as fast as the machine goes. */
  limber_speech_set_audio_sink (LIMBER_SPEECH (fixture->speech), gst_element_factory_make ("fakesink", NULL));
#endif
  fixture->session = limber_session_new (fixture->speech);
  fixture->cues = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->session, "cue", G_CALLBACK (on_cue), fixture);
  g_signal_connect (fixture->session, "finished", G_CALLBACK (on_finished), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  limber_session_stop (fixture->session);
  g_assert_finalize_object (fixture->session);
  g_clear_object (&fixture->speech);
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->settings);
  g_ptr_array_unref (fixture->cues);
}

static LimberSessionScript *
new_script (Fixture           *fixture,
            LimberSessionMode  mode)
{
  return limber_session_script_new (fixture->plan, fixture->settings, mode, NULL);
}

static gboolean
timed_out (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

static void
spin_until (gboolean  (*done) (Fixture *fixture),
            Fixture    *fixture,
            const char *what)
{
  guint timeout = g_timeout_add_seconds (120, timed_out, (gpointer) what);

  while (!done (fixture))
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (timeout);
}

static gboolean
finished (Fixture *fixture)
{
  return fixture->n_finished > 0;
}

static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static guint
index_of (GPtrArray  *cues,
          guint       from,
          const char *cue)
{
  for (guint i = from; i < cues->len; i++)
    if (g_str_equal (g_ptr_array_index (cues, i), cue))
      return i;

  g_error ("No cue “%s” after %u", cue, from);
}

static char *
joined (GPtrArray *cues,
        guint      from,
        guint      to)
{
  GString *lines = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    g_string_append_printf (lines, "%s\n", (const char *) g_ptr_array_index (cues, i));

  return g_string_free (lines, FALSE);
}

/* The whole routine, to its end: every exercise in order, with its holds,
 * repetitions and rests, then the summary. */
static void
test_session_routine (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LimberSessionScript) script = new_script (fixture, LIMBER_SESSION_MODE_ROUTINE);
  guint holds, repetitions;
  guint next, rows;

  limber_session_start (fixture->session, script);
  g_assert_cmpint (limber_session_get_state (fixture->session), ==, LIMBER_SESSION_STATE_PLAYING);
  spin_until (finished, fixture, "the routine to end");

  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_true (limber_session_get_completed (fixture->session));
  g_assert_cmpint (limber_session_get_state (fixture->session), ==, LIMBER_SESSION_STATE_STOPPED);
  g_assert_cmpuint (limber_session_get_n_done (fixture->session), ==, 3);

  /* Each exercise in the plan's order, announced, with a rest between. */
  g_assert_cmpstr (g_ptr_array_index (fixture->cues, 0), ==,
                   "announce Exercise 1 of 3: Lower neck and upper back stretch.");
  next = index_of (fixture->cues, 0, "rest Rest. Next: Wall push-up.");
  /* The 15 s rest is not silent: it says when the next exercise comes. */
  g_assert_cmpstr (g_ptr_array_index (fixture->cues, next + 1), ==, "remaining Next in 10 seconds");
  g_assert_cmpstr (g_ptr_array_index (fixture->cues, next + 2), ==, "remaining Next in 5 seconds");
  g_assert_cmpstr (g_ptr_array_index (fixture->cues, next + 3), ==, "announce Exercise 2 of 3: Wall push-up.");
  rows = index_of (fixture->cues, next, "rest Rest. Next: Resisted rows.");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (fixture->cues, rows + 3),
                                   "announce Exercise 3 of 3: Resisted rows. You will need: An elastic exercise band"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (fixture->cues, fixture->cues->len - 1),
                                   "finish Well done: you did all 3 exercises in "));
  g_assert_true (g_str_has_prefix (limber_session_get_summary (fixture->session), "Well done"));

  /* The pushes counted one by one, ten of them, then "Relax". */
  for (guint i = 1, at = next; i <= 10; i++)
    {
      g_autofree char *count = g_strdup_printf ("count %u", i);

      at = index_of (fixture->cues, at, count);
      g_assert_cmpuint (at, <, rows);
    }
  g_assert_cmpuint (index_of (fixture->cues, next, "relax Relax."), <, rows);

  g_assert_cmpint (limber_session_get_outcome (fixture->session, 0, &holds, &repetitions), ==,
                   LIMBER_EXERCISE_OUTCOME_DONE);
  g_assert_cmpuint (holds, ==, 3);
  g_assert_cmpuint (repetitions, ==, 3);
  limber_session_get_outcome (fixture->session, 1, &holds, &repetitions);
  g_assert_cmpuint (holds, ==, 0);
  g_assert_cmpuint (repetitions, ==, 10);
  g_assert_nonnull (limber_session_get_start_time (fixture->session));
  g_assert_nonnull (limber_session_get_end_time (fixture->session));
}

/* A 20 s hold, done three times: the exact cues, and nothing between. */
static void
test_session_hold_cues (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LimberSessionScript) script = new_script (fixture, LIMBER_SESSION_MODE_ROUTINE);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  guint hold, repetition;

  limber_session_start (fixture->session, script);
  spin_until (finished, fixture, "the routine to end");

  hold = index_of (fixture->cues, 0, "step Stay in the stretch for 20 seconds.");
  first = joined (fixture->cues, hold, hold + 9);
  g_assert_cmpstr (first, ==,
                   "step Stay in the stretch for 20 seconds.\n"
                   "hold \n"
                   "remaining 15 seconds left\n"
                   "remaining 10 seconds left\n"
                   "count-down 3\n"
                   "count-down 2\n"
                   "count-down 1\n"
                   "relax Relax.\n"
                   "step Do the stretch 3 times in all.\n");

  repetition = index_of (fixture->cues, hold, "rest Rest.");
  again = joined (fixture->cues, repetition, repetition + 9);
  g_assert_cmpstr (again, ==,
                   "rest Rest.\n"
                   "repetition Repetition 2 of 3\n"
                   "hold Hold for 20 seconds\n"
                   "remaining 15 seconds left\n"
                   "remaining 10 seconds left\n"
                   "count-down 3\n"
                   "count-down 2\n"
                   "count-down 1\n"
                   "relax Relax.\n");
  index_of (fixture->cues, repetition, "repetition Repetition 3 of 3");
}

static gboolean
in_hold (Fixture *fixture)
{
  const LimberCue *cue = limber_session_get_cue (fixture->session);

  return cue != NULL && cue->kind == LIMBER_CUE_HOLD &&
         limber_countdown_is_running (limber_session_get_countdown (fixture->session));
}

/* Paused, nothing moves: not the countdown, not the cues. */
static void
test_session_pause (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LimberSessionScript) script = new_script (fixture, LIMBER_SESSION_MODE_ROUTINE);
  LimberCountdown *countdown = limber_session_get_countdown (fixture->session);
  guint n_cues, left;

  limber_session_start (fixture->session, script);
  spin_until (in_hold, fixture, "the first hold");

  limber_session_pause (fixture->session);
  g_assert_cmpint (limber_session_get_state (fixture->session), ==, LIMBER_SESSION_STATE_PAUSED);
  g_assert_cmpint (limber_countdown_get_state (countdown), ==, LIMBER_COUNTDOWN_STATE_PAUSED);
  n_cues = fixture->cues->len;
  left = limber_countdown_get_remaining_ms (countdown);

  /* Far longer than the whole hold takes at this time scale. */
  spin_for (500);
  g_assert_cmpuint (fixture->cues->len, ==, n_cues);
  g_assert_cmpuint (limber_countdown_get_remaining_ms (countdown), ==, left);
  g_assert_cmpuint (fixture->n_finished, ==, 0);

  limber_session_toggle (fixture->session);
  g_assert_cmpint (limber_session_get_state (fixture->session), ==, LIMBER_SESSION_STATE_PLAYING);
  spin_until (finished, fixture, "the routine to end");
  g_assert_true (limber_session_get_completed (fixture->session));
}

/* Skipping moves to the rest that names the next exercise; stopping ends it,
 * with what was begun and not done counted as skipped. */
static void
test_session_skip_and_stop (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LimberSessionScript) script = new_script (fixture, LIMBER_SESSION_MODE_ROUTINE);
  const LimberCue *cue;

  limber_session_start (fixture->session, script);
  spin_until (in_hold, fixture, "the first hold");
  limber_session_skip_exercise (fixture->session);

  cue = limber_session_get_cue (fixture->session);
  g_assert_cmpint (cue->kind, ==, LIMBER_CUE_REST);
  g_assert_cmpstr (limber_exercise_get_id (cue->next_exercise), ==, "wall-push-up");
  g_assert_cmpstr (g_ptr_array_index (fixture->cues, fixture->cues->len - 1), ==, "rest Rest. Next: Wall push-up.");
  g_assert_cmpint (limber_session_get_outcome (fixture->session, 0, NULL, NULL), ==, LIMBER_EXERCISE_OUTCOME_SKIPPED);

  /* Skipping the rest goes straight to the exercise. */
  limber_session_skip_exercise (fixture->session);
  g_assert_cmpint (limber_session_get_cue (fixture->session)->kind, ==, LIMBER_CUE_ANNOUNCE);
  g_assert_cmpstr (limber_exercise_get_id (limber_session_get_exercise (fixture->session)), ==, "wall-push-up");

  limber_session_stop (fixture->session);
  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_false (limber_session_get_completed (fixture->session));
  g_assert_cmpint (limber_session_get_outcome (fixture->session, 1, NULL, NULL), ==, LIMBER_EXERCISE_OUTCOME_SKIPPED);
  g_assert_cmpint (limber_session_get_outcome (fixture->session, 2, NULL, NULL), ==, LIMBER_EXERCISE_OUTCOME_NOT_REACHED);
  g_assert_cmpuint (limber_session_get_n_done (fixture->session), ==, 0);

  /* Stopped, the commands do nothing. */
  limber_session_next_step (fixture->session);
  limber_session_resume (fixture->session);
  g_assert_cmpint (limber_session_get_state (fixture->session), ==, LIMBER_SESSION_STATE_STOPPED);
}

/* Next and previous step move within the exercise, by whole steps. */
static void
test_session_steps (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LimberSessionScript) script = new_script (fixture, LIMBER_SESSION_MODE_ROUTINE);

  limber_session_start (fixture->session, script);
  g_assert_cmpint (limber_session_get_step (fixture->session), ==, 0);
  limber_session_next_step (fixture->session);
  g_assert_cmpint (limber_session_get_step (fixture->session), ==, 1);
  limber_session_next_step (fixture->session);
  limber_session_next_step (fixture->session);
  g_assert_cmpint (limber_session_get_step (fixture->session), ==, 3);
  limber_session_previous_step (fixture->session);
  g_assert_cmpint (limber_session_get_step (fixture->session), ==, 2);

  /* Paused, a step change plays again. */
  limber_session_pause (fixture->session);
  limber_session_next_step (fixture->session);
  g_assert_cmpint (limber_session_get_state (fixture->session), ==, LIMBER_SESSION_STATE_PLAYING);
  g_assert_cmpstr (limber_session_get_spoken_text (fixture->session), ==, "Lower your chin toward your chest.");
}

/* Stepped through to the end by hand: every exercise left before its end was
 * skipped, and the summary, made as the finish begins, already says so. */
static void
test_session_stepped_past (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LimberSessionScript) script = new_script (fixture, LIMBER_SESSION_MODE_ROUTINE);
  const LimberCue *cue;
  guint moves = 0;

  limber_session_start (fixture->session, script);
  while ((cue = limber_session_get_cue (fixture->session)) != NULL && cue->kind != LIMBER_CUE_FINISH)
    {
      g_assert_cmpuint (++moves, <, 200);
      limber_session_next_step (fixture->session);
    }

  g_assert_nonnull (cue);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (limber_session_get_outcome (fixture->session, i, NULL, NULL), ==,
                     LIMBER_EXERCISE_OUTCOME_SKIPPED);
  g_assert_cmpuint (limber_session_get_n_done (fixture->session), ==, 0);
}

static gboolean
waiting (Fixture *fixture)
{
  return limber_session_get_waiting (fixture->session);
}

/* With "wait for ready", a position step waits for the person, however long. */
static void
test_session_wait_for_ready (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(LimberSessionScript) script = NULL;

  g_settings_set_string (fixture->settings, "position-change", "wait-for-ready");
  script = new_script (fixture, LIMBER_SESSION_MODE_ROUTINE);
  limber_session_start (fixture->session, script);
  spin_until (waiting, fixture, "the first position step to wait");

  g_assert_cmpint (limber_session_get_step (fixture->session), ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->cues, fixture->cues->len - 1), ==,
                   "ready-prompt Press Space or Ready when you are in position.");
  spin_for (300);
  g_assert_cmpint (limber_session_get_step (fixture->session), ==, 1);

  limber_session_ready (fixture->session);
  g_assert_false (limber_session_get_waiting (fixture->session));
  g_assert_cmpint (limber_session_get_step (fixture->session), ==, 2);
}

static gboolean
went_round (Fixture *fixture)
{
  guint announcements = 0;

  for (guint i = 0; i < fixture->cues->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (fixture->cues, i), "announce Exercise 1 of 3"))
      announcements++;

  return announcements >= 2;
}

/* The kiosk goes round and round, and never ends by itself. */
static void
test_session_kiosk (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LimberSessionScript) script = new_script (fixture, LIMBER_SESSION_MODE_KIOSK);

  limber_session_start (fixture->session, script);
  spin_until (went_round, fixture, "the kiosk to start over");
  g_assert_cmpuint (fixture->n_finished, ==, 0);
  g_assert_cmpint (limber_session_get_state (fixture->session), ==, LIMBER_SESSION_STATE_PLAYING);
  index_of (fixture->cues, 0, "rest Rest. Next: Lower neck and upper back stretch.");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
#ifdef HAVE_NARRATION
  gst_init (&argc, &argv);
#endif
  /* A minute in 60 ms; the words still take their own time. */
  limber_countdown_set_default_time_scale (0.001);
  catalog = limber_catalog_new_default (NULL);

  g_test_add ("/session/routine", Fixture, NULL, fixture_set_up, test_session_routine, fixture_tear_down);
  g_test_add ("/session/hold-cues", Fixture, NULL, fixture_set_up, test_session_hold_cues, fixture_tear_down);
  g_test_add ("/session/pause", Fixture, NULL, fixture_set_up, test_session_pause, fixture_tear_down);
  g_test_add ("/session/skip-and-stop", Fixture, NULL, fixture_set_up, test_session_skip_and_stop, fixture_tear_down);
  g_test_add ("/session/steps", Fixture, NULL, fixture_set_up, test_session_steps, fixture_tear_down);
  g_test_add ("/session/stepped-past", Fixture, NULL, fixture_set_up, test_session_stepped_past, fixture_tear_down);
  g_test_add ("/session/wait-for-ready", Fixture, NULL, fixture_set_up, test_session_wait_for_ready, fixture_tear_down);
  g_test_add ("/session/kiosk", Fixture, NULL, fixture_set_up, test_session_kiosk, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&catalog);

  return status;
}
