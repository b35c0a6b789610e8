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
