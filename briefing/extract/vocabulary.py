"""Word lists and the patterns that are vocabulary: function words per language, wire
agencies, promotion, boilerplate, list and end-of-article headings, bylines, datelines.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, islice, repeat
from operator import add, itemgetter
from pathlib import Path

from briefing.lazy_pattern import lazy_compile

# Function words per language: they tell prose from link lists, and which language a page is in.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """a about above after again against all also am an and any are as at be because been
        before being below between both but by can could did do does doing down during each
        few for from further had has have having he her here hers herself him himself his how
        i if in into is it its itself just me more most my no nor not now of off on once only
        or other our ours out over own same she should so some such than that the their theirs
        them then there these they this those through to too under until up very was we were
        what when where which while who whom why will with would you your yours said says
        since may might must us one two new like many much even still already while""".split()
    ),
    "de": frozenset(
        """der die das und ist nicht ein eine einen dem den des zu mit sich auf für von im
        auch es als an nach wie aus bei wird sind noch nur oder aber vor zur bis mehr durch
        über werden hat sie er wir ich""".split()
    ),
    "fr": frozenset(
        """le la les de des du un une et est pas que qui dans pour sur au aux avec ce ces il
        elle nous vous ils sont par plus ne se son sa ses mais ou été être cette leur""".split()
    ),
    "es": frozenset(
        """el la los las de del un una y es que en por para con no se su sus al lo como más
        pero ya está son fue este esta entre también muy sin sobre""".split()
    ),
    "pt": frozenset(
        """o a os as de do da dos das um uma e é que em no na nos nas por para com não se seu
        sua ao como mais mas foi são está também muito sem sobre pelo pela você""".split()
    ),
    "it": frozenset(
        """il lo la gli le di del della un una e è che in per con non si suo sua al come più
        ma sono anche nel nella questo questa tra""".split()
    ),
    "nl": frozenset(
        """de het een en is niet van in op te dat die met voor zijn er maar ook als bij aan
        naar uit wordt door dan nog wel""".split()
    ),
    "ru": frozenset(
        """и в не на что с по как это он она они к из у за от о для но то же так бы был
        была были его её их мы вы все или""".split()
    ),
}


# Wire agencies named in bylines and datelines; generic across outlets.
AGENCIES = (
    "Reuters",
    "Associated Press",
    "AP",
    "AFP",
    "Agence France-Presse",
    "Agencies",
    "Bloomberg",
    "PTI",
    "IANS",
    "ANI",
    "APP",
    "UNB",
    "BSS",
    "dpa",
    "Xinhua",
    "Anadolu",
    "Kyodo",
    "Yonhap",
    "EFE",
    "TASS",
)


AGENCY_PATTERN = "|".join(re.escape(agency) for agency in sorted(AGENCIES, key=len, reverse=True))


AGENCY_NAMES = {agency.lower(): agency for agency in AGENCIES}  # "THE ASSOCIATED PRESS" too

# Who reports for an agency, after its name ("AFP journalists in Mandalay witnessed ..."), and
# what they do there: the agency's own reporting, not its staff as the news ("a Reuters
# photographer was wounded").
AGENCY_STAFF = (
    "correspondents",
    "correspondent",
    "journalists",
    "journalist",
    "reporters",
    "reporter",
    "photographers",
    "photographer",
)
AGENCY_STAFF_SEEING = ("saw", "witnessed", "counted", "observed", "reported", "heard", "visited")


WORD = lazy_compile(r"\w+")


# Bullet glyphs text browsers use for list items (lynx/w3m/links), or a list number "01".
BULLET = lazy_compile(r"^(?:[•□☆◦▪●○■*+·‣⁃-]|\d{1,2}[.)])\s+|^[•□☆◦▪●○■]")
BULLET_GLYPHS = frozenset("•□☆◦▪●○■*+·‣⁃-")  # a line opening otherwise (or on a digit) is no item


SENTENCE_END_MARKS = frozenset(".!?…:;。！？")
QUESTION_EXCLAMATION_MARKS = frozenset("?!？！")  # the sentence ends a title may end on too
CLOSING_MARKS = "\"”’'»)]"  # quotes and brackets that may follow a sentence's end
TERMINAL = lazy_compile(f"[{''.join(sorted(SENTENCE_END_MARKS))}][{re.escape(CLOSING_MARKS)}]*$")


def last_mark(text: str) -> str:
    """A text's last character past closing marks and a final newline (before which $ also
    matches), or "": what TERMINAL and SENTENCE_END read of it, without their search, which
    tries every mark of a paragraph."""
    core = text[:-1] if text[-1:] == "\n" else text
    return core.rstrip(CLOSING_MARKS)[-1:]


def ends_a_sentence(text: str) -> bool:
    """Whether a text ends as TERMINAL matches."""
    return last_mark(text) in SENTENCE_END_MARKS


_LAST = itemgetter(slice(-1, None))
_FIRST = itemgetter(slice(None, 1))


def rows_ending_sentences(rows: list[str]) -> list[bool]:
    """`ends_a_sentence` of each row (rows hold no newline), worked out in C for the page."""
    lasts = map(_LAST, map(str.rstrip, rows, repeat(CLOSING_MARKS)))
    return list(map(SENTENCE_END_MARKS.__contains__, lasts))


BRACKETED_ONLY = lazy_compile(r"^(?:\[[^\]]*\]\s*)+$")


IMAGE_NAME = lazy_compile(r"^\S+\.(?:jpe?g|png|gif|webp|svg)\S*$", re.IGNORECASE)


# CAPTION's branches, by what a row needs for each to match.
_CAPTION_DASH = (
    r"(?:[.!?)]\s*[—–]\s*[A-Z][\w./&' ]{1,30}$)"  # "...on Friday.—AFP", "— Reuters/File"
)
# "REUTERS/Mohammed Salem", "Reuters/Amir Cohen": capitalised words whatever the patterns'
# flags (as case-blind, "... clashes with the YPG/SDF terror group." closed a caption).
_CAPTION_SLASH = r"(?-i:\b[A-Z][A-Za-z]+(?: [A-Z][a-z]+)?/[A-Z][\w.]+(?: [A-Z][\w.]+){0,3}$)"
_CAPTION_LABEL = (
    r"(?:\b(?:Photo(?:graph)?s?|Image|Picture|Illustration|Credit|Courtesy|File Photo)"
    r"(?: by)?\s*[:/]\s*\S)"  # "Photo: TBS", "Image: Getty"
)
_CAPTION_BRACKET = (
    r"(?:\((?:credit|photo|image|picture|source)\b[^)]*\)$)"  # "(credit: NASA/Jude Guidry)"
)
_CAPTION_STOCK = r"(?:\b(?:Getty Images|Shutterstock|iStock(?:photo)?|AP Photo)\b[^.]{0,40}$)"
_CAPTION_SIGNED = (
    r"(?:^\([A-Z][^()/]{1,40}/\s*[A-Z][^()]{1,40}\)$)"  # "(Reed Saxon / Associated Press)"
)
_CAPTION_COPYRIGHT = (
    r"(?:[.!?]\s*©\s*[A-Z][\w .,'’/&-]{1,60}$)"  # "... on Friday. © Omar Haj Kadour, AFP"
    r"|(?:[a-z]\s*©\s*[A-Z][\w .,'’&-]{1,30}$)"  # an image's alt text and credit: "a bed© Amazon"
)
# A picture credited in the bracket closing a line: "(AFP Photo)", "(AFP or licensors)",
# "(Reuters/File)", or a picture's kind alone: "(Screenshot)", "(Symbolbild)"; a caption at any
# length a caption has. A bare "(Photos)" closes a teaser's title: the story has a gallery.
PICTURE_BRACKET = lazy_compile(
    r"\((?:[^()]{1,40}[\s/](?:photos?|pictures?|images?|licensors|fotos?|bild)"
    r"|(?:[^()]{1,40}[\s/])?(?:file|handout|screenshot|symbolbild|archiv(?:e|o|bild)?))\)\.?$",
    re.IGNORECASE,
)
PICTURE_BRACKET_CHARS = 60  # longer than any match of it (a row's spaces are single)
# A short line signed by an agency's initials after its last sentence: "... Aleppo. (SANA)";
# a paragraph citing its source says so ("..., SANA reported. (SANA)"; REPORTED).
INITIALS_CREDIT = lazy_compile(r"\w\w[.!?][\"”’]?\s*\([A-Z]{3,6}\)$")  # not "e. V. (DJV)"
INITIALS_CHARS = 16  # longer than any match of it
# "... disruptions. / Reuters": an agency signing a caption's last sentence
SENTENCE_AGENCY = lazy_compile(rf"[.!?)]\s+/\s+(?:{AGENCY_PATTERN})$", re.IGNORECASE)
REPORTED = lazy_compile(
    r"\b(?:said|says|told|tells|reported|reports|according to|announced|added|stated|quoted)\b"
    r"|[\"“”]",
    re.IGNORECASE,
)
# A picture's credit closing the line, where a credit starts (the line's start, past a sentence,
# a bracket, a bar, a slash, a copyright sign or a spaced dash; not inside a sentence, "ein
# klares Bild: ..."): "... Photo by Wael Hamzeh/EPA-EFE" (at any length: the long captions of
# picture desks close so), "... Foto: Sascha Klahn", "(Bildquelle: Audi)" (in a caption's
# length: a paragraph of text and a credit glued together is text).
_CREDIT_OPENS = r"(?:^|[.!?|/(©]\s*|\s[-–—]\s)"
PHOTO_BY_TAIL = lazy_compile(
    _CREDIT_OPENS + r"(?:photo(?:graph)?s?|pictures?|images?|fotos?)\s+(?:by|von|de|di|par)"
    r"\s+[^\s.:;!?][^.:;!?]{0,60}\)?$",
    re.IGNORECASE,
)
CREDIT_LABEL_TAIL = lazy_compile(
    _CREDIT_OPENS + r"(?:fotos?|bild(?:er|quelle)?|fotoquelle)\s*:\s*[^\s:][^:]{0,60}$",
    re.IGNORECASE,
)
CREDIT_TAIL_CHARS = 100  # longer than any match of the two (a row's spaces are single)
PICTURE_CREDIT_HINTS = ("photo", "picture", "image", "foto", "bild")  # what the two tails need

_CAPTION_AGENCY = rf"(?:\w\s+/\s+(?:{AGENCY_PATTERN})$)"  # "... Jaafar ASHTIYEH / AFP"
_CAPTION_VIA = rf"(?:\([^()]{{1,60}}\svia\s(?:{AGENCY_PATTERN})\)$)"  # "(Emergency Service via AP)"
CAPTION = lazy_compile(
    "|".join(
        (
            _CAPTION_DASH,
            _CAPTION_SLASH,
            _CAPTION_LABEL,
            _CAPTION_BRACKET,
            _CAPTION_STOCK,
            _CAPTION_SIGNED,
            _CAPTION_COPYRIGHT,
            _CAPTION_AGENCY,
            _CAPTION_VIA,
        )
    ),
    re.IGNORECASE,
)
# The same branches in groups, each searched only in rows with what its branches need (a
# search of one alternation tries every branch at every character of a row): the branches
# anchored at the row's end where it ends as they do (`ends_like_caption`), the label after a
# colon or slash, the copyright sign, a stock agency's name (CAPTION_STOCK_HINTS).
CAPTION_ENDING = lazy_compile(
    "|".join(
        (
            _CAPTION_DASH,
            _CAPTION_SLASH,
            _CAPTION_BRACKET,
            _CAPTION_SIGNED,
            _CAPTION_AGENCY,
            _CAPTION_VIA,
        )
    ),
    re.IGNORECASE,
)
# CAPTION_ENDING's branches again, by the mark each needs in a row (`caption_ending`): its
# search tried every branch at every character, two of them opening on a word boundary or a
# word character, which the engine cannot skip to.
CAPTION_DASH = lazy_compile(_CAPTION_DASH, re.IGNORECASE)
CAPTION_SLASHED = lazy_compile(f"{_CAPTION_SLASH}|{_CAPTION_AGENCY}", re.IGNORECASE)
CAPTION_BRACKETED = lazy_compile(f"{_CAPTION_BRACKET}|{_CAPTION_VIA}", re.IGNORECASE)
CAPTION_SIGNED = lazy_compile(_CAPTION_SIGNED, re.IGNORECASE)
CAPTION_LABEL = lazy_compile(_CAPTION_LABEL, re.IGNORECASE)
CAPTION_STOCK = lazy_compile(_CAPTION_STOCK, re.IGNORECASE)
CAPTION_COPYRIGHT = lazy_compile(_CAPTION_COPYRIGHT, re.IGNORECASE)


# A short line ending in an agency credit: "WikiLeaks founder Julian Assange (AFP)", or a credit
# in brackets: "... in central Gaza [Eyad Baba/AFP]".
AGENCY_CREDIT = lazy_compile(
    rf"(?:\((?:{AGENCY_PATTERN})(?: file)?(?: photos?)?\)"
    r"|\[[A-Z][^\[\]/]{1,40}/\s*[A-Z][^\[\]]{1,40}\]"
    r"|\([A-Z][^()/]{1,40}/\s*[A-Z][^()]{1,40}\))$",
    re.IGNORECASE,
)


# "By Jane Doe", "By Mike Wuerthele and Malcolm Owen"; a month name ends the name ("By X Nov 19").
NAME_WORD = (
    r"(?!(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\b)[A-Z](?:[\w.'’-]|/(?=[A-Z]))*"
)


# Writers after the first follow "and" or a comma; after a comma only a full name (two words),
# so "By Jane Doe, CNN" names Jane Doe.
BYLINE = lazy_compile(
    rf"^(?:By|BY|by)\s+({NAME_WORD}(?:(?:\s+(?:and\s+)?|,\s+(?:and\s+)?(?={NAME_WORD}\s+{NAME_WORD}))"
    rf"(?!(?:On|At)\b){NAME_WORD}){{0,8}})"
)


# "By The Associated Press": the agency is the byline.
AGENCY_BYLINE = lazy_compile(rf"^by\s+(?:the\s+)?(?P<agency>{AGENCY_PATTERN})\s*$", re.IGNORECASE)


AGENCY_LINE = lazy_compile(
    rf"^(?:{AGENCY_PATTERN})(?=\s*$|\s+(?:Published|Posted|Updated|\d|[|,-]))"
)


# Share/follow/subscribe calls and other promotion inside an article; generic across sites.
PROMO = lazy_compile(
    r"\b(?:follow (?:us|our|the)|subscribe|sign up|newsletter|click here|download (?:the|our)"
    r"|keep updated|read more|also read|related:|advertisement|share this|google news"
    r"|all rights reserved|cookies?\b|share\b|print this|bookmark|filed to|tweet\b"
    r"|(?:to|it) read later|reading list|save for later|später lesen)",
    re.IGNORECASE,
)


# Python's case-insensitive patterns also take ı for i and ſ for s, which lower() leaves alone.
_CASE_EXTRAS = {"i": "ı", "s": "ſ"}


def case_openers(letters: str) -> frozenset[str]:
    """What `opener` gives for any character a case-insensitive pattern may open on when its
    every branch opens on one of `letters` (lower case)."""
    return frozenset(letters).union(*(_CASE_EXTRAS.get(letter, "") for letter in letters))


def opener(text: str) -> str:
    """A text's first character in lower case (İ's is i): a row opening otherwise than a
    pattern's `case_openers` is not matched against it."""
    return text[:1].lower()[:1]


