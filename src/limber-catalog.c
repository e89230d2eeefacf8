/* limber-catalog.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-catalog"

#include "limber-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "limber-catalog.h"
#include "limber-small-file.h"
#include "limber-untrusted-text.h"

/* Guards against a catalog that is not one: the real one is a few KiB, its
 * longest title 33 characters, its longest step 181, its most steps 6. */
#define MAX_CATALOG_SIZE (1024 * 1024)
#define MAX_HOLD_SECONDS 600
#define MAX_REPETITIONS 100
#define MAX_STEPS 30
#define MAX_PARAGRAPHS 20
#define MAX_ID_LENGTH 64
#define MAX_TITLE_LENGTH 100
#define MAX_TEXT_LENGTH 1000
#define MAX_PARAGRAPH_LENGTH 2000
/* How much of a message from GMarkup, which quotes the file, is repeated. */
#define MAX_MARKUP_MESSAGE_LENGTH 200

#define ILLUSTRATIONS_FOLDER "illustrations/"

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

/* What the error page shows, each part on its own. */
typedef struct
{
  char *file;
  int   line;
  char *exercise;
  char *field;
  char *reason;
} LimberCatalogErrorPrivate;

static void
limber_catalog_error_private_init (LimberCatalogErrorPrivate *priv)
{
}

static void
limber_catalog_error_private_copy (const LimberCatalogErrorPrivate *source,
                                   LimberCatalogErrorPrivate       *copy)
{
  copy->file = g_strdup (source->file);
  copy->line = source->line;
  copy->exercise = g_strdup (source->exercise);
  copy->field = g_strdup (source->field);
  copy->reason = g_strdup (source->reason);
}

static void
limber_catalog_error_private_clear (LimberCatalogErrorPrivate *priv)
{
  g_clear_pointer (&priv->file, g_free);
  g_clear_pointer (&priv->exercise, g_free);
  g_clear_pointer (&priv->field, g_free);
  g_clear_pointer (&priv->reason, g_free);
}

G_DEFINE_EXTENDED_ERROR (LimberCatalogError, limber_catalog_error)

static LimberCatalogErrorPrivate *
peek_error_private (const GError *error)
{
  if (error == NULL || error->domain != LIMBER_CATALOG_ERROR)
    return NULL;

  return limber_catalog_error_get_private (error);
}

/**
 * limber_catalog_error_get_file:
 * @error: any error
 *
 * Returns: (nullable): the catalog file a #LimberCatalogError is about, as
 *   it is shown to people, or %NULL if it came from memory or @error is
 *   not a #LimberCatalogError
 */
const char *
limber_catalog_error_get_file (const GError *error)
{
  LimberCatalogErrorPrivate *priv = peek_error_private (error);

  return priv != NULL ? priv->file : NULL;
}

/**
 * limber_catalog_error_get_line:
 *
 * Returns: the line of the catalog where the problem is, or 0 if it is not
 *   on any one line
 */
int
limber_catalog_error_get_line (const GError *error)
{
  LimberCatalogErrorPrivate *priv = peek_error_private (error);

  return priv != NULL ? priv->line : 0;
}

/**
 * limber_catalog_error_get_exercise:
 *
 * Returns: (nullable): the id of the exercise with the problem, or its
 *   position ("number 3") while the id is unknown, if it is in an exercise
 */
const char *
limber_catalog_error_get_exercise (const GError *error)
{
  LimberCatalogErrorPrivate *priv = peek_error_private (error);

  return priv != NULL ? priv->exercise : NULL;
}

/**
 * limber_catalog_error_get_field:
 *
 * Returns: (nullable): the element with the problem, if it is in one
 */
const char *
limber_catalog_error_get_field (const GError *error)
{
  LimberCatalogErrorPrivate *priv = peek_error_private (error);

  return priv != NULL ? priv->field : NULL;
}

/**
 * limber_catalog_error_get_reason:
 *
 * Returns: (nullable): what is wrong, without where: the message's last part
 */
const char *
limber_catalog_error_get_reason (const GError *error)
{
  LimberCatalogErrorPrivate *priv = peek_error_private (error);

  return priv != NULL ? priv->reason : NULL;
}

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
  char                *file_name;  /* as shown to people; NULL for bytes */
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

