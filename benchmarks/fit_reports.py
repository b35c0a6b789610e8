"""Fit the report score (briefing/model/data/report_weights.json) on dev stories only.

    python benchmarks/fit_reports.py          # fit, print dev figures, write the weights
    python benchmarks/fit_reports.py --dry    # fit and print, write nothing

A logistic regression over `pair_features` of labelled sentence pairs of the `dev`
stories (benchmarks/judged/*.toml and pairs/*.toml): the same report in two articles
against events of different stories. Classes are weighted equally (negatives outnumber
positives a hundredfold, most of them trivially apart); hard negatives (sharing 40% of
their content words) and negatives of one story weigh more than the rest. The threshold
is the lowest at which the briefing's grouping of the dev articles merges at most
MAX_WRONG of the hard negatives and of the negatives within one story file. Test stories
are never read: `benchmarks/report_merging.py` reports them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report_merging import (  # noqa: E402
    KINDS,
    PAGE_FOLDERS,
    PAIRS_DIR,
    Labelled,
    Split,
    brief_cluster,
    grouped,
    judge,
    labelled_sentences,
    load_clusters,
    pair_kind,
)

from briefing.annotate import AnnotatedArticle  # noqa: E402
from briefing.corroborate import pair_features, report_words  # noqa: E402
from briefing.model.words import ReportWeights  # noqa: E402

WEIGHTS = Path(__file__).resolve().parents[1] / "briefing/model/data/report_weights.json"
# The share of hard negatives, and of negatives of one story file, the threshold may
# merge at most on dev: the bound on wrong merges is 5%.
MAX_WRONG = 0.05
# What each kind of negative weighs in the fit, in all (positives weigh 0.5): the hard
# ones and those of one story, which a careless score would merge, more than the rest.
NEGATIVE_SHARES = {"hard": 0.2, "near": 0.2, "negative": 0.1}
# L2 penalty on the weights: few, interpretable features, small data.
PENALTY = 0.001


@dataclass
class Dev:
    """The dev stories: their briefed articles and labelled sentences."""

    clusters: list[list[AnnotatedArticle]]  # each story's briefed articles
    labelled: list[Labelled]


def load_dev(pages: Path) -> Dev:
    clusters = [c for c in load_clusters() + load_clusters(PAIRS_DIR) if c.split == "dev"]
    dev = Dev([], [])
    for n, cluster in enumerate(clusters):
        articles = brief_cluster(cluster, pages, f"c{n}a")
        dev.clusters.append(articles)
        dev.labelled += labelled_sentences(cluster, articles)
    return dev


def dev_pairs(dev: Dev) -> tuple[list[dict[str, float]], list[str]]:
    """Features and kind (see report_merging.KINDS) of every labelled dev pair that shares
    a content word other than names (the others are never compared)."""
    features, kinds = [], []
    for a, b in combinations(dev.labelled, 2):
        kind = pair_kind(a, b)
        if kind is None:
            continue
        wa, wb = report_words(a.text), report_words(b.text)
        if not (wa.words & wb.words) - wa.names:
            continue
        features.append(pair_features(wa, wb))
        kinds.append(kind)
    return features, kinds


def fit(features: list[dict[str, float]], kinds: list[str]) -> dict:
    names = sorted(features[0])
    x = np.array([[f[name] for name in names] for f in features])
    y = np.array([k in ("copy", "rewrite") for k in kinds], dtype=float)
    sample = np.where(y == 1, 0.5 / y.sum(), 0.0)
    for kind, share in NEGATIVE_SHARES.items():
        chosen = np.array([k == kind for k in kinds])
        sample[chosen] = share / max(chosen.sum(), 1)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        z = theta[0] + x @ theta[1:]
        p = 1 / (1 + np.exp(-z))
        eps = 1e-12
        value = -np.sum(sample * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))
        value += PENALTY * np.sum(theta[1:] ** 2) / 2
        grad_z = sample * (p - y)
        grad = np.concatenate([[grad_z.sum()], x.T @ grad_z + PENALTY * theta[1:]])
        return value, grad

    theta = minimize(loss, np.zeros(len(names) + 1), jac=True, method="L-BFGS-B").x
    return {
        "bias": round(float(theta[0]), 4),
        "threshold": 0.5,
        "weights": {name: round(float(w), 4) for name, w in zip(names, theta[1:], strict=True)},
    }


def pick_threshold(dev: Dev, model: dict) -> float:
    """The lowest threshold at which the briefing's grouping of the dev stories merges at
    most MAX_WRONG of the hard negatives and of the negatives within one story file."""
    for threshold in np.arange(0.30, 0.96, 0.01):
        weights = ReportWeights(model["bias"], model["weights"], float(threshold))
        split = Split()
        judge(dev.labelled, grouped(dev.clusters, weights), split, pairwise=False)
        kinds = split.kinds["grouped"]
        hard, near, rewrite = kinds["hard"], kinds["near"], kinds["rewrite"]
        print(
            f"threshold {threshold:.3f}: rewrites {rewrite.merged}/{rewrite.total}, hard "
            f"{hard.merged}/{hard.total}, same story {near.merged}/{near.total}"
        )
        if hard.merged <= MAX_WRONG * hard.total and near.merged <= MAX_WRONG * near.total:
            return round(float(threshold), 3)
    return 0.95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    found = next((folder for folder in PAGE_FOLDERS if folder.is_dir()), PAGE_FOLDERS[0])
    parser.add_argument(
        "--pages", type=Path, default=Path(os.environ.get("BRIEFING_JUDGED_PAGES", str(found)))
    )
    parser.add_argument("--dry", action="store_true", help="print, do not write")
    args = parser.parse_args()
    dev = load_dev(args.pages)
    features, kinds = dev_pairs(dev)
    model = fit(features, kinds)
    model["threshold"] = pick_threshold(dev, model)
    counts = {k: kinds.count(k) for k in KINDS}
    print(f"dev pairs compared: {counts}")
    print(json.dumps(model, indent=1))
    if not args.dry:
        WEIGHTS.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"written: {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
