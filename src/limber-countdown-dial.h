/* limber-countdown-dial.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "limber-countdown.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_COUNTDOWN_DIAL (limber_countdown_dial_get_type ())

G_DECLARE_FINAL_TYPE (LimberCountdownDial, limber_countdown_dial, LIMBER, COUNTDOWN_DIAL, GtkWidget)

GtkWidget       *limber_countdown_dial_new           (void);
LimberCountdown *limber_countdown_dial_get_countdown (LimberCountdownDial *self);
void             limber_countdown_dial_set_countdown (LimberCountdownDial *self,
                                                      LimberCountdown     *countdown);
const char      *limber_countdown_dial_get_number    (LimberCountdownDial *self);
void             limber_countdown_dial_set_number    (LimberCountdownDial *self,
                                                      const char          *number);
gboolean         limber_countdown_dial_get_ring_visible (LimberCountdownDial *self);
void             limber_countdown_dial_set_ring_visible (LimberCountdownDial *self,
                                                         gboolean             visible);
void             limber_countdown_dial_flash         (LimberCountdownDial *self);

G_END_DECLS
