/* window-helpers.h: opening a real window under Xvfb and typing into it.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <X11/X.h>

#include "limber-application.h"
#include "limber-window.h"

G_BEGIN_DECLS

/* A safety net against a hang, not a performance target: longer where the
 * build runs slower (LIMBER_TEST_SLOWDOWN, set for the sanitizer build). */
#define WAIT_TIMEOUT_SECONDS (20 * limber_test_slowdown ())

guint limber_test_slowdown (void);

void  init_in_user_locale  (int    *argc,
                            char ***argv);

typedef gboolean (*Condition) (gpointer data);

typedef struct
{
  LimberWindow *window;
  guint         index;
} SlideTarget;

LimberApplication *register_test_application (void);
void          wait_until          (Condition       condition,
                                   gpointer        data,
                                   const char     *what);
LimberWindow *open_window         (GtkApplication *application,
                                   LimberCatalog  *catalog);
LimberWindow *open_window_with_plan (GtkApplication *application,
                                     LimberPlan     *plan);
void          focus_window        (LimberWindow   *window);
void          close_window        (LimberWindow   *window);
void          press_key           (LimberWindow   *window,
                                   KeySym          keysym);
void          press_control_key   (LimberWindow   *window,
                                   KeySym          keysym);
void          press_keys          (LimberWindow   *window,
                                   const KeySym   *keysyms);
void          hold_keys           (LimberWindow   *window,
                                   const KeySym   *keysyms,
                                   gboolean        down);
gboolean      carousel_settled_at (gpointer        target);
GtkWidget    *find_widget_of_type (GtkWidget      *root,
                                   GType           type);
GtkWidget    *find_actionable     (GtkWidget      *root,
                                   const char     *action_name);
guint         count_labels        (GtkWidget      *root,
                                   const char     *text);
gboolean      shortcuts_are_shown (gpointer        unused);
gboolean      shortcuts_are_hidden (gpointer       unused);
gboolean      shortcuts_action_enabled (LimberWindow *window);
gboolean      is_shown_over       (GtkWidget      *widget,
                                   LimberWindow   *window);
GtkWidget    *wait_for_dialog     (LimberWindow   *window,
                                   const char     *heading,
                                   const char     *body_part);

G_END_DECLS
