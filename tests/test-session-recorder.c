/* test-session-recorder.c: what a routine leaves in the history when it
 * ends, run to its end and rated, or stopped part-way; and what it leaves
 * when the history cannot take it.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <glib/gstdio.h>

#include "limber-countdown-private.h"
#include "limber-session-record.h"
#include "limber-session-recorder.h"
#include "limber-test-backend.h"

static LimberCatalog *catalog;

typedef struct
{
  char                  *folder;
  GSettings             *settings;
  LimberPlan            *plan;
  LimberSession         *session;
  LimberSessionLog      *log;
  LimberSessionRecorder *recorder;
  guint                  n_finished;
} Fixture;

static void
on_finished (LimberSession *session,
             Fixture       *fixture)
{
  fixture->n_finished++;
}

/* The rhomboid stretch held 20 s 3 times, 10 wall push-ups, the rows; the
 * others hidden. Timed from the words, without a voice. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *hidden[] = { "midback-stretch", "shoulder-roll", "shoulder-blade-squeeze" };
  g_autofree char *path = NULL;

  fixture->folder = g_dir_make_tmp ("limber-recorder-XXXXXX", NULL);
  g_assert_nonnull (fixture->folder);
  path = g_build_filename (fixture->folder, "history.sqlite", NULL);

  fixture->settings = limber_test_settings_new (NULL);
  fixture->plan = limber_plan_new (catalog, fixture->settings);
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    limber_plan_set_shown (fixture->plan, limber_catalog_lookup (catalog, hidden[i]), FALSE);
  limber_plan_set_prescribed_hold (fixture->plan, limber_catalog_lookup (catalog, "rhomboid-stretch"), 20);
  limber_plan_set_prescribed_repetitions (fixture->plan, limber_catalog_lookup (catalog, "rhomboid-stretch"), 3);
  limber_plan_set_prescribed_repetitions (fixture->plan, limber_catalog_lookup (catalog, "wall-push-up"), 10);

  fixture->session = limber_session_new (NULL);
  g_signal_connect (fixture->session, "finished", G_CALLBACK (on_finished), fixture);
  fixture->log = limber_session_log_new (path);
  fixture->recorder = limber_session_recorder_new (fixture->log, fixture->plan);
}

static void
remove_tree (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_assert_no_errno (g_remove (path));
    }
  g_chmod (folder, 0700);
  g_assert_no_errno (g_rmdir (folder));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  limber_session_stop (fixture->session);
  g_assert_finalize_object (fixture->recorder);
  g_assert_finalize_object (fixture->session);
  g_clear_object (&fixture->log);
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->settings);
  remove_tree (fixture->folder);
  g_free (fixture->folder);
}

static gboolean
timed_out (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

static void
run_until_finished (Fixture *fixture)
{
  guint timeout = g_timeout_add_seconds (120, timed_out, (gpointer) "the session to end");

  while (fixture->n_finished == 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

static void
start (Fixture           *fixture,
       LimberSessionMode  mode,
       LimberExercise    *only)
{
  g_autoptr(LimberSessionScript) script = limber_session_script_new (fixture->plan, fixture->settings, mode, only);

  limber_session_start (fixture->session, script);
}

/* The log's sessions, oldest first. */
static GPtrArray *
logged (Fixture *fixture)
{
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (0);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) to = g_date_time_add_days (now, 1);
  g_autoptr(GError) error = NULL;
  GPtrArray *sessions = limber_session_log_list_sessions (fixture->log, from, to, &error);

  g_assert_no_error (error);
  return sessions;
}

static void
assert_exercise (LimberSessionRecord *record,
                 guint                position,
                 const char          *id,
                 gboolean             done,
                 guint                hold_seconds,
                 guint                holds_done,
                 guint                repetitions_done,
                 guint                repetitions_prescribed)
{
  const LimberSessionExercise *exercise = limber_session_record_get_exercise (record, position);

  g_assert_cmpstr (exercise->id, ==, id);
  g_assert_cmpint (exercise->done, ==, done);
  g_assert_cmpuint (exercise->hold_seconds, ==, hold_seconds);
  g_assert_cmpuint (exercise->holds_done, ==, holds_done);
  g_assert_cmpuint (exercise->repetitions_done, ==, repetitions_done);
  g_assert_cmpuint (exercise->repetitions_prescribed, ==, repetitions_prescribed);
}

/* Run to its end, the session waits for its rating, then is written once,
 * with the rating, the note, the plan and each exercise as it was done. */
