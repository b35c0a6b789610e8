"""Benchmark corpora of distinct text, recombined from real page dumps.

Sources: the bundled seeds and the shared data sets next to the checkout (extraction-dev,
extraction-segments, dates-dev pages). A missing data set is reported by `missing_sources`,
never skipped in silence: a corpus built from fewer pages repeats itself, and repeated text
flatters every cache and every join.

*distinct N*: N articles, each a real page's own furniture (menus, captions, related
stories above and below its body) around a body of new sentences. Every body sentence is
a real prose sentence, spliced at a clause break with the tail of another real sentence,
with its names swapped for other pages' names and its dates moved, so that sentences do not
repeat across articles (the builder counts how many repeat; see `CorpusStats`).

*wire N*: many outlets carrying the same reports, as syndication does. There are N / 20
stories (built like a distinct body); each article is one story inside another page's
furniture, a day or two later, a few paragraphs cut and one of the outlet's own added.
"""

from __future__ import annotations

import calendar
import datetime
import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.annotate.sentences import split_sentences
from briefing.resources import seed_paths

SHARED = Path(__file__).resolve().parents[2] / "shared"
# Page folders the corpora are built from, by data set; all are expected to be present.
SOURCE_FOLDERS = {
    "extraction-dev": SHARED / "extraction-dev/pages",
    "extraction-segments": SHARED / "extraction-segments/pages",
    "dates-dev": SHARED / "dates-dev/pages",
}

# A paragraph this long is article prose; shorter ones are menus, bylines and captions.
_BODY_WORDS = 20
_SENTENCE_WORDS = 8
_MONTHS = "|".join(calendar.month_name[1:])
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTHS}) (\d{{1,2}}), (\d{{4}})\b")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}}) ({_MONTHS})(,?) (\d{{4}})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_BULLET = re.compile(r"^\s*[•☆□*◦·-]", re.MULTILINE)
_NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{3,})\b")
# Where a sentence can be cut into a head and a tail that read on from another head.
_CLAUSE_BREAK = re.compile(r", | and | but | after | as | while | when | said | says ")
# English prose: at least this share of its words are these function words.
_ENGLISH_WORDS = frozenset("the a an of to in and is was for on that with as by at from".split())
_ENGLISH_SHARE = 0.2
# Articles per wire story in the wire corpus.
_ARTICLES_PER_STORY = 20


@dataclass(frozen=True)
class SourcePage:
    name: str
    text: str

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n\n")


def missing_sources() -> list[Path]:
    """The shared page folders that are not there (the corpora are poorer without them)."""
    return [folder for folder in SOURCE_FOLDERS.values() if not folder.is_dir()]


def source_pages() -> list[SourcePage]:
    """The seeds, then every page of the shared data sets that are present."""
    paths = list(seed_paths())
    for folder in SOURCE_FOLDERS.values():
        if folder.is_dir():
            paths += sorted(folder.glob("*.txt"))
    return [SourcePage(p.stem, p.read_text(encoding="utf-8", errors="replace")) for p in paths]


def is_body(paragraph: str) -> bool:
    """Prose, not a menu: long, no list bullets, and long lines."""
    lines = paragraph.strip().splitlines()
    words = len(paragraph.split())
    return (
        words >= _BODY_WORDS
        and not _BULLET.search(paragraph)
        and words / max(1, len(lines)) >= _BODY_WORDS / 2
    )


def is_english(text: str) -> bool:
    words = text.lower().split()
    return bool(words) and sum(w in _ENGLISH_WORDS for w in words) / len(words) >= _ENGLISH_SHARE


def shift_dates(text: str, days: int) -> str:
    """Every fully written date moved by `days` (the story happened on another day)."""
    delta = datetime.timedelta(days=days)

    def moved(year: str, month: int, day: str) -> datetime.date | None:
        try:
            return datetime.date(int(year), month, int(day)) + delta
        except (ValueError, OverflowError):
            return None

    def month_day_year(m: re.Match[str]) -> str:
        d = moved(m[3], _month(m[1]), m[2])
        return f"{calendar.month_name[d.month]} {d.day}, {d.year}" if d else m[0]

    def day_month_year(m: re.Match[str]) -> str:
        d = moved(m[4], _month(m[2]), m[1])
        return f"{d.day:02d} {calendar.month_name[d.month]}{m[3]} {d.year}" if d else m[0]

    def iso(m: re.Match[str]) -> str:
        d = moved(m[1], int(m[2]), m[3])
        return d.isoformat() if d else m[0]

    text = _MONTH_DAY_YEAR.sub(month_day_year, text)
    text = _DAY_MONTH_YEAR.sub(day_month_year, text)
    return _ISO_DATE.sub(iso, text)


def _month(name: str) -> int:
    return list(calendar.month_name).index(name)


def _body_region(paragraphs: list[str]) -> tuple[list[str], list[str], list[str]]:
    """A page split into furniture before the article, the article, furniture after."""
    body = [i for i, p in enumerate(paragraphs) if is_body(p)]
    if not body:
        return paragraphs, [], []
    return paragraphs[: body[0]], paragraphs[body[0] : body[-1] + 1], paragraphs[body[-1] + 1 :]


def recurring_names(text: str, count: int) -> list[str]:
    """The capitalised words most often written mid-sentence: people, places, groups."""
    return [name for name, _ in Counter(_NAME.findall(text)).most_common(count)]


def rename(text: str, renames: dict[str, str]) -> str:
    if not renames:
        return text
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, renames)) + r")\b")
    return pattern.sub(lambda m: renames[m[1]], text)


@dataclass
class CorpusStats:
    """How much of what was written repeats: the figure that says the corpus cannot flatter."""

    sentences: int = 0
    distinct: int = 0

    @property
    def distinct_share(self) -> float:
        return self.distinct / self.sentences if self.sentences else 0.0


