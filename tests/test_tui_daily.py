"""Pilot tests for daily use: reload, watch, news-first order, timeline filter and dates,
sources sort/filter/leave out, opening files, copying, remembered summary settings."""

from __future__ import annotations

import contextlib
import shutil
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Label, OptionList, Static

from briefing.model import Briefing
from briefing.options import BriefingOptions
from briefing.render import render_actor_markdown
from briefing.resources import seed_paths
from briefing.tui import config, opener, reload
from briefing.tui.app import BriefingApp
from briefing.tui.citations import display_path, opening_actor, summary_shortfall
from briefing.tui.reload import changes
from briefing.tui.screens.article import ArticleScreen
from briefing.tui.screens.pickers import ActorPicker, DatePrompt
from briefing.tui.screens.sources import SourcesScreen
from briefing.tui.screens.timeline import TimelineScreen
from briefing.tui.widgets import SourcedLineList
from tests.test_tui import LARGE, SMALL, detail, screen_text, settle, synchronously
from tests.tui_fixtures import make_briefing

NO_CACHE = BriefingOptions(use_cache=False)
DAWN, TBS = seed_paths()  # published 2024-12-07 and 2024-12-06
TBS_TITLE = "Iran, Hezbollah aim to bolster Assad as rebels bear down on Homs"


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv(config.CONFIG_DIR_ENV, str(folder))
    return folder


def messages(app: BriefingApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def titles(app: BriefingApp) -> list[str]:
    return [str(n.title) for n in app._notifications]


def folder_with(tmp_path: Path, *seeds: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir(exist_ok=True)
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    return folder


def cursor_row(app: BriefingApp) -> int:
    return app.screen.query_one(DataTable).cursor_row


def table_column(app: BriefingApp, column: int) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(row)[column]) for row in range(table.row_count)]


# --- reload and watch ----------------------------------------------------------------


@synchronously
async def test_r_reloads_and_says_what_is_new(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, DAWN)
    app = BriefingApp(paths=[str(folder)], options=NO_CACHE)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert [a.article.outlet for a in app.briefing.articles] == ["Dawn"]
        shutil.copy(TBS, folder / TBS.name)
        await pilot.press("r")
        await settle(app, pilot)
        assert [a.article.outlet for a in app.briefing.articles] == [
            "Dawn",
            "The Business Standard",
        ]
        assert messages(app)[-1] == f"1 new: “{TBS_TITLE}” (2 articles)"
        assert titles(app)[-1] == "Reloaded"
        # The main screen shows the new briefing: its masthead counts both.
        masthead = screen_text(app.screen.query_one("#masthead", Static))
        assert masthead.startswith("2 articles · 2 outlets")
        await pilot.press("r")
        await settle(app, pilot)
        assert messages(app)[-1] == "nothing changed (2 articles)"


@synchronously
async def test_a_reload_that_finds_nothing_keeps_the_briefing(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, DAWN)
    app = BriefingApp(paths=[str(folder)], options=NO_CACHE)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        (folder / DAWN.name).unlink()
        await pilot.press("r")
        await settle(app, pilot)
        assert app.briefing is not None and len(app.briefing.articles) == 1
        assert app.failure is None
        assert messages(app)[-1].endswith("; still showing the last briefing")
        assert "no readable article" in messages(app)[-1]


@synchronously
async def test_watch_rebriefs_when_an_article_arrives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reload, "POLL_SECONDS", 0.05)
    folder = folder_with(tmp_path, DAWN)
    app = BriefingApp(paths=[str(folder)], options=NO_CACHE, watch=True)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        shutil.copy(TBS, folder / TBS.name)
        for _ in range(400):  # up to 20 s on a loaded machine
            await pilot.pause(0.05)
            if len(app.briefing.articles) == 2:
                break
        await pilot.pause()
        assert len(app.briefing.articles) == 2
        assert "The inputs changed" in titles(app)
        assert f"1 new: “{TBS_TITLE}” (2 articles)" in messages(app)


