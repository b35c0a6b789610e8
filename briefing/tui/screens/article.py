"""The article view: one article's text by paragraph, the cited sentence highlighted."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import groupby

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Footer, Static, Tab, Tabs

from briefing.annotate import AnnotatedArticle
from briefing.model import Briefing, article_id_of, cited_articles
from briefing.render.wording import UNTITLED
from briefing.tui.citations import (
    MUTED,
    also_content,
    article_label,
    citation,
    display_path,
    plural,
    published_text,
)
from briefing.tui.opener import open_article
from briefing.tui.screens.views import ViewScreen, back_binding
from briefing.tui.widgets import VimScroll

CITED_STYLE = "bold on $cited-background"
# The cited sentence sits this far down the view, its paragraph's context above it.
CITED_AT = 1 / 3


def article_meta(briefing: Briefing, article: AnnotatedArticle) -> Content:
    """'Dawn · Agencies · published 2024-12-07T10:14 · BEIRUT · path'; a day the model
    estimates as the dump shows it ('published ~2025-04-18 (estimated)')."""
    a = article.article
    credit = " · ".join(filter(None, (a.wire, f"by {a.byline}" if a.byline else None)))
    parts = [a.outlet or "unknown outlet", credit or "no wire or byline"]
    published = published_text(briefing, article)
    parts.append(f"published {published}" if published else "publication date unknown")
    if a.dateline:
        parts.append(a.dateline)
    parts.append(display_path(a.path))
    return Content.styled(" · ".join(parts), MUTED)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def closest_sentence(briefing: Briefing, sentence_ids: Sequence[str], report: str) -> str | None:
    """The sentence sharing the most words with `report`; the earliest of equals. None
    when its article has none of them: a cached article whose page changed before its
    text was read has no text (its dropped furniture says so)."""
    present = {s.id: s.text for s in briefing.article(article_id_of(sentence_ids[0])).sentences}
    words = _words(report)
    shown = [sid for sid in sentence_ids if sid in present]
    return max(shown, key=lambda sid: len(words & _words(present[sid])), default=None)


class ArticleScreen(ViewScreen):
    """Opened on a line (its source sentences, switchable) or on an article (no citation)."""

    BINDINGS = [
        back_binding("article"),
        Binding("left_square_bracket", "source(-1)", "Prev", id="article.prev-source"),
        Binding("right_square_bracket", "source(1)", "Next", id="article.next-source"),
        Binding("d", "toggle_dropped", "Dropped", id="article.dropped"),
        Binding("c,y", "copy_cited", "Copy", id="article.copy"),
        # Not in the footer: see line.open-file.
        Binding("o", "open_file", "Open file", show=False, id="article.open-file"),
    ]
    DEFAULT_CSS = """
    ArticleScreen #title { padding: 0 1; height: auto; }
    ArticleScreen #meta { padding: 0 1; height: auto; }
    ArticleScreen #also { padding: 0 1; height: auto; }
    ArticleScreen Tabs { height: 2; }
    ArticleScreen #text { height: 1fr; padding: 0 1; }
    /* the lines' reading measure (see SourcedLineList) */
    ArticleScreen .paragraph { margin-bottom: 1; max-width: 118; }
    ArticleScreen #dropped { display: none; }
    ArticleScreen.show-dropped #dropped { display: block; }
    """

    def __init__(
        self,
        briefing: Briefing,
        sources: Sequence[str] = (),
        *,
        report: str = "",
        article_id: str | None = None,
        also: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.briefing = briefing
        self.also = tuple(also)  # the other actors the opened line names
        # One cited sentence per article: the one closest to the line's report (an article
        # may also carry it in a subhead), else the first the line names in it.
        cited = {
            aid: closest_sentence(
                briefing, [sid for sid in sources if sid.startswith(f"{aid}.")], report
            )
            for aid in cited_articles(sources)
        }
        self.sources: tuple[str, ...] = tuple(sid for sid in cited.values() if sid)
        self.article_id = (
            article_id or next(map(article_id_of, self.sources), None) or next(iter(cited))
        )
        self.cited_sentence_id: str | None = self.sources[0] if self.sources else None
        self._paragraph_sentences: dict[str, list] = {}  # paragraph widget id -> sentences

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        yield Static(id="meta")
        if self.also:
            yield Static(also_content(self.briefing, self.also, "The line also names: "), id="also")
        if len(self.sources) > 1:
            numbers = self.briefing.article_numbers()
            yield Tabs(
                *(
                    Tab(
                        Content(
                            f"[{numbers[aid]}] {article_label(self.briefing, aid, short=True)}"
                        ),
                        id=f"source-{aid}",
                    )
                    for aid in cited_articles(self.sources)
                ),
                active=f"source-{self.article_id}",
            )
        yield VimScroll(id="text")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        await self._show_article()

    async def _show_article(self) -> None:
        annotated = self.briefing.article(self.article_id)
        number = self.briefing.article_numbers()[self.article_id]
        title = annotated.article.title
        heading = "bold $text-primary"
        self.query_one("#title", Static).update(
            Content.styled(f"[{number}] {title}", heading)
            if title
            # An untitled page (a saved text) says so, as the dump does, not a bare marker.
            else Content.assemble((f"[{number}] ", heading), (UNTITLED, MUTED))
        )
        self.query_one("#meta", Static).update(article_meta(self.briefing, annotated))
        text = self.query_one("#text", VimScroll)
        await text.remove_children()
        paragraphs = [
            self._paragraph(index, list(sentences))
            for index, sentences in groupby(annotated.sentences, key=lambda s: s.paragraph)
        ]
        dropped_lines = annotated.article.dropped
        if not paragraphs:
            # No text to show (see `closest_sentence`): what its furniture says is why.
            why = Content(" ".join(dropped_lines) or "no text")
            paragraphs = [Static(why, id="no-text", classes="paragraph")]
        dropped_count = plural(len(dropped_lines), "line")
        dropped = Static(
            Content.assemble(
                (f"Dropped as page furniture ({dropped_count})\n", "bold $warning"),
                Content("\n").join(Content(line) for line in dropped_lines)
                if dropped_lines
                else Content.styled("nothing", MUTED),
            ),
            id="dropped",
        )
        await text.mount_all([*paragraphs, dropped])
        text.focus()
        self.call_after_refresh(self._scroll_to_cited)

    def _paragraph(self, index: int, sentences: list) -> Static:
        self._paragraph_sentences[f"p{index}"] = sentences
        content = Content(" ").join(
            Content.styled(s.text, CITED_STYLE)
            if s.id == self.cited_sentence_id
            else Content(s.text)
            for s in sentences
        )
        cited = any(s.id == self.cited_sentence_id for s in sentences)
        classes = f"paragraph {sentences[0].kind}" + (" cited" if cited else "")
        return Static(content, id=f"p{index}", classes=classes)

    def _scroll_to_cited(self) -> None:
        cited = self.query(".cited")
        if not cited:
            return
        paragraph = cited.first(Static)
        text = self.query_one("#text", VimScroll)
        line = paragraph.virtual_region.y + self._cited_line(paragraph)
        text.scroll_to(y=max(0, line - int(text.size.height * CITED_AT)), animate=False)

    def _cited_line(self, paragraph: Static) -> int:
        """The row of `paragraph` on which the cited sentence starts."""
        before = []
        for sentence in self._paragraph_sentences[paragraph.id or ""]:
            if sentence.id == self.cited_sentence_id:
                break
            before.append(sentence.text)
        if not before:
            return 0
        # The text before it, with a word of the cited sentence: that word's row.
        lead = Content(" ".join([*before, "x"]))
        return lead.get_height(paragraph.styles, paragraph.content_region.width) - 1

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Prev/Next are offered (footer, keys) only when there is another source to show.
        return action != "source" or len(self.sources) > 1

    def action_source(self, step: int) -> None:
        tabs = self.query_one(Tabs)
        tabs.action_next_tab() if step > 0 else tabs.action_previous_tab()

    async def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        article_id = (event.tab.id or "").removeprefix("source-")
        if article_id in ("", self.article_id):
            return
        self.article_id = article_id
        self.cited_sentence_id = next(s for s in self.sources if s.startswith(f"{article_id}."))
        await self._show_article()

    def action_toggle_dropped(self) -> None:
        self.toggle_class("show-dropped")
        if self.has_class("show-dropped"):
            self.call_after_refresh(
                self.query_one("#text", VimScroll).scroll_to_widget,
                self.query_one("#dropped"),
                top=True,
                animate=False,
            )

    def action_open_file(self) -> None:
        open_article(self.app, self.briefing.article(self.article_id).article)

    def action_copy_cited(self) -> None:
        if self.cited_sentence_id is None:
            return
        sentence = self.briefing.sentence(self.cited_sentence_id)
        source = citation(self.briefing, [sentence.id])
        self.app.copy_to_clipboard(f"{sentence.text} — {source}")
        # the notice names a page with no outlet by its file's name, not its whole path
        shown = citation(self.briefing, [sentence.id], short=True)
        self.notify(shown, title="Copied with its source", markup=False)
