"""Lookups over the annotated articles, built once per briefing and shared by every pane."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from briefing.annotate import AnnotatedArticle, Sentence
from briefing.corroborate import Corroboration, corroborate
from briefing.extract import Article

if TYPE_CHECKING:
    from briefing.model.dating import Dating


@dataclass(frozen=True)
class Index:
    annotated: tuple[AnnotatedArticle, ...]
    sentences: dict[str, Sentence]  # reading order
    articles: dict[str, Article]
    corroboration: Corroboration

    @classmethod
    def of(cls, articles: Sequence[AnnotatedArticle]) -> Index:
        return cls(
            annotated=tuple(articles),
            sentences={s.id: s for a in articles for s in a.sentences},
            articles={a.id: a.article for a in articles},
            corroboration=corroborate(articles),
        )

    @cached_property
    def middle_day(self) -> str | None:
        """The briefing's period: the middle publication day of the dated articles; with
        none dated, the newest day any sentence names ("on June 1, 2025")."""
        days = sorted(a.published[:10] for a in self.articles.values() if a.published)
        if days:
            return days[(len(days) - 1) // 2]
        named = [d.value for s in self.sentences.values() for d in s.dates if d.precision == "day"]
        return max(named, default=None)

    @cached_property
    def order(self) -> dict[str, int]:
        """Sentence id -> its place in reading order."""
        return {sid: n for n, sid in enumerate(self.sentences)}

    @cached_property
    def dating(self) -> Dating:
        """The day each article is read against and its news of the day."""
        from briefing.model.dating import Dating

        return Dating.of(self)

    @cached_property
    def speakers(self) -> dict[str, str | None]:
        """Whose account each sentence gives; only key facts need it (rebrief does not)."""
        from briefing.model.attribution import attribute_sentences

        speakers: dict[str, str | None] = {}
        for article in self.annotated:
            speakers.update(attribute_sentences(article.sentences))
        return speakers
