/* limber-background.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keeps Limber running with no window open, for as long as something wants
 * it (the daily reminder) and the desktop allows it: asks the Background
 * portal (org.freedesktop.portal.Background) for background running and to
 * be started, hidden, at login, and holds the application while allowed.
 *
 * The portal's D-Bus API directly, not libportal: libportal 0.6 (Debian 12)
 * answers one yes or no, which with autostart asked for is autostart's, and
 * a Limber installed on the host, which the portal lets run in the
 * background but cannot start at login, would look refused.
 */

#define G_LOG_DOMAIN "limber-background"

#include "limber-config.h"

#include <glib/gi18n-lib.h>

#include "limber-background.h"

#define PORTAL_NAME       "org.freedesktop.portal.Desktop"
#define PORTAL_PATH       "/org/freedesktop/portal/desktop"
#define REQUEST_INTERFACE "org.freedesktop.portal.Request"
#define REQUEST_PREFIX    "/org/freedesktop/portal/desktop/request/"

/* What the autostart entry runs: GApplication's service mode, which starts
 * Limber with no window (the portal adds `flatpak run` in a Flatpak). */
static const char *autostart_command[] = { "limber", "--gapplication-service", NULL };

struct _LimberBackground
{
  GObject                parent_instance;

  /* Not a reference: the application owns what owns this. */
  GApplication          *application;
  gboolean               wanted;
  LimberBackgroundState  state;
  gboolean               holding;

  /* The request in flight. */
  GCancellable          *cancellable;
  GDBusConnection       *connection;
  guint                  response_id;
  char                  *request_path;
};

