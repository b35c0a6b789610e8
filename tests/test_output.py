import errno
import os
import stat
from pathlib import Path

import pytest

from briefing.errors import EXIT_OUTPUT, BriefingError
from briefing.render import output
from briefing.render.output import OutputError, check_writable, write_atomic, write_stream


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".briefing-"))


def test_writes_new_file_with_umask_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, '{"schema": "briefing/1", "title": "café ✓"}')
    assert target.read_text(encoding="utf-8") == '{"schema": "briefing/1", "title": "café ✓"}'
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert leftovers(tmp_path) == []


def test_replaces_existing_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(str(target), "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_symlinked_output_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


def test_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "out.txt"
    with pytest.raises(OutputError) as raised:
        write_atomic(target, "x")
    assert str(raised.value) == f"cannot write {target}: No such file or directory"
    assert raised.value.status == EXIT_OUTPUT == 1
    assert isinstance(raised.value, BriefingError)


def test_directory_at_the_path(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"^cannot write .*: it is a folder, not a regular file$"):
        write_atomic(tmp_path, "x")
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError, match=r": Permission denied$"):
            write_atomic(folder / "out.txt", "x")
    finally:
        folder.chmod(0o755)


def test_refuses_to_overwrite_an_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "story.txt"
    source.write_text("the article", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for spelling in ("story.txt", "./story.txt", str(source), str(tmp_path / "." / "story.txt")):
        with pytest.raises(OutputError, match=r"it is one of the input files$"):
            write_atomic(spelling, "briefing", protect=[source])
    assert source.read_text(encoding="utf-8") == "the article"


def test_refuses_a_hard_link_to_an_input(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text("the article", encoding="utf-8")
    alias = tmp_path / "alias.txt"
    os.link(source, alias)
    with pytest.raises(OutputError):
        write_atomic(alias, "briefing", protect=[str(source)])
    assert source.read_text(encoding="utf-8") == "the article"


def test_other_paths_are_not_protected(tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text("the article", encoding="utf-8")
    write_atomic(tmp_path / "story.json", "{}", protect=[source, tmp_path / "gone.txt"])
    assert (tmp_path / "story.json").read_text(encoding="utf-8") == "{}"


@pytest.mark.parametrize(
    ("failing", "code", "reason"),
    [
        ("fsync", errno.ENOSPC, "No space left on device"),
        ("replace", errno.EACCES, "Permission denied"),
        ("replace", errno.EXDEV, "Invalid cross-device link"),
        ("fchmod", errno.EPERM, "Operation not permitted"),
    ],
)
def test_failure_leaves_existing_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str, code: int, reason: str
) -> None:
    target = tmp_path / "out.json"
    target.write_text("previous", encoding="utf-8")

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(output.os, failing, fail)
    with pytest.raises(OutputError) as raised:
        write_atomic(target, "replacement")
    assert str(raised.value) == f"cannot write {target}: {reason}"
    assert target.read_text(encoding="utf-8") == "previous"
    assert leftovers(tmp_path) == []


def test_disk_full_while_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.txt"
    target.write_text("previous", encoding="utf-8")
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fd: int, mode: str) -> None:
            self.file = real_fdopen(fd, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.file.close()

        def fileno(self) -> int:
            return self.file.fileno()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(output.os, "fdopen", FullDisk)
    with pytest.raises(OutputError, match=r"out\.txt: No space left on device$"):
        write_atomic(target, "x" * 10_000)
    assert target.read_text(encoding="utf-8") == "previous"
    assert leftovers(tmp_path) == []


def test_interrupt_still_removes_the_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "out.txt", "x")
    assert list(tmp_path.iterdir()) == []


def test_unencodable_text_is_written_with_a_replacement(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomic(target, "ok \ud800 ok")
    assert target.read_text(encoding="utf-8") == "ok ? ok"


def test_read_only_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # What mkstemp raises in a folder the user cannot write (root bypasses the real check).
    target = tmp_path / "out.txt"
    target.write_text("previous", encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(tmp_path))

    monkeypatch.setattr(output.tempfile, "mkstemp", denied)
    with pytest.raises(OutputError) as raised:
        write_atomic(target, "x")
    assert str(raised.value) == f"cannot write {target}: Permission denied"
    assert target.read_text(encoding="utf-8") == "previous"


def test_pieces_are_written_as_they_come_and_a_failure_midway_leaves_the_old_file(
    tmp_path: Path,
) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, iter(["{", '"a": "caf\udce9"', "}"]))
    assert target.read_text(encoding="utf-8") == '{"a": "caf?"}'

    def failing():
        yield "half"
        raise ValueError("renderer broke")

    with pytest.raises(ValueError, match="renderer broke"):
        write_atomic(target, failing())
    assert target.read_text(encoding="utf-8") == '{"a": "caf?"}'
    assert leftovers(tmp_path) == []


def test_check_writable_says_what_the_write_would_find(tmp_path: Path) -> None:
    check_writable(tmp_path / "new.json")  # a new file in a folder that exists: fine
    inside = tmp_path / "a.txt"
    inside.write_text("article", encoding="utf-8")
    refusals = {
        tmp_path / "gone" / "b.md": f"there is no folder {tmp_path / 'gone'}",
        tmp_path: "it is a folder, not a regular file",
        inside: "it is one of the input files",
    }
    for path, why in refusals.items():
        with pytest.raises(OutputError) as raised:
            check_writable(path, protect=[inside])
        assert str(raised.value) == f"cannot write {path}: {why}"
    assert leftovers(tmp_path) == []


class FailingStream:
    def __init__(self, error: OSError) -> None:
        self.error = error
        self.written: list[str] = []

    def write(self, piece: str) -> int:
        if self.written:
            raise self.error
        self.written.append(piece)
        return len(piece)

    def flush(self) -> None:
        pass


def test_write_stream_says_a_failing_stream_as_an_output_error() -> None:
    stream = FailingStream(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    with pytest.raises(OutputError) as raised:
        write_stream(stream, ["one", "two"])  # type: ignore[arg-type]
    assert str(raised.value) == "cannot write to standard output: No space left on device"
    assert stream.written == ["one"]
    # A reader gone away is not an error: the command line ends quietly on it.
    with pytest.raises(BrokenPipeError):
        write_stream(FailingStream(BrokenPipeError()), ["one", "two"])  # type: ignore[arg-type]
