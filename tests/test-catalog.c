/* test-catalog.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include "limber-catalog.h"

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
  const char          *file;
  int                  code;
  const char          *mentions[3];
} MalformedCase;

static MalformedCase malformed_cases[] = {
  { "unknown-element.catalog.xml", LIMBER_CATALOG_ERROR_UNKNOWN_ELEMENT, { "test-stretch", "difficulty" } },
  { "unknown-attribute.catalog.xml", LIMBER_CATALOG_ERROR_UNKNOWN_ATTRIBUTE, { "test-stretch", "hold", "unit" } },
  { "missing-title.catalog.xml", LIMBER_CATALOG_ERROR_MISSING_FIELD, { "test-stretch", "title" } },
  { "missing-steps.catalog.xml", LIMBER_CATALOG_ERROR_MISSING_FIELD, { "test-stretch", "steps" } },
  { "empty-steps.catalog.xml", LIMBER_CATALOG_ERROR_EMPTY_STEPS, { "test-stretch", "steps" } },
  { "duplicate-id.catalog.xml", LIMBER_CATALOG_ERROR_DUPLICATE_ID, { "test-stretch", "id" } },
  { "hold-min-above-max.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_RANGE, { "test-stretch", "hold", "30" } },
  { "repetitions-min-above-max.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_RANGE, { "test-stretch", "repetitions", "12" } },
  { "repetitions-not-a-number.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, { "test-stretch", "repetitions", "two" } },
  { "missing-id.catalog.xml", LIMBER_CATALOG_ERROR_MISSING_FIELD, { "number 1", "id" } },
  { "invalid-id.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, { "number 1", "Test Stretch" } },
  { "unsupported-version.catalog.xml", LIMBER_CATALOG_ERROR_UNSUPPORTED_VERSION, { "version", "2" } },
  { "hold-step-without-hold.catalog.xml", LIMBER_CATALOG_ERROR_MISSING_FIELD, { "test-stretch", "hold", "step 2" } },
  { "unknown-step-kind.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, { "test-stretch", "step", "rest" } },
  { "unknown-step-count.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, { "test-stretch", "step", "laps" } },
  { "step-count-wrong-kind.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, { "test-stretch", "stay", "repeat" } },
  { "unknown-step-position.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, { "test-stretch", "step", "sideways" } },
  { "empty-step-without-count.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, { "test-stretch", "step", "empty" } },
  { "duplicate-title.catalog.xml", LIMBER_CATALOG_ERROR_DUPLICATE_FIELD, { "test-stretch", "title" } },
  { "empty-title.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, { "test-stretch", "title", "empty" } },
  { "missing-illustration.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, { "test-stretch", "illustration", "no-such-picture" } },
  { "illustration-outside-resources.catalog.xml", LIMBER_CATALOG_ERROR_INVALID_VALUE, { "test-stretch", "illustration" } },
  { "no-exercises.catalog.xml", LIMBER_CATALOG_ERROR_NO_EXERCISES, { "exercise" } },
  { "missing-follow-up-care.catalog.xml", LIMBER_CATALOG_ERROR_MISSING_FIELD, { "follow-up-care" } },
  { "wrong-root.catalog.xml", LIMBER_CATALOG_ERROR_UNKNOWN_ELEMENT, { "component", "not an exercise catalog" } },
  { "truncated.catalog.xml", LIMBER_CATALOG_ERROR_MALFORMED, { "Line" } },
  { "stray-text.catalog.xml", LIMBER_CATALOG_ERROR_UNKNOWN_ELEMENT, { "test-stretch", "exercise", "text" } },
  { "not-utf8.catalog.xml", LIMBER_CATALOG_ERROR_ENCODING, { "test-stretch", "title", "UTF-8" } },
  { "empty.catalog.xml", LIMBER_CATALOG_ERROR_MALFORMED, { "empty" } },
};

static void
test_malformed_catalog (gconstpointer data)
{
  const MalformedCase *test_case = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalogs", test_case->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberCatalog) catalog = NULL;

  catalog = limber_catalog_new_from_file (file, &error);

  g_assert_null (catalog);
  g_assert_error (error, LIMBER_CATALOG_ERROR, test_case->code);
  g_test_message ("%s: %s", test_case->file, error->message);

  for (guint i = 0; i < G_N_ELEMENTS (test_case->mentions); i++)
    if (test_case->mentions[i] != NULL && strstr (error->message, test_case->mentions[i]) == NULL)
      g_error ("The error for %s does not mention “%s”: %s", test_case->file, test_case->mentions[i], error->message);
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
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-file.catalog.xml"));
  g_clear_error (&error);

  g_assert_null (limber_catalog_new_from_file (directory_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
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
  g_test_add_func ("/catalog/oversized", test_oversized_catalog);

  for (guint i = 0; i < G_N_ELEMENTS (malformed_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/catalog/malformed/%s", malformed_cases[i].file);

      g_test_add_data_func (name, &malformed_cases[i], test_malformed_catalog);
    }

  return g_test_run ();
}
