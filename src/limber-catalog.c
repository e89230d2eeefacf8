/* limber-catalog.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-catalog"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-catalog.h"

/* Guards against a catalog that is not one; the real one is a few KiB. */
#define MAX_CATALOG_SIZE (1024 * 1024)
#define MAX_HOLD_SECONDS 600
#define MAX_REPETITIONS 100

struct _LimberCatalog
{
  GObject    parent_instance;

  GPtrArray *exercises;
  GStrv      introduction;
  GStrv      follow_up_care;
};

static void limber_catalog_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LimberCatalog, limber_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      limber_catalog_list_model_init))

G_DEFINE_QUARK (limber-catalog-error-quark, limber_catalog_error)

/* ------------------------------------------------------------------------ */
/* Parsing                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct
{
  char       *label;   /* the id, or a position while the id is unknown */
  char       *id;
  char       *title;
  char       *summary;
  char       *illustration;
  char       *alt_text;
  char       *warning;
  char       *equipment;
  gboolean    has_hold;
  guint       hold_min;
  guint       hold_max;
  gboolean    has_repetitions;
  guint       repetitions_min;
  guint       repetitions_max;
  gboolean    repeat_each_direction;
  gboolean    has_steps;
  GPtrArray  *steps;
  GByteArray *step_kinds;
  GByteArray *step_counts;
  GByteArray *step_positions;
} ExerciseDraft;

typedef struct
{
  GMarkupParseContext *context;
  gboolean             seen_catalog;
  GPtrArray           *exercises;
  GHashTable          *ids;
  GPtrArray           *introduction;
  GPtrArray           *follow_up_care;
  ExerciseDraft       *draft;
  guint                n_exercises_started;

  /* The text element being read, if any. */
  const char          *text_element;
  GString             *text;
  LimberStepKind       step_kind;
  LimberStepCount      step_count;
  gboolean             step_changes_position;
} CatalogParser;

static void
exercise_draft_free (ExerciseDraft *draft)
{
  g_free (draft->label);
  g_free (draft->id);
  g_free (draft->title);
  g_free (draft->summary);
  g_free (draft->illustration);
  g_free (draft->alt_text);
  g_free (draft->warning);
  g_free (draft->equipment);
  g_ptr_array_unref (draft->steps);
  g_byte_array_unref (draft->step_kinds);
  g_byte_array_unref (draft->step_counts);
  g_byte_array_unref (draft->step_positions);
  g_free (draft);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExerciseDraft, exercise_draft_free)

static void G_GNUC_PRINTF (5, 6)
set_error (CatalogParser       *parser,
           GError             **error,
           LimberCatalogError   code,
           const char          *field,
           const char          *format,
           ...)
{
  g_autofree char *raw_reason = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *where = NULL;
  va_list args;
  int line = 0;

  va_start (args, format);
  raw_reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* GMarkup quotes the offending bytes, which need not be UTF-8. */
  reason = g_utf8_make_valid (raw_reason, -1);

  if (parser->context != NULL)
    g_markup_parse_context_get_position (parser->context, &line, NULL);

  if (parser->draft != NULL)
    /* Translators: where a catalog error is, e.g. exercise “wall-push-up”, field “hold” */
    where = g_strdup_printf (_("exercise “%s”, field “%s”"), parser->draft->label, field);
  else
    /* Translators: where a catalog error is, outside any exercise */
    where = g_strdup_printf (_("catalog, field “%s”"), field);

  if (line > 0)
    /* Translators: a catalog error: line number, where it is, and what is wrong */
    g_set_error (error, LIMBER_CATALOG_ERROR, code, _("Line %d: %s: %s"), line, where, reason);
  else
    g_set_error (error, LIMBER_CATALOG_ERROR, code, "%s: %s", where, reason);
}

