"""The literal hints that let extraction skip a pattern on most lines never skip a line the
pattern matches: every branch of each pattern, in any letter case, keeps one of its hints
(captions: or ends as the caption's end-anchored branches do)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.extract.headline import CREDIT, CREDIT_HINTS
from briefing.extract.vocabulary import (
    BOILERPLATE,
    BOILERPLATE_HINTS,
    BULLET,
    BULLET_GLYPHS,
    CAPTION,
    CAPTION_END_MARKS,
    CAPTION_HINTS,
    PROMO,
    PROMO_HINTS,
    SITE_CONTROL,
    SITE_CONTROL_HINTS,
    TERMINAL,
    ends_a_sentence,
    ends_like_caption,
    fold_rows,
    folded,
    may_match,
    rows_holding,
)


def _hinted(hints: tuple[str, ...], line: str) -> bool:
    """Hinted both alone (as the headline scorer screens a row) and among a page's rows (as
    make_units screens them)."""
    return may_match(hints, folded(line)) and _page_hinted(hints, line)


def _page_hinted(hints: tuple[str, ...], line: str) -> bool:
    # a row above without hints; the line's own rows, if it holds a newline, are all after it
    return bool(rows_holding(hints, fold_rows(["Officials met on Friday.", line])) - {0})


def _caption_screen(line: str) -> bool:
    return _page_hinted(CAPTION_HINTS, line) or (
        _page_hinted(CAPTION_END_MARKS, line) and ends_like_caption(line)
    )


# One line per branch of each pattern, with the test that lets a line be searched.
MATCHING: dict[str, tuple[re.Pattern[str], Callable[[str], bool], list[str]]] = {
    "caption": (
        CAPTION,
        _caption_screen,
        [
            "Talks resumed on Friday.— AFP",
            "A protester in Damascus REUTERS/Firas Makdesi",
            "Photo: Getty",
            "Crowds at the square (credit: NASA/Jude Guidry)",
            "A view of the city Getty Images",
            "(Reed Saxon / Associated Press)",
            "Crowds on Friday. © Omar Haj Kadour, AFP",
            "a bed© Amazon",
            "Crowds in the square Jaafar ASHTIYEH / AFP",
            "Rescuers at work (Emergency Service via AP)",
            "Talks resumed on Friday.\u2014  AFP\n",
            "In Damascus REUTERS/Firas Makdesi Al Hamwi",
            "Crowds in the square Jaafar ASHTIYEH /  Agence France-Presse",
            "Crowds in the square (credit: NASA)\n",
        ],
    ),
    "promo": (
        PROMO,
        partial(_hinted, PROMO_HINTS),
        [
            "Follow us on X",
            "Subscribe now",
            "Sign up today",
            "Our newsletter",
            "Click here",
            "Download the app",
            "Keep updated",
            "Read more",
            "Also read this",
            "Related: talks",
            "Advertisement",
            "Share this",
            "On Google News",
            "All rights reserved",
            "Cookies",
            "Print this page",
            "Bookmark",
            "Filed to: News",
            "Tweet",
        ],
    ),
    "boilerplate": (
        BOILERPLATE,
        partial(_hinted, BOILERPLATE_HINTS),
        [
            "© 2024 Owner",
            "The information on this website is general",
            "This site uses cookies",
            "All rights reserved",
            "Registered trademarks",
            "Not intended to diagnose",
            "Consult your doctor",
            "For informational purposes only",
            "Have not been evaluated by the agency",
            "By clicking below you agree",
            "Support independent journalism",
            "Thank you for reading",
            "Before you go, a word",
            "Become a member",
            "Subscribe for free",
            "Republish this article",
        ],
    ),
    "credit": (
        CREDIT,
        partial(_hinted, CREDIT_HINTS),
        [
            "Crowds at the square © Jane Doe",
            "Foto: Jane Doe",
            "Photo by Jane Doe",
            "Bild: Jane Doe",
            "Image credit: Jane Doe",
            "Picture alliance",
            "Jane Doe/Getty",
            "dpa",
            "Jane Doe/AFP",
            "Reuters/Jane Doe",
            "[svg]",
            "logo.png",
            "header.jpg",
            "header.jpeg",
            "spinner.gif",
            "icon.svg",
            "teaser.webp",
        ],
    ),
    "site control": (
        SITE_CONTROL,
        partial(_hinted, SITE_CONTROL_HINTS),
        [
            "Sign in",
            "Signed out",
            "Signup",
            "Log in",
            "Logout",
            "Edit profile",
            "My account",
            "Reading time: 4 minutes",
            "5 min read",
            "3 minute read",
            "Reading list",
            "Listen to this article",
            "Save article",
            "Save articles",
            "Save for later",
            "Tempo de leitura",
            "Tiempo de lectura",
            "Temps de lecture",
            "Lesezeit",
            "Tempo di lettura",
        ],
    ),
}

CASES = [(name, line) for name, (_, _, lines) in MATCHING.items() for line in lines]


@pytest.mark.parametrize(("name", "line"), CASES)
def test_each_branch_keeps_a_hint(name: str, line: str) -> None:
    pattern, screen, _ = MATCHING[name]
    assert pattern.search(line), line
    # Every case of the line a pattern matches (a branch may read capitals: the caption's
    # "AGENCY/Photographer") passes its screen.
    for variant in (line, line.upper(), line.lower(), line.swapcase()):
        if pattern.search(variant):
            assert screen(variant), variant


def test_letters_only_case_insensitive_patterns_take_for_i_still_hint() -> None:
    for line in ("Clİck here", "Clıck here"):
        assert re.search("click here", line, re.IGNORECASE)
        assert may_match(PROMO_HINTS, folded(line))


def test_a_line_without_hints_is_skipped() -> None:
    assert not may_match(CAPTION_HINTS + PROMO_HINTS, folded("Officials met on Friday."))
    rows = fold_rows(["Follow us", "Officials met on Friday.", "Read more", "© 2024", "Share"])
    assert rows_holding(PROMO_HINTS, rows) == {0, 2, 4}
    assert rows_holding(CAPTION_HINTS, rows) == {3}
    # a dash, slash or bracket inside prose, with more text after it than a credit has
    for line in (
        "Talks \u2014 after a long pause \u2014 resumed on Friday in Geneva, officials said.",
        "Prices rose 3% on 1/2 of the items (food mostly) over the year, the office said.",
    ):
        assert not _caption_screen(line), line


@settings(max_examples=200, deadline=None)
@given(
    parts=st.lists(
        st.sampled_from([line for _, line in CASES] + ["x", " ", ".", "İ", "ı", "ſ", "K"]),
        max_size=4,
    ),
    case=st.sampled_from([str.upper, str.lower, str.swapcase, str.title]),
)
def test_no_match_is_ever_skipped(parts: list[str], case: object) -> None:
    line = case("".join(parts))  # type: ignore[operator]
    for pattern, screen, _ in MATCHING.values():
        if pattern.search(line):
            assert screen(line), line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(".!?…:;。！？\"”’'»)]\n ab1-•*٣")), min_size=1))
def test_sentence_ends_and_list_items_are_screened_by_their_characters(text: str) -> None:
    assert ends_a_sentence(text) == (TERMINAL.search(text) is not None), text
    if BULLET.match(text):
        assert text[0] in BULLET_GLYPHS or text[0].isdecimal(), text
