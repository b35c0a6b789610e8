"""Outlet, wire, byline and dateline read from short real-shaped page snippets."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from briefing.annotate import annotate_article
from briefing.annotate.actors import compile_profile
from briefing.extract import extract_article, metadata
from briefing.extract.metadata import name_rows, outlet_belief, split_title
from briefing.profile import load_profile
from tests.test_page_dates import BODY_DE
from tests.test_page_dates import BODY_EN as BODY

MENU = "  • Home\n  • World\n  • Business\n  • Sport"
HEADLINE = "Council votes to rebuild the old market hall"


def _page(header: str = "", footer: str = "", body: str = BODY) -> str:
    return f"{MENU}\n\n{HEADLINE}\n\n{header}\n\n{body}\n\nMore stories\n\n{footer}\n"


@pytest.mark.parametrize(
    ("footer", "outlet"),
    [
        # the owner runs to the next separator, not to the end of the row
        (
            "Copyright © 2020, Los Angeles Times | Terms of Service | Privacy Policy",
            "Los Angeles Times",
        ),
        # inside a long legal row, up to the company form and the sentence's end; the
        # network's publication as the page prints it on a row of its own
        (
            "This material may not be published, broadcast, rewritten, or redistributed. "
            "©2023 FOX News Network, LLC. All rights reserved. Quotes displayed in real-time."
            "\n\nFOX News",
            "FOX News",
        ),
        ("© 2019 Handelsblatt GmbH - ein Unternehmen der Handelsblatt Media Group", "Handelsblatt"),
        ("  • © SWR 2021", "SWR"),  # the year after the owner
        ("© 2020 – riversidegazette.com", "riversidegazette.com"),
        ("© Copyright 2023 Harbour Media Group\n\nHarbour Gazette\n\nHarbour", "Harbour"),
        # a wire agency's own copyright row: the page is the agency's
        ("© 2024 Reuters. All rights reserved.", "Reuters"),
        ("Copyright 2024 AFP", "AFP"),
        # an association's legal form and a separator after the name are not part of it
        ("© 2023 Weisser Ring e. V. Alle Rechte vorbehalten", "Weisser Ring"),
        ("© 2023 Harbour Gazette /", "Harbour Gazette"),
        ("© 2023 El Diario. Derechos Reservados", "El Diario"),
        # a period after an abbreviation ends no name; after "Co." the company's name is over
        ("© 2020, St. Georgs Chorknaben Ulm", "St. Georgs Chorknaben Ulm"),
        ("© 2015 Harbour & Co. Theme: Ari von Elmastudio.", "Harbour"),
        # a company named after its publication is no publisher of several
        ("Harbour Medien\n\nCopyright © 2019 Harbour Medien\n\nHarbour", "Harbour"),
    ],
)
def test_outlet_from_copyright_rows(footer: str, outlet: str) -> None:
    assert extract_article(_page(footer=footer), "page.txt").outlet == outlet


@pytest.mark.parametrize(
    "footer",
    [
        "Foto: © picture alliance/dpa 2021",  # a photo credit names the agency, not the site
        "© Reuters",  # no year: the credit of a picture
        "© 2023 Powered by WordPress",
        "© 2024 Creative Commons BY 4.0",
        "© since 2010",
        "© 2023 Harbour Media Group",  # a publishing company names no publication
        "© 2019 - Algunos derechos reservados.",  # a licence: "some rights reserved"
        # an owner the page names with its several publications is their publisher
        "© 2023 Meredith\n\nOther Meredith Sites",
        "Alle Medien von Tamedia\n\n© Tamedia 2023",
        # a station's call sign is its licensee, not the brand it publishes under
        "Copyright © 2023 KTRK-TV. All Rights Reserved.",
        # a publisher word as part of the owner's name, or closing a compound
        "© 2023 Harbour-Media",
        "© 2023 Static Media^®",
        "© 2023 Schweizer Agrarmedien",
        "© 2023 Sunbeam Television",  # a station's owner, not the station
        # a writer owning the words: the byline names them
        "Autor: Petra Muster\n\n© 2023 Petra Muster",
        "By Jane Doe\n\nCopyright 2023 Jane Doe",
        # the maker of the site's software or design
        "Copyright © 2016 Free Blogger Templates | All rights reserved.",
        "Forum software by Forumware^® © 2010-2019 Forumware Ltd.",
        # a name holding a wire agency's: the wire's company credited for the story
        "© Thomson Reuters 2020",
    ],
)
def test_credits_and_licences_are_not_outlets(footer: str) -> None:
    assert extract_article(_page(footer=footer), "page.txt").outlet is None


@pytest.mark.parametrize(
    ("header", "body", "wire", "byline"),
    [
        ("Von Jane Doe\n12.03.2024", BODY_DE, None, "Jane Doe"),
        (
            "Von Jane Doe und Max Muster | 12.03.2024, 17:55 Uhr",
            BODY_DE,
            None,
            "Jane Doe und Max Muster",
        ),
        ("Von Jane Doe, dpa\n12.03.2024", BODY_DE, "dpa", "Jane Doe"),
        ("Autor: Ana Lima", BODY_DE, None, "Ana Lima"),
        ("Von\nJane Doe\n12.03.2024", BODY_DE, None, "Jane Doe"),  # the names on their own row
        ("Par Jean Dupont\nPublié le 3 mars 2024", BODY, None, "Jean Dupont"),
        ("Por Juan Pérez, corresponsal\n3 de marzo de 2024", BODY, None, "Juan Pérez"),
        ("Door Jan de Vries\n3 maart 2024", BODY, None, "Jan de Vries"),
        ("By Jane Doe and John Roe, Reuters", BODY, "Reuters", "Jane Doe and John Roe"),
        ("Omar Khalil, Reuters\nMarch 3, 2024", BODY, "Reuters", "Omar Khalil"),
        ("By The Associated Press\nMarch 3, 2024", BODY, "Associated Press", None),
        # a sentence that opens with a byline word is no byline
        ("Von Montag an gilt der neue Fahrplan\n12.03.2024", BODY_DE, None, None),
        ("Short Url\nhttps://example.com/x7k2p\nUpdated 07 December 2024", BODY, None, None),
    ],
)
def test_wire_and_byline(header: str, body: str, wire: str | None, byline: str | None) -> None:
    article = extract_article(_page(header, body=body), "page.txt")
    assert (article.wire, article.byline) == (wire, byline)
    # a byline row is never article text
    texts = [block.text for block in article.blocks if block.kind != "headline"]
    assert not any(byline and byline in text for text in texts)


@pytest.mark.parametrize(
    ("first_paragraph", "wire", "dateline"),
    [
        ("DUBAI (Reuters) - Iran said on Tuesday it would send", "Reuters", "DUBAI"),
        ("LONDON, Sept 28 (Reuters) – British drivers said on Tuesday", "Reuters", "LONDON"),
        ("LONDON (Reuters) -The International Monetary Fund said on Tuesday", "Reuters", "LONDON"),
        ("BEIRUT (AFP) — Israeli strikes hit the city on Tuesday", "AFP", "BEIRUT"),
        ("Damascus (AFP) – Rebels said on Tuesday", "AFP", "Damascus"),
        ("Madrid, 9 oct (EFE).- El Gobierno aprobó hoy", "EFE", "Madrid"),
        ("Berlin (dpa) - Die Regierung sagte am Dienstag", "dpa", "Berlin"),
        # the agency's copy carried by another: the brackets credit both
        ("Kyiv, 28 August 2025 (dpa/MIA) – At least 10 people were killed", "dpa", "Kyiv"),
        ("Kyiv [Ukraine], August 28 : Russia's latest attack damaged the building", None, "Kyiv"),
        ("Bangkok, March 29: The military said on Saturday", None, "Bangkok"),
        # an agency's credit after a date may end the dateline with no mark
        ("Khartoum, Jan 12 (IANS) The Sudanese Armed Forces said on Saturday", "IANS", "Khartoum"),
        ("September 19, 2025 (EL FASHER) – More than 70 people were killed", None, "EL FASHER"),
        ("El Fasher, Sudan - At least 134 people have died", None, "El Fasher"),
        # a bare place before a colon: no common English word
        ("Cairo: A paramilitary group killed 43 civilians", None, "Cairo"),
        ("Guwahati: Several explosions shook the capital", None, "Guwahati"),
        ("Gaza City: Ninety prisoners were released early on Monday", None, "Gaza City"),
        # a place in brackets
        (
            "[Damascus] For the first time since the fall of the regime, troops entered",
            None,
            "Damascus",
        ),
    ],
)
def test_dateline_names_place_and_wire_never_outlet(
    first_paragraph: str, wire: str | None, dateline: str
) -> None:
    body = BODY.replace("The city council voted", f"{first_paragraph}. The city council voted", 1)
    # A page store's excerpt: a date marker line, then straight into the text.
    article = extract_article(f" date 2024-12-07\n{body}\n", "excerpt.txt")
    assert (article.outlet, article.wire, article.dateline) == (None, wire, dateline)
    assert article.published == "2024-12-07"
    # the dateline is the article's, not its first sentence's opening words
    tagger = compile_profile(load_profile("syria"))
    first = annotate_article(article, "a1", tagger).sentences[0]
    assert first_paragraph.endswith(first.text.removesuffix("."))
    assert not first.text.startswith(dateline)


@pytest.mark.parametrize(
    "first_paragraph",
    [
        "Question: I need some help with the old market hall",
        "Editor's Note: This is a developing story and is being updated",
        "Update: The council met again on Wednesday",
        "[Update] The council met again on Wednesday",  # a label in brackets
        "Disclaimer: This story is a warning about the future",
        "AFP - The council said on Tuesday",  # an agency is no place
        "Deutschland, Deine Döner - Was essen wir da eigentlich",  # no country after the comma
        # a speaker's name over his own words, not a place
        "Zelensky: We will respond to every attack on our cities",
        "Zelensky: “Russia must answer for every strike”",
        # with no mark, only an agency's credit after a date ends a dateline
        "Smith (AP) The council said on Tuesday it would meet",
        "Gaza, March 3 (Hamas) The council said on Tuesday it would meet",
    ],
)
def test_labels_and_agencies_are_no_datelines(first_paragraph: str) -> None:
    body = BODY.replace("The city council voted", f"{first_paragraph}. The city council voted", 1)
    assert extract_article(f" date 2024-12-07\n{body}\n", "excerpt.txt").dateline is None


@pytest.mark.parametrize(
    ("opening", "outlet", "wire", "kept"),
    [
        # a name glued to a slash credits the report as "(Reuters) -" does
        ("Shafaq News/ ", "Shafaq News", None, ""),
        ("Reuters/ ", None, "Reuters", ""),
        ("/", None, None, ""),  # a slash alone is left markup
        # a label, a word cut short: text
        ("Update/ ", None, None, "Update/ "),
        ("Sonder-/ ", None, None, "Sonder-/ "),
        # a newsroom's bureau or desk credits the report; it is no place
        ("TNI Bureau: ", "TNI", None, ""),
        ("NYM Desk: ", "NYM", None, ""),
        ("PTI Bureau: ", None, "PTI", ""),
        # a section's desk, a bureau by its city: furniture, no newsroom
        ("Sports Desk: ", None, None, ""),
        ("New Delhi Bureau: ", None, None, ""),
    ],
)
def test_a_credit_opening_the_text_is_the_credit_not_text(
    opening: str, outlet: str | None, wire: str | None, kept: str
) -> None:
    body = BODY.replace("The city council voted", f"{opening}The city council voted", 1)
    article = extract_article(f" date 2024-12-07\n{body}\n", "excerpt.txt")
    assert (article.outlet, article.wire, article.dateline) == (outlet, wire, None)
    tagger = compile_profile(load_profile("syria"))
    first = annotate_article(article, "a1", tagger).sentences[0]
    assert first.text.startswith(f"{kept}The city council voted")


@pytest.mark.parametrize(
    ("opening", "wire"), [("(CNN) — ", None), ("(Reuters) - ", "Reuters"), ("(Riverton) – ", None)]
)
def test_a_credit_in_brackets_opening_the_text_is_no_text(opening: str, wire: str | None) -> None:
    # (no place before it: "(CNN) — An Israeli strike ..."; an agency's is the wire)
    body = BODY.replace("The city council voted", f"{opening}The city council voted", 1)
    article = extract_article(f" date 2024-12-07\n{body}\n", "excerpt.txt")
    assert article.wire == wire
    tagger = compile_profile(load_profile("syria"))
    first = annotate_article(article, "a1", tagger).sentences[0]
    assert first.text.startswith("The city council voted")


@pytest.mark.parametrize(
    ("opening", "kept"),
    [
        ("Khaberni - ", ""),  # a name before a dash: a newsroom's credit or a place, no text
        ("(MENAFN) ", ""),  # a name in capitals in brackets, no dash after it
        ("Politics - ", "Politics - "),  # a common word before a dash stays text
    ],
)
def test_a_name_opening_the_text_before_a_dash_is_no_text(opening: str, kept: str) -> None:
    body = BODY.replace("The city council voted", f"{opening}The city council voted", 1)
    article = extract_article(f" date 2024-12-07\n{HEADLINE}\n\n{body}\n", "excerpt.txt")
    assert (article.outlet, article.wire, article.dateline) == (None, None, None)
    tagger = compile_profile(load_profile("syria"))
    first = next(s for s in annotate_article(article, "a1", tagger).sentences if s.kind == "body")
    assert first.text.startswith(f"{kept}The city council voted")


def test_a_name_before_a_dash_inside_the_text_stays_text() -> None:
    # Only where a text begins is "Name - " a credit: inside it, a name crediting no known
    # newsroom is the sentence's own ("Hamas - The group said ..." keeps its actor).
    body = BODY.replace("Opposition members", "Hamas - Opposition members", 1)
    article = extract_article(f" date 2024-12-07\n{HEADLINE}\n\n{body}\n", "excerpt.txt")
    tagger = compile_profile(load_profile("syria"))
    texts = [s.text for s in annotate_article(article, "a1", tagger).sentences]
    assert any(text.startswith("Hamas - Opposition members said") for text in texts)


@pytest.mark.parametrize(
    ("opening", "kept"),
    [
        ("Update: ", ""),
        ("Earlier information: ", ""),
        ("What preceded: ", ""),
        ("Smithers: ", "Smithers: "),  # a name before a colon: a speaker or a place
        ("Police: ", "Police: "),  # common words naming who speaks: the account's source
        ("Local officials: ", "Local officials: "),
    ],
)
def test_a_label_opening_a_paragraph_is_no_part_of_its_sentence(opening: str, kept: str) -> None:
    body = BODY.replace("Traders who lost", f"{opening}Traders who lost", 1)
    article = extract_article(f" date 2024-12-07\n{body}\n", "excerpt.txt")
    tagger = compile_profile(load_profile("syria"))
    texts = [s.text for s in annotate_article(article, "a1", tagger).sentences]
    assert any(text.startswith(f"{kept}Traders who lost their stalls") for text in texts)


def test_initials_after_a_datelines_place_are_its_newsroom() -> None:
    """ "Beirut, MINA – ": an agency's initials where a region would stand; a state's two
    letters ("AUSTIN, TX –") and a country ("Gaza, UAE") are regions."""
    for opening, outlet, place in (
        ("Riverton, MINA – ", "MINA", "Riverton"),
        ("Riverton, TX – ", None, None),  # (a place no word list holds: left as text)
    ):
        body = BODY.replace("The city council voted", f"{opening}The city council voted", 1)
        article = extract_article(f" date 2024-12-07\n{HEADLINE}\n\n{body}\n", "excerpt.txt")
        assert (article.outlet, article.dateline) == (outlet, place)
    tagger = compile_profile(load_profile("syria"))
    body = BODY.replace("The city council voted", "Riverton, MINA – The city council voted", 1)
    article = extract_article(f" date 2024-12-07\n{HEADLINE}\n\n{body}\n", "excerpt.txt")
    sentences = annotate_article(article, "a1", tagger).sentences
    assert next(s for s in sentences if s.kind == "body").text.startswith("The city council")


@pytest.mark.parametrize(
    ("top", "outlet"),
    [
        (f"{HEADLINE}\n\n· riverton-herald.com", "riverton-herald.com"),  # a domain under it
        (f"Riverton Herald\nLocal\n\n{HEADLINE}", "Riverton Herald"),  # a news site's name
        (f"World News\nLocal\n\n{HEADLINE}", None),  # common words: a section
        (f"{HEADLINE}\n\nFrei-Schatten.png", None),  # a file, no domain
    ],
)
def test_outlet_from_a_domain_or_a_news_name_on_a_top_row(top: str, outlet: str | None) -> None:
    assert extract_article(f"{top}\n\n{BODY}\n", "page.txt").outlet == outlet


def test_a_kicker_before_a_dash_is_no_site() -> None:
    line = "Syria unrest - Armoured forces deployed in Latakia amid Alawite protests"
    assert split_title(line, []) == (line.partition(" - ")[2], None)
    assert split_title(f"Al Jazeera - {HEADLINE} in the city centre today", []) == (
        f"{HEADLINE} in the city centre today",
        "Al Jazeera",
    )


def test_an_organisation_as_the_byline_is_no_writer() -> None:
    """ "By RFE/RL": the service whose report the page carries, not a writer."""
    article = extract_article(f"{HEADLINE}\nBy RFE/RL November 19, 2025\n\n{BODY}\n", "page.txt")
    assert (article.byline, article.wire) == (None, "RFE/RL")


def test_a_dateline_under_a_caption_taken_for_text() -> None:
    caption = "Debris of the market hall is seen on December 6, 2024, after the fire."
    lede = "December 6, 2024 (RIVERTON) – The city council voted"
    body = BODY.replace("The city council voted", lede, 1)
    article = extract_article(f" date 2024-12-07\n{caption}\n\n{body}\n", "excerpt.txt")
    assert article.dateline == "RIVERTON"


def test_an_agency_alone_over_the_text_is_the_wire_not_the_dateline() -> None:
    article = extract_article(f"AFP\n{BODY}\n", "excerpt.txt")
    assert (article.wire, article.dateline) == ("AFP", None)


@pytest.mark.parametrize(
    ("page", "outlet"),
    [
        (f"Al Jazeera\n\n{HEADLINE}\n\n{BODY}\n", "Al Jazeera"),  # a masthead printed once
        (f"{HEADLINE}\n\n{BODY}\n\nMore from\n  • The Hindu\n  • Daily Sabah\n", None),  # a menu
        # named in the text is not the page's outlet
        (f"{HEADLINE}\n\n{BODY}\n\nThe mayor told Al Jazeera the plan would go ahead.\n", None),
    ],
)
def test_outlet_from_a_known_name_on_its_own_row(page: str, outlet: str | None) -> None:
    assert extract_article(page, "page.txt").outlet == outlet


@pytest.mark.parametrize(
    ("credit", "wire"),
    [
        ("Source: The Guardian", "The Guardian"),
        ("Source: https://www.bbc.com/news/articles/ced58zywdwno?at_medium=RSS", "BBC"),
        # the label naming the site, past a subdomain and a country's second level
        ("Source: https://edition.cnn.com/2025/03/01/world/index.html", "CNN"),
        ("Source: https://news.bbc.co.uk/2/hi/middle_east/7830000.stm", "BBC"),
        ("Quelle: dpa", "dpa"),
        ("Source: Lemonde", "Le Monde"),  # a known outlet spelt as its domain does
        ("Source: USGS", None),  # a chart's data, no news source
    ],
)
def test_a_source_credit_names_whose_report_the_page_carries(credit: str, wire: str | None) -> None:
    """A "Source:" row under the text credits the report the page carries: the wire, not the
    page's own outlet."""
    article = extract_article(f"{HEADLINE}\n\n{BODY}\n\n{credit}\n", "page.txt")
    assert (article.outlet, article.wire) == (None, wire)


