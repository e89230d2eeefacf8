/* limber-plan-file.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-plan-file"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-plan-file.h"
#include "limber-small-file.h"
#include "limber-untrusted-text.h"

/* A plan as a small text file a clinic can email or keep on a stick:
 *
 *   [Plan]
 *   version=1
 *
 *   [wall-push-up]
 *   show=true
 *   hold=0          (seconds; 0 = the handout's range)
 *   repetitions=10  (0 = the handout's range)
 *
 * It looks like a GKeyFile, but GKeyFile quietly merges duplicate groups and
 * keys and cannot say on which line a value was, so it is read line by line
 * here, and every line is checked before anything is applied. Whatever a
 * line holds, an error repeats only a short, visible part of it. */

typedef struct
{
  gboolean shown;
  guint    hold;
  guint    repetitions;
} PlanEntry;

struct _LimberPlanFile
{
  GObject        parent_instance;

  LimberCatalog *catalog;
  GHashTable    *entries;  /* exercise id → PlanEntry, for every exercise */
};

G_DEFINE_FINAL_TYPE (LimberPlanFile, limber_plan_file, G_TYPE_OBJECT)

G_DEFINE_QUARK (limber-plan-file-error-quark, limber_plan_file_error)

static void
limber_plan_file_finalize (GObject *object)
{
  LimberPlanFile *self = (LimberPlanFile *)object;

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (limber_plan_file_parent_class)->finalize (object);
}

static void
limber_plan_file_class_init (LimberPlanFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = limber_plan_file_finalize;
}

static void
limber_plan_file_init (LimberPlanFile *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Every exercise starts shown and at the handout's ranges. */
static LimberPlanFile *
plan_file_new (LimberCatalog *catalog)
{
  LimberPlanFile *self = g_object_new (LIMBER_TYPE_PLAN_FILE, NULL);
  GListModel *exercises = G_LIST_MODEL (catalog);

  self->catalog = g_object_ref (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);
      PlanEntry *entry = g_new0 (PlanEntry, 1);

      entry->shown = TRUE;
      g_hash_table_insert (self->entries, g_strdup (limber_exercise_get_id (exercise)), entry);
    }

  return self;
}

typedef struct
{
  LimberPlanFile *file;
  guint           line;
  char           *group;     /* "Plan", an exercise id, or NULL before the first */
  GHashTable     *groups;
  GHashTable     *keys;      /* keys seen in the current group */
  gboolean        has_version;
} PlanParser;

