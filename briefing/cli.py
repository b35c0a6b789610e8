"""Command line: `briefing` (the TUI), `briefing dump`, `briefing profiles`.

The dump path never imports Textual, so it starts fast and runs headless.
"""

from __future__ import annotations

import gc
import io
import os
import stat
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from briefing import __version__
from briefing.errors import (
    EXIT_INTERRUPTED,
    EXIT_NO_INPUT,
    EXIT_OK,
    EXIT_PROFILE,
    EXIT_USAGE,
    BriefingError,
)
from briefing.options import DEFAULT_MAX_BYTES, DEFAULT_OPTIONS, SUMMARIZERS, BriefingOptions

if TYPE_CHECKING:  # the engine is imported when a command runs, keeping --help instant
    import argparse

    from briefing.model import Briefing
    from briefing.progress import Stage, StageProgress
    from briefing.render.output import Protected
    from briefing.tui.engine import EarlyEngine

EXIT_STATUS_HELP = """\
exit status:
  0   success
  1   the output could not be written (an existing file is left untouched;
      a device, pipe, socket, folder or any input is refused; stdout failed); dump only
  2   usage error (bad option or value, no terminal for the view, bad theme)
  3   no readable article in the inputs (each skipped path is named on stderr)
  4   the actor profile is missing or broken (its file, line and what is wrong)
  129 hung up (SIGHUP)
  130 interrupted (ctrl+c, SIGINT)
  143 terminated (SIGTERM)
"""

VIEW_EXAMPLES = """\
examples:
  briefing                                  the bundled seed articles
  briefing ~/news --profile sudan           a folder of saved pages (.html or text)
  briefing ~/news --watch --since 2024-12-01
                                            a folder as a daily feed, re-briefed as pages arrive
  cat page.html | briefing -                one article from stdin
  In the view, ? lists every key (ctrl+p: the command palette).
"""

DUMP_EXAMPLES = """\
examples:
  briefing dump ~/news --profile ukraine -o brief.md
                                            Markdown to a file (.json: JSON), written atomically
  briefing dump ~/news --width 100 | less   plain text to a pipe
  briefing dump ~/news --format json | jq '.actors[] | {name, facts}'
                                            the JSON fields: docs/json.md
"""

SUBCOMMANDS = ("dump", "profiles")
# Narrower than this, wrapped lines would be mostly indentation and source markers.
MIN_WIDTH = 40


def _at_least(minimum: int) -> Callable[[str], int]:
    def whole_number(text: str) -> int:
        import argparse

        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(
                f"expected a number of at least {minimum}, got {value}"
            )
        return value

    return whole_number


_positive = _at_least(1)


