"""The app's first paint and key latency, measured side by side in one run, as a user would see them.

Every program runs in a 160x50 pseudo-terminal (TERM=xterm-256color,
COLORTERM=truecolor) whose output is rendered by the pyte terminal
emulator; a clock stops when text shows on the emulated screen (the time
the bytes that showed it were read), so the figures hold whatever the app's
layout is. Prints:

- process start to first paint of `reader FILE` (the article's title
  visible) against a Textual hello world started the same way (`python -m`,
  same interpreter; "Hello" visible): median and min of --runs runs each,
  alternated, after one warm-up of each, and their ratio (target <= 1.3);
- key latency while a --words article (default 100,000) is analysed: keys
  (j/k by default) sent one at a time about every 200 ms, each timed from
  its write to the first change of the screen (status-line rows that say
  "Analysing" or show a percentage are ignored); median, p95 and max,
  separately for presses while the status line said "Analysing" and the
  others (targets: p95 <= 100 ms, max <= 250 ms); a key with no visible effect within
  5 s counts as 5 s; then the same article through `reader extract --format
  json` and the ratio of the app's live analysis (start to "Analysing" gone)
  to it (target <= 1.2);
- with --first-paint-words N, the first paint of an N-word text (target for
  1,000,000 words: <= 2 s).

Each run gets a fresh temporary READER_DATA_DIR; every app is quit with "q"
and killed if it has not quit after a timeout. Every child writes and reads
its byte-code in one temporary PYTHONPYCACHEPREFIX (PYTHONDONTWRITEBYTECODE
dropped), so the warm-up run compiles both apps' modules once, as installing
a package does: without it, an environment that sets PYTHONDONTWRITEBYTECODE
made `reader` (run from a checkout, no __pycache__) compile its modules on
every run while Textual's came compiled from site-packages.

Usage: python benchmarks/bench_app.py [--runs 5] [--words 100000] [--first-paint-words N]
                                      [--reader "CMD"] [--keys j,k] [--timeout 60]
Needs the bench extra (pyte): pip install -e ".[bench]"
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shlex
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from itertools import cycle
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import long_article  # noqa: E402

try:
    from benchmarks.pty_term import Change, PtyApp, ScreenTimeout  # noqa: E402
except ImportError as exc:  # pyte missing
    raise SystemExit(f"bench_app: {exc}; install the bench extra: pip install -e '.[bench]'") from None

COLS, ROWS = 160, 50
HELLO = [sys.executable, "-m", "benchmarks.hello_app"]
ANALYSING = re.compile(r"analys\w*ing", re.IGNORECASE)
STATUS_NOISE = re.compile(r"analys\w*ing|\d%", re.IGNORECASE)  # rows that change by themselves
STATUS_ROWS = 3
"""The status line and the footer live in the last this many rows of the screen."""
PRESS_TIMEOUT = 5.0  # seconds to wait for a key's effect
KEYS = {"space": b" ", "enter": b"\r", "tab": b"\t", "down": b"\x1b[B", "up": b"\x1b[A"}


@dataclass(frozen=True, slots=True)
class Press:
    """One key press: was the app analysing when it was sent, the latency in ms (None: no change)."""

    key: str
    analysing: bool
    latency_ms: float | None
    quiet_before: bool  # no row (but status noise) had changed for 50 ms when it was sent


def write_article(path: Path, words: int) -> str:
    """Write a `words`-word article as pasted text (title, blank line, paragraphs); return the title."""
    document = long_article(words)
    body = "\n\n".join(document.block_text(block) for block in document.blocks)
    path.write_text(f"{document.title}\n\n{body}\n", encoding="utf-8")
    return document.title


def title_marker(path: Path) -> str:
    """The file's first non-blank line, cut at a word boundary to at most 40 characters (so it fits a row)."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        title = next((line.strip() for line in handle if line.strip()), "")
    if len(title) > 40:
        title = title[:40].rsplit(" ", 1)[0]
    return title