static void
plan_parser_clear (PlanParser *parser)
{
  g_clear_object (&parser->file);
  g_clear_pointer (&parser->group, g_free);
  g_clear_pointer (&parser->groups, g_hash_table_unref);
  g_clear_pointer (&parser->keys, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlanParser, plan_parser_clear)

static gboolean G_GNUC_PRINTF (4, 5)
fail (PlanParser           *parser,
      GError              **error,
      LimberPlanFileError   code,
      const char           *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (parser->line > 0)
    /* Translators: an error in a plan file: the line number, then what is wrong */
    g_set_error (error, LIMBER_PLAN_FILE_ERROR, code, _("Line %u: %s"), parser->line, reason);
  else
    g_set_error_literal (error, LIMBER_PLAN_FILE_ERROR, code, reason);

  return FALSE;
}

/* A value from the file, shortened and made visible, to repeat in a message. */
static char *
quote (const char *value)
{
  return limber_untrusted_text_quote (value, -1, LIMBER_UNTRUSTED_TEXT_QUOTE_LENGTH);
}

static gboolean
parse_group (PlanParser  *parser,
             const char  *line,
             GError     **error)
{
  gsize length = strlen (line);
  g_autofree char *name = NULL;

  if (length < 2 || line[length - 1] != ']')
    return fail (parser, error, LIMBER_PLAN_FILE_ERROR_SYNTAX, _("a group name must end with “]”"));

  name = g_strstrip (g_strndup (line + 1, length - 2));
  if (*name == '\0')
    return fail (parser, error, LIMBER_PLAN_FILE_ERROR_SYNTAX, _("the group has no name"));

  if (!g_str_equal (name, "Plan") && !g_hash_table_contains (parser->file->entries, name))
    {
      g_autofree char *quoted = quote (name);

      return fail (parser, error, LIMBER_PLAN_FILE_ERROR_UNKNOWN_EXERCISE,
                   _("there is no exercise “%s” in Limber’s catalog"), quoted);
    }

  /* From here on the name is a catalog id or "Plan": safe to repeat. */
  if (g_hash_table_contains (parser->groups, name))
    return fail (parser, error, LIMBER_PLAN_FILE_ERROR_DUPLICATE_GROUP,
                 _("the group [%s] appears twice"), name);

  g_hash_table_add (parser->groups, g_strdup (name));
  g_hash_table_remove_all (parser->keys);
  g_free (parser->group);
  parser->group = g_steal_pointer (&name);

  return TRUE;
}

static gboolean
parse_count (PlanParser   *parser,
             const char   *key,
             const char   *value,
             guint         min,
             guint         max,
             guint        *out_count,
             GError      **error)
{
  g_autoptr(GError) number_error = NULL;
  g_autofree char *quoted = quote (value);
  guint64 count;

  if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &count, &number_error) &&
      !g_error_matches (number_error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
    return fail (parser, error, LIMBER_PLAN_FILE_ERROR_INVALID_VALUE,
                 _("“%s” of [%s] must be a whole number, not “%s”"), key, parser->group, quoted);

  if (number_error == NULL && count == 0)
    {
      *out_count = 0;
      return TRUE;
    }

  if (max == 0)
    return fail (parser, error, LIMBER_PLAN_FILE_ERROR_OUT_OF_RANGE,
                 _("[%s] has no hold, so “%s” must be 0, not %s"), parser->group, key, quoted);

  /* Also a number too large for any count: it is out of range all the same. */
  if (number_error != NULL || count < min || count > max)
    return fail (parser, error, LIMBER_PLAN_FILE_ERROR_OUT_OF_RANGE,
                 _("“%s” of [%s] must be 0 (the handout’s range) or from %u to %u, not %s"),
                 key, parser->group, min, max, quoted);

  *out_count = (guint)count;
  return TRUE;
}

static gboolean
parse_key (PlanParser  *parser,
           const char  *line,
           GError     **error)
{
  const char *equals = strchr (line, '=');
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  g_autofree char *quoted_key = NULL;
  g_autofree char *quoted_value = NULL;
  LimberExercise *exercise;
  PlanEntry *entry;

  if (equals == NULL)
    return fail (parser, error, LIMBER_PLAN_FILE_ERROR_SYNTAX,
                 _("this is not a group, a “key=value” line or a comment"));

  if (parser->group == NULL)
    return fail (parser, error, LIMBER_PLAN_FILE_ERROR_SYNTAX, _("a value before the first group"));

  key = g_strstrip (g_strndup (line, equals - line));
  value = g_strstrip (g_strdup (equals + 1));
  quoted_key = quote (key);
  quoted_value = quote (value);

  if (g_hash_table_contains (parser->keys, key))
    return fail (parser, error, LIMBER_PLAN_FILE_ERROR_DUPLICATE_KEY,
                 _("“%s” appears twice in [%s]"), quoted_key, parser->group);
  g_hash_table_add (parser->keys, g_strdup (key));

  if (g_str_equal (parser->group, "Plan"))
    {
      guint64 version;

      if (!g_str_equal (key, "version"))
        return fail (parser, error, LIMBER_PLAN_FILE_ERROR_UNKNOWN_KEY,
                     _("[Plan] has no setting “%s”"), quoted_key);
      if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT64, &version, NULL))
        return fail (parser, error, LIMBER_PLAN_FILE_ERROR_INVALID_VALUE,
                     _("the version must be a whole number, not “%s”"), quoted_value);
      if (version != 1)
        return fail (parser, error, LIMBER_PLAN_FILE_ERROR_UNSUPPORTED_VERSION,
                     _("this is a version %s plan; this version of Limber reads version 1"), quoted_value);

      parser->has_version = TRUE;
      return TRUE;
    }

  exercise = limber_catalog_lookup (parser->file->catalog, parser->group);
  entry = g_hash_table_lookup (parser->file->entries, parser->group);

  if (g_str_equal (key, "show"))
    {
      if (g_str_equal (value, "true"))
        entry->shown = TRUE;
      else if (g_str_equal (value, "false"))
        entry->shown = FALSE;
      else
        return fail (parser, error, LIMBER_PLAN_FILE_ERROR_INVALID_VALUE,
                     _("“show” of [%s] must be “true” or “false”, not “%s”"), parser->group, quoted_value);
      return TRUE;
    }

  if (g_str_equal (key, "hold"))
    return parse_count (parser, key, value,
                        limber_exercise_get_hold_min (exercise), limber_exercise_get_hold_max (exercise),
                        &entry->hold, error);

  if (g_str_equal (key, "repetitions"))
    return parse_count (parser, key, value,
                        limber_exercise_get_repetitions_min (exercise),
                        limber_exercise_get_repetitions_max (exercise),
                        &entry->repetitions, error);

  return fail (parser, error, LIMBER_PLAN_FILE_ERROR_UNKNOWN_KEY,
               _("[%s] has no setting “%s”: use “show”, “hold” or “repetitions”"), parser->group, quoted_key);
}

