"""Word lists for the entity layer: the shipped gazetteer, role and title words,
organisation and place head words, boilerplate and credit shapes.

All lists are small and general (they hold for any English news text); the
gazetteer (`reader/data/gazetteer.json`) is evidence for an entity's kind,
never the only evidence.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DETERMINERS = _words("the a an this that these those")
"""Trimmed from the front of a name span ("the Associated Press" -> "Associated Press")."""

HONORIFICS = _words("mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady prof prof. mister madam")
"""Courtesy titles: trimmed from a person's name, not kept as a role."""

ROLE_WORDS = _words(
    "president vice-president premier chancellor minister secretary spokesman spokeswoman "
    "spokesperson envoy ambassador diplomat king queen prince princess emperor pope cardinal "
    "archbishop bishop rabbi imam cleric sheikh general gen. colonel col. major-general commander "
    "admiral captain lieutenant sergeant chief head director chairman chairwoman chair ceo "
    "executive founder owner governor mayor senator sen. congressman congresswoman representative "
    "rep. lawmaker legislator mp judge justice prosecutor attorney lawyer official officer adviser "
    "advisor aide analyst economist strategist professor researcher scientist leader deputy "
    "negotiator commissioner inspector detective sheriff candidate nominee challenger incumbent "
    "dictator monarch regent coach manager striker midfielder defender goalkeeper keeper forward "
    "winger fullback full-back sweeper playmaker captain batsman bowler opener pitcher quarterback "
    "driver rider jockey trainer skipper champion player veteran striker correspondent reporter "
    "editor columnist author writer actor actress singer director-general secretary-general "
    "president-elect chief-of-staff treasurer"
)
"""Head words of a role or title ("Foreign Ministry spokeswoman", "US envoy", "Defender")."""

ROLE_MODIFIERS = _words(
    "foreign defence defense interior finance economy economic trade justice health education "
    "prime vice deputy former acting interim chief senior junior assistant general state federal "
    "national regional party opposition top veteran then new outgoing incoming first lady "
    "special presidential executive managing associate attorney us u.s. uk un eu nato white house "
    "minister ministry department office agency commission council team club central "
    "of for the and"
)
"""Lower-case words that may sit inside a role phrase before its head word."""

ORG_HEADS = _words(
    "inc inc. corp corp. corporation ltd ltd. co co. llc plc ag sa nv bv gmbh spa ab oy asa "
    "group holdings holding bank banks airways airlines airline ministry party university college "
    "institute council agency association federation union committee commission club fc afc "
    "foundation society company fund board court parliament assembly army navy police service "
    "services news times post journal press herald tribune gazette reserve exchange organization "
    "organisation league department office authority bureau church front movement alliance "
    "coalition brewery breweries motors industries systems technologies capital securities markets "
    "partners insurance energy petroleum oil telecom communications media network networks "
    "broadcasting studios pharmaceuticals laboratories railways railway trust "
    "cabinet government administration senate congress secretariat tribunal "
    "academy school hospital museum orchestra band"
)
"""Last words that make a name an organisation ("Harlow Brewery", "Office of Rail Standards")."""

PLACE_HEADS = _words(
    "river sea ocean lake mountain mountains mount island islands peninsula valley province region "
    "oblast district county state states territory street avenue road square airport bridge canal "
    "strait gulf bay coast desert plain plains heights hills forest park harbour harbor port city "
    "town village republic kingdom emirates oval stadium arena"
)
"""Last words that make a name a place ("Kelvin Oval", "Zaporizhia region")."""

SPORT_TEAM_WORDS = _words("united city rovers wanderers athletic albion county town fc afc sc")
"""Club name words that turn a place name into a team ("Ashbury County"); used with table evidence."""

