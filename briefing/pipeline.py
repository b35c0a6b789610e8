"""The whole engine, stage by stage: ingest -> extract -> annotate -> summarize -> model.

`build_briefing` is what the CLI and the TUI call; the stage functions are public so
the benchmark can time each one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import cached_property

from briefing.actors import ActorTagger, compile_profile, find_other_actors
from briefing.annotate import AnnotatedArticle, Sentence, annotate_article
from briefing.cache import ArticleCache, briefing_key, cache_key, profile_fingerprint, reid
from briefing.corroborate import Corroboration, corroborate
from briefing.errors import EXIT_NO_INPUT, EXIT_PROFILE, BriefingError
from briefing.extract import Article, extract_article
from briefing.facts import (
    FactCandidate,
    attribute_sentences,
    best_date,
    event_dates,
    select_facts,
)
from briefing.ingest import Document, InputProblem, read_inputs
from briefing.lifetime import die_with_parent
from briefing.model import ActorBrief, Briefing, Fact, SummaryLine
from briefing.options import DEFAULT_MAX_BYTES, DEFAULT_OPTIONS, BriefingOptions
from briefing.profile import Profile, ProfileError, load_profile, suggest_profile
from briefing.resources import seed_paths
from briefing.safety import clean_text
from briefing.summarize import select_sentences

# Below this many articles, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 64
OTHER_ACTOR_COLOUR = "#8a8a8a"
# A sentence opening with one of these, or with a participle ("Citing officials, ..."),
# starts with a phrase, not its subject.
_OPENING_WORDS = frozenset(
    "in on at after before during while as with for since despite amid meanwhile however but "
    "and also earlier later separately according".split()
)
_PHRASE_SECOND_WORDS = frozenset(
    "on to the a an his her its their that up from at with in for of two three several".split()
)
# Sentences shorter than this say too little to stand alone in a summary.
_MIN_SUMMARY_WORDS = 5

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
    progress: Progress | None = None,
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
                progress(len(docs), len(docs))
        else:
            processed = process_documents(docs, profile, options, progress, cache=cache)
            briefing = _brief_articles(processed, profile, options, paths, problems)
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
        articles, profile, options.summarizer, options.sentences, problems=tuple(notes)
    )


def _why_no_text(article: Article) -> str:
    failure = next((line for line in article.dropped if line.startswith(_FAILED)), None)
    return clean_text(failure) if failure else "no article text found in the page"


def rebrief(briefing: Briefing, *, summarizer: str, sentences: int) -> Briefing:
    """The same briefing with its summaries made again by another summarizer or length
    (key facts do not depend on either)."""
    index = _Index.of(briefing.articles)

    def again(brief: ActorBrief, count: int) -> ActorBrief:
        summary = _summary(_reports(index, brief.sentence_ids), summarizer, count)
        return replace(brief, summary=summary)

    return replace(
        briefing,
        summarizer=summarizer,
        length=sentences,
        actors=tuple(again(b, sentences) for b in briefing.actors),
        other_actors=tuple(again(b, _other_length(sentences)) for b in briefing.other_actors),
    )


def build_model(
    articles: Sequence[AnnotatedArticle],
    profile: Profile,
    summarizer: str,
    sentences: int,
    *,
    problems: tuple[str, ...] = (),
) -> Briefing:
    """Group the annotated articles per actor: summaries, facts, other actors."""
    index = _Index.of(articles)
    tagger = compile_profile(profile)
    actors = []
    for spec in profile.actors:
        ids = tuple(sid for sid, s in index.sentences.items() if spec.id in s.actors)
        acts = _profile_actor_acts(tagger, spec.id)
        actors.append(
            _brief_actor(index, spec.id, spec.name, spec.colour, ids, summarizer, sentences, acts)
        )
    others = find_other_actors(
        [(sid, s.text) for sid, s in index.sentences.items() if s.kind != "caption"], profile
    )
    other_briefs = [
        _brief_actor(
            index,
            other.id,
            other.name,
            OTHER_ACTOR_COLOUR,
            other.sentence_ids,
            summarizer,
            _other_length(sentences),
            _named_actor_acts(other.name),
        )
        for other in others
    ]
    return Briefing(
        profile_id=profile.id,
        profile_name=profile.name,
        summarizer=summarizer,
        length=sentences,
        articles=tuple(articles),
        actors=tuple(actors),
        other_actors=tuple(other_briefs),
        problems=problems,
    )


def _other_length(sentences: int) -> int:
    # Actors outside the profile are context, not the subject: keep them short.
    return min(sentences, 3)


@dataclass(frozen=True)
class _Index:
    """Lookups shared by every actor's brief, built once per briefing."""

    annotated: tuple[AnnotatedArticle, ...]
    sentences: dict[str, Sentence]  # reading order
    articles: dict[str, Article]
    corroboration: Corroboration

    @classmethod
    def of(cls, articles: Sequence[AnnotatedArticle]) -> _Index:
        return cls(
            annotated=tuple(articles),
            sentences={s.id: s for a in articles for s in a.sentences},
            articles={a.id: a.article for a in articles},
            corroboration=corroborate(articles),
        )

    @cached_property
    def speakers(self) -> dict[str, str | None]:
        """Whose account each sentence gives; only key facts need it (rebrief does not)."""
        speakers: dict[str, str | None] = {}
        for article in self.annotated:
            speakers.update(attribute_sentences(article.sentences))
        return speakers


