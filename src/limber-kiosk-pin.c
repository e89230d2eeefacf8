/* limber-kiosk-pin.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clinic PIN that leaves kiosk mode. Only a yescrypt hash made by
 * libxcrypt is stored, so that reading the settings does not give the PIN
 * away; hashes from before ("pbkdf2-sha256$ITERATIONS$SALT$KEY", base64)
 * are still accepted and replaced at the next right PIN. A check takes
 * about 0.1 s and runs in a thread.
 *
 * A PIN has few digits, so wrong tries are limited, and remembered in a
 * small file across restarts: a kiosk restarts Limber whenever it ends.
 */

#define G_LOG_DOMAIN "limber-kiosk-pin"

#include "limber-config.h"

#include <crypt.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <glib/gi18n-lib.h>

#include "limber-kiosk-pin-private.h"
#include "limber-settings-writer.h"

/* yescrypt's cost 7 is 64 MiB and about 0.1 s per check on a two-core
 * server of 2026; each step doubles both. */
#define YESCRYPT_PREFIX          "$y$"
#define YESCRYPT_COST            7
/* What libxcrypt makes for costs 1 to 9, the last 0.4 s here: a stored hash
 * that asks for more memory, and so more time, is damage, not a choice. */
#define YESCRYPT_MIN_MEMORY      (G_GUINT64_CONSTANT (1) << 20)
#define YESCRYPT_MAX_MEMORY      (G_GUINT64_CONSTANT (256) << 20)
/* libxcrypt's only flavour for "$y$", YESCRYPT_DEFAULTS, as written in a hash. */
#define YESCRYPT_FLAVOUR         47
#define YESCRYPT_HASH_CHARS      43

#define PBKDF2_SCHEME            "pbkdf2-sha256"
/* RFC 8018's least, and ten times what Limber used (264 ms per check). */
#define PBKDF2_MIN_ITERATIONS    1000
#define PBKDF2_MAX_ITERATIONS    1000000
#define PBKDF2_MIN_SALT          8
#define PBKDF2_MAX_SALT          64
#define PBKDF2_SALT_LENGTH       16
#define KEY_LENGTH               32

#define MAX_HASH_LENGTH          256

#define STATE_FILE_NAME          "kiosk-pin-tries"
#define STATE_GROUP              "Tries"
#define STATE_MAX_SIZE           4096
/* More than anyone can type in the lifetime of a kiosk at one a day. */
#define MAX_RECORDED_TRIES       1000000

typedef struct
{
  guint  wrong;
  /* When entry opens again, on the wall clock in microseconds; 0 when it
   * is open. Kept in whole seconds, rounded up. */
  gint64 locked_until;
} Tries;

typedef enum {
  HASH_YESCRYPT,
  HASH_PBKDF2,
} HashKind;

typedef struct
{
  HashKind  kind;
  /* yescrypt: the whole hash, which is also the setting crypt_rn() takes. */
  char     *text;
  /* PBKDF2 */
  guint     iterations;
  guint8   *salt;
  gsize     salt_length;
  guint8    key[KEY_LENGTH];
} StoredHash;

typedef enum {
  VERDICT_MATCH,
  VERDICT_NO_MATCH,
  VERDICT_DAMAGED,
  VERDICT_FAILED,
} Verdict;

struct _LimberKioskPin
{
  GObject              parent_instance;

  GSettings           *settings;
  char                *state_path;
  Tries                tries;
  gboolean             tries_loaded;
  gboolean             checking;
  guint                n_comparisons;
  LimberKioskPinClock  clock;
  gpointer             clock_data;
  LimberKioskPinHook   check_hook;
  gpointer             check_hook_data;
};

G_DEFINE_FINAL_TYPE (LimberKioskPin, limber_kiosk_pin, G_TYPE_OBJECT)

G_DEFINE_QUARK (limber-kiosk-pin-error-quark, limber_kiosk_pin_error)

