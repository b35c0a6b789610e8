"""The word-lookup phrase index finds exactly what the old single alternation found."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.annotate.actors import _key
from briefing.annotate.phrase_index import PhraseIndex, PhraseMatch, folded
from briefing.profile import list_profiles, load_profile
from tests.phrase_reference import Alternation

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _phrase_lists() -> list[list[str]]:
    """Every list of phrases a bundled profile makes the tagger look for."""
    lists = []
    for info in list_profiles():
        if info.origin != "bundled":
            continue
        profile = load_profile(info.path)
        tagged = [_key(a) for actor in profile.actors for a in actor.aliases]
        tagged += [_key(p) for a in profile.actors for rule in a.context for p in rule.phrases]
        lists.append(tagged)
        lists += [
            [_key(p) for p in rule.requires_any + rule.unless]
            for actor in profile.actors
            for rule in actor.context
        ]
    return [phrases for phrases in lists if phrases]


def _texts() -> list[str]:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    paths += sorted((SHARED / "extraction-dev" / "pages").glob("*"))[:60]
    paths += sorted((SHARED / "extraction-segments" / "pages").glob("*"))[::40]
    return [path.read_text(encoding="utf-8", errors="replace") for path in paths]


TRICKY = [
    "Anti-Assad fighters and anti-government forces; pro-Assad forces; ASSAD'S army.",
    "Iran-backed Hezbollah's fighters, the Kurds' SDF (SDF) and Russians’ bases.",
    "İran and ıran; U.S.-led, U.S.A. and U.S.'s; al-Sharaa's men; Sharaa_x; x_Sharaa.",
    "Islamic State militants and militants; rebels' and rebeles; Syrian\n\tarmy units.",
    "The Governments' men, the government’s, THE\nREGIMEs; the state of the states.",
]


def test_seeds_and_shared_pages_are_there() -> None:
    assert len(_texts()) > 2


@pytest.mark.parametrize("phrases", _phrase_lists(), ids=lambda p: p[0])
def test_lookup_finds_what_the_alternation_found(phrases: list[str]) -> None:
    index, reference = PhraseIndex(phrases), Alternation(phrases)
    texts = TRICKY + _texts() if len(phrases) > 20 else TRICKY
    for text in texts:
        found = [(m.phrase, m.start, m.end) for m in index.finditer(text)]
        assert found == list(reference.matches(text))
        assert index.search(text) == bool(found)
        # A text folded once for several indexes reads the same.
        assert [(m.phrase, m.start, m.end) for m in index.finditer(folded(text))] == found


def test_a_phrase_opening_with_a_mark_is_found() -> None:
    phrases = ["(sdf)", "rebels"]
    text = "The (SDF) rebels"
    found = [(m.phrase, m.start, m.end) for m in PhraseIndex(phrases).finditer(text)]
    assert found == [("(sdf)", 4, 9), ("rebels", 10, 16)]
    assert found == list(Alternation(phrases).matches(text))


def test_longest_phrase_wins_at_a_word_and_matches_never_overlap() -> None:
    index = PhraseIndex(["militant", "islamic state militants", "state"])
    found = [(m.phrase, m.start) for m in index.finditer("Islamic State militants, a militant")]
    assert found == [("islamic state militants", 0), ("militant", 27)]
    assert [m.phrase for m in PhraseIndex(["assad"]).finditer("anti-Assad, pro-Assad")] == ["assad"]


def test_a_word_is_not_looked_for_where_its_phrases_other_words_are_missing() -> None:
    index = PhraseIndex(["the government", "the regime", "army"])
    assert list(index.finditer("The army and the people.")) == [PhraseMatch("army", 4, 8)]
    # "the" starts only phrases needing "government" or "regime": never searched for.
    assert "the" not in index._places
    found = [m.phrase for m in index.finditer("The army of the governments.")]
    assert found == ["army", "the government"]


def test_word_runs_are_what_the_word_pattern_finds() -> None:
    # The string methods split ASCII text and text of common marks; anything else goes
    # to the regex engine: each gives exactly the runs of word characters.
    import re

    from briefing.annotate.phrase_index import fold
    from briefing.ascii_text import word_runs

    every = re.compile(r"\w+")
    texts = [
        "Assad’s forces — and “rebels” – took al-Bab… (SDF) 1,000 £5 x_y",
        "Ahmad al-Shara’s Syria\xa0said: «no»",
        "Zürich’s café 曲 naïve",
        "",
        " \t\n",
    ]
    texts += [f"a{chr(c)}b {chr(c)}" for c in range(0x3000)]
    # A whole article: split line by line when some line is neither ASCII nor marks.
    texts += [
        "Zürich’s café\nThe “rebels” — 1,000\n曲 naïve\n\nplain words\n",
        "\nİdlib\r\nſtate x_y\n",
    ]
    texts += [f"a{chr(c)}b\nc’d {chr(c)}\ne\n" for c in range(0x3000)]
    for text in texts:
        assert word_runs(text) == every.findall(text), text
    assert word_runs("Assad’s “rebels”") == ["Assad", "s", "rebels"]
    assert fold("The U.S. Army") == "the u.s. army"
    assert fold("İdlib ſtate") == "idlib state"


@given(
    st.lists(
        st.sampled_from(["in", "in2016", "_in", "in_", "ín", "Berlin", "2016", "٣", "ſin", "a"]),
        max_size=12,
    ),
    st.lists(st.sampled_from([" ", "-", "’", "_", "", "é", ", "]), min_size=12, max_size=12),
    st.sets(st.integers(0, 30)),
)
def test_run_starts_are_where_the_word_pattern_finds_the_runs(
    words: list[str], gaps: list[str], chosen: set[int]
) -> None:
    # Runs standing inside longer ones ("in" in "Berlin") and the same run left out before
    # the one asked for are passed over.
    import re

    from briefing.ascii_text import run_starts, word_runs

    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    runs = word_runs(text)
    starts = [m.start() for m in re.finditer(r"\w+", text)]
    places = sorted(n for n in chosen if n < len(runs))
    assert list(run_starts(text, runs, places)) == [starts[n] for n in places]


@given(
    st.lists(
        st.lists(
            st.sampled_from(
                ["ab", "AB", "k", "\u212a", "s", "ſ", "İ", "ı", "i", " ", "\n", "é", "’"]
            ),
            max_size=8,
        ).map("".join),
        max_size=6,
    ),
    st.booleans(),
)
def test_screened_texts_found_at_once_are_those_screened_one_by_one(
    texts: list[str], ignore_case: bool
) -> None:
    # Folded together, the texts hold the words where each does alone (odd cases, line
    # breaks inside a text), and every text the pattern matches in is among them.
    import re

    from briefing.annotate.phrase_index import Screened, fold, joined

    pattern = re.compile(r"(?:ab|k)\W*(?:s|i)", re.IGNORECASE if ignore_case else 0)
    screen = Screened(pattern, ("ab", "k"), ignore_case, also=("s", "i"))
    screened = [fold(text) if ignore_case else text for text in texts]
    holding = screen.holding(joined(texts))
    assert holding == [
        n
        for n, text in enumerate(screened)
        if ("ab" in text or "k" in text) and ("s" in text or "i" in text)
    ]
    assert {n for n, text in enumerate(texts) if pattern.search(text)} <= set(holding)
