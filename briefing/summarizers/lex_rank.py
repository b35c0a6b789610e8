"""LexRank as sumy 0.13 computes it, on sparse matrices.

sumy builds the sentence graph with a Python double loop over sentence pairs (seconds at a
few hundred sentences). The same formulas here: tf / max tf, idf = log(N / (1 + df)), the
idf-modified cosine as one sparse product, edges where it exceeds `THRESHOLD`, rows divided
by degree, and the L2-normalised power method until the step is at most `EPSILON`.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from briefing.summarizers.words import Document, WordRules, scale_rows, term_counts

THRESHOLD = 0.1
EPSILON = 0.1
# Rows of the sentence-similarity product computed at once: bounds the memory of X @ X.T.
SIMILARITY_BLOCK_ROWS = 2000


def scores(document: Document, count: int, rules: WordRules) -> np.ndarray:
    """One score per sentence, in document order (sumy's ratings)."""
    counts = term_counts([rules.content_stems(words) for words in document.words])
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


def _adjacency(unit: sparse.csr_matrix) -> sparse.csr_matrix:
    """1.0 where the cosine of two sentences' unit tf-idf vectors exceeds the threshold."""
    transposed = unit.T.tocsc()
    blocks = []
    for start in range(0, unit.shape[0], SIMILARITY_BLOCK_ROWS):
        block = sparse.csr_matrix(unit[start : start + SIMILARITY_BLOCK_ROWS] @ transposed)
        block.data = (block.data > THRESHOLD).astype(float)
        block.eliminate_zeros()
        blocks.append(block)
    return sparse.csr_matrix(sparse.vstack(blocks, format="csr"))


def _power_method(transposed: sparse.csr_matrix, sentences_count: int) -> np.ndarray:
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
