"""Readable themes: every theme the app offers gets `$reader-*` colours that meet WCAG AA.

Textual's themes are made for widgets that resolve `auto` colours against
their own background; the article and the panes draw text in component
styles and painted spans, where `auto 60%` and `$accent` on a light grey
can end up at 1.3:1. `reader_variables(theme)` gives concrete variables computed
from the theme's own colours: each text role is moved toward black or white
(keeping its hue as long as it can) until it reaches 4.5:1 against every
background it is drawn on (the article's, the panes', the status line's,
the pane cursor's), marks and borders until 3:1, in true colour and as
a 256-colour terminal shows them. ANSI themes pick among ANSI
colours, judged in the palette Textual itself uses for them. The app adds
them to whichever theme is current (`ReaderApp.get_css_variables`), so a
theme registered later gets them too.

`.tcss` uses only these variables for the reading screen.
"""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color as RichColor
from rich.terminal_theme import TerminalTheme
from rich.text import Text
from textual._ansi_theme import ALABASTER, MONOKAI
from textual.color import BLACK, WHITE, Color
from textual.content import Content
from textual.theme import Theme

TEXT = 4.5
"""WCAG AA for text."""
MARK = 3.0
"""WCAG AA for borders, bars and other marks (non-text contrast)."""

LAYERS = ("note", "mention", "quote", "speaker", "match")
"""Painted body spans: each has a background and the text colour drawn on it."""
_LAYER_SOURCE = {"note": "warning", "mention": "accent", "quote": "success", "speaker": "primary", "match": "warning"}
_LAYER_STRENGTH = {"note": 0.25, "mention": 0.3, "quote": 0.22, "speaker": 0.3, "match": 0.5}


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


_CHANNEL = tuple(_channel(value) for value in range(256))
"""Linear light of each 8-bit channel value (a table: the theme's colours are computed before the first paint)."""


def _luminance(color: Color) -> float:
    return 0.2126 * _CHANNEL[color.r] + 0.7152 * _CHANNEL[color.g] + 0.0722 * _CHANNEL[color.b]


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio of two opaque colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@lru_cache(maxsize=4096)
def _rgb_in_256(r: int, g: int, b: int) -> tuple[int, int, int]:
    from rich.color import ColorSystem

    return tuple(RichColor.from_rgb(r, g, b).downgrade(ColorSystem.EIGHT_BIT).get_truecolor())


def in_256(color: Color) -> Color:
    """What `color` becomes on a 256-colour terminal (tmux's default, many SSH sessions).

    Remembered per colour: `legible` asks about the same backgrounds hundreds of times."""
    return Color(*_rgb_in_256(color.r, color.g, color.b))


def worst(color: Color, backgrounds: list[Color]) -> float:
    """The lowest contrast of `color` on `backgrounds`, in true colour and in 256 colours."""
    return min(min(contrast(color, bg), contrast(in_256(color), in_256(bg))) for bg in backgrounds)


def legible(color: Color, backgrounds: list[Color], ratio: float) -> Color:
    """`color`, or the least change of it toward black or white that reaches `ratio` on every background."""
    if worst(color, backgrounds) >= ratio:
        return color
    best = color
    for target in (BLACK, WHITE):
        for step in range(1, 21):
            candidate = color.blend(target, step / 20)
            if worst(candidate, backgrounds) >= ratio:
                if best is color or _distance(candidate, color) < _distance(best, color):
                    best = candidate
                break
    if best is color:  # nothing reaches it (a mid-grey background): the stronger extreme
        best = max((BLACK, WHITE), key=lambda c: worst(c, backgrounds))
    return best


def _distance(a: Color, b: Color) -> int:
    return abs(a.r - b.r) + abs(a.g - b.g) + abs(a.b - b.b)


def _opaque(value: str, under: Color) -> Color:
    color = Color.parse(value)
    return under + color if color.a < 1 else color


def _parsed(colors: dict[str, str], name: str, default: Color) -> Color:
    from textual.color import ColorParseError

    try:
        return Color.parse(colors[name])
    except (KeyError, ColorParseError):  # absent, or relative ("auto 60%")
        return default


