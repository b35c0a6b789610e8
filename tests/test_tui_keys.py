"""Every key help lists, pressed as a reader would, doing what help says.

One scenario per binding id; a help entry without a scenario fails the first test.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from briefing import pipeline
from briefing.model import Briefing
from briefing.model import build as model_build
from briefing.options import BriefingOptions
from briefing.progress import Stage, StageProgress
from briefing.resources import seed_paths
from briefing.tui.app import BriefingApp
from briefing.tui.screens.article import ArticleScreen
from briefing.tui.screens.export import ExportScreen
from briefing.tui.screens.failure import FailureScreen
from briefing.tui.screens.help import HelpScreen, binding_ids
from briefing.tui.screens.main import ActorList, MainScreen
from briefing.tui.screens.search import SearchResults, SearchScreen
from briefing.tui.screens.sources import SourcesScreen
from briefing.tui.screens.timeline import TimelineScreen
from briefing.tui.sections import HELP_SECTIONS
from briefing.tui.widgets import SourcedLineList, VimScroll
from tests.test_tui import SMALL, settle, synchronously

Scenario = Callable[[BriefingApp, Pilot], Awaitable[None]]
SCENARIOS: dict[str, Scenario] = {}


def scenario(*ids: str) -> Callable[[Scenario], Scenario]:
    def register(run: Scenario) -> Scenario:
        for binding_id in ids:
            SCENARIOS[binding_id] = run
        return run

    return register


async def press(pilot: Pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def detail(app: BriefingApp) -> SourcedLineList:
    return app.screen.query_one("#detail", SourcedLineList)


def highlighted(app: BriefingApp) -> str | None:
    option = app.screen.query_one(ActorList).highlighted_option
    return option.id if option else None


# --- Everywhere ---------------------------------------------------------------------


@scenario("app.quit")
async def ctrl_q_quits_from_a_view(app: BriefingApp, pilot: Pilot) -> None:
    await press(pilot, "t")
    await press(pilot, "ctrl+q")
    assert not app.is_running and app.return_code == 0


@scenario("app.interrupt")
async def ctrl_c_quits_with_130(app: BriefingApp, pilot: Pilot) -> None:
    await press(pilot, "s", "ctrl+c")
    assert not app.is_running and app.return_code == 130


@scenario("app.help", "help.back")
async def question_mark_toggles_help(app: BriefingApp, pilot: Pilot) -> None:
    for open_key, close_key in (("question_mark", "question_mark"), ("f1", "q"), ("f1", "escape")):
        await press(pilot, open_key)
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, close_key)
        assert isinstance(app.screen, MainScreen)


@scenario("app.export", "export.cancel")
async def e_opens_export_and_escape_cancels(app: BriefingApp, pilot: Pilot) -> None:
    await press(pilot, "e")
    assert isinstance(app.screen, ExportScreen)
    await press(pilot, "escape")
    assert isinstance(app.screen, MainScreen)


@scenario("app.palette")
async def ctrl_p_opens_the_palette(app: BriefingApp, pilot: Pilot) -> None:
    await press(pilot, "ctrl+p")
    assert isinstance(app.screen, CommandPalette)


# --- Views ----------------------------------------------------------------------------


@scenario("view.search", "search.back")
async def slash_opens_search_q_and_escape_go_back(app: BriefingApp, pilot: Pilot) -> None:
    await press(pilot, "slash")
    assert isinstance(app.screen, SearchScreen)
    await press(pilot, "escape")
    assert isinstance(app.screen, MainScreen)
    await press(pilot, "slash", *"Homs", "enter")
    assert isinstance(app.focused, SearchResults)
    await press(pilot, "q")  # in the results; in the query it is a letter
    assert isinstance(app.screen, MainScreen) and app.is_running


@scenario("view.sources", "sources.back", "view.timeline", "timeline.back")
async def s_and_t_open_views_q_and_escape_go_back(app: BriefingApp, pilot: Pilot) -> None:
    for key, view in (("s", SourcesScreen), ("t", TimelineScreen)):
        for back in ("q", "escape"):
            await press(pilot, key)
            assert isinstance(app.screen, view)
            await press(pilot, back)
            assert isinstance(app.screen, MainScreen) and app.is_running


@scenario("view.next-match", "view.previous-match")
async def n_and_shift_n_step_through_the_last_search(app: BriefingApp, pilot: Pilot) -> None:
    await press(pilot, "n")
    assert isinstance(app.screen, MainScreen)
    assert "No search to step through" in str(list(app._notifications)[-1].message)
    await press(pilot, "slash", *"Homs", "enter", "q")
    matches = app.search_matches
    assert matches is not None and len(matches.lines) >= 3
    cited = []
    for key in ("n", "n", "N"):
        await press(pilot, key)
        assert isinstance(app.screen, ArticleScreen)
        cited.append(app.screen.cited_sentence_id)
        # Each match replaces the article before it: q goes back to where n was pressed.
        assert sum(isinstance(s, ArticleScreen) for s in app.screen_stack) == 1
    expected = [line.sources[0] for line in matches.lines[:2]]
    assert cited == [*expected, expected[0]]
    await press(pilot, "t", "n")  # from another view too
    assert app.screen.cited_sentence_id == expected[1]
    await press(pilot, "q")
    assert isinstance(app.screen, TimelineScreen)


# --- Main screen ---------------------------------------------------------------------


@scenario("main.quit")
async def q_quits_from_the_main_screen(app: BriefingApp, pilot: Pilot) -> None:
    await press(pilot, "q")
    assert not app.is_running and app.return_code == 0


@scenario(*(f"main.actor-{n}" for n in range(1, 10)))
async def digits_jump_to_profile_actors(app: BriefingApp, pilot: Pilot) -> None:
    actors = app.briefing.actors
    for n, actor in enumerate(actors, start=1):
        await press(pilot, str(n))
        assert highlighted(app) == actor.id
    for n in range(len(actors) + 1, 10):  # no such actor: the highlight stays
        await press(pilot, str(n))
        assert highlighted(app) == actors[-1].id


@scenario("main.actors-pane", "main.brief-pane", "actors.read")
async def h_l_and_enter_move_between_panes(app: BriefingApp, pilot: Pilot) -> None:
    await press(pilot, "l")
    assert app.focused is detail(app)
    await press(pilot, "h")
    assert isinstance(app.focused, ActorList)
    await press(pilot, "enter")
    assert app.focused is detail(app)


# --- Lists -----------------------------------------------------------------------------


@scenario("list.down", "list.up", "list.first", "list.last", "list.page-down", "list.page-up")
async def vim_keys_move_in_a_list(app: BriefingApp, pilot: Pilot) -> None:
    await press(pilot, "l")
    lines = detail(app)
    first = lines.highlighted
    await press(pilot, "j")
    assert lines.highlighted > first
    await press(pilot, "k")
    assert lines.highlighted == first
    await press(pilot, "space")
    paged = lines.highlighted
    assert paged - first > 3  # a page, not a line
    await press(pilot, "b")
    assert lines.highlighted < paged
    await press(pilot, "G")
    assert lines.highlighted == lines.option_count - 1
    await press(pilot, "g")
    assert lines.highlighted == first


@scenario("line.open", "line.copy")
async def enter_opens_a_line_c_copies_it(app: BriefingApp, pilot: Pilot) -> None:
    await press(pilot, "l", "c")
    line = detail(app).current_line
    # HTS's first summary line (the pane opened on), naming another actor too
    assert line.also == ("Assad government",)
    assert app.clipboard == f"{line.text} (also: Assad government) — {line.citation}"
    await press(pilot, "enter")
    assert isinstance(app.screen, ArticleScreen) and app.screen.sources


# --- Article ---------------------------------------------------------------------------


async def open_first_line(app: BriefingApp, pilot: Pilot) -> ArticleScreen:
    await press(pilot, "1", "l", "enter")
    assert isinstance(app.screen, ArticleScreen)
    return app.screen


@scenario("article.back")
async def q_and_escape_leave_the_article(app: BriefingApp, pilot: Pilot) -> None:
    for key in ("q", "escape"):
        await open_first_line(app, pilot)
        await press(pilot, key)
        assert isinstance(app.screen, MainScreen) and app.is_running


@scenario("article.prev-source", "article.next-source")
async def brackets_switch_between_sources(app: BriefingApp, pilot: Pilot) -> None:
    # The first line of the first actor that two outlets carry.
    await press(pilot, "1", "l")
    lines = detail(app)
    for _ in range(len(lines.options)):
        if lines.current_line and len(lines.current_line.sources) == 2:
            break
        await press(pilot, "j")
    await press(pilot, "enter")
    article = app.screen
    assert isinstance(article, ArticleScreen)
    assert len(article.sources) == 2
    await press(pilot, "right_square_bracket")
    assert article.cited_sentence_id == article.sources[1]
    await press(pilot, "left_square_bracket")
    assert article.cited_sentence_id == article.sources[0]


@scenario("article.dropped")
async def d_shows_what_extraction_dropped(app: BriefingApp, pilot: Pilot) -> None:
    article = await open_first_line(app, pilot)
    await press(pilot, "d")
    assert article.has_class("show-dropped") and article.query_one("#dropped").display
    await press(pilot, "d")
    assert not article.has_class("show-dropped")


@scenario("article.copy")
async def c_copies_the_cited_sentence(app: BriefingApp, pilot: Pilot) -> None:
    article = await open_first_line(app, pilot)
    await press(pilot, "c")
    sentence = app.briefing.sentence(article.cited_sentence_id).text
    assert app.clipboard.startswith(f"{sentence} — [")


@scenario("text.down", "text.up", "text.top", "text.bottom", "text.page-down", "text.page-up")
async def vim_keys_scroll_text(app: BriefingApp, pilot: Pilot) -> None:
    await open_first_line(app, pilot)
    text = app.screen.query_one(VimScroll)
    await press(pilot, "g")
    assert text.scroll_y == 0
    await press(pilot, "j")
    assert text.scroll_y == 1
    await press(pilot, "k")
    assert text.scroll_y == 0
    await press(pilot, "space")
    assert text.scroll_y >= text.size.height - 1
    await press(pilot, "b")
    assert text.scroll_y == 0
    await press(pilot, "G")
    assert text.scroll_y == text.max_scroll_y > 0


# --- Sources, search -------------------------------------------------------------------


@scenario(
    "table.open",
    "table.down",
    "table.up",
    "table.first",
    "table.last",
    "table.page-down",
    "table.page-up",
)
async def vim_keys_and_enter_in_the_sources(app: BriefingApp, pilot: Pilot) -> None:
    await press(pilot, "s")
    table = app.screen.query_one(DataTable)
    last = table.row_count - 1
    for key, row in (("j", 1), ("k", 0), ("G", last), ("g", 0), ("space", last), ("b", 0)):
        await press(pilot, key)
        assert table.cursor_row == row, key
    await press(pilot, "enter")
    assert isinstance(app.screen, ArticleScreen) and app.screen.cited_sentence_id is None


@scenario("search.next", "search.previous")
async def n_and_shift_n_move_in_the_results(app: BriefingApp, pilot: Pilot) -> None:
    await press(pilot, "slash", *"Homs", "enter")
    results = app.screen.query_one(SearchResults)
    await press(pilot, "n", "n")
    assert results.highlighted == 2
    await press(pilot, "N")
    assert results.highlighted == 1


@scenario("failure.quit")
async def q_leaves_the_failure_screen_with_its_status(app: BriefingApp, pilot: Pilot) -> None:
    failing = BriefingApp(paths=["no-such-file.txt"], options=BriefingOptions(use_cache=False))
    async with failing.run_test(size=SMALL) as failing_pilot:
        await settle(failing, failing_pilot)
        assert isinstance(failing.screen, FailureScreen)
        await failing_pilot.press("q")
        await failing_pilot.pause()
    assert failing.return_code == 3


def test_every_key_in_help_has_a_scenario() -> None:
    assert binding_ids(HELP_SECTIONS) == set(SCENARIOS)


@pytest.mark.parametrize(
    "run", sorted(set(SCENARIOS.values()), key=lambda run: run.__name__), ids=lambda r: r.__name__
)
@synchronously
async def test_key(run: Scenario, seed_briefing: Briefing) -> None:
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await run(app, pilot)


def test_ctrl_c_while_loading_stops_the_engine_and_exits_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(30):
        for seed in seed_paths():
            text = seed.read_text(encoding="utf-8").replace("Homs", f"Homs{n}")
            (tmp_path / f"{n}-{seed.name}").write_text(text, encoding="utf-8")
    modelled = []
    build_model = model_build.build_model
    monkeypatch.setattr(
        model_build, "build_model", lambda *a, **k: modelled.append(1) or build_model(*a, **k)
    )
    # The engine's first progress report waits for the key, so the key lands while the
    # articles are read however fast the machine reads them.
    pressed = threading.Event()
    build_briefing = pipeline.build_briefing

    def build_after_the_key(
        paths: list[str], options: BriefingOptions, progress: StageProgress
    ) -> Briefing:
        def report(stage: Stage, done: int, total: int) -> None:
            pressed.wait(timeout=30)
            progress(stage, done, total)

        return build_briefing(paths, options, progress=report)

    monkeypatch.setattr(pipeline, "build_briefing", build_after_the_key)
    app = BriefingApp(paths=[str(tmp_path)], options=BriefingOptions(use_cache=False))

    async def interrupt_while_reading() -> None:
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            assert app.briefing is None
            [engine] = app.workers
            await pilot.press("ctrl+c")
            pressed.set()
            await pilot.pause()
            assert engine.is_cancelled

    # asyncio.run returns once the engine's thread has ended too.
    asyncio.run(interrupt_while_reading())
    assert app.return_code == 130 and app.briefing is None
    # It stopped at its next progress report, before briefing the articles it read.
    assert modelled == []


# --- Daily use (each key's details are in test_tui_daily.py) ----------------------------


@scenario("app.reload")
async def r_reloads_and_says_what_changed(app: BriefingApp, pilot: Pilot) -> None:
    app.paths = tuple(str(p) for p in seed_paths())
    await press(pilot, "r")
    assert app.briefing is not None and len(app.briefing.articles) == 2
    assert "nothing changed (2 articles)" in [str(n.message) for n in app._notifications]


@scenario("main.copy-brief", "main.order")
async def Y_copies_the_brief_and_O_reverses_its_facts(app: BriefingApp, pilot: Pilot) -> None:
    await press(pilot, "Y")
    assert app.clipboard.startswith(f"## {app.briefing.actors[0].name}\n")
    assert app.newest_first
    await press(pilot, "O")
    assert not app.newest_first
    assert any("oldest first" in str(o.prompt) for o in detail(app).options)


@scenario("line.open-file", "article.open-file", "sources.open-file")
async def o_opens_the_source_file(app: BriefingApp, pilot: Pilot) -> None:
    import briefing.tui.app as app_module
    import briefing.tui.screens.article as article_module
    import briefing.tui.screens.sources as sources_module

    opened: list[str] = []
    modules = (app_module, article_module, sources_module)
    real = [module.open_article for module in modules]
    try:  # the headless app cannot give its terminal to a pager: record what it opens
        for module in modules:
            module.open_article = lambda _app, article: opened.append(article.path)
        await press(pilot, "tab", "o")
        await press(pilot, "s", "o")
        await press(pilot, "enter", "o")
    finally:
        for module, function in zip(modules, real, strict=True):
            module.open_article = function
    first = app.briefing.articles[0].article.path
    assert opened[1:] == [first, first] and len(opened) == 3


@scenario("sources.sort", "sources.reverse", "sources.filter", "sources.exclude")
async def sources_sort_filter_and_leave_out(app: BriefingApp, pilot: Pilot) -> None:
    app.paths = tuple(str(p) for p in seed_paths())
    await press(pilot, "s", "S")
    table = app.screen.query_one(DataTable)
    assert [str(table.get_row_at(r)[3]) for r in range(2)] == ["2024-12-06", "2024-12-07"]
    await press(pilot, "O")
    assert [str(table.get_row_at(r)[3]) for r in range(2)] == ["2024-12-07", "2024-12-06"]
    await press(pilot, "f", *"reuters", "enter")
    assert table.row_count == 1
    await press(pilot, "x")
    assert len(app.briefing.articles) == 1


@scenario("sources.filter-done", "sources.filter-clear")
async def filter_enter_keeps_it_escape_clears_it(app: BriefingApp, pilot: Pilot) -> None:
    await press(pilot, "s", "f", *"reuters")
    footer = [str(key.render()) for key in app.screen.query("FooterKey")]
    assert footer[:2] == ["⏎ Table", "esc Clear filter"]  # it said "esc Back"
    table = app.screen.query_one(DataTable)
    await press(pilot, "enter")
    assert app.focused is table and table.row_count == 1
    await press(pilot, "f", "escape")
    assert isinstance(app.screen, SourcesScreen)
    assert app.focused is table and table.row_count == 2
    assert app.screen.query_one("#filter", Input).value == ""


@scenario("timeline.order", "timeline.actor", "actor-picker.cancel")
async def timeline_order_and_actor(app: BriefingApp, pilot: Pilot) -> None:
    await press(pilot, "t", "O")
    assert not app.newest_first
    await press(pilot, "a", "escape")
    assert isinstance(app.screen, TimelineScreen) and app.screen.actor_id is None
    await press(pilot, "a", "j", "enter")
    assert app.screen.actor_id == app.briefing.actors[0].id


@scenario("timeline.date", "date-prompt.cancel")
async def d_jumps_to_a_date(app: BriefingApp, pilot: Pilot) -> None:
    await press(pilot, "t", "d", "escape")
    assert isinstance(app.screen, TimelineScreen)
    await press(pilot, "d", *"2024-12-06", "enter")
    line = app.screen.query_one(SourcedLineList).current_line
    assert line is not None
    assert any(
        f.text == line.text and (f.date or f.reported) == "2024-12-06"
        for a in app.briefing.actors + app.briefing.other_actors
        for f in a.facts
    )
