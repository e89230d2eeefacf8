/* limber-session-bar.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "limber-session.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SESSION_BAR (limber_session_bar_get_type ())

G_DECLARE_FINAL_TYPE (LimberSessionBar, limber_session_bar, LIMBER, SESSION_BAR, GtkWidget)

GtkWidget *limber_session_bar_new       (LimberSession    *session,
                                         GSettings        *settings);
void       limber_session_bar_set_kiosk (LimberSessionBar *self,
                                         gboolean          kiosk);
void       limber_session_bar_set_wide  (LimberSessionBar *self,
                                         gboolean          wide);

G_END_DECLS
