/* limber-recording.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A clinic's own recording, decoded ahead into the samples Limber's voice
 * speaks in, so that it plays through the same pipeline, and so that a file
 * that cannot be played is known before anything is heard. GIO opens the
 * file (its error says why it cannot be read); GStreamer's decodebin takes
 * any format it has a decoder for (its error says why it cannot be played).
 */

#define G_LOG_DOMAIN "limber-recording"

#include "limber-config.h"

#include <glib/gi18n-lib.h>
#include <gst/app/gstappsink.h>
#include <gst/audio/audio.h>
#include <gst/gst.h>

#include "limber-recording.h"

typedef struct {
  GstElement *pipeline;
  GSource    *cancelled;
  GSource    *watchdog;
  guint       quiet_seconds;
  gint        progress;       /* counts samples and bus messages */
  gint        last_progress;
  guint       sample_rate;
  gsize       max_bytes;
  /* Filled on GStreamer's streaming thread; read once the pipeline is stopped. */
  GByteArray *samples;
  gint        too_long;
  gint        has_audio;
} Decoding;

G_DEFINE_QUARK (limber-recording-error-quark, limber_recording_error)

static void
stop_decoding (Decoding *decoding)
{
  if (decoding->cancelled != NULL)
    {
      g_source_destroy (decoding->cancelled);
      g_clear_pointer (&decoding->cancelled, g_source_unref);
    }

  if (decoding->watchdog != NULL)
    {
      g_source_destroy (decoding->watchdog);
      g_clear_pointer (&decoding->watchdog, g_source_unref);
    }

  if (decoding->pipeline != NULL)
    {
      g_autoptr(GstBus) bus = gst_element_get_bus (decoding->pipeline);

      /* Returns once the streaming threads have stopped. */
      gst_element_set_state (decoding->pipeline, GST_STATE_NULL);
      gst_bus_remove_watch (bus);
      gst_clear_object (&decoding->pipeline);
    }
}

static void
decoding_free (Decoding *decoding)
{
  stop_decoding (decoding);
  g_clear_pointer (&decoding->samples, g_byte_array_unref);
  g_free (decoding);
}

/* Ends the task; takes the caller's reference to it. */
static void
fail (GTask      *task,
      int         code,
      const char *message)
{
  stop_decoding (g_task_get_task_data (task));
  g_task_return_new_error (task, LIMBER_RECORDING_ERROR, code, "%s", message);
  g_object_unref (task);
}

/* GIO could not look at or open the file: cancelled, or its reason told.
 * Takes @error and the caller's reference to @task. */
static void
fail_to_read (GTask  *task,
              GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  fail (task, LIMBER_RECORDING_ERROR_UNREADABLE, error->message);
  g_error_free (error);
}

static GstFlowReturn
on_new_sample (GstAppSink *sink,
               gpointer    user_data)
{
  Decoding *decoding = user_data;
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (sink);
  GstBuffer *buffer = sample != NULL ? gst_sample_get_buffer (sample) : NULL;
  GstMapInfo map;

  if (buffer == NULL || !gst_buffer_map (buffer, &map, GST_MAP_READ))
    return GST_FLOW_OK;

  g_atomic_int_inc (&decoding->progress);
  if (decoding->samples->len + map.size > decoding->max_bytes)
    g_atomic_int_set (&decoding->too_long, TRUE);
  else
    g_byte_array_append (decoding->samples, map.data, map.size);
  gst_buffer_unmap (buffer, &map);

  /* Stops the pipeline with an error; the bus then says why. */
  return g_atomic_int_get (&decoding->too_long) ? GST_FLOW_ERROR : GST_FLOW_OK;
}

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  GTask *task = user_data;
  Decoding *decoding = g_task_get_task_data (task);

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *debug = NULL;

        gst_message_parse_error (message, &error, &debug);
        g_debug ("Decoding failed in %s: %s (%s)", GST_OBJECT_NAME (GST_MESSAGE_SRC (message)),
                 error->message, debug);
        if (g_atomic_int_get (&decoding->too_long))
          fail (task, LIMBER_RECORDING_ERROR_TOO_LONG, "longer than the longest recording Limber plays");
        else if (!g_atomic_int_get (&decoding->has_audio) && g_error_matches (error, GST_STREAM_ERROR, GST_STREAM_ERROR_FAILED))
          /* Decoded, but into pictures or text: "not linked" says no more than that.
           * Translators: why a file is not a recording Limber can play, as in
           * "“%s” is not a recording Limber can play (there is no sound in it)" */
          fail (task, LIMBER_RECORDING_ERROR_UNPLAYABLE, _("there is no sound in it"));
        else
          fail (task, LIMBER_RECORDING_ERROR_UNPLAYABLE, error->message);
      }
      return G_SOURCE_REMOVE;

    case GST_MESSAGE_EOS:
      stop_decoding (decoding);
      if (decoding->samples->len == 0)
        {
          fail (task, LIMBER_RECORDING_ERROR_UNPLAYABLE, _("there is no sound in it"));
          return G_SOURCE_REMOVE;
        }
      g_task_return_pointer (task, g_byte_array_free_to_bytes (g_steal_pointer (&decoding->samples)),
                             (GDestroyNotify) g_bytes_unref);
      g_object_unref (task);
      return G_SOURCE_REMOVE;

    default:
      g_atomic_int_inc (&decoding->progress);
      return G_SOURCE_CONTINUE;
    }
}

