"""What a user can ask of the engine; importing this costs nothing, unlike the engine."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 20_000_000
# sumy's algorithms by their command-line names, each in its own module of
# briefing.summarizers (vectorised reimplementations; edmundson runs sumy's own class).
SUMMARIZERS: tuple[str, ...] = (
    "lex-rank",
    "text-rank",
    "lsa",
    "luhn",
    "edmundson",
    "kl",
    "sum-basic",
    "reduction",
)


@dataclass(frozen=True)
class BriefingOptions:
    profile: str | None = None  # bundled name, user profile name, or a path; None = syria
    summarizer: str = "lex-rank"
    sentences: int = 5
    max_bytes: int = DEFAULT_MAX_BYTES
    use_cache: bool = True
    jobs: int | None = None  # worker processes for large inputs; None = decide by size
    since: str | None = None  # "YYYY-MM-DD": articles published before it are left out
    excluded: frozenset[str] = frozenset()  # input paths the reader left out of the briefing


DEFAULT_OPTIONS = BriefingOptions()
