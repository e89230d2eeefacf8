/* test-plan-file.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <glib/gstdio.h>

#include <sys/stat.h>

#include "limber-plan-file.h"
#include "limber-test-backend.h"
#include "limber-test-timeout.h"
#include "limber-untrusted-text.h"

static LimberCatalog *catalog;

static const char *plan_keys[] = { "hidden-exercises", "prescribed-holds", "prescribed-repetitions" };

/* Everything the plan keeps, to compare before and after. */
static char *
snapshot_settings (GSettings *settings)
{
  GString *snapshot = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (plan_keys); i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, plan_keys[i]);
      g_autofree char *text = g_variant_print (value, TRUE);

      g_string_append_printf (snapshot, "%s=%s\n", plan_keys[i], text);
    }

  return g_string_free (snapshot, FALSE);
}

/* A plan that is not the default, so that "untouched" means something. */
static GSettings *
settings_with_a_plan (const char * const *locked)
{
  GSettings *settings = limber_test_settings_new (locked);

  g_settings_set_strv (settings, "hidden-exercises", (const char *[]) { "shoulder-roll", NULL });
  g_settings_set_value (settings, "prescribed-holds", g_variant_new_parsed ("{'midback-stretch': uint32 25}"));
  g_settings_set_value (settings, "prescribed-repetitions", g_variant_new_parsed ("{'resisted-rows': uint32 9}"));

  return settings;
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "plans", name, NULL);
}

static void
test_plan_file_valid (void)
{
  g_autofree char *path = data_path ("valid.plan");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = settings_with_a_plan (NULL);
  g_autoptr(LimberPlan) plan = limber_plan_new (catalog, settings);
  g_autoptr(GError) error = NULL;
  LimberPlanFile *plan_file;

  plan_file = limber_plan_file_new_from_file (catalog, file, &error);
  g_assert_no_error (error);
  g_assert_false (limber_plan_file_get_shown (plan_file, "midback-stretch"));
  g_assert_true (limber_plan_file_get_shown (plan_file, "shoulder-roll"));
  g_assert_cmpuint (limber_plan_file_get_hold (plan_file, "rhomboid-stretch"), ==, 20);
  g_assert_cmpuint (limber_plan_file_get_repetitions (plan_file, "wall-push-up"), ==, 10);

  g_assert_true (limber_plan_file_apply (plan_file, plan, &error));
  g_assert_no_error (error);

  /* The whole plan is replaced: what the file leaves out is the handout's. */
  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 1);
  g_assert_false (limber_plan_is_shown (plan, limber_catalog_lookup (catalog, "midback-stretch")));
  g_assert_true (limber_plan_is_shown (plan, limber_catalog_lookup (catalog, "shoulder-roll")));
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, limber_catalog_lookup (catalog, "rhomboid-stretch")), ==, 20);
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, limber_catalog_lookup (catalog, "midback-stretch")), ==, 0);
  g_assert_cmpuint (limber_plan_get_prescribed_repetitions (plan, limber_catalog_lookup (catalog, "resisted-rows")), ==, 0);

  g_assert_finalize_object (plan_file);
}

static void
test_plan_file_round_trip (void)
{
  g_autoptr(GSettings) settings = settings_with_a_plan (NULL);
  g_autoptr(GSettings) other_settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = limber_plan_new (catalog, settings);
  g_autoptr(LimberPlan) other_plan = limber_plan_new (catalog, other_settings);
  g_autoptr(LimberPlanFile) exported = NULL;
  g_autoptr(LimberPlanFile) imported = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  limber_plan_set_prescribed_hold (plan, limber_catalog_lookup (catalog, "rhomboid-stretch"), 30);
  before = snapshot_settings (settings);

  exported = limber_plan_file_new_from_plan (plan);
  bytes = limber_plan_file_to_bytes (exported);
  g_test_message ("%.*s", (int)g_bytes_get_size (bytes), (const char *)g_bytes_get_data (bytes, NULL));

  imported = limber_plan_file_new_from_bytes (catalog, bytes, &error);
  g_assert_no_error (error);
  g_assert_true (limber_plan_file_apply (imported, other_plan, &error));
  g_assert_no_error (error);

  after = snapshot_settings (other_settings);
  g_assert_cmpstr (after, ==, before);
}

