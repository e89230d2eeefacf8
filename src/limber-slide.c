/* limber-slide.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "limber-slide"

/* A slide says at once what it is (its place and title, as its name for a
 * screen reader); its picture and its steps, which cost most of its
 * start-up time and memory, are built only when the window brings it near
 * view (limber_slide_build_content()), and until then its column is not
 * shown, so that laying out the carousel skips it. */

#include "limber-config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "limber-compat.h"
#include "limber-illustration.h"
#include "limber-slide-private.h"

struct _LimberSlide
{
  GtkWidget       parent_instance;

  LimberExercise *exercise;
  guint           number;
  guint           total;
  char           *announcement;

  gboolean        wide;
  /* The picture's width last allowed, wide, so that it changes only with the size. */
  int             picture_width;

  GtkWidget      *scroller;
  AdwClamp       *clamp;
  GtkGrid        *layout;
  GtkWidget      *header_box;
  GtkWidget      *details_box;
  GtkLabel       *introduction_label;
  GtkLabel       *position_label;
  GtkLabel       *title_label;
  GtkLabel       *summary_label;
  GtkWidget      *warning_box;
  GtkLabel       *warning_label;
  LimberIllustration *illustration;
  GtkLabel       *dosage_label;
  GtkWidget      *equipment_box;
  GtkLabel       *equipment_label;
  GtkListBox     *steps_list;
  GtkWidget      *listen_button;

  /* What the plan prescribes, 0 for the handout's range. */
  guint           hold_seconds;
  guint           repetitions;

  /* Per step, in order: its row and its text; empty until built. */
  GPtrArray      *step_rows;
  GPtrArray      *step_labels;
  gboolean        content_built;
};

G_DEFINE_FINAL_TYPE (LimberSlide, limber_slide, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EXERCISE,
  PROP_NUMBER,
  PROP_TOTAL,
  PROP_DOSAGE,
  PROP_ANNOUNCEMENT,
  PROP_WIDE,
  PROP_CONTENT_BUILT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_position (LimberSlide *self)
{
  g_autofree char *text = NULL;
  g_autofree char *accessible_label = NULL;

  /* Translators: "Exercise 2 of 6" above each slide's title */
  text = g_strdup_printf (_("Exercise %u of %u"), self->number, self->total);
  gtk_label_set_label (self->position_label, text);

  /* What a screen reader says when the slide takes focus, and, on GTK 4.8,
   * the latest announcement: a screen reader speaks a change of the focused
   * object's name. */
  if (self->exercise != NULL)
    {
      /* Translators: a slide's name for screen readers: "Exercise 2 of 6: Midback stretch" */
      accessible_label = g_strdup_printf (_("%s: %s"), text, limber_exercise_get_title (self->exercise));
      if (self->announcement != NULL)
        {
          g_autofree char *with_announcement = NULL;

          /* Translators: a slide's name followed by what the narrator is doing */
          with_announcement = g_strdup_printf (_("%s. %s"), accessible_label, self->announcement);
          g_free (accessible_label);
          accessible_label = g_steal_pointer (&with_announcement);
        }
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
    }
}

/* Up and Down scroll a focused slide, so a long one can be read to its end
 * without a pointer. */
static gboolean
on_key_pressed (LimberSlide           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double step = gtk_adjustment_get_page_size (adjustment) * 0.25;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + step);
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) - step);
  else
    return GDK_EVENT_PROPAGATE;

  return GDK_EVENT_STOP;
}

/* The number sits in an overlay beside the text, not in a horizontal box:
 * a box would measure every wrapped step at its full unwrapped width, which
 * made start-up a third slower. The text sits in a vertical box, where the
 * narrator's countdown goes below it when there is one. */
static void
set_step_text (GtkWidget  *row,
               GtkWidget  *text_label,
               guint       number,
               const char *text)
{
  g_autofree char *accessible_label = NULL;

  gtk_label_set_label (GTK_LABEL (text_label), text);
  /* Translators: how a screen reader reads a step: "Step 2: Lower your chin…" */
  accessible_label = g_strdup_printf (_("Step %u: %s"), number, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
}

static GtkWidget *
create_step_row (guint        number,
                 GtkWidget  **text_box,
                 GtkWidget  **text_label_out)
{
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  GtkWidget *row;
  GtkWidget *overlay;
  GtkWidget *number_label;
  GtkWidget *text_label;

  text_label = gtk_label_new (NULL);
  *text_label_out = text_label;
  gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text_label), 0);

  *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (*text_box, "limber-step-text");
  gtk_box_append (GTK_BOX (*text_box), text_label);

  number_label = gtk_label_new (number_text);
  gtk_widget_set_halign (number_label, GTK_ALIGN_START);
  gtk_widget_set_valign (number_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (number_label, "limber-step-number");

  overlay = gtk_overlay_new ();
  gtk_widget_set_margin_top (overlay, 12);
  gtk_widget_set_margin_bottom (overlay, 12);
  gtk_widget_set_margin_start (overlay, 12);
  gtk_widget_set_margin_end (overlay, 12);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), *text_box);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), number_label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), overlay);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);

  return row;
}

