/* limber-history-view.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The session history: this week's sessions (the day and time, how long,
 * how much was done, how it felt), the last twelve weeks as a chart, and
 * Export CSV… and Delete History…. With no sessions yet it says so; when
 * history is off (a damaged file kept aside, one from a newer Limber, a
 * folder that cannot be written) it says why.
 *
 * Made when it is shown, it reads the log then, which opens the database:
 * nothing reads it sooner.
 */

#define G_LOG_DOMAIN "limber-history-view"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-compat.h"
#include "limber-history-view-private.h"

struct _LimberHistoryView
{
  AdwBin              parent_instance;

  LimberSessionLog   *log;
  GDateTime          *now;
  GtkWidget          *confirm_dialog;

  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  AdwPreferencesGroup *week_group;
  GtkListBox         *week_list;
  LimberHistoryChart *chart;
  AdwStatusPage      *off_page;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (LimberHistoryView, limber_history_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_LOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_minutes (GTimeSpan duration)
{
  guint minutes = (guint)((duration + 30 * G_TIME_SPAN_SECOND) / G_TIME_SPAN_MINUTE);

  return g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes);
}

static GtkWidget *
new_session_row (LimberSessionRecord *record)
{
  g_autoptr(GDateTime) start = g_date_time_to_local (limber_session_record_get_start (record));
  guint n_exercises = limber_session_record_get_n_exercises (record);
  int pain = limber_session_record_get_pain_rating (record);
  const char *note = limber_session_record_get_note (record);
  g_autofree char *when = NULL;
  g_autofree char *minutes = format_minutes (limber_session_record_get_duration (record));
  g_autofree char *done = NULL;
  g_autofree char *felt = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: when a session started, in strftime() format: “Monday, 08:15” */
  when = g_date_time_format (start, _("%A, %H:%M"));
  done = g_strdup_printf (ngettext ("%u of %u exercise done", "%u of %u exercises done", n_exercises),
                          limber_session_record_get_n_done (record), n_exercises);
  if (pain >= 0)
    /* Translators: how a session felt, from its pain rating */
    felt = g_strdup_printf (_("pain %d of 10"), pain);
  else
    felt = g_strdup (_("no pain rating"));

  /* Translators: a session's length, exercises and pain, such as “12 minutes · 5 of 6 exercises done · pain 2 of 10” */
  subtitle = g_strdup_printf (_("%s · %s · %s"), minutes, done, felt);
  if (note != NULL)
    {
      g_autofree char *with_note = g_strconcat (subtitle, "\n", note, NULL);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_note);
    }

  /* The note is the person's own text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
show_off (LimberHistoryView *self,
          const char        *reason)
{
  g_autofree char *escaped = g_markup_escape_text (reason, -1);

  /* A status page's description is markup; the reason names files. */
  adw_status_page_set_description (self->off_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "off");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.delete", FALSE);
}

static void
show_week (LimberHistoryView *self,
           GPtrArray         *sessions)
{
  GTimeSpan total = 0;
  GtkWidget *child;
  g_autofree char *summary = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->week_list))) != NULL)
    gtk_list_box_remove (self->week_list, child);

  for (guint i = 0; i < sessions->len; i++)
    {
      LimberSessionRecord *record = g_ptr_array_index (sessions, i);

      total += limber_session_record_get_duration (record);
      gtk_list_box_append (self->week_list, new_session_row (record));
    }

  if (sessions->len == 0)
    summary = g_strdup (_("No sessions yet this week."));
  else
    {
      g_autofree char *minutes = format_minutes (total);

      /* Translators: this week's sessions; %s is their time, such as “42 minutes” */
      summary = g_strdup_printf (ngettext ("%u session, %s in all.", "%u sessions, %s in all.", sessions->len),
                                 sessions->len, minutes);
    }

  adw_preferences_group_set_description (self->week_group, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->week_list), sessions->len > 0);
}

/**
 * limber_history_view_reload:
 *
 * Reads the log again; the view does so by itself when sessions are added
 * or deleted.
 */
void
limber_history_view_reload (LimberHistoryView *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) monday = NULL;
  g_autoptr(GDateTime) next_monday = NULL;
  g_autoptr(GDateTime) first_monday = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autoptr(GArray) pain = NULL;
  g_autoptr(GError) error = NULL;
  GDate last_monday;
  gint64 count;

  g_return_if_fail (LIMBER_IS_HISTORY_VIEW (self));

  now = self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_local ();
  limber_session_week_monday_of (now, &last_monday);
  monday = g_date_time_new_local (g_date_get_year (&last_monday), g_date_get_month (&last_monday),
                                  g_date_get_day (&last_monday), 0, 0, 0);
  next_monday = g_date_time_add_weeks (monday, 1);
  first_monday = g_date_time_add_weeks (monday, -(LIMBER_HISTORY_CHART_N_WEEKS - 1));

  count = limber_session_log_count_sessions (self->log, &error);
  if (count < 0)
    {
      show_off (self, error->message);
      return;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export", count > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.delete", count > 0);
  if (count == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  sessions = limber_session_log_list_sessions (self->log, monday, next_monday, &error);
  if (sessions != NULL)
    weeks = limber_session_log_count_by_week (self->log, first_monday, next_monday, &error);
  if (weeks != NULL)
    pain = limber_session_log_list_pain (self->log, first_monday, next_monday, &error);
  if (pain == NULL)
    {
      show_off (self, error->message);
      return;
    }

  show_week (self, sessions);
  limber_history_chart_set_history (self->chart, &last_monday, weeks, pain);
  gtk_stack_set_visible_child_name (self->stack, "history");
}

