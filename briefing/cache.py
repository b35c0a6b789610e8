"""A SQLite cache of processed articles, so an unchanged page is never extracted twice,
and of finished briefings, so an unchanged request is not briefed twice.

Entries are keyed by the page's content hash, the pipeline version and the profile, and
stored as JSON (no code runs on load, unlike pickle). An article is stored without its
per-briefing id ("a3") and given a new one on load. The cache is an optimisation only:
whatever goes wrong with the file (corrupt, locked, read-only, no permission), it warns
once and either rebuilds itself or stops caching; it never raises.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import functools
import hashlib
import itertools
import json
import os
import re
import sqlite3
import threading
import time
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from briefing.annotate import AnnotatedArticle, Sentence
from briefing.annotate.date_mention import DateMention
from briefing.collection import paused_collection
from briefing.extract import Article, Block
from briefing.model import ActorBrief, Briefing, Fact, SummaryLine
from briefing.profile import Landmark, Profile
from briefing.safety import clean_text

_ENGINE = os.path.dirname(os.path.abspath(__file__))
# How many states of the engine's files `engine_version` remembers the fingerprint of
# (several checkouts or installs may share the cache folder).
_ENGINE_MEMO_ENTRIES = 8
# A source file changed this close to (or after) the moment the engine was hashed is not
# trusted to have been hashed as it now is (file system clocks are coarse).
_ENGINE_MEMO_MARGIN_NS = 50_000_000


def _engine_sources() -> list[str]:
    """The engine's files, relative to the package, sorted: every stage's package, the
    fitted models and word lists (extraction's, and the model stage's data/: report
    weights, rewrites, senses). The TUI only renders; it is left out. Listed with os.walk:
    pathlib's rglob was a good part of the fingerprint's cost, paid by every run."""
    data = {"extract": (".json",), os.path.join("model", "data"): ("",)}
    sources = []
    for folder, subfolders, files in os.walk(_ENGINE):
        subfolders[:] = [name for name in subfolders if name not in ("tui", "__pycache__")]
        relative = os.path.relpath(folder, _ENGINE)
        kinds = (".py", *data.get(relative, ()))
        sources += [os.path.join(relative, name) for name in files if name.endswith(kinds)]
    return sorted(sources)


def _engine_fingerprint(sources: Sequence[str] | None = None) -> str:
    """The engine's files (`_engine_sources`) hashed. Any change to the engine's code may
    change what it makes of the same page, so this is part of every key: no stale entry
    survives an upgrade, and nobody has to remember to bump a version."""
    digest = hashlib.sha256()
    for source in _engine_sources() if sources is None else sources:
        with open(os.path.join(_ENGINE, source), "rb") as file:
            digest.update(os.path.normpath(source).encode() + b"\0" + file.read())
    return digest.hexdigest()[:16]


def _engine_stamp(sources: Sequence[str], started_ns: int) -> str | None:
    """The engine's files as they stand (each one's size, times, inode and device) hashed,
    or None when one cannot be looked at or changed too lately to be trusted."""
    listing = [os.fsencode(_ENGINE)]
    for source in sources:
        try:
            info = os.stat(os.path.join(_ENGINE, source))
        except OSError:
            return None
        if max(info.st_mtime_ns, info.st_ctime_ns) >= started_ns - _ENGINE_MEMO_MARGIN_NS:
            return None
        status = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)
        listing.append(os.fsencode(source) + repr(status).encode())
    return hashlib.sha256(b"\0".join(listing)).hexdigest()


@functools.cache
def engine_version() -> str:
    """`_engine_fingerprint`, remembered in the cache folder by the state of the engine's
    files: while their size, times and inode are unchanged, so are their bytes (as for the
    input files, see `FileStamp`), and a run need not read and hash them all again
    (sha256 over 1.7 MB was a tenth of a warm dump of 1,000 articles)."""
    sources = _engine_sources()
    started_ns = time.time_ns()
    stamp = _engine_stamp(sources, started_ns)
    memo_path = default_path().with_name("engine-versions.json")
    memo = _read_engine_memo(memo_path) if stamp is not None else {}
    if stamp in memo:
        return memo[stamp]
    version = _engine_fingerprint(sources)
    # Remembered only if no file changed while it was read.
    if stamp is not None and _engine_stamp(sources, started_ns) == stamp:
        kept = dict(itertools.islice(memo.items(), _ENGINE_MEMO_ENTRIES - 1))
        _write_engine_memo(memo_path, {stamp: version, **kept})
    return version


def _read_engine_memo(path: Path) -> dict[str, str]:
    """What `_write_engine_memo` wrote; nothing if it is missing or damaged."""
    try:
        with open(path, encoding="utf-8") as file:
            memo = json.load(file)
    except (OSError, ValueError):
        return {}
    if not isinstance(memo, dict) or not all(isinstance(v, str) for v in memo.values()):
        return {}
    return memo


def _write_engine_memo(path: Path, memo: Mapping[str, str]) -> None:
    """Write the memo whole (another process reads the old or the new one, never half);
    a folder that cannot be written just leaves the engine hashed again next run."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "w", encoding="utf-8") as file:
            json.dump(memo, file)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.remove(temporary)


# The id cached articles carry until `reid` gives them their place in a briefing.
PLACEHOLDER_ID = "cached"
# Oldest entries beyond this are dropped when writing, so the file cannot grow forever.
MAX_ENTRIES = 50_000
BUSY_TIMEOUT_MS = 5_000
# SQLite's variable limit is 32766 since 3.32; stay far below it.
_KEYS_PER_QUERY = 500
_CORRUPT_ERRORS = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})

Warn = Callable[[str], None]


