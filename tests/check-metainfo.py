#!/usr/bin/python3
"""The installed AppStream metainfo, as a software centre and Flathub read it.

check-metainfo.py APPSTREAMCLI METAINFO SCREENSHOTS_DIR APP_ID VERSION:
appstreamcli validate --pedantic finds nothing but what AppStream 0.16 cannot
know; the summary is short enough for Flathub; the newest release is this
version; every screenshot it names is committed, a window-sized PNG, and
named at this version's tag (Flathub wants a tag or a commit, not a branch).
"""

import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ElementTree


def accepted(app_id):
    """What appstreamcli 0.16 (Debian 12) reports and cannot be helped: the id
    is reverse DNS with the project's capitalised name, as Flathub requires,
    and <developer> came after 0.16 (newer validators know it)."""
    return {
        ("cid-contains-uppercase-letter", app_id),
        ("unknown-tag", "developer"),
    }

SCREENSHOT_URL = "https://raw.githubusercontent.com/limberapp/limber/v{version}/data/screenshots/"
MAX_WIDTH, MAX_HEIGHT = 1000, 700
# Flathub's quality guidelines: a summary of 35 characters or fewer.
MAX_SUMMARY = 35


def validator_issues(appstreamcli, metainfo):
    result = subprocess.run([appstreamcli, "validate", "--no-net", "--pedantic", "--format", "yaml", metainfo],
                            capture_output=True, text=True)
    print(result.stdout)
    # The YAML report lists "- tag: …" then the issue's fields, "hint: …" among them.
    issues = []
    for block in re.split(r"^- ", result.stdout, flags=re.MULTILINE)[1:]:
        fields = dict(re.findall(r"^\s*(tag|hint|severity): (.*)$", block, flags=re.MULTILINE))
        issues.append((fields.get("tag"), fields.get("hint", "").strip(), fields.get("severity")))
    return issues, result.returncode


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", header[16:24])


def main():
    appstreamcli, metainfo, screenshots_dir, app_id, version = sys.argv[1:]
    problems = []

    issues, status = validator_issues(appstreamcli, metainfo)
    if status != 0:
        problems.append(f"appstreamcli validate exited {status}")
    for tag, hint, severity in issues:
        if (tag, hint) not in accepted(app_id):
            problems.append(f"appstreamcli: {severity} {tag} {hint}")

    root = ElementTree.parse(metainfo).getroot()
    if root.findtext("id") != app_id:
        problems.append(f"id is {root.findtext('id')!r}")
    developer = root.find("developer")
    if developer is None or not developer.get("id") or not developer.findtext("name"):
        problems.append("no <developer> with an id and a name (Flathub wants both)")
    if root.findtext("launchable[@type='desktop-id']") != f"{app_id}.desktop":
        problems.append("the launchable is not the desktop file")
    summary = root.findtext("summary")
    if len(summary) > MAX_SUMMARY:
        problems.append(f"the summary “{summary}” is {len(summary)} characters, over {MAX_SUMMARY}")
    releases = [release.get("version") for release in root.iter("release")]
    if not releases or releases[0] != version:
        problems.append(f"the newest release is {releases[:1]}, not this version {version} (add it, with notes)")

    images = [image.text.strip() for image in root.iter("image")]
    if not images:
        problems.append("no screenshots")
    base_url = SCREENSHOT_URL.format(version=version)
    for url in images:
        if not url.startswith(base_url):
            problems.append(f"screenshot {url} is not in data/screenshots at the tag v{version}")
            continue
        path = os.path.join(screenshots_dir, url[len(base_url):])
        size = png_size(path) if os.path.exists(path) else None
        if size is None:
            problems.append(f"screenshot {url}: no PNG at {path}")
        elif size[0] > MAX_WIDTH or size[1] > MAX_HEIGHT:
            problems.append(f"screenshot {url} is {size[0]}×{size[1]}, over {MAX_WIDTH}×{MAX_HEIGHT}")
        else:
            print(f"screenshot {os.path.basename(path)}: {size[0]}×{size[1]}")

    for problem in problems:
        print(f"check-metainfo: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
