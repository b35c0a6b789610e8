"""Stage 4: extractive summaries over sentences we have already split.

The algorithms are sumy 0.13's, reimplemented in `briefing.summarizers` so that they scale
to thousands of sentences per actor and need no NLTK (see that package); words come from our
tokenizer, as sumy's own would need NLTK's punkt data.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import TYPE_CHECKING

from briefing.annotate.sentences import SentenceTokenizer
from briefing.options import SUMMARIZERS

if TYPE_CHECKING:
    from briefing.summarizers.words import WordRules

LANGUAGE = "english"


def _module_name(summarizer: str) -> str:
    if summarizer not in SUMMARIZERS:
        raise ValueError(
            f"unknown summarizer {summarizer!r}; choose one of {', '.join(SUMMARIZERS)}"
        )
    return f"briefing.summarizers.{summarizer.replace('-', '_')}"


def select_sentences(
    texts: Sequence[str], summarizer: str, count: int, rules: WordRules | None = None
) -> list[int]:
    """Indices of the `count` sentences the summarizer ranks best, in input order."""
    # Imported on first use, like the algorithm: a warm start loads the finished briefing
    # from the cache and should not pay for numpy and scipy.
    import numpy as np

    from briefing.summarizers.words import (
        RATING_DECIMALS,
        Document,
        best_sentences,
        english_rules,
    )

    module = import_module(_module_name(summarizer))
    if count <= 0 or not texts:
        return []
    if len(texts) <= count:
        return list(range(len(texts)))
    stripped = [text.strip() for text in texts]  # as sumy's Sentence keeps them
    to_words = SentenceTokenizer().to_words
    document = Document(tuple(stripped), tuple(to_words(t) for t in stripped))
    ratings = module.scores(document, count, rules or english_rules())
    if ratings is None:
        return []
    chosen = best_sentences(stripped, np.round(ratings, RATING_DECIMALS).tolist(), count)
    # sumy compares sentences by text; map each pick to its first occurrence.
    position: dict[str, int] = {}
    for i, text in enumerate(stripped):
        position.setdefault(text, i)
    return sorted({position[stripped[i]] for i in chosen})
