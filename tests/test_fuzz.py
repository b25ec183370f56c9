"""Fuzzing the core with hypothesis: generated hostile pages and pastes through load -> clean -> analyse -> export.

Invariants, for every input:
- nothing raises but `ReaderError` (one clear line);
- every block, link, mention, quote, timeline item and source offset is valid,
  and `body[start:end] == text` wherever a text is given;
- the Markdown export parses back with markdown-it; the JSON output loads back;
- no output string holds a C0/C1 control (other than newline and tab) or a
  bidirectional override.

Bounded for CI (each test has a small `max_examples`, the file runs in well
under a minute). Run thousands locally with `READER_FUZZ_EXAMPLES=5000`
(every test then uses that many; the spaCy test a tenth of it).
"""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reader.analysis.pipeline import analyse
from reader.errors import ReaderError
from reader.export.files import export_path, safe_filename
from reader.export.json import dumps, result_dict
from reader.export.markdown import to_markdown
from reader.library import format_library
from reader.load import load_document
from reader.model import Analysis, Document
from reader.notes import Note
from reader.store import Article

FUZZ_EXAMPLES = int(os.environ.get("READER_FUZZ_EXAMPLES", "0") or 0)


def budget(default: int, *, share: float = 1.0) -> settings:
    """`default` examples in CI; `READER_FUZZ_EXAMPLES` (times `share`) when set."""
    count = max(1, int(FUZZ_EXAMPLES * share)) if FUZZ_EXAMPLES else default
    return settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# -- strategies --------------------------------------------------------------------------------------

HOSTILE = [
    "\x1b[31m", "\x1b[0m", "\x1b]0;owned\x07", "\x1b]8;;https://evil.example\x1b\\", "\x1b]8;;\x1b\\", "\x1bP1$r\x1b\\",
    "\x9b2J", "\x9d0;t\x9c", "\x85", "\x00", "\x07", "\x08", "\x0b", "\x0c", "\r", "\r\n", "\t", "\x7f", "\u202e",
    "\u202d", "\u2066", "\u2069", "\u200f", "\u061c", "\u2028", "\u2029", "\ufeff", "\ufffe", "\u00ad", "\u200b",
    "[bold red]", "[/]", "[@click=app.quit]", "[link=https://evil.example]x[/link]", "[/bold red]", "\\[", "[b]",
    "# ", "## ", "> ", "- ", "1. ", "```", "~~~", "***", "---", "===", "| a | b |", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "&#x1b;", "&#27;", "&#x202e;", "&#x9b;", "&#0;", "&#xd800;", "&#x110000;",
    "&amp;", "&lt;", "&nbsp;", "&", "<", ">", "\\", "`", "*", "_", "^p1", "%%", "==", "$$", "[[wiki]]", "![x](y)",
    "[a](javascript:alert(1))", "<!--", "-->", "<![CDATA[", "]]>", "{{", "}}",
]
NEWSY = [
    "Maria Lopez", "the mayor", "she said", "he added", "said on Thursday", "according to Reuters", "AP", "(AFP)",
    "“We will not move,”", "“The bridge", "is closed.”", '"Enough," said Tom Hale.', "on Thursday", "last week",
    "in March 2024", "two days earlier", "nearly three years", "the Harbour Council", "Oslo", "Norwegian",
    "Sources: AP, Daily Lantern.", "Also read", "Advertisement", "Share this article", "Photo: Jane Roe/AP",
    "By Jane Doe", "Published 9 January 2026", "Subscribe to continue reading", "“", "”", "‘", "’", "«", "»",
    '"', "'", ",", ".", ":", "!", "?", "…", "—", "2014", "$2,014", "10:30 a.m.", "é", "ß", "中文", "日本語",
    "العربية", "עברית", "Ελληνικά", "русский", "🙂", "👩‍👩‍👧", "e\u0301", "\u0308\u0308\u0308", "ﷺ", "𝕏",
]
FRAGMENT = st.sampled_from(HOSTILE) | st.sampled_from(NEWSY) | st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=16
)
hostile_text = st.lists(FRAGMENT, max_size=24).map(" ".join)
"""Random text of any script with escape sequences, controls, bidi overrides and markup-like strings."""

