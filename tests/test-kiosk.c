/* test-kiosk.c: the clinic slideshow, under a real window manager.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>
#include <glib/gstdio.h>

#include "limber-compat.h"
#include "limber-countdown-private.h"
#include "limber-kiosk-guard-private.h"
#include "limber-kiosk-pin-private.h"
#include "limber-kiosk-unlock-private.h"
#include "limber-session-controller-private.h"
#include "limber-slide.h"
#include "limber-slideshow-private.h"
#include "limber-test-backend.h"
#include "limber-window-private.h"
#include "window-helpers.h"
#ifdef HAVE_NARRATION
#include "limber-speech-private.h"
#endif

/* Dwell 3 s → 6 ms, pause 4 s → 8 ms: a lap of six exercises in well under
 * a second. Every countdown of the app runs at this pace. */
#define TIME_SCALE 0.002
#define PIN "2468"

static LimberApplication *application;

typedef struct
{
  LimberWindow *window;
  LimberPlan   *plan;
  GArray       *visited;
  guint         last_index;
  guint         n_toasts;
} Kiosk;

static void
on_waited (gpointer data)
{
  *(gboolean *)data = TRUE;
}

/* Lets the kiosk run by itself for @ms. */
static void
spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, on_waited, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_fullscreen (gpointer data)
{
  return gtk_window_is_fullscreen (GTK_WINDOW (data));
}

static LimberSlideshow *
slideshow (Kiosk *kiosk)
{
  return limber_kiosk_controller_get_slideshow (limber_window_get_kiosk_controller (kiosk->window));
}

static LimberSession *
session (Kiosk *kiosk)
{
  return limber_session_controller_get_session (limber_window_get_session_controller (kiosk->window));
}

/* Each move to another exercise, by the kiosk or a person. */
static void
on_cue (Kiosk *kiosk)
{
  guint index;

  if (slideshow (kiosk) == NULL)
    return;

  index = limber_slideshow_get_exercise_index (slideshow (kiosk));
  if (index != kiosk->last_index)
    g_array_append_val (kiosk->visited, index);
  kiosk->last_index = index;
}

static GSettings *
app_settings (void)
{
  return g_settings_new (APPLICATION_ID);
}

static void
reset_kiosk_settings (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  const char *keys[] = {
    "kiosk-dwell-seconds", "kiosk-pause-seconds", "kiosk-idle-reset-seconds", "kiosk-pin-hash",
    "narration-muted", "narration-volume",
  };

  g_autoptr(LimberKioskPin) pin = limber_kiosk_pin_new (settings);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
  /* Wrong PINs are remembered across restarts, so across tests too. */
  g_remove (limber_kiosk_pin_get_state_path (pin));
  /* Long enough never to start over while a test looks at a paused kiosk. */
  g_settings_set_uint (settings, "kiosk-idle-reset-seconds", 3600);
  g_settings_set_uint (settings, "kiosk-dwell-seconds", 3);
}

static void
set_dwell (guint seconds)
{
  g_autoptr(GSettings) settings = app_settings ();

  g_settings_set_uint (settings, "kiosk-dwell-seconds", seconds);
}

#ifdef HAVE_NARRATION
static void
count_toast (Kiosk   *kiosk,
             GParamSpec *pspec,
             GObject *speech)
{
  if (limber_speech_get_problem (LIMBER_SPEECH (speech)) != NULL)
    kiosk->n_toasts++;
}
#endif

/* A voice heard through a sink that plays as fast as the words come, or
 * the machine's own output: none in the tests' sandbox, so it cannot be heard. */
static void
set_sound (Kiosk    *kiosk,
           gboolean  audible)
{
#ifdef HAVE_NARRATION
  GObject *speech = limber_session_controller_get_speech (limber_window_get_session_controller (kiosk->window));

  g_signal_connect_swapped (speech, "notify::problem", G_CALLBACK (count_toast), kiosk);
  if (audible)
    {
      GstElement *sink = gst_element_factory_make ("fakesink", NULL);

      g_object_set (sink, "sync", FALSE, NULL);
      limber_speech_set_audio_sink (LIMBER_SPEECH (speech), sink);
    }
#endif
}

static void
kiosk_open (Kiosk              *kiosk,
            const char * const *hidden,
            gboolean            audible)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  g_autoptr(GSettings) plan_settings = app_settings ();

  memset (kiosk, 0, sizeof *kiosk);
  g_settings_reset (plan_settings, "hidden-exercises");
  if (hidden != NULL)
    g_settings_set_strv (plan_settings, "hidden-exercises", hidden);
  kiosk->plan = limber_plan_new (catalog, plan_settings);
  kiosk->window = open_window_with_plan (GTK_APPLICATION (application), kiosk->plan);
  kiosk->visited = g_array_new (FALSE, FALSE, sizeof (guint));
  set_sound (kiosk, audible);
  g_signal_connect_swapped (session (kiosk), "notify::cue-index", G_CALLBACK (on_cue), kiosk);

  limber_window_set_kiosk (kiosk->window, TRUE);
  wait_until (is_fullscreen, kiosk->window, "the kiosk to be fullscreen");
}

