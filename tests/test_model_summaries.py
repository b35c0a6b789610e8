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


def test_a_line_giving_another_count_of_a_key_facts_toll_is_no_summary_line() -> None:
    from briefing.model.types import Fact

    fact = Fact(
        "A Russian ballistic missile struck Kryvyi Rih, killing at least 16 people.",
        "2025-05-06",
        "day",
        None,
        ("a9.s1",),
    )
    lines = [
        # the same day's toll of the attack, counted earlier (a caption printed as text)
        _line(
            1, "At least 14 people are reported killed by the Russian attack on Kryvyi Rih.", False
        ),
        # a toll of another place, and one of another kind: other news
        _line(2, "At least 14 people were killed by a Russian strike on Kharkiv.", False),
        _line(3, "More than 50 people were injured in Kryvyi Rih, the city's mayor said.", False),
        # a count far from the fact's: not one toll
        _line(4, "At least 90 people were killed in Kryvyi Rih since the war began.", False),
        # the toll as it rose: newer than the fact's count
        _line(5, "The death toll in Kryvyi Rih rose to 20, officials said.", False),
    ]
    kept = [line.order for line, _ in summaries.fresh_lines(lines, [fact])]
    assert kept == [2, 3, 4, 5]
    assert [line.order for line, _ in summaries.fresh_lines(lines)] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        # qa-pages13 #18, qa-pages14 #11: what "it", "their" or "this time" is, the sentence
        # before says; or the sentence only announces the next
        ("It was also the last Sudanese military stronghold in western Darfur.", True),
        ("It’s a big blow to Putin’s prestige, as he has tried to shield the public.", True),
        ("Their decision came a week after Trump announced a sanction-free fresh start.", True),
        ("This happened during a massive air attack on Ukraine.", True),
        ("During this time, the building was targeted by a drone from the SDF.", True),
        ("The Syrian army, however, presented a different account.", True),
        # "it" told as an event or a time, a pronoun naming a thing, an account given
        ("It marks the first time RSF attacks have reached the city.", False),
        ("It was the third major city, after Aleppo and Hama, to fall in a week.", False),
        ("This is the fifth attack by the IDF on schools in Gaza since August.", False),
        ("Its military wing, Al Qassam Brigades, denied knowledge of any clashes.", False),
        ("The army gave a different account, saying the RSF attacked first.", False),
    ],
)
def test_a_line_that_needs_the_sentence_before(text: str, needs: bool) -> None:
    assert summaries.needs_the_sentence_before(text) is needs


def test_a_line_that_needs_the_sentence_before_gives_way_to_the_next_report() -> None:
    lines = [
        _line(9, "It was also the last Sudanese military stronghold in western Darfur.", False),
        *LINES,
    ]
    summary = summaries.summarize_lines(lines, "lex-rank", 3)
    assert [line.text for line in summary] == [*NEWS]
