"""Speaker mentions in a speech clause: cut the name, pronoun or description.

`cut_mention` reads a noun phrase from block text (forward after an
inverted cue, backward before a cue, or a whole region between a quote
and its cue); `classify` tells a name from a pronoun or a description and
narrows "US envoy Steve Witkoff" to the name. Offsets are relative to the
block text. The parser's view (`quote_tokens.TokenView`) is optional.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis.quotes.lexicon import ROLE_NOUNS, SPEECH_VERB_RE, TITLES

if TYPE_CHECKING:  # pragma: no cover
    from reader.analysis.quotes.tokens import TokenView

MentionKind = str  # "name" | "pronoun" | "description" | "relative"

PRONOUNS = frozenset("he she they i we it you".split())
RELATIVES = frozenset("who which that".split())
DETERMINERS = frozenset(
    "a an the one another two three four five several some many his her their its our my this these "
    "those both other others each any no".split()
)
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. sen sen. rep rep. gov gov. gen gen. sir dame".split())
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight earlier later "
    "last this next recently afterward afterwards then again also once now".split()
)
_FORWARD_STOP = frozenset(
    "who which that in on at during after before when while as and but because since to said says "
    "told added wrote whose where".split()
)
_AFFILIATION = frozenset("of from with".split())
"""After a name of two words or more, these begin the speaker's affiliation, not the name."""
_BACK_BOUNDARY = re.compile(
    r"[,;:()\[\]—–―\"“”]|\s-\s|\b(?:that|and|but|while|as|because|when|after|before|although|though|if|"
    r"so|since|whereas|where|then|until|" + SPEECH_VERB_RE + r")\b",
    re.I,
)
_WORD = re.compile(r"[\w][\w.'’&-]*")
_TITLE_ABBREV = re.compile(r"(?:^|\s)(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Jr|Sr|Lt|Col|Sgt|Rev|Prof|Capt|Adm|Ft|U\.S|D\.C)\.$")


@dataclass(slots=True)
class Mention:
    """A speaker mention in block text: text[start:end]."""

    start: int
    end: int
    text: str
    kind: MentionKind
    antecedent: "Mention | None" = None
    """For a relative pronoun ("..., who said"), the noun phrase it stands for."""


@dataclass(slots=True)
class Clause:
    """A speech clause attached to one quote (block-relative offsets)."""

    speaker: Mention | None
    cue: str
    cue_start: int
    cue_end: int
    how: str
    """after / inverted / before / partial / according / colon / dash."""


def classify(text: str, start: int, end: int) -> Mention | None:
    """A mention over text[start:end] (trimmed), with its kind, narrowed to the name when there is one."""
    while start < end and not (text[start].isalnum()):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    if end <= start:
        return None
    words = [(m.start() + start, m.end() + start, m.group()) for m in _WORD.finditer(text[start:end])]
    if not words:
        return None
    if len(words) == 1 and words[0][2].lower() in PRONOUNS:
        return Mention(start, end, text[start:end], "pronoun")
    if len(words) == 1 and words[0][2].lower() in RELATIVES:
        return Mention(start, end, text[start:end], "relative")
    if words[0][2].lower() in _TIME_WORDS or words[-1][2].lower() in _TIME_WORDS:
        return None
    # a name: the capitalised run at the end, after any role or lower-case words
    run_start = len(words)
    for k in range(len(words) - 1, -1, -1):
        w = words[k][2]
        if w[0].isupper() or w.lower() in ("de", "van", "von", "der", "al", "bin", "da", "la", "le", "del", "di"):
            run_start = k
        else:
            break
    if run_start < len(words):
        k = run_start
        for t in range(len(words) - 2, run_start - 1, -1):
            if words[t][2].lower().rstrip(".") in TITLES and words[t][2].lower() not in HONORIFICS:
                k = t + 1
                break
        first = words[k]
        if first[2].lower() in DETERMINERS:
            k += 1
        honorific = len(words) > 1 and words[-2][2].lower() in HONORIFICS
        if k < len(words) and (honorific or words[-1][2].lower().rstrip(".") not in TITLES | ROLE_NOUNS):
            s, e = words[k][0], words[-1][1]
            if text[e - 2 : e] in ("'s", "’s"):
                e -= 2
            return Mention(s, e, text[s:e], "name")
    return Mention(start, end, text[start:end], "description")


def _is_abbrev_dot(text: str, pos: int) -> bool:
    """text[pos] is a full stop that ends an abbreviation or initial."""
    return bool(_TITLE_ABBREV.search(text[max(0, pos - 6) : pos + 1]))


