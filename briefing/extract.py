"""Stage 2: find the article inside a page: metadata, body blocks, and what was dropped.

Text pages (dumps of a text-mode browser) are cut into paragraph units, each unit is classed
jusText-style (length, stop-word density, sentence punctuation, bullets as a link-density proxy),
and the article is the contiguous run of units with the best score, where every step through
non-article units costs more than the one before (menus and teaser lists are long runs of
short lines; a caption or subhead inside the article is a short one). The headline, standfirst,
byline and dates are then read from the units just above that run.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from itertools import islice

BLOCK_KINDS = ("headline", "standfirst", "body", "subhead", "caption")


@dataclass(frozen=True)
class Block:
    """A paragraph-level piece of the article's own text."""

    kind: str  # one of BLOCK_KINDS
    text: str


@dataclass(frozen=True)
class Article:
    path: str
    title: str
    outlet: str | None
    wire: str | None  # wire agency or byline: "Reuters", "Agencies", "AFP", "By Jane Doe"
    published: str | None  # ISO date "2024-12-06" or datetime "2024-12-06T17:55"
    dateline: str | None  # "BEIRUT"
    blocks: tuple[Block, ...]
    dropped: tuple[str, ...]  # page furniture lines, kept so a reader can judge the extraction
    language: str = "en"


# --- word lists -----------------------------------------------------------------------------

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

# Time stamps without a year ("Monday 6:30PM", "Nov 19, 9:41 AM", "2 hours ago"): date rows when
# the line is short.
STAMP_WORDS = 12
CREDIT_ONLY_WORDS = 6  # a caption row this short is a bare credit ("Photo: Getty Images")

# --- line shapes ----------------------------------------------------------------------------

WORD = re.compile(r"\w+")
TAIL_GAP = 3  # furniture units that separate a trailing paragraph from the article
# Bullet glyphs text browsers use for list items (lynx/w3m/links), or a list number "01".
BULLET = re.compile(r"^(?:[•□☆◦▪●○■*+·‣⁃-]|\d{1,2}[.)])\s+|^[•□☆◦▪●○■]")
TERMINAL = re.compile(r"[.!?…:;][\"”’'»)\]]*$")
BRACKETED_ONLY = re.compile(r"^(?:\[[^\]]*\]\s*)+$")
IMAGE_NAME = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|svg)\S*$", re.IGNORECASE)
CAPTION = re.compile(
    r"(?:[.!?)]\s*[—–]\s*[A-Z][\w./&' ]{1,30}$)"  # "...on Friday.—AFP", "— Reuters/File"
    r"|(?:\b[A-Z]{2,}(?: [A-Z][a-z]+)?/[A-Z][\w.]+(?: [A-Z][\w.]+){0,3}$)"  # REUTERS/Name
    r"|(?:\b(?:Photo(?:graph)?s?|Image|Picture|Illustration|Credit|Courtesy|File Photo)"
    r"(?: by)?\s*[:/]\s*\S)"  # "Photo: TBS", "Image: Getty"
    r"|(?:\((?:credit|photo|image|picture|source)\b[^)]*\)$)"  # "(credit: NASA/Jude Guidry)"
    r"|(?:\b(?:Getty Images|Shutterstock|iStock(?:photo)?|AP Photo)\b[^.]{0,40}$)"
    r"|(?:^\([A-Z][^()/]{1,40}/\s*[A-Z][^()]{1,40}\)$)"  # "(Reed Saxon / Associated Press)"
    r"|(?:[.!?]\s*©\s*[A-Z][\w .,'’/&-]{1,60}$)"  # "... on Friday. © Omar Haj Kadour, AFP"
    r"|(?:[a-z]\s*©\s*[A-Z][\w .,'’&-]{1,30}$)"  # an image's alt text and credit: "a bed© Amazon"
    rf"|(?:\w\s+/\s+(?:{AGENCY_PATTERN})$)"  # "... Jaafar ASHTIYEH / AFP"
    rf"|(?:\([^()]{{1,60}}\svia\s(?:{AGENCY_PATTERN})\)$)",  # "(Emergency Service via AP)"
    re.IGNORECASE,
)
# A short line ending in an agency credit: "WikiLeaks founder Julian Assange (AFP)", or a credit
# in brackets: "... in central Gaza [Eyad Baba/AFP]".
AGENCY_CREDIT = re.compile(
    rf"(?:\((?:{AGENCY_PATTERN})(?: file)?(?: photos?)?\)"
    r"|\[[A-Z][^\[\]/]{1,40}/\s*[A-Z][^\[\]]{1,40}\]"
    r"|\([A-Z][^()/]{1,40}/\s*[A-Z][^()]{1,40}\))$",
    re.IGNORECASE,
)
CAPTION_CREDIT_WORDS = 25  # longer lines ending in "(AFP)" are paragraphs citing their source
# "By Jane Doe", "By Mike Wuerthele and Malcolm Owen"; a month name ends the name ("By X Nov 19").
NAME_WORD = (
    r"(?!(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\b)[A-Z](?:[\w.'’-]|/(?=[A-Z]))*"
)
# Writers after the first follow "and" or a comma; after a comma only a full name (two words),
# so "By Jane Doe, CNN" names Jane Doe.
BYLINE = re.compile(
    rf"^(?:By|BY|by)\s+({NAME_WORD}(?:(?:\s+(?:and\s+)?|,\s+(?:and\s+)?(?={NAME_WORD}\s+{NAME_WORD}))"
    rf"(?!(?:On|At)\b){NAME_WORD}){{0,8}})"
)
# "By The Associated Press": the agency is the byline.
AGENCY_BYLINE = re.compile(rf"^by\s+(?:the\s+)?(?P<agency>{AGENCY_PATTERN})\s*$", re.IGNORECASE)
AGENCY_LINE = re.compile(rf"^(?:{AGENCY_PATTERN})(?=\s*$|\s+(?:Published|Posted|Updated|\d|[|,-]))")
# Share/follow/subscribe calls and other promotion inside an article; generic across sites.
PROMO = re.compile(
    r"\b(?:follow (?:us|our|the)|subscribe|sign up|newsletter|click here|download (?:the|our)"
    r"|keep updated|read more|also read|related:|advertisement|share this|google news"
    r"|all rights reserved|cookies?\b|share\b|print this|bookmark|filed to|tweet\b)",
    re.IGNORECASE,
)
# Headings that close an article: what follows is tags, comments or other articles.
ARTICLE_END = re.compile(
    r"^(?:tags?|topics|you (?:may|might) (?:also )?(?:like|enjoy)|related (?:articles|posts)"
    r"|recommended for you|about the author|leave a (?:comment|reply)|\d+ comments?|more in \w.*"
    r"|(?:você )?(?:também )?pode gostar|artigos relacionados|(?:también )?te puede interesar"
    r"|artículos relacionados|vous aimerez aussi|articles similaires"
    r"|das könnte sie auch interessieren|ähnliche artikel|potrebbe interessarti"
    r"|articoli correlati)\W*$",
    re.IGNORECASE,
)
# Site-wide legal text: disclaimers, trademark, copyright and cookie notices read like prose.
BOILERPLATE = re.compile(
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
# Words of a paragraph in which a site speaks of itself ("Consider supporting the Kyiv
# Independent", "Anadolu Agency website contains only a portion of the news"), once it names
# the site; a report citing the outlet ("told Al Jazeera") has none of them.
SELF_PROMOTION = re.compile(
    r"\b(?:support(?:ing)? (?:us|our|the|independent)|journalism|subscri\w+"
    r"|members(?:hip)?|a member|donat\w+|republish\w*|newsletters?|(?:our|the) app)\b",
    re.IGNORECASE,
)
# Headings of teaser lists and tag rows inside or after an article; what follows them up to
# the next paragraph is links to other pages.
LIST_LABEL = re.compile(
    r"^(?:related(?: \w+)?|more (?:on|about) this (?:story|topic)|more from .{1,40}|most (?:read|"
    r"popular|viewed|shared)|trending(?: now)?|recommended(?: stories| for you| reading)?"
    r"|read (?:more|also|next)|see also|also read|top stories|latest(?: news| stories)?"
    r"|editor'?s picks?|(?:suggested |related )?topics|tags)\W*$",
    re.IGNORECASE,
)
# "Read also: Other headline", "Related: Other headline": a link to another article.
LINK_PREFIX = re.compile(
    r"^(?:read (?:more|also|next)|see also|also read|related|recommended|watch)\s*[:»|-]",
    re.IGNORECASE,
)
# Advertising slots inside an article ("Ad Feedback", "Continue reading below"): they neither
# belong to it nor break it.
AD_LABEL = re.compile(
    r"^(?:ad(?:vertisement)?(?: feedback)?|advertising|sponsored(?: content)?"
    r"|(?:story |article )?continues? (?:reading )?below(?: (?:this )?advertisement)?"
    r"|continue reading(?: below| the main story)?|scroll to continue(?: with content)?)\W*$",
    re.IGNORECASE,
)
URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$")
PUBLISHED_IN = re.compile(
    r"^(?:Published|Printed|Appeared|First published) in (?:the )?"
    r"(?P<outlet>[A-Z][\w&.'’ -]{1,40}?)"
    r"(?:,|\s+on\b|\s+(?=\w+ \d)|$)"
)
# "© 2025 Owner", "Copyright © 2019-2024 Owner": a year is required, so "Copyright Policy" is not.
COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*[.,]?\s*"
    r"(?P<owner>[A-Z][^|©]*)?$",
    re.IGNORECASE,
)
# Account and reading-time rows near a headline: never a title themselves.
SITE_CONTROL = re.compile(
    r"\b(?:sign(?:ed)?\s*(?:in|out|up)|log\s*(?:in|out)|edit\s*profile|my account"
    r"|reading time|min(?:ute)? read|reading list|listen to this article"
    r"|save (?:articles?|for later)|tempo de leitura|tiempo de lectura|temps de lecture"
    r"|lesezeit|tempo di lettura)\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.;][\"”’'»)\]]*$")
