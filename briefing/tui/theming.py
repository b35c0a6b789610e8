"""Themes as data: Textual Theme definitions read from themes/*.toml, actor colour slots."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.theme import Theme

from briefing.resources import themes_dir

DEFAULT_THEME = "briefing-dark"
ACTOR_SLOTS = 8
_THEME_FIELDS = {field for field in Theme.__dataclass_fields__ if field != "variables"}


def theme_from_toml(path: Path) -> Theme:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    unknown = set(data) - _THEME_FIELDS - {"variables"}
    if unknown:
        raise ValueError(f"{path.name}: unknown theme fields {sorted(unknown)}")
    fields = {key: value for key, value in data.items() if key in _THEME_FIELDS}
    return Theme(**fields, variables=dict(data.get("variables", {})))


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
