"""What starting up imports: each start path loads only what it uses (the costs were measured
with `python -X importtime` and benchmarks/run.py; these guard that they stay away)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from briefing.annotate.sentences import SentenceTokenizer
from briefing.resources import seed_paths
from briefing.summarizers import lex_rank
from briefing.summarizers.words import Document, english_rules

# Loaded only by a cold run: tagging, annotation, extraction's vocabulary, corroboration,
# the date resolver and the worker pool.
ENGINE = (
    "briefing.annotate.actors",
    "briefing.annotate.phrase_index",
    "briefing.annotate.coreference",
    "briefing.annotate.sentences",
    "briefing.annotate.dates",
    "briefing.extract.vocabulary",
    "briefing.corroborate",
    "briefing.model.index",
    "concurrent.futures.process",
)
# Never worth their import on the seeds: the stemmer package's 29 pure-Python languages,
# the charset detector (the seeds are UTF-8), scipy and the numpy submodules its
# array-API layer pulls in.
NEVER_ON_THE_SEEDS = (
    "snowballstemmer",
    "charset_normalizer",
    "scipy",
    "numpy.f2py",
    "numpy.ma",
    "numpy.random",
    "numpy.testing",
)


def _imported(code: str, cache_home: Path, watched: tuple[str, ...]) -> list[str]:
    """The watched modules a fresh interpreter has imported after running `code`."""
    script = f"import sys\n{code}\nprint(' '.join(m for m in {watched!r} if m in sys.modules))\n"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    run = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    return run.stdout.split()


BUILD = "from briefing.pipeline import build_briefing\nbuild_briefing([])"


def test_a_warm_start_imports_none_of_the_engine(tmp_path: Path) -> None:
    watched = ENGINE + NEVER_ON_THE_SEEDS
    cold = _imported(BUILD, tmp_path, watched)
    # The guard can fail: the cold run does import the engine.
    assert {
        "briefing.annotate.actors",
        "briefing.extract.vocabulary",
        "briefing.annotate.dates",
    } <= set(cold)
    assert _imported(BUILD, tmp_path, watched) == []


def test_a_warm_dump_imports_no_logging_and_no_difflib(tmp_path: Path) -> None:
    # The logging package (a late warning's way when nobody listens) and difflib (a broken
    # profile's suggestion) were a few per cent of a warm dump of 1,000 articles.
    code = "from briefing.cli import main\nmain(['dump', '-o', {out!r}])"
    watched = ("logging", "difflib")
    cold = code.format(out=str(tmp_path / "cold.txt"))
    assert "logging" in _imported(cold, tmp_path, watched)  # the guard can fail
    assert _imported(code.format(out=str(tmp_path / "warm.txt")), tmp_path, watched) == []


def test_a_cold_run_on_the_seeds_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    code = (
        "from briefing.options import BriefingOptions\n"
        "from briefing.pipeline import build_briefing\n"
        "build_briefing([], BriefingOptions(use_cache=False))"
    )
    assert _imported(code, tmp_path, NEVER_ON_THE_SEEDS + ("concurrent.futures.process",)) == []


def test_the_view_starts_without_the_engine(tmp_path: Path) -> None:
    watched = ENGINE + NEVER_ON_THE_SEEDS + ("numpy", "briefing.pipeline")
    assert _imported("import briefing.tui.app", tmp_path, watched) == []


@pytest.mark.parametrize("size", [10, 17, 40, 64])  # the seeds have 64 sentences
def test_lex_rank_on_dense_arrays_rates_as_on_sparse_matrices(
    size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in seed_paths())
    texts = SentenceTokenizer().to_sentences(seeds)[:size]
    assert len(texts) == size <= lex_rank.DENSE_SENTENCES
    document = Document(texts, tuple(SentenceTokenizer().to_words(t) for t in texts))
    dense = lex_rank.scores(document, 5, english_rules())
    monkeypatch.setattr(lex_rank, "DENSE_SENTENCES", 0)
    sparse = lex_rank.scores(document, 5, english_rules())
    assert len(set(np.round(dense, 6))) > size // 2  # sentences rated apart, not all tied
    # Equal after the rounding that ranking applies (summation order differs at most).
    np.testing.assert_array_equal(np.round(dense, 12), np.round(sparse, 12))


def test_a_short_lex_rank_summary_imports_no_scipy(tmp_path: Path) -> None:
    code = (
        "from briefing.summarize import select_sentences\n"
        "texts = ['Rebels took Homs today.', 'Rebels took Hama.', 'Snow fell in Oslo.',\n"
        "         'Rebels marched on Damascus.', 'Snow fell in Homs too.']\n"
        "assert select_sentences(texts, 'lex-rank', 2)"
    )
    assert _imported(code, tmp_path, ("scipy", "scipy.sparse")) == []


def test_the_view_imports_no_more_than_its_first_screen_needs(tmp_path: Path) -> None:
    # Reloading, failing, exporting and the sources table load their modules when used;
    # the cache and the pipeline only if the early engine did not hand a briefing over.
    watched = (
        "briefing.tui.reload",
        "briefing.ingest",
        "briefing.render.output",
        "briefing.tui.screens.failure",
        "textual.widgets._data_table",
        "briefing.cache",
    )
    assert _imported("import briefing.tui.app", tmp_path, watched) == []
    # The guard can fail: the views that use them do import them.
    everything = "import briefing.tui.sections, briefing.tui.reload, briefing.render.output"
    assert _imported(everything, tmp_path, watched) == list(watched[:5])


def test_the_palette_s_entries_load_when_it_first_opens(tmp_path: Path) -> None:
    watched = ("briefing.tui.commands",)
    assert _imported("import briefing.tui.app", tmp_path, watched) == []
    # The guard can fail: the palette asks Textual for its providers, which loads them.
    asked = "from briefing.tui.app import BriefingApp\n[p() for p in BriefingApp.COMMANDS]"
    assert _imported(asked, tmp_path, watched) == list(watched)


def test_the_view_starts_without_json(tmp_path: Path) -> None:
    # Only saving a setting writes JSON literals; the view's start reads TOML alone.
    start = "import briefing.cli, briefing.tui.app, briefing.tui.config, briefing.tui.engine"
    assert _imported(start, tmp_path, ("json",)) == []
    # The guard can fail: saving does import it.
    save = f"{start}\nbriefing.tui.config.save_theme('nord')"
    env_home = f"import os; os.environ['XDG_CONFIG_HOME'] = {str(tmp_path / 'config')!r}"
    assert _imported(f"{env_home}\n{save}", tmp_path, ("json",)) == ["json"]


def test_the_view_and_the_dumps_import_only_the_renderers_they_use(tmp_path: Path) -> None:
    # Each format's renderer loads when it is chosen; the view words its lines with the
    # dumps' wording and renders only when exporting.
    renderers = (
        "briefing.render.formats",
        "briefing.render.text",
        "briefing.render.markdown",
        "briefing.render.schema",
        "briefing.render.json_text",
    )
    assert _imported("import briefing.tui.app", tmp_path, renderers) == []
    code = "from briefing.cli import main\nmain(['dump', '-o', {out!r}])"
    text = _imported(code.format(out=str(tmp_path / "brief.txt")), tmp_path, renderers)
    assert text == ["briefing.render.formats", "briefing.render.text"]
    markdown = _imported(code.format(out=str(tmp_path / "brief.md")), tmp_path, renderers)
    assert markdown == ["briefing.render.formats", "briefing.render.markdown"]


def test_the_view_imports_asyncio_without_ssl_and_ssl_stays_importable(tmp_path: Path) -> None:
    # OpenSSL's set-up was 28 M instructions of a warm launch's 1,000 M; the view opens no
    # connection. A reload's engine (urllib3 through trafilatura) may still import ssl.
    code = (
        "from briefing.cli import _import_asyncio_without_ssl\n"
        "_import_asyncio_without_ssl()\n"
        "import asyncio.base_events, asyncio.sslproto\n"
        "assert asyncio.base_events.ssl is None and asyncio.sslproto.ssl is None\n"
        "assert 'ssl' not in sys.modules\n"
        "import ssl\n"
        "assert ssl.SSLContext\n"
    )
    assert _imported(code, tmp_path, ("asyncio", "ssl")) == ["asyncio", "ssl"]
