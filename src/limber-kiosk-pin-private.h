/* limber-kiosk-pin-private.h: what the tests and the benchmark reach inside the PIN check.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-kiosk-pin.h"

G_BEGIN_DECLS

typedef gint64 (*LimberKioskPinClock) (gpointer user_data);
typedef void   (*LimberKioskPinHook)  (gpointer user_data);

/* Instead of g_get_real_time(): the wall clock, in microseconds. */
void        limber_kiosk_pin_set_clock            (LimberKioskPin      *self,
                                                   LimberKioskPinClock  clock,
                                                   gpointer             user_data);
/* Called in the checking thread, before the hash is computed. */
void        limber_kiosk_pin_set_check_hook       (LimberKioskPin      *self,
                                                   LimberKioskPinHook   hook,
                                                   gpointer             user_data);
/* The file that keeps the wrong tries across restarts. */
const char *limber_kiosk_pin_get_state_path       (LimberKioskPin      *self);
/* How many times a PIN was compared with the stored hash. */
guint       limber_kiosk_pin_get_n_comparisons    (LimberKioskPin      *self);

/* Blocking: compares @pin, ASCII digits, with @stored. On a hash Limber
 * does not accept, FALSE and LIMBER_KIOSK_PIN_ERROR_DAMAGED. */
gboolean    limber_kiosk_pin_verify_hash          (const char          *stored,
                                                   const char          *pin,
                                                   gboolean            *matches,
                                                   GError             **error);
/* The hashes Limber stored before yescrypt, which are still accepted. */
char       *limber_kiosk_pin_hash_pbkdf2          (const char          *pin,
                                                   guint                iterations);
void        limber_kiosk_pin_derive               (const char          *pin,
                                                   const guint8        *salt,
                                                   gsize                salt_length,
                                                   guint                iterations,
                                                   guint8               key[32]);

G_END_DECLS
