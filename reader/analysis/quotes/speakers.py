"""Resolve speaker mentions to people: names, pronouns, role descriptions.

A `PersonIndex` holds every person the text names (the person entities
given, plus names that speak in a speech clause), each mention's offset,
and a gender guess per person from honorifics (Mr, Ms), role words
(spokeswoman), a small list of first names and the pronoun history of the
text (a "she" right after a sentence that names one person only).

- a name resolves to the person with that name, else that surname (the
  most recently mentioned one when several share it: Anna / Tom Berg);
- "he"/"she" resolves to the most recent compatible person, preferring
  the subjects and speakers of the nearest sentences, never looking into
  quoted words;
- a definite description ("the spokeswoman", "the president") resolves to
  the person the text bound it to ("spokeswoman Maria Zakharova",
  "Smith, the president of ..."); an indefinite one ("a senior official")
  stays a description.
"""

from __future__ import annotations

import bisect
import re
from typing import Callable

from reader.analysis.quotes.lexicon import HONORIFIC_GENDER, PRONOUN_GENDER, ROLE_GENDER, TITLES, first_names
from reader.analysis.quotes.people import POSSESSIVE, Person, Resolved, name_key, name_words
from reader.model import Entity

_PRONOUN = re.compile(r"\b(?:he|she|him|his|her|hers|himself|herself)\b", re.I)
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord|King|Queen|Prince|Princess)\.?\s+$")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")
_FIRST_NAMES_BEFORE = re.compile(r"((?:[A-Z][a-z'’-]+\.?[ \u00a0]+){1,2})$")
_FIRST_LAST = re.compile(r"\b([A-Z][a-z]+)[ \u00a0]+((?:[A-Z]\.[ \u00a0]+)?[A-Z][a-z'’-]+[a-z])\b")
_CAP_WORD = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")
_HONORIFIC_PREFIX = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+")
_UNBOUND_HEADS = frozenset("campaign statement report company group administration government".split())
MAX_BACK = 2500
"""How far back (characters) a pronoun looks for its person."""

Mention4 = tuple[int, int, str, bool]
"""A person mention in the index: (start, end, person id, prominent)."""


