"""Group sentences that carry the same report, across articles (and within one).

Two outlets running one wire story reword it: "said on Friday as US-backed rebels
advanced" against "said on Friday, as rebel forces pushed". Pairs are found by
blocking on word trigrams (only sentences sharing a trigram are ever compared, so
the cost grows with the number of near-duplicates, not with the square of the
corpus) and confirmed on content-word overlap.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from briefing.annotate import AnnotatedArticle, Sentence
from briefing.extract import STOPWORDS

_WORD = re.compile(r"\w+")

# Function words carry no report of their own, nor do verbs of saying (every outlet
# attributes in its own words); overlap is measured without them.
_STOP_WORDS = STOPWORDS["en"] | {"onto", "told"}

_RESTATING_KINDS = frozenset({"headline", "standfirst", "subhead"})
# A restatement keeps most of what it restates: 5 of "Turkish, Iranian and Russian FMs
# meet in Doha today"'s 7 words are in the body sentence it summarises.
_RESTATEMENT_SHARE = 0.6
# Word endings dropped before comparing restatements ("closes", "closed" -> "clos").
_ENDING = re.compile(r"(?:ing|ed|es|s)$")

# Past this many sentences sharing a trigram, pairing all of them would cost the
# square of the corpus; see _candidate_pairs.
_COMMON_TRIGRAM = 40


@dataclass(frozen=True)
class Report:
    """One report: the sentences, in any article, that say the same thing."""

    id: str  # the id of its first sentence in reading order
    sentence_ids: tuple[str, ...]  # reading order (article order, then sentence order)


@dataclass(frozen=True)
class Corroboration:
    reports: tuple[Report, ...]  # reading order of their first sentence
    report_of: dict[str, Report]  # sentence id -> its report

    def sources(self, sentence_id: str) -> tuple[str, ...]:
        """Every sentence carrying the same report as this one (itself included)."""
        report = self.report_of.get(sentence_id)
        return report.sentence_ids if report else (sentence_id,)


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP_WORDS)


def _trigrams(text: str) -> set[tuple[str, str, str]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}  # type: ignore[misc]


def same_report(a: str, b: str) -> bool:
    """Whether two sentences carry the same report, by content-word overlap.

    Jaccard alone misses rewrites where one outlet appends a clause; containment
    alone merges a short sentence into any long one that mentions its words. Both
    are asked for, with a floor on how many words must be shared.
    """
    return _overlap_says_same(content_words(a), content_words(b), a, b)


def _overlap_says_same(wa: frozenset[str], wb: frozenset[str], a: str, b: str) -> bool:
    if not wa or not wb:
        return a.strip() == b.strip()
    shared = len(wa & wb)
    smaller = min(len(wa), len(wb))
    jaccard = shared / len(wa | wb)
    containment = shared / smaller
    if smaller <= 4:  # headlines, subheads: nearly identical or nothing
        return jaccard >= 0.75
    return jaccard >= 0.5 or (containment >= 0.6 and shared >= 8 and jaccard >= 0.35)


@cache
def _country_words() -> dict[str, str]:
    """Single-word country names and demonyms -> country id ("Turkish" -> "turkiye")."""
    from briefing.countries import COUNTRIES

    return {
        name.lower(): country.id
        for country in COUNTRIES
        for name in country.names
        if name.isalpha()
    }


@lru_cache(maxsize=65_536)  # a wire story's sentences recur across outlets word for word
def restatement_words(text: str) -> frozenset[str]:
    """Content words as a restatement shares them: "Turkish FMs meet" and "the foreign
    ministers of Turkiye will meet" both name turkiye and meet. Acronyms keep their case
    ("IS" the group is not "is"); other words lose common endings."""
    countries = _country_words()
    words = set()
    for word in _WORD.findall(text):
        if len(word) < 2:
            continue  # the "s" of "Syria’s"
        if word.isupper():
            words.add(word)
            continue
        lower = word.lower()
        if lower in _STOP_WORDS:
            continue
        if lower in countries:
            words.add(countries[lower])
        else:
            words.add(_ENDING.sub("", lower) if len(lower) > 4 else lower)
    return frozenset(words)


def _restated_in(
    short: Sentence, bodies: Sequence[tuple[Sentence, frozenset[str]]]
) -> Sentence | None:
    """The body sentence a headline, highlight or subhead restates, if any: the one
    holding most of its words, when that is most of them (and at least two), and
    concerning every actor it names (a line must not join a pane it does not concern).
    `bodies` are the article's body sentences with their `restatement_words`."""
    words = restatement_words(short.text)
    best, best_share = None, 0.0
    for body, body_words in bodies:
        if not set(short.actors) <= set(body.actors):
            continue
        shared = len(words & body_words)
        share = shared / len(words) if words else 0.0
        if shared >= 2 and share > best_share:
            best, best_share = body, share
    return best if best_share >= _RESTATEMENT_SHARE else None


