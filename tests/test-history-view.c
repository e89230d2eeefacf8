/* test-history-view.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <X11/keysym.h>

#include "limber-compat.h"
#include "limber-history-view-private.h"
#include "limber-window-private.h"
#include "window-helpers.h"

static LimberApplication *application;
static LimberCatalog *catalog;

/* Wednesday 2026-03-04, 20:00 UTC: this week began on Monday 2 March. */
#define NOW_UNIX 1772654400
#define MONDAY_UNIX 1772409600
#define DAY (24 * 60 * 60)
#define WEEK (7 * DAY)

static char *
new_history_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("limber-history-view-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (folder, "history.sqlite", NULL);
}

static void
add_session (LimberSessionLog *log,
             gint64            start_unix,
             guint             minutes,
             int               pain,
             const char       *note)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (start_unix);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, minutes);
  g_autoptr(LimberSessionRecord) record = limber_session_record_new (start);
  g_autoptr(GError) error = NULL;

  limber_session_record_add_exercise (record, "rhomboid-stretch", "Rhomboid stretch", TRUE, 20, 3, 3, 3);
  limber_session_record_add_exercise (record, "wall-push-up", "Wall push-up", pain != 9, 0, 0, 10, 10);
  limber_session_record_set_end (record, end);
  limber_session_record_set_pain_rating (record, pain);
  limber_session_record_set_note (record, note);
  g_assert_true (limber_session_log_add (log, record, &error));
  g_assert_no_error (error);
}

/* This week: two sessions, pain 4 and 2. Last week: three, pain 6, 8 and
 * none. Five weeks ago: one, not rated. Far outside the chart: one. */
static LimberSessionLog *
new_fixture_log (void)
{
  g_autofree char *path = new_history_path ();
  LimberSessionLog *log = limber_session_log_new (path);

  add_session (log, MONDAY_UNIX + 8 * 3600, 14, 4, "Stiff <b>neck</b> & shoulders");
  add_session (log, MONDAY_UNIX + DAY + 18 * 3600, 10, 2, NULL);
  add_session (log, MONDAY_UNIX - WEEK + 9 * 3600, 12, 6, NULL);
  add_session (log, MONDAY_UNIX - WEEK + 2 * DAY + 9 * 3600, 12, 8, NULL);
  add_session (log, MONDAY_UNIX - WEEK + 4 * DAY + 9 * 3600, 12, -1, NULL);
  add_session (log, MONDAY_UNIX - 5 * WEEK + 3 * DAY, 20, -1, NULL);
  add_session (log, MONDAY_UNIX - 30 * WEEK, 20, 10, NULL);
  return log;
}

static LimberHistoryView *
new_view (LimberSessionLog *log)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (NOW_UNIX);
  LimberHistoryView *view = LIMBER_HISTORY_VIEW (g_object_ref_sink (limber_history_view_new (log)));

  limber_history_view_set_now (view, now);
  return view;
}

