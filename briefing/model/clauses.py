"""Where a sentence's main clause starts: the subject stands after any opening phrase."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import islice

from briefing.model.words import event_verbs

# Deciding a line's pane, its subject, whether it is background and whether it makes a
# fact read the same sentence's main clause again and again: each answer is kept for the
# texts read last (a few panes' lines).
_KEPT = 1 << 15

# A sentence opening with one of these, or with a participle ("Citing officials, ..."),
# starts with a phrase, not its subject: prepositions and conjunctions ("In Homs, ...",
# "But ..."), words of time ("Earlier, ...") and discourse connectives ("Moreover, ...":
# they tie the sentence to the one before, which a key fact cut out of it has not).
_OPENING_WORDS = frozenset(
    "in on at after before during while when as with for since despite amid but and according "
    "earlier later meanwhile separately also however moreover furthermore additionally "
    "nevertheless nonetheless likewise similarly besides thus therefore consequently instead "
    "previously recently"
    "".split()
)
_PHRASE_SECOND_WORDS = frozenset(
    "on to the a an his her its their that up from at with in for of two three several".split()
)


def opening_phrase_end(text: str) -> int:
    """Where an opening phrase ("In a further setback for Assad,", "Citing two
    officials,", "Meanwhile,") ends, at its comma; 0 when the sentence opens with its
    subject."""
    words = text.split(maxsplit=2)  # (the first two words)
    # A participle opens a phrase when an object or preposition follows ("Citing two
    # officials", "Speaking to reporters"); "Bombing killed five" has its subject first.
    participial = (
        len(words) > 1
        and words[0].lower().endswith("ing")
        and (words[1].lower() in _PHRASE_SECOND_WORDS or words[1][:1].isdigit())
    )
    first = words[0].lower().rstrip(",") if words else ""
    # "At least seven people were killed, while dozens ...": a count's quantifier, no phrase.
    if first == "at" and len(words) > 1 and words[1].lower() == "least":
        return 0
    # "But an Israeli strike on March 25 changed their plans: ..., Israel bombed both
    # sites": "But" opening the sentence is all the opening there is. ("And" is left as it
    # was: "And many in the top leadership of Hezbollah, ..., were killed by Israel" would
    # then go to the pane of who is acted upon, not of who acts.)
    if first == "but" and words[0][-1:] != ",":
        return len(words[0]) + 1
    if (participial or first in _OPENING_WORDS) and "," in text:
        comma = text.index(",")
        # "Fighting to seize the base intensified ..., as the RSF deployed ...": a gerund was
        # the subject, and what follows the comma is a subordinate clause, not the main one.
        if participial and _SUBORDINATE_OPENING.match(text, comma + 1):
            return 0
        # "Responding to a call by Sheikh Ghazal Ghazal, head of the Supreme Alawite
        # Council, thousands of Syrians ...": the name's apposition is the phrase's too.
        if _NAME_END.search(text, 0, comma) and (apposition := _APPOSITION.match(text, comma + 1)):
            return apposition.end()
        return comma + 1
    return 0


# A subordinate clause opening after a comma.
_SUBORDINATE_OPENING = re.compile(
    r"\s*(?:as|while|because|although|though|whereas|when|until|since)\s", re.IGNORECASE
)
# A person's or a body's role after its name, up to its closing comma.
_APPOSITION = re.compile(
    r"\s*(?:(?:the|a|an)\s+)?(?:[a-z]+\s+){0,2}(?:head|leader|chief|spokes(?:man|woman|person)"
    r"|commander|director|president|chairman|member|minister|founder|secretary|governor|mayor"
    r"|envoy|representative|official|deputy)\s+(?:of|for|at)\s[^,]{2,120},"
)
# The last word before a comma is a name's: capitalised.
_NAME_END = re.compile(r"\b[A-Z][\w'’-]*\s*$")


@lru_cache(maxsize=_KEPT)
def main_clause_opening(text: str, reach: int = 8) -> str:
    """The first words of a sentence's main clause, where its subject stands: an opening
    phrase ("In a further setback for Assad, ...") or a leading condition ("“If Hezbollah
    violates the agreement ..., we will attack”") is skipped; `reach` words."""
    return " ".join(text[_main_clause_start(text) :].split(maxsplit=reach)[:reach])


def _main_clause_start(text: str) -> int:
    """Where the main clause `main_clause_opening` gives begins in `text`."""
    start = opening_phrase_end(text)
    rest = text[start:]
    first = rest.split(maxsplit=1)[0].lstrip("\"“‘'").lower() if rest.strip() else ""
    if first in _CONDITIONS and "," in rest:
        # An event keeps its condition (see events.event_span); its subject does not.
        start += rest.index(",") + 1
    return start


def opening_offset(text: str, at: int) -> int:
    """Where in `text` the word starting at `at` of its `main_clause_opening` stands (the
    opening's words are joined by single spaces; the text may have more, or newlines)."""
    words = main_clause_opening(text)[:at].count(" ")
    return next(islice(_WORD.finditer(text, _main_clause_start(text)), words, None)).start()


# Words opening a subordinate clause before the main one: its subject is not the main
# clause's.
_CONDITIONS = frozenset("if unless although though whether once".split())


# Verbs that end a subject besides the event verbs: auxiliaries and speech.
AUXILIARIES = frozenset(
    "is are was were has have had will would can could may might must did does do "
    "said says told added warned called urged".split()
)
_WORD = re.compile(r"\S+")
_DETERMINERS = frozenset("the a an this that these those its their his her our".split())


@lru_cache(maxsize=_KEPT)
def subject_end(opening: str, also: frozenset[str] = frozenset()) -> int:
    """Where the subject of a main clause's opening (see `main_clause_opening`) ends: at
    its first verb ("The drones targeted | 34% of Russia's ..."), else at its end. A
    verb is a lower-case event verb, auxiliary, "-ed" word or word of `also` after the
    first word."""
    verbs = _verbs(also)
    # (words as `_WORD` finds them: str.split splits at the same spaces; a word's place is
    # looked for only for the verb found)
    words = opening.split()
    for n in range(1, len(words)):
        word = words[n]
        if not word[:1].islower():
            continue
        bare = word.strip(",;:").lower()
        if (
            (bare in verbs or bare in AUXILIARIES or bare.endswith("ed"))
            and (
                # "The attack marks ...": a noun; "This marks ..." (a verb of `also`) is a verb
                bare in also or words[n - 1].strip(",;:").lower() not in _DETERMINERS
            )
            # "The RSF's latest advance underscores ...": a noun before a verb of `also`
            and not (bare not in also and _verb_of(words, n + 1, also))
        ):
            return next(islice(_WORD.finditer(opening), n, None)).start()
    return len(opening)


def _verb_of(words: list[str], n: int, also: frozenset[str]) -> bool:
    """Whether `words[n]` is a present-tense verb of `also` ("underscores", "marks")."""
    word = words[n].strip(",;:").lower() if n < len(words) else ""
    return word.endswith("s") and word in also


@cache
def _verbs(also: frozenset[str]) -> frozenset[str]:
    """The event verbs and `also` (a few sets: the callers' own word lists)."""
    return event_verbs() | also if also else event_verbs()


@lru_cache(maxsize=_KEPT)
def main_verb(
    text: str, also: frozenset[str] = frozenset(), reach: int = 8
) -> tuple[str, str, str]:
    """The main clause's verb and the two words after it, lower-case ("" when not found):
    "The deal is considered a landmark" -> ("is", "considered", "a"). Verbs as
    `subject_end` knows them, and the words of `also`, within `reach` words of the
    clause's start."""
    opening = main_clause_opening(text, reach)
    end = subject_end(opening, also)
    if end < len(opening):
        # The verb is looked for within `reach` words, the two after it past them: "...,
        # alongside Omani mediators, were | scheduled to" (the same words, two more).
        opening = main_clause_opening(text, reach + 2)
    words = [w.strip(",;:").lower() for w in opening[end:].split()]
    verb, following, third = (*words[:3], "", "", "")[:3]
    return verb, following, third


# A perfect's auxiliary: "has signed" tells "signed".
PERFECT = frozenset({"has", "have", "had"})


def verb_done(text: str, *, passive_only: bool = False) -> tuple[str, str, str]:
    """`main_verb`'s three words read past a perfect's auxiliary ("has signed" ->
    ("signed", ...)); with `passive_only`, only a passive's ("has been killed" -> ("been",
    "killed", ""), "has signed" left as written). After a skipped auxiliary the third word
    is ""."""
    verb, following, third = main_verb(text)
    if verb in PERFECT and (following == "been" or not passive_only):
        return following, third, ""
    return verb, following, third


_BE = frozenset("is are was were be been being".split())


def main_clause_passive(text: str) -> bool:
    """Whether the main clause is told in the passive ("Three hostages were released by
    Hamas", "134 people have been killed"), or its verb is not found (then it may be)."""
    verb, following, _ = main_verb(text)
    return not verb or verb in _BE or (verb in PERFECT and following == "been")
