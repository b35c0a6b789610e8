"""Help: every binding, read from the classes that declare them, so it cannot drift.

Each row also names its binding ids, the names a [keymap] in config.toml uses.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Collapsible, Footer, Static

from briefing.tui.citations import MUTED
from briefing.tui.screens.views import back_binding
from briefing.tui.widgets import VimScroll

HelpSection = tuple[str, Sequence[type[DOMNode]]]


def declared_bindings(sections: Sequence[HelpSection]) -> Iterator[Binding]:
    for _, owners in sections:
        for owner in owners:
            yield from owner.__dict__.get("BINDINGS", [])


def binding_ids(sections: Sequence[HelpSection]) -> set[str]:
    """Every id a keymap can name: those of the bindings help lists."""
    return {binding.id for binding in declared_bindings(sections) if binding.id}


def id_list(ids: Sequence[str]) -> str:
    """The ids as written, a numbered run shortened: 'main.actor-1…9'."""
    numbered = (re.fullmatch(r"(.*\D)\d+", binding_id) for binding_id in ids)
    prefixes = {match[1] if match else None for match in numbered}
    if len(ids) > 2 and len(prefixes) == 1 and None not in prefixes:
        return f"{ids[0]}…{ids[-1].removeprefix(str(prefixes.pop()))}"
    return " ".join(ids)


class HelpScreen(Screen):
    BINDINGS = [back_binding("help")]
    DEFAULT_CSS = """
    HelpScreen VimScroll { padding: 0 1; }
    HelpScreen .help-section { margin-bottom: 1; }
    """

    def __init__(
        self,
        sections: Sequence[HelpSection],
        keymap: Mapping[str, str],
        folded: Sequence[HelpSection] = (),
    ) -> None:
        """`sections`: the app's own keys by view; `folded`: those Textual's widgets
        bring, listed under one collapsed heading."""
        super().__init__()
        self.sections = sections
        self.keymap = keymap
        self.folded = folded

    def compose(self) -> ComposeResult:
        listed: set[str] = set()
        with VimScroll(id="help"):
            yield Static(
                Content.assemble(
                    ("Keys\n", "bold $text-primary"),
                    ("Right: binding ids, to move keys in config.toml's [keymap].", MUTED),
                ),
                classes="help-section",
            )
            # A key of ours in a view (or a priority key anywhere) shadows Textual's.
            ours: dict[str, set[str]] = {}
            for title, owners in self.sections:
                shown, ours[title] = self._section(title, owners, listed)
                yield Static(shown, classes="help-section")
            anywhere = {
                binding.key
                for binding in Binding.make_bindings(declared_bindings(self.sections))
                if binding.priority
            }
            if self.folded:
                with Collapsible(title="Textual's own keys: arrows, page up/down, tab…"):
                    for title, owners in self.folded:
                        shadowed = anywhere | ours.get(title, set())
                        shown, _ = self._section(title, owners, listed, shadowed)
                        yield Static(shown, classes="help-section")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(VimScroll).focus()

    def _section(
        self,
        title: str,
        owners: Sequence[type[DOMNode]],
        listed: set[str],
        shadowed: Collection[str] = (),
    ) -> tuple[Content, set[str]]:
        """The owners' own bindings, except those an earlier section listed (by id) and
        those on `shadowed` keys; and the keys it lists."""
        keys_listed: set[str] = set()
        # Keys with the same description, or the same action, share a row ("? f1  Help",
        # "j ↓  Down"); the first owner's description names it, ours before Textual's.
        rows: dict[str, list[str]] = {}
        row_ids: dict[str, list[str]] = {}
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
                    if binding.system or binding.key in shadowed:
                        continue
                    keys_listed.add(binding.key)
                    description = described.setdefault(
                        binding.action, binding.description or binding.action
                    )
                    keys = rows.setdefault(description, [])
                    key = self.app.get_key_display(binding)
                    if key not in keys:
                        keys.append(key)
                    ids = row_ids.setdefault(description, [])
                    if binding.id and binding.id not in ids:
                        ids.append(binding.id)
        width = max((len(" ".join(keys)) for keys in rows.values()), default=0) + 2
        described_width = max((len(description) for description in rows), default=0) + 2
        lines = [Content.styled(title, "bold $accent")]
        lines += [
            Content.assemble(
                (f"  {' '.join(keys):<{width}}", "bold"),
                f"{description:<{described_width}}" if row_ids[description] else description,
                (id_list(row_ids[description]), MUTED),
            )
            for description, keys in rows.items()
        ]
        return Content("\n").join(lines), keys_listed
