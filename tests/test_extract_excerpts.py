"""Short excerpts of news (a plain text file of a few paragraphs) keep every paragraph."""

from __future__ import annotations

import textwrap

import pytest

from briefing.extract import extract_article

HEADLINE = "Displaced Lebanese begin to head home"
PARAGRAPHS = (
    "Thousands of Lebanese began to head south early Wednesday.",
    "Cars loaded with families backed up on the main highway out of Beirut.",
    "Israel said its troops would stay in the south for now.",
)
WIRE_LEDE = "BEIRUT (Reuters) - Thousands of Lebanese began to head south early Wednesday."
LONGER = (
    "Thousands of Lebanese who fled the fighting began to head back to their homes in the"
    " south early on Wednesday, hours after a ceasefire between Israel and Hezbollah took"
    " effect.",
    "Cars loaded with mattresses, suitcases and families backed up for miles on the main"
    " highway out of Beirut, some drivers honking and waving flags.",
    "Israel said its troops would stay in the south for now.",
)


def _kept(text: str) -> list[str]:
    article = extract_article(text, "excerpt.txt")
    return [
        " ".join(block.text.split())
        for block in article.blocks
        if block.kind in ("body", "standfirst")
    ]


@pytest.mark.parametrize(
    ("top", "paragraphs"),
    [
        ([HEADLINE], PARAGRAPHS),
        ([], PARAGRAPHS),
        ([HEADLINE], (WIRE_LEDE, *PARAGRAPHS[1:])),
        ([" date 2024-11-27 ", HEADLINE], PARAGRAPHS),
        ([HEADLINE], LONGER),
        ([HEADLINE], (LONGER[0], *PARAGRAPHS[1:], "“We are going home,” said one driver.")),
    ],
    ids=["headline", "no-headline", "wire-dateline", "date-marker", "longer", "quote-last"],
)
@pytest.mark.parametrize("wrapped", [False, True], ids=["lines", "wrapped"])
def test_short_excerpt_keeps_every_paragraph(
    top: list[str], paragraphs: tuple[str, ...], wrapped: bool
) -> None:
    shown = ["\n".join(textwrap.wrap(p, 40)) if wrapped else p for p in paragraphs]
    text = "\n\n".join([*top, *shown]) + "\n"
    assert _kept(text) == list(paragraphs)


def test_short_excerpt_headline_is_the_title_not_body() -> None:
    article = extract_article("\n\n".join([HEADLINE, *PARAGRAPHS]) + "\n", "excerpt.txt")
    assert article.title == HEADLINE
    assert [block.kind for block in article.blocks] == ["headline", "body", "body", "body"]


def test_short_excerpt_wire_lede_gives_dateline_and_wire() -> None:
    text = "\n\n".join([HEADLINE, WIRE_LEDE, *PARAGRAPHS[1:]]) + "\n"
    article = extract_article(text, "excerpt.txt")
    assert (article.wire, article.dateline) == ("Reuters", "BEIRUT")


def test_a_dated_sentence_is_prose_not_a_date_row() -> None:
    # A short sentence naming a full date tells an event; a row that is mostly its date
    # ("Published on Monday, 7 May 2020 at 10:55.") is a date row.
    page = (
        "Three hostages freed in Gaza\n\n"
        "Hamas released three Israeli hostages in Gaza City on Sunday as a ceasefire took"
        " effect.\n\n"
        "The women were abducted on October 7, 2023, during an attack on a music festival.\n\n"
        "Crowds gathered in Tel Aviv to welcome the women.\n"
    )
    bodies = [b.text for b in extract_article(page, "page.txt").blocks if b.kind == "body"]
    assert any(text.startswith("The women were abducted") for text in bodies)


def test_an_excerpt_without_headline_takes_no_title_from_its_cut_last_line() -> None:
    # An excerpt saved from a search result opens on its lede and stops mid-sentence: the cut
    # last line heads nothing.
    text = "\n\n".join([*LONGER, "The International Atomi"]) + "\n"
    assert extract_article(text, "excerpt.txt").title == ""


def test_a_byline_row_is_no_title() -> None:
    text = "\n\n".join(["By Kardo Roj", *LONGER]) + "\n"
    assert extract_article(text, "excerpt.txt").title == ""


def test_an_excerpt_is_dated_by_its_dateline_over_a_date_row_of_another_day() -> None:
    # The site's "today" row over the headline and the dateline's day share the belief: neither
    # is believed enough, and the dateline tells the day the copy was filed.
    headline = "At least 10 dead in Kyiv after Russian airstrike, EU building damaged"
    lede = (
        "Kyiv, 28 August 2025 (dpa/MIA) – At least 10 people were killed and dozens injured in"
        " Ukraine's capital Kyiv after renewed Russian missile and drone strikes, the"
        " authorities said."
    )
    rows = ["• Thursday, 04 December 2025", headline, headline, lede, *LONGER[1:]]
    article = extract_article("\n\n".join(rows) + "\n", "excerpt.txt")
    assert (article.published, article.dateline, article.title) == ("2025-08-28", "Kyiv", headline)
