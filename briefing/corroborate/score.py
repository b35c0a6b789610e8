"""The learned report score of two sentences, and what rules a pair out whatever it scores
(a clash of days, a contradiction).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from briefing.corroborate.features import (
    NO_DAYS,
    SMALL_COUNT,
    counts_agree,
    number_tokens,
    pair_features,
)
from briefing.corroborate.tokens import WORD
from briefing.corroborate.words import ReportWords, report_words
from briefing.model.words import (
    ReportWeights,
    contrary_events,
    report_weights,
)


def clash(dates_a: frozenset[str], dates_b: frozenset[str]) -> bool:
    """Whether two sentences (their `ReportWords.dates`) cannot carry one report whatever
    their words: they name different days of the month. (Different counts can: a toll
    updated within the day is one report.)"""
    days_a = {d for d in dates_a if d.startswith("d:")}
    days_b = {d for d in dates_b if d.startswith("d:")}
    return bool(days_a and days_b and not days_a & days_b)


def report_score(
    wa: ReportWords,
    wb: ReportWords,
    weights: ReportWeights | None = None,
    told_a: frozenset[str] = NO_DAYS,
    told_b: frozenset[str] = NO_DAYS,
    news_a: frozenset[str] = NO_DAYS,
    news_b: frozenset[str] = NO_DAYS,
) -> float:
    """How likely two sentences carry one report, 0-1: a logistic model over
    `pair_features`, fitted on labelled pairs of dev stories (benchmarks/fit_reports.py)."""
    features = pair_features(wa, wb, told_a, told_b, news_a, news_b)
    return logistic(report_sum(features, weights or report_weights()))


def report_sum(features: Mapping[str, Any], weights: ReportWeights) -> Any:
    """The learned model's weighted sum of `pair_features`: of one pair's floats, or of
    many pairs' at once, as arrays (`pairs`), adding in the same order."""
    return weights.bias + sum(weights.weights[name] * value for name, value in features.items())


def logistic(z: float) -> float:
    """The report score of a `report_sum`."""
    return 1.0 / (1.0 + math.exp(-z))


def same_report(a: str, b: str) -> bool:
    """Whether two sentences carry the same report.

    They are compared on what they report, not on word order: content words (with the
    words outlets swap in a rewrite counted as one), names, counts (rounded counts agree
    with exact ones), days and event verbs, through a score learned on labelled pairs.
    Two sentences giving different counts, reporting different events ("seized"
    against "repelled") or different days score low, however alike their words.
    """
    if WORD.findall(a.lower()) == WORD.findall(b.lower()):
        return True  # a copy
    wa, wb = report_words(a), report_words(b)
    if not wa.words or not wb.words:
        return False
    return comparable(wa, wb) and report_score(wa, wb) >= report_weights().threshold


def comparable(wa: ReportWords, wb: ReportWords) -> bool:
    """Whether two sentences may carry one report at all. Names alone ("Iran",
    "Hezbollah", "Assad") recur through a whole story: two sentences of one report share
    something of what happened too. And they must not contradict each other."""
    return bool((wa.words & wb.words) - wa.names - number_tokens(wa)) and not _contradict(wa, wb)


def _contradict(wa: ReportWords, wb: ReportWords) -> bool:
    """Two sentences that cannot be one report, however alike: other counts on another
    weekday ("40 killed on Thursday", "25 killed on Friday"), two or more counts each and
    none the same ("42 of 61 drones", "35 of 50"), another weekday in another place
    ("arrived in Damascus on Sunday", "in Ankara on Monday"), or contrary events
    ("seized" against "repelled"). A different count alone does not part them (a toll
    updated within the day), nor another weekday alone (one outlet dates the attack,
    another the announcement)."""
    counts_a = {x for x in wa.numbers if x > SMALL_COUNT}
    counts_b = {x for x in wb.numbers if x > SMALL_COUNT}
    counts_differ = bool(
        counts_a and counts_b and not any(counts_agree(x, y) for x in counts_a for y in counts_b)
    )
    weekdays_a = {d for d in wa.dates if d.startswith("wd:")}
    weekdays_b = {d for d in wb.dates if d.startswith("wd:")}
    weekdays_differ = bool(weekdays_a and weekdays_b and not weekdays_a & weekdays_b)
    if counts_differ and (weekdays_differ or (len(counts_a) >= 2 and len(counts_b) >= 2)):
        return True
    if weekdays_differ and wa.names - wb.names and wb.names - wa.names:
        return True
    contrary = contrary_events()
    return any(contrary.get(event, frozenset()) & wb.events for event in wa.events)
