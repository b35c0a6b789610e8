"""The whole engine, stage by stage: ingest -> extract -> annotate -> model.

`build_briefing` is what the CLI and the TUI call; the stage functions are public so
the benchmark can time each one.
"""

from __future__ import annotations

import gc
import os
import stat
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence, Sized
from dataclasses import dataclass, replace
from functools import partial
from itertools import chain, islice, repeat
from typing import TYPE_CHECKING, Protocol, TypeVar

from briefing.annotate import AnnotatedArticle
from briefing.cache import (
    ArticleCache,
    FileStamp,
    Placement,
    briefing_key,
    cache_key,
    decode_article,
    encode_article,
    profile_fingerprint,
)
from briefing.errors import EXIT_NO_INPUT, EXIT_PROFILE, BriefingError
from briefing.extract import Article
from briefing.ingest import (
    Document,
    InputProblem,
    PageFile,
    list_files,
    read_again,
    read_inputs,
    read_listed,
)
from briefing.model import Briefing
from briefing.options import DEFAULT_MAX_BYTES, DEFAULT_OPTIONS, BriefingOptions
from briefing.profile import Profile, ProfileError, load_profile, suggest_profile
from briefing.progress import Stage, StageProgress
from briefing.render.wording import first_few
from briefing.resources import seed_paths
from briefing.safety import clean_text

if TYPE_CHECKING:
    from concurrent.futures import Future

    from briefing.annotate.actors import ActorTagger
    from briefing.cache import _StoredArticles
    from briefing.model.index import Prepared

# A file changed this close to (or after) the moment it was read is not stamped: file
# system clocks are coarse, so its bytes may be newer than what was read.
_STAMP_MARGIN_NS = 50_000_000
# Below this many articles, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 64

# A job of this many pages a worker warms dateparser once before the fork (see
# `_warm_date_fallback`): with fewer, a worker may never meet a page that needs it.
_WARM_PAGES_PER_WORKER = 100

# Objects a worker makes (net) between two of its collection passes (see `_init_worker`).
_WORKER_GC_THRESHOLD = 20_000

# Cached articles are read this many at a time: their text is let go chunk by chunk.
_CACHE_CHUNK = 500
# Pages whose key is looked for in the cache at once, as they are read.
_CACHE_LOOKUP = 16

Progress = Callable[[int, int], None]
# A page to process, with the id its article gets.
_PageWork = tuple[Document | PageFile, str]
# When no input gives an article, the error says why for this many of them.
PROBLEMS_NAMED = 3
# Marks the furniture line of an article whose page could not be processed.
_FAILED = "could not be processed: "
_CHANGED = "the page changed since it was read"


# The stages below (and tagging, corroboration's words, the worker pool) are loaded when
# first called: a run that finds its briefing in the cache never extracts, annotates nor
# models, and is spared importing them.


def extract_article(text: str, path: str, media: str) -> Article:
    from briefing.extract.page import extract_article as extract

    return extract(text, path, media)


def rebrief(briefing: Briefing, *, summarizer: str, sentences: int) -> Briefing:
    """The TUI's summarizer switch: see `briefing.model.build.rebrief`."""
    from briefing.model.build import rebrief as again

    return again(briefing, summarizer=summarizer, sentences=sentences)


def read_documents(
    paths: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Document], list[InputProblem]]:
    """Read the inputs; no paths means the bundled seed articles."""
    return read_inputs(
        [str(p) for p in paths] or [str(p) for p in seed_paths()], max_bytes=max_bytes
    )


def identify_pages(
    paths: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Document | PageFile], list[InputProblem]]:
    """The inputs read and identified, files' text let go (read again where each page is
    processed): the text of thousands of pages is never all held at once, nor copied
    into the workers forked after reading."""
    return read_inputs(
        [str(p) for p in paths] or [str(p) for p in seed_paths()],
        max_bytes=max_bytes,
        keep_text=False,
    )


def resolve_profile(name_or_path: str | None) -> Profile:
    try:
        return load_profile(name_or_path)
    except ProfileError as error:
        raise BriefingError(str(error), EXIT_PROFILE) from None


