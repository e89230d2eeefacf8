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
from gi.repository import GLib  # noqa: E402

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
    """A container that passes the focus on to what it holds (a list to its
    rows, a scroll pane to its content) is not met by itself, and is left out:
    GTK 4.8 names one after its class, newer GTK leaves it nameless."""
    problems = []

    def walk(node):
        """Whether node, or anything in it, can take the focus."""
        try:
            children = [node.getChildAtIndex(i) for i in range(node.childCount)]
            focusable = node.getState().contains(pyatspi.STATE_FOCUSABLE)
            try:
                actionable = node.queryAction().nActions > 0
            except NotImplementedError:
                actionable = False
            name = node.name.strip()
            role = node.getRole()
        except Exception:  # an object that went away while we looked
            return False
        inner = False
        for child in children:
            if child is not None:
                inner = walk(child) or inner
        if (focusable or actionable) and not name and role != pyatspi.ROLE_LABEL and not inner:
            problems.append(describe(node))
        # A name said twice ("Open My Plan Open My Plan") is a label and its text both read.
        words = name.split()
        if len(words) >= 2 and len(words) % 2 == 0 and words[:len(words) // 2] == words[len(words) // 2:]:
            problems.append(describe(node) + " (said twice)")
        return focusable or inner

    walk(application)
    report(not problems, what, "\n".join(problems))


def names_heard_on(key, times):
    """The names of what takes the focus at each press, as a screen reader
    hears them: from the focus events, not from a walk of the tree (newer
    libadwaita's spin rows leave their spin buttons out of it)."""
    heard = []

    def on_focus(event):
        if event.detail1:
            try:
                heard.append(event.source.name)
            except Exception:
                heard.append(None)

    pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")
    context = GLib.MainContext.default()
    try:
        for _ in range(times):
            before = len(heard)
            press(key)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and len(heard) == before:
                context.iteration(False)
                time.sleep(0.01)
    finally:
        pyatspi.Registry.deregisterEventListener(on_focus, "object:state-changed:focused")
    return heard


# A slide is a group (GTK_ACCESSIBLE_ROLE_GROUP): a panel to GTK 4.8, a
# grouping to newer GTK.
GROUP_ROLES = (pyatspi.ROLE_PANEL, pyatspi.ROLE_GROUPING)


def check_every_slide_named(application):
    """Slides far from view have no picture or steps yet, but their names are there."""
    names = set()
    for node in descendants(application):
        try:
            if node.getRole() in GROUP_ROLES and node.name.startswith("Exercise "):
                names.add(node.name)
        except Exception:
            continue
    wanted = {f"Exercise {n} of 6: " for n in range(1, 7)}
    missing = [prefix for prefix in sorted(wanted) if not any(name.startswith(prefix) for name in names)]
    report(not missing, "every slide has its name from the start, built or not",
           "missing: " + ", ".join(missing) + "; found: " + ", ".join(sorted(names)))


def find_shown(application, title):
    """The window or dialog called title, on show: on libadwaita 1.2 a dialog
    is a window (a frame) of its own, from 1.5 a dialog inside Limber's."""
    for node in descendants(application):
        try:
            if (node.getRole() in (pyatspi.ROLE_FRAME, pyatspi.ROLE_DIALOG) and node.name == title
                    and node.getState().contains(pyatspi.STATE_SHOWING)):
                return node
        except Exception:
            continue
    return None


PLAN_CHECKS = [
    "every control of My Plan has a name, said once",
    "Tab through My Plan: its switches and number fields say which exercise they belong to",
    "Escape closes My Plan",
]


def check_plan_window(application):
    press("ctrl+m")
    try:
        plan = wait_for(lambda: find_shown(application, "My Plan"), "My Plan, by that name")
    except TimeoutError as error:
        report(False, "Ctrl+M opens My Plan", str(error))
        for what in PLAN_CHECKS:
            report(False, what, "My Plan did not open")
        return
    report(True, "Ctrl+M opens My Plan")
    time.sleep(0.5)
    check_names(plan, PLAN_CHECKS[0])
    # From the first exercise's Show switch, through the first exercises' fields.
    heard = names_heard_on("Tab", 12)
    report("Show Midback stretch" in heard and "Hold time for Midback stretch, in seconds" in heard
           and all(heard), PLAN_CHECKS[1], f"heard {heard}")
    press("Escape")
    try:
        wait_for(lambda: find_shown(application, "My Plan") is None, "My Plan to close")
        report(True, PLAN_CHECKS[2])
    except TimeoutError as error:
        report(False, PLAN_CHECKS[2], str(error))


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
    print("1..15")
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
