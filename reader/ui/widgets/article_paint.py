"""The article view's painted spans: layers of body offsets and the segments a body line becomes.

The screen paints spans by layer (the selected entity's mentions, the
selected quote and its speaker, search hits, notes, the current jump target);
`Layers` keeps each layer sorted so a line finds its spans by bisection, and
`body_segments` cuts a line at every span edge. Text is never parsed as
markup: it goes through `screen_safe` one character for one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Callable

from rich.segment import Segment
from rich.style import Style

from reader.layout import Line
from reader.navigate import Span
from reader.sanitize import screen_safe

LAYERS = ("note", "mention", "quote", "speaker", "match", "current")
"""Paint order: later layers draw over earlier ones."""


@dataclass(slots=True)
class _Layer:
    spans: list[Span]
    starts: list[int]
    longest: int


class Layers:
    """The painted spans by layer name."""

    def __init__(self) -> None:
        self._layers: dict[str, _Layer] = {}

    def paint(self, name: str, spans: list[Span]) -> bool:
        """Set layer `name` to `spans` (empty ones dropped); False when nothing changed."""
        spans = sorted(s for s in spans if s[1] > s[0])
        old = self._layers.get(name)
        if old is not None and old.spans == spans:
            return False
        self._layers[name] = _Layer(spans, [s for s, _ in spans], max((e - s for s, e in spans), default=0))
        return True

    def spans(self, name: str) -> list[Span]:
        layer = self._layers.get(name)
        return list(layer.spans) if layer else []

    def spans_in(self, name: str, start: int, end: int) -> list[Span]:
        layer = self._layers.get(name)
        if layer is None or not layer.spans:
            return []
        lo = bisect_left(layer.starts, start - layer.longest)
        hi = bisect_right(layer.starts, end)
        return [s for s in layer.spans[lo:hi] if s[1] > start and s[0] < end]


def body_segments(
    line: Line,
    base: Style,
    layers: Layers,
    links: tuple[list[tuple[int, int, str]], list[int]],
    style: Callable[[str], Style],
) -> list[Segment]:
    """The segments of body `line`: its text cut at every painted span and link edge, styles added up."""
    start, end = line.start, line.end
    cuts = {start, end}
    painted: list[tuple[Span, Style]] = []
    for name in LAYERS:
        for span in layers.spans_in(name, start, end):
            painted.append((span, style(name)))
            cuts.update(x for x in span if start < x < end)
    link_list, link_starts = links
    lo = bisect_right(link_starts, end)
    for link_start, link_end, url in link_list[max(0, lo - 50) : lo]:
        if link_end > start and link_start < end:
            painted.insert(0, ((link_start, link_end), style("link") + Style(link=url)))
            cuts.update(x for x in (link_start, link_end) if start < x < end)
    if not painted:
        return [Segment(screen_safe(line.text), base)]
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        seg_style = base
        for (s, e), layer_style in painted:
            if s < b and e > a:
                seg_style += layer_style
        out.append(Segment(screen_safe(line.text[a - start : b - start]), seg_style))
    return out
