/* limber-kiosk-guard.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "limber-slideshow.h"

G_BEGIN_DECLS

/* Held down this long, the chord opens the PIN panel. */
#define LIMBER_KIOSK_CHORD_SECONDS      3
/* The pointer disappears after this long without moving. */
#define LIMBER_KIOSK_POINTER_SECONDS    3

#define LIMBER_TYPE_KIOSK_GUARD (limber_kiosk_guard_get_type ())

G_DECLARE_FINAL_TYPE (LimberKioskGuard, limber_kiosk_guard, LIMBER, KIOSK_GUARD, GObject)

LimberKioskGuard *limber_kiosk_guard_new         (GtkWindow        *window,
                                                  GtkOverlay       *overlay,
                                                  LimberSlideshow  *slideshow,
                                                  GSettings        *settings);
void              limber_kiosk_guard_show_unlock (LimberKioskGuard *self);
void              limber_kiosk_guard_release     (LimberKioskGuard *self);

G_END_DECLS
