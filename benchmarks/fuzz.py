"""Fuzz the whole engine: generated inputs through `build_briefing` and every renderer.

    python benchmarks/fuzz.py                      # 10,000 inputs, seed 0
    python benchmarks/fuzz.py --count 200 --seed 7 --time-limit 20
    python benchmarks/fuzz.py --shapes             # time `briefing dump` on 1 MB shapes

Inputs are mutated real pages (../shared and the bundled seeds), random bytes, random
Unicode, markup and escape sequences, generated HTML, and adversarial shapes (a segment
repeated thousands of times, long runs of one character, deep nesting), under hostile
file names now and then. Each input runs in a worker process with a time limit, so a
hang is counted, not waited for. Reported per input kind:

- crash: any exception other than the "no readable article" message;
- hang: no answer within the time limit (the worker is killed and replaced);
- control bytes: an escape sequence, control character or bidi override in any
  rendering (text, Markdown, JSON values) or in the problems shown on stderr.

The figures printed at the end are the ones quoted; any crash, hang or control byte
is listed with its kind, seed and index, so `--only INDEX` replays it.

`--shapes` instead times the whole `briefing dump` command (a fresh process, no cache) on
inputs of one size (1 MB unless `--shape-size`) in the shapes that made stages superlinear:
tiny sentences, one huge paragraph, many short lines, runs of one character, many small
articles, deep and wide HTML, an unbroken CJK paragraph. It prints wall and CPU seconds
per shape (CPU: the dump and its workers; the figure a busy machine moves least).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
UNSAFE = frozenset(
    [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]
    + list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
HOSTILE_SNIPPETS = (
    "\x1b[2J",
    "\x1b]52;c;SGVsbG8=\x07",
    "\x1b]0;pwned\x07",
    "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\",
    "\x9b31m",
    "\x1bP+q\x1b\\",
    "\u202eevil\u202c",
    "\u2066x\u2069",
    "\ufeff",
    "\x00",
    "\x07",
    "\x0b",
    "\x0c",
    "\r",
    "\u2028",
    "\u2029",
    "\x85",
    "[bold]",
    "[/]",
    "[@click=app.quit]q[/]",
    "[link=file:///etc/passwd]x[/link]",
    "$variable",
    "**bold** _em_ `code`",
    "# heading",
    "<script>alert(1)</script>",
    "&#x1b;",
    "&#7;",
    "&#27;[2J",
    "&#x202e;",
    "&#0;",
    "&#99999999;",
    "&amp;",
    "By Jane Doe, Reuters",
    "December 6, 2024",
    " date 2024-12-06",
    "© 2024 Owner Inc",
    "BEIRUT (Reuters) - ",
)
ADVERSARIAL_SEGMENTS = (
    "Aal-",
    "the. A ",
    ".",
    ". ",
    " ",
    "\t",
    "a.",
    "A",
    "Inc ",
    "[",
    "(",
    "©",
    "2024 ",
    "\x0b ",
    "…",
    "?!",
    "U.S. ",
    "By ",
    "'s",
    "-",
    "<div>",
    "&#",
    "\x1b[",
    "Jane Doe, ",
)
HOSTILE_NAMES = ("a\nbriefing: error: forged.txt", "evil\x1b[2J.txt", "\u202etxt.html", "x y.txt")
KINDS = ("mutated page", "random bytes", "random unicode", "markup", "html", "adversarial")


@dataclass(frozen=True)
class FuzzInput:
    index: int
    kind: str
    name: str
    data: bytes


# --- generation ---------------------------------------------------------------------------


def real_pages(limit: int = 400) -> list[bytes]:
    """Page dumps to mutate: a spread sample of the shared sets, and the bundled seeds."""
    from briefing.resources import seed_paths

    paths = [p for p in seed_paths()]
    for folder in ("extraction-dev/pages", "extraction-segments/pages", "dates-dev/pages"):
        found = sorted((SHARED / folder).glob("*.txt"))
        paths += found[:: max(1, len(found) // (limit // 3))]
    return [p.read_bytes() for p in paths]


def generate(seed: int, index: int, pages: list[bytes]) -> FuzzInput:
    """Input number `index` of the run with `seed`: the same every time."""
    rng = random.Random(f"{seed}:{index}")
    kind = KINDS[index % len(KINDS)]
    data = _GENERATORS[kind](rng, pages)
    suffix = (
        ".html" if kind == "html" or (data.lstrip()[:1] == b"<" and rng.random() < 0.5) else ".txt"
    )
    name = rng.choice(HOSTILE_NAMES) if rng.random() < 0.05 else f"input{index}{suffix}"
    if not name.endswith((".txt", ".html")):
        name += suffix
    return FuzzInput(index, kind, name, data)


def _mutated_page(rng: random.Random, pages: list[bytes]) -> bytes:
    data = bytearray(rng.choice(pages))
    for _ in range(rng.randint(1, 8)):
        mutation = rng.randrange(8)
        at = rng.randrange(len(data) + 1)
        if mutation == 0 and data:  # flip bytes
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif mutation == 1:  # hostile snippet
            data[at:at] = rng.choice(HOSTILE_SNIPPETS).encode("utf-8", "surrogatepass")
        elif mutation == 2:  # a long run of one character or segment
            data[at:at] = rng.choice(ADVERSARIAL_SEGMENTS).encode() * rng.randint(10, 5000)
        elif mutation == 3 and data:  # truncate
            del data[rng.randrange(len(data)) :]
        elif mutation == 4 and data:  # repeat a region
            start = rng.randrange(len(data))
            data[at:at] = data[start : start + rng.randint(1, 400)] * rng.randint(2, 50)
        elif mutation == 5:  # random bytes
            data[at:at] = rng.randbytes(rng.randint(1, 64))
        elif mutation == 6 and data:  # drop line breaks or blank lines
            data = bytearray(bytes(data).replace(b"\n\n", b"\n", rng.randint(1, 50)))
        elif mutation == 7:  # re-encode
            text = bytes(data).decode("utf-8", "replace")
            encoding = rng.choice(("utf-16-le", "utf-16-be", "utf-16", "cp1252", "latin-1"))
            data = bytearray(text.encode(encoding, "replace"))
    return bytes(data)


def _random_bytes(rng: random.Random, pages: list[bytes]) -> bytes:
    return rng.randbytes(rng.choice((1, 16, 256, 4096, 65536)))


def _random_unicode(rng: random.Random, pages: list[bytes]) -> bytes:
    ranges = (
        (0x20, 0x7F), (0x00, 0x20), (0x80, 0x250), (0x600, 0x700), (0x4E00, 0x4F00),
        (0x2000, 0x2070), (0xD800, 0xE000), (0x1F300, 0x1F400), (0xFFF0, 0x10000),
    )  # fmt: skip
    chars = []
    for _ in range(rng.choice((10, 200, 3000, 30000))):
        low, high = rng.choice(ranges)
        chars.append(chr(rng.randrange(low, high)))
    encoding = rng.choice(("utf-8", "utf-8", "utf-16", "utf-16-le", "utf-32", "gb18030"))
    return "".join(chars).encode(
        encoding, "surrogatepass" if encoding.startswith("utf") else "replace"
    )


def _markup(rng: random.Random, pages: list[bytes]) -> bytes:
    words = "Assad rebels said on Friday Damascus the talks Turkey Iran officials city".split()
    parts = []
    for _ in range(rng.randint(5, 400)):
        roll = rng.random()
        if roll < 0.3:
            parts.append(rng.choice(HOSTILE_SNIPPETS))
        elif roll < 0.4:
            parts.append("\n\n" if rng.random() < 0.5 else "\n")
        else:
            parts.append(" ".join(rng.choices(words, k=rng.randint(1, 12))) + rng.choice(". ,;!?"))
    return "".join(parts).encode("utf-8", "surrogatepass")


def _html(rng: random.Random, pages: list[bytes]) -> bytes:
    text = rng.choice(pages).decode("utf-8", "replace")
    paragraphs = [p for p in text.split("\n") if p.strip()][: rng.randint(1, 80)]
    tags = ("p", "div", "span", "article", "section", "li", "td", "h1", "h2", "b", "a", "script")
    charset = rng.choice(("utf-8", "undefined", "latin-1", "utf-16", "x-nonsense", "rot13", "hex"))
    body = []
    for paragraph in paragraphs:
        if rng.random() < 0.2:
            paragraph += rng.choice(HOSTILE_SNIPPETS)
        depth = rng.choice((1, 1, 2, 5, 50))
        opened = [rng.choice(tags) for _ in range(depth)]
        close = opened if rng.random() < 0.9 else opened[: rng.randrange(depth)]
        body.append(
            "".join(f"<{t}>" for t in opened)
            + paragraph
            + "".join(f"</{t}>" for t in reversed(close))
        )
    if rng.random() < 0.1:
        body.append("<div>" * rng.randint(100, 3000) + "deep" + "</div>" * rng.randint(0, 3000))
    title = paragraphs[0] if paragraphs else ""
    page = (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head>'
        f"<body>{''.join(body)}</body></html>"
    )
    data = page.encode("utf-8", "surrogatepass")
    if rng.random() < 0.2:  # a byte that is not UTF-8
        at = rng.randrange(len(data))
        data = data[:at] + bytes([rng.randrange(0x80, 0x100)]) + data[at:]
    return data


def _adversarial(rng: random.Random, pages: list[bytes]) -> bytes:
    segment = rng.choice(ADVERSARIAL_SEGMENTS)
    count = rng.choice((10, 100, 1000, 20_000, 100_000)) // max(1, len(segment))
    shape = rng.randrange(4)
    body = "Officials said on Friday that the talks would resume next week in the capital.\n\n"
    if shape == 0:
        text = segment * count
    elif shape == 1:
        text = f"A headline about the talks\n\n{segment * count}!\n\n{body * 3}"
    elif shape == 2:
        nested = f"{'(' * count}{segment * count}{')' * count}"
        text = f"A headline about the talks\n\n{body}{nested}\n\n{body}"
    else:
        text = "\n".join(segment * rng.randint(1, 50) for _ in range(count // 10 + 1))
    return text.encode("utf-8", "surrogatepass")


_GENERATORS: dict[str, Callable[[random.Random, list[bytes]], bytes]] = {
    "mutated page": _mutated_page,
    "random bytes": _random_bytes,
    "random unicode": _random_unicode,
    "markup": _markup,
    "html": _html,
    "adversarial": _adversarial,
}


# --- checking one input -------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    status: str  # "ok" | "no article" | "crash" | "control bytes" | "hang"
    detail: str
    seconds: float


def check(item: FuzzInput, folder: Path) -> Outcome:
    """Brief one input and render it every way; what went wrong, if anything."""
    from briefing.errors import BriefingError
    from briefing.options import BriefingOptions
    from briefing.pipeline import build_briefing
    from briefing.render import FORMATS, render

    path = folder / item.name
    path.write_bytes(item.data)
    start = time.perf_counter()
    try:
        try:
            briefing = build_briefing([str(path)], BriefingOptions(use_cache=False))
        except BriefingError as error:
            leaked = _unsafe_in(str(error))
            status = "control bytes" if leaked else "no article"
            return Outcome(status, leaked or str(error)[:120], time.perf_counter() - start)
        shown = [*briefing.problems]
        for fmt in FORMATS:
            rendered = render(briefing, fmt, 80)
            shown.append(rendered)
            if fmt == "json":
                shown.extend(_json_strings(json.loads(rendered)))
        leaked = next((found for text in shown if (found := _unsafe_in(text))), "")
        status = "control bytes" if leaked else "ok"
        return Outcome(status, leaked, time.perf_counter() - start)
    except Exception:  # noqa: BLE001  (what the fuzzer is looking for)
        return Outcome("crash", traceback.format_exc(limit=-3)[-600:], time.perf_counter() - start)
    finally:
        path.unlink(missing_ok=True)


def _unsafe_in(text: str) -> str:
    """The first unsafe character in `text` with a little context, or ""."""
    for position, char in enumerate(text):
        if char in UNSAFE:
            return f"U+{ord(char):04X} in {text[max(0, position - 30) : position + 30]!r}"
    return ""


def _json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


# --- running ------------------------------------------------------------------------------


def _worker(connection: Connection) -> None:
    from briefing.resources import seed_paths

    with tempfile.TemporaryDirectory(prefix="briefing-fuzz-") as folder:
        # Warm up first (imports of the summarizers take seconds): the time limit is the
        # input's own.
        seed = seed_paths()[0]
        check(FuzzInput(-1, "warm-up", seed.name, seed.read_bytes()), Path(folder))
        connection.send("ready")
        while True:
            item = connection.recv()
            if item is None:
                return
            connection.send(check(item, Path(folder)))


_WARM_UP_SECONDS = 300


class Runner:
    """One worker process at a time; replaced when an input hangs it."""

    def __init__(self, time_limit: float) -> None:
        self.time_limit = time_limit
        self.context = multiprocessing.get_context("fork")
        self._start()

    def _start(self) -> None:
        self.connection, child = self.context.Pipe()
        self.process = self.context.Process(target=_worker, args=(child,), daemon=True)
        self.process.start()
        child.close()
        if not self.connection.poll(_WARM_UP_SECONDS) or self.connection.recv() != "ready":
            raise RuntimeError("the fuzz worker did not start")

    def run(self, item: FuzzInput) -> Outcome:
        self.connection.send(item)
        if self.connection.poll(self.time_limit):
            try:
                return self.connection.recv()
            except EOFError:
                pass  # the worker died (a crash below Python: also a crash)
            self._restart()
            return Outcome("crash", "worker process died", 0.0)
        self._restart()
        return Outcome("hang", f"no answer within {self.time_limit:g} s", self.time_limit)

    def _restart(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()
        self._start()

    def close(self) -> None:
        self.connection.send(None)
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def fuzz(count: int, seed: int, time_limit: float, only: int | None = None) -> dict[str, Counter]:
    pages = real_pages()
    runner = Runner(time_limit)
    tally: dict[str, Counter] = defaultdict(Counter)
    slowest: list[tuple[float, int, str, int]] = []
    started = time.perf_counter()
    indexes = [only] if only is not None else range(count)
    try:
        for n, index in enumerate(indexes, start=1):
            item = generate(seed, index, pages)
            outcome = runner.run(item)
            tally[item.kind][outcome.status] += 1
            slowest.append((outcome.seconds, index, item.kind, len(item.data)))
            if outcome.status in ("crash", "hang", "control bytes"):
                where = f"seed {seed} index {index} ({item.kind}, {len(item.data):,} bytes"
                print(
                    f"{outcome.status.upper()}: {where}, name {item.name!r}): {outcome.detail}",
                    flush=True,
                )
            if n % 500 == 0:
                print(f"... {n:,} inputs, {time.perf_counter() - started:,.0f} s", flush=True)
    finally:
        runner.close()
    _report(
        tally, sorted(slowest, reverse=True)[:5], time.perf_counter() - started, seed, time_limit
    )
    return tally


def _report(
    tally: dict[str, Counter], slowest: list, seconds: float, seed: int, time_limit: float
) -> None:
    statuses = ("ok", "no article", "crash", "hang", "control bytes")
    print(f"\n{'input kind':<16}" + "".join(f"{s:>15}" for s in statuses) + f"{'total':>9}")
    total: Counter = Counter()
    for kind in KINDS:
        counts = tally.get(kind, Counter())
        total.update(counts)
        print(
            f"{kind:<16}"
            + "".join(f"{counts[s]:>15,}" for s in statuses)
            + f"{sum(counts.values()):>9,}"
        )
    print(
        f"{'all':<16}"
        + "".join(f"{total[s]:>15,}" for s in statuses)
        + f"{sum(total.values()):>9,}"
    )
    print(f"\nseed {seed}, per-input time limit {time_limit:g} s, {seconds:,.0f} s in all")
    print("slowest inputs: " + "; ".join(
        f"#{index} {kind} {size:,} bytes {secs:.2f} s" for secs, index, kind, size in slowest
    ))  # fmt: skip
    bad = total["crash"] + total["hang"] + total["control bytes"]
    print(f"crashes {total['crash']}, hangs {total['hang']}, control bytes out "
          f"{total['control bytes']} over {sum(total.values()):,} inputs: "
          f"{'PASS' if not bad else 'FAIL'}")  # fmt: skip


# --- 1 MB shapes through `briefing dump` -------------------------------------------------

_WORDS = "Assad rebels said on Friday Damascus the talks Turkey Iran officials city army".split()
_ACTORS = ("Officials", "The army", "Rebels", "Turkey", "Iran", "A spokesman", "Witnesses")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_PLACES = ("Damascus", "Aleppo", "Homs", "Hama", "the capital", "the border towns")
_PROSE = (
    "Officials said on Friday that the talks would resume next week in the capital, after "
    "a pause of several days in which rebels took two more towns. "
)


def _fill(unit: str, size: int) -> str:
    """`unit` repeated to about `size` UTF-8 bytes."""
    return unit * max(1, size // len(unit.encode()))


def _tiny_sentences(size: int) -> str:
    rng = random.Random(1)
    parts, length = ["A headline about many short sentences\n\n"], 0
    while length < size:
        parts.append(" ".join(rng.choices(_WORDS, k=3)).capitalize() + ". ")
        length += len(parts[-1])
    return "".join(parts)


def _small_articles(size: int) -> str:
    """Article-like chunks one after another: date marker, headline, byline, a short body
    of its own (a repeated one would be furniture), related links."""
    rng = random.Random(2)
    chunks, length = [], 0
    while length < size:
        body = " ".join(
            f"{rng.choice(_ACTORS)} said on {rng.choice(_DAYS)} that {rng.randint(2, 900)} "
            f"people had left {rng.choice(_PLACES)} since the talks began."
            for _ in range(3)
        )
        chunks.append(
            f" date 2024-12-{1 + len(chunks) % 28:02d}\nTalks resume in the capital\n\n"
            f"By Jane Doe, Reuters\n\n{body}\n\nRelated stories\nMore news\n\n"
        )
        length += len(chunks[-1])
    return "".join(chunks)


SHAPES: dict[str, Callable[[int], tuple[str, str]]] = {
    # name: size -> (file suffix, text)
    "tiny sentences": lambda n: (".txt", _tiny_sentences(n)),
    "one huge paragraph": lambda n: (".txt", "A headline about talks\n\n" + _fill(_PROSE, n)),
    "50k short lines": lambda n: (".txt", _fill("Talks resume.\n", n)),
    "run of 'a'": lambda n: (".txt", "a" * n),
    "run of dots": lambda n: (".txt", "Words " + "." * n + " end."),
    "run of spaces": lambda n: (".txt", "Words" + " " * n + "end."),
    "run of line breaks": lambda n: (".txt", "Words\n" + "\n" * n + "end."),
    "';/' lines with vertical tabs": lambda n: (".txt", _fill(";/\x0b;\n", n)),
    "many small articles": lambda n: (".txt", _small_articles(n)),
    "deep HTML nesting": lambda n: (
        ".html",
        "<html><body>" + "<div>" * (n // 11) + "deep" + "</div>" * (n // 11) + "</body></html>",
    ),
    "HTML with 100k tags": lambda n: (
        ".html",
        "<html><body>" + _fill("<p><b>Talks</b> resume.</p>", n) + "</body></html>",
    ),
    "CJK paragraph": lambda n: (
        ".txt",
        "会谈在首都恢复\n\n" + _fill("叙利亚反对派武装周五表示会谈将于下周在首都恢复", n),
    ),
}


def time_shapes(size: int, time_limit: float, only: str | None = None) -> int:
    """Time `briefing dump` on each shape; the number of shapes that failed or timed out."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    failures = 0
    print(f"{'shape (' + format(size, ',') + ' bytes)':<34}{'bytes':>11}{'wall s':>9}"
          f"{'cpu s':>9}  status")  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="briefing-shapes-") as folder:
        env["XDG_CACHE_HOME"] = folder
        for name, make in SHAPES.items():
            if only and only != name:
                continue
            suffix, text = make(size)
            path = Path(folder) / f"shape{suffix}"
            data = text.encode()
            path.write_bytes(data)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            command = [sys.executable, "-m", "briefing", "dump", "--no-cache", str(path)]
            try:
                done = subprocess.run(
                    command, env=env, capture_output=True, timeout=time_limit, check=False
                )
                status = f"exit {done.returncode}"
                failures += done.returncode not in (0, 3) or b"Traceback" in done.stderr
            except subprocess.TimeoutExpired:
                status = f"over {time_limit:g} s"
                failures += 1
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            print(f"{name:<34}{len(data):>11,}{wall:>9.1f}{cpu:>9.1f}  {status}", flush=True)
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="inputs (default 10,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--time-limit",
        type=float,
        help="seconds per input before it is a hang (default 30; with --shapes 300)",
    )
    parser.add_argument("--only", type=int, help="run this one input index (to replay a finding)")
    parser.add_argument(
        "--shapes", action="store_true", help="time `briefing dump` on large adversarial shapes"
    )
    parser.add_argument("--shape", help="only this shape (with --shapes)")
    parser.add_argument(
        "--shape-size", type=int, default=1_000_000, help="bytes per shape (default 1,000,000)"
    )
    args = parser.parse_args()
    if args.shapes:
        return 1 if time_shapes(args.shape_size, args.time_limit or 300.0, args.shape) else 0
    tally = fuzz(args.count, args.seed, args.time_limit or 30.0, args.only)
    bad = sum(c["crash"] + c["hang"] + c["control bytes"] for c in tally.values())
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
