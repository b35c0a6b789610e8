"""The main screen: actors (profile order, then other actors) beside the chosen actor's brief."""

from __future__ import annotations

from dataclasses import replace

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import ActorBrief, Briefing
from briefing.progress import Stage, describe
from briefing.tui.citations import (
    MUTED,
    actor_style,
    all_actors,
    fact_line,
    facts_by_date,
    masthead,
    opening_actor,
    order_label,
    plural,
    summary_line,
    summary_shortfall,
)
from briefing.tui.screens.views import ViewScreen, view_bindings
from briefing.tui.widgets import SourcedLineList, VimOptionList

COUNT_HEADERS = ("sent", "fact", "src")
# The profile's names get the room first: where such a name and every count do not fit,
# counts are left out in this order (sources, what corroborates a line, stay longest).
COUNTS_DROPPED = ("sent", "fact", "src")
HEADING_STYLE = "bold underline $text-secondary"
# The pointer or jump number, and a space, before each name.
NAME_LEAD = 3
# The actors list is 30% of the screen (at most 44 cells, the stylesheet's) but never less
# than this, and widens to show the profile's names whole with every count where the brief
# keeps BRIEF_ROOM beside it.
ACTORS_MIN_WIDTH = 32
BRIEF_ROOM = 72


def counts(actor: ActorBrief) -> dict[str, int]:
    return {"sent": len(actor.sentence_ids), "fact": len(actor.facts), "src": actor.source_count}


def count_widths(actors: list[ActorBrief]) -> dict[str, int]:
    """Each count column as wide as its largest number (or its header)."""
    return {
        header: max(len(header), *(len(str(counts(a)[header])) for a in actors))
        for header in COUNT_HEADERS
    }


def shown_counts(widths: dict[str, int], longest_name: int, room: int) -> list[str]:
    """The count columns (of COUNT_HEADERS, `widths` wide) that leave the longest name
    its room; all of them when they fit."""
    shown = list(COUNT_HEADERS)
    for header in COUNTS_DROPPED:
        if NAME_LEAD + longest_name + sum(widths[h] + 1 for h in shown) <= room:
            break
        shown.remove(header)
    return shown


