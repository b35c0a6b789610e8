"""A sentence's words (runs of word characters), split once in a worker for every reader:
date resolution and time phrases (which screen them for the words a date may open with),
report words, restatements and copy keys."""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"\w+")


# Annotation reads an article's sentences (dates), then the model's per-article work reads
# them again (time phrases, report words, restatements, copy keys): an article's worth of
# sentences remembered, each is split once.
@lru_cache(maxsize=4_096)
def sentence_words(text: str) -> tuple[str, ...]:
    """The `WORD`s of a sentence, in order."""
    return tuple(WORD.findall(text))
