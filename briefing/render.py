"""Stage 6 (headless): the briefing model as plain text, Markdown or JSON.

Renderers only read the model. Article text was cleaned of control characters at
ingest; paths come from the user and are cleaned here, since they are printed too.
"""

from __future__ import annotations

import gc
import json
import re
import textwrap
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from itertools import repeat
from json.encoder import c_make_encoder, encode_basestring
from typing import Any

from briefing.annotate import AnnotatedArticle
from briefing.model import ActorBrief, Briefing, Fact
from briefing.safety import clean_text, escape_markdown

FORMATS = ("text", "markdown", "json")
SCHEMA = "briefing/1"


def render(briefing: Briefing, fmt: str, width: int = 80) -> str:
    """The whole briefing in one of FORMATS, ending with a newline."""
    if fmt == "json":
        return render_json(briefing)
    return "".join(render_pieces(briefing, fmt, width))


def render_pieces(briefing: Briefing, fmt: str, width: int = 80) -> Iterator[str]:
    """`render`'s text in pieces, to be written as they come: JSON quotes every sentence
    of every article, hundreds of MB at 10,000 articles never held at once."""
    if fmt == "text":
        yield render_text(briefing, width)
    elif fmt == "markdown":
        yield render_markdown(briefing)
    elif fmt == "json":
        yield from _json_pieces(briefing)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


# --- shared wording ----------------------------------------------------------------


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary_shortfall(briefing: Briefing, actor: ActorBrief) -> str | None:
    """Why a summary is shorter than asked: '3 of 5: only 3 distinct reports about this
    actor'; None when it is as long as asked (or the model does not say what was asked)."""
    shown, asked, pool = len(actor.summary), actor.summary_length, actor.summary_reports
    if shown >= asked:
        return None
    if pool <= shown:
        reports = plural(pool, "distinct report")
        beside = "to summarise beside its key facts"
        return f"{shown} of {asked}: only {reports} about this actor {beside}"
    return f"{shown} of {asked}: {briefing.summarizer} chose {shown} of its {pool} distinct reports"


def markers(briefing: Briefing, sources: Iterable[str]) -> str:
    return "".join(f"[{n}]" for n in briefing.source_numbers(sources))


def human_date(value: str) -> str:
    """'2024-12-06' -> '6 December 2024'; '2024-12' -> 'December 2024'; '2016' stays."""
    parts = value.split("-")
    try:
        if len(parts) == 3:
            day = date.fromisoformat(value)
            return f"{day.day} {day:%B %Y}"
        if len(parts) == 2:
            return f"{date(int(parts[0]), int(parts[1]), 1):%B %Y}"
    except ValueError:
        pass
    return value


def overview(briefing: Briefing) -> str:
    """'2 articles from Dawn and The Business Standard, 6 to 7 December 2024'."""
    count = len(briefing.articles)
    line = f"{count} article{'s' if count != 1 else ''}"
    outlets = list(briefing.outlets)
    if outlets:
        named = outlets[0] if len(outlets) == 1 else ", ".join(outlets[:-1]) + " and " + outlets[-1]
        line += f" from {named}"
    span = briefing.date_span
    if span:
        line += f", {date_range(*span)}"
    return line


def date_range(first: str, last: str) -> str:
    """'6–7 December 2024', '30 November to 2 December 2024', '6 December 2024'."""
    if first == last:
        return human_date(first)
    a, b = human_date(first).split(" "), human_date(last).split(" ")
    if len(a) == len(b) == 3 and a[1:] == b[1:]:
        return f"{a[0]}–{b[0]} {a[1]} {a[2]}"
    if len(a) == len(b) == 3 and a[2] == b[2]:
        return f"{a[0]} {a[1]} to {human_date(last)}"
    return f"{human_date(first)} to {human_date(last)}"


