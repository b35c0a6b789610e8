"""A cold `briefing dump`'s processes over time: what the main process does before the
first page, while the workers work and after their last page, when each worker starts and
ends its chunks, and the core time left idle in each phase.

    python benchmarks/timeline.py                      # distinct 1,000, one cold run
    python benchmarks/timeline.py --folder DIR --runs 3 --chart

Each run is `briefing dump DIR` (text to /dev/null, an empty cache of its own, as run.py's
cold run) in a fresh process that wraps a few of the engine's functions to log when they
start and end (in the run's own process and, inherited through the fork, in its workers),
while this process samples the CPU time of the run and of every process it starts from
/proc every few milliseconds. Phases: the head (start to the first chunk a worker takes),
the pages (to the last chunk done), the hand-back (to the main process holding every
page), the model stage, storing the row and writing the text (store+show), and the
process's exit. Idle core time is cores x wall - CPU of all processes: on a shared
machine it also counts the time other jobs took; compare runs in turn.

What it showed (2026-11-28, distinct 1,000, four cold runs at load 10-16 on the 2 cores,
so every wall time 4-8 times the idle machine's; CPU seconds of the run's processes):
the head is 0.4 s of the main process's CPU (Python's start and imports, listing, the
first 64 pages read and hashed, the workers' modules, dateparser's languages), and the
workers fork right after it; the pages end balanced (the two workers' last pages within
0.1 s, 474-526 pages each; the main process 1.0 s of CPU beside their 18); the hand-back
takes 0.1 s. Then the main process works alone: 12.5 s of CPU in the model stage, 0.5 s
storing and writing, 0.05 s exiting: the tail is all of the idle core time. Inside the
model stage (its marks), the panes' lines take two thirds of the time, the panes'
summaries and facts an eighth, corroboration a tenth, the profile suggestion and the
other actors under 2% together (though callgrind counts 1.3 G of its 13.3 G instructions
there: instructions are no measure of the tail's time). Collection
passes were a twelfth of it (1,477 young, 133 middle and 8 full passes, 1.0 s; only the
full ones found anything, one cycle: a scoring cache of corroboration's): the model stage
now runs with collection paused (`build_model`, frozen at its end). Its main-process
CPU over saved workers' results (as `model_stage.py --saved`), three pairs in turn at
load 5-15: 11.57 / 11.05 / 10.76 s before, 10.39 / 9.95 / 9.38 s after (-10% to -13%);
peak resident size 350 -> 364 MB.

Again on 2026-11-28 (perf26, 3efb27d, distinct 1,000, one cold run at load 9; CPU seconds):
head 0.55 (main), pages 1.00 (main) + 17.64 (the two workers, 486 and 514 pages, their last
pages 0.04 s apart), hand-back 0.01, model stage 2.80 (main alone), store+show 0.06, exit
0.04: 22.1 s of CPU, 17.8 s on an idle machine (run.py). Scaled to the idle machine the
cold 1,000's ~10.4 s is the head ~0.45 s (one core idle), the pages ~7.5 s (both cores
busy: the critical path), the tail ~2.4 s (one core idle). The idle core time, ~2.9 core
seconds, is all that a change of structure can win: ~1.4 s at most, to ~8.9 s (the CPU
over two cores). The 7 s target needs the CPU itself ~25% lower, most of it the workers'
(`worker_stages.py --limit 300`: of 15.4 s per 1,000 articles, extraction 8.3, report
words 3.0, annotation 2.2, speakers, other names, encoding and pickling about 0.5 each).
Tried, not kept (perf26): corroboration in a child forked at the model stage's start, the
main process meanwhile suggesting a profile, finding the other actors and reading their
sentences. Byte-identical; the tail's critical path 15.2 -> 13.0 G instructions
(`model_instructions.py`, one saved run of the distinct 1,000, PYTHONHASHSEED=0), about
0.3 s of the cold 1,000 at best; everything else in the tail needs the reports, so the main
process still waits ~2.8 G for the child. Cold runs alternated at load 14-15 could not show
it (ratios 1.24, 0.97, 1.18). Not worth a second process's failure paths for ~3%.

Tried, not kept: the profile suggestion and the other actors in a process forked at the
start of the model stage (a pool of one, inheriting the articles), beside corroboration.
The child ran 0.20 s of CPU (+0.06 s system); the main process's CPU did not move beyond
the noise (user 11.41 -> 11.48 s and 11.85 -> 12.02 s, two pairs) while copying on write
cost it 17,000-27,000 more page faults. Only splitting the panes' lines (and then their
summaries and facts) between two processes would free a worthwhile share of the tail:
the two passes deciding each report's pane over all panes first, each process then
making the lines of its half of the panes (balanced by their sentences) with the index's
dating and furniture worked out before the fork, the briefs sent back.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

_TICK = os.sysconf("SC_CLK_TCK")
_EVENTS = "BRIEFING_TIMELINE_EVENTS"
# Events logged once per chunk or piece: in the phases and the workers' lines, not the marks.
_REPEATED = frozenset(
    ("chunk handed", "chunk start", "chunk end", "results start", "results end", "rendered",
     "brief start", "brief end")
)  # fmt: skip


# The run's own process -------------------------------------------------------------------


def _log(name: str, detail: Any = None) -> None:
    """One event, appended (a line per write, so processes do not interleave)."""
    line = json.dumps([time.monotonic(), os.getpid(), time.process_time(), name, detail])
    fd = os.open(os.environ[_EVENTS], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, (line + "\n").encode())
    finally:
        os.close(fd)


def _marked(name: str, work: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(work)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        _log(name + " start")
        try:
            return work(*args, **kwargs)
        finally:
            _log(name + " end")

    return wrapped


def _marked_chunk(work: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(work)
    def wrapped(chunk: Any) -> Any:
        _log("chunk start", len(chunk[0]))
        try:
            return work(chunk)
        finally:
            _log("chunk end", len(chunk[0]))

    return wrapped


def _marked_each(name: str, items: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    """A generator function whose items are each logged as they are given."""

    @functools.wraps(items)
    def wrapped(*args: Any, **kwargs: Any) -> Iterator[Any]:
        for item in items(*args, **kwargs):
            _log(name)
            yield item
        _log(name + " done")

    return wrapped


def _child(argv: Sequence[str]) -> int:
    """`briefing dump ARGV` with the engine's steps logged."""
    _log("python started")
    import briefing.model.build as build
    import briefing.model.index as index
    import briefing.pipeline as pipeline
    import briefing.render as render
    from briefing.cache import ArticleCache
    from briefing.cli import main

    _log("imports done")
    for name in (
        "list_files",
        "_load_worker_stages",
        "_warm_date_fallback",
        "_load_model_stage",
        "process_documents",
        "_brief_articles",
        "suggest_profile",
        "_init_worker",
    ):
        setattr(pipeline, name, _marked(name, getattr(pipeline, name)))
    pipeline._process_chunk = _marked_chunk(pipeline._process_chunk)  # noqa: SLF001
    pipeline._chunks = _marked_each("chunk handed", pipeline._chunks)  # noqa: SLF001
    pipeline._first_done = _marked("results", pipeline._first_done)  # noqa: SLF001
    index.corroborate = _marked("corroborate", index.corroborate)
    build.find_other_actors = _marked("other actors", build.find_other_actors)
    build.pane_lines = _marked("pane lines", build.pane_lines)
    build._brief = _marked("brief", build._brief)  # noqa: SLF001
    ArticleCache.put_briefing = _marked("cache row", ArticleCache.put_briefing)
    render.render_pieces = _marked_each("rendered", render.render_pieces)
    sys.argv = ["briefing", "dump", *argv]
    status = main()  # as `python -m briefing` calls it (what it does at the end included)
    _log("exit")
    return status


