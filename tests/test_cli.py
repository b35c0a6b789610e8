"""The command line: dump to stdout and files, exit statuses, headless imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.resources import seed_paths


def test_dump_text_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dump", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("BRIEFING: 2 articles")
    assert "Kurdish forces:" in out


def test_dump_json_to_file_atomically(tmp_path: Path) -> None:
    target = tmp_path / "brief.json"
    assert main(["dump", "--no-cache", "--format", "json", "-o", str(target)]) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert [a["outlet"] for a in data["articles"]] == ["Dawn", "The Business Standard"]
    assert [p.name for p in tmp_path.iterdir()] == ["brief.json"]  # no temp file left


def test_dump_markdown_width_and_summarizer(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["dump", "--no-cache", "--format", "markdown", "--summarizer", "luhn"]
    assert main([*args, "--sentences", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Briefing")
    assert "## Kurdish forces" in out
    assert "summaries: luhn, up to 2 sentences" in out


def test_missing_path_exits_3_naming_it(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nowhere.txt"
    assert main(["dump", "--no-cache", str(missing)]) == 3
    err = capsys.readouterr().err
    assert str(missing) in err
    assert "Traceback" not in err


def test_good_paths_are_briefed_when_another_is_missing(tmp_path: Path, capsys) -> None:
    seed = str(seed_paths()[0])
    assert main(["dump", "--no-cache", seed, str(tmp_path / "gone.txt")]) == 0
    captured = capsys.readouterr()
    assert "BRIEFING: 1 article from Dawn" in captured.out
    assert "gone.txt" in captured.err


def test_usage_errors_exit_2(capsys) -> None:
    assert main(["dump", "--summarizer", "nope"]) == 2
    assert main(["dump", "--sentences", "0"]) == 2
    assert "invalid" in capsys.readouterr().err


def test_refuses_to_overwrite_an_input(tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    original = seed_paths()[0].read_bytes()
    article.write_bytes(original)
    assert main(["dump", "--no-cache", str(article), "-o", str(article)]) == 1
    assert article.read_bytes() == original
    assert "a.txt" in capsys.readouterr().err


def test_a_bad_output_path_is_refused_before_the_articles_are_read(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the articles were read")

    monkeypatch.setattr("briefing.pipeline.build_briefing", never)
    missing = tmp_path / "no-such-folder" / "brief.json"
    assert main(["dump", "--no-cache", "-o", str(missing)]) == 1
    assert main(["dump", "--no-cache", "-o", str(tmp_path)]) == 1
    article = tmp_path / "in" / "a.txt"
    article.parent.mkdir()
    article.write_bytes(seed_paths()[0].read_bytes())
    assert main(["dump", "--no-cache", str(article.parent), "-o", str(article)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"briefing: error: cannot write {missing}: there is no folder {missing.parent}",
        f"briefing: error: cannot write {tmp_path}: it is a folder, not a regular file",
        f"briefing: error: cannot write {article}: it is one of the input files",
    ]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_on_stdout_is_said_without_a_traceback() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "briefing", "dump", "--no-cache", "--format", "json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 1
    assert (
        done.stderr == "briefing: error: cannot write to standard output: No space left on device\n"
    )


def test_a_reader_gone_from_stdout_is_no_error() -> None:
    """`briefing dump | head`: the reader closes the pipe before the briefing is written; the
    dump stops quietly (status 0, nothing on stderr, not at exit either)."""
    dump = subprocess.Popen(
        [sys.executable, "-m", "briefing", "dump", "--no-cache", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    dump.stdout.close()  # long before the briefing is built
    _, stderr = dump.communicate()
    assert (dump.returncode, stderr) == (0, "")


def test_unknown_profile_exits_4(capsys) -> None:
    assert main(["dump", "--no-cache", "--profile", "atlantis"]) == 4
    assert "atlantis" in capsys.readouterr().err


def test_profiles_lists_the_bundled_ones(capsys) -> None:
    assert main(["profiles"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines() if line[:1].strip()]
    assert {row[0] for row in rows} >= {"syria", "sudan", "ukraine"}
    assert next(r for r in rows if r[0] == "syria")[:3] == ["syria", "bundled,", "default"]


def test_help_lists_exit_statuses(capsys) -> None:
    assert main(["dump", "--help"]) == 0
    assert "exit status:" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["--help"], ["dump", "--help"], ["profiles", "--help"]])
def test_every_commands_help_gives_examples(command, capsys) -> None:
    assert main(command) == 0
    examples = capsys.readouterr().out.partition("example")[2]
    assert examples.startswith(("s:\n  briefing ", ":\n  briefing "))


def test_help_names_the_bundled_themes(capsys) -> None:
    from briefing.tui.theming import bundled_themes

    assert main(["--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    names = ", ".join(sorted(theme.name for theme in bundled_themes()))
    assert f"--theme NAME colour theme: {names}, or any of Textual's" in help_text


def test_dump_never_imports_textual() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from briefing.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['dump', '--no-cache']) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_stdin_article(tmp_path: Path) -> None:
    data = seed_paths()[1].read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "dump", "--no-cache", "--format", "json", "-"],
        input=data,
        capture_output=True,
        check=True,
    )
    article = json.loads(result.stdout)["articles"][0]
    assert article["path"] == "-"
    assert article["outlet"] == "The Business Standard"


def test_refuses_to_overwrite_an_input_found_in_a_folder_or_behind_a_link(
    tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in seed_paths():
        (folder / seed.name).write_bytes(seed.read_bytes())
    inside = folder / seed_paths()[0].name
    link = tmp_path / "link.txt"
    link.symlink_to(folder / seed_paths()[1].name)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert main(["dump", "--no-cache", str(folder), "-o", str(inside)]) == 1
    assert main(["dump", "--no-cache", str(folder), "-o", str(link)]) == 1
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert capsys.readouterr().err.count("it is one of the input files") == 2


def test_output_format_follows_the_file_extension(tmp_path: Path) -> None:
    assert main(["dump", "--no-cache", "-o", str(tmp_path / "b.json")]) == 0
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["schema"] == "briefing/1"
    assert main(["dump", "--no-cache", "-o", str(tmp_path / "b.md")]) == 0
    assert (tmp_path / "b.md").read_text(encoding="utf-8").startswith("# Briefing")
    assert main(["dump", "--no-cache", "--format", "text", "-o", str(tmp_path / "c.json")]) == 0
    assert (tmp_path / "c.json").read_text(encoding="utf-8").startswith("BRIEFING:")


def test_too_narrow_a_width_is_a_usage_error(capsys) -> None:
    assert main(["dump", "--width", "20"]) == 2
    assert "at least 40" in capsys.readouterr().err


def test_the_view_needs_a_terminal(capsys) -> None:
    # Under pytest stdout is not a terminal: the TUI must refuse, not draw into a pipe.
    assert main([]) == 2
    assert "needs a terminal" in capsys.readouterr().err


def test_dump_progress_is_silent_when_stderr_is_not_a_terminal(monkeypatch) -> None:
    import io
    import sys

    from briefing import cli

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with cli._progress_on_terminal() as progress:
        assert progress is None


def test_since_leaves_older_articles_out_and_says_so(capsys) -> None:
    assert main(["dump", "--no-cache", "--format", "json", "--since", "2024-12-07"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    # The seeds: Dawn of 7 December stays, The Business Standard of 6 December goes.
    assert [a["outlet"] for a in data["articles"]] == ["Dawn"]
    note = "--since 2024-12-07: left out 1 of 2 articles published before it"
    assert note in captured.err
    assert data["problems"] == [note]


def test_since_keeps_an_article_on_that_day_and_an_undated_one(tmp_path: Path, capsys) -> None:
    undated = tmp_path / "undated.txt"
    undated.write_text(
        "Kurdish forces said they had taken control of the city of Deir el-Zor after the "
        "army withdrew from it, according to residents and officials in the region.\n",
        encoding="utf-8",
    )
    paths = [*(str(p) for p in seed_paths()), str(undated)]
    assert main(["dump", "--no-cache", "--format", "json", "--since", "2024-12-06", *paths]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [a["published"] is None for a in data["articles"]] == [False, False, True]
    assert "--since 2024-12-06: kept 1 without a publication date" in captured.err


def test_since_reads_an_undated_article_by_its_estimated_day(tmp_path: Path, capsys) -> None:
    # The briefing dates this one ~2024-12-02 from its dateline: --since used to keep it.
    filed = tmp_path / "filed.txt"
    filed.write_text(
        "Kurds take Deir el-Zor\n\nDec. 2 (UPI) -- Kurdish forces said they had taken control "
        "of the city of Deir el-Zor after the army withdrew from it, according to residents.\n",
        encoding="utf-8",
    )
    paths = [*(str(p) for p in seed_paths()), str(filed)]
    assert main(["dump", "--no-cache", "--format", "json", *paths]) == 0
    estimates = [a["published_estimate"] for a in json.loads(capsys.readouterr().out)["articles"]]
    assert estimates == [None, None, "2024-12-02"]
    assert main(["dump", "--no-cache", "--format", "json", "--since", "2024-12-03", *paths]) == 0
    captured = capsys.readouterr()
    assert [a["path"] for a in json.loads(captured.out)["articles"]] == paths[:2]
    assert captured.err.startswith(
        "briefing: --since 2024-12-03: left out 1 of 3 articles published before it "
        "(1 undated, by the day estimated for them)\n"
    )
    assert main(["dump", "--no-cache", "--format", "json", "--since", "2024-12-02", *paths]) == 0
    assert len(json.loads(capsys.readouterr().out)["articles"]) == 3


def test_a_folder_of_bad_files_says_why_for_the_first_few(tmp_path: Path, capsys) -> None:
    # Several unreadable files used to give "no readable article in DIR" and no reason.
    for name in ("a.txt", "b.md", "c.txt", "d.txt"):
        (tmp_path / name).write_bytes(b"\x00\x01 not text")
    assert main(["dump", "--no-cache", str(tmp_path)]) == 3
    err = capsys.readouterr().err
    binary = "skipped: binary file (NUL bytes)"
    named = "; ".join(f"{tmp_path / name}: {binary}" for name in ("a.txt", "b.md", "c.txt"))
    assert err == f"briefing: error: no readable article in {tmp_path} ({named}; and 1 more)\n"


def test_a_page_of_only_furniture_has_no_article_text(tmp_path: Path, capsys) -> None:
    # An HTML page of a menu and a copyright footer used to brief "1 article" of 2024-01-01.
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><nav>Home | World | Sports</nav>"
        "<footer>\u00a9 2024 Site. All rights reserved. Subscribe. Follow us.</footer>"
        "</body></html>",
        encoding="utf-8",
    )
    assert main(["dump", "--no-cache", str(page)]) == 3
    err = capsys.readouterr().err
    assert err == (
        f"briefing: error: no readable article in {page} "
        f"({page}: no article text found in the page)\n"
    )


def test_since_leaving_out_everything_exits_3_and_says_why(capsys) -> None:
    assert main(["dump", "--no-cache", "--since", "2025-01-01"]) == 3
    err = capsys.readouterr().err
    assert "no readable article in the bundled seeds" in err
    assert "left out 2 of 2 articles published before it" in err


@pytest.mark.parametrize("command", [["dump"], []])
def test_since_with_a_bad_date_is_a_usage_error(command: list[str], capsys) -> None:
    assert main([*command, "--since", "7 December"]) == 2
    err = capsys.readouterr().err
    assert "--since: expected a date as YYYY-MM-DD, got '7 December'" in err


def test_watch_cannot_follow_stdin(capsys) -> None:
    assert main(["--watch", "-"]) == 2
    assert "--watch follows files and folders; it cannot follow '-' (stdin)" in (
        capsys.readouterr().err
    )


_FROZEN_AT_EXIT = """
import atexit, gc, sys
atexit.register(lambda: print(gc.get_freeze_count() > 0))
from briefing.cli import main
sys.argv = ["briefing", "dump", "--no-cache", "-o", {out!r}]
main({argv})
"""


@pytest.mark.parametrize(("argv", "frozen"), [("", "True"), ("sys.argv[1:]", "False")])
def test_the_program_leaves_what_it_made_to_its_exit_uncollected(
    tmp_path: Path, argv: str, frozen: str
) -> None:
    # Run as the program, what is left is frozen for the exit; called with arguments (a
    # test, an embedding), the caller's collector is left alone.
    code = _FROZEN_AT_EXIT.format(out=str(tmp_path / "brief.txt"), argv=argv)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == frozen
