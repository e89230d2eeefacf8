/* test-plan-printer.c: the printed plan, read back from the PDF with
 * pdftotext, in one language (LIMBER_TEST_LOCALE, with LANGUAGE set to
 * match, as tests/test-locale.c runs).
 *
 * Through the API, through `limber --print-plan` (the real binary, as a
 * clinic's script runs it) and through the print dialog, printing to a
 * file with GTK's own file printer.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <X11/keysym.h>

#include "limber-plan-printer.h"
#include "limber-test-backend.h"
#include "limber-window-private.h"
#include "window-helpers.h"

static const char *locale_name;
static gboolean rtl;
static LimberApplication *application;
static LimberCatalog *catalog;

/* What tests/data/plans/valid.plan makes of the plan: */
#define PRESCRIBED_HOLD 20
#define PRESCRIBED_STRETCHES 3
#define PRESCRIBED_PUSH_UPS 10

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
new_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("limber-print-XXXXXX", &error);

  g_assert_no_error (error);
  return folder;
}

static LimberExercise *
exercise (const char *id)
{
  LimberExercise *found = limber_catalog_lookup (catalog, id);

  g_assert_nonnull (found);
  return found;
}

/* The plan of tests/data/plans/valid.plan, in memory. */
static LimberPlan *
new_prescribed_plan (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  LimberPlan *plan = limber_plan_new (catalog, settings);

  limber_plan_set_shown (plan, exercise ("midback-stretch"), FALSE);
  limber_plan_set_prescribed_hold (plan, exercise ("rhomboid-stretch"), PRESCRIBED_HOLD);
  limber_plan_set_prescribed_repetitions (plan, exercise ("rhomboid-stretch"), PRESCRIBED_STRETCHES);
  limber_plan_set_prescribed_repetitions (plan, exercise ("wall-push-up"), PRESCRIBED_PUSH_UPS);
  return plan;
}

/* Runs a poppler tool, which must succeed. Returns: its output */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

static char *
read_pdf_text (const char *pdf)
{
  /* -raw: in the order drawn, which for right-to-left lines without
   * numbers is the logical order. */
  const char *argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  char *out = run_tool (argv);

  g_assert_true (g_utf8_validate (out, -1, NULL));
  return out;
}