static void
kiosk_close (Kiosk *kiosk)
{
  g_signal_handlers_disconnect_by_data (session (kiosk), kiosk);
  limber_window_set_kiosk (kiosk->window, FALSE);
  close_window (kiosk->window);
  g_clear_object (&kiosk->plan);
  g_clear_pointer (&kiosk->visited, g_array_unref);
}

typedef struct
{
  Kiosk *kiosk;
  guint  n;
} Count;

static gboolean
visited_at_least (gpointer data)
{
  Count *count = data;

  return count->kiosk->visited->len >= count->n;
}

static guint
visited (Kiosk *kiosk,
         guint  i)
{
  return g_array_index (kiosk->visited, guint, i);
}

static const char *
exercise_at (Kiosk *kiosk,
             guint  index)
{
  return limber_exercise_get_id (limber_session_script_get_exercise (limber_session_get_script (session (kiosk)), index));
}

/* Every exercise in turn, then the first again: a loop, not a stop. */
static void
test_kiosk_advances_and_loops (void)
{
  Kiosk kiosk;
  Count count = { &kiosk, 8 };

  reset_kiosk_settings ();
  kiosk_open (&kiosk, NULL, FALSE);

  g_assert_true (limber_slideshow_get_playing (slideshow (&kiosk)));
  g_assert_false (gtk_widget_get_visible (find_widget_of_type (GTK_WIDGET (kiosk.window), ADW_TYPE_HEADER_BAR)));
  g_assert_true (gtk_widget_get_visible (limber_session_controller_get_pause_button (limber_window_get_session_controller (kiosk.window))));
  g_assert_cmpstr (limber_window_get_visible_page (kiosk.window), ==, "session");

  wait_until (visited_at_least, &count, "the kiosk to go round once");
  for (guint i = 0; i < count.n; i++)
    g_assert_cmpuint (visited (&kiosk, i), ==, (i + 1) % 6);
  g_assert_cmpuint (limber_slideshow_get_n_advances (slideshow (&kiosk)), >=, count.n);

  kiosk_close (&kiosk);
}

/* Hidden exercises are left out of the loop, and its length follows the plan. */
static void
test_kiosk_follows_plan (void)
{
  const char *hidden[] = { "midback-stretch", "wall-push-up", NULL };
  Kiosk kiosk;
  Count count = { &kiosk, 6 };

  reset_kiosk_settings ();
  kiosk_open (&kiosk, hidden, FALSE);
  g_assert_cmpuint (limber_session_script_get_n_exercises (limber_session_get_script (session (&kiosk))), ==, 4);

  wait_until (visited_at_least, &count, "the kiosk to go round the plan");
  for (guint i = 0; i < count.n; i++)
    {
      g_assert_cmpuint (visited (&kiosk, i), ==, (i + 1) % 4);
      g_assert_cmpstr (exercise_at (&kiosk, visited (&kiosk, i)), !=, "midback-stretch");
      g_assert_cmpstr (exercise_at (&kiosk, visited (&kiosk, i)), !=, "wall-push-up");
    }

  /* A change of plan on a running kiosk applies at once. */
  limber_plan_set_shown (kiosk.plan, limber_catalog_lookup (limber_plan_get_catalog (kiosk.plan), "shoulder-roll"),
                         FALSE);
  g_assert_cmpuint (limber_session_script_get_n_exercises (limber_session_get_script (session (&kiosk))), ==, 3);
  g_array_set_size (kiosk.visited, 0);
  count.n = 4;
  wait_until (visited_at_least, &count, "the kiosk to go round the smaller plan");
  for (guint i = 1; i < count.n; i++)
    g_assert_cmpuint (visited (&kiosk, i), ==, (visited (&kiosk, i - 1) + 1) % 3);

  kiosk_close (&kiosk);
}

/* Only the kiosk's own window: no dialog opened. */
static void
assert_one_window (Kiosk *kiosk)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      /* The shortcuts window is made, hidden, with the application window. */
      if (toplevel != GTK_WIDGET (kiosk->window) && gtk_widget_get_visible (toplevel))
        g_error ("A %s is open besides the kiosk", G_OBJECT_TYPE_NAME (toplevel));
    }
  /* Nor in it: libadwaita 1.8's shortcuts dialog is presented inside. */
  g_assert_false (shortcuts_are_shown (NULL));
}