def row_openers(rows: list[str]) -> list[str]:
    """`opener` of each row, worked out in C for the page."""
    return list(map(_FIRST, map(str.lower, map(_FIRST, rows))))


# Headings that close an article: what follows is tags, comments or other articles.
ARTICLE_END = lazy_compile(
    r"^(?:tags?|topics|you (?:may|might) (?:also )?(?:like|enjoy)|related (?:articles|posts)"
    r"|recommended for you|about the author|leave a (?:comment|reply)|\d+ comments?|more in \w.*"
    r"|(?:você )?(?:também )?pode gostar|artigos relacionados|(?:también )?te puede interesar"
    r"|artículos relacionados|vous aimerez aussi|articles similaires"
    r"|das könnte sie auch interessieren|ähnliche artikel|potrebbe interessarti"
    r"|articoli correlati)\W*$",
    re.IGNORECASE,
)


ARTICLE_END_OPENERS = case_openers("adlmprtvyä")  # and a digit ("12 comments")


def is_article_end(text: str) -> bool:
    """Whether ARTICLE_END matches a row, screened by its first character."""
    return (opener(text) in ARTICLE_END_OPENERS or text[:1].isdecimal()) and bool(
        ARTICLE_END.match(text)
    )


# Site-wide legal text: disclaimers, trademark, copyright and cookie notices read like prose.
BOILERPLATE = lazy_compile(
    r"©|\b(?:(?:information|content|material)s? (?:provided )?on (?:this|our) (?:web ?)?site"
    r"|(?:(?:this|our) (?:web ?)?site|we) uses? cookies\b"
    r"|all rights reserved|registered trademarks?\b|trademarks? of\b"
    r"|not intended to (?:diagnose|replace|be a substitute)|consult your (?:physician|doctor)"
    r"|for (?:general )?informational purposes|have not been evaluated by"
    # cookie consent banners
    r"|use of cookies\b|by clicking\b.{0,40}\byou (?:agree|consent|accept)"
    # appeals for money or sign-ups, and republishing terms
    r"|support(?:ing)? (?:our|independent|the \w+(?:'s|’s)) journalism"
    r"|thanks? (?:you )?for reading\b|before you (?:go|move on),"
    r"|become a (?:member|subscriber|patron|supporter)\b|subscribe for free\b"
    r"|republish(?:ing)? (?:this|our) (?:content|article|story|work)\b)",
    re.IGNORECASE,
)


