"""Stage 4: extractive summaries with sumy, over sentences we have already split.

sumy's own Tokenizer needs NLTK's punkt data, which is not installed and cannot be
fetched; the document is therefore built directly from our sentences, with our
tokenizer supplying the words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers._summarizer import AbstractSummarizer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.utils import get_stop_words

from briefing.ranking import FastLexRankSummarizer, FastTextRankSummarizer
from briefing.sentences import SentenceTokenizer

LANGUAGE = "english"

# Edmundson's cue method wants words that mark a sentence as worth keeping
# (events, numbers of people) and words that mark it as weak (hedges, asides).
_EDMUNDSON_BONUS = """killed captured seized took attacked launched destroyed advanced fell
    withdrew announced agreed signed sent deployed struck bombed fled closed met meet control
    offensive ceasefire dead wounded""".split()
_EDMUNDSON_STIGMA = """may might could perhaps reportedly allegedly unclear likely meanwhile
    however also""".split()

_FACTORIES: dict[str, Callable[[Stemmer], AbstractSummarizer]] = {
    "lex-rank": FastLexRankSummarizer,
    "text-rank": FastTextRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "edmundson": EdmundsonSummarizer,
    "kl": KLSummarizer,
    "sum-basic": SumBasicSummarizer,
    "reduction": ReductionSummarizer,
}
SUMMARIZERS: tuple[str, ...] = tuple(_FACTORIES)


@cache
def _tokenizer() -> SentenceTokenizer:
    return SentenceTokenizer()


def make_summarizer(name: str) -> AbstractSummarizer:
    """A ready sumy summarizer by its CLI name (see SUMMARIZERS)."""
    try:
        factory = _FACTORIES[name]
    except KeyError:
        raise ValueError(
            f"unknown summarizer {name!r}; choose one of {', '.join(SUMMARIZERS)}"
        ) from None
    summarizer = factory(Stemmer(LANGUAGE))
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
    tokenizer = _tokenizer()
    sentences = [SumySentence(text, tokenizer) for text in texts]
    document = ObjectDocumentModel((Paragraph(sentences),))
    chosen = make_summarizer(summarizer)(document, count)
    # sumy compares sentences by text; map each pick to its first occurrence.
    position: dict[str, int] = {}
    for i, text in enumerate(texts):
        position.setdefault(text.strip(), i)
    return sorted({position[str(sentence)] for sentence in chosen})
