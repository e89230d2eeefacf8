/* test-session-log.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "limber-config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "limber-session-log-private.h"

/* 2026-03-02 08:00:00 UTC, a Monday. */
#define MONDAY_8AM 1772438400

static char *
new_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("limber-session-log-XXXXXX", &error);

  g_assert_no_error (error);
  return folder;
}

static char *
history_path (const char *folder)
{
  return g_build_filename (folder, "io.github.limberapp.Limber", "history.sqlite", NULL);
}

static LimberSessionRecord *
make_record (gint64      start_unix,
             guint       n_exercises,
             int         pain,
             const char *note)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (start_unix);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 12);
  LimberSessionRecord *record = limber_session_record_new (start);

  for (guint i = 0; i < n_exercises; i++)
    {
      g_autofree char *id = g_strdup_printf ("exercise-%u", i);
      g_autofree char *title = g_strdup_printf ("Exercise %u", i);

      limber_session_record_add_exercise (record, id, title, i % 3 != 2, 15 + i, i, 8 + i, 10);
    }
  limber_session_record_set_end (record, end);
  limber_session_record_set_pain_rating (record, pain);
  limber_session_record_set_note (record, note);
  return record;
}

static void
add_or_fail (LimberSessionLog    *log,
             LimberSessionRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (limber_session_log_add (log, record, &error));
  g_assert_no_error (error);
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *statement = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  return value;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *statement = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  value = g_strdup ((const char *)sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);
  return value;
}

static void
remove_tree (const char *folder)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", folder);

  g_assert_cmpint (system (command), ==, 0);
}