class ActorList(VimOptionList):
    """One row per actor with its counts of sentences, facts and sources.

    The highlighted actor is pointed at (▶ in place of its jump number): a shaded
    row alone is faint while the reader is in the brief, and lost without colour.
    """

    # Shown: with the actors focused, the footer says what enter does here. On the screen,
    # which knows whether the brief has a line to land on.
    BINDINGS = [Binding("enter", "screen.read_brief", "Brief", id="actors.read")]
    POINTER = "▶"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._briefing: Briefing | None = None
        self._widths: dict[str, int] = {}  # the count columns shown, by header
        # What the list's width does not change, kept from the briefing: every count
        # column's width, the longest profile name, and the rows (the actors, the header,
        # "Other actors" and its "none named often").
        self._all_widths: dict[str, int] = {}
        self._longest = 0
        self._rows = 0
        self._markers: dict[str, str] = {}  # actor id -> its jump number, or "·"
        self._pointed: str | None = None

    def on_resize(self) -> None:
        # Rows are laid out to the list's width, so a new width needs new rows.
        if self._briefing is not None:
            self.show(self._briefing)

    @property
    def pointed(self) -> str | None:
        """The id of the actor pointed at, also before the rows are laid out."""
        option = self.highlighted_option
        return option.id if option is not None else self._pointed

    def show(self, briefing: Briefing) -> None:
        everyone = all_actors(briefing)
        if briefing is not self._briefing:
            self._briefing = briefing
            self._all_widths = count_widths(everyone)
            self._longest = max((len(a.name) for a in briefing.actors), default=0)
            self._rows = len(everyone) + (2 if briefing.other_actors else 3)
        keep = self.highlighted_option.id if self.highlighted_option else None
        if keep not in {a.id for a in everyone}:
            # Start where the news is, not on the profile's first actor (whose pane may be
            # nearly empty in a story about another).
            opening = opening_actor(briefing)
            keep = opening.id if opening else None
        self._pointed = keep
        if not self.size.width:
            # Not laid out yet: the rows need the list's width, and its first resize
            # lays them out (the brief beside it need not wait for that).
            return
        # The count columns, one space apart. The profile's names (the panes the number keys
        # open) are kept whole; a name found in the text ("General People's Congress Party")
        # is cut before the counts go.
        room = self.scrollable_content_region.width
        shown = shown_counts(self._all_widths, self._longest, room)
        self._widths = {h: self._all_widths[h] for h in shown}
        self._markers = {actor.id: str(slot) for slot, actor in enumerate(briefing.actors, 1)}
        self._markers |= {actor.id: "·" for actor in briefing.other_actors}
        counts_width = sum(self._widths.values()) + len(self._widths)
        header_at = max(4, room - counts_width)
        header = "".join(f" {h:>{w}}" for h, w in self._widths.items())
        options: list[Option] = [
            Option(Content.styled(f"{'actors':<{header_at}}{header}", MUTED), disabled=True)
        ]
        options += [Option(self._row(briefing, actor), id=actor.id) for actor in briefing.actors]
        options.append(Option(Content.styled("Other actors", f"bold {MUTED}"), disabled=True))
        if briefing.other_actors:
            options += [
                Option(self._row(briefing, actor), id=actor.id) for actor in briefing.other_actors
            ]
        else:
            options.append(Option(Content.styled("  none named often", MUTED), disabled=True))
        self.set_options(options)
        self.highlighted = None if keep is None else self.get_option_index(keep)

    def whole_width(self) -> int:
        """The cells the list takes to show the profile's names whole beside every count
        (of the briefing last shown)."""
        counted = sum(width + 1 for width in self._all_widths.values())
        # Its padding and border, and a scrollbar's room when the rows will not fit.
        overflows = self._rows > self.scrollable_content_region.height
        chrome = self.styles.gutter.width + (self.styles.scrollbar_size_vertical * overflows)
        return NAME_LEAD + self._longest + counted + chrome

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self._briefing is None or event.option.id == self._pointed:
            return
        actors = {actor.id: actor for actor in all_actors(self._briefing)}
        previous, self._pointed = self._pointed, event.option.id
        for actor_id in (previous, self._pointed):
            if actor_id in actors:
                self.replace_option_prompt(actor_id, self._row(self._briefing, actors[actor_id]))

    def _row(self, briefing: Briefing, actor: ActorBrief) -> Content:
        marker = self.POINTER if actor.id == self._pointed else self._markers[actor.id]
        numbers = "".join(f" {counts(actor)[h]:>{w}}" for h, w in self._widths.items())
        # Counts shown line up at any width: a name longer than the room left is cut.
        name_width = max(4, self.scrollable_content_region.width - len(numbers) - NAME_LEAD)
        name = actor.name if len(actor.name) <= name_width else actor.name[: name_width - 1] + "…"
        # An actor the articles never name is listed (it is in the profile) but muted.
        style = f"bold {actor_style(briefing, actor.id)}" if actor.sentence_ids else MUTED
        pointer_style = "bold" if marker == self.POINTER else MUTED
        return Content.assemble(
            (f"{marker:>2}", pointer_style),
            " ",
            (f"{name:<{name_width}}", style),
            (numbers, MUTED),
        )


