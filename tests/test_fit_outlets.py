"""The outlet scorer's abstention threshold (benchmarks/fit_outlets.py), on made-up picks."""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import fit_outlets  # noqa: E402


def test_the_threshold_trades_right_names_against_wrong_ones_at_the_wrong_cost() -> None:
    # (right?, belief): unsure picks are wrong half the time, sure ones are right
    picks = [(True, 0.92), (True, 0.81), (True, 0.78), (False, 0.62), (True, 0.6), (None, 0.0)]
    picks += [(False, 0.42), (True, 0.4), (False, 0.33)]
    points = {point.threshold: point for point in fit_outlets.curve(picks)}
    assert (points[0.3].right, points[0.3].wrong) == (5, 3)
    assert (points[0.6].right, points[0.6].wrong) == (4, 1)
    assert (points[0.65].right, points[0.65].wrong) == (3, 0)
    # a wrong name costing one missed right one: 5 - 2 from 0.35 ties 3 - 0, the lowest wins
    assert fit_outlets.best_threshold(list(points.values()), wrong_cost=1.0) == 0.35
    # costing two: the unsure band is left unanswered
    assert fit_outlets.best_threshold(list(points.values()), wrong_cost=2.0) == 0.65


def test_the_brand_grid_counts_the_owner_or_the_sites_own_name_at_each_count() -> None:
    texts = ["WSJ Pro", "WSJ Video", "Subscribe at www.wsj.com", "© 2019 Dow Jones"]
    page = fit_outlets.Page(
        url="https://www.wsj.com/articles/x",
        fold=0,
        tuning=True,
        texts=texts,
        listed=frozenset(texts[:2]),
        rules_named=True,
        owners=["Dow Jones"],
        kept_owners=["Dow Jones"],
        vectors=np.zeros((0, len(fit_outlets.OUTLET_FEATURES))),
        labels=np.zeros(0),
    )
    points = {(point.rows, point.lead): point for point in fit_outlets.brand_curve([page])}
    # three short rows spell the host: "WSJ" replaces the parent company at three, not at four
    assert (points[3, 2.0].right, points[3, 2.0].wrong) == (1, 0)
    assert (points[4, 2.0].right, points[4, 2.0].wrong) == (0, 1)
