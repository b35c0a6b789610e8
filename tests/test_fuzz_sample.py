"""A small deterministic sample of benchmarks/fuzz.py's inputs, run in CI: every kind of
generated input (mutated pages, random bytes and Unicode, markup, HTML, adversarial shapes)
is briefed and rendered without a crash and without a control byte in the output. The
full run (10,000 inputs, with a time limit per input) is `python benchmarks/fuzz.py`."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz.py"
_spec = importlib.util.spec_from_file_location("fuzz", _SCRIPT)
assert _spec and _spec.loader
fuzz = importlib.util.module_from_spec(_spec)
sys.modules["fuzz"] = fuzz  # its dataclasses look their module up
_spec.loader.exec_module(fuzz)

SEED = 20261126
SAMPLE = 36  # six of each kind


@pytest.fixture(scope="module")
def pages() -> list[bytes]:
    return fuzz.real_pages(limit=30)


def test_inputs_are_reproducible(pages: list[bytes]) -> None:
    assert fuzz.generate(SEED, 5, pages) == fuzz.generate(SEED, 5, pages)
    assert {fuzz.generate(SEED, n, pages).kind for n in range(SAMPLE)} == set(fuzz.KINDS)


@pytest.mark.parametrize("index", range(SAMPLE))
def test_generated_input_is_briefed_safely(index: int, pages: list[bytes], tmp_path: Path) -> None:
    item = fuzz.generate(SEED, index, pages)
    outcome = fuzz.check(item, tmp_path)
    assert outcome.status in ("ok", "no article"), (item.kind, item.name, outcome.detail)


def test_the_checker_sees_a_leak() -> None:
    assert fuzz._unsafe_in("fine text") == ""
    assert fuzz._unsafe_in("a\x1b[2Jb").startswith("U+001B")
    assert fuzz._unsafe_in("x\u202ey").startswith("U+202E")