static void
test_week_and_chart (void)
{
  g_autoptr(LimberSessionLog) log = new_fixture_log ();
  LimberHistoryView *view = new_view (log);
  LimberHistoryChart *chart = limber_history_view_get_chart (view);
  GtkListBox *list = limber_history_view_get_week_list (view);
  GtkWidget *row;
  const char *text;

  g_assert_cmpstr (limber_history_view_get_visible_page (view), ==, "history");

  /* This week at a glance: the day and time, how long, how much, how it felt. */
  g_assert_cmpstr (limber_history_view_get_week_summary (view), ==, "2 sessions, 24 minutes in all.");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Monday, 08:00");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "14 minutes · 2 of 2 exercises done · pain 4 of 10\nStiff <b>neck</b> & shoulders");
  /* The note is shown as typed, not as markup. */
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Tuesday, 18:00");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "10 minutes · 2 of 2 exercises done · pain 2 of 10");
  g_assert_null (gtk_list_box_get_row_at_index (list, 2));

  /* The chart's twelve weeks, the last one this week's. */
  g_assert_cmpuint (limber_history_chart_get_sessions (chart, 11), ==, 2);
  g_assert_cmpfloat_with_epsilon (limber_history_chart_get_pain (chart, 11), 3.0, 1e-9);
  g_assert_cmpuint (limber_history_chart_get_sessions (chart, 10), ==, 3);
  g_assert_cmpfloat_with_epsilon (limber_history_chart_get_pain (chart, 10), 7.0, 1e-9);
  g_assert_cmpuint (limber_history_chart_get_sessions (chart, 6), ==, 1);
  g_assert_true (isnan (limber_history_chart_get_pain (chart, 6)));
  for (guint week = 0; week < 6; week++)
    g_assert_cmpuint (limber_history_chart_get_sessions (chart, week), ==, 0);

  /* The same figures as text, for a screen reader. */
  text = limber_history_chart_get_text (chart);
  g_assert_true (g_str_has_prefix (text, "Sessions per week and average pain, over the last 12 weeks.\n"
                                         "Week of 15 December: 0 sessions, no pain rating.\n"));
  g_assert_nonnull (strstr (text, "\nWeek of 26 January: 1 session, no pain rating.\n"));
  g_assert_true (g_str_has_suffix (text, "\nWeek of 23 February: 3 sessions, average pain 7.0 of 10."
                                         "\nWeek of 2 March: 2 sessions, average pain 3.0 of 10."));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Chart of sessions per week and pain");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);

  /* A new session shows at once, in the list, the chart and its text. */
  add_session (log, MONDAY_UNIX + 2 * DAY + 7 * 3600, 8, 1, NULL);
  g_assert_cmpstr (limber_history_view_get_week_summary (view), ==, "3 sessions, 32 minutes in all.");
  g_assert_cmpuint (limber_history_chart_get_sessions (chart, 11), ==, 3);
  g_assert_true (g_str_has_suffix (limber_history_chart_get_text (chart),
                                   "\nWeek of 2 March: 3 sessions, average pain 2.3 of 10."));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       limber_history_chart_get_text (chart));

  g_assert_finalize_object (view);
}

typedef struct
{
  guchar      *pixels;
  int          width;
  int          height;
  gsize        stride;
  GskRenderer *renderer;    /* the chart's window's */
} Picture;

