"""Group sentences that carry the same report, across articles (and within one).

Two outlets running one wire story reword it: "said on Friday as US-backed rebels
advanced" against "said on Friday, as rebel forces pushed"; "nine people were killed
when a Russian missile hit a residential building" against "Russian missiles struck an
apartment block, killing at least nine people". Sentences are compared on what they
report (content words, names, counts, event verbs), not on word sequences.
"""

from __future__ import annotations

import calendar
import hashlib
import math
import re
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from itertools import accumulate, chain, islice, pairwise, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from briefing.actors import KNOWN_BODIES
from briefing.annotate import AnnotatedArticle, Sentence, publication_date
from briefing.date_mention import time_numbers
from briefing.extract import STOPWORDS
from briefing.model.words import (
    ReportWeights,
    contrary_events,
    event_verbs,
    number_words,
    report_weights,
    word_senses,
    word_vectors,
)
from briefing.model.words import rewrites as rewrites_of
from briefing.stemming import stemmer

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

_WORD = re.compile(r"\w+")
_Value = TypeVar("_Value")

# Function words carry no report of their own, nor do verbs of saying (every outlet
# attributes in its own words); overlap is measured without them.
_STOP_WORDS = STOPWORDS["en"] | {"onto", "told"}

_RESTATING_KINDS = frozenset({"headline", "standfirst", "subhead"})
# A restatement keeps most of what it restates: 5 of "Turkish, Iranian and Russian FMs
# meet in Doha today"'s 7 words are in the body sentence it summarises.
_RESTATEMENT_SHARE = 0.6
# Past this many sentences sharing a word, pairing all of them would cost the square of
# the corpus; see _candidate_pairs.
_COMMON_WORD = 20
# Pairs sharing less than this weight of words (a name weighs 2) are not compared.
_MIN_SHARED_WEIGHT = 3.0
# ... unless they share a name held by few sentences (a person, a place, a hospital: what
# pins a story down) and this weight of words in all, each word held by more than
# _COMMON_WORD sentences (the story's own "killed", "strike", "Gaza" in a folder of one
# story) weighing _COMMON_SHARE of its weight: a rewrite rewords everything else.
_MIN_ANCHORED_WEIGHT = 4.0
_COMMON_SHARE = 0.5
# A wire report is carried within days: articles published further apart than this
# carry different reports.
_REPORT_DAYS = 3
# Members of each group checked for a clash when two groups join (a bound on the cost
# when one report has hundreds of distinct rewordings).
_GUARDED = 40


@dataclass(frozen=True, slots=True)  # one per sentence not joined to another: many
class Report:
    """One report: the sentences, in any article, that say the same thing."""

    id: str  # the id of its first sentence in reading order
    sentence_ids: tuple[str, ...]  # reading order (article order, then sentence order)


@dataclass(frozen=True)
class Corroboration:
    reports: tuple[Report, ...]  # reading order of their first sentence
    report_of: dict[str, Report]  # sentence id -> its report
    # Every sentence's `report_words` by its place in reading order, as compared: the
    # model asks again for some, and which tell an event with names.
    words: _Features = field(compare=False, repr=False)

    def sources(self, sentence_id: str) -> tuple[str, ...]:
        """Every sentence carrying the same report as this one (itself included)."""
        report = self.report_of.get(sentence_id)
        return report.sentence_ids if report else (sentence_id,)


# A count's commas group thousands ("1,000"); a comma after it ends it ("in 2024, as").
_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\w+")
_ANY_DIGIT = re.compile(r"\d")
_ENUMERATOR = re.compile(r"^\s*\d{1,2}\s*[-–—.)]\s")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# Words every outlet adds in its own way: verbs of saying, hedges on a count.
_NOT_COMPARED = frozenset(
    "said says say told tell tells according added adds announced claimed claims stated "
    "least some around approximately roughly nearly almost more than over".split()
)
_YEAR = re.compile(r"(?:19|20)\d\d")

_DETERMINERS = frozenset("the a an its their his her this these those our".split())
_WEEKDAYS = tuple(name.lower() for name in calendar.day_name)
_MONTHS = {name.lower()[:3]: n for n, name in enumerate(calendar.month_name) if n}
_MONTH = "|".join(name[:3] for name in calendar.month_name[1:])
# A day of a month as outlets write it: "May 25", "Nov. 27", "January 20th", "25 May",
# "20th of January", "2025-01-26".
_DATE = re.compile(
    rf"\b(?:(\d{{4}})-(\d\d)-(\d\d)|({_MONTH})[a-z]*\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})[a-z]*)"
)
# A time of day ("4 a.m.", "0200 GMT", "02:00") says when, it does not count.
_TIME = re.compile(
    r"\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\b\.?|p\.?m\b\.?)|\b\d{1,4}(?::\d\d)?\s*(?:GMT|UTC)\b"
    r"|\b\d{1,2}:\d\d\b",
    re.IGNORECASE,
)
_COMPOUND = re.compile(r"\b([A-Za-z]+)-([a-z]+)\b")
# The year of a full date ("October 7, 2023", "7 October 2023", "2023-10-07"): the day
# an event happened. A year alone ("its defeat in 2017") may be a clause's background.
_DATED_YEAR = re.compile(
    rf"\b(?:{_MONTH})[a-z]*\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})[a-z]*,?\s+((?:19|20)\d\d)\b"
    r"|\b((?:19|20)\d\d)-\d\d-\d\d\b"
)
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
# What every date of _DATE holds besides a digit: a month's abbreviation, or the dashes of
# "2025-01-26". A sentence without it is not searched (a count alone dates nothing).
_MONTH_ABBREVIATION = re.compile(_MONTH)
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")


# The Arabic article of names ("al-Assad", "Ahmad al Shara", "El Fasher"): shared by
# every other name, it says nothing of which one.
_NAME_PARTICLES = frozenset({"al", "el"})


def _may_name_day(text: str) -> bool:
    return "-" in text or _MONTH_ABBREVIATION.search(text) is not None


# What a token weighs in the overlap: a name pins a report down more than an ordinary
# word ("killed", "city") does.
_NAME_WEIGHT = 2.0
# Two counts are one when equal, or when the rounder one ("more than 1,600") is within
# this share of the other (1,644): outlets round a toll, they do not change it.
_ROUNDING = 0.05
# Counts up to this are common ("two witnesses", "three hostages"): agreeing on one says
# little.
_SMALL_COUNT = 12
# Past this a "count" is a serial number or garbage, not a toll.
_LARGEST_COUNT = 1e13


# International bodies by full name -> their acronym, lower-case.
_BODY_ACRONYMS = {
    full: acronym.lower()
    for acronym, full in KNOWN_BODIES.items()
    if acronym.isupper() and " " in full
}


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
        return _NAME_WEIGHT if token in self.names else 1.0


