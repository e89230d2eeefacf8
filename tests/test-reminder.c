/* test-reminder.c: the daily reminder, on a fake clock.
 *
 * The reminder's clock is the test's (limber-reminder-private.h): set to a
 * time, it stays there until the test moves it, while the reminder wakes
 * every millisecond (a minute at its time scale). The notifications go the
 * real GNotification way, through GLib's "freedesktop" backend
 * (GNOTIFICATION_BACKEND=freedesktop in tests/meson.build): the one that
 * needs nothing but a service on the bus, which tests/desktop-services.py
 * is, started by this test on its private session bus. It also plays the
 * Background portal where a test asks it to.
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <signal.h>
#include <string.h>

#include "limber-reminder-private.h"
#include "limber-test-backend.h"
#include "limber-window-private.h"
#include "window-helpers.h"

#define TEST_DESKTOP_NAME "org.limber.TestDesktop"
#define TEST_DESKTOP_PATH "/org/limber/TestDesktop"

/* A minute of the reminder's time in a millisecond. */
#define TIME_SCALE (60.0 * 1000.0)

static LimberApplication *application;

typedef struct
{
  GDateTime *now;
  guint      n_reads;
} FakeClock;

typedef struct
{
  GSubprocess     *services;
  GDBusConnection *bus;
  GSettings       *settings;
  FakeClock        clock;
  LimberReminder  *reminder;
} Fixture;

static GDateTime *
fake_clock_read (gpointer user_data)
{
  FakeClock *clock = user_data;

  clock->n_reads++;
  return g_date_time_ref (clock->now);
}

typedef struct
{
  FakeClock *clock;
  guint      n_reads;
} ReadTarget;

static gboolean
clock_was_read (gpointer data)
{
  ReadTarget *target = data;

  return target->clock->n_reads >= target->n_reads;
}

/* The reminder has looked at the clock since it was last moved. */
static void
wait_for_read (FakeClock *clock)
{
  ReadTarget target = { clock, clock->n_reads + 1 };

  wait_until (clock_was_read, &target, "the reminder to look at the clock");
}

static GDateTime *
local_time (const char *zone_name,
            int         year,
            int         month,
            int         day,
            int         hour,
            int         minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);

  g_assert_nonnull (zone);
  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

/* Moves the clock to @now (taken), and waits until the reminder has looked. */
static void
move_clock (Fixture   *fixture,
            GDateTime *now)
{
  g_clear_pointer (&fixture->clock.now, g_date_time_unref);
  fixture->clock.now = now;
  /* Off, it has no timer, and never looks. */
  if (limber_reminder_get_enabled (fixture->reminder))
    wait_for_read (&fixture->clock);
}

static void
set_clock (Fixture    *fixture,
           const char *zone_name,
           int         year,
           int         month,
           int         day,
           int         hour,
           int         minute)
{
  move_clock (fixture, local_time (zone_name, year, month, day, hour, minute));
}

static GVariant *
call_test_desktop (Fixture            *fixture,
                   const char         *method,
                   GVariant           *parameters,
                   const GVariantType *reply_type)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply = g_dbus_connection_call_sync (fixture->bus, TEST_DESKTOP_NAME, TEST_DESKTOP_PATH,
                                                 TEST_DESKTOP_NAME, method, parameters, reply_type,
                                                 G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);

  g_assert_no_error (error);
  return reply;
}

static guint
n_notifications (Fixture *fixture)
{
  g_autoptr(GVariant) reply = call_test_desktop (fixture, "GetNotifications", NULL, G_VARIANT_TYPE ("(a(ussas))"));
  g_autoptr(GVariant) list = g_variant_get_child_value (reply, 0);

  return g_variant_n_children (list);
}

typedef struct
{
  Fixture *fixture;
  guint    count;
} CountTarget;

static gboolean
has_notifications (gpointer data)
{
  CountTarget *target = data;

  return n_notifications (target->fixture) >= target->count;
}

/* GLib sends a notification asynchronously: waits for @count in all, and
 * then a little for any that should not be there. */
static void
assert_notifications (Fixture *fixture,
                      guint    count)
{
  CountTarget target = { fixture, count };
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  wait_until (has_notifications, &target, "the reminder's notification");
  g_timeout_add_once (100, (GSourceOnceFunc) g_main_loop_quit, loop);
  g_main_loop_run (loop);
  g_assert_cmpuint (n_notifications (fixture), ==, count);
}

