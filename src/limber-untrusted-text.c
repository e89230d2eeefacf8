/* limber-untrusted-text.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-untrusted-text"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-untrusted-text.h"

typedef enum {
  SHOWN,
  CONTROL,
  DIRECTION,
  BYTE_ORDER_MARK,
  SEPARATOR,
} CharacterKind;

static CharacterKind
classify (gunichar c)
{
  /* Tabs and line ends are how text files are laid out. */
  if (c == '\t' || c == '\n' || c == '\r')
    return SHOWN;

  if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
    return CONTROL;

  /* Embeddings, overrides and isolates, and the marks: invisible, and they
   * reorder what is around them ("03 seconds" shown as "30 seconds"). */
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
      c == 0x200e || c == 0x200f || c == 0x061c)
    return DIRECTION;

  if (c == 0xfeff)
    return BYTE_ORDER_MARK;

  if (c == 0x2028 || c == 0x2029)
    return SEPARATOR;

  return SHOWN;
}

/**
 * limber_untrusted_text_find_hidden:
 * @text: valid UTF-8
 * @length: its length in bytes
 *
 * Finds the first character that has no business in text a clinic wrote for
 * people to read: a control character, an invisible change of text
 * direction, a byte-order mark inside the text, or a line or paragraph
 * separator that no editor shows.
 *
 * Returns: (nullable): where it starts in @text, or %NULL if there is none
 */
const char *
limber_untrusted_text_find_hidden (const char *text,
                                   gsize       length)
{
  const char *end = text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if (classify (g_utf8_get_char (p)) != SHOWN)
      return p;

  return NULL;
}

/**
 * limber_untrusted_text_describe:
 *
 * Returns: (transfer full): what @character is, for an error message, such
 *   as "an invisible character that changes the direction of the text (U+202E)"
 */
char *
limber_untrusted_text_describe (gunichar character)
{
  switch (classify (character))
    {
    case CONTROL:
      /* Translators: %04X is a character's code point, e.g. "a control character (U+0007)" */
      return g_strdup_printf (_("a control character (U+%04X)"), (guint)character);
    case DIRECTION:
      /* Translators: %04X is a character's code point, such as 202E */
      return g_strdup_printf (_("an invisible character that changes the direction of the text (U+%04X)"),
                              (guint)character);
    case BYTE_ORDER_MARK:
      /* Translators: %04X is a character's code point, FEFF */
      return g_strdup_printf (_("an invisible byte-order mark inside the text (U+%04X)"), (guint)character);
    case SEPARATOR:
      /* Translators: %04X is a character's code point, such as 2028 */
      return g_strdup_printf (_("an invisible line or paragraph separator (U+%04X)"), (guint)character);
    case SHOWN:
    default:
      return g_strdup_printf ("U+%04X", (guint)character);
    }
}

/**
 * limber_untrusted_text_quote:
 * @text: the text, in any encoding
 * @length: its length in bytes, or -1 if it ends with a nul
 * @max_characters: how many characters to keep
 *
 * Makes a value read from a file safe to repeat in an error message: valid
 * UTF-8, on one line, with every hidden character written out as its code
 * point (<U+202E>), and cut short with "…" after @max_characters.
 *
 * Returns: (transfer full): the quotable text
 */
char *
limber_untrusted_text_quote (const char *text,
                             gssize      length,
                             guint       max_characters)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  GString *quoted = g_string_new (NULL);
  guint n_characters = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), n_characters++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n_characters == max_characters)
        {
          g_string_append (quoted, "…");
          break;
        }

      if (c == '\t' || c == '\n' || c == '\r')
        g_string_append_c (quoted, ' ');
      else if (classify (c) != SHOWN)
        g_string_append_printf (quoted, "<U+%04X>", (guint)c);
      else
        g_string_append_unichar (quoted, c);
    }

  return g_string_free (quoted, FALSE);
}

/**
 * limber_untrusted_text_quote_file:
 *
 * Returns: (transfer full): the name of @file to show in a message: its path
 *   as it is (not a URI, whatever it holds), in full, with nothing hidden
 */
char *
limber_untrusted_text_quote_file (GFile *file)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_file_peek_path (file) != NULL)
    name = g_filename_display_name (g_file_peek_path (file));
  else
    name = g_file_get_parse_name (file);

  return limber_untrusted_text_quote (name, -1, G_MAXUINT);
}