def test_input_snapshot_sees_new_and_grown_files(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, DAWN)
    (folder / "notes.pdf").write_bytes(b"%PDF")  # not an article: not followed
    before = reload.input_snapshot([str(folder)])
    assert list(before) == [str(folder / DAWN.name)]
    with (folder / DAWN.name).open("a", encoding="utf-8") as page:
        page.write("\nOne more line.\n")
    shutil.copy(TBS, folder / TBS.name)
    after = reload.input_snapshot([str(folder)])
    assert sorted(after) == sorted([str(folder / DAWN.name), str(folder / TBS.name)])
    assert after[str(folder / DAWN.name)][1] > before[str(folder / DAWN.name)][1]


def test_changes_name_new_changed_and_gone_articles() -> None:
    old = make_briefing()
    dawn, tbs = old.articles
    edited = replace(dawn, article=replace(dawn.article, title="Rebels enter Homs"))
    moved = replace(tbs, article=replace(tbs.article, path="seeds/tbs-2.txt"))
    found = changes(old, replace(old, articles=(edited, moved)))
    assert found.added == (f"“{tbs.article.title}”",)
    assert found.changed == ("seeds/dawn.txt",)
    assert found.removed == ("seeds/tbs.txt",)
    assert found.describe() == f"1 new: “{tbs.article.title}” · 1 changed · 1 gone"
    # The reader's `x`: left out, not gone.
    found = changes(old, replace(old, articles=(dawn,)), excluded=frozenset({"seeds/tbs.txt"}))
    assert (found.removed, found.left_out) == ((), ("seeds/tbs.txt",))
    assert found.describe() == "1 left out"


# --- news first --------------------------------------------------------------------------


@synchronously
async def test_key_facts_newest_first_and_O_reverses() -> None:
    app = BriefingApp(make_briefing())
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)  # Iran: facts of 6 and 7 December

        def fact_rows() -> list[str]:
            shown = [str(option.prompt) for option in detail(app).options]
            return [row for row in shown if row[:4] == "2024"]

        assert "Key facts  newest first" in [str(o.prompt) for o in detail(app).options]
        assert [row[:10] for row in fact_rows()] == ["2024-12-07", "2024-12-06"]
        await pilot.press("O")
        await pilot.pause()
        assert [row[:10] for row in fact_rows()] == ["2024-12-06", "2024-12-07"]
        assert "Key facts  oldest first" in [str(o.prompt) for o in detail(app).options]
        assert messages(app)[-1] == "Facts oldest first"


@synchronously
async def test_O_keeps_the_cursor_on_the_fact_it_was_on() -> None:
    # Reversed, the facts were shown again with the cursor back on the first summary line.
    app = BriefingApp(make_briefing())
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)  # Iran: facts of 6 and 7 December
        lines = detail(app)
        await pilot.press("l", "G")  # its last line: the older fact
        chosen = lines.current_line
        assert chosen is not None and chosen.text.startswith("2024-12-06: ")
        await pilot.press("O")
        await pilot.pause()
        assert lines.current_line == chosen
        assert lines.highlighted != len(lines.options) - 1  # it moved up with its fact
        # And in the timeline, which O reverses too.
        await pilot.press("t", "j")
        timeline = app.screen.query_one(SourcedLineList)
        chosen = timeline.current_line
        await pilot.press("O")
        await pilot.pause()
        assert timeline.current_line == chosen


def test_summary_shortfall_says_why_from_the_model() -> None:
    briefing = make_briefing()
    iran = briefing.actors[0]  # two summary lines
    assert summary_shortfall(briefing, iran) is None  # the model does not say what was asked
    few = replace(iran, summary_length=5, summary_reports=2)
    assert summary_shortfall(briefing, few) == (
        "2 of 5: only 2 distinct reports about this actor to summarise beside its key facts"
    )
    chosen = replace(iran, summary_length=5, summary_reports=8)
    assert summary_shortfall(briefing, chosen) == (
        "2 of 5: lex-rank chose 2 of its 8 distinct reports"
    )
    assert summary_shortfall(briefing, replace(iran, summary_length=2, summary_reports=9)) is None


def test_engine_records_what_a_summary_is_measured_by(seed_briefing: Briefing) -> None:
    for actor in seed_briefing.actors:
        assert actor.summary_length == seed_briefing.length == 5
        assert len(actor.summary) == min(actor.summary_length, actor.summary_reports)
    for actor in seed_briefing.other_actors:
        assert actor.summary_length == 3  # context, kept short
    short = [a for a in seed_briefing.actors if len(a.summary) < a.summary_length]
    assert short, "the seeds have actors with fewer reports than 5"


