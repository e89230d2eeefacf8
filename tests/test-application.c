/* test-application.c: the command line, run as a clinic's script would.
 *
 * Every command is the real binary. Where a running instance has to be
 * looked at, the primary instance is Limber's own application class, run
 * with the same command line in a test subprocess (a fresh process each
 * time), so that its window can be checked as tests/test-kiosk.c does. The
 * D-Bus activation test starts the real binary through the service file.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <gdk/x11/gdkx.h>
#include <gio/gdesktopappinfo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <X11/Xatom.h>
#include <X11/keysym.h>

#include "limber-kiosk-guard-private.h"
#include "limber-kiosk-pin-private.h"
#include "limber-test-timeout.h"
#include "limber-window-private.h"
#include "window-helpers.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#define DCONF_SERVICE "/usr/libexec/dconf-service"
#define SCHEMA_PATH "/io/github/limberapp/Limber/"
/* A guard against a hang, not a performance target. */
#define SUBPROCESS_TIMEOUT_US (120 * G_USEC_PER_SEC)

/* What the plan files in tests/data/plans make of the plan. */
static const char *valid_plan_hidden[] = { "midback-stretch", NULL };
static const char *other_plan_hidden[] = { "wall-push-up", NULL };
#define OTHER_PLAN "[Plan]\nversion=1\n\n[wall-push-up]\nshow=false\n"

typedef struct
{
  char *dir;
  char *config_dir;
  char *keyfile;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
limber_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "src", "limber", NULL);
}

static char *
plan_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "plans", name, NULL);
}

static char *
catalog_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "catalogs", name, NULL);
}

static void
remove_tree (const char *dir)
{
  const char *argv[] = { "rm", "-rf", dir, NULL };
  g_autoptr(GError) error = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("limber-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->config_dir = g_build_filename (fixture->dir, "config", NULL);
  fixture->keyfile = g_build_filename (fixture->config_dir, "glib-2.0", "settings", "keyfile", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->config_dir);
  g_free (fixture->keyfile);
}

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;
  GSubprocess *process = G_SUBPROCESS (source);
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (process, result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static gboolean
has_output (gpointer data)
{
  return ((Run *) data)->out != NULL;
}

/* A subprocess that ends with this test, whatever becomes of the test. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static GSubprocessLauncher *
launcher_new (GSubprocessFlags    flags,
              const char * const *env)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);

  /* NAME=VALUE sets NAME, NAME= takes it away. */
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      if (pair[1][0] != '\0')
        g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
      else
        g_subprocess_launcher_unsetenv (launcher, pair[0]);
    }
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);

  return launcher;
}

/* Runs @argv with @env added to this test's environment, in @cwd (or here),
 * and waits for it while the main context turns: a primary instance in this
 * process answers it meanwhile. */
static void
run_in (const char         *cwd,
        const char * const *argv,
        const char * const *env,
        Run                *run)
{
  g_autoptr(GSubprocessLauncher) launcher = launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                          G_SUBPROCESS_FLAGS_STDERR_PIPE, env);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  run_clear (run);
  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicated, run);
  wait_until (has_output, run, argv[0]);
  g_test_message ("%s %s → %d\nstdout: %s\nstderr: %s", argv[0], argv[1] != NULL ? argv[1] : "",
                  run->status, run->out, run->err);
}

static void
run (const char * const *argv,
     const char * const *env,
     Run                *result)
{
  run_in (NULL, argv, env, result);
}

/* `limber ARGS…` (up to three) with @env. */
static void
run_limber_with (const char * const *env,
                 const char         *arg1,
                 const char         *arg2,
                 const char         *arg3,
                 Run                *result)
{
  g_autofree char *limber = limber_path ();
  const char *argv[] = { limber, arg1, arg2, arg3, NULL };

  run (argv, env, result);
}

/* `limber ARGS…` with its settings in a keyfile of its own. */
static void
run_limber (Fixture    *fixture,
            const char *arg1,
            const char *arg2,
            Run        *result)
{
  g_autofree char *config = g_strconcat ("XDG_CONFIG_HOME=", fixture->config_dir, NULL);
  const char *env[] = { "GSETTINGS_BACKEND=keyfile", config, NULL };

  run_limber_with (env, arg1, arg2, NULL, result);
}

/* `limber --set-kiosk-pin` with @input on its standard input, as a script would. */
static gboolean
set_kiosk_pin (Fixture     *fixture,
               const char  *input,
               char       **out_stderr)
{
  g_autofree char *limber = limber_path ();
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
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (fixture->keyfile, "/", NULL);

  return g_settings_new_with_backend (APPLICATION_ID, backend);
}

static void
assert_hidden (GSettings          *settings,
               const char * const *expected)
{
  g_auto(GStrv) hidden = g_settings_get_strv (settings, "hidden-exercises");

  g_assert_cmpstrv (hidden, expected);
}

static char *
write_other_plan (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "other.plan", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, OTHER_PLAN, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_import_plan (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *plan = plan_path ("valid.plan");
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GVariant) holds = NULL;
  g_auto(Run) result = { 0 };
  guint32 hold = 0;

  run_limber (fixture, "--import-plan", plan, &result);
  g_assert_cmpint (result.status, ==, EXIT_SUCCESS);
  g_assert_nonnull (strstr (result.out, "Imported the plan"));

  settings = read_settings (fixture);
  assert_hidden (settings, valid_plan_hidden);
  holds = g_settings_get_value (settings, "prescribed-holds");
  g_assert_true (g_variant_lookup (holds, "rhomboid-stretch", "u", &hold));
  g_assert_cmpuint (hold, ==, 20);
}

