"""Builds `precompiled.bin` (see `briefing.precompiled`): the method texts of the package's
dataclasses and the regular expressions it compiles, compiled once.

    python -m briefing.precompile           # write it (after changing a dataclass or pattern)
    python -m briefing.precompile --check   # exit 1 when it is not what the package gives

The patterns are those the package compiles while its modules are imported, every pattern
compiled on first use that a module holds (`briefing.lazy_pattern`), and those a cold run of
the seeds compiles under each bundled profile, in every output format (profile phrases,
patterns made per page or per profile). Anything changed since the file was built still
works, compiled as it was before the file existed, only slower; `--check` (run by the tests)
says so.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import importlib
import io
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from re import _compiler  # noqa: PLC2701  (what `re.compile` calls to make a program)
from types import ModuleType
from typing import Any

from briefing.precompiled import (
    PRECOMPILED_FILE,
    Precompiled,
    compile_like_dataclasses,
    program_of,
    read_precompiled,
    write_precompiled,
)

PACKAGE = Path(__file__).resolve().parent
# Imported before the recording starts: none of them defines a dataclass or a pattern.
_LOADED_FIRST = ("briefing", "briefing.precompiled", "briefing.precompile")


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


def _from_the_package(depth: int) -> bool:
    """Whether the code that asked `re` for a pattern (the first frame outside `re`, `depth`
    frames up) is the package's."""
    frame = sys._getframe(depth)
    while frame.f_globals.get("__name__", "").split(".")[0] == "re":
        frame = frame.f_back  # type: ignore[assignment]
    return str(frame.f_globals.get("__name__", "")).startswith("briefing.")


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


def generated() -> Precompiled:
    """What the package compiles (see above). Needs an interpreter that has imported none
    of its modules yet."""
    modules = _module_names()
    early = [name for name in modules if name in sys.modules and name not in _LOADED_FIRST]
    if early:
        raise SystemExit(f"already imported, what they compile would be missed: {early[:5]}")
    built = Precompiled({}, {})
    compile_program = _compiler.compile

    def exec_recording(
        source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /
    ) -> None:
        if isinstance(source, str):
            text, source = source, compile_like_dataclasses(source)
            if str((globals or {}).get("__name__", "")).startswith("briefing."):
                built.methods[text] = source
        exec(source, globals, locals)

    def compile_recording(pattern: Any, flags: int = 0) -> Any:
        debug = flags & _compiler.SRE_FLAG_DEBUG
        if isinstance(pattern, str) and not debug and _from_the_package(2):
            built.programs[pattern, int(flags)] = program_of(pattern, flags)
        return compile_program(pattern, flags)

    dataclasses.exec = exec_recording  # type: ignore[attr-defined]
    _compiler.compile = compile_recording
    for name in modules:
        for pattern in _lazy_patterns(importlib.import_module(name)):
            pattern.compiled()
    _run_the_seeds()
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
        f"{len(built.methods)} method texts, {len(built.programs)} patterns -> {PRECOMPILED_FILE}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