static void
test_round_trip (void)
{
  g_autofree char *folder = new_folder ();
  g_autofree char *path = history_path (folder);
  g_autoptr(LimberSessionLog) log = limber_session_log_new (path);
  g_autoptr(LimberSessionRecord) first = make_record (MONDAY_8AM, 3, 4, "Felt stiff after the rows.");
  g_autoptr(LimberSessionRecord) second = make_record (MONDAY_8AM + 2 * G_TIME_SPAN_DAY / G_USEC_PER_SEC, 2, -1, NULL);
  g_autoptr(LimberSessionRecord) next_week = make_record (MONDAY_8AM + 8 * 86400, 1, 7, NULL);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) pain = NULL;
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (MONDAY_8AM);
  g_autoptr(GDateTime) to = g_date_time_new_from_unix_utc (MONDAY_8AM + 7 * 86400);
  g_autoptr(GError) error = NULL;
  guint changed = 0;
  LimberSessionRecord *read;

  g_signal_connect_swapped (log, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  limber_session_record_set_plan_text (first, "[Plan]\nversion=1\n");

  add_or_fail (log, first);
  add_or_fail (log, next_week);
  add_or_fail (log, second);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpint (limber_session_log_get_state (log), ==, LIMBER_SESSION_LOG_STATE_OPEN);
  g_assert_cmpint (limber_session_log_count_sessions (log, &error), ==, 3);

  /* Oldest first, within the range: the next week's session is left out. */
  sessions = limber_session_log_list_sessions (log, from, to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);

  read = g_ptr_array_index (sessions, 0);
  g_assert_true (g_date_time_equal (limber_session_record_get_start (read), limber_session_record_get_start (first)));
  g_assert_true (g_date_time_equal (limber_session_record_get_end (read), limber_session_record_get_end (first)));
  g_assert_cmpint (limber_session_record_get_duration (read), ==, 12 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (limber_session_record_get_pain_rating (read), ==, 4);
  g_assert_cmpstr (limber_session_record_get_note (read), ==, "Felt stiff after the rows.");
  g_assert_cmpstr (limber_session_record_get_plan_text (read), ==, "[Plan]\nversion=1\n");
  g_assert_cmpuint (limber_session_record_get_n_exercises (read), ==, 3);
  g_assert_cmpuint (limber_session_record_get_n_done (read), ==, 2);
  for (guint i = 0; i < 3; i++)
    {
      const LimberSessionExercise *want = limber_session_record_get_exercise (first, i);
      const LimberSessionExercise *got = limber_session_record_get_exercise (read, i);

      g_assert_cmpstr (got->id, ==, want->id);
      g_assert_cmpstr (got->title, ==, want->title);
      g_assert_cmpint (got->done, ==, want->done);
      g_assert_cmpuint (got->hold_seconds, ==, want->hold_seconds);
      g_assert_cmpuint (got->holds_done, ==, want->holds_done);
      g_assert_cmpuint (got->repetitions_done, ==, want->repetitions_done);
      g_assert_cmpuint (got->repetitions_prescribed, ==, want->repetitions_prescribed);
    }

  read = g_ptr_array_index (sessions, 1);
  g_assert_cmpint (limber_session_record_get_pain_rating (read), ==, LIMBER_SESSION_RECORD_NO_PAIN_RATING);
  g_assert_null (limber_session_record_get_note (read));
  g_assert_cmpuint (limber_session_record_get_n_exercises (read), ==, 2);

  /* Local weeks start on Monday; under UTC the two first sessions share one. */
  weeks = limber_session_log_count_by_week (log, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weeks->len, ==, 2);
  g_assert_cmpuint (g_date_get_day (&g_array_index (weeks, LimberSessionWeek, 0).monday), ==, 2);
  g_assert_cmpuint (g_date_get_month (&g_array_index (weeks, LimberSessionWeek, 0).monday), ==, 3);
  g_assert_cmpuint (g_array_index (weeks, LimberSessionWeek, 0).n_sessions, ==, 2);
  g_assert_cmpuint (g_date_get_day (&g_array_index (weeks, LimberSessionWeek, 1).monday), ==, 9);
  g_assert_cmpuint (g_array_index (weeks, LimberSessionWeek, 1).n_sessions, ==, 1);

  /* Skipped ratings are not points. */
  pain = limber_session_log_list_pain (log, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pain->len, ==, 2);
  g_assert_cmpint (g_array_index (pain, LimberPainPoint, 0).start_unix, ==, MONDAY_8AM);
  g_assert_cmpint (g_array_index (pain, LimberPainPoint, 0).rating, ==, 4);
  g_assert_cmpint (g_array_index (pain, LimberPainPoint, 1).rating, ==, 7);

  /* A plan shared by sessions is kept once. */
  {
    g_autoptr(LimberSessionRecord) same_plan = make_record (MONDAY_8AM + 3 * 86400, 1, 1, NULL);
    sqlite3 *db;

    limber_session_record_set_plan_text (same_plan, "[Plan]\nversion=1\n");
    add_or_fail (log, same_plan);
    db = open_raw (path);
    g_assert_cmpint (raw_int (db, "SELECT count(*) FROM plans"), ==, 1);
    g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sessions WHERE plan_id IS NOT NULL"), ==, 2);
    sqlite3_close (db);
  }

  /* Another log on the same file (the next start) reads the same. */
  {
    g_autoptr(LimberSessionLog) again = limber_session_log_new (path);

    g_assert_cmpint (limber_session_log_count_sessions (again, &error), ==, 4);
  }

  g_clear_object (&log);
  remove_tree (folder);
}

static void
test_lazy_open (void)
{
  g_autofree char *folder = new_folder ();
  g_autofree char *path = history_path (folder);
  g_autofree char *app_folder = g_path_get_dirname (path);
  g_autoptr(LimberSessionLog) log = limber_session_log_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (limber_session_log_get_state (log), ==, LIMBER_SESSION_LOG_STATE_CLOSED);
  g_assert_false (g_file_test (app_folder, G_FILE_TEST_EXISTS));

  g_assert_cmpint (limber_session_log_count_sessions (log, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* The default is the person's own data folder. */
  {
    g_autofree char *default_path = limber_session_log_dup_default_path ();
    g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "io.github.limberapp.Limber",
                                                  "history.sqlite", NULL);
    g_autoptr(LimberSessionLog) person = limber_session_log_new (NULL);

    g_assert_cmpstr (default_path, ==, expected);
    g_assert_cmpstr (limber_session_log_get_path (person), ==, expected);
  }

  g_clear_object (&log);
  remove_tree (folder);
}

static void
test_schema (void)
{
  g_autofree char *folder = new_folder ();
  g_autofree char *path = history_path (folder);
  g_autoptr(LimberSessionLog) log = limber_session_log_new (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = NULL;
  sqlite3 *db;

  g_assert_true (limber_session_log_open (log, &error));
  g_assert_no_error (error);

  db = open_raw (path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, LIMBER_SESSION_LOG_SCHEMA_VERSION);
  journal = raw_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  sqlite3_close (db);

  g_clear_object (&log);
  remove_tree (folder);
}

static void
test_migration_from_v1 (void)
{
  g_autofree char *folder = new_folder ();
  g_autofree char *path = history_path (folder);
  g_autofree char *app_folder = g_path_get_dirname (path);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "history-v1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(LimberSessionLog) log = NULL;
  g_autoptr(LimberSessionRecord) rated = make_record (MONDAY_8AM + 3 * 86400, 2, 2, "Better today");
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  LimberSessionRecord *old;
  sqlite3 *db;

  /* The fixture, as version 1 wrote it, made by SQLite alone. */
  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_cmpint (g_mkdir_with_parents (app_folder, 0700), ==, 0);
  db = open_raw (path);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 1);
  sqlite3_close (db);

  log = limber_session_log_new (path);
  sessions = limber_session_log_list_sessions (log, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);

  old = g_ptr_array_index (sessions, 0);
  g_assert_cmpint (g_date_time_to_unix (limber_session_record_get_start (old)), ==, MONDAY_8AM);
  g_assert_cmpint (limber_session_record_get_duration (old), ==, 14 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (limber_session_record_get_pain_rating (old), ==, LIMBER_SESSION_RECORD_NO_PAIN_RATING);
  g_assert_null (limber_session_record_get_note (old));
  g_assert_null (limber_session_record_get_plan_text (old));
  g_assert_cmpuint (limber_session_record_get_n_exercises (old), ==, 3);
  g_assert_cmpstr (limber_session_record_get_exercise (old, 1)->id, ==, "midback-stretch");
  g_assert_false (limber_session_record_get_exercise (old, 1)->done);
  g_assert_cmpuint (limber_session_record_get_exercise (old, 2)->repetitions_done, ==, 10);

  /* Version 2's columns work on the migrated file. */
  add_or_fail (log, rated);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = limber_session_log_list_sessions (log, NULL, NULL, &error);
  g_assert_cmpuint (sessions->len, ==, 3);
  g_assert_cmpint (limber_session_record_get_pain_rating (g_ptr_array_index (sessions, 2)), ==, 2);
  g_assert_cmpstr (limber_session_record_get_note (g_ptr_array_index (sessions, 2)), ==, "Better today");

  db = open_raw (path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'sessions_by_start'"), ==, 1);
  /* The exercises moved into their clustered table, every row of them. */
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'session_exercises' "
                                "AND sql LIKE '%WITHOUT ROWID'"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM session_exercises"), ==, 3 + 1 + 2);
  {
    g_autofree char *check = raw_text (db, "PRAGMA integrity_check");
    g_autofree char *foreign = raw_text (db, "SELECT count(*) FROM pragma_foreign_key_check");

    g_assert_cmpstr (check, ==, "ok");
    g_assert_cmpstr (foreign, ==, "0");
  }
  sqlite3_close (db);

  g_clear_object (&log);
  remove_tree (folder);
}

static void
test_future_version_refused (void)
{
  g_autofree char *folder = new_folder ();
  g_autofree char *path = history_path (folder);
  g_autofree char *app_folder = g_path_get_dirname (path);
  g_autoptr(LimberSessionLog) log = NULL;
  g_autoptr(LimberSessionRecord) record = make_record (MONDAY_8AM, 1, 3, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_size, after_size;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  sqlite3 *db;

  g_assert_cmpint (g_mkdir_with_parents (app_folder, 0700), ==, 0);
  db = open_raw (path);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE sessions (id INTEGER PRIMARY KEY, shape TEXT);"
                                     "INSERT INTO sessions VALUES (1, 'from the future');"
                                     "PRAGMA user_version = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &before_size, NULL));

  log = limber_session_log_new (path);
  g_assert_cmpint (limber_session_log_count_sessions (log, &error), ==, -1);
  g_assert_error (error, LIMBER_SESSION_LOG_ERROR, LIMBER_SESSION_LOG_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Limber"));
  g_assert_cmpint (limber_session_log_get_state (log), ==, LIMBER_SESSION_LOG_STATE_TOO_NEW);
  g_assert_cmpstr (limber_session_log_get_problem (log), ==, error->message);
  g_clear_error (&error);

  /* A session is not written into it, and says so. */
  g_assert_false (limber_session_log_add (log, record, &error));
  g_assert_error (error, LIMBER_SESSION_LOG_ERROR, LIMBER_SESSION_LOG_ERROR_TOO_NEW);
  g_assert_cmpuint (limber_session_log_get_n_unsaved (log), ==, 1);
  g_clear_error (&error);
  g_assert_false (limber_session_log_delete_all (log, &error));
  g_clear_error (&error);
  g_clear_object (&log);

  /* Left exactly as it was, and nothing put beside it. */
  g_assert_true (g_file_get_contents (path, &after, &after_size, NULL));
  g_assert_cmpmem (before, before_size, after, after_size);
  dir = g_dir_open (app_folder, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "history.sqlite");
  g_assert_null (g_dir_read_name (dir));

  remove_tree (folder);
}

/* The one file beside @path whose name starts with "history.sqlite.damaged-". */
static char *
find_kept_aside (const char *path)
{
  g_autofree char *app_folder = g_path_get_dirname (path);
  g_autoptr(GDir) dir = g_dir_open (app_folder, 0, NULL);
  char *found = NULL;
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "history.sqlite.damaged-") && !g_str_has_suffix (name, "-wal") &&
        !g_str_has_suffix (name, "-shm"))
      {
        g_assert_null (found);
        found = g_build_filename (app_folder, name, NULL);
      }

  return found;
}

static void
assert_kept_aside (const char *path,
                   const char *contents,
                   gsize       size)
{
  g_autoptr(LimberSessionLog) log = limber_session_log_new (path);
  g_autoptr(LimberSessionRecord) record = make_record (MONDAY_8AM, 1, 3, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *basename = NULL;
  gsize kept_size;

  g_assert_null (limber_session_log_list_sessions (log, NULL, NULL, &error));
  g_assert_error (error, LIMBER_SESSION_LOG_ERROR, LIMBER_SESSION_LOG_ERROR_DAMAGED);
  g_assert_cmpint (limber_session_log_get_state (log), ==, LIMBER_SESSION_LOG_STATE_DAMAGED);

  aside = find_kept_aside (path);
  g_assert_nonnull (aside);
  basename = g_path_get_basename (aside);
  g_assert_true (g_regex_match_simple ("^history\\.sqlite\\.damaged-[0-9]{8}-[0-9]{6}(-[0-9]+)?$", basename, 0, 0));
  g_assert_nonnull (strstr (error->message, aside));
  g_assert_cmpstr (limber_session_log_get_problem (log), ==, error->message);

  /* Kept byte for byte; nothing new in its place while history is off. */
  g_assert_true (g_file_get_contents (aside, &kept, &kept_size, NULL));
  g_assert_cmpmem (kept, kept_size, contents, size);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_false (limber_session_log_add (log, record, &error));
  g_assert_error (error, LIMBER_SESSION_LOG_ERROR, LIMBER_SESSION_LOG_ERROR_DAMAGED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_object (&log);

  /* The next start begins a new history. */
  {
    g_autoptr(LimberSessionLog) next = limber_session_log_new (path);

    g_assert_cmpint (limber_session_log_count_sessions (next, NULL), ==, 0);
    g_assert_cmpint (limber_session_log_get_state (next), ==, LIMBER_SESSION_LOG_STATE_OPEN);
  }
}

static void
write_sessions (const char *path,
                guint       n_sessions)
{
  g_autoptr(LimberSessionLog) log = limber_session_log_new (path);

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(LimberSessionRecord) record = make_record (MONDAY_8AM + i * 86400, 6, i % 11,
                                                           "A note long enough to fill the pages a little faster.");

      add_or_fail (log, record);
    }
}

static void
test_damaged_not_sqlite (void)
{
  g_autofree char *folder = new_folder ();
  g_autofree char *path = history_path (folder);
  g_autofree char *app_folder = g_path_get_dirname (path);
  const char contents[] = "These are my own notes, not a database.\n";

  g_assert_cmpint (g_mkdir_with_parents (app_folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, sizeof contents - 1, NULL));
  assert_kept_aside (path, contents, sizeof contents - 1);
  remove_tree (folder);
}

static void
test_damaged_truncated (void)
{
  g_autofree char *folder = new_folder ();
  g_autofree char *path = history_path (folder);
  g_autofree char *contents = NULL;
  gsize size;

  write_sessions (path, 200);
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  g_assert_cmpuint (size, >, 16 * 4096);
  /* Cut off half of it, as a full disk or a bad copy would. */
  g_assert_true (g_file_set_contents (path, contents, size / 2, NULL));
  assert_kept_aside (path, contents, size / 2);
  remove_tree (folder);
}

static void
test_damaged_integrity (void)
{
  g_autofree char *folder = new_folder ();
  g_autofree char *path = history_path (folder);
  g_autofree char *contents = NULL;
  gsize size;

  write_sessions (path, 200);
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  /* A page in the middle scribbled over, the header intact. */
  memset (contents + (size / 4096 / 2) * 4096 + 100, 0x5a, 2000);
  g_assert_true (g_file_set_contents (path, contents, size, NULL));
  assert_kept_aside (path, contents, size);
  remove_tree (folder);
}

static void
test_unwritable_folder (void)
{
  g_autofree char *folder = new_folder ();
  g_autofree char *blocker = g_build_filename (folder, "io.github.limberapp.Limber", NULL);
  g_autofree char *path = history_path (folder);
  g_autoptr(LimberSessionLog) log = limber_session_log_new (path);
  g_autoptr(LimberSessionRecord) record = make_record (MONDAY_8AM, 2, 5, NULL);
  g_autoptr(GError) error = NULL;

  /* A file where the folder should be: even root cannot write there. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));

  g_assert_false (limber_session_log_add (log, record, &error));
  g_assert_error (error, LIMBER_SESSION_LOG_ERROR, LIMBER_SESSION_LOG_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, "could not be saved"));
  g_assert_cmpint (limber_session_log_get_state (log), ==, LIMBER_SESSION_LOG_STATE_UNAVAILABLE);
  g_assert_cmpuint (limber_session_log_get_n_unsaved (log), ==, 1);
  g_clear_error (&error);

  /* Once the folder can be made, the kept session is written with the next. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  {
    g_autoptr(LimberSessionRecord) next = make_record (MONDAY_8AM + 86400, 1, 2, NULL);

    add_or_fail (log, next);
  }
  g_assert_cmpuint (limber_session_log_get_n_unsaved (log), ==, 0);
  g_assert_cmpint (limber_session_log_count_sessions (log, NULL), ==, 2);

  g_clear_object (&log);
  remove_tree (folder);
}

static void
test_disk_full (void)
{
  g_autofree char *folder = new_folder ();
  g_autofree char *path = history_path (folder);
  g_autoptr(LimberSessionLog) log = limber_session_log_new (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;
  gint64 stored;
  guint added = 0;
  sqlite3 *db;

  g_assert_true (limber_session_log_open (log, &error));
  limber_session_log_set_max_page_count (log, 12);

  for (;;)
    {
      g_autoptr(LimberSessionRecord) record = make_record (MONDAY_8AM + added * 86400, 6, 1, "Filling the disk.");

      added++;
      if (!limber_session_log_add (log, record, &error))
        break;
      g_assert_cmpuint (added, <, 10000);
    }

  g_assert_error (error, LIMBER_SESSION_LOG_ERROR, LIMBER_SESSION_LOG_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  g_assert_cmpuint (limber_session_log_get_n_unsaved (log), ==, 1);
  stored = limber_session_log_count_sessions (log, NULL);
  g_assert_cmpint (stored, ==, added - 1);

  /* Nothing half-written. */
  db = open_raw (path);
  check = raw_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM session_exercises"), ==, stored * 6);
  sqlite3_close (db);

  /* Room again: the kept session and the next are both written. */
  limber_session_log_set_max_page_count (log, 100000);
  {
    g_autoptr(LimberSessionRecord) next = make_record (MONDAY_8AM + (added + 1) * 86400, 6, 1, NULL);

    add_or_fail (log, next);
  }
  g_assert_cmpuint (limber_session_log_get_n_unsaved (log), ==, 0);
  g_assert_cmpint (limber_session_log_count_sessions (log, NULL), ==, added + 1);

  g_clear_object (&log);
  remove_tree (folder);
}

/* Splits RFC 4180 text into rows of fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *c = text;

  while (*c != '\0')
    {
      if (*c == '"')
        {
          for (c++; !(*c == '"' && c[1] != '"'); c++)
            {
              g_assert_true (*c != '\0');
              if (*c == '"')
                c++;
              g_string_append_c (field, *c);
            }
          c++;
        }
      else if (*c == ',')
        {
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          c++;
        }
      else if (*c == '\r')
        {
          g_assert_cmpint (c[1], ==, '\n');
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          c += 2;
        }
      else
        {
          /* Outside quotes, no bare line feed or quote. */
          g_assert_cmpint (*c, !=, '\n');
          g_string_append_c (field, *c++);
        }
    }

  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (row->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (row);
  return rows;
}

static const char *
cell (GPtrArray *rows,
      guint      row,
      guint      column)
{
  return g_ptr_array_index ((GPtrArray *)g_ptr_array_index (rows, row), column);
}

static void
test_csv (void)
{
  g_autofree char *folder = new_folder ();
  g_autofree char *path = history_path (folder);
  g_autofree char *csv_path = g_build_filename (folder, "history.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(LimberSessionLog) log = limber_session_log_new (path);
  const char *note = "Sore, then \"much\" better,\nafter the rows\r\nand a walk";
  g_autoptr(LimberSessionRecord) first = make_record (MONDAY_8AM, 3, 6, note);
  g_autoptr(LimberSessionRecord) empty = make_record (MONDAY_8AM + 86400, 0, -1, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *written = NULL;

  add_or_fail (log, first);
  add_or_fail (log, empty);
  csv = limber_session_log_dup_csv (log, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "session_start,session_end,pain_rating,note,position,exercise_id,"
                                        "exercise_title,status,hold_seconds,holds_done,repetitions_done,"
                                        "repetitions_prescribed\r\n"));

  rows = parse_csv (csv);
  /* The header, one row per exercise, one for the session without any. */
  g_assert_cmpuint (rows->len, ==, 1 + 3 + 1);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (((GPtrArray *)g_ptr_array_index (rows, i))->len, ==, 12);

  g_assert_cmpstr (cell (rows, 1, 0), ==, "2026-03-02T08:00:00Z");
  g_assert_cmpstr (cell (rows, 1, 1), ==, "2026-03-02T08:12:00Z");
  g_assert_cmpstr (cell (rows, 1, 2), ==, "6");
  for (guint i = 1; i <= 3; i++)
    g_assert_cmpstr (cell (rows, i, 3), ==, note);
  g_assert_cmpstr (cell (rows, 1, 4), ==, "1");
  g_assert_cmpstr (cell (rows, 3, 4), ==, "3");
  g_assert_cmpstr (cell (rows, 2, 5), ==, "exercise-1");
  g_assert_cmpstr (cell (rows, 2, 6), ==, "Exercise 1");
  g_assert_cmpstr (cell (rows, 2, 7), ==, "done");
  g_assert_cmpstr (cell (rows, 3, 7), ==, "skipped");
  g_assert_cmpstr (cell (rows, 3, 8), ==, "17");
  g_assert_cmpstr (cell (rows, 3, 9), ==, "2");
  g_assert_cmpstr (cell (rows, 3, 10), ==, "10");
  g_assert_cmpstr (cell (rows, 3, 11), ==, "10");
  /* No rating, no note, no exercises: empty fields. */
  g_assert_cmpstr (cell (rows, 4, 0), ==, "2026-03-03T08:00:00Z");
  g_assert_cmpstr (cell (rows, 4, 2), ==, "");
  g_assert_cmpstr (cell (rows, 4, 3), ==, "");
  g_assert_cmpstr (cell (rows, 4, 5), ==, "");

  g_assert_true (limber_session_log_export_csv (log, csv_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, csv);

  g_clear_object (&log);
  remove_tree (folder);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize size;

  if (!g_file_get_contents (path, &contents, &size, NULL))
    return FALSE;
  return memmem (contents, size, needle, strlen (needle)) != NULL;
}

static void
test_delete_all (void)
{
  g_autofree char *folder = new_folder ();
  g_autofree char *path = history_path (folder);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(LimberSessionLog) log = limber_session_log_new (path);
  g_autoptr(LimberSessionRecord) record = make_record (MONDAY_8AM, 2, 5, "a-very-private-remark");
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  add_or_fail (log, record);
  g_assert_true (file_contains (path, "a-very-private-remark") || file_contains (wal, "a-very-private-remark"));

  g_signal_connect_swapped (log, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_assert_true (limber_session_log_delete_all (log, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (limber_session_log_count_sessions (log, NULL), ==, 0);

  /* Gone from the disk too, not only from the tables. */
  g_assert_false (file_contains (path, "a-very-private-remark"));
  g_assert_false (file_contains (wal, "a-very-private-remark"));

  g_clear_object (&log);
  remove_tree (folder);
}

/* The child writes sessions of 1 to 12 exercises, each saying in its note how
 * many, until it is killed; after each one it writes a byte to @progress. */
static G_GNUC_NORETURN void
write_until_killed (const char *path,
                    guint       round,
                    int         progress)
{
  g_autoptr(LimberSessionLog) log = limber_session_log_new (path);

  for (guint i = 0;; i++)
    {
      guint n_exercises = 1 + (round * 7 + i) % 12;
      g_autofree char *note = g_strdup_printf ("%u", n_exercises);
      g_autoptr(LimberSessionRecord) record = make_record (MONDAY_8AM + i * 60, n_exercises, i % 11, note);

      if (!limber_session_log_add (log, record, NULL))
        _exit (1);
      if (write (progress, "+", 1) != 1)
        _exit (1);
    }
}

static void
test_killed_during_write (void)
{
  g_autofree char *folder = new_folder ();
  g_autofree char *path = history_path (folder);
  g_autofree char *check = NULL;
  gint64 previous = 0;
  guint grew = 0;
  sqlite3 *db;
  sqlite3_stmt *statement = NULL;

  for (guint round = 0; round < 40; round++)
    {
      int progress[2];
      pid_t child;
      int status;

      g_assert_no_errno (pipe (progress));
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          close (progress[0]);
          write_until_killed (path, round, progress[1]);
        }
      close (progress[1]);

      /* Anywhere: opening, migrating, in a transaction, committing. Every
       * other round waits for one whole session first, so the log grows
       * however slow the machine (or the sanitizer) makes the child. */
      if (round % 2 == 0)
        {
          char byte;

          g_assert_cmpint (read (progress[0], &byte, 1), ==, 1);
        }
      g_usleep (g_test_rand_int_range (1000, 40000));
      g_assert_cmpint (kill (child, SIGKILL), ==, 0);
      close (progress[0]);
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      g_assert_true (WIFSIGNALED (status));

      db = open_raw (path);
      g_clear_pointer (&check, g_free);
      check = raw_text (db, "PRAGMA integrity_check");
      g_assert_cmpstr (check, ==, "ok");

      /* Killed before it made the tables: nothing to check yet. */
      if (raw_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'session_exercises'") == 0)
        {
          g_assert_cmpint (previous, ==, 0);
          sqlite3_close (db);
          continue;
        }

      /* Every session whole: as many exercise rows as its note says. */
      g_assert_cmpint (sqlite3_prepare_v2 (db,
                                           "SELECT s.note, count(e.position), "
                                           "coalesce(max(e.position), -1) FROM sessions s "
                                           "LEFT JOIN session_exercises e ON e.session_id = s.id GROUP BY s.id",
                                           -1, &statement, NULL), ==, SQLITE_OK);
      while (sqlite3_step (statement) == SQLITE_ROW)
        {
          gint64 expected = g_ascii_strtoll ((const char *)sqlite3_column_text (statement, 0), NULL, 10);

          g_assert_cmpint (sqlite3_column_int64 (statement, 1), ==, expected);
          g_assert_cmpint (sqlite3_column_int64 (statement, 2), ==, expected - 1);
        }
      sqlite3_finalize (statement);

      {
        gint64 count = raw_int (db, "SELECT count(*) FROM sessions");

        if (count > previous)
          grew++;
        previous = count;
      }
      sqlite3_close (db);
    }

  /* The children did write, round after round. */
  g_assert_cmpint (previous, >, 0);
  g_assert_cmpuint (grew, >=, 20);
  g_test_message ("%" G_GINT64_FORMAT " whole sessions after 40 kills", previous);

  remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  /* Local weeks are the tests' UTC weeks. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session-log/round-trip", test_round_trip);
  g_test_add_func ("/session-log/lazy-open", test_lazy_open);
  g_test_add_func ("/session-log/schema", test_schema);
  g_test_add_func ("/session-log/migration-from-v1", test_migration_from_v1);
  g_test_add_func ("/session-log/future-version-refused", test_future_version_refused);
  g_test_add_func ("/session-log/damaged/not-sqlite", test_damaged_not_sqlite);
  g_test_add_func ("/session-log/damaged/truncated", test_damaged_truncated);
  g_test_add_func ("/session-log/damaged/integrity", test_damaged_integrity);
  g_test_add_func ("/session-log/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/session-log/disk-full", test_disk_full);
  g_test_add_func ("/session-log/csv", test_csv);
  g_test_add_func ("/session-log/delete-all", test_delete_all);
  g_test_add_func ("/session-log/killed-during-write", test_killed_during_write);

  return g_test_run ();
}
