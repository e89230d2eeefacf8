/* fuzz-catalog.c: the catalog parser under a fuzzer.
 *
 * A clinic's catalog is the input Limber trusts least. With -Dfuzzing=true
 * (clang) this is a libFuzzer target:
 *   _build-fuzz/tests/fuzz/fuzz-catalog -runs=1000000 CORPUS tests/data/catalogs
 * Otherwise it is built with a small main() that replays every file of the
 * folders and files given on the command line.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <stdint.h>

#include "limber-catalog.h"
#include "limber-untrusted-text.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_from_bytes (bytes, &error);
  const char *reason;

  /* Exactly one of a catalog and an error. */
  g_assert_true ((catalog == NULL) != (error == NULL));
  if (catalog != NULL)
    {
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), <=, LIMBER_CATALOG_MAX_EXERCISES);
      return 0;
    }

  /* The error says what and where, readably, whatever the file held. */
  g_assert_true (error->domain == LIMBER_CATALOG_ERROR);
  reason = limber_catalog_error_get_reason (error);
  g_assert_nonnull (reason);
  g_assert_true (g_str_has_suffix (error->message, reason));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (limber_untrusted_text_find_hidden (error->message, strlen (error->message)));
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 600);
  g_assert_cmpint (limber_catalog_error_get_line (error), >=, 0);

  return 0;
}

#ifndef LIMBER_LIBFUZZER
static guint
replay (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  gsize length;
  guint n_inputs = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      const char *name;

      dir = g_dir_open (path, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          n_inputs += replay (child);
        }
      return n_inputs;
    }

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  LLVMFuzzerTestOneInput ((const uint8_t *)contents, length);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  guint n_inputs = 0;

  for (int i = 1; i < argc; i++)
    n_inputs += replay (argv[i]);

  g_print ("1..1\nok 1 - replayed %u inputs\n", n_inputs);
  return n_inputs > 0 ? 0 : 1;
}
#endif