def _iso_day(text: str) -> str:
    import argparse

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def _engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files or folders (.txt .text .md .html .htm, recursive); "
        "'-' reads one article from stdin; none = the bundled seed articles",
    )
    parser.add_argument(
        "--profile", metavar="P", help="actor profile: a name (see 'briefing profiles') or a path"
    )
    parser.add_argument(
        "--summarizer",
        choices=SUMMARIZERS,
        help="sumy algorithm for the summaries (default: lex-rank; the view remembers "
        "the last one chosen)",
    )
    parser.add_argument(
        "--sentences",
        type=_positive,
        metavar="N",
        help="sentences per actor summary (default: 5; the view remembers the last length)",
    )
    parser.add_argument(
        "--max-bytes",
        type=_positive,
        default=None,
        metavar="N",
        help="skip input files larger than this (default: 20000000)",
    )
    parser.add_argument(
        "--since",
        type=_iso_day,
        metavar="DATE",
        help=(
            "leave out articles published before DATE (YYYY-MM-DD); an undated one by the day "
            "the briefing estimates for it (~DATE), kept when it has none"
        ),
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the article cache"
    )
    parser.add_argument(
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="worker processes for large inputs (default: by input size and cores)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser for `briefing [PATHS]` (the TUI); subcommands are parsed separately."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Per-actor news briefings from saved article pages. "
        "Subcommands: 'briefing dump --help', 'briefing profiles'.",
        epilog=VIEW_EXAMPLES + "\n" + EXIT_STATUS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _engine_options(parser)
    parser.add_argument(
        "--theme",
        metavar="NAME",
        help=f"colour theme: {', '.join(_bundled_theme_names())}, or any of Textual's "
        "(saved for next time)",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="follow the inputs: re-brief as articles arrive or change, saying what is new",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    return parser


def _bundled_theme_names() -> list[str]:
    """The themes shipped in themes/, by file name (reading them would import Textual)."""
    from briefing.resources import themes_dir

    return sorted(path.stem for path in themes_dir().glob("*.toml"))


def build_dump_parser() -> argparse.ArgumentParser:
    import argparse

    from briefing.render import FORMATS

    parser = argparse.ArgumentParser(
        prog="briefing dump",
        description="Write the briefing as plain text, Markdown or JSON (without the view).",
        epilog=DUMP_EXAMPLES + "\n" + EXIT_STATUS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _engine_options(parser)
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default="-",
        help="file to write, atomically ('-' or none = stdout)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="default: from the -o file's extension (.json, .md), else text",
    )
    parser.add_argument(
        "--width",
        type=_at_least(MIN_WIDTH),
        default=80,
        metavar="N",
        help=f"text wrap width, at least {MIN_WIDTH} (default: 80)",
    )
    return parser


# What `build_parser` gives a command line of paths alone, less the paths.
_VIEW_DEFAULTS = {
    "profile": None,
    "summarizer": None,
    "sentences": None,
    "max_bytes": None,
    "since": None,
    "no_cache": False,
    "jobs": None,
    "theme": None,
    "watch": False,
}


def parse_view_arguments(argv: Sequence[str]) -> argparse.Namespace | SimpleNamespace:
    """The view's command line. Paths alone (the usual launch: none, or files and folders)
    need no parser: argparse's import and parser were 20 M instructions of a warm launch's
    900 M. An option, `--help` or a mistake is argparse's, with its messages."""
    if all(arg == "-" or not arg.startswith("-") for arg in argv):
        return SimpleNamespace(paths=list(argv), **_VIEW_DEFAULTS)
    return build_parser().parse_args(argv)


def _options(args: argparse.Namespace | SimpleNamespace) -> BriefingOptions:
    return BriefingOptions(
        profile=args.profile,
        summarizer=args.summarizer or DEFAULT_OPTIONS.summarizer,
        sentences=args.sentences or DEFAULT_OPTIONS.sentences,
        max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
        use_cache=not args.no_cache,
        jobs=args.jobs,
        since=args.since,
    )


def _warn(message: str) -> None:
    from briefing.safety import clean_text

    # One line per message: a line break from a file name or an argument would forge another.
    one_line = clean_text(message).replace("\n", "\\n")
    print(f"briefing: {one_line}", file=sys.stderr)


@contextmanager
def _progress_on_terminal() -> Iterator[StageProgress | None]:
    """A progress bar on stderr for long runs, only when a person is watching."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    from briefing.progress import describe

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Reading articles", total=None)

        def update(stage: Stage, done: int, total: int) -> None:
            # The text is the article-free stage wording: no markup in it.
            bar.update(task, description=describe(stage, done, total), completed=done, total=total)

        yield update


def run_dump(argv: Sequence[str]) -> int:
    from briefing.cache import late_warnings_to
    from briefing.pipeline import build_briefing

    args = build_dump_parser().parse_args(argv)
    protect: list[Protected] = []
    if args.output != "-":
        from briefing.ingest import input_identities
        from briefing.render.output import check_writable

        # Every file read is protected, also those found in a folder or behind a link, and
        # the file stdin was redirected from; checked before the articles are read, so a
        # mistyped -o is said at once, not after the whole run.
        protect = [Path(p) for p in args.paths if p != "-"]
        protect += input_identities(args.paths)
        check_writable(args.output, protect=protect)
    # What the engine finds wrong after handing the briefing over (a cached article's text
    # read while rendering: see `briefing.cache.late_warning`) is said like the rest.
    with late_warnings_to(_warn):
        with _progress_on_terminal() as progress:
            briefing = build_briefing(args.paths, _options(args), progress=progress)
        for problem in briefing.problems:
            _warn(problem)
        return _write_dump(args, briefing, protect)


def _write_dump(args: argparse.Namespace, briefing: Briefing, protect: list[Protected]) -> int:
    from briefing.render import render_pieces
    from briefing.render.formats import FORMAT_OF_SUFFIX
    from briefing.render.output import OutputError, write_atomic, write_stream
    from briefing.safety import shown_path

    fmt = args.format or FORMAT_OF_SUFFIX.get(Path(args.output).suffix.lower(), "text")
    # Written as it is rendered: a JSON briefing of many articles is never whole in memory.
    data = render_pieces(briefing, fmt, args.width)
    if args.output == "-":
        try:
            write_stream(sys.stdout, data)
        except OutputError:
            _drop_stdout()
            raise
    else:
        # And the files as the engine resolved them.
        inputs = [Path(p) for p in briefing.inputs if p != "-"]
        write_atomic(args.output, data, protect=[*protect, *inputs])
        _warn(f"wrote {shown_path(args.output)}")
    return EXIT_OK


def _drop_stdout() -> None:
    """Point stdout at /dev/null once writing to it failed: what is still buffered would
    fail again as the interpreter exits, with a traceback after our message."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def run_profiles(argv: Sequence[str]) -> int:
    import argparse

    from briefing.profile import DEFAULT_PROFILE, list_profiles, user_profiles_dir
    from briefing.safety import clean_text, shown_path

    parser = argparse.ArgumentParser(
        prog="briefing profiles",
        description="List the actor profiles: bundled ones and the user's own, one TOML file\n"
        f"each in {shown_path(str(user_profiles_dir()))} (how to write one: docs/profiles.md).",
        epilog="example:\n  briefing profiles && briefing ~/news --profile gaza-lebanon",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.parse_args(argv)
    for info in list_profiles():
        origin = f"{info.origin}, default" if info.id == DEFAULT_PROFILE else info.origin
        # A broken profile is listed by its file name, with the reason it is unusable.
        name, description = (" ".join(clean_text(t).split()) for t in (info.name, info.description))
        print(f"{shown_path(info.id):<12} {origin:<17} {name}: {description}")
        print(f"{'':<12} {'':<17} {shown_path(info.path)}")
    return EXIT_OK


def run_tui(argv: Sequence[str]) -> int:
    # No garbage collection until the first screen is drawn (the view resumes it then,
    # see `BriefingApp.on_mount`): importing Textual and composing the screen make a few
    # hundred thousand objects that live as long as the view, and passes over them were
    # a tenth of the start-up.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_tui(argv)
    finally:
        if collecting:
            gc.enable()


def _run_tui(argv: Sequence[str]) -> int:
    args = parse_view_arguments(argv)
    if args.watch and "-" in args.paths:
        build_parser().error("--watch follows files and folders; it cannot follow '-' (stdin)")
    if args.theme:
        _import_asyncio_without_ssl()
        from textual.theme import BUILTIN_THEMES

        from briefing.tui.theming import bundled_themes

        themes = sorted({*BUILTIN_THEMES, *(theme.name for theme in bundled_themes())})
        if args.theme not in themes:
            build_parser().error(
                f"unknown theme {args.theme!r}; choose one of: {', '.join(themes)}"
            )
    piped = None
    if "-" in args.paths and not sys.stdin.isatty():
        from briefing.ingest import read_at_most

        # In chunks: an absurd --max-bytes must not be allocated up front.
        piped = read_at_most(sys.stdin.buffer, (args.max_bytes or DEFAULT_MAX_BYTES) + 1)
    # What the view could only show on a full-screen failure ends the run here, with
    # its status, before the screen is taken: a bad profile first, then the inputs and the
    # terminal. The profile is checked by the early engine, beside the view's start (its
    # check was 21 M instructions of a warm launch's 918 M), unless something else is
    # wrong or there is no engine.
    with _profile_said_first(args.profile):
        _check_inputs(args.paths, piped, args.max_bytes or DEFAULT_MAX_BYTES)
    if not sys.stdout.isatty():
        _check_profile(args.profile)
        build_parser().error(
            "the briefing view needs a terminal; use 'briefing dump' to write text"
        )
    if piped is not None:
        with _profile_said_first(args.profile):
            _keys_from_terminal(piped)
    engine = _start_engine(args)
    if engine is None:
        _check_profile(args.profile)
    _import_asyncio_without_ssl()
    try:
        from briefing.tui.app import run_app

        if engine is not None and (problem := engine.profile_problem()) is not None:
            raise BriefingError(problem, EXIT_PROFILE)
        status = run_app(
            args.paths,
            _options(args),
            args.theme,
            summarizer=args.summarizer,
            sentences=args.sentences,
            watch=args.watch,
            engine=engine,
        )
    finally:
        if engine is not None:
            engine.stop()
    _end_without_waiting(status)
    return status


def _import_asyncio_without_ssl() -> None:
    """asyncio (Textual's loop) without its TLS support: the view opens no connection, and
    asyncio's import of `ssl` (OpenSSL's set-up) was 28 M instructions of a warm launch's
    1,000 M. Whatever imports `ssl` later gets it as usual."""
    if "asyncio" in sys.modules or "ssl" in sys.modules:
        return
    # A None entry makes `import ssl` fail, which asyncio expects of a Python without it.
    sys.modules["ssl"] = None  # type: ignore[assignment]
    try:
        import asyncio  # noqa: F401
    finally:
        del sys.modules["ssl"]


def _start_engine(args: argparse.Namespace | SimpleNamespace) -> EarlyEngine | None:
    """The first briefing, started before the view imports Textual (the two overlap)."""
    from briefing.tui import config
    from briefing.tui.engine import EarlyEngine

    remembered = config.load_settings(None)
    options = config.summary_options(_options(args), remembered, args.summarizer, args.sentences)
    return EarlyEngine.start(args.paths, options)


def _end_without_waiting(status: int) -> None:
    """A view quit or interrupted while the engine is still at work ends now. The engine's
    thread stops only between its steps (one article's annotation can take many seconds),
    and Python would wait for it on exit; it holds nothing to clean up (output files are
    written by the view itself, the cache's database survives an unfinished write)."""
    if any(t.is_alive() and not t.daemon for t in threading.enumerate()[1:]):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def _check_profile(name_or_path: str | None) -> None:
    from briefing.profile import profile_problem

    problem = profile_problem(name_or_path)
    if problem is not None:
        raise BriefingError(problem, EXIT_PROFILE)


@contextmanager
def _profile_said_first(name_or_path: str | None) -> Iterator[None]:
    """What stops the run inside is said after what is wrong with the profile, if anything
    is (its error then ends the run)."""
    try:
        yield
    except BriefingError:
        _check_profile(name_or_path)
        raise


def _check_inputs(paths: Sequence[str], piped: bytes | None, max_bytes: int) -> None:
    """Stop (status 3) when no input can hold an article: each is missing, unreadable,
    a folder without article files, or (stdin) not an article. Checked by name and
    size only, so a large folder costs a walk, not a read; the engine reads the rest."""
    problems = [problem for path in paths if (problem := _input_problem(path, piped, max_bytes))]
    if paths and len(problems) == len(paths):
        named = ", ".join(paths)
        raise BriefingError(
            f"no readable article in {named} ({'; '.join(problems)})", EXIT_NO_INPUT
        )


def _input_problem(path: str, piped: bytes | None, max_bytes: int) -> str | None:
    """Why `path` cannot give an article, or None when it may."""
    from briefing.ingest import ARTICLE_EXTENSIONS, decode_document, too_large

    if path == "-":
        if piped is None:
            return None
        if len(piped) > max_bytes:
            return f"-: more than {max_bytes:,} bytes"
        decoded = decode_document(path, piped)
        return f"-: {decoded}" if isinstance(decoded, str) else None
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return f"{path}: not found"
    except OSError as error:
        return f"{path}: cannot read ({error.strerror})"
    if not stat.S_ISDIR(info.st_mode):
        if not os.access(path, os.R_OK):
            return f"{path}: permission denied"
        # A pipe (`<(...)`) has no size to tell, and is read only once: by the engine.
        if not stat.S_ISREG(info.st_mode):
            return None
        if not info.st_size:
            return f"{path}: empty file"
        if info.st_size > max_bytes:
            return f"{path}: {_unskipped(too_large(info.st_size, max_bytes))}"
        return _binary_problem(path)
    for _, folders, files in os.walk(path):
        folders[:] = [f for f in folders if not f.startswith(".")]
        if any(not f.startswith(".") and f.lower().endswith(ARTICLE_EXTENSIONS) for f in files):
            return None
    return f"{path}: no articles ({' '.join(ARTICLE_EXTENSIONS)}) in folder"


def _binary_problem(path: str) -> str | None:
    """A named binary file (a program, an archive) said before the screen is taken, from
    its first bytes."""
    from briefing.ingest import SNIFF_BYTES, binary_file_reason

    try:
        with open(path, "rb") as source:
            head = source.read(SNIFF_BYTES)
    except OSError as error:
        return f"{path}: cannot read ({error.strerror})"
    reason = binary_file_reason(head, whole=len(head) < SNIFF_BYTES)
    return f"{path}: {_unskipped(reason)}" if reason else None


def _unskipped(reason: str) -> str:
    # The engine's "skipped: ..." reads wrong when nothing else is briefed.
    return reason.removeprefix("skipped: ")


def _keys_from_terminal(piped: bytes) -> None:
    """Give stdin back to the keyboard once the piped article is taken: the view reads
    keys from stdin, and would otherwise read the article as keystrokes."""
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise BriefingError(
            "the briefing view needs a terminal for its keys; use 'briefing dump -'",
            EXIT_USAGE,
        ) from None
    os.dup2(terminal, 0)
    os.close(terminal)
    # The engine reads "-" from sys.stdin: the bytes already taken, not the terminal.
    sys.stdin = io.TextIOWrapper(io.BytesIO(piped))


def main(argv: Sequence[str] | None = None) -> int:
    """The program (arguments from `sys.argv` when `argv` is None)."""
    status = _run_command(list(sys.argv[1:] if argv is None else argv))
    if argv is None:
        # What is left lives until the process ends: the collection passes of its exit need
        # not go over it (they were 3% of a warm dump of 1,000 articles).
        gc.freeze()
    return status


def _run_command(argv: list[str]) -> int:
    command = argv[0] if argv and argv[0] in SUBCOMMANDS else None
    from briefing.lifetime import Terminated, terminate_as_exception

    try:
        # SIGTERM and SIGHUP unwind like ctrl+c: no temporary file is left behind.
        with terminate_as_exception():
            if command == "dump":
                return run_dump(argv[1:])
            if command == "profiles":
                return run_profiles(argv[1:])
            return run_tui(argv)
    except Terminated as stop:
        return stop.status
    except BriefingError as error:
        _warn(f"error: {error}")
        return error.status
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our stdout went away (`briefing dump | head`): not an error.
        _drop_stdout()
        return EXIT_OK
    except SystemExit as exit_:  # argparse: --help (0) or a usage error (2)
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