enum {
  PROP_0,
  PROP_CHECKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
real_clock (gpointer user_data)
{
  return g_get_real_time ();
}

void
limber_kiosk_pin_secret_free (LimberKioskPinSecret *secret)
{
  if (secret == NULL)
    return;

  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

/**
 * limber_kiosk_pin_normalize:
 * @text: what was typed
 *
 * Digits of any script count, as a keyboard in Arabic, Hindi or a
 * full-width layout types them.
 *
 * Returns: (nullable): @text as ASCII digits, or %NULL unless it is 4 to 12
 *   digits and nothing else
 */
char *
limber_kiosk_pin_normalize (const char *text)
{
  char digits[LIMBER_KIOSK_PIN_MAX_DIGITS + 1];
  gsize length = 0;
  char *pin = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int value = g_unichar_digit_value (g_utf8_get_char (p));

      if (value < 0 || length == LIMBER_KIOSK_PIN_MAX_DIGITS)
        {
          length = 0;
          break;
        }
      digits[length++] = (char) ('0' + value);
    }

  if (length >= LIMBER_KIOSK_PIN_MIN_DIGITS)
    pin = g_strndup (digits, length);
  explicit_bzero (digits, sizeof digits);

  return pin;
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

  explicit_bzero (u, sizeof u);
}

char *
limber_kiosk_pin_hash_pbkdf2 (const char *pin,
                              guint       iterations)
{
  guint8 salt[PBKDF2_SALT_LENGTH];
  guint8 key[KEY_LENGTH];
  g_autofree char *salt64 = NULL;
  g_autofree char *key64 = NULL;

  g_return_val_if_fail (pin != NULL, NULL);
  g_return_val_if_fail (iterations > 0, NULL);

  if (getrandom (salt, sizeof salt, 0) != sizeof salt)
    g_error ("No random bytes for a salt: %s", g_strerror (errno));

  limber_kiosk_pin_derive (pin, salt, sizeof salt, iterations, key);
  salt64 = g_base64_encode (salt, sizeof salt);
  key64 = g_base64_encode (key, sizeof key);

  return g_strdup_printf (PBKDF2_SCHEME "$%u$%s$%s", iterations, salt64, key64);
}

/* yescrypt through a crypt_data of our own: crypt_rn() is safe in a thread. */
static char *
crypt_in (const char  *pin,
          const char  *setting,
          int         *out_errno)
{
  struct crypt_data *data = g_new0 (struct crypt_data, 1);
  char *hash = NULL;
  char *out;

  errno = 0;
  out = crypt_rn (pin, setting, data, sizeof *data);
  if (out != NULL && out[0] != '*')
    hash = g_strdup (out);
  else
    *out_errno = errno != 0 ? errno : EINVAL;

  explicit_bzero (data, sizeof *data);
  g_free (data);

  return hash;
}

/**
 * limber_kiosk_pin_hash:
 * @pin: ASCII digits
 *
 * Blocks for about 0.1 s: not for the main thread of a window.
 *
 * Returns: (nullable): the yescrypt hash to keep in the kiosk-pin-hash key
 *   for @pin, or %NULL when the system cannot make one
 */
char *
limber_kiosk_pin_hash (const char  *pin,
                       GError     **error)
{
  char *setting;
  char *hash = NULL;
  int failure = 0;

  g_return_val_if_fail (pin != NULL, NULL);

  /* With no random bytes given, libxcrypt takes them from the kernel. */
  setting = crypt_gensalt_ra (YESCRYPT_PREFIX, YESCRYPT_COST, NULL, 0);
  if (setting == NULL)
    failure = errno;
  else
    hash = crypt_in (pin, setting, &failure);
  free (setting);

  if (hash == NULL)
    /* Translators: %s is the system's reason, such as “Cannot allocate memory” */
    g_set_error (error, LIMBER_KIOSK_PIN_ERROR, LIMBER_KIOSK_PIN_ERROR_FAILED,
                 _("the system could not hash it (%s)"), g_strerror (failure));

  return hash;
}

static void
stored_hash_clear (StoredHash *hash)
{
  g_clear_pointer (&hash->text, g_free);
  if (hash->salt != NULL)
    explicit_bzero (hash->salt, hash->salt_length);
  g_clear_pointer (&hash->salt, g_free);
  explicit_bzero (hash->key, sizeof hash->key);
}

static const char crypt_alphabet[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

static int
crypt64_value (char c)
{
  const char *found = c != '\0' ? strchr (crypt_alphabet, c) : NULL;

  return found != NULL ? (int) (found - crypt_alphabet) : -1;
}

static gboolean
is_crypt64 (const char *text,
            gsize       min_length,
            gsize       max_length)
{
  gsize length = strlen (text);

  if (length < min_length || length > max_length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (crypt64_value (text[i]) < 0)
      return FALSE;

  return TRUE;
}

/* "$y$PARAMS$SALT$HASH". PARAMS is what libxcrypt writes for each cost it
 * offers: the flavour, log2(N) - 1 and r - 1, one character each; longer
 * ones add threads, time or a ROM, which libxcrypt never makes. */
static gboolean
parse_yescrypt (const char  *stored,
                StoredHash  *hash,
                char       **why)
{
  g_auto(GStrv) fields = g_strsplit (stored, "$", -1);
  const char *params;
  int flavour, n_log2, r;
  guint64 memory;

  if (g_strv_length (fields) != 5 || fields[0][0] != '\0')
    {
      *why = g_strdup ("a yescrypt hash has four parts after “$”");
      return FALSE;
    }

  params = fields[2];
  if (strlen (params) != 3)
    {
      *why = g_strdup_printf ("the yescrypt parameters “%s” are not ones libxcrypt makes", params);
      return FALSE;
    }

  flavour = crypt64_value (params[0]);
  /* Values above 47 start a longer number: too large here anyway. */
  n_log2 = crypt64_value (params[1]) + 1;
  r = crypt64_value (params[2]) + 1;
  if (flavour != YESCRYPT_FLAVOUR || n_log2 < 1 || n_log2 > 48 || r < 1 || r > 48)
    {
      *why = g_strdup_printf ("the yescrypt parameters “%s” are not ones libxcrypt makes", params);
      return FALSE;
    }

  memory = (G_GUINT64_CONSTANT (128) << n_log2) * (guint64) r;
  if (memory < YESCRYPT_MIN_MEMORY || memory > YESCRYPT_MAX_MEMORY)
    {
      *why = g_strdup_printf ("its yescrypt cost needs %" G_GUINT64_FORMAT " KiB, outside %" G_GUINT64_FORMAT
                              " to %" G_GUINT64_FORMAT " KiB",
                              memory >> 10, YESCRYPT_MIN_MEMORY >> 10, YESCRYPT_MAX_MEMORY >> 10);
      return FALSE;
    }

  if (!is_crypt64 (fields[3], 1, 64))
    {
      *why = g_strdup ("its yescrypt salt is empty, too long or not in crypt’s alphabet");
      return FALSE;
    }

  if (!is_crypt64 (fields[4], YESCRYPT_HASH_CHARS, YESCRYPT_HASH_CHARS))
    {
      *why = g_strdup_printf ("its yescrypt hash is not %d characters of crypt’s alphabet", YESCRYPT_HASH_CHARS);
      return FALSE;
    }

  hash->kind = HASH_YESCRYPT;
  hash->text = g_strdup (stored);
  return TRUE;
}

/* g_base64_decode() skips what is not base64: a damaged hash would pass. */
static guint8 *
decode_base64_strictly (const char *text,
                        gsize      *length)
{
  gsize text_length = strlen (text);
  guint padding = 0;

  if (text_length == 0 || text_length % 4 != 0)
    return NULL;

  for (gsize i = 0; i < text_length; i++)
    {
      char c = text[i];

      if (c == '=' && i >= text_length - 2)
        padding++;
      else if (padding > 0 || !(g_ascii_isalnum (c) || c == '+' || c == '/'))
        return NULL;
    }

  return g_base64_decode (text, length);
}

static gboolean
parse_pbkdf2 (const char  *stored,
              StoredHash  *hash,
              char       **why)
{
  g_auto(GStrv) fields = g_strsplit (stored, "$", -1);
  g_autofree guint8 *key = NULL;
  gsize key_length = 0;
  guint64 iterations = 0;
  g_autoptr(GError) error = NULL;

  if (g_strv_length (fields) != 4)
    {
      *why = g_strdup ("a PBKDF2 hash has four parts, between “$”");
      return FALSE;
    }

  if (!g_ascii_string_to_unsigned (fields[1], 10, PBKDF2_MIN_ITERATIONS, PBKDF2_MAX_ITERATIONS, &iterations, &error))
    {
      *why = g_strdup_printf ("its PBKDF2 iteration count: %s", error->message);
      return FALSE;
    }

  hash->salt = decode_base64_strictly (fields[2], &hash->salt_length);
  if (hash->salt == NULL || hash->salt_length < PBKDF2_MIN_SALT || hash->salt_length > PBKDF2_MAX_SALT)
    {
      *why = g_strdup_printf ("its PBKDF2 salt is not %d to %d bytes of base64", PBKDF2_MIN_SALT, PBKDF2_MAX_SALT);
      return FALSE;
    }

  key = decode_base64_strictly (fields[3], &key_length);
  if (key == NULL || key_length != KEY_LENGTH)
    {
      *why = g_strdup_printf ("its PBKDF2 key is not %d bytes of base64", KEY_LENGTH);
      return FALSE;
    }

  hash->kind = HASH_PBKDF2;
  hash->iterations = (guint) iterations;
  memcpy (hash->key, key, KEY_LENGTH);
  return TRUE;
}

/* Nothing is computed from a hash that does not parse: a bound on every
 * cost, so that no stored value can hold a check for long. */
static gboolean
parse_stored (const char  *stored,
              StoredHash  *hash,
              char       **why)
{
  gboolean parsed;

  if (strlen (stored) > MAX_HASH_LENGTH)
    {
      *why = g_strdup_printf ("it is longer than %d characters", MAX_HASH_LENGTH);
      return FALSE;
    }

  if (g_str_has_prefix (stored, YESCRYPT_PREFIX))
    parsed = parse_yescrypt (stored, hash, why);
  else if (g_str_has_prefix (stored, PBKDF2_SCHEME "$"))
    parsed = parse_pbkdf2 (stored, hash, why);
  else
    {
      *why = g_strdup ("it is neither a yescrypt (“$y$”) nor a PBKDF2 (“" PBKDF2_SCHEME "$”) hash");
      parsed = FALSE;
    }

  if (!parsed)
    stored_hash_clear (hash);
  return parsed;
}

/* Every byte is looked at whatever the first difference: the time taken
 * says nothing about how much of a guess was right. */
static gboolean
bytes_equal (const guint8 *a,
             const guint8 *b,
             gsize         length)
{
  guint8 difference = 0;

  for (gsize i = 0; i < length; i++)
    difference |= a[i] ^ b[i];

  return difference == 0;
}

static Verdict
verify_parsed (const StoredHash  *hash,
               const char        *pin,
               int               *out_errno)
{
  g_autofree char *computed = NULL;
  guint8 key[KEY_LENGTH];
  Verdict verdict;

  if (hash->kind == HASH_PBKDF2)
    {
      limber_kiosk_pin_derive (pin, hash->salt, hash->salt_length, hash->iterations, key);
      verdict = bytes_equal (key, hash->key, KEY_LENGTH) ? VERDICT_MATCH : VERDICT_NO_MATCH;
      explicit_bzero (key, sizeof key);
      return verdict;
    }

  computed = crypt_in (pin, hash->text, out_errno);
  if (computed == NULL)
    return *out_errno == ENOMEM ? VERDICT_FAILED : VERDICT_DAMAGED;

  /* Same parameters and salt, so the same length when it is the same hash. */
  if (strlen (computed) != strlen (hash->text))
    return VERDICT_NO_MATCH;
  return bytes_equal ((const guint8 *)computed, (const guint8 *)hash->text, strlen (computed))
         ? VERDICT_MATCH : VERDICT_NO_MATCH;
}

gboolean
limber_kiosk_pin_verify_hash (const char  *stored,
                              const char  *pin,
                              gboolean    *matches,
                              GError     **error)
{
  StoredHash hash = { 0 };
  g_autofree char *why = NULL;
  int failure = 0;
  Verdict verdict;

  g_return_val_if_fail (stored != NULL && pin != NULL && matches != NULL, FALSE);

  *matches = FALSE;
  if (!parse_stored (stored, &hash, &why))
    {
      g_set_error (error, LIMBER_KIOSK_PIN_ERROR, LIMBER_KIOSK_PIN_ERROR_DAMAGED, "Damaged PIN hash: %s", why);
      return FALSE;
    }

  verdict = verify_parsed (&hash, pin, &failure);
  stored_hash_clear (&hash);
  if (verdict == VERDICT_DAMAGED || verdict == VERDICT_FAILED)
    {
      g_set_error (error, LIMBER_KIOSK_PIN_ERROR,
                   verdict == VERDICT_DAMAGED ? LIMBER_KIOSK_PIN_ERROR_DAMAGED : LIMBER_KIOSK_PIN_ERROR_FAILED,
                   "libxcrypt refused the hash: %s", g_strerror (failure));
      return FALSE;
    }

  *matches = verdict == VERDICT_MATCH;
  return TRUE;
}

/* 60 s after the fifth wrong try, then twice as long after each one more,
 * up to a day. */
static guint
lock_seconds_after (guint wrong_tries)
{
  guint seconds = LIMBER_KIOSK_PIN_LOCK_SECONDS;

  if (wrong_tries < LIMBER_KIOSK_PIN_MAX_TRIES)
    return 0;

  for (guint i = LIMBER_KIOSK_PIN_MAX_TRIES; i < wrong_tries && seconds < LIMBER_KIOSK_PIN_MAX_LOCK_SECONDS; i++)
    seconds *= 2;

  return MIN (seconds, LIMBER_KIOSK_PIN_MAX_LOCK_SECONDS);
}

static gboolean
load_tries (const char  *path,
            Tries       *tries,
            GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *contents = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *locked_until = NULL;
  guint64 wrong_value = 0;
  gint64 locked_until_value = 0;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  if (length > STATE_MAX_SIZE)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "it is over %d bytes", STATE_MAX_SIZE);
      return FALSE;
    }

  if (!g_key_file_load_from_data (key_file, contents, length, G_KEY_FILE_NONE, error))
    return FALSE;

  wrong = g_key_file_get_value (key_file, STATE_GROUP, "wrong", error);
  if (wrong == NULL || !g_ascii_string_to_unsigned (wrong, 10, 0, MAX_RECORDED_TRIES, &wrong_value, error))
    return FALSE;

  locked_until = g_key_file_get_value (key_file, STATE_GROUP, "locked-until", error);
  if (locked_until == NULL ||
      !g_ascii_string_to_signed (locked_until, 10, 0, G_MAXINT64 / G_USEC_PER_SEC, &locked_until_value, error))
    return FALSE;

  tries->wrong = (guint) wrong_value;
  tries->locked_until = locked_until_value * G_USEC_PER_SEC;
  return TRUE;
}

/* Atomic and on the disk before it returns: pulling the plug neither loses
 * a try nor leaves half a file. */
static gboolean
save_tries (const char   *path,
            const Tries  *tries,
            GError      **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *contents = NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "cannot make %s: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }

  contents = g_strdup_printf ("# Wrong tries at the kiosk PIN, kept by Limber across restarts. The right\n"
                              "# PIN starts the count again; deleting this file lifts a lock.\n"
                              "[" STATE_GROUP "]\n"
                              "wrong=%u\n"
                              "# When entry opens again: Unix time, in seconds; 0 when it is open.\n"
                              "locked-until=%" G_GINT64_FORMAT "\n",
                              tries->wrong, (tries->locked_until + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  return g_file_set_contents_full (path, contents, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

static void
say_not_kept (const char *path,
              const char *reason)
{
  g_message ("Could not keep the wrong kiosk PIN tries in %s, so a restart forgets them: %s", path, reason);
}

static void
save_or_say (LimberKioskPin *self,
             const Tries    *tries)
{
  g_autoptr(GError) error = NULL;

  if (!save_tries (self->state_path, tries, &error))
    say_not_kept (self->state_path, error->message);
}

static gint64
now (LimberKioskPin *self)
{
  return self->clock (self->clock_data);
}

/* When a lock of @seconds from now would end, or 0 for none. */
static gint64
lock_end (LimberKioskPin *self,
          guint           seconds)
{
  return seconds > 0 ? now (self) + (gint64) seconds * G_USEC_PER_SEC : 0;
}

/* A record that cannot be read fails closed: locked, never "no tries". */
static void
ensure_tries_loaded (LimberKioskPin *self)
{
  g_autoptr(GError) error = NULL;

  if (self->tries_loaded)
    return;
  self->tries_loaded = TRUE;

  if (load_tries (self->state_path, &self->tries, &error))
    return;

  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      self->tries = (Tries) { 0, 0 };
      return;
    }

  g_debug ("The record of wrong kiosk PIN tries in %s cannot be read (%s): entry is locked for %d s",
           self->state_path, error->message, LIMBER_KIOSK_PIN_LOCK_SECONDS);
  self->tries = (Tries) { LIMBER_KIOSK_PIN_MAX_TRIES, lock_end (self, LIMBER_KIOSK_PIN_LOCK_SECONDS) };
  save_or_say (self, &self->tries);
}

/* A lock never lasts longer than its own length from now (and the second
 * it was rounded up to): a clock set back, or a machine that boots in
 * 1970, starts it again from its full length, neither shorter nor for
 * years. */
static void
refresh_lock (LimberKioskPin *self)
{
  guint longest;

  ensure_tries_loaded (self);
  longest = lock_seconds_after (self->tries.wrong);
  if (self->tries.locked_until <= lock_end (self, longest + 1))
    return;

  g_debug ("The clock went back: kiosk PIN entry is locked for %u s from now", longest);
  self->tries.locked_until = lock_end (self, longest);
  save_or_say (self, &self->tries);
}

typedef struct
{
  char                *pin;
  char                *stored;
  StoredHash           hash;
  char                *state_path;
  Tries                before;
  Tries                if_wrong;
  gboolean             rehash;
  LimberKioskPinHook   hook;
  gpointer             hook_data;

  /* What the thread found. */
  Verdict              verdict;
  int                  failure;
  char                *new_hash;
  char                *not_recorded;
} Check;

static void
check_free (Check *check)
{
  limber_kiosk_pin_secret_free (check->pin);
  g_free (check->stored);
  stored_hash_clear (&check->hash);
  g_free (check->state_path);
  g_free (check->new_hash);
  g_free (check->not_recorded);
  g_free (check);
}

/* The try is recorded as wrong before the hash is computed: cutting the
 * power during a check does not give it back. */
static void
check_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Check *check = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) rehash_error = NULL;

  if (!save_tries (check->state_path, &check->if_wrong, &error))
    check->not_recorded = g_strdup (error->message);

  if (check->hook != NULL)
    check->hook (check->hook_data);

  check->verdict = verify_parsed (&check->hash, check->pin, &check->failure);
  switch (check->verdict)
    {
    case VERDICT_MATCH:
      save_tries (check->state_path, &(Tries) { 0, 0 }, NULL);
      if (check->rehash)
        {
          check->new_hash = limber_kiosk_pin_hash (check->pin, &rehash_error);
          if (check->new_hash == NULL)
            g_message ("The kiosk PIN stays a PBKDF2 hash: %s", rehash_error->message);
        }
      break;

    case VERDICT_DAMAGED:
    case VERDICT_FAILED:
      /* Nothing was compared: the try is given back. */
      save_tries (check->state_path, &check->before, NULL);
      break;

    case VERDICT_NO_MATCH:
    default:
      break;
    }

  g_task_return_boolean (task, TRUE);
}

static void
set_checking (LimberKioskPin *self,
              gboolean        checking)
{
  if (self->checking == checking)
    return;

  self->checking = checking;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

/* A PBKDF2 hash becomes yescrypt, unless someone changed it meanwhile. */
static void
replace_hash (LimberKioskPin *self,
              Check          *check)
{
  g_autofree char *current = NULL;

  if (check->new_hash == NULL)
    return;

  current = g_settings_get_string (self->settings, "kiosk-pin-hash");
  if (!g_str_equal (current, check->stored))
    return;

  if (g_settings_set_string (self->settings, "kiosk-pin-hash", check->new_hash))
    g_debug ("The kiosk PIN's PBKDF2 hash is replaced by yescrypt");
}

static LimberKioskPinResult
conclude (LimberKioskPin  *self,
          Check           *check,
          GError         **error)
{
  switch (check->verdict)
    {
    case VERDICT_MATCH:
      self->tries = (Tries) { 0, 0 };
      if (check->hash.kind == HASH_PBKDF2 && !check->rehash)
        g_debug ("The kiosk PIN is a PBKDF2 hash and the clinic’s configuration locks it: it stays as it is");
      replace_hash (self, check);
      return LIMBER_KIOSK_PIN_ACCEPTED;

    case VERDICT_DAMAGED:
      g_warning ("The kiosk PIN in the settings is damaged (libxcrypt refused it: %s); "
                 "set it again with --set-kiosk-pin", g_strerror (check->failure));
      return LIMBER_KIOSK_PIN_DAMAGED;

    case VERDICT_FAILED:
      /* Translators: %s is the system's reason, such as “Cannot allocate memory” */
      g_set_error (error, LIMBER_KIOSK_PIN_ERROR, LIMBER_KIOSK_PIN_ERROR_FAILED,
                   _("The PIN could not be checked (%s). It did not count as a try."),
                   g_strerror (check->failure));
      return LIMBER_KIOSK_PIN_FAILED;

    case VERDICT_NO_MATCH:
    default:
      /* Locked from the answer on; the record on the disk dates from the
       * question, a moment before. */
      self->tries.wrong = check->if_wrong.wrong;
      self->tries.locked_until = lock_end (self, lock_seconds_after (self->tries.wrong));
      if (self->tries.locked_until == 0)
        return LIMBER_KIOSK_PIN_WRONG;
      g_message ("Kiosk PIN entry locked for %u s after %u wrong tries",
                 lock_seconds_after (self->tries.wrong), self->tries.wrong);
      return LIMBER_KIOSK_PIN_LOCKED;
    }
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  LimberKioskPin *self = LIMBER_KIOSK_PIN (source);
  g_autoptr(GTask) caller = user_data;
  Check *check = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  LimberKioskPinResult verdict;

  if (check->not_recorded != NULL)
    say_not_kept (check->state_path, check->not_recorded);

  /* Counted whether or not the caller still wants to know. */
  verdict = conclude (self, check, &error);
  set_checking (self, FALSE);

  if (g_task_return_error_if_cancelled (caller))
    return;
  if (error != NULL)
    g_task_return_error (caller, g_steal_pointer (&error));
  else
    g_task_return_int (caller, verdict);
}

/**
 * limber_kiosk_pin_check_async:
 * @pin: what was typed, digits of any script
 *
 * Compares @pin with the stored hash, in a thread, unless entry is locked
 * after too many wrong tries: then it is refused without being looked at.
 * A hash that is not set or damaged, or a @pin that is not 4 to 12 digits,
 * is refused at once, and spends no try. One check at a time: another,
 * while one runs, fails with %G_IO_ERROR_PENDING. Cancelling only stops
 * the result from being told: the try counts all the same.
 */
void
limber_kiosk_pin_check_async (LimberKioskPin      *self,
                              const char          *pin,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *why = NULL;
  StoredHash hash = { 0 };
  char *digits;
  Check *check;
  guint wrong;

  g_return_if_fail (LIMBER_IS_KIOSK_PIN (self));
  g_return_if_fail (pin != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, limber_kiosk_pin_check_async);

  if (self->checking)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "Another PIN is being checked");
      return;
    }

  stored = g_settings_get_string (self->settings, "kiosk-pin-hash");
  if (stored[0] == '\0')
    {
      g_task_return_int (task, LIMBER_KIOSK_PIN_NOT_SET);
      return;
    }

  if (!parse_stored (stored, &hash, &why))
    {
      g_warning ("The kiosk PIN in the settings is damaged (%s); set it again with --set-kiosk-pin", why);
      g_task_return_int (task, LIMBER_KIOSK_PIN_DAMAGED);
      return;
    }

  if (limber_kiosk_pin_get_seconds_locked (self) > 0)
    {
      stored_hash_clear (&hash);
      g_task_return_int (task, LIMBER_KIOSK_PIN_LOCKED);
      return;
    }

  digits = limber_kiosk_pin_normalize (pin);
  if (digits == NULL)
    {
      stored_hash_clear (&hash);
      g_task_return_int (task, LIMBER_KIOSK_PIN_NOT_A_PIN);
      return;
    }

  check = g_new0 (Check, 1);
  check->pin = digits;
  check->hash = hash;
  check->stored = g_steal_pointer (&stored);
  check->state_path = g_strdup (self->state_path);
  check->before = self->tries;
  wrong = MIN (self->tries.wrong + 1, MAX_RECORDED_TRIES);
  check->if_wrong = (Tries) { wrong, lock_end (self, lock_seconds_after (wrong)) };
  check->rehash = check->hash.kind == HASH_PBKDF2 && g_settings_is_writable (self->settings, "kiosk-pin-hash");
  check->hook = self->check_hook;
  check->hook_data = self->check_hook_data;

  self->n_comparisons++;
  set_checking (self, TRUE);

  /* The thread's task owns the check; the caller's waits for it. */
  thread_task = g_task_new (self, NULL, on_checked, g_steal_pointer (&task));
  g_task_set_task_data (thread_task, check, (GDestroyNotify) check_free);
  g_task_run_in_thread (thread_task, check_in_thread);
}

/**
 * limber_kiosk_pin_check_finish:
 *
 * Returns: what the check found; %LIMBER_KIOSK_PIN_FAILED with @error set
 *   when it was cancelled, another was running or the system failed
 */
LimberKioskPinResult
limber_kiosk_pin_check_finish (LimberKioskPin  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  GError *task_error = NULL;
  gssize verdict;

  g_return_val_if_fail (g_task_is_valid (result, self), LIMBER_KIOSK_PIN_FAILED);

  verdict = g_task_propagate_int (G_TASK (result), &task_error);
  if (task_error != NULL)
    {
      g_propagate_error (error, task_error);
      return LIMBER_KIOSK_PIN_FAILED;
    }

  return (LimberKioskPinResult) verdict;
}

gboolean
limber_kiosk_pin_get_checking (LimberKioskPin *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK_PIN (self), FALSE);

