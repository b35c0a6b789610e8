"""The one place where a line of the model gets its date.

`briefing.annotate.dates` resolves every temporal expression of a sentence against its article's
publication day (annotate stage); here the model decides which day each article is read
against, which of a sentence's dates date the event a line reports, and, for an event
the text does not date, whether the article's news of the day does. A line gets no date
rather than a wrong one.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, product

from briefing.annotate import Sentence, publication_date
from briefing.annotate.dates import (
    MONTH_NAME,
    DateMention,
    resolve_dates,
    sentence_tense,
    tense_at,
    with_nearest_years,
    with_written_years,
)
from briefing.annotate.phrase_index import Screened
from briefing.corroborate import ReportWords, report_words
from briefing.extract.vocabulary import AGENCY_NAMES, known_outlets
from briefing.lazy_pattern import lazy_compile
from briefing.model.attribution import find_attribution, is_pronoun
from briefing.model.background import is_background, is_historical, of_a_past_period
from briefing.model.clauses import main_verb, opening_phrase_end
from briefing.model.events import event_span
from briefing.model.index import Index
from briefing.model.tolls import toll_counts
from briefing.model.words import event_nouns, event_verbs, nouns_pattern

# A date inside a clause opened by one of these words dates the background
# ("since the Gaza war erupted in October 2023", "till its defeat in 2017", "where Russia
# had staged bombers in January"), not the event the sentence reports.
_BACKGROUND = lazy_compile(
    r"\b(?:since|till|until|which|who|whose|during|before|after|following|when|once|first"
    r"|last time|where"
    # a comparison with another time: "as they did in June 2024", "reminiscent of the one
    # in 2023", "similar to", "like the attack in ..."
    r"|as\s+(?:it|they|he|she|we|had|did|was|were)\b|reminiscent|similar|like\s+(?:the|that|those)"
    r"|compared)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = lazy_compile(r"[,;:()—–]|\s-\s")
# A deadline ("by Friday", "by the end of this year") is not when the event happened.
_DEADLINE = lazy_compile(
    r"\bby(?:\s+the\s+(?:end|start|beginning|middle|close))?(?:\s+of)?\s*$", re.IGNORECASE
)
# What ends a dateline after its date: "Khartoum, October 28 :", "Nov. 27 (UPI) --",
# "Beirut, Nov 27 (EFE).-".
_DATELINE_END = lazy_compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?::|\.?--?|[–—]|\s-\s)")
_DATELINE_REACH = 60
# A dateline is found by where its date sits, not by which day it is: any reference will do.
_ANY_DAY = datetime.date(2000, 1, 1)
_YEAR = lazy_compile(r"\b(?:19|20)\d\d\b")
# A year's digits, in any text a date matching _YEAR is part of. (Every body sentence of an
# article is asked, most hold neither first two, and a search is tried at every character.)
_YEAR_DIGITS = Screened(lazy_compile(r"(?:19|20)\d\d"), ("19", "20"), ignore_case=False)


# A lede's event this many days before publication is the news of the article.
LEDE_DAYS = 2
# The lede: an article's first body sentences, where it says what its news is.
LEDE_SENTENCES = 4
_LEDE_KINDS = frozenset({"standfirst", "body"})
# An event told undated is the one another article dates when that article's sentence has
# its event verb, its names and counts, and this much of its other words (the reports may
# not have merged: "MSF reported that one of its colleagues, a watchman at the
# organization's pharmacy, was killed" and "... one of its pharmacy watchmen was killed on
# Saturday").
TOLD_ELSEWHERE_WORDS = 0.5
TOLD_ELSEWHERE_MIN = 3
# Articles carrying one report are published within this many days of each other; a page
# date further from its carriers' is not the article's.
CARRIER_DAYS = 7
_DETERMINER_BEFORE = lazy_compile(
    r"(?:\b(?:the|a|an|this|that|its|their|his|her|our)|\w['’]s?)\s+$", re.IGNORECASE
)
_NOUN_AFTER = lazy_compile(
    r"\s+(?!(?:and|or|but|to|as|at|in|on|of|by|for|from|with|after|before|when|while|that"
    r"|which|who|the|a|an|is|was|were|are|has|had|will|would)\b)[a-z]{3,}\b"
)


# The participle of an event verb: "killed", "taken", "struck".
_IRREGULAR_PARTICIPLES = frozenset("begun overrun withdrawn shot sent hit struck met cut".split())
_EVENT_DONE = lazy_compile(
    r"\b(?:"
    + "|".join(
        v for v in sorted(event_verbs()) if v.endswith(("ed", "en")) or v in _IRREGULAR_PARTICIPLES
    )
    + r")\b",
    re.IGNORECASE,
)


def _closes_dateline(text: str, mention: DateMention) -> re.Match[str] | None:
    """Whether the date closes a dateline opening the text ("Nov. 27 (UPI) --")."""
    if mention.start >= _DATELINE_REACH:
        return None
    return _DATELINE_END.match(text, mention.end)


def dateline_end(text: str) -> int:
    """Where a dated dateline opening the sentence ends ("Khartoum [Sudan], October 28 : ",
    "Nov. 27 (UPI) -- "), else 0: the dateline says where and when it was filed, which a
    line shows beside it, not as its opening words."""
    head = text[:_DATELINE_REACH]
    if not any(map(str.isdigit, head)):
        return 0  # no date written out (most sentences): not read for dates at all
    for mention in resolve_dates(head, _ANY_DAY):
        # A dateline's date is written out ("Nov. 27"); "Monday - the army said" is prose.
        if not any(c.isdigit() for c in mention.text):
            continue
        closing = _closes_dateline(text, mention)
        if closing:
            rest = text[closing.end() :]
            return closing.end() + len(rest) - len(rest.lstrip())
    return 0


# A clause inside the sentence opened by a past participle describes the thing before it
# ("The cease-fire, announced late Tuesday by Biden, came into force Wednesday").
_PARTICIPLE_OPENS = lazy_compile(
    rf"\s*(?:[a-z]{{3,}}ed|{'|'.join(sorted(_IRREGULAR_PARTICIPLES))})\s", re.IGNORECASE
)


# A date inside a participle or relative phrase on a noun the clause's verb acts on dates
# that thing, not the event ("blamed militias for violating the ceasefire agreement reached
# on Tuesday", "condemned the strike that killed 20 on Sunday", "based on the constitution he
# had signed on March 13"). The noun phrase opens with a determiner after the clause's verb
# (`_FINITE`): a phrase before it is its subject ("A strike on the building killed 20 on
# Sunday", "..., the head of the agency announced today"). The participle follows the noun
# (or its relative's pronoun), not an auxiliary ("the army was attacked on"), and at most
# two words of its own lie between it and the date. After a saying the phrase is the subject of
# what was said ("said the strike carried out on Tuesday killed five"), and a statement
# "published on Friday" dates the saying: those dates are the event's.
_NOT_NOUN = (
    r"(?:is|are|was|were|be|been|being|has|have|had|it|they|he|she|and|or|as|to|of|in|on|at"
    r"|for|from|with|by|after|before|when|while)\b"
)
_DESCRIBED_OBJECT = lazy_compile(
    r"(?<!said\s)(?<!says\s)(?<!that\s)(?<!told\s)\b(?:the|a|an|its|their|his|her|this)\s+"
    rf"(?:(?!{_NOT_NOUN})[\w'’-]+\s+){{0,3}}(?!{_NOT_NOUN})[a-z][\w-]*\s+"
    r"(?:(?:that|which)\s+)?(?:(?:he|she|it|they|we)\s+(?:(?:had|has|have)\s+)?)?"
    rf"(?:[a-z]{{3,}}ed|{'|'.join(sorted(_IRREGULAR_PARTICIPLES))})"
    r"(?:\s+[\w'’-]+){0,2}\s*$",
    re.IGNORECASE,
)
# A clause's verb when it can be told from a noun without parsing: a past ("blamed",
# "struck") or an auxiliary; "strike" or "attack" may be the subject itself.
_FINITE = lazy_compile(
    rf"\b(?:[a-z]{{3,}}ed|{'|'.join(sorted(_IRREGULAR_PARTICIPLES))}"
    r"|is|are|was|were|has|have|had|will|would|said|says|told)\b"
)


def _describes_object(clause: str) -> bool:
    """Whether a date ending `clause` (the text of its clause before it) is in a phrase on a
    noun the clause's verb acts on (see `_DESCRIBED_OBJECT`)."""
    phrase = _DESCRIBED_OBJECT.search(clause)
    return (
        phrase is not None
        and _FINITE.search(clause, 0, phrase.start()) is not None
        and not _STATEMENT.search(phrase.group())
    )