SENTENCE_WORDS = "the council said it would open the new bridge next year after long delays and costs".split()
sentence = st.lists(st.sampled_from(SENTENCE_WORDS) | FRAGMENT, min_size=4, max_size=30).map(
    lambda words: " ".join(words).capitalize() + "."
)
junk_line = st.sampled_from(
    ["Advertisement", "Also read", "Share", "Tweet", "Photo: AP", "By Jane Doe", "9 January 2026", "Home > News",
     "Subscribe", "Sign up for our newsletter", "1 comment", "Sources: Reuters.", "- a list item", "12:40", ""]
)
pasted_text = st.lists(st.one_of(sentence, junk_line, hostile_text), max_size=30).map(
    lambda lines: "\n".join(lines)
) | st.lists(st.one_of(sentence, hostile_text), max_size=12).map("\n\n".join)
"""Text pasted from a browser: prose, widget lines, blank lines and hostile lines."""

TAGS = ["p", "div", "span", "b", "i", "a", "h1", "h2", "h3", "li", "ul", "ol", "blockquote", "pre", "table", "tr",
        "td", "article", "section", "main", "header", "footer", "nav", "aside", "figure", "figcaption", "script",
        "style", "noscript", "iframe", "form", "frameset", "frame", "title", "time", "br", "img", "svg", "template"]
CLASSES = ["", "article-body", "paywall", "share", "credit", "caption", "key-points", "byline", "related", "content"]
HREFS = ["https://example.com/a", "http://example.org/b?x=(1)", "javascript:alert(1)", "data:text/html,x",
         "file:///etc/passwd", "/relative", "https://evil.example/\x1b[31m", "https://ex.com/\u202e", ""]


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;")


@st.composite
def _element(draw, children: st.SearchStrategy[str]) -> str:
    tag = draw(st.sampled_from(TAGS))
    attrs = ""
    cls = draw(st.sampled_from(CLASSES))
    if cls:
        attrs += f' class="{cls}"'
    if tag == "a":
        attrs += f' href="{_attr(draw(st.sampled_from(HREFS) | hostile_text))}"'
    if tag == "time":
        attrs += f' datetime="{_attr(draw(st.sampled_from(["2026-01-09", "bogus", "9999-99-99T99:99"])))}"'
    if draw(st.booleans()) and tag in ("div", "p", "span"):
        attrs += f' title="{_attr(draw(hostile_text))}"'
    inner = "".join(draw(st.lists(children, max_size=5)))
    if tag in ("br", "img", "frame"):
        return f"<{tag}{attrs}>"
    closed = draw(st.integers(0, 9)) > 0  # now and then an element is never closed
    return f"<{tag}{attrs}>{inner}" + (f"</{tag}>" if closed else "")


html_body = st.recursive(st.one_of(hostile_text, sentence), lambda children: _element(children), max_leaves=40)


@st.composite
def html_page(draw) -> str:
    """A random HTML page: head metadata (hostile), a random tree, sometimes truncated."""
    title = draw(hostile_text)
    meta = draw(st.lists(st.sampled_from([
        '<meta property="og:title" content="{}">', '<meta name="author" content="{}">',
        '<meta property="og:site_name" content="{}">', '<meta name="description" content="{}">',
        '<link rel="canonical" href="{}">', '<meta property="article:published_time" content="{}">',
        '<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{}","datePublished":"x"}}</script>',
    ]), max_size=5))
    head = "".join(m.format(_attr(draw(hostile_text))) for m in meta)
    lang = draw(st.sampled_from(["en", "de", "", "x\x1b", "zh-Hans", "und"]))
    charset = draw(st.sampled_from(["", '<meta charset="utf-8">', '<meta charset="windows-1252">', '<meta charset="bogus">']))
    body = "".join(draw(st.lists(html_body, min_size=1, max_size=6)))
    page = f'<!doctype html><html lang="{lang}"><head>{charset}<title>{title}</title>{head}</head><body>{body}</body></html>'
    if draw(st.integers(0, 5)) == 0:
        page = page[: draw(st.integers(0, len(page)))]
    return page


def encode(text: str, how: str) -> bytes:
    if how == "utf-16":
        return text.encode("utf-16")
    if how == "cp1252":
        return text.encode("cp1252", errors="replace")
    data = text.encode("utf-8", errors="replace")
    return gzip.compress(data) if how == "gzip" else data


