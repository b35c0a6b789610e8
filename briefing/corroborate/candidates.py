"""Which pairs of sentences are worth scoring: those sharing enough words, found on sorted
arrays of word ids, so that the cost grows with near-duplicates, not with the square of
the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from typing import TYPE_CHECKING

from briefing.corroborate.packed import Features
from briefing.corroborate.words import NAME_WEIGHT

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from scipy import sparse

# Past this many sentences sharing a word, pairing all of them would cost the square of
# the corpus; see candidate_pairs.
_COMMON_WORD = 20
# Pairs sharing less than this weight of words (a name weighs 2) are not compared.
_MIN_SHARED_WEIGHT = 3.0
# ... unless they share a name held by few sentences (a person, a place, a hospital: what
# pins a story down) and this weight of words in all, each word held by more than
# _COMMON_WORD sentences (the story's own "killed", "strike", "Gaza" in a folder of one
# story) weighing _COMMON_SHARE of its weight: a rewrite rewords everything else.
_MIN_ANCHORED_WEIGHT = 4.0
_COMMON_SHARE = 0.5
# Proposing more was tried on dev (benchmarks/report_merging.py --split dev, 2026-11-27;
# shipped: 349 of 678 rewrites grouped, wrong merges 3 of one story file, 4 across stories,
# 8 hard). The rewrites never proposed share the story's common words ("killed",
# "Nasrallah", "army") as its other events do, and score as they do: 2 of 174 past the
# threshold, 27 from 0.5, against 0 and 10 of 967 negatives of one story file (see
# "how they score as if proposed" there). So: _COMMON_WORD 40, 362 rewrites for 46, 103
# and 48 wrong; unbounded, 365 for 48, 333 and 71; the pairs only that adds taken from a
# score of 0.9, 356 for 3, 18 (a clique: "killed at least 15" at Nasser hospital and at a
# Damascus church) and 8; any shared word held by few sentences anchoring as a rare name
# does, 347-354 for 18-20 of one story file (at weight 5, none more). Normalising words
# further finds little to join: WordNet senses relate 12% of those rewrites and 22% of
# those negatives, a profile actor in common 32% and 45%, a count 2% and 0%, "the
# Lebanese capital" for "Beirut" 4 rewrites and 3 negatives, an acronym for its long form
# ("RSF", "Rapid Support Forces") one more rewrite. Pairs along two aligned articles
# (`align.py`) beyond the anchors' next sentences, up to every pair the alignment admits,
# merged none more with two anchors; with one, 356 for 58 of one story file.
# Nor does a sentence model's sense of what they mean pick the never-proposed rewrites out
# (merge26, 2026-11-28: see benchmarks/fit_reports.py): of 120 dev rewrites and 380 near
# and hard negatives never proposed, 13 rewrites rank above all but 5 negatives.


def candidate_pairs(
    features: Features, distinct: Sequence[int]
) -> Iterable[tuple[NDArray[np.int64], NDArray[np.int64]]]:
    """Index pairs (into `distinct`) of sentences worth comparing: those sharing enough
    words (only sentences sharing words are ever compared, so the cost grows with the
    number of near-duplicates, not with the square of the corpus). Pairs come in order,
    a batch at a time as two arrays (first and second sentences). Worked out on arrays
    of word ids, sorted (the sort is what costs)."""
    import numpy as np

    sentence, run, token = features.word_table()
    size = len(distinct)
    # Keys of a sentence's place and another number are shifted and masked, not multiplied
    # and divided: a division of every entry cost more than the sorts.
    bits = size.bit_length()
    mask = (1 << bits) - 1
    place = np.full(len(features), -1, dtype=np.int64)
    place[np.asarray(distinct, dtype=np.int64)] = np.arange(size)
    compared = place[sentence] >= 0
    # Each word's sentences in reading order, word after word: as (word, sentence) keys.
    words = np.sort(token[compared & (run == 0)] << bits | place[sentence[compared & (run == 0)]])
    if not len(words):
        return
    tokens, xs = words >> bits, words & mask
    count = len(words)
    opens = np.flatnonzero(np.r_[True, tokens[1:] != tokens[:-1]])
    closes = np.r_[opens[1:], count]
    word_of = np.repeat(np.arange(len(opens)), closes - opens)
    # A token weighs what it weighs in the first sentence holding it.
    names = np.sort(token[compared & (run == 1)] << bits | place[sentence[compared & (run == 1)]])
    # The word table is the largest thing here: gone before the per-entry arrays are made.
    del sentence, run, token, place, compared
    found = np.minimum(np.searchsorted(names, words[opens]), max(len(names) - 1, 0))
    named = (names[found] == words[opens] if len(names) else np.zeros(len(opens), bool))[word_of]
    # A word any sentence holds as a name ("the Army", "the army").
    at = np.searchsorted(names, words)
    np.minimum(at, max(len(names) - 1, 0), out=at)
    held = names[at] == words if len(names) else np.zeros(count, bool)
    del at
    ever_named = np.logical_or.reduceat(held, opens)[word_of] if count else held
    # Each sentence shares a word with every later sentence holding it; past _COMMON_WORD
    # sentences (one story copied many times, or stock wording) only with the next one:
    # comparing neighbours keeps the cost linear, and copies still chain into one report.
    later = closes[word_of] - np.arange(count) - 1
    common = (closes - opens)[word_of] > _COMMON_WORD
    later[common] = np.minimum(later[common], 1)
    # Each sentence's common words, as (sentence, word, whether it names) keys, and the
    # most they can add to a pair of it.
    vocabulary = len(opens)
    word_bits = vocabulary.bit_length()
    common_keys = np.sort((xs[common] << word_bits | word_of[common]) << 1 | held[common])
    most_common = np.bincount(xs[common], minlength=size) * NAME_WEIGHT * _COMMON_SHARE
    common_words = _CommonWords(common_keys, word_bits, size)
    # Entry flags: 1 the word weighs as a name, 2 it is common, 4 it is a rare name, 8 the
    # sentence holds it as a name.
    # (as bytes throughout: integer arithmetic on the flags made words-long int64 arrays)
    flags = named.view(np.int8) | common.view(np.int8) << 1 | held.view(np.int8) << 3
    flags |= (ever_named & ~common).view(np.int8) << 2
    # Shared words are added up for a range of first sentences at a time: a table of
    # every pair at once grew with the corpus.
    shares = np.cumsum(np.bincount(xs, weights=later, minlength=size))
    cuts = np.searchsorted(shares, np.arange(_SHARES_AT_ONCE, shares[-1], _SHARES_AT_ONCE))
    # Pairs are scored as they come, while this waits: only what the loop reads is kept
    # (the word table and its sorts are most of the model stage's peak memory).
    del words, tokens, opens, closes, word_of, names, found, named, held, ever_named
    del common, shares
    # (cuts come sorted; np.unique would import numpy.ma)
    for low, high in pairwise([0, *dict.fromkeys((cuts + 1).tolist()), size]):
        at = np.flatnonzero((xs >= low) & (xs < high)) if len(cuts) else np.arange(count)
        many = later[at]
        holder = np.repeat(at, many)
        if not len(holder):
            continue  # no two of these sentences share a word
        partner = holder + np.arange(len(holder)) - np.repeat(np.cumsum(many) - many, many) + 1
        # (pair, the word's flags) as one key: sorting counts both.
        keys = np.sort((xs[holder] << bits | xs[partner]) << 4 | flags[holder])
        pairs, flag = keys >> 4, keys & 15
        starts = np.flatnonzero(np.r_[True, pairs[1:] != pairs[:-1]])
        shared_names = np.add.reduceat(flag & 1, starts)
        shared_words = np.diff(np.r_[starts, len(keys)]) - shared_names
        shared = shared_words * 1.0 + shared_names * NAME_WEIGHT
        proposed = shared >= _MIN_SHARED_WEIGHT
        rare_names = np.add.reduceat(flag & 4, starts)
        anchored = np.flatnonzero(~proposed & (rare_names > 0))
        if len(anchored):
            weight = np.where(flag & 2, 0.0, np.where(flag & 8, NAME_WEIGHT, 1.0))
            rare = np.add.reduceat(weight, starts)[anchored]
            anchors = pairs[starts][anchored]
            first, second = anchors >> bits, anchors & mask
            # Only pairs whose common words could make up the weight are looked up.
            most = np.minimum(most_common[first], most_common[second])
            able = rare + most >= _MIN_ANCHORED_WEIGHT
            anchored, rare, first, second = anchored[able], rare[able], first[able], second[able]
            total = rare + _common_shared(common_words, first, second)
            proposed[anchored[total >= _MIN_ANCHORED_WEIGHT]] = True
        chosen = pairs[starts][proposed]
        yield chosen >> bits, chosen & mask


@dataclass(frozen=True)
class _CommonWords:
    """Each sentence's common words, as sorted (sentence, word, whether it names) `keys`
    (`size` sentences, words of `word_bits` bits), read by every batch of candidate_pairs."""

    keys: NDArray[np.int64]
    word_bits: int
    size: int

    @property
    def word_mask(self) -> int:
        return (1 << self.word_bits) - 1

    @cached_property
    def rows(self) -> NDArray[np.int64]:
        """Where each sentence's keys start (and, last, where they end)."""
        import numpy as np

        return np.searchsorted(self.keys, np.arange(self.size + 1) << (self.word_bits + 1))

    @cached_property
    def table(self) -> sparse.csr_array:
        """The keys as sparse rows of sentences, columns of words."""
        import numpy as np
        from scipy import sparse

        return sparse.csr_array(
            (np.ones(len(self.keys), dtype=bool), self.keys >> 1 & self.word_mask, self.rows),
            shape=(self.size, self.word_mask + 1),
        )

    def held(self, sentence: NDArray[np.int64], word: NDArray[np.int64]) -> NDArray[np.bool_]:
        """Whether each sentence holds its word among its common words."""
        import numpy as np

        if len(word) > _LOOKUPS_IN_ROWS:
            # Searched in the sentence's own row (a few keys, near each other in memory): a
            # search of the whole table missed the processor's caches at every step, a
            # third of finding the candidate pairs of a distinct 1,000.
            return np.asarray(self.table[sentence, word], dtype=bool)
        keys = self.keys
        wanted = (sentence << self.word_bits | word) << 1
        at = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
        return keys[at] >> 1 == wanted >> 1 if len(keys) else np.zeros(len(word), bool)


def _common_shared(
    common: _CommonWords, first: NDArray[np.int64], second: NDArray[np.int64]
) -> NDArray[np.float64]:
    """The weight of the common words each pair of sentences (first, second) shares, at
    _COMMON_SHARE of what they weigh in the first: each of the first's common words
    looked up under the second."""
    import numpy as np

    keys, rows = common.keys, common.rows
    low = rows[first]
    many = rows[first + 1] - low
    pair = np.repeat(np.arange(len(first)), many)
    mine = keys[np.repeat(low - np.cumsum(many) + many, many) + np.arange(len(pair))]
    word = mine >> 1 & common.word_mask
    held = common.held(second[pair], word)
    weights = np.where(mine & 1, NAME_WEIGHT, 1.0) * _COMMON_SHARE
    return np.bincount(pair, weights=np.where(held, weights, 0.0), minlength=len(first))


# Past this many words looked up, they are looked up in sparse rows (scipy: a run this
# large has workers, and imports it while they work, see `pipeline._load_model_stage`);
# below it, importing scipy would cost more than searching the whole table does.
_LOOKUPS_IN_ROWS = 200_000


# Shared words added up at a time by candidate_pairs (a few bytes each).
_SHARES_AT_ONCE = 1 << 20
