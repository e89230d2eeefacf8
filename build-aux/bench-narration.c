/* bench-narration.c: how soon narration is heard (build-aux/dev bench narration).
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: limber-bench-narration RUNS
 *        limber-bench-narration --session PLAN-FILE
 *        limber-bench-narration --planned PLAN-FILE
 *        limber-bench-narration --speech RUNS
 *        limber-bench-narration --say ID [RATE]
 *
 * The second form coaches a whole routine (the plan in PLAN-FILE, imported
 * into a settings file of its own) through the default audio output, in
 * real time, and exits, for recording it (e.g. from a PulseAudio monitor):
 * it prints "cue=SECONDS:NAME:TEXT" as each cue begins. With --planned it
 * runs the same routine silently, sped up twenty times, and prints how long
 * it takes at real speed ("planned-seconds="): the plan's own arithmetic,
 * its words timed at 150 words a minute, to set a recording against. The fourth says one
 * exercise's steps with LimberSpeech, in the language of $LANGUAGE, each
 * after the last has finished, at the speech-rate RATE (slower, normal or
 * faster).
 *
 * The third measures LimberSpeech: RUNS times, from limber_speech_say() of a
 * prepared step to the first audio buffer at the sink ("latency-ms="); the
 * synthesis of every intro and step of the catalog, one at a time, against
 * the length of what it says ("synthesis=MS:SPOKEN-MS"); and VmRSS before
 * any speech, idle once it is ready, and at most while it speaks
 * ("rss-before-kib=", "rss-idle-kib=", "rss-speaking-kib=").
 *
 * The first times, RUNS times, from Start (limber_session_start() of the
 * routine, its first words made ahead as the window makes them) to the first
 * audio buffer reaching the sink that autoaudiosink chose, from a stopped
 * session. Prints one "latency-ms=" line a run, then "sink=" with the sink's
 * element.
 */

#include "limber-config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "limber-catalog.h"
#include "limber-countdown-private.h"
#include "limber-plan-file.h"
#include "limber-session.h"
#include "limber-speech-private.h"
#include "limber-synthesizer.h"

/* Written on the streaming thread, read on the main one once arrived is set. */
static gint64 first_buffer_us;
static int arrived;

static GstPadProbeReturn
on_buffer (GstPad          *pad,
           GstPadProbeInfo *info,
           gpointer         user_data)
{
  if (!g_atomic_int_get (&arrived))
    {
      first_buffer_us = g_get_monotonic_time ();
      g_atomic_int_set (&arrived, 1);
    }

  return GST_PAD_PROBE_OK;
}

static void
wait_for_first_buffer (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!g_atomic_int_get (&arrived) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  if (!g_atomic_int_get (&arrived))
    g_error ("No audio buffer reached the sink within 10 s");
}

static char *
describe_sink (GstElement *sink)
{
  g_autoptr(GstIterator) children = NULL;
  GValue item = G_VALUE_INIT;
  char *name = NULL;

  if (!GST_IS_BIN (sink))
    return g_strdup (GST_OBJECT_NAME (gst_element_get_factory (sink)));

  children = gst_bin_iterate_elements (GST_BIN (sink));
  if (gst_iterator_next (children, &item) == GST_ITERATOR_OK)
    {
      name = g_strdup (GST_OBJECT_NAME (gst_element_get_factory (g_value_get_object (&item))));
      g_value_unset (&item);
    }

  return name;
}

static void
on_cue (LimberSession *session,
        const char    *name,
        const char    *text,
        gpointer       user_data)
{
  gint64 *started = user_data;

  g_print ("cue=%.2f:%s:%s\n", (g_get_monotonic_time () - *started) / (double) G_USEC_PER_SEC, name,
           text != NULL ? text : "");
}

