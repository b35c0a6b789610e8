"""Finding a profile's phrases in a sentence by looking up its words in a dictionary.

A sentence is read word by word: each word that starts a phrase (lower-cased, with a
plural taken off) leads to the few phrases starting with it, tried longest first at that
word. One alternation of every phrase, tried at every position of every sentence, did the
same job several times slower.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import AnyStr

from briefing.ascii_text import OTHER_FOLDS, holds_any, lower_sentence, word_runs
from briefing.profile import phrase_body

_WORD = re.compile(r"\w+")
# Letters the regex engine's case-insensitive matching takes as another's lower case ("ı"
# and "İ" as "i", "ſ" as "s"): folded alike, one character for one, so that a lookup
# never misses what a match finds and places in the folded text are places in the text.
_ODD_CASES = "\u0130\u0131\u017f"
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
# Where a form of a word stands after a word character, it is inside another word. Tested
# apart: a pattern opening with its literal form is searched for quickly, one opening with
# a look-behind is tried at every character (six times slower). Every character of a form
# but a mark is a word character, so no rejected place hides one inside it.
_AFTER_WORD = re.compile(r"(?<=\w)")
# A phrase right after "anti-" is its opposite: "anti-government fighters".
_NEGATING_PREFIX = "anti-"


def fold(text: str, lower: Callable[[str], str] = lower_sentence) -> str:
    """Lower case, one character for one (`lower`: `str.lower` for a text too long to be
    worth remembering)."""
    if text.isascii():
        return lower(text)
    if holds_any(text, _ODD_CASES):
        text = text.translate(_FOLD)
    lowered = lower(text)
    return lowered if len(lowered) == len(text) else "".join(c.lower()[:1] for c in text)


@dataclass(frozen=True)
class Screened:
    """A pattern each match of which holds one of `words`, searched for only in a text
    holding one (most texts hold none: a search tried at every character cost more than
    looking). Where the pattern ignores case, they are looked for in the text folded (lower
    case: letters `fold` folds to them); else in the text as it is."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]
    ignore_case: bool = True
    # Words each match holds one of too, where it needs two kinds of word ("carried out"
    # and "the attack"): a text holding none is not searched either.
    also: tuple[str, ...] = ()

    def search(self, text: str) -> re.Match[str] | None:
        if _holds(fold(text) if self.ignore_case else text, self.words, self.also):
            return self.pattern.search(text)
        return None

    def holding(self, texts: Joined) -> list[int]:
        """The places of the texts `search` searches (those holding its words), in order:
        found in all of them at once by the string method (screening every sentence of a
        corpus one by one cost more than the few searches it led to). Words ignoring case
        are ASCII."""
        if not self.ignore_case:
            return _holding(texts.text, texts.starts, self.words, self.also)
        words, also = (
            [word.encode("ascii") for word in found] for found in (self.words, self.also)
        )
        return _holding(texts.folded, texts.starts, words, also)


@dataclass(frozen=True)
class Joined:
    """Texts joined by line breaks (no word holds one, so none is found across two), to be
    screened at once by several `Screened`: as they are, and folded as ASCII bytes, any
    other character a "?" (one byte a character: lower-casing a wide string letter by
    letter cost more than the rest)."""

    text: str
    folded: bytes
    starts: tuple[int, ...]  # where each text starts, and where one after the last would


def joined(texts: Sequence[str]) -> Joined:
    text = "\n".join(texts)
    # A letter matched as an ASCII one ("İ", "ſ", the Kelvin sign) is folded first.
    lowered = fold(text, str.lower) if holds_any(text, OTHER_FOLDS) else text
    starts = tuple(accumulate((len(t) + 1 for t in texts), initial=0))
    return Joined(text, lowered.encode("ascii", "replace").lower(), starts)


def _holds(screen: AnyStr, words: Sequence[AnyStr], also: Sequence[AnyStr]) -> bool:
    """Whether `screen` holds one of `words`, and one of `also` if any (found in C, no
    generator)."""
    return any(map(screen.__contains__, words)) and (
        not also or any(map(screen.__contains__, also))
    )


