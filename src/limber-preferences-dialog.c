/* limber-preferences-dialog.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences: the voice, a session's pace and the daily reminder. Every
 * row is bound to its setting with g_settings_bind(), both ways; a setting
 * the clinic has locked shows insensitive, and says so.
 */

#define G_LOG_DOMAIN "limber-preferences-dialog"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-preferences-dialog-private.h"

typedef struct
{
  const char *key;
  GtkWidget  *row;
  /* What the row says when the clinic has not locked it; may be NULL. */
  const char *subtitle;
} BoundRow;

struct _LimberPreferencesDialog
{
  LimberCompatPreferences  parent_instance;

  GSettings               *settings;
  LimberReminder          *reminder;
  GArray                  *rows;
  GtkAdjustment           *reminder_time;

  AdwPreferencesGroup     *voice_group;
  AdwPreferencesGroup     *session_group;
  AdwPreferencesGroup     *reminders_group;
  GtkWidget               *speech_rate_row;
  GtkWidget               *volume_row;
  GtkAdjustment           *volume;
};

G_DEFINE_FINAL_TYPE (LimberPreferencesDialog, limber_preferences_dialog, LIMBER_TYPE_COMPAT_PREFERENCES)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_REMINDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The limits the schema gives @key: its range, or its enum's nicks. */
static GVariant *
schema_limits (LimberPreferencesDialog *self,
               const char              *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) range = NULL;
  GVariant *limits;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(&sv)", NULL, &limits);
  return limits;
}

static void
show_row_subtitles (LimberPreferencesDialog *self)
{
  const char *problem = limber_reminder_get_problem (self->reminder);

  for (guint i = 0; i < self->rows->len; i++)
    {
      BoundRow *bound = &g_array_index (self->rows, BoundRow, i);
      const char *subtitle = bound->subtitle;

      if (!g_settings_is_writable (self->settings, bound->key))
        /* Translators: shown on a setting that an administrator has locked */
        subtitle = _("Set by your clinic");
      if (g_str_equal (bound->key, "reminder-time") && problem != NULL)
        subtitle = problem;

      adw_action_row_set_subtitle (ADW_ACTION_ROW (bound->row), subtitle != NULL ? subtitle : "");
    }
}

/* @row shows @key: insensitive, and saying why, while the clinic locks it. */
static void
add_row (LimberPreferencesDialog *self,
         const char              *key,
         GtkWidget               *row,
         const char              *subtitle)
{
  BoundRow bound = { key, row, subtitle };

  g_settings_bind_writable (self->settings, key, row, "sensitive", FALSE);
  g_array_append_val (self->rows, bound);
}

/* An enum setting and the row that picks one of its values, in order. */
static gboolean
get_enum_index (GValue   *value,
                GVariant *variant,
                gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
set_enum_index (const GValue       *value,
                const GVariantType *expected_type,
                gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((GStrv) nicks))
    return NULL;

  return g_variant_new_string (nicks[index]);
}

static void
bind_enum (LimberPreferencesDialog *self,
           const char              *key,
           GtkWidget               *combo_row)
{
  g_autoptr(GVariant) limits = schema_limits (self, key);

  g_settings_bind_with_mapping (self->settings, key, combo_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                get_enum_index, set_enum_index, g_variant_dup_strv (limits, NULL),
                                (GDestroyNotify) g_strfreev);
}

