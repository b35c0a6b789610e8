"""Instructions of a warm `briefing dump` process, step by step, counted by callgrind
(repeatable on a loaded machine, where CPU time is not).

    python benchmarks/warm_instructions.py DIR                  # text, DIR's briefing cached first
    python benchmarks/warm_instructions.py DIR --format json

The briefing of DIR is made once (a cold run into a temporary cache, outside the count);
then one warm dump runs under callgrind, `briefing.cli.main` as the command line calls it,
each step inside a C function of its own that nothing in the dump calls (as
worker_instructions.py does): callgrind's inclusive count of that function is the step's,
the steps inside it included. Python's start (before any of this script's work) is the
count of `python -c pass`; the rest of the process (this script's own imports, the exit)
is what the total leaves. Compare two commits by running each one's copy of this script.
"""

from __future__ import annotations

import os  # (loaded by Python's start anyway)
import sys

# Nothing else imported at the top: the counted process imports what the dump does.
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _runners() -> dict[str, tuple[object, str]]:
    """step -> (how it is run, the C function callgrind counts it in); imported here so
    that the counted process imports nothing of `benchmarks/`."""
    import functools
    from itertools import (
        cycle,
        dropwhile,
        filterfalse,
        groupby,
        starmap,
        takewhile,
        tee,
        zip_longest,
    )

    def _generated(work):  # type: ignore[no-untyped-def]
        yield work()

    def _collected(make):  # type: ignore[no-untyped-def]
        def run(work):  # type: ignore[no-untyped-def]
            found: list[object] = []
            list(make(lambda *_: found.append(work())))
            return found[0]

        return run

    return {
        "import briefing (precompiled served)": (
            lambda work: next(starmap(work, [()])),
            "starmap_next",
        ),
        "import briefing.cli": (_collected(lambda f: filterfalse(f, [0])), "filterfalse_next"),
        "cli.main": (_collected(lambda f: takewhile(f, [0])), "takewhile_next"),
        "  engine imports (cache, pipeline)": (
            _collected(lambda f: dropwhile(f, [0])),
            "dropwhile_next",
        ),
        "  profile": (_collected(lambda f: groupby([0], f)), "groupby_next"),
        "  cache open": (
            lambda work: functools.reduce(lambda _t, _i: work(), [0, 0]),
            "functools_reduce",
        ),
        "  list and stamp the files": (
            lambda work: next(iter(work, object())),
            "calliter_iternext",
        ),
        "  keys (articles, briefing)": (
            lambda work: next(tee(_generated(work), 1)[0]),
            "tee_next",
        ),
        "  briefing row read and decoded": (
            lambda work: next(cycle(_generated(work))),
            "cycle_next",
        ),
        "  render and write": (
            lambda work: next(zip_longest(_generated(work)))[0],
            "zip_longest_next",
        ),
    }


def measured_run(folder: str, fmt: str) -> None:
    """The work callgrind watches: a warm `briefing dump` of `folder` to stdout."""
    import functools

    runners = _runners()

    def inside(step: str, work, *args):  # type: ignore[no-untyped-def]
        return runners[step][0](functools.partial(work, *args))  # type: ignore[operator]

    def wrapped(step: str, work):  # type: ignore[no-untyped-def]
        def run(*args, **kwargs):  # type: ignore[no-untyped-def]
            return inside(step, functools.partial(work, *args, **kwargs))

        return run

    import importlib

    inside("import briefing (precompiled served)", importlib.import_module, "briefing")
    cli = inside("import briefing.cli", importlib.import_module, "briefing.cli")
    real_dump = cli.run_dump

    def run_dump(argv):  # type: ignore[no-untyped-def]
        def engine_imports():  # type: ignore[no-untyped-def]
            import briefing.cache as cache
            import briefing.pipeline as pipeline

            return cache, pipeline

        cache, pipeline = inside("  engine imports (cache, pipeline)", engine_imports)
        pipeline.resolve_profile = wrapped("  profile", pipeline.resolve_profile)
        pipeline.ArticleCache.open = wrapped("  cache open", pipeline.ArticleCache.open)
        pipeline._stamped_files = wrapped(  # noqa: SLF001
            "  list and stamp the files",
            pipeline._stamped_files,  # noqa: SLF001
        )
        keys = pipeline.article_keys
        pipeline.article_keys = wrapped("  keys (articles, briefing)", keys)
        pipeline.briefing_key = wrapped("  keys (articles, briefing)", pipeline.briefing_key)
        get = cache.ArticleCache.get_briefing
        cache.ArticleCache.get_briefing = wrapped("  briefing row read and decoded", get)
        cli._write_dump = wrapped("  render and write", cli._write_dump)  # noqa: SLF001
        return real_dump(argv)

    cli.run_dump = run_dump
    status = inside("cli.main", cli.main, ["dump", folder, "--format", fmt])
    sys.stdout.flush()
    if status:
        raise SystemExit(status)


def _callgrind(command: list[str], out: str, env: dict[str, str]) -> dict[str, int]:
    """Each C function's inclusive count (and the total, under "") of one callgrind run."""
    import re
    import subprocess

    valgrind = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command]
    run = subprocess.run(
        valgrind, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env, check=False
    )
    if run.returncode:
        raise SystemExit(f"callgrind run failed: {run.stderr[-800:]}")
    listing = ["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(out)]
    annotated = subprocess.run(listing, capture_output=True, text=True, check=True).stdout
    counts: dict[str, int] = {}
    for count, function in re.findall(r"^\s*([\d,]+) .*:(\w+) \[", annotated, re.MULTILINE):
        counts.setdefault(function, int(count.replace(",", "")))
    (total,) = re.findall(r"Collected : (\d+)", run.stderr)
    counts[""] = int(total)
    return counts


def main() -> int:
    if sys.argv[-1] == "--inside":
        sys.path.insert(0, ROOT)
        measured_run(sys.argv[1], sys.argv[3])
        return 0
    import argparse
    import subprocess
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--format", default="text", choices=("text", "markdown", "json"))
    parser.add_argument(
        "--cache-home", help="an XDG_CACHE_HOME to use (and keep) instead of a temporary one"
    )
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        home = args.cache_home or temporary
        env = {
            **os.environ,
            "XDG_CACHE_HOME": home,
            "PYTHONPATH": ROOT,
            "PYTHONHASHSEED": "0",
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        print(f"a run of {args.folder} to fill the cache (not counted) ...", file=sys.stderr)
        dump = [sys.executable, "-m", "briefing", "dump", args.folder, "--format", args.format]
        for _ in range(2):  # the second with every file stamped
            subprocess.run(dump, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        start = _callgrind([sys.executable, "-c", "pass"], f"{temporary}/start.out", env)
        inside = [sys.executable, __file__, args.folder, "--format", args.format, "--inside"]
        counts = _callgrind(inside, f"{temporary}/warm.out", env)
    print(f"warm `briefing dump --format {args.format}` of {args.folder}: M instructions")
    print(f"  {'whole process':<40} {counts[''] / 1e6:8.1f}")
    print(f"  {'Python start (python -c pass)':<40} {start[''] / 1e6:8.1f}")
    for step, (_, function) in _runners().items():
        print(f"  {step:<40} {counts.get(function, 0) / 1e6:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
