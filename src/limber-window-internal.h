/* limber-window-internal.h: the window's one struct and what its files share.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LimberWindow is one class in several files, one concern each:
 * limber-window.c (construction, properties, window state, the catalog
 * error page), limber-window-navigation.c (the carousel and its keys),
 * limber-window-actions.c (the installed actions) and
 * limber-window-plan-files.c (importing and exporting plans). This header
 * is for those files only; the tests' hooks are in limber-window-private.h.
 */

#pragma once

#include "limber-kiosk-controller.h"
#include "limber-session-controller.h"
#include "limber-session-log.h"
#include "limber-window.h"

G_BEGIN_DECLS

struct _LimberWindow
{
  AdwApplicationWindow  parent_instance;

  LimberPlan           *plan;
  GSettings            *settings;
  /* A slide per exercise, made when first shown and kept while hidden, so a
   * slide that comes back is the same widget. */
  GHashTable           *slides;
  /* Wide enough for the picture beside the words (limber_compat_follow_width()). */
  gboolean              wide;
  guint                 current_index;
  /* Where keyboard navigation is heading: it runs ahead of current_index
   * while the carousel animates, so that two quick presses move two slides. */
  guint                 target_index;
  GtkWidget            *follow_up_dialog;
  guint                 deferred_scroll_id;
  /* A scroll that waits for the carousel to come back into sight. */
  gboolean              deferred_until_mapped;
  gboolean              deferred_animate;
  GtkWidget            *plan_dialog;
  GtkWidget            *history_dialog;
  /* Opened by the first session to end, or by History: not at start-up. */
  LimberSessionLog     *session_log;
  LimberSessionController *session;
  /* Made at construction; the kiosk itself only when entered. */
  LimberKioskController *kiosk;

  AdwToastOverlay      *toast_overlay;
  GtkOverlay           *kiosk_overlay;
  GtkWidget            *header_bar;
  GtkRevealer          *session_bar_slot;
  GtkWidget            *start_button;
  GtkWidget            *menu_button;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  char                 *introduction;
  AdwCarousel          *carousel;
  AdwStatusPage        *error_page;
  GtkWidget            *error_file_caption;
  GtkLabel             *error_file_label;
  GtkWidget            *error_line_caption;
  GtkLabel             *error_line_label;
  GtkWidget            *error_exercise_caption;
  GtkLabel             *error_exercise_label;
  GtkWidget            *error_field_caption;
  GtkLabel             *error_field_label;
  GtkWidget            *error_reason_caption;
  GtkLabel             *error_reason_label;
  AdwStatusPage        *empty_page;
  GtkRevealer          *hidden_revealer;
  GtkLabel             *hidden_label;
  GtkWidget            *previous_button;
  GtkWidget            *next_button;
};

/* limber-window-navigation.c */
void     _limber_window_navigation_init        (LimberWindow *self);
void     _limber_window_navigation_setup       (LimberWindow *self);
guint    _limber_window_n_slides               (LimberWindow *self);
gboolean _limber_window_showing_exercises      (LimberWindow *self);
void     _limber_window_go_to_slide            (LimberWindow *self,
                                                guint         index);
void     _limber_window_on_carousel_page_changed (LimberWindow *self,
                                                  guint         index);
void     _limber_window_on_session_active      (LimberWindow *self);
void     _limber_window_on_session_exercise    (LimberWindow *self);
void     _limber_window_update_hidden_count    (LimberWindow *self);
void     _limber_window_set_listen_available   (LimberWindow *self,
                                                gboolean      available);

/* limber-window-actions.c */
void     _limber_window_class_actions_init     (GtkWidgetClass *widget_class);
void     _limber_window_update_actions         (LimberWindow   *self);

/* limber-window-plan-files.c */
void     _limber_window_choose_plan_to_import  (LimberWindow *self);
void     _limber_window_choose_plan_export     (LimberWindow *self);

G_END_DECLS
