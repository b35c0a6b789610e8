"""`o`: hand an article's file to the reader's pager, or an HTML page to the browser."""

from __future__ import annotations

import os
import shlex
import subprocess
import webbrowser
from pathlib import Path

from textual.app import App, SuspendNotSupported

from briefing.extract import Article
from briefing.ingest import STDIN_PATH
from briefing.tui.citations import display_path

HTML_SUFFIXES = (".html", ".htm")
DEFAULT_PAGER = "less"


def open_article(app: App, article: Article) -> None:
    """Suspend the app while $PAGER shows the file (or a browser opens an HTML page; a
    text-mode browser needs the terminal too; with no browser, the pager shows it), then
    come back to where the reader was."""
    path = article.path
    if path == STDIN_PATH or not os.path.isfile(path):
        app.notify(f"No file to open: {display_path(path)}", severity="warning", markup=False)
        return
    # Absolute, so a file named "-x" is never read as an option.
    absolute = Path(path).resolve()
    is_html = path.lower().endswith(HTML_SUFFIXES)
    try:
        with app.suspend():
            browsed = is_html and webbrowser.open(absolute.as_uri())
            if not browsed:
                # No browser (over ssh, on a server): the page's source in the pager
                # beats nothing.
                pager = shlex.split(os.environ.get("PAGER") or DEFAULT_PAGER)
                opened = subprocess.run([*pager, str(absolute)], check=False).returncode == 0
    except SuspendNotSupported:
        app.notify("This terminal cannot be handed to another program.", severity="error")
        return
    except (OSError, ValueError) as error:  # no such pager, or $PAGER cannot be parsed
        app.notify(f"Could not open {display_path(path)}: {error}", severity="error", markup=False)
        return
    if browsed:
        return
    if not opened:
        app.notify(
            f"Could not open {display_path(path)}: the pager failed",
            severity="warning",
            markup=False,
        )
    elif is_html:
        app.notify(
            "No browser found (set $BROWSER): the page was shown in the pager.",
            timeout=4,
            markup=False,
        )
