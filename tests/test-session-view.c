/* test-session-view.c: a coached session in the real window, as a person
 * drives it: Start, Space, the bar, Listen on a slide, the summary.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <X11/keysym.h>

#include "limber-countdown-private.h"
#include "limber-session-bar.h"
#include "limber-session-controller-private.h"
#include "limber-session-record.h"
#include "limber-session-view-private.h"
#include "limber-slide-private.h"
#include "limber-test-backend.h"
#include "limber-window-private.h"
#include "window-helpers.h"
#ifdef HAVE_NARRATION
#include "limber-speech-private.h"
#endif

static LimberApplication *application;
static LimberCatalog *catalog;

typedef struct
{
  LimberWindow            *window;
  LimberPlan              *plan;
  LimberSessionController *controller;
  LimberSession           *session;
  LimberSessionView       *view;
} Fixture;

/* Two exercises: the rhomboid stretch held 20 s, 2 times, and the push-ups. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  const char *hidden[] = { "midback-stretch", "shoulder-roll", "shoulder-blade-squeeze", "resisted-rows" };

  /* Real time where keys are pressed, sped up where a session runs its course. */
  limber_countdown_set_default_time_scale (data != NULL ? *(const double *) data : 0.001);
  g_settings_reset (settings, "position-change");
  fixture->plan = limber_plan_new (catalog, settings);
  limber_plan_reset (fixture->plan);
  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    limber_plan_set_shown (fixture->plan, limber_catalog_lookup (catalog, hidden[i]), FALSE);
  limber_plan_set_prescribed_hold (fixture->plan, limber_catalog_lookup (catalog, "rhomboid-stretch"), 20);
  limber_plan_set_prescribed_repetitions (fixture->plan, limber_catalog_lookup (catalog, "rhomboid-stretch"), 2);

  fixture->window = open_window_with_plan (GTK_APPLICATION (application), fixture->plan);
  fixture->controller = limber_window_get_session_controller (fixture->window);
  fixture->session = limber_session_controller_get_session (fixture->controller);
  fixture->view = LIMBER_SESSION_VIEW (limber_session_controller_get_view (fixture->controller));
#ifdef HAVE_NARRATION
  {
    /* Really spoken, as fast as the words come, where the sped-up tests run. */
    GstElement *sink = gst_element_factory_make ("fakesink", NULL);

    g_object_set (sink, "sync", data != NULL && *(const double *) data >= 1.0, NULL);
    limber_speech_set_audio_sink (LIMBER_SPEECH (limber_session_controller_get_speech (fixture->controller)), sink);
  }
#endif
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_window (fixture->window);
  g_clear_object (&fixture->plan);
}

/* Holds the session still at a hold's first second, to look at it. */
static void
pause_at_hold_countdown (LimberCountdown *countdown,
                         GParamSpec      *pspec,
                         gpointer         session)
{
  const LimberCue *cue = limber_session_get_cue (session);

  if (cue != NULL && cue->kind == LIMBER_CUE_HOLD && limber_countdown_get_seconds_left (countdown) < 20)
    limber_session_pause (session);
}

static gboolean
in_hold (gpointer data)
{
  Fixture *fixture = data;
  const LimberCue *cue = limber_session_get_cue (fixture->session);

  return cue != NULL && cue->kind == LIMBER_CUE_HOLD &&
         limber_session_get_state (fixture->session) == LIMBER_SESSION_STATE_PAUSED;
}

/* The summary is on show from the start of its words; the session has
 * ended once they have been said. */
static gboolean
on_summary (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (limber_session_view_get_page (fixture->view), "summary") == 0 &&
         limber_session_get_completed (fixture->session);
}

static gboolean
rating_answered (gpointer data)
{
  Fixture *fixture = data;

  return !gtk_widget_get_visible (GTK_WIDGET (limber_session_view_get_pain_rating (fixture->view)));
}

static gboolean
stopped (gpointer data)
{
  Fixture *fixture = data;

  return limber_session_get_state (fixture->session) == LIMBER_SESSION_STATE_STOPPED;
}

static gboolean
back_on_exercises (gpointer data)
{
  Fixture *fixture = data;

  return g_str_equal (limber_window_get_visible_page (fixture->window), "exercises");
}

