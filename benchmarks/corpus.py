"""Benchmark corpora built from real page dumps, varied the way real news pages vary.

Sources: the bundled seeds and, where present, the extraction-dev pages. The first copy of
each source page is kept as is; further articles recombine body paragraphs across pages,
shift every written date by the same number of days and rename a few recurring names, so
no two articles are the same text while each still reads like a page dump. The wire corpus
repeats the seeds' Reuters story under other outlets' page furniture, as syndication does.
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

from briefing.resources import seed_paths
from briefing.sentences import split_sentences

EXTRACTION_DEV_PAGES = Path(__file__).resolve().parents[2] / "shared/extraction-dev/pages"

# A paragraph this long is article prose; shorter ones are menus, bylines and captions.
_BODY_WORDS = 20
_MONTHS = "|".join(calendar.month_name[1:])
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTHS}) (\d{{1,2}}), (\d{{4}})\b")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}}) ({_MONTHS})(,?) (\d{{4}})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# Paragraphs above a story's first body paragraph that belong to it (headline, byline).
_STORY_HEAD = 4
_BULLET = re.compile(r"^\s*[•☆□*◦·-]", re.MULTILINE)
_NAME = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{3,})\b")


@dataclass(frozen=True)
class SourcePage:
    name: str
    text: str

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split("\n\n")


def source_pages() -> list[SourcePage]:
    """The seeds, then every extraction-dev page found next to the checkout."""
    paths = list(seed_paths())
    if EXTRACTION_DEV_PAGES.is_dir():
        paths += sorted(EXTRACTION_DEV_PAGES.glob("*.txt"))
    return [SourcePage(p.stem, p.read_text(encoding="utf-8")) for p in paths]


def is_body(paragraph: str) -> bool:
    """Prose, not a menu: long, no list bullets, and long lines."""
    lines = paragraph.strip().splitlines()
    words = len(paragraph.split())
    return (
        words >= _BODY_WORDS
        and not _BULLET.search(paragraph)
        and words / max(1, len(lines)) >= _BODY_WORDS / 2
    )


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


class CorpusBuilder:
    """Writes varied articles from the source pages; the same seed gives the same corpus."""

    def __init__(self, pages: Sequence[SourcePage], seed: int = 7) -> None:
        self.pages = list(pages)
        self.seed = seed
        self.body_pool = [p for page in self.pages for p in page.paragraphs if is_body(p)]
        self.name_pool = sorted({n for p in self.body_pool for n in recurring_names(p, 2)})

    def mixed_article(self, number: int) -> str:
        """Article `number`: a source page as is, or recombined, re-dated and renamed."""
        page = self.pages[number % len(self.pages)]
        if number < len(self.pages):
            return page.text
        rng = random.Random(self.seed * 1_000_003 + number)
        paragraphs = []
        for paragraph in page.paragraphs:
            roll = rng.random()
            if is_body(paragraph) and roll < 0.3:
                paragraphs.append(rng.choice(self.body_pool))  # another page's paragraph
            elif not (is_body(paragraph) and roll < 0.4):  # else: dropped
                paragraphs.append(paragraph)
        text = "\n\n".join(paragraphs)
        names = recurring_names("\n".join(p for p in paragraphs if is_body(p)), 3)
        renames = dict(zip(names, rng.sample(self.name_pool, len(names)), strict=True))
        return rename(shift_dates(text, rng.randint(-400, 400)), renames)

    def wire_article(self, number: int) -> str:
        """The seeds' wire story carried by another outlet: inside that outlet's page
        furniture, a day or two later, a few paragraphs cut and one of its own added."""
        rng = random.Random(self.seed * 2_000_003 + number)
        # Both seeds carry one story; its headline and byline sit just above the body.
        before, body, _ = _body_region(self.pages[number % 2].paragraphs)
        story = before[-_STORY_HEAD:] + body
        head, _, tail = _body_region(self.pages[rng.randrange(len(self.pages))].paragraphs)
        kept = [p for p in story if not (is_body(p) and rng.random() < 0.15)]
        kept.insert(rng.randrange(len(kept) + 1), rng.choice(self.body_pool))
        return shift_dates("\n\n".join(head + kept + tail), rng.randint(0, 2))

    def write(self, folder: Path, count: int, *, wire: bool = False) -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        article = self.wire_article if wire else self.mixed_article
        paths = []
        for number in range(count):
            path = folder / f"{number:05d}.txt"
            path.write_text(article(number), encoding="utf-8")
            paths.append(path)
        return paths

    def sentences(self, count: int) -> list[str]:
        """`count` distinct prose sentences: the pages' own first, then re-dated and renamed
        variants (near-duplicates, as in a pile of articles about the same events)."""
        own = [s for p in self.body_pool for s in split_sentences(p) if len(s.split()) >= 5]
        unique = list(dict.fromkeys(own))
        chosen = unique[:count]
        rng = random.Random(self.seed)
        seen = set(chosen)
        for _ in range(50 * count):
            if len(chosen) >= count:
                break
            sentence = rng.choice(unique)
            names = recurring_names(sentence, 2)
            variant = rename(
                shift_dates(sentence, rng.randint(1, 30)),
                dict(zip(names, rng.sample(self.name_pool, len(names)), strict=True)),
            )
            if variant not in seen:
                seen.add(variant)
                chosen.append(variant)
        if len(chosen) < count:
            raise ValueError(f"only {len(chosen)} distinct sentences from the source pages")
        return chosen