# Literals each branch of a pattern needs (case folded): a line holding none of them cannot
# match, so the pattern is not run on it (most lines of a page; tests check every branch).
# CAPTION's other branches end the line, so what follows their mark is short: a name after the
# line's last dash ("... Friday.— AFP"), a few words after its last slash ("REUTERS/Firas
# Makdesi", "Jaafar ASHTIYEH / AFP"), or a closing bracket ("(credit: NASA)"). Prose with a
# dash, slash or bracket inside is not searched (ends_like_caption).
CAPTION_HINTS = (
    "©", "photo", "image", "picture", "illustration", "credit", "courtesy", "getty",
    "shutterstock", "istock",
)  # fmt: skip
CAPTION_STOCK_HINTS = ("getty images", "shutterstock", "istock", "ap photo")  # CAPTION_STOCK's
CAPTION_DASH_TAIL = 32  # "\s*[A-Z][\w./&' ]{1,30}$" after the dash, and a final newline
CAPTION_SLASH_WORDS = 4  # "[A-Z][\w.]+(?: [A-Z][\w.]+){0,3}$" after the slash, or an agency
PROMO_HINTS = (
    "follow", "subscribe", "sign up", "newsletter", "click here", "download", "keep updated",
    "read more", "also read", "related:", "advertisement", "share", "google news", "rights",
    "cookie", "print this", "bookmark", "filed to", "tweet", "later", "reading list",
    "später lesen",
)  # fmt: skip
BOILERPLATE_HINTS = (
    "©", "site", "cookie", "rights", "trademark", "intended", "consult", "informational",
    "evaluated", "clicking", "journalism", "reading", "before you", "become a", "subscribe",
    "republish",
)  # fmt: skip


def folded(text: str) -> str:
    """The text as case-insensitive patterns see it, for the hints above: case folded, with
    the two letters such patterns take for an i that folding does not map to one (ı, and İ,
    which folds to i and a combining dot)."""
    return text.casefold().replace("ı", "i").replace("\u0307", "")


def may_match(hints: tuple[str, ...], folded_text: str) -> bool:
    return any(map(folded_text.__contains__, hints))  # no generator: cheaper than the tests


