"""Which row of a page is its headline, when the page has no "Headline | Site" title line.

Every short row in the few dozen above the first paragraph (and the first rows of the body,
where a near-prose headline can sit) is a candidate, described by its shape (length, capitals,
function words, sentence punctuation, list item, caption, date row, a topic before a colon,
a quotation), its place (rows above the
first paragraph, a byline or date row next to it, the shape of the row under it) and the
page's own evidence (its words come back in the opening paragraphs; the row, or most of its
words, is printed again, e.g. in the breadcrumb or a caption). A softmax
scorer fitted by `benchmarks/fit_headlines.py` on labelled pages (weights in
`headline_weights.json`) rates the rows and "none of them"; the best row is the headline when
it holds enough of the belief.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain
from operator import mul
from pathlib import Path

from briefing.extract.rows import RowFeatures, row_features
from briefing.extract.units import (
    UNITS_KEPT,
    Unit,
    is_header_row,
    is_prose,
    lower_words,
    normalise,
)
from briefing.extract.vocabulary import (
    BREADCRUMB,
    PROMO,
    PROMO_HINTS,
    SENTENCE_END,
    SITE_CONTROL,
    folded,
    may_match,
)

WEIGHTS_FILE = Path(__file__).with_name("headline_weights.json")
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
# What SITE_CONTROL's branches need, likewise.
SITE_CONTROL_HINTS = (
    "sign", "log", "edit", "account", "read", "listen", "save", "leitura", "lectura", "lecture",
    "lesezeit", "lettura",
)  # fmt: skip
# Previous/next-post links and teasers carry arrows ("← 2 Jahre CryptoParty Graz", "Weiter »").
ARROW = re.compile(r"^[←→«»‹›<>]|[←→«»‹›]$")
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

FEATURES = (
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
)
COPY_WORDS = 6  # a picture's alt text and its caption open with the same words
MENU_ROWS = 4  # rows each side read for a menu or link list around a candidate
LONG_ROW_WORDS = 5  # a candidate this long above a row is a headline over a subtitle or kicker


@dataclass(frozen=True)
class HeadlineModel:
    weights: tuple[float, ...]
    threshold: float


@cache
def shipped_model() -> HeadlineModel:
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    if data["features"] != list(FEATURES):
        raise ValueError(f"{WEIGHTS_FILE.name} was fitted for other features; refit it")
    return HeadlineModel(tuple(data["weights"]), data["threshold"])


def first_paragraph(units: list[Unit], start: int) -> int:
    """The first prose row from the article region's start on (or the start itself)."""
    return next((i for i in range(start, min(len(units), start + 12)) if is_prose(units[i])), start)


def headline_candidates(units: list[Unit], start: int, rules_pick: int | None) -> list[int]:
    """Rows that may be the headline: short rows above the article region, title-shaped rows
    of the region above its first paragraph, and the rules' pick."""
    first = first_paragraph(units, start)
    above = [
        i for i in range(max(0, first - ROWS_ABOVE), start) if 2 <= units[i].words <= MAX_WORDS
    ]
    # Region rows above the first paragraph that do not read as a sentence may be it too, up
    # to the region's first row of text (a long row or a finished sentence): a headline
    # stands above the text it heads.
    inside = []
    for i in range(start, min(first, len(units))):
        if units[i].words > REGION_MAX_WORDS or (units[i].terminal and units[i].words >= 4):
            break
        if units[i].words >= 2:
            inside.append(i)
    picked = [rules_pick] if rules_pick is not None and rules_pick >= start else []
    return sorted(set(above + inside + picked))


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


def _next_row_shape(page: RowFeatures, index: int) -> dict[str, float]:
    """The shape of the row under a candidate (past image placeholders): a headline has a
    byline, date, standfirst or the text under it; a standfirst or caption has the byline or
    text; a kicker, the headline."""
    below_at = page.shown_below[index]
    if below_at is None:
        return dict.fromkeys(NEXT_ROW_FEATURES, 0.0)
    below = page.units[below_at]
    return {
        "next_exists": 1.0,
        "next_header": float(is_header_row(below)),
        "next_title_like": float(_title_like(below)),
        "next_terminal": float(below.terminal),
        "next_caption": float(below.caption),
        "next_prose": float(is_prose(below)),
        "next_relative_length": math.log(max(below.words, 1) / max(page.words[index], 1)),
        "next_tiny": float(below.words <= 2),
    }


