"""Which pane a line goes to: the actor it is about, not every actor it names.

A line is about the actor of its main clause's subject ("Iran will send missiles ...") or
of the agent set off after it ("A drone strike, attributed to the RSF, hit ...");
failing that, the speaker's actor ("the Sudanese army said ..."; first for a quotation,
whose words are the speaker's, and for what a subject did not do: "Israel did not notify
Washington, a US official said"); failing that, the first actor its event names (who is
acted upon). The other actors it names are links
("also: Iran"), so no line stands in two panes. An actor named only as who underwent a past
change that dates the news ("... after the fall of Assad") is a link too; a line naming no
one else goes to its pane only on the change's news days.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from briefing.annotate import AnnotatedArticle, Sentence
from briefing.annotate.actors import (
    ERA_PREFIX,
    ERA_PREFIXES,
    ActorTagger,
    ArticleContext,
    arms_follow,
)
from briefing.annotate.coreference import REFERRING_NOUN
from briefing.annotate.phrase_index import Screened
from briefing.extract import Article
from briefing.model.clauses import (
    main_clause_opening,
    main_clause_passive,
    main_verb,
    subject_end,
    verb_done,
)
from briefing.profile import GONE_WORDS

# "Iran-backed Hezbollah": the backer is named, the line is about who it backs; "the
# army-held city of el-Obeid": the holder names a place, where the line happens.
_BACKER = re.compile(
    r"[\w'’ .-]*?-(?:backed|aligned|allied|supported|based|funded|armed|held|controlled)\b"
)
# "Hezbollah's other ally Iran condemned ...": the owner of a relation is named, the line is
# about who stands in it.
_RELATION_OWNER = re.compile(
    r"[\w'’ .-]*?['’]s\s+(?:(?:other|main|key|closest|close|chief|staunch|longtime|regional)\s+)?"
    r"(?:ally|allies|partner|partners|backer|backers|patron|sponsor|neighbou?r|rival|foe|enemy)"
    r"\s+(?=[A-Z])"
)
# "by" right before a mention: the agent of a passive.
_AGENT = re.compile(r"\bby\s+(?:the\s+)?$")
# A participle set off after the subject names who did what the subject tells: "A drone
# strike, attributed to Sudan's paramilitary Rapid Support Forces, hit a mosque" (the RSF
# act; the speaker of "according to ... the Sudanese army" only tells it).
_SET_OFF_AGENT = re.compile(
    r"[^,]{1,80},\s+\w+ed(?:\s+out)?\s+(?:by|to|on)\s+(?P<agent>[^,]{2,80}),"
)
# "in" or "during" before a mention whose attacks follow: "killed in Israeli attacks".
_MEANS = re.compile(r"\b(?:in|during|under)\s+(?:an?\s+|the\s+)?$")
_NAME_END = re.compile(r"[\w'’-]+")
# A past change that dates the news ("His leadership follows the resignation of President
# Assad", "the country's future after Bashar al-Assad's overthrow", "factions refusing to
# disarm post-Assad", "the militias that overthrew Assad"): who underwent it is named as a
# time reference, not as what the line is about. Group "who" is that actor's name.
_CHANGE = (
    r"(?:fall|downfall|ouster|ousting|overthrow|toppling|resignation|collapse|flight|death"
    r"|killing|assassination|removal|departure|demise|exile)"
)
# (A change's anniversary dates the day by it too: "marking the first anniversary of the
# fall of the Assad regime".)
_SINCE = (
    r"(?i:after|following|follows|followed|since|in\s+the\s+wake\s+of"
    r"|(?:[a-z]+\s+)?anniversary\s+of)"
)
# Changes a regime or a leader undergoes at another's hands ("the rebels who toppled ...").
_PAST_CHANGE = r"(?:toppled|ousted|overthrew|overthrown|deposed|unseated)"
# The same done, as a gerund after "after": "Syria's first elections, after ousting Assad".
_CHANGING = r"(?:toppling|ousting|overthrowing|deposing|unseating)"
# A regime told as gone, as a period: "sanctions imposed during the former Assad regime".
_GONE = rf"(?:{'|'.join(GONE_WORDS)})"
# A name: a few capitalised words ("al-Assad" too; "Hezbollah leader Hassan Nasrallah"),
# after up to three others ("the", "former President", "longtime autocratic leader"), with
# the regime or rule it heads
# ("Bashar Assad's regime").
_CAPITAL = r"(?:[a-z]{1,3}-)?[A-Z](?:[\w'’-]|\.(?=\w))*"
_TITLE = r"(?:leader|chief|commander|head|founder|president|minister|spokesman)"
_NAME = (
    rf"(?:[a-z-]+\s+){{0,3}}?{_CAPITAL}(?:\s+(?:{_TITLE}\s+)?{_CAPITAL}){{0,3}}"
    r"(?:\s+(?:regime|government|rule|family))?"
)
_TIME_REFERENCE = re.compile(
    rf"\b{_SINCE}\s+(?:the\s+|a\s+)?(?:[a-z]+\s+){{0,2}}?{_CHANGE}\s+of\s+(?P<who>{_NAME})"
    rf"|\b{_SINCE}\s+(?:the\s+)?(?P<owner>(?:[a-z-]+\s+){{0,2}}?{_CAPITAL}(?:\s+{_CAPITAL}){{0,3}}"
    rf"['’]s?)\s+(?:[a-z]+\s+){{0,2}}?{_CHANGE}\b"
    rf"|\b{ERA_PREFIX}(?P<post>{_CAPITAL})"  # "Post-Assad" in a headline too
    rf"|\b(?:{_SINCE}|who|that|which)\s+(?:[^,.;]{{1,60}}?\s+)?(?:had\s+|have\s+)?"
    rf"{_PAST_CHANGE}\s+(?P<object>{_NAME})"
    rf"|\b{_SINCE}\s+(?:the\s+)?(?P<subject>{_NAME})\s+"
    rf"(?:(?:was|were|had\s+been)\s+{_PAST_CHANGE}|fled|fell|resigned)\b"
    rf"|\b{_SINCE}\s+{_CHANGING}\s+(?P<changed>{_NAME})"
    # "the operations that ended Assad's rule": a rule ended, not its ruler acting.
    rf"|\b(?:who|that|which)\s+(?:[^,.;]{{1,60}}?\s+)?ended\s+(?:the\s+)?"
    rf"(?P<ended>{_CAPITAL}(?:\s+{_CAPITAL}){{0,3}}(?:['’]s)?\s+(?:rule|regime|reign))\b"
    rf"|\b(?:during|under)\s+(?:the\s+)?{_GONE}\s+(?P<gone>{_NAME})"
    # "the Assad era", "Assad's era", "the Assad regime era": a period named after whom it
    # is over for.
    rf"|\b(?P<era>{_CAPITAL})(?:['’]s)?\s+(?:regime\s+|government\s+|rule\s+)?era\b"
)
_WHO_GROUPS = ("who", "owner", "post", "object", "subject", "changed", "ended", "gone", "era")
# Every time reference holds one of these words, ignoring case: most texts need no search
# (searched for, the alternation was a twentieth of the model stage's time).
_CHANGE_WORDS = (
    *ERA_PREFIXES,
    *"toppl oust overth depos fall fell fled flight resign collapse death killing".split(),
    *"assassin removal departure demise exile unseat former previous era ended".split(),
)
_CHANGE_HINT = Screened(
    re.compile("|".join(map(re.escape, _CHANGE_WORDS)), re.IGNORECASE), _CHANGE_WORDS
)
# Where a text of a sentence (all or part of it) names each pane's actor: pane id ->
# character offset of its first mention. Its article's date and text, and the sentences
# before it, decide what "the government" and "the army" are.
Mentions = Callable[[str, Sentence], dict[str, int]]
Named = Callable[[str], dict[str, int]]
# "He said he had spoken to ...": a pronoun subject, whose actor the tagger carried over.
_PRONOUN_SUBJECT = re.compile(rf"^[\"“‘']?\s*(?:He|She|They|It|We|{REFERRING_NOUN})\b")
# A line opening with a quotation: the words are the speaker's ("'Hassan Nasrallah is
# dead,' military spokesman Nadav Shoshani announced"), so the speaker acts.
_QUOTED = re.compile(r"^\W{0,2}[\"“‘]")
# 'Khamenei said Israel "has prepared a bitter fate for itself"': the predicate opens a
# quotation, its words the speaker's as a line opening with one (the quote mark on the
# word before the main verb, or on the verb).
_QUOTED_PREDICATE = re.compile(r"\s[\"“‘](?:[\w'’-]+\s+)?$")
# '"...," he said': the speaker is a pronoun, whose actor the tagger carried over.
_PRONOUN = re.compile(r"(?i:he|she|they|it|we)")


@dataclass(frozen=True)
class PaneActor:
    """A pane before its lines are chosen."""

    id: str
    name: str
    colour: str
    sentence_ids: tuple[str, ...]  # every sentence naming the actor, reading order
    length: int  # summary sentences


def mentions_of(
    tagger: ActorTagger,
    articles: Mapping[str, AnnotatedArticle],
    others: Sequence[PaneActor],
    settled: Mapping[int, ArticleContext] | None = None,
    days: Mapping[int, str] | None = None,
) -> Mentions:
    """Where a text names the profile's actors (by the profile's rules, as the annotation
    read its sentence) and the other actors (by name). `articles`: the annotated articles
    by id; `settled`: articles' contexts already worked out, by id(article); `days`: the
    day an undated article's aliases bounded in time are read against, by id(article) (see
    `Index.tagging_days`)."""
    days = days or {}
    names = [
        (other.id, other.name, re.compile(rf"\b{re.escape(other.name)}\b")) for other in others
    ]
    # id(article) -> the article as the tagger's context rules read it, read once.
    contexts: dict[int, ArticleContext] = dict(settled or {})
    # Sentence id -> the context rules whose phrases stand for another's in it (see
    # `ActorTagger.others_named`), worked out for a whole article when first asked for.
    read_with: dict[str, frozenset[int]] = {}
    # (text, article id, those rules) -> what it names: deciding a line's pane and its
    # subject read the same openings and events again.
    known: dict[tuple[str, str, frozenset[int]], dict[str, int]] = {}

    def mentions(text: str, sentence: Sentence) -> dict[str, int]:
        if sentence.id not in read_with:
            sentences = articles[sentence.article_id].sentences
            ids = (s.id for s in sentences)
            read_with.update(zip(ids, tagger.others_in(s.text for s in sentences), strict=True))
        key = (text, sentence.article_id, read_with[sentence.id])
        found = known.get(key)
        if found is None:
            found = known[key] = _mentions(text, articles[sentence.article_id].article, key[2])
        return dict(found)

    def _mentions(text: str, article: Article, others: frozenset[int]) -> dict[str, int]:
        context = contexts.get(id(article))
        if context is None:
            context = contexts[id(article)] = tagger.context(
                "\n".join(block.text for block in article.blocks)
            )
        found = tagger.positions(text, context, days.get(id(article), article.published), others)
        for actor_id, name, pattern in names:
            # (a name not in the text at all needs no search: most are not)
            named = name in text and pattern.search(text)
            if named:
                found[actor_id] = named.start()
        return found

    return mentions


class Depth(Enum):
    """How far `named_actor` reads a line: who acts first (the subject; a passive's agent
    or, failing one, its speaker; a quotation's speaker), then also who speaks, then also
    who is acted upon."""

    ACTS = 1
    SPEAKS = 2
    ACTED_UPON = 3


def line_actor(event: str, speaker: str | None, candidates: Sequence[str], mentions: Named) -> str:
    """The one pane among `candidates` (the panes whose actor the line names or, for a
    pronoun, refers to; in pane order) that the line is about."""
    return named_actor(event, speaker, candidates, mentions) or candidates[0]


def named_actor(
    event: str,
    speaker: str | None,
    candidates: Sequence[str],
    mentions: Named,
    depth: Depth = Depth.ACTED_UPON,
) -> str | None:
    """The pane among `candidates` the line is about, by what its own words name: the
    subject, else the speaker, else the first actor its event names, as far as `depth`
    goes; None when its words name none of them (the actor was tagged from another
    sentence). An actor named only as who underwent a past change that dates the news
    ("after the fall of Assad") is not what the line is about (see `past_changes`)."""
    named_anywhere = mentions

    def mentions(text: str) -> dict[str, int]:
        return named_anywhere(without_brokers(without_past_changes(text)))

    subject = main_clause_opening(event)
    quoted = bool(
        speaker
        and (
            _QUOTED.match(event)
            or _QUOTED_PREDICATE.search(subject, 0, subject_end(subject)) is not None
        )
    )
    # ('"We ... condemn the aggression ...," Hamas said': a pronoun inside a quotation is its
    # speaker, when the speaker names a candidate.)
    speaks = (
        quoted and _QUOTED.match(event) and any(a in candidates for a in mentions(speaker or ""))
    )
    if (_PRONOUN_SUBJECT.match(subject) and not speaks) or (
        quoted and _PRONOUN.fullmatch(speaker or "")
    ):
        named = named_anywhere(event)  # (a changed actor is named, not referred to)
        referred = [a for a in candidates if a not in named]
        if referred:
            return referred[0]
    passive = main_clause_passive(event)
    by_subject = (subject, subject_mentions(subject, mentions))
    told = (speaker or "", mentions(speaker or ""))
    # In a passive whose verb is found ("Nasrallah was killed in a strike on Beirut, the
    # Israeli military said"), who is acted upon neither acts nor speaks: the agent of its
    # main clause ("were released by Hamas"), then the speaker's actor, come first.
    clause = _main_clause(event, subject)
    # How many of the steps tell who acts: in a passive, its agent and its speaker.
    acting = 1
    if passive and _told_in_passive(event):
        steps = ((clause, _agents(clause, mentions(clause))), told, by_subject)
        acting = 2
    elif quoted or (speaker and _negated(event)):
        steps = (told, by_subject)
    else:
        steps = (by_subject, (event, _set_off_agents(event, subject, mentions)), told)
        acting = 2
    steps = (*steps, (event, mentions(event)))
    upto = {Depth.ACTS: acting, Depth.SPEAKS: -1, Depth.ACTED_UPON: None}[depth]
    for text, found in steps[:upto]:
        named = {
            a: at
            for a, at in found.items()
            if a in candidates and not (_BACKER.match(text, at) or _RELATION_OWNER.match(text, at))
        }
        # Who acts in a passive ("were released by Hamas") before who is acted upon; not
        # the agent of a clause inside an active one ("accused the new authorities of
        # crimes similar to operations carried out by Assad's forces").
        agents = {a: at for a, at in named.items() if passive and _is_agent(text, at)}
        if agents or named:
            return min(agents or named, key=(agents or named).__getitem__)
    return None


# Participles that do not end in -ed or -en.
_IRREGULAR = frozenset("hit struck shot cut met sent held built made led left lost set put".split())
_BE = frozenset("is are was were be been being".split())


def _told_in_passive(event: str) -> bool:
    """Whether the main clause is a passive: a form of "be" and a participle ("was killed",
    "have been released"); not a copula ("there is increased movement by IS")."""
    opening = main_clause_opening(event)
    subject = opening[: subject_end(opening)].split()
    if subject and subject[-1].strip("\"“‘',").lower() == "there":
        return False  # "there is increased movement by IS": an adjective, no agent
    verb, following, _ = verb_done(event, passive_only=True)  # "have been released"
    return verb in _BE and (following.endswith(("ed", "en")) or following in _IRREGULAR)


# "did not notify", "has never confirmed": what the subject did not do.
_NOT = frozenset({"not", "never"})
_DID = frozenset({"did", "does", "do", "has", "have", "had"})


def _negated(event: str) -> bool:
    """Whether the main clause says its subject did not act ("Israel did not notify
    Washington in advance", a US official said): no act of the subject's, so the line is
    the speaker's account."""
    verb, following, _ = main_verb(event)
    return verb in _DID and following in _NOT


def _main_clause(event: str, opening: str) -> str:
    """The event from its main clause's subject to the first comma after it."""
    start = max(event.find(opening), 0)
    comma = event.find(",", start + subject_end(opening))
    return event[start : comma if comma >= 0 else len(event)]


def _set_off_agents(event: str, opening: str, mentions: Named) -> dict[str, int]:
    """The actors named as the agent of a participle set off after the main clause's
    subject ("A drone strike, attributed to the RSF, hit ..."), by place in `event`."""
    start = max(event.find(opening), 0)
    set_off = _SET_OFF_AGENT.match(event, start)
    if set_off is None:
        return {}
    at = set_off.start("agent")
    return {a: at + where for a, where in mentions(set_off["agent"]).items()}


def _agents(text: str, found: dict[str, int]) -> dict[str, int]:
    return {a: at for a, at in found.items() if _is_agent(text, at)}


def _is_agent(text: str, at: int) -> bool:
    """Whether the mention at `at` is a passive's agent: "by Hamas", "in Israeli attacks"."""
    if _AGENT.search(text, 0, at):
        return True
    name = _NAME_END.match(text, at)
    return bool(name and _MEANS.search(text, 0, at) and arms_follow(text, name.end()))


def subject_mentions(opening: str, mentions: Named) -> dict[str, int]:
    """The actors named in the subject of a main clause's opening, before its verb."""
    end = subject_end(opening)
    return {a: at for a, at in mentions(opening).items() if at < end}


@dataclass(frozen=True)
class PastChange:
    """A time reference to a past change: who underwent it is named at `name_start` to
    `name_end`."""

    name_start: int
    name_end: int


@lru_cache(maxsize=1 << 12)
def past_changes(text: str) -> tuple[PastChange, ...]:
    """The past changes `text` dates its news by ("His leadership follows the resignation
    of President Assad", "after Bashar al-Assad's overthrow", "post-Assad", "the militias
    that overthrew Assad")."""
    if not _CHANGE_HINT.search(text):
        return ()
    found = []
    for match in _TIME_REFERENCE.finditer(text):
        group = next(g for g in _WHO_GROUPS if match[g] is not None)
        found.append(PastChange(match.start(group), match.end(group)))
    return tuple(found)


# A name only in a modifier telling who brokered a thing the sentence speaks of ("just
# days after a U.S.-mediated ceasefire took effect"): the broker neither acts nor speaks
# nor is acted upon there.
_BROKERED = re.compile(r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}(?=[-‐‑](?:mediated|brokered)\b)")


def without_brokers(text: str) -> str:
    """`text` with the names of who brokered what it speaks of blanked (offsets kept)."""
    if "mediated" not in text and "brokered" not in text:
        return text
    return _BROKERED.sub(lambda match: " " * len(match[0]), text)


def without_past_changes(text: str) -> str:
    """`text` with the names of who underwent a past change blanked (offsets kept)."""
    for change in past_changes(text):
        width = change.name_end - change.name_start
        text = text[: change.name_start] + " " * width + text[change.name_end :]
    return text
