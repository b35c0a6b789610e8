"""The briefing model's types. Renderers (dump, TUI) only read them, never recompute them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from briefing.annotate import AnnotatedArticle, Sentence
from briefing.profile import Landmark


def article_id_of(sentence_id: str) -> str:
    """'a3.s12' -> 'a3'."""
    return sentence_id.partition(".")[0]


def cited_articles(sentence_ids: Iterable[str]) -> list[str]:
    """The distinct article ids of some sentence ids, first mention first."""
    # (article_id_of inlined: called per sentence id of every pane, rendering counts them)
    return list(dict.fromkeys([sid.partition(".")[0] for sid in sentence_ids]))


@dataclass(frozen=True)
class SummaryLine:
    text: str
    sources: tuple[str, ...]  # sentence ids, every sentence in any article carrying this report
    also: tuple[str, ...] = ()  # names of the other actors the line names (their panes link here)
    report: str | None = None  # the report's id (see Briefing.report_of)
    background: bool = False  # a habit, state, hypothetical or history, not news of the period
    # Who the pronoun it opens with is ("He also warned ..."), when its speaker is known:
    # shown as a key fact's account is.
    attribution: str | None = None


@dataclass(frozen=True)
class Fact:
    text: str
    date: str | None  # "YYYY" | "YYYY-MM" | "YYYY-MM-DD"
    precision: str | None  # "year" | "month" | "day"
    attribution: str | None  # "a senior Iranian official", "Syrian Observatory for Human Rights"
    sources: tuple[str, ...]
    reported: str | None = None  # earliest publication date among the sources, "YYYY-MM-DD"
    also: tuple[str, ...] = ()  # names of the other actors the fact names
    report: str | None = None  # the report's id (see Briefing.report_of)
    sentence: str | None = None  # the whole sentence, when `text` is the event cut out of it


@dataclass(frozen=True)
class ActorBrief:
    id: str
    name: str
    colour: str  # a colour for the TUI's theme variable, e.g. "#c0392b"
    sentence_ids: tuple[str, ...]  # every sentence tagged with this actor, reading order
    summary: tuple[SummaryLine, ...]
    facts: tuple[Fact, ...]  # newest first (an undated fact at its report date)
    # Every line of the pane: what a summary is chosen from (less the key facts when it is
    # chosen again), kept so that another summarizer or length needs no profile.
    summary_pool: tuple[SummaryLine, ...] = ()
    # What a summary shorter than asked is measured against: the length asked for this
    # actor, and how many lines it could have had (distinct reports long enough to stand
    # alone, not already key facts, at most half a small pane's lines).
    summary_length: int = 0
    summary_reports: int = 0

    @property
    def source_count(self) -> int:
        return len(cited_articles(self.sentence_ids))

    @property
    def cited_sentences(self) -> tuple[str, ...]:
        """The sentences its summary lines and key facts cite."""
        lines = (*self.summary, *self.facts)
        return tuple(dict.fromkeys(sid for line in lines for sid in line.sources))


@dataclass(frozen=True)
class Briefing:
    profile_id: str
    profile_name: str
    summarizer: str
    length: int
    articles: tuple[AnnotatedArticle, ...]
    actors: tuple[ActorBrief, ...]  # profile order
    other_actors: tuple[ActorBrief, ...]  # named often but not in the profile; most named first
    problems: tuple[str, ...] = ()  # inputs skipped or degraded, one line each
    inputs: tuple[str, ...] = ()  # every file read (with or without an article): never overwritten
    # Sentence id -> the id of the report it carries, for sentences whose report other
    # sentences carry too (copies and rewrites, across outlets); others are their own.
    report_ids: dict[str, str] = field(default_factory=dict)
    # Articles far from the briefing's period, or about none of the profile's actors:
    # the header's date span leaves them out.
    off_period: tuple[str, ...] = ()
    # The profile's landmarks: a line retelling one long after it is background (kept for
    # `rebrief`, which makes lines again without the profile).
    landmarks: tuple[Landmark, ...] = ()
    # Article id -> the day an article without a page date (or with one its report's other
    # carriers overrule) is estimated to be of, from those carriers or its dateline.
    estimated_published: dict[str, str] = field(default_factory=dict)

    def sentence(self, sentence_id: str) -> Sentence:
        article_id = article_id_of(sentence_id)
        for article in self.articles:
            if article.id == article_id:
                for sentence in article.sentences:
                    if sentence.id == sentence_id:
                        return sentence
        raise KeyError(sentence_id)

    def report_of(self, sentence_id: str) -> str:
        """The id of the report a sentence carries (its first sentence's id)."""
        return self.report_ids.get(sentence_id, sentence_id)

    def article(self, article_id: str) -> AnnotatedArticle:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def article_numbers(self) -> dict[str, int]:
        """Article id -> the 1-based number that source markers ([1][2]) show."""
        return dict(self._article_numbers)

    @cached_property
    def _article_numbers(self) -> dict[str, int]:
        # Worked out once: every line rendered asks, and there is one entry per article.
        return {article.id: number for number, article in enumerate(self.articles, start=1)}

    def source_numbers(self, sentence_ids: Iterable[str]) -> list[int]:
        """The numbers of the articles carrying these sentences, ascending."""
        numbers = self._article_numbers
        return sorted(numbers[aid] for aid in cited_articles(sentence_ids) if aid in numbers)

    @property
    def outlets(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for a in self.articles:
            if a.article.outlet:
                seen.setdefault(a.article.outlet, None)
        return tuple(seen)

    @property
    def date_span(self) -> tuple[str, str] | None:
        off = frozenset(self.off_period)  # thousands of ids at 10,000 articles: not a scan each
        dates = [
            a.article.published[:10]
            for a in self.articles
            if a.article.published and a.id not in off
        ]
        return (min(dates), max(dates)) if dates else None
