"""Quotes and their speakers: marks, clauses, names vs quotes, resolution, no-model mode.

Invented sentences, plus the reference article. Each behaviour is checked
with the spaCy model and without one (rule-based only).
"""

from __future__ import annotations

import re

import pytest

from reader.analysis.nlp import load_nlp, parse_blocks
from reader.analysis.quotes.marks import find_quote_spans
from reader.analysis.quotes import extract_quotes, resolved_speaker_mentions
from reader.model import Document, Entity, Mention, Quote

from pathlib import Path

REFERENCE = Path(__file__).resolve().parent.parent / "sample_articles" / "russia-rejects-peace-plan.txt"


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


MODES = ["model", "no-model"]


def _entities(document: Document, parsed) -> list[Entity]:
    """The entity layer when it exists, else a stand-in: PERSON spans grouped by last word."""
    try:
        from reader.analysis.entities import group_entities
    except ImportError:
        group_entities = None
    if group_entities is not None and any(p.doc is not None for p in parsed):
        return group_entities(document, parsed)
    groups: dict[str, Entity] = {}
    for block in parsed:
        for start, end, label in block.ents:
            if label != "PERSON":
                continue
            text = document.body[start:end]
            key = re.sub(r"['’]s$", "", text).split()[-1].lower()
            ent = groups.setdefault(key, Entity(id=f"e{len(groups) + 1}", name=text, kind="person"))
            if len(text) > len(ent.name):
                ent.name = text
            ent.mentions.append(Mention(start, end, text))
    return list(groups.values())


def _document(text: str) -> Document:
    return Document.from_blocks([("paragraph", part, 0) for part in text.split("\n\n")])


def _quotes(text: str, mode: str, nlp) -> tuple[Document, list[Quote]]:
    if mode == "model" and nlp is None:
        pytest.skip("no spaCy model installed")
    document = _document(text)
    parsed = list(parse_blocks(document, nlp if mode == "model" else None))
    quotes = extract_quotes(document, parsed, _entities(document, parsed))
    _check_offsets(document, quotes)
    return document, quotes


def _check_offsets(document: Document, quotes: list[Quote]) -> None:
    assert [q.id for q in quotes] == [f"q{i}" for i in range(1, len(quotes) + 1)]
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    for q in quotes:
        assert document.body[q.start : q.end] == q.text
        if q.speaker_start is not None:
            assert document.body[q.speaker_start : q.speaker_end] == q.speaker_mention


def _find(quotes: list[Quote], words: str) -> Quote:
    found = [q for q in quotes if words in q.text]
    assert len(found) == 1, f"{words!r} in {[q.text for q in quotes]}"
    return found[0]


def _texts(quotes: list[Quote]) -> list[str]:
    return [q.text.strip(" ,.") for q in quotes]


# --------------------------------------------------------------- marks ---

def test_marks_straight_curly_and_doubled_apostrophes():
    text = "\"One two three,\" he said. “Four five six,” she said. ''Seven eight nine,'' they said."
    document = _document(text)
    spans = find_quote_spans(document.body, document.blocks)
    assert [document.body[s.start : s.end] for s in spans] == [
        "One two three,", "Four five six,", "Seven eight nine,"]


def test_apostrophes_are_not_quote_marks():
    text = "The players’ union can’t say it won’t strike; it's the owners' call."
    document = _document(text)
    assert find_quote_spans(document.body, document.blocks) == []


def test_multi_paragraph_span():
    text = ("“The first part of the speech goes on.\n\n“The second part goes on too.\n\n"
            "“And this is the end,” the minister said.")
    document = _document(text)
    spans = find_quote_spans(document.body, document.blocks)
    assert len(spans) == 1
    span = spans[0]
    assert (span.first_block, span.last_block) == (0, 2)
    assert document.body[span.start : span.end].startswith("The first part")
    assert document.body[span.start : span.end].endswith("this is the end,")


# ------------------------------------------------------------- clauses ---