static void
load_illustration (LimberSlide *self)
{
  const char *path = limber_exercise_get_illustration (self->exercise);
  g_autoptr(GError) error = NULL;

  /* The catalog checked that the picture exists, so only a missing SVG
   * loader gets here: the steps still say everything. */
  if (!limber_illustration_load_resource (self->illustration, path, &error))
    {
      g_debug ("Could not load the illustration %s: %s", path, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->illustration), FALSE);
    }
}

/* The step texts and the dosage line say the prescription's numbers. */
static void
show_prescription (LimberSlide *self)
{
  g_autofree char *dosage = limber_exercise_dup_dosage_for (self->exercise, self->hold_seconds, self->repetitions);

  for (guint i = 0; i < self->step_rows->len; i++)
    {
      g_autofree char *text = limber_exercise_dup_step_text (self->exercise, i, self->hold_seconds, self->repetitions);

      set_step_text (g_ptr_array_index (self->step_rows, i), g_ptr_array_index (self->step_labels, i), i + 1, text);
    }

  if (g_strcmp0 (dosage, gtk_label_get_label (self->dosage_label)) == 0)
    return;

  gtk_label_set_label (self->dosage_label, dosage);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOSAGE]);
}

static void
show_exercise (LimberSlide *self)
{
  const char *warning = limber_exercise_get_warning (self->exercise);
  const char *equipment = limber_exercise_get_equipment (self->exercise);

  gtk_label_set_label (self->title_label, limber_exercise_get_title (self->exercise));
  gtk_label_set_label (self->summary_label, limber_exercise_get_summary (self->exercise));

  gtk_widget_set_visible (self->warning_box, *warning != '\0');
  gtk_label_set_label (self->warning_label, warning);
  if (*warning != '\0')
    {
      /* Translators: how a screen reader reads an exercise's warning */
      g_autofree char *accessible_warning = g_strdup_printf (_("Warning: %s"), warning);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning_box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_warning, -1);
    }

  gtk_widget_set_visible (self->equipment_box, *equipment != '\0');
  gtk_label_set_label (self->equipment_label, equipment);

  limber_illustration_set_alternative_text (self->illustration, limber_exercise_get_alt_text (self->exercise));
  show_prescription (self);
}

/**
 * limber_slide_build_content:
 *
 * Loads the picture and makes the rows of the steps, once: the window does
 * so for the slide in view and its neighbours, before they can be seen.
 */
void
limber_slide_build_content (LimberSlide *self)
{
  g_return_if_fail (LIMBER_IS_SLIDE (self));

  if (self->content_built)
    return;

  self->content_built = TRUE;
  g_debug ("Building the slide of %s", limber_exercise_get_id (self->exercise));
  gtk_widget_set_visible (self->scroller, TRUE);
  load_illustration (self);

  for (guint i = 0; i < limber_exercise_get_n_steps (self->exercise); i++)
    {
      GtkWidget *text_box, *text_label;
      GtkWidget *row = create_step_row (i + 1, &text_box, &text_label);

      gtk_list_box_append (self->steps_list, row);
      g_ptr_array_add (self->step_rows, row);
      g_ptr_array_add (self->step_labels, text_label);
    }

  show_prescription (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_BUILT]);
}

gboolean
limber_slide_get_content_built (LimberSlide *self)
{
  g_return_val_if_fail (LIMBER_IS_SLIDE (self), FALSE);

  return self->content_built;
}

/* The slide takes focus before anything in it, so that its name is what a
 * screen reader says first. The scrolled window is stepped over: GTK 4.8's
 * reports that it took focus when it is not focusable, and Tab then stays put. */
