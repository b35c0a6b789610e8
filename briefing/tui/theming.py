"""Themes as data: Textual Theme definitions read from themes/*.toml, actor colour slots."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

from briefing.errors import EXIT_USAGE, BriefingError
from briefing.resources import themes_dir

DEFAULT_THEME = "briefing-dark"
ACTOR_SLOTS = 8
_NUMBERS = ("luminosity_spread", "text_alpha")
_TYPE_NAMES = {bool: "true or false", (int, float): "a number", str: "a string"}
_THEME_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
_THEME_FIELDS = {field for field in Theme.__dataclass_fields__ if field != "variables"}
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
