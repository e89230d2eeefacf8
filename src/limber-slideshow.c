/* limber-slideshow.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk: a session that goes round the plan's exercises for as long as
 * the kiosk runs, coached aloud, or without sound each exercise shown for
 * the dwell. A person who moves through the exercises, or pauses, takes
 * over until they have left it alone for a while (WCAG 2.2.2).
 */

#define G_LOG_DOMAIN "limber-slideshow"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-countdown.h"
#include "limber-slideshow-private.h"
#ifdef HAVE_NARRATION
#include "limber-speech.h"
#endif

struct _LimberSlideshow
{
  GObject                  parent_instance;

  LimberSessionController *controller;
  LimberSession           *session;
  LimberPlan              *plan;
  GSettings               *settings;
  GObject                 *speech;

  gboolean                 active;
  gboolean                 playing;
  /* Set while a person's move is carried out, so it is not counted as the
   * kiosk's own. */
  gboolean                 moving;
  guint                    exercise_index;
  guint                    n_advances;
  LimberCountdown         *idle;
};

G_DEFINE_FINAL_TYPE (LimberSlideshow, limber_slideshow, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAYING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IDLE_RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Off, silent or unable to play: the schema's promise is the dwell. */
static gboolean
is_silent (LimberSlideshow *self)
{
#ifdef HAVE_NARRATION
  if (self->speech == NULL)
    return TRUE;

  return g_settings_get_boolean (self->settings, "narration-muted") ||
         g_settings_get_double (self->settings, "narration-volume") <= 0.0 ||
         limber_speech_get_problem (LIMBER_SPEECH (self->speech)) != NULL;
#else
  return TRUE;
#endif
}

static LimberSessionMode
wanted_mode (LimberSlideshow *self)
{
  return is_silent (self) ? LIMBER_SESSION_MODE_DWELL : LIMBER_SESSION_MODE_KIOSK;
}

static guint
n_exercises (LimberSlideshow *self)
{
  LimberSessionScript *script = limber_session_get_script (self->session);

  return script != NULL ? limber_session_script_get_n_exercises (script) : 0;
}

static guint
current_exercise (LimberSlideshow *self)
{
  const LimberCue *cue = limber_session_get_cue (self->session);
  guint n = n_exercises (self);

  return cue != NULL && n > 0 ? MIN (cue->exercise_index, n - 1) : 0;
}

static void
set_playing (LimberSlideshow *self,
             gboolean         playing)
{
  if (self->playing == playing)
    return;

  self->playing = playing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

static void
on_session_state (LimberSlideshow *self)
{
  set_playing (self, self->active && limber_session_get_state (self->session) == LIMBER_SESSION_STATE_PLAYING);
}

/* Counts the exercises the kiosk moved on to by itself. */
static void
on_cue (LimberSlideshow *self)
{
  guint index = current_exercise (self);

  if (!self->active || index == self->exercise_index)
    return;

  self->exercise_index = index;
  if (!self->moving)
    {
      self->n_advances++;
      g_debug ("The kiosk moved on to exercise %u", index + 1);
    }
}

/* A new script, for the plan as it is now and sound or none, from
 * @index; paused if it was. */
static void
restart_at (LimberSlideshow *self,
            guint            index,
            gboolean         paused)
{
  self->moving = TRUE;
  limber_session_controller_start (self->controller, wanted_mode (self), NULL);
  if (paused)
    limber_session_pause (self->session);
  if (index > 0 && index < n_exercises (self))
    limber_session_go_to_exercise (self->session, index);
  self->exercise_index = current_exercise (self);
  self->moving = FALSE;
}

static void
follow_sound (LimberSlideshow *self)
{
  LimberSessionScript *script = limber_session_get_script (self->session);

  if (!self->active || script == NULL || limber_session_script_get_mode (script) == wanted_mode (self))
    return;

  g_debug ("Narration is now %s: the kiosk %s", is_silent (self) ? "silent" : "heard",
           is_silent (self) ? "dwells on each exercise" : "coaches aloud");
  restart_at (self, current_exercise (self), !self->playing);
}

/* The plan or the kiosk's timing changed: the exercises as they are now,
 * nearest where it was. */
static void
on_plan_changed (LimberSlideshow *self)
{
  if (self->active)
    restart_at (self, current_exercise (self), !self->playing);
}

static void
arm_idle_reset (LimberSlideshow *self)
{
  limber_countdown_start (self->idle, g_settings_get_uint (self->settings, "kiosk-idle-reset-seconds") * 1000);
}

static void
on_idle (LimberSlideshow *self)
{
  g_debug ("Nobody has used the kiosk for a while: back to the first exercise");
  g_signal_emit (self, signals[IDLE_RESET], 0);

  self->moving = TRUE;
  limber_session_go_to_exercise (self->session, 0);
  self->moving = FALSE;
  limber_slideshow_resume (self);
}

static void
limber_slideshow_dispose (GObject *object)
{
  LimberSlideshow *self = (LimberSlideshow *)object;

  limber_slideshow_stop (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->idle);
  g_clear_object (&self->session);
  g_clear_object (&self->controller);
  g_clear_object (&self->plan);
  g_clear_object (&self->speech);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_slideshow_parent_class)->dispose (object);
}

static void
limber_slideshow_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LimberSlideshow *self = LIMBER_SLIDESHOW (object);

  switch (prop_id)
    {
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_slideshow_class_init (LimberSlideshowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_slideshow_dispose;
  object_class->get_property = limber_slideshow_get_property;

  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Nobody used the kiosk for kiosk-idle-reset-seconds: it starts over. */
  signals[IDLE_RESET] =
    g_signal_new ("idle-reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_slideshow_init (LimberSlideshow *self)
{
  self->idle = limber_countdown_new ();
  g_signal_connect_object (self->idle, "finished", G_CALLBACK (on_idle), self, G_CONNECT_SWAPPED);
}

/**
 * limber_slideshow_new:
 * @controller: the window's session, which the kiosk plays round and round
 * @settings: for the dwell, the pause, the idle reset and the sound
 */
LimberSlideshow *
limber_slideshow_new (LimberSessionController *controller,
                      LimberPlan              *plan,
                      GSettings               *settings)
{
  LimberSlideshow *self;

  g_return_val_if_fail (LIMBER_IS_SESSION_CONTROLLER (controller), NULL);
  g_return_val_if_fail (LIMBER_IS_PLAN (plan), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LIMBER_TYPE_SLIDESHOW, NULL);
  self->controller = g_object_ref (controller);
  self->session = g_object_ref (limber_session_controller_get_session (controller));
  self->plan = g_object_ref (plan);
  self->settings = g_object_ref (settings);
  g_set_object (&self->speech, limber_session_controller_get_speech (controller));

  g_signal_connect_object (self->session, "notify::state", G_CALLBACK (on_session_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::cue-index", G_CALLBACK (on_cue), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::narration-muted", G_CALLBACK (follow_sound), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::narration-volume", G_CALLBACK (follow_sound), self, G_CONNECT_SWAPPED);
  if (self->speech != NULL)
    g_signal_connect_object (self->speech, "notify::problem", G_CALLBACK (follow_sound), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (limber_plan_get_shown_exercises (plan), "items-changed", G_CALLBACK (on_plan_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "prescriptions-changed", G_CALLBACK (on_plan_changed), self, G_CONNECT_SWAPPED);
  /* A clinic that changes its timing sees it at once, on the same exercise. */
  g_signal_connect_object (settings, "changed::kiosk-dwell-seconds", G_CALLBACK (on_plan_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::kiosk-pause-seconds", G_CALLBACK (on_plan_changed), self,
                           G_CONNECT_SWAPPED);

  return self;
}

void
limber_slideshow_start (LimberSlideshow *self)
{
  g_return_if_fail (LIMBER_IS_SLIDESHOW (self));

  if (self->active)
    return;

  self->active = TRUE;
  restart_at (self, 0, FALSE);
  on_session_state (self);
}

void
limber_slideshow_stop (LimberSlideshow *self)
{
  g_return_if_fail (LIMBER_IS_SLIDESHOW (self));

  if (!self->active)
    return;

  self->active = FALSE;
  limber_countdown_cancel (self->idle);
  limber_session_controller_close (self->controller);
  set_playing (self, FALSE);
}

gboolean
limber_slideshow_get_playing (LimberSlideshow *self)
{
  g_return_val_if_fail (LIMBER_IS_SLIDESHOW (self), FALSE);

  return self->playing;
}

/**
 * limber_slideshow_pause:
 *
 * Holds the session where it is until limber_slideshow_resume(), or until
 * nobody has used the kiosk for kiosk-idle-reset-seconds.
 */
void
limber_slideshow_pause (LimberSlideshow *self)
{
  g_return_if_fail (LIMBER_IS_SLIDESHOW (self));

  if (!self->active || !self->playing)
    return;

  limber_session_pause (self->session);
  arm_idle_reset (self);
}

void
limber_slideshow_resume (LimberSlideshow *self)
{
  g_return_if_fail (LIMBER_IS_SLIDESHOW (self));

  if (!self->active || self->playing)
    return;

  limber_countdown_cancel (self->idle);
  limber_session_resume (self->session);
}

void
limber_slideshow_toggle (LimberSlideshow *self)
{
  g_return_if_fail (LIMBER_IS_SLIDESHOW (self));

  if (self->playing)
    limber_slideshow_pause (self);
  else
    limber_slideshow_resume (self);
}

/* A person looking through the exercises: the kiosk pauses for them. */
static void
move_to (LimberSlideshow *self,
         guint            index)
{
  limber_slideshow_pause (self);
  limber_slideshow_note_activity (self);
  self->moving = TRUE;
  limber_session_go_to_exercise (self->session, index);
  self->moving = FALSE;
}

/**
 * limber_slideshow_move:
 * @direction: 1 for the next exercise, -1 for the one before; from either
 *   end round to the other
 *
 * The arrow keys and the Previous and Next buttons, which pause the kiosk.
 */
void
limber_slideshow_move (LimberSlideshow *self,
                       int              direction)
{
  guint n;

  g_return_if_fail (LIMBER_IS_SLIDESHOW (self));

  n = n_exercises (self);
  if (self->active && n > 0)
    move_to (self, (current_exercise (self) + n + (guint) (direction % (int) n)) % n);
}

/**
 * limber_slideshow_move_to:
 * @index: the exercise, from 0; past the end for the last
 *
 * Home and End: the first or last exercise, paused for the person.
 */
void
limber_slideshow_move_to (LimberSlideshow *self,
                          guint            index)
{
  guint n;

  g_return_if_fail (LIMBER_IS_SLIDESHOW (self));

  n = n_exercises (self);
  if (self->active && n > 0)
    move_to (self, MIN (index, n - 1));
}

/**
 * limber_slideshow_note_activity:
 *
 * Someone is using the kiosk: while it is paused, the idle reset waits
 * kiosk-idle-reset-seconds from now.
 */
void
limber_slideshow_note_activity (LimberSlideshow *self)
{
  g_return_if_fail (LIMBER_IS_SLIDESHOW (self));

  if (self->active && !self->playing)
    arm_idle_reset (self);
}

guint
limber_slideshow_get_n_advances (LimberSlideshow *self)
{
  return self->n_advances;
}

gboolean
limber_slideshow_get_dwelling (LimberSlideshow *self)
{
  LimberSessionScript *script = limber_session_get_script (self->session);

  return script != NULL && limber_session_script_get_mode (script) == LIMBER_SESSION_MODE_DWELL;
}

guint
limber_slideshow_get_exercise_index (LimberSlideshow *self)
{
  return current_exercise (self);
}
