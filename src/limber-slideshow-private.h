/* limber-slideshow-private.h: what the tests and the benchmark reach inside the slideshow.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-slideshow.h"

G_BEGIN_DECLS

/* How many times the kiosk has moved on to another exercise by itself. */
guint    limber_slideshow_get_n_advances     (LimberSlideshow *self);
/* Whether each exercise is shown for the dwell, with no sound to follow. */
gboolean limber_slideshow_get_dwelling       (LimberSlideshow *self);
guint    limber_slideshow_get_exercise_index (LimberSlideshow *self);

G_END_DECLS
