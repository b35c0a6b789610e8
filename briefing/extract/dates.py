"""The page's own dates, their one home: every full date a page shows ("July 9, 2020 at 6:40
PM", "4. März 2019", "04.03.2019", "2019-03-04", "2019年3月4日"), the ` date YYYY-MM-DD` marker
line some saved pages open with, and which of the dates is the page's publication date.

Each date on the page is a candidate, described by where it sits (near the headline, between
headline and body, in the body, in a list, far above), what labels it ("Published", "Updated",
"sagt:", "bis"), its row's shape (a date row of its own or a sentence) and how it relates to the
page's other dates (the newest, the oldest, how often shown). A softmax scorer fitted on
labelled pages by `benchmarks/fit_dates.py` (weights shipped in `date_weights.json`) rates them;
the best-rated day is the page's date when it holds enough of the page's belief, else the page
gets none (a wrong date misleads a reader more than none).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from itertools import compress
from pathlib import Path

from briefing.extract.softmax import SoftmaxModel, beliefs, load_model, scores
from briefing.extract.vocabulary import BRACKETED_ONLY, STOPWORDS
from briefing.lazy_pattern import lazy_compile, without_ignorecase

WEIGHTS_FILE = Path(__file__).with_name("date_weights.json")

MONTH_NAMES = {
    1: "january jan janvier janv enero janeiro januar jänner jaenner gennaio januari januar leden",
    2: "february feb février fevrier févr febrero fevereiro februar febbraio februari",
    3: "march mar mars marzo março marco märz maerz maart",
    4: "april apr avril avr abril aprile",
    5: "may mai mayo maio maggio mei",
    6: "june jun juin junio junho juni giugno",
    7: "july jul juillet juil julio julho juli luglio",
    8: "august aug août aout agosto augustus",
    9: "september sep sept septembre septiembre setiembre setembro settembre",
    10: "october oct octobre octubre outubro oktober okt ottobre",
    11: "november nov novembre noviembre novembro",
    12: "december dec décembre decembre déc diciembre dezembro dezember dicembre dez",
}
MONTHS = {name: number for number, names in MONTH_NAMES.items() for name in names.split()}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|°)?"
# A number of one or two digits that opens a word: r"\b\d{1,2}" written to open on the digit
# (the look-behind, after it, asks that no letter or digit came before). The search for a
# pattern that opens on a character class skips to those characters at C speed; one opening
# on \b or a look-behind is tried at every character of a row, about 10 times as dear.
_WORD_START_DIGITS = r"\d(?<!\w\d)\d?"
_LEADING_DAY = rf"(?P<day>{_WORD_START_DIGITS})(?:st|nd|rd|th|er|º|°)?"  # \b{_DAY}
# A year glued to what follows ("201619. Juni", a browser's join) still ends at four digits.
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# "5:55 PM", "at 10:14am", "às 20:13", "um 9.30 Uhr", "14h05", "| 10:55"
_TIME = (
    r"(?:(?:\s*[,·•|]\s*|\s+|\s+(?:at|às|à|a las|um|alle|-|–)\s+)"
    r"(?P<hour>\d{1,2})[:h.](?P<minute>\d{2})(?!\d)\s*(?P<ampm>[ap]\.?m\.?)?)?"
)
# A time in front of the date: "4:12 PM GMT+1, December 6, 2024", "10:55 EDT, 7 May 2020".
_TIME_FIRST = (
    rf"(?P<hour>{_WORD_START_DIGITS})[:.](?P<minute>\d{{2}})\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*[A-Z]{2,4}(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?\s*[,·|]?\s+"
)
_WEEKDAY_FIRST = r"(?:\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_MONTH_DAY = rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}"
# "6 December 2024", "6. Dezember 2024", "22 de janeiro de 2018", "6 déc. 2024"
_DAY_MONTH = rf"{_LEADING_DAY}\.?\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}"
SPELLED = (
    lazy_compile(rf"{_TIME_FIRST}{_WEEKDAY_FIRST}{_MONTH_DAY}", re.IGNORECASE),
    lazy_compile(rf"{_TIME_FIRST}{_WEEKDAY_FIRST}{_DAY_MONTH}", re.IGNORECASE),
    lazy_compile(rf"{_MONTH_DAY}{_TIME}", re.IGNORECASE),
    lazy_compile(rf"{_DAY_MONTH}{_TIME}", re.IGNORECASE),
)
DAY_MONTH_START = lazy_compile(rf"{_DAY_MONTH}", re.IGNORECASE)


def starts_with_date(line: str) -> bool:
    """Whether a line opens with a day and a month name ("1. März 2019"), not a list number."""
    return bool(DAY_MONTH_START.match(line))


# "2019-03-04", "2019/03/04", "2019.03.04", "2019-03-04T14:37"
# (r"(?<![\d.])\b(?:19|20)\d{2}" written to open on the year's digits, as _WORD_START_DIGITS)
YEAR_FIRST = lazy_compile(
    r"(?P<year>(?:19|20)(?<![\w.]\d\d)\d{2})"
    r"(?P<separator>[-/.])(?P<month>\d{1,2})(?P=separator)(?P<day>\d{1,2})"
    r"(?![\d])(?:[T ,]+(?P<hour>\d{2}):(?P<minute>\d{2}))?"
)
# "2019年3月4日", "2019년 3월 4일"
CJK = lazy_compile(
    r"(?P<year>(?:19|20)\d{2})\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]"
)
# "21/06/2014", "04.03.2019", "18. 05. 2014", "11/13/19": which way round is decided per page.
# (r"(?<![\d/.])\d{1,2}" written to open on the digit, as _WORD_START_DIGITS)
NUMERIC = lazy_compile(
    r"(?P<first>\d(?<![\d/.]\d)\d?)(?P<separator>\.\s?|/|-)(?P<second>\d{1,2})(?P=separator)"
    r"(?P<year>(?:19|20)\d{2}|\d{2})(?![\d/]|\.\d)" + _TIME,
    re.IGNORECASE,
)
DATE_PATTERNS = (*SPELLED, YEAR_FIRST, CJK, NUMERIC)  # the earlier wins where two overlap
# Time stamps without a year ("Monday 6:30PM", "Nov 19, 9:41 AM", "2 hours ago").
# Its branches that open on a digit (r"\b\d{1,2}:\d{2}..." and r"\b\d+\s+... ago\b", written
# to open on the digit as _WORD_START_DIGITS), searched for, and the one that opens the row.
_STAMP_CLOCK_OR_AGO = lazy_compile(
    rf"{_WORD_START_DIGITS}:\d{{2}}\s*(?:[ap]\.?m\.?)?(?!\d)"
    r"|\d(?<!\w\d)\d*\s+(?:min(?:ute)?s?|hours?|days?|weeks?)\s+ago\b",
    re.IGNORECASE,
)
_STAMP_MONTH_DAY = lazy_compile(
    rf"(?:\w+\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b", re.IGNORECASE
)
# The same, case-sensitive, for a row with its letters lowered whose other characters are all
# caseless (`ascii_text.CASELESS_MARKS`): it matches there where the other matches the row. Its
# month names are then passed over on their first letter; case-insensitive, each of them was
# entered at each place tried (about 26,000 instructions a row).
_STAMP_MONTH_DAY_LOWERED = without_ignorecase(_STAMP_MONTH_DAY)


def shows_stamp(text: str, lowered: str | None = None) -> bool:
    """Whether a row shows a time stamp without a year (STAMP matches): its search tried the
    branches opening on a word boundary at every character of the row. `lowered`: the row with
    its ASCII letters lowered, when its other characters are all caseless marks."""
    if _STAMP_CLOCK_OR_AGO.search(text):
        return True
    if lowered is None:
        return _STAMP_MONTH_DAY.match(text) is not None
    return _STAMP_MONTH_DAY_LOWERED.match(lowered) is not None


# A year (19xx, 20xx) or an all-digit date: every date pattern needs one. Written to open on a
# digit, so the search skips to digits at C speed: 2.4 times as fast over a page's rows as
# r"(?:19|20)\d{2}|\d[./-]\s?\d{1,2}[./-]\s?\d{2}", which matches the same rows.
MAYBE_DATE = lazy_compile(r"\d(?:(?<=1)9\d{2}|(?<=2)0\d{2}|[./-]\s?\d{1,2}[./-]\s?\d{2})")
# A date opening with its month ("May 5, 2024") has its day and year next to each other. Its
# pattern opens with a month name in any case, tried word by word along a row (60 us a row of
# prose); this screen is scanned for by its digits, and a row without it is not searched.
_DAY_YEAR = lazy_compile(r"\d(?:st|nd|rd|th|er|º|°)?,?\s+(?:19|20)\d{2}", re.IGNORECASE)
# Keyed by identity: hashing a compiled pattern hashes its whole program (up to 20 us a lookup).
_SCREENS = {id(SPELLED[2]): _DAY_YEAR}


# From a month name's start to its day's last digit ("September. 12"), one space between them.
_MONTH_TO_DAY = max(map(len, MONTHS)) + len(". 1")
_SPACES = lazy_compile(r"\s\s")
_DIGIT = lazy_compile(r"\d")


def _matches(
    pattern: re.Pattern[str], screen: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """A pattern's matches in a row, as finditer gives them, tried only where its screen says
    they can start. A date opening with its month has its screen's match at its day's last
    digit, so it starts at a word within _MONTH_TO_DAY before such a match (spaces come one at
    a time in a page's rows: elsewhere, the row is searched whole). The search tried the month
    names at every character past the first such match to the row's end."""
    found = screen.search(text)
    if found is None:
        return
    if _SPACES.search(text):
        yield from pattern.finditer(text)
        return
    tried = 0  # where the next match may start: past the last one and the places tried
    while found is not None:
        day_end = found.start()
        for start in range(max(tried, day_end - _MONTH_TO_DAY), day_end + 1):
            # a month name opens a word: a letter after no word character (as its \b asks)
            if not text[start].isalpha() or (
                start and (text[start - 1].isalnum() or text[start - 1] == "_")
            ):
                continue
            match = pattern.match(text, start)
            if match is not None:
                yield match
                tried = match.end()
                break
        else:
            tried = day_end + 1
        found = screen.search(text, max(tried, day_end + 1))


# Each of DATE_PATTERNS with its screen (None: it has none), in order.
_SCREENED_PATTERNS = tuple((_SCREENS.get(id(pattern)), pattern) for pattern in DATE_PATTERNS)


def shows_date(text: str) -> bool:
    """Whether any of DATE_PATTERNS matches in the text (each needs what MAYBE_DATE finds)."""
    if MAYBE_DATE.search(text) is None:
        return False
    # a loop that returns, not any() over a generator calling a screen test per pattern: their
    # steps cost more than most searches
    for screen, pattern in _SCREENED_PATTERNS:
        if screen is None:
            if pattern.search(text):
                return True
        elif next(_matches(pattern, screen, text), None) is not None:
            return True
    return False


# Words in front of a date that say what it is, in the languages pages are written in.
PUBLISHED_WORDS = lazy_compile(
    r"\b(?:published|posted|first published|issued|released|date|dated|veröffentlicht|erschienen"
    r"|erstellt|publiziert|datum|publié|publiée|mis en ligne|publicado|publicada|pubblicato"
    r"|gepubliceerd|geplaatst|opublikowano|publikováno|опубликовано|publicerad|udgivet)\b",
    re.IGNORECASE,
)
UPDATED_WORDS = lazy_compile(
    r"\b(?:updated?|last updated|modified|last modified|edited|revised|aktualisiert|geändert"
    r"|stand|zuletzt|mis à jour|modifié|actualizado|actualizada|aggiornato|bijgewerkt"
    r"|zaktualizowano|обновлено|uppdaterad|opdateret)\b",
    re.IGNORECASE,
)
# A reader's comment ("Anna sagt:", "Reply"), a citation ("abgerufen am") or a span ("bis",
# "until") dates something other than the page.
OTHER_WORDS = lazy_compile(
    r"\b(?:says|said|sagt|schreibt|schrieb|meint|antworten|antwort|reply|replies|kommentar"
    r"|comments?|dit|écrit|répondre|dice|responder|abgerufen|accessed|retrieved|zugriff|bis"
    r"|until|till|through|ab|from|vom|seit|since|deadline|frist|jusqu|hasta|termin|event"
    r"|geboren|born|died|gestorben|copyright)\b|©",
    re.IGNORECASE,
)
BYLINE_WORDS = lazy_compile(r"\b(?:by|von|par|por|di|door|autor|author)\b", re.IGNORECASE)
WEEKDAY = lazy_compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag"
    r"|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles"
    r"|jueves|viernes|sábado|domingo)|\b(?:mo|di|mi|do|fr|sa|so)[.,]",
    re.IGNORECASE,
)
LABEL_REACH = 40  # characters before a date searched for its label
# Words before a date in a row of prose that make it an event the text tells: the page's date
# is given at a row's start, after a byline or under a label.
SENTENCE_WORDS_BEFORE = 4
TERMINAL_ROW = lazy_compile(r"[.!?][\"”’'»)]*$")
LOWER_WORD_NEXT = lazy_compile(r",?\s+[a-zà-ÿ]{2,}\b")
OWN_ROW_WORDS = 14  # a row this short around a date is a date row (byline, time stamp)
WORD = lazy_compile(r"\w+")


