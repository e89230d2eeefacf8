/* limber-session-log.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history of coached sessions, in an SQLite database of the person's own
 * ($XDG_DATA_HOME/io.github.limberapp.Limber/history.sqlite), local only.
 *
 * Nothing touches the file before it is first needed: the first session to
 * end, or the history view, opens it. The schema's version is the database's
 * user_version, and the migrations below bring an older file up to date in
 * one transaction. The journal is a write-ahead log and each session is
 * written in one transaction, so a process killed half-way leaves either the
 * whole session or none of it.
 *
 * A file that is not a database, or fails its integrity check, is renamed
 * aside (history.sqlite.damaged-YYYYmmdd-HHMMSS) and history is off until
 * the next start; one written by a newer Limber is left exactly as it is and
 * history is off. A session that cannot be written (a full disk, a folder
 * that cannot be written to, history off) is kept in memory and written with
 * the next one, and the caller is told why.
 */

#define G_LOG_DOMAIN "limber-session-log"

#include "limber-config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "limber-session-log-private.h"

struct _LimberSessionLog
{
  GObject                parent_instance;

  char                  *path;
  sqlite3               *db;
  LimberSessionLogState  state;
  char                  *problem;
  /* Sessions not written yet, oldest first. */
  GPtrArray             *unsaved;
  guint                  max_page_count;
};

G_DEFINE_FINAL_TYPE (LimberSessionLog, limber_session_log, G_TYPE_OBJECT)

G_DEFINE_QUARK (limber-session-log-error-quark, limber_session_log_error)

G_DEFINE_ENUM_TYPE (LimberSessionLogState, limber_session_log_state,
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_LOG_STATE_CLOSED, "closed"),
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_LOG_STATE_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_LOG_STATE_UNAVAILABLE, "unavailable"),
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_LOG_STATE_DAMAGED, "damaged"),
  G_DEFINE_ENUM_VALUE (LIMBER_SESSION_LOG_STATE_TOO_NEW, "too-new"))

