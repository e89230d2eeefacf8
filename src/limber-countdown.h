/* limber-countdown.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  LIMBER_COUNTDOWN_STATE_IDLE,
  LIMBER_COUNTDOWN_STATE_RUNNING,
  LIMBER_COUNTDOWN_STATE_PAUSED,
} LimberCountdownState;

#define LIMBER_TYPE_COUNTDOWN_STATE (limber_countdown_state_get_type ())
#define LIMBER_TYPE_COUNTDOWN (limber_countdown_get_type ())

GType limber_countdown_state_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (LimberCountdown, limber_countdown, LIMBER, COUNTDOWN, GObject)

LimberCountdown      *limber_countdown_new              (void);

void                  limber_countdown_start            (LimberCountdown *self,
                                                         guint            duration_ms);
void                  limber_countdown_start_paused     (LimberCountdown *self,
                                                         guint            duration_ms);
void                  limber_countdown_pause            (LimberCountdown *self);
void                  limber_countdown_resume           (LimberCountdown *self);
void                  limber_countdown_cancel           (LimberCountdown *self);

LimberCountdownState  limber_countdown_get_state        (LimberCountdown *self);
gboolean              limber_countdown_is_running       (LimberCountdown *self);
guint                 limber_countdown_get_duration     (LimberCountdown *self);
guint                 limber_countdown_get_remaining_ms (LimberCountdown *self);
guint                 limber_countdown_get_seconds_left (LimberCountdown *self);
double                limber_countdown_get_fraction     (LimberCountdown *self);

double                limber_countdown_get_time_scale   (LimberCountdown *self);
void                  limber_countdown_set_time_scale   (LimberCountdown *self,
                                                         double           scale);

G_END_DECLS
