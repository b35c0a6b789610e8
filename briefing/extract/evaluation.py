"""The shared labelled sets, their measures, and folds split by web site.

Used by the training script (to fit and to cross-validate) and by benchmarks/extraction.py.
The measures are those each set's README defines (and ../shared/scoring prints):

- extraction-dev: word 4-gram shingles (case kept) of the extracted and the true body; per
  page precision and recall, averaged over pages; F1 from the two means.
- extraction-segments: a "with" segment found in the article text (whitespace collapsed, case
  folded) is a true positive, else a false negative; a "without" segment found, a false
  positive; precision, recall and F1 over the pooled counts.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from briefing.extract.article import Article

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
RENDERINGS = ("pages", "pages-lynx")
SCORED_KINDS = ("body", "subhead")  # what a reader gets as the article body
SHINGLE_WORD = re.compile(r"\w+")
FOLDS = 5


@dataclass(frozen=True)
class LabelledPage:
    """A page of a shared set with what a person marked in it."""

    set_name: str  # "extraction-dev" or "extraction-segments"
    page_id: str
    url: str
    body: str | None  # the true body (extraction-dev)
    with_segments: tuple[str, ...]  # must be in the article (extraction-segments)
    without_segments: tuple[str, ...]  # must not be

    @property
    def site(self) -> str:
        return site_of(self.url)


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    pages: int
    empty: int  # pages that gave no article text


def site_of(url: str) -> str:
    """The web site a page comes from: its host without "www.", the archived page's host for
    web.archive.org copies, the URL itself when it has no host."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host == "web.archive.org":
        archived = re.search(r"/web/\d+\w*/(.+)$", parts.path)
        if archived:
            return site_of(
                archived.group(1) if "://" in archived.group(1) else "http://" + archived.group(1)
            )
    return host.removeprefix("www.") or url.strip().lower()


def load_set(set_name: str, shared: Path = SHARED) -> list[LabelledPage]:
    """The pages of one shared set; [] when the set is absent."""
    folder = shared / set_name
    if set_name == "extraction-dev":
        truth_file = folder / "ground-truth.json"
        if not truth_file.is_file():
            return []
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        return [
            LabelledPage(set_name, key, value.get("url", ""), value["articleBody"], (), ())
            for key, value in sorted(truth.items())
        ]
    segments_file = folder / "segments.json"
    if not segments_file.is_file():
        return []
    segments = json.loads(segments_file.read_text(encoding="utf-8"))
    return [
        LabelledPage(
            set_name,
            key,
            value.get("url", ""),
            None,
            tuple(value.get("with", ())),
            tuple(value.get("without", ())),
        )
        for key, value in sorted(segments.items())
    ]


def page_text(page: LabelledPage, rendering: str, shared: Path = SHARED) -> str:
    path = shared / page.set_name / rendering / f"{page.page_id}.txt"
    return path.read_text(encoding="utf-8", errors="replace")


def site_folds(pages: Iterable[LabelledPage], folds: int = FOLDS) -> dict[str, int]:
    """A fold for each site, fixed by a hash of its name: every page of a site in one fold."""
    return {page.site: zlib.crc32(page.site.encode()) % folds for page in pages}


def article_text(article: Article, separator: str) -> str:
    """The article body a reader gets, as the scorers read it from a dump."""
    return separator.join(block.text for block in article.blocks if block.kind in SCORED_KINDS)


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    words = SHINGLE_WORD.findall(text or "")
    return Counter(
        tuple(words[i : i + size])
        for i in range(max(1, len(words) - size + 1))
        if words[i : i + size]
    )


def body_scores(pairs: Iterable[tuple[str, str]]) -> Scores:
    """extraction-dev's measure over (extracted body, true body) pairs."""
    precisions: list[float] = []
    recalls: list[float] = []
    pages = empty = 0
    for extracted, truth in pairs:
        pages += 1
        empty += not extracted.strip()
        got, want = shingles(extracted), shingles(truth)
        tp = sum((got & want).values())
        fp = sum((got - want).values())
        fn = sum((want - got).values())
        total = tp + fp + fn
        if not total:
            continue
        tp, fp, fn = tp / total, fp / total, fn / total
        if tp + fp > 0:
            precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    return Scores(precision, recall, _f1(precision, recall), pages, empty)


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def segment_scores(pairs: Iterable[tuple[str, LabelledPage]]) -> Scores:
    """extraction-segments' measure over (extracted text, labelled page) pairs."""
    tp = fn = fp = pages = empty = 0
    for extracted, page in pairs:
        pages += 1
        empty += not extracted.strip()
        text = _normalised(extracted)
        found = [_normalised(segment) in text for segment in page.with_segments]
        tp += sum(found)
        fn += len(found) - sum(found)
        fp += sum(_normalised(segment) in text for segment in page.without_segments)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return Scores(precision, recall, _f1(precision, recall), pages, empty)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def set_scores(set_name: str, results: Iterable[tuple[Article, LabelledPage]]) -> Scores:
    """The set's own measure over extracted articles."""
    if set_name == "extraction-dev":
        return body_scores(
            (article_text(article, "\n"), page.body or "") for article, page in results
        )
    return segment_scores((article_text(article, " "), page) for article, page in results)


def held_out(
    pages: list[LabelledPage], folds: dict[str, int]
) -> Iterator[tuple[int, list[LabelledPage], list[LabelledPage]]]:
    """(fold, training pages, held-out pages) for each fold of sites."""
    for fold in sorted(set(folds.values())):
        yield (
            fold,
            [page for page in pages if folds[page.site] != fold],
            [page for page in pages if folds[page.site] == fold],
        )
