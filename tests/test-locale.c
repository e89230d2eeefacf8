/* test-locale.c: Limber in one language, run once for each that is built
 * (LIMBER_TEST_LOCALE, with LANGUAGE set to match).
 *
 * Copyright 2026 The Limber developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "limber-config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <X11/keysym.h>

#include "limber-catalog.h"
#include "limber-compat.h"
#include "limber-plan-page.h"
#include "limber-window-private.h"
#include "window-helpers.h"
#ifdef HAVE_NARRATION
#include "limber-synthesizer.h"
#endif

static const char *locale_name;
static LimberCatalog *catalog;
static LimberApplication *application;

static gboolean
is_source (void)
{
  return g_str_equal (locale_name, "C");
}

static const char *
step (const char *id,
      guint       index)
{
  return limber_exercise_get_steps (limber_catalog_lookup (catalog, id))[index];
}

static char *
joined (const char * const *paragraphs)
{
  return g_strjoinv (" ", (GStrv)paragraphs);
}

static void
test_locale_catalog (void)
{
  g_autofree char *introduction = joined (limber_catalog_get_introduction (catalog));
  g_autofree char *follow_up = joined (limber_catalog_get_follow_up_care (catalog));
  const char *title = limber_exercise_get_title (limber_catalog_lookup (catalog, "midback-stretch"));

  g_test_message ("%s: “%s”; “%s”", locale_name, title, step ("wall-push-up", 0));

  if (is_source ())
    {
      /* The Canadian edition. */
      g_assert_cmpstr (title, ==, "Midback stretch");
      g_assert_nonnull (strstr (step ("wall-push-up", 0), "30 to 60 cm"));
      g_assert_nonnull (strstr (introduction, "physiotherapist"));
      g_assert_nonnull (strstr (follow_up, "811"));
    }
  else if (g_str_equal (locale_name, "en_US"))
    {
      /* The US edition's differences. */
      g_assert_nonnull (strstr (step ("wall-push-up", 0), "12 to 24 inches"));
      g_assert_null (strstr (step ("wall-push-up", 0), "cm"));
      g_assert_nonnull (strstr (introduction, "physical therapist"));
      g_assert_null (strstr (introduction, "physiotherapist"));
      g_assert_null (strstr (follow_up, "811"));
    }
  else
    {
      GListModel *exercises = G_LIST_MODEL (catalog);

      static const char *source_titles[] = {
        "Lower neck and upper back stretch", "Midback stretch", "Shoulder roll",
        "Wall push-up", "Resisted shoulder blade squeeze", "Resisted rows",
      };

      /* Translated, every title, with the numbers of the steps kept. */
      g_assert_cmpuint (g_list_model_get_n_items (exercises), ==, G_N_ELEMENTS (source_titles));
      for (guint i = 0; i < g_list_model_get_n_items (exercises); i++)
        {
          g_autoptr(LimberExercise) exercise = g_list_model_get_item (exercises, i);

          g_assert_cmpstr (limber_exercise_get_title (exercise), !=, source_titles[i]);
        }
      g_assert_cmpstr (step ("shoulder-blade-squeeze", 2), !=, "Let go of the effort and relax.");
      g_assert_nonnull (strstr (step ("wall-push-up", 0), "30"));
      g_assert_nonnull (strstr (step ("wall-push-up", 0), "60"));
      g_assert_nonnull (strstr (step ("rhomboid-stretch", 4), "15"));
      g_assert_nonnull (strstr (step ("rhomboid-stretch", 4), "30"));
      g_assert_nonnull (strstr (step ("wall-push-up", 3), "8"));
      g_assert_nonnull (strstr (step ("wall-push-up", 3), "12"));
      /* Translated UI, too. */
      g_assert_cmpstr (_("Follow-up Care"), !=, "Follow-up Care");
    }
}

