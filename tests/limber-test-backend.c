/* limber-test-backend.c
 *
 * A real GSettings memory backend that reports some keys as not writable,
 * the way dconf reports keys an administrator has locked.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "limber-test-backend.h"

#define SCHEMA_PATH "/io/github/limberapp/Limber/"

static GQuark locked_keys_quark;
static gboolean (*memory_get_writable) (GSettingsBackend *backend, const char *key);

static gboolean
locking_get_writable (GSettingsBackend *backend,
                      const char       *key)
{
  GStrv locked = g_object_get_qdata (G_OBJECT (backend), locked_keys_quark);

  if (locked != NULL && g_strv_contains ((const char * const *)locked, key))
    return FALSE;

  return memory_get_writable (backend, key);
}

static void
locking_class_init (gpointer klass,
                    gpointer data)
{
  GSettingsBackendClass *backend_class = klass;

  memory_get_writable = backend_class->get_writable;
  backend_class->get_writable = locking_get_writable;
}

static GType
locking_backend_get_type (void)
{
  static GType type;

  if (type == 0)
    {
      g_autoptr(GSettingsBackend) memory = g_memory_settings_backend_new ();
      GType memory_type = G_OBJECT_TYPE (memory);
      GTypeQuery query;

      /* The memory backend's type is private, but it can be subclassed. */
      g_type_query (memory_type, &query);
      type = g_type_register_static_simple (memory_type, "LimberTestLockingBackend",
                                            query.class_size, locking_class_init,
                                            query.instance_size, NULL, 0);
      locked_keys_quark = g_quark_from_static_string ("limber-test-locked-keys");
    }

  return type;
}

/**
 * limber_test_settings_new:
 * @locked_keys: (nullable): keys of Limber's schema to report as locked
 *
 * Returns: (transfer full): Limber's settings on a fresh in-memory backend
 */
GSettings *
limber_test_settings_new (const char * const *locked_keys)
{
  g_autoptr(GSettingsBackend) backend = g_object_new (locking_backend_get_type (), NULL);
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();

  for (guint i = 0; locked_keys != NULL && locked_keys[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (SCHEMA_PATH, locked_keys[i], NULL);

      g_strv_builder_add (paths, path);
    }

  g_object_set_qdata_full (G_OBJECT (backend), locked_keys_quark, g_strv_builder_end (paths),
                           (GDestroyNotify)g_strfreev);

  return g_settings_new_with_backend (APPLICATION_ID, backend);
}

/**
 * limber_test_settings_print_plan:
 *
 * Returns: (transfer full): the plan's keys exactly as stored, one
 *   "key=value" line each, to compare before and after
 */
char *
limber_test_settings_print_plan (GSettings *settings)
{
  static const char *keys[] = { "hidden-exercises", "prescribed-holds", "prescribed-repetitions" };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *printed = g_variant_print (value, TRUE);

      g_string_append_printf (text, "%s=%s\n", keys[i], printed);
    }

  return g_string_free (text, FALSE);
}
