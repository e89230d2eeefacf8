/* limber-kiosk-pin-private.h: what the tests reach inside the PIN check.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-kiosk-pin.h"

G_BEGIN_DECLS

typedef gint64 (*LimberKioskPinClock) (gpointer user_data);

/* Instead of g_get_monotonic_time(), in microseconds. */
void   limber_kiosk_pin_set_clock            (LimberKioskPin      *self,
                                              LimberKioskPinClock  clock,
                                              gpointer             user_data);
/* How many times a PIN was compared with the stored hash. */
guint  limber_kiosk_pin_get_n_comparisons    (LimberKioskPin      *self);
char  *limber_kiosk_pin_hash_with_iterations (const char          *pin,
                                              guint                iterations);
void   limber_kiosk_pin_derive               (const char          *pin,
                                              const guint8        *salt,
                                              gsize                salt_length,
                                              guint                iterations,
                                              guint8               key[32]);

G_END_DECLS
