"""The date patterns open on a digit, for speed: they find what the same patterns written with
a leading \\b or look-behind find, match for match and group for group."""

from __future__ import annotations

import random
import re

from briefing.extract import dates
from briefing.extract.dates import DATE_PATTERNS, DAY_MONTH_START

# The leading parts as they read before: a word boundary or look-behind, then the digits.
PLAIN_FORMS = {
    r"(?P<hour>\d(?<!\w\d)\d?)": r"\b(?P<hour>\d{1,2})",
    r"(?P<day>\d(?<!\w\d)\d?)": r"\b(?P<day>\d{1,2})",
    r"(?P<year>(?:19|20)(?<![\w.]\d\d)\d{2})": r"(?<![\d.])\b(?P<year>(?:19|20)\d{2})",
    r"(?P<first>\d(?<![\d/.]\d)\d?)": r"(?<![\d/.])(?P<first>\d{1,2})",
}
ROWS = (
    "Published 4:12 PM GMT+1, December 6, 2024 | Updated 10:55 EDT, 7 May 2020",
    "6. Dezember 2024, 14:05 · 22 de janeiro de 2018 · 06/12/2024 · 12.06.2024",
    "x2019-03-04 2019-03-04T14:37 .2019/03/04 a1/2/2020 12/06/2024 _6 May 2024 06.12.24",
    "2019年3月4日 2019년 3월 4일 201619. Juni 2019 4 déc. 2024 3rd March, 2021 at 5:55 pm",
)


def plain(pattern: re.Pattern[str]) -> re.Pattern[str]:
    source = pattern.pattern
    for fast, slow in PLAIN_FORMS.items():
        source = source.replace(fast, slow)
    return re.compile(source, pattern.flags)


def found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(match.span(), match.groupdict()) for match in pattern.finditer(text)]


def test_date_patterns_open_on_a_digit_and_find_what_the_plain_forms_find() -> None:
    patterns = (*DATE_PATTERNS, DAY_MONTH_START)
    assert sum(plain(p).pattern != p.pattern for p in patterns) == 6  # all but one SPELLED, CJK
    pieces = ["1", "2", "9", "0", "19", "20", "2024", "12", "/", ".", "-", " ", ":", "a", "_", "é",
              "May", "Dec.", "de", "at", "T", "pm", ",", "年", "月", "日", "٣"]  # fmt: skip
    chance = random.Random(12)
    texts = [*ROWS, *("".join(chance.choices(pieces, k=30)) for _ in range(3000))]
    for pattern in patterns:
        slow = plain(pattern)
        for text in texts:
            assert found(pattern, text) == found(slow, text), (pattern.pattern[:40], text)
            assert bool(pattern.match(text)) == bool(slow.match(text))
    assert found(dates.NUMERIC, ROWS[2])  # the rows hold dates of every kind
    assert found(dates.YEAR_FIRST, ROWS[2]) and found(dates.SPELLED[1], ROWS[0])


def test_a_month_first_date_is_tried_only_near_its_screen_and_found_as_from_the_start() -> None:
    month_first = dates.SPELLED[2]
    pieces = ["September", "sept", "Dec", ".", " ", "  ", "\u00a0", "12", "3", "rd", ",", "2024",
              "1999", "x", "_", "é", "at", "5:55", "pm", "MÄRZ", "märz", "ſept"]  # fmt: skip
    chance = random.Random(5)
    texts = [
        "Published September. 12, 2024 at 5:55 pm; updated Dec 3rd 2024",
        "Sent  September   12,  2024 and 12 2024",
        "On xSept 12, 2024, _Dec 3 2024 and ſept 4 2019 then Dec 3 1999 2024 Dec 3, 2024",
        *("".join(chance.choices(pieces, k=14)) for _ in range(4000)),
    ]
    near = 0  # texts tried only near their screen's matches (single spaces)
    for text in texts:
        matches = list(dates._matches(month_first, dates._DAY_YEAR, text))
        assert [(match.span(), match.groupdict()) for match in matches] == found(month_first, text)
        near += dates._DAY_YEAR.search(text) is not None and not dates._SPACES.search(text)
    assert near > 20 and found(month_first, texts[0]) and found(month_first, texts[1])
    assert [match["day"] for match in dates._matches(month_first, dates._DAY_YEAR, texts[2])] == [
        "4", "3", "3",
    ]  # fmt: skip


