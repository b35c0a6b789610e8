"""The view's process up to its first paint of a briefing: `briefing` on the seeds in a
pseudo-terminal, ended the moment it writes the briefing's "Key facts" to the terminal.

```sh
python benchmarks/first_paint.py --runs 5                 # cold and warm: seconds and view CPU
python benchmarks/first_paint.py --warm --callgrind       # instructions of the view's process
python benchmarks/first_paint.py --warm --importtime      # python -X importtime of the view
```

A launch is cold (an empty cache: the early engine reads the pages while the view shows
its loading screen) or warm (the same cache again: the engine hands the cached briefing
over). The view's own process is measured, not the engine it forks: its CPU seconds
(`time.process_time` at the first paint, every thread of it) and, with `--callgrind`,
its instructions (valgrind's count for that process alone). Under callgrind a warm
launch waits for the engine's handover however long it takes (valgrind slows the engine
far past the half second the view waits for it), so it counts the path a warm launch
takes without valgrind.
"""

from __future__ import annotations

import argparse
import os
import pty
import re
import select
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Drawn only once a briefing is on screen (as in run.py's TUI launch).
CONTENT = "Key facts"
TIMEOUT_SECONDS = 120.0
COLUMNS, ROWS = 120, 40
# What callgrind's parts count, in order (see _CHILD's marks).
PHASES = ("before Textual", "Textual's import", "the view's modules", "the app to its paint")


# The program in the pseudo-terminal, importing nothing of its own before the program
# does (importing Textual here, first, would move its cost before the engine's fork): the
# modules it changes are changed as they are first imported. It ends at the first write
# to the terminal that draws a briefing, saying its CPU seconds (every thread) on fd RESULT.
_CHILD = """
import os, sys, time
RESULT, CONTENT, PROFILE, PHASES = int(sys.argv[1]), sys.argv[2], sys.argv[4], sys.argv[5]
WAIT = float(sys.argv[3])
if PROFILE:
    import cProfile
    profiler = cProfile.Profile()
    profiler.enable()

def on_driver(module):
    write = module.LinuxDriver.write
    def watched(self, data):
        write(self, data)
        if CONTENT in data:
            if PROFILE:
                profiler.disable()
                profiler.dump_stats(PROFILE)
            os.write(RESULT, f"{time.process_time()}\\n".encode())
            os._exit(0)
    module.LinuxDriver.write = watched

def on_app(module):
    if WAIT:
        module.FIRST_SCREEN_WAIT_SECONDS = WAIT

# Phases for callgrind's --dump-before=os_getppid: a count dumped as Textual's import
# starts, once textual.app and once briefing.tui.app are imported.
mark = os.getppid if PHASES else lambda: None

class PatchOnImport:
    before = {"textual": mark}
    after = {"textual.drivers.linux_driver": on_driver, "briefing.tui.app": on_app,
             "textual.app": lambda module: mark()}
    def find_spec(self, name, path, target=None):
        if name in self.before:
            self.before.pop(name)()
        patch = self.after.pop(name, None)
        if patch is None:
            return None
        sys.meta_path.remove(self)
        import importlib.util
        spec = importlib.util.find_spec(name)
        sys.meta_path.insert(0, self)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            patch(module)
            if name == "briefing.tui.app":
                mark()
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, PatchOnImport())
sys.argv[:] = ["briefing"]
from briefing.cli import main
sys.exit(main())
"""


def launch(
    cache_home: Path,
    *,
    content: str = CONTENT,
    callgrind: Path | None = None,
    importtime: bool = False,
    profile: Path | None = None,
    wait_for_engine: bool = False,
) -> dict:
    """One launch in a fresh pseudo-terminal; its figures (and the callgrind file's
    instructions when asked)."""
    reader, writer = os.pipe()
    os.set_inheritable(writer, True)
    argv = [sys.executable]
    if importtime:
        argv += ["-X", "importtime"]
    wait = TIMEOUT_SECONDS if wait_for_engine else 0
    phases = "1" if callgrind else ""
    argv += ["-c", _CHILD, str(writer), content, str(wait), str(profile or ""), phases]
    if callgrind is not None:
        argv = ["valgrind", "--tool=callgrind", "--dump-before=os_getppid",
                f"--callgrind-out-file={callgrind}.%p", *argv]  # fmt: skip
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(cache_home),
        "XDG_CONFIG_HOME": str(cache_home / "config"),
        "PYTHONPATH": str(ROOT),
        "COLUMNS": str(COLUMNS),
        "LINES": str(ROWS),
        "TERM": "xterm-256color",
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    pid, terminal = pty.fork()
    if pid == 0:
        os.close(reader)
        # `python -c` looks for modules in its working folder first: in another checkout
        # it would measure that one's package.
        os.chdir(ROOT)
        os.execvpe(argv[0], argv, env)
    os.close(writer)
    _set_size(terminal)
    stderr = bytearray()
    deadline = time.monotonic() + TIMEOUT_SECONDS * (20 if callgrind else 1)
    result = b""
    while b"\n" not in result and time.monotonic() < deadline:
        ready, _, _ = select.select([reader, terminal], [], [], 1.0)
        if reader in ready:
            chunk = os.read(reader, 4096)
            if not chunk:
                break
            result += chunk
        if terminal in ready:
            try:
                stderr += os.read(terminal, 1 << 16)
            except OSError:
                break
    os.close(reader)
    os.waitpid(pid, 0)
    os.close(terminal)
    if b"\n" not in result:
        tail = stderr[-2000:].decode(errors="replace")
        raise RuntimeError(f"no briefing painted; the terminal's last output:\n{tail}")
    figures = {"cpu": float(result), "seconds": time.perf_counter() - started}
    if importtime:
        figures["importtime"] = stderr.decode(errors="replace")
    if callgrind is not None:
        # The view's own file (valgrind writes one per process: the engine's too).
        parts = sorted(
            callgrind.parent.glob(f"{callgrind.name}.{pid}*"),
            key=lambda part: int(part.name.rpartition(f".{pid}")[2].lstrip(".") or 1 << 30),
        )
        figures["phases"] = [_instructions(part) for part in parts]
        figures["instructions"] = sum(figures["phases"])
    return figures


def _set_size(terminal: int) -> None:
    import fcntl
    import struct
    import termios

    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))


