"""The briefing app: loads the engine's model in a worker and hosts the screens."""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.css.stylesheet import StylesheetError, StylesheetParseError
from textual.css.tokenizer import TokenError
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import get_current_worker

from briefing.errors import EXIT_INTERRUPTED, BriefingError
from briefing.lifetime import Terminated, exit_deadline, exit_status, on_termination
from briefing.model import Briefing, cited_articles
from briefing.options import BriefingOptions
from briefing.progress import Stage
from briefing.safety import clean_text, shown_path
from briefing.tui import config
from briefing.tui.citations import SourcedLine, display_path, order_label, summary_method
from briefing.tui.screens.main import ActorList, MainScreen
from briefing.tui.screens.too_small import TooSmallScreen, too_small
from briefing.tui.theming import (
    DEFAULT_THEME,
    bundled_themes,
    derived_variables,
    only_recolours,
    stylesheet_path,
)
from briefing.tui.widgets import SourcedLineList

if TYPE_CHECKING:
    from textual.command import Provider

    from briefing.tui.engine import EarlyEngine
    from briefing.tui.reload import InputWatcher
    from briefing.tui.screens.export import ExportRequest
    from briefing.tui.screens.search import SearchMatches, SearchScreen

EXPORT_WIDTH = 80


def _briefing_commands() -> type[Provider]:
    """The palette's entries, loaded (as Textual loads its own) when the palette first opens."""
    from briefing.tui.commands import BriefingCommands

    return BriefingCommands


class _LoadCancelled(Exception):
    """Raised in the engine's worker, at a progress report, once the app cancelled it."""


# A warm start's early engine hands over the briefing it found in the cache within a
# fraction of a second: the first screen waits this long for it (unless the engine reports
# pages to read), so that on a busy machine the view draws the briefing once, not the
# loading screen first (a third more CPU before the briefing is on screen).
FIRST_SCREEN_WAIT_SECONDS = 0.5
# Actions that show the briefing: with none to show yet they are dimmed in the footer, and
# with none ever (the engine failed) not offered.
BRIEFING_ACTIONS = frozenset({"export_dialog", "search", "sources", "timeline", "reload"})


