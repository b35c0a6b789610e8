"""English words' WordNet senses by stem, read by more than one stage: report comparison
matches rewordings through them and page metadata tells a common word from a name."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def word_senses() -> dict[str, frozenset[str]]:
    """Stem -> the WordNet senses it may share with other stems (data/word_senses.txt,
    built by benchmarks/build_senses.py): "besieg" and "attack" share one. A sense is its
    number as written: senses are only compared, and turning the file's 45,000 numbers
    into integers was most of reading it (every cold run reads it)."""
    text = resources.files("briefing").joinpath("data/word_senses.txt").read_text("utf-8")
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            stem, *senses = line.split()
            table[stem] = frozenset(senses)
    return table
