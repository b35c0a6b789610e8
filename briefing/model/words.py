"""The model's word lists, read from data/ (files users and tuning can change, not code)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from briefing.annotate.phrase_index import fold


def _lines(name: str) -> list[str]:
    text = resources.files("briefing.model").joinpath(f"data/{name}").read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def event_verbs() -> frozenset[str]:
    """Every written form of the verbs that report an event, lower-case."""
    return frozenset(word for line in _lines("event_verbs.txt") for word in line.split())


@cache
def caption_verbs() -> dict[str, frozenset[str]]:
    """Kind -> the verbs a photo's caption tells its people doing: "progressive" after
    "is"/"are" ("are sitting", "is seen"), "present" in the simple present ("sit near a
    wall")."""
    verbs: dict[str, set[str]] = {}
    for line in _lines("caption_verbs.txt"):
        kind, *words = line.split()
        verbs.setdefault(kind, set()).update(words)
    return {kind: frozenset(words) for kind, words in verbs.items()}


@cache
def rewrites() -> dict[str, str]:
    """Word (as written, lower-case, or its Snowball stem) -> the first word of its
    group: words outlets swap when rewording a report."""
    from briefing.stemming import stemmer

    stem = stemmer()
    groups = [line.split() for line in _lines("rewrites.txt")]
    swaps = {stem(word): group[0] for group in groups for word in group}
    swaps.update((word, group[0]) for group in groups for word in group)
    return swaps


@cache
def contrary_events() -> dict[str, frozenset[str]]:
    """Event (as compared: the first word of its rewrites group) -> the events that say
    the contrary: two sentences reporting one and the other are two reports."""
    swaps = rewrites()
    contrary: dict[str, set[str]] = {}
    for line in _lines("contrary_events.txt"):
        first, second = (swaps.get(word, word) for word in line.split())
        contrary.setdefault(first, set()).add(second)
        contrary.setdefault(second, set()).add(first)
    return {event: frozenset(others) for event, others in contrary.items()}


@cache
def number_words() -> tuple[dict[str, float], dict[str, float]]:
    """(number word -> its value, scale word -> its factor), lower-case: "twenty" -> 20,
    "thousand" -> 1000."""
    values: dict[str, float] = {}
    scales: dict[str, float] = {}
    for line in _lines("number_words.txt"):
        kind, word, value = line.split()
        (scales if kind == "scale" else values)[word] = float(value)
    return values, scales


@cache
def event_nouns() -> dict[str, tuple[str, ...]]:
    """Kind ("attack", "other") -> the nouns naming such an event, lower-case, in the
    file's order (a space inside one: any spacing)."""
    nouns: dict[str, list[str]] = {}
    for line in _lines("event_nouns.txt"):
        kind, noun = line.split(maxsplit=1)
        nouns.setdefault(kind, []).append(noun)
    return {kind: tuple(found) for kind, found in nouns.items()}


def nouns_pattern(nouns: Sequence[str]) -> str:
    """A pattern of any of `nouns` (any spacing inside one), or its plural, ending a word."""
    written = (r"\s+".join(map(re.escape, noun.split())) for noun in nouns)
    return rf"(?:{'|'.join(written)})s?\b"


@dataclass(frozen=True)
class ReportWeights:
    """The learned score of two sentences carrying one report (logistic)."""

    bias: float
    weights: dict[str, float]  # feature name -> weight
    threshold: float  # the score from which two sentences are one report
    # The score from which two sentences whose neighbours are one report are one too
    # (1.0: none are).
    aligned_threshold: float = 1.0
    # The score from which a pair joins two groups whose members score that much on
    # average (1.0: none do).
    linked_threshold: float = 1.0


@cache
def report_weights() -> ReportWeights:
    """The report score's weights, fitted by benchmarks/fit_reports.py on dev stories."""
    path = resources.files("briefing.model").joinpath("data/report_weights.json")
    data = json.loads(path.read_text("utf-8"))
    return ReportWeights(
        data["bias"],
        dict(data["weights"]),
        data["threshold"],
        data.get("aligned_threshold", 1.0),
        data.get("linked_threshold", 1.0),
    )


_WORD = re.compile(r"\w+")


def names_an_event_verb(text: str) -> bool:
    """Whether an event verb stands in `text` as a whole word, in any case: what a search
    for any of them between word boundaries, ignoring case, finds (word by word, looked up:
    an alternation of them all, tried at every word, cost as much as the rest of judging
    a line's background)."""
    return not event_verbs().isdisjoint(_WORD.findall(fold(text)))
