/* limber-session-controller.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ties a coached session to the window: the "session" actions (Start,
 * Listen on a slide, pause, steps, skip, stop, Ready) and Space for them,
 * the session view in the window's stack and its bar, and a toast when the
 * voice cannot be heard. Kept apart from LimberWindow so that the window
 * does not need to know how a session runs.
 */

#define G_LOG_DOMAIN "limber-session-controller"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-session-bar-private.h"
#include "limber-session-controller-private.h"
#include "limber-session-recorder.h"
#include "limber-session-view.h"
#ifdef HAVE_NARRATION
#include "limber-speech.h"
#endif

struct _LimberSessionController
{
  GObject             parent_instance;

  GtkWidget          *window;
  LimberPlan         *plan;
  GtkStack           *stack;
  GtkRevealer        *bar_slot;
  AdwToastOverlay    *toast_overlay;

  GObject            *speech;
  LimberSession      *session;
  /* Writes ended routines to the history; none until the window gives one. */
  LimberSessionRecorder *recorder;
  GtkWidget          *view;
  GtkWidget          *bar;
  /* The kiosk's slideshow drives the session; Space is the kiosk guard's. */
  gboolean            kiosk;
  GSimpleActionGroup *actions;
  /* The page the session took the place of, to go back to. */
  char               *previous_page;
  gboolean            active;
  /* A new session is taking over from the last: its end is not an end. */
  gboolean            restarting;
};

G_DEFINE_FINAL_TYPE (LimberSessionController, limber_session_controller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ENDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_enabled (LimberSessionController *self,
             const char              *name,
             gboolean                 enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_actions (LimberSessionController *self)
{
  LimberSessionState state = limber_session_get_state (self->session);
  gboolean running = state != LIMBER_SESSION_STATE_STOPPED;
  gboolean has_exercises = g_list_model_get_n_items (limber_plan_get_shown_exercises (self->plan)) > 0;

  set_enabled (self, "start", !self->active && has_exercises);
  set_enabled (self, "listen", !self->active);
  set_enabled (self, "toggle", running || (!self->active && has_exercises));
  set_enabled (self, "previous-step", running);
  set_enabled (self, "next-step", running);
  set_enabled (self, "skip-exercise", running);
  set_enabled (self, "previous-exercise", running);
  set_enabled (self, "stop", running);
  set_enabled (self, "ready", running && limber_session_get_waiting (self->session));
  set_enabled (self, "close", self->active && !running);
}

/* What Start will say first, made while nobody has pressed it, so that it is
 * heard at once (and what Listen on @exercise would say, when given). */
static void
prepare_first_words (LimberSessionController *self,
                     LimberExercise          *exercise)
{
#ifdef HAVE_NARRATION
  g_autoptr(LimberSessionScript) script = NULL;
  GSettings *settings = limber_plan_get_settings (self->plan);

  if (self->speech == NULL || self->active)
    return;

  script = exercise != NULL ? limber_session_script_new (self->plan, settings, LIMBER_SESSION_MODE_SINGLE, exercise)
                            : limber_session_script_new (self->plan, settings, LIMBER_SESSION_MODE_ROUTINE, NULL);
  if (limber_session_script_get_n_cues (script) > 0 && limber_session_script_get_cue (script, 0)->text != NULL)
    limber_speech_prepare (LIMBER_SPEECH (self->speech), limber_session_script_get_cue (script, 0)->text);
#endif
}

static gboolean
prepare_after_first_frame (gpointer user_data)
{
  prepare_first_words (user_data, NULL);

  return G_SOURCE_REMOVE;
}

/* Start-up pays only for what is shown: the sound output and the voice
 * that Start will use are got ready once the window has drawn its first
 * frame, not before it. */
static void
on_first_frame (LimberSessionController *self,
                GdkFrameClock           *frame_clock)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame, self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, prepare_after_first_frame, g_object_ref (self), g_object_unref);
}

static void
on_window_realize (LimberSessionController *self)
{
  g_signal_handlers_disconnect_by_func (self->window, on_window_realize, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (self->window), "after-paint", G_CALLBACK (on_first_frame),
                           self, G_CONNECT_SWAPPED);
}