# This process: the run, sampled ------------------------------------------------------------


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds) of a process, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICK


def _sample(root: int, finished: threading.Event, every: float) -> list[tuple[float, dict]]:
    """(time, {pid: CPU seconds}) of `root` and its descendants until `finished`."""
    samples = []
    known = {root}
    while not finished.is_set():
        now = time.monotonic()
        cpu = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            pid = int(entry)
            if pid in known or pid > root:  # pids grow: a descendant's is above the root's
                got = _stat(pid)
                if got is not None and (pid in known or got[0] in known):
                    known.add(pid)
                    cpu[pid] = got[1]
        samples.append((now, cpu))
        finished.wait(every)
    return samples


def run_once(folder: str, every: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="briefing-timeline-") as tmp:
        events_path = Path(tmp) / "events.jsonl"
        env = {
            **os.environ,
            "XDG_CACHE_HOME": str(Path(tmp) / "cache"),
            "XDG_CONFIG_HOME": str(Path(tmp) / "config"),
            "PYTHONPATH": str(ROOT),
            _EVENTS: str(events_path),
        }
        env.pop("CI", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        finished = threading.Event()
        start = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, __file__, "--child", "--", folder],
            env=env,
            stdout=subprocess.DEVNULL,
            cwd=ROOT,
        )
        samples: list[tuple[float, dict]] = []
        sampler = threading.Thread(
            target=lambda: samples.extend(_sample(child.pid, finished, every)), daemon=True
        )
        sampler.start()
        # Waited for without reaping: the ended process's own CPU is still in /proc.
        os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)
        end = time.monotonic()
        finished.set()
        sampler.join()
        final = _stat(child.pid)
        if final is not None:
            samples.append((end, {**samples[-1][1], child.pid: final[1]}))
        _, status, usage = os.wait4(child.pid, 0)
        if status:
            raise SystemExit(f"the run failed: status {status}")
        events = [json.loads(line) for line in events_path.read_text().splitlines()]
    return {
        "start": start,
        "end": end,
        "main": child.pid,
        "cpu": usage.ru_utime + usage.ru_stime,  # the run and the workers it waited for
        "events": events,
        "samples": samples,
    }