static void
on_session_finished (LimberSession *session,
                     gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* A plan file's plan, in settings of their own. */
static LimberPlan *
load_plan (LimberCatalog *catalog,
           GSettings     *settings,
           const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberPlanFile) plan_file = NULL;
  LimberPlan *plan = limber_plan_new (catalog, settings);

  plan_file = limber_plan_file_new_from_file (catalog, file, &error);
  if (plan_file == NULL || !limber_plan_file_apply (plan_file, plan, &error))
    g_error ("The plan %s: %s", path, error->message);

  return plan;
}

static int
coach_routine (LimberCatalog *catalog,
               const char    *path)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(LimberPlan) plan = load_plan (catalog, settings, path);
  g_autoptr(LimberSpeech) speech = limber_speech_new (settings);
  g_autoptr(LimberSession) session = limber_session_new (G_OBJECT (speech));
  g_autoptr(LimberSessionScript) script = limber_session_script_new (plan, settings, LIMBER_SESSION_MODE_ROUTINE, NULL);
  gboolean finished = FALSE;
  gint64 started = g_get_monotonic_time ();

  g_signal_connect (session, "cue", G_CALLBACK (on_cue), &started);
  g_signal_connect (session, "finished", G_CALLBACK (on_session_finished), &finished);
  limber_session_start (session, script);
  while (!finished)
    g_main_context_iteration (NULL, TRUE);

  g_print ("active-seconds=%u\n", limber_session_get_active_seconds (session));
  if (limber_speech_get_problem (speech) != NULL)
    g_print ("problem=%s\n", limber_speech_get_problem (speech));

  return 0;
}

/* The routine timed from its words, without a voice. */
static int
time_routine (LimberCatalog *catalog,
              const char    *path)
{
  const double scale = 0.05;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(LimberPlan) plan = load_plan (catalog, settings, path);
  g_autoptr(LimberSessionScript) script = limber_session_script_new (plan, settings, LIMBER_SESSION_MODE_ROUTINE, NULL);
  g_autoptr(LimberSession) session = NULL;
  gboolean finished = FALSE;
  gint64 started;

  /* Before the session makes its countdown. */
  limber_countdown_set_default_time_scale (scale);
  session = limber_session_new (NULL);
  g_signal_connect (session, "finished", G_CALLBACK (on_session_finished), &finished);
  started = g_get_monotonic_time ();
  limber_session_start (session, script);
  while (!finished)
    g_main_context_iteration (NULL, TRUE);

  g_print ("planned-seconds=%.1f\n", (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC / scale);

  return 0;
}

static guint
vm_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;

  return (guint) g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

static void
on_speech_finished (LimberSpeech *speech,
                    gboolean     *finished)
{
  *finished = TRUE;
}

static void
wait_prepared (LimberSpeech *speech,
               const char   *text)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!limber_speech_is_prepared (speech, text) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (!limber_speech_is_prepared (speech, text))
    g_error ("Not synthesized within 30 s: %s", text);
}

/* Every announcement and step of the catalog, as a session says them (the
 * handout's plan: nothing hidden, nothing prescribed). */
static GPtrArray *
catalog_texts (LimberCatalog *catalog)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(LimberPlan) plan = limber_plan_new (catalog, settings);
  g_autoptr(LimberSessionScript) script = limber_session_script_new (plan, settings, LIMBER_SESSION_MODE_ROUTINE, NULL);

  for (guint i = 0; i < limber_session_script_get_n_cues (script); i++)
    {
      const LimberCue *cue = limber_session_script_get_cue (script, i);

      if (cue->kind == LIMBER_CUE_ANNOUNCE || cue->kind == LIMBER_CUE_STEP)
        g_ptr_array_add (texts, g_strdup (cue->text));
    }

  return texts;
}

typedef struct {
  GBytes  *samples;
  gint64   answered;
} Answer;

static void
on_synthesized (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Answer *answer = user_data;

  answer->samples = limber_synthesizer_synthesize_finish (LIMBER_SYNTHESIZER (source), result, NULL, NULL, NULL);
  answer->answered = g_get_monotonic_time ();
}