def process_document(
    doc: Document | PageFile, article_id: str, tagger: ActorTagger
) -> AnnotatedArticle:
    """Extract the article from one page and annotate it: the unit that is cached.

    A page no rule foresaw costs only itself: any failure leaves an article without
    sentences whose furniture says what went wrong, and the briefing names the page.
    A file that is no longer the bytes first read gives such an article too.
    """
    from briefing.annotate import annotate_article

    if isinstance(doc, PageFile):
        text = read_again(doc)
        if text is None:
            return _failed_article(doc.path, article_id, _CHANGED)
        doc = text
    try:
        return annotate_article(extract_article(doc.text, doc.path, doc.media), article_id, tagger)
    except Exception as error:  # noqa: BLE001  (one input must not end the run)
        return _failed_article(doc.path, article_id, f"{type(error).__name__}: {error}")


def _failed_article(path: str, article_id: str, why: str) -> AnnotatedArticle:
    """An article without sentences whose furniture line says why."""
    failed = Article(
        path=path,
        title="",
        outlet=None,
        wire=None,
        published=None,
        dateline=None,
        blocks=(),
        dropped=(f"{_FAILED}{why}",),
        language="unknown",
    )
    return AnnotatedArticle(id=article_id, article=failed, sentences=())


def page_changed(article: AnnotatedArticle) -> bool:
    """Whether the article stands for a page that changed between being read and being
    processed: it is no article of the bytes its key names, and must not be cached."""
    return not article.sentences and article.article.dropped == (f"{_FAILED}{_CHANGED}",)


@dataclass(frozen=True)
class Processed:
    """The articles of a request, in input order, with what the model needs of each one
    alone, worked out along with it (by article id; see `Prepared`)."""

    articles: list[AnnotatedArticle]
    prepared: dict[str, Prepared]


def process_documents(
    docs: Iterable[Document | PageFile],
    profile: Profile,
    options: BriefingOptions,
    progress: Progress | None = None,
    *,
    cache: ArticleCache | None = None,
    expected: int | None = None,
    identified: Callable[[], None] | None = None,
) -> Processed:
    """Every document extracted and annotated, in input order.

    Pages found in the cache are taken from it; the rest are processed (across cores
    when there are many) and stored for next time. The documents are taken from `docs`
    one at a time as the workers need them: a stream's pages are read while the first
    ones are processed (`expected`: at least as many as it will give), and a list is left
    empty (a page's text is let go once it is handed over, not held until the last page
    is done). `identified` is called once every document has been taken; what it raises
    ends the work (the workers are stopped) and is raised here.
    """
    count = len(docs) if isinstance(docs, Sized) else expected
    if isinstance(docs, list):
        pending = deque(docs)
        docs.clear()
        docs = (pending.popleft() for _ in range(len(pending)))
    caching = cache is not None and cache.enabled
    # The model needs the articles' sentences only: their text (blocks, furniture) stays
    # in the cache, read back when something asks for it (the TUI's article view).
    store = (
        cache.text_reader(partial(_rebuild, profile, options.max_bytes))
        if cache is not None and caching
        else None
    )
    todo = _Todo(docs, profile, cache if caching else None, store, identified)
    fresh: dict[int, AnnotatedArticle] = {}
    prepared: dict[int, Prepared] = {}
    chunks = _process_all(
        todo.pages(),
        profile,
        options.jobs,
        expected=count,
        encode=caching,
        while_waiting=partial(_load_model_stage, options.summarizer),
    )
    reported = None
    for chunk in chunks:
        places = [todo.places[len(fresh) + i] for i in range(len(chunk))]
        chunk_keys = [todo.keys[place] for place in places] if caching else []
        if cache is not None and caching:
            # Stored as they come: the encoded copies are never all in memory at once.
            encoded = zip(chunk_keys, (item.encoded for item in chunk), strict=True)
            cache.put_encoded((key, value) for key, value in encoded if value)
        for n, item in enumerate(chunk):
            article = item.article
            if store is not None and cache is not None and article.sentences:
                # Its text came only in its encoding (see `_processed`): read back from the
                # cache when asked for, or from the encoding if the cache failed meanwhile.
                article = (
                    store.add_text(chunk_keys[n], article)
                    if cache.enabled
                    else decode_article(item.encoded or "", article.id)
                )
            fresh[places[n]] = article
            prepared[places[n]] = item.prepared
        # What is kept lives to the end of the build: collection passes need not go over it
        # again and again as it grows (they cost a tenth of the main process's time).
        gc.freeze()
        if progress:
            done = len(fresh) + len(todo.cached)
            reported = (done, max(done, count or 0))
            progress(*reported)
    total = len(todo.keys)
    if progress and reported != (total, total):
        # (every page was in the cache, fewer were read than expected, or the cached ones
        # were read after the last report)
        progress(total, total)
    if cache is not None:
        cache.prune()
    articles = [fresh[n] if n in fresh else todo.cached[n] for n in range(total)]
    known = {**todo.prepared, **prepared}
    return Processed(articles, {articles[n].id: known[n] for n in range(total) if n in known})