def _cpu_at(samples: list[tuple[float, dict]], pid: int, when: float) -> float:
    """A process's CPU seconds at `when`, read from the samples (linear between two)."""
    before = (0.0, 0.0)
    for now, cpu in samples:
        if pid not in cpu:
            continue
        if now >= when:
            t0, c0 = before
            if now == t0:
                return cpu[pid]
            return c0 + (cpu[pid] - c0) * max(0.0, when - t0) / (now - t0)
        before = (now, cpu[pid])
    return before[1]


def phases(run: dict[str, Any]) -> dict[str, Any]:
    """The run cut in phases, each with its wall time, CPU of the main process and of the
    workers, and idle core time; and each worker's chunks."""
    start, end, main_pid = run["start"], run["end"], run["main"]
    events = run["events"]
    first: dict[str, float] = {}
    last: dict[str, float] = {}
    for when, _pid, _cpu, name, _ in events:
        first.setdefault(name, when)
        last[name] = when
    chunk_start = first.get("chunk start")
    chunk_end = last.get("chunk end")
    held = last.get("process_documents end")
    built = last.get("_brief_articles end")
    written = last.get("rendered done")
    ended = last.get("exit")
    bounds = [("head", start, chunk_start), ("pages", chunk_start, chunk_end),
              ("hand-back", chunk_end, held), ("model", held, built),
              ("store+show", built, written), ("exit", ended, end)]  # fmt: skip
    pids = sorted({pid for _, cpu in run["samples"] for pid in cpu})
    workers = [pid for pid in pids if pid != main_pid]
    rows = []
    cores = os.cpu_count() or 1
    for name, a, b in bounds:
        if a is None or b is None:
            continue
        main_cpu = _cpu_at(run["samples"], main_pid, b) - _cpu_at(run["samples"], main_pid, a)
        worker_cpu = sum(
            _cpu_at(run["samples"], pid, b) - _cpu_at(run["samples"], pid, a) for pid in workers
        )
        wall = b - a
        rows.append(
            (name, a - start, wall, main_cpu, worker_cpu, cores * wall - main_cpu - worker_cpu)
        )
    per_worker = {}
    for pid in sorted({pid for _, pid, _, name, _ in events if name == "chunk start"}):
        mine = [e for e in events if e[1] == pid]
        init = [e[0] for e in mine if e[3].startswith("_init_worker")]
        chunks = [e for e in mine if e[3] == "chunk end"]
        starts = [e[0] for e in mine if e[3] == "chunk start"]
        per_worker[pid] = {
            "forked": (init[0] - start) if init else None,
            "first page": starts[0] - start,
            "last page": chunks[-1][0] - start,
            "pages": sum(e[4] for e in chunks),
            "chunks": len(chunks),
            "last chunk": chunks[-1][0] - starts[-1],
        }
    marks = {name: when - start for name, when in first.items()}
    marks.update({name: when - start for name, when in last.items() if name.endswith("end")})
    return {"rows": rows, "workers": per_worker, "marks": marks, "wall": end - start,
            "cpu": run["cpu"]}  # fmt: skip


