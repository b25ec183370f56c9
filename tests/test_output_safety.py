"""Terminal and markup safety in every CLI format: text, json, markdown, jsonl, export, library listing."""

from __future__ import annotations

import io
import json
import sys

import pytest

from reader.cli import main
from reader.export.md_text import safe_url
from reader.load import load_document
from reader.notes import Note
from reader.store import Store

PARAGRAPH = "The harbour council said on Thursday that the bridge would reopen, “we are ready,” the mayor said."
HOSTILE_PAGE = f"""<!doctype html><html lang="en"><head>
<title>Bridge \x1b]0;owned\x07news &#x1b;[2J&#x202e;reopens</title>
<meta property="og:site_name" content="Gazette\x1b[31m &#x9b;5n">
<meta name="author" content="Jane \u202eDoe">
<link rel="canonical" href="https://news.example/a\x1b[0m?x=1">
</head><body><article>
<p>{PARAGRAPH} \x1b[31mred\x1b[0m &#27;[1mbold &#x202e;evil&#x202c; [bold red]markup[/] [@click=app.quit]x[/]</p>
<p>Links: <a href="javascript:alert(1)">a script link</a>, <a href="mailto:x@example.com">a mail link</a>,
<a href="https://ok.example/(1)">a good link</a> and <a href="data:text/html,x">a data link</a>.</p>
<p>{PARAGRAPH} # not a heading <b>bold</b> `code` | table | ^p1 [[wiki]] ![img](https://x/y.png)</p>
</article></body></html>"""
BAD = ["\x1b", "\x9b", "\x9d", "\x07", "\u202e", "\u202c", "\x00"]


def assert_clean(text: str) -> None:
    for char in BAD:
        assert char not in text, f"{char!r} in output"
    assert not any(0x80 <= ord(c) <= 0x9F for c in text)


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "hostile.html"
    path.write_text(HOSTILE_PAGE, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_extract_formats_are_clean(page, capsys, fmt):
    assert main(["extract", page, "--format", fmt]) == 0
    out, err = capsys.readouterr()
    assert_clean(out)
    assert_clean(err)
    assert "[bold red]markup[/]" in out.replace("\\[", "[").replace("\\]", "]")  # markup is kept as text
    if fmt == "json":
        data = json.loads(out)
        assert data["document"]["title"] == "Bridge news reopens"
        assert all(link["url"].startswith(("http://", "https://")) for link in data["document"]["links"])


def test_jsonl_is_clean(capsys, monkeypatch):
    lines = [json.dumps({"id": 1, "html": HOSTILE_PAGE}), json.dumps({"id": 2, "text": "\x1b]0;x\x07 \u202e" + PARAGRAPH}),
             "not json \x1b[31m", json.dumps({"id": "\x1b[31m", "html": 5})]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["extract", "--jsonl"]) == 0
    out = capsys.readouterr().out
    assert_clean(out)
    results = [json.loads(line) for line in out.splitlines()]
    assert [r.get("id") for r in results] == [1, 2, None, "\x1b[31m"]  # the data stays exact, escaped
    assert "error" in results[2] and "error" in results[3]


def test_export_is_clean_and_links_only_http(page, tmp_path, capsys):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    assert main(["export", page, "-o", str(out_dir)]) == 0
    printed = capsys.readouterr().out.strip()
    assert_clean(printed)
    files = list(out_dir.iterdir())
    assert len(files) == 1 and files[0].parent == out_dir and str(files[0]) == printed
    text = files[0].read_text(encoding="utf-8")
    assert_clean(text)
    assert "](javascript:" not in text and "](mailto:" not in text and "](data:" not in text
    assert "[a good link](https://ok.example/%281%29)" in text or "https://ok.example/" in text
    assert "\n# not a heading" not in text and "<b>" not in text


@pytest.mark.parametrize("title", ["../../../etc/passwd", "/etc/passwd", "..", ".hidden", "a/../../b", "CON", "\x1b[31m"])
def test_exports_cannot_leave_the_directory(tmp_path, title):
    from reader.export.files import export_markdown
    from reader.model import Document

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    document = Document.from_blocks([("paragraph", PARAGRAPH, 0)], title=title)
    path = export_markdown(document, None, [], out_dir)
    assert path.parent == out_dir and path.resolve().parent == out_dir.resolve() and not path.name.startswith(".")
    assert [p.name for p in out_dir.iterdir()] == [path.name]


def test_library_listing_and_notes_are_clean(page, capsys, tmp_path):
    document = load_document(page)
    document.title = "'); DROP TABLE articles; -- \x1b[31m"  # what the store is given is stored literally
    with Store.open() as store:
        opened = store.open_article(document)
        store.add_note(opened.article.id, 0, 10, document.body[:10], "my \x1b]0;x\x07 note \u202e [bold]x[/]")
        assert store.integrity_ok()
        assert store.articles()[0].title == "'); DROP TABLE articles; -- \x1b[31m"
    assert main(["library"]) == 0
    out = capsys.readouterr().out
    assert_clean(out)
    assert "DROP TABLE articles" in out
    out_file = tmp_path / "notes.md"
    document.title = "Bridge"
    from reader.export.markdown import to_markdown

    text = to_markdown(document, None, [Note(1, 1, 0, 10, document.body[:10], "my \x1b]0;x\x07 note \u202e")])
    assert_clean(text)
    out_file.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "url, ok", [("https://a.example/x", True), ("http://a.example", True), ("mailto:x@y.z", False),
                ("javascript:alert(1)", False), ("data:text/html,x", False), ("file:///etc/passwd", False),
                ("JaVaScRiPt:alert(1)", False), (" javascript:alert(1)", False), ("\x1bhttps://a", False)],
)
def test_only_http_links_in_exports(url, ok):
    got = safe_url(url)
    assert (got is not None) == ok
    if got:
        assert got.startswith(("http://", "https://")) and all(c not in got for c in " ()<>\"\x1b")