@pytest.mark.parametrize(
    ("top", "outlet"),
    [
        ("Harbour Gazette\n\nHarbour Gazette", "Harbour Gazette"),  # a masthead printed twice
        ("Main Menu\n\nMain Menu", None),  # navigation
        ("Übersicht: Arbeit\n\nÜbersicht: Arbeit", None),  # a label, not a name
    ],
)
def test_masthead_is_a_name_printed_twice(top: str, outlet: str | None) -> None:
    page = f"{top}\n\n{HEADLINE}\n\n{BODY}\n"
    assert extract_article(page, "page.txt").outlet == outlet


@pytest.mark.parametrize(
    ("header", "byline"),
    [
        ("By Jane Doe Kinzig Bote\nMarch 3, 2024", "Jane Doe"),  # the site after the writer
        ("By Jane Kinzig Bote\nMarch 3, 2024", "Jane Kinzig Bote"),  # a name keeps two words
        ("By KinzigBote.de\nMarch 3, 2024", None),  # the site credited: the outlet, no writer
        ("By Jane Doe Jane Doe\nMarch 3, 2024", "Jane Doe"),  # the name printed twice
    ],
)
def test_the_site_is_no_writer_of_its_byline(header: str, byline: str | None) -> None:
    article = extract_article(_page(header, footer="© 2024 Kinzig Bote"), "page.txt")
    assert (article.outlet, article.byline) == ("Kinzig Bote", byline)


