"""Search: filter every sentence in the briefing; matches highlighted, n/N to step."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Input, Static

from briefing.annotate import Sentence
from briefing.model import Briefing
from briefing.tui.citations import (
    SourcedLine,
    actor_style,
    all_actors,
    markers_content,
    plural,
    sourced,
)
from briefing.tui.hanging import Hanging
from briefing.tui.screens.views import ViewScreen, back_binding
from briefing.tui.widgets import SourcedLineList

MATCH_STYLE = "bold reverse $accent"
MAX_RESULTS = 500


@dataclass(frozen=True)
class SearchMatches:
    """A search and the lines it found: n/N step through them from any view."""

    query: str
    lines: tuple[SourcedLine, ...]


class SearchResults(SourcedLineList):
    BINDINGS = [
        Binding("n", "cursor_down", "Next", id="search.next"),
        Binding("N", "cursor_up", "Previous", id="search.previous"),
    ]


class SearchScreen(ViewScreen):
    BINDINGS = [back_binding("search")]
    DEFAULT_CSS = """
    SearchScreen #query { margin: 0 1; }
    SearchScreen #count { padding: 0 1; height: 1; }
    SearchScreen SearchResults { height: 1fr; }
    """

    class Searched(Message):
        """A search ran; the app keeps its matches for n/N."""

        def __init__(self, matches: SearchMatches) -> None:
            super().__init__()
            self.matches = matches

    def __init__(self, briefing: Briefing) -> None:
        super().__init__()
        self.briefing = briefing

    def compose(self) -> ComposeResult:
        yield Input(placeholder="search sentences (enter: go to results)", id="query")
        yield Static(id="count", markup=False)
        yield SearchResults(id="results")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#count", Static).update("type to search every sentence")
        # A reload renumbers the sentences: search the new briefing.
        self.watch(self.app, "briefing", self._briefing_changed, init=False)

    def _briefing_changed(self, briefing: Briefing | None) -> None:
        if briefing is not None:
            self.briefing = briefing
            self.run_search(self.query_one("#query", Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(SearchResults).focus()

    def run_search(self, query: str) -> None:
        query = query.strip()
        results = self.query_one(SearchResults)
        count = self.query_one("#count", Static)
        if not query:
            results.show([])
            count.update("type to search every sentence")
            return
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        names = {actor.id: actor.name for actor in all_actors(self.briefing)}
        entries = []
        found = 0
        for annotated in self.briefing.articles:
            for sentence in annotated.sentences:
                if not pattern.search(sentence.text):
                    continue
                found += 1
                # Only the lines shown are drawn: at 1,000 articles a one-letter query
                # matched 38,000 sentences, and drawing them all froze the view for
                # seconds at each key.
                if len(entries) < MAX_RESULTS:
                    entries.append(self._result(pattern, sentence, names))
        results.show(entries)
        self.post_message(self.Searched(SearchMatches(query, tuple(line for _, line in entries))))
        shown_note = f" (first {MAX_RESULTS})" if found > MAX_RESULTS else ""
        matches = "matches" if found == 1 else "match"
        count.update(f"{plural(found, 'sentence')} {matches}{shown_note}")

    def _result(
        self, pattern: re.Pattern[str], sentence: Sentence, names: dict[str, str]
    ) -> tuple[Hanging, SourcedLine]:
        """A matching sentence as a result line: its source, its actors, the matches marked."""
        text = Content(sentence.text)
        for match in pattern.finditer(sentence.text):
            text = text.stylize(MATCH_STYLE, *match.span())
        tags = [
            Content.styled(names.get(a, a), f"bold {actor_style(self.briefing, a)}")
            for a in sentence.actors
        ]
        shown = Hanging(
            markers_content(self.briefing, [sentence.id]) + " ",
            Content.assemble(*([Content(", ").join(tags), ": "] if tags else []), text),
        )
        return shown, sourced(self.briefing, sentence.text, (sentence.id,))
