/* limber-settings-writer.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_SETTINGS_WRITER_ERROR (limber_settings_writer_error_quark ())

typedef enum {
  /* The settings storage takes no change at all (a read-only folder or database). */
  LIMBER_SETTINGS_WRITER_ERROR_READ_ONLY,
  /* It took the change, then failed to keep it. */
  LIMBER_SETTINGS_WRITER_ERROR_NOT_STORED,
} LimberSettingsWriterError;

GQuark   limber_settings_writer_error_quark (void);

gboolean limber_settings_writer_can_write   (GSettings           *settings);
gboolean limber_settings_writer_write       (GSettings           *settings,
                                             const char * const  *keys,
                                             GVariant * const    *values,
                                             GError             **error);

G_END_DECLS
