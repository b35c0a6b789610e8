"""The fitted body classifier: its path along the page, its shipped weights, how units are
labelled for fitting, the measures it is judged by, and plain-text shapes it must read."""

from __future__ import annotations

import importlib.util
import itertools
import json
import textwrap
from pathlib import Path

import numpy as np
import pytest

from briefing.extract import extract_article
from briefing.extract.classifier import BodyModel, article_path, model_from_json, shipped_model
from briefing.extract.evaluation import (
    LabelledPage,
    body_scores,
    segment_scores,
    site_folds,
    site_of,
)
from briefing.extract.features import FEATURE_NAMES, SECOND_PASS_NAMES, second_pass_columns
from briefing.extract.train import unit_labels
from briefing.extract.units import lines_to_units

SCORING = Path(__file__).resolve().parents[1].parent / "shared" / "scoring"

PARAGRAPHS = (
    "The ministry said on Tuesday that the new rules would apply to all imports from the "
    "region, and that traders had been told to prepare for checks at the border next month.",
    "Officials in the capital declined to say how many inspectors would be hired. Critics said "
    "the plan was rushed and would raise prices for families already struggling with food.",
    "A spokesman for the traders' union said its members had not been consulted about the "
    "checks, and that the union would ask the courts to delay them until the summer.",
)


def test_path_follows_surroundings_unless_clearly_different() -> None:
    probabilities = np.array([0.1, 0.9, 0.9, 0.45, 0.9, 0.9, 0.1, 0.1, 0.6, 0.1])
    smoothed = article_path(probabilities, switch_cost=2.0, threshold=0.5)
    assert smoothed.tolist() == [False, True, True, True, True, True] + [False] * 4
    unsmoothed = article_path(probabilities, switch_cost=0.0, threshold=0.5)
    assert unsmoothed.tolist() == (probabilities > 0.5).tolist()


def test_path_of_an_empty_page() -> None:
    assert article_path(np.zeros(0), 1.0, 0.5).tolist() == []


def test_path_is_the_best_labelling() -> None:
    """The path scores best of all labellings: each unit's log-odds against the threshold when
    in the article, minus the switch cost at every change of state along the page."""
    rng = np.random.default_rng(3)
    for _ in range(40):
        probabilities = rng.random(int(rng.integers(1, 10)))
        cost, threshold = float(rng.choice([0.0, 0.7, 2.0])), float(rng.choice([0.4, 0.5]))
        odds = np.log(probabilities / (1 - probabilities)) - np.log(threshold / (1 - threshold))

        def score(labels: tuple[bool, ...], odds: np.ndarray = odds, cost: float = cost) -> float:
            switches = sum(a != b for a, b in zip(labels, labels[1:], strict=False))
            return float(odds[list(labels)].sum()) - cost * switches

        best = max(itertools.product((False, True), repeat=len(probabilities)), key=score)
        assert article_path(probabilities, cost, threshold).tolist() == list(best)


def _walk_one_by_one(model: BodyModel, row: np.ndarray) -> float:
    """The trees' score of one row, each tree walked node by node."""
    trees, inner = model.split_features.shape
    total = model.base
    for tree in range(trees):
        node = 0
        while node < inner:
            right = row[model.split_features[tree, node]] > model.split_values[tree, node]
            node = 2 * node + 1 + int(right)
        total += model.leaves[tree, node - inner]
    return total


@pytest.mark.parametrize("depth", [1, 2, 4])
def test_trees_of_all_rows_at_once_score_as_one_walk_per_row(depth: int) -> None:
    rng = np.random.default_rng(depth)
    trees, inner, columns = 9, 2**depth - 1, 5
    model = BodyModel(
        features=("f",) * columns,
        split_features=rng.integers(0, columns, size=(trees, inner)),
        split_values=rng.choice([-1.0, 0.0, 1.0], size=(trees, inner)),
        leaves=rng.normal(size=(trees, inner + 1)),
        base=0.3,
        switch_cost=1.0,
    )
    matrix = rng.choice([-1.0, 0.0, 0.5, 1.0], size=(30, columns))  # on a threshold: left
    scores = [_walk_one_by_one(model, row) for row in matrix]
    expected = 1.0 / (1.0 + np.exp(-np.array(scores)))
    assert model.tree_probabilities(matrix) == pytest.approx(expected, rel=1e-12)


