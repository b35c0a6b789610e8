"""The launch's first briefing, made in a process of its own while the view starts.

Importing Textual and drawing the first screen take about as long as the engine needs
for a few articles (its own imports are most of that), and as a warm start's cache
lookup. Forked before the view imports anything (no Textual here), the engine runs
beside it on another core, filling the article cache as usual, and hands a briefing of
up to HANDOVER_ARTICLES articles over whole (pickled: the process is our own fork), so
the view never imports the engine to show it. It hands it over as soon as it exists and
then stores it in the cache, whose closing waits on the disk; the view does not wait
for that (ended meanwhile, the engine leaves the cache as it last committed it). A
larger one stays in the cache, where the view's worker finds it; whatever the early
engine could not make (an error, an unusable cache) the worker makes itself, saying
what is wrong as it always does.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import select
import signal
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from briefing.options import BriefingOptions

# Imported before the fork (the view imports it anyway): the engine parses the profile.
from briefing.profile import profile_problem
from briefing.progress import Stage, StageProgress

if TYPE_CHECKING:
    from briefing.model import Briefing

# A briefing of more articles is read from the cache, which leaves their text unread
# until it is shown; a pickle would carry all of it.
HANDOVER_ARTICLES = 100
# Lines before a pickled payload: "PROFILE <bytes>" (what is wrong with the profile, or None:
# the first thing the engine says), "BRIEFING <bytes>" (the briefing, handed over before the
# cache stores it and closes), "PROBLEMS <bytes>" (what went wrong there, after it).
_PROFILE = "PROFILE"
_HANDOVER = "BRIEFING"
_LATE_PROBLEMS = "PROBLEMS"
# How often the view's worker, while it waits, looks whether it was cancelled.
_POLL_SECONDS = 0.1
# How long the view, when it ends, waits for an engine still storing the briefing it
# handed over (the next launch finds it there); SQLite's own busy timeout is 5 s.
CLOSING_GRACE_SECONDS = 5.0


class EarlyEngine:
    """A forked `build_briefing` of `paths` with `options` that says first whether its
    profile loads, reports its progress through a pipe, one "STAGE done total" line per
    step, then hands its briefing over and stores it in the cache."""

    def __init__(self, pid: int, reader: int, options: BriefingOptions) -> None:
        self.pid: int | None = pid
        self.options = options
        self._reader: int | None = reader
        self._received = bytearray()
        self._payload: tuple[str, int] | None = None  # announced, not all read yet
        self._briefing: bytes | None = None  # pickled, once all of it is read
        self._late: tuple[str, ...] = ()
        self._profile_said = False
        self._profile_problem: str | None = None
        # Whether it has reported work ahead of it (pages to read, or a stage after reading
        # them): a warm start reports only that every page is read.
        self._work_ahead = False
        self.ended = False  # all it sent is read
        # The view's worker and its main thread both read (and, ending, close) the pipe.
        self._lock = threading.Lock()

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

    @property
    def done(self) -> bool:
        """Whether the view has all it waits for: the briefing, or the engine's end."""
        return self.ended or self._briefing is not None

    def wait(self, progress: StageProgress, cancelled: Callable[[], bool]) -> Briefing | None:
        """Relay the engine's progress until it hands its briefing over or ends; the
        briefing, or None when it is in the cache (or was not made). Returns None early
        (the engine stopped) once `cancelled()` says so."""
        try:
            while not self.done and not cancelled():
                self._read(progress, _POLL_SECONDS)
        finally:
            if self._briefing is None:
                self.stop()
        return None if cancelled() else self.handed_over()

    def profile_problem(self) -> str | None:
        """What is wrong with the profile (a `ProfileError`'s message), or None when it
        loads: the first thing the engine checks, waited for. An engine that ended without
        a word (it could not start) leaves it to be checked here."""
        while not self._profile_said and not self.ended:
            self._read(_unrelayed, _POLL_SECONDS)
        if self._profile_said:
            return self._profile_problem
        return profile_problem(self.options.profile)

    def poll(self, wait: float = 0) -> bool:
        """Whether the engine is done (see `done`), reading what it sent so far (its
        progress not relayed). With `wait`, waiting up to that many seconds for it while
        it has reported no work ahead: a warm start reports only that every page is read
        (its briefing was in the cache), a cold one the pages it has yet to read."""
        deadline = time.monotonic() + wait
        while not self.done:
            left = 0 if self._work_ahead else max(0.0, deadline - time.monotonic())
            if not self._read(_unrelayed, left):
                break
        if self.ended:
            self.stop()
        return self.done

    def handed_over(self) -> Briefing | None:
        """The briefing the engine sent; None when it sent none (or not all of it yet)."""
        return None if self._briefing is None else pickle.loads(self._briefing)

    def late_problems(self, cancelled: Callable[[], bool]) -> tuple[str, ...]:
        """What went wrong storing the handed-over briefing in the cache, once the engine
        ended (reaped); () if `cancelled()` says so first (`stop` says them then)."""
        while not self.ended and self._reader is not None and not cancelled():
            self._read(_unrelayed, _POLL_SECONDS)
        if not self.ended:
            return ()
        late, self._late = self._late, ()
        self.stop()
        return late

    def _read(self, progress: StageProgress, timeout: float) -> bool:
        """Read what arrives within `timeout`, relaying progress; whether anything did."""
        with self._lock:
            if self._reader is None:
                return False
            ready, _, _ = select.select([self._reader], [], [], timeout)
            if not ready:
                return False
            # The rest of a payload at once, where the pipe holds it.
            chunk = os.read(self._reader, max(1 << 16, self._wanted()))
            if not chunk:
                self.ended = True  # the engine is done (or gone)
                return False
            self._received += chunk
            while self._take(progress):
                pass
            return True

    def _wanted(self) -> int:
        return 0 if self._payload is None else self._payload[1] - len(self._received)

    def _take(self, progress: StageProgress) -> bool:
        """Take one whole message off what was received; whether there was one."""
        if self._payload is not None:
            kind, size = self._payload
            if len(self._received) < size:
                return False
            payload = bytes(self._received[:size])
            del self._received[:size]
            self._payload = None
            if kind == _HANDOVER:
                self._briefing = payload
            elif kind == _PROFILE:
                self._profile_said, self._profile_problem = True, pickle.loads(payload)
            else:
                self._late = pickle.loads(payload)
            return True
        end = self._received.find(b"\n")
        if end < 0:
            return False
        kind, *numbers = self._received[:end].decode("ascii").split()
        del self._received[: end + 1]
        if kind in (_PROFILE, _HANDOVER, _LATE_PROBLEMS):
            self._payload = (kind, int(numbers[0]))
        else:
            stage, done, total = Stage[kind], int(numbers[0]), int(numbers[1])
            self._work_ahead = self._work_ahead or stage is not Stage.EXTRACT or done < total
            progress(stage, done, total)
        return True

    def stop(self) -> None:
        """End the engine (if still at work) and reap it; safe to call again. One that
        handed its briefing over is storing it in the cache: it is let finish, up to
        CLOSING_GRACE_SECONDS."""
        if self.pid is None:
            return
        deadline = time.monotonic() + CLOSING_GRACE_SECONDS
        while self._briefing is not None and not self.ended:
            left = deadline - time.monotonic()
            if left <= 0 or (not self._read(_unrelayed, left) and self._reader is None):
                break
        pid, self.pid = self.pid, None
        with self._lock:
            reader, self._reader = self._reader, None
        if reader is not None:
            with contextlib.suppress(OSError):
                os.close(reader)
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            if os.waitpid(pid, os.WNOHANG) == (0, 0):
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
        if self._late:
            # Nobody asked for them (the view took the briefing before its first screen,
            # or is ending): said as what is found wrong after a handover always is.
            from briefing.cache import late_warning

            for problem in self._late:
                late_warning(problem)
            self._late = ()


