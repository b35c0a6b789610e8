"""Offline sentence and word splitting for news English, and the tokenizer sumy needs.

NLTK's punkt model is not installed (and must not be downloaded at run time), so sentence
boundaries are decided here by rules tuned to wire-service prose: abbreviations, initials,
dotted acronyms ("U.S."), quotations and ellipses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefing.annotate.openings import matches_at

# Titles and prefixes that always stand before a name or word: never a sentence end.
_NEVER_FINAL = frozenset(
    """mr mrs ms messrs mme dr prof gen lt col maj capt cmdr cdr adm brig sgt cpl pvt
    gov sen rep pres supt insp amb rev fr st mt ft hon sheikh vs cf e.g i.e viz approx ca""".split()
)

# Abbreviations that stand before a number ("No. 3", "Nov. 27"); elsewhere they may end a
# sentence ("...on Dec. 5." vs "...in Dec. Talks resumed").
_BEFORE_NUMBER = frozenset(
    """no nos vol art p pp fig ch sec para op tel jan feb mar apr jun jul aug sep sept oct
    nov dec""".split()
)

# Words that commonly open a sentence. After an initial ("George W. Bush") or a dotted
# acronym ("U.S. President") a capitalised word usually continues the sentence; only one of
# these makes the period a likely sentence end ("...backed by the U.S. The move...").
_SENTENCE_OPENERS = frozenset(
    """a an the he she it they we i you his her its their our my this that these those there
    here but and or so yet if when while after before as at in on by for from with without
    since until during meanwhile however still also then now some many most several all both
    each no not one two three officials witnesses residents""".split()
)

_OPENING_MARKS = "\"“‘'(["
_QUOTE_OPEN = "“"
_QUOTE_CLOSE = "”"

# A candidate boundary: terminal punctuation, any closing quotes/brackets, whitespace, and
# the start of the next token (after any opening quotes/brackets). It starts only where a run
# of punctuation starts and never gives a character back (possessive quantifiers): tried at
# every dot of a 40,000-dot run, it rescanned the run each time. The look-ahead first is
# what the look-behind and every kind of terminal need anyway; tested first, it rejects most
# places in a third of the time.
_CANDIDATE = re.compile(
    r"(?=[.!?…])(?<![.!?…])(?P<term>(?<!\.\s)\.(?:\s?\.){2,}+|…|[.!?]++)"
    r"(?P<close>[\"”’')\]]*+)"
    r"\s++"
    r"(?P<open>[\"“‘'(\[]*+)(?P<next>\w+)"
)
# Where a run of terminal marks starts: the only places `_CANDIDATE` can match. The mark
# first, so that the search skips to marks (a pattern opening with a look-around is tried
# at every character: half of splitting).
_RUN_START = re.compile(r"[.!?…](?<![.!?…].)")
# Scraped text often loses the space after a full stop: "on Friday.Meanwhile".
_GLUED = re.compile(r"(?<=[a-z]{2}\.)(?=[A-Z][a-z]{2,})")
# What every glued boundary holds: a pattern opening with a look-behind is tried at every
# character, this one only where a full stop stands (a twentieth of paragraphs have it).
_MAYBE_GLUED = re.compile(r"\.[A-Z]")
# A title or subhead printed on the text's line without a mark ("Third attack Clashes broke
# out over the weekend The Syrian government got involved ...", "... in throwback snap The
# reality TV couple share ..."): a capitalised pronoun or "The" right after a lower-case
# word opens a sentence, unless that word takes a name after it ("told The Associated
# Press", "in The Hague", "and The Times").
# "The" opens a sentence only before a common word, a number or a people's adjective ("The
# couple", "The 23-year-old", "The Syrian government"), not a title ("heed The Mail on
# Sunday", "her film The Croods"); a pronoun before a lower-case word. The word before is
# written in lower case: a headline in title case ("Apple Improved Its Keyboard") runs on.
# The space first and the look-behind after it: the search then skips to spaces (a pattern
# opening with a look-behind is tried at every character: 9 of 22 µs of splitting prose).
_RUN_ON = re.compile(
    r" (?<=[a-z] )(?=The\s+(?:[a-z\d]|[A-Z][a-z]+(?:an|ish|ese|i)\s+[a-z])"
    r"|(?:They|He|She|It|Its|His|Their)\s+[a-z])"
)
_BEFORE_A_NAME = frozenset(
    """a an the and or nor but of in on at to by for from with into onto upon via per as than
    like about against between among over under after before since until during through
    across near within without toward towards told tells tell said says say
    reported reports quoted quotes cited citing read reads wrote writes called named dubbed
    titled entitled watch watched see saw visit visited join joined is was were are be been
    being become became also both either neither whether that which who whom whose what
    where when while if because although though so yet not his her its their our my your
    this von van de da du""".split()
)
# Only the end of the text before a candidate is read for the word in front of it: an
# abbreviation is short, and a search from the paragraph start cost a pass per candidate.
_WORD_BEFORE_WINDOW = 64
_DOTTED_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_WORD = re.compile(
    # Tried only where a run of letter-dot pairs starts: from inside a long "a.a.a.ab" run it
    # would rescan the run at every letter (and fail as it did at the run's start).
    r"(?<![^\W\d_]\.)(?:[^\W\d_]\.){2,}+(?!\w)"  # dotted acronym: U.S., U.N.
    r"|\d+(?:[.,]\d+)+"  # 3.5, 10,000
    r"|\w+(?:['’-]\w+)*"  # Assad's, al-Assad, anti-government
)


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences, each stripped but otherwise exactly as written."""
    text = paragraph.strip()
    if not text:
        return []
    cuts: list[int] = []
    quote_open = False
    scanned = 0
    for match in _candidates(text):
        quote_open = _quote_state(text, scanned, match.start("term"), quote_open)
        scanned = match.start("term")
        if _ends_sentence(text, match, quote_open):
            cuts.append(match.start("open"))
    if _MAYBE_GLUED.search(text):
        cuts.extend(m.start() for m in _GLUED.finditer(text))
    cuts.extend(
        m.end()
        for m in _RUN_ON.finditer(text)
        if (word := _word_before(text, m.start()))[:1].islower() and word not in _BEFORE_A_NAME
    )
    pieces: list[str] = []
    start = 0
    for cut in sorted(set(cuts)):
        piece = text[start:cut].strip()
        if piece:
            pieces.append(piece)
        start = cut
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """What `_CANDIDATE.finditer(text)` finds, tried only where a run of marks starts."""
    return matches_at(_CANDIDATE, text, (mark.start() for mark in _RUN_START.finditer(text)))


