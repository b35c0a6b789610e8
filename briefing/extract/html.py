"""HTML pages go through trafilatura (DOM-based); never fetches anything."""

from __future__ import annotations

import logging
from collections import Counter

from briefing.extract.article import Article, Block
from briefing.extract.dates import find_date
from briefing.extract.metadata import find_dateline, find_wire
from briefing.extract.units import detect_language, normalise
from briefing.extract.vocabulary import CAPTION, WORD, describes_picture, ends_a_sentence


def extract_html(html: str, path: str) -> Article:
    """HTML pages go through trafilatura (DOM-based); never fetches anything."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        document = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=True
        )
    except Exception:  # a third-party parser on arbitrary markup: any failure means no article
        document = None
    title = (getattr(document, "title", None) or "").strip() if document else ""
    body = (getattr(document, "text", None) or "") if document else ""
    paragraphs = [" ".join(line.split()) for line in body.split("\n") if line.strip()]
    if paragraphs and title and normalise(paragraphs[0]) == normalise(title):
        paragraphs = paragraphs[1:]
    language = detect_language(WORD.findall(body.lower()))
    blocks = [Block("headline", title)] if title and paragraphs else []
    for paragraph in paragraphs:
        caption = CAPTION.search(paragraph) or describes_picture(paragraph, len(paragraph.split()))
        blocks.append(Block("caption" if caption else "body", paragraph))
    # Menus and footers alone (trafilatura's fallback keeps them when a page has no article)
    # end no sentence: such a page has no article text, as a text page of furniture has not.
    dropped = ()
    if not any(block.kind == "body" and ends_a_sentence(block.text) for block in blocks):
        blocks, dropped = [], tuple(paragraphs)
    bodies = [block.text for block in blocks if block.kind == "body"][:2]
    place, agency, _, _ = find_dateline(bodies, None, Counter(), language)
    author = (getattr(document, "author", None) or "").strip() if document else ""
    date = (getattr(document, "date", None) or "") if document else ""
    if date[5:10] == "01-01" and not _gives_new_year(html, title, paragraphs, date[:10]):
        date = ""
    return Article(
        path=path,
        title=title,
        outlet=(getattr(document, "sitename", None) or None) if document else None,
        wire=find_wire([], agency, (), [block.text for block in blocks if block.kind == "body"]),
        published=date[:16] or None,
        dateline=place,
        blocks=tuple(blocks),
        dropped=dropped,
        language=language,
        byline=author or None,
    )


def _gives_new_year(html: str, title: str, paragraphs: list[str], day: str) -> bool:
    """Whether the page gives 1 January as a day, not only its year: htmldate's extensive
    search ends in a bare year ("in 2022", "(c) 2024") read as 1 January, which is no
    publication day. Its fast search (meta tags, JSON-LD, time elements, the URL) or a full
    date in the text stands for the day."""
    from htmldate import find_date as htmldate_find_date

    if htmldate_find_date(html, extensive_search=False, original_date=True) == day:
        return True
    found = (find_date(text) for text in (title, *paragraphs))
    return any(hit is not None and hit[2][:10] == day for hit in found)
