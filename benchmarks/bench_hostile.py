"""Hostile sizes: time and peak memory of cleaning a 50 MB HTML page and of loading a 1,000,000-word text.

Each case runs in a fresh subprocess (so one case's memory never counts for
another); the child reports its own wall time and its peak RSS (VmHWM from
/proc, else `getrusage`). Inputs are generated into a temporary directory
and deleted afterwards; nothing is committed. Targets: the 50 MB page in
<= 30 s with a peak <= 1.5 GB. Figures, not pass/fail.

Then every hostile input of issue #14 through the CLI (`reader extract
--format json`, the whole analysis) in a fresh process: its wall time and
peak memory (`wait4`; a parsing helper's own memory is not counted), with
the targets <= 10 s and <= 1 GB each.

Usage: python benchmarks/bench_hostile.py [--html-mb 50] [--words 1000000] [--cli-only]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WORDS = ("the council said on thursday that a new bridge over the river would open next year after long delays "
         "and the mayor agreed while engineers warned about costs in march").split()
TARGET_SECONDS = 30.0
TARGET_PEAK_MB = 1536.0


def html_page(megabytes: int, seed: int = 1) -> str:
    """A news-like page of about `megabytes` MB: navigation, sections of headings, paragraphs and links."""
    rng = random.Random(seed)
    head = ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>A very long report | The Gazette"
            "</title><meta property='og:site_name' content='The Gazette'></head><body><nav><a href='/'>Home</a>"
            "<a href='/news'>News</a></nav><article><h1>A very long report</h1>")
    parts = [head]
    size = len(head)
    i = 0
    target = megabytes * 1_000_000
    while size < target:
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60)))
        part = (f"<section class='part'><h2>Part {i}</h2><p>{words.capitalize()}, “we will go on,” she said.</p>"
                f"<p>More on <a href='https://example.com/{i}'>item {i}</a> with <b>bold</b> and <i>italic</i> "
                f"words {words[:80]}.</p><div class='share'>Share</div></section>\n")
        parts.append(part)
        size += len(part)
        i += 1
    parts.append("</article><footer>© The Gazette</footer></body></html>")
    return "".join(parts)


def long_text(words: int, seed: int = 2) -> str:
    """Pasted text of `words` words in paragraphs of 40-120 words."""
    rng = random.Random(seed)
    paragraphs = []
    count = 0
    while count < words:
        n = min(rng.randint(40, 120), words - count)
        paragraphs.append(" ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + ".")
        count += n
    return "A very long article\n\n" + "\n\n".join(paragraphs) + "\n"


def _peak_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def child(path: str) -> None:
    """Run one case in this (fresh) process and print its figures as JSON."""
    sys.path.insert(0, str(ROOT))
    from reader.load import load_document

    baseline = _peak_mb()
    began = time.perf_counter()
    document = load_document(path)
    seconds = time.perf_counter() - began
    print(json.dumps({"seconds": seconds, "peak_mb": _peak_mb(), "baseline_mb": baseline,
                      "blocks": len(document.blocks), "words": document.word_count}))


CLI_SECONDS = 10.0
CLI_PEAK_MB = 1024.0


def hostile_inputs(tmp: str) -> list[tuple[str, Path]]:
    """The inputs of issue #14, written into `tmp`."""
    import gzip

    def put(name: str, data: str | bytes) -> Path:
        path = Path(tmp, name)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    article = "<h1>A hostile page</h1><p>The council met on Monday, the mayor said.</p>"
    page = "<!doctype html><html><head><title>Hostile</title>{head}</head><body><article>{body}</article></body></html>"
    items = ",".join('{"@type":"Thing","name":"x"}' for _ in range(400_000))
    return [
        ("10,000 quotes in one paragraph", put("quotes.txt", "Quotes\n\n" + '"a," she said. ' * 10_000)),
        ("100,000 links in one paragraph", put("links.html", page.format(
            head="", body=article + "<p>" + "".join(f"<a href='/{i}'>w{i}</a> " for i in range(100_000)) + "</p>"))),
        ("one element with 1,000,000 attributes", put("attrs.html", page.format(
            head="", body="<div " + " ".join(f"a{i}='1'" for i in range(1_000_000)) + ">" + article + "</div>"))),
        ("JSON-LD list of 400,000 items", put("ldlist.html", page.format(
            head=f"<script type='application/ld+json'>[{items}]</script>", body=article))),
        ("JSON-LD nested 100,000 deep", put("lddeep.html", page.format(
            head="<script type='application/ld+json'>" + "[" * 100_000 + "]" * 100_000 + "</script>", body=article))),
        ("a 50 MB single line", put("line.html", html_page(50).replace("\n", " "))),
        ("60 KB of [ in a paragraph", put("brackets.txt", "Brackets\n\nBefore " + "[" * 60_000 + " after.\n")),
        ("60 KB of quote marks", put("quotemarks.txt", "Marks\n\nBefore " + '"' * 60_000 + " after.\n")),
        ("1 MB of random bytes", put("random.bin", random.Random(3).randbytes(1_000_000))),
        ("gzip inside gzip", put("nested.gz", gzip.compress(gzip.compress(long_text(2_000).encode())))),
        ("a 100,000-word article", put("words.txt", long_text(100_000))),
    ]


