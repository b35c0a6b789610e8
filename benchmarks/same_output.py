"""Whether a change left the briefing alone: `briefing dump --format json` of the seeds, of
the extraction-dev pages (both renderers) and of a 100-article distinct corpus, compared
with what a reference commit wrote.

    python benchmarks/same_output.py save REF     # on the reference commit (e.g. main)
    python benchmarks/same_output.py check REF    # after the change; exit 1 on a difference
    python benchmarks/same_output.py save REF --size 1000   # the benchmark's corpus instead
    python benchmarks/same_output.py save REF --wire        # its wire corpus too

`save` writes the corpus and copies of the seeds and pages into REF too, so both runs read
the same files under the same names (paths are part of the output). `check` compares a
--no-cache run, a run filling an empty cache and the warm run after it, all three byte for
byte (with --size over 100 only the cold-cache run: it alone takes minutes).
A reference commit without this script: `git archive REV | tar -x -C DIR`, copy the
script into DIR/benchmarks, link DIR/../shared to the shared data, run it from there.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(Path(__file__).resolve().parent)]

from corpus import CorpusBuilder, missing_sources, source_pages  # noqa: E402

CORPUS_SIZE = 100
# Above this many articles a check runs once, cold: three dumps would take too long.
ALL_RUNS_UP_TO = 100
SHARED = ROOT.parent / "shared"
# Folder in REF -> the pages copied into it (the seeds, then extraction-dev's renderers).
PAGES = {
    "seeds": ROOT / "seeds",
    "extraction-dev": SHARED / "extraction-dev" / "pages",
    "extraction-dev-lynx": SHARED / "extraction-dev" / "pages-lynx",
}


def corpora(size: int, wire: bool) -> list[str]:
    """The benchmark corpora compared: distinct, and wire when asked (same size)."""
    return [f"distinct-{size}", *([f"wire-{size}"] if wire else [])]


def inputs(size: int, wire: bool) -> dict[str, list[str]]:
    """Input name -> the folders in REF it passes to `briefing dump`."""
    return {**{name: [name] for name in PAGES}, **{name: [name] for name in corpora(size, wire)}}


def dump(reference: Path, paths: Sequence[str], cache_home: Path, *flags: str) -> bytes:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "briefing", "dump", "--format", "json", *flags]
    run = subprocess.run(
        [*command, *(str(reference / p) for p in paths)],
        env=env,
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    if run.returncode:
        raise SystemExit(f"briefing dump failed ({run.returncode}): {run.stderr.decode()[-500:]}")
    return run.stdout


def save(reference: Path, size: int, wire: bool) -> int:
    missing = missing_sources()
    if missing:
        print(f"data sets missing: {', '.join(map(str, missing))}", file=sys.stderr)
        return 1
    for name, folder in PAGES.items():
        (reference / name).mkdir(parents=True, exist_ok=True)
        for page in folder.glob("*.*"):
            shutil.copyfile(page, reference / name / page.name)
    for name in corpora(size, wire):
        CorpusBuilder(source_pages()).write(reference / name, size, wire=name.startswith("wire"))
    named = inputs(size, wire)
    with tempfile.TemporaryDirectory() as cache:
        for name, paths in named.items():
            (reference / f"{name}.json").write_bytes(
                dump(reference, paths, Path(cache), "--no-cache")
            )
    print(f"saved {len(named)} dumps in {reference}")
    return 0


def check(reference: Path, size: int, wire: bool) -> int:
    differing = []
    for name, paths in inputs(size, wire).items():
        expected = (reference / f"{name}.json").read_bytes()
        with tempfile.TemporaryDirectory() as cache:
            runs = {"cold cache": dump(reference, paths, Path(cache))}
            if name not in corpora(size, wire) or size <= ALL_RUNS_UP_TO:
                runs["warm cache"] = dump(reference, paths, Path(cache))
                runs["--no-cache"] = dump(reference, paths, Path(cache), "--no-cache")
        for run, output in runs.items():
            same = output == expected
            print(f"{name}, {run}: {'same' if same else 'DIFFERENT'}")
            if not same:
                differing.append(f"{name} ({run})")
    if differing:
        print(f"different from {reference}: {', '.join(differing)}")
        return 1
    print("every dump is the same")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("reference", type=Path, help="folder of the reference dumps")
    parser.add_argument(
        "--size", type=int, default=CORPUS_SIZE, help="articles in the distinct corpus"
    )
    parser.add_argument("--wire", action="store_true", help="the wire corpus too")
    args = parser.parse_args(argv)
    act = save if args.action == "save" else check
    return act(args.reference, args.size, args.wire)


if __name__ == "__main__":
    sys.exit(main())