enum {
  PROP_0,
  PROP_PATH,
  PROP_STATE,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Each step takes the schema from the version before it to its own. Times
 * are seconds since 1970-01-01 UTC. */
static const char * const migrations[] = {
  /* 1: the sessions and what was done in each. */
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  started_at INTEGER NOT NULL,"
  "  ended_at INTEGER NOT NULL CHECK (ended_at >= started_at));"
  "CREATE TABLE session_exercises ("
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  exercise_id TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  done INTEGER NOT NULL CHECK (done IN (0, 1)),"
  "  hold_seconds INTEGER NOT NULL,"
  "  holds_done INTEGER NOT NULL,"
  "  repetitions_done INTEGER NOT NULL,"
  "  repetitions_prescribed INTEGER NOT NULL,"
  "  PRIMARY KEY (session_id, position));",
  /* 2: how it felt, a note, and the plan in force, kept once however many
   * sessions share it; the exercises clustered by session, in one b-tree
   * instead of a table and its index; sessions found by date. */
  "CREATE TABLE plans ("
  "  id INTEGER PRIMARY KEY,"
  "  text TEXT NOT NULL UNIQUE);"
  "ALTER TABLE sessions ADD COLUMN pain_rating INTEGER CHECK (pain_rating BETWEEN 0 AND 10);"
  "ALTER TABLE sessions ADD COLUMN note TEXT;"
  "ALTER TABLE sessions ADD COLUMN plan_id INTEGER REFERENCES plans (id);"
  "CREATE TABLE session_exercises_2 ("
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  exercise_id TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  done INTEGER NOT NULL CHECK (done IN (0, 1)),"
  "  hold_seconds INTEGER NOT NULL,"
  "  holds_done INTEGER NOT NULL,"
  "  repetitions_done INTEGER NOT NULL,"
  "  repetitions_prescribed INTEGER NOT NULL,"
  "  PRIMARY KEY (session_id, position)) WITHOUT ROWID;"
  "INSERT INTO session_exercises_2 SELECT session_id, position, exercise_id, title, done, hold_seconds,"
  "  holds_done, repetitions_done, repetitions_prescribed FROM session_exercises;"
  "DROP TABLE session_exercises;"
  "ALTER TABLE session_exercises_2 RENAME TO session_exercises;"
  "CREATE INDEX sessions_by_start ON sessions (started_at);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LIMBER_SESSION_LOG_SCHEMA_VERSION);

static gboolean
is_damage (int code)
{
  code &= 0xff;
  return code == SQLITE_NOTADB || code == SQLITE_CORRUPT;
}

/* SQLite's own messages are English; the common causes get Limber's words. */
static const char *
describe_failure (sqlite3 *db,
                  int      code)
{
  switch (code & 0xff)
    {
    case SQLITE_FULL:
      return _("the disk is full");
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return _("the folder cannot be written to");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return _("another program is using the file");
    default:
      return db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code);
    }
}

static void
set_state (LimberSessionLog      *self,
           LimberSessionLogState  state,
           const char            *problem)
{
  gboolean problem_changed = g_strcmp0 (self->problem, problem) != 0;

  if (problem_changed)
    {
      g_free (self->problem);
      self->problem = g_strdup (problem);
    }

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (problem_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

static gboolean
history_is_off (LimberSessionLog *self)
{
  return self->state == LIMBER_SESSION_LOG_STATE_DAMAGED || self->state == LIMBER_SESSION_LOG_STATE_TOO_NEW;
}

static void
close_database (LimberSessionLog *self)
{
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  self->db = NULL;
}

static int
exec (LimberSessionLog *self,
      const char       *sql)
{
  return sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

static gboolean
query_int (LimberSessionLog *self,
           const char       *sql,
           gint64           *value,
           int              *code)
{
  sqlite3_stmt *statement = NULL;

  *code = sqlite3_prepare_v2 (self->db, sql, -1, &statement, NULL);
  if (*code == SQLITE_OK)
    {
      *code = sqlite3_step (statement);
      if (*code == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (statement, 0);
          *code = SQLITE_OK;
        }
    }
  sqlite3_finalize (statement);

  return *code == SQLITE_OK;
}

/* The damaged file, and its write-ahead log if any, renamed next to it. */
static char *
keep_aside (LimberSessionLog  *self,
            GError           **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = NULL;

  for (guint attempt = 0; aside == NULL; attempt++)
    {
      g_autofree char *candidate = attempt == 0 ? g_strdup_printf ("%s.damaged-%s", self->path, stamp)
                                                : g_strdup_printf ("%s.damaged-%s-%u", self->path, stamp, attempt);

      if (!g_file_test (candidate, G_FILE_TEST_EXISTS))
        aside = g_steal_pointer (&candidate);
    }

  if (g_rename (self->path, aside) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), g_strerror (saved_errno));
      return NULL;
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *suffix = i == 0 ? "-wal" : "-shm";
      g_autofree char *from = g_strconcat (self->path, suffix, NULL);
      g_autofree char *to = g_strconcat (aside, suffix, NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        g_message ("Could not move %s aside: %s", from, g_strerror (errno));
    }

  return g_steal_pointer (&aside);
}

static gboolean
fail_damaged (LimberSessionLog  *self,
              const char        *cause,
              GError           **error)
{
  g_autoptr(GError) move_error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *message = NULL;

  close_database (self);
  aside = keep_aside (self, &move_error);
  if (aside != NULL)
    /* Translators: the first %s is a file name, the second why it is damaged, the third the name it was given */
    message = g_strdup_printf (_("The history file “%s” is damaged (%s). It was kept as “%s”, and history is off "
                                 "until Limber is started again, when a new history begins."),
                               self->path, cause, aside);
  else
    /* Translators: the first %s is a file name, the second why it is damaged, the third why it could not be renamed */
    message = g_strdup_printf (_("The history file “%s” is damaged (%s) and could not be renamed (%s). It was left "
                                 "as it is, and history is off."),
                               self->path, cause, move_error->message);

  g_message ("%s", message);
  set_state (self, LIMBER_SESSION_LOG_STATE_DAMAGED, message);
  g_set_error_literal (error, LIMBER_SESSION_LOG_ERROR, LIMBER_SESSION_LOG_ERROR_DAMAGED, message);
  return FALSE;
}

static gboolean
fail_too_new (LimberSessionLog  *self,
              GError           **error)
{
  g_autofree char *message = NULL;

  close_database (self);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("The history file “%s” was written by a newer version of Limber. It was left as it "
                               "is, and history is off: open it with that version."),
                             self->path);
  set_state (self, LIMBER_SESSION_LOG_STATE_TOO_NEW, message);
  g_set_error_literal (error, LIMBER_SESSION_LOG_ERROR, LIMBER_SESSION_LOG_ERROR_TOO_NEW, message);
  return FALSE;
}

static gboolean
fail_unavailable (LimberSessionLog  *self,
                  const char        *cause,
                  GError           **error)
{
  g_autofree char *message = NULL;

  close_database (self);
  /* Translators: the first %s is a file name, the second why it could not be opened */
  message = g_strdup_printf (_("The history file “%s” could not be opened: %s."), self->path, cause);
  set_state (self, LIMBER_SESSION_LOG_STATE_UNAVAILABLE, message);
  g_set_error_literal (error, LIMBER_SESSION_LOG_ERROR, LIMBER_SESSION_LOG_ERROR_UNAVAILABLE, message);
  return FALSE;
}

static gboolean
fail_sqlite (LimberSessionLog  *self,
             int                code,
             GError           **error)
{
  if (is_damage (code))
    return fail_damaged (self, sqlite3_errstr (code), error);
  return fail_unavailable (self, describe_failure (self->db, code), error);
}

/* Before anything is written: is this a database of ours, whole? */
static gboolean
check_existing (LimberSessionLog  *self,
                gint64            *version,
                GError           **error)
{
  sqlite3_stmt *statement = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  int code;

  if (!query_int (self, "PRAGMA user_version", version, &code))
    return fail_sqlite (self, code, error);
  if (*version > LIMBER_SESSION_LOG_SCHEMA_VERSION)
    return fail_too_new (self, error);

  code = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &statement, NULL);
  while (code == SQLITE_OK && (code = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *row = (const char *)sqlite3_column_text (statement, 0);

      if (g_strcmp0 (row, "ok") != 0 && problems->len == 0)
        g_string_append (problems, row);
      code = SQLITE_OK;
    }
  sqlite3_finalize (statement);

  if (code != SQLITE_DONE)
    return fail_sqlite (self, code, error);
  if (problems->len > 0)
    return fail_damaged (self, problems->str, error);

  return TRUE;
}

static gboolean
migrate (LimberSessionLog  *self,
         GError           **error)
{
  gint64 version = 0;
  int code;

  code = exec (self, "BEGIN IMMEDIATE");
  if (code != SQLITE_OK)
    return fail_sqlite (self, code, error);

  /* Read again inside the transaction: another Limber may have got there first. */
  if (!query_int (self, "PRAGMA user_version", &version, &code))
    goto failed;
  if (version > LIMBER_SESSION_LOG_SCHEMA_VERSION)
    {
      exec (self, "ROLLBACK");
      return fail_too_new (self, error);
    }

  for (gint64 step = version; step < LIMBER_SESSION_LOG_SCHEMA_VERSION; step++)
    {
      g_debug ("Migrating the history from version %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT, step, step + 1);
      code = exec (self, migrations[step]);
      if (code != SQLITE_OK)
        goto failed;
    }

  if (version < LIMBER_SESSION_LOG_SCHEMA_VERSION)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", LIMBER_SESSION_LOG_SCHEMA_VERSION);

      code = exec (self, set_version);
      if (code != SQLITE_OK)
        goto failed;
    }

  code = exec (self, "COMMIT");
  if (code != SQLITE_OK)
    goto failed;

  return TRUE;

failed:
  exec (self, "ROLLBACK");
  return fail_sqlite (self, code, error);
}

/**
 * limber_session_log_open:
 *
 * Opens the database, checks it, and brings its schema up to date; does
 * nothing if it is open already. Every other call opens it as needed.
 *
 * Returns: %FALSE, with the reason, if history cannot be used
 */
gboolean
limber_session_log_open (LimberSessionLog  *self,
                         GError           **error)
{
  g_autofree char *folder = NULL;
  gint64 version = 0;
  int code;

  g_return_val_if_fail (LIMBER_IS_SESSION_LOG (self), FALSE);

  if (self->state == LIMBER_SESSION_LOG_STATE_OPEN)
    return TRUE;
  if (history_is_off (self))
    {
      g_set_error_literal (error, LIMBER_SESSION_LOG_ERROR,
                           self->state == LIMBER_SESSION_LOG_STATE_DAMAGED ? LIMBER_SESSION_LOG_ERROR_DAMAGED
                                                                           : LIMBER_SESSION_LOG_ERROR_TOO_NEW,
                           self->problem);
      return FALSE;
    }

  folder = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    return fail_unavailable (self, g_strerror (errno), error);

  code = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (code != SQLITE_OK)
    return fail_sqlite (self, code, error);

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);

  /* Nothing is written before the file is known to be ours and whole. */
  if (!check_existing (self, &version, error))
    return FALSE;

  /* Deleted sessions are overwritten with zeros, not left in free pages. */
  code = exec (self, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON");
  if (code != SQLITE_OK)
    return fail_sqlite (self, code, error);

  if (self->max_page_count > 0)
    {
      g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %u", self->max_page_count);

      exec (self, limit);
    }

  if (!migrate (self, error))
    return FALSE;

  set_state (self, LIMBER_SESSION_LOG_STATE_OPEN, NULL);
  return TRUE;
}

static void
bind_text_or_null (sqlite3_stmt *statement,
                   int           column,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (statement, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (statement, column);
}

/* One session, all of it or nothing. */
static int
write_record (LimberSessionLog    *self,
              LimberSessionRecord *record)
{
  sqlite3_stmt *session = NULL;
  sqlite3_stmt *exercise = NULL;
  sqlite3_int64 session_id;
  int pain = limber_session_record_get_pain_rating (record);
  int code;

  code = exec (self, "BEGIN IMMEDIATE");
  if (code != SQLITE_OK)
    return code;

  if (limber_session_record_get_plan_text (record) != NULL)
    {
      code = sqlite3_prepare_v2 (self->db,
                                 "INSERT INTO plans (text) VALUES (?1) ON CONFLICT (text) DO NOTHING", -1,
                                 &session, NULL);
      if (code != SQLITE_OK)
        goto out;
      sqlite3_bind_text (session, 1, limber_session_record_get_plan_text (record), -1, SQLITE_STATIC);
      code = sqlite3_step (session);
      if (code != SQLITE_DONE)
        goto out;
      sqlite3_finalize (session);
      session = NULL;
    }

  code = sqlite3_prepare_v2 (self->db,
                             "INSERT INTO sessions (started_at, ended_at, pain_rating, note, plan_id) "
                             "VALUES (?, ?, ?, ?, (SELECT id FROM plans WHERE text = ?))", -1, &session, NULL);
  if (code != SQLITE_OK)
    goto out;

  sqlite3_bind_int64 (session, 1, g_date_time_to_unix (limber_session_record_get_start (record)));
  sqlite3_bind_int64 (session, 2, g_date_time_to_unix (limber_session_record_get_end (record)));
  if (pain >= 0)
    sqlite3_bind_int (session, 3, pain);
  else
    sqlite3_bind_null (session, 3);
  bind_text_or_null (session, 4, limber_session_record_get_note (record));
  bind_text_or_null (session, 5, limber_session_record_get_plan_text (record));

  code = sqlite3_step (session);
  if (code != SQLITE_DONE)
    goto out;
  session_id = sqlite3_last_insert_rowid (self->db);

  code = sqlite3_prepare_v2 (self->db,
                             "INSERT INTO session_exercises (session_id, position, exercise_id, title, done, "
                             "hold_seconds, holds_done, repetitions_done, repetitions_prescribed) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &exercise, NULL);
  if (code != SQLITE_OK)
    goto out;

  for (guint i = 0; i < limber_session_record_get_n_exercises (record); i++)
    {
      const LimberSessionExercise *item = limber_session_record_get_exercise (record, i);

      sqlite3_reset (exercise);
      sqlite3_bind_int64 (exercise, 1, session_id);
      sqlite3_bind_int (exercise, 2, i);
      sqlite3_bind_text (exercise, 3, item->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (exercise, 4, item->title, -1, SQLITE_STATIC);
      sqlite3_bind_int (exercise, 5, item->done);
      sqlite3_bind_int64 (exercise, 6, item->hold_seconds);
      sqlite3_bind_int64 (exercise, 7, item->holds_done);
      sqlite3_bind_int64 (exercise, 8, item->repetitions_done);
      sqlite3_bind_int64 (exercise, 9, item->repetitions_prescribed);

      code = sqlite3_step (exercise);
      if (code != SQLITE_DONE)
        goto out;
    }

  code = exec (self, "COMMIT");

out:
  sqlite3_finalize (session);
  sqlite3_finalize (exercise);
  if (code == SQLITE_DONE)
    code = SQLITE_OK;
  if (code != SQLITE_OK)
    exec (self, "ROLLBACK");

  return code;
}

/**
 * limber_session_log_add:
 *
 * Writes @record to the history, in one transaction, after any sessions that
 * could not be written before.
 *
 * Returns: %FALSE if it could not be written, with the reason: the record is
 *   then kept, and written with the next session, until Limber quits
 */
gboolean
limber_session_log_add (LimberSessionLog     *self,
                        LimberSessionRecord  *record,
                        GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  guint written = 0;
  int code = SQLITE_OK;

  g_return_val_if_fail (LIMBER_IS_SESSION_LOG (self), FALSE);
  g_return_val_if_fail (LIMBER_IS_SESSION_RECORD (record), FALSE);

  g_ptr_array_add (self->unsaved, g_object_ref (record));

  if (!limber_session_log_open (self, &local_error))
    {
      /* Translators: %s says why, in a sentence */
      g_set_error (error, LIMBER_SESSION_LOG_ERROR, local_error->code,
                   _("This session could not be saved to the history. %s"), local_error->message);
      return FALSE;
    }

  while (self->unsaved->len > 0)
    {
      code = write_record (self, g_ptr_array_index (self->unsaved, 0));
      if (code != SQLITE_OK)
        break;
      g_ptr_array_remove_index (self->unsaved, 0);
      written++;
    }

  if (written > 0)
    g_signal_emit (self, signals[CHANGED], 0);

  if (code != SQLITE_OK)
    {
      if (is_damage (code))
        {
          fail_damaged (self, sqlite3_errstr (code), &local_error);
          g_set_error (error, LIMBER_SESSION_LOG_ERROR, LIMBER_SESSION_LOG_ERROR_DAMAGED,
                       _("This session could not be saved to the history. %s"), local_error->message);
        }
      else
        /* Translators: %s is why, such as “the disk is full” */
        g_set_error (error, LIMBER_SESSION_LOG_ERROR, LIMBER_SESSION_LOG_ERROR_UNAVAILABLE,
                     _("This session could not be saved to the history: %s. Limber keeps it and tries again when "
                       "the next session ends, until you quit."),
                     describe_failure (self->db, code));
      return FALSE;
    }

  return TRUE;
}

/**
 * limber_session_log_get_n_unsaved:
 *
 * Returns: how many sessions are waiting to be written
 */
guint
limber_session_log_get_n_unsaved (LimberSessionLog *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_LOG (self), 0);

  return self->unsaved->len;
}

static gboolean
prepare (LimberSessionLog  *self,
         const char        *sql,
         sqlite3_stmt     **statement,
         GError           **error)
{
  int code;

  if (!limber_session_log_open (self, error))
    return FALSE;

  code = sqlite3_prepare_v2 (self->db, sql, -1, statement, NULL);
  if (code != SQLITE_OK)
    return fail_sqlite (self, code, error);

  return TRUE;
}

static gboolean
finish_rows (LimberSessionLog  *self,
             sqlite3_stmt      *statement,
             int                code,
             GError           **error)
{
  sqlite3_finalize (statement);
  if (code != SQLITE_DONE)
    return fail_sqlite (self, code, error);

  return TRUE;
}

static void
bind_range (sqlite3_stmt *statement,
            GDateTime    *from,
            GDateTime    *to)
{
  sqlite3_bind_int64 (statement, 1, from != NULL ? g_date_time_to_unix (from) : G_MININT64);
  sqlite3_bind_int64 (statement, 2, to != NULL ? g_date_time_to_unix (to) : G_MAXINT64);
}

/**
 * limber_session_log_count_sessions:
 *
 * Returns: how many sessions the history holds, or -1 on error
 */
gint64
limber_session_log_count_sessions (LimberSessionLog  *self,
                                   GError           **error)
{
  sqlite3_stmt *statement = NULL;
  gint64 count = 0;
  int code;

  g_return_val_if_fail (LIMBER_IS_SESSION_LOG (self), -1);

  if (!prepare (self, "SELECT count(*) FROM sessions", &statement, error))
    return -1;

  code = sqlite3_step (statement);
  if (code == SQLITE_ROW)
    {
      count = sqlite3_column_int64 (statement, 0);
      code = sqlite3_step (statement);
    }

  return finish_rows (self, statement, code, error) ? count : -1;
}

static GDateTime *
column_date_time (sqlite3_stmt *statement,
                  int           column)
{
  return g_date_time_new_from_unix_utc (sqlite3_column_int64 (statement, column));
}

/**
 * limber_session_log_list_sessions:
 * @from: (nullable): the earliest start, or %NULL
 * @to: (nullable): the start they come before, or %NULL
 *
 * Returns: (transfer container) (element-type LimberSessionRecord) (nullable):
 *   the sessions that started from @from up to @to, oldest first
 */
GPtrArray *
limber_session_log_list_sessions (LimberSessionLog  *self,
                                  GDateTime         *from,
                                  GDateTime         *to,
                                  GError           **error)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *statement = NULL;
  int code;

  g_return_val_if_fail (LIMBER_IS_SESSION_LOG (self), NULL);

  if (!prepare (self,
                "SELECT s.id, s.started_at, s.ended_at, s.pain_rating, s.note, p.text "
                "FROM sessions s LEFT JOIN plans p ON p.id = s.plan_id "
                "WHERE s.started_at >= ?1 AND s.started_at < ?2 ORDER BY s.started_at, s.id",
                &statement, error))
    return NULL;

  bind_range (statement, from, to);
  while ((code = sqlite3_step (statement)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) start = column_date_time (statement, 1);
      g_autoptr(GDateTime) end = column_date_time (statement, 2);
      LimberSessionRecord *record = limber_session_record_new (start);
      gint64 id = sqlite3_column_int64 (statement, 0);

      limber_session_record_set_end (record, end);
      if (sqlite3_column_type (statement, 3) != SQLITE_NULL)
        limber_session_record_set_pain_rating (record, CLAMP (sqlite3_column_int (statement, 3), 0, 10));
      limber_session_record_set_note (record, (const char *)sqlite3_column_text (statement, 4));
      limber_session_record_set_plan_text (record, (const char *)sqlite3_column_text (statement, 5));
      g_ptr_array_add (sessions, record);
      g_array_append_val (ids, id);
    }
  if (!finish_rows (self, statement, code, error))
    return NULL;

  for (guint i = 0; i < sessions->len; i++)
    g_hash_table_insert (by_id, &g_array_index (ids, gint64, i), g_ptr_array_index (sessions, i));

  if (!prepare (self,
                "SELECT e.session_id, e.exercise_id, e.title, e.done, e.hold_seconds, e.holds_done, "
                "e.repetitions_done, e.repetitions_prescribed "
                "FROM session_exercises e JOIN sessions s ON s.id = e.session_id "
                "WHERE s.started_at >= ?1 AND s.started_at < ?2 ORDER BY e.session_id, e.position",
                &statement, error))
    return NULL;

  bind_range (statement, from, to);
  while ((code = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (statement, 0);
      LimberSessionRecord *record = g_hash_table_lookup (by_id, &id);

      if (record != NULL)
        limber_session_record_add_exercise (record,
                                            (const char *)sqlite3_column_text (statement, 1),
                                            (const char *)sqlite3_column_text (statement, 2),
                                            sqlite3_column_int (statement, 3) != 0,
                                            (guint)sqlite3_column_int64 (statement, 4),
                                            (guint)sqlite3_column_int64 (statement, 5),
                                            (guint)sqlite3_column_int64 (statement, 6),
                                            (guint)sqlite3_column_int64 (statement, 7));
    }
  if (!finish_rows (self, statement, code, error))
    return NULL;

  return g_steal_pointer (&sessions);
}

/**
 * limber_session_log_count_by_week:
 * @from: (nullable): the earliest start, or %NULL
 * @to: (nullable): the start they come before, or %NULL
 *
 * Weeks start on Monday, in local time; weeks without a session are left out.
 *
 * Returns: (transfer full) (element-type LimberSessionWeek) (nullable): the
 *   number of sessions in each week, oldest first
 */
GArray *
limber_session_log_count_by_week (LimberSessionLog  *self,
                                  GDateTime         *from,
                                  GDateTime         *to,
                                  GError           **error)
{
  g_autoptr(GArray) weeks = g_array_new (FALSE, TRUE, sizeof (LimberSessionWeek));
  sqlite3_stmt *statement = NULL;
  int code;

  g_return_val_if_fail (LIMBER_IS_SESSION_LOG (self), NULL);

  /* Back six days, then on to a Monday: the Monday of the session's week. */
  if (!prepare (self,
                "SELECT date(started_at, 'unixepoch', 'localtime', '-6 days', 'weekday 1') AS monday, count(*) "
                "FROM sessions WHERE started_at >= ?1 AND started_at < ?2 GROUP BY monday ORDER BY monday",
                &statement, error))
    return NULL;

  bind_range (statement, from, to);
  while ((code = sqlite3_step (statement)) == SQLITE_ROW)
    {
      LimberSessionWeek week = { .n_sessions = sqlite3_column_int (statement, 1) };
      guint year, month, day;

      if (sscanf ((const char *)sqlite3_column_text (statement, 0), "%u-%u-%u", &year, &month, &day) != 3 ||
          !g_date_valid_dmy (day, month, year))
        continue;

      g_date_set_dmy (&week.monday, day, month, year);
      g_array_append_val (weeks, week);
    }
  if (!finish_rows (self, statement, code, error))
    return NULL;

  return g_steal_pointer (&weeks);
}

/**
 * limber_session_week_monday_of:
 * @monday: (out caller-allocates): set to the local Monday of @time's week
 *
 * The week @time falls in, as limber_session_log_count_by_week() counts them.
 */
void
limber_session_week_monday_of (GDateTime *time,
                               GDate     *monday)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  g_date_clear (monday, 1);
  g_date_set_dmy (monday, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  g_date_subtract_days (monday, g_date_get_weekday (monday) - G_DATE_MONDAY);
}

/**
 * limber_session_log_list_pain:
 * @from: (nullable): the earliest start, or %NULL
 * @to: (nullable): the start they come before, or %NULL
 *
 * Returns: (transfer full) (element-type LimberPainPoint) (nullable): the
 *   rated sessions' ratings, oldest first; skipped questions are left out
 */
GArray *
limber_session_log_list_pain (LimberSessionLog  *self,
                              GDateTime         *from,
                              GDateTime         *to,
                              GError           **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, TRUE, sizeof (LimberPainPoint));
  sqlite3_stmt *statement = NULL;
  int code;

  g_return_val_if_fail (LIMBER_IS_SESSION_LOG (self), NULL);

  if (!prepare (self,
                "SELECT started_at, pain_rating FROM sessions "
                "WHERE pain_rating IS NOT NULL AND started_at >= ?1 AND started_at < ?2 ORDER BY started_at, id",
                &statement, error))
    return NULL;

  bind_range (statement, from, to);
  while ((code = sqlite3_step (statement)) == SQLITE_ROW)
    {
      LimberPainPoint point = {
        .start_unix = sqlite3_column_int64 (statement, 0),
        .rating = CLAMP (sqlite3_column_int (statement, 1), 0, 10),
      };

      g_array_append_val (points, point);
    }
  if (!finish_rows (self, statement, code, error))
    return NULL;

  return g_steal_pointer (&points);
}

/**
 * limber_session_log_delete_all:
 *
 * Deletes every session, and overwrites what the file held of them.
 */
gboolean
limber_session_log_delete_all (LimberSessionLog  *self,
                               GError           **error)
{
  int code;

  g_return_val_if_fail (LIMBER_IS_SESSION_LOG (self), FALSE);

  if (!limber_session_log_open (self, error))
    return FALSE;

  code = exec (self, "BEGIN IMMEDIATE; DELETE FROM session_exercises; DELETE FROM sessions; DELETE FROM plans; COMMIT");
  if (code != SQLITE_OK)
    {
      exec (self, "ROLLBACK");
      return fail_sqlite (self, code, error);
    }

  /* The write-ahead log still holds the old pages: empty it too. */
  exec (self, "PRAGMA wal_checkpoint(TRUNCATE)");
  g_ptr_array_set_size (self->unsaved, 0);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/* RFC 4180: a field with a comma, a quote or a line break is quoted, and its
 * quotes doubled. */
static void
append_field (GString    *csv,
              const char *text,
              gboolean    last)
{
  if (text != NULL && strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (csv, '"');
      for (const char *c = text; *c != '\0'; c++)
        {
          if (*c == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *c);
        }
      g_string_append_c (csv, '"');
    }
  else if (text != NULL)
    g_string_append (csv, text);

  g_string_append (csv, last ? "\r\n" : ",");
}

static char *
column_iso8601 (sqlite3_stmt *statement,
                int           column)
{
  g_autoptr(GDateTime) time = column_date_time (statement, column);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
column_text (sqlite3_stmt *statement,
             int           column)
{
  if (sqlite3_column_type (statement, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *)sqlite3_column_text (statement, column));
}

/**
 * limber_session_log_dup_csv:
 *
 * One row per exercise per session (a session with no exercises gets one row
 * of its own), oldest first, after a header; times in UTC, ISO 8601.
 *
 * Returns: (transfer full) (nullable): the history as CSV text
 */
char *
limber_session_log_dup_csv (LimberSessionLog  *self,
                            GError           **error)
{
  static const char * const header[] = {
    "session_start", "session_end", "pain_rating", "note", "position", "exercise_id", "exercise_title",
    "status", "hold_seconds", "holds_done", "repetitions_done", "repetitions_prescribed",
  };
  g_autoptr(GString) csv = g_string_new (NULL);
  sqlite3_stmt *statement = NULL;
  int code;

  g_return_val_if_fail (LIMBER_IS_SESSION_LOG (self), NULL);

  if (!prepare (self,
                "SELECT s.started_at, s.ended_at, s.pain_rating, s.note, e.position + 1, e.exercise_id, e.title, "
                "CASE e.done WHEN 1 THEN 'done' WHEN 0 THEN 'skipped' END, "
                "e.hold_seconds, e.holds_done, e.repetitions_done, e.repetitions_prescribed "
                "FROM sessions s LEFT JOIN session_exercises e ON e.session_id = s.id "
                "ORDER BY s.started_at, s.id, e.position",
                &statement, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    append_field (csv, header[i], i == G_N_ELEMENTS (header) - 1);

  while ((code = sqlite3_step (statement)) == SQLITE_ROW)
    {
      int n_columns = sqlite3_column_count (statement);

      for (int column = 0; column < n_columns; column++)
        {
          g_autofree char *field = column < 2 ? column_iso8601 (statement, column) : column_text (statement, column);

          append_field (csv, field, column == n_columns - 1);
        }
    }
  if (!finish_rows (self, statement, code, error))
    return NULL;

  return g_string_free (g_steal_pointer (&csv), FALSE);
}

/**
 * limber_session_log_export_csv:
 *
 * Writes limber_session_log_dup_csv() to @file, replacing it.
 */
gboolean
limber_session_log_export_csv (LimberSessionLog  *self,
                               GFile             *file,
                               GError           **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (LIMBER_IS_SESSION_LOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  csv = limber_session_log_dup_csv (self, error);
  if (csv == NULL)
    return FALSE;

  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

void
limber_session_log_set_max_page_count (LimberSessionLog *self,
                                       guint             n_pages)
{
  g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %u", n_pages);

  self->max_page_count = n_pages;
  if (self->db != NULL)
    exec (self, limit);
}

/**
 * limber_session_log_dup_default_path:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/io.github.limberapp.Limber/history.sqlite
 */
char *
limber_session_log_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "history.sqlite", NULL);
}

static void
limber_session_log_finalize (GObject *object)
{
  LimberSessionLog *self = (LimberSessionLog *)object;

  if (self->unsaved->len > 0)
    g_message ("%u sessions could not be saved to the history", self->unsaved->len);

  close_database (self);
  g_clear_pointer (&self->unsaved, g_ptr_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (limber_session_log_parent_class)->finalize (object);
}

static void
limber_session_log_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LimberSessionLog *self = LIMBER_SESSION_LOG (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_session_log_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LimberSessionLog *self = LIMBER_SESSION_LOG (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      if (self->path == NULL)
        self->path = limber_session_log_dup_default_path ();
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_session_log_class_init (LimberSessionLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_session_log_finalize;
  object_class->get_property = limber_session_log_get_property;
  object_class->set_property = limber_session_log_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, LIMBER_TYPE_SESSION_LOG_STATE, LIMBER_SESSION_LOG_STATE_CLOSED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LimberSessionLog::changed:
   *
   * Sessions were added or deleted.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_session_log_init (LimberSessionLog *self)
{
  self->unsaved = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * limber_session_log_new:
 * @path: (nullable): the database file, or %NULL for the person's own
 *   (limber_session_log_dup_default_path())
 *
 * Returns: (transfer full): a log that opens @path when first used
 */
LimberSessionLog *
limber_session_log_new (const char *path)
{
  return g_object_new (LIMBER_TYPE_SESSION_LOG, "path", path, NULL);
}

const char *
limber_session_log_get_path (LimberSessionLog *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_LOG (self), NULL);

  return self->path;
}

LimberSessionLogState
limber_session_log_get_state (LimberSessionLog *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_LOG (self), LIMBER_SESSION_LOG_STATE_CLOSED);

  return self->state;
}

/**
 * limber_session_log_get_problem:
 *
 * Returns: (nullable): why history cannot be used, in a sentence, or %NULL
 */
const char *
limber_session_log_get_problem (LimberSessionLog *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_LOG (self), NULL);

  return self->problem;
}
