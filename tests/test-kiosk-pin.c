/* test-kiosk-pin.c: the clinic PIN, its hash and the limit on guesses.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include <string.h>
#include <glib/gstdio.h>

#include "limber-kiosk-pin-private.h"
#include "limber-settings-writer.h"
#include "limber-test-backend.h"

#define PIN "2468"
/* PIN with a 16-byte salt 01…10 and 100,000 iterations, as Limber stored it
 * before yescrypt; made with Python's hashlib.pbkdf2_hmac, not with Limber. */
#define PBKDF2_FIXTURE "pbkdf2-sha256$100000$AQIDBAUGBwgJCgsMDQ4PEA==$oYJtYHxc0SSpTDzVlrFBsY9H1yyAyLYq2X5LctLx9S8="
/* What libxcrypt writes for yescrypt at cost 7. */
#define YESCRYPT_COST_7 "$y$jBT$"
/* Two o'clock on 1 December 2026, in microseconds. */
#define START_TIME (G_GINT64_CONSTANT (1796090400) * G_USEC_PER_SEC)
#define DAY (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)

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

/* Digits of any script are digits; anything else is not a PIN. */
static void
test_normalize (void)
{
  static const struct { const char *typed; const char *pin; } cases[] = {
    { "0000", "0000" },
    { "123456789012", "123456789012" },
    { "٢٤٦٨", "2468" },                 /* Arabic-Indic */
    { "۲۴۶۸", "2468" },                 /* Extended Arabic-Indic, as Persian and Urdu type them */
    { "２４６８", "2468" },             /* full-width */
    { "२४६८", "2468" },                 /* Devanagari */
    { "২৪৬৮", "2468" },                 /* Bengali */
    { "2٤6８", "2468" },                /* mixed */
    { NULL, NULL },
    { "", NULL },
    { "123", NULL },
    { "1234567890123", NULL },
    { "١٢٣٤٥٦٧٨٩٠١٢٣", NULL },         /* thirteen */
    { "12a4", NULL },
    { "12 34", NULL },
    { " 1234", NULL },
    { "1234\n", NULL },
    { "²345", NULL },                   /* a superscript is not a digit */
    { "½234", NULL },
    { "\xff" "1234", NULL },            /* not UTF-8 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *pin = limber_kiosk_pin_normalize (cases[i].typed);

      g_assert_cmpstr (pin, ==, cases[i].pin);
    }
}

static gboolean
verify (const char *stored,
        const char *pin)
{
  g_autoptr(GError) error = NULL;
  gboolean matches = FALSE;

  g_assert_true (limber_kiosk_pin_verify_hash (stored, pin, &matches, &error));
  g_assert_no_error (error);
  return matches;
}

/* The stored value is a yescrypt hash: not the PIN, and never the same twice. */
static void
test_stored_value_is_yescrypt (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *arabic = NULL;

  g_assert_true (limber_kiosk_pin_store (settings, "482916", &error));
  g_assert_no_error (error);
  first = g_settings_get_string (settings, "kiosk-pin-hash");
  g_assert_true (limber_kiosk_pin_store (settings, "482916", &error));
  second = g_settings_get_string (settings, "kiosk-pin-hash");

  g_assert_null (strstr (first, "482916"));
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_str_has_prefix (first, YESCRYPT_COST_7));
  g_assert_true (verify (first, "482916"));
  g_assert_true (verify (second, "482916"));
  g_assert_false (verify (first, "482917"));
  g_assert_false (verify (first, "4829160"));

  /* Stored from Arabic-Indic digits, it is the same PIN. */
  g_assert_true (limber_kiosk_pin_store (settings, "٤٨٢٩١٦", &error));
  g_assert_no_error (error);
  arabic = g_settings_get_string (settings, "kiosk-pin-hash");
  g_assert_true (verify (arabic, "482916"));
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
  g_assert_nonnull (strstr (error->message, "4 to 12 digits"));
  g_clear_error (&error);

  g_assert_false (limber_kiosk_pin_store (settings, "12a4", &error));
  g_assert_error (error, LIMBER_KIOSK_PIN_ERROR, LIMBER_KIOSK_PIN_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (limber_kiosk_pin_store (locked_settings, "1234", &error));
  g_assert_error (error, LIMBER_KIOSK_PIN_ERROR, LIMBER_KIOSK_PIN_ERROR_NOT_WRITABLE);

  stored = g_settings_get_string (settings, "kiosk-pin-hash");
  g_assert_cmpstr (stored, ==, "");
}

/* A settings storage that takes nothing (the Flatpak's keyfile in a folder
 * that cannot be made) is named as such, not blamed on the clinic. */
static void
test_store_unwritable_storage (void)
{
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  g_test_expect_message ("GLib-GIO", G_LOG_LEVEL_WARNING, "Failed to create*");
  backend = g_keyfile_settings_backend_new ("/proc/limber-nowhere/keyfile", "/io/github/limberapp/Limber/", NULL);
  settings = g_settings_new_with_backend ("io.github.limberapp.Limber", backend);
  g_test_assert_expected_messages ();

  g_assert_false (limber_kiosk_pin_store (settings, "1234", &error));
  g_assert_error (error, LIMBER_SETTINGS_WRITER_ERROR, LIMBER_SETTINGS_WRITER_ERROR_READ_ONLY);
  g_assert_null (strstr (error->message, "clinic"));
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

/* A new LimberKioskPin is what a restart of Limber makes. */
static LimberKioskPin *
pin_on_clock (GSettings *settings,
              FakeClock *clock)
{
  LimberKioskPin *self = limber_kiosk_pin_new (settings);

  limber_kiosk_pin_set_clock (self, fake_clock, clock);
  return self;
}

static void
store_pin (GSettings  *settings,
           const char *pin)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (limber_kiosk_pin_store (settings, pin, &error));
  g_assert_no_error (error);
}

typedef struct
{
  gboolean             done;
  LimberKioskPinResult result;
  GError              *error;
} Answer;

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Answer *answer = user_data;

  answer->result = limber_kiosk_pin_check_finish (LIMBER_KIOSK_PIN (source), result, &answer->error);
  answer->done = TRUE;
}

static void
wait_for (Answer *answer)
{
  while (!answer->done)
    g_main_context_iteration (NULL, TRUE);
}

static LimberKioskPinResult
check (LimberKioskPin *pin,
       const char     *typed)
{
  Answer answer = { 0 };

  limber_kiosk_pin_check_async (pin, typed, NULL, on_checked, &answer);
  wait_for (&answer);
  g_assert_no_error (answer.error);
  g_assert_false (limber_kiosk_pin_get_checking (pin));

  return answer.result;
}

static void
test_right_and_wrong (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  FakeClock clock = { START_TIME };
  g_autoptr(LimberKioskPin) pin = pin_on_clock (settings, &clock);

  store_pin (settings, PIN);
  g_assert_true (limber_kiosk_pin_is_set (pin));
  g_assert_cmpint (check (pin, "2469"), ==, LIMBER_KIOSK_PIN_WRONG);
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, 4);
  g_assert_cmpint (check (pin, "24680"), ==, LIMBER_KIOSK_PIN_WRONG);
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, 3);
  g_assert_cmpint (check (pin, PIN), ==, LIMBER_KIOSK_PIN_ACCEPTED);
  /* A right PIN starts the count of wrong ones again. */
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, LIMBER_KIOSK_PIN_MAX_TRIES);
  g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 3);
}

