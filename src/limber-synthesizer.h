/* limber-synthesizer.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What espeak-ng speaks: 16-bit signed samples in the machine's byte order, mono. */
#define LIMBER_SYNTHESIZER_SAMPLE_RATE 22050

#define LIMBER_SYNTHESIZER_ERROR (limber_synthesizer_error_quark ())

typedef enum {
  LIMBER_SYNTHESIZER_ERROR_UNAVAILABLE,  /* espeak-ng could not start: its data is missing or damaged */
  LIMBER_SYNTHESIZER_ERROR_NO_VOICE,     /* not even the English voice could be loaded */
  LIMBER_SYNTHESIZER_ERROR_FAILED,       /* espeak-ng could not speak the text */
} LimberSynthesizerError;

#define LIMBER_TYPE_SYNTHESIZER (limber_synthesizer_get_type ())

G_DECLARE_FINAL_TYPE (LimberSynthesizer, limber_synthesizer, LIMBER, SYNTHESIZER, GObject)

GQuark             limber_synthesizer_error_quark       (void);

LimberSynthesizer *limber_synthesizer_get_default       (void);

void               limber_synthesizer_synthesize_async  (LimberSynthesizer   *self,
                                                         const char          *text,
                                                         const char * const  *languages,
                                                         guint                words_per_minute,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GBytes            *limber_synthesizer_synthesize_finish (LimberSynthesizer   *self,
                                                         GAsyncResult        *result,
                                                         char               **voice,
                                                         char               **missing_language,
                                                         GError             **error);

char              *limber_synthesizer_dup_voice_language (const char          *locale_name);
guint              limber_synthesizer_count_words        (const char          *text);

G_END_DECLS
