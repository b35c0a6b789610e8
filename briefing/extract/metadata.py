"""Headline, outlet, wire, byline and dateline, read from the rows around the body."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from briefing.extract.dates import MONTHS, find_date, is_date_row
from briefing.extract.rows import RowFeatures, row_features
from briefing.extract.softmax import SoftmaxModel, beliefs, load_model, scores
from briefing.extract.units import Unit, is_near_prose, is_prose, lower_words, normalise
from briefing.extract.vocabulary import (
    AGENCY_BYLINE,
    AGENCY_LINE,
    AGENCY_NAME,
    AGENCY_NAMES,
    AGENCY_PATTERN,
    AGENCY_STAFF,
    AGENCY_STAFF_SEEING,
    ALL_RIGHTS,
    BYLINE,
    BYLINE_ROLE,
    CALL_SIGN,
    COPYRIGHT,
    DATE_LIKE,
    DATED_DATELINE,
    DATELINE,
    DATELINE_ROW,
    DOMAIN,
    DOMAIN_ENDING,
    GENRE_LABELS,
    GLUED_SITE,
    LEGAL_SUFFIX,
    LONE_PLACE,
    MAKER_CREDIT,
    NAMED_AGENCY,
    NAVIGATION,
    NAVIGATION_FILLER,
    OPENING_CREDIT,
    OWNER_NOT_NAME,
    PERSON_NAME,
    PLATFORM_SITES,
    PROMO,
    PUBLISHED_IN,
    PUBLISHED_IN_OPENINGS,
    ROLE_ROW,
    SECTION_WORDS,
    SENTENCE_END,
    SITE_CONTROL,
    SOURCE_LABEL,
    SPEAKING_GROUPS,
    STOPWORDS,
    TITLE_SEPARATOR,
    URL_ONLY,
    byline_opener,
    ends_a_sentence,
    is_breadcrumb_path,
    known_outlets,
    local_byline,
)
from briefing.lazy_pattern import lazy_compile

PUBLISHER_WORDS_FILE = Path(__file__).with_name("publisher_words.txt")
PUBLISHER_GROUPS_FILE = Path(__file__).with_name("publisher_groups.txt")
GROUP_ROW_WORDS = 8  # "Weitere Online-Angebote sowie Partner der BurdaForward GmbH:"
# The word an image's alt text adds to the site's name in its logo.
# A publisher word this long closes a compound that names a company ("Agrarmedien"); a
# shorter one may end an unrelated word.
COMPOUND_LETTERS = 5
NON_WORD = re.compile(r"\W")
LOGO_LABEL = re.compile(r"^logo\b:?\s*|\s+logo$", re.IGNORECASE)
HEADLINE_WINDOW = 30  # rows above the body searched for the headline


HEADLINE_MAX_WORDS = 30


HEADLINE_MIN_SCORE = 0.25


MASTHEAD_ROWS = 3  # a site's name tops the page; repeated rows further down are menus


# A first line that finishes a sentence after another one ("I know — it all looks so good. But
# you can't eat it all.") is a pasted paragraph, not a "Headline | Site" title.
SENTENCES = re.compile(r"[.!?…][\"”’'»)\]]*\s+\S.*[.!?…][\"”’'»)\]]*$")
AGENCY_FOOTER_WORDS = 12  # a copyright row, not a sentence quoting one
HEADER_ROWS = 12  # rows from a headline to the first paragraph: byline, dates, share row, caption


def split_title(
    first_line: str, rows: list[str] | None = None, language: str = "unknown"
) -> tuple[str, str | None]:
    """'Headline | Site' -> ('Headline', 'Site'); a site part is short and has no digits. A
    tail after a dash must also read as a name ("Headline - Al Jazeera"), not as the rest of
    the headline ("... after SDF - Regime clashes"), and so must a head before a dash, else it
    is a kicker over the headline ("Syria unrest - Armoured forces ..."); `rows`, the page's
    other rows, may name it too; `language` is the page's."""
    parts = TITLE_SEPARATOR.split(first_line)
    # "DUBAI (Reuters) - Iran said ...": a dateline opening the text names a place, not a site;
    # so does one in title case up to the first separator, with the newsroom that filed it
    # ("Afghanistan, MINA – At least 19 ...", not the kicker "Lebanon: Families return ...").
    # "Home » today » World » Headline" is a breadcrumb path, its first crumb no site.
    if (
        len(parts) < 2
        or DATELINE.match(first_line)
        or SENTENCES.search(first_line)
        or is_breadcrumb_path(first_line)
    ):
        return first_line, None
    opening = opening_dateline(first_line, language)
    if opening is not None and opening.end > len(parts[0]):
        return first_line, None
    site, headline = parts[-1].strip(), " ".join(parts[:-1]).strip()
    # Only a last part may be the headline's own end ("... after SDF - Regime clashes").
    tail_after_dash = bool(DASH_SEPARATOR.match(TITLE_SEPARATOR.findall(first_line)[-1]))
    head = len(site.split()) > 6 and len(parts[0].split()) <= 4
    if head:  # "Site | Headline"
        site, headline = parts[0].strip(), " ".join(parts[1:]).strip()
        # "Syria unrest - Armoured forces ...": a kicker before a dash reads as a site only
        # when it reads as a name, as a tail after a dash must
        # (one word is as often a brand written in lower case: "aktiv - Meine Arbeit. ...")
        tail_after_dash = len(site.split()) > 1 and bool(
            DASH_SEPARATOR.match(TITLE_SEPARATOR.findall(first_line)[0])
        )
    if (
        len(site.split()) > 6
        or site[:1] in QUOTE_MARKS  # "‘Dead and wounded everywhere’ — ...": a quote, no site
        or DATE_LIKE.search(site)
        or TIME_OF_DAY.search(site)
        or len(headline.split()) < 3
    ):
        return first_line, None
    # "El Fasher, Sudan - At least 134 people have died ... member.": a place before a long
    # finished sentence is a dateline opening the text, not a site before its headline.
    if len(headline.split()) > HEADLINE_MAX_WORDS and SENTENCE_END.search(headline):
        return first_line, None
    if tail_after_dash and not _names_a_site(site, rows or []):
        return (headline, None) if head else (first_line, None)  # a kicker is no headline's
    return headline, site


QUOTE_MARKS = "\"'‘’“”«»„"
DASH_SEPARATOR = re.compile(r"\s+[-–—]\s+$")
# "Iain Dale 7pm - 10pm": a programme's hours, not a site after its headline.
TIME_OF_DAY = lazy_compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b\.?", re.IGNORECASE)
# Short words a name may keep in lower case ("Bank of America", "Le Monde de la musique").
NAME_JOINER_LETTERS = 3


def _names_a_site(part: str, rows: list[str]) -> bool:
    """Whether a title's part after a dash names a site: a domain, a known outlet, a row or the
    copyright owner elsewhere on the page, or a name's shape (every longer word capitalised).
    A lower-case word ("Regime clashes", "live updates") continues the headline instead, and a
    body that speaks ("- Interior Ministry", "- police") tells whose account the headline is."""
    words = part.split()
    if words and words[-1].casefold() in SPEAKING_GROUPS:
        return False
    if all(
        not word[0].isalpha() or word[0].isupper() or len(word) <= NAME_JOINER_LETTERS
        for word in part.split()
    ):
        return True
    if DOMAIN.match(part) or part.lower() in known_outlets():
        return True
    folded = part.casefold()
    return any(
        row.strip(" |·•–—-.").casefold() == folded
        or (_may_hold_copyright(row) and folded in row.casefold())
        for row in rows
    )


def find_wire(
    header: list[str],
    dateline_agency: str | None,
    rows: Sequence[str] = (),
    body: Sequence[str] = (),
    outlet: str | None = None,
    trailer: Sequence[str] = (),
) -> str | None:
    """The wire agency named in the header rows ("Reuters", "Omar Khalil, Reuters", "By The
    Associated Press", "Von Jane Doe, dpa") or in the dateline ("BEIRUT (AFP) —"), else the
    organisation a byline names ("By RFE/RL") or the
    source the page's `rows` (no list items) credit the report to (`credited_source`) when that
    is not the page's own `outlet` ("Source: Al Jazeera" under Al Jazeera's own report), else
    the agency credited on a row of its own in the `trailer`, the rows right after the text
    ("AFP", "— Reuters", "With AFP"), else the agency whose own reporting the article's
    `body` tells ("a spokesman told AFP", "according to an AFP tally", "AFP journalists saw"),
    which another outlet's report would attribute instead."""
    for text in header:
        agency = AGENCY_LINE.match(text) or NAMED_AGENCY.match(text) or AGENCY_BYLINE.match(text)
        if agency:
            name = agency.group("agency") if "agency" in agency.re.groupindex else agency[0]
            return AGENCY_NAMES.get(name.lower(), name)
        local = local_byline(text)
        credit = local[1].lstrip(",|/–—-( ").rstrip(") ") if local else ""
        if credit and AGENCY_NAME.match(credit):
            return AGENCY_NAMES.get(credit.lower(), credit)
    if dateline_agency:
        return dateline_agency
    organisation = byline_organisation(header)
    if organisation and not (outlet and _site_letters(organisation) == _site_letters(outlet)):
        return organisation
    source = credited_source(rows)
    if source and not (outlet and _site_letters(source) == _site_letters(outlet)):
        return source
    for text in trailer:
        credit = TRAILER_CREDIT.match(text)
        if credit:
            agency = credit["agency"] or credit["rewritten"]
            return AGENCY_NAMES.get(agency.lower(), agency)
    return _told_agency(body)


