"""Every theme the app offers is readable: WCAG AA measured on what is actually drawn.

For each theme the screen is rendered (article, panes, status line, footer),
and every cell's foreground is compared with its background: text at least
4.5:1, borders, bars and other marks at least 3:1, both in true colour and
as a 256-colour terminal shows it. The colours come from
Textual's theme/ColorSystem through our `$reader-*` variables; ANSI colours
are judged in the palette Textual uses for the theme.
"""

from __future__ import annotations

from rich.color import Color as RichColor
from textual.color import Color

from reader.ui.themes import MARK, TEXT, ansi_palette, contrast, in_256, reader_variables

from tests.ui.conftest import wait_analysis

EXEMPT = {" ", "\u00a0"}


def _is_mark(char: str) -> bool:
    return "\u2500" <= char <= "\u259f" or char in "▰▱▏▕"


def _truecolor(color: RichColor | None, palette, *, foreground: bool) -> Color:
    color = color or RichColor.default()
    return Color(*color.get_truecolor(palette, foreground=foreground))


def _failures(app, rows: range) -> list[str]:
    palette = ansi_palette(app.current_theme)
    native = app.current_theme.ansi  # ANSI colours are the terminal's own: no 256-colour rounding
    strips = app.screen._compositor.render_strips()
    bad = []
    for y in rows:
        x = 0
        for segment in strips[y]:
            text, style = segment.text, segment.style
            x += len(text)
            if style is None or not text.strip():
                continue
            widget, _ = app.screen.get_widget_at(x - len(text), y)
            if widget.has_class("-disabled") or style.dim:
                continue  # the footer's dimmed keys: inactive controls are exempt
            fg = _truecolor(style.color, palette, foreground=True)
            bg = _truecolor(style.bgcolor, palette, foreground=False)
            if style.reverse:
                fg, bg = bg, fg
            for char in set(text) - EXEMPT:
                need = MARK if _is_mark(char) else TEXT
                ratio = contrast(fg, bg)
                if not native:  # true colour, and as a 256-colour terminal shows it
                    ratio = min(ratio, contrast(in_256(fg), in_256(bg)))
                if ratio < need:
                    bad.append(f"row {y} {text.strip()[:30]!r}: {ratio:.2f} < {need} ({fg.hex} on {bg.hex})")
                    break
    return bad


async def test_every_theme_meets_wcag_aa(reference_app):
    async with reference_app.run_test(size=(160, 50)) as pilot:
        await wait_analysis(reference_app, pilot)
        screen = reference_app.reading
        zakharova = next(e for e in screen.analysis.entities if e.name == "Maria Zakharova")
        failures: dict[str, list[str]] = {}
        themes = sorted(reference_app.available_themes)
        assert {"textual-dark", "textual-light", "ansi-dark", "ansi-light"} <= set(themes)
        for name in themes:
            reference_app.theme = name
            await pilot.pause()
            await pilot.press("escape", "1")  # the Entities pane, its first mention painted
            screen.pane("entities").highlight_key(zakharova.id)
            await pilot.press("n")
            await pilot.pause()
            bad = _failures(reference_app, range(50))
            await pilot.press("escape", "]")  # a quote and its speaker painted, the article focused
            await pilot.pause()
            bad += _failures(reference_app, range(50))
            if bad:
                failures[name] = bad[:8]
        assert not failures, "\n".join(f"{k}: {v}" for k, v in failures.items())


def test_reader_variables_exist_for_every_builtin_theme():
    from textual.theme import BUILTIN_THEMES

    for theme in BUILTIN_THEMES.values():
        variables = reader_variables(theme)
        assert {"reader-text", "reader-muted", "reader-title", "reader-border", "reader-mark"} <= set(variables)
        if not theme.ansi:
            background = Color.parse(theme.to_color_system().generate()["background"])
            assert contrast(Color.parse(variables["reader-muted"]), background) >= TEXT
            assert contrast(Color.parse(variables["reader-border"]), background) >= MARK
