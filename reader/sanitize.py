"""Neutralise what untrusted text could do to a terminal or a file.

Article text, titles, metadata, URLs and notes pass through `clean_line` /
`clean_block` before they reach the screen or an export: ANSI/CSI/OSC/DCS
escape sequences are removed whole, other C0 and C1 control characters,
bidirectional overrides, lone surrogates and U+FFFE/U+FFFF are dropped (tab becomes a space, newlines stay only
where a block allows them). JSON output keeps the exact data but escapes the
same characters (`escape_json_text`).
"""

from __future__ import annotations

import re

_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]            # CSI ... final byte
  | \x9b[0-?]*[ -/]*[@-~]              # 8-bit CSI
  | \x1b[\]PX^_][^\x07\x1b\x90\x98\x9c-\x9f]*(?:\x07|\x1b\\|\x9c) # OSC / DCS / SOS / PM / APC ... terminator
  | [\x9d\x90\x98\x9e\x9f][^\x07\x1b\x90\x98\x9c-\x9f]*(?:\x07|\x1b\\|\x9c)  # 8-bit OSC / DCS / SOS / PM / APC
  | \x1b[ -/]*[0-~]?                   # other ESC sequences (and a lone ESC)
    """,
    re.VERBOSE | re.DOTALL,
)
"""A string payload stops at the first BEL, ESC or ST (an ESC inside one starts a new sequence, as in
xterm), so an unterminated sequence costs one scan to the next ESC, never one to the end of the text."""
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_NONCHARACTERS = "\ud800-\udfff\ufffe\uffff"
"""Lone surrogates and the two BMP noncharacters: not text, and not storable in XML (lxml refuses them)."""
_CONTROL_KEEP_NEWLINES = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + _BIDI + _NONCHARACTERS + "]")
_CONTROL_ALL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f" + _NONCHARACTERS + "]")
_BIDI_ONLY = re.compile("[" + _BIDI + "]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f" + _BIDI + "\u2028\u2029]")
_ESCAPE_START = re.compile("[\x1b\x90-\x9f]")
_SCREEN_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f" + _BIDI + "]")


def strip_escapes(text: str) -> str:
    """Remove terminal escape sequences whole (their parameters too)."""
    if not _ESCAPE_START.search(text):
        return text
    return _ESCAPE_SEQUENCE.sub("", text)


def clean_block(text: str) -> str:
    """Text that may keep its newlines: escapes and control characters removed, tabs to spaces."""
    if not _CONTROL_KEEP_NEWLINES.search(text):  # no ESC, no C1 and nothing to drop: one scan, not three
        return text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n")
    text = strip_escapes(text).replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_KEEP_NEWLINES.sub("", text)


def clean_line(text: str) -> str:
    """A one-line field (title, name, URL): no control characters at all, white space folded."""
    text = _BIDI_ONLY.sub("", strip_escapes(text))
    text = _CONTROL_ALL.sub(" ", text.replace("\t", " "))
    return " ".join(text.split())


def screen_safe(text: str) -> str:
    """Control and bidi characters replaced with spaces, one for one (body offsets stay valid on screen)."""
    return _SCREEN_UNSAFE.sub(" ", text) if _SCREEN_UNSAFE.search(text) else text


def has_unsafe(text: str) -> bool:
    """True when `text` holds anything `clean_block` would remove."""
    return bool(_CONTROL_KEEP_NEWLINES.search(text)) or "\x1b" in text


def escape_json_text(dumped: str) -> str:
    """Escape C1 controls, DEL, bidi controls and line separators in JSON text (still the same data)."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
