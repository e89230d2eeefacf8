/* limber-test-timeout.h: a call that fails the test instead of hanging it.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A safety net against a hang, not a performance target. */
#define LIMBER_TEST_HANG_SECONDS 20

gpointer limber_test_call_with_timeout (GThreadFunc  func,
                                        gpointer     data,
                                        const char  *what);

G_END_DECLS
