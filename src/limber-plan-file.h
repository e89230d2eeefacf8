/* limber-plan-file.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "limber-catalog.h"
#include "limber-plan.h"

G_BEGIN_DECLS

#define LIMBER_PLAN_FILE_ERROR (limber_plan_file_error_quark ())

typedef enum {
  LIMBER_PLAN_FILE_ERROR_TOO_LARGE,
  LIMBER_PLAN_FILE_ERROR_NOT_A_FILE,
  LIMBER_PLAN_FILE_ERROR_ENCODING,
  LIMBER_PLAN_FILE_ERROR_SYNTAX,
  LIMBER_PLAN_FILE_ERROR_MISSING_VERSION,
  LIMBER_PLAN_FILE_ERROR_UNSUPPORTED_VERSION,
  LIMBER_PLAN_FILE_ERROR_UNKNOWN_EXERCISE,
  LIMBER_PLAN_FILE_ERROR_DUPLICATE_GROUP,
  LIMBER_PLAN_FILE_ERROR_UNKNOWN_KEY,
  LIMBER_PLAN_FILE_ERROR_DUPLICATE_KEY,
  LIMBER_PLAN_FILE_ERROR_INVALID_VALUE,
  LIMBER_PLAN_FILE_ERROR_OUT_OF_RANGE,
  LIMBER_PLAN_FILE_ERROR_LOCKED,
} LimberPlanFileError;

#define LIMBER_PLAN_FILE_MAX_SIZE (64 * 1024)

#define LIMBER_TYPE_PLAN_FILE (limber_plan_file_get_type ())

G_DECLARE_FINAL_TYPE (LimberPlanFile, limber_plan_file, LIMBER, PLAN_FILE, GObject)

GQuark          limber_plan_file_error_quark        (void);

LimberPlanFile *limber_plan_file_new_from_bytes     (LimberCatalog   *catalog,
                                                     GBytes          *bytes,
                                                     GError         **error);
LimberPlanFile *limber_plan_file_new_from_file      (LimberCatalog   *catalog,
                                                     GFile           *file,
                                                     GError         **error);
LimberPlanFile *limber_plan_file_new_from_plan      (LimberPlan      *plan);
GBytes         *limber_plan_file_to_bytes           (LimberPlanFile  *self);
gboolean        limber_plan_file_apply              (LimberPlanFile  *self,
                                                     LimberPlan      *plan,
                                                     GError         **error);
gboolean        limber_plan_file_get_shown          (LimberPlanFile  *self,
                                                     const char      *id);
guint           limber_plan_file_get_hold           (LimberPlanFile  *self,
                                                     const char      *id);
guint           limber_plan_file_get_repetitions    (LimberPlanFile  *self,
                                                     const char      *id);

G_END_DECLS
