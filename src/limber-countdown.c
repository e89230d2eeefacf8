/* limber-countdown.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one pausable countdown behind every timer in Limber: the narrator's
 * pauses and holds, the session's rests, the kiosk's dwell and the PIN's
 * lock-out. It wakes only when something visible changes: once for each
 * whole second it counts, and at its end. Anything that animates between
 * those moments reads the fraction on its own frame clock.
 *
 * Durations are given in real milliseconds; the time scale shrinks them for
 * the tests and benchmarks, while seconds-left still counts the real seconds.
 */

#define G_LOG_DOMAIN "limber-countdown"

#include "limber-config.h"

#include <math.h>
#include <stdlib.h>

#include "limber-countdown-private.h"

struct _LimberCountdown
{
  GObject               parent_instance;

  LimberCountdownState  state;
  guint                 duration_ms;
  double                time_scale;
  guint                 seconds_left;

  /* Running: when it ends, on the monotonic clock, scaled. */
  gint64                deadline_us;
  /* Paused: what was left, in unscaled microseconds. */
  gint64                left_us;
  guint                 timer_id;
  /* Changes at every start, pause and cancel, so that a handler that did
   * one of them is noticed. */
  guint                 generation;
};

G_DEFINE_FINAL_TYPE (LimberCountdown, limber_countdown, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (LimberCountdownState, limber_countdown_state,
  G_DEFINE_ENUM_VALUE (LIMBER_COUNTDOWN_STATE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (LIMBER_COUNTDOWN_STATE_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (LIMBER_COUNTDOWN_STATE_PAUSED, "paused"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_DURATION,
  PROP_SECONDS_LEFT,
  PROP_TIME_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double default_time_scale;

static void arm (LimberCountdown *self);

/**
 * limber_countdown_set_default_time_scale:
 *
 * For tests and benchmarks: every countdown made afterwards runs at @scale.
 */
void
limber_countdown_set_default_time_scale (double scale)
{
  g_return_if_fail (scale > 0);

  default_time_scale = scale;
}

double
limber_countdown_get_default_time_scale (void)
{
  if (default_time_scale <= 0)
    {
      const char *env = g_getenv ("LIMBER_TIME_SCALE");
      double scale = env != NULL ? g_ascii_strtod (env, NULL) : 1.0;

      default_time_scale = scale > 0 && isfinite (scale) ? scale : 1.0;
    }

  return default_time_scale;
}

static void
set_state (LimberCountdown      *self,
           LimberCountdownState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_seconds_left (LimberCountdown *self,
                  guint            seconds)
{
  if (self->seconds_left == seconds)
    return;

  self->seconds_left = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECONDS_LEFT]);
}

/* What is left, in real (unscaled) microseconds. */
static gint64
left_us (LimberCountdown *self)
{
  switch (self->state)
    {
    case LIMBER_COUNTDOWN_STATE_RUNNING:
      return MAX (0, (gint64) ((self->deadline_us - g_get_monotonic_time ()) / self->time_scale));
    case LIMBER_COUNTDOWN_STATE_PAUSED:
      return self->left_us;
    case LIMBER_COUNTDOWN_STATE_IDLE:
    default:
      return 0;
    }
}

static guint
whole_seconds (gint64 us)
{
  return (guint) ((us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

static gboolean
on_timer (gpointer user_data)
{
  LimberCountdown *self = user_data;
  gint64 left = left_us (self);

  guint target = whole_seconds (left);
  guint generation = self->generation;

  self->timer_id = 0;
  /* Every second is told, in order, even when the main loop woke late: a
   * coach's "3, 2, 1" must not skip a number. A handler may restart us. */
  while (self->seconds_left > target)
    {
      set_seconds_left (self, self->seconds_left - 1);
      if (self->generation != generation)
        return G_SOURCE_REMOVE;
    }

  if (left > 0)
    {
      arm (self);
      return G_SOURCE_REMOVE;
    }

  set_state (self, LIMBER_COUNTDOWN_STATE_IDLE);
  g_signal_emit (self, signals[FINISHED], 0);

  return G_SOURCE_REMOVE;
}

/* Wakes at the next whole second, or at the end. */
static void
arm (LimberCountdown *self)
{
  gint64 left = left_us (self);
  gint64 to_next_second = left - (gint64) (whole_seconds (left) - 1) * G_USEC_PER_SEC;
  double wait_ms = ceil (to_next_second * self->time_scale / 1000.0);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_id = g_timeout_add ((guint) CLAMP (wait_ms, 1, G_MAXINT), on_timer, self);
}

static void
begin (LimberCountdown      *self,
       guint                 duration_ms,
       LimberCountdownState  state)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->generation++;

  if (self->duration_ms != duration_ms)
    {
      self->duration_ms = duration_ms;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
    }

  self->left_us = (gint64) duration_ms * 1000;
  self->deadline_us = g_get_monotonic_time () + (gint64) (self->left_us * self->time_scale);
  set_state (self, state);
  set_seconds_left (self, whole_seconds (self->left_us));

  /* Even a zero countdown finishes from the main loop, never inside start(). */
  if (state == LIMBER_COUNTDOWN_STATE_RUNNING)
    arm (self);
}

/**
 * limber_countdown_start:
 * @duration_ms: in real time; the time scale applies
 *
 * Starts counting from @duration_ms, whatever the countdown was doing.
 * #LimberCountdown::finished follows from the main loop, even for 0.
 */
void
limber_countdown_start (LimberCountdown *self,
                        guint            duration_ms)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN (self));

  begin (self, duration_ms, LIMBER_COUNTDOWN_STATE_RUNNING);
}

/**
 * limber_countdown_start_paused:
 *
 * Sets up a countdown of @duration_ms that waits for limber_countdown_resume().
 */
void
limber_countdown_start_paused (LimberCountdown *self,
                               guint            duration_ms)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN (self));

  begin (self, duration_ms, LIMBER_COUNTDOWN_STATE_PAUSED);
}

void
limber_countdown_pause (LimberCountdown *self)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN (self));

  if (self->state != LIMBER_COUNTDOWN_STATE_RUNNING)
    return;

  self->left_us = left_us (self);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->generation++;
  set_state (self, LIMBER_COUNTDOWN_STATE_PAUSED);
}

