"""Stage 3: split an article into sentences and tag each with actors and resolved dates."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.dates import DateMention
from briefing.extract import Article


@dataclass(frozen=True)
class Sentence:
    id: str  # "a1.s4": article a1, fourth sentence; stable within one briefing
    article_id: str
    paragraph: int  # index of the Block it came from
    kind: str  # the Block's kind
    text: str
    actors: tuple[str, ...]  # actor ids, profile order
    dates: tuple[DateMention, ...]


@dataclass(frozen=True)
class AnnotatedArticle:
    id: str  # "a1"
    article: Article
    sentences: tuple[Sentence, ...]
