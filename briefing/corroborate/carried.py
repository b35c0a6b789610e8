"""The day of an undated article, carried from the dated articles that carry its reports,
for the guard against joining reports published apart (`join.dates_apart`).

Sentences of articles published more than `join.REPORT_DAYS` apart carry different
reports however alike; an article whose page gives no date escaped that guard, so a
rewrite of Sumy's strike of 13 April joined Zelensky's words on Kryvyi Rih's of 4 April
in a folder holding both. Its day is carried here from the articles carrying its reports,
guarded against chains: only from articles with their own page date (never a day carried
to another), only through strong evidence (CARRIER_ANCHORS sentences copied or pairs past
the threshold, in the two articles' order: `align.monotone`; one copied line may be a
site's furniture on pages of other days), only when those carriers agree on the day
(within CARRIER_SPREAD), and the earliest of them (a rewrite appears after the report it
rewords).

On dev (benchmarks/report_merging.py --split dev, 2026-11-27) it leaves rewrites merged
at 349 of 678 and wrong merges of one story file at 3 and hard ones at 8, and takes wrong
merges across stories from 4 to 2 (of 141,626). 16 of the 49 undated dev articles get a
day, each a day their labelled events fall on or the day after; of the 4 whose day is
labelled, 3 right and one 3 days early (a rewrite published days after its carriers).
With one anchor 36 of 49 get one, and 3 wrong merges across stories. As a feature of the
report score it does not pay: the day carried to an article, as its news against a
sentence telling a day (agree +0.5 to +2, clash -0.5 to -3), groups 338-349 rewrites (the
same or fewer; "since Friday" told of an event before the news it runs with, and joins
made in another order then refused), with one anchor 340-347 for up to 5 more wrong
merges of one story file; read as the article's day to resolve its "on Sunday", wrong
merges of one story file 3 -> 26. What the undated dev articles' event sentences given
their true day would gain (403 rewrites, for 27 wrong merges of one story file under
today's join rules) lies where carrying cannot reach: given to the 16 articles with a
carried day it groups 350, to the 33 without one 407. An article tied to its carriers by
strong evidence is already grouped with them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from itertools import pairwise

from briefing.corroborate.align import monotone
from briefing.corroborate.packed import Features

# Carriers whose page dates are further apart than this carry no day: they disagree.
CARRIER_SPREAD = 1
# Pairs of sentences, copies or past the threshold, in the two articles' order, by which an
# article carries its day to an undated one.
CARRIER_ANCHORS = 2
# A copied sentence is such a pair when it has this many compared words and a name: not a
# share bar or a stock phrase two unrelated pages have in common.
COPY_WORDS = 6


def carried_days(
    features: Features,
    scored: Sequence[tuple[float, int, int]],
    published: Sequence[date | None],
    copy_of: Sequence[int],
    threshold: float,
) -> dict[int, date]:
    """Article place -> the day carried to an undated article (see the module).
    `scored`: the candidate pairs (score, i, j) of sentences by place in reading order;
    `published`: each sentence's article's page date; `copy_of`: each sentence's first
    copy (itself when it copies none)."""
    article_of = features.article_of
    undated = {article_of[i] for i, day in enumerate(published) if day is None}
    if not undated:
        return {}
    anchors: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)

    def anchor(i: int, j: int, a: int, b: int) -> None:
        """Sentences i and j of articles a and b, if one of them is undated."""
        if a in undated and b not in undated:
            anchors[a, b].append((i, j))
        elif b in undated and a not in undated:
            anchors[b, a].append((j, i))

    # A wire's copies are most sentences: each first copy's words are read once, and only
    # for a copy across an undated and a dated article.
    telling: dict[int, bool] = {}
    for i, first in enumerate(copy_of):
        if first == i or (published[i] is None) == (published[first] is None):
            continue
        if first not in telling:
            words = features[first]
            telling[first] = len(words.words) >= COPY_WORDS and bool(words.names)
        if telling[first]:
            anchor(i, first, article_of[i], article_of[first])
    for score, i, j in scored:
        if score >= threshold:
            anchor(i, j, article_of[i], article_of[j])
    carriers: dict[int, dict[int, date]] = defaultdict(dict)
    for (article, carrier), pairs in anchors.items():
        if len(pairs) >= CARRIER_ANCHORS and _in_order(pairs) >= CARRIER_ANCHORS:
            day = published[pairs[0][1]]
            if day is not None:
                carriers[article][carrier] = day
    carried = {}
    for article, found in carriers.items():
        days = found.values()
        if (max(days) - min(days)).days <= CARRIER_SPREAD:
            carried[article] = min(days)
    return carried


def _in_order(pairs: list[tuple[int, int]]) -> int:
    """How many of the pairs of sentences of two articles lie in both articles' order: all
    of a whole article's copies, found in order (most pairs), else `monotone`'s run."""
    if all(a < c and b < d for (a, b), (c, d) in pairwise(pairs)):
        return len(pairs)
    return len(monotone(pairs))


def guard_days(
    features: Features, published: Sequence[date | None], carried: Mapping[int, date]
) -> Sequence[date | None]:
    """Each sentence's article's day as the guard against reports published apart reads
    it: its page date, else the day carried to it (`carried_days`), else none."""
    if not carried:
        return published
    article_of = features.article_of
    return [
        day if day is not None else carried.get(article_of[i]) for i, day in enumerate(published)
    ]