@pytest.mark.parametrize(
    ("headline", "standfirst", "body"),
    [
        (
            "Old market hall: Council votes to rebuild it",
            "The council wants to open the hall again within two years",
            BODY,
        ),
        (
            "Markthalle: Stadtrat stimmt für den Neubau",
            "Die Stadt will die Halle in zwei Jahren wieder öffnen",
            BODY_DE,
        ),
        ("Mayor: “The hall belongs to everyone”", "The council wants to open it again", BODY),
    ],
)
def test_headline_over_its_standfirst_and_byline_is_the_title(
    headline: str, standfirst: str, body: str
) -> None:
    """No page title line: the scorer picks the headline, not the standfirst under it that has
    the byline right under it."""
    page = (
        f"{MENU}\n\nNews\n\n{headline}\n\n{standfirst}\n\nBy Jo Bloggs\n\nMarch 3, 2023\n\n{body}\n"
    )
    assert extract_article(page, "page.txt").title == headline


@pytest.mark.parametrize(
    ("title_row", "footer", "title", "outlet"),
    [
        # the part after the dash continues the headline: lower-case words after a name
        (f"{HEADLINE} - Regime clashes", "", f"{HEADLINE} - Regime clashes", None),
        (f"{HEADLINE} – live updates", "", f"{HEADLINE} – live updates", None),
        # a name's shape, a domain, or a lower-case name the page's copyright row owns: the site
        (f"{HEADLINE} - Harbour Gazette", "", HEADLINE, "Harbour Gazette"),
        (f"{HEADLINE} - harbourgazette.com", "", HEADLINE, "harbourgazette.com"),
        (f"{HEADLINE} - harbour news", "© 2024 harbour news", HEADLINE, "harbour news"),
    ],
)
def test_title_row_splits_off_only_a_site_name(
    title_row: str, footer: str, title: str, outlet: str | None
) -> None:
    page = f"{title_row}\n\nBy Jo Bloggs\n\nMarch 3, 2023\n\n{BODY}\n\n{footer}\n"
    article = extract_article(page, "page.txt")
    assert (article.title, article.outlet) == (title, outlet)


