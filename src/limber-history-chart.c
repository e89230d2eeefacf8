/* limber-history-chart.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history view's chart: the last twelve weeks, sessions per week as bars
 * (their axis at the start) and the week's average pain, 0 to 10, as a line
 * with dots (its axis at the end). Drawn with GtkSnapshot in the style's
 * colours: the text's own, and the legend's two labels', which the style
 * sheet colours (.limber-chart-sessions, .limber-chart-pain), so dark, high
 * contrast and any theme carry over. Right to left, time runs from right to
 * left and the axes swap sides. A screen reader gets the same figures as
 * text, in the chart's accessible description.
 */

#define G_LOG_DOMAIN "limber-history-chart"

#include "limber-config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "limber-compat.h"
#include "limber-history-chart-private.h"
#include "limber-session-log.h"

#define N_WEEKS LIMBER_HISTORY_CHART_N_WEEKS
#define LEGEND_SPACING 18
#define PLOT_GAP 12
#define TICK_GAP 6
#define DOT_SIZE 8.f

struct _LimberHistoryChart
{
  GtkWidget  parent_instance;

  GDate      mondays[N_WEEKS];
  guint      sessions[N_WEEKS];
  double     pain[N_WEEKS];
  char      *text;

  GtkWidget *sessions_legend;
  GtkWidget *pain_legend;
};

G_DEFINE_FINAL_TYPE (LimberHistoryChart, limber_history_chart, GTK_TYPE_WIDGET)

static gboolean
is_rtl (LimberHistoryChart *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

/* @x and @width in left-to-right terms, mirrored in right-to-left. */
static float
place_x (LimberHistoryChart *self,
         float               x,
         float               width)
{
  return is_rtl (self) ? gtk_widget_get_width (GTK_WIDGET (self)) - x - width : x;
}

static char *
format_monday (const GDate *monday)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (monday), g_date_get_month (monday),
                                                     g_date_get_day (monday), 12, 0, 0);

  /* Translators: a week's Monday under the chart, in strftime() format: “3 Mar” */
  return g_date_time_format (time, C_("chart week", "%-d %b"));
}

static char *
format_monday_long (const GDate *monday)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (monday), g_date_get_month (monday),
                                                     g_date_get_day (monday), 12, 0, 0);

  /* Translators: a week's Monday in the chart's text for screen readers, in strftime() format: “3 March” */
  return g_date_time_format (time, C_("chart week", "%-d %B"));
}

static guint
max_sessions (LimberHistoryChart *self)
{
  guint most = 7;

  for (guint i = 0; i < N_WEEKS; i++)
    most = MAX (most, self->sessions[i]);

  /* An even top, so its half is a whole number too. */
  return most + most % 2;
}

static void
update_text (LimberHistoryChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text,
                          /* Translators: the start of the chart's text for screen readers */
                          ngettext ("Sessions per week and average pain, over the last %u week.",
                                    "Sessions per week and average pain, over the last %u weeks.", N_WEEKS),
                          N_WEEKS);

  for (guint i = 0; i < N_WEEKS; i++)
    {
      g_autofree char *monday = format_monday_long (&self->mondays[i]);
      g_autofree char *week = NULL;

      /* Translators: one week of the chart, for screen readers; %s is its Monday, such as “3 March” */
      week = g_strdup_printf (ngettext ("Week of %s: %u session", "Week of %s: %u sessions", self->sessions[i]),
                              monday, self->sessions[i]);
      g_string_append_c (text, '\n');
      if (isnan (self->pain[i]))
        {
          /* Translators: a week of the chart without a pain rating; %s is its sessions */
          g_string_append_printf (text, _("%s, no pain rating."), week);
        }
      else
        {
          g_autofree char *pain = g_strdup_printf ("%.1f", self->pain[i]);

          /* Translators: the first %s is a week's sessions, the second its average pain, such as “3.5” */
          g_string_append_printf (text, _("%s, average pain %s of 10."), week, pain);
        }
    }

  g_free (self->text);
  self->text = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text, -1);
}

static guint
monday_julian_of_unix (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);
  GDate monday;

  limber_session_week_monday_of (time, &monday);
  return g_date_get_julian (&monday);
}

/**
 * limber_history_chart_set_history:
 * @last_monday: the Monday of the last week shown
 * @weeks: (element-type LimberSessionWeek): sessions per week, as
 *   limber_session_log_count_by_week() gives them
 * @pain: (element-type LimberPainPoint): the pain ratings, as
 *   limber_session_log_list_pain() gives them
 *
 * Shows the twelve weeks up to the one that starts on @last_monday; weeks
 * and ratings outside them are left out.
 */
