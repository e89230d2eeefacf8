/* limber-synthesizer.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * espeak-ng turns text into samples, on one worker thread of its own:
 * espeak-ng keeps its voice, rate and buffers in global state that is not
 * thread-safe, so the process has one synthesizer and only its thread ever
 * calls espeak-ng. Requests queue up and are answered through GTask on the
 * caller's main context; the caller never waits.
 *
 * espeak-ng never opens a sound device here: it runs in its synchronous
 * mode and hands each block of samples to a callback, which collects them.
 * The thread lives as long as the process: espeak_ng_Terminate() of
 * espeak-ng 1.51 hangs waiting for its own queue thread in this mode.
 */

#define G_LOG_DOMAIN "limber-synthesizer"

#include "limber-config.h"

#include <espeak-ng/espeak_ng.h>
#include <string.h>

#include "limber-synthesizer.h"

/* espeak-ng's rate is nominally in words a minute, but what it speaks is
 * faster, and by how much depends on the voice. These are the rates that
 * give 120, 150 and 180 words a minute of voiced speech (20 ms frames with
 * an RMS above 1% of full scale; the pauses between words and sentences
 * left out), measured with espeak-ng 1.51 on the built-in catalog's 32
 * intros and steps in that voice's language (490 words in English, 535 in
 * French and German, 574 in Spanish, 427 in Arabic):
 *
 *   voice        rate: measured words a minute (voiced; with the pauses)
 *   en (C)        81: 120.8 (100.5)  106: 150.8 (126.3)  128: 180.3 (152.4)
 *   en-us         86: 119.7 (100.0)  109: 150.5 (126.8)  131: 179.6 (153.2)
 *   fr            80: 128.6 (105.8)   98: 149.9 (123.2)  116: 179.3 (147.6)
 *   de            91: 119.3  (98.5)  117: 150.5 (126.2)  143: 179.8 (153.1)
 *   es            89: 119.4 (102.9)  112: 150.1 (129.6)  135: 179.7 (156.7)
 *   ar           143: 119.8  (99.0)  180: 149.5 (124.0)  218: 179.9 (149.4)
 *
 * espeak-ng speaks no slower than its rate 80 gives (it was 212 words a
 * minute, 241 voiced, at its default of 175), which leaves French at 129
 * when asked for 120. Other voices use the English figures. */
typedef struct {
  const char *identifier;  /* espeak-ng's voice file */
  int         rates[3];    /* for 120, 150 and 180 words a minute */
} Calibration;

static const Calibration calibrations[] = {
  { "gmw/en",    {  81, 106, 128 } },
  { "gmw/en-US", {  86, 109, 131 } },
  { "roa/fr",    {  80,  98, 116 } },
  { "gmw/de",    {  91, 117, 143 } },
  { "roa/es",    {  89, 112, 135 } },
  { "sem/ar",    { 143, 180, 218 } },
};

#define CALIBRATED_SLOWEST 120
#define CALIBRATED_STEP    30

/* The source language's voice, and the last resort. */
#define ENGLISH "en"

struct _LimberSynthesizer
{
  GObject       parent_instance;

  GAsyncQueue  *requests;
  GThread      *thread;

  /* Only the worker thread touches these. */
  gboolean      started;
  GError       *start_error;
  char         *voice;
  GHashTable   *voices;    /* espeak-ng language code → voice identifier, or "" for none */
};

G_DEFINE_FINAL_TYPE (LimberSynthesizer, limber_synthesizer, G_TYPE_OBJECT)

G_DEFINE_QUARK (limber-synthesizer-error-quark, limber_synthesizer_error)

typedef struct {
  char  *text;
  char **languages;
  guint  words_per_minute;
} Request;

typedef struct {
  GBytes *samples;
  char   *voice;
  char   *missing_language;
} Synthesis;

/* The samples of the text being spoken; set and read on the worker thread only. */
static GByteArray   *collected;
static GCancellable *collecting_for;

