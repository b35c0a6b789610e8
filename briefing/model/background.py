"""Background and stale material: what a line says that is not news of the period.

Habits and states ("have regularly held talks", "has been based in Port Sudan since"),
hypotheticals ("If insurgents capture Homs, ..."), events dated well before the article
that reports them, and whole articles far from the briefing's period. Background is
marked and kept out of key facts; summaries keep it for last.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from statistics import median_high

from briefing.annotate.dates import MONTH_NAME, DateMention
from briefing.annotate.phrase_index import Screened, fold
from briefing.ascii_text import sentence_words
from briefing.model.clauses import main_verb, opening_phrase_end
from briefing.model.words import _lines, event_verbs, names_an_event_verb
from briefing.profile import Landmark

# Every alternative of the patterns screened by these holds "has" or "have" (a new one
# must hold one too, or the words screening it must change; `_STANDING` also "had").
_PERFECT = ("has", "have")

# States and habits, not events: "has been focused on", "have regularly held talks",
# "for years", "over the past two months".
_STATE = (
    # "has been based in Port Sudan since", "have been firing at", "has also been launching
    # airstrikes deep inside Lebanon" (an activity over a period); not "have been killed",
    # an event told in the passive, nor "have been confirmed dead", "has been reported
    # killed" (a toll as it is told)
    r"\b(?:has|have)\s+(?:also\s+)?(?:\w+ly\s+)?(?:been(?!\s+(?:(?:confirmed|reported|declared"
    r"|pronounced|found)\s+(?:dead|{verbs})|{verbs})\b)|spent|long)\b"
    r"|\b(?:regularly|routinely|traditionally|historically|usually|increasingly|frequently)\b"
    # "has increased its use of drones since losing territory": a trend since an earlier
    # turn of the war, not one event
    r"|\b(?:has|have)\s+\w+ed\b[^.;]*\bsince\s+\w+ing\b"
    # "more than 200 journalists have been killed since the war began in October 2023": a
    # total over the war, not the news ("have been killed since Sunday" is); a trend since a
    # year: "has steadily expanded its territorial control since war broke out in April 2023"
    # (not the span of a clause describing someone: "has regained the palace from the RSF,
    # who had held it since war broke out")
    r"|\b(?:has|have)\s+(?:\w+\s+){{0,2}}?\w+(?:ed|en)\b(?:(?!\b(?:who|which|whose)\b)[^.;])*"
    r"\bsince\s+{span_start}"
    # the same total "during the conflict" or "throughout the war" ("throughout Israel's
    # war against Hamas", "during its war with Hamas"), or told after its period: "Since
    # the war started in October 2023, more than 186 journalists have been killed"
    r"|\b(?:has|have)\s+(?:\w+\s+){{0,2}}?\w+(?:ed|en)\b[^.;]*\b(?:during|throughout)\s+"
    r"(?:the|its|their|[\w-]+['’]s)\s+(?:war|conflict)\b"
    # ("Since October 2023, Israeli military operations in Gaza have killed more than
    # 70,600 people": a year's span)
    r"|^\W*since\s+{span_start}[^.;]*\b(?:has|have)\s+(?:\w+\s+){{0,2}}?\w+(?:ed|en)\b"
    # "confirmed the total number of journalists killed by Israel since the start of the
    # war is 237": the war's total, not the day's
    r"|\btotal\s+(?:number\s+)?of\b[^.;]{{0,80}}\bsince\s+the\s+(?:start|beginning|outbreak|war"
    r"|conflict)\b"
    # "has faced repeated Russian strikes since January", "has suffered repeated deadly
    # strikes in recent months", "Since the end of November, the SDF has faced repeated
    # attacks": a run of events, not one
    r"|\brepeated(?:ly)?\b[^.;]*\b(?:since|in\s+recent\s+(?:days|weeks|months|years))\b"
    r"|^\W*since\b[^.;]*\b(?:has|have)\s+(?:\w+\s+){{0,2}}?repeated(?:ly)?\b"
    # "Since early January, the SAF had launched a major ground operation to regain ...":
    # what had gone on up to the news, told in the past perfect
    r"|^\W*since\s+[^,;.]{{1,40}},[^.;]*?\bhad\s+(?:\w+ly\s+)?\w+(?:ed|en)\b"
    # "currently controls around 20%": a state; "currently advancing" is still news.
    r"|\bcurrently\s+(?!\w+ing\b)\w+"
    # "for years", "for more than a year", "for nearly 14 months" (not "jailed for 10 years")
    r"|\bfor\s+(?:(?:more\s+than|over|nearly|almost)\s+(?:a|an|\d+|two|three|four|five|six"
    r"|seven|eight|nine|ten|several)\s+)?(?:years?|decades?|months)\b"
    r"|\b(?:over|in|during)\s+the\s+(?:past|last|most)\b"
    # What is not known: "It was not immediately clear if the shooting was celebratory".
    r"|\bit\s+(?:is|was)\s+(?:not\s+|still\s+|yet\s+|immediately\s+)*(?:clear|unclear|known|unknown)\b"
)
# When a span told in the perfect began, well before the news: the war, a year, an earlier
# turn named ("Since Assad's overthrow", "since Hamas's attack on Israel on Oct. 7") or told
# as a clause ("has killed multiple members of the IRGC since it ramped up airstrikes").
# (Put into `_STATE` by `format`: its braces are single.) A day named by its month is
# `_SINCE_A_DAY`'s.
_SPAN_START = (
    r"(?:(?:the\s+(?:[\w-]+\s+){0,2}?)?(?:war|conflict|fighting|start|beginning|outbreak)\b"
    r"|[^.;,]{0,40}?\b(?:19|20)\d\d\b"
    r"|(?:[\w-]+\s+){0,5}?[\w-]+['’]s\s+(?:[\w-]+\s+)?(?:overthrow|fall|ouster|toppling"
    r"|removal|collapse|invasion|attack|takeover)\b"
    r"|(?:it|they|he|she)\s+\w+ed\b)"
)
# A standing position, a run of events or a running total, told in the perfect:
# "Sudan's government has accused the UAE of supplying the RSF with drones" (an
# accusation of what goes on),
# "has consistently vowed to safeguard minorities", "the Israeli response has caused the
# deaths of over 62,700 Palestinians" (the war's toll, not the day's; not "a war that has
# killed 3,500", a clause describing the war of a sentence with news of its own). With a
# day of the news written in it, it is that day's news.
_STANDING = Screened(
    re.compile(
        r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:accused|blamed)\b[^.;]{0,120}?\bof\s+(?:\w+ing|being)\b"
        # "has denied accusations of ethnic targeting": a standing denial
        r"|\b(?:has|have)\s+(?:\w+ly\s+)?denied\s+(?:the\s+|any\s+|all\s+)?(?:accusations|allegations"
        r"|charges)\b"
        # "have warned that the administration could soon give up its efforts": a standing
        # warning of what may be, not a development
        r"|\b(?:has|have)\s+(?:\w+ly\s+)?(?:warned|cautioned|suggested|signalled|signaled)\b"
        r"[^.;]{0,80}?\b(?:could|might|may)\b"
        # "has launched a series of airstrikes in the region", "has conducted literally
        # hundreds of strikes": a run of events, not one
        r"|\b(?:has|have)\s+(?:\w+ly\s+)?\w+(?:ed|en)\s+(?:\w+ly\s+)?(?:a\s+)?(?:series|spate"
        r"|string|wave|number|hundreds|dozens|thousands|scores)\s+of\b"
        r"|\b(?:has|have)\s+(?:repeatedly|consistently|previously|frequently|often|always)\s+\w+"
        # "The Kordofan region, home to nearly eight million people, has seen intensified
        # fighting": what a place or time has gone through, not an event (not "a draft
        # Reuters has seen", "witnesses said they have seen bodies": what someone saw)
        r"|\b(?:has|have)\s+(?:\w+ly\s+)?seen\s+(?:[\w-]+\s+){0,3}?(?:fighting|clashes"
        r"|violence|attacks|strikes|shelling|battles|unrest|displacement|protests|surge|rise"
        r"|increase|escalation|influx)\b"
        # "Hezbollah has said it is acting in support of ...", "Russia has said it does not
        # target civilians": a stance held, told in the perfect
        r"|\b(?:has|have)\s+(?:long\s+)?(?:said|maintained|insisted|argued)\s+(?:that\s+)?"
        r"(?:it|they)\s+(?:is|are|does|do)\b"
        # "Nasrallah had previously warned members against carrying cellphones", "The group
        # had already suffered significant setbacks": before the news, by the main clause
        # (not "denied it, claiming its forces had previously withdrawn", a denial of the day)
        r"|^(?:(?!\b(?:that|which|who|when|after|because|said|says|saying|claiming)\b)[^;])*?"
        r"\bhad\s+(?:repeatedly|consistently|previously|frequently|often|always|already)\s+\w+"
        r"|\b(?:war|conflict|offensive|campaign|response|hostilities)"
        r"(?:\s*,[^,;]{1,80},|(?:\s+(?!(?:that|which|who)\b)[\w'’-]+){0,6}?)"
        r"\s+(?:has|have)\s+(?:so\s+far\s+|now\s+|already\s+)?(?:killed|claimed|caused|left"
        r"|displaced)\b",
        re.IGNORECASE,
    ),
    (*_PERFECT, "had"),
)
# What every alternative of `_TREND` holds, its change or what it worsens (a new one must
# hold one too): rarer than its "has" or "have", which a fifth of the sentences hold
# (searched in those, the pattern was a tenth of judging whether a sentence tells an event).
_TREND_WORDS = (
    "escalated", "intensified", "heighten", "deepen", "worsen", "exacerbat", "fuel",
    "aggravating", "compounding",
)  # fmt: skip
# A change of the situation told in the perfect by the main clause: "The strike has
# dramatically escalated tensions between Israel and Hezbollah", "Fighting has intensified
# in this oil-rich area" (what the news has led to, commentary; not "The army said the RSF
# has intensified its shelling", a statement of the day). Or a situation told in the perfect
# with what it worsens: "Reports indicate that the RSF has taken control of significant
# areas, exacerbating the humanitarian crisis" (not "the army said ... has shelled ...,
# worsening ...", nor a day's event in the past: "shelled the camp, worsening ...").
_TREND = Screened(
    re.compile(
        r"^(?:(?!\b(?:said|says|told|that|after|when)\b)[^;])*?\b(?:has|have)\s+(?:\w+ly\s+)?"
        r"(?:escalated|intensified|heightened|deepened|worsened|exacerbated|fuell?ed)\b"
        r"|^(?:(?!\b(?:said|says|told)\b)[^;])*?\b(?:has|have)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b"
        r"[^.;]*,\s*(?:further\s+)?(?:exacerbating|worsening|deepening|aggravating|compounding"
        r"|fuell?ing|heightening)\b",
        re.IGNORECASE,
    ),
    _TREND_WORDS,
)
# A sentence opening at some recent time, not on a day of the news: "During a recent
# press briefing, ...", "Recently, ..." (only the opening phrase: "displaced by strikes
# in recent months began heading back" is news).
_RECENT_OPENING = re.compile(
    r"\b(?:a|one)\s+recent\b|\brecently\b|\bin\s+recent\s+(?:days|weeks|months|years)\b",
    re.IGNORECASE,
)


# The next sentence turns to now against it ("But all have recently been weakened",
# "However, the group now controls ..."): the sentence before tells how things were.
_NOW_AGAINST = re.compile(
    r"^\W*(?:But|However|Yet)\b[^.;]*?\b(?:recently|now|since\s+then|no\s+longer|these\s+days"
    r"|in\s+recent\s+(?:days|weeks|months|years))\b"
)


def told_as_then(following: str | None) -> bool:
    """Whether the sentence followed by `following` (the next of its paragraph) tells the
    past that the story has moved on from ("Assad's forces regained control of most of
    Syria after key allies came to his rescue. But all have recently been weakened")."""
    return bool(following and _NOW_AGAINST.match(following))


def _state_source() -> str:
    """`state_pattern`'s source: it lists the event verbs."""
    passive = (verb for verb in event_verbs() if not verb.endswith("ing"))
    verbs = "|".join(sorted(passive, key=len, reverse=True))
    return _STATE.format(verbs=verbs, span_start=_SPAN_START)


@cache
def state_pattern() -> re.Pattern[str]:
    """States and habits, not events (compiled on first use: it lists the event verbs).
    `tells_a_state` searches its alternatives, compiled apart, instead."""
    return re.compile(_state_source(), re.IGNORECASE)


def tells_a_state(text: str) -> bool:
    """Whether `state_pattern` finds a state or habit in `text`, each of its alternatives
    searched for only in a text holding the words it needs (one search for them all,
    tried at every character, was most of judging a line's background)."""
    folded = fold(text)
    # (each word looked for once, though several alternatives need it)
    present = {word for word in _needed_words_of_all() if word in folded}
    for needed, alternative in _state_alternatives():
        if (not needed or not present.isdisjoint(needed)) and alternative.search(text):
            return True
    return False


@cache
def _needed_words_of_all() -> frozenset[str]:
    """The words `_state_alternatives` need, of all of them."""
    return frozenset(word for needed, _ in _state_alternatives() for word in needed)


@cache
def _state_alternatives() -> tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]:
    """`state_pattern`'s alternatives, each compiled alone, with the words one of which
    every match of it holds (lower case; none: it is always searched). Worked out from the
    pattern as the regex engine parses it, so an edit of `_STATE` keeps them true."""
    from re import _compiler, _parser
    from re._constants import BRANCH

    # Parsed once, the whole never compiled (it is never searched): its flags are those
    # the parse settles (re.UNICODE added), as compiling it would.
    parsed = _parser.parse(_state_source(), re.IGNORECASE)
    flags = parsed.state.flags
    items = parsed.data
    alternatives = items[0][1][1] if len(items) == 1 and items[0][0] is BRANCH else [parsed]
    return tuple(
        (_needed_words(alternative.data), _compiler.compile(alternative, flags))
        for alternative in alternatives
    )


