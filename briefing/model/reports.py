"""An actor's sentences grouped into reports: one entry per report, however many outlets
carry it."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.annotate import Sentence
from briefing.model.index import Index

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
    """The sentence whose words state a report: its first body sentence, else its first."""
    by_id = index.sentences
    return next((by_id[s] for s in report if by_id[s].kind == "body"), by_id[report[0]])