static void
on_plan_changed (LimberSessionController *self)
{
  update_actions (self);
  prepare_first_words (self, NULL);
}

/**
 * limber_session_controller_prepare_listen:
 *
 * The slide of @exercise is in view: Listen on it will speak at once.
 */
void
limber_session_controller_prepare_listen (LimberSessionController *self,
                                          LimberExercise          *exercise)
{
  g_return_if_fail (LIMBER_IS_SESSION_CONTROLLER (self));

  prepare_first_words (self, exercise);
}

static void
set_active (LimberSessionController *self,
            gboolean                 active)
{
  if (self->active == active)
    return;

  self->active = active;
  if (active)
    {
      g_free (self->previous_page);
      self->previous_page = g_strdup (gtk_stack_get_visible_child_name (self->stack));
      gtk_stack_set_visible_child (self->stack, self->view);
      gtk_widget_grab_focus (self->view);
    }
  else if (self->previous_page != NULL)
    gtk_stack_set_visible_child_name (self->stack, self->previous_page);

  gtk_revealer_set_reveal_child (self->bar_slot, active);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
show_toast (LimberSessionController *self,
            const char              *message)
{
  AdwToast *toast;

  if (message == NULL || self->toast_overlay == NULL)
    return;

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A finished routine left on its summary without an answer: kept as it is,
 * with any note typed. */
static void
save_pending (LimberSessionController *self)
{
  g_autoptr(GError) error = NULL;
  LimberPainRating *rating;

  if (self->recorder == NULL || !limber_session_recorder_get_pending (self->recorder))
    return;

  rating = limber_session_view_get_pain_rating (LIMBER_SESSION_VIEW (self->view));
  if (!limber_session_recorder_save_pending (self->recorder, limber_pain_rating_get_note (rating), &error))
    show_toast (self, error->message);
}

static void
on_rated (LimberSessionController *self,
          int                      value)
{
  LimberPainRating *rating = limber_session_view_get_pain_rating (LIMBER_SESSION_VIEW (self->view));
  g_autoptr(GError) error = NULL;
  const char *message;

  if (self->recorder == NULL || !limber_session_recorder_get_pending (self->recorder))
    return;

  if (!limber_session_recorder_rate (self->recorder,
                                     value == LIMBER_PAIN_RATING_UNSET ? LIMBER_SESSION_RECORD_NO_PAIN_RATING : value,
                                     limber_pain_rating_get_note (rating), &error))
    message = error->message;
  else if (value == LIMBER_PAIN_RATING_UNSET)
    message = _("This session is in your history, without a pain rating.");
  else
    message = _("This session and how it felt are in your history.");

  limber_session_view_show_rating_result (LIMBER_SESSION_VIEW (self->view), message);
}

/**
 * limber_session_controller_start:
 * @only: (nullable): the exercise for %LIMBER_SESSION_MODE_SINGLE
 *
 * Shows the session view and plays the plan's shown exercises, or one.
 */
void
limber_session_controller_start (LimberSessionController *self,
                                 LimberSessionMode        mode,
                                 LimberExercise          *only)
{
  g_autoptr(LimberSessionScript) script = NULL;

  g_return_if_fail (LIMBER_IS_SESSION_CONTROLLER (self));

  script = limber_session_script_new (self->plan, limber_plan_get_settings (self->plan), mode, only);
  if (limber_session_script_get_n_exercises (script) == 0)
    return;

  save_pending (self);
  limber_session_view_show_coach (LIMBER_SESSION_VIEW (self->view));
  self->restarting = TRUE;
  limber_session_start (self->session, script);
  self->restarting = FALSE;
  set_active (self, TRUE);
  gtk_revealer_set_reveal_child (self->bar_slot, TRUE);
  limber_session_view_show_coach (LIMBER_SESSION_VIEW (self->view));
}

/**
 * limber_session_controller_close:
 *
 * Leaves the session view, stopping a session that still runs.
 */
void
limber_session_controller_close (LimberSessionController *self)
{
  g_return_if_fail (LIMBER_IS_SESSION_CONTROLLER (self));

  limber_session_stop (self->session);
  save_pending (self);
  set_active (self, FALSE);
}

static void
on_session_finished (LimberSessionController *self)
{
  LimberSessionScript *script = limber_session_get_script (self->session);
  gboolean routine = limber_session_script_get_mode (script) == LIMBER_SESSION_MODE_ROUTINE;
  g_autoptr(GError) error = NULL;

  if (self->restarting)
    return;

  if (self->recorder != NULL &&
      !limber_session_recorder_take (self->recorder, self->session, &error))
    show_toast (self, error->message);

  g_signal_emit (self, signals[ENDED], 0, self->session);

  /* A routine that ran to its end stays on its summary; anything else
   * goes back to the exercises at once. */
  if (routine && limber_session_get_completed (self->session))
    {
      /* Nothing left to pause or skip: the summary gets the room. */
      gtk_revealer_set_reveal_child (self->bar_slot, FALSE);
      update_actions (self);
      /* How did it feel: one key press away. */
      gtk_widget_grab_focus (GTK_WIDGET (limber_session_view_get_pain_rating (LIMBER_SESSION_VIEW (self->view))));
    }
  else
    set_active (self, FALSE);
}

static void
start_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  limber_session_controller_start (user_data, LIMBER_SESSION_MODE_ROUTINE, NULL);
}

static void
listen_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  LimberSessionController *self = user_data;
  LimberExercise *exercise = limber_catalog_lookup (limber_plan_get_catalog (self->plan),
                                                    g_variant_get_string (parameter, NULL));

  if (exercise != NULL)
    limber_session_controller_start (self, LIMBER_SESSION_MODE_SINGLE, exercise);
}