static gboolean
chart_drawn (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0 && gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* The chart as the renderer draws it, in memory (cairo's ARGB32 layout). */
static Picture
render_chart (LimberHistoryChart *chart)
{
  GtkWidget *widget = GTK_WIDGET (chart);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  Picture picture;

  /* The whole widget, its padding too, at its own size. */
  picture.width = gdk_paintable_get_intrinsic_width (paintable);
  picture.height = gdk_paintable_get_intrinsic_height (paintable);
  gdk_paintable_snapshot (paintable, snapshot, picture.width, picture.height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  picture.renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (picture.renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, picture.width, picture.height));
  picture.width = gdk_texture_get_width (texture);
  picture.height = gdk_texture_get_height (texture);
  picture.stride = picture.width * 4;
  picture.pixels = g_malloc (picture.stride * picture.height);
  gdk_texture_download (texture, picture.pixels, picture.stride);
  if (g_getenv ("LIMBER_TEST_SAVE_CHART") != NULL)
    {
      static guint n_saved;
      g_autofree char *name = g_strdup_printf ("%s/chart-%u.png", g_getenv ("LIMBER_TEST_SAVE_CHART"), n_saved++);

      gdk_texture_save_to_png (texture, name);
    }
  return picture;
}

/* @color as the renderer puts it in a texture like the chart's. A style's
 * colour may lie outside sRGB (libadwaita 1.10's warning colour, with GTK
 * 4.24, has a blue below 0), and 8 bits a channel hold only what is inside. */
static GdkRGBA
color_as_drawn (const Picture *picture,
                const GdkRGBA *color)
{
  g_autoptr(GskRenderNode) node = gsk_color_node_new (color, &GRAPHENE_RECT_INIT (0, 0, 1, 1));
  g_autoptr(GdkTexture) texture = gsk_renderer_render_texture (picture->renderer, node,
                                                               &GRAPHENE_RECT_INIT (0, 0, 1, 1));
  guchar pixel[4];

  g_assert_cmpfloat (color->alpha, ==, 1);
  gdk_texture_download (texture, pixel, 4);
  /* BGRA, as pixel_is() reads it. */
  return (GdkRGBA) { pixel[2] / 255.f, pixel[1] / 255.f, pixel[0] / 255.f, 1 };
}

static gboolean
pixel_is (const Picture *picture,
          int            x,
          int            y,
          const GdkRGBA *color)
{
  const guchar *pixel = picture->pixels + y * picture->stride + x * 4;

  /* BGRA in memory, on little-endian machines. */
  return ABS (pixel[2] - color->red * 255) <= 12 && ABS (pixel[1] - color->green * 255) <= 12 &&
         ABS (pixel[0] - color->blue * 255) <= 12;
}

/* The middle of the widest run of columns with the most pixels of @color,
 * and how many each has: the middle of the tallest bar. */
static int
tallest_column (const Picture *picture,
                const GdkRGBA *color,
                int           *count)
{
  GdkRGBA drawn = color_as_drawn (picture, color);
  int first = -1, last = -1;

  *count = 0;
  for (int x = 0; x < picture->width; x++)
    {
      int n = 0;

      for (int y = 0; y < picture->height; y++)
        n += pixel_is (picture, x, y, &drawn);
      if (n > *count)
        {
          *count = n;
          first = last = x;
        }
      else if (n == *count && last == x - 1)
        last = x;
    }

  return (first + last) / 2;
}

static double
luminance (const GdkRGBA *color)
{
  return 0.2126 * color->red + 0.7152 * color->green + 0.0722 * color->blue;
}

static void
test_chart_drawn (void)
{
  g_autoptr(LimberSessionLog) log = new_fixture_log ();
  LimberHistoryView *view = new_view (log);
  LimberHistoryChart *chart = limber_history_view_get_chart (view);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GdkRGBA text, bars, pain, dark_text, dark_bars, dark_pain;
  Picture picture;
  int tallest, count, rtl_tallest, rtl_count;

  gtk_window_set_default_size (window, 600, 800);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  wait_until (chart_drawn, chart, "the chart to be shown");

  /* The bars, in their colour: the tallest is last week's, right of the
   * middle; the pain line is drawn too, in its own colour. */
  limber_history_chart_get_colors (chart, &text, &bars, &pain);
  g_assert_false (gdk_rgba_equal (&bars, &pain));
  picture = render_chart (chart);
  tallest = tallest_column (&picture, &bars, &count);
  g_assert_cmpint (count, >, 40);
  g_assert_cmpint (tallest, >, picture.width / 2);
  {
    int pain_count;

    tallest_column (&picture, &pain, &pain_count);
    g_assert_cmpint (pain_count, >, 4);
  }
  g_free (picture.pixels);

  /* Right to left, as in Arabic, time runs the other way. */
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (chart)), ==, GTK_TEXT_DIR_RTL);
  picture = render_chart (chart);
  rtl_tallest = tallest_column (&picture, &bars, &rtl_count);
  g_assert_cmpint (rtl_count, ==, count);
  g_assert_cmpint (rtl_tallest, <, picture.width / 2);
  g_assert_cmpint (ABS (rtl_tallest - (picture.width - 1 - tallest)), <=, 2);
  g_free (picture.pixels);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);

  /* Dark style: light text, and the series in the dark style's colours. */
  g_assert_cmpfloat (luminance (&text), <, 0.5);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  while (g_main_context_iteration (NULL, FALSE));
  limber_history_chart_get_colors (chart, &dark_text, &dark_bars, &dark_pain);
  g_assert_cmpfloat (luminance (&dark_text), >, 0.5);
  g_assert_false (gdk_rgba_equal (&dark_bars, &bars));
  g_assert_false (gdk_rgba_equal (&dark_pain, &pain));
  picture = render_chart (chart);
  tallest_column (&picture, &dark_bars, &count);
  g_assert_cmpint (count, >, 40);
  g_free (picture.pixels);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (window);
  g_assert_finalize_object (view);
}

