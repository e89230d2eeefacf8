/* limber-slideshow.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_SLIDESHOW (limber_slideshow_get_type ())

G_DECLARE_FINAL_TYPE (LimberSlideshow, limber_slideshow, LIMBER, SLIDESHOW, GObject)

LimberSlideshow *limber_slideshow_new           (GtkWidget       *window,
                                                 AdwCarousel     *carousel,
                                                 GSettings       *settings);
void             limber_slideshow_set_narrator  (LimberSlideshow *self,
                                                 GObject         *narrator);
void             limber_slideshow_start         (LimberSlideshow *self);
void             limber_slideshow_stop          (LimberSlideshow *self);
gboolean         limber_slideshow_get_playing   (LimberSlideshow *self);
void             limber_slideshow_pause         (LimberSlideshow *self);
void             limber_slideshow_resume        (LimberSlideshow *self);
void             limber_slideshow_toggle        (LimberSlideshow *self);
void             limber_slideshow_note_activity (LimberSlideshow *self);
double           limber_slideshow_get_fraction  (LimberSlideshow *self);
const char      *limber_slideshow_get_status    (LimberSlideshow *self);

G_END_DECLS
