/* limber-pain-rating.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIMBER_PAIN_RATING_UNSET (-1)

#define LIMBER_TYPE_PAIN_RATING (limber_pain_rating_get_type ())

G_DECLARE_FINAL_TYPE (LimberPainRating, limber_pain_rating, LIMBER, PAIN_RATING, AdwBin)

GtkWidget  *limber_pain_rating_new       (void);
int         limber_pain_rating_get_value (LimberPainRating *self);
void        limber_pain_rating_set_value (LimberPainRating *self,
                                          int               value);
const char *limber_pain_rating_get_note  (LimberPainRating *self);
void        limber_pain_rating_skip      (LimberPainRating *self);

G_END_DECLS
