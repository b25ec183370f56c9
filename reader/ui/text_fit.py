"""Fitting untrusted text into a pane line: one line, cut at a word."""

from __future__ import annotations


def clip(text: str, limit: int) -> str:
    """`text` on one line, cut at a word near `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"
