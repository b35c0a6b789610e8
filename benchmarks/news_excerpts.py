"""Titles, dates and outlets on real news excerpts, against headlines read by hand.

    python benchmarks/news_excerpts.py [--pages DIR] [-v]

The pages are search-corpus excerpts of real news articles that six QA passes saved into
DIR/qa-pages, DIR/qa-pages2 ... DIR/qa-pages6 (one folder per story, default /work); their
labels (benchmarks/news_excerpts.json) were read off each page: its headline as shown (none
when the excerpt opens on the body), its publication day (from a date row, a dateline or a
` date` marker line; or else from its URL, then marked not shown) and its outlet (the site's
names; shown when the page names it as its own: a desk credit, a name row, a dateline credit).
A page whose file is missing or no longer opens as labelled is skipped.

Printed per folder, then for the tuning folders (qa-pages, qa-pages2, qa-pages3), the
held-out ones (qa-pages4, 5, 6) and the held-out pages of web sites no tuning page is from
(15 of the 88 are from such a site: outlets carry several stories), each measure over the
pages that show the value (right / wrong / missing) and over those that do not (given: a
title or outlet there is wrong, a date right only when it is the day the URL or story tells):
- title: right when it is the headline give or take a site's name beside it (fit_headlines'
  is_headline);
- date: right when the published day is the labelled one;
- outlet: right when it is one of the labelled names (letters and digits compared) or names
  the page's site (extraction.py's sound judge, outlet_names_site);
and the pages whose title or text shows a ` date YYYY-MM-DD` marker line (issue 10: none may).
-v lists every miss with what was found and what was labelled.

Misses on the tuning folders (80 pages) at bedaf23, by kind, and what came of them:
- a title on a page that shows no headline (10 of 49 such pages; every shown headline was
  right, 31/31): a subhead or row under paragraphs of the text, taken as a headline under a
  blurb ("Condemnations against RSF"; and the rows that won next on two pages once their
  first pick was vetoed) -> vetoed when text stands between the first paragraph and it; the
  excerpt's last line cut short ("The International Atomi", "As HTS seized control of D") ->
  the page's last row heads nothing; a byline ("By Kardo Roj") and a row going on from the
  one above ("'s de facto leader, Ahmed al-Sharaa") -> never the headline; a picture credit
  "Photo by ..." -> read as "Photo: ..." was. Left: a radio show's slot ("Iain Dale 7pm -
  10pm"), "Image for representation |", "Published by <writer> Verified by <editor> <date>"
  (one page each). 10 -> 3; held out 7 -> 2 (and "It will allo", a cut last line taken for
  a shown headline, is now missing instead of wrong).
- a date (1 of 51 shown): a dateline's date under a row of the site's "today" ("Kyiv, 28
  August 2025 (dpa/MIA) –"): the dateline's date was parsed and dropped -> used when the
  scorer believes no date. 50 -> 51/51; held out 49/53 unchanged: its misses are datelines
  without a year ("RIYADH, May 14,", "New Delhi, Aug 31:"), not fixed (no year to read).
- an outlet (5 missing of 9 shown, 1 wrong given): a site name in a byline row ("News Mania
  / <writer> / <date>"), in a dateline's place ("FALCON POWERS –"), in a dateline credit
  whose words are common ones ("(North Press)"), on an avatar row ("<writer>, The Week US's
  avatar"), and behind an agency in a credit ("(dpa/MIA)"); a desk credit's agency ("AMN/ WEB
  DESK" on The Indian Awaaz) taken for the outlet. Did not pay: the newsroom of an
  agency/paper credit ("dpa/MIA" -> MIA; metadata._credited): tuning outlets 4 -> 5 right,
  but on the shared pages of held-out sites one more found and wrong (158 -> 159 found, sound
  wrong 28 -> 29; `python benchmarks/extraction.py --sets outlets`); not shipped.
The shared sets with these mends (`python benchmarks/extraction.py --sets dates-dev`, 2a64195
-> a8c8523): titles by slug 712/922 both, hand training pages 698 -> 699/874, hand sample
132/195 both, cut texts' top headline 696 -> 695/700; dates (shipped scorer) 570 -> 571/646,
cross-validated 565/646 both; outlets unchanged; of 2,843 renderings only 10 change, none in
its body text. The subhead veto as first written (any row read as text between) cost two
shared pages whose blurb is a list of short rows (slug 712 -> 710): hence TEXT_ABOVE_WORDS.
"""

from __future__ import annotations

import argparse
import json
import re
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
from briefing.extract.metadata import site_label  # noqa: E402

LABELS = REPO / "benchmarks" / "news_excerpts.json"
DEFAULT_PAGES = Path("/work")
MEASURES = ("title", "date", "outlet")
MARKER = re.compile(r"(?:^|\s)date \d{4}-\d\d-\d\d\b")  # a saved page's date marker line


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


def judge(text: str, label: dict) -> tuple[list[Verdict], bool]:
    """The page's verdicts, and whether its title or text shows its date marker line."""
    article = extract_article(text, label["page"])
    shown = [article.title, *(block.text for block in article.blocks)]
    verdicts = [
        _title_verdict(article, label),
        _date_verdict(article, label),
        _outlet_verdict(article, label, text),
    ]
    return verdicts, any(MARKER.search(part) for part in shown)


def _site(label: dict) -> str:
    """The web site a labelled page came from: its URL's registrable name."""
    host = label["url"].split("://", 1)[-1].split("/", 1)[0]
    return site_label(host)


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
    by_site: dict[str, list[Verdict]] = {}  # of the held-out folders' pages
    skipped = 0
    leaked: list[str] = []
    for label in labels["pages"]:
        path = args.pages / label["folder"] / label["page"]
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        if label["starts"] not in text:
            skipped += 1
            continue
        verdicts, marker_shown = judge(text, label)
        if marker_shown:
            leaked.append(f"{label['folder']}/{label['page']}")
        by_folder.setdefault(label["folder"], []).extend(verdicts)
        if label["folder"] in labels["split"]["held_out"]:
            by_site.setdefault(_site(label), []).extend(verdicts)
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
    # Outlets carry several stories: held out by site, no site of a tuning folder's page.
    tuned = {
        _site(label) for label in labels["pages"] if label["folder"] in labels["split"]["tune"]
    }
    unseen = [v for site, verdicts in by_site.items() if site not in tuned for v in verdicts]
    print(f"held_out, sites not in tune ({len(unseen) // len(MEASURES)} pages)")
    for measure in MEASURES:
        print("  " + count_line(unseen, measure))
    print(f"date marker lines shown in a title or text: {len(leaked)} pages {' '.join(leaked)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