def settings_line(briefing: Briefing) -> str:
    return (
        f"Profile: {briefing.profile_name} ({briefing.profile_id}); "
        f"summaries: {briefing.summarizer}, up to {briefing.length} sentences"
    )


def actor_counts(briefing: Briefing, brief: ActorBrief) -> str:
    sentences = len(brief.sentence_ids)
    sources = brief.source_count
    return (
        f"{sentences} sentence{'s' if sentences != 1 else ''} "
        f"in {sources} article{'s' if sources != 1 else ''}"
    )


def fact_when(fact: Fact) -> str:
    """'6 December 2024', or 'reported 6 December 2024' when the text gives no date."""
    if fact.date:
        return human_date(fact.date)
    if fact.reported:
        return f"reported {human_date(fact.reported)}"
    return "undated"


def fact_tail(fact: Fact) -> str:
    return f" ({fact.attribution})" if fact.attribution else ""


def also_tail(also: Iterable[str]) -> str:
    """' (also: Iran, Russia)': the other actors a line names, whose panes it is not in."""
    names = list(also)
    return f" (also: {', '.join(names)})" if names else ""


def _sections(briefing: Briefing) -> list[tuple[str, tuple[ActorBrief, ...]]]:
    sections = [("", briefing.actors)]
    if briefing.other_actors:
        sections.append(("Other actors", briefing.other_actors))
    return sections


def _source_fields(briefing: Briefing) -> list[tuple[int, list[str]]]:
    rows = []
    for n, item in enumerate(briefing.articles, start=1):
        a = item.article
        fields = [a.outlet or "unknown outlet"]
        if a.wire:
            fields.append(a.wire)
        if a.byline:
            fields.append(f"by {a.byline}")
        fields.append(f"“{a.title}”" if a.title else "untitled")
        estimate = briefing.estimated_published.get(item.id)
        if estimate:
            page = f", page says {a.published[:10]}" if a.published else ""
            fields.append(f"~{estimate} (estimated{page})")
        else:
            fields.append(a.published[:10] if a.published else "undated")
        fields.append(clean_text(a.path))
        rows.append((n, fields))
    return rows


# --- text ----------------------------------------------------------------------------

# What textwrap reads as whitespace (each becomes a space), and the other characters
# str.isspace() knows, which textwrap keeps inside words but drops at a line's ends.
_WRAP_SPACE = str.maketrans(dict.fromkeys(map(ord, "\t\n\x0b\x0c\r"), " "))
_OTHER_SPACE = re.compile(r"[^\S\t\n\x0b\x0c\r ]")
_SPACES = re.compile(" *")


def fill(text: str, width: int, first: str, rest: str) -> str:
    """`textwrap.fill(text, width, initial_indent=first, subsequent_indent=rest,
    break_long_words=False, break_on_hyphens=False)`, each line cut where the width
    falls rather than built a word at a time (the source list of 10,000 articles was a
    third of a warm dump). Text with other whitespace characters is left to textwrap."""
    if _OTHER_SPACE.search(text):
        return textwrap.fill(
            text, width, initial_indent=first, subsequent_indent=rest,
            break_long_words=False, break_on_hyphens=False,
        )  # fmt: skip
    text = text.expandtabs().translate(_WRAP_SPACE)
    size, start, lines = len(text), 0, []
    while start < size:
        indent = rest if lines else first
        if lines and text[start] == " ":  # a line after the first starts at a word
            start = _SPACES.match(text, start).end()
            if start == size:
                break
        # The line ends at the last boundary between a run of spaces and a word within
        # the room the indent leaves (textwrap's greedy choice of whole runs).
        limit = start + width - len(indent)
        if limit >= size:
            end = size
        elif limit <= start:
            end = start
        elif text[limit] != " ":
            end = max(text.rfind(" ", start, limit) + 1, start)
        else:
            end = start + len(text[start:limit].rstrip(" "))
        if end == start:  # nothing fits: the run at the start is a line of its own
            if text[start] == " ":
                end = _SPACES.match(text, start).end()
            else:
                found = text.find(" ", start)
                end = size if found < 0 else found
        line = text[start:end].rstrip(" ")  # its trailing spaces dropped
        if line:
            lines.append(indent + line)
        start = end
    return "\n".join(lines)


