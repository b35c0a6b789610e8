"""Instructions per page of text extraction and of its stages (headline, date, outlet, row
features, lines to units, unit making, the body classifier), counted by callgrind
(repeatable on a loaded machine, where CPU time is not).

    python benchmarks/extract_instructions.py FOLDER [--limit N]

Runs itself under `valgrind --tool=callgrind`. Each page is extracted inside one C function
(operator.call), then each stage is run again on the arguments it was given, inside a C
function of its own that nothing in extraction calls (itertools' starmap, takewhile, ...):
callgrind's inclusive count of that function is the stage's cost. The headline scorer's memos
of row shapes and the units made are emptied first, as a new page finds them (the units'
words stay: the page read them before making its units).

The pages are first extracted once, uncounted, as a long-running worker is warm: imports,
first-use compilation and dateparser's data for each language the pages need are loaded
(warmed on 3 pages alone, the data of each new language was counted in the page that first
needed it: a loading, not a page's cost). Each counted page then starts with the memos of
earlier pages emptied, dateparser's readings too (a worker reads each page once).
`--keep FILE` keeps callgrind's output (per-function costs: `callgrind_annotate --inclusive=yes`).

Tried and left out (2026-11-28, 30 segment pages): `Unit.credited` worked out when first asked
instead of for every row: 35% of the rows may be credited and the page asks 69% of those (the
header rows and the body's), 66.15 M a page before and 66.17 M after, no gain.
Also left out (2026-11-28, callgrind of one 253-unit segment page's first classifier pass):
the node answers of each tree packed into bits (np.packbits along the node axis) and its leaf
read from a table, 16.4 M instructions against 0.59 M for the level-by-level selections (and
3.95 M with np.where for each selection); the leaf index cast before the transposition or into
an array made first, 309-311 K against 308 K (the transposing cast is the cost either way).
By time only: headline._echoes' rows intersected in C (map, compress), no faster: the
intersections themselves are the cost.
Also by CPU time, left out (2026-11-28, perf24w, the distinct 1,000's first 200 pages, 25,493
rows): MAYBE_DATE's search screened by a digit test on the row's ASCII bytes (translate):
13.9 ms plain, 15.1 ms screened (the search already skips to digits in C); SITE_CONTROL's
"read" hint narrowed to its branches ("reading time", "reading list", "min read", "minute
read"): rows searched 1,621 -> 1,417, 23.8 -> 18.9 ms for the 200 pages, too little to pay
for a second list. dateparser's fallback: 18 calls in 400 pages, 0.5 ms each once its
timezone patterns are built (the first call builds them, ~1 s: a worker of a large job has
them from the parent). Making units (`_new_units`, ~9 M a distinct page) is spread over its
rows' many small tests; no one of them is a tenth of it. By this script (callgrind): whether a
row holds a digit (`is_date_row`, the masthead's label) tested by `any(map(str.isdigit, ...))`
instead of a generator over its characters: 40.76 -> 40.72 M a page of the distinct 1,000,
64.73 -> 65.00 M a segment page (the collection passes falling elsewhere move counts by that
much): no gain to show.
"""

from __future__ import annotations

import argparse
import operator
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import partial, reduce
from itertools import (
    accumulate,
    dropwhile,
    filterfalse,
    groupby,
    pairwise,
    starmap,
    takewhile,
    zip_longest,
)
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

import briefing.extract.page as page  # noqa: E402
from briefing.extract import headline, units  # noqa: E402
from briefing.extract.dates import _parse_date  # noqa: E402
from briefing.extract.page import extract_article, forget_pages  # noqa: E402
from briefing.pipeline import read_documents  # noqa: E402


def _starmap(work: Callable[[], Any]) -> None:
    list(starmap(work, [()]))


def _takewhile(work: Callable[[], Any]) -> None:
    list(takewhile(lambda _: work(), [0]))


def _filterfalse(work: Callable[[], Any]) -> None:
    list(filterfalse(lambda _: work(), [0]))


def _dropwhile(work: Callable[[], Any]) -> None:
    list(dropwhile(lambda _: work(), [0]))


def _accumulate(work: Callable[[], Any]) -> None:
    list(accumulate([0, 0], lambda _total, _item: work()))


