#!/usr/bin/python3
"""The Flatpak manifest keeps to what Flathub accepts and what Limber needs.

check-flatpak-manifest.py MANIFEST: plain JSON, keys in Flathub's customary
order, exactly the allowed sandbox holes (no network, no file system: import
and export go through the file chooser portal), espeak-ng built for the
narration and cleaned out of the result, Limber from a pinned git source.
"""

import json
import re
import sys

APP_ID = "io.github.limberapp.Limber"
FINISH_ARGS = ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri", "--socket=pulseaudio"]
TOP_KEYS = ["id", "runtime", "runtime-version", "sdk", "command", "finish-args", "cleanup", "modules"]
MODULE_KEYS = ["name", "buildsystem", "config-opts", "no-parallel-make", "cleanup", "sources"]
# espeak-ng renders the clips at build time; none of it is needed to run.
ESPEAK_LEFTOVERS = ["/bin/espeak-ng", "/lib/libespeak-ng*", "/share/espeak-ng-data", "/include"]


def in_order(keys, order):
    known = [key for key in keys if key in order]
    return known == sorted(known, key=order.index)


def unique_keys(pairs):
    """Plain JSON allows a key twice; flatpak-builder would keep only the last."""
    keys = [key for key, _ in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"duplicate keys {duplicates}")
    return dict(pairs)


def main():
    with open(sys.argv[1]) as f:
        manifest = json.load(f, object_pairs_hook=unique_keys)
    problems = []

    expected = {"id": APP_ID, "runtime": "org.gnome.Platform", "runtime-version": "50", "sdk": "org.gnome.Sdk",
                "command": "limber", "finish-args": FINISH_ARGS}
    for key, value in expected.items():
        if manifest.get(key) != value:
            problems.append(f"{key} is {manifest.get(key)!r}, not {value!r}")
    if set(manifest) - set(TOP_KEYS):
        problems.append(f"unexpected top-level keys {sorted(set(manifest) - set(TOP_KEYS))}")
    if not in_order(list(manifest), TOP_KEYS):
        problems.append(f"top-level keys not in the order {TOP_KEYS}")

    modules = {module["name"]: module for module in manifest.get("modules", [])}
    if list(modules) != ["espeak-ng", "limber"]:
        problems.append(f"modules are {list(modules)}, not espeak-ng then limber")
    for name, module in modules.items():
        if not in_order(list(module), MODULE_KEYS):
            problems.append(f"module {name}: keys not in the order {MODULE_KEYS}")
        for source in module.get("sources", []):
            if source.get("type") == "archive" and not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
                problems.append(f"module {name}: archive {source.get('url')} without a sha256")
            if source.get("type") == "git" and not (source.get("tag") or source.get("commit")):
                problems.append(f"module {name}: git source without a tag or commit")
            if source.get("type") in ("dir", "file") or "path" in source:
                problems.append(f"module {name}: a local source cannot be built on Flathub")

    espeak = modules.get("espeak-ng", {})
    for leftover in ESPEAK_LEFTOVERS:
        if leftover not in espeak.get("cleanup", []):
            problems.append(f"module espeak-ng: cleanup does not remove {leftover}")
    limber = modules.get("limber", {})
    if limber.get("buildsystem") != "meson" or "-Dnarration=enabled" not in limber.get("config-opts", []):
        problems.append("module limber: not a meson build with -Dnarration=enabled")
    if not any(s.get("type") == "git" and s.get("url") == "https://github.com/limberapp/limber.git"
               for s in limber.get("sources", [])):
        problems.append("module limber: not built from its git repository")

    for problem in problems:
        print(f"check-flatpak-manifest: {problem}", file=sys.stderr)
    print(f"check-flatpak-manifest: {'ok' if not problems else 'FAILED'}: {sys.argv[1]}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