@dataclass(frozen=True)
class FoldedRows:
    """A page's rows folded together, one row a line (rows hold no newline): each hint is then
    looked for once over the page, not once per row (most rows hold none)."""

    text: str
    starts: list[int]  # where each row starts in `text`


def fold_rows(rows: list[str]) -> FoldedRows:
    # case folding maps each character alone, so the page folded is its rows folded
    return rows_folded(folded("\n".join(rows)), len(rows))


def rows_folded(text: str, count: int) -> FoldedRows:
    """The FoldedRows of `count` rows folded and joined by newlines into `text`."""
    # where each line starts: after the lines before it and their newlines (summed in C)
    lengths = map(add, map(len, text.split("\n")), repeat(1))
    return FoldedRows(text, list(islice(accumulate(lengths, initial=0), count)))


def rows_holding(hints: tuple[str, ...], rows: FoldedRows) -> set[int]:
    """The indices of the rows that hold one of the hints (no hint holds a newline)."""
    found: set[int] = set()
    text, starts = rows.text, rows.starts
    for hint in hints:
        at = text.find(hint)
        while at >= 0:
            row = bisect_right(starts, at) - 1
            found.add(row)
            at = text.find(hint, starts[row + 1]) if row + 1 < len(starts) else -1
    return found


CAPTION_END_MARKS = (")", "—", "–", "/")  # what ends_like_caption needs in a row


def is_caption(text: str, hinted: bool) -> bool:
    """Whether CAPTION matches a row (`hinted`: it holds one of CAPTION_HINTS, which every
    branch not anchored at the row's end needs), its groups of branches searched only where
    the row has what they need."""
    return bool(
        (ends_like_caption(text) and caption_ending(text))
        or (
            hinted
            and (
                ("©" in text and CAPTION_COPYRIGHT.search(text))
                or ((":" in text or "/" in text) and CAPTION_LABEL.search(text))
                or (may_match(CAPTION_STOCK_HINTS, folded(text)) and CAPTION_STOCK.search(text))
            )
        )
    )


def caption_ending(text: str) -> bool:
    """Whether CAPTION_ENDING matches in a row: its bracketed branches where the row closes on
    a bracket (the signed one where it opens on one too), the others where it holds a slash
    or a dash."""
    return bool(
        (
            text.endswith((")", ")\n"))
            and (
                CAPTION_BRACKETED.search(text)
                or (text.startswith("(") and CAPTION_SIGNED.match(text))
            )
        )
        or ("/" in text and CAPTION_SLASHED.search(text))
        or (("—" in text or "–" in text) and CAPTION_DASH.search(text))
    )


def ends_like_caption(text: str) -> bool:
    """Whether a row without CAPTION's hints may still match it: it ends as the end-anchored
    branches do (the dash, slash or bracket they need, with little after it)."""
    if text.endswith((")", ")\n")):
        return True
    dash = max(text.rfind("—"), text.rfind("–"))
    if dash >= 0 and len(text[dash + 1 :].lstrip()) <= CAPTION_DASH_TAIL:
        return True
    slash = text.rfind("/")
    return (
        slash >= 0
        and len(text[slash + 1 :].split(maxsplit=CAPTION_SLASH_WORDS)) <= CAPTION_SLASH_WORDS
    )


# Words of a paragraph in which a site speaks of itself ("Consider supporting the Kyiv
# Independent", "Anadolu Agency website contains only a portion of the news"), once it names
# the site; a report citing the outlet ("told Al Jazeera") has none of them.
SELF_PROMOTION = lazy_compile(
    r"\b(?:support(?:ing)? (?:us|our|the|independent)|journalism|subscri\w+"
    r"|members(?:hip)?|a member|donat\w+|republish\w*|newsletters?|(?:our|the) app)\b",
    re.IGNORECASE,
)


# "Read also" in German, Spanish, French, Italian, Portuguese and Polish: a heading over links
# to other articles, or the prefix of one.
READ_ALSO = (
    r"(?:lesen sie (?:auch|mehr)|auch interessant|siehe auch|weiterlesen"
    r"|(?:lea|lee|vea|ver|mira) (?:también|tambien|además)|(?:à |a )?lire aussi|voir aussi"
    r"|leggi anche|(?:leia|veja|ver) também|zobacz (?:także|też)|czytaj (?:także|też))"
)


# Headings of teaser lists and tag rows inside or after an article; what follows them up to
# the next paragraph is links to other pages.
LIST_LABEL = lazy_compile(
    r"^(?:related(?: \w+)?|more (?:on|about) this (?:story|topic)|more from .{1,40}|more to read"
    r"|most (?:read|popular|viewed|shared)|trending(?: now)?"
    r"|recommended(?: stories| for you| reading)?"
    r"|read (?:more|also|next)|see also|also read|top stories|latest(?: news| stories)?"
    r"|editor'?s picks?|(?:suggested |related )?topics|tags"
    # the same headings in the other languages the shared pages are written in most
    rf"|{READ_ALSO}|mehr zum thema|weitere (?:artikel|beiträge|nachrichten)|ähnliche beiträge"
    r"|noticias relacionadas|(?:notícias|matérias) relacionadas|notizie correlate"
    r"|dans la même rubrique|czytaj więcej)\W*$",
    re.IGNORECASE,
)


# "Read also: Other headline", "Related: Other headline": a link to another article.
LINK_PREFIX = lazy_compile(
    rf"^(?:(?:read (?:more|also|next)|see also|also read|related|recommended|watch|{READ_ALSO}"
    r"|mehr zum thema|puedes ver)\s*[:»|-]"
    # a teaser list's item as a screen reader is told it: "list 1 of 4Other headline"
    r"|list \d{1,2} of \d{1,2}(?!\d))",
    re.IGNORECASE,
)


# Advertising slots inside an article ("Ad Feedback", "Continue reading below"): they neither
# belong to it nor break it.
AD_LABEL = lazy_compile(
    r"^(?:ad(?:vertisement)?(?: feedback)?|advertising|sponsored(?: content)?"
    r"|(?:story |article )?continues? (?:reading )?below(?: (?:this )?advertisement)?"
    r"|continue reading(?: below| the main story)?|scroll to continue(?: with content)?"
    r"|end of list)\W*$",  # (the close of a teaser list: "list 1 of 4...", "end of list")
    re.IGNORECASE,
)


URL_ONLY = lazy_compile(r"^(?:https?://|www\.)\S+$")
URL_OPENINGS = ("http", "www.")  # how a row URL_ONLY matches opens


LIST_LABEL_OPENERS = case_openers("acdelmnrstvwzàä")
LINK_PREFIX_OPENERS = case_openers("aclmprsvwzà")
AD_LABEL_OPENERS = case_openers("aces")