/* Lines as editors count them: ended by LF, CRLF or (old Macs) CR alone. */
static GStrv
split_lines (const char *text,
             gsize       length)
{
  GPtrArray *lines = g_ptr_array_new ();
  const char *end = text + length;
  const char *start = text;

  for (const char *p = text; p < end; p++)
    if (*p == '\n' || *p == '\r')
      {
        g_ptr_array_add (lines, g_strndup (start, p - start));
        if (*p == '\r' && p + 1 < end && p[1] == '\n')
          p++;
        start = p + 1;
      }
  g_ptr_array_add (lines, g_strndup (start, end - start));
  g_ptr_array_add (lines, NULL);

  return (GStrv)g_ptr_array_free (lines, FALSE);
}

static guint
line_at (const char *text,
         const char *position)
{
  g_auto(GStrv) lines = split_lines (text, position - text);

  return g_strv_length (lines);
}

/* What is not UTF-8 text, on the line where it starts. */
static gboolean
check_encoding (PlanParser  *parser,
                const char  *data,
                gsize        length,
                GError     **error)
{
  const char *nul = memchr (data, '\0', length);
  const char *invalid;

  if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      parser->line = 1;
      return fail (parser, error, LIMBER_PLAN_FILE_ERROR_ENCODING,
                   _("the file is saved as UTF-16 or UTF-32; save it as UTF-8"));
    }

  if (nul != NULL)
    {
      parser->line = line_at (data, nul);
      return fail (parser, error, LIMBER_PLAN_FILE_ERROR_ENCODING,
                   _("the file has a NUL byte, so it is not text; save it as UTF-8"));
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      parser->line = line_at (data, invalid);
      return fail (parser, error, LIMBER_PLAN_FILE_ERROR_ENCODING, _("the text is not valid UTF-8"));
    }

  return TRUE;
}

/**
 * limber_plan_file_new_from_bytes:
 *
 * Reads and checks a whole plan file against @catalog. A UTF-8 byte-order
 * mark and any line ends are accepted, as editors write them.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL and an error that
 *   names the line and the setting
 */
