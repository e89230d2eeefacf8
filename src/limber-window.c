/* limber-window.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-window"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-compat.h"
#include "limber-history-view.h"
#include "limber-kiosk-guard.h"
#include "limber-plan-file.h"
#include "limber-plan-page.h"
#include "limber-session-controller-private.h"
#include "limber-session-view.h"
#include "limber-slide.h"
#include "limber-slideshow.h"
#include "limber-window-private.h"

struct _LimberWindow
{
  AdwApplicationWindow  parent_instance;

  LimberPlan           *plan;
  GSettings            *settings;
  /* A slide per exercise, made when first shown and kept while hidden, so a
   * slide that comes back is the same widget. */
  GHashTable           *slides;
  guint                 current_index;
  /* Where keyboard navigation is heading: it runs ahead of current_index
   * while the carousel animates, so that two quick presses move two slides. */
  guint                 target_index;
  GtkWidget            *follow_up_dialog;
  guint                 deferred_scroll_id;
  gboolean              deferred_animate;
  GtkWidget            *plan_dialog;
  GtkWidget            *history_dialog;
  /* Opened by the first session to end, or by History: not at start-up. */
  LimberSessionLog     *session_log;
  gboolean              kiosk;
  LimberSlideshow      *slideshow;
  LimberKioskGuard     *kiosk_guard;
  LimberSessionController *session;

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

G_DEFINE_FINAL_TYPE (LimberWindow, limber_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_KIOSK,
  PROP_SESSION_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
n_slides (LimberWindow *self)
{
  return adw_carousel_get_n_pages (self->carousel);
}

static gboolean
showing_exercises (LimberWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "exercises") == 0 &&
         n_slides (self) > 0;
}

static void
update_actions (LimberWindow *self)
{
  gboolean exercises = showing_exercises (self);
  guint last = exercises ? n_slides (self) - 1 : 0;
  /* A kiosk opens no dialog, preferences or file chooser. */
  gboolean dialogs = self->plan != NULL && !self->kiosk;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slide.previous", exercises && self->target_index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slide.first", exercises && self->target_index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slide.next", exercises && self->target_index < last);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slide.last", exercises && self->target_index < last);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.follow-up-care", dialogs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-plan", dialogs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-plan", dialogs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-plan", dialogs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-history", dialogs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.toggle-playing", self->kiosk && self->slideshow != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.previous", self->kiosk && self->slideshow != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.next", self->kiosk && self->slideshow != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.first", self->kiosk && self->slideshow != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.last", self->kiosk && self->slideshow != NULL);
}

static void
scroll_to_target (LimberWindow *self,
                  gboolean      animate)
{
  GtkWidget *page = adw_carousel_get_nth_page (self->carousel, self->target_index);

  /* The carousel's own animation honours gtk-enable-animations. */
  adw_carousel_scroll_to (self->carousel, page, animate);
}

/* The carousel places its pages, and so knows where to scroll, only when it
 * is allocated: before its first allocation, or right after pages were added
 * or removed, a scroll would settle on the wrong page. */
static gboolean
carousel_is_laid_out (LimberWindow *self)
{
  guint n_pages = n_slides (self);
  g_autofree double *snap_points = NULL;
  int n_snap_points = 0;

  if (gtk_widget_get_width (GTK_WIDGET (self->carousel)) == 0)
    return FALSE;

  snap_points = adw_swipeable_get_snap_points (ADW_SWIPEABLE (self->carousel), &n_snap_points);

  return n_pages > 0 && (guint)n_snap_points == n_pages &&
         G_APPROX_VALUE (snap_points[n_pages - 1], (double)(n_pages - 1), 1e-6);
}

static gboolean
scroll_once_allocated (GtkWidget     *widget,
                       GdkFrameClock *frame_clock,
                       gpointer       user_data)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  if (n_slides (self) == 0)
    {
      self->deferred_scroll_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (!carousel_is_laid_out (self))
    return G_SOURCE_CONTINUE;

  self->deferred_scroll_id = 0;
  scroll_to_target (self, self->deferred_animate);

  return G_SOURCE_REMOVE;
}

