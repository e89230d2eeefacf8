/* test-recording.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <errno.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <math.h>
#include <string.h>

#include "limber-recording.h"

/* A safety net against a hang, not a performance target. */
#define WAIT_TIMEOUT_SECONDS 60
#define RATE 22050

static char *scratch;

typedef struct {
  GBytes   *samples;
  GError   *error;
  gboolean  done;
} Decoded;

static void
on_decoded (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Decoded *decoded = user_data;

  decoded->samples = limber_recording_decode_finish (result, &decoded->error);
  decoded->done = TRUE;
}

static gboolean
cancel (gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
  return G_SOURCE_REMOVE;
}

/* With @cancellable, cancels it after @cancel_after_ms. */
static void
decode (const char   *path,
        GCancellable *cancellable,
        guint         cancel_after_ms,
        Decoded      *decoded)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_SECONDS * G_USEC_PER_SEC;

  *decoded = (Decoded) { NULL, };
  limber_recording_decode_async (file, RATE, cancellable, on_decoded, decoded);
  if (cancellable != NULL && cancel_after_ms == 0)
    g_cancellable_cancel (cancellable);
  else if (cancellable != NULL)
    g_timeout_add (cancel_after_ms, cancel, cancellable);
  while (!decoded->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (decoded->done);
}

static void
decoded_clear (Decoded *decoded)
{
  g_clear_pointer (&decoded->samples, g_bytes_unref);
  g_clear_error (&decoded->error);
}

