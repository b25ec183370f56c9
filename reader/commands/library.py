"""`reader library [list]` and `reader library open ID`."""

from __future__ import annotations

import shutil
import sys

from reader.errors import ReaderError


def run_library(action: str, article_id: int | None) -> int:
    from reader.library import format_library, list_articles, reopen
    from reader.store import Store

    if action == "open":
        if article_id is None:
            raise ReaderError("which article? `reader library open ID` (the ID from `reader library`)")
        with Store.open() as store:
            _article, document = reopen(store, article_id)
        from reader.ui.app import run_document

        return run_document(document)
    if article_id is not None:
        raise ReaderError("`reader library` lists; `reader library open ID` opens the article with that ID")
    with Store.open() as store:
        rows = list_articles(store)
    sys.stdout.write(format_library(rows, width=shutil.get_terminal_size((100, 24)).columns) + "\n")
    return 0
