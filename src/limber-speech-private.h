/* limber-speech-private.h: what the tests and the benchmark reach inside the speech.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "limber-speech.h"

G_BEGIN_DECLS

/* Instead of autoaudiosink, e.g. "fakesink sync=true" or an appsink; while
 * nothing is said; takes a floating ref. */
void        limber_speech_set_audio_sink       (LimberSpeech *self,
                                                GstElement   *sink);
/* The sink the audio goes to: the one given above, or autoaudiosink. */
GstElement *limber_speech_get_audio_sink       (LimberSpeech *self);
/* Whether @text is synthesized, at the current rate, ready to say. */
gboolean    limber_speech_is_prepared          (LimberSpeech *self,
                                                const char   *text);
/* GST_STATE_NULL before the first utterance. */
GstState    limber_speech_get_pipeline_state   (LimberSpeech *self);

G_END_DECLS