G_DEFINE_FINAL_TYPE (LimberBackground, limber_background, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (LimberBackgroundState, limber_background_state,
  G_DEFINE_ENUM_VALUE (LIMBER_BACKGROUND_STATE_NOT_ASKED, "not-asked"),
  G_DEFINE_ENUM_VALUE (LIMBER_BACKGROUND_STATE_ASKING, "asking"),
  G_DEFINE_ENUM_VALUE (LIMBER_BACKGROUND_STATE_ALLOWED, "allowed"),
  G_DEFINE_ENUM_VALUE (LIMBER_BACKGROUND_STATE_NO_AUTOSTART, "no-autostart"),
  G_DEFINE_ENUM_VALUE (LIMBER_BACKGROUND_STATE_REFUSED, "refused"),
  G_DEFINE_ENUM_VALUE (LIMBER_BACKGROUND_STATE_UNAVAILABLE, "unavailable"))

enum {
  PROP_0,
  PROP_WANTED,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_holding (LimberBackground *self,
             gboolean          holding)
{
  if (self->holding == holding)
    return;

  self->holding = holding;
  if (holding)
    g_application_hold (self->application);
  else
    g_application_release (self->application);
}

static void
set_state (LimberBackground      *self,
           LimberBackgroundState  state)
{
  if (self->state == state)
    return;

  g_debug ("Background running: %s", g_enum_get_value (g_type_class_peek (LIMBER_TYPE_BACKGROUND_STATE),
                                                       (int) state)->value_nick);
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
end_request (LimberBackground *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->response_id != 0)
    g_dbus_connection_signal_unsubscribe (self->connection, self->response_id);
  self->response_id = 0;
  g_clear_object (&self->connection);
  g_clear_pointer (&self->request_path, g_free);
}

/* The answer to a request that is still wanted. */
static void
settle (LimberBackground      *self,
        LimberBackgroundState  state)
{
  end_request (self);
  if (!self->wanted)
    return;

  set_state (self, state);
  set_holding (self, state == LIMBER_BACKGROUND_STATE_ALLOWED || state == LIMBER_BACKGROUND_STATE_NO_AUTOSTART);
}

static void
on_response (GDBusConnection *connection,
             const char      *sender_name,
             const char      *object_path,
             const char      *interface_name,
             const char      *signal_name,
             GVariant        *parameters,
             gpointer         user_data)
{
  LimberBackground *self = user_data;
  g_autoptr(GVariant) results = NULL;
  gboolean background = FALSE;
  gboolean autostart = FALSE;
  guint32 response;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "background", "b", &background);
  g_variant_lookup (results, "autostart", "b", &autostart);
  g_debug ("The background portal answered %u: background %d, autostart %d", response, background, autostart);

  if (response != 0 || !background)
    settle (self, LIMBER_BACKGROUND_STATE_REFUSED);
  else
    settle (self, autostart ? LIMBER_BACKGROUND_STATE_ALLOWED : LIMBER_BACKGROUND_STATE_NO_AUTOSTART);
}

static void
subscribe_response (LimberBackground *self,
                    const char       *path)
{
  if (self->response_id != 0)
    g_dbus_connection_signal_unsubscribe (self->connection, self->response_id);

  g_free (self->request_path);
  self->request_path = g_strdup (path);
  self->response_id = g_dbus_connection_signal_subscribe (self->connection, PORTAL_NAME, REQUEST_INTERFACE,
                                                          "Response", path, NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                                          on_response, self, NULL);
}

static void
on_request_sent (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LimberBackground *self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (reply == NULL)
    {
      /* No portal on the bus, or one without the Background interface. */
      g_debug ("No background portal: %s", error->message);
      settle (self, LIMBER_BACKGROUND_STATE_UNAVAILABLE);
      return;
    }

  /* Portals before 0.9 chose the request's path themselves. */
  g_variant_get (reply, "(&o)", &path);
  if (g_strcmp0 (path, self->request_path) != 0)
    subscribe_response (self, path);
}

/* Asks the portal to let Limber run in the background, and to start it at
 * login or to stop doing so. The answer comes as the request's Response. */
static void
request (LimberBackground *self,
         gboolean          autostart)
{
  g_autofree char *token = g_strdup_printf ("limber%u", g_random_int ());
  g_autofree char *sender = NULL;
  g_autofree char *path = NULL;
  GVariantBuilder options;

  end_request (self);
  self->connection = g_application_get_dbus_connection (self->application);
  if (self->connection == NULL)
    {
      settle (self, LIMBER_BACKGROUND_STATE_UNAVAILABLE);
      return;
    }
  g_object_ref (self->connection);

  /* The portal names the request after the caller and the token. */
  sender = g_strdup (g_dbus_connection_get_unique_name (self->connection) + 1);
  g_strdelimit (sender, ".", '_');
  path = g_strconcat (REQUEST_PREFIX, sender, "/", token, NULL);
  subscribe_response (self, path);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Limber runs in the background to remind you of your exercises "
                                                 "every day.")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (autostart_command, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  self->cancellable = g_cancellable_new ();
  g_dbus_connection_call (self->connection, PORTAL_NAME, PORTAL_PATH, "org.freedesktop.portal.Background",
                          "RequestBackground", g_variant_new ("(sa{sv})", "", &options), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable, on_request_sent, self);
}

static void
limber_background_dispose (GObject *object)
{
  LimberBackground *self = (LimberBackground *)object;

  end_request (self);
  if (self->application != NULL)
    set_holding (self, FALSE);

  G_OBJECT_CLASS (limber_background_parent_class)->dispose (object);
}

static void
limber_background_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LimberBackground *self = LIMBER_BACKGROUND (object);

  switch (prop_id)
    {
    case PROP_WANTED:
      g_value_set_boolean (value, self->wanted);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_background_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LimberBackground *self = LIMBER_BACKGROUND (object);

  switch (prop_id)
    {
    case PROP_WANTED:
      limber_background_set_wanted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_background_class_init (LimberBackgroundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_background_dispose;
  object_class->get_property = limber_background_get_property;
  object_class->set_property = limber_background_set_property;

  properties[PROP_WANTED] =
    g_param_spec_boolean ("wanted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, LIMBER_TYPE_BACKGROUND_STATE, LIMBER_BACKGROUND_STATE_NOT_ASKED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_background_init (LimberBackground *self)
{
}

/**
 * limber_background_new:
 * @application: what to keep running; it must outlive the result
 */
LimberBackground *
limber_background_new (GApplication *application)
{
  LimberBackground *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);

  self = g_object_new (LIMBER_TYPE_BACKGROUND, NULL);
  self->application = application;
  return self;
}

gboolean
limber_background_get_wanted (LimberBackground *self)
{
  g_return_val_if_fail (LIMBER_IS_BACKGROUND (self), FALSE);

  return self->wanted;
}

/**
 * limber_background_set_wanted:
 *
 * Asks to run in the background and to start at login, or no longer: then
 * Limber ends with its last window again, and is not started at login.
 */
void
limber_background_set_wanted (LimberBackground *self,
                              gboolean          wanted)
{
  g_return_if_fail (LIMBER_IS_BACKGROUND (self));

  wanted = !!wanted;
  if (self->wanted == wanted)
    return;

  self->wanted = wanted;
  if (wanted)
    {
      /* Held while asking, so that Limber started at login is still
       * there to hear the answer. */
      set_holding (self, TRUE);
      set_state (self, LIMBER_BACKGROUND_STATE_ASKING);
      request (self, TRUE);
    }
  else
    {
      gboolean asked = self->state != LIMBER_BACKGROUND_STATE_NOT_ASKED &&
                       self->state != LIMBER_BACKGROUND_STATE_UNAVAILABLE;

      set_holding (self, FALSE);
      set_state (self, LIMBER_BACKGROUND_STATE_NOT_ASKED);
      /* The autostart entry goes; the answer changes nothing. */
      if (asked)
        request (self, FALSE);
      else
        end_request (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WANTED]);
}

LimberBackgroundState
limber_background_get_state (LimberBackground *self)
{
  g_return_val_if_fail (LIMBER_IS_BACKGROUND (self), LIMBER_BACKGROUND_STATE_NOT_ASKED);

  return self->state;
}
