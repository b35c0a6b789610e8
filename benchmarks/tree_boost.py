"""Fitting a chooser of gradient-boosted oblivious trees, with a "none of them" option: each
page offers candidates (rows of features); the answer is one or more of them or none (score 0).

An oblivious tree asks the same question (feature > threshold) of every row at each depth,
so a row's leaf is the bits of its answers: a shipped ensemble is a few arrays, scored at
run time with plain numpy (`briefing.extract.headline.boosted_scores`). Each tree is one
Newton step on the softmax loss over a page's candidates and "none".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

MAX_THRESHOLDS = 32  # questions tried per feature: midpoints of its values, or of quantiles


@dataclass(frozen=True)
class Trees:
    features: np.ndarray  # (trees, depth) feature asked at each depth
    thresholds: np.ndarray  # (trees, depth) asked: value > threshold
    leaves: np.ndarray  # (trees, 2**depth) score added, by the bits of the answers


@dataclass(frozen=True)
class Settings:
    depth: int = 3
    trees: int = 300
    rate: float = 0.1
    l2: float = 2.0  # pull of each leaf's value towards 0, in units of the loss's curvature


def scores(trees: Trees, vectors: np.ndarray, count: int | None = None) -> np.ndarray:
    """The summed score of the first `count` trees (all by default) for each row."""
    count = len(trees.leaves) if count is None else count
    if not len(vectors) or not count:
        return np.zeros(len(vectors))
    answers = vectors[:, trees.features[:count]] > trees.thresholds[:count]  # rows, trees, depth
    leaf = answers @ (1 << np.arange(trees.features.shape[1]))
    return trees.leaves[np.arange(count), leaf].sum(axis=1)


def _thresholds(column: np.ndarray) -> np.ndarray:
    values = np.unique(column)
    if len(values) > MAX_THRESHOLDS + 1:
        values = np.unique(np.quantile(column, np.linspace(0, 1, MAX_THRESHOLDS + 1)))
    return (values[:-1] + values[1:]) / 2


def fit_trees(
    groups: Sequence[tuple[np.ndarray, np.ndarray]],
    settings: Settings,
    base: np.ndarray | None = None,
) -> Trees:
    """Trees fitted to each group's answer (labels > 0, or none where no label is set), on
    top of the linear scores of the `base` weights when given."""
    usable = [(vectors, labels > 0) for vectors, labels in groups if len(vectors)]
    stacked = np.vstack([vectors for vectors, _ in usable])
    gold = np.concatenate([labels for _, labels in usable])
    starts = np.cumsum([0] + [len(vectors) for vectors, _ in usable[:-1]])
    group = np.repeat(np.arange(len(usable)), [len(vectors) for vectors, _ in usable])
    answered = np.array([labels.any() for _, labels in usable])
    grid = _Grid.of(stacked)
    score = np.zeros(len(stacked)) if base is None else stacked @ base
    grown = _Grown.empty(settings)
    for tree in range(settings.trees):
        top = np.maximum(0.0, np.maximum.reduceat(score, starts))
        exps = np.exp(score - top[group])
        norm = np.add.reduceat(exps, starts) + np.exp(-top)
        chance = exps / norm[group]
        gold_mass = np.add.reduceat(np.where(gold, chance, 0.0), starts)
        share = np.where(gold, chance / np.where(answered, gold_mass, 1.0)[group], 0.0)
        gradient = chance - share
        curvature = np.maximum(chance * (1 - chance), 1e-6)
        score += grown.grow(tree, grid, gradient, curvature, settings)
    return grown.trees()


def fit_binary_trees(
    vectors: np.ndarray,
    labels: np.ndarray,
    sample: np.ndarray,
    start: np.ndarray,
    settings: Settings,
) -> Trees:
    """Trees fitted to yes/no `labels` on the logistic loss, each row weighing `sample`
    (in units of one row: `Settings.l2` is a count of rows' curvature), added to the
    scores `start` (a linear model's sums, say)."""
    grid = _Grid.of(vectors)
    score = start.astype(float).copy()
    grown = _Grown.empty(settings)
    for tree in range(settings.trees):
        chance = 1 / (1 + np.exp(-score))
        gradient = sample * (chance - labels)
        curvature = sample * np.maximum(chance * (1 - chance), 1e-6)
        score += grown.grow(tree, grid, gradient, curvature, settings)
    return grown.trees()


@dataclass(frozen=True)
class _Grid:
    """The rows binned: each row's bin per feature (how many of the feature's thresholds
    its value exceeds) and the thresholds, padded to one width (`valid` where real)."""

    binned: np.ndarray
    bins: int
    valid: np.ndarray
    padded: np.ndarray

    @classmethod
    def of(cls, stacked: np.ndarray) -> _Grid:
        width = stacked.shape[1]
        cuts = [_thresholds(stacked[:, f]) for f in range(width)]
        bins = max(len(c) for c in cuts) + 1
        binned = np.stack([np.searchsorted(cuts[f], stacked[:, f]) for f in range(width)], axis=1)
        valid = np.zeros((width, bins - 1), dtype=bool)
        padded = np.zeros((width, bins - 1))
        for f, c in enumerate(cuts):
            valid[f, : len(c)] = True
            padded[f, : len(c)] = c
        return cls(binned, bins, valid, padded)


@dataclass(frozen=True)
class _Grown:
    """The trees grown so far."""

    features: np.ndarray
    thresholds: np.ndarray
    leaves: np.ndarray

    @classmethod
    def empty(cls, settings: Settings) -> _Grown:
        depth = settings.depth
        return cls(
            np.zeros((settings.trees, depth), dtype=int),
            np.zeros((settings.trees, depth)),
            np.zeros((settings.trees, 2**depth)),
        )

    def trees(self) -> Trees:
        return Trees(self.features, self.thresholds, self.leaves)

    def grow(
        self,
        tree: int,
        grid: _Grid,
        gradient: np.ndarray,
        curvature: np.ndarray,
        settings: Settings,
    ) -> np.ndarray:
        """Tree number `tree`: one Newton step on the loss whose `gradient` and
        `curvature` each row has; what it adds to each row's score."""
        binned, bins = grid.binned, grid.bins
        rows, width = binned.shape
        leaf = np.zeros(rows, dtype=int)
        for level in range(settings.depth):
            count = 1 << level
            # flat index: (feature * count + leaf) * bins + bin
            index = (
                (np.arange(width) * count)[None, :] * bins + (leaf * bins)[:, None] + binned
            ).ravel()
            size = width * count * bins
            g = np.bincount(index, np.repeat(gradient, width), size).reshape(width, count, bins)
            h = np.bincount(index, np.repeat(curvature, width), size).reshape(width, count, bins)
            g_left, h_left = np.cumsum(g, axis=2)[:, :, :-1], np.cumsum(h, axis=2)[:, :, :-1]
            g_all, h_all = g.sum(axis=2, keepdims=True), h.sum(axis=2, keepdims=True)
            gain = (
                g_left**2 / (h_left + settings.l2)
                + (g_all - g_left) ** 2 / (h_all - h_left + settings.l2)
            ).sum(axis=1)
            gain = np.where(grid.valid, gain, -np.inf)
            f, b = np.unravel_index(int(np.argmax(gain)), gain.shape)
            self.features[tree, level], self.thresholds[tree, level] = f, grid.padded[f, b]
            leaf = leaf + (binned[:, f] > b) * count
        g_leaf = np.bincount(leaf, gradient, 2**settings.depth)
        h_leaf = np.bincount(leaf, curvature, 2**settings.depth)
        self.leaves[tree] = -settings.rate * g_leaf / (h_leaf + settings.l2)
        return self.leaves[tree][leaf]