static gboolean
limber_slide_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  LimberSlide *self = LIMBER_SLIDE (widget);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->scroller));
  gboolean forward = direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_DOWN || direction == GTK_DIR_RIGHT;

  if (gtk_widget_is_focus (widget))
    return forward && gtk_widget_child_focus (content, direction);

  if (gtk_widget_get_focus_child (widget) != NULL)
    {
      if (gtk_widget_child_focus (content, direction))
        return TRUE;
      if (forward)
        return FALSE;
    }
  else if (!forward && gtk_widget_child_focus (content, direction))
    return TRUE;

  return gtk_widget_grab_focus (widget);
}

static void
limber_slide_constructed (GObject *object)
{
  LimberSlide *self = (LimberSlide *)object;

  G_OBJECT_CLASS (limber_slide_parent_class)->constructed (object);

  g_return_if_fail (self->exercise != NULL);

  show_exercise (self);
  update_position (self);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->listen_button), "s", limber_exercise_get_id (self->exercise));
}

static void
limber_slide_dispose (GObject *object)
{
  LimberSlide *self = (LimberSlide *)object;

  g_clear_pointer (&self->step_rows, g_ptr_array_unref);
  g_clear_pointer (&self->step_labels, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIMBER_TYPE_SLIDE);
  g_clear_object (&self->exercise);
  g_clear_pointer (&self->announcement, g_free);

  G_OBJECT_CLASS (limber_slide_parent_class)->dispose (object);
}

static void
limber_slide_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LimberSlide *self = LIMBER_SLIDE (object);

  switch (prop_id)
    {
    case PROP_EXERCISE:
      g_value_set_object (value, self->exercise);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    case PROP_DOSAGE:
      g_value_set_string (value, limber_slide_get_dosage (self));
      break;
    case PROP_ANNOUNCEMENT:
      g_value_set_string (value, self->announcement);
      break;
    case PROP_WIDE:
      g_value_set_boolean (value, self->wide);
      break;
    case PROP_CONTENT_BUILT:
      g_value_set_boolean (value, self->content_built);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_slide_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LimberSlide *self = LIMBER_SLIDE (object);

  switch (prop_id)
    {
    case PROP_EXERCISE:
      self->exercise = g_value_dup_object (value);
      break;
    case PROP_NUMBER:
      limber_slide_set_number (self, g_value_get_uint (value));
      break;
    case PROP_TOTAL:
      limber_slide_set_total (self, g_value_get_uint (value));
      break;
    case PROP_WIDE:
      limber_slide_set_wide (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Narrow, the picture is at most this wide, as the handout prints it. */
#define NARROW_PICTURE_WIDTH 400
/* Wide, the picture takes at most this share of the slide's height, so that
 * the title above it stays in view, and is never narrower than this. */
#define WIDE_PICTURE_HEIGHT_SHARE 0.6
#define WIDE_PICTURE_MIN_WIDTH 240

static void
place (GtkWidget *child,
       int        column,
       int        row,
       int        width,
       int        height)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (gtk_widget_get_parent (child));
  GtkGridLayoutChild *cell = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, child));

  gtk_grid_layout_child_set_column (cell, column);
  gtk_grid_layout_child_set_row (cell, row);
  gtk_grid_layout_child_set_column_span (cell, width);
  gtk_grid_layout_child_set_row_span (cell, height);
}

/* The picture's width for its height to fit the slide's, wide. */
static int
wide_picture_width (LimberSlide *self,
                    int          height)
{
  double ratio = limber_illustration_get_aspect_ratio (self->illustration);

  return MAX (WIDE_PICTURE_MIN_WIDTH, (int) (height * WIDE_PICTURE_HEIGHT_SHARE * ratio));
}

static void
limber_slide_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  LimberSlide *self = LIMBER_SLIDE (widget);

  if (self->wide)
    {
      int picture_width = wide_picture_width (self, height);

      /* Changes the layout only when the height does: the next frame settles. */
      if (picture_width != self->picture_width)
        {
          self->picture_width = picture_width;
          limber_illustration_set_maximum_width (self->illustration, picture_width);
        }
    }

  gtk_widget_allocate (self->scroller, width, height, baseline, NULL);
}