static void
test_import_bad_plan (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *good = plan_path ("valid.plan");
  g_autofree char *bad = plan_path ("duplicate-key.plan");
  g_autoptr(GSettings) settings = NULL;
  g_auto(Run) result = { 0 };

  run_limber (fixture, "--import-plan", good, &result);
  g_assert_cmpint (result.status, ==, EXIT_SUCCESS);

  run_limber (fixture, "--import-plan", bad, &result);
  g_assert_cmpint (result.status, ==, EXIT_FAILURE);
  g_assert_nonnull (strstr (result.err, "was not imported: Line 5: “hold” appears twice"));

  /* The plan from before is untouched. */
  settings = read_settings (fixture);
  assert_hidden (settings, valid_plan_hidden);
}

static void
test_version (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(Run) result = { 0 };

  run_limber (fixture, "--version", NULL, &result);
  g_assert_cmpint (result.status, ==, EXIT_SUCCESS);
  g_assert_cmpstr (result.out, ==, "Limber " PACKAGE_VERSION "\n");
}

/* Command lines no instance could carry out are refused before any window. */
static void
test_refused_command_lines (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *plan = plan_path ("valid.plan");
  g_auto(Run) result = { 0 };

  run_limber (fixture, plan, NULL, &result);
  g_assert_cmpint (result.status, ==, EXIT_FAILURE);
  g_assert_nonnull (strstr (result.err, "Limber does not open “"));
  g_assert_nonnull (strstr (result.err, "--import-plan FILE"));

  run_limber_with (NULL, "--kiosk", "--import-plan", plan, &result);
  g_assert_cmpint (result.status, ==, EXIT_FAILURE);
  g_assert_nonnull (strstr (result.err, "cannot go with --kiosk"));
  g_assert_false (g_file_test (fixture->keyfile, G_FILE_TEST_EXISTS));
}

typedef struct
{
  GMainLoop *loop;
  char      *out;
  char      *err;
  gboolean   timed_out;
} TimedRun;

static void
on_timed_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TimedRun *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_main_loop_quit (run->loop);
}

static gboolean
on_timed_run_timeout (gpointer user_data)
{
  TimedRun *run = user_data;

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
  TimedRun run = { loop };
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

  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_timed_communicated, &run);
  timeout_id = g_timeout_add_seconds (LIMBER_TEST_HANG_SECONDS, on_timed_run_timeout, &run);
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

  g_assert_cmpint (g_mkdir_with_parents (fixture->config_dir, 0700), ==, 0);
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
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
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
  g_auto(Run) result = { 0 };

  run_limber (fixture, "--import-plan", plan, &result);
  g_assert_cmpint (result.status, ==, EXIT_SUCCESS);
  g_assert_nonnull (strstr (result.out, "Imported the plan"));
  assert_plan_is_valid_plan (fixture);
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

/* --- Settings that cannot be stored -------------------------------------- */

/* Root ignores file permissions, but not a read-only mount: @argv runs with
 * @dir mounted read-only over itself, in a mount namespace of its own that
 * nothing else sees. */
static GStrv
read_only_argv (const char         *dir,
                const char * const *argv)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add_many (builder, "unshare", "--mount", "--propagation", "private", "--",
                           "sh", "-c", "mount --bind -o ro \"$0\" \"$0\" || exit 77; exec \"$@\"", dir, NULL);
  g_strv_builder_addv (builder, (const char **) argv);
  return g_strv_builder_end (builder);
}

static gboolean
can_mount_read_only (Fixture *fixture)
{
  const char *argv[] = { "true", NULL };
  g_auto(GStrv) probe = read_only_argv (fixture->dir, argv);
  g_auto(Run) result = { 0 };

  run ((const char * const *) probe, NULL, &result);
  if (result.status == 0)
    return TRUE;

  g_test_skip ("a private read-only mount needs root or CAP_SYS_ADMIN, which this machine does not give");
  return FALSE;
}

static void
add_variable (GStrvBuilder *builder,
              const char   *name,
              const char   *value)
{
  g_autofree char *variable = g_strconcat (name, "=", value, NULL);

  g_strv_builder_add (builder, variable);
}

/* The keyfile backend's environment, without fatal warnings where GLib's own
 * backend warns (as it does when it cannot write). */
static GStrv
keyfile_env (const char *config_dir,
             gboolean    glib_warns)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, "GSETTINGS_BACKEND=keyfile");
  add_variable (builder, "XDG_CONFIG_HOME", config_dir);
  if (glib_warns)
    g_strv_builder_add (builder, "G_DEBUG=");
  return g_strv_builder_end (builder);
}

/* A plan imported, then @path imported with @argv_wrap's read-only folder:
 * refused with @message, the keyfile as it was. */
static void
assert_keyfile_import_refused (Fixture    *fixture,
                               const char *read_only,
                               gboolean    glib_warns,
                               const char *message)
{
  g_autofree char *limber = limber_path ();
  g_autofree char *other = write_other_plan (fixture);
  g_autofree char *plan = plan_path ("valid.plan");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) env = keyfile_env (fixture->config_dir, glib_warns);
  const char *argv[] = { limber, "--import-plan", plan, NULL };
  g_auto(GStrv) read_only_import = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_auto(Run) result = { 0 };

  run_limber (fixture, "--import-plan", other, &result);
  g_assert_cmpint (result.status, ==, EXIT_SUCCESS);
  g_assert_true (g_file_get_contents (fixture->keyfile, &before, NULL, NULL));

  read_only_import = read_only_argv (read_only, argv);
  run ((const char * const *) read_only_import, (const char * const *) env, &result);
  g_assert_cmpint (result.status, ==, EXIT_FAILURE);
  g_assert_null (strstr (result.out, "Imported"));
  g_assert_nonnull (strstr (result.err, "was not imported: "));
  g_assert_nonnull (strstr (result.err, message));
  g_assert_null (strstr (result.err, "clinic"));

  g_assert_true (g_file_get_contents (fixture->keyfile, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  settings = read_settings (fixture);
  assert_hidden (settings, other_plan_hidden);
}

/* The folder read-only: the keyfile backend calls every key unwritable,
 * which is not a clinic's lock. */
static void
test_import_keyfile_read_only_folder (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *folder = g_path_get_dirname (fixture->keyfile);

  if (can_mount_read_only (fixture))
    assert_keyfile_import_refused (fixture, folder, FALSE, "the settings storage does not accept changes");
}

/* The file read-only in a writable folder: the backend takes the change in
 * memory and fails to write it. */
static void
test_import_keyfile_read_only_file (Fixture       *fixture,
                                    gconstpointer  data)
{
  if (can_mount_read_only (fixture))
    assert_keyfile_import_refused (fixture, fixture->keyfile, TRUE, "could not save its settings");
}

/* XDG_CONFIG_HOME under a regular file: no folder can be made there. */
static void
test_import_keyfile_under_a_file (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "not-a-folder", NULL);
  g_autofree char *config = g_build_filename (file, "config", NULL);
  g_autofree char *plan = plan_path ("valid.plan");
  g_autofree char *contents = NULL;
  g_auto(GStrv) env = keyfile_env (config, TRUE);
  g_auto(Run) result = { 0 };

  g_assert_true (g_file_set_contents (file, "a file\n", -1, NULL));
  run_limber_with ((const char * const *) env, "--import-plan", plan, NULL, &result);
  g_assert_cmpint (result.status, ==, EXIT_FAILURE);
  g_assert_nonnull (strstr (result.err, "was not imported: Limber cannot save settings on this computer"));
  g_assert_null (strstr (result.err, "clinic"));
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "a file\n");
}