def test_a_list_item_on_the_first_row_is_no_page_title() -> None:
    """A menu's link opening the page ("• Harbour Gazette News | Facebook") names a link, not the
    site: the same row unbulleted is a "Headline | Site" title."""
    top = "Harbour Gazette News | Facebook"
    page = f"{{}}\n\n{HEADLINE}\n\nBy Jo Bloggs\n\nMarch 3, 2023\n\n{BODY}\n"
    assert extract_article(page.format(f"  • {top}"), "page.txt").outlet is None
    assert extract_article(page.format(top), "page.txt").outlet == "Facebook"


@pytest.mark.parametrize("tail", ["Blog", "BLOG", "Our Blog"])
def test_a_menu_label_after_the_title_names_no_site(tail: str) -> None:
    """'Harbour Plus-Size Fashion – BLOG': the tail is the section's menu label."""
    page = f"{HEADLINE} – {tail}\n\nBy Jo Bloggs\n\nMarch 3, 2023\n\n{BODY}\n"
    assert extract_article(page, "page.txt").outlet is None


@pytest.mark.parametrize(
    ("row", "name"),
    [
        ("Le Point Le Point", "Le Point"),  # a logo's alt text over the name: printed twice
        ("Crazy JuliaCrazy Julia", "Crazy Julia"),
        ("Modepilot Logo", "Modepilot"),
        ("Source: Harbour Gazette", "Harbour Gazette"),
        ("the council met on Monday", None),  # no capital: no name
        ("© 2024 Harbour Media GmbH", None),  # the copyright rules read an owner's row
    ],
)
def test_name_rows_clean_a_short_row_to_the_name(row: str, name: str | None) -> None:
    assert [entry.name for entry in name_rows([row])] == ([name] if name else [])


