"""LexRank and TextRank on sparse matrices: sumy 0.13's scores and selections, fast.

sumy builds its sentence graphs with a Python double loop over sentence pairs, which is
quadratic in interpreted code (seconds at a few hundred sentences). Here the same formulas
are evaluated with a sparse term-sentence matrix, so similarity is one sparse matrix product
and the power method is a sparse matrix-vector product.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from scipy import sparse
from sumy.models.dom import ObjectDocumentModel
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import null_stemmer
from sumy.summarizers._summarizer import AbstractSummarizer

# Scores are rounded to this many decimals before ranking, so that differences that are only
# floating-point summation order (sparse vs dense products) cannot reorder near-equal sentences;
# sumy's stable sort then breaks the remaining ties by document order, as it does for sumy.
RATING_DECIMALS = 12

# Rows of the sentence-similarity product computed at once: bounds the memory of X @ X.T.
SIMILARITY_BLOCK_ROWS = 2000


class _SparseGraphSummarizer(AbstractSummarizer):
    """Shared word handling: the same normalisation, stop words and stemming as sumy's graph
    summarizers, with stems memoised because stemming dominates once the graph is cheap."""

    _stop_words: frozenset[str] = frozenset()

    def __init__(self, stemmer: Any = null_stemmer) -> None:
        super().__init__(stemmer)
        self._stems: dict[str, str] = {}

    @property
    def stop_words(self) -> frozenset[str]:
        return self._stop_words

    @stop_words.setter
    def stop_words(self, words: Iterable[str]) -> None:
        self._stop_words = frozenset(map(self.normalize_word, words))

    def stem_word(self, word: str) -> str:
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stems[word] = super().stem_word(word)
        return stem

    def __call__(
        self, document: ObjectDocumentModel, sentences_count: Any
    ) -> tuple[SumySentence, ...]:
        sentences = document.sentences
        if not sentences:
            return ()
        scores = np.round(self.sentence_scores(sentences), RATING_DECIMALS)
        # A dict keyed by sentence, as sumy does: equal sentences share one rating.
        ratings = dict(zip(sentences, scores.tolist(), strict=True))
        return self._get_best_sentences(sentences, sentences_count, ratings)

    def sentence_scores(self, sentences: Sequence[SumySentence]) -> np.ndarray:
        """One score per sentence, in document order (sumy's ratings, unrounded)."""
        raise NotImplementedError

    def _term_counts(self, sentences: Sequence[SumySentence]) -> sparse.csr_matrix:
        """Sentence x term matrix of counts of the normalised, stemmed, non-stop words."""
        vocabulary: dict[str, int] = {}
        indices: list[int] = []
        indptr = [0]
        stop_words = self._stop_words
        for sentence in sentences:
            for word in map(self.normalize_word, sentence.words):
                if word not in stop_words:
                    indices.append(vocabulary.setdefault(self.stem_word(word), len(vocabulary)))
            indptr.append(len(indices))
        counts = sparse.csr_matrix(
            (np.ones(len(indices)), np.array(indices, dtype=np.int64), np.array(indptr)),
            shape=(len(sentences), len(vocabulary)),
        )
        counts.sum_duplicates()
        return counts


def _scale_rows(matrix: sparse.csr_matrix, factors: np.ndarray) -> sparse.csr_matrix:
    return sparse.csr_matrix(sparse.diags(factors) @ matrix)


class FastLexRankSummarizer(_SparseGraphSummarizer):
    """sumy's LexRankSummarizer: tf / max tf, idf = log(N / (1 + df)), idf-modified cosine,
    edges where the cosine exceeds `threshold`, rows divided by degree, L2-normalised power
    method until the step is at most `epsilon`."""

    threshold = 0.1
    epsilon = 0.1

    def sentence_scores(self, sentences: Sequence[SumySentence]) -> np.ndarray:
        counts = self._term_counts(sentences)
        sentences_count = counts.shape[0]
        document_frequency = np.diff(counts.tocsc().indptr)
        idf = np.log(sentences_count / (1.0 + document_frequency))
        # A document of stop words only has no terms at all (sumy: max tf 1, NaN scores).
        max_tf = counts.max(axis=1).toarray().ravel() if counts.nnz else np.ones(sentences_count)
        max_tf[max_tf == 0] = 1.0
        tf_idf = sparse.csr_matrix(_scale_rows(counts, 1.0 / max_tf) @ sparse.diags(idf))
        norms = np.sqrt(np.asarray(tf_idf.multiply(tf_idf).sum(axis=1)).ravel())
        adjacency = self._adjacency(tf_idf, norms)
        degrees = np.asarray(adjacency.sum(axis=1)).ravel()
        degrees[degrees == 0] = 1.0
        transition = _scale_rows(adjacency, 1.0 / degrees)
        return self._power_method(transition.T.tocsr(), sentences_count)

    def _adjacency(self, tf_idf: sparse.csr_matrix, norms: np.ndarray) -> sparse.csr_matrix:
        """1.0 where the idf-modified cosine of two sentences exceeds the threshold."""
        sentences_count = tf_idf.shape[0]
        transposed = tf_idf.T.tocsc()
        rows: list[np.ndarray] = []
        cols: list[np.ndarray] = []
        for start in range(0, sentences_count, SIMILARITY_BLOCK_ROWS):
            products = (tf_idf[start : start + SIMILARITY_BLOCK_ROWS] @ transposed).tocoo()
            row = products.row + start
            denominator = norms[row] * norms[products.col]
            # sumy: a sentence whose tf-idf vector is zero is similar to nothing.
            defined = denominator > 0
            cosine = np.zeros_like(products.data)
            cosine[defined] = products.data[defined] / denominator[defined]
            edges = cosine > self.threshold
            rows.append(row[edges])
            cols.append(products.col[edges])
        row_index = np.concatenate(rows) if rows else np.empty(0, dtype=np.int64)
        col_index = np.concatenate(cols) if cols else np.empty(0, dtype=np.int64)
        return sparse.csr_matrix(
            (np.ones(len(row_index)), (row_index, col_index)),
            shape=(sentences_count, sentences_count),
        )

    def _power_method(self, transposed: sparse.csr_matrix, sentences_count: int) -> np.ndarray:
        scores = np.full(sentences_count, 1.0 / sentences_count)
        step = 1.0
        # A graph with no edges at all gives sumy NaN scores (0 / 0) and document order.
        with np.errstate(invalid="ignore", divide="ignore"):
            while step > self.epsilon:
                next_scores = transposed @ scores
                next_scores /= np.linalg.norm(next_scores)
                step = np.linalg.norm(next_scores - scores)
                scores = next_scores
        return scores


class FastTextRankSummarizer(_SparseGraphSummarizer):
    """sumy's TextRankSummarizer: edge weight = shared word occurrences / (log len_i +
    log len_j), rows normalised, damped PageRank power method until the step is at most
    `epsilon`."""

    epsilon = 1e-4
    damping = 0.85
    _ZERO_DIVISION_PREVENTION = 1e-7

    def sentence_scores(self, sentences: Sequence[SumySentence]) -> np.ndarray:
        counts = self._term_counts(sentences)
        sentences_count = counts.shape[0]
        lengths = np.asarray(counts.sum(axis=1)).ravel()
        shared = (counts @ counts.T.tocsc()).tocoo()
        nonzero = shared.data > 0
        row, col, rank = shared.row[nonzero], shared.col[nonzero], shared.data[nonzero]
        norm = np.log(lengths[row]) + np.log(lengths[col])
        # Two one-word sentences: log 1 + log 1 = 0, and sumy uses the raw count.
        single_words = np.isclose(norm, 0.0)
        weight = np.where(single_words, rank, rank / np.where(single_words, 1.0, norm))
        weights = sparse.csr_matrix((weight, (row, col)), shape=(sentences_count, sentences_count))
        row_sums = np.asarray(weights.sum(axis=1)).ravel() + self._ZERO_DIVISION_PREVENTION
        transposed = _scale_rows(weights, 1.0 / row_sums).T.tocsr()
        return self._power_method(transposed, sentences_count)

    def _power_method(self, transposed: sparse.csr_matrix, sentences_count: int) -> np.ndarray:
        # sumy's matrix is dense: (1 - d) / N everywhere plus d * weights; its product with
        # the score vector is the uniform part times sum(scores) plus a sparse product.
        teleport = (1.0 - self.damping) / sentences_count
        scores = np.full(sentences_count, 1.0 / sentences_count)
        step = 1.0
        while step > self.epsilon:
            next_scores = teleport * scores.sum() + self.damping * (transposed @ scores)
            step = np.linalg.norm(next_scores - scores)
            scores = next_scores
        return scores