typedef struct
{
  const char *file;
  int         code;
  const char *mentions;
} MalformedPlan;

static const MalformedPlan malformed_plans[] = {
  { "missing-version.plan", LIMBER_PLAN_FILE_ERROR_MISSING_VERSION, "version=1" },
  { "no-plan-group.plan", LIMBER_PLAN_FILE_ERROR_MISSING_VERSION, "[Plan]" },
  { "unsupported-version.plan", LIMBER_PLAN_FILE_ERROR_UNSUPPORTED_VERSION, "Line 2" },
  { "version-not-a-number.plan", LIMBER_PLAN_FILE_ERROR_INVALID_VALUE, "Line 2" },
  { "unknown-exercise.plan", LIMBER_PLAN_FILE_ERROR_UNKNOWN_EXERCISE, "Line 3: there is no exercise “neck-twist”" },
  { "duplicate-group.plan", LIMBER_PLAN_FILE_ERROR_DUPLICATE_GROUP, "Line 5: the group [wall-push-up]" },
  { "duplicate-plan-group.plan", LIMBER_PLAN_FILE_ERROR_DUPLICATE_GROUP, "Line 3" },
  { "unknown-key.plan", LIMBER_PLAN_FILE_ERROR_UNKNOWN_KEY, "Line 4: [wall-push-up] has no setting “colour”" },
  { "unknown-plan-key.plan", LIMBER_PLAN_FILE_ERROR_UNKNOWN_KEY, "Line 3: [Plan] has no setting “author”" },
  { "duplicate-key.plan", LIMBER_PLAN_FILE_ERROR_DUPLICATE_KEY, "Line 5: “hold” appears twice" },
  { "show-not-boolean.plan", LIMBER_PLAN_FILE_ERROR_INVALID_VALUE, "Line 4: “show” of [wall-push-up]" },
  { "hold-not-a-number.plan", LIMBER_PLAN_FILE_ERROR_INVALID_VALUE, "“twenty”" },
  { "hold-above-range.plan", LIMBER_PLAN_FILE_ERROR_OUT_OF_RANGE, "from 15 to 30, not 45" },
  { "hold-below-range.plan", LIMBER_PLAN_FILE_ERROR_OUT_OF_RANGE, "from 15 to 30, not 5" },
  { "hold-without-hold.plan", LIMBER_PLAN_FILE_ERROR_OUT_OF_RANGE, "[wall-push-up] has no hold" },
  { "repetitions-above-range.plan", LIMBER_PLAN_FILE_ERROR_OUT_OF_RANGE, "from 8 to 12, not 20" },
  { "repetitions-negative.plan", LIMBER_PLAN_FILE_ERROR_INVALID_VALUE, "“-3”" },
  { "key-before-group.plan", LIMBER_PLAN_FILE_ERROR_SYNTAX, "Line 1: a value before the first group" },
  { "not-key-value.plan", LIMBER_PLAN_FILE_ERROR_SYNTAX, "Line 4" },
  { "unterminated-group.plan", LIMBER_PLAN_FILE_ERROR_SYNTAX, "Line 3" },
  { "empty-group-name.plan", LIMBER_PLAN_FILE_ERROR_SYNTAX, "no name" },
  { "not-utf8.plan", LIMBER_PLAN_FILE_ERROR_ENCODING, "Line 5: the text is not valid UTF-8" },
  { "nul-byte.plan", LIMBER_PLAN_FILE_ERROR_ENCODING, "Line 4: the file has a NUL byte" },
  { "empty.plan", LIMBER_PLAN_FILE_ERROR_MISSING_VERSION, "not a Limber plan" },
  { "utf16.plan", LIMBER_PLAN_FILE_ERROR_ENCODING, "Line 1: the file is saved as UTF-16" },
  /* Hidden characters in a setting, repeated nowhere. */
  { "bidi-value.plan", LIMBER_PLAN_FILE_ERROR_ENCODING, "Line 9: the line contains an invisible character that changes the direction of the text (U+202E)" },
  { "bidi-group.plan", LIMBER_PLAN_FILE_ERROR_ENCODING, "Line 7: the line contains an invisible character that changes the direction of the text (U+2066)" },
  { "control-character.plan", LIMBER_PLAN_FILE_ERROR_ENCODING, "Line 5: the line contains a control character (U+001B)" },
  { "line-separator.plan", LIMBER_PLAN_FILE_ERROR_ENCODING, "Line 10: the line contains an invisible line or paragraph separator (U+2028)" },
  /* Values too long or too large: said briefly, and as what they are. */
  { "long-value.plan", LIMBER_PLAN_FILE_ERROR_OUT_OF_RANGE, "Line 9: “hold” of [rhomboid-stretch] must be 0 (the handout’s range) or from 15 to 30, not 9999999999999999999999999999999999999999…" },
  { "huge-number.plan", LIMBER_PLAN_FILE_ERROR_OUT_OF_RANGE, "Line 10: “repetitions” of [rhomboid-stretch] must be 0 (the handout’s range) or from 2 to 4, not 99999999999999999999999" },
  { "huge-version.plan", LIMBER_PLAN_FILE_ERROR_INVALID_VALUE, "Line 2: the version must be a whole number, not “18446744073709551616”" },
  { "plus-sign.plan", LIMBER_PLAN_FILE_ERROR_INVALID_VALUE, "not “+20”" },
  { "long-group.plan", LIMBER_PLAN_FILE_ERROR_UNKNOWN_EXERCISE, "Line 7: there is no exercise “rhomboid-stretch-rhomboid-stretch-rhombo…”" },
};

