"""The launch's first briefing made in a process of its own while the view starts."""

from __future__ import annotations

import contextlib
import os
import pty
import signal
import sqlite3
import sys
import time
from collections.abc import Callable
from contextlib import closing
from functools import partial
from pathlib import Path

import pytest

from briefing import cache as cache_module
from briefing import pipeline
from briefing.model import Briefing
from briefing.options import BriefingOptions
from briefing.progress import Stage
from briefing.render import render
from briefing.resources import seed_paths
from briefing.tui import engine as engine_module
from briefing.tui.app import BriefingApp
from briefing.tui.citations import opening_actor
from briefing.tui.engine import EarlyEngine
from briefing.tui.screens.main import ActorList
from tests.terminal import SLOW_ENGINE, end_view, exit_status_within, read_until
from tests.test_tui import synchronously

SEEDS = [str(p) for p in seed_paths()]
CACHED = BriefingOptions()


def _nothing_extracted(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, this process cannot extract a page: a briefing must come from the cache."""

    monkeypatch.setattr(pipeline, "process_documents", _refused)


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
    engine.stop()  # it stores the briefing it handed over, then ends
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


def _in_the_engine(fault):
    """`fault` made to act only in the engine's process, forked from this one."""
    test_process = os.getpid()

    def acting(*args, **kwargs):
        if os.getpid() != test_process:
            fault(*args, **kwargs)

    return acting


def _slow_close(monkeypatch: pytest.MonkeyPatch, seconds: float, mark: Path) -> None:
    """The engine's cache takes `seconds` to close (the write-ahead log checkpointed to a
    slow disk), the briefing already committed; `mark` is made when it starts. Only the
    cache that stored the briefing: another one the engine opens and closes before (the
    handover reads the articles' text back through its own) closes as usual, or the
    handover would wait for it and the engine be ended before its commit."""
    close = cache_module.ArticleCache.close
    put_briefing = cache_module.ArticleCache.put_briefing
    stored: list[cache_module.ArticleCache] = []

    def slow(*args):
        mark.touch()
        time.sleep(seconds)

    slow_then_close = _in_the_engine(slow)

    def storing(self, *args):
        put_briefing(self, *args)
        stored.append(self)

    def closing(self):
        if any(cache is self for cache in stored):
            slow_then_close()
        close(self)

    monkeypatch.setattr(cache_module.ArticleCache, "put_briefing", storing)
    monkeypatch.setattr(cache_module.ArticleCache, "close", closing)


def _slow_briefing_row(monkeypatch: pytest.MonkeyPatch, seconds: float, mark: Path) -> None:
    """The engine's transaction storing the briefing takes `seconds` between writing its
    row and its commit; `mark` is made when it starts."""

    def slow(sql, *args):
        if sql.startswith("DELETE FROM briefings"):
            mark.touch()
            time.sleep(seconds)

    slow_statement = _in_the_engine(slow)

    class SlowConnection(sqlite3.Connection):
        def execute(self, sql, *args):
            slow_statement(sql)
            return super().execute(sql, *args)

    monkeypatch.setattr(sqlite3, "connect", partial(sqlite3.connect, factory=SlowConnection))


def _wait_for(mark: Path) -> None:
    deadline = time.monotonic() + 60
    while not mark.exists():
        assert time.monotonic() < deadline, "the engine never got there"
        time.sleep(0.01)


def test_the_briefing_is_handed_over_before_the_cache_closes_and_is_cached(
    seed_briefing: Briefing, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _slow_close(monkeypatch, 3, tmp_path / "closing")
    engine = EarlyEngine.start(SEEDS, CACHED)
    assert engine is not None and engine.pid is not None
    pid = engine.pid
    handed = engine.wait(lambda *report: None, lambda: False)
    received = time.monotonic()
    assert handed is not None and render(handed, "json") == render(seed_briefing, "json")
    assert not _gone(pid)  # still closing the cache
    assert engine.late_problems(lambda: False) == ()  # waited for and reaped
    assert _gone(pid) and engine.pid is None
    assert time.monotonic() - received > 2
    # What the view was handed is what the cache holds.
    _nothing_extracted(monkeypatch)
    cached = pipeline.build_briefing(SEEDS, CACHED)
    assert render(cached, "json") == render(handed, "json")


def _well_formed_cache() -> None:
    """The cache file is whole, and opens without a warning."""
    with closing(sqlite3.connect(cache_module.default_path())) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    warnings: list[str] = []
    cache_module.ArticleCache.open(warn=warnings.append).close()
    assert warnings == []


def _refused(*args, **kwargs):
    raise AssertionError("a page was extracted again")


def _nothing_briefed(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, this process cannot make a briefing: it must come from the cache."""

    def refused(*args, **kwargs):
        raise AssertionError("the articles were briefed again")

    monkeypatch.setattr(pipeline, "_brief_articles", refused)


def _ended_while_storing(
    monkeypatch: pytest.MonkeyPatch,
    slow: Callable[[pytest.MonkeyPatch, float, Path], None],
    mark: Path,
    *,
    killed: bool,
) -> Briefing:
    """Start an engine whose cache is made `slow` where `mark` says it got to, take its
    briefing, and end it there: killed, or by the view ending; the cache is then whole.
    The briefing it handed over."""
    with monkeypatch.context() as faults:
        slow(faults, 60, mark)
        engine = EarlyEngine.start(SEEDS, CACHED)
        assert engine is not None and engine.pid is not None
        pid = engine.pid
        handed = engine.wait(lambda *report: None, lambda: False)
        assert handed is not None
        _wait_for(mark)
        if killed:
            os.kill(pid, signal.SIGKILL)  # a crash, or the view gone (the kernel ends it)
        else:
            # The view ending (ctrl+c, quit) waits so long for it, then ends it.
            faults.setattr(engine_module, "CLOSING_GRACE_SECONDS", 0.5)
        engine.stop()
        assert _gone(pid)
    _well_formed_cache()
    return handed


@pytest.mark.parametrize("killed", [True, False], ids=["killed", "terminated by the view"])
def test_an_engine_ended_while_storing_the_briefing_leaves_the_cache_whole(
    killed: bool, seed_briefing: Briefing, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Inside the transaction, its row written.
    handed = _ended_while_storing(
        monkeypatch, _slow_briefing_row, tmp_path / "storing", killed=killed
    )
    # The articles were committed before; the briefing row was not, and is made again.
    monkeypatch.setattr(pipeline, "process_document", _refused)
    again = pipeline.build_briefing(SEEDS, CACHED)
    assert render(again, "json") == render(handed, "json") == render(seed_briefing, "json")


def test_an_engine_killed_while_closing_the_cache_leaves_the_briefing_stored(
    seed_briefing: Briefing, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Committed, the log not yet checkpointed.
    handed = _ended_while_storing(monkeypatch, _slow_close, tmp_path / "closing", killed=True)
    _nothing_extracted(monkeypatch)
    _nothing_briefed(monkeypatch)
    cached = pipeline.build_briefing(SEEDS, CACHED)
    assert render(cached, "json") == render(handed, "json") == render(seed_briefing, "json")


def test_what_goes_wrong_storing_the_briefing_is_said_after_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def failing(self, *args):
        self._fail(sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(cache_module.ArticleCache, "put_briefing", _in_the_engine_method(failing))
    engine = EarlyEngine.start(SEEDS, CACHED)
    assert engine is not None
    handed = engine.wait(lambda *report: None, lambda: False)
    assert handed is not None and not any("disk I/O" in p for p in handed.problems)
    late = engine.late_problems(lambda: False)
    assert len(late) == 1 and "failed (disk I/O error); continuing without it" in late[0]


def _in_the_engine_method(fault):
    """A method that does `fault` in the engine's process and nothing in this one."""
    acting = _in_the_engine(fault)
    return lambda self, *args: acting(self, *args)


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
        assert actors.pointed == opening_actor(seed_briefing).id
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
    assert engine.done and engine.handed_over() is not None
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
    engine.stop()  # as the command line does when the view ends
    assert engine.ended and engine.pid is None


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
        end_view(pid, fd)
    assert status == 130
    # The view reaped its engine on the way out: no process is left at work.
    assert not any(Path(f"/proc/{engine}").exists() for engine in engines)


def _handing_over_late(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """The engine process (forked from here) finds the briefing, then takes `seconds`
    more to hand it over, as on a busy machine."""
    build = pipeline.build_briefing

    def late(*args, ready, **kwargs):
        def late_ready(briefing: Briefing) -> None:
            time.sleep(seconds)
            ready(briefing)

        return build(*args, ready=late_ready, **kwargs)

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


def test_the_engine_says_first_whether_its_profile_loads(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('id = "x"\nname = "X"\n\n[[actors]]\nid = "a"\nname = "A"\ncolour = "red"\n')
    engine = EarlyEngine.start(SEEDS, BriefingOptions(profile=str(broken)))
    assert engine is not None
    pid = engine.pid
    try:
        problem = engine.profile_problem()
        assert problem == f"{broken}, line 7: actor 'a': colour 'red' is not of the form #rrggbb"
        assert engine.wait(lambda *report: None, lambda: False) is None  # it ended there
    finally:
        engine.stop()
    assert pid is not None and _gone(pid)
    engine = EarlyEngine.start(SEEDS, CACHED)
    assert engine is not None
    try:
        assert engine.profile_problem() is None
        assert engine.wait(lambda *report: None, lambda: False) is not None
    finally:
        engine.stop()


@pytest.mark.parametrize("profile", ["nosuch", "broken"])
def test_a_bad_profile_is_said_before_the_screen_is_taken(tmp_path: Path, profile: str) -> None:
    # Checked by the early engine: the view waits for its word before taking the screen.
    broken = tmp_path / "broken.toml"
    broken.write_text('id = "x"\nname = "X"\n\n[[actors]]\nid = "a"\nname = "A"\ncolour = "red"\n')
    named = str(broken) if profile == "broken" else profile
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "TERM": "xterm-256color",
    }
    pid, fd = pty.fork()
    if pid == 0:  # the view, on the pseudo-terminal
        os.execve(
            sys.executable, [sys.executable, "-m", "briefing", "--profile", named, *SEEDS], env
        )
    try:
        shown = read_until(fd, b"\x1b[?1049h", timeout=60)
        status = exit_status_within(pid, 60, "a bad profile")
    finally:
        end_view(pid, fd)
    assert status == 4
    assert b"\x1b[?1049h" not in shown  # the screen was never taken
    said = shown.decode().replace("\r\n", "\n")
    if profile == "broken":
        wrong = f"{broken}, line 7: actor 'a': colour 'red' is not of the form #rrggbb"
    else:
        wrong = "no profile named 'nosuch' (bundled: gaza-lebanon, sudan, syria, ukraine)"
    assert said == f"briefing: error: {wrong}\n"
