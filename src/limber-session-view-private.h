/* limber-session-view-private.h: what the tests look at inside the session view.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-countdown-dial.h"
#include "limber-session-view.h"

G_BEGIN_DECLS

const char          *limber_session_view_get_page          (LimberSessionView *self);
const char          *limber_session_view_get_progress_text (LimberSessionView *self);
const char          *limber_session_view_get_step_text     (LimberSessionView *self);
const char          *limber_session_view_get_caption       (LimberSessionView *self);
LimberCountdownDial *limber_session_view_get_dial          (LimberSessionView *self);
const char          *limber_session_view_get_summary_text  (LimberSessionView *self);
GtkWidget           *limber_session_view_get_outcome_list  (LimberSessionView *self);
GtkWidget           *limber_session_view_get_done_button   (LimberSessionView *self);
const char          *limber_session_view_get_rating_result (LimberSessionView *self);

G_END_DECLS
