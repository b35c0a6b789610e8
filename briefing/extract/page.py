"""Stage 2: find the article inside a page: metadata, body blocks, and what was dropped.

Text pages (dumps of a text-mode browser) are cut into paragraph units, each unit is classed
jusText-style (length, stop-word density, sentence punctuation, bullets as a link-density proxy),
and the article is the contiguous run of units with the best score, where every step through
non-article units costs more than the one before (menus and teaser lists are long runs of
short lines; a caption or subhead inside the article is a short one). The headline, standfirst,
byline and dates are then read from the units just above that run.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from itertools import chain, compress
from operator import itemgetter

from briefing.extract.article import Article, Block
from briefing.extract.classifier import BodyModel, shipped_model
from briefing.extract.dates import PageRows, choose_date, split_date_marker
from briefing.extract.headline import (
    ends_in_credit,
    first_paragraph,
    headline_of_two_starts,
    headline_under_first,
    is_credit,
    row_shape,
    title_text,
    without_related_links,
)
from briefing.extract.html import extract_html
from briefing.extract.metadata import (
    TRAILER_ROWS,
    find_byline,
    find_dateline,
    find_headline,
    find_outlet,
    find_wire,
    glued_site,
    is_byline_row,
    is_standfirst,
    learned_outlet,
    split_title,
)
from briefing.extract.region import (
    article_units,
    best_region,
    body_kind,
    body_start,
    cut_at_article_end,
    is_furniture,
    joined_start,
    kind_past_furniture,
    learned_kind,
    repeat_shares,
    skip_leading_copies,
    text_weights,
    trim_lone_tail,
    under_list_label,
)
from briefing.extract.rows import row_features
from briefing.extract.units import (
    Unit,
    captions_picture,
    detect_language,
    forget_units,
    is_header_row,
    is_prose,
    lines_to_units,
    lower_words,
    make_units,
    mark_caption_copies,
)
from briefing.extract.vocabulary import BYLINE, STOPWORDS, page_function_words

SUMMARY_MIN_WORDS = 4  # a shorter row under the headline is a label, not its summary
# A finished paragraph this long under the headline is the article's lede, not a one-sentence
# summary (site-held-out: standfirsts this long are mostly marked article text on the segments
# set, and almost never left out of the true bodies of extraction-dev).
LEDE_WORDS = 30


# A text page pasted with its inline markup ("Mr <a href=\"...\" target=\"_blank\">Al
# Shara</a> said ..."): the tags are no words of it, their text is.
_INLINE_TAG = re.compile(r"</?(?:a|b|i|em|strong|span)(?:\s[^<>\n]*)?>", re.IGNORECASE)


# A text page that is a pasted fragment of HTML ("...the Middle East.</p><p>Trump said on
# Monday ..."): its block tags end paragraphs, which would otherwise run into one another. A
# page showing a tag or two as text (a caption closed by a stray "</p>") is left as it is.
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|blockquote|section|article|br)(?:\s[^<>\n]*)?/?>",
    re.IGNORECASE,
)
_PARAGRAPH_CLOSE = re.compile(r"</p>", re.IGNORECASE)
FRAGMENT_PARAGRAPHS = 2  # closed paragraphs that make a page a fragment of HTML


def without_inline_tags(text: str) -> str:
    """The text with its inline HTML tags taken out, and a pasted fragment's block tags read
    as paragraph breaks (most text pages have no "<")."""
    if "<" not in text:
        return text
    if len(_PARAGRAPH_CLOSE.findall(text)) >= FRAGMENT_PARAGRAPHS:
        # (its entities too: "Sfollati all&#39;ospedale")
        return html.unescape(_INLINE_TAG.sub("", _BLOCK_TAG.sub("\n\n", text)))
    return _INLINE_TAG.sub("", text)


def extract_article(
    text: str, path: str, media: str = "text", model: BodyModel | None = None
) -> Article:
    """Find the article in a page dumped as text (or given as HTML): metadata, blocks, furniture.
    `model` replaces the shipped body classifier (to measure one fitted on other sites)."""
    if media == "html":
        return extract_html(text, path)
    return _extract_text(text, path, model or shipped_model())


def forget_pages() -> None:
    """Empty the memos of units seen on earlier pages (to time pages as if each were new)."""
    forget_units()
    row_shape.cache_clear()
    is_credit.cache_clear()
    ends_in_credit.cache_clear()


@dataclass(frozen=True)
class PageUnits:
    """A text page cut into units, with what the body classifier reads besides them."""

    units: list[Unit]
    language: str
    stops: frozenset[str]  # the function words unit.stop_ratio counts
    rule_span: tuple[int, int]  # [start, end) of the best-scoring run of prose
    rule_body: tuple[bool, ...]  # the hand-written rules' body units in that run


def read_units(text: str) -> PageUnits:
    raw_units = lines_to_units(text)
    # each line's words in turn: the words of the lines joined (no word spans two lines)
    all_words = list(chain.from_iterable(map(lower_words, map(itemgetter(0), raw_units))))
    language = detect_language(all_words)
    # Pages in a language without a list of ours are measured with jusText's list for it.
    stops = STOPWORDS.get(language) or page_function_words(all_words) or STOPWORDS["en"]
    units = mark_caption_copies(make_units(raw_units, stops))
    shares = repeat_shares(units)
    weights = text_weights(units, shares)
    start, end = trim_lone_tail(weights, *best_region(units, weights, shares))
    start = skip_leading_copies(units, start, end)
    end = cut_at_article_end(units, start, end)
    short_page = not any(map(is_prose, units))
    under_label = under_list_label(units, start)
    # only the run's units are asked: the others are no body
    rule_body = [False] * len(units)
    for index in range(start, end):
        rule_body[index] = body_kind(
            units, index, start, end, None, short_page, under_label[index]
        ) in ("body", "subhead")
    return PageUnits(units, language, stops, (start, end), tuple(rule_body))


def _anchor_span(
    units: list[Unit], rule_span: tuple[int, int], in_article: list[bool]
) -> tuple[int, int]:
    """The run the headline and header rows are looked for above: the rules' run of prose,
    stretched to the classifier's article units (back only to paragraphs: its first units may
    be header rows); the classifier's own run when the rules found none or another one."""
    chosen = [index for index, inside in enumerate(in_article) if inside]
    start, end = rule_span
    if not chosen:
        return rule_span
    if start >= end or chosen[-1] < start or chosen[0] >= end:
        return chosen[0], chosen[-1] + 1
    earlier = [index for index in chosen if index < start and is_prose(units[index])]
    return (earlier[0] if earlier else start), max(end, chosen[-1] + 1)