static void
test_empty (void)
{
  g_autofree char *path = new_history_path ();
  g_autoptr(LimberSessionLog) log = limber_session_log_new (path);
  LimberHistoryView *view = new_view (log);

  g_assert_cmpstr (limber_history_view_get_visible_page (view), ==, "empty");
  /* Nothing to delete. */
  gtk_widget_activate_action (GTK_WIDGET (view), "history.delete", NULL);
  g_assert_null (limber_history_view_get_confirm_dialog (view));

  /* The first session ends: the history shows. */
  add_session (log, MONDAY_UNIX + 3600, 10, 3, NULL);
  g_assert_cmpstr (limber_history_view_get_visible_page (view), ==, "history");

  g_assert_finalize_object (view);
}

static void
test_off_damaged (void)
{
  g_autofree char *path = new_history_path ();
  g_autoptr(LimberSessionLog) log = limber_session_log_new (path);
  LimberHistoryView *view;
  const char *reason;

  g_assert_true (g_file_set_contents (path, "not a database", -1, NULL));
  view = new_view (log);
  g_assert_cmpstr (limber_history_view_get_visible_page (view), ==, "off");
  reason = limber_history_view_get_off_reason (view);
  g_assert_nonnull (strstr (reason, "is damaged"));
  g_assert_nonnull (strstr (reason, "history.sqlite.damaged-"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_finalize_object (view);
}

static void
test_off_too_new (void)
{
  g_autofree char *path = new_history_path ();
  g_autoptr(LimberSessionLog) log = NULL;
  g_autofree char *escaped = NULL;
  LimberHistoryView *view;
  const char *reason;

  /* A version 3 database, as a later Limber might leave. */
  {
    g_autoptr(LimberSessionLog) writer = limber_session_log_new (path);

    g_assert_true (limber_session_log_open (writer, NULL));
  }
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 3", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  log = limber_session_log_new (path);
  view = new_view (log);
  g_assert_cmpstr (limber_history_view_get_visible_page (view), ==, "off");
  reason = limber_history_view_get_off_reason (view);
  /* Shown as plain text: the path is escaped for the status page's markup. */
  escaped = g_markup_escape_text (limber_session_log_get_problem (log), -1);
  g_assert_cmpstr (reason, ==, escaped);
  g_assert_nonnull (strstr (reason, "newer version of Limber"));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_finalize_object (view);
}

static void
respond (GtkWidget  *dialog,
         const char *response)
{
  /* What its buttons do; the dialog stays open until closed. */
  g_signal_emit_by_name (dialog, "response", response);
  limber_compat_close_dialog (dialog);
  while (g_main_context_iteration (NULL, FALSE));
}

static void
test_delete_asks (void)
{
  g_autoptr(LimberSessionLog) log = new_fixture_log ();
  LimberHistoryView *view = new_view (log);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *dialog;

  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);

  /* Cancel keeps everything. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "history.delete", NULL));
  dialog = limber_history_view_get_confirm_dialog (view);
  g_assert_nonnull (dialog);
  g_assert_cmpint (limber_session_log_count_sessions (log, NULL), ==, 7);
  respond (dialog, "cancel");
  g_assert_cmpint (limber_session_log_count_sessions (log, NULL), ==, 7);
  g_assert_cmpstr (limber_history_view_get_visible_page (view), ==, "history");

  /* Closed without an answer: cancelled too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "history.delete", NULL));
  dialog = limber_history_view_get_confirm_dialog (view);
  g_assert_nonnull (dialog);
  limber_compat_close_dialog (dialog);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_null (limber_history_view_get_confirm_dialog (view));
  g_assert_cmpint (limber_session_log_count_sessions (log, NULL), ==, 7);

  /* Confirmed, it is all gone, and the view says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "history.delete", NULL));
  dialog = limber_history_view_get_confirm_dialog (view);
  g_assert_nonnull (dialog);
  respond (dialog, "confirm");
  g_assert_cmpint (limber_session_log_count_sessions (log, NULL), ==, 0);
  g_assert_cmpstr (limber_history_view_get_visible_page (view), ==, "empty");

  gtk_window_destroy (window);
  g_assert_finalize_object (view);
}

static void
test_export (void)
{
  g_autoptr(LimberSessionLog) log = new_fixture_log ();
  LimberHistoryView *view = new_view (log);
  g_autofree char *path = new_history_path ();
  g_autofree char *csv_path = g_strconcat (path, ".csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv_path);
  g_autofree char *written = NULL;
  g_autofree char *expected = limber_session_log_dup_csv (log, NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_true (limber_history_view_export (view, file));
  g_assert_true (g_file_get_contents (csv_path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);
  /* Seven sessions of two exercises, and the header. */
  lines = g_strsplit (written, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 14 + 1);

  g_assert_finalize_object (view);
}

static gboolean
history_dialog_shown (gpointer data)
{
  return limber_window_get_history_dialog (LIMBER_WINDOW (data)) != NULL;
}

static gboolean
history_dialog_closed (gpointer data)
{
  return limber_window_get_history_dialog (LIMBER_WINDOW (data)) == NULL;
}

/* The keyboard in the history dialog: it is open, and takes Escape. */
static gboolean
history_dialog_focused (gpointer data)
{
  GtkWidget *dialog = limber_window_get_history_dialog (LIMBER_WINDOW (data));
  GtkRoot *root = dialog != NULL ? gtk_widget_get_root (dialog) : NULL;
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == dialog || gtk_widget_is_ancestor (focus, dialog)) &&
         gtk_window_is_active (GTK_WINDOW (root));
}

