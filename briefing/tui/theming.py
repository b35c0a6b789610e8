"""Themes as data: Textual Theme definitions read from themes/*.toml, actor colour slots.

Our stylesheet also reads variables of its own ($actor-1 ..., $cited-background,
$line-cursor-background). Our themes set them; any other theme (Textual's nord, the
palette's choices) gets them derived from its own colours, so every theme can be used.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from textual.color import Color, ColorParseError, rgb_to_lab
from textual.theme import Theme

from briefing.errors import EXIT_USAGE, BriefingError
from briefing.resources import themes_dir

DEFAULT_THEME = "briefing-dark"
ACTOR_SLOTS = 8
_NUMBERS = ("luminosity_spread", "text_alpha")
_TYPE_NAMES = {bool: "true or false", (int, float): "a number", str: "a string"}
_THEME_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
_THEME_FIELDS = {field for field in Theme.__dataclass_fields__ if field != "variables"}
# Actor colours come from the theme's own named colours, in this order of preference.
_ACTOR_SOURCES = ("error", "warning", "success", "primary", "accent", "secondary")
# ANSI themes name terminal colours, which cannot be blended: these fill the slots.
_ANSI_ACTORS = (
    "ansi_red ansi_yellow ansi_green ansi_blue ansi_magenta ansi_cyan "
    "ansi_bright_red ansi_bright_green ansi_bright_blue ansi_bright_magenta"
).split()
# Colours closer than this (CIE76 distance in Lab) read as one colour in a list.
_DISTINCT = 20.0
# Actor names are text: at least this far in lightness (Lab L*) from the background.
_MIN_LIGHTNESS_GAP = 35.0
# How much of a colour tints the background under the cursor line / a cited sentence.
_CURSOR_TINT = 0.35
_CITED_TINT = 0.4
# What each field holds: colours and the name are text, "dark" a flag, the rest numbers.
_FIELD_TYPES: dict[str, type | tuple[type, ...]] = {
    field: bool if field in ("dark", "ansi") else (int, float) if field in _NUMBERS else str
    for field in _THEME_FIELDS
}


class ThemeError(BriefingError):
    """A theme file that cannot be used; the message names the file and the problem."""

    status = EXIT_USAGE


def theme_from_toml(path: Path) -> Theme:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as error:
        reason = "nested too deeply" if isinstance(error, RecursionError) else error
        raise ThemeError(f"theme file {path}: unreadable ({reason})") from None
    unknown = set(data) - _THEME_FIELDS - {"variables"}
    if unknown:
        raise ThemeError(f"theme file {path}: unknown theme fields {sorted(unknown)}")
    fields = {key: value for key, value in data.items() if key in _THEME_FIELDS}
    name = fields.get("name")
    if not isinstance(name, str) or not _THEME_NAME.fullmatch(name):
        raise ThemeError(f"theme file {path}: name must be letters, digits and '-'")
    variables = data.get("variables", {})
    if not isinstance(variables, dict) or not all(isinstance(v, str) for v in variables.values()):
        raise ThemeError(f"theme file {path}: [variables] values must be strings")
    for key, value in fields.items():
        expected = _FIELD_TYPES[key]
        if not isinstance(value, expected) or (expected is bool) != isinstance(value, bool):
            raise ThemeError(f"theme file {path}: {key} must be {_TYPE_NAMES[expected]}")
        # Colours are parsed only when the theme is applied: a bad one would crash the view.
        if key != "name" and isinstance(value, str):
            try:
                Color.parse(value)
            except ColorParseError:
                raise ThemeError(f"theme file {path}: {key} {value!r} is not a colour") from None
    try:
        return Theme(**fields, variables=dict(variables))
    except (TypeError, ValueError) as error:
        raise ThemeError(f"theme file {path}: {error}") from None


def bundled_themes(directory: Path | None = None) -> list[Theme]:
    """Every theme shipped in themes/, sorted by name."""
    folder = directory or themes_dir()
    return [theme_from_toml(path) for path in sorted(folder.glob("*.toml"))]


def stylesheet_path() -> Path:
    return themes_dir() / "briefing.tcss"


def actor_variable(slot: int | None) -> str:
    """The CSS variable naming an actor's colour: profile actors by slot, the rest share one."""
    if slot is None or slot >= ACTOR_SLOTS:
        return "$actor-other"
    return f"$actor-{slot + 1}"


