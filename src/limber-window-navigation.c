/* limber-window-navigation.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's carousel: one slide per shown exercise, rebuilt when the
 * plan changes, moved by the slide actions and the keyboard, keeping focus
 * and the title on the slide in view.
 */

#define G_LOG_DOMAIN "limber-window"

#include "limber-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "limber-slide.h"
#include "limber-window-internal.h"

guint
_limber_window_n_slides (LimberWindow *self)
{
  return adw_carousel_get_n_pages (self->carousel);
}

gboolean
_limber_window_showing_exercises (LimberWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "exercises") == 0 &&
         _limber_window_n_slides (self) > 0;
}

static void
build_slide (LimberWindow *self,
             int           index)
{
  if (index >= 0 && (guint) index < _limber_window_n_slides (self))
    limber_slide_build_content (LIMBER_SLIDE (adw_carousel_get_nth_page (self->carousel, (guint) index)));
}

/* A slide's picture and steps are built when it comes near view: the one
 * shown and its neighbours, which a swipe or a press of an arrow brings in. */
static void
build_near (LimberWindow *self,
            guint         index)
{
  build_slide (self, (int) index);
  build_slide (self, (int) index - 1);
  build_slide (self, (int) index + 1);
}

/* Whatever the carousel passes on its way, as it is seen. */
static void
on_carousel_position (LimberWindow *self)
{
  double position = adw_carousel_get_position (self->carousel);

  build_slide (self, (int) floor (position));
  build_slide (self, (int) ceil (position));
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
  guint n_pages = _limber_window_n_slides (self);
  g_autofree double *snap_points = NULL;
  int n_snap_points = 0;

  if (gtk_widget_get_width (GTK_WIDGET (self->carousel)) == 0)
    return FALSE;

  snap_points = adw_swipeable_get_snap_points (ADW_SWIPEABLE (self->carousel), &n_snap_points);

  return n_pages > 0 && (guint)n_snap_points == n_pages &&
         G_APPROX_VALUE (snap_points[n_pages - 1], (double)(n_pages - 1), 1e-6);
}

static gboolean
scroll_pending (LimberWindow *self)
{
  return self->deferred_scroll_id != 0 || self->deferred_until_mapped;
}

static gboolean scroll_once_allocated (GtkWidget     *widget,
                                       GdkFrameClock *frame_clock,
                                       gpointer       user_data);

/* The scroll waits for the carousel's layout, a frame or two once it is in
 * sight. A carousel out of sight (a session or the kiosk on show) is laid
 * out only when it comes back: that is waited for without asking the frame
 * clock for every frame meanwhile, which kept a dwelling kiosk at 60 frames
 * a second. */
static void
defer_scroll (LimberWindow *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->carousel)))
    {
      if (self->deferred_scroll_id != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->deferred_scroll_id);
      self->deferred_scroll_id = 0;
      self->deferred_until_mapped = TRUE;
      return;
    }

  self->deferred_until_mapped = FALSE;
  if (self->deferred_scroll_id == 0)
    self->deferred_scroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_once_allocated, NULL, NULL);
}

static void
on_carousel_map (LimberWindow *self)
{
  if (self->deferred_until_mapped)
    defer_scroll (self);
}

static gboolean
scroll_once_allocated (GtkWidget     *widget,
                       GdkFrameClock *frame_clock,
                       gpointer       user_data)
{
  LimberWindow *self = LIMBER_WINDOW (widget);

  if (_limber_window_n_slides (self) == 0)
    {
      self->deferred_scroll_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->carousel)))
    {
      self->deferred_scroll_id = 0;
      self->deferred_until_mapped = TRUE;
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
  if (!_limber_window_showing_exercises (self))
    return;

  index = MIN (index, _limber_window_n_slides (self) - 1);
  g_debug ("Moving from slide %u to slide %u", self->current_index + 1, index + 1);
  self->target_index = index;
  build_near (self, index);
  _limber_window_update_actions (self);

  if (scroll_pending (self) || !carousel_is_laid_out (self))
    {
      self->deferred_animate = animate;
      defer_scroll (self);
      return;
    }

  scroll_to_target (self, animate);
}

void
_limber_window_go_to_slide (LimberWindow *self,
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

void
_limber_window_on_carousel_page_changed (LimberWindow *self,
                          guint         index)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *current_page = adw_carousel_get_nth_page (self->carousel, index);
  LimberExercise *exercise = limber_slide_get_exercise (LIMBER_SLIDE (current_page));
  gboolean moved = index != self->current_index;

  g_debug ("Slide %u is now current", index + 1);
  self->current_index = index;
  build_near (self, index);
  if (!scroll_pending (self))
    self->target_index = index;

  /* Pages scrolled out of view must not take keyboard focus: Tab would
   * otherwise wander onto controls nobody can see. */
  for (guint i = 0; i < _limber_window_n_slides (self); i++)
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
  _limber_window_update_actions (self);
}

/* In a session the arrows move by steps, Page Up and Down by exercises; in
 * the kiosk every one of them by exercises, which pauses it for the person. */
