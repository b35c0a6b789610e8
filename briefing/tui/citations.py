"""How the TUI names sources and lines: article numbers, [1][2] markers, copyable citations."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from textual.content import Content

from briefing.annotate import AnnotatedArticle
from briefing.model import ActorBrief, Briefing, Fact, SummaryLine, cited_articles
from briefing.render.wording import (
    STDIN_NAME,
    STDIN_PATH,
    also_tail,
    fact_tail,
    first_few,
    published_day,
    published_field,
)
from briefing.render.wording import plural as plural  # the wording is the dump's too
from briefing.render.wording import summary_shortfall as summary_shortfall
from briefing.resources import seeds_dir
from briefing.safety import shown_path
from briefing.tui.hanging import Hanging
from briefing.tui.theming import actor_variable

# A line carried by a whole wire-story corpus cites hundreds of articles: name a few.
MARKERS_SHOWN = 3
# Quieter text in Content styles. Not $text-muted: that is "auto 60%", which Content
# draws as full white, brighter than the text it should sit behind.
MUTED = "$foreground-muted"


@dataclass(frozen=True)
class SourcedLine:
    """A line the reader can open (its source sentences) and copy (with its citation)."""

    text: str
    sources: tuple[str, ...]
    citation: str
    brief_citation: str  # the first few sources, for a notification
    also: tuple[str, ...] = ()  # the other actors the line names ("also: Iran")

    @property
    def copied(self) -> str:
        """The line as copied: its text, the other actors it names, its citation."""
        return f"{self.text}{also_tail(self.also)} — {self.citation}"


def sourced(
    briefing: Briefing, text: str, sources: tuple[str, ...], also: tuple[str, ...] = ()
) -> SourcedLine:
    return SourcedLine(
        text,
        sources,
        citation(briefing, sources),
        citation(briefing, sources, limit=MARKERS_SHOWN, short=True),
        also,
    )


def also_content(briefing: Briefing, also: Sequence[str], lead: str = " also: ") -> Content:
    """' also: Iran, Russia': the other actors a line names, each in its pane's colour."""
    if not also:
        return Content("")
    ids = {actor.name: actor.id for actor in all_actors(briefing)}
    names = [
        Content.styled(name, f"italic {actor_style(briefing, ids[name])}")
        if name in ids
        else Content.styled(name, f"italic {MUTED}")
        for name in also
    ]
    return Content.assemble((lead, MUTED), Content(", ").join(names))


def display_path(path: str) -> str:
    """A path as short as it can be while still naming the file: relative when under
    cwd; a bundled seed by its name, wherever the package is installed. Escaped as every
    shown file name is: a path given on the command line is not yet."""
    if path == STDIN_PATH:
        return STDIN_NAME
    if Path(path).resolve().parent == seeds_dir().resolve():
        return f"bundled seed {shown_path(Path(path).name)}"
    if not os.path.isabs(path):
        return shown_path(path)
    relative = os.path.relpath(path)
    return shown_path(path if relative.startswith("..") else relative)


def source_markers(briefing: Briefing, sentence_ids: Sequence[str]) -> str:
    cited = briefing.source_numbers(sentence_ids)
    shown = "".join(f"[{n}]" for n in cited[:MARKERS_SHOWN])
    more = len(cited) - MARKERS_SHOWN
    return f"{shown} +{more}" if more > 0 else shown


def published_text(briefing: Briefing, article: AnnotatedArticle) -> str:
    """The page's publication time whole ('2024-12-07T10:14'), or the day the model
    estimates as the dump shows it ('~2025-04-18 (estimated)'); '' when undated."""
    if article.id in briefing.estimated_published:
        return published_field(briefing, article)
    return article.article.published or ""


def article_label(briefing: Briefing, article_id: str, *, short: bool = False) -> str:
    """'Dawn, 2024-12-07' (outlet or file, and the publication day when known, '~2024-12-07'
    when the briefing estimates it, as the sources table and the dump's list show it).
    `short` names a file by its name alone, escaped, as a tab has room for (a whole path
    pushed the next source's tab off the screen)."""
    item = briefing.article(article_id)
    article = item.article
    if article.outlet or article.path == STDIN_PATH:
        parts = [article.outlet or STDIN_NAME]
    else:
        parts = [shown_path(Path(article.path).name) if short else article.path]
    # (an undated page the briefing dates was cited with no day: a copied line lost its date)
    day = published_day(briefing, item)
    return ", ".join([*parts, day] if day else parts)


def citation(
    briefing: Briefing,
    sentence_ids: Sequence[str],
    limit: int | None = None,
    *,
    short: bool = False,
) -> str:
    """'[1] Dawn, 2024-12-07; [2] ...'; with a limit, the first few and how many more;
    `short` as `article_label` (a notice showed each outlet-less page's whole path)."""
    numbers = briefing.article_numbers()
    cited = [aid for aid in cited_articles(sentence_ids) if aid in numbers]
    labels = [f"[{numbers[aid]}] {article_label(briefing, aid, short=short)}" for aid in cited]
    return first_few(labels, limit, "; ")