  return self->checking;
}

static void
limber_kiosk_pin_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LimberKioskPin *self = LIMBER_KIOSK_PIN (object);

  switch (prop_id)
    {
    case PROP_CHECKING:
      g_value_set_boolean (value, self->checking);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_kiosk_pin_dispose (GObject *object)
{
  LimberKioskPin *self = (LimberKioskPin *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_kiosk_pin_parent_class)->dispose (object);
}

static void
limber_kiosk_pin_finalize (GObject *object)
{
  LimberKioskPin *self = (LimberKioskPin *)object;

  g_clear_pointer (&self->state_path, g_free);

  G_OBJECT_CLASS (limber_kiosk_pin_parent_class)->finalize (object);
}

static void
limber_kiosk_pin_class_init (LimberKioskPinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = limber_kiosk_pin_get_property;
  object_class->dispose = limber_kiosk_pin_dispose;
  object_class->finalize = limber_kiosk_pin_finalize;

  /* A PIN is being compared with the hash, in a thread. */
  properties[PROP_CHECKING] =
    g_param_spec_boolean ("checking", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_kiosk_pin_init (LimberKioskPin *self)
{
  self->clock = real_clock;
  /* Not a setting: a clinic's configuration locks those, and the kiosk
   * must still count. In the Flatpak, the app's own state folder. */
  self->state_path = g_build_filename (g_get_user_state_dir (), APPLICATION_ID, STATE_FILE_NAME, NULL);
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

guint
limber_kiosk_pin_get_seconds_locked (LimberKioskPin *self)
{
  gint64 left;

  g_return_val_if_fail (LIMBER_IS_KIOSK_PIN (self), 0);

  refresh_lock (self);
  left = self->tries.locked_until - now (self);
  if (left <= 0)
    return 0;

  return (guint) ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

/**
 * limber_kiosk_pin_get_tries_left:
 *
 * Returns: the wrong tries before entry is locked: five at first, then
 *   one after each lock
 */
guint
limber_kiosk_pin_get_tries_left (LimberKioskPin *self)
{
  g_return_val_if_fail (LIMBER_IS_KIOSK_PIN (self), 0);

  if (limber_kiosk_pin_get_seconds_locked (self) > 0)
    return 0;
  if (self->tries.wrong < LIMBER_KIOSK_PIN_MAX_TRIES)
    return LIMBER_KIOSK_PIN_MAX_TRIES - self->tries.wrong;
  return 1;
}

/**
 * limber_kiosk_pin_store:
 * @pin: digits of any script
 *
 * Keeps the yescrypt hash of @pin as the clinic PIN, if @pin is 4 to 12
 * digits and the clinic's configuration does not fix the key. Blocks for
 * about 0.1 s.
 */
gboolean
limber_kiosk_pin_store (GSettings   *settings,
                        const char  *pin,
                        GError     **error)
{
  g_autoptr(LimberKioskPinSecret) digits = NULL;
  g_autofree char *hash = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  digits = limber_kiosk_pin_normalize (pin);
  if (digits == NULL)
    {
      g_set_error (error, LIMBER_KIOSK_PIN_ERROR, LIMBER_KIOSK_PIN_ERROR_INVALID,
                   _("A PIN is %d to %d digits, and nothing else"), LIMBER_KIOSK_PIN_MIN_DIGITS,
                   LIMBER_KIOSK_PIN_MAX_DIGITS);
      return FALSE;
    }

  /* A storage that takes nothing is not the clinic's doing: say which it is. */
  if (!g_settings_is_writable (settings, "kiosk-pin-hash") && limber_settings_writer_can_write (settings))
    {
      g_set_error_literal (error, LIMBER_KIOSK_PIN_ERROR, LIMBER_KIOSK_PIN_ERROR_NOT_WRITABLE,
                           _("The PIN is set by the clinic’s configuration and cannot be changed here"));
      return FALSE;
    }

  hash = limber_kiosk_pin_hash (digits, error);
  if (hash == NULL)
    return FALSE;

  /* Written and read back, so that a PIN that was not kept is never reported as set. */
  {
    const char *keys[] = { "kiosk-pin-hash", NULL };
    g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_string (hash));
    GVariant *values[] = { value, NULL };

    return limber_settings_writer_write (settings, keys, values, error);
  }
}

void
limber_kiosk_pin_set_clock (LimberKioskPin      *self,
                            LimberKioskPinClock  clock,
                            gpointer             user_data)
{
  self->clock = clock != NULL ? clock : real_clock;
  self->clock_data = user_data;
}

void
limber_kiosk_pin_set_check_hook (LimberKioskPin     *self,
                                 LimberKioskPinHook  hook,
                                 gpointer            user_data)
{
  self->check_hook = hook;
  self->check_hook_data = user_data;
}

const char *
limber_kiosk_pin_get_state_path (LimberKioskPin *self)
{
  return self->state_path;
}

guint
limber_kiosk_pin_get_n_comparisons (LimberKioskPin *self)
{
  return self->n_comparisons;
}
