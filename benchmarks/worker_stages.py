"""CPU seconds of each step a pool worker takes per article, in one process, scaled to
1,000 articles: extraction, annotation, what the model needs of each article alone
(corroboration's words, whose account, names outside the profile), the cache's encoding
and pickling the result back to the main process. What a worker pays once, not per article
(dateparser's import and first parse, which builds its patterns), is printed apart.

    python benchmarks/worker_stages.py FOLDER [--limit N] [--profile TOP]

FOLDER holds pages (e.g. a distinct corpus written by `corpus.py`). With --profile, a
cProfile of the same work follows, the TOP functions by own time.

    valgrind --tool=callgrind python benchmarks/worker_stages.py FOLDER --limit 40 --upto P

With --upto, after the same warm-up, only the first parts of extracting the text pages run
(P: none, units = cutting pages into units, classifier = units and the body classifier,
extraction = all of it), for instruction counts on a busy machine: units and classifier cost
their count less the one before; extraction its count less none's.
"""

from __future__ import annotations

import argparse
import cProfile
import pickle
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from briefing.annotate import AnnotatedArticle, annotate_article  # noqa: E402
from briefing.annotate.actors import SentenceNames, compile_profile, sentence_names  # noqa: E402
from briefing.cache import encode_article  # noqa: E402
from briefing.corroborate import article_words  # noqa: E402
from briefing.extract.classifier import shipped_model  # noqa: E402
from briefing.extract.dates import _fallback_date, _parse_date, split_date_marker  # noqa: E402
from briefing.extract.page import extract_article, forget_pages, read_units  # noqa: E402
from briefing.extract.region import article_units  # noqa: E402
from briefing.model.attribution import attribute_sentences  # noqa: E402
from briefing.model.index import prepare  # noqa: E402
from briefing.pipeline import _Done, read_documents  # noqa: E402
from briefing.profile import Profile, load_profile  # noqa: E402

STAGES = ("extract", "annotate", "report words", "speakers", "other names", "encode", "pickle")
EXTRACTION_PARTS = ("none", "units", "classifier", "extraction")


def _names(article: AnnotatedArticle, profile: Profile) -> list[SentenceNames | None]:
    return [sentence_names(s.text, profile) for s in article.sentences]


def run(docs: Sequence[Any], seconds: dict[str, float] | None) -> int:
    """Every step on every page; CPU seconds per step added to `seconds`. Returns the
    bytes pickled back."""
    profile = load_profile(None)
    tagger = compile_profile(profile)
    spent = seconds if seconds is not None else dict.fromkeys(STAGES, 0.0)

    def timed(stage: str, work: Callable[..., Any], *args: Any) -> Any:
        started = time.process_time()
        result = work(*args)
        spent[stage] += time.process_time() - started
        return result

    pickled = 0
    for n, doc in enumerate(docs, 1):
        article = timed("extract", extract_article, doc.text, doc.path, doc.media)
        annotated = timed("annotate", annotate_article, article, f"a{n}", tagger)
        timed("report words", article_words, annotated)
        timed("speakers", attribute_sentences, annotated.sentences)
        timed("other names", _names, annotated, profile)
        encoded = timed("encode", encode_article, annotated)
        done = _Done.of(annotated, encoded, prepare(annotated, profile))
        pickled += len(timed("pickle", pickle.dumps, done, pickle.HIGHEST_PROTOCOL))
    return pickled


def run_extraction_parts(docs: Sequence[Any], upto: str) -> float:
    """The first parts of extraction, up to `upto`, on the text pages; CPU seconds taken."""
    docs = [doc for doc in docs if doc.media == "text"]
    texts = [split_date_marker(doc.text)[1] for doc in docs]
    model = shipped_model()
    started = time.process_time()
    if upto == "extraction":
        for doc in docs:
            extract_article(doc.text, doc.path, doc.media)
    elif upto != "none":
        for text in texts:
            page = read_units(text)
            if upto == "classifier":
                article_units(page.units, page.rule_span, page.rule_body, model)
    return time.process_time() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=300, help="pages to process (300)")
    parser.add_argument("--profile", type=int, default=0, metavar="TOP")
    parser.add_argument("--upto", choices=EXTRACTION_PARTS, help="only extraction's first parts")
    args = parser.parse_args(argv)
    docs, _ = read_documents([str(args.folder)])
    docs = docs[: args.limit]
    run(docs[:5], None)  # imports and first-use compilation are not any page's cost
    started = time.process_time()
    _fallback_date("6 грудня 2024", "uk")  # the first row only dateparser reads
    once = time.process_time() - started
    _parse_date.cache_clear()
    forget_pages()
    if args.upto:
        spent = run_extraction_parts(docs, args.upto)
        print(f"{len(docs)} pages of {args.folder}, --upto {args.upto}: {spent:.2f} s CPU")
        return 0
    seconds = dict.fromkeys(STAGES, 0.0)
    pickled = run(docs, seconds)
    scale = 1000 / len(docs)
    print(f"{len(docs)} pages of {args.folder}; CPU seconds per 1,000 articles")
    print(f"  (once per worker, not scaled: dateparser's first use {once:.2f})")
    for stage in STAGES:
        print(f"  {stage:<13} {seconds[stage] * scale:6.2f}")
    print(f"  {'total':<13} {sum(seconds.values()) * scale:6.2f}")
    print(f"  pickled back: {pickled * scale / 1e6:.1f} MB per 1,000 articles")
    if args.profile:
        forget_pages()
        profiler = cProfile.Profile(time.process_time)
        profiler.runcall(run, docs, None)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