def test_shipped_model_reads_the_current_features() -> None:
    model = shipped_model()
    assert model.features == FEATURE_NAMES
    assert model.split_features.shape[0] == model.leaves.shape[0] > 0
    roundtrip = model_from_json(json.loads(json.dumps(model.to_json())))
    matrix = np.random.default_rng(0).normal(size=(5, len(FEATURE_NAMES)))
    assert np.allclose(roundtrip.probabilities(matrix), model.probabilities(matrix), atol=1e-5)


def test_shipped_model_has_a_second_pass_over_the_first_ones_probabilities() -> None:
    second = shipped_model().second_pass
    assert second is not None and second.second_pass is None
    assert second.features == (*FEATURE_NAMES, *SECOND_PASS_NAMES)


def test_second_pass_reads_probabilities_along_the_page() -> None:
    probabilities = np.array([0.1, 0.9, 0.2, 0.8, 0.1])
    words = np.array([3.0, 40.0, 5.0, 40.0, 3.0])
    matrix = second_pass_columns(probabilities, np.log1p(words))
    columns = dict(zip(SECOND_PASS_NAMES, matrix.T, strict=True))
    assert columns["first_pass"].tolist() == probabilities.tolist()
    assert columns["first_pass@-1"].tolist() == [0.0, 0.1, 0.9, 0.2, 0.8]
    assert columns["first_pass@+2"].tolist() == [0.2, 0.8, 0.1, 0.0, 0.0]
    assert columns["inside_likely_span"].tolist() == [0, 1, 1, 1, 0]
    assert columns["likely_before"].tolist() == [0, 0, 0.5, 0.5, 1]
    assert columns["likely_after"].tolist() == [1, 0.5, 0.5, 0, 0]
    assert columns["log_likely_distance"].tolist() == pytest.approx(np.log1p([1, 0, 1, 0, 1]))
    assert columns["likelier_share"].tolist() == [0.6, 0.0, 0.4, 0.2, 0.6]
    assert columns["page_most_likely"].tolist() == [0.9] * 5
    # the unit's window of two each side, weighted by words: the long likely paragraphs weigh most
    assert columns["first_pass±2"][2] == pytest.approx(
        (0.1 * 4 + 0.9 * 41 + 0.2 * 6 + 0.8 * 41 + 0.1 * 4) / 96
    )
    assert second_pass_columns(np.zeros(0), np.zeros(0)).shape == (0, len(SECOND_PASS_NAMES))


def test_model_for_other_features_is_refused() -> None:
    data = shipped_model().to_json()
    data["features"] = ["words"]
    with pytest.raises(ValueError, match="refit"):
        model_from_json(data)


def test_body_labels_by_shared_word_sequences() -> None:
    page = LabelledPage("extraction-dev", "x", "https://a.example/x", PARAGRAPHS[0], (), ())
    texts = [PARAGRAPHS[0], "Home News Sport Weather", "prepare for checks", PARAGRAPHS[1]]
    assert unit_labels(texts, page).tolist() == [1, 0, 1, 0]


def test_segment_labels_leave_unmarked_units_out() -> None:
    page = LabelledPage(
        "extraction-segments", "x", "https://a.example/x", None, ("new rules",), ("Sign up",)
    )
    texts = [PARAGRAPHS[0], "Sign up for our newsletter", PARAGRAPHS[1]]
    assert unit_labels(texts, page).tolist() == [1, 0, -1]