BREADCRUMB = re.compile(r"\s[>»›]\s")  # "Blog > Weight Loss > Tips"
HEADLINE_WINDOW = 30  # rows above the body searched for the headline
HEADLINE_MAX_WORDS = 30
HEADLINE_MIN_SCORE = 0.25
MASTHEAD_ROWS = 3  # a site's name tops the page; repeated rows further down are menus
TEASER_ROWS = 5  # a teaser's headline, lede and byline or date under a list heading
HEADER_ROWS = 12  # rows from a headline to the first paragraph: byline, dates, share row, caption
ALL_RIGHTS = re.compile(
    r"\.?\s*(?:all rights reserved|todos os direitos reservados|todos los derechos reservados"
    r"|tous droits réservés|alle rechte vorbehalten|tutti i diritti riservati).*$",
    re.IGNORECASE,
)
# Company-form suffixes of a copyright owner: "Penske Business Media, LLC" names "Penske
# Business Media".
_LEGAL_FORMS = (
    "inc", "llc", "l.l.c", "ltd", "limited", "pvt", "private", "plc", "llp", "corp",
    "corporation", "gmbh", "ag", "sa", "s.a", "sl", "s.l", "co",
)  # fmt: skip
LEGAL_SUFFIX = re.compile(
    # Tried only where the run of company forms starts (not after one of them): from every
    # space of "Inc Inc ... Inc x" the search ran to the end of the line, n**2 steps.
    r"(?=,?\s)"
    + "".join(rf"(?<!\b{re.escape(form)})(?<!\b{re.escape(form)}\.)" for form in _LEGAL_FORMS)
    + rf"(?:,?\s+(?:{'|'.join(re.escape(form) for form in _LEGAL_FORMS)})\b\.?)++$",
    re.IGNORECASE,
)
# Navigation words that are never an outlet's name.
NAVIGATION = frozenset(
    "home contact about menu search news sitemap login help terms privacy careers".split()
)
NAVIGATION_FILLER = frozenset("us our the page".split())
# A title part that is a date or a count, not a site name ("France 24" and "9to5Mac" are).
DATE_LIKE = re.compile(r"\d{4}|\d[/.:]\d|^\W*\d+\W*$")
GLUED_SITE = re.compile(r"^\s*(?:\||-|–|—|::|»)\s*(?P<site>[A-Z][\w&.'’ -]{1,40})$")
DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[a-z]{2,6}){1,2}$", re.IGNORECASE)
TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»)\s+")
DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,3}?)?"
    # a place in title case only with an agency after it: "Damascus (AFP) –"
    rf"|(?P<titled>[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){{0,2}})(?=\s*\((?:{AGENCY_PATTERN})\)))"
    r"\s*(?:(?:\((?P<credit>[A-Z][\w.&' -]{0,30})\))?\s*(?::|[—–-]{1,2})"
    r"|/(?P<slashed>[A-Z][\w.&' -]{0,30})/\.?)\s"  # "MOSCOW, December 7. /TASS/."
)
# A dateline the page printed on its own row above the first paragraph: "Beirut, Lebanon CNN —".
DATELINE_ROW = re.compile(
    r"^(?P<place>[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){0,2}"
    r"|[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,2})"
    r"(?:,\s*[A-Z][^\W\d_]+(?:\s+[A-Z][^\W\d_]+){0,2})?"
    r"(?:\s+\(?(?P<credit>[A-Z][\w.&'-]{1,20})\)?)?\s*[—–-]{1,2}$"
)
AGENCY_NAME = re.compile(rf"(?:{AGENCY_PATTERN})$")
# "December 6, 2024 (KHARTOUM) – ...": the date first, the place in brackets.
DATED_DATELINE = re.compile(
    r"^(?P<date>[^()]{6,40}?)\s*\((?P<place>[A-Z][A-Z.'’ -]{2,40})\)\s*(?::|[—–-]{1,2})\s"
)
# A place name alone on the line above the first paragraph ("ANKARA").
LONE_PLACE = re.compile(r"^[A-Z][A-Z.'’-]{2,}(?:[ ,]+[A-Z][A-Z.'’-]+){0,3}$")
# Labels that sit where a dateline would and are never one.
GENRE_LABELS = frozenset(
    """breaking exclusive analysis opinion watch live update updated video photos listen
    advertisement sponsored editorial comment explainer feature interview review share
    menu news highlights summary overview background context contents takeaways""".split()
)
# "Omar Khalil, Reuters", "Jane Doe / AFP": a writer credited with the agency's copy.
NAMED_AGENCY = re.compile(rf"^[A-Z][^,|/]{{1,60}}?\s*[,/|–—-]\s*(?P<agency>{AGENCY_PATTERN})$")
# A writer's name on its own row ("Lina Haddad", "Dan Sabbagh in Kyiv"): a byline when a date
# or a role row ("BBC News, Tyre", "Chief correspondent") sits next to it.
# Each part after a hyphen or apostrophe is one run of letters ("al-Assad", "O'Neil"): an
# optional capital in front of it ("[A-Z]?[^\W\d_]+") matched "Aal" two ways, and a header
# row "Aal-Aal-...-Aal!" took 2**n tries.
NAME_PART = r"[A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)*+\.?"
PERSON_NAME = re.compile(
    rf"^(?P<name>{NAME_PART}(?:\s+(?:{NAME_PART}|al|el|de|da|del|van|von|bin|ibn)){{1,3}})"
    r"(?:\s+in\s+[A-Z][^\W\d_ ]+(?:\s+[A-Z][^\W\d_]+){0,2})?$"
)
ROLE_ROW = re.compile(
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
BYLINE_ROLE = re.compile(
    r"\s*(?:(?:Senior|Chief|Staff|Business|Political|Foreign|Contributing|Special)\s*)?"
    r"(?:Writer|Columnist|Correspondent|Reporter|Editor|Contributor)$"
)

# Month names in the languages we detect dates in; English also by its usual abbreviations.
MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "janvier", "janv", "enero", "janeiro", "januar", "jänner", "gennaio"),
    2: (
        "february",
        "feb",
        "février",
        "fevrier",
        "févr",
        "febrero",
        "fevereiro",
        "februar",
        "febbraio",
    ),
    3: ("march", "mar", "mars", "marzo", "março", "marco", "märz", "maerz"),
    4: ("april", "apr", "avril", "avr", "abril", "aprile"),
    5: ("may", "mai", "mayo", "maio", "maggio"),
    6: ("june", "jun", "juin", "junio", "junho", "juni", "giugno"),
    7: ("july", "jul", "juillet", "juil", "julio", "julho", "juli", "luglio"),
    8: ("august", "aug", "août", "aout", "agosto"),
    9: (
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "setembro",
        "settembre",
    ),
    10: ("october", "oct", "octobre", "octubre", "outubro", "oktober", "okt", "ottobre"),
    11: ("november", "nov", "novembre", "noviembre", "novembro"),
    12: (
        "december",
        "dec",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dezembro",
        "dezember",
        "dicembre",
    ),
}
MONTHS = {name: number for number, names in MONTH_NAMES.items() for name in names}
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|°)?"
YEAR = r"(?P<year>(?:19|20)\d{2})"
# "5:55 PM", "at 10:14am", "às 20:13", "um 9.30 Uhr", "14h05"
TIME = (
    r"(?:(?:\s*[,·•|]\s*|\s+|\s+(?:at|às|à|a las|um|alle|-)\s+)"
    r"(?P<hour>\d{1,2})[:h.](?P<minute>\d{2})\b\s*(?P<ampm>[ap]\.?m\.?)?)?"
)
# A time in front of the date: "4:12 PM GMT+1, December 6, 2024", "17:55 GMT, 6 December 2024".
TIME_FIRST = (
    r"\b(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*[A-Z]{2,4}(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?\s*[,·|]?\s+"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
)
SPELLED_DATE_PATTERNS = (
    re.compile(rf"{TIME_FIRST}{MONTH}\s+{DAY},?\s+{YEAR}", re.IGNORECASE),
    re.compile(rf"{TIME_FIRST}{DAY}\.?\s+{MONTH},?\s+{YEAR}", re.IGNORECASE),
    re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}{TIME}", re.IGNORECASE),
    # "6 December 2024", "6. Dezember 2024", "22 de janeiro de 2018", "6 déc. 2024"
    re.compile(rf"\b{DAY}\.?\s+(?:de\s+)?{MONTH},?\s+(?:de\s+)?{YEAR}{TIME}", re.IGNORECASE),
)
# "21/06/2014", "11.14.2019", "11/13/19": read only when one part cannot be a month, or the
# page shows which way round it writes them.
NUMERIC_DATE = re.compile(
    r"(?<![\d/.])(?P<first>\d{1,2})(?P<separator>[/.])(?P<second>\d{1,2})(?P=separator)"
    rf"(?P<year>(?:19|20)?\d{{2}})(?![\d/]|\.\d){TIME}",
    re.IGNORECASE,
)
DATE_PATTERNS = (
    *SPELLED_DATE_PATTERNS,
    re.compile(rf"\b{YEAR}-(?P<month>\d{{2}})-{DAY}(?:[T ](?P<hour>\d{{2}}):(?P<minute>\d{{2}}))?"),
    NUMERIC_DATE,
)
STAMP = re.compile(
    rf"\b\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?)?(?!\d)|\b\d+\s+(?:min(?:ute)?s?|hours?|days?|weeks?)\s+ago\b"
    rf"|^(?:\w+\s+)?{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
    re.IGNORECASE,
)
# The word in front of a date says which date it is.
DATE_ROLE = re.compile(
    r"\b(?P<role>published|posted|first published|issued|updated?|last modified|modified|edited"
    r"|last updated?)(?:\s+(?:on|date|at))?\b[^\w]*$",
    re.IGNORECASE,
)
PUBLISHED_ROLES = ("published", "posted", "first published", "issued")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\b", re.IGNORECASE)

