"""Report words packed per article (`ArticleWords`): worked out where the article is
extracted, held as word ids of one process's `Vocabulary`, and read back by place in
reading order (`Features`).
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, islice
from typing import TYPE_CHECKING, Any

from briefing.annotate import AnnotatedArticle
from briefing.ascii_text import sentence_words
from briefing.corroborate.restatements import restatements
from briefing.corroborate.tokens import WORD
from briefing.corroborate.words import ReportWords, report_word_sets

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


class Vocabulary:
    """Words as numbers, in one process: a sentence's words are stored as the ids of
    words every article shares (4 bytes each), not as a set of strings per sentence."""

    def __init__(self) -> None:
        self._ids = _Ids()
        self.words = self._ids.words

    def id(self, word: str) -> int:
        return self._ids[word]

    def ids(self, words: Iterable[str]) -> array[int]:
        """The ids of the words, in order (new words get theirs)."""
        return array("I", map(self._ids.__getitem__, words))


class _Ids(dict[str, int]):
    """Word -> its id, a new word given the next one as it is looked up (a sentence's
    words in one pass: most sentences of a distinct corpus hold a new word)."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []

    def __missing__(self, word: str) -> int:
        found = self[word] = len(self.words)
        self.words.append(word)
        return found


VOCABULARY = Vocabulary()
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
        word = VOCABULARY.words.__getitem__
        runs = [frozenset(map(word, self.run(n, k))) for k in range(_RUNS)]
        counts = frozenset(self.numbers[self.number_bounds[n] : self.number_bounds[n + 1]])
        return ReportWords(runs[0], runs[1], counts, runs[2], runs[3], runs[4])

    def __reduce__(self) -> tuple[Any, ...]:
        # Ids mean nothing in another process: the article's words travel, a word a line
        # (words never hold a line break), with ids into them.
        distinct = list(dict.fromkeys(self.tokens))
        local = dict(zip(distinct, range(len(distinct)), strict=True))
        tokens = array("I", map(local.__getitem__, self.tokens))
        text = "\n".join(map(VOCABULARY.words.__getitem__, distinct))
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
    ids = [VOCABULARY.id(word) for word in text.split("\n")] if text else []
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
    words, names, numbers, events, dates, sources = report_word_sets(text)
    runs = (words, names, events, dates, sources)
    return VOCABULARY.ids(chain(*runs)), tuple(map(len, runs)), tuple(numbers)


class Features:
    """Every sentence's `report_words` by its place in reading order, kept packed per
    article (`ArticleWords`) and unpacked when a pair is scored: pairs worth scoring
    are few (under one per sentence), sentences many."""

    def __init__(self, articles: Sequence[ArticleWords]) -> None:
        self._articles = articles
        # Sentence i -> the place of its article (see `article`), read directly where
        # pairs are gone over by the tens of thousands.
        self.article_of, self._position = array("I"), array("I")
        for n, words in enumerate(articles):
            self.article_of.extend([n] * len(words))
            self._position.extend(range(len(words)))
        # A sentence is scored against its few candidates in a row (see candidate_pairs).
        self._unpacked = lru_cache(maxsize=_UNPACKED)(self._unpack)

    def __getitem__(self, i: int) -> ReportWords:
        return self._unpacked(i)

    def _unpack(self, i: int) -> ReportWords:
        return self._articles[self.article_of[i]].sentence(self._position[i])

    def __len__(self) -> int:
        return len(self.article_of)

    def article(self, i: int) -> int:
        """The place of sentence i's article, or -1 past either end of the corpus."""
        return self.article_of[i] if 0 <= i < len(self.article_of) else -1

    def numbers(self, i: int) -> frozenset[float]:
        """Sentence i's counts (`ReportWords.numbers`), without unpacking it."""
        words, n = self._articles[self.article_of[i]], self._position[i]
        return frozenset(words.numbers[words.number_bounds[n] : words.number_bounds[n + 1]])

    def number_counts(self) -> NDArray[np.int64]:
        """How many counts each sentence gives, in reading order."""
        import numpy as np

        bounds = [np.frombuffer(words.number_bounds, dtype=np.uintc) for words in self._articles]
        return np.concatenate([np.zeros(0, dtype=np.int64), *map(np.diff, bounds)]).astype(np.int64)

    def events(self, i: int) -> frozenset[str]:
        """Sentence i's event verbs (`ReportWords.events`, run 2), without unpacking it."""
        return self._run_words(i, 2)

    def dates(self, i: int) -> frozenset[str]:
        """Sentence i's days (`ReportWords.dates`, run 3), without unpacking it."""
        return self._run_words(i, 3)

    def _run_words(self, i: int, k: int) -> frozenset[str]:
        words, n = self._articles[self.article_of[i]], self._position[i]
        return frozenset(map(VOCABULARY.words.__getitem__, words.run(n, k)))

    def names_an_event(self, i: int) -> bool:
        """Whether sentence i has event verbs and names (runs 2 and 1), without unpacking it."""
        words, n = self._articles[self.article_of[i]], self._position[i]
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


def _copy_key(text: str) -> bytes:
    """What word-for-word copies have in common (their words, lower-case), as a digest:
    the words themselves, held for every sentence at once, weighed as much as the text."""
    # Lower-casing keeps every word and every boundary, so a sentence's words, already split
    # (`sentence_words`), are lowered joined; but for two letters: "İ" lowers to two
    # characters, the second no word's, and a capital sigma by its neighbours (final or
    # not). Every other character lowers to one that is a word's just when it is.
    if text.isascii() or ("\u0130" not in text and "\u03a3" not in text):
        words = " ".join(sentence_words(text)).lower()
    else:
        words = " ".join(WORD.findall(text.lower()))
    return hashlib.blake2b(
        words.encode("utf-8", "surrogatepass"), digest_size=_COPY_KEY_SIZE
    ).digest()


_COPY_KEY_SIZE = 16
