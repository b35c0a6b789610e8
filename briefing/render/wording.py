"""Wording shared by the text and Markdown dumps and the TUI: counts, dates, overview lines,
the tails of a fact's line, the source list's fields."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from briefing.annotate import AnnotatedArticle
from briefing.model import ActorBrief, Briefing, Fact, SummaryLine
from briefing.safety import clean_text

UNTITLED = "untitled"  # what an article without a title is called
NO_REPORTING = "No reporting in these articles"  # said of actors no sentence names
STDIN_NAME = "standard input"  # what the article read from '-' is called ('-' said nothing)
# ingest.STDIN_PATH, not imported: the view would load ingest as it starts
STDIN_PATH = "-"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def first_few(items: Sequence[str], shown: int | None, separator: str = ", ") -> str:
    """The first `shown` items (all with None) and how many more: "a, b and 3 more"; "a; b;
    and 3 more" (items parted by semicolons may hold commas: the tail is one more item)."""
    named = separator.join(items[:shown])
    more = len(items) - shown if shown is not None else 0
    if more <= 0:
        return named
    return f"{named}{separator if ';' in separator else ' '}and {more} more"


def summary_shortfall(briefing: Briefing, actor: ActorBrief) -> str | None:
    """Why a summary is shorter than asked: '3 of 5: only 3 distinct reports about this
    actor'; None when it is as long as asked (or the model does not say what was asked)."""
    shown, asked, pool = len(actor.summary), actor.summary_length, actor.summary_reports
    if shown >= asked:
        return None
    if pool == 0 and not shown:
        # Nothing to choose from: say why, not "only 0 distinct reports".
        if not actor.sentence_ids:
            return f"0 of {asked}: no reporting about this actor"
        # (no key fact and no report left: the pane has no line; `summary_pool` is not
        # read, a warm run decodes it only when a view asks)
        if not actor.facts:
            return f"0 of {asked}: each line naming this actor stands under another actor's"
        return f"0 of {asked}: no report about this actor beside its key facts"
    if pool <= shown:
        reports = plural(pool, "distinct report")
        beside = "to summarise beside its key facts"
        return f"{shown} of {asked}: only {reports} about this actor {beside}"
    return f"{shown} of {asked}: {briefing.summarizer} chose {shown} of its {pool} distinct reports"


def markers(briefing: Briefing, sources: Iterable[str]) -> str:
    return "".join(f"[{n}]" for n in briefing.source_numbers(sources))


def human_date(value: str) -> str:
    """'2024-12-06' -> '6 December 2024'; '2024-12' -> 'December 2024'; '2016' stays."""
    parts = value.split("-")
    try:
        if len(parts) == 3:
            day = date.fromisoformat(value)
            return f"{day.day} {day:%B %Y}"
        if len(parts) == 2:
            return f"{date(int(parts[0]), int(parts[1]), 1):%B %Y}"
    except ValueError:
        pass
    return value


def overview(briefing: Briefing) -> str:
    """'2 articles from Dawn and The Business Standard, 6 to 7 December 2024'; '8 articles,
    1 from The Jerusalem Post, 3 April 2025' when the others' outlets are unknown (not '8
    articles from The Jerusalem Post')."""
    count = len(briefing.articles)
    line = f"{count} article{'s' if count != 1 else ''}"
    outlets = list(briefing.outlets)
    if outlets:
        named = outlets[0] if len(outlets) == 1 else ", ".join(outlets[:-1]) + " and " + outlets[-1]
        # "7 articles from Particle.news" read as all seven its when two were.
        known = sum(1 for a in briefing.articles if a.article.outlet)
        line += f" from {named}" if known == count else f", {known} from {named}"
    span = briefing.date_span
    if span:
        line += f", {date_range(*span)}"
    return line


def date_range(first: str, last: str) -> str:
    """'6–7 December 2024', '30 November to 2 December 2024', '6 December 2024'."""
    if first == last:
        return human_date(first)
    a, b = human_date(first).split(" "), human_date(last).split(" ")
    if len(a) == len(b) == 3 and a[1:] == b[1:]:
        return f"{a[0]}–{b[0]} {a[1]} {a[2]}"
    if len(a) == len(b) == 3 and a[2] == b[2]:
        return f"{a[0]} {a[1]} to {human_date(last)}"
    return f"{human_date(first)} to {human_date(last)}"


def settings_line(briefing: Briefing) -> str:
    return (
        f"Profile: {briefing.profile_name} ({briefing.profile_id}); "
        f"summaries: {briefing.summarizer}, up to {briefing.length} sentences"
    )


def actor_counts(briefing: Briefing, brief: ActorBrief) -> str:
    sentences = len(brief.sentence_ids)
    sources = brief.source_count
    return (
        f"{sentences} sentence{'s' if sentences != 1 else ''} "
        f"in {sources} article{'s' if sources != 1 else ''}"
    )


def fact_when(fact: Fact) -> str:
    """'6 December 2024', or 'reported 6 December 2024' when the text gives no date."""
    if fact.date:
        return human_date(fact.date)
    if fact.reported:
        return f"reported {human_date(fact.reported)}"
    return "undated"


def fact_tail(line: Fact | SummaryLine) -> str:
    """' (who said it)': a key fact's account, or whom a summary line's pronoun stands for."""
    return f" ({line.attribution})" if line.attribution else ""


def also_tail(also: Iterable[str]) -> str:
    """' (also: Iran, Russia)': the other actors a line names, whose panes it is not in."""
    names = list(also)
    return f" (also: {', '.join(names)})" if names else ""


def unreported(briefs: Iterable[ActorBrief]) -> str:
    """'HTS, Russia': the actors no sentence names, said once after the others (a heading
    each, with nothing under it, cluttered a dump); '' when there are none."""
    return ", ".join(brief.name for brief in briefs if not brief.sentence_ids)


def sections(briefing: Briefing) -> list[tuple[str, tuple[ActorBrief, ...]]]:
    sections = [("", briefing.actors)]
    if briefing.other_actors:
        sections.append(("Other actors", briefing.other_actors))
    return sections


def published_day(briefing: Briefing, item: AnnotatedArticle) -> str:
    """'~2025-04-18' for a day the model estimates (see `Dating.estimated_days`), else the
    page's day, else '' (undated)."""
    estimate = briefing.estimated_published.get(item.id)
    return f"~{estimate}" if estimate else (item.article.published or "")[:10]


def published_field(briefing: Briefing, item: AnnotatedArticle) -> str:
    """`published_day` with what it is: '~2025-04-18 (estimated, page says 2025-04-10)'."""
    day, page = published_day(briefing, item), item.article.published
    if item.id not in briefing.estimated_published:
        return day
    return f"{day} (estimated{f', page says {page[:10]}' if page else ''})"


def source_fields(briefing: Briefing) -> list[tuple[int, list[str]]]:
    rows = []
    for n, item in enumerate(briefing.articles, start=1):
        a = item.article
        fields = [a.outlet or "unknown outlet"]
        if a.wire:  # a credit as bylines are ('by ...'): a bare 'AFP' read as an outlet
            fields.append(f"via {a.wire}")
        if a.byline:
            fields.append(f"by {a.byline}")
        fields.append(f"“{a.title}”" if a.title else UNTITLED)
        fields.append(published_field(briefing, item) or "undated")
        fields.append(STDIN_NAME if a.path == STDIN_PATH else clean_text(a.path))
        rows.append((n, fields))
    return rows