static void
request_free (Request *request)
{
  g_free (request->text);
  g_strfreev (request->languages);
  g_free (request);
}

static void
synthesis_free (Synthesis *synthesis)
{
  g_clear_pointer (&synthesis->samples, g_bytes_unref);
  g_free (synthesis->voice);
  g_free (synthesis->missing_language);
  g_free (synthesis);
}

static void
set_espeak_error (GError           **error,
                  int                code,
                  espeak_ng_STATUS   status,
                  const char        *what)
{
  char message[256];

  espeak_ng_GetStatusCodeMessage (status, message, sizeof message);
  g_set_error (error, LIMBER_SYNTHESIZER_ERROR, code, "%s: %s", what, message);
}

static int
on_samples (short        *samples,
            int           n_samples,
            espeak_EVENT *events)
{
  if (samples != NULL && n_samples > 0)
    g_byte_array_append (collected, (const guint8 *) samples, (guint) n_samples * sizeof (short));

  /* Non-zero stops espeak-ng: nobody wants the rest. */
  return g_cancellable_is_cancelled (collecting_for) ? 1 : 0;
}

static gboolean
ensure_started (LimberSynthesizer  *self,
                GError            **error)
{
  espeak_ng_ERROR_CONTEXT context = NULL;
  espeak_ng_STATUS status;

  if (!self->started)
    {
      self->started = TRUE;
      /* NULL: $ESPEAK_DATA_PATH, else where espeak-ng was built to look
       * (/usr/lib/…/espeak-ng-data on Debian, /app/share/espeak-ng-data in the Flatpak). */
      espeak_ng_InitializePath (NULL);
      status = espeak_ng_Initialize (&context);
      espeak_ng_ClearErrorContext (&context);
      if (status == ENS_OK)
        status = espeak_ng_InitializeOutput (ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL);
      if (status != ENS_OK)
        set_espeak_error (&self->start_error, LIMBER_SYNTHESIZER_ERROR_UNAVAILABLE, status,
                          "espeak-ng could not start");
      else
        espeak_SetSynthCallback (on_samples);
    }

  if (self->start_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->start_error));
      return FALSE;
    }

  return TRUE;
}

/* The voice that lists @language (an espeak-ng code such as "fr") first;
 * NULL if none does. */
static const char *
find_voice (LimberSynthesizer *self,
            const char        *language)
{
  const espeak_VOICE **voices;
  const char *best = NULL;
  int best_priority = G_MAXINT;
  const char *known;

  if ((known = g_hash_table_lookup (self->voices, language)) == NULL)
    {

      voices = espeak_ListVoices (NULL);
      for (guint i = 0; voices != NULL && voices[i] != NULL; i++)
        {
          /* Pairs of a priority byte and a language name, ending in a zero byte. */
          for (const char *entry = voices[i]->languages; entry != NULL && *entry != '\0';
               entry += strlen (entry + 1) + 2)
            {
              int priority = (unsigned char) entry[0];

              if (g_ascii_strcasecmp (entry + 1, language) == 0 && priority < best_priority)
                {
                  best = voices[i]->identifier;
                  best_priority = priority;
                }
            }
        }

      /* "" remembers that there is none. */
      known = g_strdup (best != NULL ? best : "");
      g_hash_table_insert (self->voices, g_strdup (language), (char *) known);
    }

  return *known != '\0' ? known : NULL;
}

/* The first of the user's languages that has a voice; English when none
 * has, and then which language was missing. */
static const char *
choose_voice (LimberSynthesizer   *self,
              const char * const  *languages,
              char               **missing_language)
{
  const char *voice;
  const char *first = NULL;

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_autofree char *language = limber_synthesizer_dup_voice_language (languages[i]);

      /* "C" is Limber's own language, English. */
      if (language == NULL)
        break;
      if ((voice = find_voice (self, language)) != NULL)
        return voice;
      if (first == NULL)
        first = languages[i];
    }

  /* Named as the user knows it: "br_FR" of "br_FR.UTF-8". */
  if (first != NULL)
    *missing_language = g_strndup (first, strcspn (first, ".@"));

  return find_voice (self, ENGLISH);
}

