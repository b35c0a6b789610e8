"""Instructions of a cold run's main process after the last page, step by step: the model
stage (profile suggestion, corroboration, other actors, pane lines and their dates, the
panes' summaries and facts), the JSON rendering and the cache's row, counted by callgrind
(repeatable on a loaded machine, where CPU time is not).

    python benchmarks/model_instructions.py W.pkl               # workers' results saved in W.pkl
    python benchmarks/model_instructions.py W.pkl --folder DIR  # W.pkl written from DIR first

W.pkl is what `model_stage.py --saved W.pkl` saves (one full run, written when missing):
read outside the count, as are the imports a cold run makes while its workers work
(`_load_model_stage`). Each step then runs inside a C function of its own that nothing in
the model stage calls (see worker_instructions.py): callgrind's inclusive count of that
function is the step's cost, the steps inside it included. Compare two commits on one W.pkl.

Measured and left out (2026-11-28, distinct 1,000): building the other actors' matcher and
parsing the other bundled profiles for the suggestion while the workers work (19 and 7 ms
of CPU, 1% of the tail; with both cores busy with workers only half of it pays); reading
in the workers the sentences of the other actors' lines (the tail reads 2,224 sentences no
profile actor names: which ones is known only once the other actors are, so the workers
would read every sentence naming an outside name, about four times as many). Not in these
counts: the kernel zeroing fresh pages for numpy's large arrays (corroboration's candidate
pairs and scores), about 7% of the tail's CPU by `perf record`.

Searches screened (perf23, 2026-11-28, one W.pkl of the distinct 1,000, main 68190eb against
the branch): whole-text searches of an ignore-case alternation, tried at every character
(20-30 us a sentence with typographic quotes), run only in a text holding one of their
words (`phrase_index.Screened`): past changes' hint, a toll's kind, "days ago", a day
counted from another, a blame, a death; a year's digits only where "19" or "20" stands; a
speaker's names only in a sentence holding one. Model stage 16,126 -> 12,798 M (pane lines
8,042 -> 4,876, line dates 2,570 -> 1,837, summaries and facts 1,768 -> 1,601; JSON
rendering 867 -> 891: the sentences' lower-case memo holds other texts by then), same
output; the main process's CPU over that W.pkl (`model_stage.py --saved`, three runs each
in turn at load 11-12) 3.16 / 2.97 / 3.21 s before, 2.85 / 2.90 / 2.83 s after. Inside the
pane lines (those functions wrapped as this script wraps its steps, by a script not kept),
before -> after: deciding each report's pane 2,221 -> 707 M, grouping the reports
(`actor_reports`) 1,183 -> 420 M; left as they were, reading the 2,472 sentences only
other actors name (`read_sentence`) 1,174 M (most of what a line's `_told` costs, 1,245
M), articles' news days (`news_day`) 653 M, the tagger's positions 413 M, subject mentions
259 M.
Not kept: a reading's `tells_no_event` judged only when first asked for (a cached
property): of the 2,472 readings the tail makes itself, 2,145 are judged anyway (every line
without dates asks it in `line_dates`), an eighth of their judging saved.
Measured and left out (perf23b, 2026-11-28): the tail's work that needs no corroboration
(the profile suggestion, the other actors and the readings of their sentences no worker
read: 2,588 sentences) in a child forked at the model stage's start, 200 articles and more,
while the main process corroborates (forked rather than the pool kept alive: the child
inherits the articles, nothing is pickled). The main process's model stage 13,073 -> 10,878 M
instructions (pane lines 5,116 -> 4,177; line dates and summaries +50 M each: caches the
readings warmed were cold); its CPU on a W.pkl of the distinct 1,000 (`model_stage.py
--saved`, three pairs in turn at load 10-11) 2.97 / 2.92 / 3.45 s before, 2.72 / 2.64 / 2.57 s
after, the child 0.48-0.50 s (copying on write: main's page faults 87,700 -> 102,500); the
model phase of cold runs (`timeline.py`, in turn) 2.65 / 2.66 s -> 2.41 / 2.32 s. About
0.25 s off a cold 1,000 of ~11 s (2%) for half a second more CPU and a second process with
its own ways to fail in every large run: not worth it.
Where the tail's CPU goes (perf24m, 2026-11-28, one W.pkl of the distinct 1,000 written by
4df2eb3, functions timed in the process, load ~10; instructions undercount what misses the
caches): of ~2.7 s, corroboration ~1.1 s (candidate pairs ~0.5, their common words' lookups
0.3 of it; scoring 0.2; the join's Python 0.25), pane lines ~1.2 s (line dates 0.47, of them
articles' news days 0.17-0.23 and dates read again against another day, `resolve_dates`,
0.16 in all; the readings of sentences no worker read 0.23, `tells_no_event` 60% of them;
deciding reports' panes 0.17). (Under callgrind, a function that calls itself, as
`news_day` does through `_carriers_news`, is counted unreliably: wrap one that does not.)
Tried for the common words' lookups (1,407,647 of 108,453 anchored pairs, in the process,
best of 8 against the whole table's binary search, 291 ms; the sparse row's kept, 168 ms):
the pairs in order of their second sentence, each search starting near the last, 330 ms; a
binary search within each row in numpy steps, 490 ms. Not tried: each pair's words taken
from its sentence with fewer (1,062,350 lookups: at most ~30 ms); a bitmap of sentences by
common words (4,166 x 37,438 bits, 19.5 MB at 1,000, growing with the square of the corpus).
The profile suggestion's alternation grouped by its phrases' first letters: the same
matches, findall 58 -> 49 ms over its 67 sampled texts: not worth a second pattern builder.
Screened at once (perf25m, 2026-11-28, one W.pkl of the distinct 1,000 written by be7296d,
steps wrapped as here by a script not kept): `blamed_attacks` was 1,612 M of the model
stage's 14,779 M, screening each of 38,472 sentences for a blaming verb (folded one by one,
twice) and searching the 366 holding one (`_CARRIED_OUT`'s doer tried at every character).
A sentence is now searched only when it holds an attack's word too (23), and an article's
sentences are screened at once, joined and folded as ASCII bytes (`phrase_index.joined`):
the two screens 873 -> 317 M against the joined text lower-cased as a str (one character
outside ASCII makes every letter's lowering a table lookup), model stage 14,779 -> 13,547 M.
Candidate pairs' keys by shifts and masks, not products and divisions (a division of each
entry cost more than the sorts): `candidate_pairs` alone 1,686 -> 1,563 M. Not kept: the
profile suggestion's counts by `PhraseIndex` (the same counts as its alternation on the
sample, no faster: folding and splitting 400 KB of wide text cost what the alternation does).
Left: corroboration ~4.3 G (candidate pairs ~1.6, scoring 1.3, the join's Python), pane lines
~5.6 G (line dates 2.0, `report_actor` 1.1, reading sentences no worker read 1.0), summaries
and facts 1.7, JSON 0.9, profile suggestion 0.8 (its alternation tried at every character of
400 KB: ~500 instructions a character).
"""