def open_app(argv: list[str], data_dir: str) -> PtyApp:
    """Start `argv` in a COLS x ROWS pty from the checkout's root, with its own READER_DATA_DIR."""
    env = dict(os.environ, READER_DATA_DIR=data_dir)
    return PtyApp(argv, cols=COLS, rows=ROWS, env=env, cwd=str(ROOT))


def first_paint(argv: list[str], marker: str, timeout: float) -> tuple[float, bool]:
    """Seconds from process start until `marker` is on screen; and whether the app then quit on "q"."""
    with tempfile.TemporaryDirectory(prefix="bench-app-") as data_dir:
        app = open_app(argv, data_dir)
        try:
            seen = app.wait_for(lambda line: marker in line, timeout, f"first paint: {marker!r} never appeared")
            app.settle(0.2, 2.0)
        except BaseException:
            app.close(timeout=1.0)
            raise
        return seen - app.started, app.close()


def compare_first_paint(reader: list[str], file: Path, marker: str, runs: int, timeout: float) -> None:
    """Time the first paint of `reader FILE` against the hello world, alternated, and print the block."""
    hello_times: list[float] = []
    reader_times: list[float] = []
    unclean: list[str] = []
    pairs = [(HELLO, "Hello", hello_times, "hello"), ([*reader, str(file)], marker, reader_times, "reader")]
    for run in range(runs + 1):  # run 0 warms the file cache and byte-code and is not counted
        for argv, mark, times, name in pairs if run % 2 else pairs[::-1]:
            seconds, clean = first_paint(argv, mark, timeout)
            if run:
                times.append(seconds)
            if not clean:
                unclean.append(name)
    med_h, med_r = statistics.median(hello_times), statistics.median(reader_times)
    print(f"first paint, {COLS}x{ROWS} pty, {runs} runs each, alternated (after one warm-up):")
    print(f"  textual hello world     median {med_h * 1000:7.0f} ms   min {min(hello_times) * 1000:7.0f} ms")
    print(f"  reader FILE             median {med_r * 1000:7.0f} ms   min {min(reader_times) * 1000:7.0f} ms")
    print(f"  ratio reader/hello      median {med_r / med_h:7.2f}      min {min(reader_times) / min(hello_times):7.2f}"
          f"      (target <= 1.3)")
    print(f"  FILE: {file} ({file.stat().st_size:,} bytes), marker {marker!r}")
    if unclean:
        print(f"  did not quit on 'q' within 5 s (killed): {', '.join(sorted(set(unclean)))}")


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


def analysing(app: PtyApp) -> bool:
    """Does the screen say the analysis is running?"""
    return any(ANALYSING.search(line) for line in app.lines())


def noise(change: Change) -> bool:
    """A status-line row that changes by itself (progress), not in answer to a key.

    Only the bottom rows (the status line above the footer) count: an article
    line that says "12%" is an answer to a key like any other line.
    """
    if change.row < ROWS - STATUS_ROWS:
        return False
    return bool(STATUS_NOISE.search(change.old) or STATUS_NOISE.search(change.new))


def press(app: PtyApp, key: str, timeout: float) -> float | None:
    """Send one key; milliseconds until a screen row (other than status noise) changed, None if none did."""
    sent = app.send(KEYS.get(key, key.encode()))
    deadline = sent + timeout
    while (left := deadline - time.perf_counter()) > 0 and not app.eof:
        for change in app.pump(min(left, 0.05)):
            if not noise(change):
                return (change.stamp - sent) * 1000
    return None


