"""What the body classifier sees of each paragraph unit: its shape, its function-word density in
the page's language (by characters in Chinese and Japanese), link-like and furniture cues, its
place on the page and how often it recurs, and the same for its neighbours.

Features avoid one renderer's habits: bullets of any glyph count alike, indentation and line
width are gone by the time units are made, and lengths are in words, not characters.
"""

from __future__ import annotations

from collections import Counter
from itertools import repeat
from operator import attrgetter, gt

import numpy as np

from briefing.extract.units import SHAPE_FEATURES, Unit

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
    # Written column by column into one matrix: each stack of columns cost a call of numpy's
    # Python-level helpers and a copy, on pages of ~100 units where a call costs more than
    # the numbers.
    matrix = np.zeros((count, len(FEATURE_NAMES)))
    if not count:
        return matrix
    _unit_columns(units, matrix)
    log_words = matrix[:, 0]
    words = np.expm1(log_words)
    index = np.arange(count)
    page = matrix[:, _UNIT_COLUMNS : len(UNIT_FEATURES)]  # the columns the page's numbers give
    page[:, 0] = log_words - log_words.max()
    page[:, 1] = index / max(count - 1, 1)
    page[rule_region[0] : rule_region[1], 2] = 1.0
    page[:, 3] = np.frombuffer(bytes(rule_body), np.uint8)
    page[:, 4] = (words >= 1) & (words <= 3)
    page[:, 5] = (words >= 4) & (words <= 8)
    page[:, 6] = matrix[:, 2] * matrix[:, 1]
    # each neighbour's first CONTEXT_FEATURES and whether it is off the page (its values 0)
    context = matrix[:, :CONTEXT_FEATURES]
    for block, offset in enumerate(CONTEXT_OFFSETS):
        first = len(UNIT_FEATURES) + block * (CONTEXT_FEATURES + 1)
        missing = first + CONTEXT_FEATURES
        low, high = max(-offset, 0), min(count, count - offset)  # rows with that neighbour
        if low < high:
            matrix[low:high, first:missing] = context[low + offset : high + offset]
        matrix[:low, missing] = 1.0
        matrix[max(high, low) :, missing] = 1.0
    prose_words = words * matrix[:, 2]
    cumulative = np.concatenate([[0.0], np.cumsum(prose_words)])
    all_words = np.concatenate([[0.0], np.cumsum(words)])
    total_prose = cumulative[-1] or 1.0
    column = len(UNIT_FEATURES) + len(CONTEXT_OFFSETS) * (CONTEXT_FEATURES + 1)
    for width in WINDOWS:
        # each window's ends within the page (np.clip costs several times a bound's ufunc)
        low = np.maximum(index - width, 0)
        high = np.minimum(index + width + 1, count)
        window_words = all_words[high] - all_words[low]
        matrix[:, column] = (cumulative[high] - cumulative[low]) / np.maximum(window_words, 1)
        column += 1
    matrix[:, column] = cumulative[:-1] / total_prose
    matrix[:, column + 1] = (total_prose - cumulative[1:]) / total_prose
    matrix[:, column + 2] = np.log1p(_prose_distance(matrix[:, 2]))
    return matrix


_SHAPE_COLUMNS = [UNIT_FEATURES.index(name) for name in SHAPE_FEATURES]
# the flags that hang on a unit's caption mark, which may change after it is made
_CAPTION_FIELDS = {"is_prose": "prose", "near_prose": "near_prose", "caption": "caption"}
_UNIT_COLUMNS = UNIT_FEATURES.index("words_vs_longest")  # the rest need the page's numbers


def _unit_columns(units: list[Unit], matrix: np.ndarray) -> None:
    """UNIT_FEATURES up to "numbered" (a unit's own, and whether the page repeats it), a row
    per unit, written into the matrix's first columns: the units' shape rows, their
    caption-dependent flags, and the page's copies."""
    columns = matrix[:, :_UNIT_COLUMNS]
    rows = np.frombuffer(b"".join(map(attrgetter("shape"), units)), float)
    columns[:, _SHAPE_COLUMNS] = rows.reshape(len(units), len(SHAPE_FEATURES))
    # bools as bytes: far cheaper to turn into an array than Python floats
    for name, field in _CAPTION_FIELDS.items():
        flags = bytes(map(attrgetter(field), units))
        columns[:, UNIT_FEATURES.index(name)] = np.frombuffer(flags, np.uint8)
    texts = list(map(attrgetter("text"), units))
    copies = Counter(texts)
    repeated = bytes(map(gt, map(copies.__getitem__, texts), repeat(1)))
    columns[:, UNIT_FEATURES.index("repeated")] = np.frombuffer(repeated, np.uint8)


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


def second_pass_columns(
    probabilities: np.ndarray, log_words: np.ndarray, out: np.ndarray | None = None
) -> np.ndarray:
    """Columns SECOND_PASS_NAMES of a page's units from the first pass's probabilities (page
    order) and the units' log word counts, written into `out` when given (the columns of a
    wider matrix: stacking them cost more than the numbers on a page of ~100 units)."""
    count = len(probabilities)
    columns = np.empty((count, len(SECOND_PASS_NAMES))) if out is None else out
    if not count:
        return columns
    words = np.expm1(log_words)
    index = np.arange(count)
    columns[:, 0] = probabilities
    for column, offset in enumerate(PROBABILITY_OFFSETS, start=1):
        low, high = max(-offset, 0), min(count, count - offset)  # rows with that neighbour
        columns[:, column] = 0.0
        if low < high:
            columns[low:high, column] = probabilities[low + offset : high + offset]
    column = 1 + len(PROBABILITY_OFFSETS)
    weighted = np.concatenate([[0.0], np.cumsum(probabilities * (words + 1))])
    weight = np.concatenate([[0.0], np.cumsum(words + 1)])
    for width in PROBABILITY_WINDOWS:
        low, high = np.maximum(index - width, 0), np.minimum(index + width + 1, count)
        columns[:, column] = (weighted[high] - weighted[low]) / (weight[high] - weight[low])
        column += 1
    most_likely = probabilities.max()
    likely = probabilities > LIKELY
    likely_words = np.concatenate([[0.0], np.cumsum(words * likely)])
    total = likely_words[-1] or 1.0
    order = np.sort(probabilities)
    likely_at = np.flatnonzero(likely)
    columns[:, column] = most_likely
    columns[:, column + 1] = weighted[-1] / weight[-1]
    columns[:, column + 2] = most_likely - probabilities
    columns[:, column + 3] = (count - np.searchsorted(order, probabilities, side="right")) / count
    columns[:, column + 4] = likely_words[:-1] / total
    columns[:, column + 5] = (total - likely_words[1:]) / total if likely_words[-1] else 0.0
    columns[:, column + 6] = np.log1p(_prose_distance(likely))
    columns[:, column + 7] = 0.0
    if len(likely_at):
        columns[likely_at[0] : likely_at[-1] + 1, column + 7] = 1.0
    return columns
