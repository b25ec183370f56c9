"""Short pastes: no prose is lost to a title guess, a closing "Sources:" line is a source list."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reader.clean import clean_text

ROOT = Path(__file__).resolve().parent.parent

OPENING = ("The town of Elmbridge opened its new footbridge on Tuesday morning, after three years of delays "
           "and a long argument over the cost of the steel.")
SECOND = ("Residents gathered on both banks of the river to watch the mayor cut the ribbon, and many crossed "
          "it straight away to reach the market on the far side.")
LAST = "The council says the old ferry will keep running until the end of the summer, when its licence runs out."
STRIKE = ("Harbour workers walked out on Monday over a dispute about night shifts, leaving dozens of container "
          "ships waiting outside the port for a second day.")


def _paragraphs(doc):
    return [doc.block_text(b) for b in doc.blocks]


def test_untitled_paste_with_a_subheading_keeps_every_paragraph():
    doc = clean_text(f"{OPENING}\n\n{SECOND}\n\nWhat comes next\n\n{LAST}\n")
    assert _paragraphs(doc) == [OPENING, SECOND, "What comes next", LAST]
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph", "heading", "paragraph"]
    assert doc.title == ""


def test_a_short_opening_sentence_before_a_subheading_is_kept():
    lede = "The footbridge opened on Tuesday after three years of delays."
    doc = clean_text(f"{lede}\n\nWhat comes next\n\n{LAST}\n")
    assert _paragraphs(doc) == [lede, "What comes next", LAST]
    assert doc.title == ""


def test_title_before_the_prose_is_still_found():
    doc = clean_text(f"Home\nNews\n\nElmbridge opens its new footbridge\n\n{OPENING}\n\nWhat comes next\n\n{LAST}\n")
    assert doc.title == "Elmbridge opens its new footbridge"
    assert _paragraphs(doc) == [OPENING, "What comes next", LAST]


def test_a_sentence_opening_with_by_is_not_a_byline():
    line = "By the time the ferry reached the far bank, most passengers had left the deck."
    doc = clean_text(f"Ferry late again\n\n{line}\n\n{LAST}\n")
    assert _paragraphs(doc) == [line, LAST]
    assert doc.authors == []


def test_paste_ending_with_sources_is_not_refused():
    for text in (f"{STRIKE}\n\nSources: Reuters, AP\n", f"{STRIKE}\nSources: Reuters, AP\n"):
        doc = clean_text(text)
        assert _paragraphs(doc) == [STRIKE]
        assert doc.listed_sources == ["Reuters", "AP"]
        assert doc.image_credits == []


def test_paste_whose_only_prose_looks_like_a_prompt_is_not_refused():
    line = ("Sign up for the new ferry timetable opened on Monday, and by noon hundreds of families "
            "had registered, the council said.")
    doc = clean_text(f"{line}\n")
    assert _paragraphs(doc) == [line]


def test_sources_line_naming_photo_agencies_is_a_source_list_not_a_credit():
    doc = clean_text(f"Port strike enters second day\n\n{STRIKE}\n\n{LAST}\n\nSources: AFP, EPA, Reuters/AP\n")
    assert doc.listed_sources == ["AFP", "EPA", "Reuters/AP"]
    assert doc.image_credits == []
    assert "Sources" not in doc.body


def test_sources_line_before_a_long_footer_is_still_a_source_list():
    footer = "\n\n".join(["Most read", "About us", "Contact", "Careers", "Privacy", "Terms of use"])
    doc = clean_text(f"Port strike enters second day\n\n{STRIKE}\n\n{LAST}\n\nSources: AFP, Reuters/AP\n\n{footer}\n")
    assert doc.listed_sources == ["AFP", "Reuters/AP"]
    assert doc.image_credits == []
    assert "Sources" not in doc.body


def test_sources_line_reaches_the_analysis_sources():
    from reader.analysis.sources import find_sources

    doc = clean_text(f"{STRIKE}\n\nSources: Reuters, Harbour Gazette\n")
    kinds = {s.name: s.kind for s in find_sources(doc, [], [])}
    assert kinds["Reuters"] == "agency"
    assert kinds["Harbour Gazette"] == "outlet"
    assert "image_credit" not in kinds.values()


def test_cli_extracts_a_short_paste_from_stdin():
    done = subprocess.run([sys.executable, "-m", "reader", "extract", "--format", "text", "-"], check=False,
                          input=f"{STRIKE}\n\nSources: Reuters, AP\n", capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": ""}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == STRIKE


def test_a_one_sentence_paragraph_between_a_subheading_and_a_related_link_is_kept():
    single = "Speaking at the opening, the mayor said the bridge would carry its first bus route next spring."
    paste = "\n\n".join([
        "Home", "News", "Sport", "Weather", "Sign in",
        "Elmbridge footbridge opens after three years", OPENING, SECOND,
        "A long wait", single, "Also read: Ferry fares to rise in the new year", LAST, STRIKE,
        "Share this article", "© 2026 Elmbridge Courier",
    ]) + "\n"
    paragraphs = _paragraphs(clean_text(paste))
    assert single in paragraphs
    assert paragraphs.index(single) < paragraphs.index(LAST)
