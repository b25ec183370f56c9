"""Messages from the workers to the reading screen (posted from threads; Textual delivers them in order)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from reader.model import Analysis

if TYPE_CHECKING:  # pragma: no cover
    from reader.session import ArticleSession


class ModelLoaded(Message):
    """The NLP model is loaded (`label`), or could not be (`error`)."""

    def __init__(self, label: str, error: str) -> None:
        super().__init__()
        self.label = label
        self.error = error


class AnalysisUpdated(Message):
    """A new, larger snapshot of the analysis (the last one has `analysis.complete`)."""

    def __init__(self, analysis: Analysis) -> None:
        super().__init__()
        self.analysis = analysis

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AnalysisUpdated)  # a newer snapshot supersedes this one


class SessionOpened(Message):
    """The article's notes and reading position are loaded from the database."""

    def __init__(self, session: "ArticleSession") -> None:
        super().__init__()
        self.session = session


class SessionFailed(Message):
    """The notes database could not be opened: notes are off for this article."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error
