/* limber-kiosk-pin.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clinic PIN that leaves kiosk mode. Only a salted PBKDF2-HMAC-SHA256
 * key is stored, as "pbkdf2-sha256$ITERATIONS$SALT$KEY" (base64), so that
 * reading the settings does not give the PIN away; and wrong guesses are
 * limited, because a PIN has few digits.
 */

#define G_LOG_DOMAIN "limber-kiosk-pin"

#include "limber-config.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>
#include <glib/gi18n-lib.h>

#include "limber-kiosk-pin-private.h"

#define HASH_SCHEME      "pbkdf2-sha256"
#define HASH_ITERATIONS  100000
#define SALT_LENGTH      16
#define KEY_LENGTH       32

struct _LimberKioskPin
{
  GObject              parent_instance;

  GSettings           *settings;
  guint                wrong_tries;
  gint64               locked_until;
  guint                n_comparisons;
  LimberKioskPinClock  clock;
  gpointer             clock_data;
};

G_DEFINE_FINAL_TYPE (LimberKioskPin, limber_kiosk_pin, G_TYPE_OBJECT)

G_DEFINE_QUARK (limber-kiosk-pin-error-quark, limber_kiosk_pin_error)

static gint64
monotonic_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

/* PBKDF2 (RFC 8018) for a key of one SHA-256 block. */
void
limber_kiosk_pin_derive (const char   *pin,
                         const guint8 *salt,
                         gsize         salt_length,
                         guint         iterations,
                         guint8        key[KEY_LENGTH])
{
  static const guint8 block_index[] = { 0, 0, 0, 1 };
  g_autoptr(GHmac) keyed = g_hmac_new (G_CHECKSUM_SHA256, (const guint8 *)pin, strlen (pin));
  g_autoptr(GHmac) first = g_hmac_copy (keyed);
  guint8 u[KEY_LENGTH];
  gsize length = sizeof u;

  g_hmac_update (first, salt, salt_length);
  g_hmac_update (first, block_index, sizeof block_index);
  g_hmac_get_digest (first, u, &length);
  memcpy (key, u, KEY_LENGTH);

  for (guint i = 1; i < iterations; i++)
    {
      /* A copy of the keyed state saves hashing the key again each time. */
      g_autoptr(GHmac) next = g_hmac_copy (keyed);

      g_hmac_update (next, u, sizeof u);
      length = sizeof u;
      g_hmac_get_digest (next, u, &length);
      for (guint j = 0; j < KEY_LENGTH; j++)
        key[j] ^= u[j];
    }
}

gboolean
limber_kiosk_pin_is_valid (const char *pin)
{
  gsize length;

  if (pin == NULL)
    return FALSE;

  length = strlen (pin);
  if (length < LIMBER_KIOSK_PIN_MIN_DIGITS || length > LIMBER_KIOSK_PIN_MAX_DIGITS)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (pin[i]))
      return FALSE;

  return TRUE;
}

char *
limber_kiosk_pin_hash_with_iterations (const char *pin,
                                       guint       iterations)
{
  guint8 salt[SALT_LENGTH];
  guint8 key[KEY_LENGTH];
  g_autofree char *salt64 = NULL;
  g_autofree char *key64 = NULL;

  g_return_val_if_fail (pin != NULL, NULL);
  g_return_val_if_fail (iterations > 0, NULL);

  /* The kernel's generator: GLib's g_random is not meant for secrets. */
  if (getrandom (salt, sizeof salt, 0) != sizeof salt)
    g_error ("No random bytes for a salt: %s", g_strerror (errno));

  limber_kiosk_pin_derive (pin, salt, sizeof salt, iterations, key);
  salt64 = g_base64_encode (salt, sizeof salt);
  key64 = g_base64_encode (key, sizeof key);

  return g_strdup_printf (HASH_SCHEME "$%u$%s$%s", iterations, salt64, key64);
}

/**
 * limber_kiosk_pin_hash:
 *
 * Returns: the string to keep in the kiosk-pin-hash key for @pin.
 */
char *
limber_kiosk_pin_hash (const char *pin)
{
  return limber_kiosk_pin_hash_with_iterations (pin, HASH_ITERATIONS);
}

/* Every byte is looked at whatever the first difference: the time taken
 * says nothing about how much of a guess was right. */
static gboolean
keys_equal (const guint8 *a,
            const guint8 *b)
{
  guint8 difference = 0;

  for (guint i = 0; i < KEY_LENGTH; i++)
    difference |= a[i] ^ b[i];

  return difference == 0;
}

static gboolean
matches_stored (const char *pin,
                const char *stored)
{
  g_auto(GStrv) fields = g_strsplit (stored, "$", -1);
  g_autofree guint8 *salt = NULL;
  g_autofree guint8 *expected = NULL;
  gsize salt_length = 0;
  gsize key_length = 0;
  guint64 iterations = 0;
  guint8 key[KEY_LENGTH];

  if (g_strv_length (fields) != 4 || !g_str_equal (fields[0], HASH_SCHEME) ||
      !g_ascii_string_to_unsigned (fields[1], 10, 1, G_MAXUINT32, &iterations, NULL))
    {
      g_warning ("The kiosk PIN in the settings is not a hash Limber made; set it again with --set-kiosk-pin");
      return FALSE;
    }

  salt = g_base64_decode (fields[2], &salt_length);
  expected = g_base64_decode (fields[3], &key_length);
  if (salt_length == 0 || key_length != KEY_LENGTH)
    {
      g_warning ("The kiosk PIN in the settings is damaged; set it again with --set-kiosk-pin");
      return FALSE;
    }

  limber_kiosk_pin_derive (pin, salt, salt_length, (guint) iterations, key);
  return keys_equal (key, expected);
}