def _needed_words(items: Sequence[tuple[object, object]]) -> tuple[str, ...]:
    """Words one of which every match of a parsed sequence holds: a run of literal ASCII
    characters it always matches, or one such run opening each branch of an alternation
    it always matches (the choice whose shortest word is longest). Their letters match
    only what `fold` folds to them: ASCII either case, "ſ", "ı", "İ", the Kelvin sign."""
    from re._constants import BRANCH, LITERAL

    def runs(sequence: Sequence[tuple[object, object]]) -> list[str]:
        found, current = [], ""
        for op, value in [*sequence, (None, None)]:
            if op is LITERAL and isinstance(value, int) and chr(value).isascii():
                current += chr(value).lower()
                continue
            if current:
                found.append(current)
            current = ""
        return found

    def opening(sequence: Sequence[tuple[object, object]]) -> str:
        leading = []
        for item in sequence:
            if item[0] is not LITERAL:
                break
            leading.append(item)
        found = runs(leading)
        return found[0] if found and len(found[0]) == len(leading) else ""

    choices = [(run,) for run in runs(items)]
    for op, value in items:
        if op is BRANCH:
            openings = tuple(opening(branch.data) for branch in value[1])
            if all(openings):
                choices.append(openings)
    return max(choices, key=lambda words: min(map(len, words)), default=())


