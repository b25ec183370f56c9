"""`reader extract`: one article to text, JSON or Markdown; or a JSONL batch."""

from __future__ import annotations

import sys
from typing import IO, Any

from reader.batch.record import document_from_text  # noqa: F401  (its home before reader.batch)


def run_single(source: str, fmt: str, out: IO[str], *, published: str | None = None, analysis: bool = True) -> int:
    """One article to `fmt`; with `analysis=False` the document alone (spaCy is never imported)."""
    from reader.language import english_only_error
    from reader.load import load_document

    document = load_document(source, published=published)
    not_english = english_only_error(document.language)
    if fmt == "text" or not analysis:
        if fmt == "text":
            out.write(document.body + "\n")
        elif fmt == "json":
            from reader.export.json import dumps, result_dict

            out.write(dumps(result_dict(document, None), indent=2) + "\n")
        else:
            from reader.export.markdown import to_markdown

            out.write(to_markdown(document, None))
        if not_english:
            print(f"reader: warning: {not_english}", file=sys.stderr)
        return 0
    from reader.analysis.pipeline import analyse

    result = analyse(document)
    if not_english:
        print(f"reader: warning: {not_english}", file=sys.stderr)
    elif not result.entities_available:
        print(f"reader: warning: entities unavailable: {'; '.join(result.errors)}", file=sys.stderr)
    if result.entities_available and result.errors:
        print(f"reader: warning: {'; '.join(result.errors)}", file=sys.stderr)
    if fmt == "json":
        from reader.export.json import dumps, result_dict

        out.write(dumps(result_dict(document, result), indent=2) + "\n")
    else:
        from reader.export.markdown import to_markdown

        out.write(to_markdown(document, result))
    return 0


def process_record(line: str, clean: bool, analysis: bool = True) -> dict[str, Any]:
    """One JSONL input line -> one output object (never raises); see `reader.batch.process_record`."""
    from reader.batch.record import RecordOptions, process_line

    return process_line(line, RecordOptions(clean=clean, analysis=analysis))


def run_jsonl(inp: IO[str] | IO[bytes], out: IO[str], *, clean: bool = True, jobs: int = 1,
              analysis: bool = True, budget: float | None = None) -> int:
    """Read JSON lines, write one JSON line per input, in order.

    Every record runs in a worker process (`reader.batch.LocalPool`): at most
    `jobs` of them, capped at the cores and started only as records arrive;
    a line over `MAX_RECORD_BYTES` or a record past the time budget yields
    `{"id", "error"}` and the batch goes on.
    """
    from reader.batch.limits import DEFAULT_TIME_BUDGET
    from reader.batch.lines import Oversize, iter_lines
    from reader.batch.pool import LocalPool
    from reader.batch.record import RecordOptions, result_line

    pool = LocalPool(RecordOptions(clean=clean, analysis=analysis), jobs,
                     DEFAULT_TIME_BUDGET if budget is None else budget)
    for result in pool.map(iter_lines(getattr(inp, "buffer", inp))):
        if isinstance(result, Oversize):
            result = result_line(result.result())
        out.write(result + "\n")
        out.flush()
    return 0
