/* limber-plan-printer.c
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The personal plan on paper, through GtkPrintOperation: "My Plan" and the
 * date, each shown exercise in the plan's order (its title, the plan's
 * dosage, its picture beside its numbered steps with the plan's numbers, its
 * warning and equipment), the follow-up care and, when asked, the sessions
 * of the last four weeks.
 *
 * begin-print lays everything out with Pango on the print context, as rows,
 * and paginates them; draw-page draws a page's rows. An exercise that fits
 * on a page is never split; one that starts on a page keeps its title with
 * its picture. Right to left, the page is mirrored. Everything from the
 * catalog, the plan and the log is set as plain text, never markup.
 */

#define G_LOG_DOMAIN "limber-plan-printer"

#include "limber-config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "limber-compat.h"
#include "limber-illustration.h"
#include "limber-plan-printer.h"

/* Sizes in points. */
#define TITLE_SIZE 22
#define HEADING_SIZE 15
#define BODY_SIZE 11
#define FOOTER_SIZE 9
#define MARGIN_MM 18
#define GROUP_GAP 22
#define PARAGRAPH_GAP 6
#define COLUMN_GAP 16
#define NUMBER_WIDTH 20
#define BAR_WIDTH 3
#define BAR_GAP 8
#define FOOTER_HEIGHT 24
/* The picture's share of the text width, and most of a page's height. */
#define PICTURE_SHARE 0.36
#define PICTURE_MAX_HEIGHT_SHARE 0.45
/* A paragraph taller than this share of a page is cut between its lines,
 * so that a page can end inside it rather than leave a gap. */
#define ROW_MAX_HEIGHT_SHARE 0.34

typedef enum
{
  TONE_TEXT,
  TONE_DIM,
  TONE_WARNING,
} Tone;

typedef enum
{
  PIECE_TEXT,
  PIECE_PICTURE,
  PIECE_BAR,
} PieceKind;

/* One thing drawn: x from the start edge of the text area (the right edge
 * in right-to-left pages), y from the top of its row. */
typedef struct
{
  PieceKind           kind;
  Tone                tone;
  double              x;
  double              y;
  double              width;
  double              height;
  PangoLayout        *layout;
  LimberIllustration *picture;
} Piece;

/* What a page may not break: a paragraph or a part of one, with what goes
 * beside it. A picture beside the rows below it reaches further down than
 * the row itself. */
typedef struct
{
  GArray   *pieces;
  double    height;
  double    reach;
  double    space_before;
  gboolean  keep_with_next;
  gboolean  rule_above;
  guint     page;
  double    y;
} Row;

struct _LimberPlanPrinter
{
  GtkPrintOperation     parent_instance;

  LimberPlan           *plan;
  LimberSessionLog     *log;
  gboolean              with_history;
  GtkWindow            *parent;

  /* The history, read once, before anything is laid out. */
  gboolean              history_read;
  GPtrArray            *sessions;
  char                 *history_problem;

  /* From begin-print to end-print. */
  GDateTime            *now;
  PangoContext         *pango;
  PangoFontDescription *font;
  gboolean              rtl;
  double                width;
  double                height;
  double                page_height;
  /* Groups of rows (an exercise, the follow-up care…), in order. */
  GPtrArray            *groups;
  guint                 n_pages;
};

