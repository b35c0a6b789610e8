"""The article cache: exact round trips, and damaged or unusable files never stop a run."""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import time
from dataclasses import asdict, replace
from pathlib import Path

import pytest

from briefing import cache as cache_module
from briefing.annotate import AnnotatedArticle, Sentence
from briefing.annotate.dates import DateMention
from briefing.cache import (
    PLACEHOLDER_ID,
    ArticleCache,
    article_from_dict,
    article_to_dict,
    briefing_from_dict,
    briefing_to_dict,
    cache_key,
    default_path,
    engine_version,
    profile_fingerprint,
    reid,
)
from briefing.extract import Article, Block
from briefing.profile import load_profile


def make_article(article_id: str = "a3", title: str = "Rebels reach Homs") -> AnnotatedArticle:
    article = Article(
        path="pages/dawn.txt",
        title=title,
        outlet="Dawn",
        wire="Reuters",
        published="2024-12-07T10:14",
        dateline="BEIRUT",
        blocks=(
            Block("headline", title),
            Block("body", "Iran will send missiles, a senior official said on Friday. Ça va."),
        ),
        dropped=("E-Paper | December 07, 2024", "• Jordan closes border"),
        language="en",
    )
    friday = DateMention(text="on Friday", value="2024-12-06", precision="day", start=45, end=54)
    sentences = (
        Sentence(f"{article_id}.s1", article_id, 0, "headline", title, ("hts",), ()),
        Sentence(
            f"{article_id}.s2",
            article_id,
            1,
            "body",
            "Iran will send missiles, a senior official said on Friday.",
            ("iran",),
            (friday,),
        ),
        Sentence(f"{article_id}.s3", article_id, 1, "body", "Ça va.", (), ()),
    )
    return AnnotatedArticle(id=article_id, article=article, sentences=sentences)


def collect_warnings() -> tuple[list[str], object]:
    warnings: list[str] = []
    return warnings, warnings.append


def test_dict_round_trip_is_exact():
    article = make_article()
    data = json.loads(json.dumps(article_to_dict(article)))
    assert data == json.loads(json.dumps(asdict(article)))
    assert article_from_dict(data) == article


def test_dict_under_another_id_is_the_renamed_articles_dict():
    article = make_article("a3")
    renamed = article_to_dict(article, article_id="a12")
    assert renamed == article_to_dict(reid(article, "a12"))
    assert [s["id"] for s in renamed["sentences"]] == ["a12.s1", "a12.s2", "a12.s3"]
    assert article_to_dict(article)["sentences"][0]["id"] == "a3.s1"  # left as it was


def test_briefing_dict_round_trip_is_exact_and_matches_asdict(seed_briefing):
    data = json.loads(json.dumps(briefing_to_dict(seed_briefing)))
    # (a landmark's day, a date, is stored as its ISO text)
    assert data == json.loads(json.dumps(asdict(seed_briefing), default=str))
    assert briefing_from_dict(data) == seed_briefing


def test_reid_renames_article_and_sentences_and_can_replace_the_path():
    moved = reid(make_article("a3"), "a12", path="elsewhere/copy.txt")
    assert moved.id == "a12"
    assert [s.id for s in moved.sentences] == ["a12.s1", "a12.s2", "a12.s3"]
    assert {s.article_id for s in moved.sentences} == {"a12"}
    assert moved.article.path == "elsewhere/copy.txt"
    assert reid(moved, "a3", path="pages/dawn.txt") == make_article("a3")


def test_put_then_get_in_a_new_connection(tmp_path):
    path = tmp_path / "cache.sqlite3"
    warnings, warn = collect_warnings()
    key = cache_key("ab" * 32, "profile1")
    with ArticleCache.open(path, warn=warn) as cache:
        assert cache.get(key) is None
        cache.put(key, make_article("a3"))
    with ArticleCache.open(path, warn=warn) as cache:
        loaded = cache.get(key)
        assert loaded is not None
        assert loaded.id == PLACEHOLDER_ID
        assert reid(loaded, "a3") == make_article("a3")
        assert reid(loaded, "a9") == make_article("a9")
    assert warnings == []


def test_keys_separate_content_profile_media_and_version(tmp_path):
    keys = {
        cache_key("ab" * 32, "p1"),
        cache_key("cd" * 32, "p1"),
        cache_key("ab" * 32, "p2"),
        cache_key("ab" * 32, "p1", media="html"),
    }
    assert len(keys) == 4
    _, warn = collect_warnings()
    with ArticleCache.open(tmp_path / "c.sqlite3", warn=warn) as cache:
        cache.put(cache_key("ab" * 32, "p1"), make_article())
        assert cache.get(cache_key("ab" * 32, "p2")) is None
        assert cache.get(cache_key("ab" * 32, "p1", media="html")) is None


