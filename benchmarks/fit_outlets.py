"""Fit the outlet scorer on the tuning folds' web sites and judge it on the other sites.

When no rule names the site (page title, "Published in", copyright owner, known outlet,
masthead), the extractor picks among the page's short rows that may be a name (a logo's alt
text, the masthead, a footer's name; `briefing.extract.metadata.name_rows`) by a softmax with
a "none of them" option. A row is the answer when it spells the name part of the page's
domain as the sound judge reads spellings (`extraction.outlet_names_site`: umlauts spelt out,
"&", abbreviations) with at least half its letters ("News" on manchestereveningnews.co.uk is a
section, not the site). The weights are fitted on the sites of `extraction.OUTLET_TUNING_FOLDS`
only, so the outlets `extraction.py --sets outlets` prints for the other sites are held out by
site. The scorer abstains below a belief threshold: a wrong outlet misleads an analyst more
than a missing one. The threshold is chosen on the tuning folds' sites from beliefs each fold
gets from weights fitted on the other tuning folds (in-sample beliefs are too sure): the one
that scores best at right picks minus `--wrong-cost` times wrong ones on the pages the rules
leave without an outlet. The curve is printed, and so are the curves the copyright owners'
rivals were read from: the scorer's pick at each belief (OWNER_YIELD_BELIEF) and the site's
own name, spelt by the page's addresses, at each count of short rows (BRAND_ROWS, BRAND_LEAD).

    python benchmarks/fit_outlets.py           # fit on the tuning folds, print both folds' picks
    python benchmarks/fit_outlets.py --write   # also ship the weights
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a plain script from a checkout, without installing
sys.path.insert(0, str(REPO / "benchmarks"))

from extraction import (  # noqa: E402
    OUTLET_TUNING_FOLDS,
    outlet_names_site,
    outlet_pages,
    site_name,
    site_of,
)
from fit_dates import fold_of  # noqa: E402
from softmax_fit import fit_softmax, write_weights  # noqa: E402

from briefing.extract import metadata  # noqa: E402
from briefing.extract import page as extract  # noqa: E402
from briefing.extract.metadata import (  # noqa: E402
    OUTLET_FEATURES,
    OUTLET_WEIGHTS_FILE,
    OWNER_YIELD_BELIEF,
    name_rows,
    outlet_belief,
    outlet_features,
    owner_rival,
)
from briefing.extract.softmax import SoftmaxModel  # noqa: E402

SHARED = REPO.parent / "shared"
L2 = 1.0


@dataclass
class Page:
    url: str
    fold: int  # the site's fold (fit_dates.fold_of)
    tuning: bool
    texts: list[str]
    listed: frozenset[str]
    rules_named: bool  # a rule named an outlet: the scorer is not asked
    owners: list[str]  # copyright owners the rules asked the scorer to rival
    kept_owners: list[str]  # those the scorer did not replace: the site's own name may
    vectors: np.ndarray
    labels: np.ndarray  # 1 where the name row names the site


def names_site(name: str, url: str) -> bool:
    """The label: the name spells the domain's name part as the sound judge reads spellings
    (umlauts, "&", abbreviations; not the page's credits) with at least half its letters."""
    letters = re.sub(r"\W", "", re.sub(r"^the\s+", "", name.lower()))
    return outlet_names_site(name, url, "") and 2 * len(letters) >= len(site_name(url))


def load(shared: Path) -> list[Page]:
    """Every shared page with a URL host: its rows as the outlet rules read them, and whether
    the rules named an outlet without the scorer."""
    pages = []
    for set_name, key, url in outlet_pages(shared):
        text = (shared / set_name / "pages" / f"{key}.txt").read_text(
            encoding="utf-8", errors="replace"
        )
        texts, listed, rules_named, owners, kept_owners = _outlet_rows(text, key)
        names = name_rows(texts)
        vectors = np.array(outlet_features(texts, listed, names)).reshape(-1, len(OUTLET_FEATURES))
        labels = np.array([names_site(entry.name, url) for entry in names], dtype=float)
        fold = fold_of(site_of(url))
        tuning = fold in OUTLET_TUNING_FOLDS
        pages.append(
            Page(
                url, fold, tuning, texts, listed, rules_named, owners, kept_owners, vectors, labels
            )
        )
    return pages


def _outlet_rows(
    text: str, key: str
) -> tuple[list[str], frozenset[str], bool, list[str], list[str]]:
    """The rows and list items the outlet rules read on a page, whether the rules named an
    outlet without asking the scorer, the copyright owners they asked it to rival and those
    it did not replace."""
    seen: list[tuple[list[str], frozenset[str]]] = []
    asked: list[bool] = []
    owners: list[str] = []
    kept_owners: list[str] = []
    find_outlet = metadata.find_outlet
    name_over_owner = metadata._name_over_owner

    def owner_spy(owner, texts, listed):  # noqa: ANN001, ANN202
        owners.append(owner)
        rival = name_over_owner(owner, texts, listed)
        if rival is None:
            kept_owners.append(owner)
        return rival

    def spy(texts, title_site, author, above, listed=frozenset()):  # noqa: ANN001, ANN202
        seen.append((texts, listed))
        return find_outlet(texts, title_site, author, above, listed)

    with (
        mock.patch.object(extract, "find_outlet", spy),
        mock.patch.object(extract, "learned_outlet", lambda *_: asked.append(True)),
        mock.patch.object(metadata, "_name_over_owner", owner_spy),
    ):
        extract.extract_article(text, f"{key}.txt")
    texts, listed = seen[0] if seen else ([], frozenset())
    return texts, listed, not asked, owners, kept_owners


def fit_weights(pages: list[Page]) -> tuple[float, ...]:
    return tuple(fit_softmax([(p.vectors, p.labels) for p in pages], OUTLET_FEATURES, L2))


THRESHOLDS = [round(0.3 + 0.05 * step, 2) for step in range(14)]  # 0.30 .. 0.95


@dataclass(frozen=True)
class CurvePoint:
    threshold: float
    right: int
    wrong: int


def out_of_fold_picks(pages: list[Page]) -> list[tuple[bool | None, float]]:
    """The scorer's pick on each page the rules leave without an outlet, by weights fitted on
    the other folds' sites."""
    picks = []
    for fold in sorted({page.fold for page in pages}):
        model = SoftmaxModel(fit_weights([page for page in pages if page.fold != fold]), 0.0)
        picks += [
            _pick(page, model) for page in pages if page.fold == fold and not page.rules_named
        ]
    return picks


def curve(picks: list[tuple[bool | None, float]]) -> list[CurvePoint]:
    """Right and wrong picks answered at each threshold."""
    return [
        CurvePoint(
            threshold,
            sum(right is True and belief >= threshold for right, belief in picks),
            sum(right is False and belief >= threshold for right, belief in picks),
        )
        for threshold in THRESHOLDS
    ]


def best_threshold(points: list[CurvePoint], wrong_cost: float) -> float:
    """The threshold scoring best at right minus wrong_cost times wrong (the lowest on a tie)."""
    best = max(points, key=lambda point: (point.right - wrong_cost * point.wrong, -point.threshold))
    return best.threshold


def _pick(page: Page, model: SoftmaxModel) -> tuple[bool | None, float]:
    pick = outlet_belief(page.texts, page.listed, model)
    if pick is None:
        return None, 0.0
    return outlet_names_site(pick.name, page.url, "\n".join(page.texts)), pick.belief


def owner_curve(pages: list[Page]) -> list[CurvePoint]:
    """Right and wrong outlets, on the pages where the rules asked the scorer to rival a
    copyright owner, when the scorer's pick (weights fitted on the other folds' sites) replaces
    the owner at each belief threshold: the curve OWNER_YIELD_BELIEF was read from."""
    rivals: list[tuple[bool, bool | None, float]] = []  # owner right, pick right, belief
    for fold in sorted({page.fold for page in pages}):
        model = SoftmaxModel(fit_weights([page for page in pages if page.fold != fold]), 0.0)
        for page in (page for page in pages if page.fold == fold):
            text = "\n".join(page.texts)
            for owner in page.owners[:1]:  # the owner the rules answered with
                pick = owner_rival(owner, page.texts, page.listed, model)
                rivals.append(
                    (
                        outlet_names_site(owner, page.url, text),
                        pick and outlet_names_site(pick.name, page.url, text),
                        pick.belief if pick else 0.0,
                    )
                )
    return [
        CurvePoint(
            threshold,
            sum(pick if belief >= threshold else owner for owner, pick, belief in rivals),
            sum(not (pick if belief >= threshold else owner) for owner, pick, belief in rivals),
        )
        for threshold in [*THRESHOLDS, 1.0]
    ]


@dataclass(frozen=True)
class BrandPoint:
    rows: int
    lead: float
    right: int
    wrong: int


def brand_curve(pages: list[Page]) -> list[BrandPoint]:
    """Right and wrong outlets, on the pages whose copyright owner the scorer did not replace,
    when the name the page's addresses spell and its short rows print (metadata.
    _brand_over) replaces the owner at each BRAND_ROWS and BRAND_LEAD: the grid they
    were read from. Nothing here is fitted, so every tuning page counts."""
    points = []
    for rows in (2, 3, 4):
        for lead in (1.0, 1.5, 2.0, 3.0):
            right = wrong = 0
            with (
                mock.patch.object(metadata, "BRAND_ROWS", rows),
                mock.patch.object(metadata, "BRAND_LEAD", lead),
            ):
                for page in pages:
                    for owner in page.kept_owners[:1]:  # the owner the rules answered with
                        outlet = metadata._brand_over(owner, page.texts) or owner
                        named = outlet_names_site(outlet, page.url, "\n".join(page.texts))
                        right, wrong = right + named, wrong + (not named)
            points.append(BrandPoint(rows, lead, right, wrong))
    return points


def report(pages: list[Page], model: SoftmaxModel, label: str) -> str:
    """Picks on the pages the rules leave without an outlet: found, right, wrong."""
    asked = [page for page in pages if not page.rules_named]
    picks = [_pick(page, model) for page in asked]
    found = [right for right, belief in picks if right is not None and belief >= model.threshold]
    return (
        f"{label}: {len(asked)} pages without an outlet by the rules; the scorer names"
        f" {len(found)}: right {sum(found)}, wrong {len(found) - sum(found)} (sound judge)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument(
        "--wrong-cost", type=float, default=2.0, help="a wrong pick's cost in missed right ones"
    )
    parser.add_argument("--write", action="store_true", help=f"write {OUTLET_WEIGHTS_FILE.name}")
    args = parser.parse_args(argv)
    pages = load(args.shared)
    if not pages:
        print(f"no shared sets under {args.shared}; nothing to fit.")
        return 0
    tuning = [page for page in pages if page.tuning]
    points = curve(out_of_fold_picks(tuning))
    print("threshold curve on the tuning sites (beliefs fitted on the other tuning folds):")
    for point in points:
        found = point.right + point.wrong
        print(
            f"  {point.threshold:.2f}: names {found:3}, right {point.right:3},"
            f" wrong {point.wrong:3} ({point.wrong / max(found, 1):.0%})"
        )
    model = SoftmaxModel(fit_weights(tuning), best_threshold(points, args.wrong_cost))
    print(
        "copyright owners the page hardly prints elsewhere, replaced by the scorer's pick at"
        f" each belief (tuning sites, out of fold; shipped {OWNER_YIELD_BELIEF}, 1.00 = never):"
    )
    for point in owner_curve(tuning):
        print(f"  {point.threshold:.2f}: right {point.right:3}, wrong {point.wrong:3}")
    print(
        "copyright owners the scorer keeps, replaced by the name the page's addresses spell and"
        f" its short rows print (tuning sites; shipped rows {metadata.BRAND_ROWS},"
        f" lead {metadata.BRAND_LEAD:g}):"
    )
    for brand in brand_curve(tuning):
        print(
            f"  rows {brand.rows}, lead {brand.lead:g}: right {brand.right:3},"
            f" wrong {brand.wrong:3}"
        )
    print(f"threshold {model.threshold:.2f} (best right - {args.wrong_cost:g} x wrong)")
    for name, weight in zip(OUTLET_FEATURES, model.weights, strict=True):
        print(f"  {name:14} {weight:+.2f}")
    print(report(tuning, model, "tuning sites (fitted on)"))
    print(report([page for page in pages if not page.tuning], model, "other sites [site-held-out]"))
    if args.write:
        about = (
            "Outlet scorer: softmax weights over a page's name rows, fitted by "
            "benchmarks/fit_outlets.py on the tuning folds' sites; threshold = least belief to "
            "answer, chosen on the tuning folds' out-of-fold beliefs."
        )
        write_weights(OUTLET_WEIGHTS_FILE, about, OUTLET_FEATURES, model.weights, model.threshold)
        print(f"wrote {OUTLET_WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
