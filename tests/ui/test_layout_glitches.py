"""Layout: the library covers the whole screen; a pane never shows the tail of an earlier item above the selected one."""

from __future__ import annotations

from reader.ui.screens.library import LibraryScreen

from tests.ui.conftest import wait_analysis


async def test_quotes_pane_at_80x24_starts_at_an_item(reference_app):
    async with reference_app.run_test(size=(80, 24)) as pilot:
        await wait_analysis(reference_app, pilot)
        await pilot.press("2")
        pane = reference_app.reading.pane("quotes")
        seen_scrolled = False
        for _ in range(len(pane.items)):
            await pilot.press("j")
            await pilot.pause()
            top = int(pane.scroll_y)
            seen_scrolled |= top > 0
            start = pane._index_to_line[pane.highlighted]
            assert top <= start < top + pane.scrollable_content_region.height
            at_end = top >= int(pane.max_scroll_y)
            assert pane._lines[top][1] == 0 or at_end, f"tail of an earlier quote above #{pane.highlighted}"
        assert seen_scrolled


async def test_library_modal_covers_every_column(reference_app):
    async with reference_app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("L")
        await pilot.pause()
        screen = reference_app.screen
        assert isinstance(screen, LibraryScreen)
        dialog = screen.query_one(".dialog")
        assert dialog.region.x == 0 and dialog.region.right == 100
        assert screen.styles.background.a == 1  # opaque: nothing of the article shows through


async def test_source_lines_never_wrap_mid_phrase(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        await pilot.press("4")
        await pilot.pause()
        pane = reference_app.reading.pane("sources")
        rows = [pane.render_line(y).text.strip(" ▎│") for y in range(pane.scrollable_content_region.height)]
        rows = [row for row in rows if row]
        assert any("mention" in row for row in rows)
        for before, row in zip(rows, rows[1:]):
            assert not (before.endswith(tuple("0123456789")) and row.startswith(("quote", "mention"))), (before, row)
            assert not before.endswith("·"), before


def test_a_long_url_under_the_title_stays_on_one_line():
    from reader.model import Document
    from reader.layout import ArticleLayout, fit_url

    url = "https://news.example/world/europe/2026/01/09/a-very-long-story-slug-about-the-peace-plan/"
    document = Document.from_blocks([("paragraph", "A paragraph.", 0)], title="A title", url=url)
    for width in (20, 40, 60, len(url) - 1, len(url)):
        lines = [line.text for line in ArticleLayout.build(document, width).lines if line.kind == "url"]
        assert len(lines) == 1 and len(lines[0]) <= width, width
        assert lines[0] != "/"
    assert fit_url(url, len(url)) == url
    short = fit_url(url, 40)
    assert short.startswith("news.example/") and short.endswith("peace-plan/") and "…" in short
