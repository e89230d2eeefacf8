#!/usr/bin/python3
"""The clinic kiosk's fleet configuration (data/kiosk/), checked as a kiosk
machine would use it. Prints TAP. One part a run:

  dconf  The example defaults and locks, compiled with the real `dconf compile`
         and read through the example profile by `gsettings`: every key exists
         in the schema with a value of its type and range, the plan names real
         exercises within the handout's ranges, the values arrive as written,
         and every locked key is not writable and keeps its value when set.
  unit   The systemd unit passes `systemd-analyze verify`, names the
         profile, PAM service and command that data/kiosk/ provides, and runs
         cage under systemd-inhibit with idle and sleep locks that logind's
         polkit policy grants an active session.
  boot   The unit's command, `cage -- limber --kiosk`, with the unit's
         environment, on cage's headless backend and as an unprivileged user
         (cage refuses root), reading the compiled example database; a
         screenshot with grim shows Limber on the whole output, and the
         screen is kept awake by Limber's inhibit or by the unit's.
  sound  The kiosk user's service manager, the real `systemd --user`, as the
         unit's PAM session starts it: once it is ready, it starts the
         user's sound server, and Limber's voice in the kiosk reaches its sink.

Run by meson under tests/run-under-xvfb (its own D-Bus session, which the
dconf part needs for dconf-service). G_DEBUG=fatal-warnings from the test
environment goes to every GLib program this starts.
"""

import argparse
import array
import glob
import math
import os
import pwd
import re
import shlex
import shutil
import signal
import socket as socket_module
import subprocess
import sys
import time
import tempfile
import xml.etree.ElementTree as ElementTree

# fatal-warnings is for the programs under test, not for this script's GLib.
CHILD_G_DEBUG = os.environ.pop("G_DEBUG", "")

from gi.repository import Gio, GLib  # noqa: E402 (after G_DEBUG is popped)

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import tap  # noqa: E402
from tap import report, skip  # noqa: E402

SCHEMA_ID = "io.github.limberapp.Limber"
PROFILE = "limber-kiosk"
# The keys a person at the kiosk may change: the window's own state. Every
# other key must be locked; a new key needs a lock or a place in this list.
UNLOCKED_KEYS = {"window-width", "window-height", "window-maximized"}
# wlroots' headless backend makes one output of this size.
HEADLESS_OUTPUT = (1280, 720)
TIMEOUT = 60  # seconds: a guard against a hang, not a target


def note(text):
    for line in text.splitlines():
        print(f"# {line}", flush=True)


def finish():
    print(f"1..{len(tap.results)}", flush=True)
    return 0 if tap.all_passed() else 1


def wait_for(condition, what):
    return tap.wait_for(condition, what, timeout=TIMEOUT, interval=0.2)


# --- The files in data/kiosk/ --------------------------------------------

def load_schema():
    source = Gio.SettingsSchemaSource.new_from_directory(os.environ["GSETTINGS_SCHEMA_DIR"], None, True)
    schema = source.lookup(SCHEMA_ID, False)
    if schema is None:
        raise RuntimeError(f"no schema {SCHEMA_ID} in {os.environ['GSETTINGS_SCHEMA_DIR']}")
    return schema


def read_profile(kiosk_dir):
    """The profile's database lines, comments and blank lines left out."""
    with open(os.path.join(kiosk_dir, "profile", PROFILE), encoding="utf-8") as profile:
        return [line.strip() for line in profile if line.strip() and not line.lstrip().startswith("#")]


def system_db_names(profile_lines):
    return [line.split(":", 1)[1] for line in profile_lines if line.startswith("system-db:")]


def read_defaults(db_dir):
    """{(file, group, key): GVariant text} for every keyfile in a .d folder."""
    entries = {}
    for name in sorted(os.listdir(db_dir)):
        path = os.path.join(db_dir, name)
        if not os.path.isfile(path):
            continue
        keyfile = GLib.KeyFile()
        keyfile.load_from_file(path, GLib.KeyFileFlags.NONE)
        for group in keyfile.get_groups()[0]:
            for key in keyfile.get_keys(group)[0]:
                entries[(name, group, key)] = keyfile.get_value(group, key)
    return entries


def read_locks(db_dir):
    """[(file, key path)] for every file in the .d folder's locks/."""
    locks = []
    locks_dir = os.path.join(db_dir, "locks")
    for name in sorted(os.listdir(locks_dir)):
        with open(os.path.join(locks_dir, name), encoding="utf-8") as lock_file:
            locks += [(name, line.strip()) for line in lock_file
                      if line.strip() and not line.lstrip().startswith("#")]
    return locks


def read_catalog(path):
    """{exercise id: {"hold": (min, max) or None, "repetitions": (min, max)}}"""
    exercises = {}
    for exercise in ElementTree.parse(path).getroot().iter("exercise"):
        def limits(tag):
            element = exercise.find(tag)
            return None if element is None else (int(element.get("min")), int(element.get("max")))
        exercises[exercise.get("id")] = {"hold": limits("hold"), "repetitions": limits("repetitions")}
    return exercises