static void
on_name_appeared (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
on_name_vanished (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  *(gboolean *) user_data = FALSE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
is_false (gpointer data)
{
  return !*(gboolean *) data;
}

/* Waits for the test's desktop services to be on the bus, or gone. */
static void
wait_for_services (Fixture  *fixture,
                   gboolean  there)
{
  gboolean owned = !there;
  guint watch_id = g_bus_watch_name_on_connection (fixture->bus, TEST_DESKTOP_NAME, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                                   on_name_appeared, on_name_vanished, &owned, NULL);

  wait_until (there ? is_true : is_false, &owned,
              there ? "tests/desktop-services.py on the bus" : "tests/desktop-services.py to leave the bus");
  g_bus_unwatch_name (watch_id);
}

/* @background: how the Background portal answers, "none" for no portal. */
static void
fixture_set_up_with (Fixture    *fixture,
                     const char *background)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "desktop-services.py", NULL);
  g_autoptr(GError) error = NULL;

  fixture->bus = g_application_get_dbus_connection (G_APPLICATION (application));
  fixture->services = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "/usr/bin/python3", script,
                                        "--background", background, NULL);
  g_assert_no_error (error);
  wait_for_services (fixture, TRUE);

  fixture->settings = limber_test_settings_new (NULL);
  fixture->clock.now = local_time ("Europe/Berlin", 2026, 6, 1, 6, 0);
  fixture->reminder = limber_reminder_new (G_APPLICATION (application), fixture->settings);
  limber_reminder_set_clock (fixture->reminder, fake_clock_read, &fixture->clock, TIME_SCALE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_set_up_with (fixture, data != NULL ? data : "none");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->reminder);
  g_clear_object (&fixture->settings);
  g_clear_pointer (&fixture->clock.now, g_date_time_unref);

  g_subprocess_send_signal (fixture->services, SIGTERM);
  g_subprocess_wait (fixture->services, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->services);
  wait_for_services (fixture, FALSE);
}

static void
assert_next (Fixture    *fixture,
             const char *zone_name,
             int         year,
             int         month,
             int         day,
             int         hour,
             int         minute)
{
  g_autoptr(GDateTime) expected = local_time (zone_name, year, month, day, hour, minute);
  GDateTime *next = limber_reminder_get_next (fixture->reminder);
  g_autofree char *expected_text = g_date_time_format_iso8601 (expected);
  g_autofree char *next_text = next != NULL ? g_date_time_format_iso8601 (next) : NULL;

  g_assert_cmpstr (next_text, ==, expected_text);
}

static void
turn_on (Fixture    *fixture,
         const char *time)
{
  g_settings_set_string (fixture->settings, "reminder-time", time);
  g_settings_set_boolean (fixture->settings, "reminder-enabled", TRUE);
  g_assert_true (limber_reminder_get_enabled (fixture->reminder));
}