static guint
count_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = run_tool (argv);
  const char *pages = strstr (out, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static gboolean
is_lam_or_alef (gunichar c)
{
  return c == 0x0644 || c == 0x0627 || c == 0x0623 || c == 0x0625 || c == 0x0622;
}

/* Text to compare, with what pdftotext cannot give back as it was written
 * left out: spaces and line breaks (it breaks lines where the page does),
 * direction marks (it adds them), and, for Arabic, vowel marks (given
 * apart from their letters) and lam and alef (a lam-alef ligature comes
 * back reversed). */
static char *
comparable (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (g_unichar_isspace (c) || type == G_UNICODE_FORMAT || type == G_UNICODE_NON_SPACING_MARK ||
          is_lam_or_alef (c))
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Right-to-left text without its punctuation: brackets are
 * drawn mirrored, and pdftotext puts them and the numbers they hold where
 * they are drawn, not beside the word. */
static char *
comparable_word (const char *word)
{
  g_autofree char *text = comparable (word);
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_ispunct (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

/* Right to left, pdftotext gives a line's runs of words and numbers in the
 * order they are drawn, so a sentence with numbers in it counts as printed
 * when every one of its words is; elsewhere, the whole sentence in one. */
static gboolean
says (const char *pdf_text,
      const char *expected)
{
  g_autofree char *haystack = rtl ? comparable_word (pdf_text) : comparable (pdf_text);
  g_auto(GStrv) words = NULL;

  if (!rtl)
    {
      g_autofree char *needle = comparable (expected);

      return strstr (haystack, needle) != NULL;
    }

  words = g_strsplit_set (expected, " \n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = comparable_word (words[i]);

      if (*word != '\0' && strstr (haystack, word) == NULL)
        {
          g_test_message ("“%s” (“%s”) is not printed", words[i], expected);
          return FALSE;
        }
    }

  return TRUE;
}

/* Where @expected, a line of its own (a title), is printed, or -1. */
static gssize
position (const char *pdf_text,
          const char *expected)
{
  g_autofree char *haystack = comparable (pdf_text);
  g_autofree char *needle = comparable (expected);
  const char *found = strstr (haystack, needle);

  return found != NULL ? found - haystack : -1;
}

static void
assert_says (const char *pdf_text,
             const char *expected)
{
  if (!says (pdf_text, expected))
    g_error ("The PDF does not say “%s”. It says:\n%s", expected, pdf_text);
}

/* Every shown exercise in the plan's order, with its steps as the plan
 * numbers them, its warning and equipment; no hidden exercise; the
 * follow-up care. */
static void
assert_plan_printed (const char *text,
                     LimberPlan *plan)
{
  GListModel *shown = limber_plan_get_shown_exercises (plan);
  GListModel *all = G_LIST_MODEL (catalog);
  const char * const *follow_up = limber_catalog_get_follow_up_care (catalog);
  gssize last = -1;

  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
  assert_says (text, _("My Plan"));

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(LimberExercise) shown_exercise = g_list_model_get_item (shown, i);
      const char *warning = limber_exercise_get_warning (shown_exercise);
      const char *equipment = limber_exercise_get_equipment (shown_exercise);
      gssize at = position (text, limber_exercise_get_title (shown_exercise));

      g_assert_cmpint (at, >, last);
      last = at;

      for (guint step = 0; step < limber_exercise_get_n_steps (shown_exercise); step++)
        {
          g_autofree char *step_text = limber_plan_dup_step_text (plan, shown_exercise, step);

          assert_says (text, step_text);
        }
      if (*warning != '\0')
        assert_says (text, warning);
      if (*equipment != '\0')
        assert_says (text, equipment);
    }

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(LimberExercise) any = g_list_model_get_item (all, i);

      if (!limber_plan_is_shown (plan, any))
        {
          g_assert_cmpint (position (text, limber_exercise_get_title (any)), ==, -1);
          if (*limber_exercise_get_warning (any) != '\0')
            g_assert_cmpint (position (text, limber_exercise_get_warning (any)), ==, -1);
        }
    }

  for (guint i = 0; follow_up[i] != NULL; i++)
    assert_says (text, follow_up[i]);
}

/* The plan's numbers, not the handout's, where the plan prescribes them. */
static void
assert_prescriptions_printed (const char *text)
{
  g_autofree char *hold = limber_exercise_dup_step_text (exercise ("rhomboid-stretch"), 4, PRESCRIBED_HOLD, 0);
  g_autofree char *handout_hold = limber_exercise_dup_step_text (exercise ("rhomboid-stretch"), 4, 0, 0);
  g_autofree char *push_ups = limber_exercise_dup_step_text (exercise ("wall-push-up"), 3, 0, PRESCRIBED_PUSH_UPS);

  assert_says (text, hold);
  assert_says (text, push_ups);
  /* The only other hold, the midback stretch's, is hidden. (Word by word,
   * right to left, the handout's words are all there in other steps.) */
  if (!rtl)
    g_assert_false (says (text, handout_hold));
}

static char *
export_to_text (LimberPlanPrinter *printer,
                const char        *folder)
{
  g_autofree char *path = g_build_filename (folder, "plan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  gboolean exported = limber_plan_printer_export (printer, file, &error);

  g_assert_no_error (error);
  g_assert_true (exported);
  return read_pdf_text (path);
}

static void
test_export (void)
{
  g_autoptr(LimberPlan) plan = new_prescribed_plan ();
  g_autoptr(LimberPlanPrinter) printer = limber_plan_printer_new (plan, NULL);
  g_autofree char *folder = new_folder ();
  g_autofree char *pdf = g_build_filename (folder, "plan.pdf", NULL);
  g_autofree char *text = export_to_text (printer, folder);
  g_autofree char *page_one = g_strdup_printf (_("Page %d of %u"), 1, count_pages (pdf));
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);

  g_test_message ("%s: %u pages", locale_name, count_pages (pdf));
  assert_plan_printed (text, plan);
  assert_prescriptions_printed (text);
  assert_says (text, page_one);
  g_assert_cmpint (position (text, _("The Last Four Weeks")), ==, -1);

  /* The PDF and nothing beside it. */
  g_assert_cmpstr (g_dir_read_name (dir), ==, "plan.pdf");
  g_assert_null (g_dir_read_name (dir));
}

/* Page 1 of @pdf as pdftoppm renders it, as PNG bytes. */
static GBytes *
render_first_page (const char *pdf)
{
  g_autofree char *folder = new_folder ();
  g_autofree char *prefix = g_build_filename (folder, "page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "40", "-f", "1", "-singlefile", pdf, prefix, NULL };
  g_autofree char *out = run_tool (argv);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  GBytes *bytes;

  mapped = g_mapped_file_new (png, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);
  g_remove (png);
  g_remove (folder);
  return bytes;
}

/* Paper is white: the pictures keep their light palette when the screen is
 * dark, so the page is drawn as it is in the light style. */
static void
test_export_dark_screen (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(LimberPlan) plan = new_prescribed_plan ();
  g_autoptr(LimberPlanPrinter) light = limber_plan_printer_new (plan, NULL);
  g_autoptr(LimberPlanPrinter) dark = limber_plan_printer_new (plan, NULL);
  g_autofree char *light_folder = new_folder ();
  g_autofree char *dark_folder = new_folder ();
  g_autofree char *light_pdf = g_build_filename (light_folder, "plan.pdf", NULL);
  g_autofree char *dark_pdf = g_build_filename (dark_folder, "plan.pdf", NULL);
  g_autofree char *light_text = NULL;
  g_autofree char *dark_text = NULL;
  g_autoptr(GBytes) light_page = NULL;
  g_autoptr(GBytes) dark_page = NULL;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  light_text = export_to_text (light, light_folder);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  dark_text = export_to_text (dark, dark_folder);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  light_page = render_first_page (light_pdf);
  dark_page = render_first_page (dark_pdf);
  g_assert_cmpstr (dark_text, ==, light_text);
  g_assert_true (g_bytes_equal (dark_page, light_page));
}

/* The warning of an exercise shown again is printed; the handout's ranges
 * where nothing is prescribed. */
static void
test_export_handout (void)
{
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = limber_plan_new (catalog, settings);
  g_autoptr(LimberPlanPrinter) printer = limber_plan_printer_new (plan, NULL);
  g_autofree char *folder = new_folder ();
  g_autofree char *text = export_to_text (printer, folder);

  g_assert_cmpuint (limber_plan_get_n_hidden (plan), ==, 0);
  assert_plan_printed (text, plan);
  assert_says (text, limber_exercise_get_warning (exercise ("midback-stretch")));
}

/* Text from a catalog is printed as it is written, never read as markup. */
static void
test_export_plain_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalogs", "markup-text.catalog.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LimberCatalog) markup = limber_catalog_new_from_file (file, &error);
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = NULL;
  g_autoptr(LimberPlanPrinter) printer = NULL;
  g_autofree char *folder = new_folder ();
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  plan = limber_plan_new (markup, settings);
  printer = limber_plan_printer_new (plan, NULL);
  text = export_to_text (printer, folder);

  /* On a right-to-left page, the closing bracket that ends an English line
   * goes to the line's start edge, as the bidi algorithm places it. */
  g_assert_nonnull (strstr (text, rtl ? "Rows & <b>pulls</b" : "Rows & <b>pulls</b>"));
  g_assert_nonnull (strstr (text, rtl ? "<i>triage</i" : "<i>triage</i>"));
}

static void
add_session (LimberSessionLog *log,
             GDateTime        *start,
             int               pain,
             const char       *note)
{
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 12);
  g_autoptr(LimberSessionRecord) record = limber_session_record_new (start);
  g_autoptr(GError) error = NULL;

  limber_session_record_add_exercise (record, "rhomboid-stretch", "Rhomboid stretch", TRUE, 20, 3, 3, 3);
  limber_session_record_add_exercise (record, "wall-push-up", "Wall push-up", FALSE, 0, 0, 0, 10);
  limber_session_record_set_end (record, end);
  limber_session_record_set_pain_rating (record, pain);
  limber_session_record_set_note (record, note);
  g_assert_true (limber_session_log_add (log, record, &error));
  g_assert_no_error (error);
}

