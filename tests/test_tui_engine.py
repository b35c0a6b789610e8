"""The launch's first briefing made in a process of its own while the view starts."""

from __future__ import annotations

import contextlib
import os
import pty
import signal
import sys
import time
from pathlib import Path

import pytest

from briefing import pipeline
from briefing.model import Briefing
from briefing.options import BriefingOptions
from briefing.progress import Stage
from briefing.render import render
from briefing.resources import seed_paths
from briefing.tui import engine as engine_module
from briefing.tui.app import BriefingApp
from briefing.tui.engine import EarlyEngine
from briefing.tui.screens.main import ActorList
from tests.terminal import SLOW_ENGINE, exit_status_within, read_until
from tests.test_tui import synchronously

SEEDS = [str(p) for p in seed_paths()]
CACHED = BriefingOptions()


def _nothing_extracted(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, this process cannot extract a page: a briefing must come from the cache."""

    def refused(*args, **kwargs):
        raise AssertionError("a page was extracted again")

    monkeypatch.setattr(pipeline, "process_documents", refused)


def _gone(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True  # reaped
    return False


def test_the_engine_hands_its_briefing_over_reporting_each_stage_and_caches_it(
    seed_briefing: Briefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = EarlyEngine.start(SEEDS, CACHED)
    assert engine is not None
    pid = engine.pid
    reports: list[tuple[Stage, int, int]] = []
    handed = engine.wait(lambda *report: reports.append(report), lambda: False)
    assert pid is not None and _gone(pid)
    assert handed is not None and render(handed, "json") == render(seed_briefing, "json")
    # Each stage, in order, from its start to its end, as the loading screen shows them.
    assert [stage for stage, _, _ in reports] == sorted(
        (stage for stage, _, _ in reports), key=list(Stage).index
    )
    assert (Stage.EXTRACT, 0, 2) in reports and (Stage.EXTRACT, 2, 2) in reports
    assert reports[-1][0] is Stage.ACTORS and reports[-1][1] == reports[-1][2] > 0
    _nothing_extracted(monkeypatch)
    cached = pipeline.build_briefing(SEEDS, CACHED)
    assert render(cached, "json") == render(seed_briefing, "json")


def test_a_briefing_of_many_articles_is_left_in_the_cache(
    seed_briefing: Briefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "HANDOVER_ARTICLES", 1)  # the seeds are two
    engine = EarlyEngine.start(SEEDS, CACHED)
    assert engine is not None
    assert engine.wait(lambda *report: None, lambda: False) is None
    _nothing_extracted(monkeypatch)
    cached = pipeline.build_briefing(SEEDS, CACHED)
    assert render(cached, "json") == render(seed_briefing, "json")


def test_without_the_cache_there_is_no_early_engine() -> None:
    # Its only way to hand the briefing over is the cache.
    assert EarlyEngine.start(SEEDS, BriefingOptions(use_cache=False)) is None


def test_stopping_ends_an_engine_inside_a_long_step(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "process_document", lambda *args: time.sleep(120))
    engine = EarlyEngine.start(SEEDS, CACHED)
    assert engine is not None and engine.pid is not None
    pid = engine.pid
    time.sleep(0.5)
    started = time.monotonic()
    engine.stop()
    assert time.monotonic() - started < 5
    assert _gone(pid)
    engine.stop()  # again: nothing left to do


@synchronously
async def test_the_view_shows_the_briefing_the_engine_made(
    seed_briefing: Briefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = EarlyEngine.start(SEEDS, CACHED)
    assert engine is not None
    # Only the engine's process can extract: the view takes the briefing it hands over.
    _nothing_extracted(monkeypatch)
    app = BriefingApp(paths=SEEDS, options=CACHED, engine=engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.briefing is not None
        assert render(app.briefing, "json") == render(seed_briefing, "json")
        actors = app.screen.query_one(ActorList)
        assert actors.pointed == seed_briefing.actors[0].id
    assert engine.pid is None  # waited for and reaped


@synchronously
async def test_a_briefing_handed_over_before_the_view_starts_is_shown_without_loading(
    seed_briefing: Briefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = EarlyEngine.start(SEEDS, CACHED)
    assert engine is not None
    deadline = time.monotonic() + 60
    while not engine.poll() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert engine.ended and engine.pid is None
    _nothing_extracted(monkeypatch)
    app = BriefingApp(paths=SEEDS, options=CACHED, engine=engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # Shown as the screen first drew: no worker was needed to fetch it.
        assert not app.workers
        assert app.briefing is not None
        assert render(app.briefing, "json") == render(seed_briefing, "json")
        # Composed with the briefing: no loading section was made at all.
        assert not app.screen.query("#loading")


@synchronously
async def test_an_engine_started_with_other_options_is_stopped_and_not_used(
    seed_briefing: Briefing,
) -> None:
    engine = EarlyEngine.start(SEEDS, CACHED)
    assert engine is not None
    pid = engine.pid
    # The view briefs with three sentences: the engine's five-sentence briefing is not it.
    app = BriefingApp(paths=SEEDS, options=CACHED, sentences=3, engine=engine)
    assert engine.pid is None and pid is not None and _gone(pid)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.briefing is not None and app.briefing.length == 3


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError):
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                if int(stat[1]) == pid:
                    found.append(int(entry))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_while_the_engine_process_works_ends_both(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "TERM": "xterm-256color"}
    pid, fd = pty.fork()
    if pid == 0:  # the view, on the pseudo-terminal, its engine inside one long step
        os.execve(sys.executable, [sys.executable, "-c", SLOW_ENGINE, *SEEDS], env)
    try:
        read_until(fd, b"Reading", timeout=60)
        engines = _children(pid)
        assert engines, "no engine process beside the view"
        os.write(fd, b"\x03")  # ctrl+c, as the terminal sends it in raw mode
        read_until(fd, b"\x1b[?1049l", timeout=30)
        status = exit_status_within(pid, 30, "ctrl+c")
    finally:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    assert status == 130
    # The view reaped its engine on the way out: no process is left at work.
    assert not any(Path(f"/proc/{engine}").exists() for engine in engines)


def _handing_over_late(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """The engine process (forked from here) finds the briefing, then takes `seconds`
    more to hand it over, as on a busy machine."""
    build = pipeline.build_briefing

    def late(*args, **kwargs):
        briefing = build(*args, **kwargs)
        time.sleep(seconds)
        return briefing

    monkeypatch.setattr(pipeline, "build_briefing", late)


@synchronously
async def test_the_first_screen_waits_a_moment_for_a_warm_engine(
    seed_briefing: Briefing, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipeline.build_briefing(SEEDS, CACHED)  # in the cache: the engine's start is warm
    _handing_over_late(monkeypatch, 0.2)
    engine = EarlyEngine.start(SEEDS, CACHED)
    assert engine is not None
    _nothing_extracted(monkeypatch)
    app = BriefingApp(paths=SEEDS, options=CACHED, engine=engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # Drawn once, with the briefing: no loading screen, no worker to fetch it.
        assert not app.workers
        assert not app.screen.query("#loading")
        assert app.briefing is not None
        assert render(app.briefing, "json") == render(seed_briefing, "json")


def test_an_engine_with_pages_to_read_is_not_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "process_document", lambda *args: time.sleep(120))
    engine = EarlyEngine.start(SEEDS, CACHED)  # a cache of its own, empty: a cold start
    assert engine is not None
    try:
        started = time.monotonic()
        # It reports the pages it has to read long before the wait is over.
        assert not engine.poll(wait=60)
        assert time.monotonic() - started < 30
    finally:
        engine.stop()
