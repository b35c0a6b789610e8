"""Code the package would compile at every start, compiled once when it is built.

Two things compiled from text, in Python itself, made about two fifths of a cold start on a
few pages (`briefing dump --no-cache` of the seeds, 2,223 M instructions):
- the methods of the package's dataclasses: Python 3.11's `dataclass` writes each method of
  a class (`__init__`, `__repr__`, `__eq__`, `__hash__`, a frozen class's `__setattr__` and
  `__delattr__`) as source text and compiles it with `exec`, one text at a time (~210 M);
- its regular expressions: `re` parses a pattern and generates the program the matcher runs
  in Python (the matcher itself is C): ~630 M;
- and, as the view starts, expressions: the `__new__` of each named tuple (Textual's and
  Rich's, about 70), which `collections.namedtuple` writes as an expression and compiles
  with `eval` (~0.3 M instructions each), and the forward references in type hints
  (`"Widget"`, about 270), which `typing` compiles (~0.07 M each).
`python -m briefing.precompile` records them as the package's modules make them and ships
them in `precompiled.bin`; `serve_precompiled` makes `dataclasses` run the shipped code of a
method text it holds, `collections` and `typing` the shipped code of an expression it
holds, and `re` take the shipped program of a pattern it holds, instead of compiling them again.
Anything else (a class, pattern or named tuple changed since the file was built, another
package's) is compiled as before, and what is shipped is what compiling gives, so every
class and pattern is the same either way. The file starts with the bytecode's magic
number and the matcher's version: another Python's file is not used.
"""

from __future__ import annotations

import _sre
import collections
import dataclasses
import importlib.util
import marshal
import re
import typing
from array import array
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from re import _compiler, _parser  # noqa: PLC2701  (what `re.compile` calls to make a program)
from types import CodeType
from typing import Any, NamedTuple, TypeVar

PRECOMPILED_FILE = Path(__file__).with_name("precompiled.bin")
# Then the layout: the tables' values marshalled one by one (see `_Encoded`).
_FORMAT = importlib.util.MAGIC_NUMBER + f"sre {_sre.MAGIC} {_sre.CODESIZE} entries\n".encode()
# The matcher's program is a list of unsigned ints of CODESIZE bytes: kept as their bytes.
_CODE_TYPE = {2: "H", 4: "I"}[_sre.CODESIZE]
_Key = TypeVar("_Key")
_Value = TypeVar("_Value")


class Program(NamedTuple):
    """What `re._compiler.compile` hands the matcher for a pattern (see `_sre.compile`)."""

    flags: int  # the flags given and those set inside the pattern
    code: bytes
    groups: int  # the number of groups, less one
    groupindex: dict[str, int]
    indexgroup: tuple[str | None, ...]


class Precompiled(NamedTuple):
    methods: Mapping[str, CodeType]  # a dataclass method's source text -> its code
    programs: Mapping[tuple[str, int], Program]  # (pattern, flags) -> its program
    expressions: Mapping[str, CodeType]  # an expression's text -> its code (`compile_expression`)


def built_for_this_python(path: Path = PRECOMPILED_FILE) -> bool:
    """Whether the file at `path` was written by this Python's bytecode and matcher."""
    try:
        with path.open("rb") as file:
            return file.read(len(_FORMAT)) == _FORMAT
    except OSError:
        return False


class _Encoded(Mapping[_Key, _Value]):
    """A table of the file, each value kept marshalled until it is asked for: a launch uses
    few of them (a warm view's process 245 of the 629 method texts, 89 of the 496 patterns),
    and decoding all of them was most of reading the file (methods 11.6 M instructions of
    its 16 M)."""

    def __init__(self, encoded: dict[_Key, bytes], decode: Callable[[bytes], _Value]) -> None:
        self._encoded = encoded
        self._decode = decode
        self._decoded: dict[_Key, _Value] = {}  # a forward reference is asked for again

    def get(self, key: _Key, default: Any = None) -> Any:  # what the hooks call
        value = self._decoded.get(key)
        if value is None:
            encoded = self._encoded.get(key)
            if encoded is None:
                return default
            try:
                value = self._decoded[key] = self._decode(encoded)
            except (EOFError, ValueError, TypeError):  # a damaged entry: compiled as before
                return default
        return value

    def __getitem__(self, key: _Key) -> _Value:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[_Key]:
        return iter(self._encoded)

    def __len__(self) -> int:
        return len(self._encoded)


def _program(encoded: bytes) -> Program:
    return Program(*marshal.loads(encoded))


