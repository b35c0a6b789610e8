"""The annotation of one article: its sentences, each tagged with actors and resolved dates."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

# The types only: the cache and the TUI load annotated articles without annotating any.
from briefing.annotate.date_mention import DateMention
from briefing.extract import Article

if TYPE_CHECKING:
    from briefing.annotate.actors import ActorTagger, ArticleContext

_WHOLE_BLOCK_KINDS = frozenset({"headline", "subhead", "caption"})


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


def annotate_article(
    article: Article, article_id: str, tagger: ActorTagger, *, tag_day: str | None = None
) -> AnnotatedArticle:
    """Split the article's blocks into sentences; tag actors and resolve dates in each.
    `tag_day`: the day time-bounded aliases are read against when not the page's date."""
    from briefing.annotate.dates import carry_written_years, resolve_dates
    from briefing.annotate.sentences import split_sentences
    from briefing.extract.metadata import opening_credit, opening_dateline, opening_label

    published = publication_date(article.published)
    pieces: list[tuple[int, str, str]] = []  # (paragraph, kind, text)
    # extraction reads the dateline in the first body paragraph or the next one
    opening = [i for i, b in enumerate(article.blocks) if b.kind == "body"][:2]
    for paragraph, block in enumerate(article.blocks):
        text = block.text
        if paragraph in opening and article.dateline:
            # "BEIRUT (Reuters) - Iran will..." reads as "Iran will..."; the place is
            # kept as the article's dateline.
            dateline = opening_dateline(text, article.language)
            if dateline and dateline.place == article.dateline:
                text = text[dateline.end :].lstrip()
        # "Shafaq News/ Clashes ..." reads as "Clashes ..." (the credit, read as the outlet or
        # the wire, is furniture like a dateline); so does a stray "/" opening a paragraph.
        credit = opening_credit(text) if block.kind == "body" else None
        if credit and (paragraph in opening or not credit.bare or credit.agency or credit.newsroom):
            text = text[credit.end :]
        # "Update: A major Russian strike ..." reads as "A major Russian strike ..."
        if block.kind == "body":
            text = text[opening_label(text) :]
        # Headlines, subheads and captions are one unit each, whatever their punctuation.
        split = [text] if block.kind in _WHOLE_BLOCK_KINDS else split_sentences(text)
        pieces += [(paragraph, block.kind, piece) for piece in split]
    # Context rules ("militants" means HTS only in a Syria story) read the whole article.
    context = tagger.context("\n".join(block.text for block in article.blocks))
    tags = _tag_pieces(
        [(kind, text) for _, kind, text in pieces], context, tagger, tag_day or article.published
    )
    dates = carry_written_years(resolve_dates(text, published) for _, _, text in pieces)
    sentences = tuple(
        Sentence(
            id=f"{article_id}.s{n}",
            article_id=article_id,
            paragraph=paragraph,
            kind=kind,
            text=text,
            actors=actors,
            dates=written,
        )
        for n, ((paragraph, kind, text), actors, written) in enumerate(
            zip(pieces, tags, dates, strict=True), 1
        )
    )
    return AnnotatedArticle(id=article_id, article=article, sentences=sentences)


def retag_article(
    article: AnnotatedArticle,
    tagger: ActorTagger,
    day: str,
    context: ArticleContext | None = None,
    bounded: Collection[str] | None = None,
) -> AnnotatedArticle:
    """The article with its sentences' actors read against `day` (an undated page's
    estimated day: "the government" of a page from after a fall is the new one); itself
    when that changes no sentence's actors. `context`: the article as the tagger's context
    rules read it, when already worked out; `bounded`: the ids of its sentences naming an
    alias bounded in time (see `bounded_sentences`), when already worked out."""
    changed = tagger.meaning_on(day)
    if changed is None:
        return article  # every alias means what it does in an undated article
    if context is None:
        context = tagger.context("\n".join(b.text for b in article.article.blocks))
    if bounded is None:
        bounded = bounded_sentences(article, tagger)
    # Only a sentence with such an alias can change; the whole article is read again (a
    # sentence's actor carries to the next) only when one does.
    published = article.article.published
    others = tagger.others_in(s.text for s in article.sentences)
    if all(
        tagger.positions(s.text, context, day, read).keys()
        == tagger.positions(s.text, context, published, read).keys()
        for s, read in zip(article.sentences, others, strict=True)
        if s.id in bounded and changed.search(s.text)
    ):
        return article
    tags = _tag_pieces([(s.kind, s.text) for s in article.sentences], context, tagger, day)
    sentences = tuple(
        replace(s, actors=actors) for s, actors in zip(article.sentences, tags, strict=True)
    )
    return replace(article, sentences=sentences)


def bounded_sentences(article: AnnotatedArticle, tagger: ActorTagger) -> frozenset[str]:
    """The ids of the sentences naming an alias bounded in time (see
    `ActorTagger.bounded_aliases`): the only ones `retag_article` may change. They depend
    on the article alone: an undated article's are found where it is annotated."""
    aliases = tagger.bounded_aliases
    if aliases is None:
        return frozenset()
    return frozenset(s.id for s in article.sentences if aliases.search(s.text))


def _tag_pieces(
    pieces: Sequence[tuple[str, str]],
    context: ArticleContext,
    tagger: ActorTagger,
    day: str | None,
) -> list[tuple[str, ...]]:
    """The actors of each (block kind, sentence text) of an article, in reading order;
    `context`: the whole article as the tagger's context rules read it."""
    from briefing.annotate.coreference import lead_actor, leaves_quote_open, refers_back

    tags: list[tuple[str, ...]] = []
    # The actor the sentence before led with, and whether a quote is still open.
    lead: str | None = None
    quote_open = False
    before: dict[str, int] = {}  # where the sentence before names each actor
    for (kind, text), others in zip(
        pieces, tagger.others_in(text for _, text in pieces), strict=True
    ):
        found = tagger.positions(text, context, day, others)
        # "He said ..." goes on about whom the sentence before was about (most
        # sentences follow one about nobody: nothing to carry, nothing to read).
        refers = bool(lead or found) and kind == "body" and refers_back(text, quote_open)
        carried = lead if lead and refers else None
        tags.append(tagger.ordered({*found, carried} if carried else found))
        quote_goes_on = kind == "body" and leaves_quote_open(text, quote_open)
        # A quote's speaker stays its lead over sentences of the quote naming nobody
        # (a sentence naming nobody leads with nobody). A pronoun after a sentence that led
        # with nobody stands for someone who is no actor ("He reaffirmed ... the sanctions
        # imposed during the former Assad regime", Macron's: "..., he added" after it is not
        # Assad), or for one the sentence before named in passing ("... — Volodymyr
        # Zelenskyy (@ZelenskyyUa)" / "He again made a case for greater support to Ukraine").
        leading = {a: at for a, at in found.items() if a in before} if refers else found
        led = carried or (lead_actor(text, leading) if leading else None)
        before = found
        lead = led or (lead if quote_goes_on else None)
        quote_open = quote_goes_on
    return tags


def publication_date(published: str | None) -> date | None:
    """The calendar day of an ISO date or datetime string, or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
