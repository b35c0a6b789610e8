"""The sources screen: every article as a table row; enter opens its extracted text.

The rows sort (`S` cycles the column, a click on a header picks it, `O` reverses), filter
(`f`), and `x` leaves an article out of the briefing, or takes it back (re-briefed either way).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePath

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Footer, Input, Static

from briefing.annotate import AnnotatedArticle
from briefing.model import Briefing
from briefing.render.wording import UNTITLED, published_day
from briefing.tui.citations import MUTED, all_actors, display_path, plural, published_text
from briefing.tui.opener import open_article
from briefing.tui.screens.article import ArticleScreen
from briefing.tui.screens.views import ViewScreen, back_binding
from briefing.tui.widgets import vim_keys

# Column widths that do not depend on the terminal; title and actors share the rest.
FIXED_WIDTHS = {"#": 2, "outlet": 16, "wire": 10, "published": 10, "sent": 4}
# Columns widened to their longest cell: a cut number or date ('~2025-04-…') is unreadable.
WHOLE_CELLS = ("#", "published", "sent")
CELL_PADDING = 2  # DataTable's default: one cell of padding each side
TITLE_SHARE = 0.6
EXCLUDED_KEY = "excluded:"
UNKNOWN = "—"  # a cell the article leaves empty


class VimDataTable(DataTable):
    BINDINGS = [
        Binding("enter", "select_cursor", "Open", id="table.open"),
        *vim_keys("table", ("cursor_down", "cursor_up", "scroll_top", "scroll_bottom")),
    ]


class FilterInput(Input):
    """The filter's words: enter goes back to the table keeping them, escape clears them.
    Its own keys, so the footer says so (it offered 'esc Back' here)."""

    BINDINGS = [
        Binding("enter", "screen.filter_done", "Table", id="sources.filter-done"),
        Binding("escape", "screen.filter_clear", "Clear filter", id="sources.filter-clear"),
    ]


@dataclass(frozen=True)
class Row:
    """One article as the table shows it, and what it sorts and filters by."""

    number: int
    annotated: AnnotatedArticle
    actors: str
    published: str  # '2025-04-18', '~2025-04-18' (estimated) or '' (see `published_day`)

    # Cached: the table reads them for every row on each keystroke of a filter.
    @cached_property
    def cells(self) -> tuple[str, ...]:
        article = self.annotated.article
        return (
            str(self.number),
            article.outlet or UNKNOWN,
            article.wire or UNKNOWN,
            self.published or UNKNOWN,
            str(len(self.annotated.sentences)),
            # An untitled page (a saved text) is told from the others by its file name.
            article.title or PurePath(article.path).name,
            self.actors,
        )

    @cached_property
    def haystack(self) -> str:
        """The cells and the path, lower case, that a filter searches."""
        return " ".join((*self.cells, self.annotated.article.path)).lower()

    def matches(self, words: str) -> bool:
        """Every word of the filter is in one of the cells or the path (any case)."""
        return all(word in self.haystack for word in words.lower().split())


def cell_widths(rows: list[Row]) -> dict[str, int]:
    """The fixed columns' widths their cells ask for, from every article, not the filtered
    ones: typing a filter moves no column. The header's width is added to them when shown."""
    widths = {}
    for index, (name, width) in enumerate(FIXED_WIDTHS.items()):
        cells = [row.cells[index] for row in rows]
        if name in WHOLE_CELLS:
            widths[name] = max([width, *map(len, cells)])
        elif all(cell == UNKNOWN for cell in cells):
            # No article names one (saved texts name no outlet): the titles get the room.
            widths[name] = 0
        else:
            widths[name] = width
    return widths


# Sort keys by column; `S` steps through them in this order. None (unknown) sorts last,
# in either direction.
SORTS: dict[str, Callable[[Row], int | str | tuple[str, str] | None]] = {
    "#": lambda row: row.number,
    # The estimate first (it overrules the page's date), then the page's time breaks ties.
    "published": lambda row: (
        (row.published.removeprefix("~"), row.annotated.article.published or "")
        if row.published
        else None
    ),
    "outlet": lambda row: (row.annotated.article.outlet or "").casefold() or None,
    "title": lambda row: row.annotated.article.title.casefold() or None,
    "sent": lambda row: len(row.annotated.sentences),
}