class _Todo:
    """The pages of `process_documents` as they are taken: each one's place, key and id;
    those the cache holds set aside (read from it once every page is taken), the others
    handed on to be processed (`pages`, `ids`; their places in `places`)."""

    def __init__(
        self,
        docs: Iterable[Document | PageFile],
        profile: Profile,
        cache: ArticleCache | None,
        store: _StoredArticles | None,
        identified: Callable[[], None] | None,
    ) -> None:
        self._docs = docs
        self._profile = profile
        self._cache = cache
        self._store = store
        self._identified = identified
        self._fingerprint = profile_fingerprint(profile)
        self.keys: list[str] = []  # every page's, by place (with the cache on)
        self.places: list[int] = []  # of the pages handed on, in order
        self.cached: dict[int, AnnotatedArticle] = {}  # by place
        self.prepared: dict[int, Prepared] = {}  # of the cached articles, by place

    def pages(self) -> Iterator[_PageWork]:
        """The pages to process, with their article ids, in order, as they are taken."""
        stored: list[tuple[int, Document | PageFile]] = []  # pages the cache holds
        batch: list[Document | PageFile] = []
        for doc in self._docs:
            batch.append(doc)
            # The cache is asked a few pages at a time: one query a page costs, and many
            # at once would keep the workers waiting for the first.
            if len(batch) == _CACHE_LOOKUP:
                yield from self._hand_on(batch, stored)
                batch = []
        yield from self._hand_on(batch, stored)
        if self._identified:
            self._identified()
        # Read only now: the briefing may be in the cache whole (see `_build_briefing`).
        yield from self._hand_on_missing(stored)

    def _hand_on(
        self, batch: list[Document | PageFile], stored: list[tuple[int, Document | PageFile]]
    ) -> Iterator[_PageWork]:
        first = len(self.keys)
        if self._cache is not None:
            self.keys += [cache_key(d.sha256, self._fingerprint, media=d.media) for d in batch]
            held = self._cache.stored_keys(self.keys[first:])
        else:
            self.keys += [""] * len(batch)
            held = set()
        for place, doc in enumerate(batch, first):
            if self.keys[place] in held:
                stored.append((place, doc))
            else:
                yield self._handed(place, doc)

    def _handed(self, place: int, doc: Document | PageFile) -> _PageWork:
        self.places.append(place)
        return doc, _article_id(place)

    def _hand_on_missing(
        self, stored: list[tuple[int, Document | PageFile]]
    ) -> Iterator[_PageWork]:
        """The cached articles read, a chunk at a time, kept without their text (see
        `process_documents`), what the model needs of each worked out meanwhile; a page
        whose row proves gone or damaged is handed on to be processed."""
        from briefing.model.index import prepare

        if self._cache is None or self._store is None:
            return
        for start in range(0, len(stored), _CACHE_CHUNK):
            chunk = stored[start : start + _CACHE_CHUNK]
            placements = [(self.keys[n], _article_id(n), doc.path) for n, doc in chunk]
            found = self._cache.get_placed(placements)
            for place, doc in chunk:
                article = found.get(self.keys[place])
                if article is None:
                    yield self._handed(place, doc)
                    continue
                if article.sentences:
                    self.prepared[place] = prepare(article, self._profile)
                    article = self._store.add_text(self.keys[place], article)
                self.cached[place] = article


def _article_ids(count: int) -> list[str]:
    return [_article_id(n) for n in range(count)]


def _article_id(place: int) -> str:
    """The id of the article at `place` (from 0) among a request's pages."""
    return f"a{place + 1}"


@dataclass(frozen=True)
class _Done:
    """One page's work: its article, the article's cache encoding when the cache is on,
    and what the model needs of it alone (see `Processed`). An article with sentences
    and an encoding comes without its text (blocks, furniture): the encoding has it."""

    article: AnnotatedArticle
    encoded: str | None
    prepared: Prepared  # its words travel packed (see `ArticleWords`)

    @classmethod
    def of(cls, article: AnnotatedArticle, encoded: str | None, prepared: Prepared) -> _Done:
        if encoded is not None and article.sentences:
            # The main process keeps an article's text in the cache, not in memory (see
            # `process_documents`): it travels once, encoded, not pickled a second time.
            article = replace(article, article=replace(article.article, blocks=(), dropped=()))
        return cls(article, encoded, prepared)