def test_sites_keep_archive_copies_apart_and_fold_whole_sites() -> None:
    assert site_of("https://www.example.com/a") == "example.com"
    assert site_of("http://web.archive.org/web/2019/https://news.example.org/a") == (
        "news.example.org"
    )
    pages = [
        LabelledPage("s", str(i), f"https://site{i % 7}.example/{i}", None, (), ())
        for i in range(40)
    ]
    folds = site_folds(pages)
    assert len(folds) == 7 and set(folds.values()) <= set(range(5))


def _scorer(name: str):  # the shared reference scorers, when the shared sets are here
    path = SCORING / f"{name}.py"
    if not path.is_file():
        pytest.skip("shared scorers not found")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_body_measure_equals_the_reference_scorer() -> None:
    scorer = _scorer("score_extraction")
    pairs = [
        (PARAGRAPHS[0] + " Share this", PARAGRAPHS[0]),
        (PARAGRAPHS[1][:80], PARAGRAPHS[1]),
        ("", PARAGRAPHS[2]),
        ("Two words", "Two words"),
    ]
    reference = scorer.prf([scorer.page_scores(truth, got) for got, truth in pairs])
    ours = body_scores(pairs)
    assert (ours.precision, ours.recall, ours.f1) == pytest.approx(reference)
    assert ours.empty == 1


def test_segment_measure_pools_counts() -> None:
    page = LabelledPage("s", "x", "u", None, ("new rules", "not there"), ("Sign up", "union would"))
    scores = segment_scores([(" ".join(PARAGRAPHS), page)])
    assert (scores.precision, scores.recall) == (0.5, 0.5)


def test_hard_wrapped_paragraphs_rejoin() -> None:
    wrapped = "\n\n".join(textwrap.fill(paragraph, 64) for paragraph in PARAGRAPHS)
    page = f"Traders face border checks\n\nBy Jo Bloggs\nMarch 3, 2023\n\n{wrapped}\n\nShare"
    body = [b.text for b in extract_article(page, "wrapped.txt").blocks if b.kind == "body"]
    assert body == list(PARAGRAPHS)


def test_page_without_blank_lines_splits_into_paragraphs() -> None:
    wrapped = "\n".join(textwrap.fill(paragraph, 70) for paragraph in PARAGRAPHS)
    assert [text for text, _ in lines_to_units(wrapped)] == list(PARAGRAPHS)
    unwrapped = "\n".join(PARAGRAPHS)
    assert [text for text, _ in lines_to_units(unwrapped)] == list(PARAGRAPHS)


def test_long_unwrapped_lines_of_like_length_stay_apart() -> None:
    lines = [paragraph + " " + paragraph for paragraph in PARAGRAPHS]  # ~340 characters each
    assert len(lines_to_units("\n".join(lines))) == 3


def test_a_wire_lead_opens_its_own_paragraph() -> None:
    # A byline row that ends no sentence is not continued by the wire's lead below it
    # (joined, the lede was dropped with the byline); a line opening on "(" still is.
    text = (
        "by Emmitt Barry, Worthy News Correspondent\n"
        "(Worthy News) – Between Wednesday night and Thursday morning, the air force struck.\n"
        "Officials said the strikes hit three bases across the country and\n"
        "(in two cases) the runways, which were left unusable."
    )
    assert [unit for unit, _ in lines_to_units(text)] == [
        "by Emmitt Barry, Worthy News Correspondent",
        "(Worthy News) – Between Wednesday night and Thursday morning, the air force struck.",
        "Officials said the strikes hit three bases across the country and (in two cases) the "
        "runways, which were left unusable.",
    ]