typedef struct
{
  GDateTime *recent;
  GDateTime *old;
} History;

/* A session three days ago, rated 4 and with a note, and one six weeks ago. */
static void
add_history (LimberSessionLog *log,
             History          *history)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) morning = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                        g_date_time_get_day_of_month (now), 8, 15, 0);

  history->recent = g_date_time_add_days (morning, -3);
  history->old = g_date_time_add_days (morning, -42);
  add_session (log, history->recent, 4, "Stiff & <b>sore</b> at first");
  add_session (log, history->old, 7, "Six weeks ago");
}

static void
history_clear (History *history)
{
  g_clear_pointer (&history->recent, g_date_time_unref);
  g_clear_pointer (&history->old, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (History, history_clear)

static char *
session_date (GDateTime *start)
{
  return g_date_time_format (start, _("%a %-d %b %Y, %H:%M"));
}

static void
assert_history_printed (const char *text,
                        History    *history)
{
  g_autofree char *recent = session_date (history->recent);
  g_autofree char *old = session_date (history->old);
  g_autofree char *pain = g_strdup_printf (_("pain %d of 10"), 4);
  g_autofree char *done = g_strdup_printf (ngettext ("%u of %u exercise done", "%u of %u exercises done", 2), 1, 2);

  assert_says (text, _("The Last Four Weeks"));
  assert_says (text, recent);
  assert_says (text, pain);
  assert_says (text, done);
  g_assert_nonnull (strstr (text, "Stiff & <b>sore</b> at first"));
  g_assert_false (says (text, old));
  g_assert_null (strstr (text, "Six weeks ago"));
}

static void
test_export_history (void)
{
  g_autoptr(LimberPlan) plan = new_prescribed_plan ();
  g_autofree char *folder = new_folder ();
  g_autofree char *log_path = g_build_filename (folder, "history.sqlite", NULL);
  g_autofree char *pdf_folder = new_folder ();
  g_autoptr(LimberSessionLog) log = limber_session_log_new (log_path);
  g_autoptr(LimberPlanPrinter) printer = limber_plan_printer_new (plan, log);
  g_autoptr(LimberPlanPrinter) without = limber_plan_printer_new (plan, log);
  g_auto(History) history = { NULL };
  g_autofree char *text = NULL;
  g_autofree char *text_without = NULL;

  add_history (log, &history);

  limber_plan_printer_set_with_history (printer, TRUE);
  text = export_to_text (printer, pdf_folder);
  assert_plan_printed (text, plan);
  assert_history_printed (text, &history);

  /* Only when asked. */
  text_without = export_to_text (without, pdf_folder);
  g_assert_cmpint (position (text_without, _("The Last Four Weeks")), ==, -1);
  g_assert_null (strstr (text_without, "Stiff & <b>sore</b> at first"));
}

/* A history that cannot be read stops the export, with the reason. */
static void
test_export_history_unreadable (void)
{
  g_autoptr(LimberPlan) plan = new_prescribed_plan ();
  g_autofree char *folder = new_folder ();
  g_autofree char *log_path = g_build_filename (folder, "history.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (folder, "plan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(LimberSessionLog) log = NULL;
  g_autoptr(LimberPlanPrinter) printer = NULL;
  g_autoptr(GError) error = NULL;

  /* An SQLite file from a newer Limber is left alone, and not read. */
  {
    const char *argv[] = { "sqlite3", log_path, "PRAGMA user_version = 99; CREATE TABLE t (x);", NULL };
    int status;

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, NULL) ||
        !g_spawn_check_wait_status (status, NULL))
      {
        g_test_skip ("no sqlite3 command");
        return;
      }
  }

  log = limber_session_log_new (log_path);
  printer = limber_plan_printer_new (plan, log);
  limber_plan_printer_set_with_history (printer, TRUE);
  g_assert_false (limber_plan_printer_export (printer, file, &error));
  g_assert_error (error, LIMBER_SESSION_LOG_ERROR, LIMBER_SESSION_LOG_ERROR_TOO_NEW);
  g_test_message ("%s", error->message);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* `limber ARGS…` as a script runs it, with its settings in @config_dir. */
static void
run_limber (const char         *config_dir,
            const char * const *args,
            GSubprocessLauncher *given,
            Run                *run)
{
  g_autofree char *limber = g_test_build_filename (G_TEST_BUILT, "..", "src", "limber", NULL);
  g_autoptr(GSubprocessLauncher) launcher = given != NULL ? g_object_ref (given)
                                                          : g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  run_clear (run);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config_dir, TRUE);
  g_ptr_array_add (argv, limber);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("limber %s → %d\nstdout: %s\nstderr: %s", args[0], run->status, run->out, run->err);
}

/* A folder of settings with tests/data/plans/valid.plan imported into it. */
static char *
new_config_with_plan (void)
{
  g_autofree char *plan = g_test_build_filename (G_TEST_DIST, "data", "plans", "valid.plan", NULL);
  const char *args[] = { "--import-plan", plan, NULL };
  char *config = new_folder ();
  g_auto(Run) run = { 0 };

  run_limber (config, args, NULL, &run);
  g_assert_cmpint (run.status, ==, EXIT_SUCCESS);
  return config;
}

static void
test_command_line (void)
{
  g_autofree char *config = new_config_with_plan ();
  g_autofree char *folder = new_folder ();
  g_autofree char *pdf = g_build_filename (folder, "my plan.pdf", NULL);
  g_autofree char *printed = g_strdup_printf (_("Printed the plan to “%s”.\n"), pdf);
  g_autoptr(LimberPlan) plan = new_prescribed_plan ();
  const char *args[] = { "--print-plan", pdf, NULL };
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;

  run_limber (config, args, NULL, &run);
  g_assert_cmpint (run.status, ==, EXIT_SUCCESS);
  g_assert_cmpstr (run.out, ==, printed);

  text = read_pdf_text (pdf);
  assert_plan_printed (text, plan);
  assert_prescriptions_printed (text);
  g_assert_cmpint (position (text, _("The Last Four Weeks")), ==, -1);
}

/* --with-history reads the person's own history. */
static void
test_command_line_history (void)
{
  g_autofree char *config = new_config_with_plan ();
  g_autofree char *folder = new_folder ();
  g_autofree char *pdf = g_build_filename (folder, "plan.pdf", NULL);
  g_autofree char *log_path = limber_session_log_dup_default_path ();
  g_autoptr(LimberSessionLog) log = limber_session_log_new (log_path);
  const char *args[] = { "--print-plan", pdf, "--with-history", NULL };
  g_auto(History) history = { NULL };
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;

  add_history (log, &history);
  g_clear_object (&log);

  run_limber (config, args, NULL, &run);
  g_assert_cmpint (run.status, ==, EXIT_SUCCESS);
  text = read_pdf_text (pdf);
  assert_history_printed (text, &history);
  g_assert_cmpint (g_remove (log_path), ==, 0);
}

/* A clinic's catalog. */
static void
test_command_line_catalog (void)
{
  g_autofree char *config = new_folder ();
  g_autofree char *folder = new_folder ();
  g_autofree char *pdf = g_build_filename (folder, "plan.pdf", NULL);
  g_autofree char *minimal = g_test_build_filename (G_TEST_DIST, "data", "catalogs", "valid-minimal.catalog.xml", NULL);
  const char *args[] = { "--catalog", minimal, "--print-plan", pdf, NULL };
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;

  run_limber (config, args, NULL, &run);
  g_assert_cmpint (run.status, ==, EXIT_SUCCESS);
  text = read_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Test stretch"));
  assert_says (text, "Keep your appointments.");
  g_assert_cmpint (position (text, limber_exercise_get_title (exercise ("wall-push-up"))), ==, -1);
}

static void
assert_no_file_beside (const char *folder,
                       const char *kept)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_cmpstr (name, ==, kept);
}