def render_text(briefing: Briefing, width: int = 80) -> str:
    width = max(width, 40)
    out: list[str] = []

    def para(text: str, first: str = "", rest: str | None = None) -> None:
        out.append(fill(text, width, first, rest if rest is not None else " " * len(first)))

    para(f"BRIEFING: {overview(briefing)}")
    para(settings_line(briefing))
    for problem in briefing.problems:
        para(f"! {clean_text(problem)}", rest="  ")

    for heading, briefs in _sections(briefing):
        if heading:
            out += ["", heading.upper(), "=" * len(heading)]
        for brief in briefs:
            out.append("")
            title = f"{brief.name}: {actor_counts(briefing, brief)}"
            if not brief.sentence_ids:
                para(f"{brief.name}: no reporting in these articles.")
                continue
            out += [title, "-" * min(len(title), width)]
            shortfall = summary_shortfall(briefing, brief)
            if brief.summary or shortfall:
                para(f"Summary ({shortfall})" if shortfall else "Summary", rest="  ")
                for line in brief.summary:
                    para(
                        f"{line.text}{also_tail(line.also)} {markers(briefing, line.sources)}",
                        first="  * ",
                    )
            if brief.facts:
                out.append("Key facts")
                for fact in brief.facts:
                    when = fact_when(fact)
                    para(
                        f"{when}: {fact.text}{fact_tail(fact)}{also_tail(fact.also)} "
                        f"{markers(briefing, fact.sources)}",
                        first="  - ",
                    )
    out += ["", "SOURCES", "======="]
    for n, fields in _source_fields(briefing):
        para(" | ".join(fields), first=f"[{n}] ")
    return "\n".join(out) + "\n"


# --- markdown ------------------------------------------------------------------------


def render_markdown(briefing: Briefing) -> str:
    md = escape_markdown
    out = ["# Briefing", "", md(overview(briefing)) + "  ", md(settings_line(briefing))]
    if briefing.problems:
        out.append("")
        out += [f"> {md(clean_text(problem))}  " for problem in briefing.problems]
    for heading, briefs in _sections(briefing):
        if heading:
            out += ["", f"## {heading}"]
        for brief in briefs:
            out += ["", *_markdown_actor(briefing, brief, "###" if heading else "##")]
    out += ["", "## Sources", "", *_markdown_sources(briefing)]
    return "\n".join(out) + "\n"


def render_actor_markdown(briefing: Briefing, brief: ActorBrief) -> str:
    """One actor's brief and the sources its lines cite, numbered as in the whole briefing."""
    numbers = briefing.source_numbers(brief.cited_sentences)
    out = _markdown_actor(briefing, brief, "##")
    if numbers:
        out += ["", "**Sources**", "", *_markdown_sources(briefing, numbers)]
    return "\n".join(out) + "\n"


def _markdown_cite(briefing: Briefing, sources: Iterable[str]) -> str:
    return "".join(f"\\[{n}\\]" for n in briefing.source_numbers(sources))


def _markdown_actor(briefing: Briefing, brief: ActorBrief, level: str) -> list[str]:
    md = escape_markdown
    if not brief.sentence_ids:
        return [f"{level} {md(brief.name)}", "", "No reporting in these articles."]
    out = [f"{level} {md(brief.name)}", "", f"*{md(actor_counts(briefing, brief))}*"]
    shortfall = summary_shortfall(briefing, brief)
    if brief.summary or shortfall:
        out += ["", f"**Summary** ({md(shortfall)})" if shortfall else "**Summary**", ""]
        out += [
            f"- {md(line.text)} {_markdown_cite(briefing, line.sources)}" for line in brief.summary
        ]
    if brief.facts:
        out += ["", "**Key facts**", ""]
        for fact in brief.facts:
            when = fact_when(fact)
            who = f" *({md(fact.attribution)})*" if fact.attribution else ""
            cite = _markdown_cite(briefing, fact.sources)
            out.append(f"- **{md(when)}**: {md(fact.text)}{who} {cite}")
    return out