def test_learned_outlet_names_the_row_the_page_addresses_spell() -> None:
    """No rule names the site (no title part, copyright owner, known outlet or masthead): the
    fitted scorer picks the name row that tops the page and that the page's own addresses
    spell, not a section label."""
    page = (
        f"Kinzig Bote\n\n{MENU}\n\nPolitik\n\n{HEADLINE}\n\n{BODY}\n\n"
        "Kontakt: redaktion@kinzigbote.de\n\nwww.kinzigbote.de\n"
    )
    assert extract_article(page, "page.txt").outlet == "Kinzig Bote"
    # without the addresses and the masthead nothing is believed enough
    bare = f"{MENU}\n\nPolitik\n\n{HEADLINE}\n\n{BODY}\n"
    assert extract_article(bare, "page.txt").outlet is None


def test_a_copyright_owner_printed_nowhere_else_yields_to_the_believed_masthead() -> None:
    """A parent company in the copyright line ("Condé Nast" under WIRED's pages) is printed on
    no other row; the name row the fitted scorer believes in (the masthead the page's addresses
    spell) names the site. An owner the page prints on rows of its own stays the outlet."""
    top = f"Kinzig Bote\n\n{MENU}\n\nPolitik\n\n{HEADLINE}\n\n{BODY}\n\n"
    contact = "Kontakt: redaktion@kinzigbote.de\n\nwww.kinzigbote.de\n\n"
    page = f"{top}{contact}© 2023 Ortenau Druck\n"
    assert extract_article(page, "page.txt").outlet == "Kinzig Bote"
    printed = f"{top}Ortenau Druck\n\nMehr von Ortenau Druck\n\n{contact}© 2023 Ortenau Druck\n"
    assert extract_article(printed, "page.txt").outlet == "Ortenau Druck"


