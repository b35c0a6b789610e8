"""A report's tolls: read by kind, and the line shows the toll as it stood last."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.annotate.actors import compile_profile
from briefing.model.index import Index
from briefing.model.reports import stated_by
from briefing.model.tolls import toll_counts
from briefing.pipeline import process_document, read_documents, resolve_profile


@pytest.mark.parametrize(
    ("text", "tolls"),
    [
        (
            "The US carried out an airstrike on Yemen's Ras Issa fuel port, killing 38 and "
            "injuring over 100 people, Houthi-controlled media reported.",
            {"dead": 38, "injured": 100},
        ),
        ("Al Masirah TV documented 38 killed and 102 wounded.", {"dead": 38, "injured": 102}),
        ("At least two people were killed and 54 injured.", {"dead": 2, "injured": 54}),
        ("Another 87 people were injured.", {"injured": 87}),
        ("Russian strike on Kyiv kills 12 in biggest attack", {"dead": 12}),
        ("The death toll rose to 1,644 on Saturday.", {"dead": 1644}),
        # Where the toll was counted, between the toll and its verb.
        ("Death toll in Dnipro rises to 19 due to Russian strike.", {"dead": 19}),
        ("The death toll in Port Sudan stood at 12 on Monday.", {"dead": 12}),
        # The numbers of a time phrase count no one.
        ("Two days after the strike killed nine people, talks resumed.", {"dead": 9}),
        ("One of its guards was killed.", {}),
        # Letters ignoring case takes for ASCII ones ("ſ" for "s"): the screen lets them by.
        ("Five soldiers were \u017flain.", {"dead": 5}),
        ("Talks resumed on 12 April.", {}),
    ],
)
def test_tolls_are_read_by_kind(text: str, tolls: dict[str, float]) -> None:
    assert toll_counts(text) == tolls


def _page(day: str, title: str, toll: str, source: str, after: str) -> str:
    return (
        f" date {day} {title}\n\nUS strikes on Yemen's Ras Isa fuel port {toll} on Thursday, "
        f"{source} said.\n\n{after}\n"
    )


PAGES = {
    "a.txt": _page(
        "2025-04-18",
        "US strike on Yemen port",
        "killed at least 33 people and wounded 102 others",
        "Houthi-run media",
        "The strikes were among the deadliest since the campaign began.",
    ),
    "b.txt": _page(
        "2025-04-18",
        "Yemen port strike toll rises",
        "killed at least 74 people and wounded 171 others",
        "Houthi health officials",
        "The Houthis vowed to respond.",
    ),
    # A day earlier, a higher count: the later day's toll is the one standing.
    "c.txt": _page(
        "2025-04-17",
        "US hits Yemen fuel port",
        "killed at least 80 people and wounded 102 others",
        "Houthi-run media",
        "The US military did not comment.",
    ),
}


def _members(folder: Path, pages: dict[str, str]) -> tuple[Index, tuple[str, ...]]:
    """The index of `pages` and the report carrying their first body sentences."""
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    tagger = compile_profile(resolve_profile("gaza-lebanon"))
    docs, problems = read_documents(sorted(str(folder / name) for name in pages))
    assert not problems
    index = Index.of([process_document(doc, f"a{n}", tagger) for n, doc in enumerate(docs)])
    firsts = [s for s in index.sentences.values() if s.text.startswith("US strikes on Yemen")]
    report = index.corroboration.sources(firsts[0].id)
    assert {s.id for s in firsts} <= set(report)  # one report, carried by every page
    return index, tuple(report)


def test_the_line_shows_the_latest_days_highest_toll(tmp_path: Path) -> None:
    index, report = _members(tmp_path, PAGES)
    assert "at least 74 people" in stated_by(index, report).text


def test_a_fragment_does_not_state_the_toll(tmp_path: Path) -> None:
    # Cut off by extraction: its count may be cut off too.
    cut = PAGES["b.txt"].replace(" on Thursday, Houthi health officials said.", "")
    pages = {**PAGES, "b.txt": cut}
    index, report = _members(tmp_path, pages)
    assert "at least 33 people" in stated_by(index, report).text


def test_a_toll_that_drops_a_count_the_line_gave_does_not_state_it(tmp_path: Path) -> None:
    # The line gave the dead and the injured: a later toll of the dead alone would hide
    # the injured.
    later = PAGES["b.txt"].replace(" and wounded 171 others", "")
    index, report = _members(tmp_path, {**PAGES, "b.txt": later})
    assert "at least 33 people" in stated_by(index, report).text
