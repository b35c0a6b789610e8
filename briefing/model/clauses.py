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


def main_clause_opening(text: str) -> str:
    """The first words of a sentence's main clause, where its subject stands: an opening
    phrase ("In a further setback for Assad, ...") is skipped."""
    words = text.split()
    # A participle opens a phrase when an object or preposition follows ("Citing two
    # officials", "Speaking to reporters"); "Bombing killed five" has its subject first.
    participial = (
        len(words) > 1
        and words[0].lower().endswith("ing")
        and (words[1].lower() in _PHRASE_SECOND_WORDS or words[1][:1].isdigit())
    )
    opens_with_phrase = participial or (words and words[0].lower() in _OPENING_WORDS)
    if opens_with_phrase and "," in text:
        words = text.split(",", 1)[1].split()
    return " ".join(words[:8])