def _holding(
    screen: AnyStr, starts: Sequence[int], words: Sequence[AnyStr], also: Sequence[AnyStr]
) -> list[int]:
    """`Screened.holding` of the texts joined in `screen`, the nth from `starts[n]`."""
    found = set()
    for word in words:
        at = screen.find(word)
        while at >= 0:
            place = bisect_right(starts, at) - 1
            found.add(place)
            at = screen.find(word, starts[place + 1])
    if not also:
        return sorted(found)
    # (Each place found holds one of `words`: only one of `also` is left to look for.)
    return [
        place
        for place in sorted(found)
        if _holds(screen[starts[place] : starts[place + 1] - 1], also, ())
    ]


@dataclass(frozen=True)
class FoldedText:
    """A text folded and split into words once, to be looked up in several indexes (a
    whole article read by every context rule)."""

    text: str
    lowered: str
    words: frozenset[str]


def folded(text: str) -> FoldedText:
    lowered = fold(text)
    return FoldedText(text, lowered, frozenset(word_runs(lowered)))


_NO_NEEDS: tuple[frozenset[str], frozenset[str] | None] = (frozenset(), None)


def _needs(phrase: str) -> tuple[frozenset[str], frozenset[str] | None]:
    """The words (folded, as `_WORD` splits them) a text must hold for the phrase to match
    in it: every word but its first, as written; and the last, which may take a plural
    ("governments"), in any of its forms (None when written as it is: the phrase ends
    with a mark, or it has one word). Its first word is the form it is looked up by."""
    runs = _WORD.findall(fold(phrase))
    if len(runs) < 2:
        return _NO_NEEDS
    if not _WORD.match(phrase[-1]):
        return frozenset(runs[1:]), None
    last = runs[-1]
    return frozenset(runs[1:-1]), frozenset((last, last + "s", last + "es"))


@dataclass(frozen=True)
class PhraseMatch:
    phrase: str  # the phrase as listed (its key)
    start: int
    end: int


