"""An actor's sentences grouped into reports: one entry per report, however many outlets
carry it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.annotate import Sentence
from briefing.model.index import Index
from briefing.model.tolls import toll_counts

# A report's sentences of one actor (reading order) -> the sentence that states it.
Reports = dict[tuple[str, ...], Sentence]


def actor_reports(index: Index, sentence_ids: Sequence[str]) -> Reports:
    """The reports among an actor's sentences, in reading order, each with the sentence
    that states it.

    One entry per report: a wire story carried by two outlets is stated once. It cites the
    sentences that concern this actor: an outlet whose rewording drops the actor ("as
    rebel forces pushed", without "and Kurds seized") is no source for it. A report is
    stated in its first body sentence's words (a highlight or headline restating it is
    terser); failing that, in its first sentence's.
    """
    mine = set(sentence_ids)
    members: dict[str, tuple[str, ...]] = {}  # report id -> its sentences of this actor
    for sid in sentence_ids:
        report = index.corroboration.report_of.get(sid)
        key = report.id if report else sid
        if key not in members:  # once per report: a wire story may have 1,000 copies
            carried = report.sentence_ids if report else (sid,)
            members[key] = tuple(s for s in carried if s in mine)
    return {report: stated_by(index, report) for report in members.values()}


def stated_by(index: Index, report: Sequence[str]) -> Sentence:
    """The sentence whose words state a report: its first body sentence (but a copy cut
    off mid-sentence, "... an attempted RSF drone attack on the country's la", when another
    is whole), else its first; when that one gives a toll, the one giving it as it stood
    last (`latest_toll`)."""
    by_id = index.sentences
    bodies = [by_id[s] for s in report if by_id[s].kind == "body"]
    first = bodies[0] if bodies else by_id[report[0]]
    if bodies and _CUT.search(first.text):
        first = next((s for s in bodies if ENDED.search(s.text)), first)
    if first.kind != "body" or not toll_counts(first.text):
        return first
    return latest_toll(index, [by_id[s] for s in report], first)


def latest_toll(index: Index, members: Sequence[Sentence], first: Sentence) -> Sentence:
    """Among the whole body sentences giving every kind of toll `first` gives (a line that
    showed the dead and the injured goes on showing both: letting a toll of the dead alone
    state it took the Kyiv story's toll fact away, a summary line fewer usable in
    benchmarks/briefing_eval.py, 60 -> 59 of 117), the one of the latest published
    article, and of that day the one with the highest count of its first kind (the dead
    before the injured): "at least 74" over "38", as a toll only rises. `first` on a tie.
    An undated article is taken as of the latest day: nothing says its toll is older."""
    kinds = toll_counts(first.text).keys()
    kind = next(iter(kinds))
    giving = [
        (s, toll_counts(s.text)[kind])
        for s in members
        if s.kind == "body" and ENDED.search(s.text) and kinds <= toll_counts(s.text).keys()
    ]
    if not any(s is first for s, _ in giving):
        return first  # (a fragment: its toll competes with none)
    days = {s.id: (index.articles[s.article_id].published or "")[:10] for s, _ in giving}
    last = max((day for day in days.values() if day), default="")
    return max(giving, key=lambda item: (days[item[0].id] or last, item[1], item[0] is first))[0]


# A text that ends a sentence: its mark, maybe inside closing quotes or brackets ('... they
# said.”'), or a closing quotation mark. A fragment cut off by extraction is worse text.
ENDED = re.compile(r"[.!?…][\"”’')\]]*\s*$|[\"”]\s*$")
# A sentence ending in a lower-case word with no mark after it was cut off.
_CUT = re.compile(r"[a-z]\s*$")
