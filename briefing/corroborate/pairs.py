"""The report scores of every candidate pair of a corroboration at once, on arrays.

`score.report_score` scores one pair from two sentences' sets of words; scoring the
tens of thousands of candidate pairs of a large folder that way was most of the
comparing stage (a Python call per set operation per pair, and every sentence unpacked).
Here each sentence of a pair is a row of sparse 0/1 matrices over word ids, one per kind
of word (words, names, events, ...), and each set operation of `pair_features` is a count
of shared columns for all pairs at once. The features come out as columns, named and
ordered as `pair_features` names them, and go through the same `report_sum`: the scores
are the very floats `report_score` gives (tests/test_corroborate.py checks it pair by pair).
Counts and resolved days, which few sentences have, are compared by `pair_features`' own
functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from briefing.corroborate.features import (
    NO_DAYS,
    ROUNDING,
    SMALL_COUNT,
    news_days,
    told_features,
)
from briefing.corroborate.join import REPORT_DAYS
from briefing.corroborate.packed import VOCABULARY, Features
from briefing.corroborate.score import logistic, report_sum
from briefing.corroborate.words import NAME_WEIGHT, count_token
from briefing.model.words import ReportWeights, contrary_events
from briefing.senses import word_senses

# Pairs scored at a time: the rows of a batch's matrices are a few dozen bytes a word.
_BATCH = 1 << 16
# Runs of `ArticleWords`, by number.
_WORDS, _NAMES, _EVENTS, _DATES, _SOURCES = range(5)

Matrix = sparse.csr_matrix
Vector = NDArray[np.float64]


def scored_pairs(
    features: Features,
    candidates: Iterable[tuple[NDArray[np.int64], NDArray[np.int64]]],
    distinct: Sequence[int],
    published: Sequence[date | None],
    told: Mapping[int, frozenset[str]],
    weights: ReportWeights,
) -> list[tuple[float, int, int]]:
    """(report score, i, j) of each candidate pair (indexes into `distinct`, see
    `candidate_pairs`) of sentences i and j (reading order) that may carry one report:
    not `published_apart`, both with words, `comparable`. What `join_reports` ranks."""
    ids = np.asarray(distinct, dtype=np.int64)
    batches = [(ids[x], ids[y]) for x, y in candidates]
    if not batches:
        return []
    first = np.concatenate([x for x, _ in batches])
    second = np.concatenate([y for _, y in batches])
    del batches
    rows = _Rows.of(features, np.union1d(first, second), published)
    scored: list[tuple[float, int, int]] = []
    for start in range(0, len(first), _BATCH):
        i, j = first[start : start + _BATCH], second[start : start + _BATCH]
        a, b = rows.place[i], rows.place[j]
        words = rows.sizes["all_words"]
        kept = np.flatnonzero(~rows.apart(a, b) & (words[a] > 0) & (words[b] > 0))
        batch = _Batch.of(rows, i[kept], j[kept])
        batch = batch.taking(np.flatnonzero(rows.comparable(batch)))
        sums = report_sum(rows.pair_features(batch, told, published), weights)
        scores = map(logistic, sums.tolist())
        scored.extend(zip(scores, batch.i.tolist(), batch.j.tolist(), strict=True))
    return scored


@dataclass(frozen=True)
class _Batch:
    """Pairs worked on together: sentences i[k] and j[k] (reading order), their rows a[k]
    and b[k], and what they share (`_Rows.shared`)."""

    i: NDArray[np.int64]
    j: NDArray[np.int64]
    a: NDArray[np.int64]
    b: NDArray[np.int64]
    shared: dict[str, NDArray[np.int64]]

    @classmethod
    def of(cls, rows: _Rows, i: NDArray[np.int64], j: NDArray[np.int64]) -> _Batch:
        a, b = rows.place[i], rows.place[j]
        return cls(i, j, a, b, rows.shared(a, b))

    def taking(self, kept: NDArray[np.int64]) -> _Batch:
        """The batch of these pairs only."""
        shared = {name: counts[kept] for name, counts in self.shared.items()}
        return _Batch(self.i[kept], self.j[kept], self.a[kept], self.b[kept], shared)


def _row_dot(x: Matrix, y: Matrix, a: NDArray[np.int64], b: NDArray[np.int64]) -> NDArray[np.int64]:
    """For each k, how many columns row a[k] of x and row b[k] of y share (0/1 matrices)."""
    return np.asarray(x[a].multiply(y[b]).sum(axis=1), dtype=np.int64).ravel()


def _ones(product: Matrix) -> Matrix:
    """A product of 0/1 matrices (counted in int32: int8 would wrap) as a 0/1 matrix."""
    found = product.tocsr()
    found.data = np.ones(len(found.data), dtype=np.int8)
    return found


def _without(x: Matrix, y: Matrix) -> Matrix:
    """x's entries that are not y's (0/1 matrices of one shape)."""
    left = (x - x.multiply(y)).tocsr()
    left.eliminate_zeros()
    return left


# What the features count that two sentences share: (name, the first's set, the
# second's set), sets by their `_Rows` field.
_SHARED = (
    ("words", "plain", "plain"),
    ("names_in_words", "names", "plain"),  # the first's names among the second's words
    ("plain_in_all", "plain", "all_words"),
    ("names_in_all", "names", "all_words"),
    ("names", "names", "names"),
    ("all_names", "all_names", "all_names"),
    ("events", "events", "events"),
    ("contrary", "contrary", "events"),  # events of the second contrary to the first's
    ("dates", "dates", "dates"),
    ("days", "days", "days"),
    ("weekdays", "weekdays", "weekdays"),
    ("sources", "sources", "sources"),
)


def _joined(sets: Mapping[str, Matrix], side: int) -> Matrix:
    """One side's sets of `_SHARED` side by side, as one matrix."""
    return sparse.hstack([sets[pair[side]] for _, *pair in _SHARED], format="csr")


