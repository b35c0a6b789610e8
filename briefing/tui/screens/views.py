"""Keys that move between the briefing's views (search, sources, timeline) from any view,
and back out of them."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen


def view_bindings(*, show: bool) -> list[Binding]:
    """The same keys and ids everywhere; `show` puts them in the footer."""
    return [
        Binding("slash", "app.search", "Search", show=show, id="view.search"),
        Binding("s", "app.sources", "Sources", show=show, id="view.sources"),
        Binding("t", "app.timeline", "Timeline", show=show, id="view.timeline"),
        # The last search's matches, one after another, from wherever the reader is.
        Binding("n", "app.search_step(1)", "Next match", show=False, id="view.next-match"),
        Binding("N", "app.search_step(-1)", "Previous match", show=False, id="view.previous-match"),
    ]


def back_binding(prefix: str) -> Binding:
    """q and esc go back one view; only the main screen's q quits (ctrl+q quits anywhere)."""
    return Binding("q,escape", "app.pop_screen", "Back", id=f"{prefix}.back")


class ViewScreen(Screen):
    """A full-screen view of the briefing (not a dialog): the other views open from here.

    Only the main screen shows these keys in its footer; elsewhere the footer is full
    with the view's own keys, and help lists them.
    """

    BINDINGS = view_bindings(show=False)
