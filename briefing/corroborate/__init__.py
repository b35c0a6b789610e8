"""Group sentences that carry the same report, across articles (and within one).

Two outlets running one wire story reword it: "said on Friday as US-backed rebels
advanced" against "said on Friday, as rebel forces pushed"; "nine people were killed
when a Russian missile hit a residential building" against "Russian missiles struck an
apartment block, killing at least nine people". Sentences are compared on what they
report (content words, names, counts, event verbs), not on word sequences.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from briefing.annotate import AnnotatedArticle, publication_date
from briefing.corroborate.features import pair_features, sentence_senses, told_days, told_features
from briefing.corroborate.join import distinct_tolls, join_reports, published_apart
from briefing.corroborate.packed import (
    ArticleWords,
    Features,
    Vocabulary,
    article_words,
)
from briefing.corroborate.restatements import restatement_words, restatements
from briefing.corroborate.score import clash, logistic, report_score, report_sum, same_report
from briefing.corroborate.words import ReportWords, report_words
from briefing.model.words import ReportWeights, report_weights

__all__ = [
    "ArticleWords",
    "Corroboration",
    "Features",
    "Report",
    "ReportWords",
    "Vocabulary",
    "article_words",
    "clash",
    "content_order",
    "corroborate",
    "logistic",
    "pair_features",
    "published_apart",
    "report_score",
    "report_sum",
    "report_words",
    "restatement_words",
    "restatements",
    "same_report",
    "told_days",
    "told_features",
]


@dataclass(frozen=True, slots=True)  # one per sentence not joined to another: many
class Report:
    """One report: the sentences, in any article, that say the same thing."""

    id: str  # the id of its first sentence in reading order
    sentence_ids: tuple[str, ...]  # reading order (article order, then sentence order)


@dataclass(frozen=True)
class Corroboration:
    reports: tuple[Report, ...]  # reading order of their first sentence
    report_of: dict[str, Report]  # sentence id -> its report
    # Every sentence's `report_words` by its place in reading order, as compared: the
    # model asks again for some, and which tell an event with names.
    words: Features = field(compare=False, repr=False)

    def sources(self, sentence_id: str) -> tuple[str, ...]:
        """Every sentence carrying the same report as this one (itself included)."""
        report = self.report_of.get(sentence_id)
        return report.sentence_ids if report else (sentence_id,)


def corroborate(
    articles: Sequence[AnnotatedArticle],
    known: Mapping[str, ArticleWords] | None = None,
    weights: ReportWeights | None = None,
) -> Corroboration:
    """Cluster every sentence of every article into reports (by the learned report
    score, or by `weights` being tuned). `known` holds the `article_words` of articles
    already worked out, by article id; the rest are worked out here."""
    known = known or {}
    packed = [known[a.id] if a.id in known else article_words(a) for a in articles]
    published = [publication_date(a.article.published) for a in articles]
    # Grouped in an order of the articles' contents, not the order they were given in: the
    # same pages in another order give the same reports (which pair is tried first, which
    # copy is compared, which members guard a join all follow the order).
    order = content_order(packed, published)
    ranked = [articles[n] for n in order]
    root = _grouped(ranked, [packed[n] for n in order], [published[n] for n in order], weights)
    start = [0] * len(articles)
    offset = 0
    for n in order:
        start[n] = offset
        offset += len(articles[n].sentences)
    # Back in reading order: each report's sentences in reading order, reports in the
    # reading order of their first sentence.
    groups: dict[int, list[str]] = {}
    for article, first in zip(articles, start, strict=True):
        sentences = article.sentences
        for sentence, group in zip(sentences, root[first : first + len(sentences)], strict=True):
            members = groups.get(group)
            if members is None:
                groups[group] = [sentence.id]
            else:
                members.append(sentence.id)
    reports = []
    report_of: dict[str, Report] = {}
    for members in groups.values():
        ids = tuple(members)
        report = Report(id=ids[0], sentence_ids=ids)
        reports.append(report)
        for sid in ids:
            report_of[sid] = report
    return Corroboration(reports=tuple(reports), report_of=report_of, words=Features(packed))


def content_order(packed: Sequence[ArticleWords], published: Sequence[date | None]) -> list[int]:
    """The places of articles sorted by what they say (their sentences' copy keys, then
    their day): an order the input order does not change."""
    return sorted(range(len(packed)), key=lambda n: (packed[n].copies, str(published[n] or "")))


def _grouped(
    articles: Sequence[AnnotatedArticle],
    packed: Sequence[ArticleWords],
    published: Sequence[date | None],
    weights: ReportWeights | None,
) -> list[int]:
    """Each sentence's group (the place of its first sentence), by place in the order of
    `articles`."""
    sentences = [s for article in articles for s in article.sentences]
    features = Features(packed)
    parent = list(range(len(sentences)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Word-for-word copies (one wire sentence carried by many outlets) join at once, and
    # only the first of them is compared with the rest. Captions describe photos: a
    # matching pair says nothing about events, so they never join a report.
    first_copy: dict[bytes, int] = {}
    distinct: list[int] = []
    copy_keys = (words.copy_key(n) for words in packed for n in range(len(words)))
    for i, (sentence, key) in enumerate(zip(sentences, copy_keys, strict=True)):
        if sentence.kind == "caption":
            continue
        first = first_copy.setdefault(key, i)
        if first == i:
            distinct.append(i)
        else:
            parent[i] = first
    days = [
        day for article, day in zip(articles, published, strict=True) for _ in article.sentences
    ]
    # The days sentences tell of, for the few that tell of one.
    told = {i: told_of for i, s in enumerate(sentences) if s.dates and (told_of := told_days(s))}
    join_reports(
        features,
        days,
        told,
        distinct,
        parent,
        root,
        weights or report_weights(),
        [s.text for s in sentences],
        tolls=distinct_tolls(features, sentences, distinct),
    )
    sentence_senses.cache_clear()

    # An article's own headline, highlights and subheads restate its body in fewer
    # words: each joins the body sentence it restates, so no pane says it twice.
    start = 0
    for article, words in zip(articles, packed, strict=True):
        if words.restated:
            position = {s.id: start + n for n, s in enumerate(article.sentences)}
            for short, body in words.restated:
                ri, rj = root(position[short]), root(position[body])
                parent[max(ri, rj)] = min(ri, rj)
        start += len(article.sentences)
    return [root(i) for i in range(len(sentences))]