static int
measure_speech (LimberCatalog *catalog,
                int            runs)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GPtrArray) texts = catalog_texts (catalog);
  g_autoptr(LimberSpeech) speech = NULL;
  g_autoptr(GstPad) pad = NULL;
  g_autofree char *sink_name = NULL;
  const char * const *languages = g_get_language_names ();
  guint rss_idle, rss_speaking, longest = 0;
  gboolean finished = FALSE;

  g_print ("rss-before-kib=%u\n", vm_rss_kib ());

  /* The synthesis alone, one text at a time, as prepare() asks for it. */
  for (guint i = 0; i < texts->len; i++)
    {
      Answer answer = { NULL, 0 };
      gint64 asked = g_get_monotonic_time ();

      limber_synthesizer_synthesize_async (limber_synthesizer_get_default (), texts->pdata[i], languages, 150,
                                           NULL, on_synthesized, &answer);
      while (answer.samples == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_print ("synthesis=%.3f:%.3f\n", (answer.answered - asked) / 1000.0,
               g_bytes_get_size (answer.samples) * 1000.0 / (LIMBER_SYNTHESIZER_SAMPLE_RATE * sizeof (gint16)));
      g_bytes_unref (answer.samples);
    }

  speech = limber_speech_new (settings);
  g_signal_connect (speech, "finished", G_CALLBACK (on_speech_finished), &finished);
  limber_speech_prepare (speech, texts->pdata[0]);
  wait_prepared (speech, texts->pdata[0]);
  if (limber_speech_get_audio_sink (speech) == NULL)
    g_error ("No speech pipeline: %s", limber_speech_get_problem (speech));
  pad = gst_element_get_static_pad (limber_speech_get_audio_sink (speech), "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, on_buffer, NULL, NULL);

  /* Settled: the engine loaded, the pipeline in READY. */
  for (gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC; g_get_monotonic_time () < until; )
    g_main_context_iteration (NULL, FALSE);
  rss_idle = vm_rss_kib ();

  for (int i = 0; i < runs; i++)
    {
      const char *text = texts->pdata[(i + 1) % texts->len];
      gint64 requested;

      limber_speech_prepare (speech, text);
      wait_prepared (speech, text);
      g_atomic_int_set (&arrived, 0);
      requested = g_get_monotonic_time ();
      limber_speech_say (speech, text, NULL);
      wait_for_first_buffer ();
      g_print ("latency-ms=%.3f\n", (first_buffer_us - requested) / 1000.0);
      limber_speech_stop (speech);
    }
  sink_name = describe_sink (limber_speech_get_audio_sink (speech));

  /* The longest text, heard to its end, another prepared meanwhile. */
  for (guint i = 0; i < texts->len; i++)
    if (strlen (texts->pdata[i]) > strlen (texts->pdata[longest]))
      longest = i;
  rss_speaking = rss_idle;
  limber_speech_say (speech, texts->pdata[longest], NULL);
  limber_speech_prepare (speech, texts->pdata[(longest + 1) % texts->len]);
  while (!finished)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
      rss_speaking = MAX (rss_speaking, vm_rss_kib ());
    }

  g_print ("rss-idle-kib=%u\nrss-speaking-kib=%u\n", rss_idle, rss_speaking);
  g_print ("sink=%s\n", sink_name != NULL ? sink_name : "none");
  if (limber_speech_get_problem (speech) != NULL)
    g_print ("problem=%s\n", limber_speech_get_problem (speech));

  return 0;
}