@dataclass(frozen=True)
class _BackgroundVerbs:
    """The words of data/background_verbs.txt, by kind."""

    verbs: frozenset[str]  # main verbs that judge or describe
    after_be: frozenset[str]  # words after "is"/"are" that do
    modals: frozenset[str]  # a modal main verb: what may or can be
    perceived: frozenset[str]  # "could be heard": perceived, so it happened
    plans: frozenset[str]  # words after "is"/"was" that tell a plan ("were scheduled to")


@cache
def _background_verbs() -> _BackgroundVerbs:
    found: dict[str, set[str]] = {}
    for line in _lines("background_verbs.txt"):
        kind, *words = line.split()
        found.setdefault(kind, set()).update(words)
    return _BackgroundVerbs(
        *(
            frozenset(found.get(kind, ()))
            for kind in ("verb", "after-be", "modal", "perceived", "plan")
        )
    )


@cache
def _verbs_judging() -> frozenset[str]:
    """The main verbs `judges_or_describes` looks for, as one set: made once, not a
    sentence."""
    words = _background_verbs()
    return words.verbs | words.modals


def tells_what_did_not_happen(text: str) -> bool:
    """Whether the main clause says what has not happened: "Hezbollah has made no mention
    of this", "The military has not commented", "Israel has yet to respond" (not "The army
    said it has not withdrawn": the saying happened)."""
    # (each needs one of `_ABSENCE` after its verb: a sentence holding none is not read for
    # its main verb, a third of judging whether a sentence tells an event)
    if _ABSENCE.isdisjoint(sentence_words(text)):
        return False
    verb, following, third = main_verb(text)
    # "The army provided no evidence": the same absence told in the simple past.
    return (verb in _GAVE and following == "no") or (
        verb in ("has", "have")
        and (following in ("not", "yet", "never") or (following in _GAVE and third == "no"))
    )


