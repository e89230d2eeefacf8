/* limber-slideshow.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-session-controller.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SLIDESHOW (limber_slideshow_get_type ())

G_DECLARE_FINAL_TYPE (LimberSlideshow, limber_slideshow, LIMBER, SLIDESHOW, GObject)

LimberSlideshow *limber_slideshow_new           (LimberSessionController *controller,
                                                 LimberPlan              *plan,
                                                 GSettings               *settings);
void             limber_slideshow_start         (LimberSlideshow         *self);
void             limber_slideshow_stop          (LimberSlideshow         *self);
gboolean         limber_slideshow_get_playing   (LimberSlideshow         *self);
void             limber_slideshow_pause         (LimberSlideshow         *self);
void             limber_slideshow_resume        (LimberSlideshow         *self);
void             limber_slideshow_toggle        (LimberSlideshow         *self);
void             limber_slideshow_move          (LimberSlideshow         *self,
                                                 int                      direction);
void             limber_slideshow_move_to       (LimberSlideshow         *self,
                                                 guint                    index);
void             limber_slideshow_note_activity (LimberSlideshow         *self);

G_END_DECLS
