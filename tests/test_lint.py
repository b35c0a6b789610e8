"""The tree passes ruff's lint and format checks (ruff comes with the test extras)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "briefing", "tests", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_ruff_check() -> None:
    result = _ruff("check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = _ruff("format", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
