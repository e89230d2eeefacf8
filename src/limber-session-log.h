/* limber-session-log.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "limber-session-record.h"

G_BEGIN_DECLS

#define LIMBER_SESSION_LOG_ERROR (limber_session_log_error_quark ())

typedef enum {
  /* The file is not a database, or fails its integrity check: kept aside. */
  LIMBER_SESSION_LOG_ERROR_DAMAGED,
  /* Written by a newer Limber: left as it is. */
  LIMBER_SESSION_LOG_ERROR_TOO_NEW,
  /* Cannot be opened or written now (the folder, the disk): tried again later. */
  LIMBER_SESSION_LOG_ERROR_UNAVAILABLE,
} LimberSessionLogError;

typedef enum {
  LIMBER_SESSION_LOG_STATE_CLOSED,
  LIMBER_SESSION_LOG_STATE_OPEN,
  LIMBER_SESSION_LOG_STATE_UNAVAILABLE,
  LIMBER_SESSION_LOG_STATE_DAMAGED,
  LIMBER_SESSION_LOG_STATE_TOO_NEW,
} LimberSessionLogState;

/* The schema this Limber writes (PRAGMA user_version). */
#define LIMBER_SESSION_LOG_SCHEMA_VERSION 2

/* Sessions in the week that starts on @monday, a local calendar day. */
typedef struct
{
  GDate monday;
  guint n_sessions;
} LimberSessionWeek;

/* A pain rating, at the local time its session started. */
typedef struct
{
  gint64 start_unix;
  int    rating;
} LimberPainPoint;

#define LIMBER_TYPE_SESSION_LOG_STATE (limber_session_log_state_get_type ())
#define LIMBER_TYPE_SESSION_LOG (limber_session_log_get_type ())

GType limber_session_log_state_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (LimberSessionLog, limber_session_log, LIMBER, SESSION_LOG, GObject)

void                   limber_session_week_monday_of       (GDateTime         *time,
                                                            GDate             *monday);

GQuark                 limber_session_log_error_quark      (void);
char                  *limber_session_log_dup_default_path (void);

LimberSessionLog      *limber_session_log_new              (const char        *path);
const char            *limber_session_log_get_path         (LimberSessionLog  *self);
LimberSessionLogState  limber_session_log_get_state        (LimberSessionLog  *self);
const char            *limber_session_log_get_problem      (LimberSessionLog  *self);
gboolean               limber_session_log_open             (LimberSessionLog  *self,
                                                            GError           **error);
gboolean               limber_session_log_add              (LimberSessionLog  *self,
                                                            LimberSessionRecord *record,
                                                            GError           **error);
guint                  limber_session_log_get_n_unsaved    (LimberSessionLog  *self);
gint64                 limber_session_log_count_sessions   (LimberSessionLog  *self,
                                                            GError           **error);
GPtrArray             *limber_session_log_list_sessions    (LimberSessionLog  *self,
                                                            GDateTime         *from,
                                                            GDateTime         *to,
                                                            GError           **error);
GArray                *limber_session_log_count_by_week    (LimberSessionLog  *self,
                                                            GDateTime         *from,
                                                            GDateTime         *to,
                                                            GError           **error);
GArray                *limber_session_log_list_pain        (LimberSessionLog  *self,
                                                            GDateTime         *from,
                                                            GDateTime         *to,
                                                            GError           **error);
gboolean               limber_session_log_delete_all       (LimberSessionLog  *self,
                                                            GError           **error);
char                  *limber_session_log_dup_csv          (LimberSessionLog  *self,
                                                            GError           **error);
gboolean               limber_session_log_export_csv       (LimberSessionLog  *self,
                                                            GFile             *file,
                                                            GError           **error);

G_END_DECLS
