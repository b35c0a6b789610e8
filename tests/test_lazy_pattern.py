"""Patterns compiled when first used (`briefing.lazy_pattern`): they answer as the compiled
pattern does, and a cold run compiles none that its pages do not need."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

from briefing.lazy_pattern import LazyPattern, lazy_compile, without_ignorecase

_SOURCE = r"(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]+)|ſ"
_TEXT = "On 7 October and 25 May, ſ and S; 12 june"


def _compiled_yet(pattern: re.Pattern[str]) -> bool:
    return not isinstance(pattern, LazyPattern) or pattern._compiled is not None


def test_a_lazy_pattern_answers_as_the_compiled_pattern() -> None:
    for flags in (0, re.IGNORECASE, re.IGNORECASE | re.ASCII, re.MULTILINE):
        lazy, compiled = lazy_compile(_SOURCE, flags), re.compile(_SOURCE, flags)
        assert not _compiled_yet(lazy)
        assert lazy.pattern == compiled.pattern
        assert [m.span() for m in lazy.finditer(_TEXT)] == [
            m.span() for m in compiled.finditer(_TEXT)
        ]
        assert _compiled_yet(lazy)
        # From then on its methods are the compiled pattern's own: no step in between.
        assert lazy.search.__self__ is lazy.finditer.__self__ is lazy.compiled()
        assert lazy.search(_TEXT, 5).groupdict() == compiled.search(_TEXT, 5).groupdict()
        assert lazy.match(_TEXT, 3).span() == compiled.match(_TEXT, 3).span()
        assert lazy.match(_TEXT) is compiled.match(_TEXT) is None
        assert lazy.findall(_TEXT) == compiled.findall(_TEXT)
        assert lazy.sub("<\\g<0>>", _TEXT) == compiled.sub("<\\g<0>>", _TEXT)
        assert lazy.split(_TEXT) == compiled.split(_TEXT)
        assert (lazy.flags, lazy.groups, lazy.groupindex) == (
            compiled.flags,
            compiled.groups,
            compiled.groupindex,
        )


def test_its_flags_are_the_compiled_ones_and_compile_it() -> None:
    lazy = lazy_compile("(?x) a b", re.IGNORECASE)
    assert lazy.flags == re.compile("(?x) a b", re.IGNORECASE).flags
    assert _compiled_yet(lazy)


def test_a_bad_pattern_fails_where_it_is_used() -> None:
    lazy = lazy_compile("(unclosed")
    try:
        lazy.search("x")
    except re.error:
        pass
    else:
        raise AssertionError("a bad pattern must raise re.error when used")


def test_a_lazy_pattern_pickles_as_its_source_uncompiled() -> None:
    lazy = lazy_compile(_SOURCE, re.IGNORECASE)
    lazy.search(_TEXT)
    again = pickle.loads(pickle.dumps(lazy))
    assert isinstance(again, LazyPattern) and not _compiled_yet(again)
    assert again.findall(_TEXT) == lazy.findall(_TEXT)


def test_its_case_sensitive_twin_is_the_one_compile_makes() -> None:
    for pattern in (lazy_compile(_SOURCE, re.IGNORECASE), re.compile(_SOURCE, re.IGNORECASE)):
        twin = without_ignorecase(pattern)
        expected = re.compile(_SOURCE)
        assert twin.flags == expected.flags
        assert twin.findall(_TEXT.lower()) == expected.findall(_TEXT.lower())
    lazy = lazy_compile(_SOURCE, re.IGNORECASE)
    without_ignorecase(lazy)
    assert not _compiled_yet(lazy)


# Patterns of pages the seeds are not: captions, list labels, legal lines, dates opening a
# line with the day, a state's attacks after its name.
_NOT_FOR_THE_SEEDS = (
    "briefing.extract.vocabulary.CAPTION",
    "briefing.extract.vocabulary.LIST_LABEL",
    "briefing.extract.vocabulary.BOILERPLATE",
    "briefing.extract.vocabulary.LEGAL_SUFFIX",
    "briefing.extract.dates.DAY_MONTH_START",
)


def test_a_cold_run_on_the_seeds_compiles_none_of_the_patterns_they_do_not_need(
    tmp_path: Path,
) -> None:
    names = ", ".join(
        f"({n.rsplit('.', 1)[0]!r}, {n.rsplit('.', 1)[1]!r})" for n in _NOT_FOR_THE_SEEDS
    )
    script = (
        "import sys\n"
        "from briefing.pipeline import build_briefing\n"
        "build_briefing([])\n"
        f"for module, name in [{names}]:\n"
        "    pattern = getattr(sys.modules[module], name)\n"
        "    print(module, name, getattr(pattern, '_compiled', pattern) is not None)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-c", f"import re\n{script}"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    compiled = [line.rsplit(" ", 1)[0] for line in run.stdout.splitlines() if line.endswith("True")]
    assert len(run.stdout.splitlines()) == len(_NOT_FOR_THE_SEEDS)
    assert compiled == []
