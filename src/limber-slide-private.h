/* limber-slide-private.h: what the tests look at inside a slide.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-slide.h"

G_BEGIN_DECLS

const char *limber_slide_get_position_text (LimberSlide *self);
GtkWidget  *limber_slide_get_steps_list    (LimberSlide *self);
GtkWidget  *limber_slide_get_warning_box   (LimberSlide *self);
GtkWidget  *limber_slide_get_equipment_box (LimberSlide *self);
GtkWidget  *limber_slide_get_illustration  (LimberSlide *self);
GtkWidget  *limber_slide_get_listen_button (LimberSlide *self);
const char *limber_slide_get_step_text     (LimberSlide *self,
                                            guint        step);
GtkWidget  *limber_slide_get_step_row      (LimberSlide *self,
                                            guint        step);

G_END_DECLS
