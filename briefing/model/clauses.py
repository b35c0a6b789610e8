"""Where a sentence's main clause starts: the subject stands after any opening phrase."""

from __future__ import annotations

# A sentence opening with one of these, or with a participle ("Citing officials, ..."),
# starts with a phrase, not its subject.
_OPENING_WORDS = frozenset(
    "in on at after before during while as with for since despite amid meanwhile however but "
    "and also earlier later separately according".split()
)
_PHRASE_SECOND_WORDS = frozenset(
    "on to the a an his her its their that up from at with in for of two three several".split()
)


def opening_phrase_end(text: str) -> int:
    """Where an opening phrase ("In a further setback for Assad,", "Citing two
    officials,", "Meanwhile,") ends, at its comma; 0 when the sentence opens with its
    subject."""
    words = text.split()
    # A participle opens a phrase when an object or preposition follows ("Citing two
    # officials", "Speaking to reporters"); "Bombing killed five" has its subject first.
    participial = (
        len(words) > 1
        and words[0].lower().endswith("ing")
        and (words[1].lower() in _PHRASE_SECOND_WORDS or words[1][:1].isdigit())
    )
    first = words[0].lower().rstrip(",") if words else ""
    if (participial or first in _OPENING_WORDS) and "," in text:
        return text.index(",") + 1
    return 0


def main_clause_opening(text: str) -> str:
    """The first words of a sentence's main clause, where its subject stands: an opening
    phrase ("In a further setback for Assad, ...") is skipped."""
    return " ".join(text[opening_phrase_end(text) :].split()[:8])