def _instructions(path: Path) -> int:
    text = path.read_text(errors="replace")
    found = re.search(r"^(?:summary|totals):\s+(\d+)", text, re.M)
    if found is None:
        raise RuntimeError(f"no instruction total in {path}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cold", action="store_true", help="cold launches only")
    parser.add_argument("--warm", action="store_true", help="warm launches only")
    parser.add_argument("--runs", type=int, default=3, help="launches of each kind (default 3)")
    parser.add_argument(
        "--callgrind", action="store_true", help="count the view's instructions (one launch)"
    )
    parser.add_argument(
        "--importtime", metavar="FILE", help="write python -X importtime of a launch to FILE"
    )
    parser.add_argument(
        "--profile", metavar="FILE", help="write a cProfile of the view's main thread to FILE"
    )
    parser.add_argument(
        "--until",
        default=CONTENT,
        metavar="TEXT",
        help=f"end at the first paint of TEXT (default {CONTENT!r}: the briefing; "
        "'Step' ends a cold launch at its loading screen)",
    )
    args = parser.parse_args()
    kinds = [k for k, asked in (("cold", args.cold), ("warm", args.warm)) if asked]
    kinds = kinds or ["cold", "warm"]
    with tempfile.TemporaryDirectory(prefix="first-paint-") as folder:
        work = Path(folder)
        launch(work / "bytecode")  # untimed: every module a launch loads compiled
        figures: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
        runs = 1 if args.callgrind or args.importtime or args.profile else args.runs
        for n in range(runs):
            cache_home = work / f"cache-{n}"
            if "cold" not in kinds:
                launch(cache_home)  # untimed: the cache a warm launch finds
            for kind in kinds:
                measured = launch(
                    cache_home,
                    content=args.until,
                    callgrind=work / f"callgrind-{kind}-{n}" if args.callgrind else None,
                    importtime=bool(args.importtime),
                    profile=Path(f"{args.profile}.{kind}") if args.profile else None,
                    wait_for_engine=kind == "warm" and args.callgrind,
                )
                figures[kind].append(measured)
                if args.importtime:
                    Path(f"{args.importtime}.{kind}").write_text(measured["importtime"])
        for kind, runs_of_kind in figures.items():
            seconds = statistics.median(r["seconds"] for r in runs_of_kind)
            cpu = statistics.median(r["cpu"] for r in runs_of_kind)
            line = (
                f"{kind}: first paint {seconds:.3f} s, view CPU {cpu:.3f} s "
                f"(median of {len(runs_of_kind)})"
            )
            if args.callgrind:
                measured = runs_of_kind[0]
                line += f", view instructions {measured['instructions'] / 1e6:,.1f} M"
                phases = ", ".join(
                    f"{name} {count / 1e6:,.1f} M"
                    for name, count in zip(PHASES, measured["phases"], strict=False)
                )
                line += f" ({phases})"
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
