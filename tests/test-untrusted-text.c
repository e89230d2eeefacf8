/* test-untrusted-text.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include "limber-untrusted-text.h"

static const struct {
  const char *text;
  gunichar    hidden;  /* 0 where the text is fine */
} texts[] = {
  { "Hold for 30 seconds.", 0 },
  { "Two lines,\r\n\tindented.", 0 },
  /* Scripts, joiners and soft hyphens are how languages are written. */
  { "اثبت لمدة ٣٠ ثانية", 0 },
  { "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", 0 },
  { "Schulter\u00adblatt", 0 },
  { "zero\u200bwidth space", 0 },
  { "Hold for \u202e03\u202c seconds.", 0x202e },
  { "\u202aembedding", 0x202a },
  { "\u2066isolate\u2069", 0x2066 },
  { "first\u2069", 0x2069 },
  { "mark\u200e", 0x200e },
  { "mark\u200f", 0x200f },
  { "Arabic mark\u061c", 0x061c },
  { "bell\a", 0x07 },
  { "escape\x1b[31m", 0x1b },
  { "delete\x7f", 0x7f },
  { "C1\xc2\x85", 0x85 },
  { "inner\ufeffmark", 0xfeff },
  { "line\u2028separator", 0x2028 },
  { "paragraph\u2029separator", 0x2029 },
};

static void
test_find_hidden (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *hidden = limber_untrusted_text_find_hidden (texts[i].text, strlen (texts[i].text));

      g_test_message ("%u: %s", i, texts[i].text);
      if (texts[i].hidden == 0)
        g_assert_null (hidden);
      else
        g_assert_cmphex (g_utf8_get_char (hidden), ==, texts[i].hidden);
    }

  /* Only within the length given; a nul is a control character. */
  g_assert_null (limber_untrusted_text_find_hidden ("fine\u202e", strlen ("fine")));
  g_assert_nonnull (limber_untrusted_text_find_hidden ("a\0b", 3));
}

static void
test_describe (void)
{
  g_autofree char *direction = limber_untrusted_text_describe (0x202e);
  g_autofree char *control = limber_untrusted_text_describe (0x07);
  g_autofree char *mark = limber_untrusted_text_describe (0xfeff);
  g_autofree char *separator = limber_untrusted_text_describe (0x2028);

  g_assert_cmpstr (direction, ==, "an invisible character that changes the direction of the text (U+202E)");
  g_assert_cmpstr (control, ==, "a control character (U+0007)");
  g_assert_cmpstr (mark, ==, "an invisible byte-order mark inside the text (U+FEFF)");
  g_assert_cmpstr (separator, ==, "an invisible line or paragraph separator (U+2028)");
}

static void
test_quote (void)
{
  g_autofree char *plain = limber_untrusted_text_quote ("twenty", -1, 40);
  g_autofree char *hidden = limber_untrusted_text_quote ("2\u202e0\n\t1", -1, 40);
  g_autofree char *long_text = limber_untrusted_text_quote ("abcdefghijklmnopqrstuvwxyz", -1, 10);
  g_autofree char *exact = limber_untrusted_text_quote ("abcdefghij", -1, 10);
  g_autofree char *wide = limber_untrusted_text_quote ("ثانيةثانيةثانية", -1, 5);
  g_autofree char *broken = limber_untrusted_text_quote ("caf\xe9\0x", 6, 40);

  g_assert_cmpstr (plain, ==, "twenty");
  g_assert_cmpstr (hidden, ==, "2<U+202E>0  1");
  g_assert_cmpstr (long_text, ==, "abcdefghij…");
  g_assert_cmpstr (exact, ==, "abcdefghij");
  g_assert_cmpstr (wide, ==, "ثانية…");
  /* Not UTF-8, and a nul: still one valid string, all of it. */
  g_assert_true (g_utf8_validate (broken, -1, NULL));
  g_assert_cmpstr (broken, ==, "caf\ufffd\ufffdx");
}

static void
test_quote_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/srv/clinic & <co>\u202e\n/catalog.xml");
  g_autoptr(GFile) resource = g_file_new_for_uri ("resource:///io/github/limberapp/Limber/style.css");
  g_autofree char *name = limber_untrusted_text_quote_file (file);
  g_autofree char *resource_name = limber_untrusted_text_quote_file (resource);

  /* The path itself, not a URI with %20s, and all of it. */
  g_assert_cmpstr (name, ==, "/srv/clinic & <co><U+202E> /catalog.xml");
  g_assert_cmpstr (resource_name, ==, "resource:///io/github/limberapp/Limber/style.css");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/untrusted-text/find-hidden", test_find_hidden);
  g_test_add_func ("/untrusted-text/describe", test_describe);
  g_test_add_func ("/untrusted-text/quote", test_quote);
  g_test_add_func ("/untrusted-text/quote-file", test_quote_file);

  return g_test_run ();
}
