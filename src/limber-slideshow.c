/* limber-slideshow.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The kiosk's auto-advance: each slide stays while its narration plays and
 * a short pause after, or for a fixed dwell when there is no narration to
 * follow; after the last slide it starts over. A person who moves through
 * the slides, or pauses, takes over until they have left it alone for a
 * while (WCAG 2.2.2).
 */

#define G_LOG_DOMAIN "limber-slideshow"

#include "limber-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "limber-slideshow-private.h"
#ifdef HAVE_NARRATION
#include "limber-narrator.h"
#endif

#define ANY_PAGE G_MAXUINT

/* How often the progress indicator moves while it counts down. */
#define TICK_MS 100

typedef enum {
  PHASE_NONE,
  PHASE_NARRATION,  /* the slide's narration is playing */
  PHASE_WAIT,       /* a countdown: the dwell, or the pause after narration */
} Phase;

struct _LimberSlideshow
{
  GObject      parent_instance;

  GtkWidget   *window;
  AdwCarousel *carousel;
  GSettings   *settings;
  GObject     *narrator;

  gboolean     active;
  gboolean     playing;
  Phase        phase;
  gboolean     dwelling;
  /* The slide being timed, and the one an advance of ours is heading to:
   * any other page change was a person's. ANY_PAGE after the plan changed
   * the slides, when the carousel settles on a page of its own choosing. */
  guint        slide_index;
  guint        expected_index;

  gint64       wait_length;
  gint64       wait_deadline;
  gint64       wait_left;
  guint        tick_id;
  guint        idle_id;
  guint        fallback_id;

  double       fraction;
  char        *status;
  double       time_scale;
  guint        n_advances;
};

