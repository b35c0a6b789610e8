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
    WORD,
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
CAPITALISED = re.compile(r"\b[A-ZÄÖÜ][\w-]{2,}")
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
)
COPY_WORDS = 6  # a picture's alt text and its caption open with the same words
MENU_ROWS = 4  # rows each side read for a menu or link list around a candidate
MENU_WORDS = 2  # a menu entry or link label has at most this many words
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


def _header_next(units: list[Unit], index: int) -> bool:
    for unit in units[index + 1 : index + 1 + NEAR_ROWS]:
        if not unit.bracketed:
            return is_header_row(unit)
    return False


def _next_row(units: list[Unit], index: int) -> Unit | None:
    """The row under this one, past image placeholders."""
    return next((unit for unit in units[index + 1 :] if not unit.bracketed), None)


def _next_row_shape(units: list[Unit], index: int) -> dict[str, float]:
    """The shape of the row under a candidate: a headline has a byline, date, standfirst or
    the text under it; a standfirst or caption has the byline or text; a kicker, the headline."""
    below = _next_row(units, index)
    if below is None:
        return dict.fromkeys(NEXT_ROW_FEATURES, 0.0)
    return {
        "next_exists": 1.0,
        "next_header": float(is_header_row(below)),
        "next_title_like": float(_title_like(below)),
        "next_terminal": float(below.terminal),
        "next_caption": float(below.caption),
        "next_prose": float(is_prose(below)),
        "next_relative_length": math.log(max(below.words, 1) / max(units[index].words, 1)),
        "next_tiny": float(below.words <= 2),
    }


NEXT_ROW_FEATURES = tuple(name for name in FEATURES if name.startswith("next_"))


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


def _echoes(units: list[Unit], rows: list[int], stops: frozenset[str]) -> list[float]:
    """For each candidate row, the largest share of its words that another short row of the
    page (not its neighbours, not a copy) holds: a headline comes back in the breadcrumb, the
    page's title row, a caption or a share text."""
    words = {
        i: {w for w in lower_words(units[i].text) if len(w) > 2 and w not in stops}
        if units[i].words <= ECHO_MAX_WORDS
        else set()
        for i in rows
    }
    # Only the candidates' words can be shared: each row is read for those alone (a C-level
    # set intersection), not for its own content words.
    sought = set().union(*words.values())
    holding: dict[str, list[int]] = {}
    if sought:
        for j, unit in enumerate(units):
            if unit.words <= ECHO_MAX_WORDS:
                for word in sought.intersection(lower_words(unit.text)):
                    holding.setdefault(word, []).append(j)
    echoes = []
    for i in rows:
        shared = Counter(chain.from_iterable(holding[word] for word in words[i]))
        best = max(
            (
                count
                for j, count in shared.items()
                if abs(j - i) > 1 and units[j].text != units[i].text
            ),
            default=0,
        )
        echoes.append(best / len(words[i]) if words[i] else 0.0)
    return echoes


def _opening_words(units: list[Unit], first: int, stops: frozenset[str]) -> set[str]:
    opening = [
        unit.text for unit in units[first : first + 16] if unit.words >= 5 and not unit.bullet
    ][:4]
    return {w for w in WORD.findall(" ".join(opening).lower()) if len(w) > 2 and w not in stops}


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


def _crumb_tails(units: list[Unit], rows: list[int]) -> list[bool]:
    """For each candidate row, whether a longer row of the page ends with it: the last crumb
    of a breadcrumb ("Home > News > Headline", "3. Headline") is the page's headline."""
    texts = {i: normalise(units[i].text) if units[i].words <= ECHO_MAX_WORDS else "" for i in rows}
    # Only rows ending on a candidate's last word can end with it.
    last_words = {text.rsplit(" ", 1)[-1] for text in texts.values() if text}
    by_last_word: dict[str, list[str]] = {}
    for unit in units:
        if unit.words <= ECHO_MAX_WORDS:
            row_words = lower_words(unit.text)
            if row_words and row_words[-1] in last_words:
                by_last_word.setdefault(row_words[-1], []).append(normalise(unit.text))
    tails = []
    for i in rows:
        text = texts[i]
        tails.append(
            units[i].words >= 2
            and bool(text)
            and any(
                len(other) > len(text) and other.endswith(" " + text)
                for other in by_last_word.get(text.rsplit(" ", 1)[-1], ())
            )
        )
    return tails


