"""Where the article runs: the best-scoring contiguous run of units, where it starts and
ends, and the kind of each unit inside it.
"""

from __future__ import annotations

from collections import Counter
from itertools import compress
from operator import attrgetter, eq

import numpy as np

from briefing.extract.classifier import BodyModel, article_path
from briefing.extract.features import unit_matrix
from briefing.extract.units import Unit, is_header_row, is_near_prose, is_prose
from briefing.extract.vocabulary import (
    AD_LABEL,
    BYLINE,
    SELF_PROMOTION,
    URL_ONLY,
    is_article_end,
)

TAIL_GAP = 3  # furniture units that separate a trailing paragraph from the article
FALLBACK_MIN_WORDS = 10
CLOSING_SENTENCE_WORDS = 4  # fewer: a label or a credit, not a sentence of the article


TEASER_ROWS = 5  # a teaser's headline, lede and byline or date under a list heading
JOIN_GAP = 4  # rows of furniture that part a paragraph from the article's run of paragraphs


def repeat_shares(units: list[Unit]) -> dict[str, float]:
    """How much each copy of a block found more than once counts towards the article.

    A block repeated away from its first copy (a second header, a "Related" list shown twice, a
    teaser in every tab) is page furniture: 0. A prose paragraph or sentence printed exactly
    twice is a pull quote or a standfirst repeated in the body: each copy counts half, so the
    two together weigh one paragraph and hold the article together without outweighing it. A
    copy right below its original (a caption twice) is just a duplicate, left to `text_weights`.
    """
    texts = list(map(attrgetter("text"), units))
    counts = Counter(texts)
    # the texts printed twice in a row (each pair of neighbours compared in C)
    adjacent_copies = set(compress(texts, map(eq, texts, texts[1:])))
    shares: dict[str, float] = {}
    for unit in units:
        count = counts[unit.text]
        if count > 1 and unit.text not in adjacent_copies:
            quoted = count == 2 and (is_prose(unit) or is_near_prose(unit))
            shares[unit.text] = 0.5 if quoted else 0.0
    return shares


def text_weights(units: list[Unit], shares: dict[str, float]) -> list[float | None]:
    """Each unit's weight: 1 for prose, 0.5 for near-prose, 0 for furniture, None for neutral
    units (image placeholders, a copy right under its original)."""
    weights: list[float | None] = []
    previous = None  # the text of the unit above
    for unit in units:
        text = unit.text
        # an advertisement's label is a link label (`Unit.link_label`): only those are read again
        if (
            unit.words == 0
            or unit.placeholder
            or (unit.link_label and AD_LABEL.match(text))
            or text == previous
        ):
            weights.append(None)
        elif shares.get(text) == 0.0:
            weights.append(0.0)
        elif unit.prose or unit.near_prose:
            weights.append(0.0 if unit.boilerplate else 1.0 if unit.prose else 0.5)
        else:
            weights.append(0.0)
        previous = text
    return weights


def best_region(
    units: list[Unit], weights: list[float | None], shares: dict[str, float]
) -> tuple[int, int]:
    """The maximum-score contiguous run [start, end) of units (`weights`: their text weights);
    (0, 0) when nothing scores.

    Prose scores its word count; the k-th furniture unit of a gap costs k, so long gaps (menus,
    teaser lists) cost a lot. A lone paragraph between gaps (a teaser's lede) leaves the gap's
    cost where it was; two paragraphs in a row (an article) clear it."""
    best, best_span = 0.0, (0, 0)
    running, start, gap, previous_text = 0.0, 0, 0, False
    for index, weight in enumerate(weights):
        if weight is None:
            continue
        if weight:
            if previous_text or running <= 0:
                gap = 0
            unit = units[index]
            score = weight * unit.words * shares.get(unit.text, 1.0)
        else:
            gap += 1
            score = -float(gap)
        previous_text = weight == 1.0
        if running <= 0:
            running, start = score, index
        else:
            running += score
        if running > best:
            best, best_span = running, (start, index + 1)
    return best_span


