"""The briefing as JSON (schema `briefing/1`), written an article at a time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from briefing.annotate import AnnotatedArticle
from briefing.collection import paused_collection
from briefing.model import ActorBrief, Briefing
from briefing.render.json_text import indented_json
from briefing.render.wording import summary_shortfall
from briefing.safety import clean_text

SCHEMA = "briefing/1"


def _actor_json(briefing: Briefing, brief: ActorBrief) -> dict[str, Any]:
    return {
        "id": brief.id,
        "name": brief.name,
        "colour": brief.colour,
        "sentence_ids": list(brief.sentence_ids),
        "summary": [
            {
                "text": s.text,
                "sources": list(s.sources),
                "report": s.report,
                "also": list(s.also),
                "background": s.background,
            }
            for s in brief.summary
        ],
        # Why the summary is shorter than asked; null when it is not.
        "summary_shortfall": summary_shortfall(briefing, brief),
        "facts": [
            {
                "text": f.text,
                "date": f.date,
                "precision": f.precision,
                "attribution": f.attribution,
                "reported": f.reported,
                "sources": list(f.sources),
                "report": f.report,
                "also": list(f.also),
                "sentence": f.sentence,
            }
            for f in brief.facts
        ],
    }


def briefing_json(briefing: Briefing) -> dict[str, Any]:
    """The `briefing/1` contract as plain data (names fixed; extra fields allowed)."""
    return {
        **_json_head(briefing),
        "articles": [_article_json(briefing, item) for item in briefing.articles],
        **_json_tail(briefing),
    }


def _json_head(briefing: Briefing) -> dict[str, Any]:
    """The fields before the articles."""
    return {
        "schema": SCHEMA,
        "profile": briefing.profile_id,
        "profile_name": briefing.profile_name,
        "summarizer": briefing.summarizer,
        "sentences_per_summary": briefing.length,
        "problems": [clean_text(p) for p in briefing.problems],
    }


def _article_json(briefing: Briefing, item: AnnotatedArticle) -> dict[str, Any]:
    return {
        "id": item.id,
        "path": clean_text(item.article.path),
        "title": item.article.title,
        "outlet": item.article.outlet,
        "wire": item.article.wire,
        "byline": item.article.byline,
        "published": item.article.published,
        # the day the briefing reads an undated (or misdated) article as of
        "published_estimate": briefing.estimated_published.get(item.id),
        "dateline": item.article.dateline,
        "language": item.article.language,
        "sentences": [
            {
                "id": s.id,
                "text": s.text,
                "kind": s.kind,
                "paragraph": s.paragraph,
                "report": briefing.report_of(s.id),
                "actors": list(s.actors),
                "dates": [
                    {"text": d.text, "value": d.value, "precision": d.precision} for d in s.dates
                ],
            }
            for s in item.sentences
        ],
    }


def _json_tail(briefing: Briefing) -> dict[str, Any]:
    """The fields after the articles."""
    return {
        "actors": [_actor_json(briefing, b) for b in briefing.actors],
        "other_actors": [_actor_json(briefing, b) for b in briefing.other_actors],
    }


def render_json(briefing: Briefing) -> str:
    return "".join(json_pieces(briefing))


def json_pieces(briefing: Briefing) -> Iterator[str]:
    """`briefing_json` as json.dumps(indent=2) writes it, an article at a time: the fields
    around the articles written as objects of their own and joined at their braces, each
    article written alone and indented to its depth (JSON text holds no raw line break
    but those indentation puts)."""
    with paused_collection():
        head, tail = indented_json(_json_head(briefing)), indented_json(_json_tail(briefing))
    yield head[: -len("\n}")] + ',\n  "articles": [' + ("" if briefing.articles else "]")
    for n, item in enumerate(briefing.articles):
        with paused_collection():
            article = indented_json(_article_json(briefing, item), depth=2)
        yield ("," if n else "") + _ARTICLE_BREAK + article
    yield ("\n  ]," if briefing.articles else ",") + tail[len("{") :] + "\n"


# An article's line break in the briefing: two levels deep.
_ARTICLE_BREAK = "\n    "