G_DEFINE_FINAL_TYPE (LimberPlanPrinter, limber_plan_printer, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_SESSION_LOG,
  PROP_WITH_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
piece_clear (gpointer data)
{
  Piece *piece = data;

  g_clear_object (&piece->layout);
  g_clear_object (&piece->picture);
}

static Row *
row_new (double space_before)
{
  Row *row = g_new0 (Row, 1);

  row->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_array_set_clear_func (row->pieces, piece_clear);
  row->space_before = space_before;
  return row;
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_array_unref (row->pieces);
  g_free (row);
}

/* Takes @piece's layout or picture. */
static void
row_add (Row   *row,
         Piece  piece)
{
  double bottom = piece.y + piece.height;

  g_array_append_val (row->pieces, piece);
  if (piece.kind != PIECE_PICTURE)
    row->height = MAX (row->height, bottom);
  row->reach = MAX (row->reach, MAX (row->height, bottom));
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static PangoLayout *
new_layout (LimberPlanPrinter *self,
            const char        *text,
            double             width,
            int                size,
            PangoWeight        weight,
            PangoStyle         style)
{
  PangoLayout *layout = pango_layout_new (self->pango);
  PangoFontDescription *font = pango_font_description_copy_static (self->font);

  pango_font_description_set_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  /* Every line starts at the page's start edge, whatever its first letter. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_alignment (layout, self->rtl ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* @layout as parts of at most @max_height each, cut between lines. */
static GPtrArray *
split_layout (PangoLayout *layout,
              double       max_height)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_object_unref);
  const char *text = pango_layout_get_text (layout);
  int max_units = pango_units_from_double (max_height);
  int part_start = 0;
  int part_top = 0;
  PangoLayoutIter *iter;

  if (layout_height (layout) <= max_height)
    {
      g_ptr_array_add (parts, g_object_ref (layout));
      return parts;
    }

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      int top, bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      if (bottom - part_top > max_units && line->start_index > part_start)
        {
          PangoLayout *part = pango_layout_copy (layout);

          pango_layout_set_text (part, text + part_start, line->start_index - part_start);
          g_ptr_array_add (parts, part);
          part_start = line->start_index;
          part_top = top;
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  {
    PangoLayout *part = pango_layout_copy (layout);

    pango_layout_set_text (part, text + part_start, -1);
    g_ptr_array_add (parts, part);
  }

  return parts;
}

/* Adds @layout (taken) to @group at @x, in as many rows as it needs.
 * Returns: (transfer none): its first row */
static Row *
add_text (LimberPlanPrinter *self,
          GPtrArray         *group,
          PangoLayout       *layout,
          double             x,
          double             space_before,
          Tone               tone)
{
  g_autoptr(GPtrArray) parts = split_layout (layout, self->height * ROW_MAX_HEIGHT_SHARE);
  double width = pango_units_to_double (pango_layout_get_width (layout));
  Row *first = NULL;

  for (guint i = 0; i < parts->len; i++)
    {
      PangoLayout *part = g_ptr_array_index (parts, i);
      Row *row = row_new (i == 0 ? space_before : 0);

      row_add (row, (Piece) { .kind = PIECE_TEXT, .tone = tone, .x = x, .width = width,
                              .height = layout_height (part), .layout = g_object_ref (part) });
      /* The parts of a paragraph break only where they must. */
      row->keep_with_next = i + 1 < parts->len;
      g_ptr_array_add (group, row);
      if (first == NULL)
        first = row;
    }

  g_object_unref (layout);
  return first;
}

static Row *
add_heading (LimberPlanPrinter *self,
             GPtrArray         *group,
             const char        *text)
{
  Row *row = add_text (self, group, new_layout (self, text, self->width, HEADING_SIZE, PANGO_WEIGHT_BOLD,
                                                PANGO_STYLE_NORMAL),
                       0, GROUP_GAP, TONE_TEXT);

  row->rule_above = TRUE;
  row->keep_with_next = TRUE;
  return row;
}

static GPtrArray *
new_group (LimberPlanPrinter *self)
{
  GPtrArray *group = g_ptr_array_new_with_free_func (row_free);

  g_ptr_array_add (self->groups, group);
  return group;
}

static void
add_paragraphs (LimberPlanPrinter  *self,
                GPtrArray          *group,
                const char * const *paragraphs)
{
  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    add_text (self, group, new_layout (self, paragraphs[i], self->width, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                       PANGO_STYLE_NORMAL),
              0, PARAGRAPH_GAP, TONE_TEXT);
}

static void
add_title (LimberPlanPrinter *self)
{
  GPtrArray *group = new_group (self);
  LimberCatalog *catalog = limber_plan_get_catalog (self->plan);
  /* Translators: the date a plan is printed on, in strftime() format: “2 March 2026” */
  g_autofree char *date = g_date_time_format (self->now, _("%-d %B %Y"));
  Row *row;

  row = add_text (self, group, new_layout (self, _("My Plan"), self->width, TITLE_SIZE, PANGO_WEIGHT_BOLD,
                                           PANGO_STYLE_NORMAL),
                  0, 0, TONE_TEXT);
  row->keep_with_next = TRUE;
  add_text (self, group, new_layout (self, date, self->width, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL),
            0, 2, TONE_DIM);
  add_paragraphs (self, group, limber_catalog_get_introduction (catalog));
}

static LimberIllustration *
load_picture (LimberExercise *exercise)
{
  g_autoptr(LimberIllustration) picture = g_object_ref_sink (LIMBER_ILLUSTRATION (limber_illustration_new ()));
  g_autoptr(GError) error = NULL;

  /* The catalog checked that the picture is one of Limber's own, so only a
   * missing SVG loader gets here: the steps still say everything. */
  if (!limber_illustration_load_resource (picture, limber_exercise_get_illustration (exercise), &error))
    {
      g_debug ("Could not load the illustration %s: %s", limber_exercise_get_illustration (exercise), error->message);
      return NULL;
    }

  return g_steal_pointer (&picture);
}

/* A bar on the start side of every row of a warning, from @first on. */
static void
add_bar (GPtrArray *group,
         Row       *first,
         double     x)
{
  gboolean found = FALSE;

  for (guint i = 0; i < group->len; i++)
    {
      Row *row = g_ptr_array_index (group, i);

      found = found || row == first;
      if (found)
        row_add (row, (Piece) { .kind = PIECE_BAR, .tone = TONE_WARNING, .x = x, .width = BAR_WIDTH,
                                .height = row->height });
    }
}

static void
add_exercise (LimberPlanPrinter *self,
              LimberExercise    *exercise)
{
  GPtrArray *group = new_group (self);
  g_autoptr(LimberIllustration) picture = load_picture (exercise);
  g_autofree char *dosage = limber_plan_dup_dosage (self->plan, exercise);
  const char *warning = limber_exercise_get_warning (exercise);
  const char *equipment = limber_exercise_get_equipment (exercise);
  double picture_width = 0, picture_height = 0;
  double text_x, text_width;
  Row *row;

  add_heading (self, group, limber_exercise_get_title (exercise));
  row = add_text (self, group, new_layout (self, dosage, self->width, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                           PANGO_STYLE_NORMAL),
                  0, 2, TONE_DIM);
  row->keep_with_next = TRUE;

  if (picture != NULL)
    {
      double ratio = limber_illustration_get_aspect_ratio (picture);

      picture_width = self->width * PICTURE_SHARE;
      picture_height = MIN (picture_width / ratio, self->height * PICTURE_MAX_HEIGHT_SHARE);
      picture_width = picture_height * ratio;
    }
  text_x = picture != NULL ? picture_width + COLUMN_GAP : 0;
  text_width = self->width - text_x;

  for (guint i = 0; i < limber_exercise_get_n_steps (exercise); i++)
    {
      g_autofree char *text = limber_plan_dup_step_text (self->plan, exercise, i);
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      PangoLayout *number_layout = new_layout (self, number, NUMBER_WIDTH, BODY_SIZE, PANGO_WEIGHT_BOLD,
                                               PANGO_STYLE_NORMAL);

      row = add_text (self, group, new_layout (self, text, text_width - NUMBER_WIDTH, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                               PANGO_STYLE_NORMAL),
                      text_x + NUMBER_WIDTH, i == 0 ? 10 : PARAGRAPH_GAP, TONE_TEXT);
      row_add (row, (Piece) { .kind = PIECE_TEXT, .tone = TONE_TEXT, .x = text_x, .width = NUMBER_WIDTH,
                              .height = layout_height (number_layout), .layout = number_layout });

      /* Beside the steps, from the first: the title above keeps with it. */
      if (i == 0 && picture != NULL)
        row_add (row, (Piece) { .kind = PIECE_PICTURE, .x = 0, .width = picture_width, .height = picture_height,
                                .picture = g_steal_pointer (&picture) });
    }

  if (*warning != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("Warning: %s"), warning);

      row = add_text (self, group, new_layout (self, text, text_width - BAR_WIDTH - BAR_GAP, BODY_SIZE,
                                               PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL),
                      text_x + BAR_WIDTH + BAR_GAP, PARAGRAPH_GAP * 2, TONE_WARNING);
      add_bar (group, row, text_x);
    }

  if (*equipment != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("You will need: %s"), equipment);

      add_text (self, group, new_layout (self, text, text_width, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL),
                text_x, PARAGRAPH_GAP * 2, TONE_TEXT);
    }
}

