"""Lookups over the annotated articles, built once per briefing and shared by every pane."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from briefing.annotate import AnnotatedArticle, Sentence, publication_date, retag_article
from briefing.annotate.actors import (
    ActorTagger,
    ArticleContext,
    SentenceNames,
    compile_profile,
    sentence_names,
)
from briefing.corroborate import (
    ArticleWords,
    Corroboration,
    ReportWords,
    article_words,
    corroborate,
)
from briefing.extract import Article
from briefing.lazy_pattern import lazy_compile
from briefing.profile import Profile

if TYPE_CHECKING:
    from briefing.annotate.dates import DateMention
    from briefing.model.dating import Dating
    from briefing.model.reading import Reading


@dataclass(frozen=True)
class Prepared:
    """What the model needs of one article alone, worked out where the article is
    extracted (a worker process), so that the model stage only joins."""

    words: ArticleWords  # see `corroborate`
    speakers: dict[str, str | None]  # see `Index.speakers`
    # Sentence id -> what it names outside the profile (see `find_other_actors`), for
    # every sentence but captions, which the model leaves out of that count.
    names: dict[str, SentenceNames | None]
    # How the tagger's context rules read the whole article (see `mentions_of`), settled:
    # the model needs it without the article's text in memory. Not compared: contexts
    # compare as objects (tests compare what a settled one decides).
    context: ArticleContext = field(compare=False)
    furniture: frozenset[str]  # see `lines.furniture`
    # The sentences whose dates depend on the day they are read against (see
    # `dates.reads_the_day`): the others need no reading again against another day.
    relative: frozenset[str]
    # Sentence id -> its `Reading`, for the sentences naming a profile actor (not
    # furniture): those the profile's panes state. Others are read when a line asks.
    readings: dict[str, Reading]
    # Sentence id -> `dating.done_date` of its own dates, for the sentences with one: the
    # model reads a sentence whose dates it does not read again by this.
    done: dict[str, DateMention]
    # An undated article's sentences naming an alias bounded in time (see
    # `bounded_sentences`), the only ones re-tagging it may change; None for a dated one.
    bounded: frozenset[str] | None


def prepare(article: AnnotatedArticle, profile: Profile) -> Prepared:
    from briefing.annotate.article import bounded_sentences
    from briefing.annotate.dates import reads_the_day
    from briefing.model.attribution import attribute_sentences
    from briefing.model.dating import done_date
    from briefing.model.lines import furniture
    from briefing.model.reading import read_sentence

    unfit = furniture(article)
    return Prepared(
        article_words(article),
        attribute_sentences(article.sentences),
        {s.id: sentence_names(s.text, profile) for s in article.sentences if s.kind != "caption"},
        article_context(article.article, profile).settled(),
        unfit,
        frozenset(s.id for s in article.sentences if reads_the_day(s.text)),
        {s.id: read_sentence(s.text) for s in article.sentences if s.actors and s.id not in unfit},
        {s.id: done for s in article.sentences if s.dates and (done := done_date(s.text, s.dates))},
        (
            bounded_sentences(article, compile_profile(profile))
            if publication_date(article.article.published) is None
            else None
        ),
    )


def article_context(article: Article, profile: Profile) -> ArticleContext:
    """The whole article as the profile's context rules read it."""
    return compile_profile(profile).context("\n".join(block.text for block in article.blocks))


def _retagged(
    article: AnnotatedArticle, tagger: ActorTagger, day: str, prepared: Prepared | None
) -> AnnotatedArticle:
    if prepared is None:
        return retag_article(article, tagger, day)
    return retag_article(article, tagger, day, prepared.context, prepared.bounded)


_HEADINGS = frozenset({"headline", "subhead"})
# A short heading naming background or context (at most three words on either side of
# the word): a heading of the story's own news is longer or names neither.
_BACKGROUND_HEADING = lazy_compile(
    r"^\W*(?:[\w'’-]+\s+){0,3}?(?:background|context)\b(?:\s+[\w'’-]+){0,3}\W*$", re.IGNORECASE
)


