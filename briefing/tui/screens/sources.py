"""The sources screen: every article as a table row; enter opens its extracted text."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from briefing.annotate import AnnotatedArticle
from briefing.model import Briefing
from briefing.tui.citations import MUTED, all_actors, display_path, plural
from briefing.tui.screens.article import ArticleScreen
from briefing.tui.screens.views import ViewScreen, back_binding
from briefing.tui.widgets import VimDataTable

# Column widths that do not depend on the terminal; title and actors share the rest.
FIXED_WIDTHS = {"#": 2, "outlet": 16, "wire": 10, "published": 10, "sent": 4}
CELL_PADDING = 2  # DataTable's default: one cell of padding each side
TITLE_SHARE = 0.6


class SourcesScreen(ViewScreen):
    BINDINGS = [
        back_binding("sources"),
    ]
    DEFAULT_CSS = """
    SourcesScreen #sources-title { padding: 0 1; height: 1; }
    SourcesScreen DataTable { height: 1fr; }
    SourcesScreen #row-detail { height: auto; max-height: 8; padding: 0 1; }
    """

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing
        self._names = {actor.id: actor.name for actor in all_actors(briefing)}

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(
                (f"Sources: {plural(len(self.briefing.articles), 'article')}", "bold"),
                (" · enter reads one; d there shows what extraction dropped", MUTED),
            ),
            id="sources-title",
        )
        yield VimDataTable(cursor_type="row", zebra_stripes=True)
        yield Static(id="row-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fill_table(event.size.width)

    def _actors(self, annotated: AnnotatedArticle) -> str:
        ids = dict.fromkeys(a for s in annotated.sentences for a in s.actors)
        return ", ".join(self._names.get(a, a) for a in ids) or "—"

    def _fill_table(self, width: int) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        columns = len(FIXED_WIDTHS) + 2
        free = width - sum(FIXED_WIDTHS.values()) - columns * CELL_PADDING - 2
        title_width = max(12, int(free * TITLE_SHARE))
        actors_width = max(8, free - title_width)
        for label, column_width in FIXED_WIDTHS.items():
            table.add_column(label, width=column_width, key=label)
        table.add_column("title", width=title_width, key="title")
        table.add_column("actors", width=actors_width, key="actors")
        for number, annotated in enumerate(self.briefing.articles, start=1):
            article = annotated.article
            # Cells are Text, not str: a DataTable parses str cells as markup.
            cells = (
                str(number),
                article.outlet or "—",
                article.wire or "—",
                (article.published or "—")[:10],
                str(len(annotated.sentences)),
                article.title,
                self._actors(annotated),
            )
            table.add_row(
                *(Text(cell, no_wrap=True, overflow="ellipsis") for cell in cells), key=annotated.id
            )
        table.move_cursor(row=min(row, table.row_count - 1))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        annotated = self.briefing.article(str(event.row_key.value))
        article = annotated.article
        self.query_one("#row-detail", Static).update(
            Content.assemble(
                (article.title, "bold"),
                "\n",
                (display_path(article.path), MUTED),
                (f" · published {article.published or 'unknown'}", MUTED),
                "\n",
                ("actors: ", MUTED),
                self._actors(annotated),
            )
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        article_id = str(event.row_key.value)
        self.app.push_screen(ArticleScreen(self.briefing, article_id=article_id))
