"""Hostile inputs, each reproduced from an adversarial review: what must not hang, destroy,
end the run, or reach a terminal raw."""

from __future__ import annotations

import codecs
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from briefing import pipeline
from briefing.cache import ArticleCache, default_path
from briefing.cli import main
from briefing.errors import EXIT_OUTPUT, EXIT_PROFILE
from briefing.ingest import decode_document, read_inputs
from briefing.lifetime import Terminated, terminate_as_exception
from briefing.options import BriefingOptions
from briefing.pipeline import build_briefing
from briefing.profile import ProfileError, list_profiles, load_profile, user_profiles_dir
from briefing.render import render
from briefing.render.output import OutputError, write_atomic
from briefing.resources import seed_paths

# What must never reach a terminal: ESC and other C0 controls, DEL, C1, bidi overrides.
UNSAFE = "".join(map(chr, [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]))
UNSAFE += "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
NO_CACHE = BriefingOptions(use_cache=False)
STORY = (
    "Syria’s rebels said on Friday that they had taken the city after days of fighting, "
    "and officials in Damascus said talks would resume next week.\n\n"
    "The United Nations said aid convoys had reached the city on Saturday, according to "
    "a statement released by its office in Geneva.\n\n"
)


def assert_safe(text: str) -> None:
    assert not any(c in UNSAFE for c in text.replace("\n", "").replace("\t", ""))


def seed_copy(folder: Path, n: int = 1) -> Path:
    target = folder / seed_paths()[n].name
    target.write_bytes(seed_paths()[n].read_bytes())
    return target


# --- encodings ----------------------------------------------------------------------------


def only_text(data: bytes, name: str = "page.txt") -> str:
    document = decode_document(name, data)
    assert not isinstance(document, str), document
    return document.text


def test_one_stray_byte_in_utf8_costs_one_character() -> None:
    data = STORY.encode("utf-8")
    damaged = data[:20] + b"\xff" + data[20:]
    text = only_text(damaged)
    assert "Syria’s" in text and "â€" not in text
    assert len(text) == len(STORY.strip()) + 1 or len(text) == len(STORY) + 1


def test_one_stray_byte_after_a_utf8_bom_is_not_rejected() -> None:
    data = codecs.BOM_UTF8 + STORY.encode("utf-8")
    text = only_text(data[:30] + b"\xff" + data[30:])
    assert "Syria’s rebels" in text and "officials in Damascus" in text


def test_utf16_without_bom_is_read_by_its_nul_pattern() -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        document = decode_document("page.txt", STORY.encode(encoding))
        assert not isinstance(document, str), document
        assert document.encoding == encoding
        assert document.text.startswith("Syria’s rebels")


def test_meta_charset_undefined_with_a_non_utf8_byte() -> None:
    page = (
        b'<html><head><meta charset="undefined"><title>Talks</title></head><body>'
        b"<p>Caf\xe9 owners said the talks in Damascus would resume next week after a "
        b"pause of several days, officials said on Friday.</p></body></html>"
    )
    text = only_text(page, "page.html")
    assert "Café owners" in text


@pytest.mark.parametrize("reference", ["&#x1b;", "&#7;", "&#27;[2J", "&#x9b;31m", "&#x202e;"])
def test_control_character_references_do_not_make_the_article_vanish(
    tmp_path: Path, reference: str
) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in STORY.split("\n\n") if p)
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>Rebels take city</title></head><body><article>"
        f"<h1>Rebels take city</h1><p>Rebels said {reference} they advanced.</p>{paragraphs}"
        "</article></body></html>",
        encoding="utf-8",
    )
    briefing = build_briefing([str(page)], NO_CACHE)
    [article] = briefing.articles
    text = " ".join(s.text for s in article.sentences)
    assert "aid convoys had reached the city" in text
    assert_safe(text)


# --- isolation per input ------------------------------------------------------------------