static void
show_slide (LimberWindow *self,
            guint         index,
            gboolean      animate)
{
  if (!showing_exercises (self))
    return;

  index = MIN (index, n_slides (self) - 1);
  g_debug ("Moving from slide %u to slide %u", self->current_index + 1, index + 1);
  self->target_index = index;
  update_actions (self);

  if (self->deferred_scroll_id != 0 || !carousel_is_laid_out (self))
    {
      self->deferred_animate = animate;
      if (self->deferred_scroll_id == 0)
        self->deferred_scroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_once_allocated,
                                                                 NULL, NULL);
      return;
    }

  scroll_to_target (self, animate);
}

static void
go_to_slide (LimberWindow *self,
             guint         index)
{
  show_slide (self, index, TRUE);
}

static gboolean
focus_follows_slides (LimberWindow *self,
                      GtkWidget    *focus)
{
  GtkWidget *keeps_following[] = { GTK_WIDGET (self->carousel), self->previous_button, self->next_button };

  if (focus == NULL || focus == GTK_WIDGET (self))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (keeps_following); i++)
    if (focus == keeps_following[i] || gtk_widget_is_ancestor (focus, keeps_following[i]))
      return TRUE;

  return FALSE;
}

static void
on_carousel_page_changed (LimberWindow *self,
                          guint         index)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *current_page = adw_carousel_get_nth_page (self->carousel, index);
  LimberExercise *exercise = limber_slide_get_exercise (LIMBER_SLIDE (current_page));
  gboolean moved = index != self->current_index;

  g_debug ("Slide %u is now current", index + 1);
  self->current_index = index;
  if (self->deferred_scroll_id == 0)
    self->target_index = index;

  /* Pages scrolled out of view must not take keyboard focus: Tab would
   * otherwise wander onto controls nobody can see. */
  for (guint i = 0; i < n_slides (self); i++)
    gtk_widget_set_can_focus (adw_carousel_get_nth_page (self->carousel, i), i == index);

  /* GTK 4.8 has no way to make a screen reader announce something, so when
   * the slide changes, focus goes to the new one, whose name is "Exercise N of
   * M: Title". Only from the slides and the Previous and Next buttons: focus
   * elsewhere (the menu, a dialog) stays where the person put it. */
  if ((moved || focus == NULL) && focus != current_page && focus_follows_slides (self, focus))
    gtk_widget_grab_focus (current_page);

  adw_window_title_set_subtitle (self->window_title, limber_exercise_get_title (exercise));
  if (moved && self->session != NULL)
    limber_session_controller_prepare_listen (self->session, exercise);
  update_actions (self);
}

static void
slide_previous_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  if (self->target_index > 0)
    go_to_slide (self, self->target_index - 1);
}

static void
slide_next_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  go_to_slide (self, self->target_index + 1);
}

static void
slide_first_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  go_to_slide (LIMBER_WINDOW (widget), 0);
}

static void
slide_last_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  go_to_slide (self, n_slides (self) - 1);
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

/* In a session the arrows move by steps, Page Up and Down by exercises; in
 * the kiosk every one of them by exercises, which pauses it for the person. */
static gboolean
session_key (LimberWindow *self,
             guint         keyval,
             gboolean      rtl)
{
  const char *action = NULL;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      action = self->kiosk ? (rtl ? "kiosk.next" : "kiosk.previous")
                           : (rtl ? "session.next-step" : "session.previous-step");
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      action = self->kiosk ? (rtl ? "kiosk.previous" : "kiosk.next")
                           : (rtl ? "session.previous-step" : "session.next-step");
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      action = self->kiosk ? "kiosk.previous" : "session.previous-exercise";
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      action = self->kiosk ? "kiosk.next" : "session.skip-exercise";
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      action = self->kiosk ? "kiosk.first" : NULL;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      action = self->kiosk ? "kiosk.last" : NULL;
      break;
    default:
      break;
    }

  if (action == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  return GDK_EVENT_STOP;
}

