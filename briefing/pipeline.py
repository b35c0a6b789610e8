"""The whole engine, stage by stage: ingest -> extract -> annotate -> model.

`build_briefing` is what the CLI and the TUI call; the stage functions are public so
the benchmark can time each one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import partial

from briefing.actors import ActorTagger, compile_profile
from briefing.annotate import AnnotatedArticle, annotate_article
from briefing.cache import ArticleCache, briefing_key, cache_key, profile_fingerprint, reid
from briefing.errors import EXIT_NO_INPUT, EXIT_PROFILE, BriefingError
from briefing.extract import Article, extract_article
from briefing.ingest import Document, InputProblem, read_inputs
from briefing.lifetime import die_with_parent
from briefing.model import Briefing
from briefing.model.build import build_model
from briefing.model.build import rebrief as rebrief  # the TUI's summarizer switch calls it here
from briefing.options import DEFAULT_MAX_BYTES, DEFAULT_OPTIONS, BriefingOptions
from briefing.profile import Profile, ProfileError, load_profile, suggest_profile
from briefing.progress import Stage, StageProgress
from briefing.resources import seed_paths
from briefing.safety import clean_text

# Below this many articles, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 64

Progress = Callable[[int, int], None]
# Marks the furniture line of an article whose page could not be processed.
_FAILED = "could not be processed: "


def read_documents(
    paths: Sequence[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Document], list[InputProblem]]:
    """Read the inputs; no paths means the bundled seed articles."""
    return read_inputs(
        [str(p) for p in paths] or [str(p) for p in seed_paths()], max_bytes=max_bytes
    )


def resolve_profile(name_or_path: str | None) -> Profile:
    try:
        return load_profile(name_or_path)
    except ProfileError as error:
        raise BriefingError(str(error), EXIT_PROFILE) from None


def process_document(doc: Document, article_id: str, tagger: ActorTagger) -> AnnotatedArticle:
    """Extract the article from one page and annotate it: the unit that is cached.

    A page no rule foresaw costs only itself: any failure leaves an article without
    sentences whose furniture says what went wrong, and the briefing names the page.
    """
    try:
        return annotate_article(extract_article(doc.text, doc.path, doc.media), article_id, tagger)
    except Exception as error:  # noqa: BLE001  (one input must not end the run)
        failed = Article(
            path=doc.path,
            title="",
            outlet=None,
            wire=None,
            published=None,
            dateline=None,
            blocks=(),
            dropped=(f"{_FAILED}{type(error).__name__}: {error}",),
            language="unknown",
        )
        return AnnotatedArticle(id=article_id, article=failed, sentences=())


def process_documents(
    docs: Sequence[Document],
    profile: Profile,
    options: BriefingOptions,
    progress: Progress | None = None,
    *,
    cache: ArticleCache | None = None,
) -> list[AnnotatedArticle]:
    """Every document extracted and annotated, in input order.

    Pages found in the cache are taken from it; the rest are processed (across cores
    when there are many) and stored for next time.
    """
    ids = [f"a{n}" for n in range(1, len(docs) + 1)]
    if cache is None or not cache.enabled:
        return _process_all(docs, ids, profile, options.jobs, progress)
    keys = article_keys(docs, profile)
    cached = cache.get_many(keys)
    todo = [n for n, key in enumerate(keys) if key not in cached]
    hits = len(docs) - len(todo)
    if progress and hits:
        progress(hits, len(docs))
    fresh = _process_all(
        [docs[n] for n in todo],
        [ids[n] for n in todo],
        profile,
        options.jobs,
        (lambda done, _: progress(hits + done, len(docs))) if progress else None,
    )
    cache.put_many((keys[n], article) for n, article in zip(todo, fresh, strict=True))
    processed = dict(zip(todo, fresh, strict=True))
    return [
        processed[n] if n in processed else reid(cached[keys[n]], ids[n], path=docs[n].path)
        for n in range(len(docs))
    ]


def _process_all(
    docs: Sequence[Document],
    ids: Sequence[str],
    profile: Profile,
    jobs_requested: int | None,
    progress: Progress | None,
) -> list[AnnotatedArticle]:
    jobs = worker_count(len(docs), jobs_requested)
    if jobs == 1:
        tagger = compile_profile(profile)
        articles = []
        for n, (doc, article_id) in enumerate(zip(docs, ids, strict=True), start=1):
            articles.append(process_document(doc, article_id, tagger))
            if progress:
                progress(n, len(docs))
        return articles
    # Chunks amortise pickling; several per worker keep the cores busy to the end.
    size = max(1, min(64, len(docs) // (jobs * 4)))
    chunks = [(docs[i : i + size], ids[i : i + size]) for i in range(0, len(docs), size)]
    articles = []
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(profile,)
    ) as pool:
        for chunk in pool.map(_process_chunk, chunks):
            articles.extend(chunk)
            if progress:
                progress(len(articles), len(docs))
    return articles


def worker_count(documents: int, requested: int | None) -> int:
    """Processes to use: starting workers costs ~0.3 s each, so small inputs stay serial."""
    if requested is not None:
        return max(1, min(requested, documents))
    if documents < PARALLEL_THRESHOLD:
        return 1
    return max(1, min(os.cpu_count() or 1, documents // (PARALLEL_THRESHOLD // 2)))


_worker_tagger: ActorTagger | None = None


def _init_worker(profile: Profile) -> None:
    global _worker_tagger
    # A worker left behind by a killed run would wait for work forever.
    die_with_parent()
    _worker_tagger = compile_profile(profile)


def _process_chunk(chunk: tuple[Sequence[Document], Sequence[str]]) -> list[AnnotatedArticle]:
    assert _worker_tagger is not None
    docs, ids = chunk
    return [process_document(d, i, _worker_tagger) for d, i in zip(docs, ids, strict=True)]


def build_briefing(
    paths: Sequence[str],
    options: BriefingOptions = DEFAULT_OPTIONS,
    *,
    progress: StageProgress | None = None,
) -> Briefing:
    """Read, extract, annotate, corroborate and summarise: the finished briefing model.

    With the cache on, an unchanged request (same pages under the same names, same
    profile, summarizer and length) is loaded whole; otherwise only changed pages are
    extracted again.
    """
    profile = resolve_profile(options.profile)
    docs, input_problems = read_documents(paths, options.max_bytes)
    problems = [clean_text(f"{p.path}: {p.message}") for p in input_problems]
    docs, copies = _distinct(docs)
    problems += [f"{copy.path}: same content as {first}; read once" for copy, first in copies]
    keys = article_keys(docs, profile)
    request = "|".join(
        (profile.id, profile.name, str(options.profile is None), options.summarizer,
         str(options.sentences))
    )  # fmt: skip
    whole = briefing_key(keys, [doc.path for doc in docs], request)
    with (
        ArticleCache.open(warn=problems.append)
        if options.use_cache
        else ArticleCache.disabled() as cache
    ):
        briefing = cache.get_briefing(whole)
        if briefing is not None:
            if progress:
                progress(Stage.EXTRACT, len(docs), len(docs))
        else:
            pages = None
            if progress:
                progress(Stage.EXTRACT, 0, len(docs))
                pages = partial(progress, Stage.EXTRACT)
            processed = process_documents(docs, profile, options, pages, cache=cache)
            briefing = _brief_articles(processed, profile, options, paths, problems, progress)
            cache.put_briefing(whole, briefing)
    # Notes about the articles travel with the cached briefing; problems reading the
    # inputs, or the cache itself, are this run's own.
    return replace(
        briefing,
        problems=(*problems, *briefing.problems),
        inputs=tuple(d.path for d in (*docs, *(c for c, _ in copies)) if d.path != "-"),
    )


def _distinct(docs: Sequence[Document]) -> tuple[list[Document], list[tuple[Document, str]]]:
    """The documents with byte-identical copies left out (a copy is no second source),
    and each copy with the path it repeats."""
    first: dict[str, str] = {}
    kept, copies = [], []
    for doc in docs:
        if doc.sha256 in first:
            copies.append((doc, first[doc.sha256]))
        else:
            first[doc.sha256] = doc.path
            kept.append(doc)
    return kept, copies


def article_keys(docs: Sequence[Document], profile: Profile) -> list[str]:
    """Each page's cache key: its bytes, how it was read, and the profile's rules."""
    fingerprint = profile_fingerprint(profile)
    return [cache_key(doc.sha256, fingerprint, media=doc.media) for doc in docs]


def _brief_articles(
    processed: Sequence[AnnotatedArticle],
    profile: Profile,
    options: BriefingOptions,
    paths: Sequence[str],
    problems: Sequence[str],
    progress: StageProgress | None = None,
) -> Briefing:
    """The model over the articles that have text, with notes about the rest."""
    articles = [item for item in processed if item.sentences]
    notes = [
        f"{item.article.path}: {_why_no_text(item.article)}"
        for item in processed
        if not item.sentences
    ]
    foreign = [a for a in articles if a.article.language not in ("en", "unknown")]
    if foreign:
        languages = ", ".join(sorted({a.article.language for a in foreign}))
        shown = ", ".join(a.article.path for a in foreign[:3])
        more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
        notes.append(
            f"{len(foreign)} article{'s' if len(foreign) > 1 else ''} not in English "
            f"({languages}), processed with English rules: {shown}{more}"
        )
    if options.profile is None:
        # Say so when another bundled profile fits far better; never switch silently.
        texts = [" ".join(s.text for s in a.sentences) for a in articles]
        suggestion = suggest_profile(texts, profile)
        if suggestion:
            notes.append(suggestion)
    if not articles:
        everything = [*problems, *notes]
        named = ", ".join(clean_text(p) for p in paths) if paths else "the bundled seeds"
        detail = f" ({everything[0]})" if len(everything) == 1 else ""
        raise BriefingError(f"no readable article in {named}{detail}", EXIT_NO_INPUT)
    return build_model(
        articles,
        profile,
        options.summarizer,
        options.sentences,
        problems=tuple(notes),
        progress=progress,
    )


def _why_no_text(article: Article) -> str:
    failure = next((line for line in article.dropped if line.startswith(_FAILED)), None)
    return clean_text(failure) if failure else "no article text found in the page"
