/* limber-narration-controller.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ties the narrator to the window: the Play/Pause control and its shortcut,
 * the highlight and countdown on the current slide, narration that follows
 * the carousel, and a toast when narration cannot be heard. Kept apart from
 * LimberWindow so that the window works the same without narration.
 */

#define G_LOG_DOMAIN "limber-narration-controller"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-narration-controller-private.h"
#include "limber-slide.h"

struct _LimberNarrationController
{
  GObject          parent_instance;

  AdwCarousel     *carousel;
  AdwToastOverlay *toast_overlay;
  LimberNarrator  *narrator;
  LimberPlan      *plan;
  LimberSlide     *slide;
  GSimpleActionGroup *actions;

  /* The kiosk's slideshow drives narration itself, with no controls. */
  gboolean         controls_hidden;
  /* The end of a hold stays marked until the next countdown or step. */
  gboolean         hold_ended;
  guint            hold_length;
  char            *last_message;
  guint            n_messages;
};

G_DEFINE_FINAL_TYPE (LimberNarrationController, limber_narration_controller, G_TYPE_OBJECT)

static char *
dup_status (LimberNarrationController *self)
{
  guint remaining = limber_narrator_get_hold_remaining (self->narrator);
  guint repetition = limber_narrator_get_repetition (self->narrator);
  g_autofree char *count = NULL;
  g_autofree char *hold = NULL;

  if (repetition > 0)
    /* Translators: the repetition being done, as in "Repetition 2 of 4" */
    count = g_strdup_printf (_("Repetition %u of %u"), repetition, limber_narrator_get_repetitions (self->narrator));

  if (remaining > 0)
    /* Translators: the countdown of a hold */
    hold = g_strdup_printf (ngettext ("Hold: %u second left", "Hold: %u seconds left", remaining), remaining);
  else if (self->hold_ended)
    hold = g_strdup (_("Time is up: release the stretch"));

  if (count != NULL && hold != NULL)
    /* Translators: joins the repetition count and the countdown */
    return g_strdup_printf (_("%s · %s"), count, hold);

  return g_strdup (count != NULL ? count : hold);
}

