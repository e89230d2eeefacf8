#!/usr/bin/python3
"""A packager's -Dtests=false needs none of the tests' dependencies
(meson test configure-without-tests).

check-configure-without-tests.py --meson MESON --source-dir DIR: configures
the source tree with -Dtests=false where pkg-config cannot find libXtst, the
X11 library only the tests use (GTK itself may need libX11, so that one stays
findable and the log is checked instead), then fails if the configuration
failed, looked up x11, xtst or a test program (Xvfb, xdotool, openbox), or
registered any test.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HIDDEN = {"xtst.pc"}
# How meson's log names a lookup of one of the tests' dependencies.
TEST_ONLY = re.compile(r"^(Run-time dependency (x11|xtst) |Program (Xvfb|xdotool|openbox) )", re.MULTILINE)


def pkg_config_dirs():
    result = subprocess.run(["pkg-config", "--variable", "pc_path", "pkg-config"], capture_output=True, text=True,
                            check=True)
    extra = os.environ.get("PKG_CONFIG_PATH", "")
    return [d for d in (extra.split(":") + result.stdout.strip().split(":")) if d and os.path.isdir(d)]


def hiding_pkg_config_dir(work):
    """A pkg-config folder with every .pc file but the hidden ones, first found first."""
    folder = os.path.join(work, "pkgconfig")
    os.mkdir(folder)
    for directory in pkg_config_dirs():
        for name in os.listdir(directory):
            target = os.path.join(folder, name)
            if name.endswith(".pc") and name not in HIDDEN and not os.path.lexists(target):
                os.symlink(os.path.join(directory, name), target)
    return folder


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--meson", required=True)
    parser.add_argument("--source-dir", required=True)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="limber-no-tests-")
    problems = []
    try:
        env = dict(os.environ, PKG_CONFIG_LIBDIR=hiding_pkg_config_dir(work))
        env.pop("PKG_CONFIG_PATH", None)
        if subprocess.run(["pkg-config", "--exists", "xtst"], env=env).returncode == 0:
            print("check-configure-without-tests: libXtst is still findable; the check proves nothing",
                  file=sys.stderr)
            return 1

        build_dir = os.path.join(work, "build")
        setup = subprocess.run([args.meson, "setup", build_dir, args.source_dir, "-Dtests=false"], env=env,
                               capture_output=True, text=True)
        print(setup.stdout)
        if setup.returncode != 0:
            print(setup.stderr, file=sys.stderr)
            problems.append(f"meson setup -Dtests=false failed (exit {setup.returncode}) without libXtst")
        else:
            with open(os.path.join(build_dir, "meson-logs", "meson-log.txt")) as f:
                lookups = TEST_ONLY.findall(f.read())
            for whole, *_ in lookups:
                problems.append(f"the configuration looked up a test dependency: {whole.strip()}")
            tests = subprocess.run([args.meson, "introspect", build_dir, "--tests"], env=env, capture_output=True,
                                   text=True, check=True)
            names = [test["name"] for test in json.loads(tests.stdout)]
            if names:
                problems.append(f"-Dtests=false still registers tests: {', '.join(names)}")
    finally:
        shutil.rmtree(work)

    for problem in problems:
        print(f"check-configure-without-tests: {problem}", file=sys.stderr)
    print(f"check-configure-without-tests: {'ok' if not problems else 'FAILED'}: configured with libXtst hidden")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