/* Where an error is, read before the message: "“FILE”, line 12". */
static char *
describe_location (const char *file_name,
                   int         line)
{
  if (file_name != NULL && line > 0)
    /* Translators: where a catalog error is: the file's name, then a line number */
    return g_strdup_printf (_("“%s”, line %d"), file_name, line);
  if (file_name != NULL)
    /* Translators: where a catalog error is: the file's name */
    return g_strdup_printf (_("“%s”"), file_name);
  if (line > 0)
    /* Translators: where a catalog error is: a line number */
    return g_strdup_printf (_("Line %d"), line);

  return NULL;
}

static char *
join_where (const char *where,
            const char *what)
{
  /* Translators: where a catalog error is, then what it is: "line 3: it is empty" */
  return g_strdup_printf (_("%s: %s"), where, what);
}

/* The message says it all on one line, for the log and the command line;
 * the parts are kept apart for the error page. */
static void
set_catalog_error (GError             **error,
                   LimberCatalogError   code,
                   const char          *file_name,
                   int                  line,
                   const char          *exercise,
                   const char          *field,
                   const char          *reason)
{
  g_autofree char *location = describe_location (file_name, line);
  g_autofree char *where = NULL;
  g_autofree char *message = NULL;
  LimberCatalogErrorPrivate *priv;

  if (error == NULL)
    return;

  if (exercise != NULL)
    /* Translators: where a catalog error is, e.g. exercise “wall-push-up”, field “hold” */
    where = g_strdup_printf (_("exercise “%s”, field “%s”"), exercise, field);
  else if (field != NULL)
    /* Translators: where a catalog error is, outside any exercise */
    where = g_strdup_printf (_("catalog, field “%s”"), field);

  if (where == NULL && line == 0 && file_name != NULL)
    /* Translators: the file's name, and why it could not be read */
    message = g_strdup_printf (_("Could not read the exercise catalog “%s”: %s"), file_name, reason);
  else if (location != NULL && where != NULL)
    {
      g_autofree char *inner = join_where (where, reason);

      message = join_where (location, inner);
    }
  else if (location != NULL || where != NULL)
    message = join_where (location != NULL ? location : where, reason);
  else
    message = g_strdup (reason);

  g_set_error_literal (error, LIMBER_CATALOG_ERROR, code, message);
  priv = limber_catalog_error_get_private (*error);
  priv->file = g_strdup (file_name);
  priv->line = line;
  priv->exercise = g_strdup (exercise);
  priv->field = g_strdup (field);
  priv->reason = g_strdup (reason);
}

/* The line GMarkup is on. It stops just past a tag's ">", and counts a line
 * break as the next line as soon as it reaches it: back over that one. */
static int
current_line (GMarkupParseContext *context)
{
  int line, column;

  g_markup_parse_context_get_position (context, &line, &column);

  return column == 1 && line > 1 ? line - 1 : line;
}

static void G_GNUC_PRINTF (6, 0)
set_error_valist (CatalogParser       *parser,
                  GError             **error,
                  int                  line,
                  LimberCatalogError   code,
                  const char          *field,
                  const char          *format,
                  va_list              args)
{
  g_autofree char *raw_reason = g_strdup_vprintf (format, args);
  g_autofree char *reason = NULL;
  g_autofree char *quoted_field = NULL;

  /* GMarkup quotes the offending bytes, which need not be UTF-8. */
  reason = g_utf8_make_valid (raw_reason, -1);

  if (line < 0 && parser->context != NULL)
    line = current_line (parser->context);

  /* An unknown element's name comes from the file. */
  if (field != NULL)
    quoted_field = limber_untrusted_text_quote (field, -1, LIMBER_UNTRUSTED_TEXT_QUOTE_LENGTH);

  set_catalog_error (error, code, parser->file_name, MAX (line, 0),
                     parser->draft != NULL ? parser->draft->label : NULL,
                     quoted_field != NULL ? quoted_field : (parser->draft != NULL ? "exercise" : NULL),
                     reason);
}

/* @field is the element with the problem, or %NULL for the whole catalog;
 * the line is where the parser is. */
static void G_GNUC_PRINTF (5, 6)
set_error (CatalogParser       *parser,
           GError             **error,
           LimberCatalogError   code,
           const char          *field,
           const char          *format,
           ...)
{
  va_list args;

  va_start (args, format);
  set_error_valist (parser, error, -1, code, field, format, args);
  va_end (args);
}

static void G_GNUC_PRINTF (6, 7)
set_error_at_line (CatalogParser       *parser,
                   GError             **error,
                   int                  line,
                   LimberCatalogError   code,
                   const char          *field,
                   const char          *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  set_error_valist (parser, error, line, code, field, format, args);
  va_end (args);
}