@dataclass(frozen=True)
class PageRows:
    """What the date chooser needs to know about a page: its rows in reading order and where
    the extractor put the headline and the body."""

    texts: Sequence[str]
    bullets: Sequence[bool]  # list items: teaser lists, menus
    prose: Sequence[bool]  # sentence-like paragraphs
    captions: Sequence[bool]  # a photo's date is when it was taken
    headline: int | None
    body_from: int
    body_end: int
    language: str


@dataclass(frozen=True)
class DateCandidate:
    """One full date written on the page."""

    day: date
    iso: str  # "2024-12-06" or "2024-12-06T17:55"
    row: int
    offset: int  # where in the row it starts
    end: int
    spelled: bool  # with a month name (numeric dates are often other things)
    numeric: bool  # all-digit with the day and month order read from the page


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _with_time(day: date, match: re.Match[str]) -> str:
    groups = match.groupdict()
    if groups.get("hour") is None:
        return day.isoformat()
    hour, minute = int(groups["hour"]), int(groups["minute"])
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour >= 24 or minute >= 60:
        return day.isoformat()
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def _numeric_order(texts: Sequence[str], rows: list[int], language: str) -> dict[str, bool]:
    """Per separator, whether the page writes all-digit dates day first. Dotted and dashed dates
    are day first (13.01.2020); slashed ones the way the page's unambiguous ones are, else the
    way that gives a day the page also spells with a month name ("06/12/2024" next to a
    caption's "December 6, 2024"), else day first except on English pages, where nothing tells
    and they stay unread."""
    votes = {True: 0, False: 0}
    ambiguous: list[tuple[date | None, date | None]] = []
    for row in rows:
        for match in NUMERIC.finditer(texts[row]):
            if match["separator"] != "/":
                continue
            first, second = int(match["first"]), int(match["second"])
            if first > 12 >= second:
                votes[True] += 1
            elif second > 12 >= first:
                votes[False] += 1
            elif first != second:
                year = int(match["year"]) + (2000 if int(match["year"]) < 100 else 0)
                ambiguous.append((_valid(year, second, first), _valid(year, first, second)))
    orders = {".": True, "-": True}
    if votes[True] == votes[False] and ambiguous:
        spelled = {
            day
            for row in rows
            for match, pattern, day in _row_dates(texts[row], orders)
            if pattern in SPELLED
        }
        for reading_order in (True, False):
            index = 0 if reading_order else 1
            votes[reading_order] += sum(readings[index] in spelled for readings in ambiguous)
    if votes[True] != votes[False]:
        orders["/"] = votes[True] > votes[False]
    elif language not in ("en", "unknown"):
        orders["/"] = True
    return orders


