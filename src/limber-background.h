/* limber-background.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  /* Not wanted, so not asked. */
  LIMBER_BACKGROUND_STATE_NOT_ASKED,
  LIMBER_BACKGROUND_STATE_ASKING,
  /* Limber may run with no window open, and starts hidden at login. */
  LIMBER_BACKGROUND_STATE_ALLOWED,
  /* It may run with no window open, but is not started at login. */
  LIMBER_BACKGROUND_STATE_NO_AUTOSTART,
  /* The person or the desktop said no. */
  LIMBER_BACKGROUND_STATE_REFUSED,
  /* There is no background portal to ask: a plain session, or no portal at all. */
  LIMBER_BACKGROUND_STATE_UNAVAILABLE,
} LimberBackgroundState;

#define LIMBER_TYPE_BACKGROUND_STATE (limber_background_state_get_type ())
#define LIMBER_TYPE_BACKGROUND (limber_background_get_type ())

GType limber_background_state_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (LimberBackground, limber_background, LIMBER, BACKGROUND, GObject)

LimberBackground      *limber_background_new          (GApplication     *application);
gboolean               limber_background_get_wanted   (LimberBackground *self);
void                   limber_background_set_wanted   (LimberBackground *self,
                                                       gboolean          wanted);
LimberBackgroundState  limber_background_get_state    (LimberBackground *self);

G_END_DECLS