PUBLISHED_IN_OPENINGS = ("Published", "Printed", "Appeared", "First published")
PUBLISHED_IN = lazy_compile(
    rf"^(?:{'|'.join(PUBLISHED_IN_OPENINGS)}) in (?:the )?"
    r"(?P<outlet>[A-Z][\w&.'’ -]{1,40}?)"
    r"(?:,|\s+on\b|\s+(?=\w+ \d)|$)"
)


# "© 2025 Owner", "Copyright © 2019-2024 Owner", "© SWR 2021", "...redistributed. ©2023 FOX News
# Network, LLC. All rights reserved.": a year is required, so "Copyright Policy" is not. The owner
# runs to the next separator ("| Terms of Service"); `metadata._owner_name` trims the rest.
COPYRIGHT = lazy_compile(
    r"(?:(?:©|\(c\)|\bcopyright\b)\s*+){1,3}"
    r"(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*[.,–-]?\s*(?P<owner>[A-Z][^|©•·]*+)?"
    r"|(?P<named>[A-Z][\w&.'’-]*(?: [\w&.'’-]+){0,4}?),? (?:19|20)\d{2}\b)",
    re.IGNORECASE,
)


# What follows a copyright mark without naming an owner: licences, platform credits, years.
OWNER_NOT_NAME = lazy_compile(
    r"\b(?:creative commons|powered by|since|copyright|licen[cs]e[ds]?|logo|themes?|templates?)\b",
    re.IGNORECASE,
)
# Before a copyright mark, a credit for the software or design the site runs on ("Forum
# software by X © 2019 X Ltd."): the mark is the maker's, not the site's.
MAKER_CREDIT = lazy_compile(
    r"\b(?:software|themes?|templates?|powered|design(?:ed)?|hosted)\s+by\b", re.IGNORECASE
)
# A broadcast station's call sign ("KTRK-TV", "WFLA-FM"): the licensee, not the brand the
# station publishes under ("ABC13").
CALL_SIGN = lazy_compile(r"^[CKW][A-Z]{2,3}-(?:TV|FM|AM|DT|CD|LD)$")


# Account and reading-time rows near a headline: never a title themselves.
SITE_CONTROL = lazy_compile(
    r"\b(?:sign(?:ed)?\s*(?:in|out|up)|log\s*(?:in|out)|edit\s*profile|my account"
    r"|reading time|min(?:ute)? read|reading list|listen to this article"
    r"|save (?:articles?|for later)|tempo de leitura|tiempo de lectura|temps de lecture"
    r"|lesezeit|tempo di lettura)\b",
    re.IGNORECASE,
)


FULL_STOP_MARKS = frozenset(".;。")
SENTENCE_END = lazy_compile(f"[{''.join(sorted(FULL_STOP_MARKS))}][{re.escape(CLOSING_MARKS)}]*$")


BREADCRUMB = lazy_compile(r"\s[>»›]\s")  # "Blog > Weight Loss > Tips"


BREADCRUMB_MARKS = (">", "»", "›")  # what BREADCRUMB's separator needs (caseless)


def may_be_breadcrumb(text: str) -> bool:
    return ">" in text or "»" in text or "›" in text  # BREADCRUMB_MARKS


def is_breadcrumb_path(text: str) -> bool:
    """A breadcrumb path: two separators or more ("Home » World » Syria's ..."); one only is a
    section's label and its headline ("Section » Headline")."""
    return may_be_breadcrumb(text) and len(BREADCRUMB.findall(text)) >= 2


ALL_RIGHTS = lazy_compile(
    r"\.?\s*(?:all rights reserved|(?:todos os |alguns )?direitos reservados"
    r"|(?:todos los |algunos )?derechos reservados|(?:tous )?droits réservés"
    r"|alle rechte vorbehalten|tutti i diritti riservati).*$",
    re.IGNORECASE,
)


# Company-form suffixes of a copyright owner: "Penske Business Media, LLC" names "Penske
# Business Media".
_LEGAL_FORMS = (
    "inc", "llc", "l.l.c", "ltd", "limited", "pvt", "private", "plc", "llp", "corp",
    "corporation", "gmbh", "ag", "sa", "s.a", "sl", "s.l", "co", "e.v", "e. v",
)  # fmt: skip
LEGAL_SUFFIX = lazy_compile(
    # Tried only where the run of company forms starts (not after one of them): from every
    # space of "Inc Inc ... Inc x" the search ran to the end of the line, n**2 steps.
    r"(?=,?\s)"
    + "".join(rf"(?<!\b{re.escape(form)})(?<!\b{re.escape(form)}\.)" for form in _LEGAL_FORMS)
    + rf"(?:,?\s+(?:{'|'.join(re.escape(form) for form in _LEGAL_FORMS)})\b\.?)++$",
    re.IGNORECASE,
)


# Navigation words that are never an outlet's name.
NAVIGATION = frozenset(
    """home contact about menu search news sitemap login help terms privacy careers skip
    sidebar navigation kontakt startseite suche impressum datenschutz übersicht menü accueil
    inicio contacto blog""".split()
)


NAVIGATION_FILLER = frozenset("us our the page main to info".split())


# A title part that is a date or a count, not a site name ("France 24" and "9to5Mac" are).
DATE_LIKE = lazy_compile(r"\d{4}|\d[/.:]\d|^\W*\d+\W*$")


GLUED_SITE = lazy_compile(r"^\s*(?:\||-|–|—|::|»)\s*(?P<site>[A-Z][\w&.'’ -]{1,40})$")


DOMAIN = lazy_compile(r"^(?:www\.)?[\w-]+(?:\.[a-z]{2,6}){1,2}$", re.IGNORECASE)

# A domain's ending written anywhere ("zdnet.de", "WSJ.com", "my.chemie.de"): a top-level
# domain sites use, not code ("path.join", "foo.bar"); the label before it names the site.
DOMAIN_ENDING = lazy_compile(
    r"\.(?:co\.)?(?:com|net|org|info|news|tv|io|eu|de|at|ch|fr|it|es|nl|be|pl|cz|dk|se|no|fi"
    r"|pt|uk|us|ca|au|in|br|ar|cl|mx|ru|jp|kr|cn|ie|nz|za)\b"
)

# Sites every page links to (share buttons, embeds, sign-in): never the page's own.
PLATFORM_SITES = frozenset(
    "facebook twitter youtube instagram linkedin pinterest google whatsapp tiktok telegram"
    " xing reddit tumblr flickr vimeo soundcloud spotify apple amazon wikipedia wikimedia"
    " wordpress blogspot gravatar github gmail outlook yahoo doi pubmed archive".split()
)


TITLE_SEPARATOR = lazy_compile(r"\s+(?:\||-|–|—|::|»)\s+")