# Date rows our patterns cannot read go to dateparser when short, spell a four-digit year (so
# never "2 hours ago") and, on pages in a language we do not detect, are in one of these.
FALLBACK_DATE_CHARS = 60
FALLBACK_DATE_LANGUAGES = (
    "en", "fr", "de", "es", "pt", "it", "nl", "ru", "uk", "pl", "tr", "ar", "zh", "ja", "ko",
    "id", "sv", "da",
)  # fmt: skip
FALLBACK_DATE_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month", "year"],
}
FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")  # any script's digits: "2024", "٢٠٢٤"
CLOCK = re.compile(r"\d{1,2}\s*[:h]\s*\d{2}(?!\d)")


@dataclass(frozen=True)
class _Unit:
    """One paragraph of the page (wrapped lines joined), with the shape features we score."""

    text: str
    bullet: bool  # a list item: in text dumps, mostly links
    words: int
    stop_ratio: float
    terminal: bool  # ends like a sentence
    capitals: float  # share of longer words written Capitalised: high in titles and menus
    caption: bool
    date: bool  # carries a date near its start (a dateline/byline row)


# --- splitting ------------------------------------------------------------------------------


def _lines_to_units(text: str) -> list[tuple[str, bool]]:
    """Strip each line, drop blanks, and join lines the browser wrapped: a line continues the
    previous one when that one is long, unfinished and the next starts in lower case."""
    # Each unit's lines are joined once at the end, and whether it is unfinished is read off
    # its last line: re-joining and re-searching the growing unit per line was quadratic.
    units: list[tuple[list[str], bool]] = []
    length = 0  # of the last unit, joined
    previous_blank = True
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.replace("\u00a0", " ").split())
        if not line:
            previous_blank = True
            continue
        bullet = bool(BULLET.match(line))
        if bullet:
            line = BULLET.sub("", line, count=1).strip()
            if not line:
                previous_blank = False
                continue
        if (
            units
            and not previous_blank
            and not bullet
            and length >= 40
            and not TERMINAL.search(units[-1][0][-1])
            and (line[0].islower() or line[0] in "(0123456789")
            and "©" not in line  # an image's alt text and credit under a teaser, not a wrap
        ):
            units[-1][0].append(line)
            length += 1 + len(line)
        else:
            units.append(([line], bullet))
            length = len(line)
        previous_blank = False
    return [(" ".join(lines), bullet) for lines, bullet in units]


