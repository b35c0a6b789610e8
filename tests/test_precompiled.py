"""Dataclass methods and regular expressions served precompiled (briefing.precompiled): the
same classes and patterns as compiling makes, and a shipped file that matches the package."""

from __future__ import annotations

import collections
import dataclasses
import inspect
import json
import marshal
import os
import re
import subprocess
import sys
import typing
from collections.abc import Callable, Iterator
from re import _compiler  # noqa: PLC2701
from types import CodeType
from typing import Any

import pytest

from briefing.precompiled import (
    PRECOMPILED_FILE,
    Precompiled,
    built_for_this_python,
    compile_expression,
    compile_like_dataclasses,
    program_of,
    read_precompiled,
    serve_precompiled,
    write_precompiled,
)

# The builtins `serve_precompiled` shadows, by module.
_HOOKS = ((dataclasses, "exec"), (collections, "eval"), (typing, "compile"))
METHODS = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")


@pytest.fixture(autouse=True)
def _restore_hooks() -> Iterator[None]:
    served = {module: vars(module).get(name) for module, name in _HOOKS}
    compile_program = _compiler.compile
    yield
    _compiler.compile = compile_program
    for (module, name), hook in zip(_HOOKS, served.values(), strict=True):
        if hook is None:
            vars(module).pop(name, None)
        else:
            setattr(module, name, hook)


def _plain_dataclasses() -> None:
    # `dataclasses` as Python ships it: `exec` is the builtin again.
    dataclasses.__dict__.pop("exec", None)


def _define() -> type:
    @dataclasses.dataclass(frozen=True)
    class Sample:
        """A sample of each kind of field."""

        name: str
        count: int = 3
        tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)
        note: str = dataclasses.field(default="", compare=False, repr=False)

    return Sample


def _recording(texts: dict[str, CodeType]) -> Callable[..., None]:
    def exec_recording(source: Any, globals: Any = None, locals: Any = None, /) -> None:
        texts[source] = compile_like_dataclasses(source)
        exec(texts[source], globals, locals)

    return exec_recording


def _same_class(served: type, plain: type) -> None:
    for method in METHODS:
        assert getattr(served, method).__code__ == getattr(plain, method).__code__, method
        assert getattr(served, method).__qualname__ == getattr(plain, method).__qualname__
    assert inspect.signature(served) == inspect.signature(plain)
    assert served.__init__.__annotations__ == plain.__init__.__annotations__
    assert [f.name for f in dataclasses.fields(served)] == ["name", "count", "tags", "note"]
    one, other = served("a", tags=("x",), note="n"), plain("a", tags=("x",), note="n")
    assert repr(one) == repr(other) == "_define.<locals>.Sample(name='a', count=3, tags=('x',))"
    assert one == served("a", 3, ("x",), "other note") and hash(one) == hash(served("a", 3, ("x",)))
    assert dataclasses.replace(one, count=4).count == 4
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.count = 5  # type: ignore[misc]


def test_a_class_defined_from_served_code_is_the_class_dataclasses_compiles() -> None:
    _plain_dataclasses()
    plain = _define()
    texts: dict[str, CodeType] = {}
    dataclasses.exec = _recording(texts)  # type: ignore[attr-defined]
    _define()
    assert len(texts) == len(METHODS)
    serve_precompiled(Precompiled(texts, {}, {}))
    served = _define()
    _same_class(served, plain)
    # the served code ran: each method's code is the one held (in the code of the function
    # `dataclasses` defines to make it), not a new compilation
    makers = [const for code in texts.values() for const in code.co_consts]
    held = [const for maker in makers if isinstance(maker, CodeType) for const in maker.co_consts]
    for method in METHODS:
        code = inspect.unwrap(getattr(served, method)).__code__  # __repr__ has a wrapper
        assert any(code is const for const in held), method


def test_a_text_not_served_is_compiled_as_dataclasses_compiles_it() -> None:
    # This module's `annotations` feature must not reach the compiled methods (their
    # annotations would turn into strings).
    _plain_dataclasses()
    plain = _define()
    serve_precompiled(Precompiled({}, {}, {}))
    _same_class(_define(), plain)
    assert _define().__init__.__annotations__["return"] is None