def event_dates(text: str, dates: Sequence[DateMention]) -> tuple[DateMention, ...]:
    """The dates in a sentence that date its event, not its background clauses nor a phrase
    on what its verb acts on (see `_describes_object`); a date in a clause describing a thing
    (see `_PARTICIPLE_OPENS`) only when no other date is left."""
    kept, describing = [], []
    reported_from = _deed_before_telling(text) if dates else None
    for mention in dates:
        # "On Tuesday, Reuters reported the Assad government had carried out ...": the day
        # of the report; the deed it tells in the past perfect was before it.
        if reported_from is not None and mention.end <= reported_from:
            continue
        # "Khartoum [Sudan], October 28 : ..." is a dateline: the day of the report, not of its
        # event. (A page's " date YYYY-MM-DD" marker never gets this far: extraction takes it.)
        if _closes_dateline(text, mention):
            continue
        *before, clause = _CLAUSE_BREAK.split(text[: mention.start])
        # The span may carry its own preposition: "since 2022".
        if _BACKGROUND.search(clause) or _BACKGROUND.match(mention.text):
            continue
        if _DEADLINE.search(text, 0, mention.start) or mention.text[:3].lower() == "by ":
            continue
        # "Trump's July 25 phone call", "the Nov. 27 offensive": a date naming a thing
        # (a determiner or possessive before it, no preposition, a noun after it) dates that
        # thing, not the event. Not the day an event is told of with no preposition: "they
        # attended a ceremony Wednesday marking ...", "struck the base Tuesday night".
        if (
            mention.text[:1].isupper()
            and _NOUN_AFTER.match(text, mention.end)
            and _DETERMINER_BEFORE.search(text, 0, mention.start)
        ):
            continue
        if _describes_object(clause):
            continue
        if _names_a_thing(text, mention, clause):
            continue
        if before and _PARTICIPLE_OPENS.match(clause):
            describing.append(mention)
            continue
        kept.append(mention)
    return tuple(kept or describing)


# A day written as a possessive before a noun: "Wednesday's attack", "Monday’s strike".
_POSSESSIVE_AFTER = lazy_compile(r"['’]s\s+[a-z]{3,}")
# A stance on a thing or a reaction to it, told before the thing in its clause: "holds the
# PKK responsible for orchestrating", "condemned", "blamed Hamas for".
_STANCE_ON = lazy_compile(
    r"\b(?:(?:condemn|denounc|decr[iy]|deplor|critici[sz]|slamm|blam|accus)\w*"
    r"|(?:holds?|holding|held)\b[^,;]*\bresponsible)\b",
    re.IGNORECASE,
)


def _names_a_thing(text: str, mention: DateMention, clause: str) -> bool:
    """Whether a possessive day names the thing a stance or reaction is about, not the
    stance's day: "Turkey holds the PKK responsible for orchestrating Wednesday's attack"
    (said on Thursday), "condemned Monday's strike". Not a deed of that thing: "was behind
    Sunday's attack", "were killed in Monday's shelling" are of its day."""
    return _POSSESSIVE_AFTER.match(text, mention.end) is not None and bool(
        _STANCE_ON.search(clause)
    )


def _told_on(text: str, dates: Sequence[DateMention]) -> bool:
    """Whether every date of a sentence is the day of its telling: in an attribution
    closing it or after it in its clause ("..., according to Syrian officials and a war
    monitor on Wednesday", "..., officials confirmed on Wednesday"; see
    `dated_by_telling`), or in a clause of a saying ("Local media reported on Friday that
    ...", "The Houthis announced Saturday that ...")."""
    telling = find_attribution(text) if dates else None
    return bool(dates) and all(
        (
            telling is not None
            and 0 < telling.start <= mention.start
            and _CLAUSE_BREAK.search(text, telling.end, mention.start) is None
        )
        or _SAID.search(clause := _clause_of(text, mention))
        or _STATEMENT.search(clause)
        for mention in dates
    )


def _by_votes(dates: list[DateMention]) -> list[DateMention]:
    """The dates, those the most sentences give first (a stable sort: ties as written)."""
    votes = Counter(mention.value for mention in dates)
    return sorted(dates, key=lambda mention: -votes[mention.value])


def _deed_before_telling(text: str) -> int | None:
    """Where the reported clause of a sentence begins when a news outlet's report tells its
    deed in the past perfect after it ("Reuters reported the Assad government had carried
    out a secret operation ..."): what the press found out was done before it, by how long
    the sentence does not say. Else None; also for a statement or a party's report ("the
    administration announced that Rubio had issued a waiver", "the SDF reported that
    Turkish warplanes had carried out airstrikes": what a party did or saw is told on its
    day) and for a toll ("... reported the death toll had risen to nine": counted that day)."""
    if "had " not in text:
        return None  # (most sentences: no attribution looked for)
    attribution = find_attribution(text)
    if (
        attribution is None
        or not _FOUND_OUT.search(text, attribution.start, attribution.end)
        or not _is_press(attribution.speaker)
    ):
        return None
    event = event_span(text, attribution)
    # (the event may open with a capital its sentence does not have)
    start = text.lower().find(event.lower(), attribution.end)
    verb, following, _ = main_verb(event)
    done = following.endswith(("ed", "en")) or following in _IRREGULAR_PARTICIPLES
    deed = verb == "had" and (done or following == "been") and not toll_counts(event)
    return start if start > 0 and deed else None


_FOUND_OUT = lazy_compile(r"\b(?:reported|revealed|disclosed|uncovered|found)\b")


def _is_press(speaker: str) -> bool:
    """Whether a speaker is a news agency or a known outlet ("Reuters", "The New York
    Times")."""
    name = speaker.lower()
    return name in AGENCY_NAMES or name in known_outlets()


def reports_a_deed_before(text: str) -> bool:
    """Whether a report tells a deed done before it (see `_deed_before_telling`)."""
    return _deed_before_telling(text) is not None


# A sentence taking up the event the one before told, to date it: "The attack, which took
# place on Thursday, ...".
_TAKEN_UP = lazy_compile(
    r"(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?"
    + nouns_pattern(event_nouns()["attack"] + event_nouns()["other"])
    + r",?\s+(?:which|that)\s+(?:took\s+place|happened|occurred)\b",
    re.IGNORECASE,
)


def dated_by_telling(text: str, dates: Sequence[DateMention]) -> bool:
    """Whether every date of a sentence is in an attribution closing it, after its verb, in
    the same clause: "..., a local official told AFP on Sunday" (the day of the telling)."""
    telling = find_attribution(text) if dates else None
    return telling is not None and all(
        telling.start > 0
        and telling.end <= mention.start
        and _CLAUSE_BREAK.search(text, telling.end, mention.start) is None
        for mention in dates
    )


