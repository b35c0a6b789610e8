"""Which row the headline scorer takes: credit-signed captions, breadcrumbs glued to the
headline, and paragraphs of page furniture above it."""

from __future__ import annotations

import pytest

from briefing.extract import extract_article
from briefing.extract.headline import ends_in_credit
from briefing.extract.page import read_units
from tests.test_page_dates import BODY_EN as BODY

MENU = "  • Home\n  • World\n  • Business\n  • Sport"
HEADLINE = "Council votes to rebuild the old market hall"


@pytest.mark.parametrize(
    ("row", "credit"),
    [
        ("Rescuers search the rubble of the church on Sunday (Photo: Reuters)", True),
        ("Residents inspect the damage in the north of the city (AP Photo/Evan Vucci)", True),
        ("Michael Bloomberg campaigns in Houston (Elizabeth Conley / Houston Chronicle)", True),
        ("Smoke rises over the harbour after the fire © AFP", True),
        ("A displaced family waits for food in Tawila / Getty Images", True),
        ("Das Rathaus am Abend. Foto: Jana Berg", True),
        # headlines: a bracketed label, a word that is no credit, a "-Foto" inside a title
        ("Sudan's army retakes the presidential palace (VIDEO)", False),
        ("Ceasefire holds in Aleppo (updated)", False),
        ("Neuer Blick auf das „Blue Marble“-Foto: Das Klimasystem mit 1 km Auflösung", False),
        (HEADLINE, False),
    ],
)
def test_a_row_ending_in_a_picture_credit(row: str, credit: bool) -> None:
    assert ends_in_credit(row) is credit


def test_a_caption_signed_by_its_credit_is_never_the_headline() -> None:
    """The picture's caption under the menu repeats the story's words and stands where a
    headline would; its credit says it is a caption."""
    caption = "Council members vote to rebuild the old market hall on Tuesday (Photo: Jana Berg)"
    page = f"{MENU}\n\n{caption}\n\nMarch 3, 2023\n\n{BODY}\n"
    assert extract_article(page, "page.txt").title != caption


def test_a_breadcrumb_glued_to_the_headline_is_left_off() -> None:
    """A text dump glued the breadcrumb to the headline's row, over the headline printed alone."""
    page = f"HomeWorld{HEADLINE}\n\n{HEADLINE}\n\nBy Jo Bloggs\n\nMarch 3, 2023\n\n{BODY}\n"
    assert extract_article(page, "page.txt").title == HEADLINE


NOTICE = (
    "Sign up to our free daily newsletter and get the news that matters to you delivered to "
    "your inbox every morning, with our reporters' picks of the day's best stories."
)


def test_the_headline_under_a_sign_up_notice_is_a_candidate() -> None:
    """A region opening on a sign-up notice (prose by its shape) keeps the headline under it
    among the candidates: the article starts under the notice."""
    page = f"{MENU}\n\n{NOTICE}\n\n{HEADLINE}\n\nBy Jo Bloggs\n\nMarch 3, 2023\n\n{BODY}\n"
    article = extract_article(page, "page.txt")
    assert article.title == HEADLINE
    assert NOTICE in article.dropped
    assert read_units(page).units[read_units(page).rule_span[0]].text == NOTICE


def test_a_short_text_under_its_site_row_opens_on_the_headline_under_it() -> None:
    """A page store's beginning: the site's row, the headline, the standfirst, the text. The
    text's top row is not its headline when a title-shaped row stands between it and the
    first paragraph."""
    standfirst = "The council wants to open the hall again within two years, its leader said."
    page = f"Latest news in the Harbour Gazette\n\n{HEADLINE}\n\n{standfirst}\n\n{BODY}\n"
    assert extract_article(page, "page.txt").title == HEADLINE