static void
test_reminder_parse_time (void)
{
  static const struct { const char *text; guint minutes; } valid[] = {
    { "08:00", 8 * 60 }, { "7:30", 7 * 60 + 30 }, { "0:00", 0 }, { "00:00", 0 }, { "23:59", 23 * 60 + 59 },
  };
  static const char *invalid[] = {
    "", "8", "24:00", "7:60", "07:5", "07:005", "+7:30", " 7:30", "7:30 ", "-1:00", "07:30:00", "7h30",
    "\xd9\xa7:\xd9\xa3\xd9\xa0" /* Arabic-Indic digits */, "99999999999999999999:00", "12:3x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      guint minutes = G_MAXUINT;

      g_assert_true (limber_reminder_parse_time (valid[i].text, &minutes, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (minutes, ==, valid[i].minutes);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      guint minutes = 12345;

      g_test_message ("Parsing “%s”", invalid[i]);
      g_assert_false (limber_reminder_parse_time (invalid[i], &minutes, &error));
      g_assert_error (error, LIMBER_REMINDER_ERROR, LIMBER_REMINDER_ERROR_INVALID_TIME);
      g_assert_cmpuint (minutes, ==, 12345);
      g_assert_nonnull (strstr (error->message, "00:00 to 23:59"));
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (limber_reminder_parse_time ("25:00", NULL, &error));
    g_assert_nonnull (strstr (error->message, "“25:00”"));
  }

  {
    g_autofree char *early = limber_reminder_format_time (7 * 60 + 5);
    g_autofree char *late = limber_reminder_format_time (23 * 60 + 59);

    g_assert_cmpstr (early, ==, "07:05");
    g_assert_cmpstr (late, ==, "23:59");
  }
}

/* At the time, once; not again that day; the next day again. */
static void
test_reminder_fires_daily (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) notification = NULL;
  g_autofree const char **actions = NULL;
  const char *summary, *body;
  guint id;

  turn_on (fixture, "08:00");
  assert_next (fixture, "Europe/Berlin", 2026, 6, 1, 8, 0);

  set_clock (fixture, "Europe/Berlin", 2026, 6, 1, 7, 59);
  g_assert_null (limber_reminder_get_last_fired (fixture->reminder));
  assert_notifications (fixture, 0);

  set_clock (fixture, "Europe/Berlin", 2026, 6, 1, 8, 0);
  assert_notifications (fixture, 1);
  assert_next (fixture, "Europe/Berlin", 2026, 6, 2, 8, 0);

  reply = call_test_desktop (fixture, "GetNotifications", NULL, G_VARIANT_TYPE ("(a(ussas))"));
  notification = g_variant_get_child_value (g_variant_get_child_value (reply, 0), 0);
  g_variant_get (notification, "(u&s&s^a&s)", &id, &summary, &body, &actions);
  g_assert_cmpstr (summary, ==, "Time for your exercises");
  g_assert_cmpstr (body, ==, "Limber is ready to coach you through your plan.");
  /* The default action and a Start button, as key and label. */
  g_assert_cmpuint (g_strv_length ((GStrv) actions), ==, 4);
  g_assert_cmpstr (actions[0], ==, "default");
  g_assert_cmpstr (actions[2], ==, "app.start-session");
  g_assert_cmpstr (actions[3], ==, "Start");

  set_clock (fixture, "Europe/Berlin", 2026, 6, 1, 8, 30);
  set_clock (fixture, "Europe/Berlin", 2026, 6, 1, 20, 0);
  set_clock (fixture, "Europe/Berlin", 2026, 6, 1, 23, 59);
  set_clock (fixture, "Europe/Berlin", 2026, 6, 2, 7, 59);
  assert_notifications (fixture, 1);

  set_clock (fixture, "Europe/Berlin", 2026, 6, 2, 8, 1);
  assert_notifications (fixture, 2);
  assert_next (fixture, "Europe/Berlin", 2026, 6, 3, 8, 0);
}

/* Off, or on with a time that is not one: never. */
static void
test_reminder_disabled (Fixture       *fixture,
                        gconstpointer  data)
{
  g_settings_set_string (fixture->settings, "reminder-time", "08:00");
  g_assert_false (limber_reminder_get_enabled (fixture->reminder));
  g_assert_null (limber_reminder_get_next (fixture->reminder));

  set_clock (fixture, "Europe/Berlin", 2026, 6, 1, 7, 59);
  set_clock (fixture, "Europe/Berlin", 2026, 6, 1, 8, 1);
  set_clock (fixture, "Europe/Berlin", 2026, 6, 2, 8, 1);
  assert_notifications (fixture, 0);

  /* Turned on after today's time: nothing from before. */
  g_settings_set_boolean (fixture->settings, "reminder-enabled", TRUE);
  set_clock (fixture, "Europe/Berlin", 2026, 6, 2, 8, 2);
  assert_notifications (fixture, 0);
  assert_next (fixture, "Europe/Berlin", 2026, 6, 3, 8, 0);
  g_settings_set_boolean (fixture->settings, "reminder-enabled", FALSE);
  g_assert_null (limber_reminder_get_next (fixture->reminder));

  /* On, with a hostile time: said once, and refused. */
  g_test_expect_message ("limber-reminder", G_LOG_LEVEL_MESSAGE, "*“25:00”*");
  g_settings_set_string (fixture->settings, "reminder-time", "25:00");
  g_settings_set_boolean (fixture->settings, "reminder-enabled", TRUE);
  g_test_assert_expected_messages ();
  g_assert_false (limber_reminder_get_enabled (fixture->reminder));
  g_assert_nonnull (strstr (limber_reminder_get_problem (fixture->reminder), "“25:00”"));
  g_assert_null (limber_reminder_get_next (fixture->reminder));
  /* Left as it was, for the person to see and mend. */
  {
    g_autofree char *kept = g_settings_get_string (fixture->settings, "reminder-time");

    g_assert_cmpstr (kept, ==, "25:00");
  }

  set_clock (fixture, "Europe/Berlin", 2026, 6, 3, 7, 59);
  set_clock (fixture, "Europe/Berlin", 2026, 6, 3, 8, 1);
  assert_notifications (fixture, 0);

  /* Mended: the problem goes, the reminder comes. */
  g_settings_set_string (fixture->settings, "reminder-time", "09:00");
  g_assert_null (limber_reminder_get_problem (fixture->reminder));
  g_assert_true (limber_reminder_get_enabled (fixture->reminder));
  set_clock (fixture, "Europe/Berlin", 2026, 6, 3, 9, 0);
  assert_notifications (fixture, 1);

  /* Turned off again before the next. */
  g_settings_set_boolean (fixture->settings, "reminder-enabled", FALSE);
  set_clock (fixture, "Europe/Berlin", 2026, 6, 4, 8, 59);
  set_clock (fixture, "Europe/Berlin", 2026, 6, 4, 9, 1);
  assert_notifications (fixture, 1);
}

/* The same time of day on either side of a change to summer time and back,
 * and once on a day whose reminder time does not exist or comes twice. */
static void
test_reminder_dst (Fixture       *fixture,
                   gconstpointer  data)
{
  turn_on (fixture, "08:00");
  set_clock (fixture, "Europe/Berlin", 2026, 3, 28, 7, 0);
  set_clock (fixture, "Europe/Berlin", 2026, 3, 28, 8, 0);
  assert_notifications (fixture, 1);
  /* 23 hours later by the clock on the wall's own terms: 08:00 CEST. */
  assert_next (fixture, "Europe/Berlin", 2026, 3, 29, 8, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (limber_reminder_get_next (fixture->reminder)), ==,
                   2 * G_TIME_SPAN_HOUR);
  set_clock (fixture, "Europe/Berlin", 2026, 3, 29, 7, 59);
  assert_notifications (fixture, 1);
  set_clock (fixture, "Europe/Berlin", 2026, 3, 29, 8, 0);
  assert_notifications (fixture, 2);

  /* 02:30 does not exist on 29 March: the first time after the gap. */
  g_settings_set_string (fixture->settings, "reminder-time", "02:30");
  set_clock (fixture, "Europe/Berlin", 2027, 3, 28, 0, 30);
  assert_next (fixture, "Europe/Berlin", 2027, 3, 28, 3, 0);
  set_clock (fixture, "Europe/Berlin", 2027, 3, 28, 1, 59);
  assert_notifications (fixture, 2);
  set_clock (fixture, "Europe/Berlin", 2027, 3, 28, 3, 0);
  assert_notifications (fixture, 3);
  assert_next (fixture, "Europe/Berlin", 2027, 3, 29, 2, 30);

  /* 02:30 comes twice on 31 October 2027: one reminder all the same. */
  set_clock (fixture, "Europe/Berlin", 2027, 10, 31, 0, 0);
  set_clock (fixture, "Europe/Berlin", 2027, 10, 31, 1, 59);
  {
    /* 02:31 summer time, then 02:31 winter time, an hour later. */
    g_autoptr(GDateTime) before = local_time ("Europe/Berlin", 2027, 10, 31, 1, 31);

    move_clock (fixture, g_date_time_add_hours (before, 1));
    g_assert_cmpint (g_date_time_get_utc_offset (fixture->clock.now), ==, 2 * G_TIME_SPAN_HOUR);
    assert_notifications (fixture, 3);
    move_clock (fixture, g_date_time_add_hours (before, 2));
    g_assert_cmpint (g_date_time_get_utc_offset (fixture->clock.now), ==, 1 * G_TIME_SPAN_HOUR);
    assert_notifications (fixture, 4);
  }
  set_clock (fixture, "Europe/Berlin", 2027, 10, 31, 4, 0);
  set_clock (fixture, "Europe/Berlin", 2027, 10, 31, 23, 0);
  assert_notifications (fixture, 4);
}

/* The clock set forward over the reminder, as after a sleep; set back over
 * it; another time zone: once a day, and the next in the zone the clock has. */
static void
test_reminder_time_change (Fixture       *fixture,
                           gconstpointer  data)
{
  turn_on (fixture, "08:00");
  set_clock (fixture, "Europe/Berlin", 2026, 6, 1, 7, 0);
  set_clock (fixture, "Europe/Berlin", 2026, 6, 1, 11, 0);
  assert_notifications (fixture, 1);

  set_clock (fixture, "Europe/Berlin", 2026, 6, 1, 7, 30);
  assert_next (fixture, "Europe/Berlin", 2026, 6, 2, 8, 0);
  set_clock (fixture, "Europe/Berlin", 2026, 6, 1, 8, 30);
  assert_notifications (fixture, 1);

  /* London is an hour behind: 07:45 there, then 08:15, the same day. */
  set_clock (fixture, "Europe/London", 2026, 6, 1, 7, 45);
  assert_next (fixture, "Europe/London", 2026, 6, 2, 8, 0);
  set_clock (fixture, "Europe/London", 2026, 6, 1, 8, 15);
  assert_notifications (fixture, 1);
  set_clock (fixture, "Europe/London", 2026, 6, 2, 8, 0);
  assert_notifications (fixture, 2);

  /* A new time today, still to come: today has had its reminder. */
  g_settings_set_string (fixture->settings, "reminder-time", "18:00");
  assert_next (fixture, "Europe/London", 2026, 6, 3, 18, 0);
}

static gboolean
session_is_active (gpointer data)
{
  return limber_window_get_session_active (LIMBER_WINDOW (data));
}

typedef struct
{
  Fixture *fixture;
  guint    id;
} ClosedTarget;

static gboolean
notification_is_closed (gpointer data)
{
  ClosedTarget *target = data;
  g_autoptr(GVariant) reply = call_test_desktop (target->fixture, "GetClosed", NULL, G_VARIANT_TYPE ("(au)"));
  g_autoptr(GVariant) closed = g_variant_get_child_value (reply, 0);
  gsize n;
  const guint32 *ids = g_variant_get_fixed_array (closed, &n, sizeof (guint32));

  for (gsize i = 0; i < n; i++)
    if (ids[i] == target->id)
      return TRUE;
  return FALSE;
}

static guint
last_notification_id (Fixture *fixture)
{
  g_autoptr(GVariant) reply = call_test_desktop (fixture, "GetNotifications", NULL, G_VARIANT_TYPE ("(a(ussas))"));
  g_autoptr(GVariant) list = g_variant_get_child_value (reply, 0);
  g_autoptr(GVariant) last = g_variant_get_child_value (list, g_variant_n_children (list) - 1);
  guint id;

  g_variant_get (last, "(u&s&s^a&s)", &id, NULL, NULL, NULL);
  return id;
}

static LimberWindow *
open_quiet_window (void)
{
  g_autoptr(LimberCatalog) catalog = limber_catalog_new_default (NULL);
  g_autoptr(GSettings) settings = limber_test_settings_new (NULL);
  g_autoptr(LimberPlan) plan = NULL;

  g_settings_set_boolean (settings, "narration-muted", TRUE);
  plan = limber_plan_new (catalog, settings);
  return open_window_with_plan (GTK_APPLICATION (application), plan);
}

/* Clicking the notification, or its Start, starts a session in the window;
 * the session takes the notification away. */
static void
test_reminder_starts_session (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char *clicks[] = { "default", "app.start-session" };

  turn_on (fixture, "08:00");
  set_clock (fixture, "Europe/Berlin", 2026, 6, 1, 7, 59);

  for (guint i = 0; i < G_N_ELEMENTS (clicks); i++)
    {
      LimberWindow *window = open_quiet_window ();
      ClosedTarget closed = { fixture, 0 };

      g_test_message ("Clicking “%s”", clicks[i]);
      set_clock (fixture, "Europe/Berlin", 2026, 6, 1 + i, 8, 0);
      assert_notifications (fixture, i + 1);
      g_assert_false (limber_window_get_session_active (window));

      closed.id = last_notification_id (fixture);
      g_variant_unref (call_test_desktop (fixture, "Invoke", g_variant_new ("(us)", closed.id, clicks[i]), NULL));
      wait_until (session_is_active, window, "the reminder to start a session");
      g_assert_true (limber_session_controller_get_active (limber_window_get_session_controller (window)));
      wait_until (notification_is_closed, &closed, "the session to withdraw the reminder");

      set_clock (fixture, "Europe/Berlin", 2026, 6, 1 + i, 12, 0);
      close_window (window);
    }
}

/* Switched on, it asks to run in the background and start hidden at login;
 * the answer is kept; switched off, it asks that Limber no longer start. */
static void
test_reminder_background (void)
{
  static const struct { const char *answer; LimberBackgroundState state; } answers[] = {
    { "allow", LIMBER_BACKGROUND_STATE_ALLOWED },
    { "no-autostart", LIMBER_BACKGROUND_STATE_NO_AUTOSTART },
    { "refuse", LIMBER_BACKGROUND_STATE_REFUSED },
    { "none", LIMBER_BACKGROUND_STATE_UNAVAILABLE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      Fixture own = { 0 };
      LimberBackground *background;

      g_test_message ("The portal: %s", answers[i].answer);
      fixture_set_up_with (&own, answers[i].answer);
      background = limber_reminder_get_background (own.reminder);
      g_assert_cmpint (limber_background_get_state (background), ==, LIMBER_BACKGROUND_STATE_NOT_ASKED);

      turn_on (&own, "08:00");
      g_assert_true (limber_background_get_wanted (background));
      while (limber_background_get_state (background) == LIMBER_BACKGROUND_STATE_ASKING)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (limber_background_get_state (background), ==, answers[i].state);

      g_settings_set_boolean (own.settings, "reminder-enabled", FALSE);
      g_assert_false (limber_background_get_wanted (background));
      g_assert_cmpint (limber_background_get_state (background), ==, LIMBER_BACKGROUND_STATE_NOT_ASKED);

      if (answers[i].state != LIMBER_BACKGROUND_STATE_UNAVAILABLE)
        {
          g_autoptr(GVariant) reply = NULL;
          g_autoptr(GVariant) requests = NULL;
          g_autofree const char **command = NULL;
          const char *reason;
          gboolean autostart;

          /* The second request, taking the autostart back, needs no answer. */
          for (guint n = 0; n < 2;)
            {
              g_clear_pointer (&reply, g_variant_unref);
              g_clear_pointer (&requests, g_variant_unref);
              reply = call_test_desktop (&own, "GetBackgroundRequests", NULL, G_VARIANT_TYPE ("(a(bass))"));
              requests = g_variant_get_child_value (reply, 0);
              n = g_variant_n_children (requests);
              g_main_context_iteration (NULL, FALSE);
            }
          g_assert_cmpuint (g_variant_n_children (requests), ==, 2);

          g_variant_get_child (requests, 0, "(b^a&s&s)", &autostart, &command, &reason);
          g_assert_true (autostart);
          g_assert_cmpstrv (command, ((const char *[]) { "limber", "--gapplication-service", NULL }));
          g_assert_cmpstr (reason, !=, "");
          g_clear_pointer (&command, g_free);
          g_variant_get_child (requests, 1, "(b^a&s&s)", &autostart, &command, &reason);
          g_assert_false (autostart);
        }

      fixture_tear_down (&own, NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);

  application = register_test_application ();

  g_test_add_func ("/reminder/parse-time", test_reminder_parse_time);
  g_test_add ("/reminder/fires-daily", Fixture, NULL, fixture_set_up, test_reminder_fires_daily, fixture_tear_down);
  g_test_add ("/reminder/disabled", Fixture, NULL, fixture_set_up, test_reminder_disabled, fixture_tear_down);
  g_test_add ("/reminder/dst", Fixture, NULL, fixture_set_up, test_reminder_dst, fixture_tear_down);
  g_test_add ("/reminder/time-change", Fixture, NULL, fixture_set_up, test_reminder_time_change, fixture_tear_down);
  g_test_add ("/reminder/starts-session", Fixture, NULL, fixture_set_up, test_reminder_starts_session,
              fixture_tear_down);
  g_test_add_func ("/reminder/background", test_reminder_background);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
