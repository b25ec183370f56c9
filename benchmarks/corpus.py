"""Long test articles for the benchmarks, built from the sample articles' own paragraphs."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reader.model import Document

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"


@lru_cache(maxsize=1)
def sample_paragraphs() -> tuple[str, ...]:
    from reader.load import load_document

    paragraphs: list[str] = []
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix not in (".txt", ".html"):
            continue
        try:
            document = load_document(str(path))
        except Exception:
            continue
        paragraphs += [document.block_text(b) for b in document.blocks if b.kind != "heading"]
    return tuple(paragraphs)


def long_article(words: int) -> Document:
    """About `words` words of real-looking news paragraphs, with a heading every 15 paragraphs."""
    paragraphs = sample_paragraphs()
    parts: list[tuple[str, str, int]] = []
    count = 0
    i = 0
    while count < words:
        if i % 15 == 0:
            parts.append(("heading", f"Part {i // 15 + 1}", 2))
        text = paragraphs[i % len(paragraphs)]
        parts.append(("paragraph", text, 0))
        count += len(text.split())
        i += 1
    return Document.from_blocks(parts, title="A very long article", published="2026-01-09", origin="benchmark")


def long_text(words: int) -> str:
    """The same as plain text, as a person would paste it."""
    document = long_article(words)
    return document.title + "\n\n" + document.body + "\n"
