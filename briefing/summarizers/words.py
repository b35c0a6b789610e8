"""What every summarizer shares: sumy's word handling without sumy's imports.

sumy's summarizers import its stemmer module, which imports all of NLTK (most of a second,
with scipy.stats). The summarizers here take the same words, the same English stop words
(read from sumy's own list) and a Snowball stemmer that needs no NLTK, and select exactly
what sumy's classes select when given the same stemmer (tests/test_summarizers.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

import numpy as np

from briefing.stemming import stemmer

if TYPE_CHECKING:
    # Imported where a matrix is built: scipy.sparse costs more to import than numpy
    # (its array-API layer loads numpy's lazy submodules), and a summary of a few
    # sentences needs none of it (see lex_rank).
    from scipy import sparse

# One sentence's words, as the tokenizer gives them (case kept).
Words = Sequence[str]


@dataclass(frozen=True)
class Document:
    """The sentences to summarise: each one's text (what sumy tells sentences apart by)
    and its words."""

    texts: tuple[str, ...]
    words: tuple[Words, ...]


# Scores are rounded to this many decimals before ranking, so that differences that are only
# floating-point summation order (sparse vs dense products) cannot reorder near-equal sentences;
# the stable sort then breaks the remaining ties by document order, as sumy's does.
RATING_DECIMALS = 12


@cache
def stop_words() -> frozenset[str]:
    """sumy's English stop words, normalised as sumy's summarizers normalise them."""
    data = (files("sumy") / "data" / "stopwords" / "english.txt").read_text(encoding="utf-8")
    return frozenset(w.rstrip().lower() for w in data.splitlines() if w)


def term_counts(stemmed: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Sentence x term matrix of counts."""
    from scipy import sparse

    vocabulary: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for stems in stemmed:
        indices.extend(vocabulary.setdefault(s, len(vocabulary)) for s in stems)
        indptr.append(len(indices))
    counts = sparse.csr_matrix(
        (np.ones(len(indices)), np.array(indices, dtype=np.int64), np.array(indptr)),
        shape=(len(stemmed), len(vocabulary)),
    )
    counts.sum_duplicates()
    return counts


def scale_rows(matrix: sparse.csr_matrix, factors: np.ndarray) -> sparse.csr_matrix:
    from scipy import sparse

    return sparse.csr_matrix(sparse.diags(factors) @ matrix)


def best_sentences(texts: Sequence[str], scores: Sequence[float], count: int) -> list[int]:
    """sumy's `_get_best_sentences`: the `count` best-rated sentences in document order.
    Ratings are keyed by text as in sumy (equal sentences share the last one's rating);
    ties go to the earlier sentence (a stable sort)."""
    rating = dict(zip(texts, scores, strict=True))
    order = sorted(range(len(texts)), key=lambda i: rating[texts[i]], reverse=True)
    return sorted(order[:count])


class GreedyRatings:
    """sumy's ratings for summarizers that take one sentence at a time (KL, SumBasic): a
    dict keyed by text, `ratings[text] = -len(ratings)` at each take, so a text taken again
    (a repeated sentence) drops to the rating of that later take."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = texts
        self._copies_left = Counter(texts)
        self._rating: dict[str, int] = {}
        self._final: dict[str, int] = {}  # texts with every copy taken

    def take(self, index: int) -> None:
        text = self._texts[index]
        self._rating[text] = -len(self._rating)
        self._copies_left[text] -= 1
        if not self._copies_left[text]:
            self._final[text] = self._rating[text]

    def decided(self, count: int) -> bool:
        """Whether the `count` best texts are known: every later take rates lower."""
        best = sorted(self._final.values(), reverse=True)
        if len(best) == len(self._copies_left):
            return True
        return len(best) >= count and best[count - 1] > -len(self._rating)

    def scores(self) -> np.ndarray:
        """One rating per sentence; texts not settled rate below every settled one."""
        return np.array([self._final.get(t, -np.inf) for t in self._texts], dtype=float)


@dataclass(frozen=True)
class WordRules:
    """How words become terms: sumy's lower-casing, these stop words, this stemmer."""

    stem: Callable[[str], str]
    stop_words: frozenset[str]

    def content_stems(self, words: Words) -> list[str]:
        """Stems of the words that are not stop words (sumy's `_to_words_set`)."""
        stem, stops = self.stem, self.stop_words
        return [stem(w) for w in map(str.lower, words) if w not in stops]


@cache
def english_rules() -> WordRules:
    return WordRules(stemmer(), stop_words())


class SharedWordsGraph:
    """The sentence graph of TextRank and Reduction without its N x N matrix: the edge
    weight W_ij = S_ij * c(len_i, len_j), where S = C C^T counts the word occurrences two
    sentences share and c depends on their lengths only. Lengths take few values, so with
    sentences grouped by length, W y = sum over length pairs (p, q) of
    c_pq C_p (C_q^T y_q): a few sparse products instead of the N^2 pairs (a page of one
    topic has nearly all pairs connected)."""

    def __init__(
        self, counts: sparse.csr_matrix, pair_weight: Callable[[np.ndarray], np.ndarray]
    ) -> None:
        """`pair_weight(lengths)` gives c for every pair of the given distinct lengths."""
        from scipy import sparse

        self._counts = counts
        lengths = np.asarray(counts.sum(axis=1)).ravel()
        distinct, self._group = np.unique(lengths, return_inverse=True)
        self._group = self._group.ravel()
        self._weights = pair_weight(distinct)
        rows = len(lengths)
        self._members = sparse.csr_matrix(
            (np.ones(rows), (np.arange(rows), self._group)), shape=(rows, len(distinct))
        )
        self._transposed = counts.T.tocsr()

    def times(self, vector: np.ndarray) -> np.ndarray:
        """W @ vector (W is symmetric)."""
        per_group = self._transposed @ self._members.multiply(vector[:, None]).tocsc()
        combined = np.asarray(per_group @ self._weights.T)  # terms x groups
        return np.asarray(self._counts @ combined)[np.arange(len(vector)), self._group]

    def diagonal(self) -> np.ndarray:
        """W_ii: each sentence's edge to itself."""
        own = np.asarray(self._counts.multiply(self._counts).sum(axis=1)).ravel()
        return own * self._weights[self._group, self._group]
