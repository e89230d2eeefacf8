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
typedef void (*LimberConfirmedFunc)  (gboolean  confirmed,
                                      gpointer  user_data);
typedef void (*LimberWidthFunc)      (gboolean  wide,
                                      gpointer  user_data);
/* The base of a preferences dialog: AdwPreferencesDialog where libadwaita
 * has it (1.5), AdwPreferencesWindow before. Its template names
 * LimberCompatPreferences as its parent, which is right on both. */
#define LIMBER_TYPE_COMPAT_PREFERENCES (limber_compat_preferences_get_type ())

#if ADW_CHECK_VERSION (1, 5, 0)
G_DECLARE_DERIVABLE_TYPE (LimberCompatPreferences, limber_compat_preferences, LIMBER, COMPAT_PREFERENCES,
                          AdwPreferencesDialog)

struct _LimberCompatPreferencesClass
{
  AdwPreferencesDialogClass parent_class;
};
#else
G_DECLARE_DERIVABLE_TYPE (LimberCompatPreferences, limber_compat_preferences, LIMBER, COMPAT_PREFERENCES,
                          AdwPreferencesWindow)

struct _LimberCompatPreferencesClass
{
  AdwPreferencesWindowClass parent_class;
};
#endif

void       limber_compat_preferences_present (LimberCompatPreferences *self,
                                              GtkWidget               *parent);

GtkWidget *limber_compat_present_message     (GtkWidget            *parent,
                                              const char           *heading,
                                              const char           *body);
GtkWidget *limber_compat_present_preferences (GtkWidget            *parent,
                                              AdwPreferencesPage   *page);
GtkWidget *limber_compat_present_about       (GtkWidget            *parent,
                                              const char           *first_property,
                                              ...) G_GNUC_NULL_TERMINATED;
void       limber_compat_follow_width        (AdwApplicationWindow *window,
                                              int                   wide_from,
                                              LimberWidthFunc       func,
                                              gpointer              user_data);
gboolean   limber_compat_announce            (GtkWidget            *widget,
                                              const char           *message);
double     limber_compat_widget_get_scale    (GtkWidget            *widget);
void       limber_compat_choose_file         (GtkWindow            *parent,
                                              const char           *title,
                                              gboolean              save,
                                              const char           *suggested_name,
                                              const char           *filter_name,
                                              const char           *filter_pattern,
                                              LimberFileChosenFunc  callback,
                                              gpointer              user_data);
GtkWidget *limber_compat_present_dialog      (GtkWidget            *parent,
                                              const char           *title,
                                              GtkWidget            *content,
                                              int                   width,
                                              int                   height);
GtkWidget *limber_compat_confirm             (GtkWidget            *parent,
                                              const char           *heading,
                                              const char           *body,
                                              const char           *confirm_label,
                                              LimberConfirmedFunc   callback,
                                              gpointer              user_data);
void       limber_compat_close_dialog        (GtkWidget            *dialog);
void       limber_compat_close_dialogs_in    (GtkWindow            *window);
void       limber_compat_set_initial_focus   (GtkWidget            *dialog,
                                              GtkWidget            *widget);
gboolean   limber_compat_add_toast           (GtkWidget            *widget,
                                              AdwToast             *toast);
GtkWidget *limber_compat_switch_row_new      (const char           *title,
                                              GtkWidget           **out_control);
GtkWidget *limber_compat_spin_row_new        (const char           *title,
                                              GtkAdjustment        *adjustment,
                                              GtkWidget           **out_control);
void       limber_compat_set_accessible_label (GtkWidget           *widget,
                                               const char          *label);
void       limber_compat_get_color           (GtkWidget            *widget,
                                              GdkRGBA              *color);
void       limber_compat_load_css            (GtkCssProvider       *provider,
                                              const char           *css);
const char *limber_compat_shortcuts_action   (void);

G_END_DECLS