def _detect_language(words: list[str]) -> str:
    if not words:
        return "unknown"
    frequency = Counter(words)
    counts = {lang: sum(frequency[word] for word in stops) for lang, stops in STOPWORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] >= max(3, 0.08 * len(words)) else "unknown"


def _make_unit(text: str, bullet: bool, stops: frozenset[str]) -> _Unit:
    words = WORD.findall(text.lower())
    stop_count = sum(word in stops for word in words)
    long_words = [word for word in text.split() if len(word) > 3 and word[0].isalpha()]
    head = text[:60]
    return _Unit(
        text=text,
        bullet=bullet,
        words=len(words),
        stop_ratio=stop_count / len(words) if words else 0.0,
        terminal=bool(TERMINAL.search(text)),
        capitals=sum(word[0].isupper() for word in long_words) / len(long_words)
        if long_words
        else 0.0,
        caption=len(words) >= 2
        and not URL_ONLY.match(text)
        and bool(
            CAPTION.search(text)
            or (len(words) <= CAPTION_CREDIT_WORDS and AGENCY_CREDIT.search(text))
        ),
        date=any(char.isdigit() for char in head)
        and (
            any(pattern.search(head) for pattern in DATE_PATTERNS)
            or (len(words) <= STAMP_WORDS and bool(STAMP.search(text)))
        ),
    )


def _mark_caption_copies(units: list[_Unit]) -> list[_Unit]:
    """An image's alt text next to its caption (the caption within a longer credited copy) is a
    caption too, and so is the line a credit alone on the next line ("(Name / Agency)") signs."""
    marked = list(units)
    for index, unit in enumerate(units):
        if unit.caption or unit.words < 4 or unit.date:  # a date row is the page's, not a photo's
            continue
        neighbours = units[max(0, index - 1) : index] + units[index + 1 : index + 2]
        following = units[index + 1] if index + 1 < len(units) else None
        if any(other.caption and unit.text in other.text for other in neighbours) or (
            following is not None
            and following.caption
            and following.words <= CREDIT_ONLY_WORDS
            and unit.words <= CAPTION_CREDIT_WORDS * 2
        ):
            marked[index] = replace(unit, caption=True)
    return marked


# --- classification -------------------------------------------------------------------------


def _is_prose(unit: _Unit) -> bool:
    """Sentence-like text with the stop-word density of running prose."""
    if unit.caption or BRACKETED_ONLY.match(unit.text):
        return False
    if unit.bullet and unit.words < 20:
        return False
    if unit.terminal and unit.words >= 30 and unit.stop_ratio >= 0.12:
        return True  # long finished sentences full of names are still prose
    return (
        unit.words >= 12
        and unit.stop_ratio >= 0.22
        and (unit.capitals < 0.6 or (unit.terminal and unit.words >= 20))
        and (unit.terminal or unit.words >= 30)
    )


def _is_near_prose(unit: _Unit) -> bool:
    """Unfinished or short prose: counts as article text only next to real prose."""
    return (
        unit.words >= 8
        and unit.stop_ratio >= 0.25
        and unit.capitals < 0.5
        and not unit.caption
        and not unit.bullet
    )


def _repeat_shares(units: list[_Unit]) -> dict[str, float]:
    """How much each copy of a block found more than once counts towards the article.

    A block repeated away from its first copy (a second header, a "Related" list shown twice, a
    teaser in every tab) is page furniture: 0. A prose paragraph or sentence printed exactly
    twice is a pull quote or a standfirst repeated in the body: each copy counts half, so the
    two together weigh one paragraph and hold the article together without outweighing it. A
    copy right below its original (a caption twice) is just a duplicate, left to `_text_weight`.
    """
    counts = Counter(unit.text for unit in units)
    adjacent_copies = {
        units[i].text for i in range(len(units) - 1) if units[i].text == units[i + 1].text
    }
    shares: dict[str, float] = {}
    for unit in units:
        count = counts[unit.text]
        if count > 1 and unit.text not in adjacent_copies:
            quoted = count == 2 and (_is_prose(unit) or _is_near_prose(unit))
            shares[unit.text] = 0.5 if quoted else 0.0
    return shares


def _text_weight(units: list[_Unit], index: int, shares: dict[str, float]) -> float | None:
    """1 for prose, 0.5 for near-prose, 0 for furniture, None for neutral units (image
    placeholders, a copy right under its original)."""
    unit = units[index]
    if (
        unit.words == 0
        or BRACKETED_ONLY.match(unit.text)
        or IMAGE_NAME.search(unit.text)
        or URL_ONLY.match(unit.text)
        or AD_LABEL.match(unit.text)
    ):
        return None
    if index and unit.text == units[index - 1].text:
        return None
    if shares.get(unit.text) == 0.0:
        return 0.0
    weight = 1.0 if _is_prose(unit) else 0.5 if _is_near_prose(unit) else 0.0
    return 0.0 if weight and BOILERPLATE.search(unit.text) else weight