class Vocabulary:
    """Words as numbers, in one process: a sentence's words are stored as the ids of
    words every article shares (4 bytes each), not as a set of strings per sentence."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self.words: list[str] = []

    def id(self, word: str) -> int:
        found = self._ids.get(word)
        if found is None:
            found = self._ids[word] = len(self.words)
            self.words.append(word)
        return found

    def ids(self, words: Iterable[str]) -> array[int]:
        """The ids of the words, in order (new words get theirs)."""
        words = list(words)
        for word in set(words).difference(self._ids):
            self.id(word)
        return array("I", map(self._ids.__getitem__, words))


_VOCABULARY = Vocabulary()
# A sentence's runs of word ids, in this order: see `ArticleWords`.
_RUNS = 5


@dataclass(frozen=True)
class ArticleWords:
    """What comparing reports needs of one article on its own: work done where the article
    is extracted (a worker process), so that comparing across articles only joins.

    Each sentence's `report_words` (in the article's sentence order), packed: its words,
    names, events, dates and sources as runs of word ids in `tokens` (run k of sentence n
    from bounds[5n + k] to bounds[5n + k + 1]), its counts in `numbers` (from number_bounds[n]
    to number_bounds[n + 1]). A set of strings per sentence held for 10,000 articles was
    most of a briefing's memory. Ids are this process's (`Vocabulary`): pickled, the
    article travels with its own words and gets the receiving process's ids. Each
    sentence's `_copy_key` too, one after another in `copies`."""

    tokens: array[int]  # "I": word ids
    bounds: array[int]  # "I"
    numbers: array[float]  # "d"
    number_bounds: array[int]  # "I"
    restated: tuple[tuple[str, str], ...]  # see `restatements`
    copies: bytes

    @classmethod
    def of(cls, texts: Iterable[str], restated: tuple[tuple[str, str], ...]) -> ArticleWords:
        """The packed `report_words` of an article's sentences (their texts, in order)."""
        tokens, bounds = array("I"), array("I", [0])
        numbers, number_bounds = array("d"), array("I", [0])
        copies = []
        for text in texts:
            copies.append(_copy_key(text))
            ids, lengths, counts = _packed_report_words(text)
            tokens.extend(ids)
            bounds.extend(islice(accumulate(lengths, initial=bounds[-1]), 1, None))
            numbers.extend(counts)
            number_bounds.append(len(numbers))
        return cls(tokens, bounds, numbers, number_bounds, restated, b"".join(copies))

    def __len__(self) -> int:
        return len(self.number_bounds) - 1

    def has_run(self, n: int, k: int) -> bool:
        """Whether sentence n's run k (see `run`) holds any word."""
        at = _RUNS * n + k
        return self.bounds[at + 1] > self.bounds[at]

    def run(self, n: int, k: int) -> array[int]:
        """Sentence n's run k of word ids (0 words, 1 names, 2 events, 3 dates, 4 sources)."""
        at = _RUNS * n + k
        return self.tokens[self.bounds[at] : self.bounds[at + 1]]

    def copy_key(self, n: int) -> bytes:
        """The `_copy_key` of the article's n-th sentence."""
        return self.copies[_COPY_KEY_SIZE * n : _COPY_KEY_SIZE * (n + 1)]

    def sentence(self, n: int) -> ReportWords:
        """The `report_words` of the article's n-th sentence."""
        word = _VOCABULARY.words.__getitem__
        runs = [frozenset(map(word, self.run(n, k))) for k in range(_RUNS)]
        counts = frozenset(self.numbers[self.number_bounds[n] : self.number_bounds[n + 1]])
        return ReportWords(runs[0], runs[1], counts, runs[2], runs[3], runs[4])

    def __reduce__(self) -> tuple[Any, ...]:
        # Ids mean nothing in another process: the article's words travel, a word a line
        # (words never hold a line break), with ids into them.
        distinct = list(dict.fromkeys(self.tokens))
        local = dict(zip(distinct, range(len(distinct)), strict=True))
        tokens = array("I", map(local.__getitem__, self.tokens))
        text = "\n".join(map(_VOCABULARY.words.__getitem__, distinct))
        return (
            _received_words,
            (text, tokens.tobytes(), self.bounds, self.numbers, self.number_bounds,
             self.restated, self.copies),
        )  # fmt: skip


def _received_words(
    text: str,
    tokens: bytes,
    bounds: array[int],
    numbers: array[float],
    number_bounds: array[int],
    restated: tuple[tuple[str, str], ...],
    copies: bytes,
) -> ArticleWords:
    ids = [_VOCABULARY.id(word) for word in text.split("\n")] if text else []
    local = array("I")
    local.frombytes(tokens)
    return ArticleWords(
        array("I", [ids[t] for t in local]), bounds, numbers, number_bounds, restated, copies
    )


def article_words(article: AnnotatedArticle) -> ArticleWords:
    return ArticleWords.of((s.text for s in article.sentences), restatements(article))


@lru_cache(maxsize=65_536)  # a wire story's sentences recur across outlets word for word
def _packed_report_words(text: str) -> tuple[array[int], tuple[int, ...], tuple[float, ...]]:
    """A sentence's `report_words` as `ArticleWords` keeps them: its runs of word ids one
    after another, each run's length, its counts. Remembered this way, a worker's cache
    of recurring sentences weighs a tenth of what their sets of strings do."""
    # The sets as built: freezing them into `ReportWords` would only be undone here.
    words, names, numbers, events, dates, sources = _report_word_sets(text)
    runs = (words, names, events, dates, sources)
    return _VOCABULARY.ids(chain(*runs)), tuple(map(len, runs)), tuple(numbers)


@cache
def _bodies() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # Names as written ("World Food Programme"): an ignore-case alternation is slow.
    return _whole_names(_BODY_ACRONYMS)