class CorpusBuilder:
    """Writes articles of distinct text from the source pages; the same seed gives the same
    corpus."""

    def __init__(self, pages: Sequence[SourcePage], seed: int = 7) -> None:
        self.pages = [p for p in pages if any(is_body(x) for x in p.paragraphs)]
        self.seed = seed
        prose = [p for page in self.pages for p in page.paragraphs if is_body(p)]
        english = [p for p in prose if is_english(p)]
        sentences = [
            " ".join(s.split())
            for p in english
            for s in split_sentences(p)
            if len(s.split()) >= _SENTENCE_WORDS
        ]
        self.sentences_pool = list(dict.fromkeys(sentences))
        self.heads: list[str] = []
        self.tails: list[str] = []
        for sentence in self.sentences_pool:
            breaks = [m.start() for m in _CLAUSE_BREAK.finditer(sentence)]
            middle = [b for b in breaks if 0.25 * len(sentence) < b < 0.75 * len(sentence)]
            if middle:
                self.heads.append(sentence[: middle[0]])
                self.tails.append(sentence[middle[0] :])
        self.paragraph_pool = english
        self.seeds_prose = [p for page in self.pages[:2] for p in page.paragraphs if is_body(p)]
        self.name_pool = sorted({n for p in english[:5000] for n in recurring_names(p, 2)})

    def sentence(self, rng: random.Random) -> str:
        """A new sentence: one real sentence's head and another's tail, names swapped."""
        if self.heads and rng.random() < 0.85:
            text = rng.choice(self.heads) + rng.choice(self.tails)
        else:
            text = rng.choice(self.sentences_pool)
        names = recurring_names(text, 2)
        if names and self.name_pool:
            text = rename(text, {n: rng.choice(self.name_pool) for n in names})
        return text

    def body(self, rng: random.Random, paragraphs: int) -> list[list[str]]:
        """Paragraphs of new sentences (each a list of its sentences)."""
        return [[self.sentence(rng) for _ in range(rng.randint(2, 5))] for _ in range(paragraphs)]

    def distinct_article(self, number: int) -> tuple[str, list[str]]:
        """Article `number`: a page's furniture around a body of new sentences, re-dated;
        and the body's sentences."""
        rng = random.Random(self.seed * 1_000_003 + number)
        head, body, tail = _body_region(self.pages[number % len(self.pages)].paragraphs)
        paragraphs = self.body(rng, max(3, min(len(body), 12)))
        text = "\n\n".join(head + [" ".join(p) for p in paragraphs] + tail)
        return shift_dates(text, rng.randint(-400, 400)), [s for p in paragraphs for s in p]

    def wire_article(self, number: int, stories: int) -> tuple[str, list[str]]:
        """One of `stories` wire stories carried by another outlet: inside that outlet's
        furniture, a day or two later, a few paragraphs cut and one of its own added; and
        the story's sentences it carries."""
        story = random.Random(self.seed * 3_000_017 + number % stories)
        headline = self.sentence(story)
        reports = self.body(story, story.randint(6, 12))
        rng = random.Random(self.seed * 2_000_003 + number)
        head, _, tail = _body_region(self.pages[rng.randrange(len(self.pages))].paragraphs)
        kept = [" ".join(p) for p in reports if rng.random() >= 0.15]
        kept.insert(rng.randrange(len(kept) + 1), rng.choice(self.paragraph_pool))
        text = "\n\n".join(head + [headline] + kept + tail)
        return shift_dates(text, rng.randint(0, 2)), [s for p in reports for s in p]

    def write(self, folder: Path, count: int, *, wire: bool = False) -> CorpusStats:
        """`count` articles as files in `folder`, and how many of the body sentences
        written repeat."""
        folder.mkdir(parents=True, exist_ok=True)
        stories = max(1, count // _ARTICLES_PER_STORY)
        seen: set[str] = set()
        stats = CorpusStats()
        for number in range(count):
            if wire:
                text, sentences = self.wire_article(number, stories)
            else:
                text, sentences = self.distinct_article(number)
            (folder / f"{number:05d}.txt").write_text(text, encoding="utf-8")
            stats.sentences += len(sentences)
            seen.update(sentences)
        stats.distinct = len(seen)
        return stats

    def test_sentences(self, count: int, *, one_topic: bool = False) -> list[str]:
        """`count` distinct sentences for the summarizers: drawn from every page, or, for
        `one_topic`, all recombined from one wire story's reports (a dense word graph)."""
        rng = random.Random(self.seed + (1 if one_topic else 0))
        if one_topic:  # the seeds: one war's reports
            base = [s for p in self.seeds_prose for s in split_sentences(p)]
        chosen: dict[str, None] = {}
        for _ in range(50 * count):
            if len(chosen) >= count:
                break
            if one_topic:
                first, second = rng.choice(base), rng.choice(base)
                cut_a = [m.start() for m in _CLAUSE_BREAK.finditer(first)] or [len(first)]
                cut_b = [m.start() for m in _CLAUSE_BREAK.finditer(second)] or [0]
                text = first[: rng.choice(cut_a)] + second[rng.choice(cut_b) :]
                text = shift_dates(text, rng.randint(1, 30))
                if self.name_pool and rng.random() < 0.5:
                    text = rename(text, {n: rng.choice(self.name_pool) for n in
                                         recurring_names(text, 1)})  # fmt: skip
            else:
                text = self.sentence(rng)
            if len(text.split()) >= _SENTENCE_WORDS:
                chosen[text] = None
        if len(chosen) < count:
            raise ValueError(f"only {len(chosen)} distinct sentences from the source pages")
        return list(chosen)
