"""The timeline: every actor's facts by resolved date, one group per day, marked by actor."""

from __future__ import annotations

from itertools import groupby

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Footer, Static

from briefing.model import Briefing, Fact
from briefing.tui.citations import SourcedLine, actor_style, all_actors, attributed, sourced
from briefing.tui.hanging import Hanging
from briefing.tui.screens.views import ViewScreen, back_binding
from briefing.tui.widgets import SourcedLineList

# Facts sit indented under their day, so the days stand out as a column.
FACT_INDENT = Content("  ")

UNDATED = "undated"


def _day_heading(fact: Fact) -> str:
    if fact.date:
        return fact.date
    if fact.reported:
        return f"{fact.reported}, reported (no date in the text)"
    return UNDATED


def timeline_entries(briefing: Briefing) -> list[Content | tuple[Hanging, SourcedLine]]:
    """Day headings, each followed by its facts; a fact told of several actors appears once."""
    actors_of: dict[tuple[str, str], list[str]] = {}
    facts: dict[tuple[str, str], Fact] = {}
    for actor in all_actors(briefing):
        for fact in actor.facts:
            key = (_day_heading(fact), fact.text)
            facts.setdefault(key, fact)
            actors_of.setdefault(key, []).append(actor.id)
    names = {actor.id: actor.name for actor in all_actors(briefing)}
    # In date order ("2024-12" sorts before its days, a day's stated dates before the
    # facts merely reported that day); undated last.
    keys = sorted(facts, key=lambda k: (k[0] == UNDATED, k[0]))
    entries: list[Content | tuple[Hanging, SourcedLine]] = []
    for heading, group in groupby(keys, key=lambda k: k[0]):
        entries.append(Content.styled(heading, "bold underline $primary"))
        for key in group:
            fact = facts[key]
            marks = Content(", ").join(
                Content.styled(f"● {names[a]}", f"bold {actor_style(briefing, a)}")
                for a in actors_of[key]
            )
            shown = Hanging(FACT_INDENT, Content.assemble(marks, "  ", attributed(briefing, fact)))
            entries.append((shown, sourced(briefing, fact.text, fact.sources)))
    return entries


class TimelineScreen(ViewScreen):
    BINDINGS = [back_binding("timeline")]
    DEFAULT_CSS = """
    TimelineScreen #timeline-title { padding: 0 1; height: 1; }
    TimelineScreen SourcedLineList { height: 1fr; }
    """

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing

    def compose(self) -> ComposeResult:
        yield Static(
            Content.styled("Timeline: every actor's facts by date", "bold"), id="timeline-title"
        )
        yield SourcedLineList(id="timeline")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        timeline = self.query_one(SourcedLineList)
        timeline.show(timeline_entries(self.briefing))
        timeline.focus()
