"""Benchmarks: stage costs, whole `briefing dump` runs, ranking speed, start-up.

    python benchmarks/run.py          # corpora of 10, 100 and 1,000 articles (a few minutes)
    python benchmarks/run.py --big    # also 5,000 articles, and sumy timed at 5,000 sentences

Corpora are written to a temporary folder from real page dumps (see corpus.py). Each
figure is printed beside its target; the last table says which targets fail.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from corpus import CorpusBuilder, source_pages  # noqa: E402
from sumy.models.dom import ObjectDocumentModel, Paragraph  # noqa: E402
from sumy.models.dom import Sentence as SumySentence  # noqa: E402
from sumy.nlp.stemmers import Stemmer  # noqa: E402
from sumy.summarizers.lex_rank import LexRankSummarizer  # noqa: E402
from sumy.summarizers.text_rank import TextRankSummarizer  # noqa: E402
from sumy.utils import get_stop_words  # noqa: E402

import briefing.annotate  # noqa: E402
import briefing.pipeline as pipeline  # noqa: E402
from briefing.actors import ActorTagger, compile_profile  # noqa: E402
from briefing.ranking import FastLexRankSummarizer, FastTextRankSummarizer  # noqa: E402
from briefing.render import render  # noqa: E402
from briefing.sentences import SentenceTokenizer  # noqa: E402
from briefing.summarize import LANGUAGE  # noqa: E402

# Targets (issue 4).
RANKING_SPEEDUP_AT_1000 = 50.0
RANKING_SECONDS_AT_5000 = 1.0
COLD_SECONDS_AT_1000 = 20.0
WARM_SECONDS_AT_1000 = 2.0
PEAK_RSS_MB_AT_1000 = 1024.0
COST_RATIO_100_TO_1000 = 12.0
STARTUP_RATIO = 1.5

SUMMARY_COUNT = 10
STARTUP_REPEATS = 5
RSS_SAMPLE_SECONDS = 0.05


@dataclass(frozen=True)
class Verdict:
    name: str
    limit: str
    measured: str
    ok: bool


VERDICTS: list[Verdict] = []


def check(name: str, limit: str, measured: str, ok: bool) -> str:
    """Record a target's outcome; the text for the table's target column."""
    VERDICTS.append(Verdict(name, limit, measured, ok))
    return f"{limit} {'ok' if ok else 'FAIL'}"


def table(title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    print(f"\n{title}")
    for n, row in enumerate(cells):
        # First column left-aligned (labels), the rest right-aligned (figures).
        figures = zip(row[1:], widths[1:], strict=True)
        padded = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in figures]
        print("  " + "  ".join(padded))
        if n == 0:
            print("  " + "  ".join("-" * w for w in widths))


def machine() -> str:
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"
    )


# Stage timing --------------------------------------------------------------------------


class CallTimer:
    """Time spent inside chosen functions, by wrapping them where the pipeline finds them."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def wrap(self, owner: Any, attribute: str, stage: str) -> Iterator[None]:
        original = getattr(owner, attribute)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - start

        setattr(owner, attribute, timed)
        try:
            yield
        finally:
            setattr(owner, attribute, original)


STAGES = (
    "read", "extract", "sentences", "actors", "dates", "annotate rest",
    "corroboration", "summaries", "other actors", "facts + model rest", "render",
)  # fmt: skip