/* The same PIN typed on an Arabic, Persian, Hindi or full-width keyboard. */
static void
test_digits_of_any_script (void)
{
  const char *spellings[] = { "٢٤٦٨", "۲۴۶۸", "２４６８", "२४६८" };
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  FakeClock clock = { START_TIME };
  g_autoptr(LimberKioskPin) pin = pin_on_clock (settings, &clock);

  store_pin (settings, PIN);
  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_assert_cmpint (check (pin, spellings[i]), ==, LIMBER_KIOSK_PIN_ACCEPTED);
      g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, i + 1);
    }

  /* Wrong in another script is wrong, and counts. */
  g_assert_cmpint (check (pin, "٢٤٦٩"), ==, LIMBER_KIOSK_PIN_WRONG);
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, 4);
}

/* What cannot be a PIN is refused without a try, and without a hash. */
static void
test_not_a_pin_spends_no_try (void)
{
  const char *typed[] = { "", "12a4", "123", "1234567890123", "٢٤x٨", "24 68", "2468#" };
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  FakeClock clock = { START_TIME };
  g_autoptr(LimberKioskPin) pin = pin_on_clock (settings, &clock);

  store_pin (settings, PIN);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    g_assert_cmpint (check (pin, typed[i]), ==, LIMBER_KIOSK_PIN_NOT_A_PIN);

  g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 0);
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, LIMBER_KIOSK_PIN_MAX_TRIES);
  g_assert_false (g_file_test (limber_kiosk_pin_get_state_path (pin), G_FILE_TEST_EXISTS));
}