static void
assert_import_fails (GFile      *file,
                     GQuark      domain,
                     int         code,
                     const char *mentions)
{
  g_autoptr(GSettings) settings = settings_with_a_plan (NULL);
  g_autoptr(LimberPlan) plan = limber_plan_new (catalog, settings);
  g_autofree char *before = snapshot_settings (settings);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberPlanFile) plan_file = limber_plan_file_new_from_file (catalog, file, &error);

  g_assert_null (plan_file);
  g_assert_error (error, domain, code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, mentions) == NULL)
    g_error ("The error does not say “%s”: %s", mentions, error->message);
  /* Whatever the file holds, the message is short and shows all it says. */
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 300);
  g_assert_null (limber_untrusted_text_find_hidden (error->message, strlen (error->message)));

  after = snapshot_settings (settings);
  g_assert_cmpstr (after, ==, before);
}

static void
test_plan_file_malformed (gconstpointer data)
{
  const MalformedPlan *test_case = data;
  g_autofree char *path = data_path (test_case->file);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  assert_import_fails (file, LIMBER_PLAN_FILE_ERROR, test_case->code, test_case->mentions);
}

static void
test_plan_file_too_large (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "limber-too-large.plan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new ("[Plan]\nversion=1\n");
  g_autoptr(GError) error = NULL;

  while (text->len <= LIMBER_PLAN_FILE_MAX_SIZE)
    g_string_append (text, "# padding padding padding padding padding padding padding\n");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  assert_import_fails (file, LIMBER_PLAN_FILE_ERROR, LIMBER_PLAN_FILE_ERROR_TOO_LARGE, "64 KiB");
  g_unlink (path);
}

static gpointer
assert_import_fails_in_thread (gpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path (data);
  const char *reason = g_str_has_prefix (data, "/dev/") ? "it is a device, not a file" : "it is a named pipe, not a file";

  assert_import_fails (file, LIMBER_PLAN_FILE_ERROR, LIMBER_PLAN_FILE_ERROR_NOT_A_FILE, reason);
  return NULL;
}

