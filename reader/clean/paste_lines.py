"""A pasted page as lines, and what a reader sees in each line and around it.

`split_units(text)` cuts a paste into units (one per paragraph of the page:
a line, or hard-wrapped lines joined back together). `line_features(units)`
gives every unit a vector of numbers a person uses when scanning a paste:
how long it is, whether it ends like a sentence, how many of its words are
capitalised like menu items or are function words like prose, whether it
repeats, whether it is a list item, and the same about its neighbours, how
much prose lies around it, and where it stands against the long run of prose
that is the article. Plain Python, one pass each way: linear in the paste.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reader.clean.paste_rules import RULE_NAMES, rule_flags
from reader.clean.paste_runs import RUN_GAP, WIDE_GAP, main_run, run_shares
from reader.model import BlockKind

LIST_MARK = re.compile(r"^(?:[-•*·▪◦–+]|\d{1,3}[.)])\s+")
TERMINAL = tuple(".!?…:;\"”’»)。！？」』")
SENTENCE_END = tuple(".!?…\"”’»)。！？」』")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORD = re.compile(r"\w+(?:['’]\w+)?")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"”’)]?\s+[\"“‘(]?[A-Z0-9]")
_SEPARATORS = re.compile(r"[|»›•·/>]")
_LINKISH = re.compile(r"https?://|www\.|\S@\S|#\w|\.(?:com|org|net)\b", re.IGNORECASE)
_COPYRIGHT = re.compile(r"©|\(c\)\s|\bcopyright\b|all rights reserved", re.IGNORECASE)
_TIMESTAMP = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d+\s*(?:min|minutes?|h|hours?|days?|weeks?|months?)\s+ago\b", re.IGNORECASE)
_COUNTER = re.compile(r"^\W*\d[\d.,kKmM]*\s*\w{0,12}\W*$")

PROSE_WORDS = 15
"""A unit of this many words ending like a sentence is prose: the stuff articles are made of."""

STOPWORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "stopwords.json"


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Function words of every language the reader knows (prose has many, menus have few)."""
    data = json.loads(STOPWORDS_FILE.read_text(encoding="utf-8"))
    return frozenset(w for words in data.values() for w in words)


@dataclass(slots=True)
class Unit:
    """A run of text that was one paragraph in the pasted page."""

    text: str
    blank_before: bool = False
    blank_after: bool = False
    kind: BlockKind = "paragraph"
    drop: bool = False
    words: int = 0

    def __post_init__(self) -> None:
        words = len(self.text.split())
        if not self.text.isascii():
            words += len(_CJK.findall(self.text)) // 2  # those scripts put no spaces between words
        self.words = words

    @property
    def short(self) -> bool:
        return self.words <= 12 and len(self.text) <= 90

    @property
    def unpunctuated(self) -> bool:
        text = self.text.rstrip()
        return not text.endswith(TERMINAL) or text.endswith(("’", "'")) and self.words <= 6

    @property
    def prose(self) -> bool:
        return self.words >= PROSE_WORDS and self.text.rstrip().endswith(SENTENCE_END)