def _best_region(units: list[_Unit], shares: dict[str, float]) -> tuple[int, int]:
    """The maximum-score contiguous run [start, end) of units; (0, 0) when nothing scores.

    Prose scores its word count; the k-th furniture unit of a gap costs k, so long gaps (menus,
    teaser lists) cost a lot. A lone paragraph between gaps (a teaser's lede) leaves the gap's
    cost where it was; two paragraphs in a row (an article) clear it."""
    best, best_span = 0.0, (0, 0)
    running, start, gap, previous_text = 0.0, 0, 0, False
    for index in range(len(units)):
        weight = _text_weight(units, index, shares)
        if weight is None:
            continue
        if weight:
            if previous_text or running <= 0:
                gap = 0
            score = weight * units[index].words * shares.get(units[index].text, 1.0)
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


def _trim_lone_tail(
    units: list[_Unit], shares: dict[str, float], start: int, end: int
) -> tuple[int, int]:
    """Cut a single paragraph hanging after the article behind a gap of furniture (a comment
    policy, a footer blurb): the gap's cost alone is too small to keep it out."""
    weights = [_text_weight(units, index, shares) for index in range(start, end)]
    prose = [start + offset for offset, weight in enumerate(weights) if weight == 1.0]
    if len(prose) < 3:
        return start, end
    last, before = prose[-1], prose[-2]
    gap = sum(1 for weight in weights[before - start + 1 : last - start] if weight == 0.0)
    if gap >= TAIL_GAP:
        return start, before + 1
    return start, end


def _skip_leading_copies(units: list[_Unit], start: int, end: int) -> int:
    """Start after paragraphs that open the region and come back inside it: a pull quote or a
    teaser above the article, whose own copy is in the body."""
    while start < end and any(unit.text == units[start].text for unit in units[start + 1 : end]):
        start += 1
    return start


def _cut_at_article_end(units: list[_Unit], start: int, end: int) -> int:
    """End the region at a heading that closes an article ("Tags:", "You may also like"), or
    at a list heading ("More from World") over teasers with their own bylines or dates (whose
    ledes read as prose), once some prose came before it."""
    seen_prose = False
    for index in range(start, end):
        unit = units[index]
        if seen_prose and unit.words <= 8 and ARTICLE_END.match(unit.text):
            return index
        if (
            seen_prose
            and LIST_LABEL.match(unit.text)
            and any(
                not other.bullet
                and (BYLINE.match(other.text) or (other.date and other.words <= 16))
                for other in units[index + 1 : index + TEASER_ROWS]
            )
        ):
            return index
        seen_prose = seen_prose or _is_prose(unit)
    return end


# --- metadata -------------------------------------------------------------------------------


