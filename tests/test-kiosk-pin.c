/* test-kiosk-pin.c: the clinic PIN, its hash and the limit on guesses.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <string.h>

#include "limber-kiosk-pin-private.h"
#include "limber-test-backend.h"

static void
assert_key (const guint8 *key,
            const char   *hex)
{
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < 32; i++)
    g_string_append_printf (got, "%02x", key[i]);
  g_assert_cmpstr (got->str, ==, hex);
}

/* The first 32 bytes of the PBKDF2-HMAC-SHA256 vectors in RFC 7914, section 11. */
static void
test_derive_known_vectors (void)
{
  guint8 key[32];

  limber_kiosk_pin_derive ("passwd", (const guint8 *)"salt", 4, 1, key);
  assert_key (key, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");

  limber_kiosk_pin_derive ("Password", (const guint8 *)"NaCl", 4, 80000, key);
  assert_key (key, "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56");
}

static void
test_valid_pins (void)
{
  g_assert_true (limber_kiosk_pin_is_valid ("0000"));
  g_assert_true (limber_kiosk_pin_is_valid ("123456789012"));
  g_assert_false (limber_kiosk_pin_is_valid (NULL));
  g_assert_false (limber_kiosk_pin_is_valid (""));
  g_assert_false (limber_kiosk_pin_is_valid ("123"));
  g_assert_false (limber_kiosk_pin_is_valid ("1234567890123"));
  g_assert_false (limber_kiosk_pin_is_valid ("12a4"));
  g_assert_false (limber_kiosk_pin_is_valid ("12 34"));
  g_assert_false (limber_kiosk_pin_is_valid ("١٢٣٤"));
}

/* The stored value is a salted hash: not the PIN, and never the same twice. */
static void
test_stored_value_is_not_the_pin (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_auto(GStrv) fields = NULL;

  g_assert_true (limber_kiosk_pin_store (settings, "482916", &error));
  g_assert_no_error (error);
  first = g_settings_get_string (settings, "kiosk-pin-hash");
  g_assert_true (limber_kiosk_pin_store (settings, "482916", &error));
  second = g_settings_get_string (settings, "kiosk-pin-hash");

  g_assert_null (strstr (first, "482916"));
  g_assert_cmpstr (first, !=, second);

  fields = g_strsplit (first, "$", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 4);
  g_assert_cmpstr (fields[0], ==, "pbkdf2-sha256");
  g_assert_cmpstr (fields[1], ==, "100000");
}

static void
test_store_refuses (void)
{
  const char *locked[] = { "kiosk-pin-hash", NULL };
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(GSettings) locked_settings = limber_test_settings_new (locked);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  g_assert_false (limber_kiosk_pin_store (settings, "12", &error));
  g_assert_error (error, LIMBER_KIOSK_PIN_ERROR, LIMBER_KIOSK_PIN_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (limber_kiosk_pin_store (locked_settings, "1234", &error));
  g_assert_error (error, LIMBER_KIOSK_PIN_ERROR, LIMBER_KIOSK_PIN_ERROR_NOT_WRITABLE);

  stored = g_settings_get_string (settings, "kiosk-pin-hash");
  g_assert_cmpstr (stored, ==, "");
}

typedef struct
{
  gint64 now;
} FakeClock;

static gint64
fake_clock (gpointer user_data)
{
  return ((FakeClock *)user_data)->now;
}

static LimberKioskPin *
pin_with_clock (GSettings  *settings,
                const char *pin,
                FakeClock  *clock)
{
  g_autofree char *hash = limber_kiosk_pin_hash_with_iterations (pin, 1000);
  LimberKioskPin *self = limber_kiosk_pin_new (settings);

  g_settings_set_string (settings, "kiosk-pin-hash", hash);
  clock->now = 1000 * G_USEC_PER_SEC;
  limber_kiosk_pin_set_clock (self, fake_clock, clock);

  return self;
}

static void
test_right_and_wrong (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  FakeClock clock;
  g_autoptr(LimberKioskPin) pin = pin_with_clock (settings, "2468", &clock);

  g_assert_true (limber_kiosk_pin_is_set (pin));
  g_assert_cmpint (limber_kiosk_pin_check (pin, "2469"), ==, LIMBER_KIOSK_PIN_WRONG);
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, 4);
  g_assert_cmpint (limber_kiosk_pin_check (pin, "24680"), ==, LIMBER_KIOSK_PIN_WRONG);
  g_assert_cmpint (limber_kiosk_pin_check (pin, ""), ==, LIMBER_KIOSK_PIN_WRONG);
  g_assert_cmpint (limber_kiosk_pin_check (pin, "2468"), ==, LIMBER_KIOSK_PIN_ACCEPTED);
  /* A right PIN starts the count of wrong ones again. */
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, LIMBER_KIOSK_PIN_MAX_TRIES);
}

