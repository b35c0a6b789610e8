"""Reduction as sumy 0.13 rates sentences: a sentence's rating is the sum, over every other
sentence, of their shared word occurrences / (log len_i + log len_j), 0 where that norm is
0. sumy loops over all pairs and all word pairs in Python (138 s at 5,000 sentences); here
the sum is taken without building the graph (see `SharedWordsGraph`)."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from briefing.summarizers.words import Document, SharedWordsGraph, WordRules, term_counts


def pair_weights(lengths: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore"):
        logs = np.log(lengths)
        norm = logs[:, None] + logs[None, :]
        return np.divide(1.0, norm, out=np.zeros_like(norm), where=norm != 0)


def scores(document: Document, count: int, rules: WordRules) -> np.ndarray:
    counts = term_counts([rules.content_stems(words) for words in document.words])
    graph = SharedWordsGraph(counts, pair_weights)
    ratings = graph.times(np.ones(counts.shape[0])) - graph.diagonal()
    # sumy adds every copy of a repeated sentence's edges to the one rating of its text.
    by_text: dict[str, float] = defaultdict(float)
    for text, rating in zip(document.texts, ratings.tolist(), strict=True):
        by_text[text] += rating
    return np.array([by_text[text] for text in document.texts])
