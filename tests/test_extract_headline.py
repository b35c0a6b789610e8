"""Which row the headline scorer takes: credit-signed captions, breadcrumbs glued to the
headline, and paragraphs of page furniture above it."""

from __future__ import annotations

import pytest

from briefing.extract import extract_article
from briefing.extract.headline import ends_in_credit
from briefing.extract.page import read_units
from briefing.extract.region import joined_start
from briefing.extract.units import is_prose
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


SITE_NOTE = (
    "If you want to meet our editors in person, they hold regular talks open to the public in "
    "the town hall every month, where you can ask them anything about our work."
)
LONG_MENU = "\n".join(
    f"  • {entry}" for entry in "Home World Business Sport Culture Opinion Weather Travel".split()
)


def test_the_headline_over_the_text_joined_to_the_rules_run_titles_the_page() -> None:
    """The classifier reads a site's note far above the article as text, and the run the
    headline is looked for above was stretched back to it: no headline stands over that note,
    one stands over the paragraphs joined to the rules' run, and it titles the page. The body
    is laid out as before (the note stays where the classifier put it)."""
    page = (
        f"{SITE_NOTE}\n\nSearch for: [ ] [Search]\n\nSupport our work!\n\n{LONG_MENU}\n\n"
        f"{HEADLINE}\n\nBy Jo Bloggs\n\nMarch 3, 2023\n\n{BODY}\n"
    )
    units = read_units(page)
    assert units.rule_span[0] > 0  # the rules' run starts at the article's first paragraph
    article = extract_article(page, "page.txt")
    assert article.title == HEADLINE
    assert [block.text for block in article.blocks if block.kind == "body"][-1] == BODY.split(
        "\n\n"
    )[-1]


def test_the_paragraphs_joined_to_the_rules_run_go_back_over_short_gaps_only() -> None:
    """A lede parted from the rest by a caption row joins the run; a paragraph behind a menu
    longer than JOIN_GAP rows does not."""
    lede = "The old market hall burned down last winter, and the town has missed it since."
    page = f"{SITE_NOTE}\n\n{LONG_MENU}\n\n{HEADLINE}\n\n{lede}\n\nThe hall in 1920.\n\n{BODY}\n"
    units = read_units(page).units
    texts = [unit.text for unit in units]
    first_body = texts.index(BODY.split("\n\n")[0])
    in_article = [is_prose(unit) for unit in units]
    assert in_article[0] and in_article[texts.index(lede)]
    rule_span = (first_body, len(units))
    assert joined_start(units, rule_span, in_article) == texts.index(lede)
    in_article[texts.index(lede)] = False
    assert joined_start(units, rule_span, in_article) == first_body
