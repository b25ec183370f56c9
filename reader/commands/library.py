"""`reader library [list]` and `reader library open N`."""

from __future__ import annotations

import shutil
import sys

from reader.errors import ReaderError


def run_library(action: str, number: int | None) -> int:
    from reader.library import format_library, list_articles, reopen
    from reader.store import Store

    if action == "open":
        if number is None:
            raise ReaderError("which article? `reader library open N` (N from `reader library`)")
        with Store.open() as store:
            _article, document = reopen(store, number)
        from reader.ui.app import run_document

        return run_document(document)
    if number is not None:
        raise ReaderError("`reader library` lists; `reader library open N` opens article N")
    with Store.open() as store:
        rows = list_articles(store)
    sys.stdout.write(format_library(rows, width=shutil.get_terminal_size((100, 24)).columns) + "\n")
    return 0
