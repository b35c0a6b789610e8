"""How alike two sentences' words mean, by static word vectors (`word_vectors`):
"strike" and "attack", "capital" and "Kyiv". Exact integer sums, so that the pairs
scored all at once (`corroborate.pairs`) get the very floats one pair gets here."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from briefing.model.words import word_vectors


def meanings(plain_a: frozenset[str], plain_b: frozenset[str]) -> dict[str, float]:
    """The cosine of the sums of two sentences' plain words' vectors. (The cosine of the
    words each gives and the other does not was tried too: the fit gave it no weight.)"""
    sum_a, sum_b = vector_sum(plain_a), vector_sum(plain_b)
    return {"meaning": cosine(int(sum_a @ sum_b), int(sum_a @ sum_a), int(sum_b @ sum_b))}


# Asked for each of a sentence's few candidates in a row (as `sentence_senses`).
@lru_cache(maxsize=4_096)
def vector_sum(words: frozenset[str]) -> Any:
    """The sum of the words' `word_vectors` (those that have one), as int64."""
    table = word_vectors()
    rows = [table.rows[w] for w in words if w in table.rows]
    return table.vectors[rows].sum(axis=0)


def cosine(dot: int, square_a: int, square_b: int) -> float:
    """The cosine of two vectors from their dot product and squared lengths (0 for a
    vector of no length), in the floating-point steps `corroborate.pairs` takes."""
    if not square_a or not square_b:
        return 0.0
    return dot / (math.sqrt(square_a) * math.sqrt(square_b))
