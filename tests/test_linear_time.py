"""No input makes a stage take more than linear time.

Adversarial shapes (a repeated segment, a long run of one character, deep nesting) are fed
at two sizes and the time ratio between them is asserted: a linear stage takes about 4x as
long on 4x the input, a quadratic one 16x, an exponential one forever. Ratios from one run
are compared, never wall-clock limits; each size is timed in CPU seconds (which other
jobs on a busy machine do not add to) a few times and the fastest kept. Inputs stay
below ~100 KB: beyond the processor's caches every pass slows down per character,
linear or not.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.annotate.actors import compile_profile
from briefing.annotate.sentences import split_sentences, words
from briefing.extract import extract_article
from briefing.ingest import decode_document
from briefing.pipeline import process_document
from briefing.profile import load_profile
from briefing.safety import clean_text

SIZE_RATIO = 4
# Linear: 4x; n log n: a little more; quadratic: 16x.
MAX_GROWTH = 9.0
RUNS = 3
# A busy machine can slow one measurement: a stage is judged by its better of two.
ATTEMPTS = 3


# Each timing repeats the stage for at least this long, so that short runs are not noise.
MIN_TIMING_SECONDS = 0.02


def _calls_for(run: Callable[[], object]) -> int:
    start = time.process_time()
    run()
    return max(1, int(MIN_TIMING_SECONDS / max(time.process_time() - start, 1e-6)))


def _per_call(run: Callable[[], object], calls: int) -> float:
    start = time.process_time()
    for _ in range(calls):
        run()
    return (time.process_time() - start) / calls


def _fastest(*runs: Callable[[], object]) -> list[float]:
    """Seconds per call of each of `runs`: the best of RUNS rounds, each of enough calls.
    The runs take turns within a round, so a busy spell slows all of them alike."""
    calls = [_calls_for(run) for run in runs]
    best = [float("inf")] * len(runs)
    for _ in range(RUNS):
        for n, run in enumerate(runs):
            best[n] = min(best[n], _per_call(run, calls[n]))
    return best


def growth(stage: Callable[[str], object], shape: Callable[[int], str], size: int) -> float:
    """How much longer `stage` takes on `shape(size * SIZE_RATIO)` than on `shape(size)`."""
    small, large = shape(size), shape(size * SIZE_RATIO)
    small_time, large_time = _fastest(lambda: stage(small), lambda: stage(large))
    return large_time / max(small_time, 1e-9)


PAGE_HEAD = "A headline about talks in the capital this week\n\n"
BODY = (
    "Officials said on Friday that the talks would resume next week in the capital, "
    "after a pause of several days.\n\n"
) * 3


def _page(middle: str) -> str:
    return f"{PAGE_HEAD}{middle}\n\n{BODY}"


def _extract(text: str) -> object:
    return extract_article(text, "page.txt")


_TAGGER = compile_profile(load_profile())


def _annotate(text: str) -> object:
    """Extraction and annotation (sentences, actors, dates) of one page."""
    document = decode_document("page.txt", text.encode())
    assert not isinstance(document, str)
    return process_document(document, "a1", _TAGGER)


# (stage, shape, base size): each case a hang found in review, plus generic shapes.
CASES: dict[str, tuple[Callable[[str], object], Callable[[int], str], int]] = {
    # clean_text: a vertical tab then a long run of spaces (was 31 s on 164 KB).
    "clean_text vertical tab and spaces": (clean_text, lambda n: "a\x0b" + " " * n + "b", 20_000),
    "clean_text spaces then one vertical tab": (
        clean_text,
        lambda n: "a" + " " * n + "\x0bb",
        20_000,
    ),
    "clean_text escape starts": (clean_text, lambda n: "\x1b[" * n, 10_000),
    # Sentence splitting rescanned the paragraph from its start (112 KB: 25 s).
    "split_sentences 'the. A '": (split_sentences, lambda n: "the. A " * n, 2_500),
    "split_sentences run of dots": (split_sentences, lambda n: "x " + "." * n + " y", 20_000),
    "split_sentences spaced dots": (split_sentences, lambda n: "x " + ". " * n + "y", 10_000),
    "split_sentences question marks": (split_sentences, lambda n: "x" + "?" * n + "!", 20_000),
    "split_sentences run-on titles": (split_sentences, lambda n: "snap The couple " * n, 5_000),
    "words dotted letters": (words, lambda n: "a." * n + "ab", 10_000),
    # Extraction: a run of 40,000 dots in a paragraph (81 s).
    "extract run of dots": (
        _extract,
        lambda n: _page("Some words " + "." * n + " and more."),
        10_000,
    ),
    "extract hard-wrapped paragraph": (
        _extract,
        lambda n: _page("the start of a wrapped paragraph of words\n" * n),
        500,
    ),
    "extract company forms": (
        _extract,
        lambda n: _page("© 2024 Owner" + " Inc" * n + " x"),
        2_000,
    ),
    "extract capitals": (_extract, lambda n: _page("A" * n + "/x"), 10_000),
    "extract brackets": (_extract, lambda n: _page("[" * n + "x"), 10_000),
    "annotate a sentence of many years": (
        _annotate,
        lambda n: _page("Talks were held in " + "2024 and " * n + "2025 in the capital."),
        2_000,
    ),
    "annotate a sentence of many actors": (
        _annotate,
        lambda n: _page("Officials said " + "Assad, Turkey and the rebels, " * n + "met."),
        500,
    ),
    "ingest html-looking text": (
        lambda text: decode_document("page.txt", text.encode()),
        lambda n: " " * n + "<html" + "x" * n,
        10_000,
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_time_grows_linearly(name: str) -> None:
    stage, shape, size = CASES[name]
    ratio = growth(stage, shape, size)
    for _ in range(ATTEMPTS - 1):  # measured again only when it looks too slow
        if ratio < MAX_GROWTH:
            break
        ratio = min(ratio, growth(stage, shape, size))
    assert ratio < MAX_GROWTH, f"{name}: {SIZE_RATIO}x the input took {ratio:.1f}x the time"


def test_person_name_row_is_not_exponential() -> None:
    """A header row "Aal-Aal-...-Aal!" next to a date row: the person-name pattern matched
    each part two ways (9 s at 22 parts, doubling with each more)."""

    def shape(parts: int) -> str:
        return _page("-".join(["Aal"] * parts) + "!\n\nDecember 6, 2024")

    # Parts, not bytes, set the cost: 12 -> 18 parts was 64x the work before the fix.
    small, large = shape(12), shape(18)
    small_time, large_time = _fastest(lambda: _extract(small), lambda: _extract(large))
    ratio = large_time / small_time
    assert ratio < 3, f"6 more name parts took {ratio:.1f}x the time"


# Characters the patterns above treat specially: punctuation that ends sentences, quotes,
# brackets, separators of names and dates, spaces and breaks, escapes.
_HOSTILE_ALPHABET = ".!?…'’\"“”()[]-/,:;© \t\n\x0b\x1bAa1"


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(segment=st.text(alphabet=_HOSTILE_ALPHABET, min_size=1, max_size=6))
def test_any_repeated_segment_is_linear(segment: str) -> None:
    """Any short segment of those characters, repeated: cleaning, sentence splitting and
    word splitting grow linearly with the number of repeats."""

    def stage(text: str) -> object:
        cleaned = clean_text(text)
        return [words(s) for s in split_sentences(cleaned)]

    size = max(1, 5_000 // len(segment))
    ratio = growth(stage, lambda n: "Words " + segment * n + " end.", size)
    for _ in range(ATTEMPTS - 1):
        if ratio < MAX_GROWTH:
            break
        ratio = min(ratio, growth(stage, lambda n: "Words " + segment * n + " end.", size))
    assert ratio < MAX_GROWTH, f"{segment!r}: {SIZE_RATIO}x the repeats took {ratio:.1f}x the time"


def _extracts_linearly(shape: Callable[[int], str], size: int) -> None:
    """Cleaning and extraction of `shape(size)` pages grow about linearly (judged by the best
    of ATTEMPTS measurements when one looks too slow)."""

    def stage(text: str) -> object:
        return _extract(clean_text(text))

    ratio = growth(stage, shape, size)
    for _ in range(ATTEMPTS - 1):
        if ratio < MAX_GROWTH:
            break
        ratio = min(ratio, growth(stage, shape, size))
    assert ratio < MAX_GROWTH, f"{shape(1)!r}: {SIZE_RATIO}x the repeats took {ratio:.1f}x the time"


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(segment=st.text(alphabet=_HOSTILE_ALPHABET, min_size=1, max_size=6))
def test_any_repeated_segment_extracts_linearly(segment: str) -> None:
    """Extraction of a page whose middle repeats any short segment of those characters (many
    short lines, one long line of brackets) grows linearly too."""
    _extracts_linearly(
        lambda n: _page("Words " + segment * n + " end."), max(1, 5_000 // len(segment))
    )


@pytest.mark.parametrize("segment", [";/\x0b\n", ";/\x0b", "\x0b;\x0b/\n\n"])
def test_short_lines_of_separators_extract_linearly(segment: str) -> None:
    """The shapes once measured growing ~11x for 4x (on a busy machine: each profile since is
    linear): many short lines of ';/' with vertical tabs."""
    _extracts_linearly(lambda n: _page(segment * n), 2_000)
