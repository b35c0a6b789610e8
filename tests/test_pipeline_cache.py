"""The article cache behind build_briefing: same briefing warm or cold, bypassed on request."""

import asyncio
import json
import logging
import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from briefing import pipeline
from briefing.cache import default_path
from briefing.model import Briefing
from briefing.options import BriefingOptions
from briefing.pipeline import build_briefing
from briefing.resources import seed_paths


@pytest.fixture
def counted_extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = pipeline.extract_article

    def counting(text: str, path: str, media: str = "text"):
        seen.append(path)
        return real(text, path, media)

    monkeypatch.setattr(pipeline, "extract_article", counting)
    return seen


def test_warm_run_reads_the_cache_and_gives_the_same_briefing(counted_extractions) -> None:
    cold = build_briefing([], BriefingOptions())
    assert len(counted_extractions) == 2
    warm = build_briefing([], BriefingOptions())
    assert len(counted_extractions) == 2  # nothing extracted again
    assert warm == cold


def test_no_cache_extracts_every_time(counted_extractions) -> None:
    build_briefing([], BriefingOptions(use_cache=False))
    build_briefing([], BriefingOptions(use_cache=False))
    assert len(counted_extractions) == 4


def test_a_copy_under_another_name_is_a_hit_with_its_own_path(
    tmp_path: Path, counted_extractions
) -> None:
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(seed_paths()[0].read_bytes())
    build_briefing([str(seed_paths()[0])], BriefingOptions())
    briefing = build_briefing([str(copy)], BriefingOptions())
    assert len(counted_extractions) == 1
    assert briefing.articles[0].article.path == str(copy)
    assert briefing.articles[0].sentences[0].id == "a1.s1"


def test_a_broken_cache_file_is_a_warning_not_a_failure(tmp_path: Path, monkeypatch) -> None:
    cache_home = tmp_path / "cache"
    (cache_home / "briefing").mkdir(parents=True)
    (cache_home / "briefing" / "articles.sqlite3").write_bytes(b"not a database" * 100)
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    briefing = build_briefing([], BriefingOptions())
    assert len(briefing.articles) == 2
    assert any("article cache" in problem for problem in briefing.problems)