def test_get_many_returns_only_hits(tmp_path):
    _, warn = collect_warnings()
    with ArticleCache.open(tmp_path / "c.sqlite3", warn=warn) as cache:
        items = [(f"k{n}", make_article(title=f"Story {n}")) for n in range(1200)]
        cache.put_many(items)
        found = cache.get_many([f"k{n}" for n in range(0, 1300, 2)])
    assert sorted(found, key=lambda k: int(k[1:])) == [f"k{n}" for n in range(0, 1200, 2)]
    assert found["k40"].article.title == "Story 40"


def test_profile_fingerprint_follows_actors_not_location():
    profile = load_profile("syria")
    assert profile_fingerprint(profile) == profile_fingerprint(replace(profile, path="/x.toml"))
    fewer = replace(profile, actors=profile.actors[1:])
    assert profile_fingerprint(fewer) != profile_fingerprint(profile)


def test_default_path_is_in_the_user_cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_path() == tmp_path / "briefing" / "articles.sqlite3"


@pytest.fixture
def engine_copy(tmp_path, monkeypatch):
    """A small engine of two files, old enough to be trusted, as `engine_version` sees it."""
    engine = tmp_path / "engine"
    (engine / "model" / "data").mkdir(parents=True)
    (engine / "stage.py").write_text("RULE = 1\n")
    (engine / "model" / "data" / "words.txt").write_text("attack\n")
    time.sleep(2 * cache_module._ENGINE_MEMO_MARGIN_NS / 1e9)
    monkeypatch.setattr(cache_module, "_ENGINE", str(engine))
    engine_version.cache_clear()
    yield engine
    engine_version.cache_clear()


def _hashed_again(monkeypatch) -> list[int]:
    """Counts the engine's files being read and hashed (not taken from the memo)."""
    hashed: list[int] = []
    fingerprint = cache_module._engine_fingerprint

    def counted(*args):
        hashed.append(1)
        return fingerprint(*args)

    monkeypatch.setattr(cache_module, "_engine_fingerprint", counted)
    return hashed


def test_the_engine_is_hashed_once_while_its_files_are_unchanged(engine_copy, monkeypatch):
    hashed = _hashed_again(monkeypatch)
    first = engine_version()
    assert first == cache_module._engine_fingerprint() and len(hashed) == 2
    engine_version.cache_clear()  # as a new run
    assert engine_version() == first and len(hashed) == 2  # from the memo
    # Rewritten with the same size and times, a file is hashed again: its ctime moved.
    source = engine_copy / "stage.py"
    before = source.stat()
    source.write_text("RULE = 2\n")
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    engine_version.cache_clear()
    assert engine_version() != first and len(hashed) == 3


def test_a_damaged_engine_memo_is_hashed_again_and_rewritten(engine_copy, monkeypatch):
    memo = default_path().with_name("engine-versions.json")
    memo.parent.mkdir(parents=True)
    memo.write_text('{"a": ')
    hashed = _hashed_again(monkeypatch)
    assert engine_version() == cache_module._engine_fingerprint() and len(hashed) == 2
    assert list(json.loads(memo.read_text()).values()) == [engine_version()]


def test_garbage_file_is_rebuilt_with_one_warning(tmp_path):
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"\x00\xffnot a database at all\n" * 200)
    warnings, warn = collect_warnings()
    with ArticleCache.open(path, warn=warn) as cache:
        assert cache.enabled
        cache.put("k", make_article())
        assert cache.get("k") is not None
    assert len(warnings) == 1
    assert "damaged" in warnings[0] and str(path) in warnings[0]


def test_file_damaged_after_opening_warns_once_and_stops_caching(tmp_path):
    path = tmp_path / "cache.sqlite3"
    _, warn = collect_warnings()
    with ArticleCache.open(path, warn=warn) as cache:
        cache.put_many((f"k{n}", make_article()) for n in range(50))
    warnings, warn = collect_warnings()
    cache = ArticleCache.open(path, warn=warn)
    # Overwrite every page after the header: the schema still reads, the data does not.
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)
    path.write_bytes(bytes(data))
    for _ in range(3):
        cache.get_many([f"k{n}" for n in range(50)])
        cache.put("k", make_article())
    assert not cache.enabled
    assert len(warnings) == 1 and "damaged" in warnings[0]
    # The next run starts a fresh cache.
    with ArticleCache.open(path, warn=warn) as fresh:
        fresh.put("k", make_article())
        assert fresh.get("k") is not None


