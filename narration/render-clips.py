#!/usr/bin/python3
"""Renders one locale's narration clips (called by Meson, see narration/meson.build).

Asks limber-narration-texts what each clip says in that locale, speaks it with
espeak-ng and encodes it as Ogg Opus at 48 kHz with GStreamer. The clips land
in OUTDIR/<exercise-id>/intro.ogg and step-N.ogg; the stamp file is written last.
"""

import argparse
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile


def compile_translation(po_dir, locale, localedir):
    """The source locale needs none; others are compiled from po/<locale>.po."""
    if locale == "C":
        return
    target = os.path.join(localedir, locale, "LC_MESSAGES")
    os.makedirs(target)
    subprocess.run(["msgfmt", "-o", os.path.join(target, "limber.mo"), os.path.join(po_dir, locale + ".po")],
                   check=True)


def render(espeak, gst_launch, voice, text, output, scratch):
    wav = os.path.join(scratch, os.path.basename(os.path.dirname(output)) + "-" + os.path.basename(output) + ".wav")
    subprocess.run([espeak, "-v", voice, "-w", wav, "--", text], check=True)
    # espeak-ng speaks at 22,050 Hz; Opus wants 48 kHz.
    partial = output + ".partial"
    subprocess.run([gst_launch, "-q", "filesrc", f"location={wav}", "!", "wavparse", "!", "audioconvert", "!",
                    "audioresample", "!", "audio/x-raw,rate=48000", "!", "opusenc", "!", "oggmux", "!",
                    "filesink", f"location={partial}"], check=True)
    os.replace(partial, output)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--texts", required=True, help="the limber-narration-texts program")
    parser.add_argument("--espeak", required=True)
    parser.add_argument("--gst-launch", required=True)
    parser.add_argument("--po-dir", required=True)
    parser.add_argument("--locale", required=True)
    parser.add_argument("--voice", required=True, help="the espeak-ng voice")
    parser.add_argument("--outdir", required=True)
    parser.add_argument("--stamp", required=True)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="limber-narration.") as scratch:
        localedir = os.path.join(scratch, "locale")
        compile_translation(args.po_dir, args.locale, localedir)
        listing = subprocess.run([args.texts, localedir, args.locale], check=True, capture_output=True,
                                 text=True).stdout

        # Clips of removed steps must not survive a rebuild.
        shutil.rmtree(args.outdir, ignore_errors=True)
        jobs = []
        for line in listing.splitlines():
            exercise_id, name, text = line.split("\t", 2)
            os.makedirs(os.path.join(args.outdir, exercise_id), exist_ok=True)
            jobs.append((text, os.path.join(args.outdir, exercise_id, name)))

        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            futures = [pool.submit(render, args.espeak, args.gst_launch, args.voice, text, output, scratch)
                       for text, output in jobs]
            for future in futures:
                future.result()

    with open(args.stamp, "w") as stamp:
        stamp.write(f"{len(jobs)} clips\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
