"""What a sentence names besides its words: the days it names ("Nov. 27", "on Sunday", the
year of a full date) and who it has its report from ("MSF said", "according to the
WHO").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from functools import cache
from itertools import compress

from briefing.annotate.actors import KNOWN_BODIES
from briefing.annotate.date_mention import holds_digit
from briefing.annotate.openings import matches_at
from briefing.ascii_text import lower_sentence, run_starts, sentence_words
from briefing.corroborate.tokens import (
    WEEKDAYS,
    WORD,
    WholeNames,
    compared_word,
    whole_names,
)

ANY_DIGIT = re.compile(r"\d")
_MONTHS = {name.lower()[:3]: n for n, name in enumerate(calendar.month_name) if n}
_MONTH = "|".join(name[:3] for name in calendar.month_name[1:])
# A day of a month as outlets write it: "May 25", "Nov. 27", "January 20th", "25 May",
# "20th of January", "2025-01-26".
DATE = re.compile(
    rf"\b(?:(\d{{4}})-(\d\d)-(\d\d)|({_MONTH})[a-z]*\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})[a-z]*)"
)
# The year of a full date ("October 7, 2023", "7 October 2023", "2023-10-07"): the day
# an event happened. A year alone ("its defeat in 2017") may be a clause's background.
_DATED_YEAR = re.compile(
    rf"\b(?:{_MONTH})[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})[a-z]*,?\s+((?:19|20)\d\d)\b"
    r"|\b((?:19|20)\d\d)-\d\d-\d\d\b"
)
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
# What every date of DATE holds besides a digit: a month's abbreviation, or a dash between
# digits ("2025-01-26"). A sentence without it is not searched (a count alone dates nothing;
# nor does "a 60-day truce").
_MONTH_ABBREVIATION = re.compile(_MONTH)
_DIGIT_DASH_DIGIT = re.compile(r"\d-\d")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")


def may_name_day(text: str) -> bool:
    return ("-" in text and _DIGIT_DASH_DIGIT.search(text) is not None) or (
        _MONTH_ABBREVIATION.search(text) is not None
    )


# International bodies by full name -> their acronym, lower-case.
BODY_ACRONYMS = {
    full: acronym.lower()
    for acronym, full in KNOWN_BODIES.items()
    if acronym.isupper() and " " in full
}


@cache
def body_names() -> WholeNames:
    # Names as written ("World Food Programme"): an ignore-case alternation is slow.
    return whole_names(BODY_ACRONYMS)


def named_dates(text: str) -> set[str]:
    # Weekdays all end in "day"; every date pattern has a digit.
    found = (
        {f"wd:{m.group(1).lower()}" for m in _WEEKDAY.finditer(text)}
        if "day" in lower_sentence(text)
        else set()
    )
    if not holds_digit(text):
        return found
    for m in DATE.finditer(text) if may_name_day(text) else ():
        if m.group(1):
            month, day = int(m.group(2)), int(m.group(3))
        elif m.group(4):
            month, day = _MONTHS[m.group(4).lower()], int(m.group(5))
        else:
            month, day = _MONTHS[m.group(7).lower()], int(m.group(6))
        if 1 <= day <= 31:
            found.add(f"d:{month:02d}-{day:02d}")
    if _YEAR_DIGITS.search(text):  # in every branch of _DATED_YEAR
        found.update(f"y:{''.join(groups)}" for groups in _DATED_YEAR.findall(text))
    return found


_SPEECH = (
    r"said|says|told|reported|announced|stated|added|warned|confirmed|revealed|declared|"
    r"claimed|urged|called|condemned|decried|posted|wrote"
)
# Possessive where giving back cannot help (a name's word holds no space, what follows a
# space is no space): a failed try was retried at every letter of every word before.
_NAME_RUN = r"(?:[A-Z][\w'’.-]*+\s++(?:(?:for|of|without|and|al)\s++)?){0,5}[A-Z][\w'’.-]*+"
# Who a sentence says it has its report from: "MSF said", "said the Syrian Observatory",
# "according to Ukrainian authorities".
_SOURCE = re.compile(
    rf"\b({_NAME_RUN}\s++(?:\([A-Z]{{2,}}\)\s+)?)(?:[a-z]+ly\s+|further\s+|also\s+|has\s+|"
    rf"have\s+|had\s+)?(?:{_SPEECH})\b|\b(?:said|says|reported|announced)\s+(?:the\s+)?"
    rf"({_NAME_RUN})|\b(?i:according)\s+to\s+(?:the\s+)?((?:[a-z]+\s+)?{_NAME_RUN})"
)
# Capitalised words of a matched phrase that name no one: "On Sunday, ...", "He said".
_NOT_SOURCES = frozenset(
    [*WEEKDAYS, *(m.lower() for m in calendar.month_name[1:])]
    + "he she they it we the this that on in a an".split()
)
# Words without which a sentence names no source: a quick screen before `_SOURCE`.
_SOURCE_SCREEN = re.compile(rf"(?:{_SPEECH}|ccording)\b")
# `_SOURCE` reads a verb of `_SPEECH` as a whole word: a sentence's words (split already,
# `sentence_words`) are looked up before the screen, an alternation tried at every letter.
_SPEECH_WORDS = frozenset(_SPEECH.split("|"))


def named_sources(text: str) -> set[str]:
    """The words (as compared) of who a sentence says its report comes from."""
    found: set[str] = set()
    # A verb of `_SPEECH` standing as a whole word is what the screen finds: searched for
    # only in a text holding none, where "according" alone may open a source.
    if _SPEECH_WORDS.isdisjoint(sentence_words(text)) and (
        "ccording" not in text or _SOURCE_SCREEN.search(text) is None
    ):
        return found
    bodies = body_names()
    for match in _sources(text):
        phrase = next(g for g in match.groups() if g)
        if bodies.screen.search(phrase) is not None:
            found.update(BODY_ACRONYMS[body] for body in bodies.pattern.findall(phrase))
            phrase = bodies.pattern.sub(" ", phrase)
        for word in WORD.findall(phrase):
            lower = word.lower()
            if lower in _NOT_SOURCES or not word[0].isupper():
                continue
            if word.isupper() and len(word) > 1:  # "WHO" the body is not "who"
                found.add(lower)
                continue
            # "Moscow said" and "Russia's defence ministry said": a capital that speaks
            # is its state.
            compared = _capital_words().get(lower) or compared_word(lower)
            if compared is not None:
                found.add(compared[0])
    return found


def _sources(text: str) -> Iterator[re.Match[str]]:
    """What `_SOURCE.finditer(text)` finds, tried only at the words a match may open with
    (`_may_open_source`): opening with a word boundary, it was tried at every character."""
    words = sentence_words(text)
    opening = compress(range(len(words)), map(_may_open_source, words))
    return matches_at(_SOURCE, text, run_starts(text, words, opening))


# The words of `_SOURCE`'s second and third branches, as written and as "According" is not.
_SOURCE_OPENERS = frozenset(("said", "says", "reported", "announced", "according"))


def _may_open_source(word: str) -> bool:
    """Whether a match of `_SOURCE` may open at a word (a superset): its first branch opens
    with a capital, the others with a verb or with "according" in any case (nine letters,
    whatever the engine folds to them)."""
    return word[0].isupper() or word in _SOURCE_OPENERS or (len(word) == 9 and word[0] == "a")


@cache
def _capital_words() -> dict[str, tuple[str, bool]]:
    """Capitals of one word, lower-case -> their country as `compared_word` gives it."""
    from briefing.countries import COUNTRIES

    return {
        capital.lower(): (country.id, True)
        for country in COUNTRIES
        for capital in country.capitals
        if capital.isalpha()
    }