/* dconf: the user's database in @fixture, then a clinic's database that
 * locks the plan's keys and hides the wall push-up, compiled by the real
 * dconf. Returns the environment that reads them. */
static GStrv
dconf_env (Fixture  *fixture,
           gboolean  clinic)
{
  g_autofree char *runtime = g_build_filename (fixture->dir, "runtime", NULL);
  g_autofree char *profile = g_build_filename (fixture->dir, "profile", NULL);
  g_autofree char *clinic_db = g_build_filename (fixture->dir, "clinic", NULL);
  g_autofree char *clinic_dir = g_build_filename (fixture->dir, "clinic.d", NULL);
  g_autofree char *locks_dir = g_build_filename (clinic_dir, "locks", NULL);
  g_autofree char *keys = g_build_filename (clinic_dir, "00-clinic", NULL);
  g_autofree char *locks = g_build_filename (locks_dir, "00-clinic", NULL);
  g_autofree char *profile_text = g_strdup_printf ("user-db:user\n%s%s\n", clinic ? "file-db:" : "",
                                                   clinic ? clinic_db : "");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (fixture->config_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (profile, profile_text, -1, NULL));
  if (clinic)
    {
      const char *compile[] = { "dconf", "compile", clinic_db, clinic_dir, NULL };
      g_auto(Run) result = { 0 };

      g_assert_cmpint (g_mkdir_with_parents (locks_dir, 0755), ==, 0);
      g_assert_true (g_file_set_contents (keys, "[io/github/limberapp/Limber]\n"
                                                "hidden-exercises=['wall-push-up']\n", -1, NULL));
      g_assert_true (g_file_set_contents (locks, SCHEMA_PATH "hidden-exercises\n"
                                                 SCHEMA_PATH "prescribed-holds\n"
                                                 SCHEMA_PATH "prescribed-repetitions\n", -1, NULL));
      run (compile, NULL, &result);
      g_assert_cmpint (result.status, ==, EXIT_SUCCESS);
    }

  g_strv_builder_add (builder, "GSETTINGS_BACKEND=dconf");
  add_variable (builder, "DCONF_PROFILE", profile);
  add_variable (builder, "XDG_CONFIG_HOME", fixture->config_dir);
  add_variable (builder, "XDG_RUNTIME_DIR", runtime);
  return g_strv_builder_end (builder);
}

/* For what no main loop source announces: another process's doing. */
static void
poll_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Gave up waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
}

static gboolean
name_has_owner (GDBusConnection *bus,
                const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner", g_variant_new ("(s)", name),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(b)", &owned);
  return owned;
}

typedef struct
{
  GDBusConnection *bus;
  const char      *name;
  gboolean         owned;
} BusName;

static gboolean
bus_name_is (gpointer data)
{
  BusName *name = data;

  return name_has_owner (name->bus, name->name) == name->owned;
}

static void
wait_for_bus_name (GDBusConnection *bus,
                   const char      *name,
                   gboolean         owned)
{
  BusName wanted = { bus, name, owned };

  poll_until (bus_name_is, &wanted, owned ? name : "a bus name to go");
}

/* This test's own dconf-service, with @env's folders: the session bus would
 * otherwise start one with its own. Over @read_only_dir, if given. */
static GSubprocess *
start_dconf_service (const char * const *env,
                     const char         *read_only_dir)
{
  const char *argv[] = { DCONF_SERVICE, NULL };
  g_auto(GStrv) read_only = read_only_dir != NULL ? read_only_argv (read_only_dir, argv) : NULL;
  g_autoptr(GSubprocessLauncher) launcher = launcher_new (G_SUBPROCESS_FLAGS_NONE, env);
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GError) error = NULL;
  GSubprocess *service;

  g_assert_false (name_has_owner (bus, "ca.desrt.dconf"));
  service = g_subprocess_launcher_spawnv (launcher, read_only != NULL ? (const char * const *) read_only : argv,
                                          &error);
  g_assert_no_error (error);
  wait_for_bus_name (bus, "ca.desrt.dconf", TRUE);
  return service;
}

static void
stop_dconf_service (GSubprocess *service)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  g_subprocess_send_signal (service, SIGTERM);
  g_subprocess_wait (service, NULL, NULL);
  wait_for_bus_name (bus, "ca.desrt.dconf", FALSE);
  g_object_unref (service);
}

static void
assert_dconf_hidden (const char * const *env,
                     const char         *expected)
{
  const char *argv[] = { "gsettings", "get", APPLICATION_ID, "hidden-exercises", NULL };
  g_auto(Run) result = { 0 };

  run (argv, env, &result);
  g_assert_cmpint (result.status, ==, EXIT_SUCCESS);
  g_assert_cmpstr (g_strstrip (result.out), ==, expected);
}