static int
espeak_rate (const char *voice,
             guint       words_per_minute)
{
  const int *rates = calibrations[0].rates;
  double position = ((double) words_per_minute - CALIBRATED_SLOWEST) / CALIBRATED_STEP;
  guint segment = position < 1 ? 0 : 1;
  double rate;

  for (guint i = 0; i < G_N_ELEMENTS (calibrations); i++)
    if (g_str_equal (calibrations[i].identifier, voice))
      rates = calibrations[i].rates;

  /* Straight lines between the measured rates, and beyond them. */
  rate = rates[segment] + (position - segment) * (rates[segment + 1] - rates[segment]);

  return CLAMP ((int) (rate + 0.5), espeakRATE_MINIMUM, espeakRATE_MAXIMUM);
}

/* espeak-ng 1.51 reads on past the end of some words, Spanish plurals
 * such as “ejercicios”, in a buffer on its stack it never filled, until it
 * finds a space. On the main thread one comes soon; near the top of a
 * thread's small used stack it can run off the end and crash (seen in
 * utf8_in()). So the stack it is about to use holds spaces: the word ends
 * where the buffer's own bytes end. */
#define SYNTHESIS_STACK_BYTES (256 * 1024)

static G_NO_INLINE void
fill_synthesis_stack_with_spaces (void)
{
  volatile char stack[SYNTHESIS_STACK_BYTES];

  for (gsize i = 0; i < sizeof stack; i++)
    stack[i] = ' ';
}

