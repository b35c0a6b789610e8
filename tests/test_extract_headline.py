"""Which row the headline scorer takes: credit-signed captions, breadcrumbs glued to the
headline, and paragraphs of page furniture above it."""

from __future__ import annotations

import pytest

from briefing.extract import extract_article
from briefing.extract.headline import (
    FEATURES,
    HEADLINE_FEATURES,
    ROWS_ABOVE,
    UNDER_FIRST_FEATURES,
    HeadlinePick,
    StartCandidates,
    ends_in_credit,
    is_furniture_row,
    is_link_row,
    never_headline,
    pick_of_two_starts,
    pick_under_first,
    start_candidates,
    title_text,
)
from briefing.extract.page import read_units
from briefing.extract.region import joined_start
from briefing.extract.softmax import SoftmaxModel
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
        # a wire photo's credit: agencies, then the photographer
        ("Troops return from the border, 27 November 2024. EFE/EPA/ATEF SAFADI", True),
        ("Smoke rises over the harbour REUTERS/Mohammed Salem", True),
        # headlines: a bracketed label, a word that is no credit, a "-Foto" inside a title
        ("Sudan's army retakes the presidential palace (VIDEO)", False),
        ("Ceasefire holds in Aleppo (updated)", False),
        ("The future of TCP/IP", False),  # a slash between capitals, no agency
        ("Neuer Blick auf das „Blue Marble“-Foto: Das Klimasystem mit 1 km Auflösung", False),
        (HEADLINE, False),
    ],
)
def test_a_row_ending_in_a_picture_credit(row: str, credit: bool) -> None:
    assert ends_in_credit(row) is credit


@pytest.mark.parametrize(
    ("row", "furniture"),
    [
        ("Saturday, September 20, 2025", True),  # a date row over the headline
        ("Updated: 19-09-2025 23:11 IST", True),
        ("Mon 8 Sep 2025 14.05 BST", True),
        ("Source: https://www.bbc.com/news/articles/ced58zywdwno?at_medium=RSS", True),
        ("Photo: Jana Berg", True),
        ("READ ALSO: Drone strike destroys U.N. food convoy in famine-hit North Darfur", True),
        ("Related: Council delays the vote on the market hall to next year", True),
        ("AMN/ WEB DESK", True),
        ("Devdiscourse News Desk", True),
        ("US & Canada is sponsored by", True),
        ("Listen to this page using ReadSpeaker", True),
        ("Create an account", True),
        ("Today's Paper", True),
        ("Zum Inhalt springen", True),  # skip links, in the sets' languages
        ("Aller au contenu principal", True),
        ("Stammtisch-KV-Kassel.jpg", True),  # a picture's file name as its alt text
        ("Hand pointing right transparent.png", True),
        ("Sanaa (Yemen):", True),  # a row leading into what follows, here the dateline
        ("What the ministry said:", True),
        ("jordan pulse -", True),  # a site's name leading into its text (qa-pages15)
        ("Powered By Blogger", True),  # a platform's credit over a blog post (qa-pages15)
        ("Support The Moscow Times!", True),  # a donation appeal
        ("Support Meduza!", True),
        # headlines: a date in a title, "Sources:" opening a scoop, a desk as a thing
        ("September 11 attacks remembered 24 years on", False),
        ("Sources: Council to sell the old market hall", False),
        ("Trump signs the order at the Resolute Desk", False),
        ("Related parties fight over the market hall", False),
        ("How to save a .png file in Python", False),
        ("Drones powered by Iranian engines hit Kyiv", False),
        ("Gaza truce - what we know", False),  # a dash inside a headline
        ("Support for Assad wanes in Damascus", False),
        ("Support Grows For Ceasefire In Idlib", False),
        (HEADLINE, False),
    ],
)
def test_page_furniture_rows(row: str, furniture: bool) -> None:
    assert is_furniture_row(row) is furniture


