"""The one place where a line of the model gets its date.

`briefing.dates` resolves every temporal expression of a sentence (annotate stage);
here the model picks which of them date the event a line reports, and falls back to
when the report was published.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.dates import DateMention
from briefing.model.index import Index

# A date inside a clause opened by one of these words dates the background
# ("since the Gaza war erupted in October 2023", "till its defeat in 2017"),
# not the event the sentence reports.
_BACKGROUND = re.compile(
    r"\b(?:since|till|until|which|who|whose|during|before|after|when|once|first|last time)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s")
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|but|to|as|at|in|on|of|by|for|from|with|after|before|when|while|that"
    r"|which|who|the|a|an|is|was|were|are|has|had|will|would)\b)[a-z]{3,}\b"
)


def event_dates(text: str, dates: Sequence[DateMention]) -> tuple[DateMention, ...]:
    """The dates in a sentence that date its event, not its background clauses."""
    kept = []
    for mention in dates:
        clause = _CLAUSE_BREAK.split(text[: mention.start])[-1]
        # The span may carry its own preposition: "since 2022".
        if _BACKGROUND.search(clause) or _BACKGROUND.match(mention.text):
            continue
        # "Trump's July 25 phone call", "the Nov. 27 offensive": a date naming a thing
        # (no preposition before it, a noun after it) dates that thing, not the event.
        if mention.text[:1].isupper() and _NOUN_AFTER.match(text, mention.end):
            continue
        kept.append(mention)
    return tuple(kept)


def best_date(dates: Sequence[DateMention]) -> DateMention | None:
    """The date a fact is filed under: the most precise, then the first written."""
    rank = {"day": 0, "month": 1, "year": 2}
    if not dates:
        return None
    return min(dates, key=lambda d: rank.get(d.precision, 3))


def first_published(index: Index, report: Sequence[str]) -> str | None:
    """The earliest publication day among the articles carrying a report."""
    days = [index.articles[index.sentences[sid].article_id].published for sid in report]
    known = [day[:10] for day in days if day]
    return min(known) if known else None
