/* test-catalog.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "limber-catalog.h"
#include "limber-test-timeout.h"

/* The facts of the handout (Canadian edition), which the built-in catalog must
 * state exactly. */
typedef struct
{
  const char *id;
  guint       n_steps;
  guint       hold_min;
  guint       hold_max;
  guint       repetitions_min;
  guint       repetitions_max;
  gboolean    each_direction;
  const char *warning_mentions;
  const char *equipment_mentions[2];
  /* Index of the hold step and of the repeat steps, -1 where none. */
  int         hold_step;
  int         repeat_steps[2];
} ExpectedExercise;

static const ExpectedExercise expected_exercises[] = {
  { "rhomboid-stretch",       6, 15, 30, 2,  4,  FALSE, NULL,   { NULL },                      4, { 5, -1 } },
  { "midback-stretch",        5, 15, 30, 2,  4,  FALSE, "knee", { NULL },                      3, { 4, -1 } },
  { "shoulder-roll",          4, 0,  0,  2,  4,  TRUE,  NULL,   { NULL },                      -1, { 2, 3 } },
  { "wall-push-up",           4, 0,  0,  8,  12, FALSE, NULL,   { NULL },                      -1, { 3, -1 } },
  { "shoulder-blade-squeeze", 4, 0,  0,  8,  12, FALSE, NULL,   { "band", "surgical tubing" }, -1, { 3, -1 } },
  { "resisted-rows",          3, 0,  0,  8,  12, FALSE, NULL,   { "surgical tubing", "waist" }, -1, { 2, -1 } },
};

/* Facts that live in the wording of particular steps. */
static const struct {
  const char *id;
  guint       step;
  const char *mentions[3];
} expected_step_facts[] = {
  { "rhomboid-stretch",       0, { "firm chair", "stand", NULL } },
  { "rhomboid-stretch",       1, { "shoulder height", "clasp", NULL } },
  { "rhomboid-stretch",       2, { "chin", "chest", NULL } },
  { "rhomboid-stretch",       4, { "15 to 30 seconds", NULL } },
  { "rhomboid-stretch",       5, { "2 to 4 times", NULL } },
  { "midback-stretch",        0, { "Kneel", "ankles", NULL } },
  { "midback-stretch",        3, { "15 to 30 seconds", NULL } },
  { "midback-stretch",        4, { "2 to 4 times", NULL } },
  { "shoulder-roll",          2, { "up, back, down and then forward", "at least 2 to 4", NULL } },
  { "shoulder-roll",          3, { "down, back, up and then forward", "at least 2 to 4", NULL } },
  { "wall-push-up",           0, { "30 to 60 cm", "closer to the wall", NULL } },
  { "wall-push-up",           1, { "wider apart than your shoulders", NULL } },
  { "wall-push-up",           3, { "8 to 12 times", NULL } },
  { "shoulder-blade-squeeze", 0, { "90 degrees", "palms turned up", "elbows in against your sides" } },
  { "shoulder-blade-squeeze", 1, { "shoulder blades together", "elbows stay at your sides", NULL } },
  { "shoulder-blade-squeeze", 2, { "relax", NULL } },
  { "shoulder-blade-squeeze", 3, { "8 to 12 times", NULL } },
  { "resisted-rows",          0, { "waist", "one end of the band in each hand", NULL } },
  { "resisted-rows",          1, { "elbows at your sides", "90 degrees", "shoulder blades" } },
  { "resisted-rows",          2, { "8 to 12 times", NULL } },
};