@dataclass(frozen=True)
class FileStamp:
    """A file as last read: its status, and what reading its bytes gave. While size, times
    and inode are unchanged, the bytes are taken to be too (as make and git do)."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    sha256: str
    media: str

    def matches(self, info: os.stat_result) -> bool:
        return (self.size, self.mtime_ns, self.ctime_ns, self.inode) == (
            info.st_size,
            info.st_mtime_ns,
            info.st_ctime_ns,
            info.st_ino,
        )


_STAMP_FIELDS = tuple(f.name for f in dataclasses.fields(FileStamp))


def _schema_fingerprint(*classes: type) -> str:
    # Adding a field to any cached dataclass changes the stored shape: fold the field names
    # into every key so such entries miss instead of failing to load.
    names = [
        f"{cls.__name__}:{','.join(f.name for f in dataclasses.fields(cls))}" for cls in classes
    ]
    return hashlib.sha256(";".join(names).encode()).hexdigest()[:12]


_SCHEMA = _schema_fingerprint(AnnotatedArticle, Article, Block, Sentence, DateMention)
_MODEL_SCHEMA = _schema_fingerprint(Briefing, ActorBrief, SummaryLine, Fact)
# Finished briefings are large; the latest few requests are all worth keeping.
MAX_BRIEFINGS = 64


def cache_key(sha256: str, profile_fingerprint: str, *, media: str = "text") -> str:
    """The key of one page's processed article: its bytes, how it was read, and the rules."""
    return f"{engine_version()}:{_SCHEMA}:{media}:{profile_fingerprint}:{sha256}"


def profile_fingerprint(profile: Profile) -> str:
    """A short hash of what in a profile changes annotation (actors, theatre), not where
    the profile file lives or how it is described."""
    return hashlib.sha256(repr((profile.actors, profile.theatre)).encode()).hexdigest()[:16]


def briefing_key(article_keys: Sequence[str], paths: Sequence[str], request: str) -> str:
    """The key of a finished briefing: every page (its key and the name it came under, in
    order) and the request (profile, summarizer, length) that shaped it."""
    digest = hashlib.sha256(request.encode("utf-8", "surrogatepass"))
    for key, path in zip(article_keys, paths, strict=True):
        digest.update(b"\0" + key.encode() + b"\0" + path.encode("utf-8", "surrogatepass"))
    return f"{engine_version()}:{_SCHEMA}:{_MODEL_SCHEMA}:{digest.hexdigest()}"


def default_path() -> Path:
    return platformdirs.user_cache_path("briefing") / "articles.sqlite3"


def reid(article: AnnotatedArticle, new_id: str, *, path: str | None = None) -> AnnotatedArticle:
    """The article under another id (its sentences "new_id.sN"); `path` replaces the
    recorded input path, since identical bytes may arrive under another name."""
    sentences = tuple(
        dataclasses.replace(s, id=f"{new_id}.{s.id.partition('.')[2]}", article_id=new_id)
        for s in article.sentences
    )
    inner = article.article if path is None else dataclasses.replace(article.article, path=path)
    return AnnotatedArticle(id=new_id, article=inner, sentences=sentences)


def article_to_dict(article: AnnotatedArticle, *, article_id: str | None = None) -> dict[str, Any]:
    """The article as plain data; with `article_id`, as `reid` would make it, in one pass."""
    # vars() rather than dataclasses.asdict: the same mapping, several times faster.
    inner = article.article
    sentences = [{**vars(s), "dates": [dict(vars(d)) for d in s.dates]} for s in article.sentences]
    if article_id is not None:
        for sentence in sentences:
            sentence["id"] = f"{article_id}.{sentence['id'].partition('.')[2]}"
            sentence["article_id"] = article_id
    return {
        "id": article.id if article_id is None else article_id,
        "article": {**vars(inner), "blocks": [dict(vars(b)) for b in inner.blocks]},
        "sentences": sentences,
    }


def article_from_dict(
    data: Mapping[str, Any], *, article_id: str | None = None, path: str | None = None
) -> AnnotatedArticle:
    """Inverse of `article_to_dict`; raises KeyError/TypeError on a malformed mapping.
    With `article_id` and `path`, as `reid` would make it, in one pass."""
    inner = data["article"]
    article = Article(
        **{
            **inner,
            "blocks": tuple(Block(**block) for block in inner["blocks"]),
            "dropped": tuple(inner["dropped"]),
            "path": inner["path"] if path is None else path,
        }
    )
    new_id = data["id"] if article_id is None else article_id
    sentences = tuple(
        Sentence(
            **{
                **s,
                "id": s["id"] if article_id is None else f"{new_id}.{s['id'].partition('.')[2]}",
                "article_id": s["article_id"] if article_id is None else new_id,
                "actors": tuple(s["actors"]),
                "dates": tuple(DateMention(**mention) for mention in s["dates"]),
            }
        )
        for s in data["sentences"]
    )
    return AnnotatedArticle(id=new_id, article=article, sentences=sentences)


def briefing_to_dict(
    briefing: Briefing, *, article_refs: Sequence[Mapping[str, Any]] | None = None
) -> dict[str, Any]:
    """The briefing as plain data; with `article_refs`, its articles are those references
    (key, id, the article without its text) instead of copies."""

    # As dataclasses.asdict, built with vars(): asdict alone took 2 s on 1,000 articles.
    def actor(brief: ActorBrief) -> dict[str, Any]:
        return {
            **{name: getattr(brief, name) for name in _PANE_FIELDS},
            "summary": [dict(vars(line)) for line in brief.summary],
            "facts": [dict(vars(fact)) for fact in brief.facts],
            "summary_pool": [dict(vars(line)) for line in brief.summary_pool],
        }

    return {
        # Its fields only: vars() would carry what a property memoised on it too.
        **{f.name: getattr(briefing, f.name) for f in dataclasses.fields(briefing)},
        "articles": (
            list(article_refs)
            if article_refs is not None
            else [article_to_dict(a) for a in briefing.articles]
        ),
        "actors": [actor(a) for a in briefing.actors],
        "other_actors": [actor(a) for a in briefing.other_actors],
        "landmarks": [
            {"day": landmark.day.isoformat(), "patterns": landmark.patterns}
            for landmark in briefing.landmarks
        ],
    }


