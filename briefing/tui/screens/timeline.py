"""The timeline: every actor's facts by resolved date, one group per day, marked by actor."""

from __future__ import annotations

from itertools import groupby

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefing.model import Briefing, Fact
from briefing.tui.citations import SourcedLine, actor_style, all_actors, citation, markers_content
from briefing.tui.widgets import SourcedLineList

UNDATED = "undated"


def timeline_entries(briefing: Briefing) -> list[Content | tuple[Content, SourcedLine]]:
    """Day headings, each followed by its facts; a fact told of several actors appears once."""
    actors_of: dict[tuple[str | None, str], list[str]] = {}
    facts: dict[tuple[str | None, str], Fact] = {}
    for actor in all_actors(briefing):
        for fact in actor.facts:
            key = (fact.date, fact.text)
            facts.setdefault(key, fact)
            actors_of.setdefault(key, []).append(actor.id)
    names = {actor.id: actor.name for actor in all_actors(briefing)}
    # Dated first, in date order ("2024-12" sorts before its days); undated last.
    keys = sorted(facts, key=lambda k: (k[0] is None, k[0] or ""))
    entries: list[Content | tuple[Content, SourcedLine]] = []
    for date, group in groupby(keys, key=lambda k: k[0]):
        entries.append(Content.styled(date or UNDATED, "bold underline $primary"))
        for key in group:
            fact = facts[key]
            marks = Content(", ").join(
                Content.styled(f"● {names[a]}", f"bold {actor_style(briefing, a)}")
                for a in actors_of[key]
            )
            shown = Content.assemble(
                marks,
                "  ",
                fact.text,
                *([(f" — {fact.attribution}", "italic")] if fact.attribution else []),
                " ",
                markers_content(briefing, fact.sources),
            )
            entries.append(
                (shown, SourcedLine(fact.text, fact.sources, citation(briefing, fact.sources)))
            )
    return entries


class TimelineScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="timeline.back")]
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
