"""A hanging indent: a lead (bullet, date, source marker) whose text wraps under the text."""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

# Narrower than this, the text would wrap every few words beside the lead: wrap under it.
MIN_TEXT_WIDTH = 24


class Hanging(Visual):
    """`lead` on the first row; `text` beside it, continuation rows aligned under `text`."""

    def __init__(self, lead: Content, text: Content) -> None:
        self.lead = lead
        self.text = text
        self.content = lead + text  # one line, as a reader would copy it

    def __str__(self) -> str:
        return self.content.plain

    def _indent(self, width: int) -> int:
        indent = self.lead.cell_length
        return indent if width - indent >= MIN_TEXT_WIDTH else 0

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        indent = self._indent(width)
        if not indent:
            return self.content.render_strips(width, height, style, options)
        lead = self.lead.render_strips(indent, 1, style, options)[0]
        gap = Strip.blank(indent, style.rich_style)
        rows = self.text.render_strips(width - indent, height, style, options)
        return [Strip.join([lead if n == 0 else gap, row]) for n, row in enumerate(rows)]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        indent = self._indent(width)
        if not indent:
            return self.content.get_height(rules, width)
        return self.text.get_height(rules, width - indent)