LimberPlanFile *
limber_plan_file_new_from_bytes (LimberCatalog  *catalog,
                                 GBytes         *bytes,
                                 GError        **error)
{
  g_auto(PlanParser) parser = { 0 };
  g_auto(GStrv) lines = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (LIMBER_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (length > LIMBER_PLAN_FILE_MAX_SIZE)
    {
      fail (&parser, error, LIMBER_PLAN_FILE_ERROR_TOO_LARGE,
            _("The file is larger than %u KiB, so it is not a Limber plan"), LIMBER_PLAN_FILE_MAX_SIZE / 1024);
      return NULL;
    }

  /* Windows Notepad, among others, starts UTF-8 with a byte-order mark. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!check_encoding (&parser, data, length, error))
    return NULL;

  parser.file = plan_file_new (catalog);
  parser.groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  parser.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  lines = split_lines (data, length);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      const char *hidden;

      parser.line = i + 1;

      if (*line == '\0' || *line == '#')
        continue;

      /* In a setting, a hidden character is a trap ("hold=2<U+202E>0" reads
       * as 02); a comment may have marks, as Arabic text needs them. */
      hidden = limber_untrusted_text_find_hidden (line, strlen (line));
      if (hidden != NULL)
        {
          g_autofree char *description = limber_untrusted_text_describe (g_utf8_get_char (hidden));

          fail (&parser, error, LIMBER_PLAN_FILE_ERROR_ENCODING,
                _("the line contains %s, which a plan must not have"), description);
          return NULL;
        }

      if (*line == '[' ? !parse_group (&parser, line, error) : !parse_key (&parser, line, error))
        return NULL;
    }

  if (!parser.has_version)
    {
      parser.line = 0;
      fail (&parser, error, LIMBER_PLAN_FILE_ERROR_MISSING_VERSION,
            _("This is not a Limber plan: it has no [Plan] group with “version=1”"));
      return NULL;
    }

  return g_steal_pointer (&parser.file);
}

/**
 * limber_plan_file_new_from_file:
 *
 * Like limber_plan_file_new_from_bytes(), but reads only a regular local
 * file of at most %LIMBER_PLAN_FILE_MAX_SIZE bytes, without waiting on it
 * (see limber_small_file_load()).
 */
LimberPlanFile *
limber_plan_file_new_from_file (LimberCatalog  *catalog,
                                GFile          *file,
                                GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = limber_untrusted_text_quote_file (file);

  bytes = limber_small_file_load (file, LIMBER_PLAN_FILE_MAX_SIZE, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, LIMBER_PLAN_FILE_ERROR, LIMBER_PLAN_FILE_ERROR_TOO_LARGE,
                     _("“%s” is larger than %u KiB, so it is not a Limber plan"),
                     name, LIMBER_PLAN_FILE_MAX_SIZE / 1024);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY) ||
               g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE) ||
               g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        g_set_error (error, LIMBER_PLAN_FILE_ERROR, LIMBER_PLAN_FILE_ERROR_NOT_A_FILE,
                     _("Could not read “%s”: %s"), name, local_error->message);
      else
        g_set_error (error, G_IO_ERROR, local_error->code, _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  return limber_plan_file_new_from_bytes (catalog, bytes, error);
}

/**
 * limber_plan_file_new_from_plan:
 *
 * Returns: (transfer full): the plan as it is now, ready to export
 */
LimberPlanFile *
limber_plan_file_new_from_plan (LimberPlan *plan)
{
  LimberPlanFile *self;
  GHashTableIter iter;
  const char *id;
  PlanEntry *entry;

  g_return_val_if_fail (LIMBER_IS_PLAN (plan), NULL);

  self = plan_file_new (limber_plan_get_catalog (plan));

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, (gpointer *)&id, (gpointer *)&entry))
    {
      LimberExercise *exercise = limber_catalog_lookup (self->catalog, id);

      entry->shown = limber_plan_is_shown (plan, exercise);
      entry->hold = limber_plan_get_prescribed_hold (plan, exercise);
      entry->repetitions = limber_plan_get_prescribed_repetitions (plan, exercise);
    }

  return self;
}

