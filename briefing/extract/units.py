"""Lines to paragraph units and the shape features each unit is scored on."""

from __future__ import annotations

import math
import re
import struct
from bisect import bisect_left, bisect_right
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress, repeat
from operator import contains, gt, itemgetter
from typing import Generic, TypeVar

import numpy as np

from briefing.ascii_text import CASELESS_MARKS, ascii_shadow, ascii_words
from briefing.extract.dates import shows_date, shows_stamp, starts_with_date
from briefing.extract.vocabulary import (
    AD_LABEL,
    AD_LABEL_OPENERS,
    AGENCY_CREDIT,
    AGENCY_LINE,
    ARTICLE_END,
    ARTICLE_END_OPENERS,
    BOILERPLATE,
    BOILERPLATE_HINTS,
    BRACKETED_ONLY,
    BREADCRUMB,
    BREADCRUMB_MARKS,
    BULLET,
    BULLET_GLYPHS,
    BYLINE,
    CAPTION_END_MARKS,
    CAPTION_HINTS,
    CJK_CHAR,
    CJK_FUNCTION_CHAR,
    CREDIT_LABEL_TAIL,
    CREDIT_TAIL_CHARS,
    IMAGE_NAME,
    INITIALS_CHARS,
    INITIALS_CREDIT,
    LINK_PREFIX,
    LINK_PREFIX_OPENERS,
    LIST_LABEL,
    LIST_LABEL_OPENERS,
    PHOTO_BY_TAIL,
    PICTURE_BRACKET,
    PICTURE_BRACKET_CHARS,
    PICTURE_CREDIT_HINTS,
    PROMO,
    PROMO_HINTS,
    REPORTED,
    SENTENCE_AGENCY,
    STOPWORDS,
    URL_ONLY,
    URL_OPENINGS,
    WIRE_LEAD,
    WORD,
    FoldedRows,
    byline_opener,
    describes_picture,
    ends_a_sentence,
    fold_rows,
    folded,
    is_caption,
    local_byline,
    row_openers,
    rows_ending_sentences,
    rows_folded,
    rows_holding,
)
from briefing.lazy_pattern import without_ignorecase

# Time stamps without a year ("Monday 6:30PM", "Nov 19, 9:41 AM", "2 hours ago"): date rows when
# the line is short.
STAMP_WORDS = 12
DIGIT = re.compile(r"\d")
FIRST_LETTER = re.compile(r"[^\W\d_]")
# An ASCII row's digits (what DIGIT matches there) deleted from its bytes, and what comes before
# its first letter (FIRST_LETTER's match) stripped, in C: a pattern's call costs several times
# as much on a row of a few words.
ASCII_DIGITS = b"0123456789"
_ASCII_NON_LETTERS = "".join(chr(code) for code in range(128) if not chr(code).isalpha())
# Rows of Western European text (Latin-1 but for caseless marks: `latin_shadow`) are read so
# too, through Latin-1 tables: their only digits are ASCII ones, lowering keeps them Latin-1,
# and what FIRST_LETTER skips is a set of their characters ("²" is no letter but matches it).
_LATIN_NON_LETTERS = "".join(
    chr(code) for code in range(256) if FIRST_LETTER.fullmatch(chr(code)) is None
)
# Each Latin-1 character that is no word character (WORD's \w: letters, digits, _) to a space.
_LATIN_WORD_GAPS = bytes(
    code if chr(code).isalnum() or chr(code) == "_" else ord(" ") for code in range(256)
)
# The caseless marks above Latin-1: a row's only characters there in a `latin_shadow`.
_WIDE_MARKS = tuple(mark for mark in CASELESS_MARKS if mark > "\xff")


# Byte classes of a Latin-1 row (a caseless mark above it encoded as "?": one character,
# neither a space nor a letter, as the mark), as `str.split`, `str.isalpha` and `str.isupper`
# read its characters; the first two as tables for bytes.translate (a byte 1 where the class
# holds), which maps a page's bytes in C several times faster than numpy indexes an array by
# them.
_FILLED = bytes(not chr(code).isspace() for code in range(256))
_LETTER = bytes(chr(code).isalpha() for code in range(256))
_IS_CAPITAL = np.array([chr(code).isupper() for code in range(256)])
_NEWLINE = ord("\n")
LONG_WORD = 3  # a word longer than this counts for a unit's capitals