def compile_db(kiosk_dir, name, outdir):
    """Compiles db/NAME.d with the real dconf and writes a profile beside it:
    the example profile with each system-db line as a file-db line, so that
    the test needs nothing in /etc. Returns the profile's absolute path."""
    for folder in ("db", "profile"):
        os.makedirs(os.path.join(outdir, folder), mode=0o755, exist_ok=True)
    for db in system_db_names(read_profile(kiosk_dir)):
        subprocess.run(["dconf", "compile", os.path.join(outdir, "db", db),
                        os.path.join(kiosk_dir, "db", db + ".d")], check=True)
    lines = []
    for line in read_profile(kiosk_dir):
        if line.startswith("system-db:"):
            line = "file-db:" + os.path.join(outdir, "db", line.split(":", 1)[1])
        lines.append(line)
    profile = os.path.join(outdir, "profile", name)
    with open(profile, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return profile


# --- dconf -----------------------------------------------------------------

def other_value(schema_key, current):
    """A value of the key's type and range that differs from current."""
    kind, limits = schema_key.get_range().unpack()
    type_string = schema_key.get_value_type().dup_string()
    if kind == "range":
        low, high = limits
        candidates = [low, high]
    elif kind == "enum":
        candidates = list(limits)
    else:
        candidates = {"b": [True, False], "s": ["", "tampered"], "as": [[], ["tampered"]],
                      "a{su}": [{}, {"tampered": 1}], "d": [0.0, 1.0], "i": [0, 1], "u": [0, 1]}[type_string]
    for candidate in candidates:
        value = GLib.Variant(type_string, candidate)
        if not value.equal(current):
            return value
    raise ValueError(f"no other value for {schema_key.get_name()}")


def gsettings(env, *args):
    return subprocess.run(["gsettings", *args], env=env, capture_output=True, text=True, timeout=TIMEOUT)


def run_dconf(options):
    schema = load_schema()
    schema_keys = set(schema.list_keys())
    catalog = read_catalog(options.catalog)
    profile_lines = read_profile(options.kiosk_dir)

    report(profile_lines[:1] == ["user-db:user"] and system_db_names(profile_lines) == [PROFILE],
           f"the profile writes to the user's database and reads the clinic's system-db:{PROFILE}",
           "\n".join(profile_lines))

    db_dir = os.path.join(options.kiosk_dir, "db", PROFILE + ".d")
    defaults = read_defaults(db_dir)
    locks = read_locks(db_dir)

    # Every setting in the keyfiles: a key of the schema, of its type, in range.
    wanted = {}
    problems = []
    for (name, group, key), text in defaults.items():
        where = f"{name} [{group}] {key}"
        if "/" + group.strip("/") + "/" != schema.get_path():
            problems.append(f"{where}: group is not the schema's path {schema.get_path()}")
            continue
        if key not in schema_keys:
            problems.append(f"{where}: no such key in {SCHEMA_ID}")
            continue
        schema_key = schema.get_key(key)
        try:
            # As dconf compile reads it: with no expected type.
            value = GLib.Variant.parse(None, text, None, None)
        except GLib.Error as error:
            problems.append(f"{where}: {text!r} is not GVariant text: {error.message}")
            continue
        expected_type = schema_key.get_value_type().dup_string()
        if value.get_type_string() != expected_type:
            problems.append(f"{where}: {text!r} is {value.get_type_string()}, the schema wants {expected_type}"
                            " (GSettings would ignore it and use the default)")
        elif not schema_key.range_check(value):
            problems.append(f"{where}: {text!r} is outside the schema's range")
        else:
            wanted[key] = value
    report(defaults and not problems,
           f"each of the {len(defaults)} default settings is a schema key with a value of its type and range",
           "\n".join(problems))

    report("kiosk-pin-hash" not in wanted,
           "the example sets no PIN hash (each clinic makes its own with limber --set-kiosk-pin)")

    # The plan names real exercises, within the handout's ranges.
    problems = []
    for exercise in wanted.get("hidden-exercises", GLib.Variant("as", [])).unpack():
        if exercise not in catalog:
            problems.append(f"hidden-exercises: no exercise {exercise!r} in the catalog")
    for key, limit in (("prescribed-holds", "hold"), ("prescribed-repetitions", "repetitions")):
        for exercise, number in wanted.get(key, GLib.Variant("a{su}", {})).unpack().items():
            limits = catalog.get(exercise, {}).get(limit)
            if exercise not in catalog:
                problems.append(f"{key}: no exercise {exercise!r} in the catalog")
            elif number != 0 and (limits is None or not limits[0] <= number <= limits[1]):
                problems.append(f"{key}: {exercise} {number} is outside the handout's {limit} {limits}")
    report(not problems, "the example plan names catalog exercises, within the handout's ranges",
           "\n".join(problems))

    # Every lock names a schema key; every key a passer-by must not change is locked.
    locked = set()
    problems = []
    for name, path in locks:
        key = path[len(schema.get_path()):] if path.startswith(schema.get_path()) else None
        if key not in schema_keys:
            problems.append(f"locks/{name}: {path} is not a key of {SCHEMA_ID}")
        else:
            locked.add(key)
    for key in sorted(schema_keys - UNLOCKED_KEYS - locked):
        problems.append(f"{key} is not locked (lock it, or add it to UNLOCKED_KEYS in this test)")
    for key in sorted(locked & UNLOCKED_KEYS):
        problems.append(f"{key} is locked, but it is the window's own state")
    report(locks and not problems, f"the locks name {len(locked)} schema keys, every one but the window's state",
           "\n".join(problems))

    # The real database, through the real client.
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        report(False, "a D-Bus session for dconf-service", "run under tests/run-under-xvfb (meson test does)")
        return finish()
    with tempfile.TemporaryDirectory(prefix="limber-fleet-") as tmp:
        profile = compile_db(options.kiosk_dir, PROFILE, tmp)
        env = dict(os.environ, GSETTINGS_BACKEND="dconf", DCONF_PROFILE=profile, G_DEBUG=CHILD_G_DEBUG)

        problems = []
        for key, value in sorted(wanted.items()):
            got = gsettings(env, "get", SCHEMA_ID, key)
            if got.returncode != 0:
                problems.append(f"{key}: gsettings get failed: {got.stderr.strip()}")
                continue
            read = GLib.Variant.parse(value.get_type(), got.stdout.strip(), None, None)
            if not read.equal(value):
                problems.append(f"{key}: reads {got.stdout.strip()}, the example sets {value.print_(True)}")
        report(wanted and not problems,
               "gsettings reads every example value through the compiled database", "\n".join(problems))

        got = gsettings(env, "get", SCHEMA_ID, "kiosk-mode")
        report(got.stdout.strip() == "true", "kiosk-mode is on", got.stdout + got.stderr)

        problems = []
        for key in sorted(locked):
            writable = gsettings(env, "writable", SCHEMA_ID, key)
            if writable.stdout.strip() != "false":
                problems.append(f"{key}: writable says {writable.stdout.strip()!r} {writable.stderr.strip()}")
        report(not problems, f"all {len(locked)} locked keys say they are not writable", "\n".join(problems))

        problems = []
        for key in sorted(locked):
            schema_key = schema.get_key(key)
            before = gsettings(env, "get", SCHEMA_ID, key).stdout.strip()
            attempt = other_value(schema_key, GLib.Variant.parse(schema_key.get_value_type(), before, None, None))
            result = gsettings(env, "set", SCHEMA_ID, key, attempt.print_(True))
            after = gsettings(env, "get", SCHEMA_ID, key).stdout.strip()
            if result.returncode == 0 or after != before:
                problems.append(f"{key}: set {attempt.print_(True)} exited {result.returncode}; "
                                f"{before} became {after}")
        report(not problems, "setting a locked key fails and leaves its value", "\n".join(problems))

        # The user database works: it is the locks, not a broken profile, that stop the rest.
        result = gsettings(env, "set", SCHEMA_ID, "window-width", "777")
        after = gsettings(env, "get", SCHEMA_ID, "window-width")
        report(result.returncode == 0 and after.stdout.strip() == "777",
               "an unlocked key (window-width) is written to the user's database",
               result.stderr + after.stderr)
    return finish()


# --- unit ------------------------------------------------------------------

def read_unit(path):
    """{section: [(key, value)]} of a systemd unit; ExecStart split like a shell."""
    sections = {}
    section = None
    with open(path, encoding="utf-8") as unit:
        for line in unit:
            line = line.strip()
            if not line or line[0] in "#;":
                continue
            if line.startswith("["):
                section = sections.setdefault(line.strip("[]"), [])
            else:
                key, _, value = line.partition("=")
                section.append((key.strip(), value.strip()))
    return sections


def unit_environment(service):
    env = {}
    for key, value in service:
        if key == "Environment":
            for assignment in shlex.split(value):
                name, _, setting = assignment.partition("=")
                env[name] = setting
    return env


def unit_commands(service):
    """ExecStart split like a shell, at cage: (what runs cage, cage's own words)."""
    command = shlex.split(dict(service)["ExecStart"])
    cage = next((i for i, word in enumerate(command) if os.path.basename(word) == "cage"), len(command))
    return command[:cage], command[cage:]


def polkit_defaults(action):
    """(allow_any, allow_inactive, allow_active) of a logind polkit action, or None."""
    path = "/usr/share/polkit-1/actions/org.freedesktop.login1.policy"
    if not os.path.isfile(path):
        return None
    for element in ElementTree.parse(path).getroot().iter("action"):
        if element.get("id") == action:
            defaults = element.find("defaults")
            return tuple(defaults.findtext(name, "").strip()
                         for name in ("allow_any", "allow_inactive", "allow_active"))
    return None


def run_unit(options):
    unit_path = os.path.join(options.kiosk_dir, "limber-kiosk.service")
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        skip("systemd-analyze verify passes", "no systemd-analyze (Debian package systemd)")
    else:
        # verify warns about unknown keys on stderr but exits 0: both must be clean.
        result = subprocess.run([analyze, "verify", unit_path], capture_output=True, text=True, timeout=TIMEOUT)
        report(result.returncode == 0 and not (result.stdout + result.stderr).strip(),
               "systemd-analyze verify passes, with nothing to say", result.stdout + result.stderr)

    service = read_unit(unit_path)["Service"]
    settings = dict(service)
    env = unit_environment(service)
    report(env.get("DCONF_PROFILE") == PROFILE and os.path.isfile(os.path.join(options.kiosk_dir, "profile", PROFILE)),
           f"the unit reads the clinic's settings through the example profile {PROFILE}", f"Environment: {env}")

    pam_name = settings.get("PAMName", "")
    pam_path = os.path.join(options.kiosk_dir, "pam", pam_name)
    modules = []
    if os.path.isfile(pam_path):
        with open(pam_path, encoding="utf-8") as pam:
            for line in pam:
                words = line.split("#", 1)[0].split()
                if len(words) >= 3 and words[2].endswith(".so"):
                    modules.append(words[2])
    missing = [module for module in modules
               if not any(glob.glob(os.path.join(root, "security", module))
                          for root in ("/usr/lib/*", "/lib/*", "/usr/lib", "/lib"))]
    report(os.path.isfile(pam_path) and "pam_systemd.so" in modules and not missing,
           f"the unit's PAM service {pam_name!r} is in data/kiosk/pam/, opens a logind session, "
           "and its modules are installed",
           f"missing modules: {missing}" if missing else "")

    wrapper, command = unit_commands(service)
    report(command and command[command.index("--") + 1:] == ["limber", "--kiosk"] if "--" in command else False,
           "the unit runs `cage -- limber --kiosk`", " ".join(wrapper + command))
    report(settings.get("User") == "kiosk" and settings.get("Restart") == "always",
           "as the user kiosk, and restarts it always", f"User={settings.get('User')} Restart={settings.get('Restart')}")

    # Under cage nothing carries Limber's own inhibit (see the boot part):
    # logind's locks, held for as long as cage runs, keep the screen awake.
    options_given = {word.partition("=")[0]: word.partition("=")[2] for word in wrapper[1:] if word.startswith("--")}
    what = set(options_given.get("--what", "").split(":"))
    report(wrapper and os.path.basename(wrapper[0]) == "systemd-inhibit" and {"idle", "sleep"} <= what
           and options_given.get("--mode", "block") == "block" and options_given.get("--why"),
           "cage runs under systemd-inhibit, which blocks idle and sleep, with a reason",
           " ".join(wrapper) or "no systemd-inhibit before cage")
    # The lock is asked for by the user kiosk, from its active session on tty1.
    problems = []
    for lock in sorted(what):
        defaults = polkit_defaults(f"org.freedesktop.login1.inhibit-block-{lock}")
        if defaults is None:
            problems.append(f"no polkit action org.freedesktop.login1.inhibit-block-{lock}")
        elif defaults[2] != "yes":
            problems.append(f"inhibit-block-{lock}: an active session gets {defaults[2]!r}")
    if not os.path.isfile("/usr/share/polkit-1/actions/org.freedesktop.login1.policy"):
        skip("logind's polkit policy lets the kiosk's session take those locks",
             "no /usr/share/polkit-1/actions/org.freedesktop.login1.policy (Debian package systemd)")
    else:
        report(not problems, "logind's polkit policy lets the kiosk's active session take those locks",
               "\n".join(problems))
    return finish()


# --- boot ------------------------------------------------------------------

def read_ppm(path):
    """(width, height, RGB bytes) of a binary PPM, as grim -t ppm writes it."""
    with open(path, "rb") as ppm:
        data = ppm.read()
    fields = []
    position = 0
    while len(fields) < 4:
        while data[position:position + 1].isspace():
            position += 1
        if data[position:position + 1] == b"#":
            position = data.index(b"\n", position) + 1
            continue
        end = position
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    if fields[0] != b"P6" or fields[3] != b"255":
        raise ValueError(f"{path}: not an 8-bit binary PPM")
    width, height = int(fields[1]), int(fields[2])
    pixels = data[position + 1:position + 1 + width * height * 3]
    return width, height, pixels


def colours(pixels):
    return {pixels[i:i + 3] for i in range(0, len(pixels), 3)}


def black_fraction(pixels):
    count = sum(1 for i in range(0, len(pixels), 3) if pixels[i:i + 3] == b"\0\0\0")
    return count / (len(pixels) / 3)


class KioskUser:
    """A home and a runtime folder for the session, as the unit's user kiosk
    has them. cage refuses to run as root: as root, the session runs as
    nobody, as the unit runs it as the unprivileged user kiosk."""

    def __init__(self, prefix):
        self.tmp = tempfile.mkdtemp(prefix=prefix)
        os.chmod(self.tmp, 0o755)
        self.runtime = os.path.join(self.tmp, "runtime")
        self.home = os.path.join(self.tmp, "home")
        os.mkdir(self.runtime, 0o700)
        os.mkdir(self.home, 0o755)
        self.become = []
        self.user = None
        if os.geteuid() == 0:
            self.user = pwd.getpwnam("nobody")
            for path in (self.runtime, self.home):
                os.chown(path, self.user.pw_uid, self.user.pw_gid)
            self.become = [shutil.which("setpriv"), f"--reuid={self.user.pw_uid}", f"--regid={self.user.pw_gid}",
                           "--clear-groups", "--"]

    def give(self, path):
        """Makes a file or folder made here the session user's."""
        if self.user is not None:
            os.lchown(path, self.user.pw_uid, self.user.pw_gid)


def kiosk_environment(options, service, kiosk):
    """The unit's environment for Limber, with the compiled example database,
    and the Limber to run (a copy when the build tree is out of reach)."""
    profile = compile_db(options.kiosk_dir, PROFILE, kiosk.tmp)
    env = {name: value for name, value in os.environ.items()
           if name not in ("DISPLAY", "WAYLAND_DISPLAY", "GDK_BACKEND", "DBUS_SESSION_BUS_ADDRESS")
           and not name.startswith("XDG_")}
    env.update(unit_environment(service))
    home = kiosk.home
    env.update(HOME=home, XDG_RUNTIME_DIR=kiosk.runtime, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_CACHE_HOME=os.path.join(home, ".cache"), XDG_DATA_HOME=os.path.join(home, ".local/share"),
               DCONF_PROFILE=profile, GSETTINGS_BACKEND="dconf", G_DEBUG=CHILD_G_DEBUG,
               # No screen, keyboard or GPU here: wlroots' headless output, drawn in software.
               WLR_BACKENDS="headless", WLR_LIBINPUT_NO_DEVICES="1", WLR_RENDERER="pixman")

    limber = options.limber
    needed = ["-x", limber, "-a", "-r", os.path.join(env["GSETTINGS_SCHEMA_DIR"], "gschemas.compiled")]
    if subprocess.run(kiosk.become + ["test", *needed], env=env).returncode != 0:
        # A build tree the unprivileged user cannot reach (a checkout in
        # /root): Limber is one self-contained executable, so it and the
        # files it reads are copied where that user can.
        app = os.path.join(kiosk.tmp, "app")
        os.makedirs(os.path.join(app, "schemas"))
        limber = shutil.copy(options.limber, app)
        shutil.copy(os.path.join(env["GSETTINGS_SCHEMA_DIR"], "gschemas.compiled"), os.path.join(app, "schemas"))
        env["GSETTINGS_SCHEMA_DIR"] = os.path.join(app, "schemas")
        note(f"The build tree is out of the unprivileged user's reach: running a copy in {app}.")
    return env, limber


def start_cage(kiosk, env, command, limber, before=(), environ_for_limber=None):
    """Starts the unit's cage command as the kiosk user, Limber's pid written
    to a file. Returns (the session, the pid file); its output goes to
    session.log in the kiosk's folder."""
    split = command.index("--")
    pid_file = os.path.join(kiosk.home, "limber.pid")
    extra = [f"{name}={value}" for name, value in (environ_for_limber or {}).items()]
    launch = ["sh", "-c", 'echo $$ > "$0"; exec "$@"', pid_file, *(["env", *extra] if extra else []),
              limber, *command[split + 2:]]
    argv = kiosk.become + [*before, shutil.which(command[0]) or command[0], *command[1:split], "--", *launch]
    note("$ " + " ".join(shlex.quote(word) for word in argv))
    log = open(os.path.join(kiosk.tmp, "session.log"), "w")
    return subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True), pid_file


