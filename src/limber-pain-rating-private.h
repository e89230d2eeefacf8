/* limber-pain-rating-private.h: what the tests look at inside the rating.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-pain-rating.h"

G_BEGIN_DECLS

GtkWidget *limber_pain_rating_get_button      (LimberPainRating *self,
                                               int               value);
GtkWidget *limber_pain_rating_get_skip_button (LimberPainRating *self);
GtkWidget *limber_pain_rating_get_note_entry  (LimberPainRating *self);

G_END_DECLS
