"""Which actors a sentence concerns: the profile's own, and others named often.

`compile_profile` turns a profile into an `ActorTagger` (its phrases indexed once);
`find_other_actors` finds states and organisations the profile does not cover.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from operator import itemgetter
from string import ascii_letters

from briefing.annotate.phrase_index import FoldedText, PhraseIndex, folded
from briefing.countries import (
    CAPITAL_END,
    COUNTRIES,
    Country,
    capital_regex,
    country_names,
    slug,
)
from briefing.lazy_pattern import lazy_compile
from briefing.profile import PHRASE_END, ContextRule, Profile, phrase_body


@dataclass(frozen=True)
class _Hit:
    actor: str
    rule: int | None  # index into ActorTagger.rules; None for a plain alias


class ActorTagger:
    """Tags sentences with the actor ids of one profile, in profile order."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.order = {actor.id: n for n, actor in enumerate(profile.actors)}
        self.rules: list[tuple[ContextRule, PhraseIndex | None, PhraseIndex | None]] = []
        hits_by_phrase: dict[str, list[_Hit]] = {}
        for actor in profile.actors:
            for alias in actor.aliases:
                hits_by_phrase.setdefault(_key(alias), []).append(_Hit(actor.id, None))
            for rule in actor.context:
                index = len(self.rules)
                self.rules.append((rule, _any_phrase(rule.requires_any), _any_phrase(rule.unless)))
                for phrase in rule.phrases:
                    hits_by_phrase.setdefault(_key(phrase), []).append(_Hit(actor.id, index))
        self.hits = {phrase: tuple(hits) for phrase, hits in hits_by_phrase.items()}
        # Country names and demonyms can name a place or a people rather than the state.
        self.country_words = frozenset(hits_by_phrase.keys() & country_names())
        # "Islamic State militants" wins over "militant" at the same word.
        self.phrases = PhraseIndex(list(hits_by_phrase))
        self.patterns = tuple(
            (actor.id, compiled, _opening_text(compiled))
            for actor in profile.actors
            for compiled in map(re.compile, actor.patterns)
        )
        self._context: ArticleContext | None = None
        self._changed_on: dict[tuple[bool, ...], PhraseIndex | None] = {}  # see `meaning_on`
        self.era_marks = tuple(
            (rule.after, PhraseIndex([_key(p) for p in rule.undated_after_if]))
            for rule, _, _ in self.rules
            if rule.after and rule.undated_after_if
        )

    def tag(
        self, sentence: str, article_text: str | ArticleContext = "", published: str | None = None
    ) -> tuple[str, ...]:
        """Actor ids the sentence names. Context rules look at `article_text` (the whole
        article) for their `requires_any`; without it, at the sentence alone; and at the
        article's publication date for their `after` and `before`."""
        return self.ordered(self.positions(sentence, article_text, published))

    @cached_property
    def time_bounded(self) -> bool:
        """Whether some alias means an actor only before or after a day."""
        return any(rule.after or rule.before for rule, _, _ in self.rules)

    @cached_property
    def bounded_aliases(self) -> PhraseIndex | None:
        """The aliases some day may read otherwise than an undated article does (every
        phrase of a rule bounded in time): the only ones `meaning_on` can give."""
        bounded = [
            phrase
            for phrase, hits in self.hits.items()
            if any(hit.rule is not None and self._bounded(hit.rule) for hit in hits)
        ]
        return PhraseIndex(bounded) if bounded else None

    def _bounded(self, rule: int) -> bool:
        found = self.rules[rule][0]
        return bool(found.after or found.before)

    def meaning_on(self, day: str) -> PhraseIndex | None:
        """The aliases that mean other actors in an article of `day` than in an undated
        one (in the `syria` profile, "the government" after Assad's fall), if any."""
        # Days alike for every rule's range share one answer (a briefing has a few ranges
        # and many days).
        ranges = tuple(rule.in_time(day) for rule, _, _ in self.rules)
        if ranges not in self._changed_on:
            changed = [
                phrase
                for phrase, hits in self.hits.items()
                if self._owners(hits, day) != self._owners(hits, None)
            ]
            self._changed_on[ranges] = PhraseIndex(changed) if changed else None
        return self._changed_on[ranges]

    def _owners(self, hits: Sequence[_Hit], day: str | None) -> frozenset[str]:
        """The actors a phrase may name in an article of `day` (None: undated), whatever
        the article's other words (see `positions`)."""
        return frozenset(
            hit.actor
            for hit in hits
            if hit.rule is None
            or (
                self.rules[hit.rule][0].in_time(day)
                and not (
                    day is None and self.rules[hit.rule][0].after and self._older_owner(hit, hits)
                )
            )
        )

    def ordered(self, actor_ids: Iterable[str]) -> tuple[str, ...]:
        """The actor ids in profile order."""
        return tuple(sorted(actor_ids, key=self.order.__getitem__))

    def positions(
        self,
        sentence: str,
        article_text: str | ArticleContext = "",
        published: str | None = None,
        others: frozenset[int] = frozenset(),
    ) -> dict[str, int]:
        """Actor id -> where the sentence first names it (a character offset). The article
        may come as its `context`, to be read once for many texts; `others`: the context
        rules whose phrases stand for another's here (see `others_named`)."""
        found: dict[str, int] = {}
        satisfied: frozenset[int] | None = None
        if len((published or "")[:10]) < 10 and self.era_marks:
            # An undated article's own words may say when it is from.
            published = self._context_of(article_text or sentence).era_day or published
        undated = len((published or "")[:10]) < 10
        for match in self.phrases.finditer(sentence):
            if match.phrase in self.country_words and _place_or_people(
                sentence, match.start, match.end
            ):
                continue
            if _hometown_before(sentence, match.start) or _era_before(sentence, match.start):
                continue
            hits = self.hits[match.phrase]
            for hit in hits:
                if hit.actor in found:
                    continue
                if hit.rule is None:
                    found[hit.actor] = match.start
                    continue
                if satisfied is None:
                    satisfied = self._context_of(article_text or sentence).satisfied
                rule, _, unless = self.rules[hit.rule]
                if (
                    hit.rule in satisfied
                    and rule.in_time(published)
                    and hit.rule not in others
                    and not (unless and unless.search(sentence))
                    and not (undated and rule.after and self._older_owner(hit, hits))
                ):
                    found[hit.actor] = match.start
        # Case-sensitive patterns ("IS" the group, not "is") mean nothing in an all-caps line.
        if has_lower_case(sentence):
            for actor, pattern, opening in self.patterns:
                named = opening in sentence and pattern.search(sentence)
                if named and named.start() < found.get(actor, len(sentence)):
                    found[actor] = named.start()
        return found

    def others_named(
        self, sentence: str, before: frozenset[int], rules: Iterable[int] | None = None
    ) -> frozenset[int]:
        """The context rules whose phrases stand for another's after this sentence, from
        `before` (those after the sentence before it): a rule's `unless` named last, and
        none of its `requires_any` since. "The Lebanese Army said ... . In a statement, the
        army said ...": the army is still Lebanon's, until a sentence names Israel's
        forces again. `rules`: the only rules that can (see `others_in`), else all."""
        others = set(before)
        for index in self._read_in_light if rules is None else rules:
            _, requires, unless = self.rules[index]
            if requires.search(sentence):
                others.discard(index)
            elif unless.search(sentence):
                others.add(index)
        return frozenset(others)

    def others_in(self, sentences: Iterable[str]) -> Iterator[frozenset[int]]:
        """The `others` each of an article's sentences (in reading order) is read with:
        those `others_named` leaves after the sentences before it."""
        texts = list(sentences)
        # A rule joins `others` only where its `unless` is named: the rules whose `unless`
        # the article never names are searched once in its whole text, not twice a sentence.
        whole = "\n".join(texts)
        rules = [i for i in self._read_in_light if self.rules[i][2].search(whole)]
        others: frozenset[int] = frozenset()
        for sentence in texts:
            yield others
            if rules:
                others = self.others_named(sentence, others, rules)

    @cached_property
    def _read_in_light(self) -> tuple[int, ...]:
        """The context rules an article's sentences are read in the light of: those with
        both `requires_any` and `unless` (a rule needing nothing of the article is not)."""
        return tuple(
            index
            for index, (_, requires, unless) in enumerate(self.rules)
            if requires is not None and unless is not None
        )

    def _older_owner(self, hit: _Hit, hits: Sequence[_Hit]) -> bool:
        """Whether another actor owned this phrase before `hit`'s rule starts: an undated
        article keeps the earlier meaning ("the government" is Assad's, not the one that
        followed him)."""
        return any(
            other.actor != hit.actor and (other.rule is None or not self.rules[other.rule][0].after)
            for other in hits
        )

    def context(self, article_text: str) -> ArticleContext:
        """What the context rules read of a whole article, worked out once for all its
        sentences (a caller tagging texts of many articles keeps one per article). The
        last one is remembered: a worker reads an article's context to tag it and again
        to send it on."""
        if self._context is None or self._context.text != article_text:
            self._context = ArticleContext(self, article_text)
        return self._context

    def _context_of(self, article: str | ArticleContext) -> ArticleContext:
        if isinstance(article, ArticleContext):
            return article
        # A whole article's sentences are tagged in a row: the last article is remembered.
        return self.context(article)