void
limber_history_chart_set_history (LimberHistoryChart *self,
                                  const GDate        *last_monday,
                                  GArray             *weeks,
                                  GArray             *pain)
{
  guint first_julian;
  guint n_rated[N_WEEKS] = { 0 };

  g_return_if_fail (LIMBER_IS_HISTORY_CHART (self));
  g_return_if_fail (g_date_valid (last_monday) && g_date_get_weekday (last_monday) == G_DATE_MONDAY);

  first_julian = g_date_get_julian (last_monday) - 7 * (N_WEEKS - 1);
  for (guint i = 0; i < N_WEEKS; i++)
    {
      g_date_set_julian (&self->mondays[i], first_julian + 7 * i);
      self->sessions[i] = 0;
      self->pain[i] = 0;
    }

  for (guint i = 0; weeks != NULL && i < weeks->len; i++)
    {
      const LimberSessionWeek *week = &g_array_index (weeks, LimberSessionWeek, i);
      guint julian = g_date_get_julian (&week->monday);

      if (julian >= first_julian && (julian - first_julian) / 7 < N_WEEKS)
        self->sessions[(julian - first_julian) / 7] = week->n_sessions;
    }

  for (guint i = 0; pain != NULL && i < pain->len; i++)
    {
      const LimberPainPoint *point = &g_array_index (pain, LimberPainPoint, i);
      guint julian = monday_julian_of_unix (point->start_unix);

      if (julian >= first_julian && (julian - first_julian) / 7 < N_WEEKS)
        {
          self->pain[(julian - first_julian) / 7] += point->rating;
          n_rated[(julian - first_julian) / 7]++;
        }
    }

  for (guint i = 0; i < N_WEEKS; i++)
    self->pain[i] = n_rated[i] > 0 ? self->pain[i] / n_rated[i] : NAN;

  update_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * limber_history_chart_get_sessions:
 * @week: 0 for the oldest week shown, up to %LIMBER_HISTORY_CHART_N_WEEKS - 1
 */
guint
limber_history_chart_get_sessions (LimberHistoryChart *self,
                                   guint               week)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_CHART (self), 0);
  g_return_val_if_fail (week < N_WEEKS, 0);

  return self->sessions[week];
}

/**
 * limber_history_chart_get_pain:
 *
 * Returns: the week's average pain rating, or NAN if none was given
 */
double
limber_history_chart_get_pain (LimberHistoryChart *self,
                               guint               week)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_CHART (self), NAN);
  g_return_val_if_fail (week < N_WEEKS, NAN);

  return self->pain[week];
}

/**
 * limber_history_chart_get_text:
 *
 * Returns: what the chart shows, as the text a screen reader is given
 */
const char *
limber_history_chart_get_text (LimberHistoryChart *self)
{
  g_return_val_if_fail (LIMBER_IS_HISTORY_CHART (self), NULL);

  return self->text;
}

/* The colours the chart draws with: its text's, and its legends'. */
void
limber_history_chart_get_colors (LimberHistoryChart *self,
                                 GdkRGBA            *text,
                                 GdkRGBA            *sessions,
                                 GdkRGBA            *pain)
{
  limber_compat_get_color (GTK_WIDGET (self), text);
  limber_compat_get_color (self->sessions_legend, sessions);
  limber_compat_get_color (self->pain_legend, pain);
}

static PangoLayout *
small_layout (LimberHistoryChart *self,
              const char         *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  return layout;
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           float          x,
           float          y,
           const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
text_size (PangoLayout *layout,
           int         *width,
           int         *height)
{
  pango_layout_get_pixel_size (layout, width, height);
}

static void
draw_dot (GtkSnapshot   *snapshot,
          float          x,
          float          y,
          const GdkRGBA *color)
{
  GskRoundedRect dot;

  gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x - DOT_SIZE / 2, y - DOT_SIZE / 2, DOT_SIZE, DOT_SIZE),
                                   DOT_SIZE / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &dot);
  gtk_snapshot_append_color (snapshot, color, &dot.bounds);
  gtk_snapshot_pop (snapshot);
}

/* A line two pixels wide: a thin rectangle turned towards the next point. */
static void
draw_segment (GtkSnapshot   *snapshot,
              float          x1,
              float          y1,
              float          x2,
              float          y2,
              const GdkRGBA *color)
{
  float length = hypotf (x2 - x1, y2 - y1);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x1, y1));
  gtk_snapshot_rotate (snapshot, atan2f (y2 - y1, x2 - x1) * 180.f / G_PI);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (0, -1, length, 2));
  gtk_snapshot_restore (snapshot);
}

