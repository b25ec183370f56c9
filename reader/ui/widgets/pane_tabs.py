"""The pane switcher of narrow terminals."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import Tab, Tabs


class PaneTabs(Tabs):
    """Tabs that follow the focused pane and say when one is clicked (`Chosen`)."""

    class Chosen(Message):
        def __init__(self, name: str) -> None:
            super().__init__()
            self.name = name

    def __init__(self, names: tuple[str, ...], *, id: str | None = None) -> None:
        super().__init__(*(Tab(name.title(), id=f"tab-{name}") for name in names), id=id)
        self.can_focus = False

    async def _on_tab_clicked(self, event: Tab.Clicked) -> None:
        await super()._on_tab_clicked(event)
        self.post_message(self.Chosen((event.tab.id or "").removeprefix("tab-")))