def _colour(value: str | None) -> Color | None:
    try:
        return Color.parse(value) if value else None
    except ColorParseError:
        return None


def _distance(one: Color, other: Color) -> float:
    if one.ansi is not None or other.ansi is not None:
        return 0.0 if one == other else math.inf
    return math.dist(rgb_to_lab(one), rgb_to_lab(other))


def _readable(colour: Color, background: Color) -> Color:
    """`colour` made lighter (dark background) or darker (light one) until it reads as text."""
    if colour.ansi is not None or background.ansi is not None:
        return colour
    lightness, ground = rgb_to_lab(colour).L, rgb_to_lab(background).L
    if ground < 50:
        return colour.lighten(max(0.0, ground + _MIN_LIGHTNESS_GAP - lightness) / 100)
    return colour.darken(max(0.0, lightness - ground + _MIN_LIGHTNESS_GAP) / 100)


def _actor_colours(named: list[Color]) -> list[Color]:
    """ACTOR_SLOTS colours, each as far as it can be from those before it: the theme's
    own colours first, then halfway blends of two of them (ANSI: terminal colours)."""
    if any(colour.ansi is not None for colour in named):
        candidates = [*named, *(Color.parse(name) for name in _ANSI_ACTORS)]
    else:
        candidates = [*named, *(a.blend(b, 0.5) for a, b in combinations(named, 2))]
    chosen: list[Color] = []
    for colour in candidates:
        if len(chosen) < ACTOR_SLOTS and all(_distance(colour, c) >= _DISTINCT for c in chosen):
            chosen.append(colour)
    # A theme of few, close colours: repeat rather than leave a slot undefined.
    while len(chosen) < ACTOR_SLOTS:
        chosen.append(candidates[len(chosen) % len(candidates)])
    return chosen


def _css(colour: Color) -> str:
    return colour.hex if colour.ansi is None else colour.css


def only_recolours(variables: Mapping[str, str], defaults: Mapping[str, str]) -> bool:
    """Whether each of a theme's own `variables` puts a colour where `defaults` (what any
    theme gets: Textual's colour system and ours) has a colour. The styles parse with
    the defaults, so they parse with such a theme: a colour is valid wherever one was."""
    return all(
        _colour(defaults.get(name)) is not None and _colour(value) is not None
        for name, value in variables.items()
    )


def derived_variables(colours: Mapping[str, str]) -> dict[str, str]:
    """Our own variables made from a theme's generated colour system (`colours`:
    Textual's $primary, $background ...), for themes that do not set them."""
    # Asked for on every restyle, the first screen's several times: made once per system.
    return dict(_derived(tuple(sorted(colours.items()))))


@lru_cache(maxsize=16)
def _derived(items: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    colours = dict(items)
    named = [c for c in (_colour(colours.get(name)) for name in _ACTOR_SOURCES) if c]
    background = _colour(colours.get("background")) or Color(0, 0, 0)
    primary = _colour(colours.get("primary")) or Color.parse("ansi_blue")
    warning = _colour(colours.get("warning")) or primary
    variables = {
        f"actor-{slot}": _css(_readable(colour, background))
        for slot, colour in enumerate(_actor_colours(named or [primary]), start=1)
    }
    variables["actor-other"] = colours.get("foreground-muted", colours.get("foreground", "auto"))
    for name, colour, tint in (
        ("line-cursor-background", primary, _CURSOR_TINT),
        ("cited-background", warning, _CITED_TINT),
    ):
        # An ANSI background (the terminal's own) cannot be blended: use the colour.
        mixed = colour if background.ansi is not None else background.blend(colour, tint)
        variables[name] = _css(mixed)
    return tuple(variables.items())
