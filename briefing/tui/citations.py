"""How the TUI names sources and lines: article numbers, [1][2] markers, copyable citations."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual.content import Content

from briefing.model import ActorBrief, Briefing, Fact, SummaryLine
from briefing.tui.theming import actor_variable


@dataclass(frozen=True)
class SourcedLine:
    """A line the reader can open (its source sentences) and copy (with its citation)."""

    text: str
    sources: tuple[str, ...]
    citation: str


def article_numbers(briefing: Briefing) -> dict[str, int]:
    """Article id -> the 1-based number shown in source markers."""
    return {article.id: number for number, article in enumerate(briefing.articles, start=1)}


def cited_articles(sentence_ids: Iterable[str]) -> list[str]:
    """The distinct article ids of some sentence ids, first mention first."""
    return list(dict.fromkeys(sid.split(".")[0] for sid in sentence_ids))


def display_path(path: str) -> str:
    """A path as short as it can be while still naming the file: relative when under cwd."""
    if path == "-" or not os.path.isabs(path):
        return path
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def source_markers(briefing: Briefing, sentence_ids: Sequence[str]) -> str:
    numbers = article_numbers(briefing)
    cited = sorted(numbers[aid] for aid in cited_articles(sentence_ids) if aid in numbers)
    return "".join(f"[{n}]" for n in cited)


def article_label(briefing: Briefing, article_id: str) -> str:
    """'Dawn, 2024-12-07' (outlet or file name, and the publication day when known)."""
    article = briefing.article(article_id).article
    parts = [article.outlet or article.path]
    if article.published:
        parts.append(article.published[:10])
    return ", ".join(parts)


def citation(briefing: Briefing, sentence_ids: Sequence[str]) -> str:
    numbers = article_numbers(briefing)
    return "; ".join(
        f"[{numbers[aid]}] {article_label(briefing, aid)}"
        for aid in cited_articles(sentence_ids)
        if aid in numbers
    )


def actor_slots(briefing: Briefing) -> dict[str, int | None]:
    """Actor id -> colour slot: profile actors in profile order, other actors share one."""
    slots: dict[str, int | None] = {actor.id: slot for slot, actor in enumerate(briefing.actors)}
    for actor in briefing.other_actors:
        slots.setdefault(actor.id, None)
    return slots


def all_actors(briefing: Briefing) -> tuple[ActorBrief, ...]:
    return briefing.actors + briefing.other_actors


def actor_style(briefing: Briefing, actor_id: str) -> str:
    return actor_variable(actor_slots(briefing).get(actor_id))


def masthead(briefing: Briefing) -> Content:
    """The header line: articles, outlets, date span, profile, summarizer."""
    count = len(briefing.articles)
    span = briefing.date_span
    dates = "undated" if span is None else (span[0] if span[0] == span[1] else " – ".join(span))
    outlets = ", ".join(briefing.outlets) or "no outlet named"
    return Content.assemble(
        (f"{count} article{'s' if count != 1 else ''}", "bold"),
        f" · {outlets} · {dates} · ",
        (briefing.profile_name, "bold $accent"),
        f" · {briefing.summarizer}, {briefing.length} sentences",
    )


def markers_content(briefing: Briefing, sentence_ids: Sequence[str]) -> Content:
    return Content.styled(source_markers(briefing, sentence_ids), "$text-muted")


def summary_line(briefing: Briefing, line: SummaryLine) -> tuple[Content, SourcedLine]:
    shown = Content.assemble("• ", line.text, " ", markers_content(briefing, line.sources))
    return shown, SourcedLine(line.text, line.sources, citation(briefing, line.sources))


def fact_line(briefing: Briefing, fact: Fact) -> tuple[Content, SourcedLine]:
    # A date the text states is bold; a fact without one sits, muted, at its report date.
    if fact.date:
        column, style, label = fact.date, "bold $primary", fact.date
    elif fact.reported:
        column, style, label = fact.reported, "italic $text-muted", f"reported {fact.reported}"
    else:
        column, style, label = "undated", "$text-muted", ""
    parts: list[Content | str | tuple[str, str]] = [(f"{column:<10}", style)]
    parts += ["  ", fact.text]
    if fact.attribution:
        parts.append((f" — {fact.attribution}", "italic"))
    parts += [" ", markers_content(briefing, fact.sources)]
    said = f"{fact.text} ({fact.attribution})" if fact.attribution else fact.text
    dated = f"{label}: {said}" if label else said
    return Content.assemble(*parts), SourcedLine(
        dated, fact.sources, citation(briefing, fact.sources)
    )
