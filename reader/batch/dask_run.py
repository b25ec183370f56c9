"""The Dask scheduler: the same records on a `dask.distributed` cluster, results in input order.

A `WorkerPlugin` starts one supervised worker process (`Runner`, the model
loaded once) per worker thread when it joins; tasks are chunks of
`CHUNK_RECORDS` lines (each task costs the client, scheduler and worker about
10 ms of CPU, which a chunk shares), at most `WINDOW_PER_THREAD` chunks per
thread in flight, so memory stays bounded on the client and the cluster. The
last `TAIL_CHUNKS_PER_THREAD` chunks' worth of records are held back until the
input ends, then sent in shrinking chunks, so that no worker idles while
another finishes a full chunk. The client reads the inputs and writes the
outputs: workers need reader installed, not the input files.
"""

from __future__ import annotations

import asyncio
import logging
import queue
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from reader.batch.limits import DEFAULT_TIME_BUDGET, cap_jobs
from reader.batch.record import RecordOptions
from reader.batch.runner import Runner
from reader.errors import ReaderError

CHUNK_RECORDS = 8
WINDOW_PER_THREAD = 4
TAIL_CHUNKS_PER_THREAD = 2
_END = object()
QUIET_CLUSTER = {
    # The workers only hand records to their model processes, which need every core: Dask's own
    # sampling (a stack profile of each worker thread every 10 ms, system and memory monitors)
    # slowed 2 workers on 2 cores by 13% in bench_batch. Work stealing moves queued chunks between
    # workers; with equal chunks in a bounded window it only adds traffic. Every Dask server (the
    # scheduler, each nanny and worker) checks its event loop's health on a timer, every 20 ms by
    # default: 0.74 s of CPU per 10 s of an idle 2-worker cluster, 0.14 s at 1 s.
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,
    "distributed.admin.tick.interval": "1s",
}
"""Dask settings for the cluster `dask-local` starts (a cluster of your own: the same keys as
`DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False` ... in the workers' environment)."""
DASK_HINT = 'the Dask scheduler needs the dask extra: pip install "reader[dask]"'

try:
    from distributed import WorkerPlugin
except ImportError:  # the extra is not installed: the CLI says how to get it
    WorkerPlugin = object  # type: ignore[assignment,misc]


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ReaderError(DASK_HINT) from None
    return distributed


class RunnerPlugin(WorkerPlugin):  # type: ignore[misc,valid-type]
    """One `Runner` per worker thread, started (model loaded) when the worker joins."""

    def __init__(self, options: RecordOptions, budget: float) -> None:
        self.options = options
        self.budget = budget
        self.name = f"reader-batch-{int(options.clean)}{int(options.analysis)}-{budget:g}"
        self.runners: queue.Queue[Runner] | None = None  # made on the worker (a queue does not pickle)
        self.all: list[Runner] = []

    def __getstate__(self) -> dict[str, Any]:
        return {"options": self.options, "budget": self.budget, "name": self.name}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, runners=None, all=[])

    def _start(self, count: int) -> None:
        for _ in range(count):
            runner = Runner(self.options, self.budget)
            runner.start()
            self.all.append(runner)
            self.runners.put(runner)

    async def setup(self, worker: Any) -> None:
        self.runners, self.all = queue.Queue(), []
        await asyncio.get_running_loop().run_in_executor(None, self._start, worker.state.nthreads)

    def teardown(self, worker: Any) -> None:
        for runner in self.all:
            runner.close()


def _plugin(name: str) -> RunnerPlugin:
    from distributed import get_worker

    return get_worker().plugins[name]


def run_chunk(name: str, lines: list[bytes]) -> list[str]:
    """Runs on a worker: each line through one of the worker's runners."""
    plugin = _plugin(name)
    assert plugin.runners is not None
    runner = plugin.runners.get()
    try:
        return [runner.run(line) for line in lines]
    finally:
        plugin.runners.put(runner)


def worker_peak_memory(name: str, dask_worker: Any = None) -> dict[str, int]:
    """Runs on a worker (`Client.run`): peak resident bytes of its model processes and of the worker itself."""
    import resource

    plugin = dask_worker.plugins[name]
    return {"model_process": max((r.peak_memory() for r in plugin.all), default=0),
            "worker_process": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}


class DaskExecutor:
    """`map(items)` over a Dask cluster: `bytes` items become result lines, others pass through."""

    def __init__(self, address: str, options: RecordOptions = RecordOptions(), jobs: int | None = None,
                 budget: float = DEFAULT_TIME_BUDGET) -> None:
        distributed = _distributed()
        logging.getLogger("distributed").setLevel(logging.ERROR)
        self.cluster = None
        if address == "dask-local":
            import dask

            workers = cap_jobs(jobs)
            with dask.config.set(QUIET_CLUSTER):  # the nannies hand it on to the worker processes
                self.cluster = distributed.LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                    dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR,
                )
            address = self.cluster.scheduler_address
        try:
            self.client = distributed.Client(address)  # timeout: distributed.comm.timeouts.connect
        except OSError as exc:
            self.close()
            raise ReaderError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        self.plugin = RunnerPlugin(options, budget)
        self.client.register_plugin(self.plugin, name=self.plugin.name)
        self.threads = sum(self.client.nthreads().values()) or 1

    def peak_memory(self) -> dict[str, dict[str, int]]:
        """Per worker address: peak resident bytes of its model process and of the worker process."""
        return self.client.run(worker_peak_memory, self.plugin.name)

    def map(self, items: Iterable[Any]) -> Iterator[Any]:
        """Results in input order."""
        pending: deque[Any] = deque()  # chunks' futures and passed-through items, in input order
        ahead: deque[Any] = deque()  # items read, not yet submitted
        window = WINDOW_PER_THREAD * self.threads
        kept = TAIL_CHUNKS_PER_THREAD * self.threads * CHUNK_RECORDS
        source = iter(items)
        ended = False

        def drain(limit: int) -> Iterator[Any]:
            while len(pending) > limit:
                head = pending.popleft()
                if isinstance(head, _Passed):
                    yield head.value
                else:
                    yield from head.result()

        while ahead or not ended:
            if not ended:
                item = next(source, _END)
                ended = item is _END
                if not ended:
                    ahead.append(item)
            while ahead and (ended or len(ahead) >= kept + CHUNK_RECORDS):
                pending.append(self._submit(ahead, ended))
                yield from drain(window)
        yield from drain(0)

    def _submit(self, ahead: deque[Any], ended: bool) -> Any:
        """The next chunk from `ahead` (a passed-through item alone); once the input has ended, the
        chunks shrink with what is left, so that the workers finish together."""
        if not isinstance(ahead[0], bytes):
            return _Passed(ahead.popleft())
        size = CHUNK_RECORDS
        if ended:
            size = max(1, min(size, -(-len(ahead) // (TAIL_CHUNKS_PER_THREAD * self.threads))))
        chunk: list[bytes] = []
        while ahead and len(chunk) < size and isinstance(ahead[0], bytes):
            chunk.append(ahead.popleft())
        return self.client.submit(run_chunk, self.plugin.name, chunk, pure=False)

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            try:
                if self.cluster is None:
                    client.unregister_worker_plugin(self.plugin.name)
            except Exception:  # the cluster may be gone already
                pass
            client.close()
        if self.cluster is not None:
            self.cluster.close()


class _Passed:
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value
