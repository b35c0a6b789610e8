"""A pane's summary: reports, not sentences, ranked as an analyst reads news.

The news (lines not already key facts, neither background nor asides the fact rules see
no event in) comes first: reports more outlets carry, then the central ones the user's
sumy summarizer picks; background fills only the room the news leaves. Near-repeats are
dropped (the next best report stands in) and the summary reads newest first, background
last.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from briefing.annotate.coreference import leaves_quote_open
from briefing.corroborate import report_words
from briefing.corroborate.join import one_toll
from briefing.corroborate.tokens import country_ids
from briefing.model.attribution import QUOTES, find_speaker
from briefing.model.clauses import main_clause_opening
from briefing.model.facts import (
    civilians_act,
    fact_candidate,
    opens_with_pronoun,
    others_than,
    says_again,
    score,
    speaks_for_nobody,
    tells_a_death,
)
from briefing.model.lines import Line, as_cut
from briefing.model.tolls import toll_counts
from briefing.model.types import Fact, SummaryLine
from briefing.model.words import event_nouns, nouns_pattern
from briefing.summarize import select_sentences

# Sentences shorter than this say too little to stand alone in a summary.
_MIN_SUMMARY_WORDS = 5
# A speaker left as a pronoun is no name to show.
_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
# Below this fact score a line states no event of its own (see facts.score).
_MIN_NEWS_SCORE = 1.0
# A candidate sharing this much of its words with a line already chosen repeats it.
_REPEAT_SHARE = 0.6


def summarize_lines(
    candidates: Sequence[tuple[Line, tuple[str, ...]]], summarizer: str, count: int
) -> tuple[SummaryLine, ...]:
    """The pane's summary from its `fresh_lines`."""
    # News before background: sumy picks the central reports among the news, and among
    # the background only for the room the news leaves (background sentences are general,
    # so a ranker over both would favour them).
    aside = [_aside(line) for line, _ in candidates]
    chosen: list[int] = []
    for tier in (False, True):
        # The background is ranked only when the news leaves room (it mostly does not:
        # ranking it was most of a summary's cost).
        if len(chosen) == count:
            break
        group = [i for i in range(len(candidates)) if aside[i] == tier]
        picks = select_sentences([candidates[i][0].stated.text for i in group], summarizer, count)
        central = {group[i] for i in picks}
        # Reports many outlets carry first, then sumy's picks; the others stand in for a
        # pick that repeats another.
        ranked = sorted(
            group,
            key=lambda i, central=central: (
                -candidates[i][0].outlets,
                i not in central,
                _newest_first(candidates[i][0].recency),
                candidates[i][0].order,
            ),
        )
        for i in ranked:
            if len(chosen) == count:
                break
            # A pronoun nobody resolves, or a line that needs the sentence before, is ranked
            # with the rest (the others' ranks stay as they were) but not shown: the next
            # report stands in.
            if _unresolved_pronoun(candidates[i][0]) or needs_the_sentence_before(
                candidates[i][0].stated.text
            ):
                continue
            if not any(_repeats(candidates[i][0], candidates[j][0]) for j in chosen):
                chosen.append(i)
    # Shown newest first, background and asides last.
    chosen.sort(key=lambda i: (aside[i], _newest_first(candidates[i][0].recency)))
    return tuple(summary_line(*candidates[i]) for i in chosen)


def _aside(line: Line) -> bool:
    """Background, or a line the fact rules see no event in (an opinion quoted, an aside):
    it goes after the news."""
    return line.background or score(fact_candidate(line)) < _MIN_NEWS_SCORE


def summary_line(line: Line, also: tuple[str, ...]) -> SummaryLine:
    attribution = _unnamed_speaker(line)
    return SummaryLine(
        text=as_cut(line.stated.text) if line.cut else line.stated.text,
        sources=line.sources,
        also=others_than(also, attribution),
        report=line.report,
        background=line.background,
        attribution=attribution,
    )