def session_log(tmp):
    """session.log without WAYLAND_DEBUG's lines, which start with a time in brackets."""
    with open(os.path.join(tmp, "session.log"), errors="replace") as log:
        return "".join(line for line in log if not re.match(r"\[\s*[\d:]+\.\d+\]", line))


def stop_cage(session, limber_pid, tmp):
    """Ends Limber, and so cage, which ends when its application ends; shows
    what the session said."""
    if limber_pid:
        try:
            os.kill(limber_pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    if session is not None:
        try:
            session.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(session.pid, signal.SIGKILL)
            session.wait()
        note("session log:\n" + session_log(tmp)[-4000:])


def wayland_socket(runtime):
    return next((name for name in sorted(os.listdir(runtime))
                 if name.startswith("wayland-") and not name.endswith(".lock")), None)


def run_boot(options):
    tools = {tool: shutil.which(tool) for tool in ("cage", "grim", "dconf", "dbus-run-session")}
    missing = [tool for tool, path in tools.items() if path is None]
    if missing:
        skip("the kiosk boots under cage", f"missing {', '.join(missing)} (build-aux/dev installs them)")
        return finish()

    service = read_unit(os.path.join(options.kiosk_dir, "limber-kiosk.service"))["Service"]
    wrapper, command = unit_commands(service)
    if wrapper:
        note(f"Left out here, with no logind to ask: {' '.join(wrapper)}")
    kiosk = KioskUser("limber-kiosk-boot-")
    become, runtime, tmp = kiosk.become, kiosk.runtime, kiosk.tmp
    session = None
    limber_pid = None
    try:
        env, limber = kiosk_environment(options, service, kiosk)
        session, pid_file = start_cage(kiosk, env, command, limber,
                                       [tools["dbus-run-session"], "--"], environ_for_limber={"WAYLAND_DEBUG": "client"})

        socket = wait_for(lambda: wayland_socket(runtime) if session.poll() is None else "gone",
                          "cage's Wayland socket")
        report(socket != "gone", "cage starts on the headless backend as an unprivileged user")
        if socket == "gone":
            return finish()
        limber_pid = int(wait_for(lambda: open(pid_file).read().strip() if os.path.exists(pid_file) else None,
                                  "limber to start"))

        grim_env = dict(env, WAYLAND_DISPLAY=socket)
        shot = os.path.join(runtime, "shot")

        def screenshot(kind):
            path = f"{shot}.{kind}"
            result = subprocess.run(become + [tools["grim"], "-t", kind, path], env=grim_env,
                                    capture_output=True, text=True, timeout=TIMEOUT)
            return path if result.returncode == 0 else None

        def drawn():
            if session.poll() is not None:
                return "gone"
            path = screenshot("ppm")
            return path if path and len(colours(read_ppm(path)[2])) > 256 else None

        try:
            state = wait_for(drawn, "Limber to draw")
        except TimeoutError as error:
            state = None
            note(str(error))
        report(state not in (None, "gone"), "Limber draws in cage, reading the compiled example database")
        if state in (None, "gone"):
            return finish()

        # The window maps first, then goes fullscreen when cage says so; on a
        # busy machine that can take a while.
        def fullscreen():
            path = screenshot("ppm")
            return path if path and black_fraction(read_ppm(path)[2]) < 0.01 else None

        drawn_at = time.monotonic()
        try:
            covered = wait_for(fullscreen, "the kiosk to cover the output") is not None
            note(f"fullscreen {time.monotonic() - drawn_at:.1f} s after the first frame")
        except TimeoutError as error:
            covered = False
            note(str(error))
        time.sleep(1)  # past the first frames
        width, height, pixels = read_ppm(screenshot("ppm"))
        png = screenshot("png")
        if png:
            os.makedirs(options.log_dir, exist_ok=True)
            saved = os.path.join(options.log_dir, "kiosk-boot.png")
            shutil.copyfile(png, saved)
            note(f"screenshot: {saved}")
        distinct = len(colours(pixels))
        report((width, height) == HEADLESS_OUTPUT, f"the screenshot is the output's size {HEADLESS_OUTPUT}",
               f"{width}x{height}")
        report(distinct > 256, "the screenshot is not blank", f"{distinct} distinct colours")

        alive = session.poll() is None and os.path.exists(f"/proc/{limber_pid}")
        report(alive, "Limber is still running (no fatal warning, no unknown option)")

        black = black_fraction(pixels)
        report(covered and black < 0.01, "the kiosk covers the whole output", f"{black:.1%} of it is cage's black")

        # Limber's own inhibit reaches cage as an idle inhibitor on its
        # surface (WAYLAND_DEBUG shows the request): the kiosk asks once its
        # window is shown. The unit holds logind's idle lock besides, against
        # logind's own idle action.
        with open(os.path.join(tmp, "session.log"), errors="replace") as log:
            mentions = [line.strip() for line in log if "zwp_idle_inhibit_manager_v1" in line]
        requests = [line for line in mentions if "create_inhibitor" in line]
        bound = any(".bind(" in line for line in mentions)
        what = next((word.partition("=")[2].split(":") for word in wrapper if word.startswith("--what=")), [])
        unit_holds = bool(wrapper) and os.path.basename(wrapper[0]) == "systemd-inhibit" and "idle" in what
        report(bool(requests),
               "the screen is kept awake: Limber's inhibit reaches cage",
               (f"Limber asks cage: {requests[0]}" if requests
                else "Limber's inhibit does not reach cage: " +
                ("GTK binds cage's idle-inhibit manager but asks it for no inhibitor" if bound
                 else "cage offers no idle-inhibit manager")) +
               ("; the unit runs cage under " + " ".join(wrapper) if unit_holds else ""))
    except TimeoutError as error:
        report(False, str(error))
    finally:
        stop_cage(session, limber_pid, tmp)
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()


# --- sound -----------------------------------------------------------------

SOUND_UNITS = ("pipewire.service", "wireplumber.service", "pipewire-pulse.service")
SINK = "clinic-tv"
RECORD_SECONDS = 8


def mount_type(path):
    """The file system type mounted at path, or None where nothing is."""
    found = None
    with open("/proc/self/mountinfo", encoding="utf-8") as mounts:
        for line in mounts:
            fields, _, rest = line.partition(" - ")
            if fields.split()[4] == path:
                found = rest.split()[0]  # the last mount there is the one seen
    return found


def systemd_version(binary):
    words = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=TIMEOUT).stdout.split()
    return int(words[1]) if len(words) > 1 and words[0] == "systemd" and words[1].isdigit() else 0


