"""Running `briefing` on a pseudo-terminal, for tests of what a person at a terminal sees."""

from __future__ import annotations

import contextlib
import os
import select
import signal
import time

# `python -c SLOW_ENGINE ARGS...` is `briefing ARGS...` with the engine inside one long
# step (its per-page work replaced by a sleep): interrupting there is the hard case.
SLOW_ENGINE = """
import sys, time
from briefing import pipeline
pipeline.process_document = lambda *args: time.sleep(120)  # one long step of the engine
from briefing.cli import main
sys.exit(main(sys.argv[1:]))
"""


def read_until(fd: int, marker: bytes, timeout: float) -> bytes:
    """What the terminal `fd` shows until `marker` (or the timeout, or its end)."""
    data = b""
    deadline = time.monotonic() + timeout
    while marker not in data and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
    return data


def exit_status_within(pid: int, seconds: float, what: str) -> int:
    """The exit status of child `pid` once it ends; an AssertionError naming `what` if it
    is still running after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ended, status = os.waitpid(pid, os.WNOHANG)
        if ended:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.1)
    raise AssertionError(f"the view outlived {what} by {seconds:g} s")


def end_view(pid: int, fd: int) -> None:
    """Kill the view on the pseudo-terminal `fd` if it still runs, reap it, close `fd`."""
    with contextlib.suppress(ProcessLookupError, ChildProcessError):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
