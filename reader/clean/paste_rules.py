"""Patterns a reader knows in a pasted page: widget lines, image credits, a source list, a byline.

A "Sources: X, Y" line names the article's sources (kept as
`Document.listed_sources`); it is not an image credit.
"""

from __future__ import annotations

import re

WIDGET = re.compile(
    r"""^(?:
        also\ read|read\ (?:more|also|next)|related(?:\ (?:articles?|stories|news|content))?|
        (?:others|people)\ are\ reading(?:\ now)?|most\ (?:read|popular|viewed|shared)|trending(?:\ now)?|
        recommended(?:\ for\ you)?|you\ may\ also\ like|more\ (?:from|on|stories|news)\b.*|
        see\ also|don'?t\ miss|editor'?s\ picks?|top\ stories|latest\ news|watch(?:\ now)?|
        advertisement|advertising|ad|sponsored(?:\ content)?|promoted(?:\ content)?|(?:ads?|content)\ by\ .{1,30}|
        share(?:\ this)?(?:\ (?:article|story|post|on\ \w+))?|tweet|email|print|copy\ link|
        follow\ us.*|sign\ up.*|subscribe.*|newsletter.*|get\ our\ .{0,30}newsletter.*|
        (?:\d+\ )?comments?|leave\ a\ comment|show\ comments|join\ the\ conversation|
        cookies?\ (?:policy|settings)|accept(?:\ all)?(?:\ cookies)?|we\ use\ cookies.*|
        (?:listen|play)(?:\ to\ (?:this\ )?article)?|\d+\ min(?:ute)?s?\ read|skip\ to\ (?:main\ )?content|
        image|photo|video|gallery|loading.*|click\ here.*|continue\ reading|homepage|home
    )[.:!]?$""",
    re.IGNORECASE | re.VERBOSE,
)
CREDIT = re.compile(
    r"""(?:^(?:photo|photograph|image|picture|credit|illustration|video)(?:\ credit)?s?\s*[:/]|
        shutterstock|getty\ images|\bAP\ Photo\b|\bAFP\b.*/|reuters/|/\s*reuters\b|\bEPA\b|alamy|
        ©|\(c\)\ |copyright\ \d{4}|^\(?photo\ by\ |wikimedia\ commons|unsplash|
        ^[\w.'’ -]{2,50}\s/\s[\w.'’ -]{2,50}$)""",
    re.IGNORECASE | re.VERBOSE,
)
SOURCES_LINE = re.compile(r"^(?:sources?|via)\s*:\s*(?P<names>.+?)\.?$", re.IGNORECASE)
BYLINE = re.compile(r"^(?:by|written by|author:|words by)\s+(?P<names>[^\d|]{3,120}?)\s*(?:[|,•·–—-].*)?$", re.IGNORECASE)


def rule_flags(text: str, words: int) -> list[float]:
    """The patterns as numbers for the line model: widget, credit, source list, byline, date line."""
    from reader.clean.dates import find_date

    short = words <= 14
    return [
        1.0 if short and WIDGET.match(text) else 0.0,
        1.0 if short and not text.endswith(".") and CREDIT.search(text) else 0.0,
        1.0 if words <= 20 and SOURCES_LINE.match(text) else 0.0,
        1.0 if words <= 20 and BYLINE.match(text) else 0.0,
        1.0 if words <= 12 and find_date(text) else 0.0,
    ]


RULE_NAMES = ["widget", "credit", "sources_line", "byline", "date_line"]
