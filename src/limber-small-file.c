/* limber-small-file.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-small-file"

#include "limber-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "limber-small-file.h"

static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
}

/* Only a regular file has an end: a named pipe or a device such as
 * /dev/zero would block or never stop. */
static gboolean
check_regular (const struct stat  *info,
               gsize               max_size,
               GError            **error)
{
  if (S_ISDIR (info->st_mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("it is a folder, not a file"));
  else if (S_ISFIFO (info->st_mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("it is a named pipe, not a file"));
  else if (S_ISCHR (info->st_mode) || S_ISBLK (info->st_mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("it is a device, not a file"));
  else if (!S_ISREG (info->st_mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("it is not a regular file"));
  else if ((guint64)info->st_size > max_size)
    /* Translators: %u is a size, such as 64 */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, _("it is larger than %u KiB"),
                 (guint)(max_size / 1024));
  else
    return TRUE;

  return FALSE;
}

/**
 * limber_small_file_load:
 * @file: a file on this computer
 * @max_size: the most bytes it may have
 * @error: a #GIOError whose message is the reason alone, without the file's
 *   name: %G_IO_ERROR_IS_DIRECTORY or %G_IO_ERROR_NOT_REGULAR_FILE for what
 *   is not a regular file, %G_IO_ERROR_MESSAGE_TOO_LARGE for a file over
 *   @max_size, %G_IO_ERROR_NOT_SUPPORTED for a file that is not local
 *
 * Reads the whole of a regular file of at most @max_size bytes, and nothing
 * else, without ever waiting on it: named pipes and devices are refused
 * before they are opened (and the file is opened without blocking, in case
 * it is replaced by one in between), and no more than @max_size + 1 bytes
 * are read, however much the file grows meanwhile.
 *
 * Returns: (transfer full) (nullable): the contents
 */
GBytes *
limber_small_file_load (GFile   *file,
                        gsize    max_size,
                        GError **error)
{
  const char *path;
  struct stat info;
  g_autofree char *data = NULL;
  gsize length = 0;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_peek_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("it is not a file on this computer"));
      return NULL;
    }

  if (g_stat (path, &info) != 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  if (!check_regular (&info, max_size, error))
    return NULL;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  if (fstat (fd, &info) != 0)
    {
      set_errno_error (error, errno);
      g_close (fd, NULL);
      return NULL;
    }
  if (!check_regular (&info, max_size, error))
    {
      g_close (fd, NULL);
      return NULL;
    }

  data = g_malloc (max_size + 1);
  while (length <= max_size)
    {
      gssize n_read = read (fd, data + length, max_size + 1 - length);

      if (n_read < 0 && errno == EINTR)
        continue;
      if (n_read < 0)
        {
          set_errno_error (error, errno);
          g_close (fd, NULL);
          return NULL;
        }
      if (n_read == 0)
        break;
      length += n_read;
    }
  g_close (fd, NULL);

  /* It grew after it was measured. */
  if (length > max_size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, _("it is larger than %u KiB"),
                   (guint)(max_size / 1024));
      return NULL;
    }

  return g_bytes_new_take (g_realloc (g_steal_pointer (&data), MAX (length, 1)), length);
}