def split_units(text: str) -> list[Unit]:
    """Split into units: blank lines always split; single newlines split unless the text is hard-wrapped."""
    lines = [line.strip() for line in text.split("\n")]
    nonblank = [line for line in lines if line]
    lengths = sorted(len(line) for line in nonblank)
    wrapped = len(nonblank) >= 6 and lengths[len(lengths) // 2] >= 50 and max(lengths) <= 100
    units: list[Unit] = []
    current: list[str] = []
    blank = True

    def flush(blank_before: bool) -> None:
        if current:
            units.append(Unit(" ".join(current), blank_before=blank_before))
            current.clear()

    started_blank = True
    for line in lines:
        if not line:
            flush(started_blank)
            if units:
                units[-1].blank_after = True
            blank = True
            continue
        joins = (
            wrapped
            and current
            and not LIST_MARK.match(line)
            and (not current[-1].endswith(TERMINAL) or line[:1].islower())
            and len(current[-1]) >= 40
        )
        if not joins:
            flush(started_blank)
            started_blank = blank
        current.append(line)
        blank = False
    flush(started_blank)
    if units:
        units[-1].blank_after = True
    return units


def _own(u: Unit, stop: frozenset[str]) -> list[float]:
    text = u.text
    tokens = _WORD.findall(text[:2000])
    n = max(1, len(tokens))
    capital = sum(1 for t in tokens if t[:1].isupper())
    stops = sum(1 for t in tokens if t.lower() in stop)
    head = text[:2000]
    digits = sum(map(str.isdigit, head))
    end = text.rstrip()[-1:]
    return [
        math.log1p(u.words),
        math.log1p(len(text)),
        1.0 if end and text.rstrip().endswith(SENTENCE_END) else 0.0,
        1.0 if end == ":" else 0.0,
        1.0 if LIST_MARK.match(text) else 0.0,
        capital / n,
        digits / max(1, min(len(text), 2000)),
        stops / n,
        min(3, len(_SEPARATORS.findall(text[:2000]))) / 3,
        1.0 if _LINKISH.search(text[:2000]) else 0.0,
        1.0 if _COPYRIGHT.search(text[:2000]) else 0.0,
        1.0 if _COUNTER.match(text[:60]) else 0.0,
        math.log1p(len(_SENTENCE_BREAK.findall(text[:4000]))),
        1.0 if text[:1].islower() else 0.0,
        1.0 if text.isupper() and u.words >= 2 else 0.0,
        1.0 if text.endswith(("...", "…")) else 0.0,
        text.count(",") / n,
        1.0 if "?" in text[-2:] else 0.0,
        1.0 if u.blank_before else 0.0,
        1.0 if u.blank_after else 0.0,
    ] + rule_flags(text, u.words)


FEATURE_NAMES = [
    "log_words", "log_chars", "ends_sentence", "ends_colon", "list_item", "capital_share", "digit_share",
    "stop_share", "separators", "linkish", "copyright", "counter", "log_sentences", "starts_lower", "all_caps",
    "ellipsis", "commas_per_word", "question", "blank_before", "blank_after", *RULE_NAMES,
]


def line_features(units: list[Unit], extra: list[list[float]] | None = None) -> list[list[float]]:
    """One feature vector per unit: its own looks, its neighbours', and its place against the prose."""
    stop = stopwords()
    n = len(units)
    own = [_own(u, stop) for u in units]
    prose = [1.0 if u.prose else 0.0 for u in units]
    prose_words = [u.words if u.prose else 0 for u in units]
    total_prose = sum(prose_words) or 1
    counts: dict[str, int] = {}
    for u in units:
        key = u.text.lower()
        counts[key] = counts.get(key, 0) + 1
    # Prose density in windows, from prefix sums.
    prefix = [0.0]
    for p in prose:
        prefix.append(prefix[-1] + p)
    words_before = [0.0]
    for w in prose_words:
        words_before.append(words_before[-1] + w)
    # Distance to the nearest prose unit before and after.
    last, dist_before = -10**6, []
    for i in range(n):
        dist_before.append(i - last)
        if prose[i]:
            last = i
    nxt, dist_after = 10**6, [0] * n
    for i in range(n - 1, -1, -1):
        dist_after[i] = nxt - i
        if prose[i]:
            nxt = i
    run_start, run_end = main_run(units)
    wide_start, wide_end = main_run(units, WIDE_GAP)
    share, wide_share = run_shares(units, RUN_GAP), run_shares(units, WIDE_GAP)
    main_share = share[run_start] if n else 0.0
    # Stamps (date lines, times of day): an article has one or two at its top, a comment thread one a comment.
    stamp_prefix, widget_prefix = [0], [0]
    for u, o in zip(units, own):
        stamp = o[DATE_AT] or (u.words <= 12 and _TIMESTAMP.search(u.text))
        stamp_prefix.append(stamp_prefix[-1] + (1 if stamp else 0))
        widget_prefix.append(widget_prefix[-1] + int(o[WIDGET_AT]))
    starts = [_start_key(u.text) for u in units]
    start_counts: dict[str, int] = {}
    for key in starts:
        if key:
            start_counts[key] = start_counts.get(key, 0) + 1
    repeats = [math.log1p(counts[u.text.lower()] - 1) for u in units]
    # Length of the run of list items each unit is part of.
    # Length of the block of short unpunctuated units (a menu, a list of links) each unit is part of.
    short_block = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and units[j].words <= 8 and not own[j][2]:
            j += 1
        for k in range(i, j):
            short_block[k] = j - i
        i = j + 1 if j == i else j
    median_words = sorted(o[0] for o in own)[n // 2] if n else 0.0
    list_run = [0] * n
    i = 0
    while i < n:
        j = i
        while j < n and own[j][4]:
            j += 1
        for k in range(i, j):
            list_run[k] = j - i
        i = j + 1 if j == i else j

    def window(i: int, r: int) -> float:
        lo, hi = max(0, i - r), min(n, i + r + 1)
        return (prefix[hi] - prefix[lo]) / (hi - lo)

    empty = [0.0, 0.0, 0.0, 0.0, 0.0, 1.0]
    features = []
    for i, u in enumerate(units):
        row = list(own[i])
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                o = own[j]
                row += [o[0], o[2], o[4], o[5], o[7], 0.0]
            else:
                row += empty
        inside = run_start <= i <= run_end
        row += [
            repeats[i],
            prose[i],
            window(i, 3),
            window(i, 10),
            math.log1p(min(dist_before[i], 1000)),
            math.log1p(min(dist_after[i], 1000)),
            words_before[i] / total_prose,
            (total_prose - words_before[i + 1]) / total_prose,
            1.0 if inside else 0.0,
            math.log1p(run_start - i if i < run_start else (i - run_end if i > run_end else 0)),
            math.log1p(list_run[i]),
            i / max(1, n - 1),
            math.log1p(n),
            math.log1p(total_prose),
            math.log1p(short_block[i]),
            own[i][0] - median_words,
            math.log1p(start_counts[starts[i]] - 1) if starts[i] else 0.0,
            own[i - 1][WIDGET_AT] if i else 0.0,
            own[i + 1][WIDGET_AT] if i + 1 < n else 0.0,
            repeats[i - 1] if i else 0.0,
            repeats[i + 1] if i + 1 < n else 0.0,
            1.0 if i and _names_previous(units[i - 1].text, u.text) else 0.0,
            share[i],
            wide_share[i],
            main_share,
            math.log1p(wide_start - i if i < wide_start else (i - wide_end if i > wide_end else 0)),
            math.log1p(stamp_prefix[min(n, i + 7)] - stamp_prefix[max(0, i - 6)]),
            math.log1p(stamp_prefix[i]),
            math.log1p(stamp_prefix[n]),
            math.log1p(widget_prefix[i]),
            math.log1p(widget_prefix[n] - widget_prefix[i + 1]),
        ]
        if extra is not None:
            row += extra[i]
        features.append(row)
    return features


CONTEXT_NAMES = [f"{side}_{name}" for side in ("prev2", "prev1", "next1", "next2")
                 for name in ("log_words", "ends_sentence", "list_item", "capital_share", "stop_share", "missing")]
PLACE_NAMES = [
    "log_repeats", "prose", "prose_near3", "prose_near10", "log_dist_prose_before", "log_dist_prose_after",
    "prose_share_before", "prose_share_after", "in_main_run", "log_dist_main_run", "log_list_run", "position",
    "log_units", "log_prose_words", "log_short_block", "log_words_vs_median",
    "log_same_start", "prev1_widget", "next1_widget", "prev1_log_repeats", "next1_log_repeats", "opens_with_prev",
    "run_share", "wide_run_share", "main_run_share", "log_dist_wide_run",
    "log_stamps_near6", "log_stamps_before", "log_stamps", "log_widgets_before", "log_widgets_after",
]
ALL_NAMES = FEATURE_NAMES + CONTEXT_NAMES + PLACE_NAMES


WIDGET_AT, DATE_AT = FEATURE_NAMES.index("widget"), FEATURE_NAMES.index("date_line")


def _start_key(text: str) -> str:
    """The first three words of a unit of six or more: cards of a list (teasers, bios) open alike, paragraphs rarely."""
    words = text[:200].lower().split(maxsplit=6)
    return " ".join(words[:3]) if len(words) >= 6 else ""


def _names_previous(before: str, text: str) -> bool:
    """The unit opens with the short line before it (a name over its bio, a headline over its teaser)."""
    head = before.strip()
    return 2 <= len(head.split()) <= 6 and len(text) > len(head) + 20 and text[: len(head)].lower() == head.lower()
