#!/usr/bin/python3
"""Checks what a -Dlocales build installs (build-aux/dev test).

check-locale-install.py DESTDIR PREFIX LOCALE…: the .mo files are exactly
those of LOCALE…, and the narration exactly the source's and theirs.
"""

import os
import sys


def main():
    destdir, prefix, *wanted = sys.argv[1:]
    share = os.path.join(destdir, prefix.lstrip("/"), "share")
    problems = []

    locale_dir = os.path.join(share, "locale")
    installed = sorted(name for name in (os.listdir(locale_dir) if os.path.isdir(locale_dir) else [])
                       if os.path.exists(os.path.join(locale_dir, name, "LC_MESSAGES", "limber.mo")))
    if installed != sorted(wanted):
        problems.append(f"translations installed: {installed}, wanted {sorted(wanted)}")

    narration_dir = os.path.join(share, "limber", "narration")
    if os.path.isdir(narration_dir):
        voices = sorted(name for name in os.listdir(narration_dir)
                        if os.path.isdir(os.path.join(narration_dir, name)))
        if voices != sorted(["C"] + wanted):
            problems.append(f"narration installed: {voices}, wanted {sorted(['C'] + wanted)}")
        for voice in voices:
            clips = [f for _, _, files in os.walk(os.path.join(narration_dir, voice)) for f in files if f.endswith(".ogg")]
            if len(clips) < 30:
                problems.append(f"narration {voice}: only {len(clips)} clips")

    for problem in problems:
        print(f"check-locale-install: {problem}", file=sys.stderr)
    print(f"check-locale-install: {'ok' if not problems else 'FAILED'} "
          f"(translations {installed}, narration under {narration_dir})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