def test_a_parent_company_yields_to_the_name_the_pages_addresses_and_menus_print() -> None:
    """A copyright owner the short rows hardly print ("Dow Jones" under WSJ's pages) yields to
    the name the page's own host spells ("wsj.com") when its menus print that name at least
    BRAND_ROWS times and twice as often; a platform's name (Facebook's share rows), a
    subdomain's service ("docs.python.org") or an abbreviation of the owner never does."""
    menu = "  • WSJ Pro\n  • WSJ Video\n  • WSJ Podcasts\n  • Share on Facebook\n  • Facebook"
    top = f"{menu}\n\n{HEADLINE}\n\n{BODY}\n\nSubscribe at www.wsj.com\n\n"
    page = f"{top}Copyright ©2019 Dow Jones. All Rights Reserved.\n"
    assert extract_article(page, "page.txt").outlet == "WSJ"
    # an owner the short rows print more than half as often keeps the page
    owned = f"{top}Dow Jones\n\nAbout Dow Jones\n\nDow Jones Newsletters\n\n© 2019 Dow Jones\n"
    assert extract_article(owned, "page.txt").outlet == "Dow Jones"
    platform = top.replace("www.wsj.com", "facebook.com/wsj").replace("WSJ ", "Facebook ")
    assert extract_article(f"{platform}© 2019 Dow Jones\n", "page.txt").outlet == "Dow Jones"
    service = top.replace("www.wsj.com", "docs.wsj.com")
    assert extract_article(f"{service}© 2019 Dow Jones\n", "page.txt").outlet == "Dow Jones"
    times = top.replace("WSJ", "LA Times").replace("www.wsj.com", "www.latimes.com")
    assert extract_article(f"{times}© 2019 Los Angeles Times\n", "page.txt").outlet == (
        "Los Angeles Times"
    )


def test_a_masthead_the_menus_hardly_print_yields_to_the_sites_own_name() -> None:
    """A partner station's name repeated above the headline is not the site whose host the page
    spells and whose menus print its name."""
    menu = "  • Cooperativa Deportes\n  • Cooperativa Radio\n  • Cooperativa TV"
    top = f"Radio Sur\n\nRadio Sur\n\n{menu}\n\n{HEADLINE}\n\n{BODY}\n\n"
    assert extract_article(f"{top}www.cooperativa.cl\n", "page.txt").outlet == "Cooperativa"
    assert extract_article(top, "page.txt").outlet == "Radio Sur"


def test_learned_outlet_reads_no_pasted_excerpt() -> None:
    """A text without list items is a pasted excerpt, not the page dumps the scorer was fitted
    on: its short capitalised rows are subheads, so it names no site."""
    excerpt = (
        f"Kinzig Bote\n\n{HEADLINE}\n\n{BODY}\n\nJournalists Among the Dead\n\n{BODY}\n\n"
        "Kontakt: redaktion@kinzigbote.de\n"
    )
    assert outlet_belief(excerpt.split("\n\n"), frozenset()) is not None  # the scorer alone
    assert extract_article(excerpt, "page.txt").outlet is None


def test_a_place_before_a_long_sentence_is_a_dateline_not_a_site() -> None:
    line = (
        "El Fasher, Sudan - At least 134 people have died at a single hospital in the Darfur"
        " city of El-Fasher in western Sudan, Doctors without Borders (MSF) said on Sunday,"
        " including one MSF team member."
    )
    assert split_title(line) == (line, None)
    assert split_title(f"BBC News | {HEADLINE}") == (HEADLINE, "BBC News")


def test_name_rows_screen_out_names_without_the_pages_evidence() -> None:
    """A short capitalised row in the middle of the page (a menu item, a section label) is no
    candidate; the same kind of row is one when the page's copyright line, its addresses or a
    logo label name it, or when it opens the page."""
    middle = ["Council votes to rebuild", BODY, "Harbour Gazette", "Politics", BODY, "Contact"]
    assert [entry.name for entry in name_rows(middle)] == []
    screened = {
        "copyright": (["Council votes to rebuild", "© 2024 Harbour Gazette"], "in_copyright"),
        "address": (["Council votes to rebuild", "Mail: news@harbourgazette.com"], "addressed"),
        "logo": (["Council votes to rebuild", "Harbour Gazette Logo"], "logo"),
        "doubled": (["Council votes to rebuild", "Harbour Gazette Harbour Gazette"], "doubled"),
    }
    for footer, evidence in screened.values():
        rows = name_rows([*middle, *footer])
        assert [entry.name for entry in rows] == ["Harbour Gazette"]
        assert getattr(rows[0], evidence)
        assert rows[0].rows[0] == 2  # its copies are its rows: the middle one included
    assert [entry.name for entry in name_rows(["Harbour Gazette", *middle[:2]])] == [
        "Harbour Gazette"
    ]