static void
assert_not_printed (const Run  *run,
                    const char *path,
                    const char *reason)
{
  g_autofree char *message = g_strdup_printf (_("The plan was not printed to “%s”: %s\n"), path, reason);

  g_assert_cmpint (run->status, ==, EXIT_FAILURE);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, message));
}

/* A folder that is not there, a file name that is a folder. */
static void
test_command_line_unwritable (void)
{
  g_autofree char *config = new_folder ();
  g_autofree char *folder = new_folder ();
  g_autofree char *missing = g_build_filename (folder, "no such folder", "plan.pdf", NULL);
  g_autofree char *taken = g_build_filename (folder, "a folder", NULL);
  const char *to_missing[] = { "--print-plan", missing, NULL };
  const char *to_folder[] = { "--print-plan", taken, NULL };
  g_auto(Run) run = { 0 };

  run_limber (config, to_missing, NULL, &run);
  /* libc's own words: g_strerror() keeps the first it was given, here from
   * before the locale was set. */
  assert_not_printed (&run, missing, strerror (ENOENT));

  g_assert_cmpint (g_mkdir (taken, 0755), ==, 0);
  run_limber (config, to_folder, NULL, &run);
  assert_not_printed (&run, taken, strerror (EISDIR));
  assert_no_file_beside (folder, "a folder");
}