def _unrelayed(stage: Stage, done: int, total: int) -> None:
    """Progress nobody is shown."""


def _run(paths: list[str], options: BriefingOptions, writer: int) -> None:
    """The forked process: say whether the profile loads (the view checks it here, beside
    its own start, and ends with its message before taking the screen), build (the cache
    keeps the result), handing the briefing over as soon as it exists, then end without
    running anything the parent registered for its own exit (nor flushing its copied
    buffers)."""
    status = 1
    try:
        # The view pauses collection while it starts (`briefing.cli.run_tui`); the
        # engine's build is not part of that.
        gc.enable()
        from briefing.lifetime import die_with_parent

        die_with_parent()
        # ctrl+c is the view's key (and, before the view is up, the parent's signal: it
        # ends this process); termination ends it at once (its pool workers die with it).
        # Ended while it stores the briefing, the cache keeps what it last committed.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for signum in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_DFL)
        # Nothing from here may reach the screen the view is drawing.
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)

        pipe = os.fdopen(writer, "wb")
        handed: list[Briefing] = []

        def send(kind: str, payload: object) -> None:
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
            pipe.write(f"{kind} {len(data)}\n".encode("ascii") + data)
            pipe.flush()

        problem = profile_problem(options.profile)
        send(_PROFILE, problem)
        if problem is not None:
            return

        from briefing.pipeline import build_briefing

        def report(stage: Stage, done: int, total: int) -> None:
            pipe.write(f"{stage.name} {done} {total}\n".encode("ascii"))
            pipe.flush()

        def hand_over(briefing: Briefing) -> None:
            if len(briefing.articles) <= HANDOVER_ARTICLES:
                # Articles read lazily from the cache are read now, in this process.
                send(_HANDOVER, briefing)
                handed.append(briefing)

        briefing = build_briefing(paths, options, progress=report, ready=hand_over)
        if handed and briefing.problems != handed[0].problems:
            shown = set(handed[0].problems)
            send(_LATE_PROBLEMS, tuple(p for p in briefing.problems if p not in shown))
        status = 0
    finally:
        os._exit(status)