/* Start shows the coach, with the bar; a hold is a big countdown. */
static void
test_view_start_and_hold (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *dial;
  AdwWindowTitle *title;
  int window_height;

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (fixture->window)));
  g_signal_connect (limber_session_get_countdown (fixture->session), "notify::seconds-left",
                    G_CALLBACK (pause_at_hold_countdown), fixture->session);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "session.start", NULL);

  g_assert_true (limber_session_controller_get_active (fixture->controller));
  g_assert_cmpstr (limber_window_get_visible_page (fixture->window), ==, "session");
  g_assert_cmpstr (limber_session_view_get_page (fixture->view), ==, "coach");
  g_assert_cmpstr (limber_session_view_get_progress_text (fixture->view), ==, "Exercise 1 of 2");

  wait_until (in_hold, fixture, "the first hold");
  g_assert_cmpstr (limber_session_view_get_progress_text (fixture->view), ==, "Exercise 1 of 2 · Step 5 of 6");
  g_assert_cmpstr (limber_session_view_get_step_text (fixture->view), ==, "Stay in the stretch for 20 seconds.");
  g_assert_cmpstr (limber_session_view_get_caption (fixture->view), ==, "Hold · Repetition 1 of 2");
  g_assert_cmpstr (limber_countdown_dial_get_number (limber_session_view_get_dial (fixture->view)), ==, "19");

  /* The countdown reads across a room: at least a sixth of the window's height. */
  dial = GTK_WIDGET (limber_session_view_get_dial (fixture->view));
  window_height = gtk_widget_get_height (GTK_WIDGET (fixture->window));
  g_test_message ("dial %d×%d in a window %d high", gtk_widget_get_width (dial), gtk_widget_get_height (dial),
                  window_height);
  g_assert_cmpint (MIN (gtk_widget_get_width (dial), gtk_widget_get_height (dial)) * 6, >=, window_height);

  g_signal_handlers_disconnect_by_func (limber_session_get_countdown (fixture->session), pause_at_hold_countdown,
                                        fixture->session);

  /* The header names the session's exercise, not the slide behind it. */
  title = ADW_WINDOW_TITLE (find_widget_of_type (GTK_WIDGET (fixture->window), ADW_TYPE_WINDOW_TITLE));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Lower neck and upper back stretch");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "session.skip-exercise", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "session.skip-exercise", NULL);
  g_assert_cmpstr (limber_exercise_get_title (limber_session_get_exercise (fixture->session)), !=,
                   "Lower neck and upper back stretch");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==,
                   limber_exercise_get_title (limber_session_get_exercise (fixture->session)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "session.stop", NULL);
  wait_until (back_on_exercises, fixture, "the carousel again");
  g_assert_false (limber_session_controller_get_active (fixture->controller));
}

typedef struct
{
  Fixture            *fixture;
  LimberSessionState  state;
  int                 step;
} Expected;

static gboolean
reached (gpointer data)
{
  Expected *expected = data;

  return limber_session_get_state (expected->fixture->session) == expected->state &&
         (expected->step < 0 || limber_session_get_step (expected->fixture->session) == expected->step);
}

static void
press_and_wait (Fixture            *fixture,
                KeySym              key,
                LimberSessionState  state,
                int                 step,
                const char         *what)
{
  Expected expected = { fixture, state, step };

  press_key (fixture->window, key);
  wait_until (reached, &expected, what);
}

/* Space starts a session, pauses it and resumes it; the arrows move by steps. */
static void
test_view_space (Fixture       *fixture,
                 gconstpointer  data)
{
  press_and_wait (fixture, XK_space, LIMBER_SESSION_STATE_PLAYING, -1, "Space to start a session");
  g_assert_true (limber_session_controller_get_active (fixture->controller));
  press_and_wait (fixture, XK_space, LIMBER_SESSION_STATE_PAUSED, -1, "Space to pause it");
  press_and_wait (fixture, XK_space, LIMBER_SESSION_STATE_PLAYING, -1, "Space to resume it");

  press_and_wait (fixture, XK_Right, LIMBER_SESSION_STATE_PLAYING, 1, "Right to go to step 1");
  press_and_wait (fixture, XK_Right, LIMBER_SESSION_STATE_PLAYING, 2, "Right to go to step 2");
  press_and_wait (fixture, XK_Left, LIMBER_SESSION_STATE_PLAYING, 1, "Left to go back to step 1");
}

