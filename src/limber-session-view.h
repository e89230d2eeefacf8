/* limber-session-view.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "limber-pain-rating.h"
#include "limber-plan.h"
#include "limber-session.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SESSION_VIEW (limber_session_view_get_type ())

G_DECLARE_FINAL_TYPE (LimberSessionView, limber_session_view, LIMBER, SESSION_VIEW, GtkWidget)

GtkWidget     *limber_session_view_new          (LimberSession     *session,
                                                 LimberPlan        *plan);
LimberSession *limber_session_view_get_session  (LimberSessionView *self);
void           limber_session_view_show_coach   (LimberSessionView *self);
void           limber_session_view_set_wide     (LimberSessionView *self,
                                                 gboolean           wide);
gboolean       limber_session_view_get_wide     (LimberSessionView *self);
void           limber_session_view_show_summary (LimberSessionView *self);
LimberPainRating *limber_session_view_get_pain_rating    (LimberSessionView *self);
void              limber_session_view_show_rating_result (LimberSessionView *self,
                                                          const char        *message);

G_END_DECLS