def _whole_names(names: Iterable[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The names as whole words, longest first, and a screen for them: the same names
    without the word boundaries. A text the screen misses holds none of the names, and it
    is searched for quickly (the engine skips to the names' first letters), while an
    alternation opening with a boundary is tried name by name at every character."""
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation})\b"), re.compile(alternation)


def _dates(text: str) -> set[str]:
    # Weekdays all end in "day"; every date pattern has a digit.
    found = (
        {f"wd:{m.group(1).lower()}" for m in _WEEKDAY.finditer(text)}
        if "day" in text.lower()
        else set()
    )
    if not _ANY_DIGIT.search(text):
        return found
    for m in _DATE.finditer(text) if _may_name_day(text) else ():
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
_NAME_RUN = r"(?:[A-Z][\w'’.-]*\s+(?:(?:for|of|without|and|al)\s+)?){0,5}[A-Z][\w'’.-]*"
# Who a sentence says it has its report from: "MSF said", "said the Syrian Observatory",
# "according to Ukrainian authorities".
_SOURCE = re.compile(
    rf"\b({_NAME_RUN}\s+(?:\([A-Z]{{2,}}\)\s+)?)(?:[a-z]+ly\s+|further\s+|also\s+|has\s+|"
    rf"have\s+|had\s+)?(?:{_SPEECH})\b|\b(?:said|says|reported|announced)\s+(?:the\s+)?"
    rf"({_NAME_RUN})|\b(?i:according)\s+to\s+(?:the\s+)?((?:[a-z]+\s+)?{_NAME_RUN})"
)
# Capitalised words of a matched phrase that name no one: "On Sunday, ...", "He said".
_NOT_SOURCES = frozenset(
    [*_WEEKDAYS, *(m.lower() for m in calendar.month_name[1:])]
    + "he she they it we the this that on in a an".split()
)
# Words without which a sentence names no source: a quick screen before `_SOURCE`.
_SOURCE_SCREEN = re.compile(rf"(?:{_SPEECH}|ccording)\b")


def _sources(text: str) -> set[str]:
    """The words (as compared) of who a sentence says its report comes from."""
    found: set[str] = set()
    if _SOURCE_SCREEN.search(text) is None:
        return found
    bodies, screen = _bodies()
    for match in _SOURCE.finditer(text):
        phrase = next(g for g in match.groups() if g)
        if screen.search(phrase) is not None:
            found.update(_BODY_ACRONYMS[body] for body in bodies.findall(phrase))
            phrase = bodies.sub(" ", phrase)
        for word in _WORD.findall(phrase):
            lower = word.lower()
            if lower in _NOT_SOURCES or not word[0].isupper():
                continue
            if word.isupper() and len(word) > 1:  # "WHO" the body is not "who"
                found.add(lower)
                continue
            # "Moscow said" and "Russia's defence ministry said": a capital that speaks
            # is its state.
            compared = _capital_words().get(lower) or _compared(lower)
            if compared is not None:
                found.add(compared[0])
    return found


@cache
def _capital_words() -> dict[str, tuple[str, bool]]:
    """Capitals of one word, lower-case -> their country as `_compared` gives it."""
    from briefing.countries import COUNTRIES

    return {
        capital.lower(): (country.id, True)
        for country in COUNTRIES
        for capital in country.capitals
        if capital.isalpha()
    }


def _number_value(tokens: Sequence[str]) -> float | None:
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
    """See `_report_word_sets`."""
    return ReportWords(*map(frozenset, _report_word_sets(text)))


def _report_word_sets(
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
    bodies, screen = _bodies()
    named = screen.search(text) is not None
    # "the United Nations" and "the UN" name one body: both count as the acronym.
    for body in bodies.finditer(text) if named else ():
        names.add(_BODY_ACRONYMS[body.group()])
        words.add(_BODY_ACRONYMS[body.group()])
    dates, sources = _dates(text), _sources(text)
    # "Two days after", "a 60-day truce": a time phrase's numbers say when, not how many.
    text = _without_time_numbers(text)
    # A list's number ("2 – The Kurdish community...", "4- Integrating") counts nothing.
    text = _ENUMERATOR.sub(" ", text)
    text = bodies.sub(" ", text) if named else text
    if _ANY_DIGIT.search(text):
        # A date's or a time's digits ("May 25", "2025-01-26", "4 a.m.") date the
        # report; they are not counts.
        text = _TIME.sub(" ", _DATE.sub(" ", text) if _may_name_day(text) else text)
    text = _one_word_countries(text)
    if "-" in text:
        # "cease-fire" is "ceasefire": a lower-case compound joins when the joined word
        # is one outlets swap ("Israel-Hezbollah" stays two names).
        text = _COMPOUND.sub(_joined_compound, text)
    tokens = _TOKEN.findall(text)
    roles = _TOKEN_ROLES.of(tokens)
    # A headline in title case capitalises every word: there capitals name nothing.
    long_words = sum(map(_LONG_WORDS, roles))
    title_case = long_words >= 3 and sum(map(_LONG_CAPITALISED, roles)) >= 0.8 * long_words
    capital_names = 0 if title_case else _CAPITALISED
    run: list[str] = []
    after_determiner = False
    for n, (role, word, _, _) in enumerate(roles):
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


def _without_time_numbers(text: str) -> str:
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
    count = _number_value(run)
    if count is not None:
        words.add(_count_token(count))
        if count == int(count):  # "7.7 magnitude" measures, it does not count
            numbers.add(count)


class _PerToken(Generic[_Value]):
    """A function of one token, remembered in a plain dict: a sentence's tokens looked up
    at once (`map` over `dict.get`) cost half what as many `lru_cache` calls do. Emptied
    when it holds `size` tokens, so that a long run's memory stays bounded."""

    def __init__(self, work: Callable[[str], _Value], size: int) -> None:
        self._work, self._size = work, size
        self._known: dict[str, _Value] = {}

    def of(self, tokens: list[str]) -> list[_Value]:
        """The value of each token, in order."""
        found: list[Any] = list(map(self._known.get, tokens, repeat(_UNKNOWN)))
        if _UNKNOWN in found:
            found = [
                self._add(token) if value is _UNKNOWN else value
                for token, value in zip(tokens, found, strict=True)
            ]
        return found

    def _add(self, token: str) -> _Value:
        if len(self._known) >= self._size:
            self._known.clear()
        value = self._known[token] = self._work(token)
        return value


_UNKNOWN = object()


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


def _token_role(token: str) -> tuple[int, str | None, int, int]:
    """What `_report_words` needs of a token alone: its role's bits, the word it is
    compared as (None for a word not compared or a number), and (1 or 0) whether it is
    a long word and a capitalised one (see `_LONG_WORD`). Worked out once a token, a
    sentence's words are read by looking these up."""
    role = 0
    if token.isalpha() and len(token) > 3:
        role |= _LONG_WORD | (_CAPITALISED if token[0].isupper() else 0)
    long_word, long_capitalised = bool(role & _LONG_WORD), bool(role & _CAPITALISED)
    lower = token.lower()
    number_names, scales = number_words()
    if token[:1].isdigit():
        role |= _YEAR_DIGITS_ONLY if _YEAR.fullmatch(token) else _COUNTING
        return role, None, long_word, long_capitalised
    if lower in number_names or lower in scales:
        return role | _COUNTING, None, long_word, long_capitalised
    if lower in _DETERMINERS:
        role |= _DETERMINER
    compared = _compared(lower)
    if compared is None:
        return role, None, long_word, long_capitalised
    word, country = compared
    if country:
        role |= _COUNTRY
    if token.isupper() and len(token) > 1:
        role |= _ACRONYM
    if token[0].isupper():
        role |= _CAPITALISED
    if lower in event_verbs():
        role |= _EVENT_VERB
    return role, word, long_word, long_capitalised


_LONG_WORDS, _LONG_CAPITALISED = itemgetter(2), itemgetter(3)
_TOKEN_ROLES = _PerToken(_token_role, 131_072)


@lru_cache(maxsize=131_072)
def _compared(lower: str) -> tuple[str, bool] | None:
    """A lower-case word as compared (its country, the first word of its rewrites group,
    or its stem) and whether it is a country; None for words not compared (function
    words, verbs of saying, hedges, weekdays, which `dates` reads)."""
    if (
        len(lower) < 2
        or lower in _STOP_WORDS
        or lower in _NOT_COMPARED
        or lower in _WEEKDAYS
        or lower in _NAME_PARTICLES
    ):
        return None
    countries = _country_words()
    if lower in countries:
        return countries[lower], True
    rewrites, stem = rewrites_of(), _stem(lower)
    return rewrites.get(lower) or rewrites.get(stem) or stem, False


@lru_cache(maxsize=131_072)
def _stem(lower: str) -> str:
    return stemmer()(_american(lower))


# British spellings and their American twins ("centre", "center"; "defence", "defense";
# "organised", "organized"; "neighbour", "neighbor"), one way: outlets of either side
# carry the same wire report. Whole-word endings of words long enough not to be others.
_BRITISH = (
    (re.compile(r"(?<=[a-z]{2})(t|b)re(s?)$"), r"\1er\2"),
    (re.compile(r"(?<=[a-z]{2}[^aeiou])our(s|ed|ing)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{3})ence$"), "ense"),
    (re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{3}[aeiou])ll(ed|ing)$"), r"l\1"),
)


# The endings `_BRITISH` rewrites: a word with none of them is left as it is, unsearched.
_BRITISH_ENDINGS = (
    *("tre", "bre", "tres", "bres", "our", "ours", "oured", "ouring", "ence", "lled", "lling"),
    *("ise", "ised", "ises", "ising", "isation", "isations"),
)


def _american(lower: str) -> str:
    if not lower.endswith(_BRITISH_ENDINGS):
        return lower
    for pattern, replacement in _BRITISH:
        lower = pattern.sub(replacement, lower)
    return lower


def _joined_compound(match: re.Match[str]) -> str:
    joined = match.group(1) + match.group(2)
    return joined if joined.lower() in rewrites_of() else match.group()


def _counts_agree(x: float, y: float) -> bool:
    if x == y:
        return True
    rounder, other = (x, y) if _roundness(x) >= _roundness(y) else (y, x)
    return _roundness(rounder) >= 2 and abs(other - rounder) <= _ROUNDING * rounder


def _roundness(x: float) -> int:
    """Trailing zeros of a whole count: 1,600 -> 2."""
    if x != int(x) or x == 0:
        return 0
    n, zeros = int(x), 0
    while n % 10 == 0:
        n, zeros = n // 10, zeros + 1
    return zeros


def told_days(sentence: Sentence) -> frozenset[str]:
    """The days a sentence tells of, resolved against its article's publication day
    ("on Friday", "yesterday", "Nov. 27" as "2024-11-27"): two outlets dating one event
    write it in their own way."""
    return frozenset(d.value for d in sentence.dates if d.precision == "day") or _NO_DAYS


_NO_DAYS: frozenset[str] = frozenset()


def pair_features(
    wa: ReportWords,
    wb: ReportWords,
    told_a: frozenset[str] = _NO_DAYS,
    told_b: frozenset[str] = _NO_DAYS,
) -> dict[str, float]:
    """What two sentences have in common and where they clash, each in [0, 1]: the
    inputs of the learned score (model/data/report_weights.json). Names weigh twice.
    `told_a` and `told_b` are the sentences' `told_days`, when known.
    (Weighing words by their rarity among the folder's sentences was tried and merged
    fewer dev rewrites: outlets carrying one report make its words common; by their
    rarity across 1,800 public web pages it changed nothing.)"""
    plain_a, plain_b = wa.words - _number_tokens(wa), wb.words - _number_tokens(wb)
    shared_words = plain_a & plain_b
    names_a, names_b = wa.names & plain_a, wb.names & plain_b
    extra = _NAME_WEIGHT - 1.0  # what a name weighs over a plain word
    shared = len(shared_words) + extra * len(shared_words & names_a)
    total_a = len(plain_a) + extra * len(names_a)
    total_b = len(plain_b) + extra * len(names_b)
    # Words each gives that the other words otherwise but can mean the same ("besieged"
    # and "attack") count as shared.
    synonyms = _sense_matches(wa, wb)
    shared += synonyms
    union = total_a + total_b - shared
    smaller = min(total_a, total_b)
    unmatched_a = [x for x in wa.numbers if not any(_counts_agree(x, y) for y in wb.numbers)]
    unmatched_b = [y for y in wb.numbers if not any(_counts_agree(x, y) for x in wa.numbers)]
    # "two witnesses" and "two other areas" agree by chance; "134 dead" and "134 killed"
    # do not.
    telling = [x for x in wa.numbers if x > _SMALL_COUNT and x not in unmatched_a]
    both_events = bool(wa.events and wb.events)
    days_a = {d for d in wa.dates if d.startswith("d:")}
    days_b = {d for d in wb.dates if d.startswith("d:")}
    return {
        "similarity": shared / union if union else 0.0,
        "containment": shared / smaller if smaller else 0.0,
        "names": len(names_a & names_b) / min(len(names_a), len(names_b))
        if names_a and names_b
        else 0.0,
        "shared_content": min(len(shared_words - wa.names), 6) / 6,
        "numbers_agree": float(bool(telling)),
        "small_numbers_agree": float(len(wa.numbers) > len(unmatched_a) and not telling),
        # Each gives a count the other lacks: two tolls, not one toll and its rewording.
        "numbers_clash": float(bool(unmatched_a and unmatched_b)),
        "events_agree": float(bool(wa.events & wb.events)),
        "events_clash": float(both_events and not wa.events & wb.events),
        "dates_agree": float(bool(wa.dates & wb.dates)),
        # Who each says the report is from ("MSF said", "according to the WHO").
        "sources_agree": float(bool(wa.sources & wb.sources)),
        "sources_clash": float(bool(wa.sources and wb.sources and not wa.sources & wb.sources)),
        "dates_clash": float(bool(days_a and days_b and not days_a & days_b)),
        "short": float(min(len(plain_a), len(plain_b)) <= 5),
        # Names (places, people, groups) each gives that the other lacks: "Kavumu" in
        # one, "Goma" in the other.
        "names_missing": _missing(names_a, names_b) * _missing(names_b, names_a),
        "rare_shared": min(len(shared_words - wa.names), 4) / 4,
        "senses_shared": min(synonyms, 3) / 3,
        **_meanings(plain_a, plain_b),
        **told_features(told_a, told_b),
    }


def _meanings(plain_a: frozenset[str], plain_b: frozenset[str]) -> dict[str, float]:
    """How alike two sentences' words mean (`word_vectors`: "strike" and "attack",
    "capital" and "Kyiv"): the cosine of the sums of their words' vectors. Exact integer
    sums, so that `report_pairs` gets the same floats. (The cosine of the words each
    gives and the other does not was tried too: the fit gave it no weight.)"""
    sum_a, sum_b = _vector_sum(plain_a), _vector_sum(plain_b)
    return {"meaning": _cosine(int(sum_a @ sum_b), int(sum_a @ sum_a), int(sum_b @ sum_b))}


# Asked for each of a sentence's few candidates in a row (as `_senses`).
@lru_cache(maxsize=4_096)
def _vector_sum(words: frozenset[str]) -> Any:
    """The sum of the words' `word_vectors` (those that have one), as int64."""
    table = word_vectors()
    rows = [table.rows[w] for w in words if w in table.rows]
    return table.vectors[rows].sum(axis=0)


def _cosine(dot: int, square_a: int, square_b: int) -> float:
    """The cosine of two vectors from their dot product and squared lengths (0 for a
    vector of no length), in the floating-point steps `report_pairs` takes."""
    if not square_a or not square_b:
        return 0.0
    return dot / (math.sqrt(square_a) * math.sqrt(square_b))


def told_features(told_a: frozenset[str], told_b: frozenset[str]) -> dict[str, float]:
    """The features of `pair_features` on the days two sentences tell of, resolved:
    "today" in one and "on Saturday" in the other agree; a day each gives and the other
    does not is another event (or another toll) unless they share one."""
    return {
        "days_agree": float(bool(told_a & told_b)),
        "days_clash": float(bool(told_a and told_b and not told_a & told_b)),
    }


def _sense_matches(wa: ReportWords, wb: ReportWords) -> int:
    """How many words each gives that the other does not but that can mean what one of
    the other's words means ("besieged" and "attack", "gunfire" and "gunshots": WordNet
    senses): the fewer of the two sides' counts."""
    (own_a, all_a), (own_b, all_b) = _senses(wa), _senses(wb)
    if all_a.isdisjoint(all_b):
        return 0  # most pairs: no word of one can mean a word of the other
    only_a = [s for w, s in own_a.items() if w not in wb.words]
    only_b = [s for w, s in own_b.items() if w not in wa.words]
    if not only_a or not only_b:
        return 0
    return min(
        sum(not s.isdisjoint(all_b) for s in only_a), sum(not s.isdisjoint(all_a) for s in only_b)
    )


# A sentence is scored against its few candidates in a row (see `_candidate_pairs`): a
# few thousand cover what is asked again (at 1,000 articles 4,096 recompute a fifth more
# than 65,536, which held 47 MB of sense sets). `corroborate` empties it when done.
@lru_cache(maxsize=4_096)
def _senses(words: ReportWords) -> tuple[dict[str, frozenset[int]], frozenset[int]]:
    """A sentence's plain words that have WordNet senses (names and counts have none
    that matter), with their senses; and all those senses."""
    table = word_senses()
    own = {w: table[w] for w in words.words - words.names if w in table}
    return own, frozenset().union(*own.values())


def _missing(names: frozenset[str], others: frozenset[str]) -> float:
    """The share of `names` not in `others`."""
    return len(names - others) / len(names) if names else 0.0


def clash(wa: ReportWords, wb: ReportWords) -> bool:
    """Whether two sentences cannot carry one report whatever their words: they name
    different days of the month. (Different counts can: a toll updated within the day
    is one report.)"""
    days_a = {d for d in wa.dates if d.startswith("d:")}
    days_b = {d for d in wb.dates if d.startswith("d:")}
    return bool(days_a and days_b and not days_a & days_b)


def _count_token(count: float) -> str:
    return str(int(count)) if count == int(count) else str(count)


def _number_tokens(words: ReportWords) -> frozenset[str]:
    return frozenset(_count_token(count) for count in words.numbers)


def report_score(
    wa: ReportWords,
    wb: ReportWords,
    weights: ReportWeights | None = None,
    told_a: frozenset[str] = _NO_DAYS,
    told_b: frozenset[str] = _NO_DAYS,
) -> float:
    """How likely two sentences carry one report, 0-1: a logistic model over
    `pair_features`, fitted on labelled pairs of dev stories (benchmarks/fit_reports.py)."""
    return logistic(report_sum(pair_features(wa, wb, told_a, told_b), weights or report_weights()))


def report_sum(features: Mapping[str, Any], weights: ReportWeights) -> Any:
    """The learned model's weighted sum of `pair_features`: of one pair's floats, or of
    many pairs' at once, as arrays (`report_pairs`), adding in the same order."""
    return weights.bias + sum(weights.weights[name] * value for name, value in features.items())


def logistic(z: float) -> float:
    """The report score of a `report_sum`."""
    return 1.0 / (1.0 + math.exp(-z))


def same_report(a: str, b: str) -> bool:
    """Whether two sentences carry the same report.

    They are compared on what they report, not on word order: content words (with the
    words outlets swap in a rewrite counted as one), names, counts (rounded counts agree
    with exact ones), days and event verbs, through a score learned on labelled pairs.
    Two sentences giving different counts, reporting different events ("seized"
    against "repelled") or different days score low, however alike their words.
    """
    if _WORD.findall(a.lower()) == _WORD.findall(b.lower()):
        return True  # a copy
    wa, wb = report_words(a), report_words(b)
    if not wa.words or not wb.words:
        return False
    return _comparable(wa, wb) and report_score(wa, wb) >= report_weights().threshold


def _comparable(wa: ReportWords, wb: ReportWords) -> bool:
    """Whether two sentences may carry one report at all. Names alone ("Iran",
    "Hezbollah", "Assad") recur through a whole story: two sentences of one report share
    something of what happened too. And they must not contradict each other."""
    return bool((wa.words & wb.words) - wa.names - _number_tokens(wa)) and not _contradict(wa, wb)


def _contradict(wa: ReportWords, wb: ReportWords) -> bool:
    """Two sentences that cannot be one report, however alike: other counts on another
    weekday ("40 killed on Thursday", "25 killed on Friday"), two or more counts each and
    none the same ("42 of 61 drones", "35 of 50"), another weekday in another place
    ("arrived in Damascus on Sunday", "in Ankara on Monday"), or contrary events
    ("seized" against "repelled"). A different count alone does not part them (a toll
    updated within the day), nor another weekday alone (one outlet dates the attack,
    another the announcement)."""
    counts_a = {x for x in wa.numbers if x > _SMALL_COUNT}
    counts_b = {x for x in wb.numbers if x > _SMALL_COUNT}
    counts_differ = bool(
        counts_a and counts_b and not any(_counts_agree(x, y) for x in counts_a for y in counts_b)
    )
    weekdays_a = {d for d in wa.dates if d.startswith("wd:")}
    weekdays_b = {d for d in wb.dates if d.startswith("wd:")}
    weekdays_differ = bool(weekdays_a and weekdays_b and not weekdays_a & weekdays_b)
    if counts_differ and (weekdays_differ or (len(counts_a) >= 2 and len(counts_b) >= 2)):
        return True
    if weekdays_differ and wa.names - wb.names and wb.names - wa.names:
        return True
    contrary = contrary_events()
    return any(contrary.get(event, frozenset()) & wb.events for event in wa.events)


@cache
def _country_words() -> dict[str, str]:
    """Single-word country names and demonyms -> country id ("Turkish" -> "turkiye")."""
    from briefing.countries import COUNTRIES

    words = {
        name.lower(): country.id
        for country in COUNTRIES
        for name in country.names
        if name.isalpha()
    }
    # What _country_phrases puts for a name of several words.
    words.update((country.id.replace("-", ""), country.id) for country in COUNTRIES)
    return words


@cache
def _country_phrases() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Country names of several words ("United Arab Emirates") and the one word each
    becomes, so that it compares with the country's short names ("UAE")."""
    from briefing.countries import COUNTRIES

    token = {
        name: country.id.replace("-", "")
        for country in COUNTRIES
        for name in country.names
        if " " in name
    }
    # Case-sensitive: names are capitalised, and an ignore-case alternation is slow.
    return (*_whole_names(token), token)


def _one_word_countries(text: str) -> str:
    pattern, screen, token = _country_phrases()
    if screen.search(text) is None:
        return text
    return pattern.sub(lambda m: token[m.group()], text)


# A wire story's sentences recur across outlets word for word; most of a corpus's do not,
# and a set of strings per sentence remembered is memory (60 MB per worker at 65,536).
@lru_cache(maxsize=8_192)
def restatement_words(text: str) -> frozenset[str]:
    """Content words as a restatement shares them: "Turkish FMs meet" and "the foreign
    ministers of Turkiye will meet" both name turkiye and meet. Acronyms keep their case
    ("IS" the group is not "is"); other words lose common endings."""
    tokens = _WORD.findall(_one_word_countries(text))
    return frozenset(filter(None, _RESTATEMENT_WORDS.of(tokens)))


def _restatement_word(word: str) -> str | None:
    """A word as `restatement_words` keeps it, or None (never "")."""
    if len(word) < 2:
        return None  # the "s" of "Syria’s"
    lower = word.lower()
    countries = _country_words()
    if lower in countries:
        return countries[lower]
    if word.isupper():
        return word
    return _stem(lower) if lower not in _STOP_WORDS else None


_RESTATEMENT_WORDS = _PerToken(_restatement_word, 131_072)


def _restated_in(short: Sentence, bodies: Sequence[Sentence]) -> Sentence | None:
    """The body sentence a headline, highlight or subhead restates, if any: the one
    holding most of its words, when that is most of them (and at least two), and
    concerning every actor it names (a line must not join a pane it does not concern).
    A body's `restatement_words` are read only where they can decide."""
    words = restatement_words(short.text)
    if len(words) < 2:
        return None  # it shares two words with none
    actors = set(short.actors)
    best, best_share = None, 0.0
    for body in bodies:
        if not actors <= set(body.actors):
            continue
        shared = len(words & restatement_words(body.text))
        share = shared / len(words)
        if shared >= 2 and share > best_share:
            best, best_share = body, share
    return best if best_share >= _RESTATEMENT_SHARE else None


class _Features:
    """Every sentence's `report_words` by its place in reading order, kept packed per
    article (`ArticleWords`) and unpacked when a pair is scored: pairs worth scoring
    are few (under one per sentence), sentences many."""

    def __init__(self, articles: Sequence[ArticleWords]) -> None:
        self._articles = articles
        self._article, self._position = array("I"), array("I")
        for n, words in enumerate(articles):
            self._article.extend([n] * len(words))
            self._position.extend(range(len(words)))
        # A sentence is scored against its few candidates in a row (see _candidate_pairs).
        self._unpacked = lru_cache(maxsize=_UNPACKED)(self._unpack)

    def __getitem__(self, i: int) -> ReportWords:
        return self._unpacked(i)

    def _unpack(self, i: int) -> ReportWords:
        return self._articles[self._article[i]].sentence(self._position[i])

    def __len__(self) -> int:
        return len(self._article)

    def article(self, i: int) -> int:
        """The place of sentence i's article, or -1 past either end of the corpus."""
        return self._article[i] if 0 <= i < len(self._article) else -1

    def numbers(self, i: int) -> frozenset[float]:
        """Sentence i's counts (`ReportWords.numbers`), without unpacking it."""
        words, n = self._articles[self._article[i]], self._position[i]
        return frozenset(words.numbers[words.number_bounds[n] : words.number_bounds[n + 1]])

    def number_counts(self) -> NDArray[np.int64]:
        """How many counts each sentence gives, in reading order."""
        import numpy as np

        bounds = [np.frombuffer(words.number_bounds, dtype=np.uintc) for words in self._articles]
        return np.concatenate([np.zeros(0, dtype=np.int64), *map(np.diff, bounds)]).astype(np.int64)

    def names_an_event(self, i: int) -> bool:
        """Whether sentence i has event verbs and names (runs 2 and 1), without unpacking it."""
        words, n = self._articles[self._article[i]], self._position[i]
        return words.has_run(n, 2) and words.has_run(n, 1)

    def word_table(self) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]:
        """Every word id of every sentence's runs, as three arrays: its sentence (reading
        order), its run (see `ArticleWords.run`) and the id; in reading order, each run's
        ids as stored."""
        import numpy as np

        empty = np.zeros(0, dtype=np.int64)
        tokens = [np.frombuffer(words.tokens, dtype=np.uintc) for words in self._articles]
        lengths = [np.diff(np.frombuffer(words.bounds, dtype=np.uintc)) for words in self._articles]
        label = np.repeat(
            np.arange(_RUNS * len(self), dtype=np.int64),
            np.concatenate([empty, *lengths]).astype(np.int64),
        )
        token = np.concatenate([empty, *tokens]).astype(np.int64)
        return label // _RUNS, label % _RUNS, token


# Sentences kept unpacked at a time while pairs are scored and groups joined.
_UNPACKED = 4096


def _candidate_pairs(
    features: _Features, distinct: Sequence[int]
) -> Iterable[tuple[NDArray[np.int64], NDArray[np.int64]]]:
    """Index pairs (into `distinct`) of sentences worth comparing: those sharing enough
    words (only sentences sharing words are ever compared, so the cost grows with the
    number of near-duplicates, not with the square of the corpus). Pairs come in order,
    a batch at a time as two arrays (first and second sentences). Worked out on arrays
    of word ids, sorted (the sort is what costs)."""
    import numpy as np

    sentence, run, token = features.word_table()
    size = len(distinct)
    place = np.full(len(features), -1, dtype=np.int64)
    place[np.asarray(distinct, dtype=np.int64)] = np.arange(size)
    compared = place[sentence] >= 0
    # Each word's sentences in reading order, word after word: as (word, sentence) keys.
    words = np.sort(token[compared & (run == 0)] * size + place[sentence[compared & (run == 0)]])
    if not len(words):
        return
    tokens, xs = words // size, words % size
    count = len(words)
    opens = np.flatnonzero(np.r_[True, tokens[1:] != tokens[:-1]])
    closes = np.r_[opens[1:], count]
    word_of = np.repeat(np.arange(len(opens)), closes - opens)
    # A token weighs what it weighs in the first sentence holding it.
    names = np.sort(token[compared & (run == 1)] * size + place[sentence[compared & (run == 1)]])
    # The word table is the largest thing here: gone before the per-entry arrays are made.
    del sentence, run, token, place, compared
    found = np.minimum(np.searchsorted(names, words[opens]), max(len(names) - 1, 0))
    named = (names[found] == words[opens] if len(names) else np.zeros(len(opens), bool))[word_of]
    # A word any sentence holds as a name ("the Army", "the army").
    at = np.searchsorted(names, words)
    np.minimum(at, max(len(names) - 1, 0), out=at)
    held = names[at] == words if len(names) else np.zeros(count, bool)
    del at
    ever_named = np.logical_or.reduceat(held, opens)[word_of] if count else held
    # Each sentence shares a word with every later sentence holding it; past _COMMON_WORD
    # sentences (one story copied many times, or stock wording) only with the next one:
    # comparing neighbours keeps the cost linear, and copies still chain into one report.
    later = closes[word_of] - np.arange(count) - 1
    common = (closes - opens)[word_of] > _COMMON_WORD
    later[common] = np.minimum(later[common], 1)
    # Each sentence's common words, as (sentence, word, whether it names) keys, and the
    # most they can add to a pair of it.
    vocabulary = len(opens)
    common_keys = np.sort((xs[common] * vocabulary + word_of[common]) * 2 + held[common])
    most_common = np.bincount(xs[common], minlength=size) * _NAME_WEIGHT * _COMMON_SHARE
    # Entry flags: 1 the word weighs as a name, 2 it is common, 4 it is a rare name, 8 the
    # sentence holds it as a name.
    # (as bytes throughout: integer arithmetic on the flags made words-long int64 arrays)
    flags = named.view(np.int8) | common.view(np.int8) << 1 | held.view(np.int8) << 3
    flags |= (ever_named & ~common).view(np.int8) << 2
    # Shared words are added up for a range of first sentences at a time: a table of
    # every pair at once grew with the corpus.
    shares = np.cumsum(np.bincount(xs, weights=later, minlength=size))
    cuts = np.searchsorted(shares, np.arange(_SHARES_AT_ONCE, shares[-1], _SHARES_AT_ONCE))
    # Pairs are scored as they come, while this waits: only what the loop reads is kept
    # (the word table and its sorts are most of the model stage's peak memory).
    del words, tokens, opens, closes, word_of, names, found, named, held, ever_named
    del common, shares
    # (cuts come sorted; np.unique would import numpy.ma)
    for low, high in pairwise([0, *dict.fromkeys((cuts + 1).tolist()), size]):
        at = np.flatnonzero((xs >= low) & (xs < high)) if len(cuts) else np.arange(count)
        many = later[at]
        holder = np.repeat(at, many)
        if not len(holder):
            continue  # no two of these sentences share a word
        partner = holder + np.arange(len(holder)) - np.repeat(np.cumsum(many) - many, many) + 1
        # (pair, the word's flags) as one key: sorting counts both.
        keys = np.sort((xs[holder] * size + xs[partner]) * 16 + flags[holder])
        pairs, flag = keys // 16, keys % 16
        starts = np.flatnonzero(np.r_[True, pairs[1:] != pairs[:-1]])
        shared_names = np.add.reduceat(flag % 2, starts)
        shared_words = np.diff(np.r_[starts, len(keys)]) - shared_names
        shared = shared_words * 1.0 + shared_names * _NAME_WEIGHT
        proposed = shared >= _MIN_SHARED_WEIGHT
        rare_names = np.add.reduceat(flag & 4, starts)
        anchored = np.flatnonzero(~proposed & (rare_names > 0))
        if len(anchored):
            weight = np.where(flag & 2, 0.0, np.where(flag & 8, _NAME_WEIGHT, 1.0))
            rare = np.add.reduceat(weight, starts)[anchored]
            first, second = np.divmod(pairs[starts][anchored], size)
            # Only pairs whose common words could make up the weight are looked up.
            most = np.minimum(most_common[first], most_common[second])
            able = rare + most >= _MIN_ANCHORED_WEIGHT
            anchored, rare, first, second = anchored[able], rare[able], first[able], second[able]
            total = rare + _common_shared(common_keys, vocabulary, first, second)
            proposed[anchored[total >= _MIN_ANCHORED_WEIGHT]] = True
        chosen = pairs[starts][proposed]
        yield chosen // size, chosen % size


def _common_shared(
    keys: NDArray[np.int64],
    vocabulary: int,
    first: NDArray[np.int64],
    second: NDArray[np.int64],
) -> NDArray[np.float64]:
    """The weight of the common words each pair of sentences (first, second) shares, at
    _COMMON_SHARE of what they weigh in the first: each of the first's (sentence, word,
    whether it names) `keys` looked up under the second."""
    import numpy as np

    low = np.searchsorted(keys, first * vocabulary * 2)
    many = np.searchsorted(keys, (first + 1) * vocabulary * 2) - low
    pair = np.repeat(np.arange(len(first)), many)
    mine = keys[np.repeat(low - np.cumsum(many) + many, many) + np.arange(len(pair))]
    word = mine // 2 % vocabulary
    # Under the second, the word either way: (sentence, word) keys hold 2 places.
    wanted = (second[pair] * vocabulary + word) * 2
    at = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
    held = keys[at] // 2 == wanted // 2 if len(keys) else np.zeros(len(pair), bool)
    weights = np.where(mine % 2, _NAME_WEIGHT, 1.0) * _COMMON_SHARE
    return np.bincount(pair, weights=np.where(held, weights, 0.0), minlength=len(first))


# Shared words added up at a time by _candidate_pairs (a few bytes each).
_SHARES_AT_ONCE = 1 << 20


def restatements(article: AnnotatedArticle) -> tuple[tuple[str, str], ...]:
    """(id, id of the body sentence it restates) for each of an article's headline,
    highlights and subheads that restates one."""
    shorts = [s for s in article.sentences if s.kind in _RESTATING_KINDS]
    if not shorts:
        return ()
    bodies = [s for s in article.sentences if s.kind == "body"]
    found = []
    for short in shorts:
        body = _restated_in(short, bodies)
        if body is not None:
            found.append((short.id, body.id))
    return tuple(found)


def _join_reports(
    features: _Features,
    published: Sequence[date | None],
    told: Mapping[int, frozenset[str]],
    distinct: Sequence[int],
    parent: list[int],
    root: Callable[[int], int],
    weights: ReportWeights,
) -> None:
    """Join the distinct sentences that carry one report: candidate pairs (sharing
    words) scoring past the threshold, best first; two groups join only when none of
    their members clash (other days of the month), so a chain of near-alike sentences
    cannot join the events of two days. Sentences of articles published more than
    _REPORT_DAYS apart carry different reports however alike (the WHO on one hospital in
    January and in October), and so do a sentence telling of another year than its
    article's and one that does not."""

    def apart(a: int, b: int) -> bool:
        return published_apart(features[a], features[b], published[a], published[b])

    scored = _scored_pairs(features, distinct, published, told, weights)
    members: dict[int, list[int]] = {}

    def join(i: int, j: int) -> None:
        ri, rj = root(i), root(j)
        group_i, group_j = members.get(ri, [ri]), members.get(rj, [rj])
        cross = [(a, b) for a in group_i[:_GUARDED] for b in group_j[:_GUARDED]]
        if any(apart(a, b) or clash(features[a], features[b]) for a, b in cross):
            return
        # Groups whose sentences name weekdays, none of them the same, tell of two
        # days: "entered Goma on Monday" and "seized its airport on Tuesday" are two
        # reports, however a headline bundling both bridges them; they join on a shared
        # count ("killed 70" the attack of Saturday, as WHO said on Sunday). (Two sentences
        # alone may: one outlet dates the attack, another the announcement.)
        if len(group_i) + len(group_j) > 2 and not _count_agrees(features[i], features[j]):
            days_i = _weekdays(features, group_i[:_GUARDED])
            days_j = _weekdays(features, group_j[:_GUARDED])
            if days_i and days_j and not days_i & days_j:
                return
        first, second = min(ri, rj), max(ri, rj)
        parent[second] = first
        members[first] = [*group_i, *group_j] if first == ri else [*group_j, *group_i]
        members.pop(second, None)

    ranked = sorted(scored, key=lambda item: (-item[0], item[1], item[2]))
    above = sum(score >= weights.threshold for score, _, _ in ranked)
    for _, i, j in ranked[:above]:
        if root(i) != root(j):
            join(i, j)
    # Outlets rewording one wire story keep its order: a pair scoring under the threshold
    # (but past `aligned_threshold`) joins when sentences just before both, or just after
    # both, already carry one report.
    for score, i, j in ranked[above:]:
        if score < weights.aligned_threshold:
            break
        if root(i) != root(j) and _neighbours_joined(features, root, i, j):
            join(i, j)


# How many sentences on each side `_neighbours_joined` looks at.
_ALIGNED_SPAN = 2


def _neighbours_joined(features: _Features, root: Callable[[int], int], i: int, j: int) -> bool:
    """Whether, for sentences i and j of two articles, one of the _ALIGNED_SPAN sentences
    before i and one before j (or after both) are of one report."""
    if features.article(i) == features.article(j):
        return False
    for step in (-1, 1):
        mine = [i + step * d for d in range(1, _ALIGNED_SPAN + 1)]
        theirs = [j + step * d for d in range(1, _ALIGNED_SPAN + 1)]
        roots = {root(a) for a in mine if features.article(a) == features.article(i)}
        if any(root(b) in roots for b in theirs if features.article(b) == features.article(j)):
            return True
    return False


# Past this many candidate pairs they are scored all at once, on arrays (see
# `briefing.report_pairs`); below it, importing scipy costs more than scoring them one by
# one (~0.1 ms a pair) saves.
_PAIRS_ONE_BY_ONE = 2_000


def _scored_pairs(
    features: _Features,
    distinct: Sequence[int],
    published: Sequence[date | None],
    told: Mapping[int, frozenset[str]],
    weights: ReportWeights,
) -> list[tuple[float, int, int]]:
    """(report score, i, j) of each candidate pair of sentences i and j that may carry one
    report: not published apart, both with words, comparable."""
    batches = list(_candidate_pairs(features, distinct))
    if sum(len(first) for first, _ in batches) > _PAIRS_ONE_BY_ONE:
        from briefing.report_pairs import scored_pairs

        return scored_pairs(features, batches, distinct, published, told, weights)
    scored = []
    for firsts, seconds in batches:
        for x, y in zip(firsts.tolist(), seconds.tolist(), strict=True):
            i, j = distinct[x], distinct[y]
            wi, wj = features[i], features[j]
            if published_apart(wi, wj, published[i], published[j]):
                continue
            if wi.words and wj.words and _comparable(wi, wj):
                told_i, told_j = told.get(i, _NO_DAYS), told.get(j, _NO_DAYS)
                scored.append((report_score(wi, wj, weights, told_i, told_j), i, j))
    return scored


def published_apart(
    wa: ReportWords, wb: ReportWords, day_a: date | None, day_b: date | None
) -> bool:
    """Whether two sentences, of articles published on these days, carry different reports
    however alike: published more than _REPORT_DAYS apart, or one telling of another year
    than its article's and the other not."""
    if day_a is None or day_b is None:
        return False
    if abs(day_a - day_b).days > _REPORT_DAYS:
        return True
    return _other_years(wa, day_a) != _other_years(wb, day_b)


def _count_agrees(wa: ReportWords, wb: ReportWords) -> bool:
    """Whether two sentences give one count past the common ones."""
    return any(
        x > _SMALL_COUNT and any(_counts_agree(x, y) for y in wb.numbers) for x in wa.numbers
    )


def _weekdays(features: _Features, group: Sequence[int]) -> set[str]:
    return {d for m in group for d in features[m].dates if d.startswith("wd:")}


def _other_years(words: ReportWords, published: date) -> frozenset[str]:
    """The years of the full dates a sentence names other than its article's: "The ordeal
    began on October 7, 2023" in a January 2025 article tells of then, and joins only a
    sentence of then, not the report of the week."""
    return frozenset(d for d in words.dates if d.startswith("y:") and d != f"y:{published.year}")


def _copy_key(text: str) -> bytes:
    """What word-for-word copies have in common (their words, lower-case), as a digest:
    the words themselves, held for every sentence at once, weighed as much as the text."""
    words = " ".join(_WORD.findall(text.lower()))
    return hashlib.blake2b(
        words.encode("utf-8", "surrogatepass"), digest_size=_COPY_KEY_SIZE
    ).digest()


_COPY_KEY_SIZE = 16


def corroborate(
    articles: Sequence[AnnotatedArticle],
    known: Mapping[str, ArticleWords] | None = None,
    weights: ReportWeights | None = None,
) -> Corroboration:
    """Cluster every sentence of every article into reports (by the learned report
    score, or by `weights` being tuned). `known` holds the `article_words` of articles
    already worked out, by article id; the rest are worked out here."""
    known = known or {}
    sentences = [s for article in articles for s in article.sentences]
    packed = [known[a.id] if a.id in known else article_words(a) for a in articles]
    features = _Features(packed)
    parent = list(range(len(sentences)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Word-for-word copies (one wire sentence carried by many outlets) join at once, and
    # only the first of them is compared with the rest. Captions describe photos: a
    # matching pair says nothing about events, so they never join a report.
    first_copy: dict[bytes, int] = {}
    distinct: list[int] = []
    copy_keys = (words.copy_key(n) for words in packed for n in range(len(words)))
    for i, (sentence, key) in enumerate(zip(sentences, copy_keys, strict=True)):
        if sentence.kind == "caption":
            continue
        first = first_copy.setdefault(key, i)
        if first == i:
            distinct.append(i)
        else:
            parent[i] = first
    published = {a.id: publication_date(a.article.published) for a in articles}
    days = [published[s.article_id] for s in sentences]
    # The days sentences tell of, for the few that tell of one.
    told = {i: told_of for i, s in enumerate(sentences) if s.dates and (told_of := told_days(s))}
    _join_reports(features, days, told, distinct, parent, root, weights or report_weights())
    _senses.cache_clear()
    _vector_sum.cache_clear()

    # An article's own headline, highlights and subheads restate its body in fewer
    # words: each joins the body sentence it restates, so no pane says it twice.
    start = 0
    for article, words in zip(articles, packed, strict=True):
        if words.restated:
            position = {s.id: start + n for n, s in enumerate(article.sentences)}
            for short, body in words.restated:
                ri, rj = root(position[short]), root(position[body])
                parent[max(ri, rj)] = min(ri, rj)
        start += len(article.sentences)

    # A sentence is only ever joined under an earlier one: in reading order, each finds
    # its group's first sentence where its parent's was put, and groups fill in order.
    groups: dict[int, list[str]] = {}
    for i, sentence in enumerate(sentences):
        parent[i] = parent[parent[i]]
        groups.setdefault(parent[i], []).append(sentence.id)
    reports = []
    report_of: dict[str, Report] = {}
    for members in groups.values():
        ids = tuple(members)
        report = Report(id=ids[0], sentence_ids=ids)
        reports.append(report)
        for sid in ids:
            report_of[sid] = report
    return Corroboration(reports=tuple(reports), report_of=report_of, words=features)
