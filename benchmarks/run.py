"""Benchmarks: whole `briefing dump` runs on corpora of distinct text, summarizers against
sumy, start-up against the bare imports; one table of targets at the end.

    python benchmarks/run.py                          # 100 and 1,000 articles (minutes)
    python benchmarks/run.py --sizes 10000 --wire 0   # 10,000 articles only
    python benchmarks/run.py --sizes 100,1000,10000   # everything (long)
    python benchmarks/run.py --sizes 0 --wire 0 --sentences 0 --no-startup   # TUI launch only

Corpora are written to a temporary folder from the real pages of ../shared (corpus.py). The
exit status is 0 when every target measured is met, 1 otherwise (a missing data set is a
failed target: a corpus without it repeats itself).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from corpus import CorpusBuilder, CorpusStats, missing_sources, source_pages  # noqa: E402

from briefing.options import SUMMARIZERS, BriefingOptions  # noqa: E402
from briefing.stemming import Stemmer  # noqa: E402
from briefing.summarize import select_sentences  # noqa: E402
from briefing.summarizers.words import WordRules, stop_words  # noqa: E402

# Targets (issue 12). Seconds are whole `briefing dump` processes on this machine.
COLD_SECONDS = {1000: 7.0, 10000: 70.0}
WARM_SECONDS = {1000: 0.3, 10000: 2.0}
PEAK_MB = {10000: 1024.0}
STARTUP_RATIO = 3.0
TUI_COLD_SECONDS = 0.8  # the seeds on screen, nothing cached
TUI_WARM_SECONDS = 0.4
SUMMARIZER_SECONDS = 2.0  # every summarizer, 5,000 sentences
TEXT_RANK_ONE_TOPIC_SECONDS = 1.0
DISTINCT_SHARE = 0.9  # body sentences of a distinct corpus that are not repeats

# The yardstick: what any app built on these libraries imports anyway.
BARE_IMPORTS = "import textual, sumy, dateparser"
# Set, every run would compile the checkout's modules again (0.08 s of CPU for a dump of the
# seeds), while the yardstick's libraries, like an installed briefing, have their bytecode:
# the runs write it (the first, untimed, run of each table does).
NO_BYTECODE = "PYTHONDONTWRITEBYTECODE"
SUMMARY_COUNT = 10
STARTUP_REPEATS = 5
RSS_SAMPLE_SECONDS = 0.05
# sumy's cost grows with the cube (KL) or square of sentences: compare where it finishes.
SUMY_SIZES = {"kl": 150, "lsa": 500, "reduction": 500}
SUMY_SIZE = 1000


@dataclass(frozen=True)
class Verdict:
    name: str
    limit: str
    measured: str
    ok: bool


VERDICTS: list[Verdict] = []


def check(name: str, limit: str, measured: str, ok: bool) -> None:
    VERDICTS.append(Verdict(name, limit, measured, ok))


def say(message: str) -> None:
    """Progress on stderr: the tables on stdout stay clean."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    print(f"\n{title}")
    for n, row in enumerate(cells):
        # First column left-aligned (labels), the rest right-aligned (figures).
        figures = zip(row[1:], widths[1:], strict=True)
        print("  " + "  ".join([row[0].ljust(widths[0])] + [c.rjust(w) for c, w in figures]))
        if n == 0:
            print("  " + "  ".join("-" * w for w in widths))
    sys.stdout.flush()


def machine() -> str:
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = os.getloadavg()[0]
    return (
        f"{os.cpu_count()} cores ({cpu}), load {load:.1f}, Python {platform.python_version()}, "
        f"{platform.system()}"
    )


# Whole-process runs ---------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # user + system, the process and the workers it waited for
    status: int
    peak_process_mb: float  # the largest single process (getrusage of the child)
    peak_tree_mb: float  # sampled sum of resident sizes over the child and its workers
    peak_pss_mb: float  # the same with each shared page counted once (proportional sizes)


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = defaultdict(list)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            tree[int(fields[1])].append(int(entry))
    return tree