@dataclass(frozen=True)
class _Rows:
    """The sentences of the candidate pairs as rows (`place`: sentence -> row) of 0/1
    matrices over word ids (`sets`): the sets `pair_features` compares."""

    place: NDArray[np.int64]  # sentence (reading order) -> its row, -1 if none
    # The sets compared, row -> word id: those of ReportWords, "all_words" (`words`),
    # "all_names", "events", "dates", "sources"; and "plain" (words but counts' tokens),
    # "names" (names among `plain`), "days" ("d:11-27"), "weekdays" ("wd:sunday"),
    # "contrary" (the events contrary to a row's events), "own_senses" (plain words
    # but names, with WordNet senses).
    # Kept whole only where `_sense_matches` reads them (the others are in left and right).
    sets: dict[str, Matrix]
    sizes: dict[str, NDArray[np.int64]]  # set -> row -> how many it holds
    # Word id -> the word ids sharing a WordNet sense with it: a word can mean what one
    # of a sentence's words means when it shares a sense with one of them (a table of
    # every sentence's senses was a few hundred bytes a word of a pair).
    related: Matrix
    counts: _Counts
    published: NDArray[np.int64]  # row -> its article's day (ordinal), -1 if unknown
    other_years: NDArray[np.int64]  # row -> its `_other_years`, as a number
    # `_SHARED`'s sets side by side, first and second.
    left: Matrix
    right: Matrix

    @classmethod
    def of(
        cls, features: Features, sentences: NDArray[np.int64], published: Sequence[date | None]
    ) -> _Rows:
        place = np.full(len(features), -1, dtype=np.int64)
        place[sentences] = np.arange(len(sentences))
        sentence, run, token = features.word_table()
        kept = place[sentence] >= 0
        row, run, token = place[sentence[kept]], run[kept], token[kept]
        del sentence, kept
        size = len(sentences)
        width = len(VOCABULARY.words)
        text = VOCABULARY.words

        def matrix(where: NDArray[np.bool_]) -> Matrix:
            return Matrix(
                (np.ones(int(where.sum()), dtype=np.int8), (row[where], token[where])),
                shape=(size, width),
            )

        def kinds(run_number: int, test: object) -> NDArray[np.bool_]:
            """Word ids of a run's words, by whether `test` holds of the word's text."""
            found = np.zeros(width, dtype=bool)
            for t in np.unique(token[run == run_number]).tolist():
                found[t] = test(text[t])  # type: ignore[operator]
            return found

        all_words, all_names = matrix(run == _WORDS), matrix(run == _NAMES)
        events, dates, sources = (
            matrix(run == _EVENTS),
            matrix(run == _DATES),
            matrix(run == _SOURCES),
        )
        days = matrix((run == _DATES) & kinds(_DATES, lambda d: d.startswith("d:"))[token])
        weekdays = matrix((run == _DATES) & kinds(_DATES, lambda d: d.startswith("wd:"))[token])
        table = word_senses()
        own = _without(
            matrix((run == _WORDS) & kinds(_WORDS, table.__contains__)[token]), all_names
        )

        # Counts' tokens ("1000"), which `pair_features` leaves out of the plain words.
        ids = VOCABULARY._ids
        counted = features.number_counts()[sentences]
        values = [features.numbers(int(sentences[r])) for r in np.flatnonzero(counted).tolist()]
        # (a count's token is among the sentence's words, so its id is known)
        number_tokens = [sorted({ids[count_token(x)] for x in found}) for found in values]
        number_matrix = Matrix(
            (
                np.ones(sum(map(len, number_tokens)), dtype=np.int8),
                (
                    np.repeat(np.flatnonzero(counted), list(map(len, number_tokens))),
                    np.fromiter(chain.from_iterable(number_tokens), dtype=np.int64),
                ),
            ),
            shape=(size, width),
        )
        plain = _without(all_words, number_matrix)
        names = all_names.multiply(plain).tocsr()

        # Senses and contrary events as 0/1 matrices over word ids.
        sense_rows, sense_cols = [], []
        for t in np.unique(own.indices).tolist():
            for sense in table[text[t]]:
                sense_rows.append(t)
                sense_cols.append(sense)
        sense_ids = np.unique(np.asarray(sense_cols, dtype=np.int64))
        by_sense = Matrix(
            (
                np.ones(len(sense_rows), dtype=np.int32),
                (sense_rows, np.searchsorted(sense_ids, np.asarray(sense_cols, dtype=np.int64))),
            ),
            shape=(width, len(sense_ids)),
        )
        related = _ones(by_sense @ by_sense.T)
        opposed: list[tuple[int, int]] = []
        for t in np.unique(events.indices).tolist():
            for other in contrary_events().get(text[t], ()):
                if other in ids:
                    opposed.append((t, ids[other]))
        contrary_of = Matrix(
            (
                np.ones(len(opposed), dtype=np.int32),
                ([t for t, _ in opposed], [o for _, o in opposed]),
            ),
            shape=(width, width),
        )
        contrary = _ones(events.astype(np.int32) @ contrary_of)

        years = matrix((run == _DATES) & kinds(_DATES, lambda d: d.startswith("y:"))[token])
        days_of = [published[s] for s in sentences.tolist()]
        ordinal = np.array([d.toordinal() if d else -1 for d in days_of], dtype=np.int64)
        sets = {
            "all_words": all_words, "all_names": all_names, "plain": plain, "names": names,
            "events": events, "contrary": contrary, "dates": dates, "days": days,
            "weekdays": weekdays, "sources": sources, "own_senses": own,
        }  # fmt: skip
        return cls(
            place,
            {name: sets[name] for name in ("all_words", "own_senses")},
            {name: np.diff(matrix.indptr).astype(np.int64) for name, matrix in sets.items()},
            related,
            _Counts.of(counted, values),
            ordinal,
            _other_years(years, days_of, text),
            *(_joined(sets, side) for side in (0, 1)),
        )

    def apart(self, a: NDArray[np.int64], b: NDArray[np.int64]) -> NDArray[np.bool_]:
        """`published_apart` of each pair of rows."""
        day_a, day_b = self.published[a], self.published[b]
        known = (day_a >= 0) & (day_b >= 0)
        far = np.abs(day_a - day_b) > REPORT_DAYS
        return known & (far | (self.other_years[a] != self.other_years[b]))

    def shared(self, a: NDArray[np.int64], b: NDArray[np.int64]) -> dict[str, NDArray[np.int64]]:
        """For each pair of rows, what the sets of `_SHARED` share, by its name."""
        both = self.left[a].multiply(self.right[b]).tocoo()
        width = self.left.shape[1] // len(_SHARED)
        counts = np.bincount(
            both.row.astype(np.int64) * len(_SHARED) + both.col // width,
            minlength=len(a) * len(_SHARED),
        ).reshape(len(a), len(_SHARED))
        return {name: counts[:, n] for n, (name, _, _) in enumerate(_SHARED)}

    def comparable(self, batch: _Batch) -> NDArray[np.bool_]:
        """`comparable` of each pair of the batch."""
        a, b, shared = batch.a, batch.b, batch.shared
        size = self.sizes
        # `_contradict`
        weekdays_differ = (
            (size["weekdays"][a] > 0) & (size["weekdays"][b] > 0) & (shared["weekdays"] == 0)
        )
        named_apart = (size["all_names"][a] > shared["all_names"]) & (
            size["all_names"][b] > shared["all_names"]
        )
        counts = self.counts.compared(a, b)
        counts_differ = (counts.big_a > 0) & (counts.big_b > 0) & ~counts.big_agree
        several = (counts.big_a >= 2) & (counts.big_b >= 2)
        contradict = (
            (counts_differ & (weekdays_differ | several))
            | (weekdays_differ & named_apart)
            | (shared["contrary"] > 0)
        )
        return (shared["plain_in_all"] - shared["names_in_all"] > 0) & ~contradict

    def pair_features(
        self,
        batch: _Batch,
        told: Mapping[int, frozenset[str]],
        published: Sequence[date | None],
    ) -> dict[str, Vector]:
        """`pair_features` of each pair of the batch, as columns (`published`: each
        sentence's article's day, by sentence)."""
        a, b, shared = batch.a, batch.b, batch.shared
        size = self.sizes
        plain_a, plain_b = size["plain"][a], size["plain"][b]
        names_a, names_b = size["names"][a], size["names"][b]
        extra = NAME_WEIGHT - 1.0
        total = shared["words"] + extra * shared["names_in_words"]
        total_a = plain_a + extra * names_a
        total_b = plain_b + extra * names_b
        synonyms = np.minimum(self._sense_matches(a, b), self._sense_matches(b, a))
        total = total + synonyms
        union = total_a + total_b - total
        smaller = np.minimum(total_a, total_b)
        both_named = (names_a > 0) & (names_b > 0)
        content = shared["words"] - shared["names_in_words"]  # shared words but a's names
        events_a, events_b = size["events"][a], size["events"][b]
        sources_a, sources_b = size["sources"][a], size["sources"][b]
        days_a, days_b = size["days"][a], size["days"][b]
        return {
            "similarity": _ratio(total, union),
            "containment": _ratio(total, smaller),
            "names": _ratio(shared["names"], np.where(both_named, np.minimum(names_a, names_b), 0)),
            "shared_content": np.minimum(content, 6) / 6,
            **self._count_features(a, b),
            "events_agree": _flag(shared["events"] > 0),
            "events_clash": _flag((events_a > 0) & (events_b > 0) & (shared["events"] == 0)),
            "dates_agree": _flag(shared["dates"] > 0),
            "sources_agree": _flag(shared["sources"] > 0),
            "sources_clash": _flag((sources_a > 0) & (sources_b > 0) & (shared["sources"] == 0)),
            "dates_clash": _flag((days_a > 0) & (days_b > 0) & (shared["days"] == 0)),
            "short": _flag(np.minimum(plain_a, plain_b) <= 5),
            "names_missing": _ratio(names_a - shared["names"], names_a)
            * _ratio(names_b - shared["names"], names_b),
            "rare_shared": np.minimum(content, 4) / 4,
            "senses_shared": np.minimum(synonyms, 3) / 3,
            **_told_features(batch.i, batch.j, told, published),
        }

    def _sense_matches(self, a: NDArray[np.int64], b: NDArray[np.int64]) -> NDArray[np.int64]:
        """For each pair of rows, how many of a's own words with senses b does not give
        share a sense with one of b's (one side of `_sense_matches`)."""
        own = _without(self.sets["own_senses"][a], self.sets["all_words"][b]).tocoo()
        if not own.nnz:
            return np.zeros(len(a), dtype=np.int64)
        words, rows = own.col.astype(np.int64), b[own.row]
        matched = _row_dot(self.related, self.sets["own_senses"], words, rows) > 0
        return np.bincount(own.row, weights=matched, minlength=len(a)).astype(np.int64)

    def _count_features(self, a: NDArray[np.int64], b: NDArray[np.int64]) -> dict[str, Vector]:
        """`count_features` of each pair of rows: all 0 unless both give counts."""
        counts = self.counts.compared(a, b)
        telling = counts.telling_a > 0
        columns = {
            "numbers_agree": _flag(telling),
            "small_numbers_agree": _flag((counts.matched_a > 0) & ~telling),
            "numbers_clash": _flag(
                (counts.size_a > counts.matched_a) & (counts.size_b > counts.matched_b)
            ),
        }
        return columns


