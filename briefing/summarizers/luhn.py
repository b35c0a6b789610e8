"""Luhn as sumy 0.13 rates sentences: significant words are the stems seen more than once
in the document; a sentence rates as its best chunk of significant words (gaps of at most
`MAX_GAP_SIZE` other words), significant**2 / chunk length.

The same loop as sumy's; sumy tests each word against a tuple of every significant stem,
which is quadratic in the document's length; here the stems are a set.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from briefing.summarizers.words import Document, WordRules

MAX_GAP_SIZE = 4


def scores(document: Document, count: int, rules: WordRules) -> np.ndarray:
    frequency = Counter(
        stem.lower() for words in document.words for stem in rules.content_stems(words)
    )
    significant = {stem for stem, seen in frequency.items() if seen > 1}
    stem = rules.stem
    return np.array(
        [_rating([stem(w.lower()) in significant for w in words]) for words in document.words],
        dtype=float,
    )


def _rating(significant: Sequence[bool]) -> float:
    """sumy's `rate_sentence` over the words' significance flags."""
    chunks: list[list[int]] = []
    in_chunk = False
    for flag in significant:
        if flag and not in_chunk:
            in_chunk = True
            chunks.append([1])
        elif in_chunk:
            chunks[-1].append(int(flag))
        if chunks and chunks[-1][-MAX_GAP_SIZE:] == [0] * MAX_GAP_SIZE:
            in_chunk = False
    return max((_chunk_rating(chunk) for chunk in chunks), default=0)


def _chunk_rating(chunk: list[int]) -> float:
    while chunk and chunk[-1] == 0:
        chunk = chunk[:-1]
    significant_words = sum(chunk)
    return 0 if significant_words == 1 else significant_words**2 / len(chunk)
