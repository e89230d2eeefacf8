/* limber-reminder.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The daily reminder: at reminder-time each day, a notification whose
 * Start (and the notification itself) starts a session through the
 * application's "start-session" action.
 */

#define G_LOG_DOMAIN "limber-reminder"

#include "limber-config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "limber-reminder-private.h"
#include "limber-untrusted-text.h"

/* GLib timeouts, re-armed at each wake, rather than LimberCountdown: the
 * countdown measures time elapsed, which the reminder cannot go by. Its
 * time is one on the wall clock, hours away: the monotonic clock stops
 * while the computer sleeps, and the wall clock can be set, change its
 * time zone or go to summer time meanwhile. So each wake works out the next
 * reminder afresh from the wall clock, and none sleeps longer than this:
 * any such change is noticed within a minute, and nothing drifts. */
#define LONGEST_WAIT_MS (60 * 1000)

#define MINUTES_A_DAY (24 * 60)

struct _LimberReminder
{
  GObject              parent_instance;

  /* Not a reference: the application owns the reminder. */
  GApplication        *application;
  GSettings           *settings;
  LimberBackground    *background;

  LimberReminderClock  clock;
  gpointer             clock_data;
  double               time_scale;

  gboolean             enabled;
  /* The reminder's time of day, in minutes after midnight. */
  guint                minutes;
  char                *problem;
  GDateTime           *next;
  /* The last wake, so that a reminder is due once the clock has passed it. */
  GDateTime           *last_check;
  /* The reminder last sent: its day has had its reminder. */
  GDateTime           *last_fired;
  guint                wake_id;
};

G_DEFINE_FINAL_TYPE (LimberReminder, limber_reminder, G_TYPE_OBJECT)

G_DEFINE_QUARK (limber-reminder-error-quark, limber_reminder_error)

enum {
  PROP_0,
  PROP_ENABLED,
  PROP_NEXT,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
parse_number (const char *text,
              guint       max,
              guint      *value)
{
  guint64 number;

  /* Only ASCII digits: no sign, space or other script sneaks through. */
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &number, NULL))
    return FALSE;

  *value = (guint) number;
  return TRUE;
}

/**
 * limber_reminder_parse_time:
 * @text: a time of day as the reminder-time setting holds it: "7:30", "18:45"
 * @minutes: (out): the minutes after midnight
 *
 * Returns: %FALSE with @error naming the value if @text is not a time
 *   from 0:00 to 23:59, written as hours and two digits of minutes
 */
gboolean
limber_reminder_parse_time (const char  *text,
                            guint       *minutes,
                            GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint hours = 0;
  guint minute = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (g_strv_length (parts) != 2 || strlen (parts[0]) < 1 || strlen (parts[0]) > 2 || strlen (parts[1]) != 2 ||
      !parse_number (parts[0], 23, &hours) || !parse_number (parts[1], 59, &minute))
    {
      g_autofree char *quoted = limber_untrusted_text_quote (text, -1, LIMBER_UNTRUSTED_TEXT_QUOTE_LENGTH);

      /* Translators: %s is the setting's value; keep 00:00 and 23:59 as they are */
      g_set_error (error, LIMBER_REMINDER_ERROR, LIMBER_REMINDER_ERROR_INVALID_TIME,
                   _("The reminder time “%s” is not a time of day from 00:00 to 23:59"), quoted);
      return FALSE;
    }

  *minutes = hours * 60 + minute;
  return TRUE;
}

/**
 * limber_reminder_format_time:
 *
 * Returns: (transfer full): @minutes after midnight as reminder-time holds them, "07:30"
 */
char *
limber_reminder_format_time (guint minutes)
{
  minutes %= MINUTES_A_DAY;
  return g_strdup_printf ("%02u:%02u", minutes / 60, minutes % 60);
}

/* Looked up at every wake, not once, so that a new time zone is followed. */
static GDateTime *
wall_clock (gpointer user_data)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (g_getenv ("TZ"));

  if (zone == NULL)
    zone = g_time_zone_new_local ();

  return g_date_time_new_now (zone);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  int a_year, a_month, a_day, b_year, b_month, b_day;

  g_date_time_get_ymd (a, &a_year, &a_month, &a_day);
  g_date_time_get_ymd (b, &b_year, &b_month, &b_day);
  return a_year == b_year && a_month == b_month && a_day == b_day;
}

/* The reminder on the day @days after @now's, in @now's time zone. On the
 * day clocks go forward, a time that does not exist becomes the first one
 * after the gap; on the day they go back, a time that comes twice is the
 * second one, and the day has one reminder all the same. */
static GDateTime *
reminder_on_day (LimberReminder *self,
                 GDateTime      *now,
                 int             days)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
  int year, month, day_of_month;

  g_date_time_get_ymd (day, &year, &month, &day_of_month);
  return g_date_time_new (g_date_time_get_timezone (now), year, month, day_of_month,
                          self->minutes / 60, self->minutes % 60, 0);
}