def _normalise(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def _split_title(first_line: str) -> tuple[str, str | None]:
    """'Headline | Site' -> ('Headline', 'Site'); a site part is short and has no digits."""
    parts = TITLE_SEPARATOR.split(first_line)
    if len(parts) < 2:
        return first_line, None
    site, headline = parts[-1].strip(), " ".join(parts[:-1]).strip()
    if len(site.split()) > 6 and len(parts[0].split()) <= 4:  # "Site | Headline"
        site, headline = parts[0].strip(), " ".join(parts[1:]).strip()
    if len(site.split()) > 6 or DATE_LIKE.search(site) or len(headline.split()) < 3:
        return first_line, None
    return headline, site


def _find_date(text: str, day_first: bool | None = None) -> tuple[int, int, str] | None:
    """Earliest date in the text as (start, end, ISO string); of two starting together (a time
    in front of a date), the longer."""
    found: list[tuple[int, int, str]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso(match, day_first)
            if iso:
                found.append((match.start(), -match.end(), iso))
    if not found:
        return None
    start, negative_end, iso = min(found)
    return start, -negative_end, iso


def _iso(match: re.Match[str], day_first: bool | None = None) -> str | None:
    groups = match.groupdict()
    if groups.get("first"):
        day_month = _numeric_day_month(int(match["first"]), int(match["second"]), day_first)
        if day_month is None:
            return None
        day, month = day_month
    else:
        month_text = match["month"]
        month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower(), 0)
        day = int(match["day"])
    year = int(match["year"])
    year += 2000 if year < 100 else 0
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if match["hour"] is None:
        return iso
    hour, minute = int(match["hour"]), int(match["minute"])
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return f"{iso}T{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else iso


def _numeric_day_month(
    first: int, second: int, day_first: bool | None = None
) -> tuple[int, int] | None:
    """(day, month) of an all-digit date, or None when either order could be meant and the
    page's order (`day_first`) is unknown."""
    if first > 12 >= second >= 1:
        return first, second
    if second > 12 >= first >= 1:
        return second, first
    if first == second or day_first is not None:
        return (first, second) if first == second or day_first else (second, first)
    return None


def _ambiguous_numeric_date(texts: list[str]) -> tuple[date, date] | None:
    """The first all-digit date that reads both ways ("06/12/2024"), as (day-first reading,
    month-first reading)."""
    for text in texts:
        for match in NUMERIC_DATE.finditer(text):
            first, second, year = int(match["first"]), int(match["second"]), int(match["year"])
            if first != second and first <= 12 and second <= 12:
                year += 2000 if year < 100 else 0
                return date(year, second, first), date(year, first, second)
    return None


def _day_first(readings: tuple[date, date], texts: list[str], opening: str) -> bool | None:
    """Which way round the page writes all-digit dates: the way its other all-digit dates
    can only be read; else the one reading the page also spells with a month name (a caption's
    "on December 6, 2024"), or whose weekday the opening paragraph names ("said on Friday").
    None when nothing tells."""
    orders: Counter[bool] = Counter()
    for text in texts:
        for match in NUMERIC_DATE.finditer(text):
            first, second = int(match["first"]), int(match["second"])
            if first > 12 >= second or second > 12 >= first:
                orders[first > 12] += 1
    if orders[True] != orders[False]:
        return orders[True] > orders[False]
    spelled = {
        iso[:10]
        for text in texts
        for pattern in SPELLED_DATE_PATTERNS
        for match in pattern.finditer(text)
        if (iso := _iso(match))
    }
    named = {WEEKDAYS.index(day.lower()) for day in WEEKDAY.findall(opening)}
    tests = (
        lambda day: day.isoformat() in spelled,
        lambda day: day.weekday() in named,
    )
    for test in tests:
        fits = [test(reading) for reading in readings]
        if fits.count(True) == 1:
            return fits[0]
    return None


def _published(
    texts: list[str], language: str, day_first: bool | None = None
) -> tuple[str | None, str | None]:
    """(publication date, update date) among the header rows: an explicit 'Published' wins,
    then the first date not labelled as an update; the first update date comes second."""
    plain: str | None = None
    updated: str | None = None
    for text in texts:
        for label, iso in _labelled_dates(text, language, day_first):
            if label in PUBLISHED_ROLES:
                return iso, updated
            if not label:
                plain = plain or iso
            else:
                updated = updated or iso
    return plain, updated


def _publication_date(
    header: list[str], near: list[str], dated_dateline: str | None, language: str,
    day_first: bool | None = None,
) -> str | None:  # fmt: skip
    """The header rows' publication date, else one in the rows around them, else the date
    that opens the body ("December 6, 2024 (KHARTOUM) –"), else the last-updated date when the
    page shows no other (better a day late than none)."""
    header_published, header_updated = _published(header, language, day_first)
    near_published, near_updated = _published(near, language, day_first)
    return header_published or near_published or dated_dateline or header_updated or near_updated


def _labelled_dates(
    text: str, language: str, day_first: bool | None = None
) -> list[tuple[str, str]]:
    """(label, ISO date) of each date in a row, the label being the word in front of the date
    ("published", "updated" or ""). A row none of our patterns matches may still be a date in
    another form or language; one they match but reject (12/06/2024) stays unread."""
    dates: list[tuple[str, str]] = []
    offset = 0
    while found := _find_date(text[offset:], day_first):
        start, end, iso = found
        dates.append((_date_label(text[: offset + start]), iso))
        offset += end
    if not any(pattern.search(text) for pattern in DATE_PATTERNS):
        iso = _fallback_date(text, language)
        if iso:
            dates.append((_date_label(text[: _first_digit(text)]), iso))
    return dates


def _first_digit(text: str) -> int:
    return next((index for index, char in enumerate(text) if char.isdigit()), len(text))


def _date_label(before: str) -> str:
    role = DATE_ROLE.search(before)
    return role["role"].lower() if role else ""


def _fallback_date(text: str, language: str) -> str | None:
    """A full date in a short row, read by dateparser: "6 грудня 2024", "2024年12月6日 17:55".
    The parsed year must be one the row spells, which rules out relative dates."""
    years = {int(year) for year in FOUR_DIGIT_YEAR.findall(text)}
    if not years or len(text) >= FALLBACK_DATE_CHARS:
        return None
    if language in STOPWORDS:
        languages = tuple(dict.fromkeys((language, "en")))  # English dates on any site
    else:
        languages = FALLBACK_DATE_LANGUAGES
    # A label in front ("Опубліковано:") stops dateparser, a weekday or month does not.
    for candidate in dict.fromkeys((text, text[_first_digit(text) :])):
        parsed = _parse_date(candidate, languages)
        if parsed is not None and parsed.year in years:
            day = parsed.date().isoformat()
            return f"{day}T{parsed:%H:%M}" if CLOCK.search(candidate) else day
    return None


@lru_cache(maxsize=1024)
def _parse_date(text: str, languages: tuple[str, ...]) -> datetime | None:
    import dateparser  # ~50 ms to import: only pages with such a row pay it

    try:
        return dateparser.parse(text, languages=list(languages), settings=FALLBACK_DATE_SETTINGS)
    except Exception:  # a third-party parser on arbitrary text: any failure means no date
        return None


def _wire(
    header: list[str], dateline_agency: str | None, outlet: str | None, listed: set[str]
) -> str | None:
    """An agency named in the header rows or the dateline; else the byline ("By ..." or a
    writer's name next to a date or role row). `listed` holds the page's list items: a name
    among them is a menu entry."""
    byline = None
    for index, text in enumerate(header):
        agency = AGENCY_LINE.match(text) or NAMED_AGENCY.match(text) or AGENCY_BYLINE.match(text)
        if agency:
            name = agency.group("agency") if "agency" in agency.re.groupindex else agency[0]
            return AGENCY_NAMES.get(name.lower(), name)
        if text.lower() == "by" and index + 1 < len(header):
            text = f"By {header[index + 1]}"  # the browser put the name on its own line
        match = BYLINE.match(text)
        if match and byline is None:
            byline = f"By {_byline_names(match.group(1))}"
    if dateline_agency:
        return dateline_agency
    return byline or _name_row(header, outlet, listed)


def _byline_names(names: str) -> str:
    """The writers of a byline without what follows them: "Jane Doe, Middle East Correspondent"
    and "Meg JamesStaff Writer" name one writer each."""
    kept: list[str] = []
    for part in names.split(", "):
        if kept and (ROLE_ROW.search(part) or SECTION_WORDS & set(_normalise(part).split())):
            break
        kept.append(part)
    return BYLINE_ROLE.sub("", ", ".join(kept))


def _name_row(header: list[str], outlet: str | None, listed: set[str]) -> str | None:
    """A byline without "By": a person's name alone on a row (or before "| date"), with a date
    or a role row ("BBC News, Tyre") next to it."""
    for index, text in enumerate(header):
        name_part, _, rest = text.partition("|")
        candidate = PERSON_NAME.match(name_part.strip())
        if candidate is None or text in listed or (outlet and outlet in text):
            continue
        if SECTION_WORDS & set(_normalise(candidate["name"]).split()):
            continue
        following = header[index + 1 : index + 3]
        beside = (
            _is_date_row(rest)
            or any(_is_date_row(other) for other in following)
            or any(
                ROLE_ROW.search(other) or (outlet and outlet in other) for other in following[:1]
            )
        )
        if beside:
            return f"By {candidate['name']}"
    return None


def _is_date_row(text: str) -> bool:
    return any(char.isdigit() for char in text) and bool(
        any(pattern.search(text) for pattern in DATE_PATTERNS) or STAMP.search(text)
    )


def _dateline(
    first_body: str | None, above: str | None, page_counts: Counter[str]
) -> tuple[str | None, str | None, str | None]:
    """(place, agency, ISO date) of the dateline that opens the body: "BEIRUT:", "KYIV, Ukraine
    (AP) —", "Damascus (AFP) –", "December 6, 2024 (KHARTOUM) –", or a place name alone on
    the row above the first paragraph ("ANKARA")."""
    if first_body is None:
        return None, None, None
    match = DATELINE.match(first_body)
    if match:
        credit = match["credit"] or match["slashed"]
        agency = credit if credit and AGENCY_NAME.match(credit) else None
        return match["place"] or match["titled"], agency, None
    split = DATELINE_ROW.match(above) if above else None
    if split:
        credit = split["credit"]
        return split["place"], credit if credit and AGENCY_NAME.match(credit) else None, None
    dated = DATED_DATELINE.match(first_body)
    if dated:
        found = _find_date(dated["date"])
        if found:
            return dated["place"].strip(), None, found[2]
    if (
        above
        and LONE_PLACE.match(above)
        and page_counts[above] == 1
        and not GENRE_LABELS & set(_normalise(above).split())
    ):
        return above.strip(" ,"), None, None
    return None, None, None


def _outlet(
    texts: list[str], title_site: str | None, author: str | None, above_headline: list[_Unit]
) -> str | None:
    """The site part of the page title, else "Published in X", else the copyright owner (when
    not the writer), else the masthead: a name repeated above the headline."""
    if title_site and not _is_navigation(title_site):
        return _spelled_out(title_site, texts) if DOMAIN.match(title_site) else title_site
    for text in texts:
        match = PUBLISHED_IN.match(text)
        if match:
            return match["outlet"].strip()
    for index, text in enumerate(texts):
        match = COPYRIGHT.search(text)
        if not match or len(text.split()) > 15:
            continue
        owner = _owner_name(match["owner"] or "")
        if not owner and index + 1 < len(texts):
            owner = _owner_name(texts[index + 1])
        if (
            owner
            and len(owner.split()) <= 6
            and not PROMO.search(owner)
            and not _is_navigation(owner)
            and owner != author
        ):
            return owner
    return _masthead(above_headline)


def _glued_site(first_line: str, headline: str) -> str | None:
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
    letters = domain.lower().removeprefix("www.").split(".")[0].replace("-", "")
    for text in texts:
        copyright = COPYRIGHT.search(text)
        owner = _owner_name(copyright["owner"] or "") if copyright else ""
        for name in (text, owner.split(",")[0]):
            words = name.split()
            if 2 <= len(words) <= 6 and re.sub(r"\W", "", name.lower()) == letters:
                return name
    return domain


def _masthead(above_headline: list[_Unit]) -> str | None:
    """A short capitalised name printed at least twice above the headline (a newsletter's or
    blog's name at the top and over the share row), when nothing else names the site."""
    counts = Counter(unit.text for unit in above_headline)
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
        ):
            return text
    return None


