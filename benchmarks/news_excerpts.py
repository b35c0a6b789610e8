"""Titles, dates and outlets on real news excerpts, against headlines read by hand.

    python benchmarks/news_excerpts.py [--pages DIR] [-v]

The pages are search-corpus excerpts of real news articles that six QA passes saved into
DIR/qa-pages, DIR/qa-pages2 ... DIR/qa-pages6 (one folder per story, default /work); their
labels (benchmarks/news_excerpts.json) were read off each page: its headline as shown (none
when the excerpt opens on the body), its publication day (from a date row, a dateline or a
` date` marker line; or else from its URL, then marked not shown) and its outlet (the site's
names; shown when the page names it as its own: a desk credit, a name row, a dateline credit).
A page whose file is missing or no longer opens as labelled is skipped.

Printed per folder, then for the tuning folders (qa-pages, qa-pages2, qa-pages3) and the
held-out ones (qa-pages4, 5, 6), each measure over the pages that show the value (right /
wrong / missing) and over those that do not (given: a title or outlet there is wrong, a date
right only when it is the day the URL or story tells):
- title: right when it is the headline give or take a site's name beside it (fit_headlines'
  is_headline);
- date: right when the published day is the labelled one;
- outlet: right when it is one of the labelled names (letters and digits compared) or names
  the page's site (extraction.py's sound judge, outlet_names_site).
-v lists every miss with what was found and what was labelled.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a plain script from a checkout, without installing
sys.path.insert(0, str(REPO / "benchmarks"))

from extraction import outlet_names_site  # noqa: E402
from fit_headlines import _folded_title, is_headline  # noqa: E402

from briefing.extract import Article, extract_article  # noqa: E402

LABELS = REPO / "benchmarks" / "news_excerpts.json"
DEFAULT_PAGES = Path("/work")
MEASURES = ("title", "date", "outlet")


@dataclass(frozen=True)
class Verdict:
    measure: str
    shown: bool  # the page shows the labelled value
    # "right", "wrong", "missing" (shown, nothing found) or "none" (not shown, none found)
    outcome: str
    found: str
    labelled: str


def _title_verdict(article: Article, label: dict) -> Verdict:
    headline, title = label["headline"], article.title
    if headline is None:
        outcome = "wrong" if title else "none"
    else:
        outcome = "missing" if not title else "right" if is_headline(title, [headline]) else "wrong"
    return Verdict("title", headline is not None, outcome, title, headline or "")


def _date_verdict(article: Article, label: dict) -> Verdict:
    day, found = label["date"], (article.published or "")[:10]
    if not found:
        outcome = "missing" if label["date_shown"] else "none"
    else:
        outcome = "right" if found == day else "wrong"
    return Verdict("date", label["date_shown"], outcome, found, day or "")


def _outlet_verdict(article: Article, label: dict, text: str) -> Verdict:
    names, outlet = label["outlet"] or [], article.outlet or ""
    if not outlet:
        outcome = "missing" if label["outlet_shown"] else "none"
    elif _folded_title(outlet) in map(_folded_title, names) or outlet_names_site(
        outlet, label["url"], text
    ):
        outcome = "right"
    else:
        outcome = "wrong"
    return Verdict("outlet", label["outlet_shown"], outcome, outlet, "; ".join(names))


def judge(text: str, label: dict) -> list[Verdict]:
    article = extract_article(text, label["page"])
    return [
        _title_verdict(article, label),
        _date_verdict(article, label),
        _outlet_verdict(article, label, text),
    ]


def count_line(verdicts: list[Verdict], measure: str) -> str:
    shown = Counter(v.outcome for v in verdicts if v.measure == measure and v.shown)
    hidden = Counter(v.outcome for v in verdicts if v.measure == measure and not v.shown)
    given = hidden["right"] + hidden["wrong"]
    return (
        f"{measure:7s}{shown['right']:3d} right {shown['wrong']:3d} wrong"
        f" {shown['missing']:3d} missing"
        f" of {shown.total():3d} shown;  not shown {hidden.total():3d}: given {given:2d}"
        f" ({hidden['right']} right, {hidden['wrong']} wrong)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder of qa-pages*")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    by_folder: dict[str, list[Verdict]] = {}
    skipped = 0
    for label in labels["pages"]:
        path = args.pages / label["folder"] / label["page"]
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        if label["starts"] not in text:
            skipped += 1
            continue
        verdicts = judge(text, label)
        by_folder.setdefault(label["folder"], []).extend(verdicts)
        for v in verdicts if args.verbose else []:
            if v.outcome in ("wrong", "missing"):
                print(f"  {v.measure} {v.outcome}: {label['folder']}/{label['page']}")
                print(f"      found {v.found!r}\n      label {v.labelled!r}")
    if not by_folder:
        print(f"no labelled pages found under {args.pages}; skipping the news excerpts benchmark.")
        return 0
    if skipped:
        print(f"{skipped} labelled pages missing or changed under {args.pages}: skipped")
    for name, folders in (*((f, [f]) for f in by_folder), *labels["split"].items()):
        verdicts = [v for folder in folders for v in by_folder.get(folder, [])]
        print(f"{name} ({len(verdicts) // len(MEASURES)} pages)")
        for measure in MEASURES:
            print("  " + count_line(verdicts, measure))
    return 0


if __name__ == "__main__":
    sys.exit(main())
