"""The notes database: round trips, reopening by URL or fingerprint, schema, concurrency, kills."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timezone

import pytest

from reader import paths
from reader.errors import ReaderError
from reader.identity import canonical_url, fingerprint
from reader.library import article_by_id, format_library, list_articles, notes_for, reopen
from reader.model import Document
from reader.notes import Note, anchor_notes, block_number, note_at, sentence_span
from reader.store import Store, document_from_json, document_to_json
from reader.store_schema import SCHEMA_VERSION, migrate, user_version
from tests.conftest import ROOT

PARAGRAPHS = [
    ("heading", "Harbour council delays the ferry vote", 2),
    ("paragraph", "The harbour council postponed its vote on the night ferry on Tuesday. Members asked for a new survey.", 0),
    ("paragraph", "“We will not decide blind,” said the council chair, Ines Okafor. She expects a vote in spring.", 0),
    ("list_item", "Night ferry: 40 crossings a week", 0),
    ("paragraph", "Ferry workers said the delay costs them €2,000 a month — a “slow squeeze”.", 0),
]


def make_document(url: str | None = "https://news.example.org/harbour/ferry-vote", **meta) -> Document:
    base = dict(title="Harbour council delays the ferry vote", site_name="Example News", published="2026-03-03",
                url=url, origin=url or "ferry.txt", authors=["Lee Park"])
    base.update(meta)
    return Document.from_blocks(PARAGRAPHS, **base)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "notes.sqlite3") as s:
        yield s


def span_of(document: Document, phrase: str) -> tuple[int, int]:
    start = document.body.index(phrase)
    return start, start + len(phrase)


# -- paths ------------------------------------------------------------------


def test_data_dir_override_order(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "from-env"))
    assert paths.data_dir() == tmp_path / "from-env"
    assert paths.data_dir(tmp_path / "from-flag") == tmp_path / "from-flag"
    assert (tmp_path / "from-flag").stat().st_mode & 0o777 == 0o700
    monkeypatch.delenv(paths.ENV_VAR)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert paths.data_dir(create=False) == tmp_path / "xdg" / "reader"
    assert paths.database_path(tmp_path / "d").name == paths.DATABASE_NAME


def test_data_dir_that_is_a_file_is_a_reader_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(ReaderError):
        paths.data_dir(tmp_path / "file")


# -- identity ---------------------------------------------------------------


def test_canonical_url_folds_tracking_scheme_and_host():
    key = canonical_url("https://news.example.org/a/b")
    assert canonical_url("http://WWW.News.Example.org:80/a/b/?utm_source=x&fbclid=1#top") == key
    assert canonical_url("https://news.example.org/a/b?page=2") != key
    assert canonical_url("file:///tmp/a.html") is None
    assert canonical_url("not a url") is None
    assert canonical_url(None) is None


def test_fingerprint_ignores_white_space_and_unicode_forms():
    assert fingerprint("Caf\u00e9  opens.\n\nNext   line") == fingerprint("Cafe\u0301 opens. Next line")
    assert fingerprint("one") != fingerprint("two")


# -- notes round trip -------------------------------------------------------


def test_notes_round_trip_through_the_database(tmp_path):
    document = make_document()
    db = tmp_path / "notes.sqlite3"
    with Store(db) as store:
        article = store.open_article(document).article
        start, end = span_of(document, "Members asked for a new survey.")
        tricky = "Line one\nLine two — “quoted” ✓ 🚢 \\ ' \" ; DROP TABLE notes; --"
        first = store.add_note(article.id, start, end, document.body[start:end], tricky)
        q_start, q_end = span_of(document, "We will not decide blind")
        second = store.add_note(article.id, q_start, q_end, document.body[q_start:q_end])
        edited = store.update_note(second.id, "the chair's position")
        assert edited is not None and edited.note == "the chair's position"
        assert edited.updated >= edited.created
    with Store(db) as store:
        notes = store.notes(article.id)
        assert [n.id for n in notes] == [first.id, second.id]  # reading order
        assert notes[0].note == tricky
        assert notes[0].text == "Members asked for a new survey."
        assert (notes[0].start, notes[0].end) == (start, end)
        assert notes[1].note == "the chair's position"
        assert store.article(article.id).notes_count == 2
        assert store.delete_note(first.id) is True
        assert store.delete_note(first.id) is False
        assert store.update_note(first.id, "gone") is None
        assert [n.id for n in store.notes(article.id)] == [second.id]
        assert store.integrity_ok()


def test_note_span_must_be_ordered(store):
    article = store.open_article(make_document()).article
    with pytest.raises(ValueError):
        store.add_note(article.id, 10, 5, "x")


# -- reopening --------------------------------------------------------------


def test_reopening_by_url_restores_notes_and_position(tmp_path):
    db = tmp_path / "n.sqlite3"
    document = make_document()
    with Store(db) as store:
        opened = store.open_article(document)
        assert opened.is_new and opened.notes == []
        start, end = span_of(document, "She expects a vote in spring.")
        store.add_note(opened.article.id, start, end, document.body[start:end], "spring?")
        store.set_position(opened.article.id, start)
    # The same article fetched again later, with a tracking parameter and http.
    again = make_document(url="http://news.example.org/harbour/ferry-vote?utm_medium=social")
    with Store(db) as store:
        reopened = store.open_article(again)
        assert not reopened.is_new
        assert reopened.article.id == opened.article.id
        assert reopened.article.position == start
        assert [(n.note, n.start, n.end) for n in reopened.notes] == [("spring?", start, end)]
        assert len(store.articles()) == 1


def test_reopening_by_fingerprint_from_a_file_then_its_url(tmp_path):
    db = tmp_path / "n.sqlite3"
    from_file = make_document(url=None, origin="/tmp/ferry.txt")
    with Store(db) as store:
        opened = store.open_article(from_file)
        start, end = span_of(from_file, "Members asked for a new survey.")
        store.add_note(opened.article.id, start, end, from_file.body[start:end], "survey by whom?")
        store.set_position(opened.article.id, 42)
    # Pasted again with different white space: same fingerprint.
    pasted = Document.from_blocks([(k, t.replace(" ", "  ", 1), lv) for k, t, lv in PARAGRAPHS], origin="-")
    with Store(db) as store:
        reopened = store.open_article(pasted)
        assert reopened.article.id == opened.article.id
        assert reopened.article.position == 42
        (note,) = reopened.notes
        assert note.anchored and pasted.body[note.start : note.end] == "Members asked for a new survey."
        # Then from its URL: matched by body, and the URL is adopted as the key.
        from_url = make_document()
        by_url = store.open_article(from_url)
        assert by_url.article.id == opened.article.id
        assert by_url.article.url == canonical_url(from_url.url)
        assert store.find_article(make_document()).id == opened.article.id
        assert len(store.articles()) == 1
        # A bare paste of the same text keeps the better metadata and the reopenable origin.
        store.open_article(pasted)
        (article,) = store.articles()
        assert (article.title, article.site, article.published) == (from_url.title, "Example News", "2026-03-03")
        assert article.origin == from_url.origin


def test_changed_body_reanchors_notes_and_keeps_lost_ones(tmp_path):
    db = tmp_path / "n.sqlite3"
    document = make_document()
    with Store(db) as store:
        article = store.open_article(document).article
        s1, e1 = span_of(document, "She expects a vote in spring.")
        s2, e2 = span_of(document, "Members asked for a new survey.")
        kept = store.add_note(article.id, s1, e1, document.body[s1:e1], "kept")
        lost = store.add_note(article.id, s2, e2, document.body[s2:e2], "lost")
    # The page was updated: a new first paragraph, and the survey sentence rewritten.
    updated = [PARAGRAPHS[0], ("paragraph", "Update: the council met again tonight.", 0)] + [
        (k, t.replace("Members asked for a new survey.", "Members want data."), lv) for k, t, lv in PARAGRAPHS[1:]
    ]
    new_document = Document.from_blocks(updated, url=document.url, title=document.title)
    with Store(db) as store:
        reopened = store.open_article(new_document)
        by_note = {n.note: n for n in reopened.notes}
        assert by_note["kept"].anchored
        assert new_document.body[by_note["kept"].start : by_note["kept"].end] == kept.text
        assert by_note["lost"].anchored is False and by_note["lost"].text == lost.text
        stored = {n.note: n for n in store.notes(reopened.article.id)}
        assert stored["kept"].start == by_note["kept"].start  # the move was saved
        assert store.load_document(reopened.article.id).body == new_document.body


def test_saved_document_round_trips():
    document = make_document()
    assert document_from_json(document_to_json(document)) == document


# -- library ----------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.minute = 0

    def __call__(self) -> str:
        self.minute += 1
        return datetime(2026, 3, 4, 9, self.minute, tzinfo=timezone.utc).isoformat(timespec="microseconds")


def test_library_lists_newest_first_with_counts(tmp_path):
    clock = Clock()
    with Store(tmp_path / "n.sqlite3", clock=clock) as store:
        one = make_document(url="https://a.example/one", title="First \x1b]0;pwned\x07story")
        two = make_document(url="https://a.example/two", title="Second story")
        a1 = store.open_article(one).article
        a2 = store.open_article(two).article
        store.add_note(a1.id, 0, 5, one.body[0:5])
        store.open_article(one)  # opened again: now the newest
        rows = list_articles(store)
        assert [r.url for r in rows] == ["https://a.example/one", "https://a.example/two"]
        assert [r.notes_count for r in rows] == [1, 0]
        assert article_by_id(store, a2.id).url == "https://a.example/two"
        assert [r.id for r in rows] == [a1.id, a2.id]  # the IDs stay as the order changes
        with pytest.raises(ReaderError):
            article_by_id(store, a2.id + 1)
        article, document = reopen(store, a2.id)
        assert document.body == two.body and article.title == "Second story"
        now = datetime(2026, 3, 4, 12, 0, tzinfo=timezone.utc)
        text = format_library(rows, width=80, now=now)
    lines = text.splitlines()
    assert lines[0].split() == ["ID", "Title", "Site", "Date", "Notes", "Last", "opened"]
    assert lines[1].lstrip().startswith(f"{a1.id}  First story")
    assert "\x1b" not in text and "\x07" not in text and "pwned" not in text
    assert "2026-03-03" in lines[1] and "today" in lines[1]
    assert all(len(line) <= 80 for line in lines)


def test_empty_library_message(store):
    assert "empty" in format_library(list_articles(store))
    with pytest.raises(ReaderError):
        article_by_id(store, 1)


def test_ids_never_change_as_other_articles_are_opened(tmp_path):
    with Store(tmp_path / "n.sqlite3", clock=Clock()) as store:
        docs = [make_document(url=f"https://a.example/{n}", title=f"Story {n}") for n in range(4)]
        ids = [store.open_article(d).article.id for d in docs]
        listed = {r.url: r.id for r in list_articles(store)}
        store.open_article(docs[0])
        store.open_article(docs[2])
        assert {r.url: r.id for r in list_articles(store)} == listed
        assert [reopen(store, i)[1].url for i in ids] == [d.url for d in docs]


def test_the_library_remembers_the_date_and_url_the_user_gave(tmp_path):
    from reader.clean import clean_text
    from reader.library import remembered

    text = "Ferry vote\n\nThe council voted on Thursday to keep the ferry.\n\nIt runs until March."
    with Store(tmp_path / "n.sqlite3", clock=Clock()) as store:
        given = clean_text(text, origin="paste.txt", published="2026-01-08")
        given.url = "https://news.example/ferry"
        store.open_article(given)
        again = remembered(clean_text(text, origin="paste.txt"), store)
        assert again.published == "2026-01-08"
        assert again.url == "https://news.example/ferry"
        own = remembered(clean_text(text, origin="paste.txt", published="2026-02-01"), store)
        assert own.published == "2026-02-01"  # what the user says now wins


def test_notes_for_an_unknown_document_is_empty(store):
    assert notes_for(make_document(url="https://b.example/never"), store) == []


def test_store_open_uses_the_environment_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "env-dir"))
    with Store.open() as store:
        assert store.path == tmp_path / "env-dir" / paths.DATABASE_NAME
    assert (tmp_path / "env-dir" / paths.DATABASE_NAME).exists()


# -- pure note helpers -------------------------------------------------------


def test_sentence_span_and_note_at():
    document = make_document()
    offset = document.body.index("expects")
    start, end = sentence_span(document, offset)
    assert document.body[start:end] == "She expects a vote in spring."
    start, end = sentence_span(document, document.body.index("postponed"))
    assert document.body[start:end].endswith("on Tuesday.")
    notes = [Note(1, 1, 0, 50, "a"), Note(2, 1, 10, 20, "b")]
    assert note_at(notes, 15).id == 2 and note_at(notes, 30).id == 1 and note_at(notes, 60) is None
    assert block_number(document, offset) == 3


def test_anchor_notes_picks_the_nearest_copy():
    body = "echo here. echo there. echo everywhere."
    note = Note(1, 1, 25, 29, "echo")
    moved = anchor_notes("x" * 3 + body, [note])[0]
    assert moved.start == 26 and moved.anchored


# -- schema -----------------------------------------------------------------


def test_schema_version_wal_and_pragmas(store):
    conn = sqlite3.connect(store.path)
    assert user_version(conn) == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_database_from_a_newer_reader_is_refused(tmp_path):
    db = tmp_path / "n.sqlite3"
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(ReaderError, match="newer"):
        Store(db)


def test_migrations_run_once_in_order(tmp_path):
    calls: list[int] = []

    def step(n):
        def run(conn):
            calls.append(n)
            conn.execute(f"CREATE TABLE t{n} (x)")

        return run

    conn = sqlite3.connect(tmp_path / "m.sqlite3", isolation_level=None)
    assert migrate(conn, [step(0)]) == 0
    assert migrate(conn, [step(0), step(1)]) == 1
    assert migrate(conn, [step(0), step(1)]) == 2
    assert calls == [0, 1] and user_version(conn) == 2


def test_failed_migration_leaves_the_old_version(tmp_path):
    def bad(conn):
        conn.execute("CREATE TABLE half (x)")
        raise RuntimeError("boom")

    conn = sqlite3.connect(tmp_path / "m.sqlite3", isolation_level=None)
    with pytest.raises(RuntimeError):
        migrate(conn, [bad])
    assert user_version(conn) == 0
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchone() is None


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    db = tmp_path / "n.sqlite3"
    db.write_bytes(b"my precious notes, not sqlite" * 100)
    before = db.read_bytes()
    with pytest.raises(ReaderError):
        Store(db)
    assert db.read_bytes() == before


# -- concurrency and kills --------------------------------------------------


def _writer(db: str, url: str, tag: str, count: int, barrier) -> None:
    document = make_document(url=url)
    barrier.wait(60)  # start together: both also race to create the database
    with Store(db) as store:
        article = store.open_article(document).article
        for i in range(count):
            store.add_note(article.id, i, i + 1, document.body[i : i + 1], f"{tag}-{i}")
            if i % 10 == 0:
                store.set_position(article.id, i)
                store.open_article(document)


def test_two_processes_writing_notes_lose_nothing(tmp_path):
    db = str(tmp_path / "n.sqlite3")
    url = "https://news.example.org/harbour/ferry-vote"
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    workers = [ctx.Process(target=_writer, args=(db, url, tag, 60, barrier)) for tag in ("a", "b")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    with Store(db) as store:
        (article,) = store.articles()
        texts = {n.note for n in store.notes(article.id)}
        assert texts == {f"{tag}-{i}" for tag in ("a", "b") for i in range(60)}
        assert store.integrity_ok()


KILLED_WRITER = textwrap.dedent(
    """
    import sys, sqlite3
    from reader.model import Document
    from reader.store import Store
    db = sys.argv[1]
    store = Store(db)
    doc = Document.from_blocks([("paragraph", "A short invented paragraph about tides.", 0)], url="https://t.example/x")
    article = store.open_article(doc).article
    store.add_note(article.id, 2, 7, "short", "committed")
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO notes (article_id, start_offset, end_offset, text, note, created, updated) "
                 "VALUES (?, 0, 1, 'A', 'uncommitted', 'x', 'x')", (article.id,))
    print("ready", flush=True)
    sys.stdin.read()
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_during_a_transaction_keeps_committed_notes(tmp_path):
    db = tmp_path / "n.sqlite3"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        cwd=ROOT, text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
    with Store(db, timeout=5) as store:
        assert store.integrity_ok()
        (article,) = store.articles()
        assert [n.note for n in store.notes(article.id)] == ["committed"]
        store.add_note(article.id, 0, 1, "A", "after the crash")  # the lock was released
        assert len(store.notes(article.id)) == 2


# -- the app's session ------------------------------------------------------


def test_article_session_keeps_notes_in_sync(tmp_path):
    from reader.session import ArticleSession

    document = make_document()
    with Store(tmp_path / "n.sqlite3") as store:
        session = ArticleSession.open(document, store)
        offset = document.body.index("expects")
        first = session.highlight_sentence(offset)
        assert document.body[first.start : first.end] == "She expects a vote in spring."
        assert session.highlight_sentence(offset + 3).id == first.id  # `h` twice: one highlight
        quote = session.highlight(*span_of(document, "We will not decide blind"))
        assert [n.id for n in session.notes] == [quote.id, first.id]
        assert session.set_note(first.id, "spring?").note == "spring?"
        assert session.note_at(offset).note == "spring?"
        session.save_position(offset)
        # Another instance deletes the quote highlight; editing it now reports it gone.
        store.delete_note(quote.id)
        assert session.set_note(quote.id, "x") is None
        assert [n.id for n in session.notes] == [first.id]
        assert session.delete(first.id) and session.notes == []
        path = session.export(None, tmp_path)
        assert path.exists()
        again = ArticleSession.open(document, store)
        assert again.position == offset and again.notes == []
