"""The one place where a line of the model gets its date.

`briefing.dates` resolves every temporal expression of a sentence (annotate stage);
here the model picks which of them date the event a line reports, and falls back to
when the report was published.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from briefing.annotate import publication_date
from briefing.dates import DateMention, resolve_dates
from briefing.model.index import Index

# A date inside a clause opened by one of these words dates the background
# ("since the Gaza war erupted in October 2023", "till its defeat in 2017"),
# not the event the sentence reports.
_BACKGROUND = re.compile(
    r"\b(?:since|till|until|which|who|whose|during|before|after|when|once|first|last time)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s")
_DATELINE_END = re.compile(r"\s*(?::|--|[–—]|\s-\s)")
_DATELINE_REACH = 60
# A lede's event this many days before publication is the news of the article.
LEDE_DAYS = 2
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|but|to|as|at|in|on|of|by|for|from|with|after|before|when|while|that"
    r"|which|who|the|a|an|is|was|were|are|has|had|will|would)\b)[a-z]{3,}\b"
)


def event_dates(text: str, dates: Sequence[DateMention]) -> tuple[DateMention, ...]:
    """The dates in a sentence that date its event, not its background clauses."""
    kept = []
    for mention in dates:
        # "Khartoum [Sudan], October 28 : ..." is a dateline: the day of the report, not of its
        # event. (A page's " date YYYY-MM-DD" marker never gets this far: extraction takes it.)
        if mention.start < _DATELINE_REACH and _DATELINE_END.match(text, mention.end):
            continue
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


def report_dates(index: Index, report: Sequence[str]) -> tuple[DateMention, ...]:
    """The dates of a report's event, from every sentence carrying it. A sentence of an
    undated article is read against the date of another article carrying the report, so
    its "on Tuesday" still resolves."""

    def published(sid: str) -> str | None:
        return index.articles[index.sentences[sid].article_id].published

    whole = index.corroboration.sources(report[0])
    anchor = next((published(sid) for sid in whole if published(sid)), None)
    dates: list[DateMention] = []
    for sid in report:
        sentence = index.sentences[sid]
        mentions = sentence.dates
        if not published(sid) and anchor:
            mentions = resolve_dates(sentence.text, publication_date(anchor))
        dates.extend(event_dates(sentence.text, mentions))
    return tuple(dates)


def lede_date(index: Index, article_id: str) -> DateMention | None:
    """The day of an article's main event: the date its first dated body sentence gives
    the event, when that is at most `LEDE_DAYS` before publication (a report of the day)."""
    article = next(a for a in index.annotated if a.id == article_id)
    published = article.article.published
    for sentence in article.sentences:
        if sentence.kind != "body":
            continue
        date = best_date(event_dates(sentence.text, sentence.dates))
        if date is None:
            continue
        if date.precision != "day" or not published:
            return None
        gap = (
            datetime.date.fromisoformat(published[:10]) - datetime.date.fromisoformat(date.value)
        ).days
        return date if 0 <= gap <= LEDE_DAYS else None
    return None
