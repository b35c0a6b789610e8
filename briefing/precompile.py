"""Builds `precompiled.bin` (see `briefing.precompiled`): the method texts of the dataclasses,
the regular expressions and the expressions (named tuples' `__new__`, type hints' forward
references) the package and the libraries its view starts with compile, compiled once.

    python -m briefing.precompile           # write it (after changing a dataclass or pattern)
    python -m briefing.precompile --check   # exit 1 when it is not what the package gives

The patterns are those the package compiles while its modules are imported, every pattern
compiled on first use that a module holds (`briefing.lazy_pattern`), those a cold run of
the seeds compiles under each bundled profile, in every output format (profile phrases,
patterns made per page or per profile), and those the view compiles on its way to the first
paint of the seeds' briefing (a headless launch). They are recorded when the package or a
library every launch of the view imports makes them (Textual, Rich, platformdirs: compiling
was about a quarter of Textual's own import), or the standard library does as it is imported
or on their behalf; other libraries' are left out (the engine's, numpy's or dateparser's,
never showed in a profile). Anything changed since the file was built (another version of a
library) still works, compiled as it was before the file existed, only slower; `--check`
(run by the tests) says so.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import dataclasses
import importlib
import io
import os
import re
import sys
import tempfile
import typing
from collections.abc import Iterator
from pathlib import Path
from re import _compiler  # noqa: PLC2701  (what `re.compile` calls to make a program)
from types import FrameType, ModuleType
from typing import Any

from briefing.precompiled import (
    PRECOMPILED_FILE,
    Precompiled,
    compile_expression,
    compile_like_dataclasses,
    program_of,
    read_precompiled,
    write_precompiled,
)

PACKAGE = Path(__file__).resolve().parent
# Imported before the recording starts: none of them defines a dataclass or a pattern.
_LOADED_FIRST = ("briefing", "briefing.precompiled", "briefing.precompile")
# Whose dataclasses, patterns and expressions are recorded (top-level module names): the
# package's and those of the libraries every launch of the view imports (typing_extensions
# makes Textual's forward references); the standard library's too, when it makes them as
# it is imported or on their behalf (see `_asked_by_recorded`).
RECORDED = frozenset({PACKAGE.name, "textual", "rich", "platformdirs", "typing_extensions"})
_STANDARD = frozenset(sys.stdlib_module_names)
# A terminal as large as the benchmarks' for the view's launch.
VIEW_SIZE = (120, 40)


def _module_names() -> list[str]:
    """Every module of the package but `briefing.__main__` (which runs the program)."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts[-1] != "__main__":
            names.append(".".join(parts))
    return names


def _top_module(frame: FrameType) -> str:
    return str(frame.f_globals.get("__name__", "")).split(".")[0]


def _asked_by_recorded(depth: int) -> bool:
    """Whether the pattern `re` was asked for (`depth` frames up) is one to record: made
    by a recorded module, by a module of the standard library as it is imported (whoever
    imports it first), or by a function of the standard library called on behalf of a
    recorded module (the first frame up that is not the standard library's is one's).
    Another library's patterns are left out, also those it has the standard library make
    (`inspect` tokenizing a signature for numpy joins a set's strings: another order in
    every process)."""
    frame: FrameType | None = sys._getframe(depth)
    while frame is not None and _top_module(frame) in _STANDARD:
        if frame.f_code.co_name == "<module>" and _top_module(frame) != "importlib":
            return True
        frame = frame.f_back
    return frame is not None and _top_module(frame) in RECORDED


def _lazy_patterns(module: ModuleType) -> Iterator[Any]:
    from briefing.lazy_pattern import LazyPattern

    for value in vars(module).values():
        values = value.values() if isinstance(value, dict) else value
        for item in values if isinstance(values, (tuple, list, dict, type({}.values()))) else ():
            if isinstance(item, LazyPattern):
                yield item
        if isinstance(value, LazyPattern):
            yield value


def _run_the_seeds() -> None:
    from briefing.cli import main
    from briefing.resources import profiles_dir, seed_paths

    seeds = [str(path) for path in seed_paths()]
    # its notes ("wrote ...") are not the builder's
    with tempfile.TemporaryDirectory() as folder, contextlib.redirect_stderr(io.StringIO()):
        # the default profile too: a run without --profile also tries the others' names
        profiles = [[], *(["--profile", str(p)] for p in sorted(profiles_dir().glob("*.toml")))]
        for profile in profiles:
            for form in ("text", "markdown", "json"):
                output = str(Path(folder) / "briefing")
                main(["dump", "--no-cache", *profile, "--format", form, "-o", output, *seeds])


