"""The learned line model: an invented page pasted junk and all cleans to its article; the model file is sound."""

from __future__ import annotations

import json

import pytest

from reader.clean import clean_text
from reader.clean.paste_lines import ALL_NAMES, line_features, split_units
from reader.clean.paste_model import MODEL_FILE, ModelError, load_model, parse_model

PARAGRAPHS = [
    ("The harbour town of Quillmouth voted on Thursday to rebuild its storm wall, ending a dispute that had "
     "divided the council for almost four years and delayed repairs after two winters of flooding."),
    ("Engineers told the meeting that the old wall, built from timber and rubble, would not survive another "
     "season of high tides, and that the new design would raise the barrier by more than a metre."),
    ("Fishing families who live along the quay said they were relieved, though several warned that the "
     "building work would close the slipway for most of the spring, when the boats are busiest."),
    ("The council expects the first stone to be laid in March, and has promised weekly updates on the work "
     "at the library, where plans for the wall will be on display until the end of the year."),
    ("A spokesperson for the regional coast authority said the grant covering most of the cost had been "
     "approved in principle, but that the final sum would depend on the price of stone next year."),
]
TITLE = "Quillmouth votes to rebuild its storm wall"

MENU = ["Home", "News", "Sport", "Weather", "Business", "Culture", "Subscribe", "Sign in"]
SHARE = ["Share on Facebook", "Share on X", "Email", "Copy link"]
RELATED = ["Related stories", "Ferry timetable changes from next week", "Lighthouse keepers mark 200 years",
           "New school opens on the hill road", "Market square to close for repairs"]
FOOTER = ["12 comments", "Leave a comment", "We use cookies to improve your experience on our site.",
          "Accept all cookies", "Cookie settings", "About us", "Contact", "Privacy policy", "Terms of use",
          "© 2026 Quillmouth Gazette. All rights reserved."]


def _page() -> str:
    lines = [*MENU, "", TITLE, "By Mara Tennant", "March 3, 2026", "", *SHARE, ""]
    for i, p in enumerate(PARAGRAPHS):
        lines += [p, ""]
        if i == 2:
            lines += ["Advertisement", ""]
    lines += [*RELATED, "", *FOOTER]
    return "\n".join(lines) + "\n"


def test_an_invented_page_cleans_to_its_article():
    doc = clean_text(_page())
    assert [doc.block_text(b) for b in doc.blocks] == PARAGRAPHS
    assert doc.title == TITLE
    assert doc.authors == ["Mara Tennant"]
    assert doc.published == "2026-03-03"


@pytest.mark.parametrize("junk", [*MENU, *SHARE, *RELATED, *FOOTER, "Advertisement"])
def test_no_menu_share_related_comment_or_cookie_line_is_kept(junk):
    body = clean_text(_page()).body
    assert junk not in body.split("\n")


def test_a_paste_of_paragraphs_keeps_them_all():
    text = "\n\n".join(PARAGRAPHS) + "\n"
    assert [clean_text(text).block_text(b) for b in clean_text(text).blocks] == PARAGRAPHS


def test_the_shipped_model_loads_and_matches_the_features():
    model = load_model()
    assert list(model.features) == ALL_NAMES
    assert 0.0 < model.threshold < 1.0
    assert model.stages and all(len(stage.trees) for stage in model.stages)


def test_the_model_file_holds_numbers_and_feature_names_only():
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    strings: list[str] = []

    def walk(value):
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            strings.extend(value)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
    walk(data)
    assert set(strings) <= set(ALL_NAMES) | {"features", "threshold", "base", "trees", "stages"}


def test_inference_is_deterministic():
    rows = line_features(split_units(_page()))
    model = load_model()
    first = model.probabilities(rows)
    fresh = parse_model(json.loads(MODEL_FILE.read_text(encoding="utf-8")), ALL_NAMES)
    assert fresh.probabilities(rows) == first == model.probabilities(rows)
    assert all(0.0 <= p <= 1.0 for p in first)


def test_the_plain_python_walk_gives_numpys_numbers_to_the_bit():
    """Short pastes walk the trees without numpy (SMALL); both walks must agree exactly, every stage."""
    import random

    from reader.clean.paste_model import CONTEXT_NAMES, pairwise_sum

    model = load_model()
    page = line_features(split_units(_page()))
    rng = random.Random(7)
    noisy = [[v * rng.uniform(0.5, 1.5) + rng.uniform(-1, 1) for v in row] for row in page * 3]
    for rows in (page, noisy):
        columns = [list(c) for c in zip(*rows)]
        context = columns + [[rng.uniform(0, 1) for _ in rows] for _ in CONTEXT_NAMES]
        for stage, cols in zip(model.stages, (columns, context)):
            picked = list(range(0, len(rows), 2))
            assert stage._walk_python(cols, picked) == stage._walk_numpy(cols, picked)
    for n in (0, 1, 7, 8, 9, 80, 129, 300):
        values = [rng.uniform(-1, 1) * 10 ** rng.randint(-6, 3) for _ in range(n)]
        import numpy as np

        assert pairwise_sum(values, 0, n) == (float(np.array(values).sum()) if n else 0.0)


def test_a_model_for_other_features_is_refused():
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    with pytest.raises(ModelError):
        parse_model(data, ALL_NAMES)
    with pytest.raises(ModelError):
        parse_model({"features": ALL_NAMES}, ALL_NAMES)