def test_a_failure_inside_one_input_is_a_warning_naming_it(tmp_path: Path, monkeypatch) -> None:
    good = seed_copy(tmp_path, 1)
    bad = tmp_path / "bad.txt"
    bad.write_text(STORY, encoding="utf-8")
    real = pipeline.extract_article

    def extract(text: str, path: str, media: str = "text"):
        if path.endswith("bad.txt"):
            raise ValueError("a rule no one foresaw")
        return real(text, path, media)

    monkeypatch.setattr(pipeline, "extract_article", extract)
    briefing = build_briefing([str(good), str(bad)], NO_CACHE)
    assert [a.article.path for a in briefing.articles] == [str(good)]
    assert any(
        p.startswith(f"{bad}: could not be processed: ValueError") for p in briefing.problems
    )


def test_a_decoder_failure_is_one_skipped_input(monkeypatch, tmp_path: Path) -> None:
    from briefing import ingest

    def broken(data: bytes) -> tuple[str, str]:
        raise UnicodeError("undefined encoding")

    monkeypatch.setattr(ingest, "_decode_without_bom", broken)
    page = tmp_path / "page.txt"
    page.write_text(STORY, encoding="utf-8")
    documents, problems = read_inputs([str(page)])
    assert documents == []
    assert problems[0].message == "skipped: cannot decode (UnicodeError: undefined encoding)"


# --- sizes --------------------------------------------------------------------------------


@pytest.mark.parametrize("limit", ["99999999999999999999", "100000000000"])
def test_absurd_max_bytes_reads_a_small_file(tmp_path: Path, limit: str, capsys) -> None:
    page = seed_copy(tmp_path)
    assert main(["dump", "--no-cache", "--max-bytes", limit, str(page)]) == 0
    assert "Traceback" not in capsys.readouterr().err


# --- writes -------------------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/null").is_char_device(), reason="needs /dev/null")
def test_output_onto_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="it is a device, not a regular file"):
        write_atomic("/dev/null", "x")
    assert Path("/dev/null").is_char_device()


def test_output_onto_a_fifo_or_socket_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="it is a named pipe, not a regular file"):
        write_atomic(fifo, "x")
    assert fifo.is_fifo()
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(OutputError, match="it is a socket, not a regular file"):
            write_atomic(path, "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.txt", "s.txt"]


def test_dump_from_stdin_never_overwrites_the_file_stdin_reads(tmp_path: Path) -> None:
    source = seed_copy(tmp_path)
    before = source.read_bytes()
    with source.open("rb") as stdin:
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "dump", "--no-cache", "-", "-o", str(source)],
            stdin=stdin,
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode == EXIT_OUTPUT
    assert "it is one of the input files" in result.stderr
    assert source.read_bytes() == before


def test_sigterm_while_writing_leaves_no_temporary_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "out.txt"

    def fsync_then_terminated(fd: int) -> None:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1)  # the handler runs between bytecodes; it has raised by now

    monkeypatch.setattr(os, "fsync", fsync_then_terminated)
    with pytest.raises(Terminated) as raised, terminate_as_exception():
        write_atomic(target, "x" * 1_000_000)
    assert raised.value.status == 143
    assert list(tmp_path.iterdir()) == []


def test_sighup_and_sigterm_end_dump_with_their_status(tmp_path: Path, monkeypatch) -> None:
    def hang_up(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGHUP)
        time.sleep(1)

    monkeypatch.setattr(pipeline, "identify_pages", hang_up)
    # Run as a terminal would start it, whatever this test run inherited (nohup ignores it).
    inherited = signal.signal(signal.SIGHUP, signal.SIG_DFL)
    try:
        assert main(["dump", "--no-cache", str(tmp_path)]) == 128 + signal.SIGHUP
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_DFL  # restored after the run
    finally:
        signal.signal(signal.SIGHUP, inherited)