/* dconf-service cannot write the user's database: dconf only logs it. */
static void
test_import_dconf_read_only (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *other = NULL;
  g_autofree char *plan = plan_path ("valid.plan");
  g_autofree char *database = g_build_filename (fixture->config_dir, "dconf", NULL);
  g_autofree char *database_file = g_build_filename (database, "user", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) env = NULL;
  g_autoptr(GStrvBuilder) warning_env = g_strv_builder_new ();
  g_auto(GStrv) failing_env = NULL;
  g_auto(Run) result = { 0 };
  GSubprocess *service;

  if (!can_mount_read_only (fixture))
    return;

  other = write_other_plan (fixture);
  env = dconf_env (fixture, FALSE);
  service = start_dconf_service ((const char * const *) env, NULL);
  run_limber_with ((const char * const *) env, "--import-plan", other, NULL, &result);
  stop_dconf_service (service);
  g_assert_cmpint (result.status, ==, EXIT_SUCCESS);
  g_assert_nonnull (strstr (result.out, "Imported the plan"));
  assert_dconf_hidden ((const char * const *) env, "['wall-push-up']");
  g_assert_true (g_file_get_contents (database_file, &before, NULL, NULL));

  /* dconf's "failed to commit changes" is a warning of its own. */
  g_strv_builder_addv (warning_env, (const char **) env);
  g_strv_builder_add (warning_env, "G_DEBUG=");
  failing_env = g_strv_builder_end (warning_env);
  service = start_dconf_service ((const char * const *) env, database);
  run_limber_with ((const char * const *) failing_env, "--import-plan", plan, NULL, &result);
  stop_dconf_service (service);
  g_assert_cmpint (result.status, ==, EXIT_FAILURE);
  g_assert_null (strstr (result.out, "Imported"));
  g_assert_nonnull (strstr (result.err, "was not imported: Limber could not save its settings on this "
                                        "computer (the settings storage reported an error), so nothing was "
                                        "changed"));

  assert_dconf_hidden ((const char * const *) env, "['wall-push-up']");
  g_assert_true (g_file_get_contents (database_file, &after, NULL, NULL));
  g_assert_true (g_strcmp0 (before, after) == 0);
}

/* A clinic's lock is named as one, and needs no dconf-service to refuse. */
static void
test_import_dconf_locked (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *plan = plan_path ("valid.plan");
  g_auto(GStrv) env = dconf_env (fixture, TRUE);
  g_auto(Run) result = { 0 };

  run_limber_with ((const char * const *) env, "--import-plan", plan, NULL, &result);
  g_assert_cmpint (result.status, ==, EXIT_FAILURE);
  g_assert_nonnull (strstr (result.err, "was not imported: Your clinic has set this part of the plan"));
  assert_dconf_hidden ((const char * const *) env, "['wall-push-up']");
}

/* --- A running instance --------------------------------------------------- */

typedef void (*PrimaryCheck) (LimberApplication *application,
                              gconstpointer      data);

typedef struct
{
  LimberApplication *application;
  PrimaryCheck       check;
  gconstpointer      data;
  gboolean           checked;
} Primary;

static LimberWindow *
find_window (LimberApplication *application)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL; l = l->next)
    if (LIMBER_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static guint
n_visible_windows (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    n += gtk_widget_get_visible (l->data);

  return n;
}

static void
destroy_all_windows (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (toplevels, g_object_unref);
}

static void
on_primary_running (gpointer user_data)
{
  Primary *primary = user_data;

  g_assert_false (g_application_get_is_remote (G_APPLICATION (primary->application)));
  primary->check (primary->application, primary->data);
  primary->checked = TRUE;
  /* A kiosk refuses to close and has no quit action left. */
  destroy_all_windows ();
  g_application_quit (G_APPLICATION (primary->application));
}

/* Limber's application class as the primary instance, in this process, with
 * @args as its command line; @check runs once it runs. Returns its exit
 * status: GLib makes it 0 once a window has run, whatever the command line
 * said, so a first instance's errors are its messages. */
static int
run_primary (const char * const *args,
             PrimaryCheck        check,
             gconstpointer       data)
{
  g_autoptr(LimberApplication) application = limber_application_new ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  Primary primary = { application, check, data, FALSE };
  int status;

  g_ptr_array_add (argv, (char *) "limber");
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_idle_add_once (on_primary_running, &primary);
  status = g_application_run (G_APPLICATION (application), argv->len - 1, (char **) argv->pdata);

  g_assert_true (primary.checked);
  return status;
}

/* Each primary instance in a process of its own: a fresh GTK, and the bus
 * name given back when it ends. */
static void
run_in_subprocess (void)
{
  g_test_trap_subprocess (NULL, SUBPROCESS_TIMEOUT_US, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
on_waited (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static void
spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, on_waited, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_fullscreen (gpointer data)
{
  return gtk_window_is_fullscreen (GTK_WINDOW (data));
}

/* What tests/test-kiosk.c checks of a kiosk. */
static void
assert_locked (LimberApplication *application,
               LimberWindow      *window)
{
  g_assert_true (limber_window_get_kiosk (window));
  wait_until (is_fullscreen, window, "the kiosk to be fullscreen");
  g_assert_false (gtk_widget_get_visible (find_widget_of_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR)));
  g_assert_false (gtk_window_get_deletable (GTK_WINDOW (window)));
  g_assert_nonnull (limber_kiosk_controller_get_guard (limber_window_get_kiosk_controller (window)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (application), "quit"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (application), "about"));
  g_assert_cmpuint (n_visible_windows (), ==, 1);
}

/* The keys that quit, closed or opened About and My Plan from a kiosk whose
 * catalog failed, pressed for real. */
static void
assert_keys_ignored (LimberWindow *window)
{
  static const KeySym keys[][3] = {
    { XK_Control_L, XK_q, NoSymbol }, { XK_F10, NoSymbol }, { XK_Control_L, XK_comma, NoSymbol },
    { XK_Alt_L, XK_F4, NoSymbol }, { XK_Escape, NoSymbol },
  };

  focus_window (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      press_keys (window, keys[i]);
      spin_for (150);
      g_assert_nonnull (window);
      g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (window)));
      g_assert_cmpuint (n_visible_windows (), ==, 1);
      g_assert_null (limber_window_get_plan_dialog (window));
    }
  g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) &window);
}

