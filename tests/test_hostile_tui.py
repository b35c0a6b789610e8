"""The view under attack: markup in names, keys at the wrong moment, broken settings files,
termination signals."""

from __future__ import annotations

import asyncio
import contextlib
import os
import pty
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.widgets.option_list import Option

from briefing.lifetime import on_termination
from briefing.tui import config
from briefing.tui.app import BriefingApp, exit_on_signal
from briefing.tui.theming import ThemeError, bundled_themes, theme_from_toml
from tests.terminal import SLOW_ENGINE, exit_status_within, read_until
from tests.tui_fixtures import make_briefing
from tests.tui_waiting import keep_notifications, notifications

SIZE = (120, 40)
HOSTILE_NAME = "Assad [@click=app.quit]q[/]"


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv(config.CONFIG_DIR_ENV, str(folder))
    return folder


def run(test) -> None:
    asyncio.run(test())


def test_palette_entries_are_text_not_markup() -> None:
    briefing = make_briefing()
    first = replace(briefing.actors[0], name=HOSTILE_NAME)
    app = BriefingApp(replace(briefing, actors=(first, *briefing.actors[1:])))

    async def test() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            await pilot.press("ctrl+p")
            await pilot.pause(0.3)
            await pilot.press(*"assad")
            await pilot.pause(0.5)
            commands = app.screen.query_one(CommandList)
            prompts = [
                str(commands.get_option_at_index(n).prompt) for n in range(len(commands.options))
            ]
            assert any(f"Go to actor: {HOSTILE_NAME}" in p for p in prompts), prompts
            await pilot.press("enter")
            await pilot.pause(0.3)
            assert app.return_code is None  # choosing the entry went to the actor, did not quit

    run(test)


def test_paging_the_palette_before_its_list_is_laid_out() -> None:
    """ctrl+p then PageDown at once: Textual's OptionList raised KeyError: 0."""
    app = BriefingApp(make_briefing())

    async def test() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            app.action_command_palette()
            await pilot.pause()
            commands = app.screen.query_one(CommandList)
            commands.clear_options()
            await pilot.pause()  # laid out empty: no lines to page by
            # New results arrive and a page key is handled before the next layout.
            commands.add_options([Option("a"), Option("b")])
            commands.highlighted = 0
            await app.screen.run_action("command_list('page_down')")
            await app.screen.run_action("command_list('page_up')")
            await pilot.pause()
            assert app.return_code is None

    run(test)


def test_keymap_values_that_are_not_keys_are_named(config_dir: Path) -> None:
    config_dir.mkdir()
    (config_dir / "config.toml").write_text(
        '[keymap]\n"line.copy" = "banana"\n"app.quit" = "ctrl+"\n"view.sources" = "S"\n',
        encoding="utf-8",
    )
    settings = config.load_settings(lambda: ["line.copy", "app.quit", "view.sources"])
    assert settings.keymap == {"view.sources": "S"}
    [problem] = settings.problems
    assert "'app.quit' = 'ctrl+'" in problem and "'line.copy' = 'banana'" in problem


def test_deeply_nested_config_is_a_warning(config_dir: Path) -> None:
    config_dir.mkdir()
    (config_dir / "config.toml").write_text("x = " + "[" * 5000 + "]" * 5000, encoding="utf-8")
    settings = config.load_settings(list)
    assert not settings.usable
    assert settings.problems == (
        "not valid TOML: arrays or tables nested too deeply; its settings are not used",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('name = "x"\nprimary = "#zzzzzz"\n', "primary '#zzzzzz' is not a colour"),
        ('name = "x"\nprimary = 3\n', "primary must be a string"),
        ('name = "x"\ndark = "yes"\n', "dark must be true or false"),
        ('name = "x"\ncolour = "#000000"\n', "unknown theme fields ['colour']"),
        ('name = "x\\u001b[2J"\n', "name must be letters"),
        ("name = [", "unreadable"),
        ('name = "x"\n[variables]\nactor-1 = 7\n', "values must be strings"),
    ],
)
def test_broken_theme_files_are_messages(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ThemeError, match="^theme file .*broken.toml: ") as raised:
        bundled_themes(tmp_path)
    assert message in str(raised.value)
    assert raised.value.status == 2