def _joined_start(
    units: list[Unit], start: int, rule_span: tuple[int, int], in_article: list[bool]
) -> int | None:
    """Where the classifier's paragraphs joined to the rules' run begin, when the run the
    headline is looked for above was stretched back to paragraphs apart from them (and so
    heads another first paragraph); None when there is no such second place to start."""
    if not start < rule_span[0] < len(units):
        return None
    joined = joined_start(units, rule_span, in_article)
    return joined if first_paragraph(units, joined) != first_paragraph(units, start) else None


def _is_lede(unit: Unit) -> bool:
    return unit.terminal and unit.words >= LEDE_WORDS and is_prose(unit)


def _signs_a_date(units: list[Unit], index: int) -> bool:
    """An unfinished row right above a date row is who wrote it ("Dan Sabbagh in Kyiv" over
    "Fri 6 Dec 2024"), a header row, not the article's text."""
    following = units[index + 1] if index + 1 < len(units) else None
    return (
        not units[index].terminal
        and following is not None
        and following.date
        and is_header_row(following)
    )


def _extract_text(text: str, path: str, model: BodyModel) -> Article:
    marked_date, text = split_date_marker(text)  # a date, never the first paragraph's text
    text = without_inline_tags(text)
    page = read_units(text)
    units, language, stops = page.units, page.language, page.stops
    rows = row_features(units)  # what the headline, date and outlet passes read of each row
    texts = rows.texts
    in_article = article_units(units, page.rule_span, page.rule_body, model)
    start, end = _anchor_span(units, page.rule_span, in_article)

    first_line = texts[0] if texts else ""
    # A list item (a menu's link: "• Site | Facebook") is no page title.
    title_hint, title_site = (
        (first_line, None)
        if units and units[0].bullet
        else split_title(first_line, texts[1:], language)
    )
    # "Headline - by Jane Doe": the title names the writer, not the site.
    title_byline = BYLINE.match(title_site) if title_site else None
    title_author = title_byline.group(1) if title_byline else None
    title_site = None if title_byline else title_site
    headline_at = find_headline(units, start, title_hint, title_site, stops, rows)
    # The row that titles the page: the headline row, or one over a second place the article
    # may start (the body stays laid out under the headline row, as the classifier chose it).
    title_at = headline_at
    if title_site is None and title_author is None:  # no page title: the fitted scorer decides
        joined = _joined_start(units, start, page.rule_span, in_article)
        if joined is None:
            one = headline_under_first(units, start, headline_at, stops, in_article, page=rows)
            headline_at, title_at = one.headline, one.title
        else:
            joined_pick = find_headline(units, joined, title_hint, title_site, stops, rows)
            two = headline_of_two_starts(
                units, (start, joined), (headline_at, joined_pick), stops, in_article, page=rows
            )
            headline_at, title_at = two.headline, two.title
    if headline_at == 0 and in_article[0] and texts[0].endswith(".") and not title_site:
        # A page opening straight on a finished sentence that the classifier reads as article
        # text (a pasted excerpt without its headline) opens on its lede, not on a headline.
        headline_at, start = None, 0
        title_at = None if title_at == 0 else title_at
    if headline_at is not None and headline_at >= start:
        start = headline_at + 1
        end = max(end, start)
    # Without a headline row, a "Headline | Site" first line still names the page; the first
    # line itself as the headline row is named without its site part.
    if title_at is None or (title_at == 0 and title_site):
        title = title_hint if title_site else ""
    else:
        title = title_text(texts[title_at])

    if title_site is None and title_at:
        title_site = glued_site(first_line, title)
    header_from = headline_at + 1 if headline_at is not None else start
    body_from = body_start(units, header_from, start, end)
    blocks: list[Block] = [Block("headline", title)] if title_at is not None else []
    kept: set[int] = set() if title_at is None else {title_at}
    # a title row under the headline row (a caption or standfirst shape) is not shown again
    seen: set[str] = set() if title_at in (None, headline_at) else {title}
    header_texts: list[str] = []
    body_shown: set[str] = set()
    first_body_at: int | None = None
    last_body_at: int | None = None  # where a credit row after the text may follow
    summary_above = False  # a row of text came between the headline and this unit
    for index in range(header_from, body_from):
        unit = units[index]
        summary_shaped = is_standfirst(unit)
        if (
            in_article[index]
            and (
                (summary_above and (is_prose(unit) or unit.words >= SUMMARY_MIN_WORDS))
                or (unit.terminal and unit.words >= SUMMARY_MIN_WORDS)
            )
            and (not summary_shaped or (summary_above and is_prose(unit)))
            and not (
                unit.bullet
                or captions_picture(unit)
                or is_header_row(unit)
                or _signs_a_date(units, index)
            )
        ):
            # A paragraph (or a line of text not shaped as a summary: the prose test's capitals
            # cut misses German nouns) below the summary and above a caption or byline row is
            # the article's when the classifier reads it so; the first text under the headline
            # stays its standfirst, unless it is a finished sentence too short for a summary's
            # shape (a short lede), which would otherwise be lost with the header rows.
            if unit.text not in seen:
                blocks.append(Block("body", unit.text))
                kept.add(index)
                body_shown.add(unit.text)
                first_body_at = index if first_body_at is None else first_body_at
        elif unit.caption or captions_picture(unit):
            if unit.text not in seen:
                blocks.append(Block("caption", unit.text))
                kept.add(index)
        elif summary_shaped and not is_header_row(unit):
            if unit.text not in seen and _is_lede(unit):
                blocks.append(Block("body", unit.text))
                kept.add(index)
                body_shown.add(unit.text)
                first_body_at = index if first_body_at is None else first_body_at
            elif unit.text not in seen:
                blocks.append(Block("standfirst", unit.text))
                kept.add(index)
        else:
            header_texts.append(unit.text)  # byline, dates, section labels: read for metadata
        seen.add(unit.text)
        summary_above = summary_above or (
            unit.words >= SUMMARY_MIN_WORDS and not is_header_row(unit)
        )

    # No paragraph is shown twice (a pull quote keeps its first copy), and a body that opens
    # with the standfirst printed again under the picture does not repeat it.
    standfirsts = [block.text for block in blocks if block.kind == "standfirst"]
    listed = frozenset(compress(texts, rows.bullets))  # the list items' texts
    outlet = find_outlet(
        texts, title_site, title_author, units[:headline_at] if headline_at else [], listed
    )
    # A page of a few short sentences has no paragraph long enough to count as prose: its
    # sentences are its text.
    short_page = not any(rows.prose)
    under_label = under_list_label(units, body_from)
    link_open = False  # the last paragraph closed on a related link's "(Related:"
    for index in range(body_from, end):
        # body_kind's own furniture test is this one
        furniture = is_furniture(units, index, under_label[index], outlet)
        kind = learned_kind(
            in_article[index],
            furniture,
            None if furniture else kind_past_furniture(units, index, body_from, end, short_page),
        )
        text = units[index].text
        if kind == "body" and is_byline_row(units[index]):
            kind = None  # "Par Stéphane Dupont" below the text: who wrote it, not what
        elif kind == "body" and captions_picture(units[index]):
            kind = "caption"  # the classifier's text, closed by a picture's credit or telling one
        if kind == "body" and link_open and text.endswith(")") and "(" not in text:
            kind = None  # the linked story's title, closing the bracket the row above opened
        link_open = False
        shown = text
        if kind == "body":
            shown, link_open = without_related_links(text)
        if kind == "caption":
            copy = text in seen
        else:
            copy = text in body_shown or (not body_shown and text in standfirsts[-1:])
        if kind and not copy:
            if kind == "body" and first_body_at is None:
                first_body_at = index
            if kind == "body":
                last_body_at = index
            blocks.append(Block(kind, shown))
            kept.add(index)
            if kind != "caption":
                body_shown.add(text)
        seen.add(text)

    if not any(block.kind == "body" for block in blocks):
        # Header rows and vetoes took every unit the classifier chose (or its paragraph sits
        # above a label row, taken for a standfirst): a page with text still yields that text.
        for index, inside in enumerate(in_article):
            if not inside or units[index].caption or captions_picture(units[index]):
                continue
            standfirst = Block("standfirst", texts[index])
            if index not in kept:
                blocks.append(Block("body", texts[index]))
            elif standfirst in blocks:
                blocks[blocks.index(standfirst)] = Block("body", texts[index])
            else:
                continue
            kept.add(index)
            first_body_at = index if first_body_at is None else first_body_at
    body_texts = [block.text for block in blocks if block.kind == "body"]
    above = texts[first_body_at - 1] if first_body_at else None
    place, agency, filed, newsroom = find_dateline(body_texts[:2], above, rows.copies, language)
    # Without a date the scorer believes, the day the dateline says the copy was filed.
    published = (
        marked_date
        or choose_date(
            PageRows(
                texts=texts,
                bullets=rows.bullets,
                prose=rows.prose,
                captions=rows.captions,
                headline=headline_at,
                body_from=body_from,
                body_end=end,
                language=language,
            )
        )
        or filed
    )
    dropped_rows = bytearray(b"\x01") * len(texts)  # a 1 for each row not kept
    for index in kept:
        dropped_rows[index] = 0
    # The fitted scorer's name only names the site: the rules' outlet decided which rows are
    # the site speaking of itself and which are bylines. A newsroom's credit in the dateline
    # ("AUSTIN (KXAN) —") is the page's own evidence: it comes before the scorer's belief.
    site = outlet or newsroom or learned_outlet(texts, listed, title, place)
    return Article(
        path=path,
        title=title,
        outlet=site,
        wire=find_wire(
            header_texts,
            agency,
            [text for text in texts if text not in listed],
            body_texts,
            site,
            () if last_body_at is None else texts[last_body_at + 1 :][:TRAILER_ROWS],
        ),
        byline=find_byline(header_texts, outlet, listed) or title_author,
        published=published,
        dateline=place,
        blocks=tuple(blocks) if body_texts else (),
        dropped=tuple(compress(texts, dropped_rows)),
        language=language,
    )
