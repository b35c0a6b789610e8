"""Stage 6 (headless): the briefing model as plain text, Markdown or JSON, and writing it.

Renderers only read the model. Article text was cleaned of control characters at
ingest; paths come from the user and are cleaned here, since they are printed too.

Modules: `wording` (counts, dates and source fields shared by the text and Markdown dumps
and the TUI), `text`, `markdown`, `schema` (the `briefing/1` JSON) with `json_text` (its
fast indented encoding), `formats` (one of them by name) and `output` (atomic writes; not
imported here: only writing needs it).
"""

from importlib import import_module
from typing import Any

# Each public name's module, loaded when the name is first asked for: the view needs only
# the wording, and a text dump only the text renderer (a module's import compiles its
# patterns and its functions' code).
_MODULE_OF = {
    "FORMATS": "formats",
    "render": "formats",
    "render_pieces": "formats",
    "indented_json": "json_text",
    "render_actor_markdown": "markdown",
    "render_markdown": "markdown",
    "SCHEMA": "schema",
    "briefing_json": "schema",
    "render_json": "schema",
    "fill": "text",
    "render_text": "text",
    "also_tail": "wording",
    "date_range": "wording",
    "plural": "wording",
    "summary_shortfall": "wording",
}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str) -> Any:
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
