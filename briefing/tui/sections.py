"""Every view's bindings by section: what help lists and the ids a [keymap] may name.

Imported when help opens or a keymap is checked, not at start: it needs every view's
class, and the first screen needs only the main one.
"""

from __future__ import annotations

from textual.app import App
from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.widgets import DataTable, OptionList, Tabs

from briefing.tui.app import BriefingApp
from briefing.tui.screens.article import ArticleScreen
from briefing.tui.screens.export import ExportScreen
from briefing.tui.screens.failure import FailureScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import ActorList, MainScreen
from briefing.tui.screens.pickers import ActorPicker, DatePrompt
from briefing.tui.screens.search import SearchResults, SearchScreen
from briefing.tui.screens.sources import FilterInput, SourcesScreen, VimDataTable
from briefing.tui.screens.timeline import TimelineScreen
from briefing.tui.screens.views import ViewScreen
from briefing.tui.widgets import SourcedLineList, VimOptionList, VimScroll

# Each section lists its classes' own bindings, so help cannot drift from what the keys
# do: our classes by view, then (folded) the keys of the Textual classes they extend.
HELP_SECTIONS = (
    ("Everywhere", (BriefingApp,)),
    ("Main, article, sources, search, timeline", (ViewScreen,)),
    ("Main screen", (MainScreen, ActorList)),
    ("Lists: actors, lines, timeline, results", (VimOptionList, SourcedLineList)),
    ("Article and help text", (ArticleScreen, VimScroll)),
    ("Sources", (SourcesScreen, VimDataTable, FilterInput)),
    ("Search", (SearchScreen, SearchResults)),
    ("Timeline", (TimelineScreen,)),
    ("Actor and date dialogs", (ActorPicker, DatePrompt)),
    ("Export dialog", (ExportScreen,)),
    ("Help", (HelpScreen,)),
    ("When no briefing could be made", (FailureScreen,)),
)
# Keys Textual's widgets bring (arrows, page up/down, tab): they work, and help keeps
# them folded under one heading.
TEXTUAL_SECTIONS = (
    ("Everywhere", (App, Screen)),
    ("Lists: actors, lines, timeline, results", (OptionList,)),
    ("Article and help text", (ScrollableContainer, Tabs)),
    ("Sources", (DataTable,)),
)
