"""Shown when the engine could not build a briefing at all: the reason, and how to leave."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static


class FailureScreen(Screen):
    BINDINGS = [Binding("q", "quit", "Quit", id="failure.quit")]
    DEFAULT_CSS = """
    FailureScreen #reason { width: auto; max-width: 90%; padding: 1 2; border: round $error; }
    """

    def __init__(self, message: str, status: int) -> None:
        super().__init__()
        self.message = message
        self.status = status

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(
                Content.assemble(
                    ("No briefing could be made\n\n", "bold $error"),
                    self.message,
                    ("\n\nPress q to quit.", "$text-muted"),
                ),
                id="reason",
            )
        yield Footer(compact=True)

    def action_quit(self) -> None:
        self.app.exit(return_code=self.status)
