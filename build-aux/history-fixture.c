/* history-fixture.c: writes a made-up session history, for screenshots and
 * the history benchmark (build-aux/dev bench history, build-aux/dev
 * screenshots). Not installed.
 *
 *   limber-history-fixture [--days N] [--every-day] [--seed S] FILE
 *
 * One session a day, on most days (every day with --every-day), up to
 * today, through LimberSessionLog itself: the real schema, the real plan
 * text, the catalog's exercises. Pain eases over the weeks, with the ups and
 * downs of real life; some questions are skipped, a few sessions have notes.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gio.h>
#include <gio/gsettingsbackend.h>
#include <math.h>

#include "limber-catalog.h"
#include "limber-plan.h"
#include "limber-session-log.h"

static const char * const notes[] = {
  "Shoulders loosened up after the rows.",
  "Short on time, skipped the stretches at the end.",
  "Neck stiff this morning, better afterwards.",
  "Did it after a long day at the desk.",
};

static LimberSessionRecord *
make_session (LimberPlan *plan,
              GDateTime  *day,
              guint       index,
              guint       n_days,
              GRand      *rand)
{
  GListModel *exercises = limber_plan_get_shown_exercises (plan);
  g_autoptr(GDateTime) start = g_date_time_add_minutes (day, g_rand_int_range (rand, 7 * 60, 20 * 60));
  g_autoptr(GDateTime) end = g_date_time_add_seconds (start, g_rand_int_range (rand, 9 * 60, 19 * 60));
  LimberSessionRecord *record = limber_session_record_new (start);
  double progress = n_days > 1 ? (double)index / (n_days - 1) : 1;
  double pain = 6.5 - 4.0 * progress + g_rand_double_range (rand, -1.5, 1.5);

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);
      gboolean done = g_rand_double (rand) > 0.08;
      guint hold = limber_plan_get_hold_seconds (plan, exercise);
      guint repetitions = limber_exercise_get_repetitions_min (exercise);

      limber_session_record_add_exercise (record, limber_exercise_get_id (exercise),
                                          limber_exercise_get_title (exercise), done, hold,
                                          done && hold > 0 ? repetitions : 0, done ? repetitions : 0, repetitions);
    }

  limber_session_record_set_end (record, end);
  limber_session_record_set_plan (record, plan);
  if (g_rand_double (rand) > 0.15)
    limber_session_record_set_pain_rating (record, CLAMP ((int)round (pain), 0, 10));
  if (g_rand_double (rand) < 0.1)
    limber_session_record_set_note (record, notes[g_rand_int_range (rand, 0, G_N_ELEMENTS (notes))]);

  return record;
}

int
main (int   argc,
      char *argv[])
{
  int n_days = 90;
  gboolean every_day = FALSE;
  int seed = 15;
  const GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &n_days, "Days of history, up to today (90)", "N" },
    { "every-day", 0, 0, G_OPTION_ARG_NONE, &every_day, "A session every day, none skipped", NULL },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "The made-up history's seed (15)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberCatalog) catalog = NULL;
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(LimberPlan) plan = NULL;
  g_autoptr(LimberSessionLog) log = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GRand) rand = NULL;
  guint written = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || n_days < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "Give one FILE, and at least one day");
      return 2;
    }
  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s exists already: give a new file\n", argv[1]);
      return 1;
    }

  catalog = limber_catalog_new_default (&error);
  if (catalog == NULL)
    {
      g_printerr ("The catalog: %s\n", error->message);
      return 1;
    }
  backend = g_memory_settings_backend_new ();
  settings = g_settings_new_with_backend (APPLICATION_ID, backend);
  plan = limber_plan_new (catalog, settings);
  log = limber_session_log_new (argv[1]);
  rand = g_rand_new_with_seed (seed);
  today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), 0, 0, 0);

  for (int i = 0; i < n_days; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (today, i - (n_days - 1));
      g_autoptr(LimberSessionRecord) record = NULL;

      /* About five days a week, unless every day. */
      if (!every_day && g_rand_double (rand) < 0.28)
        continue;

      record = make_session (plan, day, i, n_days, rand);
      if (!limber_session_log_add (log, record, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      written++;
    }

  g_print ("%u sessions over %d days in %s\n", written, n_days, argv[1]);
  return 0;
}
