#!/usr/bin/python3
"""Shows icons the way GTK draws them, at the sizes people see, and saves the view.

render-icons.py --output SHEET.png ICON.svg…  (under tests/run-under-xvfb;
needs ImageMagick's `import`)

Each icon gets a row at 16, 32, 64 and 128 px, on a light and on a dark
background, drawn by GtkImage in a real window and found by name in an icon
theme, as an installed app's icons are. A file named …-symbolic.svg is
recoloured as GTK recolours symbolic icons, with each background's text
colour: a shape GTK would fill where its artist meant a line shows up here
as GTK shows it.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

import gi

gi.require_version("Gdk", "4.0")
gi.require_version("Gtk", "4.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402

SIZES = [16, 32, 64, 128]
GAP = 16
# Adwaita's window background and text colours, light and dark.
STYLE = b"""
.light { background: #fafafa; color: #2e3436; }
.dark { background: #242424; color: #ffffff; }
"""


def install_in_theme(icons, theme_dir):
    """Copies each icon where an app installs it (hicolor), and returns its name.
    GTK recolours a symbolic icon only when the theme finds it by name."""
    names = []
    for path in icons:
        name = os.path.basename(path).removesuffix(".svg")
        folder = os.path.join(theme_dir, "hicolor", "symbolic" if name.endswith("-symbolic") else "scalable", "apps")
        os.makedirs(folder, exist_ok=True)
        shutil.copy(path, folder)
        names.append(name)
    return names


def icon_row(name):
    row = Gtk.Box(spacing=GAP, valign=Gtk.Align.END)
    for size in SIZES:
        row.append(Gtk.Image(icon_name=name, pixel_size=size, valign=Gtk.Align.END))
    return row


def build_sheet(names):
    grid = Gtk.Grid()
    for column, style in enumerate(["light", "dark"]):
        half = Gtk.Box(orientation=Gtk.Orientation.VERTICAL, spacing=GAP)
        half.add_css_class(style)
        inner = Gtk.Box(orientation=Gtk.Orientation.VERTICAL, spacing=GAP, margin_start=GAP, margin_end=GAP,
                        margin_top=GAP, margin_bottom=GAP)
        for name in names:
            inner.append(icon_row(name))
        half.append(inner)
        grid.attach(half, column, 0, 1, 1)
    return grid


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", required=True)
    parser.add_argument("icons", nargs="+")
    args = parser.parse_args()

    Gtk.init()
    provider = Gtk.CssProvider()
    provider.load_from_data(STYLE, -1) if Gtk.get_minor_version() >= 12 else provider.load_from_data(STYLE)
    Gtk.StyleContext.add_provider_for_display(Gdk.Display.get_default(), provider,
                                              Gtk.STYLE_PROVIDER_PRIORITY_APPLICATION)
    theme_dir = tempfile.mkdtemp(prefix="render-icons-")
    names = install_in_theme(args.icons, theme_dir)
    theme = Gtk.IconTheme.get_for_display(Gdk.Display.get_default())
    theme.add_search_path(theme_dir)
    missing = [name for name in names if not theme.has_icon(name)]
    if missing:
        print(f"render-icons: the icon theme does not find {missing}", file=sys.stderr)
        return 1
    window = Gtk.Window(decorated=False, child=build_sheet(names))
    loop = GLib.MainLoop()
    status = []

    def capture():
        width, height = window.get_width(), window.get_height()
        # With no window manager the window sits at the screen's top-left corner.
        result = subprocess.run(["import", "-window", "root", "-crop", f"{width}x{height}+0+0", "+repage",
                                 args.output])
        status.append(result.returncode)
        loop.quit()
        return GLib.SOURCE_REMOVE

    # Drawn within a second even on a busy machine; the icons load synchronously.
    window.connect("map", lambda *_: GLib.timeout_add(1000, capture))
    window.present()
    loop.run()
    shutil.rmtree(theme_dir)
    if status != [0]:
        print(f"render-icons: could not save {args.output}", file=sys.stderr)
        return 1
    print(f"render-icons: {args.output}: {len(args.icons)} icons at {SIZES} px, light and dark")
    return 0


if __name__ == "__main__":
    sys.exit(main())