static char *
normalize_whitespace (const char *text)
{
  g_autoptr(GString) normalized = g_string_new (NULL);
  gboolean pending_space = FALSE;

  /* The same folding xgettext applies to ITS text, so the msgids match. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          pending_space = normalized->len > 0;
          continue;
        }

      if (pending_space)
        g_string_append_c (normalized, ' ');
      pending_space = FALSE;
      g_string_append_c (normalized, *p);
    }

  return g_string_free (g_steal_pointer (&normalized), FALSE);
}

static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

typedef struct
{
  const char *parent;
  const char *element;
  const char *attributes[4];
} ElementRule;

static const ElementRule element_rules[] = {
  { NULL,             "catalog",        { "version" } },
  { "catalog",        "introduction",   { NULL } },
  { "catalog",        "follow-up-care", { NULL } },
  { "catalog",        "exercise",       { "id" } },
  { "introduction",   "paragraph",      { NULL } },
  { "follow-up-care", "paragraph",      { NULL } },
  { "exercise",       "title",          { NULL } },
  { "exercise",       "summary",        { NULL } },
  { "exercise",       "illustration",   { NULL } },
  { "exercise",       "alt-text",       { NULL } },
  { "exercise",       "warning",        { NULL } },
  { "exercise",       "equipment",      { NULL } },
  { "exercise",       "hold",           { "min", "max" } },
  { "exercise",       "repetitions",    { "min", "max", "each-direction" } },
  { "exercise",       "steps",          { NULL } },
  { "steps",          "step",           { "kind", "count", "position" } },
};

static const ElementRule *
find_element_rule (const char *parent,
                   const char *element)
{
  for (guint i = 0; i < G_N_ELEMENTS (element_rules); i++)
    if (g_strcmp0 (element_rules[i].parent, parent) == 0 &&
        g_str_equal (element_rules[i].element, element))
      return &element_rules[i];

  return NULL;
}

static gboolean
check_attributes (CatalogParser       *parser,
                  const ElementRule   *rule,
                  const char         **names,
                  GError             **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!g_strv_contains (rule->attributes, names[i]))
        {
          set_error (parser, error, LIMBER_CATALOG_ERROR_UNKNOWN_ATTRIBUTE, rule->element,
                     _("unknown attribute “%s”"), names[i]);
          return FALSE;
        }

      for (guint j = 0; j < i; j++)
        if (g_str_equal (names[i], names[j]))
          {
            set_error (parser, error, LIMBER_CATALOG_ERROR_DUPLICATE_FIELD, rule->element,
                       _("attribute “%s” is given twice"), names[i]);
            return FALSE;
          }
    }

  return TRUE;
}

static const char *
lookup_attribute (const char **names,
                  const char **values,
                  const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];

  return NULL;
}

static gboolean
parse_count (CatalogParser  *parser,
             const char     *field,
             const char     *attribute,
             const char     *text,
             guint           min,
             guint           max,
             guint          *out_value,
             GError        **error)
{
  guint64 value;

  if (text == NULL)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_MISSING_FIELD, field,
                 _("the “%s” attribute is missing"), attribute);
      return FALSE;
    }

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &value, NULL))
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, field,
                 _("“%s” must be a whole number from %u to %u, not “%s”"),
                 attribute, min, max, text);
      return FALSE;
    }

  *out_value = (guint)value;
  return TRUE;
}

static gboolean
parse_range (CatalogParser  *parser,
             const char     *field,
             const char    **names,
             const char    **values,
             guint           limit,
             guint          *out_min,
             guint          *out_max,
             GError        **error)
{
  if (!parse_count (parser, field, "min", lookup_attribute (names, values, "min"), 1, limit, out_min, error) ||
      !parse_count (parser, field, "max", lookup_attribute (names, values, "max"), 1, limit, out_max, error))
    return FALSE;

  if (*out_min > *out_max)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_INVALID_RANGE, field,
                 _("the minimum (%u) is greater than the maximum (%u)"), *out_min, *out_max);
      return FALSE;
    }

  return TRUE;
}

static gboolean
start_exercise (CatalogParser  *parser,
                const char    **names,
                const char    **values,
                GError        **error)
{
  const char *id = lookup_attribute (names, values, "id");
  g_autoptr(ExerciseDraft) draft = g_new0 (ExerciseDraft, 1);

  parser->n_exercises_started++;
  draft->label = is_valid_id (id) ? g_strdup (id)
                                  : g_strdup_printf (_("number %u"), parser->n_exercises_started);
  draft->steps = g_ptr_array_new_with_free_func (g_free);
  draft->step_kinds = g_byte_array_new ();
  draft->step_counts = g_byte_array_new ();
  draft->step_positions = g_byte_array_new ();
  parser->draft = g_steal_pointer (&draft);

  if (id == NULL)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_MISSING_FIELD, "id", _("every exercise needs an id"));
      return FALSE;
    }

  if (!is_valid_id (id))
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, "id",
                 _("“%s” is not a valid id: use lower-case letters, digits and “-”"), id);
      return FALSE;
    }

  if (g_hash_table_contains (parser->ids, id))
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_DUPLICATE_ID, "id",
                 _("another exercise already has this id"));
      return FALSE;
    }

  parser->draft->id = g_strdup (id);
  return TRUE;
}

static char **
text_field_slot (ExerciseDraft *draft,
                 const char    *element)
{
  if (g_str_equal (element, "title"))
    return &draft->title;
  if (g_str_equal (element, "summary"))
    return &draft->summary;
  if (g_str_equal (element, "illustration"))
    return &draft->illustration;
  if (g_str_equal (element, "alt-text"))
    return &draft->alt_text;
  if (g_str_equal (element, "warning"))
    return &draft->warning;
  if (g_str_equal (element, "equipment"))
    return &draft->equipment;

  return NULL;
}

static gboolean
start_step (CatalogParser  *parser,
            const char    **names,
            const char    **values,
            GError        **error)
{
  const char *kind = lookup_attribute (names, values, "kind");
  const char *count = lookup_attribute (names, values, "count");
  const char *position = lookup_attribute (names, values, "position");

  if (kind == NULL)
    parser->step_kind = LIMBER_STEP_KIND_ACTION;
  else if (g_str_equal (kind, "hold"))
    parser->step_kind = LIMBER_STEP_KIND_HOLD;
  else if (g_str_equal (kind, "repeat"))
    parser->step_kind = LIMBER_STEP_KIND_REPEAT;
  else
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, "step",
                 _("step kind “%s” is not “hold” or “repeat”"), kind);
      return FALSE;
    }

  parser->step_count = LIMBER_STEP_COUNT_NONE;
  if (count != NULL && !limber_exercise_step_count_from_string (count, &parser->step_count))
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, "step",
                 _("step count “%s” is not one of “stay”, “stretch-times”, “times”, “circles” or “circles-again”"),
                 count);
      return FALSE;
    }

  /* A number of seconds belongs to a hold, a number of times to a repeat. */
  if ((parser->step_count == LIMBER_STEP_COUNT_STAY && parser->step_kind != LIMBER_STEP_KIND_HOLD) ||
      (parser->step_count != LIMBER_STEP_COUNT_STAY && parser->step_count != LIMBER_STEP_COUNT_NONE &&
       parser->step_kind != LIMBER_STEP_KIND_REPEAT))
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, "step",
                 _("step count “%s” does not go with step kind “%s”"), count, kind != NULL ? kind : "");
      return FALSE;
    }

  if (position != NULL && !g_str_equal (position, "change"))
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, "step",
                 _("step position must be “change”, not “%s”"), position);
      return FALSE;
    }
  parser->step_changes_position = position != NULL;

  return TRUE;
}

