"""The main process of a cold briefing: its CPU stage by stage, and the wall-clock tail
after the workers' last page, in `briefing dump --format json --no-cache` runs of a corpus.

    python benchmarks/model_stage.py                  # distinct 1,000, 3 runs
    python benchmarks/model_stage.py --wire --runs 5  # the wire corpus
    python benchmarks/model_stage.py --size 10000 --saved /tmp/w10k.pkl  # model stage only

With --saved FILE, the workers' results (the articles and what was worked out with each)
are read from FILE, written there first when it is missing (one full run), and each run
times the model stage and the JSON rendering alone (the workers' hour at 10,000 articles
is paid once): CPU of comparing, actors, rendering, and the main process from the
results loaded to the JSON made. A FILE is only as good as the commit that wrote it:
compare two commits on one FILE whose format both read. With --limit N, the model stage
runs on the first N articles of FILE alone: how each step grows with the corpus, read off
one FILE (the workers' results of 10,000 articles took 13 minutes at load 10-13).

How it grows (2026-11-28, distinct corpus, load 10-13, CPU s; 1,000: median of 3, 10,000:
3 runs): compare 2.38 -> 20.7-21.2 (x8.9), actors 0.18 -> 2.1-2.7 (x12-15), render JSON
0.16 -> 1.6-2.8, the whole model stage 2.82 -> 25.5-26.7 (x9.0-9.5); the first 300 of the
1,000 take 0.98 (x2.9 to 1,000: start-up and imports are ~0.6). The 10,000 cold run's
~380 s of CPU is the workers' per-article work; the model stage is ~7% of it. What grows
faster (cProfile, CPU clock, 1,000 -> 10,000): `fresh_lines` x23 (each pane line against
each dated fact: `says_again` 7,457 -> 226,914 calls), `report_actor` x16,
`civilians_act` x32 (the clause caches of 32,768 texts miss more). Raising those caches
(clauses' _KEPT, `civilians_act`, `_act`) to 131,072 took the actors step 2.14 -> 1.71
and the whole model stage 25.47 -> 24.99 (-1.9%, nothing at 1,000) for +21 MB of peak
memory at 10,000 (of the 1 GB limit): not kept.
Since, `fresh_lines` reads a line only against the facts of its day (and the deaths):
`says_again` 226,914 -> 1,943 calls at 10,000, same output. The check itself was never
the cost (0.35 -> 0.31 s of CPU at 10,000 on candidates worked out beforehand; panes'
summaries and facts 1455.0 -> 1446.9 M instructions at 1,000): `fresh_lines`' growth is
its candidates' `civilians_act` (4.1 of its 6.2 s under cProfile at 10,000), the clause
caches' misses above.
Not kept (tail22, 2026-11-28, load 10-19): the panes' lines and briefs shared with a
forked child on the tail's idle core (reports' panes decided first over all panes, then
panes balanced by lines; results pickled back, 433 KB at 1,000, 7 ms). On distinct 1,000
(`--saved`, 3 runs) the main process's CPU went 2.99 -> 2.71 s (its panes' share 1.09 ->
0.77 s) for 0.70 s in the child: each half costs ~70% of the whole, because what the
panes share (articles' news days, dated events, clause and stem caches) is worked out
again in each process, and working it out before the fork puts it on the serial path.
At most 0.3 s off a 12.8 s cold run for 0.4 s more CPU and 300 lines of process
handling; the panes' lines were 0.9 s of the tail, not two thirds of it.

Each run is a fresh process building the briefing as `briefing dump` does (build, then
render JSON), with the progress marks of `briefing.progress` timed: main-process CPU up
to the last page extracted (start-up, reading, handing pages out, taking results in),
comparing (corroboration, other actors, pane lines), actors (summaries, key facts) and
rendering; the tail is the wall-clock time from the last page to the JSON written. On a
shared machine, compare CPU seconds of runs of two commits taken in turn.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

FIGURES = (
    ("extract", "main CPU to the last page (s)"),
    ("compare", "main CPU, compare (s)"),
    ("actors", "main CPU, actors (s)"),
    ("render", "main CPU, render JSON (s)"),
    ("main", "main CPU, whole run (s)"),
    ("workers", "workers' CPU (s)"),
    ("tail", "wall after the last page (s)"),
    ("wall", "wall, whole run (s)"),
)


def measure(folder: str) -> dict[str, float]:
    """One run in this process (which must be fresh): the figures of `FIGURES`."""
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    from briefing.options import BriefingOptions
    from briefing.pipeline import build_briefing
    from briefing.progress import Stage
    from briefing.render import render

    marks: dict[tuple[Stage, bool], tuple[float, float]] = {}

    def progress(stage: Stage, done: int, total: int) -> None:
        if done in (0, total):  # a stage's start and end (the first page's start: 0)
            marks[stage, done == total] = (time.perf_counter(), time.process_time())

    briefing = build_briefing([folder], BriefingOptions(use_cache=False), progress=progress)
    built = time.process_time()
    render(briefing, "json", 80)
    end_wall, end_cpu = time.perf_counter(), time.process_time()
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    last_page = marks[Stage.EXTRACT, True]
    return {
        "extract": last_page[1] - start_cpu,
        "compare": marks[Stage.COMPARE, True][1] - marks[Stage.COMPARE, False][1],
        "actors": marks[Stage.ACTORS, True][1] - marks[Stage.ACTORS, False][1],
        "render": end_cpu - built,
        "main": end_cpu - start_cpu,
        "workers": workers.ru_utime + workers.ru_stime,
        "tail": end_wall - last_page[0],
        "wall": end_wall - start_wall,
    }


SAVED_FIGURES = FIGURES[1:5]


def save_worker_results(folder: str, path: str) -> None:
    """The workers' results for the pages of `folder`, pickled into `path` (written whole)."""
    import pickle

    from briefing.options import BriefingOptions
    from briefing.pipeline import _distinct, identify_pages, process_documents, resolve_profile

    options = BriefingOptions(use_cache=False)
    docs, _ = identify_pages([folder], options.max_bytes)
    kept, _ = _distinct(docs)
    processed = process_documents(kept, resolve_profile(options.profile), options)
    partial = Path(path + ".partial")
    with partial.open("wb") as out:
        pickle.dump((processed.articles, processed.prepared), out, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)