WORKER_SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    from concurrent.futures import ProcessPoolExecutor
    from briefing import pipeline
    from briefing.profile import load_profile

    pool = ProcessPoolExecutor(2, initializer=pipeline._init_worker, initargs=(load_profile(),))
    pids = [pool.submit(os.getpid).result() for _ in range(4)]
    print(" ".join(map(str, set(pids))), flush=True)
    time.sleep(600)
    """
)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie awaiting its reaper is gone for our purposes.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_workers_die_when_the_main_process_is_killed() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", WORKER_SCRIPT], stdout=subprocess.PIPE, text=True
    )
    try:
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert workers and all(_alive(pid) for pid in workers)
        parent.kill()
        parent.wait()
        for _ in range(100):  # the kernel kills them at once; allow a loaded machine 10 s
            if not any(_alive(pid) for pid in workers):
                break
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in workers)
    finally:
        parent.kill()
        parent.stdout.close()


FORKED_WORKER_SCRIPT = textwrap.dedent(
    """
    import ctypes, os, threading, time
    from briefing import lifetime

    # Opening a library now waits forever, as it does in a child forked while another
    # thread of the parent held the dynamic loader's lock.
    ctypes.CDLL = lambda *args, **kwargs: threading.Event().wait()
    pid = os.fork()
    if pid == 0:
        lifetime.become_worker()
        time.sleep(60)
        os._exit(0)
    print(pid, flush=True)
    time.sleep(60)
    """
)


def test_a_forked_worker_dies_with_its_parent_without_opening_a_library() -> None:
    """A worker stayed behind for good: it opened libc after the fork to ask the kernel
    for its parent's death, and waited on a lock the fork had copied held."""
    parent = subprocess.Popen(
        [sys.executable, "-c", FORKED_WORKER_SCRIPT], stdout=subprocess.PIPE, text=True
    )
    try:
        worker = int(parent.stdout.readline())
        time.sleep(0.5)  # the worker has made its request
        parent.kill()
        parent.wait()
        for _ in range(100):
            if not _alive(worker):
                break
            time.sleep(0.1)
        alive = _alive(worker)
        if alive:
            os.kill(worker, signal.SIGKILL)
        assert not alive
    finally:
        parent.kill()
        parent.stdout.close()


def _slow_page(*args, **kwargs):
    time.sleep(30)  # a long step in a worker: an interruption must not wait for it


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_an_interruption_does_not_wait_for_the_workers_step(monkeypatch, signum: int) -> None:
    """SIGTERM or ctrl+c while pool workers are in a long step: the run ends at once and
    the workers with it (they were awaited: 17-23 s on 400 pages)."""
    from briefing.ingest import Document

    monkeypatch.setattr(pipeline, "process_document", _slow_page)  # forked workers inherit it
    docs = [Document(f"p{n}.txt", "text", "text", str(n), "utf-8") for n in range(8)]
    workers: list[int] = []

    def interrupt() -> None:
        import multiprocessing

        workers.extend(child.pid for child in multiprocessing.active_children())
        os.kill(os.getpid(), signum)

    timer = threading.Timer(2.0, interrupt)
    # A run started in the background inherits SIGINT ignored: ctrl+c is what is tested.
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    start = time.perf_counter()
    try:
        with pytest.raises((Terminated, KeyboardInterrupt)), terminate_as_exception():
            timer.start()
            list(
                pipeline._process_all(
                    zip(docs, [f"a{n}" for n in range(8)], strict=True), load_profile(), 2
                )
            )
    finally:
        signal.signal(signal.SIGINT, inherited)
    assert time.perf_counter() - start < 15
    assert workers
    for _ in range(50):
        if not any(_alive(pid) for pid in workers):
            break
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def test_workers_leave_ctrl_c_to_their_parent() -> None:
    """ctrl+c reaches the whole foreground process group: a worker that took it printed
    'Exception ignored ... KeyboardInterrupt' and went on with its next chunk."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        1, initializer=pipeline._init_worker, initargs=(load_profile(),)
    ) as pool:
        assert pool.submit(signal.getsignal, signal.SIGINT).result() == signal.SIG_IGN


# --- profiles -----------------------------------------------------------------------------

PROFILE = """\
id = "test"
name = "Test \\u001b]52;c;SGVsbG8=\\u0007profile\\u001b[2J"
description = "Desc \\u202eevil\\nsecond line"

