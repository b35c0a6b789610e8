"""Fit the page-date scorer on ../shared/dates-dev and report it cross-validated by web site.

Each page's date candidates are described by `briefing.extract.dates.candidate_features`; the
weights maximise the likelihood of the true day under a softmax over the page's candidates
(pages whose true day is not among them only help set the threshold). The threshold is the
least belief a chosen day needs: the lowest one whose wrong dates stay under `--max-wrong`
of the pages it was tuned on. Cross-validation holds out whole web sites (the host of the
page's URL; for archive.org copies, the archived site's host): weights and threshold are
fitted on the other folds only.

    python benchmarks/fit_dates.py            # cross-validated figures
    python benchmarks/fit_dates.py --write    # also refit on every page and ship the weights
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a plain script from a checkout, without installing
sys.path.insert(0, str(REPO / "benchmarks"))

from softmax_fit import fit_softmax  # noqa: E402
from softmax_fit import pick_threshold as threshold_for  # noqa: E402

from briefing.extract import dates as page_dates  # noqa: E402
from briefing.extract import page as extract  # noqa: E402
from briefing.extract.dates import (  # noqa: E402
    FEATURES,
    WEIGHTS_FILE,
    PageRows,
    candidate_features,
    decide,
    page_candidates,
)
from briefing.extract.evaluation import FOLDS, site_of  # noqa: E402
from briefing.extract.softmax import SoftmaxModel  # noqa: E402

DEFAULT_SET = REPO.parent / "shared" / "dates-dev"
# Upper bounds on weights (see fit_weights).
SUSPECT = {
    "far_above": 0.0,
    "newest_far_above": 0.0,
    "after_all_others_far": -2.0,
    "updated_label": -1.0,
}
# Lower bounds: a date opening the article's text is its dateline, the day the story was
# filed; few pages here show one (4 of 745, each its page's date), too few for the fit to
# weigh it against a date in a long row of the body, which is mostly an event of the story.
DATELINE = {"opens_text": 1.0}
L2 = 1.0


@dataclass
class Page:
    key: str
    site: str
    gold: str
    visible: bool
    rows: PageRows | None
    candidates: list[page_dates.DateCandidate]
    vectors: np.ndarray  # candidates x features
    labels: np.ndarray  # 1 where the candidate's day is the true day


def page_rows(text: str) -> PageRows | None:
    """The rows and layout the extractor hands to the date chooser for this page."""
    seen: list[PageRows] = []
    with mock.patch.object(extract, "choose_date", lambda rows: seen.append(rows)):
        extract.extract_article(text, "page.txt")
    return seen[0] if seen else None


def load(folder: Path) -> list[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key, entry in sorted(truth.items()):
        rows = page_rows((folder / "pages" / f"{key}.txt").read_text(encoding="utf-8"))
        candidates = page_candidates(rows) if rows else []
        vectors = np.array(candidate_features(candidates, rows) if candidates else [])
        labels = np.array([c.day.isoformat() == entry["date"] for c in candidates], dtype=float)
        pages.append(
            Page(
                key,
                site_of(entry["url"]),
                entry["date"],
                entry["visible"],
                rows,
                candidates,
                vectors.reshape(len(candidates), len(FEATURES)),
                labels,
            )  # fmt: skip
        )
    return pages


def fit_weights(pages: list[Page]) -> np.ndarray:
    """Softmax weights over each page's candidates and "none" (see softmax_fit). What a page
    date is, the fit may not overturn (SUSPECT): a date far above the article, or after every
    other date the page shows, is suspect (a render or "today" date; the pages here were saved
    soon after they were published, where those look right), and an update date is not
    preferred to an unlabelled one (here most pages were never updated); a date opening the
    text is taken at least as a dateline's (DATELINE)."""
    return fit_softmax([(p.vectors, p.labels) for p in pages], FEATURES, L2, SUSPECT, DATELINE)