def test_shows_date_says_whether_any_date_pattern_matches() -> None:
    """shows_date tries each pattern in turn, the screened one behind its screen."""
    pieces = ["September", "Dec", ".", " ", "12", "3", "rd", ",", "2024", "1999", "/", "-", ":",
              "5:55", "pm", "年", "月", "日", "T", "x", "de", "März"]  # fmt: skip
    chance = random.Random(9)
    texts = [*ROWS, *(" ".join(chance.choices(pieces, k=8)) for _ in range(4000))]
    shown = [dates.shows_date(text) for text in texts]
    assert shown == [any(p.search(text) for p in DATE_PATTERNS) for text in texts]
    month_first_only = [
        text
        for text in texts
        if dates.SPELLED[2].search(text)
        and not any(p.search(text) for p in DATE_PATTERNS if p is not dates.SPELLED[2])
    ]
    assert 50 < sum(shown) < len(texts) - 50 and len(month_first_only) > 10


def test_a_row_is_searched_for_dates_from_its_first_digit_as_from_its_start() -> None:
    """The patterns without a screen open on a digit: _row_dates searches a row for them from
    its first digit (any script's), finding what a search from the row's start finds."""
    unscreened = [p for screen, p in dates._SCREENED_PATTERNS if screen is None]
    pieces = ["Published", "on", "x", "_", "é", " ", "  ", ",", ".", "/", "-", ":", "T", "1",
              "2", "9", "12", "2024", "1999", "٣", "٢٠٢٤", "May", "Dec.", "de", "年", "月",
              "日", "5:55", "pm", "at", "GMT+1", " 6 December 2024", " 2019-03-04", "12/06/24",
              "4:12 PM, May 6, 2024", "٣/٤/٢٠٢٤", " 2019年3月4日", " 18. 05. 2014"]  # fmt: skip
    chance = random.Random(21)
    texts = [*ROWS, "No digit here", *("".join(chance.choices(pieces, k=12)) for _ in range(3000))]
    orders = {"/": True, ".": True, "-": True}
    dated = 0
    for text in texts:
        for pattern in unscreened:  # a match only where a digit opens it
            assert all(text[match.start()].isdecimal() for match in pattern.finditer(text))
        expected = []
        for pattern in DATE_PATTERNS:
            for match in pattern.finditer(text):
                start, end = match.span()
                if any(start < other.end() and other.start() < end for other, _ in expected):
                    continue
                if dates._match_day(match, pattern, orders) is not None:
                    expected.append((match, pattern))
        expected.sort(key=lambda item: item[0].start())
        row = dates._row_dates(text, orders)
        assert [(m.span(), m.groupdict(), p) for m, p, _ in row] == [
            (m.span(), m.groupdict(), p) for m, p in expected
        ], text
        dated += bool(row)
    assert 300 < dated < len(texts) - 300


def test_a_time_stamp_is_found_as_by_the_pattern_opening_on_word_boundaries() -> None:
    """shows_stamp searches the stamp's digit branches written to open on the digit and
    matches its month branch at the row's start: it says what the one pattern said."""
    stamp = re.compile(
        r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?!\d)"
        r"|\b\d+\s+(?:min(?:ute)?s?|hours?|days?|weeks?)\s+ago\b"
        rf"|^(?:\w+\s+)?{dates._MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
        re.IGNORECASE,
    )
    pieces = ["Monday", "Nov", "19", ",", " ", "9:41", "AM", "a1", "12:3", "x", "_", "2", "3",
              "hours", "minutes", "ago", "ago.", "Dec.", "3rd", "é", ":", "05", "٣:٤٥",
              "P.M."]  # fmt: skip
    chance = random.Random(33)
    texts = [
        "Monday 6:30PM",
        "Nov 19, 9:41 AM",
        "2 hours ago",
        "Updated 12 minutes ago by x",
        "x12:30 and a9 hours ago",
        *(" ".join(chance.choices(pieces, k=6)) for _ in range(4000)),
    ]
    shown = [dates.shows_stamp(text) for text in texts]
    assert shown == [bool(stamp.search(text)) for text in texts]
    assert shown[:5] == [True, True, True, True, False]
    assert 300 < sum(shown) < len(texts) - 300
