/* test-countdown.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include "limber-countdown-private.h"

typedef struct {
  GArray *seconds;
  guint   n_finished;
} Record;

static void
on_seconds_left (LimberCountdown *countdown,
                 GParamSpec      *pspec,
                 Record          *record)
{
  guint seconds = limber_countdown_get_seconds_left (countdown);

  g_array_append_val (record->seconds, seconds);
}

static void
on_finished (LimberCountdown *countdown,
             Record          *record)
{
  g_assert_cmpint (limber_countdown_get_state (countdown), ==, LIMBER_COUNTDOWN_STATE_IDLE);
  record->n_finished++;
}

static LimberCountdown *
new_recorded (Record *record,
              double  scale)
{
  LimberCountdown *countdown = limber_countdown_new ();

  limber_countdown_set_time_scale (countdown, scale);
  record->seconds = g_array_new (FALSE, FALSE, sizeof (guint));
  record->n_finished = 0;
  g_signal_connect (countdown, "notify::seconds-left", G_CALLBACK (on_seconds_left), record);
  g_signal_connect (countdown, "finished", G_CALLBACK (on_finished), record);

  return countdown;
}

static void
spin_until_finished (Record *record,
                     guint   n)
{
  while (record->n_finished < n)
    g_main_context_iteration (NULL, TRUE);
}

static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (500);
}

/* Each whole second once, counting down, and one finish. */
static void
test_counts_each_second_once (void)
{
  Record record;
  g_autoptr(LimberCountdown) countdown = new_recorded (&record, 0.01);

  limber_countdown_start (countdown, 4000);
  g_assert_cmpint (limber_countdown_get_state (countdown), ==, LIMBER_COUNTDOWN_STATE_RUNNING);
  g_assert_cmpuint (limber_countdown_get_duration (countdown), ==, 4000);
  g_assert_cmpuint (limber_countdown_get_seconds_left (countdown), ==, 4);
  spin_until_finished (&record, 1);

  g_assert_cmpuint (record.seconds->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (g_array_index (record.seconds, guint, i), ==, 4 - i);
  g_assert_cmpuint (limber_countdown_get_remaining_ms (countdown), ==, 0);
  g_assert_cmpfloat (limber_countdown_get_fraction (countdown), ==, 0.0);

  spin_for (50);
  g_assert_cmpuint (record.n_finished, ==, 1);
  g_array_unref (record.seconds);
}

/* A part second rounds up, as a person reads a countdown. */
static void
test_part_seconds_round_up (void)
{
  Record record;
  g_autoptr(LimberCountdown) countdown = new_recorded (&record, 0.01);

  limber_countdown_start (countdown, 2500);
  g_assert_cmpuint (limber_countdown_get_seconds_left (countdown), ==, 3);
  spin_until_finished (&record, 1);
  g_assert_cmpuint (record.seconds->len, ==, 4);
  g_assert_cmpuint (g_array_index (record.seconds, guint, 1), ==, 2);
  g_array_unref (record.seconds);
}

/* Paused, nothing moves; resumed, it goes on from where it was. */
static void
test_pause_and_resume (void)
{
  Record record;
  g_autoptr(LimberCountdown) countdown = new_recorded (&record, 0.01);
  guint left;
  double fraction;

  limber_countdown_start (countdown, 10000);
  spin_for (30);
  limber_countdown_pause (countdown);
  g_assert_cmpint (limber_countdown_get_state (countdown), ==, LIMBER_COUNTDOWN_STATE_PAUSED);
  left = limber_countdown_get_remaining_ms (countdown);
  fraction = limber_countdown_get_fraction (countdown);
  g_assert_cmpuint (left, <, 10000);
  g_assert_cmpfloat (fraction, >, 0.0);

  /* Ten times as long as the whole countdown would take. */
  spin_for (500);
  g_assert_cmpuint (record.n_finished, ==, 0);
  g_assert_cmpuint (limber_countdown_get_remaining_ms (countdown), ==, left);
  g_assert_cmpfloat (limber_countdown_get_fraction (countdown), ==, fraction);

  /* Pausing twice changes nothing. */
  limber_countdown_pause (countdown);
  limber_countdown_resume (countdown);
  g_assert_true (limber_countdown_is_running (countdown));
  spin_until_finished (&record, 1);
  g_array_unref (record.seconds);
}

static void
test_cancel_does_not_finish (void)
{
  Record record;
  g_autoptr(LimberCountdown) countdown = new_recorded (&record, 0.01);

  limber_countdown_start (countdown, 1000);
  limber_countdown_cancel (countdown);
  g_assert_cmpint (limber_countdown_get_state (countdown), ==, LIMBER_COUNTDOWN_STATE_IDLE);
  g_assert_cmpuint (limber_countdown_get_seconds_left (countdown), ==, 0);
  spin_for (100);
  g_assert_cmpuint (record.n_finished, ==, 0);

  /* Restarting replaces the countdown: only the new one finishes. */
  limber_countdown_start (countdown, 5000);
  limber_countdown_start (countdown, 1000);
  spin_until_finished (&record, 1);
  spin_for (100);
  g_assert_cmpuint (record.n_finished, ==, 1);
  g_array_unref (record.seconds);
}

/* Even nothing to count finishes from the main loop, not inside start(). */
static void
test_zero_finishes_later (void)
{
  Record record;
  g_autoptr(LimberCountdown) countdown = new_recorded (&record, 1.0);

  limber_countdown_start (countdown, 0);
  g_assert_cmpuint (record.n_finished, ==, 0);
  spin_until_finished (&record, 1);
  g_array_unref (record.seconds);
}

static void
restart_once (LimberCountdown *countdown,
              Record          *record)
{
  if (record->n_finished == 1)
    limber_countdown_start (countdown, 1000);
}

/* The next countdown can begin inside the handler of the last one's end. */
static void
test_restart_from_finished (void)
{
  Record record;
  g_autoptr(LimberCountdown) countdown = new_recorded (&record, 0.01);

  g_signal_connect_after (countdown, "finished", G_CALLBACK (restart_once), &record);
  limber_countdown_start (countdown, 1000);
  spin_until_finished (&record, 2);
  g_assert_cmpint (limber_countdown_get_state (countdown), ==, LIMBER_COUNTDOWN_STATE_IDLE);
  g_array_unref (record.seconds);
}

/* A countdown set up paused waits for its resume. */
static void
test_start_paused (void)
{
  Record record;
  g_autoptr(LimberCountdown) countdown = new_recorded (&record, 0.01);

  limber_countdown_start_paused (countdown, 1000);
  g_assert_cmpuint (limber_countdown_get_seconds_left (countdown), ==, 1);
  g_assert_cmpuint (limber_countdown_get_remaining_ms (countdown), ==, 1000);
  spin_for (100);
  g_assert_cmpuint (record.n_finished, ==, 0);
  limber_countdown_resume (countdown);
  spin_until_finished (&record, 1);
  g_array_unref (record.seconds);
}

/* The time scale shrinks real time, but the count is in real seconds. */
static void
test_time_scale (void)
{
  Record record;
  g_autoptr(LimberCountdown) countdown = new_recorded (&record, 0.001);
  gint64 start = g_get_monotonic_time ();

  limber_countdown_start (countdown, 60000);
  g_assert_cmpuint (limber_countdown_get_seconds_left (countdown), ==, 60);
  spin_until_finished (&record, 1);
  /* 60 ms of wall time at the least; generous above, the machine is shared. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 60 * 1000);
  g_assert_cmpuint (record.seconds->len, ==, 61);
  g_array_unref (record.seconds);

  limber_countdown_set_default_time_scale (0.5);
  g_assert_cmpfloat (limber_countdown_get_default_time_scale (), ==, 0.5);
  {
    g_autoptr(LimberCountdown) scaled = limber_countdown_new ();

    g_assert_cmpfloat (limber_countdown_get_time_scale (scaled), ==, 0.5);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/countdown/counts-each-second-once", test_counts_each_second_once);
  g_test_add_func ("/countdown/part-seconds-round-up", test_part_seconds_round_up);
  g_test_add_func ("/countdown/pause-and-resume", test_pause_and_resume);
  g_test_add_func ("/countdown/cancel-does-not-finish", test_cancel_does_not_finish);
  g_test_add_func ("/countdown/zero-finishes-later", test_zero_finishes_later);
  g_test_add_func ("/countdown/restart-from-finished", test_restart_from_finished);
  g_test_add_func ("/countdown/start-paused", test_start_paused);
  g_test_add_func ("/countdown/time-scale", test_time_scale);

  return g_test_run ();
}
