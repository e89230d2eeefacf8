#!/usr/bin/python3
"""The Flatpak manifests keep to what Flathub accepts and what Limber needs
(meson test flatpak-manifest, flatpak-manifest-devel).

check-flatpak-manifest.py MANIFEST [--source-dir DIR] [--version VERSION]:
the rules of flatpak-builder-lint (flathub-infra/flatpak-builder-lint,
flatpak_builder_lint/checks/) that can be checked offline, each reported
under the linter's own error name, and Limber's own:

- the file is named after the app id, which is well formed (appid-*);
- exactly the allowed sandbox holes: no network, no file system, since
  import and export go through the file chooser portal;
- the GNOME 51 runtime; a command, no branch, modules (toplevel-*);
- every git source has a URL over https and a tag with its commit, never a
  branch; every source but a local folder has x-checker-data, without
  commit-query; a local folder ("dir") only in the Devel manifest
  (module-*-source-*, module-*-checker-tracks-commits);
- keys in the order of Flathub's examples, and no key flatpak-builder
  would not know (manifest-unknown-properties);
- espeak-ng's library and voices stay in the app: Limber speaks with them;
- the release builds a tag of Limber's, vX.Y.Z, and its commit. In a git
  checkout the commit must be in the history, be version X.Y.Z in its
  meson.build, and carry the tag once the tag exists; until then the check
  says which commit is to carry it, and when the tree's VERSION has moved
  on, that the manifest is to follow once the new tag is made.

Modules given as file names are read from beside the manifest.
"""

import argparse
import json
import os
import re
import subprocess
import sys

BASE_ID = "io.github.limberapp.Limber"
RUNTIME, RUNTIME_VERSION, SDK = "org.gnome.Platform", "51", "org.gnome.Sdk"
FINISH_ARGS = ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri", "--socket=pulseaudio"]
LIMBER_URL = "https://github.com/limberapp/limber.git"
# The orders of Flathub's example manifests (docs.flathub.org, "Requirements").
TOP_KEYS = ["id", "runtime", "runtime-version", "sdk", "command", "finish-args", "cleanup", "modules"]
MODULE_KEYS = ["name", "buildsystem", "config-opts", "build-options", "no-parallel-make", "cleanup", "sources"]
SOURCE_KEYS = {
    "git": ["type", "url", "tag", "commit", "x-checker-data"],
    "archive": ["type", "url", "sha256", "x-checker-data"],
    "dir": ["type", "path"],
}
CHECKER_KEYS = ["type", "tag-pattern"]
# Limber speaks with libespeak-ng and its voices at run time.
ESPEAK_KEPT = ["/lib/libespeak-ng*", "/share/espeak-ng-data"]
ESPEAK_CLEANED = ["/bin", "/include", "/lib/pkgconfig", "*.la", "*.a"]
LIMBER_OPTIONS = ["-Dnarration=enabled", "-Dkiosk_examples=false", "-Dtests=false"]
APPID_COMPONENT = re.compile(r"^[A-Za-z_][\w\-]*$")
COMMIT = re.compile(r"^[0-9a-f]{40}$")


def unique_keys(pairs):
    """Plain JSON allows a key twice; flatpak-builder would keep only the last."""
    keys = [key for key, _ in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"duplicate keys {duplicates}")
    return dict(pairs)


def load(path):
    with open(path) as f:
        return json.load(f, object_pairs_hook=unique_keys)


def check_keys(where, mapping, order, problems):
    unknown = [key for key in mapping if key not in order]
    if unknown:
        problems.append(f"manifest-unknown-properties: {where}: keys {unknown} (known here: {order})")
    known = [key for key in mapping if key in order]
    if known != sorted(known, key=order.index):
        problems.append(f"{where}: keys {known} are not in the order {[k for k in order if k in known]}")


def check_app_id(manifest_path, app_id, problems):
    if app_id != os.path.splitext(os.path.basename(manifest_path))[0]:
        problems.append(f"appid-filename-mismatch: the id is {app_id} but the file is {os.path.basename(manifest_path)}")
    if app_id not in (BASE_ID, BASE_ID + ".Devel"):
        problems.append(f"the id is {app_id!r}, not {BASE_ID} or {BASE_ID}.Devel")
        return
    parts = app_id.split(".")
    if not all(APPID_COMPONENT.match(part) for part in parts):
        problems.append("appid-component-wrong-syntax")
    if len(parts) > 5:
        problems.append("appid-too-many-components-for-app")
    if parts[:2] == ["io", "github"] and len(parts) < 4:
        problems.append("appid-code-hosting-too-few-components")


