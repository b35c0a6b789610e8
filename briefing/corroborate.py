"""Group sentences that carry the same report, across articles (and within one).

Two outlets running one wire story reword it: "said on Friday as US-backed rebels
advanced" against "said on Friday, as rebel forces pushed"; "nine people were killed
when a Russian missile hit a residential building" against "Russian missiles struck an
apartment block, killing at least nine people". Sentences are compared on what they
report (content words, names, counts, event verbs), not on word sequences.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from briefing.actors import KNOWN_BODIES
from briefing.annotate import AnnotatedArticle, Sentence
from briefing.extract import STOPWORDS
from briefing.model.words import event_verbs
from briefing.model.words import rewrites as rewrites_of

_WORD = re.compile(r"\w+")

# Function words carry no report of their own, nor do verbs of saying (every outlet
# attributes in its own words); overlap is measured without them.
_STOP_WORDS = STOPWORDS["en"] | {"onto", "told"}

_RESTATING_KINDS = frozenset({"headline", "standfirst", "subhead"})
# A restatement keeps most of what it restates: 5 of "Turkish, Iranian and Russian FMs
# meet in Doha today"'s 7 words are in the body sentence it summarises.
_RESTATEMENT_SHARE = 0.6
# Word endings dropped before comparing restatements ("closes", "closed" -> "clos").
_ENDINGS = ("ing", "ed", "es", "s")

# Past this many sentences sharing a word, pairing all of them would cost the square of
# the corpus; see _candidate_pairs.
_COMMON_WORD = 20
# Content words other than names and counts two sentences of one report share at least.
_MIN_SHARED_WORDS = 2
# Pairs sharing less than this weight of words are not compared.
_MIN_SHARED_WEIGHT = 4.0
# How alike two sentences must be to carry one report (weighted overlap, see _says_same),
# fitted on labelled rewrite pairs.
SIMILAR = 0.25
CONTAINED = 0.6
SIMILAR_CONTAINED = 0.25
# A sentence weighing this little (a headline) must share half its weight.
_SHORT = 14
SIMILAR_SHORT = 0.35


@dataclass(frozen=True)
class Report:
    """One report: the sentences, in any article, that say the same thing."""

    id: str  # the id of its first sentence in reading order
    sentence_ids: tuple[str, ...]  # reading order (article order, then sentence order)


@dataclass(frozen=True)
class Corroboration:
    reports: tuple[Report, ...]  # reading order of their first sentence
    report_of: dict[str, Report]  # sentence id -> its report

    def sources(self, sentence_id: str) -> tuple[str, ...]:
        """Every sentence carrying the same report as this one (itself included)."""
        report = self.report_of.get(sentence_id)
        return report.sentence_ids if report else (sentence_id,)


# "One of its guards" is rarely a count: "one" is left out.
_NUMBER_WORDS = {
    word: str(n)
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
    if n > 1
}
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_TOKEN = re.compile(r"\d[\d,.]*\d|\w+")
# Words every outlet adds in its own way: verbs of saying, hedges on a count.
_NOT_COMPARED = frozenset(
    "said says say told tell tells according added adds announced claimed claims stated "
    "least some around approximately roughly nearly almost".split()
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_DETERMINERS = frozenset("the a an its their his her this these those our".split())
_CALENDAR_WORDS = frozenset(name.lower() for name in (*calendar.day_name, *calendar.month_name[1:]))
_MONTH = "|".join(name[:3] for name in calendar.month_name[1:])
_DATE_DIGITS = re.compile(
    rf"\b(?:\d{{4}}-\d\d-\d\d|(?:{_MONTH})[a-z]*\.?\s+\d{{1,2}}\b|\d{{1,2}}\s+(?:{_MONTH}))"
)
# What a token weighs in the overlap: a count or a name pins a report down far more
# than an ordinary word ("killed", "city") does.
_NUMBER_WEIGHT = 3.0
_NAME_WEIGHT = 2.0


# International bodies by full name -> their acronym, lower-case.
_BODY_ACRONYMS = {
    full: acronym.lower()
    for acronym, full in KNOWN_BODIES.items()
    if acronym.isupper() and " " in full
}


@dataclass(frozen=True)
class ReportWords:
    """A sentence's words as report comparison sees them."""

    words: frozenset[str]  # every compared token, names and numbers included
    names: frozenset[str]
    numbers: frozenset[str]
    events: frozenset[str]  # event verbs, as compared ("seize" for "captured")

    def weight(self, token: str) -> float:
        if token in self.numbers:
            return _NUMBER_WEIGHT
        return _NAME_WEIGHT if token in self.names else 1.0


