/* limber-preferences-dialog.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-compat.h"
#include "limber-reminder.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_PREFERENCES_DIALOG (limber_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LimberPreferencesDialog, limber_preferences_dialog, LIMBER, PREFERENCES_DIALOG,
                      LimberCompatPreferences)

GtkWidget *limber_preferences_dialog_new (GSettings      *settings,
                                          LimberReminder *reminder);

G_END_DECLS