static int
legend_height (LimberHistoryChart *self)
{
  int sessions_height, pain_height;

  gtk_widget_measure (self->sessions_legend, GTK_ORIENTATION_VERTICAL, -1, NULL, &sessions_height, NULL, NULL);
  gtk_widget_measure (self->pain_legend, GTK_ORIENTATION_VERTICAL, -1, NULL, &pain_height, NULL, NULL);
  return MAX (sessions_height, pain_height);
}

static void
limber_history_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  LimberHistoryChart *self = LIMBER_HISTORY_CHART (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  guint most = max_sessions (self);
  g_autofree char *most_text = g_strdup_printf ("%u", most);
  g_autoptr(PangoLayout) probe = small_layout (self, most_text);
  g_autoptr(PangoLayout) ten = small_layout (self, "10");
  GdkRGBA text_color, grid_color, bar_color, pain_color;
  int start_axis, end_axis, label_height, unused;
  float plot_left, plot_right, plot_top, plot_bottom, slot;
  guint label_every = 1;
  float previous_x = 0, previous_y = 0;
  gboolean have_previous = FALSE;

  gtk_widget_snapshot_child (widget, self->sessions_legend, snapshot);
  gtk_widget_snapshot_child (widget, self->pain_legend, snapshot);

  limber_history_chart_get_colors (self, &text_color, &bar_color, &pain_color);
  grid_color = text_color;
  grid_color.alpha *= 0.2f;

  text_size (probe, &start_axis, &label_height);
  text_size (ten, &end_axis, &unused);

  /* In left-to-right terms; place_x() mirrors. */
  plot_left = start_axis + TICK_GAP;
  plot_right = width - end_axis - TICK_GAP;
  plot_top = legend_height (self) + PLOT_GAP + label_height / 2.f;
  plot_bottom = height - label_height - TICK_GAP;
  if (plot_right - plot_left < N_WEEKS || plot_bottom - plot_top < 20)
    return;
  slot = (plot_right - plot_left) / N_WEEKS;

  /* Gridlines and both axes' numbers, at nothing, half and the top. */
  for (guint tick = 0; tick <= 2; tick++)
    {
      float y = plot_bottom - (plot_bottom - plot_top) * tick / 2.f;
      g_autofree char *count = g_strdup_printf ("%u", most * tick / 2);
      g_autofree char *pain = g_strdup_printf ("%u", 5 * tick);
      g_autoptr(PangoLayout) count_layout = small_layout (self, count);
      g_autoptr(PangoLayout) pain_layout = small_layout (self, pain);
      int count_width, pain_width;

      text_size (count_layout, &count_width, &unused);
      text_size (pain_layout, &pain_width, &unused);
      gtk_snapshot_append_color (snapshot, &grid_color,
                                 &GRAPHENE_RECT_INIT (place_x (self, plot_left, plot_right - plot_left), y - 0.5f,
                                                      plot_right - plot_left, 1));
      draw_text (snapshot, count_layout, place_x (self, start_axis - count_width, count_width), y - label_height / 2.f,
                 &bar_color);
      draw_text (snapshot, pain_layout, place_x (self, plot_right + TICK_GAP, pain_width), y - label_height / 2.f,
                 &pain_color);
    }

  /* Only as many week labels as fit. */
  {
    g_autofree char *widest = format_monday (&self->mondays[N_WEEKS - 1]);
    g_autoptr(PangoLayout) layout = small_layout (self, widest);
    int label_width;

    text_size (layout, &label_width, &unused);
    while (label_every < N_WEEKS && slot * label_every < label_width * 1.3f)
      label_every++;
  }

  for (guint i = 0; i < N_WEEKS; i++)
    {
      float center = plot_left + slot * (i + 0.5f);
      float bar_width = slot * 0.6f;
      float bar_height = (plot_bottom - plot_top) * self->sessions[i] / most;

      if (self->sessions[i] > 0)
        {
          GskRoundedRect bar;

          gsk_rounded_rect_init_from_rect (&bar,
                                           &GRAPHENE_RECT_INIT (place_x (self, center - bar_width / 2, bar_width),
                                                                plot_bottom - bar_height, bar_width, bar_height),
                                           MIN (3.f, bar_width / 2));
          gtk_snapshot_push_rounded_clip (snapshot, &bar);
          gtk_snapshot_append_color (snapshot, &bar_color, &bar.bounds);
          gtk_snapshot_pop (snapshot);
        }

      /* The latest week is always named; then every label_every-th before it. */
      if ((N_WEEKS - 1 - i) % label_every == 0)
        {
          g_autofree char *monday = format_monday (&self->mondays[i]);
          g_autoptr(PangoLayout) layout = small_layout (self, monday);
          int label_width;

          text_size (layout, &label_width, &unused);
          draw_text (snapshot, layout, place_x (self, center - label_width / 2.f, label_width),
                     plot_bottom + TICK_GAP, &text_color);
        }
    }

  /* The pain line on top of the bars, broken where a week has no rating. */
  for (guint i = 0; i < N_WEEKS; i++)
    {
      float x, y;

      if (isnan (self->pain[i]))
        {
          have_previous = FALSE;
          continue;
        }

      x = place_x (self, plot_left + slot * (i + 0.5f), 0);
      y = plot_bottom - (plot_bottom - plot_top) * self->pain[i] / 10.f;
      if (have_previous)
        draw_segment (snapshot, previous_x, previous_y, x, y, &pain_color);
      previous_x = x;
      previous_y = y;
      have_previous = TRUE;
    }

  for (guint i = 0; i < N_WEEKS; i++)
    if (!isnan (self->pain[i]))
      draw_dot (snapshot, place_x (self, plot_left + slot * (i + 0.5f), 0),
                plot_bottom - (plot_bottom - plot_top) * self->pain[i] / 10.f, &pain_color);
}