def _menu_share(units: list[Unit], rows: range) -> float:
    """Share of the rows that are menu entries or link labels (a couple of words or a list
    item): a headline stands after the menu, a related story's title inside a link list."""
    shown = [units[j] for j in rows if 0 <= j < len(units)]
    return sum(u.words <= MENU_WORDS or u.bullet for u in shown) / len(shown) if shown else 0.0


def _header_gap(units: list[Unit], index: int) -> int:
    """Rows down to the first byline, date or label row (0 when none in reach): a headline
    has its subtitle between it and the byline, a subtitle has the byline right under it."""
    for gap, unit in enumerate(units[index + 1 : index + 1 + NEAR_ROWS], 1):
        if is_header_row(unit):
            return gap
    return 0


def _copies(units: list[Unit], rows: list[int], first: int) -> tuple[list[bool], list[bool]]:
    """For each candidate row, whether the page prints it above (the page's title, the
    breadcrumb), and whether it prints it again below the text's start among menu-like rows
    (a "most read" or related-links list: the row is another story's title)."""
    at: dict[str, list[int]] = {units[i].text: [] for i in rows}
    for index, unit in enumerate(units):
        if unit.text in at and 2 <= unit.words <= ECHO_MAX_WORDS:
            at[unit.text].append(index)
    above, in_list = [], []
    for i in rows:
        places = at.get(units[i].text, ())
        above.append(any(j < i - 1 for j in places))
        in_list.append(
            any(
                j > first and _menu_share(units, range(j - MENU_ROWS, j + MENU_ROWS + 1)) >= 0.5
                for j in places
            )
        )
    return above, in_list