@synchronously
async def test_short_summary_shows_its_reason(seed_briefing: Briefing) -> None:
    app = BriefingApp(seed_briefing)
    short = next(a for a in seed_briefing.actors if 0 < len(a.summary) < a.summary_length)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await pilot.press(str(seed_briefing.actors.index(short) + 1))
        await pilot.pause()
        shown = [str(option.prompt) for option in detail(app).options]
        note = f"{len(short.summary)} of 5: only {short.summary_reports} distinct report"
        assert any(row.startswith(note) for row in shown), shown


@synchronously
async def test_timeline_filters_by_actor_and_jumps_to_a_date() -> None:
    app = BriefingApp(make_briefing())
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await pilot.press("t", "a")
        await pilot.pause()
        assert isinstance(app.screen, ActorPicker)
        picker = app.screen.query_one(OptionList)
        # Every actor, then the actors with facts (Rebels and Assad have none).
        assert [o.id for o in picker.options] == ["every-actor", "iran", "hezbollah", "jordan"]
        await pilot.press("G", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        prompts = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert prompts == [
            "2024-12-06",
            "  ● Jordan  Jordan has closed its only passenger and commercial border crossing"
            " with Syria, the interior ministry said on Friday. — the interior ministry [1]",
        ]
        title = screen_text(app.screen.query_one("#timeline-title", Static))
        assert title.startswith("Timeline: Jordan's facts, newest first")
        await pilot.press("a", "q")  # q (or esc) leaves the picker as it was
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen) and app.screen.actor_id == "jordan"
        await pilot.press("a", "g", "enter")  # every actor again
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DatePrompt)
        await pilot.press(*"6 Dec", "enter")
        await pilot.pause()
        problem = str(app.screen.query_one("#date-problem", Label).visual)
        assert problem == "Not a date as YYYY-MM-DD, YYYY-MM or YYYY: '6 Dec'"
        app.screen.query_one(Input).value = ""
        await pilot.press(*"2024-12-06", "enter")
        await pilot.pause()
        timeline = app.screen.query_one(SourcedLineList)
        assert timeline.current_line is not None
        assert timeline.current_line.text.startswith("2024-12-06: Iran will send missiles")
        # No day matches: the nearest older one (newest first), else a notice.
        await pilot.press("d", *"2024-12-08", "enter")
        await pilot.pause()
        assert timeline.current_line.text.startswith(
            "2024-12-07: Russia, Iran and Turkiye will meet"
        )
        await pilot.press("d")
        await pilot.pause()
        # The prompt says the timeline's days, its first one as the example.
        span = str(app.screen.query_one("#date-span", Label).visual)
        assert span == "Dated facts: 2024-12-06 to 2024-12-07"
        assert app.screen.query_one(Input).placeholder == "2024-12-07"
        # Enter on the empty field (the example showing in it) asks for a date.
        await pilot.press("enter")
        await pilot.pause()
        problem = str(app.screen.query_one("#date-problem", Label).visual)
        assert problem == "Type a date, e.g. 2024-12-07."
        await pilot.press(*"2023", "enter")
        await pilot.pause()
        # A day with no fact is said in the prompt, which stays open to try another.
        assert isinstance(app.screen, DatePrompt)
        problem = str(app.screen.query_one("#date-problem", Label).visual)
        assert problem == "No dated fact on or before 2023."
        app.screen.query_one(Input).value = ""
        await pilot.press(*"2024", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)


# --- sources -------------------------------------------------------------------------


