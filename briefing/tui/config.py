"""The TUI's persisted preferences (the theme) in the user's config.toml."""

from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path

from platformdirs import user_config_path

CONFIG_DIR_ENV = "BRIEFING_CONFIG_DIR"
_THEME_LINE = re.compile(r"^theme\s*=.*$", re.MULTILINE)


def config_path() -> Path:
    override = os.environ.get(CONFIG_DIR_ENV)
    folder = Path(override) if override else user_config_path("briefing")
    return folder / "config.toml"


def _read() -> dict:
    try:
        return tomllib.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def saved_theme() -> str | None:
    theme = _read().get("theme")
    return theme if isinstance(theme, str) else None


def saved_keymap() -> dict[str, str]:
    """The [keymap] table: binding id -> key(s), e.g. "line.copy" = "y"."""
    table = _read().get("keymap", {})
    if not isinstance(table, dict):
        return {}
    return {str(k): v for k, v in table.items() if isinstance(v, str) and v.strip()}


def save_theme(name: str) -> None:
    """Set the top-level `theme` key, keeping whatever else the file holds."""
    path = config_path()
    # A JSON string literal is a valid TOML basic string.
    line = f"theme = {json.dumps(name)}"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    # Top-level keys must precede any [table], so a new line goes first.
    replaced, count = _THEME_LINE.subn(line, text, count=1)
    text = replaced if count else f"{line}\n{text}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
