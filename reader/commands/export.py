"""`reader export SOURCE [-o FILE] [--force]`: the article, its analysis and your notes as Markdown."""

from __future__ import annotations

import sys

from reader.sanitize import clean_line


def run_export(
    source: str, output: str | None, *, force: bool = False, published: str | None = None, obsidian: bool = False
) -> int:
    from reader.analysis.pipeline import analyse
    from reader.export.files import export_markdown
    from reader.library import notes_for, remembered
    from reader.load import load_document

    document = remembered(load_document(source, published=published))
    target = "obsidian" if obsidian else "github"
    path = export_markdown(document, analyse(document), notes_for(document), output, force, target=target)
    print(clean_line(str(path)), file=sys.stdout)
    return 0