# systemd 258 dropped the legacy and hybrid cgroup hierarchies: it runs only
# where /sys/fs/cgroup is the unified (v2) one.
LAST_SYSTEMD_WITH_CGROUP_V1 = 257


def delegated_cgroups(name):
    """The cgroup folders the kiosk user's manager may own, one per
    hierarchy, as systemd delegates user@UID.service's to it."""
    roots = [root for root in ("/sys/fs/cgroup/unified", "/sys/fs/cgroup/systemd") if os.path.isdir(root)]
    if not roots and os.path.exists("/sys/fs/cgroup/cgroup.procs"):
        roots = ["/sys/fs/cgroup"]
    return [os.path.join(root, name) for root in roots]


def remove_cgroups(folders):
    for folder in folders:
        for below, _, _ in sorted(os.walk(folder), key=lambda entry: -entry[0].count("/")):
            try:
                with open(os.path.join(below, "cgroup.procs")) as procs:
                    for pid in procs.read().split():
                        os.kill(int(pid), signal.SIGKILL)
            except (OSError, ValueError):
                pass
    for folder in folders:
        for _ in range(50):
            try:
                for below, _, _ in sorted(os.walk(folder), key=lambda entry: -entry[0].count("/")):
                    os.rmdir(below)
                break
            except FileNotFoundError:
                break
            except OSError:
                time.sleep(0.1)


