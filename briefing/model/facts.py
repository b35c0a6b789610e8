"""Key facts: concrete, checkable statements chosen by rules, not by hand.

A sentence makes a good fact when it reports an event (an event verb), pins it down
(a date, a number, a named place) and says whose account it is. Conditionals,
questions, quotes of opinion and background asides score low.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from briefing.annotate.dates import DateMention
from briefing.annotate.phrase_index import Screened
from briefing.corroborate import ReportWords, report_words
from briefing.corroborate.tokens import WEEKDAYS
from briefing.countries import slug
from briefing.model.background import CONDITIONAL_START, tells_a_state
from briefing.model.clauses import (
    main_clause_opening,
    main_clause_passive,
    main_verb,
    opening_phrase_end,
    subject_end,
    verb_done,
)
from briefing.model.dating import best_date, dateline_end, written
from briefing.model.events import event_span
from briefing.model.lines import Line, as_cut
from briefing.model.tolls import toll_counts
from briefing.model.types import Fact, cited_articles
from briefing.model.words import _lines, event_verbs, names_an_event_verb, rewrites

MAX_FACTS = 8
MIN_SCORE = 3.0

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
_FRAGMENT = re.compile(r"^\W*(?:which|who|whom|whose|where)\b", re.IGNORECASE)
# A main clause opening by pointing back ("This strategy enabled ...", "These groups are
# ..."; "Most of its main streets were empty", "Their leaders ..."): alone, nobody can tell
# what it is about. "This week" is a date.
_POINTS_BACK = re.compile(
    r"^\W*(?:(?:This|That|These|Those|Such)\s+(?!(?:week|month|year|morning|afternoon|evening"
    r"|night|weekend|time|day|days|same)\b)[a-z]"
    r"|(?:(?:Most|Some|Many|Much|All|One|Part|Parts|Several|Each)\s+of\s+(?:its|their)"
    r"|Its|Their)\b)"
)
# Where and when words told before were said: "Eyal Zamir made the remarks during a visit
# to a naval base" tells of the remarks of the sentence before, not what they were.
_SAID_BEFORE = re.compile(
    r"\b(?:made|gave|delivered|issued)\s+(?:the|these|those|his|her|their)\s+"
    r"(?:remarks|comments|statement|speech|announcement)\b"
)
# A pronoun subject ("It has seen ...", "He suggested ...", "On Monday, he said ..."),
# resolved only when the sentence's speaker is known.
_PRONOUN = re.compile(r"^\W*(?:[Ii]t|[Tt]hey|[Hh]e|[Ss]he)\b")
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
    quoted: bool = False  # its sentence is part of a quote running over several sentences
    named_speaker: bool = True  # its sentence names the speaker, not a quote around it

    @property
    def attribution(self) -> str | None:
        return self.speaker or self.wire


def score(candidate: FactCandidate) -> float:
    text = candidate.text
    if candidate.kind in ("caption", "subhead") or text.rstrip().endswith(("?", ":")):
        return 0.0
    if _FRAGMENT.match(text):
        return 0.0  # "Which was completely destroyed ...": the rest of a cut sentence
    words = len(text.split())
    value = 0.0
    if names_an_event_verb(text):
        value += 2.0
    # A date pins the event down only when the text writes it (not the article's news day).
    date = best_date(written(candidate.dates))
    if date is not None:
        value += 2.0 if date.precision == "day" else 1.0
    if _NUMBER.search(text):
        value += 1.0
    if _PLACE.search(text):
        value += 1.0
    if candidate.speaker and candidate.named_speaker:
        value += 1.0  # an account the sentence gives (a quote's other sentences do not)
    if candidate.actor_acts:
        value += 1.5
    if _RECENT.search(text):
        value += 1.0
    if tells_a_state(text):
        value -= 2.0
    if len(candidate.sources) > 1:
        value += 0.5  # corroborated by more than one sentence
    if CONDITIONAL_START.match(text):
        value -= 3.0
    elif _HEDGE.search(text):
        value -= 1.0
    if text.lstrip()[:1] in "\"“‘'" or candidate.quoted:
        value -= 2.0  # a quotation is a view, rarely a checkable event
    if words < 7:
        value -= 2.0
    elif words > 55:
        value -= 1.0
    if candidate.kind == "headline":
        value -= 1.0  # the body states the same thing with its source and date
    return value


def _about(candidate: FactCandidate) -> bool:
    # A line naming the pane's actor is a fact of its pane only when the actor acts, speaks
    # or is acted upon: not when people no party to the conflict act.
    return candidate.actor_acts or not civilians_act(candidate.text)


def self_contained(candidate: FactCandidate) -> bool:
    """Whether a fact can be read alone: its main clause does not open by pointing back
    to what came before ("This strategy ...", or a pronoun whose speaker is unknown), nor
    tell only where words said before were said ("made the remarks during a visit")."""
    opening = main_clause_opening(candidate.text)
    return not (
        _POINTS_BACK.match(opening)
        or (not candidate.speaker and _PRONOUN.match(opening))
        or speaks_for_nobody(candidate.text, candidate.speaker)
        or _SAID_BEFORE.search(candidate.text)
    )


# "I am in contact with ...", "Last night in Poland we saw ...": a post or a quote's words
# whose marks the page lost; with no speaker known, nobody can tell whose they are.
# (after a time or place written without a comma: "Last night in Poland we saw"). "I" right
# after a capitalised word is a Roman numeral ("Phase I of the ceasefire", "World War I
# memorials"), but for a time's ("Yesterday I spoke").
_TIME_WORDS = r"in|on|at|last|this|night|morning|evening|today|yesterday"
_OPENING_WORD = rf"(?:(?:[A-Z][\w'’-]*|{_TIME_WORDS})\s+)"
_FIRST_PERSON = re.compile(
    rf"^\W*(?:{_OPENING_WORD}{{0,5}}?(?:We|we|My|Our|our)"
    rf"|(?:{_OPENING_WORD}{{0,4}}?(?:Today|Yesterday|Tonight|{_TIME_WORDS})\s+)?I)\s+[a-z]"
)


def speaks_for_nobody(text: str, speaker: str | None) -> bool:
    """Whether the main clause speaks in the first person, outside quotation marks, and
    nobody is known to say it."""
    return (
        not speaker
        and text.lstrip()[:1] not in "\"“‘'"
        and _FIRST_PERSON.match(main_clause_opening(text)) is not None
    )


def opens_with_pronoun(text: str) -> bool:
    """Whether the main clause's subject is a pronoun ("He also warned ...", "It added
    that ..."): who it is must come from the sentences before."""
    return _PRONOUN.match(main_clause_opening(text)) is not None


