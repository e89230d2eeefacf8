/* limber-kiosk-pin.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_KIOSK_PIN_MIN_DIGITS 4
#define LIMBER_KIOSK_PIN_MAX_DIGITS 12
/* Wrong tries allowed before entry is locked, and for how long. */
#define LIMBER_KIOSK_PIN_MAX_TRIES     5
#define LIMBER_KIOSK_PIN_LOCK_SECONDS 60

#define LIMBER_KIOSK_PIN_ERROR (limber_kiosk_pin_error_quark ())

typedef enum {
  LIMBER_KIOSK_PIN_ERROR_INVALID,
  LIMBER_KIOSK_PIN_ERROR_NOT_WRITABLE,
} LimberKioskPinError;

typedef enum {
  LIMBER_KIOSK_PIN_ACCEPTED,
  LIMBER_KIOSK_PIN_WRONG,
  LIMBER_KIOSK_PIN_LOCKED,
  LIMBER_KIOSK_PIN_NOT_SET,
} LimberKioskPinResult;

#define LIMBER_TYPE_KIOSK_PIN (limber_kiosk_pin_get_type ())

G_DECLARE_FINAL_TYPE (LimberKioskPin, limber_kiosk_pin, LIMBER, KIOSK_PIN, GObject)

GQuark                limber_kiosk_pin_error_quark       (void);

LimberKioskPin       *limber_kiosk_pin_new               (GSettings      *settings);
gboolean              limber_kiosk_pin_is_set            (LimberKioskPin *self);
LimberKioskPinResult  limber_kiosk_pin_check             (LimberKioskPin *self,
                                                          const char     *pin);
guint                 limber_kiosk_pin_get_tries_left    (LimberKioskPin *self);
guint                 limber_kiosk_pin_get_seconds_locked (LimberKioskPin *self);

gboolean              limber_kiosk_pin_is_valid          (const char     *pin);
char                 *limber_kiosk_pin_hash              (const char     *pin);
gboolean              limber_kiosk_pin_store             (GSettings      *settings,
                                                          const char     *pin,
                                                          GError        **error);

G_END_DECLS