class ArticleContext:
    """An article as the tagger's context rules read it: the rules whose `requires_any`
    it meets, and the latest day its words show it is from (a rule's `after`, by its
    `undated_after_if`), if any. Each is worked out when first needed."""

    def __init__(self, tagger: ActorTagger, text: str) -> None:
        self.text = text
        self._tagger = tagger

    @cached_property
    def _folded(self) -> FoldedText:
        # Folded once, looked up by every rule.
        return folded(self.text)

    @cached_property
    def satisfied(self) -> frozenset[int]:
        return frozenset(
            n
            for n, (_, requires, _) in enumerate(self._tagger.rules)
            if requires is None or requires.search(self._folded)
        )

    @cached_property
    def era_day(self) -> str | None:
        days = [day for day, marks in self._tagger.era_marks if marks.search(self._folded)]
        return max(days, default=None)

    def settled(self) -> ArticleContext:
        """The same reading without the article's text: what it decides worked out now, small
        to keep for every article of a briefing or to send to another process."""
        settled = ArticleContext.__new__(ArticleContext)
        settled.__dict__.update(text="", satisfied=self.satisfied, era_day=self.era_day)
        return settled


# "fighting in Ukraine", "smuggled into Russia": a country as a place.
_PLACE_BEFORE = lazy_compile(
    r"\b(?:in|into|inside|across|throughout)\s+(?:(?:\w+ern|central|occupied)\s+)?$",
    re.IGNORECASE,
)
# "strikes in Syria and Iraq", "in Syria, Iraq or Lebanon": the places a list names after
# the first (lands' names: "in Syria and Iraqi forces ..." names the state).
_LISTED_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
_PLACES_LISTED_BEFORE = lazy_compile(
    rf"\b(?i:in|into|inside|across|throughout)\s+(?:{_LISTED_NAME},\s+){{0,2}}{_LISTED_NAME}"
    r"(?:,?\s+(?:and|or)\s+|,\s+)$"
)
# A list going on after a name ("in Syria, Iraq and Lebanon"): it is the list's.
_LIST_GOES_ON = lazy_compile(rf"(?:,\s+{_LISTED_NAME}){{0,2}},?\s+(?:and|or)\s+[A-Z]")
_LANDS = frozenset(land for country in COUNTRIES for land in country.lands)
# "Kryvyi Rih, the hometown of (Ukrainian) President Volodymyr Zelensky": the person
# names a place there, as a country does in "in Ukraine".
_HOMETOWN_BEFORE = lazy_compile(
    r"\b(?:home\s*town|birthplace|native\s+(?:city|town|village))\s+of\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’.-]*\s+){0,3}$"
)