static void
show_error (LimberHistoryView *self,
            const char        *heading,
            const GError      *error)
{
  limber_compat_present_message (GTK_WIDGET (self), heading, error->message);
}

/**
 * limber_history_view_export:
 *
 * Writes the history to @file as CSV, and says how that went.
 */
gboolean
limber_history_view_export (LimberHistoryView *self,
                            GFile             *file)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIMBER_IS_HISTORY_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!limber_session_log_export_csv (self->log, file, &error))
    {
      show_error (self, _("The History Could Not Be Exported"), error);
      return FALSE;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("History exported")));
  return TRUE;
}

static void
on_export_file_chosen (GFile    *file,
                       gpointer  user_data)
{
  g_autoptr(LimberHistoryView) self = user_data;

  if (file != NULL)
    limber_history_view_export (self, file);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  /* Translators: the suggested file name of an exported history; keep “.csv” */
  limber_compat_choose_file (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Export the History"), TRUE,
                             _("limber-history.csv"), _("CSV files"), "*.csv", on_export_file_chosen,
                             g_object_ref (widget));
}

static void
on_delete_confirmed (gboolean confirmed,
                     gpointer user_data)
{
  g_autoptr(LimberHistoryView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!confirmed)
    return;

  if (!limber_session_log_delete_all (self->log, &error))
    {
      show_error (self, _("The History Could Not Be Deleted"), error);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("History deleted")));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LimberHistoryView *self = LIMBER_HISTORY_VIEW (widget);
  GtkWidget *dialog;

  dialog = limber_compat_confirm (widget, _("Delete the History?"),
                                  _("Every session, pain rating and note will be deleted from this computer. "
                                    "This cannot be undone."),
                                  _("_Delete"), on_delete_confirmed, g_object_ref (self));
  g_set_weak_pointer (&self->confirm_dialog, dialog);
}

static void
limber_history_view_constructed (GObject *object)
{
  LimberHistoryView *self = LIMBER_HISTORY_VIEW (object);

  G_OBJECT_CLASS (limber_history_view_parent_class)->constructed (object);

  g_signal_connect_object (self->log, "changed", G_CALLBACK (limber_history_view_reload), self, G_CONNECT_SWAPPED);
  limber_history_view_reload (self);
}

static void
limber_history_view_dispose (GObject *object)
{
  LimberHistoryView *self = LIMBER_HISTORY_VIEW (object);

  g_clear_weak_pointer (&self->confirm_dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_HISTORY_VIEW);
  g_clear_object (&self->log);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (limber_history_view_parent_class)->dispose (object);
}

static void
limber_history_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LimberHistoryView *self = LIMBER_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOG:
      g_value_set_object (value, self->log);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_history_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LimberHistoryView *self = LIMBER_HISTORY_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOG:
      self->log = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_history_view_class_init (LimberHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = limber_history_view_constructed;
  object_class->dispose = limber_history_view_dispose;
  object_class->get_property = limber_history_view_get_property;
  object_class->set_property = limber_history_view_set_property;

  properties[PROP_LOG] =
    g_param_spec_object ("log", NULL, NULL, LIMBER_TYPE_SESSION_LOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIMBER_TYPE_HISTORY_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/limber-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryView, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryView, week_group);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryView, week_list);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryView, chart);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryView, off_page);
  gtk_widget_class_bind_template_child (widget_class, LimberHistoryView, empty_page);

  gtk_widget_class_install_action (widget_class, "history.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "history.delete", NULL, delete_activated);
}

/* AdwStatusPage scrolls its content in a scrolled window with no name. */
static void
name_status_page_scroller (AdwStatusPage *page)
{
  GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (page));

  if (GTK_IS_SCROLLED_WINDOW (scroller))
    gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_status_page_get_title (page), -1);
}

static void
limber_history_view_init (LimberHistoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The bin's own child, not a template child: the bin lets go of it. */
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_bin_get_child (ADW_BIN (self)));

  name_status_page_scroller (self->empty_page);
  name_status_page_scroller (self->off_page);
}

/**
 * limber_history_view_new:
 *
 * Returns: a view of @log, read now
 */
GtkWidget *
limber_history_view_new (LimberSessionLog *log)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_LOG (log), NULL);

  return g_object_new (LIMBER_TYPE_HISTORY_VIEW, "log", log, NULL);
}

LimberSessionLog *
limber_history_view_get_log (LimberHistoryView *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_VIEW (self), NULL);

  return self->log;
}

void
limber_history_view_set_now (LimberHistoryView *self,
                             GDateTime         *now)
{
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now != NULL ? g_date_time_ref (now) : NULL;
  limber_history_view_reload (self);
}

const char *
limber_history_view_get_visible_page (LimberHistoryView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

LimberHistoryChart *
limber_history_view_get_chart (LimberHistoryView *self)
{
  return self->chart;
}

GtkListBox *
limber_history_view_get_week_list (LimberHistoryView *self)
{
  return self->week_list;
}

const char *
limber_history_view_get_week_summary (LimberHistoryView *self)
{
  return adw_preferences_group_get_description (self->week_group);
}

const char *
limber_history_view_get_off_reason (LimberHistoryView *self)
{
  return adw_status_page_get_description (self->off_page);
}

GtkWidget *
limber_history_view_get_confirm_dialog (LimberHistoryView *self)
{
  return self->confirm_dialog;
}
