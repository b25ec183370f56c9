"""Library index benchmark: add N generated articles, then time searches, quotes, filters and histories.

    python benchmarks/bench_library.py [--articles 1000] [--analysis model|rules|synthetic]

Prints the time to add them (analysis and indexing apart), the database
size, and the median and 95th percentile of: a full-text search, a
speaker's quotes (`quotes_by`), the library screen's filters
(`reader.index.filters`: by person, by source, by a date range, all three
at once) and an entity's other articles (`reader.index.history`, the `l`
modal). Target: a search or a filter under 50 ms. Articles are generated
from invented names, places, sites and agencies, so every run sees the same
corpus. `--analysis synthetic` builds each analysis from what the generator
knows (its people, quotes and agency) instead of running the pipeline: the
query figures in a few seconds; `rules` runs the pipeline without spaCy
(no entities); `model` (the default) runs it all.
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
SITES = ["Harbour Post", "Valley Courier", "Northmoor Daily", "Coastline Review"]
AGENCIES = ["Tidewire", "Norland Press Agency", "Kestrel News Service"]


def article(rng: random.Random, n: int) -> tuple[str, str, list[str], str, str]:
    """(title, text, the three people, the site, the agency) of generated article `n`."""
    who = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)]
    topic, place, agency = rng.choice(TOPICS), rng.choice(PLACES), rng.choice(AGENCIES)
    title = f"{place} {topic} plan {n}: council divided"
    paras = [f"{who[0]}, the {place} council leader, presented the {topic} plan on Tuesday.",
             (f"\"We cannot wait another year for the {topic},\" {who[0].split()[1]} {rng.choice(VERBS)}, "
              f"according to {agency}.")]
    for k in range(4):
        paras.append(f"Residents of {place} met in the town hall to discuss the {topic} and its cost of "
                     f"{rng.randint(2, 90)} million, which {who[1]} called {rng.choice(['fair', 'too high', 'a start'])}.")
    paras.append(f"\"This is about the next generation,\" said {who[2]}, who chairs the {topic} committee.")
    return title, "\n\n".join([title, *paras]), who, rng.choice(SITES), agency


def synthetic_analysis(document, who: list[str], agency: str):
    """The analysis the generator knows: its people (full name, surname alias), two quotes, the agency."""
    from reader.model import Analysis, Entity, Mention, Quote, Source

    body = document.body

    def spans(text: str) -> list[Mention]:
        out, at = [], body.find(text)
        while at >= 0:
            out.append(Mention(at, at + len(text), text))
            at = body.find(text, at + len(text))
        return out

    entities, ids = [], {}
    for name in dict.fromkeys(who):
        ids[name] = f"e{len(ids) + 1}"
        surname = name.split()[1]
        mentions = sorted({(m.start, m.end): m for m in spans(name) + spans(surname)}.values(), key=lambda m: m.start)
        entities.append(Entity(ids[name], name, "person", [surname], "", mentions))
    quotes = []
    for qid, (words, speaker) in enumerate([("We cannot wait another year for the ", who[0]),
                                            ("This is about the next generation,", who[2])], 1):
        start = body.find(words)
        end = body.find("\"", start)
        quotes.append(Quote(f"q{qid}", start, end, body[start:end], speaker=speaker, speaker_id=ids[speaker],
                            cue="said"))
    sources = [Source("s1", agency, "agency", spans(agency))]
    return Analysis(entities=entities, quotes=quotes, sources=sources, blocks_done=len(document.blocks),
                    blocks_total=len(document.blocks))


def timed(call, inputs) -> tuple[list[float], object]:
    """Seconds per call of `call(x)` for each x, and the last result."""
    times, result = [], None
    for x in inputs:
        t0 = time.perf_counter()
        result = call(x)
        times.append(time.perf_counter() - t0)
    return times, result


def figures(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {1000 * statistics.median(ordered):.1f} ms, p95 {1000 * p95:.1f} ms, max {1000 * ordered[-1]:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--analysis", choices=("model", "rules", "synthetic"), default="model")
    parser.add_argument("--no-model", action="store_true", help="the same as --analysis rules")
    args = parser.parse_args()
    mode = "rules" if args.no_model else args.analysis

    from reader.analysis import pipeline
    from reader.clean import clean_text
    from reader.index import index_article, quotes_by, search
    from reader.index.filters import filter_articles, parse_filter
    from reader.index.history import entity_history
    from reader.store import Store

    rng = random.Random(7)
    nlp = None if mode == "rules" else pipeline.AUTO
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        store = Store(path)
        analyse_s = index_s = 0.0
        for n in range(args.articles):
            _title, text, who, site, agency = article(rng, n)
            slug = site.lower().replace(" ", "")
            document = clean_text(text, origin=f"gen-{n}", url=f"https://{slug}.example/{n}",
                                  published=f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}")
            document.site_name = site
            t0 = time.perf_counter()
            if mode == "synthetic":
                analysis = synthetic_analysis(document, who, agency)
            else:
                analysis = pipeline.analyse(document, nlp)
            t1 = time.perf_counter()
            index_article(store, store.open_article(document).article.id, document, analysis)
            t2 = time.perf_counter()
            analyse_s += t1 - t0
            index_s += t2 - t1
        size = path.stat().st_size + sum(p.stat().st_size for p in Path(tmp).glob("bench.sqlite3-*"))
        names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(20)]
        searches, _ = timed(lambda q: search(store, q),
                            [f"{rng.choice(TOPICS)} {rng.choice(PLACES).split()[0]}" for _ in range(40)])
        speakers, rows = timed(lambda name: quotes_by(store, name), names)
        filters = {
            "person": [f"person:{name}" for name in names],
            "source": [f"source:{rng.choice(AGENCIES + SITES)}" for _ in range(20)],
            "dates": [f"since:2026-{m:02d} until:2026-{m + 2:02d}-15" for m in range(1, 11)] * 2,
            "all three": [f"person:{name} source:{rng.choice(AGENCIES)} since:2026-03 until:2026-09"
                          for name in names],
        }
        filtered = {kind: timed(lambda text: filter_articles(store, parse_filter(text)[0]), texts)
                    for kind, texts in filters.items()}
        histories, history = timed(lambda name: entity_history(store, name, "person", [name.split()[1]], exclude=1),
                                   names)
        with store.transaction() as conn:  # the baseline, side by side: the same queries without schema v5's indexes
            for index in ("people_name_key", "sources_key", "articles_published"):
                conn.execute(f"DROP INDEX {index}")  # constant names
        unindexed = {kind: timed(lambda text: filter_articles(store, parse_filter(text)[0]), texts)[0]
                     for kind, texts in filters.items()}
        unindexed["history"] = timed(lambda name: entity_history(store, name, "person", [name.split()[1]], exclude=1),
                                     names)[0]
        store.close()
    n = args.articles
    print(f"articles: {n} (analysis: {mode})")
    print(f"add: {analyse_s + index_s:.1f} s in all; analysis {analyse_s:.1f} s, indexing {index_s:.1f} s "
          f"({1000 * index_s / n:.1f} ms per article)")
    print(f"database: {size / 2**20:.1f} MiB ({size / n / 1024:.1f} KiB per article)")
    print(f"search: {figures(searches)} (target < 50 ms)")
    print(f"quotes by a speaker: {figures(speakers)} (last: {len(rows)} quotes)")
    for kind, (times, kept) in filtered.items():
        print(f"filter by {kind}: {figures(times)} (target < 50 ms; last kept {len(kept)} articles)")
    print(f"an entity's other articles (l): {figures(histories)} (last: {len(history.articles)} articles, "
          f"{history.quotes} quotes)")
    print("without the filter indexes (people_name_key, sources_key, articles_published), same run:")
    for kind, times in unindexed.items():
        mine = filtered[kind][0] if kind in filtered else histories
        print(f"  {kind}: {figures(times)}; median ratio {statistics.median(times) / statistics.median(mine):.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
