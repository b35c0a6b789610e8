"""Write output files atomically: a reader sees the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from briefing.errors import EXIT_OUTPUT, BriefingError
from briefing.safety import shown_path


class OutputError(BriefingError):
    """The output could not be written; the message names the path and the reason."""

    status = EXIT_OUTPUT


# What `-o` may not replace, by the file type `stat` reports.
_NOT_REGULAR = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
)

Protected = str | Path | tuple[int, int]


def write_atomic(
    path: str | Path, data: str | Iterable[str], *, protect: Iterable[Protected] = ()
) -> None:
    """Write `data` (text, or pieces of it written as they come) as UTF-8 to `path`
    through a temporary file in the same folder.

    An existing file keeps its permission bits, and is left untouched on any failure;
    no temporary file is left behind. Refuses to overwrite any file in `protect` (the
    inputs, by path or by (device, inode)), and anything but a regular file: replacing a
    device or a pipe with a file would break what uses it. A symlink at `path` is kept
    and the file it points to is replaced.
    """
    shown = shown_path(str(path))
    target = os.path.realpath(path)
    refusal = _refusal(target, protect)
    if refusal:
        raise OutputError(f"cannot write {shown}: {refusal}")
    pieces = [data] if isinstance(data, str) else data
    try:
        mode = _mode_for(target)
        fd, temp_path = tempfile.mkstemp(
            dir=os.path.dirname(target), prefix=".briefing-", suffix=".tmp"
        )
    except OSError as error:
        raise OutputError(f"cannot write {shown}: {_reason(error)}") from error
    try:
        with os.fdopen(fd, "wb") as temp:
            os.fchmod(temp.fileno(), mode)
            for piece in pieces:
                # A lone surrogate cannot be encoded; one replaced character beats losing
                # the output.
                temp.write(piece.encode("utf-8", errors="replace"))
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_path, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp_path)
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {shown}: {_reason(error)}") from error
        raise
    _sync_folder(os.path.dirname(target))


def check_writable(path: str | Path, *, protect: Iterable[Protected] = ()) -> None:
    """Raise `OutputError` now if `write_atomic(path, ..., protect=protect)` is sure to
    fail: `path` is refused, or its folder is missing or not writable. Cheap, so run
    before the briefing is made: a mistyped name is said at once, not after every
    article is read (a full disk is still said only by the write)."""
    shown = shown_path(str(path))
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    refusal = _refusal(target, protect)
    if refusal is None and not os.path.isdir(folder):
        refusal = f"there is no folder {shown_path(folder)}"
    elif refusal is None and not os.access(folder, os.W_OK | os.X_OK):
        refusal = f"the folder {shown_path(folder)} is not writable"
    if refusal:
        raise OutputError(f"cannot write {shown}: {refusal}")


def write_stream(stream: IO[str], data: Iterable[str]) -> None:
    """Write the pieces of `data` to `stream` (stdout) as they come. A failure of the
    stream (a full disk, a lost terminal) is an `OutputError`; a reader gone away stays
    a `BrokenPipeError`, which is no error of ours."""
    try:
        for piece in data:
            stream.write(piece)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(f"cannot write to standard output: {_reason(error)}") from error


def _refusal(target: str, protect: Iterable[Protected]) -> str | None:
    """Why `target` (a resolved path) may not be replaced, or None."""
    if _is_protected(target, protect):
        return "it is one of the input files"
    kind = _not_regular(target)
    return f"it is {kind}, not a regular file" if kind else None


def _is_protected(target: str, protect: Iterable[Protected]) -> bool:
    try:
        info = os.stat(target)
        identity: tuple[int, int] | None = (info.st_dev, info.st_ino)
    except OSError:
        identity = None
    for guarded in protect:
        if isinstance(guarded, tuple):
            if guarded == identity:
                return True
            continue
        try:
            if os.path.samefile(target, guarded):
                return True
        except OSError:
            # One of them does not exist (yet): compare where they would be.
            if os.path.realpath(guarded) == target:
                return True
    return False


def _mode_for(target: str) -> int:
    """Permission bits for the new file: the existing file's, else what umask allows."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        # mkstemp creates 0600; a new output file should get the usual 0666 & ~umask.
        # Reading the umask means setting it; it is restored at once.
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask
    return stat.S_IMODE(info.st_mode)


def _not_regular(target: str) -> str | None:
    """What `target` is when it exists and is not a regular file."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return None  # a new path (or one we cannot see: creating it will say why)
    return next((kind for test, kind in _NOT_REGULAR if test(mode)), None)


def _sync_folder(folder: str) -> None:
    # Makes the rename itself durable; some file systems cannot fsync a folder, and the
    # file is already in place, so a failure here is not worth reporting.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _reason(error: OSError) -> str:
    if error.strerror:
        return error.strerror
    if error.errno:
        return os.strerror(error.errno)
    return str(error) or type(error).__name__