def _truecolor_variables(theme: Theme) -> dict[str, str]:
    colors = theme.to_color_system().generate()
    background = Color.parse(colors["background"])
    surface = _opaque(colors["surface"], background)
    panel = _opaque(colors["panel"], surface)
    foreground = _opaque(colors["foreground"], background)
    primary, accent, error = (Color.parse(colors[name]) for name in ("primary", "accent", "error"))
    footer = _opaque(colors.get("footer-background", colors["panel"]), panel)
    focused = surface.blend(foreground, 0.05)  # a focused OptionList tints its background
    bases = [background, surface, focused, panel]
    text = legible(foreground, bases, TEXT)
    muted = legible(foreground.blend(background, 0.3), bases, TEXT)
    cursor_bg = surface.blend(primary, 0.1)
    for step in range(8, 1, -1):  # the strongest tint of the primary on which the muted text stays readable
        candidate = surface.blend(primary, step / 20)
        if worst(muted, [candidate]) >= TEXT and worst(text, [candidate]) >= TEXT:
            cursor_bg = candidate
            break
    text = legible(text, [*bases, cursor_bg], TEXT)
    muted = legible(muted, [*bases, cursor_bg], TEXT)
    out = {
        "reader-text": text.hex,
        "reader-muted": muted.hex,
        "reader-title": legible(accent, bases, TEXT).hex,
        "reader-heading": legible(primary, bases, TEXT).hex,
        "reader-error": legible(error, bases, TEXT).hex,
        "reader-key": legible(_parsed(colors, "footer-key-foreground", accent), [footer], TEXT).hex,
        "reader-footer-text": legible(_parsed(colors, "footer-description-foreground", text), [footer], TEXT).hex,
        "reader-footer-mark": legible(foreground.blend(footer, 0.5), [footer], MARK).hex,
        "reader-mark": legible(accent, [*bases, cursor_bg], MARK).hex,
        "reader-border": legible(surface.blend(foreground, 0.35), bases, MARK).hex,
        "reader-border-focus": legible(accent, bases, MARK).hex,
        "reader-cursor-bg": cursor_bg.hex,
        "reader-cursor-style": "bold",
    }
    for layer in LAYERS:
        source = Color.parse(colors[_LAYER_SOURCE[layer]])
        strength = _LAYER_STRENGTH[layer]
        painted = background.blend(source, strength)
        while worst(text, [painted]) < TEXT and strength > 0.08:
            strength -= 0.02
            painted = background.blend(source, strength)
        out[f"reader-{layer}-bg"] = painted.hex
        out[f"reader-{layer}-fg"] = legible(text, [painted], TEXT).hex
    return out


_ANSI = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")


def ansi_truecolor(name: str, palette: TerminalTheme, *, foreground: bool = True) -> Color:
    """What an `ansi_*` colour looks like in `palette` (Textual's palette when it converts ANSI)."""
    rich = RichColor.parse(name.removeprefix("ansi_").replace("bright_", "bright_"))
    return Color(*rich.get_truecolor(palette, foreground=foreground))


def ansi_palette(theme: Theme) -> TerminalTheme:
    return MONOKAI if theme.dark else ALABASTER


def _ansi_variables(theme: Theme) -> dict[str, str]:
    palette = ansi_palette(theme)
    background = ansi_truecolor("default", palette, foreground=False)
    names = [f"ansi_{n}" for n in _ANSI] + [f"ansi_bright_{n}" for n in _ANSI]

    def pick(preferred: list[str], ratio: float, on: Color = background) -> str:
        for name in [*preferred, *names]:
            if contrast(ansi_truecolor(name, palette), on) >= ratio:
                return name
        return "ansi_default"

    text = "ansi_default"
    out = {
        "reader-text": text,
        "reader-muted": pick(["ansi_bright_black", text], TEXT),
        "reader-title": pick([theme.accent or "ansi_default", "ansi_default"], TEXT),
        "reader-heading": pick([theme.primary, "ansi_default"], TEXT),
        "reader-error": pick([theme.error or "ansi_red", "ansi_default"], TEXT),
        "reader-key": pick([theme.primary, "ansi_default"], TEXT),
        "reader-footer-text": text,
        "reader-footer-mark": pick(["ansi_bright_black", text], MARK),
        "reader-mark": pick([theme.accent or "ansi_default"], MARK),
        "reader-border": pick(["ansi_bright_black", "ansi_default"], MARK),
        "reader-border-focus": pick([theme.accent or "ansi_default"], MARK),
        "reader-cursor-bg": "ansi_default",
        "reader-cursor-style": "bold reverse",  # swaps each part's own colours: contrast is kept
    }
    for layer in LAYERS:
        source = {"note": theme.warning, "mention": theme.accent, "quote": theme.success,
                  "speaker": theme.primary, "match": theme.warning}[layer] or "ansi_default"
        base = source.removeprefix("ansi_").removeprefix("bright_")
        chosen = ("ansi_default", text)
        for bg in (f"ansi_{base}", f"ansi_bright_{base}"):
            if base not in _ANSI:
                break
            painted = ansi_truecolor(bg, palette, foreground=False)
            for ink in (text, "ansi_black", "ansi_bright_white"):
                if contrast(ansi_truecolor(ink, palette), painted) >= TEXT:
                    chosen = (bg, ink)
                    break
            if chosen[0] != "ansi_default":
                break
        out[f"reader-{layer}-bg"], out[f"reader-{layer}-fg"] = chosen
    return out


def themed(text: Text) -> Content:
    """`text` as Content, its "dim" parts in the theme's readable muted colour (`$reader-muted`).

    Variables in Content styles are resolved when drawn, so a theme change recolours it.
    """

    def style(value: object) -> str:
        return " ".join("$reader-muted" if word == "dim" else word for word in str(value).split())

    content = Content(text.plain)
    if text.style:
        content = content.stylize(style(text.style))
    for span in text.spans:
        content = content.stylize(style(span.style), span.start, span.end)
    return content


def reader_variables(theme: Theme) -> dict[str, str]:
    """The `$reader-*` variables the reading screen's styles use, for `theme` (its own win)."""
    return _ansi_variables(theme) if theme.ansi else _truecolor_variables(theme)
