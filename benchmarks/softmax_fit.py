"""Fitting a softmax chooser with a "none of them" option, shared by the page-date and
headline fits: each page offers candidates (rows of features); the answer is one or more of
them (same day, same row) or none."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.optimize import minimize


def fit_softmax(
    groups: Sequence[tuple[np.ndarray, np.ndarray]],
    names: Sequence[str],
    l2: float = 1.0,
    upper: dict[str, float] | None = None,
    lower: dict[str, float] | None = None,
) -> np.ndarray:
    """Weights maximising the likelihood of each group's answer under a softmax over its
    candidates and "none" (score 0; the answer where no label is set), with an L2 pull towards 0
    (weaker on the bias, which sets how often "none" wins) and optional upper and lower bounds."""
    penalty = np.full(len(names), l2)
    if "bias" in names:
        penalty[list(names).index("bias")] = l2 / 100
    usable = [(vectors, labels > 0) for vectors, labels in groups if len(vectors)]
    if not usable:
        return np.zeros(len(names))
    # All groups' candidates stacked, summed per group with reduceat: one pass per evaluation.
    stacked = np.vstack([vectors for vectors, _ in usable])
    gold = np.concatenate([labels for _, labels in usable])
    starts = np.cumsum([0] + [len(vectors) for vectors, _ in usable[:-1]])
    group = np.repeat(np.arange(len(usable)), [len(vectors) for vectors, _ in usable])
    answered = np.array([labels.any() for _, labels in usable])

    def loss(weights: np.ndarray) -> tuple[float, np.ndarray]:
        scores = stacked @ weights
        top = np.maximum(0.0, np.maximum.reduceat(scores, starts))
        exps = np.exp(scores - top[group])
        none = np.exp(-top)
        norm = np.add.reduceat(exps, starts) + none
        softmax = exps / norm[group]
        # -log P(answer); its gradient is E_all[x] - E_answer[x] ("none" has x = 0)
        gold_mass = np.add.reduceat(np.where(gold, softmax, 0.0), starts)
        total = 0.5 * float(penalty @ weights**2)
        total -= float(np.log(gold_mass[answered]).sum())
        total -= float(np.log(none[~answered] / norm[~answered]).sum())
        gold_share = np.where(gold, softmax / np.where(answered, gold_mass, 1.0)[group], 0.0)
        gradient = penalty * weights + (softmax - gold_share) @ stacked
        return total, gradient

    upper, lower = upper or {}, lower or {}
    bounds = [(lower.get(name), upper.get(name)) for name in names]
    result = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B", bounds=bounds)
    return result.x


def pick_threshold(picks: Sequence[tuple[bool | None, float]], max_wrong: float) -> float:
    """The lowest belief threshold under which wrong answers stay within max_wrong of the
    picks; a pick is (right?, belief), right None where nothing was picked."""
    for threshold in np.arange(0.0, 1.0, 0.01):
        wrong = sum(right is False and belief >= threshold for right, belief in picks)
        if wrong <= max_wrong * len(picks):
            return float(threshold)
    return 1.0


def write_weights(
    path: Path, about: str, names: Sequence[str], weights: Sequence[float], threshold: float
) -> None:
    """Ship a fitted chooser: its features by name, weights and belief threshold, rounded."""
    data = {
        "about": about,
        "features": list(names),
        "weights": [round(float(weight), 4) for weight in weights],
        "threshold": round(threshold, 2),
    }
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
