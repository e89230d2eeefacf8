/* limber-history-chart-private.h: what the tests look at inside the chart.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-history-chart.h"

G_BEGIN_DECLS

void limber_history_chart_get_colors (LimberHistoryChart *self,
                                      GdkRGBA            *text,
                                      GdkRGBA            *sessions,
                                      GdkRGBA            *pain);

G_END_DECLS