/* No layout manager: with one, GTK would not call size_allocate above. */
static void
limber_slide_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  LimberSlide *self = LIMBER_SLIDE (widget);

  gtk_widget_measure (self->scroller, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
limber_slide_class_init (LimberSlideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = limber_slide_constructed;
  object_class->dispose = limber_slide_dispose;
  object_class->get_property = limber_slide_get_property;
  object_class->set_property = limber_slide_set_property;

  widget_class->focus = limber_slide_focus;
  widget_class->measure = limber_slide_measure;
  widget_class->size_allocate = limber_slide_size_allocate;

  properties[PROP_EXERCISE] =
    g_param_spec_object ("exercise", NULL, NULL, LIMBER_TYPE_EXERCISE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* How long to hold and how often to repeat: the handout's ranges until a
   * plan prescribes otherwise (limber_slide_set_prescription()). */
  properties[PROP_DOSAGE] =
    g_param_spec_string ("dosage", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The latest thing a screen reader was told, if any. */
  properties[PROP_ANNOUNCEMENT] =
    g_param_spec_string ("announcement", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The picture beside the steps, rather than above them. */
  properties[PROP_WIDE] =
    g_param_spec_boolean ("wide", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the picture and the steps are there yet. */
  properties[PROP_CONTENT_BUILT] =
    g_param_spec_boolean ("content-built", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/limber-slide.ui");
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, scroller);
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, clamp);
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, layout);
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, header_box);
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, details_box);
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, position_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, title_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, warning_box);
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, warning_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, illustration);
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, dosage_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, equipment_box);
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, equipment_label);
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, steps_list);
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, listen_button);
  gtk_widget_class_bind_template_child (widget_class, LimberSlide, introduction_label);

  g_type_ensure (LIMBER_TYPE_ILLUSTRATION);

  gtk_widget_class_set_css_name (widget_class, "limber-slide");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
limber_slide_init (LimberSlide *self)
{
  GtkEventController *keys;

  self->number = 1;
  self->total = 1;
  self->step_rows = g_ptr_array_new ();
  self->step_labels = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (self->scroller, FALSE);

  /* GTK 4.8 cannot announce, so the window moves focus to the slide that
   * comes into view, and the slide's name says which one it is. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
limber_slide_new (LimberExercise *exercise)
{
  g_return_val_if_fail (LIMBER_IS_EXERCISE (exercise), NULL);

  return g_object_new (LIMBER_TYPE_SLIDE, "exercise", exercise, NULL);
}

LimberExercise *
limber_slide_get_exercise (LimberSlide *self)
{
  g_return_val_if_fail (LIMBER_IS_SLIDE (self), NULL);

  return self->exercise;
}

guint
limber_slide_get_number (LimberSlide *self)
{
  g_return_val_if_fail (LIMBER_IS_SLIDE (self), 0);

  return self->number;
}

void
limber_slide_set_number (LimberSlide *self,
                         guint        number)
{
  g_return_if_fail (LIMBER_IS_SLIDE (self));

  if (self->number == number)
    return;

  self->number = number;
  update_position (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

guint
limber_slide_get_total (LimberSlide *self)
{
  g_return_val_if_fail (LIMBER_IS_SLIDE (self), 0);

  return self->total;
}

void
limber_slide_set_total (LimberSlide *self,
                        guint        total)
{
  g_return_if_fail (LIMBER_IS_SLIDE (self));

  if (self->total == total)
    return;

  self->total = total;
  update_position (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

/**
 * limber_slide_set_wide:
 *
 * Wide: the title across the top, and below it the picture, as tall as the
 * slide allows, with the dosage, beside the steps. Narrow: one column, the
 * picture above the steps. Right to left, the columns swap, as the grid does.
 */
void
limber_slide_set_wide (LimberSlide *self,
                       gboolean     wide)
{
  int span;

  g_return_if_fail (LIMBER_IS_SLIDE (self));

  wide = !!wide;
  if (self->wide == wide)
    return;

  self->wide = wide;
  span = wide ? 2 : 1;
  place (GTK_WIDGET (self->introduction_label), 0, 0, span, 1);
  place (self->header_box, 0, 1, span, 1);
  place (self->warning_box, 0, 2, span, 1);
  place (GTK_WIDGET (self->illustration), 0, 3, 1, 1);
  place (self->details_box, 0, 4, 1, 1);
  if (wide)
    place (GTK_WIDGET (self->steps_list), 1, 3, 1, 2);
  else
    place (GTK_WIDGET (self->steps_list), 0, 5, 1, 1);
  gtk_grid_set_column_homogeneous (self->layout, wide);

  /* Wide, the words are set in two columns of about the narrow one's measure. */
  adw_clamp_set_maximum_size (self->clamp, wide ? 1400 : 640);
  adw_clamp_set_tightening_threshold (self->clamp, wide ? 1000 : 480);
  self->picture_width = 0;
  if (!wide)
    limber_illustration_set_maximum_width (self->illustration, NARROW_PICTURE_WIDTH);
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDE]);
}

