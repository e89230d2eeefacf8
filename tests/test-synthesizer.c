/* test-synthesizer.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "limber-synthesizer.h"

/* A safety net against a hang, not a performance target. */
#define WAIT_TIMEOUT_SECONDS 60

typedef struct {
  GBytes *samples;
  char   *voice;
  char   *missing_language;
  GError *error;
  guint   order;
  gboolean done;
} Answer;

static guint answers_so_far;

static void
answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->samples, g_bytes_unref);
  g_clear_pointer (&answer->voice, g_free);
  g_clear_pointer (&answer->missing_language, g_free);
  g_clear_error (&answer->error);
}

static void
on_synthesized (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Answer *answer = user_data;

  answer->samples = limber_synthesizer_synthesize_finish (LIMBER_SYNTHESIZER (source), result, &answer->voice,
                                                          &answer->missing_language, &answer->error);
  answer->order = answers_so_far++;
  answer->done = TRUE;
}

static void
wait_for (Answer *answer)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_SECONDS * G_USEC_PER_SEC;

  while (!answer->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (answer->done);
}

static void
synthesize (const char         *text,
            const char * const *languages,
            guint               words_per_minute,
            GCancellable       *cancellable,
            Answer             *answer)
{
  *answer = (Answer) { NULL, };
  limber_synthesizer_synthesize_async (limber_synthesizer_get_default (), text, languages, words_per_minute,
                                       cancellable, on_synthesized, answer);
}

/* The voice that speaks for @languages, and the language it stands in for. */
static char *
voice_for (const char * const  *languages,
           char               **missing_language)
{
  Answer answer;
  char *voice;

  synthesize ("Lower your chin toward your chest.", languages, 150, NULL, &answer);
  wait_for (&answer);
  g_assert_no_error (answer.error);
  /* Over a second of speech. */
  g_assert_cmpuint (g_bytes_get_size (answer.samples), >, LIMBER_SYNTHESIZER_SAMPLE_RATE * 2);
  voice = g_steal_pointer (&answer.voice);
  *missing_language = g_steal_pointer (&answer.missing_language);
  answer_clear (&answer);

  return voice;
}