FUNCTION_WORDS = _words(
    "of the and in on at to for a an by with from as v vs vs. or but is are was were be been has "
    "have had after before over under into up down out off not no its it his her their our my "
    "than then that this these those who which what when where why how will would can could may "
    "might shall should do does did get gets got into onto per via amid against between"
)
"""Words that stay lower case when an all-caps line is re-cased."""

BOILERPLATE_WORDS = _words(
    "homepage home advertisement advertising ads sponsored subscribe newsletter share tweet "
    "comments comment related menu cookie cookies login log sign signup register print email "
    "whatsapp facebook twitter linkedin pinterest"
)
"""A span starting with one of these (in any case) is page furniture, not an entity."""

CREDIT_CUE = re.compile(
    r"(?:\b(?:photo|photograph|picture|image|credit|illustration|video)s?\s*(?::|\bby)|"
    r"\b(?:ads|ad|sponsored|powered|presented)\s+by|\bcopyright|©)\s*$",
    re.IGNORECASE,
)
"""Text right before a span that makes it a credit ("Photo:", "Picture by", "Ads by", "©")."""

CREDIT_SHAPE = re.compile(r"/|\.com\b|\.net\b|\.org\b|©|\bhttps?:|www\.|@", re.IGNORECASE)
"""A span of this shape is an image credit or an address, never an entity."""

NAME_PARTICLES = _words("de da di del della der den van von le la du dos das bin ibn al el abu ben y mc")
"""Lower-case words that may sit inside a person's or club's name ("Van der Hoek")."""


NOT_NAMES = _words(
    "gmt utc bst est edt cst cdt pst pdt cet cest am pm a.m. p.m. ceo cfo coo tv dvd pc ok ii iii iv "
    "jr jr. sr sr. esq esq. "
    "mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec"
)
"""Capitalised tokens that are never names on their own (time zones, abbreviations)."""

CORPORATE_SUFFIXES = _words(
    "inc inc. corp corp. corporation co co. ltd ltd. llc plc ag sa nv bv gmbh spa ab asa oy "
    "group holdings holding company companies cos cos."
)
"""Last words of a company's full name; the words before them are its short name."""


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Curated names by kind (keys are case-folded)."""

    countries: frozenset[str]
    places: frozenset[str]
    organisations: frozenset[str]
    demonyms: frozenset[str]
    forms: dict[str, str]
    """Every listed name as written -> its kind ("Japan" -> "place")."""

    def kind_of(self, name: str) -> str | None:
        key = name.casefold()
        if key in self.demonyms:
            return "group"
        if key in self.countries or key in self.places:
            return "place"
        if key in self.organisations:
            return "organisation"
        return None

    def is_country(self, name: str) -> bool:
        return name.casefold() in self.countries


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load `reader/data/gazetteer.json` once."""
    try:
        raw = resources.files("reader").joinpath("data/gazetteer.json").read_text("utf-8")
        data = json.loads(raw)
    except (OSError, ValueError):  # pragma: no cover - packaging error
        data = {}

    def keys(name: str) -> frozenset[str]:
        return frozenset(str(x).casefold() for x in data.get(name, []))

    forms: dict[str, str] = {}
    for name, kind in (("demonyms", "group"), ("organisations", "organisation"), ("places", "place"), ("countries", "place")):
        for value in data.get(name, []):
            forms[str(value)] = kind
    return Gazetteer(keys("countries"), keys("places"), keys("organisations"), keys("demonyms"), forms)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Common given names (case-folded): the gazetteer's list across languages and
    `reader/data/first_names.json` (many countries' name statistics, see its "_about")."""
    names: set[str] = set()
    for path, keys in (("data/gazetteer.json", ("given_names",)), ("data/first_names.json", ("m", "f", "either"))):
        try:
            data = json.loads(resources.files("reader").joinpath(path).read_text("utf-8"))
        except (OSError, ValueError):  # pragma: no cover - packaging error
            continue
        for key in keys:
            names.update(str(x).casefold() for x in data.get(key, []))
    return frozenset(names)
