"""Actor profiles: which actors a briefing is about and how a sentence names them.

A profile is a TOML file (format: docs/profiles.md). Bundled profiles live in
`briefing/profiles/`; a user's own live in `<config dir>/briefing/profiles/` and win over a
bundled one of the same name.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import platformdirs

from briefing.errors import EXIT_PROFILE, BriefingError
from briefing.resources import profiles_dir
from briefing.safe_regex import unsafe_repetition
from briefing.safety import clean_text

DEFAULT_PROFILE = "syria"
# Which profile fits is a ratio of name counts: a spread sample of this many characters
# decides it as well as a thousand whole articles do, at a tenth of the cost.
_SUGGESTION_SAMPLE_CHARS = 400_000

_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_PROFILE_KEYS = ("id", "name", "description", "keywords", "theatre", "actors", "landmarks")
_LANDMARK_KEYS = ("day", "patterns")
_ACTOR_KEYS = ("id", "name", "colour", "aliases", "fallen", "patterns", "context")
_CONTEXT_KEYS = ("phrases", "requires_any", "unless", "after", "before", "undated_after_if")
# Words telling a ruler or a regime gone: an actor's `fallen` phrases after any of them are
# its aliases ("the ousted Syrian regime"), and the model reads "during the former Assad
# regime" as a time, not as what a line is about (`panes`).
GONE_WORDS = tuple("former ousted toppled fallen deposed previous overthrown exiled".split())


class ProfileError(BriefingError):
    """A profile that cannot be found or read; the message names the file and line."""

    status = EXIT_PROFILE


@dataclass(frozen=True)
class ContextRule:
    """Ambiguous phrases ("rebels", "the government") that name an actor only in context."""

    phrases: tuple[str, ...]
    requires_any: tuple[str, ...]  # the article must mention one of these (empty: no need)
    unless: tuple[str, ...]  # ...and the sentence none of these
    # ...and the article is published on or after / before these days ("YYYY-MM-DD"):
    # "the government" is Assad's before 8 December 2024. An undated article is in range.
    after: str | None = None
    before: str | None = None
    # An undated article naming one of these ("interim president", "ousted President") is
    # taken to be from on or after `after`.
    undated_after_if: tuple[str, ...] = ()

    def in_time(self, published: str | None) -> bool:
        day = (published or "")[:10]
        if len(day) < 10:
            return True
        return (self.after is None or day >= self.after) and (
            self.before is None or day < self.before
        )


@dataclass(frozen=True)
class ActorSpec:
    id: str
    name: str
    colour: str  # "#rrggbb"
    aliases: tuple[str, ...]  # case-insensitive phrases
    patterns: tuple[str, ...]  # case-sensitive regular expressions
    context: tuple[ContextRule, ...]


@dataclass(frozen=True)
class Landmark:
    """An event of the conflict's history ("Assad fled to Russia" on 8 December 2024): a
    sentence opening by telling it (`patterns`, matched at its start) in an article
    published well after `day` retells it as background, not as that article's news."""

    day: datetime.date
    patterns: tuple[str, ...]  # case-sensitive regular expressions


@dataclass(frozen=True)
class Profile:
    id: str
    name: str
    description: str
    keywords: tuple[str, ...]  # words that suggest this conflict, for choosing a profile
    actors: tuple[ActorSpec, ...]  # display order
    path: str
    theatre: tuple[str, ...] = ()  # the conflict's own country: never an "other actor"
    landmarks: tuple[Landmark, ...] = ()


@dataclass(frozen=True)
class ProfileInfo:
    id: str
    name: str
    description: str
    path: str
    origin: str  # "bundled" | "user"


def user_profiles_dir() -> Path:
    return platformdirs.user_config_path("briefing") / "profiles"


# After a phrase's last word: a plural or possessive ("rebels", "Assad's", "rebels'"), and
# no word character (a trailing hyphen compound still names the actor: "Iran-backed"; not
# "a Washington-based think tank", which names where it sits).
PHRASE_END = r"(?:['’]s|s['’]?|es|['’])?(?!\w|-based\b)"
_APOSTROPHE = re.compile(r"['’]")


def _phrase_words(phrase: str) -> str:
    """A phrase's words, any whitespace between them; an apostrophe matches a straight or a
    curly one (pages print "Sudan’s army" for the profile's "Sudan's army")."""
    return r"\s+".join(_APOSTROPHE.sub("['’]", re.escape(word)) for word in phrase.split())