#ifdef HAVE_NARRATION
static gboolean
is_dwelling (gpointer data)
{
  return limber_slideshow_get_dwelling (data);
}

static gboolean
said_a_step (gpointer data)
{
  const LimberCue *cue = limber_session_get_cue (data);

  return cue != NULL && cue->kind == LIMBER_CUE_STEP;
}

/* With a voice, each exercise is coached to its end before the next. */
static void
test_kiosk_waits_for_narration (void)
{
  Kiosk kiosk;
  Count count = { &kiosk, 3 };

  reset_kiosk_settings ();
  kiosk_open (&kiosk, NULL, TRUE);

  g_assert_false (limber_slideshow_get_dwelling (slideshow (&kiosk)));
  wait_until (said_a_step, session (&kiosk), "the kiosk to coach a step");
  wait_until (visited_at_least, &count, "the kiosk to follow its narration");
  g_assert_false (limber_slideshow_get_dwelling (slideshow (&kiosk)));
  for (guint i = 0; i < count.n; i++)
    g_assert_cmpuint (visited (&kiosk, i), ==, i + 1);
  g_assert_cmpuint (kiosk.n_toasts, ==, 0);

  kiosk_close (&kiosk);
}

/* No sound to be heard: said once, no dialog, and each exercise for the dwell. */
static void
test_kiosk_survives_failing_narration (void)
{
  Kiosk kiosk;
  Count count = { &kiosk, 7 };

  reset_kiosk_settings ();
  kiosk_open (&kiosk, NULL, FALSE);

  wait_until (is_dwelling, slideshow (&kiosk), "the kiosk to dwell without sound");
  wait_until (visited_at_least, &count, "the kiosk to go on without narration");
  /* Said once (it may have been found before the kiosk began), not at each exercise. */
  g_assert_nonnull (limber_speech_get_problem (LIMBER_SPEECH (
                      limber_session_controller_get_speech (limber_window_get_session_controller (kiosk.window)))));
  g_assert_cmpuint (kiosk.n_toasts, <=, 1);
  assert_one_window (&kiosk);

  kiosk_close (&kiosk);
}

/* Muted, or at no volume, is silent: the dwell, as the settings promise. */
static void
test_kiosk_mute_is_silent (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  Kiosk kiosk;

  reset_kiosk_settings ();
  g_settings_set_boolean (settings, "narration-muted", TRUE);
  kiosk_open (&kiosk, NULL, TRUE);
  g_assert_true (limber_slideshow_get_dwelling (slideshow (&kiosk)));

  g_settings_set_boolean (settings, "narration-muted", FALSE);
  g_assert_false (limber_slideshow_get_dwelling (slideshow (&kiosk)));
  g_settings_set_double (settings, "narration-volume", 0.0);
  g_assert_true (limber_slideshow_get_dwelling (slideshow (&kiosk)));

  kiosk_close (&kiosk);
  reset_kiosk_settings ();
}
#endif

static void
count_frame (guint *n_frames)
{
  (*n_frames)++;
}

/* A dwelling kiosk, at real speed, draws when its number changes, once a
 * second, and asks for no frame in between: it used to draw sixty a second,
 * a quarter of a core at 1080p. */
static void
test_kiosk_dwell_draws_once_a_second (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  LimberCountdown *countdown;
  GdkFrameClock *frame_clock;
  guint n_frames = 0;
  gulong handler;
  Kiosk kiosk;

  reset_kiosk_settings ();
  g_settings_set_boolean (settings, "narration-muted", TRUE);
  set_dwell (60);
  kiosk_open (&kiosk, NULL, FALSE);
  g_assert_true (limber_slideshow_get_dwelling (slideshow (&kiosk)));
  countdown = limber_session_get_countdown (session (&kiosk));
  limber_countdown_set_time_scale (countdown, 1.0);
  spin_for (500);

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (kiosk.window));
  handler = g_signal_connect_swapped (frame_clock, "after-paint", G_CALLBACK (count_frame), &n_frames);
  spin_for (2000);
  g_signal_handler_disconnect (frame_clock, handler);

  g_assert_true (limber_countdown_is_running (countdown));
  /* Two new numbers, and room for a frame that came late. */
  g_test_message ("%u frames in 2 s of dwell", n_frames);
  g_assert_cmpuint (n_frames, >=, 1);
  g_assert_cmpuint (n_frames, <=, 5);

  kiosk_close (&kiosk);
  reset_kiosk_settings ();
}

static gboolean
is_paused (gpointer data)
{
  return !limber_slideshow_get_playing (data);
}

static gboolean
is_playing (gpointer data)
{
  return limber_slideshow_get_playing (data);
}

