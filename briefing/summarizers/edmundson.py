"""Edmundson through sumy's own class (cue, key, title and location methods are linear in
the document), given our stemmer, stop words and cue words. It is the one summarizer that
imports sumy's summarizers and so NLTK, on first use only."""

from __future__ import annotations

import numpy as np

from briefing.summarizers.words import Document, WordRules, Words

# Edmundson's cue method wants words that mark a sentence as worth keeping
# (events, numbers of people) and words that mark it as weak (hedges, asides).
BONUS_WORDS = """killed captured seized took attacked launched destroyed advanced fell
    withdrew announced agreed signed sent deployed struck bombed fled closed met meet control
    offensive ceasefire dead wounded""".split()
STIGMA_WORDS = """may might could perhaps reportedly allegedly unclear likely meanwhile
    however also""".split()


def scores(document: Document, count: int, rules: WordRules) -> np.ndarray:
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.summarizers.edmundson import EdmundsonSummarizer

    summarizer = EdmundsonSummarizer(rules.stem)
    summarizer.null_words = rules.stop_words
    summarizer.bonus_words = BONUS_WORDS
    summarizer.stigma_words = STIGMA_WORDS
    words = dict(zip(document.texts, document.words, strict=True))
    sentences = [SumySentence(text, _GivenWords(words)) for text in document.texts]
    # sumy's ratings, taken where its __call__ hands them to its selection step.
    ratings: dict[object, float] = {}
    summarizer._get_best_sentences = lambda _, __, rating: ratings.update(rating) or ()
    summarizer(ObjectDocumentModel((Paragraph(sentences),)), count)
    return np.array([ratings[s] for s in sentences], dtype=float)


class _GivenWords:
    """A sumy tokenizer that looks up the words already split for each sentence."""

    def __init__(self, words: dict[str, Words]) -> None:
        self._words = words

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(self._words[text])