static gboolean
on_key_pressed (LimberWindow          *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  const char *action = NULL;

  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Keys pressed in the menu popover or a dialog also pass through here. */
  if (event == NULL || gdk_event_get_surface (event) != gtk_native_get_surface (GTK_NATIVE (self)))
    return GDK_EVENT_PROPAGATE;

  /* In a text field (the kiosk's PIN), the arrows move the cursor. */
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE) != NULL))
    return GDK_EVENT_PROPAGATE;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  if (self->session != NULL && limber_session_controller_get_active (self->session))
    return session_key (self, keyval, rtl);

  if (!showing_exercises (self))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      action = rtl ? "slide.next" : "slide.previous";
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      action = rtl ? "slide.previous" : "slide.next";
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      action = "slide.previous";
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      action = "slide.next";
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      action = "slide.first";
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      action = "slide.last";
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);

  /* Even at either end, so that the arrows never fall back to moving focus. */
  return GDK_EVENT_STOP;
}

static void
show_prescription (LimberWindow *self,
                   LimberSlide  *slide)
{
  LimberExercise *exercise = limber_slide_get_exercise (slide);

  limber_slide_set_prescription (slide, limber_plan_get_prescribed_hold (self->plan, exercise),
                                 limber_plan_get_prescribed_repetitions (self->plan, exercise));
}

static LimberSlide *
slide_for (LimberWindow   *self,
           LimberExercise *exercise)
{
  const char *id = limber_exercise_get_id (exercise);
  LimberSlide *slide = g_hash_table_lookup (self->slides, id);

  if (slide == NULL)
    {
      slide = LIMBER_SLIDE (g_object_ref_sink (limber_slide_new (exercise)));
      show_prescription (self, slide);
      limber_slide_set_listen_available (slide, !self->kiosk);
      g_hash_table_insert (self->slides, g_strdup (id), slide);
    }

  return slide;
}

/* The shown exercise nearest to @exercise in catalog order: itself, else the
 * next shown one, else the last. */
static guint
nearest_shown_index (LimberWindow   *self,
                     LimberExercise *exercise)
{
  GListModel *catalog = G_LIST_MODEL (limber_plan_get_catalog (self->plan));
  GListModel *shown = limber_plan_get_shown_exercises (self->plan);
  guint n_shown = g_list_model_get_n_items (shown);
  guint position = 0;

  if (exercise == NULL)
    return 0;

  for (guint i = 0; i < g_list_model_get_n_items (catalog); i++)
    {
      g_autoptr(LimberExercise) item = g_list_model_get_item (catalog, i);

      if (item == exercise)
        break;
      if (limber_plan_is_shown (self->plan, item))
        position++;
    }

  /* position counts the shown exercises before @exercise: that is where it
   * is, or where the next shown one now is. */
  return MIN (position, n_shown > 0 ? n_shown - 1 : 0);
}

static void
update_hidden_count (LimberWindow *self)
{
  guint n_hidden = limber_plan_get_n_hidden (self->plan);
  gboolean any_shown = g_list_model_get_n_items (limber_plan_get_shown_exercises (self->plan)) > 0;
  g_autofree char *text = NULL;

  /* Translators: shown above the slides when the plan leaves exercises out */
  text = g_strdup_printf (ngettext ("%u exercise hidden by your plan", "%u exercises hidden by your plan", n_hidden),
                          n_hidden);
  gtk_label_set_label (self->hidden_label, text);
  gtk_revealer_set_reveal_child (self->hidden_revealer, n_hidden > 0 && any_shown && !self->kiosk);
}

/* Lays the carousel out again from the plan's shown exercises. The slide that
 * was current stays current if it is still shown; otherwise the nearest one. */
