"""The app shows the cleaned article with its metadata, scrolls, never parses article text as markup, quits on q."""

from __future__ import annotations

from reader.model import Document
from reader.ui.app import ReaderApp


def _visible_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.query("Static"))


async def test_shows_title_metadata_and_body(reference_document):
    app = ReaderApp(reference_document)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = _visible_text(app)
        assert "Russia rejects peace plan" in text
        assert "Moscow’s warning" in text
        assert "Also read" not in text


async def test_markup_in_article_stays_text():
    doc = Document.from_blocks(
        [("paragraph", "Press [@click=app.quit]here[/] or [bold red]shout[/bold red].", 0)],
        title="[@click=app.quit]Title[/]",
    )
    app = ReaderApp(doc)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = _visible_text(app)
        assert "[@click=app.quit]Title[/]" in text
        assert "[bold red]shout[/bold red]" in text
        assert app.is_running


async def test_scroll_keys_and_quit(reference_document):
    app = ReaderApp(reference_document)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")
        await pilot.pause()
        assert app.article.scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        assert app.article.scroll_y == 0
        await pilot.press("G")
        await pilot.pause()
        assert app.article.scroll_y == app.article.max_scroll_y
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running
