"""The dating rules' leave-one-story-out scoring (benchmarks/dating_cv.py), on made-up scores.

It needs no page texts: a rule's effect on a story is given, not briefed.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import dating_cv as cv  # noqa: E402


def _score(right: int, wrong: int = 0) -> cv.Score:
    return cv.Score(right=right, wrong=wrong, missing=0, usable=right)


def test_a_rule_only_its_own_story_gains_by_is_dropped_in_that_storys_fold() -> None:
    base = {"a": _score(5), "b": _score(4), "c": _score(3)}
    ablated = {
        # helps two stories: kept in every fold
        "general": {"a": _score(4), "b": _score(3), "c": _score(3)},
        # helps story a alone: its fold drops it
        "for_a": {"a": _score(3), "b": _score(4), "c": _score(3)},
        # helps a, harms b: a's fold drops it (the others lose by it), b's keeps it
        "harmful": {"a": _score(4), "b": _score(5), "c": _score(3)},
    }
    asked = []

    def rescore(story: str, off: tuple[str, ...]) -> cv.Score:
        asked.append((story, off))
        # Together, the two rules a's fold drops cost it less than each alone adds up to.
        return {("a", ("for_a", "harmful")): _score(2)}[(story, off)]

    total, held_out, dropped = cv.leave_one_out(base, ablated, _value, rescore)
    assert total == 12
    assert dropped == {"a": ["for_a", "harmful"], "b": [], "c": []}
    # a is briefed again with both rules off (their effects alone would give it 5 - 2 - 1).
    assert asked == [("a", ("for_a", "harmful"))]
    assert held_out == 2 + 4 + 3
    # One rule dropped: the story's score without it, no new briefing.
    _, held_out, dropped = cv.leave_one_out(base, {"for_a": ablated["for_a"]}, _value, rescore)
    assert dropped == {"a": ["for_a"], "b": [], "c": []}
    assert held_out == 3 + 4 + 3
    assert len(asked) == 1


def _value(score: cv.Score) -> int:
    return score.value