def key_latency(reader: list[str], words: int, keys: list[str], interval: float, after: int,
                limit: float, timeout: float) -> None:
    """Open a `words`-word article and time keys while (and after) the app says it is analysing."""
    quiet = 0.05
    with tempfile.TemporaryDirectory(prefix="bench-app-") as tmp:
        file = Path(tmp) / "long.txt"
        title = write_article(file, words)
        data_dir = Path(tmp) / "data"
        data_dir.mkdir()
        with open_app([*reader, str(file)], str(data_dir)) as app:
            painted = app.wait_for(lambda line: title in line, timeout, f"first paint: {title!r} never appeared")
            # When "Analysing" was first seen and when it went away, in seconds after first paint.
            seen_status: tuple[float, float | None] | None = (0.0, None) if analysing(app) else None
            quiet_before = app.settle(0.3, 5.0, noise)
            presses: list[Press] = []
            keys_cycle = cycle(keys)
            while not app.eof:
                now = time.perf_counter() - painted
                busy = analysing(app)
                if busy and seen_status is None:
                    seen_status = (now, None)
                if not busy and seen_status and seen_status[1] is None:
                    seen_status = (seen_status[0], now)
                if not busy and sum(not p.analysing for p in presses) >= after or now > limit:
                    break
                began = time.perf_counter()
                key = next(keys_cycle)
                latency = press(app, key, PRESS_TIMEOUT)
                presses.append(Press(key, busy, latency, quiet_before))
                if latency is None or latency > 100:  # where the slow ones fall, to find their cause
                    print(f"  slow key {key!r} at {now:5.1f} s: {'none within 5 s' if latency is None else f'{latency:.0f} ms'}",
                          file=sys.stderr)
                if latency is None:  # a stalled app: let its late answer land before the next key
                    app.settle(0.5, PRESS_TIMEOUT, noise)
                # Next key ~interval after this one, once the screen has been still for `quiet` s (<= 1 s more).
                while (rest := began + interval - time.perf_counter()) > 0 and not app.eof:
                    app.pump(rest)
                quiet_before = app.settle(quiet, 1.0, noise)
            screen = app.text()
            clean = app.close()
        cli = cli_seconds(reader, file, str(data_dir))
    print(f"key latency, {words:,}-word article, keys {'/'.join(keys)} every ~{interval * 1000:.0f} ms:")
    print(f"  first paint of that article {painted - app.started:6.2f} s")
    report_latency(presses, seen_status, clean, screen)
    if seen_status is not None and seen_status[1] is not None:
        live = painted - app.started + seen_status[1]
        print(f"  live analysis (start to 'Analysing' gone) {live:6.1f} s   CLI `extract --format json` {cli:6.1f} s"
              f"   ratio {live / cli:.2f} (target <= 1.2)")


