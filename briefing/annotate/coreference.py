"""Who a sentence speaks of when it names nobody: a pronoun ("He said ...", "..., it
added") or a quote going on over several sentences refers back to the actor the sentence
before was about. A light rule, not a parser: only the sentence right before is looked at,
and only the one actor it leads with is carried over.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_SPEECH = (
    r"said|says|added|adds|told|noted|stressed|warned|wrote|explained|continued|"
    r"insisted|vowed|argued|declared|stated|urged|posted|tweeted"
)
# "The statement praised ...": what the speaker before said goes on; "The group blamed
# Israel ...", "The official described ...": the group or official the sentence before led
# with ("Hezbollah said ...", "A Hezbollah official confirmed ...") goes on.
REFERRING_NOUN = r"The\s+(?:statement|announcement|group|movement|militia|official)"
# "He said ...", "She further vowed, ...", "It said authorities ...": the subject is a
# pronoun (an opening quote mark may come first), or a noun that refers back.
_PRONOUN_SUBJECT = re.compile(
    rf"^[\"“‘']?\s*(?:(?:He|She|They)\s+(?!(?:were|was|are|is)\b)|It\s+(?:\w+\s+)?(?:{_SPEECH})\b"
    rf"|{REFERRING_NOUN}\s+(?!(?:was|is)\b))"
)
# "..., he said." / "..., it added." / "... ,” he said": a pronoun is the speaker.
_PRONOUN_SPEAKER = re.compile(
    rf"(?:,|[\"”’])\s*(?:he|she|they|it)\s+(?:\w+ly\s+)?(?:{_SPEECH})\b", re.IGNORECASE
)
_OPEN_QUOTES = "“«"
_CLOSE_QUOTES = "”»"
# The words after a quote that say whose it is: '"...," Biden said.'
_AFTER_QUOTE = re.compile(r"[”\"’]\s*,?\s+(?=\S)")


def refers_back(text: str, quote_open: bool) -> bool:
    """Whether the sentence's speaker or subject is a pronoun, or it is part of a quote
    whose speaker it does not name: one opened before and still open, or one it opens
    and leaves open (the speaker comes later, often as "he said")."""
    stripped = text.lstrip()
    return bool(
        quote_open
        or _PRONOUN_SUBJECT.match(stripped)
        or _PRONOUN_SPEAKER.search(text)
        or (stripped[:1] in _OPEN_QUOTES + '"' and leaves_quote_open(stripped, False))
        or _WHOLE_QUOTE.match(stripped) is not None
    )


# A sentence that is all one quote, naming no speaker ('"...," Biden said. "What is left
# of Hezbollah ... again."'): the speaker before goes on.
_WHOLE_QUOTE = re.compile(r"^[\"“][^\"“”]+[\"”]$")


def leaves_quote_open(text: str, quote_open: bool) -> bool:
    """Whether a quote is still open at the end of the sentence."""
    opened, closed, straight = _paired_marks(text)
    if opened or closed:
        return opened > closed or (quote_open and opened == closed == 0)
    return quote_open != (straight % 2 == 1)


def lead_actor(text: str, positions: Mapping[str, int]) -> str | None:
    """The actor a sentence leads with: for a quote, whoever speaks after it ('"...,"
    Biden said'; not whom the quote names), else the first one it names."""
    if text.lstrip()[:1] in _OPEN_QUOTES + '"':
        after = _AFTER_QUOTE.search(text, 1)
        start = after.end() if after else len(text)
        positions = {a: at for a, at in positions.items() if at >= start}
        # '"We will not allow forces ...," Netanyahu said, referring to the rebels who
        # toppled Bashar al-Assad': the speaker is no actor; "he added" after it is not Assad.
        speaker = _name_at(text, start)
        if speaker and not any(speaker[0] <= at < speaker[1] for at in positions.values()):
            return None
    elif (name := _leading_name(text) or _leading_speaker(text)) and not any(
        name[0] <= at < name[1] for at in positions.values()
    ):
        # "Sitting in a crowd ..., Najlaa Ahmed described the moment the RSF men poured
        # in": the sentence leads with a person who is no actor; "She ..." is her. "The
        # committee said that the Sudanese army had not heeded ...": "it" and "The group"
        # after it are the committee, not the army.
        return None
    # "outside the army-held city of el-Obeid": the army names a place there; "They
    # blamed ..." after it is not the army.
    positions = {a: at for a, at in positions.items() if not _HOLDS_A_PLACE.match(text, at)}
    return min(positions, key=positions.__getitem__) if positions else None


_HOLDS_A_PLACE = re.compile(
    r"(?:the\s+)?[\w'’]+-(?:held|controlled|occupied|besieged)\b", re.IGNORECASE
)


# A sentence's subject as a name: two to six capitalised words before a lower-case one,
# at its start or after an opening phrase ("Sitting in a crowd ..., ", "On Sunday, ").
# The particles of a name ("Ahmad al Shara", "Ursula von der Leyen") are part of it.
_LEADING_NAME = re.compile(
    r"[A-Z][\w'’.-]*\s+(?:(?:[A-Z][\w'’.-]*|al|el|bin|ibn|de|da|van|von|der|du)\s+){1,5}(?=[a-z])"
)
# A sentence's opening phrase of time or circumstance, to its comma ("In a post on X, ",
# "Since the fall of Assad in December, "). (The model's `clauses.opening_phrase_end`
# reads one in more ways.)
OPENING_PHRASE = re.compile(
    r"(?:[A-Z][a-z]*ing|In|On|At|After|Before|During|As|While|Since|Amid|Until|By)\b"
    r"[^,]{0,120},\s+"
)
# A subject of one capitalised word speaking: "Macron declared that ... the Syrian interim
# government ...", "Trump said he has ...": a surname (or an actor's own name, which the
# caller keeps), not the actor its clause names. Not a pronoun or a determiner, nor a plural
# ("Images posted by President Volodymyr Zelensky showed ...": what he posted).
_LEADING_SURNAME = re.compile(
    r"(?!(?:He|She|It|They|We|I|You|This|That|These|Those|There|The|A|An)\b)"
    rf"[A-Z][a-z][\w'’-]*(?<!s)\s+(?:\w+ly\s+)?(?:{_SPEECH}|reported|announced)\b"
)


def _name_at(text: str, start: int) -> tuple[int, int] | None:
    """The span (start, end) of a subject's name standing at `start` (see `_LEADING_NAME`,
    `_LEADING_SURNAME`), or None."""
    name = _LEADING_NAME.match(text, start) or _LEADING_SURNAME.match(text, start)
    return name.span() if name else None


def _leading_name(text: str) -> tuple[int, int] | None:
    """Where a sentence's leading name stands (start, end), or None."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    opening = OPENING_PHRASE.match(stripped)
    name = _name_at(stripped, opening.end() if opening else 0)
    return (offset + name[0], offset + name[1]) if name else None


# A subject of common nouns speaking: "The committee said", "A local monitor reported"
# (not a document: "A ministry statement said that the Russian military ..." is the
# military's side).
_LEADING_SPEAKER = re.compile(
    r"(?:The|A|An)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?!(?:statement|report|announcement|communiqu[eé]|post|video|message)\b)[a-z]+\s+"
    rf"(?:\w+ly\s+)?(?:{_SPEECH}|reported|announced)\b"
)


def _leading_speaker(text: str) -> tuple[int, int] | None:
    """Where a sentence's leading speaker named by common nouns stands, or None."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    opening = OPENING_PHRASE.match(stripped)
    speaker = _LEADING_SPEAKER.match(stripped, opening.end() if opening else 0)
    return (offset + speaker.start(), offset + speaker.end()) if speaker else None


def within_quote(text: str) -> bool:
    """Whether the sentence is part of a quote running over several sentences: it opens a
    quote it does not close, or closes one it did not open."""
    opened, closed, straight = _paired_marks(text)
    return opened != closed or straight % 2 == 1


def _paired_marks(text: str) -> tuple[int, int, int]:
    """The curly quotes opening and closing in the text, and the straight ones left over.
    A page mixing marks ('saying, “You have our support."') closes or opens a curly quote
    with a straight one: an odd straight mark is the other side of an unpaired curly one,
    or the quote stays open over the sentences after it."""
    opened, closed = _quote_marks(text)
    straight = text.count('"')
    if straight % 2 and opened != closed:
        straight -= 1
        if opened > closed:
            closed += 1
        else:
            opened += 1
    return opened, closed, straight


def _quote_marks(text: str) -> tuple[int, int]:
    """How many curly or angle quotes open and close in the text (counted by the string
    method, mapped in C rather than in a generator: it is asked of every sentence)."""
    return sum(map(text.count, _OPEN_QUOTES)), sum(map(text.count, _CLOSE_QUOTES))
