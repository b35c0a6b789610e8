"""What two sentences have in common and where they clash (`pair_features`): the inputs of
the learned report score.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from briefing.annotate import Sentence
from briefing.corroborate.words import NAME_WEIGHT, ReportWords, count_token
from briefing.senses import word_senses

# Two counts are one when equal, or when the rounder one ("more than 1,600") is within
# this share of the other (1,644): outlets round a toll, they do not change it.
ROUNDING = 0.05
# Counts up to this are common ("two witnesses", "three hostages"): agreeing on one says
# little.
SMALL_COUNT = 12


def counts_agree(x: float, y: float) -> bool:
    if x == y:
        return True
    rounder, other = (x, y) if _roundness(x) >= _roundness(y) else (y, x)
    return _roundness(rounder) >= 2 and abs(other - rounder) <= ROUNDING * rounder


def _roundness(x: float) -> int:
    """Trailing zeros of a whole count: 1,600 -> 2."""
    if x != int(x) or x == 0:
        return 0
    n, zeros = int(x), 0
    while n % 10 == 0:
        n, zeros = n // 10, zeros + 1
    return zeros


def told_days(sentence: Sentence) -> frozenset[str]:
    """The days a sentence tells of, resolved against its article's publication day
    ("on Friday", "yesterday", "Nov. 27" as "2024-11-27"): two outlets dating one event
    write it in their own way."""
    return frozenset(d.value for d in sentence.dates if d.precision == "day") or NO_DAYS


NO_DAYS: frozenset[str] = frozenset()


@lru_cache(maxsize=256)
def news_days(published: date | None) -> frozenset[str]:
    """The days a sentence that tells of none is taken to tell of: its article's day of
    publication and the day before (news is of today or yesterday). Nothing when the
    article is undated."""
    if published is None:
        return NO_DAYS
    return frozenset((str(published), str(published - timedelta(days=1))))


def pair_features(
    wa: ReportWords,
    wb: ReportWords,
    told_a: frozenset[str] = NO_DAYS,
    told_b: frozenset[str] = NO_DAYS,
    news_a: frozenset[str] = NO_DAYS,
    news_b: frozenset[str] = NO_DAYS,
) -> dict[str, float]:
    """What two sentences have in common and where they clash, each in [0, 1]: the
    inputs of the learned score (model/data/report_weights.json). Names weigh twice.
    `told_a` and `told_b` are the sentences' `told_days`, when known; `news_a` and
    `news_b` their articles' `news_days`, when known.
    (Weighing words by their rarity among the folder's sentences was tried and merged
    fewer dev rewrites: outlets carrying one report make its words common; by their
    rarity across 1,800 public web pages it changed nothing. Comparing clause by clause
    was tried on the claim labels, 2026-11-27, and bought at most 4 of 588 dev rewrites at
    the same wrong merges: a count bound to its sense in a clause, "kills 12" against "12
    died" (+4 at weight 2 over the shipped score; its weight fitted leaving each story out,
    -4); an event bound to a name ("struck Port Sudan") or the share of such keys shared
    (+12, merging the Sunday and Tuesday strikes on one city: 9 -> 24 wrong); the best
    score of two clauses (+2). What the words mean, from vectors distilled from a sentence
    model, was tried the same day (branch sem11-vectors: all-MiniLM-L6-v2's vector of each
    compared word, 64 dimensions, a sentence the SIF-weighted sum of its words', the
    cosine past 0.5 a feature): held out by story it ranks dev pairs better (AUC of
    rewrites against near and hard negatives 0.825 -> 0.848, hard ones alone 0.605 ->
    0.640), but at any weight, over the shipped score or refitted, it joins the Sunday and
    Tuesday strikes on Port Sudan (fit_reports.py's grouping: hard negatives merged 13 ->
    18-22 of 65) for 3 to 28 more of 658 rewrites: vectors tell a story's topic, which its
    other events share; the synonyms they find are mostly rewrites.txt's and WordNet's
    already ("killed" and "died", "truce" and "ceasefire"). Comparing only the words each
    says and the other does not (names left out) kept the wrong merges: at weight 2 over
    the shipped score, threshold 0.84 (aligned 0.83), report_merging.py groups 322 of 678
    dev rewrites (shipped 314; at 0.84 without it 310) for the same 9 + 6 negatives and 14
    hard ones (+5 Sumy, +4 Tabatabai, -1 Kryvyi Rih; the same setting is picked leaving
    each dev story out, of weight 0 or 2 and threshold 0.81 or 0.84); not yet scored on
    arrays (pairs.py), so not shipped. How a pair scores against each side's best match in
    the other's article (the pair's score minus it, 2026-11-27) ranks no better: a second
    logistic over the score and both margins, fitted leaving each dev story out, AUC of
    rewrites against near and hard negatives 0.820 -> 0.821, hard ones 0.640 -> 0.641;
    a hard negative's sentence is its partner's best match as often as a rewrite's (60%
    and 57% of sides scoring 0.4-0.81), the other article often telling nothing else of
    that day. The join rules use it where groups already exist: see `join.RIVAL_MARGIN`.
    Comparing the event slot by slot (2026-11-27, read by the clause rules of
    model/clauses.py: who acted, the main verb, its object or a passive's subject, the
    words after an event word or noun as its target, places after a preposition) tells
    rewrites from the story's other events no better than the words do: of dev pairs
    scoring 0.4 or more, a shared target holds for 122 rewrites and 54 near or hard
    negatives, a target clash for 89 and 58 (rewrites: 69% and 61%, of all 64%); as
    features held out by story the AUC moves 0.799 -> 0.798-0.804; a bonus for a shared
    target (+1 on the score's sum) groups 345 dev rewrites for 17 + 21 wrong merges (333
    for 3 + 10), a count clash at -2 groups 313 for the same wrong merges. The other
    events of a story share its actor, act, place and target; the day is the slot that
    tells them apart, and outlets mostly leave it out: see `told_features`.)"""
    plain_a, plain_b = wa.words - number_tokens(wa), wb.words - number_tokens(wb)
    shared_words = plain_a & plain_b
    names_a, names_b = wa.names & plain_a, wb.names & plain_b
    extra = NAME_WEIGHT - 1.0  # what a name weighs over a plain word
    shared = len(shared_words) + extra * len(shared_words & names_a)
    total_a = len(plain_a) + extra * len(names_a)
    total_b = len(plain_b) + extra * len(names_b)
    # Words each gives that the other words otherwise but can mean the same ("besieged"
    # and "attack") count as shared.
    synonyms = _sense_matches(wa, wb)
    shared += synonyms
    union = total_a + total_b - shared
    smaller = min(total_a, total_b)
    unmatched_a = [x for x in wa.numbers if not any(counts_agree(x, y) for y in wb.numbers)]
    unmatched_b = [y for y in wb.numbers if not any(counts_agree(x, y) for x in wa.numbers)]
    # "two witnesses" and "two other areas" agree by chance; "134 dead" and "134 killed"
    # do not.
    telling = [x for x in wa.numbers if x > SMALL_COUNT and x not in unmatched_a]
    both_events = bool(wa.events and wb.events)
    days_a = {d for d in wa.dates if d.startswith("d:")}
    days_b = {d for d in wb.dates if d.startswith("d:")}
    return {
        "similarity": shared / union if union else 0.0,
        "containment": shared / smaller if smaller else 0.0,
        "names": len(names_a & names_b) / min(len(names_a), len(names_b))
        if names_a and names_b
        else 0.0,
        "shared_content": min(len(shared_words - wa.names), 6) / 6,
        "numbers_agree": float(bool(telling)),
        "small_numbers_agree": float(len(wa.numbers) > len(unmatched_a) and not telling),
        # Each gives a count the other lacks: two tolls, not one toll and its rewording.
        "numbers_clash": float(bool(unmatched_a and unmatched_b)),
        "events_agree": float(bool(wa.events & wb.events)),
        "events_clash": float(both_events and not wa.events & wb.events),
        "dates_agree": float(bool(wa.dates & wb.dates)),
        # Who each says the report is from ("MSF said", "according to the WHO").
        "sources_agree": float(bool(wa.sources & wb.sources)),
        "sources_clash": float(bool(wa.sources and wb.sources and not wa.sources & wb.sources)),
        "dates_clash": float(bool(days_a and days_b and not days_a & days_b)),
        "short": float(min(len(plain_a), len(plain_b)) <= 5),
        # Names (places, people, groups) each gives that the other lacks: "Kavumu" in
        # one, "Goma" in the other.
        "names_missing": _missing(names_a, names_b) * _missing(names_b, names_a),
        "rare_shared": min(len(shared_words - wa.names), 4) / 4,
        "senses_shared": min(synonyms, 3) / 3,
        **told_features(told_a, told_b, news_a, news_b),
    }


def told_features(
    told_a: frozenset[str],
    told_b: frozenset[str],
    news_a: frozenset[str] = NO_DAYS,
    news_b: frozenset[str] = NO_DAYS,
) -> dict[str, float]:
    """The features of `pair_features` on the days two sentences tell of, resolved:
    "today" in one and "on Saturday" in the other agree; a day each gives and the other
    does not is another event (or another toll) unless they share one. When only one
    tells of a day, the other's day is its article's news (`news_a`, `news_b`: see
    `news_days`): the event slot "day" filled from the article, compared with the day
    the other sentence tells. A sentence dating Sunday's strike on a city and one telling
    of a strike on it undated in an article of Tuesday are two events of the story,
    however alike their words; a wire's dated sentence and a rewrite of it published
    that day or the next are one. (Weights set on dev, benchmarks/report_merging.py
    --split dev, 2026-11-27: agree +1 and clash -3 group 336 of 678 dev rewrites for 3
    wrong merges of one story file, 4 of two and 8 hard, against 333, 3, 6 and 10
    without; a clash of -1.5 to -5 the same; clash alone 330, 1, 4 and 7; agreement
    past +1 joins a clique of 16 more wrong pairs; a window of three days, 332, 4, 2, 18.
    Held out by story the agreement is what each fold picks: +4 rewrites, +2 wrong.
    Carrying the lede's day inside an article, 2026-11-27: an undated sentence told in the
    past after one dating its event on a day of the article's news took that day until a
    sentence told of another time. Right for 39 of the 44 dev events it dated (the news
    days for 30), on test 18 of 28 (news days 18). As features of their own, a carried
    day agreeing or clashing with the other's day, or with its article's news, no weight
    moved dev grouping past 338 of 678 rewrites (336 without, for 4 more wrong merges of
    one story file) or hard negatives past 8 -> 7; held out by story, rewrites 336 -> 336
    and wrong merges of one story file 10 -> 14; test unchanged; the main process's
    grouping +67% CPU. Days are worth more where carrying cannot reach: every dev event
    sentence given its true day (agree +1, clash -3) groups 393 rewrites for 10 wrong
    merges of one story file, 2 of two and 2 hard (against 336, 3, 4 and 8); only those of
    dated articles, 337, 3, 4 and 6; only those of undated articles, 386, 10, 3 and 6. An
    undated article needs its day from its carriers, not from its own text.)"""
    one_told, news = (told_a, news_b) if not told_b else (told_b, news_a)
    one_sided = bool(one_told and news and not (told_a and told_b))
    return {
        "days_agree": float(bool(told_a & told_b)),
        "days_clash": float(bool(told_a and told_b and not told_a & told_b)),
        "news_day_agree": float(one_sided and bool(one_told & news)),
        "news_day_clash": float(one_sided and not one_told & news),
    }


def _sense_matches(wa: ReportWords, wb: ReportWords) -> int:
    """How many words each gives that the other does not but that can mean what one of
    the other's words means ("besieged" and "attack", "gunfire" and "gunshots": WordNet
    senses): the fewer of the two sides' counts."""
    (own_a, all_a), (own_b, all_b) = sentence_senses(wa), sentence_senses(wb)
    if all_a.isdisjoint(all_b):
        return 0  # most pairs: no word of one can mean a word of the other
    only_a = [s for w, s in own_a.items() if w not in wb.words]
    only_b = [s for w, s in own_b.items() if w not in wa.words]
    if not only_a or not only_b:
        return 0
    return min(
        sum(not s.isdisjoint(all_b) for s in only_a), sum(not s.isdisjoint(all_a) for s in only_b)
    )


# A sentence is scored against its few candidates in a row (see `candidate_pairs`): a
# few thousand cover what is asked again (at 1,000 articles 4,096 recompute a fifth more
# than 65,536, which held 47 MB of sense sets). `corroborate` empties it when done.
@lru_cache(maxsize=4_096)
def sentence_senses(words: ReportWords) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """A sentence's plain words that have WordNet senses (names and counts have none
    that matter), with their senses; and all those senses."""
    table = word_senses()
    own = {w: table[w] for w in words.words - words.names if w in table}
    return own, frozenset().union(*own.values())


def _missing(names: frozenset[str], others: frozenset[str]) -> float:
    """The share of `names` not in `others`."""
    return len(names - others) / len(names) if names else 0.0


def number_tokens(words: ReportWords) -> frozenset[str]:
    return frozenset(count_token(count) for count in words.numbers)
