"""Adapter for `../shared/eval/wcxb_score.py`: `py:benchmarks.wcxb_adapter:extract` runs our cleaner in-process.

Run from the worktree root with PYTHONPATH=. ; returns {"body", "title", "author", "date"}.
"""

from __future__ import annotations

from reader.decode import decode


def extract(raw: bytes, url: str | None) -> dict[str, str | None]:
    from reader.clean import clean_text

    document = clean_text(decode(raw), url=url)
    author = document.byline or ", ".join(document.authors)
    return {"body": document.body, "title": document.title, "author": author, "date": document.published}