/* A person's key press or click stops it moving by itself (WCAG 2.2.2). */
static void
test_kiosk_pauses_for_people (void)
{
  Kiosk kiosk;
  guint index, n_advances;

  reset_kiosk_settings ();
  kiosk_open (&kiosk, NULL, FALSE);

  /* While it moves every few milliseconds. */
  press_key (kiosk.window, XK_Right);
  wait_until (is_paused, slideshow (&kiosk), "an arrow key to pause the kiosk");

  index = limber_slideshow_get_exercise_index (slideshow (&kiosk));
  n_advances = limber_slideshow_get_n_advances (slideshow (&kiosk));
  spin_for (200);
  g_assert_cmpuint (limber_slideshow_get_exercise_index (slideshow (&kiosk)), ==, index);
  g_assert_cmpuint (limber_slideshow_get_n_advances (slideshow (&kiosk)), ==, n_advances);

  /* Slower now, so that a button press cannot meet an advance. */
  set_dwell (600);
  press_key (kiosk.window, XK_space);
  wait_until (is_playing, slideshow (&kiosk), "Space to resume the kiosk");
  press_key (kiosk.window, XK_space);
  wait_until (is_paused, slideshow (&kiosk), "Space to pause the kiosk");

  gtk_widget_activate (limber_session_controller_get_pause_button (limber_window_get_session_controller (kiosk.window)));
  wait_until (is_playing, slideshow (&kiosk), "the Resume button to resume the kiosk");
  gtk_widget_activate_action (GTK_WIDGET (kiosk.window), "kiosk.next", NULL);
  g_assert_false (limber_slideshow_get_playing (slideshow (&kiosk)));
  g_assert_cmpuint (limber_slideshow_get_exercise_index (slideshow (&kiosk)), ==, (index + 1) % 6);
  gtk_widget_activate_action (GTK_WIDGET (kiosk.window), "kiosk.previous", NULL);
  g_assert_cmpuint (limber_slideshow_get_exercise_index (slideshow (&kiosk)), ==, index);

  kiosk_close (&kiosk);
}

static gboolean
back_at_the_start (gpointer data)
{
  Kiosk *kiosk = data;

  return limber_slideshow_get_exercise_index (slideshow (kiosk)) == 0 && limber_slideshow_get_playing (slideshow (kiosk));
}

/* Left alone, a paused kiosk goes back to the first exercise and plays. */
static void
test_kiosk_idle_reset (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  Kiosk kiosk;

  reset_kiosk_settings ();
  g_settings_set_uint (settings, "kiosk-dwell-seconds", 600);
  /* A minute of idling in 0.12 s. */
  g_settings_set_uint (settings, "kiosk-idle-reset-seconds", 60);
  kiosk_open (&kiosk, NULL, FALSE);

  press_key (kiosk.window, XK_End);
  wait_until (is_paused, slideshow (&kiosk), "End to pause the kiosk");
  g_assert_cmpuint (limber_slideshow_get_exercise_index (slideshow (&kiosk)), ==, 5);

  wait_until (back_at_the_start, &kiosk, "the idle kiosk to start over");
  kiosk_close (&kiosk);
}

static void
on_action_activated (guint *count)
{
  (*count)++;
}