static void
test_window_opens_lazily (void)
{
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  LimberSessionLog *log = limber_window_get_session_log (window);
  g_autofree char *default_path = limber_session_log_dup_default_path ();
  GtkWidget *dialog;

  /* Start-up opens nothing. */
  g_assert_cmpstr (limber_session_log_get_path (log), ==, default_path);
  g_assert_cmpint (limber_session_log_get_state (log), ==, LIMBER_SESSION_LOG_STATE_CLOSED);
  g_assert_false (g_file_test (default_path, G_FILE_TEST_EXISTS));

  /* Ctrl+H, as the menu says, shows the history, which opens it. */
  press_control_key (window, XK_h);
  wait_until (history_dialog_shown, window, "the history dialog");
  dialog = limber_window_get_history_dialog (window);
  g_assert_cmpint (limber_session_log_get_state (log), ==, LIMBER_SESSION_LOG_STATE_OPEN);
  g_assert_true (g_file_test (default_path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_get_visible (dialog));

  /* Once open, Escape closes it; a kiosk cannot open it again. */
  wait_until (history_dialog_focused, window, "the history dialog to take the keyboard");
  press_key (window, XK_Escape);
  wait_until (history_dialog_closed, window, "the history dialog to close");
  limber_window_set_kiosk (window, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-history", NULL);
  g_assert_null (limber_window_get_history_dialog (window));
  limber_window_set_kiosk (window, FALSE);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* The tests' weeks are UTC weeks, and their text the source language. */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  catalog = limber_catalog_new_default (&error);
  g_assert_no_error (error);
  application = register_test_application ();

  g_test_add_func ("/history-view/week-and-chart", test_week_and_chart);
  g_test_add_func ("/history-view/chart-drawn", test_chart_drawn);
  g_test_add_func ("/history-view/empty", test_empty);
  g_test_add_func ("/history-view/off/damaged", test_off_damaged);
  g_test_add_func ("/history-view/off/too-new", test_off_too_new);
  g_test_add_func ("/history-view/delete-asks", test_delete_asks);
  g_test_add_func ("/history-view/export", test_export);
  g_test_add_func ("/history-view/window-opens-lazily", test_window_opens_lazily);

  status = g_test_run ();
  g_clear_object (&application);
  g_clear_object (&catalog);
  return status;
}