/* Files of at most 16 KiB, as on a full disk: the PDF is cut short. */
static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { 16 * 1024, 16 * 1024 };

  prctl (PR_SET_PDEATHSIG, SIGTERM);
  /* The write fails instead of killing the process. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* A PDF that cannot be written whole leaves the file that was there. */
static void
test_command_line_disk_full (void)
{
  g_autofree char *config = new_folder ();
  g_autofree char *folder = new_folder ();
  g_autofree char *pdf = g_build_filename (folder, "plan.pdf", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  const char *args[] = { "--print-plan", pdf, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };

  g_file_set_contents (pdf, "last week's plan", -1, &error);
  g_assert_no_error (error);

  g_subprocess_launcher_set_child_setup (launcher, limit_file_size, NULL, NULL);
  run_limber (config, args, launcher, &run);
  assert_not_printed (&run, pdf, _("the PDF could not be written whole (is the disk full?)"));

  g_file_get_contents (pdf, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "last week's plan");
  assert_no_file_beside (folder, "plan.pdf");
}

static void
test_command_line_refused (void)
{
  g_autofree char *config = new_folder ();
  g_autofree char *folder = new_folder ();
  g_autofree char *pdf = g_build_filename (folder, "plan.pdf", NULL);
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "data", "catalogs", "duplicate-id.catalog.xml", NULL);
  const char *broken_catalog[] = { "--catalog", broken, "--print-plan", pdf, NULL };
  const char *history_alone[] = { "--with-history", NULL };
  const char *with_kiosk[] = { "--print-plan", pdf, "--kiosk", NULL };
  g_auto(Run) run = { 0 };

  run_limber (config, broken_catalog, NULL, &run);
  g_assert_cmpint (run.status, ==, EXIT_FAILURE);
  g_assert_nonnull (strstr (run.err, broken));
  g_assert_nonnull (strstr (run.err, "duplicate-id.catalog.xml"));

  run_limber (config, history_alone, NULL, &run);
  g_assert_cmpint (run.status, ==, EXIT_FAILURE);
  g_assert_nonnull (strstr (run.err, "--print-plan"));

  run_limber (config, with_kiosk, NULL, &run);
  g_assert_cmpint (run.status, ==, EXIT_FAILURE);
  g_assert_nonnull (strstr (run.err, "--kiosk"));

  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static gboolean
is_enabled (gpointer data)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (application), data);
}

