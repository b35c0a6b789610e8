"""What the body classifier sees of each paragraph unit: its shape, its function-word density in
the page's language (by characters in Chinese and Japanese), link-like and furniture cues, its
place on the page and how often it recurs, and the same for its neighbours.

Features avoid one renderer's habits: bullets of any glyph count alike, indentation and line
width are gone by the time units are made, and lengths are in words, not characters.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np

from briefing.extract.units import UNITS_KEPT, Unit, is_near_prose, is_prose
from briefing.extract.vocabulary import (
    ARTICLE_END,
    BREADCRUMB,
    CJK_CHAR,
)

DIGIT = re.compile(r"\d")
FIRST_LETTER = re.compile(r"[^\W\d_]")


def _may_be_breadcrumb(text: str) -> bool:
    return ">" in text or "»" in text or "›" in text  # what BREADCRUMB's separator needs


# One row per unit; `context` adds the neighbours' values of the first CONTEXT_FEATURES.
UNIT_FEATURES = (
    "log_words",
    "function_ratio",
    "is_prose",
    "bullet",
    "terminal",
    "near_prose",
    "log_chars",
    "ends_colon",
    "caption",
    "date",
    "capitals",
    "digit_share",
    "comma_rate",
    "upper_case",
    "placeholder",
    "promo",
    "boilerplate",
    "list_label",
    "article_end",
    "repeated",
    "separators",
    "starts_lower",
    "cjk",
    "numbered",
    "words_vs_longest",
    "position",
    "in_rule_region",
    "rule_body",
    "short_1_3",
    "short_4_8",
    "prose_x_function",
)
CONTEXT_FEATURES = 6  # log_words .. near_prose, for neighbours at CONTEXT_OFFSETS
CONTEXT_OFFSETS = (-3, -2, -1, 1, 2, 3)
WINDOWS = (2, 5, 12)  # half-widths of windows over which prose words are summed
FEATURE_NAMES = (
    *UNIT_FEATURES,
    *(
        f"{name}@{offset:+d}"
        for offset in CONTEXT_OFFSETS
        for name in (*UNIT_FEATURES[:CONTEXT_FEATURES], "missing")
    ),
    *(f"prose_share±{width}" for width in WINDOWS),
    "prose_before",
    "prose_after",
    "log_prose_distance",
)


def unit_matrix(
    units: list[Unit], rule_region: tuple[int, int], rule_body: tuple[bool, ...]
) -> np.ndarray:
    """The feature matrix of a page's units, one row each, columns as FEATURE_NAMES."""
    count = len(units)
    if not count:
        return np.zeros((0, len(FEATURE_NAMES)))
    texts = Counter(unit.text for unit in units)
    base = np.array(
        [
            (*row[:REPEATED], texts[unit.text] > 1, *row[REPEATED:])
            for unit in units
            for row in (unit_row(unit),)
        ],
        dtype=float,
    )
    log_words = base[:, 0]
    longest = log_words.max()
    position = np.arange(count) / max(count - 1, 1)
    in_region = np.zeros(count)
    in_region[rule_region[0] : rule_region[1]] = 1.0
    words = np.expm1(log_words)
    base = np.column_stack(
        [
            base,
            log_words - longest,
            position,
            in_region,
            np.array(rule_body, dtype=float),
            (words >= 1) & (words <= 3),
            (words >= 4) & (words <= 8),
            base[:, 2] * base[:, 1],
        ]
    )
    columns = [base]
    padded = np.vstack(
        [
            np.zeros((3, CONTEXT_FEATURES)),
            base[:, :CONTEXT_FEATURES],
            np.zeros((3, CONTEXT_FEATURES)),
        ]
    )
    for offset in CONTEXT_OFFSETS:
        index = np.arange(count) + offset
        missing = ((index < 0) | (index >= count)).astype(float)
        columns.append(padded[index + 3])
        columns.append(missing[:, None])
    prose_words = words * base[:, 2]
    cumulative = np.concatenate([[0.0], np.cumsum(prose_words)])
    all_words = np.concatenate([[0.0], np.cumsum(words)])
    total_prose = cumulative[-1] or 1.0
    for width in WINDOWS:
        low = np.clip(np.arange(count) - width, 0, count)
        high = np.clip(np.arange(count) + width + 1, 0, count)
        window_words = all_words[high] - all_words[low]
        columns.append(
            ((cumulative[high] - cumulative[low]) / np.maximum(window_words, 1))[:, None]
        )
    before = cumulative[:-1] / total_prose
    after = (total_prose - cumulative[1:]) / total_prose
    columns.append(before[:, None])
    columns.append(after[:, None])
    columns.append(np.log1p(_prose_distance(base[:, 2]))[:, None])
    return np.hstack(columns)


