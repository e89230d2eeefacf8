/* fuzz-plan-file.c: the plan-file parser under a fuzzer.
 *
 * With -Dfuzzing=true (clang) this is a libFuzzer target:
 *   _build-fuzz/tests/fuzz/fuzz-plan-file -runs=1000000 tests/fuzz/plan-corpus
 * Otherwise it is built with a small main() that replays every file given on
 * the command line, so the target and its corpus are exercised by every test run.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <stdint.h>

#include "limber-plan-file.h"
#include "limber-untrusted-text.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static LimberCatalog *
fuzz_catalog (void)
{
  static LimberCatalog *catalog;

  if (catalog == NULL)
    catalog = limber_catalog_new_default (NULL);

  return catalog;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberPlanFile) plan_file = limber_plan_file_new_from_bytes (fuzz_catalog (), bytes, &error);

  /* Exactly one of a plan and an error, and errors are always readable text. */
  g_assert_true ((plan_file == NULL) != (error == NULL));
  if (error != NULL)
    {
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (limber_untrusted_text_find_hidden (error->message, strlen (error->message)));
      return 0;
    }

  /* What was accepted writes back out and reads back the same. */
  {
    g_autoptr(GBytes) written = limber_plan_file_to_bytes (plan_file);
    g_autoptr(LimberPlanFile) reread = limber_plan_file_new_from_bytes (fuzz_catalog (), written, &error);
    g_autoptr(GBytes) rewritten = NULL;

    g_assert_no_error (error);
    rewritten = limber_plan_file_to_bytes (reread);
    g_assert_true (g_bytes_equal (written, rewritten));
  }

  return 0;
}

#ifndef LIMBER_LIBFUZZER
int
main (int   argc,
      char *argv[])
{
  guint n_inputs = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (argv[i], &contents, &length, &error))
        g_error ("%s", error->message);

      LLVMFuzzerTestOneInput ((const uint8_t *)contents, length);
      n_inputs++;
    }

  g_print ("1..1\nok 1 - replayed %u inputs\n", n_inputs);
  return n_inputs > 0 ? 0 : 1;
}
#endif
