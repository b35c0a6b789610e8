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
        features, values, first_left, child_step, leaf_step = self._walk
        depth = (self.split_features.shape[1] + 1).bit_length() - 1
        # Complete trees: every unit takes `depth` steps down each tree. At the roots, one
        # column per tree; below, a few gathers per level from the flattened matrix (row
        # offset + the node's feature column) and the node tables, and the child's number
        # worked out, not looked up. C order: the leaves' sum below adds in the same order.
        roots = matrix[:, self.split_features[:, 0]] > self.split_values[:, 0]
        node = np.add(first_left, roots, order="C")
        flat = matrix.ravel()
        row_start = (np.arange(len(matrix)) * matrix.shape[1])[:, None]
        for _ in range(depth - 1):
            right = flat.take(row_start + features.take(node)) > values.take(node)
            node *= 2
            node += child_step
            node += right
        scores = self.base + self.leaves.ravel().take(node + leaf_step).sum(axis=1)
        # bounded by the two ufuncs, not np.clip, whose wrapper costs several times as much
        return 1.0 / (1.0 + np.exp(-np.minimum(np.maximum(scores, -30), 30)))

    @cached_property
    def _walk(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The inner nodes of all trees numbered in one sequence (tree by tree, level by level:
        node l of tree t is g = t * inner + l), each one's feature column and threshold; and
        per tree, the number of the root's left child, what turns a node's number into its
        left child's (2 g + child_step; the right one follows it), and a number past the last
        level into its leaf's place in `leaves.ravel()` (+ leaf_step)."""
        trees, inner = self.split_features.shape
        tree = np.arange(trees)
        first_left = tree * inner + 1
        child_step = 1 - tree * inner  # node l's left child is 2 l + 1 in its tree
        leaf_step = tree - inner  # past the last level, l is inner + the leaf: t (inner + 1) + leaf
        return (
            self.split_features.ravel(),
            self.split_values.ravel(),
            first_left,
            child_step,
            leaf_step,
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
