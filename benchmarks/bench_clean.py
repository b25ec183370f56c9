"""Cleaning speed: our HTML cleaning against bare trafilatura (and readability-lxml) on the same pages, in one run.

Pages: ../shared/data/extraction/html (the developer set) when present,
else sample_articles/*.html. The systems are interleaved: each round times
every page once with each system, page after page, in an order that rotates
from page to page, so a change in the machine's load hits all of them alike.
Prints the median milliseconds per page of each (fastest of the rounds),
our ratio to bare trafilatura (target <= 2: we run trafilatura and
readability as candidates) and the median of the per-page ratios, and
checks that cleaning never imported spaCy.

Bare trafilatura is `trafilatura.extract(html)` with its default options,
bare readability `Document(html).summary(html_partial=True)`: the page
string, as a user would call them. Run from the checkout to measure with
`PYTHONPATH=.` (the `reader` imported is the one on the path).

Usage: PYTHONPATH=. python benchmarks/bench_clean.py [--repeat R] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent


def pages(limit: int | None) -> list[str]:
    from reader.decode import decode

    shared = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()), ROOT / "shared")
    shared = shared / "data" / "extraction" / "html"
    paths = sorted(shared.glob("*.html.gz")) if shared.is_dir() else sorted((ROOT / "sample_articles").glob("*.html"))
    out = []
    for path in paths[:limit]:
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        out.append(decode(data))
    return out


def interleaved_ms(systems: dict[str, Callable[[str], object]], texts: list[str], repeat: int) -> dict[str, list[float]]:
    """Per system, each page's fastest of `repeat` runs in ms; every round runs all systems on a page in turn."""
    names = list(systems)
    for name in names:  # imports and first-call caches out of the timings
        systems[name](texts[0])
    best = {name: [float("inf")] * len(texts) for name in names}
    for round_no in range(repeat):
        for i, text in enumerate(texts):
            shift = (i + round_no) % len(names)
            for name in names[shift:] + names[:shift]:
                began = time.perf_counter()
                systems[name](text)
                best[name][i] = min(best[name][i], (time.perf_counter() - began) * 1000)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="rounds over the pages (each page's fastest counts)")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    import trafilatura
    from readability import Document as Readability

    try:
        from reader.clean import clean_text
    except ImportError:
        sys.exit("bench_clean: run with PYTHONPATH set to the checkout to measure, e.g. PYTHONPATH=.")
    import reader

    texts = pages(args.limit)
    times = interleaved_ms({
        "traf": lambda html: trafilatura.extract(html),
        "read": lambda html: Readability(html).summary(html_partial=True),
        "ours": lambda html: clean_text(html),
    }, texts, args.repeat)
    traf, bare, ours = times["traf"], times["read"], times["ours"]
    med_traf, med_bare, med_ours = statistics.median(traf), statistics.median(bare), statistics.median(ours)
    per_page = statistics.median(o / t for o, t in zip(ours, traf) if t > 0)
    print(f"reader from {Path(reader.__file__).resolve().parent.parent}")
    print(f"{len(texts)} pages, median ms per page (fastest of {args.repeat} interleaved rounds):")
    print(f"  trafilatura (bare)       {med_traf:7.1f} ms")
    print(f"  readability-lxml (bare)  {med_bare:7.1f} ms")
    print(f"  reader clean_text        {med_ours:7.1f} ms")
    print(f"  ratio to trafilatura     {med_ours / med_traf:7.2f}  (target <= 2; median of per-page ratios {per_page:.2f})")
    print(f"  total: trafilatura {sum(traf) / 1000:.2f} s, readability {sum(bare) / 1000:.2f} s, reader {sum(ours) / 1000:.2f} s")
    print(f"  spaCy imported while cleaning: {'spacy' in sys.modules}")


if __name__ == "__main__":
    main()