static void
add_follow_up_care (LimberPlanPrinter *self)
{
  GPtrArray *group = new_group (self);

  add_heading (self, group, _("Follow-up Care"));
  add_paragraphs (self, group, limber_catalog_get_follow_up_care (limber_plan_get_catalog (self->plan)));
}

static void
add_session (LimberPlanPrinter   *self,
             GPtrArray           *group,
             LimberSessionRecord *record)
{
  static const double columns[][2] = { { 0, 0.36 }, { 0.38, 0.36 }, { 0.76, 0.24 } };
  g_autoptr(GDateTime) start = g_date_time_to_local (limber_session_record_get_start (record));
  guint n_exercises = limber_session_record_get_n_exercises (record);
  int pain = limber_session_record_get_pain_rating (record);
  const char *note = limber_session_record_get_note (record);
  char *cells[3];
  Row *row = row_new (PARAGRAPH_GAP);

  /* Translators: when a session started, in the printed plan's history, in strftime() format: “Mon 2 Mar 2026, 08:15” */
  cells[0] = g_date_time_format (start, _("%a %-d %b %Y, %H:%M"));
  cells[1] = g_strdup_printf (ngettext ("%u of %u exercise done", "%u of %u exercises done", n_exercises),
                              limber_session_record_get_n_done (record), n_exercises);
  cells[2] = pain >= 0 ? g_strdup_printf (_("pain %d of 10"), pain) : g_strdup (_("no pain rating"));

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      PangoLayout *layout = new_layout (self, cells[i], self->width * columns[i][1], BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                        PANGO_STYLE_NORMAL);

      row_add (row, (Piece) { .kind = PIECE_TEXT, .tone = TONE_TEXT, .x = self->width * columns[i][0],
                              .width = self->width * columns[i][1], .height = layout_height (layout),
                              .layout = layout });
      g_free (cells[i]);
    }
  g_ptr_array_add (group, row);

  /* The person's own words, as they typed them. */
  if (note != NULL && *note != '\0')
    {
      row->keep_with_next = TRUE;
      add_text (self, group, new_layout (self, note, self->width * (1 - columns[1][0]), BODY_SIZE, PANGO_WEIGHT_NORMAL,
                                         PANGO_STYLE_ITALIC),
                self->width * columns[1][0], 2, TONE_DIM);
    }
}

