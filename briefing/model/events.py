"""A key fact states one event: the main clause of its sentence, as written.

"Piling on the pressure, an Iraqi security source said the Syrian Kurds were advancing
..." states "the Syrian Kurds were advancing ..." on the source's account; "Russian
bombing destroyed the Rastan bridge ..., a Syrian army officer told Reuters." states the
bombing, and the officer becomes the attribution. The span is cut out of the sentence,
never rewritten (only its first letter is capitalised).
"""

from __future__ import annotations

import calendar
import re

from briefing.model.attribution import Attribution
from briefing.model.clauses import (
    main_clause_opening,
    main_verb,
    opening_offset,
    opening_phrase_end,
    subject_end,
)

# An event needs this many words once its attribution and opening phrase are cut.
_MIN_EVENT_WORDS = 5
# An opening phrase is kept when it says when or where: "On Sunday,", "In Khartoum,".
_SAYS_WHEN_OR_WHERE = re.compile(
    rf"\d|\b(?:{'|'.join((*calendar.month_name[1:], *calendar.day_name))})\b"
    r"|\b(?i:in|at|near|from|outside|inside)\s+(?:the\s+)?[A-Z]"
)
_TOLD = re.compile(r"\b(?:told|tells|tell)\s*$", re.IGNORECASE)
_MODAL = re.compile(r"^(?:\S+\s+){0,5}?(?:would|will|could|might|may|should)\b", re.IGNORECASE)
_MONTHS = "|".join(calendar.month_name[1:])
# "said on Wednesday, July 16, that ...": the day, and the date after it.
_WHEN_SAID = re.compile(
    rf"^(?:(?:on|late|early|earlier|last)\s+)*(?:{'|'.join(calendar.day_name)})"
    r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+"
    rf"(?:(?:(?:{_MONTHS})\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS}))(?:,?\s+\d{{4}})?,?\s+)?"
)
_UP_TO_THAT = re.compile(r"^[^,;:\"“”]{0,60}?\bthat\s+", re.IGNORECASE)
_THAT = re.compile(r"^that\s+", re.IGNORECASE)
# What may follow an attribution that closes its sentence: its own object and time
# ("told Reuters", "said on Friday", "said in a statement"), a new clause ("as ...",
# "adding ...", "referring to ..."), or nothing.
_ENDS_SENTENCE = re.compile(
    r"^(?:(?:to\s+)?(?:[A-Z][\w.'’-]*\s*){0,3}|(?:a|an|the)\s+\w+(?:\s+\w+)?"
    r"|(?:on|in|at|late|early|earlier|later|last|this|after|during|via|from|through|to|with|"
    r"by)\b[^.;]{0,80}?)"
    r"(?:[.!?\"”’]*\s*$|,?\s*(?:as|while|amid|after|but|and|[a-z]+ing)\b)",
)
# The speaker goes on after the event, with no subject of its own: "The IDF said measures
# were taken ... but did not disclose the strike's location", "Katz said the strike was
# approved by Netanyahu, adding that ...", "Israel said the strike had targeted ... and that
# it was verifying the outcome", "... was shelled and noted a building collapse". Cut off the
# speaker, the rest would tell of nobody.
_SPEAKER_GOES_ON = re.compile(
    r"\b(?:but|and)\s+(?:(?:did|does|would|could)\s+not\s+|(?:declined|refused)\s+to\s+)?"
    r"(?:disclose|say|give|provide|elaborate|comment|specify|identify|name|offer|added|gave"
    r"|provided|declined|refused|warned|claimed|reported|confirmed"
    # "Sana reported that the village was shelled and noted a building collapse"
    r"|noted|stressed|reiterated|emphasi[sz]ed)\b"
    r"|,\s*adding\b|\band\s+that\s"
    # "Officials said the protests were driven by separatist rhetoric, and they accused ...":
    # cut, "they" would stand for nobody (or for the protests).
    r"|,\s*(?:and|but)\s+(?:they|he|she)\b",
    re.IGNORECASE,
)
# "..., and Philip Pronin, the governor of the Poltava region, said ...": a second speaker
# named after "and", with or without an apposition.
_ANOTHER_ACCOUNT = re.compile(
    r"\band\s+(?:the\s+)?[A-Z][^,;\"“”]{1,60}?(?:,[^,]{2,80},)?\s+(?:said|says|told|added|stated)\b"
)
# "He said a few fighters were wounded in Syria ..., and said it was believed to be an Israeli
# attack": the speaker's second account, with no subject of its own, is no part of the first.
_SAID_AGAIN = re.compile(r",?\s+and\s+(?:also\s+|then\s+)?(?:said|says|stated)\b")
_PRONOUN_START = re.compile(r"^(?:he|she|they|it|we|i|his|her|their|its|our)\b", re.IGNORECASE)
# What a speech verb's preposition opens is what it was about, or where it was said, not a
# clause: "channels reported on alleged fighting in the border areas", "said in a statement
# the army had ..." (no "that" to cut at).
_PREPOSITION_START = re.compile(
    r"^(?:on|of|about|in|at|during|via|through|over|from|with)\b", re.IGNORECASE
)


