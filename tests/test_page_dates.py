"""Page dates on made-up pages: the forms pages write them in, which of several is the page's,
when to give none, and the ` date YYYY-MM-DD` marker line."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.extract import extract_article
from briefing.extract.dates import MAYBE_DATE, date_candidates, find_date, split_date_marker

MENU = "\n".join(f"  • {item}" for item in ("Home", "World", "Business", "Sport", "Culture"))
BODY_EN = (
    "The city council voted on Tuesday to rebuild the old market hall, which burned down in a "
    "fire last winter, and said the work would start in the spring.\n\n"
    "Traders who lost their stalls will move to a temporary site by the river, the council said, "
    "and the new hall should open again within two years if the money is found.\n\n"
    "Opposition members said the plan was too expensive and asked for a cheaper design, but the "
    "vote passed with a clear majority after a long debate in the chamber."
)
BODY_DE = (
    "Der Stadtrat hat am Dienstag beschlossen, die alte Markthalle wieder aufzubauen, die im "
    "letzten Winter bei einem Brand zerstört worden war.\n\n"
    "Die Händler, die ihre Stände verloren haben, ziehen bis dahin auf einen Platz am Fluss, "
    "sagte die Stadt, und die neue Halle soll in zwei Jahren wieder öffnen.\n\n"
    "Die Opposition nannte den Plan zu teuer und forderte einen günstigeren Entwurf, aber der "
    "Beschluss wurde nach einer langen Debatte mit klarer Mehrheit gefasst."
)
BODY_RU = (
    "Городской совет во вторник проголосовал за то, чтобы восстановить старый рынок, который "
    "сгорел прошлой зимой, и сказал, что работы начнутся весной.\n\n"
    "Торговцы, которые потеряли свои места, переедут на временную площадку у реки, как "
    "сообщили в совете, а новый рынок должен открыться через два года."
)
FOOTER = "  • About us\n  • Contact\n  • Privacy\n\n© 2020 Riverside Gazette"


def _page(header: str, body: str = BODY_EN, top: str = "", headline: str = "") -> str:
    headline = headline or "Council votes to rebuild the old market hall"
    return f"{top}\n\n{MENU}\n\n{headline}\n\n{header}\n\n{body}\n\n{FOOTER}\n"


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("By Jane Doe\nJuly 9, 2020 at 6:40 PM EDT", "2020-07-09T18:40"),
        ("Published: 10:55 EDT, 7 May 2020 | Updated: 11:20 EDT, 8 May 2020", "2020-05-07T10:55"),
        ("Updated: 8 May 2020 | Published: 7 May 2020", "2020-05-07"),
        ("Mon., March 23, 2020", "2020-03-23"),
        ("Jane Doe | 2020-03-23", "2020-03-23"),
    ],
)
def test_english_header_dates(header: str, published: str) -> None:
    assert extract_article(_page(header), "page.txt").published == published


@pytest.mark.parametrize(
    "header",
    ["Von Anna Schmidt\n4. März 2019", "04.03.2019, 14:05 Uhr", "Veröffentlicht am 4. März 2019"],
)
def test_german_header_dates(header: str) -> None:
    article = extract_article(
        _page(header, BODY_DE, headline="Stadtrat beschließt Neubau der alten Markthalle"),
        "seite.txt",
    )
    assert article.published is not None
    assert article.published[:10] == "2019-03-04"


def test_date_in_the_text_is_not_the_page_date() -> None:
    body = BODY_EN.replace(
        "would start in the spring.", "would start in the spring, until March 1, 2025 at least."
    )
    assert extract_article(_page("By Jane Doe", body), "page.txt").published is None


# An excerpt whose only date is an event its sentences tell: no page date rather than that one.
TOLD_DATES = (
    "The war began with the attack on Israel on October 7, 2023, in which about 1,200 people "
    "were killed and 251 taken hostage, according to Israeli tallies.",
    "Hamas fighters took 251 hostages on October 7, 2023.",
    "October 7, 2023 was the deadliest day for Jews since the Holocaust, speakers told the crowd.",
)


@pytest.mark.parametrize("told", TOLD_DATES)
def test_a_date_only_told_in_the_text_is_not_the_page_date(told: str) -> None:
    text = (
        "Ceasefire talks resume in Cairo as families press for a deal\n\n"
        "The families of hostages gathered in Tel Aviv on Tuesday to press the government for "
        f"a deal.\n\n{told}\n\nTalks in Cairo resumed this week, officials from both sides told "
        "reporters, without giving details of the proposals under discussion.\n"
    )
    article = extract_article(text, "excerpt.txt")
    assert article.title == "Ceasefire talks resume in Cairo as families press for a deal"
    assert article.published is None


@pytest.mark.parametrize(
    "row",
    (
        "By Ela on 31 October 2023 | 18 Comments",
        "Published on October 31, 2023, after the council's vote.",
        "31.10.2023 - The council voted on Tuesday.",
    ),
)
def test_a_row_giving_its_own_date_still_dates_the_page(row: str) -> None:
    article = extract_article(_page(row), "page.txt")
    assert article.published is not None and article.published[:10] == "2023-10-31"


def test_render_date_far_above_is_not_the_page_date() -> None:
    """A "today" line at the top, months after the article's own date, is the day of saving."""
    page = _page("By Jane Doe\nDecember 6, 2024", top="Thursday, July 3, 2025\nE-Paper")
    assert extract_article(page, "page.txt").published == "2024-12-06"


