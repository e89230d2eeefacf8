/* limber-session-view.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a session shows: where it is (exercise n of m, step k), the exercise
 * and its picture, the step being done, and the big dial with the seconds
 * left or the repetition; at the end, the summary and the follow-up care.
 * Read from across the room, so few words and big ones.
 */

#define G_LOG_DOMAIN "limber-session-view"

#include "limber-config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "limber-compat.h"
#include "limber-countdown-dial.h"
#include "limber-illustration.h"
#include "limber-session-view-private.h"

struct _LimberSessionView
{
  GtkWidget            parent_instance;

  LimberSession       *session;
  LimberPlan          *plan;
  LimberExercise      *shown_exercise;

  gboolean             wide;
  /* The type sizes last set, in pixels, so that they change only with the size. */
  int                  font_sizes[5];

  GtkStack            *stack;
  GtkBox              *body;
  GtkWidget           *coach_column;
  GtkWidget           *steps_box;
  GtkLabel            *progress_label;
  GtkLabel            *title_label;
  LimberIllustration  *illustration;
  GtkLabel            *step_label;
  LimberCountdownDial *dial;
  GtkLabel            *caption_label;
  GtkLabel            *summary_label;
  GtkListBox          *outcome_list;
  LimberPainRating    *pain_rating;
  GtkLabel            *rating_result;
  GtkWidget           *done_button;
  GtkLabel            *follow_up_label;
};

G_DEFINE_FINAL_TYPE (LimberSessionView, limber_session_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LimberCue *
cue (LimberSessionView *self)
{
  return limber_session_get_cue (self->session);
}

/* Every step of the exercise, for the wide view; numbered like the slide. */
static void
fill_steps (LimberSessionView *self,
            LimberExercise    *exercise)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->steps_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->steps_box), child);

  for (guint i = 0; exercise != NULL && i < limber_exercise_get_n_steps (exercise); i++)
    {
      g_autofree char *text = limber_plan_dup_step_text (self->plan, exercise, i);
      /* Translators: a step in the session's list: "2. Lower your chin…" */
      g_autofree char *numbered = g_strdup_printf (_("%u. %s"), i + 1, text);
      GtkWidget *label = gtk_label_new (numbered);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "limber-session-other-step");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, numbered, -1);
      gtk_box_append (GTK_BOX (self->steps_box), label);
    }
}

static void
mark_step (LimberSessionView *self,
           int                step)
{
  int number = 1;

  for (GtkWidget *label = gtk_widget_get_first_child (self->steps_box); label != NULL;
       label = gtk_widget_get_next_sibling (label), number++)
    {
      if (number == step)
        {
          gtk_widget_add_css_class (label, "limber-session-current-step");
          gtk_widget_remove_css_class (label, "limber-session-other-step");
        }
      else
        {
          gtk_widget_remove_css_class (label, "limber-session-current-step");
          gtk_widget_add_css_class (label, "limber-session-other-step");
        }
    }
}

static void
show_exercise (LimberSessionView *self,
               LimberExercise    *exercise)
{
  g_autoptr(GError) error = NULL;

  if (exercise == self->shown_exercise)
    return;

  g_set_object (&self->shown_exercise, exercise);
  fill_steps (self, exercise);
  self->font_sizes[4] = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  if (exercise == NULL)
    return;

  gtk_label_set_label (self->title_label, limber_exercise_get_title (exercise));
  limber_illustration_set_alternative_text (self->illustration, limber_exercise_get_alt_text (exercise));
  gtk_widget_set_visible (GTK_WIDGET (self->illustration),
                          limber_illustration_load_resource (self->illustration,
                                                             limber_exercise_get_illustration (exercise), &error));
  if (error != NULL)
    g_debug ("No picture for %s: %s", limber_exercise_get_id (exercise), error->message);
}

static char *
dup_progress (LimberSessionView *self,
              const LimberCue   *current)
{
  LimberSessionScript *script = limber_session_get_script (self->session);
  guint n = limber_session_script_get_n_exercises (script);
  g_autofree char *exercise = NULL;
  g_autofree char *step = NULL;

  if (current->exercise == NULL)
    return g_strdup ("");

  /* Translators: where a session is: "Exercise 2 of 6" */
  exercise = g_strdup_printf (_("Exercise %u of %u"), current->exercise_index + 1, n);
  if (current->step < 1)
    return g_steal_pointer (&exercise);

  /* Translators: where a session is within an exercise: "Step 4 of 6" */
  step = g_strdup_printf (_("Step %d of %u"), current->step, limber_exercise_get_n_steps (current->exercise));
  /* Translators: joins the exercise and the step, as in "Exercise 2 of 6 · Step 4 of 6" */
  return g_strdup_printf (C_("session progress", "%s · %s"), exercise, step);
}