def _row_dates(
    text: str, orders: dict[str, bool]
) -> list[tuple[re.Match[str], re.Pattern[str], date]]:
    """The full dates a row shows, left to right, none overlapping another."""
    found: list[tuple[re.Match[str], re.Pattern[str], date]] = []
    # Each pattern without a screen opens on a digit (a time, a day or a year first), so none
    # matches before the row's first digit: its search starts there, not trying its opening
    # at every character of the words before (a dated row is mostly a paragraph).
    first_digit = _DIGIT.search(text)
    if first_digit is None:  # every date spells its day or year in digits
        return found
    for screen, pattern in _SCREENED_PATTERNS:
        matches = (
            pattern.finditer(text, first_digit.start())
            if screen is None
            else _matches(pattern, screen, text)
        )
        for match in matches:
            start, end = match.span()
            if any(start < other.end() and other.start() < end for other, _, _ in found):
                continue
            day = _match_day(match, pattern, orders)
            if day is not None:
                found.append((match, pattern, day))
    return sorted(found, key=lambda item: item[0].start())


def date_candidates(texts: Sequence[str], language: str) -> list[DateCandidate]:
    """Every full date the rows show, in reading order."""
    rows = list(compress(range(len(texts)), map(MAYBE_DATE.search, texts)))  # in C
    orders = _numeric_order(texts, rows, language)
    return [
        DateCandidate(
            day=day,
            iso=_with_time(day, match),
            row=row,
            offset=match.start(),
            end=match.end(),
            spelled=pattern in SPELLED,
            numeric=pattern is NUMERIC,
        )
        for row in rows
        for match, pattern, day in _row_dates(texts[row], orders)
    ]


