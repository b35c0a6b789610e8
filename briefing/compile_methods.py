"""Builds `compiled_methods.bin` (see `briefing.compiled_methods`): the method texts the
package's dataclasses give, compiled once.

    python -m briefing.compile_methods           # write it (after changing a dataclass)
    python -m briefing.compile_methods --check   # exit 1 when it is not what the classes give

A class changed since the file was built still works (its texts are compiled as they were
before the file existed), only slower to define; `--check`, run by the tests, says so.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import sys
from pathlib import Path
from types import CodeType
from typing import Any

from briefing.compiled_methods import (
    METHODS_FILE,
    compile_like_dataclasses,
    read_methods,
    write_methods,
)

PACKAGE = Path(__file__).resolve().parent
# Imported before the recording starts: neither defines a dataclass.
_LOADED_FIRST = ("briefing", "briefing.compiled_methods", "briefing.compile_methods")


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


def generated_methods() -> dict[str, CodeType]:
    """Method text -> its code, for every text `dataclasses` compiles while the package's
    modules are imported. Needs an interpreter that has imported none of them yet."""
    modules = _module_names()
    early = [name for name in modules if name in sys.modules and name not in _LOADED_FIRST]
    if early:
        raise SystemExit(f"already imported, their classes would be missed: {early[:5]}")
    codes: dict[str, CodeType] = {}

    def exec_recording(
        source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /
    ) -> None:
        if isinstance(source, str):
            text, source = source, compile_like_dataclasses(source)
            if str((globals or {}).get("__name__", "")).startswith("briefing."):
                codes[text] = source
        exec(source, globals, locals)

    dataclasses.exec = exec_recording  # type: ignore[attr-defined]
    for name in modules:
        importlib.import_module(name)
    return codes


def _same(shipped: dict[str, CodeType], generated: dict[str, CodeType]) -> bool:
    # Code objects compare their bytecode, constants and names, not where they came from.
    return shipped.keys() == generated.keys() and all(
        shipped[text] == code and shipped[text].co_filename == code.co_filename
        for text, code in generated.items()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if the file is not up to date; write nothing"
    )
    args = parser.parse_args(argv)
    generated = generated_methods()
    if args.check:
        if _same(read_methods(), generated):
            return 0
        print(
            f"{METHODS_FILE.name} is out of date: run python -m briefing.compile_methods",
            file=sys.stderr,
        )
        return 1
    write_methods(generated)
    print(f"{len(generated)} method texts -> {METHODS_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
