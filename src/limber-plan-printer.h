/* limber-plan-printer.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "limber-plan.h"
#include "limber-session-log.h"

G_BEGIN_DECLS

/* How far back "The last four weeks" reaches, today included. */
#define LIMBER_PLAN_PRINTER_HISTORY_DAYS 28

#define LIMBER_TYPE_PLAN_PRINTER (limber_plan_printer_get_type ())

G_DECLARE_FINAL_TYPE (LimberPlanPrinter, limber_plan_printer, LIMBER, PLAN_PRINTER, GtkPrintOperation)

LimberPlanPrinter *limber_plan_printer_new              (LimberPlan        *plan,
                                                         LimberSessionLog  *log);
LimberPlan        *limber_plan_printer_get_plan         (LimberPlanPrinter *self);
LimberSessionLog  *limber_plan_printer_get_session_log  (LimberPlanPrinter *self);
gboolean           limber_plan_printer_get_with_history (LimberPlanPrinter *self);
void               limber_plan_printer_set_with_history (LimberPlanPrinter *self,
                                                         gboolean           with_history);
gboolean           limber_plan_printer_export           (LimberPlanPrinter *self,
                                                         GFile             *file,
                                                         GError           **error);
void               limber_plan_printer_present          (LimberPlanPrinter *self,
                                                         GtkWindow         *parent);

G_END_DECLS