def find_date(text: str) -> tuple[int, int, str] | None:
    """The first full date in a text as (start, end, ISO string), all-digit ones read day
    first only when they can only be read one way."""
    found = _row_dates(text, {})
    if not found:
        return None
    match, _, day = found[0]
    return match.start(), match.end(), _with_time(day, match)


def is_date_row(text: str) -> bool:
    """Whether a row shows a date or a time stamp ("Monday 6:30PM", "2 hours ago")."""
    return any(char.isdigit() for char in text) and (shows_date(text) or shows_stamp(text))


def _match_day(
    match: re.Match[str], pattern: re.Pattern[str], orders: dict[str, bool]
) -> date | None:
    year = int(match["year"])
    if pattern is NUMERIC:
        year += 2000 if year < 100 else 0
        first, second = int(match["first"]), int(match["second"])
        if first > 12 >= second:
            return _valid(year, second, first)
        if second > 12 >= first:
            return _valid(year, first, second)
        separator = match["separator"].strip()
        day_first = orders.get(separator)
        if first != second and day_first is None:
            return None
        return (
            _valid(year, second, first)
            if day_first or first == second
            else _valid(year, first, second)
        )
    month_text = match["month"]
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower(), 0)
    return _valid(year, month, int(match["day"]))


# Rows our patterns cannot read ("6 грудня 2024", "Thứ năm, 2/11/2023") go to dateparser when
# they sit by the headline, are short and spell a four-digit year (so never "2 hours ago").
FALLBACK_DATE_CHARS = 60
FALLBACK_REACH = 3  # rows above the headline and below the body's start read this way
FALLBACK_DATE_LANGUAGES = (
    "en", "fr", "de", "es", "pt", "it", "nl", "ru", "uk", "pl", "tr", "ar", "zh", "ja", "ko",
    "id", "sv", "da", "cs", "vi",
)  # fmt: skip
FALLBACK_DATE_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month", "year"],
}
FOUR_DIGIT_YEAR = lazy_compile(r"(?<!\d)\d{4}(?!\d)")  # any script's digits: "2024", "٢٠٢٤"
CLOCK = lazy_compile(r"\d{1,2}\s*[:h]\s*\d{2}(?!\d)")
DAY_NUMBER = lazy_compile(r"(?<!\d)\d{1,2}(?!\d)")  # a date spells its day besides its year
FALLBACK_ROWS = 2  # dateparser is slow: at most this many rows a page


