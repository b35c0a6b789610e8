"""LexRank as sumy 0.13 computes it, on sparse matrices.

sumy builds the sentence graph with a Python double loop over sentence pairs (seconds at a
few hundred sentences). The same formulas here: tf / max tf, idf = log(N / (1 + df)), the
idf-modified cosine as one sparse product, edges where it exceeds `THRESHOLD`, rows divided
by degree, and the L2-normalised power method until the step is at most `EPSILON`. A
document of a few sentences (most panes) gets the same formulas on dense arrays: importing
scipy.sparse takes far longer than such a summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from briefing.summarizers.words import Document, WordRules, scale_rows, term_counts

if TYPE_CHECKING:
    from scipy import sparse

THRESHOLD = 0.1
EPSILON = 0.1
# Rows of the sentence-similarity product computed at once: bounds the memory of X @ X.T.
SIMILARITY_BLOCK_ROWS = 2000
# Up to this many sentences, dense sentence x term arrays (a few hundred kB at most).
DENSE_SENTENCES = 100


def scores(document: Document, count: int, rules: WordRules) -> np.ndarray:
    """One score per sentence, in document order (sumy's ratings)."""
    stemmed = [rules.content_stems(words) for words in document.words]
    if len(stemmed) <= DENSE_SENTENCES:
        return _dense_scores(stemmed)
    from scipy import sparse

    counts = term_counts(stemmed)
    sentences_count = counts.shape[0]
    document_frequency = np.diff(counts.tocsc().indptr)
    idf = np.log(sentences_count / (1.0 + document_frequency))
    # A document of stop words only has no terms at all (sumy: max tf 1, NaN scores).
    max_tf = counts.max(axis=1).toarray().ravel() if counts.nnz else np.ones(sentences_count)
    max_tf[max_tf == 0] = 1.0
    tf_idf = sparse.csr_matrix(scale_rows(counts, 1.0 / max_tf) @ sparse.diags(idf))
    norms = np.sqrt(np.asarray(tf_idf.multiply(tf_idf).sum(axis=1)).ravel())
    # sumy: a sentence whose tf-idf vector is zero is similar to nothing.
    unit = scale_rows(tf_idf, np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0))
    adjacency = _adjacency(unit)
    degrees = np.asarray(adjacency.sum(axis=1)).ravel()
    degrees[degrees == 0] = 1.0
    transition = scale_rows(adjacency, 1.0 / degrees)
    return _power_method(transition.T.tocsr(), sentences_count)


def _dense_scores(stemmed: Sequence[Sequence[str]]) -> np.ndarray:
    """`scores` computed on dense arrays, step for step."""
    vocabulary: dict[str, int] = {}
    cells = [(row, vocabulary.setdefault(s, len(vocabulary))) for row, stems in enumerate(stemmed)
             for s in stems]  # fmt: skip
    sentences_count = len(stemmed)
    counts = np.zeros((sentences_count, len(vocabulary)))
    for row, column in cells:
        counts[row, column] += 1.0
    idf = np.log(sentences_count / (1.0 + np.count_nonzero(counts, axis=0)))
    max_tf = counts.max(axis=1) if counts.size else np.ones(sentences_count)
    max_tf[max_tf == 0] = 1.0
    tf_idf = counts * (1.0 / max_tf)[:, None] * idf
    norms = np.sqrt((tf_idf * tf_idf).sum(axis=1))
    unit = tf_idf * np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)[:, None]
    adjacency = (unit @ unit.T > THRESHOLD).astype(float)
    degrees = adjacency.sum(axis=1)
    degrees[degrees == 0] = 1.0
    return _power_method((adjacency * (1.0 / degrees)[:, None]).T, sentences_count)


def _adjacency(unit: sparse.csr_matrix) -> sparse.csr_matrix:
    """1.0 where the cosine of two sentences' unit tf-idf vectors exceeds the threshold."""
    from scipy import sparse

    transposed = unit.T.tocsc()
    blocks = []
    for start in range(0, unit.shape[0], SIMILARITY_BLOCK_ROWS):
        block = sparse.csr_matrix(unit[start : start + SIMILARITY_BLOCK_ROWS] @ transposed)
        block.data = (block.data > THRESHOLD).astype(float)
        block.eliminate_zeros()
        blocks.append(block)
    return sparse.csr_matrix(sparse.vstack(blocks, format="csr"))


def _power_method(transposed: sparse.csr_matrix | np.ndarray, sentences_count: int) -> np.ndarray:
    scores = np.full(sentences_count, 1.0 / sentences_count)
    step = 1.0
    # A graph with no edges at all gives sumy NaN scores (0 / 0) and document order.
    with np.errstate(invalid="ignore", divide="ignore"):
        while step > EPSILON:
            next_scores = transposed @ scores
            next_scores /= np.linalg.norm(next_scores)
            step = np.linalg.norm(next_scores - scores)
            scores = next_scores
    return scores