/**
 * limber_plan_file_to_bytes:
 *
 * Returns: (transfer full): the plan file's text, exercises in catalog order
 */
GBytes *
limber_plan_file_to_bytes (LimberPlanFile *self)
{
  GListModel *exercises;
  GString *text;

  g_return_val_if_fail (LIMBER_IS_PLAN_FILE (self), NULL);

  exercises = G_LIST_MODEL (self->catalog);
  text = g_string_new (NULL);
  g_string_append (text,
                   "# A Limber exercise plan.\n"
                   "# show: true or false. hold: seconds. repetitions: a count.\n"
                   "# 0 for hold or repetitions means the handout's range.\n"
                   "[Plan]\n"
                   "version=1\n");

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);
      const char *id = limber_exercise_get_id (exercise);
      const PlanEntry *entry = g_hash_table_lookup (self->entries, id);

      g_string_append_printf (text, "\n[%s]\nshow=%s\n", id, entry->shown ? "true" : "false");
      if (limber_exercise_get_hold_max (exercise) > 0)
        g_string_append_printf (text, "hold=%u\n", entry->hold);
      g_string_append_printf (text, "repetitions=%u\n", entry->repetitions);
    }

  return g_string_free_to_bytes (text);
}

static void
entry_for_exercise (LimberExercise *exercise,
                    gboolean       *shown,
                    guint          *hold,
                    guint          *repetitions,
                    gpointer        user_data)
{
  LimberPlanFile *self = user_data;
  const PlanEntry *entry = g_hash_table_lookup (self->entries, limber_exercise_get_id (exercise));

  /* Another catalog's exercise stays as the handout has it. */
  if (entry == NULL)
    return;

  *shown = entry->shown;
  *hold = entry->hold;
  *repetitions = entry->repetitions;
}

/**
 * limber_plan_file_apply:
 *
 * Makes this the plan, all or nothing, and returns once the settings storage
 * has kept it. Nothing changes if an administrator has locked a setting that
 * the file would change, or if the plan cannot be stored.
 */
gboolean
limber_plan_file_apply (LimberPlanFile  *self,
                        LimberPlan      *plan,
                        GError         **error)
{
  g_autoptr(GVariant) snapshot = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LIMBER_IS_PLAN_FILE (self), FALSE);
  g_return_val_if_fail (LIMBER_IS_PLAN (plan), FALSE);

  snapshot = limber_plan_build_snapshot (plan, entry_for_exercise, self);
  if (limber_plan_restore (plan, snapshot, &local_error))
    return TRUE;

  if (g_error_matches (local_error, LIMBER_PLAN_ERROR, LIMBER_PLAN_ERROR_LOCKED))
    g_set_error_literal (error, LIMBER_PLAN_FILE_ERROR, LIMBER_PLAN_FILE_ERROR_LOCKED,
                         _("Your clinic has set this part of the plan, so the file was not imported"));
  else
    g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

gboolean
limber_plan_file_get_shown (LimberPlanFile *self,
                            const char     *id)
{
  const PlanEntry *entry;

  g_return_val_if_fail (LIMBER_IS_PLAN_FILE (self), FALSE);

  entry = g_hash_table_lookup (self->entries, id);
  return entry != NULL && entry->shown;
}

guint
limber_plan_file_get_hold (LimberPlanFile *self,
                           const char     *id)
{
  const PlanEntry *entry;

  g_return_val_if_fail (LIMBER_IS_PLAN_FILE (self), 0);

  entry = g_hash_table_lookup (self->entries, id);
  return entry != NULL ? entry->hold : 0;
}

guint
limber_plan_file_get_repetitions (LimberPlanFile *self,
                                  const char     *id)
{
  const PlanEntry *entry;

  g_return_val_if_fail (LIMBER_IS_PLAN_FILE (self), 0);

  entry = g_hash_table_lookup (self->entries, id);
  return entry != NULL ? entry->repetitions : 0;
}
