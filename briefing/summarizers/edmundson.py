"""Edmundson as sumy 0.13 rates sentences with the weights we use (cue 1, key 0, title 1,
location 1), for a document of one paragraph without headings, which is what we give it:

- cue: bonus words minus stigma words among the sentence's stemmed words;
- title: words shared with the headings; there are none, so 0;
- location: 1 for being in the first paragraph (the only one), plus 1 for being its first
  sentence or, failing that, its last.

sumy stems every word once per method through its own wrappers (seconds at 5,000
sentences) and imports NLTK; this is one pass, exactly its arithmetic.
"""

from __future__ import annotations

import numpy as np

from briefing.summarizers.words import Document, WordRules

# Edmundson's cue method wants words that mark a sentence as worth keeping
# (events, numbers of people) and words that mark it as weak (hedges, asides).
BONUS_WORDS = """killed captured seized took attacked launched destroyed advanced fell
    withdrew announced agreed signed sent deployed struck bombed fled closed met meet control
    offensive ceasefire dead wounded""".split()
STIGMA_WORDS = """may might could perhaps reportedly allegedly unclear likely meanwhile
    however also""".split()


def scores(document: Document, count: int, rules: WordRules) -> np.ndarray:
    stem = rules.stem
    bonus = {stem(w.lower()) for w in BONUS_WORDS}
    stigma = {stem(w.lower()) for w in STIGMA_WORDS}
    last = len(document.words) - 1
    ratings = []
    for order, words in enumerate(document.words):
        stems = [stem(w.lower()) for w in words]
        cue = sum(s in bonus for s in stems) - sum(s in stigma for s in stems)
        location = 1 + (1 if order == 0 or order == last else 0)
        ratings.append(cue + location)
    return np.array(ratings, dtype=float)