/* A value from the file, shortened and made visible, to repeat in a message. */
static char *
quote (const char *value)
{
  return limber_untrusted_text_quote (value, -1, LIMBER_UNTRUSTED_TEXT_QUOTE_LENGTH);
}

static guint
count_lines (const char *text,
             gsize       length)
{
  guint n_lines = 0;

  for (const char *p = memchr (text, '\n', length); p != NULL; p = memchr (p + 1, '\n', text + length - p - 1))
    n_lines++;

  return n_lines;
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

/* Ids name the folders of the recordings and the groups of a plan file, so
 * nothing that means something in a path or on a command line: no "/", no
 * ".", no leading "-". */
static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || !(g_ascii_islower (*id) || g_ascii_isdigit (*id)) || strlen (id) > MAX_ID_LENGTH)
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
          g_autofree char *name = quote (names[i]);

          set_error (parser, error, LIMBER_CATALOG_ERROR_UNKNOWN_ATTRIBUTE, rule->element,
                     _("unknown attribute “%s”"), name);
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
      g_autofree char *quoted = quote (text);

      set_error (parser, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, field,
                 _("“%s” must be a whole number from %u to %u, not “%s”"),
                 attribute, min, max, quoted);
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
  g_autoptr(ExerciseDraft) draft = NULL;

  /* Every exercise becomes a slide, built before the first frame. */
  if (parser->n_exercises_started == LIMBER_CATALOG_MAX_EXERCISES)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_TOO_MANY, "exercise",
                 g_dngettext (GETTEXT_PACKAGE, "a catalog can have at most %u exercise",
                              "a catalog can have at most %u exercises", LIMBER_CATALOG_MAX_EXERCISES),
                 LIMBER_CATALOG_MAX_EXERCISES);
      return FALSE;
    }

  draft = g_new0 (ExerciseDraft, 1);
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
      g_autofree char *quoted = quote (id);

      set_error (parser, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, "id",
                 _("“%s” is not a valid id: use up to %u lower-case letters, digits and “-”, "
                   "starting with a letter or a digit"), quoted, MAX_ID_LENGTH);
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
      g_autofree char *quoted = quote (kind);

      set_error (parser, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, "step",
                 _("step kind “%s” is not “hold” or “repeat”"), quoted);
      return FALSE;
    }

  if (parser->draft->steps->len == MAX_STEPS)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_TOO_MANY, "step",
                 g_dngettext (GETTEXT_PACKAGE, "an exercise can have at most %u step",
                              "an exercise can have at most %u steps", MAX_STEPS),
                 MAX_STEPS);
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
      g_autofree char *name = quote (element_name);

      if (parent == NULL)
        set_error (parser, error, LIMBER_CATALOG_ERROR_UNKNOWN_ELEMENT, element_name,
                   _("this is not an exercise catalog: it starts with <%s>, not <catalog>"), name);
      else
        set_error (parser, error, LIMBER_CATALOG_ERROR_UNKNOWN_ELEMENT, element_name,
                   _("<%s> is not allowed inside <%s>"), name, parent);
      return;
    }

  /* Written out as character references, which the file scan cannot see. */
  for (guint i = 0; values[i] != NULL; i++)
    {
      const char *hidden = limber_untrusted_text_find_hidden (values[i], strlen (values[i]));

      if (hidden != NULL)
        {
          g_autofree char *description = limber_untrusted_text_describe (g_utf8_get_char (hidden));

          set_error (parser, error, LIMBER_CATALOG_ERROR_HIDDEN_CHARACTER, element_name,
                     _("it contains %s, which a catalog must not have"), description);
          return;
        }
    }

  if (g_str_equal (element_name, "catalog") && parser->seen_catalog)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_DUPLICATE_FIELD, "catalog",
                 _("a file can hold only one <catalog>"));
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

      parser->seen_catalog = TRUE;
      if (g_strcmp0 (version, "1") != 0)
        {
          g_autofree char *quoted = quote (version != NULL ? version : "");

          set_error (parser, error, LIMBER_CATALOG_ERROR_UNSUPPORTED_VERSION, "version",
                     _("version “%s” is not supported; this version of Limber reads version 1"), quoted);
        }
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
      if (g_str_equal (element_name, "paragraph") &&
          (g_str_equal (parent, "introduction") ? parser->introduction : parser->follow_up_care)->len == MAX_PARAGRAPHS)
        {
          set_error (parser, error, LIMBER_CATALOG_ERROR_TOO_MANY, parent,
                     g_dngettext (GETTEXT_PACKAGE, "it can have at most %u paragraph",
                                  "it can have at most %u paragraphs", MAX_PARAGRAPHS),
                     MAX_PARAGRAPHS);
          return;
        }
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
  const char *hidden;

  /* The file is valid UTF-8 with nothing hidden (check_text()), so a hidden
   * character here was a reference such as &#x202E;. The parser is at the
   * end of the text: the line is counted back from there. */
  hidden = limber_untrusted_text_find_hidden (text, text_len);
  if (hidden != NULL)
    {
      g_autofree char *description = limber_untrusted_text_describe (g_utf8_get_char (hidden));

      set_error_at_line (parser, error, current_line (context) - count_lines (hidden, text + text_len - hidden),
                         LIMBER_CATALOG_ERROR_HIDDEN_CHARACTER, element,
                         _("it contains %s, which a catalog must not have"), description);
      return;
    }

  if (parser->text != NULL)
    g_string_append_len (parser->text, text, text_len);
  else if (!text_is_blank (text, text_len))
    set_error (parser, error, LIMBER_CATALOG_ERROR_UNKNOWN_ELEMENT, element, _("text is not allowed here"));
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
  guint max_length = g_str_equal (field, "title") ? MAX_TITLE_LENGTH
                     : g_str_equal (field, "paragraph") ? MAX_PARAGRAPH_LENGTH
                     : MAX_TEXT_LENGTH;

  parser->text_element = NULL;

  if (*normalized == '\0' && may_be_empty)
    return g_steal_pointer (&normalized);

  if (*normalized == '\0')
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, field, _("it is empty"));
      return NULL;
    }

  if (g_utf8_strlen (normalized, -1) > max_length)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_TOO_LONG, field,
                 g_dngettext (GETTEXT_PACKAGE, "it is longer than %u character",
                              "it is longer than %u characters", max_length),
                 max_length);
      return NULL;
    }

  if (!translate)
    return g_steal_pointer (&normalized);

  return g_strdup (g_dgettext (GETTEXT_PACKAGE, normalized));
}