static void
test_recorder_rated (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  LimberSessionRecord *record;

  start (fixture, LIMBER_SESSION_MODE_ROUTINE, NULL);
  run_until_finished (fixture);
  g_assert_true (limber_session_get_completed (fixture->session));

  g_assert_true (limber_session_recorder_take (fixture->recorder, fixture->session, &error));
  g_assert_no_error (error);
  g_assert_true (limber_session_recorder_get_pending (fixture->recorder));
  /* Nothing written until it is answered. */
  g_assert_cmpint (limber_session_log_count_sessions (fixture->log, NULL), ==, 0);

  g_assert_true (limber_session_recorder_rate (fixture->recorder, 3, "  Stiff at first.  ", &error));
  g_assert_no_error (error);
  g_assert_false (limber_session_recorder_get_pending (fixture->recorder));

  sessions = logged (fixture);
  g_assert_cmpuint (sessions->len, ==, 1);
  record = g_ptr_array_index (sessions, 0);
  g_assert_cmpint (limber_session_record_get_pain_rating (record), ==, 3);
  g_assert_cmpstr (limber_session_record_get_note (record), ==, "Stiff at first.");
  g_assert_cmpint (g_date_time_to_unix (limber_session_record_get_start (record)), ==,
                   g_date_time_to_unix (limber_session_get_start_time (fixture->session)));
  g_assert_cmpint (g_date_time_to_unix (limber_session_record_get_end (record)), ==,
                   g_date_time_to_unix (limber_session_get_end_time (fixture->session)));
  /* The plan in force, as an export would write it: its hidden exercises and prescriptions. */
  g_assert_nonnull (strstr (limber_session_record_get_plan_text (record), "midback-stretch"));

  g_assert_cmpuint (limber_session_record_get_n_exercises (record), ==, 3);
  g_assert_cmpuint (limber_session_record_get_n_done (record), ==, 3);
  assert_exercise (record, 0, "rhomboid-stretch", TRUE, 20, 3, 3, 3);
  assert_exercise (record, 1, "wall-push-up", TRUE, 0, 0, 10, 10);
  g_assert_cmpstr (limber_session_record_get_exercise (record, 2)->id, ==, "resisted-rows");

  /* Answering again writes nothing twice. */
  g_assert_true (limber_session_recorder_rate (fixture->recorder, 5, NULL, &error));
  g_assert_cmpint (limber_session_log_count_sessions (fixture->log, NULL), ==, 1);
}

/* Left on its summary without an answer, or with the window closed: kept
 * unrated, with the note if one was typed. */
static void
test_recorder_unrated (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  start (fixture, LIMBER_SESSION_MODE_ROUTINE, NULL);
  run_until_finished (fixture);
  g_assert_true (limber_session_recorder_take (fixture->recorder, fixture->session, &error));
  g_assert_true (limber_session_recorder_save_pending (fixture->recorder, "Felt fine", &error));
  g_assert_no_error (error);

  /* The next routine's end finds nothing left pending to write twice. */
  fixture->n_finished = 0;
  start (fixture, LIMBER_SESSION_MODE_ROUTINE, NULL);
  run_until_finished (fixture);
  g_assert_true (limber_session_recorder_take (fixture->recorder, fixture->session, &error));
  g_assert_true (limber_session_recorder_get_pending (fixture->recorder));
  /* Disposed with one pending, as when the window closes on the summary. */
  g_clear_object (&fixture->recorder);
  fixture->recorder = limber_session_recorder_new (fixture->log, fixture->plan);

  sessions = logged (fixture);
  g_assert_cmpuint (sessions->len, ==, 2);
  for (guint i = 0; i < sessions->len; i++)
    g_assert_cmpint (limber_session_record_get_pain_rating (g_ptr_array_index (sessions, i)), ==,
                     LIMBER_SESSION_RECORD_NO_PAIN_RATING);
  g_assert_cmpstr (limber_session_record_get_note (g_ptr_array_index (sessions, 0)), ==, "Felt fine");
  g_assert_null (limber_session_record_get_note (g_ptr_array_index (sessions, 1)));
}

/* Stopped part-way: written at once, the exercise in progress skipped and
 * those never reached not done. Stopped before anything was done: nothing. */
