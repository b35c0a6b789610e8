"""SumBasic as sumy 0.13 runs it: repeatedly take the sentence whose content words have the
highest mean probability, then square the probability of each word it used (once per
occurrence).

sumy rescans every sentence's words in Python at every step, and runs until every sentence
is taken (quadratic: 14 s at 5,000 sentences). Here a step is one sparse product, and only
the `count` steps that decide the selection are run. Means that tie up to rounding are
recomputed in sumy's own order, so the pick is sumy's to the last bit.
"""

from __future__ import annotations

import numpy as np

from briefing.summarizers.words import Document, GreedyRatings, WordRules, term_counts

# Candidates this close to the best mean are recomputed exactly as sumy sums them.
_TIE_TOLERANCE = 1e-9


def scores(document: Document, count: int, rules: WordRules) -> np.ndarray:
    sentences = document.words
    stemmed = [rules.content_stems(words) for words in sentences]
    counts = term_counts(stemmed).tocsr()
    vocabulary: dict[str, int] = {}
    for stems in stemmed:  # the same column order as term_counts
        for s in stems:
            vocabulary.setdefault(s, len(vocabulary))
    total = sum(len(stems) for stems in stemmed)
    probability = np.asarray(counts.sum(axis=0)).ravel() / total if total else np.zeros(0)
    lengths = np.array([len(stems) for stems in stemmed], dtype=float)
    remaining = np.ones(len(sentences), dtype=bool)
    ratings = GreedyRatings(document.texts)
    while not ratings.decided(count):
        with np.errstate(invalid="ignore", divide="ignore"):
            means = np.where(lengths > 0, (counts @ probability) / lengths, 0.0)
        means[~remaining] = -np.inf
        best = means.max()
        close = np.flatnonzero(means >= best - _TIE_TOLERANCE * max(1.0, abs(best)))
        if len(close) > 1:
            best_index, best_mean = close[0], -1.0
            for i in close:  # sumy's sum, in sumy's order; the first strict maximum wins
                words = stemmed[i]
                mean = sum([probability[vocabulary[w]] for w in words]) / len(words) if words else 0
                if mean > best_mean:
                    best_index, best_mean = i, mean
        else:
            best_index = close[0]
        ratings.take(int(best_index))
        remaining[best_index] = False
        for w in stemmed[best_index]:
            probability[vocabulary[w]] *= probability[vocabulary[w]]
    return ratings.scores()