static void
synthesize (LimberSynthesizer *self,
            GTask             *task)
{
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *missing_language = NULL;
  const char *voice;
  espeak_ng_STATUS status;
  Synthesis *synthesis;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!ensure_started (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  voice = choose_voice (self, (const char * const *) request->languages, &missing_language);
  if (voice == NULL)
    {
      g_task_return_new_error (task, LIMBER_SYNTHESIZER_ERROR, LIMBER_SYNTHESIZER_ERROR_NO_VOICE,
                               "espeak-ng has no English voice");
      return;
    }

  if (g_strcmp0 (self->voice, voice) != 0)
    {
      status = espeak_ng_SetVoiceByName (voice);
      if (status != ENS_OK)
        {
          set_espeak_error (&error, LIMBER_SYNTHESIZER_ERROR_NO_VOICE, status, voice);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_free (self->voice);
      self->voice = g_strdup (voice);
    }

  espeak_ng_SetParameter (espeakRATE, espeak_rate (voice, request->words_per_minute), 0);

  collected = g_byte_array_new ();
  collecting_for = g_task_get_cancellable (task);
  fill_synthesis_stack_with_spaces ();
  status = espeak_ng_Synthesize (request->text, strlen (request->text) + 1, 0, POS_CHARACTER, 0,
                                 espeakCHARS_UTF8, NULL, NULL);
  collecting_for = NULL;

  if (status != ENS_OK)
    {
      g_byte_array_unref (g_steal_pointer (&collected));
      set_espeak_error (&error, LIMBER_SYNTHESIZER_ERROR_FAILED, status, "espeak-ng could not speak");
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  synthesis = g_new0 (Synthesis, 1);
  synthesis->samples = g_byte_array_free_to_bytes (g_steal_pointer (&collected));
  synthesis->voice = g_strdup (voice);
  synthesis->missing_language = g_steal_pointer (&missing_language);
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, synthesis, (GDestroyNotify) synthesis_free);
  else
    synthesis_free (synthesis);
}

static gpointer
worker (gpointer data)
{
  LimberSynthesizer *self = data;

  for (;;)
    {
      g_autoptr(GTask) task = g_async_queue_pop (self->requests);

      synthesize (self, task);
    }

  return NULL;
}

static void
limber_synthesizer_class_init (LimberSynthesizerClass *klass)
{
}

static void
limber_synthesizer_init (LimberSynthesizer *self)
{
  self->requests = g_async_queue_new ();
  self->voices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * limber_synthesizer_get_default:
 *
 * Returns: (transfer none): the process's one synthesizer; its thread
 *   starts with the first request
 */
LimberSynthesizer *
limber_synthesizer_get_default (void)
{
  static LimberSynthesizer *synthesizer;

  if (g_once_init_enter (&synthesizer))
    g_once_init_leave (&synthesizer, g_object_new (LIMBER_TYPE_SYNTHESIZER, NULL));

  return synthesizer;
}

/**
 * limber_synthesizer_synthesize_async:
 * @languages: the user's languages, most wanted first, as g_get_language_names() gives them
 * @words_per_minute: how fast, in words a minute of voiced speech
 *
 * Speaks @text into samples, in the voice of the first of @languages that
 * espeak-ng has, after the requests before it.
 */
void
limber_synthesizer_synthesize_async (LimberSynthesizer   *self,
                                     const char          *text,
                                     const char * const  *languages,
                                     guint                words_per_minute,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (LIMBER_IS_SYNTHESIZER (self));
  g_return_if_fail (text != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, limber_synthesizer_synthesize_async);
  request = g_new0 (Request, 1);
  request->text = g_strdup (text);
  request->languages = g_strdupv ((char **) languages);
  request->words_per_minute = words_per_minute;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  if (g_once_init_enter (&self->thread))
    g_once_init_leave (&self->thread, g_thread_new ("limber-speech", worker, self));

  g_async_queue_push (self->requests, g_steal_pointer (&task));
}

/**
 * limber_synthesizer_synthesize_finish:
 * @voice: (out) (optional): espeak-ng's voice that spoke, such as "roa/fr"
 * @missing_language: (out) (optional) (nullable): the user's language that
 *   espeak-ng has no voice for, when the English voice spoke instead
 *
 * Returns: (transfer full): the samples, 16-bit mono at
 *   %LIMBER_SYNTHESIZER_SAMPLE_RATE; empty when there was nothing to say
 */
GBytes *
limber_synthesizer_synthesize_finish (LimberSynthesizer  *self,
                                      GAsyncResult       *result,
                                      char              **voice,
                                      char              **missing_language,
                                      GError            **error)
{
  Synthesis *synthesis;
  GBytes *samples;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  synthesis = g_task_propagate_pointer (G_TASK (result), error);
  if (synthesis == NULL)
    return NULL;

  samples = g_steal_pointer (&synthesis->samples);
  if (voice != NULL)
    *voice = g_steal_pointer (&synthesis->voice);
  if (missing_language != NULL)
    *missing_language = g_steal_pointer (&synthesis->missing_language);
  synthesis_free (synthesis);

  return samples;
}

/**
 * limber_synthesizer_dup_voice_language:
 * @locale_name: such as "fr_CA.UTF-8", "en_US" or "C"
 *
 * Returns: (nullable): espeak-ng's name of the language, such as "fr-ca"
 *   or "en-us"; %NULL for "C" and "POSIX", Limber's own language
 */
char *
limber_synthesizer_dup_voice_language (const char *locale_name)
{
  g_autofree char *language = g_ascii_strdown (locale_name, strcspn (locale_name, ".@"));

  if (*language == '\0' || g_str_equal (language, "c") || g_str_equal (language, "posix"))
    return NULL;

  return g_strdelimit (g_steal_pointer (&language), "_", '-');
}

/**
 * limber_synthesizer_count_words:
 *
 * Returns: how many words @text has, as words a minute count them
 */
guint
limber_synthesizer_count_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  guint count = 0;

  for (guint i = 0; words[i] != NULL; i++)
    count += words[i][0] != '\0';

  return count;
}
