"""The sparse LexRank/TextRank must rank exactly as sumy 0.13's pure-Python originals."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from sumy.models.dom import ObjectDocumentModel
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from briefing.ranking import (
    RATING_DECIMALS,
    FastLexRankSummarizer,
    FastTextRankSummarizer,
)
from briefing.resources import seed_paths
from briefing.sentences import SentenceTokenizer

GROUND_TRUTH = Path(__file__).resolve().parents[2] / "shared/extraction-dev/ground-truth.json"
COUNTS = (3, 5, 10)


def parse(text: str) -> ObjectDocumentModel:
    return PlaintextParser.from_string(text, SentenceTokenizer()).document


def configured(summarizer_class: type) -> object:
    summarizer = summarizer_class(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def sumy_lex_rank_scores(document: ObjectDocumentModel) -> list[float]:
    # The body of sumy's LexRankSummarizer.__call__, stopped before the selection.
    sumy = configured(LexRankSummarizer)
    words = [sumy._to_words_set(s) for s in document.sentences]
    matrix = sumy._create_matrix(
        words, sumy.threshold, sumy._compute_tf(words), sumy._compute_idf(words)
    )
    with np.errstate(invalid="ignore"):  # sumy's 0 / 0 on a graph without edges
        return list(sumy.power_method(matrix, sumy.epsilon))


def sumy_text_rank_scores(document: ObjectDocumentModel) -> list[float]:
    ratings = configured(TextRankSummarizer).rate_sentences(document)
    return [ratings[s] for s in document.sentences]


REFERENCES = {
    FastLexRankSummarizer: sumy_lex_rank_scores,
    FastTextRankSummarizer: sumy_text_rank_scores,
}


def _ground_truth_sentences() -> list[str]:
    if not GROUND_TRUTH.exists():
        pytest.skip(f"{GROUND_TRUTH} not present")
    bodies = [page["articleBody"] for page in json.loads(GROUND_TRUTH.read_text()).values()]
    tokenizer = SentenceTokenizer()
    return [s for body in bodies for s in tokenizer.to_sentences(body)]


@pytest.fixture(scope="module")
def documents() -> dict[str, ObjectDocumentModel]:
    sentences = _ground_truth_sentences()
    # Both seeds carry the same Reuters story: many repeated sentences, hence rating ties.
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in seed_paths())
    return {
        "seeds": parse(seeds),
        "pages-50": parse(" ".join(sentences[:50])),
        # A different stretch of pages, so the two generated documents share nothing.
        "pages-200": parse(" ".join(sentences[-200:])),
    }


@pytest.mark.parametrize("fast_class", [FastLexRankSummarizer, FastTextRankSummarizer])
@pytest.mark.parametrize("name", ["seeds", "pages-50", "pages-200"])
def test_same_scores_and_selections_as_sumy(documents, name, fast_class):
    document = documents[name]
    reference = REFERENCES[fast_class](document)
    fast = configured(fast_class)
    scores = fast.sentence_scores(document.sentences)
    assert len(scores) == len(document.sentences) >= 50
    np.testing.assert_allclose(scores, reference, rtol=0, atol=1e-6)
    ratings = dict(zip(document.sentences, reference, strict=True))
    for count in COUNTS:
        # sumy's own selection step applied to sumy's own scores.
        expected = fast._get_best_sentences(document.sentences, count, ratings)
        chosen = fast(document, count)
        assert len(chosen) == count
        assert chosen == expected


@pytest.mark.parametrize("fast_class", [FastLexRankSummarizer, FastTextRankSummarizer])
@pytest.mark.parametrize(
    "text",
    [
        "One lonely sentence here.",
        # Only stop words: every sentence has an empty word list (LexRank: NaN scores).
        "It is what it is. And so on. Was it?",
        # No two sentences share a stem: LexRank's graph has no edges (sumy: NaN scores),
        # TextRank's scores are equal but for float noise.
        "Rebels captured Homs. Markets rallied strongly. Snow blanketed Oslo.",
        # Repeats and one-word sentences (TextRank's log-length norm is zero for a pair).
        "Damascus. Damascus. Fighting spread. Fighting spread near Damascus. Aleppo fell.",
        "Iran sends missiles. Iran sends drones! Russia sends jets? Iran and Russia talk.",
    ],
)
def test_small_and_degenerate_documents_match_sumy(fast_class, text):
    document = parse(text)
    # Scores equal up to summation order tie in the fast summarizers, and ties go to the
    # earlier sentence as in sumy's stable sort; sumy itself would follow the noise.
    reference = np.round(REFERENCES[fast_class](document), RATING_DECIMALS)
    fast = configured(fast_class)
    np.testing.assert_allclose(fast.sentence_scores(document.sentences), reference, atol=1e-9)
    ratings = dict(zip(document.sentences, reference.tolist(), strict=True))
    for count in (1, 2, 3, "50%"):
        expected = fast._get_best_sentences(document.sentences, count, ratings)
        assert fast(document, count) == expected


def test_noise_level_differences_do_not_decide_the_ranking():
    document = parse("Rebels captured Homs. Markets rallied strongly. Snow blanketed Oslo.")
    sumy_scores = sumy_text_rank_scores(document)
    assert max(sumy_scores) - min(sumy_scores) < 1e-15
    assert [str(s) for s in configured(FastTextRankSummarizer)(document, 1)] == [
        "Rebels captured Homs."
    ]


@pytest.mark.parametrize("fast_class", [FastLexRankSummarizer, FastTextRankSummarizer])
def test_empty_document_selects_nothing(fast_class):
    assert configured(fast_class)(parse(""), 3) == ()


def test_stop_words_are_normalised_and_used():
    document = parse("The war goes on. The war ends. Peace talks begin. Peace holds.")
    summarizer = FastLexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = ["THE", "On"]
    assert summarizer.stop_words == frozenset({"the", "on"})
    sumy = LexRankSummarizer(Stemmer("english"))
    sumy.stop_words = ["THE", "On"]
    assert summarizer(document, 2) == sumy(document, 2)
