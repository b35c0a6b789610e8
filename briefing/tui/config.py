"""The TUI's settings in the user's config.toml: theme, summarizer, length, a [keymap] table.

A file the TUI cannot use is never ignored in silence: reading it reports what is wrong,
and saving the theme leaves a file it cannot rewrite safely as it is.
"""

from __future__ import annotations

import os
import re
import string
import tomllib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from platformdirs import user_config_path

from briefing.errors import BriefingError
from briefing.options import SUMMARIZERS, BriefingOptions
from briefing.safety import clean_text

CONFIG_DIR_ENV = "BRIEFING_CONFIG_DIR"
# Top-level keys end at the first table header ("[keymap]", "[[rows]]").
_TABLE_HEADER = re.compile(r"^\[", re.MULTILINE)


def config_path() -> Path:
    override = os.environ.get(CONFIG_DIR_ENV)
    folder = Path(override) if override else user_config_path("briefing")
    return folder / "config.toml"


@dataclass(frozen=True)
class Settings:
    """What config.toml asks for, and what in it could not be used (one phrase each)."""

    theme: str | None = None
    summarizer: str | None = None
    sentences: int | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    usable: bool = True  # False: unreadable or not TOML, so nothing in it was used


class UnusableConfig(Exception):
    """The file exists but cannot be read or parsed; the message says why."""


def _read_text() -> str | None:
    """The file's text; None when there is no file."""
    try:
        return config_path().read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise UnusableConfig(f"unreadable ({error})") from error


def _parse(text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UnusableConfig(f"not valid TOML: {error}") from error
    except RecursionError as error:
        raise UnusableConfig("not valid TOML: arrays or tables nested too deeply") from error


_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


@cache
def _key_names() -> frozenset[str]:
    """Textual's named keys, and punctuation by Unicode name ("full_stop") or nickname
    ("minus"). Asked for only when there is a keymap: `textual.keys` imports Textual, which
    the summary settings, read before the view starts (see `briefing.tui.engine`), need not."""
    from textual.keys import KEY_TO_UNICODE_NAME, Keys, _character_to_key

    return frozenset(
        [key.value for key in Keys]
        + [_character_to_key(char) for char in string.punctuation]
        + list(KEY_TO_UNICODE_NAME)
    )


def _is_key(keys: str) -> bool:
    """Whether `keys` names keys as Textual does: "y", "ctrl+y", "f1", "question_mark",
    several separated by commas."""
    for key in keys.split(","):
        *modifiers, base = key.strip().split("+")
        if not base or not set(modifiers) <= _MODIFIERS:
            return False
        # Not any name Unicode knows: "banana" is no key on a keyboard.
        if not (
            (len(base) == 1 and base.isprintable() and not base.isspace()) or base in _key_names()
        ):
            return False
    return True


def load_settings(binding_ids: Callable[[], Collection[str]] | None) -> Settings:
    """The settings, checking [keymap] entries against the ids of the app's bindings
    (asked for only when there is a keymap: collecting them imports every view). Without
    `binding_ids` the keymap is left unread (for the summary settings alone)."""
    try:
        text = _read_text()
        data = {} if text is None else _parse(text)
    except UnusableConfig as error:
        return Settings(problems=(f"{error}; its settings are not used",), usable=False)
    problems: list[str] = []
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append("theme must be a string")
        theme = None
    summarizer = data.get("summarizer")
    if summarizer is not None and summarizer not in SUMMARIZERS:
        problems.append(f"summarizer must be one of {', '.join(SUMMARIZERS)}")
        summarizer = None
    sentences = data.get("sentences")
    if sentences is not None and (type(sentences) is not int or sentences < 1):
        problems.append("sentences must be a whole number of at least 1")
        sentences = None
    if binding_ids is None:
        return Settings(theme, summarizer, sentences, problems=tuple(problems))
    table = data.get("keymap", {})
    if not isinstance(table, dict):
        problems.append("keymap must be a table ([keymap])")
        table = {}
    keymap = {k: v for k, v in table.items() if isinstance(v, str) and _is_key(v)}
    not_keys = sorted(set(table) - set(keymap))
    if not_keys:
        problems.append(
            '[keymap] values must name keys, as in "y" or "ctrl+y": '
            + ", ".join(f"{key!r} = {table[key]!r}" for key in not_keys)
        )
    unknown = sorted(set(keymap) - set(binding_ids())) if keymap else []
    if unknown:
        shown = ", ".join(clean_text(key) for key in unknown)
        problems.append(f"unknown binding ids in [keymap]: {shown} (see ? for ids)")
        keymap = {k: v for k, v in keymap.items() if k not in unknown}
    return Settings(theme, summarizer, sentences, keymap, tuple(problems))


def summary_options(
    options: BriefingOptions, settings: Settings, summarizer: str | None, sentences: int | None
) -> BriefingOptions:
    """What the view briefs with: the summarizer and length asked for on the command line,
    else the remembered ones, else `options`' own."""
    return replace(
        options,
        summarizer=summarizer or settings.summarizer or options.summarizer,
        sentences=sentences or settings.sentences or options.sentences,
    )


def save_theme(name: str) -> str | None:
    return save_settings({"theme": name})


def save_summary(summarizer: str, sentences: int) -> str | None:
    return save_settings({"summarizer": summarizer, "sentences": sentences})


def save_settings(values: Mapping[str, str | int]) -> str | None:
    """Set top-level keys, keeping the rest of the file as written.

    Returns why the file was left as it is, or None once saved.
    """
    try:
        text = _read_text() or ""
        settings = _parse(text)
    except UnusableConfig as error:
        return f"{error}; left as it is"
    header = _TABLE_HEADER.search(text)
    top_end = header.start() if header else len(text)
    top = text[:top_end]
    import json  # only when saving: not on the way to the view

    for key, value in values.items():
        # A JSON string or integer literal is valid TOML too.
        line = f"{key} = {json.dumps(value)}"
        top, count = re.subn(rf"^{key}\s*=.*$", line, top, count=1, flags=re.MULTILINE)
        top = top if count else f"{line}\n{top}"
    updated = top + text[top_end:]
    # The line edits must change these keys and nothing else (a multi-line string or an
    # unusual layout could fool them); if not, the reader's file wins.
    try:
        safe = _parse(updated) == {**settings, **values}
    except UnusableConfig:
        safe = False
    if not safe:
        names = " and ".join(values)
        return (
            f"its {names} line cannot be rewritten without changing other settings; left as it is"
        )
    from briefing.render.output import write_atomic  # only when saving: not on the way to the view

    path = config_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, updated)
    except (OSError, BriefingError) as error:
        return f"unwritable ({error})"
    return None