def _era_before(sentence: str, start: int) -> bool:
    """Whether the name at `start` names a time, not its actor: "unrest in post-Assad
    Syria", "pre-Assad" (what came after or before them)."""
    return sentence[max(0, start - 5) : start].lower().endswith(ERA_PREFIXES)


# A name after one of these names a time, not its actor (any hyphen); `ERA_PREFIX` is
# the same as a pattern (panes' time references).
ERA_PREFIXES = tuple(f"{word}{dash}" for word in ("post", "pre") for dash in "-‐‑")
ERA_PREFIX = f"(?i:{'|'.join(ERA_PREFIXES)})"


# Every `_HOMETOWN_BEFORE` holds one of these words: they are found by the string methods,
# where the pattern (a \b first) is tried at each character of its window.
def _hometown_before(sentence: str, start: int) -> bool:
    """Whether the words before `start` make the name there a hometown's (see
    `_HOMETOWN_BEFORE`)."""
    window = max(0, start - 60)
    return (
        sentence.find("home", window, start) >= 0
        or sentence.find("birthplace", window, start) >= 0
        or sentence.find("native", window, start) >= 0
    ) and _HOMETOWN_BEFORE.search(sentence, window, start) is not None


# "in Sumy, Ukraine, ...": a town, then its country.
# "in Kryvyi Rih, central Ukraine.": with its part of the country.
_TOWN_BEFORE = lazy_compile(
    r"\b[A-Z][\w'’-]+,\s+(?:(?:\w+ern|central|north|south|east|west)(?:-\w+)?\s+)?$"
)
_CLAUSE_END_AFTER = lazy_compile(r"\s*(?:[,.;:)]|$)")
# "the Ukrainian city of Sumy", "near the Russian border", "into Russian territory";
# possessive, before a named place: "Israel's Sheba Medical Center", "Russia's Kursk region".
_PLACE_NOUN_AFTER = lazy_compile(
    r"(?:(?:['’]s|(?<=['’]s))(?:\s+(?:[A-Z][\w'’-]+|\w+ern)){0,3})?"
    r"\s+(?i:city|cities|town|towns|village|villages|capital|region|province|oblast|border|"
    r"borders|territory|soil|airspace|coast|coastline|port|countryside|hospital|"
    r"medical\s+cent(?:er|re))\b"
)
# "killed in Israeli attacks", "in Russian missile strikes", "in Israeli custody": the
# state's arms or hands, not a place.
_ATTACK_AFTER = lazy_compile(
    r"\s+(?:\w+\s+)?(?i:strikes?|air\s*strikes?|attacks?|shelling|bombardments?|bombings?|"
    r"raids?|fire|custody|captivity)\b"
)
_NOT_THE_STATE_AFTER = ("-based", "-flagged", "-owned", "-operated", "-registered")


# "One Russian crew member lost a leg", "a Filipino sailor": a demonym saying who a victim or
# a bystander is names no actor (an official, a soldier or a warship would).
_PERSON_AFTER = lazy_compile(
    r"[\s-]+(?:crew(?:\s*members?|men)?|sailors?|seafarers?|nationals?|citizens?|civilians?|"
    r"passengers?|tourists?|travell?ers?|victims?|hostages?|captives?|workers?|residents?|"
    r"migrants?|refugees?|famil(?:y|ies)|child(?:ren)?|wom[ae]n|m[ae]n|people|journalists?)\b"
)
# "five Filipinos and one Indian", "hundreds of Israelis gathered", "70,000 Israelis":
# people counted by their nationality (a count, not a year or a date's day: "In 2019, US
# forces", "2025-09-10 Poland", "Article 4, Polish ...").
_COUNT_BEFORE = lazy_compile(
    r"(?:(?<![\w,.-])(?!(?:19|20)\d\d\b)\d{1,3}(?:,\d{3})*|\b(?i:one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|millions|several|many|"
    r"some|fellow))(?:\s+of)?\s+$"
)
# What may follow a counted nationality: no noun ("one Indian, and ...", "one Indian.").
_NO_NOUN_AFTER = lazy_compile(r"\s*(?:[,.;:)\]—–]|and\b|or\b|$)")
# Countries' own names ending in "s" are no people's plural ("two US soldiers", "the
# Philippines").
_STATE_NAMES = frozenset(country.name.casefold() for country in COUNTRIES)


def arms_follow(text: str, end: int) -> bool:
    """Whether the words from `end` name a state's attacks or hands ("... attacks",
    "... missile strikes", "... custody") after its name ("Israeli")."""
    return _ATTACK_AFTER.match(text, end) is not None


def _people_named(text: str, start: int, end: int) -> bool:
    """Whether the country named at `start:end` qualifies people or what its firms own or
    its flag flies on, not the state: "a Britain-based monitor", "a Liberian-flagged,
    Greek-operated ship", a person noun after it, or a count before it with a plural or
    no noun after ("21 Filipinos", "one Indian.")."""
    if text.startswith(_NOT_THE_STATE_AFTER, end) or _PERSON_AFTER.match(text, end):
        return True
    plural = text[end - 1] == "s" and text[start:end].casefold() not in _STATE_NAMES
    return (plural or _NO_NOUN_AFTER.match(text, end) is not None) and (
        _COUNT_BEFORE.search(text, max(0, start - 40), start) is not None
    )