def _groupby(work: Callable[[], Any]) -> None:
    list(groupby([0], lambda _: work()))


def _reduce(work: Callable[[], Any]) -> None:
    reduce(lambda _total, _item: work(), [0, 0])


def _pairwise(work: Callable[[], Any]) -> None:
    list(pairwise(work() if first else 0 for first in (True, False)))


def _zip_longest(work: Callable[[], Any]) -> None:
    list(zip_longest(map(lambda _: work(), [0]), ()))


# stage (a name page.py calls) -> how it is run again, and the C function callgrind counts
STAGES: dict[str, tuple[Callable[[Callable[[], Any]], None], str]] = {
    "headline_under_first": (_starmap, "starmap_next"),
    "find_headline": (_filterfalse, "filterfalse_next"),
    "choose_date": (_takewhile, "takewhile_next"),
    "find_outlet": (_dropwhile, "dropwhile_next"),
    "row_features": (_accumulate, "accumulate_next"),
    "lines_to_units": (_groupby, "groupby_next"),
    "make_units": (_reduce, "functools_reduce"),
    "article_units": (_pairwise, "pairwise_next"),
    # on pages with a second place the article may start, instead of headline_under_first
    "headline_of_two_starts": (_zip_longest, "zip_longest_next"),
}
EXTRACTION = "_operator_call"


def _call(work: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    return work(*args, **kwargs)


def _record_stages(calls: dict[str, tuple[Any, ...]]) -> None:
    """Wrap page.py's stage functions to record their last arguments in `calls`."""
    for name in STAGES:
        work = getattr(page, name, None)
        if work is None:  # a stage this checkout does not have
            continue

        def record(*args: Any, _name: str = name, _work: Any = work, **kwargs: Any) -> Any:
            calls[_name] = (_work, args, kwargs)
            return _work(*args, **kwargs)

        setattr(page, name, record)


def measured_run(folder: str, limit: int) -> None:
    """The work callgrind watches."""
    docs, _ = read_documents([folder])
    docs = docs[:limit]
    for doc in docs:  # warm as a worker is (imports, patterns, dateparser's languages)
        extract_article(doc.text, doc.path, doc.media)
    calls: dict[str, tuple[Any, ...]] = {}
    _record_stages(calls)
    for doc in docs:
        forget_pages()
        _parse_date.cache_clear()
        calls.clear()
        operator.call(extract_article, doc.text, doc.path, doc.media)
        for name, (run_again, _) in STAGES.items():
            if name in calls:
                headline.row_shape.cache_clear()
                headline.is_credit.cache_clear()
                units._units_made.clear()  # noqa: SLF001 (the units were just made; their words stay read)
                run_again(partial(_call, *calls[name]))
    print(len(docs))


def inclusive_counts(annotated: str) -> dict[str, int]:
    """Inclusive instruction counts of the C functions named, from callgrind_annotate."""
    counts: dict[str, int] = {}
    wanted = {EXTRACTION, *(function for _, function in STAGES.values())}
    for line in annotated.splitlines():
        match = re.match(r"\s*([\d,]+) .*:(\w+) \[", line)
        if match and match[2] in wanted and match[2] not in counts:
            counts[match[2]] = int(match[1].replace(",", ""))
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--limit", type=int, default=30, help="pages to extract (30)")
    parser.add_argument("--keep", type=Path, help="keep callgrind's output in this file")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inside:
        measured_run(args.folder, args.limit)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        out = args.keep or Path(folder) / "callgrind.out"
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
        run = subprocess.run(
            [
                *command,
                sys.executable,
                __file__,
                args.folder,
                "--limit",
                str(args.limit),
                "--inside",
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
            check=False,
        )
        if run.returncode:
            print(f"callgrind run failed: {run.stderr[-500:]}", file=sys.stderr)
            return 1
        pages = int(run.stdout.split()[-1])
        annotated = subprocess.run(
            ["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(out)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    counts = inclusive_counts(annotated)
    print(f"{pages} pages of {args.folder}: million instructions per page")
    print(f"  {'extraction':<22} {counts.get(EXTRACTION, 0) / pages / 1e6:7.2f}")
    for name, (_, function) in STAGES.items():
        if function in counts:
            print(f"  {name:<22} {counts[function] / pages / 1e6:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
