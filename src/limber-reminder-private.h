/* limber-reminder-private.h: what the tests reach inside the reminder.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-reminder.h"

G_BEGIN_DECLS

/* The time now, in the time zone the reminder is to follow. */
typedef GDateTime *(*LimberReminderClock) (gpointer user_data);

/* A clock of the test's own. @time_scale says how many of its seconds pass
 * in one real second: the reminder's waits are shortened as much. */
void       limber_reminder_set_clock      (LimberReminder      *self,
                                           LimberReminderClock  clock,
                                           gpointer             user_data,
                                           double               time_scale);
/* The time the last reminder was for (not when it was noticed), or NULL. */
GDateTime *limber_reminder_get_last_fired (LimberReminder      *self);

G_END_DECLS
