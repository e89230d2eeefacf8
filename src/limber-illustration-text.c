/* limber-illustration-text.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-illustration-text"

#include "limber-config.h"

#include <glib/gi18n-lib.h>
#include <fribidi.h>

#include "limber-illustration-text.h"

/* A picture's words, such as the distance in the wall push-up, are <text>
 * elements of its SVG. xgettext extracts them through the ITS rules in
 * resources/its/ (whitespace collapsed, as here), and Limber writes the
 * document back out with each one looked up in the translations, so that
 * librsvg draws it in the reader's language and units, in the picture's own
 * font, size and colours; words that read from right to left get
 * direction="rtl", which SVG does not infer, so that "30–60 سم" keeps its
 * order. Everything else is written back as GMarkup read it. */

typedef struct
{
  GString  *document;
  GString  *text_tag;   /* the start tag of the <text> being read, without its ">", or NULL outside one */
  gboolean  has_direction;
  GString  *words;      /* the words of that <text> */
} Translation;

static void
append_escaped (GString    *document,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (document, escaped);
}

static char *
collapse_whitespace (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  GString *collapsed = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (collapsed->len > 0)
        g_string_append_c (collapsed, ' ');
      g_string_append (collapsed, words[i]);
    }

  return g_string_free (collapsed, FALSE);
}

/* As Pango decides a paragraph's direction: by its first strong character. */
static gboolean
reads_right_to_left (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      FriBidiCharType type = fribidi_get_bidi_type (g_utf8_get_char (p));

      if (FRIBIDI_IS_STRONG (type))
        return FRIBIDI_IS_RTL (type);
    }

  return FALSE;
}

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  Translation *translation = user_data;
  GString *tag;

  if (translation->words != NULL)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "the words of a <text> must be plain text, without a <%s> inside", element_name);
      return;
    }

  /* A <text>'s tag waits for its words, which may need a direction. */
  if (g_str_equal (element_name, "text"))
    {
      translation->text_tag = g_string_new (NULL);
      translation->words = g_string_new (NULL);
      translation->has_direction = g_strv_contains ((const char * const *) attribute_names, "direction");
    }
  tag = translation->text_tag != NULL ? translation->text_tag : translation->document;

  g_string_append_printf (tag, "<%s", element_name);
  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      g_string_append_printf (tag, " %s=\"", attribute_names[i]);
      append_escaped (tag, attribute_values[i]);
      g_string_append_c (tag, '"');
    }
  if (tag == translation->document)
    g_string_append_c (tag, '>');
}

static void
on_end_element (GMarkupParseContext  *context,
                const char           *element_name,
                gpointer              user_data,
                GError              **error)
{
  Translation *translation = user_data;

  if (translation->words != NULL)
    {
      g_autoptr(GString) text_tag = g_steal_pointer (&translation->text_tag);
      g_autoptr(GString) words = g_steal_pointer (&translation->words);
      g_autofree char *msgid = collapse_whitespace (words->str);
      /* An empty msgid would look up the translation's header. */
      const char *translated = *msgid != '\0' ? g_dgettext (GETTEXT_PACKAGE, msgid) : "";

      g_string_append (translation->document, text_tag->str);
      if (!translation->has_direction && reads_right_to_left (translated))
        g_string_append (translation->document, " direction=\"rtl\"");
      g_string_append_c (translation->document, '>');
      append_escaped (translation->document, translated);
    }

  g_string_append_printf (translation->document, "</%s>", element_name);
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 text_len,
         gpointer              user_data,
         GError              **error)
{
  Translation *translation = user_data;
  g_autofree char *escaped = NULL;

  if (translation->words != NULL)
    {
      g_string_append_len (translation->words, text, text_len);
      return;
    }

  escaped = g_markup_escape_text (text, text_len);
  g_string_append (translation->document, escaped);
}

/* Comments, the XML declaration: as they were, except inside words. */
static void
on_passthrough (GMarkupParseContext  *context,
                const char           *passthrough_text,
                gsize                 text_len,
                gpointer              user_data,
                GError              **error)
{
  Translation *translation = user_data;

  if (translation->words == NULL)
    g_string_append_len (translation->document, passthrough_text, text_len);
}

static const GMarkupParser translation_parser = {
  .start_element = on_start_element,
  .end_element = on_end_element,
  .text = on_text,
  .passthrough = on_passthrough,
};

/**
 * limber_illustration_text_translate:
 * @svg: an SVG document
 *
 * Returns: (transfer full): @svg with the words of each <text> translated,
 *   or %NULL if @svg is not well-formed or a <text> holds more than words
 */
GBytes *
limber_illustration_text_translate (GBytes  *svg,
                                    GError **error)
{
  Translation translation = { g_string_new (NULL), NULL, FALSE, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  gboolean parsed;

  g_return_val_if_fail (svg != NULL, NULL);

  context = g_markup_parse_context_new (&translation_parser, G_MARKUP_PREFIX_ERROR_POSITION, &translation, NULL);
  parsed = g_markup_parse_context_parse (context, data, size, error) && g_markup_parse_context_end_parse (context, error);

  if (translation.words != NULL)
    {
      g_string_free (translation.text_tag, TRUE);
      g_string_free (translation.words, TRUE);
    }
  if (!parsed)
    {
      g_string_free (translation.document, TRUE);
      return NULL;
    }

  return g_string_free_to_bytes (translation.document);
}
