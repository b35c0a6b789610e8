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
from collections.abc import Iterable
from itertools import repeat
from operator import attrgetter, gt, methodcaller, sub, truediv

import numpy as np

from briefing.extract.units import Unit
from briefing.extract.vocabulary import (
    BREADCRUMB,
    CJK_CHAR,
    is_article_end,
    may_be_breadcrumb,
)

DIGIT = re.compile(r"\d")
FIRST_LETTER = re.compile(r"[^\W\d_]")


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
    base = _unit_columns(units)
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
        # each window's ends within the page (np.clip costs several times a bound's ufunc)
        low = np.maximum(np.arange(count) - width, 0)
        high = np.minimum(np.arange(count) + width + 1, count)
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


# The units' own columns that are fields of theirs: read a column at a time (maps run in C).
_NUMBER_FIELDS = {"function_ratio": "stop_ratio", "capitals": "capitals"}
_FLAG_FIELDS = {
    "is_prose": "prose",
    "bullet": "bullet",
    "terminal": "terminal",
    "near_prose": "near_prose",
    "caption": "caption",
    "date": "date",
    "placeholder": "placeholder",
    "promo": "promo",
    "boilerplate": "boilerplate",
    "list_label": "link_label",
}
_UNIT_COLUMNS = UNIT_FEATURES.index("words_vs_longest")  # the rest need the page's numbers


def _unit_columns(units: list[Unit]) -> np.ndarray:
    """UNIT_FEATURES up to "numbered" (a unit's own, and whether the page repeats it), a row
    per unit: each column computed for every unit at once, text searches skipped on pages
    without a character they need."""
    count = len(units)
    texts = [unit.text for unit in units]
    page = "\n".join(texts)  # one search tells whether any unit holds a character
    word_counts = [unit.words for unit in units]
    columns = np.empty((count, _UNIT_COLUMNS))

    def numbers(name: str, values: Iterable[float]) -> None:
        columns[:, UNIT_FEATURES.index(name)] = np.fromiter(values, float, count)

    def flags(name: str, values: Iterable[bool] | None) -> None:
        # bools as bytes: far cheaper to turn into an array than Python floats
        column = UNIT_FEATURES.index(name)
        columns[:, column] = 0.0 if values is None else np.frombuffer(bytes(values), np.uint8)

    numbers("log_words", map(math.log1p, word_counts))
    for name, field in _NUMBER_FIELDS.items():
        numbers(name, map(attrgetter(field), units))
    for name, field in _FLAG_FIELDS.items():
        flags(name, map(attrgetter(field), units))
    numbers("log_chars", map(math.log1p, map(len, texts)))
    flags("ends_colon", map(methodcaller("endswith", ":"), texts))
    # digits over the characters that are not spaces (1 at least), mapped in C
    numbers(
        "digit_share",
        map(
            truediv,
            map(len, map(DIGIT.findall, texts)),
            map(max, map(sub, map(len, texts), map(methodcaller("count", " "), texts)), repeat(1)),
        )
        if DIGIT.search(page)
        else repeat(0.0, count),
    )
    commas = map(methodcaller("count", ","), texts)
    if "，" in page or "、" in page:
        commas = (text.count(",") + text.count("，") + text.count("、") for text in texts)
    numbers("comma_rate", map(truediv, commas, map(max, word_counts, repeat(1))))
    flags("upper_case", map(str.isupper, texts))
    flags("article_end", map(is_article_end, texts))
    copies = Counter(texts)
    flags("repeated", (copies[text] > 1 for text in texts))
    flags(
        "separators",
        (
            "|" in text or (may_be_breadcrumb(text) and BREADCRUMB.search(text) is not None)
            for text in texts
        )
        if "|" in page or may_be_breadcrumb(page)
        else None,
    )
    flags("starts_lower", map(_starts_lower, texts))
    flags(
        "cjk",
        map(gt, map(len, map(CJK_CHAR.findall, texts)), word_counts)
        if CJK_CHAR.search(page)
        else None,
    )
    # "1. ...": steps and points, not links
    flags("numbered", (unit.bullet and unit.text[:1].isdigit() for unit in units))
    return columns


def _starts_lower(text: str) -> bool:
    first = FIRST_LETTER.search(text)
    return first is not None and first.group().islower()


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
        low, high = np.maximum(index - width, 0), np.minimum(index + width + 1, count)
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