static void
set_kiosk_mode_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_set_boolean (settings, "kiosk-mode", TRUE);
}

static gboolean
unlock_shown (gpointer data)
{
  return gtk_widget_get_visible (limber_kiosk_guard_get_unlock (data));
}

/* A catalog that does not load, in a kiosk: its error, in the locked kiosk,
 * which the clinic's chord still leaves. */
static void
check_error_in_kiosk (LimberApplication *application,
                      gconstpointer      data)
{
  static const KeySym chord[] = { XK_Control_L, XK_Alt_L, XK_k, NoSymbol };
  LimberWindow *window = find_window (application);
  LimberKioskGuard *guard;

  g_assert_nonnull (window);
  g_assert_null (limber_window_get_plan (window));
  g_assert_cmpstr (limber_window_get_visible_page (window), ==, "error");
  assert_locked (application, window);
  assert_keys_ignored (window);

  guard = limber_kiosk_controller_get_guard (limber_window_get_kiosk_controller (window));
  limber_kiosk_guard_set_time_scale (guard, 0.1);
  hold_keys (window, chord, TRUE);
  wait_until (unlock_shown, guard, "the long-pressed chord to ask for the PIN");
  hold_keys (window, chord, FALSE);
  press_keys (window, (const KeySym[]) { XK_Escape, NoSymbol });
  spin_for (50);
  g_assert_false (unlock_shown (guard));
  g_assert_true (limber_window_get_kiosk (window));
}

static void
test_fail_closed_missing_catalog (void)
{
  if (g_test_subprocess ())
    {
      const char *args[] = { "--kiosk", "--catalog", "/nonexistent/clinic.catalog.xml", NULL };

      g_assert_cmpint (run_primary (args, check_error_in_kiosk, NULL), ==, EXIT_SUCCESS);
      return;
    }

  run_in_subprocess ();
  g_test_trap_assert_stderr ("*The exercises could not be loaded: *“/nonexistent/clinic.catalog.xml”*");
}

static void
test_fail_closed_malformed_catalog (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *catalog = catalog_path ("truncated.catalog.xml");
      const char *args[] = { "--kiosk", "--catalog", catalog, NULL };

      g_assert_cmpint (run_primary (args, check_error_in_kiosk, NULL), ==, EXIT_SUCCESS);
      return;
    }

  run_in_subprocess ();
  g_test_trap_assert_stderr ("*The exercises could not be loaded: *");
}

/* Kiosk mode from the setting, as a clinic's dconf sets it. */
static void
test_fail_closed_empty_catalog (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *catalog = catalog_path ("empty.catalog.xml");
      const char *args[] = { "--catalog", catalog, NULL };

      set_kiosk_mode_setting ();
      g_assert_cmpint (run_primary (args, check_error_in_kiosk, NULL), ==, EXIT_SUCCESS);
      return;
    }

  run_in_subprocess ();
  g_test_trap_assert_stderr ("*The exercises could not be loaded: *empty*");
}

static void
check_empty_plan_in_kiosk (LimberApplication *application,
                           gconstpointer      data)
{
  LimberWindow *window = find_window (application);

  g_assert_cmpstr (limber_window_get_visible_page (window), ==, "empty");
  assert_locked (application, window);
  assert_keys_ignored (window);
}

/* A plan that hides every exercise: no way out through "Open My Plan". */
static void
test_fail_closed_empty_plan (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
      g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
      g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
      g_auto(GStrv) hidden = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
        {
          g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (catalog), i);

          g_strv_builder_add (ids, limber_exercise_get_id (exercise));
        }
      hidden = g_strv_builder_end (ids);
      g_settings_set_strv (settings, "hidden-exercises", (const char * const *) hidden);
      set_kiosk_mode_setting ();
      g_assert_cmpint (run_primary (NULL, check_empty_plan_in_kiosk, NULL), ==, EXIT_SUCCESS);
      return;
    }

  run_in_subprocess ();
}

/* `limber ARGS…` from another process, while this one is the primary. */
static void
run_second_instance (const char * const *env,
                     const char         *arg1,
                     const char         *arg2,
                     const char         *arg3,
                     Run                *result)
{
  run_limber_with (env, arg1, arg2, arg3, result);
}

/* Mapped dialogs at or under @widget, of @type. */
static guint
count_mapped (GtkWidget *widget,
              GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_mapped (child, type);

  return n;
}

/* The dialogs over @window: windows of their own on libadwaita 1.2, inside
 * the window on 1.5 and later (AdwDialog, looked up by name: the tests are
 * held to libadwaita 1.2 like the app). */
static guint
n_dialogs_shown (LimberWindow *window)
{
  GType dialog_type = g_type_from_name ("AdwDialog");

  return n_visible_windows () - 1 + (dialog_type != 0 ? count_mapped (GTK_WIDGET (window), dialog_type) : 0);
}

static gboolean
two_dialogs_shown (gpointer data)
{
  return n_dialogs_shown (data) == 2;
}

static gboolean
no_dialog_shown (gpointer data)
{
  return n_dialogs_shown (data) == 0;
}