ENCODINGS = st.sampled_from(["utf-8", "utf-8", "utf-16", "cp1252", "gzip"])


# -- invariants --------------------------------------------------------------------------------------

BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def assert_safe(text: str, where: str, *, newlines: bool = True) -> None:
    for char in text:
        code = ord(char)
        if char == "\n" and newlines or char == "\t":
            continue
        assert not (code < 0x20 or 0x7F <= code <= 0x9F or char in BIDI), f"{where}: {char!r} in {text[:200]!r}"
        assert not (0xD800 <= code <= 0xDFFF), f"{where}: lone surrogate in {text[:200]!r}"


def check_document(document: Document) -> None:
    body = document.body
    assert_safe(body, "body")
    last = 0
    for block in document.blocks:
        assert last <= block.start < block.end <= len(body), block
        assert body[block.start : block.end].strip() == body[block.start : block.end]
        last = block.end
    for link in document.links:
        assert 0 <= link.start <= link.end <= len(body) and body[link.start : link.end] == link.text
        assert link.url.startswith(("http://", "https://"))
        assert_safe(link.url, "link url", newlines=False)
    for name in ("title", "byline", "site_name", "description", "origin", "language"):
        assert_safe(getattr(document, name), name, newlines=False)
    for values in (document.authors, document.image_credits, document.listed_sources):
        for value in values:
            assert_safe(value, "metadata list", newlines=False)
    if document.url:
        assert_safe(document.url, "url", newlines=False)


