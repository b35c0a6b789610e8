"""Tell a regular expression that can take exponential time from one that cannot.

Python's `re` backtracks: `^(\\w+\\s?)*$` on forty letters and a "!" tries every way of
cutting the letters into words, and never returns. Users write their own patterns in
profiles, so each is checked when the profile is loaded; this is the usual "star height"
check (as in safe-regex): a repeated group must not itself contain a repeat, and the
alternatives of a repeated group must not be able to start on the same character.
A possessive quantifier (`\\w++`) or an atomic group (`(?>...)`) never gives back what it
took, so it is safe to repeat.
"""

from __future__ import annotations

import re
import string
from re import _constants as sre  # noqa: PLC2701  (the parser is the only way to see the tree)
from re import _parser as sre_parse  # noqa: PLC2701

# A bounded repeat this long behaves like an unbounded one (n**k steps for k nested levels).
_LONG_REPEAT = 16
# The characters first-character sets are computed over: enough of each class to tell
# whether two alternatives can start alike.
_PROBES = frozenset(string.printable + "\u00a0éÉßøАаЖж٣ع中の")

_Tree = list[tuple[object, object]]


def unsafe_repetition(pattern: str) -> str | None:
    """Why `pattern` can take exponential time, or None when it cannot.

    Raises re.error (and RecursionError for absurdly nested groups) like re.compile.
    """
    return _check(list(sre_parse.parse(pattern).data), repeated=False)


def _check(tree: _Tree, *, repeated: bool) -> str | None:
    for op, value in tree:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, body = value  # type: ignore[misc]
            repeats = high is sre.MAXREPEAT or high >= _LONG_REPEAT
            # A fixed count ("x{3}") or an optional part ("x?") cuts the text only one way.
            if repeated and low != high and (high is sre.MAXREPEAT or high > 1):
                return "a repeat inside a repeated group"
            if repeats and (problem := _overlapping_branches(list(body))):
                return problem
            problem = _check(list(body), repeated=repeated or repeats)
        elif op in (sre.POSSESSIVE_REPEAT, sre.ATOMIC_GROUP):
            # Never backtracks into itself; what it contains is checked on its own.
            body = value[2] if op is sre.POSSESSIVE_REPEAT else value  # type: ignore[index]
            problem = _check(list(body), repeated=False)
        elif op is sre.SUBPATTERN:
            problem = _check(list(value[3]), repeated=repeated)  # type: ignore[index]
        elif op is sre.BRANCH:
            problem = next(
                (p for b in value[1] if (p := _check(list(b), repeated=repeated))),  # type: ignore[index]
                None,
            )
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            problem = _check(list(value[1]), repeated=False)  # type: ignore[index]
        elif op is sre.GROUPREF_EXISTS:
            problem = next(
                (p for b in value[1:] if b and (p := _check(list(b), repeated=repeated))),  # type: ignore[index]
                None,
            )
        else:
            problem = None
        if problem:
            return problem
    return None


def _overlapping_branches(body: _Tree) -> str | None:
    """Alternatives directly inside a repeated group that can start on the same character
    (`(a|ab)*`, `(\\w|\\d)+`): each repetition may take either, so the ways multiply."""
    for op, value in body:
        if op is sre.SUBPATTERN:
            return _overlapping_branches(list(value[3]))  # type: ignore[index]
        if op is not sre.BRANCH:
            continue
        seen: set[str] = set()
        for branch in value[1]:  # type: ignore[index]
            first, _ = _first_characters(list(branch))
            if first & seen:
                return "alternatives in a repeated group that can match the same text"
            seen |= first
    return None


def _first_characters(tree: _Tree) -> tuple[set[str], bool]:
    """The probe characters `tree` can start with, and whether it can match nothing."""
    found: set[str] = set()
    for op, value in tree:
        first, empty = _first_of(op, value)
        found |= first
        if not empty:
            return found, False
    return found, True


def _first_of(op: object, value: object) -> tuple[set[str], bool]:
    if op is sre.LITERAL:
        char = chr(value)  # type: ignore[arg-type]
        return {char, char.lower(), char.upper()} & _PROBES | {char}, False
    if op is sre.NOT_LITERAL:
        return set(_PROBES) - {chr(value)}, False  # type: ignore[arg-type]
    if op is sre.ANY:
        return set(_PROBES), False
    if op is sre.IN:
        members = _set_matcher(value)  # type: ignore[arg-type]
        return {c for c in _PROBES if members.match(c)}, False
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, body = value  # type: ignore[misc]
        first, empty = _first_characters(list(body))
        return first, empty or low == 0
    if op is sre.SUBPATTERN:
        return _first_characters(list(value[3]))  # type: ignore[index]
    if op is sre.ATOMIC_GROUP:
        return _first_characters(list(value))  # type: ignore[arg-type]
    if op is sre.BRANCH:
        found: set[str] = set()
        empty = False
        for branch in value[1]:  # type: ignore[index]
            first, branch_empty = _first_characters(list(branch))
            found |= first
            empty = empty or branch_empty
        return found, empty
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return set(), True
    # Back-references and conditionals: anything, possibly nothing.
    return set(_PROBES), True


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}


def _set_matcher(items: list[tuple[object, object]]) -> re.Pattern[str]:
    """A one-character pattern for a parsed character class `[...]`."""
    parts: list[str] = []
    negate = False
    for op, value in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            parts.append(re.escape(chr(value)))  # type: ignore[arg-type]
        elif op is sre.RANGE:
            low, high = value  # type: ignore[misc]
            parts.append(f"{re.escape(chr(low))}-{re.escape(chr(high))}")
        elif op is sre.CATEGORY:
            parts.append(_CATEGORIES.get(value, r"\s\S"))  # type: ignore[call-overload]
        else:  # a compiled charset form the parser does not emit: be cautious
            parts.append(r"\s\S")
    body = "".join(parts) or r"\s\S"
    return re.compile(f"[{'^' if negate else ''}{body}]")
