"""What `r` and `--watch` cost: a cold briefing, a reload with nothing changed, and a reload
after one article arrived (the article cache on, as in daily use).

    python benchmarks/reload.py [FOLDER]

FOLDER defaults to ../shared/extraction-dev/pages (with the seeds); its last file is held
back and added before the third run. Writes only to a temporary folder (its own cache).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.ingest import ARTICLE_EXTENSIONS  # noqa: E402
from briefing.options import BriefingOptions  # noqa: E402
from briefing.pipeline import build_briefing  # noqa: E402

DEFAULT_FOLDER = ROOT.parent / "shared" / "extraction-dev" / "pages"


def main() -> int:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FOLDER
    pages = sorted(p for p in source.iterdir() if p.name.lower().endswith(ARTICLE_EXTENSIONS))
    if not pages:
        print(f"no article files in {source}", file=sys.stderr)
        return 2
    pages += sorted((ROOT / "seeds").glob("*.txt"))
    *first, arriving = pages
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        folder = Path(tmp) / "news"
        folder.mkdir()
        for page in first:
            shutil.copy(page, folder / page.name)

        def timed(label: str) -> None:
            start = time.perf_counter()
            briefing = build_briefing([str(folder)], BriefingOptions())
            seconds = time.perf_counter() - start
            print(f"{label:<28} {seconds:6.2f} s  ({len(briefing.articles)} articles)")

        timed("cold (empty cache)")
        timed("reload, nothing changed")
        shutil.copy(arriving, folder / arriving.name)
        timed("reload, one article arrived")
    return 0


if __name__ == "__main__":
    sys.exit(main())