from __future__ import annotations

import argparse
import functools
import gc
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from worker_instructions import STEPS as _RUNNERS  # noqa: E402
from worker_instructions import callgrind_counts  # noqa: E402

# Step, indented when inside the one above; each gets one of worker_instructions' C
# functions (how a step is run, the function callgrind counts it in).
_NAMES = (
    "model stage",
    "  profile suggestion",
    "  corroboration",
    "  other actors",
    "  pane lines",
    "    line dates",
    "  panes' summaries and facts",
    "JSON rendering",
    "cache row",
)
STEPS: dict[str, tuple[Callable[[Callable[[], Any]], Any], str]] = dict(
    zip(_NAMES, _RUNNERS.values(), strict=False)
)


def _inside(step: str, work: Callable[..., Any]) -> Callable[..., Any]:
    run = STEPS[step][0]

    @functools.wraps(work)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        return run(functools.partial(work, *args, **kwargs))

    return wrapped


def measured_run(saved: str, cache_home: str) -> None:
    """The work callgrind watches: the model stage over the saved results, the JSON
    rendering and the cache's row, each step in its own C function."""
    import briefing.model.build as build
    import briefing.model.index as index
    import briefing.model.lines as lines
    import briefing.pipeline as pipeline
    from briefing.cache import ArticleCache
    from briefing.options import BriefingOptions
    from briefing.render import render

    options = BriefingOptions(use_cache=False)
    profile = pipeline.resolve_profile(options.profile)
    with open(saved, "rb") as results:
        articles, prepared = pickle.load(results)
    pipeline._load_model_stage(options.summarizer)  # noqa: SLF001
    gc.freeze()  # as `process_documents` leaves what it kept
    pipeline.suggest_profile = _inside("  profile suggestion", pipeline.suggest_profile)
    index.corroborate = _inside("  corroboration", index.corroborate)
    build.find_other_actors = _inside("  other actors", build.find_other_actors)
    build.pane_lines = _inside("  pane lines", build.pane_lines)
    lines.line_dates = _inside("    line dates", lines.line_dates)
    build._brief = _inside("  panes' summaries and facts", build._brief)  # noqa: SLF001
    brief = _inside("model stage", pipeline._brief_articles)  # noqa: SLF001
    briefing = brief(pipeline.Processed(articles, prepared), profile, options, [saved], [])
    _inside("JSON rendering", render)(briefing, "json", 80)
    with ArticleCache.open(Path(cache_home) / "articles.sqlite3", warn=print) as cache:
        keys = {article.id: article.id for article in articles}
        stored = {article.id: article for article in articles}
        _inside("cache row", cache.put_briefing)("briefing", briefing, keys, stored)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("saved", help="the workers' results (see model_stage.py --saved)")
    parser.add_argument("--folder", help="pages to write the results from, when missing")
    parser.add_argument("--inside", help=argparse.SUPPRESS)  # the cache folder
    args = parser.parse_args(argv)
    if args.inside:
        measured_run(args.saved, args.inside)
        return 0
    if not Path(args.saved).exists():
        if not args.folder:
            parser.error(f"{args.saved} is missing: give --folder to write it")
        from model_stage import save_worker_results

        save_worker_results(args.folder, args.saved)
    with tempfile.TemporaryDirectory(prefix="briefing-model-instructions-") as folder:
        inside = [sys.executable, __file__, args.saved, "--inside", folder]
        _, counts = callgrind_counts(inside, Path(folder) / "callgrind.out")
    print(f"main process after the last page, workers' results in {args.saved}: M instructions")
    for step, (_, function) in STEPS.items():
        print(f"  {step:<32} {counts.get(function, 0) / 1e6:9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