@pytest.mark.parametrize("mode", MODES)
def test_speaker_before_and_after_in_either_order(mode, nlp):
    text = ("“We will win this vote,” Jane Porter said. 'Not a chance,' said Tom Hale, the union leader.\n\n"
            "Porter told reporters: “The depot will open next year.”")
    _, quotes = _quotes(text, mode, nlp)
    assert _texts(quotes) == ["We will win this vote", "Not a chance", "The depot will open next year"]
    assert [q.speaker_mention for q in quotes] == ["Jane Porter", "Tom Hale", "Porter"]
    assert [q.speaker for q in quotes] == ["Jane Porter", "Tom Hale", "Jane Porter"]
    assert [q.cue for q in quotes] == ["said", "said", "told"]
    assert not any(q.partial for q in quotes)


@pytest.mark.parametrize("mode", MODES)
def test_split_quote_gives_two_spans_with_one_speaker(mode, nlp):
    text = "Tom Hale spoke first. “The plan is dead,” he said, “and nobody will revive it.” “Nobody,” he added."
    _, quotes = _quotes(text, mode, nlp)
    first, second = _find(quotes, "plan is dead"), _find(quotes, "nobody will revive")
    assert first.speaker == second.speaker == "Tom Hale"
    assert first.speaker_start == second.speaker_start
    assert not second.partial


@pytest.mark.parametrize("mode", MODES)
def test_split_quote_across_sentences(mode, nlp):
    text = "“The plan is dead,” said Anna Berg. “Nobody will revive it in this decade.”"
    _, quotes = _quotes(text, mode, nlp)
    assert [q.speaker for q in quotes] == ["Anna Berg", "Anna Berg"]


@pytest.mark.parametrize("mode", MODES)
def test_multi_paragraph_quote_is_one_quote(mode, nlp):
    text = ("The minister, Paul Grant, spoke for an hour.\n\n“The first part of the speech goes on.\n\n"
            "“The second part goes on too.\n\n“And this is the end,” Grant said.")
    document, quotes = _quotes(text, mode, nlp)
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.text.startswith("The first part") and quote.text.endswith("the end,")
    assert document.block_index_at(quote.start) == 1 and document.block_index_at(quote.end) == 3
    assert quote.speaker == "Paul Grant"


@pytest.mark.parametrize("mode", MODES)
def test_colon_quote_in_the_next_paragraph(mode, nlp):
    text = "Jane Porter, the mayor, told the council:\n\n“We will build a new depot next year.”"
    _, quotes = _quotes(text, mode, nlp)
    assert len(quotes) == 1
    assert quotes[0].speaker == "Jane Porter"
    assert quotes[0].cue == "told"


@pytest.mark.parametrize("mode", MODES)
def test_continuing_quote_paragraph_keeps_its_speaker(mode, nlp):
    text = ("“We are ready for the storm,” said Anna Berg, the harbour master.\n\n"
            "“Every boat has been pulled ashore and the crews are at home.”")
    _, quotes = _quotes(text, mode, nlp)
    assert [q.speaker for q in quotes] == ["Anna Berg", "Anna Berg"]


@pytest.mark.parametrize("mode", MODES)
def test_partial_quote_tied_to_a_speech_verb(mode, nlp):
    text = "Jane Porter said the city “firmly rejects” the plan. Tom Hale called it “a grave mistake.”"
    _, quotes = _quotes(text, mode, nlp)
    rejects, mistake = _find(quotes, "firmly rejects"), _find(quotes, "grave mistake")
    assert rejects.partial and rejects.speaker == "Jane Porter" and rejects.cue == "said"
    assert mistake.partial and mistake.speaker == "Tom Hale" and mistake.cue == "called"


@pytest.mark.parametrize("mode", MODES)
def test_quoted_as_saying_and_in_a_statement(mode, nlp):
    text = ("Anna Berg was quoted as saying that the union “will not back down.”\n\n"
            "“The strike is over,” Tom Hale said in a statement.")
    _, quotes = _quotes(text, mode, nlp)
    assert _find(quotes, "back down").speaker == "Anna Berg"
    assert _find(quotes, "strike is over").speaker == "Tom Hale"


# ------------------------------------------------- names and scare quotes ---

@pytest.mark.parametrize("mode", MODES)
def test_names_titles_and_scare_quotes_are_not_quotes(mode, nlp):
    text = ("The so-called “Friends of the Lake” met on Sunday. The group, known as the “Blue Ribbon Panel,” "
            "read “The Old Man and the Sea” aloud. The “charm offensive” went on.\n\n"
            "“This lake belongs to everyone,” Anna Berg said.")
    _, quotes = _quotes(text, mode, nlp)
    assert _texts(quotes) == ["This lake belongs to everyone"]


