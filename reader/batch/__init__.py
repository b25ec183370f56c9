"""Batches: the record function every batch path runs, and the limits they share.

Public API (what `reader extract --jsonl`, `reader batch` and library code call):

- `process_record(record, options=RecordOptions()) -> dict`: a record
  `{"id", "html" | "text", "url"?, "date"?}` -> the `reader extract --format json`
  object with `"id"` first, or `{"id", "error"}`; never raises. The model is
  loaded once per process, on first use.
- `process_line(line, options)`: the same from one JSONL line (str or bytes).
- `RecordOptions(clean=True, analysis=True)`: `clean=False` analyses `text`
  exactly as given; `analysis=False` returns the document alone, without spaCy.
- `MAX_RECORD_BYTES` (20 MB) and `DEFAULT_TIME_BUDGET` (60 s), enforced by the
  worker processes (`reader.batch.runner.Runner`, `reader.batch.pool.LocalPool`,
  `reader.batch.dask_run.DaskExecutor`), never by `process_record` itself.
"""

from reader.batch.limits import DEFAULT_TIME_BUDGET, MAX_RECORD_BYTES
from reader.batch.record import (
           RecordOptions,
           error_result,
           process_line,
           process_record,
           result_line,
)

__all__ = ["DEFAULT_TIME_BUDGET", "MAX_RECORD_BYTES", "RecordOptions", "error_result", "process_line",
           "process_record", "result_line"]
