"""Searching a text only where a match can open: a pattern opening with a look-around or a
word boundary is tried by the regex engine at every character; tried at the few places a
cheap test finds (the words that can open it, the marks it starts with), it finds the same."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` finds, given every place a match of it can start (in
    order): the pattern tried at each, but inside the last match found."""
    end = 0
    for start in starts:
        if start < end:
            continue
        match = pattern.match(text, start)
        if match:
            end = match.end()
            yield match
