"""Lists shared by the screens: vim-key navigation and lines that open their sources.

(The sources table is the sources screen's own: DataTable is not imported on the way to
the main screen.)
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.visual import Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.tui.citations import SourcedLine


def vim_keys(
    prefix: str, actions: tuple[str, str, str, str], labels: tuple[str, str] = ("First", "Last")
) -> list[Binding]:
    """j/k/g/G bound to a widget's (down, up, first, last) actions, space/b to its pages
    (every scrolling widget has page_down/page_up), ids under `prefix`."""
    down, up, first, last = actions
    first_label, last_label = labels
    return [
        Binding("j", down, "Down", show=False, id=f"{prefix}.down"),
        Binding("k", up, "Up", show=False, id=f"{prefix}.up"),
        Binding("g", first, first_label, show=False, id=f"{prefix}.{first_label.lower()}"),
        Binding("G", last, last_label, show=False, id=f"{prefix}.{last_label.lower()}"),
        Binding("space", "page_down", "Page down", show=False, id=f"{prefix}.page-down"),
        Binding("b", "page_up", "Page up", show=False, id=f"{prefix}.page-up"),
    ]


class VimOptionList(OptionList):
    BINDINGS = vim_keys("list", ("cursor_down", "cursor_up", "first", "last"))

    # A page that ends on headings (disabled) would leave nothing highlighted: stop at
    # the first or last line instead.
    def action_page_up(self) -> None:
        super().action_page_up()
        if self.highlighted is None:
            self.action_first()

    def action_page_down(self) -> None:
        super().action_page_down()
        if self.highlighted is None:
            self.action_last()


class VimScroll(VerticalScroll):
    BINDINGS = vim_keys(
        "text", ("scroll_down", "scroll_up", "scroll_home", "scroll_end"), ("Top", "Bottom")
    )


class SourcedLineList(VimOptionList):
    """Headings and lines; enter (or a click) on a line opens its sources, `c`/`y` copies it."""

    # A reading measure: on a wide terminal (200 columns) a line ran 150 characters and more,
    # hard to follow to the next; no narrower than a 120-column terminal's whole width.
    DEFAULT_CSS = "SourcedLineList { max-width: 120; }"

    BINDINGS = [
        Binding("enter", "select", "Open", id="line.open"),
        Binding("c,y", "copy_line", "Copy", id="line.copy"),
        # Out of the footers (help lists it), as sources.open-file and article.open-file:
        # at 80 columns they pushed Help out.
        Binding("o", "open_file", "Open file", show=False, id="line.open-file"),
    ]

    class Opened(Message):
        def __init__(self, line: SourcedLine, lines: SourcedLineList) -> None:
            super().__init__()
            self.line = line
            self.lines = lines

        @property
        def control(self) -> SourcedLineList:
            return self.lines

    class FileWanted(Message):
        """The reader asked for the file of the line's first source (`o`)."""

        def __init__(self, line: SourcedLine) -> None:
            super().__init__()
            self.line = line

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._sourced: dict[str, SourcedLine] = {}
        self._first_line: int | None = None  # the first openable line's index, by `show`

    def show(self, entries: Iterable[Content | tuple[Visual, SourcedLine]]) -> None:
        """Replace the contents: a bare Content is a heading, a pair is an openable line.
        The cursor stays on its line if that is among them (the facts reversed with `O`, a
        reload), else goes to the first line."""
        kept = self.current_line
        self._sourced = {}
        options: list[Option] = []
        for index, entry in enumerate(entries):
            if isinstance(entry, Content):
                options.append(Option(entry, disabled=True))
                continue
            shown, line = entry
            option_id = f"line-{index}"
            self._sourced[option_id] = line
            options.append(Option(shown, id=option_id))
        self.set_options(options)
        self._first_line = next(
            (i for i, option in enumerate(options) if not option.disabled), None
        )
        same = (i for i, option in enumerate(options) if self._sourced.get(option.id) == kept)
        self.highlighted = next(same, self._first_line) if kept else self._first_line

    def scroll_to_highlight(self, top: bool = False) -> None:
        # On the first line, the headings above it (the actor's name, "Summary") show
        # too: a first line taller than the list was scrolled to, its headings out of view.
        first = self._first_line
        if self.highlighted is not None and first is not None and self.highlighted <= first:
            self.scroll_home(animate=False, immediate=True)
        else:
            super().scroll_to_highlight(top)

    @property
    def current_line(self) -> SourcedLine | None:
        option = self.highlighted_option
        return None if option is None or option.id is None else self._sourced.get(option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id in self._sourced:
            self.post_message(self.Opened(self._sourced[event.option.id], self))

    def action_open_file(self) -> None:
        if self.current_line is not None:
            self.post_message(self.FileWanted(self.current_line))

    def action_copy_line(self) -> None:
        line = self.current_line
        if line is None:
            return
        self.app.copy_to_clipboard(line.copied)
        self.notify(line.brief_citation, title="Copied with its source", markup=False)