static int
compare_names (const void *a,
               const void *b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

/* A clinic's catalog shows Limber's own pictures: the files of the
 * resources' illustrations/ folder, which holds pictures only, each loaded
 * by test-illustration. Anything else there is (a template, the style
 * sheet) or is not (a path out of the folder) is refused here, on its line,
 * rather than dropped by the slide along with its description. */
static gboolean
check_illustration (CatalogParser  *parser,
                    const char     *name,
                    GError        **error)
{
  g_auto(GStrv) pictures = g_resources_enumerate_children (RESOURCE_BASE_PATH "/" ILLUSTRATIONS_FOLDER,
                                                           G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GString) choices = g_string_new (NULL);
  g_autofree char *quoted = NULL;

  if (pictures != NULL && g_str_has_prefix (name, ILLUSTRATIONS_FOLDER) &&
      g_strv_contains ((const char * const *)pictures, name + strlen (ILLUSTRATIONS_FOLDER)))
    return TRUE;

  if (pictures != NULL)
    {
      qsort (pictures, g_strv_length (pictures), sizeof (char *), compare_names);
      for (guint i = 0; pictures[i] != NULL; i++)
        g_string_append_printf (choices, "%s" ILLUSTRATIONS_FOLDER "%s", i > 0 ? ", " : "", pictures[i]);
    }

  quoted = quote (name);
  set_error (parser, error, LIMBER_CATALOG_ERROR_INVALID_VALUE, "illustration",
             _("“%s” is not one of Limber’s pictures, which are: %s"), quoted, choices->str);
  return FALSE;
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

  resource_path = g_build_path ("/", RESOURCE_BASE_PATH, draft->illustration, NULL);

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

      if (g_str_equal (element_name, "illustration") && !check_illustration (parser, text, error))
        {
          g_free (text);
          return;
        }

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

/* The value of the encoding="…" in an XML declaration, if it has one. */
static char *
find_declared_encoding (const char *declaration,
                        gsize       length)
{
  g_autofree char *text = g_strndup (declaration, length);
  const char *p = strstr (text, "encoding");
  const char *end;
  char quote_mark;

  if (p == NULL)
    return NULL;

  p += strlen ("encoding");
  while (g_ascii_isspace (*p))
    p++;
  if (*p++ != '=')
    return NULL;
  while (g_ascii_isspace (*p))
    p++;

  quote_mark = *p++;
  if (quote_mark != '"' && quote_mark != '\'')
    return NULL;
  end = strchr (p, quote_mark);

  return end != NULL ? g_strndup (p, end - p) : NULL;
}

/* The line where a comment, declaration or document type starts. */
static int
passthrough_line (GMarkupParseContext *context,
                  const char          *text,
                  gsize                length)
{
  return current_line (context) - count_lines (text, length);
}

static void
catalog_passthrough (GMarkupParseContext  *context,
                     const char           *text,
                     gsize                 length,
                     gpointer              user_data,
                     GError              **error)
{
  CatalogParser *parser = user_data;

  /* GMarkup would not read one anyway, but its entities would then be
   * reported as unknown one by one: say what is really wrong. */
  if (length >= strlen ("<!DOCTYPE") && strncmp (text, "<!DOCTYPE", strlen ("<!DOCTYPE")) == 0)
    {
      set_error_at_line (parser, error, passthrough_line (context, text, length),
                         LIMBER_CATALOG_ERROR_UNSUPPORTED_MARKUP, NULL,
                         _("a catalog cannot have a document type (<!DOCTYPE …>): "
                           "Limber reads no entity definitions and no other files"));
      return;
    }

  if (length >= strlen ("<?xml ") && strncmp (text, "<?xml", strlen ("<?xml")) == 0 &&
      g_ascii_isspace (text[strlen ("<?xml")]))
    {
      g_autofree char *encoding = find_declared_encoding (text, length);

      if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0 &&
          g_ascii_strcasecmp (encoding, "US-ASCII") != 0)
        {
          g_autofree char *quoted = quote (encoding);

          set_error_at_line (parser, error, passthrough_line (context, text, length),
                             LIMBER_CATALOG_ERROR_ENCODING, NULL,
                             _("the file says it is in “%s”, but Limber reads catalogs only in UTF-8"),
                             quoted);
        }
    }
}

static const GMarkupParser catalog_markup_parser = {
  .start_element = catalog_start_element,
  .end_element = catalog_end_element,
  .text = catalog_text,
  .passthrough = catalog_passthrough,
};

static void
catalog_parser_clear (CatalogParser *parser)
{
  g_clear_pointer (&parser->context, g_markup_parse_context_free);
  g_clear_pointer (&parser->file_name, g_free);
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

/* Runs the parser over @length bytes, and makes anything it finds wrong a
 * #LimberCatalogError. */
static gboolean
feed_parser (CatalogParser  *parser,
             const char     *data,
             gsize           length,
             gboolean        to_the_end,
             GError        **error)
{
  g_autoptr(GError) markup_error = NULL;
  const char *element;
  g_autofree char *message = NULL;

  if (g_markup_parse_context_parse (parser->context, data, length, &markup_error) &&
      (!to_the_end || g_markup_parse_context_end_parse (parser->context, &markup_error)))
    return TRUE;

  if (markup_error->domain == LIMBER_CATALOG_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&markup_error));
      return FALSE;
    }

  element = g_markup_parse_context_get_element (parser->context);

  /* It quotes the file: names that may be long or hold anything. */
  message = limber_untrusted_text_quote (markup_error->message, -1, MAX_MARKUP_MESSAGE_LENGTH);
  set_error (parser, error, LIMBER_CATALOG_ERROR_MALFORMED, element, "%s", message);
  return FALSE;
}