def page_candidates(page: PageRows) -> list[DateCandidate]:
    """The page's date candidates: what the patterns read anywhere, and, when they read none by
    the headline, what dateparser reads in the short rows there."""
    # A caption's date is when its photo was taken; an image placeholder's ("[13-3-10]") is
    # a file name.
    found = [
        c
        for c in date_candidates(page.texts, page.language)
        if not page.captions[c.row] and not BRACKETED_ONLY.match(page.texts[c.row])
    ]
    # An update date stands in only for a page that shows no other date under its headline.
    ends = _previous_ends(found)
    updated = {
        index for index, c in enumerate(found) if _labelled(c, ends[index], page, UPDATED_WORDS)
    }
    if any(
        page.headline is not None and page.headline < c.row < page.body_from
        for index, c in enumerate(found)
        if index not in updated
    ):
        found = [c for index, c in enumerate(found) if index not in updated]
    top = page.headline if page.headline is not None else page.body_from
    zone = range(
        max(0, top - FALLBACK_REACH), min(len(page.texts), page.body_from + FALLBACK_REACH)
    )
    if page.headline is None and page.body_end <= page.body_from:
        zone = range(len(page.texts))  # no article found: any row may be its date
    if any(candidate.row in zone for candidate in found):
        return found  # the patterns read the rows by the headline
    tried = 0
    for row in zone:
        text = page.texts[row]
        if (
            tried == FALLBACK_ROWS
            or len(text) >= FALLBACK_DATE_CHARS
            or not FOUR_DIGIT_YEAR.search(text)
            or not DAY_NUMBER.search(text)
            or shows_date(text)  # 12/06/2024 stays unread
        ):
            continue
        tried += 1
        parsed = _fallback_date(text, page.language)
        if parsed is not None:
            day, iso = parsed
            found.append(DateCandidate(day, iso, row, 0, len(text), spelled=True, numeric=False))
    found.sort(key=lambda candidate: (candidate.row, candidate.offset))
    return found


def _previous_ends(found: list[DateCandidate]) -> list[int]:
    """For each candidate, where the last date before it in its row ends (0: none)."""
    row_ends: dict[int, list[int]] = {}
    for c in found:
        row_ends.setdefault(c.row, []).append(c.end)
    return [max((end for end in row_ends[c.row] if end <= c.offset), default=0) for c in found]


def _labelled(
    candidate: DateCandidate, previous_end: int, page: PageRows, words: re.Pattern[str]
) -> bool:
    """Whether the words in front of a date (after the row's previous date) match `words`."""
    label = _label_window(page.texts[candidate.row], candidate.offset, previous_end)
    return bool(words.search(label))


def _inside_sentence(candidate: DateCandidate, page: PageRows) -> bool:
    """Whether a date is told inside a sentence of the text ("The women were abducted on
    October 7, 2023, ...", "October 7, 2023 was the deadliest day ..."), not given as the row's
    own date ("27.1.2022 - Bei der ...", "By Ela on 31 October 2023", "Published on ...")."""
    text = page.texts[candidate.row]
    before = text[: candidate.offset]
    if not (page.prose[candidate.row] or TERMINAL_ROW.search(text)):
        return False
    if PUBLISHED_WORDS.search(before[-LABEL_REACH:]) or BYLINE_WORDS.search(before):
        return False
    # told after words of the sentence, or as its subject, with a lower-case word going on
    return len(WORD.findall(before)) >= SENTENCE_WORDS_BEFORE or bool(
        LOWER_WORD_NEXT.match(text[candidate.end :])
    )