NEXT_ROW_FEATURES = tuple(name for name in FEATURES if name.startswith("next_"))


def _caption_under(
    page: RowFeatures, index: int, content: set[str], stops: frozenset[str]
) -> dict[str, float]:
    """The caption under a row: past a picture's placeholder, the row heads the picture (a
    headline over the lead image); the share of the row's words the caption repeats is high
    for a picture's alt text over its caption, lower for a headline."""
    below = page.shown_below[index]
    if below is None or below > index + NEAR_ROWS or not page.captions[below]:
        return {"caption_under_picture": 0.0, "caption_overlap": 0.0}
    words = {w for w in lower_words(page.texts[below]) if len(w) > 2 and w not in stops}
    return {
        "caption_under_picture": float(below > index + 1),
        "caption_overlap": len(content & words) / len(content) if content else 0.0,
    }


def _title_case(text: str) -> float:
    """Share of the words that start with a capital letter: English headlines capitalise
    most words, a standfirst or caption (a sentence) few."""
    words = [word for word in text.split() if word[:1].isalpha()]
    return sum(word[0].isupper() for word in words) / max(1, len(words))


@dataclass(frozen=True)
class RowShape:
    """What a candidate row's text alone says of it (the features of FEATURES that read
    nothing else), worked out once per text: a site's rows recur on its pages."""

    sentence_end: bool
    upper: bool
    digits: float
    promo: bool
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
def row_shape(text: str) -> RowShape:
    words = normalise(text).split()
    letters = list(filter(str.isalnum, text))
    lowered = folded(text)
    return RowShape(
        sentence_end=bool(SENTENCE_END.search(text)),
        upper=text.isupper(),
        digits=sum(map(str.isdigit, letters)) / max(1, len(letters)),
        promo=bool(
            (may_match(PROMO_HINTS, lowered) and PROMO.search(text))
            or (may_match(SITE_CONTROL_HINTS, lowered) and SITE_CONTROL.search(text))
        ),
        breadcrumb=BREADCRUMB.search(text) is not None,
        # "iOS 13 will fix ..." starts with a brand, not lower case
        lower_start=bool(words) and text.split()[0].islower(),
        credit=is_credit(text),
        # "US & Canada is sponsored by", "Listen to this page using ReadSpeaker": page
        # controls and sponsor lines, not a story's title.
        ends_function_word=bool(words) and words[-1] in TRAILING_WORDS,
        control_verb_start=bool(words) and words[0] in CONTROL_VERBS,
        no_letters=not any(char.isalpha() for char in letters),
        arrow=ARROW.search(text.strip()) is not None,
        glued_words=GLUED_WORDS.search(text) is not None,
        inner_sentence_end=INNER_SENTENCE_END.search(text) is not None,
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
        shared = Counter(chain.from_iterable(holding[word] for word in words[i]))
        best = max(
            (count for j, count in shared.items() if abs(j - i) > 1 and texts[j] != texts[i]),
            default=0,
        )
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


def _menu_share(page: RowFeatures, start: int, stop: int) -> float:
    """Share of the rows in [start, stop) (those on the page) that are menu entries or link
    labels (a couple of words or a list item): a headline stands after the menu, a related
    story's title inside a link list."""
    shown = page.menu[max(0, start) : max(0, stop)]
    return sum(shown) / len(shown) if shown else 0.0


def _header_gap(page: RowFeatures, index: int) -> int:
    """Rows down to the first byline, date or label row (0 when none in reach): a headline
    has its subtitle between it and the byline, a subtitle has the byline right under it."""
    for below in range(index + 1, min(index + 1 + NEAR_ROWS, len(page.units))):
        if page.header(below):
            return below - index
    return 0


def _copies(page: RowFeatures, rows: list[int], first: int) -> tuple[list[bool], list[bool]]:
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
                j > first and _menu_share(page, j - MENU_ROWS, j + MENU_ROWS + 1) >= 0.5
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
) -> list[list[float]]:
    """One feature vector (in FEATURES order) per candidate row; `rules_pick` is the row the
    hand-written rules (metadata.find_headline) choose; `page`, the units' row features when
    the caller has them."""
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
    overlaps = []
    for i in rows:
        content = contents[i]
        overlaps.append(len(content & opening) / len(content) if content else 0.0)
    best_overlap = max(overlaps, default=0.0)
    echoes = _echoes(page, rows, contents)
    best_echo = max(echoes, default=0.0)
    names = _name_overlaps(units, first, rows)
    first_words = _first_paragraph_words(units, first, stops)
    tails = _crumb_tails(page, rows)
    copies_above, copies_in_list = _copies(page, rows, first)
    english = "the" in stops
    candidates = set(rows)
    title_like = {j for j in rows if _title_like(units[j])}
    long_rows = {j for j in rows if words[j] >= LONG_ROW_WORDS}
    vectors = []
    for k, (i, overlap, echo) in enumerate(zip(rows, overlaps, echoes, strict=True)):
        unit = units[i]
        text, length = texts[i], words[i]
        row_words = contents[i]
        shape = row_shape(text)
        above = first - i
        after = i + 1 < count  # a row follows
        gap = _header_gap(page, i)
        title_case = shape.title_case
        features = {
            "bias": 1.0,
            "above_log": math.log1p(max(0, above)),
            "right_above": above == 1,
            "within_three": 1 <= above <= 3,
            "from_first_paragraph": above <= 0,
            "words_log": math.log(unit.words),
            "short": unit.words <= 3,
            "long": unit.words > 20,
            "capitals": unit.capitals,
            "terminal": unit.terminal,
            "sentence_end": shape.sentence_end,
            "ends_colon": unit.text.endswith(":"),
            "stop_ratio": unit.stop_ratio,
            "bullet": unit.bullet,
            "caption": unit.caption,
            "date_row": unit.date,
            "header_after": page.header_within(i + 1, i + 4),
            "header_before": i > 0 and page.header(i - 1),
            "prose_after": after and prose[i + 1],
            "prose": prose[i],
            "overlap": overlap,
            "best_overlap": overlap > 0 and overlap == best_overlap,
            "repeated": page.copies[text] > 1,
            "repeated_at_top": i >= TOP_ROWS and unit.text in top,
            "upper": shape.upper,
            "digits": shape.digits,
            "promo": shape.promo,
            "breadcrumb": shape.breadcrumb,
            "first_row": i == 0,
            "label_value": i > 0 and texts[i - 1].endswith(":") and words[i - 1] <= 2,
            "lower_start": shape.lower_start,
            "after_list": i > 0 and bullets[i - 1],
            "credit": shape.credit,
            "rules_pick": i == rules_pick,
            "ends_function_word": shape.ends_function_word,
            "control_verb_start": shape.control_verb_start,
            "no_letters": shape.no_letters,
            "arrow": shape.arrow,
            "glued_words": shape.glued_words,
            # A headline comes before its standfirst, a longer row that is not a list item.
            "longer_after": after and words[i + 1] > length and not bullets[i + 1],
            "candidate_before": i - 1 in candidates,
            # a text browser's form fields ("[ ]", "[Max]") and link labels
            "bracket": "[" in unit.text,
            "ends_parenthesis": unit.text.rstrip().endswith(")"),  # "... (Symbolbild)"
            # A short text (an excerpt, a page store's beginning) opens on its headline; a
            # site's first row is its name or menu, far above the first paragraph.
            "opens_text": i == 0 and first <= OPENING_ROWS,
            # A sentence under a title-like row is its standfirst, not a second headline.
            "sentence_under_candidate": i - 1 in candidates
            and unit.words >= 8
            and unit.stop_ratio >= SENTENCE_STOP_RATIO,
            # The headline is the first title-shaped row over the text: a title-shaped
            # candidate a few rows up makes this one a subhead, caption or byline; a kicker
            # (section label) has the headline right under it.
            "title_above": any(j in title_like for j in range(i - NEAR_ROWS, i)),
            "title_after": i + 1 in title_like and words[i + 1] > length,
            # a picture's alt text printed again in its caption, or signed by a credit row
            "caption_next": any(
                other.startswith(text) or is_credit(other) for other in texts[i + 1 : i + 3]
            ),
            "inner_sentence_end": shape.inner_sentence_end,
            # the byline or date row right under it (past image placeholders): a kicker has
            # the headline there
            "header_next": _header_next(page, i),
            **_next_row_shape(page, i),
            "title_case": title_case,
            "echo": echo,
            "best_echo": echo > 0 and echo == best_echo,
            "name_overlap": names[k],
            # the lede retells the headline; a kicker or subhead shares less with it
            "first_overlap": len(row_words & first_words) / len(row_words) if row_words else 0.0,
            "crumb_tail": tails[k],
            "menu_above": _menu_share(page, i - MENU_ROWS, i),
            "menu_below": _menu_share(page, i + 1, i + 1 + MENU_ROWS),
            # the first long row after the menu: rows under it are its subtitle or caption
            "first_long": length >= LONG_ROW_WORDS
            and not any(j in long_rows for j in range(i - NEAR_ROWS, i)),
            "header_gap_one": gap == 1,
            "header_gap_two": gap == 2,
            "copy_above": copies_above[k],
            "copy_in_list_below": copies_in_list[k],
            # English headlines capitalise most words; other languages' do not
            "title_case_english": title_case if english else 0.0,
            # a neighbour opening with the same words: a picture's alt text over its caption
            "near_copy": length >= COPY_WORDS
            and any(
                other != text and _opening(other) == _opening(text)
                for other in texts[max(0, i - 2) : i + 3]
            ),
            "inner_colon": ": " in unit.text and bool(INNER_COLON.match(unit.text)),
            "quoted": bool(QUOTED.search(unit.text)),
            **_caption_under(page, i, row_words, stops),
            # the longest row among its neighbours (a headline over its kicker and byline)
            "longest_near": all(
                words[j] <= length
                for j in range(max(0, i - 2), min(count, i + 3))
                if j != i and not prose[j]
            ),
        }
        vectors.append(list(map(float, map(features.__getitem__, FEATURES))))
    return vectors


