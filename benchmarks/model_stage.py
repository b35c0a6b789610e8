"""The main process of a cold briefing: its CPU stage by stage, and the wall-clock tail
after the workers' last page, in `briefing dump --format json --no-cache` runs of a corpus.

    python benchmarks/model_stage.py                  # distinct 1,000, 3 runs
    python benchmarks/model_stage.py --wire --runs 5  # the wire corpus

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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000, help="articles (default 1,000)")
    parser.add_argument("--wire", action="store_true", help="the wire corpus, not distinct")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes (default 3)")
    parser.add_argument("--folder", help="measure these pages instead of a corpus")
    parser.add_argument("--child", help=argparse.SUPPRESS)  # one run, figures as JSON
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child)))
        return 0
    with tempfile.TemporaryDirectory(prefix="briefing-model-stage-") as tmp:
        folder = args.folder
        label = folder
        if folder is None:
            from corpus import CorpusBuilder, source_pages

            kind = "wire" if args.wire else "distinct"
            folder = str(Path(tmp) / f"{kind}-{args.size}")
            CorpusBuilder(source_pages()).write(Path(folder), args.size, wire=args.wire)
            label = f"{kind} {args.size:,}"
        runs = []
        for _ in range(args.runs):
            child = subprocess.run(
                [sys.executable, __file__, "--child", folder],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            runs.append(json.loads(child.stdout))
    print(f"{label}: median of {len(runs)} fresh processes (min, max)")
    for key, name in FIGURES:
        values = [run[key] for run in runs]
        print(
            f"  {name:<32} {statistics.median(values):7.2f}  ({min(values):.2f}, {max(values):.2f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
