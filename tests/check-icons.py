#!/usr/bin/python3
"""The app icons on the GNOME icon grid, a symbolic icon GTK can recolour, and
brand colours that stand out against the icon (meson test icons).

check-icons.py --icons-dir DIR --metainfo FILE.metainfo.xml.in: renders each
full-colour icon at 128 px, as software centres do, and measures it; reads
the symbolic icon's shapes; computes the contrast of the metainfo's brand
colours with the icon's tile. build-aux/render-icons.py shows them all as
GTK draws them, for looking at.
"""

import argparse
import collections
import os
import sys
import xml.etree.ElementTree as ElementTree

import gi

gi.require_version("GdkPixbuf", "2.0")
from gi.repository import GdkPixbuf  # noqa: E402

APP_ID = "io.github.limberapp.Limber"
CANVAS = 128
# The GNOME app icon grid (issue #14): a square icon takes at most 103 px of
# the 128 px canvas, centred; GNOME's own icons end 8 px above the canvas's
# bottom (Text Editor and Calculator both reach 120 px).
GRID = 103
BASELINE = 120
# WCAG's minimum for shapes against their background (1.4.11, non-text).
MIN_CONTRAST = 3.0
SVG = "{http://www.w3.org/2000/svg}"
# GTK recolours a symbolic icon with the style sheet "rect,circle,path
# { fill: … !important }": any other element keeps its own colour.
RECOLOURED = {"rect", "circle", "path"}


def render(path, size):
    pixbuf = GdkPixbuf.Pixbuf.new_from_file_at_size(path, size, size)
    if not pixbuf.get_has_alpha():
        pixbuf = pixbuf.add_alpha(False, 0, 0, 0)
    return pixbuf


def opaque_pixels(pixbuf):
    """(x, y, (r, g, b)) of every pixel at least half opaque."""
    pixels, stride, channels = pixbuf.get_pixels(), pixbuf.get_rowstride(), pixbuf.get_n_channels()
    for y in range(pixbuf.get_height()):
        for x in range(pixbuf.get_width()):
            offset = y * stride + x * channels
            if pixels[offset + 3] >= 128:
                yield x, y, tuple(pixels[offset:offset + 3])


def luminance(rgb):
    def linear(channel):
        channel /= 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def hex_colour(text):
    text = text.strip().lstrip("#")
    return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))


def check_app_icon(path, problems):
    """Returns the tile's colour: the commonest colour of the icon."""
    pixels = list(opaque_pixels(render(path, CANVAS)))
    xs = [x for x, _, _ in pixels]
    ys = [y for _, y, _ in pixels]
    left, right, top, bottom = min(xs), max(xs) + 1, min(ys), max(ys) + 1
    name = os.path.basename(path)
    print(f"{name}: {right - left} × {bottom - top} px at ({left}, {top}) on the {CANVAS} px canvas")
    if right - left > GRID or bottom - top > GRID:
        problems.append(f"{name} is {right - left} × {bottom - top} px, larger than the {GRID} px grid")
    if abs(left - (CANVAS - right)) > 1:
        problems.append(f"{name} is not centred: {left} px on the left, {CANVAS - right} px on the right")
    if bottom > BASELINE:
        problems.append(f"{name} reaches {bottom} px, below the baseline at {BASELINE} px")
    return collections.Counter(rgb for _, _, rgb in pixels).most_common(1)[0][0]


def check_symbolic_icon(path, problems):
    name = os.path.basename(path)
    root = ElementTree.parse(path).getroot()
    if (root.get("width"), root.get("height")) != ("16", "16"):
        problems.append(f"{name} is {root.get('width')} × {root.get('height')}, not 16 × 16")
    shapes = 0
    for element in root.iter():
        tag = element.tag.removeprefix(SVG)
        style = element.get("style", "")
        if element.get("stroke") not in (None, "none") or "stroke:" in style.replace(" ", ""):
            problems.append(f"{name}: <{tag}> has a stroke, which GTK does not recolour")
        if element.get("fill") == "none" or "fill:none" in style.replace(" ", ""):
            problems.append(f"{name}: <{tag}> has no fill, and GTK would fill it")
        if tag in ("svg", "g", "title", "desc", "defs"):
            continue
        if tag not in RECOLOURED:
            problems.append(f"{name}: <{tag}> is not one of the shapes GTK recolours ({', '.join(sorted(RECOLOURED))})")
        shapes += 1
    print(f"{name}: {shapes} filled shapes")
    if not shapes:
        problems.append(f"{name} draws nothing")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--icons-dir", required=True, help="data/icons/hicolor")
    parser.add_argument("--metainfo", required=True)
    args = parser.parse_args()
    problems = []

    apps = os.path.join(args.icons_dir, "scalable", "apps")
    tile = check_app_icon(os.path.join(apps, f"{APP_ID}.svg"), problems)
    devel_tile = check_app_icon(os.path.join(apps, f"{APP_ID}.Devel.svg"), problems)
    if devel_tile != tile:
        problems.append(f"the Devel icon's tile is #{bytes(devel_tile).hex()}, not the release's #{bytes(tile).hex()}")
    with open(os.path.join(apps, f"{APP_ID}.svg"), "rb") as release, \
         open(os.path.join(apps, f"{APP_ID}.Devel.svg"), "rb") as devel:
        if release.read() == devel.read():
            problems.append("the Devel icon is the release icon")
    check_symbolic_icon(os.path.join(args.icons_dir, "symbolic", "apps", f"{APP_ID}-symbolic.svg"), problems)

    colours = ElementTree.parse(args.metainfo).getroot().findall("branding/color")
    schemes = {colour.get("scheme_preference"): colour.text for colour in colours}
    if set(schemes) != {"light", "dark"}:
        problems.append(f"brand colours for {sorted(schemes)}, not for light and dark")
    for scheme, colour in sorted(schemes.items()):
        ratio = contrast(hex_colour(colour), tile)
        print(f"brand colour ({scheme}) {colour.strip()} against the tile #{bytes(tile).hex()}: {ratio:.2f}:1")
        if ratio < MIN_CONTRAST:
            problems.append(f"the {scheme} brand colour {colour.strip()} is {ratio:.2f}:1 against the icon's tile "
                            f"#{bytes(tile).hex()}, under {MIN_CONTRAST}:1")

    for problem in problems:
        print(f"check-icons: {problem}", file=sys.stderr)
    print(f"check-icons: {'ok' if not problems else 'FAILED'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