def actor_slots(briefing: Briefing) -> dict[str, int | None]:
    """Actor id -> colour slot: profile actors in profile order, other actors share one."""
    slots: dict[str, int | None] = {actor.id: slot for slot, actor in enumerate(briefing.actors)}
    for actor in briefing.other_actors:
        slots.setdefault(actor.id, None)
    return slots


def all_actors(briefing: Briefing) -> tuple[ActorBrief, ...]:
    return briefing.actors + briefing.other_actors


def opening_actor(briefing: Briefing) -> ActorBrief | None:
    """The actor a reader is shown first: the one with the most news (key facts, then the
    articles reporting on it), ties by profile order; a profile actor the articles report on
    before any other actor (those stand in only for a profile that does not fit them)."""
    reported = [a for a in briefing.actors if a.sentence_ids] or [
        a for a in briefing.other_actors if a.sentence_ids
    ]
    candidates = reported or list(briefing.actors + briefing.other_actors)
    # max keeps the first of equals: profile order breaks ties
    return max(candidates, key=lambda a: (len(a.facts), a.source_count), default=None)


def actor_style(briefing: Briefing, actor_id: str) -> str:
    return actor_variable(actor_slots(briefing).get(actor_id))


def summary_method(briefing: Briefing) -> str:
    """'luhn, 3 sentences': how the summaries were made."""
    return f"{briefing.summarizer}, {plural(briefing.length, 'sentence')}"


def masthead(briefing: Briefing, width: int) -> Content:
    """The header line: articles, outlets, date span, profile, summarizer, fitted to `width`.

    Outlets are named when they fit, else counted; the summary method shrinks to
    'luhn·3' before outlets are counted, and is the last thing left out.
    """
    span = briefing.date_span
    dates = "undated" if span is None else (span[0] if span[0] == span[1] else " – ".join(span))
    named = ", ".join(briefing.outlets) or "no outlet named"
    counted = plural(len(briefing.outlets), "outlet")
    method = f" · {summary_method(briefing)}"
    short_method = f" · {briefing.summarizer}·{briefing.length}"
    choices = [
        (named, method),
        (named, short_method),
        (counted, method),
        (counted, short_method),
        (counted, ""),
    ]
    for outlets, summarizer in choices:
        line = Content.assemble(
            (plural(len(briefing.articles), "article"), "bold"),
            f" · {outlets} · {dates} · ",
            (briefing.profile_name, "bold $accent"),
            summarizer,
        )
        if line.cell_length <= width:
            break
    return line


def markers_content(briefing: Briefing, sentence_ids: Sequence[str]) -> Content:
    return Content.styled(source_markers(briefing, sentence_ids), MUTED)


def summary_line(briefing: Briefing, line: SummaryLine) -> tuple[Hanging, SourcedLine]:
    # Whom a pronoun it opens with stands for, as a key fact's account is shown.
    said = line.text + fact_tail(line)
    return Hanging(Content("• "), attributed(briefing, line)), sourced(
        briefing, said, line.sources, line.also
    )


# Wide enough for "(2024-12-06)", a report date in brackets.
DATE_COLUMN = 12


def fact_line(briefing: Briefing, fact: Fact) -> tuple[Hanging, SourcedLine]:
    # A date the text states is bold; a fact without one sits at its report date, in
    # brackets and muted, so the two differ without colour or italics too.
    if fact.date:
        column, style, label = fact.date, "bold $primary", fact.date
    elif fact.reported:
        column, label = f"({fact.reported})", f"reported {fact.reported}"
        style = f"italic {MUTED}"
    else:
        column, style, label = "undated", MUTED, ""
    lead = Content.assemble((f"{column:<{DATE_COLUMN}}", style), " ")
    shown = Hanging(lead, attributed(briefing, fact))
    said = fact.text + fact_tail(fact)
    dated = f"{label}: {said}" if label else said
    return shown, sourced(briefing, dated, fact.sources, fact.also)


def attributed(briefing: Briefing, fact: Fact | SummaryLine) -> Content:
    """'Text — who said it also: Iran [1][2]'."""
    return Content.assemble(
        fact.text,
        *([(f" — {fact.attribution}", "italic")] if fact.attribution else []),
        also_content(briefing, fact.also),
        " ",
        markers_content(briefing, fact.sources),
    )


def fact_day(fact: Fact) -> str | None:
    """The date a fact is placed at: the one its text states, else its report date."""
    return fact.date or fact.reported


def facts_by_date(facts: Sequence[Fact], newest_first: bool) -> list[Fact]:
    """Dated facts newest (or oldest) first, the model's order kept within a date;
    undated facts last either way."""
    dated = sorted((f for f in facts if fact_day(f)), key=fact_day, reverse=newest_first)
    return dated + [f for f in facts if not fact_day(f)]


def order_label(newest_first: bool) -> str:
    return "newest first" if newest_first else "oldest first"
