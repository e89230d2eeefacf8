/* limber-history-chart.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIMBER_HISTORY_CHART_N_WEEKS 12

#define LIMBER_TYPE_HISTORY_CHART (limber_history_chart_get_type ())

G_DECLARE_FINAL_TYPE (LimberHistoryChart, limber_history_chart, LIMBER, HISTORY_CHART, GtkWidget)

GtkWidget  *limber_history_chart_new         (void);
void        limber_history_chart_set_history (LimberHistoryChart *self,
                                              const GDate        *last_monday,
                                              GArray             *weeks,
                                              GArray             *pain);
guint       limber_history_chart_get_sessions (LimberHistoryChart *self,
                                               guint               week);
double      limber_history_chart_get_pain    (LimberHistoryChart *self,
                                              guint               week);
const char *limber_history_chart_get_text    (LimberHistoryChart *self);

G_END_DECLS
