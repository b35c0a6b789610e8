"""Restore (or check) the page texts of the judged corpus, which the repository does not hold.

    python benchmarks/judged/rebuild.py              # check ../judged-pages, fetch what is missing
    python benchmarks/judged/rebuild.py --from DIR   # copy verified texts from a saved folder
    python benchmarks/judged/rebuild.py --record     # after adding a page: write its sha256
    python benchmarks/judged/rebuild.py --excerpt CLUSTER FILE < opening.txt  # from a page store

Each article in benchmarks/judged/*.toml records its page's `url` and the `sha256` of the
text the labels were written on. The texts were taken, in a sandbox without web access, from
a stored copy of public web pages (the text dump of each page's opening, up to about 2,000
characters, cut after its last complete paragraph); they are kept outside the repository,
in ../judged-pages/<cluster>/<file> next to the checkout (or $BRIEFING_JUDGED_PAGES).

With network access, a missing page is fetched from its URL and turned into text with
trafilatura; the result is kept only if its sha256 matches. A live page is rarely
byte-identical to the stored dump (sites change, renderers differ), so expect mismatches:
those are reported and written as <file>.fetched for a person to compare, never used by
the benchmark. Exit status: 0 when every text is present and verified, 1 otherwise.

Without network, a page store that keeps each page's opening (the search tool's `pages`
corpus, whose excerpt of a page is its first ~2,000 characters) restores a page with
`--excerpt`: the excerpt on stdin, decoded exactly (JSON-escaped text through `json.loads`),
is cut where the labels' text ended (after some sentence, paragraph or line: every prefix is
tried, with and without a closing newline; an HTML excerpt with its paragraphs made blank
lines too) and written only when the sha256 matches. On a new machine on 2026-11-28, 153 of
the 171 pages were restored so; the other 18 did not come back from the store's search.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import tomllib
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_PAGES = HERE.parents[2] / "judged-pages"


def write_atomically(path: Path, data: bytes) -> None:
    """Write a whole file or nothing: a page is never left half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    partial.replace(path)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def articles(folder: Path = HERE) -> list[tuple[Path, str, dict]]:
    """(label file, cluster id, article table) for every judged article."""
    found = []
    # Whole labelled pages, then pair sets (only the sentences carrying a report labelled).
    for path in [*sorted(folder.glob("*.toml")), *sorted(folder.glob("pairs/*.toml"))]:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found += [(path, data["id"], item) for item in data["articles"]]
    return found


def fetch_text(url: str) -> str | None:
    """The page's text, or None without network (this sandbox has none)."""
    try:
        with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310 - recorded URLs
            html = response.read().decode("utf-8", errors="replace")
    except OSError:
        return None
    import trafilatura

    return trafilatura.extract(html, include_comments=False)


def record(pages: Path) -> int:
    """Write each present page's sha256 into its label file."""
    for path, cluster, item in articles():
        page = pages / cluster / item["file"]
        if not page.is_file():
            print(f"missing, not recorded: {page}")
            continue
        pattern = re.compile(r'(file = "' + re.escape(item["file"]) + r'"\nsha256 = )"[0-9a-f]*"')
        text = path.read_text(encoding="utf-8")
        write_atomically(path, pattern.sub(rf'\1"{sha256(page)}"', text).encode("utf-8"))
    return 0


def cut_to_labelled(excerpt: str, want: str) -> str | None:
    """The prefix of a page store's excerpt whose sha256 is `want`, or None."""
    html = re.sub(r"<[^>]+>", "", re.sub(r"</p>\s*<p[^>]*>", "\n\n", excerpt))
    for text in dict.fromkeys((excerpt, excerpt.lstrip("\n"), html)):
        for end in range(len(text), 0, -1):
            cut = text[:end]
            for candidate in (cut, cut + "\n", cut.rstrip() + "\n", cut.rstrip()):
                if hashlib.sha256(candidate.encode("utf-8")).hexdigest() == want:
                    return candidate
    return None


def restore_excerpt(pages: Path, cluster: str, name: str, excerpt: str) -> int:
    """Write one page from a page store's excerpt of it, if a cut of it is the labelled text."""
    wanted = [item["sha256"] for _, c, item in articles() if c == cluster and item["file"] == name]
    if not wanted:
        print(f"no judged article {cluster}/{name}")
        return 2
    text = cut_to_labelled(excerpt, wanted[0])
    if text is None:
        print(f"no cut of the {len(excerpt)}-character excerpt is the text of {cluster}/{name}")
        return 1
    write_atomically(pages / cluster / name, text.encode("utf-8"))
    print(f"restored {cluster}/{name} ({len(text)} characters)")
    return 0


def rebuild(pages: Path, source: Path | None) -> int:
    bad = 0
    offline = False  # after one failed fetch, the others are not tried
    for _, cluster, item in articles():
        page = pages / cluster / item["file"]
        want = item["sha256"]
        if page.is_file() and sha256(page) == want:
            continue
        candidate = source / cluster / item["file"] if source else None
        if candidate and candidate.is_file() and sha256(candidate) == want:
            write_atomically(page, candidate.read_bytes())
            print(f"copied {cluster}/{item['file']}")
            continue
        if page.is_file():
            print(f"CHANGED {page}: sha256 {sha256(page)}, labels written on {want}")
            bad += 1
            continue
        text = None if offline else fetch_text(item["url"])
        if text is None:
            offline = True
            print(f"missing {cluster}/{item['file']}: no copy and no network ({item['url']})")
            bad += 1
            continue
        data = text.encode("utf-8")
        target = page if hashlib.sha256(data).hexdigest() == want else page.with_suffix(".fetched")
        write_atomically(target, data)
        if target != page:
            print(f"fetched {item['url']} but it differs from the labelled text: {target}")
            bad += 1
    total = len(articles())
    print(f"{total - bad} of {total} page texts present and verified under {pages}")
    return 1 if bad else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = os.environ.get("BRIEFING_JUDGED_PAGES", str(DEFAULT_PAGES))
    parser.add_argument("--pages", type=Path, default=Path(default))
    parser.add_argument("--from", dest="source", type=Path, help="a saved copy to restore from")
    parser.add_argument("--record", action="store_true", help="write present pages' sha256")
    parser.add_argument(
        "--excerpt", nargs=2, metavar=("CLUSTER", "FILE"),
        help="restore one page from a page store's excerpt of it, read on stdin",
    )  # fmt: skip
    args = parser.parse_args()
    if args.excerpt:
        return restore_excerpt(args.pages, *args.excerpt, sys.stdin.read())
    if args.record:
        return record(args.pages)
    return rebuild(args.pages, args.source)


if __name__ == "__main__":
    sys.exit(main())
