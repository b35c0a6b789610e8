"""The README's exit-status table is what the program does: every row is run through the
command line, in `briefing dump` and in the view's start path, and the status compared
with the row's `dump` and `view` columns ("yes": this status; "no": never this one).

The view runs in a pseudo-terminal; the signals arrive while the engine is inside a long
step (its per-page work replaced by a sleep), when interrupting is hardest."""

from __future__ import annotations

import contextlib
import os
import pty
import re
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing.cli import main
from tests.terminal import SLOW_ENGINE, read_until

ROOT = Path(__file__).resolve().parents[1]
SEEDS = str(ROOT / "seeds")


@dataclass(frozen=True)
class Row:
    status: int
    meaning: str
    in_dump: bool
    in_view: bool


def readme_rows() -> list[Row]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Exit statuses", 1)[1].split("\n#", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].isdigit():
            status, meaning, dump, view = cells
            rows.append(Row(int(status), meaning, _yes(dump), _yes(view)))
    return rows


def _yes(cell: str) -> bool:
    if not re.match(r"(yes|no)\b", cell):
        raise AssertionError(f"a cell of the exit-status table says neither yes nor no: {cell!r}")
    return cell.startswith("yes")


# --- running the command line -------------------------------------------------------------


def in_terminal(argv: list[str], act: Callable[[int, int], None], cache: Path) -> int:
    """Run `briefing argv` (its engine slowed down) on a pseudo-terminal; `act(pid, fd)`
    once it has started reading the articles. Its exit status."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "TERM": "xterm-256color"}
    env.pop("CI", None)  # the dump's progress bar, which says the engine is at work
    pid, fd = pty.fork()
    if pid == 0:
        # A run started in the background (or under nohup) ignores SIGINT (SIGHUP), and
        # a process keeps what it inherits ignored: the signals are the test's to send.
        for signum in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM):
            signal.signal(signum, signal.SIG_DFL)
        os.execve(sys.executable, [sys.executable, "-c", SLOW_ENGINE, *argv], env)
    try:
        read_until(fd, b"Reading", timeout=60)
        time.sleep(0.5)
        act(pid, fd)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            read_until(fd, b"\0", timeout=0.2)  # keep the terminal drained
            ended, status = os.waitpid(pid, os.WNOHANG)
            if ended:
                return os.waitstatus_to_exitcode(status)
        raise AssertionError(f"briefing {' '.join(argv)} did not end within 30 s")
    finally:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)


def _signal(signum: int) -> Callable[[int, int], None]:
    return lambda pid, _fd: os.kill(pid, signum)


def _keys(keys: bytes) -> Callable[[int, int], None]:
    return lambda _pid, fd: os.write(fd, keys)


# Status -> how to reach it: (in dump, in the view), each given the test's temporary folder.
Case = Callable[[Path], int]
CASES: dict[int, tuple[Case, Case]] = {
    0: (
        lambda tmp: main(["dump", "--no-cache", SEEDS, "-o", str(tmp / "brief.txt")]),
        lambda tmp: in_terminal(["--no-cache", SEEDS], _keys(b"\x11"), tmp),  # ctrl+q
    ),
    1: (
        lambda tmp: main(["dump", "--no-cache", SEEDS, "-o", str(tmp)]),  # onto a folder
        # The view has no output file: its exports are warnings on the open screen.
        lambda tmp: main(["--no-cache", SEEDS, "-o", str(tmp)]),
    ),
    2: (
        lambda tmp: main(["dump", "--width", "5", SEEDS]),
        lambda tmp: main(["--theme", "no-such-theme", SEEDS]),
    ),
    3: (
        lambda tmp: main(["dump", "--no-cache", str(tmp / "missing.txt")]),
        lambda tmp: main(["--no-cache", str(tmp / "missing.txt")]),
    ),
    4: (
        lambda tmp: main(["dump", "--no-cache", "--profile", "no-such-profile", SEEDS]),
        lambda tmp: main(["--no-cache", "--profile", "no-such-profile", SEEDS]),
    ),
    **{
        128 + signum: (
            lambda tmp, signum=signum: in_terminal(
                ["dump", "--no-cache", SEEDS], _signal(signum), tmp
            ),
            lambda tmp, signum=signum: in_terminal(["--no-cache", SEEDS], _signal(signum), tmp),
        )
        for signum in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM)
    },
}


def test_the_table_is_there_and_every_row_has_a_case() -> None:
    rows = readme_rows()
    assert [row.status for row in rows] == sorted(CASES)


@pytest.mark.parametrize("status", sorted(CASES))
@pytest.mark.parametrize("command", ["dump", "view"])
def test_readme_exit_status_row(status: int, command: str, tmp_path: Path) -> None:
    row = next(row for row in readme_rows() if row.status == status)
    in_dump, in_view = CASES[status]
    got = (in_dump if command == "dump" else in_view)(tmp_path)
    documented = row.in_dump if command == "dump" else row.in_view
    if documented:
        assert got == status, f"{command}: {row.meaning}: exited {got}"
    else:
        assert got != status, f"{command} is documented never to exit {status}: {row.meaning}"