/* A hash from before yescrypt lets the right PIN in, and is replaced by a
 * yescrypt hash of it. */
static void
test_pbkdf2_rehashed (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  FakeClock clock = { START_TIME };
  g_autoptr(LimberKioskPin) pin = pin_on_clock (settings, &clock);
  g_autofree char *stored = NULL;

  g_settings_set_string (settings, "kiosk-pin-hash", PBKDF2_FIXTURE);
  g_assert_true (verify (PBKDF2_FIXTURE, PIN));

  g_assert_cmpint (check (pin, "1357"), ==, LIMBER_KIOSK_PIN_WRONG);
  stored = g_settings_get_string (settings, "kiosk-pin-hash");
  g_assert_cmpstr (stored, ==, PBKDF2_FIXTURE);
  g_clear_pointer (&stored, g_free);

  g_assert_cmpint (check (pin, PIN), ==, LIMBER_KIOSK_PIN_ACCEPTED);
  stored = g_settings_get_string (settings, "kiosk-pin-hash");
  g_assert_true (g_str_has_prefix (stored, YESCRYPT_COST_7));
  g_assert_true (verify (stored, PIN));

  g_assert_cmpint (check (pin, PIN), ==, LIMBER_KIOSK_PIN_ACCEPTED);
  g_assert_cmpint (check (pin, "1357"), ==, LIMBER_KIOSK_PIN_WRONG);
}

/* A fleet's locked key stays as the clinic wrote it; the PIN still works. */
static void
test_pbkdf2_locked_stays (void)
{
  const char *locked[] = { "kiosk-pin-hash", NULL };
  g_autoptr(GSettings) settings = limber_test_settings_new (locked);
  FakeClock clock = { START_TIME };
  g_autoptr(LimberKioskPin) pin = pin_on_clock (settings, &clock);
  g_autofree char *stored = NULL;

  /* The memory backend writes even a key it reports as locked. */
  g_settings_set_string (settings, "kiosk-pin-hash", PBKDF2_FIXTURE);
  g_assert_false (g_settings_is_writable (settings, "kiosk-pin-hash"));

  g_test_expect_message ("limber-kiosk-pin", G_LOG_LEVEL_DEBUG, "*PBKDF2*locks it: it stays as it is");
  g_assert_cmpint (check (pin, PIN), ==, LIMBER_KIOSK_PIN_ACCEPTED);
  g_test_assert_expected_messages ();
  stored = g_settings_get_string (settings, "kiosk-pin-hash");
  g_assert_cmpstr (stored, ==, PBKDF2_FIXTURE);
}

static void
on_checking (LimberKioskPin *pin,
             GParamSpec     *pspec,
             guint          *n_checking)
{
  if (limber_kiosk_pin_get_checking (pin))
    (*n_checking)++;
}

/* A hash that is not one Limber accepts, or asks for an unbounded cost,
 * is damaged: said so, at once, with no hash computed and no try spent. */
