"""The briefing, or one actor's brief, as Markdown; article text escaped."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from briefing.model import ActorBrief, Briefing, Fact, SummaryLine
from briefing.render.wording import (
    NO_REPORTING,
    actor_counts,
    also_tail,
    fact_when,
    overview,
    sections,
    settings_line,
    source_fields,
    summary_shortfall,
    unreported,
)
from briefing.safety import clean_text, escape_markdown


def render_markdown(briefing: Briefing) -> str:
    md = escape_markdown
    out = ["# Briefing", "", md(overview(briefing)) + "  ", md(settings_line(briefing))]
    if briefing.problems:
        out.append("")
        out += [f"> {md(clean_text(problem))}  " for problem in briefing.problems]
    for heading, briefs in sections(briefing):
        if heading:
            out += ["", f"## {heading}"]
        level = "###" if heading else "##"
        for brief in briefs:
            if brief.sentence_ids:  # (the others named after them, by `unreported`)
                out += ["", *_markdown_actor(briefing, brief, level)]
        silent = unreported(briefs)
        if silent:
            out += ["", f"{level} {NO_REPORTING}", "", md(silent)]
    out += ["", "## Sources", "", *_markdown_sources(briefing)]
    return "\n".join(out) + "\n"


def render_actor_markdown(briefing: Briefing, brief: ActorBrief) -> str:
    """One actor's brief and the sources its lines cite, numbered as in the whole briefing."""
    numbers = briefing.source_numbers(brief.cited_sentences)
    out = _markdown_actor(briefing, brief, "##")
    if numbers:
        out += ["", "**Sources**", "", *_markdown_sources(briefing, numbers)]
    return "\n".join(out) + "\n"


def _markdown_cite(briefing: Briefing, sources: Iterable[str]) -> str:
    return "".join(f"\\[{n}\\]" for n in briefing.source_numbers(sources))


def _markdown_actor(briefing: Briefing, brief: ActorBrief, level: str) -> list[str]:
    md = escape_markdown
    if not brief.sentence_ids:
        return [f"{level} {md(brief.name)}", "", f"{NO_REPORTING}."]
    out = [f"{level} {md(brief.name)}", "", f"*{md(actor_counts(briefing, brief))}*"]
    shortfall = summary_shortfall(briefing, brief)
    if brief.summary or shortfall:
        out += ["", f"**Summary** ({md(shortfall)})" if shortfall else "**Summary**"]
        # (an empty summary's heading, which says why, stands without a list after it)
        out += [""] if brief.summary else []
        out += [
            f"- {md(line.text)}{_tails(line)} {_markdown_cite(briefing, line.sources)}"
            for line in brief.summary
        ]
    if brief.facts:
        out += ["", "**Key facts**", ""]
        for fact in brief.facts:
            when = fact_when(fact)
            cite = _markdown_cite(briefing, fact.sources)
            out.append(f"- **{md(when)}**: {md(fact.text)}{_tails(fact)} {cite}")
    return out


def _tails(line: Fact | SummaryLine) -> str:
    """' *(whose account)* (also: Iran)': the text dump's tails, the account in italics."""
    who = f" *({escape_markdown(line.attribution)})*" if line.attribution else ""
    also = also_tail(line.also)  # ' (also: ...)': escaped without its space, which it strips
    return who + (f" {escape_markdown(also[1:])}" if also else "")


def _markdown_sources(briefing: Briefing, numbers: Collection[int] | None = None) -> list[str]:
    """'- \\[1\\] Dawn | ...' per source (all, or those numbered): bracketed like the
    markers, since a list of some sources cannot be a numbered Markdown list."""
    return [
        f"- \\[{n}\\] " + " | ".join(escape_markdown(f) for f in fields)
        for n, fields in source_fields(briefing)
        if numbers is None or n in numbers
    ]
