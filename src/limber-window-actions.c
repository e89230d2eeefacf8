/* limber-window-actions.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's installed actions, for its buttons, menu and keys, and
 * which of them can be used now.
 */

#define G_LOG_DOMAIN "limber-window"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-compat.h"
#include "limber-history-view.h"
#include "limber-plan-page.h"
#include "limber-window-internal.h"

void
_limber_window_update_actions (LimberWindow *self)
{
  gboolean exercises = _limber_window_showing_exercises (self);
  guint last = exercises ? _limber_window_n_slides (self) - 1 : 0;
  /* A kiosk opens no dialog, preferences or file chooser. */
  gboolean dialogs = self->plan != NULL && !limber_window_get_kiosk (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slide.previous", exercises && self->target_index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slide.first", exercises && self->target_index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slide.next", exercises && self->target_index < last);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slide.last", exercises && self->target_index < last);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.follow-up-care", dialogs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-plan", dialogs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-plan", dialogs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-plan", dialogs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-history", dialogs);
}

static void
slide_previous_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  if (self->target_index > 0)
    _limber_window_go_to_slide (self, self->target_index - 1);
}

static void
slide_next_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  _limber_window_go_to_slide (self, self->target_index + 1);
}

static void
slide_first_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _limber_window_go_to_slide (LIMBER_WINDOW (widget), 0);
}

static void
slide_last_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  _limber_window_go_to_slide (self, _limber_window_n_slides (self) - 1);
}

static void
follow_up_care_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->plan == NULL)
    return;

  body = g_strjoinv ("\n\n", (GStrv)limber_catalog_get_follow_up_care (limber_plan_get_catalog (self->plan)));
  dialog = limber_compat_present_message (GTK_WIDGET (self), _("Follow-up Care"), body);
  g_set_weak_pointer (&self->follow_up_dialog, dialog);
}

static void
show_plan_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);
  GtkWidget *page;

  if (self->plan == NULL)
    return;

  page = limber_plan_page_new (self->plan);
  g_set_weak_pointer (&self->plan_dialog, limber_compat_present_preferences (widget, ADW_PREFERENCES_PAGE (page)));
  limber_compat_set_initial_focus (self->plan_dialog, limber_plan_page_get_initial_focus (LIMBER_PLAN_PAGE (page)));
}

static void
show_history_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  if (self->history_dialog != NULL)
    return;

  g_set_weak_pointer (&self->history_dialog,
                      limber_compat_present_dialog (widget, _("History"), limber_history_view_new (self->session_log),
                                                    600, 720));
}

static void
import_plan_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _limber_window_choose_plan_to_import (LIMBER_WINDOW (widget));
}

static void
export_plan_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _limber_window_choose_plan_export (LIMBER_WINDOW (widget));
}

void
_limber_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "slide.previous", NULL, slide_previous_activated);
  gtk_widget_class_install_action (widget_class, "slide.next", NULL, slide_next_activated);
  gtk_widget_class_install_action (widget_class, "slide.first", NULL, slide_first_activated);
  gtk_widget_class_install_action (widget_class, "slide.last", NULL, slide_last_activated);
  gtk_widget_class_install_action (widget_class, "win.follow-up-care", NULL, follow_up_care_activated);
  gtk_widget_class_install_action (widget_class, "win.show-plan", NULL, show_plan_activated);
  gtk_widget_class_install_action (widget_class, "win.import-plan", NULL, import_plan_activated);
  gtk_widget_class_install_action (widget_class, "win.export-plan", NULL, export_plan_activated);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_activated);
}