static char *
dup_step_text (LimberSessionView *self,
               const LimberCue   *current)
{
  if (current->kind == LIMBER_CUE_STEP && current->text != NULL)
    return g_strdup (current->text);

  if (current->exercise == NULL)
    return g_strdup ("");

  /* A rest, the announcement, a dwell: what the exercise is for. */
  if (current->step < 1)
    return g_strdup (limber_exercise_get_summary (current->exercise));

  return limber_plan_dup_step_text (self->plan, current->exercise, (guint) current->step - 1);
}

static char *
dup_caption (LimberSessionView *self,
             const LimberCue   *current)
{
  LimberCountdown *countdown = limber_session_get_countdown (self->session);
  guint left = limber_countdown_get_seconds_left (countdown);
  g_autofree char *repetition = NULL;

  if (limber_session_get_waiting (self->session))
    return g_strdup (_("Press Space or Ready when you are in position."));

  if (current->repetitions > 0)
    /* Translators: the repetition being done, as in "Repetition 2 of 4" */
    repetition = g_strdup_printf (_("Repetition %u of %u"), current->repetition, current->repetitions);

  switch (current->kind)
    {
    case LIMBER_CUE_HOLD:
      if (repetition != NULL)
        /* Translators: under the seconds left in a hold: "Hold · Repetition 2 of 3" */
        return g_strdup_printf (C_("session progress", "%s · %s"), C_("session", "Hold"), repetition);
      return g_strdup (C_("session", "Hold"));

    case LIMBER_CUE_REST:
      if (current->next_exercise != NULL)
        /* Translators: under the seconds left in a rest between exercises */
        return g_strdup_printf (_("Rest · Next: %s"), limber_exercise_get_title (current->next_exercise));
      return g_strdup (C_("session", "Rest"));

    case LIMBER_CUE_COUNT:
    case LIMBER_CUE_REPETITION:
      return g_steal_pointer (&repetition);

    case LIMBER_CUE_RELAX:
      return g_strdup (C_("session", "Relax"));

    case LIMBER_CUE_DWELL:
      /* Translators: the kiosk's countdown before it shows the next exercise */
      return g_strdup_printf (ngettext ("Next exercise in %u second", "Next exercise in %u seconds", left), left);

    case LIMBER_CUE_ANNOUNCE:
      /* Translators: under the exercise number as an exercise begins */
      return g_strdup (_("Get ready"));

    case LIMBER_CUE_STEP:
    case LIMBER_CUE_FINISH:
    default:
      return g_strdup ("");
    }
}

static char *
dup_number (LimberSessionView *self,
            const LimberCue   *current)
{
  LimberCountdown *countdown = limber_session_get_countdown (self->session);

  switch (current->kind)
    {
    case LIMBER_CUE_HOLD:
    case LIMBER_CUE_REST:
    case LIMBER_CUE_DWELL:
      return g_strdup_printf ("%u", limber_countdown_get_seconds_left (countdown));
    case LIMBER_CUE_COUNT:
    case LIMBER_CUE_REPETITION:
      return g_strdup_printf ("%u", current->repetition);
    case LIMBER_CUE_ANNOUNCE:
      return g_strdup_printf ("%u", current->exercise_index + 1);
    case LIMBER_CUE_STEP:
    case LIMBER_CUE_RELAX:
      return g_strdup_printf ("%d", current->step);
    case LIMBER_CUE_FINISH:
    default:
      return g_strdup ("");
    }
}

