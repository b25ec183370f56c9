"""Word lists for quote attribution: speech verbs, titles, roles, pronouns, outlets.

Small and general on purpose (no article's strings). The model-free parts
of quote extraction read these as compiled regular expressions; the
parser-based parts read the same sets, so both modes agree on what a
speech verb or a role is. The lemmatizer is not loaded, so verb forms
are spelled out here.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

# Speech verbs: base -> (3rd person, past, participle, -ing). Regular ones are derived.
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "read": ("reads", "read", "reading"),
    "go on": ("goes on", "went on", "going on"),
    "put it": ("puts it", "put it", "putting it"),
    "think": ("thinks", "thought", "thinking"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "testify": ("testifies", "testified", "testifying"),
    "reply": ("replies", "replied", "replying"),
    "deny": ("denies", "denied", "denying"),
    "cry": ("cries", "cried", "crying"),
    "quip": ("quips", "quipped", "quipping"),
    "admit": ("admits", "admitted", "admitting"),
    "chat": ("chats", "chatted", "chatting"),
    "post": ("posts", "posted", "posting"),
    "tweet": ("tweets", "tweeted", "tweeting"),
    "refer": ("refers", "referred", "referring"),
    "dub": ("dubs", "dubbed", "dubbing"),
    "agree": ("agrees", "agreed", "agreeing"),
    "disagree": ("disagrees", "disagreed", "disagreeing"),
    "guarantee": ("guarantees", "guaranteed", "guaranteeing"),
    "label": ("labels", "labeled", "labelled", "labeling", "labelling"),
}
_REGULAR = (
    "add warn note explain declare state claim argue insist ask respond answer continue conclude "
    "recall acknowledge announce report suggest predict promise pledge vow call describe shout chant "
    "scream yell exclaim joke complain concede boast caution urge demand emphasize emphasise stress "
    "observe remark comment mention counter retort reiterate repeat wonder muse whisper lament "
    "proclaim assert contend maintain allege accuse charge criticize criticise confirm estimate "
    "recount reveal insist add tell opine plead question challenge agree disagree object protest "
    "reason rule order direct instruct advise recommend propose offer pronounce characterize "
    "characterise brand term hail praise thank blame write sing cheer "
    "interject interrupt summarize summarise sum explain describe affirm reassure assure "
    "threaten vow guarantee predict forecast worry fear hope believe refer liken dismiss condemn "
    "denounce decry slam blast mock"
).split()
"""Regular speech verbs (base forms); inflections are derived below."""

SPEECH_NOUNS = frozenset(
    "statement interview remarks speech post tweet letter email e-mail op-ed column essay memo "
    "message release conference briefing address testimony blog video podcast broadcast".split()
)
"""Nouns of a speech act: "in a statement", "in an interview"."""


def _inflect(base: str) -> tuple[str, ...]:
    if base.endswith("e"):
        return (base + "s", base + "d", base[:-1] + "ing")
    if base.endswith("y") and base[-2] not in "aeiou":
        return (base[:-1] + "ies", base[:-1] + "ied", base + "ing")
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return (base + "es", base + "ed", base + "ing")
    return (base + "s", base + "ed", base + "ing")


def _verb_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for base, inflected in _IRREGULAR.items():
        forms[base] = base
        for form in inflected:
            forms[form] = base
    for base in _REGULAR:
        if base in forms:
            continue
        forms[base] = base
        for form in _inflect(base):
            forms.setdefault(form, base)
    return forms


SPEECH_VERB_FORMS: dict[str, str] = _verb_forms()
"""Every inflected form of a speech verb -> its base ("told" -> "tell")."""

STRONG_CUES = frozenset(
    "say tell add write note explain declare state claim argue insist ask reply respond answer "
    "continue conclude recall acknowledge announce report warn tweet post shout chant scream yell "
    "exclaim joke quip complain concede boast caution urge demand emphasize emphasise stress observe "
    "remark comment counter retort reiterate repeat wonder muse whisper lament proclaim assert contend "
    "allege testify admit recount reveal opine plead interject cry sing cheer read".split()
) | {"go on", "put it"}
"""Verbs that introduce a quote adjacent to them ("...," she added) on their own."""

INVERTING_CUES = frozenset(
    "say add write note explain declare state ask reply respond answer continue conclude recall "
    "acknowledge announce report warn tweet post shout exclaim joke quip complain concede boast "
    "caution urge stress observe remark comment counter retort reiterate muse whisper lament "
    "proclaim assert contend insist argue claim tell cry read".split()
)
"""Verbs that may stand before their subject after a quote ("...," said Smith)."""

PARTIAL_CUES = frozenset(
    "say tell write add warn claim argue insist note explain declare state call describe characterize "
    "characterise label brand dub term suggest predict promise pledge vow urge demand report announce "
    "acknowledge admit concede complain boast accuse charge allege assert contend maintain stress "
    "emphasize emphasise reiterate testify tweet post quip joke recall reveal confirm deny hail praise "
    "refer liken dismiss condemn denounce decry slam blast mock criticize criticise blame threaten "
    "guarantee proclaim observe remark opine counter retort lament caution promise".split()
)
"""Verbs that may govern a quote further on in their sentence (a partial quote: called it "a step")."""

FRAMING_CUES = frozenset("call describe characterize characterise label brand dub term hail".split())
"""Verbs that frame a short quote as a name for something (called it "a disgrace")."""

AUXILIARIES = frozenset(
    "has have had is was were are be been will would could can may might also then later again "
    "once previously earlier repeatedly recently further simply just only never often frequently "
    "reportedly allegedly told once still initially bluntly flatly angrily quietly publicly "
    "privately candidly succinctly".split()
)
"""Words that may stand between a subject and its speech verb ("she has also said")."""

PRONOUN_GENDER: dict[str, str] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}
SUBJECT_PRONOUNS = frozenset("he she they i we it you".split())

HONORIFIC_GENDER: dict[str, str] = {
    "mr": "m", "mr.": "m", "sir": "m", "mister": "m", "lord": "m", "king": "m", "prince": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "dame": "f",
    "lady": "f", "queen": "f", "princess": "f",
}
ROLE_GENDER: dict[str, str] = {
    "spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f",
    "congressman": "m", "congresswoman": "f", "businessman": "m", "businesswoman": "f",
    "husband": "m", "wife": "f", "father": "m", "mother": "f", "son": "m", "daughter": "f",
    "brother": "m", "sister": "f", "actor": "m", "actress": "f", "widow": "f", "widower": "m",
    "grandmother": "f", "grandfather": "m", "uncle": "m", "aunt": "f", "boyfriend": "m",
    "girlfriend": "f", "councilman": "m", "councilwoman": "f", "assemblyman": "m",
    "assemblywoman": "f", "anchorman": "m", "anchorwoman": "f", "policeman": "m",
    "policewoman": "f", "first lady": "f", "niece": "f", "nephew": "m",
}

TITLES = frozenset(
    "mr mrs ms miss dr sen senator rep representative gov governor president pres vice secretary "
    "gen general judge justice rev sir lord lady prof professor mayor chairman chairwoman chair "
    "spokesman spokeswoman spokesperson minister prime ambassador attorney speaker leader former "
    "candidate nominee king queen prince princess pope cardinal bishop envoy chancellor premier "
    "commissioner director chief deputy lt col capt sgt adm officer detective inspector sheriff "
    "councilman councilwoman congressman congresswoman assemblyman assemblywoman coach "
    "foreign defense defence interior finance state ministry department first lady dame st "
    "u.s us uk eu un nato white house democratic republican democrat gop".split()
)
"""Words of a title or role that go before a name ("Foreign Minister", "Sen.")."""

ROLE_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson spokespeople official officials source sources aide aides "
    "adviser advisers advisor advisors analyst analysts expert experts economist economists "
    "strategist strategists consultant consultants lawyer lawyers attorney attorneys diplomat "
    "diplomats minister ministry president leader leaders chairman chairwoman chair director "
    "executive executives secretary senator senators lawmaker lawmakers legislator legislators "
    "representative representatives governor mayor commander commanders general officer officers "
    "member members staffer staffers campaign committee administration government department "
    "agency office statement report police prosecutor prosecutors judge court witness witnesses "
    "resident residents voter voters supporter supporters critic critics observer observers "
    "organizer organizers organiser organisers researcher researchers scientist scientists "
    "professor historian author authors writer columnist reporter reporters correspondent editor "
    "candidate nominee ambassador envoy negotiator negotiators investigator investigators "
    "manager managers worker workers employee employees friend friends ally allies rival rivals "
    "insider insiders veteran veterans activist activists protester protesters person people man "
    "woman men women doctor doctors surgeon physician spokespersons team group party union "
    "council house chamber white kremlin pentagon ministry embassy military army fbi cia "
    "company firm bank network paper newspaper website memo study survey poll".split()
)
"""Heads of a speaker description ("a senior official", "the campaign")."""

OUTLET_WORDS = re.compile(
    r"\b(?:News|Times|Post|Journal|Press|Agency|Agence|Network|Television|TV|Radio|Magazine|"
    r"Daily|Herald|Tribune|Gazette|Wire|Telegraph|Guardian|Reuters|Bloomberg|Politico|Axios|"
    r"CNN|BBC|NBC|CBS|ABC|MSNBC|NPR|PBS|AP|AFP|UPI|Fox|Economist|Observer|Independent|Mirror|"
    r"Express|Chronicle|Globe|Sun|Star|Monitor|Review|Report|Reporter|Bulletin|Dispatch|"
    r"Interfax|TASS|Tass|Xinhua|RIA|Kyodo|Yonhap|dpa|DPA|Breitbart|HuffPost|BuzzFeed|Vox|"
    r"Atlantic|Newsweek|Slate|Salon|Hill|Inquirer|Courier|Sentinel|Register|Examiner)\b"
)
"""A name with one of these words is taken for a news outlet (a channel, not a speaker)."""


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Common given names -> "m" or "f" (reader/data/first_names.json; names borne by
    both are left out: no pronoun guess from them)."""
    try:
        raw = resources.files("reader").joinpath("data/first_names.json").read_text("utf-8")
        data = json.loads(raw)
    except (OSError, ValueError, FileNotFoundError):  # pragma: no cover - packaging error
        return {}
    table: dict[str, str] = {}
    for gender in ("m", "f"):
        for name in data.get(gender, []):
            table[name.lower()] = gender
    return table


def _alternation(words: set[str] | frozenset[str] | list[str]) -> str:
    """`w1|w2|...` longest first (a space matching any white space), grouped by the first letters."""
    return _grouped(sorted(words, key=len, reverse=True), 2)


def _escape(word: str) -> str:
    return re.escape(word).replace(r"\ ", r"\s+")


def _grouped(words: list[str], depth: int) -> str:
    """The alternation of `words` in this order, as `s(?:aid|ays)|t(?:old)`: the same matches, tried
    in the same order, but the engine skips a whole group when the text's next character differs
    (Python's engine tries every branch in turn: 551 speech verbs cost microseconds per position).
    Exact because two groups never both match a character (lower-case heads; even with IGNORECASE
    no character matches two different ASCII letters), and a group is only made when every word
    has that character, so no empty branch can match where a group would not."""
    if depth == 0 or len(words) < 4 or not all(words) or any(w[0] != w[0].lower() for w in words):
        return "|".join(_escape(w) for w in words)
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(_escape(head) + "(?:" + _grouped(rest, depth - 1) + ")" for head, rest in groups.items())


SPEECH_VERB_RE = _alternation(list(SPEECH_VERB_FORMS))
"""A regular-expression alternation of every speech-verb form (longest first)."""