static gboolean
has_number (const char *text,
            const char *number)
{
  /* As a whole number: "3" is not in "30". */
  for (const char *at = strstr (text, number); at != NULL; at = strstr (at + 1, number))
    if ((at == text || !g_ascii_isdigit (at[-1])) && !g_ascii_isdigit (at[strlen (number)]))
      return TRUE;

  return FALSE;
}

/* A prescription's numbers replace the handout's ranges in the steps, in
 * every language, and each plural form is the language's own. */
static void
test_locale_prescribed_numbers (void)
{
  LimberExercise *rhomboid = limber_catalog_lookup (catalog, "rhomboid-stretch");
  LimberExercise *push_up = limber_catalog_lookup (catalog, "wall-push-up");
  g_autofree char *hold = limber_exercise_dup_step_text (rhomboid, 4, 20, 3);
  g_autofree char *times = limber_exercise_dup_step_text (rhomboid, 5, 20, 3);
  g_autofree char *pushes = limber_exercise_dup_step_text (push_up, 3, 0, 10);

  g_test_message ("%s: “%s” “%s” “%s”", locale_name, hold, times, pushes);
  g_assert_true (has_number (hold, "20"));
  g_assert_false (has_number (hold, "15") || has_number (hold, "30"));
  g_assert_true (has_number (times, "3"));
  g_assert_false (has_number (times, "2") || has_number (times, "4"));
  g_assert_true (has_number (pushes, "10"));
  g_assert_false (has_number (pushes, "8") || has_number (pushes, "12"));

  if (g_str_equal (locale_name, "ar"))
    {
      /* Arabic's six forms: 0, 1, 2, 3–10, 11–99, 100–102. */
      static const struct { guint n; const char *noun; } forms[] = {
        { 0, "ثانية" }, { 1, "ثانية" }, { 2, "ثانيتين" }, { 5, "ثوانٍ" }, { 20, "ثانية" }, { 101, "ثانية" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
        {
          g_autofree char *n = g_strdup_printf ("%u", forms[i].n);
          g_autofree char *text = g_strdup_printf (ngettext ("Stay in the stretch for %u second.",
                                                             "Stay in the stretch for %u seconds.", forms[i].n),
                                                   forms[i].n);

          g_test_message ("ar, %u: %s", forms[i].n, text);
          g_assert_true (has_number (text, n));
          g_assert_nonnull (strstr (text, forms[i].noun));
        }
      {
        g_autofree char *twelve = limber_exercise_dup_step_text (push_up, 3, 0, 12);

        g_assert_nonnull (strstr (times, "مرات"));
        g_assert_nonnull (strstr (pushes, "مرات"));
        g_assert_nonnull (strstr (twelve, "12 مرة"));
      }
    }
  else
    {
      g_autofree char *one = g_strdup_printf (ngettext ("Make %u circle.", "Make %u circles.", 1), 7);
      g_autofree char *three = g_strdup_printf (ngettext ("Make %u circle.", "Make %u circles.", 3), 7);

      /* One circle and three circles are not the same word, in these languages. */
      g_assert_cmpstr (one, !=, three);
    }
}

typedef struct
{
  GBytes *audio;
  char   *voice;
  char   *missing;
} Synthesized;

static void
on_synthesized (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Synthesized *synthesized = user_data;
  g_autoptr(GError) error = NULL;

  synthesized->audio = limber_synthesizer_synthesize_finish (LIMBER_SYNTHESIZER (source), result, &synthesized->voice,
                                                             &synthesized->missing, &error);
  g_assert_no_error (error);
}

/* The coach speaks the language's own words in the language's own voice. */
static void
test_locale_voice (void)
{
#ifdef HAVE_NARRATION
  Synthesized synthesized = { NULL };
  g_autofree char *expected = limber_synthesizer_dup_voice_language (is_source () ? "en" : locale_name);

  limber_synthesizer_synthesize_async (limber_synthesizer_get_default (), step ("wall-push-up", 0),
                                       g_get_language_names (), 150, NULL, on_synthesized, &synthesized);
  while (synthesized.audio == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_test_message ("%s speaks with the voice %s", locale_name, synthesized.voice);
  g_assert_null (synthesized.missing);
  g_assert_cmpuint (g_bytes_get_size (synthesized.audio), >, LIMBER_SYNTHESIZER_SAMPLE_RATE);
  /* espeak-ng names its voices by family: "gmw/en", "roa/fr", "sem/ar". */
  g_assert_cmpint (g_ascii_strcasecmp (strrchr (synthesized.voice, '/') != NULL ? strrchr (synthesized.voice, '/') + 1
                                                                              : synthesized.voice, expected), ==, 0);

  g_bytes_unref (synthesized.audio);
  g_free (synthesized.voice);
#else
  g_test_skip ("built without narration");
#endif
}

static void
test_locale_direction (void)
{
  gboolean rtl = g_str_equal (locale_name, "ar");

  g_assert_cmpint (gtk_widget_get_default_direction (), ==, rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
}

/* Right to left, the next slide is to the left: the arrow keys follow. */
static void
test_locale_carousel_direction (void)
{
  LimberWindow *window;
  SlideTarget target;
  KeySym forward, back;

  window = open_window (GTK_APPLICATION (application), catalog);
  target.window = window;

  forward = gtk_widget_get_direction (GTK_WIDGET (window)) == GTK_TEXT_DIR_RTL ? XK_Left : XK_Right;
  back = forward == XK_Left ? XK_Right : XK_Left;

  press_key (window, forward);
  target.index = 1;
  wait_until (carousel_settled_at, &target, "the forward arrow to reach slide 2");

  g_signal_emit_by_name (find_actionable (GTK_WIDGET (window), "slide.next"), "clicked");
  target.index = 2;
  wait_until (carousel_settled_at, &target, "Next to reach slide 3");

  press_key (window, back);
  target.index = 1;
  wait_until (carousel_settled_at, &target, "the back arrow to reach slide 2");

  close_window (window);
}

typedef struct
{
  GtkWidget *widget;
  int        width;
} WidthTarget;

static gboolean
has_width (gpointer data)
{
  WidthTarget *target = data;

  return gtk_widget_get_width (target->widget) == target->width;
}

/* A label shows all of its text: not ellipsized, its text no larger than
 * its allocation (the text's own size: a measure would count CSS padding
 * that an allocation does not), and inside the dialog. */
static void
assert_label_whole (GtkLabel  *label,
                    GtkWidget *dialog)
{
  GtkWidget *widget = GTK_WIDGET (label);
  const char *text = gtk_label_get_text (label);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout *layout = gtk_label_get_layout (label);
  int text_width, text_height;
  graphene_rect_t bounds;

  if (*text == '\0')
    return;

  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  if (pango_layout_is_ellipsized (layout))
    {
      int natural_width;

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural_width, NULL, NULL);
      g_error ("%s: “%s” is ellipsized: %d px wide, its text needs %d", locale_name, text, width, natural_width);
    }
  if (text_width > width || text_height > height)
    g_error ("%s: “%s” is cut off: %d × %d px for text of %d × %d", locale_name, text, width, height, text_width,
             text_height);

  g_assert_true (gtk_widget_compute_bounds (widget, dialog, &bounds));
  if (bounds.origin.x < 0 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (dialog) + 0.5)
    g_error ("%s: “%s” is outside the dialog, at %g to %g of %d px", locale_name, text, bounds.origin.x,
             bounds.origin.x + bounds.size.width, gtk_widget_get_width (dialog));
}

static guint
assert_labels_whole (GtkWidget *widget,
                     GtkWidget *dialog)
{
  guint n_labels = 0;

  if (!gtk_widget_get_mapped (widget))
    return 0;

  if (GTK_IS_LABEL (widget))
    {
      assert_label_whole (GTK_LABEL (widget), dialog);
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n_labels += assert_labels_whole (child, dialog);

  return n_labels;
}

static gboolean
plan_dialog_is_open (gpointer data)
{
  GtkWidget *dialog = limber_window_get_plan_dialog (data);

  return dialog != NULL && gtk_widget_get_mapped (dialog);
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return gtk_widget_get_width (widget) > 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
shows_reset_toast (gpointer data)
{
  return shows_label (data, _("Plan reset"));
}

/* My Plan as on a phone, 360 pixels wide, in this language: every title and
 * subtitle whole (they wrap), and nothing to scroll sideways. */
static void
test_locale_my_plan_narrow (void)
{
  LimberWindow *window = open_window (GTK_APPLICATION (application), catalog);
  LimberPlan *plan = limber_window_get_plan (window);
  g_autoptr(LimberExercise) first = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  WidthTarget target = { NULL, 360 };
  GtkWidget *dialog;
  GtkWidget *page;
  GtkWidget *scroller;
  GtkAdjustment *horizontal;
  int scroller_min;
  guint n_labels;

  /* Something set and something not, so both kinds of row show. */
  limber_plan_set_prescribed_hold (plan, first, limber_exercise_get_hold_max (first));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-plan", NULL);
  wait_until (plan_dialog_is_open, window, "My Plan to open");
  dialog = limber_window_get_plan_dialog (window);
  page = find_widget_of_type (dialog, LIMBER_TYPE_PLAN_PAGE);

  /* A window of its own on libadwaita 1.2: made as narrow as the screen;
   * else a dialog inside the window, which it fits. */
  if (GTK_IS_WINDOW (dialog))
    gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 720);
  target.widget = dialog;
  target.width = GTK_IS_WINDOW (dialog) ? 360 : MIN (gtk_widget_get_width (GTK_WIDGET (window)), 360);
  wait_until (has_width, &target, "My Plan to be 360 pixels wide");
  /* One more frame, so that the rows have their new sizes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  n_labels = assert_labels_whole (dialog, dialog);
  g_test_message ("%s: %u labels whole at %d px", locale_name, n_labels, gtk_widget_get_width (dialog));
  g_assert_cmpuint (n_labels, >, 20);

  scroller = find_widget_of_type (page, GTK_TYPE_SCROLLED_WINDOW);
  horizontal = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (horizontal), <=, gtk_adjustment_get_page_size (horizontal));
  gtk_widget_measure (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &scroller_min, NULL, NULL, NULL);
  g_assert_cmpint (scroller_min, <=, gtk_widget_get_width (scroller));

  /* And the toast that offers Undo after a reset. */
  gtk_widget_activate_action (page, "plan.reset", NULL);
  wait_until (shows_reset_toast, dialog, "the toast after Reset");
  /* Past its animation. */
  {
    gboolean waited = FALSE;

    g_timeout_add_once (500, (GSourceOnceFunc)set_true, &waited);
    wait_until (is_true, &waited, "the toast to settle");
  }
  n_labels = assert_labels_whole (dialog, dialog);
  gtk_widget_activate_action (page, "plan.undo-reset", NULL);
  g_assert_cmpuint (limber_plan_get_prescribed_hold (plan, first), ==, limber_exercise_get_hold_max (first));

  limber_compat_close_dialog (dialog);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  locale_name = g_getenv ("LIMBER_TEST_LOCALE");
  g_assert_nonnull (locale_name);

  /* This test is about the user's locale, and the text direction GTK takes
   * from it, as at start-up in the app. */
  init_in_user_locale (&argc, &argv);
  application = register_test_application ();

  catalog = limber_catalog_new_default (NULL);

  g_test_add_func ("/locale/catalog", test_locale_catalog);
  g_test_add_func ("/locale/prescribed-numbers", test_locale_prescribed_numbers);
  g_test_add_func ("/locale/voice", test_locale_voice);
  g_test_add_func ("/locale/direction", test_locale_direction);
  g_test_add_func ("/locale/carousel-direction", test_locale_carousel_direction);
  g_test_add_func ("/locale/my-plan-narrow", test_locale_my_plan_narrow);

  status = g_test_run ();
  g_clear_object (&catalog);
  g_clear_object (&application);

  return status;
}