/* The dial's number and caption, also as one name for a screen reader. */
static void
update_dial (LimberSessionView *self)
{
  const LimberCue *current = cue (self);
  g_autofree char *number = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *accessible = NULL;

  if (current == NULL)
    return;

  number = dup_number (self, current);
  caption = dup_caption (self, current);
  limber_countdown_dial_set_number (self->dial, number);
  /* The ring is for time that runs out: a hold, a rest, a movement's pace. */
  limber_countdown_dial_set_ring_visible (self->dial, current->kind == LIMBER_CUE_HOLD || current->kind == LIMBER_CUE_REST ||
                                                      current->kind == LIMBER_CUE_DWELL || current->kind == LIMBER_CUE_COUNT);
  gtk_label_set_label (self->caption_label, caption);
  gtk_widget_set_visible (GTK_WIDGET (self->caption_label), *caption != '\0');

  if (current->kind == LIMBER_CUE_HOLD || current->kind == LIMBER_CUE_REST || current->kind == LIMBER_CUE_DWELL)
    {
      guint left = limber_countdown_get_seconds_left (limber_session_get_countdown (self->session));

      /* Translators: the big countdown, for a screen reader: "Hold: 12 seconds left" */
      accessible = g_strdup_printf (ngettext ("%s: %u second left", "%s: %u seconds left", left), caption, left);
    }
  else
    accessible = g_strdup (caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->dial), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
update_cue (LimberSessionView *self)
{
  const LimberCue *current = cue (self);
  g_autofree char *progress = NULL;
  g_autofree char *step = NULL;

  if (current == NULL || current->kind == LIMBER_CUE_FINISH)
    return;

  show_exercise (self, current->exercise);
  progress = dup_progress (self, current);
  step = dup_step_text (self, current);
  gtk_label_set_label (self->progress_label, progress);
  gtk_label_set_label (self->step_label, step);
  mark_step (self, current->step);
  update_dial (self);
}

/* What a screen reader is told: the cues a person needs, never every second.
 * GTK 4.8 cannot announce, so there the focused view's name says it. */
static void
announce (LimberSessionView *self,
          const char        *name,
          const char        *text)
{
  g_autofree char *label = NULL;

  if (text == NULL || *text == '\0' || g_str_equal (name, "count-down") || g_str_equal (name, "count"))
    return;

  if (limber_compat_announce (GTK_WIDGET (self), text))
    return;

  /* Translators: the session view's name for a screen reader, with what it just said */
  label = g_strdup_printf (_("Session: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
on_cue (LimberSessionView *self,
        const char        *name,
        const char        *text)
{
  announce (self, name, text);
  limber_countdown_dial_flash (self->dial);
  /* A count-down or a reminder is shown as it is said. */
  if (g_str_equal (name, "remaining") || g_str_equal (name, "relax"))
    gtk_label_set_label (self->caption_label, text);
}

static void
fill_outcomes (LimberSessionView *self)
{
  LimberSessionScript *script = limber_session_get_script (self->session);
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->outcome_list))) != NULL)
    gtk_list_box_remove (self->outcome_list, row);

  for (guint i = 0; i < limber_session_script_get_n_exercises (script); i++)
    {
      LimberExercise *exercise = limber_session_script_get_exercise (script, i);
      LimberExerciseOutcome outcome = limber_session_get_outcome (self->session, i, NULL, NULL);

      row = adw_action_row_new ();
      /* Catalog text is never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), limber_exercise_get_title (exercise));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   outcome == LIMBER_EXERCISE_OUTCOME_DONE ? C_("exercise outcome", "Done")
                                   : outcome == LIMBER_EXERCISE_OUTCOME_SKIPPED ? C_("exercise outcome", "Skipped")
                                   : C_("exercise outcome", "Not reached"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (outcome == LIMBER_EXERCISE_OUTCOME_DONE
                                                               ? "emblem-ok-symbolic"
                                                               : "media-skip-forward-symbolic"));
      gtk_list_box_append (self->outcome_list, row);
    }
}

static void
update_follow_up (LimberSessionView *self)
{
  const char * const *advice = limber_catalog_get_follow_up_care (limber_plan_get_catalog (self->plan));
  g_autofree char *text = g_strjoinv ("\n\n", (GStrv) advice);

  gtk_label_set_label (self->follow_up_label, text);
}

/**
 * limber_session_view_set_wide:
 *
 * Wide: the picture beside the coaching, and every step listed; narrow:
 * one above the other, the current step alone.
 */
void
limber_session_view_set_wide (LimberSessionView *self,
                              gboolean           wide)
{
  g_return_if_fail (LIMBER_IS_SESSION_VIEW (self));

  wide = !!wide;
  if (self->wide == wide)
    return;

  self->wide = wide;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->body), wide ? GTK_ORIENTATION_HORIZONTAL
                                                                    : GTK_ORIENTATION_VERTICAL);
  gtk_box_set_homogeneous (self->body, wide);
  gtk_box_set_spacing (self->body, wide ? 36 : 12);
  gtk_widget_set_visible (self->steps_box, wide);
  memset (self->font_sizes, 0, sizeof self->font_sizes);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
limber_session_view_get_wide (LimberSessionView *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_VIEW (self), FALSE);

  return self->wide;
}