@pytest.mark.parametrize("jobs", [1, 2])
def test_articles_keep_their_text_when_the_cache_fails_while_storing_them(
    monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Processed pages hand their text over only in the cache's encoding: a cache that
    fails as the articles are stored leaves them their text, read from it."""
    import sqlite3

    from briefing.cache import ArticleCache

    def failing(self: ArticleCache, items: object) -> None:
        self._fail(sqlite3.OperationalError("database or disk is full"))

    uncached = build_briefing([], BriefingOptions(use_cache=False))
    monkeypatch.setattr(ArticleCache, "put_encoded", failing)
    briefing = build_briefing([], BriefingOptions(jobs=jobs))
    assert any("failed (database or disk is full)" in p for p in briefing.problems)
    assert briefing.articles == uncached.articles
    for article, expected in zip(briefing.articles, uncached.articles, strict=True):
        assert {"blocks", "dropped"} <= set(vars(article.article))
        assert article.article.blocks == expected.article.blocks
        assert article.article.dropped == expected.article.dropped


def test_another_summarizer_reuses_the_articles_but_not_the_briefing(counted_extractions) -> None:
    lex = build_briefing([], BriefingOptions())
    luhn = build_briefing([], BriefingOptions(summarizer="luhn"))
    assert len(counted_extractions) == 2
    assert luhn.summarizer == "luhn" and lex.summarizer == "lex-rank"
    assert build_briefing([], BriefingOptions(summarizer="luhn")) == luhn


def test_a_warm_start_loads_the_finished_briefing_without_sumy_or_the_engine(
    tmp_path: Path,
) -> None:
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from briefing.pipeline import build_briefing\n"
        "b = build_briefing([])\n"
        "print(len(b.actors), 'sumy' in sys.modules, 'nltk' in sys.modules,\n"
        "      'briefing.extract.page' in sys.modules, 'numpy' in sys.modules,\n"
        "      'briefing.model.build' in sys.modules)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    run = [sys.executable, "-c", code]
    cold = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout
    warm = subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout
    # (A cold run needs sumy only where a pane has more lines than its summary holds, and
    # then only its stop-word list: NLTK is never imported.)
    assert cold.split()[0] == "7" and cold.split()[2] == "False"
    assert cold.split()[3:] == ["True", "True", "True"]
    # Nothing is extracted nor modelled again: those stages are not even imported.
    assert warm.split() == ["7", "False", "False", "False", "False", "False"]


def test_a_byte_identical_copy_is_read_once_with_a_note(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(seed_paths()[0].read_bytes())
    briefing = build_briefing([str(tmp_path)], BriefingOptions(use_cache=False))
    assert len(briefing.articles) == 1
    assert any("b.txt: same content as" in p and p.endswith("a.txt; read once")
               for p in briefing.problems)  # fmt: skip
    assert sorted(Path(p).name for p in briefing.inputs) == ["a.txt", "b.txt"]


def _settled() -> None:
    """Let files just written age past the margin within which a stamp is not trusted."""
    time.sleep(0.2)


def _seeds_briefed_cold(folder: Path) -> Briefing:
    """The seeds copied into `folder`, settled, and briefed once (filling the cache)."""
    for path in seed_paths():
        (folder / path.name).write_bytes(path.read_bytes())
    _settled()
    return build_briefing([str(folder)], BriefingOptions())


@pytest.fixture
def counted_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    every, listed = pipeline.read_inputs, pipeline.read_listed

    def counting(paths, **kwargs):
        calls.append(len(paths))
        return every(paths, **kwargs)

    def counting_listed(files, max_bytes):
        calls.append(len(files))
        return listed(files, max_bytes)

    monkeypatch.setattr(pipeline, "read_inputs", counting)
    monkeypatch.setattr(pipeline, "read_listed", counting_listed)
    return calls


def test_a_warm_run_of_unchanged_files_reads_none_of_them(tmp_path: Path, counted_reads) -> None:
    cold = _seeds_briefed_cold(tmp_path)
    warm = build_briefing([str(tmp_path)], BriefingOptions())
    assert len(counted_reads) == 1  # the warm run read nothing
    assert warm == cold


def test_a_file_changed_as_it_was_read_is_not_trusted_by_its_stamp(tmp_path: Path) -> None:
    from briefing.ingest import read_inputs

    (tmp_path / "page.txt").write_bytes(seed_paths()[0].read_bytes())
    docs, _ = read_inputs([str(tmp_path)])
    # Its times are not older than the read: the bytes on disk may be newer than the text.
    assert pipeline._file_stamps(docs, started_ns=0) == {}
    assert len(pipeline._file_stamps(docs, started_ns=time.time_ns() + 10**9)) == 1


def test_a_changed_file_is_read_again_even_at_the_same_size(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    text = seed_paths()[0].read_text(encoding="utf-8")
    page.write_text(text, encoding="utf-8")
    _settled()
    before = build_briefing([str(tmp_path)], BriefingOptions())
    # Same length, other bytes: the stamp's times no longer match.
    page.write_text(text.replace("Aleppo", "Alepxo", 1), encoding="utf-8")
    _settled()
    after = build_briefing([str(tmp_path)], BriefingOptions())
    assert any("Alepxo" in s.text for a in after.articles for s in a.sentences)
    assert not any("Alepxo" in s.text for a in before.articles for s in a.sentences)


def test_a_page_changed_between_reading_and_processing_is_said_and_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for path in seed_paths():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    page = tmp_path / seed_paths()[0].name
    original = page.read_bytes()
    _settled()
    read = pipeline.read_listed

    def then_changed(files, max_bytes):
        for entry in read(files, max_bytes):
            # The text is let go once read: the page is read again where it is processed.
            assert not isinstance(entry, pipeline.Document)
            if entry.path == str(page):
                page.write_bytes(original.replace(b"Aleppo", b"Alepxo", 1))
            yield entry

    monkeypatch.setattr(pipeline, "read_listed", then_changed)
    changed = build_briefing([str(tmp_path)], BriefingOptions())
    assert f"{page}: could not be processed: the page changed since it was read" in (
        changed.problems
    )
    assert not any("Alepxo" in s.text for a in changed.articles for s in a.sentences)
    monkeypatch.undo()
    # Back to the bytes first read: neither the article nor the briefing made of the
    # changed page was stored under their key.
    page.write_bytes(original)
    _settled()
    again = build_briefing([str(tmp_path)], BriefingOptions())
    assert not any("changed since" in problem for problem in again.problems)
    assert again == build_briefing([str(tmp_path)], BriefingOptions(use_cache=False))


def test_the_stored_briefing_names_its_articles_instead_of_copying_them(tmp_path: Path) -> None:
    import json
    import sqlite3

    from briefing.cache import default_path

    build_briefing([], BriefingOptions())
    with sqlite3.connect(default_path()) as connection:
        (value,) = connection.execute("SELECT value FROM briefings").fetchone()
    articles = json.loads(value)["articles"]
    assert [sorted(a) for a in articles] == [["article", "id", "key"]] * 2
    assert [a["id"] for a in articles] == ["a1", "a2"]
    # What the sources list shows, but none of the article's text.
    assert "blocks" not in articles[0]["article"] and "dropped" not in articles[0]["article"]
    assert articles[0]["article"]["title"] and articles[0]["article"]["path"]


def _article_rows() -> dict[str, str]:
    import sqlite3

    from briefing.cache import default_path

    with sqlite3.connect(default_path()) as connection:
        return dict(connection.execute("SELECT key, value FROM articles").fetchall())


def _set_article_rows(value: str) -> None:
    import sqlite3

    from briefing.cache import default_path

    with sqlite3.connect(default_path()) as connection:
        connection.execute("UPDATE articles SET value = ?", (value,))


def test_a_warm_run_reads_the_articles_text_only_when_asked_for_it(
    tmp_path: Path, counted_extractions
) -> None:
    import pickle

    from briefing.render import render_json, render_text

    cold = _seeds_briefed_cold(tmp_path)
    rows = _article_rows()
    _set_article_rows("not read")
    warm = build_briefing([str(tmp_path)], BriefingOptions())
    # The text view names the sources but quotes none of their text.
    assert render_text(warm) == render_text(cold)
    assert _article_rows() == dict.fromkeys(rows, "not read")
    # Asked for, the text is read; a row damaged meanwhile is made again from its page.
    assert len(counted_extractions) == 2
    assert render_json(warm) == render_json(cold)
    assert len(counted_extractions) == 4
    assert _article_rows() == rows
    assert warm == cold and hash(warm.articles[0]) == hash(cold.articles[0])
    assert pickle.loads(pickle.dumps(warm)) == cold
    assert type(pickle.loads(pickle.dumps(warm.articles[0]))) is type(cold.articles[0])


def _set_briefing_pools(value: str | bytes) -> None:
    import sqlite3

    with sqlite3.connect(default_path()) as connection:
        connection.execute("UPDATE briefings SET pools = ?", (value,))


def test_a_warm_run_decodes_the_panes_summary_pools_only_when_read(tmp_path: Path) -> None:
    import pickle

    from briefing.model.build import rebrief
    from briefing.render import render_json, render_text

    cold = _seeds_briefed_cold(tmp_path)
    assert all(brief.summary_pool for brief in cold.actors if brief.summary)
    warm = build_briefing([str(tmp_path)], BriefingOptions())
    # Rendering reads none of them: they stay undecoded in the row's text.
    assert render_text(warm) == render_text(cold) and render_json(warm) == render_json(cold)
    panes = (*warm.actors, *warm.other_actors)
    assert not any("summary_pool" in vars(brief) for brief in panes)
    # Nor are they made text: the row's UTF-8 bytes are kept as they were fetched.
    assert isinstance(vars(warm.actors[0])["_store"]._encoded, bytes)
    # The first one read decodes them all.
    assert warm.actors[0].summary_pool == cold.actors[0].summary_pool
    assert all("summary_pool" in vars(brief) for brief in panes)
    assert warm == cold and pickle.loads(pickle.dumps(warm)) == cold
    again = rebrief(warm, summarizer="luhn", sentences=2)
    assert again == rebrief(cold, summarizer="luhn", sentences=2)


@pytest.mark.parametrize(
    "pools", ["not json", "[]", '[[{"text": 3}]]', "[[]]" * 2, "\u001b", b"[[\xff]]"]
)
def test_damaged_summary_pools_are_said_left_out_and_the_row_discarded(
    tmp_path: Path, counted_extractions, caplog: pytest.LogCaptureFixture, pools: str | bytes
) -> None:
    from briefing.render import render_text

    cold = _seeds_briefed_cold(tmp_path)
    _set_briefing_pools(pools)
    warm = build_briefing([str(tmp_path)], BriefingOptions())
    assert render_text(warm) == render_text(cold)
    with caplog.at_level(logging.WARNING, logger="briefing"):
        assert all(brief.summary_pool == () for brief in (*warm.actors, *warm.other_actors))
    said = [record.getMessage() for record in caplog.records]
    assert said == [
        f"article cache {default_path()}: a damaged briefing's summary pools left out "
        "(entry discarded)"
    ]
    # The next run briefs the stored articles again (no page is extracted again).
    again = build_briefing([str(tmp_path)], BriefingOptions())
    assert again.actors[0].summary_pool == cold.actors[0].summary_pool
    assert len(counted_extractions) == 2


def test_a_cache_file_from_before_the_pools_were_stored_apart_is_kept(tmp_path: Path) -> None:
    import sqlite3

    path = default_path()
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as connection:
        connection.execute(
            "CREATE TABLE briefings (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
            "stored REAL NOT NULL)"
        )
        connection.execute("INSERT INTO briefings VALUES ('old', '{}', 0)")
    cold = build_briefing([], BriefingOptions())
    warm = build_briefing([], BriefingOptions())
    assert not warm.problems and warm == cold
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM briefings").fetchone() == (2,)


def test_a_cold_run_keeps_the_sentences_and_leaves_the_text_in_the_cache(
    counted_extractions,
) -> None:
    import sqlite3

    uncached = build_briefing([], BriefingOptions(use_cache=False))
    cold = build_briefing([], BriefingOptions())
    for article in cold.articles:
        # What the model reads is held; the text is read back from the cache when asked.
        assert "sentences" in vars(article)
        assert not {"blocks", "dropped"} & set(vars(article.article))
    assert cold == uncached
    assert cold.articles[1].article.dropped == uncached.articles[1].article.dropped
    assert len(counted_extractions) == 4  # read back, not made again
    # A row gone by the time the text is asked for is made again from its page.
    with sqlite3.connect(default_path()) as connection:
        connection.execute("DELETE FROM articles")
    fresh = build_briefing([], BriefingOptions(sentences=2))
    with sqlite3.connect(default_path()) as connection:
        connection.execute("DELETE FROM articles")
    again = build_briefing([], BriefingOptions(use_cache=False))
    assert fresh.articles[0].article.blocks == again.articles[0].article.blocks
    assert len(counted_extractions) == 10  # both pages: a chunk of rows is read at a time
    # Articles found in the cache leave their text there too.
    hits = build_briefing([], BriefingOptions(sentences=3))
    assert len(counted_extractions) == 10
    assert not {"blocks", "dropped"} & set(vars(hits.articles[0].article))


def test_a_warm_run_reads_whole_rows_as_they_are(tmp_path: Path, counted_extractions) -> None:
    from briefing.render import render_json

    cold = _seeds_briefed_cold(tmp_path)
    warm = build_briefing([str(tmp_path)], BriefingOptions())
    assert render_json(warm) == render_json(cold)
    assert warm.articles[1].article.dropped == cold.articles[1].article.dropped
    assert len(counted_extractions) == 2  # nothing made again


def test_a_briefing_whose_article_rows_are_gone_is_made_again(
    tmp_path: Path, counted_extractions
) -> None:
    import sqlite3

    from briefing.cache import default_path

    cold = _seeds_briefed_cold(tmp_path)
    with sqlite3.connect(default_path()) as connection:
        connection.execute("DELETE FROM articles WHERE rowid = (SELECT min(rowid) FROM articles)")
    again = build_briefing([str(tmp_path)], BriefingOptions())
    assert len(counted_extractions) == 3  # the page whose row was gone, extracted again
    assert again == cold


def test_a_row_found_damaged_when_the_text_is_read_is_made_again_and_said(
    tmp_path: Path, counted_extractions, caplog: pytest.LogCaptureFixture
) -> None:
    cold = _seeds_briefed_cold(tmp_path)
    warm = build_briefing([str(tmp_path)], BriefingOptions())
    _set_article_rows("not an article")
    with caplog.at_level(logging.WARNING, logger="briefing"):
        assert warm.articles[0].sentences == cold.articles[0].sentences
    said = [record.getMessage() for record in caplog.records]
    assert said == [
        f"article cache {default_path()}: 2 damaged entries discarded",
        f"article cache {default_path()}: 2 articles made again from their pages",
    ]
    assert len(counted_extractions) == 4  # both pages: one chunk of rows is read at a time


def test_dump_says_on_stderr_that_a_damaged_row_was_made_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli import main

    _seeds_briefed_cold(tmp_path)
    _set_article_rows("not an article")
    capsys.readouterr()
    assert main(["dump", "--format", "json", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"briefing: article cache {default_path()}: 2 damaged entries discarded",
        f"briefing: article cache {default_path()}: 2 articles made again from their pages",
    ]
    assert json.loads(captured.out)["articles"][0]["sentences"]


def test_a_page_changed_under_a_damaged_row_leaves_a_readable_article_view(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from briefing.tui.screens.article import ArticleScreen

    _seeds_briefed_cold(tmp_path)
    warm = build_briefing([str(tmp_path)], BriefingOptions())
    _set_article_rows("not an article")
    for page in tmp_path.iterdir():
        page.write_text("Rewritten since.\n", encoding="utf-8")
    line = next(line for brief in warm.actors for line in brief.summary)
    with caplog.at_level(logging.WARNING, logger="briefing"):
        screen = ArticleScreen(warm, line.sources, report=line.text)
    assert not warm.article(screen.article_id).sentences
    assert screen.cited_sentence_id is None  # no sentence left to highlight
    said = " ".join(record.getMessage() for record in caplog.records)
    assert f"{tmp_path / seed_paths()[0].name}: changed since the briefing was made" in said
    # On screen, the view says why the article has no text.
    from textual.widgets import Static

    from briefing.tui.app import BriefingApp
    from tests.test_tui import LARGE, screen_text, settle

    async def shown() -> str:
        app = BriefingApp(warm)
        async with app.run_test(size=LARGE) as pilot:
            await settle(app, pilot)
            await app.push_screen(screen)
            await pilot.pause()
            return screen_text(screen.query_one("#no-text", Static))

    assert asyncio.run(shown()) == "could not be processed: the page changed since it was read"


# The Syria profile's "Syrian army" is Assad's until his fall, the new government's after:
# the undated page, estimated to be of the dated page's day, is tagged again by the model.
_DATED_PAGE = (
    " date 2025-10-07 Ceasefire in Aleppo\n\n"
    "Syrian army units and the Kurdish-led SDF agreed a ceasefire in the Sheikh Maqsoud "
    "district of Aleppo on Tuesday after a night of shelling, officials said.\n"
)
_UNDATED_PAGE = (
    "Aleppo truce holds\n\n"
    "Syrian army units and the Kurdish-led SDF agreed a ceasefire in the Sheikh Maqsoud "
    "district of Aleppo on Tuesday after a night of shelling, officials said.\n\n"
    "The Syrian army sent reinforcements to the edge of the district.\n"
)


def _retagged_pages_briefed(folder: Path) -> tuple[list[str], BriefingOptions, Briefing]:
    (folder / "dated.txt").write_text(_DATED_PAGE, encoding="utf-8")
    (folder / "undated.txt").write_text(_UNDATED_PAGE, encoding="utf-8")
    _settled()
    paths, options = [str(folder)], BriefingOptions(profile="syria")
    cold = build_briefing(paths, options)
    [sent] = [s for a in cold.articles for s in a.sentences if s.text.startswith("The Syrian")]
    assert sent.actors == ("hts",)  # tagged as of the day estimated, not as stored
    return paths, options, cold


def _all_actors(briefing: Briefing) -> list[tuple[str, ...]]:
    return [s.actors for a in briefing.articles for s in a.sentences]


def test_a_warm_run_keeps_the_actors_the_model_tagged_an_undated_page_with(
    tmp_path: Path, counted_extractions
) -> None:
    from briefing.render import render_json

    paths, options, cold = _retagged_pages_briefed(tmp_path)
    # Read lazily from the stored rows (the files unchanged) ...
    warm = build_briefing(paths, options)
    assert _all_actors(warm) == _all_actors(cold)
    assert render_json(warm) == render_json(cold)
    assert warm == cold
    # ... or all at once (the files' stamps changed, their bytes not).
    for page in tmp_path.iterdir():
        os.utime(page, ns=(time.time_ns() - 10**10, time.time_ns() - 10**10))
    read_again = build_briefing(paths, options)
    assert render_json(read_again) == render_json(cold)
    assert len(counted_extractions) == 2  # neither made anything again


@pytest.mark.parametrize("actors", [[["hts"]], "hts", [["hts", 3], []], [[]] * 99])
def test_a_briefing_row_with_malformed_actors_is_discarded(
    tmp_path: Path, counted_extractions, actors: object
) -> None:
    import sqlite3

    from briefing.render import render_json

    paths, options, cold = _retagged_pages_briefed(tmp_path)
    with sqlite3.connect(default_path()) as connection:
        (value,) = connection.execute("SELECT value FROM briefings").fetchone()
        data = json.loads(value)
        [retagged] = [a for a in data["articles"] if "actors" in a]
        retagged["actors"] = actors
        connection.execute("UPDATE briefings SET value = ?", (json.dumps(data),))
    # Read all at once: another count of sentences is found at once too.
    for page in tmp_path.iterdir():
        os.utime(page, ns=(time.time_ns() - 10**10, time.time_ns() - 10**10))
    again = build_briefing(paths, options)
    assert any("damaged entry discarded" in problem for problem in again.problems)
    assert render_json(replace(again, problems=cold.problems)) == render_json(cold)
    assert len(counted_extractions) == 2  # the briefing made again from the stored articles


def test_a_retagged_article_whose_row_is_made_again_keeps_the_briefings_actors(
    tmp_path: Path, counted_extractions
) -> None:
    from briefing.render import render_json

    paths, options, cold = _retagged_pages_briefed(tmp_path)
    _set_article_rows("damaged")
    warm = build_briefing(paths, options)
    assert render_json(warm) == render_json(cold)
    assert len(counted_extractions) == 4  # both rows made again, as the workers tag them
