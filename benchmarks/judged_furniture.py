"""Extraction's text against the judged corpus's furniture labels (issue 13): sentences an
analyst marked furniture (captions, credits, bylines, menus) that extraction keeps as article
text, and sentences of article text it marks as captions.

    python benchmarks/judged_furniture.py [--split dev|test|all] [--partial] [-v]

Each page is extracted (`extract_article`, the shipped model) and split into sentences as the
briefing splits its blocks; a label names the sentence its opening words open (as
briefing_eval matches labels). Text is every block but the captions (headline, standfirst,
body, subheads: what the briefing reads); a caption block is a caption. A label found in
neither was dropped as furniture. Tune on dev only.

Captions printed without their credit (caption23, 2026-11-28, 12 pages missing;
`vocabulary.describes_picture`, read after the body classifier): furniture labels kept as text
dev 22 -> 20 of 74, test 12 -> 10 of 24 (aawsat's "People react as a bus ... arrives in
Ramallah, early 20 January 2025, ..." and its "(EPA)"; the test stories were not read while the
rules were written), article-text labels made captions 0 of 910 before and after. Every row
the rules take on all the judged, QA and shared pages (both renderings) was read: each is a
caption, none a sentence of text; body F1 and segment F1 unchanged (benchmarks/extraction.py).
Did not pay: the remaining furniture line, euromaidanpress' "At least 14 people are reported
killed by the Russian attack on Kryvyi Rih, central Ukraine." (a second caption under a
picture gap), has no caption's shape of its own. A one-sentence row in the present without a
speaker or a past, next to a caption, took it and 9 rows of text on the shared pages (ledes
under their picture: "A new breed of intelligent video surveillance is being installed in
schools ..."). An alt text next to its caption signed by a bare agency's name ("Site of the
Israeli attack in Iran." by "... Iran. AFP") as a caption: one such pair on all those pages
(a QA page, no line), at 0.5% of extraction's instructions: left out.

Looked at again (left24, 2026-11-28), the tells the first try did not read, over every judged,
QA (/work/qa-pages .. qa-pages6) and shared page: none tells the Kryvyi Rih caption from a lede.
Its picture gap (three blank lines each side) is no caption's: 4 rows on the 153 judged pages
stand alone between such gaps, 3 of them lbcgroup's text paragraphs. It is not repeated in the
body, and no credit row follows it. Its shape is a lede's: "At least 150 villagers are feared
dead in a brutal attack on Wad al-Nourah, a village in ..." (qa-pages2) is text of the same
present passive toll. Its place: a one-sentence row with "is"/"are" and no past or speech
verb, after a caption with the article's text above it (not a lede under its picture), is 17
distinct rows on all those pages; besides it, 3 captions ("Veteran fundraiser Lloyd Scott ...
is followed by members of his support team") and 8 rows of text ("A seven-day rate of 20 new
cases is the threshold ...", ledes of an Axios page's later stories), the rest menu, code and
post fragments: no rule.

Its picture gap looked at from the caption (left26, 2026-11-28): on 3,329 pages (judged, QA,
the shared sets in both renderings), 25 rows follow a row extraction makes a caption across
three or more blank lines; of those in English, the Kryvyi Rih row is the only one telling a
present scene or toll without a past or a speaker (the others: credits, teasers, company
names, a gallery's "People walk ... which will begin from Monday"): a rule would fire on it
alone. The line is gone from the briefing instead, as what it is there: an earlier count of
the toll the key fact beside it gives (16), which `summaries.fresh_lines` leaves out of the
summary; extraction keeps it as text (furniture labels kept as text 18 of 74 on dev, as
before).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a plain script from a checkout, without installing
sys.path.insert(0, str(REPO / "benchmarks"))

from briefing_eval import (  # noqa: E402
    add_pages_arguments,
    load_clusters,
    names,
    normal,
    present_pages,
)

from briefing.annotate.sentences import split_sentences  # noqa: E402
from briefing.extract import extract_article  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("-v", "--verbose", action="store_true", help="every label misread")
    add_pages_arguments(parser)
    args = parser.parse_args(argv)
    clusters = [c for c in load_clusters() if args.split in ("all", c.split)]
    present = present_pages(clusters, args.pages, args.partial)
    if present is None:
        return 0
    counts: Counter[str] = Counter()
    for cluster in present:
        for article in cluster.articles:
            path = args.pages / cluster.id / article.file
            found = extract_article(path.read_text(encoding="utf-8", errors="replace"), str(path))
            sentences: dict[str, list[str]] = {"text": [], "caption": []}
            for block in found.blocks:
                place = "caption" if block.kind == "caption" else "text"
                sentences[place] += [normal(piece) for piece in split_sentences(block.text)]
            for label in article.labels:
                snippet = normal(label.text)
                if not snippet:
                    continue
                where = next(
                    (
                        place
                        for place in ("text", "caption")
                        if any(names(snippet, sentence) for sentence in sentences[place])
                    ),
                    "dropped",
                )
                kind = "furniture" if label.furniture else "article text"
                counts[kind, where] += 1
                if args.verbose and (where == "text") == label.furniture:
                    print(f"{kind} {where}: {article.id}: {label.text[:90]}")
    furniture = sum(counts["furniture", where] for where in ("text", "caption", "dropped"))
    text = sum(counts["article text", where] for where in ("text", "caption", "dropped"))
    print(
        f"judged {args.split}: furniture labels kept as text {counts['furniture', 'text']} of"
        f" {furniture} (as captions {counts['furniture', 'caption']}, dropped"
        f" {counts['furniture', 'dropped']}); article-text labels made captions"
        f" {counts['article text', 'caption']} of {text}, dropped"
        f" {counts['article text', 'dropped']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