/* The user's large-text setting, which absolute sizes would otherwise ignore. */
static double
text_scale (LimberSessionView *self)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);

  return dpi > 0 ? dpi / (96.0 * 1024) : 1.0;
}

static void
set_font_size (LimberSessionView *self,
               guint              slot,
               GtkWidget         *widget,
               int                size,
               gboolean           bold)
{
  if (self->font_sizes[slot] == size)
    return;

  self->font_sizes[slot] = size;
  if (GTK_IS_LABEL (widget))
    {
      PangoAttrList *attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_size_new_absolute (size * PANGO_SCALE));
      if (bold)
        pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (GTK_LABEL (widget), attributes);
      pango_attr_list_unref (attributes);
    }
  else
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        PangoAttrList *attributes = pango_attr_list_new ();

        pango_attr_list_insert (attributes, pango_attr_size_new_absolute (size * PANGO_SCALE));
        gtk_label_set_attributes (GTK_LABEL (child), attributes);
        pango_attr_list_unref (attributes);
      }
}

/* The words grow with the screen, read from across a waiting room on a
 * television: about 4 % of the height for the step at 1080 lines. */
static void
limber_session_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  LimberSessionView *self = LIMBER_SESSION_VIEW (widget);
  double scale = text_scale (self);

  set_font_size (self, 0, GTK_WIDGET (self->progress_label), (int) (MAX (13, 0.024 * height) * scale), TRUE);
  set_font_size (self, 1, GTK_WIDGET (self->title_label), (int) (MAX (22, 0.042 * height) * scale), TRUE);
  set_font_size (self, 2, GTK_WIDGET (self->step_label),
                 (int) (MAX (18, (self->wide ? 0.038 : 0.03) * height) * scale), TRUE);
  set_font_size (self, 3, GTK_WIDGET (self->caption_label), (int) (MAX (16, 0.03 * height) * scale), FALSE);
  set_font_size (self, 4, self->steps_box, (int) (MAX (13, 0.022 * height) * scale), FALSE);

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);
}

/* No layout manager: with one, GTK would not call size_allocate above. */
static void
limber_session_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  LimberSessionView *self = LIMBER_SESSION_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

/**
 * limber_session_view_show_summary:
 *
 * The end of a routine: what was done, in how long, and the follow-up care.
 */
void
limber_session_view_show_summary (LimberSessionView *self)
{
  g_return_if_fail (LIMBER_IS_SESSION_VIEW (self));

  gtk_label_set_label (self->summary_label, limber_session_get_summary (self->session));
  fill_outcomes (self);
  update_follow_up (self);
  /* Each summary asks afresh. */
  limber_pain_rating_set_value (self->pain_rating, LIMBER_PAIN_RATING_UNSET);
  g_object_set (self->pain_rating, "note", "", NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->pain_rating), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->rating_result), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

/**
 * limber_session_view_show_coach:
 *
 * Back to the coaching page, for a session that starts.
 */
void
limber_session_view_show_coach (LimberSessionView *self)
{
  g_return_if_fail (LIMBER_IS_SESSION_VIEW (self));

  gtk_stack_set_visible_child_name (self->stack, "coach");
  update_cue (self);
}

static void
on_summary (LimberSessionView *self)
{
  if (limber_session_get_summary (self->session) != NULL)
    limber_session_view_show_summary (self);
}