CREDIT_ONLY_WORDS = 6  # a caption row this short is a bare credit ("Photo: Getty Images")


CAPTION_CREDIT_WORDS = 25  # longer lines ending in "(AFP)" are paragraphs citing their source
CAPTION_WORDS = 2 * CAPTION_CREDIT_WORDS  # a credit ends longer lines glued to body text


# What the body classifier reads of a unit on its own (`features.UNIT_FEATURES` but those that
# hang on its caption mark or on the page), worked out with the unit as a row of numbers: a
# site's rows recur on its pages (the unit memo keeps them), and a row a unit is cheaper to
# put in a matrix than a column a feature read off every unit again.
# The row is kept packed as doubles (SHAPE_ROW): a page's rows joined are its matrix's bytes,
# where numbers read one by one into an array cost a third of making the matrix.
SHAPE_FEATURES = (
    # numbers
    "log_words",
    "log_chars",
    "function_ratio",
    "capitals",
    "digit_share",
    "comma_rate",
    # flags
    "bullet",
    "terminal",
    "upper_case",
    "ends_colon",
    "date",
    "placeholder",
    "promo",
    "boilerplate",
    "list_label",
    "article_end",
    "separators",
    "starts_lower",
    "cjk",
    "numbered",
)
SHAPE_ROW = struct.Struct(f"{len(SHAPE_FEATURES)}d")


_Value = TypeVar("_Value")


