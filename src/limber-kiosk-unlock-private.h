/* limber-kiosk-unlock-private.h: what the tests reach inside the PIN panel.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-kiosk-unlock.h"

G_BEGIN_DECLS

GtkWidget  *limber_kiosk_unlock_get_entry   (LimberKioskUnlock *self);
const char *limber_kiosk_unlock_get_message (LimberKioskUnlock *self);

G_END_DECLS
