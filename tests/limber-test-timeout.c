/* limber-test-timeout.c
 *
 * For code that would block forever if it regressed (reading a named pipe):
 * it runs in a thread, and the test aborts with a message after
 * LIMBER_TEST_HANG_SECONDS rather than hang until meson gives up on it.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include "limber-test-timeout.h"

typedef struct
{
  GMutex       mutex;
  GCond        cond;
  GThreadFunc  func;
  gpointer     data;
  gpointer     result;
  gboolean     done;
} Call;

static gpointer
run_call (gpointer user_data)
{
  Call *call = user_data;
  gpointer result = call->func (call->data);

  g_mutex_lock (&call->mutex);
  call->result = result;
  call->done = TRUE;
  g_cond_signal (&call->cond);
  g_mutex_unlock (&call->mutex);

  return NULL;
}

/**
 * limber_test_call_with_timeout:
 * @what: what @func does, for the message if it hangs
 *
 * Returns: what @func returned
 */
gpointer
limber_test_call_with_timeout (GThreadFunc  func,
                               gpointer     data,
                               const char  *what)
{
  /* Static: a thread that hangs keeps it until the abort. */
  static Call call;
  gint64 deadline = g_get_monotonic_time () + LIMBER_TEST_HANG_SECONDS * G_TIME_SPAN_SECOND;
  GThread *thread;

  call.func = func;
  call.data = data;
  call.result = NULL;
  call.done = FALSE;
  thread = g_thread_new ("limber-test-call", run_call, &call);

  g_mutex_lock (&call.mutex);
  while (!call.done)
    if (!g_cond_wait_until (&call.cond, &call.mutex, deadline))
      g_error ("%s did not return within %d s: it blocks", what, LIMBER_TEST_HANG_SECONDS);
  g_mutex_unlock (&call.mutex);

  g_thread_join (thread);
  return call.result;
}