def _launch_the_view() -> None:
    """The view on the seeds' briefing, headless, until the briefing is drawn; with settings
    of its own (the user's could name another theme or a keymap)."""
    import asyncio

    from briefing.options import BriefingOptions
    from briefing.pipeline import build_briefing
    from briefing.resources import seed_paths
    from briefing.tui.app import BriefingApp

    briefing = build_briefing(
        [str(path) for path in seed_paths()], BriefingOptions(use_cache=False)
    )

    async def launch() -> None:
        app = BriefingApp(briefing)
        async with app.run_test(size=VIEW_SIZE) as pilot:
            await pilot.pause()

    with tempfile.TemporaryDirectory() as folder, _environment(XDG_CONFIG_HOME=folder):
        asyncio.run(launch())


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def generated() -> Precompiled:
    """What the package compiles (see above). Needs an interpreter that has imported none
    of its modules yet."""
    modules = _module_names()
    early = [name for name in modules if name in sys.modules and name not in _LOADED_FIRST]
    early += [name for name in ("textual", "rich") if name in sys.modules]
    if early:
        raise SystemExit(f"already imported, what they compile would be missed: {early[:5]}")
    built = Precompiled({}, {}, {})
    compile_program = _compiler.compile

    def exec_recording(
        source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /
    ) -> None:
        if isinstance(source, str):
            text, source = source, compile_like_dataclasses(source)
            module = str((globals or {}).get("__name__", "")).split(".")[0]
            if module in RECORDED or module in _STANDARD:
                built.methods[text] = source
        exec(source, globals, locals)

    def eval_recording(
        source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /
    ) -> Any:
        if isinstance(source, str):
            text, source = source, compile_expression(source.lstrip(" \t"))
            # A named tuple made by a recorded module, or by the standard library as it is
            # imported or on a recorded module's behalf (as patterns are).
            if _asked_by_recorded(2):
                built.expressions[text] = source
        return eval(source, globals, locals)

    def typing_compile_recording(
        source: Any, filename: str, mode: str, flags: int = 0, _: bool = False, optimize: int = -1
    ) -> Any:
        # `typing`'s forward references, kept as named tuples are
        usual = (filename, mode, flags, optimize) == ("<string>", "eval", 0, -1)
        if usual and isinstance(source, str) and _asked_by_recorded(2):
            built.expressions[source] = compile_expression(source)
        return compile(source, filename, mode, flags, True, optimize)

    def compile_recording(pattern: Any, flags: int = 0) -> Any:
        debug = flags & _compiler.SRE_FLAG_DEBUG
        if isinstance(pattern, str) and not debug and _asked_by_recorded(2):
            built.programs[pattern, int(flags)] = program_of(pattern, flags)
        return compile_program(pattern, flags)

    class RecordingCache(dict):
        """`re`'s cache of compiled patterns, starting empty: a pattern compiled first for
        a module not recorded (numpy's r"\\s+$") is recorded when a recorded one asks."""

        def __getitem__(self, key: tuple[type, Any, int]) -> Any:
            compiled = super().__getitem__(key)
            kind, pattern, flags = key
            if kind is str and (pattern, flags) not in built.programs and _asked_by_recorded(2):
                built.programs[pattern, flags] = program_of(pattern, flags)
            return compiled

    dataclasses.exec = exec_recording  # type: ignore[attr-defined]
    collections.eval = eval_recording  # type: ignore[attr-defined]
    typing.compile = typing_compile_recording  # type: ignore[attr-defined]
    _compiler.compile = compile_recording
    re._cache = RecordingCache()  # type: ignore[attr-defined]
    for name in modules:
        for pattern in _lazy_patterns(importlib.import_module(name)):
            pattern.compiled()
    _run_the_seeds()
    _launch_the_view()
    return built


def _same(shipped: Precompiled, built: Precompiled) -> bool:
    # Code objects compare their bytecode, constants and names, not where they came from.
    return (
        shipped.methods.keys() == built.methods.keys()
        and all(
            shipped.methods[text] == code and shipped.methods[text].co_filename == code.co_filename
            for text, code in built.methods.items()
        )
        and shipped.programs == built.programs
        and shipped.expressions.keys() == built.expressions.keys()
        and all(shipped.expressions[text] == code for text, code in built.expressions.items())
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the file is not up to date; write nothing"
    )
    args = parser.parse_args(argv)
    built = generated()
    if args.check:
        if _same(read_precompiled(), built):
            return 0
        print(f"{PRECOMPILED_FILE.name} is out of date: run python -m briefing.precompile")
        return 1
    write_precompiled(built)
    print(
        f"{len(built.methods)} method texts, {len(built.programs)} patterns, "
        f"{len(built.expressions)} expressions -> {PRECOMPILED_FILE}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