/* The whole routine: the summary with what was done and the follow-up care. */
static void
test_view_summary (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *list, *bar;
  guint n_rows = 0;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "session.start", NULL);
  wait_until (on_summary, fixture, "the summary");

  g_assert_true (limber_session_get_completed (fixture->session));
  g_assert_true (g_str_has_prefix (limber_session_view_get_summary_text (fixture->view),
                                   "Well done: you did all 2 exercises in "));
  list = limber_session_view_get_outcome_list (fixture->view);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n_rows++;
  g_assert_cmpuint (n_rows, ==, 2);

  /* Nothing to pause or skip any more: the bar makes room for the summary. */
  bar = find_widget_of_type (GTK_WIDGET (fixture->window), LIMBER_TYPE_SESSION_BAR);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (bar))));

  /* How did it feel: one key, and it is in the history with the session. */
  press_key (fixture->window, XK_7);
  wait_until (rating_answered, fixture, "the rating to be answered");
  g_assert_true (gtk_widget_has_focus (limber_session_view_get_done_button (fixture->view)));
  g_assert_cmpstr (limber_session_view_get_rating_result (fixture->view), ==,
                   "This session and how it felt are in your history.");
  {
    LimberSessionLog *log = limber_window_get_session_log (fixture->window);
    g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (0);
    g_autoptr(GDateTime) to = g_date_time_add_days (limber_session_get_end_time (fixture->session), 1);
    g_autoptr(GPtrArray) sessions = limber_session_log_list_sessions (log, from, to, NULL);
    LimberSessionRecord *record;

    g_assert_cmpuint (sessions->len, ==, 1);
    record = g_ptr_array_index (sessions, 0);
    g_assert_cmpint (limber_session_record_get_pain_rating (record), ==, 7);
    g_assert_cmpuint (limber_session_record_get_n_done (record), ==, 2);
  }

  /* Done goes back to the exercises, on the last one done. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "session.close", NULL);
  wait_until (back_on_exercises, fixture, "the carousel again");
  wait_until (carousel_settled_at, &(SlideTarget) { fixture->window, 1 }, "the carousel on the push-ups");
}

/* Listen on a slide: that exercise alone, then back to the slide. */
static void
test_view_listen (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwCarousel *carousel = limber_window_get_carousel (fixture->window);
  LimberSlide *slide = LIMBER_SLIDE (adw_carousel_get_nth_page (carousel, 1));
  GtkWidget *listen = limber_slide_get_listen_button (slide);

  g_assert_true (gtk_widget_get_visible (listen));
  g_signal_emit_by_name (listen, "clicked");

  g_assert_true (limber_session_controller_get_active (fixture->controller));
  g_assert_cmpuint (limber_session_script_get_n_exercises (limber_session_get_script (fixture->session)), ==, 1);
  g_assert_cmpstr (limber_exercise_get_id (limber_session_get_exercise (fixture->session)), ==, "wall-push-up");

  wait_until (stopped, fixture, "the one exercise to end");
  wait_until (back_on_exercises, fixture, "the carousel again");
  wait_until (carousel_settled_at, &(SlideTarget) { fixture->window, 1 }, "the carousel on the push-ups");
}

/* Pauses the session late in its first hold, most of the ring gone. */
static void
pause_late_in_hold (LimberCountdown *countdown,
                    GParamSpec      *pspec,
                    gpointer         session)
{
  const LimberCue *cue = limber_session_get_cue (session);

  if (cue != NULL && cue->kind == LIMBER_CUE_HOLD && limber_countdown_get_seconds_left (countdown) <= 6)
    limber_session_pause (session);
}

static gboolean
cue_moved (gpointer data)
{
  Expected *expected = data;

  return limber_session_get_cue_index (expected->fixture->session) != (guint) expected->step;
}

/* Paused in a hold with 70 % of it gone, a move by @key shows the new
 * cue's own countdown on the dial, not what was left of the hold's. */
