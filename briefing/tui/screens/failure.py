"""Shown when the engine could not build a briefing at all: the reason, and how to leave."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefing.tui.citations import MUTED


class FailureScreen(Screen):
    """Only the app's own keys work here (quit, help, palette): there is nothing to view.

    Quitting exits with the failure's status (the app keeps the error).
    """

    BINDINGS = [Binding("q", "app.quit", "Quit", id="failure.quit")]
    DEFAULT_CSS = """
    FailureScreen #reason { width: auto; max-width: 90%; padding: 1 2; border: round $error; }
    """

    def __init__(self, message: str, quit_keys: str) -> None:
        """`quit_keys`: the quit binding's keys ("q", or as a keymap moved them)."""
        super().__init__()
        self.message = message
        self.quit_keys = quit_keys

    def compose(self) -> ComposeResult:
        first_key = self.quit_keys.split(",")[0].strip()
        shown_key = self.app.get_key_display(Binding(first_key, "quit"))
        with Middle(), Center():
            yield Static(
                Content.assemble(
                    ("No briefing could be made\n\n", "bold $error"),
                    self.message,
                    (f"\n\nPress {shown_key} to quit.", MUTED),
                ),
                id="reason",
            )
        yield Footer(compact=True)