@dataclass(frozen=True)
class ArticleWords:
    """What comparing reports needs of one article on its own: work done where the article
    is extracted (a worker process), so that comparing across articles only joins."""

    report: dict[str, ReportWords]  # sentence id -> its `report_words`
    restated: tuple[tuple[str, str], ...]  # see `restatements`


def article_words(article: AnnotatedArticle) -> ArticleWords:
    return ArticleWords(
        {s.id: report_words(s.text) for s in article.sentences}, restatements(article)
    )


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


@cache
def _bodies() -> re.Pattern[str]:
    names = sorted(_BODY_ACRONYMS, key=len, reverse=True)
    # Names as written ("World Food Programme"): an ignore-case alternation is slow.
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


@lru_cache(maxsize=65_536)  # a wire story's sentences recur across outlets word for word
def report_words(text: str) -> ReportWords:
    """Content words, names (capitalised inside the sentence, acronyms, countries by any
    of their names), counts (digits or number words) and event verbs of a sentence."""
    rewrites, countries = rewrites_of(), _country_words()
    words, names, numbers, events = set(), set(), set(), set()
    verbs = event_verbs()
    # "the United Nations" and "the UN" name one body: both count as the acronym.
    for body in _bodies().finditer(text):
        names.add(_BODY_ACRONYMS[body.group()])
        words.add(_BODY_ACRONYMS[body.group()])
    # A date's digits ("May 25", "2025-01-26") date the report; they are not counts.
    text = _one_word_countries(_DATE_DIGITS.sub(" ", _bodies().sub(" ", text)))
    previous = ""
    for n, match in enumerate(_TOKEN.finditer(text)):
        token = match.group()
        lower = token.lower()
        after_determiner, previous = previous in _DETERMINERS, lower
        if _NUMBER.fullmatch(token) or lower in _NUMBER_WORDS:
            number = _NUMBER_WORDS.get(lower) or token.replace(",", "")
            if not _YEAR.fullmatch(token):  # a year dates, it does not count
                numbers.add(number)
                words.add(number)
            continue
        if len(token) < 2 or lower in _STOP_WORDS or lower in _NOT_COMPARED:
            continue
        if lower in countries:
            word = countries[lower]
            names.add(word)
        else:
            word = rewrites.get(lower, lower)
            if len(word) > 4:
                word = _stem(word)
                word = rewrites.get(word, word)
            if lower in _CALENDAR_WORDS:
                pass  # every report of the day says "on Tuesday": a plain word
            elif (n > 0 and token[0].isupper()) or (token.isupper() and len(token) > 1):
                names.add(word)  # "Rapid Support Forces" supports nothing
            elif lower in verbs and not after_determiner:  # "the attacks" is a noun
                events.add(word)
        words.add(word)
    return ReportWords(*(frozenset(group) for group in (words, names, numbers, events)))


def same_report(a: str, b: str) -> bool:
    """Whether two sentences carry the same report.

    They are compared on what they report, not on word order: content words (with the
    words outlets swap in a rewrite counted as one), names and counts, names
    and counts weighing more. Two sentences giving different counts, or reporting
    different events ("seized" against "repelled"), report different things, however
    alike their words. (Weekdays do not part them: one outlet dates the attack, another
    the announcement.)
    """
    return _says_same(report_words(a), report_words(b), a, b)


