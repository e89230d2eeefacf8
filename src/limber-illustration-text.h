/* limber-illustration-text.h: the words inside an illustration, translated.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *limber_illustration_text_translate (GBytes  *svg,
                                            GError **error);

G_END_DECLS