static void
test_damaged_hash (void)
{
  g_autofree char *long_garbage = g_strnfill (300, 'a');
  g_autofree char *truncated_pbkdf2 = g_strndup (PBKDF2_FIXTURE, strlen (PBKDF2_FIXTURE) - 4);
  const char *damaged[] = {
    "1234",
    "pbkdf2-sha256$4294967295$AQIDBAUGBwgJCgsMDQ4PEA==$oYJtYHxc0SSpTDzVlrFBsY9H1yyAyLYq2X5LctLx9S8=",
    "pbkdf2-sha256$1000001$AQIDBAUGBwgJCgsMDQ4PEA==$oYJtYHxc0SSpTDzVlrFBsY9H1yyAyLYq2X5LctLx9S8=",
    "pbkdf2-sha256$999$AQIDBAUGBwgJCgsMDQ4PEA==$oYJtYHxc0SSpTDzVlrFBsY9H1yyAyLYq2X5LctLx9S8=",
    "pbkdf2-sha256$-1$AQIDBAUGBwgJCgsMDQ4PEA==$oYJtYHxc0SSpTDzVlrFBsY9H1yyAyLYq2X5LctLx9S8=",
    "pbkdf2-sha256$ 100000$AQIDBAUGBwgJCgsMDQ4PEA==$oYJtYHxc0SSpTDzVlrFBsY9H1yyAyLYq2X5LctLx9S8=",
    "pbkdf2-sha256$100000$AQIDBAUGBwgJCgsMDQ4PEA==$AAAA",
    "pbkdf2-sha256$100000$c2FsdA==$oYJtYHxc0SSpTDzVlrFBsY9H1yyAyLYq2X5LctLx9S8=",
    "pbkdf2-sha256$100000$AQID*AUGBwgJCgsMDQ4PEA==$oYJtYHxc0SSpTDzVlrFBsY9H1yyAyLYq2X5LctLx9S8=",
    "pbkdf2-sha256$100000$AQIDBAUGBwgJCgsMDQ4PEA==",
    "pbkdf2-sha1$1000$AQIDBAUGBwgJCgsMDQ4PEA==$oYJtYHxc0SSpTDzVlrFBsY9H1yyAyLYq2X5LctLx9S8=",
    truncated_pbkdf2,
    /* Cost 11: 1 GiB and 1.5 s a try. */
    "$y$jFT$41Kjr799ZGlRLVxPqEDfA.$Z49y3pV4WRny.i7oFT7u0/FXoyyM6h0XFCd1zkLCiG8",
    /* N = 2^47, r = 48: a machine's worth of memory. */
    "$y$jjj$41Kjr799ZGlRLVxPqEDfA.$Z49y3pV4WRny.i7oFT7u0/FXoyyM6h0XFCd1zkLCiG8",
    /* A longer number for N. */
    "$y$jzT$41Kjr799ZGlRLVxPqEDfA.$Z49y3pV4WRny.i7oFT7u0/FXoyyM6h0XFCd1zkLCiG8",
    /* Too little to be a hash libxcrypt makes. */
    "$y$j./$41Kjr799ZGlRLVxPqEDfA.$Z49y3pV4WRny.i7oFT7u0/FXoyyM6h0XFCd1zkLCiG8",
    /* Threads or time on top. */
    "$y$jBT1$41Kjr799ZGlRLVxPqEDfA.$Z49y3pV4WRny.i7oFT7u0/FXoyyM6h0XFCd1zkLCiG8",
    /* Another flavour. */
    "$y$.BT$41Kjr799ZGlRLVxPqEDfA.$Z49y3pV4WRny.i7oFT7u0/FXoyyM6h0XFCd1zkLCiG8",
    /* Truncated. */
    "$y$jBT$XRT7fY8Ee1wIwvIhjwvaS0$Ao5h//UKIciaUcFkQqAgyxbKMY9hZ18IzMg/GkChe7",
    "$y$jBT$XRT7fY8Ee1wIwvIhjwvaS0$",
    "$y$jBT$XRT7fY8Ee1wIwvIhjwvaS0",
    "$y$jBT$",
    "$y$",
    "$y$jBT$XRT7fY8Ee1wIwvIhjwvaS0$Ao5h//UKIciaUcFkQqAgyxbKMY9hZ18IzMg/GkChe70$",
    "$y$jBT$XRT7fY8E+1wIwvIhjwvaS0$Ao5h//UKIciaUcFkQqAgyxbKMY9hZ18IzMg/GkChe70",
    "$6$rounds=5000$saltsalt$Ao5h//UKIciaUcFkQqAgyxbKMY9hZ18IzMg/GkChe70",
    long_garbage,
  };
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  FakeClock clock = { START_TIME };

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr(LimberKioskPin) pin = pin_on_clock (settings, &clock);
      guint n_checking = 0;
      g_autoptr(GError) error = NULL;
      gboolean matches = TRUE;

      g_test_message ("damaged hash: %s", damaged[i]);
      g_signal_connect (pin, "notify::checking", G_CALLBACK (on_checking), &n_checking);
      g_settings_set_string (settings, "kiosk-pin-hash", damaged[i]);
      g_test_expect_message ("limber-kiosk-pin", G_LOG_LEVEL_WARNING, "The kiosk PIN in the settings is damaged*");
      g_assert_cmpint (check (pin, PIN), ==, LIMBER_KIOSK_PIN_DAMAGED);
      g_test_assert_expected_messages ();

      g_assert_cmpuint (n_checking, ==, 0);
      g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 0);
      g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, LIMBER_KIOSK_PIN_MAX_TRIES);
      g_assert_false (g_file_test (limber_kiosk_pin_get_state_path (pin), G_FILE_TEST_EXISTS));

      g_assert_false (limber_kiosk_pin_verify_hash (damaged[i], PIN, &matches, &error));
      g_assert_error (error, LIMBER_KIOSK_PIN_ERROR, LIMBER_KIOSK_PIN_ERROR_DAMAGED);
      g_assert_false (matches);
    }
}

