"""numpy's BLAS runs on one thread in a briefing process unless the user asks for more:
its products are small, and waking more threads costs more than they compute."""

from __future__ import annotations

import os
import subprocess
import sys

# What OpenBLAS reads when numpy loads it, after the package is imported.
_THREADS = "import os, briefing, numpy; print(os.environ['OPENBLAS_NUM_THREADS'])"


def _threads(env: dict[str, str]) -> str:
    run = subprocess.run(
        [sys.executable, "-c", _THREADS], capture_output=True, text=True, env=env, check=True
    )
    return run.stdout.strip()


def test_blas_runs_on_one_thread_by_default() -> None:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    assert _threads(env) == "1"


def test_a_users_blas_threads_are_kept() -> None:
    assert _threads({**os.environ, "OPENBLAS_NUM_THREADS": "4"}) == "4"
