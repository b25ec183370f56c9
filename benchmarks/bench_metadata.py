"""Article metadata (title, author, publication date) against trafilatura and readability-lxml, per site half.

Pages: a WCXB-style folder (pages.json + html/ID.html.gz; default
../shared/data/wcxb-articles beside the project, else /work/shared/...).
The pages are split into two halves by a stable hash of the site's domain
(half A: the first byte of md5(domain) is even), so a rule fitted on one half
is checked on sites it never saw. Scoring is the WCXB scorer's: title equal
or contained (>= 60% of the length), author by the gold surname, date by the
same YYYY-MM-DD. reader reads each page as a file would be read (no URL).

Usage: python benchmarks/bench_metadata.py [DATA_DIR] [--systems reader,trafilatura,readability]
       [--limit N] [--errors FILE]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIELDS = ("title", "author", "date")
GOLD_KEY = {"title": "title", "author": "author", "date": "publish_date"}


def default_data_dir() -> Path:
    for base in (ROOT.parent, ROOT.parent.parent, Path("/work")):
        candidate = base / "shared" / "data" / "wcxb-articles"
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared" / "data" / "wcxb-articles"


def half(url: str) -> str:
    """"A" or "B": a stable function of the page's domain (www. dropped)."""
    host = (urlsplit(url or "").hostname or "").lower().removeprefix("www.")
    return "A" if hashlib.md5(host.encode()).digest()[0] % 2 == 0 else "B"


def _words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def title_ok(pred: str | None, gold: str) -> bool:
    a, b = " ".join(_words(pred)), " ".join(_words(gold))
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return short in long and len(short) >= 0.6 * len(long)


def author_ok(pred: str | None, gold: str) -> bool:
    surname = (_words(gold) or [""])[-1]
    return bool(surname) and surname in _words(pred)


def date_ok(pred: str | None, gold: str) -> bool:
    m = re.match(r"\d{4}-\d{2}-\d{2}", str(pred or ""))
    g = re.match(r"\d{4}-\d{2}-\d{2}", str(gold or ""))
    return bool(m and g and m.group(0) == g.group(0))


CHECKS = {"title": title_ok, "author": author_ok, "date": date_ok}


def run_reader(raw: bytes, url: str | None) -> dict[str, str | None]:
    from reader.clean import clean_text
    from reader.decode import decode

    doc = clean_text(decode(raw))
    return {"title": doc.title, "author": ", ".join(doc.authors) or doc.byline, "date": doc.published}


def run_trafilatura(raw: bytes, url: str | None) -> dict[str, str | None]:
    import trafilatura

    doc = trafilatura.bare_extraction(raw, url=url, with_metadata=True)
    if doc is None:
        return {}
    get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    return {"title": get("title"), "author": get("author"), "date": get("date")}


def run_readability(raw: bytes, url: str | None) -> dict[str, str | None]:
    from readability import Document

    return {"title": Document(raw.decode("utf-8", "replace")).short_title()}


SYSTEMS = {"reader": run_reader, "trafilatura": run_trafilatura, "readability": run_readability}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", nargs="?", type=Path, default=None)
    ap.add_argument("--systems", default="reader,trafilatura,readability")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--errors", help="write each miss (system, id, half, field, gold, got) as JSON lines")
    args = ap.parse_args()
    root = args.data_dir or default_data_dir()
    pages = json.loads((root / "pages.json").read_text(encoding="utf-8"))
    ids = sorted(pages)[: args.limit]
    raws = {i: gzip.decompress((root / "html" / f"{i}.html.gz").read_bytes()) for i in ids}
    halves = {i: half(pages[i].get("url", "")) for i in ids}
    print(f"{len(ids)} pages from {root}: half A {sum(h == 'A' for h in halves.values())}, "
          f"half B {sum(h == 'B' for h in halves.values())}")
    errors = open(args.errors, "w", encoding="utf-8") if args.errors else None
    print(f"{'system':12} {'half':4} {'title':>6} {'author':>6} {'date':>6}  fails  ms/page")
    for name in args.systems.split(","):
        run = SYSTEMS[name]
        hits: Counter[tuple[str, str]] = Counter()
        golds: Counter[tuple[str, str]] = Counter()
        failures = 0
        began = time.perf_counter()
        for page_id in ids:
            gold = pages[page_id]
            try:
                out = run(raws[page_id], gold.get("url")) or {}
            except Exception as exc:  # a failure scores nothing on the page
                failures += 1
                out = {"error": f"{type(exc).__name__}: {exc}"[:200]}
            for field in FIELDS:
                expected = gold.get(GOLD_KEY[field])
                if not expected:
                    continue
                for key in (halves[page_id], "all"):
                    golds[key, field] += 1
                ok = CHECKS[field](out.get(field), expected)
                if ok:
                    for key in (halves[page_id], "all"):
                        hits[key, field] += 1
                elif errors and field in out or errors and "error" in out:
                    errors.write(json.dumps({"system": name, "id": page_id, "half": halves[page_id], "field": field,
                                             "gold": expected, "got": out.get(field, out.get("error"))},
                                            ensure_ascii=False) + "\n")
        ms = 1000 * (time.perf_counter() - began) / max(1, len(ids))
        for key in ("A", "B", "all"):
            cells = []
            for field in FIELDS:
                n = golds[key, field]
                cells.append(f"{hits[key, field] / n:6.3f}" if n and (name != "readability" or field == "title")
                             else f"{'-':>6}")
            print(f"{name:12} {key:4} {' '.join(cells)}  {failures:5}  {ms:7.1f}")
    if errors:
        errors.close()


if __name__ == "__main__":
    main()
