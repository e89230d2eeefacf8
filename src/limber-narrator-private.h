/* limber-narrator-private.h: what the tests and the benchmark reach inside the narrator.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gst/gst.h>

#include "limber-narrator.h"

G_BEGIN_DECLS

/* Instead of autoaudiosink, e.g. "fakesink sync=true"; takes a floating ref. */
void        limber_narrator_set_audio_sink   (LimberNarrator *self,
                                              GstElement     *sink);
/* Multiplies every pause, hold, repetition and text-timed step; 1.0 is real time. */
void        limber_narrator_set_time_scale   (LimberNarrator *self,
                                              double          scale);
/* Where the built-in clips are, instead of $LIMBER_NARRATION_DIR or the installed ones. */
void        limber_narrator_set_builtin_dir  (LimberNarrator *self,
                                              const char     *dir);
GstElement *limber_narrator_get_pipeline     (LimberNarrator *self);
/* Once any state change has completed; GST_STATE_NULL before the first clip. */
GstState    limber_narrator_get_pipeline_state (LimberNarrator *self);

G_END_DECLS
