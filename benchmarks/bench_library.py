"""Library index benchmark: add N generated articles, then time searches and a speaker's quotes.

    python benchmarks/bench_library.py [--articles 1000] [--no-model]

Prints the time to add them (analysis and indexing apart), the database
size, and the median time of a full-text search and of `quotes_by` over the
library (target: search under 50 ms). Articles are generated from invented
names and sentences, so every run sees the same corpus.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FIRST = ["Ada", "Tomas", "Lena", "Kofi", "Mira", "Jonas", "Priya", "Ewan", "Sofia", "Idris", "Hana", "Luca"]
LAST = ["Okafor", "Brandt", "Lindqvist", "Mensah", "Castell", "Varga", "Rao", "Doyle", "Moreau", "Haddad"]
PLACES = ["Aldvik", "Port Senna", "Kestrel Bay", "Northmoor", "Vell", "Harrowgate"]
TOPICS = ["ferry", "tram", "harbour", "school", "budget", "bridge", "library", "hospital", "rail", "market"]
VERBS = ["said", "told reporters", "added", "warned", "argued"]


def article(rng: random.Random, n: int) -> tuple[str, str]:
    who = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)]
    topic, place = rng.choice(TOPICS), rng.choice(PLACES)
    title = f"{place} {topic} plan {n}: council divided"
    paras = [f"{who[0]}, the {place} council leader, presented the {topic} plan on Tuesday.",
             f"\"We cannot wait another year for the {topic},\" {who[0].split()[1]} {rng.choice(VERBS)}."]
    for k in range(4):
        paras.append(f"Residents of {place} met in the town hall to discuss the {topic} and its cost of "
                     f"{rng.randint(2, 90)} million, which {who[1]} called {rng.choice(['fair', 'too high', 'a start'])}.")
    paras.append(f"\"This is about the next generation,\" said {who[2]}, who chairs the {topic} committee.")
    return title, "\n\n".join([title, *paras])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--no-model", action="store_true", help="analyse without spaCy (quotes, dates, sources)")
    args = parser.parse_args()

    from reader.analysis import pipeline
    from reader.clean import clean_text
    from reader.index import index_article, quotes_by, search
    from reader.store import Store

    rng = random.Random(7)
    nlp = None if args.no_model else pipeline.AUTO
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        store = Store(path)
        analyse_s = index_s = 0.0
        for n in range(args.articles):
            _title, text = article(rng, n)
            document = clean_text(text, origin=f"gen-{n}", url=f"https://news.example/{n}",
                                  published=f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}")
            t0 = time.perf_counter()
            analysis = pipeline.analyse(document, nlp)
            t1 = time.perf_counter()
            index_article(store, store.open_article(document).article.id, document, analysis)
            t2 = time.perf_counter()
            analyse_s += t1 - t0
            index_s += t2 - t1
        size = path.stat().st_size + sum(p.stat().st_size for p in Path(tmp).glob("bench.sqlite3-*"))
        queries = [f"{rng.choice(TOPICS)} {rng.choice(PLACES).split()[0]}" for _ in range(40)]
        searches = []
        for q in queries:
            t0 = time.perf_counter()
            search(store, q)
            searches.append(time.perf_counter() - t0)
        speakers = []
        for _ in range(20):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            t0 = time.perf_counter()
            rows = quotes_by(store, name)
            speakers.append(time.perf_counter() - t0)
        store.close()
    n = args.articles
    print(f"articles: {n} ({'no model' if args.no_model else 'spaCy model'})")
    print(f"add: {analyse_s + index_s:.1f} s in all; analysis {analyse_s:.1f} s, indexing {index_s:.1f} s "
          f"({1000 * index_s / n:.1f} ms per article)")
    print(f"database: {size / 2**20:.1f} MiB ({size / n / 1024:.1f} KiB per article)")
    print(f"search: median {1000 * statistics.median(searches):.1f} ms, max {1000 * max(searches):.1f} ms "
          f"(target < 50 ms)")
    print(f"quotes by a speaker: median {1000 * statistics.median(speakers):.1f} ms, "
          f"max {1000 * max(speakers):.1f} ms (last: {len(rows)} quotes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
