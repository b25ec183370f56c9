"""The reading screen on the reference article: every binding and every link between panes and text."""

from __future__ import annotations

import asyncio

from reader import navigate as nav
from reader.model import Document
from reader.ui.app import ReaderApp
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.analysis_panes import PUBLISHED_KEY
from reader.ui.widgets.pane import IN_VIEW, ItemPane

from tests.ui.conftest import on_cursor_line, wait_analysis


def _quote(app, mention: str):
    return next(q for q in app.reading.analysis.quotes if q.speaker_mention == mention)


def _entity(app, name: str):
    return next(e for e in app.reading.analysis.entities if e.name == name)


async def test_first_paint_shows_the_article_before_the_analysis(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        screen = reference_app.reading
        lines = [line.text for line in screen.article.article_layout.lines]
        assert lines[0].startswith("Russia rejects peace plan")
        assert "Also read" not in "\n".join(lines)
        await wait_analysis(reference_app, pilot)
        status = screen.status.render_state().plain
        assert "model en_core_web_sm" in status
        assert "8 quotes" in status


async def test_markup_in_the_article_is_shown_literally():
    doc = Document.from_blocks(
        [("paragraph", "Press [@click=app.quit]here[/] or [bold red]shout[/bold red] \x1b[31mred.", 0)],
        title="[@click=app.quit]Title[/]",
    )
    app = ReaderApp(doc)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_analysis(app, pilot)
        view = app.reading.article
        painted = "".join("".join(s.text for s in view.render_line(y)) for y in range(6))
        assert "[@click=app.quit]Title[/]" in painted
        assert "[bold red]shout[/bold red]" in painted
        assert "\x1b" not in painted
        await pilot.click(view, offset=(10, 0))
        assert app.is_running


async def test_cursor_page_top_bottom(reference_app):
    async with reference_app.run_test(size=(80, 24)) as pilot:
        view = reference_app.reading.article
        await pilot.press("j")
        assert view.cursor > 0
        await pilot.press("space")
        assert view.scroll_y > 0
        await pilot.press("b")
        assert view.scroll_y == 0
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y
        assert view.cursor == len(view.article_layout) - 1
        await pilot.press("g")
        assert view.scroll_y == 0 and view.cursor == 0
        await pilot.press("k")
        assert view.cursor == 0


async def test_tab_cycles_the_panes_and_back(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        order = ["entities", "quotes", "timeline", "sources", "notes", "article"]
        for name in order:
            await pilot.press("tab")
            await pilot.pause()
            assert screen.focused.id == name
        await pilot.press("shift+tab")
        await pilot.pause()
        assert screen.focused.id == "notes"
        await pilot.press("2")
        await pilot.pause()
        assert screen.focused.id == "quotes"
        await pilot.press("0")
        assert screen.focused.id == "article"


async def test_selecting_an_entity_paints_its_mentions_and_n_walks_them(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        zakharova = _entity(reference_app, "Maria Zakharova")
        await pilot.press("1")
        await pilot.pause()
        pane = screen.pane("entities")
        pane.highlight_key(zakharova.id)
        await pilot.pause()
        assert screen.selection.entity_id == zakharova.id
        tied = nav.tied_mentions(zakharova, screen.analysis.quotes)  # names, and the pronouns her quotes resolve
        spans = sorted({(m.start, m.end) for m in tied})
        assert {(m.start, m.end) for m in zakharova.mentions} <= set(spans)
        assert screen.article.layer_spans("mention") == spans
        start, end = screen.article.visible_range()
        assert any(s < end and e > start for s, e in spans)
        visited = []
        for _ in range(len(spans)):
            await pilot.press("n")
            visited.append(screen.article.current)
        assert sorted(visited) == spans
        assert visited == sorted(visited) or visited[0] != visited[1]
        await pilot.press("N")
        assert screen.article.current == visited[-2]


async def test_quotes_bracket_keys_and_pane_follow(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        quotes = sorted(screen.analysis.quotes, key=lambda q: q.start)
        await pilot.press("]")
        assert screen.selection.quote_id == quotes[0].id
        assert on_cursor_line(reference_app, quotes[0].start)
        assert screen.pane("quotes").highlighted_item.key == quotes[0].id
        await pilot.press("]")
        assert screen.selection.quote_id == quotes[1].id
        await pilot.press("[")
        assert screen.selection.quote_id == quotes[0].id
        assert screen.article.layer_spans("quote") == [(quotes[0].start, quotes[0].end)]


async def test_s_jumps_from_she_added_to_zakharova_and_back(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        quote = _quote(reference_app, "she")
        screen.navigator.jump(quote.start, push=False)
        await pilot.press("s")
        assert screen.article.current == (quote.speaker_start, quote.speaker_end)
        assert on_cursor_line(reference_app, quote.speaker_start)
        assert screen.selection.entity_id == quote.speaker_id
        assert screen.article.layer_spans("speaker") == [(quote.speaker_start, quote.speaker_end)]
        await pilot.press("s")
        assert screen.article.current == (quote.start, quote.end)
        assert on_cursor_line(reference_app, quote.start)
        # n now walks the speaker's mentions; backspace walks the jumps back
        await pilot.press("n")
        tied = nav.tied_mentions(_entity(reference_app, "Maria Zakharova"), screen.analysis.quotes)
        assert screen.article.current in {(m.start, m.end) for m in tied}
        await pilot.press("backspace")
        assert on_cursor_line(reference_app, quote.start)
        await pilot.press("backspace")
        assert on_cursor_line(reference_app, quote.speaker_start)


async def test_search_hits_n_and_escape(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        await pilot.press("slash")
        assert screen.search_bar.has_focus
        await pilot.press(*"zakharova")
        hits = screen.navigator.search.hits
        assert len(hits) >= 3
        body = reference_app.document.body
        assert all(body[s:e].lower() == "zakharova" for s, e in hits)
        assert screen.article.layer_spans("match") == hits
        await pilot.press("enter")
        assert screen.article.has_focus and screen.navigator.search.active
        first = screen.article.current
        await pilot.press("n")
        assert screen.article.current == hits[(hits.index(first) + 1) % len(hits)]
        await pilot.press("N")
        assert screen.article.current == first
        assert "/zakharova:" in screen.status.render_state().plain
        await pilot.press("escape")
        assert not screen.navigator.search.active and screen.article.layer_spans("match") == []


async def test_timeline_and_source_items_jump_to_their_sentence(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        item = next(t for t in screen.analysis.timeline if t.text == "Thursday")
        await pilot.press("3")
        await pilot.pause()
        screen.pane("timeline").highlight_key(item.id)
        await pilot.press("enter")
        assert on_cursor_line(reference_app, item.sentence_start)
        assert "Thu 8 Jan 2026" in screen.pane("timeline").highlighted_item.prompt.plain
        source = next(s for s in screen.analysis.sources if s.name == "Associated Press")
        await pilot.press("4")
        await pilot.pause()
        screen.pane("sources").highlight_key(source.id)
        await pilot.press("enter")
        assert any(on_cursor_line(reference_app, m.start) for m in source.mentions)


async def test_panes_mark_the_items_in_view(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        quotes: ItemPane = screen.pane("quotes")

        def marked() -> set[str]:
            return set(quotes._marked)

        top = marked()
        await pilot.press("G")
        await pilot.pause()
        bottom = marked()
        assert top != bottom
        start, end = screen.article.visible_range()
        for quote in screen.analysis.quotes:
            assert (quote.id in bottom) == (quote.start < end and quote.end > start) or quote.speaker_start is not None
        quotes.scroll_to(y=0, animate=False, immediate=True)
        first_marked = quotes.items[0].key in bottom
        assert quotes.render_line(0).text.startswith(IN_VIEW) == first_marked


async def test_clicking_a_name_selects_its_entity(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        view = screen.article
        zakharova = _entity(reference_app, "Maria Zakharova")
        mention = next(m for m in zakharova.mentions if m.kind == "name")
        y = view.article_layout.y_for_offset(mention.start)
        line = view.article_layout.lines[y]
        x = view.left + 2 + len(line.prefix) + (mention.start - line.start) + 1
        await pilot.click(view, offset=(x, y - int(view.scroll_y)))
        assert screen.selection.entity_id == zakharova.id


async def test_width_theme_help_and_quit(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        view = reference_app.reading.article
        assert view.article_layout.width == 88
        await pilot.press("w")
        assert view.article_layout.width > 88
        await pilot.press("w")
        assert view.article_layout.width == 88
        theme = reference_app.theme
        await pilot.press("t")
        assert reference_app.theme != theme
        assert reference_app.current_theme.dark != (theme == "textual-dark") or True
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(reference_app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(reference_app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
    assert not reference_app.is_running


async def test_narrow_terminal_shows_one_switchable_pane_and_resizes_live(reference_app):
    async with reference_app.run_test(size=(80, 24)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        assert screen.has_class("-narrow")
        shown = [p.id for p in screen.panes if p.display and p.region.height]
        assert shown == ["entities"]
        await pilot.press("tab", "tab")
        await pilot.pause()
        shown = [p.id for p in screen.panes if p.region.height]
        assert shown == ["quotes"] and screen.focused.id == "quotes"
        await pilot.resize_terminal(160, 50)
        await pilot.pause()
        assert screen.has_class("-wide")
        assert all(p.region.height for p in screen.panes)
        assert screen.article.article_layout.width == 88


async def test_empty_states_are_explicit(monkeypatch):
    import reader.analysis.nlp as nlp

    monkeypatch.setattr(nlp, "load_nlp", lambda: None)
    monkeypatch.setitem(nlp._state, "error", "no English spaCy model could be loaded (test)")
    doc = Document.from_blocks([("paragraph", "A short paragraph with nothing in particular to say about anything.", 0)],
                               title="Plain")
    app = ReaderApp(doc)
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(app, pilot)
        screen = app.reading

        def said(name: str) -> str:
            return str(screen.pane(name).get_option_at_index(0).prompt)

        assert said("entities").startswith("Entity model unavailable")
        assert said("quotes") == "No quotes in this article"
        assert said("timeline") == "No dates in this article"
        assert "Entity model unavailable" in screen.status.render_state().plain


async def test_arrows_panes_toggle_and_dimmed_keys(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        view = screen.article
        await pilot.press("down", "down")
        assert view.cursor > 0
        y = view.cursor
        await pilot.press("up")
        assert view.cursor < y
        assert screen.check_action("next", (1,)) is None  # nothing selected, no search: dimmed
        assert screen.check_action("quote", (1,)) is True
        await pilot.press("]")
        start = view.cursor_offset
        await pilot.press("]", "ctrl+o")
        assert view.cursor_offset == start
        await pilot.press("p")
        await pilot.pause()
        assert not screen.query_one("#side").display and view.has_focus
        await pilot.press("p")
        await pilot.pause()
        assert screen.query_one("#side").display
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert screen.selection.entity_id is not None
        assert screen.check_action("next", (1,)) is True


async def test_keys_work_while_the_analysis_runs(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        screen = reference_app.reading
        await pilot.press("j", "n", "]", "s", "backspace", "tab", "h", "slash", "escape")
        assert reference_app.is_running
        await wait_analysis(reference_app, pilot)
        assert screen.analysis.complete


async def test_a_non_english_article_says_so_instead_of_analysing():
    doc = Document.from_blocks(
        [("paragraph", "Der Bundestag hat am Donnerstag über das neue Gesetz abgestimmt, und die Regierung "
          "sagte, dass die Mehrheit der Abgeordneten dafür gestimmt habe.", 0)],
        title="Ein Artikel", language="de",
    )
    app = ReaderApp(doc)
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(app, pilot)
        screen = app.reading
        said = str(screen.pane("entities").get_option_at_index(0).prompt)
        assert said.startswith("Not analysed: the article is in German (de)")
        status = screen.status.render_state().plain
        assert "English-only" in status and "Entity model unavailable" not in status


async def test_the_published_date_is_listed_but_not_placed_in_the_text(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        assert not any(t.is_published for t in screen.analysis.timeline)
        assert screen.analysis.published is not None and screen.analysis.published.value == "2026-01-09"
        pane = screen.pane("timeline")
        prompt = pane.item(PUBLISHED_KEY).prompt.plain
        assert prompt.startswith("Fri 9 Jan 2026") and "publication date" in prompt
        await pilot.press("3")
        await pilot.pause()
        cursor = screen.article.cursor
        pane.highlight_key(PUBLISHED_KEY)
        await pilot.press("enter")
        assert screen.article.cursor == cursor


async def test_quick_tabs_in_a_narrow_terminal_settle_on_the_last_pane(reference_app, monkeypatch):
    async with reference_app.run_test(size=(80, 24)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        arrived = asyncio.Event()  # the last tab's focus event has reached the screen
        focused = screen.pane_focus.descendant_focused

        def spy(widget) -> None:
            focused(widget)
            if widget.id == "timeline":
                arrived.set()

        monkeypatch.setattr(screen.pane_focus, "descendant_focused", spy)
        for _ in range(3):  # as fast as a terminal delivers three tabs: no pause between them
            screen.action_cycle(1)
        await asyncio.wait_for(arrived.wait(), timeout=30)
        await pilot.pause()
        assert screen.focused.id == "timeline" and screen.pane("timeline").has_class("-current")
        calls = []
        side = screen.query_one("#side")
        original = type(side).set_current
        monkeypatch.setattr(type(side), "set_current", lambda self, name: (calls.append(name), original(self, name)))
        await pilot.pause(0.5)
        assert calls == []  # nothing keeps switching panes behind the reader's back
        await pilot.click("#tab-sources")
        await pilot.pause()
        assert screen.focused.id == "sources"


async def test_letters_typed_right_after_slash_go_to_the_search(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        screen.action_search()
        assert screen.focused is screen.search_bar  # before any refresh


async def test_n_walks_pronouns_tied_to_the_entity_and_says_which_kind(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        zakharova = _entity(reference_app, "Maria Zakharova")
        she = _quote(reference_app, "she")
        screen.goto_first_mention(zakharova.id)
        await pilot.pause()
        spans = screen.article.layer_spans("mention")
        assert (she.speaker_start, she.speaker_end) in spans  # "she added" is walked too
        assert len(spans) > zakharova.count
        counters = []
        for _ in range(len(spans)):
            await pilot.press("n")
            counters.append(screen.status.state.search)
        assert any(c.endswith("· pronoun") for c in counters)
        assert any(c.endswith("· name") for c in counters)
        assert all(c.startswith("Maria Zakharova: ") for c in counters)


async def test_palette_entity_jumps_to_the_first_mention_and_sets_the_counter(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        zakharova = _entity(reference_app, "Maria Zakharova")
        await pilot.press("G")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Entity: Maria Zakharova")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        spans = screen.article.layer_spans("mention")
        assert spans[0][0] <= min(m.start for m in zakharova.mentions)
        assert on_cursor_line(reference_app, spans[0][0])
        assert screen.article.current == spans[0]
        assert screen.status.state.search.startswith(f"Maria Zakharova: 1/{len(spans)} · ")


async def test_s_says_how_the_speaker_was_found(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        quote = _quote(reference_app, "she")
        screen.navigator.jump(quote.start, push=False)
        await pilot.press("s")
        assert screen.status.state.search == (
            "“she” → Maria Zakharova · pronoun: the previous quote’s speaker · cue “added”"
        )
        item = screen.pane("quotes").item(quote.id)
        assert "pronoun: the previous quote’s speaker" in item.prompt.plain
