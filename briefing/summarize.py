"""Stage 4: extractive summaries with sumy, over sentences we have already split.

sumy's own Tokenizer needs NLTK's punkt data, which is not installed and cannot be
fetched; the document is therefore built directly from our sentences, with our
tokenizer supplying the words.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING

from briefing.options import SUMMARIZERS
from briefing.sentences import SentenceTokenizer

if TYPE_CHECKING:
    from sumy.summarizers._summarizer import AbstractSummarizer

LANGUAGE = "english"

# Edmundson's cue method wants words that mark a sentence as worth keeping
# (events, numbers of people) and words that mark it as weak (hedges, asides).
_EDMUNDSON_BONUS = """killed captured seized took attacked launched destroyed advanced fell
    withdrew announced agreed signed sent deployed struck bombed fled closed met meet control
    offensive ceasefire dead wounded""".split()
_EDMUNDSON_STIGMA = """may might could perhaps reportedly allegedly unclear likely meanwhile
    however also""".split()

# Where each algorithm lives. Imported on first use: sumy's summarizers import NLTK,
# which takes most of a second, and a warm start or `--help` should not pay for it.
_CLASSES: dict[str, tuple[str, str]] = {
    "lex-rank": ("briefing.ranking", "FastLexRankSummarizer"),
    "text-rank": ("briefing.ranking", "FastTextRankSummarizer"),
    "lsa": ("sumy.summarizers.lsa", "LsaSummarizer"),
    "luhn": ("sumy.summarizers.luhn", "LuhnSummarizer"),
    "edmundson": ("sumy.summarizers.edmundson", "EdmundsonSummarizer"),
    "kl": ("sumy.summarizers.kl", "KLSummarizer"),
    "sum-basic": ("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
    "reduction": ("sumy.summarizers.reduction", "ReductionSummarizer"),
}


@cache
def _tokenizer() -> SentenceTokenizer:
    return SentenceTokenizer()


def make_summarizer(name: str) -> AbstractSummarizer:
    """A ready sumy summarizer by its CLI name (see SUMMARIZERS)."""
    try:
        module, cls = _CLASSES[name]
    except KeyError:
        raise ValueError(
            f"unknown summarizer {name!r}; choose one of {', '.join(SUMMARIZERS)}"
        ) from None
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.edmundson import EdmundsonSummarizer
    from sumy.utils import get_stop_words

    summarizer = getattr(import_module(module), cls)(Stemmer(LANGUAGE))
    stop_words = get_stop_words(LANGUAGE)
    if isinstance(summarizer, EdmundsonSummarizer):
        summarizer.null_words = stop_words
        summarizer.bonus_words = _EDMUNDSON_BONUS
        summarizer.stigma_words = _EDMUNDSON_STIGMA
    else:
        summarizer.stop_words = stop_words
    return summarizer


def select_sentences(texts: Sequence[str], summarizer: str, count: int) -> list[int]:
    """Indices of the `count` sentences the summarizer ranks best, in input order."""
    if count <= 0 or not texts:
        return []
    if len(texts) <= count:
        return list(range(len(texts)))
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = _tokenizer()
    sentences = [SumySentence(text, tokenizer) for text in texts]
    document = ObjectDocumentModel((Paragraph(sentences),))
    chosen = make_summarizer(summarizer)(document, count)
    # sumy compares sentences by text; map each pick to its first occurrence.
    position: dict[str, int] = {}
    for i, text in enumerate(texts):
        position.setdefault(text.strip(), i)
    return sorted({position[str(sentence)] for sentence in chosen})