def cli_seconds(reader: list[str], file: Path, data_dir: str) -> float:
    """Wall seconds of `reader extract FILE --format json` (the same analysis, headless), output discarded."""
    import subprocess

    env = dict(os.environ, READER_DATA_DIR=data_dir)
    began = time.perf_counter()
    subprocess.run([*reader, "extract", str(file), "--format", "json"], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - began


def report_latency(presses: list[Press], seen_status: tuple[float, float | None] | None,
                   clean: bool, screen: str) -> None:
    """Print the key-latency block."""
    if seen_status is None:
        print("  the status line never showed 'Analysing' (no analysis status in this app)")
    else:
        end = f"{seen_status[1]:.1f} s" if seen_status[1] is not None else "never (still analysing at the end)"
        print(f"  'Analysing' first seen {seen_status[0]:.1f} s after first paint, gone at {end}")
    for label, group in (("while analysing", [p for p in presses if p.analysing]),
                         ("otherwise", [p for p in presses if not p.analysing])):
        times = [PRESS_TIMEOUT * 1000 if p.latency_ms is None else p.latency_ms for p in group]
        missed = sum(p.latency_ms is None for p in group)
        line = f"  {label:16} {len(group):4} presses"
        if times:
            line += (f"   median {statistics.median(times):6.1f} ms   p95 {percentile(times, 0.95):6.1f} ms"
                     f"   max {max(times):6.1f} ms")
        if missed:
            line += f"   ({missed} with no visible change within {PRESS_TIMEOUT:.0f} s, counted as that)"
        print(line)
    all_times = [PRESS_TIMEOUT * 1000 if p.latency_ms is None else p.latency_ms for p in presses]
    if all_times:
        p95, worst = percentile(all_times, 0.95), max(all_times)
        verdict = "ok" if p95 <= 100 and worst <= 250 else "MISSED"
        print(f"  all presses      {len(presses):4} presses   median {statistics.median(all_times):6.1f} ms"
              f"   p95 {p95:6.1f} ms   max {worst:6.1f} ms   (targets: p95 <= 100, max <= 250) {verdict}")
    restless = sum(not p.quiet_before for p in presses)
    if restless:
        print(f"  {restless} presses were sent while the screen was still changing by itself "
              "(their latency may be another update's)")
    if not clean:
        print("  did not quit on 'q' within 5 s (killed)")
    if all(p.latency_ms is None for p in presses):
        print("  no key press changed the screen; last screen:\n" + screen)


def big_first_paint(reader: list[str], words: int, timeout: float) -> None:
    """Time (once) the first paint of a generated `words`-word text and print it."""
    with tempfile.TemporaryDirectory(prefix="bench-app-") as tmp:
        file = Path(tmp) / "big.txt"
        title = write_article(file, words)
        seconds, clean = first_paint([*reader, str(file)], title, timeout)
        size = file.stat().st_size
    note = "" if clean else "   (did not quit on 'q' within 5 s: killed)"
    print(f"first paint of a {words:,}-word text ({size / 1e6:.1f} MB): {seconds:.2f} s"
          f"{'   (target <= 2 s)' if words >= 1_000_000 else ''}{note}")


def measure(args: argparse.Namespace, reader: list[str]) -> None:
    """Run the measurements the options ask for, printing each block."""
    with tempfile.TemporaryDirectory(prefix="bench-app-") as tmp:
        file = args.file
        if file is None:
            file = Path(tmp) / "article.txt"
            write_article(file, 1_000)
        if args.runs > 0:
            compare_first_paint(reader, file, args.marker or title_marker(file), args.runs, args.timeout)
    if args.words > 0:
        key_latency(reader, args.words, args.keys.split(","), args.interval, args.after,
                    args.max_seconds, args.timeout)
    if args.first_paint_words > 0:
        big_first_paint(reader, args.first_paint_words, max(args.timeout, 120.0))


def main() -> int:
    """Parse the options, run the three measurements, print their figures; 1 if a marker never showed."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="first-paint runs of each app (default 5)")
    ap.add_argument("--words", type=int, default=100_000, help="words of the key-latency article (0: skip)")
    ap.add_argument("--first-paint-words", type=int, default=0, metavar="N",
                    help="also time the first paint of an N-word text")
    ap.add_argument("--reader", default=f"{shlex.quote(sys.executable)} -m reader",
                    help="command that opens a file (the file is appended; default: this python -m reader)")
    ap.add_argument("--file", type=Path,
                    help="article for the first-paint comparison (default: a generated 1,000-word one)")
    ap.add_argument("--marker", help="text that shows FILE has painted (default: its first line, up to 40 characters)")
    ap.add_argument("--keys", default="j,k", help="keys to alternate, comma-separated (j,k or space,b)")
    ap.add_argument("--interval", type=float, default=0.2, help="seconds between key presses")
    ap.add_argument("--after", type=int, default=25, help="presses once the status line no longer says Analysing")
    ap.add_argument("--max-seconds", type=float, default=180.0, help="stop pressing keys after this long")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for any first paint")
    args = ap.parse_args()
    reader = shlex.split(args.reader)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so `finally` kills the children
    with tempfile.TemporaryDirectory(prefix="bench-app-pycache-") as pycache:
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = pycache  # inherited by every child (see the docstring)
        try:
            measure(args, reader)
        except ScreenTimeout as exc:
            print(f"bench_app: {exc}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