def phrase_body(phrase: str) -> str:
    """A phrase without its start boundary: inner spaces match any whitespace; the last
    word may take a plural or possessive ("rebels", "Assad's", "rebels'"); a trailing
    hyphen compound still names the actor ("Iran-backed")."""
    return rf"(?:{_phrase_words(phrase)}){PHRASE_END}"


def load_profile(name_or_path: str | None = None) -> Profile:
    """Load a profile by bare name (user dir, then bundled) or by file path."""
    return _load_file(_find(DEFAULT_PROFILE if name_or_path is None else name_or_path))


def profile_problem(name_or_path: str | None) -> str | None:
    """What is wrong with a profile (its `ProfileError`'s message), or None when it loads."""
    try:
        load_profile(name_or_path)
    except ProfileError as error:
        return str(error)
    return None


def list_profiles() -> list[ProfileInfo]:
    """Every profile a bare name can load, user ones first; broken files say why."""
    infos: list[ProfileInfo] = []
    seen: set[str] = set()
    for origin, folder in (("user", user_profiles_dir()), ("bundled", profiles_dir())):
        for path in _profile_files(folder):
            if path.stem in seen:
                continue
            seen.add(path.stem)
            try:
                profile = _load_file(path)
            except ProfileError as error:
                infos.append(
                    ProfileInfo(path.stem, path.stem, f"unusable: {error}", str(path), origin)
                )
                continue
            infos.append(
                ProfileInfo(profile.id, profile.name, profile.description, str(path), origin)
            )
    return infos


def suggest_profile(texts: Sequence[str], chosen: Profile) -> str | None:
    """A one-line hint when another bundled profile fits the texts far better than `chosen`:
    three times as many of its place names and keywords, at least ten, and in at least a
    third of the articles (not one story about the place among many about other things)."""
    texts = _even_sample(texts, _SUGGESTION_SAMPLE_CHARS)
    chosen_hits = sum(_profile_hits(chosen, texts))
    best: tuple[int, int, Profile] | None = None
    for path in _profile_files(profiles_dir()):
        other = _load_file(path)
        if other.id == chosen.id:
            continue
        per_text = _profile_hits(other, texts)
        hits, spread = sum(per_text), sum(1 for n in per_text if n)
        if best is None or hits > best[0]:
            best = (hits, spread, other)
    if best is None:
        return None
    hits, spread, other = best
    if hits >= 10 and hits >= 3 * chosen_hits and 3 * spread >= len(texts):
        return (
            f"These articles look like {other.name}: {hits} of its place names and keywords "
            f"against {chosen_hits} for {chosen.name}; try --profile {other.id}"
        )
    return None


