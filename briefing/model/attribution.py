"""Whose account a sentence gives: the speaker it names, pronouns resolved."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from briefing.annotate import Sentence
from briefing.annotate.coreference import leaves_quote_open
from briefing.annotate.dates import MONTH_NAME
from briefing.ascii_text import sentence_words
from briefing.model.clauses import (
    AUXILIARIES,
    main_clause_opening,
    main_clause_passive,
    opening_phrase_end,
    subject_end,
)
from briefing.model.words import event_verbs

_SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|reported|reports|announced|confirmed|claimed|"
    r"stated|wrote|warned|noted|according"
)
# A name may carry its acronym and a possessive's curly apostrophe: "Sudan’s Rapid Support
# Forces (RSF) announced ...".
_SPEAKER = r"(?P<who>(?:[^,;:\"“”‘’()]|(?<=\w)’(?=\w)){2,90}?(?:\s*\([A-Z][A-Za-z]{1,9}\))?)"
# "..., the interior ministry said on Friday." / "...," Mazloum Abdi told a press conference
_SPEAKER_AFTER = re.compile(r"(?:,|[\"”’])\s+" + _SPEAKER + r"\s+(?:" + _SPEECH_VERBS + r")\b")
# "The Syrian Observatory for Human Rights, a UK-based monitoring group, said thousands ..."
# "claimed responsibility for the strike", "has claimed at least 150,000 lives" are acts,
# not speech.
_SPEAKER_FIRST = re.compile(
    r"^\s*"
    + _SPEAKER
    + r"(?:,[^,]{2,80},)?\s+(?:"
    + _SPEECH_VERBS
    + r")\b(?!\s+(?:to|responsibility|credit)\b|(?:\s+[\w,]+){0,4}?\s+lives\b"
    # "The first reports of a ground attack came from ...": a noun, not a verb of speech.
    + r"|(?<=reports)\s+of\b)"
)
# An initialism's full stops are inside a name: "according to the U.S. Central Command",
# "..., said the U.N. envoy." (a speaker stopped at its first stop was "the U").
# A sentence's own full stop after one ends it ("according to the U.S.").
_INITIALISM = r"(?:\b[A-Z]\.){2,}(?=[\s\w'’])|\b[A-Z](?:\.[A-Z])+(?=\.\s*$)"
# (Opening the sentence too: "According to the state news agency NNA, three missiles ...".)
_ACCORDING_TO = re.compile(
    r"\b[Aa]ccording to\s+(?P<who>(?:" + _INITIALISM + r"|[^,;.\"“”]){2,90})"
)
# A person's role ("the director of ...", "a senior Israeli official") named before the
# person, between commas: ", Charles Lister, ...".
_PERSON_ROLE = re.compile(
    r"^(?:the|a|an|one)\s+(?:[\w-]+\s+){0,2}?(?:director|head|chief|spokesman|spokeswoman"
    r"|spokesperson|analyst|expert|researcher|official|minister|commander|envoy|fellow"
    r"|professor|governor|mayor|founder|leader|editor|correspondent|ambassador|adviser"
    r"|advisor)\b"
)
_NAMED_AFTER_ROLE = re.compile(r",\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}),\s")
_NOT_SPEAKERS = re.compile(
    r"^(?:which|that|who|it|this|there|and|but|as|while|he|she|they|we|i|you|has|have|had"
    # "..., a day after the RSF said ...": when, not who.
    r"|after|before|since|when|until"
    # "According to media reports, ...": "reports" is no verb there.
    r"|according\s+to"
    r"|(?:a\s+day|a\s+week|hours|days|weeks|minutes|moments|shortly)\s+after)\b",
    re.IGNORECASE,
)
# "officials close to Tehran also told Reuters", "Amazon has reportedly told": adverbs and
# auxiliaries before the verb are not part of the name.
_TRAILING_ADVERB = re.compile(
    r"(?:\s+(?:also|later|earlier|separately|previously|again|further|then|all|both|has|have|had"
    r"|will|would|could|(?-i:[a-z]+ly)))+$",
    re.IGNORECASE,
)
# "according to local media on Tuesday", "said the ministry late on Friday", "according to
# The National on August 31st": when it was said is not part of the name.
_TRAILING_TIME = re.compile(
    r"\s+(?:(?:late|early)\s+)?(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?|today|yesterday|tonight|last\s+night"
    r"|this\s+(?:morning|afternoon|evening|week)"
    rf"|(?-i:{MONTH_NAME})\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?-i:{MONTH_NAME}))$",
    re.IGNORECASE,
)
# "employees were told": a passive names who heard it, not who said it.
_PASSIVE = re.compile(r"\s(?:was|were|is|are|been|be|being|get|got)$", re.IGNORECASE)
# "..., said Derek Scissors, a scholar at ..." / "..., said the minister." Not "told": what
# follows it is who heard ("Al Sharaa, who became ... in 1967, told the UNGA, ...").
_INVERTED_VERBS = ("said", "says", "added", "warned")
_INVERTED_WORDS = frozenset(_INVERTED_VERBS)  # (the sentence's words: a screen)
_SPEAKER_INVERTED = re.compile(
    rf",\s+(?:{'|'.join(_INVERTED_VERBS)})\s+(?P<who>(?:the\s+)?(?:"
    + _INITIALISM
    + r"|[^,;:\"“”‘’()]){2,60}?)\s*(?:[,.;]|$)"
)
_PRONOUN = re.compile(r"^(?:he|she|they|it)$", re.IGNORECASE)
# A clause, then the speaker's: "His death came after the Israeli military (stated ...)"
# ("known as", "such as" name, they open no clause).
# (Not inside a relative clause: "People who left after the Israeli strikes said ..." is
# theirs.)
_SPEAKER_AFTER_CLAUSE = re.compile(
    r"^(?!(?:who|which|that)\b)\S+(?:\s+(?!(?:who|which|that)\b)\S+)+?"
    r"(?<!\bknown)(?<!\bsuch)(?<!\bsame)\s+(?:as|while|when|after|because|until)\s+"
    r"(?P<who>(?:the\s+|a\s+|an\s+)?[A-Z].*)$"
)
# Every pattern above holds a verb of speech (or "according") as written and as a whole
# word (after a space, before a word's end): a sentence whose words hold none is not
# searched (the patterns try a speaker's span at every position). Its words are split
# already (`sentence_words`); searching it for the verbs' alternation was 3% of a worker's
# instructions after extraction.
_SPEECH_WORDS = frozenset((*_SPEECH_VERBS.split("|"), "According"))


# A speaker is a name, not a clause: "Ukraine carried out what it says is ...".
_CLAUSE_WORD = re.compile(r"\b(?:what|which|where|whom|whose|it)\b", re.IGNORECASE)
# "The paramilitaries have not claimed the attacks": a claim denied is no attribution.
_NEGATED = re.compile(r"\b(?:not|never|n['’]t)$", re.IGNORECASE)
# A reporter's credit is no source: "By Rabiul Islam".
_BYLINE = re.compile(r"^by\s", re.IGNORECASE)
# "X announced a “state of emergency” in the country and said ...": a second verb of the
# sentence's own subject; what stands between the quote and "and said" is no speaker.
_COORDINATED = re.compile(r"\b(?:and|or|but|nor)$", re.IGNORECASE)
# "..., Caliber.Az reports via foreign media.", "TASS reported, citing the ministry, that
# ...": who relays it (often the page's own outlet) passes on whose account it is. ("via"
# a channel, "reported via Telegram", is still the reporter's own.)
_RELAYED = re.compile(
    r",?\s+(?:citing|via(?=[^,;.]{0,40}\b(?:media|outlets|sources|agencies)\b))\s+(?P<who>(?:[^,;:\"“”‘’().]|(?<=\w)\.(?=\w)){2,60}?)\s*(?:[,;]|\.(?!\w)|$|(?=\s(?:that|as|saying)\b))"
)
# "Ukraine on Wednesday denied reports that Russian forces captured the city": "reports"
# after a verb is a noun, the object (a denial cut to "Russian forces
# captured the city" said the opposite); "The ministry reports that ..." speaks.
_REPORTS_OBJECT = re.compile(r"\b(?:[a-z]+ed|denies|dismisses|rejects|refutes|confirms)$")
# "In response to the reported crackdown, ...": after a determiner the word is an
# adjective or a noun, no verb of speech.
_DETERMINER_END = re.compile(
    r"\b(?:the|a|an|this|these|those|its|their|his|her|our|such)$", re.IGNORECASE
)
# "The US president has agreed to say hello to ...": what someone is to say is not said.
_INFINITIVE = re.compile(r"\bto$", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    speaker: str  # as written; a bare pronoun lower-case
    start: int  # the attribution's span in the sentence ("..., a Syrian army officer told
    end: int  # Reuters."), for cutting it off an event


# Asked of a sentence twice in a worker (its speaker, then its reading): remembered for an
# article's worth of sentences.
@lru_cache(maxsize=4_096)
def find_attribution(text: str) -> Attribution | None:
    """Whose account a sentence gives ("a senior Iranian official") and where the
    sentence says so, or None.

    A bare pronoun ("he added") is returned as such; `attribute_sentences` resolves
    it against the sentences before it.
    """
    words = sentence_words(text)
    if _SPEECH_WORDS.isdisjoint(words):
        return None
    # Each pattern tried where the words it holds are in the text (a pattern opening with a
    # \b or a class is tried at every character): in order, as their first match decides.
    patterns = (
        *((_ACCORDING_TO,) if "ccording to" in text else ()),
        _SPEAKER_AFTER,
        _SPEAKER_FIRST,
        *(() if _INVERTED_WORDS.isdisjoint(words) else (_SPEAKER_INVERTED,)),
    )
    for pattern in patterns:
        for match in pattern.finditer(text):
            who = match.group("who").strip(" .'\"“”‘’")
            if (
                _PASSIVE.search(who)
                or _BYLINE.match(who)
                or _NEGATED.search(who)
                or _COORDINATED.search(who)
                or _INFINITIVE.search(who)
            ):
                continue
            if pattern is _SPEAKER_INVERTED and _holds_a_verb(who):
                continue
            if _DETERMINER_END.search(who) or (
                match.group(0).endswith("reports") and _REPORTS_OBJECT.search(who)
            ):
                continue  # "Ukraine denied reports that ...": the reports are not Ukraine's
            start = match.start()
            if (
                pattern is _SPEAKER_FIRST
                and not _NOT_SPEAKERS.match(who)  # "A day after the RSF said ...": when
                and (late := _SPEAKER_AFTER_CLAUSE.match(who))
            ):
                # "Families celebrated as Israeli television channels confirmed ...": the
                # speaker is the subordinate clause's subject, not the whole clause before.
                start += match.group("who").index(late["who"], late.start("who"))
                who = late["who"]
            end = match.end()
            if (
                pattern is _ACCORDING_TO
                and _PERSON_ROLE.match(who)
                and (named := _NAMED_AFTER_ROLE.match(text, end))
            ):
                # "According to the director of ..., Charles Lister, an initial series ...":
                # the person's name after the role is who; the account begins after it.
                who, end = named["name"], named.end("name")
            if pattern is not _SPEAKER_INVERTED and (relayed := _RELAYED.match(text, end)):
                who, end = relayed["who"], relayed.end("who")
            who = _TRAILING_ADVERB.sub("", _TRAILING_TIME.sub("", who))
            if (
                pattern is _SPEAKER_AFTER
                and _REDUCED_RELATIVE.match(text, match.end())
                and (name := _name_ending(who))
            ):
                # "... to detain three Syrian residents Israel said were members of ...": the
                # verb opens a relative clause of the noun before its speaker, whose name
                # alone says it.
                who, start = name, text.rindex(name, 0, match.end())
            most_words = _SPEAKER_WORDS
            if pattern is _SPEAKER_AFTER and (names := _names_listed_before(text, start, who)):
                who, start, most_words = names, 0, _LISTED_SPEAKERS_WORDS
            if evidence := _EVIDENCE.match(who):
                # "..., Ihnat said that, according to the preliminary information, ...":
                # no one; the speaker, if any, is named elsewhere in the sentence.
                if not evidence["author"]:
                    continue
                who = evidence["author"]
            if owned := _OWNED_DOCUMENT.match(who):
                who = owned["author"]
            if document := _DOCUMENT.match(who):
                who = (
                    document["author"]
                    or (document["noun"].islower() and _document_owner(document["owner"]))
                    or acting_subject(text)
                    or ""
                ).strip(" .")
                if not who:
                    continue
            who = _after_document(who)
            if _PRONOUN.match(who):
                return Attribution(who.lower(), start, end)
            words = who.split()
            if 1 <= len(words) <= most_words and not (
                _NOT_SPEAKERS.match(who) or _CLAUSE_WORD.search(who)
            ):
                return Attribution(who, start, end)
    return None


# A verb of being right after the verb of speech: a relative clause left without its
# pronoun ("residents Israel said were members", "a site it says is a base").
_REDUCED_RELATIVE = re.compile(r"\s+(?:were|was|is|are)\b")


def _name_ending(who: str) -> str:
    """The name `who` ends with: its last capitalised words (and the words joining them:
    "Ministry of Defense"); "" when its last word is not capitalised ("the army")."""
    words = who.split()
    n = len(words)
    while n and (words[n - 1][:1].isupper() or (words[n - 1] in _NAME_JOINERS and n < len(words))):
        n -= 1
    while n < len(words) and not words[n][:1].isupper():
        n += 1  # (a name opens on a capital)
    if 0 < n < len(words) and words[n - 1].lower() == "the":
        n -= 1  # "the Russian Ministry of Defense"
    return " ".join(words[n:])


def _holds_a_verb(who: str) -> bool:
    """Whether an event verb or an auxiliary stands past the first word of what follows an
    inverted "said": then it is its clause, not who said it ("..., said Dagalo took the
    oath of office in Nyala", "..., said most of the casualties were reported in ...").
    (Not an "-ed" word, as `subject_end` takes: "..., said Hamas's armed wing".)"""
    verbs = event_verbs()
    return any(word in AUXILIARIES or word in verbs for word in who.split()[1:])


# A speaker's words at most; a list of several ("X, Y and Z said") may take more.
_SPEAKER_WORDS = 12
_LISTED_SPEAKERS_WORDS = 24
# The words of a name: capitalised, or joining capitalised ones ("Ministry of Defense").
_NAME_JOINERS = frozenset({"of", "for", "the", "and", "on", "de", "al"})


def _names_listed_before(text: str, start: int, who: str) -> str | None:
    """The whole list of speakers when the one found after a comma ends it: "The Russian
    Ministry of Defense, the Investigative Committee and the Ombudsman for Children all
    said ..." is the three's account, not the last two's. The sentence must open with a name
    (no opening phrase: "In Gaza, officials and residents said")."""
    before = text[:start].strip()
    words = before.split()
    if (
        " and " not in who
        or not 1 <= len(words) <= 8
        or opening_phrase_end(text)
        or not all(word[:1].isupper() or word in _NAME_JOINERS for word in words)
    ):
        return None
    return f"{before}, {who}"


# "according to a statement posted on Telegram": a document, not who says it; its author
# ("a statement by the RSF") does, or else the sentence's subject ("The RSF denied ...,
# according to a statement posted on Telegram").
_DOCUMENT_NOUNS = r"statement|report|post|video|communiqu[eé]|release|tweet|message|letter"
# A source's shape, whichever its noun: a determiner, a few words, the noun, its author.
# (Two patterns, tried in turn: as one, the noun found first would decide, "the tally
# report" no longer a document, "the post-war data" a document, not evidence.)
_DETERMINER = r"(?:an?|the|its|their|his|her)\s+"
_BEFORE_NOUN = r"(?:[\w-]+\s+){0,2}?"
_AUTHOR = r".*?\b(?:by|from)\s+(?P<author>.+)"
_DOCUMENT = re.compile(
    rf"^{_DETERMINER}(?P<owner>{_BEFORE_NOUN})(?P<noun>{_DOCUMENT_NOUNS})s?\b(?:{_AUTHOR}|.*)$",
    re.IGNORECASE,
)
# The words before the noun name its author when they end in an institution ("the army
# statement", "the Israeli military statement") or are a name ("a Hamas statement"), not
# when they tell its kind ("a joint statement") or the platform it was posted on, nor when
# the noun is a name's own word ("The Jerusalem Post", "The Washington Post").
_INSTITUTION = re.compile(
    r"(?:army|military|ministry|government|police|presidency|command|office)$", re.IGNORECASE
)
_PLATFORMS = frozenset(("Telegram", "Facebook", "X", "Twitter", "Instagram", "YouTube"))


def _document_owner(words: str) -> str | None:
    named = words.split()
    if named and _INSTITUTION.search(named[-1]):
        return "the " + " ".join(named)
    if named and all(w[:1].isupper() and w not in _PLATFORMS for w in named):
        return " ".join(named)
    return None


# "according to preliminary calculations", "according to the latest figures": what is
# known, not who tells it, unless its author is named ("figures from the health ministry").
_EVIDENCE = re.compile(
    rf"^(?:{_DETERMINER})?{_BEFORE_NOUN}"
    r"(?:information|data|figures|estimates?|calculations?|findings|statistics|tall(?:y|ies)"
    rf"|reviews?|assessments?)\b(?:{_AUTHOR})?$"
    # "according to reports": no one named ("media reports" name a kind of source)
    r"|^(?:(?:preliminary|initial|unconfirmed|early|first)\s+)?reports$",
    re.IGNORECASE,
)
# "according to the U.S. Central Command's social media", "the ministry's statement": its
# owner says it.
_OWNED_DOCUMENT = re.compile(
    r"^(?P<author>.+?)['’]s?\s+(?:[\w-]+\s+){0,2}?"
    rf"(?:{_DOCUMENT_NOUNS}|social\s+media|account|channel|website)s?$",
    re.IGNORECASE,
)
# "In a statement shared by SANA the Defense Ministry stated: ...": an opening phrase on the
# document, with no comma to end it, before who speaks: the last noun phrase a determiner
# opens ("the Defense Ministry"), else the name closing it ("In a statement Hamas said").
_IN_A_DOCUMENT = re.compile(
    rf"^in\s+{_DETERMINER}{_BEFORE_NOUN}(?:{_DOCUMENT_NOUNS})s?\b", re.IGNORECASE
)
_LAST_DETERMINED = re.compile(r".*\b(?P<who>(?:[Tt]he|[Aa]n?)\s+\S.*)$")
_CLOSING_NAME = re.compile(r"(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)$")


def _after_document(who: str) -> str:
    """The speaker after an opening phrase on the document it spoke in (see
    `_IN_A_DOCUMENT`); `who` itself without one, or when none can be told."""
    opening = _IN_A_DOCUMENT.match(who)
    if opening is None:
        return who
    rest = who[opening.end() :]
    found = _LAST_DETERMINED.match(rest) or _CLOSING_NAME.search(rest)
    return found["who"].strip() if found else who


_CAPITAL = re.compile(r"\b[A-Z]")


def acting_subject(text: str) -> str | None:
    """The sentence's subject when it names someone acting ("The RSF denied ..."), not
    what was done to ("More than 100 people were killed")."""
    opening = main_clause_opening(text)
    subject = opening[: subject_end(opening)].strip()
    named = _CAPITAL.search(subject.split(maxsplit=1)[-1]) if subject else None
    return subject if named and not main_clause_passive(text) else None


def is_pronoun(who: str | None) -> bool:
    """Whether a speaker is written as a pronoun ("he", "It"): who it is, the sentences
    before say."""
    return who is not None and _PRONOUN.match(who) is not None


def find_speaker(text: str) -> str | None:
    """Whose account a sentence gives, or None (see `find_attribution`)."""
    found = find_attribution(text)
    return found.speaker if found else None


def attribute_sentences(sentences: Sequence[Sentence]) -> dict[str, str | None]:
    """Speaker per sentence of one article, pronouns resolved: "he" or "she" to the last
    person named as a speaker or as the subject of the sentence before ("Biden spoke at
    the White House ... He said ..."), never to a group ("Reuters witnesses"); "they" to
    the plural subject of the sentence before when that sentence names no speaker; "they" and
    "it" otherwise to the last named speaker, unless "he" or "she" was said of them (a person is
    no "it": in "He said ... Ukraine's Defense Ministry ... dismissed ... It said ...",
    the ministry speaks, not the spokesman named before). A quote continued over several
    sentences keeps its speaker: a sentence opening with a quotation mark right after a
    quoted sentence is the same speaker's, and so, when that speaker is named, are the
    sentences of its quote to where it closes ("“Every life matters. Every life must be
    protected.”" after '“...,” Zelenskyy said.')."""
    speakers: dict[str, str | None] = {}
    last_named: str | None = None
    last_person: str | None = None
    people: set[str] = set()  # speakers "he" or "she" stood for
    last_group: str | None = None  # the last group named as a speaker or acting subject
    # the last sentence's text, id and speaker
    previous: tuple[str, str, str | None] | None = None
    quote: list[Sentence] = []  # the sentences of a quote still open in their paragraph
    # The sentences whose speaker is a name they write, or one carried on from such a
    # sentence's quote: not a pronoun's guess, so a quote they open is theirs to its close.
    firm: set[str] = set()
    for sentence in sentences:
        who = find_speaker(sentence.text)
        if who is not None and not _PRONOUN.match(who):
            firm.add(sentence.id)
        if (
            who == "they"
            and previous
            and previous[2] is None
            and (plural := _plural_subject(previous[0]))
        ):
            # "Palestinian factions in Sidon declared a strike ... "..." they said": the
            # plural that acted in the sentence before (naming no speaker), not the last
            # speaker named.
            who = last_named = plural
        elif who is not None and _PRONOUN.match(who):
            if who in ("he", "she"):
                who = last_person
                if who:
                    people.add(who)
            else:
                who = last_named if last_named not in people else None
        elif who is not None and _REFERRING_GROUP.match(who):
            # "..., the group said": the group the sentence acts through ("Hezbollah has
            # confirmed ..., the group announced"), else the last one named.
            acting = acting_subject(sentence.text)
            if acting and not _REFERRING_GROUP.match(acting):
                last_group = acting
            who = last_group or who
        elif who is not None:
            last_named = who
            if not _GROUP.search(who):
                last_person = who
            else:
                last_group = who
        elif previous and previous[2] and _continues_quote(previous[0], sentence.text):
            who = previous[2]
            if previous[1] in firm:
                firm.add(sentence.id)
        speakers[sentence.id] = who
        previous = (sentence.text, sentence.id, who)
        # (only a sentence without a speaker of its own is read for its named subject)
        if who is None and (named := _named_subject(sentence.text)):
            last_person = named
        elif who is None and _GROUP_WORD.search(sentence.text):
            # "The Iran-backed Houthi group claimed responsibility ...": a group acting
            subject = acting_subject(sentence.text)
            if subject and _GROUP.search(subject) and not _REFERRING_GROUP.match(subject):
                last_group = subject
        quote = _quote_goes_on(quote, sentence, speakers, firm)
    return speakers


def _plural_subject(text: str) -> str | None:
    """The sentence's named acting subject when its head noun is a plural ("Palestinian
    factions in Sidon"): what a "they" after it stands for."""
    subject = acting_subject(text)
    head = _AFTER_HEAD.split(subject, maxsplit=1)[0] if subject else ""
    return subject if head and _PLURAL_HEAD.search(head) else None


_PLURAL_HEAD = re.compile(r"\b[a-z]{3,}(?<!s)s$")
# What follows a subject's head noun: "factions (in Sidon)", "members (of the council)".
_AFTER_HEAD = re.compile(r"\s+(?:in|of|from|at|on|for|across|near)\s+|,")


def _quote_goes_on(
    quote: list[Sentence],
    sentence: Sentence,
    speakers: dict[str, str | None],
    firm: set[str],
) -> list[Sentence]:
    """The quote still open after `sentence` (its sentences so far), given the one open
    before it. A quote closing in its paragraph gives every sentence of it that names
    nobody the speaker its closing sentence names, else its opening one's when `firm`
    (see `attribute_sentences`): in "“The area ... was hit. ... More than 180 people were
    injured. Unfortunately, many were killed,” Zelensky said", the injured are Zelensky's
    count, not the outlet's. (Not a pronoun's guess at the opening: "In a post on X, he
    said, “...": "he" is the last person named as a speaker, who may be another.)"""
    if quote and (quote[0].article_id, quote[0].paragraph) != (
        sentence.article_id,
        sentence.paragraph,
    ):
        quote = []  # a quote left open at its paragraph's end: whose, the words do not say
    if not leaves_quote_open(sentence.text, bool(quote)):
        if quote:
            who = speakers[sentence.id] or (speakers[quote[0].id] if quote[0].id in firm else None)
            for inside in (*quote, sentence):
                speakers[inside.id] = speakers[inside.id] or who
        return []
    return [*quote, sentence]


# A group referred back to by its kind, naming no one: "..., the group said".
_GROUP_NOUNS = r"group|movement|militia|organi[sz]ation"
_REFERRING_GROUP = re.compile(rf"^the\s+(?:{_GROUP_NOUNS})$", re.IGNORECASE)
# (What a group acting as a subject holds: only such a sentence's subject is read.)
_GROUP_WORD = re.compile(rf"\b(?:{_GROUP_NOUNS})\b")
# A speaker that is a group: a plural noun ("witnesses", "officials") or an organisation,
# also by its name's head noun ("the regional Prosecutor's Office") and before its
# abbreviation ("The Israel Defense Forces (IDF)").
_GROUP = re.compile(
    r"\b(?:[a-z]+s|group|monitor|(?i:ministry|army|military|government|agency|office|"
    r"council|command|police|observatory)|Forces|Brigades?|Corps|Guards?|Units?"
    r"|Administration|Committee|Service|Department|Network|Commission|Authority)"
    r"(?:\s*\([^()]*\))?$",
)
# "Biden spoke ...", "Ukrainian President Volodymyr Zelenskyy confirmed ...": a sentence
# whose subject is a name (capitalised words) doing what people do.
_WORD_OF_NAME = r"(?:(?:al|el|bin|ibn|abu)[‐‑-])?[A-Z][\w'’.‐‑-]*"  # "al-Sharaa" too
_NAME = rf"((?:{_WORD_OF_NAME}\s+){{0,4}}{_WORD_OF_NAME})"
_DOING_VERBS = (
    "said|says|spoke|told|added|announced|confirmed|called|urged|warned|described|"
    "noted|met|visited|signed|ordered|vowed|rejected|accused|denied|welcomed|praised|expressed|"
    "voiced|condemned|decried|stated|declared|insisted|pledged|promised|demanded|blamed"
)
_DOING = rf"(?:{_DOING_VERBS})\b"
_NAMED_SUBJECT = re.compile(rf"^{_NAME}\s+(?:[a-z]+ly\s+)?{_DOING}")
# Each pattern's verb is a whole word of a text it matches.
_DOING_WORDS = frozenset(_DOING_VERBS.split("|"))
# "... led by President Ahmed al-Sharaa, who later condemned the attacks": a person named
# anywhere in the sentence as doing what people do.
_NAMED_WHO = re.compile(rf"{_NAME},\s+who\s+(?:(?:[a-z]+ly|also|later)\s+)?{_DOING}")


def _named_subject(text: str) -> str | None:
    if _DOING_WORDS.isdisjoint(sentence_words(text)):
        return None  # (most sentences: the name's words are tried with backtracking)
    # Past an opening phrase: "Earlier, Ukrainian President Volodymyr Zelenskyy condemned ..."
    # `_NAMED_WHO` tries a name at every capital: only a text holding its "who" is searched.
    match = _NAMED_SUBJECT.match(text[opening_phrase_end(text) :].lstrip()) or (
        _NAMED_WHO.search(text) if "who" in text else None
    )
    if not match or match.group(1).split()[0] in ("The", "A", "An", "In", "On", "At", "It"):
        return None
    return match.group(1)


def _continues_quote(before: str, text: str) -> bool:
    opens = text.lstrip()[:1] in QUOTES
    quoted_before = any(mark in before for mark in QUOTES)
    return opens and quoted_before


# The marks opening a quote (not "'": an apostrophe too).
QUOTES = '"“‘«'