static void
rebuild_carousel (LimberWindow *self)
{
  GListModel *shown = limber_plan_get_shown_exercises (self->plan);
  guint n_shown = g_list_model_get_n_items (shown);
  g_autoptr(LimberExercise) current = NULL;
  GtkWidget *focus;
  guint target;

  if (n_slides (self) > 0)
    current = g_object_ref (limber_slide_get_exercise (LIMBER_SLIDE (adw_carousel_get_nth_page (self->carousel,
                                                                                                  self->target_index))));

  /* GTK 4.8 leaves a removed widget as the window's focus, and keys then
   * reach nothing: let go of it first. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->carousel)))
    gtk_root_set_focus (GTK_ROOT (self), NULL);

  /* The carousel reports pages while they come and go; we know better. */
  g_signal_handlers_block_by_func (self->carousel, on_carousel_page_changed, self);

  while (n_slides (self) > 0)
    adw_carousel_remove (self->carousel, adw_carousel_get_nth_page (self->carousel, 0));

  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (shown, i);
      LimberSlide *slide = slide_for (self, exercise);

      limber_slide_set_number (slide, i + 1);
      limber_slide_set_total (slide, n_shown);
      /* Once, where a person starts, not pinned over every exercise. */
      limber_slide_set_introduction (slide, i == 0 ? self->introduction : NULL);
      gtk_widget_set_can_focus (GTK_WIDGET (slide), FALSE);
      adw_carousel_append (self->carousel, GTK_WIDGET (slide));
    }

  g_signal_handlers_unblock_by_func (self->carousel, on_carousel_page_changed, self);

  update_hidden_count (self);
  /* A session on show stays; it goes back to whichever page fits by then. */
  if (self->session != NULL && limber_session_controller_get_active (self->session))
    limber_session_controller_set_return_page (self->session, n_shown > 0 ? "exercises" : "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, n_shown > 0 ? "exercises" : "empty");

  if (n_shown == 0)
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
      self->current_index = self->target_index = 0;
      update_actions (self);
      return;
    }

  target = nearest_shown_index (self, current);
  self->current_index = self->target_index = target;
  on_carousel_page_changed (self, target);
  show_slide (self, target, FALSE);
}

static void
on_prescriptions_changed (LimberWindow *self)
{
  GHashTableIter iter;
  LimberSlide *slide;

  g_hash_table_iter_init (&iter, self->slides);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&slide))
    show_prescription (self, slide);
}


static void
kiosk_toggle_playing_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  if (self->slideshow != NULL)
    limber_slideshow_toggle (self->slideshow);
}

/* A person looking through the kiosk's exercises, which pauses it for them. */
static void
kiosk_move_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  if (self->slideshow == NULL)
    return;

  if (g_str_equal (action_name, "kiosk.previous"))
    limber_slideshow_move (self->slideshow, -1);
  else if (g_str_equal (action_name, "kiosk.next"))
    limber_slideshow_move (self->slideshow, 1);
  else if (g_str_equal (action_name, "kiosk.first"))
    limber_slideshow_move_to (self->slideshow, 0);
  else
    limber_slideshow_move_to (self->slideshow, G_MAXUINT);
}

/* The kiosk coaches by itself: no slide offers Listen there. */
static void
set_listen_available (LimberWindow *self,
                      gboolean      available)
{
  GHashTableIter iter;
  LimberSlide *slide;

  g_hash_table_iter_init (&iter, self->slides);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&slide))
    limber_slide_set_listen_available (slide, available);
}

static void
on_kiosk_unlocked (LimberWindow *self)
{
  limber_window_set_kiosk (self, FALSE);
}