def _even_sample(texts: Sequence[str], budget: int) -> Sequence[str]:
    """Every k-th text, k chosen so that about `budget` characters remain."""
    total = sum(len(text) for text in texts)
    if total <= budget:
        return texts
    return texts[:: -(-total // budget)]


def _profile_hits(profile: Profile, texts: Sequence[str]) -> list[int]:
    """How many of the profile's place names and keywords each text names."""
    pattern = _names_regex(profile)
    return [len(pattern.findall(text)) for text in texts]


@lru_cache(maxsize=16)
def _names_regex(profile: Profile) -> re.Pattern[str]:
    # The conflict's own places and words only: actors' aliases include names any news
    # carries ("US", "the government"), which would make every tech story look like a war.
    phrases = {*profile.keywords, *profile.theatre}
    # phrases of one length in a fixed order (no two can match at one place): the same
    # pattern in every process, a set's order is not (see `briefing.precompiled`)
    ordered = sorted(sorted(phrases), key=len, reverse=True)
    # One boundary check and a first-letter lookahead before the alternation: tried
    # at every position, per-branch lookbehinds made this 15x slower.
    initials = re.escape(
        "".join(sorted({c for p in ordered for c in (p[0].lower(), p[0].upper())}))
    )
    # The ending once after the alternation rather than in every branch: the same matches
    # (a branch whose ending fails still gives way to the next), a third of the pattern
    # to compile (compiling every bundled profile's was 9 ms of each cold run).
    branches = "|".join(_phrase_words(p) for p in ordered)
    return re.compile(
        rf"(?<!\w)(?<!anti-)(?=[{initials}])(?:{branches}){PHRASE_END}", re.IGNORECASE
    )


def _profile_files(folder: Path) -> list[Path]:
    # Files starting with "_" are shared data (country names), not profiles.
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.toml") if not p.name.startswith("_"))


def _find(name_or_path: str) -> Path:
    if not name_or_path.strip():
        raise ProfileError("empty profile name; see 'briefing profiles' for the names")
    candidate = Path(name_or_path).expanduser()
    if candidate.suffix == ".toml" or len(candidate.parts) > 1:
        if not candidate.is_file():
            raise ProfileError(f"{name_or_path}: no such profile file")
        return candidate
    for folder in (user_profiles_dir(), profiles_dir()):
        path = folder / f"{name_or_path}.toml"
        if path.is_file():
            return path
    known = ", ".join(sorted({p.stem for p in _profile_files(profiles_dir())}))
    raise ProfileError(f"no profile named {name_or_path!r} (bundled: {known})")


def _load_file(path: Path) -> Profile:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(f"{path}: cannot read: {error}") from None
    return _parsed(path, text)


@lru_cache(maxsize=16)
def _parsed(path: Path, text: str) -> Profile:
    # By content: the view checks the profile before it starts and its engine loads it
    # again; the same text is parsed and validated once.
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ProfileError(f"{path}: not valid TOML: {error}") from None
    except RecursionError:
        raise ProfileError(f"{path}: not valid TOML: arrays or tables nested too deeply") from None
    return _Validator(path, text).profile(data)


class _Validator:
    """Turns parsed TOML into a Profile, or a ProfileError pointing at the offending line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.splitlines()

    def fail(self, message: str, line: int | None) -> ProfileError:
        where = f"{self.path}, line {line}" if line else str(self.path)
        return ProfileError(f"{where}: {message}")

    def line_of(self, key: str, start: int = 1) -> int | None:
        """First line at or after `start` (1-based) that sets `key` or opens table `key`."""
        assignment = re.compile(rf"\s*(?:{re.escape(key)}\s*=|\[\[?\s*{re.escape(key)}\s*\])")
        for number in range(start, len(self.lines) + 1):
            if assignment.match(self.lines[number - 1]):
                return number
        return None

    def table_lines(self, table: str, start: int = 1, end: int | None = None) -> list[int]:
        """Lines (1-based) in [start, end) that open an array table: `[[actors]]`."""
        header = re.compile(rf"\s*\[\[\s*{re.escape(table)}\s*\]\]")
        stop = len(self.lines) + 1 if end is None else end
        return [n for n in range(start, stop) if header.match(self.lines[n - 1])]

    def profile(self, data: dict) -> Profile:
        self.unknown_keys(data, _PROFILE_KEYS, 1, "profile")
        profile_id = self.identifier(data, "id", "profile", 1)
        name = self.text(data, "name", 1, required=True)
        actors_data = data.get("actors")
        if not isinstance(actors_data, list) or not actors_data:
            raise self.fail("no [[actors]] tables: a profile needs at least one actor", None)
        starts = self.table_lines("actors")
        actors: list[ActorSpec] = []
        for index, actor_data in enumerate(actors_data):
            start = starts[index] if index < len(starts) else 1
            end = starts[index + 1] if index + 1 < len(starts) else None
            actor = self.actor(actor_data, start, end)
            if any(a.id == actor.id for a in actors):
                raise self.fail(f"duplicate actor id {actor.id!r}", self.line_of("id", start))
            actors.append(actor)
        return Profile(
            id=profile_id,
            name=name,
            description=self.text(data, "description", 1),
            keywords=self.strings(data, "keywords", 1),
            actors=tuple(actors),
            path=str(self.path),
            theatre=self.strings(data, "theatre", 1),
            landmarks=self.landmarks(data.get("landmarks", [])),
        )

    def landmarks(self, data: object) -> tuple[Landmark, ...]:
        if not isinstance(data, list):
            raise self.fail("landmarks must be [[landmarks]] tables", self.line_of("landmarks"))
        starts = self.table_lines("landmarks")
        found = []
        for n, entry in enumerate(data):
            line = starts[n] if n < len(starts) else 1
            if not isinstance(entry, dict):
                raise self.fail("each [[landmarks]] entry must be a table", line)
            self.unknown_keys(entry, _LANDMARK_KEYS, line, "landmark")
            day = self.day(entry, "day", line)
            patterns = self.regexes(entry, "landmark", line)
            if day is None or not patterns:
                raise self.fail("a landmark needs a day and patterns", line)
            found.append(Landmark(datetime.date.fromisoformat(day), patterns))
        return tuple(found)

    def regexes(self, data: dict, owner: str, start: int) -> tuple[str, ...]:
        """The `patterns` of a table: regular expressions that compile and are safe."""
        patterns = self.strings(data, "patterns", start)
        for pattern in patterns:
            try:
                re.compile(pattern)
                slow = unsafe_repetition(pattern)
            except (re.error, RecursionError, OverflowError) as error:
                reason = error if isinstance(error, re.error) else "nested too deeply"
                raise self.fail(
                    f"{owner}: bad regular expression '{pattern}': {reason}",
                    self.line_of("patterns", start),
                ) from None
            if slow:
                raise self.fail(
                    f"{owner}: regular expression '{pattern}' can take exponential "
                    f"time on some text ({slow}); make the inner repeat possessive ('\\w++') "
                    "or atomic ('(?>...)'), or write the alternatives so they cannot overlap",
                    self.line_of("patterns", start),
                )
        return patterns

    def actor(self, data: object, start: int, end: int | None) -> ActorSpec:
        if not isinstance(data, dict):
            raise self.fail("each [[actors]] entry must be a table", start)
        self.unknown_keys(data, _ACTOR_KEYS, start, "actor")
        actor_id = self.identifier(data, "id", "actor", start)
        colour = self.text(data, "colour", start, required=True)
        if not _COLOUR.fullmatch(colour):
            raise self.fail(
                f"actor {actor_id!r}: colour {colour!r} is not of the form #rrggbb",
                self.line_of("colour", start),
            )
        patterns = self.regexes(data, f"actor {actor_id!r}", start)
        context_data = data.get("context", [])
        if not isinstance(context_data, list):
            raise self.fail(
                f"actor {actor_id!r}: context must be [[actors.context]] tables",
                self.line_of("context", start),
            )
        rule_lines = self.table_lines("actors.context", start, end)
        context = tuple(
            self.context(actor_id, rule, rule_lines[n] if n < len(rule_lines) else start)
            for n, rule in enumerate(context_data)
        )
        aliases = self.strings(data, "aliases", start)
        fallen = self.strings(data, "fallen", start)
        aliases += tuple(f"{word} {phrase}" for phrase in fallen for word in GONE_WORDS)
        if not (aliases or patterns or context):
            raise self.fail(
                f"actor {actor_id!r} has no aliases, patterns or context: nothing can name it",
                start,
            )
        return ActorSpec(
            id=actor_id,
            name=self.text(data, "name", start, required=True),
            colour=colour.lower(),
            aliases=aliases,
            patterns=patterns,
            context=context,
        )

    def context(self, actor_id: str, data: object, line: int) -> ContextRule:
        if not isinstance(data, dict):
            raise self.fail(f"actor {actor_id!r}: each context rule must be a table", line)
        self.unknown_keys(data, _CONTEXT_KEYS, line, "context rule")
        phrases = self.strings(data, "phrases", line)
        if not phrases:
            raise self.fail(f"actor {actor_id!r}: a context rule needs phrases", line)
        return ContextRule(
            phrases=phrases,
            requires_any=self.strings(data, "requires_any", line),
            unless=self.strings(data, "unless", line),
            after=self.day(data, "after", line),
            before=self.day(data, "before", line),
            undated_after_if=self.strings(data, "undated_after_if", line),
        )

    def day(self, data: dict, key: str, line: int) -> str | None:
        """A calendar day, written as a TOML date (2024-12-08) or a string."""
        value = data.get(key)
        if value is None:
            return None
        try:
            return datetime.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise self.fail(
                f"{key!r} must be a date like 2024-12-08, not {value!r}", line
            ) from None

    def unknown_keys(self, data: dict, allowed: Sequence[str], start: int, what: str) -> None:
        for key in data:
            if key not in allowed:
                import difflib  # only for a broken profile: a warm run is spared the import

                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                expected = ", ".join(allowed)
                raise self.fail(
                    f"unknown {what} key {key!r}{hint}; expected one of: {expected}",
                    self.line_of(key, start),
                )

    def identifier(self, data: dict, key: str, what: str, start: int) -> str:
        value = self.text(data, key, start, required=True)
        if not _ID.fullmatch(value):
            raise self.fail(
                f"{what} id {value!r} must be lower-case letters, digits, '-' or '_'",
                self.line_of(key, start),
            )
        return value

    def text(self, data: dict, key: str, start: int, *, required: bool = False) -> str:
        if key not in data:
            if required:
                raise self.fail(f"missing {key!r}", start)
            return ""
        value = data[key]
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(f"{key!r} must be a non-empty string", self.line_of(key, start))
        # Names and descriptions reach terminals and documents: no escape sequences, no
        # line breaks.
        return " ".join(clean_text(value).split())

    def strings(self, data: dict, key: str, start: int) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(
                f"{key!r} must be a list of non-empty strings", self.line_of(key, start)
            )
        return tuple(v.strip() for v in value)