# ------------------------------------------------------------ speakers ---

@pytest.mark.parametrize("mode", MODES)
def test_pronouns_resolve_to_the_compatible_person(mode, nlp):
    text = ("Anna Berg and Tom Hale met the press on Monday. “The trains were stopped for hours,” she said. "
            "“It was a disaster,” he added.\n\nMr. Hale later left. “I am tired,” he said.")
    _, quotes = _quotes(text, mode, nlp)
    assert _find(quotes, "trains").speaker_mention == "she"
    assert _find(quotes, "trains").speaker == "Anna Berg"
    assert _find(quotes, "disaster").speaker == "Tom Hale"
    assert _find(quotes, "tired").speaker == "Tom Hale"


def test_resolved_pronouns_are_offered_as_entity_mentions(nlp):
    document, quotes = _quotes("Anna Berg arrived late. “The trains were stopped,” she said.", "model", nlp)
    (entity_id, mention), = resolved_speaker_mentions(quotes)
    assert entity_id == quotes[0].speaker_id and mention.kind == "pronoun"
    assert document.body[mention.start : mention.end] == mention.text == "she"


@pytest.mark.parametrize("mode", MODES)
def test_pronoun_skips_names_inside_quotes(mode, nlp):
    text = ("Laura Diaz spoke after the vote. “I never trusted Peter Walsh,” she said. "
            "“We will see,” she added.")
    _, quotes = _quotes(text, mode, nlp)
    assert [q.speaker for q in quotes] == ["Laura Diaz", "Laura Diaz"]


@pytest.mark.parametrize("mode", MODES)
def test_people_sharing_a_surname_stay_apart(mode, nlp):
    text = ("Paul Grant and Mary Grant run the bakery together.\n\n“We open at six,” said Mary Grant. "
            "“And we close at noon,” Paul Grant added.\n\nMary Grant smiled. “Not on Sundays,” she said.")
    _, quotes = _quotes(text, mode, nlp)
    assert [q.speaker for q in quotes] == ["Mary Grant", "Paul Grant", "Mary Grant"]
    if mode == "model":
        assert len({q.speaker_id for q in quotes}) == 2


@pytest.mark.parametrize("mode", MODES)
def test_role_descriptions(mode, nlp):
    text = ("City spokeswoman Lena Ortiz announced the closure on Friday.\n\n"
            "“We regret the delay,” the spokeswoman said.\n\n“Nothing is decided,” a senior official said.")
    _, quotes = _quotes(text, mode, nlp)
    bound, loose = _find(quotes, "regret"), _find(quotes, "Nothing")
    assert bound.speaker_mention == "the spokeswoman" and bound.speaker == "Lena Ortiz"
    assert loose.speaker_mention == "a senior official" and loose.speaker == "a senior official"
    assert loose.speaker_id is None


@pytest.mark.parametrize("mode", MODES)
def test_according_to_an_agency_is_the_channel(mode, nlp):
    text = ("Tom Hale told reporters the proposal was “a recipe for chaos,” according to Reuters.\n\n"
            "“The talks have failed,” according to Anna Berg.")
    _, quotes = _quotes(text, mode, nlp)
    chaos, talks = _find(quotes, "chaos"), _find(quotes, "talks")
    assert chaos.speaker == "Tom Hale" and chaos.channel == "Reuters"
    assert talks.speaker == "Anna Berg" and talks.channel == ""


@pytest.mark.parametrize("mode", MODES)
def test_signed_quote_and_transcript(mode, nlp):
    text = "“This town deserves better.” ― Laura Diaz\n\nRoss: “Where were you that night?”"
    _, quotes = _quotes(text, mode, nlp)
    assert [q.speaker for q in quotes] == ["Laura Diaz", "Ross"]


@pytest.mark.parametrize("mode", MODES)
def test_unattributed_quote_has_no_speaker(mode, nlp):
    text = "The sign on the door read nothing at all.\n\n“Sometimes the quiet ones are the loudest of all.”"
    _, quotes = _quotes(text, mode, nlp)
    assert len(quotes) == 1 and quotes[0].speaker_start is None and quotes[0].speaker == ""