static void
test_recorder_stopped (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  LimberSessionRecord *record;
  guint timeout;

  start (fixture, LIMBER_SESSION_MODE_ROUTINE, NULL);
  limber_session_skip_exercise (fixture->session);
  limber_session_stop (fixture->session);
  run_until_finished (fixture);
  g_assert_true (limber_session_recorder_take (fixture->recorder, fixture->session, &error));
  g_assert_false (limber_session_recorder_get_pending (fixture->recorder));
  g_assert_cmpint (limber_session_log_count_sessions (fixture->log, NULL), ==, 0);

  /* The stretch done, stopped in the push-ups. */
  fixture->n_finished = 0;
  start (fixture, LIMBER_SESSION_MODE_ROUTINE, NULL);
  timeout = g_timeout_add_seconds (120, timed_out, (gpointer) "the push-ups");
  while (limber_session_get_cue (fixture->session)->exercise_index < 1)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  limber_session_stop (fixture->session);
  run_until_finished (fixture);
  g_assert_false (limber_session_get_completed (fixture->session));
  g_assert_true (limber_session_recorder_take (fixture->recorder, fixture->session, &error));
  g_assert_no_error (error);
  g_assert_false (limber_session_recorder_get_pending (fixture->recorder));

  sessions = logged (fixture);
  g_assert_cmpuint (sessions->len, ==, 1);
  record = g_ptr_array_index (sessions, 0);
  g_assert_cmpint (limber_session_record_get_pain_rating (record), ==, LIMBER_SESSION_RECORD_NO_PAIN_RATING);
  g_assert_cmpuint (limber_session_record_get_n_exercises (record), ==, 3);
  g_assert_cmpuint (limber_session_record_get_n_done (record), ==, 1);
  assert_exercise (record, 0, "rhomboid-stretch", TRUE, 20, 3, 3, 3);
  assert_exercise (record, 1, "wall-push-up", FALSE, 0, 0, 0, 10);
  assert_exercise (record, 2, "resisted-rows", FALSE, 0, 0, 0, 8);
}

/* Listen on one slide is not the routine: nothing is kept. */
static void
test_recorder_single (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  start (fixture, LIMBER_SESSION_MODE_SINGLE, limber_catalog_lookup (catalog, "wall-push-up"));
  run_until_finished (fixture);
  g_assert_true (limber_session_recorder_take (fixture->recorder, fixture->session, &error));
  g_assert_false (limber_session_recorder_get_pending (fixture->recorder));
  g_assert_cmpint (limber_session_log_count_sessions (fixture->log, NULL), ==, 0);
}

/* A history that cannot be written says why, and the session is not lost:
 * the log keeps it and writes it with the next one, once it can. */
static void
test_recorder_unwritable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      /* root writes into a read-only folder: a file where the folder goes instead. */
      g_autofree char *blocked = g_build_filename (fixture->folder, "blocked", NULL);
      g_autofree char *path = g_build_filename (blocked, "history.sqlite", NULL);

      g_assert_true (g_file_set_contents (blocked, "", 0, NULL));
      g_clear_object (&fixture->recorder);
      g_clear_object (&fixture->log);
      fixture->log = limber_session_log_new (path);
      fixture->recorder = limber_session_recorder_new (fixture->log, fixture->plan);
    }
  else
    g_assert_no_errno (g_chmod (fixture->folder, 0500));

  start (fixture, LIMBER_SESSION_MODE_ROUTINE, NULL);
  run_until_finished (fixture);
  g_assert_true (limber_session_recorder_take (fixture->recorder, fixture->session, &error));
  g_assert_false (limber_session_recorder_rate (fixture->recorder, 2, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "This session could not be saved to the history"));
  g_assert_cmpuint (limber_session_log_get_n_unsaved (fixture->log), ==, 1);
  g_assert_false (limber_session_recorder_get_pending (fixture->recorder));
  g_chmod (fixture->folder, 0700);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* A minute in 60 ms. */
  limber_countdown_set_default_time_scale (0.001);
  catalog = limber_catalog_new_default (NULL);

  g_test_add ("/session-recorder/rated", Fixture, NULL, fixture_set_up, test_recorder_rated, fixture_tear_down);
  g_test_add ("/session-recorder/unrated", Fixture, NULL, fixture_set_up, test_recorder_unrated, fixture_tear_down);
  g_test_add ("/session-recorder/stopped", Fixture, NULL, fixture_set_up, test_recorder_stopped, fixture_tear_down);
  g_test_add ("/session-recorder/single", Fixture, NULL, fixture_set_up, test_recorder_single, fixture_tear_down);
  g_test_add ("/session-recorder/unwritable", Fixture, NULL, fixture_set_up, test_recorder_unwritable,
              fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&catalog);

  return status;
}