class MainScreen(ViewScreen):
    BINDINGS = [
        # Where a new reader starts, so the footer shows the keys to the other views.
        *view_bindings(show=True),
        # Only here: in the other views q goes back (views.back_binding).
        Binding("q", "app.quit", "Quit", id="main.quit"),
        *(
            Binding(str(n), f"jump({n})", "Jump to actor n", show=False, id=f"main.actor-{n}")
            for n in range(1, 10)
        ),
        Binding("h", "focus_pane('actors')", "Actors pane", show=False, id="main.actors-pane"),
        Binding("l", "focus_pane('detail')", "Brief pane", show=False, id="main.brief-pane"),
        Binding("Y", "copy_brief", "Copy brief (Markdown)", show=False, id="main.copy-brief"),
        Binding("O", "app.reverse_facts", "Newest/oldest", show=False, id="main.order"),
    ]
    DEFAULT_CSS = """
    MainScreen #masthead { height: 1; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; }
    MainScreen #loading { height: 1fr; align: center middle; }
    MainScreen #loading-status { width: auto; margin-bottom: 1; }
    MainScreen #panes { height: 1fr; }
    MainScreen ActorList { width: 30%; max-width: 44; height: 1fr; }
    MainScreen #detail { width: 1fr; height: 1fr; }
    """

    class Progress(Message, bubble=False):
        """How far the engine's worker is (posted from its thread)."""

        def __init__(self, stage: Stage, done: int, total: int) -> None:
            super().__init__()
            self.stage = stage
            self.done = done
            self.total = total

    def __init__(self) -> None:
        super().__init__()
        self.briefing: Briefing | None = None
        self._shown_actor: tuple[Briefing, str] | None = None

    def compose(self) -> ComposeResult:
        yield Static("briefing", id="masthead")
        # Only while the briefing is being made: one ready as the screen is composed (a
        # warm start's, handed over before the view mounts) is drawn without it, and
        # composing and styling the progress bar was a sixteenth of that start's CPU.
        if self.app.briefing is None:
            from textual.widgets import ProgressBar

            with Vertical(id="loading"):
                yield Static("Reading the articles…", id="loading-status")
                yield ProgressBar(id="progress", show_eta=False)
        with Horizontal(id="panes"):
            yield ActorList(id="actors")
            yield SourcedLineList(id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self.app.briefing is None:
            self.query_one("#panes").display = False
            self.query_one("#progress").focus()
        # The app owns the model; this screen redraws whenever it is loaded or recomputed.
        self.watch(self.app, "briefing", self._briefing_changed)
        self.watch(self.app, "newest_first", self._order_changed, init=False)

    def _briefing_changed(self, briefing: Briefing | None) -> None:
        if briefing is not None:
            self.show_briefing(briefing)

    def _order_changed(self) -> None:
        self._shown_actor = None
        self._show_actor()

    def on_main_screen_progress(self, message: Progress) -> None:
        self.show_progress(message.stage, message.done, message.total)

    def show_progress(self, stage: Stage, done: int, total: int) -> None:
        # A stage with nothing done yet (or nothing to count) pulses rather than
        # claiming 0% or 100%.
        from textual.widgets import ProgressBar

        metered = 0 < done < total or (done == total and stage is not Stage.COMPARE)
        self.query_one("#progress", ProgressBar).update(
            total=total if metered else None, progress=done
        )
        status = self.query_one("#loading-status", Static)
        wording = f"{describe(stage, done, total)}…"
        # The line is as wide as its wording (the bar below lines up with it): a wording as
        # wide as the last (most counts) needs the line drawn again, not the screen laid out.
        status.update(wording, layout=cell_len(wording) != cell_len(str(status.content)))

    def show_briefing(self, briefing: Briefing) -> None:
        self.briefing = briefing
        for loading in self.query("#loading"):
            loading.display = False
        self.query_one("#panes").display = True
        self._show_masthead()
        self._fill_actors(briefing)  # (before the fit: the list keeps the briefing's widths)
        self._fit_actors()

    def on_resize(self) -> None:
        self._show_masthead()
        self._fit_actors()

    def _fit_actors(self) -> None:
        """The actors list wide enough for every count where the brief keeps its room (at
        120 columns a Sudan briefing's list left out the sentence counts, the brief 84
        columns wide); never narrower than ACTORS_MIN_WIDTH."""
        if self.briefing is None:
            return
        actors = self.query_one(ActorList)
        fits = min(actors.whole_width(), self.size.width - BRIEF_ROOM)
        actors.styles.min_width = max(ACTORS_MIN_WIDTH, fits)

    def _show_masthead(self) -> None:
        if self.briefing is not None:
            bar = self.query_one("#masthead", Static)
            bar.update(masthead(self.briefing, bar.scrollable_content_region.width))

    def _fill_actors(self, briefing: Briefing) -> None:
        actors = self.query_one(ActorList)
        actors.show(briefing)
        self._show_actor()
        if self.focused is None or self.focused.id == "progress":
            actors.focus()

    @property
    def actor(self) -> ActorBrief | None:
        if self.briefing is None:
            return None
        actor_id = self.query_one(ActorList).pointed
        if actor_id is None:
            return None
        return next(
            (a for a in self.briefing.actors + self.briefing.other_actors if a.id == actor_id),
            None,
        )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if isinstance(event.option_list, ActorList):
            self._show_actor()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Nothing to go into while the articles are read: dimmed in the footer.
        return None if action == "read_brief" and self.briefing is None else True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # A click on an actor (enter is actors.read).
        if isinstance(event.option_list, ActorList):
            self.action_read_brief()

    def action_read_brief(self) -> None:
        """Into the pointed actor's brief, its cursor on the first line; an actor with no
        line to land on keeps the focus (a brief without a cursor showed nothing happen)."""
        actor, lines = self.actor, self.query_one("#detail", SourcedLineList)
        if lines.current_line is not None:
            self.set_focus(lines)
        elif actor is not None:
            self.notify(f"No reporting on {actor.name} to read.", timeout=3, markup=False)

    def _show_actor(self) -> None:
        actor, briefing = self.actor, self.briefing
        # The same actor again (the list was redrawn for a new width): keep the reader's place.
        if actor is None or briefing is None or self._shown_actor == (briefing, actor.id):
            return
        self._shown_actor = (briefing, actor.id)
        style = actor_style(briefing, actor.id)
        entries: list = [Content.styled(actor.name, f"bold {style}")]
        if not actor.sentence_ids:
            count = len(briefing.articles)
            articles = "this article" if count == 1 else f"these {plural(count, 'article')}"
            note = f"No reporting on {actor.name} in {articles}."
            entries.append(Content.styled(note, MUTED))
            self.query_one("#detail", SourcedLineList).show(entries)
            return
        entries.append(Content.styled("Summary", HEADING_STYLE))
        entries += [summary_line(briefing, line) for line in actor.summary]
        shortfall = summary_shortfall(briefing, actor)
        if shortfall or not actor.summary:
            entries.append(Content.styled(shortfall or "no summary: too few sentences", MUTED))
        newest_first = self.app.newest_first
        entries.append(
            Content.assemble(
                ("Key facts", HEADING_STYLE),
                (f"  {order_label(newest_first)}", MUTED),
            )
        )
        facts = facts_by_date(actor.facts, newest_first)
        entries += [fact_line(briefing, fact) for fact in facts]
        if not actor.facts:
            entries.append(Content.styled("no dated or attributed facts", MUTED))
        self.query_one("#detail", SourcedLineList).show(entries)

    def action_focus_pane(self, pane_id: str) -> None:
        self.query_one(f"#{pane_id}").focus()

    def action_copy_brief(self) -> None:
        """The actor's whole brief as Markdown, with the sources its lines cite; its facts
        in the order the reader has them."""
        actor, briefing = self.actor, self.briefing
        if actor is None or briefing is None:
            return
        from briefing.render import render_actor_markdown

        shown = replace(actor, facts=tuple(facts_by_date(actor.facts, self.app.newest_first)))
        self.app.copy_to_clipboard(render_actor_markdown(briefing, shown))
        cited = len(briefing.source_numbers(actor.cited_sentences))
        copied = f"{actor.name}, with {plural(cited, 'source')}"
        self.notify(copied, title="Copied as Markdown", markup=False)

    def action_jump(self, number: int) -> None:
        actors = self.query_one(ActorList)
        if self.briefing is None or number > len(self.briefing.actors):
            return
        actors.highlighted = actors.get_option_index(self.briefing.actors[number - 1].id)
        actors.focus()
