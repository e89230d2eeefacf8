/* limber-kiosk-unlock.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-kiosk-pin.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_KIOSK_UNLOCK (limber_kiosk_unlock_get_type ())

G_DECLARE_FINAL_TYPE (LimberKioskUnlock, limber_kiosk_unlock, LIMBER, KIOSK_UNLOCK, AdwBin)

GtkWidget *limber_kiosk_unlock_new   (LimberKioskPin    *pin);
void       limber_kiosk_unlock_reset (LimberKioskUnlock *self);

G_END_DECLS