static void
enter_kiosk (LimberWindow *self)
{
  /* Without a plan (the catalog failed) there is no slideshow, but the
   * lock-down all the same: the kiosk fails closed. */
  if (self->session != NULL)
    {
      self->slideshow = limber_slideshow_new (self->session, self->plan, self->settings);
      limber_session_controller_set_kiosk (self->session, TRUE);
    }

  self->kiosk_guard = limber_kiosk_guard_new (GTK_WINDOW (self), self->kiosk_overlay, self->slideshow,
                                              self->settings);
  g_signal_connect_object (self->kiosk_guard, "unlocked", G_CALLBACK (on_kiosk_unlocked), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_add_css_class (GTK_WIDGET (self), "limber-kiosk");
  gtk_widget_set_visible (self->header_bar, FALSE);
  gtk_widget_set_sensitive (self->menu_button, FALSE);
  set_listen_available (self, FALSE);
  gtk_window_fullscreen (GTK_WINDOW (self));

  if (self->slideshow != NULL)
    limber_slideshow_start (self->slideshow);
}

/* The lock-down given back and the slideshow stopped, on leaving and on dispose. */
static void
drop_kiosk (LimberWindow *self)
{
  if (self->kiosk_guard != NULL)
    limber_kiosk_guard_release (self->kiosk_guard);
  g_clear_object (&self->kiosk_guard);
  if (self->slideshow != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->slideshow, self);
      limber_slideshow_stop (self->slideshow);
    }
  g_clear_object (&self->slideshow);
}

static void
leave_kiosk (LimberWindow *self)
{
  drop_kiosk (self);

  gtk_widget_remove_css_class (GTK_WIDGET (self), "limber-kiosk");
  gtk_widget_set_visible (self->header_bar, TRUE);
  gtk_widget_set_sensitive (self->menu_button, TRUE);
  if (self->session != NULL)
    limber_session_controller_set_kiosk (self->session, FALSE);
  set_listen_available (self, TRUE);
  gtk_window_unfullscreen (GTK_WINDOW (self));
}

/**
 * limber_window_set_kiosk:
 *
 * Turns the window into the clinic slideshow, or back. Leaving lasts for
 * this run only: the kiosk-mode setting is not changed.
 */
void
limber_window_set_kiosk (LimberWindow *self,
                         gboolean      kiosk)
{
  g_return_if_fail (LIMBER_IS_WINDOW (self));

  kiosk = !!kiosk;
  if (self->kiosk == kiosk)
    return;

  g_debug (kiosk ? "Entering kiosk mode" : "Leaving kiosk mode");
  self->kiosk = kiosk;
  if (kiosk)
    enter_kiosk (self);
  else
    leave_kiosk (self);

  if (self->plan != NULL)
    update_hidden_count (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIOSK]);
}

gboolean
limber_window_get_kiosk (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), FALSE);

  return self->kiosk;
}

gboolean
limber_window_get_session_active (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), FALSE);

  return self->session != NULL && limber_session_controller_get_active (self->session);
}

static void
show_plan_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  if (self->plan == NULL)
    return;

  g_set_weak_pointer (&self->plan_dialog,
                      limber_compat_present_preferences (widget, ADW_PREFERENCES_PAGE (limber_plan_page_new (self->plan))));
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
show_error (LimberWindow *self,
            const char   *heading,
            const GError *error)
{
  limber_compat_present_message (GTK_WIDGET (self), heading, error->message);
}

/**
 * limber_window_import_plan:
 *
 * Reads a plan file and, if every line of it is right, makes it the plan.
 * Otherwise tells the person what is wrong, and the plan stays as it was.
 */
gboolean
limber_window_import_plan (LimberWindow *self,
                           GFile        *file)
{
  g_autoptr(LimberPlanFile) plan_file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIMBER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  plan_file = limber_plan_file_new_from_file (limber_plan_get_catalog (self->plan), file, &error);
  if (plan_file == NULL || !limber_plan_file_apply (plan_file, self->plan, &error))
    {
      show_error (self, _("The Plan Could Not Be Imported"), error);
      return FALSE;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Plan imported")));
  return TRUE;
}

/**
 * limber_window_export_plan:
 *
 * Writes the plan to @file, for another computer or a clinic's records.
 */
gboolean
limber_window_export_plan (LimberWindow *self,
                           GFile        *file)
{
  g_autoptr(LimberPlanFile) plan_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIMBER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  plan_file = limber_plan_file_new_from_plan (self->plan);
  bytes = limber_plan_file_to_bytes (plan_file);
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      show_error (self, _("The Plan Could Not Be Exported"), error);
      return FALSE;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Plan exported")));
  return TRUE;
}

static void
on_import_file_chosen (GFile    *file,
                       gpointer  user_data)
{
  g_autoptr(LimberWindow) self = user_data;

  if (file != NULL)
    limber_window_import_plan (self, file);
}

static void
on_export_file_chosen (GFile    *file,
                       gpointer  user_data)
{
  g_autoptr(LimberWindow) self = user_data;

  if (file != NULL)
    limber_window_export_plan (self, file);
}

static void
import_plan_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  limber_compat_choose_file (GTK_WINDOW (widget), _("Import a Plan"), FALSE, NULL, _("Limber plans"), "*.plan",
                             on_import_file_chosen, g_object_ref (widget));
}

