"""The timeline: every actor's facts by resolved date, one group per day, marked by actor.

Newest first unless the reader reverses it (`O`, shared with the main pane); `a` shows one
actor's facts only, `d` jumps to a date.
"""

from __future__ import annotations

from itertools import groupby

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Static

from briefing.model import Briefing, Fact
from briefing.tui.citations import (
    MUTED,
    SourcedLine,
    actor_style,
    all_actors,
    attributed,
    fact_line,
    order_label,
)
from briefing.tui.hanging import Hanging
from briefing.tui.screens.pickers import ActorPicker, DatePrompt
from briefing.tui.screens.views import ViewScreen, back_binding
from briefing.tui.widgets import SourcedLineList

# Facts sit indented under their day, so the days stand out as a column.
FACT_INDENT = Content("  ")
HEADING_STYLE = "bold underline $primary"

UNDATED = "undated"


def _day_heading(fact: Fact) -> str:
    if fact.date:
        return fact.date
    if fact.reported:
        return f"{fact.reported}, reported (no date in the text)"
    return UNDATED


def timeline_entries(
    briefing: Briefing, *, newest_first: bool = True, actor_id: str | None = None
) -> list[Content | tuple[Hanging, SourcedLine]]:
    """Day headings, each followed by its facts; a fact told of several actors appears once.

    With `actor_id`, only that actor's facts (still marked with every actor they concern).
    """
    actors_of: dict[tuple[str, str], list[str]] = {}
    facts: dict[tuple[str, str], Fact] = {}
    for actor in all_actors(briefing):
        for fact in actor.facts:
            key = (_day_heading(fact), fact.text)
            facts.setdefault(key, fact)
            actors_of.setdefault(key, []).append(actor.id)
    names = {actor.id: actor.name for actor in all_actors(briefing)}
    # By day ("2024-12" sits beside its days, a day's stated dates beside the facts merely
    # reported that day), the model's order kept within a day; undated last either way.
    chosen = [k for k in facts if actor_id is None or actor_id in actors_of[k]]
    dated = sorted((k for k in chosen if k[0] != UNDATED), key=lambda k: k[0], reverse=newest_first)
    keys = dated + [k for k in chosen if k[0] == UNDATED]
    entries: list[Content | tuple[Hanging, SourcedLine]] = []
    for heading, group in groupby(keys, key=lambda k: k[0]):
        entries.append(Content.styled(heading, HEADING_STYLE))
        for key in group:
            fact = facts[key]
            marks = Content(", ").join(
                Content.styled(f"● {names[a]}", f"bold {actor_style(briefing, a)}")
                for a in actors_of[key]
            )
            shown = Hanging(FACT_INDENT, Content.assemble(marks, "  ", attributed(briefing, fact)))
            # Copied (c) as in the brief, with its date, account and other actors: the bare
            # text and citation lost when and by whom.
            entries.append((shown, fact_line(briefing, fact)[1]))
    return entries


def dated_headings(entries: list[Content | tuple[Hanging, SourcedLine]]) -> list[tuple[int, str]]:
    """(entry index, day) of each dated day heading, in the timeline's order."""
    return [
        (index, str(entry)[:10])
        for index, entry in enumerate(entries)
        if isinstance(entry, Content) and str(entry) != UNDATED
    ]


def day_index(
    entries: list[Content | tuple[Hanging, SourcedLine]], day: str, newest_first: bool
) -> int | None:
    """The entry of the day heading `day` (a prefix: '2024', '2024-12', '2024-12-06') or, if
    no day matches, of the nearest day past it in the timeline's order."""
    headings = dated_headings(entries)
    for index, heading in headings:
        if heading.startswith(day):
            return index
    for index, heading in headings:
        if (heading < day) if newest_first else (heading > day):
            return index
    return None


class TimelineScreen(ViewScreen):
    BINDINGS = [
        back_binding("timeline"),
        Binding("O", "app.reverse_facts", "Newest/oldest", id="timeline.order"),
        Binding("a", "choose_actor", "Actor", id="timeline.actor"),
        Binding("d", "jump_to_date", "Date", id="timeline.date"),
    ]
    DEFAULT_CSS = """
    TimelineScreen #timeline-title { padding: 0 1; height: 1; }
    TimelineScreen SourcedLineList { height: 1fr; }
    """

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing
        self.actor_id: str | None = None
        self._entries: list[Content | tuple[Hanging, SourcedLine]] = []

    def compose(self) -> ComposeResult:
        yield Static(id="timeline-title")
        yield SourcedLineList(id="timeline")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # Shown again when the briefing is reloaded or the order reversed.
        self.watch(self.app, "briefing", self._briefing_changed, init=False)
        self.watch(self.app, "newest_first", self.show, init=False)
        self.show()
        self.query_one(SourcedLineList).focus()

    def _briefing_changed(self, briefing: Briefing | None) -> None:
        if briefing is not None:
            self.briefing = briefing
            if self.actor_id not in {a.id for a in all_actors(briefing)}:
                self.actor_id = None
            self.show()

    @property
    def newest_first(self) -> bool:
        return self.app.newest_first

    def show(self) -> None:
        names = {actor.id: actor.name for actor in all_actors(self.briefing)}
        whose = (
            "every actor's facts" if self.actor_id is None else f"{names[self.actor_id]}'s facts"
        )
        self.query_one("#timeline-title", Static).update(
            Content.assemble(
                (f"Timeline: {whose}, {order_label(self.newest_first)}", "bold"),
                (" · a actor · d date · O reverse", MUTED),
            )
        )
        entries = timeline_entries(
            self.briefing, newest_first=self.newest_first, actor_id=self.actor_id
        )
        self.query_one(SourcedLineList).show(entries)
        self._entries = entries

    def action_choose_actor(self) -> None:
        with_facts = [a for a in all_actors(self.briefing) if a.facts]
        self.app.push_screen(ActorPicker(self.briefing, with_facts, self.actor_id), self._chosen)

    def _chosen(self, choice: str | None) -> None:
        # None: the picker was cancelled; "" means every actor.
        if choice is not None:
            self.actor_id = choice or None
            self.show()

    def action_jump_to_date(self) -> None:
        days = [day for _, day in dated_headings(self._entries)]
        onward = "before" if self.newest_first else "after"
        self.app.push_screen(DatePrompt(days, self._find_day, onward), self._jump)

    def _find_day(self, day: str) -> int | None:
        return day_index(self._entries, day, self.newest_first)

    def _jump(self, index: int | None) -> None:
        if index is None:  # the prompt was cancelled
            return
        timeline = self.query_one(SourcedLineList)
        timeline.highlighted = index + 1  # the day's first fact
        timeline.focus()
        # Once this screen is back on top (the prompt just closed), the day's heading at the top.
        self.call_after_refresh(self._scroll_to_day)

    def _scroll_to_day(self) -> None:
        timeline = self.query_one(SourcedLineList)
        timeline.scroll_to_highlight(top=True)
        # Then one line up, for its heading, once that scroll is done.
        self.call_after_refresh(timeline.scroll_relative, y=-1, animate=False)
