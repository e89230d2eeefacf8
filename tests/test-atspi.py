#!/usr/bin/python3
"""Limber as a screen reader meets it: over a real AT-SPI bus, driven by real
key presses (XTest, through xdotool).

Run by meson under tests/run-under-xvfb, which gives it its own X server and
D-Bus session; the session bus starts the accessibility bus (at-spi2-core) on
demand. Prints TAP.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

# fatal-warnings is for Limber, not for the screen reader's side: libatspi
# warns about objects that go away while it looks at them.
APP_G_DEBUG = os.environ.pop("G_DEBUG", "")

import pyatspi  # noqa: E402 (after the environment is set for GLib)

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from tap import all_passed, report, wait_for  # noqa: E402


def find_application():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        child = desktop.getChildAtIndex(i)
        if child is not None and child.name == "limber":
            return child
    return None


def descendants(accessible):
    stack = [accessible]
    while stack:
        node = stack.pop()
        try:
            children = [node.getChildAtIndex(i) for i in range(node.childCount)]
        except Exception:  # an object that went away while we looked
            continue
        yield node
        stack.extend(reversed([c for c in children if c is not None]))


def describe(accessible):
    return f"{accessible.getRoleName()} {accessible.name!r}"


def focused_name(application):
    for node in descendants(application):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return node.name
        except Exception:
            continue
    return None


def press(key):
    subprocess.run(["xdotool", "key", "--clearmodifiers", key], check=True)


def wait_for_focus(application, name, after):
    try:
        wait_for(lambda: focused_name(application) == name, f"focus on {name!r}")
        return True, ""
    except TimeoutError:
        return False, f"after {after}, focus is on {focused_name(application)!r}, not {name!r}"


def check_names(application, what="every focusable or actionable object has a name, said once"):
    unnamed = []
    for node in descendants(application):
        try:
            focusable = node.getState().contains(pyatspi.STATE_FOCUSABLE)
            try:
                actionable = node.queryAction().nActions > 0
            except NotImplementedError:
                actionable = False
            name = node.name.strip()
            if (focusable or actionable) and not name and node.getRole() != pyatspi.ROLE_LABEL:
                unnamed.append(describe(node))
            # A name said twice ("Open My Plan Open My Plan") is a label and its text both read.
            words = name.split()
            if len(words) >= 2 and len(words) % 2 == 0 and words[:len(words) // 2] == words[len(words) // 2:]:
                unnamed.append(describe(node) + " (said twice)")
        except Exception:
            continue
    report(not unnamed, what, "\n".join(unnamed))


def check_every_slide_named(application):
    """Slides far from view have no picture or steps yet, but their names are there."""
    names = set()
    for node in descendants(application):
        try:
            if node.getRole() == pyatspi.ROLE_PANEL and node.name.startswith("Exercise "):
                names.add(node.name)
        except Exception:
            continue
    wanted = {f"Exercise {n} of 6: " for n in range(1, 7)}
    missing = [prefix for prefix in sorted(wanted) if not any(name.startswith(prefix) for name in names)]
    report(not missing, "every slide has its name from the start, built or not",
           "missing: " + ", ".join(missing) + "; found: " + ", ".join(sorted(names)))


def find_frame(application, title):
    for i in range(application.childCount):
        child = application.getChildAtIndex(i)
        if child is not None and child.getRole() == pyatspi.ROLE_FRAME and child.name == title:
            return child
    return None


def check_plan_window(application):
    press("ctrl+m")
    try:
        plan = wait_for(lambda: find_frame(application, "My Plan"), "the My Plan window")
    except TimeoutError as error:
        report(False, "Ctrl+M opens My Plan", str(error))
        return
    report(True, "Ctrl+M opens My Plan")
    time.sleep(0.5)
    check_names(plan, "every control of My Plan has a name, said once")
    names = [node.name for node in descendants(plan)]
    report("Show Midback stretch" in names and "Hold time for Midback stretch, in seconds" in names,
           "My Plan's switches and number fields say which exercise they belong to")
    press("Escape")


def check_slide_announcements(application):
    steps = [
        ("start", "Exercise 1 of 6: Lower neck and upper back stretch"),
        ("Right", "Exercise 2 of 6: Midback stretch"),
        ("Page_Down", "Exercise 3 of 6: Shoulder roll"),
        ("End", "Exercise 6 of 6: Resisted rows"),
        ("Left", "Exercise 5 of 6: Resisted shoulder blade squeeze"),
        ("Home", "Exercise 1 of 6: Lower neck and upper back stretch"),
    ]
    for key, name in steps:
        if key != "start":
            press(key)
        ok, detail = wait_for_focus(application, name, key)
        report(ok, f"{key}: the focused object announces {name!r}", detail)


def check_tab_order(application):
    # From the first slide: forward through every control and back around.
    first = "Exercise 1 of 6: Lower neck and upper back stretch"
    expected = ["Listen", "Next", "Start Session", "Main Menu", first]
    seen = []
    for _ in expected:
        before = seen[-1] if seen else first
        press("Tab")
        try:
            wait_for(lambda: focused_name(application) not in (None, before), "focus to move")
        except TimeoutError:
            pass
        seen.append(focused_name(application))
    report(seen == expected, "Tab moves through the controls in reading order",
           f"expected {expected}\nseen     {seen}")

    press("shift+Tab")
    ok, detail = wait_for_focus(application, "Main Menu", "Shift+Tab from the slide")
    report(ok, "Shift+Tab goes back the same way", detail)

    # The Next button announces the slide it brings, too.
    press("Tab")
    press("Tab")
    press("Tab")
    ok, detail = wait_for_focus(application, "Next", "Tab to Next")
    if ok:
        press("space")
        ok, detail = wait_for_focus(application, "Exercise 2 of 6: Midback stretch", "Space on Next")
    report(ok, "activating Next moves focus to the new slide", detail)


def start_sound_server(env):
    """PulseAudio with a null sink, private to env's XDG_RUNTIME_DIR."""
    server = subprocess.Popen(["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                               "-L", "module-null-sink sink_name=limber_atspi", "-L", "module-native-protocol-unix"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = os.path.join(env["XDG_RUNTIME_DIR"], "pulse", "native")
    for _ in range(200):
        if os.path.exists(socket):
            return server
        time.sleep(0.05)
    return server


def main():
    limber = sys.argv[1]
    env = dict(os.environ, GTK_A11Y="atspi", GSETTINGS_BACKEND="memory", G_DEBUG=APP_G_DEBUG)
    # A sound output, as a desktop has: without one, a toast says so a moment
    # after start-up and takes a place in the Tab order while it shows.
    runtime = tempfile.mkdtemp(prefix="limber-atspi-")
    env.update(XDG_RUNTIME_DIR=runtime, PULSE_RUNTIME_PATH=os.path.join(runtime, "pulse"))
    sound = start_sound_server(env)
    # Start the accessibility bus before Limber looks for it.
    pyatspi.Registry.getDesktop(0)
    app = subprocess.Popen([limber], env=env)
    print("1..14")
    try:
        application = wait_for(find_application, "Limber on the accessibility bus")
        window = wait_for(lambda: subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Limber$"],
                                                 capture_output=True, text=True).stdout.split(),
                          "the window")[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True)
        wait_for(lambda: focused_name(application), "a focused object")

        check_names(application)
        check_every_slide_named(application)
        check_slide_announcements(application)
        check_tab_order(application)
        check_plan_window(application)
    except TimeoutError as error:
        report(False, str(error))
    finally:
        app.terminate()
        app.wait()
        sound.terminate()
        sound.wait()
        shutil.rmtree(runtime, ignore_errors=True)

    return 0 if all_passed() else 1


if __name__ == "__main__":
    sys.exit(main())