# The agency's own reporting: "told AFP", "told the AP", "told news agency AFP", "told The
# Associated Press", "according to an AFP tally", "Reuters journalists saw".
OWN_REPORTING = lazy_compile(
    rf"\btold (?:[Tt]he )?(?:news agency )?(?P<agency>{AGENCY_PATTERN})\b(?!['’-])"
    rf"|\b(?P<tally>{AGENCY_PATTERN}) tally\b"
    rf"|\b(?P<staff>{AGENCY_PATTERN}) (?:{'|'.join(AGENCY_STAFF)})(?: [\w-]+){{0,3}}? "
    rf"(?:{'|'.join(AGENCY_STAFF_SEEING)})\b"
)
# (a paragraph with none of these words is not searched: most are)
OWN_REPORTING_WORDS = ("told ", " tally", *AGENCY_STAFF)
# A row of its own after the text crediting the agency: "AFP", "— Reuters", "(With AFP)",
# "With inputs from PTI", "AFP/Reuters", "France24/ afp" (the outlet that rewrote its copy first).
TRAILER_CREDIT = lazy_compile(
    rf"^[\s(—–-]*(?:(?i:with(?: inputs? from)?|source:?)\s+)?(?:[Tt]he\s+)?"
    rf"(?:(?P<agency>{AGENCY_PATTERN})(?:\s*[/,&]\s*(?:{AGENCY_PATTERN}))*\s*\)?\.?"
    rf"|(?!(?:{AGENCY_PATTERN})\b)[A-Z][\w.&'’-]*\s*/\s*(?P<rewritten>(?i:{AGENCY_PATTERN})))\s*$"
)
TRAILER_ROWS = 3  # rows after the text's last paragraph read for a credit


def _told_agency(body: Sequence[str]) -> str | None:
    for text in body:
        if not any(word in text for word in OWN_REPORTING_WORDS):
            continue
        match = OWN_REPORTING.search(text)
        if match:
            agency = match["agency"] or match["tally"] or match["staff"]
            return AGENCY_NAMES.get(agency.lower(), agency)
    return None


SOURCE_NAME_WORDS = 5


def credited_source(rows: Sequence[str]) -> str | None:
    """The agency or known outlet a "Source:" row credits the report to ("Source: Reuters",
    "Quelle: dpa", "Source: https://www.bbc.com/news/..." for the BBC): whose report a page
    carries. Another name ("Source: USGS", a chart's data) is no news source."""
    for text in rows:
        label = SOURCE_LABEL.match(text) if ":" in text else None
        if label is None:
            continue
        credit = text[label.end() :].strip(" .")
        if URL_ONLY.match(credit):
            host = credit.split("/")[2] if "://" in credit else credit.split("/")[0]
            name = _outlets_by_letters().get(site_label(host))
        elif len(credit.split()) <= SOURCE_NAME_WORDS:
            agency = AGENCY_NAME.match(credit)
            name = AGENCY_NAMES.get(credit.lower(), credit) if agency else None
            name = name or _outlets_by_letters().get(name_letters(credit))
        else:
            name = None
        if name:
            return name
    return None


# Labels under a country's ending that are part of the ending a site registers under
# ("bbc.co.uk", "abc.net.au", "folha.com.br", "nhk.or.jp", "city.ne.jp", "ec.gv.at").
SECOND_LEVEL = frozenset("co com org net gov ac or ne gv edu".split())


def site_label(host: str) -> str:
    """The label of a host that names its site, its registrable domain's ("www.bbc.com",
    "edition.cnn.com", "news.bbc.co.uk": "bbc", "cnn", "bbc"), lower case."""
    labels = host.lower().partition(":")[0].split(".")
    ending = 2 if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL else 1
    return labels[-ending - 1] if len(labels) > ending else labels[0]


@cache
def _outlets_by_letters() -> dict[str, str]:
    """The known outlets by their letters (`name_letters`: "bbc", "lemonde"), the shortest
    name for letters two spell alike ("BBC", not "BBC News")."""
    names: dict[str, str] = {}
    for name in sorted(known_outlets().values(), key=len, reverse=True):
        names[name_letters(name)] = name
    return names


def find_byline(header: list[str], outlet: str | None, listed: frozenset[str]) -> str | None:
    """The writers of the byline, in any language with a word before the names ("By Jane
    Doe", "Von Jane Doe", "Par Jean Dupont", "Autor: Ana Lima", "Omar Khalil, Reuters"), else a
    writer's name alone next to a date or role row. `listed` holds the page's list items: a
    name among them is a menu entry. An agency credited as the byline is the wire, not a writer;
    the site credited as the byline is the outlet, not a writer ("By The Planetary Press"), and
    the site's name after a writer's is not part of it ("Timothy Nerozzi Fox News")."""
    names = _written_byline(header, outlet, listed)
    if names is None:
        return None
    names = _printed_once(names) or names  # "Emmanuelle Ducros Emmanuelle Ducros"
    if outlet is None:
        return names
    if _site_letters(names) == _site_letters(outlet):
        return None
    writers = names[: -len(outlet) - 1].rstrip(" ,|–—-")
    # a writer's name keeps two words: "Henning Lobin" under a site named "Lobin" stays whole
    if names.casefold().endswith(f" {outlet.casefold()}") and len(writers.split()) >= 2:
        return writers
    return names


def _site_letters(name: str) -> str:
    """A site's name as name_letters spells it, a domain without its ending ("Vegolosi.it" and
    "Vegolosi", "KentNews.Online" and "KentNews" spell one name)."""
    return name_letters(name.rsplit(".", 1)[0] if DOMAIN.match(name) else name)


def _printed_once(name: str) -> str | None:
    """A name printed twice over, once ("Le Point Le Point", "Crazy JuliaCrazy Julia"); None
    when it is not doubled."""
    words = name.split()
    half = len(words) // 2
    if words and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    middle = len(name) // 2
    if name and len(name) % 2 == 0 and name[:middle] == name[middle:]:
        return name[:middle]
    return None


def _written_byline(header: list[str], outlet: str | None, listed: frozenset[str]) -> str | None:
    """find_byline's writers as the header rows give them."""
    for index, text in enumerate(header):
        if byline_opener(text) and index + 1 < len(header):
            text = f"{text.strip()} {header[index + 1]}"  # the browser put the names below
        if AGENCY_BYLINE.match(text) or AGENCY_LINE.match(text):
            continue
        named = NAMED_AGENCY.match(text)
        if named:  # "Omar Khalil, Reuters", "By Jane Doe and John Roe / AFP"
            text = text[: named.start("agency")].strip(" ,/|–—-")
        match = BYLINE.match(text)
        if match:
            return None if _organisation(match.group(1)) else _byline_names(match.group(1))
        local = local_byline(text)
        if local:
            return _byline_names(local[0])
        writer = PERSON_NAME.match(text) if named else None
        if writer:
            return writer["name"]
    return _name_row(header, outlet, listed)


def _organisation(names: str) -> bool:
    """Whether a byline's names are an organisation's initials ("By RFE/RL"): one word without a
    lower-case letter, which no writer's name is."""
    return " " not in names.strip() and not any(map(str.islower, names))


def byline_organisation(header: Sequence[str]) -> str | None:
    """The organisation a byline credits the report to ("By RFE/RL November 19, 2025")."""
    for text in header:
        match = BYLINE.match(text)
        # "By NEWSROOM", "By STAFF": the site's own desk, which credits no one
        if match and _organisation(match.group(1)) and not _common_words(match.group(1)):
            return match.group(1).strip()
    return None


def is_byline_row(unit: Unit) -> bool:
    """A short row that is only a byline ("By Jane Doe", "Par Jean Dupont", "Autorin: Uta
    Staschewski, Projektleiterin"), never article text."""
    if unit.words > 12 or is_prose(unit):
        return False
    return bool(AGENCY_BYLINE.match(unit.text) or local_byline(unit.text))


def _byline_names(names: str) -> str:
    """The writers of a byline without what follows them: "Jane Doe, Middle East Correspondent"
    and "Meg JamesStaff Writer" name one writer each."""
    kept: list[str] = []
    for part in names.split(", "):
        if kept and (ROLE_ROW.search(part) or SECTION_WORDS & set(normalise(part).split())):
            break
        kept.append(part)
    return BYLINE_ROLE.sub("", ", ".join(kept))


def _name_row(header: list[str], outlet: str | None, listed: frozenset[str]) -> str | None:
    """A byline without "By": a person's name alone on a row (or before "| date"), with a date
    or a role row ("BBC News, Tyre") next to it."""
    for index, text in enumerate(header):
        name_part, _, rest = text.partition("|")
        candidate = PERSON_NAME.match(name_part.strip())
        if candidate is None or text in listed or (outlet and outlet in text):
            continue
        if byline_opener(candidate["name"].split()[0]):  # "Von Montag Bis Freitag"
            continue
        if SECTION_WORDS & set(normalise(candidate["name"]).split()):
            continue
        following = header[index + 1 : index + 3]
        if following and URL_ONLY.match(following[0]):
            continue  # a label over a link ("Short Url"), not a writer
        beside = (
            is_date_row(rest)
            or any(is_date_row(other) for other in following)
            or any(
                ROLE_ROW.search(other) or (outlet and outlet in other) for other in following[:1]
            )
        )
        if beside:
            return candidate["name"]
    return None