_GAVE = frozenset({"made", "gave", "given", "offered", "issued", "provided"})
# The words telling an absence above, as `main_verb` lower-cases them ("Not", "NOT").
_ABSENCE = frozenset(
    spelling
    for word in ("no", "not", "yet", "never")
    for spelling in (word, word.capitalize(), word.upper())
)


def judges_or_describes(text: str) -> bool:
    """Whether the main clause's verb judges, explains, describes a state or tells what
    may be ("This marks the deadliest violence since ...", "The deal is considered a
    landmark ...", "Fighting could resume") rather than reporting a development.

    Tried and dropped (qa-pages12 #18, "The move comes as Washington seeks to deter IS
    threats ..." an IS key fact): "comes"/"come" followed by "as", "amid", "after", "at",
    "days" ... as a verb relating the news to its context. Over every QA folder and judged
    cluster it made background the three such context lines, but also two lines whose "as"
    or "after" clause is the news ("Putin's claim comes as an American delegation ...
    arrived in Moscow", a key fact; "The US push comes as Sharaa said 'advanced talks' were
    under way ..."), and the panes' new picks lost Dnipro's "Death toll ... rises to 19"."""
    words = _background_verbs()
    # A long subject ("The recapture of the palace from the RSF marked a major turning
    # point"): a judging verb is looked for further than an event's.
    verb, following, third = main_verb(text, _verbs_judging(), _JUDGED_REACH)
    if verb in words.modals:
        return not (following == "be" and third in words.perceived)
    return (
        verb in words.verbs
        or (verb in _BE and following in words.after_be)
        or (verb in _BE_ANY_TENSE and following in words.plans)
        # (a judgement told in the past: "The conflict ... was seen as a significant
        # impairment"; not "Smoke was seen rising", perceived)
        or (verb in ("was", "were") and following in words.after_be and third == "as")
    )


