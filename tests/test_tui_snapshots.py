"""Snapshots of each screen at 80x24 and 120x40 over the seed briefing.

After `--snapshot-update`, look at the SVGs: a snapshot only guards what a person checked.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from briefing.model import Briefing
from briefing.options import BriefingOptions
from briefing.tui import config
from briefing.tui.app import BriefingApp

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(config.CONFIG_DIR_ENV, str(tmp_path / "config"))


async def _loaded(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _after(*keys: str):
    async def run_before(pilot: Pilot) -> None:
        await _loaded(pilot)
        await pilot.press(*keys)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


SCREENS = {
    "main": (),
    # Iran (4th profile actor): focus its lines, open the first summary line.
    "article": ("4", "tab", "enter"),
    "sources": ("s",),
    "timeline": ("t",),
    "help": ("question_mark",),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_snapshot(snap_compare, seed_briefing: Briefing, screen: str, size) -> None:
    app = BriefingApp(seed_briefing)
    assert snap_compare(app, terminal_size=size, run_before=_after(*SCREENS[screen]))


def test_search_snapshot(snap_compare, seed_briefing: Briefing) -> None:
    async def run_before(pilot: Pilot) -> None:
        await _loaded(pilot)
        await pilot.press("slash", *"Homs")
        pilot.app.screen.query_one("Input").cursor_blink = False
        await pilot.pause()

    assert snap_compare(BriefingApp(seed_briefing), terminal_size=(80, 24), run_before=run_before)


def test_failure_snapshot(snap_compare) -> None:
    # Nothing to view: the footer offers quit and help, not export or the views.
    app = BriefingApp(paths=["no-such-file.txt"], options=BriefingOptions(use_cache=False))
    assert snap_compare(app, terminal_size=(80, 24), run_before=_loaded)


def test_article_with_several_sources_snapshot(snap_compare, seed_briefing: Briefing) -> None:
    # A line two outlets carry: tabs name both, Prev/Next are offered, and the cited
    # sentence sits below its paragraph's context.
    app = BriefingApp(seed_briefing)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_after("1", "tab", "enter"))


def test_textual_theme_snapshot(snap_compare, seed_briefing: Briefing) -> None:
    # Our own colours (actors, cursor line) made from a theme that does not define them.
    app = BriefingApp(seed_briefing, theme="nord")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_after("tab"))


def test_too_small_snapshot(snap_compare, seed_briefing: Briefing) -> None:
    app = BriefingApp(seed_briefing)
    assert snap_compare(app, terminal_size=(60, 20), run_before=_loaded)