def _first_published(index: _Index, report: Sequence[str]) -> str | None:
    """The earliest publication day among the articles carrying a report."""
    days = [index.articles[index.sentences[sid].article_id].published for sid in report]
    known = [day[:10] for day in days if day]
    return min(known) if known else None


def _brief_actor(
    index: _Index,
    actor_id: str,
    name: str,
    colour: str,
    sentence_ids: tuple[str, ...],
    summarizer: str,
    count: int,
    acts: Callable[[str], bool],
) -> ActorBrief:
    """One pane: summary and key facts over the reports of this actor's sentences.
    `acts(text)` tells whether the actor is who acts or speaks in a sentence."""
    reports = _reports(index, sentence_ids)
    order = {sid: n for n, sid in enumerate(sentence_ids)}
    candidates = []
    for report, stated in reports.items():
        article = index.articles[stated.article_id]
        speaker = next((index.speakers[sid] for sid in report if index.speakers.get(sid)), None)
        candidates.append(
            FactCandidate(
                text=stated.text,
                kind=stated.kind,
                dates=tuple(
                    d
                    for sid in report
                    for d in event_dates(index.sentences[sid].text, index.sentences[sid].dates)
                ),
                speaker=speaker,
                sources=report,
                order=order.get(report[0], len(order)),
                reported=_first_published(index, report),
                wire=article.wire or article.outlet,
                actor_acts=acts(stated.text) or bool(speaker and acts(speaker)),
            )
        )
    facts = []
    for candidate in select_facts(candidates):
        date = best_date(candidate.dates)
        facts.append(
            Fact(
                text=candidate.text,
                date=date.value if date else None,
                precision=date.precision if date else None,
                attribution=candidate.attribution,
                sources=candidate.sources,
                reported=candidate.reported,
            )
        )
    return ActorBrief(
        id=actor_id,
        name=name,
        colour=colour,
        sentence_ids=sentence_ids,
        summary=_summary(reports, summarizer, count),
        facts=tuple(facts),
    )


def _reports(index: _Index, sentence_ids: Sequence[str]) -> dict[tuple[str, ...], Sentence]:
    """The reports among an actor's sentences, in reading order, each with the sentence
    that states it.

    One entry per report: a wire story carried by two outlets is stated once. It cites the
    sentences that concern this actor: an outlet whose rewording drops the actor ("as
    rebel forces pushed", without "and Kurds seized") is no source for it. A report is
    stated in its first body sentence's words (a highlight or headline restating it is
    terser); failing that, in its first sentence's.
    """
    mine = set(sentence_ids)
    members: dict[str, tuple[str, ...]] = {}  # report id -> its sentences of this actor
    for sid in sentence_ids:
        report = index.corroboration.report_of.get(sid)
        key = report.id if report else sid
        if key not in members:  # once per report: a wire story may have 1,000 copies
            carried = report.sentence_ids if report else (sid,)
            members[key] = tuple(s for s in carried if s in mine)
    reports = members.values()
    by_id = index.sentences
    return {r: next((by_id[s] for s in r if by_id[s].kind == "body"), by_id[r[0]]) for r in reports}


def _summary(
    reports: dict[tuple[str, ...], Sentence], summarizer: str, count: int
) -> tuple[SummaryLine, ...]:
    candidates = [
        (report, stated)
        for report, stated in reports.items()
        if stated.kind != "caption" and len(stated.text.split()) >= _MIN_SUMMARY_WORDS
    ]
    chosen = select_sentences([stated.text for _, stated in candidates], summarizer, count)
    return tuple(SummaryLine(text=candidates[i][1].text, sources=candidates[i][0]) for i in chosen)


def _profile_actor_acts(tagger: ActorTagger, actor_id: str) -> Callable[[str], bool]:
    return lambda text: actor_id in tagger.tag(_main_clause_opening(text))


def _named_actor_acts(name: str) -> Callable[[str], bool]:
    return lambda text: name in _main_clause_opening(text)


def _main_clause_opening(text: str) -> str:
    """The first words of a sentence's main clause, where its subject stands: an opening
    phrase ("In a further setback for Assad, ...") is skipped."""
    words = text.split()
    # A participle opens a phrase when an object or preposition follows ("Citing two
    # officials", "Speaking to reporters"); "Bombing killed five" has its subject first.
    participial = (
        len(words) > 1
        and words[0].lower().endswith("ing")
        and (words[1].lower() in _PHRASE_SECOND_WORDS or words[1][:1].isdigit())
    )
    opens_with_phrase = participial or (words and words[0].lower() in _OPENING_WORDS)
    if opens_with_phrase and "," in text:
        words = text.split(",", 1)[1].split()
    return " ".join(words[:8])