static void
set_action_enabled (LimberNarrationController *self,
                    const char                *name,
                    gboolean                   enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_slide (LimberNarrationController *self)
{
  gboolean started = limber_narrator_get_state (self->narrator) != LIMBER_NARRATOR_STATE_STOPPED;
  g_autofree char *status = NULL;

  /* Stepping means something only once the narration has begun. */
  set_action_enabled (self, "previous-step", started);
  set_action_enabled (self, "next-step", started);

  if (self->slide == NULL)
    return;

  status = dup_status (self);
  limber_slide_set_narration_playing (self->slide,
                                      limber_narrator_get_state (self->narrator) == LIMBER_NARRATOR_STATE_PLAYING);
  limber_slide_set_spoken_step (self->slide, limber_narrator_get_current_step (self->narrator), status,
                                self->hold_ended && limber_narrator_get_hold_remaining (self->narrator) == 0);
}

static void
announce (LimberNarrationController *self,
          const char                *message)
{
  if (self->slide != NULL)
    limber_slide_announce (self->slide, message);
}

static void
on_narrator_step (LimberNarrationController *self)
{
  int step = limber_narrator_get_current_step (self->narrator);
  LimberExercise *exercise = limber_narrator_get_exercise (self->narrator);

  self->hold_ended = FALSE;
  self->hold_length = 0;
  update_slide (self);

  if (exercise == NULL || step < 0)
    announce (self, NULL);
  else if (step == LIMBER_NARRATOR_INTRO)
    announce (self, limber_exercise_get_title (exercise));
  else
    {
      /* Translators: announced when the narrator starts a step: "Step 2: Lower your chin…" */
      g_autofree char *message = g_strdup_printf (_("Step %d: %s"), step,
                                                  limber_exercise_get_steps (exercise)[step - 1]);
      announce (self, message);
    }
}

static void
on_narrator_hold (LimberNarrationController *self)
{
  guint remaining = limber_narrator_get_hold_remaining (self->narrator);
  g_autofree char *message = NULL;

  /* A countdown that reaches 0 has ended; a new one starts above 0. */
  self->hold_ended = remaining == 0;
  update_slide (self);

  /* Spoken at its start, with ten seconds left and at its end: a screen
   * reader reading every second would drown out the narration. */
  if (remaining > self->hold_length || (self->hold_length == 0 && remaining > 0))
    {
      self->hold_length = remaining;
      /* Translators: announced when a hold begins */
      message = g_strdup_printf (ngettext ("Hold for %u second", "Hold for %u seconds", remaining), remaining);
    }
  else if (remaining == 10 && self->hold_length > 10)
    message = g_strdup (_("10 seconds left"));
  else if (remaining == 0 && self->hold_length > 0)
    {
      self->hold_length = 0;
      message = g_strdup (_("Time is up: release the stretch"));
    }

  if (message != NULL)
    announce (self, message);
}

static void
on_narrator_problem (LimberNarrationController *self)
{
  const char *problem = limber_narrator_get_problem (self->narrator);
  AdwToast *toast;

  /* The narrator reports a cause once, until it goes away. */
  if (problem == NULL || self->toast_overlay == NULL)
    return;

  g_free (self->last_message);
  self->last_message = g_strdup (problem);
  self->n_messages++;

  toast = adw_toast_new (problem);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Narration follows the carousel: a new slide stops the old exercise and,
 * if it was playing, starts the new one from its introduction. */
/* The countdown and the repetition counter follow the physio's plan. */
static void
apply_prescription (LimberNarrationController *self)
{
  LimberExercise *exercise = limber_narrator_get_exercise (self->narrator);

  if (self->plan == NULL || exercise == NULL)
    return;

  limber_narrator_set_hold_seconds (self->narrator, limber_plan_get_prescribed_hold (self->plan, exercise));
  limber_narrator_set_repeat_count (self->narrator, limber_plan_get_prescribed_repetitions (self->plan, exercise));
}

static void
on_page_changed (LimberNarrationController *self,
                 guint                      index)
{
  GtkWidget *page = adw_carousel_get_nth_page (self->carousel, index);
  LimberExercise *exercise;
  gboolean was_playing;

  if (!LIMBER_IS_SLIDE (page) || LIMBER_SLIDE (page) == self->slide)
    return;

  exercise = limber_slide_get_exercise (LIMBER_SLIDE (page));
  was_playing = limber_narrator_get_state (self->narrator) == LIMBER_NARRATOR_STATE_PLAYING;

  limber_narrator_stop (self->narrator);
  if (self->slide != NULL)
    {
      limber_slide_set_spoken_step (self->slide, LIMBER_NARRATOR_NO_STEP, NULL, FALSE);
      limber_slide_set_narration_playing (self->slide, FALSE);
    }

  g_set_weak_pointer (&self->slide, LIMBER_SLIDE (page));
  limber_narrator_set_exercise (self->narrator, exercise);
  apply_prescription (self);
  if (was_playing)
    limber_narrator_play (self->narrator);
}

/* Slides may come and go (a plan can hide exercises): each shows the control. */
static void
on_pages_changed (LimberNarrationController *self)
{
  guint n_pages = adw_carousel_get_n_pages (self->carousel);

  for (guint i = 0; i < n_pages; i++)
    {
      GtkWidget *page = adw_carousel_get_nth_page (self->carousel, i);

      if (LIMBER_IS_SLIDE (page))
        limber_slide_set_narration_available (LIMBER_SLIDE (page), !self->controls_hidden);
    }

  set_action_enabled (self, "toggle", n_pages > 0);
  if (n_pages > 0)
    on_page_changed (self, MIN ((guint) adw_carousel_get_position (self->carousel), n_pages - 1));
}

/* The actions in the "narration" group, each a narrator command. */
static const struct {
  const char *name;
  void      (*command) (LimberNarrator *narrator);
} commands[] = {
  { "toggle", limber_narrator_toggle },
  { "previous-step", limber_narrator_previous_step },
  { "next-step", limber_narrator_next_step },
};

static void
command_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  LimberNarrationController *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      commands[i].command (self->narrator);
}

static void
limber_narration_controller_dispose (GObject *object)
{
  LimberNarrationController *self = (LimberNarrationController *)object;

  if (self->narrator != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->narrator, self);
      limber_narrator_stop (self->narrator);
    }
  g_clear_object (&self->narrator);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);
  g_clear_object (&self->actions);
  g_clear_weak_pointer (&self->slide);
  g_clear_weak_pointer (&self->carousel);
  g_clear_weak_pointer (&self->toast_overlay);

  G_OBJECT_CLASS (limber_narration_controller_parent_class)->dispose (object);
}