static void
test_default_catalog_facts (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *introduction = NULL;
  LimberCatalog *catalog = limber_catalog_new_default (&error);
  GListModel *model = G_LIST_MODEL (catalog);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  g_assert_true (g_list_model_get_item_type (model) == LIMBER_TYPE_EXERCISE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected_exercises));
  g_assert_null (g_list_model_get_item (model, G_N_ELEMENTS (expected_exercises)));

  for (guint i = 0; i < G_N_ELEMENTS (expected_exercises); i++)
    {
      const ExpectedExercise *expected = &expected_exercises[i];
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (model, i);
      const char *warning = limber_exercise_get_warning (exercise);
      const char *equipment = limber_exercise_get_equipment (exercise);
      guint n_steps = limber_exercise_get_n_steps (exercise);

      g_test_message ("exercise %u: %s", i, expected->id);
      g_assert_cmpstr (limber_exercise_get_id (exercise), ==, expected->id);
      g_assert_true (limber_catalog_lookup (catalog, expected->id) == exercise);
      g_assert_cmpuint (n_steps, ==, expected->n_steps);
      g_assert_cmpuint (g_strv_length ((GStrv)limber_exercise_get_steps (exercise)), ==, n_steps);
      g_assert_cmpuint (limber_exercise_get_hold_min (exercise), ==, expected->hold_min);
      g_assert_cmpuint (limber_exercise_get_hold_max (exercise), ==, expected->hold_max);
      g_assert_cmpuint (limber_exercise_get_repetitions_min (exercise), ==, expected->repetitions_min);
      g_assert_cmpuint (limber_exercise_get_repetitions_max (exercise), ==, expected->repetitions_max);
      g_assert_cmpint (limber_exercise_get_repeat_each_direction (exercise), ==, expected->each_direction);

      if (expected->warning_mentions != NULL)
        g_assert_nonnull (strstr (warning, expected->warning_mentions));
      else
        g_assert_cmpstr (warning, ==, "");

      if (expected->equipment_mentions[0] != NULL)
        for (guint j = 0; j < G_N_ELEMENTS (expected->equipment_mentions); j++)
          g_assert_nonnull (strstr (equipment, expected->equipment_mentions[j]));
      else
        g_assert_cmpstr (equipment, ==, "");

      for (guint step = 0; step < n_steps; step++)
        {
          LimberStepKind kind = LIMBER_STEP_KIND_ACTION;

          if ((int)step == expected->hold_step)
            kind = LIMBER_STEP_KIND_HOLD;
          else if ((int)step == expected->repeat_steps[0] || (int)step == expected->repeat_steps[1])
            kind = LIMBER_STEP_KIND_REPEAT;

          g_assert_cmpint (limber_exercise_get_step_kind (exercise, step), ==, kind);
        }

      g_assert_true (g_str_has_prefix (limber_exercise_get_illustration (exercise),
                                       RESOURCE_BASE_PATH "/illustrations/"));
      g_assert_true (g_resources_get_info (limber_exercise_get_illustration (exercise), 0, NULL, NULL, NULL));
      g_assert_cmpstr (limber_exercise_get_title (exercise), !=, "");
      g_assert_cmpstr (limber_exercise_get_summary (exercise), !=, "");
      g_assert_cmpstr (limber_exercise_get_alt_text (exercise), !=, "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (expected_step_facts); i++)
    {
      LimberExercise *exercise = limber_catalog_lookup (catalog, expected_step_facts[i].id);
      const char *step = limber_exercise_get_steps (exercise)[expected_step_facts[i].step];

      for (guint j = 0; j < G_N_ELEMENTS (expected_step_facts[i].mentions); j++)
        if (expected_step_facts[i].mentions[j] != NULL)
          {
            g_autofree char *folded_step = g_utf8_casefold (step, -1);
            g_autofree char *folded_fact = g_utf8_casefold (expected_step_facts[i].mentions[j], -1);

            if (strstr (folded_step, folded_fact) == NULL)
              g_error ("%s step %u does not say “%s”: %s", expected_step_facts[i].id,
                       expected_step_facts[i].step + 1, expected_step_facts[i].mentions[j], step);
          }
    }

  g_assert_null (limber_catalog_lookup (catalog, "no-such-exercise"));
  g_assert_cmpuint (g_strv_length ((GStrv)limber_catalog_get_introduction (catalog)), >=, 1);
  introduction = g_strjoinv (" ", (GStrv)limber_catalog_get_introduction (catalog));
  g_assert_nonnull (strstr (introduction, "slowly"));
  g_assert_nonnull (strstr (limber_catalog_get_follow_up_care (catalog)[1], "811"));

  g_assert_finalize_object (catalog);
}

typedef struct
{
  const char *file;
  int         code;
  int         line;
  const char *exercise;
  const char *field;
  const char *reason_mentions;
} MalformedCase;

static const MalformedCase malformed_cases[] = {
  { "unknown-element.catalog.xml", LIMBER_CATALOG_ERROR_UNKNOWN_ELEMENT, 11, "test-stretch", "difficulty", "<difficulty> is not allowed" },
  { "unknown-attribute.catalog.xml", LIMBER_CATALOG_ERROR_UNKNOWN_ATTRIBUTE, 11, "test-stretch", "hold", "“unit”" },
  { "missing-title.catalog.xml", LIMBER_CATALOG_ERROR_MISSING_FIELD, 16, "test-stretch", "title", "missing" },
  { "missing-steps.catalog.xml", LIMBER_CATALOG_ERROR_MISSING_FIELD, 13, "test-stretch", "steps", "missing" },
  { "empty-steps.catalog.xml", LIMBER_CATALOG_ERROR_EMPTY_STEPS, 15, "test-stretch", "steps", "no steps" },
  { "duplicate-id.catalog.xml", LIMBER_CATALOG_ERROR_DUPLICATE_ID, 18, "test-stretch", "id", "already has this id" },
  { "hold-min-above-max.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_RANGE, 11, "test-stretch", "hold", "minimum (30)" },
  { "repetitions-min-above-max.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_RANGE, 12, "test-stretch", "repetitions", "minimum (12)" },
  { "repetitions-not-a-number.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 12, "test-stretch", "repetitions", "not “two”" },
  { "missing-id.catalog.xml", LIMBER_CATALOG_ERROR_MISSING_FIELD, 6, "number 1", "id", "needs an id" },
  { "invalid-id.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 6, "number 1", "id", "“Test Stretch” is not a valid id" },
  { "unsupported-version.catalog.xml", LIMBER_CATALOG_ERROR_UNSUPPORTED_VERSION, 2, NULL, "version", "version “2”" },
  { "hold-step-without-hold.catalog.xml", LIMBER_CATALOG_ERROR_MISSING_FIELD, 16, "test-stretch", "hold", "step 2" },
  { "unknown-step-kind.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 14, "test-stretch", "step", "“rest”" },
  { "unknown-step-count.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 14, "test-stretch", "step", "“laps”" },
  { "step-count-wrong-kind.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 14, "test-stretch", "step", "“stay” does not go with step kind “repeat”" },
  { "unknown-step-position.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 14, "test-stretch", "step", "“sideways”" },
  { "empty-step-without-count.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 14, "test-stretch", "step", "empty" },
  { "duplicate-title.catalog.xml", LIMBER_CATALOG_ERROR_DUPLICATE_FIELD, 11, "test-stretch", "title", "twice" },
  { "empty-title.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 7, "test-stretch", "title", "empty" },
  { "missing-illustration.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 9, "test-stretch", "illustration", "“illustrations/no-such-picture.svg” is not one of Limber’s pictures" },
  { "illustration-outside-resources.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 9, "test-stretch", "illustration", "“../../etc/passwd” is not one of Limber’s pictures" },
  { "no-exercises.catalog.xml", LIMBER_CATALOG_ERROR_NO_EXERCISES, 10, NULL, "exercise", "no exercises" },
  { "missing-follow-up-care.catalog.xml", LIMBER_CATALOG_ERROR_MISSING_FIELD, 19, NULL, "follow-up-care", "missing" },
  { "wrong-root.catalog.xml", LIMBER_CATALOG_ERROR_UNKNOWN_ELEMENT, 2, NULL, "component", "not an exercise catalog" },
  { "truncated.catalog.xml", LIMBER_CATALOG_ERROR_MALFORMED, 9, "test-stretch", "illustration", "ended unexpectedly" },
  { "stray-text.catalog.xml", LIMBER_CATALOG_ERROR_UNKNOWN_ELEMENT, 12, "test-stretch", "exercise", "text is not allowed" },
  { "not-utf8.catalog.xml", LIMBER_CATALOG_ERROR_ENCODING, 7, "test-stretch", "title", "UTF-8" },
  /* GMarkup would set its error and parse on, and the next one over it. */
  { "not-utf8-in-comment.catalog.xml", LIMBER_CATALOG_ERROR_ENCODING, 2, NULL, NULL, "not valid UTF-8" },
  { "not-utf8-in-cdata.catalog.xml", LIMBER_CATALOG_ERROR_ENCODING, 7, "test-stretch", "title", "not valid UTF-8" },
  { "empty.catalog.xml", LIMBER_CATALOG_ERROR_MALFORMED, 1, NULL, NULL, "empty" },

  /* What else a text file can be. */
  { "utf16.catalog.xml", LIMBER_CATALOG_ERROR_ENCODING, 1, NULL, NULL, "UTF-16" },
  { "nul-byte.catalog.xml", LIMBER_CATALOG_ERROR_ENCODING, 8, NULL, NULL, "NUL byte" },
  { "latin1.catalog.xml", LIMBER_CATALOG_ERROR_ENCODING, 1, NULL, NULL, "“ISO-8859-1”" },
  { "crlf-unknown-element.catalog.xml", LIMBER_CATALOG_ERROR_UNKNOWN_ELEMENT, 11, "test-stretch", "difficulty", "<difficulty>" },

  /* Characters nobody sees, written out or as references, anywhere. */
  { "bidi-override.catalog.xml", LIMBER_CATALOG_ERROR_HIDDEN_CHARACTER, 15, "test-stretch", "step", "direction of the text (U+202E)" },
  { "bidi-isolate.catalog.xml", LIMBER_CATALOG_ERROR_HIDDEN_CHARACTER, 7, "test-stretch", "title", "(U+2067)" },
  { "bidi-mark.catalog.xml", LIMBER_CATALOG_ERROR_HIDDEN_CHARACTER, 9, "test-stretch", "summary", "(U+200F)" },
  { "bidi-reference.catalog.xml", LIMBER_CATALOG_ERROR_HIDDEN_CHARACTER, 15, "test-stretch", "step", "(U+202E)" },
  { "bidi-in-comment.catalog.xml", LIMBER_CATALOG_ERROR_HIDDEN_CHARACTER, 2, NULL, NULL, "(U+202E)" },
  { "bidi-in-attribute.catalog.xml", LIMBER_CATALOG_ERROR_HIDDEN_CHARACTER, 12, "test-stretch", "repetitions", "(U+2066)" },
  { "control-character.catalog.xml", LIMBER_CATALOG_ERROR_HIDDEN_CHARACTER, 7, "test-stretch", "title", "control character (U+0007)" },
  { "control-reference.catalog.xml", LIMBER_CATALOG_ERROR_HIDDEN_CHARACTER, 10, "test-stretch", "alt-text", "(U+0001)" },
  { "line-separator.catalog.xml", LIMBER_CATALOG_ERROR_HIDDEN_CHARACTER, 19, NULL, "paragraph", "separator (U+2028)" },

  /* XML that a catalog has no use for. */
  { "doctype.catalog.xml", LIMBER_CATALOG_ERROR_UNSUPPORTED_MARKUP, 2, NULL, NULL, "<!DOCTYPE" },
  { "second-catalog.catalog.xml", LIMBER_CATALOG_ERROR_DUPLICATE_FIELD, 22, NULL, "catalog", "only one <catalog>" },
  { "deep-nesting.catalog.xml", LIMBER_CATALOG_ERROR_UNKNOWN_ELEMENT, 7, "test-stretch", "b", "<b> is not allowed inside <title>" },

  /* Values that point elsewhere, overflow or never end. */
  { "illustration-not-a-picture.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 9, "test-stretch", "illustration", "“ui/limber-window.ui” is not one of Limber’s pictures" },
  { "illustration-folder.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 9, "test-stretch", "illustration", "illustrations/wall-push-up.svg" },
  { "id-path.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 6, "number 1", "id", "“../../etc/passwd” is not a valid id" },
  { "id-slash.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 6, "number 1", "id", "“test/stretch”" },
  { "id-leading-dash.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 6, "number 1", "id", "“-rf”" },
  { "id-too-long.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 6, "number 1", "id", "up to 64" },
  { "hold-zero.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 11, "test-stretch", "hold", "from 1 to 600, not “0”" },
  { "hold-overflow.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 11, "test-stretch", "hold", "not “4294967311”" },
  { "repetitions-four-billion.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 12, "test-stretch", "repetitions", "from 1 to 100, not “4000000000”" },
  { "repetitions-negative.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, 12, "test-stretch", "repetitions", "not “-1”" },
  { "title-too-long.catalog.xml", LIMBER_CATALOG_ERROR_TOO_LONG, 7, "test-stretch", "title", "longer than 100 characters" },
  { "step-too-long.catalog.xml", LIMBER_CATALOG_ERROR_TOO_LONG, 14, "test-stretch", "step", "longer than 1000 characters" },
  { "too-many-steps.catalog.xml", LIMBER_CATALOG_ERROR_TOO_MANY, 44, "test-stretch", "step", "at most 30 steps" },
  { "too-many-paragraphs.catalog.xml", LIMBER_CATALOG_ERROR_TOO_MANY, 24, NULL, "introduction", "at most 20 paragraphs" },
};

/* The message says it all on one line, and each part is there on its own
 * for the error page. */
static void
assert_catalog_error (const GError *error,
                      int           code,
                      const char   *path,
                      int           line,
                      const char   *exercise,
                      const char   *field,
                      const char   *reason_mentions)
{
  g_autofree char *file_part = NULL;
  g_autofree char *line_part = NULL;

  g_assert_error (error, LIMBER_CATALOG_ERROR, code);
  g_test_message ("%s", error->message);

  g_assert_cmpstr (limber_catalog_error_get_file (error), ==, path);
  g_assert_cmpint (limber_catalog_error_get_line (error), ==, line);
  g_assert_cmpstr (limber_catalog_error_get_exercise (error), ==, exercise);
  g_assert_cmpstr (limber_catalog_error_get_field (error), ==, field);
  if (strstr (limber_catalog_error_get_reason (error), reason_mentions) == NULL)
    g_error ("The reason does not say “%s”: %s", reason_mentions, limber_catalog_error_get_reason (error));

  file_part = path != NULL ? g_strdup_printf ("“%s”", path) : g_strdup ("");
  line_part = line > 0 ? g_strdup_printf (path != NULL ? "line %d:" : "Line %d:", line) : g_strdup ("");
  g_assert_nonnull (strstr (error->message, file_part));
  g_assert_nonnull (strstr (error->message, line_part));
  g_assert_true (g_str_has_suffix (error->message, limber_catalog_error_get_reason (error)));
  if (exercise != NULL)
    g_assert_nonnull (strstr (error->message, exercise));
  if (field != NULL)
    g_assert_nonnull (strstr (error->message, field));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_malformed_catalog (gconstpointer data)
{
  const MalformedCase *test_case = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalogs", test_case->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(LimberCatalog) catalog = NULL;

  catalog = limber_catalog_new_from_file (file, &error);

  g_assert_null (catalog);
  assert_catalog_error (error, test_case->code, path, test_case->line, test_case->exercise, test_case->field,
                        test_case->reason_mentions);

  /* The parts travel with the error. */
  copy = g_error_copy (error);
  assert_catalog_error (copy, test_case->code, path, test_case->line, test_case->exercise, test_case->field,
                        test_case->reason_mentions);
}

static void
test_valid_minimal_catalog (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalogs", "valid-minimal.catalog.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LimberCatalog *catalog;
  LimberExercise *exercise;

  catalog = limber_catalog_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 1);

  exercise = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  g_assert_cmpstr (limber_exercise_get_id (exercise), ==, "test-stretch");
  g_assert_cmpuint (limber_exercise_get_n_steps (exercise), ==, 2);
  g_assert_cmpint (limber_exercise_get_step_kind (exercise, 1), ==, LIMBER_STEP_KIND_HOLD);

  /* The exercises live exactly as long as the last reference to them. */
  g_object_add_weak_pointer (G_OBJECT (exercise), (gpointer *)&exercise);
  g_assert_finalize_object (catalog);
  g_assert_nonnull (exercise);
  g_object_unref (exercise);
  g_assert_null (exercise);
}

static void
test_unreadable_catalog (void)
{
  g_autofree char *missing = g_test_build_filename (G_TEST_DIST, "data", "catalogs", "no-such-file.catalog.xml", NULL);
  g_autofree char *directory = g_test_build_filename (G_TEST_DIST, "data", "catalogs", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) directory_file = g_file_new_for_path (directory);
  g_autoptr(GError) error = NULL;

  g_assert_null (limber_catalog_new_from_file (missing_file, &error));
  assert_catalog_error (error, LIMBER_CATALOG_ERROR_UNREADABLE, missing, 0, NULL, NULL, "No such file");
  g_assert_true (g_str_has_prefix (error->message, "Could not read the exercise catalog"));
  g_clear_error (&error);

  g_assert_null (limber_catalog_new_from_file (directory_file, &error));
  assert_catalog_error (error, LIMBER_CATALOG_ERROR_NOT_A_FILE, directory, 0, NULL, NULL, "a folder, not a file");
}

static gpointer
load_in_thread (gpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path (data);
  g_autoptr(GError) error = NULL;

  g_assert_null (limber_catalog_new_from_file (file, &error));
  return g_steal_pointer (&error);
}

/* `--catalog` on a named pipe waited for a writer for ever, and on
 * /dev/zero grew to gigabytes: both are refused at once, by what they are. */
static void
test_not_a_file_catalog (void)
{
  g_autofree char *dir = g_dir_make_tmp ("limber-catalog-XXXXXX", NULL);
  g_autofree char *pipe = g_build_filename (dir, "clinic.catalog.xml", NULL);
  g_autoptr(GError) pipe_error = NULL;
  g_autoptr(GError) device_error = NULL;

  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);

  pipe_error = limber_test_call_with_timeout (load_in_thread, pipe, "Loading a catalog from a named pipe");
  assert_catalog_error (pipe_error, LIMBER_CATALOG_ERROR_NOT_A_FILE, pipe, 0, NULL, NULL, "a named pipe, not a file");

  device_error = limber_test_call_with_timeout (load_in_thread, (gpointer)"/dev/zero", "Loading a catalog from /dev/zero");
  assert_catalog_error (device_error, LIMBER_CATALOG_ERROR_NOT_A_FILE, "/dev/zero", 0, NULL, NULL, "a device, not a file");

  g_unlink (pipe);
  g_rmdir (dir);
}

/* Refused by its size before a byte is read: this one has 4 GiB of holes. */
static void
test_huge_catalog_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("limber-catalog-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.catalog.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  int fd = g_open (path, O_WRONLY | O_CREAT, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t)4 << 30), ==, 0);
  g_close (fd, NULL);

  g_assert_null (limber_catalog_new_from_file (file, &error));
  assert_catalog_error (error, LIMBER_CATALOG_ERROR_TOO_LARGE, path, 0, NULL, NULL, "larger than 1024 KiB");

  g_unlink (path);
  g_rmdir (dir);
}

/* A folder's name can hold anything; what is shown of it hides nothing. */
static void
test_hostile_file_name (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "catalogs", "unknown-element.catalog.xml", NULL);
  g_autofree char *dir = g_dir_make_tmp ("limber-catalog-XXXXXX", NULL);
  g_autofree char *folder = g_build_filename (dir, "clinic & <co>\u202e\n2026", NULL);
  g_autofree char *path = g_build_filename (folder, "catalog.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  g_assert_null (limber_catalog_new_from_file (file, &error));
  shown = g_strconcat (dir, "/clinic & <co><U+202E> 2026/catalog.xml", NULL);
  assert_catalog_error (error, LIMBER_CATALOG_ERROR_UNKNOWN_ELEMENT, shown, 11, "test-stretch", "difficulty",
                        "<difficulty>");

  g_unlink (path);
  g_rmdir (folder);
  g_rmdir (dir);
}

/* What Windows Notepad and others write: a byte-order mark, CRLF lines. */
static void
test_editor_catalogs (void)
{
  const char *files[] = { "bom.catalog.xml", "crlf.catalog.xml", "bom-crlf.catalog.xml" };
  g_autofree char *reference_path = g_test_build_filename (G_TEST_DIST, "data", "catalogs", "valid-minimal.catalog.xml", NULL);
  g_autoptr(GFile) reference_file = g_file_new_for_path (reference_path);
  g_autoptr(LimberCatalog) reference = limber_catalog_new_from_file (reference_file, NULL);
  g_autoptr(LimberExercise) expected = g_list_model_get_item (G_LIST_MODEL (reference), 0);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalogs", files[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(LimberCatalog) catalog = limber_catalog_new_from_file (file, &error);
      g_autoptr(LimberExercise) exercise = NULL;

      g_test_message ("%s", files[i]);
      g_assert_no_error (error);
      exercise = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
      g_assert_cmpstr (limber_exercise_get_title (exercise), ==, limber_exercise_get_title (expected));
      g_assert_cmpstr (limber_exercise_get_summary (exercise), ==, limber_exercise_get_summary (expected));
      g_assert_cmpstrv (limber_exercise_get_steps (exercise), limber_exercise_get_steps (expected));
      g_assert_cmpstrv (limber_catalog_get_follow_up_care (catalog), limber_catalog_get_follow_up_care (reference));
    }
}

/* "&", "<" and a <span> in the text are text, kept as they are. */
static void
test_markup_is_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalogs", "markup-text.catalog.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_from_file (file, &error);
  g_autoptr(LimberExercise) exercise = NULL;

  g_assert_no_error (error);
  exercise = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  g_assert_cmpstr (limber_exercise_get_title (exercise), ==, "Rows & <b>pulls</b>");
  g_assert_cmpstr (limber_exercise_get_summary (exercise), ==, "<span size='90000'>Big</span> & bold");
}

static GBytes *
catalog_with_exercises (guint n_exercises)
{
  GString *text = g_string_new ("<catalog version=\"1\">\n"
                                "  <introduction><paragraph>Start slowly.</paragraph></introduction>\n");

  for (guint i = 1; i <= n_exercises; i++)
    g_string_append_printf (text,
                            "  <exercise id=\"stretch-%u\"><title>Stretch %u</title><summary>A stretch.</summary>"
                            "<illustration>illustrations/wall-push-up.svg</illustration><alt-text>A person.</alt-text>"
                            "<repetitions min=\"2\" max=\"4\"/><steps><step>Stretch.</step></steps></exercise>\n",
                            i, i);
  g_string_append (text, "  <follow-up-care><paragraph>Call us.</paragraph></follow-up-care>\n</catalog>\n");

  return g_string_free_to_bytes (text);
}

/* Every exercise is a slide; a thousand took half a minute and 3 GB. */
static void
test_too_many_exercises (void)
{
  g_autoptr(GBytes) enough = catalog_with_exercises (LIMBER_CATALOG_MAX_EXERCISES);
  g_autoptr(GBytes) too_many = catalog_with_exercises (LIMBER_CATALOG_MAX_EXERCISES + 1);
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = limber_catalog_new_from_bytes (enough, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, LIMBER_CATALOG_MAX_EXERCISES);

  g_assert_null (limber_catalog_new_from_bytes (too_many, &error));
  assert_catalog_error (error, LIMBER_CATALOG_ERROR_TOO_MANY, NULL, 2 + LIMBER_CATALOG_MAX_EXERCISES + 1, NULL,
                        "exercise", "at most 100 exercises");
}

/* Half a megabyte in one value, or in one name: the message repeats only
 * the start of it. */
static void
test_huge_values (void)
{
  g_autofree char *digits = g_strnfill (512 * 1024, '7');
  g_autofree char *name = g_strnfill (512 * 1024, 'x');
  const struct { const char *before; const char *value; const char *after; } cases[] = {
    { "<catalog version=\"1\">\n<exercise id=\"a\"><hold min=\"1\" max=\"", digits, "\"/>" },
    { "<catalog version=\"1\">\n<exercise id=\"a\"><", name, "/>" },
    { "<catalog version=\"1\">\n<exercise id=\"a\"><hold ", name, "=\"1\"/>" },
    { "<catalog version=\"", digits, "\">" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat (cases[i].before, cases[i].value, cases[i].after, NULL);
      gsize length = strlen (text);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), length);
      g_autoptr(GError) error = NULL;

      g_assert_null (limber_catalog_new_from_bytes (bytes, &error));
      g_assert_error (error, LIMBER_CATALOG_ERROR, error->code);
      g_test_message ("%s", error->message);
      g_assert_cmpuint (strlen (error->message), <, 500);
      g_assert_nonnull (strstr (error->message, "…"));
    }
}

/* Every prefix of the real catalog is either the whole catalog or an error:
 * never a crash, never a partial model. */
static void
test_truncated_catalogs (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (LIMBER_CATALOG_DEFAULT_RESOURCE, 0, NULL);
  gsize length = g_bytes_get_size (bytes);
  guint n_failed = 0;

  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(GBytes) prefix = g_bytes_new_from_bytes (bytes, 0, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(LimberCatalog) catalog = limber_catalog_new_from_bytes (prefix, &error);

      /* Only the trailing newline may be cut off without an error. */
      if (catalog != NULL)
        g_assert_cmpuint (cut, >=, length - 1);
      else
        {
          g_assert_error (error, LIMBER_CATALOG_ERROR, error->code);
          n_failed++;
        }
    }

  g_assert_cmpuint (n_failed, >=, length - 1);
}

static void
test_oversized_catalog (void)
{
  gsize size = 2 * 1024 * 1024;
  g_autofree char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  memset (data, ' ', size);
  bytes = g_bytes_new_take (g_steal_pointer (&data), size);

  g_assert_null (limber_catalog_new_from_bytes (bytes, &error));
  g_assert_error (error, LIMBER_CATALOG_ERROR, LIMBER_CATALOG_ERROR_TOO_LARGE);
}

static GHashTable *
read_pot_msgids (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *msgids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *current = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *quoted = NULL;

      if (g_str_has_prefix (line, "msgid \""))
        {
          current = g_string_new (NULL);
          quoted = line + strlen ("msgid ");
        }
      else if (current != NULL && line[0] == '"')
        quoted = line;
      else if (current != NULL)
        {
          g_hash_table_add (msgids, g_string_free (current, FALSE));
          current = NULL;
        }

      if (quoted != NULL)
        {
          g_autofree char *inner = g_strndup (quoted + 1, strlen (quoted) - 2);
          g_autofree char *unescaped = g_strcompress (inner);

          g_string_append (current, unescaped);
        }
    }

  if (current != NULL)
    g_hash_table_add (msgids, g_string_free (current, FALSE));

  return msgids;
}

static void
assert_extracted (GHashTable *msgids,
                  const char *text)
{
  if (!g_hash_table_contains (msgids, text))
    g_error ("xgettext did not extract “%s”, so it cannot be translated", text);
}

/* What translators get (xgettext through our ITS rules) is exactly what the
 * loader asks gettext for. */
static void
test_catalog_strings_extracted (void)
{
  const char *pot = g_getenv ("LIMBER_CATALOG_POT");
  g_autoptr(GHashTable) msgids = NULL;
  g_autoptr(LimberCatalog) catalog = NULL;
  GListModel *model;

  g_assert_nonnull (pot);
  msgids = read_pot_msgids (pot);
  catalog = limber_catalog_new_default (NULL);
  model = G_LIST_MODEL (catalog);

  for (guint i = 0; limber_catalog_get_introduction (catalog)[i] != NULL; i++)
    assert_extracted (msgids, limber_catalog_get_introduction (catalog)[i]);
  for (guint i = 0; limber_catalog_get_follow_up_care (catalog)[i] != NULL; i++)
    assert_extracted (msgids, limber_catalog_get_follow_up_care (catalog)[i]);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (model, i);
      g_auto(GStrv) words = NULL;

      /* The steps' own words; a counted step's number sentence comes from
       * Limber's messages, with its plural forms. */
      g_object_get (exercise, "steps", &words, NULL);
      assert_extracted (msgids, limber_exercise_get_title (exercise));
      assert_extracted (msgids, limber_exercise_get_summary (exercise));
      assert_extracted (msgids, limber_exercise_get_alt_text (exercise));
      if (*limber_exercise_get_warning (exercise) != '\0')
        assert_extracted (msgids, limber_exercise_get_warning (exercise));
      if (*limber_exercise_get_equipment (exercise) != '\0')
        assert_extracted (msgids, limber_exercise_get_equipment (exercise));
      for (guint j = 0; words[j] != NULL; j++)
        if (*words[j] != '\0')
          assert_extracted (msgids, words[j]);

      /* Paths are not for translators. */
      g_assert_false (g_hash_table_contains (msgids, "illustrations/wall-push-up.svg"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/default/facts", test_default_catalog_facts);
  g_test_add_func ("/catalog/default/extracted-for-translation", test_catalog_strings_extracted);
  g_test_add_func ("/catalog/default/truncated", test_truncated_catalogs);
  g_test_add_func ("/catalog/valid-minimal", test_valid_minimal_catalog);
  g_test_add_func ("/catalog/unreadable", test_unreadable_catalog);
  g_test_add_func ("/catalog/not-a-file", test_not_a_file_catalog);
  g_test_add_func ("/catalog/huge-file", test_huge_catalog_file);
  g_test_add_func ("/catalog/hostile-file-name", test_hostile_file_name);
  g_test_add_func ("/catalog/oversized", test_oversized_catalog);
  g_test_add_func ("/catalog/editors", test_editor_catalogs);
  g_test_add_func ("/catalog/markup-is-text", test_markup_is_text);
  g_test_add_func ("/catalog/too-many-exercises", test_too_many_exercises);
  g_test_add_func ("/catalog/huge-values", test_huge_values);

  for (guint i = 0; i < G_N_ELEMENTS (malformed_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/catalog/malformed/%s", malformed_cases[i].file);

      g_test_add_data_func (name, &malformed_cases[i], test_malformed_catalog);
    }

  return g_test_run ();
}
