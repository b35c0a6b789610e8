"""A pane's summary: the reports the user's summarizer ranks best."""

from __future__ import annotations

from briefing.model.reports import Reports
from briefing.model.types import SummaryLine
from briefing.summarize import select_sentences

# Sentences shorter than this say too little to stand alone in a summary.
_MIN_SUMMARY_WORDS = 5


def summarize_reports(reports: Reports, summarizer: str, count: int) -> tuple[SummaryLine, ...]:
    candidates = [
        (report, stated)
        for report, stated in reports.items()
        if stated.kind != "caption" and len(stated.text.split()) >= _MIN_SUMMARY_WORDS
    ]
    chosen = select_sentences([stated.text for _, stated in candidates], summarizer, count)
    return tuple(SummaryLine(text=candidates[i][1].text, sources=candidates[i][0]) for i in chosen)
