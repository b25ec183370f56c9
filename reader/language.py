"""Which language an article is in: by script, then by stop words (data in `reader/data/stopwords.json`).

`detect_language(text)` returns an ISO 639-1 code or None when the text is
too short or too mixed to tell. Scripts decide first (Arabic, Persian,
Chinese, Japanese, Korean, Russian, Ukrainian, Greek, Hebrew, Hindi, Thai);
Latin-script and Cyrillic text is then scored by the share of its words that
are common function words of each language. The analysis is English-only,
so `english_only_error(language)` is the one line it reports otherwise.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "stopwords.json"

NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "sv": "Swedish", "pl": "Polish", "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian",
    "ar": "Arabic", "fa": "Persian", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "el": "Greek",
    "he": "Hebrew", "hi": "Hindi", "th": "Thai", "da": "Danish", "no": "Norwegian", "nb": "Norwegian",
    "fi": "Finnish", "cs": "Czech", "ro": "Romanian", "hu": "Hungarian", "ca": "Catalan", "id": "Indonesian",
}
UNKNOWN_CODES = {"", "und", "zxx", "mul", "mis", "x", "i"}
"""Language tags that say nothing: treated as English."""

SAMPLE_CHARS = 20_000
MIN_LETTERS = 40
MIN_STOP_HITS = 4
SCRIPT_SHARE = 0.3
"""A non-Latin script with at least this share of the letters decides the language."""
MARGIN = 1.25
"""The best stop-word score must beat the runner-up by this factor."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_PERSIAN = set("پچژگکی")
_UKRAINIAN = set("іїєґ")


@lru_cache(maxsize=1)
def stop_words() -> dict[str, frozenset[str]]:
    """The stop-word sets, loaded once."""
    with open(DATA, encoding="utf-8") as handle:
        raw = json.load(handle)
    return {code: frozenset(words) for code, words in raw.items()}


def _script(code: int) -> str:
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    if 0x400 <= code <= 0x52F:
        return "cyrillic"
    if 0x370 <= code <= 0x3FF or 0x1F00 <= code <= 0x1FFF:
        return "greek"
    if 0x590 <= code <= 0x5FF:
        return "hebrew"
    if 0x600 <= code <= 0x6FF or 0x750 <= code <= 0x77F or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return "arabic"
    if 0x900 <= code <= 0x97F:
        return "devanagari"
    if 0xE00 <= code <= 0xE7F:
        return "thai"
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9F:
        return "kana"
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF:
        return "han"
    return "other"


_LATIN_LETTERS = "".join(c for c in map(chr, (*range(0x250), *range(0x1E00, 0x1F00))) if c.isalpha())
_LATIN_CLASS = "".join(map(re.escape, _LATIN_LETTERS))
_LATIN_LETTER = re.compile(f"[{_LATIN_CLASS}]")
_LATIN_OR_ASCII = re.compile(f"[\x00-\x7f{_LATIN_CLASS}]+")


def _by_script(sample: str) -> tuple[str | None, int]:
    """(language decided by script or None, number of letters seen)."""
    latin = len(_LATIN_LETTER.findall(sample))  # the common case counted by the regex engine
    counts: dict[str, int] = {"latin": latin} if latin else {}
    letters = latin
    for char in _LATIN_OR_ASCII.sub("", sample):  # what is left: other scripts, punctuation beyond ASCII
        if char.isalpha():
            letters += 1
            script = _script(ord(char))
            counts[script] = counts.get(script, 0) + 1
    if letters < MIN_LETTERS // 4:
        return None, letters
    cjk = counts.get("han", 0) + counts.get("kana", 0)
    if cjk >= SCRIPT_SHARE * letters:
        return ("ja" if counts.get("kana", 0) >= 0.05 * cjk else "zh"), letters
    simple = {"hangul": "ko", "greek": "el", "hebrew": "he", "devanagari": "hi", "thai": "th"}
    for script, code in simple.items():
        if counts.get(script, 0) >= SCRIPT_SHARE * letters:
            return code, letters
    arabic = counts.get("arabic", 0)
    if arabic >= SCRIPT_SHARE * letters:
        persian = sum(1 for c in sample if c in _PERSIAN)
        return ("fa" if persian >= 0.02 * arabic else "ar"), letters
    cyrillic = counts.get("cyrillic", 0)
    if cyrillic >= SCRIPT_SHARE * letters:
        ukrainian = sum(1 for c in sample if c in _UKRAINIAN)
        return ("uk" if ukrainian >= 0.01 * cyrillic else "ru"), letters
    return None, letters


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of `text`'s language, or None when it cannot be told."""
    sample = text[:SAMPLE_CHARS]
    code, letters = _by_script(sample)
    if code is not None or letters < MIN_LETTERS:
        return code
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return None
    scores = sorted(((sum(1 for w in words if w in stops), lang) for lang, stops in stop_words().items()), reverse=True)
    (best, lang), (second, _) = scores[0], scores[1]
    if best < MIN_STOP_HITS or best < MARGIN * second or best < 0.08 * len(words):
        return None
    return lang


def normalise_code(value: str | None) -> str:
    """`en-GB`, `pt_BR`, `DE` -> `en`, `pt`, `de`; anything unusable -> `en`."""
    head = re.split(r"[-_\s]", (value or "").strip().lower(), maxsplit=1)[0]
    if head in UNKNOWN_CODES or not re.fullmatch(r"[a-z]{2,3}", head):
        return "en"
    return head


def is_english(language: str | None) -> bool:
    return normalise_code(language) == "en"


def language_name(code: str) -> str:
    return NAMES.get(normalise_code(code), "")


def english_only_error(language: str | None) -> str | None:
    """One line saying the analysis does not apply, or None for English text."""
    code = normalise_code(language)
    if code == "en":
        return None
    name = NAMES.get(code)
    where = f"{name} ({code})" if name else f"a language other than English ({code})"
    return f"the article is in {where}; the analysis is English-only"