@dataclass(frozen=True)
class OpeningDateline:
    """A dateline opening a paragraph: the place, the agency its brackets credit, the date it
    gives with a year (ISO), where the paragraph's own text begins after it, and the newsroom
    its brackets credit when that is no agency ("AUSTIN (KXAN) —", "Nov. 27 (UPI) --"): the
    station or service that filed the report."""

    place: str
    agency: str | None
    date: str | None
    end: int
    newsroom: str | None


# "Kyiv [Ukraine], August 28 :", "Bangkok, March 29:", "El Fasher, Sudan -", "Cairo:": a place
# in title case, what DATELINE takes only with an agency's credit, here read with the evidence
# `_titled_place` asks for instead.
_MONTH_WORD = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
TITLED_DATELINE = lazy_compile(
    r"(?P<place>[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){0,2})"
    r"(?:\s*\[[^\]\d]{2,30}\])?"  # the country in brackets: "Kyiv [Ukraine]"
    r"(?:,\s*(?P<region>[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+){0,2}))?"
    rf"(?:,\s*(?P<date>(?:{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\.?\s+{_MONTH_WORD})"
    r"(?:,?\s+(?:19|20)\d\d)?))?"
    r"\s*(?:\((?P<credit>[A-Za-z][\w.&'/ -]{0,30})\))?"
    # "Khartoum, Jan 12 (IANS) The ...": an agency's credit may end it with no mark
    r"(?:\s*(?P<mark>:|[—–-]{1,2})|(?<=\)))\s+(?=[\"“‘'A-Z0-9(])"
)


# "[Damascus] For the first time ...": a place in brackets before the text's first word.
BRACKETED_DATELINE = lazy_compile(
    r"\[(?P<place>[A-Z][^\W\d_]+(?:,?[ -][A-Z][^\W\d_]+){0,3})\]\s+(?=[\"“‘'A-Z0-9(])"
)


# A paragraph after the first opens the text under its dateline only when this many words
# follow it ("PUBLISHED: November 8, 2023 at 11:30 p.m." is a date row; "MAGALY MEDINA: ME
# ESCAPÉ DEL COLEGIO" a headline in capitals).
FOLLOWING_DATELINE_WORDS = 8


def opening_dateline(text: str, language: str, following: bool = False) -> OpeningDateline | None:
    """The dateline opening a paragraph: "BEIRUT:", "KYIV, Ukraine (AP) —", "Damascus (AFP)
    –", "Kyiv, 28 August 2025 (dpa/MIA) –", "December 6, 2024 (KHARTOUM) –", "Kyiv
    [Ukraine], August 28 :", "El Fasher, Sudan -", "Cairo:", "[Damascus]". A dateline names
    a place, never an agency, an outlet or a label ("AFP -", "Update:"). A `following`
    paragraph (the first may be a caption taken for text) needs a sentence after its
    dateline, and not the shape only a word list tells from a label ("Cairo:",
    `_titled_place`)."""
    opening = _opening_dateline(text, language, following)
    if opening and following and len(text[opening.end :].split()) < FOLLOWING_DATELINE_WORDS:
        return None
    return opening


# A syndicator's credit naming the report's source in brackets before the dateline, its
# opening bracket sometimes lost: "(MENAFN - Jordan Times) BEIRUT, Lebanon - ...".
SYNDICATED = lazy_compile(
    r"\(?[A-Z][A-Za-z]+\s+[—–-]\s+(?P<source>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\)\s+"
)


def _opening_dateline(text: str, language: str, following: bool) -> OpeningDateline | None:
    syndicated = SYNDICATED.match(text) if ")" in text[:60] else None
    if syndicated:
        # the dateline after it, the source its newsroom
        after = _opening_dateline(text[syndicated.end() :], language, following)
        return after and replace(
            after,
            end=syndicated.end() + after.end,
            newsroom=after.newsroom or syndicated["source"],
        )
    match = DATELINE.match(text)
    if match:
        place = match["place"] or match["titled"]
        # "Kyiv, 28 August 2025 (dpa/MIA) –": the day the copy was filed, when it has its year
        found = find_date(match[0])
        filed = found[2] if found else None
        return _dateline(place, match["credit"] or match["slashed"], filed, match.end())
    dated = DATED_DATELINE.match(text)
    if dated:
        found = find_date(dated["date"])
        if found:
            return _dateline(dated["place"].strip(), None, found[2], dated.end())
    bracketed = BRACKETED_DATELINE.match(text)
    # a bracketed label ("[Update]", "[Watch]") is common words, a place ("[Damascus]") none
    if bracketed and language == "en" and not _common_words(bracketed["place"]):
        return _dateline(bracketed["place"], None, None, bracketed.end())
    titled = TITLED_DATELINE.match(text)
    if titled and _titled_place(titled, language, following):
        found = find_date(titled["date"]) if titled["date"] else None
        credit = titled["credit"] or _initials_credit(titled["region"])
        return _dateline(titled["place"], credit, found and found[2], titled.end())
    return None


def _dateline(place: str, credit: str | None, date: str | None, end: int) -> OpeningDateline | None:
    """The dateline, unless its place is an agency, an outlet or a label."""
    folded = place.casefold()
    if (
        AGENCY_NAME.match(place)
        or NEWSROOM_PLACE.search(place)
        or folded in known_outlets()
        or GENRE_LABELS & set(normalise(place).split())
    ):
        return None
    agency, newsroom = _credited(credit)
    return OpeningDateline(place, agency, date, end, newsroom)


def _credited(credit: str | None) -> tuple[str | None, str | None]:
    """(agency, newsroom) a credit names: the first agency ("dpa/MIA": dpa's copy, carried by
    MIA), else the one short name that is no agency ("KXAN"): the newsroom that filed it."""
    agencies = [part.strip() for part in (credit or "").split("/")]
    agency = next((part for part in agencies if AGENCY_NAME.match(part)), None)
    newsroom = credit.strip() if credit and agency is None and len(agencies) == 1 else None
    # A place ("AUSTIN (Texas) —", "Gaza/ ...") or common words ("Sports Desk:") name no
    # newsroom.
    if newsroom and (
        len(newsroom.split()) > NEWSROOM_WORDS
        or _common_words(newsroom)
        or newsroom.casefold() in _state_places()
    ):
        newsroom = None
    return AGENCY_NAMES.get((agency or "").lower(), agency), newsroom


@dataclass(frozen=True)
class OpeningCredit:
    """A credit opening a paragraph with no place before it ("Shafaq News/ ..."), or a slash
    alone ("/Additional ..."): the agency or newsroom it names, where the text begins."""

    agency: str | None
    newsroom: str | None
    end: int
    # a name in brackets or before a dash, no slash: named nobody, it is furniture only where
    # a text begins ("Hamas - The group said ..." inside a text is no credit)
    bare: bool


def opening_credit(text: str) -> OpeningCredit | None:
    """The credit opening a paragraph: "Shafaq News/ Clashes continue ..." (a newsroom, as
    "AUSTIN (KXAN) —" credits one; "Reuters/ ..." an agency), "TNI Bureau: ..." (a newsroom
    by its bureau or desk), or a bare "/", when a sentence follows (menus and tables have
    "Hemden/ Blusen kurzarm"), or one in brackets ("(CNN) — ...", "(MENAFN) At least ...") or
    one name before a dash ("Khaberni - The Rapid ..."): a known outlet's or an agency's, else
    only furniture (a place opens a text so as often). A label is no credit ("Update/ ..."):
    its text is kept; a desk named by common words or a country or capital ("Sports Desk:
    ...", "Delhi Bureau: ...") is furniture crediting no newsroom."""
    opens = text[:1].isupper() or text[:1] in "/("
    signed = OPENING_CREDIT.match(text) if opens else None  # "Name/ ", "/", "(Name) -"
    desk = OPENING_NEWSROOM.match(text) if opens and not signed else None
    match = signed or desk
    # a name in brackets or before a dash alone: a place as often as a newsroom
    bare = signed and (signed["bracketed"] or signed["capitals"] or signed["dashed"])
    credit = match and (match["credit"] or bare)
    if (
        match is None
        or len(text[match.end() :].split()) < FOLLOWING_DATELINE_WORDS
        or (credit and set(normalise(credit).split()) <= GENRE_LABELS)
        # "Meanwhile - ...", "Update - ...": a common word before a dash is no credit
        or (signed and signed["dashed"] and _common_words(signed["dashed"]))
    ):
        return None
    agency, newsroom = _credited(credit)
    if bare and newsroom and newsroom.casefold() not in known_outlets():
        newsroom = None  # "(Leipzig) - ...", "Kherson - ...": furniture only
    return OpeningCredit(agency, newsroom, match.end(), bool(bare))


