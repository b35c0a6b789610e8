"""A pane's summary: the news first, the background only in the room the news leaves."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

import briefing.model.summaries as summaries
from briefing.annotate import Sentence
from briefing.annotate.dates import DateMention
from briefing.model.lines import Line

NEWS = (
    "Drones struck the main fuel depot in Port Sudan on Tuesday, the Sudanese army said.",
    "The Rapid Support Forces shelled the market in el-Fasher on Monday, killing 12 people.",
    "Army units took the bridge over the Nile north of Khartoum on Sunday, a commander said.",
)
BACKGROUND = (
    "The war between the army and the Rapid Support Forces began in April 2023.",
    "Port Sudan has served as the seat of the army-backed government since then.",
)


def _line(n: int, text: str, background: bool) -> tuple[Line, tuple[str, ...]]:
    sid = f"a{n}.s1"
    day = DateMention("on Tuesday", "2025-05-06", "day", 0, 0) if not background else None
    return (
        Line(
            report=sid,
            sources=(sid,),
            stated=Sentence(sid, f"a{n}", 0, "body", text, ("saf",), ()),
            event=text,
            speaker=None,
            dates=(day,) if day else (),
            reported="2025-05-06",
            wire=None,
            outlets=1,
            background=background,
            order=n,
            subject=True,
        ),
        (),
    )


@pytest.fixture
def ranked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of sentences of each group the summarizer was asked to rank."""
    asked: list[int] = []
    rank = summaries.select_sentences

    def counted(texts: Sequence[str], summarizer: str, count: int) -> list[int]:
        asked.append(len(texts))
        return rank(texts, summarizer, count)

    monkeypatch.setattr(summaries, "select_sentences", counted)
    return asked


LINES = [
    *(_line(n, text, False) for n, text in enumerate(NEWS, 1)),
    *(_line(n, text, True) for n, text in enumerate(BACKGROUND, len(NEWS) + 1)),
]


def test_the_background_is_not_ranked_when_the_news_fills_the_summary(ranked: list[int]) -> None:
    summary = summaries.summarize_lines(LINES, "lex-rank", 2)
    assert [line.background for line in summary] == [False, False]
    assert ranked == [3]  # the news alone


def test_the_background_fills_the_room_the_news_leaves(ranked: list[int]) -> None:
    summary = summaries.summarize_lines(LINES, "lex-rank", 5)
    assert [line.text for line in summary if line.background] == list(BACKGROUND)
    assert len(summary) == 5
    assert ranked == [3, 2]
