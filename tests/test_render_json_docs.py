"""docs/json.md names every field of the JSON briefing, and only those."""

import json
import re
from pathlib import Path

from briefing.options import BriefingOptions
from briefing.pipeline import build_briefing
from briefing.render import render
from briefing.resources import seeds_dir

DOC = Path(__file__).parent.parent / "docs" / "json.md"


def _documented() -> dict[str, set[str]]:
    """Each '## heading' of the page and the fields its table lists."""
    tables: dict[str, set[str]] = {}
    heading = ""
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:]
        elif found := re.match(r"\| `(\w+)` \|", line):
            tables.setdefault(heading, set()).add(found[1])
    return tables


def test_the_json_doc_names_every_field_written_and_no_other() -> None:
    data = json.loads(render(build_briefing([seeds_dir()], BriefingOptions()), "json"))
    article = data["articles"][0]
    sentence = next(s for a in data["articles"] for s in a["sentences"] if s["dates"])
    actor = next(a for a in data["actors"] if a["summary"] and a["facts"])
    written = {
        "The briefing (top level)": data,
        "Article": article,
        "Sentence": sentence,
        "Date": sentence["dates"][0],
        "Actor": actor,
        "Summary line": actor["summary"][0],
        "Key fact": actor["facts"][0],
    }
    assert {heading: set(fields) for heading, fields in written.items()} == _documented()
    assert data["schema"] == "briefing/1" and '`"briefing/1"`' in DOC.read_text(encoding="utf-8")