/* Encodes with GStreamer what the description's source makes, into @name. */
static char *
make_file (const char *name,
           const char *description)
{
  char *path = g_build_filename (scratch, name, NULL);
  g_autofree char *launch = g_strdup_printf ("%s ! filesink location=\"%s\"", description, path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = gst_parse_launch (launch, &error);
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;

  g_assert_no_error (error);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, WAIT_TIMEOUT_SECONDS * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return path;
}

static char *
make_tone (const char *name,
           guint       milliseconds)
{
  /* 48 kHz stereo Opus: other than what Limber plays, so it is converted. */
  g_autofree char *description =
    g_strdup_printf ("audiotestsrc num-buffers=%u samplesperbuffer=480 ! audio/x-raw,rate=48000,channels=2 ! "
                     "opusenc ! oggmux", milliseconds / 10);

  return make_file (name, description);
}

static double
rms (GBytes *samples)
{
  gsize n;
  const gint16 *values = g_bytes_get_data (samples, &n);
  double sum = 0;

  n /= sizeof (gint16);
  for (gsize i = 0; i < n; i++)
    sum += (double) values[i] * values[i];

  return n > 0 ? sqrt (sum / n) / G_MAXINT16 : 0;
}

static void
test_recording_decodes (void)
{
  g_autofree char *path = make_tone ("tone.ogg", 1000);
  Decoded decoded;
  double seconds;

  decode (path, NULL, 0, &decoded);
  g_assert_no_error (decoded.error);
  seconds = g_bytes_get_size (decoded.samples) / (double) (RATE * sizeof (gint16));
  g_test_message ("%s: %.3f s, RMS %.3f", path, seconds, rms (decoded.samples));
  g_assert_cmpfloat_with_epsilon (seconds, 1.0, 0.05);
  /* audiotestsrc's sine at 0.8 has an RMS of 0.57. */
  g_assert_cmpfloat (rms (decoded.samples), >, 0.3);
  decoded_clear (&decoded);
  g_unlink (path);
}

static void
assert_fails (const char *path,
              int         code,
              const char *cause)
{
  Decoded decoded;

  decode (path, NULL, 0, &decoded);
  g_assert_null (decoded.samples);
  g_assert_error (decoded.error, LIMBER_RECORDING_ERROR, code);
  g_test_message ("%s: %s", path, decoded.error->message);
  if (cause != NULL)
    g_assert_nonnull (strstr (decoded.error->message, cause));
  decoded_clear (&decoded);
}

/* What GIO says about a file it cannot read. */
static void
test_recording_unreadable (void)
{
  g_autofree char *missing = g_build_filename (scratch, "missing.ogg", NULL);

  assert_fails (missing, LIMBER_RECORDING_ERROR_UNREADABLE, g_strerror (ENOENT));
  assert_fails (scratch, LIMBER_RECORDING_ERROR_UNREADABLE, "it is not a plain file");
}

/* A FIFO in the clinic's folder is refused at once: opening it would wait
 * for a writer for ever. */
static void
test_recording_fifo (void)
{
  g_autofree char *fifo = g_build_filename (scratch, "step-1.ogg", NULL);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_fails (fifo, LIMBER_RECORDING_ERROR_UNREADABLE, "it is not a plain file");
  g_unlink (fifo);
}

/* Now and then GStreamer's decodebin neither decodes nor refuses noise, and
 * would wait for ever: every noise ends, decoded or refused. */
static void
test_recording_noise_always_ends (void)
{
  g_autofree char *noise = g_build_filename (scratch, "noise.ogg", NULL);
  guint8 bytes[4096];

  for (guint round = 0; round < 40; round++)
    {
      for (guint i = 0; i < sizeof bytes; i++)
        bytes[i] = (guint8) g_random_int ();
      g_assert_true (g_file_set_contents (noise, (const char *) bytes, sizeof bytes, NULL));
      assert_fails (noise, LIMBER_RECORDING_ERROR_UNPLAYABLE, NULL);
    }
  g_unlink (noise);
}

/* What GStreamer says about a file that is not a recording, or not a whole one. */
static void
test_recording_unplayable (void)
{
  g_autofree char *text = g_build_filename (scratch, "text.ogg", NULL);
  g_autofree char *noise = g_build_filename (scratch, "noise.ogg", NULL);
  g_autofree char *tone = make_tone ("whole.ogg", 1000);
  g_autofree char *truncated = g_build_filename (scratch, "truncated.ogg", NULL);
  g_autofree char *image = make_file ("image.png", "videotestsrc num-buffers=1 ! video/x-raw,width=16,height=16 ! pngenc");
  g_autofree char *contents = NULL;
  guint8 bytes[4096];
  gsize length;

  g_assert_true (g_file_set_contents (text, "Sit on a firm chair.\n", -1, NULL));
  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_random_int ();
  g_assert_true (g_file_set_contents (noise, (const char *) bytes, sizeof bytes, NULL));
  g_assert_true (g_file_get_contents (tone, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, MIN (length, 1500), NULL));

  assert_fails (text, LIMBER_RECORDING_ERROR_UNPLAYABLE, NULL);
  assert_fails (noise, LIMBER_RECORDING_ERROR_UNPLAYABLE, NULL);
  assert_fails (truncated, LIMBER_RECORDING_ERROR_UNPLAYABLE, NULL);
  assert_fails (image, LIMBER_RECORDING_ERROR_UNPLAYABLE, "there is no sound in it");

  g_unlink (text);
  g_unlink (noise);
  g_unlink (tone);
  g_unlink (truncated);
  g_unlink (image);
}

/* A file longer than Limber plays is refused, not held in memory. */
static void
test_recording_too_long (void)
{
  g_autofree char *description =
    g_strdup_printf ("audiotestsrc wave=silence num-buffers=%u samplesperbuffer=8000 ! "
                     "audio/x-raw,format=S16LE,rate=8000,channels=1 ! wavenc", LIMBER_RECORDING_MAX_SECONDS + 1);
  g_autofree char *path = make_file ("long.wav", description);

  assert_fails (path, LIMBER_RECORDING_ERROR_TOO_LONG, NULL);
  g_unlink (path);
}

/* Cancelled before the file is open, and (most likely) while it decodes. */
static void
test_recording_cancelled (void)
{
  g_autofree char *path = make_tone ("cancelled.ogg", 120000);

  for (guint after_ms = 0; after_ms <= 20; after_ms += 20)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      Decoded decoded;

      decode (path, cancellable, after_ms, &decoded);
      g_assert_error (decoded.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_null (decoded.samples);
      decoded_clear (&decoded);
    }
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);
  scratch = g_dir_make_tmp ("limber-recording.XXXXXX", NULL);

  g_test_add_func ("/recording/decodes", test_recording_decodes);
  g_test_add_func ("/recording/unreadable", test_recording_unreadable);
  g_test_add_func ("/recording/fifo", test_recording_fifo);
  g_test_add_func ("/recording/unplayable", test_recording_unplayable);
  g_test_add_func ("/recording/noise-always-ends", test_recording_noise_always_ends);
  g_test_add_func ("/recording/too-long", test_recording_too_long);
  g_test_add_func ("/recording/cancelled", test_recording_cancelled);

  status = g_test_run ();
  g_rmdir (scratch);
  g_free (scratch);

  return status;
}
