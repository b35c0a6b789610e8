"""The tolls a sentence states, by kind: "killing 38 and injuring over 100" -> dead 38,
injured 100. A report's copies and rewrites often give its toll as it rose through the day;
the line shows the latest (`reports.stated_by`)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from briefing.annotate.phrase_index import Screened
from briefing.corroborate.words import number_value, without_time_numbers
from briefing.model.words import number_words

# Word stems telling each kind of count, as they follow or precede it.
_KINDS = {
    "dead": r"kill\w*|dead|died|deaths?|fatalities|slain|lives",
    "injured": r"injur\w*|wounded|wounding|hurt",
}
_HEDGE = r"(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to)\s+)?"
# Words between a count and its kind ("38 people were killed", "74 Palestinians have been
# killed"): neither a number nor a kind word, nor "and" (which starts another count: "38
# killed and 102 wounded").
_GAP = r"(?:(?!(?:and|kill|dead|died|death|injur|wound|hurt)\b)[^\W\d_][\w'’-]*\s+){0,4}"

# Where a toll was counted, between its word and its verb: "the death toll in Dnipro rose".
_PLACE = r"(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
# Between a toll's word and its count: "the death toll rose to", "has reached", "stood at".
_RISEN = r"(?:rose|rises|climbed|reached|stood|stands|is|was|has|had|risen|at|to)"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    values, scales = number_words()
    word = "|".join(sorted((*values, *scales), key=len, reverse=True))
    count = rf"(?P<count>\d[\d,]*|(?:(?:{word}|a)[\s-]+)*(?:{word}))"
    found = {}
    for kind, stems in _KINDS.items():
        before = rf"\b{_HEDGE}{count}\s+{_GAP}(?:{stems})\b"  # "74 people were killed"
        # "killing 38", "the death toll rose to 74", "claimed the lives of 12", "Death toll
        # in Dnipro rises to 19"
        after = (
            rf"\b(?:{stems})(?:\s+(?:toll|of))?(?:\s+in\s+{_PLACE})?(?:\s+{_RISEN}){{0,3}}"
            rf"\s+{_HEDGE}{count}\b"
        )
        found[kind] = re.compile(f"{before}|{after.replace('(?P<count>', '(?P<count2>')}", re.I)
    return found


# Any kind's word: most sentences give no toll, and are known by this alone (the patterns
# try a count at every word and cost ~50 times as much). Searched only in a text holding
# the opening of one of `_KINDS`' stems (a new stem needs its opening here): tried at every
# character, the search cost ten times as much as looking for them.
_ANY_KIND = Screened(
    re.compile("|".join(_KINDS.values()), re.IGNORECASE),
    tuple("kill dead died death fatalities slain lives injur wounded wounding hurt".split()),
)
# How far before its kind's word a count may start ("at least seventy-four of the people
# were killed"): the patterns are tried from there on.
_REACH = 160


# Read twice for a sentence giving a toll (corroboration's toll pairs, then the reports'
# stated sentence): the cache is what reads it once. A distinct 1,000 (tidy26, 2026-11-28)
# made 10,326 calls on 9,182 texts, 1,120 answered by the cache, 24 read again after it
# dropped them: passing the counts along would save those 24.
@lru_cache(maxsize=8192)
def toll_counts(text: str) -> dict[str, float]:
    """Kind ("dead", "injured") -> the first count the text gives of it."""
    first = _ANY_KIND.search(text)
    if first is None:
        return {}
    tolls = {}
    text = without_time_numbers(text)  # "two days after the strike killed ..." counts no one
    start = max(0, first.start() - _REACH)
    for kind, pattern in _patterns().items():
        for match in pattern.finditer(text, start):
            written = match["count"] or match["count2"]
            value = number_value(re.findall(r"\d[\d,]*|\w+", written))
            if value is not None:
                tolls[kind] = value
                break
    return tolls
