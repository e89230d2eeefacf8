#!/usr/bin/python3
"""Limber's benchmark: start-up to the first painted frame, and RSS then.
With the mode "narration": how soon narration is heard, and its memory; the
same for run-time speech (LimberSpeech), with its synthesis times.
With the mode "kiosk": CPU in the kiosk's steady state (dwelling and speaking, in real time, beside a floor
window whose label changes once a second), then RSS over 1,000 narrated kiosk advances, or over --hours of
them, at accelerated speed.
With the mode "pin": the time one kiosk PIN check takes, yescrypt against the old PBKDF2.
With the mode "history": History opened on ten years of daily sessions, to its first frame.

Limber and two minimal in-tree AdwApplications (build-aux/bench-floor.c) run alternately under one Xvfb
(started by tests/run-under-xvfb), each printing the monotonic clock and its RSS at its first painted frame
(src/limber-first-frame.c): the bare floor, a window with an empty carousel, against which the targets are set,
so that what Limber builds before its first frame counts; and for reference the content floor, the same
six-page carousel as Limber's built in plain code. Then Limber on a clinic catalog of the most exercises a
catalog may hold. Medians, and Limber's ratio to the floor, are what to compare: absolute figures on a shared
machine are noise, ratios within one run are not.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

TARGET_RATIO = 1.3
TARGET_EXTRA_RSS_MIB = 20
TARGET_NARRATION_LATENCY_MS = 30
TARGET_KIOSK_GROWTH_MIB = 1.0
TARGET_DWELL_CPU_PERCENT = 2.0
TARGET_SPEAKING_CPU_PERCENT = 6.0
TARGET_HISTORY_MS = 100
HISTORY_DAYS = 3650
KIOSK_WARM_UP_ADVANCES = 10
# Caches, code and fonts paged in: an hour or more on the wall. Growth is judged after it.
KIOSK_SETTLED_ADVANCES = 100
KIOSK_CPU_WARM_UP_SECONDS = 5
TARGET_PIN_CHECK_MS = (50, 150)


def write_big_catalog(folder):
    """The built-in catalog's exercises over and over, as many as a catalog may hold: a clinic's catalog."""
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "upper-back.catalog.xml")
    header = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "limber-catalog.h")
    most = int(re.search(r"#define LIMBER_CATALOG_MAX_EXERCISES (\d+)", open(header).read()).group(1))
    text = open(source, encoding="utf-8").read()
    exercises = re.findall(r"  <exercise id=.*?</exercise>\n", text, re.S)
    copies = []
    for n in range(most):
        exercise = exercises[n % len(exercises)]
        copy = n // len(exercises)
        if copy > 0:
            exercise = re.sub(r'id="([^"]+)"', rf'id="\1-{copy}"', exercise, count=1)
            exercise = re.sub(r"<title>(.*?)</title>", rf"<title>\1 ({copy + 1})</title>", exercise, count=1)
        copies.append(exercise)
    start, end = text.index(exercises[0]), text.index(exercises[-1]) + len(exercises[-1])
    path = os.path.join(folder, "clinic.catalog.xml")
    with open(path, "w", encoding="utf-8") as out:
        out.write(text[:start] + "".join(copies) + text[end:])
    return path, most


def first_frame(command, env):
    started_us = time.monotonic_ns() // 1000
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    for line in result.stdout.splitlines():
        if line.startswith("first-frame-monotonic-us="):
            fields = dict(item.split("=") for item in line.split())
            return (int(fields["first-frame-monotonic-us"]) - started_us) / 1000.0, int(fields["rss-kib"]) / 1024.0
    sys.exit(f"bench: {command[0]} printed no first frame:\n{result.stdout}{result.stderr}")


def instructions(command, env):
    """Instructions to the first frame under callgrind: repeatable on a noisy machine."""
    with tempfile.NamedTemporaryFile(prefix="limber-bench.", suffix=".callgrind") as out:
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out.name}"] + command,
                       env=env, capture_output=True, check=True, timeout=600)
        for line in open(out.name):
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
    sys.exit(f"bench: callgrind wrote no totals for {command[0]}")


def start_sound_server(env):
    """PulseAudio with a null sink, private to this run's XDG_RUNTIME_DIR."""
    server = subprocess.Popen(["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                               "-L", "module-null-sink sink_name=limber_bench", "-L", "module-native-protocol-unix"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = os.path.join(env["XDG_RUNTIME_DIR"], "pulse", "native")
    for _ in range(200):
        if os.path.exists(socket):
            return server
        time.sleep(0.05)
    server.terminate()
    sys.exit("bench: the sound server did not start")


def rss_mib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024.0
    return 0.0


def app_rss_idle_and_narrating(command, env, seconds=4.0):
    """The real app: RSS two seconds after its window shows, then the peak while a session (Space) runs."""
    app = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        window = ""
        for _ in range(200):
            window = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Limber$"], env=env,
                                    capture_output=True, text=True).stdout.strip()
            if window:
                break
            time.sleep(0.05)
        if not window:
            sys.exit("bench: the Limber window did not appear")
        subprocess.run(["xdotool", "windowfocus", "--sync", window.split()[0]], env=env, check=True)
        time.sleep(2)
        idle = rss_mib(app.pid)
        subprocess.run(["xdotool", "key", "--clearmodifiers", "space"], env=env, check=True)
        narrating = idle
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            narrating = max(narrating, rss_mib(app.pid))
            time.sleep(0.1)
        return idle, narrating
    finally:
        app.terminate()
        app.wait()


def narration_env(args):
    return dict(os.environ, GSETTINGS_BACKEND="memory", LC_ALL="C.UTF-8",
                GSETTINGS_SCHEMA_DIR=os.path.join(args.build_dir, "data"),
                LIMBER_LOCALEDIR=os.path.join(args.build_dir, "po"))


def run_speech(args, env):
    """LimberSpeech through the sound server: say() of a prepared step to its first buffer, synthesis, RSS."""
    result = subprocess.run([os.path.join(args.build_dir, "build-aux", "limber-bench-narration"), "--speech",
                             str(args.narration_runs)], env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        sys.exit(f"bench: limber-bench-narration --speech failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def report_speech(output):
    fields = [line.split("=", 1) for line in output.splitlines() if "=" in line]
    latencies = [float(value) for key, value in fields if key == "latency-ms"]
    syntheses = [tuple(float(number) for number in value.split(":")) for key, value in fields if key == "synthesis"]
    info = {key: value for key, value in fields if key not in ("latency-ms", "synthesis")}

    latency = statistics.median(latencies)
    # The first also starts espeak-ng and loads its voice: told apart.
    (first_ms, first_spoken), rest = syntheses[0], syntheses[1:]
    times = [ms for ms, _ in rest]
    factors = [ms / spoken for ms, spoken in rest]
    slowest = max(rest)
    mib = {key: int(info[key]) / 1024.0 for key in ("rss-before-kib", "rss-idle-kib", "rss-speaking-kib")}
    print(f"Speech: say() of a prepared step to the first audio buffer at the sink, median of {len(latencies)} "
          f"runs (sink: {info.get('sink')}, PulseAudio null sink)")
    print(f"  median {latency:.1f} ms, min {min(latencies):.1f} ms, max {max(latencies):.1f} ms "
          f"(target <= {TARGET_NARRATION_LATENCY_MS} ms)")
    print(f"  synthesis of the catalog's {len(syntheses)} intros and steps, one at a time: the first (starting "
          f"espeak-ng) {first_ms:.1f} ms for {first_spoken / 1000:.1f} s of speech; the others median "
          f"{statistics.median(times):.1f} ms, max {slowest[0]:.1f} ms (for {slowest[1] / 1000:.1f} s of speech), "
          f"{statistics.median(factors) * 100:.2f}% of the spoken length (median), {max(factors) * 100:.2f}% at most")
    print(f"  bench process RSS: {mib['rss-before-kib']:.1f} MiB before any speech, {mib['rss-idle-kib']:.1f} MiB "
          f"idle and ready ({mib['rss-idle-kib'] - mib['rss-before-kib']:+.1f} MiB), at most "
          f"{mib['rss-speaking-kib']:.1f} MiB while speaking ({mib['rss-speaking-kib'] - mib['rss-idle-kib']:+.1f} MiB)")
    if "problem" in info:
        print(f"  problem reported: {info['problem']}")
    return latency <= TARGET_NARRATION_LATENCY_MS and "problem" not in info


def renderer_env(env, renderer):
    if renderer == "cairo":
        env.update(GDK_DEBUG="gl-disable", GSK_RENDERER="cairo")
    return env


def bench_narration(args):
    env = narration_env(args)
    server = start_sound_server(env)
    try:
        result = subprocess.run([os.path.join(args.build_dir, "build-aux", "limber-bench-narration"),
                                 str(args.narration_runs)], env=env, capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            sys.exit(f"bench: limber-bench-narration failed:\n{result.stdout}{result.stderr}")
        fields = [line.split("=", 1) for line in result.stdout.splitlines() if "=" in line]
        latencies = [float(value) for key, value in fields if key == "latency-ms"]
        info = {key: value for key, value in fields if key != "latency-ms"}
        idle, narrating = app_rss_idle_and_narrating([os.path.join(args.build_dir, "src", "limber")], env)
        speech = run_speech(args, env)
    finally:
        server.terminate()
        server.wait()

    latency = statistics.median(latencies)
    print(f"Session: Start to the first audio buffer at the sink, median of {len(latencies)} runs "
          f"from a stopped session (sink: {info.get('sink')}, PulseAudio null sink)")
    print(f"  median {latency:.1f} ms, min {min(latencies):.1f} ms, max {max(latencies):.1f} ms "
          f"(target <= {TARGET_NARRATION_LATENCY_MS} ms)")
    if "problem" in info:
        print(f"  problem reported: {info['problem']}")
    print(f"  app RSS (default renderer, Xvfb 1280x800): idle {idle:.1f} MiB, "
          f"in a session {narrating:.1f} MiB ({narrating - idle:+.1f} MiB)")
    speech_met = report_speech(speech)
    met = latency <= TARGET_NARRATION_LATENCY_MS and "problem" not in info and speech_met
    print("  targets met" if met else "  TARGETS MISSED")
    return 0 if met else 1


def screen_size():
    return os.environ.get("LIMBER_TEST_SCREEN", "1280x800x24").rsplit("x", 1)[0]


def usage(command, env, timeout):
    """A window's CPU over a while, as build-aux/bench-usage.c prints it."""
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        sys.exit(f"bench: {command[0]} failed:\n{result.stdout}{result.stderr}")
    fields = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    seconds = float(fields["seconds"])
    per_minute = 60.0 / seconds
    return {
        "ticks": int(fields["cpu-ticks"]) * per_minute,
        "percent": int(fields["cpu-ticks"]) / int(fields["clock-ticks-per-second"]) / seconds * 100,
        "frames": int(fields["frames"]) * per_minute,
        "problem": fields.get("problem"),
        "dwelling": fields.get("dwelling"),
    }


def kiosk_cpu(args):
    """Limber's kiosk at real speed, silent and speaking, and the floor: CPU per minute."""
    env = renderer_env(narration_env(args), args.renderer)
    warm_up, seconds = str(KIOSK_CPU_WARM_UP_SECONDS), str(args.cpu_seconds)
    timeout = KIOSK_CPU_WARM_UP_SECONDS + args.cpu_seconds + 120
    floor = usage([os.path.join(args.build_dir, "build-aux", "limber-bench-floor"), "--clock", warm_up, seconds],
                  env, timeout)
    kiosk = os.path.join(args.build_dir, "build-aux", "limber-bench-kiosk")
    dwell = usage([kiosk, "--cpu", "dwell", warm_up, seconds], env, timeout)
    server = start_sound_server(env)
    try:
        speaking = usage([kiosk, "--cpu", "speaking", warm_up, seconds], env, timeout)
    finally:
        server.terminate()
        server.wait()

    print(f"Kiosk CPU, real time, {args.cpu_seconds} s each after {warm_up} s, per minute "
          f"(renderer: {args.renderer}, Xvfb {screen_size()}, fullscreen under openbox; this process only, "
          f"all its threads; load average {os.getloadavg()[0]:.1f})")
    print(f"  {'window':40} {'CPU ticks':>9} {'% of a core':>11} {'frames':>7} {'x floor':>8}")
    rows = [("floor: a label that changes each second", floor), ("kiosk dwelling (muted)", dwell),
            ("kiosk speaking (PulseAudio null sink)", speaking)]
    for name, row in rows:
        ratio = row["ticks"] / floor["ticks"] if floor["ticks"] > 0 else float("inf")
        print(f"  {name:40} {row['ticks']:9.0f} {row['percent']:10.2f}% {row['frames']:7.0f} "
              f"{ratio:8.1f}")
    if dwell["dwelling"] != "1":
        print("  the muted kiosk did not dwell")
    if speaking["problem"] is not None or speaking["dwelling"] != "0":
        print(f"  the speaking kiosk did not speak: {speaking['problem']}")
    met = (dwell["percent"] <= TARGET_DWELL_CPU_PERCENT and dwell["dwelling"] == "1" and
           speaking["percent"] <= TARGET_SPEAKING_CPU_PERCENT and speaking["problem"] is None and
           speaking["dwelling"] == "0")
    print(f"kiosk CPU: dwelling {dwell['percent']:.2f}% (target <= {TARGET_DWELL_CPU_PERCENT:g}%), "
          f"speaking {speaking['percent']:.2f}% (target <= {TARGET_SPEAKING_CPU_PERCENT:g}%) of a core, "
          f"floor {floor['percent']:.2f}%: " + ("meets" if met else "MISSES"))
    return met


def bench_kiosk(args):
    """CPU at real speed, then the real window as a kiosk, narrating every slide into a fakesink
    (build-aux/bench-kiosk.c)."""
    cpu_met = kiosk_cpu(args) if args.cpu_seconds > 0 else True
    env = renderer_env(narration_env(args), args.renderer)
    command = [os.path.join(args.build_dir, "build-aux", "limber-bench-kiosk")]
    command += ["--hours", str(args.hours)] if args.hours else [str(args.advances)]
    command += [str(args.time_scale)]
    # At worst as slow as the 1,000 advances took before.
    advances_guess = args.advances if not args.hours else int(args.hours * 60)
    started = time.monotonic()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=advances_guess * 10 + 120)
    if result.returncode != 0:
        sys.exit(f"bench: limber-bench-kiosk failed:\n{result.stdout}{result.stderr}")
    fields = [line.split("=", 1) for line in result.stdout.splitlines() if "=" in line]
    info = {key: value for key, value in fields if key not in ("rss-kib", "cpu-ms")}
    cpu_ms = dict((int(a), float(ms)) for a, ms in (value.split(":") for key, value in fields if key == "cpu-ms"))
    # advances -> (VmRSS after malloc_trim, before it), in MiB; and RssAnon after it
    rss, anonymous = {}, {}
    for key, value in fields:
        if key == "rss-kib":
            advances, trimmed, untrimmed, anon = (int(number) for number in value.split(":"))
            rss[advances] = (trimmed / 1024.0, untrimmed / 1024.0)
            anonymous[advances] = anon / 1024.0

    total, narrated = int(info["advances"]), int(info["narrated"])
    (first, first_raw), (last, last_raw) = rss[KIOSK_WARM_UP_ADVANCES], rss[total]
    settled = KIOSK_SETTLED_ADVANCES if KIOSK_SETTLED_ADVANCES in rss and KIOSK_SETTLED_ADVANCES < total \
        else KIOSK_WARM_UP_ADVANCES
    growth = last - rss[settled][0]
    narrated_enough = narrated >= 0.9 * total and "problem" not in info
    met = growth <= TARGET_KIOSK_GROWTH_MIB and narrated_enough

    print(f"Kiosk: {total} advances at time scale {args.time_scale}, narration decoded by playbin into a "
          f"fakesink (sync=false), animations off (renderer: {args.renderer}, Xvfb {screen_size()}), "
          f"{time.monotonic() - started:.0f} s in all")
    if "hours" in info:
        print(f"  {info['hours']} h on the wall: {float(info['seconds-per-advance']):.1f} s of timed waits per "
              f"advance, speech not counted, so at least that long")
    print(f"  advances timed by narration: {narrated}, by the dwell: {info['dwelled']}; "
          f"loop iterations on a dwelling slide: {info['dwelling-samples']} of {info['samples']}")
    print(f"  {float(info['ms-per-advance']):.1f} ms per advance, {float(info['frames-per-advance']):.1f} frames "
          f"per advance (after the first {KIOSK_WARM_UP_ADVANCES})")
    print("  VmRSS after malloc_trim(0), MiB, by advances: "
          + ", ".join(f"{advances}: {trimmed:.1f}" for advances, (trimmed, _) in sorted(rss.items())))
    print(f"  without the trim: {first_raw:.1f} MiB after {KIOSK_WARM_UP_ADVANCES}, {last_raw:.1f} MiB after {total} "
          f"({last_raw - first_raw:+.2f} MiB)")
    print("  of it anonymous (RssAnon: not code or fonts paged in from files), MiB: "
          + ", ".join(f"{advances}: {mib:.1f}" for advances, mib in sorted(anonymous.items())))
    # A leak grows steadily; a warm-up (caches, allocator arenas) levels off.
    middle = max(advances for advances in rss if advances <= total // 2)
    print(f"  growth over the later advances, {middle} to {total}: {last - rss[middle][0]:+.2f} MiB")
    points = sorted(cpu_ms)
    per_advance = [(cpu_ms[b] - cpu_ms[a]) / (b - a) for a, b in zip(points, points[1:])]
    if len(per_advance) >= 2:
        print(f"  CPU per advance: {per_advance[0]:.0f} ms from {points[0]} to {points[1]}, "
              f"{per_advance[-1]:.0f} ms from {points[-2]} to {points[-1]} ({per_advance[-1] / per_advance[0] - 1:+.0%})")
    if "problem" in info:
        print(f"  problem reported: {info['problem']}")
    if not narrated_enough:
        print("  narration did not time the slides: the benchmark measured the dwell instead")
    print(f"kiosk: {total} advances ({narrated} narrated), RSS after {KIOSK_WARM_UP_ADVANCES}: {first:.1f} MiB, "
          f"after {settled} (warmed up): {rss[settled][0]:.1f} MiB, after {total}: {last:.1f} MiB, growth after the "
          f"warm-up {growth:+.2f} MiB (target <= {TARGET_KIOSK_GROWTH_MIB:g} MiB): " + ("meets" if met else "MISSES"))
    return 0 if met and cpu_met else 1


def bench_pin(args):
    """One PIN check as the kiosk's checking thread does it (build-aux/bench-pin.c)."""
    import hashlib

    result = subprocess.run([os.path.join(args.build_dir, "build-aux", "limber-bench-pin"), str(args.pin_runs)],
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        sys.exit(f"bench: limber-bench-pin failed:\n{result.stdout}{result.stderr}")
    times, info = {}, {}
    for key, value in (line.split("=", 1) for line in result.stdout.splitlines() if "=" in line):
        if key.endswith("-ms"):
            times.setdefault(key[:-3], []).append(float(value))
        else:
            info[key] = value
    median = {kind: statistics.median(values) for kind, values in times.items()}

    # What an attacker's PBKDF2 costs: OpenSSL's, through Python.
    openssl = []
    for _ in range(args.pin_runs):
        started = time.thread_time()
        hashlib.pbkdf2_hmac("sha256", b"482916", os.urandom(16), 100000)
        openssl.append((time.thread_time() - started) * 1000)
    openssl_ms = statistics.median(openssl)

    print(f"Kiosk PIN: one check (limber_kiosk_pin_verify_hash, as in the checking thread), median of "
          f"{len(times['yescrypt'])} runs, CPU time (wall clock, which a shared machine inflates, in brackets)")
    print(f"  yescrypt, {info['yescrypt-setting']} (libxcrypt cost 7, 64 MiB): {median['yescrypt-cpu']:.1f} ms "
          f"({median['yescrypt']:.1f}), peak RSS {int(info['yescrypt-rss-kib']) / 1024:.0f} MiB "
          f"(target {TARGET_PIN_CHECK_MS[0]}-{TARGET_PIN_CHECK_MS[1]} ms)")
    print(f"  old PBKDF2-SHA256, 100,000 iterations, Limber's own code: {median['pbkdf2-cpu']:.1f} ms "
          f"({median['pbkdf2']:.1f}); OpenSSL's, as an attacker would run it: {openssl_ms:.1f} ms, "
          f"{median['pbkdf2-cpu'] / openssl_ms:.1f} attacker tries per kiosk try")
    print(f"  the bounds, slower is a damaged hash: yescrypt cost 9 (256 MiB) {median['yescrypt-max-cpu']:.0f} ms, "
          f"PBKDF2 1,000,000 iterations {median['pbkdf2-max-cpu']:.0f} ms")
    met = TARGET_PIN_CHECK_MS[0] <= median["yescrypt-cpu"] <= TARGET_PIN_CHECK_MS[1]
    print("  targets met" if met else "  TARGETS MISSED")
    print(f"pin: yescrypt {median['yescrypt-cpu']:.1f} ms, old PBKDF2 {median['pbkdf2-cpu']:.1f} ms of CPU a check")


def bench_history(args):
    """History on a made-up history of ten years of daily sessions (build-aux/bench-history.c)."""
    env = renderer_env(dict(os.environ, GSETTINGS_BACKEND="memory", LC_ALL="C.UTF-8",
                            GSETTINGS_SCHEMA_DIR=os.path.join(args.build_dir, "data")), args.renderer)
    with tempfile.TemporaryDirectory(prefix="limber-bench-history.") as folder:
        history = os.path.join(folder, "history.sqlite")
        made = subprocess.run([os.path.join(args.build_dir, "build-aux", "limber-history-fixture"),
                               "--days", str(HISTORY_DAYS), "--every-day", history],
                              env=env, capture_output=True, text=True, timeout=600)
        if made.returncode != 0:
            sys.exit(f"bench: limber-history-fixture failed:\n{made.stdout}{made.stderr}")
        size_mib = os.path.getsize(history) / 1024 / 1024

        command = [os.path.join(args.build_dir, "build-aux", "limber-bench-history"), history]
        runs = []
        # One unmeasured run warms the page cache.
        for run in range(args.runs + 1):
            result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
            if result.returncode != 0:
                sys.exit(f"bench: limber-bench-history failed:\n{result.stdout}{result.stderr}")
            fields = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
            if run > 0:
                runs.append({key: float(value) for key, value in fields.items()})

    sessions = int(runs[0]["sessions"])
    medians = {key: statistics.median(run[key] for run in runs)
               for key in ("open-ms", "view-ms", "first-frame-ms", "first-frame-cpu-ms")}
    total = medians["first-frame-ms"]
    print(f"History: {sessions} sessions ({HISTORY_DAYS} days, {size_mib:.1f} MiB), median of {args.runs} runs "
          f"(renderer: {args.renderer}, Xvfb 1280x800)")
    print(f"  open, integrity check and migration: {medians['open-ms']:.1f} ms")
    print(f"  the view and its queries:            {medians['view-ms']:.1f} ms")
    print(f"  from History to the dialog's first painted frame: {total:.1f} ms "
          f"(min {min(run['first-frame-ms'] for run in runs):.1f}, "
          f"max {max(run['first-frame-ms'] for run in runs):.1f}; target <= {TARGET_HISTORY_MS} ms)")
    print(f"  CPU time Limber spent on it: {medians['first-frame-cpu-ms']:.1f} ms "
          f"(what a busy machine changes least; load average {os.getloadavg()[0]:.1f})")
    met = total <= TARGET_HISTORY_MS and sessions == HISTORY_DAYS
    print("  target met" if met else "  TARGET MISSED")
    return 0 if met else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--runs", type=int, default=7, help="runs of each program (at least 5)")
    parser.add_argument("--callgrind", action="store_true",
                        help="also count instructions to the first frame under valgrind (slow, but noise-free)")
    parser.add_argument("--renderer", choices=["default", "cairo"],
                        help="'cairo' turns GL off; 'default' uses GTK's choice (Mesa's software GL under Xvfb). "
                        "The default is 'cairo' for the kiosk, whose frames under software GL take three times "
                        "as long, and for the history; 'default' otherwise")
    parser.add_argument("mode", nargs="?", default="startup", choices=["startup", "narration", "kiosk", "pin", "history"],
                        help="'narration': play-to-sound latency and RSS while narrating; "
                        "'kiosk': RSS over many narrated kiosk advances; 'pin': the time a kiosk PIN check takes; "
                        "'history': History opened on ten years of daily sessions")
    parser.add_argument("--pin-runs", type=int, default=15, help="PIN checks of each kind (at least 5)")
    parser.add_argument("--narration-runs", type=int, default=25, help="narration runs (at least 20)")
    parser.add_argument("--advances", type=int, default=1000,
                        help=f"kiosk advances (more than {KIOSK_WARM_UP_ADVANCES})")
    parser.add_argument("--hours", type=float,
                        help="kiosk: as many advances as HOURS on the wall make, instead of --advances")
    parser.add_argument("--cpu-seconds", type=int, default=60,
                        help="kiosk: seconds of CPU measured in each state, in real time (0: none)")
    parser.add_argument("--time-scale", type=float, default=0.001,
                        help="the kiosk's holds, pauses and dwell as a fraction of real time")
    args = parser.parse_args()
    # The narrator makes URIs of the clips' paths, which must be absolute.
    args.build_dir = os.path.abspath(args.build_dir)
    if args.renderer is None:
        args.renderer = "cairo" if args.mode in ("kiosk", "history") else "default"
    if args.advances <= KIOSK_WARM_UP_ADVANCES:
        parser.error(f"--advances must be more than {KIOSK_WARM_UP_ADVANCES}")
    if args.mode == "kiosk":
        return bench_kiosk(args)
    if args.mode == "pin":
        if args.pin_runs < 5:
            parser.error("--pin-runs must be at least 5")
        return bench_pin(args)
    if args.runs < 5:
        parser.error("--runs must be at least 5")
    if args.narration_runs < 20:
        parser.error("--narration-runs must be at least 20")
    if args.mode == "narration":
        return bench_narration(args)
    if args.mode == "history":
        return bench_history(args)

    floor = os.path.join(args.build_dir, "build-aux", "limber-bench-floor")
    catalog_folder = tempfile.TemporaryDirectory(prefix="limber-bench-catalog.")
    catalog, n_exercises = write_big_catalog(catalog_folder.name)
    programs = {
        "limber": [os.path.join(args.build_dir, "src", "limber")],
        "bare": [floor, "--bare"],
        "content": [floor],
        "catalog": [os.path.join(args.build_dir, "src", "limber"), "--catalog", catalog],
    }

    env = renderer_env(dict(os.environ, LIMBER_BENCH_FIRST_FRAME="1", GSETTINGS_BACKEND="memory",
                            GSETTINGS_SCHEMA_DIR=os.path.join(args.build_dir, "data"), LC_ALL="C.UTF-8"),
                       args.renderer)

    # One unmeasured run each warms the page cache and the session bus.
    for command in programs.values():
        first_frame(command, env)

    samples = {name: [] for name in programs}
    for _ in range(args.runs):
        for name, command in programs.items():
            samples[name].append(first_frame(command, env))

    medians = {name: (statistics.median(s[0] for s in runs), statistics.median(s[1] for s in runs))
               for name, runs in samples.items()}
    catalog_folder.cleanup()
    (limber_ms, limber_rss), (floor_ms, floor_rss) = medians["limber"], medians["bare"]
    ratio = limber_ms / floor_ms
    extra_rss = limber_rss - floor_rss
    descriptions = {
        "limber": "Limber, its six exercises",
        "bare": "bare floor: an empty carousel",
        "content": "content floor: the same six pages",
        "catalog": f"Limber, a catalog of {n_exercises}",
    }

    print(f"Start-up to first painted frame, median of {args.runs} alternating runs "
          f"(renderer: {args.renderer}, Xvfb 1280x800)")
    print(f"  {'program':34} {'first frame':>12} {'RSS':>10} {'x bare':>7} {'+MiB':>6}")
    for name in programs:
        ms, rss = medians[name]
        print(f"  {descriptions[name]:34} {ms:9.1f} ms {rss:7.1f} MiB {ms / floor_ms:7.2f} {rss - floor_rss:+6.1f}")
    print(f"  ratio limber/bare floor: {ratio:.3f} (target <= {TARGET_RATIO})")
    print(f"  RSS over the bare floor: {extra_rss:+.1f} MiB (target <= {TARGET_EXTRA_RSS_MIB} MiB)")

    if args.callgrind:
        counts = {name: instructions(command, env) for name, command in programs.items() if name != "catalog"}
        print("  instructions to first frame: " + ", ".join(f"{name} {count:,}" for name, count in counts.items())
              + f"; ratio limber/bare {counts['limber'] / counts['bare']:.3f}")

    met = ratio <= TARGET_RATIO and extra_rss <= TARGET_EXTRA_RSS_MIB
    print("  targets met" if met else "  TARGETS MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