def measure_saved(path: str, limit: int | None = None) -> dict[str, float]:
    """One run in this process (fresh) of the model stage and JSON rendering over the
    workers' results saved in `path` (the first `limit` articles, if given): the figures
    of `SAVED_FIGURES`."""
    import gc
    import pickle

    from briefing.options import BriefingOptions
    from briefing.pipeline import Processed, _brief_articles, resolve_profile
    from briefing.progress import Stage
    from briefing.render import render

    options = BriefingOptions(use_cache=False)
    profile = resolve_profile(options.profile)
    with open(path, "rb") as saved:
        articles, prepared = pickle.load(saved)
    if limit is not None:
        articles = articles[:limit]
        prepared = {a.id: prepared[a.id] for a in articles if a.id in prepared}
    gc.freeze()  # as `process_documents` leaves what it kept
    marks: dict[tuple[Stage, bool], float] = {}

    def progress(stage: Stage, done: int, total: int) -> None:
        if done in (0, total):
            marks[stage, done == total] = time.process_time()

    start = time.process_time()
    briefing = _brief_articles(
        Processed(articles, prepared), profile, options, [path], [], progress
    )
    built = time.process_time()
    render(briefing, "json", 80)
    end = time.process_time()
    return {
        "compare": marks[Stage.COMPARE, True] - marks[Stage.COMPARE, False],
        "actors": marks[Stage.ACTORS, True] - marks[Stage.ACTORS, False],
        "render": end - built,
        "main": end - start,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000, help="articles (default 1,000)")
    parser.add_argument("--wire", action="store_true", help="the wire corpus, not distinct")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes (default 3)")
    parser.add_argument("--folder", help="measure these pages instead of a corpus")
    parser.add_argument("--saved", help="workers' results to time the model stage on")
    parser.add_argument("--limit", type=int, help="with --saved: its first N articles only")
    parser.add_argument("--child", help=argparse.SUPPRESS)  # one run, figures as JSON
    args = parser.parse_args(argv)
    if args.child:
        figures = measure_saved(args.child, args.limit) if args.saved else measure(args.child)
        print(json.dumps(figures))
        return 0
    saved = args.saved and Path(args.saved).exists()
    with tempfile.TemporaryDirectory(prefix="briefing-model-stage-") as tmp:
        folder = args.folder
        kind = "wire" if args.wire else "distinct"
        label = folder or f"{kind} {args.size:,}"
        if folder is None and not saved:
            from corpus import CorpusBuilder, source_pages

            folder = str(Path(tmp) / f"{kind}-{args.size}")
            CorpusBuilder(source_pages()).write(Path(folder), args.size, wire=args.wire)
        figures, child = FIGURES, ["--child", folder or ""]
        if args.saved:
            if not saved:
                save_worker_results(folder or "", args.saved)
            figures, child = SAVED_FIGURES, ["--child", args.saved, "--saved", args.saved]
            label += f", model stage on the workers' results in {args.saved}"
            if args.limit is not None:
                child += ["--limit", str(args.limit)]
                label += f" (first {args.limit:,} articles)"
        runs = []
        for _ in range(args.runs):
            done = subprocess.run(
                [sys.executable, __file__, *child],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            runs.append(json.loads(done.stdout))
    print(f"{label}: median of {len(runs)} fresh processes (min, max)")
    for key, name in figures:
        values = [run[key] for run in runs]
        print(
            f"  {name:<32} {statistics.median(values):7.2f}  ({min(values):.2f}, {max(values):.2f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