def _tree_memory_kb(root: int) -> tuple[int, int]:
    """The resident and the proportional set sizes summed over a process and its
    descendants. Workers forked from the dump share its pages until they write them:
    resident sizes count such a page once per process, proportional ones once in all."""
    tree, rss, pss, pending = _children(), 0, 0, [root]
    while pending:
        pid = pending.pop()
        pending.extend(tree.get(pid, ()))
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as rollup:
                sizes = dict(ln.split()[:2] for ln in rollup if ln.startswith(("Rss:", "Pss:")))
        except (OSError, ValueError):
            continue
        rss += int(sizes.get("Rss:", 0))
        pss += int(sizes.get("Pss:", 0))
    return rss, pss


def run_process(argv: Sequence[str], cache_home: Path) -> Run:
    """One process, timed from start to exit, with its peak memory."""
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(cache_home),
        # The user's settings (a theme, say) are not the benchmark's.
        "XDG_CONFIG_HOME": str(cache_home / "config"),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("CI", None)
    env.pop(NO_BYTECODE, None)
    start = time.perf_counter()
    child = subprocess.Popen(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT
    )
    peak_tree = peak_pss = 0
    finished = threading.Event()

    def sample() -> None:
        nonlocal peak_tree, peak_pss
        while not finished.wait(RSS_SAMPLE_SECONDS):
            rss, pss = _tree_memory_kb(child.pid)
            peak_tree, peak_pss = max(peak_tree, rss), max(peak_pss, pss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    finished.set()
    sampler.join()
    return Run(
        seconds,
        usage.ru_utime + usage.ru_stime,
        os.waitstatus_to_exitcode(status),
        usage.ru_maxrss / 1024,
        peak_tree / 1024,
        peak_pss / 1024,
    )


def dump_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "briefing", "dump", *args]


def process_rows(folders: dict[str, tuple[int, Path]], work: Path) -> list[list[str]]:
    """Cold, warm and (up to 1,000 articles) --no-cache `briefing dump` runs per corpus."""
    rows = []
    for label, (count, folder) in folders.items():
        cache_home = work / f"cache-{label.replace(' ', '-')}"
        say(f"dump {label}: cold")
        cold = run_process(dump_argv(str(folder)), cache_home)
        say(f"dump {label}: warm")
        warm = run_process(dump_argv(str(folder)), cache_home)
        bypass = None
        if count <= 1000:
            say(f"dump {label}: --no-cache")
            bypass = run_process(dump_argv(str(folder), "--no-cache"), cache_home)
        runs = [r for r in (cold, warm, bypass) if r]
        # Also said at once: a long run stopped later still leaves its figures.
        say(
            f"dump {label}: cold {cold.seconds:.2f} s (CPU {cold.cpu_seconds:.2f} s, peak "
            f"{cold.peak_pss_mb:.0f} MB), warm {warm.seconds:.2f} s (CPU {warm.cpu_seconds:.2f} s)"
        )
        if label.startswith("distinct"):
            if count in COLD_SECONDS:
                check(
                    f"{label} articles, cold",
                    f"<= {COLD_SECONDS[count]:g} s",
                    f"{cold.seconds:.2f} s",
                    cold.seconds <= COLD_SECONDS[count] and not cold.status,
                )
                check(
                    f"{label} articles, warm",
                    f"<= {WARM_SECONDS[count]:g} s",
                    f"{warm.seconds:.2f} s",
                    warm.seconds <= WARM_SECONDS[count] and not warm.status,
                )
            if count in PEAK_MB:
                check(
                    f"{label} articles, peak memory (all processes, shared pages once)",
                    f"< {PEAK_MB[count]:.0f} MB",
                    f"{cold.peak_pss_mb:.0f} MB",
                    cold.peak_pss_mb < PEAK_MB[count],
                )
        rows.append(
            [
                label,
                f"{cold.seconds:.2f}",
                f"{cold.cpu_seconds:.2f}",
                f"{warm.seconds:.2f}",
                f"{bypass.seconds:.2f}" if bypass else "not run",
                f"{cold.peak_process_mb:.0f}",
                f"{cold.peak_tree_mb:.0f}",
                f"{cold.peak_pss_mb:.0f}",
                ",".join(str(r.status) for r in runs),
            ]
        )
    return rows


# Summarizers ----------------------------------------------------------------------------


def timed_selection(name: str, texts: Sequence[str]) -> tuple[float, list[int]]:
    """Seconds for one summary, words and stems included (a stemmer with nothing memoised)."""
    rules = WordRules(Stemmer(), stop_words())
    start = time.perf_counter()
    chosen = select_sentences(texts, name, SUMMARY_COUNT, rules)
    return time.perf_counter() - start, chosen