@pytest.mark.parametrize(
    "page",
    [
        "mail news@harbour-gazette.co.uk or see https://www.harbourgazette.com/news",
        "http://www.a.b.harbour.de and xwww.nothing.com, www.second.org www.second.org",
        "@@ ://:// www.www.example.com @x.y.com\n@next.row.de",
        "no address at all",
    ],
)
def test_page_addresses_read_at_their_marks_as_a_scan_reads_them(page: str) -> None:
    """The addresses matched only where "@", "://" or "www." stands are those a left-to-right
    scan of the whole page finds (a match swallows the marks inside it)."""
    scanned = Counter(
        re.sub(r"\W|_", "", match["name"]) for match in metadata.PAGE_ADDRESS.finditer(page)
    )
    assert metadata._page_addresses(page) == scanned  # noqa: SLF001


@pytest.mark.parametrize(
    ("credit", "outlet"),
    [
        ("Devdiscourse News Desk | Cairo | Updated: 19-09-2025 23:11 IST", "Devdiscourse"),
        ("NYM Desk", "NYM"),
        ("Help Desk", None),  # common words: a service's desk
        ("Business Desk", None),  # a section's desk
        ("Reuters Desk", None),  # an agency's desk is no site's
        ("Our Web Desk", None),  # the site speaking of its own desk names no site
    ],
)
def test_a_desk_credit_names_the_site(credit: str, outlet: str | None) -> None:
    article = extract_article(f"{HEADLINE}\n\n{credit}\n\n{BODY}\n", "page.txt")
    assert article.outlet == outlet


def test_a_newsroom_credited_in_the_dateline_is_the_outlet_an_agency_the_wire() -> None:
    """ "AUSTIN (KXAN) —": the station that filed the report; "(AP)" credits a wire's copy."""
    # A place in the brackets ("AUSTIN (Texas) —") credits nobody.
    for credit, outlet, wire in (("KXAN", "KXAN", None), ("AP", None, "AP"), ("Texas", None, None)):
        body = BODY.replace("The city council", f"AUSTIN ({credit}) — The city council", 1)
        article = extract_article(f" date 2024-12-07\n{body}\n", "excerpt.txt")
        assert (article.outlet, article.wire, article.dateline) == (outlet, wire, "AUSTIN")


@pytest.mark.parametrize(
    ("sentence", "wire"),
    [
        ("Agency spokesman Mahmud Bassal told AFP the toll had risen.", "AFP"),
        ("The negotiator told the AP in August that he was hopeful.", "AP"),
        ("A source close to the group told news agency AFP contact was lost.", "AFP"),
        ("The star told The Associated Press in an interview.", "Associated Press"),
        ("The mayor told Al Jazeera the plan would go ahead.", None),  # no agency
        ("She told reporters the AFP office had closed.", None),  # not told to the agency
        ("At least 14 schools were hit, according to an AFP tally.", "AFP"),
        ("In Mandalay, AFP journalists witnessed rescuers pull a woman out.", "AFP"),
        ("Reuters reporters in the city saw smoke rising.", "Reuters"),
        ("Reuters photographer Hatem Omar was wounded.", None),  # the agency's staff as news
    ],
)
def test_an_agency_someone_spoke_to_is_the_wire(sentence: str, wire: str | None) -> None:
    """Only an agency's own reporters are told things for its copy: a page quoting what
    someone "told AFP" carries AFP's report."""
    body = BODY.replace("Traders who lost", f"{sentence} Traders who lost", 1)
    assert extract_article(f"{HEADLINE}\n\n{body}\n", "page.txt").wire == wire


@pytest.mark.parametrize(
    ("trailer", "wire"),
    [
        ("AFP", "AFP"),
        ("— Reuters", "Reuters"),
        ("(With AFP)", "AFP"),
        ("With inputs from PTI", "PTI"),
        ("AFP/Reuters", "AFP"),
        ("France24/ afp", "AFP"),  # the outlet that rewrote the agency's copy, then the agency
        ("--Agencies", "Agencies"),
        ("Reuters reported the talks had stalled.", None),  # a sentence, no credit row
    ],
)
def test_an_agency_credited_on_a_row_after_the_text_is_the_wire(
    trailer: str, wire: str | None
) -> None:
    article = extract_article(f"{HEADLINE}\n\n{BODY}\n\n{trailer}\n", "page.txt")
    assert article.wire == wire


def test_a_quote_opening_the_title_is_no_site() -> None:
    line = "‘Dead and Wounded Everywhere’ — Russian Attack on Dnipro Kills at Least 17, Injures 279"
    assert split_title(line, []) == (line, None)


def test_a_programmes_hours_are_no_site() -> None:
    # A radio page's first row: the show and its hours, not "Headline - Site".
    line = "Iain Dale 7pm - 10pm"
    assert split_title(line, ["10pm"]) == (line, None)
    article = extract_article(f"\n{line}\n\n{HEADLINE}\n\n{BODY}\n", "page.txt")
    assert article.outlet != "10pm"
    assert split_title(f"{HEADLINE} - Al Jazeera", ["Al Jazeera"]) == (HEADLINE, "Al Jazeera")


def test_a_speaking_body_after_the_headline_is_no_site() -> None:
    # "Headline – Interior Ministry": whose account the headline gives, not the site's name
    for source in ("Interior Ministry", "Kharkiv police"):
        line = f"{HEADLINE} – {source}"
        assert split_title(line, []) == (line, None)
    assert split_title(f"{HEADLINE} – Kyiv Post", []) == (HEADLINE, "Kyiv Post")


