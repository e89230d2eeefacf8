"""TAP for the Python tests: numbered results with details, skips, and
waiting for a condition with a guard against a hang."""

import time

results = []


def report(ok, description, detail=""):
    results.append(bool(ok))
    print(f"{'ok' if ok else 'not ok'} {len(results)} - {description}", flush=True)
    for line in str(detail).splitlines():
        print(f"# {line}", flush=True)


def skip(description, reason):
    results.append(True)
    print(f"ok {len(results)} - {description} # SKIP {reason}", flush=True)


def all_passed():
    return bool(results) and all(results)


def wait_for(condition, what, timeout=20, interval=0.05):
    """condition()'s first true value, or TimeoutError after timeout seconds
    (a guard against a hang, not a target)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise TimeoutError(f"gave up waiting for {what} after {timeout} s")