static char *
read_state (LimberKioskPin *pin)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (limber_kiosk_pin_get_state_path (pin), &contents, NULL, NULL));
  return contents;
}

/* A hash that looks right but that libxcrypt refuses (a salt of one
 * character) is damaged too: the try it began is given back. */
static void
test_refused_by_libxcrypt (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  FakeClock clock = { START_TIME };
  g_autoptr(LimberKioskPin) pin = pin_on_clock (settings, &clock);
  g_autofree char *state = NULL;

  g_settings_set_string (settings, "kiosk-pin-hash", "$y$jBT$a$Ao5h//UKIciaUcFkQqAgyxbKMY9hZ18IzMg/GkChe70");
  g_test_expect_message ("limber-kiosk-pin", G_LOG_LEVEL_WARNING, "The kiosk PIN in the settings is damaged*libxcrypt*");
  g_assert_cmpint (check (pin, PIN), ==, LIMBER_KIOSK_PIN_DAMAGED);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, LIMBER_KIOSK_PIN_MAX_TRIES);
  state = read_state (pin);
  g_assert_nonnull (strstr (state, "\nwrong=0\n"));
}

static void
fail_tries (LimberKioskPin *pin,
            guint           n)
{
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (check (pin, "1111"), ==, LIMBER_KIOSK_PIN_WRONG);
  g_assert_cmpint (check (pin, "1111"), ==, LIMBER_KIOSK_PIN_LOCKED);
}

/* Five wrong tries lock entry for 60 s; a try inside them is refused
 * without being compared, even the right PIN; after them it is accepted. */
static void
test_lock_after_five_wrong_tries (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  FakeClock clock = { START_TIME };
  g_autoptr(LimberKioskPin) pin = pin_on_clock (settings, &clock);

  store_pin (settings, PIN);
  fail_tries (pin, LIMBER_KIOSK_PIN_MAX_TRIES);
  g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 5);
  g_assert_cmpuint (limber_kiosk_pin_get_seconds_locked (pin), ==, 60);
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, 0);

  clock.now += 59 * G_USEC_PER_SEC;
  g_assert_cmpint (check (pin, PIN), ==, LIMBER_KIOSK_PIN_LOCKED);
  g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 5);
  g_assert_cmpuint (limber_kiosk_pin_get_seconds_locked (pin), ==, 1);

  clock.now += 1 * G_USEC_PER_SEC;
  g_assert_cmpuint (limber_kiosk_pin_get_seconds_locked (pin), ==, 0);
  /* After the first lock, one try at a time. */
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, 1);
  g_assert_cmpint (check (pin, PIN), ==, LIMBER_KIOSK_PIN_ACCEPTED);
  g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 6);
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, LIMBER_KIOSK_PIN_MAX_TRIES);
}

/* Each wrong try after the fifth locks entry twice as long, up to a day. */
static void
test_growing_delays (void)
{
  static const guint expected[] = {
    60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 30720, 61440, 86400, 86400,
  };
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  FakeClock clock = { START_TIME };
  g_autoptr(LimberKioskPin) pin = pin_on_clock (settings, &clock);

  store_pin (settings, PIN);
  fail_tries (pin, LIMBER_KIOSK_PIN_MAX_TRIES);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint seconds = limber_kiosk_pin_get_seconds_locked (pin);

      g_assert_cmpuint (seconds, ==, expected[i]);
      clock.now += (gint64) (seconds - 1) * G_USEC_PER_SEC;
      g_assert_cmpint (check (pin, PIN), ==, LIMBER_KIOSK_PIN_LOCKED);
      clock.now += G_USEC_PER_SEC;
      g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, 1);
      if (i + 1 < G_N_ELEMENTS (expected))
        g_assert_cmpint (check (pin, "1111"), ==, LIMBER_KIOSK_PIN_LOCKED);
    }

  g_assert_cmpint (check (pin, PIN), ==, LIMBER_KIOSK_PIN_ACCEPTED);
  g_assert_cmpuint (limber_kiosk_pin_get_seconds_locked (pin), ==, 0);
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, LIMBER_KIOSK_PIN_MAX_TRIES);
}