/* Everything a passer-by might press on a kiosk's keyboard. */
static void
test_kiosk_lockdown (void)
{
  static const KeySym keys[][4] = {
    { XK_Control_L, XK_q }, { XK_Control_L, XK_w }, { XK_Alt_L, XK_F4 }, { XK_F11 }, { XK_Escape },
    { XK_Control_L, XK_comma }, { XK_F10 }, { XK_Menu }, { XK_Shift_L, XK_F10 },
    { XK_Control_L, XK_Shift_L, XK_question }, { XK_Control_L, XK_question }, { XK_Control_L, XK_o },
    { XK_Control_L, XK_s }, { XK_Control_L, XK_p }, { XK_Control_L, XK_Shift_L, XK_i },
    { XK_Control_L, XK_Shift_L, XK_d }, { XK_Control_L, XK_n }, { XK_Alt_L, XK_Return },
    { XK_Control_L, XK_h }, { XK_Control_L, XK_m },
  };
  Kiosk kiosk;
  LimberKioskGuard *guard;
  GtkWidget *menu_button_popover;
  GAction *quit;
  guint n_quits = 0;
  g_auto(GStrv) quit_accels = NULL;
  g_auto(GStrv) quit_accels_after = NULL;
  g_auto(GStrv) shortcuts_accels = NULL;

  reset_kiosk_settings ();
  set_dwell (600);
  kiosk_open (&kiosk, NULL, FALSE);
  g_object_add_weak_pointer (G_OBJECT (kiosk.window), (gpointer *)&kiosk.window);
  guard = limber_kiosk_controller_get_guard (limber_window_get_kiosk_controller (kiosk.window));

  quit = g_action_map_lookup_action (G_ACTION_MAP (application), "quit");
  g_signal_connect_swapped (quit, "activate", G_CALLBACK (on_action_activated), &n_quits);
  quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "app.quit");
  g_assert_cmpuint (g_strv_length (quit_accels), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_test_message ("Pressing key combination %u", i);
      press_keys (kiosk.window, keys[i]);
      spin_for (150);

      g_assert_nonnull (kiosk.window);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (kiosk.window)));
      g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (kiosk.window)));
      g_assert_true (limber_window_get_kiosk (kiosk.window));
      assert_one_window (&kiosk);
      g_assert_null (limber_window_get_plan_dialog (kiosk.window));
      g_assert_null (limber_window_get_follow_up_dialog (kiosk.window));
      g_assert_null (limber_window_get_history_dialog (kiosk.window));
      g_assert_false (gtk_widget_get_visible (limber_kiosk_guard_get_unlock (guard)));
      g_assert_cmpuint (n_quits, ==, 0);
    }

  /* Nor can the menu's way show the shortcuts, or their key come back. */
  g_assert_false (shortcuts_action_enabled (kiosk.window));
  gtk_widget_activate_action (GTK_WIDGET (kiosk.window), limber_compat_shortcuts_action (), NULL);
  spin_for (150);
  assert_one_window (&kiosk);
  shortcuts_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                            limber_compat_shortcuts_action ());
  g_assert_cmpuint (g_strv_length (shortcuts_accels), ==, 0);

  /* Alt+F4 reached the window manager, which asked the window to close. */
  g_assert_cmpuint (limber_kiosk_guard_get_n_refused_closes (guard), >=, 1);
  gtk_window_close (GTK_WINDOW (kiosk.window));
  spin_for (50);
  g_assert_nonnull (kiosk.window);

  menu_button_popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (
                          find_widget_of_type (GTK_WIDGET (kiosk.window), GTK_TYPE_MENU_BUTTON))));
  g_assert_true (menu_button_popover == NULL || !gtk_widget_get_visible (menu_button_popover));

  /* Leaving fullscreen by any other way is undone. */
  gtk_window_unfullscreen (GTK_WINDOW (kiosk.window));
  spin_for (200);
  wait_until (is_fullscreen, kiosk.window, "the kiosk to go back to fullscreen");

  g_object_remove_weak_pointer (G_OBJECT (kiosk.window), (gpointer *)&kiosk.window);
  g_signal_handlers_disconnect_by_data (quit, &n_quits);
  /* Out of the kiosk, the shortcuts are there again. */
  limber_window_set_kiosk (kiosk.window, FALSE);
  g_assert_true (shortcuts_action_enabled (kiosk.window));
  g_clear_pointer (&shortcuts_accels, g_strfreev);
  shortcuts_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                            limber_compat_shortcuts_action ());
  g_assert_cmpstr (shortcuts_accels[0], ==, "<Control>question");
  kiosk_close (&kiosk);

  quit_accels_after = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "app.quit");
  g_assert_cmpstr (quit_accels_after[0], ==, "<Control>q");
}

static gboolean
is_windowed (gpointer data)
{
  return !gtk_window_is_fullscreen (GTK_WINDOW (data));
}

static gboolean
unlock_shown (gpointer data)
{
  return gtk_widget_get_visible (limber_kiosk_guard_get_unlock (data));
}

static gboolean
unlock_hidden (gpointer data)
{
  return !unlock_shown (data);
}

static gboolean
not_kiosk (gpointer data)
{
  return !limber_window_get_kiosk (data);
}

static void
type_text (LimberWindow *window,
           const char   *text)
{
  for (const char *c = text; *c != '\0'; c++)
    {
      press_key (window, XK_0 + (*c - '0'));
      spin_for (30);
    }
}

typedef struct
{
  LimberKioskGuard *guard;
  const char       *start;
} Message;

static gboolean
message_starts (gpointer data)
{
  Message *message = data;
  const char *text = limber_kiosk_unlock_get_message (LIMBER_KIOSK_UNLOCK (limber_kiosk_guard_get_unlock (message->guard)));

  return text != NULL && g_str_has_prefix (text, message->start);
}