def _markdown_sources(briefing: Briefing, numbers: Collection[int] | None = None) -> list[str]:
    """'- \\[1\\] Dawn | ...' per source (all, or those numbered): bracketed like the
    markers, since a list of some sources cannot be a numbered Markdown list."""
    return [
        f"- \\[{n}\\] " + " | ".join(escape_markdown(f) for f in fields)
        for n, fields in _source_fields(briefing)
        if numbers is None or n in numbers
    ]


# --- json ----------------------------------------------------------------------------


def _actor_json(briefing: Briefing, brief: ActorBrief) -> dict[str, Any]:
    return {
        "id": brief.id,
        "name": brief.name,
        "colour": brief.colour,
        "sentence_ids": list(brief.sentence_ids),
        "summary": [
            {
                "text": s.text,
                "sources": list(s.sources),
                "report": s.report,
                "also": list(s.also),
                "background": s.background,
            }
            for s in brief.summary
        ],
        # Why the summary is shorter than asked; null when it is not.
        "summary_shortfall": summary_shortfall(briefing, brief),
        "facts": [
            {
                "text": f.text,
                "date": f.date,
                "precision": f.precision,
                "attribution": f.attribution,
                "reported": f.reported,
                "sources": list(f.sources),
                "report": f.report,
                "also": list(f.also),
                "sentence": f.sentence,
            }
            for f in brief.facts
        ],
    }


def briefing_json(briefing: Briefing) -> dict[str, Any]:
    """The `briefing/1` contract as plain data (names fixed; extra fields allowed)."""
    return {
        **_json_head(briefing),
        "articles": [_article_json(briefing, item) for item in briefing.articles],
        **_json_tail(briefing),
    }


def _json_head(briefing: Briefing) -> dict[str, Any]:
    """The fields before the articles."""
    return {
        "schema": SCHEMA,
        "profile": briefing.profile_id,
        "profile_name": briefing.profile_name,
        "summarizer": briefing.summarizer,
        "sentences_per_summary": briefing.length,
        "problems": [clean_text(p) for p in briefing.problems],
    }


def _article_json(briefing: Briefing, item: AnnotatedArticle) -> dict[str, Any]:
    return {
        "id": item.id,
        "path": clean_text(item.article.path),
        "title": item.article.title,
        "outlet": item.article.outlet,
        "wire": item.article.wire,
        "byline": item.article.byline,
        "published": item.article.published,
        # the day the briefing reads an undated (or misdated) article as of
        "published_estimate": briefing.estimated_published.get(item.id),
        "dateline": item.article.dateline,
        "language": item.article.language,
        "sentences": [
            {
                "id": s.id,
                "text": s.text,
                "kind": s.kind,
                "paragraph": s.paragraph,
                "report": briefing.report_of(s.id),
                "actors": list(s.actors),
                "dates": [
                    {"text": d.text, "value": d.value, "precision": d.precision} for d in s.dates
                ],
            }
            for s in item.sentences
        ],
    }


def _json_tail(briefing: Briefing) -> dict[str, Any]:
    """The fields after the articles."""
    return {
        "actors": [_actor_json(briefing, b) for b in briefing.actors],
        "other_actors": [_actor_json(briefing, b) for b in briefing.other_actors],
    }


def render_json(briefing: Briefing) -> str:
    return "".join(_json_pieces(briefing))


