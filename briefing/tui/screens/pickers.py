"""Small dialogs the views open: pick an actor, type a date."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from briefing.model import ActorBrief, Briefing
from briefing.tui.citations import MUTED, actor_style, plural
from briefing.tui.widgets import VimOptionList

EVERY_ACTOR = "every-actor"
_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def dialog_css(screen: str) -> str:
    """A dialog box in the middle of the screen, as the export dialog's."""
    return f"""
    {screen} {{ align: center middle; }}
    {screen} > Vertical {{
        width: 60; max-width: 100%; height: auto; max-height: 80%; padding: 1 2;
        border: round $primary; background: $surface;
    }}
    """


class ActorPicker(ModalScreen[str | None]):
    """Dismissed with the chosen actor's id, "" for every actor, None when cancelled."""

    # q too, as it goes back in the views; the date prompt takes q as text.
    BINDINGS = [Binding("q,escape", "cancel", "Cancel", id="actor-picker.cancel")]
    DEFAULT_CSS = dialog_css("ActorPicker") + "ActorPicker OptionList { height: auto; }"

    def __init__(
        self, briefing: Briefing, actors: Sequence[ActorBrief], current: str | None
    ) -> None:
        super().__init__()
        self.briefing = briefing
        self.actors = actors
        self.current = current

    def compose(self) -> ComposeResult:
        options = [Option("Every actor", id=EVERY_ACTOR)]
        options += [
            Option(
                Content.assemble(
                    (actor.name, f"bold {actor_style(self.briefing, actor.id)}"),
                    (f"  {plural(len(actor.facts), 'fact')}", MUTED),
                ),
                id=actor.id,
            )
            for actor in self.actors
        ]
        with Vertical():
            yield Label("Show the facts of")
            yield VimOptionList(*options, id="actor-choice")

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        choices.highlighted = choices.get_option_index(self.current or EVERY_ACTOR)
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        chosen = event.option.id
        self.dismiss("" if chosen == EVERY_ACTOR else chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DatePrompt(ModalScreen[int | None]):
    """Asks for a day, month or year ('2024-12-06', '2024-12', '2024'); dismissed with the
    timeline's entry it finds for it. A day it finds none for is said here, the prompt still
    open."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="date-prompt.cancel")]
    DEFAULT_CSS = dialog_css("DatePrompt") + "DatePrompt #date-problem { color: $error; }"

    def __init__(self, days: Sequence[str], find: Callable[[str], int | None], onward: str) -> None:
        """`days`: the timeline's dated days, in its order; `find`: the entry a typed day
        jumps to, or None; `onward`: where the timeline runs on from a day ("before" when
        newest first, else "after"), for saying it has no fact there."""
        super().__init__()
        self.days = tuple(days)
        self.find = find
        self.onward = onward

    @property
    def example(self) -> str:
        """A day of this timeline (the first one shown), as the field's example."""
        return self.days[0] if self.days else "2024-12-06"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Jump to a date: YYYY-MM-DD, YYYY-MM or YYYY")
            if self.days:
                first, last = min(self.days), max(self.days)
                span = first if first == last else f"{first} to {last}"
                yield Label(Content.styled(f"Dated facts: {span}", MUTED), id="date-span")
            yield Input(placeholder=self.example, id="date")
            yield Label("", id="date-problem")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        day = event.value.strip()
        if not day:
            # The example looks like an answer: an empty one is asked for, not called bad.
            problem = f"Type a date, e.g. {self.example}."
        elif not _DAY.fullmatch(day):
            problem = f"Not a date as YYYY-MM-DD, YYYY-MM or YYYY: {day!r}"
        elif (index := self.find(day)) is not None:
            self.dismiss(index)
            return
        else:
            problem = f"No dated fact on or {self.onward} {day}."
        self.query_one("#date-problem", Label).update(Content(problem))

    def action_cancel(self) -> None:
        self.dismiss(None)
