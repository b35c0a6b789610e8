"""The dump's formats: the whole briefing as plain text, Markdown or JSON."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.model import Briefing

# Each format's file suffixes, the first the one a file is named with: a file's suffix asks for
# its format (`dump -o brief.json`, the view's export dialog).
SUFFIXES = {"text": (".txt",), "markdown": (".md", ".markdown"), "json": (".json",)}
FORMATS = tuple(SUFFIXES)
FORMAT_OF_SUFFIX = {suffix: fmt for fmt, suffixes in SUFFIXES.items() for suffix in suffixes}


def render(briefing: Briefing, fmt: str, width: int = 80) -> str:
    """The whole briefing in one of FORMATS, ending with a newline."""
    if fmt == "json":
        from briefing.render.schema import render_json

        return render_json(briefing)
    return "".join(render_pieces(briefing, fmt, width))


def render_pieces(briefing: Briefing, fmt: str, width: int = 80) -> Iterator[str]:
    """`render`'s text in pieces, to be written as they come: JSON quotes every sentence
    of every article, hundreds of MB at 10,000 articles never held at once. Only the
    chosen format's renderer is imported."""
    if fmt == "text":
        from briefing.render.text import render_text

        yield render_text(briefing, width)
    elif fmt == "markdown":
        from briefing.render.markdown import render_markdown

        yield render_markdown(briefing)
    elif fmt == "json":
        from briefing.render.schema import json_pieces

        yield from json_pieces(briefing)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