REPEATED = UNIT_FEATURES.index("repeated")  # the one column of unit_row's that needs the page


@lru_cache(maxsize=UNITS_KEPT)  # units recur, as `make_unit` says
def unit_row(unit: Unit) -> tuple[float, ...]:
    """The unit's own columns of UNIT_FEATURES, up to "numbered", without "repeated"."""
    text = unit.text
    word_count = unit.words
    cjk = len(CJK_CHAR.findall(text)) if CJK_CHAR.search(text) else 0
    letters = len(text) - text.count(" ") or 1
    first = FIRST_LETTER.search(text)
    return (
        math.log1p(word_count),
        unit.stop_ratio,
        float(is_prose(unit)),
        float(unit.bullet),
        float(unit.terminal),
        float(is_near_prose(unit)),
        math.log1p(len(text)),
        float(text.endswith(":")),
        float(unit.caption),
        float(unit.date),
        unit.capitals,
        len(DIGIT.findall(text)) / letters,
        (text.count(",") + text.count("，") + text.count("、")) / max(word_count, 1),
        float(text.isupper()),
        float(unit.placeholder),
        float(unit.promo),
        float(unit.boilerplate),
        float(unit.link_label),
        float(bool(ARTICLE_END.match(text))),
        float("|" in text or (_may_be_breadcrumb(text) and bool(BREADCRUMB.search(text)))),
        float(bool(first) and first.group().islower()),
        float(cjk > word_count),
        float(unit.bullet and text[:1].isdigit()),  # "1. ...": steps and points, not links
    )


def _prose_distance(prose: np.ndarray) -> np.ndarray:
    """Units from each unit to the nearest prose unit (0 on prose; the page length if none)."""
    count = len(prose)
    index = np.arange(count)
    # the last prose unit at or before each unit (-count: none), the next at or after (2 count)
    last = np.maximum.accumulate(np.where(prose != 0, index, -count))
    following = np.minimum.accumulate(np.where(prose != 0, index, 2 * count)[::-1])[::-1]
    return np.minimum(index - last, following - index).astype(float)


# The second pass reads the first pass's probabilities along the page: a unit among likely
# article text, or where the page's likeliest text is, is judged with what the whole page says.
PROBABILITY_OFFSETS = (-3, -2, -1, 1, 2, 3)
PROBABILITY_WINDOWS = (2, 5, 12)  # half-widths of word-weighted means of the probabilities
LIKELY = 0.5  # a first-pass probability above this: likely article text
SECOND_PASS_NAMES = (
    "first_pass",
    *(f"first_pass@{offset:+d}" for offset in PROBABILITY_OFFSETS),
    *(f"first_pass±{width}" for width in PROBABILITY_WINDOWS),
    "page_most_likely",
    "page_mean",
    "below_page_most_likely",
    "likelier_share",
    "likely_before",
    "likely_after",
    "log_likely_distance",
    "inside_likely_span",
)


def second_pass_columns(probabilities: np.ndarray, log_words: np.ndarray) -> np.ndarray:
    """Columns SECOND_PASS_NAMES of a page's units from the first pass's probabilities (page
    order) and the units' log word counts."""
    count = len(probabilities)
    if not count:
        return np.zeros((0, len(SECOND_PASS_NAMES)))
    words = np.expm1(log_words)
    padded = np.concatenate([np.zeros(3), probabilities, np.zeros(3)])
    index = np.arange(count)
    columns = [probabilities, *(padded[index + offset + 3] for offset in PROBABILITY_OFFSETS)]
    weighted = np.concatenate([[0.0], np.cumsum(probabilities * (words + 1))])
    weight = np.concatenate([[0.0], np.cumsum(words + 1)])
    for width in PROBABILITY_WINDOWS:
        low, high = np.clip(index - width, 0, count), np.clip(index + width + 1, 0, count)
        columns.append((weighted[high] - weighted[low]) / (weight[high] - weight[low]))
    most_likely = probabilities.max()
    likely = probabilities > LIKELY
    likely_words = np.concatenate([[0.0], np.cumsum(words * likely)])
    total = likely_words[-1] or 1.0
    order = np.sort(probabilities)
    likely_at = np.flatnonzero(likely)
    inside = np.zeros(count)
    if len(likely_at):
        inside[likely_at[0] : likely_at[-1] + 1] = 1.0
    columns += [
        np.full(count, most_likely),
        np.full(count, weighted[-1] / weight[-1]),
        most_likely - probabilities,
        (count - np.searchsorted(order, probabilities, side="right")) / count,
        likely_words[:-1] / total,
        (total - likely_words[1:]) / total if likely_words[-1] else np.zeros(count),
        np.log1p(_prose_distance(likely)),
        inside,
    ]
    return np.column_stack(columns)
