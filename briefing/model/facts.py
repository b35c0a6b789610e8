"""Key facts: concrete, checkable statements chosen by rules, not by hand.

A sentence makes a good fact when it reports an event (an event verb), pins it down
(a date, a number, a named place) and says whose account it is. Conditionals,
questions, quotes of opinion and background asides score low.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.dates import DateMention
from briefing.model.dating import best_date, event_dates, first_published
from briefing.model.index import Index
from briefing.model.panes import Acts
from briefing.model.reports import Reports
from briefing.model.types import Fact

MAX_FACTS = 8
MIN_SCORE = 3.0

_EVENT_VERBS = r"""
    take|takes|took|taken|taking|seize|seizes|seized|seizing|capture|captures|captured|capturing|
    kill|kills|killed|destroy|destroys|destroyed|send|sends|sent|launch|launches|launched|
    attack|attacks|attacked|strike|strikes|struck|hit|hits|advance|advances|advanced|advancing|
    withdraw|withdraws|withdrew|withdrawn|close|closes|closed|meet|meets|met|announce|announces|
    announced|sign|signs|signed|flee|flees|fled|fleeing|deploy|deploys|deployed|bomb|bombs|
    bombed|bombing|shell|shelled|cross|crossed|regain|regained|fall|fell|fallen|break|broke|
    begin|began|begun|push|pushed|arrive|arrived|arriving|emptied|patrol|patrolled|enter|entered|
    retake|retook|recapture|recaptured|fire|fired|firing|shoot|shot|declare|declared|agree|agreed|
    release|released|arrest|arrested|evacuate|evacuated|die|died|wound|wounded|injure|injured|
    displace|displaced|reinforce|reinforced|reinforcements|invade|invaded|invasion|erupted|
    exchanged|urged|vote|voted|elect|elected|resign|resigned|ban|banned|impose|imposed|sanction|
    sanctioned|raid|raided|ambush|ambushed|overrun|overran|surround|surrounded|besiege|besieged|
    control|controls|controlled|mobilise|mobilised|mobilize|mobilized|suspend|suspended|
    provide|provides|provided|providing|supply|supplies|supplied|deliver|delivered|
    support|supports|supported
