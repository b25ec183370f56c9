"""Batch throughput: records per second for 1 and 2 workers, local pool and Dask LocalCluster.

The same generated records (invented text, full analysis) run through
`reader.batch.LocalPool` and `reader.batch.dask_run.DaskExecutor("dask-local")`
with 1 and 2 worker processes. Each configuration is started and its models
loaded before the clock starts (steady-state throughput); rounds alternate
the configurations so background load hits them alike; the median and the
best round of each are printed, and the targets are judged on the medians
(on a shared machine one lucky round can decide a best-of). Also: peak
memory per worker (the model process; for Dask also the Dask worker
process) and the load average before and after.
Targets: 2 workers >= 1.8x of 1; Dask within 10% of the local pool.
Figures, not pass/fail.

Usage: PYTHONPATH=. python benchmarks/bench_batch.py [--records 200] [--rounds 4]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.batch_corpus import record  # noqa: E402
from reader.batch.record import RecordOptions  # noqa: E402

MB = 1024 * 1024


def _lines(count: int) -> list[bytes]:
    import json

    return [json.dumps(record(seed, 8), ensure_ascii=False).encode() for seed in range(count)]


def _time(executor, lines: list[bytes]) -> tuple[float, list[str]]:
    began = time.perf_counter()
    out = list(executor.map(iter(lines)))
    return time.perf_counter() - began, out


def _local(workers: int):
    from reader.batch.pool import LocalPool

    pool = LocalPool(RecordOptions(), workers)
    pool.warm()
    return pool


def _dask(workers: int):
    from reader.batch.dask_run import DaskExecutor

    return DaskExecutor("dask-local", RecordOptions(), workers)


def _memory(kind: str, executor) -> str:
    if kind == "local":
        return ", ".join(f"{p / MB:.0f}" for p in executor.peak_memory()) + " MB (model process)"
    peaks = executor.peak_memory().values()
    return ", ".join(f"{p['model_process'] / MB:.0f} + {p['worker_process'] / MB:.0f}"
                     for p in peaks) + " MB (model process + Dask worker)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    lines = _lines(args.records)
    load_before = os.getloadavg()
    configs = [("local", 1), ("local", 2), ("dask", 1), ("dask", 2)]
    runs: dict[tuple[str, int], list[float]] = {config: [] for config in configs}
    memory: dict[tuple[str, int], str] = {}
    outputs: dict[tuple[str, int], list[str]] = {}
    for round_ in range(args.rounds):
        order = configs if round_ % 2 == 0 else configs[::-1]
        for config in order:  # a fresh executor each round, started (models loaded) before the clock
            kind, workers = config
            executor = _local(workers) if kind == "local" else _dask(workers)
            try:
                seconds, out = _time(executor, lines)
                memory[config] = _memory(kind, executor)
            finally:
                executor.close()
            runs[config].append(seconds)
            outputs[config] = out
            print(f"  round {round_ + 1} {kind:5} x{workers}: {len(lines) / seconds:6.1f} records/s",
                  file=sys.stderr)
    load_after = os.getloadavg()
    import statistics

    rate = {config: len(lines) / statistics.median(times) for config, times in runs.items()}
    best = {config: len(lines) / min(times) for config, times in runs.items()}
    same = all(len(out) == len(lines) and out == outputs[("local", 1)] for out in outputs.values())
    print(f"bench_batch: {len(lines)} generated records, full analysis, {args.rounds} rounds, "
          f"{os.cpu_count()} cores")
    print(f"load average before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, "
          f"after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    for config in configs:
        print(f"  {config[0]:5} {config[1]} worker(s): median {rate[config]:6.1f} records/s "
              f"(best {best[config]:6.1f})   peak {memory[config]}")
    for kind in ("local", "dask"):
        speedup = rate[(kind, 2)] / rate[(kind, 1)]
        print(f"  {kind}: 2 workers / 1 = {speedup:.2f}x by medians, {best[(kind, 2)] / best[(kind, 1)]:.2f}x by bests"
              f" (target >= 1.80x) {'ok' if speedup >= 1.8 else 'MISSED'}")
    for workers in (1, 2):
        overhead = rate[("local", workers)] / rate[("dask", workers)] - 1
        by_best = best[("local", workers)] / best[("dask", workers)] - 1
        print(f"  Dask overhead at {workers} worker(s): {overhead * 100:+.1f}% by medians, {by_best * 100:+.1f}% by bests"
              f" (target <= 10%) {'ok' if overhead <= 0.10 else 'MISSED'}")
    print(f"  outputs identical across the four: {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