static void
export_plan_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  /* Translators: the suggested file name of an exported plan; keep “.plan” */
  limber_compat_choose_file (GTK_WINDOW (widget), _("Export the Plan"), TRUE, _("my-exercises.plan"),
                             _("Limber plans"), "*.plan", on_export_file_chosen, g_object_ref (widget));
}


static void
restore_window_state (LimberWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
limber_window_close_request (GtkWindow *window)
{
  LimberWindow *self = LIMBER_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (limber_window_parent_class)->close_request (window);
}

/* Below about 700 pixels, one column; wider, the picture beside the words. */
#define WIDE_FROM 700

static void
on_width (gboolean  wide,
          gpointer  user_data)
{
  LimberWindow *self = user_data;

  if (self->session != NULL)
    limber_session_view_set_wide (LIMBER_SESSION_VIEW (limber_session_controller_get_view (self->session)), wide);
}

/* Back from a session, the carousel shows where it got to. */
static void
on_session_active (LimberWindow *self)
{
  LimberSession *session = limber_session_controller_get_session (self->session);
  LimberExercise *exercise = limber_session_get_exercise (session);
  LimberSessionScript *script = limber_session_get_script (session);

  /* Its own bar has the controls while a session is on show. */
  gtk_widget_set_visible (self->start_button, !limber_session_controller_get_active (self->session));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ACTIVE]);
  if (limber_session_controller_get_active (self->session))
    return;
  if (exercise == NULL && script != NULL)
    exercise = limber_session_script_get_exercise (script, limber_session_script_get_n_exercises (script) - 1);
  if (exercise != NULL && showing_exercises (self))
    show_slide (self, nearest_shown_index (self, exercise), FALSE);
}

static void
limber_window_constructed (GObject *object)
{
  LimberWindow *self = (LimberWindow *)object;

  G_OBJECT_CLASS (limber_window_parent_class)->constructed (object);

  restore_window_state (self);

  if (self->plan != NULL)
    {
      self->introduction = g_strjoinv (" ", (GStrv)limber_catalog_get_introduction (limber_plan_get_catalog (self->plan)));
      g_signal_connect_object (limber_plan_get_shown_exercises (self->plan), "items-changed",
                               G_CALLBACK (rebuild_carousel), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->plan, "prescriptions-changed",
                               G_CALLBACK (on_prescriptions_changed), self, G_CONNECT_SWAPPED);
      rebuild_carousel (self);
      self->session = limber_session_controller_new (GTK_WIDGET (self), self->plan, self->stack,
                                                     self->session_bar_slot, self->toast_overlay);
      g_signal_connect_object (self->session, "notify::active", G_CALLBACK (on_session_active), self,
                               G_CONNECT_SWAPPED);
      limber_compat_follow_width (ADW_APPLICATION_WINDOW (self), WIDE_FROM, on_width, self);
    }

  update_actions (self);
}

