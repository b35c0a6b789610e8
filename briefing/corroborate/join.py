"""How scored pairs of sentences join into reports: best first, guarded against joining two
days' events or reports published apart.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from enum import Enum
from itertools import combinations, product, repeat

from briefing.annotate import Sentence
from briefing.corroborate.align import ALIGNED_AGREEMENT, ALIGNED_LOW, aligned_pairs
from briefing.corroborate.candidates import candidate_pairs
from briefing.corroborate.carried import carried_days, guard_days
from briefing.corroborate.features import (
    NO_DAYS,
    SMALL_COUNT,
    counts_agree,
    news_days,
    told_features,
)
from briefing.corroborate.mentions import BODY_ACRONYMS, body_names
from briefing.corroborate.packed import Features
from briefing.corroborate.score import clash, comparable, report_score
from briefing.corroborate.tokens import compared_word, country_ids
from briefing.corroborate.words import ReportWords
from briefing.model.attribution import acting_subject
from briefing.model.clauses import verb_done
from briefing.model.words import ReportWeights, event_verbs

# A wire report is carried within days: articles published further apart than this
# carry different reports.
REPORT_DAYS = 3
# Two groups joined by a pair past the threshold: their members' pairs must score this
# much on average (a pair never proposed scoring 0), so that one pair cannot chain two
# reports: on dev at the threshold 0.81 (benchmarks/report_merging.py --split dev --pick),
# 0.3 keeps rewrites merged 47% (49% without) and merges fewer wrong pairs (43 -> 31 of
# one story file, 15 -> 2 of other stories).
GROUP_AGREEMENT = 0.3
# Members of each group checked for a clash when two groups join (a bound on the cost
# when one report has hundreds of distinct rewordings).
_GUARDED = 40


class Refusal(Enum):
    """Why a pair of sentences tried did not join their groups."""

    APART = "published apart"  # two members `published_apart`
    DAYS_CLASH = "days of the month clash"  # two members `clash`
    WEEKDAYS = "weekdays of two days"  # the groups name weekdays, none the same
    WEAKLY_LINKED = "weakly linked groups"  # under the threshold: see `linked_threshold`
    RIVALLED = "a better match elsewhere"  # under the threshold: see RIVAL_MARGIN
    CHAINED = "groups chained by one pair"  # past the threshold: see GROUP_AGREEMENT
    OTHER_ACTS = "two actors' acts"  # two members `other_acts`


def join_reports(
    features: Features,
    published: Sequence[date | None],
    told: Mapping[int, frozenset[str]],
    distinct: Sequence[int],
    parent: list[int],
    root: Callable[[int], int],
    weights: ReportWeights,
    texts: Sequence[str],
    refused: dict[tuple[int, int], Refusal] | None = None,
    tolls: Mapping[int, Mapping[str, float]] | None = None,
) -> None:
    """Join the distinct sentences that carry one report: candidate pairs (sharing
    words) scoring past the threshold, best first; two groups join only when none of
    their members clash (other days of the month), so a chain of near-alike sentences
    cannot join the events of two days. Sentences of articles published more than
    REPORT_DAYS apart carry different reports however alike (the WHO on one hospital in
    January and in October), and so do a sentence telling of another year than its
    article's and one that does not, and so do two sentences telling two actors' acts
    (`other_acts`). `texts`: the sentences' texts, by number. `refused`, when given, gets
    why each pair (i, j) tried and not joined stayed apart. `distinct` is in reading order
    (sorted). `tolls`: the distinct sentences' `model.tolls.toll_counts`, of those giving a
    toll (see `toll_pairs`)."""

    # The guards read members' days alone: each sentence's, read once and never unpacked
    # with the rest of its words (most members of the groups tried are read for nothing).
    read_dates: dict[int, frozenset[str]] = {}

    def dates(i: int) -> frozenset[str]:
        found = read_dates.get(i)
        if found is None:
            found = read_dates[i] = features.dates(i)
        return found

    read_acts: dict[int, Act | None] = {}

    def acts(i: int) -> Act | None:
        if i not in read_acts:
            read_acts[i] = act(texts[i])
        return read_acts[i]

    scored = _scored_pairs(features, distinct, published, told, weights)
    # An undated article is kept apart by the day its carriers give it. (Before any join,
    # `parent` holds only copies: each one's first copy.)
    carried = carried_days(features, scored, published, parent, weights.threshold)
    days = guard_days(features, published, carried)

    members: dict[int, list[int]] = {}

    def join(i: int, j: int) -> None:
        ri, rj = root(i), root(j)
        group_i, group_j = members.get(ri, [ri]), members.get(rj, [rj])
        refusal = _refusal(features, dates, acts, days, group_i, group_j, i, j)
        if refusal is not None:
            if refused is not None:
                refused[i, j] = refusal
            return
        first, second = min(ri, rj), max(ri, rj)
        parent[second] = first
        members[first] = [*group_i, *group_j] if first == ri else [*group_j, *group_i]
        members.pop(second, None)

    ranked = sorted(scored, key=lambda item: (-item[0], item[1], item[2]))
    above = sum(score >= weights.threshold for score, _, _ in ranked)
    # Either way round: the pairs of two groups are looked up as they come.
    score_of: dict[tuple[int, int], float] = {}
    for score, i, j in scored:
        score_of[i, j] = score_of[j, i] = score

    def mean_score(i: int, j: int) -> tuple[float, int]:
        """The mean score of the pairs of members of i's and j's groups (a pair never
        proposed scoring 0), and how many pairs."""
        ri, rj = root(i), root(j)
        group_i, group_j = members.get(ri, [ri]), members.get(rj, [rj])
        pairs = min(len(group_i), _GUARDED) * min(len(group_j), _GUARDED)
        total = sum(map(score_of.get, _cross(group_i, group_j), repeat(0.0, pairs)))
        return total / pairs, pairs

    for _, i, j in ranked[:above]:
        ri, rj = root(i), root(j)
        if ri != rj:
            if ri not in members and rj not in members:
                join(i, j)  # two sentences alone: their one pair is past the threshold
                continue
            mean, pairs = mean_score(i, j)
            if pairs < _LINKED_PAIRS or mean >= GROUP_AGREEMENT:
                join(i, j)
            elif refused is not None:
                refused[i, j] = Refusal.CHAINED
    # Outlets rewording one wire story keep its order: a pair scoring under the threshold
    # (but past `aligned_threshold`) joins when sentences just before both, or just after
    # both, already carry one report.
    for score, i, j in ranked[above:]:
        if score < weights.aligned_threshold:
            break
        if root(i) != root(j) and _neighbours_joined(features, root, i, j):
            join(i, j)
    # Both rules under the threshold below ask whether a sentence has a rival: a sentence
    # outside the group it would join that it matches about as well. Each sentence's
    # matches are gathered once, when first asked for (never where no pair under the
    # threshold gets that far).
    found: list[dict[int, list[tuple[float, int]]]] = []

    def rivalled(score: float, i: int, j: int, in_article: bool) -> bool:
        if not found:
            lowest = min(weights.linked_threshold, LONE_THRESHOLD, ALIGNED_LOW) - RIVAL_MARGIN
            found.append(_matches(features, ranked, lowest))
        return _rivalled(features, root, found[0], score, i, j, in_article)

    # Outlets telling one report each in their own words give several pairs of it, each
    # alone too weak to trust: a pair scoring under the threshold (but past
    # `linked_threshold`) joins two groups, with _LINKED_PAIRS pairs of members at least,
    # whose members score that much on average, a pair never proposed scoring 0.
    # Chaining on the strongest pair alone is what joins two days' strikes on one city;
    # agreeing on average is what a report's rewordings do. And the pair must be each
    # other's best match in the other's article (by RIVAL_MARGIN): a report's rewording
    # is; another event of the story, alike enough to link its groups, often has its own
    # rewording there.
    for score, i, j in ranked[above:] if weights.linked_threshold < weights.threshold else ():
        if score < weights.linked_threshold:
            break
        if root(i) == root(j):
            continue
        mean, pairs = mean_score(i, j)
        if pairs < _LINKED_PAIRS:
            continue
        if mean < weights.linked_threshold:
            if refused is not None:
                refused[i, j] = Refusal.WEAKLY_LINKED
        elif rivalled(score, i, j, True) or rivalled(score, j, i, True):
            if refused is not None:
                refused[i, j] = Refusal.RIVALLED
        else:
            join(i, j)
    # A sentence still alone joins a group by a pair scoring under the threshold (but past
    # LONE_THRESHOLD) when the group's members score LONE_AGREEMENT with it on average and
    # it matches no sentence of another group, in any article, within RIVAL_MARGIN of that
    # pair (torn between two reports of the story, it is neither's). Two sentences alone
    # are the pair's score alone, which the threshold decides.
    for score, i, j in ranked[above:]:
        if score < LONE_THRESHOLD:
            break
        if features.article(i) == features.article(j):
            continue
        for lone, group in ((i, j), (j, i)):
            if root(lone) in members or root(group) not in members:
                continue
            if rivalled(score, lone, group, False):
                if refused is not None:
                    refused[i, j] = Refusal.RIVALLED
            elif mean_score(lone, group)[0] >= LONE_AGREEMENT:
                join(lone, group)
            break
    # Two articles with sentences of one report past the threshold carry that report: their
    # other sentences pair along the alignment those pairs make (`align.aligned_pairs`),
    # from ALIGNED_LOW, when each is the other's best match in its article (RIVAL_MARGIN).
    # A candidate pair must also agree with the groups it joins on average (ALIGNED_AGREEMENT:
    # the story's other events, alike enough to be proposed, join through one such pair);
    # a pair of neighbours never proposed has its place for that evidence.
    anchors = [(i, j) for _, i, j in ranked[:above] if root(i) == root(j)]

    def compared(i: int) -> bool:
        at = bisect_left(distinct, i)
        return parent[i] != i or (at < len(distinct) and distinct[at] == i)

    def joined(i: int, j: int) -> bool:
        return root(i) == root(j)

    for pair in aligned_pairs(
        features, anchors, ranked[above:], score_of, published, told, compared, joined, weights
    ):
        score, i, j = pair.score, pair.first, pair.second
        if root(i) == root(j):
            continue
        if rivalled(score, i, j, True) or rivalled(score, j, i, True):
            if refused is not None:
                refused[i, j] = Refusal.RIVALLED
            continue
        if pair.proposed:
            mean, pairs = mean_score(i, j)
            if pairs >= _LINKED_PAIRS and mean < ALIGNED_AGREEMENT:
                if refused is not None:
                    refused[i, j] = Refusal.WEAKLY_LINKED
                continue
        join(i, j)
    for i, j in toll_pairs(features, tolls or {}, days, told):
        if root(i) != root(j):
            join(i, j)


# A pair under the threshold joins two groups only when neither sentence has a match,
# outside the other's group, scoring within this of the pair (in the other's article, for
# `linked_threshold`): on dev (benchmarks/report_merging.py --split dev) it keeps the
# Kavumu airport's capture a month later out of Goma's report (wrong merges 22 -> 12 of
# 1,350 of one story file, rewrites merged unchanged); any margin from 0.05 to 0.2 does
# the same, 0 nothing.
RIVAL_MARGIN = 0.1
# A sentence alone after the rules above joins a group it scores this much with (see
# `join_reports`) when the group's members agree with it LONE_AGREEMENT on average: picked
# on dev (benchmarks/report_merging.py --split dev) leaving each story out, among
# thresholds 0.5-0.7, agreements 0.25-0.4 and margins 0.1-0.2 that merge no more hard
# negatives of a profile's stories briefed at once (this setting in 17 of 18 folds; held
# out, rewrites merged 314 -> 333 of 658 for the same wrong merges, 9 hard and 3 others of
# one story file). The agreement is what matters: at 0.25, 12 more wrong merges and one
# across stories; at 0.2, 11 more (Nasrallah's); at 0.4, 11 fewer rewrites. The threshold
# from 0.5 to 0.7 and the margin from 0 to 0.2 move 1-3 rewrites. The test stories,
# printed once after the pick (2026-11-27, with the rule on `linked_threshold` above):
# rewrites merged 81 -> 82 of 217, wrong merges of one story file 6 -> 8 of 609 (Gaza's
# first exchange). Cost: corroborating a distinct corpus of 1,000 +5.2% instructions, a
# wire corpus +0.2% (callgrind, article words known as in the main process).
LONE_THRESHOLD = 0.7
LONE_AGREEMENT = 0.35


def _matches(
    features: Features, ranked: Sequence[tuple[float, int, int]], lowest: float
) -> dict[int, list[tuple[float, int]]]:
    """Each sentence's matches in other articles scoring `lowest` or more, best first, as
    (score, sentence): of `ranked`, best first, only those pairs are read."""
    matches: dict[int, list[tuple[float, int]]] = {}
    article = features.article_of
    for score, i, j in ranked:
        if score < lowest:
            break
        if article[i] != article[j]:
            matches.setdefault(i, []).append((score, j))
            matches.setdefault(j, []).append((score, i))
    return matches


def _rivalled(
    features: Features,
    root: Callable[[int], int],
    matches: Mapping[int, Sequence[tuple[float, int]]],
    score: float,
    i: int,
    j: int,
    in_article: bool,
) -> bool:
    """Whether sentence i, scoring `score` with j, has a rival: a sentence not of j's group
    (and of j's article, if `in_article`) that i matches within RIVAL_MARGIN of that score
    or better (`matches`: see `_matches`)."""
    group, article = root(j), features.article(j)
    for other, k in matches.get(i, ()):
        if other <= score - RIVAL_MARGIN:
            return False  # best first: no later match comes closer
        if k != j and root(k) != group and (not in_article or features.article(k) == article):
            return True
    return False


# A toll rises through its day ("nine killed" at dawn, "20 died" by evening): counts of one
# kind within this factor of each other may be one toll. Of a day's other events in one
# place, a count of another order: at 10, "Israel kills 25 Palestinians in Gaza airstrikes"
# joined the day's school strike "kills at least 90" (benchmarks/report_merging.py's
# docstring has the rule's figures).
TOLL_SPREAD = 3.0


def distinct_tolls(
    features: Features, sentences: Sequence[Sentence], distinct: Sequence[int]
) -> dict[int, dict[str, float]]:
    """The tolls (`model.tolls.toll_counts`) of the distinct sentences giving one, by
    number: what `toll_pairs` pairs. Only sentences giving a count are read (most give
    none: reading every one cost a fifth of corroborating a distinct 1,000)."""
    # (model reads counts with this package's words: imported once both are loaded)
    from briefing.model.tolls import toll_counts

    counted = features.number_counts()
    return {
        i: toll
        for i in distinct
        if counted[i]
        and all(d.precision == "day" for d in sentences[i].dates)
        and (toll := toll_counts(sentences[i].text))
    }


def toll_pairs(
    features: Features,
    tolls: Mapping[int, Mapping[str, float]],
    days: Sequence[date | None],
    told: Mapping[int, frozenset[str]],
) -> Iterator[tuple[int, int]]:
    """Pairs of sentences (i < j, of two articles) giving one toll of one event however
    worded: the same kind of count ("dead", "injured", within TOLL_SPREAD), on the same
    day (their articles' guard `days`, the days they tell of agreeing or, told by one, the
    other article's news), and a name in common other than a country's (the city, the
    hospital, the group): the same day's tolls of one event are one report, as its labels
    count them. In order of their first sentence, then their second."""
    countries = country_ids()
    sharing: dict[tuple[date, str], list[int]] = {}
    for i in sorted(tolls):
        day = days[i]
        if day is not None:
            for name in sorted(features[i].names - countries):
                sharing.setdefault((day, name), []).append(i)
    found: set[tuple[int, int]] = set()
    for members in sharing.values():
        for i, j in combinations(members, 2):
            if (i, j) in found or features.article(i) == features.article(j):
                continue
            if one_toll(tolls[i], tolls[j]) and _one_day(
                told.get(i, NO_DAYS), told.get(j, NO_DAYS), days[i], days[j]
            ):
                found.add((i, j))
    return iter(sorted(found))


def one_toll(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    """Whether two sentences' tolls (by kind) give one kind's count within TOLL_SPREAD."""
    return any(
        max(a[kind], b[kind]) <= TOLL_SPREAD * max(min(a[kind], b[kind]), 1.0)
        for kind in a.keys() & b.keys()
    )


def _one_day(told_a: frozenset[str], told_b: frozenset[str], day_a: date, day_b: date) -> bool:
    """Whether two sentences of articles of these days tell of one day: neither clash of
    `told_features` (the days they tell of, or the one day told and the other article's
    news)."""
    found = told_features(told_a, told_b, news_days(day_a), news_days(day_b))
    return not (found["days_clash"] or found["news_day_clash"])


# Pairs of members two groups must have for `linked_threshold` to join them: two
# sentences alone are the pair's score alone, which the threshold decides.
_LINKED_PAIRS = 2


def _cross(group_i: Sequence[int], group_j: Sequence[int]) -> Iterator[tuple[int, int]]:
    """The pairs of members of two groups checked when they join (_GUARDED of each)."""
    return product(group_i[:_GUARDED], group_j[:_GUARDED])


def _refusal(
    features: Features,
    dates: Callable[[int], frozenset[str]],
    acts: Callable[[int], Act | None],
    days: Sequence[date | None],
    group_i: Sequence[int],
    group_j: Sequence[int],
    i: int,
    j: int,
) -> Refusal | None:
    """Why the groups of sentences i and j cannot join, or None: two members published
    apart (by their guard `days`), naming different days of the month or telling two
    actors' acts (`other_acts`), or weekdays of two days."""
    # (the pairs of `_cross`, in its order, each member's dates read once)
    for a in group_i[:_GUARDED]:
        dates_a, day_a = dates(a), days[a]
        for b in group_j[:_GUARDED]:
            dates_b = dates(b)
            if dates_apart(dates_a, dates_b, day_a, days[b]):
                return Refusal.APART
            if clash(dates_a, dates_b):
                return Refusal.DAYS_CLASH
            if other_acts(acts(a), acts(b)):
                return Refusal.OTHER_ACTS
    # Groups whose sentences name weekdays, none of them the same, tell of two
    # days: "entered Goma on Monday" and "seized its airport on Tuesday" are two
    # reports, however a headline bundling both bridges them; they join on a shared
    # count ("killed 70" the attack of Saturday, as WHO said on Sunday). (Two sentences
    # alone may: one outlet dates the attack, another the announcement.)
    if len(group_i) + len(group_j) > 2 and not _count_agrees(
        features.numbers(i), features.numbers(j)
    ):
        days_i = _weekdays(dates, group_i[:_GUARDED])
        days_j = _weekdays(dates, group_j[:_GUARDED])
        if days_i and days_j and not days_i & days_j:
            return Refusal.WEEKDAYS
    return None


# Who does what in a sentence's main clause, as compared: the name its named acting subject
# ends with, its event verb and the acronyms the subject is also written as ("The U.S. Senate
# voted" -> ("senat", "vote", {}), "The Israel Defense Forces launched" -> ("army", "launch",
# {"tidf", "idf"})). Read loosely
# (any capitalised word of the subject, any verb compared), two such acts kept 54 labelled
# rewrites of dev stories apart ("Israel launched a strike" / "Tensions between Israel and
# Hezbollah have soared", "The IDF released a statement" / "The IAF struck"): grouped
# rewrites merged 672 -> 639 of 1,787 (benchmarks/report_merging.py --partial). As read here
# it parts no labelled pair of the dev stories, and the figures are unchanged.
Act = tuple[str, str, frozenset[str]]


def act(text: str) -> Act | None:
    """The `Act` a sentence tells, or None: its subject is no one named acting (a passive,
    "More than 100 people were killed"), its head noun no name ("A Russian missile struck")
    or a country's (whose forces, officials and people it names are told in many ways), or
    its main verb is no event verb ("The army said ...")."""
    subject = acting_subject(text)
    last = subject.split()[-1].strip(",.") if subject else ""
    if not last[:1].isupper():
        return None
    verb, following, _ = verb_done(text)  # "has signed"
    if verb.endswith("ly"):  # "has formally signed"
        verb = following
    if verb not in event_verbs():
        return None
    head = compared_word(last.lower().removesuffix("'s").removesuffix("’s"))
    done = compared_word(verb)
    if not head or not done or head[1]:
        return None
    # "U.N." is "UN": the acronyms compared without their dots
    bodies = body_names()
    written = {BODY_ACRONYMS[body].replace(".", "") for body in bodies.pattern.findall(subject)}
    return head[0].replace(".", ""), done[0], initials(subject) | written


def other_acts(a: Act | None, b: Act | None) -> bool:
    """Whether two sentences tell two acts of other actors: "The U.S. Senate voted ... on the
    budget" and "President Donald Trump signed the budget" share their object's words, not
    their report (a vote and a signing, on two days). A name and its acronym are one actor:
    "The Israel Defense Forces launched strikes" and "The IDF hit" tell one act. (Any name of
    the other sentence was too loose: "Trump signed ... after the Senate approved it" joined
    the Senate's vote to the signing.)"""
    return (
        a is not None and b is not None and a[1] != b[1] and {a[0], *a[2]}.isdisjoint({b[0], *b[2]})
    )


# The fewest capitalised words in a row whose initials are written as an acronym: "Rapid
# Support Forces" is "rsf" ("Donald Trump" no "dt").
_ACRONYM_WORDS = 3


def initials(text: str) -> frozenset[str]:
    """The acronyms of the names of _ACRONYM_WORDS capitalised words or more a text writes
    in full, lower-cased, from each word of a run on (a capital opening a sentence may be no
    part of the name): "The Israel Defense Forces" -> {"tidf", "idf"}."""
    found: set[str] = set()
    run: list[str] = []
    for word in [*text.split(), ""]:
        if word[:1].isupper() and word.isalpha():
            run.append(word[0])
            continue
        initial = "".join(run).lower()
        found.update(initial[n:] for n in range(len(run) - _ACRONYM_WORDS + 1))
        run = []
    return frozenset(found)


# How many sentences on each side `_neighbours_joined` looks at.
_ALIGNED_SPAN = 2


def _neighbours_joined(features: Features, root: Callable[[int], int], i: int, j: int) -> bool:
    """Whether, for sentences i and j of two articles, one of the _ALIGNED_SPAN sentences
    before i and one before j (or after both) are of one report."""
    if features.article(i) == features.article(j):
        return False
    for step in (-1, 1):
        mine = [i + step * d for d in range(1, _ALIGNED_SPAN + 1)]
        theirs = [j + step * d for d in range(1, _ALIGNED_SPAN + 1)]
        roots = {root(a) for a in mine if features.article(a) == features.article(i)}
        if any(root(b) in roots for b in theirs if features.article(b) == features.article(j)):
            return True
    return False


# Past this many candidate pairs they are scored all at once, on arrays (see
# `briefing.corroborate.pairs`); below it, importing scipy costs more than scoring them one by
# one (~0.1 ms a pair) saves.
_PAIRS_ONE_BY_ONE = 2_000


def _scored_pairs(
    features: Features,
    distinct: Sequence[int],
    published: Sequence[date | None],
    told: Mapping[int, frozenset[str]],
    weights: ReportWeights,
) -> list[tuple[float, int, int]]:
    """(report score, i, j) of each candidate pair of sentences i and j that may carry one
    report: not published apart, both with words, comparable."""
    batches = list(candidate_pairs(features, distinct))
    if sum(len(first) for first, _ in batches) > _PAIRS_ONE_BY_ONE:
        from briefing.corroborate.pairs import scored_pairs

        return scored_pairs(features, batches, distinct, published, told, weights)
    scored = []
    for firsts, seconds in batches:
        for x, y in zip(firsts.tolist(), seconds.tolist(), strict=True):
            i, j = distinct[x], distinct[y]
            wi, wj = features[i], features[j]
            if published_apart(wi, wj, published[i], published[j]):
                continue
            if wi.words and wj.words and comparable(wi, wj):
                told_i, told_j = told.get(i, NO_DAYS), told.get(j, NO_DAYS)
                news = news_days(published[i]), news_days(published[j])
                scored.append((report_score(wi, wj, weights, told_i, told_j, *news), i, j))
    return scored


def published_apart(
    wa: ReportWords, wb: ReportWords, day_a: date | None, day_b: date | None
) -> bool:
    """Whether two sentences, of articles published on these days, carry different reports
    however alike: published more than REPORT_DAYS apart, or one telling of another year
    than its article's and the other not."""
    return dates_apart(wa.dates, wb.dates, day_a, day_b)


def dates_apart(
    dates_a: frozenset[str], dates_b: frozenset[str], day_a: date | None, day_b: date | None
) -> bool:
    """`published_apart` of two sentences by their `ReportWords.dates`."""
    if day_a is None or day_b is None:
        return False
    if abs(day_a - day_b).days > REPORT_DAYS:
        return True
    if not dates_a and not dates_b:
        return False  # (most sentences: no years either)
    return _other_years(dates_a, day_a) != _other_years(dates_b, day_b)


def _count_agrees(numbers_a: frozenset[float], numbers_b: frozenset[float]) -> bool:
    """Whether two sentences (their `ReportWords.numbers`) give one count past the common
    ones."""
    return any(x > SMALL_COUNT and any(counts_agree(x, y) for y in numbers_b) for x in numbers_a)


def _weekdays(dates: Callable[[int], frozenset[str]], group: Sequence[int]) -> set[str]:
    return {d for m in group for d in dates(m) if d.startswith("wd:")}


def _other_years(dates: frozenset[str], published: date) -> frozenset[str]:
    """The years of the full dates a sentence names (its `ReportWords.dates`) other than
    its article's: "The ordeal began on October 7, 2023" in a January 2025 article tells
    of then, and joins only a sentence of then, not the report of the week."""
    return frozenset(d for d in dates if d.startswith("y:") and d != f"y:{published.year}")