def test_a_dateline_on_a_row_of_its_own_is_not_the_title() -> None:
    article = extract_article(f"Sanaa (Yemen):\n\n{BODY}\n", "excerpt.txt")
    assert article.title != "Sanaa (Yemen):"


def test_a_date_row_over_the_headline_is_not_the_headline() -> None:
    """A page opening on the day's date, then the headline, the picture's caption and a text
    opening on its dateline (the scorer alone believed the date row most)."""
    headline = "More Than 70 Killed in Fire at Old Market Hall, Witnesses Say"
    caption = (
        "Debris of the market hall is seen on September 19, 2025, after the fire killed more"
        " than 70 people."
    )
    page = (
        f"Saturday, September 20, 2025\n\n{headline}\n\n{caption}\n\n"
        f"September 19, 2025 (HARBOUR TOWN) – {BODY}\n"
    )
    assert extract_article(page, "page.txt").title == headline


@pytest.mark.parametrize(
    "page",
    [
        f"AMN/ WEB DESK\n\n{BODY}\n",  # a desk credit over the text
        f"{BODY}\n\nSource: https://www.bbc.com/news/articles/ced58zywdwno?at_medium=RSS\n",
        "{}\n\nREAD ALSO: Drone strike destroys U.N. food convoy in North Darfur\n\n{}\n".format(
            *BODY.split("\n\n", 1)
        ),
    ],
)
def test_page_furniture_never_titles_a_page_of_paragraphs(page: str) -> None:
    """Paragraphs alone with a row of page furniture among them have no title."""
    assert extract_article(page, "page.txt").title == ""


def test_a_caption_signed_by_its_credit_is_never_the_headline() -> None:
    """The picture's caption under the menu repeats the story's words and stands where a
    headline would; its credit says it is a caption."""
    caption = "Council members vote to rebuild the old market hall on Tuesday (Photo: Jana Berg)"
    page = f"{MENU}\n\n{caption}\n\nMarch 3, 2023\n\n{BODY}\n"
    assert extract_article(page, "page.txt").title != caption


def test_a_caption_signed_by_wire_agencies_and_photographer_is_never_the_headline() -> None:
    """A page opening on its picture's caption, closed by the wire agencies' credit and the
    photographer's name, then the headline."""
    caption = (
        "Council members vote to rebuild the old market hall in the town centre, 3 March 2023."
        " EFE/EPA/JANA BERG"
    )
    page = f"{caption}\n\n{HEADLINE}\n\n{BODY}\n"
    assert extract_article(page, "page.txt").title == HEADLINE


def test_a_caption_signed_by_its_agency_alone_is_never_the_headline() -> None:
    """The National prints its picture's caption, signed "AP", over the headline (four times:
    alt text and caption of a gallery)."""
    caption = (
        "Council members vote to rebuild the old market hall in the town centre on Tuesday. AP"
    )
    page = f"{caption}\n{caption}\n\n{HEADLINE}\n\n{BODY}\n"
    assert extract_article(page, "page.txt").title != caption
    # (a headline may name an agency last in its sentence)
    assert not never_headline("Talks on Gaza ceasefire end without deal, says AP")


def test_a_breadcrumb_glued_to_the_headline_is_left_off() -> None:
    """A text dump glued the breadcrumb to the headline's row, over the headline printed alone."""
    page = f"HomeWorld{HEADLINE}\n\n{HEADLINE}\n\nBy Jo Bloggs\n\nMarch 3, 2023\n\n{BODY}\n"
    assert extract_article(page, "page.txt").title == HEADLINE


@pytest.mark.parametrize(
    ("row", "title"),
    [
        (f"Startseite » Nachrichten » Energie » {HEADLINE}", HEADLINE),
        (f"You are here: Home › World › {HEADLINE}", HEADLINE),
        (f"Home > Local > {HEADLINE}", HEADLINE),
        (f"World » {HEADLINE}", f"World » {HEADLINE}"),  # a section's label, no path
        ("Il dit « non » et « oui » à la loi", "Il dit « non » et « oui » à la loi"),
        (HEADLINE, HEADLINE),
    ],
)
def test_a_breadcrumb_path_titles_the_page_by_its_last_crumb(row: str, title: str) -> None:
    assert title_text(row) == title


