"""`reader batch INPUT... --out DIR`: JSONL files and directories of pages -> partitioned JSONL.

One output part per input part (`DIR/<name>.jsonl`, renamed into place only
when complete, so a rerun skips finished parts), `DIR/_summary.json` updated
after every part, and one summary line on stderr. Records run through the same
`reader.batch.process_record` as `reader extract --jsonl`, on a local process
pool or a Dask cluster.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.batch.limits import DEFAULT_TIME_BUDGET, cap_jobs
from reader.batch.lines import Oversize
from reader.batch.parts import Part, count_records, discover, records
from reader.batch.progress import make_progress
from reader.batch.record import RecordOptions, result_line
from reader.errors import ReaderError

SUMMARY = "_summary.json"


@dataclass(slots=True)
class _Start:
    part: Part


@dataclass(slots=True)
class _End:
    part: Part


@dataclass(slots=True)
class _Stats:
    records: int = 0
    errors: int = 0
    seconds: float = 0.0
    parts: dict[str, dict[str, Any]] = field(default_factory=dict)


def is_error(line: str) -> bool:
    """Whether an output line is `{"id", "error"}` (error lines are short; only those are parsed)."""
    if len(line) > 100_000 or '"error": ' not in line:
        return False
    try:
        return set(json.loads(line)) == {"id", "error"}
    except ValueError:
        return False


def _write_json(path: Path, data: Any) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _previous(out_dir: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads((out_dir / SUMMARY).read_text(encoding="utf-8"))
        return {p["output"]: p for p in data.get("parts", []) if isinstance(p, dict) and "output" in p}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def _stats_from_file(part: Part, output: Path) -> dict[str, Any]:
    """A finished part's counts read back from its output (when the summary does not have them)."""
    records = errors = 0
    with open(output, encoding="utf-8", errors="replace") as stream:
        for line in stream:
            records += 1
            errors += is_error(line.rstrip("\n"))
    return {"input": str(part.source), "output": output.name, "records": records, "errors": errors}


def _executor(args: Any, options: RecordOptions, budget: float, total: Callable[[], int]):
    """The scheduler; the local pool starts its processes as records come, so it needs no count."""
    if args.scheduler == "local":
        from reader.batch.pool import LocalPool

        return LocalPool(options, cap_jobs(args.jobs), budget)
    if args.scheduler == "dask-local" or args.scheduler.startswith("tcp://"):
        from reader.batch.dask_run import DaskExecutor

        workers = cap_jobs(args.jobs, total()) if args.scheduler == "dask-local" else None
        return DaskExecutor(args.scheduler, options, workers, budget)
    raise ReaderError(f"unknown scheduler {args.scheduler!r}: use local, dask-local or tcp://HOST:PORT")


def _items(todo: list[Part], clean: bool) -> Iterator[Any]:
    for part in todo:
        yield _Start(part)
        yield from records(part, clean=clean)
        yield _End(part)


def run_batch(args: Any) -> int:
    began = time.monotonic()
    out_dir = Path(args.out)
    if out_dir.exists() and not out_dir.is_dir():
        raise ReaderError(f"--out {out_dir} is not a directory")
    parts = discover(args.inputs)
    out_dir.mkdir(parents=True, exist_ok=True)
    options = RecordOptions(clean=not args.no_clean, analysis=not args.no_analysis)
    budget = DEFAULT_TIME_BUDGET if args.time_budget is None else args.time_budget
    previous = _previous(out_dir)
    stats = _Stats()
    todo = []
    for part in parts:
        output = part.output(out_dir)
        if output.exists():
            known = previous.get(output.name) or _stats_from_file(part, output)
            stats.parts[output.name] = {**known, "skipped": True}
        else:
            todo.append(part)
    counted: list[int] = []

    def total() -> int:  # a quick pass over the inputs, only when a count is needed
        if not counted:
            counted.append(sum(count_records(part) for part in todo))
        return counted[0]

    progress = make_progress(total)
    summary = {"scheduler": args.scheduler, "parts": []}
    if todo:
        executor = _executor(args, options, budget, total)
        try:
            _run(executor, todo, out_dir, options, stats, progress, summary, began)
        finally:
            executor.close()
            progress.close()
    stats.seconds = time.monotonic() - began
    _write_json(out_dir / SUMMARY, _summary(stats, summary, parts, out_dir))
    rate = stats.records / stats.seconds if stats.seconds > 0 else 0.0
    skipped = len(parts) - len(todo)
    print(f"reader: batch: {stats.records} records, {stats.errors} errors, {stats.seconds:.1f} s "
          f"({rate:.1f} records/s), {len(todo)} parts written"
          + (f", {skipped} already complete" if skipped else "") + f" -> {out_dir}", file=sys.stderr)
    return 0


def _summary(stats: _Stats, summary: dict[str, Any], parts: list[Part], out_dir: Path) -> dict[str, Any]:
    """Totals over every part of these inputs (finished earlier ones included); `seconds` is this run's."""
    ordered = [stats.parts[p.output(out_dir).name] for p in parts if p.output(out_dir).name in stats.parts]
    return {"records": sum(p.get("records", 0) for p in ordered), "errors": sum(p.get("errors", 0) for p in ordered),
            "seconds": round(stats.seconds, 3), "records_this_run": stats.records,
            "scheduler": summary["scheduler"], "parts": ordered}


def _run(executor: Any, todo: list[Part], out_dir: Path, options: RecordOptions, stats: _Stats,
         progress: Any, summary: dict[str, Any], began: float) -> None:
    stream = None
    tmp = None
    part_stats = {"records": 0, "errors": 0, "began": 0.0}
    parts = [p for p in todo]
    for item in executor.map(_items(todo, options.clean)):
        if isinstance(item, _Start):
            tmp = out_dir / f".{item.part.name}.jsonl.tmp"
            stream = open(tmp, "w", encoding="utf-8")
            part_stats = {"records": 0, "errors": 0, "began": time.monotonic()}
            continue
        if isinstance(item, _End):
            assert stream is not None and tmp is not None
            stream.flush()
            os.fsync(stream.fileno())
            stream.close()
            output = item.part.output(out_dir)
            os.replace(tmp, output)
            stats.parts[output.name] = {"input": str(item.part.source), "output": output.name,
                                        "records": part_stats["records"], "errors": part_stats["errors"],
                                        "seconds": round(time.monotonic() - part_stats["began"], 3)}
            stats.seconds = time.monotonic() - began
            _write_json(out_dir / SUMMARY, _summary(stats, summary, parts, out_dir))
            continue
        if isinstance(item, Oversize):
            line, error = result_line(item.result()), True
        elif isinstance(item, dict):
            line, error = result_line(item), True
        else:
            line, error = item, is_error(item)
        assert stream is not None
        stream.write(line + "\n")
        part_stats["records"] += 1
        part_stats["errors"] += error
        stats.records += 1
        stats.errors += error
        progress.advance(1, int(error))