static void
move_from_paused_hold (Fixture *fixture,
                       KeySym   key)
{
  LimberCountdown *countdown = limber_session_get_countdown (fixture->session);
  LimberCountdownDial *dial = limber_session_view_get_dial (fixture->view);
  Expected moved = { fixture, LIMBER_SESSION_STATE_PLAYING, 0 };
  const LimberCue *cue;
  g_autofree char *number = NULL;
  g_autofree char *kind = NULL;

  g_signal_connect (countdown, "notify::seconds-left", G_CALLBACK (pause_late_in_hold), fixture->session);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "session.start", NULL);
  wait_until (in_hold, fixture, "a pause late in the first hold");
  g_signal_handlers_disconnect_by_func (countdown, pause_late_in_hold, fixture->session);
  g_assert_cmpfloat (limber_countdown_get_fraction (countdown), >=, 0.7);
  g_assert_cmpstr (limber_countdown_dial_get_number (dial), ==, "6");

  /* From here in real time, so that the new countdown has barely begun when looked at. */
  limber_countdown_set_time_scale (countdown, 1.0);
  moved.step = (int) limber_session_get_cue_index (fixture->session);
  press_key (fixture->window, key);
  wait_until (cue_moved, &moved, "the key to move the session on");

  cue = limber_session_get_cue (fixture->session);
  kind = g_enum_to_string (LIMBER_TYPE_CUE_KIND, cue->kind);
  g_test_message ("Moved to a %s cue of %u ms", kind, cue->duration_ms);
  g_assert_true (limber_countdown_dial_get_countdown (dial) == countdown);
  g_assert_cmpfloat (limber_countdown_get_fraction (countdown), <, 0.1);
  if (cue->kind == LIMBER_CUE_HOLD || cue->kind == LIMBER_CUE_REST)
    {
      number = g_strdup_printf ("%u", (cue->duration_ms + 999) / 1000);
      g_assert_true (limber_countdown_dial_get_ring_visible (dial));
      g_assert_cmpstr (limber_countdown_dial_get_number (dial), ==, number);
    }
  else
    {
      /* A step's number, with no ring: nothing of the hold's is left. */
      number = g_strdup_printf ("%d", cue->step);
      g_assert_false (limber_countdown_dial_get_ring_visible (dial));
      g_assert_cmpstr (limber_countdown_dial_get_number (dial), ==, number);
    }
}

/* Right: on to the next step. */
static void
test_view_paused_hold_then_right (Fixture       *fixture,
                                  gconstpointer  data)
{
  move_from_paused_hold (fixture, XK_Right);
  g_assert_cmpint (limber_session_get_step (fixture->session), ==, 6);
}

/* Page Down: on to the rest before the next exercise, a new ring. */
static void
test_view_paused_hold_then_page_down (Fixture       *fixture,
                                      gconstpointer  data)
{
  move_from_paused_hold (fixture, XK_Page_Down);
  g_assert_cmpint (limber_session_get_cue (fixture->session)->kind, ==, LIMBER_CUE_REST);
}

/* A plan that hides everything offers no session. */
static void
test_view_nothing_to_start (Fixture       *fixture,
                            gconstpointer  data)
{
  GListModel *exercises = G_LIST_MODEL (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);

      limber_plan_set_shown (fixture->plan, exercise, FALSE);
    }

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "session.start", NULL);
  g_assert_false (limber_session_controller_get_active (fixture->controller));
  /* Space does nothing then: a short wait is enough to see it did not start. */
  press_key (fixture->window, XK_space);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (limber_session_controller_get_active (fixture->controller));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  static const double real_time = 1.0;

  gtk_test_init (&argc, &argv, NULL);
#ifdef HAVE_NARRATION
  gst_init (&argc, &argv);
#endif
  application = register_test_application ();
  catalog = limber_catalog_new_default (NULL);

  g_test_add ("/session-view/start-and-hold", Fixture, NULL, fixture_set_up, test_view_start_and_hold, fixture_tear_down);
  g_test_add ("/session-view/space", Fixture, &real_time, fixture_set_up, test_view_space, fixture_tear_down);
  g_test_add ("/session-view/summary", Fixture, NULL, fixture_set_up, test_view_summary, fixture_tear_down);
  g_test_add ("/session-view/listen", Fixture, NULL, fixture_set_up, test_view_listen, fixture_tear_down);
  g_test_add ("/session-view/paused-hold-then-right", Fixture, NULL, fixture_set_up, test_view_paused_hold_then_right,
              fixture_tear_down);
  g_test_add ("/session-view/paused-hold-then-page-down", Fixture, NULL, fixture_set_up,
              test_view_paused_hold_then_page_down, fixture_tear_down);
  g_test_add ("/session-view/nothing-to-start", Fixture, NULL, fixture_set_up, test_view_nothing_to_start,
              fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&catalog);
  g_clear_object (&application);

  return status;
}
