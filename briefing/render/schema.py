"""The briefing as JSON (schema `briefing/1`), written an article at a time."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from json.encoder import encode_basestring
from typing import Any

from briefing.annotate import AnnotatedArticle, Sentence
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
                "attribution": s.attribution,
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
        **_article_fields(briefing, item),
        "sentences": [_sentence_json(s, briefing.report_of(s.id)) for s in item.sentences],
    }


def _article_fields(briefing: Briefing, item: AnnotatedArticle) -> dict[str, Any]:
    """An article's fields before its sentences (the last)."""
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
    }


def _sentence_json(s: Sentence, report: str) -> dict[str, Any]:
    return {
        "id": s.id,
        "text": s.text,
        "kind": s.kind,
        "paragraph": s.paragraph,
        "report": report,
        "actors": list(s.actors),
        "dates": [{"text": d.text, "value": d.value, "precision": d.precision} for d in s.dates],
    }


def _article_text(briefing: Briefing, item: AnnotatedArticle) -> str:
    """`indented_json(_article_json(briefing, item), depth=2)`, its sentences written
    straight from the sentences: building a dict of each and walking it was most of the
    rendering (40,000 sentences at 1,000 articles)."""
    head = indented_json(_article_fields(briefing, item), depth=2)
    try:
        sentences = _sentences_text(briefing, item.sentences)
    except TypeError:  # a field json writes otherwise than a string (none does now)
        sentences = indented_json(_article_json(briefing, item)["sentences"], depth=3)
    return f'{head[: -len(_AT[2]) - 1]},{_AT[3]}"sentences": {sentences}{_AT[2]}}}'


# The line break and indentation opening a line at each depth of an article's JSON (the
# article at 2, its fields at 3, its sentences at 4, theirs at 5, ...).
_AT = tuple("\n" + "  " * depth for depth in range(8))


def _sentences_text(briefing: Briefing, sentences: Sequence[Sentence]) -> str:
    """An article's sentences as `_sentence_json` values written by `indented_json` at
    depth 3; TypeError for a value json would write otherwise than these do."""
    if not sentences:
        return "[]"
    report_of, text = briefing.report_of, encode_basestring
    written = []
    for s in sentences:
        if type(s.paragraph) is not int:
            raise TypeError(s.paragraph)  # (a bool or a float: json writes its own)
        actors = f"[{_AT[6]}{f',{_AT[6]}'.join(map(text, s.actors))}{_AT[5]}]" if s.actors else "[]"
        dates = (
            f"[{_AT[6]}"
            + f",{_AT[6]}".join(
                f'{{{_AT[7]}"text": {text(d.text)},{_AT[7]}"value": {text(d.value)},'
                f'{_AT[7]}"precision": {text(d.precision)}{_AT[6]}}}'
                for d in s.dates
            )
            + f"{_AT[5]}]"
            if s.dates
            else "[]"
        )
        written.append(
            f'{{{_AT[5]}"id": {text(s.id)},{_AT[5]}"text": {text(s.text)},'
            f'{_AT[5]}"kind": {text(s.kind)},{_AT[5]}"paragraph": {s.paragraph},'
            f'{_AT[5]}"report": {text(report_of(s.id))},{_AT[5]}"actors": {actors},'
            f'{_AT[5]}"dates": {dates}{_AT[4]}}}'
        )
    return f"[{_AT[4]}{f',{_AT[4]}'.join(written)}{_AT[3]}]"


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
            article = _article_text(briefing, item)
        yield ("," if n else "") + _ARTICLE_BREAK + article
    yield ("\n  ]," if briefing.articles else ",") + tail[len("{") :] + "\n"


# An article's line break in the briefing: two levels deep.
_ARTICLE_BREAK = "\n    "