def stage_seconds(folder: Path) -> tuple[dict[str, float], int]:
    """Serial cost of each stage on one corpus, through the pipeline's own functions."""
    timer = CallTimer()
    profile = pipeline.resolve_profile(None)
    start = time.perf_counter()
    docs, _ = pipeline.read_documents([str(folder)])
    timer.seconds["read"] = time.perf_counter() - start

    tagger = compile_profile(profile)
    with ExitStack() as stack:
        stack.enter_context(timer.wrap(pipeline, "extract_article", "extract"))
        stack.enter_context(timer.wrap(briefing.annotate, "split_sentences", "sentences"))
        stack.enter_context(timer.wrap(ActorTagger, "tag", "actors"))
        stack.enter_context(timer.wrap(briefing.annotate, "resolve_dates", "dates"))
        start = time.perf_counter()
        articles = [
            pipeline.process_document(doc, f"a{n}", tagger) for n, doc in enumerate(docs, 1)
        ]
        processed = time.perf_counter() - start
    timer.seconds["annotate rest"] = processed - sum(
        timer.seconds[s] for s in ("extract", "sentences", "actors", "dates")
    )
    articles = [a for a in articles if a.sentences]

    with ExitStack() as stack:
        stack.enter_context(timer.wrap(pipeline, "corroborate", "corroboration"))
        stack.enter_context(timer.wrap(pipeline, "select_sentences", "summaries"))
        stack.enter_context(timer.wrap(pipeline, "find_other_actors", "other actors"))
        start = time.perf_counter()
        built = pipeline.build_model(articles, profile, "lex-rank", 5)
        modelled = time.perf_counter() - start
    timer.seconds["facts + model rest"] = modelled - sum(
        timer.seconds[s] for s in ("corroboration", "summaries", "other actors")
    )
    start = time.perf_counter()
    render(built, "text")
    timer.seconds["render"] = time.perf_counter() - start
    return dict(timer.seconds), sum(len(a.sentences) for a in articles)


# Whole-process runs ---------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    seconds: float
    status: int
    peak_process_mb: float  # the largest single process (getrusage of the child)
    peak_tree_mb: float  # sampled sum over the child and its worker processes


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


def _tree_rss_kb(root: int) -> int:
    tree, total, pending = _children(), 0, [root]
    while pending:
        pid = pending.pop()
        pending.extend(tree.get(pid, ()))
        try:
            with open(f"/proc/{pid}/status", encoding="utf-8") as status:
                total += next(int(ln.split()[1]) for ln in status if ln.startswith("VmRSS:"))
        except (OSError, StopIteration):
            continue
    return total


