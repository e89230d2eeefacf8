/* bench-usage.h: what a window costs to keep on screen (build-aux/dev bench kiosk).
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bench_usage_watch (GtkWindow *window,
                        guint      warm_up_seconds,
                        guint      seconds,
                        GCallback  done,
                        gpointer   user_data);

G_END_DECLS
