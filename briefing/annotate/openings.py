"""Searching a text only where a match can open: a pattern opening with a look-around or a
word boundary is tried by the regex engine at every character; tried at the few places a
cheap test finds (the words that can open it, the marks it starts with), it finds the same."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress


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


def places_tried(codes: Sequence[int], pairs: frozenset[tuple[int, int]]) -> Iterator[int]:
    """The places of the words a match may open at, in order: those whose code and the next
    word's (0 after the last) are one of `pairs`. A word opening only a lead-in ("in" of "in
    2016") is tried only where the word after it can go on (a match fails at every other)."""
    return compress(
        range(len(codes)), map(pairs.__contains__, zip(codes, [*codes[1:], 0], strict=True))
    )