G_DEFINE_FINAL_TYPE (LimberSlideshow, limber_slideshow, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAYING,
  PROP_FRACTION,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IDLE_RESET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_slide (LimberSlideshow *self);

static guint
n_pages (LimberSlideshow *self)
{
  return self->carousel != NULL ? adw_carousel_get_n_pages (self->carousel) : 0;
}

static guint
current_index (LimberSlideshow *self)
{
  if (n_pages (self) == 0)
    return 0;

  return MIN ((guint) round (adw_carousel_get_position (self->carousel)), n_pages (self) - 1);
}

static gint64
scaled_us (LimberSlideshow *self,
           guint            seconds)
{
  return MAX (1000, (gint64) (seconds * G_USEC_PER_SEC * self->time_scale));
}

static void
set_fraction (LimberSlideshow *self,
              double           fraction)
{
  fraction = CLAMP (fraction, 0.0, 1.0);
  if (G_APPROX_VALUE (self->fraction, fraction, 1e-4))
    return;

  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static void
set_status (LimberSlideshow *self,
            const char      *status)
{
  if (g_strcmp0 (self->status, status) == 0)
    return;

  g_free (self->status);
  self->status = g_strdup (status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_playing (LimberSlideshow *self,
             gboolean         playing)
{
  if (self->playing == playing)
    return;

  self->playing = playing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

static gboolean
next_is_first (LimberSlideshow *self)
{
  return current_index (self) + 1 >= n_pages (self);
}

/* Moves on by itself: to the next slide, or from the last to the first. */
static void
advance (LimberSlideshow *self)
{
  guint n = n_pages (self);
  guint next;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  self->phase = PHASE_NONE;
  if (n == 0)
    return;

  self->n_advances++;
  next = (current_index (self) + 1) % n;
  self->expected_index = next;
  g_debug ("Advancing from slide %u to slide %u", current_index (self) + 1, next + 1);

  if (next == current_index (self))
    start_slide (self);
  else
    gtk_widget_activate_action (self->window, next == 0 ? "slide.first" : "slide.next", NULL);
}

static void
update_countdown (LimberSlideshow *self,
                  gint64           left)
{
  guint seconds = (guint) ceil ((double) left / (G_USEC_PER_SEC * self->time_scale));
  g_autofree char *status = NULL;

  set_fraction (self, 1.0 - (double) left / (double) self->wait_length);
  if (next_is_first (self))
    /* Translators: the kiosk's countdown on the last exercise, before it starts over */
    status = g_strdup_printf (ngettext ("First exercise again in %u second", "First exercise again in %u seconds",
                                        seconds), seconds);
  else
    /* Translators: the kiosk's countdown before it shows the next exercise */
    status = g_strdup_printf (ngettext ("Next exercise in %u second", "Next exercise in %u seconds", seconds),
                              seconds);
  set_status (self, status);
}

static gboolean
on_tick (gpointer user_data)
{
  LimberSlideshow *self = user_data;
  gint64 left = self->wait_deadline - g_get_monotonic_time ();

  if (left <= 0)
    {
      self->tick_id = 0;
      advance (self);
      return G_SOURCE_REMOVE;
    }

  update_countdown (self, left);
  return G_SOURCE_CONTINUE;
}

static void
arm_tick (LimberSlideshow *self,
          gint64           left)
{
  guint interval = (guint) CLAMP (left / 1000 / 20, 1, TICK_MS);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  self->wait_deadline = g_get_monotonic_time () + left;
  self->tick_id = g_timeout_add (interval, on_tick, self);
  update_countdown (self, left);
}

static void
start_wait (LimberSlideshow *self,
            guint            seconds)
{
  self->phase = PHASE_WAIT;
  self->wait_length = scaled_us (self, seconds);
  /* Paused, the countdown waits to be resumed. */
  if (self->playing)
    arm_tick (self, self->wait_length);
  else
    self->wait_left = self->wait_length;
}

static void
start_dwell (LimberSlideshow *self)
{
  self->dwelling = TRUE;
  start_wait (self, g_settings_get_uint (self->settings, "kiosk-dwell-seconds"));
}

#ifdef HAVE_NARRATION
static void
update_narration_progress (LimberSlideshow *self)
{
  LimberNarrator *narrator = LIMBER_NARRATOR (self->narrator);
  LimberExercise *exercise = limber_narrator_get_exercise (narrator);
  int step = limber_narrator_get_current_step (narrator);

  if (exercise == NULL || step < 0)
    return;

  /* Narration has no fixed length (a hold can be paused), so the bar counts
   * the steps spoken, the introduction being the first. */
  set_fraction (self, (double) step / (limber_exercise_get_n_steps (exercise) + 1));
  set_status (self, _("Next exercise after the narration"));
}

static gboolean
fall_back_now (gpointer user_data)
{
  LimberSlideshow *self = user_data;

  self->fallback_id = 0;
  if (self->phase != PHASE_NARRATION)
    return G_SOURCE_REMOVE;

  g_debug ("Narration failed on slide %u: %s", self->slide_index + 1,
           limber_narrator_get_problem (LIMBER_NARRATOR (self->narrator)));
  self->phase = PHASE_NONE;
  limber_narrator_stop (LIMBER_NARRATOR (self->narrator));
  start_dwell (self);

  return G_SOURCE_REMOVE;
}

/* A slide whose narration cannot be heard is timed by the dwell instead;
 * from the main loop, because the narrator is mid-change when it tells. */
static void
fall_back_to_dwell (LimberSlideshow *self)
{
  if (self->fallback_id == 0)
    self->fallback_id = g_idle_add (fall_back_now, self);
}

static void
on_narrator_step (LimberSlideshow *self)
{
  if (self->phase != PHASE_NARRATION)
    return;

  if (limber_narrator_get_problem (LIMBER_NARRATOR (self->narrator)) != NULL)
    fall_back_to_dwell (self);
  else
    update_narration_progress (self);
}

static void
on_narrator_problem (LimberSlideshow *self)
{
  if (self->phase == PHASE_NARRATION && limber_narrator_get_problem (LIMBER_NARRATOR (self->narrator)) != NULL)
    fall_back_to_dwell (self);
}

static void
on_narrator_finished (LimberSlideshow *self)
{
  if (self->phase != PHASE_NARRATION || !self->playing)
    return;

  set_fraction (self, 1.0);
  start_wait (self, g_settings_get_uint (self->settings, "kiosk-pause-seconds"));
}

static gboolean
start_narration (LimberSlideshow *self)
{
  LimberNarrator *narrator = LIMBER_NARRATOR (self->narrator);

  if (limber_narrator_get_exercise (narrator) == NULL)
    return FALSE;

  self->phase = PHASE_NARRATION;
  set_fraction (self, 0.0);
  if (limber_narrator_get_state (narrator) != LIMBER_NARRATOR_STATE_PLAYING)
    {
      limber_narrator_stop (narrator);
      limber_narrator_play (narrator);
    }
  if (self->phase == PHASE_NARRATION)
    update_narration_progress (self);

  return TRUE;
}
#endif

/* Times the current slide from its start. */
static void
start_slide (LimberSlideshow *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
  self->phase = PHASE_NONE;
  self->dwelling = FALSE;
  self->slide_index = self->expected_index = current_index (self);

  if (n_pages (self) == 0)
    {
      set_fraction (self, 0.0);
      set_status (self, NULL);
      return;
    }

#ifdef HAVE_NARRATION
  if (self->narrator != NULL && start_narration (self))
    return;
#endif

  start_dwell (self);
}

static void
stop_narration (LimberSlideshow *self)
{
#ifdef HAVE_NARRATION
  if (self->narrator != NULL && self->phase == PHASE_NARRATION)
    limber_narrator_stop (LIMBER_NARRATOR (self->narrator));
#endif
}

static gboolean
on_idle_timeout (gpointer user_data)
{
  LimberSlideshow *self = user_data;

  self->idle_id = 0;
  g_debug ("Nobody has used the kiosk for a while: back to the first slide");
  g_signal_emit (self, signals[IDLE_RESET], 0);

  stop_narration (self);
  self->phase = PHASE_NONE;
  set_playing (self, TRUE);
  self->expected_index = 0;
  if (current_index (self) == 0)
    start_slide (self);
  else
    gtk_widget_activate_action (self->window, "slide.first", NULL);

  return G_SOURCE_REMOVE;
}

static void
arm_idle_reset (LimberSlideshow *self)
{
  gint64 delay = scaled_us (self, g_settings_get_uint (self->settings, "kiosk-idle-reset-seconds"));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->idle_id = g_timeout_add ((guint) MAX (1, delay / 1000), on_idle_timeout, self);
}

static void
on_page_changed (LimberSlideshow *self,
                 guint            index)
{
  if (!self->active)
    return;

  if (index != self->expected_index && self->expected_index != ANY_PAGE)
    {
      /* A person moved: the slideshow waits for them. */
      limber_slideshow_pause (self);
      limber_slideshow_note_activity (self);
      return;
    }

  if (self->playing)
    start_slide (self);
}

/* The plan changed the slides: the page the carousel settles on next is
 * not a person's doing, and is timed from its start. */
static void
on_pages_changed (LimberSlideshow *self)
{
  if (!self->active)
    return;

  self->expected_index = ANY_PAGE;
}

static void
limber_slideshow_dispose (GObject *object)
{
  LimberSlideshow *self = (LimberSlideshow *)object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->fallback_id, g_source_remove);
  if (self->narrator != NULL)
    g_signal_handlers_disconnect_by_data (self->narrator, self);
  g_clear_object (&self->narrator);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->carousel);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (limber_slideshow_parent_class)->dispose (object);
}

static void
limber_slideshow_finalize (GObject *object)
{
  LimberSlideshow *self = (LimberSlideshow *)object;

  g_clear_pointer (&self->status, g_free);

  G_OBJECT_CLASS (limber_slideshow_parent_class)->finalize (object);
}

static void
limber_slideshow_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LimberSlideshow *self = LIMBER_SLIDESHOW (object);

  switch (prop_id)
    {
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_slideshow_class_init (LimberSlideshowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = limber_slideshow_dispose;
  object_class->finalize = limber_slideshow_finalize;
  object_class->get_property = limber_slideshow_get_property;

  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Nobody used the kiosk for kiosk-idle-reset-seconds: it starts over. */
  signals[IDLE_RESET] =
    g_signal_new ("idle-reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
limber_slideshow_init (LimberSlideshow *self)
{
  self->time_scale = 1.0;
}

/**
 * limber_slideshow_new:
 * @window: where the "slide.next" and "slide.first" actions are
 */
LimberSlideshow *
limber_slideshow_new (GtkWidget   *window,
                      AdwCarousel *carousel,
                      GSettings   *settings)
{
  LimberSlideshow *self;

  g_return_val_if_fail (GTK_IS_WIDGET (window), NULL);
  g_return_val_if_fail (ADW_IS_CAROUSEL (carousel), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LIMBER_TYPE_SLIDESHOW, NULL);
  g_set_weak_pointer (&self->window, window);
  g_set_weak_pointer (&self->carousel, carousel);
  self->settings = g_object_ref (settings);

  g_signal_connect_object (carousel, "page-changed", G_CALLBACK (on_page_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (carousel, "notify::n-pages", G_CALLBACK (on_pages_changed), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * limber_slideshow_set_narrator:
 * @narrator: (nullable): a LimberNarrator to follow, or %NULL to time every
 *   slide by the dwell
 */
void
limber_slideshow_set_narrator (LimberSlideshow *self,
                               GObject         *narrator)
{
  g_return_if_fail (LIMBER_IS_SLIDESHOW (self));

  if (self->narrator != NULL)
    g_signal_handlers_disconnect_by_data (self->narrator, self);
  g_set_object (&self->narrator, narrator);

#ifdef HAVE_NARRATION
  if (narrator != NULL)
    {
      g_return_if_fail (LIMBER_IS_NARRATOR (narrator));
      g_signal_connect_swapped (narrator, "notify::current-step", G_CALLBACK (on_narrator_step), self);
      g_signal_connect_swapped (narrator, "notify::problem", G_CALLBACK (on_narrator_problem), self);
      g_signal_connect_swapped (narrator, "finished", G_CALLBACK (on_narrator_finished), self);
    }
#endif
}

void
limber_slideshow_start (LimberSlideshow *self)
{
  g_return_if_fail (LIMBER_IS_SLIDESHOW (self));

  if (self->active)
    return;

  self->active = TRUE;
  set_playing (self, TRUE);
  start_slide (self);
}

void
limber_slideshow_stop (LimberSlideshow *self)
{
  g_return_if_fail (LIMBER_IS_SLIDESHOW (self));

  if (!self->active)
    return;

  stop_narration (self);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  self->phase = PHASE_NONE;
  self->active = FALSE;
  set_playing (self, FALSE);
  set_fraction (self, 0.0);
  set_status (self, NULL);
}

gboolean
limber_slideshow_get_playing (LimberSlideshow *self)
{
  g_return_val_if_fail (LIMBER_IS_SLIDESHOW (self), FALSE);

  return self->playing;
}

/**
 * limber_slideshow_pause:
 *
 * Holds the current slide, its countdown or narration kept where it was,
 * until limber_slideshow_resume() or nobody has used the kiosk for
 * kiosk-idle-reset-seconds.
 */
void
limber_slideshow_pause (LimberSlideshow *self)
{
  g_return_if_fail (LIMBER_IS_SLIDESHOW (self));

  if (!self->active || !self->playing)
    return;

  set_playing (self, FALSE);
  if (self->phase == PHASE_WAIT)
    {
      self->wait_left = MAX (0, self->wait_deadline - g_get_monotonic_time ());
      g_clear_handle_id (&self->tick_id, g_source_remove);
    }
#ifdef HAVE_NARRATION
  else if (self->phase == PHASE_NARRATION)
    limber_narrator_pause (LIMBER_NARRATOR (self->narrator));
#endif

  /* Translators: the kiosk's status when someone has paused the slideshow */
  set_status (self, _("Paused"));
  arm_idle_reset (self);
}

void
limber_slideshow_resume (LimberSlideshow *self)
{
  g_return_if_fail (LIMBER_IS_SLIDESHOW (self));

  if (!self->active || self->playing)
    return;

  g_clear_handle_id (&self->idle_id, g_source_remove);
  set_playing (self, TRUE);

  /* Somewhere else than where it paused: that slide from its start. */
  if (current_index (self) != self->slide_index || self->phase == PHASE_NONE)
    {
      stop_narration (self);
      start_slide (self);
      return;
    }

  if (self->phase == PHASE_WAIT)
    arm_tick (self, MAX (1000, self->wait_left));
#ifdef HAVE_NARRATION
  else if (limber_narrator_get_state (LIMBER_NARRATOR (self->narrator)) == LIMBER_NARRATOR_STATE_PAUSED)
    {
      limber_narrator_resume (LIMBER_NARRATOR (self->narrator));
      update_narration_progress (self);
    }
  else
    start_slide (self);
#endif
}

void
limber_slideshow_toggle (LimberSlideshow *self)
{
  g_return_if_fail (LIMBER_IS_SLIDESHOW (self));

  if (self->playing)
    limber_slideshow_pause (self);
  else
    limber_slideshow_resume (self);
}

/**
 * limber_slideshow_note_activity:
 *
 * Someone is using the kiosk: while it is paused, the idle reset waits
 * kiosk-idle-reset-seconds from now.
 */
void
limber_slideshow_note_activity (LimberSlideshow *self)
{
  g_return_if_fail (LIMBER_IS_SLIDESHOW (self));

  if (self->active && !self->playing)
    arm_idle_reset (self);
}

double
limber_slideshow_get_fraction (LimberSlideshow *self)
{
  g_return_val_if_fail (LIMBER_IS_SLIDESHOW (self), 0.0);

  return self->fraction;
}

const char *
limber_slideshow_get_status (LimberSlideshow *self)
{
  g_return_val_if_fail (LIMBER_IS_SLIDESHOW (self), NULL);

  return self->status;
}

void
limber_slideshow_set_time_scale (LimberSlideshow *self,
                                 double           scale)
{
  g_return_if_fail (scale > 0.0);

  self->time_scale = scale;
  if (self->active && self->playing)
    {
      stop_narration (self);
      start_slide (self);
    }
}

guint
limber_slideshow_get_n_advances (LimberSlideshow *self)
{
  return self->n_advances;
}

gboolean
limber_slideshow_get_dwelling (LimberSlideshow *self)
{
  return self->dwelling;
}
