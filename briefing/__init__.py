"""briefing: terminal news briefings, per actor, every line traced to its source."""

import os

from briefing.precompiled import read_precompiled, serve_precompiled

# One BLAS thread, unless the user asks for more (read once, when numpy is first
# imported): the matrices here are small (a pane's summary ranks a few dozen sentences),
# and waking and syncing BLAS threads for each product took 5x the CPU of the products.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

# Before any of the package's dataclasses or patterns is defined: compiled when the
# package was built (see `briefing.precompiled`).
serve_precompiled(read_precompiled())

__version__ = "0.1.0"
