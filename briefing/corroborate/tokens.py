"""Words as report comparison compares them: stems (British spellings as American), the
words outlets swap in a rewrite as one, countries by any of their names; and a memo of
per-token work.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Generic, TypeVar

from briefing.ascii_text import sentence_words
from briefing.extract import STOPWORDS
from briefing.model.words import rewrites as rewrites_of
from briefing.stemming import stemmer

WORD = re.compile(r"\w+")
_Value = TypeVar("_Value")
# Function words carry no report of their own, nor do verbs of saying (every outlet
# attributes in its own words); overlap is measured without them.
STOP_WORDS = STOPWORDS["en"] | {"onto", "told"}
# Words every outlet adds in its own way: verbs of saying, hedges on a count.
_NOT_COMPARED = frozenset(
    "said says say told tell tells according added adds announced claimed claims stated "
    "least some around approximately roughly nearly almost more than over".split()
)
WEEKDAYS = tuple(name.lower() for name in calendar.day_name)
# The Arabic article of names ("al-Assad", "Ahmad al Shara", "El Fasher"): shared by
# every other name, it says nothing of which one.
_NAME_PARTICLES = frozenset({"al", "el"})


@dataclass(frozen=True)
class WholeNames:
    """Names found as whole words (`pattern`, longest first), with two quick tests before
    it: the words a text must hold (`held_in`) and a `screen`, the same names without the
    word boundaries. A text either test misses holds none of the names; the screen is searched
    for quickly (the engine skips to the names' first letters), while an alternation
    opening with a boundary is tried name by name at every character."""

    pattern: re.Pattern[str]
    screen: re.Pattern[str]
    # A name's first word -> the words of each name opening with it (`WORD`s, as written).
    by_first_word: dict[str, tuple[frozenset[str], ...]]

    def held_in(self, words: Sequence[str]) -> bool:
        """Whether a text's words (its `word_runs`) hold every word of some name: where a
        name stands as whole words, each of its words is one of the text's (a look-up a
        word, where the screen is a search of every capital)."""
        opening = self.by_first_word.keys()
        if opening.isdisjoint(words):  # most texts: no set made
            return False
        first = opening & words
        held = set(words)
        return any(name <= held for word in first for name in self.by_first_word[word])


def whole_names(names: Iterable[str]) -> WholeNames:
    """See `WholeNames`; each name opens and ends with a word character."""
    ordered = sorted(names, key=len, reverse=True)
    alternation = "|".join(map(re.escape, ordered))
    by_first_word: dict[str, list[frozenset[str]]] = {}
    for name in ordered:
        words = WORD.findall(name)
        by_first_word.setdefault(words[0], []).append(frozenset(words))
    return WholeNames(
        re.compile(rf"\b(?:{alternation})\b"),
        re.compile(alternation),
        {word: tuple(opened) for word, opened in by_first_word.items()},
    )


class PerToken(Generic[_Value]):
    """A function of one token (never None), remembered in a plain dict: a sentence's tokens
    looked up at once (`map` over the dict) cost half what as many `lru_cache` calls do.
    Emptied when it holds `size` tokens, so that a long run's memory stays bounded."""

    def __init__(self, work: Callable[[str], _Value], size: int) -> None:
        self._known = _Remembered(work, size)

    def of(self, tokens: Sequence[str]) -> list[_Value]:
        """The value of each token, in order."""
        return list(map(self._known.__getitem__, tokens))


class _Remembered(dict[str, _Value]):
    """Token -> its value, a token not seen before worked out as it is looked up (in a
    distinct corpus most sentences bring a few: a look-up of all, failing, then of each
    again, cost the sentence's tokens twice over)."""

    def __init__(self, work: Callable[[str], _Value], size: int) -> None:
        super().__init__()
        self._work, self._size = work, size

    def __missing__(self, token: str) -> _Value:
        if len(self) >= self._size:
            self.clear()
        value = self[token] = self._work(token)
        return value


@lru_cache(maxsize=131_072)
def compared_word(lower: str) -> tuple[str, bool] | None:
    """A lower-case word as compared (its country, the first word of its rewrites group,
    or its stem) and whether it is a country; None for words not compared (function
    words, verbs of saying, hedges, weekdays, which `dates` reads)."""
    if (
        len(lower) < 2
        or lower in STOP_WORDS
        or lower in _NOT_COMPARED
        or lower in WEEKDAYS
        or lower in _NAME_PARTICLES
    ):
        return None
    countries = country_words()
    if lower in countries:
        return countries[lower], True
    rewrites, stem = rewrites_of(), stemmed(lower)
    return rewrites.get(lower) or rewrites.get(stem) or stem, False


def restatement_word(word: str, lower: str) -> str | None:
    """A word (and its lower case) as a restatement shares it ("Turkish" and "Turkiye" as
    turkiye, "meets" and "meet" as their stem; acronyms keep their case: "IS" the group is
    not "is"), or None (function words, a letter alone: the "s" of "Syria’s"; never "")."""
    if len(word) < 2:
        return None
    countries = country_words()
    if lower in countries:
        return countries[lower]
    if word.isupper():
        return word
    return stemmed(lower) if lower not in STOP_WORDS else None


@lru_cache(maxsize=131_072)
def stemmed(lower: str) -> str:
    # Remembered here: the stemmer's memo would only hold each word a second time (a new
    # word of a distinct corpus cost half as much again through it).
    if lower.endswith(_BRITISH_ENDINGS):
        lower = _american(lower)
    return stemmer().stem(lower)


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
    for pattern, replacement in _BRITISH:
        lower = pattern.sub(replacement, lower)
    return lower


def joined_compound(match: re.Match[str]) -> str:
    joined = match.group(1) + match.group(2)
    return joined if joined.lower() in rewrites_of() else match.group()


@cache
def country_words() -> dict[str, str]:
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
def country_ids() -> frozenset[str]:
    """The ids `country_words` gives: the names of a report's words that are countries'."""
    return frozenset(country_words().values())


@cache
def _country_phrases() -> tuple[WholeNames, dict[str, str]]:
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
    return whole_names(token), token


# Asked of a sentence twice (restatement words, report words): remembered for an article's
# worth of sentences.
@lru_cache(maxsize=4_096)
def one_word_countries(text: str) -> str:
    """The text with each country name of several words as one word ("United Arab
    Emirates" -> "unitedarabemirates"); the text itself when it names none."""
    names, token = _country_phrases()
    if not names.held_in(sentence_words(text)) or names.screen.search(text) is None:
        return text
    return names.pattern.sub(lambda m: token[m.group()], text)