def summarizer_rows(builder: CorpusBuilder, size: int) -> list[list[str]]:
    from tests.sumy_reference import sumy_select

    pools = {
        "many topics": builder.test_sentences(size),
        "one topic": builder.test_sentences(size, one_topic=True),
    }
    select_sentences(pools["many topics"][:50], "lex-rank", 3)  # imports, not timed
    rows = []
    for name in SUMMARIZERS:
        row = [name]
        for topic, texts in pools.items():
            say(f"summarizer {name}, {size} sentences, {topic}")
            seconds, _ = timed_selection(name, texts)
            row.append(f"{seconds:.2f}")
            limit = SUMMARIZER_SECONDS
            if name == "text-rank" and topic == "one topic":
                limit = TEXT_RANK_ONE_TOPIC_SECONDS
            check(
                f"{name}, {size:,} sentences, {topic}",
                f"<= {limit:g} s",
                f"{seconds:.2f} s",
                seconds <= limit,
            )
        small = pools["many topics"][: SUMY_SIZES.get(name, SUMY_SIZE)]
        say(f"summarizer {name} against sumy, {len(small)} sentences")
        fast, chosen = timed_selection(name, small)
        start = time.perf_counter()
        reference = sumy_select(name, small, SUMMARY_COUNT)
        sumy_seconds = time.perf_counter() - start
        same = chosen == reference
        check(f"{name}: same picks as sumy at {len(small)} sentences", "same", str(same), same)
        row += [str(len(small)), f"{sumy_seconds:.2f}", f"{fast:.3f}", "yes" if same else "NO"]
        rows.append(row)
    return rows


# Start-up -------------------------------------------------------------------------------


def median_seconds(argv: Sequence[str], cache_home: Path) -> float:
    runs = [run_process(argv, cache_home) for _ in range(STARTUP_REPEATS)]
    failed = [r.status for r in runs if r.status]
    if failed:
        raise RuntimeError(f"{' '.join(argv)[:200]} failed with status {failed[0]}")
    return statistics.median(r.seconds for r in runs)


def startup_rows(work: Path) -> list[list[str]]:
    cache_home = work / "cache-startup"
    say("start-up: bare imports, dump --no-cache, warm dump")
    run_process(dump_argv(), cache_home)  # fills the cache with the seeds
    imports = median_seconds([sys.executable, "-c", BARE_IMPORTS], cache_home)
    uncached = median_seconds(dump_argv("--no-cache"), cache_home)
    warm = median_seconds(dump_argv(), cache_home)
    ratio = uncached / imports
    check(
        "seeds dump --no-cache / bare imports",
        f"<= {STARTUP_RATIO:g}x",
        f"{ratio:.2f}x",
        ratio <= STARTUP_RATIO,
    )
    return [
        [f"python -c '{BARE_IMPORTS}'", f"{imports:.2f}", "1.00x"],
        ["briefing dump --no-cache (seeds)", f"{uncached:.2f}", f"{ratio:.2f}x"],
        ["briefing dump, warm cache (seeds)", f"{warm:.2f}", f"{warm / imports:.2f}x"],
    ]


# TUI launch -----------------------------------------------------------------------------

# Shown only once a briefing is on screen (the loading screen names the stages instead).
TUI_CONTENT = "Key facts"
TUI_TIMEOUT_SECONDS = 60.0


@dataclass(frozen=True)
class Launch:
    seconds: float  # from starting the view to its briefing on screen
    view_cpu: float  # CPU seconds of the view's own process by then
    cpu: float  # ... and of the processes it started (the early engine), finished or not


