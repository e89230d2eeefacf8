/* limber-first-frame.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void limber_first_frame_watch (GtkWindow *window);

G_END_DECLS