def test_bundled_themes_load() -> None:
    assert {t.name for t in bundled_themes()} >= {"briefing-dark", "briefing-light"}
    for theme in bundled_themes():
        assert theme_from_toml(Path(__file__).parent.parent / "themes" / f"{theme.name}.toml")


def test_sigterm_exits_the_view_through_its_event_loop() -> None:
    app = BriefingApp(make_briefing())

    async def test() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            with on_termination(lambda signum: exit_on_signal(app, signum)):
                os.kill(os.getpid(), signal.SIGTERM)
                await pilot.pause(0.2)
            assert app.return_code == 128 + signal.SIGTERM

    run(test)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_termination_signal_restores_the_terminal(tmp_path: Path, signum: int) -> None:
    """In a real terminal: the view leaves the alternate screen and turns mouse reporting
    off before exiting with 128 + the signal's number."""
    page = Path(__file__).parent.parent / "seeds"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "TERM": "xterm-256color"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: the view, on the pseudo-terminal
        os.execve(sys.executable, [sys.executable, "-m", "briefing", "--no-cache", str(page)], env)
    output = b""
    try:
        output = read_until(fd, b"\x1b[?1049h", timeout=60)  # the view is up
        read_until(fd, b"Reading", timeout=2)  # let it draw a little
        os.kill(pid, signum)
        output += read_until(fd, b"\x1b[?1049l", timeout=30)
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    assert b"\x1b[?1049l" in output  # alternate screen left
    assert b"\x1b[?1000l" in output  # mouse reporting off
    assert os.waitstatus_to_exitcode(status) == 128 + signum


@pytest.mark.parametrize("attempt", range(2))
def test_closing_the_terminal_ends_the_view(tmp_path: Path, attempt: int) -> None:
    """The terminal window closed while the view draws: the process ends with 129. It stayed
    in the background for good: Textual's output thread died writing to the hung-up terminal
    and the view's exit waited for it."""
    seeds = Path(__file__).parent.parent / "seeds"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "TERM": "xterm-256color"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: the view, on the pseudo-terminal
        os.execve(sys.executable, [sys.executable, "-m", "briefing", "--no-cache", str(seeds)], env)
    try:
        read_until(fd, b"\x1b[?1049h", timeout=60)  # the view is up and drawing
        os.close(fd)  # the window closes: the kernel hangs up the terminal's session
        status = exit_status_within(pid, 30, "its terminal")
    finally:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    assert status == 128 + signal.SIGHUP


def test_an_exit_deadline_ends_a_stuck_process_and_is_cancelled_by_leaving() -> None:
    head = "import time\nfrom briefing.lifetime import exit_deadline\n"
    stuck = head + "with exit_deadline(0.2) as arm:\n    arm(7)\n    time.sleep(30)\n"
    left = head + "with exit_deadline(0.2) as arm:\n    arm(7)\ntime.sleep(0.6)\n"
    started = time.monotonic()
    assert subprocess.run([sys.executable, "-c", stuck], timeout=20).returncode == 7
    assert time.monotonic() - started < 15
    assert subprocess.run([sys.executable, "-c", left], timeout=20).returncode == 0


