/* limber-slide.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "limber-exercise.h"

G_BEGIN_DECLS

#define LIMBER_TYPE_SLIDE (limber_slide_get_type ())

G_DECLARE_FINAL_TYPE (LimberSlide, limber_slide, LIMBER, SLIDE, GtkWidget)

GtkWidget      *limber_slide_new          (LimberExercise *exercise);
LimberExercise *limber_slide_get_exercise (LimberSlide    *self);
guint           limber_slide_get_number   (LimberSlide    *self);
void            limber_slide_set_number   (LimberSlide    *self,
                                           guint           number);
guint           limber_slide_get_total    (LimberSlide    *self);
const char     *limber_slide_get_dosage   (LimberSlide    *self);
void            limber_slide_announce     (LimberSlide    *self,
                                           const char     *message);
const char     *limber_slide_get_announcement (LimberSlide *self);
void            limber_slide_set_prescription (LimberSlide *self,
                                               guint        hold_seconds,
                                               guint        repetitions);
void            limber_slide_set_total    (LimberSlide    *self,
                                           guint           total);
void            limber_slide_set_introduction (LimberSlide *self,
                                               const char  *introduction);
const char     *limber_slide_get_introduction (LimberSlide *self);
void            limber_slide_set_listen_available (LimberSlide *self,
                                                   gboolean     available);
void            limber_slide_set_wide     (LimberSlide    *self,
                                           gboolean        wide);
gboolean        limber_slide_get_wide     (LimberSlide    *self);
void            limber_slide_build_content (LimberSlide *self);
gboolean        limber_slide_get_content_built (LimberSlide *self);

G_END_DECLS
