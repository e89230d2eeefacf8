/* limber-compat.h: the one place where Limber uses API newer than its floors
 * (GTK 4.8, libadwaita 1.2), each use behind a version check, so that it builds
 * on Debian 12 and uses the current widgets on newer platforms.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef void (*LimberFileChosenFunc) (GFile    *file,
                                      gpointer  user_data);

GtkWidget *limber_compat_present_message     (GtkWidget            *parent,
                                              const char           *heading,
                                              const char           *body);
GtkWidget *limber_compat_present_preferences (GtkWidget            *parent,
                                              AdwPreferencesPage   *page);
GtkWidget *limber_compat_present_about       (GtkWidget            *parent,
                                              const char           *first_property,
                                              ...) G_GNUC_NULL_TERMINATED;
gboolean   limber_compat_announce            (GtkWidget            *widget,
                                              const char           *message);
double     limber_compat_widget_get_scale    (GtkWidget            *widget);
void       limber_compat_choose_file         (GtkWindow            *parent,
                                              const char           *title,
                                              gboolean              save,
                                              const char           *suggested_name,
                                              LimberFileChosenFunc  callback,
                                              gpointer              user_data);

G_END_DECLS