def _cpu_seconds(pid: int, children: bool) -> float:
    """User + system CPU of `pid` (with `children`: also of the children it reaped, and of
    those still running), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    pids, total = [pid], 0
    while pids:
        current = pids.pop()
        try:
            with open(f"/proc/{current}/stat", encoding="utf-8") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
        if children:
            total += int(fields[13]) + int(fields[14])
            pids.extend(_children().get(current, ()))
    return total / tick


def tui_launch(cache_home: Path) -> Launch:
    """Starting `briefing` (the seeds) in a detached 120x40 tmux terminal until its first
    briefing is on screen, polling the screen every 10 ms."""
    # A server of its own each time: one just told to quit may still hold its name.
    server = f"briefing-bench-{os.getpid()}-{cache_home.name}-{time.monotonic_ns()}"
    command = shlex.join(
        ["env", "-u", NO_BYTECODE, f"XDG_CACHE_HOME={cache_home}",
         f"XDG_CONFIG_HOME={cache_home / 'config'}", f"PYTHONPATH={ROOT}",
         sys.executable, "-m", "briefing"]
    )  # fmt: skip
    tmux = ["tmux", "-L", server]
    start = time.perf_counter()
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", "bench", "-x", "120", "-y", "40", "-c", str(ROOT),
         command],
        check=True,
    )  # fmt: skip
    try:
        pane = subprocess.run(
            [*tmux, "display-message", "-p", "-t", "bench", "#{pane_pid}"],
            capture_output=True, text=True,
        ).stdout  # fmt: skip
        view = int(pane) if pane.strip().isdigit() else 0
        while time.perf_counter() - start < TUI_TIMEOUT_SECONDS:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", "bench"], capture_output=True, text=True
            ).stdout
            if TUI_CONTENT in screen:
                seconds = time.perf_counter() - start
                # `env` has become the view (exec): the pane's process is the view.
                return Launch(seconds, _cpu_seconds(view, False), _cpu_seconds(view, True))
            time.sleep(0.01)
        raise RuntimeError(f"no briefing on the TUI's screen after {TUI_TIMEOUT_SECONDS:g} s")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


def _engine_version() -> str:
    """The engine's sources hashed, which every cache key carries (see briefing.cache): an
    engine file saved or merged between a cold launch and the warm one after it makes that
    warm launch extract every page again, seconds instead of a fraction of one."""
    from briefing.cache import _engine_fingerprint

    return _engine_fingerprint()


def tui_rows(work: Path, repeats: int = STARTUP_REPEATS) -> list[list[str]]:
    """Cold (empty cache) and warm launches of the TUI on the seeds, median of a few each."""
    if shutil.which("tmux") is None:
        print("\n*** tmux MISSING: the TUI launch is not measured ***", file=sys.stderr)
        check("TUI launch measured", "tmux", "missing", False)
        return []
    say("TUI launch: cold and warm")
    # Untimed: the bytecode of every module a launch loads (see NO_BYTECODE).
    run_process(dump_argv(), work / "cache-tui-bytecode")
    run_process(
        [sys.executable, "-c", "import briefing.tui.app, briefing.tui.engine"],
        work / "cache-tui-bytecode",
    )
    cold: list[Launch] = []
    warm: list[Launch] = []
    changed = 0
    for n in range(repeats):
        cache_home = work / f"cache-tui-{n}"
        version = _engine_version()
        cold.append(tui_launch(cache_home))
        warm.append(tui_launch(cache_home))
        changed += _engine_version() != version
    if changed:
        print(
            f"\n*** THE CHECKOUT CHANGED during {changed} of {repeats} cold/warm launch pairs: "
            "their warm launch briefed everything afresh ***",
            file=sys.stderr,
        )
    check("TUI launch pairs on an unchanged engine", "all", f"{changed} changed", not changed)
    rows = []
    for name, runs, limit in (("cold", cold, TUI_COLD_SECONDS), ("warm", warm, TUI_WARM_SECONDS)):
        seconds = statistics.median(r.seconds for r in runs)
        check(f"TUI content on screen, {name} launch", f"<= {limit:g} s", f"{seconds:.2f} s",
              seconds <= limit)  # fmt: skip
        rows.append(
            [
                f"briefing (seeds), {name} launch",
                f"{seconds:.2f}",
                f"{min(r.seconds for r in runs):.2f}",
                f"{statistics.median(r.view_cpu for r in runs):.2f}",
                f"{statistics.median(r.cpu for r in runs):.2f}",
            ]
        )
    return rows


# Profile --------------------------------------------------------------------------------


def profile(folder: Path, top: int) -> None:
    """Where a cold, serial, in-process build of one corpus spends its time."""
    from briefing.pipeline import build_briefing

    profiler = cProfile.Profile()
    options = BriefingOptions(use_cache=False, jobs=1)
    profiler.runcall(build_briefing, [str(folder)], options)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    print(f"\nProfile of a serial build of {folder.name} (own time, top {top}):")
    print(out.getvalue().split("\n", 6)[-1])


# Main -----------------------------------------------------------------------------------


def _sizes(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip() and int(s) > 0]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=[100, 1000],
        help="distinct-text corpora, articles (default 100,1000)",
    )
    parser.add_argument(
        "--wire",
        type=_sizes,
        default=[1000],
        help="wire corpora, articles (default 1000; 0 for none)",
    )
    parser.add_argument(
        "--sentences",
        type=int,
        default=5000,
        help="sentences per summary in the summarizer table (0: skip it)",
    )
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up table")
    parser.add_argument("--no-tui", action="store_true", help="skip the TUI launch table")
    parser.add_argument(
        "--tui-runs",
        type=int,
        default=STARTUP_REPEATS,
        metavar="N",
        help=f"cold and warm TUI launches each (default {STARTUP_REPEATS})",
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="also profile a serial build of the N-article distinct corpus",
    )
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")

    missing = missing_sources()
    for folder in missing:
        print(
            f"\n*** DATA SET MISSING: {folder} ***\n*** the corpora are built from fewer "
            "pages and repeat themselves; figures are not comparable ***",
            file=sys.stderr,
        )
    check("shared data sets present", "all", f"{len(missing)} missing", not missing)
    say("reading source pages")
    builder = CorpusBuilder(source_pages())
    print(
        f"sources: {len(builder.pages)} pages with prose, {len(builder.sentences_pool):,} "
        f"English prose sentences ({len(builder.heads):,} with a clause break to splice)"
    )

    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        work = Path(tmp)
        folders: dict[str, tuple[int, Path]] = {}
        corpus_rows = []
        corpora = [("distinct", n) for n in args.sizes] + [("wire", n) for n in args.wire]
        for kind, count in corpora:
            label = f"{kind} {count:,}"
            say(f"writing {label}")
            folder = work / f"{kind}-{count}"
            stats: CorpusStats = builder.write(folder, count, wire=kind == "wire")
            megabytes = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
            folders[label] = (count, folder)
            corpus_rows.append(
                [label, f"{megabytes:.1f}", f"{stats.sentences:,}", f"{stats.distinct_share:.1%}"]
            )
            if kind == "distinct":
                check(
                    f"{label}: body sentences distinct",
                    f">= {DISTINCT_SHARE:.0%}",
                    f"{stats.distinct_share:.1%}",
                    stats.distinct_share >= DISTINCT_SHARE,
                )
        table(
            "Corpora (written from the shared pages)",
            ["corpus", "MB", "body sentences", "distinct"],
            corpus_rows,
        )

        table(
            "`briefing dump` as a process: wall-clock seconds (CPU seconds of the cold run, "
            "workers included: the figure a busy machine moves least), peak memory (MB): the "
            "largest process, all processes' resident sizes, and their proportional sizes "
            "(a page the workers share with the dump counted once)",
            [
                "corpus",
                "cold",
                "cold CPU",
                "warm",
                "--no-cache",
                "RSS 1 proc",
                "RSS all",
                "PSS all",
                "exit",
            ],
            process_rows(folders, work),
        )
        if args.sentences:
            table(
                f"Summarizers: seconds for one {SUMMARY_COUNT}-sentence summary of "
                f"{args.sentences:,} sentences (words and stems included); sumy on fewer",
                ["algorithm", "many topics", "one topic", "sumy on", "sumy", "ours", "same"],
                summarizer_rows(builder, args.sentences),
            )
        if not args.no_startup:
            table(
                f"Start-up (median of {STARTUP_REPEATS})",
                ["run", "seconds", "ratio"],
                startup_rows(work),
            )
        if not args.no_tui:
            table(
                f"TUI launch: seconds to a briefing on screen (tmux, median of {args.tui_runs}; "
                "best), CPU seconds by then of the view's process and with the engine's",
                ["run", "seconds", "best", "view CPU", "all CPU"],
                tui_rows(work, args.tui_runs),
            )
        if args.profile:
            say(f"profiling distinct {args.profile:,}")
            folder = work / f"profile-{args.profile}"
            builder.write(folder, args.profile)
            profile(folder, 25)

    table(
        "Targets",
        ["target", "limit", "measured", "result"],
        [[v.name, v.limit, v.measured, "ok" if v.ok else "FAIL"] for v in VERDICTS],
    )
    failed = [v for v in VERDICTS if not v.ok]
    print(f"\n{len(VERDICTS) - len(failed)} of {len(VERDICTS)} targets met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