@dataclass(frozen=True)
class Index:
    annotated: tuple[AnnotatedArticle, ...]
    sentences: dict[str, Sentence]  # reading order
    articles: dict[str, Article]
    corroboration: Corroboration
    prepared: Mapping[str, Prepared]  # by article id; articles without are worked out here

    @classmethod
    def of(
        cls, articles: Sequence[AnnotatedArticle], prepared: Mapping[str, Prepared] | None = None
    ) -> Index:
        prepared = prepared or {}
        return cls(
            annotated=tuple(articles),
            sentences={s.id: s for a in articles for s in a.sentences},
            articles={a.id: a.article for a in articles},
            corroboration=corroborate(articles, {i: p.words for i, p in prepared.items()}),
            prepared=prepared,
        )

    @cached_property
    def tagging_days(self) -> dict[str, str]:
        """Article id -> the day an undated article is estimated to be of (see
        `Dating.estimated_days`), else the latest day its text writes (see
        `latest_written_day`), else the briefing's period (`middle_day`: the other pages'
        days tell its time better than nothing does): what its aliases bounded in time
        are read against."""
        from briefing.model.dating import latest_written_day

        estimated = self.dating.estimated_days()
        days = {}
        for article_id, article in self.articles.items():
            if publication_date(article.published) is None:
                day = (
                    estimated.get(article_id)
                    or latest_written_day(self, article_id)
                    or self.middle_day
                )
                if day:
                    days[article_id] = day
        return days

    def _carried_eras(self, tagger: ActorTagger) -> dict[str, str]:
        """Article id -> the latest era day (see `ArticleContext.era_day`) of the articles
        carrying a report with an undated one whose own words show none: "Syrian government
        forces" of an undated al-Hol page is the new government's when a page carrying its
        reports names "President Ahmed al-Sharaa"."""
        from briefing.model.dating import carriers_of

        def era(article_id: str) -> str | None:
            prepared = self.prepared.get(article_id)
            if prepared is not None:
                return prepared.context.era_day
            blocks = self.articles[article_id].blocks
            return tagger.context("\n".join(block.text for block in blocks)).era_day

        eras = {}
        for article_id, others in carriers_of(self).items():
            article = self.articles[article_id]
            if publication_date(article.published) is None and era(article_id) is None:
                day = max((d for other in others if (d := era(other))), default=None)
                if day:
                    eras[article_id] = day
        return eras

    def retagged(self, tagger: ActorTagger) -> Index:
        """The index with the actors of each undated article read against the day it is
        estimated to be of (see `Dating.estimated_days`), for aliases bounded in time; its
        reports and dating stay (neither reads actors)."""
        if not tagger.time_bounded:
            return self
        days = {**self._carried_eras(tagger), **self.tagging_days}
        annotated = tuple(
            _retagged(a, tagger, days[a.id], self.prepared.get(a.id)) if a.id in days else a
            for a in self.annotated
        )
        if all(new is old for new, old in zip(annotated, self.annotated, strict=True)):
            return self
        index = replace(
            self, annotated=annotated, sentences={s.id: s for a in annotated for s in a.sentences}
        )
        # The same days: worked out once.
        index.__dict__.update(dating=self.dating, tagging_days=days)
        return index

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
    def annotated_by_id(self) -> dict[str, AnnotatedArticle]:
        return {a.id: a for a in self.annotated}

    @cached_property
    def order(self) -> dict[str, int]:
        """Sentence id -> its place in reading order."""
        return {sid: n for n, sid in enumerate(self.sentences)}

    def report_words(self, sentence: Sentence) -> ReportWords:
        """A sentence's `report_words`, as corroboration compared them (no reading again)."""
        return self.corroboration.words[self.order[sentence.id]]

    def report_events(self, sentence: Sentence) -> frozenset[str]:
        """A sentence's `report_words` event verbs alone (cheaper than all its words)."""
        return self.corroboration.words.events(self.order[sentence.id])

    def names_an_event(self, sentence: Sentence) -> bool:
        """Whether a sentence's `report_words` have event verbs and names."""
        return self.corroboration.words.names_an_event(self.order[sentence.id])

    @cached_property
    def following(self) -> dict[str, Sentence]:
        """Sentence id -> the next sentence of its paragraph (the last has none)."""
        return {
            one.id: other
            for article in self.annotated
            for one, other in zip(article.sentences, article.sentences[1:], strict=False)
            if one.paragraph == other.paragraph
        }

    @cached_property
    def under_background_heading(self) -> frozenset[str]:
        """Sentences under a subhead announcing background ("Clash Background", "Context of
        the Conflict"), up to the next heading: how the story got here, not its news."""
        found = []
        for article in self.annotated:
            under = False
            for sentence in article.sentences:
                if sentence.kind in _HEADINGS:
                    under = _BACKGROUND_HEADING.match(sentence.text) is not None
                elif under:
                    found.append(sentence.id)
        return frozenset(found)

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
            known = self.prepared.get(article.id)
            speakers.update(known.speakers if known else attribute_sentences(article.sentences))
        return speakers

    def reading(self, sentence: Sentence) -> Reading:
        """What a sentence tells (see `reading.read_sentence`), as its worker read it."""
        known = self.prepared.get(sentence.article_id)
        found = known.readings.get(sentence.id) if known else None
        if found is not None:
            return found
        from briefing.model.reading import read_sentence

        return read_sentence(sentence.text)

    @cached_property
    def furniture(self) -> frozenset[str]:
        """Sentences no line may state (see `lines.furniture`: an article's own)."""
        from briefing.model.lines import furniture

        own = []
        for article in self.annotated:
            known = self.prepared.get(article.id)
            own.append(known.furniture if known else furniture(article))
        return frozenset().union(*own)
