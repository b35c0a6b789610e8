"""Report merging's pair kinds with claims (benchmarks/report_merging.py) and the report
score's fit (benchmarks/fit_reports.py) on them, on a tiny story with a split report key."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import fit_reports as fr  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import report_merging as rm  # noqa: E402
from briefing_eval import Label  # noqa: E402
from tree_boost import Settings, fit_binary_trees  # noqa: E402
from tree_boost import scores as tree_scores  # noqa: E402

from briefing.annotate import AnnotatedArticle, Sentence  # noqa: E402
from briefing.extract import Article  # noqa: E402


def labelled(sid: str, text: str, claims: set[str]) -> rm.Labelled:
    label = Label(text=text, event=True, report="kyiv:toll", claims=frozenset(claims))
    return rm.Labelled(sid, sid[:2], "kyiv", text, label)


def article(article_id: str, text: str) -> AnnotatedArticle:
    """An article of one body sentence, undated."""
    sentence = Sentence(f"{article_id}.s1", article_id, 1, "body", text, (), ())
    page = Article(f"{article_id}.txt", "t", None, None, None, None, (), ())
    return AnnotatedArticle(article_id, page, (sentence,))


DEAD_A = labelled("a1.s1", "Russian missiles killed 12 people in Kyiv overnight.", {"dead"})
HURT_A = labelled("a1.s2", "Another 87 people were injured in the attack.", {"wounded"})
DEAD_B = labelled("a2.s1", "A Russian strike on Kyiv left 12 people dead overnight.", {"dead"})
BOTH_B = labelled("a2.s2", "Twelve were killed and 87 wounded in Kyiv.", {"dead", "wounded"})


def test_pairs_of_one_report_key_are_merged_by_claim() -> None:
    assert rm.pair_kind(DEAD_A, DEAD_B) == "rewrite"
    assert rm.pair_kind(HURT_A, DEAD_B) == rm.OTHER_CLAIM
    assert rm.pair_kind(HURT_A, BOTH_B) == "rewrite"  # it states the wounded too
    assert rm.pair_kind(DEAD_A, HURT_A) is None  # one article
    # The briefing merged the dead of both articles, and the wounded with the dead.
    merged = {frozenset(("a1.s1", "a2.s1")), frozenset(("a1.s2", "a2.s1"))}
    split = rm.Split()
    rm.judge([DEAD_A, HURT_A, DEAD_B], merged, split, pairwise=False)
    kinds = split.kinds["grouped"]
    assert (kinds["rewrite"].merged, kinds["rewrite"].total) == (1, 1)
    assert (kinds[rm.OTHER_CLAIM].merged, kinds[rm.OTHER_CLAIM].total) == (1, 1)
    assert not kinds[rm.OTHER_CLAIM].misses  # merged or not, neither is a miss
    keys = split.key_rewrites["grouped"]
    assert (keys.merged, keys.total) == (2, 2)  # the report-key figure counts both


def test_the_fit_leaves_pairs_of_other_claims_out() -> None:
    def pair(value: float, kind: str) -> fr.Pair:
        return fr.Pair(frozenset({0}), {"shared": value}, kind)

    pairs = [pair(0.9, "rewrite"), pair(0.8, "copy"), pair(0.1, "near"), pair(0.2, "hard")]
    alone = fr.fit(pairs)
    assert alone["weights"]["shared"] > 0
    # Pairs of other claims weigh nothing: as negatives, sharing much, they would pull it down.
    assert fr.fit([*pairs, pair(0.9, rm.OTHER_CLAIM), pair(0.85, rm.OTHER_CLAIM)]) == alone


def test_rewrites_are_counted_by_the_shape_of_their_claims() -> None:
    assert rm.claim_shape(DEAD_A.label, DEAD_B.label) is rm.ClaimShape.ONE_EACH
    assert rm.claim_shape(BOTH_B.label, DEAD_A.label) is rm.ClaimShape.SEVERAL_AND_SOME
    assert rm.claim_shape(BOTH_B.label, BOTH_B.label) is rm.ClaimShape.SAME_SEVERAL
    # The briefing merged the dead of both articles, not the sentence stating both.
    merged = {frozenset(("a1.s1", "a2.s1"))}
    split = rm.Split()
    rm.judge([DEAD_A, HURT_A, DEAD_B, BOTH_B], merged, split, pairwise=False)
    one_each = split.shapes[rm.ClaimShape.ONE_EACH]
    several = split.shapes[rm.ClaimShape.SEVERAL_AND_SOME]
    assert (one_each.merged, one_each.total) == (1, 1)
    # "Twelve were killed and 87 wounded" against the dead and against the wounded of a1
    assert (several.merged, several.total) == (0, 2)
    assert sum(counts.total for counts in split.shapes.values()) == (
        split.kinds["grouped"]["rewrite"].total
    )


def test_a_fit_is_shown_beside_the_weights_shipped(capsys) -> None:
    from report_pairs import SAME

    first, second = SAME[0]
    label = Label(text=first, event=True, report="dnipro:strike")
    stories = fr.Stories(
        names=["dnipro"],
        splits=["dev"],
        clusters=[[article("a1", first), article("a2", second)]],
        labelled=[
            [
                rm.Labelled("a1.s1", "a1", "dnipro", first, label),
                rm.Labelled("a2.s1", "a2", "dnipro", second, label),
            ]
        ],
        fitted=[True],
        whole=[True],
    )
    shipped = fr.json.loads(fr.WEIGHTS.read_text(encoding="utf-8"))
    # A fit too strict to merge the two outlets' rewording of one wire report.
    fr.against_shipped(stories, [0], {**shipped, "threshold": 1.0, "linked_threshold": 1.0})
    shown = capsys.readouterr().out.splitlines()
    assert shown[0].startswith("dev, weights shipped: rewrite 1/1")
    assert shown[1].startswith("dev, this fit: rewrite 0/1")


def test_pairs_are_counted_by_how_they_would_score_if_proposed() -> None:
    from datetime import date

    from report_pairs import SAME

    from briefing.corroborate import report_score, report_words
    from briefing.model.words import report_weights

    first, second = SAME[0]
    weights = report_weights()
    one, other = article("a1", first), article("a2", second)
    wa, wb = report_words(first), report_words(second)
    day = date(2024, 11, 30)
    score = rm.scored_as_proposed(one.sentences[0], other.sentences[0], wa, wb, day, day, weights)
    # As the briefing scores a candidate: the articles' news days stand for undated sentences.
    news = frozenset({"2024-11-30", "2024-11-29"})
    assert score == report_score(wa, wb, weights, frozenset(), frozenset(), news, news)
    assert score >= weights.threshold
    # Published a month apart, the briefing never scores them: one report is carried within days.
    later = date(2024, 12, 30)
    assert (
        rm.scored_as_proposed(one.sentences[0], other.sentences[0], wa, wb, day, later, weights)
        is None
    )
    label = Label(text=first, event=True, report="dnipro:strike")
    labelled = [
        rm.Labelled("a1.s1", "a1", "dnipro", first, label),
        rm.Labelled("a2.s1", "a2", "dnipro", second, label),
    ]
    found = rm.what_pairs_share([one, other], labelled)
    assert found["rewrite, proposed", "pairs"] == 1
    assert [found["rewrite, proposed", what] for what in rm.SCORED] == [1, 1, 1]


def test_binary_trees_learn_an_interaction_no_weighted_sum_gives() -> None:
    """Pairs are one report when two features are both set or both unset (an exclusive
    or, which a weighted sum cannot score: `fit_reports.py --trees`)."""
    draw = np.random.default_rng(0)
    rows = draw.integers(0, 2, size=(400, 2)).astype(float)
    labels = (rows[:, 0] == rows[:, 1]).astype(float)
    sample = np.ones(len(rows))
    trees = fit_binary_trees(rows, labels, sample, np.zeros(len(rows)), Settings(2, 100, 0.3, 1.0))
    both, one, neither = tree_scores(trees, np.array([[1.0, 1.0], [1.0, 0.0], [0.0, 0.0]]))
    assert both > 0 > one and neither > 0


def test_binary_trees_weigh_pairs_and_start_from_the_linear_sums() -> None:
    """Half the pairs are one report, whatever their feature: weighing those 3 times the
    others makes the odds 3 to 1 (a sum of log 3); a start of 5 is brought back to even."""
    rows = np.repeat([[0.0], [1.0]], 100, axis=0)
    labels = np.tile([0.0, 1.0], 100)
    settings = Settings(1, 200, 0.3, 1.0)
    weighted = fit_binary_trees(
        rows, labels, np.where(labels == 1, 3.0, 1.0), np.zeros(200), settings
    )
    assert tree_scores(weighted, rows[[0, -1]]) == pytest.approx([np.log(3)] * 2, abs=0.01)
    started = fit_binary_trees(rows, labels, np.ones(200), np.full(200, 5.0), settings)
    assert 5.0 + tree_scores(started, rows[[0, -1]]) == pytest.approx([0.0, 0.0], abs=0.01)
