"""The launch's first briefing, made in a process of its own while the view starts.

Importing Textual and drawing the first screen take about as long as the engine needs
for a few articles, and the engine's own imports are most of that. Forked before the view
imports anything (no Textual here), the engine runs beside it on another core and fills
the article cache; the view's worker then loads the briefing from the cache as on a warm
start. So the view keeps one way to get a briefing: whatever the early engine could not
leave in the cache (an unwritable cache, a page changed meanwhile, an error) the worker
simply makes again, and says what is wrong as it always does.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
from collections.abc import Callable

from briefing.options import BriefingOptions
from briefing.progress import Stage, StageProgress

# How often the view's worker, while it waits, looks whether it was cancelled.
_POLL_SECONDS = 0.1


class EarlyEngine:
    """A forked `build_briefing` of `paths` with `options` that reports its progress
    through a pipe, one "STAGE done total" line per step."""

    def __init__(self, pid: int, reader: int, options: BriefingOptions) -> None:
        self.pid: int | None = pid
        self.options = options
        self._reader = reader

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

    def wait(self, progress: StageProgress, cancelled: Callable[[], bool]) -> None:
        """Relay the engine's progress until it ends; return early (the engine stopped)
        once `cancelled()` says so."""
        pending = b""
        try:
            while not cancelled():
                ready, _, _ = select.select([self._reader], [], [], _POLL_SECONDS)
                if not ready:
                    continue
                chunk = os.read(self._reader, 4096)
                if not chunk:
                    break  # the engine is done (or gone)
                *lines, pending = (pending + chunk).split(b"\n")
                for line in lines:
                    name, done, total = line.decode("ascii").split()
                    progress(Stage[name], int(done), int(total))
        finally:
            self.stop()

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
    """The forked process: build (the cache keeps the result), then end without running
    anything the parent registered for its own exit (nor flushing its copied buffers)."""
    status = 1
    try:
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

        def report(stage: Stage, done: int, total: int) -> None:
            os.write(writer, f"{stage.name} {done} {total}\n".encode("ascii"))

        build_briefing(paths, options, progress=report)
        status = 0
    finally:
        os._exit(status)
