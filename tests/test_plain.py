"""`reader.plain`: the JSON dicts are exactly what `dataclasses.asdict` made, only built faster."""

from __future__ import annotations

from collections import namedtuple
from dataclasses import asdict, dataclass, field
from typing import Any

from reader.plain import plain

Pair = namedtuple("Pair", "a b")


@dataclass
class _Inner:
    name: str
    spans: tuple[int, int] = (1, 2)


@dataclass
class _Outer:
    items: list[_Inner] = field(default_factory=list)
    table: dict[str, Any] = field(default_factory=dict)
    pair: Pair = field(default_factory=lambda: Pair(1, [2, 3]))
    ratio: float = 0.5
    flag: bool = True
    missing: None = None
    nested: list[list[tuple[int, ...]]] = field(default_factory=list)


def test_plain_is_asdict():
    value = _Outer([_Inner("a"), _Inner("b", (3, 4))], {"k": [_Inner("c")], "n": {"deep": (5,)}},
                   nested=[[(1, 2), ()], []])
    assert plain(value) == asdict(value)
    assert type(plain(value)["pair"]) is Pair and type(plain(value)["items"][1]["spans"]) is tuple


def test_an_analysis_and_its_document_convert_as_asdict_did(reference_document, reference_analysis):
    assert reference_document.to_dict() == asdict(reference_document)
    expected = asdict(reference_analysis)
    for key in ("_index", "sentences"):
        expected.pop(key, None)
    for ent, data in zip(reference_analysis.entities, expected["entities"]):
        data["count"], data["first"] = ent.count, ent.first
    got = reference_analysis.to_dict()
    assert got == expected and list(got) == list(expected)
    assert got["quotes"] and got["entities"] and got["timeline"]