class SourcesScreen(ViewScreen):
    BINDINGS = [
        back_binding("sources"),
        Binding("S", "next_sort", "Sort", id="sources.sort"),
        Binding("O", "reverse_sort", "Reverse", id="sources.reverse"),
        Binding("f", "filter", "Filter", id="sources.filter"),
        Binding("x", "exclude", "Leave out", id="sources.exclude"),
        # Not in the footer: see line.open-file.
        Binding("o", "open_file", "Open file", show=False, id="sources.open-file"),
    ]
    DEFAULT_CSS = """
    SourcesScreen #sources-title { padding: 0 1; height: 1; }
    SourcesScreen #filter { margin: 0 1; display: none; }
    SourcesScreen.filtering #filter { display: block; }
    SourcesScreen DataTable { height: 1fr; }
    SourcesScreen #row-detail { height: auto; max-height: 8; padding: 0 1; }
    """

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self._set_briefing(briefing)
        self.sort = "#"
        self.descending = False
        self.filter_words = ""
        self._width = 0
        # The row of the article last left out or taken back (its key once the re-brief
        # lands): the cursor goes to it, so that `x` again undoes it.
        self._follow: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="sources-title")
        yield FilterInput(
            placeholder="filter: words in outlet, title, date, actors or path", id="filter"
        )
        yield VimDataTable(cursor_type="row", zebra_stripes=True)
        yield Static(id="row-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.watch(self.app, "briefing", self._briefing_changed, init=False)
        self.query_one(DataTable).focus()

    def _briefing_changed(self, briefing: Briefing | None) -> None:
        if briefing is not None:
            self._set_briefing(briefing)
            self._fill_table()

    def _set_briefing(self, briefing: Briefing) -> None:
        """Show this briefing: its rows and their widths, worked out once for it."""
        self.briefing = briefing
        self._rows = self._all_rows()
        self._cell_widths = cell_widths(self._rows)

    def on_resize(self, event: events.Resize) -> None:
        self._width = event.size.width
        self._fill_table()

    @property
    def excluded(self) -> list[str]:
        return sorted(self.app.options.excluded)

    def _actors(self, annotated: AnnotatedArticle) -> str:
        names = {actor.id: actor.name for actor in all_actors(self.briefing)}
        ids = dict.fromkeys(a for s in annotated.sentences for a in s.actors)
        return ", ".join(names.get(a, a) for a in ids) or UNKNOWN

    def _all_rows(self) -> list[Row]:
        return [
            Row(
                number,
                annotated,
                self._actors(annotated),
                published_day(self.briefing, annotated),
            )
            for number, annotated in enumerate(self.briefing.articles, start=1)
        ]

    def _shown(self, rows: list[Row]) -> list[Row]:
        """The articles shown: filtered, then sorted."""
        shown = [row for row in rows if row.matches(self.filter_words)]
        key = SORTS[self.sort]
        known = [row for row in shown if key(row) is not None]
        return [
            *sorted(known, key=key, reverse=self.descending),
            *(row for row in shown if key(row) is None),
        ]

    def _fill_table(self) -> None:
        if not self._width:
            return
        table = self.query_one(DataTable)
        current = (
            table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if (table.row_count)
            else None
        )
        table.clear(columns=True)
        rows = self._shown(self._rows)
        # The sorted column's header carries an arrow: room for it too.
        widths = {
            name: max(width, len(self._label(name))) for name, width in self._cell_widths.items()
        }
        columns = len(widths) + 2
        free = self._width - sum(widths.values()) - columns * CELL_PADDING - 2
        title_width = max(12, int(free * TITLE_SHARE))
        actors_width = max(8, free - title_width)
        for name, column_width in widths.items():
            table.add_column(self._label(name), width=column_width, key=name)
        table.add_column(self._label("title"), width=title_width, key="title")
        table.add_column("actors", width=actors_width, key="actors")
        title = len(FIXED_WIDTHS)  # the title's cell follows the fixed columns
        for row in rows:
            # Cells are Text, not str: a DataTable parses str cells as markup.
            cells = [Text(cell, no_wrap=True, overflow="ellipsis") for cell in row.cells]
            if not row.annotated.article.title:
                cells[title].stylize("dim")  # a file name, not a title
            table.add_row(*cells, key=row.annotated.article.path)
        for path in self.excluded:
            cells = ("–", "", "", "", "", f"left out: {display_path(path)}", "x takes it back")
            table.add_row(
                *(Text(cell, style="dim", no_wrap=True, overflow="ellipsis") for cell in cells),
                key=EXCLUDED_KEY + path,
            )
        keys = [row.annotated.article.path for row in rows] + [
            EXCLUDED_KEY + p for p in self.excluded
        ]
        for keep in (self._follow, current):
            if keep in keys:
                table.move_cursor(row=keys.index(keep))
                if keep == self._follow:
                    self._follow = None
                break
        if not keys:
            # Nothing left to describe: the last row's detail stayed, of an article not shown.
            self.query_one("#row-detail", Static).update(
                Content.styled(
                    f"No article matches “{self.filter_words}”; esc in the filter clears it.",
                    MUTED,
                )
            )
        self._show_title(len(rows))

    def _label(self, column: str) -> str:
        if column != self.sort:
            return column
        return f"{column} {'▼' if self.descending else '▲'}"

    def _show_title(self, shown: int) -> None:
        total = len(self.briefing.articles)
        count = plural(total, "article") if shown == total else f"{shown} of {total} articles"
        notes = [f"by {self.sort}{', reversed' if self.descending else ''}"]
        if self.filter_words:
            notes.append(f"filter: {self.filter_words}")
        if self.excluded:
            notes.append(f"{len(self.excluded)} left out")
        # The keys are in the footer: the title has room for the filter.
        self.query_one("#sources-title", Static).update(
            Content.assemble((f"Sources: {count}", "bold"), (f" · {' · '.join(notes)}", MUTED))
        )

    def _path_at_cursor(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _article_at(self, key: str | None) -> AnnotatedArticle | None:
        return next((a for a in self.briefing.articles if a.article.path == key), None)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        annotated = self._article_at(str(event.row_key.value))
        detail = self.query_one("#row-detail", Static)
        if annotated is None:
            detail.update(Content.styled("Left out of the briefing; x takes it back.", MUTED))
            return
        article = annotated.article
        detail.update(
            Content.assemble(
                (article.title, "bold") if article.title else (UNTITLED, MUTED),
                "\n",
                (display_path(article.path), MUTED),
                (f" · published {published_text(self.briefing, annotated) or 'unknown'}", MUTED),
                "\n",
                ("actors: ", MUTED),
                self._actors(annotated),
            )
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        annotated = self._article_at(str(event.row_key.value))
        if annotated is not None:
            self.app.push_screen(ArticleScreen(self.briefing, article_id=annotated.id))

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        if column in SORTS:
            # The sorted column's header again reverses it.
            self.descending = not self.descending if column == self.sort else False
            self.sort = column
            self._fill_table()

    def action_next_sort(self) -> None:
        names = list(SORTS)
        self.sort = names[(names.index(self.sort) + 1) % len(names)]
        self.descending = False
        self._fill_table()

    def action_reverse_sort(self) -> None:
        self.descending = not self.descending
        self._fill_table()

    def action_filter(self) -> None:
        self.add_class("filtering")
        self.query_one("#filter", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.filter_words = event.value.strip()
        self._fill_table()

    def action_filter_done(self) -> None:
        self.query_one(DataTable).focus()

    def action_filter_clear(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.remove_class("filtering")
        self.query_one(DataTable).focus()

    def action_exclude(self) -> None:
        key = self._path_at_cursor()
        if key is None:
            return
        path = key.removeprefix(EXCLUDED_KEY)
        if key == path and len(self.briefing.articles) == 1:
            self.notify("The only article cannot be left out.", severity="warning")
            return
        self.app.toggle_excluded(path)
        self._follow = EXCLUDED_KEY + path if path in self.app.options.excluded else path
        self._fill_table()

    def action_open_file(self) -> None:
        annotated = self._article_at(self._path_at_cursor())
        if annotated is not None:
            open_article(self.app, annotated.article)