def test_partial_parse_gives_quotes_of_the_parsed_blocks_only():
    document = _document("“First quote here,” Anna Berg said.\n\n“Second quote here,” Tom Hale said.")
    parsed = list(parse_blocks(document, None))[:1]
    quotes = extract_quotes(document, parsed, [])
    assert _texts(quotes) == ["First quote here"]


def test_empty_and_quote_free_documents():
    assert extract_quotes(Document(), [], []) == []
    document = _document("Nothing quoted here.\n\nOr here.")
    assert extract_quotes(document, list(parse_blocks(document, None)), []) == []


# ----------------------------------------------------- reference article ---

def _reference(mode: str, nlp) -> tuple[Document, list[Quote]]:
    if mode == "model" and nlp is None:
        pytest.skip("no spaCy model installed")
    raw = REFERENCE.read_text(encoding="utf-8")
    try:
        from reader.clean import clean_text
    except ImportError:
        clean_text = None
    document = clean_text(raw, origin=str(REFERENCE)) if clean_text is not None else _document(
        "\n\n".join(p.strip() for p in raw.split("\n\n") if p.strip()))
    parsed = list(parse_blocks(document, nlp if mode == "model" else None))
    quotes = extract_quotes(document, parsed, _entities(document, parsed))
    _check_offsets(document, quotes)
    return document, quotes


@pytest.mark.parametrize("mode", MODES)
def test_reference_article_quotes_and_speakers(mode, nlp):
    _, quotes = _reference(mode, nlp)
    expected = [  # (words, speaker last name, cue, partial, channel)
        ("The deployment on Ukrainian territory", "Zakharova", "said", False, ""),
        ("All these units and facilities", "Zakharova", "added", False, ""),
        ("a veritable axis of war", "Zakharova", "said", True, "AP"),
        ("90% done", "Zelensky", "said", True, ""),
        ("We have determined which countries", "Zelensky", "said", False, ""),
        ("firmly supports", "Witkoff", "said", True, ""),
        ("an extremely important moment", "Kushner", "called", True, ""),
        ("a significant step", "Macron", "described", True, ""),
    ]
    assert len(quotes) == len(expected)
    for quote, (words, speaker, cue, partial, channel) in zip(quotes, expected):
        assert quote.text.startswith(words)
        assert quote.speaker.split()[-1] == speaker, quote
        assert (quote.cue, quote.partial, quote.channel) == (cue, partial, channel), quote
    assert quotes[1].speaker_mention == "she"
    assert quotes[4].speaker_mention == "he"


@pytest.mark.parametrize("mode", MODES)
def test_reference_article_names_are_not_quotes(mode, nlp):
    _, quotes = _reference(mode, nlp)
    texts = " | ".join(q.text for q in quotes)
    assert "Coalition of the Willing" not in texts
    assert "coalition of the willing" not in texts
    assert "Axis of war" not in texts


# ------------------------------------------------------------- hostile ---

@pytest.mark.parametrize("text", [
    "“Unclosed quote that runs to the end of the paragraph\n\nNext paragraph says nothing.",
    "Stray closing mark” and a ” second one, said Nobody.",
    "\"\"\"\"\"\" ''''' ``` “““ ””” ‘‘‘ ’’’",
    "“Nested ‘single’ and “double” marks inside,” he said.",
    "“" + "word " * 3000 + "”",
], ids=["unclosed-to-paragraph-end", "stray-closing-marks", "marks-only", "nested-marks", "three-thousand-words-quoted"])
def test_broken_marks_do_not_break_extraction(text):
    document = _document(text)
    quotes = extract_quotes(document, list(parse_blocks(document, None)), [])
    _check_offsets(document, quotes)


def test_random_text_keeps_offsets_valid():
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    pieces = st.sampled_from(['"', "“", "”", "‘", "’", "'", "''", ",", ".", ":", " ", "\n\n", "she said",
                              "said Anna Berg", "Tom Hale", "according to AP", "the plan", "We", "win"])

    @hypothesis.settings(max_examples=150, deadline=None)
    @hypothesis.given(st.lists(pieces, max_size=40))
    def check(parts):
        text = " ".join(parts).strip()
        document = _document(text) if text else Document()
        _check_offsets(document, extract_quotes(document, list(parse_blocks(document, None)), []))

    check()