/* Five wrong tries lock entry for 60 s; a sixth try inside them is refused
 * without being compared, even the right PIN; after them it is accepted. */
static void
test_lock_after_five_wrong_tries (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  FakeClock clock;
  g_autoptr(LimberKioskPin) pin = pin_with_clock (settings, "2468", &clock);

  for (guint i = 1; i < LIMBER_KIOSK_PIN_MAX_TRIES; i++)
    g_assert_cmpint (limber_kiosk_pin_check (pin, "1111"), ==, LIMBER_KIOSK_PIN_WRONG);
  g_assert_cmpint (limber_kiosk_pin_check (pin, "1111"), ==, LIMBER_KIOSK_PIN_LOCKED);
  g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 5);
  g_assert_cmpuint (limber_kiosk_pin_get_seconds_locked (pin), ==, 60);
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, 0);

  clock.now += 59 * G_USEC_PER_SEC;
  g_assert_cmpint (limber_kiosk_pin_check (pin, "2468"), ==, LIMBER_KIOSK_PIN_LOCKED);
  g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 5);
  g_assert_cmpuint (limber_kiosk_pin_get_seconds_locked (pin), ==, 1);

  clock.now += 1 * G_USEC_PER_SEC;
  g_assert_cmpuint (limber_kiosk_pin_get_seconds_locked (pin), ==, 0);
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, LIMBER_KIOSK_PIN_MAX_TRIES);
  g_assert_cmpint (limber_kiosk_pin_check (pin, "2468"), ==, LIMBER_KIOSK_PIN_ACCEPTED);
  g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 6);
}

static void
test_not_set (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberKioskPin) pin = limber_kiosk_pin_new (settings);

  g_assert_false (limber_kiosk_pin_is_set (pin));
  g_assert_cmpint (limber_kiosk_pin_check (pin, "1234"), ==, LIMBER_KIOSK_PIN_NOT_SET);
  g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 0);
}

/* A hash damaged in the settings (a hand-edited dconf file) lets nobody in,
 * and says why, rather than crashing the kiosk. */
static void
test_damaged_hash (void)
{
  const char *damaged[] = {
    "1234",
    "pbkdf2-sha256$100000$c2FsdA==",
    "pbkdf2-sha1$1000$c2FsdA==$AAAA",
    "pbkdf2-sha256$0$c2FsdA==$AAAA",
    "pbkdf2-sha256$1000$c2FsdA==$AAAA",
  };
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr(LimberKioskPin) pin = limber_kiosk_pin_new (settings);

      g_settings_set_string (settings, "kiosk-pin-hash", damaged[i]);
      g_test_expect_message ("limber-kiosk-pin", G_LOG_LEVEL_WARNING, "The kiosk PIN in the settings is*");
      g_assert_cmpint (limber_kiosk_pin_check (pin, "1234"), ==, LIMBER_KIOSK_PIN_WRONG);
      g_test_assert_expected_messages ();
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk-pin/derive-known-vectors", test_derive_known_vectors);
  g_test_add_func ("/kiosk-pin/valid-pins", test_valid_pins);
  g_test_add_func ("/kiosk-pin/stored-value-is-not-the-pin", test_stored_value_is_not_the_pin);
  g_test_add_func ("/kiosk-pin/store-refuses", test_store_refuses);
  g_test_add_func ("/kiosk-pin/right-and-wrong", test_right_and_wrong);
  g_test_add_func ("/kiosk-pin/lock-after-five-wrong-tries", test_lock_after_five_wrong_tries);
  g_test_add_func ("/kiosk-pin/not-set", test_not_set);
  g_test_add_func ("/kiosk-pin/damaged-hash", test_damaged_hash);

  return g_test_run ();
}
