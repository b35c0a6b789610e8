"""The page's own dates: the one home of page-date code (spelled, ISO and all-digit dates,
Published/Updated labels, the dateparser fallback, which way round a page writes day and month).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from functools import lru_cache

from briefing.extract.vocabulary import STOPWORDS

# Month names in the languages we detect dates in; English also by its usual abbreviations.
MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "janvier", "janv", "enero", "janeiro", "januar", "jänner", "gennaio"),
    2: (
        "february",
        "feb",
        "février",
        "fevrier",
        "févr",
        "febrero",
        "fevereiro",
        "februar",
        "febbraio",
    ),
    3: ("march", "mar", "mars", "marzo", "março", "marco", "märz", "maerz"),
    4: ("april", "apr", "avril", "avr", "abril", "aprile"),
    5: ("may", "mai", "mayo", "maio", "maggio"),
    6: ("june", "jun", "juin", "junio", "junho", "juni", "giugno"),
    7: ("july", "jul", "juillet", "juil", "julio", "julho", "juli", "luglio"),
    8: ("august", "aug", "août", "aout", "agosto"),
    9: (
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "setembro",
        "settembre",
    ),
    10: ("october", "oct", "octobre", "octubre", "outubro", "oktober", "okt", "ottobre"),
    11: ("november", "nov", "novembre", "noviembre", "novembro"),
    12: (
        "december",
        "dec",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dezembro",
        "dezember",
        "dicembre",
    ),
}


MONTHS = {name: number for number, names in MONTH_NAMES.items() for name in names}


MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"


DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|°)?"


YEAR = r"(?P<year>(?:19|20)\d{2})"


# "5:55 PM", "at 10:14am", "às 20:13", "um 9.30 Uhr", "14h05"
TIME = (
    r"(?:(?:\s*[,·•|]\s*|\s+|\s+(?:at|às|à|a las|um|alle|-)\s+)"
    r"(?P<hour>\d{1,2})[:h.](?P<minute>\d{2})\b\s*(?P<ampm>[ap]\.?m\.?)?)?"
)


# A time in front of the date: "4:12 PM GMT+1, December 6, 2024", "17:55 GMT, 6 December 2024".
TIME_FIRST = (
    r"\b(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*[A-Z]{2,4}(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?\s*[,·|]?\s+"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
)


SPELLED_DATE_PATTERNS = (
    re.compile(rf"{TIME_FIRST}{MONTH}\s+{DAY},?\s+{YEAR}", re.IGNORECASE),
    re.compile(rf"{TIME_FIRST}{DAY}\.?\s+{MONTH},?\s+{YEAR}", re.IGNORECASE),
    re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}{TIME}", re.IGNORECASE),
    # "6 December 2024", "6. Dezember 2024", "22 de janeiro de 2018", "6 déc. 2024"
    re.compile(rf"\b{DAY}\.?\s+(?:de\s+)?{MONTH},?\s+(?:de\s+)?{YEAR}{TIME}", re.IGNORECASE),
)


# "21/06/2014", "11.14.2019", "11/13/19": read only when one part cannot be a month, or the
# page shows which way round it writes them.
NUMERIC_DATE = re.compile(
    r"(?<![\d/.])(?P<first>\d{1,2})(?P<separator>[/.])(?P<second>\d{1,2})(?P=separator)"
    rf"(?P<year>(?:19|20)?\d{{2}})(?![\d/]|\.\d){TIME}",
    re.IGNORECASE,
)


DATE_PATTERNS = (
    *SPELLED_DATE_PATTERNS,
    re.compile(rf"\b{YEAR}-(?P<month>\d{{2}})-{DAY}(?:[T ](?P<hour>\d{{2}}):(?P<minute>\d{{2}}))?"),
    NUMERIC_DATE,
)


STAMP = re.compile(
    rf"\b\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?(?!\d)|\b\d+\s+(?:min(?:ute)?s?|hours?|days?|weeks?)\s+ago\b"
    rf"|^(?:\w+\s+)?{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
    re.IGNORECASE,
)


# The word in front of a date says which date it is.
DATE_ROLE = re.compile(
    r"\b(?P<role>published|posted|first published|issued|updated?|last modified|modified|edited"
    r"|last updated?)(?:\s+(?:on|date|at))?\b[^\w]*$",
    re.IGNORECASE,
)


PUBLISHED_ROLES = ("published", "posted", "first published", "issued")


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


WEEKDAY = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\b", re.IGNORECASE)


# Date rows our patterns cannot read go to dateparser when short, spell a four-digit year (so
# never "2 hours ago") and, on pages in a language we do not detect, are in one of these.
FALLBACK_DATE_CHARS = 60


FALLBACK_DATE_LANGUAGES = (
    "en", "fr", "de", "es", "pt", "it", "nl", "ru", "uk", "pl", "tr", "ar", "zh", "ja", "ko",
    "id", "sv", "da",
)  # fmt: skip


FALLBACK_DATE_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month", "year"],
}


FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")  # any script's digits: "2024", "٢٠٢٤"


CLOCK = re.compile(r"\d{1,2}\s*[:h]\s*\d{2}(?!\d)")


def find_date(text: str, day_first: bool | None = None) -> tuple[int, int, str] | None:
    """Earliest date in the text as (start, end, ISO string); of two starting together (a time
    in front of a date), the longer."""
    found: list[tuple[int, int, str]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso(match, day_first)
            if iso:
                found.append((match.start(), -match.end(), iso))
    if not found:
        return None
    start, negative_end, iso = min(found)
    return start, -negative_end, iso


def _iso(match: re.Match[str], day_first: bool | None = None) -> str | None:
    groups = match.groupdict()
    if groups.get("first"):
        day_month = _numeric_day_month(int(match["first"]), int(match["second"]), day_first)
        if day_month is None:
            return None
        day, month = day_month
    else:
        month_text = match["month"]
        month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower(), 0)
        day = int(match["day"])
    year = int(match["year"])
    year += 2000 if year < 100 else 0
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if match["hour"] is None:
        return iso
    hour, minute = int(match["hour"]), int(match["minute"])
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return f"{iso}T{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else iso


def _numeric_day_month(
    first: int, second: int, day_first: bool | None = None
) -> tuple[int, int] | None:
    """(day, month) of an all-digit date, or None when either order could be meant and the
    page's order (`day_first`) is unknown."""
    if first > 12 >= second >= 1:
        return first, second
    if second > 12 >= first >= 1:
        return second, first
    if first == second or day_first is not None:
        return (first, second) if first == second or day_first else (second, first)
    return None


