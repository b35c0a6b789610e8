"""Whose account a sentence gives: the speaker it names, pronouns resolved."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.annotate import Sentence

_SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|reported|reports|announced|confirmed|claimed|"
    r"stated|wrote|warned|according"
)
_SPEAKER = r"(?P<who>[^,;:\"“”‘’()]{2,90}?)"
# "..., the interior ministry said on Friday." / "...," Mazloum Abdi told a press conference
_SPEAKER_AFTER = re.compile(r"(?:,|[\"”’])\s+" + _SPEAKER + r"\s+(?:" + _SPEECH_VERBS + r")\b")
# "The Syrian Observatory for Human Rights, a UK-based monitoring group, said thousands ..."
_SPEAKER_FIRST = re.compile(
    r"^\s*" + _SPEAKER + r"(?:,[^,]{2,80},)?\s+(?:" + _SPEECH_VERBS + r")\b(?!\s+to\b)"
)
_ACCORDING_TO = re.compile(r"\baccording to\s+(?P<who>[^,;.\"“”]{2,90})")
_NOT_SPEAKERS = re.compile(
    r"^(?:which|that|who|it|this|there|and|but|as|while|he|she|they|we|i|you)\b", re.IGNORECASE
)
# "officials close to Tehran also told Reuters", "Amazon has reportedly told": adverbs and
# auxiliaries before the verb are not part of the name.
_TRAILING_ADVERB = re.compile(
    r"(?:\s+(?:also|later|earlier|separately|previously|again|further|then|has|have|had"
    r"|will|would|could|(?-i:[a-z]+ly)))+$",
    re.IGNORECASE,
)
# "employees were told": a passive names who heard it, not who said it.
_PASSIVE = re.compile(r"\s(?:was|were|is|are|been|be|being|get|got)$", re.IGNORECASE)
# "..., said Derek Scissors, a scholar at ..." / "..., said the minister."
_SPEAKER_INVERTED = re.compile(
    r",\s+(?:said|says|told|added|warned)\s+(?P<who>(?:the\s+)?[^,;:\"“”‘’()]{2,60}?)\s*(?:[,.;]|$)"
)
_PRONOUN = re.compile(r"^(?:he|she|they|it)$", re.IGNORECASE)


def find_speaker(text: str) -> str | None:
    """Whose account a sentence gives ("a senior Iranian official"), or None.

    A bare pronoun ("he added") is returned as such; `attribute_sentences` resolves
    it against the sentences before it.
    """
    for pattern in (_ACCORDING_TO, _SPEAKER_AFTER, _SPEAKER_FIRST, _SPEAKER_INVERTED):
        for match in pattern.finditer(text):
            who = match.group("who").strip(" .'\"“”‘’")
            if _PASSIVE.search(who):
                continue
            who = _TRAILING_ADVERB.sub("", who)
            if _PRONOUN.match(who):
                return who.lower()
            words = who.split()
            if 1 <= len(words) <= 12 and not _NOT_SPEAKERS.match(who):
                return who
    return None


def attribute_sentences(sentences: Sequence[Sentence]) -> dict[str, str | None]:
    """Speaker per sentence of one article, pronouns resolved to the last named speaker."""
    speakers: dict[str, str | None] = {}
    last_named: str | None = None
    for sentence in sentences:
        who = find_speaker(sentence.text)
        if who is not None and _PRONOUN.match(who):
            who = last_named
        elif who is not None:
            last_named = who
        speakers[sentence.id] = who
    return speakers