def _quote_state(text: str, start: int, end: int, quote_open: bool) -> bool:
    """Whether a double quotation is open at `end`, given its state at `start`: the last
    curly quote sets it, each straight one after it turns it over (found by the string
    methods, in C: a loop over the characters was a sixth of splitting)."""
    last = max(text.rfind(_QUOTE_OPEN, start, end), text.rfind(_QUOTE_CLOSE, start, end))
    if last >= 0:
        quote_open, start = text[last] == _QUOTE_OPEN, last + 1
    return quote_open != (text.count('"', start, end) % 2 == 1)


def _ends_sentence(text: str, match: re.Match[str], quote_open: bool) -> bool:
    following = match.group("next")
    if not (following[0].isupper() or following[0].isdigit()):
        return False
    term, close = match.group("term"), match.group("close")
    if term == "…" or term.replace(" ", "").startswith("..."):
        # An ellipsis inside an open quotation marks omitted words, not the end of the
        # sentence that carries the quotation.
        return not (quote_open and not close)
    if term != "." or close:
        return True
    word = _word_before(text, match.start("term")).lstrip(_OPENING_MARKS)
    lowered = word.lower()
    if lowered in _NEVER_FINAL:
        return False
    if lowered in _BEFORE_NUMBER:
        return not following[0].isdigit()
    if _DOTTED_ACRONYM.fullmatch(word) or (len(word) == 1 and word.isupper()):
        return following.lower() in _SENTENCE_OPENERS
    return True


def _word_before(text: str, end: int) -> str:
    """The run of non-space characters that ends at `end` (or right before a line break
    there), within `_WORD_BEFORE_WINDOW` characters; "" when a space stands before `end`:
    what a pattern of such a run at the window's end found, tried at every place of it."""
    window = text[max(0, end - _WORD_BEFORE_WINDOW) : end]
    if window.endswith("\n"):
        window = window[:-1]
    if not window or window[-1].isspace():
        return ""
    return window.rsplit(None, 1)[-1]


def words(text: str) -> list[str]:
    """Word tokens: letters/digits with internal apostrophes or hyphens, dotted acronyms,
    and numbers with decimal or thousands separators."""
    return _WORD.findall(text)


class SentenceTokenizer:
    """The tokenizer interface sumy's parsers and summarizers call, without NLTK data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        # sumy's own tokenizer keeps only tokens that start with a letter; numbers would
        # otherwise dominate term frequencies in casualty-heavy reports.
        return tuple(w for w in words(sentence) if w[0].isalpha())