def test_a_breadcrumb_path_taken_for_the_headline_gives_its_last_crumb() -> None:
    path = f"Sie sind hier: Startseite » Nachrichten » Politik » {HEADLINE}"
    page = f"{MENU}\n\n{path}\n\n{BODY}\n"
    assert extract_article(page, "page.txt").title == HEADLINE


def test_a_page_opening_on_a_breadcrumb_path_is_titled_by_its_last_crumb() -> None:
    """The page's first row is the path over the headline printed alone: the path's first
    crumb is no site and the crumbs between are no part of the title."""
    path = f"Home » today » World » {HEADLINE}"
    page = f"{path}\n\n{HEADLINE}\n\n{BODY}\n"
    assert extract_article(page, "page.txt").title == HEADLINE


@pytest.mark.parametrize(
    ("row", "title"),
    [
        (f"10/04/2024 October 4, 2024 {HEADLINE}", HEADLINE),
        (f"4:12 PM GMT+1, December 6, 2024 - {HEADLINE}", HEADLINE),
        (f"6 December 2024 | {HEADLINE}", HEADLINE),
        ("Monday, October 4, 2024", "Monday, October 4, 2024"),  # a date row stays one
        ("2024 elections: who won where", "2024 elections: who won where"),
        ("10 killed in strike on Idlib market", "10 killed in strike on Idlib market"),
    ],
)
def test_a_live_entry_s_date_stamps_are_no_part_of_its_headline(row: str, title: str) -> None:
    assert title_text(row) == title
    if title == HEADLINE:
        assert extract_article(f"{row}\n\n{BODY}\n", "page.txt").title == HEADLINE


@pytest.mark.parametrize(
    ("row", "link"),
    [
        ("← Das F-Wort – Teil 2", True),
        ("Vorstudie zur Menüerweiterung durch FOSS-Produkte bei der RLS »", True),
        ("« Speicher via SSHFS mounten und Truecrypt Container laden", True),
        ("nächste Seite →", True),
        ("« Il y a, d’abord, le poids de la géographie ». Sur les migrations", False),
        ("Le Sénat dit « non »", False),
        ("«Du, Oliver! Weisst du, wo man in Zürich Peychaud's Bitters bekommt?»", False),
        ("Paris → Berlin: the night train is back", False),
    ],
)
def test_a_link_on_to_another_post_is_told_from_a_quotation(row: str, link: bool) -> None:
    assert is_link_row(row) is link


def test_a_link_to_the_previous_post_over_the_headline_is_not_the_headline() -> None:
    link = "« Council names new harbour master after a long search"
    page = f"{MENU}\n\n{link}\n\nMarket hall to reopen\n\n{BODY}\n"
    assert extract_article(page, "page.txt").title == "Market hall to reopen"


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


def _scored(*row_scores: float) -> list[list[float]]:
    """Candidate vectors whose score under `_BIAS_MODEL` is the given number."""
    return [[score if name == "bias" else 0.0 for name in FEATURES] for score in row_scores]


_BIAS_MODEL = SoftmaxModel(tuple(float(name == "bias") for name in FEATURES), 0.4)


