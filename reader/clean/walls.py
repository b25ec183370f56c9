"""Login walls and paywall stubs: a page that asks you to log in or subscribe instead of giving the article.

`check_wall(raw, document)` raises a `ReaderError` with one clear line when
the cleaned body is only a stub (a few dozen words) and the page asks for a
login, a subscription or an account. A full article that merely has a
"Subscribe" button is never refused: the body length decides first.
"""

from __future__ import annotations

import re

from reader.errors import ReaderError
from reader.model import Document

MAX_STUB_WORDS = 120
"""A body this short, on a page that asks for a login or a subscription, is a wall, not an article."""
SCAN_CHARS = 2_000_000

WALL_MESSAGE = "the page asks you to log in / subscribe; no article text"

_WALL = re.compile(
    r"""
    \b(?:log|sign)\s?(?:in|on)\s+(?:to|and)\s+(?:continue|read|view|access|keep\ reading|see|unlock)
  | \b(?:please|you\ must|you\ need\ to)\s+(?:log|sign)\s?(?:in|on)\b
  | \b(?:subscribe|register|join)\s+(?:now\s+)?(?:to|for)\s+(?:continue|read|keep\ reading|unlock|access|full\ access|unlimited)
  | \bbecome\ an?\ (?:member|subscriber)\s+to\b
  | \bcreate\ an?\ (?:free\ )?account\s+to\s+(?:continue|read|keep)
  | \bto\ (?:continue|keep)\ reading\b.{0,40}\b(?:subscri|log\s?in|sign\s?in|register|account)
  | \bthis\ (?:article|story|content|page)\ is\ (?:only\ )?(?:for|available\ (?:to|for)|reserved\ for|exclusive\ to)\ (?:paying\ )?(?:subscribers|members|premium)
  | \b(?:subscribers?|members?)[\ -]only\ (?:content|article|story)
  | \byou\ have\ (?:reached|used)\ (?:your|all\ your)\ (?:\w+\ ){0,3}(?:limit|free\ articles)
  | \balready\ an?\ (?:subscriber|member)\b
    """,
    re.I | re.X,
)
_PASSWORD = re.compile(r"""<input\b[^>]*\btype\s*=\s*["']?password""", re.I)


def is_wall(raw: str, document: Document) -> bool:
    """True when `document` is a stub and the page around it asks for a login or subscription."""
    if len(document.body) > MAX_STUB_WORDS * 40 or document.word_count > MAX_STUB_WORDS:
        return False
    head = raw[:SCAN_CHARS]
    return bool(_WALL.search(head) or _PASSWORD.search(head))


def check_wall(raw: str, document: Document) -> None:
    """Raise `ReaderError(WALL_MESSAGE)` for a login wall or paywall stub."""
    if is_wall(raw, document):
        raise ReaderError(WALL_MESSAGE)