def _in_list_below(chosen: DateCandidate, candidates: list[DateCandidate], page: PageRows) -> bool:
    """Whether a date sits below the article among other dated rows: a list of other stories
    or of comments, each with its date."""
    if not page.body_from < page.body_end <= chosen.row:
        return False
    near = {c.row for c in candidates if c.row != chosen.row and abs(c.row - chosen.row) <= 2}
    return len(near) >= 2


def _fallback_date(text: str, language: str) -> tuple[date, str] | None:
    """A full date read by dateparser, whose year the row spells (which rules out relative
    dates); English is tried on every page."""
    years = {int(year) for year in FOUR_DIGIT_YEAR.findall(text)}
    if language in STOPWORDS:
        languages = tuple(dict.fromkeys((language, "en")))
    else:
        languages = FALLBACK_DATE_LANGUAGES
    first_digit = next((index for index, char in enumerate(text) if char.isdigit()), 0)
    # A label in front ("Опубліковано:") stops dateparser, a weekday or month does not.
    for candidate in dict.fromkeys((text, text[first_digit:])):
        parsed = _parse_date(candidate, languages)
        if parsed is not None and parsed.year in years:
            day = parsed.date()
            return day, (
                f"{day.isoformat()}T{parsed:%H:%M}" if CLOCK.search(candidate) else day.isoformat()
            )
    return None


@lru_cache(maxsize=1024)
def _parse_date(text: str, languages: tuple[str, ...]) -> datetime | None:
    import dateparser  # ~50 ms to import: only pages with such a row pay it

    try:
        return dateparser.parse(text, languages=list(languages), settings=FALLBACK_DATE_SETTINGS)
    except Exception:  # a third-party parser on arbitrary text: any failure means no date
        return None


# --- features ---------------------------------------------------------------------------------

FEATURES = (
    "bias",
    "published_label",
    "updated_label",
    "other_label",
    "byline_in_row",
    "own_row",
    "row_starts_with_date",
    "prose_row",
    "bullet_row",
    "caption_row",
    "above_headline_near",
    "headline_to_body",
    "just_under_headline",
    "before_body_near",
    "in_body",
    "in_body_first_rows",
    "after_body",
    "far_above",
    "no_headline",
    "page_position",
    "has_time",
    "spelled",
    "numeric",
    "weekday",
    "count_log",
    "newest",
    "oldest",
    "later_share",
    "after_all_others_far",
    "only_date",
    "first_on_page",
    "nearest_headline",
    "nearest_body_start",
    "first_from_headline",
    "second_in_row",
    "distinct_log",
    "english",
    "dated_rows_near_log",
    "newest_weekday",
    "newest_far_above",
    "row_words_log",
    "date_share",
    "in_brackets",
    "handle_in_row",
    "label_shape_repeats_log",
    "first_of_shape",
    "headline_distance_log",
    "body_distance_log",
    "header_pick",
    "header_pick_day",
    "newer_than_header_date",
    "opens_text",
)


def _label_window(text: str, start: int, previous_end: int) -> str:
    """The text in front of a date that may label it: after the row's previous date and the
    last separator ("Published X | Updated Y", "Issued on: X Modified: Y")."""
    before = text[max(0, start - LABEL_REACH, previous_end) : start]
    cut = max(before.rfind("|"), before.rfind("•"))
    return before[cut + 1 :]


_LETTERS = lazy_compile(r"[^\W\d_]+")


def _label_shape(before: str) -> str:
    """The words in front of a date, as a teaser list repeats them ("Publiziert am")."""
    return " ".join(_LETTERS.findall(before.lower())[-3:])


