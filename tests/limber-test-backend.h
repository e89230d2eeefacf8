/* limber-test-backend.h: GSettings backends for the tests.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *limber_test_settings_new       (const char * const *locked_keys);
char      *limber_test_settings_print_plan (GSettings          *settings);

G_END_DECLS
