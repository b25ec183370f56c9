"""Pruning, choice and merge of article candidates on page shapes that fooled them. Every page and sentence is invented."""

from __future__ import annotations

from reader.clean.html import _prune, parse_html

P = [
    "The river ferry resumed its dawn crossings on Monday after a week of repairs to the landing stage.",
    "Passengers queued along the quay before six, and the first boat left full, its captain said.",
    "Engineers had replaced two rotten piles and a section of the walkway that storms had loosened.",
    "The operator said the evening timetable would return to normal once the new ramp is tested.",
]


def _pruned_text(page: str) -> str:
    tree = parse_html(page)
    _prune(tree)
    return " ".join(tree.text_content().split())


def test_a_form_or_nav_wrapping_the_whole_page_is_kept_but_a_real_menu_goes():
    article = "".join(f"<p>{t}</p>" for t in P)
    menu = "<nav><a href='/a'>Home</a> <a href='/b'>Weather</a></nav>"
    for wrapper in ("form", "nav", "aside"):
        page = f"<html><body><{wrapper} id='page'>{menu}<div>{article}</div></{wrapper}></body></html>"
        text = _pruned_text(page)
        assert all(t in text for t in P), wrapper
        assert "Weather" not in text


def test_a_small_aside_beside_the_article_is_still_dropped():
    page = "<html><body><div>" + "".join(f"<p>{t}</p>" for t in P) + "</div><aside><p>More from the quay desk</p></aside></body></html>"
    text = _pruned_text(page)
    assert P[0] in text and "quay desk" not in text


def _para(text: str, links: list | None = None) -> tuple:
    return ("paragraph", text, 0, links or [])


def test_a_candidate_holding_a_fifth_of_the_pages_prose_is_a_fragment():
    from collections import Counter

    from reader.clean.edges import is_fragment, may_be_fragment

    teaser = [_para(P[0])]
    page = [_para(t) for t in P] * 2
    assert is_fragment(teaser, page)
    assert not is_fragment([_para(t) for t in P[:3]], page)
    menu = [_para(" ".join(["Home"] * 20), [("https://example.org/", "Home", 0, 99)])] * 10
    assert not is_fragment(teaser, [_para(P[0])] + menu)  # link lists and short lines are not prose
    assert not may_be_fragment(teaser, Counter(" ".join(P[:2]).lower().split()), parse_html("<p>x</p>"))
    page_html = "<html><body><script>" + " ".join(["var x = 1;"] * 200) + "</script><p>" + P[0] + "</p></body></html>"
    many = Counter(" ".join(P * 10).lower().split())
    assert not may_be_fragment(teaser, many, parse_html(page_html))  # a script's words are no prose
    assert may_be_fragment(teaser, many, parse_html("<html><body>" + "".join(f"<p>{t}</p>" for t in P * 2) + "</body></html>"))


LONG = ("The harbour board met late into the evening to weigh the cost of dredging the channel again, "
        "since silt from the spring floods had narrowed it to a single lane for the larger boats "
        "and the ferry had twice run aground at low tide.")
TAIL = "Members agreed to ask the county for half of the money and to put the rest to a vote of the town in May."


def test_a_paragraph_the_base_holds_joined_to_its_neighbour_is_not_added_twice():
    from reader.clean.choose import merge

    base = [_para(P[0]), _para(LONG + " " + TAIL), _para(P[1])]
    other = [_para(P[0]), _para(LONG), _para(TAIL), _para(P[1])]
    assert [p[1] for p in merge(base, other)] == [p[1] for p in base]
    other = [_para(P[0]), _para(LONG + " " + TAIL), _para(P[2]), _para(P[1])]
    assert [p[1] for p in merge(base, other)][2] == P[2]  # a passage of its own is still put back


def test_trafilaturas_edges_beyond_readabilitys_article_go_when_they_are_not_prose():
    from reader.clean.candidates import Candidate
    from reader.clean.choose import choose

    link = lambda text: _para(text, [("https://example.org/x", text, 0, len(text))])  # noqa: E731
    related = [link("Tide tables for the week ahead"), link("Five quiet beaches to visit this autumn")]
    traf = Candidate("trafilatura", [("heading", "Share this", 2, [])] + [_para(t) for t in P] + related)
    read = Candidate("readability", [_para(t) for t in P])
    assert [p[1] for p in choose(traf, read).parts] == P
    closing = "The ferry company thanked passengers for their patience and said it would publish the winter timetable next month."
    traf = Candidate("trafilatura", [_para(t) for t in P] + [_para(closing), ("heading", "More", 2, [])])
    assert [p[1] for p in choose(traf, read).parts] == P + [closing]  # a closing paragraph readability missed stays


def test_a_sign_up_box_repeated_in_one_candidate_and_absent_from_the_other_goes():
    from reader.clean.choose import drop_repeated_widgets

    box = "Sign up below and our letters will reach your inbox each week; leave the list whenever you like."
    parts = [_para(P[0]), _para(box), _para(P[1]), _para(P[2]), _para(box), _para(P[3])]
    assert [p[1] for p in drop_repeated_widgets(parts, [_para(t) for t in P])] == P
    assert drop_repeated_widgets(parts, [_para(t) for t in P] + [_para(box)]) == parts  # both have it: the page's own
    rows = [_para("Rest day"), _para(P[0]), _para("Rest day")]
    assert drop_repeated_widgets(rows, [_para(P[0])]) == rows  # short repeated rows stay


def test_readability_holding_trafilaturas_span_and_more_is_the_base():
    from reader.clean.candidates import Candidate
    from reader.clean.choose import choose

    legal = ("The operator of this site is a separate licensee and answers for none of the "
             "pages linked from here, which are offered by third parties under their own terms and privacy rules.")
    steps = [("list_item", f"Step {n}: {t}", 0, []) for n, t in enumerate(P[1:], 1)]
    traf = Candidate("trafilatura", [_para(P[0]), _para(P[3]), _para(legal), _para(legal.replace("site", "app"))])
    read = Candidate("readability", [_para(P[0]), ("heading", "How the repairs went", 2, []), *steps, _para(P[3])])
    chosen = choose(traf, read)
    assert chosen.name == "readability"
    assert legal not in [p[1] for p in chosen.parts]


def test_the_headline_repeated_further_down_the_body_is_not_a_block():
    from reader.clean.assemble import _strip_title

    parts = [_para(P[0]), _para(P[1]), ("heading", "Dawn ferry is back", 2, []), _para(P[2])]
    assert [p[1] for p in _strip_title(parts, "Dawn  ferry is back")] == P[:3]
    kept = [_para(P[0]), _para("The dawn ferry is back, and so are the queues.")]
    assert _strip_title(list(kept), "Dawn ferry is back") == kept  # a sentence holding the headline stays
