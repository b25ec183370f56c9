"""A Textual hello world (a Static and a Footer), the baseline bench_app.py times `reader` against.

Run: python -m benchmarks.hello_app   (q quits)
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static


class HelloApp(App[None]):
    """The smallest real Textual app: one Static and a Footer."""

    BINDINGS = [Binding("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("Hello, world!")
        yield Footer()


if __name__ == "__main__":
    HelloApp().run()