def check_source(module, source, devel, problems):
    kind = source.get("type")
    check_keys(f"module {module}: {kind} source", source, SOURCE_KEYS.get(kind, ["type"]), problems)
    if kind == "dir":
        if not devel:
            problems.append(f"module-{module}-source-dir-not-allowed: Flathub builds no local folder; only the "
                            "Devel manifest may")
        return
    if kind == "git":
        url = source.get("url", "")
        if not url:
            problems.append(f"module-{module}-source-git-no-url")
        elif not url.startswith("https://"):
            problems.append(f"module-{module}-source-git-url-not-http: {url}")
        if "branch" in source:
            problems.append(f"module-{module}-source-git-branch: a branch moves; name a tag and its commit")
        if not source.get("tag"):
            problems.append(f"module-{module}-source-git-no-tag-commit-branch: name a tag and its commit")
        if not COMMIT.match(source.get("commit", "")):
            problems.append(f"module-{module}-source-git-no-commit-with-tag: the tag's full 40-digit commit id is "
                            f"missing (an error for new Flathub submissions)")
    elif kind == "archive":
        if not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
            problems.append(f"module {module}: archive {source.get('url')} without a sha256")
        if "sha1" in source or "md5" in source:
            problems.append(f"module-{module}-source-sha1-deprecated or -md5-deprecated")
    checker = source.get("x-checker-data")
    if not isinstance(checker, dict) or not checker.get("type"):
        problems.append(f"module {module}: its {kind} source has no x-checker-data (Flathub's external data checker "
                        "then never offers the next release)")
    else:
        check_keys(f"module {module}: x-checker-data", checker, CHECKER_KEYS, problems)
        if "commit-query" in checker:
            problems.append(f"module-{module}-checker-tracks-commits")
        pattern = checker.get("tag-pattern")
        if pattern and source.get("tag"):
            match = re.fullmatch(pattern, source["tag"])
            if not match or len(match.groups()) != 1:
                problems.append(f"module {module}: tag-pattern {pattern!r} does not take the version out of the "
                                f"tag {source['tag']!r}")


def check_module(module, devel, problems):
    name = module.get("name", "?")
    check_keys(f"module {name}", module, MODULE_KEYS, problems)
    if any(opt.startswith("--enable-debug") and not opt.endswith("=no") for opt in module.get("config-opts", [])):
        problems.append(f"module-{name}-autotools-non-release-build")
    if "--share=network" in module.get("build-options", {}).get("build-args", []):
        problems.append(f"module-{name}-build-network-access")
    if any(c == "/lib/debug" or c.startswith("/lib/debug/") for c in module.get("cleanup", [])):
        problems.append(f"module-{name}-cleanup-debug")
    git_urls = [s.get("url") for s in module.get("sources", []) if s.get("type") == "git" and "dest" not in s]
    if len(git_urls) > 1:
        problems.append(f"module-{name}-multiple-git-sources-stacked")
    if not module.get("sources"):
        problems.append(f"module {name}: no sources")
    for source in module.get("sources", []):
        check_source(name, source, devel, problems)


def git(source_dir, *args):
    return subprocess.run(["git", "-C", source_dir, *args], capture_output=True, text=True)


def project_version(meson_build):
    match = re.search(r"^\s*version:\s*'([^']+)'", meson_build, re.MULTILINE)
    return match.group(1) if match else None


