/* limber-small-file.h: reading a small file that anyone could have handed over
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *limber_small_file_load (GFile   *file,
                                gsize    max_size,
                                GError **error);

G_END_DECLS