def test_the_candidates_over_two_starts_are_believed_together() -> None:
    """The row that titles the page is the best of both places' candidates scored at once: the
    second place's best row outscores the first place's, so it titles the page (believed on
    its own, with a weaker row beside it, it held 0.77 against the first place's lone row's
    0.88 and lost). A row of the second place read as the article's text, or believed too
    little, gives way to the headline over the first."""
    texts = [f"row {i}" for i in range(8)]
    first = StartCandidates([1], _scored(2.0))
    second = StartCandidates([5, 6], _scored(2.5, 1.0))
    picks = pick_of_two_starts(texts, first, second, [False] * 8, _BIAS_MODEL)
    assert (picks.headline.row, picks.title.row) == (1, 5)
    assert picks.title.belief == pytest.approx(0.523, abs=0.001)
    in_text = [i == 5 for i in range(8)]
    assert pick_of_two_starts(texts, first, second, in_text, _BIAS_MODEL).title.row == 1
    close = StartCandidates([5, 6], _scored(2.1, 2.1))  # each believed 0.33 of the three
    assert pick_of_two_starts(texts, first, close, [False] * 8, _BIAS_MODEL).title.row == 1


def test_candidates_over_a_second_start_say_so() -> None:
    """The scorer reads which place a candidate stands over, and whether the classifier reads
    it as the article's text."""
    page = f"{MENU}\n\n{HEADLINE}\n\nBy Jo Bloggs\n\n{BODY}\n"
    units = read_units(page).units
    stops = frozenset({"the", "to", "of", "and"})
    at = [unit.text for unit in units].index(HEADLINE)
    column = FEATURES.index("second_start"), FEATURES.index("second_in_text")
    first = start_candidates(units, at + 1, stops, None)
    assert at in first.rows
    assert {(vector[column[0]], vector[column[1]]) for vector in first.vectors} == {(0.0, 0.0)}
    in_text = [i == at for i in range(len(units))]
    second = start_candidates(units, at + 1, stops, None, in_text=in_text)
    assert second.rows == first.rows
    flags = {
        row: (vector[column[0]], vector[column[1]])
        for row, vector in zip(second.rows, second.vectors, strict=True)
    }
    assert flags[at] == (1.0, 1.0)
    assert {flag for row, flag in flags.items() if row != at} <= {(1.0, 0.0)}


BLURB = "Local news, sport and weather from the towns of the valley, every day since 1998."


def test_rows_under_a_blurb_are_candidates_read_by_their_own_features() -> None:
    """Under a site's blurb taken for the first paragraph, the short rows a little below it
    (the headline, its byline) are candidates of their own: they set only the under-first
    features, and the rows above the blurb only the others, so the scorer of the rows above
    is fitted as before."""
    page = f"The Valley Herald\n\n{MENU}\n\n{BLURB}\n\n{HEADLINE}\n\nBy Jo Bloggs\n\n{BODY}\n"
    units = read_units(page).units
    texts = [unit.text for unit in units]
    stops = frozenset({"the", "to", "of", "and", "from", "since"})
    blurb, at = texts.index(BLURB), texts.index(HEADLINE)
    in_text = [is_prose(unit) for unit in units]
    under = start_candidates(units, blurb, stops, None, in_text=in_text, under_first=True)
    assert under.rows == [at, at + 1]  # the headline and its byline; the text is no candidate
    in_text[at] = True  # a row the classifier reads as the article's text is none
    assert start_candidates(units, blurb, stops, None, in_text=in_text, under_first=True).rows == [
        at + 1
    ]
    above = start_candidates(units, blurb, stops, None)
    assert above.rows == [0]  # the site's name
    regular = [FEATURES.index(name) for name in HEADLINE_FEATURES]
    own = [FEATURES.index(name) for name in UNDER_FIRST_FEATURES]
    assert all(vector[k] == 0.0 for vector in under.vectors for k in regular)
    assert all(vector[k] == 0.0 for vector in above.vectors for k in own)
    headline, byline = under.vectors
    flag, header = FEATURES.index("under_first"), FEATURES.index("under_first_header_below")
    assert (headline[flag], headline[header]) == (1.0, 1.0)  # its byline right under it
    assert headline[FEATURES.index("under_first_overlap")] > 0.5  # the lede retells it