static void
limber_window_dispose (GObject *object)
{
  LimberWindow *self = (LimberWindow *)object;

  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (limber_plan_get_shown_exercises (self->plan), self);
      g_signal_handlers_disconnect_by_data (self->plan, self);
    }

  g_clear_weak_pointer (&self->follow_up_dialog);
  g_clear_weak_pointer (&self->plan_dialog);
  g_clear_weak_pointer (&self->history_dialog);
  drop_kiosk (self);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_WINDOW);
  g_clear_pointer (&self->slides, g_hash_table_unref);
  g_clear_pointer (&self->introduction, g_free);
  g_clear_object (&self->plan);
  g_clear_object (&self->settings);
  g_clear_object (&self->session_log);

  G_OBJECT_CLASS (limber_window_parent_class)->dispose (object);
}

static void
limber_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_KIOSK:
      g_value_set_boolean (value, self->kiosk);
      break;
    case PROP_SESSION_ACTIVE:
      g_value_set_boolean (value, limber_window_get_session_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LimberWindow *self = LIMBER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_KIOSK:
      limber_window_set_kiosk (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_window_class_init (LimberWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = limber_window_constructed;
  object_class->dispose = limber_window_dispose;
  object_class->get_property = limber_window_get_property;
  object_class->set_property = limber_window_set_property;

  window_class->close_request = limber_window_close_request;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, LIMBER_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIOSK] =
    g_param_spec_boolean ("kiosk", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A session, or its summary, is on show. */
  properties[PROP_SESSION_ACTIVE] =
    g_param_spec_boolean ("session-active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/limber-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, kiosk_overlay);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, session_bar_slot);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, carousel);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_file_caption);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_file_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_line_caption);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_line_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_exercise_caption);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_exercise_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_field_caption);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_field_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_reason_caption);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, error_reason_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, hidden_revealer);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, hidden_label);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, previous_button);
  gtk_widget_class_bind_template_child (widget_class, LimberWindow, next_button);
  gtk_widget_class_bind_template_callback (widget_class, on_carousel_page_changed);

  gtk_widget_class_install_action (widget_class, "slide.previous", NULL, slide_previous_activated);
  gtk_widget_class_install_action (widget_class, "slide.next", NULL, slide_next_activated);
  gtk_widget_class_install_action (widget_class, "slide.first", NULL, slide_first_activated);
  gtk_widget_class_install_action (widget_class, "slide.last", NULL, slide_last_activated);
  gtk_widget_class_install_action (widget_class, "win.follow-up-care", NULL, follow_up_care_activated);
  gtk_widget_class_install_action (widget_class, "win.show-plan", NULL, show_plan_activated);
  gtk_widget_class_install_action (widget_class, "win.import-plan", NULL, import_plan_activated);
  gtk_widget_class_install_action (widget_class, "win.export-plan", NULL, export_plan_activated);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.toggle-playing", NULL, kiosk_toggle_playing_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.previous", NULL, kiosk_move_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.next", NULL, kiosk_move_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.first", NULL, kiosk_move_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.last", NULL, kiosk_move_activated);
}

/* AdwStatusPage scrolls its content in a focusable scrolled window with no
 * name; a screen reader would announce it as nothing at all. */
static void
name_status_page_scroller (AdwStatusPage *page)
{
  GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (page));

  if (GTK_IS_SCROLLED_WINDOW (scroller))
    gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_status_page_get_title (page), -1);
}

static void
limber_window_init (LimberWindow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* A development build says so, as GNOME apps do: a striped header bar. */
  if (DEVELOPMENT_PROFILE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (APPLICATION_ID);
  self->slides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->session_log = limber_session_log_new (NULL);

  name_status_page_scroller (self->empty_page);
  name_status_page_scroller (self->error_page);

  /* libadwaita 1.2's carousel has no key bindings, and the window's own arrow
   * bindings would move focus first: catch the keys on the way down. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * limber_window_new:
 * @plan: (nullable): the plan to show, or %NULL when the catalog could not be
 *   loaded (then call limber_window_show_catalog_error())
 */
LimberWindow *
limber_window_new (GtkApplication *application,
                   LimberPlan     *plan)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (plan == NULL || LIMBER_IS_PLAN (plan), NULL);

  return g_object_new (LIMBER_TYPE_WINDOW,
                       "application", application,
                       "plan", plan,
                       NULL);
}

LimberPlan *
limber_window_get_plan (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  return self->plan;
}

static void
show_error_detail (GtkWidget  *caption,
                   GtkLabel   *label,
                   const char *text)
{
  gtk_widget_set_visible (caption, text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
  gtk_label_set_text (label, text != NULL ? text : "");
}

/**
 * limber_window_show_catalog_error:
 * @error: a #LimberCatalogError, whose file, line, exercise, field and
 *   reason are shown each on its own, or any other error, whose message is
 *
 * Tells the person, in place of the slides, why there are none. All of it
 * is plain text, whatever the file's name and contents hold.
 */
void
limber_window_show_catalog_error (LimberWindow *self,
                                  const GError *error)
{
  const char *reason;
  g_autofree char *line = NULL;

  g_return_if_fail (LIMBER_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  reason = limber_catalog_error_get_reason (error);
  if (limber_catalog_error_get_line (error) > 0)
    line = g_strdup_printf ("%d", limber_catalog_error_get_line (error));

  show_error_detail (self->error_file_caption, self->error_file_label, limber_catalog_error_get_file (error));
  show_error_detail (self->error_line_caption, self->error_line_label, line);
  show_error_detail (self->error_exercise_caption, self->error_exercise_label,
                     limber_catalog_error_get_exercise (error));
  show_error_detail (self->error_field_caption, self->error_field_label, limber_catalog_error_get_field (error));
  show_error_detail (self->error_reason_caption, self->error_reason_label,
                     reason != NULL ? reason : error->message);
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_stack_set_visible_child_name (self->stack, "error");
  update_actions (self);
}

guint
limber_window_get_current_index (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), 0);

  return self->current_index;
}

AdwCarousel *
limber_window_get_carousel (LimberWindow *self)
{
  return self->carousel;
}

const char *
limber_window_get_visible_page (LimberWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
limber_window_get_error_page (LimberWindow *self)
{
  return GTK_WIDGET (self->error_page);
}

GtkWidget *
limber_window_get_follow_up_dialog (LimberWindow *self)
{
  return self->follow_up_dialog;
}

GtkWidget *
limber_window_get_plan_dialog (LimberWindow *self)
{
  return self->plan_dialog;
}

GtkWidget *
limber_window_get_history_dialog (LimberWindow *self)
{
  return self->history_dialog;
}

/**
 * limber_window_get_session_log:
 *
 * Returns: (transfer none): the history that sessions are written to and the
 *   History dialog shows; not opened until first used
 */
LimberSessionLog *
limber_window_get_session_log (LimberWindow *self)
{
  g_return_val_if_fail (LIMBER_IS_WINDOW (self), NULL);

  return self->session_log;
}

const char *
limber_window_get_hidden_text (LimberWindow *self)
{
  return gtk_revealer_get_reveal_child (self->hidden_revealer) ? gtk_label_get_label (self->hidden_label) : NULL;
}

GtkWidget *
limber_window_get_previous_button (LimberWindow *self)
{
  return self->previous_button;
}

GtkWidget *
limber_window_get_next_button (LimberWindow *self)
{
  return self->next_button;
}

LimberSlideshow *
limber_window_get_slideshow (LimberWindow *self)
{
  return self->slideshow;
}

LimberKioskGuard *
limber_window_get_kiosk_guard (LimberWindow *self)
{
  return self->kiosk_guard;
}

GtkWidget *
limber_window_get_kiosk_pause_button (LimberWindow *self)
{
  return self->session != NULL ? limber_session_controller_get_pause_button (self->session) : NULL;
}

GtkWidget *
limber_window_get_header_bar (LimberWindow *self)
{
  return self->header_bar;
}

GtkWidget *
limber_window_get_menu_button (LimberWindow *self)
{
  return self->menu_button;
}


LimberSessionController *
limber_window_get_session_controller (LimberWindow *self)
{
  return self->session;
}