@cache
def _civilians() -> re.Pattern[str]:
    nouns = "|".join(word for line in _lines("civilian_nouns.txt") for word in line.split())
    # "Thousands of Lebanese", "Tens of thousands of people", "Displaced people"
    return re.compile(
        # a people's plural ("Lebanese", "Israelis"), not "dozens of Russian drones"
        rf"\b(?:{nouns})\b|\b(?:thousands|hundreds|dozens|scores)\s+of\s+[A-Z][a-z]+(?:s|ese)\b",
        re.IGNORECASE,
    )


# Someone named speaks to them: "despite urgent warnings from the Israeli military".
_SPOKEN_TO = re.compile(
    r"\b(?:warnings?|orders?|calls?|appeals?|instructions?|pleas?)\s+(?:from|by)\s+(?:the\s+)?"
    r"[A-Z]"
)


@lru_cache(maxsize=8192)  # asked of a pane's lines when choosing facts and the summary
def civilians_act(text: str) -> bool:
    """Whether the main clause's subject is people who are no party to the conflict (or a
    person named without a title) and they act (an active verb: "People took to the
    streets ..."), so the sentence is about
    them; "At least 134 people have been killed" tells what was done to them, and "People
    began flooding south despite warnings from the Israeli military" what they were told."""
    opening = main_clause_opening(text)
    subject = opening[: subject_end(opening)]
    verb = main_verb(text)[0]
    return (
        bool(verb)
        and not main_clause_passive(text)
        and (
            bool(_civilians().search(subject))
            # "Najlaa Ahmed managed to get her children to safety": a person named with no
            # title, doing, not saying (a pane's fact never has its actor in such a subject)
            or (_BARE_NAME.match(subject.strip()) is not None and verb not in _SAYING)
        )
        and not _SPOKEN_TO.search(text)
    )


# Two or three capitalised words and nothing else: a person's name without a title (not
# "An Israeli", a subject cut short before a noun read as its verb: "An Israeli strike").
_BARE_NAME = re.compile(r"^(?!(?:A|An)\s)[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}$")
_SAYING = frozenset(
    "said says told tells added adds stated warned confirmed announced condemned denied "
    "called urged accused claimed described".split()
)


