/* limber-catalog.h
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "limber-exercise.h"

G_BEGIN_DECLS

#define LIMBER_CATALOG_ERROR (limber_catalog_error_quark ())

typedef enum {
  LIMBER_CATALOG_ERROR_MALFORMED,
  LIMBER_CATALOG_ERROR_ENCODING,
  LIMBER_CATALOG_ERROR_TOO_LARGE,
  LIMBER_CATALOG_ERROR_UNSUPPORTED_VERSION,
  LIMBER_CATALOG_ERROR_UNKNOWN_ELEMENT,
  LIMBER_CATALOG_ERROR_UNKNOWN_ATTRIBUTE,
  LIMBER_CATALOG_ERROR_MISSING_FIELD,
  LIMBER_CATALOG_ERROR_DUPLICATE_FIELD,
  LIMBER_CATALOG_ERROR_DUPLICATE_ID,
  LIMBER_CATALOG_ERROR_INVALID_VALUE,
  LIMBER_CATALOG_ERROR_INVALID_RANGE,
  LIMBER_CATALOG_ERROR_EMPTY_STEPS,
  LIMBER_CATALOG_ERROR_NO_EXERCISES,
  LIMBER_CATALOG_ERROR_NOT_A_FILE,
  LIMBER_CATALOG_ERROR_UNREADABLE,
  LIMBER_CATALOG_ERROR_TOO_MANY,
  LIMBER_CATALOG_ERROR_TOO_LONG,
  LIMBER_CATALOG_ERROR_HIDDEN_CHARACTER,
  LIMBER_CATALOG_ERROR_UNSUPPORTED_MARKUP,
} LimberCatalogError;

/* Every exercise is a slide: more would not be a handout. */
#define LIMBER_CATALOG_MAX_EXERCISES 100

#define LIMBER_CATALOG_DEFAULT_RESOURCE "/io/github/limberapp/Limber/upper-back.catalog.xml"

#define LIMBER_TYPE_CATALOG (limber_catalog_get_type ())

G_DECLARE_FINAL_TYPE (LimberCatalog, limber_catalog, LIMBER, CATALOG, GObject)

GQuark              limber_catalog_error_quark        (void);
const char         *limber_catalog_error_get_file     (const GError   *error);
int                 limber_catalog_error_get_line     (const GError   *error);
const char         *limber_catalog_error_get_exercise (const GError   *error);
const char         *limber_catalog_error_get_field    (const GError   *error);
const char         *limber_catalog_error_get_reason   (const GError   *error);

LimberCatalog      *limber_catalog_new_from_bytes     (GBytes         *bytes,
                                                       GError        **error);
LimberCatalog      *limber_catalog_new_from_file      (GFile          *file,
                                                       GError        **error);
LimberCatalog      *limber_catalog_new_default        (GError        **error);

const char * const *limber_catalog_get_introduction   (LimberCatalog  *self);
const char * const *limber_catalog_get_follow_up_care (LimberCatalog  *self);
LimberExercise     *limber_catalog_lookup             (LimberCatalog  *self,
                                                       const char     *id);

G_END_DECLS