@synchronously
async def test_sources_sort_reverse_and_filter() -> None:
    app = BriefingApp(make_briefing())
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        assert table_column(app, 3) == ["2024-12-07", "2024-12-06"]  # by number
        await pilot.press("S")  # by publication date
        await pilot.pause()
        assert table_column(app, 3) == ["2024-12-06", "2024-12-07"]
        table = app.screen.query_one(DataTable)
        assert str(table.columns["published"].label) == "published ▲"
        await pilot.press("O")
        await pilot.pause()
        assert table_column(app, 3) == ["2024-12-07", "2024-12-06"]
        await pilot.press("S")  # by outlet
        await pilot.pause()
        assert table_column(app, 1) == ["Dawn", "The Business Standard"]
        await pilot.press("f", *"reuters")
        await pilot.pause()
        assert table_column(app, 1) == ["The Business Standard"]
        title = screen_text(app.screen.query_one("#sources-title", Static))
        assert title.startswith("Sources: 1 of 2 articles · by outlet · filter: reuters")
        await pilot.press("escape")  # clears the filter, stays in the sources
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        assert table_column(app, 1) == ["Dawn", "The Business Standard"]
        assert app.focused is table
        # A click on a header sorts by that column; a second click reverses it.
        await pilot.click(DataTable, offset=(36, 0))  # "published"
        await pilot.pause()
        assert str(table.columns["published"].label) == "published ▲"
        assert table_column(app, 3) == ["2024-12-06", "2024-12-07"]
        await pilot.click(DataTable, offset=(36, 0))
        await pilot.pause()
        assert str(table.columns["published"].label) == "published ▼"
        assert table_column(app, 3) == ["2024-12-07", "2024-12-06"]


@synchronously
async def test_x_leaves_an_article_out_and_takes_it_back() -> None:
    app = BriefingApp(paths=[str(DAWN), str(TBS)], options=NO_CACHE)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "x")  # Dawn, the first row
        await settle(app, pilot)
        assert [a.article.outlet for a in app.briefing.articles] == ["The Business Standard"]
        assert app.options.excluded == {str(DAWN)}
        assert messages(app)[-1] == "1 left out (1 article)"
        rows = table_column(app, 5)
        assert rows[0] == TBS_TITLE
        assert rows[1].startswith("left out: ")
        title = screen_text(app.screen.query_one("#sources-title", Static))
        assert title.startswith("Sources: 1 article · by # · 1 left out")
        # The cursor went with the article (it jumped to the first row): x again undoes it.
        assert cursor_row(app) == 1
        detail = screen_text(app.screen.query_one("#row-detail", Static))
        assert detail == "Left out of the briefing; x takes it back."
        await pilot.press("x")
        await settle(app, pilot)
        assert len(app.briefing.articles) == 2
        assert app.options.excluded == frozenset()
        assert len(table_column(app, 5)) == 2
        assert table_column(app, 1)[cursor_row(app)] == "Dawn"
        # The only article left cannot go too.
        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("g", "x")
        await pilot.pause()
        assert messages(app)[-1] == "The only article cannot be left out."


@synchronously
async def test_a_filter_matching_nothing_says_so() -> None:
    app = BriefingApp(paths=[str(DAWN), str(TBS)], options=NO_CACHE)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "f", *"no such words")
        await pilot.pause()
        assert app.screen.query_one(DataTable).row_count == 0
        # Not the detail of the row the cursor was on, which the filter hid.
        detail = screen_text(app.screen.query_one("#row-detail", Static))
        assert detail == "No article matches “no such words”; esc in the filter clears it."


# --- open and copy ----------------------------------------------------------------------


class Recorder:
    def __init__(self) -> None:
        self.calls: list[object] = []

    def run(self, command: list[str], check: bool) -> object:
        self.calls.append(command)
        return type("Done", (), {"returncode": 0})()

    def browse(self, url: str) -> bool:
        self.calls.append(url)
        return True


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    """Records what `o` would run; the headless test app cannot give up its terminal."""
    calls = Recorder()
    monkeypatch.setattr(opener.subprocess, "run", calls.run)
    monkeypatch.setattr(opener.webbrowser, "open", calls.browse)
    monkeypatch.setattr(BriefingApp, "suspend", lambda self: contextlib.nullcontext())
    monkeypatch.setenv("PAGER", "less -R")
    return calls


@synchronously
async def test_o_opens_the_source_file_in_the_pager(
    seed_briefing: Briefing, recorder: Recorder
) -> None:
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        first = opening_actor(seed_briefing).summary[0]
        article = seed_briefing.article(first.sources[0].partition(".")[0]).article
        await pilot.press("tab", "o")  # the opened pane's first summary line: its first source
        await pilot.pause()
        assert recorder.calls == [["less", "-R", str(Path(article.path).resolve())]]
        await pilot.press("s", "j", "o")  # the second source in the table
        await pilot.pause()
        second = seed_briefing.articles[1].article.path
        assert recorder.calls[-1] == ["less", "-R", str(Path(second).resolve())]
        await pilot.press("enter", "o")  # and from its article view
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        assert recorder.calls[-1] == ["less", "-R", str(Path(second).resolve())]


