/* limber-reminder.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "limber-background.h"

G_BEGIN_DECLS

/* The id of the reminder's notification, which the next one replaces. */
#define LIMBER_REMINDER_NOTIFICATION_ID "daily-reminder"

#define LIMBER_REMINDER_ERROR (limber_reminder_error_quark ())

typedef enum {
  LIMBER_REMINDER_ERROR_INVALID_TIME,
} LimberReminderError;

#define LIMBER_TYPE_REMINDER (limber_reminder_get_type ())

G_DECLARE_FINAL_TYPE (LimberReminder, limber_reminder, LIMBER, REMINDER, GObject)

GQuark            limber_reminder_error_quark    (void);
gboolean          limber_reminder_parse_time     (const char      *text,
                                                  guint           *minutes,
                                                  GError         **error);
char             *limber_reminder_format_time    (guint            minutes);

LimberReminder   *limber_reminder_new            (GApplication    *application,
                                                  GSettings       *settings);
gboolean          limber_reminder_get_enabled    (LimberReminder  *self);
GDateTime        *limber_reminder_get_next       (LimberReminder  *self);
const char       *limber_reminder_get_problem    (LimberReminder  *self);
LimberBackground *limber_reminder_get_background (LimberReminder  *self);
void              limber_reminder_withdraw       (LimberReminder  *self);

G_END_DECLS