DATELINE = lazy_compile(
    r"^(?:(?P<place>[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*[A-Z0-9][\w.]*(?:\s+[\w.]+){0,3}?)?"
    # a place in title case only with an agency after it: "Damascus (AFP) –", "Madrid, 9 oct
    # (EFE).-"
    rf"|(?P<titled>[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){{0,2}})"
    # "Kyiv, 28 August 2025 (dpa/MIA) –": an agency may share the brackets with the paper
    # that carries its copy
    rf"(?=(?:,\s*[\w.]+(?:\s+[\w.]+){{0,2}})?\s*\((?:{AGENCY_PATTERN})(?:/[\w.&' -]{{1,20}})?\))"
    r"(?:,\s*[\w.]+(?:\s+[\w.]+){0,2})?)"
    r"\s*(?:(?:\((?P<credit>[A-Za-z][\w.&'/ -]{0,30})\))?\s*\.?(?::|[—–-]{1,2})"
    r"|/(?P<slashed>[A-Z][\w.&' -]{0,30})/\.?)"  # "MOSCOW, December 7. /TASS/."
    # "LONDON (Reuters) -The IMF", "(EFE).-El"
    r"(?:\s|(?<=\)[-—–])(?=[A-Z])|(?<=\)\s[-—–])(?=[A-Z])|(?<=\)\.[-—–])(?=[A-Z]))"
)


# An agency or outlet in brackets, then a dash, no place before it: how a wire story's first
# paragraph opens ("(Reuters) - ...", "(Worthy News) – ...", "(CNN) — An Israeli strike ...").
_WIRE_LEAD = r"\((?P<bracketed>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2})\)\s*[—–-]{1,2}\s+"
# "(MENAFN) At least 13 ...": a name in capitals in brackets, no dash after it
_CAPITALS_LEAD = r"\((?P<capitals>[A-Z][A-Z0-9&.]{2,11})\)\s+"
_LEAD_TEXT = r"(?=[\"“‘'A-Z0-9])"  # what the credit is followed by
# Either opens a paragraph: a line under an unfinished one ("Syrian army secures ... with
# YPG/SDF" over "(MENAFN) The Syrian Army announced ...") is not its continuation.
# (Not lynx's "(BUTTON) Save": a control goes on the row it stands in.)
WIRE_LEAD = lazy_compile(rf"{_WIRE_LEAD}|(?!\(BUTTON\)){_CAPITALS_LEAD}{_LEAD_TEXT}")
# "Shafaq News/ Clashes continue ...": a name glued to a slash opening the text credits the
# report, as "(Reuters) -" does (WIRE_LEAD); "/Additional raids hit ...": a slash alone is left
# markup. Not a word cut short ("Wander-/ Trekkinghosen") or a letter ("C/ Alejandro", a street).
OPENING_CREDIT = lazy_compile(
    r"^(?:(?P<credit>[A-Z][\w.&'’-]+(?:\s+[A-Z][\w.&'’-]*){0,3})(?<!-)/\s+|/\s*"
    rf"|{_WIRE_LEAD}|{_CAPITALS_LEAD}"
    # "Khaberni - The Rapid Support Forces ...": one name before a spaced dash
    r"|(?P<dashed>[A-Z][\w.&'’]+)\s+[—–-]{1,2}\s+)" + _LEAD_TEXT
)


# A dateline the page printed on its own row above the first paragraph: "Beirut, Lebanon CNN —".
DATELINE_ROW = lazy_compile(
    r"^(?P<place>[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){0,2}"
    r"|[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,2})"
    r"(?:,\s*[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+){0,2})?"
    r"(?:\s+\(?(?P<credit>[A-Z][\w.&'-]{1,20})\)?)?\s*[—–-]{1,2}$"
)


AGENCY_NAME = lazy_compile(rf"(?:{AGENCY_PATTERN})$")


# "December 6, 2024 (KHARTOUM) – ...": the date first, the place in brackets.
DATED_DATELINE = lazy_compile(
    r"^(?P<date>[^()]{6,40}?)\s*\((?P<place>[A-Z][A-Z.'’ -]{2,40})\)\s*(?::|[—–-]{1,2})\s"
)


# A place name alone on the line above the first paragraph ("ANKARA").
LONE_PLACE = lazy_compile(r"^[A-Z][A-Z.'’-]{2,}(?:[ ,]+[A-Z][A-Z.'’-]+){0,3}$")


# Labels that sit where a dateline would and are never one.
GENRE_LABELS = frozenset(
    """breaking exclusive analysis opinion watch live update updated video photos listen
    advertisement sponsored editorial comment explainer feature interview review share
    menu news highlights summary overview background context contents takeaways
    disclaimer published""".split()
)


# "Omar Khalil, Reuters", "Jane Doe / AFP": a writer credited with the agency's copy.
NAMED_AGENCY = lazy_compile(rf"^[A-Z][^,|/]{{1,60}}?\s*[,/|–—-]\s*(?P<agency>{AGENCY_PATTERN})$")


# A writer's name on its own row ("Lina Haddad", "Dan Sabbagh in Kyiv"): a byline when a date
# or a role row ("BBC News, Tyre", "Chief correspondent") sits next to it.
# Each part after a hyphen or apostrophe is one run of letters ("al-Assad", "O'Neil"): an
# optional capital in front of it ("[A-Z]?[^\W\d_]+") matched "Aal" two ways, and a header
# row "Aal-Aal-...-Aal!" took 2**n tries.
NAME_PART = r"[A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)*+\.?"


PERSON_NAME = lazy_compile(
    rf"^(?P<name>{NAME_PART}(?:\s+(?:{NAME_PART}|al|el|de|da|del|van|von|bin|ibn)){{1,3}})"
    r"(?:\s+in\s+[A-Z][^\W\d_ ]+(?:\s+[A-Z][^\W\d_]+){0,2})?$"
)


ROLE_ROW = lazy_compile(
    r"\b(?:correspondent|editor|reporter|writer|journalist|columnist|contributor|analyst"
    r"|producer|staff|bureau)\b",
    re.IGNORECASE,
)


# Words of section and region labels, which have the shape of a name ("Middle East").
SECTION_WORDS = frozenset(
    """news world politics business opinion sport sports middle east west north south africa
    asia europe americas analysis culture home latest live video region local national
    international breaking features economy health science tech technology entertainment
    lifestyle travel markets more""".split()
)


# A job title the browser glued to the byline: "By Meg JamesStaff Writer".
BYLINE_ROLE = lazy_compile(
    r"\s*(?:(?:Senior|Chief|Staff|Business|Political|Foreign|Contributing|Special)\s*)?"
    r"(?:Writer|Columnist|Correspondent|Reporter|Editor|Contributor)$"
)


