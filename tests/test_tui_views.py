"""What the views show: loading progress, small terminals, the article around its citation."""

from __future__ import annotations

import os
from dataclasses import replace

from textual.widgets import Collapsible, ProgressBar, Static

from briefing.model import Briefing
from briefing.progress import Stage
from briefing.resources import seed_paths
from briefing.tui.app import BriefingApp
from briefing.tui.citations import display_path
from briefing.tui.screens.article import CITED_AT, ArticleScreen
from briefing.tui.screens.main import MainScreen, shown_counts
from briefing.tui.screens.too_small import TooSmallScreen
from briefing.tui.widgets import VimScroll
from tests.test_tui import LARGE, SMALL, screen_text, settle, synchronously
from tests.test_tui_keys import press


def loading_view() -> BriefingApp:
    """A view still loading (the loading section exists only then), to be sent reports as
    the engine's worker sends them; the worker itself is held back: nothing interleaves."""
    app = BriefingApp(paths=[str(p) for p in seed_paths()])
    app.load_briefing = lambda *args, **kwargs: None  # type: ignore[method-assign]
    return app


@synchronously
async def test_loading_names_the_step_and_pulses_until_something_is_done() -> None:
    app = loading_view()
    async with app.run_test(size=SMALL) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        bar = main.query_one(ProgressBar)
        status = main.query_one("#loading-status", Static)
        for stage, done, total, metered in (
            (Stage.EXTRACT, 0, 61, False),
            (Stage.EXTRACT, 12, 61, True),
            (Stage.COMPARE, 61, 61, False),  # one step: never a fake 100%
            (Stage.ACTORS, 0, 15, False),
            (Stage.ACTORS, 5, 15, True),
        ):
            main.show_progress(stage, done, total)
            await pilot.pause()
            assert (bar.total is not None) == metered, (stage, done)
            if metered:
                assert bar.progress == done and bar.total == total
        assert screen_text(status) == (
            "Step 3 of 3 · Summarising actors and their key facts: 5 of 15…"
        )


@synchronously
async def test_a_new_count_as_wide_as_the_last_lays_nothing_out_again() -> None:
    # Each report of the engine changes the status line; its width changes only when its
    # wording's does, and only then does the screen need laying out again.
    app = loading_view()
    async with app.run_test(size=SMALL) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        status = main.query_one("#loading-status", Static)
        main.show_progress(Stage.EXTRACT, 11, 999)
        await pilot.pause()
        laid_out: list[bool] = []
        update = status.update

        def watched(content, *, layout=True):  # noqa: ANN001, ANN202
            laid_out.append(layout)
            return update(content, layout=layout)

        status.update = watched  # type: ignore[method-assign]
        for done in (12, 13, 14, 100):
            main.show_progress(Stage.EXTRACT, done, 999)
            await pilot.pause()
        assert laid_out == [False, False, False, True]
        assert screen_text(status) == "Step 1 of 3 · Reading articles: 100 of 999…"


def test_names_get_the_room_before_counts() -> None:
    widths = {"sent": 4, "fact": 4, "src": 3}
    assert shown_counts(widths, longest_name=10, room=40) == ["sent", "fact", "src"]
    assert shown_counts(widths, longest_name=16, room=29) == ["fact", "src"]
    assert shown_counts(widths, longest_name=16, room=23) == ["src"]
    assert shown_counts(widths, longest_name=30, room=29) == []


@synchronously
async def test_profile_names_are_whole_at_80x24(seed_briefing: Briefing) -> None:
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        rows = [str(o.prompt) for o in app.screen.query_one("#actors").options if o.id]
        for actor in seed_briefing.actors + seed_briefing.other_actors:
            assert any(f" {actor.name} " in row for row in rows), actor.name
        assert "…" not in "".join(rows)


@synchronously
async def test_a_long_other_actors_name_is_cut_before_the_counts_go(
    seed_briefing: Briefing,
) -> None:
    long_name = "General People's Congress Party of Yemen and its allies"
    other = replace(seed_briefing.other_actors[0], name=long_name)
    briefing = replace(seed_briefing, other_actors=(other, *seed_briefing.other_actors[1:]))
    app = BriefingApp(briefing)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        options = app.screen.query_one("#actors").options
        assert str(options[0].prompt).split() == ["actors", "sent", "fact", "src"]
        row = next(str(o.prompt) for o in options if o.id == other.id)
        assert "General People" in row and "…" in row and long_name not in row
        for actor in briefing.actors:
            assert any(f" {actor.name} " in str(o.prompt) for o in options), actor.name


@synchronously
async def test_a_terminal_below_the_minimum_shows_a_notice_until_enlarged(
    seed_briefing: Briefing,
) -> None:
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, TooSmallScreen)
        notice = screen_text(app.screen.query_one("#too-small", Static))
        assert "60×20; briefing needs 76×16" in notice
        await press(pilot, "question_mark", "s")  # nothing opens under the notice
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        await pilot.resize_terminal(70, 24)
        await settle(app, pilot)
        assert isinstance(app.screen, TooSmallScreen)
        await press(pilot, "ctrl+q")
    assert app.return_code == 0


@synchronously
async def test_the_cited_sentence_has_its_context_above_it(seed_briefing: Briefing) -> None:
    # A sentence deep in a long article: the view scrolls to it, but not to the top line.
    article = max(seed_briefing.articles, key=lambda a: len(a.sentences))
    deep = article.sentences[len(article.sentences) // 2]
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        screen = ArticleScreen(seed_briefing, (deep.id,), report=deep.text)
        await app.push_screen(screen)
        await settle(app, pilot)
        text = screen.query_one(VimScroll)
        paragraph = screen.query_one(".cited", Static)
        row = paragraph.virtual_region.y + screen._cited_line(paragraph) - text.scroll_y
        assert text.scroll_y > 0
        assert row == int(text.size.height * CITED_AT)


def test_bundled_seeds_are_named_not_pathed(tmp_path) -> None:
    seed = str(seed_paths()[0])
    assert display_path(seed) == f"bundled seed {seed_paths()[0].name}"
    mine = tmp_path / "article.txt"
    assert display_path(str(mine)) in (str(mine), os.path.relpath(mine))


@synchronously
async def test_help_folds_textual_keys_and_leaves_out_those_ours_replace(
    seed_briefing: Briefing,
) -> None:
    app = BriefingApp(seed_briefing)
    async with app.run_test(size=LARGE) as pilot:
        await settle(app, pilot)
        await press(pilot, "question_mark")
        folded = app.screen.query_one(Collapsible)
        assert folded.collapsed
        ours = "\n".join(
            screen_text(s)
            for s in app.screen.query(".help-section")
            if s.parent is not None and not isinstance(s.parent.parent, Collapsible)
        )
        textual = "\n".join(screen_text(s) for s in folded.query(".help-section"))
        assert "Scroll Left" in textual and "Scroll Left" not in ours
        # ctrl+c quits (status 130) and ctrl+q quits: Textual's meanings are not shown.
        assert "^c" in ours and "^c" not in textual and "^q" not in textual
        # enter opens a source in the table, so DataTable's "Select" is not listed.
        assert "Select" not in textual
