"""Reading text as ASCII where it can be. Most paragraphs of news are ASCII but for
typographic quotes and dashes, and the regex engine searches a Unicode string several times
slower than an ASCII one: such a text is read through its ASCII shadow (those marks made
spaces), split into words by the string methods in C."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain

# Each ASCII character that is no word character (letters, digits, _) to a space.
_ASCII_WORD_GAPS = bytes(
    code if chr(code).isalnum() or chr(code) == "_" else ord(" ") for code in range(256)
)

# Non-ASCII characters common on English pages (typographic quotes and dashes, rules, arrows,
# currency and trade marks) that are neither word characters nor cased: a row whose other
# characters are ASCII has, for words, digits, letters and case-insensitive patterns, the
# reading of an ASCII row. In order of how often pages hold them.
CASELESS_MARKS = "’━“”—‘–©…›‹£»„→×«•·€°®™"


def ascii_shadow(text: str, marks: str = CASELESS_MARKS) -> str | None:
    """The text with every one of `marks` a space when that leaves it ASCII (the text itself
    when it is), None when it holds other non-ASCII characters."""
    if text.isascii():  # a flag of the string: no scan
        return text
    # only the marks the text holds replaced (a test with `in` costs a fraction of a call
    # of replace), the flag read again after each
    for mark in marks:
        if mark in text:
            text = text.replace(mark, " ")
            if text.isascii():
                return text
    return None


def ascii_words(text: str) -> list[str]:
    """The runs of word characters of an ASCII text (what `\\w+` finds), split in C as bytes:
    the regex engine's split costs more than a thousand instructions a word."""
    return text.encode("ascii").translate(_ASCII_WORD_GAPS).decode("ascii").split()


_WORD = re.compile(r"\w+")
# The letters ignore-case matching takes for an ASCII letter that `str.lower` does not make
# one ("İ" and "ı" for "i", "ſ" for "s", the Kelvin sign for "k").
OTHER_FOLDS = "\u0130\u0131\u017f\u212a"


def holds_any(text: str, characters: str) -> bool:
    """Whether the text holds one of `characters`, found by the string method: a character
    class searched for is tried at every character of a text (a character wider than any of
    the text's is not looked for at all)."""
    return any(map(text.__contains__, characters))


# Characters made spaces before a text is split into words: the caseless marks and others
# common in news text (here they need not be caseless, only no word characters).
_WORD_GAP_MARKS = CASELESS_MARKS + "▪（）《》，\xa0"


def word_runs(text: str) -> list[str]:
    """The runs of word characters of a text, in order (what `\\w+` findall gives)."""
    shadow = ascii_shadow(text, _WORD_GAP_MARKS)
    if shadow is not None:
        return ascii_words(shadow)
    if "\n" not in text:
        return _WORD.findall(text)
    # A whole article with an accented name or a line of another script somewhere: no run
    # crosses a line break, and most lines are ASCII but for marks (split in C), where the
    # regex engine read all of it as a wide string.
    return list(chain.from_iterable(map(word_runs, text.split("\n"))))


# A sentence is split into words by several readers in turn (date candidates, time phrases,
# then the report words, restatement words and copy key): remembered for an article's worth
# of sentences, it is split once.
@lru_cache(maxsize=4_096)
def sentence_words(text: str) -> tuple[str, ...]:
    """The `word_runs` of a sentence, in order."""
    return tuple(word_runs(text))


# A sentence is lower-cased by several readers in turn (the tagger's folding, the screens of
# dates, days and time phrases): remembered for an article's worth of sentences, it is
# lower-cased once.
@lru_cache(maxsize=4_096)
def lower_sentence(text: str) -> str:
    """`text.lower()`."""
    return text.lower()


def run_starts(text: str, runs: Sequence[str], places: Iterable[int]) -> Iterator[int]:
    """Where the runs at `places` (in order) start: `runs` are the text's `word_runs`. Found
    by the string methods where the regex engine made a match object for every word of the
    text: a run is the first whole run of its characters past the one before, once the
    same words standing between them are passed."""
    at, after_last = 0, 0
    for place in places:
        run = runs[place]
        for _ in range(runs[after_last:place].count(run) + 1):
            start = _whole_run(text, run, at)
            at = start + len(run)
        after_last = place + 1
        yield start


def _whole_run(text: str, run: str, at: int) -> int:
    """Where the first whole run of word characters `run` at or past `at` starts (one the
    text holds)."""
    start = text.find(run, at)
    while True:
        before, after = text[start - 1 : start], text[start + len(run) : start + len(run) + 1]
        # Inside a longer run where a word character stands before or after it (\w is
        # what `str.isalnum` says of one character, and "_").
        if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            return start
        start = text.find(run, start + 1)