def ambiguous_numeric_date(texts: list[str]) -> tuple[date, date] | None:
    """The first all-digit date that reads both ways ("06/12/2024"), as (day-first reading,
    month-first reading)."""
    for text in texts:
        for match in NUMERIC_DATE.finditer(text):
            first, second, year = int(match["first"]), int(match["second"]), int(match["year"])
            if first != second and first <= 12 and second <= 12:
                year += 2000 if year < 100 else 0
                return date(year, second, first), date(year, first, second)
    return None


def page_day_first(readings: tuple[date, date], texts: list[str], opening: str) -> bool | None:
    """Which way round the page writes all-digit dates: the way its other all-digit dates
    can only be read; else the one reading the page also spells with a month name (a caption's
    "on December 6, 2024"), or whose weekday the opening paragraph names ("said on Friday").
    None when nothing tells."""
    orders: Counter[bool] = Counter()
    for text in texts:
        for match in NUMERIC_DATE.finditer(text):
            first, second = int(match["first"]), int(match["second"])
            if first > 12 >= second or second > 12 >= first:
                orders[first > 12] += 1
    if orders[True] != orders[False]:
        return orders[True] > orders[False]
    spelled = {
        iso[:10]
        for text in texts
        for pattern in SPELLED_DATE_PATTERNS
        for match in pattern.finditer(text)
        if (iso := _iso(match))
    }
    named = {WEEKDAYS.index(day.lower()) for day in WEEKDAY.findall(opening)}
    tests = (
        lambda day: day.isoformat() in spelled,
        lambda day: day.weekday() in named,
    )
    for test in tests:
        fits = [test(reading) for reading in readings]
        if fits.count(True) == 1:
            return fits[0]
    return None