@dataclass(frozen=True)
class _Chosen:
    """What a chosen fact (or one already shown) is compared by: its content words, the
    day of its event, whether it counts the dead and who did what (see `_act`)."""

    words: ReportWords
    day: str | None
    deaths: bool
    act: _Act | None

    def said_again_by(self, other: _Chosen) -> bool:
        """Whether `other` says this fact again: a rewording (the reports were not merged),
        unless the two are dated days apart ("RSF drones hit Omdurman's power stations" in
        May and again in September are two attacks); or the same person doing the same to
        the same thing that day, reworded ("Zelenskyy decried the attack" and "Zelensky
        condemned the attack"). Never when `other` counts the dead and this does not ("Death
        toll in Dnipro rises to 19 due to Russian strike on June 24" is more than "A Russian
        missile struck a train near Dnipro on June 24")."""
        if other.deaths and not self.deaths:
            return False
        if (
            _restates(other.words, self.words)
            and not _days_apart(other.day, self.day)
            and not _weekdays_apart(other.words.dates, self.words.dates)
        ):
            return True
        return bool(other.act and self.act and other.act.restates(self.act))


def select_facts(
    candidates: Sequence[FactCandidate], limit: int = MAX_FACTS, shown: Sequence[Fact] = ()
) -> list[FactCandidate]:
    """The best-scoring candidates, newest first, none restating another or one of the
    facts already `shown`.

    An undated fact is placed at the date it was reported; with neither, it goes last.

    Tried and dropped (qa-pages11 #8, "killed at least 25" shown, the later "26" not): a
    candidate restating a chosen fact with a higher toll of the dead, reported the same day
    or later, taking its place. Judged corpus unchanged, but in 12 re-dumped briefings it
    swapped a main event for another strike's larger toll (Zaporizhzhia's 3 dead for
    Kharkiv's 7) and a strike's toll for background's (Doha's 6 for 7 October's 1,200):
    "restates" is too loose a test of one event to rank tolls by.
    """
    scored = [(score(c), c) for c in candidates]
    best: list[FactCandidate] = []
    chosen = [
        _Chosen(
            report_words(fact.text),
            fact.date if fact.precision == "day" else None,
            _tells_deaths(fact.text),
            _act(fact.text, fact.date or fact.reported),
        )
        for fact in shown
    ]
    ranked = sorted(
        (sc for sc in scored if sc[0] >= MIN_SCORE and self_contained(sc[1]) and _about(sc[1])),
        # (Of two scoring alike, the one more outlets carry first: a rewording of it is dropped.)
        key=lambda sc: (-sc[0], -len(cited_articles(sc[1].sources)), sc[1].order),
    )
    for _, candidate in ranked:
        if len(best) == limit:
            break
        this = _Chosen(
            report_words(candidate.text),
            _event_day(candidate),
            _tells_deaths(candidate.text),
            _act(candidate.text, _day(candidate), candidate.speaker),
        )
        if any(other.said_again_by(this) for other in chosen):
            continue
        best.append(candidate)
        chosen.append(this)

    def when(candidate: FactCandidate) -> str | None:
        date = best_date(candidate.dates)
        return date.value if date else candidate.reported

    dated = sorted(
        (c for c in best if when(c)), key=lambda c: (when(c) or "", -c.order), reverse=True
    )
    return dated + sorted((c for c in best if not when(c)), key=lambda c: c.order)


# Two facts sharing this much of the shorter one's content words and of its names state
# one event (a toll that rose between reports included: "at least 24" and "at least 34").
_RESTATED_WORDS = 0.4
_RESTATED_NAMES = 0.5


# Events dated this many days apart or more are two events, however alike their words: one
# day more absorbs an outlet dating the strike and another the day it was reported.
_APART_DAYS = 2


def _event_day(candidate: FactCandidate) -> str | None:
    date = best_date(candidate.dates)
    return date.value if date and date.precision == "day" else None


def _tells_deaths(text: str) -> bool:
    return "dead" in toll_counts(text)


def _days_apart(one: str | None, other: str | None) -> bool:
    if one is None or other is None:
        return False
    gap = datetime.date.fromisoformat(one) - datetime.date.fromisoformat(other)
    return abs(gap.days) >= _APART_DAYS


_WEEKDAYS = [f"wd:{day}" for day in WEEKDAYS]  # as `ReportWords.dates` writes them