def test_a_pattern_served_precompiled_is_the_pattern_re_compiles() -> None:
    source = r"(?P<day>\d{1,2})\s+(?i:of\s+)?(?P<month>May|June)(?:,\s*(\d{4}))?"
    flags = int(re.MULTILINE)
    plain = _compiler.compile(source, flags)
    program = program_of(source, flags)
    # a program that is not the pattern's own, to tell it was used
    other = program_of("x", flags)
    serve_precompiled(Precompiled({}, {(source, flags): program, ("y", 0): other}, {}))
    served = _compiler.compile(source, flags)
    # Patterns compare their source, flags and matcher program.
    assert served == plain and served is not plain
    assert (
        (served.groups, served.groupindex)
        == (plain.groups, plain.groupindex)
        == (3, {"day": 1, "month": 2})
    )
    match = served.search("on 12 OF June, 2024")
    assert match is not None and match.group("day", "month", 3) == ("12", "June", "2024")
    assert _compiler.compile("y").search("xy").group() == "x"  # the program held, not "y"'s
    assert _compiler.compile("z").pattern == "z"  # not held: compiled as before


def test_the_file_holds_what_was_written_for_this_python_only(tmp_path: Any) -> None:
    code = compile_like_dataclasses("x = 1")
    expression = "lambda _cls, x: _tuple_new(_cls, (x,))"
    written = Precompiled(
        {"x = 1": code},
        {("a|b", 0): program_of("a|b", 0)},
        {expression: compile_expression(expression)},
    )
    path = tmp_path / "precompiled.bin"
    write_precompiled(written, path)
    assert read_precompiled(path) == written
    nothing = ({}, {}, {})
    write_precompiled(Precompiled(*nothing), path)
    empty = path.read_bytes()
    header = empty[: len(empty) - len(marshal.dumps(nothing))]
    path.write_bytes(header + b"damaged")
    assert read_precompiled(path) == nothing
    path.write_bytes(header + marshal.dumps(({}, {})))  # the file of two tables before
    assert read_precompiled(path) == nothing
    write_precompiled(written, path)
    path.write_bytes(b"\0\0\0\0" + path.read_bytes()[4:])  # another Python's magic number
    assert read_precompiled(path) == nothing
    assert read_precompiled(tmp_path / "missing.bin") == nothing


def test_each_entry_is_decoded_when_asked_for_a_damaged_one_compiled_as_before(
    tmp_path: Any,
) -> None:
    # A launch uses few of the file's entries: each stays marshalled until it is asked for.
    good, bad = "x = 1", "y = 2"
    codes = {text: compile_like_dataclasses(text) for text in (good, bad)}
    path = tmp_path / "precompiled.bin"
    write_precompiled(Precompiled(codes, {("a|b", 0): program_of("a|b", 0)}, {}), path)
    entry = marshal.dumps(codes[bad])
    damaged = path.read_bytes().replace(entry, b"\xff" * len(entry), 1)
    assert damaged != path.read_bytes()
    path.write_bytes(damaged)
    served = read_precompiled(path)
    assert set(served.methods) == {good, bad}
    assert served.methods.get(good) == codes[good]
    assert served.methods.get(bad) is None  # the hook compiles it then
    assert served.programs[("a|b", 0)] == program_of("a|b", 0)
    with pytest.raises(KeyError):
        served.programs[("a|c", 0)]
    serve_precompiled(served)
    namespace: dict[str, Any] = {}
    dataclasses.exec(bad, namespace)  # type: ignore[attr-defined]
    assert namespace["y"] == 2


def test_a_named_tuple_served_precompiled_is_the_one_collections_compiles() -> None:
    plain = collections.namedtuple("Point", "x y")
    texts: dict[str, CodeType] = {}
    evaluate = vars(collections).get("eval", eval)

    def recording(source: Any, globals: Any = None, locals: Any = None, /) -> Any:
        texts[source] = compile_expression(source)
        return evaluate(texts[source], globals, locals)

    collections.eval = recording  # type: ignore[attr-defined]
    try:
        collections.namedtuple("Point", "x y")
    finally:
        collections.eval = evaluate  # type: ignore[attr-defined]
    (text,) = texts
    serve_precompiled(Precompiled({}, {}, texts))
    served = collections.namedtuple("Point", "x y")
    # the held code ran, not a new compilation
    assert served.__new__.__code__ is texts[text].co_consts[0]
    point = served(1, y=2)
    assert point == plain(1, 2) and point._asdict() == {"x": 1, "y": 2}
    assert served.__new__.__defaults__ == plain.__new__.__defaults__
    assert served.__new__.__code__ == plain.__new__.__code__
    # a named tuple not held is compiled as before
    other = collections.namedtuple("Other", "a b c", defaults=(3,))
    assert other(1, 2) == (1, 2, 3)


