-- A history as the first Limber with a session log (schema version 1) wrote
-- it: sessions and their exercises, no pain rating, note or plan yet.
-- tests/test-session-log.c builds a database from it with SQLite alone and
-- opens it with the current Limber, which migrates it.
PRAGMA journal_mode = WAL;
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,
  ended_at INTEGER NOT NULL CHECK (ended_at >= started_at));
CREATE TABLE session_exercises (
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  exercise_id TEXT NOT NULL,
  title TEXT NOT NULL,
  done INTEGER NOT NULL CHECK (done IN (0, 1)),
  hold_seconds INTEGER NOT NULL,
  holds_done INTEGER NOT NULL,
  repetitions_done INTEGER NOT NULL,
  repetitions_prescribed INTEGER NOT NULL,
  PRIMARY KEY (session_id, position));
-- 2026-03-02 08:00:00 UTC (a Monday), 14 minutes
INSERT INTO sessions VALUES (1, 1772438400, 1772439240);
INSERT INTO session_exercises VALUES (1, 0, 'rhomboid-stretch', 'Rhomboid stretch', 1, 20, 3, 3, 3);
INSERT INTO session_exercises VALUES (1, 1, 'midback-stretch', 'Midback stretch', 0, 15, 0, 0, 2);
INSERT INTO session_exercises VALUES (1, 2, 'wall-push-up', 'Wall push-up', 1, 0, 0, 10, 10);
-- 2026-03-04 18:30:00 UTC, 9 minutes
INSERT INTO sessions VALUES (2, 1772649000, 1772649540);
INSERT INTO session_exercises VALUES (2, 0, 'rhomboid-stretch', 'Rhomboid stretch', 1, 20, 3, 3, 3);
PRAGMA user_version = 1;