def _published(
    texts: list[str], language: str, day_first: bool | None = None
) -> tuple[str | None, str | None]:
    """(publication date, update date) among the header rows: an explicit 'Published' wins,
    then the first date not labelled as an update; the first update date comes second."""
    plain: str | None = None
    updated: str | None = None
    for text in texts:
        for label, iso in _labelled_dates(text, language, day_first):
            if label in PUBLISHED_ROLES:
                return iso, updated
            if not label:
                plain = plain or iso
            else:
                updated = updated or iso
    return plain, updated


def publication_date(
    header: list[str], near: list[str], dated_dateline: str | None, language: str,
    day_first: bool | None = None,
) -> str | None:  # fmt: skip
    """The header rows' publication date, else one in the rows around them, else the date
    that opens the body ("December 6, 2024 (KHARTOUM) –"), else the last-updated date when the
    page shows no other (better a day late than none)."""
    header_published, header_updated = _published(header, language, day_first)
    near_published, near_updated = _published(near, language, day_first)
    return header_published or near_published or dated_dateline or header_updated or near_updated


def _labelled_dates(
    text: str, language: str, day_first: bool | None = None
) -> list[tuple[str, str]]:
    """(label, ISO date) of each date in a row, the label being the word in front of the date
    ("published", "updated" or ""). A row none of our patterns matches may still be a date in
    another form or language; one they match but reject (12/06/2024) stays unread."""
    dates: list[tuple[str, str]] = []
    offset = 0
    while found := find_date(text[offset:], day_first):
        start, end, iso = found
        dates.append((_date_label(text[: offset + start]), iso))
        offset += end
    if not any(pattern.search(text) for pattern in DATE_PATTERNS):
        iso = _fallback_date(text, language)
        if iso:
            dates.append((_date_label(text[: _first_digit(text)]), iso))
    return dates


def _first_digit(text: str) -> int:
    return next((index for index, char in enumerate(text) if char.isdigit()), len(text))


def _date_label(before: str) -> str:
    role = DATE_ROLE.search(before)
    return role["role"].lower() if role else ""


def _fallback_date(text: str, language: str) -> str | None:
    """A full date in a short row, read by dateparser: "6 грудня 2024", "2024年12月6日 17:55".
    The parsed year must be one the row spells, which rules out relative dates."""
    years = {int(year) for year in FOUR_DIGIT_YEAR.findall(text)}
    if not years or len(text) >= FALLBACK_DATE_CHARS:
        return None
    if language in STOPWORDS:
        languages = tuple(dict.fromkeys((language, "en")))  # English dates on any site
    else:
        languages = FALLBACK_DATE_LANGUAGES
    # A label in front ("Опубліковано:") stops dateparser, a weekday or month does not.
    for candidate in dict.fromkeys((text, text[_first_digit(text) :])):
        parsed = _parse_date(candidate, languages)
        if parsed is not None and parsed.year in years:
            day = parsed.date().isoformat()
            return f"{day}T{parsed:%H:%M}" if CLOCK.search(candidate) else day
    return None


@lru_cache(maxsize=1024)
def _parse_date(text: str, languages: tuple[str, ...]) -> datetime | None:
    import dateparser  # ~50 ms to import: only pages with such a row pay it

    try:
        return dateparser.parse(text, languages=list(languages), settings=FALLBACK_DATE_SETTINGS)
    except Exception:  # a third-party parser on arbitrary text: any failure means no date
        return None


def is_date_row(text: str) -> bool:
    return any(char.isdigit() for char in text) and bool(
        any(pattern.search(text) for pattern in DATE_PATTERNS) or STAMP.search(text)
    )