NEWSROOM_WORDS = 3
# "Update: A major Russian strike ...", "What preceded: ...": one to three words and a colon
OPENING_LABEL = lazy_compile(r"[A-Z][^\W\d_]*(?: [^\W\d_]+){0,2}:\s+(?=[\"“‘'A-Z0-9])")


def opening_label(text: str) -> int:
    """Where a paragraph's sentence begins after a label opening it ("Update:", "Details:",
    "Earlier information:", "What preceded:"), a label being common English words (WordNet's,
    or function words) before a colon with a sentence after it; 0 when none opens it. A name
    before a colon ("Zelensky: ...", "Cairo: ...") is a speaker or a dateline, and words
    before a quote ("Prime Minister: “...”") are a speaker's."""
    match = OPENING_LABEL.match(text) if ":" in text[:40] else None
    if (
        match is None
        or len(text[match.end() :].split()) < FOLLOWING_DATELINE_WORDS
        or _SPOKEN_AFTER.match(text, match.end())
    ):
        return 0
    words = [word for word in match[0].rstrip(": ").lower().split() if word not in STOPWORDS["en"]]
    if not words or words[-1] in SPEAKING_GROUPS:  # "Officials: At least 20 ...": a source
        return 0
    return match.end() if _common_words(" ".join(words)) else 0


def _titled_place(match: re.Match[str], language: str, following: bool) -> bool:
    """Whether a title-case opening before a colon or dash is a dateline: it carries a date, an
    agency's credit or a country after the place ("El Fasher, Sudan -"); or, on an English
    page, it is a bare place before a colon ("Guwahati:"), which no common English word is
    (the words WordNet's tagged corpus holds, as report comparison reads them: "Question:",
    "Anchor:", "Editor's Note:" are labels)."""
    credit = match["credit"] or ""
    agency = any(AGENCY_NAME.match(part.strip()) for part in credit.split("/"))
    if match["mark"] is None:
        return agency and bool(match["date"])
    if match["date"] or agency:
        return True
    if match["region"]:
        from briefing.countries import country_names

        return match["region"].casefold() in country_names() or bool(
            match["mark"] and _initials_credit(match["region"])
        )
    if following or match["mark"] != ":" or credit or language != "en":
        return False
    # "Zelensky: We will respond ...", "Zelensky: “...”": a speaker's name over his own words,
    # which a bare name before a colon is as often as a place.
    if _SPOKEN_AFTER.match(match.string, match.end()):
        return False
    return not _common_words(match["place"])


INITIALS = re.compile(r"[A-Z]{3,6}")


def _initials_credit(region: str | None) -> str | None:
    """The agency's or newsroom's initials where a dateline's region stands ("Beirut, MINA –",
    "Kyiv, UNN -"): three to six capitals that name no country ("USA", "UAE"); a state's two
    ("AUSTIN, TX –") are a region."""
    from briefing.countries import country_names

    if region and INITIALS.fullmatch(region) and region.casefold() not in country_names():
        return region
    return None


_SPOKEN_AFTER = lazy_compile(r"[\"“‘']|(?:I|We|My|Our|Us)\b")


def _common_words(text: str) -> bool:
    """Whether every word of a short text is a common English word: one WordNet's tagged corpus
    holds, as report comparison reads them (its stems); a name ("Guwahati", "Devdiscourse")
    is none."""
    from briefing.senses import word_senses
    from briefing.stemming import stemmer

    common, stem = word_senses(), stemmer()
    return all(stem(word) in common for word in re.findall(r"[^\W\d_]+", text.lower()))


# "News Desk", "Web Desk": the kinds of a newsroom's desk.
_DESK_KIND = r"(?i:(?:news|web|digital|online|editorial)\s+)?"
# "Devdiscourse News Desk | Updated: ...", "NYM Desk", "AMN/ WEB DESK": the newsroom of the site
# credited with the report, its name before its desk.
DESK_CREDIT = lazy_compile(
    r"^(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2}?)\s*/?\s*"
    rf"{_DESK_KIND}(?i:desk)(?:\s*[|,–—-]|$)"
)
# "TNI Bureau: A coordinated explosion ...", "NYM Desk – ...": a newsroom's credit opening the
# text (its desk, bureau or newsroom after its name), which a dateline's place never ends in.
_NEWSROOM_UNIT = rf"{_DESK_KIND}(?i:desk|bureau|newsroom)"
OPENING_NEWSROOM = lazy_compile(
    r"(?P<credit>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2}?)\s+"
    rf"{_NEWSROOM_UNIT}\s*(?::|[—–-]{{1,2}}|\|)\s+(?=[\"“‘'A-Z0-9])"
)
NEWSROOM_PLACE = lazy_compile(rf"\s{_NEWSROOM_UNIT}$")
DESK_CREDIT_ROW_WORDS = 25  # a credit row with its dates, not a sentence naming a help desk


def _desk_credit(texts: list[str], listed: frozenset[str]) -> str | None:
    """The site a desk credit names, when its name is no common English words ("Help Desk",
    "Sports Desk": a section's or a service's desk), no section and no agency's."""
    for text in texts:
        # (a row holding no "desk" is not matched: nearly all rows)
        if (
            "desk" not in text.lower()
            or text in listed
            or len(text.split()) > DESK_CREDIT_ROW_WORDS
        ):
            continue
        match = DESK_CREDIT.match(text)
        name = match["name"] if match else ""
        if (
            name
            # "Our Web Desk", "The News Desk": a desk the page's own site speaks of, which
            # names no site (WordNet, which `_common_words` reads, holds no function words)
            and name.split()[0].lower() not in STOPWORDS["en"]
            and not AGENCY_NAME.match(name)
            and not SECTION_WORDS & set(normalise(name).split())
            and not _common_words(name)
        ):
            return name
    return None


@cache
def _state_places() -> frozenset[str]:
    """The world's countries and their capitals, folded: where a bureau sits."""
    from briefing.countries import COUNTRIES, country_names

    capitals = {name.casefold() for country in COUNTRIES for name in country.capitals}
    return country_names() | capitals


def find_dateline(
    bodies: list[str], above: str | None, page_counts: Counter[str], language: str
) -> tuple[str | None, str | None, str | None, str | None]:
    """(place, agency, ISO date, newsroom) of the dateline that opens the body
    (`opening_dateline`), or of the credit opening it with no place (`opening_credit`), or the
    next paragraph, under a caption taken for text ("Debris of a
    mosque is seen ..."); else one printed on the row above the first paragraph ("Beirut,
    Lebanon CNN —"), or a place name alone there ("ANKARA")."""
    if not bodies:
        return None, None, None, None
    opening = opening_dateline(bodies[0], language)
    if opening:
        return opening.place, opening.agency, opening.date, opening.newsroom
    credit = opening_credit(bodies[0])
    if credit and (credit.agency or credit.newsroom):
        return None, credit.agency, None, credit.newsroom
    split = DATELINE_ROW.match(above) if above else None
    row = split and _dateline(split["place"], split["credit"], None, split.end())
    if row:
        return row.place, row.agency, None, None
    following = opening_dateline(bodies[1], language, following=True) if bodies[1:] else None
    if following:
        return following.place, following.agency, following.date, following.newsroom
    if above and LONE_PLACE.match(above) and page_counts[above] == 1:
        if AGENCY_NAME.match(above.strip()):  # "AFP" over the text: whose copy, not where
            return None, AGENCY_NAMES.get(above.strip().lower(), above.strip()), None, None
        lone = _dateline(above.strip(" ,"), None, None, len(above))
        return (lone.place, None, None, None) if lone else (None, None, None, None)
    return None, None, None, None


def find_outlet(
    texts: list[str],
    title_site: str | None,
    author: str | None,
    above_headline: list[Unit],
    listed: frozenset[str] = frozenset(),
) -> str | None:
    """The site part of the page title, else "Published in X", else the copyright owner (when
    not the writer), else a known outlet's name alone on a row that is no list item ("Al
    Jazeera"; `listed` holds the list items: menus name sister sites; "Source: The Guardian"
    credits the wire), else the site a desk credit names ("Devdiscourse News Desk"), else a
    domain alone on a top row, else the masthead: a name repeated above the headline or a
    news site's name on the first row (`_masthead`)."""
    if title_site and not _is_navigation(title_site):
        return _spelled_out(title_site, texts) if DOMAIN.match(title_site) else title_site
    for text in texts:
        # (a row opening otherwise is not matched: most rows, at a pattern call each)
        match = PUBLISHED_IN.match(text) if text.startswith(PUBLISHED_IN_OPENINGS) else None
        if match:
            return match["outlet"].strip()
    for text in filter(_may_hold_copyright, texts):
        match = COPYRIGHT.search(text)
        if not match or MAKER_CREDIT.search(text, 0, match.start()):
            continue
        owner = _owner_name(match["owner"] or match["named"] or "")
        if owner != author and DOMAIN.match(owner):
            return _spelled_out(owner, texts)
        if owner != author and _is_owner_name(owner) and not _is_writer(owner, texts):
            publication = _publication_of(owner, texts)
            if publication:
                return (
                    _name_over_owner(publication, texts, listed)
                    or _brand_over(publication, texts)
                    or publication
                )
            continue  # a publishing company: its publication may be named further down
        if _agency_footer(text, match, owner):
            return AGENCY_NAMES.get(owner.lower(), owner)
    known, longest = known_outlets(), _longest_known_outlet()
    for at, text in enumerate(texts):
        # "Source: The Guardian" credits the report the page carries (the wire), not the site
        if ":" in text and SOURCE_LABEL.match(text):
            continue
        bare = text.strip(" |·•–—-.")
        # lower() never shortens a text: a longer one names no known outlet (most rows are)
        name = known.get(bare.lower()) if len(bare) <= longest else None
        if name and text not in listed and not _among_names_after_text(texts, at):
            return name
    desk = _desk_credit(texts, listed)
    if desk:
        return desk
    domain = _top_domain(texts)
    if domain:
        return _spelled_out(domain, texts)
    masthead = _masthead(above_headline)
    return masthead and (_brand_over(masthead, texts) or masthead)


