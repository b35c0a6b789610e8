"""`briefing [PATHS]` reports what would stop the view on stderr, before taking the screen."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.resources import seed_paths


@pytest.fixture(autouse=True)
def no_view(monkeypatch: pytest.MonkeyPatch) -> None:
    """The view must never start in these tests (stdout is not a terminal here anyway)."""

    def started(*args, **kwargs):
        raise AssertionError("the view started")

    monkeypatch.setattr("briefing.tui.app.run_app", started)


def test_a_missing_path_is_named_with_status_3(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nowhere.txt"
    assert main([str(missing)]) == 3
    err = capsys.readouterr().err
    assert err == f"briefing: error: no readable article in {missing} ({missing}: not found)\n"


def test_a_folder_without_articles_and_a_missing_file(tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("an article", encoding="utf-8")
    assert main([str(tmp_path), str(tmp_path / "gone.txt")]) == 3
    err = capsys.readouterr().err
    assert f"{tmp_path}: no articles (.txt .text .md .html .htm) in folder" in err
    assert f"{tmp_path / 'gone.txt'}: not found" in err


def test_a_missing_profile_is_status_4_before_the_inputs(tmp_path: Path, capsys) -> None:
    assert main(["--profile", "nosuch", str(tmp_path / "gone.txt")]) == 4
    assert "no profile named 'nosuch'" in capsys.readouterr().err


def test_a_piped_binary_is_no_article(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    class Piped(io.TextIOWrapper):
        def isatty(self) -> bool:
            return False

    monkeypatch.setattr("sys.stdin", Piped(io.BytesIO(b"\x00\x01binary\x00")))
    assert main(["-"]) == 3
    assert "-: skipped: binary file" in capsys.readouterr().err


def test_readable_inputs_without_a_terminal_are_a_usage_error(capsys) -> None:
    # One missing path among readable ones is the view's to report (as a notice).
    assert main([str(seed_paths()[0]), "gone.txt"]) == 2
    err = capsys.readouterr().err
    assert "needs a terminal" in err and "gone.txt" not in err


def test_usage_errors_come_first(tmp_path: Path, capsys) -> None:
    assert main(["--sentences", "0", str(tmp_path / "gone.txt")]) == 2
    assert main(["--theme", "nope", str(tmp_path / "gone.txt")]) == 2
    err = capsys.readouterr().err
    assert "--sentences" in err and "unknown theme 'nope'" in err and "gone.txt" not in err


def test_an_empty_file_is_no_article(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main([str(empty)]) == 3
    assert f"{empty}: empty file" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x7fELF\x02\x01\x01" + bytes(200), "binary file (ELF executable)"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 4, "binary file (PDF document)"),
        (b"text\x00with\x00nuls" * 100, "binary file (NUL bytes)"),
    ],
    ids=["elf", "pdf", "nuls"],
)
def test_a_named_binary_file_is_no_article_before_the_screen(
    tmp_path: Path, capsys, data: bytes, reason: str
) -> None:
    binary = tmp_path / "program.txt"
    binary.write_bytes(data)
    assert main([str(binary)]) == 3
    assert f"{binary}: {reason}" in capsys.readouterr().err


def test_a_named_file_over_max_bytes_is_no_article_before_the_screen(
    tmp_path: Path, capsys
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("An article of some length.\n" * 10, encoding="utf-8")
    assert main(["--max-bytes", "100", str(page)]) == 3
    assert f"{page}: file too large" in capsys.readouterr().err


def test_a_text_file_that_starts_like_utf16_is_not_called_binary(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes("An article in UTF-16 without a mark.\n".encode("utf-16-le") * 50)
    assert main([str(page)]) == 2  # readable: only the missing terminal stops the view


def test_collection_is_paused_while_the_view_starts_and_resumed_after(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The view starts without garbage collection (the command line pauses it, the app
    resumes it once drawn); however the start ends, the state it found is restored."""
    import gc

    from briefing.tui.app import _resume_collection

    seen: list[bool] = []

    def started(*args, **kwargs) -> int:
        seen.append(gc.isenabled())
        _resume_collection()  # as the app does once its first screen is drawn
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr("briefing.tui.app.run_app", started)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert gc.isenabled()
    try:
        assert main(["--no-cache", str(seed_paths()[0])]) == 0
        assert seen == [False, True]
        assert gc.isenabled()
        assert main([str(tmp_path / "gone.txt")]) == 3  # ended before the view
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


@pytest.mark.parametrize(
    "argv",
    [[], ["a.txt"], ["-"], ["news/", "-", "b.html"], ["", "a b.txt"]],
)
def test_paths_alone_are_read_as_argparse_reads_them(argv: list[str]) -> None:
    from briefing.cli import build_parser, parse_view_arguments

    assert vars(parse_view_arguments(argv)) == vars(build_parser().parse_args(argv))


def test_an_option_is_argparse_s_also_after_the_paths(capsys) -> None:
    from briefing.cli import parse_view_arguments

    parsed = parse_view_arguments(["a.txt", "--theme", "nord", "--watch"])
    assert (parsed.paths, parsed.theme, parsed.watch) == (["a.txt"], "nord", True)
    with pytest.raises(SystemExit):
        parse_view_arguments(["a.txt", "--nope"])
    assert "unrecognized arguments: --nope" in capsys.readouterr().err


def test_paths_alone_are_read_without_importing_argparse() -> None:
    # argparse's import and the view's parser were 10 M instructions of a warm launch.
    code = (
        "import sys\n"
        "from briefing.cli import parse_view_arguments\n"
        "parse_view_arguments(['a.txt', '-'])\n"
        "assert 'argparse' not in sys.modules\n"
        "parse_view_arguments(['--watch'])\n"
        "assert 'argparse' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
