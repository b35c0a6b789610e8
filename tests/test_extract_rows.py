"""The row features read once per page, and the patterns written to open on a character class
(for speed), which must find what their plain forms find."""

from __future__ import annotations

import random
import re

from briefing.extract.headline import CAPITALISED
from briefing.extract.rows import row_features
from briefing.extract.units import is_header_row, is_prose, make_units
from briefing.extract.vocabulary import STOPWORDS


def test_row_features_are_the_units_own() -> None:
    rows = [
        ("World News", False),
        ("[e151e5]", False),
        ("Army says it took the city after a week of fighting", False),
        ("By Jane Doe", False),
        ("[image]", False),
        ("Home", True),
        ("World News", False),
        (
            "The army said on Friday that it had taken the city after a week of heavy fighting "
            "with the rebels, who had held it since the spring of the year before.",
            False,
        ),
    ]
    units = make_units(rows, STOPWORDS["en"])
    page = row_features(units)
    assert page.texts == [text for text, _ in rows]
    assert page.words == [unit.words for unit in units]
    assert page.prose == [is_prose(unit) for unit in units] == [False] * 7 + [True]
    assert page.bullets == [False] * 5 + [True, False, False]
    assert page.bracketed == [False, True, False, False, True, False, False, False]
    assert page.menu == [True, True, False, False, True, True, True, False]
    assert page.copies["World News"] == 2 and page.copies["Home"] == 1
    assert page.shown_below == [2, 2, 3, 5, 5, 6, 7, None]  # past the image placeholders
    assert [page.header(index) for index in range(len(units))] == [
        is_header_row(unit) for unit in units
    ]
    assert page.header(3) and page.header_within(2, 5) and not page.header_within(4, 99)


def test_capitalised_opens_on_the_capital_and_finds_what_its_plain_form_finds() -> None:
    plain = re.compile(r"\b[A-ZÄÖÜ][\w-]{2,}")
    assert CAPITALISED.pattern != plain.pattern
    pieces = ["A", "Ä", "Bo", "x", "ab", "-", "_", " ", ".", "9", "Über", "ZZ", "é", "Ö-"]
    chance = random.Random(3)
    texts = ["Syrian Army-led forces took Aleppo; McDonald's Über-Zeit _Abc 9Abc", "Ab Äb AbC"]
    texts += ["".join(chance.choices(pieces, k=25)) for _ in range(3000)]
    for text in texts:
        assert CAPITALISED.findall(text) == plain.findall(text), text
    assert CAPITALISED.findall(texts[0]) == [
        "Syrian", "Army-led", "Aleppo", "McDonald", "Über-Zeit"
    ]  # fmt: skip


def test_the_longest_known_outlet_is_still_found_on_a_row_of_its_own() -> None:
    from briefing.extract.metadata import _longest_known_outlet, find_outlet
    from briefing.extract.vocabulary import known_outlets

    longest = max(known_outlets().values(), key=len)
    assert _longest_known_outlet() == len(longest.lower())
    rows = ["Menu", "A long paragraph that names no outlet at all, " * 3, f"{longest} |"]
    assert find_outlet(rows, None, None, []) == longest
    assert find_outlet(rows[:2], None, None, []) is None