def _process_all(
    pages: Iterable[_PageWork],
    profile: Profile,
    jobs_requested: int | None,
    *,
    expected: int | None = None,
    encode: bool = False,
    while_waiting: Callable[[], None] | None = None,
) -> Iterator[list[_Done]]:
    """The pages (each with its article id) processed, in order, in chunks as they are
    done; each is taken from `pages` when it is handed over (`expected`: at most how many
    it holds). `while_waiting`: work of the main process's own, done once the workers
    have theirs."""
    from briefing.annotate.actors import compile_profile

    pages = iter(pages)
    # Pages enough to tell whether workers pay are taken first: a stream may hold many
    # pages and hand on few (those the cache lacks).
    head = list(islice(pages, PARALLEL_THRESHOLD))
    count = len(head) if len(head) < PARALLEL_THRESHOLD else max(len(head), expected or 0)
    jobs = worker_count(count, jobs_requested)
    pages = chain(head, pages)
    del head
    if jobs == 1:
        tagger = compile_profile(profile)
        for doc, article_id in pages:
            yield [_processed(process_document(doc, article_id, tagger), profile, encode)]
        return
    # Chunks amortise pickling; they shrink towards the end to keep the cores busy to the
    # end: one worker may still have a whole chunk to do while the others have nothing
    # (64 pages were ~1.5 s of one core). Only a few are handed out at a time, so pages
    # wait here as text, not pickled in a queue.
    from concurrent.futures import ProcessPoolExecutor

    from briefing.lifetime import pool_ended_at_once

    _load_worker_stages()
    if count >= jobs * _WARM_PAGES_PER_WORKER:
        _warm_date_fallback()
    # What the workers inherit (modules, the profile's patterns) lives as long as they do:
    # frozen before the fork, their collection passes never go over it (each full pass
    # went over every inherited object, and writing to them copied the parent's pages).
    gc.freeze()

    chunks = _chunks(pages, count, jobs, encode)
    with (
        ProcessPoolExecutor(
            max_workers=jobs, initializer=_init_worker, initargs=(profile,)
        ) as pool,
        pool_ended_at_once(pool),
    ):
        # A chunk is handed out as soon as any is done, not when the oldest is: a slow
        # chunk leaves no worker idle. Done chunks wait here to be given in order.
        running: dict[Future[list[_Done]], int] = {}
        done: dict[int, list[_Done]] = {}
        given = 0
        for n, chunk in enumerate(chunks):
            running[pool.submit(_process_chunk, chunk)] = n
            if len(running) > 2 * jobs and while_waiting:
                while_waiting()  # once, every worker having work queued
                while_waiting = None
            while len(running) > 2 * jobs:
                done.update(_first_done(running))
                while given in done:
                    yield done.pop(given)
                    given += 1
        if while_waiting:
            while_waiting()
        while running or done:
            if given not in done:
                done.update(_first_done(running))
            else:
                yield done.pop(given)
                given += 1


def _chunks(
    pages: Iterator[_PageWork], count: int, jobs: int, encode: bool
) -> Iterator[tuple[list[Document | PageFile], list[str], bool]]:
    """The work handed to the workers: chunks of pages (see `_chunk_bounds`; past `count`,
    single pages), each taken from `pages` as its chunk is handed out."""
    for start, end in chain(_chunk_bounds(count, jobs), repeat((0, 1))):
        taken = list(islice(pages, end - start))
        if not taken:
            return
        yield [doc for doc, _ in taken], [article_id for _, article_id in taken], encode