class _once(Generic[_Value]):  # noqa: N801 (used as a decorator, like cached_property)
    """functools.cached_property without its lock (Python 3.11 takes one on every first read,
    about as dear as the tests themselves): the value is stored in the unit's __dict__, which
    later reads find first."""

    def __init__(self, compute: Callable[[Unit], _Value]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __get__(self, unit: Unit, owner: type | None = None) -> _Value:
        if unit is None:  # read off the class: the descriptor itself
            return self  # type: ignore[return-value]
        value = self.compute(unit)
        unit.__dict__[self.name] = value
        return value


@dataclass(frozen=True)
class Unit:
    """One paragraph of the page (wrapped lines joined), with the shape features we score."""

    text: str
    bullet: bool  # a list item: in text dumps, mostly links
    words: int
    stop_ratio: float
    terminal: bool  # ends like a sentence
    capitals: float  # share of longer words written Capitalised: high in titles and menus
    caption: bool
    # closes on a picture's or agency's credit that `caption` does not read (`is_credited_row`)
    credited: bool
    date: bool  # carries a date near its start (a dateline/byline row)
    promo: bool  # asks the reader to act (subscribe, share, read more)
    boilerplate: bool  # site-wide legal text, cookie notices, appeals
    cjk: int  # Han and kana characters, two to a word
    bracketed: bool  # only bracketed labels: a text browser's image placeholders, form fields
    # stands for something not shown: bracketed labels, an image's file name, a bare URL
    placeholder: bool
    list_label: bool  # a heading over a list of links ("Most read", "Related")
    # a list heading, a link's prefix ("Read also:") or an advertisement's label
    link_label: bool
    # SHAPE_FEATURES, in order, packed as SHAPE_ROW
    shape: bytes = field(compare=False, repr=False)

    # Every pass over the page (region, classifier, headline, dates) asks these of each unit,
    # some many times: each is computed once per unit (`replace` makes a new unit).
    @_once
    def prose(self) -> bool:
        return _prose(self)

    @_once
    def near_prose(self) -> bool:
        return _near_prose(self)

    @_once
    def header_row(self) -> bool:
        return _header_row(self)


# A page hard-wrapped at a fixed width has several lines within a few characters of the longest.
WRAPPED_LINES = 3
WRAP_SLACK = 12
WRAP_MAX_WIDTH = 132  # longer lines were not wrapped by a tool
WRAPPED_SHARE = 0.5  # of the lines longer than half the width, near it: a paragraph's inner lines


def lines_to_units(text: str) -> list[tuple[str, bool]]:
    """Strip each line, drop blanks, and join lines that were wrapped: a line continues the
    previous one when that one is long, unfinished and the next starts in lower case; on a
    page hard-wrapped at a fixed width, also when the previous line had no room left for the
    next line's first word (and the next is not indented further, as a new paragraph is)."""
    # no-break spaces too: all Unicode spaces split words and strip
    lines = list(map(str.rstrip, text.replace("\r\n", "\n").replace("\r", "\n").split("\n")))
    width = _wrap_width(lines)
    # Each unit's lines are joined once at the end, and whether it is unfinished is read off
    # its last line: re-joining and re-searching the growing unit per line was quadratic.
    units: list[tuple[list[str], bool]] = []
    length = 0  # of the last unit, joined
    previous_blank = True
    previous_length = 0  # of the previous line, with its indentation
    previous_indent = 0
    for raw in lines:
        line = raw.lstrip()  # (its end is stripped)
        if not line:
            previous_blank = True
            continue
        indent = len(raw) - len(line)
        # its words joined by single spaces: a line holding no other space and no two in a row
        # (printable: every space but " " is not) is that already, and is not split into words
        if "  " in line or not line.isprintable():
            line = " ".join(line.split())
        space = line.find(" ")
        first_word = space if space >= 0 else len(line)  # its length
        glyph = line[0] in BULLET_GLYPHS
        marker = BULLET.match(line) if glyph or line[0].isdecimal() else None  # BULLET's \d
        # "1. März 2019" is a date (which opens on its digit), not a numbered item
        bullet = marker is not None and (glyph or not starts_with_date(line))
        if bullet and glyph:  # a numbered item keeps its number: it is text
            line = line[marker.end() :].strip()
            if not line:
                previous_blank = False
                continue
        # the wrapper broke the line here when the next word did not fit on it
        wrapped = (
            width is not None
            and units  # the first line continues nothing
            and previous_length + 1 + first_word > width
            and (indent <= previous_indent or units[-1][1])
        )
        if (
            units
            and not previous_blank
            and not bullet
            and (
                wrapped
                or (
                    length >= 40
                    and not ends_a_sentence(units[-1][0][-1])
                    and (line[0].islower() or line[0] in "(0123456789")
                    and "©" not in line  # an image's alt text and credit under a teaser
                    # "(Reuters) - ...", "(Worthy News) – ...": a wire's lead opens a paragraph
                    and WIRE_LEAD.match(line) is None
                )
            )
        ):
            units[-1][0].append(line)
            length += 1 + len(line)
        else:
            units.append(([line], bullet))
            length = len(line)
            previous_indent = indent
        previous_blank = False
        previous_length = len(raw)
    return [(" ".join(lines), bullet) for lines, bullet in units]


def _wrap_width(lines: list[str]) -> int | None:
    """The width a page (its lines stripped at the end) was hard-wrapped at (its longest line),
    or None when it was not:
    then few lines come near the longest, or the longest is longer than any wrapper's."""
    # the lengths of the lines holding a space past their indentation, sorted: what is near
    # the longest, or longer than half of it, is then counted by bisection (all in C)
    lengths = sorted(compress(map(len, lines), map(contains, map(str.lstrip, lines), repeat(" "))))
    if not lengths:
        return None
    width = lengths[-1]
    near = len(lengths) - bisect_left(lengths, width - WRAP_SLACK)
    long = len(lengths) - bisect_right(lengths, width / 2)
    wrapped = near >= max(WRAPPED_LINES, WRAPPED_SHARE * long)
    return width if width <= WRAP_MAX_WIDTH and wrapped else None


# Every word of a function-word list: only these are counted of a page's words.
_ANY_STOPWORD = frozenset().union(*STOPWORDS.values())


def detect_language(words: list[str]) -> str:
    if not words:
        return "unknown"
    # the function words alone counted (a set test a word, in C): counting every word cost
    # several times as much, most of them never looked up
    frequency = Counter(filter(_ANY_STOPWORD.__contains__, words))
    # get, not [], whose misses (most of a list's words) call Counter.__missing__
    counts = {lang: sum(map(frequency.get, stops, repeat(0))) for lang, stops in STOPWORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] >= max(3, 0.08 * len(words)) else "unknown"


# A site's menus, labels and footers recur on every page of it (and within a page): a worker
# makes each such unit (and its words) once. Units are immutable, so pages may share them.
UNITS_KEPT = 2048  # about 13 pages: 6 MB of memos per worker (8192: 26 MB, for 34% hits, not 29%)
_UnitKey = tuple[str, bool, frozenset[str]]  # a row's text, whether it is a list item, stops
_units_made: OrderedDict[_UnitKey, Unit] = OrderedDict()  # the UNITS_KEPT last used


def latin_shadow(text: str) -> str | None:
    """The text with every caseless mark above Latin-1 a "?" (like the mark, neither a space,
    a letter, a digit nor a word character) when that leaves it Latin-1, None when it holds
    other characters above it. Whether a text is Latin-1 is read off its encoding, which
    copies a Latin-1 text's bytes as they are."""
    if len(text.encode("latin-1", "ignore")) == len(text):
        return text
    for mark in _WIDE_MARKS:
        if mark in text:
            text = text.replace(mark, "?")
    return text if len(text.encode("latin-1", "ignore")) == len(text) else None


@lru_cache(maxsize=UNITS_KEPT)
def lower_words(text: str) -> tuple[str, ...]:
    """The words of a text in lower case (WORD's matches), as the language guess, the units'
    function words, `normalise` and the headline scorer each read them. An ASCII text (or its
    ASCII shadow: the marks it holds are no word characters) is split at its other characters,
    in C, as bytes: a quarter cheaper than the pattern's search, and many times cheaper than
    its search of a Unicode text; so is a Latin-1 one (its `latin_shadow`)."""
    shadow = ascii_shadow(text)
    if shadow is not None:
        return tuple(ascii_words(shadow.lower()))
    latin = latin_shadow(text)
    if latin is not None:
        return tuple(_latin_words(latin.lower()))
    lowered = text.lower()
    if lowered.isascii():
        return tuple(ascii_words(lowered))
    return tuple(WORD.findall(lowered))


def _latin_words(text: str) -> list[str]:
    """The runs of word characters of a Latin-1 text (what WORD finds), split in C as bytes."""
    return text.encode("latin-1").translate(_LATIN_WORD_GAPS).decode("latin-1").split()


def tokens(text: str) -> tuple[tuple[str, ...], int, int]:
    """(words, CJK characters, CJK grammar characters) of a text; Han and kana are counted by
    character, two to a word, since those scripts put no spaces between words."""
    if text.isascii() or not CJK_CHAR.search(text):  # isascii reads a flag: no scan
        return lower_words(text), 0, 0
    cjk = len(CJK_CHAR.findall(text))
    spaced = tuple(WORD.findall(CJK_CHAR.sub(" ", text).lower()))
    return spaced, cjk, len(CJK_FUNCTION_CHAR.findall(text))


def make_units(rows: list[tuple[str, bool]], stops: frozenset[str]) -> list[Unit]:
    """The units of a page's rows (text, list item), stop_ratio counting `stops`: those of rows
    met lately are reused, the others made together."""
    keys = [(text, bullet, stops) for text, bullet in rows]
    made = _units_made
    for key in keys:
        if key in made:
            made.move_to_end(key)
    new = [key for key in dict.fromkeys(keys) if key not in made]
    texts, bullets = [text for text, _, _ in new], [bullet for _, bullet, _ in new]
    made.update(zip(new, _new_units(texts, bullets, stops), strict=True))
    units = [made[key] for key in keys]
    while len(made) > UNITS_KEPT:
        made.popitem(last=False)
    return units


def forget_units() -> None:
    """Empty the memos of units and words seen on earlier pages."""
    _units_made.clear()
    lower_words.cache_clear()


_new_unit = object.__new__


@dataclass(frozen=True)
class RowPatterns:
    """The case-insensitive patterns each row is tried with."""

    promo: re.Pattern[str]
    boilerplate: re.Pattern[str]
    list_label: re.Pattern[str]
    link_prefix: re.Pattern[str]
    ad_label: re.Pattern[str]
    article_end: re.Pattern[str]


def lower_case_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive pattern made case-sensitive, to run on a row lowered whose non-ASCII
    characters are all caseless marks (`ascii_text.CASELESS_MARKS`): it matches there where
    the pattern matches in the row (its letters are all lower case), several times faster (a
    case-sensitive branch is skipped on its first character; a case-insensitive one is
    entered and each letter lowered)."""
    return without_ignorecase(pattern)


_ROW_PATTERNS = RowPatterns(PROMO, BOILERPLATE, LIST_LABEL, LINK_PREFIX, AD_LABEL, ARTICLE_END)
_LOWERED_ROW_PATTERNS = RowPatterns(
    **{name: lower_case_twin(pattern) for name, pattern in vars(_ROW_PATTERNS).items()}
)


def _ascii_shadows(texts: list[str]) -> list[str | None]:
    """`ascii_shadow` of each row (rows hold no newline), worked out on the page's rows joined:
    each mark the page holds is replaced once, in C, where each row holding a mark was read
    mark by mark."""
    page = "\n".join(texts)
    for mark in CASELESS_MARKS:
        if mark in page:
            page = page.replace(mark, " ")
    rows = page.split("\n")
    if len(rows) != len(texts):  # (a row holds a newline: each row read alone)
        return list(map(ascii_shadow, texts))
    return [row if row.isascii() else None for row in rows]


def _fold_rows(texts: list[str], shadows: list[str | None]) -> tuple[FoldedRows, list[str]]:
    """The rows folded (for their hints), and each row lowered (what the lower-case twins of the
    row patterns read of a caseless row, one with an ASCII shadow). Folding a caseless row is
    lowering its ASCII letters, done in C for the whole page on its UTF-8 bytes (several times
    cheaper than folding a text that holds marks); only the other rows are folded one by one
    (folding maps each character alone: the page folded is its rows folded)."""
    text = "\n".join(texts).encode().lower().decode()
    lowered = text.split("\n")
    if len(lowered) != len(texts):  # (rows hold no newline)
        lowered = [
            row if shadow is None else row.lower()
            for row, shadow in zip(texts, shadows, strict=True)
        ]
        return fold_rows(texts), lowered
    if None not in shadows:
        return rows_folded(text, len(texts)), lowered
    rows = [
        folded(row) if shadow is None else low
        for row, shadow, low in zip(texts, shadows, lowered, strict=True)
    ]
    lowered = [
        row if shadow is None else low
        for row, shadow, low in zip(texts, shadows, lowered, strict=True)
    ]
    return rows_folded("\n".join(rows), len(texts)), lowered


def _initial_letters(text: str) -> tuple[int, int]:
    """How many of a text's longer words open on a letter, and how many of those on a capital
    (what a unit's capitals are the share of)."""
    # the first letters of the longer words, picked in C: a word at a time cost more
    text_words = text.split()
    initials = list(
        filter(
            str.isalpha,
            map(
                itemgetter(0),
                compress(text_words, map(gt, map(len, text_words), repeat(LONG_WORD))),
            ),
        )
    )
    return len(initials), sum(map(str.isupper, initials))


def _rows_initials(
    texts: list[str], shadows: list[str | None], latins: list[str | None]
) -> tuple[list[int], list[int]]:
    """`_initial_letters` of each row with an ASCII shadow or a Latin-1 one (`latins`; 0, 0
    for the others), read off the page's bytes at once: the words split one by one cost about
    a sixth of making a unit."""
    joined = "\n".join(
        text if shadow is not None else latin or ""
        for text, shadow, latin in zip(texts, shadows, latins, strict=True)
    )
    # a caseless mark above Latin-1, the only other character such a row holds, is one byte
    # "?" (no space, no letter), so that a word keeps its length in characters
    raw = joined.encode("latin-1", "replace")
    codes = np.frombuffer(raw, np.uint8)
    filled = np.frombuffer(raw.translate(_FILLED), bool)
    # word characters (padded): a longer word opens where a space (or the page's start)
    # is followed by LONG_WORD + 1 word characters
    padded = np.concatenate(([False], filled, np.zeros(LONG_WORD, bool)))
    size = len(codes)
    opens = filled & ~padded[:size]
    for after in range(1, LONG_WORD + 1):
        opens &= padded[after + 1 : after + 1 + size]
    at = np.flatnonzero(opens & np.frombuffer(raw.translate(_LETTER), bool))
    newlines = np.flatnonzero(codes == _NEWLINE)
    if len(newlines) != len(texts) - 1:  # a row of its own holds one: each row read alone
        initials = [
            (0, 0) if shadow is None and latin is None else _initial_letters(text)
            for text, shadow, latin in zip(texts, shadows, latins, strict=True)
        ]
        return [lettered for lettered, _ in initials], [capitalised for _, capitalised in initials]
    # a row's index is the newlines before it
    row_of = np.searchsorted(newlines, at)
    lettered = np.bincount(row_of, minlength=len(texts))
    capitalised = np.bincount(row_of[_IS_CAPITAL[codes[at]]], minlength=len(texts))
    return lettered.tolist(), capitalised.tolist()


def _new_units(texts: list[str], bullets: list[bool], stops: frozenset[str]) -> list[Unit]:
    """Units of new rows. Each hint list is looked for over all rows at once, and each unit is
    made straight into its __dict__: the frozen dataclass's __init__, a setattr call per field,
    took a fifth of the time a unit costs."""
    shadows = _ascii_shadows(texts)
    # (None for a row with an ASCII shadow: read through that)
    latins = [
        None if shadow is not None else latin_shadow(text)
        for text, shadow in zip(texts, shadows, strict=True)
    ]
    page, lowered = _fold_rows(texts, shadows)
    caption_hints = rows_holding(CAPTION_HINTS, page)
    caption_marked = rows_holding(CAPTION_END_MARKS, page)
    credit_hinted_rows = rows_holding(PICTURE_CREDIT_HINTS, page)
    promo_hinted = rows_holding(PROMO_HINTS, page)
    boilerplate_hinted = rows_holding(BOILERPLATE_HINTS, page)
    crumb_marked = rows_holding(BREADCRUMB_MARKS, page)
    page_lettered, page_capitalised = _rows_initials(texts, shadows, latins)
    terminals = rows_ending_sentences(texts)
    openers = row_openers(texts)
    # Each row's words and function words counted, in C for the page (the page's words were
    # read before its units were made: lower_words remembers them); Han and kana only in the
    # rows that may hold them (neither ASCII nor Latin-1: `tokens`), two characters to a word.
    words = list(map(lower_words, texts))
    word_counts = list(map(len, words))
    stop_counts = list(map(sum, map(map, repeat(stops.__contains__), words)))
    cjk_counts = [0] * len(texts)
    for index, latin in enumerate(latins):
        if latin is None and shadows[index] is None:
            spaced, cjk, cjk_function = tokens(texts[index])
            if cjk:  # its words are those between the Han and kana
                cjk_counts[index] = cjk
                word_counts[index] = len(spaced) + (cjk + 1) // 2  # never a stop
                stop_counts[index] = sum(map(stops.__contains__, spaced)) + min(
                    cjk_function, (cjk + 1) // 2
                )
    units = []
    for index, text in enumerate(texts):
        shadow, latin = shadows[index], latins[index]
        if shadow is None:
            patterns, seen = _ROW_PATTERNS, text
        else:
            patterns, seen = _LOWERED_ROW_PATTERNS, lowered[index]
        cjk = cjk_counts[index]
        first = openers[index]
        url = text.startswith(URL_OPENINGS) and URL_ONLY.match(text) is not None
        bracketed = text.startswith("[") and BRACKETED_ONLY.match(text) is not None
        list_label = first in LIST_LABEL_OPENERS and patterns.list_label.match(seen) is not None
        word_count, stop_count = word_counts[index], stop_counts[index]
        head = text[:60]
        caption_hinted = index in caption_hints
        bullet = bullets[index]
        terminal = terminals[index]
        if shadow is None and latin is None:
            lettered, capitalised = _initial_letters(text)
        else:
            lettered, capitalised = page_lettered[index], page_capitalised[index]
        capitals = capitalised / lettered if lettered else 0.0
        if shadow is not None:  # the marks are neither digits nor letters
            raw = shadow.encode()
            digits = len(raw) - len(raw.translate(None, ASCII_DIGITS))
            starts_lower = shadow.lstrip(_ASCII_NON_LETTERS)[:1].islower()
        elif latin is not None:  # its digits are ASCII ones, its "?" no letter
            raw = latin.encode("latin-1")
            digits = len(raw) - len(raw.translate(None, ASCII_DIGITS))
            starts_lower = latin.lstrip(_LATIN_NON_LETTERS)[:1].islower()
        else:
            digits = len(DIGIT.findall(text))
            letter = FIRST_LETTER.search(text)
            starts_lower = letter is not None and letter.group().islower()
        date = (  # every date and stamp pattern needs a digit
            digits > 0
            and DIGIT.search(head) is not None
            and (
                shows_date(head)
                or (
                    word_count <= STAMP_WORDS
                    and shows_stamp(text, None if shadow is None else lowered[index])
                )
            )
        )
        promo = index in promo_hinted and bool(patterns.promo.search(seen))
        boilerplate = index in boilerplate_hinted and bool(patterns.boilerplate.search(seen))
        # IMAGE_NAME matches a row without spaces
        placeholder = bracketed or url or (" " not in text and IMAGE_NAME.search(text) is not None)
        link_label = (
            list_label
            or (first in LINK_PREFIX_OPENERS and patterns.link_prefix.match(seen) is not None)
            or (first in AD_LABEL_OPENERS and patterns.ad_label.match(seen) is not None)
        )
        commas = text.count(",")
        if shadow is None:
            commas += text.count("，") + text.count("、")
        stop_ratio = stop_count / word_count if word_count else 0.0
        end_marked = index in caption_marked
        # a row that neither holds the hints nor ends as a credit is neither a caption nor
        # credited (a row closing on ")" holds CAPTION_END_MARKS): not asked
        credit_hinted = index in credit_hinted_rows
        may_be_credit = end_marked or text[-1:] == "]"
        caption = (
            not url
            and (caption_hinted or may_be_credit)
            and is_caption_row(text, word_count, caption_hinted, end_marked)
        )
        unit = _new_unit(Unit)
        fields = unit.__dict__
        fields.update(
            text=text,
            bullet=bullet,
            words=word_count,
            stop_ratio=stop_ratio,
            terminal=terminal,
            capitals=capitals,
            caption=caption,
            credited=not (url or caption)
            and (credit_hinted or may_be_credit)
            and is_credited_row(text, word_count, end_marked, credit_hinted),
            date=date,
            promo=promo,
            boilerplate=boilerplate,
            cjk=cjk,
            bracketed=bracketed,
            placeholder=placeholder,
            list_label=list_label,
            link_label=link_label,
            shape=SHAPE_ROW.pack(
                math.log1p(word_count),
                math.log1p(len(text)),
                stop_ratio,
                capitals,
                # digits over the characters that are not spaces (1 at least)
                digits / max(len(text) - text.count(" "), 1),
                commas / max(word_count, 1),
                bullet,
                terminal,
                text.isupper(),
                text.endswith(":"),
                date,
                placeholder,
                promo,
                boilerplate,
                link_label,
                (first in ARTICLE_END_OPENERS or text[:1].isdecimal())
                and patterns.article_end.match(seen) is not None,
                "|" in text or (index in crumb_marked and BREADCRUMB.search(text) is not None),
                starts_lower,
                cjk > word_count,  # more Han and kana than words: Chinese or Japanese
                bullet and text[:1].isdigit(),  # "1. ...": steps and points, not links
            ),
        )
        # every pass asks these of every unit: set now, without the descriptor's two calls (and
        # stored one by one: a second update by keywords builds a dict to merge)
        fields["prose"] = _prose(unit)
        fields["near_prose"] = _near_prose(unit)
        units.append(unit)
    return units


def is_caption_row(text: str, word_count: int, hinted: bool, end_marked: bool) -> bool:
    """Whether a row is a picture's caption or credit as the body classifier reads it: CAPTION
    (`hinted`, `end_marked`: the row holds CAPTION_HINTS, CAPTION_END_MARKS) or a short line
    closing on an agency's bracketed credit."""
    if word_count < 2:
        return False
    if (hinted or end_marked) and is_caption(text, hinted):
        return True
    return (
        word_count <= CAPTION_CREDIT_WORDS
        and text.endswith((")", "]"))  # where every credit form ends
        and AGENCY_CREDIT.search(text) is not None
    )


def is_credited_row(text: str, word_count: int, end_marked: bool, credit_hinted: bool) -> bool:
    """Whether a row closes on an agency's or a picture's credit in a form `is_caption_row`
    does not read (`end_marked`: the row holds CAPTION_END_MARKS; `credit_hinted`:
    PICTURE_CREDIT_HINTS). Read only after the body classifier's decision (a credited row is
    never article text): as one of its features it changed what the refitted classifier
    learned, and site-held-out body F1 fell."""
    if word_count < 2:
        return False
    if end_marked and SENTENCE_AGENCY.search(text) is not None:
        return True
    # the tails are short: searched in the row's last characters only
    tail_from = max(0, len(text) - CREDIT_TAIL_CHARS)
    if credit_hinted and PHOTO_BY_TAIL.search(text, tail_from) is not None:
        return True
    if word_count > CAPTION_WORDS:
        return False
    if text.endswith((")", "]", ").")):  # where every bracketed credit ends
        if word_count <= CAPTION_CREDIT_WORDS and (
            AGENCY_CREDIT.search(text) is not None
            or (
                INITIALS_CREDIT.search(text, max(0, len(text) - INITIALS_CHARS)) is not None
                and REPORTED.search(text) is None
            )
        ):
            return True
        if PICTURE_BRACKET.search(text, max(0, len(text) - PICTURE_BRACKET_CHARS)) is not None:
            return True
    return credit_hinted and CREDIT_LABEL_TAIL.search(text, tail_from) is not None


def captions_picture(unit: Unit) -> bool:
    """Whether a row is a picture's caption the body classifier may have read as text: closed
    by a credit (`credited`) or describing its picture without one (`describes_picture`). Both
    are read after the classifier's decision, as `credited` is."""
    return unit.credited or describes_picture(unit.text, unit.words)


def mark_caption_copies(units: list[Unit]) -> list[Unit]:
    """An image's alt text next to its caption (the caption within a longer credited copy) is a
    caption too, and so is the line a credit alone on the next line ("(Name / Agency)") signs."""
    marked = list(units)
    last = len(units) - 1
    for index, unit in enumerate(units):
        if unit.caption or unit.words < 4 or unit.date:  # a date row is the page's, not a photo's
            continue
        before = units[index - 1] if index else None
        following = units[index + 1] if index < last else None
        if (before is not None and before.caption and unit.text in before.text) or (
            following is not None
            and following.caption
            and (
                unit.text in following.text
                or (following.words <= CREDIT_ONLY_WORDS and unit.words <= CAPTION_CREDIT_WORDS * 2)
            )
        ):
            marked[index] = replace(unit, caption=True)
    return marked


def is_prose(unit: Unit) -> bool:
    """Sentence-like text with the stop-word density of running prose."""
    return unit.prose


def _prose(unit: Unit) -> bool:
    if unit.caption or unit.bracketed:
        return False
    if unit.bullet and unit.words < 20:
        return False
    if unit.terminal and unit.words >= 30 and unit.stop_ratio >= 0.12:
        return True  # long finished sentences full of names are still prose
    return (
        unit.words >= 12
        and unit.stop_ratio >= 0.22
        and (unit.capitals < 0.6 or (unit.terminal and unit.words >= 20))
        and (unit.terminal or unit.words >= 30)
    )


def is_near_prose(unit: Unit) -> bool:
    """Unfinished or short prose: counts as article text only next to real prose."""
    return unit.near_prose


def _near_prose(unit: Unit) -> bool:
    return (
        unit.words >= 8
        and unit.stop_ratio >= 0.25
        and unit.capitals < 0.5
        and not unit.caption
        and not unit.bullet
    )


def normalise(text: str) -> str:
    return " ".join(lower_words(text))


def is_header_row(unit: Unit) -> bool:
    """Byline, agency, date and label ("Author:") rows and captions, which sit between a
    headline and the body."""
    return unit.header_row


def _header_row(unit: Unit) -> bool:
    return (
        unit.caption
        or (unit.date and unit.words <= 16 and not _tells_an_event(unit))
        or (unit.words <= 2 and unit.text.endswith(":"))
        or byline_opener(unit.text)  # a byline whose names the browser put below
        or bool(BYLINE.match(unit.text) or AGENCY_LINE.match(unit.text))
        or (unit.words <= 16 and local_byline(unit.text) is not None)  # "Von Jane Doe"
    )


# Lower-case words a dated row of prose has beyond its date: "The women were abducted on
# October 7, 2023, during an attack on a festival." tells an event; "Published on Monday,
# 7 May 2020 at 10:55." and "Last updated: 12 May 2020." are date rows.
_EVENT_PROSE_WORDS = 7
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")


def _tells_an_event(unit: Unit) -> bool:
    return unit.terminal and len(_LOWER_WORD.findall(unit.text)) >= _EVENT_PROSE_WORDS