def test_teaser_list_dates_are_not_the_page_date() -> None:
    teasers = "\n\n".join(
        f"More news\n\nBridge {n} repaired after storm\nMarch {n}, 2020" for n in range(10, 16)
    )
    page = _page("By Jane Doe\nMarch 3, 2020", f"{BODY_EN}\n\n{teasers}")
    assert extract_article(page, "page.txt").published == "2020-03-03"


def test_date_in_another_language_read_by_dateparser() -> None:
    page = _page("6 декабря 2024", BODY_RU, headline="Совет проголосовал за восстановление рынка")
    assert extract_article(page, "page.txt").published == "2024-12-06"


def test_all_digit_dates_read_the_way_the_page_writes_them() -> None:
    # Slashed on an English page: unread alone, read day first next to "December 6, 2024".
    assert date_candidates(["Posted 06/12/2024"], "en") == []
    (candidate, _) = date_candidates(["Posted 06/12/2024", "Photo taken December 6, 2024"], "en")
    assert candidate.iso == "2024-12-06"
    # Dotted dates are day first; a date that can only be read one way is read that way.
    assert [c.iso for c in date_candidates(["18. 05. 2014 22:38", "11/13/19"], "de")] == [
        "2014-05-18T22:38",
        "2019-11-13",
    ]
    assert find_date("2019年3月4日 发布") == (0, 9, "2019-03-04")


@pytest.mark.parametrize(
    ("text", "marked", "rest"),
    [
        (" date 2024-12-07\nRebels entered Homs.", "2024-12-07", "Rebels entered Homs."),
        (" date 2024-12-07 E-Paper | Dec 07, 2024\n", "2024-12-07", "E-Paper | Dec 07, 2024\n"),
        ("date 2024-02-30\nText.", None, "Text."),  # not a day, and still not text
        ("The date 2024-12-07 was set.", None, "The date 2024-12-07 was set."),
    ],
)
def test_date_marker_line(text: str, marked: str | None, rest: str) -> None:
    assert split_date_marker(text) == (marked, rest)


def test_marker_is_the_page_date_and_never_text() -> None:
    paragraph = (
        "Syrian rebels entered the outskirts of Homs on Saturday, residents said, as government "
        "forces pulled back from positions north of the city after days of heavy fighting."
    )
    second = (
        "The advance came a day after the rebels took Hama, and thousands of people fled toward "
        "the coast, according to aid groups working in the region."
    )
    article = extract_article(f" date 2024-12-07\n{paragraph}\n\n{second}\n", "excerpt.txt")
    assert article.published == "2024-12-07"
    body = [block.text for block in article.blocks if block.kind == "body"]
    assert body[0] == paragraph
    assert not any("2024-12-07" in text for text in body + list(article.dropped))


@pytest.mark.parametrize(
    "controls",
    [
        "Create an account\n\nSign in",
        "Listen to this page using ReadSpeaker",
        "Today's Paper\n\nUS & Canada is sponsored by",
    ],
)
def test_headline_is_not_a_page_control_above_it(controls: str) -> None:
    headline = "Council votes to rebuild the old market hall"
    header = "By Jane Doe\nMarch 3, 2020"
    page = f"{MENU}\n\n{controls}\n\n{headline}\n\n{header}\n\n{BODY_EN}\n\n{FOOTER}\n"
    article = extract_article(page, "page.txt")
    assert article.title == headline
    assert article.published == "2020-03-03"


def test_non_english_page_gets_headline_and_date() -> None:
    headline = "Stadtrat beschließt Neubau der alten Markthalle"
    page = f"{MENU}\n\n{headline}\n\nAnna Schmidt | 4. März 2019\n\n{BODY_DE}\n\n{FOOTER}\n"
    article = extract_article(page, "seite.txt")
    assert (article.title, article.published, article.language) == (headline, "2019-03-04", "de")


def test_dateline_opening_an_excerpt_is_a_place_not_the_outlet() -> None:
    text = (
        " date 2024-12-07\n"
        "DUBAI (Reuters) - Iran said on Saturday it would keep supporting the government as "
        "rebels advanced on the country's third largest city after taking two others.\n"
        "The foreign minister said Tehran would send whatever help was needed, speaking in Doha "
        "where he met his Russian and Turkish counterparts to discuss the crisis.\n"
    )
    article = extract_article(text, "excerpt.txt")
    assert (article.outlet, article.wire, article.dateline) == (None, "Reuters", "DUBAI")
    assert article.published == "2024-12-07"
    assert "DUBAI (Reuters)" not in article.title


PLAIN_MAYBE_DATE = re.compile(r"(?:19|20)\d{2}|\d[./-]\s?\d{1,2}[./-]\s?\d{2}")


@given(st.text(alphabet="0123456789./- x\u0661\u0662", max_size=14))
def test_maybe_date_screen_finds_what_its_plain_form_finds(text: str) -> None:
    assert (MAYBE_DATE.search(text) is None) == (PLAIN_MAYBE_DATE.search(text) is None)


def test_maybe_date_screen_on_years_and_numeric_dates() -> None:
    for text in ("in 1998", "2024", "04.03.19", "4/3/ 24", "1-2-03"):
        assert MAYBE_DATE.search(text), text
    for text in ("1899", "2100", "12:30", "3.5 km", "x 21 y"):
        assert not MAYBE_DATE.search(text), text
