/* limber-countdown-private.h: what the tests and the benchmarks reach inside the countdown.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-countdown.h"

G_BEGIN_DECLS

/* The time scale every countdown made from now on starts with; 1.0 is real
 * time, 0.01 runs a minute in 0.6 s. Also read from $LIMBER_TIME_SCALE. */
void   limber_countdown_set_default_time_scale (double scale);
double limber_countdown_get_default_time_scale (void);

G_END_DECLS