def _chunk_bounds(count: int, jobs: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each chunk of `count` pages for `jobs` workers: up to 16 pages, and
    a quarter of a worker's share of what is left, so that the last ones are single pages."""
    start = 0
    while start < count:
        end = start + max(1, min(16, (count - start) // (jobs * 4)))
        yield start, end
        start = end


def _first_done(running: dict[Future[list[_Done]], int]) -> dict[int, list[_Done]]:
    """The chunks that are done once any is (by chunk number), taken out of `running`."""
    from concurrent.futures import FIRST_COMPLETED, wait

    finished, _ = wait(running, return_when=FIRST_COMPLETED)
    return {running.pop(future): future.result() for future in finished}


def _load_worker_stages() -> None:
    """What a worker imports to process a page, imported before the workers are forked:
    they inherit it rather than each importing it again (~0.35 s of CPU a worker, most of
    it extraction's vocabulary and classifier), and the model stage imports most of it
    anyway."""
    import briefing.annotate
    import briefing.annotate.coreference
    import briefing.annotate.dates
    import briefing.annotate.sentences
    import briefing.extract.page
    import briefing.model.attribution
    import briefing.model.index
    import briefing.model.lines  # noqa: F401


def _warm_date_fallback() -> None:
    """dateparser, which reads the date rows by a headline that our patterns cannot, loaded
    with its English data before the workers are forked: its import and first date read
    (~1,100 M instructions, ~0.3 s) were paid again by every worker, and each meets such a
    row within a few hundred pages (5 pages in 200 of the benchmark's corpus)."""
    import dateparser

    from briefing.extract.dates import FALLBACK_DATE_SETTINGS

    dateparser.parse("1 January 2024", languages=["en"], settings=FALLBACK_DATE_SETTINGS)


def _load_model_stage(summarizer: str) -> None:
    """What the model stage imports, imported while the workers extract: the main process
    waits for them anyway, and would otherwise import it all after the last page."""
    import briefing.model.build  # noqa: F401
    from briefing.summarize import select_sentences
    from briefing.summarizers.words import english_rules

    select_sentences([], summarizer, 0)  # imports the algorithm, picks nothing
    english_rules()
    # Summaries of a large briefing's panes count words in sparse matrices, and so does
    # comparing reports, with the model's word lists.
    from scipy import sparse  # noqa: F401

    import briefing.corroborate.pairs  # noqa: F401
    from briefing.model.words import contrary_events, report_weights
    from briefing.senses import word_senses

    word_senses()
    contrary_events()
    report_weights()


def _processed(article: AnnotatedArticle, profile: Profile, encode: bool) -> _Done:
    from briefing.model.index import prepare

    encoded = encode_article(article) if encode and not page_changed(article) else None
    return _Done.of(article, encoded, prepare(article, profile))


def worker_count(documents: int, requested: int | None) -> int:
    """Processes to use: starting workers costs ~0.3 s each, so small inputs stay serial."""
    if requested is not None:
        return max(1, min(requested, documents))
    if documents < PARALLEL_THRESHOLD:
        return 1
    return max(1, min(os.cpu_count() or 1, documents // (PARALLEL_THRESHOLD // 2)))


_worker_tagger: ActorTagger | None = None


def _init_worker(profile: Profile) -> None:
    from briefing.lifetime import become_worker  # imported by the parent before the fork

    # A worker left behind by a killed run would wait for work forever: it is tied to its
    # parent before anything that may block (an import racing a lock the fork copied held).
    become_worker()
    from briefing.annotate.actors import compile_profile

    global _worker_tagger
    _worker_tagger = compile_profile(profile)
    # A worker keeps nothing between pages: what it makes is freed by reference counting,
    # sent back, or both. Collection passes every 700 objects made (Python's default) were
    # ~4% of its CPU and found next to nothing to free.
    gc.set_threshold(_WORKER_GC_THRESHOLD)


def _process_chunk(
    chunk: tuple[Sequence[Document | PageFile], Sequence[str], bool],
) -> list[_Done]:
    """Work on one chunk in a worker: extraction, annotation, what the model needs of
    each article alone and the cache's encoding."""
    assert _worker_tagger is not None
    docs, ids, encode = chunk
    tagger = _worker_tagger
    return [
        _processed(process_document(d, i, tagger), tagger.profile, encode)
        for d, i in zip(docs, ids, strict=True)
    ]


def build_briefing(
    paths: Sequence[str],
    options: BriefingOptions = DEFAULT_OPTIONS,
    *,
    progress: StageProgress | None = None,
    ready: Callable[[Briefing], None] | None = None,
) -> Briefing:
    """Read, extract, annotate, corroborate and summarise: the finished briefing model.

    With the cache on, an unchanged request (same pages under the same names, same
    profile, summarizer and length) is loaded whole; otherwise only changed pages are
    extracted again. `ready` is given the briefing as soon as it exists, before the
    cache stores it and closes (the slowest of that waits on the disk); what is returned
    is the same but for what went wrong in the cache meanwhile, said in its problems.
    """
    try:
        return _build_briefing(paths, options, progress, ready)
    finally:
        gc.unfreeze()  # see process_documents


def _build_briefing(
    paths: Sequence[str],
    options: BriefingOptions,
    progress: StageProgress | None,
    ready: Callable[[Briefing], None] | None,
) -> Briefing:
    profile = resolve_profile(options.profile)
    request = "|".join(
        (profile.id, profile.name, str(options.profile is None), options.summarizer,
         str(options.sentences), options.since or "")
    )  # fmt: skip
    warnings: list[str] = []
    with (
        ArticleCache.open(warn=warnings.append)
        if options.use_cache
        else ArticleCache.disabled() as cache
    ):
        briefing: Briefing | None = None
        processed: Processed | None = None  # the articles, when they were briefed here
        problems: list[str] = []
        stamped = _stamped_files(paths, options.max_bytes, cache) if cache.enabled else None
        if stamped is not None:
            # Every file is as it was when last read: its key is known without reading it.
            kept, copies = _distinct([f for f in stamped if f.path not in options.excluded])
            keys = article_keys(kept, profile)
            whole = briefing_key(keys, [f.path for f in kept], request)
            # The files are where they were: a row found damaged later is made again.
            briefing = cache.get_briefing(whole, partial(_rebuild, profile, options.max_bytes))
        if briefing is None:
            started_ns = time.time_ns()
            pages = _Pages.of(paths, options.max_bytes, options.excluded)

            def identified() -> None:
                """Every page read: their stamps stored, and the briefing they make taken
                from the cache if it is there (the workers are then stopped)."""
                nonlocal keys, whole
                if not cache.enabled:
                    return  # nothing to find or store, nor the keys to do it by
                cache.put_stamps(_file_stamps(pages.docs, started_ns))
                keys = article_keys(pages.kept, profile)
                whole = briefing_key(keys, [doc.path for doc in pages.kept], request)
                found = cache.get_briefing(whole)
                if found is not None:
                    raise _InCache(found)

            if progress:
                progress(Stage.EXTRACT, 0, pages.expected)
            try:
                processed = process_documents(
                    iter(pages),
                    profile,
                    options,
                    partial(progress, Stage.EXTRACT) if progress else None,
                    cache=cache,
                    expected=pages.expected,
                    identified=identified,
                )
            except _InCache as stored:
                briefing = stored.briefing
            problems = [clean_text(f"{p.path}: {p.message}") for p in pages.problems]
            kept, copies = pages.kept, pages.copies
        problems += [f"{copy.path}: same content as {first}; read once" for copy, first in copies]
        if briefing is not None:
            if progress:
                progress(Stage.EXTRACT, len(kept), len(kept))
        else:
            assert processed is not None  # (a briefing not in the cache is made)
            briefing = _brief_articles(
                processed, profile, options, paths, [*problems, *warnings], progress
            )
        inputs = tuple(d.path for d in (*kept, *(c for c, _ in copies)) if d.path != "-")
        said = len(warnings)
        finished = _as_run(briefing, [*problems, *warnings], inputs)
        if ready:
            ready(finished)
        # A page that changed while the run read it is no part of what `whole` names.
        if (
            processed is not None
            and cache.enabled
            and not any(page_changed(a) for a in processed.articles)
        ):
            ids = _article_ids(len(kept))
            stored = {article.id: article for article in processed.articles}
            cache.put_briefing(whole, briefing, dict(zip(ids, keys, strict=True)), stored)
    return finished if len(warnings) == said else _as_run(briefing, [*problems, *warnings], inputs)


def _as_run(briefing: Briefing, problems: Sequence[str], inputs: tuple[str, ...]) -> Briefing:
    """The briefing with this run's own `problems` (reading the inputs, the cache) before
    the notes about its articles, which travel with the cached briefing."""
    return replace(briefing, problems=(*problems, *briefing.problems), inputs=inputs)


def _rebuild(
    profile: Profile, max_bytes: int, placements: Sequence[Placement]
) -> dict[str, AnnotatedArticle]:
    """Articles of a cached briefing whose cache rows went missing or were damaged after it
    was loaded, made again from their pages (read again; unchanged, they give the same
    article). A page changed or gone since gives an article without text saying so."""
    from briefing.annotate.actors import compile_profile

    tagger = compile_profile(profile)
    rebuilt = {}
    for key, article_id, path in placements:
        docs, _ = read_documents([path], max_bytes)
        if docs and article_keys(docs[:1], profile) == [key]:
            rebuilt[key] = process_document(docs[0], article_id, tagger)
        else:
            rebuilt[key] = _failed_article(path, article_id, _CHANGED)
    return rebuilt


class _Identified(Protocol):
    """What identifies a page's content: a Document, or a file known from its stamp."""

    path: str
    sha256: str
    media: str


_Page = TypeVar("_Page", bound=_Identified)


# Not frozen: a warm run makes one per input file, and a frozen class's __init__ (a call
# of object.__setattr__ per field) cost three times as much.
@dataclass
class _StampedFile:
    path: str
    sha256: str
    media: str


class _InCache(Exception):  # noqa: N818  (not an error: how the workers are stopped)
    """The briefing of the pages being read is in the cache (see `_build_briefing`)."""

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing


class _Pages:
    """A request's pages, read and identified as they are taken (`iter`), so that the
    first ones are processed while the rest are read; their text is let go, only what
    names each is kept. Once all are taken: every page read (`docs`), those kept
    (distinct, not left out), the copies of a page read before and the problems."""

    def __init__(
        self,
        entries: Iterable[Document | PageFile | InputProblem],
        expected: int,
        excluded: Collection[str],
    ) -> None:
        self._entries = entries
        self._excluded = excluded
        self.expected = expected  # at least as many pages as are kept
        self.docs: list[_StampedFile] = []
        self.kept: list[_StampedFile] = []
        self.copies: list[tuple[_StampedFile, str]] = []
        self.problems: list[InputProblem] = []

    @classmethod
    def of(cls, paths: Sequence[str], max_bytes: int, excluded: Collection[str]) -> _Pages:
        named = [str(p) for p in paths] or [str(p) for p in seed_paths()]
        listed = list_files(named)
        if listed is None:  # stdin, or a path to say something of: all read first
            docs, problems = identify_pages(paths, max_bytes)
            return cls([*problems, *docs], len(docs), excluded)
        return cls(read_listed(listed, max_bytes), len(listed), excluded)

    def __iter__(self) -> Iterator[Document | PageFile]:
        def read() -> Iterator[Document | PageFile]:
            for entry in self._entries:
                if isinstance(entry, InputProblem):
                    self.problems.append(entry)
                else:
                    self.docs.append(_StampedFile(entry.path, entry.sha256, entry.media))
                    if entry.path not in self._excluded:
                        yield entry

        for doc in _first_copies(read(), self.copies):
            self.kept.append(_StampedFile(doc.path, doc.sha256, doc.media))
            yield doc


def _stamped_files(
    paths: Sequence[str], max_bytes: int, cache: ArticleCache
) -> list[_StampedFile] | None:
    """The input files as identified when last read, if none has changed since (same size,
    times and inode); None if any has, or is new, or needs reading to be judged."""
    listed = list_files([str(p) for p in paths] or [str(p) for p in seed_paths()])
    if listed is None:
        return None
    absolute = _absolute_paths([path for path, _ in listed])
    stamps = cache.get_stamps(absolute)
    files = []
    for (path, info), name in zip(listed, absolute, strict=True):
        stamp = stamps.get(name)
        if stamp is None or not stamp.matches(info) or info.st_size > max_bytes:
            return None
        files.append(_StampedFile(clean_text(path), stamp.sha256, stamp.media))
    return files


def _absolute_paths(paths: Sequence[str]) -> list[str]:
    """`os.path.abspath` of each path, the folder part worked out once per folder (the
    files of a folder share it; normalising each whole path was a tenth of a warm run)."""
    folders: dict[str, str] = {}
    absolute = []
    for path in paths:
        folder, _, name = path.rpartition("/")
        if not folder or name in ("", ".", "..") or path.startswith("//"):
            absolute.append(os.path.abspath(path))
            continue
        if folder not in folders:
            folders[folder] = os.path.abspath(folder)
        # A normalised folder ends with "/" only when it is the root.
        absolute.append(folders[folder].rstrip("/") + "/" + name)
    return absolute


def _file_stamps(docs: Sequence[Document | PageFile], started_ns: int) -> dict[str, FileStamp]:
    """Stamps for the files just read. A file whose times are not safely older than the
    read could have changed during it: it is read again next time rather than trusted."""
    stamps = {}
    for doc in docs:
        try:
            info = os.stat(doc.path)
        except OSError:
            continue  # stdin, or a name that cleaning changed
        changed_ns = max(info.st_mtime_ns, info.st_ctime_ns)
        if stat.S_ISREG(info.st_mode) and changed_ns < started_ns - _STAMP_MARGIN_NS:
            stamps[os.path.abspath(doc.path)] = FileStamp(
                info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, doc.sha256,
                doc.media,
            )  # fmt: skip
    return stamps


def _distinct(docs: Sequence[_Page]) -> tuple[list[_Page], list[tuple[_Page, str]]]:
    """The documents with byte-identical copies left out (a copy is no second source),
    and each copy with the path it repeats."""
    copies: list[tuple[_Page, str]] = []
    return list(_first_copies(docs, copies)), copies


def _first_copies(docs: Iterable[_Page], copies: list[tuple[_Page, str]]) -> Iterator[_Page]:
    """The documents but byte-identical copies of one before, each added to `copies`
    with the path it repeats, as `docs` gives them."""
    first: dict[str, str] = {}
    for doc in docs:
        if doc.sha256 in first:
            copies.append((doc, first[doc.sha256]))
        else:
            first[doc.sha256] = doc.path
            yield doc


def article_keys(docs: Sequence[_Identified], profile: Profile) -> list[str]:
    """Each page's cache key: its bytes, how it was read, and the profile's rules."""
    fingerprint = profile_fingerprint(profile)
    return [cache_key(doc.sha256, fingerprint, media=doc.media) for doc in docs]


def _brief_articles(
    processed: Processed,
    profile: Profile,
    options: BriefingOptions,
    paths: Sequence[str],
    problems: Sequence[str],
    progress: StageProgress | None = None,
) -> Briefing:
    """The model over the articles that have text, with notes about the rest."""
    articles = [item for item in processed.articles if item.sentences]
    notes = [
        f"{item.article.path}: {_why_no_text(item.article)}"
        for item in processed.articles
        if not item.sentences
    ]
    if options.since:
        articles, since_note = published_since(articles, options.since, processed.prepared)
        notes += [since_note] if since_note else []
    foreign = [a for a in articles if a.article.language not in ("en", "unknown")]
    if foreign:
        languages = ", ".join(sorted({a.article.language for a in foreign}))
        shown = first_few([a.article.path for a in foreign], 3)
        notes.append(
            f"{len(foreign)} article{'s' if len(foreign) > 1 else ''} not in English "
            f"({languages}), processed with English rules: {shown}"
        )
    if options.profile is None:
        # Say so when another bundled profile fits far better; never switch silently.
        # The joined texts are let go at once: the model stage must not hold them.
        suggestion = suggest_profile(
            [" ".join(s.text for s in a.sentences) for a in articles], profile
        )
        if suggestion:
            notes.append(suggestion)
    if not articles:
        everything = [*problems, *notes]
        named = ", ".join(clean_text(p) for p in paths) if paths else "the bundled seeds"
        # Why, for the first few: a folder of several bad files said nothing at all.
        why = first_few(everything, PROBLEMS_NAMED, "; ")
        detail = f" ({why})" if why else ""
        raise BriefingError(f"no readable article in {named}{detail}", EXIT_NO_INPUT)
    # Imported here: a warm start renders a cached briefing and never loads the model stage.
    from briefing.model.build import build_model

    return build_model(
        articles,
        profile,
        options.summarizer,
        options.sentences,
        problems=tuple(notes),
        progress=progress,
        prepared=processed.prepared,
    )


def published_since(
    articles: Sequence[AnnotatedArticle], since: str, prepared: Mapping[str, Prepared]
) -> tuple[list[AnnotatedArticle], str | None]:
    """The articles published on or after `since`, an undated one by the day the briefing
    estimates for it over the whole pile (`Dating.estimated_days`: the day it shows as
    "~2024-11-27"); one with neither is kept, nothing says it is older. And a note of what
    was left out and kept undated, if anything."""
    estimates: dict[str, str] = {}
    if any(not a.article.published for a in articles):
        # Imported here: the model stage loads only when some article needs its estimate.
        from briefing.model.index import Index

        estimates = Index.of(articles, prepared).dating.estimated_days()
    days = [(a.article.published or estimates.get(a.id) or "")[:10] for a in articles]
    kept = [a for a, day in zip(articles, days, strict=True) if day >= since or not day]
    older = [a for a, day in zip(articles, days, strict=True) if day and day < since]
    estimated = sum(1 for a in older if not a.article.published)
    undated = days.count("")
    left = f"left out {len(older)} of {len(articles)} articles published before it"
    left += f" ({estimated} undated, by the day estimated for them)" if estimated else ""
    parts = [left] if older else []
    parts += [f"kept {undated} without a publication date"] if undated else []
    return kept, (f"--since {since}: {'; '.join(parts)}" if parts else None)


def _why_no_text(article: Article) -> str:
    failure = next((line for line in article.dropped if line.startswith(_FAILED)), None)
    return clean_text(failure) if failure else "no article text found in the page"