def _place_or_people(text: str, start: int, end: int) -> bool:
    """Whether the country's name or demonym at `start:end` is used as a place or for its
    people (see `_people_named`), not for the state, its forces or officials."""
    return _place(text, start, end) or _people_named(text, start, end)


def _place(text: str, start: int, end: int) -> bool:
    """Whether the country's name or demonym at `start:end` is used as a place ("in
    Ukraine", "near the Russian border", "in Syria and Iraq")."""
    before = text[max(0, start - 40) : start]
    if _PLACE_NOUN_AFTER.match(text, end):
        return True
    if _PLACE_BEFORE.search(before) and not arms_follow(text, end):
        return True
    name = text[start:end].removesuffix("'s").removesuffix("’s")
    listed = name in _LANDS and _PLACES_LISTED_BEFORE.search(before)
    if listed and (not listed.group().endswith(", ") or _LIST_GOES_ON.match(text, end)):
        return True
    town = _TOWN_BEFORE.search(before) is not None
    return town and _CLAUSE_END_AFTER.match(text, end) is not None


def _opening_text(pattern: re.Pattern[str]) -> str:
    """The text every match of a case-sensitive pattern opens with, past its look-arounds
    and word boundaries ("IS" of r"(?<!\bit )\bIS\b"), or "" when it has none (or the parser
    is not as expected). A sentence without it is not searched: a pattern opening with a
    look-behind is tried at every character (11 us a sentence for that one)."""
    if pattern.flags & re.IGNORECASE:
        return ""
    try:
        from re import _constants, _parser

        items = list(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001  (a private module: no screen rather than no tagging)
        return ""
    zero_width = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
    while items and items[0][0] in zero_width:
        items.pop(0)
    opening = ""
    for op, value in items:
        if op is not _constants.LITERAL:
            break
        opening += chr(value)
    return opening


def has_lower_case(text: str) -> bool:
    """Whether any letter is lower case (an all-caps line says nothing by its case). The
    string methods run in C: a generator over the characters cost a tenth of tagging."""
    return text != text.upper() and not text.isupper()


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _any_phrase(phrases: Sequence[str]) -> PhraseIndex | None:
    return PhraseIndex([_key(p) for p in phrases]) if phrases else None


@lru_cache(maxsize=8)
def compile_profile(profile: Profile) -> ActorTagger:
    """The tagger for a profile, compiled once per profile."""
    return ActorTagger(profile)


@dataclass(frozen=True)
class OtherActor:
    id: str  # "jordan", "united-nations"
    name: str
    mentions: int  # sentences naming it
    sentence_ids: tuple[str, ...]  # reading order


# Words that make a capitalised name an organisation that can act in a conflict.
_ORG_HEADS = frozenset(
    """Forces Force Army Front Brigade Brigades Movement Council Coalition Organization
    Organisation Observatory Nations Union Alliance Party Command Committee Agency Authority
    Guard Guards Corps Militia Militias Battalion Battalions Division Federation Group League
    Court Commission Mission Brotherhood Network Programme Program Fund
    Assembly Crescent Cross""".split()
)
# A title after an organisation's word makes the name a person's: "Army Secretary Dan
# Driscoll", "Party Leader ..." (the organisation, if any, is the words before the title).
_TITLES = frozenset(
    """Secretary Chief Minister Commander President Chairman Chairwoman Spokesman Spokeswoman
    Spokesperson Leader Director""".split()
)
# Organisations whose name has one of these words report the news: sources, not actors.
_NEWS_SOURCE_WORDS = frozenset(
    "Observatory Monitor News Press Agency Television TV Radio Broadcasting".split()
)
# International bodies usually named by acronym or a short name alone.
KNOWN_BODIES = {
    "Amnesty": "Amnesty International",
    "Amnesty International": "Amnesty International",
    "Human Rights Watch": "Human Rights Watch",
    "UN": "United Nations",
    "U.N.": "United Nations",
    "NATO": "NATO",
    "Nato": "NATO",
    "EU": "European Union",
    "AU": "African Union",
    "ICC": "International Criminal Court",
    "ICJ": "International Court of Justice",
    "IAEA": "International Atomic Energy Agency",
    "UNHCR": "UNHCR",
    "UNICEF": "UNICEF",
    "WFP": "World Food Programme",
    "WHO": "World Health Organization",
    "OCHA": "OCHA",
    "ICRC": "International Committee of the Red Cross",
    "IGAD": "IGAD",
    "ECOWAS": "ECOWAS",
    "OPEC": "OPEC",
    "OSCE": "OSCE",
    "ASEAN": "ASEAN",
    "GCC": "Gulf Cooperation Council",
    "OIC": "Organisation of Islamic Cooperation",
    "IMF": "International Monetary Fund",
}
# A national army named in full is the state itself: "Israel Defense Forces" is Israel.
_STATE_FORCES = (
    "Armed Forces",
    "Army",
    "Defense Forces",
    "Defence Forces",
    "Air Force",
    "Navy",
    "Security Forces",
)
_CAPITALISED = r"(?:[A-Z][\w'’.-]*|al-[A-Z][\w'’-]*)"
# What `organisations_in` finds holds one of these as written: a known body's name or a
# word of `_ORG_HEADS`. A text without any is not searched for names (nineteen sentences
# in twenty: the name pattern is tried at every capital).
_ORGANISATION_WORDS = lazy_compile(
    # longest first; words of one length in a fixed order, so that the pattern is the same
    # in every process (a set's order is not) and its program can be shipped (precompiled)
    "|".join(
        re.escape(w) for w in sorted(sorted({*KNOWN_BODIES, *_ORG_HEADS}), key=len, reverse=True)
    )
)
_ORG_NAME = lazy_compile(
    rf"(?P<name>{_CAPITALISED}(?:\s+(?:(?:of|for|the|and|al|el|de)\s+)*{_CAPITALISED})*)"
    r"(?:\s*\((?P<acronym>[A-Z]{2,6})\))?"
)
# A unit's number before its name: "22nd Infantry Division", "4th Armoured Division".
_ORDINAL_BEFORE = re.compile(r"\b\d+(?:st|nd|rd|th)\s+$")
# "Turkish-backed Syrian National Army": the modifier names a backer, not the organisation;
# an article opening the sentence ("A European Union naval mission") is no part of it.
_LEADING_MODIFIER = lazy_compile(
    r"^(?:(?:The|An?)\s+|\S+-(?:backed|led|based|aligned|allied|linked|affiliated|supported)\s+)+"
)
_OPENING_OF = lazy_compile(r"^(\w+)\s+of\s+(?:the\s+)?")
_POSSESSIVE = lazy_compile(r"['’]s$")
_SPACE = lazy_compile(r"\s")
# A continent or region before "America(n)" or "Sudan" names something else.
# The capital first and the look-behind after it: the search then skips to capitals (as
# one opening with the look-behind, tried at every character, does not) in half the time.
_CAPITALISED_LETTERS = lazy_compile(r"[A-Z](?<!\w[A-Z])[A-Za-z]*")
_LEADING_LETTERS = lazy_compile(r"[A-Za-z]+")
_REGION_PREFIX = r"(?<!Latin )(?<!South )(?<!North )(?<!Central )(?<!Native )"
# What stands before every name of a group (see `_OtherMatcher.group_match`).
_GROUP_PREFIX = lazy_compile(rf"(?<!\w){_REGION_PREFIX}")


@dataclass(frozen=True)
class _GroupName:
    """A country's name or capital as `_OtherMatcher` finds it: what its pattern's source
    (the name's words as written, any whitespace between them, then `end`) matches."""

    words: tuple[str, ...]  # as written
    end: re.Pattern[str]  # what stands after the last word
    country: Country


# What stands after a name's last word and after a capital's (see `_GroupName`).
_NAME_END = lazy_compile(PHRASE_END)
_CAPITAL_END = lazy_compile(CAPITAL_END)
_SPACES = lazy_compile(r"\s+")


def _name_match(name: _GroupName, text: str, start: int) -> int | None:
    """Where the name's pattern matches at `start` ends, or None: its words found by the
    string methods, what is after them by the shared pattern of its end (one pattern a
    name, compiled when first met, cost a worker more than the matching)."""
    at = start
    for n, word in enumerate(name.words):
        if n:
            # A word holds no whitespace: the run of it before the word is all given back.
            space = _SPACES.match(text, at)
            if space is None:
                return None
            at = space.end()
        if not text.startswith(word, at):
            return None
        at += len(word)
    end = name.end.match(text, at)
    return None if end is None else end.end()


class _OtherMatcher:
    """Finds countries and organisations a profile does not cover, in one sentence."""

    def __init__(self, profile: Profile) -> None:
        self.tagger = compile_profile(profile)
        theatre = {t.lower() for t in profile.theatre}
        self.covered: set[str] = set()  # country ids the profile already has
        # Regex sources of the names not covered, grouped by the letters they start with:
        # "Guinea" and "Guinea-Bissau" share a group, "Niger" and "Nigeria" do not.
        self.groups: dict[str, dict[str, Country]] = {}
        self._names: dict[str, _GroupName] = {}  # by its pattern's source
        for country in COUNTRIES:
            if theatre & {n.lower() for n in country.names} or any(
                self.tagger.tag(name) for name in country.names
            ):
                self.covered.add(country.id)
                continue
            for name in country.names:
                self._add(name, phrase_body(name), _NAME_END, country)
            for capital in country.capitals:
                self._add(capital, capital_regex(capital), _CAPITAL_END, country)
        # A group's names in the order they are tried, when a text first needs them.
        self._ordered: dict[str, list[_GroupName]] = {}
        # Every capitalised run of letters that `countries_in` tries some group's names at:
        # a key, or a key with the plural it takes off ("s", or a letter and "s").
        self._openings = frozenset(
            form
            for key in self.groups
            for form in (key, f"{key}s", *(f"{key}{letter}s" for letter in ascii_letters))
        )
        self.state_forces = {
            f"{name} {forces}": country.id
            for country in COUNTRIES
            for name in country.names
            for forces in _STATE_FORCES
        }
        # `sentence_names` of a text: a wire story's sentences recur across outlets word
        # for word; most of a corpus's do not, and what most name is nothing (one shared
        # value), so remembering them weighs little.
        self.names = lru_cache(maxsize=16_384)(partial(_sentence_names, self))

    def _add(self, name: str, source: str, end: re.Pattern[str], country: Country) -> None:
        letters = _LEADING_LETTERS.match(name)
        if letters:
            self.groups.setdefault(letters.group(), {})[source] = country
            # Every word of the name is in what its source matches, as written.
            self._names[source] = _GroupName(tuple(name.split()), end, country)

    def group_match(self, key: str, text: str, start: int) -> tuple[Country, int] | None:
        """The country of the first of the names starting with `key` (longest first) that
        the case-sensitive patterns ("Turkey" the state, not "turkey"; "US", not "us") find
        at `start`, and where it ends; None if none does. A name is tried only where the
        text holds its every word."""
        if _GROUP_PREFIX.match(text, start) is None:
            return None
        for name in self._ordered.get(key) or self._order(key):
            if not all(word in text for word in name.words):
                continue
            end = _name_match(name, text, start)
            if end is not None:
                return name.country, end
        return None

    def _order(self, key: str) -> list[_GroupName]:
        group = self.groups[key]
        # Longest source first, as the names' alternation tried them.
        self._ordered[key] = [
            self._names[source] for source in sorted(group, key=len, reverse=True)
        ]
        return self._ordered[key]

    def countries_in(self, text: str, runs: Sequence[str]) -> list[tuple[Country, bool]]:
        """Each country named, in order, and whether it is named there as a place (see
        `_place`). `runs`: the text's `_CAPITALISED_LETTERS` matches, in order."""
        # Most sentences name no country the profile leaves out: their capitals are read at
        # once (no match object and no Python step for each).
        if self._openings.isdisjoint(runs):
            return []
        found = []
        end = 0
        after_last = 0  # where the last run tried ends
        # Only the runs some group's names are tried at are found again, by the string
        # methods (the others try none: see `_openings`), where a second pass of the pattern
        # made a match object for every capitalised word.
        for letters in filter(self._openings.__contains__, runs):
            start = _capitalised_run(text, letters, after_last)
            after_last = start + len(letters)
            if start < end:
                continue
            # Names may take a plural, as their patterns allow: "Iraqis" starts like "Iraqi".
            plurals = (letters[:-1], letters[:-2]) if letters.endswith("s") else ()
            for key in (letters, *plurals):
                if key not in self.groups:
                    continue
                named = self.group_match(key, text, start)
                if named:
                    country, end = named
                    if not _people_named(text, start, end):
                        found.append((country, _place(text, start, end)))
                    break
        return found

    def organisations_in(self, text: str) -> list[tuple[str, str | None]]:
        """(name, acronym defined in brackets) for each organisation named in the text."""
        if _ORGANISATION_WORDS.search(text) is None:
            return []
        found = []
        for match in _ORG_NAME.finditer(text):
            name = match.group("name")
            if not _SPACE.search(name):
                # One word (most matches: "Syria", "He"): only a known body's name counts.
                body = KNOWN_BODIES.get(_POSSESSIVE.sub("", name))
                if body is not None:
                    found.append((body, None))
                continue
            if _ORDINAL_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue  # "the army's 22nd Infantry Division": a unit of a force, no actor
            name = _LEADING_MODIFIER.sub("", name)
            # "Fighters of the Syrian National Army ...": a sentence's first word is
            # capitalised whatever it is.
            opening = _OPENING_OF.match(name) if match.start() == 0 else None
            if opening and opening.group(1) not in _ORG_HEADS:
                name = name[opening.end() :]
            name = _POSSESSIVE.sub("", name)
            words = name.split()
            titled = next((at for at, w in enumerate(words) if w in _TITLES), None)
            if titled is not None and _ORG_HEADS.intersection(words[:titled]):
                words = words[:titled]
                name = " ".join(words)
            if name in KNOWN_BODIES:
                found.append((KNOWN_BODIES[name], None))
            elif _NEWS_SOURCE_WORDS.intersection(words):
                continue  # a monitor or a news outlet reports; it is a source, not an actor
            elif len(words) >= 2 and _ORG_HEADS.intersection(words):
                acronym = match.group("acronym")
                # "United Nations Children’s Fund (UNICEF)" is the known body "UNICEF"
                # names elsewhere: one actor, not two.
                found.append((KNOWN_BODIES.get(acronym or "", name), acronym))
        return found


def _capitalised_run(text: str, letters: str, at: int) -> int:
    """Where the first `_CAPITALISED_LETTERS` match that is `letters` (one the text holds at
    or past `at`) starts: an occurrence with no word character before it (the capital
    opens a word) and no ASCII letter after it (the run is whole)."""
    start = text.find(letters, at)
    while True:
        before, after = (
            text[start - 1 : start],
            text[start + len(letters) : start + len(letters) + 1],
        )
        if not (before.isalnum() or before == "_") and not (after.isascii() and after.isalpha()):
            return start
        start = text.find(letters, start + 1)


def initials(name: str) -> str:
    """A name's initials, its capitalised words' first letters but for "The" and "Al"
    ("The Rapid Support Forces" -> "RSF")."""
    return "".join(w[0] for w in name.split() if w[0].isupper() and w not in ("The", "Al"))


@lru_cache(maxsize=8)
def _matcher_for(profile: Profile) -> _OtherMatcher:
    return _OtherMatcher(profile)


# The last profile asked for and its matcher, found by identity: looking a profile up in
# the cache hashes all of it (every actor's aliases, ~10 us), and it is asked for once a
# sentence.
_last_matcher: tuple[Profile, _OtherMatcher] | None = None


def _other_matcher(profile: Profile) -> _OtherMatcher:
    global _last_matcher
    last = _last_matcher
    if last is None or last[0] is not profile:
        last = _last_matcher = (profile, _matcher_for(profile))
    return last[1]


@dataclass(frozen=True)
class SentenceNames:
    """What one sentence names that may be an actor outside the profile: worked out for
    each sentence alone (where its article is processed), joined by `find_other_actors`."""

    countries: tuple[str, ...]  # ids of the countries not covered, in the order named
    organisations: tuple[str, ...]  # names of organisations
    # (acronym, name) pairs it defines, in the order they hold: "Rapid Support Forces
    # (RSF)" defines "RSF", and an organisation's initials stand for it.
    defines: tuple[tuple[str, str], ...]
    acronyms: tuple[str, ...]  # capitalised short words an acronym defined anywhere may be
    # People it names by an armed role: "Hezbollah's chief of staff Ali Tabatabai",
    # "Haytham Ali Tabatabai, Hezbollah's chief of staff" (full names).
    commanders: tuple[str, ...] = ()
    # People it names as speaking for fighters ("army spokesman Brigadier General ..."),
    # whatever rank another sentence gives them: never commanders.
    spokespeople: tuple[str, ...] = ()
    # Ids of the countries it names only as a place ("strikes in Syria and Iraq").
    places: tuple[str, ...] = ()


_ACRONYM = lazy_compile(r"[A-Z](?<!\w[A-Z])[A-Z]{1,5}\b")  # a whole word (see _CAPITALISED_LETTERS)
_SECOND_LETTER = itemgetter(slice(1, 2))
_COUNTRY_NAMES = {country.id: country.name for country in COUNTRIES}


def sentence_names(text: str, profile: Profile) -> SentenceNames | None:
    """What `text` names for `find_other_actors`; None for an all-caps line (headlines and
    page furniture, where case says nothing) and for a text naming nothing it counts (most
    sentences: `find_other_actors` passes them over at once)."""
    return _other_matcher(profile).names(text)


def _sentence_names(matcher: _OtherMatcher, text: str) -> SentenceNames | None:
    """See `sentence_names`."""
    if not has_lower_case(text):
        return None
    runs = _CAPITALISED_LETTERS.findall(text)
    named = matcher.countries_in(text, runs)
    countries = tuple(country.id for country, _ in named)
    acting = {country.id for country, place in named if not place}
    places = tuple(dict.fromkeys(c for c in countries if c not in acting))
    orgs = matcher.organisations_in(text)
    # An acronym is one of those runs whole: a text without a run whose second letter is a
    # capital too (most sentences) is not searched (told in C, where the pattern is tried at
    # every character).
    may_hold_acronym = any(map(str.isupper, map(_SECOND_LETTER, runs)))
    acronyms = tuple(_ACRONYM.findall(text)) if may_hold_acronym else ()
    commanders, spokespeople = commanders_in(text)
    if not (countries or orgs or acronyms or commanders or spokespeople):
        return None
    defines = [(acronym, name) for name, acronym in orgs if acronym]
    defines += [(initials(name), name) for name, _ in orgs if len(initials(name)) > 1]
    return SentenceNames(
        countries,
        tuple(name for name, _ in orgs),
        tuple(defines),
        acronyms,
        commanders,
        spokespeople,
        places,
    )


# An armed role: who commands fighters, not who speaks for them or reports.
_ROLE = (
    r"(?:commander|chief[\s-]of[\s-]staff|military\s+chief|warlord"
    r"|(?<![\w-])(?<!Secretary )(?<!Director )(?<!Attorney )(?:Gen\.|General)|Colonel|Col\.)"
)
_ARMED_ROLE = (
    r"(?:(?:military|field|top|senior|militia|deputy)\s+)?"
    rf"(?:(?:Maj\.?|Major|Brig\.?|Brigadier|Lt\.?|Lieutenant)\s+)?{_ROLE}"
)
# A person's name: two to four capitalised words ("Haytham Ali Tabatabai", "Abu Mohammed
# al-Golani"); a particle may join them.
_PERSON = r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:(?:al|el|bin|ibn|abu)[-\s])?[A-Z][\w'’-]+){1,3})"
_ROLE_THEN_NAME = lazy_compile(rf"(?i:\b{_ROLE}),?\s+{_PERSON}")
_NAME_THEN_ROLE = lazy_compile(
    rf"{_PERSON},\s+(?:(?:the|a|an|its|their|[A-Z][\w'’-]+|[\w'’-]+['’]s)\s+){{1,3}}"
    rf"(?i:{_ARMED_ROLE})\b"
)


def commanders_in(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The full names of people the text names by an armed role, and of those of them it
    names as spokespeople (see `SentenceNames`)."""
    commanders: list[str] = []
    spokespeople: list[str] = []
    for word in _ROLE_WORDS:
        if word in text:
            break
    else:
        return (), ()  # (most sentences: the patterns are slow to try at every place)
    for pattern in (_ROLE_THEN_NAME, _NAME_THEN_ROLE):
        for match in pattern.finditer(text):
            name = _POSSESSIVE.sub("", match.group("name"))
            words = name.split()
            # A name, not an organisation ("General Security Service"), nor a sentence's
            # opening phrase ("On Thursday, Kyiv military chief ...").
            if (
                _ORG_HEADS.intersection(words)
                or _NOT_A_PERSON.intersection(words)
                or words[0] in _OPENING_NOT_A_NAME
                or _DAYS_AND_MONTHS.intersection(words)
            ):
                continue
            speaks = _SPOKESMAN.search(text, max(0, match.start() - 30), match.end())
            (spokespeople if speaks else commanders).append(name)
    return tuple(dict.fromkeys(commanders)), tuple(dict.fromkeys(spokespeople))


# What every `_ROLE` holds, one of (its first letter may be a capital).
_ROLE_WORDS = ("ommander", "hief", "eneral", "Gen.", "olonel", "Col.", "arlord")
_SPOKESMAN = lazy_compile(r"\bspokes(?:man|woman|person)\b", re.IGNORECASE)
# Words that end a person's name: what follows is not part of it ("General Staff").
_NOT_A_PERSON = frozenset(
    """Staff Security Command Headquarters Ministry Service Services Directorate Office
    Assembly Secretary Intelligence""".split()
)


# Capitalised words that open a sentence's phrase, never a person's name.
_OPENING_NOT_A_NAME = frozenset(
    "On In At By For From Since After Before During Last Earlier Later Meanwhile The A An".split()
)
_DAYS_AND_MONTHS = frozenset((*calendar.day_name, *calendar.month_name[1:]))


def _commanders(
    found: Sequence[tuple[str, SentenceNames]],
    sentences: Sequence[tuple[str, str]],
    matcher: _OtherMatcher,
) -> dict[str, list[str]]:
    """Full name -> the sentences naming each person outside the profile that some
    sentence names by an armed role: the sentences naming them so, and, in an article
    that does, those naming them by their last name ("Tabatabai")."""
    longest: dict[str, str] = {}  # last name -> the fullest name it was given
    introduced: dict[str, set[str]] = {}  # last name -> the articles naming the role
    speaking = {name.split()[-1] for _, named_here in found for name in named_here.spokespeople}
    for sentence_id, named_here in found:
        for name in named_here.commanders:
            if name.split()[-1] in speaking:
                continue
            if matcher.tagger.tag(name):
                continue  # the profile's own ("Hezbollah chief Hassan Nasrallah")
            last = name.split()[-1]
            if len(name) > len(longest.get(last, "")):
                longest[last] = name
            introduced.setdefault(last, set()).add(sentence_id.partition(".")[0])
    if not longest:
        return {}
    # A last name spelt another way by other outlets is one person's ("Saad", "Saed"): the
    # spelling more articles introduce names them all.
    spelt = sorted(introduced, key=lambda last: (-len(introduced[last]), last))
    person = {last: next(s for s in spelt if _one_vowel_apart(s, last)) for last in spelt}
    # Article id -> the last names to look for in it, each with its pattern.
    wanted: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for last, articles in introduced.items():
        pattern = re.compile(rf"\b{re.escape(last)}\b")
        for article in articles:
            wanted.setdefault(article, []).append((last, pattern))
    named: dict[str, list[str]] = {}
    for sentence_id, text in sentences:
        for last, pattern in wanted.get(sentence_id.partition(".")[0], ()):
            if pattern.search(text):
                named.setdefault(longest[person[last]], []).append(sentence_id)
    return named


_VOWELS = frozenset("aeiou")


def _one_vowel_apart(one: str, other: str) -> bool:
    """Whether two last names are one spelt the same or with one vowel after its first
    letter another ("Saad", "Saed"; not "Hassan", "Hussein")."""
    if len(one) != len(other) or one[:1] != other[:1]:
        return False
    apart = [(a, b) for a, b in zip(one, other, strict=True) if a != b]
    return not apart or (len(apart) == 1 and set(apart[0]) <= _VOWELS)


def find_other_actors(
    sentences: Sequence[tuple[str, str]],
    profile: Profile,
    *,
    limit: int = 8,
    min_mentions: int = 2,
    known: Mapping[str, SentenceNames | None] | None = None,
) -> list[OtherActor]:
    """States and organisations the profile does not cover, named in at least
    `min_mentions` sentences, most named first. `sentences` are (sentence id, text) pairs;
    `known`: their `sentence_names` already worked out, by sentence id."""
    matcher = _other_matcher(profile)
    known = known or {}
    names: dict[str, str] = {}
    found: list[tuple[str, SentenceNames]] = []
    acronyms: dict[str, str] = {}  # "RSF" -> "Rapid Support Forces", defined in brackets
    for sentence_id, text in sentences:
        named_here = known[sentence_id] if sentence_id in known else sentence_names(text, profile)
        if named_here is None:
            continue
        for country_id in named_here.countries:
            names[country_id] = _COUNTRY_NAMES[country_id]
        # "Syrian National Army" is also "SNA" where nobody spells it out.
        acronyms.update(named_here.defines)
        found.append((sentence_id, named_here))
    named: dict[str, list[str]] = {}
    untagged: dict[str, bool] = {}  # organisation name -> whether no profile actor has it
    # how often each spelling names an organisation: its commonest is its name, not the
    # first met ("Kurdistan Workers’ Party" of five pages over one page's "Workersʼ")
    spellings: dict[str, Counter[str]] = {}
    # A country every sentence names only as a place is no actor (its sentences still
    # count for one that acts somewhere).
    places: set[str] = set()
    acts: set[str] = set()
    for sentence_id, named_here in found:
        places.update(named_here.places)
        ids = list(named_here.countries)
        # An acronym defined once ("Rapid Support Forces (RSF)") names the body everywhere.
        org_names = [*named_here.organisations]
        org_names += [acronyms[w] for w in named_here.acronyms if w in acronyms]
        for name in dict.fromkeys(org_names):  # a spelling counts once a sentence
            if name in matcher.state_forces:
                state = matcher.state_forces[name]
                if state not in matcher.covered:
                    ids.append(state)
                continue
            if name not in untagged:
                untagged[name] = not matcher.tagger.tag(name)
            if untagged[name]:
                ids.append(slug(name))
                spellings.setdefault(slug(name), Counter())[name] += 1
        for actor_id in dict.fromkeys(ids):
            named.setdefault(actor_id, []).append(sentence_id)
        acts.update(c for c in named_here.countries if c not in named_here.places)
        acts.update(ids[len(named_here.countries) :])  # its forces, bodies, commanders
    for actor_id, counts in spellings.items():
        names.setdefault(actor_id, counts.most_common(1)[0][0])
    for person, sentence_ids in _commanders(found, sentences, matcher).items():
        names[slug(person)] = person
        named[slug(person)] = sentence_ids
    ranked = sorted(named.items(), key=lambda item: -len(item[1]))
    return [
        OtherActor(actor_id, names[actor_id], len(ids), tuple(ids))
        for actor_id, ids in ranked
        if len(ids) >= min_mentions and (actor_id in acts or actor_id not in places)
    ][:limit]