/* What editors put at the start of a text file, and what is not text. */
static gboolean
check_encoding (CatalogParser  *parser,
                const char    **data,
                gsize          *length,
                GError        **error)
{
  const char *nul;

  /* Windows Notepad, among others, starts UTF-8 with a byte-order mark. */
  if (*length >= 3 && memcmp (*data, "\xef\xbb\xbf", 3) == 0)
    {
      *data += 3;
      *length -= 3;
    }
  else if (*length >= 2 && (memcmp (*data, "\xff\xfe", 2) == 0 || memcmp (*data, "\xfe\xff", 2) == 0))
    {
      set_error_at_line (parser, error, 1, LIMBER_CATALOG_ERROR_ENCODING, NULL,
                         _("the file is saved as UTF-16 or UTF-32; save it as UTF-8"));
      return FALSE;
    }

  nul = memchr (*data, '\0', *length);
  if (nul != NULL)
    {
      set_error_at_line (parser, error, 1 + count_lines (*data, nul - *data), LIMBER_CATALOG_ERROR_ENCODING, NULL,
                         _("the file has a NUL byte, so it is not text; save it as UTF-8"));
      return FALSE;
    }

  return TRUE;
}

/* Text that is not UTF-8, or hidden characters, anywhere in the file,
 * comments included: a hidden one in a comment can make a reviewer misread
 * the lines around it. The exact line comes from the bytes; the exercise
 * and element from parsing up to it. GMarkup never sees such bytes: for
 * text that is not UTF-8 in a comment or CDATA, it sets an error and
 * parses on (GLib 2.74 to 2.90), and the next one is set over it. */
