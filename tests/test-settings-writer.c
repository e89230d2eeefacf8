/* test-settings-writer.c: writes that are stored, or refused as they happen.
 *
 * On GLib's real keyfile backend; tests/test-application.c runs the same
 * failures end to end, on read-only folders and dconf databases.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <glib/gstdio.h>

#include "limber-settings-writer.h"
#include "limber-test-backend.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

typedef struct
{
  char *dir;
  char *keyfile;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("limber-writer-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->keyfile = g_build_filename (fixture->dir, "keyfile", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unlink (fixture->keyfile);
  g_rmdir (fixture->keyfile);
  g_rmdir (fixture->dir);
  g_free (fixture->keyfile);
  g_free (fixture->dir);
}

static GSettings *
keyfile_settings (Fixture *fixture)
{
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (fixture->keyfile, "/", NULL);

  return g_settings_new_with_backend (APPLICATION_ID, backend);
}

typedef struct
{
  const char *keys[3];
  GVariant   *values[2];
} Change;

static void
change_init (Change *change)
{
  change->keys[0] = "hidden-exercises";
  change->keys[1] = "kiosk-dwell-seconds";
  change->keys[2] = NULL;
  change->values[0] = g_variant_ref_sink (g_variant_new_strv ((const char *[]) { "wall-push-up" }, 1));
  change->values[1] = g_variant_ref_sink (g_variant_new_uint32 (25));
}

static void
change_clear (Change *change)
{
  g_variant_unref (change->values[0]);
  g_variant_unref (change->values[1]);
}

static void
assert_unchanged (GSettings *settings)
{
  g_auto(GStrv) hidden = g_settings_get_strv (settings, "hidden-exercises");

  g_assert_cmpstrv (hidden, ((const char *[]) { NULL }));
  g_assert_cmpuint (g_settings_get_uint (settings, "kiosk-dwell-seconds"), ==, 20);
}

static void
test_writer_stores (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = keyfile_settings (fixture);
  g_autoptr(GSettings) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) hidden = NULL;
  Change change;

  change_init (&change);
  g_assert_true (limber_settings_writer_can_write (settings));
  g_assert_true (limber_settings_writer_write (settings, change.keys, change.values, &error));
  g_assert_no_error (error);

  /* On disk, not only in this backend's memory. */
  reread = keyfile_settings (fixture);
  hidden = g_settings_get_strv (reread, "hidden-exercises");
  g_assert_cmpstrv (hidden, ((const char *[]) { "wall-push-up", NULL }));
  g_assert_cmpuint (g_settings_get_uint (reread, "kiosk-dwell-seconds"), ==, 25);
  change_clear (&change);
}

/* The folder takes files, but the keyfile cannot be replaced: the backend
 * keeps the change in memory and warns. The writer puts it back and says so. */
static void
test_writer_not_stored (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  Change change;

  g_assert_cmpint (g_mkdir (fixture->keyfile, 0700), ==, 0);
  settings = keyfile_settings (fixture);
  change_init (&change);
  g_assert_true (limber_settings_writer_can_write (settings));

  /* GLib's own warnings: the write, then the value put back. */
  g_test_expect_message ("GLib-GIO", G_LOG_LEVEL_WARNING, "Failed to write keyfile to *");
  g_test_expect_message ("GLib-GIO", G_LOG_LEVEL_WARNING, "Failed to write keyfile to *");
  g_assert_false (limber_settings_writer_write (settings, change.keys, change.values, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, LIMBER_SETTINGS_WRITER_ERROR, LIMBER_SETTINGS_WRITER_ERROR_NOT_STORED);
  g_assert_cmpstr (error->message, ==, "Limber could not save its settings on this computer (the settings "
                                       "storage reported an error), so nothing was changed");
  assert_unchanged (settings);
  change_clear (&change);
}

/* A lock holds keys; a storage that takes nothing refuses them all. */
static void
test_writer_can_write (void)
{
  const char *some[] = { "hidden-exercises", "prescribed-holds", NULL };
  g_autoptr(GSettings) locked = limber_test_settings_new (some);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(GSettings) all_locked = NULL;

  g_assert_true (limber_settings_writer_can_write (locked));

  g_object_get (locked, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  all_locked = limber_test_settings_new ((const char * const *) keys);
  g_assert_false (limber_settings_writer_can_write (all_locked));
}

/* A key the storage refuses: nothing of the change stays. */
static void
test_writer_refused (void)
{
  g_autoptr(GSettingsBackend) backend = g_null_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APPLICATION_ID, backend);
  g_autoptr(GError) error = NULL;
  Change change;

  change_init (&change);
  g_assert_false (limber_settings_writer_can_write (settings));
  g_assert_false (limber_settings_writer_write (settings, change.keys, change.values, &error));
  g_assert_error (error, LIMBER_SETTINGS_WRITER_ERROR, LIMBER_SETTINGS_WRITER_ERROR_READ_ONLY);
  assert_unchanged (settings);
  change_clear (&change);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/settings-writer/stores", Fixture, NULL, fixture_set_up, test_writer_stores, fixture_tear_down);
  g_test_add ("/settings-writer/not-stored", Fixture, NULL, fixture_set_up, test_writer_not_stored,
              fixture_tear_down);
  g_test_add_func ("/settings-writer/can-write", test_writer_can_write);
  g_test_add_func ("/settings-writer/refused", test_writer_refused);

  return g_test_run ();
}