[[actors]]
id = "rebels"
name = "Rebels \\u001b]0;pwned\\u0007[@click=app.quit]q[/]"
colour = "#c0392b"
aliases = ["rebels"]
"""


def test_profile_names_and_descriptions_are_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "test.toml"
    path.write_text(PROFILE, encoding="utf-8")
    profile = load_profile(str(path))
    assert profile.name == "Test profile"
    assert profile.description == "Desc evil second line"
    assert profile.actors[0].name == "Rebels [@click=app.quit]q[/]"
    page = tmp_path / "page.txt"
    page.write_text("Rebels advance\n\n" + STORY.replace("Syria’s rebels", "Rebels"), "utf-8")
    briefing = build_briefing([str(page)], BriefingOptions(profile=str(path), use_cache=False))
    for fmt in ("text", "markdown", "json"):
        assert_safe(render(briefing, fmt))


def test_briefing_profiles_lists_cleaned_names(tmp_path: Path, monkeypatch, capsys) -> None:
    folder = user_profiles_dir()
    folder.mkdir(parents=True)
    (folder / "test.toml").write_text(PROFILE, encoding="utf-8")
    assert any(info.name == "Test profile" for info in list_profiles())
    assert main(["profiles"]) == 0
    assert_safe(capsys.readouterr().out)


@pytest.mark.parametrize(
    "pattern", [r"^(\w+\s?)*$", r"(a+)+b", r"^(?:\w|\d\d)*$", r"(\d{1,3})*!", r"^(a|a?)+$"]
)
def test_exponential_user_patterns_are_refused_when_loaded(tmp_path: Path, pattern: str) -> None:
    path = tmp_path / "slow.toml"
    path.write_text(
        PROFILE.replace('aliases = ["rebels"]', f"patterns = [{json.dumps(pattern)}]"),
        encoding="utf-8",
    )
    with pytest.raises(ProfileError, match=r"line 9: actor 'rebels': .*can take exponential time"):
        load_profile(str(path))


@pytest.mark.parametrize("pattern", [r"\bUS\b", r"(\w++\s?)*$", r"(?>\w+\s?)*$", r"(?:ab?)+"])
def test_safe_user_patterns_load(tmp_path: Path, pattern: str) -> None:
    path = tmp_path / "ok.toml"
    path.write_text(
        PROFILE.replace('aliases = ["rebels"]', f"patterns = [{json.dumps(pattern)}]"),
        encoding="utf-8",
    )
    assert load_profile(str(path)).actors[0].patterns == (pattern,)


def test_bundled_profiles_pass_the_pattern_check() -> None:
    assert all(not info.description.startswith("unusable") for info in list_profiles())


def test_deeply_nested_toml_profile_is_a_message(tmp_path: Path, capsys) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="nested too deeply"):
        load_profile(str(path))
    assert main(["dump", "--no-cache", "--profile", str(path)]) == EXIT_PROFILE
    assert "nested too deeply" in capsys.readouterr().err


def test_empty_profile_name_is_an_error(capsys) -> None:
    assert main(["dump", "--no-cache", "--profile", ""]) == EXIT_PROFILE
    assert "empty profile name" in capsys.readouterr().err


# --- file names ---------------------------------------------------------------------------


def test_a_newline_in_a_file_name_cannot_forge_lines(tmp_path: Path, capsys) -> None:
    good = seed_copy(tmp_path)
    forged = tmp_path / "x\nbriefing: error: forged\x1b[2J.txt"
    forged.write_bytes(b"")
    assert main(["dump", "--no-cache", "--format", "markdown", str(good), str(forged)]) == 0
    captured = capsys.readouterr()
    assert "x\\nbriefing: error: forged\\x1b[2J.txt: skipped: empty file" in captured.err
    forged_lines = [line for line in captured.err.splitlines() if "forged" in line]
    assert len(forged_lines) == 1 and forged_lines[0].startswith("briefing: ")
    assert_safe(captured.err)


# --- the cache ----------------------------------------------------------------------------


def _damage_every_article_row(value: str) -> None:
    with sqlite3.connect(default_path()) as connection:
        connection.execute("UPDATE articles SET value = ?", (value,))
        connection.execute("DELETE FROM briefings")


def _cached_row() -> dict:
    with sqlite3.connect(default_path()) as connection:
        [(value,)] = connection.execute("SELECT value FROM articles LIMIT 1").fetchall()
    return json.loads(value)


@pytest.mark.parametrize("damage", ["deep", "wrong types", "unclean text", "not an object"])
def test_damaged_cache_rows_are_discarded_with_one_warning(tmp_path: Path, damage: str) -> None:
    page = seed_copy(tmp_path)
    first = build_briefing([str(page)])
    row = _cached_row()
    if damage == "deep":
        value = "[" * 100_000 + "]" * 100_000
    elif damage == "wrong types":
        row["sentences"][0]["text"] = 42
        row["article"]["title"] = ["not", "text"]
        value = json.dumps(row)
    elif damage == "unclean text":
        row["sentences"][0]["text"] = "\x1b]52;c;SGVsbG8=\x07\x1b[2J" + row["sentences"][0]["text"]
        value = json.dumps(row)
    else:
        value = "42"
    _damage_every_article_row(value)
    again = build_briefing([str(page)])
    assert [s.text for s in again.articles[0].sentences] == [
        s.text for s in first.articles[0].sentences
    ]
    damaged = [p for p in again.problems if "damaged" in p]
    assert len(damaged) == 1 and "1 damaged entry discarded" in damaged[0]
    # The row was made again from the page: the next run finds it whole.
    third = build_briefing([str(page)])
    assert not [p for p in third.problems if "damaged" in p]


def test_damaged_briefing_row_is_a_miss(tmp_path: Path) -> None:
    page = seed_copy(tmp_path)
    build_briefing([str(page)])
    with sqlite3.connect(default_path()) as connection:
        connection.execute("UPDATE briefings SET value = ?", ('{"profile_id": 1}',))
    warnings: list[str] = []
    with ArticleCache.open(warn=warnings.append) as cache:
        with sqlite3.connect(default_path()) as connection:
            [(key,)] = connection.execute("SELECT key FROM briefings").fetchall()
        assert cache.get_briefing(key) is None
    assert len(warnings) == 1
    assert build_briefing([str(page)]).articles


# --- exit statuses ------------------------------------------------------------------------


def test_readme_exit_table_matches_the_program() -> None:
    import re

    from briefing import errors
    from briefing.cli import EXIT_STATUS_HELP
    from briefing.lifetime import exit_status

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = {int(n) for n in re.findall(r"^\| (\d+) \|", readme, re.MULTILINE)}
    helped = {int(n) for n in re.findall(r"^  (\d+) ", EXIT_STATUS_HELP, re.MULTILINE)}
    program = {
        errors.EXIT_OK,
        errors.EXIT_OUTPUT,
        errors.EXIT_USAGE,
        errors.EXIT_NO_INPUT,
        errors.EXIT_PROFILE,
        errors.EXIT_INTERRUPTED,
        *(exit_status(s) for s in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM)),
    }
    assert table == helped == program


def test_sigterm_ends_dump_with_143(tmp_path: Path, monkeypatch) -> None:
    def terminated(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(1)

    monkeypatch.setattr(pipeline, "identify_pages", terminated)
    assert main(["dump", "--no-cache", str(tmp_path)]) == 143


def test_messages_are_one_line_whatever_the_argument(capsys) -> None:
    assert main(["dump", "--no-cache", "--profile", "no/such\nbriefing: forged\x1b[2J"]) == 4
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("briefing: error: ")
    assert_safe(err)


def test_a_broken_profile_with_a_hostile_file_name_is_listed_safely(capsys) -> None:
    folder = user_profiles_dir()
    folder.mkdir(parents=True)
    (folder / "evil\x1b]0;pwned\x07\nx.toml").write_text("name = [", encoding="utf-8")
    assert main(["profiles"]) == 0
    out = capsys.readouterr().out
    assert "evil\\x1b]0;pwned\\x07\\nx" in out and "unusable" in out
    assert_safe(out)


_HALF_SENT_RESULT = """
import time
from concurrent.futures import ProcessPoolExecutor
from briefing.lifetime import pool_ended_at_once

def big(n):
    return b"x" * 100_000_000  # long enough to send that the kill comes halfway

if __name__ == "__main__":
    try:
        with ProcessPoolExecutor(2) as pool, pool_ended_at_once(pool):
            futures = [pool.submit(big, n) for n in range(4)]
            time.sleep(0.5)
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        print("interrupted")
"""


def test_an_interruption_while_a_worker_sends_its_result_still_exits(tmp_path: Path) -> None:
    """A worker killed halfway through sending its result left the pool's manager thread
    waiting for the rest, and the interpreter waited for that thread at exit: forever."""
    script = tmp_path / "half_sent.py"
    script.write_text(_HALF_SENT_RESULT, encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stdout == "interrupted\n", run.stderr
