"""Waiting in a Pilot test for what the app does next, not for a guess at how long it takes."""

from __future__ import annotations

import time

from textual.app import App
from textual.notifications import Notification
from textual.pilot import Pilot

# Far longer than any test should take: only a run that never gets there waits this long.
DEADLINE_SECONDS = 60.0


def keep_notifications(app: App) -> App:
    """`app` with notifications that outlast the test: on a loaded machine, more than the
    default 5 s can pass between a notice raised as the app mounts and the test's look."""
    app.NOTIFICATION_TIMEOUT = 10 * DEADLINE_SECONDS
    return app


async def notifications(app: App, pilot: Pilot, count: int) -> list[Notification]:
    """The app's notifications once it shows at least `count`.

    `notify` posts a message the app handles in its own turn: `pilot.pause()` returns when
    the process looks idle, which on a loaded machine (the CPU given to others) can be before
    that turn."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while len(shown := list(app._notifications)) < count:
        assert time.monotonic() < deadline, f"{len(shown)} of {count} notifications: {shown}"
        await pilot.pause(0.02)
    return shown
