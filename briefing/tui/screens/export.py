"""The export dialog: pick a format and a path; the app renders and writes the file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

FORMATS = {"text": "txt", "markdown": "md", "json": "json"}


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    path: Path


def default_export_path(fmt: str, now: datetime | None = None) -> Path:
    """briefing-YYYYMMDD-HHMM.ext in the current directory."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M")
    return Path(f"briefing-{stamp}.{FORMATS[fmt]}")


class ExportScreen(ModalScreen[ExportRequest | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen #dialog {
        width: 60; max-width: 100%; height: auto; padding: 1 2;
        border: round $primary; background: $surface;
    }
    ExportScreen RadioSet { width: 100%; layout: horizontal; }
    ExportScreen #buttons { height: auto; align-horizontal: right; }
    ExportScreen Button { margin-left: 1; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Export the briefing")
            with RadioSet(id="format"):
                for index, fmt in enumerate(FORMATS):
                    yield RadioButton(fmt, value=index == 0, name=fmt)
            yield Input(str(default_export_path("text")), id="path")
            with Horizontal(id="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Export", id="export", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @property
    def fmt(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.name if pressed and pressed.name else "text"

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        # Keep the typed name, change only the extension to match the format.
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value or default_export_path(self.fmt))
        path_input.value = str(path.with_suffix(f".{FORMATS[self.fmt]}"))

    def on_input_submitted(self) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        value = self.query_one("#path", Input).value.strip()
        if not value:
            self.notify("Name a file to export to.", severity="warning")
            return
        self.dismiss(ExportRequest(self.fmt, Path(value).expanduser()))

    def action_cancel(self) -> None:
        self.dismiss(None)
