/* limber-narration-controller-private.h: what the tests look at.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "limber-narration-controller.h"
#include "limber-narrator-private.h"

G_BEGIN_DECLS

const char     *limber_narration_controller_get_last_message (LimberNarrationController *self);
guint           limber_narration_controller_get_n_messages   (LimberNarrationController *self);

G_END_DECLS
