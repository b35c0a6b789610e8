"""The export dialog: pick a format and a path; the app renders and writes the file.

A path that cannot be written (no such folder, a folder, an input) is said in the dialog,
which stays open with what was typed; only a write that fails later (a full disk) is a
notice after it closed."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from briefing.render.formats import FORMAT_OF_SUFFIX, FORMATS, SUFFIXES
from briefing.render.output import OutputError, Protected, check_writable
from briefing.safety import shown_path


class FormatButton(RadioButton):
    """A radio button marked by its glyph, not by shade alone: every format drew the same
    '●' (under NO_COLOR the unchosen ones dark grey on grey), lost in a copy of the screen,
    to a screen reader or in a terminal without colour."""

    def __init__(self, fmt: str, *, value: bool) -> None:
        super().__init__(fmt, value=value, name=fmt, id=f"format-{fmt}")
        self._mark()

    def _mark(self) -> None:
        self.BUTTON_INNER = "●" if self.value else " "

    def watch_value(self) -> None:
        self._mark()
        super().watch_value()


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    path: Path


def default_export_path(fmt: str, now: datetime | None = None) -> Path:
    """briefing-YYYYMMDD-HHMM.ext in the current directory, or briefing-YYYYMMDD-HHMM-2.ext
    (-3 ...) when that is taken: a second export within the minute replaced the first."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M")
    suffix = SUFFIXES[fmt][0]
    path, copy = Path(f"briefing-{stamp}{suffix}"), 1
    while path.exists():
        copy += 1
        path = Path(f"briefing-{stamp}-{copy}{suffix}")
    return path


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
    ExportScreen #where { width: 100%; color: $text-muted; }
    ExportScreen #problem { width: 100%; color: $error; display: none; }
    ExportScreen #problem.shown { display: block; }
    """

    def __init__(self, protect: Sequence[Protected] = ()) -> None:
        """`protect`: the files the briefing was read from, never to be overwritten."""
        super().__init__()
        self.protect = tuple(protect)
        # The existing file the reader was told of: exporting to it again replaces it.
        self._replacing: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Export the briefing")
            with RadioSet(id="format"):
                for index, fmt in enumerate(FORMATS):
                    yield FormatButton(fmt, value=index == 0)
            yield Input(str(default_export_path("text")), id="path")
            yield Label(id="where", markup=False)
            yield Label(id="problem", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Export", id="export", variant="primary")

    def on_mount(self) -> None:
        path_input = self.query_one("#path", Input)
        path_input.focus()
        self._show_folder(path_input.value)

    def _show_folder(self, value: str) -> None:
        """Where the file goes: a bare name is written in the current directory, which the
        dialog did not say."""
        folder = os.path.dirname(os.path.abspath(Path(value.strip() or ".").expanduser()))
        self.query_one("#where", Label).update(f"in {shown_path(folder)}")

    @property
    def fmt(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.name if pressed and pressed.name else "text"

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        # Keep the typed name, change only the extension to match the format.
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value or default_export_path(self.fmt))
        # A name whose extension already asks for this format stays as typed.
        if FORMAT_OF_SUFFIX.get(path.suffix.lower()) != self.fmt:
            path_input.value = str(path.with_suffix(SUFFIXES[self.fmt][0]))

    def on_input_changed(self, event: Input.Changed) -> None:
        # The name is being mended: what was wrong with the last one no longer applies.
        self.query_one("#problem", Label).remove_class("shown")
        self._replacing = None
        self._show_folder(event.value)
        # And its extension picks the format, as `dump -o` does: a name typed as x.md
        # got plain text.
        fmt = FORMAT_OF_SUFFIX.get(Path(event.value.strip()).suffix.lower())
        if fmt is not None and fmt != self.fmt:
            self.query_one(f"#format-{fmt}", RadioButton).value = True

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
        path = Path(value).expanduser()
        problem = self.query_one("#problem", Label)
        try:
            check_writable(path, protect=self.protect)
        except OutputError as error:
            # The message shows the typed name escaped, like every path (and no markup).
            why = str(error)
            problem.update(why[:1].upper() + why[1:])
            problem.add_class("shown")
            return
        if path.exists() and path != self._replacing:
            # A file of the reader's own (or an earlier export) is replaced only when asked
            # twice: the dialog wrote over it without a word.
            self._replacing = path
            problem.update(f"{shown_path(str(path))} exists: Export again to replace it.")
            problem.add_class("shown")
            return
        # The extension decides (the buttons follow it, a turn later than the key).
        self.dismiss(ExportRequest(FORMAT_OF_SUFFIX.get(path.suffix.lower(), self.fmt), path))

    def action_cancel(self) -> None:
        self.dismiss(None)