def chart(run: dict[str, Any], step: float) -> None:
    """Per `step` seconds: the CPU share (of one core) of the main process and the workers."""
    start, main_pid, samples = run["start"], run["main"], run["samples"]
    pids = sorted({pid for _, cpu in samples for pid in cpu})
    t = 0.0
    print(f"  {'t (s)':>6}  main  workers  (share of one core per {step:g} s)")
    while start + t < run["end"]:
        a, b = start + t, min(start + t + step, run["end"])
        shares = [(_cpu_at(samples, pid, b) - _cpu_at(samples, pid, a)) / (b - a) for pid in pids]
        main_share = shares[pids.index(main_pid)] if main_pid in pids else 0.0
        rest = sum(shares) - main_share
        bar = "#" * round(main_share * 10) + "+" * round(rest * 10)
        print(f"  {t:6.2f}  {main_share:4.0%}  {rest:6.0%}   {bar}")
        t += step


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000, help="distinct articles (1,000)")
    parser.add_argument("--folder", help="these pages instead of a distinct corpus")
    parser.add_argument("--runs", type=int, default=1, help="cold runs (default 1)")
    parser.add_argument("--every", type=float, default=0.005, help="sampling period (s)")
    parser.add_argument("--chart", type=float, nargs="?", const=0.25, help="CPU per STEP s")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args, rest = parser.parse_known_args(argv)
    if args.child:
        return _child([a for a in rest if a != "--"])
    with tempfile.TemporaryDirectory(prefix="briefing-timeline-corpus-") as tmp:
        folder = args.folder
        if folder is None:
            from corpus import CorpusBuilder, source_pages

            folder = str(Path(tmp) / f"distinct-{args.size}")
            CorpusBuilder(source_pages()).write(Path(folder), args.size, wire=False)
        runs = [run_once(folder, args.every) for _ in range(args.runs)]
    cut = [phases(run) for run in runs]
    for n, (run, got) in enumerate(zip(runs, cut, strict=True), 1):
        print(f"run {n}: wall {got['wall']:.2f} s, CPU {got['cpu']:.2f} s")
        print(f"  {'phase':<10} {'from':>6} {'wall':>6} {'main':>6} {'workers':>8} {'idle':>6}")
        for name, at, wall, main_cpu, worker_cpu, idle in got["rows"]:
            print(
                f"  {name:<10} {at:6.2f} {wall:6.2f} {main_cpu:6.2f} {worker_cpu:8.2f} {idle:6.2f}"
            )
        for pid, w in got["workers"].items():
            forked = f"{w['forked']:.2f}" if w["forked"] is not None else "?"
            print(
                f"  worker {pid}: forked {forked}, pages {w['first page']:.2f}-"
                f"{w['last page']:.2f} s, {w['pages']} pages in {w['chunks']} chunks "
                f"(last {w['last chunk']:.2f} s)"
            )
        marks = sorted(got["marks"].items(), key=lambda mark: mark[1])
        print("  marks: " + ", ".join(f"{k} {v:.2f}" for k, v in marks if k not in _REPEATED))
        if args.chart:
            chart(run, args.chart)
    if len(cut) > 1:
        print(f"median of {len(cut)} runs: wall {statistics.median(c['wall'] for c in cut):.2f} s")
        by_phase: dict[str, list[tuple[float, ...]]] = defaultdict(list)
        for got in cut:
            for name, *figures in got["rows"]:
                by_phase[name].append(figures)
        for name, figures in by_phase.items():
            medians = [statistics.median(f[i] for f in figures) for i in range(5)]
            print(f"  {name:<10} " + " ".join(f"{m:6.2f}" for m in medians))
    return 0


if __name__ == "__main__":
    sys.exit(main())
