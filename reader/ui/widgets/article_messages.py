"""The article view's messages: the cursor moved, the lines in view changed, the body was clicked.

They are `ArticleView.CursorMoved`, `ArticleView.ViewChanged` and
`ArticleView.Clicked` (their handlers are `on_article_view_...`).
"""

from __future__ import annotations

from textual.message import Message


class CursorMoved(Message, namespace="article_view"):
    """The reading cursor moved to a new body offset."""

    def __init__(self, offset: int) -> None:
        super().__init__()
        self.offset = offset


class ViewChanged(Message, namespace="article_view"):
    """The lines in view changed (scrolled or re-laid out): body offsets `start`-`end`."""

    def __init__(self, start: int, end: int) -> None:
        super().__init__()
        self.start = start
        self.end = end

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ViewChanged)


class Clicked(Message, namespace="article_view"):
    """The reader clicked the body at `offset`."""

    def __init__(self, offset: int) -> None:
        super().__init__()
        self.offset = offset