/* Space and the Pause button: start, pause, resume, or Ready when waiting. */
static void
toggle_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  LimberSessionController *self = user_data;

  if (limber_session_get_waiting (self->session))
    limber_session_ready (self->session);
  else if (limber_session_get_state (self->session) != LIMBER_SESSION_STATE_STOPPED)
    limber_session_toggle (self->session);
  else if (!self->active)
    limber_session_controller_start (self, LIMBER_SESSION_MODE_ROUTINE, NULL);
}

/* Back to the start of this exercise, or from its start to the one before. */
static void
previous_exercise_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  LimberSessionController *self = user_data;
  LimberSessionScript *script = limber_session_get_script (self->session);
  const LimberCue *cue = limber_session_get_cue (self->session);
  guint index;

  if (script == NULL || cue == NULL)
    return;

  index = MIN (cue->exercise_index, limber_session_script_get_n_exercises (script) - 1);
  if (limber_session_get_cue_index (self->session) == limber_session_script_find_exercise_start (script, index) &&
      index > 0)
    index--;

  limber_session_go_to_exercise (self->session, index);
  limber_session_resume (self->session);
}

static void
close_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  limber_session_controller_close (user_data);
}

/* The session's own commands, one action each. */
static const struct {
  const char *name;
  void      (*command) (LimberSession *session);
} commands[] = {
  { "previous-step", limber_session_previous_step },
  { "next-step", limber_session_next_step },
  { "skip-exercise", limber_session_skip_exercise },
  { "stop", limber_session_stop },
  { "ready", limber_session_ready },
};

static void
command_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  LimberSessionController *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      commands[i].command (self->session);
}

#ifdef HAVE_NARRATION
/* The voice says why once, and the session goes on in silence. */
static void
on_speech_problem (LimberSessionController *self)
{
  show_toast (self, limber_speech_get_problem (LIMBER_SPEECH (self->speech)));
}

static void
on_speech_notice (LimberSessionController *self)
{
  show_toast (self, limber_speech_get_notice (LIMBER_SPEECH (self->speech)));
}
#endif

/* Space belongs to the session anywhere in the window but where text is
 * typed, on a focused button, and in dialogs, which have their own. */
