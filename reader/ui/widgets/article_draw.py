"""Drawing one line of the article view: margin, gutter and cursor, the header's styles, the body's spans.

`LineDrawer` belongs to one `ArticleView`. It keeps the view's component
styles (`article--NAME` in the `.tcss`; cleared when the styles change, so
themes apply) and the document's web links, and turns a laid-out line into
a `Strip`. Text is never parsed as markup: header lines go through
`screen_safe`, body lines through `article_paint.body_segments`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from reader.layout import Line
from reader.sanitize import screen_safe
from reader.ui.widgets.article_paint import body_segments
from reader.urls import is_web_url

if TYPE_CHECKING:  # pragma: no cover
    from reader.ui.widgets.article import ArticleView


def _is_web_url(url: str) -> bool:
    return is_web_url(url) and screen_safe(url) == url


class LineDrawer:
    """The lines of one article view, as strips."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self._styles: dict[str, Style] = {}
        self._links = sorted(
            ((link.start, link.end, link.url) for link in view.document.links if _is_web_url(link.url)),
        )
        self._link_starts = [start for start, _, _ in self._links]

    def clear(self) -> None:
        """Forget the styles (the view's styles changed)."""
        self._styles.clear()

    def style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.view.get_component_rich_style(f"article--{name}", partial=True)
        return style

    def _line_base(self, line: Line) -> Style:
        if line.kind in ("title", "meta", "url", "heading", "blockquote"):
            style = self.style(line.kind)
            url = self.view.document.url
            if line.kind == "url" and _is_web_url(url or ""):
                style += Style(link=url)
            return style
        return Style()

    def draw(self, index: int) -> Strip:
        """Line `index` of the layout, as wide as the view."""
        view = self.view
        width = view.size.width
        base = view.rich_style
        if not 0 <= index < len(view.article_layout):
            return Strip.blank(width, base)
        line = view.article_layout.lines[index]
        kind_style = base + self._line_base(line)
        on_cursor = index == view.cursor and view.has_focus_within_app
        gutter = Segment("▌ " if index == view.cursor else "  ", base + self.style("cursor" if on_cursor else "gutter"))
        segments = [Segment(" " * view.left, base), gutter]
        if line.prefix:
            segments.append(Segment(line.prefix, base + self.style("gutter")))
        if line.in_body:
            segments += body_segments(line, kind_style, view.painted, (self._links, self._link_starts), self.style)
        elif line.text:
            segments.append(Segment(screen_safe(line.text), kind_style))
        return Strip(segments).extend_cell_length(width, base).crop(0, width)
