"""Stage 1: read inputs (files, folders, stdin) into decoded documents. Never writes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    """One input file, decoded to text."""

    path: str  # as the user named it ("-" for stdin)
    text: str
    media: str  # "text" or "html"
    sha256: str  # of the raw bytes; the cache key
    encoding: str  # what the bytes were decoded from


@dataclass(frozen=True)
class InputProblem:
    """A path that could not be read or was skipped; reported, never fatal alone."""

    path: str
    message: str
