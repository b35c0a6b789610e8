"""Patterns compiled when first used, not when their module is imported.

Compiling a regular expression runs `re`'s parser and code generator, both written in
Python: the engine's modules define a few hundred patterns, and compiling them was about a
third of a cold start on a few pages (a TUI launch waits for it). Many of them serve only
some pages (captions, list labels, legal lines, other languages' dates, rare phrasings).
`lazy_compile` stands in for `re.compile` where such a pattern is defined: the first use
compiles it, and from then on its methods are the compiled pattern's own (kept on the
stand-in), so using it costs what using the compiled pattern does.
"""

from __future__ import annotations

import re
from typing import Any, cast

# What a compiled pattern answers, copied onto the stand-in once it is compiled.
_ANSWERS = (
    "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
    "flags", "groups", "groupindex",
)  # fmt: skip


class LazyPattern:
    """`re.compile(pattern, flags)`, made when something first asks for more than the
    pattern's source (`pattern`) or the flags it was given (`given_flags`)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.given_flags = flags

    def __getattr__(self, name: str) -> Any:
        # Called only for what the stand-in does not hold yet: compile and keep the answers.
        compiled = re.compile(self.pattern, self.given_flags)
        for answer in _ANSWERS:
            setattr(self, answer, getattr(compiled, answer))
        return getattr(compiled, name)

    def __reduce__(self) -> tuple[Any, ...]:
        # Its compiled methods cannot be pickled; the pattern's source and flags can.
        return (LazyPattern, (self.pattern, self.given_flags))

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r}, {self.given_flags})"


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A stand-in for `re.compile(pattern, flags)` that compiles it when first used. Typed
    as the compiled pattern: it answers all that one does (its methods, `flags`, `groups`,
    `groupindex`); only `re`'s own functions (`re.sub(P, ...)`) need the compiled one."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))


def without_ignorecase(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` made case-sensitive, compiled when first used if `pattern` is."""
    if isinstance(pattern, LazyPattern):
        return lazy_compile(pattern.pattern, pattern.given_flags & ~re.IGNORECASE)
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
