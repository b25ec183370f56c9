"""The reading screen's search bar: `/` shows it, its input feeds the navigator's search, escape hides it.

`SearchPrompt` is a plain object the reading screen owns and routes the
bar's messages to. The search itself (hits, where it started) is the
navigator's `Search`; this object only shows and hides the bar and hands
the focus back to the article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # pragma: no cover
    from textual.widget import Widget

    from reader.ui.navigator import Navigator
    from reader.ui.widgets.article import ArticleView
    from reader.ui.widgets.search_bar import SearchBar


class PromptHost(Protocol):
    """What the search prompt needs from the screen that owns it."""

    navigator: "Navigator"

    @property
    def article(self) -> "ArticleView": ...
    @property
    def search_bar(self) -> "SearchBar": ...
    def set_focus(self, widget: "Widget | None") -> Any: ...


class SearchPrompt:
    """The search bar of one reading screen."""

    def __init__(self, host: PromptHost) -> None:
        self.host = host

    def begin(self) -> None:
        bar = self.host.search_bar
        bar.display = True
        self.host.navigator.search_begin()
        bar.return_focus = self.host.article
        self.host.set_focus(bar)  # at once: the letters typed right after / belong to the search

    def changed(self, event: SearchBar.Changed) -> None:
        if event.input is self.host.search_bar:
            self.host.navigator.search_changed(event.value)

    def submitted(self, event: SearchBar.Submitted) -> None:
        if event.input is not self.host.search_bar:
            return
        self.host.search_bar.display = False
        self.host.navigator.search_submitted()
        self.host.set_focus(self.host.article)

    def cancelled(self) -> None:
        self._hide()
        self.host.navigator.search_cancelled()
        self.host.set_focus(self.host.article)

    def _hide(self) -> None:
        self.host.search_bar.display = False
        self.host.search_bar.value = ""

    @property
    def active(self) -> bool:
        """A search is open or showing its hits: escape clears it first."""
        return bool(self.host.navigator.search.active or self.host.search_bar.display)

    def clear(self) -> bool:
        """Escape: hide the bar and clear the search; False when there was none to clear."""
        if not self.active:
            return False
        self._hide()
        self.host.navigator.search_cleared()
        return True