def test_ctrl_c_during_a_long_step_exits_at_once(tmp_path: Path) -> None:
    """ctrl+c in the view while the engine is inside one long step: the screen went at
    once, but the process stayed until the step was done (the engine's thread was awaited)."""
    seeds = Path(__file__).parent.parent / "seeds"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "TERM": "xterm-256color"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: the view, on the pseudo-terminal
        argv = [sys.executable, "-c", SLOW_ENGINE, "--no-cache", str(seeds)]
        os.execve(sys.executable, argv, env)
    try:
        read_until(fd, b"\x1b[?1049h", timeout=60)  # the view is up
        read_until(fd, b"Reading", timeout=5)  # and the engine at work
        time.sleep(1)
        os.write(fd, b"\x03")  # ctrl+c, as the terminal sends it in raw mode
        output = read_until(fd, b"\x1b[?1049l", timeout=30)
        status = exit_status_within(pid, 30, "ctrl+c")  # the process ends, not only the screen
    finally:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)
    assert b"\x1b[?1049l" in output  # alternate screen left
    assert status == 130


def test_followed_paths_are_shown_escaped(tmp_path: Path) -> None:
    """--watch named the paths it follows as given: an escape sequence in a folder's name
    reached the terminal (Textual keeps ESC in plain text)."""
    from briefing.options import BriefingOptions

    folder = tmp_path / "news\x1b]0;pwned\x07\u202e"
    folder.mkdir()
    seed = Path(__file__).parent.parent / "seeds"
    (folder / "a.txt").write_bytes(next(seed.glob("*.txt")).read_bytes())
    app = BriefingApp(paths=[str(folder)], options=BriefingOptions(use_cache=False), watch=True)

    async def test() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            shown = [f"{n.title} {n.message}" for n in app._notifications]
            following = next(text for text in shown if "Following" in text)
            assert "news\\x1b]0;pwned\\x07\\u202e" in following
            await app.workers.wait_for_complete()

    run(test)


def test_a_failure_quoting_escapes_is_shown_clean() -> None:
    """A failure's message quotes paths and profile values (a --profile path, on a reload):
    the failure screen and the reload's notice showed them raw."""
    from briefing.errors import BriefingError
    from briefing.tui.screens.failure import FailureScreen

    hostile = BriefingError("/tmp/x\x1b]0;pwned\x07\u202e.toml: not valid TOML", 4)
    app = BriefingApp(make_briefing())

    async def test() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            app._failed(hostile)  # a reload that failed: a notice over the last briefing
            await pilot.pause()
            notice = [str(n.message) for n in app._notifications][-1]
            assert "/tmp/x.toml: not valid TOML" in notice
            app.briefing = None
            app._failed(hostile)  # the first load that failed: the failure screen
            await pilot.pause()
            assert isinstance(app.screen, FailureScreen)
            assert app.screen.message == "/tmp/x.toml: not valid TOML"

    run(test)


def test_export_notices_show_the_file_name_escaped(tmp_path: Path) -> None:
    """The export dialog takes a pasted name as it is: its notice named the file raw."""
    app = keep_notifications(BriefingApp(make_briefing()))
    written, refused = tmp_path / "brief\x1b[2J.txt", tmp_path / "no\x1b]0;x\x07" / "brief.txt"

    async def test() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await app.workers.wait_for_complete()
            before = len(app._notifications)  # the briefing's own notices about its input
            app.export("text", written)
            app.export("text", refused)
            exported = (await notifications(app, pilot, before + 2))[before:]
            shown = [f"{n.title} {n.message}" for n in exported]
            assert any("brief\\x1b[2J.txt" in text for text in shown)
            assert any("no\\x1b]0;x\\x07" in text for text in shown)
            assert not any("\x1b" in text for text in shown)

    run(test)
    assert written.is_file()


def test_the_config_file_is_named_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The settings notice is titled with the config file's path, from the environment."""
    folder = tmp_path / "conf\x1b]0;pwned\x07"
    folder.mkdir()
    (folder / "config.toml").write_text("theme = [", encoding="utf-8")
    monkeypatch.setenv(config.CONFIG_DIR_ENV, str(folder))
    app = BriefingApp(make_briefing())

    async def test() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            titles = [str(n.title) for n in app._notifications]
            assert any("conf\\x1b]0;pwned\\x07" in title for title in titles)

    run(test)
