"""Stage 3: split an article into sentences and tag each with actors and resolved dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

# The types only: the cache and the TUI load annotated articles without annotating any.
from briefing.date_mention import DateMention
from briefing.extract import Article

if TYPE_CHECKING:
    from briefing.actors import ActorTagger

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


def annotate_article(article: Article, article_id: str, tagger: ActorTagger) -> AnnotatedArticle:
    """Split the article's blocks into sentences; tag actors and resolve dates in each."""
    from briefing.coreference import lead_actor, leaves_quote_open, refers_back
    from briefing.dates import resolve_dates
    from briefing.extract import DATELINE
    from briefing.sentences import split_sentences

    published = publication_date(article.published)
    # Context rules ("militants" means HTS only in a Syria story) read the whole article.
    context = tagger.context("\n".join(block.text for block in article.blocks))
    sentences: list[Sentence] = []
    # The actor the sentence before led with, and whether a quote is still open.
    lead: str | None = None
    quote_open = False
    first_body = next((i for i, b in enumerate(article.blocks) if b.kind == "body"), None)
    for paragraph, block in enumerate(article.blocks):
        text = block.text
        if paragraph == first_body and article.dateline:
            # "BEIRUT (Reuters) - Iran will..." reads as "Iran will..."; the place is
            # kept as the article's dateline.
            dateline = DATELINE.match(text)
            text = text[dateline.end() :].lstrip() if dateline else text
        # Headlines, subheads and captions are one unit each, whatever their punctuation.
        pieces = [text] if block.kind in _WHOLE_BLOCK_KINDS else split_sentences(text)
        for text in pieces:
            found = tagger.positions(text, context, article.published)
            # "He said ..." goes on about whom the sentence before was about (most
            # sentences follow one about nobody: nothing to carry, nothing to read).
            carried = (
                lead if lead and block.kind == "body" and refers_back(text, quote_open) else None
            )
            actors = tagger.ordered({*found, carried} if carried else found)
            quote_goes_on = block.kind == "body" and leaves_quote_open(text, quote_open)
            # A quote's speaker stays its lead over sentences of the quote naming nobody
            # (a sentence naming nobody leads with nobody).
            led = carried or (lead_actor(text, found) if found else None)
            lead = led or (lead if quote_goes_on else None)
            quote_open = quote_goes_on
            sentences.append(
                Sentence(
                    id=f"{article_id}.s{len(sentences) + 1}",
                    article_id=article_id,
                    paragraph=paragraph,
                    kind=block.kind,
                    text=text,
                    actors=actors,
                    dates=resolve_dates(text, published),
                )
            )
    return AnnotatedArticle(id=article_id, article=article, sentences=tuple(sentences))


def publication_date(published: str | None) -> date | None:
    """The calendar day of an ISO date or datetime string, or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