def _app_with_an_html_page(tmp_path: Path) -> tuple[Path, BriefingApp]:
    """The sample briefing with its first article's page an HTML file in `tmp_path`."""
    briefing = make_briefing()
    page = tmp_path / "dawn.html"
    page.write_text("<html><body><p>Dawn</p></body></html>", encoding="utf-8")
    dawn = briefing.articles[0]
    html = replace(dawn, article=replace(dawn.article, path=str(page)))
    return page, BriefingApp(replace(briefing, articles=(html, briefing.articles[1])))


@synchronously
async def test_o_opens_an_html_page_in_the_browser(tmp_path: Path, recorder: Recorder) -> None:
    page, app = _app_with_an_html_page(tmp_path)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "o")
        await pilot.pause()
        assert recorder.calls == [page.resolve().as_uri()]


@synchronously
async def test_o_shows_an_html_page_in_the_pager_with_no_browser(
    tmp_path: Path, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Over ssh there is no browser: it said so and showed nothing.
    def no_browser(url: str) -> bool:
        recorder.calls.append(url)
        return False

    monkeypatch.setattr(opener.webbrowser, "open", no_browser)
    page, app = _app_with_an_html_page(tmp_path)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "o")
        await pilot.pause()
        uri, shown = page.resolve().as_uri(), str(page.resolve())
        assert recorder.calls == [uri, ["less", "-R", shown]]
        assert (
            messages(app)[-1] == "No browser found (set $BROWSER): the page was shown in the pager."
        )


@synchronously
async def test_o_says_when_there_is_no_file(recorder: Recorder) -> None:
    briefing = make_briefing()  # its paths (seeds/dawn.txt) name no file here
    app = BriefingApp(briefing)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "o")
        await pilot.pause()
        assert recorder.calls == []
        assert messages(app)[-1] == f"No file to open: {display_path('seeds/dawn.txt')}"


@synchronously
async def test_y_copies_a_line_and_Y_the_brief_as_markdown() -> None:
    briefing = make_briefing()
    app = BriefingApp(briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "y")
        assert app.clipboard == (
            "Iran will send missiles, drones and more advisers to Syria. — "
            "[1] Dawn, 2024-12-07; [2] The Business Standard, 2024-12-06"
        )
        await pilot.press("Y")
        await pilot.pause()
        iran = briefing.actors[0]
        newest_first = replace(iran, facts=iran.facts[::-1])  # as the pane shows them
        assert app.clipboard == render_actor_markdown(briefing, newest_first)
        assert app.clipboard.startswith("## Iran\n")
        assert app.clipboard.index("7 December 2024") < app.clipboard.index("6 December 2024")
        assert app.clipboard.endswith(
            "**Sources**\n\n"
            "- \\[1\\] Dawn | via Agencies | “Iran, Hezbollah aim to bolster Assad as rebels target"
            " Syria's Homs” | 2024-12-07 | seeds/dawn.txt\n"
            "- \\[2\\] The Business Standard | via Reuters | “Iran, Hezbollah aim to bolster Assad"
            " as rebels bear down on Homs” | 2024-12-06 | seeds/tbs.txt\n"
        )
        assert messages(app)[-1] == "Iran, with 2 sources"


def test_actor_markdown_lists_only_the_sources_its_lines_cite() -> None:
    briefing = make_briefing()
    hezbollah = briefing.actors[1]  # one line, from The Business Standard
    text = render_actor_markdown(briefing, hezbollah)
    assert "\\[2\\] The Business Standard" in text
    assert "Dawn" not in text


# --- remembered summary settings -----------------------------------------------------


@synchronously
async def test_summarizer_and_length_are_remembered(config_dir: Path) -> None:
    app = BriefingApp(paths=[str(DAWN)], options=NO_CACHE, summarizer="luhn", sentences=3)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert (app.briefing.summarizer, app.briefing.length) == ("luhn", 3)
    saved = tomllib.loads((config_dir / "config.toml").read_text(encoding="utf-8"))
    assert saved == {"summarizer": "luhn", "sentences": 3}
    # Next time, with nothing asked, the saved ones are used.
    app = BriefingApp(paths=[str(DAWN)], options=NO_CACHE)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert (app.briefing.summarizer, app.briefing.length) == ("luhn", 3)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Length: 7 sentences", "enter")
        await settle(app, pilot)
        assert app.briefing.length == 7
        assert app.options.sentences == 7  # a reload briefs with it too
    saved = tomllib.loads((config_dir / "config.toml").read_text(encoding="utf-8"))
    assert saved == {"summarizer": "luhn", "sentences": 7}


