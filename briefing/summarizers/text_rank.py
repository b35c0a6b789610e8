"""TextRank as sumy 0.13 computes it: edge weight = shared word occurrences / (log len_i +
log len_j), rows normalised, damped PageRank power method until the step is at most
`EPSILON`. sumy fills the dense N x N matrix pair by pair; here the graph is never built
(see `SharedWordsGraph`), so a page of one topic, where every pair is connected, costs no
more than a page of many."""

from __future__ import annotations

import numpy as np

from briefing.summarizers.words import Document, SharedWordsGraph, WordRules, term_counts

EPSILON = 1e-4
DAMPING = 0.85
_ZERO_DIVISION_PREVENTION = 1e-7


def pair_weights(lengths: np.ndarray) -> np.ndarray:
    """1 / (log len_i + log len_j); two one-word sentences (norm 0) keep the raw count."""
    with np.errstate(divide="ignore"):
        logs = np.log(lengths)
        norm = logs[:, None] + logs[None, :]
        single_words = np.isclose(norm, 0.0)
        return np.where(single_words, 1.0, 1.0 / np.where(single_words, 1.0, norm))


def scores(document: Document, count: int, rules: WordRules) -> np.ndarray:
    """One score per sentence, in document order (sumy's ratings)."""
    counts = term_counts([rules.content_stems(words) for words in document.words])
    sentences_count = counts.shape[0]
    graph = SharedWordsGraph(counts, pair_weights)
    row_sums = graph.times(np.ones(sentences_count)) + _ZERO_DIVISION_PREVENTION
    # sumy's matrix is dense: (1 - d) / N everywhere plus d * rows-normalised weights; its
    # product with the score vector is the uniform part times sum(scores) plus W (x / rows).
    teleport = (1.0 - DAMPING) / sentences_count
    scores = np.full(sentences_count, 1.0 / sentences_count)
    step = 1.0
    while step > EPSILON:
        next_scores = teleport * scores.sum() + DAMPING * graph.times(scores / row_sums)
        step = np.linalg.norm(next_scores - scores)
        scores = next_scores
    return scores
