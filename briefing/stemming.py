"""The one English stemmer of the engine: summaries rank stems and report comparison
matches them, and neither may pull in NLTK (or numpy, on a warm start) to get one."""

from __future__ import annotations

from functools import cache
from typing import Any

try:  # PyStemmer: the C build snowballstemmer itself would run (it imports all 29 languages)
    import Stemmer as _snowball_c
except ImportError:  # pragma: no cover  (a platform without PyStemmer's wheel)
    _snowball_c = None

# Typographic apostrophes, read as "'" before stemming as NLTK's English stemmer does
# ("Assad’s" -> "assad").
_APOSTROPHES = str.maketrans("\u2019\u2018\u201b", "'''")


class Stemmer:
    """Snowball's English (Porter2) stemmer, memoised: news repeats its words, and stemming
    dominates once ranking is vectorised. Snowball 2.x's algorithm is the one NLTK's
    SnowballStemmer (sumy's) implements: 6 of the 186,000 words of the shared pages stem
    otherwise, NLTK's own quirks such as 'realization' -> 'realize'. snowballstemmer runs
    it in C through PyStemmer when that is installed (18x faster, the same stems).
    Callable like a sumy stemmer, so sumy's classes can be given the same one."""

    def __init__(self) -> None:
        self._stemmer = _english_snowball()
        self._stems: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stems[word] = self.stem(word)
        return stem

    def stem(self, word: str) -> str:
        """The word's stem, not remembered: for a caller remembering its own."""
        # An ASCII word holds no typographic apostrophe: `translate` with a table costs a
        # dict lookup a letter, more than stemming in C.
        return self._stemmer.stemWord(word if word.isascii() else word.translate(_APOSTROPHES))


def _english_snowball() -> Any:
    if _snowball_c is not None:
        # Its own cache off (size 0): `Stemmer` asks once a word, and a full cache of
        # PyStemmer's is purged by sorting it, three times what stemming a new word costs.
        return _snowball_c.Stemmer("english", 0)
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@cache
def stemmer() -> Stemmer:
    return Stemmer()