/* Hold Ctrl+Alt+K, type the PIN: wrong is refused, right leaves the kiosk. */
static void
test_kiosk_pin_leaves (void)
{
  static const KeySym chord[] = { XK_Control_L, XK_Alt_L, XK_k, NoSymbol };
  g_autoptr(GSettings) settings = app_settings ();
  Kiosk kiosk;
  LimberKioskGuard *guard;
  Message wrong;
  g_autoptr(GError) error = NULL;

  reset_kiosk_settings ();
  g_settings_set_uint (settings, "kiosk-dwell-seconds", 600);
  g_assert_true (limber_kiosk_pin_store (settings, PIN, &error));
  kiosk_open (&kiosk, NULL, FALSE);
  guard = limber_kiosk_controller_get_guard (limber_window_get_kiosk_controller (kiosk.window));

  /* A quick press of the chord is not a long press. */
  limber_kiosk_guard_set_time_scale (guard, 0.1);
  press_keys (kiosk.window, chord);
  spin_for (600);
  g_assert_false (unlock_shown (guard));

  hold_keys (kiosk.window, chord, TRUE);
  wait_until (unlock_shown, guard, "the long-pressed chord to ask for the PIN");
  hold_keys (kiosk.window, chord, FALSE);
  g_assert_false (limber_slideshow_get_playing (slideshow (&kiosk)));

  /* Escape goes back to the slideshow: waited for, as a key press reaches
   * the window when the X server and a busy machine let it. */
  press_key (kiosk.window, XK_Escape);
  wait_until (unlock_hidden, guard, "Escape to close the PIN panel");
  g_assert_true (limber_slideshow_get_playing (slideshow (&kiosk)));

  hold_keys (kiosk.window, chord, TRUE);
  wait_until (unlock_shown, guard, "the chord to ask for the PIN again");
  hold_keys (kiosk.window, chord, FALSE);

  type_text (kiosk.window, "1357");
  press_key (kiosk.window, XK_Return);
  wrong = (Message) { guard, "That PIN is not right. 4 tries left." };
  wait_until (message_starts, &wrong, "a wrong PIN to be refused");
  g_assert_true (limber_window_get_kiosk (kiosk.window));

  type_text (kiosk.window, PIN);
  press_key (kiosk.window, XK_Return);
  wait_until (not_kiosk, kiosk.window, "the right PIN to leave kiosk mode");

  g_assert_true (gtk_widget_get_visible (find_widget_of_type (GTK_WIDGET (kiosk.window), ADW_TYPE_HEADER_BAR)));
  g_assert_null (limber_kiosk_controller_get_slideshow (limber_window_get_kiosk_controller (kiosk.window)));
  wait_until (is_windowed, kiosk.window, "the window to leave fullscreen");

  kiosk_close (&kiosk);
}

static LimberKioskUnlock *
unlock_panel (LimberKioskGuard *guard)
{
  return LIMBER_KIOSK_UNLOCK (limber_kiosk_guard_get_unlock (guard));
}

/* Types @text into the panel's field and asks for it to be checked. */
static void
try_text (LimberKioskGuard *guard,
          const char       *text)
{
  GtkWidget *entry = limber_kiosk_unlock_get_entry (unlock_panel (guard));

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_activate_action (GTK_WIDGET (unlock_panel (guard)), "unlock.try", NULL);
}

/* …and waits for the panel to answer with @answer. */
static void
try_expecting (LimberKioskGuard *guard,
               const char       *text,
               const char       *answer)
{
  Message message = { guard, answer };

  try_text (guard, text);
  wait_until (message_starts, &message, answer);
}

static gboolean
entry_allowed (gpointer data)
{
  return gtk_widget_get_sensitive (limber_kiosk_unlock_get_entry (unlock_panel (data)));
}

/* A kiosk whose clinic PIN is set, with its PIN panel shown. */
static LimberKioskGuard *
open_with_pin_panel (Kiosk *kiosk)
{
  g_autoptr(GSettings) settings = app_settings ();
  g_autoptr(GError) error = NULL;
  LimberKioskGuard *guard;

  reset_kiosk_settings ();
  g_assert_true (limber_kiosk_pin_store (settings, PIN, &error));
  g_assert_no_error (error);
  kiosk_open (kiosk, NULL, FALSE);
  guard = limber_kiosk_controller_get_guard (limber_window_get_kiosk_controller (kiosk->window));
  limber_kiosk_guard_show_unlock (guard);

  return guard;
}

/* Five wrong PINs lock the panel, which says for how long. */
static void
test_kiosk_pin_locks (void)
{
  Kiosk kiosk;
  LimberKioskGuard *guard = open_with_pin_panel (&kiosk);
  LimberKioskPin *pin = limber_kiosk_guard_get_pin (guard);
  GtkWidget *entry = limber_kiosk_unlock_get_entry (unlock_panel (guard));

  for (guint i = 0; i < 4; i++)
    try_expecting (guard, "0000", "That PIN is not right.");
  try_expecting (guard, "0000", "Too many wrong tries. Try again in 60 seconds.");
  g_assert_false (gtk_widget_get_sensitive (entry));
  g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 5);

  /* The right PIN, forced in while locked, is not even compared. */
  try_text (guard, PIN);
  g_assert_false (limber_kiosk_pin_get_checking (pin));
  g_assert_true (limber_window_get_kiosk (kiosk.window));
  g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 5);

  kiosk_close (&kiosk);
}

