"""The model's word lists, read from data/ (files users and tuning can change, not code)."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("briefing.model").joinpath(f"data/{name}").read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def event_verbs() -> frozenset[str]:
    """Every written form of the verbs that report an event, lower-case."""
    return frozenset(word for line in _lines("event_verbs.txt") for word in line.split())


@cache
def rewrites() -> dict[str, str]:
    """Word -> the first word of its group: words outlets swap when rewording a report."""
    return {word: line.split()[0] for line in _lines("rewrites.txt") for word in line.split()}


@cache
def event_pattern() -> re.Pattern[str]:
    """Any event verb, as a whole word, any case."""
    verbs = sorted(event_verbs(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(verbs) + r")\b", re.IGNORECASE)
