/* test-application.c: the command line, run as a clinic's script would.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "limber-kiosk-pin-private.h"
#include "limber-test-timeout.h"

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

typedef struct
{
  GMainLoop *loop;
  char      *out;
  char      *err;
  gboolean   timed_out;
} Run;

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_main_loop_quit (run->loop);
}

static gboolean
on_run_timeout (gpointer user_data)
{
  Run *run = user_data;

  run->timed_out = TRUE;
  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

/* `limber ARGS…` (NULL-terminated), for what could hang if it regressed: a
 * run that has not ended after LIMBER_TEST_HANG_SECONDS is killed, and the
 * test fails instead of waiting for meson. Returns the exit status. */
static int
run_limber_with_timeout (Fixture  *fixture,
                         char    **out_stderr,
                         ...)
{
  g_autofree char *limber = g_test_build_filename (G_TEST_BUILT, "..", "src", "limber", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  Run run = { loop };
  guint timeout_id;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, limber);
  va_start (args, out_stderr);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", fixture->config_dir, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicated, &run);
  timeout_id = g_timeout_add_seconds (LIMBER_TEST_HANG_SECONDS, on_run_timeout, &run);
  g_main_loop_run (loop);

  if (run.timed_out)
    {
      g_subprocess_force_exit (process);
      g_error ("limber %s did not exit within %d s", (const char *)argv->pdata[1], LIMBER_TEST_HANG_SECONDS);
    }
  g_source_remove (timeout_id);

  g_test_message ("%s", run.err);
  g_free (run.out);
  if (out_stderr != NULL)
    *out_stderr = run.err;
  else
    g_free (run.err);

  return g_subprocess_get_exit_status (process);
}

static char *
make_named_pipe (Fixture    *fixture,
                 const char *name)
{
  char *path = g_build_filename (fixture->config_dir, name, NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  return path;
}

/* The plan of tests/data/plans/valid.plan, imported before anything else. */
static void
assert_plan_is_valid_plan (Fixture *fixture)
{
  g_autoptr(GSettings) settings = read_settings (fixture);
  g_auto(GStrv) hidden = g_settings_get_strv (settings, "hidden-exercises");
  g_autoptr(GVariant) holds = g_settings_get_value (settings, "prescribed-holds");
  g_autofree char *holds_text = g_variant_print (holds, FALSE);

  g_assert_cmpstrv (hidden, ((const char *[]) { "midback-stretch", NULL }));
  g_assert_cmpstr (holds_text, ==, "{'rhomboid-stretch': 20}");
}

/* A catalog or a plan that is a named pipe or a device: refused at once,
 * saying what it is, and the plan stays as it was. Before, the named pipe
 * blocked for ever, and /dev/zero grew to gigabytes. */
static void
test_not_a_file (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *plan = g_test_build_filename (G_TEST_DIST, "data", "plans", "valid.plan", NULL);
  g_autofree char *catalog_pipe = make_named_pipe (fixture, "catalog.xml");
  g_autofree char *plan_pipe = make_named_pipe (fixture, "plan");
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (run_limber_with_timeout (fixture, NULL, "--import-plan", plan, NULL), ==, EXIT_SUCCESS);

  g_assert_cmpint (run_limber_with_timeout (fixture, &err, "--catalog", catalog_pipe, "--import-plan", plan, NULL),
                   ==, EXIT_FAILURE);
  expected = g_strdup_printf ("Could not read the exercise catalog “%s”: it is a named pipe, not a file", catalog_pipe);
  g_assert_nonnull (strstr (err, expected));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);

  g_assert_cmpint (run_limber_with_timeout (fixture, &err, "--catalog", "/dev/zero", "--import-plan", plan, NULL),
                   ==, EXIT_FAILURE);
  g_assert_nonnull (strstr (err, "Could not read the exercise catalog “/dev/zero”: it is a device, not a file"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_limber_with_timeout (fixture, &err, "--import-plan", plan_pipe, NULL), ==, EXIT_FAILURE);
  expected = g_strdup_printf ("Could not read “%s”: it is a named pipe, not a file", plan_pipe);
  g_assert_nonnull (strstr (err, expected));

  assert_plan_is_valid_plan (fixture);
  g_unlink (catalog_pipe);
  g_unlink (plan_pipe);
}

/* A clinic's broken catalog, in a folder with "&" and "<" in its name:
 * the file, the line and the reason, and the plan stays as it was. */
static void
test_broken_catalog (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *plan = g_test_build_filename (G_TEST_DIST, "data", "plans", "valid.plan", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "catalogs", "bidi-override.catalog.xml", NULL);
  g_autofree char *folder = g_build_filename (fixture->config_dir, "Physio & Rehab <North>", NULL);
  g_autofree char *catalog = g_build_filename (folder, "clinic.catalog.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (catalog, contents, length, NULL));
  g_assert_cmpint (run_limber_with_timeout (fixture, NULL, "--import-plan", plan, NULL), ==, EXIT_SUCCESS);

  g_assert_cmpint (run_limber_with_timeout (fixture, &err, "--catalog", catalog, "--import-plan", plan, NULL),
                   ==, EXIT_FAILURE);
  expected = g_strdup_printf ("“%s”, line 15: exercise “test-stretch”, field “step”: it contains an invisible "
                              "character that changes the direction of the text (U+202E), which a catalog must not have",
                              catalog);
  g_assert_nonnull (strstr (err, expected));

  assert_plan_is_valid_plan (fixture);
  g_unlink (catalog);
  g_rmdir (folder);
}

/* What Windows Notepad saves, a byte-order mark and CRLF, imports. */
static void
test_import_editor_plan (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *plan = g_test_build_filename (G_TEST_DIST, "data", "plans", "bom-crlf.plan", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  g_spawn_check_wait_status (run_limber (fixture, "--import-plan", plan, &out, NULL), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Imported the plan"));
  assert_plan_is_valid_plan (fixture);
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
  g_test_add ("/application/import-editor-plan", Fixture, NULL, fixture_set_up, test_import_editor_plan, fixture_tear_down);
  g_test_add ("/application/not-a-file", Fixture, NULL, fixture_set_up, test_not_a_file, fixture_tear_down);
  g_test_add ("/application/broken-catalog", Fixture, NULL, fixture_set_up, test_broken_catalog, fixture_tear_down);
  g_test_add ("/application/set-kiosk-pin", Fixture, NULL, fixture_set_up, test_set_kiosk_pin, fixture_tear_down);
  g_test_add ("/application/version", Fixture, NULL, fixture_set_up, test_version, fixture_tear_down);

  return g_test_run ();
}
