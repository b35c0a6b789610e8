"""Whether a change to extraction left every page's Article alone: the repr of the Article
extracted from each page of the folders, compared with what a reference checkout wrote.

    python benchmarks/same_articles.py save REF.txt FOLDER...   # from the reference checkout
    python benchmarks/same_articles.py check REF.txt FOLDER...  # after the change (1: differs)

A reference checkout without this script: `git archive main | tar -x -C DIR`, copy the script
into DIR/benchmarks and run it from there (it imports the checkout it sits in). Pages are read
as `briefing` reads them and extracted in one process, in order, as a worker extracts its
pages (the memos of units and rows seen on earlier pages in play).
Default folders: every shared page set (both renderings) that is present.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from briefing.extract.page import extract_article  # noqa: E402
from briefing.pipeline import read_documents  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_FOLDERS = [
    SHARED / "extraction-dev" / "pages",
    SHARED / "extraction-dev" / "pages-lynx",
    SHARED / "extraction-segments" / "pages",
    SHARED / "extraction-segments" / "pages-lynx",
    SHARED / "dates-dev" / "pages",
]


def article_lines(folders: Sequence[str]) -> list[str]:
    """One line per page: its path and its Article's repr (newlines escaped)."""
    lines = []
    for folder in folders:
        docs, _ = read_documents([folder])
        for doc in sorted(docs, key=lambda doc: doc.path):
            article = extract_article(doc.text, doc.path, doc.media)
            lines.append(f"{doc.path}\t{article!r}".replace("\n", "\\n"))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("reference", type=Path)
    parser.add_argument("folders", nargs="*")
    args = parser.parse_args(argv)
    folders = args.folders or [str(folder) for folder in DEFAULT_FOLDERS if folder.is_dir()]
    if not folders:  # (a reference checkout outside the worktrees does not see ../shared)
        print(f"no page sets found at {SHARED}: name the folders", file=sys.stderr)
        return 2
    lines = article_lines(folders)
    if args.action == "save":
        args.reference.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} pages saved to {args.reference}")
        return 0
    saved = args.reference.read_text(encoding="utf-8").splitlines()
    pairs = zip(saved, lines, strict=False)
    differ = [index for index, (old, new) in enumerate(pairs) if old != new]
    for index in differ[:10]:
        print(f"differs: {lines[index].split(chr(9))[0]}", file=sys.stderr)
    if differ or len(saved) != len(lines):
        print(f"{len(differ)} of {len(lines)} pages differ (saved {len(saved)})")
        return 1
    print(f"all {len(lines)} pages' Articles the same")
    return 0


if __name__ == "__main__":
    sys.exit(main())