def _owner_name(text: str) -> str:
    """A copyright line's owner without rights notices, company forms, web addresses or the
    links that follow it ("Quiller Media, Inc., Contact Us" -> "Quiller Media")."""
    owner = re.sub(r"^by\s+", "", ALL_RIGHTS.sub("", text), flags=re.IGNORECASE)
    owner = re.sub(r"\s*\((?:https?://|www\.)[^)]*\)", "", owner)
    kept: list[str] = []
    for part in re.split(r"\s*[,|]\s*", owner):
        if kept and (LEGAL_SUFFIX.fullmatch(" " + part) or _is_navigation(part)):
            break
        kept.append(part)
    return LEGAL_SUFFIX.sub("", ", ".join(kept)).strip(" .,")


def _is_navigation(text: str) -> bool:
    words = set(_normalise(text).split())
    return bool(words & NAVIGATION) and words <= NAVIGATION | NAVIGATION_FILLER


def _looks_like_headline(unit: _Unit) -> bool:
    first_character = next((char for char in unit.text if char.isalnum()), "")
    return (
        3 <= unit.words <= HEADLINE_MAX_WORDS
        and not first_character.islower()
        and not unit.bullet
        and not unit.caption
        and not unit.date
        and not BYLINE.match(unit.text)
        and not PROMO.search(unit.text)
        and not SITE_CONTROL.search(unit.text)
        and len(BREADCRUMB.findall(unit.text)) < 2
    )


def _is_standfirst(unit: _Unit) -> bool:
    """A summary under the headline: a sentence, or a highlight bullet that reads as one."""
    if PROMO.search(unit.text) or SITE_CONTROL.search(unit.text) or "@" in unit.text:
        return False
    if unit.bullet:
        return unit.words >= 4 and unit.capitals < 0.8
    return _is_prose(unit) or _is_near_prose(unit)


def _is_header_row(unit: _Unit) -> bool:
    """Byline, agency, date and label ("Author:") rows and captions, which sit between a
    headline and the body."""
    return (
        unit.caption
        or (unit.date and unit.words <= 16)
        or (unit.words <= 2 and unit.text.endswith(":"))
        or unit.text.lower() in ("by", "by:")  # a byline whose name the browser put below
        or bool(BYLINE.match(unit.text) or AGENCY_LINE.match(unit.text))
    )


# --- assembly -------------------------------------------------------------------------------


def extract_article(text: str, path: str, media: str = "text") -> Article:
    """Find the article in a page dumped as text (or given as HTML): metadata, blocks, furniture."""
    if media == "html":
        return _extract_html(text, path)
    return _extract_text(text, path)


def _extract_text(text: str, path: str) -> Article:
    raw_units = _lines_to_units(text)
    all_words = WORD.findall(" ".join(line for line, _ in raw_units).lower())
    language = _detect_language(all_words)
    stops = STOPWORDS.get(language, STOPWORDS["en"])
    units = _mark_caption_copies([_make_unit(line, bullet, stops) for line, bullet in raw_units])
    texts = [unit.text for unit in units]

    shares = _repeat_shares(units)
    start, end = _trim_lone_tail(units, shares, *_best_region(units, shares))
    start = _skip_leading_copies(units, start, end)
    end = _cut_at_article_end(units, start, end)

    first_line = texts[0] if texts else ""
    title_hint, title_site = _split_title(first_line)
    # "Headline - by Jane Doe": the title names the writer, not the site.
    title_byline = BYLINE.match(title_site) if title_site else None
    title_author = title_byline.group(1) if title_byline else None
    title_site = None if title_byline else title_site
    headline_at = _find_headline(units, start, title_hint, title_site, stops)
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
        title_site = _glued_site(first_line, title)
    header_from = headline_at + 1 if headline_at is not None else start
    body_from = _body_start(units, header_from, start, end)
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
        elif _is_standfirst(unit) and not _is_header_row(unit):
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
    outlet = _outlet(texts, title_site, title_author, units[:headline_at] if headline_at else [])
    first_body_at: int | None = None
    # A page of a few short sentences has no paragraph long enough to count as prose: its
    # sentences are its text.
    short_page = not any(_is_prose(unit) for unit in units)
    for index in range(body_from, end):
        kind = _body_kind(units, index, body_from, end, outlet, short_page)
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
    place, agency, dated = _dateline(first_body, above, page_counts)
    near = [
        units[i].text
        for i in range(max(0, header_from - 2), min(len(texts), body_from + 2))
        if not units[i].caption  # a photo's date is when it was taken
    ]
    published = _publication_date(header_texts, near, dated, language)
    readings = None if published else _ambiguous_numeric_date(near)
    if readings:
        day_first = _day_first(readings, texts, first_body or "")
        if day_first is not None:
            published = _publication_date(header_texts, near, dated, language, day_first)
    listed = {unit.text for unit in units if unit.bullet}
    byline = f"By {title_author}" if title_author else None
    return Article(
        path=path,
        title=title,
        outlet=outlet,
        wire=_wire(header_texts, agency, outlet, listed) or byline,
        published=published,
        dateline=place,
        blocks=tuple(blocks) if body_texts else (),
        dropped=tuple(text for index, text in enumerate(texts) if index not in kept),
        language=language,
    )


