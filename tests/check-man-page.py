#!/usr/bin/python3
"""The man page is valid roff and documents exactly the options Limber has
(meson test man-page).

check-man-page.py --man-page limber.1 --limber LIMBER [--man MAN] [--groff GROFF]:
formats the page as Debian's lintian does (man-db's `man --warnings`, which
runs groff with all its warnings on), or with `groff -ww` alone, and fails
on any warning; then compares the options under OPTIONS with those that
`limber --help-all` prints, both ways.
"""

import argparse
import os
import re
import subprocess
import sys

# "  -h, --help   Show help options" and "  --catalog=FILE   Read …"
HELP_OPTION = re.compile(r"^\s+(?:-\w, )?--([\w-]+)", re.MULTILINE)
# An entry under OPTIONS: .TP, then the option in bold, such as
# ".BI \-\-catalog= FILE" or ".BR \-h ", " \-\-help".
MAN_ENTRY = re.compile(r"^\.TP\n\.B[IR]? (.*)$", re.MULTILINE)
MAN_OPTION = re.compile(r"\\-\\-((?:[\w]|\\-)+)")


def lint(args):
    env = dict(os.environ, LC_ALL="C.UTF-8", MANROFFSEQ="", MANWIDTH="80")
    if args.man:
        command = [args.man, "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", args.man_page]
    else:
        command = [args.groff, "-man", "-ww", "-z", "-K", "utf8", args.man_page]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    print(f"{' '.join(command)}: exit {result.returncode}")
    warnings = result.stderr.strip()
    if result.returncode != 0 or warnings:
        return [f"{os.path.basename(command[0])} on {args.man_page}: {warnings or f'exit {result.returncode}'}"]
    return []


def options_section(text):
    match = re.search(r"^\.SH OPTIONS\n(.*?)^\.SH ", text, re.MULTILINE | re.DOTALL)
    return match.group(1) if match else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--man-page", required=True)
    parser.add_argument("--limber", required=True)
    parser.add_argument("--man")
    parser.add_argument("--groff")
    args = parser.parse_args()
    if not (args.man or args.groff):
        parser.error("give --man or --groff")

    problems = lint(args)

    help_text = subprocess.run([args.limber, "--help-all"], env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE=""),
                               capture_output=True, text=True, check=True).stdout
    offered = HELP_OPTION.findall(help_text)
    with open(args.man_page) as f:
        entries = MAN_ENTRY.findall(options_section(f.read()))
    documented = [name.replace("\\-", "-") for entry in entries for name in MAN_OPTION.findall(entry)]
    print(f"limber --help-all: {', '.join('--' + o for o in offered)}")
    print(f"the man page's OPTIONS: {', '.join('--' + o for o in documented)}")

    for option in offered:
        if option not in documented:
            problems.append(f"--{option} is missing from the man page's OPTIONS (data/limber.1.in)")
    for option in documented:
        if option not in offered:
            problems.append(f"the man page documents --{option}, which limber does not have")
    if not offered:
        problems.append("limber --help-all listed no option")

    for problem in problems:
        print(f"check-man-page: {problem}", file=sys.stderr)
    print(f"check-man-page: {'ok' if not problems else 'FAILED'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