static void
test_synthesizer_voice_language (void)
{
  const struct {
    const char *locale;
    const char *language;
  } cases[] = {
    { "fr_CA.UTF-8", "fr-ca" },
    { "fr_CA", "fr-ca" },
    { "fr", "fr" },
    { "en_US", "en-us" },
    { "de_DE@euro", "de-de" },
    { "ar", "ar" },
    { "C", NULL },
    { "C.UTF-8", NULL },
    { "POSIX", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *language = limber_synthesizer_dup_voice_language (cases[i].locale);

      g_assert_cmpstr (language, ==, cases[i].language);
    }
}

static void
test_synthesizer_count_words (void)
{
  g_assert_cmpuint (limber_synthesizer_count_words (""), ==, 0);
  g_assert_cmpuint (limber_synthesizer_count_words ("  Breathe\tin,\n slowly.  "), ==, 3);
  g_assert_cmpuint (limber_synthesizer_count_words ("Stay in the stretch for 15 to 30 seconds."), ==, 9);
}

/* The session's languages pick the voice, most specific first; one
 * espeak-ng lacks falls back to English, and says which it was. */
static void
test_synthesizer_voices (void)
{
  const struct {
    const char *languages[6];
    const char *voice;
    const char *missing_language;
  } cases[] = {
    { { "fr_CA.UTF-8", "fr_CA", "fr.UTF-8", "fr", "C", NULL }, "roa/fr", NULL },
    { { "en_US.UTF-8", "en_US", "en.UTF-8", "en", "C", NULL }, "gmw/en-US", NULL },
    { { "de_DE", "de", "C", NULL }, "gmw/de", NULL },
    { { "es", "C", NULL }, "roa/es", NULL },
    { { "ar", "C", NULL }, "sem/ar", NULL },
    { { "C.UTF-8", "C", NULL }, "gmw/en", NULL },
    /* Breton, then French: the French voice, as the user would rather. */
    { { "br_FR", "br", "fr_FR", "fr", "C", NULL }, "roa/fr", NULL },
    { { "br_FR.UTF-8", "br_FR", "br.UTF-8", "br", "C", NULL }, "gmw/en", "br_FR" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *missing = NULL;
      g_autofree char *voice = voice_for (cases[i].languages, &missing);

      g_test_message ("%s: %s", cases[i].languages[0], voice);
      g_assert_cmpstr (voice, ==, cases[i].voice);
      g_assert_cmpstr (missing, ==, cases[i].missing_language);
    }
}

/* Faster is shorter, in every calibrated voice and in one that is not. */
static void
test_synthesizer_rates (void)
{
  const char *voices[][2] = { { "C", NULL }, { "en_US", NULL }, { "fr", NULL }, { "de", NULL },
                              { "es", NULL }, { "ar", NULL }, { "it", NULL } };

  for (guint i = 0; i < G_N_ELEMENTS (voices); i++)
    {
      gsize sizes[3];

      for (guint r = 0; r < 3; r++)
        {
          Answer answer;

          synthesize ("One, two, three, four, five, six.", voices[i], 120 + 30 * r, NULL, &answer);
          wait_for (&answer);
          g_assert_no_error (answer.error);
          sizes[r] = g_bytes_get_size (answer.samples);
          answer_clear (&answer);
        }

      g_test_message ("%s: %zu, %zu, %zu bytes at 120, 150, 180 words a minute", voices[i][0],
                      sizes[0], sizes[1], sizes[2]);
      g_assert_cmpuint (sizes[1], <, sizes[0]);
      g_assert_cmpuint (sizes[2], <, sizes[1]);
    }
}

/* Requests are answered in order, none lost; a cancelled one says so. */
static void
test_synthesizer_queue (void)
{
  const char *source[] = { "C", NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Answer answers[6];

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    synthesize (i % 2 ? "Stand up tall." : "", source, 150, i == 3 ? cancellable : NULL, &answers[i]);
  g_cancellable_cancel (cancellable);

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      wait_for (&answers[i]);
      if (i == 3)
        {
          g_assert_error (answers[i].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_null (answers[i].samples);
        }
      else
        {
          g_assert_no_error (answers[i].error);
          /* Nothing to say is no error, and hardly any sound (espeak-ng's few ms of silence). */
          if (i % 2)
            g_assert_cmpuint (g_bytes_get_size (answers[i].samples), >, LIMBER_SYNTHESIZER_SAMPLE_RATE);
          else
            g_assert_cmpuint (g_bytes_get_size (answers[i].samples), <, LIMBER_SYNTHESIZER_SAMPLE_RATE / 5);
        }
      if (i > 0)
        g_assert_cmpuint (answers[i].order, >, answers[i - 1].order);
      answer_clear (&answers[i]);
    }
}

/* espeak-ng without its data: an error that says so, for every request. */
/* espeak-ng 1.51 looks past the end of a Spanish plural (“ejercicios”,
 * “rodillas”) for a space, through whatever its stack holds: on a thread's
 * stack it could read off the end and crash. Every sentence speaks, many times. */
static void
test_synthesizer_spanish_plurals (void)
{
  const char * const spanish[] = { "es", NULL };
  const char *sentences[] = {
    "Estiramiento de la zona media de la espalda. No haga este ejercicio si le duelen las rodillas.",
    "Haga el estiramiento 3 veces en total.",
    "Siga ejercicios guiados para la parte alta de la espalda y el cuello",
    "Rodillas, codos, hombros, libros, casas, ejercicios.",
  };

  for (guint round = 0; round < 25; round++)
    for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
      {
        Answer answer;

        synthesize (sentences[i], spanish, 150, NULL, &answer);
        wait_for (&answer);
        g_assert_no_error (answer.error);
        g_assert_cmpstr (answer.voice, ==, "roa/es");
        /* At least a second of speech: nothing cut short. */
        g_assert_cmpuint (g_bytes_get_size (answer.samples), >, LIMBER_SYNTHESIZER_SAMPLE_RATE * 2);
        answer_clear (&answer);
      }
}

static void
test_synthesizer_unavailable (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("limber-espeak.XXXXXX", NULL);
      g_autofree char *data = g_build_filename (dir, "espeak-ng-data", NULL);
      const char *source[] = { "C", NULL };

      g_assert_cmpint (g_mkdir (data, 0700), ==, 0);
      g_setenv ("ESPEAK_DATA_PATH", dir, TRUE);
      for (guint i = 0; i < 2; i++)
        {
          Answer answer;

          synthesize ("Stand up tall.", source, 150, NULL, &answer);
          wait_for (&answer);
          g_assert_error (answer.error, LIMBER_SYNTHESIZER_ERROR, LIMBER_SYNTHESIZER_ERROR_UNAVAILABLE);
          g_test_message ("%s", answer.error->message);
          g_assert_nonnull (strstr (answer.error->message, "No such file or directory"));
          answer_clear (&answer);
        }
      g_rmdir (data);
      g_rmdir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/synthesizer/voice-language", test_synthesizer_voice_language);
  g_test_add_func ("/synthesizer/count-words", test_synthesizer_count_words);
  g_test_add_func ("/synthesizer/voices", test_synthesizer_voices);
  g_test_add_func ("/synthesizer/rates", test_synthesizer_rates);
  g_test_add_func ("/synthesizer/queue", test_synthesizer_queue);
  g_test_add_func ("/synthesizer/spanish-plurals", test_synthesizer_spanish_plurals);
  g_test_add_func ("/synthesizer/unavailable", test_synthesizer_unavailable);

  return g_test_run ();
}