static void
add_history (LimberPlanPrinter *self)
{
  GPtrArray *group = new_group (self);
  const char *empty = NULL;

  add_heading (self, group, _("The Last Four Weeks"));

  if (self->history_problem != NULL)
    empty = self->history_problem;
  else if (self->sessions->len == 0)
    empty = _("No sessions in the last four weeks.");

  if (empty != NULL)
    {
      add_text (self, group, new_layout (self, empty, self->width, BODY_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL),
                0, PARAGRAPH_GAP, TONE_TEXT);
      return;
    }

  for (guint i = 0; i < self->sessions->len; i++)
    add_session (self, group, g_ptr_array_index (self->sessions, i));
}

/* Reads the sessions since the start of the day four weeks ago, once. */
static gboolean
read_history (LimberPlanPrinter  *self,
              GError            **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) from = g_date_time_add_days (today, -(LIMBER_PLAN_PRINTER_HISTORY_DAYS - 1));
  g_autoptr(GError) local_error = NULL;

  if (self->history_read)
    {
      if (self->history_problem != NULL)
        {
          g_set_error_literal (error, LIMBER_SESSION_LOG_ERROR, LIMBER_SESSION_LOG_ERROR_UNAVAILABLE,
                               self->history_problem);
          return FALSE;
        }
      return TRUE;
    }

  self->history_read = TRUE;
  self->sessions = limber_session_log_list_sessions (self->log, from, NULL, &local_error);
  if (self->sessions == NULL)
    {
      /* Translators: %s says why, such as “the file is damaged” */
      self->history_problem = g_strdup_printf (_("The history could not be read: %s"), local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
wants_history (LimberPlanPrinter *self)
{
  return self->with_history && self->log != NULL;
}

static PangoFontDescription *
new_font (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *name = NULL;
  PangoFontDescription *font;

  if (settings != NULL)
    g_object_get (settings, "gtk-font-name", &name, NULL);

  /* The desktop's family, at sizes made for paper. */
  font = pango_font_description_from_string (name != NULL ? name : "Sans");
  pango_font_description_unset_fields (font, PANGO_FONT_MASK_SIZE | PANGO_FONT_MASK_WEIGHT | PANGO_FONT_MASK_STYLE);
  return font;
}

/* How far down @group reaches when it starts at the top of a page. */
static double
group_extent (GPtrArray *group)
{
  double y = 0, bottom = 0;

  for (guint i = 0; i < group->len; i++)
    {
      Row *row = g_ptr_array_index (group, i);

      if (i > 0)
        y += row->space_before;
      bottom = MAX (bottom, y + row->reach);
      y += row->height;
    }

  return MAX (y, bottom);
}

/* How much room row @i needs below its top, with the rows it keeps with. */
static double
room_needed (GPtrArray *group,
             guint      i)
{
  Row *row = g_ptr_array_index (group, i);
  double needed = row->reach;
  double offset = 0;

  for (; row->keep_with_next && i + 1 < group->len; i++)
    {
      Row *next = g_ptr_array_index (group, i + 1);

      offset += row->height + next->space_before;
      needed = MAX (needed, offset + next->reach);
      row = next;
    }

  return needed;
}

static void
paginate (LimberPlanPrinter *self)
{
  guint page = 0;
  double y = 0;
  double bottom = 0;

  for (guint g = 0; g < self->groups->len; g++)
    {
      GPtrArray *group = g_ptr_array_index (self->groups, g);
      Row *first = g_ptr_array_index (group, 0);
      double extent = group_extent (group);

      /* A group that fits on a page is not split: it starts a page if it must. */
      if (y > 0 && y + first->space_before + extent > self->height && extent <= self->height)
        {
          page++;
          y = bottom = 0;
        }

      for (guint i = 0; i < group->len; i++)
        {
          Row *row = g_ptr_array_index (group, i);
          double space = y > 0 ? row->space_before : 0;

          if (y > 0 && y + space + room_needed (group, i) > self->height)
            {
              page++;
              y = bottom = space = 0;
            }

          row->page = page;
          row->y = y + space;
          bottom = MAX (bottom, row->y + row->reach);
          y = row->y + row->height;
        }

      y = MAX (y, bottom);
    }

  self->n_pages = page + 1;
}

static void
clear_layout (LimberPlanPrinter *self)
{
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->now, g_date_time_unref);
}

static void
limber_plan_printer_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  LimberPlanPrinter *self = LIMBER_PLAN_PRINTER (operation);
  GListModel *exercises = limber_plan_get_shown_exercises (self->plan);
  guint n_exercises = g_list_model_get_n_items (exercises);

  clear_layout (self);
  self->now = g_date_time_new_now_local ();
  self->rtl = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL;
  self->width = gtk_print_context_get_width (context);
  self->page_height = gtk_print_context_get_height (context);
  self->height = self->page_height - FOOTER_HEIGHT;
  self->pango = gtk_print_context_create_pango_context (context);
  pango_context_set_base_dir (self->pango, self->rtl ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  self->font = new_font ();
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  /* In the dialog's path, a history that cannot be read is said on paper. */
  if (wants_history (self))
    read_history (self, NULL);

  add_title (self);
  for (guint i = 0; i < n_exercises; i++)
    {
      g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);

      add_exercise (self, exercise);
    }
  if (n_exercises == 0)
    add_heading (self, g_ptr_array_index (self->groups, 0), _("No Exercises in Your Plan"));
  add_follow_up_care (self);
  if (wants_history (self))
    add_history (self);

  paginate (self);
  gtk_print_operation_set_n_pages (operation, (int) self->n_pages);
  g_debug ("The plan takes %u pages of %.0f×%.0f pt", self->n_pages, self->width, self->page_height);
}