static void
limber_session_view_constructed (GObject *object)
{
  LimberSessionView *self = (LimberSessionView *)object;

  G_OBJECT_CLASS (limber_session_view_parent_class)->constructed (object);

  limber_countdown_dial_set_countdown (self->dial, limber_session_get_countdown (self->session));
  g_signal_connect_object (self->session, "notify::cue-index", G_CALLBACK (update_cue), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::waiting", G_CALLBACK (update_dial), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::summary", G_CALLBACK (on_summary), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "cue", G_CALLBACK (on_cue), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (limber_session_get_countdown (self->session), "notify::seconds-left",
                           G_CALLBACK (update_dial), self, G_CONNECT_SWAPPED);
  update_cue (self);
}

static void
limber_session_view_dispose (GObject *object)
{
  LimberSessionView *self = (LimberSessionView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_SESSION_VIEW);
  g_clear_object (&self->shown_exercise);
  g_clear_object (&self->session);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (limber_session_view_parent_class)->dispose (object);
}

static void
limber_session_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LimberSessionView *self = LIMBER_SESSION_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_session_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LimberSessionView *self = LIMBER_SESSION_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_session_view_class_init (LimberSessionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = limber_session_view_constructed;
  object_class->dispose = limber_session_view_dispose;
  object_class->get_property = limber_session_view_get_property;
  object_class->set_property = limber_session_view_set_property;

  widget_class->size_allocate = limber_session_view_size_allocate;
  widget_class->measure = limber_session_view_measure;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, LIMBER_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, LIMBER_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIMBER_TYPE_COUNTDOWN_DIAL);
  g_type_ensure (LIMBER_TYPE_ILLUSTRATION);
  g_type_ensure (LIMBER_TYPE_PAIN_RATING);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/limber-session-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, stack);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, body);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, coach_column);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, steps_box);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, illustration);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, step_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, dial);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, caption_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, outcome_list);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, pain_rating);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, rating_result);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, done_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSessionView, follow_up_label);

  gtk_widget_class_set_css_name (widget_class, "limber-session-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
limber_session_view_init (LimberSessionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-xft-dpi",
                           G_CALLBACK (gtk_widget_queue_resize), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Session"), -1);
}

GtkWidget *
limber_session_view_new (LimberSession *session,
                         LimberPlan    *plan)
{
  g_return_val_if_fail (LIMBER_IS_SESSION (session), NULL);
  g_return_val_if_fail (LIMBER_IS_PLAN (plan), NULL);

  return g_object_new (LIMBER_TYPE_SESSION_VIEW, "session", session, "plan", plan, NULL);
}

LimberSession *
limber_session_view_get_session (LimberSessionView *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_VIEW (self), NULL);

  return self->session;
}

/**
 * limber_session_view_get_pain_rating:
 *
 * Returns: (transfer none): the summary's "How did it feel?"
 */
LimberPainRating *
limber_session_view_get_pain_rating (LimberSessionView *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_VIEW (self), NULL);

  return self->pain_rating;
}

/**
 * limber_session_view_show_rating_result:
 * @message: what became of the answer, such as where it was kept
 *
 * Puts @message in the question's place, and moves on to Done.
 */
void
limber_session_view_show_rating_result (LimberSessionView *self,
                                        const char        *message)
{
  g_return_if_fail (LIMBER_IS_SESSION_VIEW (self));
  g_return_if_fail (message != NULL);

  gtk_label_set_text (self->rating_result, message);
  gtk_widget_set_visible (GTK_WIDGET (self->rating_result), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->pain_rating), FALSE);
  gtk_widget_grab_focus (self->done_button);
}

const char *
limber_session_view_get_page (LimberSessionView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
limber_session_view_get_progress_text (LimberSessionView *self)
{
  return gtk_label_get_label (self->progress_label);
}

const char *
limber_session_view_get_step_text (LimberSessionView *self)
{
  return gtk_label_get_label (self->step_label);
}

const char *
limber_session_view_get_caption (LimberSessionView *self)
{
  return gtk_label_get_label (self->caption_label);
}

LimberCountdownDial *
limber_session_view_get_dial (LimberSessionView *self)
{
  return self->dial;
}

const char *
limber_session_view_get_summary_text (LimberSessionView *self)
{
  return gtk_label_get_label (self->summary_label);
}

GtkWidget *
limber_session_view_get_outcome_list (LimberSessionView *self)
{
  return GTK_WIDGET (self->outcome_list);
}

GtkWidget *
limber_session_view_get_done_button (LimberSessionView *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_VIEW (self), NULL);

  return self->done_button;
}

const char *
limber_session_view_get_rating_result (LimberSessionView *self)
{
  g_return_val_if_fail (LIMBER_IS_SESSION_VIEW (self), NULL);

  return gtk_label_get_text (self->rating_result);
}
