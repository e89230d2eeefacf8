/* limber-history-view-private.h: what the tests look at inside the view.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-history-chart-private.h"
#include "limber-history-view.h"

G_BEGIN_DECLS

void                limber_history_view_set_now            (LimberHistoryView *self,
                                                            GDateTime         *now);
const char         *limber_history_view_get_visible_page   (LimberHistoryView *self);
LimberHistoryChart *limber_history_view_get_chart          (LimberHistoryView *self);
GtkListBox         *limber_history_view_get_week_list      (LimberHistoryView *self);
const char         *limber_history_view_get_week_summary   (LimberHistoryView *self);
const char         *limber_history_view_get_off_reason     (LimberHistoryView *self);
GtkWidget          *limber_history_view_get_confirm_dialog (LimberHistoryView *self);

G_END_DECLS