def candidate_features(candidates: list[DateCandidate], page: PageRows) -> list[list[float]]:
    """One feature vector (in FEATURES order) per candidate."""
    days = [candidate.day for candidate in candidates]
    distinct = sorted(set(days))
    counts = Counter(days)
    newest, oldest = distinct[-1], distinct[0]
    rank = {day: index for index, day in enumerate(distinct)}
    total_rows = max(1, len(page.texts))
    headline = page.headline
    first_after_headline = next(
        (i for i, c in enumerate(candidates) if headline is not None and c.row > headline), None
    )
    header = header_date(candidates, page)

    def in_header(row: int) -> bool:
        return headline is not None and headline < row < page.body_from

    header_oldest = min((c.day for c in candidates if in_header(c.row)), default=date.max)
    rows_seen: dict[int, int] = {}
    dated_rows = sorted({candidate.row for candidate in candidates})
    nearest_headline = (
        min(abs(row - headline) for row in dated_rows) if headline is not None else -1
    )
    nearest_body = min(abs(row - page.body_from) for row in dated_rows)
    shapes = [_label_shape(page.texts[c.row][: c.offset]) for c in candidates]
    shape_counts = Counter(shapes)
    first_of_shape: dict[str, int] = {}
    for index, shape in enumerate(shapes):
        first_of_shape.setdefault(shape, index)
    # The article's first paragraph: past a caption or the headline printed again.
    first_text = next(
        (
            row
            for row in range(
                page.body_from, min(len(page.texts), max(page.body_end, page.body_from + 1))
            )
            if page.prose[row]
        ),
        None,
    )
    vectors = []
    row_words: dict[int, int] = {}
    for index, candidate in enumerate(candidates):
        text = page.texts[candidate.row]
        previous = candidates[index - 1] if index else None
        label = _label_window(
            text,
            candidate.offset,
            previous.end if previous and previous.row == candidate.row else 0,
        )
        row = candidate.row
        words = row_words.get(row)
        if words is None:  # a row's words once, however many dates it shows
            words = row_words[row] = len(WORD.findall(text))
        date_words = len(WORD.findall(text[candidate.offset : candidate.end]))
        order_in_row = rows_seen.get(row, 0)
        rows_seen[row] = order_in_row + 1
        second_newest = distinct[-2] if len(distinct) > 1 else None
        # A day months after every other the page shows, away from the headline: the day the
        # page was saved ("today" widgets) or a coming event.
        far_ahead = (
            candidate.day == newest
            and second_newest is not None
            and (newest - second_newest).days > 60
            and not (headline is not None and headline - 1 <= row <= page.body_from + 1)
        )
        since_headline = row - headline if headline is not None else None
        features = {
            "bias": 1.0,
            "published_label": bool(PUBLISHED_WORDS.search(label)),
            "updated_label": bool(UPDATED_WORDS.search(label)),
            "other_label": bool(OTHER_WORDS.search(label)),
            "byline_in_row": bool(BYLINE_WORDS.search(text)) and words <= OWN_ROW_WORDS * 2,
            "own_row": words - date_words <= OWN_ROW_WORDS,
            "row_starts_with_date": candidate.offset <= 2,
            "prose_row": bool(page.prose[row]),
            "bullet_row": bool(page.bullets[row]),
            "caption_row": bool(page.captions[row]),
            "above_headline_near": since_headline is not None and -4 <= since_headline < 0,
            "headline_to_body": headline is not None and headline < row < page.body_from,
            "just_under_headline": since_headline is not None and 0 <= since_headline <= 3,
            "before_body_near": page.body_from - 6 <= row < page.body_from,
            "in_body": page.body_from <= row < page.body_end,
            "in_body_first_rows": page.body_from <= row < page.body_from + 2,
            "after_body": row >= page.body_end,
            "far_above": row < min(page.body_from, headline if headline is not None else row) - 8,
            "no_headline": headline is None,
            "page_position": row / total_rows,
            "has_time": "T" in candidate.iso,
            "spelled": candidate.spelled,
            "numeric": candidate.numeric,
            "weekday": bool(WEEKDAY.search(text[max(0, candidate.offset - 15) : candidate.end])),
            "count_log": math.log(counts[candidate.day]),
            "newest": candidate.day == newest and len(distinct) > 1,
            "oldest": candidate.day == oldest and len(distinct) > 1,
            "later_share": (len(distinct) - 1 - rank[candidate.day]) / max(1, len(distinct) - 1),
            "after_all_others_far": far_ahead,
            "only_date": len(distinct) == 1,
            "first_on_page": index == 0,
            "nearest_headline": headline is not None and abs(row - headline) == nearest_headline,
            "nearest_body_start": abs(row - page.body_from) == nearest_body,
            "first_from_headline": index == first_after_headline,
            "second_in_row": order_in_row >= 1,
            "distinct_log": math.log(len(distinct)),
            "english": page.language == "en",
            "dated_rows_near_log": math.log1p(  # dated rows within 4 rows, but its own
                bisect_right(dated_rows, row + 4) - bisect_left(dated_rows, row - 4) - 1
            ),
            "newest_weekday": candidate.day == newest
            and bool(WEEKDAY.search(text[max(0, candidate.offset - 15) : candidate.end])),
            "newest_far_above": candidate.day == newest
            and row < min(page.body_from, headline if headline is not None else row) - 8,
            "row_words_log": math.log1p(words),
            "date_share": (candidate.end - candidate.offset) / max(1, len(text)),
            "in_brackets": text[candidate.offset - 1 : candidate.offset] in ("(", "[")
            if candidate.offset
            else False,
            "handle_in_row": "@" in text,
            "label_shape_repeats_log": math.log(shape_counts[shapes[index]])
            if shapes[index]
            else 0.0,
            "first_of_shape": bool(shapes[index]) and first_of_shape[shapes[index]] == index,
            "headline_distance_log": math.log1p(abs(row - headline))
            if headline is not None
            else 0.0,
            "body_distance_log": math.log1p(abs(row - page.body_from)),
            "header_pick": candidate is header,
            "header_pick_day": header is not None and candidate.day == header.day,
            # Of two dates under the headline, the later is mostly the update.
            "newer_than_header_date": in_header(row) and candidate.day > header_oldest,
            # The text opens on its date, as a wire's dateline does ("December 6, 2024
            # (KHARTOUM) – The army said ..."): the day it was filed.
            "opens_text": row == first_text and candidate.offset <= 2,
        }
        vectors.append([float(features[name]) for name in FEATURES])
    return vectors