static void
set_tone (cairo_t *cr,
          Tone     tone)
{
  switch (tone)
    {
    case TONE_TEXT:
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      break;
    case TONE_DIM:
      cairo_set_source_rgb (cr, 0.33, 0.33, 0.33);
      break;
    case TONE_WARNING:
      /* Red enough to stand out, dark enough to read in grey. */
      cairo_set_source_rgb (cr, 0.65, 0.11, 0.18);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
draw_piece (LimberPlanPrinter *self,
            cairo_t           *cr,
            const Piece       *piece,
            double             top)
{
  double x = self->rtl ? self->width - piece->x - piece->width : piece->x;
  double y = top + piece->y;
  g_autoptr(GError) error = NULL;

  set_tone (cr, piece->tone);
  switch (piece->kind)
    {
    case PIECE_TEXT:
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, piece->layout);
      break;
    case PIECE_BAR:
      cairo_rectangle (cr, x, y, piece->width, piece->height);
      cairo_fill (cr);
      break;
    case PIECE_PICTURE:
      cairo_save (cr);
      cairo_translate (cr, x, y);
      if (!limber_illustration_draw_on_paper (piece->picture, cr, piece->width, piece->height, &error))
        g_warning ("Could not print an illustration: %s", error->message);
      cairo_restore (cr);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
draw_footer (LimberPlanPrinter *self,
             cairo_t           *cr,
             int                page_nr)
{
  /* Translators: at the foot of each printed page */
  g_autofree char *text = g_strdup_printf (_("Page %d of %u"), page_nr + 1, self->n_pages);
  g_autoptr(PangoLayout) layout = new_layout (self, text, self->width, FOOTER_SIZE, PANGO_WEIGHT_NORMAL,
                                              PANGO_STYLE_NORMAL);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  set_tone (cr, TONE_DIM);
  cairo_move_to (cr, 0, self->page_height - layout_height (layout));
  pango_cairo_show_layout (cr, layout);
}

static void
limber_plan_printer_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page_nr)
{
  LimberPlanPrinter *self = LIMBER_PLAN_PRINTER (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  for (guint g = 0; g < self->groups->len; g++)
    {
      GPtrArray *group = g_ptr_array_index (self->groups, g);

      for (guint i = 0; i < group->len; i++)
        {
          Row *row = g_ptr_array_index (group, i);

          if (row->page != (guint) page_nr)
            continue;

          if (row->rule_above && row->y > 0)
            {
              set_tone (cr, TONE_DIM);
              cairo_set_line_width (cr, 0.5);
              cairo_move_to (cr, 0, row->y - row->space_before / 2);
              cairo_line_to (cr, self->width, row->y - row->space_before / 2);
              cairo_stroke (cr);
            }

          for (guint p = 0; p < row->pieces->len; p++)
            draw_piece (self, cr, &g_array_index (row->pieces, Piece, p), row->y);
        }
    }

  draw_footer (self, cr, page_nr);
}

static void
limber_plan_printer_end_print (GtkPrintOperation *operation,
                               GtkPrintContext   *context)
{
  clear_layout (LIMBER_PLAN_PRINTER (operation));
}

/* A tab of the print dialog, when there is a history to add. */
static GtkWidget *
limber_plan_printer_create_custom_widget (GtkPrintOperation *operation)
{
  LimberPlanPrinter *self = LIMBER_PLAN_PRINTER (operation);
  GtkWidget *check;

  if (self->log == NULL)
    return NULL;

  check = gtk_check_button_new_with_mnemonic (_("_Add the sessions of the last four weeks"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), self->with_history);
  gtk_widget_set_valign (check, GTK_ALIGN_START);
  gtk_widget_set_margin_top (check, 12);
  gtk_widget_set_margin_bottom (check, 12);
  gtk_widget_set_margin_start (check, 12);
  gtk_widget_set_margin_end (check, 12);
  return check;
}

static void
limber_plan_printer_custom_widget_apply (GtkPrintOperation *operation,
                                         GtkWidget         *widget)
{
  limber_plan_printer_set_with_history (LIMBER_PLAN_PRINTER (operation),
                                        gtk_check_button_get_active (GTK_CHECK_BUTTON (widget)));
}

static void
limber_plan_printer_constructed (GObject *object)
{
  LimberPlanPrinter *self = (LimberPlanPrinter *)object;
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (object);
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();

  G_OBJECT_CLASS (limber_plan_printer_parent_class)->constructed (object);

  /* The locale's paper, with margins that most printers reach. */
  gtk_page_setup_set_top_margin (page_setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (page_setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (page_setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (page_setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("My Plan"));
  if (self->log != NULL)
    gtk_print_operation_set_custom_tab_label (operation, _("History"));
}

static void
limber_plan_printer_dispose (GObject *object)
{
  LimberPlanPrinter *self = (LimberPlanPrinter *)object;

  clear_layout (self);
  g_clear_weak_pointer (&self->parent);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->history_problem, g_free);
  g_clear_object (&self->plan);
  g_clear_object (&self->log);

  G_OBJECT_CLASS (limber_plan_printer_parent_class)->dispose (object);
}

static void
limber_plan_printer_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LimberPlanPrinter *self = LIMBER_PLAN_PRINTER (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_SESSION_LOG:
      g_value_set_object (value, self->log);
      break;
    case PROP_WITH_HISTORY:
      g_value_set_boolean (value, self->with_history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_plan_printer_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LimberPlanPrinter *self = LIMBER_PLAN_PRINTER (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_SESSION_LOG:
      self->log = g_value_dup_object (value);
      break;
    case PROP_WITH_HISTORY:
      limber_plan_printer_set_with_history (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
limber_plan_printer_class_init (LimberPlanPrinterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = limber_plan_printer_constructed;
  object_class->dispose = limber_plan_printer_dispose;
  object_class->get_property = limber_plan_printer_get_property;
  object_class->set_property = limber_plan_printer_set_property;

  operation_class->begin_print = limber_plan_printer_begin_print;
  operation_class->draw_page = limber_plan_printer_draw_page;
  operation_class->end_print = limber_plan_printer_end_print;
  operation_class->create_custom_widget = limber_plan_printer_create_custom_widget;
  operation_class->custom_widget_apply = limber_plan_printer_custom_widget_apply;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, LIMBER_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * LimberPlanPrinter:session-log:
   *
   * Where the last four weeks come from; %NULL for a plan printed without
   * them, and no History tab in the print dialog.
   */
  properties[PROP_SESSION_LOG] =
    g_param_spec_object ("session-log", NULL, NULL, LIMBER_TYPE_SESSION_LOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * LimberPlanPrinter:with-history:
   *
   * Whether the sessions of the last four weeks are printed after the plan.
   * Off unless asked for, here or in the print dialog's History tab.
   */
  properties[PROP_WITH_HISTORY] =
    g_param_spec_boolean ("with-history", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
limber_plan_printer_init (LimberPlanPrinter *self)
{
}

/**
 * limber_plan_printer_new:
 * @log: (nullable): the history, for the last four weeks
 *
 * Returns: (transfer full): a print operation for the plan, to run once
 */
LimberPlanPrinter *
limber_plan_printer_new (LimberPlan       *plan,
                         LimberSessionLog *log)
{
  g_return_val_if_fail (LIMBER_IS_PLAN (plan), NULL);
  g_return_val_if_fail (log == NULL || LIMBER_IS_SESSION_LOG (log), NULL);

  return g_object_new (LIMBER_TYPE_PLAN_PRINTER, "plan", plan, "session-log", log, NULL);
}

LimberPlan *
limber_plan_printer_get_plan (LimberPlanPrinter *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN_PRINTER (self), NULL);

  return self->plan;
}

LimberSessionLog *
limber_plan_printer_get_session_log (LimberPlanPrinter *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN_PRINTER (self), NULL);

  return self->log;
}

gboolean
limber_plan_printer_get_with_history (LimberPlanPrinter *self)
{
  g_return_val_if_fail (LIMBER_IS_PLAN_PRINTER (self), FALSE);

  return self->with_history;
}

void
limber_plan_printer_set_with_history (LimberPlanPrinter *self,
                                      gboolean           with_history)
{
  g_return_if_fail (LIMBER_IS_PLAN_PRINTER (self));

  with_history = !!with_history;
  if (self->with_history == with_history)
    return;

  self->with_history = with_history;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WITH_HISTORY]);
}

/* cairo's PDF ends with %%EOF; a full disk cuts it short, and GTK does not
 * say so. */
static gboolean
is_whole_pdf (const char  *path,
              GError     **error)
{
  static const char end[] = "%%EOF";
  char tail[64] = "";
  FILE *file = g_fopen (path, "rb");
  gboolean found = FALSE;
  size_t n = 0;

  if (file != NULL)
    {
      if (fseek (file, -(long) (sizeof tail - 1), SEEK_END) != 0)
        rewind (file);
      n = fread (tail, 1, sizeof tail - 1, file);
      fclose (file);
    }

  /* The tail is binary, NUL bytes and all (a compressed stream ends just
   * before it): not a string to search with strstr(). */
  for (size_t i = 0; !found && i + (sizeof end - 1) <= n; i++)
    found = memcmp (tail + i, end, sizeof end - 1) == 0;

  if (!found)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("the PDF could not be written whole (is the disk full?)"));
      return FALSE;
    }

  return TRUE;
}

/**
 * limber_plan_printer_export:
 * @file: the PDF to write, on this computer
 *
 * Writes the plan as a PDF, with no dialog, and waits until it is written.
 * The PDF is made beside @file and put in its place only once whole, so a
 * failure leaves any file that was there as it was.
 *
 * Returns: %FALSE, with @error set to what went wrong (a folder that cannot
 *   be written, a full disk, a history that cannot be read)
 */
gboolean
limber_plan_printer_export (LimberPlanPrinter  *self,
                            GFile              *file,
                            GError            **error)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temporary = NULL;
  g_autoptr(GError) local_error = NULL;
  GtkPrintOperationResult result;
  int fd;

  g_return_val_if_fail (LIMBER_IS_PLAN_PRINTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("it is not a file on this computer"));
      return FALSE;
    }

  if (wants_history (self) && !read_history (self, error))
    return FALSE;

  folder = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  temporary = g_strdup_printf ("%s/.%s.XXXXXX", folder, name);
  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (self), temporary);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                    &local_error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR || !is_whole_pdf (temporary, &local_error) ||
      g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;

      if (local_error == NULL)
        g_set_error_literal (&local_error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                             g_strerror (saved_errno));
      g_unlink (temporary);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  LimberPlanPrinter *self = LIMBER_PLAN_PRINTER (operation);
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (self->parent != NULL)
        limber_compat_present_message (GTK_WIDGET (self->parent), _("The Plan Was Not Printed"),
                                       error != NULL ? error->message : NULL);
      else
        g_message ("The plan was not printed: %s", error != NULL ? error->message : "no reason given");
    }

  g_signal_handlers_disconnect_by_func (self, on_done, NULL);
  g_object_unref (self);
}

/**
 * limber_plan_printer_present:
 * @parent: the window the print dialog belongs to
 *
 * Opens the print dialog and prints what it is told to; says so if that
 * fails. The printer keeps itself until it is done ("done").
 */
void
limber_plan_printer_present (LimberPlanPrinter *self,
                             GtkWindow         *parent)
{
  g_return_if_fail (LIMBER_IS_PLAN_PRINTER (self));
  g_return_if_fail (GTK_IS_WINDOW (parent));

  g_set_weak_pointer (&self->parent, parent);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
  g_signal_connect (self, "done", G_CALLBACK (on_done), NULL);
  g_object_ref (self);
  /* Asynchronous: the result comes to on_done(), errors too. */
  gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}