/* GStreamer 1.22's decodebin now and then neither decodes nor fails a file
 * whose type it cannot find: it waits for ever, and the words that wait for
 * the recording would never be said. A decoding with no sample and no
 * message for this long is given up. */
#define STALLED_SECONDS 10

static gboolean
on_watchdog (gpointer user_data)
{
  GTask *task = user_data;
  Decoding *decoding = g_task_get_task_data (task);
  gint progress = g_atomic_int_get (&decoding->progress);

  if (progress != decoding->last_progress)
    {
      decoding->last_progress = progress;
      decoding->quiet_seconds = 0;
      return G_SOURCE_CONTINUE;
    }

  if (++decoding->quiet_seconds < STALLED_SECONDS)
    return G_SOURCE_CONTINUE;

  g_debug ("Decoding stalled: nothing for %u s", decoding->quiet_seconds);
  /* fail() destroys this source; the return value is not looked at then. */
  /* Translators: why a file is not a recording Limber can play, as in
   * "“%s” is not a recording Limber can play (it could not be decoded in time)" */
  fail (task, LIMBER_RECORDING_ERROR_UNPLAYABLE, _("it could not be decoded in time"));
  return G_SOURCE_REMOVE;
}

/* The first stream of sound goes on to the converter; pictures and text go nowhere. */
static void
on_pad_added (GstElement *decoder,
              GstPad     *pad,
              gpointer    user_data)
{
  Decoding *decoding = user_data;
  g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
  g_autoptr(GstElement) convert = gst_bin_get_by_name (GST_BIN (decoding->pipeline), "convert");
  g_autoptr(GstPad) sink_pad = gst_element_get_static_pad (convert, "sink");
  const char *media = caps != NULL ? gst_structure_get_name (gst_caps_get_structure (caps, 0)) : "";

  if (g_str_has_prefix (media, "audio/") && !gst_pad_is_linked (sink_pad) &&
      gst_pad_link (pad, sink_pad) == GST_PAD_LINK_OK)
    g_atomic_int_set (&decoding->has_audio, TRUE);
}