def _unnamed_speaker(line: Line) -> str | None:
    """The speaker a line's pronoun subject or pronoun speaker stands for ("He also warned
    ...", "“...,” he added."), resolved from the sentences before, or the speaker of a quote
    the line is a sentence of, named in another of its sentences ("“The President of Syria
    ... is extremely angry.", then "There will be ...,” he warned."); None when the line
    names its subject or nobody is known."""
    speaker = line.speaker
    if not speaker or speaker.lower() in _PRONOUNS:
        return None
    said = find_speaker(line.stated.text)
    if opens_with_pronoun(line.stated.text) or (said is not None and said in _PRONOUNS):
        return speaker
    # (not a whole quote its sentence closes on words naming no speaker as read: '"...,"
    # Zelenskyy posted on X.' is his, not the quote's before it)
    text = line.stated.text.lstrip()
    whole = text[:1] in QUOTES and not leaves_quote_open(text, False)
    return speaker if said is None and not line.named_speaker and not whole else None


@cache  # a pane's thousands of lines are of a few hundred days
def _newest_first(day: str) -> tuple[int, ...]:
    # "2024-12-07" before "2024-12-06"; an unknown day after every known one.
    return tuple(-int(part) for part in day.split("-")) if day else (1,)


def _repeats(line: Line, other: Line) -> bool:
    words, others = report_words(line.stated.text).words, report_words(other.stated.text).words
    return (bool(words) and len(words & others) / len(words) >= _REPEAT_SHARE) or says_again(
        line.event, line.recency or None, other.event, other.recency or None
    )


def fresh_lines(
    lines: Sequence[tuple[Line, tuple[str, ...]]], facts: Sequence[Fact] = ()
) -> list[tuple[Line, tuple[str, ...]]]:
    """The lines that could stand alone as summary lines, but those saying again what one
    of the key `facts` says (another outlet's account of it is not another development):
    what a summary is made from."""
    # `says_again` holds only between statements of one day, or two that both tell a
    # death: a line is read against those facts alone, not against each of a large pane's.
    on_day: dict[str | None, list[str]] = {}
    for fact in facts:
        on_day.setdefault(fact.date or fact.reported, []).append(fact.text)
    deaths = None  # the facts telling a death, read for one only once a line tells one
    tolls = _day_tolls(facts)
    fresh = []
    for line, also in _candidates(lines):
        day = line.recency or None  # (worked out once, not once for each fact)
        if day in tolls and _gives_a_toll_of(line.event, tolls[day]):
            continue
        told = [(text, day) for text in on_day.get(day, ())]
        # (No need to read a line for a death when no fact is of another day.)
        if len(on_day) > (day in on_day) and tells_a_death(line.event):
            if deaths is None:
                deaths = [
                    (text, told_on)
                    for told_on, texts in on_day.items()
                    for text in texts
                    if tells_a_death(text)
                ]
            told += [fact for fact in deaths if fact[1] != day]
        if not any(says_again(line.event, day, *fact) for fact in told):
            fresh.append((line, also))
    return fresh


# A toll and the names it is given with, other than a country's.
_Toll = tuple[dict[str, float], frozenset[str]]


def _day_tolls(facts: Sequence[Fact]) -> dict[str | None, list[_Toll]]:
    """The tolls the key facts give, by the day they are filed under."""
    found: dict[str | None, list[_Toll]] = {}
    for fact in facts:
        if toll := toll_counts(fact.text):
            found.setdefault(fact.date or fact.reported, []).append((toll, _place_names(fact.text)))
    return found


def _gives_a_toll_of(event: str, tolls: Sequence[_Toll]) -> bool:
    """Whether a line's event gives an earlier count of a toll one of the day's key facts
    gives (`tolls`): of the same kind, within `join.TOLL_SPREAD` of the fact's and no
    higher, with a name in common other than a country's ("At least 14 people are reported
    killed by the Russian attack on Kryvyi Rih" under "A Russian ballistic missile struck
    Kryvyi Rih, killing at least 16 people"). Such counts of a day are one report when two
    outlets give them (`join.toll_pairs`); one article's lede and caption are not another
    development either. A higher count is the toll as it rose ("Death toll in Dnipro rises
    to 19" under "... killing at least eleven people"): the newer news, kept."""
    toll = toll_counts(event)
    if not toll:
        return False
    names = _place_names(event)
    return any(
        names & shared
        and any(
            kind in other and count <= other[kind] and one_toll({kind: count}, other)
            for kind, count in toll.items()
        )
        for other, shared in tolls
    )


def _place_names(text: str) -> frozenset[str]:
    return report_words(text).names - country_ids()