class BriefingApp(App[None]):
    """Built with a ready Briefing (tests, embedding) or with paths the engine will read."""

    TITLE = "briefing"
    CSS_PATH = stylesheet_path()
    COMMANDS = App.COMMANDS | {_briefing_commands}
    BINDINGS = [
        # q quits from the main screen (and goes back in the other views).
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit"),
        # Before the screen's ctrl+c (copy a mouse selection): ctrl+c interrupts, as in
        # any terminal program, also while the articles are read.
        Binding(
            "ctrl+c",
            "interrupt",
            "Quit with status 130",
            show=False,
            priority=True,
            id="app.interrupt",
        ),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("e", "export_dialog", "Export", id="app.export"),
        # Not in the footer (help lists it): at 80 columns it pushed Help out.
        Binding("r", "reload", "Reload", show=False, id="app.reload"),
        # Textual adds this one itself unless declared; declared, help lists it and a
        # keymap can move it.
        Binding(
            App.COMMAND_PALETTE_BINDING,
            "command_palette",
            "Commands",
            show=False,
            priority=True,
            id="app.palette",
        ),
    ]

    briefing: reactive[Briefing | None] = reactive(None, always_update=True, init=False)
    # How the main pane and the timeline order facts (`O` reverses it in both).
    newest_first: reactive[bool] = reactive(True)

    def __init__(
        self,
        briefing: Briefing | None = None,
        *,
        paths: Sequence[str] = (),
        options: BriefingOptions | None = None,
        theme: str | None = None,
        summarizer: str | None = None,
        sentences: int | None = None,
        watch: bool = False,
        engine: EarlyEngine | None = None,
    ) -> None:
        """`summarizer`, `sentences`: asked on the command line, so used and remembered
        (else the remembered ones are used); `watch`: follow the inputs, re-briefing as
        articles arrive or change; `engine`: the first briefing, already being made (see
        `briefing.tui.engine`)."""
        # Before Textual's own set-up, which asks for the theme's variables.
        self._colour_systems: dict[str, tuple[Theme, dict[str, str]]] = {}
        self._theme_chosen = False
        super().__init__()
        self.watcher: InputWatcher | None = None
        if watch:
            from briefing.tui.reload import InputWatcher

            self.watcher = InputWatcher(self, paths, self._inputs_changed)
        self._given_briefing = briefing
        self.paths = tuple(paths)
        themes = bundled_themes()
        for bundled in themes:
            self.register_theme(bundled)
        self.bundled_theme_names = tuple(t.name for t in themes)
        self._unknown_theme = theme if theme and theme not in self.available_themes else None
        self._chosen_theme = None if self._unknown_theme else theme
        self.failure: BriefingError | None = None
        self.search_matches: SearchMatches | None = None
        self._match_at = -1  # the match n/N showed last (or opened from the results)
        self.settings = config.load_settings(_binding_ids)
        self._summary_asked = summarizer is not None or sentences is not None
        self.options = config.summary_options(
            options or BriefingOptions(), self.settings, summarizer, sentences
        )
        # Started by the command line with what it could know of these options: used
        # only if the view briefs with the very same.
        self._engine = engine if engine is not None and engine.options == self.options else None
        if engine is not None and self._engine is None:
            engine.stop()
        self.keymap = self.settings.keymap
        self.set_keymap(self.keymap)
        saved = self.settings.theme
        self._settings_problems = list(self.settings.problems)
        if saved and saved not in self.available_themes:
            self._settings_problems.append(f"no theme named {saved!r}")
        self._theme_warning: str | None = None
        self.theme = self._chosen_theme or (
            saved if saved in self.available_themes else DEFAULT_THEME
        )
        self._theme_chosen = True
        self.stylesheet.set_variables(self.get_css_variables())

    def get_css_variables(self) -> dict[str, str]:
        if not self._theme_chosen:
            # Textual's set-up asks under its default theme, before the view chooses its
            # own (whose variables the stylesheet gets then, before anything is parsed).
            return {}
        # Textual's own recipe, from the colour system made once per theme (Textual makes
        # it afresh each time it is asked, and starting the view asks several times).
        self.theme_variables = self._css_variables(self.current_theme)
        return self.theme_variables

    def _css_variables(self, theme: Theme) -> dict[str, str]:
        """What the styles are drawn with under `theme`: its colour system ($primary,
        $background ...), our variables made from it (they are only our themes' own: any
        other theme gets them from its colours), then the theme's [variables]."""
        colours = self._colours(theme)
        return {**derived_variables(colours), **colours, **theme.variables}

    def _colours(self, theme: Theme) -> dict[str, str]:
        """The colour system `theme` generates, made once per theme."""
        known = self._colour_systems.get(theme.name)
        if known is None or known[0] is not theme:
            known = self._colour_systems[theme.name] = (theme, theme.to_color_system().generate())
        return known[1]

    def refresh_css(self, animate: bool = True) -> None:
        if not self.screen_stack:
            # Queued by setting the theme in __init__, before any screen or style exists:
            # the variables are all it needs (the first parse takes them). Textual's refresh
            # would parse the stylesheet here and again once the screen's styles join it
            # (its fresh parse does not keep what it parsed).
            self.stylesheet.set_variables(self.get_css_variables())
            return
        super().refresh_css(animate)

    def theme_problem(self, name: str) -> str | None:
        """Why the styles cannot be drawn with theme `name`, or None when they can."""
        theme = self.get_theme(name)
        if theme is None:
            return "no such theme"
        colours = self._colours(theme)
        if only_recolours(theme.variables, {**derived_variables(colours), **colours}):
            return None  # no need to parse every style again to know
        trial = self.stylesheet.copy()
        trial.set_variables(self._css_variables(theme))
        try:
            trial.reparse()
        except StylesheetParseError as error:
            return _first_bad_value(error)
        except (StylesheetError, TokenError) as error:
            return str(error)
        return None

    def validate_theme(self, name: str) -> str:
        # A theme that cannot draw the styles (a broken [variables] value) is refused
        # with a warning instead of stopping the app. Before the stylesheet is read
        # (in __init__) there is nothing to check; on_load checks the first theme.
        if not self.stylesheet.source:
            return name
        problem = self.theme_problem(name)
        if problem is None:
            return name
        self.notify(f"Theme {name!r} cannot be used: {problem}", severity="warning", markup=False)
        return self.theme

    def get_default_screen(self) -> Screen:
        return MainScreen()

    def on_load(self) -> None:
        # The stylesheet has been read but not yet drawn with: the first theme is
        # checked here, and only a theme known to apply is saved (in on_mount).
        problem = self.theme_problem(self.theme)
        if problem:
            self._theme_warning = (
                f"Theme {self.theme!r} cannot be used: {problem}; using {DEFAULT_THEME}."
            )
            self.theme = DEFAULT_THEME

    def on_mount(self) -> None:
        # Once the first screen is drawn: collection resumes (the command line paused it),
        # leaving out what start-up made, which lives as long as the view.
        self.call_after_refresh(_resume_collection)
        if self._theme_warning:
            self.notify(self._theme_warning, severity="warning", markup=False)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self._settings_problems:
            self.notify(
                "; ".join(self._settings_problems),
                title=shown_path(str(config.config_path())),
                severity="warning",
                timeout=10,
                markup=False,
            )
        if self._chosen_theme and self.settings.usable and self.theme == self._chosen_theme:
            self._remember_theme(self.current_theme)
        if self._unknown_theme:
            self.notify(
                f"No theme named {self._unknown_theme!r}; using {self.theme}.",
                severity="warning",
            )
        if self._given_briefing is not None:
            self._loaded(self._given_briefing)
        elif (ready := self._engine_done()) is not None:
            # Before the first screen is drawn: it shows the briefing, not the loading.
            self._loaded(ready)
        else:
            self.load_briefing()
        if self.watcher is not None:
            self.watcher.start()

    def on_resize(self, event: events.Resize) -> None:
        # After this event's layout, so a screen pushed now is laid out too.
        self.call_after_refresh(self._check_size)

    def _check_size(self) -> None:
        """A notice over every view while the terminal is too small, gone once it is not."""
        shown = next((s for s in self.screen_stack if isinstance(s, TooSmallScreen)), None)
        if too_small(self.size):
            if shown is None:
                self.push_screen(TooSmallScreen())
        elif shown is not None:
            # On top: while it is shown, only the quit keys work.
            self.pop_screen()

    def _remember_theme(self, theme: Theme | None) -> None:
        if theme is None:
            return
        self._warn_unsaved("Theme", config.save_theme(theme.name))

    def _remember_summary(self, briefing: Briefing) -> None:
        # A file that could not be read is left alone; its warning is already shown.
        if self.settings.usable:
            problem = config.save_summary(briefing.summarizer, briefing.length)
            self._warn_unsaved("Summarizer and length", problem)

    def _warn_unsaved(self, what: str, problem: str | None) -> None:
        if problem:
            self.notify(
                f"{what} not saved: {problem}",
                title=shown_path(str(config.config_path())),
                severity="warning",
                markup=False,
            )

    def _engine_done(self) -> Briefing | None:
        """The early engine's briefing if it hands it over before the first screen (a warm
        start does, see `FIRST_SCREEN_WAIT_SECONDS`); else the worker waits for it."""
        if self._engine is None or not self._engine.poll(wait=FIRST_SCREEN_WAIT_SECONDS):
            return None
        engine, self._engine = self._engine, None
        return engine.handed_over()

    @work(thread=True, exclusive=True, group="engine")
    def load_briefing(self, reason: str = "Reloaded") -> None:
        """Brief the inputs; once a briefing is shown, this reloads it (the article cache
        makes unchanged pages cheap) and `reason` titles the notice of what changed."""
        worker = get_current_worker()
        first = self.briefing is None

        def progress(stage: Stage, done: int, total: int) -> None:
            # ctrl+c (or quitting, or a newer reload) cancels the worker: stop at the next step.
            if worker.is_cancelled:
                raise _LoadCancelled
            if first:
                # Posted, not called: the engine need not wait for the screen to draw it.
                self._main.post_message(MainScreen.Progress(stage, done, total))

        engine = None
        try:
            briefing = None
            if self._engine is not None:
                # Its briefing, else it is in the cache, or made here (see its module).
                engine, self._engine = self._engine, None
                briefing = engine.wait(progress, lambda: worker.is_cancelled)
                if worker.is_cancelled:
                    return
            if briefing is None:
                # Imported here, in the worker: the screen should not wait for the engine.
                from briefing.pipeline import build_briefing

                briefing = build_briefing(self.paths, self.options, progress=progress)
        except _LoadCancelled:
            return
        except BriefingError as error:
            if not worker.is_cancelled:
                self.call_from_thread(self._failed, error)
            return
        # A newer reload (another article arrived) replaced this one.
        if not worker.is_cancelled:
            self.call_from_thread(self._loaded, briefing, reason)
        if engine is not None:
            # It stores the briefing in the cache after handing it over.
            for problem in engine.late_problems(lambda: worker.is_cancelled):
                self.call_from_thread(self._say_input_problem, problem)

    def action_reverse_facts(self) -> None:
        self.newest_first = not self.newest_first
        self.notify(f"Facts {order_label(self.newest_first)}", timeout=2)

    def action_reload(self) -> None:
        self.notify("Reading the articles again…", timeout=2)
        self.load_briefing()

    def _inputs_changed(self) -> None:
        self.load_briefing("The inputs changed")

    def toggle_excluded(self, path: str) -> None:
        """Leave an article out of the briefing, or take it back in, and re-brief."""
        excluded = self.options.excluded ^ {path}
        self.options = replace(self.options, excluded=excluded)
        verb = "Leaving out" if path in excluded else "Taking back"
        self.notify(f"{verb} {display_path(path)}; re-briefing…", timeout=3, markup=False)
        self.load_briefing("Re-briefed")

    @property
    def _main(self) -> MainScreen:
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    def _loaded(self, briefing: Briefing, reason: str = "Reloaded") -> None:
        old, self.briefing = self.briefing, briefing
        if old is None:
            self.refresh_bindings()  # the views, dimmed while the articles were read
            if self._summary_asked:
                self._remember_summary(briefing)
        else:
            from briefing.tui.reload import describe_reload

            described = describe_reload(old, briefing, self.options.excluded)
            self.notify(described, title=reason, markup=False, timeout=10)
        # On a reload, only what is new about the input.
        for problem in briefing.problems:
            if old is None or problem not in old.problems:
                self._say_input_problem(problem)

    def _say_input_problem(self, problem: str) -> None:
        self.notify(problem, title="About the input", severity="warning", markup=False)

    def _failed(self, error: BriefingError) -> None:
        # The message may quote a path or a profile's value: Textual passes ESC through.
        why = clean_text(str(error))
        if self.briefing is not None:
            # A reload found nothing to brief: keep the briefing the reader has.
            self.notify(f"{why}; still showing the last briefing", severity="error", markup=False)
            return
        from briefing.tui.screens.failure import FailureScreen

        self.failure = error
        self.refresh_bindings()
        self.push_screen(FailureScreen(why, self.keymap.get("failure.quit", "q")))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if isinstance(self.screen, TooSmallScreen):
            return action in ("quit", "interrupt")
        if action in BRIEFING_ACTIONS and self.briefing is None:
            return False if self.failure is not None else None
        return True

    async def action_quit(self) -> None:
        # After a failure the exit status says why, whichever quit key was pressed.
        self.exit(return_code=self.failure.status if self.failure else 0)

    def action_interrupt(self) -> None:
        # The engine's worker sees the cancellation at its next progress report.
        self.workers.cancel_all()
        self.exit(return_code=EXIT_INTERRUPTED)

    @property
    def input_paths(self) -> list[Path]:
        """Files the briefing was read from: an export must never overwrite one."""
        named = [Path(p) for p in self.paths if p != "-"]
        if self.briefing is not None:
            named += [Path(a.article.path) for a in self.briefing.articles]
        return named

    def _show_view(self, view: type[Screen], make: Callable[[Briefing], Screen]) -> None:
        """Back to the view if it is open under this one (as the reader left it), else open it."""
        briefing = self.briefing
        if briefing is None:
            return
        if any(isinstance(screen, view) for screen in self.screen_stack):
            while not isinstance(self.screen, view):
                self.pop_screen()
        else:
            self.push_screen(make(briefing))

    def action_command_palette(self) -> None:
        from briefing.tui.commands import SafeCommandPalette

        if self.use_command_palette and not SafeCommandPalette.is_open(self):
            self.push_screen(SafeCommandPalette(id="--command-palette"))

    def action_search(self) -> None:
        from briefing.tui.screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            self.screen.query_one("#query").focus()  # `/` in the results: back to the query
        else:
            self._show_view(SearchScreen, SearchScreen)

    def action_sources(self) -> None:
        from briefing.tui.screens.sources import SourcesScreen

        self._show_view(SourcesScreen, SourcesScreen)

    def action_timeline(self) -> None:
        from briefing.tui.screens.timeline import TimelineScreen

        self._show_view(TimelineScreen, TimelineScreen)

    def action_help(self) -> None:
        from briefing.tui.screens.help import HelpScreen
        from briefing.tui.sections import HELP_SECTIONS, TEXTUAL_SECTIONS

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        else:
            self.push_screen(HelpScreen(HELP_SECTIONS, self.keymap, TEXTUAL_SECTIONS))

    def on_search_screen_searched(self, event: SearchScreen.Searched) -> None:
        self.search_matches = event.matches
        self._match_at = -1

    def action_search_step(self, step: int) -> None:
        """Open the last search's next (or previous) match, in place of an article
        open now; from the results list n/N move its cursor instead."""
        matches = self.search_matches
        if self.briefing is None or matches is None or not matches.lines:
            self.notify("No search to step through: press / to search.", timeout=3)
            return
        from briefing.tui.screens.article import ArticleScreen

        self._match_at = (self._match_at + step) % len(matches.lines)
        if isinstance(self.screen, ArticleScreen):
            self.pop_screen()
        self._open_line(matches.lines[self._match_at])
        self.notify(
            f"Match {self._match_at + 1} of {len(matches.lines)} for {matches.query!r}",
            timeout=2,
            markup=False,
        )

    def action_export_dialog(self) -> None:
        if self.briefing is not None:
            from briefing.tui.screens.export import ExportScreen

            self.push_screen(ExportScreen(self.input_paths), self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None) -> None:
        if request is not None:
            self.export(request.fmt, request.path)

    def on_sourced_line_list_opened(self, event: SourcedLineList.Opened) -> None:
        from briefing.tui.screens.search import SearchResults

        if isinstance(event.control, SearchResults) and self.search_matches is not None:
            self._match_at = self.search_matches.lines.index(event.line)
        self._open_line(event.line)

    def _open_line(self, line: SourcedLine) -> None:
        if self.briefing is not None:
            from briefing.tui.screens.article import ArticleScreen

            self.push_screen(
                ArticleScreen(self.briefing, line.sources, report=line.text, also=line.also)
            )

    def on_sourced_line_list_file_wanted(self, event: SourcedLineList.FileWanted) -> None:
        if self.briefing is not None and event.line.sources:
            from briefing.tui.opener import open_article

            first = cited_articles(event.line.sources)[0]
            open_article(self, self.briefing.article(first).article)

    def go_to_actor(self, actor_id: str) -> None:
        while not isinstance(self.screen, MainScreen):
            self.pop_screen()
        actors = self.screen.query_one(ActorList)
        actors.highlighted = actors.get_option_index(actor_id)
        actors.focus()

    def export(self, fmt: str, path: Path) -> None:
        """Write the briefing as `fmt` to `path`, in a worker: a large briefing takes a
        while to render, and the view stays live meanwhile."""
        if self.briefing is not None:
            self._export(self.briefing, fmt, path, self.input_paths)

    @work(thread=True, group="export")
    def _export(self, briefing: Briefing, fmt: str, path: Path, protect: list[Path]) -> None:
        from briefing.render import render_pieces
        from briefing.render.output import write_atomic

        # Written as it is rendered: the JSON of 10,000 articles is never held whole.
        pieces = render_pieces(briefing, fmt, EXPORT_WIDTH)
        try:
            write_atomic(path, pieces, protect=protect)
        except (OSError, BriefingError) as error:
            # The message names the path, escaped like every file name.
            why = clean_text(str(error))
            self.call_from_thread(
                self.notify, why, title="Export failed", severity="error", markup=False
            )
            return
        done = shown_path(str(path.resolve()))
        self.call_from_thread(self.notify, done, title=f"Exported as {fmt}", markup=False)

    def rebrief(self, *, summarizer: str | None = None, sentences: int | None = None) -> None:
        if self.briefing is None:
            return
        self.notify("Recomputing summaries…", timeout=2)
        # A reload from now on briefs with these, and so does the next start.
        self.options = replace(
            self.options,
            summarizer=summarizer or self.briefing.summarizer,
            sentences=sentences or self.briefing.length,
        )
        self._rebrief(self.briefing, self.options.summarizer, self.options.sentences)

    @work(thread=True, exclusive=True, group="rebrief")
    def _rebrief(self, briefing: Briefing, summarizer: str, sentences: int) -> None:
        try:
            from briefing.pipeline import rebrief as recompute_summaries

            updated = recompute_summaries(briefing, summarizer=summarizer, sentences=sentences)
        except BriefingError as error:
            self.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        self.call_from_thread(self._rebriefed, briefing, updated)

    def _rebriefed(self, source: Briefing, briefing: Briefing) -> None:
        if self.briefing is source:
            self.briefing = briefing
        elif self.briefing is not None:
            # Reloaded meanwhile (--watch, r): these summaries are of the old articles.
            asked = (self.options.summarizer, self.options.sentences)
            if (self.briefing.summarizer, self.briefing.length) != asked:
                self.rebrief(summarizer=asked[0], sentences=asked[1])
                return
            briefing = self.briefing
        self._remember_summary(briefing)
        # A narrow masthead leaves the method out, so say what the summaries are now.
        self.notify(f"Summaries: {summary_method(briefing)}", timeout=4)


