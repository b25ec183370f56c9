"""Cleaning speed: our HTML cleaning against bare trafilatura (and readability-lxml) on the same pages, in one run.

Pages: ../shared/data/extraction/html (the developer set) when present,
else sample_articles/*.html. Prints the median milliseconds per page of
each and our ratio to bare trafilatura (target <= 2: we run trafilatura
and readability as candidates), and checks that cleaning never imported
spaCy.

Usage: python benchmarks/bench_clean.py [--repeat R] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def pages(limit: int | None) -> list[str]:
    shared = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()), ROOT / "shared")
    shared = shared / "data" / "extraction" / "html"
    paths = sorted(shared.glob("*.html.gz")) if shared.is_dir() else sorted((ROOT / "sample_articles").glob("*.html"))
    out = []
    for path in paths[:limit]:
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        from reader.decode import decode

        out.append(decode(data))
    return out


def per_page_ms(func, texts: list[str], repeat: int) -> list[float]:
    times = []
    for text in texts:
        runs = []
        for _ in range(repeat):
            began = time.perf_counter()
            func(text)
            runs.append((time.perf_counter() - began) * 1000)
        times.append(min(runs))
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per page (the fastest counts)")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    import trafilatura
    from readability import Document as Readability

    from reader.clean import clean_text

    texts = pages(args.limit)
    traf = per_page_ms(lambda html: trafilatura.extract(html), texts, args.repeat)
    bare = per_page_ms(lambda html: Readability(html).summary(html_partial=True), texts, args.repeat)
    ours = per_page_ms(lambda html: clean_text(html), texts, args.repeat)
    med_traf, med_bare, med_ours = statistics.median(traf), statistics.median(bare), statistics.median(ours)
    print(f"{len(texts)} pages, median ms per page (fastest of {args.repeat} runs each):")
    print(f"  trafilatura (bare)       {med_traf:7.1f} ms")
    print(f"  readability-lxml (bare)  {med_bare:7.1f} ms")
    print(f"  reader clean_text        {med_ours:7.1f} ms   ratio to trafilatura {med_ours / med_traf:.2f} (target <= 2)")
    print(f"  total: trafilatura {sum(traf) / 1000:.2f} s, readability {sum(bare) / 1000:.2f} s, reader {sum(ours) / 1000:.2f} s")
    print(f"  spaCy imported while cleaning: {'spacy' in sys.modules}")


if __name__ == "__main__":
    main()
