"""What a sentence's date resolves to: the type apart from the resolver (`briefing.dates`),
so loading annotated articles from the cache compiles none of the resolver's patterns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DateMention:
    text: str  # the span as written: "on Friday", "Nov. 27", "in 2016"
    value: str  # "YYYY" | "YYYY-MM" | "YYYY-MM-DD"
    precision: str  # "year" | "month" | "day"
    start: int  # character offsets in the sentence
    end: int


# Units of time: a number before one ("two days after", "a 60-day truce", "48 hours")
# measures a time, it counts no one.
_TIME_UNITS = frozenset(
    "second minute hour day night week month year decade".split()
    + "seconds minutes hours days nights weeks months years decades".split()
)


def measures_time(next_word: str) -> bool:
    """Whether a number followed by this word ("days", "day" of "60-day") tells a time
    or a duration rather than a count."""
    return next_word.lower() in _TIME_UNITS