void
limber_countdown_resume (LimberCountdown *self)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN (self));

  if (self->state != LIMBER_COUNTDOWN_STATE_PAUSED)
    return;

  self->deadline_us = g_get_monotonic_time () + (gint64) (self->left_us * self->time_scale);
  set_state (self, LIMBER_COUNTDOWN_STATE_RUNNING);
  arm (self);
}

/**
 * limber_countdown_cancel:
 *
 * Stops without finishing: #LimberCountdown::finished is not emitted.
 */
void
limber_countdown_cancel (LimberCountdown *self)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN (self));

  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->generation++;
  self->left_us = 0;
  set_state (self, LIMBER_COUNTDOWN_STATE_IDLE);
  set_seconds_left (self, 0);
}

LimberCountdownState
limber_countdown_get_state (LimberCountdown *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN (self), LIMBER_COUNTDOWN_STATE_IDLE);

  return self->state;
}

gboolean
limber_countdown_is_running (LimberCountdown *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN (self), FALSE);

  return self->state == LIMBER_COUNTDOWN_STATE_RUNNING;
}

guint
limber_countdown_get_duration (LimberCountdown *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN (self), 0);

  return self->duration_ms;
}

/**
 * limber_countdown_get_remaining_ms:
 *
 * Returns: what is left, in real milliseconds; 0 when idle
 */
guint
limber_countdown_get_remaining_ms (LimberCountdown *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN (self), 0);

  return (guint) ((left_us (self) + 999) / 1000);
}

/**
 * limber_countdown_get_seconds_left:
 *
 * Returns: the whole seconds left, rounded up, as a countdown shows them;
 *   #GObject::notify tells each change, once a second
 */
guint
limber_countdown_get_seconds_left (LimberCountdown *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN (self), 0);

  return self->seconds_left;
}

/**
 * limber_countdown_get_fraction:
 *
 * Returns: how much of the duration has passed, from 0 to 1, now: for a
 *   progress indicator drawn on the frame clock. 0 when idle.
 */
double
limber_countdown_get_fraction (LimberCountdown *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN (self), 0.0);

  if (self->state == LIMBER_COUNTDOWN_STATE_IDLE || self->duration_ms == 0)
    return 0.0;

  return CLAMP (1.0 - (double) left_us (self) / ((double) self->duration_ms * 1000), 0.0, 1.0);
}

double
limber_countdown_get_time_scale (LimberCountdown *self)
{
  g_return_val_if_fail (LIMBER_IS_COUNTDOWN (self), 1.0);

  return self->time_scale;
}

/**
 * limber_countdown_set_time_scale:
 *
 * Multiplies every duration from now on; a running countdown keeps its
 * remaining real time and goes on at the new pace.
 */
void
limber_countdown_set_time_scale (LimberCountdown *self,
                                 double           scale)
{
  g_return_if_fail (LIMBER_IS_COUNTDOWN (self));
  g_return_if_fail (scale > 0);

  if (self->time_scale == scale)
    return;

  if (self->state == LIMBER_COUNTDOWN_STATE_RUNNING)
    {
      gint64 left = left_us (self);

      self->time_scale = scale;
      self->deadline_us = g_get_monotonic_time () + (gint64) (left * scale);
      arm (self);
    }
  else
    self->time_scale = scale;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_SCALE]);
}

static void
limber_countdown_dispose (GObject *object)
{
  LimberCountdown *self = (LimberCountdown *)object;

  g_clear_handle_id (&self->timer_id, g_source_remove);

  G_OBJECT_CLASS (limber_countdown_parent_class)->dispose (object);
}

static void
limber_countdown_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LimberCountdown *self = LIMBER_COUNTDOWN (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_DURATION:
      g_value_set_uint (value, self->duration_ms);
      break;
    case PROP_SECONDS_LEFT:
      g_value_set_uint (value, self->seconds_left);
      break;
    case PROP_TIME_SCALE:
      g_value_set_double (value, self->time_scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_countdown_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LimberCountdown *self = LIMBER_COUNTDOWN (object);

  switch (prop_id)
    {
    case PROP_TIME_SCALE:
      limber_countdown_set_time_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_countdown_class_init (LimberCountdownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = limber_countdown_dispose;
  object_class->get_property = limber_countdown_get_property;
  object_class->set_property = limber_countdown_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, LIMBER_TYPE_COUNTDOWN_STATE, LIMBER_COUNTDOWN_STATE_IDLE, read_only);
  /* In real milliseconds, as given to start(). */
  properties[PROP_DURATION] =
    g_param_spec_uint ("duration", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_SECONDS_LEFT] =
    g_param_spec_uint ("seconds-left", NULL, NULL, 0, G_MAXUINT, 0, read_only);
  properties[PROP_TIME_SCALE] =
    g_param_spec_double ("time-scale", NULL, NULL, G_MINDOUBLE, G_MAXDOUBLE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The countdown ran out; not emitted when it is cancelled or restarted. */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_countdown_init (LimberCountdown *self)
{
  self->time_scale = limber_countdown_get_default_time_scale ();
}

LimberCountdown *
limber_countdown_new (void)
{
  return g_object_new (LIMBER_TYPE_COUNTDOWN, NULL);
}
