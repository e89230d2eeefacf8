/* bench-pin.c: the time a kiosk PIN check takes (build-aux/dev bench pin).
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: limber-bench-pin RUNS
 *
 * Times limber_kiosk_pin_verify_hash(), the work the checking thread does,
 * RUNS times for each kind of hash: what --set-kiosk-pin stores now, the
 * PBKDF2 hash earlier versions stored, and the costliest of each that is
 * still accepted. Prints one "KIND-ms=" line a run, with the wall clock,
 * one "KIND-cpu-ms=", with the thread's CPU time (steadier on a shared
 * machine), and "KIND-rss-kib=", the peak resident size after that kind.
 */

#include "limber-config.h"

#include <crypt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "limber-kiosk-pin-private.h"

#define PIN "482916"

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static void
time_checks (const char *kind,
             const char *stored,
             guint       runs)
{
  struct rusage usage;

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean matches = FALSE;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();

      if (!limber_kiosk_pin_verify_hash (stored, PIN, &matches, &error) || !matches)
        g_error ("%s: the PIN was not accepted: %s", kind, error != NULL ? error->message : "no match");
      g_print ("%s-ms=%.2f\n", kind, (g_get_monotonic_time () - start) / 1000.0);
      g_print ("%s-cpu-ms=%.2f\n", kind, cpu_ms () - cpu_start);
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("%s-rss-kib=%ld\n", kind, usage.ru_maxrss);
}

/* yescrypt at a libxcrypt cost other than Limber's own. */
static char *
yescrypt_at_cost (unsigned long cost)
{
  char *setting = crypt_gensalt_ra ("$y$", cost, NULL, 0);
  struct crypt_data *data = g_new0 (struct crypt_data, 1);
  char *hash;

  if (setting == NULL || crypt_rn (PIN, setting, data, sizeof *data) == NULL)
    g_error ("libxcrypt made no yescrypt hash at cost %lu", cost);
  hash = g_strdup (data->output);
  free (setting);
  g_free (data);

  return hash;
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 15;
  g_autoptr(GError) error = NULL;
  g_autofree char *yescrypt = limber_kiosk_pin_hash (PIN, &error);
  g_autofree char *pbkdf2 = limber_kiosk_pin_hash_pbkdf2 (PIN, 100000);
  g_autofree char *yescrypt_max = NULL;
  g_autofree char *pbkdf2_max = NULL;

  if (yescrypt == NULL)
    g_error ("No yescrypt hash: %s", error->message);
  if (runs == 0)
    g_error ("Usage: limber-bench-pin RUNS");

  g_print ("yescrypt-setting=%.*s\n", (int) (strchr (yescrypt + 3, '$') - yescrypt), yescrypt);
  time_checks ("yescrypt", yescrypt, runs);
  time_checks ("pbkdf2", pbkdf2, runs);
  /* The bounds: slower than these is a damaged hash. Made last, so that
   * the peak sizes above are their own. */
  yescrypt_max = yescrypt_at_cost (9);
  pbkdf2_max = limber_kiosk_pin_hash_pbkdf2 (PIN, 1000000);
  time_checks ("yescrypt-max", yescrypt_max, MAX (runs / 5, 1));
  time_checks ("pbkdf2-max", pbkdf2_max, MAX (runs / 5, 1));

  return EXIT_SUCCESS;
}