static void
catalog_start_element (GMarkupParseContext  *context,
                       const char           *element_name,
                       const char          **names,
                       const char          **values,
                       gpointer              user_data,
                       GError              **error)
{
  CatalogParser *parser = user_data;
  const GSList *stack = g_markup_parse_context_get_element_stack (context);
  const char *parent = stack->next != NULL ? stack->next->data : NULL;
  const ElementRule *rule = find_element_rule (parent, element_name);

  if (rule == NULL)
    {
      if (parent == NULL)
        set_error (parser, error, LIMBER_CATALOG_ERROR_UNKNOWN_ELEMENT, element_name,
                   _("this is not an exercise catalog: it starts with <%s>, not <catalog>"), element_name);
      else
        set_error (parser, error, LIMBER_CATALOG_ERROR_UNKNOWN_ELEMENT, element_name,
                   _("<%s> is not allowed inside <%s>"), element_name, parent);
      return;
    }

  if (g_str_equal (element_name, "exercise"))
    {
      if (!start_exercise (parser, names, values, error))
        return;
    }

  if (!check_attributes (parser, rule, names, error))
    return;

  if (g_str_equal (element_name, "catalog"))
    {
      const char *version = lookup_attribute (names, values, "version");

      if (g_strcmp0 (version, "1") != 0)
        set_error (parser, error, LIMBER_CATALOG_ERROR_UNSUPPORTED_VERSION, "version",
                   _("version “%s” is not supported; this version of Limber reads version 1"),
                   version != NULL ? version : "");
      parser->seen_catalog = TRUE;
    }
  else if (g_str_equal (element_name, "introduction") || g_str_equal (element_name, "follow-up-care"))
    {
      GPtrArray **slot = g_str_equal (element_name, "introduction") ? &parser->introduction
                                                                    : &parser->follow_up_care;

      if (*slot != NULL)
        set_error (parser, error, LIMBER_CATALOG_ERROR_DUPLICATE_FIELD, element_name,
                   _("it is given twice"));
      else
        *slot = g_ptr_array_new_with_free_func (g_free);
    }
  else if (g_str_equal (element_name, "hold"))
    {
      if (parser->draft->has_hold)
        set_error (parser, error, LIMBER_CATALOG_ERROR_DUPLICATE_FIELD, "hold", _("it is given twice"));
      else if (parse_range (parser, "hold", names, values, MAX_HOLD_SECONDS,
                            &parser->draft->hold_min, &parser->draft->hold_max, error))
        parser->draft->has_hold = TRUE;
    }
  else if (g_str_equal (element_name, "repetitions"))
    {
      const char *each_direction = lookup_attribute (names, values, "each-direction");

      if (parser->draft->has_repetitions)
        set_error (parser, error, LIMBER_CATALOG_ERROR_DUPLICATE_FIELD, "repetitions", _("it is given twice"));
      else if (each_direction != NULL && !g_str_equal (each_direction, "true") && !g_str_equal (each_direction, "false"))
        set_error (parser, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, "repetitions",
                   _("“each-direction” must be “true” or “false”, not “%s”"), each_direction);
      else if (parse_range (parser, "repetitions", names, values, MAX_REPETITIONS,
                            &parser->draft->repetitions_min, &parser->draft->repetitions_max, error))
        {
          parser->draft->has_repetitions = TRUE;
          parser->draft->repeat_each_direction = g_strcmp0 (each_direction, "true") == 0;
        }
    }
  else if (g_str_equal (element_name, "steps"))
    {
      if (parser->draft->has_steps)
        set_error (parser, error, LIMBER_CATALOG_ERROR_DUPLICATE_FIELD, "steps", _("it is given twice"));
      parser->draft->has_steps = TRUE;
    }
  else if (g_str_equal (element_name, "step") || g_str_equal (element_name, "paragraph"))
    {
      if (g_str_equal (element_name, "step") && !start_step (parser, names, values, error))
        return;
      parser->text_element = rule->element;
      parser->text = g_string_new (NULL);
    }
  else if (text_field_slot (parser->draft, element_name) != NULL)
    {
      if (*text_field_slot (parser->draft, element_name) != NULL)
        {
          set_error (parser, error, LIMBER_CATALOG_ERROR_DUPLICATE_FIELD, element_name,
                     _("it is given twice"));
          return;
        }
      parser->text_element = rule->element;
      parser->text = g_string_new (NULL);
    }
}

