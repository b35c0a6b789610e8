"""How the processes of a run end: a termination signal is an interruption (temporary files
removed, the terminal given back), and worker processes never outlive the run."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from briefing.errors import EXIT_INTERRUPTED

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# The signals that end a run as ctrl+c does (SIGINT is Python's KeyboardInterrupt already).
TERMINATING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)
_PR_SET_PDEATHSIG = 1


def _find_prctl() -> Callable[..., int] | None:
    """libc's prctl, called as `ctypes.CDLL(None, use_errno=True).prctl` would call it (int
    arguments and result), made from `_ctypes` alone: importing this module with the `ctypes`
    package, which defines every C type, was 8.8 M instructions of each launch's 930 M, now
    2.6 M (a cold run's engine imports `ctypes` anyway, with numpy)."""
    with contextlib.suppress(ImportError, OSError, AttributeError):
        import _ctypes

        class CInt(_ctypes._SimpleCData):
            _type_ = "i"

        class LibcFunction(_ctypes.CFuncPtr):
            _flags_ = _ctypes.FUNCFLAG_CDECL | _ctypes.FUNCFLAG_USE_ERRNO
            _restype_ = CInt

        class Libc:  # what `CFuncPtr((name, library))` reads of a library: its handle
            _handle = _ctypes.dlopen(None, _ctypes.RTLD_LOCAL)

        return LibcFunction(("prctl", Libc()))
    return None


# Looked up in the parent, before any worker is forked: a forked worker that opened libc
# itself waited forever when another thread of the parent held the dynamic loader's lock
# at the fork (an import loading an extension module), and never learnt to die with it.
_PRCTL = _find_prctl() if sys.platform.startswith("linux") else None
# How often a worker checks that its parent is still there, where the kernel cannot tell it.
_PARENT_POLL_SECONDS = 1.0
# How long an orderly exit asked for by a signal may take before the process just ends.
EXIT_GRACE_SECONDS = 5.0


class Terminated(BaseException):
    """A termination signal arrived. A BaseException, like KeyboardInterrupt, so every
    `finally` and cleanup handler runs on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"terminated by {signal.Signals(signum).name}")
        self.signum = signum

    @property
    def status(self) -> int:
        return exit_status(self.signum)


def exit_status(signum: int) -> int:
    """The shell's status for a run ended by `signum`: 128 + its number (SIGTERM: 143)."""
    return 128 + signum if signum != signal.SIGINT else EXIT_INTERRUPTED


@contextlib.contextmanager
def terminate_as_exception() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP raise `Terminated` in the main thread."""

    def raise_terminated(signum: int, _frame: object) -> None:
        raise Terminated(signum)

    with _signal_handlers(raise_terminated):
        yield


@contextlib.contextmanager
def on_termination(stop: Callable[[int], None], *, interrupt: bool = False) -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP (and SIGINT with `interrupt`) call `stop(signum)`
    (which must be safe to call from a signal handler) instead of ending the process."""
    signals = (*TERMINATING_SIGNALS, signal.SIGINT) if interrupt else TERMINATING_SIGNALS
    with _signal_handlers(lambda signum, _frame: stop(signum), signals):
        yield


@contextlib.contextmanager
def exit_deadline(grace: float = EXIT_GRACE_SECONDS) -> Iterator[Callable[[int], None]]:
    """Inside, `arm(status)` ends the process with `status` after `grace` seconds unless the
    block has been left by then.

    An orderly exit can hang when the terminal is gone: Textual's output thread dies on its
    first write to a hung-up terminal, and leaving the view then waits for it forever, so a
    closed terminal window left the view running in the background. Arm it from ordinary
    code, not a signal handler (starting a thread there can deadlock).
    """
    timers: list[threading.Timer] = []

    def arm(status: int) -> None:
        timer = threading.Timer(grace, os._exit, args=(status,))
        timer.daemon = True
        timers.append(timer)
        timer.start()

    try:
        yield arm
    finally:
        for timer in timers:
            timer.cancel()


@contextlib.contextmanager
def _signal_handlers(
    handler: Callable[[int, object], None], signals: tuple[int, ...] = TERMINATING_SIGNALS
) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    previous = {signum: signal.signal(signum, handler) for signum in signals}
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def become_worker() -> None:
    """The lifetime of a pool worker: it ends with its parent, even by kill -9, and leaves
    ctrl+c (sent to the terminal's whole process group) to the parent, which ends it."""
    die_with_parent()  # first: whatever comes next may block, the worker must not outlive the run
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def pool_ended_at_once(pool: ProcessPoolExecutor) -> Iterator[None]:
    """While inside, an interruption (or any failure) kills the pool's workers instead of
    waiting for their steps: leaving a `with ProcessPoolExecutor` block waits for every
    chunk handed out, long after ctrl+c or SIGTERM."""
    try:
        yield
    except BaseException:
        # The executor has no public way to stop a running call; shutting down forgets
        # the processes, so they are taken first.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        results = getattr(pool, "_result_queue", None)  # shutting down forgets it too
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            with contextlib.suppress(OSError, ValueError):
                process.kill()
        # A worker killed halfway through sending its result leaves the pool's manager
        # thread waiting for the rest, and Python waits for that thread on exit (a hang).
        # With our copy of the results pipe's writing end closed, that wait ends (end of
        # file), and the manager tears the broken pool down as it does for a dead worker.
        with contextlib.suppress(AttributeError, OSError):
            results._writer.close()  # type: ignore[union-attr]
        raise


def die_with_parent() -> None:
    """Make this (worker) process end when its parent does, even by kill -9.

    On Linux the kernel sends SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG);
    elsewhere, and should that fail, a daemon thread watches for the parent to go.
    """
    parent_pid = os.getppid()
    if _PRCTL is not None and _PRCTL(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
        # The parent may have died before the request was made.
        if os.getppid() != parent_pid:
            os._exit(1)
        return
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


def _watch_parent(parent_pid: int) -> None:
    stop = threading.Event()
    while not stop.wait(_PARENT_POLL_SECONDS):
        if os.getppid() != parent_pid:
            os._exit(1)
