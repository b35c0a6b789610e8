"""The body classifier's unit columns, computed a column at a time over the page, against the
plain reading of each unit on its own."""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from briefing.extract.features import (
    CONTEXT_FEATURES,
    CONTEXT_OFFSETS,
    FEATURE_NAMES,
    UNIT_FEATURES,
    unit_matrix,
)
from briefing.extract.page import read_units
from briefing.extract.units import SHAPE_FEATURES, Unit
from briefing.extract.vocabulary import ARTICLE_END, BREADCRUMB, CJK_CHAR

PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "extraction-dev" / "pages"
OWN = UNIT_FEATURES[: UNIT_FEATURES.index("words_vs_longest")]

MIXED_PAGE = """\
Home > World > Middle East
NEWS | SPORT | WEATHER
Tags:
* 1. First step of the plan
* Related stories
The ministry said on Tuesday, 3 December 2024, that the new rules would apply to all imports
from the region, and that traders had been told to prepare for checks at the border.

east of the capital, officials said 12 people were hurt.

政府は火曜日、新しい規則が地域からのすべての輸入品に適用されると述べた，与、其他。

[image]

The ministry said on Tuesday, 3 December 2024, that the new rules would apply to all imports
from the region, and that traders had been told to prepare for checks at the border.
"""


def plain_row(unit: Unit, copies: Counter[str]) -> list[float]:
    """One unit's columns read on their own, as the features are defined."""
    text = unit.text
    first = re.search(r"[^\W\d_]", text)
    values = {
        "log_words": math.log1p(unit.words),
        "function_ratio": unit.stop_ratio,
        "is_prose": unit.prose,
        "bullet": unit.bullet,
        "terminal": unit.terminal,
        "near_prose": unit.near_prose,
        "log_chars": math.log1p(len(text)),
        "ends_colon": text.endswith(":"),
        "caption": unit.caption,
        "date": unit.date,
        "capitals": unit.capitals,
        "digit_share": len(re.findall(r"\d", text)) / (len(text) - text.count(" ") or 1),
        "comma_rate": sum(map(text.count, ",，、")) / max(unit.words, 1),
        "upper_case": text.isupper(),
        "placeholder": unit.placeholder,
        "promo": unit.promo,
        "boilerplate": unit.boilerplate,
        "list_label": unit.link_label,
        "article_end": bool(ARTICLE_END.match(text)),
        "repeated": copies[text] > 1,
        "separators": "|" in text or bool(BREADCRUMB.search(text)),
        "starts_lower": bool(first) and first.group().islower(),
        "cjk": len(CJK_CHAR.findall(text)) > unit.words,
        "numbered": unit.bullet and text[:1].isdigit(),
    }
    return [float(values[name]) for name in OWN]


def assert_plain_columns(text: str) -> None:
    page = read_units(text)
    copies = Counter(unit.text for unit in page.units)
    matrix = unit_matrix(page.units, page.rule_span, page.rule_body)
    expected = np.array([plain_row(unit, copies) for unit in page.units]).reshape(-1, len(OWN))
    assert np.array_equal(matrix[:, : len(OWN)], expected)


def test_columns_are_each_units_own_reading() -> None:
    assert_plain_columns(MIXED_PAGE)
    page = read_units(MIXED_PAGE)
    matrix = unit_matrix(page.units, page.rule_span, page.rule_body)
    column = {name: matrix[:, OWN.index(name)] for name in OWN}
    assert column["separators"][:2].tolist() == [1.0, 1.0]
    assert column["article_end"][2] == 1.0 and column["numbered"][3] == 1.0
    assert column["cjk"].tolist() == [0.0] * 7 + [1.0, 0.0, 0.0]
    assert column["repeated"].sum() == 2 and column["starts_lower"][6] == 1.0
    assert column["upper_case"].tolist() == [0.0, 1.0] + [0.0] * 8


def test_pages_without_digits_separators_or_cjk_read_zero() -> None:
    text = "Plain words only here\nAnother row of words, and a comma."
    assert_plain_columns(text)


@pytest.mark.skipif(not PAGES.is_dir(), reason="shared extraction-dev pages not present")
def test_columns_match_on_real_pages() -> None:
    for path in sorted(PAGES.glob("*.txt"))[:20]:
        assert_plain_columns(path.read_text(encoding="utf-8", errors="replace"))


def test_units_shape_rows_and_the_page_columns_make_the_units_own_columns() -> None:
    page_read = {"is_prose", "near_prose", "caption", "repeated"}
    assert len(set(SHAPE_FEATURES)) == len(SHAPE_FEATURES)
    assert set(SHAPE_FEATURES).isdisjoint(page_read)
    assert set(SHAPE_FEATURES) | page_read == set(OWN)


def test_a_caption_mark_given_after_the_unit_is_made_is_read() -> None:
    # the alt text over its credited caption becomes a caption when the page is read
    text = (
        "Rescue workers search the rubble of a building\n\n"
        "Rescue workers search the rubble of a building (Photo: Jane Doe / Reuters)\n\n"
        "The ministry said the new rules would apply to all imports from the region and that "
        "traders had been told to prepare for checks at the border."
    )
    page = read_units(text)
    assert page.units[0].caption
    assert_plain_columns(text)


def test_random_ascii_rows_read_as_their_plain_form() -> None:
    # digits counted and the first letter found without the patterns on ASCII rows
    rng = random.Random(0)
    alphabet = "aZk09 _-|>.,:;()[]'\"/\\\t"
    rows = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(300)]
    assert_plain_columns("\n\n".join(rows))


@pytest.mark.parametrize("rows", [1, 2, 3, 4, 7, 10])
def test_neighbour_columns_hold_each_neighbours_values_or_mark_it_missing(rows: int) -> None:
    # pages shorter than the neighbours' reach too: every neighbour off the page is missing
    text = "\n\n".join(MIXED_PAGE.split("\n")[:rows])
    page = read_units(text)
    matrix = unit_matrix(page.units, page.rule_span, page.rule_body)
    count = len(page.units)
    own = list(UNIT_FEATURES[:CONTEXT_FEATURES])
    for offset in CONTEXT_OFFSETS:
        columns = [FEATURE_NAMES.index(f"{name}@{offset:+d}") for name in own]
        missing = matrix[:, FEATURE_NAMES.index(f"missing@{offset:+d}")]
        for index in range(count):
            neighbour = index + offset
            if 0 <= neighbour < count:
                assert (
                    matrix[index, columns].tolist() == matrix[neighbour, :CONTEXT_FEATURES].tolist()
                )
                assert missing[index] == 0.0
            else:
                assert matrix[index, columns].tolist() == [0.0] * CONTEXT_FEATURES
                assert missing[index] == 1.0