_BE = frozenset({"is", "are", "remains", "remain"})
_BE_ANY_TENSE = frozenset({"is", "are", "was", "were"})


def tells_a_habit(text: str) -> bool:
    """Whether a body sentence's main verb is an event verb in the simple present ("Russia
    launches them alongside real drones", "The RSF fires shells at the camp most nights"):
    the body of a report tells its news in the past, so this is what goes on, not an event
    (headlines tell news in the present: the caller asks only of body text)."""
    verb, following, third = main_verb(text)
    if following == "also" or following.endswith("ly"):
        following = third  # "The Israeli strikes also killed"
    # "strikes", "attacks" are nouns too: "Russian strikes killed 20", "Israeli attacks on
    # Gaza continued", "attacks have killed" have their verb after them.
    noun = following in _AFTER_A_NOUN or following in event_verbs() or following.endswith("ed")
    return verb.endswith("s") and verb in event_verbs() and verb not in _STATEMENTS and not noun


# Event verbs that tell a statement, which the body tells in the present as it does "says"
# ("Russia denies targeting civilians").
_STATEMENTS = frozenset("accuses denies rejects announces declares urges".split())


# What follows a noun, not a verb: a preposition or an auxiliary ("attacks have killed").
_AFTER_A_NOUN = frozenset(
    "on in at by of from against across near into over and "
    "has have had is are was were will would could can may might".split()
)
_JUDGED_REACH = 12
CONDITIONAL_START = re.compile(r"^\s*(?:If|Should|Unless|Were)\b")
# A present state with no event in it: "El-Fasher is the only state capital not under
# RSF control", "The city remains cut off".
_PRESENT_STATE = re.compile(r"\b(?:is|are|remains?)\b")
# An event dated this long before its article is history, not news of the day.
HISTORY_DAYS = 60
# What the story did before its news: "a series of explosions targeting pagers ... earlier
# this month, and ... airstrikes beginning on Monday" recalls how it got here.
_EARLIER = Screened(
    re.compile(r"\bearlier\s+this\s+(?:month|year)\b|\blast\s+(?:month|year)\b", re.IGNORECASE),
    ("earlier", "last"),
)
# An event dated within this many days before its article is the article's news.
NEWS_DAYS = 2
# An article published this far from the briefing's middle date is off the period.
STALE_ARTICLE_DAYS = 120


