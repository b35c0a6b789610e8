"""Stage 2: find the article inside a page: metadata, body blocks, and what was dropped.

Text pages (dumps of a text-mode browser) are cut into paragraph units, each unit is classed
jusText-style (length, stop-word density, sentence punctuation, bullets as a link-density proxy),
and the article is the contiguous run of units with the best score, where every step through
non-article units costs more than the one before (menus and teaser lists are long runs of
short lines; a caption or subhead inside the article is a short one). The headline, standfirst,
byline and dates are then read from the units just above that run.
"""

from __future__ import annotations

from collections import Counter

from briefing.extract.article import Article, Block
from briefing.extract.dates import ambiguous_numeric_date, page_day_first, publication_date
from briefing.extract.html import extract_html
from briefing.extract.metadata import (
    find_dateline,
    find_headline,
    find_outlet,
    find_wire,
    glued_site,
    is_standfirst,
    split_title,
)
from briefing.extract.region import (
    best_region,
    body_kind,
    body_start,
    cut_at_article_end,
    repeat_shares,
    skip_leading_copies,
    trim_lone_tail,
)
from briefing.extract.units import (
    detect_language,
    is_header_row,
    is_prose,
    lines_to_units,
    make_unit,
    mark_caption_copies,
)
from briefing.extract.vocabulary import BYLINE, STOPWORDS, WORD


def extract_article(text: str, path: str, media: str = "text") -> Article:
    """Find the article in a page dumped as text (or given as HTML): metadata, blocks, furniture."""
    if media == "html":
        return extract_html(text, path)
    return _extract_text(text, path)


def _extract_text(text: str, path: str) -> Article:
    raw_units = lines_to_units(text)
    all_words = WORD.findall(" ".join(line for line, _ in raw_units).lower())
    language = detect_language(all_words)
    stops = STOPWORDS.get(language, STOPWORDS["en"])
    units = mark_caption_copies([make_unit(line, bullet, stops) for line, bullet in raw_units])
    texts = [unit.text for unit in units]

    shares = repeat_shares(units)
    start, end = trim_lone_tail(units, shares, *best_region(units, shares))
    start = skip_leading_copies(units, start, end)
    end = cut_at_article_end(units, start, end)

    first_line = texts[0] if texts else ""
    title_hint, title_site = split_title(first_line)
    # "Headline - by Jane Doe": the title names the writer, not the site.
    title_byline = BYLINE.match(title_site) if title_site else None
    title_author = title_byline.group(1) if title_byline else None
    title_site = None if title_byline else title_site
    headline_at = find_headline(units, start, title_hint, title_site, stops)
    if headline_at is not None and headline_at >= start:
        start = headline_at + 1
        end = max(end, start)
    # Without a headline row, a "Headline | Site" first line still names the page; the first
    # line itself as the headline row is named without its site part.
    if headline_at is None or (headline_at == 0 and title_site):
        title = title_hint if title_site else ""
    else:
        title = texts[headline_at]

    if title_site is None and headline_at:
        title_site = glued_site(first_line, title)
    header_from = headline_at + 1 if headline_at is not None else start
    body_from = body_start(units, header_from, start, end)
    blocks: list[Block] = [Block("headline", title)] if headline_at is not None else []
    kept: set[int] = set() if headline_at is None else {headline_at}
    seen: set[str] = set()
    header_texts: list[str] = []
    for index in range(header_from, body_from):
        unit = units[index]
        if unit.caption:
            if unit.text not in seen:
                blocks.append(Block("caption", unit.text))
                kept.add(index)
        elif is_standfirst(unit) and not is_header_row(unit):
            if unit.text not in seen:
                blocks.append(Block("standfirst", unit.text))
                kept.add(index)
        else:
            header_texts.append(unit.text)  # byline, dates, section labels: read for metadata
        seen.add(unit.text)

    # No paragraph is shown twice (a pull quote keeps its first copy), and a body that opens
    # with the standfirst printed again under the picture does not repeat it.
    standfirsts = [block.text for block in blocks if block.kind == "standfirst"]
    body_shown: set[str] = set()
    outlet = find_outlet(
        texts, title_site, title_author, units[:headline_at] if headline_at else []
    )
    first_body_at: int | None = None
    # A page of a few short sentences has no paragraph long enough to count as prose: its
    # sentences are its text.
    short_page = not any(is_prose(unit) for unit in units)
    for index in range(body_from, end):
        kind = body_kind(units, index, body_from, end, outlet, short_page)
        text = units[index].text
        if kind == "caption":
            copy = text in seen
        else:
            copy = text in body_shown or (not body_shown and text in standfirsts[-1:])
        if kind and not copy:
            if kind == "body" and first_body_at is None:
                first_body_at = index
            blocks.append(Block(kind, text))
            kept.add(index)
            if kind != "caption":
                body_shown.add(text)
        seen.add(text)

    body_texts = [block.text for block in blocks if block.kind == "body"]
    first_body = body_texts[0] if body_texts else None
    page_counts = Counter(texts)
    above = texts[first_body_at - 1] if first_body_at else None
    place, agency, dated = find_dateline(first_body, above, page_counts)
    near = [
        units[i].text
        for i in range(max(0, header_from - 2), min(len(texts), body_from + 2))
        if not units[i].caption  # a photo's date is when it was taken
    ]
    published = publication_date(header_texts, near, dated, language)
    readings = None if published else ambiguous_numeric_date(near)
    if readings:
        day_first = page_day_first(readings, texts, first_body or "")
        if day_first is not None:
            published = publication_date(header_texts, near, dated, language, day_first)
    listed = {unit.text for unit in units if unit.bullet}
    byline = f"By {title_author}" if title_author else None
    return Article(
        path=path,
        title=title,
        outlet=outlet,
        wire=find_wire(header_texts, agency, outlet, listed) or byline,
        published=published,
        dateline=place,
        blocks=tuple(blocks) if body_texts else (),
        dropped=tuple(text for index, text in enumerate(texts) if index not in kept),
        language=language,
    )
