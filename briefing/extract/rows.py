"""What the passes over a page's rows (headline, dates, outlet) read of each row, worked out in
one pass per page: each pass used to read the units' fields again, row by row and over and over
for the rows near each candidate, and to count the page's texts again.

Lists, not arrays: the passes read single rows and short runs of rows, which a list gives
cheapest. Whether a row is a header row (byline, date, label) stays with the unit, computed
on first use: it runs several patterns and most rows are never asked.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter, ge, or_

from briefing.extract.units import Unit, is_header_row

MENU_WORDS = 2  # a menu entry or link label has at most this many words


@dataclass(frozen=True)
class RowFeatures:
    """A page's units and what every pass reads of each of them, index for index."""

    units: list[Unit]
    texts: list[str]
    words: list[int]
    prose: list[bool]
    bullets: list[bool]
    captions: list[bool]
    bracketed: list[bool]
    menu: list[bool]  # a couple of words or a list item: a menu entry or link label
    copies: Counter[str]  # how often each text is on the page
    shown_below: list[int | None]  # the next row below each that is no image placeholder

    def header(self, index: int) -> bool:
        """Whether the row is a byline, date, label or caption row (`is_header_row`)."""
        return is_header_row(self.units[index])

    def header_within(self, start: int, stop: int) -> bool:
        """Whether a row in [start, stop) is a header row."""
        return any(map(is_header_row, self.units[start:stop]))


def row_features(units: list[Unit]) -> RowFeatures:
    """The row features of a page's units, read once."""
    texts = list(map(attrgetter("text"), units))
    words = list(map(attrgetter("words"), units))
    bullets = list(map(attrgetter("bullet"), units))
    bracketed = list(map(attrgetter("bracketed"), units))
    shown_below: list[int | None] = [None] * len(units)
    following = None
    for index in range(len(units) - 1, -1, -1):
        shown_below[index] = following
        if not bracketed[index]:
            following = index
    return RowFeatures(
        units=units,
        texts=texts,
        words=words,
        prose=list(map(attrgetter("prose"), units)),
        bullets=bullets,
        captions=list(map(attrgetter("caption"), units)),
        bracketed=bracketed,
        # a couple of words or a list item, each row's flags or'ed in C
        menu=list(map(or_, map(ge, repeat(MENU_WORDS), words), bullets)),
        copies=Counter(texts),
        shown_below=shown_below,
    )
