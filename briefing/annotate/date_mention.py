"""What a sentence's date resolves to: the type apart from the resolver (`briefing.annotate.dates`),
so loading annotated articles from the cache compiles none of the resolver's patterns.
Also which numbers of a sentence are a time's, not a count's (`time_numbers`), for every
stage that reads counts (report merging, tolls)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress, repeat
from operator import not_

from briefing.annotate.openings import matches_at, places_tried
from briefing.ascii_text import (
    OTHER_FOLDS,
    holds_any,
    lower_sentence,
    run_starts,
    sentence_words,
)


@dataclass(frozen=True)
class DateMention:
    text: str  # the span as written: "on Friday", "Nov. 27", "in 2016"
    value: str  # "YYYY" | "YYYY-MM" | "YYYY-MM-DD"
    precision: str  # "year" | "month" | "day"
    start: int  # character offsets in the sentence
    end: int


@dataclass(frozen=True)
class TimeNumber:
    """A number written as part of a date or a time phrase: "two" in "two days after the
    attack", "25" in "May 25", "4" in "4 a.m.", "48" in "a 48-hour truce"."""

    text: str
    start: int  # character offsets in the sentence
    end: int


_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred"
).split()
_MONTHS = (
    "January February March April May June July August September October November December"
).split()
# Words placing a year in time: "in 2016", "since 2011", "mid-2024".
_BEFORE_YEAR = (
    "in since of until till by from before after during through early late between and to mid"
).split()


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The time phrases holding a number, and a number inside one (compiled when first
    asked for: loading a cache needs neither)."""
    word = "|".join(_NUMBER_WORDS)
    # Tried only where a number starts (not inside "1,1,1..."): one scan of a long run.
    number = rf"(?:(?<![\d.,])(?:\d[\d,.]*\d|\d)|(?i:{word})(?:-(?i:{word}))?)"
    month = "|".join(
        [*_MONTHS, *(m.upper() for m in _MONTHS), *(m[:3] + r"\.?" for m in _MONTHS), "Sept\\.?"]
    )
    before_year = "|".join(w + "-?" if w == "mid" else w for w in _BEFORE_YEAR)
    day = r"[0-3]?\d(?:st|nd|rd|th)?"
    year = r"(?:19|20)\d\d(?!\d)"
    phrase = re.compile(
        rf"""
        # a length of time, a time before or after another, an age: "two days after",
        # "48-hour", "three weeks ago", "a 12-year-old", "two and a half years"
        \b{number}(?:\s+and\s+a\s+half)?[\s-]+(?i:second|minute|hour|day|night|week|month
            |year|decade|centur(?:y|ie))s?\b
        # a time of day: "4 a.m.", "10:30", "0200 GMT", "4pm"
      | \b\d{{1,2}}(?::\d\d)?\s*(?i:a\.m\.?|p\.m\.?|am\b|pm\b|o['’]clock)
      | \b\d{{1,4}}(?::\d\d)?\s*(?:GMT|UTC)\b
      | \b\d{{1,2}}:\d\d\b
        # a day of a month, with its year: "May 25", "Nov. 27, 2024", "25 May 2025",
        # "the 7th of October", "2025-01-26"
      | \b(?:{month})\s+{day}\b(?:,?\s+{year})?
      | \b{day}\s+(?:of\s+)?(?:{month})\b(?:,?\s+{year})?
      | \b{year}-[01]\d-[0-3]\d\b
        # a year after a month or a word placing it in time: "October 2023", "in 2016",
        # "since 2011", "mid-2024"
      | \b(?:{month}|(?i:{before_year}))\s*{year}(?![,.]?\d)
        """,
        re.VERBOSE,
    )
    return phrase, re.compile(rf"(?<![\w-]){number}(?:st|nd|rd|th)?(?![\w])|\b{year}")


def time_numbers(text: str) -> tuple[TimeNumber, ...]:
    """The numbers of `text` that belong to a date or time phrase ("two days after the
    attack", "on May 25", "at 4 a.m.", "since 2011"): they say when, so a reader of counts
    (a toll, a report's numbers) leaves them out. "Two people were killed" keeps its 2."""
    # Every phrase but a spelt length of time holds a decimal digit.
    if not holds_digit(text) and not _may_spell_time(text):
        return ()
    phrase, number = _patterns()
    found = []
    for match in _phrases(phrase, text):
        for token in number.finditer(text, match.start(), match.end()):
            found.append(TimeNumber(token.group(), token.start(), token.end()))
    return tuple(found)


def _phrases(phrase: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """What `phrase.finditer(text)` finds, tried only at the words a phrase can open with
    (see `_opening`): tried at every character, each of its ignore-case word lists was
    read at every word. A text holding a letter ignore-case matching takes for an ASCII
    one (`OTHER_FOLDS`) is searched as a whole."""
    if holds_any(text, OTHER_FOLDS):
        yield from phrase.finditer(text)
        return
    # The words split by the string methods, and the starts of the few a phrase may open at
    # found by them too.
    words = sentence_words(text)
    tried = places_tried(_opening_kinds(words), _TRIED_PAIRS)
    yield from matches_at(phrase, text, run_starts(text, words, tried))


# Every phrase opens a word: a number (digits or a number word, the whole word), a month
# (or its three letters), or a word placing a year, the year's digits maybe glued on.
_SPELT_NUMBERS = frozenset(_NUMBER_WORDS)
_OPENING_WORDS = frozenset(
    [*(m.lower() for m in _MONTHS), *(m[:3].lower() for m in _MONTHS), "sept", *_BEFORE_YEAR]
)
_LETTERS_BEFORE_DIGITS = re.compile(r"[^\W\d]*")
# Where a phrase may open at a word (a superset: the phrase decides): always (digits with
# letters: "4pm", "7th", a year glued on: "mid2024"), only before a word opening with a digit
# (a month, a word placing a year: "in 2016", "May 25"; most words a sentence opens with are
# these), only before a unit, "and" or another number word (a spelt number: "two days",
# "twenty-four hours"), and, for a number of digits alone, only before one of those, a word
# of a time or a date ("4 a.m.", "0200 GMT", "25 May", "7 of") or digits ("10:30", "1,000")
# ...
_NEVER, _ALWAYS, _BEFORE_DIGITS, _BEFORE_UNIT, _NUMBER = range(5)
# ... and (times 5) what it is as the word after one.
_OTHER, _DIGITS, _UNIT, _TIME_WORD = 0, 5, 10, 15
_TRIED_PAIRS = frozenset(
    (own + follows, after)
    for own, before in (
        (_ALWAYS, (_OTHER, _DIGITS, _UNIT, _TIME_WORD)),
        (_BEFORE_DIGITS, (_DIGITS,)),
        (_BEFORE_UNIT, (_UNIT,)),
        (_NUMBER, (_DIGITS, _UNIT, _TIME_WORD)),
    )
    for follows in (_OTHER, _DIGITS, _UNIT, _TIME_WORD)
    for kind in before
    for after in range(kind, kind + 5)
)
_UNITS_SPELT = frozenset(
    unit + plural
    for unit in (*"second minute hour day night week month year decade".split(), "century")
    for plural in ("", "s")
) | {"centurie", "centuries", "and", *_NUMBER_WORDS}
_TIME_WORDS = frozenset(
    [*(m.lower() for m in _MONTHS), *(m[:3].lower() for m in _MONTHS), "sept", "of"]
    + "a p am pm o gmt utc".split()
)


def _opening(word: str) -> int:
    """Where a phrase may open at this word and after it (see `_TRIED_PAIRS`)."""
    if word[0].isdecimal():
        return (_NUMBER if word.isdecimal() else _ALWAYS) + _DIGITS
    lower = word.lower()
    follows = _UNIT if lower in _UNITS_SPELT else _TIME_WORD if lower in _TIME_WORDS else _OTHER
    if lower in _SPELT_NUMBERS:
        return _BEFORE_UNIT + follows
    if lower in _OPENING_WORDS:
        return _BEFORE_DIGITS + follows
    if not lower[-1].isdecimal():
        return _NEVER + follows
    letters = _LETTERS_BEFORE_DIGITS.match(lower)
    if letters is None or letters.group() not in _OPENING_WORDS:
        return _NEVER + follows
    return _ALWAYS + follows  # its year glued on: "mid2024", "May25"


# `_opening` of every word of letters alone that is not `_NEVER` and `_OTHER`, lower-cased:
# such a word's code is its lower case's (no digit opens or ends it).
_LETTER_WORDS = {
    word: _opening(word) for word in (*_UNITS_SPELT, *_SPELT_NUMBERS, *_OPENING_WORDS, *_TIME_WORDS)
}


def _opening_kinds(words: Sequence[str]) -> list[int]:
    """The `_opening` of each word, in order: looked up in C for words of letters (a
    distinct corpus brings new words in most sentences, and a memo of them made a Python
    call for each), worked out for the few others (digits, "mid2024")."""
    codes = list(map(_LETTER_WORDS.get, map(str.lower, words), repeat(_NEVER + _OTHER)))
    for n in compress(range(len(words)), map(not_, map(str.isalpha, words))):
        codes[n] = _opening(words[n])
    return codes


_DIGIT = re.compile(r"\d")


# Report comparison asks this of a sentence three times (its days, its time phrases, its
# counts): a search of the whole text each time, a lookup twice once remembered.
@lru_cache(maxsize=4_096)
def holds_digit(text: str) -> bool:
    """Whether the text holds a decimal digit, in any script."""
    # A digit is a word character and no letter: a text whose words (split already,
    # `sentence_words`) are all letters holds none, told in C where searching the text for
    # `\d`, tried at every character, cost several times as much.
    words = "".join(sentence_words(text))
    return not words.isalpha() and _DIGIT.search(words) is not None


_UNITS = "second|minute|hour|day|night|week|month|year|decade|centur"
_SPELT_UNIT = re.compile(rf"(?i:{_UNITS})")
# The units, looked for one by one in the lower-case text by the string methods (the regex
# engine tries an alternation of them at every character).
_UNIT_NAMES = _UNITS.split("|")
# A number word before a unit ("two days", "twenty-four hours"), searched for in the
# lower-case text: an ignore-case alternation is tried letter by letter at every
# character, a plain one is found at C speed.
_LOWER_SPELT_TIME = re.compile(
    rf"(?:{'|'.join(_NUMBER_WORDS)})(?:\s+and\s+a\s+half)?[\s-]+(?:{_UNITS})"
)


def _may_spell_time(text: str) -> bool:
    """A text without digits holds a time's number only spelt before a unit ("two days")."""
    if holds_any(text, OTHER_FOLDS):
        return _SPELT_UNIT.search(text) is not None
    lowered = lower_sentence(text)
    # Most texts name no unit: that is found out first, more quickly.
    return (
        any(map(lowered.__contains__, _UNIT_NAMES))
        and _LOWER_SPELT_TIME.search(lowered) is not None
    )
