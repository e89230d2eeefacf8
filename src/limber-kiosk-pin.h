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
/* Wrong tries allowed before entry is locked, for how long the first lock
 * lasts, and the longest one: each wrong try after those five locks entry
 * again, for twice as long as the lock before it. */
#define LIMBER_KIOSK_PIN_MAX_TRIES          5
#define LIMBER_KIOSK_PIN_LOCK_SECONDS      60
#define LIMBER_KIOSK_PIN_MAX_LOCK_SECONDS  (24 * 60 * 60)

#define LIMBER_KIOSK_PIN_ERROR (limber_kiosk_pin_error_quark ())

typedef enum {
  LIMBER_KIOSK_PIN_ERROR_INVALID,
  LIMBER_KIOSK_PIN_ERROR_NOT_WRITABLE,
  LIMBER_KIOSK_PIN_ERROR_DAMAGED,
  LIMBER_KIOSK_PIN_ERROR_FAILED,
} LimberKioskPinError;

typedef enum {
  LIMBER_KIOSK_PIN_ACCEPTED,
  LIMBER_KIOSK_PIN_WRONG,
  LIMBER_KIOSK_PIN_LOCKED,
  LIMBER_KIOSK_PIN_NOT_SET,
  /* The stored hash is not one Limber accepts: no PIN can be right. */
  LIMBER_KIOSK_PIN_DAMAGED,
  /* Not 4 to 12 digits: refused without spending a try. */
  LIMBER_KIOSK_PIN_NOT_A_PIN,
  /* Cancelled, or another PIN is being checked: see the GError. */
  LIMBER_KIOSK_PIN_FAILED,
} LimberKioskPinResult;

/* A PIN, or what was typed for one, in memory: wiped when freed. */
typedef char LimberKioskPinSecret;

#define LIMBER_TYPE_KIOSK_PIN (limber_kiosk_pin_get_type ())

G_DECLARE_FINAL_TYPE (LimberKioskPin, limber_kiosk_pin, LIMBER, KIOSK_PIN, GObject)

GQuark                limber_kiosk_pin_error_quark        (void);

LimberKioskPin       *limber_kiosk_pin_new                (GSettings            *settings);
gboolean              limber_kiosk_pin_is_set             (LimberKioskPin       *self);
void                  limber_kiosk_pin_check_async        (LimberKioskPin       *self,
                                                           const char           *pin,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
LimberKioskPinResult  limber_kiosk_pin_check_finish       (LimberKioskPin       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
gboolean              limber_kiosk_pin_get_checking       (LimberKioskPin       *self);
guint                 limber_kiosk_pin_get_tries_left     (LimberKioskPin       *self);
guint                 limber_kiosk_pin_get_seconds_locked (LimberKioskPin       *self);

char                 *limber_kiosk_pin_normalize          (const char           *text);
void                  limber_kiosk_pin_secret_free        (LimberKioskPinSecret *secret);
char                 *limber_kiosk_pin_hash               (const char           *pin,
                                                           GError              **error);
gboolean              limber_kiosk_pin_store              (GSettings            *settings,
                                                           const char           *pin,
                                                           GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimberKioskPinSecret, limber_kiosk_pin_secret_free)

G_END_DECLS