def read_precompiled(path: Path = PRECOMPILED_FILE) -> Precompiled:
    """What `precompile` wrote, each entry decoded when first asked for; nothing when the
    file is missing or another Python wrote it."""
    try:
        data = path.read_bytes()
    except OSError:
        return Precompiled({}, {}, {})
    if not data.startswith(_FORMAT):
        return Precompiled({}, {}, {})
    try:
        methods, programs, expressions = marshal.loads(memoryview(data)[len(_FORMAT) :])
        return Precompiled(
            _Encoded(methods, marshal.loads),
            _Encoded(programs, _program),
            _Encoded(expressions, marshal.loads),
        )
    except (EOFError, ValueError, TypeError):  # a damaged file: compile as before
        return Precompiled({}, {}, {})


def write_precompiled(precompiled: Precompiled, path: Path = PRECOMPILED_FILE) -> None:
    """Writes the tables, each in the order of its keys (the same file for the same
    classes, patterns and named tuples), each value marshalled on its own (see `_Encoded`)."""
    methods = {
        text: marshal.dumps(precompiled.methods[text]) for text in sorted(precompiled.methods)
    }
    programs = {
        key: marshal.dumps(tuple(precompiled.programs[key])) for key in sorted(precompiled.programs)
    }
    expressions = {
        text: marshal.dumps(precompiled.expressions[text])
        for text in sorted(precompiled.expressions)
    }
    # Not compressed: decompressing took as long as the rest of reading it (15 M
    # instructions of the 35 M), at every start (the repository and a wheel compress it).
    path.write_bytes(_FORMAT + marshal.dumps((methods, programs, expressions)))


def compile_like_dataclasses(text: str) -> CodeType:
    """The code `exec(text)` runs in `dataclasses`, which imports no `__future__` feature:
    the calling module's features (this one's `annotations`) are not inherited."""
    return compile(text, "<string>", "exec", dont_inherit=True)


def compile_expression(text: str) -> CodeType:
    """What `typing` compiles a forward reference to (`compile(text, "<string>", "eval")`) and
    `collections` a named tuple's `__new__` (`eval(text)`): neither module imports a
    `__future__` feature, which the calling module's (this one's `annotations`) would add."""
    return compile(text, "<string>", "eval", dont_inherit=True)


def program_of(pattern: str, flags: int) -> Program:
    """The program `re` compiles `pattern` to: what `re._compiler.compile` makes of it."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        indexgroup[index] = name
    return Program(
        flags | parsed.state.flags,
        array(_CODE_TYPE, code).tobytes(),
        parsed.state.groups - 1,
        dict(parsed.state.groupdict),
        tuple(indexgroup),
    )


def serve_precompiled(precompiled: Precompiled) -> None:
    """From now on `dataclasses` runs the code held for a method text, `collections` the code
    held for an expression and `re` takes the program held for a pattern; any other is
    compiled as before."""
    methods, programs, expressions = precompiled
    compile_program = _compiler.compile

    def exec_precompiled(
        source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /
    ) -> None:
        if isinstance(source, str):
            # not `exec(text)` here: it would compile with this module's `__future__`
            source = methods.get(source) or compile_like_dataclasses(source)
        exec(source, globals, locals)

    def eval_precompiled(
        source: Any, globals: dict[str, Any] | None = None, locals: Any = None, /
    ) -> Any:
        if isinstance(source, str):
            # not `eval(text)` here (see `compile_expression`); `eval` skips the spaces
            # and tabs a text starts with
            source = expressions.get(source) or compile_expression(source.lstrip(" \t"))
        return eval(source, globals, locals)

    def compile_in_typing(
        source: Any, filename: str, mode: str, flags: int = 0, _: bool = False, optimize: int = -1
    ) -> Any:
        # a forward reference: `compile(text, "<string>", "eval")`
        usual = (filename, mode, flags, optimize) == ("<string>", "eval", 0, -1)
        if usual and isinstance(source, str):
            return expressions.get(source) or compile_expression(source)
        # `typing` imports no `__future__` feature for its compilations to inherit
        return compile(source, filename, mode, flags, True, optimize)

    def compile_precompiled(pattern: Any, flags: int = 0) -> re.Pattern[Any]:
        program = programs.get((pattern, flags)) if isinstance(pattern, str) else None
        if program is None:
            return compile_program(pattern, flags)
        return _sre.compile(
            pattern,
            program.flags,
            array(_CODE_TYPE, program.code).tolist(),
            program.groups,
            dict(program.groupindex),
            program.indexgroup,
        )

    # `dataclasses` calls `exec` (`collections` `eval`, `typing` `compile`) by its global
    # name: a module attribute of that name comes before the builtin. `re.compile` and
    # `re`'s functions call `_compiler.compile`.
    dataclasses.exec = exec_precompiled  # type: ignore[attr-defined]
    collections.eval = eval_precompiled  # type: ignore[attr-defined]
    typing.compile = compile_in_typing  # type: ignore[attr-defined]
    _compiler.compile = compile_precompiled
