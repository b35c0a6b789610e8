"""The main screen: actors (profile order, then other actors) beside the chosen actor's brief."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from briefing.model import ActorBrief, Briefing
from briefing.tui.citations import actor_style, fact_line, masthead, summary_line
from briefing.tui.widgets import SourcedLineList, VimOptionList

COUNT_HEADER = "sent fact src"
HEADING_STYLE = "bold underline $text-secondary"


class ActorList(VimOptionList):
    """One row per actor with its counts of sentences, facts and sources."""

    BINDINGS = [Binding("enter", "select", "Read", show=False, id="actors.read")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._briefing: Briefing | None = None

    def on_resize(self) -> None:
        # Rows are laid out to the list's width, so a new width needs new rows.
        if self._briefing is not None:
            self.show(self._briefing)

    def show(self, briefing: Briefing) -> None:
        self._briefing = briefing
        keep = self.highlighted_option.id if self.highlighted_option else None
        counts_at = max(4, self.scrollable_content_region.width - len(COUNT_HEADER))
        header = Content.styled(f"{'actors':<{counts_at}}{COUNT_HEADER}", "$text-muted")
        options: list[Option] = [Option(header, disabled=True)]
        options += [
            Option(self._row(briefing, actor, str(slot)), id=actor.id)
            for slot, actor in enumerate(briefing.actors, start=1)
        ]
        options.append(Option(Content.styled("Other actors", "bold $text-muted"), disabled=True))
        if briefing.other_actors:
            options += [
                Option(self._row(briefing, actor, "·"), id=actor.id)
                for actor in briefing.other_actors
            ]
        else:
            options.append(Option(Content.styled("  none", "$text-muted"), disabled=True))
        self.set_options(options)
        ids = [option.id for option in options]
        self.highlighted = ids.index(keep) if keep is not None and keep in ids else 1

    def _row(self, briefing: Briefing, actor: ActorBrief, marker: str) -> Content:
        counts = f"{len(actor.sentence_ids):>4} {len(actor.facts):>4} {actor.source_count:>3}"
        # Names are cut, never the counts, so the columns line up at any width.
        name_width = max(4, self.scrollable_content_region.width - len(counts) - 3)
        name = actor.name if len(actor.name) <= name_width else actor.name[: name_width - 1] + "…"
        return Content.assemble(
            (f"{marker:>2}", "$text-muted"),
            " ",
            (f"{name:<{name_width}}", f"bold {actor_style(briefing, actor.id)}"),
            (counts, "$text-muted"),
        )


class MainScreen(Screen):
    # The other views open from here; the palette opens them from anywhere.
    BINDINGS = [
        Binding("slash", "app.search", "Search", id="main.search"),
        Binding("s", "app.sources", "Sources", id="main.sources"),
        Binding("t", "app.timeline", "Timeline", id="main.timeline"),
        *(
            Binding(str(n), f"jump({n})", "Jump to actor n", show=False, id=f"main.actor-{n}")
            for n in range(1, 10)
        ),
    ]
    DEFAULT_CSS = """
    MainScreen #masthead { height: auto; padding: 0 1; }
    MainScreen #loading { height: 1fr; align: center middle; }
    MainScreen #panes { height: 1fr; }
    MainScreen ActorList { width: 30%; min-width: 30; max-width: 44; height: 1fr; }
    MainScreen #detail { width: 1fr; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.briefing: Briefing | None = None

    def compose(self) -> ComposeResult:
        yield Static("Reading articles…", id="masthead")
        with Vertical(id="loading"):
            yield ProgressBar(id="progress", show_eta=False)
        with Horizontal(id="panes"):
            yield ActorList(id="actors")
            yield SourcedLineList(id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#panes").display = False
        self.query_one("#progress", ProgressBar).focus()
        # The app owns the model; this screen redraws whenever it is loaded or recomputed.
        self.watch(self.app, "briefing", self._briefing_changed)

    def _briefing_changed(self, briefing: Briefing | None) -> None:
        if briefing is not None:
            self.show_briefing(briefing)

    def show_progress(self, done: int, total: int) -> None:
        self.query_one("#progress", ProgressBar).update(total=total, progress=done)

    def show_briefing(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.query_one("#loading").display = False
        self.query_one("#panes").display = True
        self.query_one("#masthead", Static).update(masthead(briefing))
        # Lay out first so the rows know their width.
        self.call_after_refresh(self._fill_actors, briefing)

    def _fill_actors(self, briefing: Briefing) -> None:
        actors = self.query_one(ActorList)
        actors.show(briefing)
        self._show_actor()
        if self.focused is None or isinstance(self.focused, ProgressBar):
            actors.focus()

    @property
    def actor(self) -> ActorBrief | None:
        if self.briefing is None:
            return None
        option = self.query_one(ActorList).highlighted_option
        if option is None:
            return None
        return next(
            (a for a in self.briefing.actors + self.briefing.other_actors if a.id == option.id),
            None,
        )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if isinstance(event.option_list, ActorList):
            self._show_actor()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option_list, ActorList):
            self.query_one("#detail").focus()

    def _show_actor(self) -> None:
        actor, briefing = self.actor, self.briefing
        if actor is None or briefing is None:
            return
        style = actor_style(briefing, actor.id)
        entries: list = [Content.styled(actor.name, f"bold {style}")]
        entries.append(Content.styled("Summary", HEADING_STYLE))
        entries += [summary_line(briefing, line) for line in actor.summary]
        if not actor.summary:
            entries.append(Content.styled("no summary: too few sentences", "$text-muted"))
        entries.append(Content.styled("Key facts", HEADING_STYLE))
        entries += [fact_line(briefing, fact) for fact in actor.facts]
        if not actor.facts:
            entries.append(Content.styled("no dated or attributed facts", "$text-muted"))
        self.query_one("#detail", SourcedLineList).show(entries)

    def action_jump(self, number: int) -> None:
        actors = self.query_one(ActorList)
        if self.briefing is None or number > len(self.briefing.actors):
            return
        actors.highlighted = actors.get_option_index(self.briefing.actors[number - 1].id)
        actors.focus()