def test_a_dateline_with_its_newsroom_opening_the_text_is_no_site() -> None:
    # "Afghanistan, MINA – ...": a place and the newsroom that filed the copy, which names the
    # outlet; the whole "Afghanistan, MINA" was read as a site before a headline.
    opening = (
        "Afghanistan, MINA – At least 19 people were killed and hundreds of others wounded "
        "after a 6.3 magnitude earthquake struck northern Afghanistan on Monday, officials said."
    )
    assert split_title(opening, [], "en") == (opening, None)
    article = extract_article(f"{opening}\n\n{BODY}\n", "page.txt")
    assert article.outlet == "MINA"
    assert article.dateline == "Afghanistan"


@pytest.mark.parametrize(
    ("host", "label"),
    [
        ("www.bbc.com", "bbc"),
        ("news.bbc.co.uk", "bbc"),
        ("www3.nhk.or.jp", "nhk"),
        ("www.asahi.ne.jp", "asahi"),
        ("www.bundeskanzleramt.gv.at", "bundeskanzleramt"),
        ("WWW.Lemonde.fr:443", "lemonde"),
        ("localhost", "localhost"),
    ],
)
def test_site_label_is_the_registrable_domains_name(host: str, label: str) -> None:
    assert metadata.site_label(host) == label


def test_a_domain_under_a_subdomain_is_spelled_out_by_its_sites_name() -> None:
    """A page titled by its site's host with a subdomain ("news.riversidegazette.com") is
    named as its masthead spells the site's label, not the subdomain."""
    texts = ["Riverside Gazette", "Council approves bus depot"]
    assert metadata._spelled_out("news.riversidegazette.com", texts) == "Riverside Gazette"  # noqa: SLF001
    assert metadata._spelled_out("www.riversidegazette.co.uk", texts) == "Riverside Gazette"  # noqa: SLF001


def test_a_credit_in_capitals_opens_a_paragraph_under_an_unfinished_headline() -> None:
    # The MENAFN QA page (2026): the headline row, ending without a stop, and the lede under
    # it, opening with its credit on the next line, were read as one row and both lost.
    page = (
        "Syrian army secures Sheikh Maqsoud amid clashes with YPG/SDF\n"
        "(MENAFN) The Syrian Army announced on Saturday that it has completed a thorough "
        "security sweep of the Sheikh Maqsoud neighborhood in Aleppo, following heightened "
        "confrontations with the YPG/SDF terror group.\n"
        "The Army’s Operations Command urged residents in the area to remain in their homes "
        "and not go outside, as reported by local media.\n"
    )
    article = extract_article(page, "excerpt.txt")
    assert article.title == "Syrian army secures Sheikh Maqsoud amid clashes with YPG/SDF"
    tagger = compile_profile(load_profile("syria"))
    first = next(s for s in annotate_article(article, "a1", tagger).sentences if s.kind == "body")
    assert first.text.startswith("The Syrian Army announced on Saturday")


def test_a_known_outlet_in_a_list_of_names_under_the_text_is_not_the_pages() -> None:
    # The aggregator QA page (Geneva talks, 2025): its list of sources under the text named
    # "CNN" among other names, and the page was credited to CNN.
    sources = "\n".join(["The Columbian", "Reuters US Top", "America News", "CNN", "Raw Story"])
    article = extract_article(f" date 2024-12-07\n{HEADLINE}\n\n{BODY}\n\n{sources}\n", "x.txt")
    assert article.outlet is None
    # A credit on its own row right under the text is the page's.
    article = extract_article(f" date 2024-12-07\n{HEADLINE}\n\n{BODY}\nCNN\n{sources}\n", "x.txt")
    assert article.outlet == "CNN"


@pytest.mark.parametrize("bracket", ["(", ""])
def test_a_syndicators_credit_before_the_dateline_names_the_source(bracket: str) -> None:
    # MENAFN's pages (the judged Port Sudan page, the disarmament QA page): "MENAFN - Jordan
    # Times) BEIRUT, Lebanon - ..." gave the dateline "MENAFN" and left the rest in the text.
    body = BODY.replace(
        "The city council voted",
        f"{bracket}MENAFN - Jordan Times) BEIRUT, Lebanon - The city council voted",
        1,
    )
    article = extract_article(f" date 2024-12-07\n{HEADLINE}\n\n{body}\n", "excerpt.txt")
    assert (article.dateline, article.outlet) == ("BEIRUT", "Jordan Times")
    tagger = compile_profile(load_profile("syria"))
    first = next(s for s in annotate_article(article, "a1", tagger).sentences if s.kind == "body")
    assert first.text.startswith("The city council voted")


@pytest.mark.parametrize(
    "link",
    [
        # the link's title on the row after its lead-in, closing the bracket
        "(Related:\nTraders fear for their stalls as the river floods again.)",
        "(READ MORE: Traders fear for their stalls as the river floods again.)",
    ],
)
def test_a_related_link_inside_a_paragraph_is_no_text(link: str) -> None:
    body = BODY.replace("in the spring.", f"in the spring. {link}", 1)
    article = extract_article(_page(body=body), "page.txt")
    texts = [block.text for block in article.blocks if block.kind == "body"]
    assert texts[0].endswith("the work would start in the spring.")
    assert texts[1].startswith("Traders who lost their stalls")
    assert not any("Traders fear" in text or "(" in text for text in texts)
