"""The launch's first briefing, made in a process of its own while the view starts.

Importing Textual and drawing the first screen take about as long as the engine needs
for a few articles (its own imports are most of that), and as a warm start's cache
lookup. Forked before the view imports anything (no Textual here), the engine runs
beside it on another core, filling the article cache as usual, and hands a briefing of
up to HANDOVER_ARTICLES articles over whole (pickled: the process is our own fork), so
the view never imports the engine to show it. A larger one stays in the cache, where
the view's worker finds it; whatever the early engine could not make (an error, an
unusable cache) the worker makes itself, saying what is wrong as it always does.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing.options import BriefingOptions
from briefing.progress import Stage, StageProgress

if TYPE_CHECKING:
    from briefing.model import Briefing

# A briefing of more articles is read from the cache, which leaves their text unread
# until it is shown; a pickle would carry all of it.
HANDOVER_ARTICLES = 100
# The line before the pickled briefing: "BRIEFING <bytes>".
_HANDOVER = "BRIEFING"
# How often the view's worker, while it waits, looks whether it was cancelled.
_POLL_SECONDS = 0.1


class EarlyEngine:
    """A forked `build_briefing` of `paths` with `options` that reports its progress
    through a pipe, one "STAGE done total" line per step, then hands its briefing over."""

    def __init__(self, pid: int, reader: int, options: BriefingOptions) -> None:
        self.pid: int | None = pid
        self.options = options
        self._reader = reader
        self._received = bytearray()
        self._size: int | None = None  # of the pickled briefing, once announced
        self.ended = False  # all it sent is read

    @classmethod
    def start(cls, paths: list[str], options: BriefingOptions) -> EarlyEngine | None:
        """Started only where its work can reach the view: through the cache, on a
        system that can fork (none: the view's worker makes the briefing itself)."""
        if not options.use_cache or not hasattr(os, "fork"):
            return None
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(reader)
            _run(paths, options, writer)  # never returns
        os.close(writer)
        return cls(pid, reader, options)

    def wait(self, progress: StageProgress, cancelled: Callable[[], bool]) -> Briefing | None:
        """Relay the engine's progress until it ends; its briefing, or None when it is in
        the cache (or was not made). Returns None early (the engine stopped) once
        `cancelled()` says so."""
        try:
            while not self.ended and not cancelled():
                self._read(progress, _POLL_SECONDS)
        finally:
            self.stop()
        return None if cancelled() else self.handed_over()

    def poll(self, wait: float = 0) -> bool:
        """Whether the engine has ended, reading what it sent so far (its progress not
        relayed). With `wait`, waiting up to that many seconds for it to end while it has
        reported no work ahead: a warm start reports only that every page is read (its
        briefing was in the cache), a cold one the pages it has yet to read."""
        deadline = time.monotonic() + wait
        ahead = False

        def report(stage: Stage, done: int, total: int) -> None:
            nonlocal ahead
            ahead = ahead or stage is not Stage.EXTRACT or done < total

        while not self.ended:
            if not self._read(report, 0 if ahead else max(0.0, deadline - time.monotonic())):
                break
        if self.ended:
            self.stop()
        return self.ended

    def handed_over(self) -> Briefing | None:
        """The briefing the engine sent, once it ended; None when it sent none."""
        if not self.ended or self._size is None or len(self._received) < self._size:
            return None
        return pickle.loads(self._received[: self._size])

    def _read(self, progress: StageProgress, timeout: float) -> bool:
        """Read what arrives within `timeout`, relaying progress; whether anything did."""
        ready, _, _ = select.select([self._reader], [], [], timeout)
        if not ready:
            return False
        chunk = os.read(self._reader, 1 << 16)
        if not chunk:
            self.ended = True  # the engine is done (or gone)
            return False
        self._received += chunk
        while self._size is None and b"\n" in self._received:
            line, _, rest = bytes(self._received).partition(b"\n")
            self._received = bytearray(rest)
            kind, *numbers = line.decode("ascii").split()
            if kind == _HANDOVER:
                self._size = int(numbers[0])
            else:
                progress(Stage[kind], int(numbers[0]), int(numbers[1]))
        return True

    def stop(self) -> None:
        """End the engine (if still at work) and reap it; safe to call again."""
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        with contextlib.suppress(OSError):
            os.close(self._reader)
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            if os.waitpid(pid, os.WNOHANG) == (0, 0):
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)


def _run(paths: list[str], options: BriefingOptions, writer: int) -> None:
    """The forked process: build (the cache keeps the result) and hand the briefing over,
    then end without running anything the parent registered for its own exit (nor
    flushing its copied buffers)."""
    status = 1
    try:
        # The view pauses collection while it starts (`briefing.cli.run_tui`); the
        # engine's build is not part of that.
        gc.enable()
        from briefing.lifetime import die_with_parent

        die_with_parent()
        # ctrl+c is the view's key (and, before the view is up, the parent's signal: it
        # ends this process); termination ends it at once (its pool workers die with it).
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for signum in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_DFL)
        # Nothing from here may reach the screen the view is drawing.
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)

        from briefing.pipeline import build_briefing

        pipe = os.fdopen(writer, "wb")

        def report(stage: Stage, done: int, total: int) -> None:
            pipe.write(f"{stage.name} {done} {total}\n".encode("ascii"))
            pipe.flush()

        briefing = build_briefing(paths, options, progress=report)
        if len(briefing.articles) <= HANDOVER_ARTICLES:
            # Articles read lazily from the cache are read now, in this process.
            handed = pickle.dumps(briefing, protocol=pickle.HIGHEST_PROTOCOL)
            pipe.write(f"{_HANDOVER} {len(handed)}\n".encode("ascii") + handed)
            pipe.flush()
        status = 0
    finally:
        os._exit(status)