def cut_mention(
    text: str, start: int, end: int, view: TokenView | None, *, forward: bool, whole: bool = False
) -> Mention | None:
    """The speaker noun phrase in text[start:end].

    forward: it begins at `start` (after "said", "according to").
    whole: the region holds only the subject, maybe with an appositive ("Smith, the mayor,").
    else: it ends at `end` (before the cue verb).
    """
    if forward:
        return _forward(text, start, end)
    if whole:
        return _whole(text, start, end, view)
    return _backward(text, start, end)


def _forward(text: str, start: int, end: int) -> Mention | None:
    pos = start
    while pos < end and text[pos].isspace():
        pos += 1
    stop = pos
    words = 0
    last = ""
    for match in _WORD.finditer(text, pos, end):
        between = text[stop : match.start()]
        if any(ch in between for ch in ",;:()—–\"“”!?") or ("." in between and not _is_abbrev_dot(text, stop - 1)):
            break
        word = match.group()
        if word.lower() in _FORWARD_STOP and words:
            break
        if word.lower() in _AFFILIATION and words >= 2 and last not in TITLES | ROLE_NOUNS:
            break  # "said Jane Doe of the Harlow Institute": the person, not her employer
        last = word.lower().rstrip(".")
        if words == 0 and not (word[0].isupper() or word[0].isdigit() or word.lower() in DETERMINERS
                               or word.lower() in PRONOUNS or word.lower() in ("former", "retired", "state", "then")):
            return None
        stop = match.end()
        if word.endswith(".") and not _is_abbrev_dot(text, stop - 1):
            stop -= 1
            break
        words += 1
        if words > 12:
            return None
    if stop <= pos:
        return None
    return classify(text, pos, stop)


def _whole(text: str, start: int, end: int, view: TokenView | None) -> Mention | None:
    region = text[start:end]
    stripped = region.strip()
    if not stripped:
        return None
    cut = len(region)
    for marker in (",", " (", " who ", " which ", " — ", " – "):
        k = region.find(marker, len(region) - len(region.lstrip()))
        if 0 <= k < cut:
            cut = k
    head_end = start + cut
    rest = region[cut:].strip()
    if rest and not (rest[0] in ",(—–" or rest.startswith("who") or rest.startswith("which")):
        return None
    if rest and rest[0] in ",(" and not rest.endswith((",", ")")):
        return None
    words = text[start:head_end].split()
    if not words or len(words) > 10:
        return None
    if words[0].lower() in ("and", "but", "so"):
        words = words[1:]
        if not words:
            return None
    if words[0].lower() in ("that", "there", "which", "as", "if", "when", "while", "because"):
        return None
    if view is not None and view.has_doc:
        for m in _WORD.finditer(text, start, head_end):
            tag = view.tag_at(m.start())
            if tag in ("VBD", "VBZ", "VBP", "MD") and m.group().lower() not in ("'s",):
                return None
    return classify(text, start, head_end)


def _backward(text: str, start: int, end: int) -> Mention | None:
    region_end = end
    while region_end > start and text[region_end - 1].isspace():
        region_end -= 1
    if region_end <= start:
        return None
    appositive = text[region_end - 1] == ","
    if appositive:
        # "Smith, the mayor, said" / "Smith, who spoke in Ohio, said": the subject precedes the commas
        inner = text.rfind(",", start, region_end - 1)
        if inner < 0:
            return None
        region_end = inner
    bound = start
    for match in _BACK_BOUNDARY.finditer(text, start, region_end):
        if match.group() == "," and _inside_name_comma(text, match.start()):
            continue
        bound = match.end()
    segment_start = bound
    words = text[segment_start:region_end].split()
    if not words:
        return None
    if len(words) > 10:
        return None
    first = words[0]
    if not (first[0].isupper() or first.lower() in DETERMINERS or first.lower() in PRONOUNS or first.lower() in RELATIVES):
        return None
    mention = classify(text, segment_start, region_end)
    if mention is not None and mention.kind == "relative":
        comma = text.rfind(",", start, mention.start)
        if comma > start:
            mention.antecedent = _backward(text, start, comma)
    return mention


def _inside_name_comma(text: str, pos: int) -> bool:
    """A comma inside a name: "Smith, Jr." or a state after a city."""
    return text[pos + 1 : pos + 5] in (" Jr.", " Sr.", " Jr,", " Sr,")
