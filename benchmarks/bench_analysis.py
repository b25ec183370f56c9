"""Analysis speed and memory, measured side by side in one run.

Prints:
- the raw spaCy pipeline (nlp.pipe over the same blocks) against our whole
  analysis on the same text, and their ratio (target <= 1.3);
- the share of the rule-based layers (entities, quotes, timeline, sources);
- analysis time per 1,000 words;
- a 100,000-word article analysed end to end in a fresh process: seconds and
  peak memory (targets: <= 20 s, <= 500 MB).

Usage: python benchmarks/bench_analysis.py [--words N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import long_article  # noqa: E402


def _time(func, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        began = time.perf_counter()
        func()
        runs.append(time.perf_counter() - began)
    return statistics.median(runs)


def side_by_side(words: int, repeat: int) -> dict[str, float]:
    from reader.analysis import pipeline
    from reader.analysis.nlp import load_nlp, parse_blocks

    nlp = load_nlp()
    document = long_article(words)
    parsed = list(parse_blocks(document, nlp))  # warm-up

    def raw() -> None:
        for _ in nlp.pipe((document.body[b.start : b.end] for b in document.blocks), batch_size=32):
            pass

    def ours() -> None:
        pipeline.analyse(document, nlp)

    def layers() -> None:
        pipeline.build_analysis(document, parsed, nlp, len(document.blocks))

    t_raw = _time(raw, repeat)
    t_ours = _time(ours, repeat)
    t_layers = _time(layers, repeat)
    return {
        "words": document.word_count,
        "raw_spacy_s": t_raw,
        "ours_s": t_ours,
        "ratio": t_ours / t_raw,
        "layers_s": t_layers,
        "ms_per_1000_words": 1000 * t_ours / (document.word_count / 1000),
    }


CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
began = time.perf_counter()
from benchmarks.corpus import long_article
from reader.analysis.pipeline import analyse
document = long_article({words})
analysis = analyse(document)
print(json.dumps({{
    "seconds": time.perf_counter() - began,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "words": document.word_count,
    "entities": len(analysis.entities), "quotes": len(analysis.quotes),
    "timeline": len(analysis.timeline), "sources": len(analysis.sources),
}}))
"""


def big_article(words: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT), words=words)],
        check=True, capture_output=True, text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=20_000, help="words for the side-by-side run")
    ap.add_argument("--big", type=int, default=100_000, help="words for the end-to-end run")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    side = side_by_side(args.words, args.repeat)
    print(f"side by side on {side['words']:,} words (median of {args.repeat}):")
    print(f"  raw spaCy pipeline      {side['raw_spacy_s']:8.2f} s")
    print(f"  reader analysis         {side['ours_s']:8.2f} s   ratio {side['ratio']:.2f} (target <= 1.3)")
    print(f"  rule-based layers only  {side['layers_s']:8.2f} s")
    print(f"  per 1,000 words         {side['ms_per_1000_words']:8.1f} ms")
    big = big_article(args.big)
    print(f"end to end, fresh process, {big['words']:,} words:")
    print(f"  time {big['seconds']:.1f} s (target <= 20)   peak memory {big['peak_mb']:.0f} MB (target <= 500)")
    print(f"  found {big['entities']} entities, {big['quotes']} quotes, {big['timeline']} timeline items, "
          f"{big['sources']} sources")


if __name__ == "__main__":
    main()