def test_a_forward_reference_served_precompiled_is_the_one_typing_compiles() -> None:
    plain = typing.ForwardRef("dict[str, Widget]")
    held = compile_expression("dict[str, Widget]")
    serve_precompiled(Precompiled({}, {}, {"dict[str, Widget]": held}))
    served = typing.ForwardRef("dict[str, Widget]")
    assert served.__forward_code__ is held
    assert served.__forward_code__ == plain.__forward_code__
    assert served == plain
    # not held: compiled as `typing` compiles it (without this module's `__future__`)
    other = compile("Other", "<string>", "eval", dont_inherit=True)
    assert typing.ForwardRef("Other").__forward_code__ == other
    with pytest.raises(SyntaxError):  # as before: not an expression
        typing.ForwardRef("not an expression")


@pytest.mark.parametrize("hash_seed", ["1", "3"])
def test_the_shipped_file_is_what_the_package_compiles(tmp_path: Any, hash_seed: str) -> None:
    # Fails when a dataclass or pattern changed since the file was built: run the command
    # it prints. Another Python (another bytecode) cannot use the file: it runs as before.
    # Two hash seeds: what a run compiles must not hang on a set's order (a search that
    # stops at its first match compiled other patterns under other seeds).
    if not built_for_this_python(PRECOMPILED_FILE):
        pytest.skip(f"{PRECOMPILED_FILE.name} was built for another Python")
    run = subprocess.run(
        [sys.executable, "-m", "briefing.precompile", "--check"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "XDG_CACHE_HOME": str(tmp_path), "PYTHONHASHSEED": hash_seed},
    )
    assert run.returncode == 0, run.stdout + run.stderr
    shipped = read_precompiled()
    assert len(shipped.methods) > 400 and len(shipped.programs) > 300


# In a fresh interpreter: what the view's modules (Textual, Rich and ours) have compiled
# as they are imported, not served from the file, each with the module that asked for it.
_VIEW_IMPORT_COMPILES = """
import sys
import briefing
import briefing.precompiled as served
from re import _parser

compiled = []

def asker():
    frame = sys._getframe(2)
    while frame.f_globals.get("__name__", "").split(".")[0] in ("re", "briefing"):
        frame = frame.f_back
    return frame.f_globals.get("__name__", "")

parse = _parser.parse
def parse_counted(source, flags=0, state=None):
    if isinstance(source, str):
        compiled.append(("pattern", asker()))
    return parse(source, flags, state)

compile_method = served.compile_like_dataclasses
def compile_counted(text):
    compiled.append(("method", text.split("(")[0]))
    return compile_method(text)

compile_expression = served.compile_expression
def expression_counted(text):
    compiled.append(("expression", asker()))
    return compile_expression(text)

_parser.parse = parse_counted
served.compile_like_dataclasses = compile_counted
served.compile_expression = expression_counted
import json
import briefing.tui.app
print(json.dumps(compiled))
"""


def test_the_view_s_libraries_start_served_from_the_file() -> None:
    # Textual's import compiled its patterns and dataclass methods (a quarter of it), and
    # its named tuples and forward references (2% of a warm launch's view).
    if not built_for_this_python(PRECOMPILED_FILE):
        pytest.skip(f"{PRECOMPILED_FILE.name} was built for another Python")
    run = subprocess.run(
        [sys.executable, "-c", _VIEW_IMPORT_COMPILES],
        capture_output=True,
        text=True,
        check=True,
    )
    compiled = json.loads(run.stdout)
    assert not [kind for kind, _ in compiled if kind == "method"], compiled
    libraries = ("textual", "rich", "platformdirs")
    assert not [who for _, who in compiled if who.split(".")[0] in libraries], compiled