static void
limber_history_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  LimberHistoryChart *self = LIMBER_HISTORY_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int sessions_width, pain_width;

      gtk_widget_measure (self->sessions_legend, orientation, -1, &sessions_width, NULL, NULL, NULL);
      gtk_widget_measure (self->pain_legend, orientation, -1, &pain_width, NULL, NULL, NULL);
      *minimum = MAX (240, MAX (sessions_width, pain_width));
      *natural = MAX (480, sessions_width + LEGEND_SPACING + pain_width);
    }
  else
    {
      int legend = legend_height (self);

      *minimum = legend + 180;
      *natural = legend + 220;
    }
}

static void
limber_history_chart_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  LimberHistoryChart *self = LIMBER_HISTORY_CHART (widget);
  int sessions_width, pain_width, legend = legend_height (self);
  gboolean side_by_side;

  gtk_widget_measure (self->sessions_legend, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &sessions_width, NULL, NULL);
  gtk_widget_measure (self->pain_legend, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &pain_width, NULL, NULL);
  side_by_side = sessions_width + LEGEND_SPACING + pain_width <= width;
  sessions_width = MIN (sessions_width, width);
  pain_width = MIN (pain_width, width);

  /* The sessions' legend at the start, over their axis; pain's at the end. */
  gtk_widget_size_allocate (self->sessions_legend,
                            &(GtkAllocation) { place_x (self, 0, sessions_width), 0, sessions_width, legend }, -1);
  gtk_widget_size_allocate (self->pain_legend,
                            &(GtkAllocation) { place_x (self, side_by_side ? width - pain_width : 0, pain_width),
                                               side_by_side ? 0 : legend, pain_width, legend }, -1);
}

static void
limber_history_chart_dispose (GObject *object)
{
  LimberHistoryChart *self = LIMBER_HISTORY_CHART (object);

  g_clear_pointer (&self->sessions_legend, gtk_widget_unparent);
  g_clear_pointer (&self->pain_legend, gtk_widget_unparent);

  G_OBJECT_CLASS (limber_history_chart_parent_class)->dispose (object);
}

static void
limber_history_chart_finalize (GObject *object)
{
  LimberHistoryChart *self = LIMBER_HISTORY_CHART (object);

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (limber_history_chart_parent_class)->finalize (object);
}

static void
limber_history_chart_class_init (LimberHistoryChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = limber_history_chart_dispose;
  object_class->finalize = limber_history_chart_finalize;
  widget_class->snapshot = limber_history_chart_snapshot;
  widget_class->measure = limber_history_chart_measure;
  widget_class->size_allocate = limber_history_chart_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "history-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static GtkWidget *
new_legend (LimberHistoryChart *self,
            const char         *text,
            const char         *css_class)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "ellipsize", PANGO_ELLIPSIZE_END,
                                   "xalign", 0.f,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_widget_add_css_class (label, css_class);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return label;
}

static void
limber_history_chart_init (LimberHistoryChart *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate monday;

  self->sessions_legend = new_legend (self, _("■ Sessions per week"), "limber-chart-sessions");
  self->pain_legend = new_legend (self, _("● Average pain, 0 to 10"), "limber-chart-pain");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart of sessions per week and pain"), -1);

  /* Until told otherwise: twelve empty weeks up to this one. */
  limber_session_week_monday_of (now, &monday);
  limber_history_chart_set_history (self, &monday, NULL, NULL);
}

GtkWidget *
limber_history_chart_new (void)
{
  return g_object_new (LIMBER_TYPE_HISTORY_CHART, NULL);
}