def choose(page: Page, model: SoftmaxModel) -> tuple[str | None, float]:
    """The chosen day (ISO) and the belief it holds; None and 0 without candidates."""
    if not page.candidates:
        return None, 0.0
    chosen, belief = decide(page.candidates, page.rows, model)
    return (chosen.day.isoformat() if chosen else None), belief


def pick_threshold(pages: list[Page], weights: np.ndarray, max_wrong: float) -> float:
    """The lowest belief threshold whose wrong dates on these pages stay under max_wrong."""
    model = SoftmaxModel(tuple(weights), 0.0)
    picks = []
    for page in pages:
        if page.visible:
            day, belief = choose(page, model)
            picks.append((None if day is None else day == page.gold, belief))
    return threshold_for(picks, max_wrong)


def fold_of(site: str) -> int:
    """The fold of a web site, as the body classifier's cross-validation splits them."""
    return zlib.crc32(site.encode()) % FOLDS


def cross_validate(pages: list[Page], max_wrong: float) -> dict[str, tuple[str | None, str]]:
    """Each page's day chosen by a model fitted without its web site: {key: (day, gold)}."""
    results = {}
    for fold in range(FOLDS):
        train = [page for page in pages if fold_of(page.site) != fold]
        weights = fit_weights(train)
        model = SoftmaxModel(tuple(weights), pick_threshold(train, weights, max_wrong))
        for page in pages:
            if fold_of(page.site) == fold:
                day, belief = choose(page, model)
                results[page.key] = (day if belief >= model.threshold else None, page.gold)
    return results


def report(pages: list[Page], results: dict[str, tuple[str | None, str]]) -> str:
    visible = [page for page in pages if page.visible]
    right = sum(results[page.key][0] == page.gold for page in visible)
    missing = sum(results[page.key][0] is None for page in visible)
    wrong = len(visible) - right - missing
    sites = len({page.site for page in pages})
    return (
        f"published dates (cross-validated over {FOLDS} folds of {sites} web sites): "
        f"{right}/{len(visible)} right, {wrong} wrong, {missing} missing "
        f"({right / len(visible):.2f}; wrong {wrong / len(visible):.1%})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, help="dates-dev folder")
    parser.add_argument(
        "--max-wrong", type=float, default=0.015, help="wrong dates allowed on the fitting pages"
    )
    parser.add_argument(
        "--write", action="store_true", help=f"refit on all pages, write {WEIGHTS_FILE.name}"
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list the pages cross-validation gets wrong"
    )
    args = parser.parse_args(argv)
    if not (args.set / "ground-truth.json").is_file():
        print(f"dates-dev set not found at {args.set}; nothing to fit.")
        return 0
    started = time.perf_counter()
    pages = load(args.set)
    print(f"{len(pages)} pages, {sum(len(p.candidates) for p in pages)} date candidates "
          f"({time.perf_counter() - started:.1f} s)")  # fmt: skip
    results = cross_validate(pages, args.max_wrong)
    print(report(pages, results))
    if args.verbose:
        for page in pages:
            day, gold = results[page.key]
            if page.visible and day != gold:
                print(f"{page.key}  {page.site:<30} gold {gold} got {day}")
    if args.write:
        weights = fit_weights(pages)
        threshold = pick_threshold(pages, weights, args.max_wrong)
        data = {
            "about": "Page-date scorer: softmax weights over date candidates, fitted by "
            "benchmarks/fit_dates.py on ../shared/dates-dev; threshold = least belief to answer.",
            "features": list(FEATURES),
            "weights": [round(float(w), 4) for w in weights],
            "threshold": round(threshold, 2),
        }
        WEIGHTS_FILE.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS_FILE} (threshold {threshold:.2f})")
        for name, weight in sorted(zip(FEATURES, weights, strict=True), key=lambda x: -abs(x[1])):
            print(f"  {name:<22} {weight:+.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
