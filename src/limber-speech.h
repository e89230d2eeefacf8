/* limber-speech.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIMBER_TYPE_SPEECH (limber_speech_get_type ())

G_DECLARE_FINAL_TYPE (LimberSpeech, limber_speech, LIMBER, SPEECH, GObject)

LimberSpeech *limber_speech_new               (GSettings    *settings);

void          limber_speech_prepare           (LimberSpeech *self,
                                               const char   *text);
void          limber_speech_prepare_recording (LimberSpeech *self,
                                               GFile        *recording);
void          limber_speech_say               (LimberSpeech *self,
                                               const char   *text,
                                               GFile        *recording);
void          limber_speech_chime             (LimberSpeech *self);
void          limber_speech_pause             (LimberSpeech *self);
void          limber_speech_resume            (LimberSpeech *self);
void          limber_speech_stop              (LimberSpeech *self);

gboolean      limber_speech_get_speaking      (LimberSpeech *self);
gboolean      limber_speech_get_paused        (LimberSpeech *self);
const char   *limber_speech_get_problem       (LimberSpeech *self);
const char   *limber_speech_get_notice        (LimberSpeech *self);
guint         limber_speech_estimate_ms       (LimberSpeech *self,
                                               const char   *text);

G_END_DECLS