typedef struct
{
  LimberKioskPin *pin;
  char           *state;
} Snapshot;

static void
snapshot_state (gpointer user_data)
{
  Snapshot *snapshot = user_data;

  snapshot->state = read_state (snapshot->pin);
}

/* The kiosk's unit restarts Limber whenever it ends: a restart, or the
 * power cut during a check, gives back no try and ends no lock. */
static void
test_lock_survives_restart (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  FakeClock clock = { START_TIME };
  LimberKioskPin *pin = pin_on_clock (settings, &clock);
  Snapshot snapshot = { pin, NULL };

  store_pin (settings, PIN);

  /* Recorded as wrong before the hash is computed. */
  limber_kiosk_pin_set_check_hook (pin, snapshot_state, &snapshot);
  g_assert_cmpint (check (pin, "1111"), ==, LIMBER_KIOSK_PIN_WRONG);
  g_assert_nonnull (strstr (snapshot.state, "\nwrong=1\n"));
  g_clear_pointer (&snapshot.state, g_free);
  g_clear_object (&pin);

  pin = pin_on_clock (settings, &clock);
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, 4);
  fail_tries (pin, 4);
  g_clear_object (&pin);

  pin = pin_on_clock (settings, &clock);
  g_assert_cmpuint (limber_kiosk_pin_get_seconds_locked (pin), ==, 60);
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, 0);
  g_assert_cmpint (check (pin, PIN), ==, LIMBER_KIOSK_PIN_LOCKED);
  g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 0);

  clock.now += 60 * G_USEC_PER_SEC;
  g_assert_cmpint (check (pin, "1111"), ==, LIMBER_KIOSK_PIN_LOCKED);
  g_clear_object (&pin);

  pin = pin_on_clock (settings, &clock);
  g_assert_cmpuint (limber_kiosk_pin_get_seconds_locked (pin), ==, 120);
  clock.now += 120 * G_USEC_PER_SEC;
  g_assert_cmpint (check (pin, PIN), ==, LIMBER_KIOSK_PIN_ACCEPTED);
  g_clear_object (&pin);

  /* The right PIN's fresh count is kept too. */
  pin = pin_on_clock (settings, &clock);
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, LIMBER_KIOSK_PIN_MAX_TRIES);
  g_clear_object (&pin);
}

/* A clock set back neither shortens a lock nor makes it last for years. */
static void
test_clock_set_backwards (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  FakeClock clock = { START_TIME };
  LimberKioskPin *pin = pin_on_clock (settings, &clock);

  store_pin (settings, PIN);
  fail_tries (pin, LIMBER_KIOSK_PIN_MAX_TRIES);

  clock.now += 10 * G_USEC_PER_SEC;
  g_assert_cmpuint (limber_kiosk_pin_get_seconds_locked (pin), ==, 50);
  clock.now -= 30 * G_USEC_PER_SEC;
  g_assert_cmpuint (limber_kiosk_pin_get_seconds_locked (pin), ==, 60);
  clock.now += 20 * G_USEC_PER_SEC;
  g_assert_cmpuint (limber_kiosk_pin_get_seconds_locked (pin), ==, 40);

  /* A year back, across a restart: the lock starts again, whole. */
  clock.now -= 365 * DAY;
  g_clear_object (&pin);
  pin = pin_on_clock (settings, &clock);
  g_assert_cmpuint (limber_kiosk_pin_get_seconds_locked (pin), ==, 60);
  g_assert_cmpint (check (pin, PIN), ==, LIMBER_KIOSK_PIN_LOCKED);
  clock.now += 60 * G_USEC_PER_SEC;
  g_assert_cmpuint (limber_kiosk_pin_get_seconds_locked (pin), ==, 0);
  g_assert_cmpint (check (pin, PIN), ==, LIMBER_KIOSK_PIN_ACCEPTED);
  g_clear_object (&pin);
}