static gboolean
text_is_blank (const char *text,
               gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;

  return TRUE;
}

static void
catalog_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 text_len,
              gpointer              user_data,
              GError              **error)
{
  CatalogParser *parser = user_data;
  const char *element = g_markup_parse_context_get_element (context);

  if (!g_utf8_validate_len (text, text_len, NULL))
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_ENCODING, element != NULL ? element : "catalog",
                 _("the text is not valid UTF-8"));
      return;
    }

  if (parser->text != NULL)
    g_string_append_len (parser->text, text, text_len);
  else if (!text_is_blank (text, text_len))
    set_error (parser, error, LIMBER_CATALOG_ERROR_UNKNOWN_ELEMENT, element != NULL ? element : "catalog",
               _("text is not allowed here"));
}

static char *
take_text (CatalogParser  *parser,
           const char     *field,
           gboolean        translate,
           GError        **error)
{
  g_autoptr(GString) raw = g_steal_pointer (&parser->text);
  g_autofree char *normalized = normalize_whitespace (raw->str);
  /* A counted step may be its count sentence alone. */
  gboolean may_be_empty = g_str_equal (field, "step") && parser->step_count != LIMBER_STEP_COUNT_NONE;

  parser->text_element = NULL;

  if (*normalized == '\0' && may_be_empty)
    return g_steal_pointer (&normalized);

  if (*normalized == '\0')
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, field, _("it is empty"));
      return NULL;
    }

  if (!translate)
    return g_steal_pointer (&normalized);

  return g_strdup (g_dgettext (GETTEXT_PACKAGE, normalized));
}

