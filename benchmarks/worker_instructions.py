"""Instructions per article of a pool worker's steps after extraction: annotation (sentence
splitting, tagging, date resolution), what the model needs of each article alone (report
words, with their time phrases, restatements and copy keys; speakers, names outside the
profile, readings, furniture, done dates, the article's context) and the cache's encoding
of the article, counted by callgrind (repeatable on a loaded machine, where CPU time is not).

    python benchmarks/worker_instructions.py FOLDER [--limit N]

Extracts the pages, then runs itself under `valgrind --tool=callgrind` on the articles: the
first `--warm` once, then each of the others once (a distinct corpus's sentences miss every
memo, as a worker's do). Each step runs inside a C function
of its own that nothing in the worker calls (itertools' starmap, takewhile, ...): callgrind's
inclusive count of that function is the step's cost, the steps inside it included.

Tried and left out (2026-11-28, this script on a distinct 1,000's first 50 pages): report
words' DATE, _DATED_YEAR and _TIME matched only at the words that may open them (a digit, a
month's three letters) instead of by `finditer`/`sub` (tried at every character): the same
matches, but 20,443 -> 20,512 K instructions a page. Those patterns run only past the screens
before them (a digit, `may_name_day`): a third of the sentences, a few matches each, and
the maps over a sentence's words cost what the engine's scan did.

What report words spend (2026-11-28, `article_words` alone under callgrind on 50 pages of a
distinct 1,000 after 10 read first, each part replaced in turn by a table of its answers
worked out beforehand): 16.6 M a page. Restatements' own part is 1.4 M: most of the ~5.4 M
counted under them is the roles of the article's new tokens (`_token_role`, remembered for
report words, which would pay it otherwise), 3.3 M a page, ~23 K a new token (its stem
7.6 K). Then time phrases 2.2 M, named dates 1.2 M, named sources 1.25 M, packing (word
ids, copy keys) 1.8 M; the rest of `report_word_sets` about 5 M (130 K a sentence, its
screens, look-ups and sets). Tried and left out: the digits' `_TOKEN.findall` read
through the text's ASCII shadow (`ascii_shadow`), as `word_runs` reads words: 340.6 ->
341.7 M on those pages (making the shadow costs what the narrower string saves).

Patterns that try a name at every capital (2026-11-28, perf24w): whose account a sentence
gives read its named subject in every sentence, `_NAMED_WHO` searched at every capital and
`_NAMED_SUBJECT` backtracking over up to five capitalised words: speakers were 12,964 K an
article, 2,413 K once each pattern runs only where the words it holds ("who", its verbs,
"according to", the inverted verbs) are in the sentence. Other names' `_ACRONYM`, run only
where a capitalised run has a second capital: 3,182 -> 3,039 K. What a pattern costs in the
worker is best found by timing each module-level pattern's calls (a stand-in object around
each, `time.perf_counter_ns`): the ones costing over 20 us a call are the ones to screen;
per-call timings under a few microseconds are the stand-in's own cost.
Left as they are: `_SPEAKER_AFTER` (~10 us a sentence holding a verb of speech; its start,
a comma or quote, is in most sentences), date resolution's screen (`_may_hold_date`, most of
its cost is splitting and lowering the sentence, which later readers reuse), the tense cues
(304 calls on 9,557 sentences, 4 ms). This script runs with Python's default collection
thresholds: ~5% of its count is collection passes a pool worker (threshold 20,000, the
parent's objects frozen) does not make.

How far the default pages are from a long worker's (2026-11-28, perf25w, the distinct 1,000 of
`same_output.py save REF --size 1000`): the 40 pages after 10 bring 157 new tokens each,
pages after 200 about 60 (a worker of a cold 1,000 reads 500). With `--warm 200`: annotate
13,853 -> 11,533 K a page, restatements 5,106 -> 2,419 K (most of them the roles of new
tokens), speakers 3,707 -> 3,170 K, other names 3,180 -> 2,567 K; time phrases (2,238 ->
2,009 K) and copy keys hardly fall. (At `--warm 200` the report words row reads more than its
parent's, 27,797 K: `calliter_iternext` is called outside the step there; `article_words`
alone under callgrind, 40 pages each: 19.6 M a page after 10, 15.5 M after 200.) A cost per
new token weighs less in a real run than here.
Tried and left out (perf25w): a token's lower-case reading (compared word, country, stem)
remembered in one plain memo by the lower case, in place of `compared_word`'s and
`stemmed`'s lru caches, the stem worked out once for both readers: the roles of the 6,279
new tokens of pages 10-50 137.4 -> 131.5 M instructions (21.9 -> 20.9 K a token), but
`article_words` on those pages 17,464 -> 17,529 K a page (the worker's collection settings):
no gain. A new token's ~19 K are spread thin: 6.9 K of bytecode, stemming ~2 K, the British
endings' test 0.5 K, dict and set look-ups, allocation. In a whole worker's page (extraction
to encoding, 40 pages after 30), the regex engine's searches are ~15% of the instructions,
spread over dozens of patterns (the costliest ~6% of the regex time, timed by
`sys.setprofile`); and a page needing the date fallback imported dateparser inside the
measured pages (655 M instructions, once): warm it first, as the pool does
(`_warm_date_fallback`). Other names' capitalised runs read from the sentence's words, split
already (a comprehension over `sentence_words`), instead of `_CAPITALISED_LETTERS.findall`:
the same runs (212,836 texts, fuzzed ones among them), but 21.6 -> 38.5 M instructions on the
1,582 sentences of pages 10-50: the pattern's scan, skipping to capitals in C, is cheaper than
a Python step a word. And `report_word_sets` with counts (31% of the sentences) read by the
no-count path's C maps, the counts from the few tokens that are no word, in place of a Python
step a token: the same sets (62,836 texts), `report_word_sets` 9,872 -> 9,865 K a page: no gain.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import contextvars
import functools
import operator
import os
import pickle
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from itertools import (
    cycle,
    dropwhile,
    filterfalse,
    groupby,
    pairwise,
    starmap,
    takewhile,
    tee,
    zip_longest,
)
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

import briefing.annotate.article as article_stage  # noqa: E402
import briefing.annotate.dates as dates  # noqa: E402
import briefing.annotate.sentences as sentences  # noqa: E402
import briefing.corroborate.packed as packed  # noqa: E402
import briefing.corroborate.words as words  # noqa: E402
from briefing.annotate.actors import compile_profile  # noqa: E402
from briefing.cache import encode_article  # noqa: E402
from briefing.extract.page import extract_article  # noqa: E402
from briefing.model.index import prepare  # noqa: E402
from briefing.pipeline import read_documents  # noqa: E402
from briefing.profile import load_profile  # noqa: E402


def _starmap(work: Callable[[], Any]) -> Any:
    return next(starmap(work, [()]))


def _filterfalse(work: Callable[[], Any]) -> Any:
    found: list[Any] = []
    list(filterfalse(lambda _: found.append(work()), [0]))
    return found[0]


def _takewhile(work: Callable[[], Any]) -> Any:
    found: list[Any] = []
    list(takewhile(lambda _: found.append(work()), [0]))
    return found[0]


def _dropwhile(work: Callable[[], Any]) -> Any:
    found: list[Any] = []
    list(dropwhile(lambda _: found.append(work()), [0]))
    return found[0]


def _groupby(work: Callable[[], Any]) -> Any:
    found: list[Any] = []
    list(groupby([0], lambda _: found.append(work())))
    return found[0]


def _reduce(work: Callable[[], Any]) -> Any:
    return functools.reduce(lambda _total, _item: work(), [0, 0])


def _generated(work: Callable[[], Any]) -> Iterator[Any]:
    yield work()


def _zip_longest(work: Callable[[], Any]) -> Any:
    return next(zip_longest(_generated(work)))[0]


def _calliter(work: Callable[[], Any]) -> Any:
    return next(iter(work, object()))


def _tee(work: Callable[[], Any]) -> Any:
    return next(tee(_generated(work), 1)[0])


def _cycle(work: Callable[[], Any]) -> Any:
    return next(cycle(_generated(work)))


def _call_tracing(work: Callable[[], Any]) -> Any:
    return sys.call_tracing(work, ())


def _operator_call(work: Callable[[], Any]) -> Any:
    return operator.call(work)


def _context_run(work: Callable[[], Any]) -> Any:
    return contextvars.copy_context().run(work)


def _methodcaller(work: Callable[[], Any]) -> Any:
    return operator.methodcaller("__call__")(work)


def _defaultdict(work: Callable[[], Any]) -> Any:
    return collections.defaultdict(work)[0]


def _bisect(work: Callable[[], Any]) -> Any:
    found: list[Any] = []
    bisect.bisect_right([0], 0, key=lambda _: found.append(work()) or 0)
    return found[0]


def _after_none(work: Callable[[], Any]) -> Iterator[Any]:
    yield None
    yield work()


def _pairwise(work: Callable[[], Any]) -> Any:
    return next(pairwise(_after_none(work)))[1]


# step -> (how it is run, the C function callgrind counts it in); indented: inside the one above
STEPS: dict[str, tuple[Callable[[Callable[[], Any]], Any], str]] = {
    "annotate": (_starmap, "starmap_next"),
    "  sentence splitting": (_filterfalse, "filterfalse_next"),
    "  tagging (actors, coreference)": (_groupby, "groupby_next"),
    "    actor positions": (_takewhile, "takewhile_next"),
    "  date resolution": (_dropwhile, "dropwhile_next"),
    "prepare (model's per-article work)": (_reduce, "functools_reduce"),
    "  report words (article_words)": (_calliter, "calliter_iternext"),
    "    restatements": (_tee, "tee_next"),
    "    copy keys": (_cycle, "cycle_next"),
    "    time phrases": (_zip_longest, "zip_longest_next"),
    "  speakers (attribute_sentences)": (_call_tracing, "sys_call_tracing"),
    "  other names (sentence_names)": (_operator_call, "_operator_call"),
    "  readings (read_sentence)": (_context_run, "context_run"),
    "  furniture": (_methodcaller, "methodcaller_call"),
    "  done dates (done_date)": (_defaultdict, "defdict_missing"),
    "  article context (article_context)": (_bisect, "_bisect_bisect_right"),
    "encoding (encode_article)": (_pairwise, "pairwise_next"),
}


def _inside(step: str, work: Callable[..., Any]) -> Callable[..., Any]:
    run = STEPS[step][0]

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        return run(functools.partial(work, *args, **kwargs))

    return wrapped


def _wrap_steps() -> None:
    """Every step but the ones the run calls itself, wrapped where the worker looks it up."""
    sentences.split_sentences = _inside("  sentence splitting", sentences.split_sentences)
    article_stage._tag_pieces = _inside(  # noqa: SLF001
        "  tagging (actors, coreference)",
        article_stage._tag_pieces,  # noqa: SLF001
    )
    dates.resolve_dates = _inside("  date resolution", dates.resolve_dates)
    packed.restatements = _inside("    restatements", packed.restatements)
    packed._copy_key = _inside("    copy keys", packed._copy_key)  # noqa: SLF001
    words.time_numbers = _inside("    time phrases", words.time_numbers)
    import briefing.model.index as index

    index.article_words = _inside("  report words (article_words)", index.article_words)
    index.sentence_names = _inside("  other names (sentence_names)", index.sentence_names)
    index.article_context = _inside("  article context (article_context)", index.article_context)
    import briefing.model.attribution as attribution
    import briefing.model.dating as dating
    import briefing.model.lines as lines
    import briefing.model.reading as reading

    attribution.attribute_sentences = _inside(
        "  speakers (attribute_sentences)", attribution.attribute_sentences
    )
    reading.read_sentence = _inside("  readings (read_sentence)", reading.read_sentence)
    lines.furniture = _inside("  furniture", lines.furniture)
    dating.done_date = _inside("  done dates (done_date)", dating.done_date)


def measured_run(saved: str, warm: int) -> None:
    """The work callgrind watches: the `warm` first articles annotated and prepared (imports,
    first-use compilation), then each of the others once."""
    with open(saved, "rb") as articles:
        extracted = pickle.load(articles)
    profile = load_profile(None)
    tagger = compile_profile(profile)
    for n, article in enumerate(extracted[:warm]):
        annotated = article_stage.annotate_article(article, f"w{n}", tagger)
        prepare(annotated, profile)
        encode_article(annotated)
    _wrap_steps()
    tagger.positions = _inside("    actor positions", tagger.positions)  # type: ignore[method-assign]
    for n, article in enumerate(extracted[warm:], 1):
        annotated = _starmap(
            functools.partial(article_stage.annotate_article, article, f"a{n}", tagger)
        )
        _reduce(functools.partial(prepare, annotated, profile))
        _pairwise(functools.partial(encode_article, annotated))
    print(len(extracted) - warm)


def inclusive_counts(annotated: str) -> dict[str, int]:
    """Each C function's inclusive instruction count (its first line in callgrind_annotate's
    listing, which is sorted by count)."""
    counts: dict[str, int] = {}
    for count, function in _LISTED.findall(annotated):
        counts.setdefault(function, int(count.replace(",", "")))
    return counts


_LISTED = re.compile(r"^\s*([\d,]+) .*:(\w+) \[", re.MULTILINE)


def _counted(saved: Path, warm: int, out: Path) -> tuple[int, dict[str, int]]:
    """The articles measured and each C function's inclusive count, from one callgrind run
    of this script on the articles saved."""
    inside = [sys.executable, __file__, str(saved), "--warm", str(warm), "--inside"]
    printed, counts = callgrind_counts(inside, out)
    return int(printed.split()[-1]), counts


def callgrind_counts(command: Sequence[str], out: Path) -> tuple[str, dict[str, int]]:
    """What `command` prints run under callgrind (writing `out`), and each C function's
    inclusive instruction count in that run."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    valgrind = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command]
    run = subprocess.run(valgrind, capture_output=True, text=True, env=env, check=False)
    if run.returncode:
        raise SystemExit(f"callgrind run failed: {run.stderr[-800:]}")
    listing = ["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(out)]
    annotated = subprocess.run(listing, capture_output=True, text=True, check=True).stdout
    return run.stdout, inclusive_counts(annotated)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--limit", type=int, default=40, help="pages measured (40)")
    parser.add_argument("--warm", type=int, default=10, help="pages read before (10)")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inside:
        measured_run(args.folder, args.warm)
        return 0
    docs, _ = read_documents([args.folder])
    docs = docs[: args.warm + args.limit]
    with tempfile.TemporaryDirectory() as folder:
        saved = Path(folder) / "articles.pickle"
        # Extracted here: callgrind counts (and takes the time of) the steps after it only.
        with saved.open("wb") as articles:
            pickle.dump([extract_article(d.text, d.path, d.media) for d in docs], articles)
        pages, counts = _counted(saved, args.warm, Path(folder) / "callgrind.out")
    print(f"{pages} pages of {args.folder}: thousand instructions per page")
    for step, (_, function) in STEPS.items():
        print(f"  {step:<36} {counts.get(function, 0) / pages / 1e3:9.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