TOP_ROW_WORDS = 4  # controls and labels ("Skip to content"), not a headline
NAME_LIST_WORDS = 6  # a row of a list of names (sources, sections) under the text at most
PROSE_ROW_WORDS = 20  # a row of the text at least


def _among_names_after_text(texts: list[str], at: int) -> bool:
    """Whether the row `at` stands between two short rows ending no sentence, below a row of
    the text: an item of a list of sources under it ("Reuters US Top", "CNN", "Raw Story"),
    not the page's own name (a credit after the text has the text's last row above it).
    Asked here, of the known-outlet rows only: marking every such row as a list item in
    page.py's `listed` (which the desk credit, the learned outlet's features, the wire and the
    byline read too) changed 68 of the 2840 shared pages' Articles (same_articles.py)."""
    if not 0 < at < len(texts) - 1:
        return False
    neighbours = (texts[at - 1], texts[at + 1])
    if any(len(row.split()) > NAME_LIST_WORDS or ends_a_sentence(row) for row in neighbours):
        return False
    return any(len(row.split()) >= PROSE_ROW_WORDS for row in texts[: at - 1])


def _top_domain(texts: list[str]) -> str | None:
    """The site's domain alone on a top row ("· novinite.com" under the headline,
    "netzpolitik.org" under "Skip to content"), with only the page's first line or short rows
    above it (under other stories' headlines it is a teaser's source), and the only one there
    (several are a menu of sister sites: "falstaff.at", "falstaff.ch")."""
    found = None
    for at, text in enumerate(texts[:TOP_NAME_ROWS]):
        bare = text.strip(NAME_EDGES)
        ending = DOMAIN_ENDING.search(bare)  # a site's ending, not a file's ("Logo.png")
        if not (DOMAIN.match(bare) and ending and ending.end() == len(bare)):
            continue
        if found and found.lower() == bare.lower():
            continue  # the logo's and the menu's
        if found or site_label(bare) in PLATFORM_SITES:
            return None
        if any(len(row.split()) > TOP_ROW_WORDS for row in texts[1:at]):
            return None
        found = bare
    return found


# A copyright owner the page mentions at most this often outside its copyright rows may
# be a parent company ("Condé Nast" under WIRED's pages) or carry a company form ("The Irish
# Times DAC"): a name row the fitted scorer believes in this much names the site instead.
# Both chosen on the tuning folds' sites (fit_outlets.py prints the owners' curve).
OWNER_OTHER_ROWS = 1
OWNER_YIELD_BELIEF = 0.7


def _name_over_owner(owner: str, texts: list[str], listed: frozenset[str]) -> str | None:
    """The name row the fitted scorer believes names the site, standing in for a copyright owner
    the page hardly prints elsewhere; None when the scorer is less sure, its name holds the
    owner's ("Beachbody on Demand" over "Beachbody"), or the page shows no menus (the scorer was
    fitted on page dumps, as learned_outlet says)."""
    pick = owner_rival(owner, texts, listed)
    return pick.name if pick is not None and pick.belief >= OWNER_YIELD_BELIEF else None


def owner_rival(
    owner: str, texts: list[str], listed: frozenset[str], model: SoftmaxModel | None = None
) -> OutletPick | None:
    """The fitted scorer's pick that may stand in for a copyright owner the page mentions at
    most OWNER_OTHER_ROWS times outside its copyright rows, whatever its belief; None when its
    name holds the owner's or the page shows no menus."""
    if not listed:
        return None
    folded, lowered = owner.lower(), _lowered_page(texts)
    # counted in the lowered page at C speed: a row per mention
    in_copyright = sum(row.count(folded) for row in _rows_holding(lowered, COPYRIGHT_MARKS))
    if lowered.count(folded) - in_copyright > OWNER_OTHER_ROWS:
        return None
    pick = outlet_belief(texts, listed, model, lowered)
    return None if pick is None or folded in pick.name.lower() else pick


# The page's own name as its addresses spell it ("wsj.com", "www.zdnet.de", "info@msn.com")
# and its short rows print it ("WSJ Pro", "ZDNet-Ticker", "MSN Worldwide"): a copyright owner
# the short rows print at most half as often is a parent company (Dow Jones under WSJ, Ziff
# Davis under PCMag), a masthead they print as little a partner's or a section's. Read from
# the tuning folds' sites (fit_outlets.py prints the grid).
BRAND_ROWS = 3
BRAND_ROW_WORDS = 4  # menu items, logos and footer links, not the article's sentences
BRAND_LEAD = 2  # the site's name printed at least this many times as often as the owner's
BRAND_SPAN_WORDS = 4  # "Women's Health", "Al Bawaba", "L.A. Times"
DOMAIN_LABEL = re.compile(r"[\w-]{3,}\Z")  # \Z: "$" also matches before a row's newline
DOMAIN_LABEL_CHARACTERS = 63  # the longest label a domain name may have
SPAN_WORD = re.compile(r"[\w'’&.-]+")
ROW_NOT_LETTERS = re.compile(r"[^\w\n]|_")  # NOT_LETTERS keeping the row breaks


def _brand_over(owner: str, texts: list[str]) -> str | None:
    """The site's own name standing in for a name the rules read (a copyright owner, a
    masthead) that the short rows hardly print: of the names the page's addresses and bare
    domains spell (not a platform's), the one its short rows hold most, when they hold it
    BRAND_ROWS times and BRAND_LEAD times as often as the owner's, written as the page writes it
    ("WSJ" for "Dow Jones", "Cooperativa" for a partner station's masthead); None otherwise."""
    lowered = _lowered_page(texts)
    names = set(_page_addresses(lowered)) | set(_domain_labels(lowered))
    names -= PLATFORM_SITES
    if not names:
        return None
    # the short rows lowered and squashed at once (rows hold single spaces between words)
    short = "\n".join(text for text in texts if text.count(" ") < BRAND_ROW_WORDS).lower()
    squashed = ROW_NOT_LETTERS.sub("", short)
    rows, brand = max(
        ((squashed.count(name), name) for name in names if len(name) >= 3), default=(0, "")
    )
    if rows < BRAND_ROWS:
        return None  # most pages: no name of theirs on the menus
    owned = name_letters(owner)
    in_copyright = _rows_holding(short, COPYRIGHT_MARKS)
    owner_rows = squashed.count(owned) - sum(
        NOT_LETTERS.sub("", row).count(owned) for row in in_copyright
    )
    if rows < BRAND_LEAD * owner_rows or _same_name(brand, owned):
        return None
    return _spelling(brand, [text for text in texts if text.count(" ") < BRAND_ROW_WORDS])


def _same_name(brand: str, owner: str) -> bool:
    """Whether two names' letters name one site: one holds the other, or the first is the
    second's abbreviation, its letters in order from its first ("latimes" for "Los Angeles
    Times", "stol" for "Südtirol Online")."""
    if brand in owner or owner in brand:
        return True
    letters = iter(owner)
    return brand[:1] == owner[:1] and all(letter in letters for letter in brand)


def _domain_labels(page: str) -> Iterator[str]:
    """The name of each host a lower-cased page writes without a subdomain other than "www"
    ("zdnet.de", "www.wsj.com"; not "docs.python.org", a service the text links to), as
    name_letters spells it; found from the endings (cheaper than trying every word)."""
    for ending in DOMAIN_ENDING.finditer(page):
        at = ending.start()
        label = DOMAIN_LABEL.search(page, max(0, at - DOMAIN_LABEL_CHARACTERS), at)
        if label is None:
            continue
        start = label.start()
        if start == 0 or page[start - 1] not in "@./" or page.endswith("www.", 0, start):
            yield NOT_LETTERS.sub("", label[0])


def _spelling(letters: str, texts: list[str]) -> str | None:
    """How the rows most often write a name spelt by its letters (a run of at most
    BRAND_SPAN_WORDS words opening on a capital: "Women's Health" for "womenshealth")."""
    spellings: Counter[str] = Counter()
    for text in texts:
        words = SPAN_WORD.findall(text)
        for first in range(len(words)):
            spelt = ""
            for last in range(first, min(first + BRAND_SPAN_WORDS, len(words))):
                spelt += NOT_LETTERS.sub("", words[last].lower())
                if spelt in (letters, f"the{letters}"):
                    span = " ".join(words[first : last + 1]).strip(".-'’")
                    if span[:1].isupper():
                        spellings[span] += 1
                if len(spelt) >= len(letters):
                    break
    return spellings.most_common(1)[0][0] if spellings else None