static gboolean
check_text (CatalogParser  *parser,
            const char     *data,
            gsize           length,
            GError        **error)
{
  const char *valid_end;
  const char *hidden;
  const char *problem;
  const char *element;
  g_autofree char *description = NULL;
  int line;

  g_utf8_validate_len (data, length, &valid_end);
  hidden = limber_untrusted_text_find_hidden (data, valid_end - data);
  problem = hidden != NULL ? hidden : valid_end;
  if (problem == data + length)
    return TRUE;

  /* A problem before it comes first. */
  if (!feed_parser (parser, data, problem - data, FALSE, error))
    return FALSE;

  element = g_markup_parse_context_get_element (parser->context);
  line = 1 + count_lines (data, problem - data);
  if (hidden == NULL)
    {
      set_error_at_line (parser, error, line, LIMBER_CATALOG_ERROR_ENCODING, element,
                         _("the text is not valid UTF-8"));
      return FALSE;
    }

  description = limber_untrusted_text_describe (g_utf8_get_char (hidden));
  set_error_at_line (parser, error, line, LIMBER_CATALOG_ERROR_HIDDEN_CHARACTER, element,
                     _("it contains %s, which a catalog must not have"), description);
  return FALSE;
}

static gboolean
parse_catalog (CatalogParser  *parser,
               const char     *data,
               gsize           length,
               GError        **error)
{
  if (length > MAX_CATALOG_SIZE)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_TOO_LARGE, NULL,
                 _("the file is larger than %u KiB"), MAX_CATALOG_SIZE / 1024);
      return FALSE;
    }

  parser->context = g_markup_parse_context_new (&catalog_markup_parser, G_MARKUP_TREAT_CDATA_AS_TEXT,
                                                parser, NULL);

  if (!check_encoding (parser, &data, &length, error) ||
      !check_text (parser, data, length, error) ||
      !feed_parser (parser, data, length, TRUE, error))
    return FALSE;

  if (!parser->seen_catalog)
    {
      set_error (parser, error, LIMBER_CATALOG_ERROR_MALFORMED, NULL, _("the file is empty"));
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

static LimberCatalog *
catalog_new_from_bytes (GBytes      *bytes,
                        const char  *file_name,
                        GError     **error)
{
  g_auto(CatalogParser) parser = { 0 };
  LimberCatalog *self;
  gsize length;
  const char *data;

  data = g_bytes_get_data (bytes, &length);
  parser.file_name = g_strdup (file_name);
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
 * limber_catalog_new_from_bytes:
 * @bytes: the catalog XML
 * @error: where to put a #LimberCatalogError that names the line, the
 *   exercise and the field
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
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return catalog_new_from_bytes (bytes, NULL, error);
}

/**
 * limber_catalog_new_from_file:
 *
 * Like limber_catalog_new_from_bytes(), for a catalog a clinic keeps on
 * disk; the error also names the file. Only a regular local file of at most
 * 1 MiB is read, without ever waiting on it (see limber_small_file_load()),
 * so a named pipe, a device or a huge file cannot hold up start-up.
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

  name = limber_untrusted_text_quote_file (file);

  bytes = limber_small_file_load (file, MAX_CATALOG_SIZE, &local_error);
  if (bytes == NULL)
    {
      LimberCatalogError code = LIMBER_CATALOG_ERROR_UNREADABLE;

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY) ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE) ||
          g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        code = LIMBER_CATALOG_ERROR_NOT_A_FILE;
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        code = LIMBER_CATALOG_ERROR_TOO_LARGE;

      set_catalog_error (error, code, name, 0, NULL, NULL, local_error->message);
      return NULL;
    }

  return catalog_new_from_bytes (bytes, name, error);
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
