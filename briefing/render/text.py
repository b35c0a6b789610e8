"""The briefing as plain text, wrapped to a width."""

from __future__ import annotations

import re
import textwrap

from briefing.model import Briefing
from briefing.render.wording import (
    NO_REPORTING,
    actor_counts,
    also_tail,
    fact_tail,
    fact_when,
    markers,
    overview,
    sections,
    settings_line,
    source_fields,
    summary_shortfall,
    unreported,
)
from briefing.safety import clean_text

# What textwrap reads as whitespace (each becomes a space; replaced by a pattern: str.translate
# looks each character of non-ASCII text up in a dict, a tenth of a warm dump), and the other
# characters str.isspace() knows, which textwrap keeps inside words but drops at a line's ends.
_WRAP_SPACE = re.compile("[\t\n\x0b\x0c\r]")
_OTHER_SPACE = re.compile(r"[^\S\t\n\x0b\x0c\r ]")
_SPACES = re.compile(" *")


def fill(text: str, width: int, first: str, rest: str) -> str:
    """`textwrap.fill(text, width, initial_indent=first, subsequent_indent=rest,
    break_long_words=False, break_on_hyphens=False)`, each line cut where the width
    falls rather than built a word at a time (the source list of 10,000 articles was a
    third of a warm dump). Text with other whitespace characters is left to textwrap."""
    # Printable text has no whitespace but spaces (the usual line): nothing to replace.
    if not text.isprintable():
        if _OTHER_SPACE.search(text):
            return textwrap.fill(
                text, width, initial_indent=first, subsequent_indent=rest,
                break_long_words=False, break_on_hyphens=False,
            )  # fmt: skip
        text = _WRAP_SPACE.sub(" ", text.expandtabs())
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

    for heading, briefs in sections(briefing):
        if heading:
            out += ["", heading.upper(), "=" * len(heading)]
        for brief in briefs:
            if not brief.sentence_ids:
                continue  # (named after the others, by `unreported`)
            out.append("")
            title = f"{brief.name}: {actor_counts(briefing, brief)}"
            out += [title, "-" * min(len(title), width)]
            shortfall = summary_shortfall(briefing, brief)
            if brief.summary or shortfall:
                para(f"Summary ({shortfall})" if shortfall else "Summary", rest="  ")
                for line in brief.summary:
                    para(
                        f"{line.text}{fact_tail(line)}{also_tail(line.also)} "
                        f"{markers(briefing, line.sources)}",
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
        silent = unreported(briefs)
        if silent:
            out.append("")
            para(f"{NO_REPORTING}: {silent}.")
    out += ["", "SOURCES", "======="]
    for n, fields in source_fields(briefing):
        para(" | ".join(fields), first=f"[{n}] ")
    return "\n".join(out) + "\n"
