#!/usr/bin/python3
"""Screenshots of the real app under Xvfb (build-aux/dev screenshots).

Run under tests/run-under-xvfb, which gives it a fresh Xvfb and D-Bus session.
It starts Limber at a given window size and colour scheme, presses keys as a person would (XTest via xdotool),
and saves the window alone.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time

from bench import start_sound_server


def wait_for_window(env, name="Limber"):
    for _ in range(200):
        result = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{name}$"],
                                env=env, capture_output=True, text=True)
        if result.stdout.strip():
            return result.stdout.split()[0]
        time.sleep(0.05)
    sys.exit("screenshot: the window did not appear")


def capture_painted(env, window, output):
    """Saves the window once it has been drawn: on a busy machine the first
    frame can come after the keys' settle time, and an unpainted window is
    one flat colour."""
    for _ in range(40):
        subprocess.run(["import", "-window", window, output], env=env, check=True)
        colours = subprocess.run(["identify", "-format", "%k", output], capture_output=True, text=True, check=True)
        if int(colours.stdout) > 16:
            return
        time.sleep(0.5)
    sys.exit(f"screenshot: the window was never drawn ({output})")


def shoot(build_dir, output, width, height, scheme, keys, settle, plan=None, capture="Limber",
          text_scale=1.0, high_contrast=False, sound=False, wait=0.0, app_args=(), history=None):
    # Settings in a keyfile of the run's own (run-under-xvfb gives a fresh
    # XDG_CONFIG_HOME), so that a plan can be imported first.
    env = dict(os.environ, GSETTINGS_BACKEND="keyfile", GSETTINGS_SCHEMA_DIR=os.path.join(build_dir, "data"),
               LIMBER_LOCALEDIR=os.path.join(build_dir, "po"),
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
    # Narration wants a real output: with none, Limber says so in a toast.
    sound_server = start_sound_server(env) if sound else None
    limber = os.path.join(build_dir, "src", "limber")
    if plan:
        subprocess.run([limber, "--import-plan", plan], env=env, check=True, stdout=subprocess.DEVNULL)
    if history:
        # run-under-xvfb gives the run its own XDG_DATA_HOME.
        folder = os.path.join(env["XDG_DATA_HOME"], "io.github.limberapp.Limber")
        os.makedirs(folder, exist_ok=True)
        shutil.copyfile(history, os.path.join(folder, "history.sqlite"))
    # Opened at its size, as a window left so: a window opened wide and then
    # made narrow would stop at the wide layout's minimum width.
    for key, value in (("window-width", width), ("window-height", height)):
        subprocess.run(["gsettings", "set", "io.github.limberapp.Limber", key, str(value)], env=env, check=True)
    app = subprocess.Popen([limber, *app_args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        window = wait_for_window(env)
        subprocess.run(["xdotool", "windowsize", "--sync", window, str(width), str(height)], env=env, check=True)
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=True)
        time.sleep(settle)
        for key in keys:
            subprocess.run(["xdotool", "key", "--clearmodifiers", key], env=env, check=True)
            time.sleep(settle)
        time.sleep(settle + wait)
        if capture != "Limber":
            # With no window manager the dialog and the main window share the
            # top-left corner: move it clear, so that only its own pixels show.
            window = wait_for_window(env, capture)
            subprocess.run(["xdotool", "windowmove", "--sync", window, str(width + 20), "0"], env=env, check=True)
            time.sleep(settle)
        capture_painted(env, window, output)
    finally:
        app.terminate()
        app.wait()
        for helper in (settings_daemon, sound_server):
            if helper is not None:
                helper.terminate()
                helper.wait()


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
    parser.add_argument("--sound", action="store_true", help="a sound server with a null sink, for narration")
    parser.add_argument("--wait", type=float, default=0.0, help="seconds to wait after the keys, e.g. for narration")
    parser.add_argument("--app-arg", action="append", default=[], help="an argument for limber, e.g. --kiosk")
    parser.add_argument("--history", help="a session history to start with (build-aux/limber-history-fixture)")
    parser.add_argument("keys", nargs="*", help="keys to press first, e.g. Right End ctrl+comma")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    # Absolute: the narrator makes file URIs of the clips' paths.
    shoot(os.path.abspath(args.build_dir), args.output, width, height, args.scheme, args.keys, args.settle, args.plan, args.capture,
          args.text_scale, args.high_contrast, args.sound, args.wait, args.app_arg, args.history)


if __name__ == "__main__":
    main()