def rms_amplitude(path):
    """sox's RMS amplitude of a recording, 0 to 1, and its length in seconds."""
    result = subprocess.run(["sox", path, "-n", "stat"], capture_output=True, text=True, timeout=TIMEOUT)
    stats = {}
    for line in result.stderr.splitlines():
        name, _, value = line.partition(":")
        try:
            stats[name.strip()] = float(value)
        except ValueError:
            pass
    return stats.get("RMS     amplitude", 0.0), stats.get("Length (seconds)", 0.0)


def loud_fraction(path, rate=8000, window_ms=100):
    """The share of a recording's 100 ms windows that are not near silence.
    Speech lies between: words and the pauses between them; a steady tone
    or noise is loud throughout, silence never."""
    raw = subprocess.run(["sox", path, "-t", "raw", "-e", "signed", "-b", "16", "-c", "1", "-r", str(rate), "-"],
                         capture_output=True, timeout=TIMEOUT, check=True).stdout
    samples = array.array("h", raw)
    size = rate * window_ms // 1000
    windows = [samples[i:i + size] for i in range(0, len(samples) - size + 1, size)]
    loud = [w for w in windows if math.sqrt(sum(x * x for x in w) / size) / 32768 > 0.01]
    return len(loud) / len(windows) if windows else 0.0


