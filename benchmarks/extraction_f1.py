"""Article-body extraction quality on the extraction-dev pages (measure defined in its README).

Per page: word 4-gram shingles of the extracted body and of the true body; tp/fp/fn are
normalised by tp+fp+fn of that page, then averaged over pages; precision and recall come from
those means and F1 from precision and recall.

Titles are checked cheaply against the page URL: where the URL's slug spells words, a title
counts as matching when it holds at least half of them.

    python benchmarks/extraction_f1.py [--dev DIR] [-v] [--half even|odd]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run as a plain script from a checkout, without installing

from briefing.extract import Article, extract_article  # noqa: E402

DEFAULT_DEV = REPO.parent / "shared" / "extraction-dev"
WORD = re.compile(r"\w+")
SCORED_KINDS = ("body", "subhead")
SLUG_MIN_WORDS = 3  # fewer slug words ("marker/54885", "business-focus") say little of a title


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    if len(words) < size:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def article_text(article: Article) -> str:
    """The text a reader is shown as the article (ground truth has no headline or captions)."""
    return "\n\n".join(block.text for block in article.blocks if block.kind in SCORED_KINDS)


def _plain_words(text: str) -> list[str]:
    """Lower-case words without accents, as a URL slug spells them."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return re.findall(r"[a-z0-9]+", decomposed.encode("ascii", "ignore").decode())


def slug_words(url: str) -> list[str]:
    """Words of the URL path segment that spells the most words (the slug), or [] if none does."""
    path = re.sub(r"^\w+://[^/]+", "", url).split("?")[0]
    segments = [re.sub(r"\.\w+$", "", segment) for segment in path.split("/")]
    best = max(
        ([w for w in _plain_words(segment) if w.isalpha()] for segment in segments),
        key=len,
        default=[],
    )
    return best if len(best) >= SLUG_MIN_WORDS else []


def title_matches_slug(title: str, slug: list[str]) -> bool:
    title_words = set(_plain_words(title))
    return sum(word in title_words for word in slug) >= 0.5 * len(slug)


def page_counts(extracted: str, truth: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, normalised by their sum so long pages do not weigh more."""
    got, want = shingles(extracted), shingles(truth)
    tp = sum((got & want).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="extraction-dev folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="print one row per page")
    parser.add_argument("--half", choices=("even", "odd"), help="score every other page only")
    args = parser.parse_args(argv)

    truth_file = args.dev / "ground-truth.json"
    if not truth_file.is_file():
        print(f"extraction-dev set not found at {args.dev}; skipping the extraction benchmark.")
        return 0
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = sorted((args.dev / "pages").glob("*.txt"))
    if args.half:
        pages = pages[args.half == "odd" :: 2]

    counts = []
    titled = slugged = slug_hits = 0
    seconds = 0.0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        started = time.perf_counter()
        article = extract_article(text, str(page))
        seconds += time.perf_counter() - started
        tp, fp, fn = page_counts(article_text(article), truth[page.stem]["articleBody"])
        counts.append((tp, fp, fn))
        slug = slug_words(truth[page.stem]["url"])
        titled += bool(article.title)
        slugged += bool(slug)
        hit = bool(slug) and title_matches_slug(article.title, slug)
        slug_hits += hit
        if args.verbose:
            mark = "=" if hit else "~" if slug else " "
            print(
                f"{page.stem[:12]}  tp {tp:.2f} fp {fp:.2f} fn {fn:.2f} {mark} "
                f"{article.title[:56]!r} [{article.outlet}] {article.published}"
            )

    if not pages:
        print(f"no pages under {args.dev / 'pages'}; nothing to measure.")
        return 0
    # Means of the normalised counts over pages, as the README (and Scrapinghub's script) does.
    tp, fp, fn = (sum(column) / len(counts) for column in zip(*counts, strict=True))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"extraction F1 {f1:.3f} (precision {precision:.2f}, recall {recall:.2f})"
        f" over {len(pages)} pages"
    )
    print(
        f"titles: {titled}/{len(pages)} non-empty, {slug_hits}/{slugged} share half the URL slug's"
        f" words; {1000 * seconds / len(pages):.1f} ms per page"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
