"""Pasted-text cleaning: reader beside the baselines on the developer pastes, per half, in one run.

Pastes: ../shared/data/pasted (792 select-all copies of article pages with
their hand-reviewed article text), split by site into halves A and B exactly
as benchmarks/train_pasted.py splits them. Prints word F1 / precision /
recall per half (as ../shared/eval/pasted_score.py computes them) for:
  raw          the paste unchanged
  long-lines   only lines of 12 words or more
  justext      jusText's English stoplist over the lines (when installed)
  reader       `clean_text(paste).body` with the shipped model (fitted on
               both halves: in-sample figures)
  reader-cross with --cross DIR (written by train_pasted.py --cross-dir):
               half B cleaned with the model fitted on A and half A with the
               one fitted on B (the honest figures)
and the median milliseconds per paste of reader's cleaning.

Usage: PYTHONPATH=. python benchmarks/bench_pasted.py [--cross DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.train_pasted import DATA, half_of, word_prf


def _justext():
    try:
        import html

        import justext
    except ImportError:
        return None

    def run(text: str) -> str:
        page = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
        paragraphs = justext.justext(f"<html><body>{page}</body></html>", justext.get_stoplist("English"))
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--cross", type=Path, help="folder with fit_A.json and fit_B.json")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    from reader.clean import clean_text
    from reader.clean.paste_model import load_model
    from reader.clean.pasted import clean_pasted

    pages = json.loads((args.data / "pages.json").read_text(encoding="utf-8"))
    ids = sorted(pages)[: args.limit]
    pastes = {i: (args.data / "text" / f"{i}.txt").read_text(encoding="utf-8") for i in ids}
    halves = {i: half_of(pages[i]["url"]) for i in ids}
    systems = {
        "raw": lambda text, half: text,
        "long-lines": lambda text, half: "\n".join(x for x in text.splitlines() if len(x.split()) >= 12),
    }
    jt = _justext()
    if jt is not None:
        systems["justext"] = lambda text, half: jt(text)
    times: list[float] = []

    def reader(text: str, half: str) -> str:
        began = time.perf_counter()
        body = clean_text(text).body
        times.append((time.perf_counter() - began) * 1000)
        return body
    systems["reader"] = reader
    if args.cross:
        other = {"A": load_model(str(args.cross / "fit_B.json")), "B": load_model(str(args.cross / "fit_A.json"))}
        systems["reader-cross"] = lambda text, half: clean_pasted(text, other[half]).body
    print(f"{len(ids)} pastes: A {sum(h == 'A' for h in halves.values())}, B {sum(h == 'B' for h in halves.values())}")
    for name, run in systems.items():
        sums = {h: [0.0, 0.0, 0.0, 0] for h in "AB"}
        for i in ids:
            p, r, f = word_prf(run(pastes[i], halves[i]), pages[i]["main_content"])
            s = sums[halves[i]]
            s[0] += f
            s[1] += p
            s[2] += r
            s[3] += 1
        cells = [f"{h}: F1 {s[0] / s[3]:.3f} P {s[1] / s[3]:.3f} R {s[2] / s[3]:.3f}" for h, s in sums.items() if s[3]]
        print(f"{name:13} " + "   ".join(cells))
    print(f"reader cleaning: median {statistics.median(times):.1f} ms/paste "
          f"(p90 {sorted(times)[int(0.9 * len(times))]:.1f} ms, {len(times)} pastes)")


if __name__ == "__main__":
    main()