def _weekdays_apart(one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two facts' weekdays ("wd:friday", see `ReportWords.dates`) are each
    `_APART_DAYS` or more from the other's: "Ukraine claimed the attacks ... on Friday and
    Saturday" and "Ukrainian sea drones struck ... the tanker Dashan ... on Wednesday" tell
    two strikes, undated as both are. (A day between them may be the attack's and the
    announcement's.)"""
    days = [_WEEKDAYS.index(d) for d in one if d in _WEEKDAYS]
    others = [_WEEKDAYS.index(d) for d in other if d in _WEEKDAYS]
    return bool(days and others) and all(
        min(abs(a - b), 7 - abs(a - b)) >= _APART_DAYS for a in days for b in others
    )


def _share(one: frozenset[str], other: frozenset[str]) -> float:
    shorter = min(len(one), len(other))
    return len(one & other) / shorter if shorter else 1.0


def _restates(one: ReportWords, other: ReportWords) -> bool:
    # "Rebels seized Aleppo" and "Rebels captured Hama" are two events: no name shared.
    return (
        bool(one.words and other.words)
        and _share(one.words, other.words) >= _RESTATED_WORDS
        and _share(one.names, other.names) >= _RESTATED_NAMES
    )


@dataclass(frozen=True)
class _Act:
    """Who did what to what, when: the last name of a fact's subject ("Ukrainian President
    Volodymyr Zelenskyy" -> "zelenskyy"), its main verb (as the first word of its rewrites
    group; "" for a verb that reports no event), the content words after the verb (their
    first letters, so "response" and "respond" are one), its date and whether it tells one
    named person's death."""

    name: str
    verb: str
    rest: frozenset[str]
    day: str | None
    death: bool = False  # one person's death: "Hezbollah chief Hassan Nasrallah was killed"

    def restates(self, other: _Act) -> bool:
        if not _same_name(self.name, other.name):
            return False
        # A named person is killed once: "Nasrallah was killed in a strike on Beirut, the
        # military said today" and "Nasrallah was killed in a strike on Friday" are one
        # death, whichever day each dates it by (the strike's or the announcement's).
        if self.death and other.death:
            return True
        if self.day != other.day:
            return False
        if self.verb and self.verb == other.verb:
            return bool(self.rest & other.rest)
        # Another verb, saying the same ("called for a decisive response" and "decried
        # the attack, urging global leaders to respond decisively"): three of its words
        # again, or two that are most of a short one.
        shared = len(self.rest & other.rest)
        return shared >= _RESAID_WORDS or (
            shared >= _RESAID_WORDS - 1 and _share(self.rest, other.rest) >= _RESTATED_WORDS
        )


# Content words after the verb shared by two acts of one person, with different verbs,
# that say one thing.
_RESAID_WORDS = 3
# A word's first letters, enough to tell words apart and to join "respond" and "response".
_WORD_START = 6
# A name spelt two ways ("Zelensky", "Zelenskyy"; "Sharaa", "Shara'a") shares its start.
_NAME_START = 6
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]{2,}")
# The first word of the rewrites group of "killed", "died", "eliminated".
_DEATH = "kill"
# A participle of that group, as a passive death is told ("was killed", "has died").
_DIED_WORDS = ("killed", "died", "dies", "dead", "slain", "murdered", "eliminated")
_DIED = Screened(re.compile(rf"\b(?:{'|'.join(_DIED_WORDS)})\b", re.IGNORECASE), _DIED_WORDS)


def _same_name(one: str, other: str) -> bool:
    return one == other or (
        min(len(one), len(other)) >= _NAME_START and one[:_NAME_START] == other[:_NAME_START]
    )


# A pane's summary candidates are each compared with every key fact: the same texts again.
@lru_cache(maxsize=8192)
def _act(text: str, day: str | None, speaker: str | None = None) -> _Act | None:
    """A fact of `day` as who did what, when; None when its subject names nobody or its
    main verb is not found. A pronoun subject ("He said he had agreed ...") is the
    sentence's `speaker`, when known."""
    opening = main_clause_opening(text)
    end = subject_end(opening)
    verb = main_verb(text)[0]
    done, following, _ = verb_done(text, passive_only=True)  # "has been killed"
    if done in _BE and following:
        done = following  # "was killed": the participle tells what was done
    subject = speaker if speaker and _PRONOUN.match(opening) else opening[:end]
    names = _CAPITALISED.findall(subject)
    if not verb or not names:
        return None
    # Only a verb that reports an event, or that outlets swap in a rewrite, is one act
    # whatever follows it: two things "said" are two statements.
    group = rewrites().get(verb) or (verb if verb in event_verbs() else "")
    after = text[text.find(opening) + end :].split(maxsplit=1)[1:]  # the words after the verb
    found = report_words(after[0]) if after else None
    words = {word[:_WORD_START] for word in found.words - found.names} if found else set()
    # One person: a subject ending in a name ("Hezbollah chief Hassan Nasrallah"), not in
    # a noun ("At least 40 people", "Five Israeli soldiers").
    person = subject.split()[-1:] == [names[-1]]
    death = person and rewrites().get(done) == _DEATH
    return _Act(names[-1].lower(), group, frozenset(words), day, death)


_BE = frozenset({"is", "are", "was", "were"})


def _day(candidate: FactCandidate) -> str | None:
    # An undated fact is filed under the day it was reported.
    date = best_date(candidate.dates)
    return date.value if date else candidate.reported


def says_again(text: str, day: str | None, other: str, other_day: str | None) -> bool:
    """Whether two statements, filed under these days, are one person's one act told
    twice (see `_Act`): a summary line saying again what a fact or another line says."""
    # Acts of two days are two acts, but for one person's death (`_Act.restates`): no need
    # to read them unless both tell a death.
    if day != other_day and not (tells_a_death(text) and tells_a_death(other)):
        return False
    one, two = _act(text, day), _act(other, other_day)
    return bool(one and two and one.restates(two))


# A pane's lines and key facts are each read for a death again and again.
@lru_cache(maxsize=1024)
def tells_a_death(text: str) -> bool:
    return _DIED.search(text) is not None


def fact_candidate(line: Line) -> FactCandidate:
    """A line as the fact rules see it."""
    return FactCandidate(
        text=_as_said(line),
        kind=line.stated.kind,
        dates=line.dates,
        speaker=line.speaker,
        sources=line.sources,
        order=line.order,
        reported=line.reported,
        wire=line.wire,
        actor_acts=line.subject,
        quoted=line.quoted,
        named_speaker=line.named_speaker,
    )


def _as_said(line: Line) -> str:
    """The line's event, but its whole saying when the sentence's speaker is a pronoun no
    name before it resolves ("He said an end to Israeli attacks ... would allow ..."): the
    claim cut from "He said" would read as a fact, or as the wire's."""
    if line.unresolved_pronoun:
        said = event_span(line.stated.text[dateline_end(line.stated.text) :], None)
    else:
        said = line.event
    return as_cut(said) if line.cut else said


def pane_facts(
    lines: Sequence[tuple[Line, tuple[str, ...]]], shown: Sequence[Fact] = ()
) -> tuple[Fact, ...]:
    """A pane's key facts: the events among its lines (background never), newest first,
    none saying again what a fact already `shown` says."""
    by_order = {line.order: (line, also) for line, also in lines if not line.background}
    candidates = [fact_candidate(line) for line, _ in by_order.values()]
    facts = []
    for candidate in select_facts(candidates, shown=shown):
        line, also = by_order[candidate.order]
        date = best_date(candidate.dates)
        attribution = _unsaid(candidate.attribution, candidate.text)
        facts.append(
            Fact(
                text=candidate.text,
                date=date.value if date else None,
                precision=date.precision if date else None,
                attribution=attribution,
                sources=candidate.sources,
                reported=candidate.reported,
                also=others_than(also, attribution),
                report=line.report,
                sentence=line.stated.text if line.stated.text != candidate.text else None,
            )
        )
    return tuple(facts)


def _unsaid(attribution: str | None, text: str) -> str | None:
    """Whose account a fact is, unless its text (or its main clause, after an opening
    phrase) opens by naming them: "The sides announced the deal after ..." needs no "(The
    sides)" after it, nor "On November 19, U.S. President Donald Trump said ..." "(U.S.
    President Donald Trump)"."""
    if not attribution:
        return attribution
    named = len(attribution)
    for start in dict.fromkeys((0, opening_phrase_end(text))):
        clause = text[start:].lstrip()
        if clause[:named].lower() == attribution.lower() and not clause[named:][:1].isalnum():
            return None
    return attribution


def others_than(also: tuple[str, ...], speaker: str | None) -> tuple[str, ...]:
    """The other actors a line names, but the one shown as its speaker: "(Hamas) (also:
    Hamas)" says the name twice, as "(US Central Command (CENTCOM)) (also: U.S. Central
    Command)" does (its acronym after it, initials with or without stops: see `slug`)."""
    if not speaker:
        return also
    said = slug(_ACRONYM_AFTER.sub("", speaker))
    return tuple(name for name in also if slug(name) != said)


# "US Central Command (CENTCOM)": a name's acronym in brackets after it.
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z.&-]{1,11}\)$")


def sort_facts(facts: Sequence[Fact]) -> tuple[Fact, ...]:
    """Newest first: by the event's date, else the report's; undated last, in given order."""
    known = [f for f in facts if f.date or f.reported]
    return (
        *sorted(known, key=lambda f: f.date or f.reported or "", reverse=True),
        *(f for f in facts if not (f.date or f.reported)),
    )