def _says_same(wa: ReportWords, wb: ReportWords, a: str, b: str) -> bool:
    if not wa.words or not wb.words:
        return a.strip() == b.strip()
    if wa.numbers and wb.numbers and not wa.numbers & wb.numbers:
        return False
    if wa.events and wb.events and not wa.events & wb.events:
        return False
    # Names alone ("Iran", "Hezbollah", "Assad") recur through a whole story: two
    # sentences must share what happened too.
    if len((wa.words & wb.words) - wa.names - wa.numbers) < _MIN_SHARED_WORDS:
        return False
    shared = sum(wa.weight(t) for t in wa.words & wb.words)
    total_a = sum(wa.weight(t) for t in wa.words)
    total_b = sum(wb.weight(t) for t in wb.words)
    union = total_a + total_b - shared
    smaller = min(total_a, total_b)
    similarity, containment = shared / union, shared / smaller
    if smaller <= 6:  # subheads, tags: nearly identical or nothing
        return similarity >= 0.75
    if smaller <= _SHORT:  # headlines: a few words in common are chance
        return similarity >= SIMILAR_SHORT
    return similarity >= SIMILAR or (containment >= CONTAINED and similarity >= SIMILAR_CONTAINED)


@cache
def _country_words() -> dict[str, str]:
    """Single-word country names and demonyms -> country id ("Turkish" -> "turkiye")."""
    from briefing.countries import COUNTRIES

    words = {
        name.lower(): country.id
        for country in COUNTRIES
        for name in country.names
        if name.isalpha()
    }
    # What _country_phrases puts for a name of several words.
    words.update((country.id.replace("-", ""), country.id) for country in COUNTRIES)
    return words


@cache
def _country_phrases() -> tuple[re.Pattern[str], dict[str, str]]:
    """Country names of several words ("United Arab Emirates") and the one word each
    becomes, so that it compares with the country's short names ("UAE")."""
    from briefing.countries import COUNTRIES

    token = {
        name: country.id.replace("-", "")
        for country in COUNTRIES
        for name in country.names
        if " " in name
    }
    names = sorted(token, key=len, reverse=True)
    # Case-sensitive: names are capitalised, and an ignore-case alternation is slow.
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    return pattern, token


def _one_word_countries(text: str) -> str:
    pattern, token = _country_phrases()
    return pattern.sub(lambda m: token[m.group()], text)


@lru_cache(maxsize=65_536)  # a wire story's sentences recur across outlets word for word
def restatement_words(text: str) -> frozenset[str]:
    """Content words as a restatement shares them: "Turkish FMs meet" and "the foreign
    ministers of Turkiye will meet" both name turkiye and meet. Acronyms keep their case
    ("IS" the group is not "is"); other words lose common endings."""
    countries = _country_words()
    words = set()
    for word in _WORD.findall(_one_word_countries(text)):
        if len(word) < 2:
            continue  # the "s" of "Syria’s"
        lower = word.lower()
        if lower in countries:
            words.add(countries[lower])
            continue
        if word.isupper():
            words.add(word)
            continue
        if lower not in _STOP_WORDS:
            words.add(_stem(lower) if len(lower) > 4 else lower)
    return frozenset(words)


def _restated_in(
    short: Sentence, bodies: Sequence[tuple[Sentence, frozenset[str]]]
) -> Sentence | None:
    """The body sentence a headline, highlight or subhead restates, if any: the one
    holding most of its words, when that is most of them (and at least two), and
    concerning every actor it names (a line must not join a pane it does not concern).
    `bodies` are the article's body sentences with their `restatement_words`."""
    words = restatement_words(short.text)
    best, best_share = None, 0.0
    for body, body_words in bodies:
        if not set(short.actors) <= set(body.actors):
            continue
        shared = len(words & body_words)
        share = shared / len(words) if words else 0.0
        if shared >= 2 and share > best_share:
            best, best_share = body, share
    return best if best_share >= _RESTATEMENT_SHARE else None


