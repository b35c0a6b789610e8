"""Reloading and following the inputs: what changed between two briefings, and a watcher
that polls the input files' stat and asks for a reload once a change has settled."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.app import App
from textual.timer import Timer
from textual.worker import Worker, get_current_worker

from briefing.ingest import STDIN_PATH, article_files
from briefing.model import Briefing
from briefing.render.wording import first_few
from briefing.resources import seed_paths
from briefing.tui.citations import display_path, plural

# Often enough that a new article shows within seconds, rarely enough to cost nothing.
POLL_SECONDS = 2.0
TITLES_NAMED = 3

# Path -> (modification time in ns, size): what tells a changed or new file.
Snapshot = dict[str, tuple[int, int]]


@dataclass(frozen=True)
class Changes:
    """Articles new, changed, gone and left out (by the reader, `x`) between two briefings:
    new ones by their quoted title (or path), the others by path."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    left_out: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.left_out)

    def describe(self) -> str:
        """'2 new: “Title A”, “Title B” · 1 changed · 1 gone · 1 left out', or 'nothing
        changed'."""
        if not self:
            return "nothing changed"
        parts = []
        if self.added:
            parts.append(f"{len(self.added)} new: {first_few(self.added, TITLES_NAMED)}")
        if self.changed:
            parts.append(f"{len(self.changed)} changed")
        if self.removed:
            parts.append(f"{len(self.removed)} gone")
        if self.left_out:
            parts.append(f"{len(self.left_out)} left out")
        return " · ".join(parts)


def changes(old: Briefing, new: Briefing, excluded: frozenset[str] = frozenset()) -> Changes:
    """What `new` has that `old` had not and the reverse; an article no longer there that
    is in `excluded` (the paths the reader left out) is left out, not gone."""
    before = {a.article.path: a.article for a in old.articles}
    after = {a.article.path: a.article for a in new.articles}
    return Changes(
        added=tuple(
            f"“{after[p].title}”" if after[p].title else display_path(p)
            for p in after
            if p not in before
        ),
        changed=tuple(p for p in after if p in before and after[p] != before[p]),
        removed=tuple(p for p in before if p not in after and p not in excluded),
        left_out=tuple(p for p in before if p not in after and p in excluded),
    )


def input_snapshot(paths: Sequence[str]) -> Snapshot:
    """The stat of every article file the paths name (folders walked as the engine does)."""
    found: Snapshot = {}
    for path in [p for p in paths if p != STDIN_PATH] or [str(p) for p in seed_paths()]:
        try:
            info = os.stat(path)
        except OSError:
            continue  # gone, or not there yet: the snapshot without it is the news
        files = article_files(path)[0] if stat.S_ISDIR(info.st_mode) else [(path, info)]
        found.update((name, (i.st_mtime_ns, i.st_size)) for name, i in files)
    return found


class InputWatcher:
    """Polls the inputs in a worker; calls `changed` once a change is the same two polls
    running, so a file still being written is not read half-way."""

    def __init__(self, app: App, paths: Sequence[str], changed: Callable[[], None]) -> None:
        self.app = app
        self.paths = tuple(paths)
        self.changed = changed
        self.seen: Snapshot | None = None
        self.pending: Snapshot | None = None
        self.timer: Timer | None = None
        self.looking: Worker | None = None

    def start(self) -> None:
        followed = ", ".join(display_path(p) for p in self.paths) or "the bundled seeds"
        self.app.notify(
            f"Following {followed}: new articles are briefed as they arrive.", markup=False
        )
        self.app.run_worker(self._first_look, thread=True, group="watch")
        self.timer = self.app.set_interval(POLL_SECONDS, self.poll)

    def _first_look(self) -> None:
        self.seen = input_snapshot(self.paths)

    def poll(self) -> None:
        # One look at a time: a slow disk skips polls rather than cancelling its own look.
        if self.looking is None or self.looking.is_finished:
            self.looking = self.app.run_worker(self._look, thread=True, group="watch")

    def _look(self) -> None:
        now = input_snapshot(self.paths)
        if not get_current_worker().is_cancelled and self.settled(now):
            self.app.call_from_thread(self.changed)

    def settled(self, now: Snapshot) -> bool:
        """Whether `now` is a change from what was briefed, the same as the last poll's."""
        if self.seen is None or now == self.seen:
            self.pending = None
            return False
        if now != self.pending:
            self.pending = now  # wait one more poll for the writer to finish
            return False
        self.seen, self.pending = now, None
        return True


def describe_reload(old: Briefing, new: Briefing, excluded: frozenset[str]) -> str:
    """What a reload found, for a notification: what changed, and the article count."""
    return f"{changes(old, new, excluded).describe()} ({plural(len(new.articles), 'article')})"
