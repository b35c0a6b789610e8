"""The fitted body classifier: which units of a page are the article's text.

Small gradient-boosted trees over each unit's features and its neighbours' (see `features`)
give every unit a probability of being article text; a second pass of trees reads those
probabilities along the page (the neighbours', the page's likeliest text and where it lies)
with the same features and gives the final ones; a two-state path (article / furniture)
through the page then decides, paying a fixed cost for every switch, so a lone caption inside
the article or a lone prose teaser among links follows its surroundings unless it is clearly
different.
The weights are fitted by `python -m briefing.extract.train` on the shared labelled pages and
shipped as `body_model.json`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from briefing.extract.features import FEATURE_NAMES, SECOND_PASS_NAMES, second_pass_columns

MODEL_FILE = Path(__file__).with_name("body_model.json")
# Units whose tests are compared at once (most pages have fewer): the thresholds are kept
# repeated this wide, 1.6 MB for the shipped model's two passes.
THRESHOLD_COLUMNS = 256


@dataclass(frozen=True)
class BodyModel:
    """Gradient-boosted trees of a fixed depth over the unit features (complete binary trees
    stored level by level: a unit goes right where its feature is above the threshold), and
    the cost of switching between article and furniture along the page."""

    features: tuple[str, ...]
    split_features: np.ndarray  # (trees, 2**depth - 1) column of each inner node
    split_values: np.ndarray  # (trees, 2**depth - 1) threshold of each inner node
    leaves: np.ndarray  # (trees, 2**depth) score added at each leaf
    base: float
    switch_cost: float
    threshold: float = 0.5  # a unit is article text above this probability, before smoothing
    # trees over the features and SECOND_PASS_NAMES, fed this model's probabilities
    second_pass: BodyModel | None = None

    def probabilities(self, matrix: np.ndarray) -> np.ndarray:
        """Each unit's probability of being article text; `matrix` is one page's units in
        page order (the second pass reads the first one's along the page)."""
        first = self.tree_probabilities(matrix)
        if self.second_pass is None or not len(matrix):
            return first
        # the second pass's matrix: these columns, then its own
        width = matrix.shape[1]
        wide = np.empty((len(matrix), width + len(SECOND_PASS_NAMES)))
        wide[:, :width] = matrix
        second_pass_columns(first, matrix[:, 0], out=wide[:, width:])
        return self.second_pass.tree_probabilities(wide)

    def tree_probabilities(self, matrix: np.ndarray) -> np.ndarray:
        """This model's trees alone, without the second pass."""
        if not len(matrix) or not len(self.leaves):
            return np.full(len(matrix), 1.0 / (1.0 + np.exp(-self.base)))
        test_features, test_values, node_tests, leaf_start = self._nodes
        inner, trees = node_tests.shape
        depth = (inner + 1).bit_length() - 1
        # Every inner node's test at once, a row per node and a column per unit: each distinct
        # test (a feature and threshold: a quarter to a sixth as many as nodes) run on the
        # matrix's row of its feature, and its row of answers copied to each node that asks
        # it. A unit at a time, the node each one is at was looked up in the tables and the
        # matrix per level, a gather per number. Then each unit's way down each tree, level by
        # level: the test of the node it reached, chosen among the level's nodes by the turns
        # taken above it.
        units = np.ascontiguousarray(matrix.T)
        taken = units.take(test_features, axis=0)
        # compared with the thresholds laid out as wide as the page (a slice of their block, a
        # block of columns at a time): a column of thresholds broadcast along each row was
        # copied into numpy's buffers first, at twice the cost of the comparisons
        answers = np.empty(taken.shape, dtype=bool)
        width = test_values.shape[1]
        for low in range(0, len(matrix), width):
            high = min(low + width, len(matrix))
            np.greater(taken[:, low:high], test_values[:, : high - low], out=answers[:, low:high])
        above = answers.take(node_tests.ravel(), axis=0).reshape(inner, trees, len(matrix))
        turns: list[np.ndarray] = []  # right (True) or left at each level, (trees, units)
        # the leaf's number within its tree, in bytes: far fewer instructions than in words
        leaf = np.zeros((trees, len(matrix)), dtype=np.min_scalar_type(2**depth - 1))
        for level in range(depth):
            # the level's nodes in order: the first left of all, the next its sibling, ...
            reached = list(above[2**level - 1 : 2 ** (level + 1) - 1])
            for turn in reversed(turns):  # the last turn picks between siblings, and so on up
                reached = [
                    left ^ ((left ^ right) & turn)
                    for left, right in zip(reached[::2], reached[1::2], strict=True)
                ]
            turns.append(reached[0])
            # doubled by adding, not shifted, and the turn read as the bytes it is: a shift by
            # a Python int, or a bool array or'ed into bytes, runs numpy's casting loop, an
            # element at a time, where these run in vector instructions
            np.add(leaf, leaf, out=leaf)
            leaf |= reached[0].view(np.uint8)
        # Each unit's leaves in tree order, summed along the row as before (same rounding).
        index = np.add(leaf.T, leaf_start, order="C")
        # (every index is in range: "wrap" only skips take's bounds check)
        scores = self.base + self.leaves.ravel().take(index, mode="wrap").sum(axis=1)
        # bounded by the two ufuncs, not np.clip, whose wrapper costs several times as much
        return 1.0 / (1.0 + np.exp(-np.minimum(np.maximum(scores, -30), 30)))

    @cached_property
    def _nodes(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The distinct tests of the inner nodes (their feature columns, and each threshold
        repeated along a second axis, the units', THRESHOLD_COLUMNS wide); each inner node's
        test, a row per node (numbered within its tree, level by level: node l's children are
        2 l + 1 and 2 l + 2) and a column per tree; and where each tree's leaves start in
        `leaves.ravel()`."""
        tests = list(
            zip(
                self.split_features.T.ravel().tolist(),
                self.split_values.T.ravel().tolist(),
                strict=True,
            )
        )
        distinct = list(dict.fromkeys(tests))
        number = {test: index for index, test in enumerate(distinct)}
        trees, leaves = self.leaves.shape
        return (
            np.array([feature for feature, _ in distinct], dtype=np.intp),
            np.repeat(
                np.array([value for _, value in distinct], dtype=float)[:, None],
                THRESHOLD_COLUMNS,
                axis=1,
            ),
            np.array([number[test] for test in tests], dtype=np.intp).reshape(-1, trees),
            np.arange(trees) * leaves,
        )

    def to_json(self) -> dict[str, object]:
        second = {} if self.second_pass is None else {"second_pass": self.second_pass.to_json()}
        return {
            "features": list(self.features),
            "split_features": self.split_features.tolist(),
            "split_values": self.split_values.tolist(),
            "leaves": self.leaves.round(6).tolist(),
            "base": round(self.base, 6),
            "switch_cost": self.switch_cost,
            "threshold": self.threshold,
            **second,
        }


def model_from_json(
    data: dict[str, object], expected: tuple[str, ...] = FEATURE_NAMES
) -> BodyModel:
    features = tuple(data["features"])  # type: ignore[arg-type]
    if features != expected:
        raise ValueError("body model was fitted on other features; refit it")
    second = data.get("second_pass")
    return BodyModel(
        features=features,
        split_features=np.array(data["split_features"], dtype=np.int64),
        split_values=np.array(data["split_values"], dtype=float),
        leaves=np.array(data["leaves"], dtype=float),
        base=float(data["base"]),  # type: ignore[arg-type]
        switch_cost=float(data["switch_cost"]),  # type: ignore[arg-type]
        threshold=float(data.get("threshold", 0.5)),  # type: ignore[arg-type]
        second_pass=None
        if second is None
        else model_from_json(second, (*FEATURE_NAMES, *SECOND_PASS_NAMES)),  # type: ignore[arg-type]
    )


@lru_cache(maxsize=1)
def shipped_model() -> BodyModel:
    return model_from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))


def article_path(probabilities: np.ndarray, switch_cost: float, threshold: float) -> np.ndarray:
    """The best article/furniture labelling of the units in page order (Viterbi over two
    states): each unit scores its log-odds against the threshold, each switch costs
    `switch_cost`."""
    count = len(probabilities)
    if not count:
        return np.zeros(0, dtype=bool)
    clipped = np.minimum(np.maximum(probabilities, 1e-6), 1 - 1e-6)  # as np.clip, cheaper
    odds = np.log(clipped / (1 - clipped)) - np.log(threshold / (1 - threshold))
    # best scores of paths ending out of / in the article; came_from: each one's previous state
    # (Python lists: a numpy row written per unit cost more than the step itself)
    out_score, in_score = 0.0, float(odds[0])
    out_came_from, in_came_from = [False], [False]
    for unit_odds in odds.tolist()[1:]:
        left = in_score - switch_cost  # the article left for furniture here
        entered = out_score - switch_cost  # the article entered here
        from_in_to_out = left > out_score
        from_out_to_in = entered > in_score
        out_came_from.append(from_in_to_out)
        in_came_from.append(not from_out_to_in)
        # the better of staying or switching, as max() picks it, without its call
        out_score, in_score = (
            left if from_in_to_out else out_score,
            (entered if from_out_to_in else in_score) + unit_odds,
        )
    path = [False] * count
    state = in_score > out_score
    for index in range(count - 1, -1, -1):
        path[index] = state
        state = (in_came_from if state else out_came_from)[index]
    return np.array(path, dtype=bool)
