"""The day the briefing estimates for a page with no date, against the page's true day.

Each judged cluster is briefed twice, with every other page made undated (its " date
YYYY-MM-DD" marker and its lines that are only a date or a "Published ..." line dropped,
in a temporary copy), so each page is undated once while the rest of its story keeps its
dates, as an undated rewrite is briefed among dated carriers. Each undated page's
`published_estimate` is counted right (the `published` of its labels), too early, too late
or none, dev and test stories apart. A page the extractor still finds a date for is counted
as still dated; one whose labels give only its month (an undated page) is not judged.

    python benchmarks/undated_estimates.py --partial [--split dev] [--show]

An estimate is never before the latest day the page's text writes out as past
(`dating._not_before_told`, 2026-11-28). On the 89 judged pages present, each undated
once (38 whose labels give only the month not judged), right / too early / too late /
none: dev 14/4/5/14, test 5/0/1/6, before and after: no judged page writes a day told as
done after its estimate (the four too early write none). On the QA pages it was written
for (/work/qa-pages2, /work/qa-pages3, not judged) it moved babel's estimate 2024-09-04
-> 2024-09-05 ("As of September 5, the number of dead has increased to 54") and
medyanews's 2025-01-06 -> 2025-01-08 ("airstrikes ... since 8 January ... have left at
least 17 people dead"); evrimagaci's "On June 13 and 14, 2025" still bounds it at the
13th only, since dates read "June 13 and 14" as June 13. Its cost, distinct 1,000 (527 of
its pages estimated), model_instructions.py on one W.pkl: model stage 12,956 -> 13,223 M
instructions (+2.1%), most of it reading again the sentences of estimated pages that write
a day-month date (a month-name search over every body sentence had made it +27%).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefing_eval import (  # noqa: E402
    Cluster,
    add_pages_arguments,
    dump_briefing,
    load_clusters,
    present_pages,
)

_MARKER = re.compile(r"^\s*date \d{4}-\d\d-\d\d\s*")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A line that is only a date (with a time, a weekday, "Published", "Updated"): the page's date.
_DATE_LINE = re.compile(
    r"^\s*(?:(?:published|updated|posted|last updated)\b.*"
    r"|(?:[a-z]+day,?\s+)?(?:\d{1,2}\s+" + _MONTH + r"|" + _MONTH + r"\s+\d{1,2},?)"
    r"\s+\d{4}\b[^a-z]{0,30}(?:[ap]m|gmt|utc|ist|ast|edt|est)?[^a-z]{0,10}"
    r"|\d{4}-\d\d-\d\d[^a-z]{0,20}|\d{1,2}/\d{1,2}/\d{4}[^a-z]{0,20})$",
    re.IGNORECASE,
)


def undated(text: str) -> str:
    """A page's text with its date marker and its date-only lines dropped."""
    lines = text.split("\n")
    if lines:
        lines[0] = _MARKER.sub("", lines[0])
    return "\n".join(line for line in lines if not _DATE_LINE.match(line))


def verdict(estimate: str | None, true: str) -> str:
    if len(true) < 10:
        return "true day unknown"  # a page its labels know only the month of: not judged
    if estimate is None:
        return "none"
    if estimate == true:
        return "right"
    return "too early" if estimate < true else "too late"


def run(clusters: list[Cluster], pages: Path, show: bool) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {"dev": Counter(), "test": Counter()}
    with tempfile.TemporaryDirectory() as tmp:
        for cluster in clusters:
            for half in (0, 1):
                folder = Path(tmp) / str(half) / cluster.id
                folder.mkdir(parents=True)
                made_undated = set()
                for place, article in enumerate(cluster.articles):
                    text = (pages / cluster.id / article.file).read_text(encoding="utf-8")
                    if place % 2 == half:
                        text = undated(text)
                        made_undated.add(article.file)
                    (folder / article.file).write_text(text, encoding="utf-8")
                files = [folder / a.file for a in cluster.articles]
                dump = dump_briefing(
                    cluster.profile, files, Path(tmp) / f"{cluster.id}-{half}.json"
                )
                true = {a.file: a.published for a in cluster.articles}
                for item in dump["articles"]:
                    name = Path(item["path"]).name
                    if name not in made_undated:
                        continue
                    if item["published"]:
                        said = "still dated"
                    else:
                        said = verdict(item["published_estimate"], true[name])
                    counts[cluster.split][said] += 1
                    if show and said not in ("right", "true day unknown"):
                        print(
                            f"  {said}: {cluster.id}/{name} estimate "
                            f"{item['published_estimate']} true {true[name]}"
                        )
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_pages_arguments(parser)
    parser.add_argument("--split", choices=("dev", "test"))
    parser.add_argument("--show", action="store_true", help="every page not estimated right")
    args = parser.parse_args(argv)
    clusters = [c for c in load_clusters() if not args.split or c.split == args.split]
    present = present_pages(clusters, args.pages, args.partial)
    if present is None:
        return 0
    counts = run(present, args.pages, args.show)
    kinds = ("right", "too early", "too late", "none", "still dated", "true day unknown")
    print("| split | " + " | ".join(kinds) + " |")
    print("|---|" + "---|" * len(kinds))
    for split, count in counts.items():
        if count:
            print(f"| {split} | " + " | ".join(str(count[k]) for k in kinds) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