def _candidate_pairs(texts: Sequence[str]) -> Iterable[tuple[int, int]]:
    """Index pairs of texts worth comparing: those sharing enough word trigrams."""
    index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    trigram_counts = []
    for i, text in enumerate(texts):
        grams = _trigrams(text)
        trigram_counts.append(len(grams))
        for gram in grams:
            index[gram].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in index.values():
        if len(members) <= _COMMON_TRIGRAM:
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    shared[(members[x], members[y])] += 1
        else:
            # One story copied many times, or stock wording: comparing neighbours keeps
            # the cost linear, and copies still chain into one report.
            for x in range(len(members) - 1):
                shared[(members[x], members[x + 1])] += 1
    # One shared trigram is chance ("the city of"); two start to mean something, unless
    # a sentence is too short to have two.
    for (i, j), count in shared.items():
        if count >= 2 or count >= min(trigram_counts[i], trigram_counts[j]):
            yield i, j


def corroborate(articles: Sequence[AnnotatedArticle]) -> Corroboration:
    """Cluster every sentence of every article into reports."""
    sentences = [s for article in articles for s in article.sentences]
    words = [content_words(s.text) for s in sentences]
    parent = list(range(len(sentences)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Word-for-word copies (one wire sentence carried by many outlets) join at once, and
    # only the first of them is compared with the rest. Captions describe photos: a
    # matching pair says nothing about events, so they never join a report.
    first_copy: dict[str, int] = {}
    distinct: list[int] = []
    for i, sentence in enumerate(sentences):
        if sentence.kind == "caption":
            continue
        first = first_copy.setdefault(" ".join(_WORD.findall(sentence.text.lower())), i)
        if first == i:
            distinct.append(i)
        else:
            parent[i] = first
    for x, y in _candidate_pairs([sentences[i].text for i in distinct]):
        i, j = distinct[x], distinct[y]
        ri, rj = root(i), root(j)
        if ri != rj and _overlap_says_same(
            words[i], words[j], sentences[i].text, sentences[j].text
        ):
            parent[max(ri, rj)] = min(ri, rj)

    # An article's own headline, highlights and subheads restate its body in fewer
    # words: each joins the body sentence it restates, so no pane says it twice.
    position = {s.id: i for i, s in enumerate(sentences)}
    for article in articles:
        shorts = [s for s in article.sentences if s.kind in _RESTATING_KINDS]
        if not shorts:
            continue
        bodies = [(s, restatement_words(s.text)) for s in article.sentences if s.kind == "body"]
        for short in shorts:
            body = _restated_in(short, bodies)
            if body is not None:
                ri, rj = root(position[short.id]), root(position[body.id])
                parent[max(ri, rj)] = min(ri, rj)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(sentences)):
        groups[root(i)].append(i)
    reports = []
    report_of: dict[str, Report] = {}
    for first in sorted(groups):
        ids = tuple(sentences[i].id for i in sorted(groups[first]))
        report = Report(id=ids[0], sentence_ids=ids)
        reports.append(report)
        for sid in ids:
            report_of[sid] = report
    return Corroboration(reports=tuple(reports), report_of=report_of)
