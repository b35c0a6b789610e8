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

`--functions module:function,...` (or `module:Class.method`; up to 12) counts named Python
functions instead of the stages: each is wrapped, wherever the package's modules bind it, so
that every call extraction makes of it runs inside a C function of its own, and that function's
inclusive count is the named one's cost, calls inside it included (a function asked many times
a page, `lower_words`, carries its wrapper's ~1 K instructions a call). Callgrind cannot name
Python functions otherwise: its own report of a Python program is the interpreter's C.

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

Where a distinct page's instructions go (2026-11-28, perf27, after the site control read once
per unit; `--functions`, the distinct 1,000's first 30 pages, 42.1 M a page with the wrappers,
41.5 M without): `_new_units` 9.7 (the hint screens `rows_holding` 1.1, capitals 0.65, folding
0.6, shadows 0.34, caption and credit tests 0.67, date tests 0.54; the row loop itself ~5),
`headline_columns` 7.9 (`row_shape` 1.4, `_echoes` 1.5 with the call under the first paragraph,
`_name_overlaps` 0.8, `_crumb_tails` 0.7, the header-row tests ~1.6), the classifier 4.9
(`tree_probabilities` 2.3 for its two passes, `unit_matrix` 1.3), the date 3.45 (`_row_dates`
1.3, `candidate_features` 1.0), the outlet 3.4 (`_is_writer` 0.9 and `_brand_over` 0.9, each
run on few pages at ~3-4 M a call), the page's words and language ~2.6 (`detect_language`
1.0), `lines_to_units` 1.7, `learned_outlet` 0.8. No function is a tenth of a page: a page
costs ~340 K instructions a row (122 rows a page), spread over the passes; in callgrind's C
view the regular-expression engine is ~15% (no pattern above a tenth of that) and the
interpreter's loop ~15%. A quarter less a page will not come from one pass.
Tried and left out (perf27, this script): `_is_writer`'s rows screened in C by the opener a
byline needs (`opener` of the stripped row in the byline words' openers): 0.91 -> 0.80 M a
page, the openers' 15 letters pass most rows. `_echoes`' scan of the short rows shared by its
two calls a page through one index of their words: the index costs what both scans do (by
CPU time on 100 pages: 0.22 ms a page against 2 x 0.13 ms).
"""

from __future__ import annotations

import argparse
import importlib
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
from operator import methodcaller
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


def _returning(run: Callable[[Callable[[], Any]], None]) -> Callable[[Callable[[], Any]], Any]:
    """A stage's runner that gives back what the work returned."""

    def run_returning(work: Callable[[], Any]) -> Any:
        box: list[Any] = []
        run(lambda: box.append(work()))
        return box[0]

    return run_returning


def _cycle(work: Callable[[], Any]) -> Any:
    return next(cycle(work() for _ in (0,)))


def _tee(work: Callable[[], Any]) -> Any:
    return next(tee(work() for _ in (0,))[0])


def _methodcaller(work: Callable[[], Any]) -> Any:
    return methodcaller("__call__")(work)


# With --functions the stages are not run again: their runners (and three more C functions
# extraction never calls) each hold one function named, every time extraction calls it.
FUNCTION_RUNNERS: list[tuple[Callable[[Callable[[], Any]], Any], str]] = [
    *((_returning(run), function) for run, function in STAGES.values()),
    (_cycle, "cycle_next"),
    (_tee, "tee_next"),
    (_methodcaller, "methodcaller_call"),
]


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


def _hold_functions(names: Sequence[str]) -> None:
    """Make every call of each named function ("module:function" or "module:Class.method")
    run inside the C function of its runner (FUNCTION_RUNNERS, in order), wherever the
    package's modules bind it."""
    modules = [module for name, module in sys.modules.items() if name.startswith("briefing")]
    for name, (runner, _) in zip(names, FUNCTION_RUNNERS, strict=False):
        module_name, _, attribute = name.partition(":")
        owner: Any = importlib.import_module(module_name)
        if "." in attribute:
            class_name, attribute = attribute.split(".")
            owner = getattr(owner, class_name)
        work = getattr(owner, attribute)

        def held(*args: Any, _work: Any = work, _runner: Any = runner, **kwargs: Any) -> Any:
            return _runner(lambda: _work(*args, **kwargs))

        if hasattr(work, "cache_clear"):  # (the memos forget_pages empties)
            held.cache_clear = work.cache_clear  # type: ignore[attr-defined]
        if isinstance(owner, type):
            setattr(owner, attribute, held)
            continue
        for module in modules:
            if getattr(module, attribute, None) is work:
                setattr(module, attribute, held)


def measured_run(folder: str, limit: int, functions: Sequence[str] = ()) -> None:
    """The work callgrind watches."""
    docs, _ = read_documents([folder])
    docs = docs[:limit]
    for doc in docs:  # warm as a worker is (imports, patterns, dateparser's languages)
        extract_article(doc.text, doc.path, doc.media)
    if functions:
        _hold_functions(functions)
        for doc in docs:
            forget_pages()
            _parse_date.cache_clear()
            operator.call(extract_article, doc.text, doc.path, doc.media)
        print(len(docs))
        return
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
    wanted = {EXTRACTION, *(function for _, function in FUNCTION_RUNNERS)}
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
    parser.add_argument(
        "--functions",
        default="",
        help=f"instead of the stages, these functions' inclusive counts (at most "
        f"{len(FUNCTION_RUNNERS)}, comma-separated, module:function or module:Class.method)",
    )
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    functions = [name for name in args.functions.split(",") if name]
    if len(functions) > len(FUNCTION_RUNNERS):
        parser.error(f"at most {len(FUNCTION_RUNNERS)} functions")
    if args.inside:
        measured_run(args.folder, args.limit, functions)
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
                "--functions",
                args.functions,
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
    width = max([22, *map(len, functions)])
    print(f"  {'extraction':<{width}} {counts.get(EXTRACTION, 0) / pages / 1e6:7.2f}")
    named = zip(functions, FUNCTION_RUNNERS, strict=False) if functions else STAGES.items()
    for name, (_, function) in named:
        if function in counts:
            print(f"  {name:<{width}} {counts[function] / pages / 1e6:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