def _day(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _last_day(mention: DateMention) -> datetime.date | None:
    """The last calendar day a date can mean: "2016" -> 31 Dec 2016."""
    parts = mention.value.split("-")
    try:
        if mention.precision == "day":
            return datetime.date.fromisoformat(mention.value)
        if mention.precision == "month":
            year, month = int(parts[0]), int(parts[1])
            following = datetime.date(year + month // 12, month % 12 + 1, 1)
            return following - datetime.timedelta(days=1)
        return datetime.date(int(parts[0]), 12, 31)
    except (ValueError, IndexError):
        return None


def is_historical(event: DateMention | None, published: str | None) -> bool:
    """Whether the event is dated well before the article reporting it."""
    day, last = _day(published), _last_day(event) if event else None
    return bool(day and last and (day - last).days > HISTORY_DAYS)


def is_background(
    text: str,
    event: DateMention | None,
    published: str | None,
    opening: str = "",
    *,
    no_event: bool | None = None,
) -> bool:
    """A habit, a state, a hypothetical or history: not an event of the period. `opening`
    is the opening phrase of the sentence `text` was cut from ("During a recent ...,");
    `no_event`: `tells_no_event(text)`, when already worked out."""
    return bool(
        # (unless the report's copies write a day of the news: "In a recent escalation,
        # Israeli drone strikes have killed eight soldiers" is Tuesday's strike told anew)
        (
            _RECENT_OPENING.search(opening)
            and not (event and event.text and _of_the_news(event, published))
        )
        or (tells_no_event(text) if no_event is None else no_event)
        # (a span's start in the opening phrase cut from `text`: "Since Assad's overthrow,")
        or (opening[:6].lower() == "since " and tells_a_state(f"{opening} {text}"))
        or is_historical(event, published)
        or of_a_past_period(event, published)
        or (_EARLIER.search(text) and not _of_the_news(event, published))
        or (_STANDING.search(text) is not None and not (event and event.text))
    )


def retells_a_landmark(text: str, published: str | None, landmarks: Sequence[Landmark]) -> bool:
    """Whether `text` (a sentence after its dateline) opens by telling one of a profile's
    landmark events in an article published well after it: "Assad fled to Russia, ..." a
    year after his fall is history, though nothing in the sentence dates it; in the weeks
    after the fall it is news. Not inside an opening phrase: "After Assad was ousted, the new
    government announced ..." tells the main clause's event."""
    day = _day(published)
    return bool(day) and any(
        (day - landmark.day).days > HISTORY_DAYS
        and any(
            (match := re.match(pattern, text)) and match.end() > opening_phrase_end(text)
            for pattern in landmark.patterns
        )
        for landmark in landmarks
    )


def of_a_past_period(event: DateMention | None, published: str | None) -> bool:
    """Whether the text dates its event only by a month or year over before the article's
    news ("In July, an army spokesman shared a video" in an article of August): what the
    story did before, not its news."""
    if event is None or not event.text or event.precision == "day":
        return False
    day, last = _day(published), _last_day(event)
    return bool(day and last and (day - last).days > NEWS_DAYS)


def _of_the_news(event: DateMention | None, published: str | None) -> bool:
    day, last = _day(published), _last_day(event) if event else None
    return bool(
        day and last and event and event.precision == "day" and 0 <= (day - last).days <= NEWS_DAYS
    )


# A state before the news, told in the past perfect by the main clause: "The detainees had
# been part of the Islamic State's self-declared caliphate", "Israeli intelligence had been
# closely monitoring weapons ... in the weeks leading up to the attacks": "had been" then an
# activity ("-ing"), a noun phrase or a place, not a deed told in the passive ("had been
# forced to", "had been hit"). Not when a clause tells what broke into that state: "The
# hospital had been sheltering 300 people when the strike hit".
_PAST_STATE = re.compile(
    r"\bhad\s+been\s+(?:\w+ly\s+)?(?:\w+ing|a|an|the|his|her|its|their|part|in|on|under|at"
    r"|among|without)\b(?![^.;]*\b(?:when|until|before)\b)",
    re.IGNORECASE,
)


def tells_a_past_state(text: str) -> bool:
    """Whether the main clause tells a state before the news in the past perfect (see
    `_PAST_STATE`)."""
    if "been" not in text:
        return False  # (most sentences: their main verb not looked for)
    verb, following, _ = main_verb(text)
    return verb == "had" and following == "been" and _PAST_STATE.search(text) is not None


# A running total or campaign since a day named by its month ("At least one million have
# been displaced and around 2,000 killed since September 20"; not "since Sunday"). The
# caller asks of a line no one is said to tell: a statement's is its news ("At least 134
# people have been killed in El Fasher since May 10, according to a statement from MSF on
# Sunday").
_MONTH_DAY = rf"\s+(?:[^.;,]{{0,80}}?\s)?(?:{MONTH_NAME})\.?\s+\d{{1,2}}\b"
_SINCE_A_DAY = Screened(
    re.compile(
        r"^(?:.*?"
        r"\b(?:has|have)\s+(?:\w+\s+){0,2}?\w+(?:ed|en)\b(?:(?!\b(?:who|which|whose)\b)[^.;])*"
        rf"\bsince{_MONTH_DAY}"
        rf"|\W*since{_MONTH_DAY}[^;]*?\b(?:has|have)\s+(?:\w+\s+){{0,2}}?\w+(?:ed|en)\b)",
        re.IGNORECASE,
    ),
    ("since",),
)


def tells_a_span_since_a_day(text: str) -> bool:
    """Whether `text` tells a span since a day named by its month (see `_SINCE_A_DAY`)."""
    return _SINCE_A_DAY.search(text) is not None


# A role held before the news, told in the simple past by the main clause: "Russia was a
# staunch supporter of Bashar al-Assad", "The facility served as a strategic navy base for
# Moscow" (what a party or place was to another, not what it did).
_PAST_ROLE = re.compile(
    r"\b(?:was|were)\s+(?:once\s+|long\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:supporter|ally"
    r"|allies|backer|patron|sponsor|base|hub|stronghold|bastion)s?\s+(?:of|for|to)\b",
    re.IGNORECASE,
)


def tells_a_past_role(text: str) -> bool:
    """Whether the main clause tells a role held before the news (see `_PAST_ROLE`)."""
    if "was" not in text and "were" not in text and "served" not in text:
        return False  # (most sentences: their main verb not looked for)
    verb, following, _ = main_verb(text)
    if verb == "served":
        return following == "as"
    return verb in ("was", "were") and _PAST_ROLE.search(text) is not None


def tells_no_event(text: str) -> bool:
    """A habit, a state or a hypothetical, by the words of `text` alone."""
    return bool(
        tells_a_state(text)
        or tells_a_past_state(text)
        or tells_a_past_role(text)
        or _TREND.search(text)
        or CONDITIONAL_START.match(text)
        or judges_or_describes(text)
        or tells_what_did_not_happen(text)
        or (_PRESENT_STATE.search(text) and not names_an_event_verb(text))
        or tells_no_reply(text)
    )


# A reply not given, as newsrooms note it: "Russia did not comment on the incident", "There
# was no immediate comment from Russia", "Attempts by Radio Dabanga to reach the army
# spokesperson for comment were unsuccessful".
_NO_REPLY = Screened(
    re.compile(
        r"^(?:(?!(?:said|says|told|claimed|accused)\b)[\w’'.-]+\s+){1,6}?did\s+not\s+"
        r"(?:immediately\s+)?(?:comment|respond|reply)\b"
        r"|^There\s+(?:was|has\s+been)\s+no\s+(?:immediate\s+)?(?:comment|response|reply)\b"
        r"|\b(?:reach|contact)\b[^.;]{0,80}?\b(?:were|was|have\s+been|proved)\s+unsuccessful\b"
    ),
    # (the reply's own words: "not" and "no " are in "another", "cannot", "nothing")
    ("comment", "respon", "repl", "unsuccessful"),
)


def tells_no_reply(text: str) -> bool:
    """Whether a sentence notes a reply not given (see `_NO_REPLY`), and nothing after it
    ("The IDF did not comment on the report, but said troops had struck ..."): no
    development."""
    found = _NO_REPLY.search(text)
    return found is not None and _BUT.search(text, found.end()) is None


_BUT = re.compile(r"\bbut\b|;")


def stale_articles(published: Sequence[tuple[str, str | None]]) -> tuple[str, ...]:
    """The ids of articles far from the briefing's period, from (id, publication date)
    pairs: a 2016 piece among reports of December 2024."""
    days = {article_id: _day(value) for article_id, value in published}
    known = sorted(day for day in days.values() if day)
    if not known:
        return ()
    # With as many articles either side, the newer middle: a briefing is read for what
    # is new, and a page date wrongly taken from its text is an old one.
    middle = median_high(known)
    return tuple(
        article_id
        for article_id, day in days.items()
        if day and abs((day - middle).days) > STALE_ARTICLE_DAYS
    )