static void
check_second_kiosk (LimberApplication *application,
                    gconstpointer      data)
{
  LimberWindow *window = find_window (application);
  g_auto(Run) result = { 0 };

  g_assert_false (limber_window_get_kiosk (window));
  g_assert_true (gtk_widget_get_visible (find_widget_of_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-plan", NULL);
  g_assert_nonnull (limber_window_get_plan_dialog (window));
  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  wait_until (two_dialogs_shown, window, "My Plan and About to open");

  run_second_instance (NULL, "--kiosk", NULL, NULL, &result);
  g_assert_cmpint (result.status, ==, EXIT_SUCCESS);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_true (find_window (application) == window);
  /* Closing can take its animation's time. */
  wait_until (no_dialog_shown, window, "My Plan and About to go");
  g_assert_null (limber_window_get_plan_dialog (window));
  assert_locked (application, window);
  assert_keys_ignored (window);
}

/* --kiosk given to a second instance turns the first into the kiosk, and
 * My Plan and About, open until then, go. */
static void
test_second_instance_kiosk (void)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpint (run_primary (NULL, check_second_kiosk, NULL), ==, EXIT_SUCCESS);
      return;
    }

  run_in_subprocess ();
}

static void
on_changed (guint *count)
{
  (*count)++;
}

static void
check_second_import (LimberApplication *application,
                     gconstpointer      data)
{
  LimberWindow *window = find_window (application);
  LimberPlan *plan = limber_window_get_plan (window);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *plans = g_test_build_filename (G_TEST_DIST, "data", "plans", NULL);
  g_autofree char *limber = limber_path ();
  g_autofree char *dir = g_dir_make_tmp ("limber-second-XXXXXX", NULL);
  g_autofree char *config = g_strconcat ("XDG_CONFIG_HOME=", dir, NULL);
  g_autofree char *own_settings = g_build_filename (dir, "glib-2.0", NULL);
  /* Settings of its own: if this process wrote the plan, they would show it. */
  const char *env[] = { "GSETTINGS_BACKEND=keyfile", config, NULL };
  const char *import_valid[] = { limber, "--import-plan", "valid.plan", NULL };
  const char *import_bad[] = { limber, "--import-plan", "duplicate-key.plan", NULL };
  g_auto(Run) result = { 0 };
  guint n_changes = 0;

  g_signal_connect_swapped (settings, "changed::hidden-exercises", G_CALLBACK (on_changed), &n_changes);

  /* A path relative to the caller's folder, not the primary's. */
  run_in (plans, import_valid, env, &result);
  g_assert_cmpint (result.status, ==, EXIT_SUCCESS);
  g_assert_cmpstr (result.out, ==, "Imported the plan “valid.plan”.\n");
  g_assert_cmpstr (result.err, ==, "");
  assert_hidden (settings, valid_plan_hidden);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (limber_plan_get_shown_exercises (plan)), ==, 5);
  g_assert_false (g_file_test (own_settings, G_FILE_TEST_EXISTS));

  run_in (plans, import_bad, env, &result);
  g_assert_cmpint (result.status, ==, EXIT_FAILURE);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_nonnull (strstr (result.err, "The plan “duplicate-key.plan” was not imported: Line 5: “hold” appears twice"));
  assert_hidden (settings, valid_plan_hidden);
  g_assert_cmpuint (n_changes, ==, 1);

  g_assert_false (limber_window_get_kiosk (window));
  remove_tree (dir);
}

/* --import-plan given to a second instance is applied once, by the first,
 * which owns the plan; its answer reaches the caller. */
static void
test_second_instance_import (void)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpint (run_primary (NULL, check_second_import, NULL), ==, EXIT_SUCCESS);
      return;
    }

  run_in_subprocess ();
}

static void
check_second_import_locked (LimberApplication *application,
                            gconstpointer      data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *plan = plan_path ("valid.plan");
  g_autofree char *dir = g_dir_make_tmp ("limber-second-XXXXXX", NULL);
  g_autofree char *config = g_strconcat ("XDG_CONFIG_HOME=", dir, NULL);
  /* Settings of its own that take the plan: only the primary's lock refuses it. */
  const char *env[] = { "GSETTINGS_BACKEND=keyfile", config, NULL };
  g_auto(Run) result = { 0 };

  run_second_instance (env, "--import-plan", plan, NULL, &result);
  remove_tree (dir);
  g_assert_cmpint (result.status, ==, EXIT_FAILURE);
  g_assert_nonnull (strstr (result.err, "was not imported: Your clinic has set this part of the plan"));
  assert_hidden (settings, other_plan_hidden);
}

/* The primary's own settings are locked by a clinic: the caller hears it. */
static void
test_second_instance_import_locked (Fixture       *fixture,
                                    gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_auto(GStrv) env = dconf_env (fixture, TRUE);

      for (guint i = 0; env[i] != NULL; i++)
        {
          g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

          g_setenv (pair[0], pair[1], TRUE);
        }
      g_assert_cmpint (run_primary (NULL, check_second_import_locked, NULL), ==, EXIT_SUCCESS);
      return;
    }

  run_in_subprocess ();
}

static void
check_second_catalog (LimberApplication *application,
                      gconstpointer      data)
{
  LimberWindow *window = find_window (application);
  LimberWindow *first = window;
  g_autofree char *minimal = catalog_path ("valid-minimal.catalog.xml");
  g_autofree char *truncated = catalog_path ("truncated.catalog.xml");
  g_auto(Run) result = { 0 };

  assert_locked (application, window);
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);

  /* Made again on the new catalog, and a kiosk still. */
  run_second_instance (NULL, "--catalog", minimal, NULL, &result);
  g_assert_cmpint (result.status, ==, EXIT_SUCCESS);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_null (first);
  window = find_window (application);
  g_assert_nonnull (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (limber_plan_get_catalog (limber_window_get_plan (window)))),
                    ==, 1);
  assert_locked (application, window);
  assert_keys_ignored (window);

  /* A catalog that does not load changes nothing. */
  run_second_instance (NULL, "--catalog", truncated, NULL, &result);
  g_assert_cmpint (result.status, ==, EXIT_FAILURE);
  g_assert_nonnull (strstr (result.err, "The exercises could not be loaded: "));
  g_assert_nonnull (strstr (result.err, "Limber goes on showing the exercises it had."));
  g_assert_true (find_window (application) == window);
  /* The kiosk's coaching, not an error page. */
  g_assert_cmpstr (limber_window_get_visible_page (window), ==, "session");
  assert_locked (application, window);

  run_second_instance (NULL, "--catalog", "/nonexistent/clinic.catalog.xml", NULL, &result);
  g_assert_cmpint (result.status, ==, EXIT_FAILURE);
  g_assert_nonnull (strstr (result.err, "“/nonexistent/clinic.catalog.xml”"));
  g_assert_true (find_window (application) == window);
  assert_locked (application, window);
}

