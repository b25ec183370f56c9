"""Text pieces of the Markdown export: escaping untrusted text, YAML scalars, link URLs.

Article text is untrusted and must render as the words it is on GitHub
(GFM) and in Obsidian, never as markup. `escape_text` therefore:
- removes escape sequences and control characters (`reader.sanitize`),
- backslash-escapes what is markup anywhere in a line: \\ ` * [ ] < | ~ $ ^ #
  (CommonMark code, emphasis, links, HTML, GFM tables and strikethrough,
  GitHub/Obsidian math, Obsidian block ids, tags and footnotes), `_` unless
  inside a word, `&` before an entity name, `=` in `==` (Obsidian
  highlight), `%` in `%%` (Obsidian comment),
- and what is markup only at a line start: `-`, `+`, `=`, `>` and `1.`/`1)`
  (lists, setext/thematic lines, block quotes),
- keeps a line break inside a block as a hard break (`\\` at the line end).
Every escaped character is ASCII punctuation, so the backslash is always
consumed by the renderer (CommonMark 2.4) and the visible text is unchanged.
"""

from __future__ import annotations

from typing import Literal

import json
import re
from urllib.parse import quote

from reader.sanitize import clean_block, clean_line, escape_json_text
from reader.urls import is_web_url

_ALWAYS = re.compile(r"[\\`*\[\]<|~$^#]")
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
"""An underscore not between two letters/digits (intraword `_` is never emphasis)."""
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_DOUBLE = re.compile(r"(?<=[=%])([=%])")
_LINE_START = re.compile(r"^([-+=>])|^(\d{1,9})([.)])(?=\s|$)")
_BLANKS = re.compile(r"\n\s*\n+")
_SPACES = re.compile(r"[ \t\u00a0]+")
_SURROGATE_OR_NONCHAR = re.compile("[\ud800-\udfff\ufffe\uffff\ufeff]")


def scrub(text: str) -> str:
    """Remove what cannot be written as UTF-8 or is invisible trouble (lone surrogates, BOM)."""
    return _SURROGATE_OR_NONCHAR.sub("", text)


def escape_line(line: str) -> str:
    """One line of untrusted text as literal Markdown inline content."""
    line = _SPACES.sub(" ", line).strip()
    line = _ALWAYS.sub(lambda m: "\\" + m.group(), line)
    line = _UNDERSCORE.sub(r"\\_", line)
    line = _ENTITY.sub(r"\\&", line)
    if "==" in line or "%%" in line:  # "==" -> "=\=", "%%" -> "%\%"
        line = _DOUBLE.sub(r"\\\1", line)
    return _LINE_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), line)


def escape_text(text: str, *, hard_breaks: bool = True) -> str:
    """Untrusted text (one block) as Markdown; inner newlines become hard breaks (or spaces)."""
    text = scrub(clean_block(text))
    lines = [escape_line(line) for line in _BLANKS.sub("\n", text).split("\n")]
    lines = [line for line in lines if line]
    return ("\\\n" if hard_breaks else " ").join(lines)


def escape_inline(text: str) -> str:
    """Untrusted one-line text (a name, a title) as Markdown inline content."""
    return escape_line(scrub(clean_line(text)))


def quote_block(markdown: str) -> str:
    """Prefix every line of `markdown` with "> " (blank lines with ">")."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in markdown.split("\n"))


def yaml_string(value: str | None) -> str:
    """A double-quoted YAML scalar (also a JSON string) holding `value` as one clean line."""
    text = scrub(clean_line(value or ""))
    dumped = escape_json_text(json.dumps(text, ensure_ascii=False))
    # `<` and `>` as \u escapes: the same value, and never raw HTML where front matter is shown as Markdown.
    return dumped.replace("<", "\\u003c").replace(">", "\\u003e")


def yaml_list(values: list[str]) -> str:
    """A YAML flow sequence of double-quoted strings (also a JSON array)."""
    return "[" + ", ".join(yaml_string(v) for v in values if clean_line(v or "")) + "]"


_URL_SAFE = ":/?#[]@!$&'*+,;=%~-._"


def safe_url(url: str | None) -> str | None:
    """`url` fit for a Markdown link destination, or None unless it is http or https.

    Spaces, parentheses, angle brackets, quotes and non-ASCII characters are
    percent-encoded, so the destination can never end early or carry markup.
    """
    text = scrub(clean_line(url or ""))
    if not text or len(text) > 4096:
        return None
    if not is_web_url(text):
        return None
    return quote(text, safe=_URL_SAFE)


def link(text: str, url: str | None) -> str:
    """`[text](url)` with `text` escaped, or just the escaped text when the URL is not safe."""
    label = escape_inline(text) or escape_inline(url or "")
    target = safe_url(url)
    return f"[{label}]({target})" if target else label


Target = Literal["github", "obsidian"]
TARGETS: tuple[Target, ...] = ("github", "obsidian")


def paragraph_link(number: int, target: Target) -> str:
    """`[¶ 12](#p12)` (GitHub: an HTML anchor) or `[¶ 12](#^p12)` (Obsidian: a block id)."""
    return f"[¶ {number}](#{'^' if target == 'obsidian' else ''}p{number})"


def clean_end(text: str) -> str:
    """A highlight or quote without the comma, semicolon or colon of the sentence around it."""
    return text.rstrip().rstrip(",;:").rstrip()