static gboolean
finish_exercise (CatalogParser  *parser,
                 GError        **error)
{
  static const struct { const char *field; gsize offset; } required_text[] = {
    { "title", G_STRUCT_OFFSET (ExerciseDraft, title) },
    { "summary", G_STRUCT_OFFSET (ExerciseDraft, summary) },
    { "illustration", G_STRUCT_OFFSET (ExerciseDraft, illustration) },
    { "alt-text", G_STRUCT_OFFSET (ExerciseDraft, alt_text) },
  };
  ExerciseDraft *draft = parser->draft;
  g_autofree char *resource_path = NULL;
  g_autoptr(GVariant) step_kinds = NULL;
  g_autoptr(GVariant) step_counts = NULL;
  g_autoptr(GVariant) step_positions = NULL;
  LimberExercise *exercise;

  for (guint i = 0; i < G_N_ELEMENTS (required_text); i++)
    if (G_STRUCT_MEMBER (char *, draft, required_text[i].offset) == NULL)
      {
        set_error (parser, error, LIMBER_CATALOG_ERROR_MISSING_FIELD, required_text[i].field, _("it is missing"));
        return FALSE;
      }

  if (!draft->has_repetitions)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_MISSING_FIELD, "repetitions", _("it is missing"));
      return FALSE;
    }

  if (!draft->has_steps)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_MISSING_FIELD, "steps", _("it is missing"));
      return FALSE;
    }

  if (draft->steps->len == 0)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_EMPTY_STEPS, "steps", _("there are no steps"));
      return FALSE;
    }

  for (guint i = 0; i < draft->step_kinds->len; i++)
    if (draft->step_kinds->data[i] == LIMBER_STEP_KIND_HOLD && !draft->has_hold)
      {
        set_error (parser, error, LIMBER_CATALOG_ERROR_MISSING_FIELD, "hold",
                   _("step %u is a hold, but the exercise gives no hold time"), i + 1);
        return FALSE;
      }

  if (strstr (draft->illustration, "..") != NULL || draft->illustration[0] == '/')
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, "illustration",
                 _("“%s” must be a path inside Limber’s resources"), draft->illustration);
      return FALSE;
    }

  resource_path = g_build_path ("/", RESOURCE_BASE_PATH, draft->illustration, NULL);
  if (!g_resources_get_info (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, "illustration",
                 _("there is no picture “%s”"), draft->illustration);
      return FALSE;
    }

  g_ptr_array_add (draft->steps, NULL);
  step_kinds = g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE,
                                                              draft->step_kinds->data,
                                                              draft->step_kinds->len, 1));
  step_counts = g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE,
                                                               draft->step_counts->data,
                                                               draft->step_counts->len, 1));
  step_positions = g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE,
                                                                  draft->step_positions->data,
                                                                  draft->step_positions->len, 1));

  exercise = g_object_new (LIMBER_TYPE_EXERCISE,
                           "id", draft->id,
                           "title", draft->title,
                           "summary", draft->summary,
                           "steps", (GStrv)draft->steps->pdata,
                           "step-kinds", step_kinds,
                           "step-counts", step_counts,
                           "step-positions", step_positions,
                           "hold-min", draft->hold_min,
                           "hold-max", draft->hold_max,
                           "repetitions-min", draft->repetitions_min,
                           "repetitions-max", draft->repetitions_max,
                           "repeat-each-direction", draft->repeat_each_direction,
                           "warning", draft->warning,
                           "equipment", draft->equipment,
                           "illustration", resource_path,
                           "alt-text", draft->alt_text,
                           NULL);

  g_hash_table_add (parser->ids, g_strdup (draft->id));
  g_ptr_array_add (parser->exercises, exercise);
  g_clear_pointer (&parser->draft, exercise_draft_free);

  return TRUE;
}