/* --catalog given to a second instance: the running kiosk shows it, locked. */
static void
test_second_instance_catalog (void)
{
  if (g_test_subprocess ())
    {
      const char *args[] = { "--kiosk", NULL };

      g_assert_cmpint (run_primary (args, check_second_catalog, NULL), ==, EXIT_SUCCESS);
      return;
    }

  run_in_subprocess ();
}

static void
check_second_kiosk_bad_catalog (LimberApplication *application,
                                gconstpointer      data)
{
  LimberWindow *window = find_window (application);
  LimberPlan *plan = limber_window_get_plan (window);
  g_autofree char *truncated = catalog_path ("truncated.catalog.xml");
  g_auto(Run) result = { 0 };

  run_second_instance (NULL, "--kiosk", "--catalog", truncated, &result);
  g_assert_cmpint (result.status, ==, EXIT_FAILURE);
  g_assert_nonnull (strstr (result.err, "The exercises could not be loaded: "));
  g_assert_true (find_window (application) == window);
  g_assert_true (limber_window_get_plan (window) == plan);
  assert_locked (application, window);
}

/* --kiosk with a catalog that fails: the kiosk turns on all the same. */
static void
test_second_instance_kiosk_bad_catalog (void)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpint (run_primary (NULL, check_second_kiosk_bad_catalog, NULL), ==, EXIT_SUCCESS);
      return;
    }

  run_in_subprocess ();
}

/* --- D-Bus activation ------------------------------------------------------ */

