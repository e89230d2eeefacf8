/* limber-settings-writer.c: settings that are really stored, or a clear no.
 *
 * A GSettings write can fail without telling its caller. dconf hands the
 * change to dconf-service and, when the service cannot store it, only logs
 * "failed to commit changes" and drops it. The keyfile backend (the one the
 * Flatpak uses) keeps a change in memory when it cannot write its file, and
 * when its folder is not writable it calls every key unwritable, which looks
 * just like a clinic's lock.
 *
 * So each key is written on its own (its backend says whether that worked),
 * the writes are waited for and read back, and on any failure the old values
 * are put back, so that nothing is left half changed.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-settings-writer"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-settings-writer.h"

G_DEFINE_QUARK (limber-settings-writer-error-quark, limber_settings_writer_error)

/**
 * limber_settings_writer_can_write:
 *
 * Whether the settings storage takes changes at all. A lock holds single
 * keys; a storage that takes nothing refuses every key of the schema.
 */
gboolean
limber_settings_writer_can_write (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_settings_is_writable (settings, keys[i]))
      return TRUE;

  return FALSE;
}

static gboolean
all_read_back (GSettings          *settings,
               const char * const *keys,
               GVariant * const   *values)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);

      if (!g_variant_equal (value, values[i]))
        return FALSE;
    }

  return TRUE;
}

static void
put_back (GSettings          *settings,
          const char * const *keys,
          GVariant * const   *values)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);

      if (!g_variant_equal (value, values[i]))
        g_settings_set_value (settings, keys[i], values[i]);
    }
  g_settings_sync ();
}

/**
 * limber_settings_writer_write:
 * @keys: the keys to change, %NULL-terminated
 * @values: their new values, one for each key, not floating
 *
 * Changes @keys to @values and returns once the settings storage has kept
 * them. If it does not, every key is put back as it was and @error says so.
 * Locked keys are the caller's to check first: here they count as a failure.
 */
gboolean
limber_settings_writer_write (GSettings           *settings,
                              const char * const  *keys,
                              GVariant * const    *values,
                              GError             **error)
{
  guint n_keys;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  gboolean written = TRUE;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (keys != NULL && values != NULL, FALSE);

  n_keys = g_strv_length ((GStrv) keys);
  for (guint i = 0; i < n_keys; i++)
    g_ptr_array_add (before, g_settings_get_value (settings, keys[i]));

  for (guint i = 0; i < n_keys && written; i++)
    written = g_settings_set_value (settings, keys[i], values[i]);

  /* dconf says that a change failed only after the fact. */
  g_settings_sync ();
  if (written && all_read_back (settings, keys, values))
    return TRUE;

  put_back (settings, keys, (GVariant * const *) before->pdata);

  if (!limber_settings_writer_can_write (settings))
    g_set_error_literal (error, LIMBER_SETTINGS_WRITER_ERROR, LIMBER_SETTINGS_WRITER_ERROR_READ_ONLY,
                         _("Limber cannot save settings on this computer: the settings storage does not "
                           "accept changes"));
  else
    g_set_error_literal (error, LIMBER_SETTINGS_WRITER_ERROR, LIMBER_SETTINGS_WRITER_ERROR_NOT_STORED,
                         _("Limber could not save its settings on this computer (the settings storage "
                           "reported an error), so nothing was changed"));
  return FALSE;
}
