/* limber-plan-page-private.h: what the tests reach inside the plan page.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-plan-page.h"

G_BEGIN_DECLS

GtkWidget *limber_plan_page_get_reset_button (LimberPlanPage *self);
AdwToast  *limber_plan_page_get_undo_toast   (LimberPlanPage *self);
GtkWidget *limber_plan_page_get_handout_row  (LimberPlanPage *self,
                                              const char     *id);
GtkWidget *limber_plan_page_get_show_row     (LimberPlanPage *self,
                                              const char     *id);
GtkWidget *limber_plan_page_get_show_switch  (LimberPlanPage *self,
                                              const char     *id);
GtkWidget *limber_plan_page_get_hold_row     (LimberPlanPage *self,
                                              const char     *id);
GtkWidget *limber_plan_page_get_hold_spin    (LimberPlanPage *self,
                                              const char     *id);
GtkWidget *limber_plan_page_get_repetitions_row  (LimberPlanPage *self,
                                                  const char     *id);
GtkWidget *limber_plan_page_get_repetitions_spin (LimberPlanPage *self,
                                                  const char     *id);

G_END_DECLS
