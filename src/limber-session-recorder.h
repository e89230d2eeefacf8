/* limber-session-recorder.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "limber-plan.h"
#include "limber-session.h"
#include "limber-session-log.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SESSION_RECORDER (limber_session_recorder_get_type ())

G_DECLARE_FINAL_TYPE (LimberSessionRecorder, limber_session_recorder, LIMBER, SESSION_RECORDER, GObject)

LimberSessionRecorder *limber_session_recorder_new          (LimberSessionLog      *log,
                                                             LimberPlan            *plan);
LimberSessionLog      *limber_session_recorder_get_log      (LimberSessionRecorder *self);
gboolean               limber_session_recorder_take         (LimberSessionRecorder *self,
                                                             LimberSession         *session,
                                                             GError               **error);
gboolean               limber_session_recorder_get_pending  (LimberSessionRecorder *self);
gboolean               limber_session_recorder_rate         (LimberSessionRecorder *self,
                                                             int                    pain_rating,
                                                             const char            *note,
                                                             GError               **error);
gboolean               limber_session_recorder_save_pending (LimberSessionRecorder *self,
                                                             const char            *note,
                                                             GError               **error);

G_END_DECLS