/* A record of tries that cannot be read fails closed: locked for the
 * first lock's length, never "no wrong tries". */
static void
test_damaged_state_file (void)
{
  const char *damaged[] = {
    "not a key file",
    "[Tries]\nwrong=0\n",
    "[Tries]\nlocked-until=0\n",
    "[Tries]\nwrong=-1\nlocked-until=0\n",
    "[Tries]\nwrong=zero\nlocked-until=0\n",
    "[Tries]\nwrong=99999999999\nlocked-until=0\n",
    "[Tries]\nwrong=0\nlocked-until=soon\n",
    "[Other]\nwrong=0\nlocked-until=0\n",
    "\xff\xfe[Tries]\nwrong=0\nlocked-until=0\n",
  };
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  FakeClock clock = { START_TIME };

  store_pin (settings, PIN);
  for (guint i = 0; i <= G_N_ELEMENTS (damaged) + 1; i++)
    {
      g_autoptr(LimberKioskPin) pin = pin_on_clock (settings, &clock);
      const char *path = limber_kiosk_pin_get_state_path (pin);
      g_autofree char *folder = g_path_get_dirname (path);
      g_autofree char *big = NULL;
      g_autofree char *state = NULL;

      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      g_remove (path);
      if (i < G_N_ELEMENTS (damaged))
        g_assert_true (g_file_set_contents (path, damaged[i], -1, NULL));
      else if (i == G_N_ELEMENTS (damaged))
        {
          /* Too big to be ours. */
          big = g_strnfill (5000, '#');
          g_assert_true (g_file_set_contents (path, big, -1, NULL));
        }
      else
        {
          /* Not a file at all: it cannot be read, or replaced. */
          g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
        }

      g_test_expect_message ("limber-kiosk-pin", G_LOG_LEVEL_DEBUG, "The record of wrong kiosk PIN tries*cannot be read*");
      if (i > G_N_ELEMENTS (damaged))
        g_test_expect_message ("limber-kiosk-pin", G_LOG_LEVEL_MESSAGE, "Could not keep the wrong kiosk PIN tries*");
      g_assert_cmpuint (limber_kiosk_pin_get_seconds_locked (pin), ==, LIMBER_KIOSK_PIN_LOCK_SECONDS);
      g_test_assert_expected_messages ();
      g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, 0);
      g_assert_cmpint (check (pin, PIN), ==, LIMBER_KIOSK_PIN_LOCKED);
      g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 0);

      if (i <= G_N_ELEMENTS (damaged))
        {
          /* Replaced by a record of the lock, which a restart keeps. */
          state = read_state (pin);
          g_assert_nonnull (strstr (state, "\nwrong=5\n"));
        }
      else
        g_assert_cmpint (g_rmdir (path), ==, 0);
    }
}

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  GThread *main_thread;
  GThread *checking_thread;
  gboolean main_loop_ran;
} Gate;

/* In the checking thread: waits until the main loop has shown it runs
 * meanwhile, which it could not if the check were on it. */
static void
wait_at_gate (gpointer user_data)
{
  Gate *gate = user_data;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_mutex_lock (&gate->mutex);
  gate->checking_thread = g_thread_self ();
  while (!gate->main_loop_ran)
    if (!g_cond_wait_until (&gate->cond, &gate->mutex, deadline))
      break;
  g_mutex_unlock (&gate->mutex);
}

static void
open_gate (gpointer user_data)
{
  Gate *gate = user_data;

  g_mutex_lock (&gate->mutex);
  gate->main_loop_ran = TRUE;
  g_cond_signal (&gate->cond);
  g_mutex_unlock (&gate->mutex);
}

/* The hash is computed in a thread while the main loop goes on; a second
 * try meanwhile is refused, never checked at the same time. */
