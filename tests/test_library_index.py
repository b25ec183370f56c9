"""The library index: analyses kept per article, searched and asked across articles (invented articles)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from reader.cli import main
from reader.export.person import person_markdown
from reader.index import index_article, is_indexed, people, quotes_by, search
from reader.index.names import name_key
from reader.index.query import HIT_END, HIT_START, match_query
from reader.model import Analysis, Document, Entity, Mention, Quote
from reader.store import Store
from reader.store_schema import MIGRATIONS, SCHEMA_VERSION, migrate, user_version


def _article(title: str, url: str, paragraphs: list[str], published: str) -> Document:
    return Document.from_blocks([("paragraph", p, 0) for p in paragraphs], title=title, url=url,
                                published=published, origin=url)


def _mention(doc: Document, text: str, nth: int = 0, kind: str = "name") -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = doc.body.index(text, start + 1)
    return Mention(start, start + len(text), text, kind)


def _quote(doc: Document, qid: str, words: str, speaker: str, speaker_id: str | None, cue: str = "said") -> Quote:
    start = doc.body.index(words)
    return Quote(qid, start, start + len(words), words, speaker=speaker, speaker_id=speaker_id, cue=cue)


@pytest.fixture
def library(tmp_path):
    store = Store(tmp_path / "lib.sqlite3")
    one = _article("Harbour plan approved", "https://news.example/harbour",
                   ["Ada Okafor, the harbour director, welcomed the vote.",
                    "\"We will start dredging in spring,\" Okafor said after the meeting.",
                    "Lena Okafor, her sister and a local baker, sold pastries outside."], "2026-03-02")
    two = _article("Dredging starts", "https://news.example/dredging",
                   ["Okafor watched the first barge leave.",
                    "\"The channel will be deeper by June,\" said Okafor, beaming."], "2026-04-10")
    three = _article("Ferry fares rise", "https://other.example/fares",
                     ["Ada Okafor defended the new ferry fares on Monday.",
                      "\"Fuel costs leave us no choice,\" she said."], "2026-05-01")
    analyses = {
        "one": Analysis(entities=[
            Entity("e1", "Ada Okafor", "person", ["Okafor"], "harbour director",
                   [_mention(one, "Ada Okafor"), _mention(one, "Okafor", 1, "alias")]),
            Entity("e2", "Lena Okafor", "person", [], "", [_mention(one, "Lena Okafor")])],
            quotes=[_quote(one, "q1", "We will start dredging in spring,", "Ada Okafor", "e1")]),
        "two": Analysis(entities=[Entity("e1", "Okafor", "person", [], "", [_mention(two, "Okafor")])],
                        quotes=[_quote(two, "q1", "The channel will be deeper by June,", "Okafor", "e1")]),
        "three": Analysis(entities=[Entity("e1", "Ada Okafor", "person", [], "", [_mention(three, "Ada Okafor")])],
                          quotes=[_quote(three, "q1", "Fuel costs leave us no choice,", "Ada Okafor", "e1")]),
    }
    ids = {}
    for key, doc in (("one", one), ("two", two), ("three", three)):
        ids[key] = store.open_article(doc).article.id
        index_article(store, ids[key], doc, analyses[key])
    yield store, ids
    store.close()


def test_search_finds_paragraphs_quotes_and_names(library):
    store, ids = library
    hits = search(store, "dredging")
    kinds = {(h.kind, h.article_id) for h in hits}
    assert ("quote", ids["one"]) in kinds and ("paragraph", ids["one"]) in kinds
    assert all(HIT_START in h.snippet and HIT_END in h.snippet for h in hits)
    assert ("name", ids["one"]) in {(h.kind, h.article_id) for h in search(store, "Lena")}
    assert search(store, "nothing-like-this-word") == []


def test_search_text_never_reaches_fts_syntax(library):
    store, _ids = library
    for hostile in ['"', 'dredging OR', 'NEAR(a b)', "* ^ :", "col:text", "') DROP TABLE articles; --"]:
        search(store, hostile)  # no sqlite3 error
    assert match_query('say "hi" now') == '"say" "hi" "now"'
    assert match_query("***") == ""


def test_quotes_by_speaker_across_articles(library):
    store, ids = library
    rows = quotes_by(store, "Ada Okafor")
    assert [r.article_id for r in rows] == [ids["three"], ids["two"], ids["one"]]  # newest first
    assert {r.text for r in rows} >= {"Fuel costs leave us no choice,", "The channel will be deeper by June,"}
    first = next(r for r in rows if r.article_id == ids["one"])
    assert first.paragraph == 1 and first.url == "https://news.example/harbour"
    assert quotes_by(store, "Lena Okafor") == []


def test_person_merges_aliases_across_articles_but_keeps_namesakes_apart(library):
    store, ids = library
    found = people(store, "Okafor")
    ada = next(p for p in found if p.name == "Ada Okafor")
    assert {a[0] for a in ada.articles} == set(ids.values())
    assert "Okafor" in ada.aliases and "harbour director" in ada.roles
    lena = [p for p in found if p.name == "Lena Okafor"]
    assert lena and {a[0] for a in lena[0].articles} == {ids["one"]}
    assert {a[0] for a in people(store, "Ada Okafor")[0].articles} == set(ids.values())


def test_reindexing_replaces_an_article(library):
    store, ids = library
    doc = store.load_document(ids["two"])
    index_article(store, ids["two"], doc, Analysis())
    assert is_indexed(store, ids["two"])
    assert [r.article_id for r in quotes_by(store, "Ada Okafor")] == [ids["three"], ids["one"]]


def test_name_keys_fold_case_accents_and_punctuation():
    assert name_key("Zoë  O'Brien-Hart") == "zoe o brien hart"
    assert name_key("ZOE O BRIEN HART") == name_key("Zoë O’Brien Hart")


def test_person_markdown_escapes_and_links(library):
    store, _ids = library
    text = person_markdown("Ada Okafor", people(store, "Ada Okafor"), quotes_by(store, "Ada Okafor"),
                           exported="2026-06-01T00:00:00+00:00")
    assert "# Ada Okafor" in text and "[Harbour plan approved](https://news.example/harbour)" in text
    assert "paragraph 2" in text and "reader library open" in text
    assert "no choice”" in text and "no choice,”" not in text


def test_migration_keeps_notes_and_makes_old_articles_searchable(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, MIGRATIONS[:1])
    doc = _article("Old piece", "https://old.example/a", ["The lighthouse keeper retired quietly."], "2025-01-01")
    conn.execute("INSERT INTO articles (url, fingerprint, title, first_opened, last_opened, body_length) "
                 "VALUES (?, 'sha256:x', ?, 't', 't', ?)", (doc.url, doc.title, len(doc.body)))
    conn.execute("INSERT INTO documents (article_id, document) VALUES (1, ?)", (json.dumps(doc.to_dict()),))
    conn.execute("INSERT INTO notes (article_id, start_offset, end_offset, text, note, created, updated) "
                 "VALUES (1, 4, 14, 'lighthouse', 'ask about it', 't', 't')")
    conn.close()
    with Store(path) as store:
        assert store.notes(1)[0].note == "ask about it"
        assert [h.article_id for h in search(store, "lighthouse")] == [1]
        assert user_version(store._conn) == SCHEMA_VERSION


def test_cli_add_then_ask(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text("Council backs new tram line\n\nMayor Tomas Brandt said the tram would open in 2028.\n\n"
                 "\"This line will change the east side,\" Brandt said on Tuesday.\n", encoding="utf-8")
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "x1", "text": "Tram works begin\n\n\"We start digging today,\" "
                                 "said Tomas Brandt, the mayor, at the depot.", "date": "2026-02-03"}) + "\n"
                     + "{not json}\n", encoding="utf-8")
    assert main(["library", "add", str(a), str(batch)]) == 1  # one bad record: reported, the rest added
    err = capsys.readouterr().err
    assert "2 added, 1 failed" in err and "not a record" in err
    assert main(["library", "quotes", "--speaker", "Brandt", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {line["text"].rstrip(",") for line in lines} == {"This line will change the east side",
                                                             "We start digging today"}
    assert main(["library", "search", "tram", "--json"]) == 0
    assert capsys.readouterr().out.count("\n") >= 2
    assert main(["library", "person", "Tomas", "Brandt"]) == 0
    assert "Tomas Brandt" in capsys.readouterr().out
    out = tmp_path / "out"
    out.mkdir()
    assert main(["library", "export", "--speaker", "Brandt", "-o", str(out)]) == 0
    written = list(out.iterdir())
    assert len(written) == 1 and "We start digging today" in written[0].read_text(encoding="utf-8")