static void
limber_kiosk_pin_dispose (GObject *object)
{
  LimberKioskPin *self = (LimberKioskPin *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_kiosk_pin_parent_class)->dispose (object);
}

static void
limber_kiosk_pin_class_init (LimberKioskPinClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = limber_kiosk_pin_dispose;
}

static void
limber_kiosk_pin_init (LimberKioskPin *self)
{
  self->clock = monotonic_clock;
}

LimberKioskPin *
limber_kiosk_pin_new (GSettings *settings)
{
  LimberKioskPin *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LIMBER_TYPE_KIOSK_PIN, NULL);
  self->settings = g_object_ref (settings);

  return self;
}

gboolean
limber_kiosk_pin_is_set (LimberKioskPin *self)
{
  g_autofree char *stored = NULL;

  g_return_val_if_fail (LIMBER_IS_KIOSK_PIN (self), FALSE);

  stored = g_settings_get_string (self->settings, "kiosk-pin-hash");
  return stored[0] != '\0';
}

/* A lock that has run out gives a fresh set of tries. */
static void
forget_expired_lock (LimberKioskPin *self)
{
  if (self->wrong_tries >= LIMBER_KIOSK_PIN_MAX_TRIES && self->locked_until <= self->clock (self->clock_data))
    self->wrong_tries = 0;
}

guint
limber_kiosk_pin_get_seconds_locked (LimberKioskPin *self)
{
  gint64 now;

  g_return_val_if_fail (LIMBER_IS_KIOSK_PIN (self), 0);

  now = self->clock (self->clock_data);
  if (self->locked_until <= now)
    return 0;

  return (guint) ((self->locked_until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

guint
limber_kiosk_pin_get_tries_left (LimberKioskPin *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK_PIN (self), 0);

  forget_expired_lock (self);
  return LIMBER_KIOSK_PIN_MAX_TRIES - MIN (self->wrong_tries, LIMBER_KIOSK_PIN_MAX_TRIES);
}

/**
 * limber_kiosk_pin_check:
 *
 * Compares @pin with the stored hash, unless entry is locked after too many
 * wrong tries: then it is refused without being looked at.
 */
LimberKioskPinResult
limber_kiosk_pin_check (LimberKioskPin *self,
                        const char     *pin)
{
  g_autofree char *stored = NULL;

  g_return_val_if_fail (LIMBER_IS_KIOSK_PIN (self), LIMBER_KIOSK_PIN_WRONG);
  g_return_val_if_fail (pin != NULL, LIMBER_KIOSK_PIN_WRONG);

  if (limber_kiosk_pin_get_seconds_locked (self) > 0)
    return LIMBER_KIOSK_PIN_LOCKED;

  forget_expired_lock (self);

  stored = g_settings_get_string (self->settings, "kiosk-pin-hash");
  if (stored[0] == '\0')
    return LIMBER_KIOSK_PIN_NOT_SET;

  self->n_comparisons++;
  if (limber_kiosk_pin_is_valid (pin) && matches_stored (pin, stored))
    {
      self->wrong_tries = 0;
      return LIMBER_KIOSK_PIN_ACCEPTED;
    }

  self->wrong_tries++;
  if (self->wrong_tries >= LIMBER_KIOSK_PIN_MAX_TRIES)
    {
      g_message ("Kiosk PIN entry locked for %d s after %d wrong tries",
                 LIMBER_KIOSK_PIN_LOCK_SECONDS, LIMBER_KIOSK_PIN_MAX_TRIES);
      self->locked_until = self->clock (self->clock_data) + LIMBER_KIOSK_PIN_LOCK_SECONDS * G_USEC_PER_SEC;
      return LIMBER_KIOSK_PIN_LOCKED;
    }

  return LIMBER_KIOSK_PIN_WRONG;
}

/**
 * limber_kiosk_pin_store:
 *
 * Keeps the hash of @pin as the clinic PIN, if @pin is 4 to 12 digits and
 * the clinic's configuration does not fix the key.
 */
gboolean
limber_kiosk_pin_store (GSettings   *settings,
                        const char  *pin,
                        GError     **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  if (!limber_kiosk_pin_is_valid (pin))
    {
      g_set_error (error, LIMBER_KIOSK_PIN_ERROR, LIMBER_KIOSK_PIN_ERROR_INVALID,
                   _("A PIN is %d to %d digits, 0 to 9"), LIMBER_KIOSK_PIN_MIN_DIGITS, LIMBER_KIOSK_PIN_MAX_DIGITS);
      return FALSE;
    }

  if (!g_settings_is_writable (settings, "kiosk-pin-hash"))
    {
      g_set_error_literal (error, LIMBER_KIOSK_PIN_ERROR, LIMBER_KIOSK_PIN_ERROR_NOT_WRITABLE,
                           _("The PIN is set by the clinic’s configuration and cannot be changed here"));
      return FALSE;
    }

  hash = limber_kiosk_pin_hash (pin);
  return g_settings_set_string (settings, "kiosk-pin-hash", hash);
}

void
limber_kiosk_pin_set_clock (LimberKioskPin      *self,
                            LimberKioskPinClock  clock,
                            gpointer             user_data)
{
  self->clock = clock != NULL ? clock : monotonic_clock;
  self->clock_data = user_data;
}

guint
limber_kiosk_pin_get_n_comparisons (LimberKioskPin *self)
{
  return self->n_comparisons;
}