typedef struct
{
  gint64 now;
} FakeClock;

static gint64
fake_clock (gpointer data)
{
  return ((FakeClock *)data)->now;
}

/* When the lock runs out, on the wall clock, the panel takes PINs again;
 * the next wrong one locks it for longer. */
static void
test_kiosk_pin_lock_ends (void)
{
  double default_scale = limber_countdown_get_default_time_scale ();
  FakeClock clock = { g_get_real_time () };
  Kiosk kiosk;
  LimberKioskGuard *guard;

  /* The panel's countdown: a minute in 0.3 s. */
  limber_countdown_set_default_time_scale (0.005);
  guard = open_with_pin_panel (&kiosk);
  limber_countdown_set_default_time_scale (default_scale);
  limber_kiosk_pin_set_clock (limber_kiosk_guard_get_pin (guard), fake_clock, &clock);

  for (guint i = 0; i < 4; i++)
    try_expecting (guard, "0000", "That PIN is not right.");
  try_expecting (guard, "0000", "Too many wrong tries. Try again in");

  /* Counted down, but the PIN's clock says it is still locked. */
  g_assert_false (entry_allowed (guard));
  spin_for (500);
  g_assert_false (entry_allowed (guard));
  g_assert_nonnull (limber_kiosk_unlock_get_message (unlock_panel (guard)));

  clock.now += 60 * G_USEC_PER_SEC;
  wait_until (entry_allowed, guard, "the lock to end");
  g_assert_null (limber_kiosk_unlock_get_message (unlock_panel (guard)));

  try_expecting (guard, "0000", "Too many wrong tries. Try again in 2 minutes.");

  kiosk_close (&kiosk);
}

/* Digits as an Arabic keyboard types them are the PIN. */
static void
test_kiosk_pin_any_script (void)
{
  Kiosk kiosk;
  LimberKioskGuard *guard = open_with_pin_panel (&kiosk);

  try_text (guard, "٢٤٦٨");
  wait_until (not_kiosk, kiosk.window, "the PIN in Arabic-Indic digits to leave kiosk mode");

  kiosk_close (&kiosk);
}

/* What is not a PIN, or a damaged hash, is said as such, and spends no try. */
static void
test_kiosk_pin_refusals (void)
{
  g_autoptr(GSettings) settings = app_settings ();
  Kiosk kiosk;
  LimberKioskGuard *guard = open_with_pin_panel (&kiosk);
  LimberKioskPin *pin = limber_kiosk_guard_get_pin (guard);

  try_expecting (guard, "24a8", "A PIN is 4 to 12 digits. That did not count as a try.");
  g_assert_true (entry_allowed (guard));

  g_settings_set_string (settings, "kiosk-pin-hash", "pbkdf2-sha256$4294967295$c2FsdHNhbHQ=$AAAA");
  g_test_expect_message ("limber-kiosk-pin", G_LOG_LEVEL_WARNING, "The kiosk PIN in the settings is damaged*");
  try_expecting (guard, PIN, "The clinic PIN kept in the settings is damaged, so no PIN can be accepted. "
                             "Set it again from a terminal with “limber --set-kiosk-pin”.");
  g_test_assert_expected_messages ();

  g_assert_true (entry_allowed (guard));
  g_assert_true (limber_window_get_kiosk (kiosk.window));
  g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 0);
  g_assert_cmpuint (limber_kiosk_pin_get_tries_left (pin), ==, LIMBER_KIOSK_PIN_MAX_TRIES);

  kiosk_close (&kiosk);
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean open;
} Gate;

static void
wait_at_gate (gpointer data)
{
  Gate *gate = data;
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_SECONDS * G_USEC_PER_SEC;

  g_mutex_lock (&gate->mutex);
  while (!gate->open && g_cond_wait_until (&gate->cond, &gate->mutex, deadline))
    ;
  g_mutex_unlock (&gate->mutex);
}

static void
open_gate (Gate *gate)
{
  g_mutex_lock (&gate->mutex);
  gate->open = TRUE;
  g_cond_signal (&gate->cond);
  g_mutex_unlock (&gate->mutex);
}

/* While the PIN is checked, in a thread, the panel says so, draws, and
 * takes no second PIN. */
