"""sumy 0.13's own summarizers, configured as ours (same stemmer, stop words and words):
the reference both the tests and the benchmark compare our selections with."""

from __future__ import annotations

import numpy as np
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from briefing.annotate.sentences import SentenceTokenizer
from briefing.summarizers.edmundson import BONUS_WORDS, STIGMA_WORDS
from briefing.summarizers.words import best_sentences, stemmer, stop_words

SUMY_CLASSES = {
    "lex-rank": LexRankSummarizer,
    "text-rank": TextRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "edmundson": EdmundsonSummarizer,
    "kl": KLSummarizer,
    "sum-basic": SumBasicSummarizer,
    "reduction": ReductionSummarizer,
}
TOKENIZER = SentenceTokenizer()


def configured(name: str) -> object:
    summarizer = SUMY_CLASSES[name](stemmer())
    if name == "edmundson":
        summarizer.null_words = stop_words()
        summarizer.bonus_words = BONUS_WORDS
        summarizer.stigma_words = STIGMA_WORDS
    else:
        summarizer.stop_words = stop_words()
    return summarizer


def sumy_document(texts: list[str]) -> ObjectDocumentModel:
    return ObjectDocumentModel((Paragraph([SumySentence(t, TOKENIZER) for t in texts]),))


def sumy_select(name: str, texts: list[str], count: int) -> list[int]:
    """sumy's picks as indices of `texts` (first occurrence of a repeated text)."""
    if name == "lsa":
        return sumy_lsa_select(texts, count)
    position: dict[str, int] = {}
    for i, text in enumerate(texts):
        position.setdefault(text.strip(), i)
    chosen = configured(name)(sumy_document(texts), count)
    return sorted({position[str(s)] for s in chosen})


def sumy_lsa_select(texts: list[str], count: int) -> list[int]:
    """sumy's LSA ratings (its SVD), then its selection step with ties to the earlier
    sentence. sumy's own picks among tied sentences follow SVD noise over a term order that
    changes with the process's hash seed: run twice, it picks differently."""
    summarizer = configured("lsa")
    document = sumy_document(texts)
    dictionary = summarizer._create_dictionary(document)
    if not dictionary:
        return []
    matrix = summarizer._create_matrix(document, dictionary)
    matrix = summarizer._compute_term_frequency(matrix)
    _, sigma, v = np.linalg.svd(matrix, full_matrices=False)
    ratings = np.round(summarizer._compute_ranks(sigma, v), 9).tolist()
    return best_sentences([t.strip() for t in texts], ratings, count)
