/* limber-window-plan-files.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing and exporting plan files from the window: the file chooser,
 * and a message naming what was wrong, with the plan left as it was.
 */

#define G_LOG_DOMAIN "limber-window"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-compat.h"
#include "limber-plan-file.h"
#include "limber-window-internal.h"

static void
show_error (LimberWindow *self,
            const char   *heading,
            const GError *error)
{
  limber_compat_present_message (GTK_WIDGET (self), heading, error->message);
}

/**
 * limber_window_import_plan:
 *
 * Reads a plan file and, if every line of it is right, makes it the plan.
 * Otherwise tells the person what is wrong, and the plan stays as it was.
 */
gboolean
limber_window_import_plan (LimberWindow *self,
                           GFile        *file)
{
  g_autoptr(LimberPlanFile) plan_file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIMBER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  plan_file = limber_plan_file_new_from_file (limber_plan_get_catalog (self->plan), file, &error);
  if (plan_file == NULL || !limber_plan_file_apply (plan_file, self->plan, &error))
    {
      show_error (self, _("The Plan Could Not Be Imported"), error);
      return FALSE;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Plan imported")));
  return TRUE;
}

/**
 * limber_window_export_plan:
 *
 * Writes the plan to @file, for another computer or a clinic's records.
 */
gboolean
limber_window_export_plan (LimberWindow *self,
                           GFile        *file)
{
  g_autoptr(LimberPlanFile) plan_file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIMBER_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  plan_file = limber_plan_file_new_from_plan (self->plan);
  bytes = limber_plan_file_to_bytes (plan_file);
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      show_error (self, _("The Plan Could Not Be Exported"), error);
      return FALSE;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Plan exported")));
  return TRUE;
}

static void
on_import_file_chosen (GFile    *file,
                       gpointer  user_data)
{
  g_autoptr(LimberWindow) self = user_data;

  if (file != NULL)
    limber_window_import_plan (self, file);
}

static void
on_export_file_chosen (GFile    *file,
                       gpointer  user_data)
{
  g_autoptr(LimberWindow) self = user_data;

  if (file != NULL)
    limber_window_export_plan (self, file);
}

void
_limber_window_choose_plan_to_import (LimberWindow *self)
{
  limber_compat_choose_file (GTK_WINDOW (self), _("Import a Plan"), FALSE, NULL, _("Limber plans"), "*.plan",
                             on_import_file_chosen, g_object_ref (self));
}

void
_limber_window_choose_plan_export (LimberWindow *self)
{
  /* Translators: the suggested file name of an exported plan; keep “.plan” */
  limber_compat_choose_file (GTK_WINDOW (self), _("Export the Plan"), TRUE, _("my-exercises.plan"),
                             _("Limber plans"), "*.plan", on_export_file_chosen, g_object_ref (self));
}
