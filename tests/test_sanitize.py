"""Terminal safety: escape sequences, control and bidi characters never get through."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from reader.export.json import dumps
from reader.sanitize import clean_block, clean_line, has_unsafe

NASTY = [
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\x1b]0;title\x07",
    "\x9b2J",
    "\x1bPdevice\x1b\\",
    "a\u202eevil\u202cb",
    "bell\x07 and null\x00",
    "\x85next line\x9c",
]


def test_known_sequences_are_removed():
    assert clean_line("\x1b[31mred\x1b[0m") == "red"
    assert clean_line("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\") == "link"
    assert clean_line("\x1b]0;title\x07after") == "after"
    assert clean_line("a\u202eevil\u202cb") == "aevilb"
    assert clean_block("one\r\ntwo\tthree") == "one\ntwo three"
    assert clean_block("one\r\ntwo\tthree\x1b[1m\rfour\x0c") == "one\ntwo three\nfour"  # the slow path alike


@given(st.lists(st.sampled_from(NASTY) | st.text(), max_size=8).map("".join))
def test_nothing_unsafe_survives(text):
    for cleaned in (clean_line(text), clean_block(text)):
        assert not has_unsafe(cleaned)
        assert "\x1b" not in cleaned
        assert not any(0x80 <= ord(c) <= 0x9F for c in cleaned)


@given(st.text())
def test_json_output_is_exact_and_safe(text):
    dumped = dumps({"t": text})
    assert json.loads(dumped) == {"t": text}
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in "\u202e\u2028" for c in dumped)