# Function words of about a hundred languages (jusText's stop-word lists, cut to their short
# words by `python -m briefing.extract.train --function-words`): prose is dense in them in any
# language with spaces between words.
FUNCTION_WORDS_FILE = Path(__file__).with_name("function_words.json")
# Han, kana: scripts written without spaces, measured by characters. Kana and these Han
# characters are grammar (particles, "的", "了"): prose is dense in them as in function words.
CJK_CHAR = lazy_compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_FUNCTION_CHAR = lazy_compile(
    r"[\u3040-\u309f的了是在和有不这這也就都而及与與着著或之于於被把从從对對为為以其将將但并並等到说說们們个個]"
)


@lru_cache(maxsize=1)
def function_word_lists() -> dict[str, frozenset[str]]:
    """Function words per language, from the shipped data file."""
    lists = json.loads(FUNCTION_WORDS_FILE.read_text(encoding="utf-8"))
    return {language: frozenset(words) for language, words in lists.items()}


@lru_cache(maxsize=1)
def _function_word_languages() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for language, words in function_word_lists().items():
        for word in words:
            index.setdefault(word, []).append(language)
    return {word: tuple(languages) for word, languages in index.items()}


def page_function_words(words: list[str]) -> frozenset[str]:
    """The function words of the language whose list covers most of the page's words (lower
    case); empty when no list covers any."""
    index = _function_word_languages()
    hits = Counter(chain.from_iterable(map(index.get, words, repeat(()))))
    if not hits:
        return frozenset()
    return function_word_lists()[hits.most_common(1)[0][0]]


# Byline words per language ("Von", "Par", "Por", "Autor:"), from the shipped data file.
BYLINE_WORDS_FILE = Path(__file__).with_name("bylines.json")
# What may follow the writers' names on a byline row: nothing, a separator, or a comma before
# a role, an agency or a date ("Von Jane Doe | 12.03.2024", "Por Juan Pérez, corresponsal",
# "Text: Ana Lima 3. März 2024").
_AFTER_NAMES = lazy_compile(r"^(?:$|[|·•/–—(-]|,\s|\d)")


@dataclass(frozen=True)
class BylineVocabulary:
    """What bylines open with in the languages we read, and the words between their names."""

    opening: re.Pattern[str]  # a label or opener word, then the rest of the row (`rest`)
    name_words: frozenset[str]  # connectors and particles: "und", "de", "van"
    # `opener`s of the rows `opening` may match: a row opening otherwise is not tried (most)
    openers: frozenset[str]


@lru_cache(maxsize=1)
def _byline_vocabulary() -> BylineVocabulary:
    data = json.loads(BYLINE_WORDS_FILE.read_text(encoding="utf-8"))
    openers = {word for words in data["openers"].values() for word in words}
    # words of one length in a fixed order: the same pattern in every process (precompiled)
    by_length = sorted(sorted(openers), key=len, reverse=True)
    labels = sorted(data["labels"], key=len, reverse=True)
    label_words = "|".join(map(re.escape, labels))
    opener_words = "|".join(map(re.escape, by_length))
    opening = re.compile(rf"^(?i:(?:{label_words})\s*:|(?:{opener_words})\b)\s*(?P<rest>.*)$")
    first_letters = "".join({word[0].lower() for word in (*openers, *labels)})
    return BylineVocabulary(opening, frozenset(data["name_words"]), case_openers(first_letters))


def byline_opener(text: str) -> bool:
    """A row that is only a byline word or label ("By", "Von", "Autor:"): the browser put the
    names on the next row."""
    vocabulary = _byline_vocabulary()
    stripped = text.strip()
    if opener(stripped) not in vocabulary.openers:
        return False
    match = vocabulary.opening.match(stripped.removesuffix(":"))
    return bool(match) and not match["rest"]


def local_byline(text: str) -> tuple[str, str] | None:
    """(writers, what follows them) of a byline row in any language with a word or label
    before the names: "Von Jane Doe und Max Muster | 12.03.2024", "Par Jean Dupont", "Autor:
    Ana Lima". The names are capitalised words (with connectors and particles: "und", "de",
    "van"); the row is not one when a lower-case word follows them ("Von Montag an gilt...")."""
    vocabulary = _byline_vocabulary()
    stripped = text.strip()
    if opener(stripped) not in vocabulary.openers:
        return None
    match = vocabulary.opening.match(stripped)
    if match is None or not match["rest"]:
        return None
    rest = match["rest"]
    names: list[str] = []
    position = 0
    for word in re.finditer(r"[^\s,|·•/–—()]+", rest):
        if rest[position : word.start()].strip():  # a separator or a comma ends the names
            break
        token = word[0]
        if not (token[0].isupper() or (names and token.lower() in vocabulary.name_words)):
            break
        names.append(token)
        position = word.end()
    while names and names[-1].lower() in vocabulary.name_words:  # "Jane Doe und" ends on a name
        names.pop()
        position = rest.rfind(" ", 0, position)
    after = rest[position:].strip() if names else rest
    if not names or len(names) > 8 or not _AFTER_NAMES.match(after):
        return None
    return " ".join(names), after


# News outlets known worldwide (a data file of names): a row that is only one names the page's.
OUTLETS_FILE = Path(__file__).with_name("outlets.txt")
# "Source: The Guardian", "Quelle: Der Spiegel": a label before the name of whose report it is.
SOURCE_LABEL = lazy_compile(
    r"^(?:source|sources|quelle|fuente|fonte|origine|bron|kilde|källa|źródło)\s*:\s*", re.I
)


@lru_cache(maxsize=1)
def known_outlets() -> dict[str, str]:
    """Known outlet names by their lower-case form."""
    lines = OUTLETS_FILE.read_text(encoding="utf-8").splitlines()
    names = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return {name.lower(): name for name in names}