static gboolean
on_key_pressed (LimberSessionController *self,
                guint                    keyval,
                guint                    keycode,
                GdkModifierType          state)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self->window));
  GtkWidget *content = GTK_WIDGET (self->toast_overlay);

  if (keyval != GDK_KEY_space || (state & gtk_accelerator_get_default_mod_mask ()) != 0 || self->kiosk)
    return GDK_EVENT_PROPAGATE;

  /* A button a person has moved to with Tab takes Space, as everywhere. */
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT (focus) || GTK_IS_BUTTON (focus) ||
                        GTK_IS_CHECK_BUTTON (focus) || GTK_IS_SWITCH (focus) ||
                        (focus != content && !gtk_widget_is_ancestor (focus, content))))
    return GDK_EVENT_PROPAGATE;

  if (!g_action_group_get_action_enabled (G_ACTION_GROUP (self->actions), "toggle"))
    return GDK_EVENT_PROPAGATE;

  g_action_group_activate_action (G_ACTION_GROUP (self->actions), "toggle", NULL);
  return GDK_EVENT_STOP;
}

static void
limber_session_controller_dispose (GObject *object)
{
  LimberSessionController *self = (LimberSessionController *)object;

  if (self->view != NULL)
    save_pending (self);
  g_clear_object (&self->recorder);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      limber_session_stop (self->session);
    }
  g_clear_object (&self->session);
  g_clear_object (&self->speech);
  g_clear_object (&self->actions);
  g_clear_object (&self->plan);
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->stack);
  g_clear_weak_pointer (&self->bar_slot);
  g_clear_weak_pointer (&self->toast_overlay);
  g_clear_weak_pointer (&self->view);

  G_OBJECT_CLASS (limber_session_controller_parent_class)->dispose (object);
}

static void
limber_session_controller_finalize (GObject *object)
{
  LimberSessionController *self = (LimberSessionController *)object;

  g_clear_pointer (&self->previous_page, g_free);

  G_OBJECT_CLASS (limber_session_controller_parent_class)->finalize (object);
}

static void
limber_session_controller_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  LimberSessionController *self = LIMBER_SESSION_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_session_controller_class_init (LimberSessionControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_session_controller_dispose;
  object_class->finalize = limber_session_controller_finalize;
  object_class->get_property = limber_session_controller_get_property;

  /* The session view is on show, a session running or its summary. */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A session ended, run to its end or stopped: for the log. */
  signals[ENDED] =
    g_signal_new ("ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIMBER_TYPE_SESSION);
}

static void
limber_session_controller_init (LimberSessionController *self)
{
  const GActionEntry entries[] = {
    { .name = "start", .activate = start_activated },
    { .name = "listen", .activate = listen_activated, .parameter_type = "s" },
    { .name = "toggle", .activate = toggle_activated },
    { .name = "close", .activate = close_activated },
    { .name = "previous-exercise", .activate = previous_exercise_activated },
  };

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (commands[i].name, NULL);

      g_signal_connect (action, "activate", G_CALLBACK (command_activated), self);
      g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));
    }
}

/**
 * limber_session_controller_new:
 * @stack: where the session view goes, as the page "session"
 * @bar_slot: where its controls go
 *
 * Adds the "session" actions to @window.
 */
LimberSessionController *
limber_session_controller_new (GtkWidget       *window,
                               LimberPlan      *plan,
                               GtkStack        *stack,
                               GtkRevealer     *bar_slot,
                               AdwToastOverlay *toast_overlay)
{
  LimberSessionController *self;
  GtkEventController *keys;
  GSettings *settings;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (LIMBER_IS_PLAN (plan), NULL);

  self = g_object_new (LIMBER_TYPE_SESSION_CONTROLLER, NULL);
  settings = limber_plan_get_settings (plan);
  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->stack, stack);
  g_set_weak_pointer (&self->bar_slot, bar_slot);
  g_set_weak_pointer (&self->toast_overlay, toast_overlay);
  self->plan = g_object_ref (plan);

#ifdef HAVE_NARRATION
  self->speech = G_OBJECT (limber_speech_new (settings));
  g_signal_connect_object (self->speech, "notify::problem", G_CALLBACK (on_speech_problem), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speech, "notify::notice", G_CALLBACK (on_speech_notice), self, G_CONNECT_SWAPPED);