def _candidate_pairs(features: Sequence[ReportWords]) -> Iterable[tuple[int, int]]:
    """Index pairs of sentences worth comparing: those sharing enough words (only
    sentences sharing words are ever compared, so the cost grows with the number of
    near-duplicates, not with the square of the corpus)."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, words in enumerate(features):
        for token in words.words:
            index[token].append(i)
    # A token weighs what it weighs in the first sentence holding it.
    weight = {token: features[members[0]].weight(token) for token, members in index.items()}
    # Shared weight is added up one sentence at a time (with the sentences after it): a
    # table of every pair at once grew with the corpus (100 MB at 1,000 articles).
    for i, words in enumerate(features):
        shared: dict[int, float] = {}
        for token in words.words:
            members = index[token]
            after = bisect_right(members, i)
            if after == len(members):
                continue
            if len(members) <= _COMMON_WORD:
                for j in members[after:]:
                    shared[j] = shared.get(j, 0.0) + weight[token]
            else:
                # One story copied many times, or stock wording: comparing neighbours
                # keeps the cost linear, and copies still chain into one report.
                j = members[after]
                shared[j] = shared.get(j, 0.0) + weight[token]
        for j, total in shared.items():
            if total >= _MIN_SHARED_WEIGHT:
                yield i, j


def restatements(article: AnnotatedArticle) -> tuple[tuple[str, str], ...]:
    """(id, id of the body sentence it restates) for each of an article's headline,
    highlights and subheads that restates one."""
    shorts = [s for s in article.sentences if s.kind in _RESTATING_KINDS]
    if not shorts:
        return ()
    bodies = [(s, restatement_words(s.text)) for s in article.sentences if s.kind == "body"]
    found = []
    for short in shorts:
        body = _restated_in(short, bodies)
        if body is not None:
            found.append((short.id, body.id))
    return tuple(found)


def corroborate(
    articles: Sequence[AnnotatedArticle], known: Mapping[str, ArticleWords] | None = None
) -> Corroboration:
    """Cluster every sentence of every article into reports. `known` holds the
    `article_words` of articles already worked out, by article id; the rest are worked
    out here."""
    known = known or {}
    sentences = [s for article in articles for s in article.sentences]
    features = [
        known[s.article_id].report[s.id] if s.article_id in known else report_words(s.text)
        for s in sentences
    ]
    parent = list(range(len(sentences)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Word-for-word copies (one wire sentence carried by many outlets) join at once, and
    # only the first of them is compared with the rest. Captions describe photos: a
    # matching pair says nothing about events, so they never join a report.
    first_copy: dict[str, int] = {}
    distinct: list[int] = []
    for i, sentence in enumerate(sentences):
        if sentence.kind == "caption":
            continue
        first = first_copy.setdefault(" ".join(_WORD.findall(sentence.text.lower())), i)
        if first == i:
            distinct.append(i)
        else:
            parent[i] = first
    for x, y in _candidate_pairs([features[i] for i in distinct]):
        i, j = distinct[x], distinct[y]
        ri, rj = root(i), root(j)
        if ri != rj and _says_same(features[i], features[j], sentences[i].text, sentences[j].text):
            parent[max(ri, rj)] = min(ri, rj)

    # An article's own headline, highlights and subheads restate its body in fewer
    # words: each joins the body sentence it restates, so no pane says it twice.
    position = {s.id: i for i, s in enumerate(sentences)}
    for article in articles:
        restated = known[article.id].restated if article.id in known else restatements(article)
        for short, body in restated:
            ri, rj = root(position[short]), root(position[body])
            parent[max(ri, rj)] = min(ri, rj)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(sentences)):
        groups[root(i)].append(i)
    reports = []
    report_of: dict[str, Report] = {}
    for first in sorted(groups):
        ids = tuple(sentences[i].id for i in sorted(groups[first]))
        report = Report(id=ids[0], sentence_ids=ids)
        reports.append(report)
        for sid in ids:
            report_of[sid] = report
    return Corroboration(reports=tuple(reports), report_of=report_of)