static void
copy_file (const char *from,
           const char *to_dir)
{
  g_autofree char *name = g_path_get_basename (from);
  g_autofree char *to = g_build_filename (to_dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (to_dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

/* A session bus of the test's own, which finds Limber's service file through
 * XDG_DATA_DIRS as a desktop session's would. Returns its address. */
static char *
start_session_bus (const char   *data_dir,
                   GSubprocess **out_bus)
{
  g_autofree char *data_dirs = g_strconcat ("XDG_DATA_DIRS=", data_dir, ":/usr/local/share:/usr/share", NULL);
  const char *env[] = { data_dirs, NULL };
  const char *argv[] = { "dbus-daemon", "--session", "--nofork", "--print-address=1", NULL };
  g_autoptr(GSubprocessLauncher) launcher = launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, env);
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GError) error = NULL;
  char *address;

  *out_bus = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (*out_bus));
  address = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);
  g_setenv ("XDG_DATA_DIRS", data_dirs + strlen ("XDG_DATA_DIRS="), TRUE);
  return address;
}

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_app_info_launch_uris_finish (G_APP_INFO (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
action_enabled (GDBusConnection *bus,
                const char      *action)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean enabled = TRUE;

  reply = g_dbus_connection_call_sync (bus, APPLICATION_ID, "/io/github/limberapp/Limber", "org.gtk.Actions",
                                       "Describe", g_variant_new ("(s)", action), G_VARIANT_TYPE ("((bgav))"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "((bg@av))", &enabled, NULL, NULL);
  return enabled;
}

static guint32
bus_name_pid (GDBusConnection *bus,
              const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 pid = 0;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(u)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &pid);
  return pid;
}

static gboolean
x_property (Display        *display,
            Window          window,
            const char     *name,
            Atom            type,
            unsigned long  *out_n,
            unsigned char **out_data)
{
  Atom actual_type;
  int format;
  unsigned long after;

  return XGetWindowProperty (display, window, XInternAtom (display, name, False), 0, 1024, False, type,
                             &actual_type, &format, out_n, &after, out_data) == Success &&
         actual_type == type;
}

typedef struct
{
  Display *display;
  guint32  pid;
} XClient;

/* The window manager says a window of the process is fullscreen. */
static gboolean
client_is_fullscreen (gpointer data)
{
  XClient *client = data;
  Atom fullscreen = XInternAtom (client->display, "_NET_WM_STATE_FULLSCREEN", False);
  unsigned long n_windows = 0;
  unsigned char *windows = NULL;
  gboolean found = FALSE;

  if (!x_property (client->display, DefaultRootWindow (client->display), "_NET_CLIENT_LIST", XA_WINDOW,
                   &n_windows, &windows))
    return FALSE;

  for (unsigned long i = 0; i < n_windows && !found; i++)
    {
      Window window = ((Window *) windows)[i];
      unsigned long n = 0;
      unsigned char *pid = NULL;
      unsigned char *states = NULL;

      if (x_property (client->display, window, "_NET_WM_PID", XA_CARDINAL, &n, &pid) && n == 1 &&
          *(unsigned long *) pid == client->pid &&
          x_property (client->display, window, "_NET_WM_STATE", XA_ATOM, &n, &states))
        for (unsigned long j = 0; j < n; j++)
          found |= ((Atom *) states)[j] == fullscreen;
      g_clear_pointer (&pid, XFree);
      g_clear_pointer (&states, XFree);
    }
  XFree (windows);

  return found;
}

static gboolean
has_main_window (gpointer data)
{
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (data, APPLICATION_ID, "/io/github/limberapp/Limber/window/1",
                                       "org.gtk.Actions", "List", NULL, G_VARIANT_TYPE ("(as)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  return reply != NULL;
}

/* Launched as GNOME Shell launches it: the desktop file, read by GIO, says
 * DBusActivatable, and the session bus starts Limber from the service file.
 * Then `limber --kiosk`, the real binary, turns that instance into the kiosk. */
static void
test_dbus_activation (Fixture       *fixture,
                      gconstpointer  data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *data_dir = g_build_filename (fixture->dir, "share", NULL);
      g_autofree char *applications = g_build_filename (data_dir, "applications", NULL);
      g_autofree char *services = g_build_filename (data_dir, "dbus-1", "services", NULL);
      g_autofree char *address = NULL;
      g_autofree char *limber = limber_path ();
      g_autofree char *bin_dir = g_path_get_dirname (limber);
      g_autofree char *path = NULL;
      g_autofree char *cmdline = NULL;
      g_autofree char *proc = NULL;
      g_autoptr(GSubprocess) daemon = NULL;
      g_autoptr(GDBusConnection) bus = NULL;
      g_autoptr(GDesktopAppInfo) info = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(Run) result = { 0 };
      gboolean launched = FALSE;
      gsize length;
      XClient client = { NULL, 0 };

      copy_file (g_getenv ("LIMBER_TEST_DESKTOP_FILE"), applications);
      copy_file (g_getenv ("LIMBER_TEST_DBUS_SERVICE"), services);
      address = start_session_bus (data_dir, &daemon);
      g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
      bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (name_has_owner (bus, APPLICATION_ID));

      /* GIO takes no desktop file whose Exec is not on PATH. */
      path = g_strconcat (bin_dir, ":", g_getenv ("PATH"), NULL);
      g_setenv ("PATH", path, TRUE);
      info = g_desktop_app_info_new (APPLICATION_ID ".desktop");
      g_assert_nonnull (info);
      g_assert_true (g_desktop_app_info_get_boolean (info, "DBusActivatable"));
      g_assert_true (g_desktop_app_info_get_boolean (info, "SingleMainWindow"));
      g_app_info_launch_uris_async (G_APP_INFO (info), NULL, NULL, NULL, on_launched, &launched);
      poll_until (is_true, &launched, "Limber to answer its activation");
      poll_until (has_main_window, bus, "Limber's window");

      /* Started by the bus, from the service file's command. */
      client.pid = bus_name_pid (bus, APPLICATION_ID);
      proc = g_strdup_printf ("/proc/%u/cmdline", client.pid);
      g_assert_true (g_file_get_contents (proc, &cmdline, &length, NULL));
      g_assert_cmpstr (cmdline + strlen (cmdline) + 1, ==, "--gapplication-service");
      g_assert_true (action_enabled (bus, "quit"));

      run_limber_with (NULL, "--kiosk", NULL, NULL, &result);
      g_assert_cmpint (result.status, ==, EXIT_SUCCESS);
      g_assert_cmpstr (result.err, ==, "");
      g_assert_false (action_enabled (bus, "quit"));
      g_assert_false (action_enabled (bus, "about"));
      client.display = XOpenDisplay (NULL);
      g_assert_nonnull (client.display);
      poll_until (client_is_fullscreen, &client, "the activated kiosk to be fullscreen");
      XCloseDisplay (client.display);

      kill ((pid_t) client.pid, SIGTERM);
      wait_for_bus_name (bus, APPLICATION_ID, FALSE);
      g_subprocess_send_signal (daemon, SIGTERM);
      g_subprocess_wait (daemon, NULL, NULL);
      return;
    }

  run_in_subprocess ();
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
  g_test_add ("/application/import-editor-plan", Fixture, NULL, fixture_set_up, test_import_editor_plan, fixture_tear_down);
  g_test_add ("/application/not-a-file", Fixture, NULL, fixture_set_up, test_not_a_file, fixture_tear_down);
  g_test_add ("/application/broken-catalog", Fixture, NULL, fixture_set_up, test_broken_catalog, fixture_tear_down);
  g_test_add ("/application/refused-command-lines", Fixture, NULL, fixture_set_up, test_refused_command_lines,
              fixture_tear_down);

  g_test_add ("/application/not-stored/keyfile-read-only-folder", Fixture, NULL, fixture_set_up,
              test_import_keyfile_read_only_folder, fixture_tear_down);
  g_test_add ("/application/not-stored/keyfile-read-only-file", Fixture, NULL, fixture_set_up,
              test_import_keyfile_read_only_file, fixture_tear_down);
  g_test_add ("/application/not-stored/keyfile-under-a-file", Fixture, NULL, fixture_set_up,
              test_import_keyfile_under_a_file, fixture_tear_down);
  g_test_add ("/application/not-stored/dconf-read-only", Fixture, NULL, fixture_set_up,
              test_import_dconf_read_only, fixture_tear_down);
  g_test_add ("/application/not-stored/dconf-locked", Fixture, NULL, fixture_set_up,
              test_import_dconf_locked, fixture_tear_down);

  g_test_add_func ("/application/fail-closed/missing-catalog", test_fail_closed_missing_catalog);
  g_test_add_func ("/application/fail-closed/malformed-catalog", test_fail_closed_malformed_catalog);
  g_test_add_func ("/application/fail-closed/empty-catalog", test_fail_closed_empty_catalog);
  g_test_add_func ("/application/fail-closed/empty-plan", test_fail_closed_empty_plan);

  g_test_add_func ("/application/second-instance/kiosk", test_second_instance_kiosk);
  g_test_add_func ("/application/second-instance/import-plan", test_second_instance_import);
  g_test_add ("/application/second-instance/import-locked", Fixture, NULL, fixture_set_up,
              test_second_instance_import_locked, fixture_tear_down);
  g_test_add_func ("/application/second-instance/catalog", test_second_instance_catalog);
  g_test_add_func ("/application/second-instance/kiosk-bad-catalog", test_second_instance_kiosk_bad_catalog);

  g_test_add ("/application/dbus-activation", Fixture, NULL, fixture_set_up, test_dbus_activation,
              fixture_tear_down);

  return g_test_run ();
}