def _resume_collection() -> None:
    """Collection back on, if the command line paused it (tests and embedding leave it on)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _first_bad_value(error: StylesheetParseError) -> str:
    """'$line-cursor-background is 'nope', not a value its style can use'."""
    for rule in error.errors.rules:
        for token, _ in rule.errors:
            variable = f"${token.referenced_by.name} is " if token.referenced_by else ""
            return f"{variable}{token.value!r}, not a value its style can use"
    return "its styles do not parse"


def _binding_ids() -> set[str]:
    from briefing.tui.screens.help import binding_ids
    from briefing.tui.sections import HELP_SECTIONS

    return binding_ids(HELP_SECTIONS)


def exit_on_signal(
    app: App, signum: int, arm_deadline: Callable[[int], None] | None = None
) -> None:
    """SIGTERM/SIGHUP/SIGINT while the view runs: exit through the event loop, which leaves the
    alternate screen and turns mouse reporting off on its way out (killed outright, the
    terminal stayed in the view's state). Called from a signal handler; `arm_deadline`, if
    given, is armed on the loop so a stuck exit still ends the process."""
    loop = app._loop  # noqa: SLF001  (the loop is the one thing a handler may touch)
    if loop is None or loop.is_closed():
        raise Terminated(signum)
    status = exit_status(signum)
    if arm_deadline is not None:
        loop.call_soon_threadsafe(arm_deadline, status)
    loop.call_soon_threadsafe(partial(app.exit, return_code=status))


def run_app(
    paths: Sequence[str],
    options: BriefingOptions,
    theme: str | None,
    *,
    summarizer: str | None = None,
    sentences: int | None = None,
    watch: bool = False,
    engine: EarlyEngine | None = None,
) -> int:
    """Run the TUI until the reader quits; the exit status for the CLI.

    Why no briefing could be made is printed again once the screen is gone, so it is
    still there to read (and to see in a log).
    """
    app = BriefingApp(
        paths=paths,
        options=options,
        theme=theme,
        summarizer=summarizer,
        sentences=sentences,
        watch=watch,
        engine=engine,
    )
    # In the view ctrl+c is a key (app.interrupt); a SIGINT from elsewhere ends it like
    # SIGTERM does.
    # Its own loop, not asyncio.run's: that one waits on the way out for the engine's
    # thread, which stops only between steps (one article can take many seconds).
    loop = asyncio.new_event_loop()
    try:
        with (
            exit_deadline() as arm_deadline,
            on_termination(partial(exit_on_signal, app, arm_deadline=arm_deadline), interrupt=True),
        ):
            app.run(loop=loop)
        loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
    if app.failure is not None:
        print(f"briefing: error: {clean_text(str(app.failure))}", file=sys.stderr)
    return app.return_code or 0
