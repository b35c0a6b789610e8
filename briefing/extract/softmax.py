"""The fitted scorers that pick one of a page's candidates (headline rows, publication days,
outlet names): a linear score per candidate, a softmax against "none of them" (score 0),
weights fitted by a script in benchmarks/ and shipped as a JSON file beside the module."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from operator import mul
from pathlib import Path


@dataclass(frozen=True)
class SoftmaxModel:
    weights: tuple[float, ...]
    threshold: float  # the least belief the pick must hold to be taken


def load_model(path: Path, features: Sequence[str]) -> SoftmaxModel:
    """A shipped model, refused when it was fitted for other features than the code makes."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data["features"] != list(features):
        raise ValueError(f"{path.name} was fitted for other features; refit it")
    return SoftmaxModel(tuple(data["weights"]), data["threshold"])


def scores(model: SoftmaxModel, vectors: Sequence[Sequence[float]]) -> list[float]:
    """Each candidate's linear score."""
    # map(mul) adds the same products in the same order as a loop, at a third of its cost
    return [sum(map(mul, model.weights, vector)) for vector in vectors]


def beliefs(candidate_scores: Sequence[float]) -> list[float]:
    """Each candidate's share of the belief, against "none of them" (score 0)."""
    top = max(0.0, *candidate_scores) if candidate_scores else 0.0
    exps = [math.exp(score - top) for score in candidate_scores]
    total = sum(exps) + math.exp(-top)
    return [value / total for value in exps]
