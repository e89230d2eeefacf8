/* limber-session-record.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "limber-plan.h"

G_BEGIN_DECLS

/* How one exercise of a session went. Read-only for anyone but the record. */
typedef struct
{
  char     *id;
  char     *title;
  gboolean  done;
  guint     hold_seconds;
  guint     holds_done;
  guint     repetitions_done;
  guint     repetitions_prescribed;
} LimberSessionExercise;

#define LIMBER_SESSION_RECORD_NO_PAIN_RATING (-1)

#define LIMBER_TYPE_SESSION_RECORD (limber_session_record_get_type ())

G_DECLARE_FINAL_TYPE (LimberSessionRecord, limber_session_record, LIMBER, SESSION_RECORD, GObject)

LimberSessionRecord         *limber_session_record_new                (GDateTime           *start);
GDateTime                   *limber_session_record_get_start          (LimberSessionRecord *self);
GDateTime                   *limber_session_record_get_end            (LimberSessionRecord *self);
void                         limber_session_record_set_end            (LimberSessionRecord *self,
                                                                       GDateTime           *end);
GTimeSpan                    limber_session_record_get_duration       (LimberSessionRecord *self);
const char                  *limber_session_record_get_plan_text      (LimberSessionRecord *self);
void                         limber_session_record_set_plan_text      (LimberSessionRecord *self,
                                                                       const char          *plan_text);
void                         limber_session_record_set_plan           (LimberSessionRecord *self,
                                                                       LimberPlan          *plan);
void                         limber_session_record_add_exercise       (LimberSessionRecord *self,
                                                                       const char          *id,
                                                                       const char          *title,
                                                                       gboolean             done,
                                                                       guint                hold_seconds,
                                                                       guint                holds_done,
                                                                       guint                repetitions_done,
                                                                       guint                repetitions_prescribed);
guint                        limber_session_record_get_n_exercises    (LimberSessionRecord *self);
guint                        limber_session_record_get_n_done         (LimberSessionRecord *self);
const LimberSessionExercise *limber_session_record_get_exercise       (LimberSessionRecord *self,
                                                                       guint                position);
int                          limber_session_record_get_pain_rating    (LimberSessionRecord *self);
void                         limber_session_record_set_pain_rating    (LimberSessionRecord *self,
                                                                       int                  rating);
const char                  *limber_session_record_get_note           (LimberSessionRecord *self);
void                         limber_session_record_set_note           (LimberSessionRecord *self,
                                                                       const char          *note);

G_END_DECLS