def _is_writer(owner: str, texts: list[str]) -> bool:
    """Whether a byline row of the page names the copyright owner among its writers ("Autor:
    Petra Ruland" over "© Petra Ruland"): a writer owning the words is not an outlet."""
    for index, text in enumerate(texts):
        if byline_opener(text) and index + 1 < len(texts):
            text = f"{text.strip()} {texts[index + 1]}"  # the browser put the names below
        match = BYLINE.match(text)
        local = None if match else local_byline(text)
        writers = match.group(1) if match else local[0] if local else ""
        if writers and owner in _byline_names(writers).split(", "):
            return True
    return False


@cache
def _longest_known_outlet() -> int:
    """The length of the longest known outlet's name (its lower-case form)."""
    return max(map(len, known_outlets()), default=0)


def _may_hold_copyright(text: str) -> bool:
    """Whether COPYRIGHT may match: it needs "©", "(c)" or "copyright" in any case (its search
    tries its marks at every character of a row; these tests look for them at C speed). Only
    ASCII letters match "copyr" with IGNORECASE, so lower-casing finds every such mark."""
    if "©" in text:
        return True
    lowered = text.lower()
    return "copyr" in lowered or "(c)" in lowered


def _publication_of(owner: str, texts: list[str]) -> str | None:
    """The publication a copyright owner names: the owner itself, unless it is a company
    ("Vox Media", "Dow Jones & Company"); then its name without the company words when the page
    prints that on a row of its own ("Forbes Media" -> "Forbes" under a "Forbes" masthead),
    else none: a publisher names no outlet."""
    if _owns_publications(owner, texts):
        return None
    words = owner.split()
    company_at = next((k for k, word in enumerate(words) if _names_company(word)), None)
    if company_at is None:
        return owner
    name = " ".join(words[:company_at]).strip(" &,-–—+")
    if not name:
        return None
    wanted = normalise(name)
    return next((text.strip() for text in texts if normalise(text) == wanted), None)


@lru_cache(maxsize=8192)  # the name rows' words recur from page to page ("Media", "News")
def _names_company(word: str) -> bool:
    """Whether a word of an owner's name says it is a company: a publisher word, alone
    ("Media^®"), as a part ("Perspective-Media") or closing a compound ("Agrarmedien")."""
    companies = publisher_words()
    parts = [NON_WORD.sub("", part) for part in word.lower().split("-")]
    return any(part in companies for part in parts) or parts[-1].endswith(_compound_endings())


@cache
def _compound_endings() -> tuple[str, ...]:
    """The publisher words long enough to close a compound that names a company."""
    return tuple(sorted(word for word in publisher_words() if len(word) >= COMPOUND_LETTERS))


def _owns_publications(owner: str, texts: list[str]) -> bool:
    """Whether a short row of the page speaks of the owner's several publications ("Other
    Meredith Sites", "Alle Medien von Tamedia"): then it is their publisher. The row says more
    than the name and the word: "Heise Medien" may be the company's own name."""
    name = normalise(owner)
    if not name:
        return False
    groups = publisher_groups()
    last = name.rsplit(" ", 1)[-1]
    for text in texts:
        if last not in text.lower():  # cheap: most rows do not name the owner
            continue
        words = normalise(text).split()
        if len(words) > GROUP_ROW_WORDS or not groups.intersection(words) or COPYRIGHT.search(text):
            continue
        row = f" {' '.join(words)} "
        rest = row.replace(f" {name} ", " ", 1).split()
        if len(rest) < len(words) and any(word not in groups for word in rest):
            return True
    return False