def test_a_credit_in_capitals_opens_its_own_paragraph() -> None:
    # "(MENAFN) Hamas confirmed ...": a headline above it with no full stop was glued to it
    # (the headline lost, the lede opening with it); "(in two cases)" still continues.
    text = (
        "Israel murders senior commander of Hamas\n"
        "(MENAFN) Hamas confirmed on Sunday that a senior commander was killed in an airstrike.\n"
        "Officials said the strikes hit three bases across the country and\n"
        "(UNESCO listed) sites, which were left damaged."
    )
    assert [unit for unit, _ in lines_to_units(text)] == [
        "Israel murders senior commander of Hamas",
        "(MENAFN) Hamas confirmed on Sunday that a senior commander was killed in an airstrike.",
        "Officials said the strikes hit three bases across the country and (UNESCO listed) "
        "sites, which were left damaged.",
    ]
    # A lynx page's button goes on the row it stands in.
    lynx = "Permalink: https://www.faz.net/-gqe-9vw7i and more\n(BUTTON) Weitersagen abbrechen"
    assert [unit for unit, _ in lines_to_units(lynx)] == [lynx.replace("\n", " ")]


def test_chinese_page_yields_its_article() -> None:
    paragraphs = (
        "新华社北京十二月六日电 国家统计局六日发布的数据显示，今年前十一个月全国工业生产保持"
        "稳定增长，其中高技术制造业增加值同比增长百分之八点五，增速比上月加快零点三个百分点。",
        "专家表示，随着一系列稳增长政策的落地见效，市场需求逐步恢复，企业生产经营状况持续"
        "改善，预计明年经济运行将继续保持在合理区间，为实现全年目标打下坚实基础。",
        "统计局新闻发言人在发布会上说，当前外部环境依然复杂严峻，国内需求仍显不足，"
        "但是我国经济长期向好的基本面没有改变，各地区各部门要把握好政策的力度和节奏。",
    )
    menu = "\n".join(f"  • {item}" for item in ("首页", "新闻", "财经", "体育", "娱乐", "科技"))
    page = f"{menu}\n\n工业生产稳定增长\n\n2024年12月6日\n\n" + "\n\n".join(paragraphs)
    page += "\n\n相关新闻\n\n  • 股市收盘\n  • 天气预报\n\n版权所有 © 2024 新华网"
    article = extract_article(page, "zh.txt")
    text = [b.text for b in article.blocks if b.kind in ("body", "subhead")]
    assert all(paragraph in text for paragraph in paragraphs)
    assert not {"首页", "新闻", "股市收盘", "天气预报"} & set(text)
    assert not any("版权所有" in line for line in text)


def test_lone_paragraph_above_a_label_row_is_the_body() -> None:
    """A one-paragraph page whose paragraph sits above label rows ("Musik:", a header row, so
    the paragraph reads as a standfirst) still yields that paragraph as its body."""
    paragraph = (
        "Unser heutiger Gast berichtet von einer Geisterjagd in einem alten Haus am Stadtrand, "
        "an der er im vergangenen Jahr mit zwei Freunden teilgenommen hat, und er erzählt, was "
        "die Gruppe dort in der Nacht gesehen und gehört haben will, und warum er seitdem nicht "
        "mehr an Zufälle glaubt."
    )
    menu = "\n".join(f"  • {item}" for item in ("Start", "Archiv", "Über uns", "Kontakt"))
    links = "\n".join(f"  • Interview {n}" for n in range(1, 6))
    page = (
        f"{menu}\n\nGeister, Spuk und Gentrifizierung\n\nVeröffentlicht am 19. Juni 2016"
        f"\n\n{paragraph}\n\nLinks zur Sendung:\n\n{links}\n\nMusik:\n\nHalloween Intro\n"
    )
    article = extract_article(page, "de.txt")
    assert [b.text for b in article.blocks if b.kind == "body"] == [paragraph]


def test_numbered_items_keep_their_number_and_bullets_lose_their_glyph() -> None:
    units = lines_to_units("1. Choose the right pot\n* Home\n2) Water it once a week\n- News")
    assert units == [
        ("1. Choose the right pot", True),
        ("Home", True),
        ("2) Water it once a week", True),
        ("News", True),
    ]
    assert lines_to_units("1. März 2019") == [("1. März 2019", False)]  # a date, not an item
