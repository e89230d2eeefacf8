/* limber-illustration.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_ILLUSTRATION (limber_illustration_get_type ())

G_DECLARE_FINAL_TYPE (LimberIllustration, limber_illustration, LIMBER, ILLUSTRATION, GtkWidget)

GtkWidget    *limber_illustration_new                  (void);
gboolean      limber_illustration_load_resource        (LimberIllustration  *self,
                                                        const char          *resource_path,
                                                        GError             **error);
GdkPaintable *limber_illustration_get_paintable        (LimberIllustration  *self);
const char   *limber_illustration_get_alternative_text (LimberIllustration  *self);
void          limber_illustration_set_alternative_text (LimberIllustration  *self,
                                                        const char          *text);
int           limber_illustration_get_maximum_width    (LimberIllustration  *self);
void          limber_illustration_set_maximum_width    (LimberIllustration  *self,
                                                        int                  maximum_width);
double        limber_illustration_get_aspect_ratio     (LimberIllustration  *self);
gboolean      limber_illustration_draw_on_paper        (LimberIllustration  *self,
                                                        cairo_t             *cr,
                                                        double               width,
                                                        double               height,
                                                        GError             **error);

G_END_DECLS
