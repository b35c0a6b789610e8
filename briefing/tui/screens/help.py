"""Help: every binding, read from the classes that declare them, so it cannot drift."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefing.tui.widgets import VimScroll

HelpSection = tuple[str, Sequence[type[DOMNode]]]


class HelpScreen(Screen):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="help.back")]
    DEFAULT_CSS = """
    HelpScreen VimScroll { padding: 0 1; }
    HelpScreen .help-section { margin-bottom: 1; }
    """

    def __init__(self, sections: Sequence[HelpSection], keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.sections = sections
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        listed: set[str] = set()
        with VimScroll(id="help"):
            yield Static(Content.styled("Keys", "bold $text-primary"))
            for title, owners in self.sections:
                yield Static(self._section(title, owners, listed), classes="help-section")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(VimScroll).focus()

    def _section(self, title: str, owners: Sequence[type[DOMNode]], listed: set[str]) -> Content:
        """The owners' own bindings, except those an earlier section listed (by id)."""
        # Keys with the same description, or the same action, share a row ("? f1  Help",
        # "j ↓  Down"); the first owner's description names it, ours before Textual's.
        rows: dict[str, list[str]] = {}
        described: dict[str, str] = {}  # action -> its row
        for owner in owners:
            for declared in owner.__dict__.get("BINDINGS", []):
                if declared.id in listed:
                    continue
                if declared.id:
                    listed.add(declared.id)
                # A keymap entry replaces the declared keys, as Textual does when binding.
                remapped = self.keymap.get(declared.id) if declared.id else None
                declared = declared if remapped is None else replace(declared, key=remapped)
                for binding in Binding.make_bindings([declared]):
                    if binding.system:
                        continue
                    description = described.setdefault(
                        binding.action, binding.description or binding.action
                    )
                    keys = rows.setdefault(description, [])
                    key = self.app.get_key_display(binding)
                    if key not in keys:
                        keys.append(key)
        width = max((len(" ".join(keys)) for keys in rows.values()), default=0) + 2
        lines = [Content.styled(title, "bold $accent")]
        lines += [
            Content.assemble((f"  {' '.join(keys):<{width}}", "bold"), description)
            for description, keys in rows.items()
        ]
        return Content("\n").join(lines)