def test_a_row_under_the_first_paragraph_titles_the_page_when_believed_more() -> None:
    """A row under the first paragraph, believed among those rows alone, titles the page when
    it is believed enough and more than the headline over the first paragraph."""
    texts = [f"row {i}" for i in range(8)]
    under = StartCandidates([5, 6], _scored(2.5, -1.0))  # 5 believed 0.91 against "none"
    weak, strong = HeadlinePick(1, 0.3), HeadlinePick(1, 0.95)
    blurb = [True, False, False, False, False, False, True, True]  # the text from row 6 on
    assert pick_under_first(texts, weak, under, _BIAS_MODEL, blurb, 0).row == 5
    assert pick_under_first(texts, strong, under, _BIAS_MODEL, blurb, 0) == strong
    faint = StartCandidates([5], _scored(-1.0))  # believed 0.27, under the threshold 0.4
    none = HeadlinePick(None, 0.0)
    assert pick_under_first(texts, none, faint, _BIAS_MODEL, blurb, 0) == none


QUESTION = "Should the town rebuild the old market hall?"


@pytest.mark.parametrize(
    "row",
    [
        QUESTION,
        "Sunday thoughts: a little lost, but still here!",
        QUESTION.replace("?", "？"),  # a full-width mark, as CJK pages write it
    ],
)
def test_a_question_over_the_text_is_a_candidate(row: str) -> None:
    """A headline asked as a question or closed by an exclamation mark, at the top of the
    region right over the first paragraph, is a candidate (and the rows above it too); a
    finished sentence there still ends the region's candidates (a lede, a standfirst)."""
    sentence = "The town met on Tuesday to vote on the hall."
    for text, candidate in ((row, True), (sentence, False)):
        page = f"{MENU}\n\n{HEADLINE}\n\n{text}\n\n{BODY}\n"
        units = read_units(page).units
        texts = [unit.text for unit in units]
        at = texts.index(text)
        rows = start_candidates(units, at, frozenset({"the", "to", "on"}), None).rows
        assert (at in rows) == candidate
        assert texts.index(HEADLINE) in rows


def test_a_name_printed_again_far_above_the_text_is_a_candidate() -> None:
    """A row the page prints twice far above the text (a product's or wiki page's name over
    its picture and in its tabs, more than ROWS_ABOVE rows up) is a candidate; a row printed
    once there, or a short menu entry printed twice, is not."""
    name = "Sidamo organic coffee beans, 250 g"
    specs = "\n".join(f"Detail {k}: value {k}" for k in range(ROWS_ABOVE + 5))
    page = (
        f"Shop for coffee and tea\n\nContact us\n\n{name}\n\n{name}\n\nContact us\n\n"
        f"{specs}\n\n{BODY}\n"
    )
    units = read_units(page).units
    texts = [unit.text for unit in units]
    at = texts.index(BODY.split("\n\n")[0])
    rows = start_candidates(units, at, frozenset({"the", "to", "on", "and"}), None).rows
    assert [texts[i] for i in rows if i < at - ROWS_ABOVE] == [name, name]


def test_a_row_under_paragraphs_of_the_text_is_no_title() -> None:
    """A row under the first paragraph with more of the article's text above it is a subhead
    of that text, not a headline under a blurb: the headline over the first paragraph stays."""
    paragraph = " ".join(["word"] * 40)
    texts = [f"row {i}" for i in range(8)]
    under = StartCandidates([5, 6], _scored(2.5, -1.0))  # 5 believed 0.91 against "none"
    lede = [True, True, True, False, False, False, True, True]  # the text runs on to row 2
    weak = HeadlinePick(1, 0.3)
    # short rows read as text (a blurb's list) leave the row under them its chance
    assert pick_under_first(texts, weak, under, _BIAS_MODEL, lede, 0).row == 5
    texts[2] = paragraph
    assert pick_under_first(texts, weak, under, _BIAS_MODEL, lede, 0) == weak
