/* limber-recording.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The longest recording Limber takes, so that a wrong file cannot fill the memory. */
#define LIMBER_RECORDING_MAX_SECONDS 600

#define LIMBER_RECORDING_ERROR (limber_recording_error_quark ())

typedef enum {
  LIMBER_RECORDING_ERROR_UNREADABLE,  /* the file could not be opened or read */
  LIMBER_RECORDING_ERROR_UNPLAYABLE,  /* not a recording GStreamer can play: not audio, damaged, no decoder */
  LIMBER_RECORDING_ERROR_TOO_LONG,    /* longer than LIMBER_RECORDING_MAX_SECONDS */
} LimberRecordingError;

GQuark  limber_recording_error_quark  (void);

void    limber_recording_decode_async  (GFile               *file,
                                        guint                sample_rate,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GBytes *limber_recording_decode_finish (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
