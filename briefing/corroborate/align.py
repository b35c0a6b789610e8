"""Pairs of sentences along the alignment of two articles that carry one report: two
outlets rewording a wire story keep its order, so once two of their sentences are one
report past the threshold, their other sentences pair in that order (not across it), at a
score too low to trust for a pair alone.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from briefing.corroborate.features import NO_DAYS, news_days
from briefing.corroborate.packed import Features
from briefing.corroborate.score import comparable, report_score
from briefing.model.words import ReportWeights

# The score from which a pair of sentences of two aligned articles, in the alignment's
# order, may join their report (see `join.join_reports` for what else it must pass).
# Picked on dev (benchmarks/report_merging.py --split dev) leaving each story out, among
# 0.3-0.5, with the alignment anchored by 1, 2 or 3 pairs past the threshold, with or
# without the candidate pairs (not only the neighbours): 0.3 with one anchor and the
# candidate pairs in 17 of 18 folds (the other 0.5). Held out, rewrites merged 336 -> 348
# of 678 for the same wrong merges (3 of one story file, 4 across stories, 8 hard). Asking
# two anchors in order (the article pair judged to carry one report by several strong
# pairs) merged fewer (344; three: 342) for no fewer wrong merges; the anchors' neighbours
# alone, 341 at 0.2-0.5. 2026-11-27. Lower, 2026-11-28 (7 pages missing; each dev story
# grouped alone, left out in turn, among 0.3, 0.25 and 0.2 keeping its wrong merges of one
# story file at the others' 10): 0.2 in all 18 folds, held out 347 -> 351 of 676 rewrites
# for the same 10 (grouped at once: 3 of one story file, 2 across stories, 8 hard, as
# before): "Reuters photographer Hatem Omar was wounded." with "At least one journalist,
# Hatem Omar, was seriously injured." (0.29). 0.15 is picked too (353), but joins two
# stories in a mixed folder (an Israeli statement with the Sudanese army's videos); 0.1
# adds one wrong merge of one story file. Asking two anchors from 0.3 to 0.2 (the article
# pair judged to carry one report) merges 350. What lies further down is not the article
# pair's to decide: of the rewrites of two articles sharing 2+ strong pairs left apart,
# as many score 0.3+ as negatives of one story file do (`report_merging.py --why`).
ALIGNED_LOW = 0.2
# The article pair as more evidence, measured the same day on dev (grouped at once, against
# 347 rewrites, wrong merges 3 / 2 / 8): none pays. Candidate pairs of articles anchored 2+
# times joining across the alignment from 0.45-0.6: 347, the same (each has a better match
# in the other's article: RIVAL_MARGIN refuses them all). The best assignment between the
# two articles' sentences instead of that margin: from 0.4, +5 (one join) for +12 of one
# story file (Zainab's death into Nasrallah's report); from 0.5, +0 for the same 12.
# Neighbours of anchors up to 2-5 sentences away: 347, one more across stories. A second
# threshold for pairs of articles sharing 2+ other strong pairs: 0.65, 352 for 19 / 1 / 9;
# 0.7, 347 for 15; with 3+ anchors, unchanged. The article pair's other strong pairs on the
# score's sum (w * min(k, 3) / 3 + b): w 0.5, 348 for 28 / 2 / 9; w 1, b -0.5, 317 for 3 /
# 0 / 6. As fitted features (benchmarks/fit_reports.py's AUC, dev stories held out):
# "2+ others" 0.823 -> 0.815 (hard ones 0.607 -> 0.580), min(k, 3) / 3 0.789; one-hot 1 and
# 2+ 0.827 / 0.671, but grouped over the shipped score at that fit's offset (b 0.45, one
# 2.2, two 0.36) 402 for 77 / 7 / 23; smaller steps: b -0.3, one 0.7, two 0.3, 340 for
# 3 / 2 / 7; the others tried (b -1 to 0, one 0.5-2) 315-354 for 22-39 more of one story
# file. Two articles carrying one report in several pairs carry the story's other events
# too: 49% of dev rewrites lie in such article pairs, and 48% of near negatives.
# What the members of two groups a candidate pair of aligned articles joins must score on
# average (a pair never proposed scoring 0): without it, on dev, 5 more wrong merges of
# one story file (the story's other events, alike enough to be proposed, chaining through
# one pair) for 3 more rewrites; 0.3 and 0.4 merge the same.
ALIGNED_AGREEMENT = 0.3

# Pairs past the threshold two articles must share, in one order, for the neighbours of
# each to be scored: two outlets carrying one wire report share several. (In a distinct
# corpus of 1,000 articles most pairs of articles sharing such a pair share only that one,
# and scoring all their neighbours cost +68% of corroboration's CPU; with 2, dev merges
# the same 349 rewrites. Corroborating distinct 1,000 then costs what it did, 1.92 s
# against 2.02, wire 1,000 0.44-0.46 s against 0.41-0.42: CPU, in-process, paired.)
NEIGHBOURS_ANCHORED = 2


def aligned_pairs(
    features: Features,
    anchors: Iterable[tuple[int, int]],
    ranked: Sequence[tuple[float, int, int]],
    proposed: Mapping[tuple[int, int], float],
    published: Sequence[date | None],
    told: Mapping[int, frozenset[str]],
    compared: Callable[[int], bool],
    joined: Callable[[int, int], bool],
    weights: ReportWeights,
) -> list[AlignedPair]:
    """The pairs of sentences of two articles joined by
    `anchors` (pairs of sentences of one report, past the threshold) scoring ALIGNED_LOW
    or more without crossing the articles' alignment: the candidate pairs (`ranked`, best
    first, scored in `proposed`) and the anchors' neighbours (the sentences just before
    both, or just after both, of articles sharing NEIGHBOURS_ANCHORED anchors), scored
    here when never proposed, both `compared` and not yet `joined` (a copy's neighbours
    are mostly copies); best first."""
    by_articles = _by_articles(features, anchors)
    # Each pair of articles' alignment, made when first asked for (most pairs of articles
    # sharing an anchor have no other pair to decide).
    alignments: dict[tuple[int, int], Alignment] = {}

    def alignment_of(articles: tuple[int, int]) -> Alignment:
        made = alignments.get(articles)
        if made is None:
            run = monotone(by_articles[articles])
            made = alignments[articles] = Alignment([i for i, _ in run], [j for _, j in run])
        return made

    found: dict[tuple[int, int], tuple[float, bool]] = {}
    article = features.article_of
    for score, i, j in ranked:
        if score < ALIGNED_LOW:
            break
        if article[i] > article[j]:
            i, j = j, i
        articles = article[i], article[j]
        if articles in by_articles and alignment_of(articles).admits(i, j):
            found[i, j] = score, True
    for (a, b), pairs in by_articles.items():
        if len(pairs) < NEIGHBOURS_ANCHORED:
            continue
        alignment = alignment_of((a, b))
        if len(alignment.firsts) < NEIGHBOURS_ANCHORED:
            continue
        for u, v in zip(alignment.firsts, alignment.seconds, strict=True):
            for i, j in ((u - 1, v - 1), (u + 1, v + 1)):
                if (i, j) in found or (i, j) in proposed:
                    continue
                if features.article(i) != a or features.article(j) != b:
                    continue
                if not (compared(i) and compared(j)) or joined(i, j):
                    continue
                if not alignment.admits(i, j):
                    continue
                wi, wj = features[i], features[j]
                if not (wi.words and wj.words and comparable(wi, wj)):
                    continue
                days = news_days(published[i]), news_days(published[j])
                told_i, told_j = told.get(i, NO_DAYS), told.get(j, NO_DAYS)
                score = report_score(wi, wj, weights, told_i, told_j, *days)
                if score >= ALIGNED_LOW:
                    found[i, j] = score, False
    pairs = [AlignedPair(score, i, j, was) for (i, j), (score, was) in found.items()]
    return sorted(pairs, key=lambda pair: (-pair.score, pair.first, pair.second))


def _by_articles(
    features: Features, anchors: Iterable[tuple[int, int]]
) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """The anchors of each pair of articles, the article placed first first."""
    by_articles: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for i, j in anchors:
        a, b = features.article(i), features.article(j)
        if a != b:
            by_articles[(a, b) if a < b else (b, a)].append((i, j) if a < b else (j, i))
    return by_articles


def monotone(pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """One longest run of `pairs` rising in both places (a monotone alignment of two
    sequences), in O(n log n)."""
    ordered = sorted(set(pairs))
    # ends[k]: the place in `ordered` of the pair ending the best run of k + 1 pairs so far
    # (the lowest second place), seconds[k] that place; before[m]: the pair before m in
    # its run.
    ends: list[int] = []
    seconds: list[int] = []
    before: list[int] = []
    start = 0
    while start < len(ordered):
        # Pairs of one first place cannot be in one run: each is placed against the runs
        # of the pairs before them only.
        stop = start
        while stop < len(ordered) and ordered[stop][0] == ordered[start][0]:
            stop += 1
        placed = [(bisect_left(seconds, ordered[m][1]), m) for m in range(start, stop)]
        before += [ends[k - 1] if k else -1 for k, _ in placed]
        for k, m in placed:
            if k == len(ends):
                ends.append(m)
                seconds.append(ordered[m][1])
            elif ordered[m][1] < seconds[k]:
                ends[k], seconds[k] = m, ordered[m][1]
        start = stop
    run = []
    at = ends[-1] if ends else -1
    while at >= 0:
        run.append(ordered[at])
        at = before[at]
    return run[::-1]


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """A pair of sentences of two aligned articles: `first` of the article placed first,
    `second` of the other; `proposed` when the candidate search proposed it (a neighbour
    never proposed has no other pairs of the two groups to agree with)."""

    score: float
    first: int
    second: int
    proposed: bool


@dataclass(frozen=True, slots=True)
class Alignment:
    """Two articles' pairs of sentences of one report in one order: sentence `firsts[n]`
    of the article placed first with `seconds[n]` of the other, both rising."""

    firsts: list[int]
    seconds: list[int]

    def admits(self, i: int, j: int) -> bool:
        """Whether sentences i and j (of the first and second article) pair without
        crossing the alignment: after both, or before both, of each of its pairs."""
        k = bisect_left(self.firsts, i)
        if k < len(self.firsts) and self.firsts[k] == i:
            return False
        return (k == 0 or self.seconds[k - 1] < j) and (
            k == len(self.seconds) or self.seconds[k] > j
        )