def _summary_line(line: Mapping[str, Any]) -> SummaryLine:
    return SummaryLine(**{**line, "sources": tuple(line["sources"]), "also": tuple(line["also"])})


def _pane_fields(a: Mapping[str, Any]) -> dict[str, Any]:
    """An `ActorBrief`'s fields from its mapping (its summary pool left as it is)."""
    return {
        **a,
        "sentence_ids": tuple(a["sentence_ids"]),
        "summary": tuple(_summary_line(line) for line in a["summary"]),
        "facts": tuple(
            Fact(**{**f, "sources": tuple(f["sources"]), "also": tuple(f["also"])})
            for f in a["facts"]
        ),
    }


def _pane(a: Mapping[str, Any]) -> ActorBrief:
    fields = _pane_fields(a)
    return ActorBrief(**{**fields, "summary_pool": tuple(map(_summary_line, a["summary_pool"]))})


def briefing_from_dict(
    data: Mapping[str, Any],
    articles: Sequence[AnnotatedArticle] | None = None,
    pools: _StoredPools | None = None,
) -> Briefing:
    """Inverse of `briefing_to_dict` (given the `articles` its references name, if it
    was written with references, and the `pools` its panes' summary pools were stored
    apart in); raises on a malformed mapping."""
    actor = _pane if pools is None else pools.add

    return Briefing(
        **{
            **data,
            "articles": (
                tuple(articles)
                if articles is not None
                else tuple(article_from_dict(a) for a in data["articles"])
            ),
            "actors": tuple(actor(a) for a in data["actors"]),
            "other_actors": tuple(actor(a) for a in data["other_actors"]),
            "problems": tuple(data["problems"]),
            "inputs": tuple(data["inputs"]),
            "off_period": tuple(data["off_period"]),
            "landmarks": tuple(
                Landmark(datetime.date.fromisoformat(landmark["day"]), tuple(landmark["patterns"]))
                for landmark in data["landmarks"]
            ),
        }
    )