#endif
  self->session = limber_session_new (self->speech);
  g_signal_connect_object (self->session, "finished", G_CALLBACK (on_session_finished), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::state", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::waiting", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (limber_plan_get_shown_exercises (plan), "items-changed", G_CALLBACK (on_plan_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "prescriptions-changed", G_CALLBACK (on_plan_changed), self, G_CONNECT_SWAPPED);

  self->view = limber_session_view_new (self->session, plan);
  g_object_add_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
  gtk_stack_add_named (stack, self->view, "session");
  g_signal_connect_object (limber_session_view_get_pain_rating (LIMBER_SESSION_VIEW (self->view)), "finished",
                           G_CALLBACK (on_rated), self, G_CONNECT_SWAPPED);
  self->bar = limber_session_bar_new (self->session, settings);
  gtk_revealer_set_child (bar_slot, self->bar);

  gtk_widget_insert_action_group (window, "session", G_ACTION_GROUP (self->actions));
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (window, keys);

  update_actions (self);
  if (gtk_widget_get_realized (window))
    prepare_first_words (self, NULL);
  else
    g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realize), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * limber_session_controller_get_session:
 *
 * Returns: (transfer none): the window's one session
 */
LimberSession *
limber_session_controller_get_session (LimberSessionController *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_CONTROLLER (self), NULL);

  return self->session;
}

/**
 * limber_session_controller_get_view:
 *
 * Returns: (transfer none): the session view
 */
GtkWidget *
limber_session_controller_get_view (LimberSessionController *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_CONTROLLER (self), NULL);

  return self->view;
}

/**
 * limber_session_controller_set_return_page:
 *
 * Where the window goes back to when the session view closes, for a plan
 * that changed meanwhile.
 */
void
limber_session_controller_set_return_page (LimberSessionController *self,
                                           const char              *page)
{
  g_return_if_fail (LIMBER_IS_SESSION_CONTROLLER (self));

  g_free (self->previous_page);
  self->previous_page = g_strdup (page);
}

/**
 * limber_session_controller_set_kiosk:
 *
 * In the kiosk the bar moves by exercises and pauses the slideshow, and
 * nothing offers to stop.
 */
void
limber_session_controller_set_kiosk (LimberSessionController *self,
                                     gboolean                 kiosk)
{
  g_return_if_fail (LIMBER_IS_SESSION_CONTROLLER (self));

  self->kiosk = !!kiosk;
  limber_session_bar_set_kiosk (LIMBER_SESSION_BAR (self->bar), self->kiosk);
}

/**
 * limber_session_controller_set_wide:
 *
 * The view and its bar follow the window: wide, the picture beside the
 * coaching and the bar in one row; narrow, stacked, the bar in two rows.
 */
void
limber_session_controller_set_wide (LimberSessionController *self,
                                    gboolean                 wide)
{
  g_return_if_fail (LIMBER_IS_SESSION_CONTROLLER (self));

  limber_session_view_set_wide (LIMBER_SESSION_VIEW (self->view), wide);
  limber_session_bar_set_wide (LIMBER_SESSION_BAR (self->bar), wide);
}

GtkWidget *
limber_session_controller_get_pause_button (LimberSessionController *self)
{
  return limber_session_bar_get_pause_button (LIMBER_SESSION_BAR (self->bar));
}

/**
 * limber_session_controller_get_speech:
 *
 * Returns: (transfer none) (nullable): the #LimberSpeech, none where
 *   Limber is built without narration
 */
GObject *
limber_session_controller_get_speech (LimberSessionController *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_CONTROLLER (self), NULL);

  return self->speech;
}

gboolean
limber_session_controller_get_active (LimberSessionController *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_CONTROLLER (self), FALSE);

  return self->active;
}

/**
 * limber_session_controller_set_session_log:
 * @log: (nullable): where routines are written when they end; %NULL for nowhere
 */
void
limber_session_controller_set_session_log (LimberSessionController *self,
                                           LimberSessionLog        *log)
{
  g_return_if_fail (LIMBER_IS_SESSION_CONTROLLER (self));
  g_return_if_fail (log == NULL || LIMBER_IS_SESSION_LOG (log));

  if (self->recorder != NULL && limber_session_recorder_get_log (self->recorder) == log)
    return;

  save_pending (self);
  g_clear_object (&self->recorder);
  if (log != NULL)
    self->recorder = limber_session_recorder_new (log, self->plan);
}