static void
test_checks_off_the_main_thread (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  FakeClock clock = { START_TIME };
  g_autoptr(LimberKioskPin) pin = pin_on_clock (settings, &clock);
  Gate gate = { .main_thread = g_thread_self () };
  Answer answer = { 0 };
  Answer second = { 0 };

  store_pin (settings, PIN);
  g_mutex_init (&gate.mutex);
  g_cond_init (&gate.cond);
  limber_kiosk_pin_set_check_hook (pin, wait_at_gate, &gate);

  limber_kiosk_pin_check_async (pin, PIN, NULL, on_checked, &answer);
  g_assert_true (limber_kiosk_pin_get_checking (pin));

  limber_kiosk_pin_check_async (pin, "1111", NULL, on_checked, &second);
  wait_for (&second);
  g_assert_error (second.error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_assert_cmpint (second.result, ==, LIMBER_KIOSK_PIN_FAILED);
  g_clear_error (&second.error);
  g_assert_false (answer.done);

  g_timeout_add_once (10, open_gate, &gate);
  wait_for (&answer);
  g_assert_no_error (answer.error);
  g_assert_cmpint (answer.result, ==, LIMBER_KIOSK_PIN_ACCEPTED);
  g_assert_true (gate.main_loop_ran);
  g_assert_nonnull (gate.checking_thread);
  g_assert_true (gate.checking_thread != gate.main_thread);
  g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 1);
  g_assert_false (limber_kiosk_pin_get_checking (pin));

  g_mutex_clear (&gate.mutex);
  g_cond_clear (&gate.cond);
}

/* Cancelling hides the answer, not the try. */
static void
test_cancelled_try_counts (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  FakeClock clock = { START_TIME };
  g_autoptr(LimberKioskPin) pin = pin_on_clock (settings, &clock);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Answer answer = { 0 };

  store_pin (settings, PIN);
  limber_kiosk_pin_check_async (pin, "1111", cancellable, on_checked, &answer);
  g_cancellable_cancel (cancellable);
  wait_for (&answer);
  g_assert_error (answer.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&answer.error);
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, 4);
}

static void
test_not_set (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberKioskPin) pin = limber_kiosk_pin_new (settings);

  g_assert_false (limber_kiosk_pin_is_set (pin));
  g_assert_cmpint (check (pin, "1234"), ==, LIMBER_KIOSK_PIN_NOT_SET);
  g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 0);
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, LIMBER_KIOSK_PIN_MAX_TRIES);
}

int
main (int   argc,
      char *argv[])
{
  /* Each test its own state folder, never the user's. */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/kiosk-pin/derive-known-vectors", test_derive_known_vectors);
  g_test_add_func ("/kiosk-pin/normalize", test_normalize);
  g_test_add_func ("/kiosk-pin/stored-value-is-yescrypt", test_stored_value_is_yescrypt);
  g_test_add_func ("/kiosk-pin/store-refuses", test_store_refuses);
  g_test_add_func ("/kiosk-pin/store-unwritable-storage", test_store_unwritable_storage);
  g_test_add_func ("/kiosk-pin/right-and-wrong", test_right_and_wrong);
  g_test_add_func ("/kiosk-pin/digits-of-any-script", test_digits_of_any_script);
  g_test_add_func ("/kiosk-pin/not-a-pin-spends-no-try", test_not_a_pin_spends_no_try);
  g_test_add_func ("/kiosk-pin/pbkdf2-rehashed", test_pbkdf2_rehashed);
  g_test_add_func ("/kiosk-pin/pbkdf2-locked-stays", test_pbkdf2_locked_stays);
  g_test_add_func ("/kiosk-pin/damaged-hash", test_damaged_hash);
  g_test_add_func ("/kiosk-pin/refused-by-libxcrypt", test_refused_by_libxcrypt);
  g_test_add_func ("/kiosk-pin/lock-after-five-wrong-tries", test_lock_after_five_wrong_tries);
  g_test_add_func ("/kiosk-pin/growing-delays", test_growing_delays);
  g_test_add_func ("/kiosk-pin/lock-survives-restart", test_lock_survives_restart);
  g_test_add_func ("/kiosk-pin/clock-set-backwards", test_clock_set_backwards);
  g_test_add_func ("/kiosk-pin/damaged-state-file", test_damaged_state_file);
  g_test_add_func ("/kiosk-pin/checks-off-the-main-thread", test_checks_off_the_main_thread);
  g_test_add_func ("/kiosk-pin/cancelled-try-counts", test_cancelled_try_counts);
  g_test_add_func ("/kiosk-pin/not-set", test_not_set);

  return g_test_run ();
}