def _without_pools(data: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """Take each pane's summary pool out of a `briefing_to_dict` mapping: the pools, in
    pane order (actors, then other actors)."""
    return [a.pop("summary_pool") for key in _PANES for a in data[key]]


# The panes of a briefing, in the order a row's pools are stored.
_PANES = ("actors", "other_actors")
_PANE_FIELDS = tuple(f.name for f in dataclasses.fields(ActorBrief))


# A warm run renders a cached briefing from its row alone; the articles' text (sentences,
# blocks, furniture) is read from the article table only when something asks for it.
# The classes below are the model's own types with those fields filled on first access.
Placement = tuple[str, str, str]  # an article's cache key, its id in the briefing, its path
Rebuild = Callable[[Sequence[Placement]], dict[str, AnnotatedArticle]]
# Each sentence's actors, in reading order: what the model re-tagged of an article.
SentenceActors = tuple[tuple[str, ...], ...]


class _Deferred:
    """Mix-in for a frozen dataclass whose `_deferred` fields are filled when first read
    (by `_StoredArticles.load`); equal, hashed and pickled as the plain dataclass."""

    _deferred: typing.ClassVar[tuple[str, ...]] = ()
    _plain_type: typing.ClassVar[type]

    def __getattr__(self, name: str) -> Any:
        # Called only for attributes not set yet.
        store = self.__dict__.get("_store")
        if store is None or name not in self._deferred:
            raise AttributeError(name)
        store.load(self.__dict__["_key"])
        return self.__dict__[name]

    def _plain(self) -> Any:
        fields = dataclasses.fields(self._plain_type)
        return self._plain_type(**{f.name: getattr(self, f.name) for f in fields})

    def __eq__(self, other: object) -> bool:
        plain = self._plain()
        return plain == (other._plain() if isinstance(other, _Deferred) else other)

    def __hash__(self) -> int:
        return hash(self._plain())

    def __reduce__(self) -> tuple[Any, ...]:
        return self._plain().__reduce__()


class _DeferredArticle(_Deferred, AnnotatedArticle):
    _deferred = ("sentences",)
    _plain_type = AnnotatedArticle


class _DeferredText(_Deferred, Article):
    _deferred = ("blocks", "dropped")
    _plain_type = Article


class _ReadFirst:
    """A deferred field whose plain dataclass has a default: that default is a class
    attribute, found before `_Deferred.__getattr__` is asked; this (a non-data descriptor,
    so a value in the instance wins) asks it instead."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, instance: _Deferred | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        return instance.__getattr__(self._name)


class _DeferredPane(_Deferred, ActorBrief):
    _deferred = ("summary_pool",)
    _plain_type = ActorBrief
    summary_pool = _ReadFirst()


_STORED_PANE_FIELDS = frozenset(_PANE_FIELDS) - set(_DeferredPane._deferred)


def _deferred(cls: type[_Deferred], plain: object, store: _StoredArticles, key: str) -> Any:
    """`plain` as an instance of `cls` whose deferred fields are read from `store`."""
    instance = object.__new__(cls)
    values = {name: value for name, value in vars(plain).items() if name not in cls._deferred}
    instance.__dict__.update(values, _store=store, _key=key)
    return instance


def _article_header(article: Article) -> dict[str, Any]:
    """What a briefing row keeps of an article: all but its text."""
    fields = dataclasses.fields(Article)
    return {
        f.name: getattr(article, f.name) for f in fields if f.name not in _DeferredText._deferred
    }


_HEADER_FIELDS = frozenset(
    f.name for f in dataclasses.fields(Article) if f.name not in _DeferredText._deferred
)


def _header(data: object) -> _DeferredText:
    """Inverse of `_article_header`: the article without its text, which `_StoredArticles`
    reads when first asked for; raises on a malformed mapping. Made without Article's
    __init__ (a warm run makes 10,000 of them), every field there and checked instead."""
    if not isinstance(data, dict) or data.keys() != _HEADER_FIELDS:
        raise TypeError("not an article header")
    header = object.__new__(_DeferredText)
    header.__dict__.update(data)
    if not _checker(Article, _DeferredText._deferred)(header):
        raise TypeError("not an article header")
    return header


# Where `late_warning` says what it is told, when not through the logger (see there).
_late_listeners: list[Warn] = []


def late_warning(message: str) -> None:
    """Say what is found wrong after a briefing was handed over (its text read later, see
    `_StoredArticles`): to the listener `late_warnings_to` set (the CLI prints it on
    stderr), else through the "briefing" logger (the TUI's log keeps it)."""
    if _late_listeners:
        _late_listeners[-1](message)
        return
    import logging  # only when something is wrong: a warm start spares the import

    logging.getLogger("briefing").warning(message)


@contextlib.contextmanager
def late_warnings_to(listener: Warn) -> Iterator[None]:
    """`late_warning` tells `listener` meanwhile."""
    _late_listeners.append(listener)
    try:
        yield
    finally:
        _late_listeners.remove(listener)


class _StoredArticles:
    """The articles of a briefing loaded from the cache, read from the article table a
    chunk at a time as they are first needed. A row gone or damaged by then is made
    again from its page by `rebuild` (and stored again); the briefing is already on
    its way to the reader, so that is said by `late_warning`."""

    def __init__(self, path: Path, rebuild: Rebuild) -> None:
        self._path = path
        self._rebuild = rebuild
        self._waiting: dict[str, tuple[AnnotatedArticle, Placement]] = {}
        # The actors the model gave some articles' sentences (see `put_briefing`), by key.
        self._actors: dict[str, SentenceActors] = {}
        self._lock = threading.Lock()

    def add(
        self,
        key: str,
        article_id: str,
        header: _DeferredText,
        actors: SentenceActors | None = None,
    ) -> _DeferredArticle:
        """The article stored under `key`, from its `_header`: its sentences and text are
        read when first needed; `actors`, its sentences' actors as the briefing has them
        when the model tagged them again."""
        if not isinstance(key, str) or not isinstance(article_id, str):
            raise TypeError("not an article reference")
        if actors is not None:
            self._actors[key] = actors
        header.__dict__.update(_store=self, _key=key)
        deferred = object.__new__(_DeferredArticle)
        deferred.__dict__.update(id=article_id, article=header, _store=self, _key=key)
        self._waiting[key] = (deferred, (key, article_id, header.path))
        return deferred

    def add_text(self, key: str, article: AnnotatedArticle) -> AnnotatedArticle:
        """`article` (stored under `key`) with its sentences, its text (blocks, furniture)
        read again from the article table when first needed."""
        text = _deferred(_DeferredText, article.article, self, key)
        kept = AnnotatedArticle(id=article.id, article=text, sentences=article.sentences)
        self._waiting[key] = (kept, (key, article.id, article.article.path))
        return kept

    def load(self, key: str) -> None:
        with self._lock:
            if key not in self._waiting:
                return  # loaded by another thread meanwhile
            keys = list(self._waiting)
            start = keys.index(key)
            chunk = keys[start : start + _KEYS_PER_QUERY]
            placements = [self._waiting[k][1] for k in chunk]
            with ArticleCache.open(self._path, warn=late_warning) as cache:
                found = cache.get_placed(placements)
                missing = [p for p in placements if p[0] not in found]
                if missing:
                    rebuilt = self._rebuild(missing)
                    cache.put_many(rebuilt.items())
                    found.update(rebuilt)
                    _say_rebuilt(self._path, missing, rebuilt)
            for k in chunk:
                deferred, _ = self._waiting.pop(k)
                loaded = found[k]
                if isinstance(deferred, _DeferredArticle):
                    sentences = loaded.sentences
                    actors = self._actors.pop(k, None)
                    # A page changed since (said by `_say_rebuilt`) keeps what it now gives.
                    if actors is not None and len(actors) == len(sentences):
                        sentences = _with_actors(sentences, actors)
                    object.__setattr__(deferred, "sentences", sentences)
                for name in _DeferredText._deferred:
                    object.__setattr__(deferred.article, name, getattr(loaded.article, name))


class _StoredPools:
    """The summary pools of a cached briefing's panes, decoded when one is first read:
    what a summary is chosen from again (the view's summarizer switch), which nothing
    rendering the briefing reads, and most of its row. A part found damaged by then is
    said by `late_warning` and leaves the panes without pools (the row is discarded)."""

    def __init__(self, path: Path, key: str, encoded: bytes) -> None:
        self._path = path
        self._briefing_key = key
        # As the row holds it, UTF-8: made text only when read (turning the pools of
        # 1,000 articles into a str was a sixth of loading the briefing's row).
        self._encoded: bytes | None = encoded
        self._panes: list[_DeferredPane] = []
        self._lock = threading.Lock()

    def add(self, data: Mapping[str, Any]) -> _DeferredPane:
        """The next pane, from its mapping without the pool; raises on a malformed one."""
        if not isinstance(data, dict) or data.keys() != _STORED_PANE_FIELDS:
            raise TypeError("not a stored pane")
        pane = object.__new__(_DeferredPane)
        pane.__dict__.update(_pane_fields(data), _store=self, _key=self._briefing_key)
        self._panes.append(pane)
        return pane

    def load(self, key: str) -> None:
        with self._lock:
            if self._encoded is None:
                return  # loaded by another thread meanwhile
            pools = _decode_pools(self._encoded, len(self._panes))
            self._encoded = None
            if pools is None:
                late_warning(
                    f"article cache {self._path}: a damaged briefing's summary pools left out "
                    "(entry discarded)"
                )
                # Said once, above; whatever else goes wrong with the file is said next run.
                with ArticleCache.open(self._path, warn=_unsaid) as cache:
                    cache._discard("briefings", [self._briefing_key])
                pools = [()] * len(self._panes)
            for pane, pool in zip(self._panes, pools, strict=True):
                object.__setattr__(pane, "summary_pool", pool)


def _unsaid(message: str) -> None:
    pass


def _decode_pools(encoded: bytes, count: int) -> list[tuple[SummaryLine, ...]] | None:
    """The `count` panes' summary pools a row holds (UTF-8), or None when that part is
    damaged."""
    try:
        text = encoded.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if _unclean_json(text):
        return None
    try:
        with paused_collection():
            data = json.loads(text)
            if not isinstance(data, list) or len(data) != count:
                return None
            pools = [tuple(map(_summary_line, pool)) for pool in data]
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    lines = _checker(SummaryLine)
    return pools if all(all(map(lines, pool)) for pool in pools) else None


def _with_actors(sentences: Sequence[Sentence], actors: SentenceActors) -> tuple[Sentence, ...]:
    """`sentences` with these actors, one tuple each (raises on another count)."""
    if len(actors) != len(sentences):
        raise ValueError("actors for another article")
    return tuple(
        s if s.actors == tagged else dataclasses.replace(s, actors=tagged)
        for s, tagged in zip(sentences, actors, strict=True)
    )


def _sentence_actors(data: object) -> SentenceActors | None:
    """A briefing row's re-tagged actors of an article (see `put_briefing`), None if it
    has none; raises on a malformed value."""
    if data is None:
        return None
    if not isinstance(data, list) or not all(
        isinstance(tags, list) and all(isinstance(tag, str) for tag in tags) for tags in data
    ):
        raise TypeError("not sentence actors")
    return tuple(tuple(tags) for tags in data)


def _say_rebuilt(
    path: Path, missing: Sequence[Placement], rebuilt: Mapping[str, AnnotatedArticle]
) -> None:
    count = len(missing)
    late_warning(
        f"article cache {path}: {count} article{'s' if count > 1 else ''} made again from "
        f"{'their pages' if count > 1 else 'its page'}"
    )
    # Every article of a briefing has text: one made again without had its page changed.
    for key, _, page in missing:
        if not rebuilt[key].sentences:
            late_warning(
                f"{clean_text(page)}: changed since the briefing was made; its text cannot "
                "be shown (brief it again to read it)"
            )


def encode_article(article: AnnotatedArticle) -> str:
    """An article as stored (without its id): work a worker process can do."""
    return _dumps(article_to_dict(article, article_id=PLACEHOLDER_ID))


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def decode_article(text: str, article_id: str) -> AnnotatedArticle:
    """An article as `encode_article` wrote it (this run, so trusted), under its id."""
    return article_from_dict(json.loads(text), article_id=article_id)


def _decode(
    text: str, article_id: str | None = None, path: str | None = None
) -> AnnotatedArticle | None:
    """The article a row holds, or None when the row is damaged (or crafted): not JSON,
    nested absurdly deep, the wrong shape or types, or text that was never cleaned."""
    if _unclean_json(text):
        return None
    try:
        article = article_from_dict(json.loads(text), article_id=article_id, path=path)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    return article if _well_formed(article, AnnotatedArticle) else None


# What `clean_text` never lets through, as json.dumps writes it: control characters other
# than tab and newline as \u escapes (and \r, \b, \f), C1, bidi controls, BOM and lone
# surrogates. Checked on the row's text, at C speed, before anything is parsed.
_UNCLEAN_ESCAPE = re.compile(
    r"\\(?:u00[01][0-9a-fA-F]|u007[fF]|u00[89][0-9a-fA-F]|u[dD][89a-fA-F][0-9a-fA-F]{2}|[rbf])"
)
# Every escape above starts so: a literal search, far faster than the pattern above at
# every position of a long row.
_ESCAPE_START = re.compile(r"\\[urbf]")
_UNCLEAN_CHARACTER = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)


def _unclean_json(text: str) -> bool:
    if _UNCLEAN_CHARACTER.search(text):
        return True
    for found in _ESCAPE_START.finditer(text):
        # An escape is a backslash that is not itself escaped (JSON writes a backslash as
        # two): an even number of backslashes before it.
        start = before = found.start()
        while before and text[before - 1] == "\\":
            before -= 1
        if (start - before) % 2 == 0 and _UNCLEAN_ESCAPE.match(text, start):
            return True
    return False


def _well_formed_panes(briefing: Briefing) -> bool:
    """`_well_formed` for a briefing loaded from its row, but for its articles and its
    panes' summary pools (checked as they are read)."""
    panes = (*briefing.actors, *briefing.other_actors)
    return _checker(Briefing, ("articles", *_PANES))(briefing) and all(
        map(_checker(ActorBrief, _DeferredPane._deferred), panes)
    )


def _well_formed(value: object, hint: object) -> bool:
    """Whether `value` has the type `hint` names, all the way down (a row of the right
    shape with a number where text belongs would crash every later run)."""
    return _checker(hint)(value)


Check = Callable[[object], bool]


@functools.cache
def _checker(hint: object, skip: tuple[str, ...] = ()) -> Check:
    """`_well_formed` for one type hint, compiled once into one function per dataclass
    (as `dataclasses` makes its methods): a warm run checks every field of every value
    of a cached briefing, and nested closures called per value cost most of its time.
    A dataclass's fields named in `skip` are not looked at."""
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        namespace: dict[str, Any] = {"_repeat": itertools.repeat}
        lines = ["def check(value):", f"    if not isinstance(value, {_named(hint, namespace)}):"]
        lines.append("        return False")
        for name, field_hint in _field_hints(hint).items():
            if name in skip:
                continue
            lines.append(f"    field = value.{name}")
            lines.append(f"    if not ({_check_expression(field_hint, 'field', namespace)}):")
            lines.append("        return False")
        lines.append("    return True")
        exec("\n".join(lines), namespace)  # noqa: S102  (our own field names and types only)
        return namespace["check"]
    namespace = {"_repeat": itertools.repeat}
    exec(f"def check(value):\n    return {_check_expression(hint, 'value', namespace)}", namespace)  # noqa: S102
    return namespace["check"]


def _named(value: object, namespace: dict[str, Any]) -> str:
    """A name for `value` in the generated code's `namespace`."""
    name = f"_v{len(namespace)}"
    namespace[name] = value
    return name


def _check_expression(hint: object, var: str, namespace: dict[str, Any], depth: int = 0) -> str:
    """Python source that is true when the value named `var` has the type `hint`."""
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return f"{_named(_checker(hint), namespace)}({var})"
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple:
        return f"(isinstance({var}, tuple) and {_all(args[0], var, namespace, depth)})"
    if origin is dict:
        keys = _all(args[0], f"{var}.keys()", namespace, depth)
        values = _all(args[1], f"{var}.values()", namespace, depth)
        return f"(isinstance({var}, dict) and {keys} and {values})"
    if origin in (typing.Union, types.UnionType):
        return "(" + " or ".join(_check_expression(a, var, namespace, depth) for a in args) + ")"
    if hint is type(None):
        return f"({var} is None)"
    if hint in (int, float):
        numbers = "int" if hint is int else "(int, float)"
        return f"(isinstance({var}, {numbers}) and not isinstance({var}, bool))"
    if isinstance(hint, type):
        return f"isinstance({var}, {_named(hint, namespace)})"
    return "False"


def _all(hint: object, items: str, namespace: dict[str, Any], depth: int) -> str:
    """Source true when every value of the iterable `items` has the type `hint`."""
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return f"all(map({_named(_checker(hint), namespace)}, {items}))"
    if isinstance(hint, type) and hint not in (int, float):
        # One isinstance per item at C speed, without a generator's frame.
        return f"all(map(isinstance, {items}, _repeat({_named(hint, namespace)})))"
    item = f"_x{depth}"
    return f"all({_check_expression(hint, item, namespace, depth + 1)} for {item} in {items})"


@functools.cache
def _field_hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls)