static GtkPrintUnixDialog *
find_print_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (GTK_IS_PRINT_UNIX_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static gboolean
print_dialog_shown (gpointer data)
{
  return find_print_dialog () != NULL;
}

static GtkWidget *
find_check_button (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget) &&
      g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)),
                 _("_Add the sessions of the last four weeks")) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkPrintOperationResult result;
  gboolean                done;
} Done;

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         Done                    *done)
{
  done->result = result;
  done->done = TRUE;
}

/* Print… (Ctrl+P) opens the print dialog on the window, with the History
 * tab; cancelling it prints nothing. */
static void
test_dialog_cancel (void)
{
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "app.print");
  GtkPrintUnixDialog *dialog;

  g_assert_cmpstrv (accels, ((const char *[]) { "<Control>p", NULL }));
  g_assert_true (is_enabled ("print"));

  press_control_key (window, XK_p);
  wait_until (print_dialog_shown, NULL, "the print dialog");
  dialog = find_print_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_nonnull (find_check_button (GTK_WIDGET (dialog)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check_button (GTK_WIDGET (dialog)))));

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  while (find_print_dialog () != NULL)
    g_main_context_iteration (NULL, TRUE);

  close_window (window);
}

/* GTK's own printer to a file, by its name in this language. */
static gboolean
file_printer_selected (gpointer data)
{
  GtkPrinter *printer = gtk_print_unix_dialog_get_selected_printer (data);

  return printer != NULL && g_str_equal (gtk_printer_get_name (printer), g_dgettext ("gtk40", "Print to File"));
}

