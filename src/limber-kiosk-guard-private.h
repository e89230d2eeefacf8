/* limber-kiosk-guard-private.h: what the tests reach inside the kiosk's lock-down.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-kiosk-guard.h"
#include "limber-kiosk-pin.h"

G_BEGIN_DECLS

/* Multiplies the chord's hold and the pointer's timeout, whatever the
 * countdowns' default; 1.0 is real time. */
void            limber_kiosk_guard_set_time_scale    (LimberKioskGuard *self,
                                                      double            scale);
GtkWidget      *limber_kiosk_guard_get_unlock        (LimberKioskGuard *self);
LimberKioskPin *limber_kiosk_guard_get_pin           (LimberKioskGuard *self);
gboolean        limber_kiosk_guard_get_pointer_hidden (LimberKioskGuard *self);
guint           limber_kiosk_guard_get_n_refused_closes (LimberKioskGuard *self);

G_END_DECLS
