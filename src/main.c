/* main.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "limber-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LimberApplication) application = NULL;

  setlocale (LC_ALL, "");
  /* An uninstalled build (build-aux/dev, the tests) has its translations in
   * the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LIMBER_LOCALEDIR") != NULL ? g_getenv ("LIMBER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name ("Limber");

  application = limber_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}
