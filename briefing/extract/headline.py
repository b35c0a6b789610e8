"""Which row of a page is its headline, when the page has no "Headline | Site" title line.

Every short row in the few dozen above the first paragraph (and the first rows of the body,
where a near-prose headline can sit; further up, the rows the page prints twice) is a
candidate, described by its shape (length, capitals, function words, sentence punctuation,
list item, caption, date row, a topic before a colon, a quotation), its place (rows above the
first paragraph, a byline or date row next to it, the shape of the row under it) and the
page's own evidence (its words come back in the opening paragraphs; the row, or most of its
words, is printed again, e.g. in the breadcrumb or a caption). A softmax
scorer fitted by `benchmarks/fit_headlines.py` on labelled pages (weights in
`headline_weights.json`) rates the rows and "none of them"; the best row is the headline when
it holds enough of the belief. A caption signed by its picture's credit is never the headline,
and the first paragraph the candidates stand above is the first that is not page furniture (a
sign-up or cookie notice a region can open on, with the headline under it). Where the
article may start in two places (the classifier's first paragraph far above the paragraphs
joined to the rules' run), the candidates over both are scored together (the scorer is fitted
so, reading which place a row stands over) and the best titles the page.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, chain
from operator import itemgetter
from pathlib import Path

from briefing.extract.dates import DATE_PATTERNS, MONTHS, WEEKDAY, is_date_row
from briefing.extract.rows import RowFeatures, row_features
from briefing.extract.softmax import SoftmaxModel, beliefs, load_model, scores
from briefing.extract.units import (
    ASCII_DIGITS,
    UNITS_KEPT,
    Unit,
    is_header_row,
    is_prose,
    lower_words,
    normalise,
)
from briefing.extract.vocabulary import (
    AGENCY_PATTERN,
    BREADCRUMB,
    FULL_STOP_MARKS,
    QUESTION_EXCLAMATION_MARKS,
    folded,
    is_breadcrumb_path,
    last_mark,
    local_byline,
    may_be_breadcrumb,
    may_match,
)

WEIGHTS_FILE = Path(__file__).with_name("headline_weights.json")
FURNITURE_FILE = Path(__file__).with_name("furniture_rows.json")
ROWS_ABOVE = 40  # rows above the first paragraph that may hold the headline
MAX_WORDS = 40
REGION_MAX_WORDS = 20
# Verbs that open a page's controls ("Create an account", "Listen to this page", "Sign in").
CONTROL_VERBS = frozenset(
    """create listen sign log subscribe register share print download follow watch read save
    login email comment click view join skip accept""".split()
)
# Words a title does not end on, but a cut-off label does ("... is sponsored by").
TRAILING_WORDS = frozenset(
    """by for of to with and or the a an from at on in von für mit und der die das de la le et
    par pour del el los con""".split()
)
OPENING_ROWS = 3  # a text whose first paragraph is this close to its top opens on its headline
FIRST_PARAGRAPH_REACH = 12  # rows from the region's start searched for its first paragraph
FURNITURE_REACH = 30  # rows under a paragraph of page furniture searched for the next one
SENTENCE_STOP_RATIO = 0.3  # function words as dense as in running text
NEAR_ROWS = 4  # a headline's kicker, byline, date and subhead rows sit this close to it
# "... here! Check them out below": a row that finishes a sentence and goes on is text.
INNER_SENTENCE_END = re.compile(r"[.!?][\"”’'»)\]]*\s+[\"“„«]?[A-ZÄÖÜÀ-Þ]")
ECHO_MAX_WORDS = 60  # rows longer than this are text, not a place a headline is printed again
TOP_ROWS = 15  # a page's first rows: its title and breadcrumb repeat the headline
# A picture's alt text or credit ("© picture alliance/dpa", "[svg]") is not a headline.
CREDIT = re.compile(
    r"©|\b(?:foto|photo|bild|image|picture|getty|dpa|afp|reuters)\b|^\[[^\]]*\]$"
    r"|\.(?:png|jpe?g|gif|svg|webp)\b",
    re.I,
)
# What CREDIT's branches need (in the case-folded text): a row without any is not searched.
CREDIT_HINTS = (
    "©", "foto", "photo", "bild", "image", "picture", "getty", "dpa", "afp", "reuters", "[",
    ".png", ".jp", ".gif", ".svg", ".webp",
)  # fmt: skip
# A caption ending in its picture's credit: "... (Photo: Reuters)", "... (AP Photo/Evan Vucci)",
# "... (Jane Doe / Houston Chronicle)", "... © AFP", "... / Getty Images", "... Foto: Jane Doe".
# A headline does not end so: such a row is never taken for one (`best_row`).
CREDIT_TAIL = re.compile(
    r"(?:\((?:[^()]*\b(?:photo|foto|image|picture|bild|credit)s?\b[^()]*[:/][^()]*"
    r"|[^()]*[:/][^()]*\b(?:photo|foto|image|picture|bild|credit)s?\b[^()]*"
    r"|[^()]*\b(?:getty|afp|reuters|epa|dpa|istock|shutterstock|anadolu|xinhua)\b[^()]*"
    r"|[^()]{1,60}\s/\s[^()]{1,60})\)"
    r"|©[^©]{0,60}|/\s*(?:getty images|afp|reuters|ap|epa|dpa|shutterstock|istock)"
    r"|(?:^|[\s.,;])(?:photo|foto|image|picture|bild|credit)s?\s*:\s*[^:]{1,60})\s*$",
    re.IGNORECASE,
)
# A wire photo's credit closing a caption: "... 27 November 2024. EFE/EPA/ATEF SAFADI",
# "REUTERS/Mohammed Salem": an agency, maybe more agencies, and the photographer's name.
AGENCY_CREDIT_TAIL = re.compile(
    rf"(?:^|[\s.,;:])(?i:{AGENCY_PATTERN})(?:/[A-Z]{{2,10}})*\s?/\s?[A-ZÀ-Þ][\w'.-]*"
    r"(?:\s[A-ZÀ-Þ][\w'.-]*){0,3}\s*$"
)
# A caption signed by its agency's name alone after its last sentence, as the agency writes
# itself: "Members of Syria's new security forces stand guard at a checkpoint near the border
# with Lebanon. AP". (Only the headline's rule: read as a caption row, The National's Sweida
# caption left its undated page without the other outlet that dated it.)
AGENCY_SIGNED = re.compile(rf"[.!?][\"”’]?\s+(?:{AGENCY_PATTERN})$")
# What CREDIT_TAIL's and AGENCY_CREDIT_TAIL's branches need (marks, found in the text as it is).
CREDIT_TAIL_HINTS = (")", "©", "/", ":")
# Previous/next-post links and teasers carry arrows ("← 2 Jahre CryptoParty Graz", "Weiter »"):
# each arrow pointing back with the one pointing on.
ARROW_PAIRS = (("←", "→"), ("«", "»"), ("‹", "›"))
# An arrow and the one pointing the other way: "« Previous post" is a link, "« Oui » à ..." a
# quotation in guillemets.
LINK_ARROWS = dict(ARROW_PAIRS) | {on: back for back, on in ARROW_PAIRS}
ARROW_CLOSERS = frozenset(LINK_ARROWS)
BACK_ARROWS, ON_ARROWS = (frozenset(arrows) for arrows in zip(*ARROW_PAIRS, strict=True))
ARROW_OPENERS = ARROW_CLOSERS | {"<", ">"}
# Menu entries a text dump glued together ("Olympische SpieleOlympia 2022").
GLUED_WORDS = re.compile(r"[a-zäöüßéèàç][A-ZÄÖÜ][a-zäöüß]")
# Capitalised words: in a headline past its first word, mostly the names the story is about.
# (r"\b[A-ZÄÖÜ][\w-]{2,}" written to open on the capital, the look-behind after it: the search
# then skips to capitals at C speed, as dates.py's patterns skip to digits.)
CAPITALISED = re.compile(r"[A-ZÄÖÜ](?<!\w[A-ZÄÖÜ])[\w-]{2,}")
# "Precision Farming: Moderne Sensortechnik im Kuhstall": a headline's topic before a colon.
INNER_COLON = re.compile(r"^\S+(?: \S+){0,5} ?: \S")
# A quotation in the row ("Benjamin Näßler: «Liebe kennt keine Pause»").
QUOTED = re.compile(r"[\"“„«»‘’\'][^\"“”„«»]{3,}[\"”“«»’\']")
FIRST_PARAGRAPH_WORDS = 8  # the text's first paragraph, past datelines and short labels

HEADLINE_FEATURES = (
    "bias",
    "above_log",
    "right_above",
    "within_three",
    "from_first_paragraph",
    "words_log",
    "short",
    "long",
    "capitals",
    "terminal",
    "sentence_end",
    "ends_colon",
    "stop_ratio",
    "bullet",
    "caption",
    "date_row",
    "header_after",
    "header_before",
    "prose_after",
    "prose",
    "overlap",
    "best_overlap",
    "repeated",
    "repeated_at_top",
    "upper",
    "digits",
    "promo",
    "breadcrumb",
    "first_row",
    "label_value",
    "lower_start",
    "after_list",
    "credit",
    "rules_pick",
    "ends_function_word",
    "control_verb_start",
    "no_letters",
    "arrow",
    "glued_words",
    "longer_after",
    "candidate_before",
    "bracket",
    "ends_parenthesis",
    "opens_text",
    "sentence_under_candidate",
    "title_above",
    "title_after",
    "caption_next",
    "inner_sentence_end",
    "header_next",
    "next_exists",
    "next_header",
    "next_title_like",
    "next_terminal",
    "next_caption",
    "next_prose",
    "next_relative_length",
    "next_tiny",
    "title_case",
    "echo",
    "best_echo",
    "name_overlap",
    "first_overlap",
    "crumb_tail",
    "menu_above",
    "menu_below",
    "first_long",
    "header_gap_one",
    "header_gap_two",
    "copy_above",
    "copy_in_list_below",
    "title_case_english",
    "longest_near",
    "near_copy",
    "inner_colon",
    "quoted",
    "caption_under_picture",
    "caption_overlap",
    "second_start",
    "second_in_text",
)
# The rows a little under the first paragraph (`candidates_under_first`) are read by features
# of their own (the others 0 for them, and these 0 for the rows above it), so fitting them
# moves none of the weights the rows above are scored with.
UNDER_FIRST_FEATURES = (
    "under_first",
    "under_first_distance_log",
    "under_first_prose_between",
    "under_first_lead_words_log",
    "under_first_header_below",
    "under_first_title_like",
    "under_first_prose_next",
    "under_first_overlap",
    "under_first_echo",
    "under_first_words_log",
    "under_first_header_row",
    "under_first_menu_around",
    "under_first_terminal",
)
FEATURES = HEADLINE_FEATURES + UNDER_FIRST_FEATURES
COPY_WORDS = 6  # a picture's alt text and its caption open with the same words
GLUED_TAIL_WORDS = 3  # a shorter row a row ends with is its headline, a breadcrumb glued before
MENU_ROWS = 4  # rows each side read for a menu or link list around a candidate
LONG_ROW_WORDS = 5  # a candidate this long above a row is a headline over a subtitle or kicker
# A paragraph of text this long above a row under the first paragraph is the article's: the
# rows of a blurb or widget over a headline hold at most 21 words on the shared pages, those
# of the text above a subhead in the news excerpts at least 45 (benchmarks/news_excerpts.py).
TEXT_ABOVE_WORDS = 30
UNDER_FIRST_ROWS = 12  # rows under the first paragraph searched for a headline below a blurb


@cache
def shipped_model() -> SoftmaxModel:
    return load_model(WEIGHTS_FILE, FEATURES)


def first_paragraph(units: list[Unit], start: int) -> int:
    """The first prose row from the article region's start on (or the start itself), past
    paragraphs of page furniture a region can open on: the headline stands under those."""
    first = _next_prose(units, start, FIRST_PARAGRAPH_REACH)
    if first is None:
        return start
    while is_furniture_paragraph(units[first]):
        following = _next_prose(units, first + 1, FURNITURE_REACH)
        if following is None:
            break
        first = following
    return first


def _next_prose(units: list[Unit], start: int, reach: int) -> int | None:
    return next(
        (i for i in range(start, min(len(units), start + reach)) if is_prose(units[i])), None
    )


def is_furniture_paragraph(unit: Unit) -> bool:
    """A paragraph that is the page's, not the article's, as the body's rules veto it (legal
    text, a cookie notice, an appeal; an unfinished call to act), or a page control ("Sign up
    to our newsletter ...", "Listen to this article")."""
    return unit.boilerplate or (unit.promo and not unit.terminal) or unit.site_control


def headline_candidates(units: list[Unit], start: int, rules_pick: int | None) -> list[int]:
    """Rows that may be the headline: short rows above the article region, title-shaped rows
    of the region above its first paragraph, and the rules' pick."""
    first = first_paragraph(units, start)
    far = max(0, first - ROWS_ABOVE)
    above = [i for i in range(far, start) if 2 <= units[i].words <= MAX_WORDS]
    # Region rows above the first paragraph that do not read as a sentence may be it too, up
    # to the region's first row of text (a long row or a finished sentence): a headline
    # stands above the text it heads. A question or exclamation that is no prose is a
    # headline's shape ("Wie hoch sind die Zinsen für einen Privatkredit?"), not the text's.
    inside = []
    for i in range(start, min(first, len(units))):
        unit = units[i]
        prose = is_prose(unit)
        if prose and is_furniture_paragraph(unit):
            continue  # the headline may stand under a paragraph of page furniture
        if unit.words > REGION_MAX_WORDS or (
            unit.terminal
            and unit.words >= 4
            and not (last_mark(unit.text) in QUESTION_EXCLAMATION_MARKS and not prose)
        ):
            break
        if unit.words >= 2:
            inside.append(i)
    picked = [rules_pick] if rules_pick is not None and rules_pick >= start else []
    # Further up, a row the page prints again (a product's or wiki page's name over its
    # picture, in its breadcrumb or tabs) may be the headline, far above the text.
    if far:
        printed = Counter(unit.text for unit in units)
        above += [
            i for i in range(far) if 3 <= units[i].words <= MAX_WORDS and printed[units[i].text] > 1
        ]
    return sorted(set(above + inside + picked))


def candidates_under_first(units: list[Unit], start: int, in_text: Sequence[bool]) -> list[int]:
    """Rows a little under the first paragraph that may be the headline after all: a site's
    blurb or slogan, a sign-up notice or a teaser can stand above it and be taken for the
    first paragraph ("Trending videos, tweets and news from the UK's biggest humour site." over
    the headline and its byline). Short rows up to UNDER_FIRST_ROWS down that are not text,
    nor read as the article's text by the classifier (`in_text`)."""
    first = first_paragraph(units, start)
    return [
        i
        for i in range(first + 1, min(len(units), first + 1 + UNDER_FIRST_ROWS))
        if 2 <= units[i].words <= REGION_MAX_WORDS and not is_prose(units[i]) and not in_text[i]
    ]


def _title_like(unit: Unit) -> bool:
    """Shaped as a title: a few words, not a finished sentence, not text, caption, date, list."""
    return (
        3 <= unit.words <= REGION_MAX_WORDS
        and not unit.terminal
        and unit.stop_ratio < SENTENCE_STOP_RATIO
        and not (unit.caption or unit.date or unit.bullet)
    )


def _header_next(page: RowFeatures, index: int) -> bool:
    """Whether the row under this one, past image placeholders and within NEAR_ROWS, is a
    header row."""
    below = page.shown_below[index]
    return below is not None and below <= index + NEAR_ROWS and page.header(below)


def _next_rows(page: RowFeatures, rows: list[int]) -> dict[str, list[float]]:
    """The shape of the row under each candidate (past image placeholders; all 0 without
    one): a headline has a byline, date, standfirst or the text under it; a standfirst or
    caption has the byline or text; a kicker, the headline."""
    below = [None if j is None else page.units[j] for j in map(page.shown_below.__getitem__, rows)]
    return {
        "next_exists": [unit is not None for unit in below],
        "next_header": [unit is not None and is_header_row(unit) for unit in below],
        "next_title_like": [unit is not None and _title_like(unit) for unit in below],
        "next_terminal": [unit is not None and unit.terminal for unit in below],
        "next_caption": [unit is not None and unit.caption for unit in below],
        "next_prose": [unit is not None and is_prose(unit) for unit in below],
        "next_relative_length": [
            0.0 if unit is None else math.log(max(unit.words, 1) / max(page.words[i], 1))
            for unit, i in zip(below, rows, strict=True)
        ],
        "next_tiny": [unit is not None and unit.words <= 2 for unit in below],
    }


def _captions_under(
    page: RowFeatures, rows: list[int], contents: Mapping[int, set[str]], stops: frozenset[str]
) -> dict[str, list[float]]:
    """The caption under each row: past a picture's placeholder, the row heads the picture
    (a headline over the lead image); the share of the row's words the caption repeats is
    high for a picture's alt text over its caption, lower for a headline."""
    pictures, overlaps = [], []
    for i in rows:
        below = page.shown_below[i]
        if below is None or below > i + NEAR_ROWS or not page.captions[below]:
            pictures.append(0.0)
            overlaps.append(0.0)
            continue
        content = contents[i]
        words = {w for w in lower_words(page.texts[below]) if len(w) > 2 and w not in stops}
        pictures.append(float(below > i + 1))
        overlaps.append(len(content & words) / len(content) if content else 0.0)
    return {"caption_under_picture": pictures, "caption_overlap": overlaps}


def _title_case(text: str) -> float:
    """Share of the words that start with a capital letter: English headlines capitalise
    most words, a standfirst or caption (a sentence) few."""
    initials = list(filter(str.isalpha, map(itemgetter(0), text.split())))  # in C
    return sum(map(str.isupper, initials)) / max(1, len(initials))


@dataclass(frozen=True)
class RowShape:
    """What a candidate row's text alone says of it (the features of FEATURES that read
    nothing else), worked out once per text: a site's rows recur on its pages."""

    sentence_end: bool
    upper: bool
    digits: float
    breadcrumb: bool
    lower_start: bool
    credit: bool
    ends_function_word: bool
    control_verb_start: bool
    no_letters: bool
    arrow: bool
    glued_words: bool
    inner_sentence_end: bool
    title_case: float


@lru_cache(maxsize=UNITS_KEPT)
def is_credit(text: str) -> bool:
    """A picture's alt text or credit (CREDIT), screened by its hints."""
    return may_match(CREDIT_HINTS, folded(text)) and CREDIT.search(text) is not None


@lru_cache(maxsize=UNITS_KEPT)
def ends_in_credit(text: str) -> bool:
    """A caption signed by its picture's credit (CREDIT_TAIL, AGENCY_CREDIT_TAIL), screened
    by its hints."""
    return may_match(CREDIT_TAIL_HINTS, text) and (
        CREDIT_TAIL.search(text) is not None or AGENCY_CREDIT_TAIL.search(text) is not None
    )


@dataclass(frozen=True)
class FurnitureRows:
    """The patterns of page furniture that is never a headline (`furniture_rows.json`)."""

    row: re.Pattern[str]  # a URL, a credit label, a link's lead-in, a desk credit, a control
    control: re.Pattern[str]  # a page control or notice somewhere in a short row
    date_words: frozenset[str]  # what a row that is only a date holds besides the date
    # A link to another story inside a paragraph, its lead-in in brackets: the whole run
    # ("... supplies. (Related: <title>.)") or, the title on the next row, its opening
    # ("... supplies. (Related:"). It is no sentence of the article.
    related_link: re.Pattern[str]


CONTROL_ROW_WORDS = 8  # "US & Canada is sponsored by": a control's row is short
DESK_ROW_WORDS = 6  # "AMN/ WEB DESK", "Devdiscourse News Desk"
LETTER_WORDS = re.compile(r"[^\W\d_]+(?:\.[^\W\d_])*")


def _alternatives(phrases: list[str]) -> str:
    return "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True))


@cache
def furniture_rows() -> FurnitureRows:
    vocabulary = json.loads(FURNITURE_FILE.read_text(encoding="utf-8"))
    row = (
        r"https?://|\bwww\.\w"
        # "Photo: Reuters", "Photo by Jane Doe"
        rf"|^(?:{_alternatives(vocabulary['labels'])})\s*(?::|by\s)"
        rf"|^(?:{_alternatives(vocabulary['lead_ins'])})\s*(?:[:»|–—-]|$)"
        rf"|^(?:\S+\s+){{0,{DESK_ROW_WORDS - 2}}}(?:{_alternatives(vocabulary['desks'])})\W*$"
        r"|\.(?:png|jpe?g|gif|svg|webp)$"  # a picture's file name closes the row (its alt text)
        # a donation appeal: "Support The Moscow Times!", "Support Meduza!" (a short row; a
        # headline opening on "Support" goes on past a name or closes on no "!")
        r"|^support\s+(?:\S+\s+){0,3}\S+!$"
    )
    return FurnitureRows(
        re.compile(row, re.IGNORECASE),
        re.compile(rf"\b(?:{_alternatives(vocabulary['controls'])})\b", re.IGNORECASE),
        frozenset(vocabulary["date_words"]),
        re.compile(
            rf"\s*\((?:{_alternatives(vocabulary['lead_ins'])})\s*:(?:[^()]*\)|\s*$)",
            re.IGNORECASE,
        ),
    )


def without_related_links(text: str) -> tuple[str, bool]:
    """A paragraph's text without the related links inside it, and whether it closed on a
    link's opening (its title, the next row closing the bracket, is the link's too)."""
    if "(" not in text:  # most paragraphs: no pattern run
        return text, False
    kept = furniture_rows().related_link.sub("", text)
    return kept, kept != text and text.rstrip().endswith(":")


# A colon or a dash after a space closing a row: it leads into the row after it.
_LEADS_INTO = re.compile(r"(?::|\s[-–—])\s*$")


@lru_cache(maxsize=UNITS_KEPT)
def is_furniture_row(text: str) -> bool:
    """Page furniture of a kind that is never the headline (issue 10): a row holding a URL or
    opening on a credit label ("Source: ...", "Photo: ...", "Photo by ..."), a link's lead-in
    ("READ ALSO: ..."), a desk credit ("AMN/ WEB DESK"), a picture's file name closing it (the
    alt text "Stammtisch-KV-Kassel.jpg"), a short row holding a page control or notice ("Listen
    to this page using ReadSpeaker", "US & Canada is sponsored by", "Zum Inhalt springen"), a
    donation appeal ("Support The Moscow Times!"), a row ending on a colon or a spaced dash,
    which leads into what follows ("Sanaa (Yemen):", "Also read:", "jordan pulse -"; none of
    1,393 headlines read by hand does), or a row that is only a date or time ("Saturday,
    September 20, 2025")."""
    if _LEADS_INTO.search(text):
        return True
    vocabulary = furniture_rows()
    if vocabulary.row.search(text):
        return True
    if len(text.split()) <= CONTROL_ROW_WORDS and vocabulary.control.search(text):
        return True
    return is_date_row(text) and all(
        word in MONTHS or word in vocabulary.date_words or WEEKDAY.match(word)
        for word in LETTER_WORDS.findall(text.lower())
    )


# An ASCII row's characters that are no letter or digit, deleted from its bytes in C.
_ASCII_NOT_ALNUM = bytes(code for code in range(128) if not chr(code).isalnum())


def _digits_and_letters(text: str) -> tuple[int, int]:
    """How many of a row's letters and digits (`str.isalnum`) are digits (`str.isdigit`), and
    how many letters and digits it has; an ASCII row's counted on its bytes, in C (a test a
    character, through map and filter, cost more than the rest of the row's shape)."""
    if text.isascii():
        alnum = text.encode().translate(None, _ASCII_NOT_ALNUM)
        return len(alnum) - len(alnum.translate(None, ASCII_DIGITS)), len(alnum)
    letters = list(filter(str.isalnum, text))
    return sum(map(str.isdigit, letters)), len(letters)


@lru_cache(maxsize=UNITS_KEPT)
def row_shape(text: str) -> RowShape:
    words = lower_words(text)  # `normalise`'s words
    digits, alnum = _digits_and_letters(text)
    stripped = text.strip()
    return RowShape(
        sentence_end=last_mark(text) in FULL_STOP_MARKS,  # as SENTENCE_END matches
        upper=text.isupper(),
        digits=digits / max(1, alnum),
        breadcrumb=may_be_breadcrumb(text) and BREADCRUMB.search(text) is not None,
        # "iOS 13 will fix ..." starts with a brand, not lower case
        lower_start=bool(words) and text.split()[0].islower(),
        credit=is_credit(text),
        # "US & Canada is sponsored by", "Listen to this page using ReadSpeaker": page
        # controls and sponsor lines, not a story's title.
        ends_function_word=bool(words) and words[-1] in TRAILING_WORDS,
        control_verb_start=bool(words) and words[0] in CONTROL_VERBS,
        no_letters=not any(map(str.isalpha, text)),  # (a letter is a letter of isalnum's)
        # an arrow opening or closing the stripped row
        arrow=stripped[:1] in ARROW_OPENERS or stripped[-1:] in ARROW_CLOSERS,
        glued_words=GLUED_WORDS.search(text) is not None,
        inner_sentence_end=("." in text or "!" in text or "?" in text)
        and INNER_SENTENCE_END.search(text) is not None,
        title_case=_title_case(text),
    )


def _echoes(page: RowFeatures, rows: list[int], contents: dict[int, set[str]]) -> list[float]:
    """For each candidate row, the largest share of its content words (`contents`) that
    another short row of the page (not its neighbours, not a copy) holds: a headline comes back
    in the breadcrumb, the page's title row, a caption or a share text."""
    texts, lengths = page.texts, page.words
    words = {i: contents[i] if lengths[i] <= ECHO_MAX_WORDS else set() for i in rows}
    # Only the candidates' words can be shared: each row is read for those alone (a C-level
    # set intersection), not for its own content words.
    sought = set().union(*words.values())
    holding: dict[str, list[int]] = {}
    if sought:
        for j, text in enumerate(texts):
            if lengths[j] <= ECHO_MAX_WORDS:
                for word in sought.intersection(lower_words(text)):
                    holding.setdefault(word, []).append(j)
    echoes = []
    for i in rows:
        # (every word of a candidate's is held: its own row is short, and holds it)
        shared = Counter(chain.from_iterable(map(holding.__getitem__, words[i])))
        # the rows that do not count left out (the row, its neighbours, its copies), the most
        # any other holds is the largest count left (found in C: sorting them all cost more)
        for j in (i - 1, i, i + 1):
            shared.pop(j, None)
        if page.copies[texts[i]] > 1:
            for j in [j for j in shared if texts[j] == texts[i]]:
                del shared[j]
        best = max(shared.values(), default=0)
        echoes.append(best / len(words[i]) if words[i] else 0.0)
    return echoes


def _opening_words(units: list[Unit], first: int, stops: frozenset[str]) -> set[str]:
    opening = [
        unit.text for unit in units[first : first + 16] if unit.words >= 5 and not unit.bullet
    ][:4]
    # each row's words (`lower_words`, kept from making its unit): the words of the rows joined
    words = set().union(*map(lower_words, opening))
    return {w for w in words if len(w) > 2 and w not in stops}


def _opening(text: str) -> list[str]:
    """A row's first COPY_WORDS words (the rest left unsplit: rows near a candidate may be
    long paragraphs)."""
    return text.split(maxsplit=COPY_WORDS)[:COPY_WORDS]


def _name_overlaps(units: list[Unit], first: int, rows: list[int]) -> list[float]:
    """For each candidate row, the share of its capitalised words (past the first) that the
    opening paragraphs print: a headline names who and where the story is about; a kicker,
    a caption or another story's title names others."""
    opening = " ".join(
        unit.text for unit in units[first : first + 16] if unit.words >= 5 and not unit.bullet
    )
    named = set(CAPITALISED.findall(opening))
    shares = []
    for i in rows:
        names = CAPITALISED.findall(units[i].text)[1:]
        shares.append(sum(name in named for name in names) / len(names) if names else 0.0)
    return shares


def _first_paragraph_words(units: list[Unit], first: int, stops: frozenset[str]) -> set[str]:
    text = next(
        (
            unit.text
            for unit in units[first : first + 16]
            if unit.words >= FIRST_PARAGRAPH_WORDS and not unit.bullet
        ),
        "",
    )
    return {w for w in lower_words(text) if len(w) > 2 and w not in stops}


def _crumb_tails(page: RowFeatures, rows: list[int]) -> list[bool]:
    """For each candidate row, whether a longer row of the page ends with it: the last crumb
    of a breadcrumb ("Home > News > Headline", "3. Headline") is the page's headline."""
    lengths = page.words
    texts = {i: normalise(page.texts[i]) if lengths[i] <= ECHO_MAX_WORDS else "" for i in rows}
    # Only rows ending on a candidate's last word can end with it.
    last_words = {text.rsplit(" ", 1)[-1] for text in texts.values() if text}
    by_last_word: dict[str, list[str]] = {}
    for row, text in enumerate(page.texts):
        if lengths[row] <= ECHO_MAX_WORDS:
            row_words = lower_words(text)
            if row_words and row_words[-1] in last_words:
                by_last_word.setdefault(row_words[-1], []).append(normalise(text))
    tails = []
    for i in rows:
        text = texts[i]
        tails.append(
            lengths[i] >= 2
            and bool(text)
            and any(
                len(other) > len(text) and other.endswith(" " + text)
                for other in by_last_word.get(text.rsplit(" ", 1)[-1], ())
            )
        )
    return tails


def _menu_share(menu_before: list[int], start: int, stop: int) -> float:
    """Share of the rows in [start, stop) (those on the page) that are menu entries or link
    labels (a couple of words or a list item): a headline stands after the menu, a related
    story's title inside a link list. `menu_before`: the menu rows above each row and the
    page's end (so a share is a difference, as the sum of the rows' flags was)."""
    last = len(menu_before) - 1
    low, high = min(max(0, start), last), min(max(0, stop), last)
    return (menu_before[high] - menu_before[low]) / (high - low) if high > low else 0.0


def _header_gap(page: RowFeatures, index: int) -> int:
    """Rows down to the first byline, date or label row (0 when none in reach): a headline
    has its subtitle between it and the byline, a subtitle has the byline right under it."""
    for below in range(index + 1, min(index + 1 + NEAR_ROWS, len(page.units))):
        if page.header(below):
            return below - index
    return 0


def _copies(
    page: RowFeatures, rows: list[int], first: int, menu_before: list[int]
) -> tuple[list[bool], list[bool]]:
    """For each candidate row, whether the page prints it above (the page's title, the
    breadcrumb), and whether it prints it again below the text's start among menu-like rows
    (a "most read" or related-links list: the row is another story's title)."""
    texts, words = page.texts, page.words
    at: dict[str, list[int]] = {texts[i]: [] for i in rows}
    for index, text in enumerate(texts):
        if text in at and 2 <= words[index] <= ECHO_MAX_WORDS:
            at[text].append(index)
    above, in_list = [], []
    for i in rows:
        places = at.get(texts[i], ())
        above.append(any(j < i - 1 for j in places))
        in_list.append(
            any(
                j > first and _menu_share(menu_before, j - MENU_ROWS, j + MENU_ROWS + 1) >= 0.5
                for j in places
            )
        )
    return above, in_list


def headline_features(
    units: list[Unit],
    start: int,
    rows: list[int],
    stops: frozenset[str],
    rules_pick: int | None,
    page: RowFeatures | None = None,
    in_text: Sequence[bool] | None = None,
    under_first: bool = False,
) -> list[list[float]]:
    """One feature vector (in FEATURES order) per candidate row; `rules_pick` is the row the
    hand-written rules (metadata.find_headline) choose; `page`, the units' row features when
    the caller has them; `in_text`, given for the candidates over a second place the article
    may start: the units the body classifier reads as the article's text; `under_first`, for
    the rows under the first paragraph (`candidates_under_first`)."""
    page = page or row_features(units)
    if under_first:
        columns = under_first_columns(units, start, rows, stops, page)
    else:
        columns = headline_columns(units, start, rows, stops, rules_pick, page, in_text)
    return [
        list(map(float, vector)) for vector in zip(*map(columns.__getitem__, FEATURES), strict=True)
    ]


def headline_columns(
    units: list[Unit],
    start: int,
    rows: list[int],
    stops: frozenset[str],
    rules_pick: int | None,
    page: RowFeatures | None = None,
    in_text: Sequence[bool] | None = None,
) -> dict[str, list[float]]:
    """Each feature of FEATURES as a column over the candidate rows (bools and ints stand for
    floats): a column is one comprehension over the candidates, far cheaper than a dict of
    every feature built per candidate."""
    page = page or row_features(units)
    texts, words, prose, bullets = page.texts, page.words, page.prose, page.bullets
    count = len(units)
    first = first_paragraph(units, start)
    opening = _opening_words(units, first + 1, stops)
    top = set(texts[:TOP_ROWS])
    # a row's content words: longer than two letters, not function words
    contents = {
        i: {w for w in lower_words(texts[i]) if len(w) > 2 and w not in stops} for i in rows
    }
    overlaps = [
        len(content & opening) / len(content) if content else 0.0
        for content in map(contents.__getitem__, rows)
    ]
    best_overlap = max(overlaps, default=0.0)
    echoes = _echoes(page, rows, contents)
    best_echo = max(echoes, default=0.0)
    first_words = _first_paragraph_words(units, first, stops)
    menu_before = list(accumulate(page.menu, initial=0))
    copies_above, copies_in_list = _copies(page, rows, first, menu_before)
    candidates = set(rows)
    title_like = {j for j in rows if _title_like(units[j])}
    long_rows = {j for j in rows if words[j] >= LONG_ROW_WORDS}
    chosen = [units[i] for i in rows]
    row_texts = [texts[i] for i in rows]
    lengths = [words[i] for i in rows]
    unit_words = [unit.words for unit in chosen]
    shapes = list(map(row_shape, row_texts))
    aboves = [first - i for i in rows]
    gaps = [_header_gap(page, i) for i in rows]
    title_cases = [shape.title_case for shape in shapes]
    return {
        "bias": [1.0] * len(rows),
        "above_log": [math.log1p(max(0, above)) for above in aboves],
        "right_above": [above == 1 for above in aboves],
        "within_three": [1 <= above <= 3 for above in aboves],
        "from_first_paragraph": [above <= 0 for above in aboves],
        "words_log": list(map(math.log, unit_words)),
        "short": [length <= 3 for length in unit_words],
        "long": [length > 20 for length in unit_words],
        "capitals": [unit.capitals for unit in chosen],
        "terminal": [unit.terminal for unit in chosen],
        "sentence_end": [shape.sentence_end for shape in shapes],
        "ends_colon": [text.endswith(":") for text in row_texts],
        "stop_ratio": [unit.stop_ratio for unit in chosen],
        "bullet": [unit.bullet for unit in chosen],
        "caption": [unit.caption for unit in chosen],
        "date_row": [unit.date for unit in chosen],
        "header_after": [page.header_within(i + 1, i + 4) for i in rows],
        "header_before": [i > 0 and page.header(i - 1) for i in rows],
        "prose_after": [i + 1 < count and prose[i + 1] for i in rows],
        "prose": [prose[i] for i in rows],
        "overlap": overlaps,
        "best_overlap": [overlap > 0 and overlap == best_overlap for overlap in overlaps],
        "repeated": [page.copies[text] > 1 for text in row_texts],
        "repeated_at_top": [
            i >= TOP_ROWS and text in top for i, text in zip(rows, row_texts, strict=True)
        ],
        "upper": [shape.upper for shape in shapes],
        "digits": [shape.digits for shape in shapes],
        # PROMO's search and SITE_CONTROL's, made with the unit (a row a pass or two asks)
        "promo": [unit.promo or unit.site_control for unit in chosen],
        "breadcrumb": [shape.breadcrumb for shape in shapes],
        "first_row": [i == 0 for i in rows],
        "label_value": [i > 0 and texts[i - 1].endswith(":") and words[i - 1] <= 2 for i in rows],
        "lower_start": [shape.lower_start for shape in shapes],
        "after_list": [i > 0 and bullets[i - 1] for i in rows],
        "credit": [shape.credit for shape in shapes],
        "rules_pick": [i == rules_pick for i in rows],
        "ends_function_word": [shape.ends_function_word for shape in shapes],
        "control_verb_start": [shape.control_verb_start for shape in shapes],
        "no_letters": [shape.no_letters for shape in shapes],
        "arrow": [shape.arrow for shape in shapes],
        "glued_words": [shape.glued_words for shape in shapes],
        # A headline comes before its standfirst, a longer row that is not a list item.
        "longer_after": [
            i + 1 < count and words[i + 1] > length and not bullets[i + 1]
            for i, length in zip(rows, lengths, strict=True)
        ],
        "candidate_before": [i - 1 in candidates for i in rows],
        # a text browser's form fields ("[ ]", "[Max]") and link labels
        "bracket": ["[" in text for text in row_texts],
        "ends_parenthesis": [text.rstrip().endswith(")") for text in row_texts],  # "(Symbolbild)"
        # A short text (an excerpt, a page store's beginning) opens on its headline; a site's
        # first row is its name or menu, far above the first paragraph.
        # (A title-shaped row between them is the headline under the site's name.)
        "opens_text": [
            i == 0 and first <= OPENING_ROWS and title_like.isdisjoint(range(1, first))
            for i in rows
        ],
        # A sentence under a title-like row is its standfirst, not a second headline.
        "sentence_under_candidate": [
            i - 1 in candidates and unit.words >= 8 and unit.stop_ratio >= SENTENCE_STOP_RATIO
            for i, unit in zip(rows, chosen, strict=True)
        ],
        # The headline is the first title-shaped row over the text: a title-shaped candidate a
        # few rows up makes this one a subhead, caption or byline; a kicker (section label) has
        # the headline right under it.
        "title_above": [not title_like.isdisjoint(range(i - NEAR_ROWS, i)) for i in rows],
        "title_after": [
            i + 1 in title_like and words[i + 1] > length
            for i, length in zip(rows, lengths, strict=True)
        ],
        # a picture's alt text printed again in its caption, or signed by a credit row
        "caption_next": [_captioned(texts, i) for i in rows],
        "inner_sentence_end": [shape.inner_sentence_end for shape in shapes],
        # the byline or date row right under it (past image placeholders): a kicker has the
        # headline there
        "header_next": [_header_next(page, i) for i in rows],
        **_next_rows(page, rows),
        "title_case": title_cases,
        "echo": echoes,
        "best_echo": [echo > 0 and echo == best_echo for echo in echoes],
        "name_overlap": _name_overlaps(units, first, rows),
        # the lede retells the headline; a kicker or subhead shares less with it
        "first_overlap": [
            len(content & first_words) / len(content) if content else 0.0
            for content in map(contents.__getitem__, rows)
        ],
        "crumb_tail": _crumb_tails(page, rows),
        "menu_above": [_menu_share(menu_before, i - MENU_ROWS, i) for i in rows],
        "menu_below": [_menu_share(menu_before, i + 1, i + 1 + MENU_ROWS) for i in rows],
        # the first long row after the menu: rows under it are its subtitle or caption
        "first_long": [
            length >= LONG_ROW_WORDS and long_rows.isdisjoint(range(i - NEAR_ROWS, i))
            for i, length in zip(rows, lengths, strict=True)
        ],
        "header_gap_one": [gap == 1 for gap in gaps],
        "header_gap_two": [gap == 2 for gap in gaps],
        "copy_above": copies_above,
        "copy_in_list_below": copies_in_list,
        # English headlines capitalise most words; other languages' do not
        "title_case_english": title_cases if "the" in stops else [0.0] * len(rows),
        # a neighbour opening with the same words: a picture's alt text over its caption
        "near_copy": [
            length >= COPY_WORDS and _near_copy(texts, i)
            for i, length in zip(rows, lengths, strict=True)
        ],
        "inner_colon": [": " in text and bool(INNER_COLON.match(text)) for text in row_texts],
        "quoted": [QUOTED.search(text) is not None for text in row_texts],
        **_captions_under(page, rows, contents, stops),
        # the longest row among its neighbours (a headline over its kicker and byline)
        "longest_near": [
            all(
                words[j] <= length
                for j in range(max(0, i - 2), min(count, i + 3))
                if j != i and not prose[j]
            )
            for i, length in zip(rows, lengths, strict=True)
        ],
        # Over a second place the article may start, scored with the first place's candidates
        # (`pick_of_two_starts`): a row the classifier reads as text rarely titles the page.
        "second_start": [in_text is not None] * len(rows),
        "second_in_text": [in_text is not None and in_text[i] for i in rows],
        **dict.fromkeys(UNDER_FIRST_FEATURES, [0.0] * len(rows)),
    }


def under_first_columns(
    units: list[Unit], start: int, rows: list[int], stops: frozenset[str], page: RowFeatures
) -> dict[str, list[float]]:
    """The columns of rows under the first paragraph (`candidates_under_first`): a headline
    under a site's blurb stands under one lone short paragraph, not among the text's, has its
    byline or date and then the text under it, and shares words with the paragraphs below."""
    texts, words, prose = page.texts, page.words, page.prose
    first = first_paragraph(units, start)
    opening = _opening_words(units, first + 1, stops)
    contents = {
        i: {w for w in lower_words(texts[i]) if len(w) > 2 and w not in stops} for i in rows
    }
    menu_before = list(accumulate(page.menu, initial=0))
    below = [page.shown_below[i] for i in rows]
    return {
        **dict.fromkeys(HEADLINE_FEATURES, [0.0] * len(rows)),
        "under_first": [1.0] * len(rows),
        "under_first_distance_log": [math.log(i - first) for i in rows],
        "under_first_prose_between": [any(prose[first + 1 : i]) for i in rows],
        "under_first_lead_words_log": [math.log(max(1, words[first]))] * len(rows),
        "under_first_header_below": [_header_gap(page, i) > 0 for i in rows],
        "under_first_title_like": [_title_like(units[i]) for i in rows],
        "under_first_prose_next": [j is not None and prose[j] for j in below],
        "under_first_overlap": [
            len(content & opening) / len(content) if content else 0.0
            for content in map(contents.__getitem__, rows)
        ],
        "under_first_echo": _echoes(page, rows, contents),
        "under_first_words_log": [math.log(max(1, words[i])) for i in rows],
        "under_first_header_row": [page.header(i) for i in rows],
        "under_first_menu_around": [
            _menu_share(menu_before, i - MENU_ROWS, i + MENU_ROWS + 1) for i in rows
        ],
        "under_first_terminal": [units[i].terminal for i in rows],
    }


def _captioned(texts: list[str], index: int) -> bool:
    """Whether one of the two rows under a row opens with its text or is a credit."""
    text = texts[index]
    return any(other.startswith(text) or is_credit(other) for other in texts[index + 1 : index + 3])


def _near_copy(texts: list[str], index: int) -> bool:
    """Whether a row within two of this one opens with the same words and is not the same."""
    text = texts[index]
    opening = _opening(text)
    return any(
        other != text and _opening(other) == opening
        for other in texts[max(0, index - 2) : index + 3]
    )


def row_beliefs(vectors: list[list[float]], model: SoftmaxModel) -> list[float]:
    """Each row's share of the belief, against "none of them" (score 0)."""
    return beliefs(scores(model, vectors))


def best_row(texts: list[str], beliefs: list[float], rows: list[int], page_rows: int) -> int | None:
    """The candidate (its place among `texts`, the candidates' texts, standing on `rows` of a
    page of `page_rows` rows) with the most belief; None when every one is a caption signed by
    its credit or other furniture (`never_headline`), or the page's last row: a headline heads
    the text under it (the last row of a saved excerpt is often a sentence cut short, "The
    International Atomi"). Such rows stay candidates, read and fitted as the others (the scorer
    learns from them what a caption looks like), but are never the headline."""
    allowed = [
        k for k, text in enumerate(texts) if rows[k] < page_rows - 1 and not never_headline(text)
    ]
    return max(allowed, key=beliefs.__getitem__) if allowed else None


# A row opening on a clitic ("'s de facto leader, Ahmed al-Sharaa") goes on from the row above.
CONTINUED_ROW = re.compile(r"^['’](?:s|re|ll|ve|d|t)\b")


def is_link_row(text: str) -> bool:
    """A link to the previous or next post or page, or on to more ("← Das F-Wort – Teil 2",
    "Vorstudie zur Menüerweiterung durch FOSS-Produkte bei der RLS »", "Jetzt registrieren
    »"): an arrow apart from the row's words opens or closes it, and no arrow the other way
    pairs with it."""
    stripped = text.strip()
    if len(stripped) < 3:
        return False
    if stripped[1] == " " and stripped[0] in BACK_ARROWS:
        return LINK_ARROWS[stripped[0]] not in stripped
    if stripped[-2] == " " and stripped[-1] in ON_ARROWS:
        return LINK_ARROWS[stripped[-1]] not in stripped
    return False


def never_headline(text: str) -> bool:
    """A row that is never the headline: a caption signed by its credit, page furniture
    (`is_furniture_row`), a link on to another post or page (`is_link_row`), a byline ("By
    Kardo Roj") or a row going on from the one above."""
    return (
        ends_in_credit(text)
        or AGENCY_SIGNED.search(text) is not None
        or is_furniture_row(text)
        or is_link_row(text)
        or local_byline(text) is not None
        or CONTINUED_ROW.match(text) is not None
    )


@dataclass(frozen=True)
class HeadlinePick:
    """The candidate row the scorer believes most (None without one) and its belief."""

    row: int | None
    belief: float


@dataclass(frozen=True)
class StartCandidates:
    """The candidate rows over one place the article may start and their feature vectors."""

    rows: list[int]
    vectors: list[list[float]]


def start_candidates(
    units: list[Unit],
    start: int,
    stops: frozenset[str],
    rules_pick: int | None,
    page: RowFeatures | None = None,
    in_text: Sequence[bool] | None = None,
    under_first: bool = False,
) -> StartCandidates:
    """The candidates over the text from `start` (none past the last unit); `in_text` as
    `headline_features` reads it. With `under_first`, those a little under its first paragraph
    that the classifier does not read as text (`in_text`, then required)."""
    if start >= len(units):
        return StartCandidates([], [])
    if under_first:
        if in_text is None:
            raise ValueError("the rows under the first paragraph are read with in_text")
        rows = candidates_under_first(units, start, in_text)
    else:
        rows = headline_candidates(units, start, rules_pick)
    if not rows:
        return StartCandidates([], [])
    return StartCandidates(
        rows, headline_features(units, start, rows, stops, rules_pick, page, in_text, under_first)
    )


def best_headline(
    units: list[Unit],
    start: int,
    stops: frozenset[str],
    rules_pick: int | None,
    model: SoftmaxModel,
    page: RowFeatures | None = None,
) -> HeadlinePick:
    """The row the scorer believes most over the text from `start`, believed enough or not."""
    candidates = start_candidates(units, start, stops, rules_pick, page)
    texts = [units[i].text for i in candidates.rows]
    return _pick(texts, candidates.rows, row_beliefs(candidates.vectors, model), len(units))


def _pick(texts: list[str], rows: list[int], beliefs: list[float], page_rows: int) -> HeadlinePick:
    """The row of `rows` (their texts: `texts`) with the most belief, as `best_row` allows."""
    best = best_row(texts, beliefs, rows, page_rows)
    return HeadlinePick(None, 0.0) if best is None else HeadlinePick(rows[best], beliefs[best])


@dataclass(frozen=True)
class HeadlineAndTitle:
    """The headline over the first place the article may start, under which the body is laid
    out, and the row that titles the page: the headline over the second place, or a row under
    the first paragraph, instead when the scorer believes it more (None: no row believed
    enough)."""

    headline: int | None
    title: int | None


@dataclass(frozen=True)
class TwoPicks:
    """The candidate the scorer believes most over the first place the article may start, and
    the one that titles the page, believed over both places' candidates at once."""

    headline: HeadlinePick
    title: HeadlinePick


def pick_of_two_starts(
    texts: list[str],
    first: StartCandidates,
    second: StartCandidates,
    in_text: Sequence[bool],
    model: SoftmaxModel,
) -> TwoPicks:
    """The headline over the first place, and the row that titles the page: the best of both
    places' candidates scored together (as the scorer is fitted, `benchmarks/fit_headlines.py`)
    when it is a row over the second place only, believed enough and not one the classifier
    reads as the article's text (`in_text`); else the headline."""
    first_scores, second_scores = scores(model, first.vectors), scores(model, second.vectors)
    headline = _pick([texts[i] for i in first.rows], first.rows, beliefs(first_scores), len(texts))
    rows = first.rows + second.rows
    title = _pick([texts[i] for i in rows], rows, beliefs(first_scores + second_scores), len(texts))
    if (
        title.row is None
        or title.row in first.rows
        or in_text[title.row]
        or title.belief < model.threshold
    ):
        return TwoPicks(headline, headline)
    return TwoPicks(headline, title)


def headline_of_two_starts(
    units: list[Unit],
    starts: tuple[int, int],
    rules_picks: tuple[int | None, int | None],
    stops: frozenset[str],
    in_text: Sequence[bool],
    model: SoftmaxModel | None = None,
    page: RowFeatures | None = None,
) -> HeadlineAndTitle:
    """Of two places the article may start (the classifier's first paragraph, and the first
    of its paragraphs joined to the rules' run: `region.joined_start`), the candidates over
    both are scored together and the best titles the page (`pick_of_two_starts`); the body is
    laid out under the headline over the first. A site's blurb or a newsletter notice above
    the article has no headline over it; a lede parted from the rest of the text by a picture
    has its headline right above it."""
    model = model or shipped_model()
    first, second = (
        start_candidates(units, start, stops, rules_pick, page, text)
        for start, rules_pick, text in zip(starts, rules_picks, (None, in_text), strict=True)
    )
    picks = pick_of_two_starts([unit.text for unit in units], first, second, in_text, model)
    return HeadlineAndTitle(_taken(units, picks.headline, model), _taken(units, picks.title, model))


def pick_under_first(
    texts: list[str],
    headline: HeadlinePick,
    under: StartCandidates,
    model: SoftmaxModel,
    in_text: Sequence[bool],
    first: int,
) -> HeadlinePick:
    """The row that titles the page: the best row under the first paragraph (`first`; believed
    against "none" among those rows alone) when it is believed enough and more than the
    headline over the first paragraph is among its rows, and no paragraph of the article's
    text (`in_text`, at least TEXT_ABOVE_WORDS words) stands between them: a blurb's rows are
    short ("❶ I'm in the top 50 contributors to Ruby on Rails."), a row under paragraphs of
    the text is a subhead ("Condemnations against RSF" in an excerpt opening on its lede);
    else the headline."""
    if not under.rows:
        return headline
    pick = _pick(
        [texts[i] for i in under.rows], under.rows, row_beliefs(under.vectors, model), len(texts)
    )
    if pick.row is None or pick.belief < model.threshold or pick.belief <= headline.belief:
        return headline
    if any(
        in_text[i] and len(texts[i].split()) >= TEXT_ABOVE_WORDS for i in range(first + 1, pick.row)
    ):
        return headline
    return pick


def headline_under_first(
    units: list[Unit],
    start: int,
    rules_pick: int | None,
    stops: frozenset[str],
    in_text: Sequence[bool],
    model: SoftmaxModel | None = None,
    page: RowFeatures | None = None,
) -> HeadlineAndTitle:
    """The headline over the text from `start`, under which the body is laid out, and the row
    that titles the page: a row a little under the first paragraph instead, where that
    paragraph is a site's blurb or notice over the headline (`pick_under_first`). `page`: the
    units' row features when the caller has them; None for a row believed too little."""
    model = model or shipped_model()
    headline = best_headline(units, start, stops, rules_pick, model, page)
    under = start_candidates(units, start, stops, rules_pick, page, in_text, under_first=True)
    texts = [unit.text for unit in units]
    title = pick_under_first(texts, headline, under, model, in_text, first_paragraph(units, start))
    return HeadlineAndTitle(_taken(units, headline, model), _taken(units, title, model))


def _taken(units: list[Unit], pick: HeadlinePick, model: SoftmaxModel) -> int | None:
    """The pick as the headline row when it is believed enough."""
    if pick.row is None or pick.belief < model.threshold:
        return None
    return headline_row(units, pick.row)


def headline_row(units: list[Unit], picked: int) -> int:
    """The row a picked candidate makes the headline row. A headline printed twice in a row
    (the page's title over its heading) heads the text from its second copy: rows between the
    copies would be read as header rows. A row that ends with the row under it is that
    headline behind a breadcrumb glued to it ("HomeWorldSyria's coastal clashes ..." over
    "Syria's coastal clashes ..."): the row under it is the headline itself."""
    chosen = picked
    while chosen + 1 < len(units) and _printed_again_under(units[chosen], units[chosen + 1]):
        chosen += 1
    return chosen


# Opening guillemets or angle brackets: "« non » et « oui » à la loi" quotes, it is no path.
CRUMB_OPENERS = ("«", "‹", "<")


def title_text(text: str) -> str:
    """The title a headline row gives: the row, or the last crumb of a breadcrumb path the
    scorer took for it ("Startseite » Nachrichten » Energie » Bayern fordert höhere ...",
    "Sie sind hier: Home » Europa » ... » Emden"): the path ends on the page's own name,
    and slug labels count the path as the headline it holds. None of the 961 headlines read by
    hand on the training pages holds a crumb's separator (BREADCRUMB)."""
    if is_breadcrumb_path(text) and not any(mark in text for mark in CRUMB_OPENERS):
        text = BREADCRUMB.split(text)[-1].strip()
    return without_date_stamps(text)


DATE_STAMP_GAP = " ,|·•-–—"  # what stands between a row's date stamps and its headline


def without_date_stamps(text: str) -> str:
    """A headline row without the date stamps a live page's entry opens on ("10/04/2024
    October 4, 2024 Lebanon says Israeli strike cut off road ..."): a headline never opens on
    a full date, and its words would read as the headline's ("2024 Lebanon says ...")."""
    rest = text
    while stamp := next(
        (found for pattern in DATE_PATTERNS if (found := pattern.match(rest))), None
    ):
        rest = rest[stamp.end() :].lstrip(DATE_STAMP_GAP)
    # A row that is only dates stays as it is (it is furniture, never picked).
    return rest if rest != text and LETTER_WORDS.search(rest) else text


def _printed_again_under(row: Unit, below: Unit) -> bool:
    return row.text == below.text or (
        below.words >= GLUED_TAIL_WORDS and row.text.endswith(below.text)
    )