@dataclass(frozen=True)
class _Compared:
    """Two sentences' counts compared (`counts_agree`), for each pair of rows a and b: how
    many each gives, how many agree with one of the other's, how many of a's past the
    common ones agree, how many each gives past the common ones, and whether one of a's
    past the common ones agrees with one of b's past them."""

    size_a: NDArray[np.int64]
    size_b: NDArray[np.int64]
    matched_a: NDArray[np.int64]
    matched_b: NDArray[np.int64]
    telling_a: NDArray[np.int64]
    big_a: NDArray[np.int64]
    big_b: NDArray[np.int64]
    big_agree: NDArray[np.bool_]


@dataclass(frozen=True)
class _Counts:
    """Each row's counts (`ReportWords.numbers`): row r's are values[start[r] : start[r + 1]],
    with their `_roundness`."""

    start: NDArray[np.int64]
    values: Vector
    roundness: NDArray[np.int64]

    @classmethod
    def of(cls, counted: NDArray[np.int64], values: Sequence[frozenset[float]]) -> _Counts:
        """From how many counts each row gives and the counts of those giving any."""
        flat = np.fromiter(chain.from_iterable(values), dtype=np.float64)
        start = np.concatenate([[0], np.cumsum(counted)]).astype(np.int64)
        return cls(start, flat, _roundness(flat))

    def compared(self, a: NDArray[np.int64], b: NDArray[np.int64]) -> _Compared:
        sizes = np.diff(self.start)
        size_a, size_b = sizes[a], sizes[b]
        pairs = len(a)
        # Every count of a's against every count of b's, pair after pair.
        crossed = size_a * size_b
        pair = np.repeat(np.arange(pairs), crossed)
        at = np.arange(int(crossed.sum())) - np.repeat(np.cumsum(crossed) - crossed, crossed)
        x_at, y_at = at // size_b[pair], at % size_b[pair]
        x_place = self.start[a][pair] + x_at
        y_place = self.start[b][pair] + y_at
        x, y = self.values[x_place], self.values[y_place]
        first_rounder = self.roundness[x_place] >= self.roundness[y_place]
        rounder, other = np.where(first_rounder, x, y), np.where(first_rounder, y, x)
        roundness = np.maximum(self.roundness[x_place], self.roundness[y_place])
        agree = (x == y) | ((roundness >= 2) & (np.abs(other - rounder) <= ROUNDING * rounder))
        big = SMALL_COUNT

        def each(
            sizes: NDArray[np.int64], rows: NDArray[np.int64], placed: NDArray[np.int64]
        ) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.int64]]:
            """For one side: how many of its counts agree with one of the other's, how many
            of those are past the common ones, how many it gives past them."""
            first = np.cumsum(sizes) - sizes
            count_of = np.repeat(np.arange(pairs), sizes)
            values = self.values[
                np.repeat(self.start[rows], sizes)
                + np.arange(int(sizes.sum()))
                - np.repeat(first, sizes)
            ]
            matched = (
                np.bincount(first[pair] + placed, weights=agree, minlength=int(sizes.sum())) > 0
            )
            return (
                np.bincount(count_of, weights=matched, minlength=pairs).astype(np.int64),
                np.bincount(count_of, weights=matched & (values > big), minlength=pairs).astype(
                    np.int64
                ),
                np.bincount(count_of, weights=values > big, minlength=pairs).astype(np.int64),
            )

        matched_a, telling_a, big_a = each(size_a, a, x_at)
        matched_b, _, big_b = each(size_b, b, y_at)
        both_big = agree & (x > big) & (y > big)
        big_agree = np.bincount(pair, weights=both_big, minlength=pairs) > 0
        return _Compared(size_a, size_b, matched_a, matched_b, telling_a, big_a, big_b, big_agree)


