/* test-application.c: the command line, run as a clinic's script would.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "limber-kiosk-pin-private.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

typedef struct
{
  char *config_dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->config_dir = g_dir_make_tmp ("limber-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *keyfile = g_build_filename (fixture->config_dir, "glib-2.0", "settings", "keyfile", NULL);
  g_autofree char *settings_dir = g_path_get_dirname (keyfile);
  g_autofree char *glib_dir = g_path_get_dirname (settings_dir);

  g_unlink (keyfile);
  g_rmdir (settings_dir);
  g_rmdir (glib_dir);
  g_rmdir (fixture->config_dir);
  g_free (fixture->config_dir);
}

/* Runs `limber ARGS…` with its settings in a keyfile of its own. */
static int
run_limber (Fixture     *fixture,
            const char  *arg1,
            const char  *arg2,
            char       **out_stdout,
            char       **out_stderr)
{
  g_autofree char *limber = g_test_build_filename (G_TEST_BUILT, "..", "src", "limber", NULL);
  const char *argv[] = { limber, arg1, arg2, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ignored_stdout = NULL;
  g_autofree char *ignored_stderr = NULL;
  int status;

  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", fixture->config_dir, TRUE);

  /* Captured even when unused: the test's own stdout is its TAP report. */
  g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                out_stdout != NULL ? out_stdout : &ignored_stdout,
                out_stderr != NULL ? out_stderr : &ignored_stderr,
                &status, &error);
  g_assert_no_error (error);

  return status;
}

/* `limber --set-kiosk-pin` with @input on its standard input, as a script would. */
static gboolean
set_kiosk_pin (Fixture     *fixture,
               const char  *input,
               char       **out_stderr)
{
  g_autofree char *limber = g_test_build_filename (G_TEST_BUILT, "..", "src", "limber", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", fixture->config_dir, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, limber, "--set-kiosk-pin", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, out_stderr, &error);
  g_assert_no_error (error);

  return g_subprocess_get_successful (process);
}

static GSettings *
read_settings (Fixture *fixture)
{
  g_autofree char *keyfile = g_build_filename (fixture->config_dir, "glib-2.0", "settings", "keyfile", NULL);
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (keyfile, "/", NULL);

  return g_settings_new_with_backend (APPLICATION_ID, backend);
}

static void
test_import_plan (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *plan = g_test_build_filename (G_TEST_DIST, "data", "plans", "valid.plan", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) hidden = NULL;
  g_autoptr(GVariant) holds = NULL;
  guint32 hold = 0;

  g_spawn_check_wait_status (run_limber (fixture, "--import-plan", plan, &out, &err), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Imported the plan"));

  settings = read_settings (fixture);
  hidden = g_settings_get_strv (settings, "hidden-exercises");
  g_assert_cmpstrv (hidden, ((const char *[]) { "midback-stretch", NULL }));
  holds = g_settings_get_value (settings, "prescribed-holds");
  g_assert_true (g_variant_lookup (holds, "rhomboid-stretch", "u", &hold));
  g_assert_cmpuint (hold, ==, 20);
}

static void
test_import_bad_plan (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "plans", "valid.plan", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "plans", "duplicate-key.plan", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) hidden = NULL;

  g_spawn_check_wait_status (run_limber (fixture, "--import-plan", good, NULL, NULL), &error);
  g_assert_no_error (error);

  g_assert_false (g_spawn_check_wait_status (run_limber (fixture, "--import-plan", bad, &out, &err), NULL));
  g_assert_nonnull (strstr (err, "was not imported: Line 5: “hold” appears twice"));

  /* The plan from before is untouched. */
  settings = read_settings (fixture);
  hidden = g_settings_get_strv (settings, "hidden-exercises");
  g_assert_cmpstrv (hidden, ((const char *[]) { "midback-stretch", NULL }));
}

static void
test_version (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  g_spawn_check_wait_status (run_limber (fixture, "--version", NULL, &out, NULL), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "Limber " PACKAGE_VERSION "\n");
}

static gboolean
stored_pin_is (Fixture    *fixture,
               const char *pin)
{
  g_autoptr(GSettings) settings = read_settings (fixture);
  g_autofree char *stored = g_settings_get_string (settings, "kiosk-pin-hash");
  g_autoptr(GError) error = NULL;
  gboolean matches = FALSE;

  g_assert_true (g_str_has_prefix (stored, "$y$"));
  g_assert_true (limber_kiosk_pin_verify_hash (stored, pin, &matches, &error));
  g_assert_no_error (error);
  return matches;
}

static void
test_set_kiosk_pin (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *keyfile_path = g_build_filename (fixture->config_dir, "glib-2.0", "settings", "keyfile", NULL);
  g_autofree char *keyfile = NULL;

  g_assert_true (set_kiosk_pin (fixture, "735100\n735100\n", NULL));

  /* Nowhere in the settings as it was typed: a yescrypt hash of it. */
  g_assert_true (g_file_get_contents (keyfile_path, &keyfile, NULL, NULL));
  g_assert_null (strstr (keyfile, "735100"));
  g_assert_false (stored_pin_is (fixture, "735101"));
  g_assert_true (stored_pin_is (fixture, "735100"));

  /* Two that differ, or one that is not a PIN, change nothing. */
  g_assert_false (set_kiosk_pin (fixture, "1111\n2222\n", &err));
  g_assert_nonnull (strstr (err, "not the same"));
  g_clear_pointer (&err, g_free);
  g_assert_false (set_kiosk_pin (fixture, "12a4\n12a4\n", &err));
  g_assert_nonnull (strstr (err, "4 to 12 digits"));
  g_assert_true (stored_pin_is (fixture, "735100"));

  /* Arabic-Indic digits, then the same PIN in ASCII: one PIN. */
  g_assert_true (set_kiosk_pin (fixture, "٢٤٦٨٠١\n246801\n", NULL));
  g_assert_true (stored_pin_is (fixture, "246801"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/application/import-plan", Fixture, NULL, fixture_set_up, test_import_plan, fixture_tear_down);
  g_test_add ("/application/import-bad-plan", Fixture, NULL, fixture_set_up, test_import_bad_plan, fixture_tear_down);
  g_test_add ("/application/set-kiosk-pin", Fixture, NULL, fixture_set_up, test_set_kiosk_pin, fixture_tear_down);
  g_test_add ("/application/version", Fixture, NULL, fixture_set_up, test_version, fixture_tear_down);

  return g_test_run ();
}