def trim_lone_tail(weights: list[float | None], start: int, end: int) -> tuple[int, int]:
    """Cut a single paragraph hanging after the article behind a gap of furniture (a comment
    policy, a footer blurb): the gap's cost alone is too small to keep it out."""
    prose = [index for index in range(start, end) if weights[index] == 1.0]
    if len(prose) < 3:
        return start, end
    last, before = prose[-1], prose[-2]
    gap = sum(1 for weight in weights[before + 1 : last] if weight == 0.0)
    if gap >= TAIL_GAP:
        return start, before + 1
    return start, end


def skip_leading_copies(units: list[Unit], start: int, end: int) -> int:
    """Start after paragraphs that open the region and come back inside it: a pull quote or a
    teaser above the article, whose own copy is in the body."""
    while start < end and any(unit.text == units[start].text for unit in units[start + 1 : end]):
        start += 1
    return start


def cut_at_article_end(units: list[Unit], start: int, end: int) -> int:
    """End the region at a heading that closes an article ("Tags:", "You may also like"), or
    at a list heading ("More from World") over teasers with their own bylines or dates (whose
    ledes read as prose), once some prose came before it."""
    seen_prose = False
    for index in range(start, end):
        unit = units[index]
        if seen_prose and unit.words <= 8 and is_article_end(unit.text):
            return index
        if (
            seen_prose
            and unit.list_label
            and any(
                not other.bullet
                and (BYLINE.match(other.text) or (other.date and other.words <= 16))
                for other in units[index + 1 : index + TEASER_ROWS]
            )
        ):
            return index
        seen_prose = seen_prose or is_prose(unit)
    return end


def joined_start(units: list[Unit], rule_span: tuple[int, int], in_article: list[bool]) -> int:
    """Where the classifier's article paragraphs joined to the rules' run of prose begin: back
    from the run's start over the classifier's paragraphs, up to a gap of more than JOIN_GAP
    shown rows. A paragraph further up (a site's blurb, a newsletter or cookie notice the
    classifier reads as text) is apart from the article; or it is the lede under the headline,
    with a picture between it and the rest (`headline.headline_of_two_starts` weighs both)."""
    start = rule_span[0]
    gap = 0
    for index in range(start - 1, -1, -1):
        if in_article[index] and is_prose(units[index]):
            start, gap = index, 0
        elif not units[index].bracketed:
            gap += 1
            if gap > JOIN_GAP:
                break
    return start


def body_start(units: list[Unit], header_from: int, start: int, end: int) -> int:
    """Where the body starts: after the last byline/date/caption row near the headline, and
    after highlight bullets or a standfirst that directly follow those rows."""
    body_from = max(header_from, min(start, end))
    limit = min(len(units), header_from + 14)
    last_header_row = None
    prose_run = 0
    for index in range(header_from, limit):
        unit = units[index]
        if is_header_row(unit):
            last_header_row = index
            prose_run = 0
        elif is_prose(unit):
            prose_run += 1
            if prose_run >= 2:
                break
    if last_header_row is not None:
        body_from = max(body_from, last_header_row + 1)
        while body_from < len(units) and units[body_from].bullet and not is_prose(units[body_from]):
            body_from += 1
    return min(body_from, max(end, body_from))


def under_list_label(units: list[Unit], body_from: int) -> list[bool]:
    """For each unit, whether a heading such as "Most read" or "Related" comes after the last
    paragraph above it (from `body_from` on): the unit is then one of that list's links."""
    under, label_above = [False] * len(units), False
    for index in range(body_from, len(units)):
        under[index] = label_above
        if is_prose(units[index]):
            label_above = False
        elif units[index].list_label:
            label_above = True
    return under


def is_furniture(units: list[Unit], index: int, under_label: bool, outlet: str | None) -> bool:
    """Units that are never article text whatever their surroundings: links, ad and list
    labels, the items of a list under such a label, legal text, promotion, the site speaking
    of itself, image placeholders."""
    unit = units[index]
    # a bare URL is a placeholder (`Unit.placeholder`): only those are read again
    if (
        (unit.placeholder and URL_ONLY.match(unit.text))
        or unit.link_label
        or (not is_prose(unit) and under_label)
    ):
        return True
    if unit.caption:
        return False
    if is_prose(unit):
        if unit.boilerplate or (unit.promo and not unit.terminal):
            return True
        names_outlet = bool(outlet) and outlet.lower() in unit.text.lower()
        return names_outlet and (not unit.terminal or bool(SELF_PROMOTION.search(unit.text)))
    return bool(unit.bracketed or unit.promo or unit.words == 0)