def row_beliefs(vectors: list[list[float]], model: HeadlineModel) -> list[float]:
    """Each row's share of the belief, against "none of them" (score 0)."""
    # map(mul) adds the same products in the same order as a loop, at a third of its cost
    scores = [sum(map(mul, model.weights, vector)) for vector in vectors]
    top = max(0.0, *scores) if scores else 0.0
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps) + math.exp(-top)
    return [value / total for value in exps]


def choose_headline(
    units: list[Unit],
    start: int,
    stops: frozenset[str],
    rules_pick: int | None,
    model: HeadlineModel | None = None,
    page: RowFeatures | None = None,
) -> int | None:
    """The headline row, or None when no row is believed enough (`page`: the units' row
    features when the caller has them)."""
    if start >= len(units):
        return None
    rows = headline_candidates(units, start, rules_pick)
    if not rows:
        return None
    model = model or shipped_model()
    vectors = headline_features(units, start, rows, stops, rules_pick, page)
    beliefs = row_beliefs(vectors, model)
    best = max(range(len(rows)), key=lambda k: beliefs[k])
    if beliefs[best] < model.threshold:
        return None
    chosen = rows[best]
    # A headline printed twice in a row (the page's title over its heading) heads the text
    # from its second copy: rows between the copies would be read as header rows.
    while chosen + 1 < len(units) and units[chosen + 1].text == units[chosen].text:
        chosen += 1
    return chosen
