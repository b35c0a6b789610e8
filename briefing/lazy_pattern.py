"""Patterns compiled when first used, not when their module is imported.

Compiling a regular expression runs `re`'s parser and code generator, both written in
Python: the engine's modules define a few hundred patterns, and compiling them is a good
part of a cold start on a few pages (a TUI launch waits for it). Many serve only some pages
(captions, list labels, legal lines, other languages' dates, rare phrasings). `lazy_compile`
stands in for `re.compile` where such a pattern is defined: the first use compiles it, and
from then on its methods are the compiled pattern's own, held in slots, so a call costs what
a call of the compiled pattern's method does (a hook on every attribute read, `__getattr__`,
cost 7% more a search).
"""

from __future__ import annotations

import re
from functools import partial
from typing import Any, cast

# A compiled pattern's methods, each held by the stand-in once it is compiled.
_METHODS = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
)


class LazyPattern:
    """`re.compile(pattern, flags)`, made when one of its methods is first called or its
    `flags`, `groups` or `groupindex` first read (not for `pattern` or `given_flags`)."""

    __slots__ = ("pattern", "given_flags", "_compiled", *_METHODS)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.given_flags = flags
        self._compiled: re.Pattern[str] | None = None
        for method in _METHODS:
            setattr(self, method, partial(self._first_call, method))

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now, if not yet), whose methods it takes on."""
        if self._compiled is None:
            compiled = re.compile(self.pattern, self.given_flags)
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
            self._compiled = compiled
        return self._compiled

    def _first_call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        return getattr(self.compiled(), method)(*args, **kwargs)

    @property
    def flags(self) -> int:
        return self.compiled().flags

    @property
    def groups(self) -> int:
        return self.compiled().groups

    @property
    def groupindex(self) -> Any:
        return self.compiled().groupindex

    def __reduce__(self) -> tuple[Any, ...]:
        # Its methods cannot be pickled; its source and flags can.
        return (LazyPattern, (self.pattern, self.given_flags))

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self.given_flags})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A stand-in for `re.compile(pattern, flags)` that compiles it when first used. Typed
    as the compiled pattern: it answers all that one does (its methods, `pattern`, `flags`,
    `groups`, `groupindex`); only `re`'s own functions (`re.sub(P, ...)`) need the real one."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))


def without_ignorecase(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` made case-sensitive: compiled when first used if `pattern` is (the flags
    it was given, less IGNORECASE, make the pattern `re.compile` makes from its flags)."""
    if isinstance(pattern, LazyPattern):
        return lazy_compile(pattern.pattern, pattern.given_flags & ~re.IGNORECASE)
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