static gboolean
is_done (gpointer data)
{
  return ((Done *) data)->done;
}

/* "done" comes when the pages are drawn; the file is written after. */
static gboolean
is_finished (gpointer data)
{
  return gtk_print_operation_is_finished (data);
}

/* Printed from the dialog, to a file, with the History tab's box ticked. */
static void
test_dialog_to_file (void)
{
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  LimberPlan *plan = limber_window_get_plan (window);
  g_autofree char *folder = new_folder ();
  g_autofree char *log_path = g_build_filename (folder, "history.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (folder, "from the dialog.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autoptr(LimberSessionLog) log = limber_session_log_new (log_path);
  g_autoptr(LimberPlanPrinter) printer = limber_plan_printer_new (plan, log);
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_auto(History) history = { NULL };
  g_autofree char *text = NULL;
  GtkPrintUnixDialog *dialog;
  Done done = { 0 };

  add_history (log, &history);
  limber_plan_set_prescribed_hold (plan, exercise ("rhomboid-stretch"), PRESCRIBED_HOLD);

  gtk_print_settings_set_printer (settings, g_dgettext ("gtk40", "Print to File"));
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (printer), settings);
  g_signal_connect (printer, "done", G_CALLBACK (on_done), &done);
  limber_plan_printer_present (printer, GTK_WINDOW (window));

  wait_until (print_dialog_shown, NULL, "the print dialog");
  dialog = find_print_dialog ();
  wait_until (file_printer_selected, dialog, "the print dialog to choose printing to a file");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check_button (GTK_WIDGET (dialog))), TRUE);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  wait_until (is_done, &done, "the plan to be printed");
  wait_until (is_finished, printer, "the printed plan to be written");

  g_assert_cmpint (done.result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (limber_plan_printer_get_with_history (printer));
  text = read_pdf_text (pdf);
  assert_plan_printed (text, plan);
  assert_history_printed (text, &history);

  close_window (window);
}

/* A kiosk prints nothing: Print… is off, and Ctrl+P opens nothing. */
static void
test_dialog_kiosk (void)
{
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);

  g_assert_true (is_enabled ("print"));
  limber_window_set_kiosk (window, TRUE);
  g_assert_false (is_enabled ("print"));

  press_control_key (window, XK_p);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (find_print_dialog ());

  limber_window_set_kiosk (window, FALSE);
  g_assert_true (is_enabled ("print"));
  close_window (window);

  /* No plan, nothing to print. */
  window = open_window (GTK_APPLICATION (application), NULL);
  g_assert_false (is_enabled ("print"));
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  locale_name = g_getenv ("LIMBER_TEST_LOCALE");
  g_assert_nonnull (locale_name);

  init_in_user_locale (&argc, &argv);
  rtl = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
  application = register_test_application ();
  catalog = limber_catalog_new_default (NULL);

  g_test_add_func ("/plan-printer/export", test_export);
  g_test_add_func ("/plan-printer/export/handout", test_export_handout);
  g_test_add_func ("/plan-printer/export/dark-screen", test_export_dark_screen);
  g_test_add_func ("/plan-printer/export/plain-text", test_export_plain_text);
  g_test_add_func ("/plan-printer/export/history", test_export_history);
  g_test_add_func ("/plan-printer/export/history-unreadable", test_export_history_unreadable);
  g_test_add_func ("/plan-printer/command-line", test_command_line);
  g_test_add_func ("/plan-printer/command-line/history", test_command_line_history);
  g_test_add_func ("/plan-printer/command-line/catalog", test_command_line_catalog);
  g_test_add_func ("/plan-printer/command-line/unwritable", test_command_line_unwritable);
  g_test_add_func ("/plan-printer/command-line/disk-full", test_command_line_disk_full);
  g_test_add_func ("/plan-printer/command-line/refused", test_command_line_refused);
  g_test_add_func ("/plan-printer/dialog/cancel", test_dialog_cancel);
  g_test_add_func ("/plan-printer/dialog/to-file", test_dialog_to_file);
  g_test_add_func ("/plan-printer/dialog/kiosk", test_dialog_kiosk);

  status = g_test_run ();
  g_clear_object (&catalog);
  g_clear_object (&application);

  return status;
}
