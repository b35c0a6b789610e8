"""Short excerpts of real article bodies: is every paragraph kept as the body?

    python benchmarks/excerpts.py [--shared DIR] [--per-page N] [-v]

Excerpts are cut from the true bodies of ../shared/extraction-dev: 2-6 consecutive paragraphs
(of at least MIN_WORDS words, so that every one is a paragraph, not a subhead; no table rows or
list items), some under a headline line (the URL slug's words), some opening with a
` date YYYY-MM-DD` marker line, some hard-wrapped at 72 columns, as a plain text file holds a
pasted excerpt. Expected: every paragraph kept as body (a standfirst counts as kept), nothing
else in the body. Printed: paragraphs kept, excerpts fully kept (all kept, nothing extra),
which paragraphs were lost, and by web site the sites whose excerpts are not all fully kept.
The shipped classifier was fitted on these pages' full renderings (not on excerpts, nor on
these layouts), so the figure checks the rules around it on short texts; it is not a
held-out measure of the classifier.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import textwrap
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a plain script from a checkout, without installing
sys.path.insert(0, str(REPO / "benchmarks"))

from extraction import slug_words  # noqa: E402

from briefing.extract import extract_article  # noqa: E402
from briefing.extract.evaluation import LabelledPage, load_set  # noqa: E402

DEFAULT_SHARED = REPO.parent / "shared"
MIN_WORDS = 8  # a shorter line of a body may be a subhead, which an excerpt may lose or keep
WRAP_COLUMNS = 72
SEED = 10


@dataclass(frozen=True)
class Excerpt:
    site: str
    text: str
    paragraphs: tuple[str, ...]
    headline: str | None


def _flat(text: str) -> str:
    return " ".join(text.split())


def paragraphs_of(body: str) -> list[list[str]]:
    """Runs of consecutive body paragraphs long enough to be paragraphs."""
    runs: list[list[str]] = [[]]
    for paragraph in (_flat(part) for part in re.split(r"\n\s*\n|\n", body)):
        words = paragraph.split()
        # Rows of a table ("5 Joey Logano 2380 2 3 12 21") and list items are no paragraphs.
        table_row = sum(word.isdigit() for word in words) >= len(words) / 3
        if len(words) >= MIN_WORDS and not table_row and not paragraph.startswith(("*", "•")):
            runs[-1].append(paragraph)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if len(run) >= 2]


def make_excerpts(page: LabelledPage, per_page: int, rng: random.Random) -> list[Excerpt]:
    runs = paragraphs_of(page.body or "")
    slug = slug_words(page.url)
    excerpts = []
    for _ in range(per_page if runs else 0):
        run = rng.choice(runs)
        size = rng.randint(2, min(6, len(run)))
        at = rng.randint(0, len(run) - size)
        chosen = tuple(run[at : at + size])
        headline = " ".join(slug).capitalize() if slug and rng.random() < 0.5 else None
        wrapped = rng.random() < 0.3
        # wrapped as editors and fmt do: at spaces only
        shown = [
            "\n".join(textwrap.wrap(p, WRAP_COLUMNS, break_on_hyphens=False)) if wrapped else p
            for p in chosen
        ]
        lines = [headline] if headline else []
        lines += shown
        text = "\n\n".join(lines) + "\n"
        if rng.random() < 0.3:
            text = f" date 2019-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} \n\n" + text
        excerpts.append(Excerpt(page.site, text, chosen, headline))
    return excerpts


@dataclass(frozen=True)
class Kept:
    paragraphs: int
    whole: bool  # every paragraph kept, nothing extra
    found: tuple[bool, ...]  # per paragraph
    extra: int  # body blocks that are no paragraph of the excerpt


def kept_paragraphs(excerpt: Excerpt) -> Kept:
    """Paragraphs kept as body or standfirst, and whether the excerpt is fully kept."""
    article = extract_article(excerpt.text, "excerpt.txt")
    body = [_flat(b.text) for b in article.blocks if b.kind in ("body", "standfirst", "subhead")]
    joined = " ".join(body)  # a paragraph cut in two blocks still has all its words kept
    found = [paragraph in joined for paragraph in excerpt.paragraphs]
    kept = sum(found)
    wanted = set(excerpt.paragraphs)
    extra = [text for text in body if text not in wanted and not _inside(text, wanted)]
    return Kept(kept, kept == len(excerpt.paragraphs) and not extra, tuple(found), len(extra))


def _inside(text: str, paragraphs: set[str]) -> bool:
    """A block that is a piece of a paragraph (a wrapped paragraph cut in two) is no extra."""
    return any(text in paragraph for paragraph in paragraphs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="shared sets folder")
    parser.add_argument("--per-page", type=int, default=6, help="excerpts cut from each page")
    parser.add_argument("-v", "--verbose", action="store_true", help="show excerpts not kept")
    args = parser.parse_args(argv)
    pages = load_set("extraction-dev", args.shared)
    if not pages:
        print(f"extraction-dev not found under {args.shared}; skipping the excerpts benchmark.")
        return 0
    rng = random.Random(SEED)
    excerpts = [e for page in pages for e in make_excerpts(page, args.per_page, rng)]
    by_site: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    lost = {"first": 0, "middle": 0, "last": 0}
    extra = 0
    for excerpt in excerpts:
        result = kept_paragraphs(excerpt)
        row = by_site[excerpt.site]
        row[0] += result.paragraphs
        row[1] += len(excerpt.paragraphs)
        row[2] += result.whole
        row[3] += 1
        extra += result.extra
        for index, found in enumerate(result.found):
            if not found:
                last = len(result.found) - 1
                lost["first" if index == 0 else "last" if index == last else "middle"] += 1
        if args.verbose and not result.whole:
            shown = f"{result.paragraphs}/{len(excerpt.paragraphs)} kept, {result.extra} extra"
            print(f"--- {excerpt.site}: {shown}\n{excerpt.text}")
    kept, total, whole, count = (sum(row[i] for row in by_site.values()) for i in range(4))
    print(
        f"excerpts of extraction-dev bodies: paragraphs kept {kept}/{total}"
        f" ({kept / max(total, 1):.3f}), excerpts fully kept {whole}/{count}"
        f" ({whole / max(count, 1):.3f}) over {len(by_site)} sites"
    )
    print(
        f"  lost: {lost['first']} first, {lost['middle']} middle, {lost['last']} last paragraphs;"
        f" {extra} body blocks that are no paragraph of the excerpt"
    )
    full_sites = sum(row[2] == row[3] for row in by_site.values())
    print(f"  sites with every excerpt fully kept: {full_sites}/{len(by_site)}")
    for site, row in sorted(by_site.items(), key=lambda item: item[1][2] / item[1][3]):
        if row[2] < row[3]:
            print(f"  {site}: paragraphs {row[0]}/{row[1]}, excerpts fully kept {row[2]}/{row[3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
