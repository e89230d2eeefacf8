/* limber-history-view.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-session-log.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_HISTORY_VIEW (limber_history_view_get_type ())

G_DECLARE_FINAL_TYPE (LimberHistoryView, limber_history_view, LIMBER, HISTORY_VIEW, AdwBin)

GtkWidget        *limber_history_view_new      (LimberSessionLog  *log);
LimberSessionLog *limber_history_view_get_log  (LimberHistoryView *self);
void              limber_history_view_reload   (LimberHistoryView *self);
gboolean          limber_history_view_export   (LimberHistoryView *self,
                                                GFile             *file);

G_END_DECLS