/* One exercise's steps, one after the other, through the default output. */
static int
say_exercise (LimberCatalog *catalog,
              const char    *id,
              const char    *rate)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(LimberSpeech) speech = NULL;
  LimberExercise *exercise = limber_catalog_lookup (catalog, id);
  const char * const *steps;
  gboolean finished;

  if (exercise == NULL)
    {
      g_printerr ("No exercise %s\n", id);
      return 1;
    }

  if (rate != NULL && !g_settings_set_string (settings, "speech-rate", rate))
    {
      g_printerr ("No speech rate %s\n", rate);
      return 1;
    }

  speech = limber_speech_new (settings);
  steps = limber_exercise_get_steps (exercise);
  g_signal_connect (speech, "finished", G_CALLBACK (on_speech_finished), &finished);
  for (guint i = 0; steps[i] != NULL; i++)
    {
      gint64 said = g_get_monotonic_time ();

      finished = FALSE;
      limber_speech_say (speech, steps[i], NULL);
      if (steps[i + 1] != NULL)
        limber_speech_prepare (speech, steps[i + 1]);
      while (!finished)
        g_main_context_iteration (NULL, TRUE);
      /* Its length, and how long it took from say() to "finished". */
      g_print ("step=%u:%u:%.0f\n", i + 1, limber_speech_estimate_ms (speech, steps[i]),
               (g_get_monotonic_time () - said) / 1000.0);
    }

  if (limber_speech_get_problem (speech) != NULL)
    g_print ("problem=%s\n", limber_speech_get_problem (speech));
  if (limber_speech_get_notice (speech) != NULL)
    g_print ("notice=%s\n", limber_speech_get_notice (speech));

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(LimberPlan) plan = NULL;
  g_autoptr(LimberSpeech) speech = NULL;
  g_autoptr(LimberSession) session = NULL;
  g_autoptr(LimberSessionScript) script = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstPad) pad = NULL;
  g_autofree char *sink_name = NULL;
  int runs = argc > 1 ? atoi (argv[1]) : 20;

  /* The catalog in the language of $LANGUAGE, from the build's translations. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LIMBER_LOCALEDIR") != NULL ? g_getenv ("LIMBER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gst_init (&argc, &argv);
  catalog = limber_catalog_new_default (NULL);
  g_assert_nonnull (catalog);

  if (argc > 2 && g_str_equal (argv[1], "--session"))
    return coach_routine (catalog, argv[2]);
  if (argc > 2 && g_str_equal (argv[1], "--planned"))
    return time_routine (catalog, argv[2]);
  if (argc > 2 && g_str_equal (argv[1], "--speech"))
    return measure_speech (catalog, atoi (argv[2]));
  if (argc > 2 && g_str_equal (argv[1], "--say"))
    return say_exercise (catalog, argv[2], argc > 3 ? argv[3] : NULL);
  settings = g_settings_new (APPLICATION_ID);
  plan = limber_plan_new (catalog, settings);
  speech = limber_speech_new (settings);
  session = limber_session_new (G_OBJECT (speech));
  script = limber_session_script_new (plan, settings, LIMBER_SESSION_MODE_ROUTINE, NULL);
  /* What the window does while nobody has pressed Start yet. */
  limber_speech_prepare (speech, limber_session_script_get_cue (script, 0)->text);

  /* One unmeasured run makes the pipeline, so the probe can go on its sink. */
  limber_session_start (session, script);
  sink = gst_object_ref (limber_speech_get_audio_sink (speech));
  pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, on_buffer, NULL, NULL);
  limber_session_stop (session);
  sink_name = describe_sink (sink);

  for (int i = 0; i < runs; i++)
    {
      gint64 requested;

      limber_speech_prepare (speech, limber_session_script_get_cue (script, 0)->text);
      while (!limber_speech_is_prepared (speech, limber_session_script_get_cue (script, 0)->text))
        g_main_context_iteration (NULL, TRUE);

      g_atomic_int_set (&arrived, 0);
      requested = g_get_monotonic_time ();
      limber_session_start (session, script);
      wait_for_first_buffer ();
      g_print ("latency-ms=%.3f\n", (first_buffer_us - requested) / 1000.0);
      limber_session_stop (session);
    }

  g_print ("sink=%s\n", sink_name != NULL ? sink_name : "none");
  if (limber_speech_get_problem (speech) != NULL)
    g_print ("problem=%s\n", limber_speech_get_problem (speech));

  return 0;
}
