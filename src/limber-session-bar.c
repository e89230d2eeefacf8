/* limber-session-bar.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session's controls, in a bar that never scrolls away: previous and next
 * step, pause, Ready after a change of position, skip, stop, and the
 * narration's volume and mute (the settings' own keys).
 */

#define G_LOG_DOMAIN "limber-session-bar"

#include "limber-config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "limber-compat.h"
#include "limber-session-bar-private.h"

struct _LimberSessionBar
{
  GtkWidget         parent_instance;

  LimberSession    *session;
  GSettings        *settings;

  GtkWidget        *box;
  GtkWidget        *previous_step_button;
  GtkWidget        *next_step_button;
  GtkWidget        *skip_button;
  GtkWidget        *stop_button;
  GtkWidget        *pause_button;
  AdwButtonContent *pause_content;
  GtkWidget        *ready_button;
  GtkWidget        *mute_button;
  GtkWidget        *volume_button;
  GtkAdjustment    *volume;

  gboolean          kiosk;
  /* The screen height the kiosk's controls were last sized for. */
  int               kiosk_height;
};

/* The kiosk's controls, sized for its screen: one style sheet for the
 * display, rewritten only when the screen's height changes. */
static GtkCssProvider *kiosk_style;

G_DEFINE_FINAL_TYPE (LimberSessionBar, limber_session_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (LimberSessionBar *self)
{
  gboolean paused = limber_session_get_state (self->session) == LIMBER_SESSION_STATE_PAUSED;
  gboolean waiting = limber_session_get_waiting (self->session);

  adw_button_content_set_icon_name (self->pause_content,
                                    paused ? "media-playback-start-symbolic" : "media-playback-pause-symbolic");
  adw_button_content_set_label (self->pause_content, paused ? _("_Resume") : _("_Pause"));
  gtk_widget_set_visible (self->ready_button, waiting);
  gtk_widget_set_visible (self->pause_button, !waiting);
}

static void
limber_session_bar_constructed (GObject *object)
{
  LimberSessionBar *self = (LimberSessionBar *)object;
  static const char *icons[] = {
    "audio-volume-muted-symbolic", "audio-volume-high-symbolic",
    "audio-volume-low-symbolic", "audio-volume-medium-symbolic", NULL,
  };

  G_OBJECT_CLASS (limber_session_bar_parent_class)->constructed (object);

  gtk_scale_button_set_icons (GTK_SCALE_BUTTON (self->volume_button), icons);
#ifdef HAVE_NARRATION
  g_settings_bind (self->settings, "narration-volume", self->volume, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "narration-muted", self->mute_button, "active", G_SETTINGS_BIND_DEFAULT);
#else
  /* Nothing to hear in a build without narration. */
  gtk_widget_set_visible (self->mute_button, FALSE);
  gtk_widget_set_visible (self->volume_button, FALSE);
#endif

  g_signal_connect_object (self->session, "notify::state", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::waiting", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
limber_session_bar_dispose (GObject *object)
{
  LimberSessionBar *self = (LimberSessionBar *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_SESSION_BAR);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (limber_session_bar_parent_class)->dispose (object);
}

static void
limber_session_bar_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LimberSessionBar *self = LIMBER_SESSION_BAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* On a television the bar is what a passer-by presses: its words and icons
 * grow with the screen like the session's, from their size at 720 lines.
 * In em, so the user's text scale still multiplies them. */
static void
size_kiosk_controls (LimberSessionBar *self,
                     int               screen_height)
{
  double scale = MAX (1.0, screen_height / 720.0);
  /* CSS wants a point whatever the locale: "1,50em" is no size. */
  char em[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *css = NULL;

  if (kiosk_style == NULL)
    {
      kiosk_style = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (kiosk_style),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }

  g_ascii_formatd (em, sizeof em, "%.2f", scale);
  css = g_strdup_printf ("window.limber-kiosk limber-session-bar button { font-size: %sem; }\n"
                         "window.limber-kiosk limber-session-bar image { -gtk-icon-size: %dpx; }\n",
                         em, (int) (16 * scale));
  limber_compat_load_css (kiosk_style, css);
}

static void
limber_session_bar_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  LimberSessionBar *self = LIMBER_SESSION_BAR (widget);
  /* The kiosk is fullscreen: its window is the screen, and allocated before the bar. */
  int screen_height = gtk_widget_get_height (GTK_WIDGET (gtk_widget_get_root (widget)));

  if (self->kiosk && screen_height > 0 && screen_height != self->kiosk_height)
    {
      self->kiosk_height = screen_height;
      size_kiosk_controls (self, screen_height);
    }

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
}

/* No layout manager: with one, GTK would not call size_allocate above. */
static void
limber_session_bar_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  LimberSessionBar *self = LIMBER_SESSION_BAR (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
limber_session_bar_class_init (LimberSessionBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = limber_session_bar_constructed;
  object_class->dispose = limber_session_bar_dispose;
  object_class->set_property = limber_session_bar_set_property;

  widget_class->measure = limber_session_bar_measure;
  widget_class->size_allocate = limber_session_bar_size_allocate;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, LIMBER_TYPE_SESSION,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/limber-session-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberSessionBar, box);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionBar, previous_step_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionBar, next_step_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionBar, skip_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionBar, stop_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionBar, pause_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionBar, pause_content);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionBar, ready_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionBar, mute_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionBar, volume_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionBar, volume);

  gtk_widget_class_set_css_name (widget_class, "limber-session-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
limber_session_bar_init (LimberSessionBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Session Controls"), -1);
}

static void
set_button (GtkWidget  *button,
            const char *action,
            const char *tooltip)
{
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

/**
 * limber_session_bar_set_kiosk:
 *
 * The kiosk's controls: the previous and next exercise, which pause the
 * slideshow for the person, and Pause; no stop, no volume (the clinic's).
 */
void
limber_session_bar_set_kiosk (LimberSessionBar *self,
                              gboolean          kiosk)
{
  g_return_if_fail (LIMBER_IS_SESSION_BAR (self));

  self->kiosk = !!kiosk;
  self->kiosk_height = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  if (kiosk)
    {
      set_button (self->previous_step_button, "kiosk.previous", _("Previous Exercise"));
      set_button (self->next_step_button, "kiosk.next", _("Next Exercise"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->pause_button), "kiosk.toggle-playing");
      gtk_widget_set_tooltip_text (self->pause_button, _("Pause or Resume the Slideshow (Space)"));
    }
  else
    {
      set_button (self->previous_step_button, "session.previous-step", _("Previous Step"));
      set_button (self->next_step_button, "session.next-step", _("Next Step"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->pause_button), "session.toggle");
      gtk_widget_set_tooltip_text (self->pause_button, _("Pause or Resume (Space)"));
    }

  gtk_widget_set_visible (self->skip_button, !kiosk);
  gtk_widget_set_visible (self->stop_button, !kiosk);
#ifdef HAVE_NARRATION
  gtk_widget_set_visible (self->mute_button, !kiosk);
  gtk_widget_set_visible (self->volume_button, !kiosk);
#endif
}

/**
 * limber_session_bar_set_wide:
 *
 * One row when wide; narrow, the moves above the session's own controls,
 * so that the bar fits a phone's width.
 */
void
limber_session_bar_set_wide (LimberSessionBar *self,
                             gboolean          wide)
{
  g_return_if_fail (LIMBER_IS_SESSION_BAR (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->box), wide ? GTK_ORIENTATION_HORIZONTAL
                                                                   : GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
limber_session_bar_get_pause_button (LimberSessionBar *self)
{
  return self->pause_button;
}

GtkWidget *
limber_session_bar_new (LimberSession *session,
                        GSettings     *settings)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (LIMBER_TYPE_SESSION_BAR, "session", session, "settings", settings, NULL);
}