def run_sound(options):
    """The kiosk user's sound server as the unit's PAM session starts it, and
    Limber's voice reaching it. On the kiosk, pam_systemd starts the user's
    service manager (user@UID.service) and waits until it says it is ready;
    here that manager runs the same way: the real systemd --user, with the
    units Debian's packages installed, in a private mount namespace where
    /run/systemd looks booted, in a cgroup of its own as systemd gives it."""
    tools = {tool: shutil.which(tool) for tool in
             ("cage", "dconf", "unshare", "setpriv", "systemctl", "pactl", "parecord", "sox",
              "pipewire", "wireplumber", "pipewire-pulse")}
    missing = [tool for tool, path in tools.items() if path is None]
    manager_binary = next((path for path in ("/usr/lib/systemd/systemd", "/lib/systemd/systemd")
                           if os.access(path, os.X_OK)), None)
    if manager_binary is None:
        missing.append("systemd")
    if missing:
        skip("the kiosk user's sound server plays Limber's voice",
             f"missing {', '.join(missing)} (build-aux/dev installs them)")
        return finish()
    if os.geteuid() != 0:
        skip("the kiosk user's sound server plays Limber's voice",
             "needs root: a mount namespace and a cgroup for the user's service manager, as systemd gives it")
        return finish()

    # A newer systemd on a machine that mounts cgroup v1 (a host of another
    # generation, as a Debian 12 host is for the forky chroot): its v2
    # hierarchy, if it has one beside the others, is put where the manager
    # looks, in the manager's own mount namespace. Without one the manager
    # cannot run at all.
    unified_at = None
    version = systemd_version(manager_binary)
    if version > LAST_SYSTEMD_WITH_CGROUP_V1 and mount_type("/sys/fs/cgroup") != "cgroup2":
        if mount_type("/sys/fs/cgroup/unified") != "cgroup2":
            skip("the kiosk user's sound server plays Limber's voice",
                 f"systemd {version} runs only on cgroup v2, and this machine mounts no cgroup v2 hierarchy "
                 "(neither /sys/fs/cgroup nor /sys/fs/cgroup/unified)")
            return finish()
        unified_at = "/sys/fs/cgroup/unified"
        note(f"systemd {version} runs only on cgroup v2: this machine's {unified_at} is mounted on "
             "/sys/fs/cgroup for the manager")

    service = read_unit(os.path.join(options.kiosk_dir, "limber-kiosk.service"))["Service"]
    _, command = unit_commands(service)
    kiosk = KioskUser("limber-kiosk-sound-")
    cgroups = delegated_cgroups(f"limber-fleet-sound-{os.getpid()}")
    manager = session = recorder = None
    limber_pid = None
    notify = None
    try:
        # The kiosk has PipeWire's PulseAudio server in place of PulseAudio
        # (pipewire-audio replaces it); this machine may have both.
        user_units = os.path.join(kiosk.home, ".config", "systemd", "user")
        os.makedirs(user_units)
        for unit in ("pulseaudio.service", "pulseaudio.socket"):
            os.symlink("/dev/null", os.path.join(user_units, unit))
        for below, folders, files in os.walk(os.path.join(kiosk.home, ".config")):
            kiosk.give(below)
            for name in files:
                kiosk.give(os.path.join(below, name))

        # READY=1 from the manager, which is what user@UID.service (Type=notify)
        # and so the PAM session wait for.
        notify_path = os.path.join(kiosk.tmp, "notify")
        notify = socket_module.socket(socket_module.AF_UNIX, socket_module.SOCK_DGRAM)
        notify.bind(notify_path)
        os.chmod(notify_path, 0o777)
        notify.settimeout(TIMEOUT)

        for folder in cgroups:
            os.makedirs(folder)
            kiosk.give(folder)
            for name in os.listdir(folder):
                kiosk.give(os.path.join(folder, name))
        # logind's state folders, which WirePlumber's seat monitor watches.
        script = "\n".join([
            "set -e",
            "mount -t tmpfs -o mode=755 tmpfs /run/systemd",
            "mkdir /run/systemd/system /run/systemd/seats /run/systemd/sessions /run/systemd/users",
            *[f"echo $$ > {shlex.quote(os.path.join(folder, 'cgroup.procs'))}" for folder in cgroups],
            *([f"mount --bind {unified_at} /sys/fs/cgroup"] if unified_at else []),
            'exec "$@"'])
        user_env = {"PATH": "/usr/bin:/bin", "HOME": kiosk.home, "XDG_RUNTIME_DIR": kiosk.runtime,
                    "DBUS_SESSION_BUS_ADDRESS": f"unix:path={os.path.join(kiosk.runtime, 'bus')}",
                    "LANG": "C.UTF-8"}
        argv = [tools["unshare"], "--mount", "--propagation", "private", "sh", "-c", script, "sh",
                *kiosk.become, "env", "-i", *[f"{name}={value}" for name, value in user_env.items()],
                f"NOTIFY_SOCKET={notify_path}", manager_binary, "--user"]
        note("$ " + " ".join(shlex.quote(word) for word in argv))
        manager_log = open(os.path.join(kiosk.tmp, "manager.log"), "w")
        manager = subprocess.Popen(argv, stdout=manager_log, stderr=subprocess.STDOUT, start_new_session=True)

        ready = False
        started = time.monotonic()
        try:
            while not ready:
                ready = b"READY=1" in notify.recv(4096)
        except socket_module.timeout:
            pass
        report(ready, "the kiosk user's service manager starts and says it is ready, as for the unit's PAM session",
               f"READY=1 after {time.monotonic() - started:.1f} s" if ready else "no READY=1")
        if not ready:
            return finish()

        def as_kiosk(*words, **kwargs):
            return subprocess.run(kiosk.become + list(words), env=user_env, capture_output=True, text=True,
                                  timeout=TIMEOUT, **kwargs)

        # The manager says it is ready once its basic.target is (systemd 236
        # on), before default.target's services: on forky WirePlumber waits
        # for the user bus first. So they come up beside cage, on the kiosk.
        def sound_states():
            return {unit: as_kiosk(tools["systemctl"], "--user", "is-active", unit).stdout.strip()
                    for unit in SOUND_UNITS}

        def sound_running():
            states = sound_states()
            return states if all(state == "active" for state in states.values()) else None

        try:
            states = wait_for(sound_running, "the sound server to run")
        except TimeoutError as error:
            states = sound_states()
            note(str(error))
        report(all(state == "active" for state in states.values()),
               "once it is ready, it starts PipeWire, WirePlumber and PipeWire's PulseAudio server",
               ", ".join(f"{unit} {state}" for unit, state in states.items()))

        # The clinic TV: a sink that keeps what it is given, made the default.
        loaded = as_kiosk(tools["pactl"], "load-module", "module-null-sink", f"sink_name={SINK}")
        # PipeWire makes the sink a moment after it says it loaded it: until
        # then it calls the sink's name "Not supported".
        for _ in range(50):
            default = as_kiosk(tools["pactl"], "set-default-sink", SINK)
            if default.returncode == 0 or loaded.returncode != 0:
                break
            time.sleep(0.1)
        report(loaded.returncode == 0 and default.returncode == 0,
               "the sound server takes a sink for the TV, made the default", loaded.stderr + default.stderr)
        if loaded.returncode != 0:
            return finish()
        recording = os.path.join(kiosk.tmp, "tv.wav")
        open(recording, "w").close()
        kiosk.give(recording)
        # In small pieces: what the sound server holds back when the recording
        # stops (up to two seconds with its default) is lost.
        recorder = subprocess.Popen(kiosk.become + [tools["parecord"], f"--device={SINK}.monitor",
                                                   "--latency-msec=100", "--file-format=wav", recording],
                                    env=user_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

        env, limber = kiosk_environment(options, service, kiosk)
        # The session bus is the user's own, as the PAM session gives it.
        env["DBUS_SESSION_BUS_ADDRESS"] = user_env["DBUS_SESSION_BUS_ADDRESS"]
        session, pid_file = start_cage(kiosk, env, command, limber)
        limber_pid = int(wait_for(lambda: open(pid_file).read().strip() if os.path.exists(pid_file)
                                  else ("0" if session.poll() is not None else None), "limber to start"))

        def limber_plays():
            if session.poll() is not None:
                return "gone"
            inputs = as_kiosk(tools["pactl"], "list", "sink-inputs").stdout
            return inputs if f'application.process.id = "{limber_pid}"' in inputs else None

        try:
            playing = wait_for(limber_plays, "Limber's voice on the sound server")
        except TimeoutError as error:
            playing = None
            note(str(error))
        report(playing not in (None, "gone"), "Limber plays to the kiosk user's sound server",
               "" if playing not in (None, "gone") else as_kiosk(tools["pactl"], "list", "sink-inputs").stdout)
        if playing in (None, "gone"):
            return finish()
        time.sleep(RECORD_SECONDS)
        recorder.send_signal(signal.SIGINT)
        recorder.wait(timeout=15)
        wayland = wayland_socket(kiosk.runtime)
        if wayland and shutil.which("grim"):
            def screenshot(kind):
                path = os.path.join(kiosk.runtime, f"shot.{kind}")
                result = subprocess.run(kiosk.become + [shutil.which("grim"), "-t", kind, path],
                                        env=dict(env, WAYLAND_DISPLAY=wayland), capture_output=True, timeout=TIMEOUT)
                return path if result.returncode == 0 else None

            def covered():
                path = screenshot("ppm")
                return path if path and black_fraction(read_ppm(path)[2]) < 0.01 else None

            try:
                wait_for(covered, "the kiosk to cover the output")
            except TimeoutError as error:
                note(str(error))
            shot = screenshot("png")
            if shot:
                os.makedirs(options.log_dir, exist_ok=True)
                shutil.copyfile(shot, os.path.join(options.log_dir, "kiosk-sound.png"))
                note(f"screenshot: {os.path.join(options.log_dir, 'kiosk-sound.png')}")
        rms, length = rms_amplitude(recording)
        saved = os.path.join(options.log_dir, "kiosk-sound.wav")
        os.makedirs(options.log_dir, exist_ok=True)
        shutil.copyfile(recording, saved)
        note(f"recording: {saved}")
        # Speech is loud and broken by pauses; silence measures 0.
        share = loud_fraction(recording)
        report(rms > 0.005 and length >= RECORD_SECONDS - 1 and 0.2 <= share <= 0.95,
               "Limber's voice reaches the TV's sink: sound broken by pauses, as speech is",
               f"RMS amplitude {rms:.4f} over {length:.1f} s; {share:.0%} of its 100 ms windows are not silent")
    except TimeoutError as error:
        report(False, str(error))
    finally:
        stop_cage(session, limber_pid, kiosk.tmp)
        if recorder is not None and recorder.poll() is None:
            recorder.kill()
            recorder.wait()
        if manager is not None:
            manager.terminate()  # the user manager stops its services and exits
            try:
                manager.wait(timeout=15)
            except subprocess.TimeoutExpired:
                manager.kill()
                manager.wait()
            with open(os.path.join(kiosk.tmp, "manager.log"), errors="replace") as log:
                note("manager log:\n" + log.read()[-2000:])
        remove_cgroups(cgroups)
        if notify is not None:
            notify.close()
        shutil.rmtree(kiosk.tmp, ignore_errors=True)
    return finish()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("part", choices=("dconf", "unit", "boot", "sound"))
    parser.add_argument("--kiosk-dir", required=True, help="data/kiosk/ of the source tree")
    parser.add_argument("--catalog", help="the exercise catalog (dconf)")
    parser.add_argument("--limber", help="the built limber (boot)")
    parser.add_argument("--log-dir", help="where the screenshot goes (boot)")
    options = parser.parse_args()
    # meson's timeout sends SIGTERM: the sessions and services this started
    # are stopped on the way out, by the parts' finally blocks.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(1))
    try:
        return {"dconf": run_dconf, "unit": run_unit, "boot": run_boot, "sound": run_sound}[options.part](options)
    except Exception as error:  # a crash is a failure with its reason, not a silent TAP stream
        report(False, f"{options.part}: {type(error).__name__}: {error}")
        return finish()


if __name__ == "__main__":
    sys.exit(main())