static gboolean
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  GTask *task = user_data;

  stop_decoding (g_task_get_task_data (task));
  g_task_return_error_if_cancelled (task);
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  Decoding *decoding = g_task_get_task_data (task);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) source_element = NULL;
  g_autoptr(GstElement) decoder = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autofree char *description = NULL;
  GstAppSinkCallbacks callbacks = { .new_sample = on_new_sample };

  stream = g_file_read_finish (G_FILE (source), result, &error);
  if (stream == NULL)
    {
      fail_to_read (task, g_steal_pointer (&error));
      return;
    }

  /* Mono, at the voice's rate: one format for the one pipeline that plays. */
  description = g_strdup_printf ("giostreamsrc name=source ! decodebin name=decoder audioconvert name=convert ! audioresample ! "
                                 "audio/x-raw,format=%s,channels=1,rate=%u ! appsink name=sink sync=false",
                                 gst_audio_format_to_string (GST_AUDIO_FORMAT_S16), decoding->sample_rate);
  decoding->pipeline = gst_parse_launch (description, &error);
  if (decoding->pipeline == NULL || error != NULL)
    {
      /* Not the file's fault: a missing part of GStreamer, such as decodebin. */
      g_autofree char *message = g_strdup (error != NULL ? error->message : "GStreamer could not decode it");

      gst_clear_object (&decoding->pipeline);
      fail (task, LIMBER_RECORDING_ERROR_UNPLAYABLE, message);
      return;
    }
  gst_object_ref_sink (decoding->pipeline);

  source_element = gst_bin_get_by_name (GST_BIN (decoding->pipeline), "source");
  g_object_set (source_element, "stream", stream, NULL);
  decoder = gst_bin_get_by_name (GST_BIN (decoding->pipeline), "decoder");
  g_signal_connect (decoder, "pad-added", G_CALLBACK (on_pad_added), decoding);
  sink = gst_bin_get_by_name (GST_BIN (decoding->pipeline), "sink");
  gst_app_sink_set_callbacks (GST_APP_SINK (sink), &callbacks, decoding, NULL);

  bus = gst_element_get_bus (decoding->pipeline);
  gst_bus_add_watch (bus, on_bus_message, task);

  if (g_task_get_cancellable (task) != NULL)
    {
      decoding->cancelled = g_cancellable_source_new (g_task_get_cancellable (task));
      g_source_set_callback (decoding->cancelled, G_SOURCE_FUNC (on_cancelled), task, NULL);
      g_source_attach (decoding->cancelled, g_task_get_context (task));
    }

  decoding->watchdog = g_timeout_source_new_seconds (1);
  g_source_set_callback (decoding->watchdog, on_watchdog, task, NULL);
  g_source_attach (decoding->watchdog, g_task_get_context (task));

  /* A failure is also posted on the bus, with its reason. */
  gst_element_set_state (decoding->pipeline, GST_STATE_PLAYING);
}

static void
on_queried (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info_finish (G_FILE (source), result, &error);
  if (info == NULL)
    {
      fail_to_read (task, g_steal_pointer (&error));
      return;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      /* Translators: why a recording could not be read, as in
       * "The recording “%s” could not be read (it is not a plain file), so Limber’s own voice spoke instead" */
      fail (task, LIMBER_RECORDING_ERROR_UNREADABLE, _("it is not a plain file"));
      return;
    }

  g_file_read_async (G_FILE (source), G_PRIORITY_DEFAULT, g_task_get_cancellable (task), on_opened, task);
}

/**
 * limber_recording_decode_async:
 * @sample_rate: the rate to resample to
 *
 * Reads and decodes all of @file into 16-bit mono samples at @sample_rate.
 */
void
limber_recording_decode_async (GFile               *file,
                               guint                sample_rate,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  Decoding *decoding;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (sample_rate > 0);

  /* Without GStreamer the pipeline cannot be made: the error then says so. */
  if (!gst_init_check (NULL, NULL, NULL))
    g_debug ("GStreamer is unavailable");

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, limber_recording_decode_async);
  decoding = g_new0 (Decoding, 1);
  decoding->samples = g_byte_array_new ();
  decoding->sample_rate = sample_rate;
  decoding->max_bytes = (gsize) LIMBER_RECORDING_MAX_SECONDS * sample_rate * sizeof (gint16);
  g_task_set_task_data (task, decoding, (GDestroyNotify) decoding_free);

  /* Looked at first: opening a FIFO or a device would wait for ever. */
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT, cancellable, on_queried, task);
}

/**
 * limber_recording_decode_finish:
 *
 * Returns: (transfer full): the samples; %NULL with a
 *   %LIMBER_RECORDING_ERROR, or %G_IO_ERROR_CANCELLED
 */
GBytes *
limber_recording_decode_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
