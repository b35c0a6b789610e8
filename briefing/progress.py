"""How building a briefing reports its progress: a stage and done of total, in order.

Light on purpose (no engine imports): the TUI names the stages to the reader before the
engine is loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum


class Stage(Enum):
    """The steps of building a briefing that take time, in the order they run."""

    EXTRACT = "extract"  # counts pages: each read, its article extracted and annotated
    COMPARE = "compare"  # counts articles: shared reports grouped, other actors found
    ACTORS = "actors"  # counts actors: each one's summary and key facts


# stage, done, total. Each stage reports (0, total) as it starts and (total, total) when
# it ends; COMPARE, one step over every article, reports only those two.
StageProgress = Callable[[Stage, int, int], None]


# What each stage does, with its count ({done}, {total}; COMPARE counts nothing within).
_WORDING = {
    Stage.EXTRACT: "Reading articles: {done} of {total}",
    Stage.COMPARE: "Comparing {total} articles and finding the actors they name",
    Stage.ACTORS: "Summarising actors and their key facts: {done} of {total}",
}


def describe(stage: Stage, done: int, total: int) -> str:
    """'Step 3 of 3 · Summarising actors and their key facts: 5 of 15'."""
    step = list(Stage).index(stage) + 1
    return f"Step {step} of {len(Stage)} · {_WORDING[stage].format(done=done, total=total)}"
