"""The sources screen: every article as a table row; enter opens its extracted text."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from briefing.model import Briefing
from briefing.tui.citations import all_actors
from briefing.tui.screens.article import ArticleScreen
from briefing.tui.widgets import VimDataTable


class SourcesScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="sources.back"),
        Binding("enter", "open", "Read", id="sources.open"),
    ]
    DEFAULT_CSS = """
    SourcesScreen #sources-title { padding: 0 1; height: 1; }
    SourcesScreen DataTable { height: 1fr; }
    """

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing

    def compose(self) -> ComposeResult:
        yield Static(
            f"Sources: {len(self.briefing.articles)} articles · enter reads one, "
            "d there shows what extraction dropped",
            id="sources-title",
            markup=False,
        )
        yield VimDataTable(cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "outlet", "wire", "published", "title", "sent", "actors")
        names = {actor.id: actor.name for actor in all_actors(self.briefing)}
        for number, annotated in enumerate(self.briefing.articles, start=1):
            article = annotated.article
            actors = dict.fromkeys(a for s in annotated.sentences for a in s.actors)
            # Cells are Text, not str: a DataTable parses str cells as markup.
            table.add_row(
                Text(str(number)),
                Text(article.outlet or "—"),
                Text(article.wire or "—"),
                Text(article.published or "—"),
                Text(article.title, overflow="ellipsis"),
                Text(str(len(annotated.sentences)), justify="right"),
                Text(", ".join(names.get(a, a) for a in actors) or "—"),
                key=annotated.id,
            )
        table.focus()

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
            self.app.push_screen(ArticleScreen(self.briefing, article_id=row_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.push_screen(ArticleScreen(self.briefing, article_id=event.row_key.value))
