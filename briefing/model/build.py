"""The briefing model over annotated articles: one pane per actor, summaries and facts."""

from __future__ import annotations

import gc
from collections.abc import Mapping, Sequence
from dataclasses import replace

from briefing.annotate import AnnotatedArticle
from briefing.annotate.actors import compile_profile, find_other_actors
from briefing.collection import paused_collection
from briefing.model.background import stale_articles
from briefing.model.dating import pins_down
from briefing.model.facts import MAX_FACTS, pane_facts, sort_facts
from briefing.model.index import Index, Prepared
from briefing.model.lines import Line, blamed_attacks, make_line, pane_lines
from briefing.model.panes import PaneActor, mentions_of
from briefing.model.summaries import fresh_lines, summarize_lines, summary_line
from briefing.model.types import ActorBrief, Briefing
from briefing.profile import Profile
from briefing.progress import Stage, StageProgress

OTHER_ACTOR_COLOUR = "#8a8a8a"


# No collection passes during the build: it makes hundreds of thousands of objects (pairs,
# groups, lines) and no cyclic garbage (a pass after it finds none at 1,000 articles),
# and passes over them were about 7% of the model stage's CPU.
@paused_collection()
def build_model(
    articles: Sequence[AnnotatedArticle],
    profile: Profile,
    summarizer: str,
    sentences: int,
    *,
    problems: tuple[str, ...] = (),
    progress: StageProgress | None = None,
    prepared: Mapping[str, Prepared] | None = None,
) -> Briefing:
    """Group the annotated articles per actor: summaries, facts, other actors. `prepared`:
    what was worked out along with the articles, by article id (see `Prepared`)."""
    advance = progress or (lambda stage, done, total: None)
    advance(Stage.COMPARE, 0, len(articles))
    index = Index.of(articles, prepared)
    # The index lives to the end of the build: collection passes need not go over its
    # reports again and again (as for the articles; `build_briefing` unfreezes).
    gc.freeze()
    tagger = compile_profile(profile)
    index = index.retagged(tagger)
    articles = index.annotated
    # Each actor's sentences in reading order, gathered in one pass (an actor names each
    # sentence once).
    named: dict[str, list[str]] = {spec.id: [] for spec in profile.actors}
    for sid, sentence in index.sentences.items():
        for actor in sentence.actors:
            if actor in named:
                named[actor].append(sid)
    others = [
        PaneActor(
            other.id, other.name, OTHER_ACTOR_COLOUR, other.sentence_ids, _other_length(sentences)
        )
        for other in find_other_actors(
            [(sid, s.text) for sid, s in index.sentences.items() if s.kind != "caption"],
            profile,
            known={sid: names for p in index.prepared.values() for sid, names in p.names.items()},
        )
    ]
    known = index.prepared
    settled = {id(article): known[i].context for i, article in index.articles.items() if i in known}
    # (worked out only for a profile with aliases bounded in time: none other reads them)
    undated = index.tagging_days if tagger.time_bounded else {}
    days = {id(index.articles[i]): day for i, day in undated.items()}
    mentions = mentions_of(tagger, index.annotated_by_id, others, settled, days)
    # An attack told with no one acting is the pane's of the actor blamed for it just after.
    blamed = blamed_attacks(index, [*named, *(other.id for other in others)], mentions)
    told: dict[str, set[str]] = {}  # (one naming an actor is in its pane already)
    for sid, actor in blamed.items():
        if not index.sentences[sid].actors:
            told.setdefault(actor, set()).add(sid)

    def with_told(actor: str, sids: Sequence[str]) -> list[str]:
        return sorted({*sids, *told[actor]}, key=index.order.__getitem__)

    for actor in told.keys() & named.keys():
        named[actor] = with_told(actor, named[actor])
    others = [
        replace(other, sentence_ids=tuple(with_told(other.id, other.sentence_ids)))
        if other.id in told
        else other
        for other in others
    ]
    actors = [
        PaneActor(spec.id, spec.name, spec.colour, tuple(named[spec.id]), sentences)
        for spec in profile.actors
    ]
    # Articles about none of the profile's actors, or far from the period, are off it.
    on_topic = {index.sentences[sid].article_id for pane in actors for sid in pane.sentence_ids}
    stale = set(stale_articles([(a.id, a.article.published) for a in articles]))
    off_period = frozenset(a.id for a in articles if a.id not in on_topic or a.id in stale)
    landmarks = profile.landmarks
    lines = pane_lines(index, [*actors, *others], mentions, off_period, blamed, landmarks)
    advance(Stage.COMPARE, len(articles), len(articles))
    panes = [*actors, *(pane for pane in others if lines[pane.id])]
    briefs: list[ActorBrief] = []
    advance(Stage.ACTORS, 0, len(panes))
    for pane in panes:
        briefs.append(_brief(pane, lines[pane.id], summarizer))
        advance(Stage.ACTORS, len(briefs), len(panes))
    briefing = Briefing(
        profile_id=profile.id,
        profile_name=profile.name,
        summarizer=summarizer,
        length=sentences,
        articles=tuple(articles),
        actors=tuple(briefs[: len(actors)]),
        # An actor outside the profile gets a pane only for lines about it.
        other_actors=tuple(briefs[len(actors) :]),
        problems=problems,
        report_ids={
            sid: report.id
            for report in index.corroboration.reports
            if len(report.sentence_ids) > 1
            for sid in report.sentence_ids
        },
        off_period=tuple(a.id for a in articles if a.id in off_period),
        landmarks=landmarks,
        estimated_published=index.dating.estimated_days(),
    )
    # What the build made after the index is frozen too (what the briefing does not keep
    # goes by reference counting): the first collection pass after the build went over all
    # of it for nothing, 1.5% of the model stage at 1,000 articles.
    gc.freeze()
    return briefing


