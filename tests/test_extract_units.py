"""Units made a page at a time are the units of each row made alone, whatever was made before."""

from __future__ import annotations

from dataclasses import fields

from briefing.extract import units as unit_module
from briefing.extract.units import UNITS_KEPT, Unit, forget_units, make_units
from briefing.extract.vocabulary import STOPWORDS

ROWS = [
    ("Follow us on X", True),
    ("Officials met on Friday in Geneva and said that the talks would resume next week.", False),
    ("Crowds in the square (credit: NASA)", False),
    ("All rights reserved © 2024 Owner", False),
    ("A view of the city Getty Images", False),
    ("Talks resumed on Friday.— AFP", False),
    ("Nov 19, 9:41 AM", False),
    ("東京で会議が開かれた。", False),
    ("Follow us on X", True),
    ("Follow us on X", False),
]
STOPS = STOPWORDS["en"]


def _values(unit: Unit) -> tuple[object, ...]:
    return tuple(getattr(unit, field.name) for field in fields(Unit))


def test_a_page_of_units_is_its_rows_made_alone() -> None:
    forget_units()
    page = make_units(ROWS, STOPS)
    for row, unit in zip(ROWS, page, strict=True):
        forget_units()
        (alone,) = make_units([row], STOPS)
        assert _values(unit) == _values(alone)
        assert unit == alone
    promo = [True, False, False, True, False, False, False, False, True, True]
    assert [unit.promo for unit in page] == promo
    assert [unit.caption for unit in page][1:6] == [False, True, False, True, True]
    assert page[6].date and page[7].cjk == 10 and page[7].terminal
    assert page[0] is page[8] and page[0] != page[9]  # a list item and a line of text


def test_units_are_reused_within_the_memo_bound() -> None:
    forget_units()
    first = make_units(ROWS[:2], STOPS)
    assert make_units(ROWS[1:2], STOPS)[0] is first[1]
    assert make_units(ROWS[1:2], STOPWORDS["de"])[0] is not first[1]  # counted with other stops
    many = [(f"Row number {n}", False) for n in range(UNITS_KEPT + 10)]
    made = make_units(many, STOPS)
    assert [unit.text for unit in made] == [text for text, _ in many]
    assert len(unit_module._units_made) == UNITS_KEPT
    forget_units()
    assert not unit_module._units_made


def test_initials_read_off_the_page_are_each_rows_own() -> None:
    # long words by their characters (a mark is one), words split at any whitespace, a
    # capital or a letter only when it opens the word; Latin-1 rows too (a mark above it is
    # one character), rows with other letters beyond it left to the row's own count (0, 0 here)
    rows = [
        "“Quoted” Words With Capitals and some lower",
        "abc ABC Abcd “Abc ’Twas—Now",
        "Tab\tseparated\x1cWords\x0bHere",
        "",
        "Ünïcode Letters Are Read Alone",
        "1234 Five sixx",
        "„Élan“ ²Abc µmol\xa0Ärger ’Über—Ölig",
        "Łódź Miasto Wielkie",
    ]
    shadows = list(map(unit_module.ascii_shadow, rows))
    latins = [
        None if shadow is not None else unit_module.latin_shadow(row)
        for row, shadow in zip(rows, shadows, strict=True)
    ]
    lettered, capitalised = unit_module._rows_initials(rows, shadows, latins)
    assert list(zip(lettered, capitalised, strict=True)) == [
        (5, 3),
        (1, 1),
        (3, 2),
        (0, 0),
        (4, 4),
        (2, 1),
        (2, 1),
        (0, 0),
    ]
    for row, shadow, latin, letters, capitals in zip(
        rows, shadows, latins, lettered, capitalised, strict=True
    ):
        if shadow is not None or latin is not None:
            assert unit_module._initial_letters(row) == (letters, capitals)
    # a row holding a newline of its own is read alone
    rows = ["One\nTwoo Three", "four"]
    assert unit_module._rows_initials(rows, rows, [None, None]) == ([2, 1], [2, 0])


def test_the_language_is_the_list_covering_most_of_the_words() -> None:
    """detect_language counts only the words some list holds, and picks as counting all."""
    english = "the talks in the city were said to be over and the army left".split()
    german = "die Gespräche in der Stadt sind nicht mit dem Heer zu Ende".lower().split()
    names = "Geneva Kyiv Khartoum Damascus Reuters AFP".lower().split()
    assert unit_module.detect_language(english + names) == "en"
    assert unit_module.detect_language(german + names) == "de"
    assert unit_module.detect_language(names) == "unknown"
    # a list just short of 8% of the page's words: no language
    assert unit_module.detect_language(["the", "of", "and"] + names * 7) == "unknown"
    assert unit_module.detect_language(["the", "of", "and", "to"] + names * 7) == "en"
    assert unit_module.detect_language([]) == "unknown"