static void
test_plan_file_not_a_file (void)
{
  g_autofree char *directory = g_test_build_filename (G_TEST_DIST, "data", "plans", NULL);
  g_autofree char *missing = data_path ("no-such.plan");
  g_autofree char *tmp = g_dir_make_tmp ("limber-plan-XXXXXX", NULL);
  g_autofree char *pipe = g_build_filename (tmp, "clinic.plan", NULL);
  g_autoptr(GFile) directory_file = g_file_new_for_path (directory);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);

  assert_import_fails (directory_file, LIMBER_PLAN_FILE_ERROR, LIMBER_PLAN_FILE_ERROR_NOT_A_FILE,
                       "it is a folder, not a file");
  assert_import_fails (missing_file, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no-such.plan");

  /* Neither waits for a writer nor reads for ever. */
  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  limber_test_call_with_timeout (assert_import_fails_in_thread, pipe, "Importing a plan from a named pipe");
  limber_test_call_with_timeout (assert_import_fails_in_thread, (gpointer)"/dev/zero", "Importing a plan from /dev/zero");
  g_unlink (pipe);
  g_rmdir (tmp);
}

/* The same plan as editors save it: with a byte-order mark, with CRLF or
 * CR line ends, and with the marks Arabic needs in a comment. */
static void
test_plan_file_editors (void)
{
  const char *files[] = { "bom.plan", "crlf.plan", "bom-crlf.plan", "cr.plan", "marks-in-comment.plan" };
  g_autofree char *reference_path = data_path ("valid.plan");
  g_autoptr(GFile) reference_file = g_file_new_for_path (reference_path);
  g_autoptr(LimberPlanFile) reference = limber_plan_file_new_from_file (catalog, reference_file, NULL);
  g_autoptr(GBytes) expected = limber_plan_file_to_bytes (reference);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = data_path (files[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(LimberPlanFile) plan_file = limber_plan_file_new_from_file (catalog, file, &error);
      g_autoptr(GBytes) bytes = NULL;

      g_test_message ("%s", files[i]);
      g_assert_no_error (error);
      bytes = limber_plan_file_to_bytes (plan_file);
      g_assert_true (g_bytes_equal (bytes, expected));
    }
}

static void
test_plan_file_unreadable (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "limber-unreadable.plan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "[Plan]\nversion=1\n", -1, &error);
  g_assert_no_error (error);
  g_chmod (path, 0);

  /* root reads anything; the check still runs where it means something. */
  if (access (path, R_OK) == 0)
    {
      g_unlink (path);
      g_test_skip ("running as root, every file is readable");
      return;
    }

  assert_import_fails (file, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "Could not read");
  g_unlink (path);
}

static void
test_plan_file_locked (void)
{
  const char *locked[] = { "prescribed-holds", NULL };
  g_autoptr(GSettings) settings = settings_with_a_plan (locked);
  g_autoptr(LimberPlan) plan = limber_plan_new (catalog, settings);
  g_autofree char *before = snapshot_settings (settings);
  g_autofree char *after = NULL;
  g_autofree char *path = data_path ("valid.plan");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberPlanFile) plan_file = limber_plan_file_new_from_file (catalog, file, &error);

  g_assert_no_error (error);
  g_assert_false (limber_plan_file_apply (plan_file, plan, &error));
  g_assert_error (error, LIMBER_PLAN_FILE_ERROR, LIMBER_PLAN_FILE_ERROR_LOCKED);

  after = snapshot_settings (settings);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  catalog = limber_catalog_new_default (NULL);

  g_test_add_func ("/plan-file/valid", test_plan_file_valid);
  g_test_add_func ("/plan-file/round-trip", test_plan_file_round_trip);
  g_test_add_func ("/plan-file/too-large", test_plan_file_too_large);
  g_test_add_func ("/plan-file/not-a-file", test_plan_file_not_a_file);
  g_test_add_func ("/plan-file/editors", test_plan_file_editors);
  g_test_add_func ("/plan-file/unreadable", test_plan_file_unreadable);
  g_test_add_func ("/plan-file/locked", test_plan_file_locked);

  for (guint i = 0; i < G_N_ELEMENTS (malformed_plans); i++)
    {
      g_autofree char *name = g_strdup_printf ("/plan-file/malformed/%s", malformed_plans[i].file);

      g_test_add_data_func (name, &malformed_plans[i], test_plan_file_malformed);
    }

  status = g_test_run ();
  g_assert_finalize_object (catalog);

  return status;
}
