"""Writing exports: safe file names, never overwriting without force, atomic even when killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import ReaderError
from reader.export import files
from reader.export.files import (
    MAX_NAME_BYTES,
    ExportExists,
    atomic_write_text,
    export_markdown,
    export_path,
    safe_filename,
)
from reader.model import Document
from reader.store import Store
from tests.conftest import ROOT


def doc(title: str = "Harbour council delays the ferry vote") -> Document:
    return Document.from_blocks([("paragraph", "An invented paragraph about the night ferry.", 0)], title=title)


# -- names ------------------------------------------------------------------


@pytest.mark.parametrize(
    "title, name",
    [
        ("Harbour council delays the ferry vote", "harbour-council-delays-the-ferry-vote.md"),
        ("../../etc/passwd", "etc-passwd.md"),
        ("..", "article.md"),
        ("", "article.md"),
        ("  .hidden  ", "hidden.md"),
        ("a/b\\c:d*e?f\"g<h>i|j", "a-b-c-d-e-f-g-h-i-j.md"),
        ("Bell\x07 and \x1b[31mred\x1b[0m", "bell-and-red.md"),
        ("CON", "con-article.md"),
        ("nul.txt", "nul-txt.md"),
        ("Zürich: Ärger über „Fähre“", "zürich-ärger-über-fähre.md"),
        ("東京の港", "東京の港.md"),
        ("Right\u202eto\u202cleft", "righttoleft.md"),
        ("The harbour’s ferry: ‘we can't wait’", "the-harbours-ferry-we-cant-wait.md"),
    ],
)
def test_safe_filename_examples(title, name):
    assert safe_filename(title) == name


def test_safe_filename_caps_length_in_bytes():
    name = safe_filename("Überlange Überschrift " * 40)
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.endswith(".md") and not name.startswith("-") and "--" not in name
    assert len(safe_filename("港" * 200).encode("utf-8")) <= MAX_NAME_BYTES


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_title_gives_a_safe_name(title):
    name = safe_filename(title)
    assert name.endswith(".md") and len(name.encode("utf-8")) <= MAX_NAME_BYTES
    stem = name[: -len(".md")]
    assert stem and not stem.startswith((".", "-")) and stem not in (".", "..")
    assert not any(c in name for c in '/\\:*?"<>|')
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs") for c in name)
    directory = Path("/exports")
    assert (directory / name).parent == directory


def test_export_path_choices(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert export_path(doc()) == tmp_path / "harbour-council-delays-the-ferry-vote.md"
    assert export_path(doc("../x"), tmp_path) == tmp_path / "x.md"
    assert export_path(doc(), str(tmp_path / "new-dir") + os.sep) == tmp_path / "new-dir" / safe_filename(doc().title)
    assert export_path(doc(), tmp_path / "mine.md") == tmp_path / "mine.md"


# -- writing ----------------------------------------------------------------


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_never_overwrites_without_force(tmp_path):
    target = tmp_path / "a.md"
    target.write_text("my edited export")
    with pytest.raises(ExportExists) as info:
        atomic_write_text(target, "new")
    assert info.value.path == target and "--force" in str(info.value)
    assert isinstance(info.value, ReaderError)
    assert target.read_text() == "my edited export"
    os.chmod(target, 0o640)
    atomic_write_text(target, "new ✓", force=True)
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert target.stat().st_mode & 0o777 == 0o640  # the user's permissions are kept
    assert leftovers(tmp_path) == []


def test_missing_directory_and_directory_target_are_errors(tmp_path):
    with pytest.raises(ReaderError, match="does not exist"):
        atomic_write_text(tmp_path / "nope" / "a.md", "x")
    with pytest.raises(ReaderError, match="directory"):
        atomic_write_text(tmp_path, "x", force=True)


def test_name_taken_during_the_write_is_not_clobbered(tmp_path, monkeypatch):
    target = tmp_path / "a.md"

    def someone_else_writes(temp: Path) -> None:
        target.write_text("written by another program meanwhile")

    monkeypatch.setattr(files, "_before_commit", someone_else_writes)
    with pytest.raises(ExportExists):
        atomic_write_text(target, "ours")
    assert target.read_text() == "written by another program meanwhile"
    assert leftovers(tmp_path) == []


def test_stale_temp_files_are_swept(tmp_path):
    stale = tmp_path / ".a.md.abc123.tmp"
    stale.write_text("half")
    os.utime(stale, (1, 1))
    fresh = tmp_path / ".a.md.def456.tmp"
    fresh.write_text("another writer, still busy")
    atomic_write_text(tmp_path / "a.md", "x")
    assert not stale.exists() and fresh.exists()


def test_export_markdown_writes_the_file(tmp_path):
    path = export_markdown(doc(), None, [], tmp_path, exported="2026-01-10T12:00:00Z")
    assert path == tmp_path / "harbour-council-delays-the-ferry-vote.md"
    assert path.read_text(encoding="utf-8").startswith("---\ntitle: \"Harbour council delays the ferry vote\"")
    with pytest.raises(ExportExists):
        export_markdown(doc(), None, [], tmp_path)
    assert export_markdown(doc(), None, [], tmp_path, force=True) == path


KILLED_EXPORT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from reader.export import files
    from reader.model import Document
    from reader.store import Store

    out, db = Path(sys.argv[1]), sys.argv[2]
    doc = Document.from_blocks([("paragraph", "An invented paragraph about the night ferry.", 0)],
                               title="Ferry", url="https://t.example/ferry")
    with Store(db) as store:
        article = store.open_article(doc).article
        store.add_note(article.id, 3, 11, doc.body[3:11], "written before the export")

    def pause(temp):
        print("ready", temp, flush=True)
        time.sleep(120)

    files._before_commit = pause
    store = Store(db)  # open while the export runs, as the app would be
    files.export_markdown(doc, None, store.notes(article.id), out, force=True)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_while_writing_an_export_keeps_old_file_and_database(tmp_path):
    out = tmp_path / "ferry.md"
    old = "my previous export, edited by hand\n"
    out.write_text(old)
    db = tmp_path / "notes.sqlite3"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_EXPORT, str(out), str(db)], stdout=subprocess.PIPE, cwd=ROOT, text=True
    )
    try:
        line = proc.stdout.readline().split()
        assert line[:1] == ["ready"], line
        temp = Path(line[1])
        assert temp.exists() and "written before the export" in temp.read_text()  # the new text was on disk
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    assert out.read_text() == old  # the old export is whole
    with Store(db, timeout=5) as store:
        assert store.integrity_ok()
        (article,) = store.articles()
        assert [n.note for n in store.notes(article.id)] == ["written before the export"]
    # The next export replaces it cleanly.
    files.export_markdown(Document.from_blocks([("paragraph", "New.", 0)], title="Ferry"), None, [], out, force=True)
    assert out.read_text().startswith("---")


def test_free_name_keeps_both(tmp_path):
    from reader.export.files import free_name

    first = tmp_path / "story.md"
    assert free_name(first) == first
    first.write_text("x")
    assert free_name(first) == tmp_path / "story-2.md"
    (tmp_path / "story-2.md").write_text("x")
    assert free_name(first) == tmp_path / "story-3.md"