# A caption that carries no credit still tells its kind: it describes the picture above it,
# not the news. Three English shapes, each seen on wire captions printed without their credit
# and never in the shared sets' article text (benchmarks/judged_furniture.py's docstring):
# the picture named in the first sentence ("..., in this screengrab from a handout video
# released on April 18, 2025"; "In this handout image provided by ..."); a picture pointed at
# that shows ("This handout picture released by SANA shows ..."); and a scene told in the
# present, its first verb a scene's before the photo's day ("Debris of a mosque is seen in El
# Fasher on September 19, 2025, after ...", "People react as a bus ... arrives in Ramallah,
# early 20 January 2025") or a pose or view without one ("Parents are sitting beside ...").
PICTURED_WORDS = 50  # a caption is a sentence or two: longer rows are paragraphs
_PICTURE = (
    r"(?:photo(?:graph)?|picture|image|screen\s?grab|screenshot|still|(?:video|frame)\s+grab)"
)
# what follows a picture named with "a" in a caption: where it came from
_PICTURE_ORIGIN = (
    r"(?:taken|released|provided|obtained|made\s+available|distributed|shared|posted"
    r"|published|issued|supplied|handed\s+out|courtesy|from)"
)
_MONTH_EN = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_YEAR_EN = r"(?:19|20)\d\d"
# The day the photo was taken, a date with its year after "on" or a comma (not "since October
# 7, 2023": a history's date)
PHOTO_DAY = lazy_compile(
    r"(?:\bon|,)\s+(?:[A-Z][a-z]+day,?\s+)?(?:(?:early|late)\s+)?"
    rf"(?:{_MONTH_EN}\s+\d{{1,2}},?\s+{_YEAR_EN}|\d{{1,2}}\s+{_MONTH_EN},?\s+{_YEAR_EN})\b"
)
# The photo's place and day as a wire's caption writes them, closing it, the country with no
# comma before the date: "..., in Beit Jinn, Syria November 28, 2025." (a report writes "in
# Homs, Syria, on Friday" or "on November 28, 2025", or goes on: "..., D.C. December 19, 2025,
# after the Senate vote")
PLACE_AND_DAY = lazy_compile(
    r"\bin\s+[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,4},\s+(?:[A-Z][\w’'.-]*\s+){1,3}"
    rf"{_MONTH_EN}\s+\d{{1,2}},\s+{_YEAR_EN}\.?\s*$"
)
# A speech verb before the place and day makes the row a report of what was said ("The
# ministry said 12 people were killed in Beit Jinn, Syria November 28, 2025."); a caption may
# cite its source ("according to Syrian state media").
SAID_BEFORE = lazy_compile(r"\b(?:said|says|told|tells|reported|reports|announced|stated)\b")
# The picture named ("in this screengrab", "in a handout photo released by ..."): a caption's
# first sentence names it (`describes_picture`)
PICTURE_NAMED = lazy_compile(
    rf"\bin\s+this\s+(?:[\w-]+\s+){{0,3}}?{_PICTURE}\b"
    rf"|\bin\s+an?\s+(?:[\w-]+\s+){{0,3}}?{_PICTURE}\s+{_PICTURE_ORIGIN}\b",
    re.IGNORECASE,
)
# where a sentence ends ("U.S. strike" goes on, "Jan. 20" too)
SENTENCE_BREAK = lazy_compile(r"[.!?]\s+[A-Z“\"]")
# what a pose needs, looked for before its pattern is run (rows of text rarely hold them)
POSE_HINTS = ("seen", "pictured", "shown", "sitting", "standing", "lying")
PICTURE_SHOWS = lazy_compile(
    rf"^This\s+(?:[\w-]+\s+){{0,3}}?(?:{_PICTURE}|grab)\b(?:\s+[^\s.!?]+){{0,25}}?\s+shows\b"
)
# A scene's verb, present or progressive, opening the row's first clause (its subject a few
# words); a past or a speaker before it makes the row a report.
SCENE_OPENING = lazy_compile(
    r"^(?:[\w’'.-]+,?\s+){1,8}?(?:(?:is|are)\s+(?:\w+ly\s+)?)?"
    r"(?:seen|pictured|shown|stands?|standing|sits?|sitting|walks?|walking|rises?|rising|burns?"
    r"|burning|gathers?|gathering|looks?|looking|reacts?|reacting|holds?|holding|inspects?"
    r"|inspecting|carr(?:y|ies|ying)|rides?|riding|waits?|waiting|mourns?|mourning|prays?"
    r"|praying|attends?|attending|pass(?:es|ing)?|lies|lying|lie|works?|working|cr(?:y|ies|ying)"
    r"|hugs?|hugging|gestures?|gesturing|checks?|checking|clears?|clearing|search(?:es|ing)?"
    r"|removes?|removing|flees|flee|fleeing|arrives?|arriving|sift(?:s|ing)?|evacuates?"
    r"|evacuating|waves?|waving|march(?:es|ing)?|chants?|chanting|celebrates?|celebrating"
    r"|embraces?|embracing)\b"
)
REPORTED_BEFORE = lazy_compile(
    r"\b(?:said|says|told|was|were|had|has|have|did|will|would)\b|\b[a-z]{2,}ed\b"
)
# A pose or view in the present opening the row, dated or not: "is seen" (not "seen as" or
# "seen to", a judgement), "are sitting beside" (not "standing by", "standing firm")
POSE_OPENING = lazy_compile(
    r"^(?:[\w’'.-]+,?\s+){1,8}?(?:is|are)\s+(?:seen|pictured|shown)\b(?!\s+(?:as|to)\b)"
    r"|^(?:[\w’'.-]+,?\s+){1,8}?(?:is|are)\s+(?:sitting|standing|lying)\s+(?:beside|next|near"
    r"|in|on|at|outside|inside|among|amid|behind|under|around|atop)\b"
)


def describes_picture(text: str, words: int) -> bool:
    """Whether a row of `words` words is a picture's caption printed without its credit: at
    most PICTURED_WORDS words, the picture named in its first sentence (PICTURE_NAMED) or
    pointed at (PICTURE_SHOWS), a pose or view (POSE_OPENING), a wire's place and day
    closing it with no one said to speak before (PLACE_AND_DAY, SAID_BEFORE), or a scene in
    the present before the photo's day (SCENE_OPENING, PHOTO_DAY). Each pattern is run only
    where the row holds what it needs (the picture's noun is in lower case after "this" or
    "a")."""
    if words > PICTURED_WORDS:
        return False
    if (
        "photo" in text
        or "picture" in text
        or "image" in text
        or "grab" in text
        or "screenshot" in text
        or "still" in text
    ):
        if text.startswith("This ") and PICTURE_SHOWS.match(text):
            return True
        named = PICTURE_NAMED.search(text)
        if named and SENTENCE_BREAK.search(text, 0, named.start()) is None:
            return True
    if (
        (" is " in text or " are " in text)
        and any(hint in text for hint in POSE_HINTS)
        and POSE_OPENING.match(text)
    ):
        return True
    # the year follows a space (PHOTO_DAY, PLACE_AND_DAY)
    if " 20" not in text and " 19" not in text:
        return False
    place = PLACE_AND_DAY.search(text)
    if place and SAID_BEFORE.search(text, 0, place.start()) is None:
        return True
    day = PHOTO_DAY.search(text)
    if day is None:
        return False
    scene = SCENE_OPENING.match(text, 0, day.start())
    return scene is not None and REPORTED_BEFORE.search(text, 0, scene.end()) is None


# Common words naming people who speak as a group: before a colon opening a paragraph
# ("Police: ...", "Witnesses: ...") they give the account, they are no label.
SPEAKING_GROUPS = frozenset(
    """officials official police witnesses witness residents sources source medics doctors
    paramedics rescuers activists authorities spokesman spokeswoman spokesperson army military
    ministry government survivors analysts diplomats observers protesters monitors""".split()
)
