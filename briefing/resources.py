"""Where the bundled data (seeds, themes, profiles) lives, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # A wheel carries seeds/ and themes/ under briefing/_data; a checkout
    # (editable install or plain source tree) has them at the top level.
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def seeds_dir() -> Path:
    return _bundled("seeds")


def themes_dir() -> Path:
    return _bundled("themes")


def profiles_dir() -> Path:
    return _PACKAGE / "profiles"


def seed_paths() -> list[Path]:
    return sorted(p for p in seeds_dir().iterdir() if p.suffix == ".txt")
