#!/usr/bin/python3
"""What `meson install` puts where (meson test install-tree).

Installs the build into a fresh DESTDIR, prints the tree, and fails unless
every file a GNOME app needs is in its standard place and nothing else is
there: no library, header or test program, no translation that -Dlocales
left out. The voice is synthesized at run time: no recording is installed.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile



def expected_files(args):
    bindir, datadir, localedir = (os.path.join(args.prefix, d) for d in (args.bindir, args.datadir, args.localedir))
    # Named by the app's id: the release's, or a development build's (.Devel).
    app_id = args.application_id
    files = [
        os.path.join(bindir, "limber"),
        os.path.join(args.prefix, args.mandir, "man1", "limber.1"),
        os.path.join(datadir, "applications", f"{app_id}.desktop"),
        os.path.join(datadir, "dbus-1", "services", f"{app_id}.service"),
        os.path.join(datadir, "metainfo", f"{app_id}.metainfo.xml"),
        os.path.join(datadir, "icons", "hicolor", "scalable", "apps", f"{app_id}.svg"),
        os.path.join(datadir, "icons", "hicolor", "symbolic", "apps", f"{app_id}-symbolic.svg"),
        os.path.join(datadir, "glib-2.0", "schemas", f"{app_id}.gschema.xml"),
    ]
    files += [os.path.join(localedir, locale, "LC_MESSAGES", "limber.mo") for locale in args.locales]
    # The clinic kiosk's example fleet configuration, as documentation;
    # -Dkiosk_examples=false (the Flatpak) leaves it out.
    if args.kiosk_examples:
        kiosk = os.path.join(datadir, "doc", "limber", "kiosk")
        files += [os.path.join(kiosk, part) for part in (
            "profile/limber-kiosk",
            "db/limber-kiosk.d/00-limber-kiosk",
            "db/limber-kiosk.d/locks/00-limber-kiosk",
            "limber-kiosk.service",
            "pam/limber-kiosk",
        )]
    return {os.path.normpath(f).lstrip("/") for f in files}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--meson", required=True)
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--bindir", required=True)
    parser.add_argument("--datadir", required=True)
    parser.add_argument("--localedir", required=True)
    parser.add_argument("--mandir", required=True)
    parser.add_argument("--locales", default="", type=lambda s: [l for l in s.split(",") if l])
    parser.add_argument("--application-id", required=True)
    parser.add_argument("--kiosk-examples", action="store_true")
    args = parser.parse_args()

    destdir = tempfile.mkdtemp(prefix="limber-install-")
    try:
        # --no-rebuild: meson test has built everything already, and the
        # install must not race the tests that run beside this one.
        subprocess.run([args.meson, "install", "-C", args.build_dir, "--destdir", destdir, "--no-rebuild",
                        "--quiet"], check=True, stdout=subprocess.DEVNULL)
        installed = {os.path.relpath(os.path.join(root, name), destdir)
                     for root, _, names in os.walk(destdir) for name in names}
        sizes = {path: os.path.getsize(os.path.join(destdir, path)) for path in installed}
    finally:
        shutil.rmtree(destdir)

    for path in sorted(installed):
        print(f"{sizes[path]:>10}  /{path}")
    print(f"{len(installed)} files, {sum(sizes.values())} bytes")

    wanted = expected_files(args)
    missing = sorted(wanted - installed)
    unexpected = sorted(installed - wanted)
    for path in missing:
        print(f"check-install-tree: missing /{path}", file=sys.stderr)
    for path in unexpected:
        print(f"check-install-tree: not expected /{path} (add it to tests/check-install-tree.py if it "
              "belongs in the install)", file=sys.stderr)
    return 1 if missing or unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
