"""A pane's summary: reports, not sentences, ranked as an analyst reads news.

The user's sumy summarizer picks the central reports among the pane's lines (those not
already key facts); near-repeats are dropped (the next best report, by how many outlets
carry it and how recent it is, stands in) and the summary reads newest first, background
last.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.corroborate import report_words
from briefing.model.lines import Line
from briefing.model.types import SummaryLine
from briefing.summarize import select_sentences

# Sentences shorter than this say too little to stand alone in a summary.
_MIN_SUMMARY_WORDS = 5
# A candidate sharing this much of its words with a line already chosen repeats it.
_REPEAT_SHARE = 0.6


def summarize_lines(
    lines: Sequence[tuple[Line, tuple[str, ...]]], summarizer: str, count: int
) -> tuple[SummaryLine, ...]:
    candidates = [
        (line, also)
        for line, also in lines
        if line.stated.kind != "caption" and len(line.stated.text.split()) >= _MIN_SUMMARY_WORDS
    ]
    central = set(select_sentences([line.stated.text for line, _ in candidates], summarizer, count))
    # sumy's picks first; the others stand in for a pick that repeats another.
    ranked = sorted(
        range(len(candidates)),
        key=lambda i: (
            i not in central,
            candidates[i][0].background,
            -candidates[i][0].outlets,
            _newest_first(candidates[i][0].recency),
            candidates[i][0].order,
        ),
    )
    chosen: list[tuple[Line, tuple[str, ...]]] = []
    for i in ranked:
        if len(chosen) == count:
            break
        if not any(_repeats(candidates[i][0], line) for line, _ in chosen):
            chosen.append(candidates[i])
    # Shown newest first, background last.
    chosen.sort(key=lambda pair: (pair[0].background, _newest_first(pair[0].recency)))
    return tuple(summary_line(line, also) for line, also in chosen)


def summary_line(line: Line, also: tuple[str, ...]) -> SummaryLine:
    return SummaryLine(
        text=line.stated.text,
        sources=line.sources,
        also=also,
        report=line.report,
        background=line.background,
    )


def _newest_first(day: str) -> tuple[int, ...]:
    # "2024-12-07" before "2024-12-06"; an unknown day after every known one.
    return tuple(-int(part) for part in day.split("-")) if day else (1,)


def _repeats(line: Line, other: Line) -> bool:
    words, others = report_words(line.stated.text).words, report_words(other.stated.text).words
    return bool(words) and len(words & others) / len(words) >= _REPEAT_SHARE
