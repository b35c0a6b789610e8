"""Command palette entries (Textual's Provider API): actors, summarizer, length, export, theme,
the views, the facts' order, reload and help."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from briefing.options import SUMMARIZERS
from briefing.tui.citations import all_actors, order_label

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

LENGTHS = (3, 5, 7, 10)
Command = tuple[str, Callable[[], object], str]


class BriefingCommands(Provider):
    @property
    def briefing_app(self) -> BriefingApp:
        return cast("BriefingApp", self.app)

    def commands(self) -> Iterator[Command]:
        # Here, not at the top: the export dialog's widgets are not needed to start.
        from briefing.render.formats import FORMATS
        from briefing.tui.screens.export import default_export_path

        app = self.briefing_app
        briefing = app.briefing
        if briefing is None:
            return
        for actor in all_actors(briefing):
            yield (f"Go to actor: {actor.name}", partial(app.go_to_actor, actor.id), "")
        for name in SUMMARIZERS:
            current = " (current)" if name == briefing.summarizer else ""
            yield (
                f"Summarizer: {name}",
                partial(app.rebrief, summarizer=name),
                f"Recompute every summary with {name}{current}",
            )
        for length in LENGTHS:
            current = " (current)" if length == briefing.length else ""
            yield (
                f"Length: {length} sentences",
                partial(app.rebrief, sentences=length),
                f"Summaries of up to {length} sentences{current}",
            )
        for fmt in FORMATS:
            path = default_export_path(fmt)  # (looks on the disk for a free name)
            yield (
                f"Export as {fmt}",
                partial(app.export, fmt, path),
                f"Write {path} in the current directory",
            )
        for theme in app.bundled_theme_names:
            yield (f"Theme: {theme}", partial(setattr, app, "theme", theme), "Switch theme")
        yield ("Open sources", app.action_sources, "Every article, with its extracted text")
        yield ("Open timeline", app.action_timeline, "Every actor's facts by date")
        yield ("Search sentences", app.action_search, "Filter every sentence")
        # The other keys a reader needs the palette to find (O, r, ?), named by what they do.
        other = order_label(not app.newest_first)
        yield (f"Facts {other}", app.action_reverse_facts, f"Key facts and timeline {other} (O)")
        yield ("Reload the articles", app.action_reload, "Read the inputs again, re-brief (r)")
        yield ("Help: every key", app.action_help, "Every binding by view, with its id (?)")

    # Entries name actors found in article text: the palette reads a str as markup (an actor
    # named "Assad [@click=app.quit]q[/]" would quit when clicked), so every entry is Content
    # and every help text is escaped.
    async def discover(self) -> Hits:
        for name, callback, help_text in self.commands():
            yield DiscoveryHit(Content(name), callback, text=name, help=_help(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self.commands():
            score = matcher.match(name)
            if score > 0:
                shown = _highlight(matcher, name)
                yield Hit(score, shown, callback, text=name, help=_help(help_text))


def _help(text: str) -> str | None:
    return escape(text) if text else None


def _highlight(matcher: Matcher, name: str) -> Content:
    """`Matcher.highlight` without reading `name` as markup."""
    content = Content(name)
    _, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class SafeCommandPalette(CommandPalette):
    """Textual's palette, paging only once its list has been laid out.

    OptionList pages by its laid-out lines; between new results and the next layout (ctrl+p
    then PageDown at once) it has none, and raised KeyError: 0 from inside Textual.
    """

    def _action_command_list(self, action: str) -> None:
        if action in ("page_up", "page_down"):
            commands = self.query_one(CommandList)
            if not commands.scrollable_content_region:
                return
        super()._action_command_list(action)