def rebrief(briefing: Briefing, *, summarizer: str, sentences: int) -> Briefing:
    """The same briefing with its summaries made again by another summarizer or length
    (key facts do not depend on either)."""
    index = Index.of(briefing.articles)
    off_period = frozenset(briefing.off_period)

    def again(brief: ActorBrief, count: int) -> ActorBrief:
        facts = {fact.report for fact in brief.facts}
        pool = [
            (
                make_line(
                    index,
                    line.report or line.sources[0],
                    line.sources,
                    off_period,
                    landmarks=briefing.landmarks,
                ),
                line.also,
            )
            for line in brief.summary_pool
            if line.report not in facts
        ]
        room = _summary_length(count, len(brief.summary_pool))
        fresh = fresh_lines(pool, brief.facts)
        return replace(
            brief,
            summary=summarize_lines(fresh, summarizer, room),
            summary_length=count,
            summary_reports=min(len(fresh), room),
        )

    return replace(
        briefing,
        summarizer=summarizer,
        length=sentences,
        actors=tuple(again(b, sentences) for b in briefing.actors),
        other_actors=tuple(again(b, _other_length(sentences)) for b in briefing.other_actors),
    )


def _other_length(sentences: int) -> int:
    # Actors outside the profile are context, not the subject: keep them short.
    return min(sentences, 3)


def _summary_length(length: int, lines: int) -> int:
    # A small pane keeps half its lines for key facts.
    return min(length, max(1, lines // 2))


def _brief(
    pane: PaneActor, lines: Sequence[tuple[Line, tuple[str, ...]]], summarizer: str
) -> ActorBrief:
    """One pane. Events the text dates are key facts first; the summary tells the main
    developments among the other lines; the lines left fill the key facts (a summary line
    never repeats a fact)."""
    dated = pane_facts([(line, also) for line, also in lines if pins_down(line.dates)])
    taken = {fact.report for fact in dated}
    rest = [(line, also) for line, also in lines if line.report not in taken]
    room = _summary_length(pane.length, len(rest))
    fresh = fresh_lines(rest, dated)
    summary = summarize_lines(fresh, summarizer, room)
    taken |= {line.report for line in summary}
    more = pane_facts([(line, also) for line, also in lines if line.report not in taken], dated)
    return ActorBrief(
        id=pane.id,
        name=pane.name,
        colour=pane.colour,
        sentence_ids=pane.sentence_ids,
        summary=summary,
        facts=sort_facts((*dated, *more))[:MAX_FACTS],
        summary_pool=tuple(summary_line(line, also) for line, also in lines),
        summary_length=pane.length,
        summary_reports=min(len(fresh), room),
    )