def test_undecodable_entry_is_a_miss_discarded_with_one_warning(tmp_path):
    # Keys carry the engine's fingerprint, so a row under a key of this build that does not
    # decode is damage, not another version's shape: it is deleted, and said once.
    path = tmp_path / "cache.sqlite3"
    warnings, warn = collect_warnings()
    with ArticleCache.open(path, warn=warn) as cache:
        cache.put("k", make_article())
        cache.put("k2", make_article())
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE articles SET value = '{\"id\": 1}'")
    with ArticleCache.open(path, warn=warn) as cache:
        assert cache.get_many(["k", "k2"]) == {}
        assert cache.get("k") is None
    assert len(warnings) == 1 and "2 damaged entries discarded" in warnings[0]
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM articles").fetchone() == (0,)


@pytest.mark.parametrize(
    "message", ["unable to open database file", "attempt to write a readonly database"]
)
def test_unopenable_database_bypasses_with_one_warning(tmp_path, monkeypatch, message):
    # Running as root, chmod cannot make a directory unwritable: fail the connect instead.
    def refuse(*args, **kwargs):
        raise sqlite3.OperationalError(message)

    monkeypatch.setattr(sqlite3, "connect", refuse)
    warnings, warn = collect_warnings()
    cache = ArticleCache.open(tmp_path / "cache.sqlite3", warn=warn)
    assert not cache.enabled
    cache.put("k", make_article())
    assert cache.get("k") is None
    assert cache.get_many(["k"]) == {}
    cache.close()
    assert len(warnings) == 1 and message in warnings[0]


def test_unwritable_cache_directory_bypasses(tmp_path):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    warnings, warn = collect_warnings()
    cache = ArticleCache.open(blocker / "cache.sqlite3", warn=warn)
    assert not cache.enabled
    assert len(warnings) == 1


def test_database_locked_by_another_writer_bypasses(tmp_path, monkeypatch):
    path = tmp_path / "cache.sqlite3"
    _, warn = collect_warnings()
    ArticleCache.open(path, warn=warn).close()
    monkeypatch.setattr("briefing.cache.BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        warnings, warn = collect_warnings()
        cache = ArticleCache.open(path, warn=warn)
        cache.put("k", make_article())
        cache.put("k2", make_article())
        assert not cache.enabled
        assert len(warnings) == 1 and "locked" in warnings[0]
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _write_many(path: str, prefix: str, count: int) -> None:
    cache = ArticleCache.open(Path(path), warn=print)
    for n in range(0, count, 10):
        cache.put_many(
            (f"{prefix}{m}", make_article(title=f"{prefix} {m}")) for m in range(n, n + 10)
        )
    cache.close()


def test_concurrent_writer_processes_lose_nothing(tmp_path, capfd):
    path = tmp_path / "cache.sqlite3"
    context = multiprocessing.get_context("spawn")
    writers = [
        context.Process(target=_write_many, args=(str(path), prefix, 200)) for prefix in "xyz"
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)
        assert writer.exitcode == 0
    assert capfd.readouterr().out == ""  # no process warned
    warnings, warn = collect_warnings()
    with ArticleCache.open(path, warn=warn) as cache:
        found = cache.get_many([f"{p}{n}" for p in "xyz" for n in range(200)])
    assert len(found) == 600
    assert found["y137"].article.title == "y 137"
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert warnings == []


@pytest.mark.parametrize(
    ("text", "unclean"),
    [
        ("plain", False),
        ("C:\\\\reports\\\\u0001", False),  # a backslash, then the letters "u0001"
        ("\\u0001", True),  # the control character U+0001
        ("\\\\\\u0001", True),  # a backslash, then U+0001
        ("\\\\\\\\u0001", False),
        ("\\\\r and \\r", True),
        ("\\ud800", True),  # a lone surrogate
        ("\\u00e9\\u2013", False),
        ("\u202e", True),
    ],
)
def test_unclean_rows_are_told_from_escaped_backslashes(text: str, unclean: bool) -> None:
    from briefing.cache import _unclean_json

    # `text` as it stands in a row's JSON.
    assert _unclean_json('{"text":"' + text + '"}') is unclean
