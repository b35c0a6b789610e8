"""Shown over everything while the terminal is smaller than the views are laid out for."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static

# The sources table's fixed columns and the main screen's footer need this much room;
# narrower, words would break mid-word.
MIN_SIZE = Size(76, 16)


def too_small(size: Size) -> bool:
    return size.width < MIN_SIZE.width or size.height < MIN_SIZE.height


class TooSmallScreen(ModalScreen[None]):
    """Says how large the terminal must be; the app removes it once it is."""

    DEFAULT_CSS = """
    TooSmallScreen { background: $background; }
    TooSmallScreen #too-small { width: auto; max-width: 100%; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(id="too-small")

    def on_mount(self) -> None:
        self._show_size()

    def on_resize(self) -> None:
        self._show_size()

    def _show_size(self) -> None:
        size = self.app.size
        self.query_one("#too-small", Static).update(
            Content.assemble(
                ("Terminal too small\n", "bold $warning"),
                f"{size.width}×{size.height}; briefing needs {MIN_SIZE.width}×{MIN_SIZE.height}.\n",
                "Enlarge the window, or press ctrl+q to quit.",
            )
        )
