"""The reading screen's export (`e`): the path prompt, the overwrite question, the export itself.

`ExportController` is a plain object the reading screen owns and calls: `e`
asks for a path in the export directory (the last one used, never the
current one) once the analysis is complete (pressed earlier, it asks when
the analysis finishes); the notes come from the `NotesController`'s session,
re-read first so notes another instance added belong in the export too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from reader.errors import ReaderError

if TYPE_CHECKING:  # pragma: no cover
    from textual.app import App

    from reader.model import Analysis, Document
    from reader.ui.notes_controller import NotesController


class ExportHost(Protocol):
    """What the export needs from the screen that owns it."""

    document: "Document"
    analysis: "Analysis"
    notes: "NotesController"

    @property
    def app(self) -> "App[Any]": ...
    def notify(self, message: str, **kwargs: Any) -> None: ...


class ExportController:
    """`e`, from the question to the file."""

    def __init__(self, host: ExportHost) -> None:
        self.host = host
        self._export_pending = False

    @property
    def notes(self) -> NotesController:
        return self.host.notes

    def export(self) -> None:
        if self.notes._need_session() is None:
            return
        if not self.host.analysis.complete:
            self._export_pending = True
            self.host.notify("The export will be asked for when the analysis finishes", timeout=3)
            return
        self._ask_export()

    def analysis_finished(self) -> None:
        if self._export_pending:
            self._export_pending = False
            self._ask_export()

    def _ask_export(self) -> None:
        """Propose a path in the export directory (never the current one); the reader may edit it."""
        from reader.export.files import export_path
        from reader.paths import default_export_dir
        from reader.ui.screens.export_prompt import ExportPrompt

        if self.notes.session is None:
            return
        try:
            last = self.notes.session.store.setting("export_dir")
        except ReaderError:
            last = None
        proposed = export_path(self.host.document, f"{default_export_dir(last)}/")

        def chosen(path: str | None) -> None:
            if path:
                self._export(path, force=False)

        self.host.app.push_screen(ExportPrompt(str(proposed)), chosen)

    def _export(self, path: str, force: bool) -> None:
        from pathlib import Path

        from reader.export.files import ExportExists, export_path, free_name
        from reader.ui.screens.export_prompt import ExportExistsScreen

        if self.notes.session is None:
            return
        target = export_path(self.host.document, path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.notes.session.reload()  # notes another instance added meanwhile belong in the export too
            self.notes.show()
            written = self.notes.session.export(self.host.analysis, target, force=force)
        except ExportExists as exc:
            existing, other = exc.path, free_name(exc.path)

            def answered(choice: str | None) -> None:
                if choice == "overwrite":
                    self._export(str(existing), force=True)
                elif choice == "rename":
                    self._export(str(other), force=False)

            self.host.app.push_screen(ExportExistsScreen(str(existing), other.name), answered)
            return
        except (ReaderError, OSError) as exc:
            self.host.notify(f"Export failed: {exc}", severity="error", markup=False)
            return
        try:
            self.notes.session.store.set_setting("export_dir", str(Path(written).parent))
        except ReaderError:
            pass  # not remembered; the export itself worked
        self.host.notify(f"Exported to {written}", timeout=5, markup=False)
