"""Summaries: every sumy algorithm runs offline on our tokenizer and picks real sentences."""

from importlib import import_module

import pytest

from briefing.options import SUMMARIZERS
from briefing.summarize import select_sentences

SENTENCES = [
    "Rebels captured the city of Aleppo after a lightning offensive across the north.",
    "Government forces withdrew from Hama as the rebels advanced south towards Homs.",
    "The weather in the capital was mild for the season, residents said.",
    "Russian jets bombed the bridge at Rastan to slow the rebel advance on Homs.",
    "Thousands of people fled Homs towards the coast, fearing the rebel advance.",
    "Iran said it would send military advisers to support the government in Damascus.",
    "A football match in the capital was postponed, organisers said.",
    "Kurdish-led forces took Deir el-Zor, the government's main foothold in the east.",
]


@pytest.mark.parametrize("name", SUMMARIZERS)
def test_each_algorithm_selects_in_reading_order(name: str) -> None:
    chosen = select_sentences(SENTENCES, name, 3)
    assert len(chosen) == 3
    assert chosen == sorted(chosen)
    assert all(0 <= i < len(SENTENCES) for i in chosen)


def test_short_inputs_are_kept_whole_and_unknown_names_rejected() -> None:
    assert select_sentences(SENTENCES[:2], "lex-rank", 5) == [0, 1]
    assert select_sentences([], "lex-rank", 5) == []
    with pytest.raises(ValueError, match="unknown summarizer"):
        select_sentences(SENTENCES, "gpt", 3)


def test_graph_rankers_prefer_the_central_story_over_asides() -> None:
    # LexRank's 0.1 threshold leaves 8 short sentences nearly unconnected (ties);
    # TextRank's word-overlap graph separates the asides even at this size.
    chosen = {SENTENCES[i] for i in select_sentences(SENTENCES, "text-rank", 3)}
    assert not any("football" in s or "weather" in s for s in chosen)


def test_every_option_name_has_an_algorithm() -> None:
    for name in SUMMARIZERS:  # one module per algorithm, named as on the command line
        assert callable(import_module(f"briefing.summarizers.{name.replace('-', '_')}").scores)
