"""How alike two sentences' words mean, by static word vectors (`word_vectors`):
"strike" and "attack", "capital" and "Kyiv". Exact integer sums, so that the pairs
scored all at once (`corroborate.pairs`) get the very floats one pair gets here."""

from __future__ import annotations

import math
from functools import cache, lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from briefing.model.words import word_vectors

# A word's best match among another sentence's words, in steps of 1 / MATCH_STEPS of a
# cosine: whole numbers, so that weighted sums of matches are exact in any order.
MATCH_STEPS = 1024


def meanings(plain_a: frozenset[str], plain_b: frozenset[str]) -> dict[str, float]:
    """ "meaning": the cosine of the sums of two sentences' plain words' vectors (the
    cosine of the words each gives and the other does not was tried too: the fit gave it
    no weight). "matched": `matched_share` of each, averaged; "matched_most": the larger."""
    sum_a, sum_b = vector_sum(plain_a), vector_sum(plain_b)
    rows_a, rows_b = vector_rows(plain_a), vector_rows(plain_b)
    only_a, only_b = sorted(rows_a - rows_b), sorted(rows_b - rows_a)
    best_a, best_b = best_matches(
        np.array(only_a, dtype=np.int64), np.array(only_b, dtype=np.int64)
    )
    weight = _weights()
    shared = sum(weight[r] for r in rows_a & rows_b) * MATCH_STEPS
    told_a = sum(weight[r] * m for r, m in zip(only_a, best_a.tolist(), strict=True))
    told_b = sum(weight[r] * m for r, m in zip(only_b, best_b.tolist(), strict=True))
    side_a, side_b = matched_share(shared + told_a, rows_a), matched_share(shared + told_b, rows_b)
    return {
        "meaning": cosine(int(sum_a @ sum_b), int(sum_a @ sum_a), int(sum_b @ sum_b)),
        "matched": (side_a + side_b) / 2,
        # A short sentence the longer one tells whole.
        "matched_most": max(side_a, side_b),
    }


def matched_share(matched: int, rows: frozenset[int]) -> float:
    """The share of a sentence's words (`rows`, by weight) the other sentence means too:
    a word it has too counts whole, another by the cosine of its best match there (a
    BERTScore with static vectors: "killed" finds "died", "capital" "Kyiv")."""
    weight = _weights()
    total = sum(weight[r] for r in rows) * MATCH_STEPS
    return matched / total if total else 0.0


@cache
def _weights() -> list[int]:
    """`WordVectors.weights` as Python integers (a pair's few are added one by one)."""
    return word_vectors().weights.tolist()


# Asked for each of a sentence's few candidates in a row (as `sentence_senses`).
@lru_cache(maxsize=4_096)
def vector_rows(words: frozenset[str]) -> frozenset[int]:
    """The `word_vectors` rows of the words that have one."""
    rows = word_vectors().rows
    return frozenset(rows[w] for w in words if w in rows)


def best_matches(
    only_a: NDArray[np.int64], only_b: NDArray[np.int64]
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """For each word (vector row) one sentence gives and the other does not, the best
    `match_steps` with one of the other's such words (0 when it has none)."""
    if not len(only_a) or not len(only_b):
        return np.zeros(len(only_a), dtype=np.int64), np.zeros(len(only_b), dtype=np.int64)
    table = word_vectors()
    steps = match_steps(
        table.vectors[only_a] @ table.vectors[only_b].T,
        table.squares[only_a][:, None],
        table.squares[only_b][None, :],
    )
    return steps.max(axis=1), steps.max(axis=0)


def match_steps(dots: NDArray[np.int64], squares_a: NDArray, squares_b: NDArray) -> NDArray:
    """Cosines from exact dot products and squared lengths, in whole MATCH_STEPS (none
    below 0): the same integers whatever the arrays' shapes."""
    cosines = dots / (np.sqrt(squares_a) * np.sqrt(squares_b))
    return np.maximum(np.rint(cosines * MATCH_STEPS), 0).astype(np.int64)


# Asked for each of a sentence's few candidates in a row (as `sentence_senses`).
@lru_cache(maxsize=4_096)
def vector_sum(words: frozenset[str]) -> Any:
    """The sum of the words' `word_vectors` (those that have one), as int64."""
    return word_vectors().vectors[sorted(vector_rows(words))].sum(axis=0)


def cosine(dot: int, square_a: int, square_b: int) -> float:
    """The cosine of two vectors from their dot product and squared lengths (0 for a
    vector of no length), in the floating-point steps `corroborate.pairs` takes."""
    if not square_a or not square_b:
        return 0.0
    return dot / (math.sqrt(square_a) * math.sqrt(square_b))
