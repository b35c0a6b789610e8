"""The caption rules (`units.is_caption_row`, and `units.is_credited_row` read after the body
classifier's decision): lines closing on a picture's or an agency's credit are captions at a
caption's length; paragraphs citing their source, abbreviations in brackets and text glued to a
credit are not."""

from __future__ import annotations

import pytest

from briefing.extract import extract_article
from briefing.extract.units import Unit, forget_units, make_units
from briefing.extract.vocabulary import STOPWORDS

# Shapes of the judged corpus's and the shared sets' captions the rule missed before.
CAPTIONS = [
    # a credit tail after more than 25 words, not in brackets
    "A car carrying displaced people back to their homes heads out of Beirut early Wednesday "
    "just hours after an Israel-Hezbollah cease-fire came into force. Photo by Wael Hamzeh/EPA-EFE",
    # the same caption twice on one wrapped line: long, still closing on the credit
    "1 of 3 | A car carrying displaced people back to their homes heads out of Beirut early "
    "Wednesday just hours after an Israel-Hezbollah cease-fire came into force. Photo by Wael "
    "Hamzeh/EPA-EFE 1 of 3 | A car carrying displaced people back to their homes heads out of "
    "Beirut early Wednesday just hours after the cease-fire. Photo by Wael Hamzeh/EPA-EFE",
    # a picture named in the closing bracket, past 25 words
    "Rescuers inspect the damage at the site of a reported suicide attack at the Saint Elias "
    "church in Damascus' Dwelaa area on June 22, 2025, as worshippers gather outside. (AFP Photo)",
    "A journalist holds a blood-covered camera belonging to a photojournalist who was killed in "
    "an Israeli strike on Nasser hospital in Khan Yunis in the southern Gaza Strip, (AFP or "
    "licensors)",
    "Die Kinder waren alle noch sehr klein (Symbolbild).",
    # an agency's initials after the caption's last sentence
    "Syrian new regime forces are seen here, deployed in the Al-Midan neighborhood of Aleppo "
    "Governorate. (SANA)",
    # "/ Agency" after a sentence's end
    "The full extent of the damage in Zamzam remained unclear because of internet shutdowns and "
    "communications disruptions. / Reuters",
    # credit labels of other languages
    "Son tres los periodos de vacaciones durante el año escolar. Foto: Andina",
    "Foto: Sascha Klahn",
    "Gerade der untere Bereich der Module wird vom Schnee stark belastet. (Bildquelle: Neumann)",
    "Die Fishing Masters Show sollte ursprünglich im September stattfinden. Bild: Jahr Media",
]

TEXT = [
    # a paragraph citing its source, after a report verb or a quote
    "The ministry said the talks with the Kurdish-led forces would resume in Damascus on Monday. "
    "(SANA)",
    "“We will rebuild every school,” the minister told reporters in Aleppo. (SANA)",
    # abbreviations in brackets, names of organisations
    "Deutscher Jagdverband e. V. (DJV)",
    "Institute for Advanced Sustainability Studies (IASS)",
    "A temporary road has been built around the bridge at Bawdens. (GP)",  # two letters: initials
    # a teaser's title announcing its gallery
    "Miss Moscow 2018 picked from 49 top beauties (PHOTOS)",
    # a sentence that names a photo, and one with "Bild:" inside
    "He posted a photo by Annie Leibovitz.",
    "Die Bilder und O-Töne zeichnen ein klares Bild: Deutsche fühlen sich im Alltag bedroht.",
    # a paragraph of text with a credit glued to its end: longer than a caption
    "Gleichwohl gibt es bei der konkreten Ausgestaltung Spielräume, und ob die Preiserhöhungen "
    "im Einzelfall gerechtfertigt sind, müsste gegebenenfalls gerichtlich geklärt werden. Vor "
    "einer Klage sollten sich Verbraucher beraten lassen; die meisten Unternehmen unterliegen "
    "der Kommunalaufsicht, private Anbieter unterliegen der Aufsicht der Kartellbehörden und "
    "müssen ihre Preise dort begründen.Foto: photocase.de",
    # a long paragraph ending in its agency's initials
    "The council voted on Tuesday to rebuild the old market hall, which has stood empty since the "
    "floods of the spring, and to open it again as a covered market within two years. (ANSA)",
]


def _unit(text: str) -> Unit:
    forget_units()
    (unit,) = make_units([(text, False)], STOPWORDS["en"])
    return unit


def _caption(text: str) -> bool:
    unit = _unit(text)
    return unit.caption or unit.credited


@pytest.mark.parametrize("text", CAPTIONS)
def test_lines_closing_on_a_credit_are_captions(text: str) -> None:
    assert _caption(text)


@pytest.mark.parametrize("text", TEXT)
def test_text_citing_a_source_or_naming_a_photo_is_not(text: str) -> None:
    assert not _caption(text)


def test_the_classifiers_caption_feature_does_not_read_the_credits() -> None:
    # the body classifier reads `caption`: a credit only `is_credited_row` reads leaves it off
    unit = _unit(CAPTIONS[0])
    assert unit.credited and not unit.caption


def test_a_credited_caption_between_paragraphs_is_not_body() -> None:
    caption = CAPTIONS[2]
    body = (
        "The council voted on Tuesday to rebuild the old market hall, which has stood empty "
        "since the floods of the spring, and to open it again as a covered market within two "
        "years.\n\n"
        f"{caption}\n\n"
        "Traders who left the hall after the floods said they would come back if the rents "
        "stayed at the level they paid before, and the council said it would keep them there.\n"
    )
    page = f"Market hall to be rebuilt\n\nMarket hall to be rebuilt\nBy Jo Bloggs\n\n{body}"
    article = extract_article(page, "hall.txt")
    assert [block.text for block in article.blocks if block.kind == "caption"] == [caption]
    body_texts = [block.text for block in article.blocks if block.kind == "body"]
    assert len(body_texts) == 2 and caption not in body_texts