static gboolean
session_key (LimberWindow *self,
             guint         keyval,
             gboolean      rtl)
{
  gboolean kiosk = limber_window_get_kiosk (self);
  const char *action = NULL;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      action = kiosk ? (rtl ? "kiosk.next" : "kiosk.previous")
                           : (rtl ? "session.next-step" : "session.previous-step");
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      action = kiosk ? (rtl ? "kiosk.previous" : "kiosk.next")
                           : (rtl ? "session.previous-step" : "session.next-step");
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      action = kiosk ? "kiosk.previous" : "session.previous-exercise";
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      action = kiosk ? "kiosk.next" : "session.skip-exercise";
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      action = kiosk ? "kiosk.first" : NULL;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      action = kiosk ? "kiosk.last" : NULL;
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

  if (!_limber_window_showing_exercises (self))
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
      limber_slide_set_listen_available (slide, !limber_window_get_kiosk (self));
      limber_slide_set_wide (slide, self->wide);
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

void
_limber_window_update_hidden_count (LimberWindow *self)
{
  guint n_hidden = limber_plan_get_n_hidden (self->plan);
  gboolean any_shown = g_list_model_get_n_items (limber_plan_get_shown_exercises (self->plan)) > 0;
  g_autofree char *text = NULL;

  /* Translators: shown above the slides when the plan leaves exercises out */
  text = g_strdup_printf (ngettext ("%u exercise hidden by your plan", "%u exercises hidden by your plan", n_hidden),
                          n_hidden);
  gtk_label_set_label (self->hidden_label, text);
  gtk_revealer_set_reveal_child (self->hidden_revealer, n_hidden > 0 && any_shown && !limber_window_get_kiosk (self));
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

  if (_limber_window_n_slides (self) > 0)
    current = g_object_ref (limber_slide_get_exercise (LIMBER_SLIDE (adw_carousel_get_nth_page (self->carousel,
                                                                                                  self->target_index))));

  /* GTK 4.8 leaves a removed widget as the window's focus, and keys then
   * reach nothing: let go of it first. */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->carousel)))
    gtk_root_set_focus (GTK_ROOT (self), NULL);

  /* The carousel reports pages while they come and go; we know better. */
  g_signal_handlers_block_by_func (self->carousel, _limber_window_on_carousel_page_changed, self);

  while (_limber_window_n_slides (self) > 0)
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

  g_signal_handlers_unblock_by_func (self->carousel, _limber_window_on_carousel_page_changed, self);

  _limber_window_update_hidden_count (self);
  /* A session on show stays; it goes back to whichever page fits by then. */
  if (self->session != NULL && limber_session_controller_get_active (self->session))
    limber_session_controller_set_return_page (self->session, n_shown > 0 ? "exercises" : "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, n_shown > 0 ? "exercises" : "empty");

  if (n_shown == 0)
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
      self->current_index = self->target_index = 0;
      _limber_window_update_actions (self);
      return;
    }

  target = nearest_shown_index (self, current);
  self->current_index = self->target_index = target;
  _limber_window_on_carousel_page_changed (self, target);
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

/* The kiosk coaches by itself: no slide offers Listen there. */
void
_limber_window_set_listen_available (LimberWindow *self,
                      gboolean      available)
{
  GHashTableIter iter;
  LimberSlide *slide;

  g_hash_table_iter_init (&iter, self->slides);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&slide))
    limber_slide_set_listen_available (slide, available);
}

/* Back from a session, the carousel shows where it got to. */
void
_limber_window_on_session_active (LimberWindow *self)
{
  LimberSession *session = limber_session_controller_get_session (self->session);
  LimberExercise *exercise = limber_session_get_exercise (session);
  LimberSessionScript *script = limber_session_get_script (session);

  /* Its own bar has the controls while a session is on show. */
  gtk_widget_set_visible (self->start_button, !limber_session_controller_get_active (self->session));
  if (limber_session_controller_get_active (self->session))
    return;
  if (exercise == NULL && script != NULL)
    exercise = limber_session_script_get_exercise (script, limber_session_script_get_n_exercises (script) - 1);
  if (exercise != NULL && _limber_window_showing_exercises (self))
    show_slide (self, nearest_shown_index (self, exercise), FALSE);
}

/* The header names what is being done: in a session, its exercise, whichever
 * slide the carousel behind it shows. */
void
_limber_window_on_session_exercise (LimberWindow *self)
{
  LimberExercise *exercise = limber_session_get_exercise (limber_session_controller_get_session (self->session));

  if (limber_session_controller_get_active (self->session) && exercise != NULL)
    adw_window_title_set_subtitle (self->window_title, limber_exercise_get_title (exercise));
}

/**
 * _limber_window_navigation_init:
 *
 * libadwaita 1.2's carousel has no key bindings, and the window's own arrow
 * bindings would move focus first: the keys are caught on the way down.
 */
void
_limber_window_navigation_init (LimberWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_object (self->carousel, "map", G_CALLBACK (on_carousel_map), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->carousel, "notify::position", G_CALLBACK (on_carousel_position), self,
                           G_CONNECT_SWAPPED);
}

/* The carousel from the plan, now and whenever the plan changes. */
void
_limber_window_navigation_setup (LimberWindow *self)
{
  g_signal_connect_object (limber_plan_get_shown_exercises (self->plan), "items-changed",
                           G_CALLBACK (rebuild_carousel), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "prescriptions-changed",
                           G_CALLBACK (on_prescriptions_changed), self, G_CONNECT_SWAPPED);
  rebuild_carousel (self);
}
