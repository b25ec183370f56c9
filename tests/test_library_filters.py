"""The library filters and an entity's history, over the index (invented articles, hand-made analyses)."""

from __future__ import annotations

import sqlite3

import pytest

from reader.index.filters import LibraryFilter, filter_articles, parse_filter
from reader.index.history import entity_history
from reader.store import Store
from reader.store_schema import SCHEMA_VERSION, user_version
from tests.library_articles import fill


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "lib.sqlite3") as store:
        yield store


@pytest.mark.parametrize(("text", "expected"), [
    ("", LibraryFilter()),
    ("ferry  plan", LibraryFilter(words="ferry plan")),
    ("person:Ada Okafor source:Tidewire", LibraryFilter(people=("Ada Okafor",), sources=("Tidewire",))),
    ('ferry Person:"Ada Okafor" harbour', LibraryFilter(words="ferry harbour", people=("Ada Okafor",))),
    ("who:Okafor person:Brandt", LibraryFilter(people=("Okafor", "Brandt"))),
    ("from:2026-01 to:2026-03-31 since:2026-02", LibraryFilter(since="2026-02", until="2026-03-31")),
    ("person: source:", LibraryFilter()),  # still being typed: no term yet
])
def test_parse_filter(text, expected):
    assert parse_filter(text) == (expected, [])


@pytest.mark.parametrize("value", ["2026-13", "2026-02-30", "26-01-01", "soon"])
def test_a_bad_date_is_a_problem_and_left_out(value):
    flt, problems = parse_filter(f"until:{value} person:Okafor")
    assert flt == LibraryFilter(people=("Okafor",)) and problems == [
        f"until: wants a date like 2026, 2026-01 or 2026-01-09, not {value!r}"]


def _titles(store: Store, text: str) -> list[str]:
    kept = filter_articles(store, parse_filter(text)[0])
    return sorted(a.title for a in store.articles() if a.id in kept)


def test_filters_ask_the_index(store):
    fill(store)
    assert _titles(store, "person:Ada Okafor") == ["Dredging starts", "Ferry fares rise", "Harbour plan approved"]
    assert _titles(store, "person:Tomas") == ["Harbour plan approved", "Tram depot sold"]  # a prefix while typing
    assert _titles(store, "person:Okafor person:Brandt") == ["Harbour plan approved"]  # every term holds
    assert _titles(store, "source:Tidewire") == ["Harbour plan approved", "Tram depot sold"]
    assert _titles(store, "source:coast weekly") == ["Ferry fares rise", "Harbour plan approved"]
    assert _titles(store, "source:100%_") == []  # LIKE wildcards are literal
    assert _titles(store, "since:2026-02-10 until:2026-03") == ["Dredging starts", "Ferry fares rise"]
    assert _titles(store, "until:2025") == ["Tram depot sold"]
    assert len(_titles(store, "")) == 4


def test_the_filters_use_their_indexes(store):
    plans = {sql: " ".join(str(row[-1]) for row in store.query("EXPLAIN QUERY PLAN " + sql, params))
             for sql, params in [
                 ("SELECT DISTINCT article_id FROM sources WHERE name_key = ?", ("tidewire",)),
                 ("SELECT id FROM articles WHERE published IS NOT NULL AND published >= ? AND published <= ?",
                  ("2026", "2027")),
                 ("SELECT * FROM people WHERE kind = ? AND name_key = ?", ("person", "ada okafor")),
                 ("SELECT DISTINCT article_id FROM person_keys WHERE key >= ? AND key <= ?", ("ada", "ada\uffff")),
             ]}
    assert all("USING" in plan and "INDEX" in plan for plan in plans.values()), plans


def test_entity_history_merges_the_bare_name_and_leaves_out_this_article(store):
    ids = fill(store)
    history = entity_history(store, "Ada Okafor", "person", ["Okafor"], exclude=ids["harbour"])
    assert [a.title for a in history.articles] == ["Ferry fares rise", "Dredging starts"]  # newest first
    dredging = history.articles[1]
    assert [(p.kind, p.text) for p in dredging.places] == [
        ("mention", "Okafor stood at the end of the pier with the crew."),
        ("quote", "The channel will be deeper by June,")]
    assert history.quotes == 2 and dredging.mentions == 2
    assert entity_history(store, "Nobody Atall", "person").articles == []


def test_migration_to_v5_fills_sources_from_saved_analyses_and_keeps_notes(tmp_path):
    path = tmp_path / "old.sqlite3"
    with Store(path) as store:
        ids = fill(store)
        store.add_note(ids["harbour"], 0, 10, "Ada Okafor", "ask her")
    conn = sqlite3.connect(path, isolation_level=None)  # back to version 4: no sources table, no filter indexes
    for index in ("people_name_key", "sources_key", "articles_published"):
        conn.execute(f"DROP INDEX {index}")
    conn.execute("DROP TABLE sources")
    conn.execute("PRAGMA user_version = 4")
    conn.close()
    with Store(path) as store:
        assert user_version(store._conn) == SCHEMA_VERSION == 5
        assert store.notes(ids["harbour"])[0].note == "ask her"
        assert _titles(store, "source:Tidewire") == ["Harbour plan approved", "Tram depot sold"]
        assert _titles(store, "source:Norland Press") == ["Dredging starts"]
