/* test-small-file.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "limber-small-file.h"
#include "limber-test-timeout.h"

#define MAX_SIZE 1024

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("limber-small-file-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

typedef struct
{
  GFile  *file;
  GError *error;
} Load;

static gpointer
load_in_thread (gpointer data)
{
  Load *load = data;

  return limber_small_file_load (load->file, MAX_SIZE, &load->error);
}

/* Through the safety net: the files here are the ones that can block. */
static GBytes *
load (const char  *path,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *what = g_strdup_printf ("Reading %s", path);
  Load data = { file, NULL };
  GBytes *bytes = limber_test_call_with_timeout (load_in_thread, &data, what);

  if (data.error != NULL)
    g_propagate_error (error, data.error);
  return bytes;
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            gsize       size)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *contents = g_malloc (MAX (size, 1));
  g_autoptr(GError) error = NULL;

  memset (contents, 'x', size);
  g_file_set_contents (path, contents, size, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_regular_files (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *empty = write_file (fixture, "empty", 0);
  g_autofree char *full = write_file (fixture, "full", MAX_SIZE);
  g_autofree char *over = write_file (fixture, "over", MAX_SIZE + 1);
  g_autoptr(GBytes) empty_bytes = NULL;
  g_autoptr(GBytes) full_bytes = NULL;
  g_autoptr(GError) error = NULL;

  empty_bytes = load (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (empty_bytes), ==, 0);

  full_bytes = load (full, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (full_bytes), ==, MAX_SIZE);
  g_assert_cmpint (((const char *)g_bytes_get_data (full_bytes, NULL))[MAX_SIZE - 1], ==, 'x');

  g_assert_null (load (over, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "it is larger than 1 KiB");
}

/* Four gigabytes that take no room: refused by their size, never read. */
static void
test_huge_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge", NULL);
  g_autoptr(GError) error = NULL;
  int fd = g_open (path, O_WRONLY | O_CREAT, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t)4 << 30), ==, 0);
  g_close (fd, NULL);

  g_assert_null (load (path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
}

static void
test_named_pipe (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "pipe", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  /* Nobody writes to it: opening it for reading the usual way would wait
   * for a writer for ever. */
  g_assert_null (load (path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpstr (error->message, ==, "it is a named pipe, not a file");
}

static void
test_devices (void)
{
  const char *devices[] = { "/dev/zero", "/dev/urandom", "/dev/null" };

  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (load (devices[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      g_assert_cmpstr (error->message, ==, "it is a device, not a file");
    }
}

static void
test_not_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", NULL);
  g_autoptr(GFile) resource = g_file_new_for_uri ("resource:///io/github/limberapp/Limber/upper-back.catalog.xml");
  g_autoptr(GError) error = NULL;

  g_assert_null (load (fixture->dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpstr (error->message, ==, "it is a folder, not a file");
  g_clear_error (&error);

  g_assert_null (load (missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (limber_small_file_load (resource, MAX_SIZE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "secret", 10);
  g_autoptr(GError) error = NULL;

  g_chmod (path, 0);
  if (access (path, R_OK) == 0)
    {
      g_test_skip ("running as root, every file is readable");
      return;
    }

  g_assert_null (load (path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/small-file/regular", Fixture, NULL, fixture_set_up, test_regular_files, fixture_tear_down);
  g_test_add ("/small-file/huge", Fixture, NULL, fixture_set_up, test_huge_file, fixture_tear_down);
  g_test_add ("/small-file/named-pipe", Fixture, NULL, fixture_set_up, test_named_pipe, fixture_tear_down);
  g_test_add_func ("/small-file/devices", test_devices);
  g_test_add ("/small-file/not-files", Fixture, NULL, fixture_set_up, test_not_files, fixture_tear_down);
  g_test_add ("/small-file/unreadable", Fixture, NULL, fixture_set_up, test_unreadable, fixture_tear_down);

  return g_test_run ();
}