CLI_CAP_SECONDS = 120.0
"""A case still running after this long is killed (and shown as MISSED)."""


_LAUNCH = """
import json, os, subprocess, sys, threading, time
began = time.perf_counter()
process = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
timer = threading.Timer(float(sys.argv[1]), process.kill)
timer.start()
_, status, usage = os.wait4(process.pid, 0)
timer.cancel()
print(json.dumps([time.perf_counter() - began, usage.ru_maxrss, os.waitstatus_to_exitcode(status)]))
"""
"""A small launcher: a child's peak RSS counts the memory of whoever forked it (Linux keeps it across
exec), so the CLI is started by this fresh, small process rather than by the benchmark itself."""


def run_cli(path: Path) -> tuple[float, float, int]:
    """(seconds, peak MB, exit code; -9 when killed at the cap) of `reader extract --format json PATH`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "reader", "extract", "--format", "json", str(path)]
    result = subprocess.run([sys.executable, "-c", _LAUNCH, str(CLI_CAP_SECONDS), *argv], capture_output=True,
                            text=True, env=env)
    seconds, maxrss, code = json.loads(result.stdout.strip().splitlines()[-1])
    peak = maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024
    return seconds, peak, code


def cli_cases() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-hostile-cli-") as tmp:
        print(f"\n{'hostile input, whole CLI analysis':<40} {'seconds':>8} {'peak MB':>8} {'exit':>5}")
        only = os.environ.get("BENCH_ONLY", "")
        for label, path in hostile_inputs(tmp):
            if only and only not in label:
                continue
            seconds, peak, code = run_cli(path)
            ok = seconds <= CLI_SECONDS and peak <= CLI_PEAK_MB
            print(f"{label:<40} {seconds:>8.1f} {peak:>8.0f} {code:>5}  target <= {CLI_SECONDS:.0f} s, "
                  f"<= {CLI_PEAK_MB / 1024:.0f} GB: {'ok' if ok else 'MISSED'}", flush=True)


def run_case(path: Path) -> dict[str, float]:
    result = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        raise SystemExit(f"case failed: {result.stderr.strip()[-500:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--html-mb", type=int, default=50)
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--cli-only", action="store_true", help="only the hostile inputs through the CLI")
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return
    if args.cli_only:
        cli_cases()
        return
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        cases = []
        page = Path(tmp, "page.html")
        page.write_text(html_page(args.html_mb), encoding="utf-8")
        cases.append((f"clean a {page.stat().st_size / 1e6:.0f} MB HTML page", page, True))
        text = Path(tmp, "long.txt")
        text.write_text(long_text(args.words), encoding="utf-8")
        cases.append((f"load + clean a {args.words:,}-word text ({text.stat().st_size / 1e6:.1f} MB)", text, False))
        print(f"{'case':<48} {'seconds':>8} {'peak MB':>8} {'(python)':>9} {'blocks':>8} {'words':>10}")
        for label, path, targeted in cases:
            got = run_case(path)
            verdict = ""
            if targeted:
                ok = got["seconds"] <= TARGET_SECONDS and got["peak_mb"] <= TARGET_PEAK_MB
                verdict = f"  target <= {TARGET_SECONDS:.0f} s, <= {TARGET_PEAK_MB / 1024:.1f} GB: {'ok' if ok else 'MISSED'}"
            print(f"{label:<48} {got['seconds']:>8.1f} {got['peak_mb']:>8.0f} {got['baseline_mb']:>9.0f} "
                  f"{got['blocks']:>8,} {got['words']:>10,}{verdict}")
    print(f"(python = the child's resident memory before the case; {os.cpu_count()} CPUs)")
    cli_cases()
    print(f"(load average {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