# --- choice -----------------------------------------------------------------------------------


@cache
def shipped_model() -> SoftmaxModel:
    # its threshold: the least share of the page's belief the chosen day must hold
    return load_model(WEIGHTS_FILE, FEATURES)


def day_beliefs(
    candidates: list[DateCandidate], vectors: list[list[float]], model: SoftmaxModel
) -> tuple[list[float], dict[date, float]]:
    """Each candidate's score, and each day's share of the page's belief: a softmax over the
    candidates and "none of them" (score 0), summed per day."""
    candidate_scores = scores(model, vectors)
    shares: dict[date, float] = {}
    for candidate, value in zip(candidates, beliefs(candidate_scores), strict=True):
        shares[candidate.day] = shares.get(candidate.day, 0.0) + value
    return candidate_scores, shares


def header_date(candidates: list[DateCandidate], page: PageRows) -> DateCandidate | None:
    """The date a byline or date row between the headline and the body gives: the first one
    labelled Published, else the first unlabelled date row. Updated dates, captions, sentences
    and dates labelled as something else do not count."""
    if page.headline is None:
        return None
    published: list[DateCandidate] = []
    plain: list[DateCandidate] = []
    for index, candidate in enumerate(candidates):
        row = candidate.row
        if not page.headline < row < page.body_from or page.captions[row] or page.prose[row]:
            continue
        previous = candidates[index - 1] if index else None
        label = _label_window(
            page.texts[row],
            candidate.offset,
            previous.end if previous and previous.row == row else 0,
        )
        if OTHER_WORDS.search(label) or UPDATED_WORDS.search(label):
            continue
        (published if PUBLISHED_WORDS.search(label) else plain).append(candidate)
    chosen = (published or plain or [None])[0]
    return chosen


def decide(
    candidates: list[DateCandidate], page: PageRows, model: SoftmaxModel
) -> tuple[DateCandidate | None, float]:
    """The publication date among the candidates and the share of the belief its day holds."""
    scores, shares = day_beliefs(candidates, candidate_features(candidates, page), model)
    day = max(shares, key=lambda key: shares[key])
    # The day's best-rated mention; of equals, the one with the time of day.
    best = max(
        (value, "T" in candidate.iso, -index)
        for index, (candidate, value) in enumerate(zip(candidates, scores, strict=True))
        if candidate.day == day
    )
    chosen = candidates[-best[2]]
    # A day the page only tells inside its sentences is an event of the story, not its date:
    # no date is better than that one.
    told = all(_inside_sentence(c, page) for c in candidates if c.day == day)
    return chosen, 0.0 if told or _in_list_below(chosen, candidates, page) else shares[day]


def choose_date(page: PageRows, model: SoftmaxModel | None = None) -> str | None:
    """The page's publication date (ISO, with the time when the page gives it), or None."""
    candidates = page_candidates(page)
    if not candidates:
        return None
    model = model or shipped_model()
    chosen, belief = decide(candidates, page, model)
    return chosen.iso if chosen is not None and belief >= model.threshold else None


# A saved page may open with " date 2024-12-07" (the day it was saved as published), then the
# page text, on the same line or the next.
DATE_MARKER = lazy_compile(r"\A[ \t\ufeff]*date[ \t]+(?P<day>\d{4}-\d{2}-\d{2})(?![\d-])[ \t]*\n?")


def split_date_marker(text: str) -> tuple[str | None, str]:
    """(the marker's date, the text without the marker); (None, text) when there is none."""
    match = DATE_MARKER.match(text)
    if match is None:
        return None, text
    year, month, day = (int(part) for part in match["day"].split("-"))
    valid = _valid(year, month, day)
    return (valid.isoformat() if valid else None), text[match.end() :]