def _find_headline(
    units: list[_Unit], start: int, title_hint: str, title_site: str | None, stops: frozenset[str]
) -> int | None:
    """The headline row above the first paragraph (or that paragraph when a byline or date
    follows it): the best-scoring headline-shaped row of the few dozen above it."""
    if start >= len(units):
        return None
    # The region may open with rows above the first paragraph (a near-prose headline); rows
    # from the region's start on need a byline or date under them to count.
    region_start = start
    # Image placeholders ("[e151e5]") between the rows are not rows.
    rows = (i for i in range(start, len(units)) if not BRACKETED_ONLY.match(units[i].text))
    start = next((index for index in islice(rows, HEADER_ROWS) if _is_prose(units[index])), start)
    # The first line is a page title only when it names a site; otherwise it is just row 0.
    hint_words = set(_normalise(title_hint).split()) if title_site else set()
    lowest = max(0, start - HEADLINE_WINDOW)
    window_texts = Counter(unit.text for unit in units[lowest : start + 1])
    opening, opening_after_start = _opening_words(units, start), _opening_words(units, start + 1)
    best, best_score = None, HEADLINE_MIN_SCORE
    scores: dict[int, float] = {}
    for index in range(lowest, start + 1):
        body = opening if index < start else opening_after_start
        score = _headline_score(units, index, body, hint_words, stops, index >= region_start)
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
    units: list[_Unit],
    index: int,
    body: set[str],
    hint_words: set[str],
    stops: frozenset[str],
    in_region: bool,
) -> float | None:
    """How much a row reads as the headline, or None when it cannot be one. Headlines' words
    come back in the first paragraphs, the page title repeats them, a byline or date row sits
    next to them, and they are not sentences, section labels or label values."""
    unit = units[index]
    header_after = any(_is_header_row(other) for other in units[index + 1 : index + 4])
    if not _looks_like_headline(unit) or (in_region and not header_after):
        return None
    if index and units[index - 1].text.endswith(":") and units[index - 1].words <= 2:
        return None  # the value of a label ("Author:")
    words = set(_normalise(unit.text).split())
    content = {word for word in words if len(word) > 2 and word not in stops}
    overlap = len(content & body) / len(content) if content else 0.0
    hint = len(words & hint_words) / max(len(words), len(hint_words)) if hint_words else 0.0
    if not index:
        hint = 0.0  # the first line is the hint itself
    header_before = index > 0 and _is_header_row(units[index - 1])
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


def _opening_words(units: list[_Unit], start: int) -> set[str]:
    """Words of the first prose rows from `start`: a headline's words come back there."""
    opening = [
        unit.text
        for unit in units[start : start + 16]
        if unit.words >= 5 and not unit.caption and not unit.bullet
    ][:4]
    return set(WORD.findall(" ".join(opening).lower()))


def _body_start(units: list[_Unit], header_from: int, start: int, end: int) -> int:
    """Where the body starts: after the last byline/date/caption row near the headline, and
    after highlight bullets or a standfirst that directly follow those rows."""
    body_from = max(header_from, min(start, end))
    limit = min(len(units), header_from + 14)
    last_header_row = None
    prose_run = 0
    for index in range(header_from, limit):
        unit = units[index]
        if _is_header_row(unit):
            last_header_row = index
            prose_run = 0
        elif _is_prose(unit):
            prose_run += 1
            if prose_run >= 2:
                break
    if last_header_row is not None:
        body_from = max(body_from, last_header_row + 1)
        while (
            body_from < len(units) and units[body_from].bullet and not _is_prose(units[body_from])
        ):
            body_from += 1
    return min(body_from, max(end, body_from))


def _follows_list_label(units: list[_Unit], index: int, body_from: int) -> bool:
    """Whether a heading such as "Most read" or "Related" comes after the last paragraph above
    this unit: the unit is then one of that list's links."""
    for above in range(index - 1, body_from - 1, -1):
        if _is_prose(units[above]):
            return False
        if LIST_LABEL.match(units[above].text):
            return True
    return False


def _body_kind(
    units: list[_Unit],
    index: int,
    body_from: int,
    end: int,
    outlet: str | None,
    short_page: bool,
) -> str | None:
    """Kind of a unit inside the article region, or None for furniture."""
    unit = units[index]
    if (
        URL_ONLY.match(unit.text)
        or AD_LABEL.match(unit.text)
        or LIST_LABEL.match(unit.text)
        or LINK_PREFIX.match(unit.text)
        or (not _is_prose(unit) and _follows_list_label(units, index, body_from))
    ):
        return None
    if unit.caption:
        return "caption"
    if _is_prose(unit):
        if BOILERPLATE.search(unit.text) or (PROMO.search(unit.text) and not unit.terminal):
            return None
        names_outlet = bool(outlet) and outlet.lower() in unit.text.lower()
        if names_outlet and (not unit.terminal or SELF_PROMOTION.search(unit.text)):
            return None
        return "body"
    if BRACKETED_ONLY.match(unit.text) or PROMO.search(unit.text) or unit.words == 0:
        return None
    if unit.bullet:
        # A list item inside the article is kept when it reads as text, not as a link.
        return "body" if unit.words >= 6 and unit.stop_ratio >= 0.15 else None
    previous_prose = index > body_from and _is_prose(units[index - 1])
    next_prose = index + 1 < end and _is_prose(units[index + 1])
    first_letter = next((char for char in unit.text if char.isalpha()), "")
    if unit.words <= 15 and not unit.terminal and next_prose and first_letter.isupper():
        return "subhead"
    if (_is_near_prose(unit) or (unit.words >= 6 and unit.terminal)) and (
        previous_prose or next_prose or short_page
    ):
        return "body"
    return None


# --- HTML -----------------------------------------------------------------------------------


def _extract_html(html: str, path: str) -> Article:
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
    if paragraphs and title and _normalise(paragraphs[0]) == _normalise(title):
        paragraphs = paragraphs[1:]
    language = _detect_language(WORD.findall(body.lower()))
    blocks = [Block("headline", title)] if title and paragraphs else []
    for paragraph in paragraphs:
        blocks.append(Block("caption" if CAPTION.search(paragraph) else "body", paragraph))
    first_body = next((block.text for block in blocks if block.kind == "body"), None)
    place, agency, _ = _dateline(first_body, None, Counter())
    author = (getattr(document, "author", None) or "").strip() if document else ""
    date = (getattr(document, "date", None) or "") if document else ""
    return Article(
        path=path,
        title=title,
        outlet=(getattr(document, "sitename", None) or None) if document else None,
        wire=agency or (f"By {author}" if author else None),
        published=date[:16] or None,
        dateline=place,
        blocks=tuple(blocks),
        dropped=(),
        language=language,
    )
