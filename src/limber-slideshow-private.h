/* limber-slideshow-private.h: what the tests and the benchmark reach inside the slideshow.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-slideshow.h"

G_BEGIN_DECLS

/* Multiplies the dwell, the pause after narration and the idle reset; 1.0 is real time. */
void  limber_slideshow_set_time_scale (LimberSlideshow *self,
                                       double           scale);
/* How many times the slideshow has moved on by itself. */
guint limber_slideshow_get_n_advances (LimberSlideshow *self);
/* Whether the current slide is timed by a fixed dwell rather than its narration. */
gboolean limber_slideshow_get_dwelling (LimberSlideshow *self);

G_END_DECLS