def check_release_commit(source_dir, tag, commit, problems, notes):
    """The chicken and the egg: a commit cannot name itself, so the manifest
    names the release commit from a later commit (README.md, "Releasing")."""
    if git(source_dir, "rev-parse", "--git-dir").returncode != 0:
        notes.append("not a git checkout (a release tarball?): the commit is not looked up")
        return
    if git(source_dir, "rev-parse", "--is-shallow-repository").stdout.strip() == "true":
        notes.append("a shallow clone: the commit is not looked up")
        return
    newest = git(source_dir, "log", "-1", "--format=%H", "--", ".", ":(exclude)flatpak").stdout.strip()
    if git(source_dir, "cat-file", "-e", f"{commit}^{{commit}}").returncode != 0:
        problems.append(f"the commit {commit} is not in this repository: name the commit that is to be tagged "
                        f"{tag} (the newest commit outside flatpak/ is {newest})")
        return
    if git(source_dir, "merge-base", "--is-ancestor", commit, "HEAD").returncode != 0:
        problems.append(f"the commit {commit} is not in HEAD's history (a rebase?): name {newest} or the commit "
                        f"that is to be tagged {tag}")
        return
    version = project_version(git(source_dir, "show", f"{commit}:meson.build").stdout)
    if f"v{version}" != tag:
        problems.append(f"the commit {commit} is version {version}, not {tag}: name a commit of {tag}")
    tagged = git(source_dir, "rev-parse", "--verify", "--quiet", f"refs/tags/{tag}").stdout.strip()
    if tagged:
        peeled = git(source_dir, "rev-parse", f"{tag}^{{commit}}").stdout.strip()
        if commit not in (tagged, peeled):
            problems.append(f"the tag {tag} is on {peeled}, but the manifest names {commit}: flatpak-builder "
                            "refuses that; name the tag's commit")
        else:
            notes.append(f"the tag {tag} is on {commit}, as the manifest says")
    else:
        notes.append(f"the tag {tag} does not exist yet: it is to be put on {commit}, which the manifest names"
                     + ("" if commit == newest else f" (the newest commit outside flatpak/ is {newest})"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("manifest")
    parser.add_argument("--source-dir", help="the source tree, to look the release commit up with git")
    parser.add_argument("--version", help="the project's version: the release manifest builds its tag")
    args = parser.parse_args()
    problems, notes = [], []

    manifest = load(args.manifest)
    app_id = manifest.get("id", "")
    devel = app_id.endswith(".Devel")
    check_app_id(args.manifest, app_id, problems)
    check_keys("the manifest", manifest, TOP_KEYS, problems)
    expected = {"runtime": RUNTIME, "runtime-version": RUNTIME_VERSION, "sdk": SDK, "command": "limber",
                "finish-args": FINISH_ARGS}
    for key, value in expected.items():
        if manifest.get(key) != value:
            problems.append(f"{key} is {manifest.get(key)!r}, not {value!r}")
    if str(manifest.get("command", "")).startswith("/"):
        problems.append("toplevel-command-is-path")
    if any(c == "/lib/debug" or c.startswith("/lib/debug/") for c in manifest.get("cleanup", [])):
        problems.append("toplevel-cleanup-debug")
    if not manifest.get("modules"):
        problems.append("toplevel-no-modules")

    modules = {}
    for entry in manifest.get("modules", []):
        if isinstance(entry, str):
            entry = load(os.path.join(os.path.dirname(args.manifest), entry))
        check_module(entry, devel, problems)
        modules[entry.get("name")] = entry
    if list(modules) != ["espeak-ng", "limber"]:
        problems.append(f"modules are {list(modules)}, not espeak-ng then limber")

    espeak = modules.get("espeak-ng", {})
    for kept in ESPEAK_KEPT:
        if any(kept.startswith(pattern.rstrip("*")) or pattern.startswith(kept.rstrip("*"))
               for pattern in espeak.get("cleanup", [])):
            problems.append(f"module espeak-ng: cleanup removes {kept}, which Limber speaks with")
    for cleaned in ESPEAK_CLEANED:
        if cleaned not in espeak.get("cleanup", []):
            problems.append(f"module espeak-ng: cleanup does not remove {cleaned}, which Limber does not need")

    limber = modules.get("limber", {})
    options = limber.get("config-opts", [])
    wanted = LIMBER_OPTIONS + (["-Dprofile=development"] if devel else [])
    if limber.get("buildsystem") != "meson" or sorted(options) != sorted(wanted):
        problems.append(f"module limber: not a meson build with exactly {wanted}")
    sources = limber.get("sources", [])
    if devel:
        if [s.get("type") for s in sources] != ["dir"]:
            problems.append("module limber: the Devel manifest builds the checkout it is in, a dir source")
    else:
        git_sources = [s for s in sources if s.get("type") == "git" and s.get("url") == LIMBER_URL]
        if len(git_sources) != 1:
            problems.append(f"module limber: not built from {LIMBER_URL}")
        else:
            tag, commit = git_sources[0].get("tag", ""), git_sources[0].get("commit", "")
            if args.version and tag != f"v{args.version}":
                # Between a release's commit and its tag, the manifest still
                # builds the release before (README.md, "Releasing").
                notes.append(f"the manifest builds {tag}; this tree is {args.version}: once v{args.version} is "
                             "tagged, name it and its commit here")
            if args.source_dir and COMMIT.match(commit):
                check_release_commit(args.source_dir, tag, commit, problems, notes)

    for note in notes:
        print(f"check-flatpak-manifest: {note}")
    for problem in problems:
        print(f"check-flatpak-manifest: {problem}", file=sys.stderr)
    print(f"check-flatpak-manifest: {'ok' if not problems else 'FAILED'}: {args.manifest}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
