"""Extractive summarizers, one algorithm per module as in sumy, selecting what sumy 0.13's
classes select (given the same stemmer) at a fraction of the cost: sparse matrices where
sumy loops over sentence pairs, greedy steps scored for all sentences at once.

Each algorithm module has `scores(sentences, count, rules) -> ratings` over the sentences'
words; `briefing.summarize.select_sentences` turns ratings into a selection.
"""