static void
catalog_end_element (GMarkupParseContext  *context,
                     const char           *element_name,
                     gpointer              user_data,
                     GError              **error)
{
  CatalogParser *parser = user_data;

  if (parser->text != NULL)
    {
      gboolean translate = !g_str_equal (element_name, "illustration");
      char *text = take_text (parser, element_name, translate, error);

      if (text == NULL)
        return;

      if (g_str_equal (element_name, "step"))
        {
          guint8 kind = parser->step_kind;
          guint8 count = parser->step_count;
          guint8 position = parser->step_changes_position;

          g_ptr_array_add (parser->draft->steps, text);
          g_byte_array_append (parser->draft->step_kinds, &kind, 1);
          g_byte_array_append (parser->draft->step_counts, &count, 1);
          g_byte_array_append (parser->draft->step_positions, &position, 1);
        }
      else if (g_str_equal (element_name, "paragraph"))
        {
          const GSList *stack = g_markup_parse_context_get_element_stack (context);

          if (g_str_equal (stack->next->data, "introduction"))
            g_ptr_array_add (parser->introduction, text);
          else
            g_ptr_array_add (parser->follow_up_care, text);
        }
      else
        *text_field_slot (parser->draft, element_name) = text;
    }
  else if (g_str_equal (element_name, "exercise"))
    {
      finish_exercise (parser, error);
    }
  else if (g_str_equal (element_name, "introduction") && parser->introduction->len == 0)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_MISSING_FIELD, "introduction", _("it has no paragraphs"));
    }
  else if (g_str_equal (element_name, "follow-up-care") && parser->follow_up_care->len == 0)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_MISSING_FIELD, "follow-up-care", _("it has no paragraphs"));
    }
}

static const GMarkupParser catalog_markup_parser = {
  .start_element = catalog_start_element,
  .end_element = catalog_end_element,
  .text = catalog_text,
};

static void
catalog_parser_clear (CatalogParser *parser)
{
  g_clear_pointer (&parser->context, g_markup_parse_context_free);
  g_clear_pointer (&parser->exercises, g_ptr_array_unref);
  g_clear_pointer (&parser->ids, g_hash_table_unref);
  g_clear_pointer (&parser->introduction, g_ptr_array_unref);
  g_clear_pointer (&parser->follow_up_care, g_ptr_array_unref);
  g_clear_pointer (&parser->draft, exercise_draft_free);
  if (parser->text != NULL)
    g_string_free (g_steal_pointer (&parser->text), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CatalogParser, catalog_parser_clear)

static GStrv
take_paragraphs (GPtrArray **paragraphs)
{
  g_ptr_array_add (*paragraphs, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (paragraphs), FALSE);
}

static gboolean
parse_catalog (CatalogParser  *parser,
               const char     *data,
               gsize           length,
               GError        **error)
{
  g_autoptr(GError) markup_error = NULL;

  if (length > MAX_CATALOG_SIZE)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_TOO_LARGE, "catalog",
                 _("the file is larger than %u KiB"), MAX_CATALOG_SIZE / 1024);
      return FALSE;
    }

  parser->context = g_markup_parse_context_new (&catalog_markup_parser, G_MARKUP_TREAT_CDATA_AS_TEXT,
                                                parser, NULL);

  if (!g_markup_parse_context_parse (parser->context, data, length, &markup_error) ||
      !g_markup_parse_context_end_parse (parser->context, &markup_error))
    {
      const char *element;

      if (markup_error->domain == LIMBER_CATALOG_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&markup_error));
          return FALSE;
        }

      element = g_markup_parse_context_get_element (parser->context);
      if (element == NULL)
        element = "catalog";

      if (g_error_matches (markup_error, G_MARKUP_ERROR, G_MARKUP_ERROR_BAD_UTF8))
        set_error (parser, error, LIMBER_CATALOG_ERROR_ENCODING, element, _("the text is not valid UTF-8"));
      else
        set_error (parser, error, LIMBER_CATALOG_ERROR_MALFORMED, element, "%s", markup_error->message);
      return FALSE;
    }

  if (!parser->seen_catalog)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_MALFORMED, "catalog", _("the file is empty"));
      return FALSE;
    }

  if (parser->introduction == NULL)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_MISSING_FIELD, "introduction", _("it is missing"));
      return FALSE;
    }

  if (parser->follow_up_care == NULL)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_MISSING_FIELD, "follow-up-care", _("it is missing"));
      return FALSE;
    }

  if (parser->exercises->len == 0)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_NO_EXERCISES, "exercise", _("there are no exercises"));
      return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The model                                                                */
