"""The package's dataclass methods served already compiled.

Python 3.11's `dataclass` writes each method of a class (`__init__`, `__repr__`, `__eq__`,
`__hash__`, a frozen class's `__setattr__` and `__delattr__`) as source text and compiles it
with `exec`, one text at a time: for the 67 frozen dataclasses a cold run of the seeds
defines, compiling was about 200 M of the 2,220 M instructions of `briefing dump
--no-cache` (two thirds of defining them). `python -m briefing.compile_methods` compiles
the texts the package's classes give once and ships them in `compiled_methods.bin`;
`serve_compiled_methods` makes `dataclasses` execute the shipped code of a text it holds
instead of compiling that text again. A text it does not hold (a class changed since the
file was built, another package's class) is compiled as before, and a text's shipped code
is what compiling it gives, so a class is the same either way.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import marshal
import zlib
from pathlib import Path
from types import CodeType
from typing import Any

METHODS_FILE = Path(__file__).with_name("compiled_methods.bin")


def read_methods(path: Path = METHODS_FILE) -> dict[str, CodeType]:
    """Method text -> its compiled code, as `compile_methods` wrote them; nothing when the
    file is missing or was written by a Python whose bytecode differs from this one's (its
    magic number, as in a `.pyc`, heads the file)."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    magic = importlib.util.MAGIC_NUMBER
    if not data.startswith(magic):
        return {}
    return marshal.loads(zlib.decompress(data[len(magic) :]))


def write_methods(codes: dict[str, CodeType], path: Path = METHODS_FILE) -> None:
    """Writes the texts and their code, in the order of the texts (the same file for the
    same classes)."""
    ordered = {text: codes[text] for text in sorted(codes)}
    path.write_bytes(importlib.util.MAGIC_NUMBER + zlib.compress(marshal.dumps(ordered), 9))


def compile_like_dataclasses(text: str) -> CodeType:
    """The code `exec(text)` runs in `dataclasses`, which imports no `__future__` feature:
    the calling module's features (this one's `annotations`) are not inherited."""
    return compile(text, "<string>", "exec", dont_inherit=True)


def serve_compiled_methods(codes: dict[str, CodeType]) -> None:
    """From now on `dataclasses` runs the code in `codes` for a method text it holds, and
    compiles any other text as before."""

    def exec_compiled(
        source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /
    ) -> None:
        if isinstance(source, str):
            # not `exec(text)` here: it would compile with this module's `__future__`
            source = codes.get(source) or compile_like_dataclasses(source)
        exec(source, globals, locals)

    # `dataclasses` calls `exec` by its global name: a module attribute of that name comes
    # before the builtin.
    dataclasses.exec = exec_compiled  # type: ignore[attr-defined]