def _candidates(
    lines: Sequence[tuple[Line, tuple[str, ...]]],
) -> list[tuple[Line, tuple[str, ...]]]:
    return [
        (line, also)
        for line, also in lines
        if line.stated.kind != "caption"
        and len(line.stated.text.split()) >= _MIN_SUMMARY_WORDS
        and not speaks_for_nobody(line.stated.text, line.speaker)
        # People no party to the conflict acting: about them, not the pane's actor.
        and (line.subject or not civilians_act(line.event))
    ]


# "It was the first time ...", "It marks ...", "It is reported that ...": an "it" opening
# what something is or is said to be, not what a body said or did; the line reads alone.
_IT_IS = re.compile(
    r"^\W*[Ii]t(?:['’]s\b|\s+(?:also\s+|now\s+)?(?:is|was|marks|marked|represents|represented"
    r"|remains|remained|seems|seemed|appears|appeared|has\s+been|had\s+been|will\s+be"
    r"|would\s+be)\b)"
)


# A main clause whose subject points back to the sentence before and tells only how it
# relates to it: "Their decision came a week after ...", "This happened during a massive
# air attack", "This was reported by the head of ...".
_POINTS_BACK = re.compile(
    r"^\W*(?:(?:Their|Its|His|Her)\s+(?:[a-z-]+\s+){1,2}?(?:came|comes|was|is|were|are"
    r"|followed|follows)\b|(?:This|That)\s+(?:happened|came|comes|followed|follows"
    r"|was\s+(?:reported|announced|confirmed|said))\b)"
)
# "It" said to be something that is no event: "It was also the last Sudanese military
# stronghold in ... Darfur", "It's a big blow to Putin's prestige", "It also marks a major
# setback for Iran" (what "it" is, the sentence before says; "It marks the first time RSF
# attacks have reached the city" and "It was a deadly attack" tell what happened).
_IT_IS_A = re.compile(
    r"^\W*[Ii]t(?:['’]s|\s+(?:also\s+)?(?:is|was|marks|marked|represents|represented)"
    r"(?:\s+also)?)\s+(?:a|an|the)\s+((?:[\w’'-]+\s+){0,3}[\w’'-]+)"
)
# An opening time told by the sentence before: "During this time, the building was targeted
# by a drone", "By then, ...".
_THAT_TIME = re.compile(
    r"^\W*(?:(?:During|At|By|Around|Until)\s+(?:this|that|the)\s+(?:time|period|point|moment)"
    r"|(?:By|Until)\s+then)\b"
)
# A sentence announcing what follows, telling nothing itself: "The Syrian army, however,
# presented a different account."
_ANNOUNCES = re.compile(
    r"\b(?:a|an)\s+(?:different|differing|conflicting|contrasting|contradictory|opposing)\s+"
    r"(?:account|version|narrative|story|picture|explanation)\W*$"
)


def needs_the_sentence_before(text: str) -> bool:
    """Whether a sentence cannot stand alone as a summary line: its subject points back
    (`_POINTS_BACK`, `_IT_IS_A`), its opening time is the sentence before's (`_THAT_TIME`),
    or it announces what the next says (`_ANNOUNCES`)."""
    if _THAT_TIME.match(text) or _ANNOUNCES.search(text):
        return True
    opening = main_clause_opening(text)
    if _POINTS_BACK.match(opening):
        return True
    said = _IT_IS_A.match(opening)
    return said is not None and not _event_or_time().search(said.group(1))


@cache
def _event_or_time() -> re.Pattern[str]:
    """What "It is a/the ..." may be and still tell what happened: an event, a time, or
    one counted among others of its kind ("It was the third major city, after Aleppo and
    Hama, to fall out of Assad's control")."""
    nouns = [noun for found in event_nouns().values() for noun in found]
    return re.compile(
        rf"\b(?:{nouns_pattern(nouns)}|times?\b|instances?\b|{_ORDINALS})", re.IGNORECASE
    )


_ORDINALS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest|\d+(?:st|nd"
    r"|rd|th))\b"
)


def _unresolved_pronoun(line: Line) -> bool:
    """Whether the line's subject is a pronoun nobody before it resolves ("It did not
    specify ...", "He attributed the defeat ..."): who it is, the line alone cannot tell."""
    if line.speaker and line.speaker.lower() not in _PRONOUNS:
        return False
    text = line.stated.text
    return opens_with_pronoun(text) and not _IT_IS.match(main_clause_opening(text))
