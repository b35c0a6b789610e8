"""The briefing model over annotated articles: one pane per actor, summaries and facts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefing.actors import compile_profile, find_other_actors
from briefing.annotate import AnnotatedArticle
from briefing.model.facts import pane_facts
from briefing.model.index import Index
from briefing.model.panes import Acts, named_actor_acts, profile_actor_acts
from briefing.model.reports import actor_reports
from briefing.model.summaries import summarize_reports
from briefing.model.types import ActorBrief, Briefing
from briefing.profile import Profile

OTHER_ACTOR_COLOUR = "#8a8a8a"


def build_model(
    articles: Sequence[AnnotatedArticle],
    profile: Profile,
    summarizer: str,
    sentences: int,
    *,
    problems: tuple[str, ...] = (),
) -> Briefing:
    """Group the annotated articles per actor: summaries, facts, other actors."""
    index = Index.of(articles)
    tagger = compile_profile(profile)
    actors = []
    for spec in profile.actors:
        ids = tuple(sid for sid, s in index.sentences.items() if spec.id in s.actors)
        acts = profile_actor_acts(tagger, spec.id)
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
            named_actor_acts(other.name),
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


def rebrief(briefing: Briefing, *, summarizer: str, sentences: int) -> Briefing:
    """The same briefing with its summaries made again by another summarizer or length
    (key facts do not depend on either)."""
    index = Index.of(briefing.articles)

    def again(brief: ActorBrief, count: int) -> ActorBrief:
        reports = actor_reports(index, brief.sentence_ids)
        return replace(brief, summary=summarize_reports(reports, summarizer, count))

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


def _brief_actor(
    index: Index,
    actor_id: str,
    name: str,
    colour: str,
    sentence_ids: tuple[str, ...],
    summarizer: str,
    count: int,
    acts: Acts,
) -> ActorBrief:
    """One pane: summary and key facts over the reports of this actor's sentences."""
    reports = actor_reports(index, sentence_ids)
    order = {sid: n for n, sid in enumerate(sentence_ids)}
    return ActorBrief(
        id=actor_id,
        name=name,
        colour=colour,
        sentence_ids=sentence_ids,
        summary=summarize_reports(reports, summarizer, count),
        facts=pane_facts(index, reports, order, acts),
    )