# A clause telling when, not one describing a thing ("which it last hit during ..."), or
# one telling that its own event began then: "Israel first gained control of the Golan
# Heights in 1967" is history, though `event_dates` leaves "first"'s date out.
_THEN = lazy_compile(r"\b(?:during|when|first)\b", re.IGNORECASE)
# An opening phrase telling what the event came after ("Following the fall of the Assad
# regime in late 2024, Israel expanded ..."): undated, it is told as of then, not as the
# day's. (Later in the sentence such a phrase tells of a thing or of the news's cause:
# "the new authorities — installed after the fall of Assad's government in December —",
# "has decided to support his administration after he severed ties ... in 2016".)
_AFTER_THEN = lazy_compile(r"\b(?:after|following)\b", re.IGNORECASE)
_DESCRIBING = lazy_compile(r"\b(?:which|who|whose|that)\b", re.IGNORECASE)
# A clause telling what came after the event ("HTS fought the Assad government for 14
# years ... before taking power in December"), or one going back to it ("Beit Jinn saw a
# similar raid back in June"): an event of a past month is no news.
_BEFORE_THEN = lazy_compile(r"\bbefore\b|\bback\s+(?:in\s+)?$", re.IGNORECASE)


def _clause_of(text: str, mention: DateMention) -> str:
    """The clause a date is written in: between the clause breaks around it."""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, mention.start)), default=0)
    end = _CLAUSE_BREAK.search(text, mention.end)
    return text[start : end.start() if end else len(text)]


# A speaker's names: its capitalised words but titles ("Prime Minister Benjamin Netanyahu").
_NAME_WORD = lazy_compile(r"\b[A-Z][A-Za-z-]+\b")
_TITLE_WORDS = frozenset(
    "The A An And Of President Prime Minister Foreign Defence Defense Secretary Spokesman "
    "Spokesperson Chief General Gen Mr Mrs Ms Dr King Queen Sheikh Senior Deputy Officials "
    "Official Army Ministry".split()
)


def _names_one_of(names: set[str], text: str) -> bool:
    """Whether `text` writes one of `names` as a name (see `_NAME_WORD`): its names found
    only in a text holding one (most sentences of an article hold none)."""
    return any(map(text.__contains__, names)) and not names.isdisjoint(_NAME_WORD.findall(text))


# A statement, made or written: "announced late Tuesday by", "Biden's announcement on Tuesday".
_STATEMENT = lazy_compile(
    r"\b(?:announce[ds]?|announcement|said|says|statement|speech|address(?:ed)?|told|declared"
    r"|warned|vowed|remarks|interview|wrote|posted|tweeted)\b",
    re.IGNORECASE,
)


def told_of_then(text: str, dates: Sequence[DateMention], published: str | None) -> bool:
    """Whether a sentence whose event has no date of its own tells it inside a clause dated
    long before its article ("he was rumoured to have been killed during Israel's last war
    with Hezbollah in 2006, the source said"), after a time long before told by its opening
    phrase, or before a month over before it ("... before taking power in December"):
    history, though `event_dates` leaves that clause's date out of the event's."""
    for mention in dates:
        clause = _CLAUSE_BREAK.split(text[: mention.start])[-1]
        opening = mention.end <= opening_phrase_end(text)
        if not _DESCRIBING.search(clause) and (
            (
                (_THEN.search(clause) or (opening and _AFTER_THEN.search(clause)))
                and is_historical(mention, published)
            )
            or (_BEFORE_THEN.search(clause) and of_a_past_period(mention, published))
        ):
            return True
    return False


def written_out(text: str, period: datetime.date | None) -> tuple[DateMention, ...]:
    """The dates a sentence of an article with no day to read it against writes out in
    full but for the year ("on Tuesday, October 7", "on the night of April 24"), the year
    taken nearest the briefing's `period`: those that read the same a week later. A date
    counted from the article's day ("on Sunday", "three days ago") has no day to count
    from, and is left out."""
    if period is None:
        return ()
    later = {(m.start, m.value) for m in resolve_dates(text, period + datetime.timedelta(7))}
    return tuple(m for m in resolve_dates(text, period) if (m.start, m.value) in later)


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


@dataclass(frozen=True)
class _DatedEvent:
    sentence: Sentence
    words: ReportWords
    date: DateMention


