#!/usr/bin/python3
"""The desktop file and the D-Bus service file, as a launcher and the bus read them.

check-desktop-file.py DESKTOP_FILE_VALIDATE DESKTOP_FILE SERVICE_FILE:
desktop-file-validate finds nothing but what its version cannot know; the
desktop file asks for D-Bus activation and a single main window, and the
service file starts that same application as a GApplication service.
(tests/test-application.c starts Limber through both, on a real bus.)
"""

import os
import re
import subprocess
import sys
import tempfile

APP_ID = "io.github.limberapp.Limber"

# Desktop Entry 1.5 (2020) keys: desktop-file-validate 0.26 (Debian 12)
# predates them and calls them unknown; 0.27 and later know them.
NEWER_THAN_VALIDATOR = {"SingleMainWindow"}


def read_group(path, group):
    """The keys of [group], as a launcher reads them (no locale variants)."""
    keys, current = {}, None
    with open(path, encoding="utf-8") as file:
        for line in file:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                current = line[1:-1]
            elif current == group and "=" in line:
                key, value = line.split("=", 1)
                keys[key.strip()] = value.strip()
    return keys


def validate(validator, path):
    result = subprocess.run([validator, path], capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    if output:
        print(output)
    return result.returncode, output


def main():
    validator, desktop, service = sys.argv[1:4]
    problems = []

    status, output = validate(validator, desktop)
    if status != 0:
        unknown = set(re.findall(r'file contains key "([^"]+)" in group "Desktop Entry", but keys extending', output))
        errors = [line for line in output.splitlines() if ": error: " in line]
        if unknown and unknown <= NEWER_THAN_VALIDATOR and len(errors) == len(unknown):
            # Everything else must still pass, checked on a copy without them.
            with tempfile.TemporaryDirectory() as tmp:
                copy = os.path.join(tmp, os.path.basename(desktop))
                with open(desktop, encoding="utf-8") as src, open(copy, "w", encoding="utf-8") as dst:
                    dst.writelines(line for line in src if line.split("=", 1)[0].strip() not in unknown)
                status, _ = validate(validator, copy)
            if status == 0:
                print(f"{validator} does not know {', '.join(sorted(unknown))} (Desktop Entry 1.5); "
                      "the rest of the file validates")
        if status != 0:
            problems.append("desktop-file-validate reports errors")

    entry = read_group(desktop, "Desktop Entry")
    if os.path.basename(desktop) != f"{APP_ID}.desktop":
        problems.append(f"a D-Bus activatable desktop file is named after its bus name, {APP_ID}.desktop")
    for key in ("DBusActivatable", "SingleMainWindow"):
        if entry.get(key) != "true":
            problems.append(f"{key} is {entry.get(key)!r}, not 'true'")

    bus = read_group(service, "D-BUS Service")
    if os.path.basename(service) != f"{APP_ID}.service":
        problems.append(f"the service file is named {os.path.basename(service)}, not {APP_ID}.service")
    if bus.get("Name") != APP_ID:
        problems.append(f"the service file's Name is {bus.get('Name')!r}, not {APP_ID}")
    command = bus.get("Exec", "").split()
    if len(command) != 2 or not os.path.isabs(command[0]) or os.path.basename(command[0]) != "limber" \
            or command[1] != "--gapplication-service":
        problems.append(f"the service file's Exec is {bus.get('Exec')!r}, not /…/limber --gapplication-service")

    for problem in problems:
        print(f"check-desktop-file: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