def _word_list(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def publisher_words() -> frozenset[str]:
    """Words that name a publishing company rather than a publication (a data file)."""
    return _word_list(PUBLISHER_WORDS_FILE)


@cache
def publisher_groups() -> frozenset[str]:
    """Words that name a publisher's several publications (a data file)."""
    return _word_list(PUBLISHER_GROUPS_FILE)


def _agency_footer(text: str, match: re.Match[str], owner: str) -> bool:
    """A wire agency's own copyright row ("© 2024 Reuters. All rights reserved."): a row that
    opens with the mark and gives the year, where a photo credit ("Foto: © Reuters", "REUTERS/
    Stringer") gives neither; the page is the agency's."""
    return (
        bool(AGENCY_NAME.match(owner))
        and match.start() == len(text) - len(text.lstrip())
        and bool(match["owner"])  # the year came first: "© 2024 Reuters"
        and len(text.split()) <= AGENCY_FOOTER_WORDS
    )


def glued_site(first_line: str, headline: str) -> str | None:
    """The site after the headline in a page title written without spaces around the
    separator ("Militants advance-Xinhua")."""
    if not headline or not first_line.startswith(headline):
        return None
    site = GLUED_SITE.match(first_line[len(headline) :])
    if site is None or len(site["site"].split()) > 6 or DATE_LIKE.search(site["site"]):
        return None
    return site["site"]


def _spelled_out(domain: str, texts: list[str]) -> str:
    """The name a domain spells, as the page writes it ("riversidegazette.com" -> "Riverside
    Gazette" from the masthead or the copyright line), else the domain."""
    letters = site_label(domain).replace("-", "")
    for text in texts:
        copyright = COPYRIGHT.search(text)
        owner = _owner_name(copyright["owner"] or "") if copyright else ""
        for name in (text, owner.split(",")[0]):
            words = name.split()
            if 2 <= len(words) <= 6 and re.sub(r"\W", "", name.lower()) == letters:
                return name
    return domain


# Words a news site's name ends in ("CRBC News", "Kyiv Post")
NEWS_NAME_WORDS = frozenset(
    "news times post herald tribune daily gazette journal press telegraph chronicle observer"
    " express monitor tv radio".split()
)


def _masthead(above_headline: list[Unit]) -> str | None:
    """A short capitalised name printed at least twice above the headline (a newsletter's or
    blog's name at the top and over the share row), or once as the page's first row when it
    ends in a word news sites' names end in after a name no common words spell ("CRBC News",
    not "World News"), when nothing else names the site; not a label ("Übersicht: Arbeit")."""
    counts = Counter(unit.text for unit in above_headline)
    first = above_headline[0].text.strip(NAME_EDGES) if above_headline else ""
    words = first.split()
    if (
        2 <= len(words) <= 4
        and all(word[0].isupper() for word in words)
        and words[-1].lower() in NEWS_NAME_WORDS
        and not _common_words(" ".join(words[:-1]))
        and not _is_navigation(first)
    ):
        return first
    for text in (unit.text for unit in above_headline[:MASTHEAD_ROWS] if not unit.bullet):
        words = text.split()
        if (
            counts[text] >= 2
            and 2 <= len(words) <= 5
            and all(
                word[0].isupper() or word in NAVIGATION_FILLER | {"of", "and"} for word in words
            )
            and not any(char.isdigit() for char in text)
            and not (PROMO.search(text) or SITE_CONTROL.search(text) or _is_navigation(text))
            and ":" not in LOGO_LABEL.sub("", text)
        ):
            return LOGO_LABEL.sub("", text) or text  # "Logo: Klub Jagielloński", "AWO LOGO"
    return None


OWNER_END = re.compile(r"(?<!\b\w)(?<!\b(?!Co)[A-Z][a-z])\.\s+(?=[A-Z])|\s+[-–—]\s+")


def _owner_name(text: str) -> str:
    """A copyright line's owner without rights notices, company forms, web addresses or the
    links that follow it ("Quiller Media, Inc., Contact Us" -> "Quiller Media")."""
    owner = re.sub(r"^by\s+", "", ALL_RIGHTS.sub("", text), flags=re.IGNORECASE)
    owner = re.sub(r"\s*\((?:https?://|www\.)[^)]*\)", "", owner)
    # A sentence or a dash ends the name: "FOX News Network, LLC. Quotes displayed ...",
    # "Handelsblatt GmbH - ein Unternehmen der ...".
    # "Weisser Ring e. V.", "St. Georgs Chorknaben", "U.S. News" are one name: a period after
    # a letter or a two-letter abbreviation ("St.", "Dr.") ends no sentence; after "Co." the
    # company's name is over ("Steinzeit & Co. Theme: ...").
    owner = re.split(OWNER_END, owner, maxsplit=1)[0]
    owner = re.sub(r"^(?:©\s*|copyright\s+)+", "", owner, flags=re.IGNORECASE)
    kept: list[str] = []
    for part in re.split(r"\s*[,|]\s*", owner):
        if kept and (LEGAL_SUFFIX.fullmatch(" " + part) or _is_navigation(part)):
            break
        kept.append(part)
    return LEGAL_SUFFIX.sub("", ", ".join(kept)).strip(" .,").rstrip(" -–—/&")


def _is_owner_name(owner: str) -> bool:
    """A name that can own a site: a few words, mostly capitalised, not a photo credit
    ("APA/AP", "© picture alliance/dpa"), a wire agency or a name holding one, a licence, a
    station's call sign or a menu label."""
    words = owner.split()
    capitalised = sum(word[0].isupper() or word[0].isdigit() for word in words)
    return (
        0 < len(words) <= 6
        and words[0][0].isupper()
        and capitalised * 2 >= len(words)
        and ":" not in owner
        and not any(AGENCY_NAME.match(part.strip()) for part in owner.split("/"))
        # the wire's company credited for a story ("© Thomson Reuters 2020"), not the site
        and not any(AGENCY_NAME.match(word) for word in words[1:])
        and not OWNER_NOT_NAME.search(owner)
        and not CALL_SIGN.match(owner)
        and not PROMO.search(owner)
        and not _is_navigation(owner)
    )


def _is_navigation(text: str) -> bool:
    words = set(normalise(text).split())
    return bool(words & NAVIGATION) and words <= NAVIGATION | NAVIGATION_FILLER


def _looks_like_headline(unit: Unit) -> bool:
    first_character = next((char for char in unit.text if char.isalnum()), "")
    return (
        3 <= unit.words <= HEADLINE_MAX_WORDS
        and not first_character.islower()
        and not unit.bullet
        and not unit.caption
        and not unit.date
        and not BYLINE.match(unit.text)
        and not unit.promo  # PROMO's search, made with the unit
        and not unit.site_control
        and not is_breadcrumb_path(unit.text)
    )


def is_standfirst(unit: Unit) -> bool:
    """A summary under the headline: a sentence, or a highlight bullet that reads as one."""
    # PROMO's search and SITE_CONTROL's, made with the unit
    if unit.promo or unit.site_control or "@" in unit.text:
        return False
    if unit.bullet:
        return unit.words >= 4 and unit.capitals < 0.8
    return is_prose(unit) or is_near_prose(unit)


def find_headline(
    units: list[Unit],
    start: int,
    title_hint: str,
    title_site: str | None,
    stops: frozenset[str],
    page: RowFeatures | None = None,
) -> int | None:
    """The headline row above the first paragraph (or that paragraph when a byline or date
    follows it): the best-scoring headline-shaped row of the few dozen above it (`page`: the
    units' row features when the caller has them)."""
    if start >= len(units):
        return None
    page = page or row_features(units)
    # The region may open with rows above the first paragraph (a near-prose headline); rows
    # from the region's start on need a byline or date under them to count.
    region_start = start
    # Image placeholders ("[e151e5]") between the rows are not rows.
    rows = (i for i in range(start, len(units)) if not page.bracketed[i])
    start = next((index for index in islice(rows, HEADER_ROWS) if page.prose[index]), start)
    # The first line is a page title only when it names a site; otherwise it is just row 0.
    hint_words = set(lower_words(title_hint)) if title_site else set()
    lowest = max(0, start - HEADLINE_WINDOW)
    window_texts = Counter(page.texts[lowest : start + 1])
    opening, opening_after_start = _opening_words(page, start)
    best, best_score = None, HEADLINE_MIN_SCORE
    scores: dict[int, float] = {}
    for index in range(lowest, start + 1):
        body = opening if index < start else opening_after_start
        score = _headline_score(page, index, body, hint_words, stops, index >= region_start)
        if score is None:
            continue
        score += 0.2 * (window_texts[units[index].text] > 1)  # also heads the breadcrumb
        score += 0.1 * (index - lowest) / (start - lowest + 1)  # ties go to the nearest row
        scores[index] = score
        if score > best_score:
            best, best_score = index, score
    # A headline comes before its standfirst: of two candidate rows in a row, a longer second
    # one is the standfirst.
    if (
        best is not None
        and best - 1 in scores
        # with a page title to match, a row far below the best is a section label over it
        and (not hint_words or scores[best - 1] >= best_score / 2)
        and units[best - 1].words < units[best].words
        and not units[best - 1].text.isupper()  # a section label above the headline
    ):
        return best - 1
    return best


def _headline_score(
    page: RowFeatures,
    index: int,
    body: set[str],
    hint_words: set[str],
    stops: frozenset[str],
    in_region: bool,
) -> float | None:
    """How much a row reads as the headline, or None when it cannot be one. Headlines' words
    come back in the first paragraphs, the page title repeats them, a byline or date row sits
    next to them, and they are not sentences, section labels or label values."""
    unit = page.units[index]
    header_after = page.header_within(index + 1, index + 4)
    if not _looks_like_headline(unit) or (in_region and not header_after):
        return None
    if index and page.texts[index - 1].endswith(":") and page.words[index - 1] <= 2:
        return None  # the value of a label ("Author:")
    words = set(lower_words(unit.text))
    content = {word for word in words if len(word) > 2 and word not in stops}
    overlap = len(content & body) / len(content) if content else 0.0
    hint = len(words & hint_words) / max(len(words), len(hint_words)) if hint_words else 0.0
    if not index:
        hint = 0.0  # the first line is the hint itself
    header_before = index > 0 and page.header(index - 1)
    if overlap < 0.25 and hint < 0.5 and not (header_after or header_before):
        return None
    return (
        overlap
        + 2 * hint
        + 0.3 * header_after  # bylines and dates follow the headline...
        + 0.15 * (header_before and not header_after)  # ...or, on some pages, precede it
        - 0.3 * (index == 0)  # the first line is mostly the site's name
        - 0.15 * (unit.words <= 4)  # labels and alt texts are shorter than most headlines
        - 0.4 * bool(SENTENCE_END.search(unit.text))  # a standfirst or a caption
        - 0.3 * unit.text.isupper()  # a section label
        - 0.5 * unit.stop_ratio  # headlines drop function words; standfirsts keep them
    )


def _opening_words(page: RowFeatures, start: int) -> tuple[set[str], set[str]]:
    """Words of the first prose rows from `start`, and from the row after it: a headline's
    words come back there."""
    opening = [
        index
        for index in range(start, min(start + 17, len(page.texts)))
        if page.words[index] >= 5 and not page.captions[index] and not page.bullets[index]
    ]
    from_start = [index for index in opening[:4] if index < start + 16]
    after_start = [index for index in opening if index > start][:4]
    words = {index: lower_words(page.texts[index]) for index in opening[:5]}
    return (
        set().union(*map(words.__getitem__, from_start)),
        set().union(*map(words.__getitem__, after_start)),
    )


OUTLET_WEIGHTS_FILE = Path(__file__).with_name("outlet_weights.json")
NAME_ROW_WORDS = 5  # a site's name on a row of its own: a logo's alt text, a footer's name
NAME_ROW_CHARACTERS = 40
NAME_ROW_RAW_WORDS = 2 * NAME_ROW_WORDS + 4  # doubled, under "Source :" and with "Logo"
TOP_NAME_ROWS = 5
BOTTOM_NAME_ROWS = 15
OUTLET_FEATURES = (
    "bias",
    "one_word",
    "words_log",
    "copies_log",  # the same row again: the masthead over the share row, the footer's logo
    "mentions_log",  # inside other rows: "More from The Sun", "Subscribe to The Week"
    "top",
    "first_share",
    "bottom",
    "bullet_share",
    "capitalised",
    "upper",
    "digits",
    "in_copyright",
    "first_line",
    "logo",
    "doubled",
    "navigation",
    "domain",
    "known",
    "person",
    "section",
    "sentence_end",
    "company",
    "page_domain_log",  # the page's own addresses spell it: "info@correctiv.org", "CORRECTIV"
    "title_tail",  # ends the first line: the site after a headline ("... – Golf Post")
)
COPYRIGHT_MARKS = ("©", "copyr", "(c)")  # as _may_hold_copyright reads a lower-cased row
ADDRESS_MARKS = ("@", "://", "www.")  # what PAGE_ADDRESS starts with, lower-cased
NOT_LETTERS = re.compile(r"\W|_")
LEADING_THE = re.compile(r"^the\s+")
# A web or mail address the page prints: its name part, before the top-level domain.
PAGE_ADDRESS = re.compile(
    r"(?:@|://|\bwww\.)(?:[\w-]+\.)*?(?P<name>[\w-]+)\.(?:co\.)?[a-z]{2,6}\b", re.IGNORECASE
)


@cache
def shipped_outlet_model() -> SoftmaxModel:
    return load_model(OUTLET_WEIGHTS_FILE, OUTLET_FEATURES)


@dataclass(frozen=True)
class NameRow:
    """A short row read as a name the site may go by: its cleaned text, the rows it stands on,
    how it was written there and the page's evidence that the screen read of it."""

    name: str
    rows: tuple[int, ...]
    logo: bool
    doubled: bool
    in_copyright: bool
    domain: bool
    known: bool
    addressed: int  # the page's web and mail addresses spelling it
    title_tail: bool


class _RowName(NamedTuple):
    """What a short row says as a name: the name, and whether it was labelled a logo or
    printed twice (a named tuple: made for every short row, at a third of a dataclass's cost)."""

    name: str
    logo: bool
    doubled: bool


# Rows longer than this are text: a name printed twice under a label and "Logo" is shorter.
NAME_ROW_RAW_CHARACTERS = 2 * NAME_ROW_CHARACTERS + 20
NAME_EDGES = " |·•–—-.:"


@lru_cache(maxsize=8192)  # a site's menus and footer come back on each of its pages
def _row_name(text: str) -> _RowName | None:
    """The name a short row may give: without a source label, a logo label or separators, a
    name printed twice ("Le Point Le Point", "Crazy JuliaCrazy Julia") once; None for a row
    with too many words, no capital to be a name, or that the copyright rules read (an
    owner's row). Whether the name reads as one is `_is_name`'s, asked of screened names."""
    lowered = text.lower()
    # a row without a capital names nothing unless it is a domain ("kinzig.news"); the
    # copyright rules read an owner's row (COPYRIGHT_MARKS)
    if (lowered == text and "." not in text) or (
        "©" in lowered or "copyr" in lowered or "(c)" in lowered
    ):
        return None
    if len(text.split()) > NAME_ROW_RAW_WORDS:
        return None
    bare = (SOURCE_LABEL.sub("", text) if ":" in text else text).strip(NAME_EDGES)
    name = (LOGO_LABEL.sub("", bare) if "logo" in lowered else bare).strip(NAME_EDGES)
    logo = name != bare
    once = _printed_once(name)
    return _RowName(once or name, logo, doubled=once is not None)


@lru_cache(maxsize=8192)
def _is_name(name: str) -> bool:
    """Whether a row's name reads as a site's name: a few words, most longer ones capitalised
    (a short headline is not), starting with a capital or a domain, no label and its value,
    no title separator, no byline."""
    words = name.split()
    first_letter = next((char for char in name if char.isalpha()), "")
    longer = [word for word in words if len(word) > NAME_JOINER_LETTERS]
    # the cheap tests first
    return (
        0 < len(words) <= NAME_ROW_WORDS
        and 2 <= len(name) <= NAME_ROW_CHARACTERS
        and (first_letter.isupper() or bool(DOMAIN.match(name)))
        and ": " not in name  # a label and its value ("Übersicht: Arbeit")
        and 2 * sum(word[0].isupper() for word in longer) >= len(longer)
        and not TITLE_SEPARATOR.search(name)  # "Headline | Site", "Site | Facebook"
        and not (BYLINE.match(name) or AGENCY_BYLINE.match(name) or local_byline(name))
    )


def name_rows(texts: list[str], lowered: str | None = None) -> list[NameRow]:
    """The page's short rows that may name its site, one entry per name, screened by the page's
    evidence: a name on its first row, labelled a logo, printed twice over, shaped as a domain,
    in its copyright line or its own addresses, after the headline on the first row or a
    known outlet. Menu items and section labels (most short rows, at the top and bottom too)
    have none; screened out, the scorer's choices on the tuning sites were as good
    (fit_outlets.py) at a sixth of the candidates, and `_is_name`'s patterns read only the
    screened names.
    """
    found: dict[str, list[int]] = {}
    logos: set[str] = set()  # the names a row labels a logo
    doubles: set[str] = set()  # the names a row prints twice
    for index, text in enumerate(texts):
        named = _row_name(text) if len(text) <= NAME_ROW_RAW_CHARACTERS else None
        if named is None:
            continue
        found.setdefault(named.name, []).append(index)
        if named.logo:
            logos.add(named.name)
        if named.doubled:
            doubles.add(named.name)
    if not found:
        return []
    lowered = _lowered_page(texts) if lowered is None else lowered
    copyright_text = "\n".join(_rows_holding(lowered, COPYRIGHT_MARKS))
    addresses = _page_addresses(lowered)
    known = known_outlets()
    title = lowered.partition("\n")[0].rstrip(NAME_EDGES)
    names = []
    for name, rows in found.items():
        logo, doubled = name in logos, name in doubles
        folded = name.lower()
        in_copyright = folded in copyright_text
        domain = "." in name and bool(DOMAIN.match(name))
        addressed = addresses[name_letters(name)] if addresses else 0
        title_tail = title.endswith(folded) and len(title) > len(folded)
        known_name = folded in known
        if (
            rows[0] == 0
            or logo
            or doubled
            or in_copyright
            or domain
            or addressed
            or title_tail
            or known_name
        ) and _is_name(name):
            names.append(
                NameRow(
                    name=name,
                    rows=tuple(rows),
                    logo=logo,
                    doubled=doubled,
                    in_copyright=in_copyright,
                    domain=domain,
                    known=known_name,
                    addressed=addressed,
                    title_tail=title_tail,
                )
            )
    return names


def _rows_holding(page: str, marks: tuple[str, ...]) -> list[str]:
    """The rows of a page (its rows joined by newlines) that hold any of the marks, each once,
    in page order, found by searching the page for each mark (rows with a mark are few)."""
    starts = sorted({page.rfind("\n", 0, at) + 1 for mark in marks for at in _found_at(page, mark)})
    ends = [page.find("\n", start) for start in starts]
    return [
        page[start : end if end >= 0 else None] for start, end in zip(starts, ends, strict=True)
    ]


def _page_addresses(page: str) -> Counter[str]:
    """How often the page's web and mail addresses spell each name part (as name_letters spells
    it): the addresses PAGE_ADDRESS finds in the lower-cased page, matched only where one of
    its opening marks stands (found by searching for them), left to right as finditer does."""
    starts = sorted(at for mark in ADDRESS_MARKS for at in _found_at(page, mark))
    addresses: Counter[str] = Counter()
    end = 0
    for start in starts:
        match = PAGE_ADDRESS.match(page, start) if start >= end else None
        if match:
            addresses[NOT_LETTERS.sub("", match["name"])] += 1
            end = match.end()
    return addresses


def _found_at(text: str, mark: str) -> Iterator[int]:
    """Where the mark stands in the text, left to right (overlaps included)."""
    at = text.find(mark)
    while at >= 0:
        yield at
        at = text.find(mark, at + 1)


def _lowered_page(texts: list[str]) -> str:
    """The page's rows joined by newlines, lower-cased (the screen and the features read it: a
    caller gives both the same one, made once)."""
    return "\n".join(texts).lower()


def outlet_features(
    texts: list[str], listed: frozenset[str], names: list[NameRow], lowered: str | None = None
) -> list[list[float]]:
    """Each name row's features (OUTLET_FEATURES): where and how often the page prints it,
    inside other rows too, and its shape."""
    lowered = _lowered_page(texts) if lowered is None else lowered
    count = max(len(texts), 1)
    vectors = []
    for entry in names:
        words = entry.name.split()
        folded = entry.name.lower()
        mentions = lowered.count(folded) - len(entry.rows) if len(folded) >= 3 else 0
        vectors.append(
            [
                1.0,
                float(len(words) == 1),
                math.log(len(words)),
                math.log(len(entry.rows)),
                math.log1p(max(mentions, 0)),
                float(entry.rows[0] < TOP_NAME_ROWS),
                entry.rows[0] / count,
                float(entry.rows[-1] >= count - BOTTOM_NAME_ROWS),
                sum(texts[row] in listed for row in entry.rows) / len(entry.rows),
                sum(word[0].isupper() for word in words) / len(words),
                float(entry.name.isupper()),
                float(any(map(str.isdigit, entry.name))),
                float(entry.in_copyright),
                float(entry.rows[0] == 0),
                float(entry.logo),
                float(entry.doubled),
                float(
                    _is_navigation(entry.name)
                    or bool(PROMO.search(entry.name) or SITE_CONTROL.search(entry.name))
                ),
                float(entry.domain),
                float(entry.known),
                float(bool(PERSON_NAME.match(entry.name))),
                float(bool(SECTION_WORDS & set(normalise(entry.name).split()))),
                float(bool(SENTENCE_END.search(entry.name))),
                float(any(_names_company(word) for word in words)),
                math.log1p(entry.addressed),
                float(entry.title_tail),
            ]
        )
    return vectors


@dataclass(frozen=True)
class OutletPick:
    name: str  # the name row the fitted scorer likes best
    belief: float  # its share of the belief against "none of them"


def outlet_belief(
    texts: list[str],
    listed: frozenset[str],
    model: SoftmaxModel | None = None,
    lowered: str | None = None,
) -> OutletPick | None:
    """The name row the fitted scorer likes best and its share of the belief against "none of
    them" (score 0), or None on a page with no name row."""
    lowered = _lowered_page(texts) if lowered is None else lowered
    names = name_rows(texts, lowered)
    if not names:
        return None
    model = model or shipped_outlet_model()
    vectors = outlet_features(texts, listed, names, lowered)
    name_scores = scores(model, vectors)
    best = max(range(len(names)), key=name_scores.__getitem__)
    return OutletPick(names[best].name, beliefs(name_scores)[best])


@lru_cache(maxsize=8192)
def name_letters(name: str) -> str:
    """A name as a domain spells it: lower case, without "The", spaces or punctuation."""
    return NOT_LETTERS.sub("", LEADING_THE.sub("", name.lower()))


def learned_outlet(
    texts: list[str], listed: frozenset[str], headline: str, dateline: str | None
) -> str | None:
    """The name row the fitted scorer believes names the site, when it is believed enough and
    is neither the headline, the dateline's place nor a row of controls ("A- A A+"). The
    scorer was fitted on page dumps, which show menus: a text without list items is a pasted
    excerpt, whose short rows are its subheads ("Journalists Among the Dead")."""
    if not listed:
        return None
    pick = outlet_belief(texts, listed)
    if pick is None or pick.belief < shipped_outlet_model().threshold:
        return None
    name = pick.name
    if name.casefold() in {headline.casefold(), (dateline or "").casefold()}:
        return None
    return name if any(len(re.sub(r"\W", "", word)) >= 3 for word in name.split()) else None