static void
limber_narration_controller_finalize (GObject *object)
{
  LimberNarrationController *self = (LimberNarrationController *)object;

  g_clear_pointer (&self->last_message, g_free);

  G_OBJECT_CLASS (limber_narration_controller_parent_class)->finalize (object);
}

static void
limber_narration_controller_class_init (LimberNarrationControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_narration_controller_dispose;
  object_class->finalize = limber_narration_controller_finalize;
}

static void
limber_narration_controller_init (LimberNarrationController *self)
{
  self->narrator = limber_narrator_new ();
  self->actions = g_simple_action_group_new ();
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (commands[i].name, NULL);

      g_signal_connect (action, "activate", G_CALLBACK (command_activated), self);
      g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));
    }

  g_signal_connect_swapped (self->narrator, "notify::state", G_CALLBACK (update_slide), self);
  g_signal_connect_swapped (self->narrator, "notify::current-step", G_CALLBACK (on_narrator_step), self);
  g_signal_connect_swapped (self->narrator, "notify::hold-remaining", G_CALLBACK (on_narrator_hold), self);
  g_signal_connect_swapped (self->narrator, "notify::repetition", G_CALLBACK (update_slide), self);
  g_signal_connect_swapped (self->narrator, "notify::problem", G_CALLBACK (on_narrator_problem), self);
}

/**
 * limber_narration_controller_new:
 *
 * Adds the "narration.toggle" action and its Ctrl+P shortcut to @window,
 * with "narration.previous-step" and "narration.next-step",
 * and shows the Play control on every slide of @carousel.
 */
LimberNarrationController *
limber_narration_controller_new (GtkWidget       *window,
                                 AdwCarousel     *carousel,
                                 AdwToastOverlay *toast_overlay)
{
  LimberNarrationController *self;
  GtkEventController *shortcuts;

  g_return_val_if_fail (GTK_IS_WIDGET (window), NULL);
  g_return_val_if_fail (ADW_IS_CAROUSEL (carousel), NULL);
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (toast_overlay), NULL);

  self = g_object_new (LIMBER_TYPE_NARRATION_CONTROLLER, NULL);
  g_set_weak_pointer (&self->carousel, carousel);
  g_set_weak_pointer (&self->toast_overlay, toast_overlay);

  gtk_widget_insert_action_group (window, "narration", G_ACTION_GROUP (self->actions));
  update_slide (self);

  /* In the bubble phase, with a modifier: the window's capture-phase arrow
   * keys never see it, and Space stays with the focused button. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>p"),
                                                          gtk_named_action_new ("narration.toggle")));
  gtk_widget_add_controller (window, shortcuts);

  g_signal_connect_object (carousel, "page-changed", G_CALLBACK (on_page_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (carousel, "notify::n-pages", G_CALLBACK (on_pages_changed), self, G_CONNECT_SWAPPED);
  on_pages_changed (self);

  return self;
}

/**
 * limber_narration_controller_set_plan:
 *
 * Times holds and counts repetitions as @plan prescribes.
 */
void
limber_narration_controller_set_plan (LimberNarrationController *self,
                                      LimberPlan                *plan)
{
  g_return_if_fail (LIMBER_IS_NARRATION_CONTROLLER (self));
  g_return_if_fail (plan == NULL || LIMBER_IS_PLAN (plan));

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_signal_connect_object (plan, "prescriptions-changed", G_CALLBACK (apply_prescription), self, G_CONNECT_SWAPPED);

  apply_prescription (self);
}

/**
 * limber_narration_controller_set_controls_visible:
 *
 * Shows or hides the Listen and step controls on every slide; the kiosk
 * hides them because its slideshow plays the narration.
 */
void
limber_narration_controller_set_controls_visible (LimberNarrationController *self,
                                                  gboolean                   visible)
{
  g_return_if_fail (LIMBER_IS_NARRATION_CONTROLLER (self));

  self->controls_hidden = !visible;
  if (self->carousel != NULL)
    on_pages_changed (self);
}

LimberNarrator *
limber_narration_controller_get_narrator (LimberNarrationController *self)
{
  return self->narrator;
}

const char *
limber_narration_controller_get_last_message (LimberNarrationController *self)
{
  return self->last_message;
}

guint
limber_narration_controller_get_n_messages (LimberNarrationController *self)
{
  return self->n_messages;
}
