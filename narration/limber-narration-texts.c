/* limber-narration-texts.c: prints what each narration clip says, for the build.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: limber-narration-texts LOCALEDIR LOCALE
 *
 * One line per clip: exercise id, clip file name and text, separated by tabs.
 * The texts come from the same translated catalog the slides show, through
 * the same function the narrator uses, so the audio follows the screen.
 */

#include "limber-config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "limber-catalog.h"
#include "limber-narrator.h"

static void
print_clip (LimberExercise *exercise,
            guint           clip)
{
  g_autofree char *name = limber_narrator_dup_clip_name (clip);
  g_autofree char *text = limber_narrator_dup_clip_text (exercise, clip);

  /* One clip per line, whatever the translation holds. */
  g_strdelimit (text, "\t\r\n", ' ');
  g_print ("%s\t%s\t%s\n", limber_exercise_get_id (exercise), name, text);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items;

  if (argc != 3)
    {
      g_printerr ("Usage: %s LOCALEDIR LOCALE\n", argv[0]);
      return 2;
    }

  /* LANGUAGE picks the translation; gettext ignores it under plain "C". */
  g_setenv ("LANGUAGE", argv[2], TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, argv[1]);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  catalog = limber_catalog_new_default (&error);
  if (catalog == NULL)
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return 1;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      for (guint clip = 0; clip <= limber_exercise_get_n_steps (exercise); clip++)
        print_clip (exercise, clip);
    }

  return 0;
}