def run_process(argv: Sequence[str], cache_home: Path) -> Run:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "PYTHONPATH": str(ROOT)}
    env.pop("CI", None)
    start = time.perf_counter()
    child = subprocess.Popen(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT
    )
    peak_tree = 0
    finished = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not finished.wait(RSS_SAMPLE_SECONDS):
            peak_tree = max(peak_tree, _tree_rss_kb(child.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    finished.set()
    sampler.join()
    return Run(seconds, child.returncode, usage.ru_maxrss / 1024, peak_tree / 1024)


def dump_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "briefing", "dump", *args]


# Ranking ----------------------------------------------------------------------------------


def sumy_document(texts: Sequence[str]) -> ObjectDocumentModel:
    tokenizer = SentenceTokenizer()
    return ObjectDocumentModel((Paragraph([SumySentence(t, tokenizer) for t in texts]),))


def time_ranking(factory: Callable[[Any], Any], texts: Sequence[str]) -> tuple[float, tuple]:
    """Seconds for one summary of `texts` (word splitting included), and the selection."""
    ranker = factory(Stemmer(LANGUAGE))  # the stemmer and stop words the app uses
    ranker.stop_words = get_stop_words(LANGUAGE)
    document = sumy_document(texts)
    start = time.perf_counter()
    chosen = ranker(document, SUMMARY_COUNT)
    return time.perf_counter() - start, tuple(str(s) for s in chosen)


def ranking_rows(builder: CorpusBuilder, big: bool) -> list[list[str]]:
    sizes = (200, 1000, 5000)
    pool = builder.sentences(max(sizes))
    rows = []
    for name, fast_class, sumy_class in (
        ("LexRank", FastLexRankSummarizer, LexRankSummarizer),
        ("TextRank", FastTextRankSummarizer, TextRankSummarizer),
    ):
        sumy_at: dict[int, float] = {}
        for size in sizes:
            fast, fast_chosen = time_ranking(fast_class, pool[:size])
            if size < 5000 or big:
                sumy_at[size], sumy_chosen = time_ranking(sumy_class, pool[:size])
                sumy_text, agree = f"{sumy_at[size]:.2f}", str(fast_chosen == sumy_chosen)
            else:
                # Quadratic in sentences: from the 1,000-sentence time, x25.
                sumy_at[size] = sumy_at[1000] * (size / 1000) ** 2
                sumy_text, agree = f"~{sumy_at[size]:.0f} (extrapolated)", "not run"
            ratio = sumy_at[size] / fast
            target = ""
            if name == "LexRank" and size == 1000:
                limit = f">= {RANKING_SPEEDUP_AT_1000:.0f}x"
                ok = ratio >= RANKING_SPEEDUP_AT_1000
                target = check("LexRank speed-up, 1,000 sentences", limit, f"{ratio:.0f}x", ok)
            if size == 5000:
                limit = f"<= {RANKING_SECONDS_AT_5000:.0f} s"
                ok = fast <= RANKING_SECONDS_AT_5000
                target = check(f"fast {name}, 5,000 sentences", limit, f"{fast:.2f} s", ok)
            rows.append([name, size, sumy_text, f"{fast:.3f}", f"{ratio:.0f}x", agree, target])
    return rows


# Start-up ---------------------------------------------------------------------------------


# Run in a fresh interpreter: this process has loaded more than a dump needs.
_LIST_MODULES = """
import contextlib, io, json, sys
from briefing.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["dump", "--no-cache"])
print(json.dumps({name: getattr(m, "__name__", None) for name, m in list(sys.modules.items())
                  if getattr(m, "__spec__", None) is not None
                  and not str(getattr(m, "__file__", "")).startswith(sys.argv[1])}))
"""


def third_party_modules() -> list[str]:
    """Public third-party modules loaded by a `briefing dump` of the seeds."""
    listed = subprocess.run(
        [sys.executable, "-c", _LIST_MODULES, str(ROOT)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    stdlib = sys.stdlib_module_names
    names = []
    for name, real_name in json.loads(listed.stdout.splitlines()[-1]).items():
        parts = name.split(".")
        # Importable by name: not the standard library, no aliases (requests.packages.*),
        # no private parts, no generated helpers (mypyc, Cython).
        if parts[0] in stdlib or real_name != name:
            continue
        if all(p.isidentifier() and not p.startswith("_") for p in parts):
            names.append(name)
    return sorted(names)


def median_seconds(argv: Sequence[str], cache_home: Path) -> float:
    runs = [run_process(argv, cache_home) for _ in range(STARTUP_REPEATS)]
    if any(r.status for r in runs):
        raise RuntimeError(f"{' '.join(argv)[:200]} failed with status {runs[0].status}")
    return statistics.median(r.seconds for r in runs)


def process_table(folders: dict[tuple[str, int], Path], work: Path) -> dict[tuple[str, int], float]:
    """Cold, warm and --no-cache `briefing dump` runs of every corpus; cold seconds."""
    rows = []
    cold_at = {}
    for (kind, count), folder in folders.items():
        cache_home = work / f"cache-{kind}-{count}"
        cold = run_process(dump_argv(str(folder)), cache_home)
        warm = run_process(dump_argv(str(folder)), cache_home)
        # Another summary length: the finished briefing misses, every article still hits.
        relength = run_process(dump_argv(str(folder), "--sentences", "3"), cache_home)
        bypass = run_process(dump_argv(str(folder), "--no-cache"), cache_home)
        cold_at[kind, count] = cold.seconds
        targets = []
        if (kind, count) == ("mixed", 1000):
            targets = [
                check("1,000 articles, cold cache", f"<= {COLD_SECONDS_AT_1000:.0f} s",
                      f"{cold.seconds:.1f} s", cold.seconds <= COLD_SECONDS_AT_1000),
                check("1,000 articles, warm cache", f"<= {WARM_SECONDS_AT_1000:.0f} s",
                      f"{warm.seconds:.1f} s", warm.seconds <= WARM_SECONDS_AT_1000),
                check("1,000 articles, peak RSS of all processes",
                      f"<= {PEAK_RSS_MB_AT_1000:.0f} MB", f"{cold.peak_tree_mb:.0f} MB",
                      cold.peak_tree_mb <= PEAK_RSS_MB_AT_1000),
            ]  # fmt: skip
        rows.append(
            [f"{kind} {count}"]
            + [f"{r.seconds:.2f}" for r in (cold, warm, relength, bypass)]
            + [f"{cold.peak_process_mb:.0f}", f"{cold.peak_tree_mb:.0f}"]
            + [",".join(str(r.status) for r in (cold, warm, relength, bypass)), "; ".join(targets)]
        )
    table(
        "`briefing dump` as a process: seconds, and peak RSS (MB) of the cold run",
        [
            "corpus",
            "cold",
            "warm",
            "new length",
            "--no-cache",
            "RSS 1 proc",
            "RSS all",
            "exit",
            "target",
        ],
        rows,
    )
    return cold_at


def scaling_table(
    cold_at: dict[tuple[str, int], float], serial_at: dict[tuple[str, int], float]
) -> None:
    rows = []
    for kind in ("mixed", "wire"):
        ratio = cold_at[kind, 1000] / cold_at[kind, 100]
        target = ""
        if kind == "mixed":
            limit = f"<= {COST_RATIO_100_TO_1000:.0f}x"
            ok = ratio <= COST_RATIO_100_TO_1000
            target = check("100 -> 1,000 articles, cold process", limit, f"{ratio:.1f}x", ok)
        serial = serial_at[kind, 1000] / serial_at[kind, 100]
        rows.append([kind, f"{ratio:.1f}x", f"{serial:.1f}x", target])
    table(
        "Cost of 1,000 articles over 100",
        ["corpus", "cold process", "serial stages", "target"],
        rows,
    )


def startup_table(work: Path) -> None:
    modules = third_party_modules()
    cache_home = work / "cache-startup"
    run_process(dump_argv(), cache_home)  # fills the cache with the seeds
    warm = median_seconds(dump_argv(), cache_home)
    uncached = median_seconds(dump_argv("--no-cache"), cache_home)
    imports = median_seconds([sys.executable, "-c", f"import {', '.join(modules)}"], work)
    ratio = uncached / imports
    limit = f"<= {STARTUP_RATIO}x"
    target = check(
        "dump on seeds --no-cache / imports", limit, f"{ratio:.2f}x", ratio <= STARTUP_RATIO
    )
    table(
        f"Start-up: dump on the seeds vs importing the {len(modules)} third-party modules an "
        f"uncached dump loads (median of {STARTUP_REPEATS})",
        ["run", "seconds", "ratio", "target"],
        [
            ["python -c 'import ...'", f"{imports:.2f}", "1.00x", ""],
            ["dump --no-cache", f"{uncached:.2f}", f"{ratio:.2f}x", target],
            ["dump (warm cache)", f"{warm:.2f}", f"{warm / imports:.2f}x", ""],
        ],
    )


# Main -------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", action="store_true", help="also 5,000 articles; sumy at 5,000")
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    builder = CorpusBuilder(source_pages())
    print(f"sources: {len(builder.pages)} real pages, {len(builder.body_pool)} prose paragraphs")
    corpora = [("mixed", 10), ("mixed", 100), ("mixed", 1000), ("wire", 100), ("wire", 1000)]
    if args.big:
        corpora.append(("mixed", 5000))

    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        work = Path(tmp)
        folders = {}
        for kind, count in corpora:
            folder = work / f"{kind}-{count}"
            builder.write(folder, count, wire=kind == "wire")
            folders[kind, count] = folder

        stage_rows, serial_at = [], {}
        for (kind, count), folder in folders.items():
            seconds, sentences = stage_seconds(folder)
            serial_at[kind, count] = sum(seconds.values())
            stage_rows.append(
                [f"{kind} {count}", sentences] + [f"{seconds[s]:.2f}" for s in STAGES]
            )
        table(
            "Stage seconds (serial, in-process; the dump itself uses worker processes)",
            ["corpus", "sentences", *STAGES],
            stage_rows,
        )

        cold_at = process_table(folders, work)
        scaling_table(cold_at, serial_at)

        table(
            "Ranking: sumy vs fast (seconds for one 10-sentence summary, words included)",
            ["algorithm", "sentences", "sumy", "fast", "speed-up", "same picks", "target"],
            ranking_rows(builder, args.big),
        )

        startup_table(work)

    table(
        "Targets",
        ["target", "limit", "measured", "result"],
        [[v.name, v.limit, v.measured, "ok" if v.ok else "FAIL"] for v in VERDICTS],
    )
    return 0 if all(v.ok for v in VERDICTS) else 1


if __name__ == "__main__":
    sys.exit(main())
