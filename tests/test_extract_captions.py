"""The caption rules (`units.is_caption_row`, and `units.is_credited_row` and
`vocabulary.describes_picture` read after the body classifier's decision): lines closing on a
picture's or an agency's credit are captions at a caption's length, and so are lines describing
their picture without a credit; paragraphs citing their source, abbreviations in brackets, text
glued to a credit and text that only names a picture are not."""

from __future__ import annotations

import pytest

from briefing.extract import extract_article
from briefing.extract.units import Unit, forget_units, make_units
from briefing.extract.vocabulary import PICTURED_WORDS, STOPWORDS, describes_picture

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
    # a photographer after an agency's name and a slash, in capitals or not
    "Smoke rises over Khan Younis after an Israeli strike. REUTERS/Mohammed Salem",
    "Displaced people gather at a shelter in Beirut. Reuters/Amir Cohen",
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
    # words in lower case after a slash and a name: the sentence's own (the MENAFN QA page's
    # lede, which CAPTION's case-blind flag read as "AGENCY/Photographer")
    "The Syrian Army announced on Saturday that it has completed a thorough security sweep of "
    "the Sheikh Maqsoud neighborhood in Aleppo, following heightened confrontations with the "
    "YPG/SDF terror group.",
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


# Captions printed without their credit, from the judged corpus, the QA pages and the shared
# sets (`vocabulary.describes_picture`): a picture named, a picture pointed at that shows, a
# scene in the present before the photo's day, a pose.
UNCREDITED_CAPTIONS = [
    "Fire and smoke rise next to charred vehicles following, what Al Masirah TV said, was a U.S. "
    "strike on the Ras Isa fuel port, Yemen, in this screengrab from a handout video released on "
    "April 18, 2025. (A",
    "In this handout image provided by Harpo Productions and released on March 5, 2021, Oprah "
    "Winfrey interviews Prince Harry and Meghan Markle on A CBS Primetime Special premiering on "
    "CBS on March 7, 2021",
    "This video grab taken from AFPTV video footage on April 19, 2023, shows an aerial view of "
    "black smoke covering the sky above the capital Khartoum.",
    "Debris of a mosque is seen in El Fasher on September 19, 2025, after a drone strike killed "
    "more than 70 people.",
    "People react as a bus carrying released Palestinian prisoners from the Ofer Israeli military "
    "prison arrives in Ramallah, early 20 January 2025, amid a ceasefire and hostage release deal "
    "between Israel and Hamas.",
    "Rescue workers clear debris from a destroyed floor of a military academy struck by Russian "
    "missiles in Poltava, Ukraine, on Sept. 3, 2024.",
    "Detectives are seen at a home on Coldstream Terrace in Tarzana on Nov. 8, 2023.",
    "Parents are sitting beside the body of their 15-year-old son who was killed by the Russian "
    "missile.",
    # a wire's place and day, the country with no comma before the date
    "A damaged site, following an Israeli raid on Friday, according to Syrian state media, in "
    "Beit Jinn, Syria November 28, 2025.",
]

# Text near those shapes: a judgement ("seen as"), a photo named in a paragraph's second
# sentence, a picture the story cites, a past tense before a dated day, "an image" not a picture.
PICTURE_TEXT = [
    "Settlements are seen as one of the most difficult issues in the decades-long "
    "Israeli-Palestinian conflict.",
    "Accent patterns like vertical stripes painted walls can make narrow spaces seem taller while "
    "horizontal stripes can make a room seem wider. Look how tall the walls look in this photo "
    "from Project Nursery.",
    "Satellite images published after the strike showed large craters on the runway and damage to "
    "key infrastructure, rendering the airfield unusable for heavy transport aircraft.",
    "Explosions echoed across the Iranian capital in the early hours of Friday, 13 June 2025, as "
    "Israel launched air strikes targeting what it described as nuclear and military facilities "
    "in Tehran.",
    "Technically, we could pull a base image for our linux distro of choice and install Python on "
    "it (e.g., with pyenv) - but it can result in an image of comparable size to the slim version.",
    "He posted a photo by Annie Leibovitz.",
    # a report's place and day: a comma and "on" before the date
    "Israeli forces raided the village of Beit Jinn, Syria, on November 28, 2025, killing 13.",
    "Thirteen people were killed in Beit Jinn, Syria on November 28, 2025, officials said.",
    # a wire's place and day inside a report: the sentence goes on, or someone said it
    "Trump signed the defence bill in Washington, D.C. December 19, 2025, after the Senate vote.",
    "The ministry said 12 people were killed in Beit Jinn, Syria November 28, 2025.",
]


@pytest.mark.parametrize("text", UNCREDITED_CAPTIONS)
def test_a_caption_without_its_credit_describes_its_picture(text: str) -> None:
    assert describes_picture(text, len(text.split()))


@pytest.mark.parametrize("text", PICTURE_TEXT)
def test_text_near_a_captions_shape_describes_no_picture(text: str) -> None:
    assert not describes_picture(text, len(text.split()))


def test_a_paragraph_longer_than_a_caption_describes_no_picture() -> None:
    caption = UNCREDITED_CAPTIONS[0]
    assert describes_picture(caption, PICTURED_WORDS)
    assert not describes_picture(caption, PICTURED_WORDS + 1)


def test_an_uncredited_caption_over_the_lede_is_a_caption_and_the_lede_stays() -> None:
    caption = UNCREDITED_CAPTIONS[3]
    lede = (
        "September 19, 2025 (EL FASHER) – More than 70 civilians, including community leaders, "
        "were killed when a drone strike by the paramilitary Rapid Support Forces (RSF) hit a "
        "mosque in the North Darfur city of El Fasher on Friday, eyewitnesses said."
    )
    rest = (
        "The drone’s missiles completely destroyed the mosque in the Al-Daraja Al-Ula "
        "neighbourhood as people gathered for dawn prayers, they told Sudan Tribune, adding that "
        "bodies were recovered from under the rubble."
    )
    headline = "More Than 70 Killed in Drone Strike on Sudan Mosque, Witnesses Say"
    page = f"Saturday, September 20, 2025\n\n{headline}\n\n{caption}\n\n{lede}\n\n{rest}\n"
    article = extract_article(page, "mosque.txt")
    assert [block.text for block in article.blocks if block.kind == "caption"] == [caption]
    assert [block.text for block in article.blocks if block.kind == "body"] == [lede, rest]
    assert article.dateline == "EL FASHER"
