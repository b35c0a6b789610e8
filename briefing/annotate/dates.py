"""Temporal expressions, resolved against the article's publication date.

Candidate spans come from one precompiled regex; each is then resolved with plain calendar
arithmetic. Weekdays and year-less dates are ambiguous, so the words around the span decide
whether the sentence looks back (reporting, the default) or forward ("will meet", "is due to").
dateparser is deliberately not used: it resolves a bare weekday a week too early and its
text search invents dates from ordinary numbers.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from briefing.annotate.coreference import OPENING_PHRASE
from briefing.annotate.date_mention import DateMention, holds_digit
from briefing.annotate.openings import matches_at, places_tried
from briefing.annotate.phrase_index import fold
from briefing.ascii_text import (
    OTHER_FOLDS,
    holds_any,
    lower_sentence,
    run_starts,
    sentence_words,
)

_MONTH_NAMES = tuple(calendar.month_name)[1:]
_WEEKDAY_NAMES = tuple(calendar.day_name)  # Monday first, like date.weekday()
_MONTH_BY_PREFIX = {name[:3].lower(): number for number, name in enumerate(_MONTH_NAMES, 1)}
_WEEKDAY_BY_PREFIX = {name[:3].lower(): number for number, name in enumerate(_WEEKDAY_NAMES)}


def _title_or_upper(words: tuple[str, ...]) -> str:
    # Lowercase "may" / "march" are a verb far more often than a month, so only capitalised
    # spellings count; ALL CAPS covers headline and dateline furniture.
    return "|".join(f"{word}|{word.upper()}" for word in words)


_MONTH_ABBREVIATIONS = (
    "Sept", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
)  # fmt: skip
_MONTH_FULL = _title_or_upper(_MONTH_NAMES)
_MONTH_ABBREVIATED = _title_or_upper(_MONTH_ABBREVIATIONS)
_MONTH = rf"(?:{_MONTH_FULL})\b|(?:{_MONTH_ABBREVIATED})(?:\.|\b)"
MONTH_NAME = _MONTH  # a month as dates are written: title case or capitals, whole or cut
_WEEKDAY = rf"(?:{_title_or_upper(_WEEKDAY_NAMES)})\b"
# Four digits in 1900-2099 that are not part of "2,000", "1990s" or a longer number.
_YEAR = r"(?:19|20)\d\d(?![\d,]\d|\d|s\b)"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?(?!\d|,\d)"
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()

# Leading words kept in the span ("on Friday", "in 2016"); a bare month or year needs one.
_PREPOSITIONS = (
    "on in since by until till from during before after through throughout between of "
    "around last next this coming early late and to or"
).split()
_PREPOSITION = rf"(?P<prep>(?i:{'|'.join(_PREPOSITIONS)}))\s+|(?P<mid>mid-)"
# Words that open "today", "this morning", "last night", "next month" (any case).
_NEAR_WORDS = ("today", "tonight", "yesterday", "tomorrow", "this", "last", "next")

# "this year" and the like: the year counted from the article's.
_YEAR_STEP = {"last": -1, "next": 1, "this": 0}
_YEAR_ANCHOR = rf"(?i:{'|'.join(_YEAR_STEP)})"


def _year_of_day(key: str) -> str:
    """A day's year after it, written or counted from the article's ("on 7 March 2025",
    "on December 8 last year"), in the groups `key`_year and `key`_anchor."""
    return rf"(?:,?\s+(?P<{key}_year>{_YEAR})|,?\s+(?P<{key}_anchor>{_YEAR_ANCHOR})\s+year\b)?"


_CANDIDATE = re.compile(
    rf"""
    \b(?:{_PREPOSITION})?
    (?P<core>
        (?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)(?!\d)
      | (?:(?P<dmy_weekday>{_WEEKDAY}),?\s+)?
        (?P<dmy_day>{_DAY})\s+(?:of\s+)?(?P<dmy_month>{_MONTH}){_year_of_day("dmy")}
      | (?:(?P<mdy_weekday>{_WEEKDAY}),?\s+)?
        (?P<mdy_month>{_MONTH})\s+(?P<mdy_day>{_DAY}){_year_of_day("mdy")}
      | (?P<my_month>{_MONTH}),?\s+(?:of\s+)?(?P<my_year>{_YEAR})
      | (?P<month_only>{_MONTH_FULL})
        # "in November of last year", "in March this year": the year counted from the day
        (?:,?\s+(?:of\s+)?(?P<month_year>{_YEAR_ANCHOR})\s+year)?\b
      | (?:the\s+year\s+)?(?P<year_only>{_YEAR})
      | (?P<weekday>{_WEEKDAY})(?:\s+(?P<day_part>morning|afternoon|evening|night))?
      | (?P<ago_count>\d{{1,3}}|(?i:an?|{"|".join(_NUMBER_WORDS)}))\s+
        (?P<ago_unit>day|week|month|year)s?\s+ago\b
      | (?P<near_day>(?i:today|tonight|yesterday|tomorrow
            |this\s+(?:morning|afternoon|evening)|last\s+night))\b
      | (?P<near_anchor>(?i:last|next|this))\s+(?P<near_unit>month|year)\b
    )
    """,
    re.VERBOSE,
)

# Cues for the direction a weekday or year-less date points. Future cues come first so that
# "expected", "scheduled" and "planned" are not taken as past-tense "-ed" verbs.
_TENSE_CUE = re.compile(
    r"""
    (?<![\w'’-])(?:
        # "due" but in "due to" giving a cause ("rises to 19 due to the strike on June 24"):
        # "due to" looks ahead after a form of "be" ("is due to meet on Monday")
        (?P<future>will|shall|would|must|due(?!\s+to\b)|(?<=\b(?:is|be)\s)due
            |(?<=\b(?:are|was)\s)due|(?<=\b(?:were|been)\s)due|plans?|planned|planning
            |scheduled|set\ to|expected
            |expects?|upcoming|next|coming|to\ be\ held|going\ to|intends?|aims?\ to
            |(?:is|are)\ to)
      | (?P<past>said|says|told|was|were|had|did|ago|last
            # a participle after "be" takes its tense from the auxiliary: "will be postponed"
            |(?<!\bbe\ )(?:[a-z]{2,}(?<!e)ed|[a-z]*(?:agre|fre)ed)
            # irregular past tenses common in news reports
            |met|held|began|begun|took|taken|came|became|went|gone|left|fled|fell|led|saw|seen
            |won|lost|made|gave|given|got|kept|sent|spent|paid|sold|found|rose|broke|broken
            |spoke|stood|struck|shot|wrote|written|ran|chose|hid|felt|[a-z]*ought|[a-z]*(?:dr
            |fl|gr|thr|kn|bl)ew)
    )\b
    | ['’]ll\b
    """,
    re.VERBOSE,
)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”\u2013\u2014]|\s-\s")
# A 4-digit number followed by one of these words is a quantity or a clock time, not a year.
_NOT_AFTER_YEAR = re.compile(
    r"\s+(?:people|men|women|children|police|personnel|staff|GMT|UTC|local|hrs|h|[a-z]+(?<![aiu])s)\b"
)
# The words a candidate opens with (a candidate starts where a word does): a number, a
# month's or weekday's name as written, or one of these in any case (compared folded).
# Searching for candidates at these words alone, not at every word, takes half the time;
# at a lead-in only where the word after it goes on (see `_TRIED_PAIRS`), half again.
_NAMES_AS_WRITTEN = frozenset(
    spelling
    for name in (*_MONTH_NAMES, *_MONTH_ABBREVIATIONS, *_WEEKDAY_NAMES)
    for spelling in (name, name.upper())
)
_LEAD_INS = frozenset(_PREPOSITIONS) - frozenset(_NEAR_WORDS)  # before the core
_AGO_COUNTS = frozenset(("a", "an", *_NUMBER_WORDS))  # before a unit: "two days ago"

# Cheap screen run before _CANDIDATE, as exact as a few substring tests can be: every
# candidate holds a year's digits, a month (title or upper case: its first three letters) or
# a weekday (its letters before "day"), "ago" after a unit, a near day in any case ("today",
# "last night", "this morning") or "month"/"year" after "last", "next" or "this". Plain
# literal alternatives (no classes, no IGNORECASE) let the regex engine skip ahead quickly,
# so most sentences are rejected in a few microseconds ("for days", "a year of war" among
# them, which a screen for the words "day" and "year" let through).
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_MONTH_STEMS = re.compile(
    "|".join(variant for name in _MONTH_NAMES for variant in (name[:3], name[:3].upper()))
)
# Searched for only in a text holding "day" or "DAY": the alternation opens with common
# letters, a substring test is quicker.
_WEEKDAY_ENDINGS = re.compile(
    "|".join(
        variant for stem in ("nday", "sday", "iday", "rday") for variant in (stem, stem.upper())
    )
)
# What a near day (`near_day`, read ignoring case) holds, lower-cased.
_NEAR_DAY_WORDS = ("today", "tomorrow", "yesterday", "night", "morning", "afternoon", "evening")
_NEAR_ANCHORS = ("last", "next", "this")


def _may_hold_date(text: str) -> bool:
    """Whether `_CANDIDATE` may match in `text` (a superset: the candidates decide)."""
    # (a year's digits are looked for in a text holding a digit: `holds_digit` is cheap and
    # remembered for the sentence's other readers)
    year = holds_digit(text) and _YEAR_DIGITS.search(text) is not None
    if year or _MONTH_STEMS.search(text) or "ago" in text:
        return True
    if ("day" in text or "DAY" in text) and _WEEKDAY_ENDINGS.search(text):
        return True
    # (a text holding a letter ignore-case matching takes for an ASCII one is searched)
    if holds_any(text, OTHER_FOLDS):
        return True
    lowered = lower_sentence(text)
    if any(word in lowered for word in _NEAR_DAY_WORDS):
        return True
    return ("month" in text or "year" in text) and any(w in lowered for w in _NEAR_ANCHORS)


_RANGE_CONNECTORS = ("and", "to", "or")
# Feasts named for the weekday they fall on: "on Palm Sunday" in a report is last Sunday.
_NAMED_WEEKDAYS = frozenset(
    "palm sunday|easter sunday|easter monday|good friday|holy saturday|holy thursday"
    "|maundy thursday|ash wednesday".split("|")
)
_NEXT_WORD_CAPITALISED = re.compile(r"\s+[A-Z]")
_PRECEDING_WORD = re.compile(r"(\S+)\s+$")
# "of 2072" is as often a score or a count as a year; after these words it is a year.
_YEAR_OF_CONTEXT = frozenset(
    "end start beginning middle half quarter rest part course spring summer autumn fall winter "
    "season election elections class".split()
    + [name.lower() for name in _MONTH_NAMES]
)


def resolve_dates(text: str, published: datetime.date | None) -> tuple[DateMention, ...]:
    """Find the temporal expressions in one sentence and resolve them against `published`.

    With `published=None` only self-contained dates resolve: full dates, "October 2023",
    "in 2016". Offsets index into `text`.
    """
    return _resolve_sentence(text, published)


def reads_the_day(text: str) -> bool:
    """Whether the dates `resolve_dates` finds in a sentence depend on the day it is read
    against: it has a date relative to that day ("on Friday", "yesterday", "last month")
    or one without its year ("May 5", "in March"). A sentence without gives the same dates
    against any day (or none)."""
    return any(map(_needs_the_day, _candidate_matches(text)))


# The candidate kinds resolved from the day a sentence is read against.
_RELATIVE_KINDS = ("month_only", "weekday", "ago_unit", "near_day", "near_anchor")


def _needs_the_day(match: re.Match[str]) -> bool:
    return any(match.group(kind) is not None for kind in _RELATIVE_KINDS) or any(
        match.group(f"{order}_day") is not None and match.group(f"{order}_year") is None
        for order in ("dmy", "mdy")
    )


# Sentences repeat (captions twice on a page, the same wire story at several outlets).
@lru_cache(maxsize=8192)
def _resolve_sentence(text: str, published: datetime.date | None) -> tuple[DateMention, ...]:
    mentions: list[DateMention] = []
    for match in _candidate_matches(text):
        resolved = _resolve_match(match, text, published, mentions)
        if resolved is None:
            continue
        value, precision = resolved
        # "and"/"to"/"or" join a range; they are not part of the date as written.
        connector = (match.group("prep") or "").lower() in _RANGE_CONNECTORS
        start, end = match.start("core") if connector else match.start(), match.end()
        mentions.append(DateMention(text[start:end], value, precision, start, end))
    return tuple(mentions)


def carry_written_years(
    dates: Iterable[tuple[DateMention, ...]],
) -> Iterator[tuple[DateMention, ...]]:
    """An article's sentences' dates, in reading order, each year-less day ("on October 7")
    that repeats a month and day the article wrote before with its year ("October 7, 2023")
    taking that year: the article tells the same day again, not the one nearest its date."""
    written: dict[str, str] = {}
    for mentions in dates:
        yield with_written_years(mentions, written)


def with_written_years(
    mentions: tuple[DateMention, ...], written: dict[str, str]
) -> tuple[DateMention, ...]:
    """One sentence's dates as `carry_written_years` gives them; `written` ("MM-DD" -> year,
    of the days written before) gains the sentence's own."""
    if not any(mention.precision == "day" for mention in mentions):
        return mentions
    carried = []
    for mention in mentions:
        if mention.precision == "day" and _MONTH_STEMS.search(mention.text):
            month_day = mention.value[5:]
            if _YEAR_DIGITS.search(mention.text):
                written[month_day] = mention.value[:4]
            elif month_day in written and not _PICKS_ITS_YEAR.search(mention.text):
                # (a weekday or "last year" picks the year itself)
                mention = replace(mention, value=f"{written[month_day]}-{month_day}")
        carried.append(mention)
    return tuple(carried)


_PICKS_ITS_YEAR = re.compile(rf"{_WEEKDAY}|\byear\b")


def with_nearest_years(
    mentions: tuple[DateMention, ...], estimate: datetime.date
) -> tuple[DateMention, ...]:
    """One sentence's dates read against an estimated day, each year-less day ("on July
    24") read ahead of it taking the year before when that is nearer, whatever its tense:
    the estimate may be weeks late (the latest of its carriers' days), and "is expected to
    meet on July 24" read against a September estimate had gone a year ahead (qa-pages15
    #8). A day read back stays: "began its latest offensive on May 10" in an April page is
    of the year before (judged sudan-zamzam-camp, which the nearest year either way got
    wrong)."""
    nearest = []
    for mention in mentions:
        if (
            mention.precision == "day"
            and _MONTH_STEMS.search(mention.text)
            and not _YEAR_DIGITS.search(mention.text)
            and not _PICKS_ITS_YEAR.search(mention.text)
        ):
            read = datetime.date.fromisoformat(mention.value)
            year = read.year - 1
            if read > estimate and _is_valid_day(year, read.month, read.day):
                before = datetime.date(year, read.month, read.day)
                if estimate - before < read - estimate:
                    mention = replace(mention, value=before.isoformat())
        nearest.append(mention)
    return tuple(nearest)


# A sentence is searched once both for its dates and for whether they depend on the day:
# a worker asks the second of an article's sentences right after reading their dates (see
# `model.index.prepare`).
@lru_cache(maxsize=1024)
def _candidate_matches(text: str) -> tuple[re.Match[str], ...]:
    if not _may_hold_date(text):
        return ()
    return tuple(_candidates(text))


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_CANDIDATE` in `text`, as its `finditer` finds them, tried only
    where a word that can open one starts (and, for a lead-in, the word after it can go on)."""
    # The words are screened all at once (a lookup each), the few tried found one by one.
    words = sentence_words(text)
    tried = places_tried(list(map(_opening_code, words)), _TRIED_PAIRS)
    return matches_at(_CANDIDATE, text, run_starts(text, words, tried))


# What a word is to `_CANDIDATE`: where it opens a candidate (its own code) ...
_NEVER, _ALWAYS, _BEFORE_CORE, _BEFORE_UNIT, _BEFORE_YEAR = range(5)
# ... and (times 5) what it is as the word after one: a word the core may open with, a unit of
# "days ago", or "year" ("the year 2016" and "a year ago").
_OTHER, _CORE, _UNIT, _YEAR_UNIT = (5 * n for n in range(4))
# (word's code, next word's code) where a candidate may open at the word: a preposition or
# "mid" before the core; "a", "an" or a number word before a unit; "the" before "year".
_TRIED_PAIRS = frozenset(
    (own + follows, after)
    for own, before in (
        (_ALWAYS, (_OTHER, _CORE, _UNIT, _YEAR_UNIT)),
        (_BEFORE_CORE, (_CORE,)),
        (_BEFORE_UNIT, (_UNIT, _YEAR_UNIT)),
        (_BEFORE_YEAR, (_YEAR_UNIT,)),
    )
    for follows in (_OTHER, _CORE, _UNIT, _YEAR_UNIT)
    for kind in before
    for after in range(kind, kind + 5)
)
_AGO_UNITS = frozenset(("day", "days", "week", "weeks", "month", "months", "years"))
_CORE_OPENERS = (_ALWAYS, _BEFORE_UNIT, _BEFORE_YEAR)


@lru_cache(maxsize=65_536)  # a sentence's words are mostly common ones: looked up, not folded
def _opening_code(written: str) -> int:
    """Where a candidate can open at this word and after it (see `_TRIED_PAIRS`)."""
    folded = fold(written)
    if written[0].isdecimal() or written in _NAMES_AS_WRITTEN or folded in _NEAR_WORDS:
        own = _ALWAYS
    elif written == "the":
        own = _BEFORE_YEAR
    elif folded in _AGO_COUNTS:
        own = _BEFORE_UNIT
    elif written == "mid" or folded in _LEAD_INS:
        own = _BEFORE_CORE
    else:
        own = _NEVER
    if own in _CORE_OPENERS:
        return own + _CORE
    if written == "year":
        return own + _YEAR_UNIT
    return own + (_UNIT if written in _AGO_UNITS else _OTHER)


def _resolve_match(
    match: re.Match[str],
    text: str,
    published: datetime.date | None,
    earlier: list[DateMention],
) -> tuple[str, str] | None:
    """(value, precision) for one candidate span, or None when it is not a usable date."""
    groups = match.groupdict()
    prep = (groups["prep"] or "").lower()
    if groups["iso"]:
        year, month, day = (int(part) for part in groups["iso"].split("-"))
        return _day_value(year, month, day)
    for key in ("dmy", "mdy"):
        if groups[f"{key}_day"]:
            month = _month_number(groups[f"{key}_month"])
            day = int(groups[f"{key}_day"].rstrip("stndrh"))
            if groups[f"{key}_year"]:
                return _day_value(int(groups[f"{key}_year"]), month, day)
            if published is None:
                return None
            if groups[f"{key}_anchor"]:
                year = published.year + _YEAR_STEP[groups[f"{key}_anchor"].lower()]
                return _day_value(year, month, day)
            weekday = groups[f"{key}_weekday"]
            tense = _year_tense(text, match, prep)
            year = _nearest_year(published, month, day, tense, _weekday_number(weekday))
            return _day_value(year, month, day)
    if groups["my_month"]:
        return f"{groups['my_year']}-{_month_number(groups['my_month']):02d}", "month"
    if groups["year_only"]:
        return _year_only(match, text, prep, groups["mid"], earlier)
    if published is None:
        return None
    if groups["month_only"]:
        if not (prep or groups["mid"]) or not _continues_range(match, prep, earlier, "month"):
            return None
        month = _month_number(groups["month_only"])
        if groups["month_year"]:
            year = published.year + _YEAR_STEP[groups["month_year"].lower()]
        else:
            year = _nearest_year(published, month, None, _year_tense(text, match, prep))
        return f"{year}-{month:02d}", "month"
    if groups["weekday"]:
        return _weekday(match, text, published, prep)
    if groups["ago_unit"]:
        return _ago(groups["ago_count"].lower(), groups["ago_unit"], published)
    if groups["near_day"]:
        return _near_day(match, text, published)
    if groups["near_anchor"]:
        return _near_period(match, text, published)
    return None


def _year_only(
    match: re.Match[str],
    text: str,
    prep: str,
    mid: str | None,
    earlier: list[DateMention],
) -> tuple[str, str] | None:
    if not (prep or mid) or not _continues_range(match, prep, earlier, "year"):
        return None
    if prep in ("last", "next", "this", "coming"):
        return None
    if prep == "of" and _preceding_word(text, match.start()).lower() not in _YEAR_OF_CONTEXT:
        return None
    if _NOT_AFTER_YEAR.match(text, match.end()):
        return None
    return match.group("year_only"), "year"


def _continues_range(
    match: re.Match[str], prep: str, earlier: list[DateMention], precision: str
) -> bool:
    """A bare month or year after "and"/"to"/"or" counts only as the end of a range that
    starts with a date just before it ("between 2019 and 2021"); "spoke to May" is a person."""
    if prep not in _RANGE_CONNECTORS:
        return True
    previous = earlier[-1] if earlier else None
    return (
        previous is not None
        and previous.precision == precision
        and match.start() - previous.end <= 1
    )


def _weekday(
    match: re.Match[str], text: str, published: datetime.date, prep: str
) -> tuple[str, str] | None:
    if not prep and not match.group("day_part"):
        preceding = _preceding_word(text, match.start())
        if preceding.lower() in ("a", "an", "every", "each"):
            return None  # any such day, not one date: "on a Monday"
        if _NEXT_WORD_CAPITALISED.match(text, match.end()):
            return None  # a name: "Sunday Times", "Good Friday Agreement"
        named = f"{preceding} {match.group('weekday')}".lower()
        if preceding[:1].isupper() and named not in _NAMED_WEEKDAYS:
            return None  # a name: "Bloody Sunday", "TBS Monday"
    target = _WEEKDAY_BY_PREFIX[match.group("weekday")[:3].lower()]
    days_back = (published.weekday() - target) % 7
    days_ahead = (target - published.weekday()) % 7
    if prep == "last":
        offset = -(days_back or 7)
    elif prep in ("next", "coming"):
        offset = days_ahead or 7
    elif days_back == 0:
        # The publication weekday itself is the publication day, in either tense.
        offset = 0
    else:
        offset = days_ahead if _tense(text, match, prep) == "future" else -days_back
    return (published + datetime.timedelta(days=offset)).isoformat(), "day"


# "A week ago" is said of four to ten days: only its month is sure.
_WEEK_SLACK = 3


def _ago(count_word: str, unit: str, published: datetime.date) -> tuple[str, str] | None:
    if count_word.isdigit():
        count = int(count_word)
    elif count_word in ("a", "an"):
        count = 1
    else:
        count = _NUMBER_WORDS.index(count_word) + 1
    if unit == "day":
        return (published - datetime.timedelta(days=count)).isoformat(), "day"
    if unit == "week":
        then = published - datetime.timedelta(days=7 * count)
        slack = datetime.timedelta(days=_WEEK_SLACK * count)
        if (then - slack).month != (then + slack).month:
            return None
        return then.isoformat()[:7], "month"
    if unit == "month":
        return _shift_month(published, -count), "month"
    return str(published.year - count), "year"


def _near_day(match: re.Match[str], text: str, published: datetime.date) -> tuple[str, str] | None:
    written = match.group("near_day")
    if written[0].isupper() and _preceding_word(text, match.start())[:1].isupper():
        return None  # a title: "USA Today", "TBS Today"
    phrase = " ".join(written.lower().split())
    offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(phrase, 0)
    return (published + datetime.timedelta(days=offset)).isoformat(), "day"


def _near_period(
    match: re.Match[str], text: str, published: datetime.date
) -> tuple[str, str] | None:
    if text[: match.start()].lower().endswith("the "):
        return None  # "over the last year" is a span of twelve months, not a calendar year
    step = _YEAR_STEP[match.group("near_anchor").lower()]
    if match.group("near_unit") == "year":
        return str(published.year + step), "year"
    return _shift_month(published, step), "month"


def _tense(text: str, match: re.Match[str], prep: str) -> str | None:
    """Which way the clause around a span points: "future", "past", or None without a cue."""
    if prep in ("next", "coming"):
        return "future"
    if prep in ("last", "since"):
        return "past"
    return tense_at(text, *match.span())


def _year_tense(text: str, match: re.Match[str], prep: str) -> str | None:
    """`_tense` for choosing a year-less date's year: "would" after a past verb of its clause
    ("the SDF announced they would withdraw ... on January 18") looks ahead from a moment
    already gone, so it rules out no earlier date (an early-February report's January 18 is
    not the next year's)."""
    tense = _tense(text, match, prep)
    if tense != "future" or prep in ("next", "coming"):
        return tense
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, match.start())), default=0)
    cues = list(_TENSE_CUE.finditer(text, clause_start, match.start()))
    if cues and cues[-1].group().lower() == "would" and any(c.group("past") for c in cues[:-1]):
        return None
    return tense


def tense_at(text: str, start: int, end: int) -> str | None:
    """Which way the clause around `text[start:end]` (a date) points: "future", "past", or
    None without a cue."""
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    before = list(_TENSE_CUE.finditer(text[clause_start:start]))
    if before:
        return "past" if before[-1].group("past") else "future"
    # Nothing governs the span from the left: read rightwards, across one clause break when
    # the span opens its clause ("On Saturday, the ministers will meet") or ends a phrase
    # opening the sentence ("During the transition in December, Israel said it expanded
    # ..."): the main clause tells when that was.
    following = _CLAUSE_BREAK.search(text, end)
    stop = following.start() if following else len(text)
    opens = not text[clause_start:start].strip() or (
        clause_start == 0 and OPENING_PHRASE.match(text.lstrip()) is not None
    )
    if following and opens and stop - end < 3:
        after_next = _CLAUSE_BREAK.search(text, following.end())
        stop = after_next.start() if after_next else len(text)
    after = _TENSE_CUE.search(text[end:stop])
    if after is None:
        return None
    return "past" if after.group("past") else "future"


# A participle after "has"/"have" ("have been killed", "has raged") makes a perfect, not a
# past tense; a present auxiliary before the first cue makes the sentence present.
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|having)\s+(?:\w+ly\s+)?(?:been\s+)?(?:\w+ly\s+)?$")
_PRESENT_CUE = re.compile(r"\b(?:is|are|am|remains?|does|do|has|have)\b")


def sentence_tense(text: str) -> str | None:
    """Which way a sentence's first tensed verb points: "past", "future", "perfect"
    ("have been killed", "has raged"), or None (a present tense first, or no cue)."""
    cue = _TENSE_CUE.search(text)
    if cue is None:
        return None
    if _PERFECT_BEFORE.search(text, max(0, cue.start() - 40), cue.start()):
        return "perfect"
    if _PRESENT_CUE.search(text, 0, cue.start()):
        return None  # "supplies are scarce and deliveries limited"
    return "past" if cue.group("past") else "future"


_IMPOSSIBLE = 10**6


def _nearest_year(
    published: datetime.date,
    month: int,
    day: int | None,
    tense: str | None,
    weekday: int | None = None,
) -> int:
    """The year that puts the day (or whole month, when `day` is None) nearest publication.

    A past-tense clause cannot report a later date, nor a future one an earlier date. Without
    a cue, later dates count double: reports mostly look back, but "the Jan. 20 inauguration"
    in a December report is next month. A weekday written with the date ("Monday, January
    20th") names the year it falls on, whatever the publication day says.
    """
    years = (published.year - 1, published.year, published.year + 1)
    if weekday is not None and day is not None:
        matching = [y for y in years if _is_valid_day(y, month, day)]
        matching = [y for y in matching if datetime.date(y, month, day).weekday() == weekday]
        if len(matching) == 1:
            return matching[0]

    def cost(year: int) -> int:
        last_day = calendar.monthrange(year, month)[1]
        if day is not None and day > last_day:
            return 2 * _IMPOSSIBLE  # Feb. 29 outside a leap year; the caller rejects it
        first = datetime.date(year, month, day or 1)
        last = datetime.date(year, month, day or last_day)
        if first > published:
            days_ahead = (first - published).days
            return _IMPOSSIBLE if tense == "past" else days_ahead * (2 if tense is None else 1)
        if last < published:
            return _IMPOSSIBLE if tense == "future" else (published - last).days
        return 0

    return min(years, key=cost)


def _weekday_number(name: str | None) -> int | None:
    return _WEEKDAY_BY_PREFIX[name[:3].lower()] if name else None


def _month_number(name: str) -> int:
    return _MONTH_BY_PREFIX[name[:3].lower()]


def _is_valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _day_value(year: int, month: int, day: int) -> tuple[str, str] | None:
    if not (1 <= month <= 12 and _is_valid_day(year, month, day)):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


def _shift_month(published: datetime.date, months: int) -> str:
    index = published.year * 12 + published.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _preceding_word(text: str, start: int) -> str:
    """The word just before `start` in the same phrase; "" after punctuation or at the start."""
    # Only the text just before `start` is searched: from the sentence start, a sentence of
    # many dates cost a pass per date.
    found = _PRECEDING_WORD.search(text, max(0, start - 64), start)
    return found.group(1) if found and found.group(1)[-1].isalnum() else ""
