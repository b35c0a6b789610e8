"""KL-Sum as sumy 0.13 runs it: repeatedly take the sentence that, joined to the summary so
far, leaves the smallest KL divergence from the document's word distribution.

sumy rebuilds the joint distribution of every remaining sentence with the summary at every
step, until every sentence is taken: cubic (81 s at 500 sentences, about a day at 5,000).
Here a step scores every sentence at once from a sparse count matrix, and only the `count`
steps that decide the selection are run. Divergences that tie up to rounding are
recomputed in sumy's own order, so the pick is sumy's to the last bit.

sumy's quirks are kept, since they decide its picks: words are not stemmed; the document's
distribution drops stop words before lower-casing them (so "The" counts, "the" does not);
the summary joins the chosen sentences' raw words, stop words and case included.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
from scipy import sparse

from briefing.summarizers.words import Document, GreedyRatings, WordRules

_TIE_TOLERANCE = 1e-9


def scores(document: Document, count: int, rules: WordRules) -> np.ndarray:
    sentences, stops = document.words, rules.stop_words
    frequency = Counter(w.lower() for words in sentences for w in words if w not in stops)
    total = sum(frequency.values())
    doc_freq = {w: f / total for w, f in frequency.items()}
    content = [[w for w in map(str.lower, words) if w not in stops] for words in sentences]

    vocabulary: dict[str, int] = {}
    for words in sentences:
        for w in words:
            vocabulary.setdefault(w, len(vocabulary))
            vocabulary.setdefault(w.lower(), len(vocabulary))
    probability = np.zeros(len(vocabulary))
    for w, f in doc_freq.items():
        probability[vocabulary[w]] = f
    rows = [vocabulary[w] for words in content for w in words]
    indptr = np.cumsum([0] + [len(words) for words in content])
    counts = sparse.csr_matrix(
        (np.ones(len(rows)), np.array(rows, dtype=np.int64), indptr),
        shape=(len(sentences), len(vocabulary)),
    )
    counts.sum_duplicates()
    entry_rows = np.repeat(np.arange(len(sentences)), np.diff(counts.indptr))
    entry_p = probability[counts.indices]
    lengths = np.array([len(words) for words in content], dtype=float)

    summary = np.zeros(len(vocabulary))
    summary_words: list[str] = []
    remaining = np.ones(len(sentences), dtype=bool)
    ratings = GreedyRatings(document.texts)
    while not ratings.decided(count):
        divergence = _divergences(
            counts, entry_rows, entry_p, probability, summary, lengths + len(summary_words)
        )
        divergence[~remaining] = np.inf
        best = divergence.min()
        close = np.flatnonzero(divergence <= best + _TIE_TOLERANCE * max(1.0, abs(best)))
        if len(close) > 1:
            exact = [_sumy_divergence(content[i], summary_words, doc_freq) for i in close]
            best_index = close[exact.index(min(exact))]
        else:
            best_index = close[0]
        ratings.take(int(best_index))
        remaining[best_index] = False
        summary_words.extend(sentences[best_index])
        for w in sentences[best_index]:
            summary[vocabulary[w]] += 1
    return ratings.scores()


def _divergences(
    counts: sparse.csr_matrix,
    entry_rows: np.ndarray,
    entry_p: np.ndarray,
    probability: np.ndarray,
    summary: np.ndarray,
    joint_lengths: np.ndarray,
) -> np.ndarray:
    """KL(document || sentence + summary) for every sentence: sum over the joint's words
    with a document probability p of p log(p / joint)."""
    in_summary = (summary > 0) & (probability > 0)
    p_s, s_s = probability[in_summary], summary[in_summary]
    base = np.sum(p_s * (np.log(p_s) - np.log(s_s)))
    mass = np.full(len(joint_lengths), p_s.sum())
    shared = summary[counts.indices]
    c = counts.data
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.where(
            shared > 0,
            entry_p * (np.log(shared) - np.log(c + shared)),
            entry_p * (np.log(entry_p) - np.log(c)),
        )
    delta[entry_p == 0] = 0.0
    extra = np.where((shared == 0) & (entry_p > 0), entry_p, 0.0)
    per_sentence = np.bincount(entry_rows, weights=delta, minlength=len(joint_lengths))
    mass += np.bincount(entry_rows, weights=extra, minlength=len(joint_lengths))
    with np.errstate(divide="ignore", invalid="ignore"):
        result = base + per_sentence + np.log(joint_lengths) * mass
    result[joint_lengths == 0] = 0.0  # an empty joint distribution: sumy's sum is 0
    return result


def _sumy_divergence(words: list[str], summary: list[str], doc_freq: dict[str, float]) -> float:
    """sumy's `_joint_freq` and `_kl_divergence`, in its order of summation."""
    joint = dict(Counter(words))
    for w, f in Counter(summary).items():
        joint[w] = joint.get(w, 0) + f
    total = float(len(words) + len(summary))
    value = 0
    for w, f in joint.items():
        frequency = doc_freq.get(w)
        if frequency:
            value += frequency * math.log(frequency / (f / total))
    return value
