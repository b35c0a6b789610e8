"""Fit the headline-row scorer on the shared sets and report it cross-validated by web site.

The pages are the shared sets' (extraction-dev, extraction-segments, dates-dev; a page in two
sets counts once) whose URL slug spells at least three words: a row is the headline when it
holds at least half of them (the check `extraction.py` makes of titles). Those rows label
the candidates of `briefing.extract.headline`; the softmax weights and the belief threshold
(the lowest with at most `--max-wrong` wrong titles on the fitting pages) are fitted without
the held-out web sites. Printed: the share of pages whose title matches the slug, for the
scorer cross-validated and for the rules the extractor used before (not fitted, for scale).

    python benchmarks/fit_headlines.py            # cross-validated figures
    python benchmarks/fit_headlines.py --write    # also refit on every page and ship the weights
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a plain script from a checkout, without installing
sys.path.insert(0, str(REPO / "benchmarks"))

from extraction import slug_words, title_matches_slug  # noqa: E402
from fit_dates import FOLDS, fold_of, site_of  # noqa: E402
from softmax_fit import fit_softmax, pick_threshold  # noqa: E402

from briefing.extract import page as extract  # noqa: E402
from briefing.extract.headline import (  # noqa: E402
    FEATURES,
    MAX_WORDS,
    WEIGHTS_FILE,
    HeadlineModel,
    headline_candidates,
    headline_features,
    row_beliefs,
)

SHARED = REPO.parent / "shared"
SETS = (
    ("extraction-dev", "ground-truth.json"),
    ("extraction-segments", "segments.json"),
    ("dates-dev", "ground-truth.json"),
)
L2 = 1.0


@dataclass
class Page:
    key: str
    site: str
    texts: list[str]
    rows: list[int]
    vectors: np.ndarray
    labels: np.ndarray  # 1 where the row matches the URL slug
    slug: list[str]
    rule_title: str  # what the extractor's rules gave


def load(shared: Path) -> list[Page]:
    pages: dict[str, Page] = {}
    for name, truth_name in SETS:
        truth_file = shared / name / truth_name
        if not truth_file.is_file():
            continue
        for key, entry in sorted(json.loads(truth_file.read_text(encoding="utf-8")).items()):
            slug = slug_words(entry["url"])
            if not slug or key in pages:
                continue
            text = (shared / name / "pages" / f"{key}.txt").read_text(encoding="utf-8")
            pages[key] = _page(key, site_of(entry["url"]), text, slug)
    return list(pages.values())


def _page(key: str, site: str, text: str, slug: list[str]) -> Page:
    """The page's candidate rows, as the extractor offers them, and its rules' title."""
    seen: list[tuple] = []
    original = extract.find_headline

    def spy(units, start, title_hint, title_site, stops):  # noqa: ANN001, ANN202
        pick = original(units, start, title_hint, title_site, stops)
        seen.append((units, start, stops, pick))
        return pick

    # The scorer being fitted stays out: the rows are read as the rules leave them.
    with (
        mock.patch.object(extract, "find_headline", spy),
        mock.patch.object(extract, "choose_headline", lambda *args: args[-1]),
    ):
        article = extract.extract_article(text, "page.txt")
    units, start, stops, rules_pick = seen[0]
    rows = headline_candidates(units, start, rules_pick) if start < len(units) else []
    vectors = np.array(headline_features(units, start, rows, stops, rules_pick) if rows else [])
    labels = np.array(
        [units[i].words <= MAX_WORDS and title_matches_slug(units[i].text, slug) for i in rows],
        dtype=float,
    )
    texts = [unit.text for unit in units]
    vectors = vectors.reshape(len(rows), len(FEATURES))
    return Page(key, site, texts, rows, vectors, labels, slug, article.title)


def choose(page: Page, model: HeadlineModel) -> tuple[str, float]:
    if not page.rows:
        return "", 0.0
    beliefs = row_beliefs(page.vectors.tolist(), model)
    best = int(np.argmax(beliefs))
    return page.texts[page.rows[best]], beliefs[best]


def fit(pages: list[Page], max_wrong: float) -> HeadlineModel:
    weights = fit_softmax([(p.vectors, p.labels) for p in pages], FEATURES, L2)
    model = HeadlineModel(tuple(weights), 0.0)
    picks = []
    for page in pages:
        title, belief = choose(page, model)
        picks.append((title_matches_slug(title, page.slug) if title else None, belief))
    return HeadlineModel(tuple(weights), pick_threshold(picks, max_wrong))


def cross_validated_titles(pages: list[Page], max_wrong: float, verbose: bool = False) -> str:
    """The line of title figures: the scorer fitted without each page's site, and the rules."""
    right = missing = named_right = 0
    for fold in range(FOLDS):
        model = fit([p for p in pages if fold_of(p.site) != fold], max_wrong)
        for page in pages:
            if fold_of(page.site) != fold:
                continue
            title, belief = choose(page, model)
            title = title if belief >= model.threshold else ""
            hit = bool(title) and title_matches_slug(title, page.slug)
            right += hit
            named_right += hit and page.labels.any()
            missing += not title
            if verbose and not hit:
                print(f"{page.key[:12]} {page.site:<28} {title[:60]!r} slug {' '.join(page.slug)}")
    rules = sum(title_matches_slug(page.rule_title, page.slug) for page in pages)
    sites = len({page.site for page in pages})
    # The slug judges a title only where it spells some row of the page: elsewhere it is
    # reworded, in another script, or the dump lacks the headline row.
    named = sum(bool(page.labels.any()) for page in pages)
    return (
        f"titles matching the URL slug (cross-validated over {FOLDS} folds of {sites} web sites):"
        f" {right}/{len(pages)} ({right / len(pages):.2f}), {missing} without a title;"
        f" the rules before: {rules}/{len(pages)} ({rules / len(pages):.2f});"
        f" on the {named} pages where the slug spells a row: {named_right}/{named}"
        f" ({named_right / max(named, 1):.2f})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument("--max-wrong", type=float, default=0.3, help="wrong titles allowed")
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS_FILE.name}")
    parser.add_argument("-v", "--verbose", action="store_true", help="list wrong titles")
    args = parser.parse_args(argv)
    pages = load(args.shared)
    if not pages:
        print(f"no shared sets under {args.shared}; nothing to fit.")
        return 0
    print(cross_validated_titles(pages, args.max_wrong, args.verbose))
    if args.write:
        model = fit(pages, args.max_wrong)
        data = {
            "about": "Headline-row scorer: softmax weights over candidate rows, fitted by "
            "benchmarks/fit_headlines.py on the shared sets; threshold = least belief to answer.",
            "features": list(FEATURES),
            "weights": [round(float(w), 4) for w in model.weights],
            "threshold": round(model.threshold, 2),
        }
        WEIGHTS_FILE.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_FILE} (threshold {model.threshold:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