class PersonIndex:
    """People of one body, their mentions (sorted by `finish`) and genders."""

    def __init__(self, body: str, entities: list[Entity], sentences: list[tuple[int, int]],
                 quoted: list[tuple[int, int]]) -> None:
        self.body = body
        self.people: dict[str, Person] = {}
        self.by_key: dict[str, list[str]] = {}
        self.mentions: list[Mention4] = []
        self.sentence_starts = [s for s, _ in sentences]
        self.quoted = quoted
        self.quoted_starts = [s for s, _ in quoted]
        self.others: dict[str, Entity] = {}
        for ent in entities:
            if ent.kind != "person":
                for form in (ent.name, *ent.aliases):
                    self.others.setdefault(form.lower(), ent)
                continue
            key = name_key(ent.name)
            if not key:
                continue
            self._new_person(ent.id, key, ent.name, ent.id)
            for mention in ent.mentions:
                if mention.kind in ("name", "alias"):
                    self.mentions.append((mention.start, mention.end, ent.id, False))
        self.mentions.sort()

    def _new_person(self, pid: str, key: str, name: str, entity_id: str | None) -> Person:
        person = Person(pid, key, name, entity_id)
        self.people[pid] = person
        self.by_key.setdefault(key, []).append(pid)
        return person

    # -- building ---------------------------------------------------------
    def find_person(self, text: str, pos: int) -> str | None:
        """The person a name stands for: full-name match, else the surname's most recent person."""
        ids = self.by_key.get(name_key(text), [])
        words = name_words(text)
        if len(words) > 1:
            # a full name picks its person; one that no known person carries is somebody else
            ids = [pid for pid in ids if words <= (other := name_words(self.people[pid].name)) or other <= words]
        if len(ids) <= 1:
            return ids[0] if ids else None
        exact = [pid for pid in ids if len(words) > 1 and words <= name_words(self.people[pid].name)]
        if len(exact) == 1:
            return exact[0]
        i = bisect.bisect_left(self.mentions, (pos, -1, "", False))
        for start, _, pid, _ in reversed(self.mentions[max(0, i - 200) : i]):
            if pid in ids:
                return pid
        return ids[0]

    def add_name(self, start: int, end: int, text: str, prominent: bool) -> str:
        """Record a name said to speak (a person even if no entity has it); return its person id."""
        key = name_key(text)
        if not key or (key not in self.by_key and self.other_entity(text) is not None):
            return ""
        clean = _HONORIFIC_PREFIX.sub("", text).strip()
        pid = self.find_person(text, start)
        if pid is None:
            pid = self._new_person(f"k:{key}:{len(self.people)}", key, clean, None).pid
        person = self.people[pid]
        if person.entity_id is None and len(clean) > len(person.name):
            person.name = clean
        bisect.insort(self.mentions, (start, end, pid, prominent))
        return pid

    def add_first_name_people(self) -> None:
        """Without entities: "Anna Berg" (a known first name and a capitalised word) is a person."""
        names = first_names()
        for match in _FIRST_LAST.finditer(self.body):
            if match.group(1).lower() in names and match.group(2).lower() not in TITLES:
                self.add_name(match.start(), match.end(), match.group(), False)

    def add_surface_mentions(self) -> None:
        """Every capitalised occurrence of a known surname is a mention (the tagger misses some);
        a surname two people share counts only with a first name before it."""
        forms: dict[str, str] = {}
        for key, ids in self.by_key.items():
            for pid in ids:
                words = [w for w in _NAME_WORD.findall(self.people[pid].name)
                         if POSSESSIVE.sub("", w).rstrip(".").lower() == key]
                if words:
                    forms[POSSESSIVE.sub("", words[-1]).rstrip(".")] = key
        known = {(s, pid) for s, _, pid, _ in self.mentions}
        names = first_names()
        added: list[Mention4] = []
        for match in _CAP_WORD.finditer(self.body):
            word = POSSESSIVE.sub("", match.group())
            key = forms.get(word)
            if key is None:
                continue
            start = match.start()
            longer = _FIRST_NAMES_BEFORE.search(self.body, max(0, start - 40), start)
            first = [w for w in longer.group(1).split() if w.lower().rstrip(".") not in TITLES] if longer else []
            pid = self._surface_person(key, first, word, start, names)
            if pid is None:
                continue
            person = self.people[pid]
            if person.entity_id is None and first and len(first) + 1 > len(person.name.split()):
                person.name = " ".join(first) + " " + word
            if any((s, pid) in known for s in range(max(0, start - 30), start + 1)):
                continue
            added.append((start, start + len(word), pid, False))
        self.mentions.extend(added)
        self.mentions.sort()

    def _surface_person(self, key: str, first: list[str], word: str, start: int, names: dict[str, str]) -> str | None:
        """Who a surname in the text is: by the capitalised words before it, else the only one with it."""
        ids = self.by_key[key]
        if first:
            pid = self.find_person(" ".join(first + [word]), start)
            if pid is not None:
                return pid
            lone = self.people[ids[0]]
            if len(ids) == 1 and lone.entity_id is None and len(lone.name.split()) == 1:
                return ids[0]  # a bare surname learns its first name
            if first[-1].lower() in names:
                return None  # somebody else with that surname
        return ids[0] if len(ids) == 1 else None

    def add_resolved(self, start: int, end: int, resolved: Resolved) -> None:
        """A pronoun or description resolved to a person is a prominent mention for the ones after it."""
        if resolved.person in self.people:
            bisect.insort(self.mentions, (start, end, resolved.person, True))

    def mark_subjects(self, is_subject: Callable[[int, int], bool]) -> None:
        """Flag the mentions that are a sentence's subject (prominent for pronouns)."""
        self.mentions = [(s, e, pid, p or is_subject(s, e)) for s, e, pid, p in self.mentions]

    def finish(self) -> None:
        """Sort the mentions and guess each person's gender."""
        self.mentions.sort()
        names = first_names()
        for person in self.people.values():
            words = person.name.split()
            if words and words[0].lower() in names and words[0].lower() != person.key:
                person.votes[names[words[0].lower()]] += 3.0
            if len(words) > 1 and words[-1].lower().endswith(("ova", "eva", "ina", "ska", "aya")):
                person.votes["f"] += 0.5
        for start, end, pid, _ in self.mentions:
            before = self.body[max(0, start - 40) : start]
            honorific = _HONORIFIC_BEFORE.search(before)
            if honorific:
                self.people[pid].votes[HONORIFIC_GENDER[honorific.group(1).lower()]] += 4.0
            for word in before.lower().split()[-3:] + self.body[end : end + 40].lower().split()[:4]:
                gender = ROLE_GENDER.get(word.strip(",."))
                if gender:
                    self.people[pid].votes[gender] += 2.0
        self._pronoun_history()

    def _pronoun_history(self) -> None:
        """A he/she outside quotes right after a sentence that names one person only votes for that person."""
        for match in _PRONOUN.finditer(self.body):
            pos = match.start()
            if self._in_quote(pos):
                continue
            sent = self._sentence_of(pos)
            floor = self.sentence_starts[sent - 1] if sent > 0 else 0
            ids = {pid for _, _, pid, _ in self._mentions_between(floor, pos)}
            if len(ids) == 1:
                self.people[ids.pop()].votes[PRONOUN_GENDER[match.group().lower()]] += 1.0

    # -- lookups ----------------------------------------------------------
    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quoted_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def _sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def _mentions_between(self, lo: int, hi: int) -> list[Mention4]:
        i = bisect.bisect_left(self.mentions, (lo, -1, "", False))
        j = bisect.bisect_left(self.mentions, (hi, -1, "", False))
        return [m for m in self.mentions[i:j] if not self._in_quote(m[0])]

    def _resolved(self, pid: str) -> Resolved:
        person = self.people[pid]
        return Resolved(person.entity_id, person.name, pid)

    def other_entity(self, text: str) -> Entity | None:
        """A non-person entity by one of its names ("AP", "the Associated Press")."""
        lower = text.lower()
        return self.others.get(lower) or self.others.get(re.sub(r"^the\s+", "", lower))

    def resolve_name(self, text: str, pos: int) -> Resolved:
        pid = self.find_person(text, pos)
        if pid is not None:
            return self._resolved(pid)
        ent = self.other_entity(text)
        return Resolved(ent.id, ent.name) if ent is not None else Resolved(None, text)

    def resolve_pronoun(self, pronoun: str, pos: int) -> Resolved | None:
        gender = PRONOUN_GENDER.get(pronoun.lower())
        if gender is None:
            return None
        here = self._sentence_of(pos)
        best: tuple[float, str] | None = None
        for start, _, pid, prominent in reversed(self._mentions_between(max(0, pos - MAX_BACK), pos)):
            known = self.people[pid].gender
            if known and known != gender:
                continue
            distance = here - self._sentence_of(start)
            score = distance + (0.0 if known else 0.8) + (0.0 if prominent else 1.5)
            if best is None or score < best[0]:
                best = (score, pid)
            if distance > 6:
                break
        return self._resolved(best[1]) if best is not None else None

    def resolve_description(self, text: str, pos: int) -> Resolved | None:
        """A definite role description ("the spokeswoman") bound to a name earlier in the text."""
        words = text.split()
        if len(words) < 2 or words[0].lower() not in ("the", "this", "that"):
            return None
        head = re.split(r"\s+(?:of|for|at|with|from|in)\s+", text, maxsplit=1)[0].split()[-1].lower()
        if head in _UNBOUND_HEADS:
            return None
        window_start = max(0, pos - 6000)
        window = self.body[window_start:pos]
        word = "(?i:" + re.escape(head) + ")"
        before = re.compile(r"\b" + word + r"\s+((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)")
        after = re.compile(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){0,3}),\s+(?:(?i:a|an|the|his|her)\s+)?"
                           r"(?:[\w-]+\s+){0,4}" + word + r"\b")
        found: tuple[int, str] | None = None
        for pattern in (before, after):
            for match in pattern.finditer(window):
                if found is None or match.start() > found[0]:
                    found = (match.start(), match.group(1))
        if found is None:
            return None
        pid = self.find_person(found[1], window_start + found[0])
        return self._resolved(pid) if pid is not None else Resolved(None, found[1])
