/* limber-plan-page.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-plan.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PLAN_PAGE (limber_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (LimberPlanPage, limber_plan_page, LIMBER, PLAN_PAGE, AdwPreferencesPage)

GtkWidget  *limber_plan_page_new               (LimberPlan     *plan);
LimberPlan *limber_plan_page_get_plan          (LimberPlanPage *self);
GtkWidget  *limber_plan_page_get_initial_focus (LimberPlanPage *self);

G_END_DECLS