static void
test_kiosk_pin_checking (void)
{
  Kiosk kiosk;
  LimberKioskGuard *guard = open_with_pin_panel (&kiosk);
  LimberKioskPin *pin = limber_kiosk_guard_get_pin (guard);
  GtkWidget *checking;
  GdkFrameClock *frame_clock;
  gint64 frame;
  Gate gate = { 0 };

  g_mutex_init (&gate.mutex);
  g_cond_init (&gate.cond);
  limber_kiosk_pin_set_check_hook (pin, wait_at_gate, &gate);
  checking = find_label (GTK_WIDGET (unlock_panel (guard)), "Checking the PIN…");
  g_assert_nonnull (checking);
  g_assert_false (gtk_widget_is_visible (checking));

  try_text (guard, "1357");
  g_assert_true (limber_kiosk_pin_get_checking (pin));
  g_assert_true (gtk_widget_is_visible (checking));
  g_assert_false (entry_allowed (guard));

  /* The window goes on drawing frames. */
  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (kiosk.window));
  frame = gdk_frame_clock_get_frame_counter (frame_clock);
  gtk_widget_queue_draw (GTK_WIDGET (kiosk.window));
  spin_for (100);
  g_assert_cmpint (gdk_frame_clock_get_frame_counter (frame_clock), >, frame);

  /* A second try meanwhile is not taken. */
  try_text (guard, PIN);
  g_assert_cmpuint (limber_kiosk_pin_get_n_comparisons (pin), ==, 1);

  open_gate (&gate);
  wait_until (entry_allowed, guard, "the check to end");
  g_assert_false (limber_kiosk_pin_get_checking (pin));
  g_assert_false (gtk_widget_is_visible (checking));
  g_assert_cmpstr (limber_kiosk_unlock_get_message (unlock_panel (guard)), ==, "That PIN is not right. 4 tries left.");
  g_assert_true (limber_window_get_kiosk (kiosk.window));

  limber_kiosk_pin_set_check_hook (pin, NULL, NULL);
  kiosk_close (&kiosk);
  g_mutex_clear (&gate.mutex);
  g_cond_clear (&gate.cond);
}

static gboolean
pointer_hidden (gpointer data)
{
  return limber_kiosk_guard_get_pointer_hidden (data);
}

static gboolean
pointer_shown (gpointer data)
{
  return !limber_kiosk_guard_get_pointer_hidden (data);
}

/* The pointer hides when still and comes back when moved. */
static void
test_kiosk_pointer (void)
{
  Kiosk kiosk;
  LimberKioskGuard *guard;
  Display *display;

  reset_kiosk_settings ();
  kiosk_open (&kiosk, NULL, FALSE);
  guard = limber_kiosk_controller_get_guard (limber_window_get_kiosk_controller (kiosk.window));
  display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (kiosk.window)));

  wait_until (pointer_hidden, guard, "the still pointer to hide");
  XTestFakeMotionEvent (display, -1, 200, 300, CurrentTime);
  XTestFakeMotionEvent (display, -1, 260, 340, CurrentTime);
  XFlush (display);
  wait_until (pointer_shown, guard, "the moved pointer to show");
  wait_until (pointer_hidden, guard, "the pointer to hide again");

  kiosk_close (&kiosk);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
#ifdef HAVE_NARRATION
  gst_init (&argc, &argv);
#endif
  /* Slides jump rather than glide: a lap takes milliseconds. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  limber_countdown_set_default_time_scale (TIME_SCALE);
  application = register_test_application ();

  g_test_add_func ("/kiosk/advances-and-loops", test_kiosk_advances_and_loops);
  g_test_add_func ("/kiosk/follows-plan", test_kiosk_follows_plan);
#ifdef HAVE_NARRATION
  g_test_add_func ("/kiosk/waits-for-narration", test_kiosk_waits_for_narration);
  g_test_add_func ("/kiosk/survives-failing-narration", test_kiosk_survives_failing_narration);
  g_test_add_func ("/kiosk/mute-is-silent", test_kiosk_mute_is_silent);
#endif
  g_test_add_func ("/kiosk/dwell-draws-once-a-second", test_kiosk_dwell_draws_once_a_second);
  g_test_add_func ("/kiosk/pauses-for-people", test_kiosk_pauses_for_people);
  g_test_add_func ("/kiosk/idle-reset", test_kiosk_idle_reset);
  g_test_add_func ("/kiosk/lockdown", test_kiosk_lockdown);
  g_test_add_func ("/kiosk/pin-leaves", test_kiosk_pin_leaves);
  g_test_add_func ("/kiosk/pin-locks", test_kiosk_pin_locks);
  g_test_add_func ("/kiosk/pin-lock-ends", test_kiosk_pin_lock_ends);
  g_test_add_func ("/kiosk/pin-any-script", test_kiosk_pin_any_script);
  g_test_add_func ("/kiosk/pin-refusals", test_kiosk_pin_refusals);
  g_test_add_func ("/kiosk/pin-checking", test_kiosk_pin_checking);
  g_test_add_func ("/kiosk/pointer", test_kiosk_pointer);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
