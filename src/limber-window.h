/* limber-window.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-plan.h"
#include "limber-session-log.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_WINDOW (limber_window_get_type ())

G_DECLARE_FINAL_TYPE (LimberWindow, limber_window, LIMBER, WINDOW, AdwApplicationWindow)

LimberWindow  *limber_window_new                (GtkApplication *application,
                                                 LimberPlan     *plan);
LimberPlan    *limber_window_get_plan           (LimberWindow   *self);
gboolean       limber_window_import_plan        (LimberWindow   *self,
                                                 GFile          *file);
gboolean       limber_window_export_plan        (LimberWindow   *self,
                                                 GFile          *file);
void           limber_window_show_catalog_error (LimberWindow   *self,
                                                 const GError   *error);
guint          limber_window_get_current_index  (LimberWindow   *self);
gboolean       limber_window_get_kiosk          (LimberWindow   *self);
void           limber_window_set_kiosk          (LimberWindow   *self,
                                                 gboolean        kiosk);
gboolean       limber_window_get_session_active (LimberWindow   *self);
LimberSessionLog *limber_window_get_session_log (LimberWindow   *self);

G_END_DECLS