/* A row of whole seconds for @key, within the schema's range. */
static GtkWidget *
add_seconds_row (LimberPreferencesDialog *self,
                 AdwPreferencesGroup     *group,
                 const char              *key,
                 const char              *title,
                 const char              *subtitle)
{
  g_autoptr(GVariant) limits = schema_limits (self, key);
  GtkAdjustment *adjustment;
  GtkWidget *row;
  guint32 min, max;

  g_variant_get (limits, "(uu)", &min, &max);
  adjustment = gtk_adjustment_new (min, min, max, 1, 5, 0);
  row = limber_compat_spin_row_new (title, adjustment, NULL);
  g_settings_bind (self->settings, key, adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (group, row);
  add_row (self, key, row, subtitle);
  return row;
}

static GtkWidget *
add_switch_row (LimberPreferencesDialog *self,
                AdwPreferencesGroup     *group,
                const char              *key,
                const char              *title,
                const char              *subtitle)
{
  GtkWidget *state;
  GtkWidget *row = limber_compat_switch_row_new (title, &state);

  g_settings_bind (self->settings, key, state, "active", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (group, row);
  add_row (self, key, row, subtitle);
  return row;
}

static gboolean
get_waits (GValue   *value,
           GVariant *variant,
           gpointer  user_data)
{
  g_value_set_boolean (value, g_str_equal (g_variant_get_string (variant, NULL), "wait-for-ready"));
  return TRUE;
}

static GVariant *
set_waits (const GValue       *value,
           const GVariantType *expected_type,
           gpointer            user_data)
{
  return g_variant_new_string (g_value_get_boolean (value) ? "wait-for-ready" : "timed");
}

static gboolean
get_timed (GValue   *value,
           GVariant *variant,
           gpointer  user_data)
{
  g_value_set_boolean (value, g_str_equal (g_variant_get_string (variant, NULL), "timed"));
  return TRUE;
}

/* The reminder's time: minutes after midnight here, "HH:MM" in the setting.
 * A setting that is no time shows the default, and stays as it is until a
 * time is picked; the row says what is wrong with it. */
static gboolean
get_minutes (GValue   *value,
             GVariant *variant,
             gpointer  user_data)
{
  guint minutes;

  if (!limber_reminder_parse_time (g_variant_get_string (variant, NULL), &minutes, NULL))
    return FALSE;

  g_value_set_double (value, minutes);
  return TRUE;
}

static GVariant *
set_minutes (const GValue       *value,
             const GVariantType *expected_type,
             gpointer            user_data)
{
  return g_variant_new_take_string (limber_reminder_format_time ((guint) g_value_get_double (value)));
}

static gboolean
on_time_output (GtkEditable *editable,
                gpointer     user_data)
{
  LimberPreferencesDialog *self = user_data;
  g_autofree char *text = limber_reminder_format_time ((guint) gtk_adjustment_get_value (self->reminder_time));

  if (g_strcmp0 (gtk_editable_get_text (editable), text) != 0)
    gtk_editable_set_text (editable, text);
  return TRUE;
}

static int
on_time_input (GtkEditable *editable,
               double      *new_value,
               gpointer     user_data)
{
  guint minutes;

  if (!limber_reminder_parse_time (gtk_editable_get_text (editable), &minutes, NULL))
    return GTK_INPUT_ERROR;

  *new_value = minutes;
  return TRUE;
}

/* One sentence on whether the reminder comes with no window open. */
static void
show_background (LimberPreferencesDialog *self)
{
  const char *sentence = NULL;
  g_autofree char *escaped = NULL;

  if (limber_reminder_get_enabled (self->reminder))
    switch (limber_background_get_state (limber_reminder_get_background (self->reminder)))
      {
      case LIMBER_BACKGROUND_STATE_ALLOWED:
        sentence = _("Limber keeps running when its window is closed, and starts when you log in, "
                     "so that the reminder always comes.");
        break;
      case LIMBER_BACKGROUND_STATE_NO_AUTOSTART:
        sentence = _("Limber keeps running when its window is closed, but it does not start by itself "
                     "when you log in.");
        break;
      case LIMBER_BACKGROUND_STATE_REFUSED:
        sentence = _("Reminders come only while Limber is open: it is not allowed to run in the background.");
        break;
      case LIMBER_BACKGROUND_STATE_UNAVAILABLE:
        sentence = _("Reminders come only while Limber is open: this desktop cannot keep it running "
                     "in the background.");
        break;
      case LIMBER_BACKGROUND_STATE_NOT_ASKED:
      case LIMBER_BACKGROUND_STATE_ASKING:
      default:
        break;
      }

  /* The description is markup; the sentence is plain text. */
  escaped = sentence != NULL ? g_markup_escape_text (sentence, -1) : NULL;
  adw_preferences_group_set_description (self->reminders_group, escaped);
}

static void
add_voice_rows (LimberPreferencesDialog *self)
{
  bind_enum (self, "speech-rate", self->speech_rate_row);
  add_row (self, "speech-rate", self->speech_rate_row, _("How fast the coach speaks"));

  g_settings_bind (self->settings, "narration-volume", self->volume, "value", G_SETTINGS_BIND_DEFAULT);
  add_row (self, "narration-volume", self->volume_row, NULL);

  add_switch_row (self, self->voice_group, "narration-muted", _("Mute"),
                  _("The steps and countdowns still show on screen"));
}

static void
add_session_rows (LimberPreferencesDialog *self)
{
  GtkWidget *seconds_row;
  GtkWidget *waits, *waits_row;

  /* A switch, not a choice of two: it fits 360 px in every language. */
  waits_row = limber_compat_switch_row_new (_("Wait for Ready After a Change of Position"), &waits);
  g_settings_bind_with_mapping (self->settings, "position-change", waits, "active", G_SETTINGS_BIND_DEFAULT,
                                get_waits, set_waits, NULL, NULL);
  adw_preferences_group_add (self->session_group, waits_row);
  add_row (self, "position-change", waits_row, _("Otherwise the session goes on by itself"));

  seconds_row = add_seconds_row (self, self->session_group, "position-change-seconds", _("Time to Change Position"),
                                 _("Seconds to get into the new position"));
  g_settings_bind_with_mapping (self->settings, "position-change", seconds_row, "visible", G_SETTINGS_BIND_GET,
                                get_timed, NULL, NULL, NULL);

  add_seconds_row (self, self->session_group, "rest-between-repetitions", _("Rest Between Repetitions"),
                   _("Seconds between two holds of a stretch"));
  add_seconds_row (self, self->session_group, "rest-between-exercises", _("Rest Between Exercises"),
                   _("Seconds before the next exercise"));
}

static void
add_reminder_rows (LimberPreferencesDialog *self)
{
  GtkWidget *row, *control;

  add_switch_row (self, self->reminders_group, "reminder-enabled", _("Daily Reminder"),
                  _("A notification at the same time every day"));

  self->reminder_time = g_object_ref_sink (gtk_adjustment_new (0, 0, 24 * 60 - 1, 5, 60, 0));
  row = limber_compat_spin_row_new (_("Reminder Time"), self->reminder_time, &control);
  /* Shown and typed as HH:MM, round the clock. */
  g_object_set (control, "numeric", FALSE, "wrap", TRUE, NULL);
  g_signal_connect (control, "input", G_CALLBACK (on_time_input), self);
  g_signal_connect (control, "output", G_CALLBACK (on_time_output), self);
  g_settings_bind_with_mapping (self->settings, "reminder-time", self->reminder_time, "value",
                                G_SETTINGS_BIND_DEFAULT, get_minutes, set_minutes, NULL, NULL);
  adw_preferences_group_add (self->reminders_group, row);
  add_row (self, "reminder-time", row, _("Hours and minutes, on a 24-hour clock"));

  g_signal_connect_object (self->reminder, "notify::problem", G_CALLBACK (show_row_subtitles), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reminder, "notify::enabled", G_CALLBACK (show_background), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (limber_reminder_get_background (self->reminder), "notify::state",
                           G_CALLBACK (show_background), self, G_CONNECT_SWAPPED);
  show_background (self);
}

static void
limber_preferences_dialog_constructed (GObject *object)
{
  LimberPreferencesDialog *self = (LimberPreferencesDialog *)object;

  G_OBJECT_CLASS (limber_preferences_dialog_parent_class)->constructed (object);

  g_return_if_fail (self->settings != NULL && self->reminder != NULL);

  add_voice_rows (self);
  add_session_rows (self);
  add_reminder_rows (self);

  g_signal_connect_object (self->settings, "writable-changed", G_CALLBACK (show_row_subtitles), self,
                           G_CONNECT_SWAPPED);
  show_row_subtitles (self);
}

static void
limber_preferences_dialog_dispose (GObject *object)
{
  LimberPreferencesDialog *self = (LimberPreferencesDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->reminder_time);
  g_clear_object (&self->reminder);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_preferences_dialog_parent_class)->dispose (object);
}

static void
limber_preferences_dialog_finalize (GObject *object)
{
  LimberPreferencesDialog *self = (LimberPreferencesDialog *)object;

  g_clear_pointer (&self->rows, g_array_unref);

  G_OBJECT_CLASS (limber_preferences_dialog_parent_class)->finalize (object);
}

static void
limber_preferences_dialog_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  LimberPreferencesDialog *self = LIMBER_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_REMINDER:
      g_value_set_object (value, self->reminder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_preferences_dialog_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  LimberPreferencesDialog *self = LIMBER_PREFERENCES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_REMINDER:
      self->reminder = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_preferences_dialog_class_init (LimberPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = limber_preferences_dialog_constructed;
  object_class->dispose = limber_preferences_dialog_dispose;
  object_class->finalize = limber_preferences_dialog_finalize;
  object_class->get_property = limber_preferences_dialog_get_property;
  object_class->set_property = limber_preferences_dialog_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMINDER] =
    g_param_spec_object ("reminder", NULL, NULL, LIMBER_TYPE_REMINDER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/limber-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesDialog, voice_group);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesDialog, session_group);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesDialog, reminders_group);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesDialog, speech_rate_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesDialog, volume_row);
  gtk_widget_class_bind_template_child (widget_class, LimberPreferencesDialog, volume);
}

static void
limber_preferences_dialog_init (LimberPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_array_new (FALSE, TRUE, sizeof (BoundRow));
}

/**
 * limber_preferences_dialog_new:
 * @settings: Limber's settings, which the rows show and change
 * @reminder: the daily reminder, for what it says about itself
 *
 * Returns: (transfer floating): the dialog, to present with
 *   limber_compat_preferences_present()
 */
GtkWidget *
limber_preferences_dialog_new (GSettings      *settings,
                               LimberReminder *reminder)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (LIMBER_IS_REMINDER (reminder), NULL);

  return g_object_new (LIMBER_TYPE_PREFERENCES_DIALOG, "settings", settings, "reminder", reminder, NULL);
}

GtkWidget *
limber_preferences_dialog_get_row (LimberPreferencesDialog *self,
                                   const char              *key)
{
  g_return_val_if_fail (LIMBER_IS_PREFERENCES_DIALOG (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_str_equal (g_array_index (self->rows, BoundRow, i).key, key))
      return g_array_index (self->rows, BoundRow, i).row;

  return NULL;
}
