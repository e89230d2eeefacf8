#!/usr/bin/python3
"""Screenshots of the real app under Xvfb (build-aux/dev screenshots).

Run under tests/run-under-xvfb, which gives it a fresh Xvfb and D-Bus session.
It starts Limber at a given window size and colour scheme, presses keys as a person would (XTest via xdotool),
and saves the window alone.
"""

import argparse
import os
import subprocess
import sys
import time


def wait_for_window(env, name="Limber"):
    for _ in range(200):
        result = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{name}$"],
                                env=env, capture_output=True, text=True)
        if result.stdout.strip():
            return result.stdout.split()[0]
        time.sleep(0.05)
    sys.exit("screenshot: the window did not appear")


def shoot(build_dir, output, width, height, scheme, keys, settle, plan=None, capture="Limber",
          text_scale=1.0, high_contrast=False):
    # Settings in a keyfile of the run's own (run-under-xvfb gives a fresh
    # XDG_CONFIG_HOME), so that a plan can be imported first.
    env = dict(os.environ, GSETTINGS_BACKEND="keyfile", GSETTINGS_SCHEMA_DIR=os.path.join(build_dir, "data"),
               LIMBER_LOCALEDIR=os.path.join(build_dir, "po"), LIMBER_NARRATION_DIR=os.path.join(build_dir, "narration"),
               ADW_DEBUG_COLOR_SCHEME=scheme, LC_ALL=os.environ.get("LC_ALL", "C.UTF-8"))
    if high_contrast:
        env["ADW_DEBUG_HIGH_CONTRAST"] = "1"
    settings_daemon = None
    if text_scale != 1.0:
        # What GNOME's text scaling factor does on X11: the settings daemon
        # announces a larger font DPI over XSETTINGS.
        config = os.path.join(env.get("XDG_RUNTIME_DIR", "/tmp"), "xsettingsd.conf")
        with open(config, "w") as f:
            f.write(f"Xft/DPI {int(96 * 1024 * text_scale)}\n")
        settings_daemon = subprocess.Popen(["xsettingsd", "-c", config], env=env,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)
    limber = os.path.join(build_dir, "src", "limber")
    if plan:
        subprocess.run([limber, "--import-plan", plan], env=env, check=True, stdout=subprocess.DEVNULL)
    app = subprocess.Popen([limber], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        window = wait_for_window(env)
        subprocess.run(["xdotool", "windowsize", "--sync", window, str(width), str(height)], env=env, check=True)
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=True)
        time.sleep(settle)
        for key in keys:
            subprocess.run(["xdotool", "key", "--clearmodifiers", key], env=env, check=True)
            time.sleep(settle)
        time.sleep(settle)
        if capture != "Limber":
            window = wait_for_window(env, capture)
        subprocess.run(["import", "-window", window, output], env=env, check=True)
    finally:
        app.terminate()
        app.wait()
        if settings_daemon is not None:
            settings_daemon.terminate()
            settings_daemon.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--size", default="860x700")
    parser.add_argument("--scheme", default="prefer-light", choices=["prefer-light", "prefer-dark", "default"])
    parser.add_argument("--settle", type=float, default=0.6, help="seconds to let each key's animation finish")
    parser.add_argument("--plan", help="a plan file to import before starting")
    parser.add_argument("--capture", default="Limber", help="title of the window to capture")
    parser.add_argument("--text-scale", type=float, default=1.0, help="like GNOME's Large Text (1.25)")
    parser.add_argument("--high-contrast", action="store_true")
    parser.add_argument("keys", nargs="*", help="keys to press first, e.g. Right End ctrl+comma")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    shoot(args.build_dir, args.output, width, height, args.scheme, args.keys, args.settle, args.plan, args.capture,
          args.text_scale, args.high_contrast)


if __name__ == "__main__":
    main()
