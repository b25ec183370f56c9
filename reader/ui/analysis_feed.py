"""The reading screen's analysis: the thread worker that streams snapshots, and its end.

`AnalysisFeed` is a plain object the reading screen owns. `start` runs a
thread worker that loads spaCy off the UI thread (in the model's own
process, `reader.analysis.worker`, unless the host says otherwise) and posts
`ModelLoaded` once and `AnalysisUpdated` per snapshot to the host, which
routes them back (`model_loaded`); the model's process also writes the
finished analysis to the library index (`indexes`), off the UI's GIL; `stop` kills the process at once;
`worker_changed` shows the worker's error in the status line and the panes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from textual.worker import Worker, WorkerState, get_current_worker

from reader.ui.messages import AnalysisUpdated, ModelLoaded

if TYPE_CHECKING:  # pragma: no cover
    from reader.analysis.worker import AnalysisService
    from reader.model import Document
    from reader.ui.widgets.pane import ItemPane
    from reader.ui.widgets.side import SidePanel
    from reader.ui.widgets.status import StatusLine

GROUP = "analysis"
"""The worker group of the analysis (one at a time: a new start cancels the old one)."""


class FeedHost(Protocol):
    """What the feed needs from the screen that owns it."""

    document: "Document"
    analysis_process: bool

    @property
    def status(self) -> "StatusLine": ...
    @property
    def side(self) -> "SidePanel | None": ...
    def pane(self, name: str) -> "ItemPane": ...
    def run_worker(self, work: Any, **kwargs: Any) -> Any: ...
    @property
    def app(self) -> Any: ...
    def post_message(self, message: Any) -> bool: ...
    @property
    def workers(self) -> Any: ...


class AnalysisFeed:
    """The analysis worker of one reading screen."""

    def __init__(self, host: FeedHost) -> None:
        self.host = host
        self.service: "AnalysisService | None" = None
        self.indexes = False
        """The analysis process writes the library index itself (else the screen's thread does)."""

    def start(self) -> None:
        self.host.run_worker(self._run, thread=True, exclusive=True, group=GROUP, exit_on_error=False,
                             description="analysis")

    def _run(self) -> None:
        from reader.analysis.nlp import load_nlp, model_error, model_label
        from reader.analysis.pipeline import iter_analysis
        from reader.language import english_only_error

        host = self.host
        worker = get_current_worker()
        if host.analysis_process and not english_only_error(host.document.language):
            from reader.analysis.worker import AnalysisService
            from reader.paths import data_dir
            from reader.ui.index_saver import index_failed

            def indexed(error: str) -> None:
                if error and not worker.is_cancelled:
                    host.app.call_from_thread(index_failed, host, error)

            service = self.service = AnalysisService()
            self.indexes = True  # the process keeps the finished analysis in the library index
            index_dir = str(data_dir(create=False))
            first = True
            # The model's process does the work (and writes the index); this thread only waits.
            for snapshot in service.analyse(host.document, index_dir=index_dir, indexed=indexed):
                if worker.is_cancelled:
                    return
                if first:
                    error = "" if snapshot.model else "; ".join(snapshot.errors)
                    host.post_message(ModelLoaded(snapshot.model, error))
                    first = False
                host.post_message(AnalysisUpdated(snapshot))
            return
        nlp = None if english_only_error(host.document.language) else load_nlp()
        host.post_message(ModelLoaded(model_label(), model_error()))
        for snapshot in iter_analysis(host.document, nlp, cancelled=lambda: worker.is_cancelled):
            host.post_message(AnalysisUpdated(snapshot))

    def stop(self) -> None:
        """End the analysis at once: its process is killed, whatever it is doing."""
        self.host.workers.cancel_group(self.host, GROUP)
        if self.service is not None:
            self.service.cancel()

    def model_loaded(self, label: str, error: str) -> None:
        problem = "" if label or not error else f"Entity model unavailable: {error}"
        self.host.status.set(model=label, problem=problem, analysis="Analysing")

    def worker_changed(self, event: Worker.StateChanged) -> None:
        """The analysis worker raised (once the panes are there): say so in the status line and every pane."""
        from reader.ui.widgets.side import ANALYSIS_PANES

        if event.worker.group != GROUP or event.state != WorkerState.ERROR or self.host.side is None:
            return
        exc = event.worker.error
        error = f"analysis failed: {type(exc).__name__}: {exc}"
        self.host.status.set(analysing=False, analysis="Analysis failed", problem=error)
        for name in ANALYSIS_PANES:
            self.host.pane(name).show_message(error)