static gboolean
fired_on_day_of (LimberReminder *self,
                 GDateTime      *reminder)
{
  return self->last_fired != NULL && same_day (self->last_fired, reminder);
}

/* The last reminder at or before @now: today's, or yesterday's. */
static GDateTime *
latest_reminder (LimberReminder *self,
                 GDateTime      *now)
{
  GDateTime *today = reminder_on_day (self, now, 0);

  if (g_date_time_compare (today, now) <= 0)
    return today;

  g_date_time_unref (today);
  return reminder_on_day (self, now, -1);
}

/* The first reminder after @now on a day that has not had one. */
static GDateTime *
next_reminder (LimberReminder *self,
               GDateTime      *now)
{
  for (int days = 0;; days++)
    {
      g_autoptr(GDateTime) reminder = reminder_on_day (self, now, days);

      if (g_date_time_compare (reminder, now) > 0 && !fired_on_day_of (self, reminder))
        return g_steal_pointer (&reminder);
    }
}

static void
set_next (LimberReminder *self,
          GDateTime      *next)
{
  if (self->next == next || (self->next != NULL && next != NULL && g_date_time_equal (self->next, next)))
    return;

  g_clear_pointer (&self->next, g_date_time_unref);
  self->next = next != NULL ? g_date_time_ref (next) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT]);
}

static void
send_reminder (LimberReminder *self,
               GDateTime      *reminder)
{
  g_autoptr(GNotification) notification = g_notification_new (_("Time for your exercises"));
  g_autoptr(GIcon) icon = g_themed_icon_new (APPLICATION_ID);
  g_autofree char *when = g_date_time_format_iso8601 (reminder);

  g_debug ("Sending the reminder of %s", when);
  g_clear_pointer (&self->last_fired, g_date_time_unref);
  self->last_fired = g_date_time_ref (reminder);

  g_notification_set_body (notification, _("Limber is ready to coach you through your plan."));
  g_notification_set_icon (notification, icon);
  g_notification_set_default_action (notification, "app.start-session");
  /* Translators: a button on the daily reminder's notification */
  g_notification_add_button (notification, C_("reminder", "Start"), "app.start-session");

  if (g_application_get_is_registered (self->application))
    g_application_send_notification (self->application, LIMBER_REMINDER_NOTIFICATION_ID, notification);
}

static gboolean on_wake (gpointer user_data);

static void
wait_for (LimberReminder *self,
          GDateTime      *now,
          GDateTime      *next)
{
  GTimeSpan until_next_ms = g_date_time_difference (next, now) / G_TIME_SPAN_MILLISECOND + 1;
  double wait_ms = MIN (until_next_ms, LONGEST_WAIT_MS) / self->time_scale;

  g_clear_handle_id (&self->wake_id, g_source_remove);
  self->wake_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) MAX (wait_ms, 1.0), on_wake, self, NULL);
}

/* A reminder is due when the clock has passed it since the last wake, and
 * its day has not had one: once, however late in its day a sleeping
 * computer wakes, and not again when the clock is set back. Yesterday's,
 * missed, is not sent the next morning: today's comes at its time. */
static void
check (LimberReminder *self)
{
  g_autoptr(GDateTime) now = self->clock (self->clock_data);
  g_autoptr(GDateTime) latest = NULL;
  g_autoptr(GDateTime) next = NULL;

  if (!self->enabled)
    {
      g_clear_handle_id (&self->wake_id, g_source_remove);
      set_next (self, NULL);
      return;
    }

  latest = latest_reminder (self, now);
  if (self->last_check != NULL && g_date_time_compare (latest, self->last_check) > 0 &&
      same_day (latest, now) && !fired_on_day_of (self, latest))
    send_reminder (self, latest);

  g_clear_pointer (&self->last_check, g_date_time_unref);
  self->last_check = g_date_time_ref (now);

  next = next_reminder (self, now);
  set_next (self, next);
  wait_for (self, now, next);
}

static gboolean
on_wake (gpointer user_data)
{
  LimberReminder *self = user_data;

  self->wake_id = 0;
  check (self);
  return G_SOURCE_REMOVE;
}