@contextmanager
def _no_collection() -> Iterator[None]:
    """No garbage collection while a piece of JSON is built: the data written is a tree of
    new dicts and lists, freed as soon as it is written, and collection passes would go
    over the whole briefing again and again for nothing (half the render's time at 1,000
    articles)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _json_pieces(briefing: Briefing) -> Iterator[str]:
    """`briefing_json` as json.dumps(indent=2) writes it, an article at a time: the fields
    around the articles written as objects of their own and joined at their braces, each
    article written alone and indented to its depth (JSON text holds no raw line break
    but those indentation puts)."""
    with _no_collection():
        head, tail = indented_json(_json_head(briefing)), indented_json(_json_tail(briefing))
    yield head[: -len("\n}")] + ',\n  "articles": [' + ("" if briefing.articles else "]")
    for n, item in enumerate(briefing.articles):
        with _no_collection():
            article = indented_json(_article_json(briefing, item)).replace("\n", _ARTICLE_BREAK)
        yield ("," if n else "") + _ARTICLE_BREAK + article
    yield ("\n  ]," if briefing.articles else ",") + tail[len("{") :] + "\n"


# An article's line break in the briefing: two levels deep.
_ARTICLE_BREAK = "\n    "


def indented_json(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, the same text several times
    faster. The standard library encodes in C only without indentation; its indenting
    encoder yields every token through a chain of generators (a second per 1,000
    articles). Here the C encoder writes every container holding no other (a sentence,
    a date) in one call, its item separator carrying the line break and indentation of
    the container's depth; only the containers above those are walked in Python."""
    if c_make_encoder is None or type(value) not in _NESTED or not value:
        return json.dumps(value, ensure_ascii=False, indent=2)
    parts: list[str] = []
    try:
        _write_json(value, "\n", parts)
    except _NotPlain:
        return json.dumps(value, ensure_ascii=False, indent=2)  # writes it, or says why not
    return "".join(parts)


class _NotPlain(Exception):
    """A value `indented_json` leaves to `json.dumps`."""


def _not_plain(value: object) -> object:
    raise _NotPlain


# What `_write_json` walks, by exact type (a subclass goes to json.dumps), and the
# values json writes without walking.
_NESTED = (dict, list, tuple)
_SCALARS = frozenset((str, int, float, bool, type(None)))


@cache
def _flat_encoder(newline: str) -> Callable[[Any, int], list[str]]:
    """json's C encoder writing the items of a container whose items open lines with
    `newline` (and hold no non-empty container: those it would write on one line)."""
    assert c_make_encoder is not None
    return c_make_encoder(
        None, _not_plain, encode_basestring, None, ": ", "," + newline, False, False, True
    )


def _write_json(
    value: dict[Any, Any] | list[Any] | tuple[Any, ...], newline: str, parts: list[str]
) -> None:
    """Append a non-empty dict, list or tuple as json writes it indented, `newline`
    opening its lines."""
    inner = newline + "  "
    encode = _flat_encoder(inner)
    is_dict = type(value) is dict
    items = value.values() if is_dict else value
    opening, closing = ("{", "}") if is_dict else ("[", "]")
    for item in items:
        if item and type(item) not in _SCALARS:
            break
    else:  # nothing to indent further: one call to C
        text = "".join(encode(value, 0))
        parts.append(f"{opening}{inner}{text[1:-1]}{newline}{closing}")
        return
    keys = map(_json_key, value) if is_dict else repeat("", len(value))
    glue = opening + inner
    for key, item in zip(keys, items, strict=True):
        if item and type(item) not in _SCALARS:
            if type(item) not in _NESTED:
                raise _NotPlain
            parts.append(glue + key)
            _write_json(item, inner, parts)
        else:
            parts.append(glue + key + "".join(encode(item, 0)))
        glue = "," + inner
    parts.append(newline + closing)


def _json_key(key: object) -> str:
    if type(key) is not str:
        raise _NotPlain  # json writes numbers and None as keys its own way
    return f"{encode_basestring(key)}: "
