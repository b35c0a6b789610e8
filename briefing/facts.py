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

from briefing.annotate import Sentence
from briefing.dates import DateMention

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

_SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|reported|reports|announced|confirmed|claimed|"
    r"stated|wrote|warned|according"
)
_SPEAKER = r"(?P<who>[^,;:\"“”‘’()]{2,90}?)"
# "..., the interior ministry said on Friday." / "...," Mazloum Abdi told a press conference
_SPEAKER_AFTER = re.compile(r"(?:,|[\"”’])\s+" + _SPEAKER + r"\s+(?:" + _SPEECH_VERBS + r")\b")
# "The Syrian Observatory for Human Rights, a UK-based monitoring group, said thousands ..."
_SPEAKER_FIRST = re.compile(
    r"^\s*" + _SPEAKER + r"(?:,[^,]{2,80},)?\s+(?:" + _SPEECH_VERBS + r")\b(?!\s+to\b)"
)
_ACCORDING_TO = re.compile(r"\baccording to\s+(?P<who>[^,;.\"“”]{2,90})")
_NOT_SPEAKERS = re.compile(
    r"^(?:which|that|who|it|this|there|and|but|as|while|he|she|they|we|i|you)\b", re.IGNORECASE
)
# "officials close to Tehran also told Reuters", "Amazon has reportedly told": adverbs and
# auxiliaries before the verb are not part of the name.
_TRAILING_ADVERB = re.compile(
    r"(?:\s+(?:also|later|earlier|separately|previously|again|further|then|has|have|had"
    r"|will|would|could|(?-i:[a-z]+ly)))+$",
    re.IGNORECASE,
)
# "employees were told": a passive names who heard it, not who said it.
_PASSIVE = re.compile(r"\s(?:was|were|is|are|been|be|being|get|got)$", re.IGNORECASE)
# "..., said Derek Scissors, a scholar at ..." / "..., said the minister."
_SPEAKER_INVERTED = re.compile(
    r",\s+(?:said|says|told|added|warned)\s+(?P<who>(?:the\s+)?[^,;:\"“”‘’()]{2,60}?)\s*(?:[,.;]|$)"
)
_PRONOUN = re.compile(r"^(?:he|she|they|it)$", re.IGNORECASE)
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


def find_speaker(text: str) -> str | None:
    """Whose account a sentence gives ("a senior Iranian official"), or None.

    A bare pronoun ("he added") is returned as such; `attribute_sentences` resolves
    it against the sentences before it.
    """
    for pattern in (_ACCORDING_TO, _SPEAKER_AFTER, _SPEAKER_FIRST, _SPEAKER_INVERTED):
        for match in pattern.finditer(text):
            who = match.group("who").strip(" .'\"“”‘’")
            if _PASSIVE.search(who):
                continue
            who = _TRAILING_ADVERB.sub("", who)
            if _PRONOUN.match(who):
                return who.lower()
            words = who.split()
            if 1 <= len(words) <= 12 and not _NOT_SPEAKERS.match(who):
                return who
    return None


def attribute_sentences(sentences: Sequence[Sentence]) -> dict[str, str | None]:
    """Speaker per sentence of one article, pronouns resolved to the last named speaker."""
    speakers: dict[str, str | None] = {}
    last_named: str | None = None
    for sentence in sentences:
        who = find_speaker(sentence.text)
        if who is not None and _PRONOUN.match(who):
            who = last_named
        elif who is not None:
            last_named = who
        speakers[sentence.id] = who
    return speakers


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