class PhraseIndex:
    """Phrases matched like profile aliases (see docs/profiles.md): whole words, any case,
    inner spaces matching any whitespace, the last word taking a plural or possessive; where
    two start at one word, the longest phrase wins; matches never overlap."""

    def __init__(self, phrases: Sequence[str]) -> None:
        ordered = sorted(dict.fromkeys(phrases), key=len, reverse=True)
        by_word: dict[str, list[tuple[int, str]]] = {}
        for rank, phrase in enumerate(ordered):
            # Phrases opening with a mark ("(SDF)") are looked up by that mark.
            word = _WORD.match(phrase)
            key = fold(word.group()) if word else phrase[:1]
            by_word.setdefault(key, []).append((rank, phrase))
        self._marks = frozenset(key for key in by_word if not _WORD.match(key))
        # Every form of a sentence's word that can start a phrase -> the phrases to try
        # there, longest first: the word itself, or it less the plural or possessive "s" or
        # "es" its phrase's last word may take ("rebels", "Kurds").
        self._by_word: dict[str, tuple[str, ...]] = {}
        for key in by_word:
            for form in (key, key + "s", key + "es") if key not in self._marks else (key,):
                stems = [form, form[:-1] if form.endswith("s") else None]
                stems.append(form[:-2] if form.endswith("es") else None)
                found = sorted(entry for stem in stems if stem for entry in by_word.get(stem, ()))
                self._by_word[form] = tuple(phrase for _, phrase in found)
        self._forms = frozenset(self._by_word)
        # What else each phrase needs of a sentence's words (see `_needs`), by form, for the
        # forms with a phrase of several words: "the" starts "the government", and a
        # sentence without "government" (or "regime") is not searched for "the" at all.
        self._needs = {
            form: tuple(map(_needs, phrases))
            for form, phrases in self._by_word.items()
            if any(_needs(phrase) != _NO_NEEDS for phrase in phrases)
        }
        # The patterns are compiled when a sentence first needs them: a profile has
        # hundreds, compiling them all was a good part of starting up, and a run over a
        # few articles meets few of its phrases.
        self._patterns: dict[str, re.Pattern[str]] = {}
        # Where a form stands with no word character after it (what is before it is
        # tested apart: see _AFTER_WORD).
        self._places: dict[str, re.Pattern[str]] = {}

    def _pattern(self, phrase: str) -> re.Pattern[str]:
        pattern = self._patterns.get(phrase)
        if pattern is None:
            pattern = self._patterns[phrase] = re.compile(phrase_body(phrase), re.IGNORECASE)
        return pattern

    def _place(self, form: str) -> re.Pattern[str]:
        place = self._places.get(form)
        if place is None:
            after = "" if form in self._marks else r"(?!\w)"
            place = self._places[form] = re.compile(rf"{re.escape(form)}{after}")
        return place

    def finditer(self, text: str | FoldedText) -> Iterator[PhraseMatch]:
        found = self._forms_in(text)
        if found is None:
            return
        text, lowered, tried = found
        starts = sorted(
            (start, form)
            for form, phrases in tried.items()
            if phrases
            for start in self._starts(form, lowered)
        )
        end = 0
        for start, form in starts:
            if start < end:
                continue
            match = self._match_at(text, lowered, start, tried[form])
            if match:
                end = match.end
                yield match

    def _forms_in(
        self, text: str | FoldedText
    ) -> tuple[str, str, dict[str, tuple[str, ...]]] | None:
        """The text, folded, and each form it holds with the phrases to try where it stands
        (see `_possible`); None when it holds no form."""
        runs: frozenset[str] | list[str]
        if isinstance(text, FoldedText):
            text, lowered, runs = text.text, text.lowered, text.words
        else:
            lowered = fold(text)
            runs = word_runs(lowered)
        forms = self._forms.intersection(runs)
        if self._marks:
            forms = forms.union(mark for mark in self._marks if mark in text)
        if not forms:
            return None
        # A set of the words made only for a text holding a form (most sentences hold none).
        words = runs if isinstance(runs, frozenset) else frozenset(runs)
        return text, lowered, {form: self._possible(form, words) for form in forms}

    def _starts(self, form: str, lowered: str) -> Iterator[int]:
        """Where `form` stands in the folded text as a word's start."""
        for place in self._place(form).finditer(lowered):
            if not _AFTER_WORD.match(lowered, place.start()):
                yield place.start()

    def _match_at(
        self, text: str, lowered: str, start: int, phrases: tuple[str, ...]
    ) -> PhraseMatch | None:
        """The longest of `phrases` matching at `start`, unless "anti-" stands before it."""
        if lowered[max(0, start - len(_NEGATING_PREFIX)) : start] == _NEGATING_PREFIX:
            return None
        for phrase in phrases:
            match = self._pattern(phrase).match(text, start)
            if match:
                return PhraseMatch(phrase, start, match.end())
        return None

    def _possible(self, form: str, words: frozenset[str]) -> tuple[str, ...]:
        """The phrases to try where `form` stands, longest first: those whose other words
        the text has (a phrase cannot match without them)."""
        phrases = self._by_word[form]
        needs = self._needs.get(form)
        if needs is None:
            return phrases
        return tuple(
            phrase
            for phrase, (every, last) in zip(phrases, needs, strict=True)
            if every <= words and (last is None or not last.isdisjoint(words))
        )

    def search(self, text: str | FoldedText) -> bool:
        """Whether the text has any of the phrases: whether one matches at any place a form
        stands (`finditer`'s first match is the first such place, and it skips a place only
        inside a match), found without putting every place of a whole article in order."""
        found = self._forms_in(text)
        if found is None:
            return False
        text, lowered, tried = found
        # Forms in a fixed order, not the set's: the first match ends the search, and the
        # patterns compiled on the way must be the same in every process (see
        # `briefing.precompile`).
        return any(
            self._match_at(text, lowered, start, phrases) is not None
            for form, phrases in sorted(tried.items())
            if phrases
            for start in self._starts(form, lowered)
        )