def headline_features(
    units: list[Unit], start: int, rows: list[int], stops: frozenset[str], rules_pick: int | None
) -> list[list[float]]:
    """One feature vector (in FEATURES order) per candidate row; `rules_pick` is the row the
    hand-written rules (metadata.find_headline) choose."""
    first = first_paragraph(units, start)
    opening = _opening_words(units, first + 1, stops)
    counts: dict[str, int] = {}
    for unit in units:
        counts[unit.text] = counts.get(unit.text, 0) + 1
    top = {unit.text for unit in units[:TOP_ROWS]}
    overlaps = []
    for i in rows:
        content = {w for w in normalise(units[i].text).split() if len(w) > 2 and w not in stops}
        overlaps.append(len(content & opening) / len(content) if content else 0.0)
    best_overlap = max(overlaps, default=0.0)
    echoes = _echoes(units, rows, stops)
    best_echo = max(echoes, default=0.0)
    names = _name_overlaps(units, first, rows)
    first_words = _first_paragraph_words(units, first, stops)
    tails = _crumb_tails(units, rows)
    copies_above, copies_in_list = _copies(units, rows, first)
    english = "the" in stops
    candidates = set(rows)
    vectors = []
    for k, (i, overlap, echo) in enumerate(zip(rows, overlaps, echoes, strict=True)):
        unit = units[i]
        row_words = {w for w in lower_words(unit.text) if len(w) > 2 and w not in stops}
        shape = row_shape(unit.text)
        above = first - i
        following = units[i + 1 : i + 4]
        gap = _header_gap(units, i)
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
            "header_after": any(is_header_row(other) for other in following),
            "header_before": i > 0 and is_header_row(units[i - 1]),
            "prose_after": i + 1 < len(units) and is_prose(units[i + 1]),
            "prose": is_prose(unit),
            "overlap": overlap,
            "best_overlap": overlap > 0 and overlap == best_overlap,
            "repeated": counts[unit.text] > 1,
            "repeated_at_top": i >= TOP_ROWS and unit.text in top,
            "upper": shape.upper,
            "digits": shape.digits,
            "promo": shape.promo,
            "breadcrumb": shape.breadcrumb,
            "first_row": i == 0,
            "label_value": i > 0 and units[i - 1].text.endswith(":") and units[i - 1].words <= 2,
            "lower_start": shape.lower_start,
            "after_list": i > 0 and units[i - 1].bullet,
            "credit": shape.credit,
            "rules_pick": i == rules_pick,
            "ends_function_word": shape.ends_function_word,
            "control_verb_start": shape.control_verb_start,
            "no_letters": shape.no_letters,
            "arrow": shape.arrow,
            "glued_words": shape.glued_words,
            # A headline comes before its standfirst, a longer row that is not a list item.
            "longer_after": bool(following)
            and following[0].words > unit.words
            and not following[0].bullet,
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
            "title_above": any(
                j in candidates and _title_like(units[j]) for j in range(i - NEAR_ROWS, i)
            ),
            "title_after": bool(following)
            and i + 1 in candidates
            and _title_like(following[0])
            and following[0].words > unit.words,
            # a picture's alt text printed again in its caption, or signed by a credit row
            "caption_next": any(
                other.text.startswith(unit.text) or is_credit(other.text) for other in following[:2]
            ),
            "inner_sentence_end": shape.inner_sentence_end,
            # the byline or date row right under it (past image placeholders): a kicker has
            # the headline there
            "header_next": _header_next(units, i),
            **_next_row_shape(units, i),
            "title_case": title_case,
            "echo": echo,
            "best_echo": echo > 0 and echo == best_echo,
            "name_overlap": names[k],
            # the lede retells the headline; a kicker or subhead shares less with it
            "first_overlap": len(row_words & first_words) / len(row_words) if row_words else 0.0,
            "crumb_tail": tails[k],
            "menu_above": _menu_share(units, range(i - MENU_ROWS, i)),
            "menu_below": _menu_share(units, range(i + 1, i + 1 + MENU_ROWS)),
            # the first long row after the menu: rows under it are its subtitle or caption
            "first_long": unit.words >= LONG_ROW_WORDS
            and not any(
                j in candidates and units[j].words >= LONG_ROW_WORDS
                for j in range(i - NEAR_ROWS, i)
            ),
            "header_gap_one": gap == 1,
            "header_gap_two": gap == 2,
            "copy_above": copies_above[k],
            "copy_in_list_below": copies_in_list[k],
            # English headlines capitalise most words; other languages' do not
            "title_case_english": title_case if english else 0.0,
            # a neighbour opening with the same words: a picture's alt text over its caption
            "near_copy": unit.words >= COPY_WORDS
            and any(
                other.text != unit.text
                and other.text.split()[:COPY_WORDS] == unit.text.split()[:COPY_WORDS]
                for other in units[max(0, i - 2) : i + 3]
            ),
            "inner_colon": ": " in unit.text and bool(INNER_COLON.match(unit.text)),
            "quoted": bool(QUOTED.search(unit.text)),
            # the longest row among its neighbours (a headline over its kicker and byline)
            "longest_near": all(
                units[j].words <= unit.words
                for j in range(max(0, i - 2), min(len(units), i + 3))
                if j != i and not is_prose(units[j])
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
) -> int | None:
    """The headline row, or None when no row is believed enough."""
    if start >= len(units):
        return None
    rows = headline_candidates(units, start, rules_pick)
    if not rows:
        return None
    model = model or shipped_model()
    beliefs = row_beliefs(headline_features(units, start, rows, stops, rules_pick), model)
    best = max(range(len(rows)), key=lambda k: beliefs[k])
    if beliefs[best] < model.threshold:
        return None
    chosen = rows[best]
    # A headline printed twice in a row (the page's title over its heading) heads the text
    # from its second copy: rows between the copies would be read as header rows.
    while chosen + 1 < len(units) and units[chosen + 1].text == units[chosen].text:
        chosen += 1
    return chosen