/* ------------------------------------------------------------------------ */

static GType
limber_catalog_get_item_type (GListModel *model)
{
  return LIMBER_TYPE_EXERCISE;
}

static guint
limber_catalog_get_n_items (GListModel *model)
{
  return LIMBER_CATALOG (model)->exercises->len;
}

static gpointer
limber_catalog_get_item (GListModel *model,
                         guint       position)
{
  LimberCatalog *self = LIMBER_CATALOG (model);

  if (position >= self->exercises->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->exercises, position));
}

static void
limber_catalog_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = limber_catalog_get_item_type;
  iface->get_n_items = limber_catalog_get_n_items;
  iface->get_item = limber_catalog_get_item;
}

static void
limber_catalog_finalize (GObject *object)
{
  LimberCatalog *self = (LimberCatalog *)object;

  g_clear_pointer (&self->exercises, g_ptr_array_unref);
  g_clear_pointer (&self->introduction, g_strfreev);
  g_clear_pointer (&self->follow_up_care, g_strfreev);

  G_OBJECT_CLASS (limber_catalog_parent_class)->finalize (object);
}

static void
limber_catalog_class_init (LimberCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = limber_catalog_finalize;
}

static void
limber_catalog_init (LimberCatalog *self)
{
}

/**
 * limber_catalog_new_from_bytes:
 * @bytes: the catalog XML
 * @error: where to put a #LimberCatalogError that names the exercise and field
 *
 * Parses and validates a whole catalog. Either every exercise is valid and a
 * catalog is returned, or nothing is.
 *
 * Returns: (transfer full) (nullable): the catalog
 */
LimberCatalog *
limber_catalog_new_from_bytes (GBytes  *bytes,
                               GError **error)
{
  g_auto(CatalogParser) parser = { 0 };
  LimberCatalog *self;
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  parser.exercises = g_ptr_array_new_with_free_func (g_object_unref);
  parser.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!parse_catalog (&parser, data, length, error))
    return NULL;

  self = g_object_new (LIMBER_TYPE_CATALOG, NULL);
  self->exercises = g_steal_pointer (&parser.exercises);
  self->introduction = take_paragraphs (&parser.introduction);
  self->follow_up_care = take_paragraphs (&parser.follow_up_care);

  return self;
}

/**
 * limber_catalog_new_from_file:
 *
 * Like limber_catalog_new_from_bytes(), for a catalog a clinic keeps on disk.
 */
LimberCatalog *
limber_catalog_new_from_file (GFile   *file,
                              GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      name = g_file_get_parse_name (file);
      g_set_error (error, G_IO_ERROR, local_error->code,
                   _("Could not read the exercise catalog “%s”: %s"), name, local_error->message);
      return NULL;
    }

  return limber_catalog_new_from_bytes (bytes, error);
}

/**
 * limber_catalog_new_default:
 *
 * Returns: (transfer full) (nullable): the catalog built into Limber
 */
LimberCatalog *
limber_catalog_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (LIMBER_CATALOG_DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return limber_catalog_new_from_bytes (bytes, error);
}

const char * const *
limber_catalog_get_introduction (LimberCatalog *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);

  return (const char * const *)self->introduction;
}

const char * const *
limber_catalog_get_follow_up_care (LimberCatalog *self)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);

  return (const char * const *)self->follow_up_care;
}

/**
 * limber_catalog_lookup:
 *
 * Returns: (transfer none) (nullable): the exercise with @id
 */
LimberExercise *
limber_catalog_lookup (LimberCatalog *self,
                       const char    *id)
{
  g_return_val_if_fail (LIMBER_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->exercises->len; i++)
    {
      LimberExercise *exercise = g_ptr_array_index (self->exercises, i);

      if (g_str_equal (limber_exercise_get_id (exercise), id))
        return exercise;
    }

  return NULL;
}