def check_analysis(document: Document, analysis: Analysis) -> None:
    body = document.body
    for entity in analysis.entities:
        assert entity.mentions
        for text in (entity.name, entity.role, *entity.aliases):
            assert_safe(text, "entity", newlines=False)
        for m in entity.mentions:
            assert 0 <= m.start < m.end <= len(body) and body[m.start : m.end] == m.text
    for quote in analysis.quotes:
        assert 0 <= quote.start < quote.end <= len(body) and body[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None:
            assert quote.speaker_end is not None and 0 <= quote.speaker_start < quote.speaker_end <= len(body)
        if quote.speaker_id is not None:
            assert analysis.entity(quote.speaker_id) is not None
        for text in (quote.speaker, quote.speaker_mention, quote.cue, quote.channel):
            assert_safe(text, "quote", newlines=False)
    for item in analysis.timeline:
        assert 0 <= item.start < item.end <= len(body) and body[item.start : item.end] == item.text
        assert 0 <= item.sentence_start <= item.sentence_end <= len(body)
        for text in (item.value, item.label):
            assert_safe(text, "timeline", newlines=False)
    for source in analysis.sources:
        assert_safe(source.name, "source", newlines=False)
        assert_safe(source.url, "source url", newlines=False)
        for m in source.mentions:
            assert 0 <= m.start < m.end <= len(body) and body[m.start : m.end] == m.text
    for error in analysis.errors:
        assert_safe(error, "error", newlines=False)


MARKDOWN = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def check_outputs(document: Document, analysis: Analysis, notes: list[Note]) -> None:
    markdown = to_markdown(document, analysis, notes, exported="2026-01-09T10:00:00Z")
    assert_safe(markdown, "markdown")
    MARKDOWN.parse(markdown)
    # The user's own notes are their Markdown; the article's text is never markup.
    html = MARKDOWN.render(to_markdown(document, analysis, [], exported="2026-01-09T10:00:00Z"))
    assert "<script" not in html.lower() and 'href="javascript:' not in html.lower()
    dumped = dumps(result_dict(document, analysis), indent=2)
    assert_safe(dumped, "json")
    assert json.loads(dumped)["document"]["body"] == document.body


def run_pipeline(data: bytes, notes_from=None) -> None:
    try:
        document = load_document("-", stdin=io.BytesIO(data), published="2026-01-09")
    except ReaderError as exc:
        assert_safe(str(exc), "error line", newlines=False)
        assert "\n" not in str(exc)
        return
    check_document(document)
    analysis = analyse(document, None)
    check_analysis(document, analysis)
    notes = notes_from(document) if notes_from else []
    check_outputs(document, analysis, notes)


@st.composite
def notes_for(draw, document: Document) -> list[Note]:
    notes = []
    for i in range(draw(st.integers(0, 3))):
        a = draw(st.integers(0, len(document.body)))
        b = draw(st.integers(0, len(document.body)))
        start, end = min(a, b), max(a, b)
        notes.append(Note(i + 1, 1, start, end, document.body[start:end], draw(hostile_text),
                          "2026-01-09T10:00:00+00:00", "2026-01-09T10:00:00+00:00", draw(st.booleans())))
    return notes


# -- the tests ---------------------------------------------------------------------------------------


@budget(250)
@given(page=html_page(), how=ENCODINGS, data=st.data())
def test_random_html_pages(page, how, data):
    run_pipeline(encode(page, how), lambda doc: data.draw(notes_for(doc)))


@budget(250)
@given(text=pasted_text, how=ENCODINGS, data=st.data())
def test_random_pasted_text(text, how, data):
    run_pipeline(encode(text, how), lambda doc: data.draw(notes_for(doc)))


@budget(60)
@given(data=st.binary(max_size=600))
def test_random_bytes(data):
    run_pipeline(data)



@budget(12, share=0.1)
@given(text=pasted_text)
def test_with_the_real_model(nlp, text):
    try:
        document = load_document("-", stdin=io.BytesIO(text.encode("utf-8", errors="replace")))
    except ReaderError:
        return
    analysis = analyse(document, nlp)
    check_analysis(document, analysis)
    check_outputs(document, analysis, [])


@budget(100)
@given(title=hostile_text)
def test_exports_stay_in_the_chosen_directory(tmp_path_factory, title):
    directory = tmp_path_factory.getbasetemp() / "exports"
    directory.mkdir(exist_ok=True)
    name = safe_filename(title)
    assert "/" not in name and "\\" not in name and name not in (".md", "..md") and not name.startswith(".")
    assert_safe(name, "file name", newlines=False)
    target = export_path(Document(title=title), directory)
    assert target.parent == directory and Path(os.path.normpath(target)).parent == directory


@budget(60)
@given(rows=st.lists(st.tuples(hostile_text, hostile_text, hostile_text, hostile_text), min_size=1, max_size=4))
def test_library_listing_is_safe(rows):
    articles = [
        Article(i, url or None, "fp", title, site, published or None, origin, "2026-01-09T10:00:00+00:00",
                "2026-01-09T10:00:00+00:00", 0)
        for i, (title, site, url, published) in enumerate(rows, 1)
        for origin in ["-"]
    ]
    assert_safe(format_library(articles, width=80), "library")


@budget(100)
@given(text=pasted_text | hostile_text, clean=st.booleans(), key=st.sampled_from(["text", "html", "other"]))
def test_jsonl_records(text, clean, key):
    from reader.commands.extract import process_record

    line = json.dumps({"id": text[:8], key: text, "url": text[:20], "date": text[:10]})
    result = process_record(line, clean)
    dumped = dumps(result)
    assert_safe(dumped, "jsonl", newlines=False)
    assert json.loads(dumped)["id"] == text[:8]
    if "error" in result:
        assert_safe(result["error"], "jsonl error", newlines=False)
    else:
        body = result["document"]["body"]
        for quote in result["quotes"]:
            assert body[quote["start"] : quote["end"]] == quote["text"]
        for item in result["timeline"]:
            if item["start"] >= 0:
                assert body[item["start"] : item["end"]] == item["text"]


@budget(40)
@given(title=hostile_text, body=hostile_text, note=hostile_text)
def test_store_keeps_hostile_text_exactly(tmp_path_factory, title, body, note):
    """SQL is parameterised: quotes, `--`, `;`, NULs and controls are stored and read back as given."""
    from reader.store import Store

    document = Document.from_blocks([("paragraph", body + " '); DROP TABLE notes; --", 0)], title=title + "\"'%_")
    with Store(tmp_path_factory.mktemp("store") / "notes.db") as store:
        opened = store.open_article(document)
        added = store.add_note(opened.article.id, 0, 5, document.body[:5], note)
        assert store.note(added.id).note == note
        assert store.articles()[0].title == document.title
        assert store.load_document(opened.article.id).body == document.body
        assert store.integrity_ok()