"""
_EVENT = re.compile(r"\b(?:" + re.sub(r"\s+", "", _EVENT_VERBS) + r")\b", re.IGNORECASE)
# "in October", "on Friday" are dates, not places.
_MONTHS_AND_DAYS = rf"(?:{'|'.join((*calendar.month_name[1:], *calendar.day_name))})\b"
# A quantity, not a year: years count as dates.
_NUMBER = re.compile(
    r"\b(?!(?:19|20)\d\d\b)(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|"
    r"thousands|millions|dozen|hundred|thousand|million)\b",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"\b(?:in|at|to|from|near|towards?|outside|around|into|across|along|on)\s+"
    rf"(?:the\s+)?(?!{_MONTHS_AND_DAYS})[A-Z][\w'’-]+"
)
_HEDGE = re.compile(r"\b(?:would|could|might|may|if|whether|possibly|perhaps)\b", re.IGNORECASE)
_CONDITIONAL_START = re.compile(r"^\s*(?:If|Should|Unless|Were)\b")
# States and habits, not events: "has been focused on", "have regularly held talks",
# "for years", "over the past two months".
_STATE = re.compile(
    r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been|spent|long)\b"
    r"|\b(?:regularly|routinely|traditionally|historically|usually)\b"
    r"|\bfor\s+(?:years|decades|months)\b"
    r"|\b(?:over|in|during)\s+the\s+(?:past|last|most)\b",
    re.IGNORECASE,
)
# The news of the day: what happened now, overnight, on a named day.
_RECENT = re.compile(
    r"\b(?:now|today|tonight|overnight|yesterday|this\s+week|on\s+(?:Mon|Tues|Wednes|Thurs|Fri"
    r"|Satur|Sun)day)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FactCandidate:
    """One report about an actor, as the fact rules see it."""

    text: str
    kind: str
    dates: tuple[DateMention, ...]  # from every sentence carrying the report
    speaker: str | None  # whose account the sentence itself names
    sources: tuple[str, ...]
    order: int  # reading order of the report's first sentence
    reported: str | None = None  # earliest publication date of its sources
    wire: str | None = None  # the reporting wire or outlet, for a fact nobody is quoted on
    actor_acts: bool = False  # the pane's actor is who acts or speaks, not just named

    @property
    def attribution(self) -> str | None:
        return self.speaker or self.wire


def score(candidate: FactCandidate) -> float:
    text = candidate.text
    if candidate.kind in ("caption", "subhead") or text.rstrip().endswith("?"):
        return 0.0
    words = len(text.split())
    value = 0.0
    if _EVENT.search(text):
        value += 2.0
    date = best_date(candidate.dates)
    if date is not None:
        value += 2.0 if date.precision == "day" else 1.0
    if _NUMBER.search(text):
        value += 1.0
    if _PLACE.search(text):
        value += 1.0
    if candidate.speaker:
        value += 1.0
    if candidate.actor_acts:
        value += 1.5
    if _RECENT.search(text):
        value += 1.0
    if _STATE.search(text):
        value -= 2.0
    if len(candidate.sources) > 1:
        value += 0.5  # corroborated by more than one sentence
    if _CONDITIONAL_START.match(text):
        value -= 3.0
    elif _HEDGE.search(text):
        value -= 1.0
    if text.lstrip()[:1] in "\"“‘'":
        value -= 1.0  # a quotation is a view, rarely a checkable event
    if words < 7:
        value -= 2.0
    elif words > 55:
        value -= 1.0
    if candidate.kind == "headline":
        value -= 1.0  # the body states the same thing with its source and date
    return value


def select_facts(
    candidates: Sequence[FactCandidate], limit: int = MAX_FACTS
) -> list[FactCandidate]:
    """The best-scoring candidates in date order.

    An undated fact is placed at the date it was reported; with neither, it goes last.
    """
    scored = [(score(c), c) for c in candidates]
    best = sorted(
        (sc for sc in scored if sc[0] >= MIN_SCORE), key=lambda sc: (-sc[0], sc[1].order)
    )[:limit]

    def when(candidate: FactCandidate) -> tuple[int, str, int]:
        date = best_date(candidate.dates)
        value = date.value if date else candidate.reported
        return (1, "", candidate.order) if value is None else (0, value, candidate.order)

    return sorted((c for _, c in best), key=when)


def pane_facts(
    index: Index, reports: Reports, order: dict[str, int], acts: Acts
) -> tuple[Fact, ...]:
    """A pane's key facts over its reports; `order` is the reading order of its sentences."""
    candidates = []
    for report, stated in reports.items():
        article = index.articles[stated.article_id]
        speaker = next((index.speakers[sid] for sid in report if index.speakers.get(sid)), None)
        candidates.append(
            FactCandidate(
                text=stated.text,
                kind=stated.kind,
                dates=tuple(
                    d
                    for sid in report
                    for d in event_dates(index.sentences[sid].text, index.sentences[sid].dates)
                ),
                speaker=speaker,
                sources=report,
                order=order.get(report[0], len(order)),
                reported=first_published(index, report),
                wire=article.wire or article.outlet,
                actor_acts=acts(stated.text) or bool(speaker and acts(speaker)),
            )
        )
    facts = []
    for candidate in select_facts(candidates):
        date = best_date(candidate.dates)
        facts.append(
            Fact(
                text=candidate.text,
                date=date.value if date else None,
                precision=date.precision if date else None,
                attribution=candidate.attribution,
                sources=candidate.sources,
                reported=candidate.reported,
            )
        )
    return tuple(facts)
