/* limber-untrusted-text.h: checking and quoting text from files Limber did not write
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How much of a rejected value an error message repeats. */
#define LIMBER_UNTRUSTED_TEXT_QUOTE_LENGTH 40

const char *limber_untrusted_text_find_hidden (const char *text,
                                               gsize       length);
char       *limber_untrusted_text_describe    (gunichar    character);
char       *limber_untrusted_text_quote       (const char *text,
                                               gssize      length,
                                               guint       max_characters);
char       *limber_untrusted_text_quote_file  (GFile      *file);

G_END_DECLS