@dataclass
class _ArticleRef:
    """An article as a briefing row names it: its cache key, its id in the briefing, its
    header, and its sentences' actors when the model tagged them again. (Not frozen: a
    warm run makes one per article, and a frozen class's __init__ cost three times as
    much.)"""

    key: str
    article_id: str
    header: _DeferredText
    actors: SentenceActors | None


class ArticleCache:
    """Processed articles by `cache_key`. Open with `ArticleCache.open`."""

    def __init__(self, connection: sqlite3.Connection | None, path: Path, warn: Warn) -> None:
        self._connection = connection
        self.path = path
        self._warn = warn
        self._discarded = False

    @classmethod
    def open(cls, path: Path | None = None, *, warn: Warn) -> ArticleCache:
        """The cache at `path` (default: the user cache dir); a no-op cache if unusable."""
        path = default_path() if path is None else Path(path)
        try:
            return cls(_connect(path), path, warn)
        except sqlite3.DatabaseError as error:
            if _is_corrupt(error):
                return cls._rebuilt(path, warn, error)
            warn(f"article cache {path} unusable ({error}); continuing without it")
        except OSError as error:
            warn(
                f"article cache {path} unusable ({error.strerror or error}); continuing without it"
            )
        return cls(None, path, warn)

    @classmethod
    def disabled(cls) -> ArticleCache:
        """A cache that stores nothing and finds nothing (`--no-cache`)."""
        return cls(None, default_path(), lambda message: None)

    @classmethod
    def _rebuilt(cls, path: Path, warn: Warn, error: sqlite3.Error) -> ArticleCache:
        try:
            _remove_database(path)
            connection = _connect(path)
        except (sqlite3.Error, OSError) as again:
            warn(f"article cache {path} is damaged ({error}) and could not be rebuilt ({again})")
            return cls(None, path, warn)
        warn(f"article cache {path} was damaged ({error}); started a new one")
        return cls(connection, path, warn)

    @property
    def enabled(self) -> bool:
        return self._connection is not None

    def get(self, key: str) -> AnnotatedArticle | None:
        """The cached article (id PLACEHOLDER_ID; see `reid`), or None."""
        return self.get_many([key]).get(key)

    def get_many(self, keys: Sequence[str]) -> dict[str, AnnotatedArticle]:
        """The cached articles among `keys`, by key (ids PLACEHOLDER_ID)."""
        return self.get_placed([(key, None, None) for key in keys])

    def get_placed(
        self, placements: Sequence[tuple[str, str | None, str | None]]
    ) -> dict[str, AnnotatedArticle]:
        """The cached articles among (key, id, path) placements, by key, each already
        given its id and path (see `reid`; None keeps the stored one)."""
        if self._connection is None:
            return {}
        found: dict[str, AnnotatedArticle] = {}
        place = {key: (article_id, path) for key, article_id, path in placements}
        unique = list(place)
        damaged: list[str] = []
        try:
            for key, value in self._article_rows(self._connection, "key, value", unique):
                article = _decode(value, *place[key])
                if article is None:
                    damaged.append(key)
                else:
                    found[key] = article
        except sqlite3.Error as error:
            self._fail(error)
        if damaged:
            self._discard("articles", damaged)
        return found

    def stored_keys(self, keys: Sequence[str]) -> set[str]:
        """Which of `keys` have an article stored (not read: it may still prove damaged)."""
        if self._connection is None or not keys:
            return set()
        found: set[str] = set()
        try:
            found.update(key for (key,) in self._article_rows(self._connection, "key", keys))
        except sqlite3.Error as error:
            self._fail(error)
        return found

    @staticmethod
    def _article_rows(
        connection: sqlite3.Connection, columns: str, keys: Sequence[str]
    ) -> Iterator[Any]:
        """`columns` of the stored articles among `keys`, a query per `_KEYS_PER_QUERY`."""
        for start in range(0, len(keys), _KEYS_PER_QUERY):
            chunk = keys[start : start + _KEYS_PER_QUERY]
            marks = ",".join("?" * len(chunk))
            yield from connection.execute(
                f"SELECT {columns} FROM articles WHERE key IN ({marks})", chunk
            ).fetchall()

    def text_reader(self, rebuild: Rebuild) -> _StoredArticles:
        """Where articles stored here can leave their text, to be read back when first
        needed (see `_StoredArticles.add_text`); `rebuild` makes a row gone by then again."""
        return _StoredArticles(self.path, rebuild)

    def put(self, key: str, article: AnnotatedArticle) -> None:
        self.put_many([(key, article)])

    def put_many(self, items: Iterable[tuple[str, AnnotatedArticle]]) -> None:
        """Store articles in one transaction (concurrent writers wait, up to a timeout)."""
        self.put_encoded((key, encode_article(article)) for key, article in items)
        self.prune()

    def put_encoded(self, items: Iterable[tuple[str, str]]) -> None:
        """Store articles already encoded by `encode_article`, by key; see `prune`."""
        if self._connection is None:
            return
        now = time.time()
        rows = [(key, value, now) for key, value in items]
        if not rows:
            return
        try:
            with self._connection:
                self._connection.executemany(
                    "INSERT OR REPLACE INTO articles (key, value, stored) VALUES (?, ?, ?)", rows
                )
        except sqlite3.Error as error:
            self._fail(error)

    def prune(self) -> None:
        """Drop the oldest articles beyond MAX_ENTRIES."""
        if self._connection is None:
            return
        try:
            with self._connection:
                self._connection.execute(
                    "DELETE FROM articles WHERE key IN (SELECT key FROM articles "
                    "ORDER BY stored DESC LIMIT -1 OFFSET ?)",
                    (MAX_ENTRIES,),
                )
        except sqlite3.Error as error:
            self._fail(error)

    def get_briefing(self, key: str, rebuild: Rebuild | None = None) -> Briefing | None:
        """A finished briefing stored under `briefing_key`, or None. With `rebuild`, its
        articles' text is read from the article table when first asked for (`rebuild`
        makes again from its page any row gone or damaged by then); without, all of it
        is read and checked now, and a row missing or damaged makes the briefing a miss."""
        if self._connection is None:
            return None
        try:
            row = self._connection.execute(
                # The pools as bytes: decoded only if they are read (see `_StoredPools`).
                "SELECT value, CAST(pools AS BLOB) FROM briefings WHERE key = ?",
                (key,),
            ).fetchone()
        except sqlite3.Error as error:
            self._fail(error)
            return None
        if row is None:
            return None
        value, pools = row
        if not isinstance(pools, bytes) or _unclean_json(value):
            self._discard("briefings", [key])
            return None
        try:
            with paused_collection():
                data = json.loads(value)
                refs = [
                    _ArticleRef(
                        r["key"], r["id"], _header(r["article"]), _sentence_actors(r.get("actors"))
                    )
                    for r in data["articles"]
                ]
            articles = self._briefing_articles(refs, rebuild)
            if articles is None:
                return None  # an article was dropped from the cache since
            with paused_collection():
                briefing = briefing_from_dict(data, articles, _StoredPools(self.path, key, pools))
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            briefing = None
        # Its articles were checked as they were read (or will be), its panes' summary
        # pools will be.
        if briefing is None or not _well_formed_panes(briefing):
            self._discard("briefings", [key])
            return None
        return briefing

    def _briefing_articles(
        self,
        refs: Sequence[_ArticleRef],
        rebuild: Rebuild | None,
    ) -> list[AnnotatedArticle] | None:
        keys = [ref.key for ref in refs]
        if len(set(keys)) < len(keys) or len({ref.article_id for ref in refs}) < len(refs):
            raise ValueError("an article named twice")
        if rebuild is None:
            found = self.get_placed([(r.key, r.article_id, r.header.path) for r in refs])
            if len(found) < len(refs):
                return None
            return [
                found[ref.key]
                if ref.actors is None
                else dataclasses.replace(
                    found[ref.key], sentences=_with_actors(found[ref.key].sentences, ref.actors)
                )
                for ref in refs
            ]
        if self._count(keys) < len(keys):
            return None
        store = _StoredArticles(self.path, rebuild)
        return [store.add(r.key, r.article_id, r.header, r.actors) for r in refs]

    def _count(self, keys: Sequence[str]) -> int:
        """How many of these article keys the cache holds (0 if it cannot tell)."""
        assert self._connection is not None
        count = 0
        try:
            for start in range(0, len(keys), _KEYS_PER_QUERY):
                chunk = list(keys[start : start + _KEYS_PER_QUERY])
                marks = ",".join("?" * len(chunk))
                (found,) = self._connection.execute(
                    f"SELECT count(*) FROM articles WHERE key IN ({marks})", chunk
                ).fetchone()
                count += found
        except sqlite3.Error as error:
            self._fail(error)
            return 0
        return count

    def _discard(self, table: str, keys: Sequence[str]) -> None:
        """Delete damaged rows, saying so once per run; they are made again from the pages."""
        if not self._discarded:
            self._warn(
                f"article cache {self.path}: {len(keys)} damaged "
                f"entr{'y' if len(keys) == 1 else 'ies'} discarded"
            )
        self._discarded = True
        if self._connection is None:
            return
        try:
            with self._connection:
                self._connection.executemany(
                    f"DELETE FROM {table} WHERE key = ?", [(key,) for key in keys]
                )
        except sqlite3.Error as error:
            self._fail(error)

    def put_briefing(
        self,
        key: str,
        briefing: Briefing,
        article_keys: Mapping[str, str],
        stored: Mapping[str, AnnotatedArticle],
    ) -> None:
        """Store a finished briefing; `article_keys` gives each of its articles' cache key
        by article id (the articles themselves are stored by `put_many`), `stored` each
        article as stored there. The model tags undated articles again (see
        `retag_article`): the row keeps the actors of those whose sentences it changed."""
        if self._connection is None:
            return
        refs = []
        for a in briefing.articles:
            ref = {"key": article_keys[a.id], "id": a.id, "article": _article_header(a.article)}
            as_stored = stored[a.id].sentences
            if a.sentences is not as_stored and any(
                s.actors != t.actors for s, t in zip(a.sentences, as_stored, strict=True)
            ):
                ref["actors"] = [list(s.actors) for s in a.sentences]
            refs.append(ref)
        data = briefing_to_dict(briefing, article_refs=refs)
        # Stored apart: a warm run reads the panes' pools only if something asks for them.
        pools = _dumps(_without_pools(data))
        try:
            with self._connection:
                self._connection.execute(
                    "INSERT OR REPLACE INTO briefings (key, value, pools, stored) "
                    "VALUES (?, ?, ?, ?)",
                    (key, _dumps(data), pools, time.time()),
                )
                self._connection.execute(
                    "DELETE FROM briefings WHERE key IN (SELECT key FROM briefings "
                    "ORDER BY stored DESC LIMIT -1 OFFSET ?)",
                    (MAX_BRIEFINGS,),
                )
        except sqlite3.Error as error:
            self._fail(error)

    def get_stamps(self, paths: Sequence[str]) -> dict[str, FileStamp]:
        """What the cache knows of these files (by absolute path) from an earlier read."""
        if self._connection is None:
            return {}
        found: dict[str, FileStamp] = {}
        try:
            for start in range(0, len(paths), _KEYS_PER_QUERY):
                chunk = list(paths[start : start + _KEYS_PER_QUERY])
                marks = ",".join("?" * len(chunk))
                rows = self._connection.execute(
                    "SELECT path, size, mtime_ns, ctime_ns, inode, sha256, media FROM files "
                    f"WHERE path IN ({marks})",
                    chunk,
                ).fetchall()
                for path, *fields in rows:
                    # Made without FileStamp's __init__ (a warm run reads one per input file).
                    stamp = object.__new__(FileStamp)
                    stamp.__dict__.update(zip(_STAMP_FIELDS, fields, strict=True))
                    found[path] = stamp
        except sqlite3.Error as error:
            self._fail(error)
        return found

    def put_stamps(self, stamps: Mapping[str, FileStamp]) -> None:
        if self._connection is None or not stamps:
            return
        now = time.time()
        rows = [(path, *dataclasses.astuple(stamp), now) for path, stamp in stamps.items()]
        try:
            with self._connection:
                self._connection.executemany(
                    "INSERT OR REPLACE INTO files (path, size, mtime_ns, ctime_ns, inode, "
                    "sha256, media, stored) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
                self._connection.execute(
                    "DELETE FROM files WHERE path IN (SELECT path FROM files "
                    "ORDER BY stored DESC LIMIT -1 OFFSET ?)",
                    (MAX_ENTRIES,),
                )
        except sqlite3.Error as error:
            self._fail(error)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> ArticleCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _fail(self, error: sqlite3.Error) -> None:
        """A failure while in use: say so once, then stop using the file for this run
        (a damaged file is moved aside so the next run starts afresh)."""
        self.close()
        if _is_corrupt(error):
            # If this fails too, the next open finds the file damaged and tries again.
            with contextlib.suppress(OSError):
                _remove_database(self.path)
            self._warn(f"article cache {self.path} was damaged ({error}); it will be rebuilt")
        else:
            self._warn(f"article cache {self.path} failed ({error}); continuing without it")


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # WAL: readers never block the writer and a crash mid-write cannot tear the file.
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        with connection:
            connection.execute(
                "CREATE TABLE IF NOT EXISTS articles "
                "(key TEXT PRIMARY KEY, value TEXT NOT NULL, stored REAL NOT NULL)"
            )
            connection.execute("CREATE INDEX IF NOT EXISTS articles_stored ON articles (stored)")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS briefings (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
                "pools TEXT, stored REAL NOT NULL)"
            )
            # A file from before the panes' pools were stored apart.
            columns = {row[1] for row in connection.execute("PRAGMA table_info(briefings)")}
            if "pools" not in columns:
                connection.execute("ALTER TABLE briefings ADD COLUMN pools TEXT")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, "
                "mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, "
                "sha256 TEXT NOT NULL, media TEXT NOT NULL, stored REAL NOT NULL)"
            )
    except BaseException:
        connection.close()
        raise
    return connection


def _is_corrupt(error: sqlite3.Error) -> bool:
    return getattr(error, "sqlite_errorname", None) in _CORRUPT_ERRORS


def _remove_database(path: Path) -> None:
    """Delete a damaged database with its WAL and shared-memory files."""
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(f"{path}{suffix}")