gboolean
limber_slide_get_wide (LimberSlide *self)
{
  g_return_val_if_fail (LIMBER_IS_SLIDE (self), FALSE);

  return self->wide;
}

/**
 * limber_slide_set_introduction:
 * @introduction: (nullable): the handout's introduction, for the first
 *   slide; %NULL for the others
 */
void
limber_slide_set_introduction (LimberSlide *self,
                               const char  *introduction)
{
  g_return_if_fail (LIMBER_IS_SLIDE (self));

  gtk_label_set_label (self->introduction_label, introduction);
  gtk_widget_set_visible (GTK_WIDGET (self->introduction_label), introduction != NULL);
}

const char *
limber_slide_get_introduction (LimberSlide *self)
{
  g_return_val_if_fail (LIMBER_IS_SLIDE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->introduction_label))
         ? gtk_label_get_label (self->introduction_label) : NULL;
}

/**
 * limber_slide_set_listen_available:
 *
 * Shows the Listen button, which coaches this exercise alone; the kiosk
 * hides it, because it coaches by itself.
 */
void
limber_slide_set_listen_available (LimberSlide *self,
                                   gboolean     available)
{
  g_return_if_fail (LIMBER_IS_SLIDE (self));

  gtk_widget_set_visible (self->listen_button, available);
}

GtkWidget *
limber_slide_get_listen_button (LimberSlide *self)
{
  return self->listen_button;
}

/**
 * limber_slide_announce:
 * @message: (nullable): what a screen reader should say now, or %NULL
 *
 * For the moments that matter (a step begins, ten seconds are left, a hold
 * ends), never every second.
 */
void
limber_slide_announce (LimberSlide *self,
                       const char  *message)
{
  g_return_if_fail (LIMBER_IS_SLIDE (self));

  if (g_strcmp0 (self->announcement, message) == 0)
    return;

  g_free (self->announcement);
  self->announcement = g_strdup (message);

  if (message == NULL || !limber_compat_announce (GTK_WIDGET (self), message))
    update_position (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOUNCEMENT]);
}

const char *
limber_slide_get_announcement (LimberSlide *self)
{
  g_return_val_if_fail (LIMBER_IS_SLIDE (self), NULL);

  return self->announcement;
}

const char *
limber_slide_get_dosage (LimberSlide *self)
{
  g_return_val_if_fail (LIMBER_IS_SLIDE (self), NULL);

  return gtk_label_get_label (self->dosage_label);
}

/**
 * limber_slide_set_prescription:
 * @hold_seconds: the plan's hold, or 0 for the handout's range
 * @repetitions: the plan's repetitions, or 0 for the handout's range
 *
 * The steps, the dosage line and their accessible names say these numbers.
 */
void
limber_slide_set_prescription (LimberSlide *self,
                               guint        hold_seconds,
                               guint        repetitions)
{
  g_return_if_fail (LIMBER_IS_SLIDE (self));

  if (self->hold_seconds == hold_seconds && self->repetitions == repetitions)
    return;

  self->hold_seconds = hold_seconds;
  self->repetitions = repetitions;
  if (self->exercise != NULL)
    show_prescription (self);
}

const char *
limber_slide_get_position_text (LimberSlide *self)
{
  return gtk_label_get_label (self->position_label);
}

/* @step: from 1, as numbered on the slide */
const char *
limber_slide_get_step_text (LimberSlide *self,
                            guint        step)
{
  g_return_val_if_fail (step >= 1 && step <= self->step_labels->len, NULL);

  return gtk_label_get_label (g_ptr_array_index (self->step_labels, step - 1));
}

GtkWidget *
limber_slide_get_step_row (LimberSlide *self,
                           guint        step)
{
  g_return_val_if_fail (step >= 1 && step <= self->step_rows->len, NULL);

  return g_ptr_array_index (self->step_rows, step - 1);
}

GtkWidget *
limber_slide_get_steps_list (LimberSlide *self)
{
  return GTK_WIDGET (self->steps_list);
}

GtkWidget *
limber_slide_get_warning_box (LimberSlide *self)
{
  return self->warning_box;
}

GtkWidget *
limber_slide_get_equipment_box (LimberSlide *self)
{
  return self->equipment_box;
}

GtkWidget *
limber_slide_get_illustration (LimberSlide *self)
{
  return GTK_WIDGET (self->illustration);
}