static void
set_problem (LimberReminder *self,
             const char     *problem)
{
  if (g_strcmp0 (self->problem, problem) == 0)
    return;

  g_free (self->problem);
  self->problem = g_strdup (problem);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

/* The settings, read again whenever they change. A time that is not one is
 * said once in the log and in Preferences; no reminder comes until a time
 * is set, and the setting is left as it is. */
static void
follow_settings (LimberReminder *self)
{
  g_autofree char *text = g_settings_get_string (self->settings, "reminder-time");
  g_autoptr(GError) error = NULL;
  gboolean on = g_settings_get_boolean (self->settings, "reminder-enabled");
  gboolean valid = limber_reminder_parse_time (text, &self->minutes, &error);
  gboolean enabled = on && valid;

  if (!valid && g_strcmp0 (self->problem, error->message) != 0)
    g_message ("%s", error->message);
  set_problem (self, valid ? NULL : error->message);

  limber_background_set_wanted (self->background, enabled);

  if (self->enabled != enabled)
    {
      self->enabled = enabled;
      /* Nothing is due from before it was turned on. */
      g_clear_pointer (&self->last_check, g_date_time_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
    }

  check (self);
}

static void
limber_reminder_dispose (GObject *object)
{
  LimberReminder *self = (LimberReminder *)object;

  g_clear_handle_id (&self->wake_id, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->background);

  G_OBJECT_CLASS (limber_reminder_parent_class)->dispose (object);
}

static void
limber_reminder_finalize (GObject *object)
{
  LimberReminder *self = (LimberReminder *)object;

  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->next, g_date_time_unref);
  g_clear_pointer (&self->last_check, g_date_time_unref);
  g_clear_pointer (&self->last_fired, g_date_time_unref);

  G_OBJECT_CLASS (limber_reminder_parent_class)->finalize (object);
}

static void
limber_reminder_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LimberReminder *self = LIMBER_REMINDER (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_NEXT:
      g_value_set_boxed (value, self->next);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_reminder_class_init (LimberReminderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_reminder_dispose;
  object_class->finalize = limber_reminder_finalize;
  object_class->get_property = limber_reminder_get_property;

  /* On, with a time of day to go by. */
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* When the next reminder comes, in the time zone it is worked out in. */
  properties[PROP_NEXT] =
    g_param_spec_boxed ("next", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Why the setting cannot be used, for Preferences; NULL when it can. */
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_reminder_init (LimberReminder *self)
{
  self->clock = wall_clock;
  self->time_scale = 1.0;
}

/**
 * limber_reminder_new:
 * @application: what sends the notifications, and has the "start-session"
 *   action they name; it must outlive the reminder
 */
LimberReminder *
limber_reminder_new (GApplication *application,
                     GSettings    *settings)
{
  LimberReminder *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LIMBER_TYPE_REMINDER, NULL);
  self->application = application;
  self->settings = g_object_ref (settings);
  self->background = limber_background_new (application);

  g_signal_connect_swapped (settings, "changed::reminder-enabled", G_CALLBACK (follow_settings), self);
  g_signal_connect_swapped (settings, "changed::reminder-time", G_CALLBACK (follow_settings), self);
  follow_settings (self);

  return self;
}

gboolean
limber_reminder_get_enabled (LimberReminder *self)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER (self), FALSE);

  return self->enabled;
}

/**
 * limber_reminder_get_next:
 *
 * Returns: (transfer none) (nullable): when the next reminder comes, or %NULL when off
 */
GDateTime *
limber_reminder_get_next (LimberReminder *self)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER (self), NULL);

  return self->next;
}

/**
 * limber_reminder_get_problem:
 *
 * Returns: (nullable): why the reminder-time setting cannot be used, or %NULL
 */
const char *
limber_reminder_get_problem (LimberReminder *self)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER (self), NULL);

  return self->problem;
}

/**
 * limber_reminder_get_background:
 *
 * Returns: (transfer none): what keeps Limber running for the reminder
 */
LimberBackground *
limber_reminder_get_background (LimberReminder *self)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER (self), NULL);

  return self->background;
}

/**
 * limber_reminder_withdraw:
 *
 * Takes the reminder's notification away: a session has started.
 */
void
limber_reminder_withdraw (LimberReminder *self)
{
  g_return_if_fail (LIMBER_IS_REMINDER (self));

  /* Also one that a Limber before this one sent. */
  if (g_application_get_is_registered (self->application))
    g_application_withdraw_notification (self->application, LIMBER_REMINDER_NOTIFICATION_ID);
}

void
limber_reminder_set_clock (LimberReminder      *self,
                           LimberReminderClock  clock,
                           gpointer             user_data,
                           double               time_scale)
{
  g_return_if_fail (LIMBER_IS_REMINDER (self));
  g_return_if_fail (clock != NULL);
  g_return_if_fail (time_scale > 0);

  self->clock = clock;
  self->clock_data = user_data;
  self->time_scale = time_scale;
  /* Another clock, another timeline: nothing is due from the old one. */
  g_clear_pointer (&self->last_check, g_date_time_unref);
  check (self);
}

GDateTime *
limber_reminder_get_last_fired (LimberReminder *self)
{
  g_return_val_if_fail (LIMBER_IS_REMINDER (self), NULL);

  return self->last_fired;
}
