"""What extraction returns: the article's metadata and its paragraph blocks."""

from __future__ import annotations

from dataclasses import dataclass

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
    wire: str | None  # the wire agency credited: "Reuters", "Agencies", "AFP"
    published: str | None  # ISO date "2024-12-06" or datetime "2024-12-06T17:55"
    dateline: str | None  # "BEIRUT"
    blocks: tuple[Block, ...]
    dropped: tuple[str, ...]  # page furniture lines, kept so a reader can judge the extraction
    language: str = "en"
    byline: str | None = None  # the writers, as the byline names them: "Jane Doe, John Roe"
