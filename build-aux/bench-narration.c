/* bench-narration.c: how soon narration is heard (build-aux/dev bench narration).
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: limber-bench-narration RUNS
 *        limber-bench-narration --exercise ID [HOLD-SECONDS]
 *
 * The second form narrates one whole exercise through the default audio
 * output and exits, for recording it (e.g. from a PulseAudio monitor).
 *
 * The first times, RUNS times, from limber_narrator_play() to the first audio buffer
 * reaching the sink that autoaudiosink chose, from a stopped narrator (its
 * pipeline in NULL, as after every Stop). Prints one "latency-ms=" line a run,
 * then "sink=" with the sink's element.
 */

#include "limber-config.h"

#include <stdlib.h>

#include "limber-catalog.h"
#include "limber-narrator-private.h"

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

static int
narrate_whole (LimberCatalog *catalog,
               const char    *id,
               guint          hold_seconds)
{
  g_autoptr(LimberNarrator) narrator = limber_narrator_new ();
  LimberExercise *exercise = limber_catalog_lookup (catalog, id);

  if (exercise == NULL)
    {
      g_printerr ("No exercise %s\n", id);
      return 1;
    }

  limber_narrator_set_exercise (narrator, exercise);
  limber_narrator_set_hold_seconds (narrator, hold_seconds);
  limber_narrator_play (narrator);
  while (limber_narrator_get_state (narrator) != LIMBER_NARRATOR_STATE_STOPPED)
    g_main_context_iteration (NULL, TRUE);

  if (limber_narrator_get_problem (narrator) != NULL)
    g_print ("problem=%s\n", limber_narrator_get_problem (narrator));

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(LimberNarrator) narrator = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstPad) pad = NULL;
  g_autofree char *sink_name = NULL;
  int runs = argc > 1 ? atoi (argv[1]) : 20;

  gst_init (&argc, &argv);
  catalog = limber_catalog_new_default (NULL);
  g_assert_nonnull (catalog);

  if (argc > 2 && g_str_equal (argv[1], "--exercise"))
    return narrate_whole (catalog, argv[2], argc > 3 ? (guint) atoi (argv[3]) : 0);
  narrator = limber_narrator_new ();
  limber_narrator_set_exercise (narrator, g_list_model_get_item (G_LIST_MODEL (catalog), 0));
  g_object_unref (limber_narrator_get_exercise (narrator));

  /* One unmeasured run makes the pipeline, so the probe can go on its sink. */
  limber_narrator_play (narrator);
  g_object_get (limber_narrator_get_pipeline (narrator), "audio-sink", &sink, NULL);
  pad = gst_element_get_static_pad (sink, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, on_buffer, NULL, NULL);
  wait_for_first_buffer ();
  sink_name = describe_sink (sink);
  limber_narrator_stop (narrator);

  for (int i = 0; i < runs; i++)
    {
      gint64 requested;

      g_atomic_int_set (&arrived, 0);
      requested = g_get_monotonic_time ();
      limber_narrator_play (narrator);
      wait_for_first_buffer ();
      g_print ("latency-ms=%.3f\n", (first_buffer_us - requested) / 1000.0);
      limber_narrator_stop (narrator);
    }

  g_print ("sink=%s\n", sink_name != NULL ? sink_name : "none");
  if (limber_narrator_get_problem (narrator) != NULL)
    g_print ("problem=%s\n", limber_narrator_get_problem (narrator));

  return 0;
}