def event_span(text: str, attribution: Attribution | None) -> str:
    """The event a sentence reports, without its attribution or a connective opening."""
    span = text.strip()
    opening = opening_phrase_end(span)
    if attribution is not None:
        before = span[: attribution.start].rstrip(" ,;:—–-")
        after = span[attribution.end :].lstrip(" ,;:")
        # "X told Reuters that Y", "X confirmed late Monday that Y": Y starts after "that".
        told = _UP_TO_THAT.match(after)
        if told is None:
            # "Burhan said on Monday the army would ...": the day belongs to the saying,
            # and so does a date after it, whose commas hide a "that" from `_UP_TO_THAT`.
            after = _WHEN_SAID.sub("", after)
            told = _THAT.match(after)
        if told:
            after = after[told.end() :]
        # "X said Y" (after any opening phrase): the event is Y. "Y, X said ...": it is Y.
        # "X said they took ..." keeps X: the pronoun would not say who.
        # "X said the army would ..." keeps X too: a promise or a threat is the saying.
        # "X said 271 were injured, and Y said 18 were trapped" keeps X: Y gives another
        # account, which the line's one attribution would give as X's.
        leading = attribution.start <= opening + 1 and not (
            _PRONOUN_START.match(after)
            or _MODAL.match(after)
            or _SPEAKER_GOES_ON.search(after)
            or (
                not told
                and (
                    _PREPOSITION_START.match(after)
                    or _subordinate_verb(after)
                    or _infinitive_verb(after)
                )
            )
        )
        # "Israel confirmed Nasrallah's death on Saturday": what was said is a thing,
        # not a clause (no verb), so the saying is the event.
        if (
            leading
            and len(after.split()) >= _MIN_EVENT_WORDS
            and (told or not _TOLD.search(span[: attribution.end]))
            and main_verb(after)[0]
            and (told or _verb_before_comma(after))
            and not _second_verb(after)
            and _ANOTHER_ACCOUNT.search(after) is None
        ):
            again = _SAID_AGAIN.search(after)
            if again and len(after[: again.start()].split()) >= _MIN_EVENT_WORDS:
                after = after[: again.start()]
            span, opening = after, 0
        elif len(before.split()) >= _MIN_EVENT_WORDS and _ENDS_SENTENCE.match(after):
            # "Y, X said." / "Y, X told Reuters on Friday as ...": only an attribution that
            # closes the sentence is cut; "Y, X has announced the withdrawal" is the event.
            span = before
    opening = opening or opening_phrase_end(span)
    if opening and not _SAYS_WHEN_OR_WHERE.search(span[:opening]):
        rest = span[opening:].lstrip(" ,")
        if len(rest.split()) >= _MIN_EVENT_WORDS:
            span = rest
    return _closed(span)


# A word opening a subordinate clause inside what reads as a subject.
_SUBORDINATOR = re.compile(
    r"\s(?:after|before|when|while|as|since|because|until|once)\s", re.IGNORECASE
)


def _subordinate_verb(text: str) -> bool:
    """Whether the verb found after a speech verb with no "that" is a subordinate clause's:
    "Ukraine claimed the attacks after explosions hit the two vessels" said a thing (the
    attacks) and when; cut after "claimed", the rest would read "The attacks after
    explosions hit ..."."""
    opening = main_clause_opening(text)
    return _SUBORDINATOR.search(opening, 0, subject_end(opening)) is not None


# A subject ending in "to" and at most one word of its own: the verb found is an
# infinitive's, or its object's ("an agreement to cease | fire").
_INFINITIVE_END = re.compile(r"\bto\s+(?:[a-z]+\s+)?$")


def _infinitive_verb(text: str) -> bool:
    """Whether the verb found after a speech verb with no "that" is an infinitive's: "The
    ministries announced an agreement to cease fire along the border" said a thing (the
    agreement); cut after "announced", the rest would read "An agreement to cease fire ..."."""
    opening = main_clause_opening(text)
    return _INFINITIVE_END.search(opening, 0, subject_end(opening)) is not None


# A participle after a comma: "the strike, describing it as ...".
_COMMA_PARTICIPLE = re.compile(r",\s+[a-z]+ing\b")


def _verb_before_comma(text: str) -> bool:
    """Whether the main clause's verb is found before a participle opening a phrase after
    a comma: "X confirmed the strike, describing it as a precise strike" said a thing (the
    verb found, "strike", is a noun after the phrase), not a clause; "X said the group,
    which imposed a reign of terror, had taken control" said a clause. Nor is the verb
    found a past participle after a comma whose phrase ends the sentence: "X announced the
    formation of a parallel government, led by Dagalo" said a thing ("the group, backed by
    Iran, had taken the town": a clause)."""
    opening = main_clause_opening(text)
    end = subject_end(opening)
    if _COMMA_PARTICIPLE.search(opening, 0, end) is not None:
        return False
    return not (
        opening[:end].rstrip().endswith(",")
        and _PARTICIPLE_PHRASE.match(opening, end)
        and "," not in text[opening_offset(text, end) :]
    )


# A past participle and its preposition: "led by", "killed in".
_PARTICIPLE_PHRASE = re.compile(r"[a-z]+(?:ed|en)\s+(?:by|in|on|at|from|with|during)\b")


# A subject ending in a conjunction is none: the verb after it is a second predicate.
_CONJUNCTION_END = re.compile(r"\b(?:and|or|but)\s*$", re.IGNORECASE)


def _second_verb(text: str) -> bool:
    """Whether the verb found in what follows a speech verb is the speaker's second one:
    "The minister announced a curfew in the city and said schools would close" said a thing
    (the curfew), then spoke again; cut after "announced", the rest would read "A curfew in
    the city and said ..."."""
    opening = main_clause_opening(text)
    return _CONJUNCTION_END.search(opening, 0, subject_end(opening)) is not None


def _closed(span: str) -> str:
    """The span ending as a sentence does, its quotation closed, first letter capitalised."""
    core = span.rstrip(" ,;:").rstrip('"”').rstrip(" ,;:")
    if core and core[-1] not in ".!?":
        core += "."
    if core.count('"') % 2:
        core += '"'
    elif core.count("“") > core.count("”"):
        core += "”"
    return core[:1].upper() + core[1:]