def _roundness(values: Vector) -> NDArray[np.int64]:
    """`features._roundness` of each value: trailing zeros of a whole count (counts
    stop at _LARGEST_COUNT, 10 ** 13)."""
    whole = (values == np.floor(values)) & (values != 0)
    numbers = np.where(whole, values, 0).astype(np.int64)
    zeros = np.zeros(len(values), dtype=np.int64)
    for power in range(1, 14):
        zeros += whole & (numbers % 10**power == 0)
    return zeros


def _told_features(
    i: NDArray[np.int64],
    j: NDArray[np.int64],
    told: Mapping[int, frozenset[str]],
    published: Sequence[date | None],
) -> dict[str, Vector]:
    """`told_features` of each pair: all 0 unless a sentence tells of days."""
    names = list(told_features(NO_DAYS, NO_DAYS))
    columns = {name: np.zeros(len(i)) for name in names}
    pairs = zip(i.tolist(), j.tolist(), strict=True)
    for k, (x, y) in enumerate(pairs):
        if x in told or y in told:
            found = told_features(
                told.get(x, NO_DAYS),
                told.get(y, NO_DAYS),
                news_days(published[x]),
                news_days(published[y]),
            )
            for name in names:
                columns[name][k] = found[name]
    return columns


def _other_years(
    years: Matrix, published: Sequence[date | None], text: Sequence[str]
) -> NDArray[np.int64]:
    """Each row's `_other_years` (the years of full dates other than its article's) as a
    number: rows with the same years get the same one (none: 0). `years`: the rows' year
    dates ("y:2023")."""
    numbers: dict[frozenset[str], int] = {frozenset(): 0}
    found = np.zeros(years.shape[0], dtype=np.int64)
    for r in np.flatnonzero(np.diff(years.indptr)).tolist():
        day = published[r]
        if day is None:
            continue
        own = f"y:{day.year}"
        named = years.indices[years.indptr[r] : years.indptr[r + 1]].tolist()
        found[r] = numbers.setdefault(
            frozenset(text[t] for t in named if text[t] != own), len(numbers)
        )
    return found


def _ratio(top: NDArray, bottom: NDArray) -> Vector:
    """top / bottom, 0 where bottom is 0 (as `pair_features`' "x / y if y else 0.0")."""
    top, bottom = np.asarray(top, dtype=np.float64), np.asarray(bottom, dtype=np.float64)
    out = np.zeros(len(top))
    np.divide(top, bottom, out=out, where=bottom != 0)
    return out


def _flag(x: NDArray[np.bool_]) -> Vector:
    return x.astype(np.float64)
