"""The Markdown export: golden files, structure checked with markdown-it, escaping of hostile text.

Golden files live in tests/golden/. After an intended change of the layout,
regenerate them with `READER_UPDATE_GOLDEN=1 .venv/bin/python -m pytest
tests/test_export_markdown.py` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from reader.export.markdown import to_markdown
from reader.export.md_text import escape_text, safe_url, yaml_string
from reader.model import Analysis, Document, Entity, Mention, Quote, Source, TimeItem
from reader.notes import Note, sentence_span
from reader.sanitize import clean_block
from reader.store import Store
from tests.conftest import REFERENCE_DATE

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("READER_UPDATE_GOLDEN") == "1"
EXPORTED = "2026-01-10T12:00:00Z"
FRONT_KEYS = ["title", "url", "site", "authors", "published", "exported", "tags"]


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"missing golden file {path}: run with READER_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), f"export differs from {path}"


# -- an invented article, with markup-like and hostile text ------------------

INVENTED = [
    ("heading", "Harbour council delays the ferry vote", 1),
    ("paragraph", "The harbour council of Port Selwick postponed its vote on the night ferry on Tuesday. "
                  "Members asked for a new survey of *all* 3 piers_ and the [old] slipway.", 0),
    ("heading", "What the chair said", 2),
    ("paragraph", "“We will not decide blind,” said the council chair, Ines Okafor. "
                  "“The survey comes first.\u001b[31m”", 0),
    ("paragraph", "1. This line starts like a list; # and #hashtag and ==marks== and %%hidden%% stay text.", 0),
    ("blockquote", "> A quoted notice: fares rise by $2 & then $3 ^ref", 0),
    ("list_item", "Crossings: 40 a week", 0),
    ("list_item", "Crew: 12 <b>people</b>", 0),
    ("paragraph", "Workers said the delay costs them €2,000 a month, according to the Selwick Gazette.", 0),
]


def invented_document() -> Document:
    return Document.from_blocks(
        INVENTED,
        title="Harbour council delays the ferry vote",
        authors=["Lee Park", "Ana \"Ace\" Ruiz"],
        site_name="The Selwick Gazette: harbour desk",
        url="https://gazette.example/harbour/ferry-vote?id=7&x=(1)",
        published="2026-03-03T08:00:00+00:00",
        origin="https://gazette.example/harbour/ferry-vote?id=7&x=(1)",
    )


def _mention(document: Document, phrase: str, kind="name") -> Mention:
    start = document.body.index(phrase)
    return Mention(start, start + len(phrase), phrase, kind)


def invented_analysis(document: Document) -> Analysis:
    body = document.body
    okafor = Entity("e1", "Ines Okafor", "person", ["Okafor"], "council chair",
                    [_mention(document, "Ines Okafor")])
    council = Entity("e2", "Port Selwick harbour council", "organisation", ["the council"], "",
                     [_mention(document, "harbour council"), _mention(document, "council chair", "description")])
    place = Entity("e3", "Port Selwick", "place", [], "", [_mention(document, "Port Selwick")])
    q_text = "We will not decide blind,"
    q_start = body.index(q_text)
    quote = Quote("q1", q_start, q_start + len(q_text), q_text, *_span(body, "the council chair, Ines Okafor"),
                  speaker_mention="the council chair, Ines Okafor", speaker_id="e1", speaker="Ines Okafor",
                  cue="said")
    partial_start = body.index("The survey comes first.")
    partial = Quote("q2", partial_start, partial_start + 23, body[partial_start : partial_start + 23],
                    speaker="Ines Okafor", speaker_id="e1", channel="the Selwick Gazette")
    tuesday = body.index("Tuesday")
    sentence = sentence_span(document, tuesday)
    when = TimeItem("t1", tuesday, tuesday + 7, "Tuesday", "2026-03-03", label="Tue 3 Mar 2026",
                    sentence_start=sentence[0], sentence_end=sentence[1], is_published=True)
    span = TimeItem("t2", 0, 0, "a month", "P1M", type="DURATION", label="1 month")
    sources = [
        Source("s1", "The Selwick Gazette", "outlet", [_mention(document, "Selwick Gazette")], ["q2"]),
        Source("s2", "Ines Okafor", "person", [_mention(document, "Ines Okafor")], ["q1", "q2"], "e1"),
        Source("s3", "Ferry timetable", "link", [], [], None, "https://gazette.example/timetable (2026)"),
        Source("s4", "Evil", "link", [], [], None, "javascript:alert(1)"),
    ]
    return Analysis([okafor, council, place], [quote, partial], [when, span], sources, model="test")


def _span(body: str, phrase: str) -> tuple[int, int]:
    start = body.index(phrase)
    return start, start + len(phrase)


def invented_notes(document: Document) -> list[Note]:
    body = document.body
    s1, e1 = sentence_span(document, body.index("Members asked"))
    s2, e2 = _span(body, "costs them €2,000 a month")
    return [
        Note(1, 1, s1, e1, body[s1:e1], "Which *survey*? Ask [Kyiv](javascript:x) for the [[tender]] #ferry\n"
             "```\nan unclosed fence",
             "2026-03-04T09:00:00+00:00", "2026-03-04T09:00:00+00:00"),
        Note(2, 1, s2, e2, body[s2:e2], "", "2026-03-04T09:05:00+00:00", "2026-03-04T09:05:00+00:00"),
        Note(3, 1, 0, 4, "a sentence the site later removed", "old note", "2026-03-04T09:06:00+00:00",
             "2026-03-04T09:06:00+00:00", anchored=False),
    ]


def test_invented_article_matches_golden():
    document = invented_document()
    text = to_markdown(document, invented_analysis(document), invented_notes(document), exported=EXPORTED)
    check_golden("invented-article.md", text)


def test_export_structure_parses_cleanly():
    document = invented_document()
    text = to_markdown(document, invented_analysis(document), invented_notes(document), exported=EXPORTED)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
    tokens = parser().parse(text)

    front = tokens[0]
    assert front.type == "front_matter"
    fields = dict(line.split(": ", 1) for line in front.content.splitlines())
    assert list(fields) == FRONT_KEYS
    values = {key: json.loads(value) for key, value in fields.items()}  # double-quoted YAML == JSON here
    assert values["title"] == document.title
    assert values["authors"] == ["Lee Park", 'Ana "Ace" Ruiz']
    assert values["exported"] == EXPORTED and values["tags"] == ["reader"]

    headings = [(tok.tag, tokens[i + 1].content) for i, tok in enumerate(tokens) if tok.type == "heading_open"]
    assert [h for h in headings if h[0] in ("h1", "h2")] == [
        ("h1", "Harbour council delays the ferry vote"),
        ("h2", "Notes and highlights"),
        ("h2", "Article"),
        ("h2", "Quotes"),
        ("h2", "People"),
        ("h2", "Organisations"),
        ("h2", "Places"),
        ("h2", "Timeline"),
        ("h2", "Sources"),
    ]
    # The article's own headings sit under "Article"; the one repeating the title is not printed twice.
    assert ("h3", "What the chair said") in headings
    assert sum(1 for h in headings if h[1] == document.title) == 1

    inline = [t for t in tokens if t.type == "inline"]
    children = [c for t in inline for c in t.children or []]
    assert not [t for t in tokens if t.type == "html_block"]
    html = [c.content for c in children if c.type == "html_inline"]
    assert html and all(re.fullmatch(r'<a id="p\d+">|</a>', h) for h in html)
    links = [c.attrGet("href") for c in children if c.type == "link_open"]
    assert all(href.startswith(("https://", "#p")) for href in links)
    assert not any("javascript" in str(href) for href in links)
    # Every note and quote link has a hidden HTML anchor (GitHub) in the paragraph it names; no ^p ids.
    internal = [href for href in links if href.startswith("#")]
    assert len(internal) >= 2 + len(invented_analysis(document).quotes) - 1
    for href in internal:
        number = href[len("#p"):]
        assert f'<a id="p{number}">' in html
        paragraph = next(t for t in inline if t.content.startswith(f'<a id="p{number}"></a>'))
        assert not paragraph.content.endswith(f" ^p{number}")
    assert "^p" not in text.replace("\\^p", "")


def test_obsidian_target_uses_block_ids_and_no_html():
    document = invented_document()
    text = to_markdown(document, invented_analysis(document), invented_notes(document), exported=EXPORTED,
                       target="obsidian")
    assert "<a id=" not in text
    links = re.findall(r"\]\(#\^p(\d+)\)", text)
    assert links
    for number in set(links):
        assert re.search(rf" \^p{number}$", text, re.M), number


def _plain(inline_token) -> str:
    out = []
    for child in inline_token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


def test_article_text_renders_as_the_same_words():
    document = invented_document()
    text = to_markdown(document, exported=EXPORTED)
    tokens = parser().parse(text)
    rendered = {_plain(t) for t in tokens if t.type == "inline"}
    for block in document.blocks[1:]:
        expected = " ".join(clean_block(document.block_text(block)).split())
        assert expected in rendered, expected
    kinds = {c.type for t in tokens if t.type == "inline" for c in t.children or []}
    assert kinds <= {"text", "softbreak", "hardbreak", "link_open", "link_close"}
    assert "bullet_list_open" in {t.type for t in tokens}  # the two list items make one list
    assert "blockquote_open" in {t.type for t in tokens}


def test_user_note_stays_inside_its_callout():
    document = invented_document()
    text = to_markdown(document, None, invented_notes(document), exported=EXPORTED)
    tokens = parser().parse(text)
    # The unclosed fence in the note ends with its block quote: the article still renders.
    assert any(t.type == "heading_open" and tokens[i + 1].content == "Article" for i, t in enumerate(tokens))
    assert not [t for t in tokens if t.type == "fence"]  # the user's fence is text, as typed
    note = next(t for t in tokens if t.type == "inline" and "[!NOTE]" in t.content and "survey" in t.content)
    assert _plain(note).startswith("[!NOTE]\nWhich *survey*? Ask [Kyiv](javascript:x) for the [[tender]] #ferry")
    kinds = {c.type for c in note.children or []}
    assert "em_open" not in kinds and "link_open" not in kinds  # no italics, no link from a note


def test_without_analysis_or_notes_only_the_article():
    document = invented_document()
    text = to_markdown(document, exported=EXPORTED)
    assert "## Notes and highlights" not in text and "## Quotes" not in text and "<a id" not in text
    assert text.startswith("---\ntitle: ") and text.endswith("\n")


def test_entities_unavailable_are_reported_not_empty():
    document = invented_document()
    analysis = Analysis(entities_available=False)
    text = to_markdown(document, analysis, exported=EXPORTED)
    assert "Not available: no English language model was loaded." in text


def test_yaml_values_are_quoted_and_clean():
    assert yaml_string('a: "b" #c\n- d\x1b[2J') == '"a: \\"b\\" #c - d"'
    assert yaml_string(None) == '""'
    assert yaml_string("\u2028x\u202e") == '"x"'


def test_safe_url_refuses_other_schemes_and_encodes_breakers():
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,x") is None
    assert safe_url("https://a.example/x y)(<z>") == "https://a.example/x%20y%29%28%3Cz%3E"


# -- escaping as a property -----------------------------------------------------

MARKUP = st.sampled_from(list("\\`*_[]<>#|~$^=%&!-+.:()\"'{}1 \n\t") + ["1. ", "- ", "&amp;", "&#35;", "    ", "==", "%%", "[[", "](", "***", "---", "```"])
TEXT = st.lists(st.one_of(MARKUP, st.text(min_size=1, max_size=3)), max_size=30).map("".join)


def _expected(text: str) -> str:
    text = re.sub("[\ud800-\udfff\ufeff\ufffe\uffff]", "", clean_block(text))
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in re.sub(r"\n\s*\n+", "\n", text).split("\n"))
    return "\n".join(line for line in lines if line)


def _unescaped(source: str, token: str) -> bool:
    for match in re.finditer(re.escape(token), source):
        backslashes = len(source[: match.start()]) - len(source[: match.start()].rstrip("\\"))
        if backslashes % 2 == 0:
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_escaped_text_renders_literally(text):
    source = escape_text(text)
    tokens = parser().parse(source)
    expected = _expected(text)
    if not expected:
        assert source == ""
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], source
    children = tokens[1].children or []
    assert {c.type for c in children} <= {"text", "softbreak", "hardbreak"}, source
    assert _plain(tokens[1]) == expected
    for token in ("==", "%%", "[[", "$", "#", "^", "~", "*", "`", "<"):
        assert not _unescaped(source, token), (token, source)


# -- the reference article, from the real cleaner and pipeline -------------------------


def _pipeline_ready() -> str | None:
    try:
        import reader.analysis.entities  # noqa: F401
        import reader.analysis.quotes  # noqa: F401
        import reader.analysis.timeline  # noqa: F401
        import reader.load  # noqa: F401
    except ImportError as exc:
        return f"the cleaner/pipeline has not landed yet ({exc.name})"
    return None


def test_reference_article_with_two_notes_matches_golden(request, tmp_path):
    reason = _pipeline_ready()
    if reason:
        pytest.skip(reason)
    document = request.getfixturevalue("reference_document")
    analysis = request.getfixturevalue("reference_analysis")
    assert document.published and document.published.startswith(REFERENCE_DATE)
    body = document.body
    stamps = iter(f"2026-01-10T09:0{i}:00+00:00" for i in range(9))
    with Store(tmp_path / "notes.sqlite3", clock=lambda: next(stamps)) as store:
        article = store.open_article(document).article
        s1, e1 = sentence_span(document, body.index("would amount to foreign intervention"))
        s2, e2 = _span(body, "90% done")
        store.add_note(article.id, s1, e1, body[s1:e1], "The *intervention* framing: compare it with the Paris declaration.")
        store.add_note(article.id, s2, e2, body[s2:e2])
        notes = store.open_article(document).notes
    assert len(notes) == 2 and all(n.anchored for n in notes)
    text = to_markdown(document, analysis, notes, exported=EXPORTED)
    parser().parse(text)
    check_golden("russia-rejects-peace-plan.md", text)


def test_quote_ends_and_ellipses_are_clean():
    body = "The chair said the vote was “a difficult moment.” Later: “We will keep the ferry,” she added."
    document = Document.from_blocks([("paragraph", body, 0)], title="Ferry")
    text_start = body.index("a difficult")
    whole = body.index("We will")
    quotes = [
        Quote("q1", text_start, text_start + len("a difficult moment."), "a difficult moment.", partial=True,
              speaker="the chair"),
        Quote("q2", whole, whole + len("We will keep the ferry,"), "We will keep the ferry,", speaker="Ana Ruiz"),
    ]
    notes = [Note(1, 1, whole, whole + len("We will keep the ferry,"), "We will keep the ferry,", "",
                  "2026-03-04T09:00:00+00:00", "2026-03-04T09:00:00+00:00")]
    text = to_markdown(document, Analysis(quotes=quotes), notes, exported=EXPORTED)
    assert "> … a difficult moment …" in text and "moment. …" not in text
    assert "> We will keep the ferry\n" in text and "ferry,\n" not in text
    assert "— Ana Ruiz · [¶ 1](#p1)" in text