@synchronously
async def test_unusable_saved_summary_settings_warn(config_dir: Path) -> None:
    config_dir.mkdir()
    (config_dir / "config.toml").write_text('summarizer = "gpt"\nsentences = 0\n', "utf-8")
    app = BriefingApp(make_briefing())
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        warning = next(m for m in messages(app) if "summarizer must be" in m)
        assert "sentences must be a whole number of at least 1" in warning
        assert (app.options.summarizer, app.options.sentences) == ("lex-rank", 5)


def test_watcher_waits_for_a_change_to_settle(tmp_path: Path) -> None:
    folder = folder_with(tmp_path, DAWN)
    watcher = reload.InputWatcher(BriefingApp(make_briefing()), [str(folder)], lambda: None)
    watcher._first_look()

    def settled() -> bool:
        return watcher.settled(reload.input_snapshot([str(folder)]))

    assert not settled()  # nothing changed
    with (folder / TBS.name).open("wb") as page:
        page.write(TBS.read_bytes()[:100])
        page.flush()
        assert not settled()  # a change seen once: the writer may not be done
        page.write(TBS.read_bytes()[100:])
    assert not settled()  # it grew since: still wait
    assert settled()  # the same two polls running
    assert not settled()  # and briefed: no change since


@synchronously
async def test_since_leaves_older_articles_out_of_the_view() -> None:
    options = replace(NO_CACHE, since="2024-12-07")
    app = BriefingApp(paths=[str(DAWN), str(TBS)], options=options)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        assert [a.article.outlet for a in app.briefing.articles] == ["Dawn"]
        note = "--since 2024-12-07: left out 1 of 2 articles published before it"
        assert note in messages(app)


@synchronously
async def test_summaries_of_old_articles_never_replace_a_reloaded_briefing() -> None:
    app = BriefingApp(make_briefing())
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        app.rebrief(summarizer="luhn")
        # A reload lands first, made with the new summarizer (options changed at once).
        assert app.options.summarizer == "luhn"
        reloaded = replace(make_briefing(), summarizer="luhn", problems=())
        app.briefing = reloaded
        await settle(app, pilot)
        assert app.briefing is reloaded
        assert messages(app)[-1] == "Summaries: luhn, 5 sentences"


@synchronously
async def test_sources_show_the_estimated_day_the_dump_shows() -> None:
    briefing = make_briefing()
    dawn, tbs = briefing.articles
    undated = replace(tbs, article=replace(tbs.article, published=None))
    briefing = replace(
        briefing, articles=(undated, dawn), estimated_published={undated.id: "2024-12-08"}
    )
    app = BriefingApp(briefing)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert table_column(app, 3) == ["~2024-12-08", "2024-12-07"]  # whole, not cut
        row = screen_text(app.screen.query_one("#row-detail", Static))
        assert " · published ~2024-12-08 (estimated)\n" in row
        await pilot.press("S")  # by publication date: the estimate is the day
        await pilot.pause()
        assert table_column(app, 3) == ["2024-12-07", "~2024-12-08"]
        await pilot.press("G", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        meta = screen_text(app.screen.query_one("#meta", Static))
        assert "· published ~2024-12-08 (estimated) ·" in meta


@synchronously
async def test_undated_sources_sort_last_either_way() -> None:
    briefing = make_briefing()
    dawn, tbs = briefing.articles
    undated = replace(tbs, article=replace(tbs.article, published=None))
    app = BriefingApp(replace(briefing, articles=(undated, dawn)))
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "S")  # by publication date
        await pilot.pause()
        assert table_column(app, 1) == ["Dawn", "The Business Standard"]
        await pilot.press("O")
        await pilot.pause()
        assert table_column(app, 1) == ["Dawn", "The Business Standard"]
        assert table_column(app, 3) == ["2024-12-07", "—"]