@dataclass
class Dating:
    """Which day each article of a briefing is read against, and its news of the day;
    built once per briefing (see `Index.dating`)."""

    index: Index
    reference: dict[str, datetime.date | None]  # article id -> the day it is read against
    carriers: dict[str, set[str]]  # article id -> the other articles carrying a report with it
    _news: dict[str, DateMention | None] = field(default_factory=dict)
    # Sentence id -> `_done_date`: filing dated events and finding ledes read the same
    # body sentences.
    _done: dict[str, DateMention | None] = field(default_factory=dict)
    # Sentence id -> its dates read against another day than its article's publication
    # (a sentence is read for every line and lede it is part of).
    _reread: dict[str, tuple[DateMention, ...]] = field(default_factory=dict)
    # Report id -> `carried_dates`.
    _carried: dict[str, tuple[DateMention, ...]] = field(default_factory=dict)
    # Article id -> sentence id -> `_days_written_before`.
    _written: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    # (event verb, name) -> `_dated_events`, worked out when first asked for.
    _dated: dict[tuple[str, str], list[_DatedEvent]] = field(default_factory=dict)
    _reading: list[str] = field(init=False)  # sentence ids in reading order
    # The articles read against another day than their publication's (see `reference`), or,
    # with no day to read them against, for the dates they write out (see `written_out`).
    _read_again: frozenset[str] = field(init=False)
    _period: datetime.date | None = field(init=False)  # the briefing's middle day

    def __post_init__(self) -> None:
        self._reading = list(self.index.sentences)
        articles = self.index.articles
        self._period = publication_date(self.index.middle_day)
        self._read_again = frozenset(
            aid
            for aid, day in self.reference.items()
            if day != publication_date(articles[aid].published)
            or (day is None and self._period is not None)
        )

    @classmethod
    def of(cls, index: Index) -> Dating:
        carriers = carriers_of(index)
        return cls(index, reference_days(index, carriers), carriers)

    def sentence_dates(self, sentence: Sentence) -> tuple[DateMention, ...]:
        """A sentence's dates, read against its article's reference day."""
        article_id = sentence.article_id
        if article_id not in self._read_again:
            return sentence.dates  # annotate resolved them against the same day
        prepared = self.index.prepared.get(article_id)
        if prepared is not None and sentence.id not in prepared.relative:
            return sentence.dates  # the same against any day
        if sentence.id not in self._reread:
            reference = self.reference[article_id]
            dates = (
                with_nearest_years(resolve_dates(sentence.text, reference), reference)
                if reference is not None
                else written_out(sentence.text, self._period)
            )
            if any(mention.precision == "day" for mention in dates):
                dates = with_written_years(dates, self._days_written_before(sentence))
            self._reread[sentence.id] = dates
        return self._reread[sentence.id]

    def _days_written_before(self, sentence: Sentence) -> dict[str, str]:
        """The days the sentence's article wrote with their year before it ("MM-DD" ->
        year), as `carry_written_years` reads them at annotation (a copy: the caller adds
        the sentence's own)."""
        article_id = sentence.article_id
        if article_id not in self._written:
            # Read once an article: read again from its start for each sentence, a long
            # article cost the square of its length.
            before: dict[str, dict[str, str]] = {}
            written: dict[str, str] = {}
            for earlier in self.index.annotated_by_id[article_id].sentences:
                before[earlier.id] = written
                if any(mention.precision == "day" for mention in earlier.dates):
                    written = dict(written)  # (the map before this sentence stays as it was)
                    with_written_years(earlier.dates, written)
            self._written[article_id] = before
        return dict(self._written[article_id][sentence.id])

    def report_dates(
        self, report: Sequence[str], stated: str | None = None
    ) -> tuple[DateMention, ...]:
        """The dates of a report's event from every sentence carrying it: those of the
        sentence stating it (`stated`) first, then the others, the days most sentences
        give first (one sentence merged by mistake does not outvote the rest). In a report
        of several sentences, a date only of a sentence's telling (see `_told_on`)
        comes after every date of the event itself: "Israeli drone strikes have resulted in
        the death of eight ..., officials confirmed on Wednesday" beside copies' "the
        strikes occurred Tuesday"."""
        own: list[DateMention] = []
        others: list[DateMention] = []
        own_told: list[DateMention] = []
        others_told: list[DateMention] = []
        for sid in report:
            sentence = self.index.sentences[sid]
            found = event_dates(sentence.text, self.sentence_dates(sentence))
            # (not for a report's news of the day, `carried_dates`: the telling's day is it)
            telling = stated is not None and len(report) > 1 and _told_on(sentence.text, found)
            if sid == stated:
                (own_told if telling else own).extend(found)
            else:
                (others_told if telling else others).extend(found)
        if stated is not None and (others or others_told):
            # Another article's date after the day this one was written is not of the event
            # it tells ("is expected to meet ... on July 24", read against a later day, went
            # forward to the next year): a report merged by mistake, or read against a wrong
            # day.
            written = self.reference[self.index.sentences[stated].article_id]
            if written is not None:
                others = [mention for mention in others if not _after(mention, written)]
                others_told = [m for m in others_told if not _after(m, written)]
        return (*own, *_by_votes(others), *own_told, *_by_votes(others_told))

    def carried_dates(self, sentence: Sentence) -> tuple[DateMention, ...]:
        """`report_dates` of the whole report carrying the sentence, worked out once per
        report: every article carrying a wire report asks for them (see `_lede_date`), which
        read again for each made them cost the square of the carriers' number."""
        report = self.index.corroboration.report_of.get(sentence.id)
        key = report.id if report is not None else sentence.id
        dates = self._carried.get(key)
        if dates is None:
            members = report.sentence_ids if report is not None else (sentence.id,)
            dates = self._carried[key] = self.report_dates(members)
        return dates

    def told_elsewhere(self, stated: Sentence) -> DateMention | None:
        """The date other articles write for the event `stated` tells undated (see
        `TOLD_ELSEWHERE_WORDS`), when all that tell it agree, with their precision; none
        dated after the article's day or more than `CARRIER_DAYS` before it."""
        reference = self.reference[stated.article_id]
        if reference is None or not self.index.names_an_event(stated):
            return None
        # The whole sentence's names: its speaker ("MSF reported that ...") is one.
        told = self.index.report_words(stated)
        filed = self._event_sentences
        found = {
            dated.date.value: dated.date
            for event in told.events
            # Any one name will do, a sentence telling the event names them all: the one
            # fewest sentences share with the event (a country's name is shared by
            # thousands in a large briefing, and every one of them would be read).
            for dated in self._dated_events(
                min(
                    ((event, name) for name in sorted(told.names)),
                    key=lambda key: len(filed.get(key, ())),
                )
            )
            if dated.sentence.article_id != stated.article_id
            and _tells_the_same(told, dated.words)
            and _near(dated.date, reference)
        }
        return _the_one_day(found)

    def statement_day(self, stated: Sentence) -> DateMention | None:
        """The day its article gives the statement of the speaker whose words `stated`
        tells undated: the one day it writes in a clause naming the speaker and a statement
        ("The cease-fire, announced late Tuesday by U.S. President Joe Biden, came into
        force Wednesday." ... "Biden said it was 'designed' to be a permanent end"), even a
        clause that dates only the background of its own sentence; none after the article's
        day or more than `CARRIER_DAYS` before it."""
        reference = self.reference[stated.article_id]
        speaker = self.index.speakers.get(stated.id)
        if reference is None or not speaker:
            return None
        names = {word for word in _NAME_WORD.findall(speaker) if word not in _TITLE_WORDS}
        # "Later on Wednesday night, SANA reported more strikes ... It said details of the
        # raid were still unclear": a pronoun speaker goes on from the statement just before
        # it, whatever days the article gives its speaker's others.
        day = self._pronoun_statement_day(stated, names, reference)
        if day is not None:
            return day
        found = {
            mention.value: mention
            for sentence in _body(self.index, stated.article_id)
            if sentence.id != stated.id and _names_one_of(names, sentence.text)
            for mention in self.sentence_dates(sentence)
            if _near(mention, reference)
            and _names_one_of(names, clause := _clause_of(sentence.text, mention))
            and _STATEMENT.search(clause)
        }
        return _the_one_day(found)

    def _pronoun_statement_day(
        self, stated: Sentence, names: set[str], reference: datetime.date
    ) -> DateMention | None:
        """The one day the sentence just before `stated` writes, when it tells a statement
        of its speaker (`names`) and `stated` names that speaker only by a pronoun ("It
        said ...")."""
        attribution = find_attribution(stated.text)
        place = self.index.order[stated.id]
        if attribution is None or not is_pronoun(attribution.speaker) or place == 0:
            return None
        before = self.index.sentences[self._reading[place - 1]]
        if (
            before.article_id != stated.article_id
            or not _names_one_of(names, before.text)
            or not (_STATEMENT.search(before.text) or _SAID.search(before.text))
        ):
            return None
        return _the_one_day(
            {
                mention.value: mention
                for mention in self.sentence_dates(before)
                if mention.precision == "day" and _near(mention, reference)
            }
        )

    def counted_day(self, stated: Sentence, counted: RelativeDay) -> DateMention | None:
        """The day of an event `stated` counts from another's ("two days after the base was
        hit", "the next day"): the other event's day, when it is known to the day and the
        count lands no later than the article's day; else None."""
        reference = self.reference[stated.article_id]
        if reference is None:
            return None
        if counted.hangs_on:
            anchor = self._day_of(counted.hangs_on, stated, reference)
        else:
            anchor = self._day_before(stated)
        if anchor is None or anchor.precision != "day":
            return None
        day = datetime.date.fromisoformat(anchor.value) + datetime.timedelta(counted.days)
        if day > reference:
            return None
        text = stated.text[counted.start : counted.end]
        return DateMention(text, day.isoformat(), "day", counted.start, counted.end)

    def _day_of(self, told: str, stated: Sentence, reference: datetime.date) -> DateMention | None:
        """The day of the event `told` names ("the facility's military base was first
        hit"): a date its words write, else the one date other articles' sentences telling
        it as done give it (see `_tells_the_same`)."""
        written_day = best_date(resolve_dates(told, reference))
        if written_day is not None:
            return written_day
        words = report_words(told)
        if not words.events:
            return None
        found = {
            dated.date.value: dated.date
            for key in self._event_sentences
            if key[0] in words.events
            for dated in self._dated_events(key)
            if dated.sentence.id != stated.id
            and _tells_the_same(words, dated.words)
            and _near(dated.date, reference)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _day_before(self, sentence: Sentence) -> DateMention | None:
        """The day the sentence before this one (same article and part) dates its event."""
        place = self.index.order[sentence.id]
        if place == 0:
            return None
        before = self.index.sentences[self._reading[place - 1]]
        if before.article_id != sentence.article_id or before.kind != sentence.kind:
            return None
        return best_date(event_dates(before.text, self.sentence_dates(before)))

    @cached_property
    def _event_sentences(self) -> dict[tuple[str, str], list[Sentence]]:
        """The body sentences that may date an event they tell as done (see `_datable`),
        with event verbs and names, by each of their (event verb, name) pairs: an undated
        event looks only among those sharing its own."""
        found: dict[tuple[str, str], list[Sentence]] = defaultdict(list)
        for article_id in self.index.articles:
            for sentence in self._datable(article_id):
                if self.index.names_an_event(sentence):
                    words = self.index.report_words(sentence)
                    for key in product(words.events, words.names):
                        found[key].append(sentence)
        return found

    def _dated_events(self, key: tuple[str, str]) -> list[_DatedEvent]:
        """The sentences filed under `key` (see `_event_sentences`) that date their event,
        dated when first asked for: reading a sentence again against another day is what
        costs, and most keys are never asked for."""
        dated = self._dated.get(key)
        if dated is None:
            dated = self._dated[key] = [
                _DatedEvent(sentence, self.index.report_words(sentence), date)
                for sentence in self._event_sentences.get(key, ())
                if (date := self._done_date(sentence)) is not None
            ]
        return dated

    def story_day(self, sentence: Sentence) -> DateMention | None:
        """The day of the article's news (within `LEDE_DAYS`) the story the sentence goes on
        telling is of: the day the sentence just before it gives its event ("MSF said a
        watchman was killed Saturday. He was taken to hospital, where he died."), or one
        further back that tells a like event (its event verb and `TOLD_ELSEWHERE_MIN` of
        its words: "... died in Monday's shelling." ... "a security forces member was killed
        in an SDF attack."), the nearest first. In an article with no day to read it
        against, a day written out (see `written_out`) that is news for the briefing's period
        ("On the night of April 24, Russian troops launched a massive attack ... The Russians
        targeted the civilian infrastructure of Kyiv.")."""
        reference = self.reference[sentence.article_id]
        if reference is None and self._period is None:
            return None
        told = self.index.report_words(sentence)
        place = self.index.order[sentence.id]
        # (a sentence with no event verb is like none: only the one just before is read)
        first = 0 if told.events else max(place - 1, 0)
        for back in range(place - 1, first - 1, -1):
            before = self.index.sentences[self._reading[back]]
            if before.article_id != sentence.article_id or before.kind != sentence.kind:
                return None
            # (its event verbs first: most sentences share none, and need no unpacking)
            if back < place - 1 and not (
                told.events & self.index.report_events(before)
                and _tells_alike(told, self.index.report_words(before))
            ):
                continue
            date = best_date(event_dates(before.text, self.sentence_dates(before)))
            if date is not None:
                return date if self._is_news(date, reference) else None
        return None

    def goes_on_from_history(self, sentence: Sentence) -> bool:
        """Whether the sentence just before it, in its article, writes dates and all of
        them before the article's news (see `_is_news`): "... rebels who came to power in
        December last year. Moscow then gave asylum to Assad ..." goes on telling that
        past."""
        place = self.index.order[sentence.id]
        if place == 0:
            return False
        before = self.index.sentences[self._reading[place - 1]]
        if before.article_id != sentence.article_id:
            return False
        # (as annotated: reading them again here, out of the reading order, would change
        # the years `sentence_dates` carries forward)
        dates = before.dates
        reference = self.reference[sentence.article_id]
        return bool(dates) and not any(self._is_news(date, reference) for date in dates)

    def taken_up_day(self, stated: Sentence) -> DateMention | None:
        """The day the next sentence gives the event `stated` tells when it takes it up
        (`_TAKEN_UP`): "..., a local official told AFP on Sunday. The attack, which took
        place on Thursday, involved three strikes"."""
        place = self.index.order[stated.id] + 1
        if place >= len(self._reading):
            return None
        after = self.index.sentences[self._reading[place]]
        if after.article_id != stated.article_id or not _TAKEN_UP.match(after.text):
            return None
        day = best_date(self.sentence_dates(after))
        return unwritten(day) if day is not None and day.precision == "day" else None

    def reacting_day(self, stated: Sentence, event: str) -> DateMention | None:
        """The day of the story `stated` goes on telling (see `story_day`), else its
        article's news of the day; for a reaction to that news ("Zelenskyy condemned the
        strike", see `reacts`) in an article of a later day, only their month (see
        `_since`): the strike of "Wednesday night" was condemned that night or the next
        day, which the words do not say."""
        day = self.story_day(stated) or self.news_day(stated.article_id)
        reference = self.reference[stated.article_id]
        if day is None or reference is None or day.precision != "day":
            return day
        if not reacts(event):
            return day
        return day if day.value == reference.isoformat() else _since(day, reference)

    def _is_news(self, date: DateMention, reference: datetime.date | None) -> bool:
        """Whether a day an article gives an event is its news: within `LEDE_DAYS` before
        its reference day, or, with none, a day not history for the briefing's period."""
        if reference is not None:
            return _of_the_day(date, reference)
        return date.precision == "day" and not is_historical(date, self.index.middle_day)

    def goes_on_history(self, sentence: Sentence, published: str | None) -> bool:
        """Whether its paragraph opens on a date long before the article (`published`)
        and no sentence between dates another event: "In October of 2023, the IDF published
        documents ... An Israeli court found a 'close connection' ..." goes on telling that
        history (a date inside a sentence, "rumoured to have been killed in 2006", sets no
        time for what follows)."""
        paragraph = (sentence.article_id, sentence.paragraph)
        place = self.index.order[sentence.id]
        for back in range(place - 1, -1, -1):
            before = self.index.sentences[self._reading[back]]
            if (before.article_id, before.paragraph) != paragraph:
                return False
            date = best_date(event_dates(before.text, self.sentence_dates(before)))
            if date is None:
                continue
            first = self.index.sentences[self._reading[back - 1]] if back else None
            return (
                (first is None or (first.article_id, first.paragraph) != paragraph)
                and date.end <= opening_phrase_end(before.text)
                and is_historical(date, published)
            )
        return False

    def estimated_days(self) -> dict[str, str]:
        """Article id -> the day an article with no page date, or one the articles carrying
        its reports overrule, is estimated to be of (the day it is read against), for a
        reader to see it marked as an estimate."""
        return {
            article_id: day.isoformat()
            for article_id, day in self.reference.items()
            if day is not None
            and day != publication_date(self.index.articles[article_id].published)
        }

    def news_day(self, article_id: str) -> DateMention | None:
        """The day of an article's news (see `_lede_date`), worked out once."""
        if article_id not in self._news:
            self._news[article_id] = self._lede_date(article_id)
        return self._news[article_id]

    def _lede_date(self, article_id: str) -> DateMention | None:
        """The day of an article's main event: the first day its body gives an event
        that is at most `LEDE_DAYS` before the article's day (a report of the day; older
        dates there are history); else, for an article whose text dates no such event,
        the day the other articles carrying its first dated report give it. An article
        written days after its news gets that news's month (see `_since`)."""
        reference = self.reference[article_id]
        if reference is None:
            return self._written_news(article_id)
        body = _body(self.index, article_id)
        lede = body[:LEDE_SENTENCES]
        for sentence in lede:
            date = self._done_date(sentence)
            if date is not None and _of_the_day(date, reference):
                return date
        carried = None
        for sentence in lede:
            carried = best_date(self.carried_dates(sentence))
            if carried is not None:
                if _of_the_day(carried, reference):
                    return carried
                break
        # A lede telling the scene the news left ("mourning filled the air after a school
        # ... was struck with Israeli missiles Saturday"): the day of what it came after.
        for sentence in lede:
            date = _after_day(sentence.text, self.sentence_dates(sentence))
            if date is not None and _of_the_day(date, reference):
                return date
        # Written days after its news: the first event its text dates within those days
        # (a feature may open on a survivor's story before "seized the camp a week ago").
        # (worked out only when needed, in order)
        done = (
            date for sentence in self._datable(article_id) if (date := self._done_date(sentence))
        )
        # Unless its day is one its text writes, year and all ("abducted on October 7,
        # 2023"): a page date taken from the text, which nothing should be dated from.
        # (Only a sentence with a year's digits can: the others are not read again.)
        day = reference.isoformat()
        if any(
            _YEAR.search(date.text) and date.value == day
            for sentence in body
            if _YEAR_DIGITS.search(sentence.text)
            for date in self.sentence_dates(sentence)
        ):
            return None
        for date in chain(done, [carried] if carried else []):
            if since := _since(date, reference):
                return since
        return self._carriers_news(article_id, reference)

    def _carriers_news(self, article_id: str, reference: datetime.date) -> DateMention | None:
        """The news of an article with no page date whose text dates nothing: the news day
        the page-dated articles carrying its reports all give (a wire rewrite that dates
        nothing runs the same news as its carriers)."""
        articles = self.index.articles
        if articles[article_id].published:
            return None
        found: dict[str, DateMention] = {}
        for other in sorted(self.carriers[article_id]):
            if articles[other].published and (news := self.news_day(other)) is not None:
                found[news.value] = news
                if len(found) > 1:
                    return None  # they disagree: the other carriers' news need not be read
        if len(found) != 1:
            return None
        news = next(iter(found.values()))
        return news if _of_the_day(news, reference) else None

    def leaves_unread(self, sentence: Sentence) -> bool:
        """Whether the sentence writes a day counted from its article's ("on Sunday")
        which, its article having no day to read it against, is left unread (see
        `written_out`): its event is then no more the news day than any other."""
        if self.reference[sentence.article_id] is not None or self._period is None:
            return False
        return len(resolve_dates(sentence.text, self._period)) > len(self.sentence_dates(sentence))

    def _written_news(self, article_id: str) -> DateMention | None:
        """The news of an article with no day to read it against (no page date, dateline
        or dated carrier): the first day its lede writes out for an event told as done
        ("Warplanes struck the hospital on 25 August"), unless that is history for the
        briefing's period."""
        for sentence in _lede(self.index, article_id):
            date = self._done_date(sentence)
            if date is not None and self._is_news(date, None):
                return date
        return None

    def _datable(self, article_id: str) -> list[Sentence]:
        """An article's body sentences that may have a `_done_date`, in order: with what
        its worker worked out, those it found one for and those whose dates may be read
        again; the others' dates are the worker's, which gave none."""
        prepared = self.index.prepared.get(article_id)
        if prepared is None:
            return _body(self.index, article_id)
        # (going over every body sentence was most of the cost: few have a date)
        sentences, order = self.index.sentences, self.index.order
        return [
            sentences[sid]
            for sid in sorted(prepared.done.keys() | prepared.relative, key=order.__getitem__)
            if sentences[sid].kind in _LEDE_KINDS
        ]

    def _done_date(self, sentence: Sentence) -> DateMention | None:
        """`done_date` of a sentence, its dates read against its article's reference day
        (the worker's, when they are the ones it read)."""
        if sentence.id not in self._done:
            dates = self.sentence_dates(sentence)
            prepared = self.index.prepared.get(sentence.article_id)
            if prepared is not None and dates is sentence.dates:
                self._done[sentence.id] = prepared.done.get(sentence.id)
            else:
                self._done[sentence.id] = done_date(sentence.text, dates)
        return self._done[sentence.id]


def _the_one_day(found: dict[str, DateMention]) -> DateMention | None:
    """The day found, as no sentence of its own writes it; None when the finds disagree."""
    return unwritten(next(iter(found.values()))) if len(found) == 1 else None


def done_date(text: str, dates: Sequence[DateMention]) -> DateMention | None:
    """The date a sentence (`text`, with its `dates`) gives an event it tells as done
    ("FMs meet in Doha today" says what is to come, not what happened)."""
    date = best_date(event_dates(text, dates))
    if date is not None and tense_at(text, date.start, date.end) != "past":
        return None
    return date


def _after_day(text: str, dates: Sequence[DateMention]) -> DateMention | None:
    """The one day a sentence gives, told as done, when it is in a clause telling what its
    main clause came after (`event_dates` leaves such a day out: it dates another event
    than the sentence's own, though the same story's). Not beside another date: "grappled
    Monday with grief ... after a suicide bomber killed ... during Sunday Mass" tells a
    later day's news."""
    if len(dates) != 1:
        return None
    mention = dates[0]
    clause = _CLAUSE_BREAK.split(text[: mention.start])[-1]
    past = tense_at(text, mention.start, mention.end) == "past"
    return mention if mention.precision == "day" and _AFTER_THEN.search(clause) and past else None


def _body(index: Index, article_id: str) -> list[Sentence]:
    """An article's body (and standfirst) sentences."""
    article = index.annotated_by_id[article_id]
    return [s for s in article.sentences if s.kind in _LEDE_KINDS]


def _lede(index: Index, article_id: str) -> list[Sentence]:
    """An article's first `LEDE_SENTENCES` body (or standfirst) sentences."""
    return _body(index, article_id)[:LEDE_SENTENCES]


def _since(date: DateMention, reference: datetime.date) -> DateMention | None:
    """The news of an article written days after its event (a follow-up "a week later",
    a digest three days on): what it tells in the past, undated, happened between that
    day and the article's, which a line can only give as their month, when they share one
    (a day would be a guess, and the article's own day is often wrong)."""
    month = reference.isoformat()[:7]
    if date.precision == "month":  # "a week ago"
        return date if date.value == month else None
    if date.precision != "day" or date.value[:7] != month:
        return None
    if not _within(date, reference, CARRIER_DAYS):
        return None
    return DateMention(date.text, month, "month", date.start, date.end)


def _tells_the_same(told: ReportWords, other: ReportWords) -> bool:
    """Whether a sentence's words (`other`) tell the event of `told`: its event verb, every
    name and count of it, and `TOLD_ELSEWHERE_WORDS` of its other words."""
    if not (told.events & other.events and told.names <= other.names):
        return False
    if not told.numbers <= other.numbers:
        return False
    # Shares of the shorter: a rewrite adds details ("near the city's main market").
    rest, others = told.words - told.names, other.words - other.names
    shared = len(rest & others)
    return shared >= TOLD_ELSEWHERE_MIN and shared >= TOLD_ELSEWHERE_WORDS * min(
        len(rest), len(others)
    )


def _tells_alike(told: ReportWords, other: ReportWords) -> bool:
    """Whether two sentences of an article tell alike events: an event verb and
    `TOLD_ELSEWHERE_MIN` words in common."""
    return bool(told.events & other.events) and len(told.words & other.words) >= (
        TOLD_ELSEWHERE_MIN
    )


def _near(date: DateMention, reference: datetime.date) -> bool:
    """Whether a date (a day, or a month) falls in the `CARRIER_DAYS` up to the reference
    day: when a report carried by an article of that day can have happened."""
    if date.precision == "month":
        earliest = reference - datetime.timedelta(days=CARRIER_DAYS)
        return date.value in (reference.isoformat()[:7], earliest.isoformat()[:7])
    return _within(date, reference, CARRIER_DAYS)


def _of_the_day(date: DateMention, reference: datetime.date) -> bool:
    return _within(date, reference, LEDE_DAYS)


def _after(date: DateMention, reference: datetime.date) -> bool:
    """Whether a date (a year, month or day) lies wholly after the reference day."""
    return date.value > reference.isoformat()[: len(date.value)]


def _within(date: DateMention, reference: datetime.date, days: int) -> bool:
    """Whether a date is a day at most `days` before the reference day."""
    if date.precision != "day":
        return False
    return 0 <= (reference - datetime.date.fromisoformat(date.value)).days <= days


def reference_days(
    index: Index, carriers: dict[str, set[str]] | None = None
) -> dict[str, datetime.date | None]:
    """Article id -> the day its relative dates ("on Sunday", "yesterday") are read
    against: its publication day, unless the articles carrying a report with it say
    otherwise; an undated article takes the day the articles carrying its reports were
    published (a wire story runs everywhere the same day or the next)."""
    own = {aid: publication_date(article.published) for aid, article in index.articles.items()}
    carriers = carriers_of(index) if carriers is None else carriers
    trusted = {
        aid: day
        for aid, day in own.items()
        if day and _agrees(day, [d for other in carriers[aid] if (d := own[other])])
    }
    days = {}
    for article_id in own:
        # (the carriers' days are read only for an article whose own day is not trusted:
        # a wire story's carriers are many, and most articles' own day is trusted)
        day = trusted.get(article_id)
        if day is None:
            estimate = _carriers_day(
                [d for other in carriers[article_id] if (d := trusted.get(other))]
            ) or _written_day(index, article_id)
            day = estimate and _not_before_told(index, article_id, estimate)
        days[article_id] = day
    return days


def _carriers_day(days: Sequence[datetime.date]) -> datetime.date | None:
    """The day an undated article's carriers tell: the latest of the days most of them
    were published near (within `CARRIER_DAYS`, the rule `_agrees` applies to page dates);
    as many near each of two days, the later. Carriers far apart are of different days'
    news, some joined by a wrong merge: the latest of all had put judged
    ukraine-kyiv-strikes-2025-07's Kyiv Independent page (31 July) on 28 August. (No
    estimate on a tie lost qa-pages5 sudan-khartoum-drones' right 9 September.)"""
    near = {day: [d for d in days if abs((d - day).days) <= CARRIER_DAYS] for day in days}
    most = max(map(len, near.values()), default=0)
    return max((max(group) for group in near.values() if len(group) == most), default=None)


def carriers_of(index: Index) -> dict[str, set[str]]:
    """Article id -> the other articles carrying a report with it."""
    carriers: dict[str, set[str]] = defaultdict(set)
    for report in index.corroboration.reports:
        if len(report.sentence_ids) == 1:
            continue  # one sentence: one article (most reports)
        articles = {index.sentences[sid].article_id for sid in report.sentence_ids}
        for article_id in articles:
            carriers[article_id] |= articles - {article_id}
    return carriers


def _written_day(index: Index, article_id: str) -> datetime.date | None:
    """The day an undated article says it was filed: its dateline's ("Nov. 27 (UPI) --",
    the year taken nearest the briefing's period). (A date its lede writes is no such day:
    the article may come days later, and "on Thursday" would then be a week early.)"""
    period = publication_date(index.middle_day)
    for sentence in _lede(index, article_id):
        for mention in resolve_dates(sentence.text, period):
            if mention.precision != "day":
                continue
            if _closes_dateline(sentence.text, mention):
                return datetime.date.fromisoformat(mention.value)
    return None


def _written_days(
    index: Index, article_id: str, read_against: datetime.date | None, written: re.Pattern[str]
) -> Iterator[tuple[Sentence, DateMention]]:
    """The days an article's body writes in a way `written` finds in both the sentence
    and the date's own words ("on September 5", "since 8 January"), with their sentences,
    the year taken nearest `read_against`."""
    prepared = index.prepared.get(article_id)
    for sentence in _body(index, article_id):
        if prepared is not None and sentence.id not in prepared.relative:
            dates = sentence.dates  # the same against any day: not read (nor searched) again
        elif _DIGIT.search(sentence.text) and written.search(sentence.text):
            dates = resolve_dates(sentence.text, read_against)
        else:
            continue
        for mention in dates:
            if mention.precision == "day" and written.search(mention.text):
                yield sentence, mention


def latest_written_day(index: Index, article_id: str) -> str | None:
    """The latest calendar day an article's body writes ("on the evening of Monday,
    October 6"), its year taken nearest the briefing's period: a page is from no earlier
    than the days it tells of. (Not a day to read "on Sunday" against: the page may come
    days later; enough to tell which side of a turning point it is on.)"""
    period = publication_date(index.middle_day)
    return max(
        (mention.value for _, mention in _written_days(index, article_id, period, _DIGIT)),
        default=None,
    )


def _not_before_told(index: Index, article_id: str, estimate: datetime.date) -> datetime.date:
    """An estimated day moved up to the latest day the article's text writes out as past
    ("As of September 5, the number of dead has increased to 54", "airstrikes since 8
    January have left 17 dead"): a page comes no earlier than what it tells as done. A day
    told of the future ("will meet on June 15") or with no tense ("talks on June 15") is
    no such bound. The text is read as of `CARRIER_DAYS` after the estimate, the latest
    its carriers' day leaves the page (a past "8 January" read on 6 January would be a
    year back), and a day after that is no bound either: more likely a year-less date
    given the wrong year, or a future told without a cue, than a page months from its
    carriers' ("LONDON - MARCH 09:" in a page estimated of November)."""
    read_against = estimate + datetime.timedelta(CARRIER_DAYS)
    told = (
        day
        for sentence, mention in _written_days(index, article_id, read_against, _CALENDAR_DAY)
        if (day := datetime.date.fromisoformat(mention.value)) <= read_against
        and _told_as_done(sentence.text, mention)
    )
    return max(chain(told, [estimate]))


def _told_as_done(text: str, mention: DateMention) -> bool:
    """Whether a sentence tells what its date dates as done: its clause in the past, or,
    with no cue there, the sentence in the past or the perfect."""
    tense = tense_at(text, mention.start, mention.end)
    if tense is not None:
        return tense == "past"
    return sentence_tense(text) in ("past", "perfect")


_DIGIT = lazy_compile(r"\d")
# A calendar day written out: a month's name (as dates are written, title case or capitals)
# beside a number, or an ISO date; not a day counted from the page's ("3 days ago"), which
# has no meaning against an estimate. (From its digit: a scan costs by where it may start.)
_CALENDAR_DAY = lazy_compile(
    rf"\d(?:(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_NAME})|\d{{3}}-\d\d-\d\d)|(?:{MONTH_NAME})\s+\d"
)


def _agrees(day: datetime.date, carried: Sequence[datetime.date]) -> bool:
    """Whether an article's page date agrees with the days its carriers were published:
    not when more of them are far from it than near it (itself counted), nor as many and
    later. A page date taken from an event in its text ("October 7, 2023" in a report of
    January 2025) is older than the report, never newer."""
    far = [d for d in carried if abs((d - day).days) > CARRIER_DAYS]
    near = len(carried) - len(far) + 1
    return len(far) < near or (len(far) == near and max(far) < day)


def unwritten(date: DateMention) -> DateMention:
    """A date the line's own sentence does not write (the day of its article's news):
    no span, so nothing takes it for words of the sentence (see `written`)."""
    return DateMention("", date.value, date.precision, 0, 0)


def written(dates: Sequence[DateMention]) -> tuple[DateMention, ...]:
    """The dates a sentence carrying the report writes: the ones that pin its event down."""
    return tuple(date for date in dates if date.text)


def pins_down(dates: Sequence[DateMention]) -> bool:
    """Whether a line's dates say when its event happened: a date the text writes, or the
    day of its article's news; not only the month of news the article came days after
    (see `_since`), an estimate that places the line but does not make it a dated event."""
    date = best_date(dates)
    return date is not None and (bool(written(dates)) or date.precision == "day")


# Verbs of a response to an event, not of the event: said of it on its day or after.
_REACTIONS = frozenset(
    "condemned denounced decried deplored criticised criticized slammed urged called welcomed "
    "praised expressed vowed".split()
)


# A saying whose words are only the speaker's feeling about the event ("said he was
# “horrified” by the strike", "said it was deeply saddened by the death"): a reaction too. Not
# any saying with no event verb: "He said no injuries had been reported" tells the news.
_SAID_FEELING = lazy_compile(
    r"\b(?:said|says)\s+(?:that\s+)?(?:he|she|it|they|we|i)\s+(?:was|were|is|are|felt|feels)"
    r"\s+(?:[a-z]+ly\s+)?[\"“‘']?(?:horrified|appalled|shocked|outraged|saddened|dismayed"
    r"|sickened|alarmed|disturbed|concerned|heartbroken)\b",
    re.IGNORECASE,
)


def reacts(event: str) -> bool:
    """Whether the event's main verb is a response to another event ("Ambassador Katarina
    Mathernova strongly condemned the strike"), read past a subject's apposition
    ("European Commissioner for Enlargement Marta Kos also criticised ..."), or a saying
    of the speaker's feeling about it (`_SAID_FEELING`)."""
    verb = main_verb(event, reach=12)[0]
    return verb in _REACTIONS or (verb in ("said", "says") and bool(_SAID_FEELING.search(event)))


def told_in_past(text: str) -> bool:
    """Whether a sentence tells its event as done: its first tensed verb is a past tense
    ("killed", "said"), or a perfect of an event verb ("have taken Deir el-Zor", "have
    been killed"); not a future, a present, or a perfect state ("are expected to be
    released", "remains", "has raged for a year")."""
    tense = sentence_tense(text)
    return tense == "past" or (tense == "perfect" and _EVENT_DONE.search(text) is not None)


# A speech verb in the past: the statement was made ("..., the IDF said in a statement").
_SAID = lazy_compile(
    r"\b(?:said|told|added|reported|announced|confirmed|claimed|stated|wrote|warned)\b"
)


def said_in_past(text: str) -> bool:
    """Whether a sentence gives its speaker's words as said ("“Nasrallah is dead,” a
    spokesman announced", "he added"): the saying is an event, whatever the tense of the
    words said."""
    found = find_attribution(text)
    return found is not None and _SAID.search(text, found.start, found.end) is not None


# An event timed from another one ("Hours later, prisoners left Ofer prison", "days later",
# "two days after the attack") may fall on another day than the article's news: unless
# `Dating.counted_day` finds the day of the event it hangs on, it is left undated rather
# than given the lede's day.
_AFTER_ANOTHER = lazy_compile(r"\b(?:hours|days|weeks)\s+later\b", re.IGNORECASE)
# A deed told as following the one told before it ("Moscow then gave asylum ...").
_FOLLOWS_ON = lazy_compile(r"\b(?:then|subsequently|afterwards|later)\b")
# The event "began using drones two weeks ago", "several days ago": a day before the news,
# which the sentence does not let us name when its count was not read as a date. Not one
# of a clause inside it ("denied responsibility, claiming that its forces had withdrawn
# months ago": the denial is the news). So is one of "last week" ("Last week, Syria's new
# ruling administration has cancelled a contract ...").
# (Searched only in a text holding "ago" or "week": tried at every character, a search
# cost ten times as much.)
_AGO = Screened(
    lazy_compile(
        r"^(?:(?!\b(?:that|which|who|when|after|since|because|claiming|saying|adding)\b)[^;])*?"
        r"\b(?:(?:days?|weeks?|months?|years?)\s+ago|last\s+week)\b",
        re.IGNORECASE,
    ),
    ("ago", "week"),
)
_DAY_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# A day counted from another event: "two days after the base was hit", "a day later", "the
# next day", "the day before", "the previous night".
# (Searched only in a text holding the word of a day or a part of one.)
_RELATIVE_DAY = Screened(
    lazy_compile(
        rf"\b(?:(?:(?P<count>{'|'.join(_DAY_COUNTS)}|[1-9])|the)\s+days?\s+"
        r"(?P<side>after|before|later|earlier)"
        r"|the\s+(?P<near>next|following|previous|preceding)\s+"
        r"(?:day|morning|afternoon|evening|night))\b",
        re.IGNORECASE,
    ),
    ("day", "morning", "afternoon", "evening", "night"),
)
_BEFORE = frozenset({"before", "earlier", "previous", "preceding"})


@dataclass(frozen=True)
class RelativeDay:
    """A day written as counted from another event's: `days` after it (negative: before);
    `hangs_on` the words of that event when the sentence names it ("after the base was
    hit"), else empty: the event the sentence before tells."""

    days: int
    hangs_on: str
    start: int
    end: int


def relative_day(text: str) -> RelativeDay | None:
    """The first day of `text` counted from another event's (see `_RELATIVE_DAY`)."""
    match = _RELATIVE_DAY.search(text)
    if match is None:
        return None
    written_count = (match.group("count") or "").lower()
    count = _DAY_COUNTS.get(written_count) or int(written_count or 1)
    side = (match.group("side") or match.group("near")).lower()
    hangs_on = ""
    if side in ("after", "before"):  # "after the base was hit"; "the day before," hangs on none
        hangs_on = _CLAUSE_BREAK.split(text[match.end() :])[0].strip()
    return RelativeDay(-count if side in _BEFORE else count, hangs_on, match.start(), match.end())


# "Since Friday, the RSF has launched assaults ...": what has gone on since a day.
_SINCE = lazy_compile(r"\bsince\s*$", re.IGNORECASE)


def _runs_since(stated: Sentence, dates: Sequence[DateMention]) -> bool:
    """Whether the sentence tells what has gone on since a date it writes ("Since Friday,
    the RSF has launched ground and aerial assaults"): days of it, no one day, so neither
    the news day nor that date is the event's. Not when its main verb is a past tense: "A
    source told AFP that contact was lost since Friday" tells what was said on the day."""
    return sentence_tense(stated.text) != "past" and any(
        mention.text[:6].lower() == "since " or _SINCE.search(stated.text, 0, mention.start)
        for mention in dates
    )


def line_dates(
    index: Index, members: Sequence[str], stated: Sentence, event: str
) -> tuple[DateMention, ...]:
    """The dates of the event a line states (`event`, cut out of `stated`), carried by
    `members`: the dates the sentences give it; else the day it is counted from another
    dated event ("two days after the base was hit"); else, for an event told in the past,
    the day of its article's news (never for background: a habit, a state, a hypothesis)."""
    dating = index.dating
    # "..., a local official told AFP on Sunday. The attack, which took place on Thursday,
    # ...": the next sentence dates the event; the day told is the telling's. (Not read
    # otherwise: a toll "has surpassed 1,600, officials said on Saturday" is of that day.)
    # (The next sentence's words first: few match, and the attribution search costs more.)
    taken = dating.taken_up_day(stated)
    if taken is not None and dated_by_telling(stated.text, dating.sentence_dates(stated)):
        return (taken,)
    dates = dating.report_dates(members, stated.id)
    # (`event` is the one `index.reading` cuts out of `stated`: its words are judged there)
    if dates or is_background(event, None, None, no_event=index.reading(stated).tells_no_event):
        return dates
    # "Reuters reported the Assad government had carried out ...": not the news day either
    if reports_a_deed_before(stated.text):
        return ()
    counted = relative_day(stated.text)
    if counted is not None:
        # Counted from another event: that event's day, or none (the news day would be
        # the wrong one as often as not).
        day = dating.counted_day(stated, counted)
        return (day,) if day else ()
    if (
        (told_in_past(event) or said_in_past(stated.text))
        and not _AFTER_ANOTHER.search(stated.text)
        and not _AGO.search(event)
        # "Moscow then gave asylum ...": a deed that follows one of the past
        and not (_FOLLOWS_ON.search(event) and dating.goes_on_from_history(stated))
        and not _runs_since(stated, dating.sentence_dates(stated))
        and not dating.leaves_unread(stated)
    ):
        # An event told in the past with no date of its own: the day another article
        # writes for it, the day of its speaker's statement, of the story it goes on
        # telling, else its article's news of the day (the day its lede gives).
        news = (
            dating.told_elsewhere(stated)
            or (said_in_past(stated.text) and dating.statement_day(stated))
            or dating.reacting_day(stated, event)
        )
        dates = (unwritten(news),) if news else ()
    return dates