def body_kind(
    units: list[Unit],
    index: int,
    body_from: int,
    end: int,
    outlet: str | None,
    short_page: bool,
    under_label: bool,
) -> str | None:
    """Kind of a unit inside the article region, or None for furniture."""
    if is_furniture(units, index, under_label, outlet):
        return None
    return kind_past_furniture(units, index, body_from, end, short_page)


def kind_past_furniture(
    units: list[Unit], index: int, body_from: int, end: int, short_page: bool
) -> str | None:
    """`body_kind` of a unit `is_furniture` has passed (a caller that asked it already)."""
    unit = units[index]
    if unit.caption:
        return "caption"
    if is_prose(unit):
        return "body"
    if unit.bullet:
        # A list item inside the article is kept when it reads as text, not as a link.
        return "body" if unit.words >= 6 and unit.stop_ratio >= 0.15 else None
    previous_prose = index > body_from and is_prose(units[index - 1])
    next_prose = index + 1 < end and is_prose(units[index + 1])
    first_letter = next((char for char in unit.text if char.isalpha()), "")
    if unit.words <= 15 and not unit.terminal and next_prose and first_letter.isupper():
        return "subhead"
    if (is_near_prose(unit) or (unit.words >= 6 and unit.terminal)) and (
        previous_prose or next_prose or short_page
    ):
        return "body"
    return None


def article_units(
    units: list[Unit], rule_span: tuple[int, int], rule_body: tuple[bool, ...], model: BodyModel
) -> list[bool]:
    """Which units are the article's text, by the fitted classifier smoothed along the page
    (and the rules' body units it reads as article text). A page with text always gets some:
    when the path keeps no paragraph of prose, the rules' body units, or else its likeliest
    unit if that is a sentence's length (menus and link rows are no article)."""
    if not units:
        return []
    probabilities = model.probabilities(unit_matrix(units, rule_span, rule_body))
    path = article_path(probabilities, model.switch_cost, model.threshold)
    # A paragraph of the rules' run that the classifier also reads as article text stays, even
    # where the path smooths it away behind a row or two of furniture (a "Read also" link).
    path |= np.array(rule_body, dtype=bool) & (probabilities > model.threshold)
    if path.any():
        # a heading that closes the article ("Tags", "You may also like") closes it here too
        path[cut_at_article_end(units, int(np.argmax(path)), len(units)) :] = False
        path = _through_to_page_end(units, path, rule_body)
    likeliest = int(np.argmax(probabilities))
    if any(rule_body) and not any(is_prose(units[index]) for index in np.flatnonzero(path)):
        return list(rule_body)  # the rules' run of prose, when the classifier keeps no prose
    if not path.any() and units[likeliest].words >= FALLBACK_MIN_WORDS:
        path[likeliest] = True
    return path.tolist()


def _through_to_page_end(
    units: list[Unit], path: np.ndarray, rule_body: tuple[bool, ...]
) -> np.ndarray:
    """The classifier's article stretched over the units after it when every one of them to
    the page's end is the rules' body or a finished sentence of text: nothing but text follows
    the article (a pasted excerpt, a plain text file), where the classifier, fitted on pages
    that close with furniture, leaves out the last paragraphs."""
    after = int(np.flatnonzero(path)[-1]) + 1
    if after < len(path) and all(
        rule_body[index] or _closing_sentence(units[index]) for index in range(after, len(path))
    ):
        path = path.copy()
        path[after:] = True
    return path


def _closing_sentence(unit: Unit) -> bool:
    return (
        unit.terminal
        and unit.words >= CLOSING_SENTENCE_WORDS
        and not (unit.bullet or unit.promo or unit.boilerplate or is_header_row(unit))
    )


def learned_kind(in_article: bool, furniture: bool, rule_kind: str | None) -> str | None:
    """A unit's kind from the classifier's choice: the rules still tell subheads and captions
    inside the article, and veto what is never article text."""
    if not in_article:
        return "caption" if rule_kind == "caption" else None
    if furniture:
        return None
    return rule_kind if rule_kind in ("subhead", "caption") else "body"
