"""WCXB body word F1 per site half, for reader beside trafilatura and readability-lxml, in one run.

The developer pages (../shared/data/wcxb-articles) are split by a stable hash
of the site's domain (SHA-1 of the host without "www.", first byte even =
half A, odd = half B): rules are fitted on one half and checked on the
other. Word F1, systems and metadata checks are the scorer's own
(../shared/eval/wcxb_score.py, imported); reader runs in-process through
`benchmarks.wcxb_adapter`. Also prints pages refused (an error raised).

Usage: PYTHONPATH=. python benchmarks/wcxb_halves.py [--data DIR] [--workers N] [--systems a,b] [--pages FILE]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import sys
from collections import defaultdict
from multiprocessing import Pool
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()), ROOT.parent / "shared")
"""../shared beside the checkout (or beside its worktree folder)."""
SYSTEMS = ("reader", "trafilatura", "readability-lxml")


def half(url: str | None) -> str:
    """"A" or "B": the page's site half, by a hash of its domain."""
    host = (urlparse(url or "").hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    return "AB"[hashlib.sha1(host.encode()).digest()[0] % 2]


def _scorer():
    spec = importlib.util.spec_from_file_location("wcxb_score", SHARED / "eval" / "wcxb_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_STATE: dict = {}
META = {"title": "title", "author": "author", "date": "publish_date"}
"""Metadata fields and their gold keys, checked with the scorer's title_ok / author_ok / date_ok."""


def _init(data: str) -> None:
    sys.path.insert(0, str(ROOT))
    scorer = _scorer()
    _STATE.update(scorer=scorer, data=Path(data), pages=json.loads((Path(data) / "pages.json").read_text("utf-8")))
    _STATE["runs"] = {name: scorer.system("py:benchmarks.wcxb_adapter:extract" if name == "reader" else name) for name in SYSTEMS}


def _score(job: tuple[str, str]) -> dict:
    name, page_id = job
    scorer, gold = _STATE["scorer"], _STATE["pages"][page_id]
    raw = gzip.decompress((_STATE["data"] / "html" / f"{page_id}.html.gz").read_bytes())
    try:
        out = _STATE["runs"][name](raw, gold.get("url"), "") or {}
        refused = False
    except Exception:
        out, refused = {}, True
    p, r, f = scorer.word_prf(" ".join((out.get("body") or "").split()), gold["main_content"])
    meta = {field: getattr(scorer, f"{field}_ok")(out.get(field), gold[key])
            for field, key in META.items() if gold.get(key)}  # the scorer's own checks, where the page has gold
    return {"system": name, "id": page_id, "half": half(gold.get("url")), "p": p, "r": r, "f1": f, "refused": refused,
            "meta": meta}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(SHARED / "data" / "wcxb-articles"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--pages", help="write each page's figures here (JSON lines)")
    args = ap.parse_args()
    ids = sorted(json.loads((Path(args.data) / "pages.json").read_text("utf-8")))
    jobs = [(name, page_id) for name in args.systems.split(",") for page_id in ids]
    with Pool(args.workers, initializer=_init, initargs=(args.data,)) as pool:
        rows = pool.map(_score, jobs, chunksize=8)
    if args.pages:
        Path(args.pages).write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
    table: dict = defaultdict(lambda: defaultdict(list))
    for row in rows:
        table[row["system"]][row["half"]].append(row)
        table[row["system"]]["all"].append(row)
    print(f"{len(ids)} pages; halves by site: A {len(table[jobs[0][0]]['A'])}, B {len(table[jobs[0][0]]['B'])}")
    print(f"{'system':18} {'half':4} {'F1':>6} {'P':>6} {'R':>6} refused")
    for name in args.systems.split(","):
        for key in ("A", "B", "all"):
            got = table[name][key]
            mean = {m: sum(row[m] for row in got) / max(1, len(got)) for m in ("f1", "p", "r")}
            print(f"{name:18} {key:4} {mean['f1']:6.3f} {mean['p']:6.3f} {mean['r']:6.3f} {sum(r['refused'] for r in got)}")
    print(f"{'system':18} {'half':4} {'title':>6} {'author':>6} {'date':>6}  (share right of the pages with gold)")
    for name in args.systems.split(","):
        for key in ("A", "B", "all"):
            cells = []
            for field in META:
                checked = [row["meta"][field] for row in table[name][key] if field in row["meta"]]
                cells.append(f"{sum(checked) / len(checked):6.3f}" if checked and (name != "readability-lxml" or field == "title")
                             else f"{'-':>6}")
            print(f"{name:18} {key:4} {' '.join(cells)}")


if __name__ == "__main__":
    main()
