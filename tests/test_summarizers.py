"""Our summarizers must select exactly what sumy 0.13's classes select with the same
stemmer and stop words, and must not need NLTK."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from sumy.nlp.stemmers import Stemmer as NltkStemmer

from briefing.options import SUMMARIZERS
from briefing.resources import seed_paths
from briefing.summarize import select_sentences
from briefing.summarizers import lex_rank, text_rank
from briefing.summarizers.words import Document, english_rules, stemmer
from tests.sumy_reference import TOKENIZER, configured, sumy_document, sumy_select

GROUND_TRUTH = Path(__file__).resolve().parents[2] / "shared/extraction-dev/ground-truth.json"
# sumy's KL is cubic in sentences: keep its documents small enough to finish.
SUMY_SENTENCE_LIMIT = {"kl": 80}


def _ground_truth_sentences() -> list[str]:
    if not GROUND_TRUTH.exists():
        pytest.skip(f"{GROUND_TRUTH} not present")
    bodies = [page["articleBody"] for page in json.loads(GROUND_TRUTH.read_text()).values()]
    sentences = [s for body in bodies for s in TOKENIZER.to_sentences(body)]
    return list(dict.fromkeys(sentences))


@pytest.fixture(scope="module")
def documents() -> dict[str, list[str]]:
    sentences = _ground_truth_sentences()
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in seed_paths())
    return {
        # Both seeds carry the same Reuters story: many shared words, hence near-ties.
        "seeds": list(TOKENIZER.to_sentences(seeds)),
        "pages-50": sentences[:50],
        # A different stretch of pages, so the two documents share nothing.
        "pages-200": sentences[-200:],
    }


@pytest.mark.parametrize("name", SUMMARIZERS)
@pytest.mark.parametrize("document", ["seeds", "pages-50", "pages-200"])
def test_same_selections_as_sumy(documents, name, document):
    texts = documents[document][: SUMY_SENTENCE_LIMIT.get(name)]
    assert len(texts) >= 50
    for count in (1, 5, 10):
        assert select_sentences(texts, name, count) == sumy_select(name, texts, count)


@pytest.mark.parametrize("name", SUMMARIZERS)
@pytest.mark.parametrize(
    "text",
    [
        # Only stop words: every sentence has an empty word list.
        "It is what it is. And so on. Was it? It was.",
        # No two sentences share a stem.
        "Rebels captured Homs. Markets rallied strongly. Snow blanketed Oslo. Tea cooled.",
        # Repeats and one-word sentences (a log-length norm of zero for a pair).
        "Damascus. Damascus. Fighting spread. Fighting spread near Damascus. Aleppo fell.",
        "Iran sends missiles. Iran sends drones! Russia sends jets? Iran and Russia talk.",
        # Capitalised stop words: sumy's KL counts "The" in the document but not "the".
        "The war goes on. The war ends. Peace talks begin today. The peace holds, the talks go on.",
    ],
)
def test_small_and_degenerate_documents_match_sumy(name, text):
    texts = list(TOKENIZER.to_sentences(text))
    for count in (1, 2, 3):
        assert select_sentences(texts, name, count) == sumy_select(name, texts, count)


@pytest.mark.parametrize("module", [lex_rank, text_rank])
def test_graph_scores_equal_sumys(documents, module):
    texts = documents["pages-200"]
    name = "lex-rank" if module is lex_rank else "text-rank"
    sumy = configured(name)
    document = sumy_document(texts)
    if module is lex_rank:
        words = [sumy._to_words_set(s) for s in document.sentences]
        matrix = sumy._create_matrix(
            words, sumy.threshold, sumy._compute_tf(words), sumy._compute_idf(words)
        )
        reference = sumy.power_method(matrix, sumy.epsilon)
    else:
        ratings = sumy.rate_sentences(document)
        reference = [ratings[s] for s in document.sentences]
    words = tuple(TOKENIZER.to_words(t) for t in texts)
    ours = module.scores(Document(tuple(texts), words), 5, english_rules())
    np.testing.assert_allclose(ours, reference, rtol=0, atol=1e-9)


def test_stemmer_stems_as_nltks_snowball_on_news_words(documents):
    # sumy's default stemmer is NLTK's; ours must agree so summaries do not change.
    nltk_stem = NltkStemmer("english")
    words = {w.lower() for t in documents["pages-200"] + documents["seeds"]
             for w in TOKENIZER.to_words(t)}  # fmt: skip
    assert len(words) > 1500
    differing = [w for w in words if stemmer()(w) != nltk_stem(w)]
    assert differing == []
    assert stemmer()("Assad\u2019s".lower()) == "assad"


def test_empty_and_short_inputs():
    assert select_sentences([], "lsa", 3) == []
    assert select_sentences(["One.", "Two."], "kl", 5) == [0, 1]
    # No term at all: sumy's LSA selects nothing.
    assert select_sentences(["It is.", "Was it?", "And so on."], "lsa", 1) == []
    with pytest.raises(ValueError, match="unknown summarizer"):
        select_sentences(["a", "b"], "gpt", 1)


def test_summaries_need_no_nltk():
    code = (
        "import sys\n"
        "from briefing.summarize import select_sentences\n"
        "texts = ['Rebels took Homs today.', 'Rebels took Hama.', 'Snow fell in Oslo.']\n"
        "from briefing.options import SUMMARIZERS\n"
        "for name in SUMMARIZERS:\n"
        "    select_sentences(texts, name, 1)\n"
        "print('nltk' in sys.modules, 'scipy.stats' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["False", "False"], result.stderr
