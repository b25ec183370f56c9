"""All-caps and headline-case lines (headlines, datelines, some tables).

The small model leans on capitals to find names, so on a line written in
capitals it tags nearly anything ("RUGBY - HARBOUR CITY STUN LEADERS" as one
organisation), and on a headline in title case it takes runs of capitalised
words for names ("Mayor Skips Vote to Avoid Awkward Questions"). Its spans there are
dropped; names in such lines come from evidence instead: the names the
document writes elsewhere in usual casing, the gazetteer (both matched by
`match`, in capitals on all-caps lines), datelines and results tables
(`tables`).

Measured on the CoNLL-2003 developer set: re-reading a re-cased copy of
each all-caps line with the model gained 0.1 point of F1 for 6% more time;
dropping the spans and relying on the evidence above gained 0.4 point at
no cost, so that is what we do.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]{3,}")
HEADLINE_FUNCTION = re.compile(
    r"(?<=\S )(?:Is|Are|Was|Were|Be|Been|Has|Have|Had|As|At|In|On|To|For|With|By|From|Into|"
    r"After|Over|Says|Said|Will|Would|Can|Could|May|Not|No|Its|His|Her|Their|Than|That|This|"
    r"Who|What|But|And|Or|Of|About|Amid|Against|Up|Out)(?= [A-Z0-9‘“\'\"])"
)
"""A function word capitalised inside a line, before another capitalised word: headline case."""


def is_all_caps(text: str) -> bool:
    """A line written in capitals: at least 4 cased letters, 90% of them upper case."""
    upper = sum(map(str.isupper, text))
    if upper < 4:
        return False
    lower = sum(map(str.islower, text))
    return upper >= 9 * lower and _WORD.search(text) is not None


def is_headline_case(text: str) -> bool:
    """A line in title case ("Mayor Was Due at Council But Stayed Away"): a capitalised
    function word in the middle of a run of capitalised words."""
    return HEADLINE_FUNCTION.search(text) is not None


def unreliable_casing(text: str) -> bool:
    """The model's spans on this line are not to be trusted."""
    return is_all_caps(text) or is_headline_case(text)
