"""LSA as sumy 0.13 rates sentences, without the SVD.

sumy builds a dense terms x sentences matrix (tf smoothed as 0.4 + 0.6 tf / max tf in every
cell of a column, zeros included), takes its full SVD and rates sentence j as
sqrt(sum_i sigma_i^2 v_ij^2) over the first max(3, len(sigma) * REDUCTION_RATIO)
dimensions. Its REDUCTION_RATIO is 1: every dimension is kept, so the rating is the length
of column j of Sigma V^T = U^T A, which is the length of column j of A itself (U has
orthonormal columns spanning A's columns). That length needs no SVD: O(words), not
cubic (sumy took 70 s and 1.6 GB at 5,000 sentences).
"""

from __future__ import annotations

import numpy as np

from briefing.summarizers.words import Document, WordRules, term_counts

SMOOTH = 0.4


def scores(document: Document, count: int, rules: WordRules) -> np.ndarray | None:
    """One rating per sentence; None for a document without terms (sumy selects nothing)."""
    dictionary = {stem for words in document.words for stem in rules.content_stems(words)}
    if not dictionary:
        return None
    # sumy counts every word whose stem is a term, stop words included.
    stem = rules.stem
    counts = term_counts(
        [
            [s for s in (stem(w.lower()) for w in words) if s in dictionary]
            for words in document.words
        ]
    ).tocsr()
    rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    present = np.diff(counts.indptr)
    max_tf = np.zeros(counts.shape[0])
    np.maximum.at(max_tf, rows, counts.data)
    smoothed = SMOOTH + (1.0 - SMOOTH) * counts.data / max_tf[rows]
    squares = np.bincount(rows, weights=smoothed**2, minlength=counts.shape[0])
    # A column whose max tf is 0 stays all zeros in sumy (rating 0); the others have
    # SMOOTH in every cell of a term the sentence lacks.
    ratings = np.sqrt((len(dictionary) - present) * SMOOTH**2 + squares)
    ratings[present == 0] = 0.0
    return ratings
