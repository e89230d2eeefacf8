/* limber-preferences-dialog-private.h: what the tests reach inside Preferences.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-preferences-dialog.h"

G_BEGIN_DECLS

/* The row that shows and sets @key. */
GtkWidget *limber_preferences_dialog_get_row (LimberPreferencesDialog *self,
                                              const char              *key);

G_END_DECLS
