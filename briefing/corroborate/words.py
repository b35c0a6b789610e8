"""A sentence's words as report comparison sees them (`ReportWords`): content words, names,
counts, event verbs, days and sources; a pure function of its text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from string import ascii_letters

from briefing.annotate.date_mention import holds_digit, time_numbers
from briefing.annotate.openings import matches_at
from briefing.ascii_text import sentence_words, word_runs
from briefing.corroborate.mentions import (
    ANY_DIGIT,
    BODY_ACRONYMS,
    DATE,
    body_names,
    may_name_day,
    named_dates,
    named_sources,
)
from briefing.corroborate.tokens import (
    PerToken,
    compared_word,
    joined_compound,
    one_word_countries,
    restatement_word,
)
from briefing.model.words import (
    event_verbs,
    number_words,
)

# A count's commas group thousands ("1,000"); a comma after it ends it ("in 2024, as").
_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\w+")
_ENUMERATOR = re.compile(r"^\s*\d{1,2}\s*[-–—.)]\s")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DETERMINERS = frozenset("the a an its their his her this these those our".split())
# A time of day ("4 a.m.", "0200 GMT", "02:00") says when, it does not count.
_TIME = re.compile(
    r"\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\b\d{1,4}(?::\d\d)?\s*(?:GMT|UTC)\b"
    r"|\b\d{1,2}:\d\d\b",
    re.IGNORECASE,
)
# What every `_TIME` holds: a digit before "am", "pm", "GMT" or "UTC", or before a colon and
# a digit. A text without it is not rewritten: `_TIME`, opening with a word boundary, is
# tried at every character, this at the digits.
_MAY_TELL_TIME = re.compile(r"\d(?:\s*(?:[ap]\.?m|gmt|utc)|:\d)", re.IGNORECASE)
# Possessive: giving back a letter yields no dash, nor a word's end between two letters.
_COMPOUND = re.compile(r"\b([A-Za-z]++)-([a-z]++)\b")
# What a token weighs in the overlap: a name pins a report down more than an ordinary
# word ("killed", "city") does.
NAME_WEIGHT = 2.0
# Past this a "count" is a serial number or garbage, not a toll.
_LARGEST_COUNT = 1e13


@dataclass(frozen=True)
class ReportWords:
    """A sentence's words as report comparison sees them: a pure function of its text
    (`report_words`), so it can be computed wherever the sentence is."""

    words: frozenset[str]  # every compared token (stems, names, counts as digits)
    names: frozenset[str]  # capitalised words, acronyms, countries: people and places
    numbers: frozenset[float]  # counts, however written ("1,000", "a thousand")
    events: frozenset[str]  # event verbs, as compared ("seize" for "captured")
    dates: frozenset[str]  # days it names: "wd:sunday", "d:11-27"
    sources: frozenset[str] = frozenset()  # who it has its report from, as compared: "msf"

    def weight(self, token: str) -> float:
        return NAME_WEIGHT if token in self.names else 1.0


def number_value(tokens: Sequence[str]) -> float | None:
    """The count a run of number tokens writes ("1.5 million", "a thousand", "two
    hundred", "1,000"), or None when it is no count ("one of its guards")."""
    words, scales = number_words()
    value, total, seen = 0.0, 0.0, False
    for token in tokens:
        lower = token.lower()
        if _DIGITS.fullmatch(token):
            value += float(token.replace(",", ""))
        elif lower in scales:
            value = (value or 1.0) * scales[lower]
            if scales[lower] >= 1000:
                total, value = total + value, 0.0
        elif lower in words:
            value += words[lower]
        seen = True
    count = total + value
    if not seen or count == 1 or not math.isfinite(count) or count > _LARGEST_COUNT:
        return None  # a run of 400 digits is no count anyone reports
    return count


# A wire story's sentences recur across outlets word for word, and the model asks again for
# the sentences a pane chooses; a tenth of the asks at 1,000 articles are hits, all within
# 8,192. An entry's sets of strings weigh ~3.5 KB: 65,536 would be 230 MB.
@lru_cache(maxsize=8_192)
def report_words(text: str) -> ReportWords:
    """A sentence's `_report_words`, remembered (the model asks again for the sentences it
    chooses; `ArticleWords` remembers them packed)."""
    return _report_words(text)


def _report_words(text: str) -> ReportWords:
    """See `report_word_sets`."""
    return ReportWords(*map(frozenset, report_word_sets(text)))


def report_word_sets(
    text: str,
) -> tuple[set[str], set[str], set[float], set[str], set[str], set[str]]:
    """`ReportWords`' sets, in its order: content words (stemmed, with the words outlets
    swap in a rewrite counted as one), names (capitalised inside the sentence, acronyms,
    countries by any of their names), counts (digits or number words), event verbs, days
    and sources of a sentence."""
    words: set[str] = set()
    names: set[str] = set()
    numbers: set[float] = set()
    events: set[str] = set()
    sentence = text
    bodies = body_names()
    named = bodies.held_in(sentence_words(text)) and bodies.screen.search(text) is not None
    # "the United Nations" and "the UN" name one body: both count as the acronym.
    for body in bodies.pattern.finditer(text) if named else ():
        names.add(BODY_ACRONYMS[body.group()])
        words.add(BODY_ACRONYMS[body.group()])
    dates, sources = named_dates(text), named_sources(text)
    # "Two days after", "a 60-day truce": a time phrase's numbers say when, not how many.
    text = without_time_numbers(text)
    # A list's number ("2 – The Kurdish community...", "4- Integrating") counts nothing.
    text = _ENUMERATOR.sub(" ", text) if holds_digit(sentence) else text
    text = bodies.pattern.sub(" ", text) if named else text
    # Blanking and cutting leave no digit where the sentence had none.
    digits = holds_digit(sentence) and ANY_DIGIT.search(text) is not None
    if digits:
        # A date's or a time's digits ("May 25", "2025-01-26", "4 a.m.") date the
        # report; they are not counts.
        text = DATE.sub(" ", text) if may_name_day(text) else text
        text = _TIME.sub(" ", text) if _MAY_TELL_TIME.search(text) else text
    text = one_word_countries(text)
    if "-" in text:
        # "cease-fire" is "ceasefire": a lower-case compound joins when the joined word
        # is one outlets swap ("Israel-Hezbollah" stays two names).
        text = _joined_compounds(text)
    # Without digits `_TOKEN` splits as `WORD` does (by the string methods, `word_runs`): a
    # sentence left as it was is split once.
    if digits:
        tokens = _TOKEN.findall(text)
    else:
        tokens = sentence_words(sentence) if text == sentence else word_runs(text)
    roles = _TOKEN_ROLES.of(tokens)
    # A headline in title case capitalises every word: there capitals name nothing.
    long_words = sum(map(_LONG_WORDS, roles))
    title_case = long_words >= 3 and sum(map(_LONG_CAPITALISED, roles)) >= 0.8 * long_words
    capital_names = 0 if title_case else _CAPITALISED
    if not any(map(_NOT_WORDS, roles)):
        # No count to read: every token's word is one of `words`, and only the few that
        # may be a name or an event are looked at one by one.
        words.update(map(_WORDS, roles))
        words.discard(None)  # type: ignore[arg-type]
        for n in compress(range(len(roles)), map(_MARKED, roles)):
            role, word = roles[n][0], roles[n][1]
            if role & (_COUNTRY | _ACRONYM) or (role & capital_names and n > 0):
                names.add(word)
            elif role & _EVENT_VERB and not (n > 0 and roles[n - 1][0] & _DETERMINER):
                events.add(word)
        return words, names, numbers, events, dates, sources
    run: list[str] = []
    after_determiner = False
    for n, (role, word, _, _, _, _, _) in enumerate(roles):
        if role & _NOT_A_WORD:
            if role & _COUNTING:
                run.append(tokens[n])
            continue  # a year dates the report (see `dates`)
        if run:
            _add_count(run, words, numbers)
            run = []
        after, after_determiner = after_determiner, role & _DETERMINER
        if word is None:
            continue
        if role & (_COUNTRY | _ACRONYM) or (role & capital_names and n > 0):
            names.add(word)  # "Rapid Support Forces" supports nothing
        elif role & _EVENT_VERB and not after:  # "the attacks" is a noun
            events.add(word)
        words.add(word)
    if run:
        _add_count(run, words, numbers)
    return words, names, numbers, events, dates, sources


def _joined_compounds(text: str) -> str:
    """`_COMPOUND.sub(joined_compound, text)`, the pattern tried only where a match can
    start (see `_compound_starts`): opening with a word boundary, it was tried at every
    character."""
    pieces, at = [], 0
    for match in matches_at(_COMPOUND, text, _compound_starts(text)):
        pieces += [text[at : match.start()], joined_compound(match)]
        at = match.end()
    return "".join(pieces) + text[at:] if pieces else text


def _compound_starts(text: str) -> Iterator[int]:
    """Where a `_COMPOUND` may start, in order: the start of the run of ASCII letters right
    before each hyphen (a match's first letters run from a word's start to its one hyphen,
    so it starts there or nowhere)."""
    hyphen = text.find("-", 1)
    while hyphen != -1:
        start = hyphen
        while start and text[start - 1] in ascii_letters:
            start -= 1
        if start < hyphen:
            yield start
        hyphen = text.find("-", hyphen + 1)


def without_time_numbers(text: str) -> str:
    """The text with the numbers of its date and time phrases (`time_numbers`) blanked."""
    spans = time_numbers(text)
    if not spans:
        return text
    pieces, at = [], 0
    for number in spans:
        pieces += [text[at : number.start], " " * (number.end - number.start)]
        at = number.end
    return "".join(pieces) + text[at:]


def _add_count(run: Sequence[str], words: set[str], numbers: set[float]) -> None:
    count = number_value(run)
    if count is not None:
        words.add(count_token(count))
        if count == int(count):  # "7.7 magnitude" measures, it does not count
            numbers.add(count)


# What a token is to `_report_words` by itself (bits of `_token_role`'s first value).
_COUNTING = 1  # digits of a count or a number word ("1,000", "thousand")
_YEAR_DIGITS_ONLY = 2  # a year's digits: not a count
_DETERMINER = 4
_COUNTRY = 8
_ACRONYM = 16  # all capitals, two letters or more
_CAPITALISED = 32  # its first letter
_EVENT_VERB = 64
_LONG_WORD = 128  # letters only, more than 3: what tells a title-case headline
_NOT_A_WORD = _COUNTING | _YEAR_DIGITS_ONLY


def _token_role(token: str) -> tuple[int, str | None, bool, bool, bool, bool, str | None]:
    """What reading a sentence's words needs of a token alone, worked out once a distinct
    token (a sentence's words are read by looking these up): its role's bits, the word it
    is compared as (None for a word not compared or a number), whether it is a long word
    and a capitalised one (see `_LONG_WORD`), whether it is no word (a count's or a year's
    digits: `_NOT_A_WORD`), whether it is a word that may be a name or an event
    (`_MAY_NAME_OR_EVENT`), and the word as a restatement shares it (`restatement_word`;
    restatements are read from the same sentences first). One function, the token lowered
    once: a distinct corpus brings a few new tokens in most sentences."""
    lower = token.lower()
    restated = restatement_word(token, lower)
    long_word = len(token) > 3 and token.isalpha()
    long_capitalised = long_word and token[0].isupper()
    role = (_LONG_WORD | (_CAPITALISED if long_capitalised else 0)) if long_word else 0
    if token[:1].isdigit():
        role |= _YEAR_DIGITS_ONLY if _YEAR.fullmatch(token) else _COUNTING
        return role, None, long_word, long_capitalised, True, False, restated
    number_names, scales = number_words()
    if lower in number_names or lower in scales:
        return role | _COUNTING, None, long_word, long_capitalised, True, False, restated
    if lower in _DETERMINERS:
        role |= _DETERMINER
    compared = compared_word(lower)
    if compared is None:
        return role, None, long_word, long_capitalised, False, False, restated
    word, country = compared
    if country:
        role |= _COUNTRY
    if token.isupper() and len(token) > 1:
        role |= _ACRONYM
    if token[0].isupper():
        role |= _CAPITALISED
    if lower in event_verbs():
        role |= _EVENT_VERB
    marked = bool(role & _MAY_NAME_OR_EVENT)
    return role, word, long_word, long_capitalised, False, marked, restated


_MAY_NAME_OR_EVENT = _COUNTRY | _ACRONYM | _CAPITALISED | _EVENT_VERB
_WORDS, _LONG_WORDS, _LONG_CAPITALISED = itemgetter(1), itemgetter(2), itemgetter(3)
_NOT_WORDS, _MARKED, _RESTATED = itemgetter(4), itemgetter(5), itemgetter(6)
_TOKEN_ROLES = PerToken(_token_role, 131_072)


def restated_tokens(tokens: Sequence[str]) -> list[str | None]:
    """The `restatement_word` of each token, in order."""
    return list(map(_RESTATED, _TOKEN_ROLES.of(tokens)))


def count_token(count: float) -> str:
    return str(int(count)) if count == int(count) else str(count)
