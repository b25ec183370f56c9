"""The command palette (ctrl+p): every reading action with its key, and a jump to any entity, quote or date."""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterator

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from reader.ui.text_fit import clip


def highlighted(matcher: Matcher, text: str) -> Content:
    """`text` as plain Content (never markup: it may come from the article) with the matched letters marked."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ReaderCommands(Provider):
    """Actions and jump targets of the article on screen."""

    def _screen(self):
        from reader.ui.screens.reading import ReadingScreen

        app = self.app
        for screen in reversed(app.screen_stack):
            if isinstance(screen, ReadingScreen):
                return screen
        return None

    def _commands(self) -> Iterator[tuple[str, Callable[[], object], str]]:
        from reader.ui.keys import LONG, key_display
        from reader.ui.screens.reading import ReadingScreen

        screen = self._screen()
        if screen is None:
            return
        for binding in ReadingScreen.BINDINGS:
            action = binding.action  # type: ignore[union-attr]
            if action.startswith(("cycle", "focus_pane", "focus_article", "clear")):
                continue
            text = LONG.get(action, binding.description)  # type: ignore[union-attr]
            yield (text[0].upper() + text[1:], partial(screen.run_action, action), key_display(binding))  # type: ignore[arg-type]
        analysis = screen.analysis
        for entity in analysis.entities:
            yield (f"Entity: {entity.name}", partial(screen.goto_first_mention, entity.id), f"{entity.count} mentions")
        from reader.ui.screens.entity_history import show_entity_history

        for entity in analysis.entities:
            yield (f"Across library: {entity.name}", partial(show_entity_history, screen, entity), "l")
        for quote in analysis.quotes:
            who = quote.speaker or quote.speaker_mention or "unattributed"
            yield (f"Quote: {clip(quote.text, 60)} — {who}", partial(self._goto, "quotes", quote.id), "")
        for item in analysis.timeline:
            yield (f"Date: {item.label or item.value} ({clip(item.text, 30)})", partial(self._goto, "timeline", item.id), "")

    def _goto(self, pane_name: str, key: str) -> None:
        screen = self._screen()
        if screen is None:
            return
        pane = screen.pane(pane_name)
        item = pane.item(key)
        if item is not None:
            screen.navigator.follow(pane_name, item, explicit=True)
            pane.highlight_key(key)

    async def discover(self) -> Hits:
        for text, run, help_text in self._commands():
            if not text.startswith(("Entity:", "Quote:", "Date:")):
                yield DiscoveryHit(Content(text), run, help=Content(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, run, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, highlighted(matcher, text), run, help=Content(help_text))  # type: ignore[arg-type]
