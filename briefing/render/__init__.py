"""Stage 6 (headless): the briefing model as plain text, Markdown or JSON, and writing it.

Renderers only read the model. Article text was cleaned of control characters at
ingest; paths come from the user and are cleaned here, since they are printed too.

Modules: `wording` (counts, dates and source fields shared by the text and Markdown dumps
and the TUI), `text`, `markdown`, `schema` (the `briefing/1` JSON) with `json_text` (its
fast indented encoding), `formats` (one of them by name) and `output` (atomic writes; not
imported here: only writing needs it).
"""

from briefing.render.formats import FORMATS, render, render_pieces
from briefing.render.json_text import indented_json
from briefing.render.markdown import render_actor_markdown, render_markdown
from briefing.render.schema import SCHEMA, briefing_json, render_json
from briefing.render.text import fill, render_text
from briefing.render.wording import also_tail, date_range, plural, summary_shortfall

__all__ = [
    "FORMATS",
    "SCHEMA",
    "also_tail",
    "briefing_json",
    "date_range",
    "fill",
    "indented_json",
    "plural",
    "render",
    "render_actor_markdown",
    "render_json",
    "render_markdown",
    "render_pieces",
    "render_text",
    "summary_shortfall",
]
